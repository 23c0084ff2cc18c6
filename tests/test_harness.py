"""The test harness's two shortcuts behave as what they replace: a data copy put back after a test
equals a fresh copy, and a run forked from the zygote behaves as a new Python process."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from shared_data import SharedCopy
from zygote import run_python


def test_a_restored_copy_equals_a_fresh_copy(tmp_path):
    copy = SharedCopy(tmp_path / "used")
    data = copy.path
    (data / "network.yml").write_text("endret: ja\n", encoding="utf-8")
    os.utime(data / "relay.yml", (0, 0))
    (data / "corrections.yml").chmod(0o600)
    (data / "meetings/2022-02-08.yml").unlink()
    (data / "meetings/2022-02-08.yml").symlink_to(data / "network.yml")
    shutil.rmtree(data / "courses")
    (data / "people/ny").mkdir()
    (data / "people/ny/x.yml").write_text("x", encoding="utf-8")
    copy.restore()
    assert copy._entries() == SharedCopy(tmp_path / "fresh").entries


@pytest.mark.parametrize("fresh", [False, True], ids=["forked", "new process"])
def test_a_forked_run_behaves_as_a_new_process(tmp_path, fresh):
    code = "import os, sys; print(sys.argv[1:], sys.path[0] == '', os.getcwd(), os.getenv('KIN_X')); sys.exit('nei')"
    env = {"PATH": os.environ["PATH"], "KIN_X": "ja"}
    run = run_python(["-c", code, "a", "b"], cwd=tmp_path, env=env, fresh=fresh)
    assert (run.returncode, run.stdout, run.stderr) == (1, f"['a', 'b'] True {tmp_path} ja\n", "nei\n")
    run = run_python(["-m", "json.tool", "--help"], cwd=tmp_path, env=env, fresh=fresh)
    assert run.returncode == 0 and run.stdout.startswith("usage: python -m json.tool")
    crash = run_python(["-c", "raise ValueError('feil')"], cwd=tmp_path, env=env, fresh=fresh)
    assert crash.returncode == 1 and crash.stderr.rstrip().endswith("ValueError: feil")


def test_a_forked_run_that_overstays_is_stopped():
    with pytest.raises(subprocess.TimeoutExpired):
        run_python(["-c", "import time; time.sleep(60)"], timeout=0.5)
    assert run_python(["-c", "print('neste')"]).stdout == "neste\n"  # the zygote still serves


def test_forked_children_import_nothing_again():
    modules = run_python(["-c", "import sys; print(len(sys.modules))"]).stdout
    assert int(modules) > 500  # ProperDocs, Material, mkdocs-macros and kin are in place already
    assert "properdocs" not in run_python(["-c", "import sys; print(*sys.modules)"], fresh=True).stdout
