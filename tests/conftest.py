"""Shared fixtures: paths, a copy of the real data, and site builds into temp dirs."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from shared_data import DATA, ROOT, SharedCopy  # noqa: F401 (DATA and ROOT: for the test files)
from zygote import run_python


@pytest.fixture(scope="session")
def shared_copy(tmp_path_factory: pytest.TempPathFactory) -> SharedCopy:
    return SharedCopy(tmp_path_factory.mktemp("data-copy"))


@pytest.fixture
def data_copy(shared_copy: SharedCopy) -> Path:
    """A writable copy of the real data, named 'data' like the original; put back after the test."""
    yield shared_copy.path
    try:
        shared_copy.restore()
    except BaseException:
        shared_copy.recopy()  # the next test still gets a fresh copy
        raise


ENGINE = "properdocs"  # as in the Makefile


def build_site(
    out_dir: Path, data_dir: Path | None = None, today: str | None = None, engine: str = ENGINE, fresh: bool = False
) -> subprocess.CompletedProcess:
    """Run a strict build of the real site into ``out_dir`` (ProperDocs unless ``engine`` says otherwise).

    A ProperDocs build runs in a child of tests/zygote.py (imports done once) unless ``fresh``; another
    engine, in a new process: the zygote has made `import mkdocs` mean ProperDocs."""
    # Material's end-of-life notice (printed only under `mkdocs`) is known: developers/engine.md.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if data_dir:
        env["KIN_DATA_DIR"] = str(data_dir)
    if today:
        env["KIN_TODAY"] = today
    args = ["-m", engine, "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out_dir)]
    return run_python(args, cwd=ROOT, env=env, fresh=fresh or engine != ENGINE)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run (shared by pytest-xdist's processes); read only."""

    def build(out: Path) -> None:
        result = build_site(out)
        assert result.returncode == 0, result.stderr

    return build_once(tmp_path_factory, "site", build)


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str, build, timeout: float = 900) -> Path:
    """``build(folder)`` once per test run, into the run's temp folder: the first test process to ask
    builds, the others wait for it. (pytest-xdist gives each process the temp folder
    ``<run's>/popen-gwN``, so the run's folder is its parent.)"""
    root = tmp_path_factory.getbasetemp()
    root = root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root
    out, claim, done, failed = (root / f"{name}{end}" for end in ("", ".claimed", ".done", ".failed"))
    try:
        claimed = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:  # another process builds it
        deadline = time.monotonic() + timeout
        while not done.exists():
            assert not failed.exists(), f"building {name} failed in another test process:\n{failed.read_text()}"
            assert _alive(claim), f"the test process building {name} stopped"
            assert time.monotonic() < deadline, f"waited {timeout} s for another test process to build {name}"
            time.sleep(0.1)
        return out
    os.write(claimed, str(os.getpid()).encode())
    os.close(claimed)
    try:
        build(out)
    except BaseException as error:
        (root / f"{name}.failing").write_text(str(error), encoding="utf-8")
        os.replace(root / f"{name}.failing", failed)  # whole, as a waiter reads it
        raise
    done.touch()
    return out


def _alive(claim: Path) -> bool:
    """Whether the process whose pid is in ``claim`` still runs (a claim not yet written counts as running)."""
    pid = claim.read_text(encoding="utf-8")
    if not pid or os.name == "nt":  # Windows: os.kill would end the process, not probe it
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's
        pass
    return True


# --- Browser tests -------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's Chromium where present (CI); else Playwright's own browser."""
    if CHROMIUM.exists():
        return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}
    return browser_type_launch_args


@pytest.fixture(scope="session")
def base_url() -> None:
    """No base URL: each test opens full addresses. (Replaces pytest-playwright's own fixture, a method,
    which pytest 9 warns is deprecated.)"""
    return None


def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 in a background thread; returns (base_url, server)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(built_site):
    url, server = serve(built_site)
    yield url
    server.shutdown()


# --- Tests that need Chromium or LibreOffice --------------------------------------
# `make test-quick` leaves out the tests marked browser or libreoffice; a test that uses
# Playwright's or LibreOffice's fixture without its marker stops the run.

NEEDS_MARKER = {
    "browser": {"playwright", "browser_type", "browser", "context", "new_context", "page"},
    "libreoffice": {"soffice"},
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _slowest_files_first(config, items)
    unmarked = []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})  # a parameter named page is not Playwright's
        used = set(getattr(item, "fixturenames", ())) - set(params)
        unmarked += [
            f"{item.nodeid}: mark it {m}"
            for m, names in NEEDS_MARKER.items()
            if used & names and not item.get_closest_marker(m)
        ]
    if unmarked:
        raise pytest.UsageError("tests without their marker:\n" + "\n".join(unmarked))


@pytest.fixture
def soffice() -> str:
    """LibreOffice's command (for tests marked libreoffice)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is missing: run `make deps` (Debian package libreoffice-calc-nogui)"
    return found


# --- Slowest files first ------------------------------------------------------------
# `make test-quick` hands whole files to its processes in collection order (--no-loadscope-reorder);
# when the longest files go first, no process is left running a long file alone at the end. Each
# file's time in the last run is kept in pytest's cache (.pytest_cache); a file not timed yet keeps its place.

FILE_SECONDS = "kin/file-seconds"
_timed_files: dict[str, float] = {}


def _file_of(nodeid: str) -> str:
    return nodeid.split("::")[0]


def _is_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _slowest_files_first(config: pytest.Config, items: list[pytest.Item]) -> None:
    cache = getattr(config, "cache", None)
    seconds = cache.get(FILE_SECONDS, {}) if cache and _is_xdist_worker(config) else {}
    if seconds:  # a stable sort on a per-file key keeps each file's tests together and in order
        items.sort(key=lambda item: -seconds.get(_file_of(item.nodeid), 0.0))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    file = _file_of(report.nodeid)
    _timed_files[file] = _timed_files.get(file, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    cache = getattr(session.config, "cache", None)
    if cache is None or _is_xdist_worker(session.config) or not _timed_files:
        return  # workers report their tests to the controlling process, which keeps the times
    cache.set(FILE_SECONDS, {**cache.get(FILE_SECONDS, {}), **_timed_files})
