"""One test per class of bad input: each names the file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA
from loading import load

from kin import DataValidationError, load_dataset, messages

MEETING = "meetings/2022-02-08.yml"


def edit(data: Path, rel: str, old: str, new: str) -> int:
    """Replace ``old`` once in a data file; return the 1-based line of the change."""
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {rel}"
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text[:index].count("\n") + 1


def errors_for(data: Path) -> list[str]:
    """The errors ``load_dataset(data)`` raises (files as in the real data are loaded once: ``loading``)."""
    with pytest.raises(DataValidationError) as info:
        load(data)
    return [str(e) for e in info.value.errors]


def assert_reported(data: Path, prefix: str, fragment: str) -> None:
    """Some error starts with ``prefix`` (file:line:...) and contains ``fragment``."""
    errors = errors_for(data)
    assert any(e.startswith(prefix) and fragment in e for e in errors), errors


def test_duplicate_key(data_copy):
    line = edit(data_copy, MEETING, "format: digital\n", "format: digital\nformat: hybrid\n") + 1
    assert f"data/{MEETING}:{line}:1: format: feltet står to ganger (første gang på linje {line - 1})" in errors_for(
        data_copy
    )


def test_norway_problem_no_stays_text(data_copy):
    edit(data_copy, "organisations/ntnu.yml", "short_name: NTNU\n", "short_name: NO\n")
    edit(data_copy, MEETING, 'start: "12:00"', "start: 12:00")  # unquoted time stays "12:00", not 720
    data = load(data_copy)
    assert data.org["ntnu"].short_name == "NO"
    assert data.meeting["2022-02-08"].start == "12:00"


def test_boolean_where_text_expected(data_copy):
    line = edit(data_copy, MEETING, "platform: Teams", "platform: true")
    assert_reported(data_copy, f"data/{MEETING}:{line}:", "online.platform: forventet tekst, fikk true")


def test_unknown_field(data_copy):
    line = edit(data_copy, MEETING, "format: digital\n", "format: digital\nplattform: Teams\n") + 1
    assert f"data/{MEETING}:{line}:1: plattform: ukjent felt" in "\n".join(errors_for(data_copy))


def test_missing_required_field(data_copy):
    edit(data_copy, "meetings/2022-04-05.yml", "theme: Helsedata i skyen – utfordringer og løsninger\n", "")
    errors = errors_for(data_copy)
    assert any(e.startswith("data/meetings/2022-04-05.yml:3:1: theme: obligatorisk felt mangler") for e in errors)


def test_wrong_type(data_copy):
    line = edit(data_copy, MEETING, "number: 1", "number: first")
    assert_reported(data_copy, f"data/{MEETING}:{line}:1: number: ", "«first»")


def test_bad_date(data_copy):
    line = edit(data_copy, MEETING, "date: 2022-02-08", "date: 2022-02-30")
    assert_reported(data_copy, f"data/{MEETING}:{line}:1: date: ", "er ikke en dato som finnes i kalenderen")


def test_bad_time(data_copy):
    line = edit(data_copy, MEETING, 'end: "15:30"', 'end: "25:30"')
    assert_reported(data_copy, f"data/{MEETING}:{line}:1: end: ", "TT:MM")


def test_unknown_person_in_agenda(data_copy):
    line = edit(data_copy, MEETING, "speakers: [trym-holter]", "speakers: [trym-holt]")
    assert_reported(data_copy, f"data/{MEETING}:{line}:", "agenda[2].items[1].speakers[0]: ukjent id: personen «trym-")


def test_id_must_match_file_name(data_copy):
    line = edit(data_copy, "people/alia-zaka.yml", "id: alia-zaka\n", "id: kerstin-bach\n")
    assert f"data/people/alia-zaka.yml:{line}:1: id: må være lik filnavnet («alia-zaka»)" in errors_for(data_copy)


def test_id_field_other_than_id_must_match_file_name(data_copy):
    line = edit(data_copy, "course-counts/uio.yml", "institution: uio", "institution: uib")
    assert f"data/course-counts/uio.yml:{line}:1: institution: må være lik filnavnet («uio»)" in errors_for(data_copy)


def test_duplicate_id(data_copy):
    (data_copy / "people/alia-zaka.yml").rename(data_copy / "people/alia-zaka.yaml")
    (data_copy / "people/alia-zaka.yml").write_text(
        (data_copy / "people/alia-zaka.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert_reported(data_copy, "data/people/alia-zaka.yml:2:1: id", "id-en «alia-zaka» er brukt før")


def test_missing_collection_folder(data_copy):
    for path in (data_copy / "statements").iterdir():
        path.unlink()
    (data_copy / "statements").rmdir()
    assert f"data/statements/:1:1: (fil): {messages.FOLDER_MISSING}" in errors_for(data_copy)


def test_javascript_url_rejected(data_copy):
    line = edit(data_copy, MEETING, "url: https://www.menti.com", "url: javascript:alert(1)")
    assert_reported(data_copy, f"data/{MEETING}:{line}:", "polls[1].url: bare https://- og mailto:-lenker")


def test_http_url_rejected(data_copy):
    edit(data_copy, "network.yml", "minutes_location: Teams", "minutes_location: Teams\nwebsite: http://example.no/")
    assert any("network.yml" in e and "website: bare https://" in e for e in errors_for(data_copy))


def test_broken_yaml_syntax(data_copy):
    line = edit(data_copy, MEETING, "platform: Teams", "platform: [Teams")
    errors = errors_for(data_copy)
    assert len(errors) == 1
    assert errors[0].startswith(f"data/{MEETING}:") and "YAML-syntaksfeil" in errors[0]
    assert int(errors[0].split(":")[1]) >= line


def test_missing_data_file(data_copy):
    (data_copy / "relay.yml").unlink()
    assert "data/relay.yml:1:1: (fil): filen mangler" in errors_for(data_copy)


@pytest.mark.parametrize(
    ("new", "offset", "message"),
    [
        ("format: &p digital\ntheme: *p", 0, "ankere og alias (&, *) er ikke lov"),
        ("format: digital\n<<: {theme: Bergen}", 1, "flettenøkler (<<) er ikke lov"),
        ("format: !secret digital", 0, "YAML-taggen !secret er ikke lov"),
        ("format: digital\n? [a, b]\n: c", 1, "feltnavn må være vanlig tekst"),
    ],
)
def test_yaml_features_we_do_not_allow(data_copy, new, offset, message):
    line = edit(data_copy, MEETING, "format: digital", new) + offset
    assert_reported(data_copy, f"data/{MEETING}:{line}:", message)


def test_one_document_per_file(data_copy):
    path = data_copy / "relay.yml"
    lines = path.read_text(encoding="utf-8").count("\n")
    path.write_text(path.read_text(encoding="utf-8") + "---\ncadence: []\n", encoding="utf-8")
    assert_reported(data_copy, f"data/relay.yml:{lines + 1}:1:", "bare ett YAML-dokument per fil")


def test_empty_file(data_copy):
    (data_copy / "relay.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert "data/relay.yml:1:1: (fil): filen er tom" in errors_for(data_copy)


def test_all_errors_reported_in_one_run(data_copy):
    edit(data_copy, MEETING, "number: 1", "number: first")
    edit(data_copy, "people/alia-zaka.yml", "role: member", "role: boss")
    edit(data_copy, "statements/ki-kompetanse-i-helsefagutdanningene.yml", "\nstatus: proposal", "\nstatus: maybe")
    edit(data_copy, "courses/elmed219.yml", "ects: 6", "ects: six")
    errors = errors_for(data_copy)
    files = {e.split(":")[0] for e in errors}
    statement = "statements/ki-kompetanse-i-helsefagutdanningene.yml"
    assert {f"data/{MEETING}", "data/people/alia-zaka.yml", f"data/{statement}", "data/courses/elmed219.yml"} <= files
    assert len(errors) == 4


def test_cli_prints_errors_and_fails(data_copy, capsys):
    from kin.__main__ import main

    edit(data_copy, MEETING, "date: 2022-02-08", "date: 8. februar")
    assert main(["validate", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert f"data/{MEETING}:6:1: date: forventet en dato som ÅÅÅÅ-MM-DD" in err


def test_cli_reports_valid_data_in_norwegian(capsys):
    from kin.__main__ import main

    assert main(["validate", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert re.match(r"OK: \d+ personer \(\d+ medlemmer, \d+ sekretariat, \d+ observatører\), \d+ organisasjoner, ", out)


def test_loading_once_gives_what_load_dataset_gives(data_copy, tmp_path):
    """tests/loading.py (what these tests load with) returns and raises what ``load_dataset`` does,
    also for a file with the real bytes behind a symlink out of the folder."""
    assert load(DATA) == load_dataset(DATA)
    edit(data_copy, MEETING, "number: 1", "number: first")
    outside = tmp_path / "relay.yml"
    outside.write_bytes((DATA / "relay.yml").read_bytes())
    (data_copy / "relay.yml").unlink()
    (data_copy / "relay.yml").symlink_to(outside)
    with pytest.raises(DataValidationError) as plain:
        load_dataset(data_copy)
    assert errors_for(data_copy) == [str(e) for e in plain.value.errors]
    assert sorted(e.file for e in plain.value.errors) == ["data/meetings/2022-02-08.yml", "data/relay.yml"]
    assert any("snarvei" in e.message and e.file == "data/relay.yml" for e in plain.value.errors)
