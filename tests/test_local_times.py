"""Clock times in Oslo around the DST changes, in the data and in the calendar.

A time in the spring gap is a located error (tests/test_bad_input.py); a time
in the autumn hour that happens twice is read as its first occurrence (summer
time, RFC 5545 3.3.5) and the calendar states it in UTC, so every client shows
the same moment. The JSON-LD on the page says the same moment with its offset.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from kin import export, jsonld, load_dataset, localtime

FALL_BACK = "2026-10-25"  # last Sunday of October 2026: 02:00-03:00 happens twice


@pytest.fixture
def autumn_data(data_copy):
    data = data_copy
    (data / f"meetings/{FALL_BACK}.yml").write_text(
        f"id: {FALL_BACK}\nkind: seminar\ntitle: Natteseminar\ndate: {FALL_BACK}\nformat: digital\n"
        'start: "02:30"\nend: "02:45"\n',
        encoding="utf-8",
    )
    return load_dataset(data)


def test_a_time_that_happens_twice_is_one_moment_in_the_calendar(autumn_data):
    ics = export.meeting_calendar(autumn_data.meeting[FALL_BACK], autumn_data, "https://example.org/kin/")
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2026, 10, 25, 0, 45, tzinfo=UTC)
    assert b"DTSTART:20261025T003000Z" in ics  # no TZID: nothing left for a client to guess


def test_json_ld_gives_the_same_moment(autumn_data):
    meeting = autumn_data.meeting[FALL_BACK]
    assert jsonld._when(meeting.date, meeting.start) == "2026-10-25T02:30:00+02:00"


def test_ordinary_times_keep_their_oslo_time_zone(autumn_data):
    meeting = autumn_data.meeting["2022-02-08"]
    ics = export.meeting_calendar(meeting, autumn_data, "https://example.org/kin/")
    assert b"DTSTART;TZID=Europe/Oslo:20220208T120000" in ics


@pytest.mark.parametrize(
    ("day", "clock", "exists", "twice"),
    [
        ("2027-03-28", "01:59", True, False),
        ("2027-03-28", "02:00", False, False),
        ("2027-03-28", "02:59", False, False),
        ("2027-03-28", "03:00", True, False),
        ("2026-10-25", "01:59", True, False),
        ("2026-10-25", "02:00", True, True),
        ("2026-10-25", "02:59", True, True),
        ("2026-10-25", "03:00", True, False),
    ],
)
def test_the_edges_of_both_changes(day, clock, exists, twice):
    moment = localtime.at(date.fromisoformat(day), clock)
    assert (localtime.exists(moment), localtime.twice(moment)) == (exists, twice)
