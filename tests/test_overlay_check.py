"""The editor's check of a change without copying data/ (kin.overlay) says exactly what the copy-based check says.

The reference is the check the back end made before: copy the folder, apply
the change, ``load_dataset`` the copy (through tests/loading.py). For a series of good and bad edits, both
must accept or refuse alike, with the same error list, line for line. One
``SaveCheck`` serves the whole series, and files also change on disk between
checks, so results kept from an earlier check are tested too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from loading import load
from shared_data import mirror

from kin.errors import DataValidationError
from kin.overlay import SaveCheck

MEETING = "meetings/2022-02-08.yml"
SPEAKER = "finn-henry-hansen"  # named as a speaker in MEETING
SETTLED = 1_600_000_000  # seconds: a modification time long past


COPY_BASED: dict[tuple, list[str]] = {}  # (every file of the folder, changes) -> errors; both runs repeat some


def copy_based(data: Path, tmp: Path, changes: dict[str, str | None]) -> list[str]:
    """The errors of the data with ``changes``, found in a copy of the folder (empty: valid)."""
    files = tuple(sorted((p.relative_to(data).as_posix(), p.read_bytes()) for p in data.rglob("*") if p.is_file()))
    key = (data.name, files, tuple(sorted(changes.items())))
    if key not in COPY_BASED:
        COPY_BASED[key] = _copy_based(data, tmp, changes)
    return COPY_BASED[key]


def _copy_based(data: Path, tmp: Path, changes: dict[str, str | None]) -> list[str]:
    copy = tmp / "copy" / data.name  # made equal to ``data`` file by file: as a fresh copy, fewer writes
    copy.mkdir(parents=True, exist_ok=True)
    mirror(data, copy)
    for rel, text in changes.items():
        if text is None:
            (copy / rel).unlink(missing_ok=True)
        else:
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).write_text(text, encoding="utf-8")
    return errors_of(lambda: load(copy))  # load_dataset, each file like the real one parsed once (tests/loading.py)


def errors_of(check) -> list[str]:
    try:
        check()
    except DataValidationError as exc:
        return [str(e) for e in exc.errors]
    return []


def edits(data: Path) -> list[tuple[str, dict[str, str | None]]]:
    meeting = (data / MEETING).read_text(encoding="utf-8")
    network = (data / "network.yml").read_text(encoding="utf-8")
    person = "id: ny-person\nname: Ny Person\norganisations: [sykehuspartner]\n"
    return [
        ("nothing", {}),
        ("a meeting's theme", {MEETING: meeting.replace("theme: Behov", "theme: Nytt behov")}),
        ("a new person", {"people/ny-person.yml": person}),
        ("an unnamed person removed", {"people/alia-zaka.yml": None}),
        ("a person a meeting names, removed", {f"people/{SPEAKER}.yml": None}),
        ("an unknown speaker", {MEETING: meeting.replace(f"speakers: [{SPEAKER}]", "speakers: [finnes-ikke]")}),
        ("a YAML syntax error", {MEETING: meeting.replace('start: "12:00"', 'start: "12:00')}),
        ("a file named unlike its id", {"people/annet-navn.yml": person}),
        ("a person with a taken name", {"people/ny-person.yml": person.replace("Ny Person", "Alia Zaka")}),
        ("an agenda item before the start", {MEETING: meeting.replace('time: "12:20"', 'time: "11:20"')}),
        ("the network file removed", {"network.yml": None}),
        ("the network file changed", {"network.yml": network + "ukjent_felt: 1\n"}),
        ("a control character", {MEETING: meeting.replace("Teams", "Te\x0bams")}),
        ("a byte order mark", {"people/ny-person.yml": "\ufeff" + person}),
        ("a new record and the removal it needs", {"people/ny-person.yml": person, "people/alia-zaka.yml": None}),
    ]


@pytest.mark.parametrize("disk_change", [False, True], ids=["disk as copied", "disk changed between checks"])
def test_overlay_check_equals_the_copy_based_check(data_copy, tmp_path, disk_change):
    for path in [data_copy, *data_copy.rglob("*")]:  # settled (as in a long session): the checker keeps
        os.utime(path, (SETTLED, SETTLED))  # every file's result from the first check, not only after 2 s
    checker = SaveCheck(data_copy)
    accepted = []
    for what, changes in edits(data_copy):
        if disk_change and what == "a new person":  # someone edits files while the back end runs
            person = data_copy / "people/alia-zaka.yml"
            person.write_text(person.read_text(encoding="utf-8").replace("role: member", "role: medlem"), "utf-8")
        if disk_change and what == "a YAML syntax error":  # a file added on disk, then removed
            (data_copy / "people/fra-disken.yml").write_text("id: et-annet-navn\nname: Fra Disken\n", "utf-8")
        if disk_change and what == "a control character":
            person.write_text(person.read_text(encoding="utf-8").replace("role: medlem", "role: member"), "utf-8")
            (data_copy / "people/fra-disken.yml").unlink()
        expected = copy_based(data_copy, tmp_path, changes)
        assert errors_of(lambda changes=changes: checker.check(changes)) == expected, what
        if not expected:
            accepted.append(what)
    assert accepted == [  # the rest refused; with the disk changed, the invalid person file refuses more
        "nothing",
        "a meeting's theme",
        *(["a new person"] if not disk_change else []),
        "an unnamed person removed",  # (the invalid file goes with it)
        "a byte order mark",
        "a new record and the removal it needs",
    ]


def test_a_refused_removal_names_the_meeting_that_needs_the_person(data_copy):
    lines = (data_copy / MEETING).read_text(encoding="utf-8").splitlines()
    row, text = next((n, t) for n, t in enumerate(lines, 1) if t.lstrip().startswith("comments_to:"))
    comments_to = f"{row}:{text.index(SPEAKER) + 1}"  # where the minutes name the person
    with pytest.raises(DataValidationError) as caught:
        SaveCheck(data_copy).check({f"people/{SPEAKER}.yml": None})
    assert [str(e) for e in caught.value.errors] == [
        f"data/{MEETING}:22:16: agenda[1].speakers[0]: ukjent id: personen «{SPEAKER}» finnes ikke i people/",
        f"data/{MEETING}:{comments_to}: minutes.comments_to[1]: ukjent id: personen «{SPEAKER}» finnes ikke i people/",
        f"data/network.yml:12:1: secretariat_lead: ukjent id: personen «{SPEAKER}» finnes ikke i people/",
        f"data/network.yml:17:5: contacts[1].person: ukjent id: personen «{SPEAKER}» finnes ikke i people/",
    ]
