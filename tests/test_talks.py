"""Talk materials: every agenda item links to all pages with its content, talk pages link back,
their slides are the source's words, search finds them and open data carries them.

The expected links are derived here from the raw YAML (every ``source:``, ``presented_at``/
``presented_by``, ``cited_at``/``cited_by`` and statement ``origin``), not from ``kin.talks``."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest
import yaml
from conftest import DATA
from loading import load
from source_text import SEED, page_text, search_text, seed_text, squash

from kin import load_dataset, talks

MEETING = "2022-02-08"
MEETING_URL = f"moter/{MEETING}/"

# Slide text on talk pages that is not the seed's own characters, each with its reason.
NOT_VERBATIM = {
    # The seed writes formulas in LaTeX ($y \approx f(X; \theta)$, $R^4$); the site in Unicode.
    "AI og prediktive modeller: y ≈ f(X; θ)": "formula",
    "y ≈ f(X; θ)": "formula",
    "Feature extraction: R⁴": "formula",
    "R³⁷": "formula",
    # The arrows under the formula point from each symbol to its label; the site pairs them.
    "y: prediksjon (outcome)": "formula labels",
    "f: modell": "formula labels",
    "X: data": "formula labels",
    "θ: modell-parametre": "formula labels",
    "X: MRI signaler": "formula labels",
    "y: vevstype": "formula labels",
    # The row numbers of the data-matrix table have no header on the slide.
    "Rad": "editorial column header",
    # The seed breaks "matematisk-naturvitenskapelige" over two lines at its hyphen.
    "dScience er organisert ved Det matematisk-naturvitenskapelige fakultet ved Universitetet i Oslo og ble "
    "etablert 1. januar 2021.": "line break inside a hyphenated word",
}


def raw(path: Path) -> object:
    # Every scalar stays text (dates too), and libyaml reads the files as kin.loader does.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader)


def _sources(node: object):
    if isinstance(node, dict):
        if isinstance(node.get("source"), dict):
            yield node["source"]
        for value in node.values():
            yield from _sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sources(value)


def _listed(value: object) -> list[str]:
    return value if isinstance(value, list) else [value] if value else []


def expected_attributions() -> list[tuple[str, dict]]:
    """(page URL, attribution) for every attribution to the meeting in the raw data files."""
    out: list[tuple[str, dict]] = []

    def add(url: str, record: dict, at: str, by: str) -> None:
        if record.get(at) == MEETING:
            out.append((url, {"speakers": _listed(record.get(by))}))
        out.extend((url, src) for src in _sources(record) if src["meeting"] == MEETING)

    for f in sorted((DATA / "courses").glob("*.yml")):
        add(f"studier/{f.stem}/", raw(f), "presented_at", "presented_by")
    for f in sorted((DATA / "course-counts").glob("*.yml")):
        add(f"studier/regioner/#emner-{f.stem}", raw(f), "presented_at", "presented_by")
    for f in sorted((DATA / "organisations").glob("*.yml")):
        add(f"organisasjoner/{f.stem}/", raw(f), "", "")
    for f in sorted((DATA / "statements").glob("*.yml")):
        origin = raw(f)["origin"]
        if origin["meeting"] == MEETING:
            out.append((f"uttalelser/{f.stem}/", origin))
    resources = raw(DATA / "resources.yml")
    for r in resources["reports"]:
        add(f"ressurser/#rapport-{r['id']}", r, "presented_at", "presented_by")
    for w in resources["literature"]:
        add(f"ressurser/#lit-{w['id']}", w, "cited_at", "cited_by")
    return out


class Agenda(HTMLParser):
    """Agenda items of a built meeting page: title, time, slide title, speakers, material links."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict] = []
        self.stack: list[dict | None] = []  # one entry per open <li>: the item, or None
        self.field: str | None = None

    @property
    def current(self) -> dict | None:
        open_items = [i for i in self.stack if i is not None]
        return open_items[-1] if open_items else None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "li":
            item = None
            if "kin-agenda__item" in cls:
                item = {"title": "", "time": "", "meta": "", "who": "", "speakers": [], "links": [], "page": None}
                item["parent"] = self.current
                self.items.append(item)
            self.stack.append(item)
        item = self.current
        if item is None:
            return
        if tag == "time":
            self.field = "time"
        elif "kin-agenda__title" in cls:
            self.field = "title"
        elif tag == "span" and "kin-meta" in cls:
            self.field = "meta"
        elif tag == "span" and "kin-agenda__who" in cls:
            self.field = "who"
        elif tag == "ul" and "kin-talk__material" in cls:
            self.field = "material"
        elif tag == "a" and self.field == "who" and item["who"].startswith("Innleder"):
            item["speakers"].append(a["href"].rpartition("#person-")[2])
        elif tag == "a" and self.field == "material":
            item["links"].append(urljoin(MEETING_URL, a["href"]))
        elif tag == "a" and a.get("href", "").endswith("/") and self.field is None:
            item["page"] = urljoin(MEETING_URL, a["href"])

    def handle_endtag(self, tag):
        if tag == "li" and self.stack:
            self.stack.pop()
        if tag in ("time", "span", "ul"):
            self.field = None

    def handle_data(self, data):
        item = self.current
        if item is not None and self.field in ("time", "title", "meta", "who"):
            item[self.field] += data


