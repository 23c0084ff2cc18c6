"""The incremental path of `properdocs serve` (kin_site/page_cache.py) writes the same site as a clean build.

One process rebuilds as `serve` does after each of a series of data edits,
reusing unchanged pages; after every edit its site is compared, file by file,
with a new process's build of the same data (nothing to reuse).
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
from pathlib import Path

from conftest import ROOT
from zygote import run_python

SERVE_URL = "http://127.0.0.1:8000/kin/"

# What `properdocs serve` does: on_startup once, then load the config and build on every change.
REBUILDS = """
import json, logging, shutil, sys
from pathlib import Path
import properdocs.replacement
from properdocs.commands.build import build
from properdocs.config import load_config
from kin_site import page_cache
logging.disable(logging.INFO)  # warnings and errors still show
config_file, site_dir, data_dir, snapshots, serve_url = sys.argv[1:6]
steps = json.loads(Path(sys.argv[6]).read_text(encoding="utf-8"))
stats = []
for number, edits in enumerate(steps):
    for name, old, new in edits:
        path = Path(data_dir) / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    config = load_config(config_file, site_dir=site_dir)
    if number == 0:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    try:
        build(config, serve_url=serve_url)
    except Exception as error:  # an Abort prints nothing by itself
        sys.exit(f"step {number}: {error}")
    stats.append(dict(page_cache.stats))
    shutil.copytree(site_dir, Path(snapshots) / f"site-{number}")
    shutil.copytree(data_dir, Path(snapshots) / f"data-{number}")
print(json.dumps(stats))
"""

MEETING = "meetings/2022-02-08.yml"
PERSON = "people/alexander-s-lundervold.yml"
STEPS = [
    [],  # the first build: nothing to reuse yet
    [[MEETING, "theme: ", "theme: Endret tema – "]],
    [[PERSON, "name: Alexander S. Lundervold", "name: Alexander Selvikvåg Lundervold"]],
    [[MEETING, "theme: Endret tema – ", "theme: "], [PERSON, 'affiliation: "Høgskulen', 'affiliation: "Ny, Høgskulen']],
    [],  # nothing changed: every page is reused
]


def serve_builds(tmp_path: Path, data: Path, steps: list) -> list[dict]:
    steps_file = tmp_path / "steps.json"
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    args = [ROOT / "mkdocs.yml", tmp_path / "serve-site", data, snapshots, SERVE_URL, steps_file]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KIN_DATA_DIR": str(data)}
    result = run_python(["-c", REBUILDS, *map(str, args)], cwd=ROOT, env=env, timeout=900)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def differences(left: Path, right: Path) -> list[str]:
    """Paths that are only on one side or differ in content, recursively."""
    cmp = filecmp.dircmp(left, right)
    found = [str(left / n) for n in cmp.left_only] + [str(right / n) for n in cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, cmp.common_files, shallow=False)
    found += [str(left / n) for n in mismatch + errors]
    for sub in cmp.common_dirs:
        found += differences(left / sub, right / sub)
    return found


def test_incremental_serve_builds_equal_clean_builds(tmp_path, data_copy):
    stats = serve_builds(tmp_path, data_copy, STEPS)
    assert stats[0]["reused"] == 0 and stats[0]["rendered"] > 100
    for step in stats[1:4]:  # an edit re-renders some pages and reuses most
        assert step["rendered"] >= 1 and step["reused"] > step["rendered"], stats
    assert stats[4]["rendered"] == 0, stats
    clean_sites: dict[tuple, Path] = {}  # one clean build per distinct state of the data
    for number in range(1, len(STEPS)):
        data = tmp_path / "snapshots" / f"data-{number}"
        state = tuple(sorted((p.relative_to(data).as_posix(), p.read_bytes()) for p in data.rglob("*") if p.is_file()))
        if state not in clean_sites:
            clean = tmp_path / f"clean-{number}"
            shutil.copytree(data, clean / "data")
            fresh = serve_builds(clean, clean / "data", [[]])
            assert fresh[0]["reused"] == 0
            clean_sites[state] = clean / "snapshots" / "site-0"
        assert differences(tmp_path / "snapshots" / f"site-{number}", clean_sites[state]) == []
    assert len(clean_sites) == len(STEPS) - 2, "the last step changes nothing, so it is compared with the same build"
