"""Shared field types of the schema: text, ids, dates, times, links and references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Ref:
    """Marks a field as an id of a record in another collection."""

    collection: str


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"forventet en dato som ÅÅÅÅ-MM-DD, fikk «{value}»")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"«{value}» er ikke en dato som finnes i kalenderen") from None
    return value


def _clock(value: str) -> str:
    match = re.fullmatch(r"(\d{2}):(\d{2})", value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f'forventet et klokkeslett som "TT:MM" (24-timers, i anførselstegn), fikk «{value}»')
    return value


_URL = r"^(https://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$"


def _url(value: str) -> str:
    if not re.match(_URL, value):
        raise ValueError(f"bare https://- og mailto:-lenker er lov, fikk «{value}»")
    return value


# Text has at least one visible character: empty and whitespace-only values are errors.
Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S", strip_whitespace=False)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
# The JSON Schema patterns mirror the validators, for editors that check as you type.
IsoDate = Annotated[
    date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})
]
Clock = Annotated[str, AfterValidator(_clock), Field(json_schema_extra={"pattern": r"^([01]\d|2[0-3]):[0-5]\d$"})]
Url = Annotated[str, AfterValidator(_url), Field(json_schema_extra={"pattern": _URL})]
Email = Annotated[str, StringConstraints(pattern=r"^[^\s@]+@[^\s@]+\.[^\s@]+$")]

PersonRef = Annotated[Id, Ref("people")]
OrgRef = Annotated[Id, Ref("organisations")]
MeetingRef = Annotated[Id, Ref("meetings")]


# Said of every field whose value KIN chose rather than copied (region, kinds, level, format).
EDITORIAL = "KINs egen klassifisering, ikke tekst fra kildene"
# Said of every free-text field whose words may be KIN's own (notes, expanded names, labels).
EDITORIAL_TEXT = "Kan være KINs egen tekst, ikke tekst fra kildene; kildens ord står i anførselstegn"

# Enums are matched by value; strict mode would demand enum instances.
Lax = Annotated[T, Field(strict=False)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