@pytest.fixture(scope="module")
def agenda(built_site) -> list[dict]:
    parser = Agenda()
    parser.feed((built_site / MEETING_URL / "index.html").read_text(encoding="utf-8"))
    assert len(parser.items) > 10
    return parser.items


def item_for(items: list[dict], att: dict) -> dict:
    """The agenda item an attribution names: by its speakers, else its agenda time; the slide title decides ties."""
    speakers = set(att.get("speakers") or [])
    if speakers:
        found = [i for i in items if speakers <= set(i["speakers"])]
    else:
        found = [i for i in items if att.get("agenda_time") and i["time"] == att["agenda_time"]]
    if len(found) > 1 and att.get("slide"):
        found = [i for i in found if att["slide"] == i["title"] or f"«{att['slide']}»" in i["meta"]]
    assert len(found) == 1, (att, [i["title"] for i in found])
    return found[0]


def test_every_talk_links_to_all_of_its_material(agenda):
    expected = expected_attributions()
    assert len({url for url, _ in expected}) > 40  # courses, organisations, statements, resources
    missing = []
    for url, att in expected:
        item = item_for(agenda, att)
        if url not in item["links"]:
            missing.append((item["title"], url))
    assert not missing


def test_every_talk_panel_and_introduction_shows_material_or_says_it_has_none(built_site, agenda):
    html = (built_site / MEETING_URL / "index.html").read_text(encoding="utf-8")
    kinds = ('kin-agenda__item--talk"', 'kin-agenda__item--panel"', 'kin-agenda__item--introduction"')
    assert sum(html.count(k) for k in kinds) == 8
    for chunk in html.split('<li class="kin-agenda__item ')[1:]:
        if chunk.startswith(kinds):
            assert 'class="kin-agenda__material"' in chunk.split('<li class="kin-agenda__item ')[0]


def test_talk_pages_link_back_to_the_meeting_and_to_the_same_material(built_site, agenda):
    with_page = [i for i in agenda if i["page"]]
    assert {i["page"] for i in with_page} == {
        f"{MEETING_URL}{p}/" for p in ("elmed219", "ntnu", "uit", "uio", "dscience", "teknologiradet")
    }
    for item in with_page:
        html = (built_site / item["page"] / "index.html").read_text(encoding="utf-8")
        links = {urljoin(item["page"], href) for href in _hrefs(html)}
        assert MEETING_URL in links or f"{MEETING_URL}#agenda" in links
        assert set(item["links"]) <= links, item["title"]
        assert item["title"] in page_text(built_site, item["page"])


def _hrefs(html: str) -> list[str]:
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "a" and dict(attrs).get("href"):
                found.append(dict(attrs)["href"])

    Links().feed(html)
    return found


def _slide_texts(section: dict):
    """Every piece of text of a slide as written in the data (headings, paragraphs, points, quotes, tables)."""
    yield section["title"]
    yield from section.get("text", [])
    yield from section.get("quotes", [])
    yield from _points(section.get("points", []))
    if "table" in section:
        yield section["table"]["caption"]
        yield from section["table"]["columns"]
        yield from (cell for row in section["table"]["rows"] for cell in row if cell)
    for sub in section.get("sections", []):
        yield from _slide_texts(sub)


def _points(points: list):
    for p in points:
        if isinstance(p, str):
            yield p
        else:
            yield p["text"]
            yield from _points(p.get("points", []))


def _talk_items(items: list[dict]):
    for item in items:
        yield item
        yield from _talk_items(item.get("items", []))


def talks_with_slides() -> list[dict]:
    return [i for i in _talk_items(raw(DATA / "meetings" / f"{MEETING}.yml")["agenda"]) if i.get("slides")]


def _seed_without_emphasis() -> str:
    """The seed with bold markers and escapes removed but single asterisks kept: ``seed_text`` reads
    the escaped asterisks of «AI\\*» and «\\*) AI can loosely be defined as» as emphasis."""
    text = SEED.read_text(encoding="utf-8").replace("**", "").replace("\\*", "*").replace("\\_", "_")
    return squash(text)


def _as_in_source(text: str) -> str:
    """``text`` with every documented correction (data/corrections.yml) undone."""
    for c in load(DATA).corrections.corrections:
        text = text.replace(c.site_text, c.source_text)
    return text


def test_talk_slides_are_the_sources_words_and_shown_on_their_page(built_site):
    seed, used, wrong = seed_text() + " | " + _seed_without_emphasis(), set(), []
    for item in talks_with_slides():
        shown = page_text(built_site, f"{MEETING_URL}{item['page']}/")
        for section in item["slides"]:
            for text in _slide_texts(section):
                assert squash(text) in shown, text
                if text in NOT_VERBATIM:
                    used.add(text)
                elif squash(text) not in seed and squash(_as_in_source(text)) not in seed:
                    wrong.append(text)
            for link in section.get("links", []):
                assert link["url"].removeprefix("https://") in SEED.read_text(encoding="utf-8"), link
    assert not wrong
    assert used == set(NOT_VERBATIM), "an exception that is no longer needed must go"


