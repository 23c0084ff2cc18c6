"""What an editor can type at the edges, for every field the schema has (issue 17, part 5).

* Every text, link and e-mail field (found by the schema, as in the injection
  test) refuses an invisible format character, with an error on the character
  itself and the field named.
* Every clock field refuses a time that does not exist in Oslo (the spring
  DST gap), at that field. Clock fields are found by asking the schema
  (`kin.shapes`); a new one fails here until it has a case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from loading import load
from test_injection import _reachable, hostile_data

from kin import DataValidationError, load_dataset, shapes
from kin import schema as s

HIDDEN = "\u2067"  # RIGHT-TO-LEFT ISOLATE
SPRING_FORWARD = "2027-03-28"


def _positions(text: str, char: str) -> list[tuple[int, int]]:
    starts = [m.start() for m in re.finditer(char, text)]
    return [(text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i)) for i in starts]


def test_every_text_field_refuses_hidden_characters(tmp_path):
    data, poison = hostile_data(tmp_path)
    expected = set()
    for path in sorted(data.rglob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        marked = re.sub(r"(?i)(kinx\d+)", lambda m: m[1] + HIDDEN, text)
        if marked != text:
            path.write_text(marked, encoding="utf-8")
            rel = path.relative_to(data.parent).as_posix()
            expected |= {(rel, line, col) for line, col in _positions(marked, HIDDEN)}
    with pytest.raises(DataValidationError) as info:
        load_dataset(data)
    errors = info.value.errors
    found = {
        (Path(e.file).relative_to(data.parent).as_posix() if Path(e.file).is_absolute() else e.file, e.line, e.column)
        for e in errors
    }
    assert len(expected) > 500 and len(poison.filled) > 100
    missing = expected - {(f if f.startswith("data/") else f"data/{f}", line, col) for f, line, col in found}
    assert not missing, sorted(missing)[:10]
    assert all("U+2067 (RIGHT-TO-LEFT ISOLATE)" in e.message and e.path for e in errors), errors[:5]


def _clock_fields() -> set[tuple[str, str]]:
    return {
        (model.__name__, name)
        for model in _reachable({s.Event, s.Statement})
        for name, shape in shapes.fields(model).items()
        if shape.kind == "clock"
    }


# Each clock field of an event: the file's lines, and the field that must get the error.
CLOCK_CASES = {
    ("Event", "start"): ('start: "02:30"\nend: "04:00"\n', ("start",)),
    ("Event", "end"): (f'end_date: {SPRING_FORWARD}\nstart: "12:00"\nend: "02:30"\n', ("end",)),
    ("Poll", "agenda_time"): (
        'start: "01:00"\nend: "04:00"\npolls:\n  - question: Q?\n    kind: open\n    agenda_time: "02:15"\n',
        ("polls", 0, "agenda_time"),
    ),
    ("AgendaItem", "time"): (
        'start: "01:00"\nend: "04:00"\nagenda:\n  - time: "01:30"\n    kind: talk\n    title: A\n'
        '    items:\n      - time: "02:30"\n        kind: talk\n        title: B\n',
        ("agenda", 0, "items", 0, "time"),
    ),
}


# A statement's origin time lies on its meeting's day, in another file: its own test below.
ELSEWHERE = {("Origin", "agenda_time")}


def test_every_clock_field_has_a_case():
    assert _clock_fields() == set(CLOCK_CASES) | ELSEWHERE


def test_a_statement_from_a_meeting_on_the_spring_gap_day(data_copy):
    day = SPRING_FORWARD
    (data_copy / f"meetings/{day}.yml").write_text(
        f"id: {day}\ntitle: Møte\ntheme: Tema\ndate: {day}\nformat: digital\n", encoding="utf-8"
    )
    statement = data_copy / "statements/behov-for-utdanning-og-kompetanseutvikling.yml"
    text = statement.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  meeting: .*$", f"  meeting: {day}", text)
    text = re.sub(r"(?m)^  agenda_time: .*$", '  agenda_time: "02:10"', text)
    statement.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load(data_copy)
    assert [e.path for e in info.value.errors if "finnes ikke i Oslo" in e.message] == [("origin", "agenda_time")]


@pytest.mark.parametrize("field", sorted(CLOCK_CASES))
def test_every_clock_field_refuses_a_time_in_the_spring_gap(data_copy, field):
    body, path = CLOCK_CASES[field]
    day = SPRING_FORWARD if field != ("Event", "end") else "2027-03-27"
    rel = f"meetings/{day}.yml"
    (data_copy / rel).write_text(
        f"id: {day}\nkind: seminar\ntitle: Test\ndate: {day}\nformat: digital\n{body}", encoding="utf-8"
    )
    with pytest.raises(DataValidationError) as info:
        load(data_copy)
    ours = [e for e in info.value.errors if e.file.endswith(rel)]
    assert [(e.path, "finnes ikke i Oslo" in e.message) for e in ours] == [(path, True)], ours
    assert ours[0].line > 5
