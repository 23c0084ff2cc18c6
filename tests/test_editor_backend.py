"""The web editor's local back end (python -m kin edit): a save changes only what was edited,
keeps comments and fields the editor does not show, and never writes invalid data."""

from __future__ import annotations

import difflib
import http.client
import json
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

import pytest
import yaml
from conftest import DATA

from kin import editserver, editweb, roundtrip

MEETING = "meetings/2022-02-08.yml"
POLL = 0.05  # seconds between the test servers' shutdown checks (the default, 0.5, is waited out at every stop)


def run_in_background(server) -> None:
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": POLL}, daemon=True).start()


def as_the_editor_writes(text: str, change) -> str:
    """What Decap CMS sends: the record re-serialised, no comments, its own quoting and key order."""
    value = yaml.load(text, Loader=yaml.CSafeLoader)  # libyaml: safe_load's values, safe_dump's text, faster
    change(value)
    return yaml.dump(value, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, width=60)


def changed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_a_save_changes_only_the_edited_lines():
    old = (DATA / MEETING).read_text(encoding="utf-8")

    def change(meeting):
        meeting["agenda"][1]["title"] = "Ny tittel"

    new = roundtrip.merge(old, as_the_editor_writes(old, change))
    removed, added = changed_lines(old, new)
    assert removed.startswith('-    title: "Innledning om dagens tema: «Behov i grunnutdanning')
    assert added == '+    title: "Ny tittel"'


def test_comments_unknown_fields_order_and_quoting_survive():
    old = '# Kept: where this came from.\nid: x\nzeta: 1  # unknown to the schema\ntime: "09:00"\nlist: [a, b]\n'

    def change(record):
        record["time"] = "10:30"
        record["place"] = "Tromsø"
        record["list"].append("c")

    new = roundtrip.merge(old, as_the_editor_writes(old, change))
    assert new == (
        '# Kept: where this came from.\nid: x\nzeta: 1  # unknown to the schema\ntime: "10:30"\n'
        "list: [a, b, c]\nplace: Tromsø\n"
    )


def test_list_items_keep_their_place_when_one_is_inserted():
    old = (DATA / MEETING).read_text(encoding="utf-8")

    def change(meeting):
        meeting["agenda"].insert(2, {"time": "12:25", "title": "Kaffe", "kind": "break"})

    new = roundtrip.merge(old, as_the_editor_writes(old, change))
    assert changed_lines(old, new) == ["+  - kind: break", '+    time: "12:25"', "+    title: Kaffe"]


def test_a_new_record_is_written_in_the_data_files_style():
    text = roundtrip.merge(None, "id: '2027-02-09'\ndate: '2027-02-09'\nstart: '09:00'\nagenda:\n- title: A\n")
    assert text == 'id: 2027-02-09\ndate: 2027-02-09\nstart: "09:00"\nagenda:\n  - title: A\n'


# --- the HTTP back end ------------------------------------------------------------


