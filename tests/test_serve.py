"""`properdocs serve` rebuilds from data: an edit to a YAML file shows on the served pages."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import edit_serve
import pytest
from conftest import DATA, ENGINE, ROOT
from test_validation import edit
from zygote import start_python

from kin import routes as urls

MEETING = "moter/2022-02-08/"
MEETING_FILE = "meetings/2022-02-08.yml"
THEME = "Behov for kompetanseøkning"  # on MEETING as the data has it


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


class Server:
    """`properdocs serve` of the real site on a copy of the data, logging to a file."""

    def __init__(self, data: Path, log: Path, edit: bool = False) -> None:
        port = edit_serve.free_port()
        env = {**os.environ, "KIN_DATA_DIR": str(data), "KIN_EDIT": "1" if edit else ""}
        args = ["-m", ENGINE, "serve", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
        self.log, self.data = log, data
        self.proc = start_python(args, log, cwd=ROOT, env=env)  # forked from tests/zygote.py
        self.base = f"http://127.0.0.1:{port}/kin/"

    def wait_for(self, check: Callable[[], bool], timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            assert self.proc.poll() is None, self.log.read_text()
            time.sleep(0.2)
        raise AssertionError(f"timed out; server log:\n{self.log.read_text()}")

    def page(self, path: str) -> str:
        return fetch(self.base + path)

    @contextlib.contextmanager
    def restoring(self, rel: str, gone: str):
        """Put the data file ``rel`` back as it was after the block, and wait until MEETING has the data's
        theme again and no ``gone`` (a text the block brought in): the next test finds the site as started."""
        path = self.data / rel
        before = path.read_bytes()
        try:
            yield
        finally:
            path.write_bytes(before)
            self.wait_for(lambda: (page := self.page(MEETING)) and THEME in page and gone not in page)


@pytest.fixture(scope="module", params=[False], ids=["serve"])
def served(tmp_path_factory: pytest.TempPathFactory, request):
    """`properdocs serve` (``make serve``) on a copy of the data, started once per module; parametrized
    with True, as ``make edit`` (KIN_EDIT=1). A test that edits the data puts it back (``restoring``)."""
    data = tmp_path_factory.mktemp("served") / "data"
    shutil.copytree(DATA, data)
    server = Server(data, data.parent / "serve.log", edit=request.param)
    try:
        server.wait_for(lambda: THEME in server.page(MEETING), 60)
        yield server
    finally:
        edit_serve.stop(server.proc)


def test_data_edit_shows_on_the_served_site(served):
    index_before = served.page("search/search_index.json")
    with served.restoring(MEETING_FILE, gone="Pingvinlæring"):
        edit(served.data, MEETING_FILE, "theme: Behov for", "theme: Pingvinlæring og behov for")
        served.wait_for(lambda: "Pingvinlæring og behov for" in served.page(MEETING))
        assert "Pingvinlæring" in served.page("moter/")  # pages generated from data are fresh too
        index_after = served.page("search/search_index.json")
    # A --dirty rebuild would rewrite the index with only the changed pages.
    assert len(index_after) > 0.9 * len(index_before) and "Pingvinl" in index_after


def test_a_data_error_is_reported_and_fixing_it_recovers(served):
    with served.restoring(MEETING_FILE, gone="11:45"):
        log_before = len(served.log.read_text())  # what earlier tests on this server logged
        line = edit(served.data, MEETING_FILE, 'start: "12:00"', "start: 12:00:99")
        served.wait_for(lambda: "nettstedet ble ikke bygget" in served.log.read_text()[log_before:])
        assert f"meetings/2022-02-08.yml:{line}:1: start: forventet et klokkeslett" in served.log.read_text()
        edit(served.data, MEETING_FILE, "start: 12:00:99", 'start: "11:45"')
        served.wait_for(lambda: "11:45" in served.page(MEETING))


def test_plain_serve_has_no_web_editor_links(served):
    """Under `make serve` the editor has no local back end to save through, so no record links to it
    (under `make edit` they do: test_edit_links.py)."""
    for url in (urls.meeting("2022-02-08"), urls.PEOPLE):
        page = served.page(url)
        assert "</html>" in page and "data-kin-admin" not in page, url


def test_the_dev_servers_live_reload_script_is_allowed_by_its_hash_only():
    """MkDocs injects an inline script into each served page; the page's CSP admits that one."""
    from kin_site import csp, serve_errors

    injected = b"<script>livereload(17, 42)</script>"

    class DevServer:  # the one method of MkDocs' LiveReloadServer that is wrapped
        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            end = content.rindex(b"</body>")
            return content[:end] + injected + content[end:]

    server = DevServer()
    serve_errors.allow_livereload(server)
    policy = "script-src 'self'; object-src 'none'"
    page = f'<head><meta http-equiv="Content-Security-Policy" content="{policy}"></head>'
    page += "<body><script>smuggled()</script></body>"
    served = server._inject_js_into_html(page.encode(), 1).decode()
    (allowed,) = csp.script_hashes(injected.decode())
    (smuggled,) = csp.script_hashes("<script>smuggled()</script>")
    assert f"script-src 'self' {allowed}; object-src 'none'" in served
    assert smuggled not in served
    # A page without a policy (the data-error page) gets the script and nothing else.
    assert server._inject_js_into_html(b"<body></body>", 1) == b"<body>" + injected + b"</body>"
