"""``python -m kin new``: a new record file, valid as written, never over an existing one."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess

import pytest
from conftest import ROOT
from zygote import run_python

from kin import load_dataset
from kin.__main__ import main
from kin.collections import BY_NAME
from kin.scaffold import ITEMS

NEW = {
    "meeting": (["--date", "2027-02-09", "--title", "Nettverksmøte 1/2027", "--theme", "KI i klinikken"], "2027-02-09"),
    "person": (["--name", "Kari Nordmann", "--organisations", "uib", "--organisations", "ntnu"], "kari-nordmann"),
    "organisation": (["--name", "Ærlig Åsen AS", "--kind", "company"], "aerlig-asen-as"),
    "course": (
        ["--title", "KI for leger", "--kind", "course", "--institution", "uib", "--status", "planned"],
        "ki-for-leger",
    ),
    "statement": (
        ["--title", "Ny uttalelse", "--text", "Første avsnitt.", "--origin.meeting", "2022-02-08"],
        "ny-uttalelse",
    ),
}


def new(data_dir, item, *options) -> subprocess.CompletedProcess:
    """``python -m kin new`` run in this process (its exit code and output); the command's own process
    is started once, in test_a_missing_data_folder_is_explained."""
    args = ["new", item, *options, "--data-dir", str(data_dir)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:  # argparse
            code = exc.code
    return subprocess.CompletedProcess(["python", "-m", "kin", *args], code, out.getvalue(), err.getvalue())


def new_process(data_dir, item, *options) -> subprocess.CompletedProcess:
    """``python -m kin new`` in a process of its own."""
    return run_python(["-m", "kin", "new", item, *options, "--data-dir", str(data_dir)], cwd=ROOT, timeout=120)


@pytest.mark.parametrize("item", NEW)
def test_new_record_is_valid_as_written_and_lists_the_other_fields(data_copy, item):
    options, record_id = NEW[item]
    result = new(data_copy, item, *options)
    assert result.returncode == 0, result.stderr
    collection = ITEMS[item]
    path = data_copy / collection.path_of(record_id)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/")
    data = load_dataset(data_copy)
    records = {getattr(r, collection.id_field): r for r in getattr(data, collection.name)}
    assert record_id in records
    commented = set(re.findall(r"^# ([a-z_]+):", text, re.M))
    filled = set(records[record_id].model_fields_set)
    assert commented | filled == set(collection.model.model_fields), "every field, filled or as a comment"


def test_an_uncommented_field_is_valid_too(data_copy):
    assert new(data_copy, "meeting", *NEW["meeting"][0]).returncode == 0
    path = data_copy / "meetings/2027-02-09.yml"
    text = path.read_text(encoding="utf-8")
    for field in ("number", "start", "format", "region", "announced"):
        text = re.sub(rf"^# ({field}:)", r"\1", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    meeting = load_dataset(data_copy).meeting["2027-02-09"]
    assert meeting.start == "12:30" and meeting.number == 1


def test_never_overwrites(data_copy):
    path = data_copy / BY_NAME["people"].path_of("alia-zaka")
    before = path.read_bytes()
    result = new(data_copy, "person", "--name", "Alia Zaka", "--organisations", "uib")
    assert result.returncode == 1 and "finnes allerede" in result.stderr
    assert path.read_bytes() == before


def test_invalid_record_is_not_written(data_copy):
    result = new(data_copy, "meeting", "--date", "2027-03-09", "--title", "Uten tema")
    assert result.returncode == 1
    assert "meetings/2027-03-09.yml:" in result.stderr and "theme" in result.stderr
    assert not (data_copy / "meetings/2027-03-09.yml").exists()
    result = new(data_copy, "person", "--name", "Ola", "--organisations", "hogwarts")
    assert result.returncode == 1 and "organisasjonen «hogwarts» finnes ikke" in result.stderr
    assert not (data_copy / "people/ola.yml").exists()


def test_unknown_field_and_missing_id_are_explained(data_copy):
    result = new(data_copy, "person", "--navn", "Ola")
    assert result.returncode == 1 and "har ikke feltet «navn»" in result.stderr and "FIELDS.md#people" in result.stderr
    result = new(data_copy, "meeting", "--title", "Uten dato")
    assert result.returncode == 1 and "--date" in result.stderr


def test_a_missing_data_folder_is_explained(tmp_path):
    result = new_process(tmp_path / "finnes-ikke", "person", "--name", "Ola", "--organisations", "uib")
    assert result.returncode == 1 and "finnes ikke" in result.stderr and "Traceback" not in result.stderr