def start_backend(data: Path):
    """``python -m kin edit`` on ``data`` in this process: (a function that calls its API, the server)."""
    server = editweb.make_server(data, 0, ["http://127.0.0.1:8000"])
    run_in_background(server)
    url = f"http://127.0.0.1:{server.server_address[1]}/api/v1"

    def call(action: str, **params):
        request = urllib.request.Request(
            url,
            json.dumps({"action": action, "params": params}).encode(),
            {"Content-Type": "application/json", "Origin": "http://127.0.0.1:8000"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                assert response.headers["Access-Control-Allow-Origin"] == "http://127.0.0.1:8000"
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())

    return call, server


@pytest.fixture
def backend(data_copy):
    """A back end of its own, for a test that saves."""
    call, server = start_backend(data_copy)
    yield call
    server.shutdown()


@pytest.fixture(scope="module")
def readonly_data(tmp_path_factory) -> Path:
    """A copy of the data for the tests that write nothing (each checks that it wrote nothing)."""
    data = tmp_path_factory.mktemp("shared") / "data"
    shutil.copytree(DATA, data)
    return data


@pytest.fixture(scope="module")
def shared_backend(readonly_data):
    call, server = start_backend(readonly_data)
    yield call
    server.shutdown()


def test_lists_and_reads_entries(shared_backend):
    backend = shared_backend
    status, entries = backend("entriesByFolder", folder="data/meetings", extension="yml", depth=1)
    assert status == 200
    assert {e["file"]["path"] for e in entries} >= {f"data/{MEETING}"}
    status, entry = backend("getEntry", path=f"data/{MEETING}")
    assert "theme:" in entry["data"]


def test_saves_a_valid_change(backend, data_copy):
    old = (data_copy / MEETING).read_text(encoding="utf-8")
    backend("getEntry", path=f"data/{MEETING}")  # the editor opens the record first
    raw = as_the_editor_writes(old, lambda m: m.update(description="Et møte."))
    status, body = backend("persistEntry", dataFiles=[{"path": f"data/{MEETING}", "raw": raw}], assets=[], options={})
    assert status == 200, body
    assert changed_lines(old, (data_copy / MEETING).read_text(encoding="utf-8")) == ["+description: Et møte."]


def test_a_new_record_starts_with_its_schema_line(backend, data_copy):
    raw = "id: ny-person\nname: Ny Person\norganisations:\n  - sykehuspartner\n"
    status, body = backend(
        "persistEntry", dataFiles=[{"path": "data/people/ny-person.yml", "raw": raw}], assets=[], options={}
    )
    assert status == 200, body
    written = (data_copy / "people/ny-person.yml").read_text(encoding="utf-8")
    assert written == "# yaml-language-server: $schema=../schemas/people.schema.json\n" + raw


def test_refuses_a_save_that_breaks_the_data(shared_backend, readonly_data):
    backend, data_copy = shared_backend, readonly_data
    old = (data_copy / MEETING).read_text(encoding="utf-8")
    backend("getEntry", path=f"data/{MEETING}")
    raw = as_the_editor_writes(old, lambda m: m["agenda"][0].update(speakers=["finnes-ikke"]))
    status, body = backend("persistEntry", dataFiles=[{"path": f"data/{MEETING}", "raw": raw}], assets=[], options={})
    assert status == 422
    assert "Ikke lagret" in body["error"] and "data/meetings/2022-02-08.yml:" in body["error"]
    assert "finnes-ikke" in body["error"]
    assert (data_copy / MEETING).read_text(encoding="utf-8") == old  # nothing written


@pytest.mark.parametrize("path", ["data/../pyproject.toml", "kin/schema.py", "data/meetings/x.py", "/etc/passwd"])
def test_writes_only_yaml_files_in_the_data_folder(shared_backend, readonly_data, path):
    backend, data_copy = shared_backend, readonly_data
    status, body = backend("persistEntry", dataFiles=[{"path": path, "raw": "id: x\n"}], assets=[], options={})
    assert status == 422 and "Ikke en datafil" in body["error"]
    assert not (data_copy.parent / "pyproject.toml").exists()


# --- who may call it: only the editor's own page (kin.editweb) ----------------------

PERSON = "people/alia-zaka.yml"


def a_valid_change(data_copy) -> bytes:
    """A save the back end would write if it came from the editor (it does: test_the_editors_own_request_saves)."""
    old = (data_copy / PERSON).read_text(encoding="utf-8")
    raw = as_the_editor_writes(old, lambda p: p.update(affiliation="Endret av en annen side"))
    params = {"dataFiles": [{"path": f"data/{PERSON}", "raw": raw}], "assets": [], "options": {}}
    return json.dumps({"action": "persistEntry", "params": params}).encode()


class Site:
    """The site's server with the back end mounted (as under make edit), on a copy of the data."""

    def __init__(self, data_copy, extra_hosts=("kin.test",)) -> None:
        def pages(environ, start_response):
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"a page of the site"]

        self.server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
        self.port = self.server.server_address[1]
        guard = editweb.Guard.for_site("127.0.0.1", self.port, extra_hosts)
        backend = editweb.Backend(editserver.DataFolder(data_copy), guard)
        self.server.set_app(editweb.mount(pages, "/kin/", backend, extra_hosts))
        self.origin = f"http://127.0.0.1:{self.port}"
        self.data = data_copy
        run_in_background(self.server)

    def request(self, method: str, path: str, headers: dict[str, str], body: bytes | None = None):
        """(status, headers, body): ``headers`` as sent, Host included (http.client adds none then)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": f"127.0.0.1:{self.port}", **headers}
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        result = response.status, dict(response.getheaders()), response.read()
        connection.close()
        return result


@pytest.fixture
def site(data_copy):
    """A site of its own, for a test that saves."""
    site = Site(data_copy)
    yield site
    site.server.shutdown()


@pytest.fixture(scope="module")
def shared_site(readonly_data):
    """One site for the tests that only ask, or are refused (each checks that nothing was written)."""
    site = Site(readonly_data)
    yield site
    site.server.shutdown()


API = "/kin/admin/api/v1"
JSON = "application/json; charset=utf-8"


def open_record(site: Site, headers: dict[str, str]) -> None:
    """What the editor does before a save: open the record (the back end merges the save against it)."""
    body = json.dumps({"action": "getEntry", "params": {"path": f"data/{PERSON}"}}).encode()
    assert site.request("POST", API, headers, body)[0] == 200


def test_the_editors_own_request_saves(site, data_copy):
    before = (data_copy / PERSON).read_text(encoding="utf-8")
    open_record(site, {"Origin": site.origin, "Content-Type": JSON})
    status, _, body = site.request(
        "POST", API, {"Origin": site.origin, "Content-Type": JSON}, a_valid_change(data_copy)
    )
    assert status == 200, body
    assert changed_lines(before, (data_copy / PERSON).read_text(encoding="utf-8")) == [
        '-affiliation: "Sykehuspartner"',
        '+affiliation: "Endret av en annen side"',
    ]


def test_a_codespaces_forwarded_address_is_allowed_when_configured(site, data_copy):
    headers = {"Host": "kin.test", "Origin": "https://kin.test", "Content-Type": "application/json"}
    open_record(site, headers)
    status, _, body = site.request("POST", API, headers, a_valid_change(data_copy))
    assert status == 200, body
    assert "Endret av en annen side" in (data_copy / PERSON).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("headers", "status", "message"),
    [
        # A form on another site posts (a "simple" request: the browser sends it without asking).
        (
            {"Origin": "http://evil.test", "Content-Type": "application/x-www-form-urlencoded"},
            403,
            "kommer ikke fra webredaktørens side (Origin «http://evil.test»)",
        ),
        # fetch(..., {mode: "no-cors"}) from another site: text/plain, also simple.
        ({"Origin": "http://evil.test", "Content-Type": "text/plain"}, 403, "Origin «http://evil.test»"),
        # JSON from another site (a browser would ask first; a program need not).
        ({"Origin": "http://evil.test", "Content-Type": "application/json"}, 403, "Origin «http://evil.test»"),
        ({"Origin": "null", "Content-Type": "application/json"}, 403, "Origin «null»"),  # a sandboxed page, a file
        ({"Content-Type": "application/json"}, 403, "Origin «»"),  # no Origin at all: not the editor's page
        # The right origin, but not JSON.
        ({"Origin": "SITE", "Content-Type": "text/plain;charset=UTF-8"}, 415, "bare Content-Type: application/json"),
        ({"Origin": "SITE", "Content-Type": "multipart/form-data; boundary=x"}, 415, "application/json"),
        ({"Origin": "SITE"}, 415, "application/json"),
        # DNS rebinding: another name pointed at 127.0.0.1; its page is "same-origin" with itself.
        (
            {"Host": "evil.test:PORT", "Origin": "http://evil.test:PORT", "Content-Type": "application/json"},
            421,
            "ukjent adresse «evil.test:PORT»",
        ),
        (
            {"Host": "evil.test:PORT", "Origin": "SITE", "Content-Type": "application/json"},
            421,
            "KIN_EDIT_ALLOWED_HOSTS",
        ),
        # The allowed name's origin on a different port or name is still another origin.
        ({"Origin": "http://127.0.0.1:1", "Content-Type": "application/json"}, 403, "Origin «http://127.0.0.1:1»"),
        ({"Origin": "https://kin.test.evil.test", "Content-Type": "application/json"}, 403, "kin.test.evil.test"),
    ],
)
def test_refuses_every_request_the_editors_page_did_not_send(shared_site, headers, status, message):
    site, data_copy = shared_site, shared_site.data
    headers = {k: v.replace("SITE", site.origin).replace("PORT", str(site.port)) for k, v in headers.items()}
    message = message.replace("PORT", str(site.port))
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    got, response_headers, body = site.request("POST", API, headers, a_valid_change(data_copy))
    assert (got, json.loads(body)["error"].count(message)) == (status, 1), body.decode()
    assert "Access-Control-Allow-Origin" not in response_headers
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before  # nothing written


def test_a_preflight_from_another_site_is_refused_and_the_sites_own_allowed(shared_site):
    site = shared_site
    ask = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    status, headers, _ = site.request("OPTIONS", API, {"Origin": "http://evil.test", **ask})
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    status, headers, _ = site.request("OPTIONS", API, {"Origin": site.origin, **ask})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == site.origin


def test_only_post(shared_site):
    site = shared_site
    status, headers, _ = site.request("GET", API, {"Origin": site.origin})
    assert (status, headers["Allow"]) == (405, "POST")


def test_the_editors_page_learns_where_the_back_end_is(shared_site):
    site = shared_site
    status, headers, body = site.request("GET", "/kin/admin/local-backend.json", {})
    assert status == 200 and headers["Content-Type"] == JSON
    assert json.loads(body) == {"url": API, "allowed_hosts": ["127.0.0.1", "localhost", "kin.test"]}
    status, _, _ = site.request("GET", "/kin/admin/local-backend.json", {"Host": "evil.test"})
    assert status == 421
    # Decap merges start.js's settings into its configuration only if that says it is YAML.
    status, headers, _ = site.request("GET", "/kin/admin/config.yml", {})
    assert (status, headers["Content-Type"]) == (200, "text/yaml; charset=utf-8")
    status, _, body = site.request("GET", "/kin/moter/", {"Host": "evil.test"})  # pages are the site's, as served
    assert (status, body) == (200, b"a page of the site")


def test_allowed_host_names_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("KIN_EDIT_ALLOWED_HOSTS", " Kin.test ,x-8000.app.github.dev,, https://y.test/kin/ ,kin.test:80")
    assert editweb.allowed_hosts() == ["kin.test", "x-8000.app.github.dev", "y.test"]
    monkeypatch.delenv("KIN_EDIT_ALLOWED_HOSTS")
    assert editweb.allowed_hosts() == []
    guard = editweb.Guard.for_site("127.0.0.1", 8000, ["x-8000.app.github.dev"])
    assert guard.hosts == {"127.0.0.1:8000", "localhost:8000", "x-8000.app.github.dev", "x-8000.app.github.dev:8000"}
    assert "https://x-8000.app.github.dev" in guard.origins and "http://localhost:8000" in guard.origins
    assert "http://127.0.0.1:8081" not in guard.origins


def test_the_back_end_alone_answers_the_given_sites_page_only(data_copy):
    """python -m kin edit: its own port, CORS for the site's origin only, its own address only."""
    server = editweb.make_server(data_copy, 0, ["http://127.0.0.1:8000"])
    run_in_background(server)
    port = server.server_address[1]
    before = (data_copy / PERSON).read_bytes()

    def post(host: str, origin: str, body: bytes | None = None) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Host": host, "Origin": origin, "Content-Type": "application/json"}
        connection.request("POST", "/api/v1", body or a_valid_change(data_copy), headers)
        status = connection.getresponse().status
        connection.close()
        return status

    assert post(f"127.0.0.1:{port}", "http://evil.test") == 403
    assert post(f"127.0.0.1:{port}", "http://127.0.0.1:8001") == 403
    assert post(f"evil.test:{port}", "http://127.0.0.1:8000") == 421
    assert (data_copy / PERSON).read_bytes() == before
    opening = json.dumps({"action": "getEntry", "params": {"path": f"data/{PERSON}"}}).encode()
    assert post(f"localhost:{port}", "http://127.0.0.1:8000", opening) == 200  # the editor opens the record
    assert post(f"localhost:{port}", "http://127.0.0.1:8000") == 200
    server.shutdown()
    assert (data_copy / PERSON).read_bytes() != before
