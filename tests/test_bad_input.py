"""Hostile or sloppy input (issue «Safe by construction»): every case ends in a
located Norwegian error, never a traceback, and never reaches the site."""

from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from loading import load
from test_validation import MEETING, edit, errors_for
from zygote import run_python

from kin.collate import sorted_nb
from kin.loader import load_yaml


def person_file(data: Path, person_id: str) -> str:
    return f"people/{person_id}.yml"


def add_person(data: Path, person_id: str, name: str, extra: str = "") -> tuple[str, int]:
    """Add a person; return (file, line of its name)."""
    rel = person_file(data, person_id)
    (data / rel).write_text(f"id: {person_id}\nname: {name}\norganisations: [ntnu]\n{extra}", encoding="utf-8")
    return rel, 2


# --- YAML tags and control characters --------------------------------------------


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!str Teams", "!!str"),
        ("!!binary VGVhbXM=", "!!binary"),
        ('!!python/object/apply:os.system ["true"]', "!!python/object/apply:os.system"),
        ("! Teams", "!"),
    ],
)
def test_every_explicit_tag_is_rejected(data_copy, value, tag):
    line = edit(data_copy, MEETING, "platform: Teams", f"platform: {value}")
    errors = "\n".join(errors_for(data_copy))
    assert f"data/{MEETING}:{line}:13: online.platform: YAML-taggen {tag} er ikke lov" in errors


def test_vertical_tab_is_located_and_named(data_copy):
    line = edit(data_copy, MEETING, "platform: Teams", "platform: Te\x0bams")
    assert f"data/{MEETING}:{line}:15: (fil): kontrolltegnet U+000B er ikke lov" in "\n".join(errors_for(data_copy))


def test_control_character_written_as_an_escape(data_copy):
    line = edit(data_copy, MEETING, "platform: Teams", 'platform: "Te\\vams"')
    errors = "\n".join(errors_for(data_copy))
    assert f"data/{MEETING}:{line}:13: online.platform: kontrolltegnet U+000B er ikke lov" in errors


def test_tab_and_windows_line_ends_are_fine(data_copy):
    path = data_copy / MEETING
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n").replace(b"platform: Teams", b"platform: Te\tams"))
    assert load(data_copy).meeting["2022-02-08"].online.platform == "Te\tams"


def test_latin1_file_points_at_the_first_bad_byte(data_copy):
    path = data_copy / MEETING
    line = edit(data_copy, MEETING, "platform: Teams", "platform: Teåms")
    path.write_bytes(path.read_bytes().replace("Teåms".encode(), "Teåms".encode("latin-1")))
    assert f"data/{MEETING}:{line}:15: (fil): ugyldig tegn: filen må være lagret som UTF-8" in "\n".join(
        errors_for(data_copy)
    )


# --- Invisible format characters ---------------------------------------------------

HIDDEN = "usynlig formateringstegn {} er ikke lov: det kan snu eller skjule teksten"


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2067", "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
        ("\u200b", "U+200B (ZERO WIDTH SPACE)"),
        ("\u200d", "U+200D (ZERO WIDTH JOINER)"),
    ],
)
def test_invisible_format_character_is_located_on_the_character(data_copy, char, name):
    line = edit(data_copy, MEETING, "platform: Teams", f"platform: Te{char}ams")
    errors = errors_for(data_copy)
    assert f"data/{MEETING}:{line}:15: online.platform: {HIDDEN.format(name)}" in "\n".join(errors)


def test_invisible_character_written_as_an_escape(data_copy):
    line = edit(data_copy, MEETING, "platform: Teams", 'platform: "Te\\u2066ams"')
    errors = "\n".join(errors_for(data_copy))
    assert f"data/{MEETING}:{line}:13: online.platform: {HIDDEN.format('U+2066 (LEFT-TO-RIGHT ISOLATE)')}" in errors


def test_invisible_character_in_a_field_name(data_copy):
    line = edit(data_copy, MEETING, "platform: Teams", "\u200bplatform: Teams")
    errors = "\n".join(errors_for(data_copy))
    assert f"data/{MEETING}:{line}:3: online.\u200bplatform: {HIDDEN.format('U+200B (ZERO WIDTH SPACE)')}" in errors


def test_every_format_character_is_unprintable():
    """``kin.invisible`` skips a printable text: that holds only while no Cf character is printable."""
    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable() and unicodedata.category(c) == "Cf"]


