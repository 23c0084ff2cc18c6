"""Calendar, feeds and open data in the built site."""

from __future__ import annotations

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import jsonschema
from conftest import DATA
from icalendar import Calendar

from kin import load_dataset

SITE_URL = "https://kin-nettverk.github.io/kin/"
OSLO = ZoneInfo("Europe/Oslo")


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, list(cal.walk("VEVENT"))


def test_calendar_feed_and_meeting_files_parse(built_site):
    data = load_dataset(DATA)
    cal, evs = events(built_site / "kin.ics")
    assert len(evs) == len(data.meetings)
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Oslo"
    for m in data.meetings:
        _, single = events(built_site / f"moter/{m.id}.ics")
        assert [str(e["UID"]) for e in single] == [f"meeting-{m.id}@kin-nettverk.no"]


def test_meeting_one_2022_times_in_oslo(built_site):
    _, (event,) = events(built_site / "moter/2022-02-08.ics")
    assert event.decoded("DTSTART") == datetime(2022, 2, 8, 12, 0, tzinfo=OSLO)
    assert event.decoded("DTEND") == datetime(2022, 2, 8, 15, 30, tzinfo=OSLO)
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert str(event["LOCATION"]) == "Teams"
    assert str(event["URL"]) == SITE_URL + "moter/2022-02-08/"
    assert "14:00 Paneldiskusjon" in str(event["DESCRIPTION"])


def test_meeting_without_time_is_all_day(built_site):
    _, (event,) = events(built_site / "moter/2022-04-05.ics")
    assert str(event.decoded("DTSTART")) == "2022-04-05" and event["DTSTART"].params.get("VALUE") == "DATE"


def test_calendar_is_rfc5545_text(built_site):
    raw = (built_site / "kin.ics").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n"), "every line ends with CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_feeds_parse_and_link_to_built_pages(built_site):
    for name in ("uttalelser", "moter"):
        feed = feedparser.parse((built_site / f"{name}.xml").read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.entries
        for entry in feed.entries:
            assert entry.id and entry.updated
            path = entry.link.removeprefix(SITE_URL).split("#")[0]
            assert (built_site / path / "index.html").exists(), entry.link


def test_feeds_announced_in_every_head_and_linked_in_footer(built_site):
    for page in (built_site / "index.html", built_site / "moter/2022-02-08/index.html"):
        html = page.read_text(encoding="utf-8")
        head = html.split("</head>")[0]
        feeds = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head)
        assert len(feeds) == 2
        for href in feeds:
            assert (page.parent / href).resolve().is_file(), href
            assert f'<a href="{href}">' in html.split("</head>")[1]
    assert "kin.ics" in html.split("</head>")[1]


def test_open_data_validates_against_published_schemas(built_site):
    data = load_dataset(DATA)
    for path in (built_site / "api").glob("*.json"):
        schema = json.loads((built_site / f"api/schema/{path.stem}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    people = json.loads((built_site / "api/people.json").read_text(encoding="utf-8"))
    assert sum(1 for p in people if p.get("role")) == 130 and len(people) == len(data.people)
    assert len(json.loads((built_site / "api/courses.json").read_text(encoding="utf-8"))) == len(data.courses)
    assert len(json.loads((built_site / "api/statements.json").read_text(encoding="utf-8"))) == 4


def test_no_private_emails_in_open_data(built_site):
    published = {"vibeke.binz.vallevik@dnv.com", "finn.henry.hansen@helse-nord.no"}
    for path in (built_site / "api").glob("*.json"):
        found = {e.lower() for e in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", path.read_text(encoding="utf-8"))}
        assert found <= published, (path.name, found - published)
