"""Under `properdocs serve` the hooks load the data through kin.overlay (unchanged files validated once):
after every edit the served dataset, or its error list, is what a fresh ``load_dataset`` gives.

One process runs the hooks as `serve` does (``on_startup`` once, then ``on_config`` on
every change) over a series of edits: good and bad, files added and removed. The test
makes the same edits to a copy of its own and loads that fresh after each step. Each written file (and its folder)
gets a distinct modification time in the past, so the cache keeps every result and a
change is seen only through the file's ``stat``, as in a long `serve` session.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
from pathlib import Path

from conftest import DATA, ROOT
from pydantic import BaseModel
from zygote import run_python

from kin import load_dataset
from kin.errors import DataValidationError

SERVED = """
import json, logging, os, pickle, sys
from pathlib import Path
import properdocs.replacement
from properdocs.config import load_config
from kin_site import runtime
logging.disable(logging.INFO)
config_file, data_dir, served_file, steps_file = sys.argv[1:5]
steps = json.loads(Path(steps_file).read_text(encoding="utf-8"))
served = []  # per step: the served Dataset, or the data errors (one pickle: shared records stay shared)
for number, (edits, mtime) in enumerate(steps):
    for rel, text in edits:
        path = Path(data_dir) / rel
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
            os.utime(path, (mtime, mtime))
        os.utime(path.parent, (mtime, mtime))
    config = load_config(config_file)
    if number == 0:
        config.plugins.on_startup(command="serve", dirty=False)
    try:
        config.plugins.on_config(config)
        served.append(runtime.data())
    except Exception as error:
        served.append(getattr(error, "data_errors", None) or sys.exit(f"step {number}: {error}"))
Path(served_file).write_bytes(pickle.dumps(served))
"""

MEETING = "meetings/2022-02-08.yml"
SPEAKER = "people/finn-henry-hansen.yml"  # a speaker in MEETING
UNNAMED = "people/alia-zaka.yml"  # named by no other record
NEW = "people/ny-person.yml"
PAST = 1_600_000_000  # seconds: the modification times written, one per step


def steps(data: Path) -> list[tuple[list, int]]:
    meeting = (data / MEETING).read_text(encoding="utf-8")
    speaker = (data / SPEAKER).read_text(encoding="utf-8")
    themed = meeting.replace("theme: Behov", "theme: Nytt behov")
    edits = [
        [],  # the first build: every file read
        [[MEETING, themed]],
        [[MEETING, themed.replace('start: "12:00"', 'start: "12:00')]],  # a YAML syntax error
        [[MEETING, themed]],  # fixed
        [[NEW, "id: ny-person\nname: Ny Person\norganisations: [sykehuspartner]\n"]],  # a file added
        [[UNNAMED, None]],  # a file removed
        [[SPEAKER, None]],  # a removal the meeting's references refuse
        [[SPEAKER, speaker.replace("name: ", "name:  ", 1)]],  # back, in another file of another size
        [[NEW, "id: ny-person\nname: Ny Person\norganisations: [finnes-ikke]\n"]],  # a bad reference
        [[NEW, None], [MEETING, meeting]],  # both undone at once
        [],  # nothing changed
    ]
    return [(step, PAST + 60 * number) for number, step in enumerate(edits)]


def dump(data) -> dict:
    """Every field of a Dataset as plain values, each record with its model's name."""

    def plain(value):
        if isinstance(value, BaseModel):
            return [type(value).__name__, value.model_dump(mode="json")]
        return [plain(v) for v in value] if isinstance(value, list) else value

    return {field.name: plain(getattr(data, field.name)) for field in dataclasses.fields(data)}


def fresh(data: Path):
    try:
        return load_dataset(data)
    except DataValidationError as exc:
        return [str(e) for e in exc.errors]


def test_the_served_dataset_equals_a_fresh_load_after_every_edit(tmp_path, data_copy):
    for path in [data_copy, *data_copy.rglob("*")]:  # settled: the cache may keep every file
        os.utime(path, (PAST - 60, PAST - 60))
    series = steps(data_copy)
    steps_file = tmp_path / "steps.json"
    steps_file.write_text(json.dumps(series), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KIN_DATA_DIR": str(data_copy)}
    args = [ROOT / "mkdocs.yml", data_copy, tmp_path / "served.pickle", steps_file]
    result = run_python(["-c", SERVED, *map(str, args)], cwd=ROOT, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    served = pickle.loads((tmp_path / "served.pickle").read_bytes())

    refused = []
    data = tmp_path / "data"  # the same edits, made here to each step's data
    shutil.copytree(DATA, data)
    for number, got in enumerate(served):
        for rel, text in series[number][0]:
            if text is None:
                (data / rel).unlink()
            else:
                (data / rel).write_text(text, encoding="utf-8")
        expected = fresh(data)
        if isinstance(expected, list):
            assert got == expected, f"step {number}"
            refused.append(number)
        else:
            assert isinstance(got, type(expected)), f"step {number}: {got}"
            assert dump(got) == dump(expected), f"step {number}"
    assert refused == [2, 6, 8]
    assert any(f"data/{MEETING}:" in error for error in served[2])
    # Unchanged files' records are reused from the step before; an edited file's is new.
    first, themed, fixed, added = served[0], served[1], served[3], served[4]
    assert themed.person["arvid-lundervold"] is first.person["arvid-lundervold"]
    assert themed.meeting["2022-02-08"] is not first.meeting["2022-02-08"]
    assert added.meeting["2022-02-08"] is fixed.meeting["2022-02-08"]
    assert "ny-person" in added.person and "ny-person" not in served[9].person
    assert "alia-zaka" not in served[5].person