def test_joiners_where_a_script_needs_them_are_fine(data_copy):
    # Persian plural with a zero width non-joiner; an emoji sequence (woman + ZWJ + laptop).
    text = "\u06a9\u062a\u0627\u0628\u200c\u0647\u0627 \U0001f469\u200d\U0001f4bb"
    edit(data_copy, MEETING, "platform: Teams", f"platform: {text}")
    assert load(data_copy).meeting["2022-02-08"].online.platform == text


# --- Clock times that do not exist in Oslo -----------------------------------------

SPRING_FORWARD = "2027-03-28"  # last Sunday of March 2027: 02:00 jumps to 03:00


def add_event(data: Path, day: str, body: str) -> str:
    rel = f"meetings/{day}.yml"
    (data / rel).write_text(f"id: {day}\nkind: seminar\ntitle: Test\ndate: {day}\nformat: digital\n{body}")
    return rel


def test_start_inside_the_spring_gap(data_copy):
    rel = add_event(data_copy, SPRING_FORWARD, 'start: "02:30"\nend: "04:00"\n')
    assert (
        f"data/{rel}:6:1: start: klokkeslettet 02:30 finnes ikke i Oslo {SPRING_FORWARD}: da stilles klokka "
        "fram fra 02:00 til 03:00 (sommertid); velg et klokkeslett før 02:00 eller fra 03:00" in errors_for(data_copy)
    )


def test_agenda_time_inside_the_spring_gap(data_copy):
    body = 'start: "01:00"\nend: "04:00"\nagenda:\n  - time: "02:00"\n    kind: talk\n    title: Innlegg\n'
    rel = add_event(data_copy, SPRING_FORWARD, body)
    errors = errors_for(data_copy)
    assert [e for e in errors if e.startswith(f"data/{rel}:")] == [
        f"data/{rel}:9:5: agenda[0].time: klokkeslettet 02:00 finnes ikke i Oslo {SPRING_FORWARD}: da stilles "
        "klokka fram fra 02:00 til 03:00 (sommertid); velg et klokkeslett før 02:00 eller fra 03:00"
    ]


def test_clock_times_next_to_the_gap_are_fine(data_copy):
    add_event(data_copy, SPRING_FORWARD, 'start: "01:59"\nend: "03:00"\n')
    assert load(data_copy).meeting[SPRING_FORWARD].start == "01:59"


# --- Files that are not files ------------------------------------------------------


def test_directory_named_like_a_meeting_file(data_copy):
    (data_copy / "meetings/2030-01-01.yml").mkdir()
    assert "data/meetings/2030-01-01.yml:1:1: (fil): dette er en mappe, ikke en fil" in "\n".join(errors_for(data_copy))


def test_symlink_out_of_the_data_folder(data_copy, tmp_path):
    outside = tmp_path / "elsewhere.yml"
    outside.write_text((data_copy / MEETING).read_text(encoding="utf-8").replace("2022-02-08", "2030-01-01"))
    (data_copy / "meetings/2030-01-01.yml").symlink_to(outside)
    errors = "\n".join(errors_for(data_copy))
    assert "data/meetings/2030-01-01.yml:1:1: (fil): filen er en snarvei (symlenke) som peker ut av" in errors


def test_folder_linked_out_of_the_data_folder(data_copy, tmp_path):
    outside = tmp_path / "courses"
    (data_copy / "courses").rename(outside)
    (data_copy / "courses").symlink_to(outside, target_is_directory=True)
    errors = errors_for(data_copy)
    for name in sorted(p.name for p in outside.glob("*.yml")):
        assert f"data/courses/{name}:1:1: (fil): filen er en snarvei (symlenke) som peker ut av data-mappen" in (
            "\n".join(errors)
        )


def test_data_folder_reached_through_a_symlink_is_fine(data_copy, tmp_path):
    (tmp_path / "data").symlink_to(data_copy, target_is_directory=True)
    assert load(tmp_path / "data") == load(data_copy)


def test_symlink_inside_the_data_folder_is_fine(data_copy):
    (data_copy / "meetings/2022-02-08.yml").rename(data_copy / "moete.txt")
    (data_copy / MEETING).symlink_to(data_copy / "moete.txt")
    assert load(data_copy).meeting["2022-02-08"]