def test_key_points_under_agenda_items_are_the_sources_words(built_site):
    seed, shown = seed_text(), page_text(built_site, MEETING_URL)
    items = [i for i in _talk_items(raw(DATA / "meetings" / f"{MEETING}.yml")["agenda"]) if i.get("points")]
    assert len(items) == 2  # the introduction and the panel
    for item in items:
        for text in _points(item["points"]):
            assert squash(text) in seed and squash(text) in shown, text


@pytest.mark.parametrize(
    ("talk", "phrase"),  # not "page": that would pull in Playwright's fixture of that name
    [
        ("elmed219", "AI can loosely be defined as"),
        ("ntnu", "Norge har en KI-strategi, men tilgang på kompetanse er en flaskehals"),
        ("uit", "Vi rigger oss for kunstig intelligens"),
        ("uio", "dScience – Senter for data- og beregningvitenskap"),
        ("dscience", "Digital Governance"),
        ("teknologiradet", "NEWS | 24 October 2019 | Update 26 October 2019"),
    ],
)
def test_search_index_holds_talk_material(built_site, talk, phrase):
    assert phrase in seed_text()
    assert phrase.replace(" ", "") in search_text(built_site, f"{MEETING_URL}{talk}/").replace(" ", "")


def test_open_data_has_every_talk_with_its_material_and_schema(built_site, agenda):
    records = json.loads((built_site / "api/talks.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "api/schema/talks.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(records, schema)
    by_title = {r["title"]: r for r in records if r["meeting"] == MEETING}
    for item in agenda:
        if item["links"] or item["page"]:
            record = by_title[item["title"]]
            assert {m["url"] for m in record["materials"]} == set(item["links"])
            assert record["url"] == (item["page"] or MEETING_URL)
    elmed = next(r for r in records if r["url"] == f"{MEETING_URL}elmed219/")
    assert elmed["slides"][1]["sections"][0]["quotes"] == [
        "the theory, development, and application of computer systems able to perform tasks normally requiring "
        "human intelligence"
    ]
    package = json.loads((built_site / "datapackage.json").read_text(encoding="utf-8"))
    assert "api/talks.json" in {r["path"] for r in package["resources"]}


def test_every_attribution_in_the_data_names_one_agenda_item():
    """An attribution no agenda item fits (a typo in a speaker, a missing presented_by) would drop a link."""
    assert not [(page.record, att) for page, att in talks.unmatched(load(DATA))]


def test_a_talk_without_material_says_so(data_copy):
    """Take the introduction's own points away: its agenda item must say the site has nothing from it."""
    from datetime import date

    from kin_site import pages, stash
    from kin_site.render import Renderer, Site

    path = data_copy / "meetings" / f"{MEETING}.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index('    points:\n      - "Innledning'), text.index('  - time: "12:30"')
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    r = Renderer(Site(load_dataset(data_copy), date(2026, 1, 1)))
    r.page_url = MEETING_URL
    html = squash(stash.expanded(pages.meeting(r, MEETING)))
    intro = html[html.index("Innledning om dagens tema") : html.index("Tverrfaglige studietilbud i de ulike")]
    assert "Nettstedet har ikke noe materiale fra dette innlegget." in intro
    assert html.count("Nettstedet har ikke noe materiale") == 1


def test_slides_without_a_page_and_a_page_without_slides_are_located_errors(data_copy):
    from test_validation import MEETING as MEETING_FILE
    from test_validation import edit, errors_for

    line = edit(data_copy, MEETING_FILE, "        page: elmed219\n", "")
    errors = "\n".join(errors_for(data_copy))
    assert f"data/{MEETING_FILE}:{line}:9: agenda[2].items[0].slides: " in errors
    assert "trenger en id for sin egen side (page)" in errors

    line = edit(data_copy, MEETING_FILE, "    kind: welcome\n", "    kind: welcome\n    page: velkommen\n")
    errors = "\n".join(errors_for(data_copy))
    item_line = line - 2  # the welcome item starts at its time, two lines up
    assert f"data/{MEETING_FILE}:{item_line}:5: agenda[0]: en egen side (page) trenger lysbilder (slides)" in errors


def test_course_and_organisation_pages_link_to_the_talk_page(built_site, agenda):
    """Course pages name the talk («Innlegg»); a section's «Kilde» line links the talk's own page."""
    checked = 0
    for item in agenda:
        if not item["page"]:
            continue
        for url in item["links"]:
            if url.startswith(("studier/", "organisasjoner/")) and "#" not in url:
                html = (built_site / url / "index.html").read_text(encoding="utf-8")
                assert item["page"] in {urljoin(url, h) for h in _hrefs(html)}, (url, item["page"])
                checked += 1
    assert checked > 25
