"""The editor's back end under `make edit`, from real browser pages: no page of another site can
change a data file through it, by any route a browser offers; and the editor itself works, and
saves, at a host name other than localhost (as at a Codespace's forwarded address).

Chromium resolves kin.test, evil.test and rebind.test to 127.0.0.1 (tests/edit_serve.py).
"""

from __future__ import annotations

import html
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import edit_serve
import pytest
from conftest import DATA, build_site, serve
from playwright.sync_api import Browser, Page, expect
from test_editor_backend import PERSON, a_valid_change, changed_lines

from kin import editweb
from kin.collections import BY_NAME

pytestmark = pytest.mark.browser
WAIT = 120_000  # generous, for a busy 2-core machine; never a speed assertion


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """`make edit` on a copy of the data, with kin.test as an allowed host name (KIN_EDIT_ALLOWED_HOSTS)."""
    data = tmp_path_factory.mktemp("edit") / "data"
    shutil.copytree(DATA, data)
    server = edit_serve.start(data, data.parent / "serve.log", allowed_hosts="kin.test")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def named_browser(browser_type, browser_type_launch_args, site):
    args = edit_serve.named_hosts_launch_args(browser_type_launch_args)
    # A Codespace's address is https, a secure context; http://kin.test stands in for it here, and
    # Decap needs a secure context (crypto.randomUUID).
    args["args"].append(f"--unsafely-treat-insecure-origin-as-secure=http://kin.test:{site.port}")
    browser = browser_type.launch(**args)
    yield browser
    browser.close()


@pytest.fixture
def tab(named_browser: Browser):
    context = named_browser.new_context()
    page = context.new_page()
    page.set_default_timeout(WAIT)
    yield page
    context.close()


def attack_page(target: str, payload: bytes) -> bytes:
    """Another site's page: a form that posts the payload as text/plain, which arrives as JSON."""
    text = payload.decode()
    name, value = text[: text.rindex("}")] + ',"pad":"', '"}'  # body: name=value -> {..., "pad": "="}
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
<body><form method="post" enctype="text/plain" action="{html.escape(target)}">
<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">
<button>Win a prize</button></form></body></html>""".encode()


@pytest.fixture(scope="module")
def evil(site):
    """http://evil.test:<port>/: a page of another origin, served on 127.0.0.1, aiming at the editor's back end."""
    target = site.url + "admin/api/v1"
    page = attack_page(target, a_valid_change(site.data))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://evil.test:{server.server_address[1]}/", target
    server.shutdown()


def snapshot(data: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}


def test_a_form_on_another_site_cannot_save(site, evil, tab: Page):
    page_url, target = evil
    before = snapshot(site.data)
    tab.goto(page_url)
    with tab.expect_response(target) as response:
        tab.get_by_role("button", name="Win a prize").click()
    assert response.value.status == 403
    assert "kommer ikke fra webredaktørens side" in tab.content()
    assert snapshot(site.data) == before


def test_a_no_cors_text_fetch_from_another_site_cannot_save(site, evil, tab: Page):
    page_url, target = evil
    before = snapshot(site.data)
    tab.goto(page_url)
    script = """([url, body]) => fetch(url, {method: "POST", mode: "no-cors",
        headers: {"Content-Type": "text/plain"}, body}).then(r => r.type)"""
    with tab.expect_response(target) as response:
        kind = tab.evaluate(script, [target, a_valid_change(site.data).decode()])
    assert kind == "opaque"  # the page learns nothing; the back end refused it:
    assert response.value.status == 403
    assert snapshot(site.data) == before


def test_a_json_fetch_from_another_site_is_stopped_before_it_is_sent(site, evil, tab: Page):
    page_url, target = evil
    before = snapshot(site.data)
    tab.goto(page_url)
    script = """([url, body]) => fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body})
        .then(r => "answered " + r.status, e => "refused: " + e)"""
    outcome = tab.evaluate(script, [target, a_valid_change(site.data).decode()])
    assert outcome == "refused: TypeError: Failed to fetch"  # the preflight got no CORS permission
    assert snapshot(site.data) == before


