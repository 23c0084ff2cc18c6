"""Which kinds of record exist, and the order each is listed in.

Record order never depends on where a record sits in the data files: every
collection is sorted by its own key here.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from kin import schema as s

# Norwegian alphabet: æ, ø, å come after z (and å is not an a with a ring).
_AFTER_Z = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def sort_text(text: str) -> str:
    """A sort key for Norwegian text: case-insensitive, accents ignored, æøå last."""
    folded = unicodedata.normalize("NFD", text.casefold().translate(_AFTER_Z))
    return "".join(c for c in folded if not unicodedata.combining(c))


def _by_name(record: s.Person | s.Organisation) -> tuple[str, str]:
    return sort_text(record.name), record.id


def _by_title(record: s.Course) -> tuple[str, str]:
    return sort_text(record.title), record.id


def _by_date(record: s.Statement) -> tuple[bool, date, str]:
    return record.date is None, record.date or date.min, record.id  # undated last


def _by_date_and_start(record: s.Meeting) -> tuple[date, str, str]:
    return record.date, record.start or "", record.id


SORT_KEYS = {
    "organisations": _by_name,
    "people": _by_name,
    "meetings": _by_date_and_start,
    "courses": _by_title,
    "statements": _by_date,
}
