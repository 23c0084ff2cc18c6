"""`python -m kin export`: every non-page output without a site generator, identical to the build's."""

from __future__ import annotations

import json
import re
import subprocess

import jsonschema
from conftest import DATA, ROOT
from test_validation import edit
from zygote import run_python

from kin import config, export, load_dataset

# Runs the CLI with every import of the site generators failing, as if they were not installed.
BLOCKED = """
import importlib.abc, runpy, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "properdocs", "material", "mkdocs_macros", "zensical"):
            raise ImportError(f"{name} is blocked")
sys.meta_path.insert(0, Block())
try:
    import mkdocs  # noqa: F401
    raise SystemExit("the import block does not work")
except ImportError:
    pass
sys.argv = ["kin", *sys.argv[1:]]
try:
    runpy.run_module("kin", run_name="__main__")
finally:
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "properdocs", "material"))
    assert not loaded, loaded
"""


def run_export(*args: str, blocked: bool = False, fresh: bool = False) -> subprocess.CompletedProcess:
    """`python -m kin export ARGS`; ``blocked``: in a new process where the site generator cannot be imported."""
    cmd = ["-c", BLOCKED] if blocked else ["-m", "kin"]
    return run_python([*cmd, "export", *args], cwd=ROOT, timeout=120, fresh=fresh or blocked)


def test_export_writes_what_the_build_writes(built_site, tmp_path):
    result = run_export(str(tmp_path), "--data", str(DATA), fresh=True)  # a hash seed other than the build's
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    expected = sorted(export.files(load_dataset(DATA), config.site_url()))
    assert written == expected
    for required in ("kin.ics", "moter.xml", "uttalelser.xml", "api/courses.json", "studier/studietilbud.csv"):
        assert required in written
    for rel in written:
        assert (tmp_path / rel).read_bytes() == (built_site / rel).read_bytes(), rel


def test_export_needs_no_site_generator(tmp_path):
    result = run_export(str(tmp_path / "out"), blocked=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/kin.ics").is_file() and (tmp_path / "out/api/schema/courses.schema.json").is_file()


def test_export_refuses_bad_data(tmp_path, data_copy):
    line = edit(data_copy, "meetings/2022-02-08.yml", 'start: "12:00"', 'start: "12:75"')
    result = run_export(str(tmp_path / "out"), "--data", str(data_copy))
    assert result.returncode == 1
    assert f"meetings/2022-02-08.yml:{line}:1: start:" in result.stderr
    assert not (tmp_path / "out").exists()


def test_site_url_read_from_mkdocs_yml_without_mkdocs():
    assert config.site_url() == "https://kin-nettverk.github.io/kin/"


def test_datapackage_describes_every_download(built_site):
    import frictionless

    package = json.loads((built_site / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in package["resources"]}
    written = set(export.files(load_dataset(DATA), config.site_url())) - {"datapackage.json"}
    schemas = {p for p in written if p.startswith("api/schema/")}
    assert described == written - schemas
    linked = {r["jsonSchema"].removeprefix(config.site_url()) for r in package["resources"] if "jsonSchema" in r}
    assert linked == schemas
    report = frictionless.validate(str(built_site / "datapackage.json"))
    assert report.valid, report.flatten(["title", "type", "note"])
    tables = [t for t in report.tasks if t.type == "table"]
    assert [t.stats["rows"] for t in tables] == [len(load_dataset(DATA).courses)] * 2


def test_every_schema_has_its_own_address_as_id(built_site):
    for path in (built_site / "api/schema").glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == config.site_url() + path.relative_to(built_site).as_posix()
        jsonschema.Draft202012Validator.check_schema(schema)


def test_catalogue_json_validates_against_its_schema(built_site):
    schema = json.loads((built_site / "api/schema/studietilbud.schema.json").read_text(encoding="utf-8"))
    rows = json.loads((built_site / "studier/studietilbud.json").read_text(encoding="utf-8"))
    jsonschema.validate(rows, schema)
    assert len(rows) == len(load_dataset(DATA).courses)


def test_open_data_page_links_every_download(built_site):
    html = (built_site / "om/apne-data/index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="\.\./\.\./([^"#]+)"', html))
    package = json.loads((built_site / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert resource["path"] in links, resource["path"]
        if "jsonSchema" in resource:
            assert resource["jsonSchema"].removeprefix(config.site_url()) in links
    assert "datapackage.json" in links