def test_dangling_symlink(data_copy):
    (data_copy / "meetings/2030-01-01.yml").symlink_to(data_copy / "nowhere.yml")
    assert "data/meetings/2030-01-01.yml:1:1: (fil): filen er en snarvei (symlenke) som ikke peker" in "\n".join(
        errors_for(data_copy)
    )


def test_unreadable_file(data_copy, monkeypatch):
    # Tests may run as root, where chmod does not take reading away: fail the read itself.
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "relay.yml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert "data/relay.yml:1:1: (fil): filen kan ikke leses (mangler lesetilgang)" in errors_for(data_copy)


def test_cli_never_prints_a_traceback(data_copy):
    (data_copy / "meetings/2030-01-01.yml").mkdir()
    edit(data_copy, MEETING, "platform: Teams", "platform: Te\x0bams")
    result = run_python(["-m", "kin", "validate", str(data_copy)], cwd=ROOT)  # a process of its own
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "data/meetings/2030-01-01.yml:1:1:" in result.stderr and "U+000B" in result.stderr


# --- Syntax errors the editor can act on ---------------------------------------------


def test_unclosed_quote_points_where_the_quote_opened(data_copy):
    line = edit(data_copy, MEETING, "platform: Teams", 'platform: "Teams')
    assert errors_for(data_copy) == [
        f"data/{MEETING}:{line}:13: (fil): YAML-syntaksfeil: anførselstegnet her blir aldri lukket "
        f"(teksten løper videre til linje {line + 4})"
    ]


def test_quote_left_open_at_the_end_of_a_file(data_copy):
    path = data_copy / "relay.yml"
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + "note: 'glemt\n", encoding="utf-8")
    assert errors_for(data_copy)[0].startswith(
        f"data/relay.yml:{lines + 1}:7: (fil): YAML-syntaksfeil: anførselstegnet her blir aldri lukket"
    )


def test_unclosed_bracket_points_where_it_opened(data_copy):
    line = edit(data_copy, MEETING, "speakers: [trym-holter]", "speakers: [trym-holter")
    assert errors_for(data_copy)[0].startswith(f"data/{MEETING}:{line}:19: (fil): YAML-syntaksfeil: listen som åpnes")


# --- Unicode --------------------------------------------------------------------------


def test_text_is_normalised_to_nfc(data_copy):
    nfd = unicodedata.normalize("NFD", "Ørjan Ås")
    add_person(data_copy, "orjan-as", nfd)
    data = load(data_copy)
    assert nfd != "Ørjan Ås" and data.person["orjan-as"].name == "Ørjan Ås"


def test_people_organisations_and_courses_in_norwegian_order(data_copy):
    for pid, name in [("a1", "Åse Aa"), ("a2", unicodedata.normalize("NFD", "Åsmund Aa")), ("a3", "ærlige Aa")]:
        add_person(data_copy, pid, name)
    add_person(data_copy, "a4", "Øyvind Aa")
    add_person(data_copy, "a5", "zorro Aa")
    names = [p.name for p in load(data_copy).people]
    tail = [n for n in names if n.endswith(" Aa")]
    assert tail == ["zorro Aa", "ærlige Aa", "Øyvind Aa", "Åse Aa", "Åsmund Aa"]
    assert sorted_nb(["å", "Ø", "z", "æ", "A", "a\u030a"]) == ["A", "z", "æ", "Ø", "a\u030a", "å"]
    data = load(data_copy)
    assert [o.name for o in data.organisations] == sorted_nb(o.name for o in data.organisations)
    assert [c.title for c in data.courses] == sorted_nb(c.title for c in data.courses)


# --- Semantic checks ------------------------------------------------------------------


def test_agenda_item_before_the_previous_one(data_copy):
    line = edit(data_copy, MEETING, 'time: "12:30"', 'time: "12:10"')
    assert (
        f"data/{MEETING}:{line}:5: agenda[2].time: 12:10 er før punktet over (12:20); "
        "punktene skal stå i tidsrekkefølge" in errors_for(data_copy)
    )


def test_agenda_item_outside_the_meeting(data_copy):
    first = edit(data_copy, MEETING, 'time: "12:00"', 'time: "11:00"')
    errors = errors_for(data_copy)
    assert f"data/{MEETING}:{first}:5: agenda[0].time: 11:00 er før møtet starter (12:00)" in errors
    edit(data_copy, MEETING, 'time: "11:00"', 'time: "12:00"')
    last = edit(data_copy, MEETING, 'end: "15:30"', 'end: "14:00"')
    errors = errors_for(data_copy)
    assert any(e.startswith(f"data/{MEETING}:") and "er etter at møtet slutter (14:00)" in e for e in errors), errors
    assert last == 8  # end: in the meeting file


