"""The test harness's two shortcuts behave as what they replace: a data copy put back after a test
equals a fresh copy, and a run forked from the zygote behaves as a new Python process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time

import pytest
from shared_data import SharedCopy
from zygote import Started, run_python, start_python


def test_a_restored_copy_equals_a_fresh_copy(tmp_path):
    copy = SharedCopy(tmp_path / "used")
    data = copy.path
    (data / "network.yml").write_text("endret: ja\n", encoding="utf-8")
    os.utime(data / "network.yml", (0, 0))
    (data / "corrections.yml").chmod(0o600)
    (data / "meetings/2022-02-08.yml").unlink()
    (data / "meetings/2022-02-08.yml").symlink_to(data / "network.yml")
    shutil.rmtree(data / "courses")
    (data / "courses").write_text("en fil der mappen var", encoding="utf-8")
    (data / "relay.yml").unlink()
    (data / "relay.yml").mkdir()
    (data / "relay.yml/x.yml").write_text("x", encoding="utf-8")
    (data / "people/ny").mkdir()
    (data / "people/ny/x.yml").write_text("x", encoding="utf-8")
    (data / "people/ny/x.yml").chmod(0o000)
    (data / "people").chmod(0o500)
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
    module = "import sys, __main__; print(sys.argv[0], sys.path[0], __main__.__file__)"
    (tmp_path / "probe.py").write_text(module, encoding="utf-8")
    probe = run_python(["-m", "probe"], cwd=tmp_path, env=env, fresh=fresh)
    assert probe.stdout.split() == [str(tmp_path / "probe.py"), str(tmp_path), str(tmp_path / "probe.py")]
    code = "import __main__\ndef f(x: int): pass\nprint(f.__annotations__, __main__.f is f)"
    assert run_python(["-c", code], cwd=tmp_path, env=env, fresh=fresh).stdout == "{'x': <class 'int'>} True\n"


def test_a_run_with_other_startup_settings_runs_as_a_new_process():
    flag = "import sys; print(sys.flags.hash_randomization)"
    env = {name: value for name, value in os.environ.items() if name != "PYTHONHASHSEED"}
    assert run_python(["-c", flag], env=env).stdout == "1\n"
    assert run_python(["-c", flag], env={**env, "PYTHONHASHSEED": "0"}).stdout == "0\n"


def test_a_forked_run_that_overstays_is_stopped():
    with pytest.raises(subprocess.TimeoutExpired):
        run_python(["-c", "import time; time.sleep(60)"], timeout=0.5)
    assert run_python(["-c", "print('neste')"]).stdout == "neste\n"  # the zygote still serves


def test_forked_children_import_nothing_again():
    modules = run_python(["-c", "import sys; print(len(sys.modules))"]).stdout
    assert int(modules) > 500  # ProperDocs, Material, mkdocs-macros and kin are in place already
    assert "properdocs" not in run_python(["-c", "import sys; print(*sys.modules)"], fresh=True).stdout


def test_a_copy_made_again_after_a_failed_put_back_equals_a_fresh_copy(tmp_path):
    copy = SharedCopy(tmp_path / "used")
    shutil.rmtree(copy.path / "people")
    (copy.path / "meetings").chmod(0o000)
    copy.recopy()
    assert copy._entries() == copy.entries == SharedCopy(tmp_path / "fresh").entries


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals; Windows runs every test as a new process")
@pytest.mark.parametrize("fresh", [False, True], ids=["forked", "new process"])
def test_a_background_run_behaves_as_popen(tmp_path, fresh):
    env = {**os.environ, "KIN_X": "ja"}
    if fresh:
        env["PYTHONHASHSEED"] = "7"  # other start-up settings than the zygote's: a new process
    log = tmp_path / "server.log"
    code = "import os, sys, time; print(os.getcwd(), os.getenv('KIN_X'), flush=True)\n"
    code += "print('feil', file=sys.stderr, flush=True); time.sleep(60)"
    server = start_python(["-c", code], log, cwd=tmp_path, env=env)
    assert isinstance(server, subprocess.Popen if fresh else Started)
    deadline = time.monotonic() + 60
    while log.read_text().count("\n") < 2:
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)
    assert server.poll() is None
    assert log.read_text() == f"{tmp_path} ja\nfeil\n"
    server.send_signal(signal.SIGINT)  # Ctrl-C
    assert server.wait(timeout=30) == -signal.SIGINT and server.poll() == -signal.SIGINT
    assert log.read_text().rstrip().endswith("KeyboardInterrupt")
    stubborn = "import signal, time; signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
    stubborn += "print('klar', flush=True); time.sleep(60)"
    server = start_python(["-c", stubborn], log, cwd=tmp_path, env=env)
    while log.read_text() != "klar\n":
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)
    server.terminate()
    assert server.wait(timeout=30) == -signal.SIGTERM
    done = start_python(["-c", "import sys; sys.exit(3)"], log, cwd=tmp_path, env=env)
    assert done.wait(timeout=60) == 3 and log.read_text() == ""