def test_dns_rebinding_cannot_save(site, tab: Page):
    """A name of the attacker's, pointed at 127.0.0.1: its page is same-origin with the back end it reaches."""
    before = snapshot(site.data)
    rebound = site.url.replace("127.0.0.1", "rebind.test")
    tab.goto(rebound)
    script = """(body) => fetch("admin/api/v1", {method: "POST", headers: {"Content-Type": "application/json"}, body})
        .then(async r => [r.status, (await r.json()).error])"""
    status, error = tab.evaluate(script, a_valid_change(site.data).decode())
    assert status == 421 and f"ukjent adresse «rebind.test:{site.port}»" in error
    assert tab.evaluate("""fetch("admin/local-backend.json").then(r => r.status)""") == 421
    assert snapshot(site.data) == before


def edit_a_person_in_the_editor(page: Page, admin_url: str, data: Path) -> str:
    """Change Alia Zaka's affiliation through the editor's form; the file on disk before the save."""
    person = data / PERSON
    before = person.read_text("utf-8")
    page.goto(admin_url)
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_role("link", name=BY_NAME["people"].label, exact=True).click()
    page.get_by_role("link", name="Alia Zaka").click()
    affiliation = page.get_by_label("Tilknytning (slik den står i medlemslisten) (valgfritt)")
    expect(affiliation).to_have_value("Sykehuspartner", timeout=WAIT)
    affiliation.fill("Sykehuspartner HF")
    page.get_by_role("button", name="Publiser").click()
    page.get_by_role("menuitem", name="Publiser nå").click()
    deadline = time.monotonic() + WAIT / 1000
    while person.read_text("utf-8") == before:
        assert time.monotonic() < deadline, "timed out waiting for the saved file"
        time.sleep(0.2)
    expect(page.get_by_text("Innlegg lagret")).to_be_visible(timeout=WAIT)
    assert changed_lines(before, person.read_text("utf-8")) == [
        '-affiliation: "Sykehuspartner"',
        '+affiliation: "Sykehuspartner HF"',
    ]
    return before


def test_the_editor_saves_at_another_host_name(site, tab: Page):
    person = site.data / PERSON
    others = {p: b for p, b in snapshot(site.data).items() if p != person}
    hosts: set[str] = set()
    tab.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    edit_a_person_in_the_editor(tab, f"http://kin.test:{site.port}/kin/admin/", site.data)
    assert {p: b for p, b in snapshot(site.data).items() if p != person} == others
    assert hosts == {f"kin.test:{site.port}"}, hosts  # the editor and its back end: one origin
    # The rebuild after a save reloads the site's pages, never the editor under the user's hands.
    fetch = """(url) => fetch(url).then(r => r.text())"""
    assert "livereload(" in tab.evaluate(fetch, "../") and "livereload(" not in tab.evaluate(fetch, "./")


def test_the_published_editor_signs_in_to_github_and_tries_no_local_back_end(page: Page, site_url):
    """The built site (no make edit): no admin/local-backend.json, so the editor asks for GitHub only."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(f"{request.method} {request.url.removeprefix(site_url)}"))
    page.goto(site_url + "admin/")
    expect(page.get_by_role("button", name="Logg på med GitHub")).to_be_visible(timeout=WAIT)
    assert "GET admin/local-backend.json" in requests  # answered 404 by the static server
    assert [r for r in requests if not r.startswith("GET ") or "api/v1" in r] == []


def test_the_back_end_alone_serves_a_site_served_elsewhere(tmp_path, data_copy, monkeypatch, page: Page):
    """python -m kin edit beside a site built with KIN_EDIT_PORT and served by another server (another engine)."""
    out = tmp_path / "site"
    out.mkdir()
    url, static = serve(out)
    backend = editweb.make_server(data_copy, 0, [url.rstrip("/")])
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    monkeypatch.setenv("KIN_EDIT_PORT", str(backend.server_address[1]))
    try:
        result = build_site(out, data_copy)
        assert result.returncode == 0, result.stderr
        page.set_default_timeout(WAIT)
        edit_a_person_in_the_editor(page, url + "admin/", data_copy)
    finally:
        static.shutdown()
        backend.shutdown()
