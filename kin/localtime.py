"""Wall-clock times in Oslo, where a clock time can be missing or happen twice.

On the last Sunday of March clocks jump from 02:00 to 03:00, so 02:30 does not
exist; on the last Sunday of October 02:00-03:00 happens twice. A time that
does not exist is a data error (``missing``). A time that happens twice is read
as its first occurrence, summer time, as RFC 5545 (3.3.5) prescribes, and the
calendar writes it in UTC so that no client can read it otherwise
(``calendar_time``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


def at(day: date, clock: str) -> datetime:
    """The moment ``clock`` on ``day`` in Oslo (the first one, if it happens twice)."""
    return datetime.combine(day, time.fromisoformat(clock), OSLO)


def exists(moment: datetime) -> bool:
    return moment.astimezone(UTC).astimezone(OSLO).replace(tzinfo=None) == moment.replace(tzinfo=None)


def twice(moment: datetime) -> bool:
    """Whether the wall-clock time happens twice (fold 0 and 1 differ; in the gap they differ too)."""
    return exists(moment) and moment.utcoffset() != moment.replace(fold=1).utcoffset()


def missing(day: object, clock: object) -> str | None:
    """A Norwegian message when ``clock`` on ``day`` does not exist in Oslo, else None."""
    if not isinstance(day, date) or not isinstance(clock, str):
        return None
    try:
        moment = at(day, clock)
    except ValueError:  # not a clock time: the schema has said so already
        return None
    if exists(moment):
        return None
    return (
        f"klokkeslettet {clock} finnes ikke i Oslo {day.isoformat()}: da stilles klokka fram fra 02:00 "
        "til 03:00 (sommertid); velg et klokkeslett før 02:00 eller fra 03:00"
    )


def calendar_time(day: date, clock: str) -> datetime:
    """For iCalendar: Oslo time, or UTC when the Oslo time happens twice."""
    moment = at(day, clock)
    return moment.astimezone(UTC) if twice(moment) else moment