@pytest.mark.parametrize("blank", ['"   "', '" \\t "', "''"])
def test_whitespace_only_text(data_copy, blank):
    line = edit(data_copy, MEETING, "platform: Teams", f"platform: {blank}")
    errors = errors_for(data_copy)
    assert any(e.startswith(f"data/{MEETING}:{line}:3: online.platform: kan ikke være tom") for e in errors), errors


def test_same_person_twice_under_two_ids(data_copy):
    rel, line = add_person(data_copy, "alia-zaka-2", unicodedata.normalize("NFD", "alia  ZAKA"))
    errors = errors_for(data_copy)
    assert len(errors) == 1
    assert errors[0].startswith(f"data/{rel}:{line}:")
    assert "samme navn som «alia-zaka»" in errors[0] and "distinct_from: [alia-zaka]" in errors[0]


def test_distinct_from_says_they_are_two_people(data_copy):
    add_person(data_copy, "alia-zaka-2", "Alia Zaka", "distinct_from: [alia-zaka]\n")
    assert len(load(data_copy).people) == 138


def test_distinct_from_must_name_a_person(data_copy):
    add_person(data_copy, "alia-zaka-2", "Alia Zaka", "distinct_from: [alia-zakka]\n")
    assert any("distinct_from[0]: ukjent id: personen «alia-zakka»" in e for e in errors_for(data_copy))


def test_unknown_id_in_a_single_reference_field(data_copy):
    """``institution: OrgRef`` (not a list, not optional) is checked too: it used to crash the build."""
    line = edit(data_copy, "courses/elmed219.yml", "institution: uib", "institution: hogwarts")
    assert any(
        e.startswith(f"data/courses/elmed219.yml:{line}:") and "institution: ukjent id: organisasjonen «hogwarts»" in e
        for e in errors_for(data_copy)
    )


def test_meeting_date_disagrees_with_file_name(data_copy):
    line = edit(data_copy, MEETING, "date: 2022-02-08", "date: 2022-02-09")
    assert errors_for(data_copy) == [
        f"data/{MEETING}:{line}:1: date: 2022-02-09 stemmer ikke med filnavnet «2022-02-08.yml», "
        "som skal starte med datoen"
    ]


def test_schema_and_reference_errors_in_one_run(data_copy):
    """A record with a schema error still has its references checked, and so do the others."""
    number = edit(data_copy, MEETING, "number: 1", "number: first")
    speaker = edit(data_copy, MEETING, "speakers: [trym-holter]", "speakers: [trym-holt]")
    edit(data_copy, "meetings/2022-04-05.yml", "theme: Helsedata i skyen – utfordringer og løsninger\n", "")
    errors = errors_for(data_copy)
    assert f"data/{MEETING}:{number}:1: number: forventet et heltall, fikk «first»" in errors
    assert any(e.startswith(f"data/{MEETING}:{speaker}:") and "ukjent id: personen «trym-holt»" in e for e in errors)
    assert any(e.startswith("data/meetings/2022-04-05.yml:3:1: theme: obligatorisk felt mangler") for e in errors)
    assert len(errors) == 3


def test_loader_reads_any_record_folder(tmp_path):
    """Every folder of records gets the same located errors (not only meetings/)."""
    folder = tmp_path / "data" / "people"
    folder.mkdir(parents=True)
    (folder / "x.yml").mkdir()
    _, _, errors = load_yaml(folder / "x.yml", "data/people/x.yml", root=tmp_path / "data")
    assert [str(e) for e in errors] == [
        "data/people/x.yml:1:1: (fil): dette er en mappe, ikke en fil; gi den et navn som ikke slutter på .yml"
    ]
    assert os.path.isdir(folder / "x.yml")


def test_build_reports_data_errors_on_stderr(tmp_path, data_copy):
    from conftest import build_site

    line = edit(data_copy, MEETING, 'start: "12:00"', 'start: "12:75"')
    result = build_site(tmp_path / "out", data_copy)
    assert result.returncode != 0
    assert f"data/{MEETING}:{line}:1: start: forventet et klokkeslett" in result.stderr
    assert "12:75" not in result.stdout and "Traceback" not in result.stderr
