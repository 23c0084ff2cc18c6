"""Events of every kind: a public seminar entered as data only shows as a seminar
in every output, with no network-meeting wording and no invented time; an event
moves from upcoming to past with the build date; kind rules are validated."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest
from conftest import DATA, ROOT, build_site
from icalendar import Calendar
from pagetext import article_lines
from test_validation import MEETING, assert_reported, edit

from kin import schema as s

SEMINAR = ROOT / "tests/fixtures/events/2031-05-20.yml"
SITE_URL = "https://kin-nettverk.github.io/kin/"
PAGE = "moter/2031-05-20/"
OSLO = ZoneInfo("Europe/Oslo")
# Wording that belongs to network meetings only.
NETWORK_WORDING = ("Nettverksmøte", "nettverksmøte", "Innkalling", "innkalling", "nettverkets deltakere", "Referat")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


@pytest.fixture(scope="module")
def seminar_sites(tmp_path_factory) -> dict[str, Path]:
    """The real data plus the seminar fixture, built the day before and the day after it."""
    data = tmp_path_factory.mktemp("events") / "data"
    shutil.copytree(DATA, data)
    shutil.copy(SEMINAR, data / "meetings" / SEMINAR.name)
    sites = {}
    for name, today in (("before", "2031-05-19"), ("after", "2031-05-21")):
        out = tmp_path_factory.mktemp(name)
        result = build_site(out, data, today=today)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[name] = out
    return sites


def read(site: Path, path: str) -> str:
    return (
        (site / path / "index.html").read_text(encoding="utf-8")
        if not path.endswith((".ics", ".xml", ".json"))
        else (site / path).read_text(encoding="utf-8")
    )


def test_seminar_page(seminar_sites):
    html = read(seminar_sites["before"], PAGE)
    lines = article_lines(html)
    text = "\n".join(lines)
    assert lines[0] == "Testseminar om kunstig intelligens for alle"
    assert lines[1].startswith("Seminar i KI-stafetten arrangert av UiO sammen med NTNU.")
    assert "Åpent for alle." in lines[1]
    assert "<title>Seminar: Testseminar om kunstig intelligens for alle" in html
    facts = dict(zip(lines[2:30:2], lines[3:30:2], strict=False))
    assert facts["Type"] == "Seminar"
    assert facts["Sted"] == "Testbiblioteket, Prøvegata 7, Eksempelby"
    assert facts["For hvem"] == "Åpent for alle"
    assert facts["Påmelding"] == "Meld deg på, innen 13. mai 2031"
    assert facts["Tid"] == "ikke oppgitt"
    assert "Plattform" not in facts
    assert 'href="https://example.org/program"' in html and 'href="https://example.org/pamelding"' in html
    assert "Program" in lines and "Agenda" not in lines
    for words in NETWORK_WORDING:
        assert words not in text, words
    assert not CLOCK.search(text)


def test_seminar_in_index_and_home(seminar_sites):
    index = "\n".join(article_lines(read(seminar_sites["before"], "moter/")))
    upcoming = index.split("Kommende møter og arrangementer")[1].split("Tidligere møter og arrangementer")[0]
    assert "Testseminar om kunstig intelligens for alle Seminar" in upcoming
    assert "Testbiblioteket, Prøvegata 7, Eksempelby · Åpent for alle" in upcoming
    home = article_lines(read(seminar_sites["before"], ""))
    card = "\n".join(home[home.index("Neste møte eller arrangement") : home.index("Siste uttalelser")])
    assert "Testseminar om kunstig intelligens for alle Seminar" in card
    assert "arrangementet holdes på Testbiblioteket" in card and "Åpent for alle." in card
    assert "Meld deg på innen 13. mai 2031" in card
    for words in NETWORK_WORDING:
        assert words not in card, words
    assert not CLOCK.search(card)


def test_seminar_in_calendars(seminar_sites):
    for path in ("kin.ics", "moter/2031-05-20.ics"):
        cal = Calendar.from_ical((seminar_sites["before"] / path).read_bytes())
        (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "meeting-2031-05-20@kin-nettverk.no"]
        assert str(event["SUMMARY"]) == "Seminar: Testseminar om kunstig intelligens for alle"
        assert [str(c) for c in event["CATEGORIES"].cats] == ["Seminar", "KI-stafetten"]
        assert str(event["LOCATION"]) == "Testbiblioteket, Prøvegata 7, Eksempelby"
        assert str(event["URL"]) == SITE_URL + PAGE
        assert event.decoded("DTSTART") == date(2031, 5, 20) and event["DTSTART"].params["VALUE"] == "DATE"
        assert event.decoded("DTEND") == date(2031, 5, 21)
        description = str(event["DESCRIPTION"])
        assert "Program: https://example.org/program" in description and "For hvem: Åpent for alle" in description
        for words in NETWORK_WORDING:
            assert words not in description, words
        assert not CLOCK.search(description)


def test_seminar_in_feed(seminar_sites):
    feed = feedparser.parse((seminar_sites["before"] / "moter.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entry = next(e for e in feed.entries if e.link == SITE_URL + PAGE)
    assert entry.title == "Seminar kunngjort: Testseminar om kunstig intelligens for alle"
    # dated the day it was announced; Atom needs a time, and a date alone is its start
    assert datetime.fromisoformat(entry.updated) == datetime(2031, 3, 1, tzinfo=OSLO)
    assert "Seminar: Testseminar" in entry.summary and "Testbiblioteket, Prøvegata 7, Eksempelby" in entry.summary
    assert "Program: https://example.org/program" in entry.summary and "Åpent for alle" in entry.summary
    for words in NETWORK_WORDING:
        assert words not in entry.summary, words
    assert not CLOCK.search(entry.summary)


def test_seminar_in_open_data(seminar_sites):
    events = json.loads(read(seminar_sites["before"], "api/meetings.json"))
    seminar = next(e for e in events if e["id"] == "2031-05-20")
    assert seminar["kind"] == "seminar" and seminar["audience"] == "public"
    assert seminar["venue"] == {"name": "Testbiblioteket", "address": "Prøvegata 7", "city": "Eksempelby"}
    assert seminar["programme_url"] == "https://example.org/program"
    assert "start" not in seminar and "end" not in seminar and "minutes" not in seminar
    schema = json.loads(read(seminar_sites["before"], "api/schema/meetings.schema.json"))
    kinds = schema["$defs"]["EventKind"]["enum"]
    assert "seminar" in kinds and "network-meeting" in kinds


def test_seminar_on_its_organisers_pages(seminar_sites):
    for org, note in (("uio", "Seminar, 20. mai 2031"), ("ntnu", "Seminar, 20. mai 2031, medarrangør")):
        lines = article_lines(read(seminar_sites["before"], f"organisasjoner/{org}/"))
        events = lines[lines.index("Arrangementer") + 1]
        assert events == f"Testseminar om kunstig intelligens for alle {note}", org


def test_seminar_at_a_venue_is_an_education_event_with_its_organisers(seminar_sites):
    from test_share import head, validate_jsonld  # the JSON-LD checks of every page

    (text,) = head(seminar_sites["before"] / PAGE / "index.html").jsonld
    doc = json.loads(text)
    validate_jsonld(doc)
    assert doc["@type"] == "EducationEvent" and doc["startDate"] == "2031-05-20" and "endDate" not in doc
    assert doc["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert doc["location"] == {
        "@type": "Place",
        "name": "Testbiblioteket",
        "address": {"@type": "PostalAddress", "streetAddress": "Prøvegata 7", "addressLocality": "Eksempelby"},
    }
    assert [o["name"] for o in doc["organizer"]] == [
        "Kunstig intelligens i norsk helsetjeneste",
        "Universitetet i Oslo",
        "Norges teknisk-naturvitenskapelige universitet",
    ]


def test_cancelled_event_is_not_the_next_one(data_copy):
    from kin import load_dataset
    from kin.export import meeting_event
    from kin_site.render import Site

    rel = write_seminar(data_copy)
    edit(data_copy, rel, "format: physical", "format: physical\nstatus: cancelled")
    data = load_dataset(data_copy)
    assert Site(data, date(2031, 5, 19)).next_meeting() is None
    assert str(meeting_event(data.meeting["2031-05-20"], data, SITE_URL)["STATUS"]) == "CANCELLED"
    edit(data_copy, rel, "status: cancelled", "status: confirmed")
    data = load_dataset(data_copy)
    assert Site(data, date(2031, 5, 19)).next_meeting().id == "2031-05-20"


def test_event_moves_from_upcoming_to_past(seminar_sites):
    def sections(site: Path) -> tuple[str, str]:
        index = "\n".join(article_lines(read(site, "moter/")))
        upcoming, past = index.split("Tidligere møter og arrangementer")
        return upcoming, past

    upcoming, past = sections(seminar_sites["before"])
    assert "Testseminar" in upcoming and "Testseminar" not in past
    upcoming, past = sections(seminar_sites["after"])
    assert "Testseminar" not in upcoming and "Testseminar" in past
    assert "2031\nSeminarer\nTestseminar om kunstig intelligens for alle" in past

    home_before, home_after = (read(seminar_sites[k], "") for k in ("before", "after"))
    assert "Ingen kommende" not in home_before and "Ingen kommende møter eller arrangementer" in home_after
    relay_before, relay_after = (
        "\n".join(article_lines(read(seminar_sites[k], "ki-stafetten/"))) for k in ("before", "after")
    )
    assert "Testseminar" in relay_before.split("Kommende etapper")[1].split("Tidligere etapper")[0]
    assert "Testseminar" in relay_after.split("Tidligere etapper")[1]


# --- Validation: kind rules and the new fields ----------------------------------------------


def write_seminar(data: Path, text: str | None = None) -> str:
    rel = f"meetings/{SEMINAR.name}"
    (data / rel).write_text(text or SEMINAR.read_text(encoding="utf-8"), encoding="utf-8")
    return rel


def test_minutes_only_where_the_kind_has_them(data_copy):
    rel = write_seminar(data_copy)
    line = edit(data_copy, rel, "relay: true\n", "relay: true\nminutes:\n  published_on: Teams\n") + 1
    assert_reported(data_copy, f"data/{rel}:{line}:1: minutes: ", "et arrangement av typen seminar har ikke minutes")


def test_polls_only_where_the_kind_has_them(data_copy):
    rel = write_seminar(data_copy)
    edit(data_copy, rel, "kind: seminar", "kind: conference")
    line = edit(data_copy, rel, "relay: true\n", "relay: true\npolls:\n  - {question: Hvem?, kind: open}\n") + 1
    assert_reported(data_copy, f"data/{rel}:{line}:1: polls: ", "et arrangement av typen conference har ikke polls")


def test_unknown_kind(data_copy):
    rel = write_seminar(data_copy)
    line = edit(data_copy, rel, "kind: seminar", "kind: lecture")
    assert_reported(data_copy, f"data/{rel}:{line}:1: kind: ", "«lecture»")


def test_network_meeting_needs_a_theme(data_copy):
    rel = write_seminar(data_copy)
    edit(data_copy, rel, "kind: seminar", "kind: network-meeting")
    assert_reported(data_copy, f"data/{rel}:2:1: theme: ", "mangler (for arrangementer av typen network-m")


def test_digital_event_has_no_venue(data_copy):
    rel = write_seminar(data_copy)
    edit(data_copy, rel, "format: physical", "format: digital")
    line = edit(data_copy, rel, "venue:", "venue:")
    assert_reported(data_copy, f"data/{rel}:{line}:1: venue: ", "et digitalt arrangement har ikke noe sted")


def test_physical_event_has_no_online_platform(data_copy):
    line = edit(data_copy, MEETING, "format: digital\nonline:", "format: physical\nonline:") + 1
    assert_reported(data_copy, f"data/{MEETING}:{line}:1: online: ", "et fysisk arrangement har ingen nettplattform")


def test_no_registration_with_a_registration_url(data_copy):
    rel = write_seminar(data_copy)
    line = edit(
        data_copy, rel, "  url: https://example.org/pamelding", "  required: false\n  url: https://example.org/x"
    )
    assert_reported(data_copy, f"data/{rel}:{line}:3: registration.required: ", "påmelding er ikke påkrevd")


def test_registration_deadline_after_the_event(data_copy):
    rel = write_seminar(data_copy)
    line = edit(data_copy, rel, "deadline: 2031-05-13", "deadline: 2031-06-13")
    assert_reported(data_copy, f"data/{rel}:{line}:3: registration.deadline: ", "kan ikke være etter arrangementet")


def test_unknown_organiser(data_copy):
    rel = write_seminar(data_copy)
    line = edit(data_copy, rel, "co_organisers: [ntnu]", "co_organisers: [ntnu, hogwarts]")
    assert_reported(data_copy, f"data/{rel}:{line}:", "co_organisers[1]: ukjent id: organisasjonen «hogwarts»")


def test_empty_venue(data_copy):
    rel = write_seminar(data_copy)
    text = (data_copy / rel).read_text(encoding="utf-8")
    text = re.sub(r"venue:\n(  .*\n)+", "venue: {}\n", text)
    write_seminar(data_copy, text)
    line = text[: text.index("venue:")].count("\n") + 1
    assert_reported(data_copy, f"data/{rel}:{line}:", "venue: oppgi minst stedets navn (name), adresse")


def test_relay_stage_is_always_in_the_relay(data_copy):
    rel = write_seminar(data_copy)
    edit(data_copy, rel, "kind: seminar", "kind: relay-stage")
    line = edit(data_copy, rel, "relay: true", "relay: false")
    assert_reported(data_copy, f"data/{rel}:{line}:1: relay: ", "alltid en del av stafetten")


def test_old_meeting_fields_say_where_they_went(data_copy):
    line = edit(data_copy, MEETING, "online:\n  platform: Teams\n", "platform: Teams\n")
    assert_reported(data_copy, f"data/{MEETING}:{line}:1: platform: ", "skrives nå som online: {platform: ...}")


def test_feeds_have_norwegian_labels_and_no_invented_time(built_site):
    english = {v.value for enum in (s.StatementStatus, s.EventKind, s.Audience, s.EventStatus) for v in enum}
    for name in ("moter.xml", "uttalelser.xml"):
        feed = feedparser.parse((built_site / name).read_bytes())
        assert not feed.bozo and feed.entries
        for entry in feed.entries:
            # no source gives a time of day for these entries: each is dated the start of its day
            assert datetime.fromisoformat(entry.updated).time() == time(0), entry.id
            words = set(re.findall(r"[\w-]+", entry.summary))
            assert not words & english, (entry.id, words & english)
    statements = feedparser.parse((built_site / "uttalelser.xml").read_bytes())
    with_status = [e for e in statements.entries if e.summary.startswith("Status: ")]
    assert with_status and all(e.summary.startswith("Status: Forslag. ") for e in with_status)


def test_seminar_pages_are_valid_html(seminar_sites):
    from test_html_valid import check_html, is_material

    pages = [
        seminar_sites["before"] / p / "index.html" for p in (PAGE, "moter/", "", "ki-stafetten/", "organisasjoner/uio/")
    ]
    messages = check_html(*pages)
    assert messages  # Material's known errors prove that the checker ran
    ours = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages if not is_material(m)]
    assert not ours, "\n".join(ours)
