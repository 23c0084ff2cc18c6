"""The incremental path of `properdocs serve` (kin_site/page_cache.py) writes the same site as a clean build.

One process rebuilds as `serve` does after each of a series of data edits,
reusing unchanged pages; after every edit its site is compared, file by file,
with a new process's build of the same data (nothing to reuse).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import ROOT
from zygote import run_python

SERVE_URL = "http://127.0.0.1:8000/kin/"

# What `properdocs serve` does: on_startup once, then load the config and build on every change.
# After each build: the page cache's counts and a digest of every file of the site (and, for the
# series of edits, a copy of the data it was built from).
REBUILDS = """
import hashlib, json, logging, shutil, sys
from pathlib import Path
import properdocs.replacement
from properdocs.commands.build import build
from properdocs.config import load_config
from kin_site import page_cache
logging.disable(logging.INFO)  # warnings and errors still show
config_file, site_dir, data_dir, snapshots, serve_url = sys.argv[1:6]
steps = json.loads(Path(sys.argv[6]).read_text(encoding="utf-8"))
results = []
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
    digests = {  # every file's digest, and every folder (an empty one too)
        p.relative_to(site_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        for p in Path(site_dir).rglob("*")
    }
    results.append({"stats": dict(page_cache.stats), "site": digests})
    if snapshots != "-":
        shutil.copytree(data_dir, Path(snapshots) / f"data-{number}")
print(json.dumps(results))
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


def serve_builds(site: Path, data: Path, steps: list, snapshots: Path | None = None) -> list[dict]:
    """Build ``data`` into ``site`` once per step, as `serve` does; ``snapshots`` gets the data of each step."""
    steps_file = site.parent / f"{site.name}-steps.json"
    steps_file.write_text(json.dumps(steps), encoding="utf-8")
    args = [ROOT / "mkdocs.yml", site, data, snapshots or "-", SERVE_URL, steps_file]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KIN_DATA_DIR": str(data)}
    result = run_python(["-c", REBUILDS, *map(str, args)], cwd=ROOT, env=env, timeout=900)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def differences(left: dict[str, str], right: dict[str, str]) -> list[str]:
    """Paths (files and folders) that are only on one side, or files that differ in content."""
    return sorted(path for path in left.keys() | right.keys() if left.get(path) != right.get(path))


def test_incremental_serve_builds_equal_clean_builds(tmp_path, data_copy):
    snapshots = tmp_path / "data"
    results = serve_builds(tmp_path / "serve-site", data_copy, STEPS, snapshots)
    stats = [result["stats"] for result in results]
    assert stats[0]["reused"] == 0 and stats[0]["rendered"] > 100
    for step in stats[1:4]:  # an edit re-renders some pages and reuses most
        assert step["rendered"] >= 1 and step["reused"] > step["rendered"], stats
    assert stats[4]["rendered"] == 0, stats
    clean_sites: dict[tuple, dict[str, str]] = {}  # one clean build per distinct state of the data
    for number in range(1, len(STEPS)):
        data = snapshots / f"data-{number}"
        state = tuple(sorted((p.relative_to(data).as_posix(), p.read_bytes()) for p in data.rglob("*") if p.is_file()))
        if state not in clean_sites:
            (fresh,) = serve_builds(tmp_path / f"clean-{number}", data, [[]])
            assert fresh["stats"]["reused"] == 0
            clean_sites[state] = fresh["site"]
        assert differences(results[number]["site"], clean_sites[state]) == [], f"step {number}"
    assert len(clean_sites) == len(STEPS) - 2, "the last step changes nothing, so it is compared with the same build"
