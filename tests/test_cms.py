"""The web editor's configuration is generated from the schema (its staleness: test_editor_schemas.py)."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import DATA, ROOT

from kin import cms, config, shapes
from kin import collections as registry
from kin import schema as s
from kin.fieldlabels import BY_MODEL, FIELDS, field_label
from kin.jsonschemas import schema_line


def _models(model: type[s.Model], seen: set[type]) -> None:
    if model in seen:
        return
    seen.add(model)
    for sub in shapes.submodels(model):
        _models(sub, seen)


def test_every_field_has_a_norwegian_label():
    models: set[type] = set()
    for collection in registry.COLLECTIONS:
        _models(collection.model, models)
    missing = [f"{m.__name__}.{f}" for m in models for f in m.model_fields if not field_label(m.__name__, f)]
    assert not missing, f"add these to kin/fieldlabels.py: {sorted(missing)}"
    names = {m.__name__: m for m in models}
    stale = [key for key in BY_MODEL if key[0] not in names or key[1] not in names[key[0]].model_fields]
    assert not stale, f"kin/fieldlabels.py names fields the schema no longer has: {stale}"
    repeated = [key for key, label in BY_MODEL.items() if label == FIELDS.get(key[1])]
    assert not repeated, f"these BY_MODEL labels repeat FIELDS: {repeated}"


def test_one_collection_per_kind_of_record_and_relations_point_at_collections():
    config = cms.config()
    names = [c["name"] for c in config["collections"]]
    assert names == [c.name for c in registry.COLLECTIONS]
    folders = {c["name"] for c in config["collections"] if "folder" in c}
    relations = [f for f in _all_fields(config) if f.get("widget") == "relation"]
    assert {f["collection"] for f in relations} >= {"people", "organisations", "meetings"}
    assert all(f["collection"] in folders for f in relations)


def test_the_editors_patterns_accept_every_value_in_the_data():
    """The editor must never refuse what the validator accepts (and the data is valid)."""
    checked = 0
    for collection in cms.config()["collections"]:
        if "folder" in collection:
            folder = DATA / collection["folder"].removeprefix("data/")
            files = [(collection["fields"], p) for p in sorted(folder.glob("*.yml"))]
        else:
            files = [(f["fields"], DATA / f["file"].removeprefix("data/")) for f in collection["files"]]
        for fields, path in files:
            record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader)  # all text (libyaml)
            _check(fields, record, path.name)
            checked += 1
    assert checked > 100


def _check(fields: list[dict], record: dict, where: str) -> None:
    for field in fields:
        value = record.get(field["name"])
        if value is None:
            continue
        if "pattern" in field:
            assert re.search(field["pattern"][0], value), (where, field["name"], value)
        if field.get("widget") == "list" and "field" in field and "pattern" in field["field"]:
            assert all(re.search(field["field"]["pattern"][0], v) for v in value), (where, field["name"])
        if field.get("widget") == "list" and "fields" in field:
            for item in value:
                _check(field["fields"], item, where)
        if field.get("widget") == "object":
            _check(field["fields"], value, where)
        if field.get("widget") == "select":
            allowed = {o["value"] for o in field["options"]}
            assert set(value if isinstance(value, list) else [value]) <= allowed, (where, field["name"], value)


def _all_fields(config: dict):
    def walk(fields):
        for field in fields:
            yield field
            yield from walk(field.get("fields", []))

    for collection in config["collections"]:
        yield from walk(collection.get("fields", []))
        for file in collection.get("files", []):
            yield from walk(file["fields"])


def test_every_record_file_keeps_its_schema_line_when_the_editor_writes_it():
    """Decap writes a field's ``comment`` above its key: the first required field carries the schema line."""
    for collection, entry in zip(registry.COLLECTIONS, cms.config()["collections"], strict=True):
        fields = entry["fields"] if "folder" in entry else entry["files"][0]["fields"]
        commented = [f for f in fields if "comment" in f]
        assert ["# " + f["comment"] for f in commented] == [schema_line(collection)]
        first_required = next((f for f in fields if f["required"]), fields[0])
        assert commented[0] is first_required


# --- Sign-in on the published site: one setting in mkdocs.yml (developers/sign-in.md) ---------------


def load(text: str):
    """``yaml.safe_load`` with libyaml's parser (the same values; the configuration is 140 kB)."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def _site(tmp_path, extra: str = ""):
    """A copy of mkdocs.yml with the settings under ``extra:`` in ``extra`` added to its own ``extra:``."""
    site = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    added = extra.removeprefix("\nextra:\n")
    assert text.count("\nextra:\n") == 1 and (not extra or added != extra)
    site.write_text(text.replace("\nextra:\n", "\nextra:\n" + added, 1), encoding="utf-8")
    return site


def test_the_oauth_helper_address_goes_into_the_generated_configuration(tmp_path):
    site = _site(tmp_path, "\nextra:\n  editor:\n    auth_url: https://sveltia-cms-auth.kin.workers.dev\n")
    backend = load(cms.render(site=site))["backend"]
    assert backend["base_url"] == "https://sveltia-cms-auth.kin.workers.dev"
    assert "auth_endpoint" not in backend  # Decap's default, "auth", is the helper's path
    assert backend["name"] == "github" and backend["repo"] == config.repository().name


def test_a_helper_with_its_own_path_gets_an_auth_endpoint(tmp_path):
    site = _site(tmp_path, "\nextra:\n  editor:\n    auth_url: https://auth.example.org/decap/auth/\n")
    backend = cms.config(site=site)["backend"]
    assert (backend["base_url"], backend["auth_endpoint"]) == ("https://auth.example.org", "decap/auth")


def test_without_the_setting_the_configuration_names_no_helper(tmp_path):
    for extra in ("", "\nextra:\n  editor: {}\n"):
        backend = load(cms.render(site=_site(tmp_path, extra)))["backend"]
        assert "base_url" not in backend and "auth_endpoint" not in backend, extra
    committed = load((ROOT / cms.CONFIG).read_text(encoding="utf-8"))["backend"]
    assert "base_url" not in committed  # nobody has set one up yet


@pytest.mark.parametrize(
    "url", ["http://auth.example.org", "https://auth.example.org/?site=kin", "javascript:alert(1)", "auth.example.org"]
)
def test_an_unsafe_or_malformed_helper_address_is_refused(tmp_path, url):
    site = _site(tmp_path, f"\nextra:\n  editor:\n    auth_url: '{url}'\n")
    with pytest.raises(ValueError, match=r"mkdocs\.yml: extra\.editor\.auth_url must be an https:// address"):
        cms.config(site=site)


def test_the_published_configuration_names_no_local_back_end():
    """The editor uses a local back end only where the site serves one (make edit: docs/admin/start.js)."""
    assert "local_backend" not in cms.config()
    assert "local_backend" not in (DATA.parent / cms.CONFIG).read_text(encoding="utf-8")
