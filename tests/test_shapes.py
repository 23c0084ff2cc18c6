"""kin.shapes: the one reading of a field's annotation, and a new field type added in one place."""

from __future__ import annotations

import re
from typing import Annotated

import pytest
from pydantic import AfterValidator, Field

from kin import cms, jsonschemas, reference, shapes
from kin import schema as s
from kin.collections import COLLECTIONS, Collection


def test_the_schemas_fields_have_the_shapes_they_are_declared_with():
    date, start, kind = (shapes.of(s.Event.model_fields[n]) for n in ("date", "start", "kind"))
    assert (date.kind, date.optional, date.text.example) == ("date", False, "2022-02-08")
    assert (start.kind, start.optional, start.pattern) == ("clock", True, r"^([01]\d|2[0-3]):[0-5]\d$")
    assert (kind.kind, kind.type, kind.values[0]) == ("enum", s.EventKind, "network-meeting")
    people = shapes.of(s.Fact.model_fields["people"])
    assert (people.kind, people.ref, people.depth) == ("id", s.Ref("people"), 1)
    meeting = shapes.of(s.Source.model_fields["meeting"])  # pydantic moved its metadata out of the annotation
    assert (meeting.kind, meeting.ref, meeting.many) == ("id", s.Ref("meetings"), False)
    rows, columns = shapes.of(s.Table.model_fields["rows"]), shapes.of(s.Table.model_fields["columns"])
    assert (rows.kind, rows.depth, rows.pattern) == ("text", 2, None)  # any text, "" included
    assert (columns.kind, columns.depth, columns.min_items, columns.pattern) == ("text", 1, 1, r"\S")
    points = shapes.of(s.Section.model_fields["points"])
    assert (points.model, points.many, str in points.inputs) == (s.Bullet, True, True)  # text, or text and points
    ects = shapes.of(s.Course.model_fields["ects"])
    assert (ects.kind, ects.type, ects.optional, ects.bounds) == ("number", float, True, {"gt": 0, "le": 400})
    url, email = shapes.of(s.Link.model_fields["url"]), shapes.of(s.Contact.model_fields["email"])
    assert (url.kind, email.kind) == ("url", "email")
    assert shapes.submodels(s.Section) == [s.Bullet, s.Table, s.Link, s.Section, s.Source]


# --- A new field type, declared in this test only ----------------------------------------


def _postcode(value: str) -> str:
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError(f"forventet et postnummer med fire sifre, fikk «{value}»")
    return value


Postcode = Annotated[str, AfterValidator(_postcode), Field(json_schema_extra={"pattern": r"^\d{4}$"})]
POSTCODE = shapes.Kind("postcode", Postcode, "postnummer (fire sifre)", "5020", "Postnummer har fire sifre.", hint=True)


class Office(s.Model):
    """Et kontor."""

    id: s.Id = Field(description="Kontorets id")
    postcode: Postcode = Field(description="Postnummeret")
    old_postcodes: list[Postcode] = Field(default_factory=list, description="Tidligere postnumre")


OFFICES = Collection(name="offices", model=Office, folder="offices", label="Kontorer", singular="Kontor")


@pytest.fixture
def postcode_kind():
    shapes.register(POSTCODE)
    yield POSTCODE
    shapes.unregister(POSTCODE)


def _editor_fields() -> dict[str, dict]:
    return {f["name"]: f for f in cms.Generator().collection(OFFICES)["fields"]}


def _reference_rows(monkeypatch) -> dict[str, str]:
    monkeypatch.setattr(reference, "COLLECTIONS", [*COLLECTIONS, OFFICES])
    text = reference.render().split('<a id="offices"></a>', 1)[1]
    return {m[1]: m[0] for m in re.finditer(r"^\| `(\w+)` \|.*$", text, re.MULTILINE)}


def test_a_registered_field_type_reaches_the_editor_the_field_reference_and_the_json_schema(postcode_kind, monkeypatch):
    assert shapes.of(Office.model_fields["postcode"]).text is postcode_kind
    fields = _editor_fields()
    assert fields["postcode"]["pattern"] == [r"^\d{4}$", "Postnummer har fire sifre."]
    assert fields["postcode"]["hint"] == "Postnummeret. Postnummer har fire sifre."
    assert fields["old_postcodes"]["field"]["pattern"] == [r"^\d{4}$", "Postnummer har fire sifre."]
    rows = _reference_rows(monkeypatch)
    assert rows["postcode"] == "| `postcode` | postnummer (fire sifre) | ja |  | `postcode: 5020` | Postnummeret |"
    assert rows["old_postcodes"].startswith("| `old_postcodes` | liste med: postnummer (fire sifre) | nei |")
    schema = jsonschemas.input_schema(OFFICES)["properties"]
    assert schema["postcode"] == {"description": "Postnummeret", "pattern": r"^\d{4}$", "type": "string"}
    assert schema["old_postcodes"]["items"] == {"pattern": r"^\d{4}$", "type": "string"}


def test_an_unregistered_field_type_is_plain_text(monkeypatch):
    """The same type without its Kind: what the registration above changes."""
    assert shapes.of(Office.model_fields["postcode"]).text is shapes.TEXT
    assert _editor_fields()["postcode"]["pattern"] == [r"^\d{4}$", "Ugyldig format."]
    assert _reference_rows(monkeypatch)["postcode"].startswith("| `postcode` | tekst | ja |")
