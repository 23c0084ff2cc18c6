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

from icalendar import Calendar, Event

from kin import catalogue, localtime, opendata, routes
from kin import schema as s
from kin.dataset import Dataset
from kin.labels import label

UID_DOMAIN = "kin-nettverk.no"
ATOM = "http://www.w3.org/2005/Atom"

# --- Calendar ----------------------------------------------------------------

ICS_STATUS = {
    s.EventStatus.planned: "TENTATIVE",
    s.EventStatus.confirmed: "CONFIRMED",
    s.EventStatus.cancelled: "CANCELLED",
}


def agenda_summary(meeting: s.Event, data: Dataset) -> str:
    lines = []
    for item in meeting.agenda:
        who = ", ".join(data.person[p].name for p in item.speakers)
        lines.append(f"{item.time or ''} {item.title}{f' ({who})' if who else ''}".strip())
    return "\n".join(lines)


def location(event: s.Event) -> str | None:
    """Venue with its address, or the online platform, or both; None when neither is given."""
    venue = ", ".join(x for x in (event.venue.name, event.venue.address, event.venue.city) if x) if event.venue else ""
    platform = event.online.platform if event.online else ""
    if venue and platform:
        return f"{venue} (også på {platform})"
    return venue or platform or None


def organisers(event: s.Event, data: Dataset) -> list[str]:
    return [data.org[o].name for o in event.organisers] or ["KIN"]


def details(event: s.Event, data: Dataset) -> list[str]:
    """Facts beyond date and place, one line each, only those the data gives."""
    lines = []
    if event.organisers or event.co_organisers:
        lines.append("Arrangør: " + ", ".join(organisers(event, data)))
    if event.co_organisers:
        lines.append("Medarrangør: " + ", ".join(data.org[o].name for o in event.co_organisers))
    if event.audience:
        lines.append(f"For hvem: {label(event.audience)}")
    if reg := event.registration:
        if not reg.required:
            lines.append("Påmelding: ingen påmelding")
        else:
            when = f" innen {reg.deadline.isoformat()}" if reg.deadline else ""
            lines.append(f"Påmelding{when}: {reg.url}" if reg.url else f"Påmelding{when}")
    if event.online and event.online.join_url:
        lines.append(f"Delta på {event.online.platform}: {event.online.join_url}")
    if event.programme_url:
        lines.append(f"Program: {event.programme_url}")
    return lines


def meeting_event(meeting: s.Event, data: Dataset, site_url: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{UID_DOMAIN}")
    network = meeting.kind is s.EventKind.network_meeting
    event.add("summary", f"KIN: {meeting.heading}" if network else f"{label(meeting.kind)}: {meeting.heading}")
    if meeting.start:
        event.add("dtstart", localtime.calendar_time(meeting.date, meeting.start))
        if meeting.end:  # no end given: no DTEND, rather than an invented one
            event.add("dtend", localtime.calendar_time(meeting.last_day, meeting.end))
    else:  # time not known: all-day
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.last_day + timedelta(days=1))
    event.add("dtstamp", datetime.combine(meeting.date, time(0), UTC))
    description = f"{meeting.title}. Tema: {meeting.theme}." if meeting.theme else f"{meeting.title}."
    if not network:
        description = f"{label(meeting.kind)}. {description}"
    if meeting.description:
        description += f"\n\n{meeting.description}"
    if extra := details(meeting, data):
        description += "\n\n" + "\n".join(extra)
    if meeting.agenda:
        description += ("\n\nAgenda:\n" if network else "\n\nProgram:\n") + agenda_summary(meeting, data)
    event.add("description", description)
    if where := location(meeting):
        event.add("location", where)
    event.add("categories", [label(meeting.kind)] + (["KI-stafetten"] if meeting.in_relay else []))
    if meeting.status:
        event.add("status", ICS_STATUS[meeting.status])
    event.add("url", site_url + routes.meeting(meeting.id))
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
    cal = _calendar("KIN – møter og arrangementer")
    for meeting in data.meetings:
        cal.add_component(meeting_event(meeting, data, site_url))
    return _finish(cal, [m.date for m in data.meetings])


def meeting_calendar(meeting: s.Event, data: Dataset, site_url: str) -> bytes:
    cal = _calendar(f"KIN – {meeting.title}")
    cal.add_component(meeting_event(meeting, data, site_url))
    return _finish(cal, [meeting.date])


# --- Atom feeds --------------------------------------------------------------


def _stamp(day: date) -> str:
    """Atom needs a date-time; a date with no time known is the start of that day in Oslo."""
    return datetime.combine(day, time(0), localtime.OSLO).isoformat()


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
        status = f"Status: {label(st.status)}. " if st.status else ""
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
    """One entry per event, dated the day it was announced (or its own date when that
    is not given); one more when its minutes are approved."""
    entries = []
    for m in data.meetings:
        network = m.kind is s.EventKind.network_meeting
        published = "Agenda publisert" if network else "Program publisert"
        what = published if m.agenda else f"{label(m.kind)} kunngjort"
        name = f"{m.title} – {m.theme}" if m.theme else m.title
        when = m.date.isoformat() + (f"–{m.end_date.isoformat()}" if m.end_date else "")
        clock = f" kl. {m.start}{f'–{m.end}' if m.end else ''}" if m.start else ""
        where = location(m)
        summary = [f"{label(m.kind)}: {m.heading}.", f"{when}{clock}{f', {where}' if where else ''}."]
        summary += [f"{line}." for line in details(m, data)]
        entries.append(
            {
                "id": f"tag:{UID_DOMAIN},2022:meeting/{m.id}/agenda",
                "title": f"{what}: {name}",
                "url": site_url + routes.meeting(m.id),
                "updated": m.announced or m.date,
                "summary": " ".join(summary),
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
            "KIN – møter og arrangementer",
            f"tag:{UID_DOMAIN},2022:meetings",
            site_url + routes.FEED_MEETINGS,
            site_url + routes.MEETINGS,
            meeting_entries(data, site_url),
        ),
        **{routes.meeting_calendar(m.id): meeting_calendar(m, data, site_url) for m in data.meetings},
        **opendata.api_files(data, site_url),
        **catalogue.catalogue_files(data),
        routes.DATAPACKAGE: opendata.datapackage(data, site_url),
    }


def write_all(data: Dataset, out_dir: Path, site_url: str) -> list[Path]:
    written = []
    for rel, content in files(data, site_url).items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written
