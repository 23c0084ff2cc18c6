"""The web editor's local back end (python -m kin edit): a save changes only what was edited,
keeps comments and fields the editor does not show, and never writes invalid data."""

from __future__ import annotations

import difflib
import json
import threading
import urllib.error
import urllib.request

import pytest
import yaml

from kin import editserver, roundtrip

MEETING = "meetings/2022-02-08.yml"


def as_the_editor_writes(text: str, change) -> str:
    """What Decap CMS sends: the record re-serialised, no comments, its own quoting and key order."""
    value = yaml.safe_load(text)
    change(value)
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=True, width=60)


def changed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_a_save_changes_only_the_edited_lines(data_copy):
    old = (data_copy / MEETING).read_text(encoding="utf-8")

    def change(meeting):
        meeting["agenda"][1]["title"] = "Ny tittel"

    new = roundtrip.merge(old, as_the_editor_writes(old, change))
    removed, added = changed_lines(old, new)
    assert removed.startswith('-    title: "Innledning om dagens tema: «Behov i grunnutdanning')
    assert added == '+    title: "Ny tittel"'


def test_comments_unknown_fields_order_and_quoting_survive(data_copy):
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


def test_list_items_keep_their_place_when_one_is_inserted(data_copy):
    old = (data_copy / MEETING).read_text(encoding="utf-8")

    def change(meeting):
        meeting["agenda"].insert(2, {"time": "12:25", "title": "Kaffe", "kind": "break"})

    new = roundtrip.merge(old, as_the_editor_writes(old, change))
    assert changed_lines(old, new) == ["+  - kind: break", '+    time: "12:25"', "+    title: Kaffe"]


def test_a_new_record_is_written_in_the_data_files_style():
    text = roundtrip.merge(None, "id: '2027-02-09'\ndate: '2027-02-09'\nstart: '09:00'\nagenda:\n- title: A\n")
    assert text == 'id: 2027-02-09\ndate: 2027-02-09\nstart: "09:00"\nagenda:\n  - title: A\n'


# --- the HTTP back end ------------------------------------------------------------


@pytest.fixture
def backend(data_copy):
    server = editserver.make_server(data_copy, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
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

    yield call
    server.shutdown()


def test_lists_and_reads_entries(backend):
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


def test_refuses_a_save_that_breaks_the_data(backend, data_copy):
    old = (data_copy / MEETING).read_text(encoding="utf-8")
    backend("getEntry", path=f"data/{MEETING}")
    raw = as_the_editor_writes(old, lambda m: m["agenda"][0].update(speakers=["finnes-ikke"]))
    status, body = backend("persistEntry", dataFiles=[{"path": f"data/{MEETING}", "raw": raw}], assets=[], options={})
    assert status == 422
    assert "Ikke lagret" in body["error"] and "data/meetings/2022-02-08.yml:" in body["error"]
    assert "finnes-ikke" in body["error"]
    assert (data_copy / MEETING).read_text(encoding="utf-8") == old  # nothing written


@pytest.mark.parametrize("path", ["data/../pyproject.toml", "kin/schema.py", "data/meetings/x.py", "/etc/passwd"])
def test_writes_only_yaml_files_in_the_data_folder(backend, data_copy, path):
    status, body = backend("persistEntry", dataFiles=[{"path": path, "raw": "id: x\n"}], assets=[], options={})
    assert status == 422 and "Ikke en datafil" in body["error"]
    assert not (data_copy.parent / "pyproject.toml").exists()
