"""`python -m MODULE ...` and `python -c CODE ...` for the tests, forked from a process that has
already imported the site generator.

A fresh `python -m properdocs build` spends more than a second of CPU importing ProperDocs,
Material, mkdocs-macros, pydantic and kin before it reads a file; a test run starts about twenty
such builds. The zygote (this file, run as a script) does those imports once and then, for each
request, forks a child that runs as a new process would after the same imports: its own
environment, working directory, sys.argv, sys.path[0] and __main__, stdout and stderr to files,
and Python's exit code (a SystemExit message or an uncaught exception goes to stderr, code 1).
The zygote itself never builds, so no build sees another's state. ``start_python`` forks a run
that goes on in the background (`properdocs serve` for the serve and editor tests): the zygote
answers at once with its pid and reports its exit code when asked (``Started.poll``).

How a child differs from a new process, and what keeps that from hiding a fault:
- Settings read once at start (PYTHON*, TMPDIR, TZ, locale) are the zygote's: a run with other
  values runs as a new process. KIN_DATA_DIR and KIN_TODAY are read when a build runs.
- The hash seed is the zygote's. Output that depends on the order of a set still shows where two
  builds are compared: one side runs with ``fresh=True`` (MkDocs' build of the real site, the
  variant data's build, `kin export`).
- As in multiprocessing's children, atexit handlers do not run and non-daemon threads are not
  waited for; a build uses neither.
Without os.fork (Windows), every run is an ordinary subprocess.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import types
from collections.abc import Mapping
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
    else:  # -c CODE, in a __main__ module of its own and without this file's __future__ imports
        sys.argv, sys.path[0] = ["-c", *rest], ""
        main = sys.modules["__main__"] = types.ModuleType("__main__")
        exec(compile(name, "<string>", "exec", dont_inherit=True), main.__dict__)


def _child(args: list[str], cwd: str, env: dict[str, str], out: str, err: str) -> None:
    code = 1
    try:
        for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, out, os.O_WRONLY), (2, err, os.O_WRONLY)):
            if fd == 2 and err == out:  # one log for both, as Popen(stdout=log, stderr=log)
                os.dup2(1, 2)
                continue
            opened = os.open(path, flags)
            os.dup2(opened, fd)
            os.close(opened)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even if the test run ignores it
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        _run(args)
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit)
    except KeyboardInterrupt:  # as Python does: the traceback, then an end by SIGINT
        sys.excepthook(*sys.exc_info())
        sys.stderr.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    except BaseException:
        sys.excepthook(*sys.exc_info())
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                code = code or 1
        os._exit(code)


def _warm() -> None:
    """Work a build keeps for the life of its process, done once here: a forked build starts as a
    `serve` process's second build does. The open data's JSON Schemas depend on the code alone
    (a twentieth of a build); the builds that run as new processes still work them out."""
    from kin import opendata

    for name in (*opendata.API, opendata.CATALOGUE):
        opendata.model_schema(name)


def _serve() -> None:
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    _warm()
    running: set[int] = set()  # background children not yet reported ended
    for line in sys.stdin:  # one JSON request per line
        request = json.loads(line)
        if "poll" in request:  # a background child: its exit code once, or an empty line while it runs
            pid, code = request["poll"], 255  # 255: not a running child of this zygote
            if pid in running:
                done, status = os.waitpid(pid, os.WNOHANG)
                code = os.waitstatus_to_exitcode(status) if done else ""
                if done:
                    running.discard(pid)
            print(code, flush=True)
            continue
        background = request.pop("background", False)
        pid = os.fork()
        if pid == 0:
            _child(**request)
        print(pid, flush=True)  # then, for a run in the foreground, its exit code when it ends
        if background:
            running.add(pid)
        else:
            print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), flush=True)
    for pid in running:  # the tests are done: no server outlives them
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)


# --- The tests' side ---------------------------------------------------------------

_zygote: subprocess.Popen | None = None
_zygote_settings: dict[str, str] = {}
_lock = threading.Lock()


def _startup_settings(env: Mapping[str, str]) -> dict[str, str]:
    """What Python or the imported modules read once, at start: a run that sets them otherwise runs fresh."""
    names = ("TMPDIR", "TEMP", "TMP", "TZ", "LANG", "LANGUAGE")
    return {k: v for k, v in env.items() if k.startswith(("PYTHON", "LC_")) or k in names}


def _started() -> subprocess.Popen:
    global _zygote, _zygote_settings
    if _zygote is None or _zygote.poll() is not None:
        _zygote = subprocess.Popen(
            [sys.executable, __file__], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        _zygote_settings = _startup_settings(os.environ)
        atexit.register(_stop, _zygote)
    return _zygote


def _stop(zygote: subprocess.Popen) -> None:
    with contextlib.suppress(OSError):
        zygote.stdin.close()  # the zygote's loop ends
    zygote.wait(timeout=60)


def _zygote_for(env: Mapping[str, str], fresh: bool = False) -> subprocess.Popen | None:
    """The zygote to fork a run with ``env`` from, or None for a new process. Call with ``_lock`` held."""
    zygote = None if fresh or not hasattr(os, "fork") else _started()
    return zygote if zygote is not None and _startup_settings(env) == _zygote_settings else None


def _send(zygote: subprocess.Popen, request: dict) -> None:
    zygote.stdin.write(json.dumps(request) + "\n")
    zygote.stdin.flush()


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
    with _lock:
        zygote = _zygote_for(env, fresh)
        if zygote is None:
            return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        with tempfile.TemporaryDirectory() as tmp:
            out, err = Path(tmp, "stdout"), Path(tmp, "stderr")
            out.touch()
            err.touch()
            request = {"args": args, "cwd": str(cwd), "env": env, "out": str(out), "err": str(err)}
            try:
                code = _forked(zygote, request, timeout)
            except BaseException:
                zygote.kill()  # out of step with its answers: the next run starts another
                raise
            if code is None:
                raise subprocess.TimeoutExpired(command, timeout)
            return subprocess.CompletedProcess(command, code, out.read_text("utf-8"), err.read_text("utf-8"))


# A new process takes Ctrl-C (SIGINT) even if the test run ignores it (started in the background by a shell).
_CTRL_C = {"preexec_fn": lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)} if os.name != "nt" else {}


class Started:
    """A background run forked from the zygote, with the part of ``subprocess.Popen`` the tests use."""

    def __init__(self, zygote: subprocess.Popen, pid: int) -> None:
        self._zygote, self.pid, self.returncode = zygote, pid, None

    def poll(self) -> int | None:
        if self.returncode is None:
            with _lock:
                try:
                    _send(self._zygote, {"poll": self.pid})
                    line = self._zygote.stdout.readline()
                except OSError:
                    line = ""
            if not line:
                raise RuntimeError("the zygote (tests/zygote.py) stopped; its error is above")
            self.returncode = int(line) if line.strip() else None
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.05)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        try:
            running = self.poll() is None
        except RuntimeError:  # no zygote to ask: its child may still run
            running = True
        if running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def start_python(
    args: list[str], log: Path, *, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.Popen | Started:
    """Like ``subprocess.Popen([sys.executable, *args], stdout=log, stderr=log)`` for ``-m MODULE``
    or ``-c CODE`` (a server), forked from the zygote; ``log`` is written from its start."""
    env = dict(os.environ if env is None else env)
    log.write_bytes(b"")
    with _lock:
        zygote = _zygote_for(env)
        if zygote is None:
            with log.open("wb") as out:
                return subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdout=out, stderr=out, **_CTRL_C)
        request = {"args": args, "cwd": str(cwd), "env": env, "out": str(log), "err": str(log), "background": True}
        try:
            _send(zygote, request)
            return Started(zygote, _answer(zygote))
        except BaseException:
            zygote.kill()
            raise


def _forked(zygote: subprocess.Popen, request: dict, timeout: float) -> int | None:
    """The child's exit code, or None when it was stopped for overstaying ``timeout``."""
    _send(zygote, request)
    pid = _answer(zygote)
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.daemon = True
    timer.start()
    try:
        code = _answer(zygote)
    finally:
        timer.cancel()
    return None if killed.is_set() and code == -signal.SIGKILL else code


if __name__ == "__main__":
    _serve()
