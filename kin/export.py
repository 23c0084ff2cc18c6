"""Every output that is not a page, from the validated dataset: iCalendar and
Atom feeds here, open data (``kin.opendata``) and the course catalogue
downloads (``kin.catalogue``). No MkDocs needed.

``files(data, site_url)`` gives them all as site-relative path -> bytes;
``write_all(data, out_dir, site_url)`` writes them below ``out_dir``. The site
build and ``python -m kin export OUT_DIR`` both call ``write_all``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from kin import catalogue, opendata, routes
from kin import schema as s
from kin.dataset import Dataset

OSLO = ZoneInfo("Europe/Oslo")
UID_DOMAIN = "kin-nettverk.no"
ATOM = "http://www.w3.org/2005/Atom"

# --- Calendar ----------------------------------------------------------------


def agenda_summary(meeting: s.Meeting, data: Dataset) -> str:
    lines = []
    for item in meeting.agenda:
        who = ", ".join(data.person[p].name for p in item.speakers)
        lines.append(f"{item.time or ''} {item.title}{f' ({who})' if who else ''}".strip())
    return "\n".join(lines)


def meeting_event(meeting: s.Meeting, data: Dataset, site_url: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{UID_DOMAIN}")
    event.add("summary", f"KIN: {meeting.theme}")
    if meeting.start:
        start = datetime.combine(meeting.date, time.fromisoformat(meeting.start), OSLO)
        end_clock = time.fromisoformat(meeting.end) if meeting.end else None
        end = datetime.combine(meeting.date, end_clock, OSLO) if end_clock else start + timedelta(hours=2)
        event.add("dtstart", start)
        event.add("dtend", end)
    else:  # time not known: an all-day event
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    event.add("dtstamp", datetime.combine(meeting.date, time(0), UTC))
    description = f"{meeting.title}. Tema: {meeting.theme}."
    if meeting.agenda:
        description += "\n\nAgenda:\n" + agenda_summary(meeting, data)
    event.add("description", description)
    where = meeting.place or meeting.platform
    if where:
        event.add("location", where)
    event.add("url", site_url + routes.meeting(meeting.id))
    return event


def stage_event(stage: s.Stage, relay: s.Relay, site_url: str) -> Event:
    event = Event()
    event.add("uid", f"relay-{stage.id}@{UID_DOMAIN}")
    event.add("summary", f"KI-stafetten: {stage.title}")
    event.add("dtstart", stage.date)
    event.add("dtend", (stage.end_date or stage.date) + timedelta(days=1))
    event.add("dtstamp", datetime.combine(stage.date, time(0), UTC))
    kind = next(k.name for k in relay.event_kinds if k.id == stage.kind)
    event.add("description", f"{kind}. {stage.description or ''}".strip())
    if stage.place:
        event.add("location", stage.place)
    event.add("url", stage.url or site_url + routes.RELAY)
    return event


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//KIN//Kunstig intelligens i norsk helsetjeneste//NO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Oslo")
    return cal


def _finish(cal: Calendar, dates: list[date]) -> bytes:
    if dates:
        cal.add_missing_timezones(
            first_date=min(dates) - timedelta(days=366), last_date=max(dates) + timedelta(days=366)
        )
    return cal.to_ical()


def calendar_feed(data: Dataset, site_url: str) -> bytes:
    cal = _calendar("KIN – møter og KI-stafetten")
    for meeting in data.meetings:
        cal.add_component(meeting_event(meeting, data, site_url))
    for stage in data.relay.stages:
        cal.add_component(stage_event(stage, data.relay, site_url))
    return _finish(cal, [m.date for m in data.meetings] + [st.date for st in data.relay.stages])


def meeting_calendar(meeting: s.Meeting, data: Dataset, site_url: str) -> bytes:
    cal = _calendar(f"KIN – {meeting.title}")
    cal.add_component(meeting_event(meeting, data, site_url))
    return _finish(cal, [meeting.date])


# --- Atom feeds --------------------------------------------------------------


def _stamp(day: date) -> str:
    return datetime.combine(day, time(12), OSLO).isoformat()


def atom_feed(title: str, feed_id: str, self_url: str, page_url: str, entries: list[dict]) -> bytes:
    """Entries: dicts with id, title, url, updated (date), summary."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nb"})

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "title", title)
    sub(feed, "id", feed_id)
    sub(feed, "link", rel="self", href=self_url)
    sub(feed, "link", rel="alternate", href=page_url)
    updated = max((e["updated"] for e in entries), default=date(2022, 1, 1))
    sub(feed, "updated", _stamp(updated))
    author = sub(feed, "author")
    sub(author, "name", "KIN – Kunstig intelligens i norsk helsetjeneste")
    for e in sorted(entries, key=lambda e: e["updated"], reverse=True):
        entry = sub(feed, "entry")
        sub(entry, "title", e["title"])
        sub(entry, "id", e["id"])
        sub(entry, "link", rel="alternate", href=e["url"])
        sub(entry, "updated", _stamp(e["updated"]))
        sub(entry, "summary", e["summary"])
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def statement_entries(data: Dataset, site_url: str) -> list[dict]:
    entries = []
    for st in data.statements:
        dates = [h.date for h in st.history] + ([st.date] if st.date else [])
        updated = max(dates, default=data.meeting[st.origin.meeting].date)
        status = f"Status: {st.status.value}. " if st.status else ""
        entries.append(
            {
                "id": f"tag:{UID_DOMAIN},2022:statement/{st.id}/{updated.isoformat()}",
                "title": st.title,
                "url": site_url + routes.statement(st.id),
                "updated": updated,
                "summary": status + " ".join(st.text),
            }
        )
    return entries


