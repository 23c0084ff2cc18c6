"""`python -m MODULE ...` and `python -c CODE ...` for the tests, forked from a process that has
already imported the site generator.

A fresh `python -m properdocs build` spends more than a second of CPU importing ProperDocs,
Material, mkdocs-macros, pydantic and kin before it reads a file; a test run starts about twenty
such builds. The zygote (this file, run as a script) does those imports once and then, for each
request, forks a child that starts as a new process would after the same imports: its own
environment, working directory, sys.argv and sys.path, stdin from /dev/null, stdout and stderr to
files, and Python's exit code (a SystemExit message or an uncaught traceback goes to stderr, code 1).
The zygote itself never builds, so no build sees another's state. Nothing the site reads at import
time depends on the environment: KIN_DATA_DIR and KIN_TODAY are read when a build runs.

What forked children share is the zygote's hash seed. Output that depends on the order of a set
still shows: test_build compares every file of the real site with MkDocs' build of it, made in a
process of its own (``fresh=True``).
Without os.fork (Windows), every run is an ordinary subprocess.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# properdocs.replacement first: it makes `import mkdocs` (in Material and mkdocs-macros) mean ProperDocs.
# Not properdocs.__main__: it reads the terminal's width when imported.
PRELOAD = [
    "properdocs.replacement",
    "properdocs.commands.build",
    "properdocs.config",
    "material.plugins.search.plugin",
    "mkdocs_macros.plugin",
    "pymdownx.superfences",
    "kin.dataset",
    "kin_site.macros",
    "kin_site.hooks",
]


# --- The zygote --------------------------------------------------------------------


def _exit_code(exit: SystemExit) -> int:
    if exit.code is None or isinstance(exit.code, int):
        return exit.code or 0
    print(exit.code, file=sys.stderr)
    return 1


def _run(args: list[str]) -> None:
    option, name, *rest = args
    if option == "-m":
        import runpy

        sys.argv, sys.path[0] = [name, *rest], os.getcwd()
        runpy.run_module(name, run_name="__main__", alter_sys=True)
    else:  # -c CODE
        sys.argv, sys.path[0] = ["-c", *rest], ""
        exec(compile(name, "<string>", "exec"), {"__name__": "__main__"})


def _child(args: list[str], cwd: str, env: dict[str, str], out: str, err: str) -> None:
    code = 1
    try:
        for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, out, os.O_WRONLY), (2, err, os.O_WRONLY)):
            opened = os.open(path, flags)
            os.dup2(opened, fd)
            os.close(opened)
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        _run(args)
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit)
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                code = code or 1
        os._exit(code)


def _serve() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    for line in sys.stdin:  # one JSON request per line; answers: the child's pid, then its exit code
        pid = os.fork()
        if pid == 0:
            _child(**json.loads(line))
        print(pid, flush=True)
        print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)


# --- The tests' side ---------------------------------------------------------------

_zygote: subprocess.Popen | None = None
_lock = threading.Lock()


def _started() -> subprocess.Popen:
    global _zygote
    if _zygote is None or _zygote.poll() is not None:
        _zygote = subprocess.Popen(
            [sys.executable, __file__], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        atexit.register(_stop, _zygote)
    return _zygote


def _stop(zygote: subprocess.Popen) -> None:
    zygote.stdin.close()  # the zygote's loop ends
    zygote.wait(timeout=60)


def _answer(zygote: subprocess.Popen) -> int:
    line = zygote.stdout.readline()
    if not line:
        raise RuntimeError(f"the zygote (tests/zygote.py) stopped with code {zygote.wait()}; its error is above")
    return int(line)


def run_python(
    args: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 300, fresh: bool = False
) -> subprocess.CompletedProcess:
    """Like ``subprocess.run([sys.executable, *args], capture_output=True, text=True)`` for
    ``-m MODULE`` or ``-c CODE``; ``fresh=True`` runs a new process (its own hash seed)."""
    env = dict(os.environ if env is None else env)
    command = [sys.executable, *args]
    if fresh or not hasattr(os, "fork"):
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    with tempfile.TemporaryDirectory() as tmp, _lock:
        out, err = Path(tmp, "stdout"), Path(tmp, "stderr")
        out.touch()
        err.touch()
        zygote = _started()
        request = {"args": args, "cwd": str(cwd), "env": env, "out": str(out), "err": str(err)}
        zygote.stdin.write(json.dumps(request) + "\n")
        zygote.stdin.flush()
        pid = _answer(zygote)
        killed = threading.Event()
        timer = threading.Timer(timeout, lambda: (killed.set(), os.kill(pid, 9)))
        timer.start()
        code = _answer(zygote)
        timer.cancel()
        if killed.is_set():
            raise subprocess.TimeoutExpired(command, timeout)
        return subprocess.CompletedProcess(command, code, out.read_text("utf-8"), err.read_text("utf-8"))


if __name__ == "__main__":
    _serve()