def meeting_entries(data: Dataset, site_url: str) -> list[dict]:
    entries = []
    for m in data.meetings:
        what = "Agenda publisert" if m.agenda else "Møte kunngjort"
        entries.append(
            {
                "id": f"tag:{UID_DOMAIN},2022:meeting/{m.id}/agenda",
                "title": f"{what}: {m.title} – {m.theme}",
                "url": site_url + routes.meeting(m.id),
                "updated": m.date,
                "summary": f"{m.theme}. {m.date.isoformat()}{f' kl. {m.start}' if m.start else ''}.",
            }
        )
        if m.minutes and m.minutes.status is s.MinutesStatus.approved:
            entries.append(
                {
                    "id": f"tag:{UID_DOMAIN},2022:meeting/{m.id}/minutes",
                    "title": f"Referat godkjent: {m.title}",
                    "url": site_url + routes.meeting(m.id) + "#referat",
                    "updated": m.date,
                    "summary": m.minutes.approval or "Referatet er godkjent.",
                }
            )
    return entries


def files(data: Dataset, site_url: str) -> dict[str, bytes]:
    """Site-relative path -> content of every non-page output."""
    return {
        routes.CALENDAR: calendar_feed(data, site_url),
        routes.FEED_STATEMENTS: atom_feed(
            "KIN – uttalelser",
            f"tag:{UID_DOMAIN},2022:statements",
            site_url + routes.FEED_STATEMENTS,
            site_url + routes.STATEMENTS,
            statement_entries(data, site_url),
        ),
        routes.FEED_MEETINGS: atom_feed(
            "KIN – møter og referater",
            f"tag:{UID_DOMAIN},2022:meetings",
            site_url + routes.FEED_MEETINGS,
            site_url + routes.MEETINGS,
            meeting_entries(data, site_url),
        ),
        **{routes.meeting_calendar(m.id): meeting_calendar(m, data, site_url) for m in data.meetings},
        **opendata.api_files(data),
        **catalogue.catalogue_files(data),
    }


def write_all(data: Dataset, out_dir: Path, site_url: str) -> list[Path]:
    written = []
    for rel, content in files(data, site_url).items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written
