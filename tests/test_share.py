"""Share and find: meta description, canonical URL, Open Graph and Twitter tags on
every page, schema.org JSON-LD (checked against a JSON Schema of the schema.org
types we publish), and JSON in <script> that hostile data cannot break out of."""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from conftest import DATA, build_site, serve
from playwright.sync_api import Page, expect
from test_validation import edit

from kin import jsonld, load_dataset

SITE_URL = "https://kin-nettverk.github.io/kin/"
FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((Path(__file__).parent / "schemas/jsonld.schema.json").read_text(encoding="utf-8"))


@functools.cache
def _jsonld_validator() -> jsonschema.protocols.Validator:
    """``jsonschema.validate`` checks the schema itself on every call: here it is checked once."""
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(SCHEMA)


def validate_jsonld(doc: dict) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``doc`` is JSON-LD as tests/schemas/jsonld.schema.json allows."""
    _jsonld_validator().validate(doc)


class Head(HTMLParser):
    """Collects <meta>, <link rel=canonical>, <html lang> and the JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.lang = None
        self.jsonld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a.get("name"), []).append(a.get("content"))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.jsonld.append("")

    def handle_endtag(self, tag):
        self._in_ld = self._in_ld and tag != "script"

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld[-1] += data


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    """Every public page (not the 404 page, nor the web editor's own application under admin/)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and p.relative_to(site).parts[0] != "admin")


def test_script_json_escapes_what_could_end_the_script():
    value = {"name": "</script><script>alert(1)</script> & <!-- \u2028\u2029"}
    text = jsonld.script_json(value)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_every_page_can_be_shared_and_found(built_site):
    descriptions = set()
    for path in pages(built_site):
        h = head(path)
        url = SITE_URL + str(path.relative_to(built_site).parent).removeprefix(".") + "/"
        url = url.replace("//", "/").replace("https:/", "https://")
        assert h.lang == "nb", path
        assert h.canonical == [url], path
        for name in ("description", "og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale"):
            assert len(h.meta.get(name, [])) == 1 and h.meta[name][0].strip(), (path, name)
        assert h.meta.get("og:image") == [SITE_URL + "assets/images/kin-social.png"], path
        for name in ("twitter:card", "twitter:title", "twitter:description"):
            assert len(h.meta.get(name, [])) == 1 and h.meta[name][0].strip(), (path, name)
        assert h.meta["og:url"] == [url] and h.meta["og:description"] == h.meta["description"], path
        assert len(h.meta["description"][0]) <= 160, path
        descriptions.add(h.meta["description"][0])
    assert len(descriptions) > 0.9 * len(pages(built_site))  # each page describes itself
    png = (built_site / "assets/images/kin-social.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[16:24] == (1200).to_bytes(4, "big") + (630).to_bytes(4, "big")


def test_jsonld_is_valid_schema_org_for_meetings_courses_and_kin(built_site):
    data = load_dataset(DATA)
    found: dict[str, list[dict]] = {}
    for path in pages(built_site):
        for text in head(path).jsonld:
            doc = json.loads(text)
            validate_jsonld(doc)
            found.setdefault(doc["@type"], []).append(doc)
    events = found.get("Event", []) + found.get("EducationEvent", [])
    assert {e["url"] for e in events} == {SITE_URL + f"moter/{m.id}/" for m in data.meetings}
    assert {c["url"] for c in found["Course"]} == {SITE_URL + f"studier/{c.id}/" for c in data.courses}
    assert any(o["url"] == SITE_URL for o in found["Organization"])
    first = next(e for e in events if e["url"].endswith("2022-02-08/"))
    assert first["startDate"] == "2022-02-08T12:00:00+01:00" and first["endDate"] == "2022-02-08T15:30:00+01:00"
    assert first["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert first["location"] == {"@type": "VirtualLocation", "name": "Teams"}
    elmed = next(c for c in found["Course"] if c["url"].endswith("/elmed219/"))
    assert elmed["provider"]["name"] == "Universitetet i Bergen" and elmed["courseCode"] == "ELMED219"


def test_meeting_without_place_or_format_states_neither(built_site):
    doc = json.loads(head(built_site / "moter/2022-04-05/index.html").jsonld[0])
    assert doc["startDate"] == "2022-04-05" and "location" not in doc and "eventAttendanceMode" not in doc


PAYLOAD = "</script><script>window.__ld = 1</script><!-- \u2028 & \"'"
HEAD_VALUES = """() => ({
  og: document.querySelector("meta[property='og:title']").getAttribute("content"),
  twitter: document.querySelector("meta[name='twitter:title']").getAttribute("content"),
  description: document.querySelector("meta[name='description']").getAttribute("content"),
  scripts: document.querySelectorAll("script[type='application/ld+json']").length,
  ld: JSON.parse(document.querySelector("script[type='application/ld+json']").textContent),
  ran: window.__ld,
})"""


@pytest.mark.browser
def test_hostile_titles_stay_text_in_head_tags_and_jsonld(tmp_path, data_copy, browser):
    edit(data_copy, "meetings/2022-02-08.yml", "title: Nettverksmøte nr 1 2022", f"title: {json.dumps(PAYLOAD)}")
    course_title = "title: Kunstig intelligens og beregningsorientert medisin"
    edit(data_copy, "courses/elmed219.yml", course_title, f"title: {json.dumps(PAYLOAD)}")
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    base, server = serve(out)
    try:
        page = browser.new_page()
        for path in ("moter/2022-02-08/", "studier/elmed219/"):
            page.goto(base + path)
            found = page.evaluate(HEAD_VALUES)  # as Chromium parsed the page
            assert found["ran"] is None and found["scripts"] == 1, path
            assert PAYLOAD in found["og"] and PAYLOAD in found["twitter"] and PAYLOAD in found["ld"]["name"]
            assert PAYLOAD.split("\u2028")[0] in found["description"]  # whitespace is normalised there
            validate_jsonld(found["ld"])
    finally:
        server.shutdown()


@pytest.mark.browser
def test_search_dialog_has_a_name(page: Page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    expect(page.get_by_role("dialog", name="Søk")).to_have_count(1)
    result = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert result.violations_count == 0, result.generate_report()


class GitHubPages:
    """Serves the site under its path (/kin/) and answers a missing address with 404.html, as GitHub Pages does."""

    def __init__(self, site: Path, prefix: str):
        import threading
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send_head(self):
                if not self.path.startswith(prefix):
                    self.send_error(404)
                    return None
                self.path = self.path[len(prefix) - 1 :]
                target = Path(self.translate_path(self.path))
                if not target.exists():
                    body = (site / "404.html").read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    return __import__("io").BytesIO(body)
                return super().send_head()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{prefix}"


@pytest.mark.browser
def test_missing_page_is_norwegian_and_leads_home_and_to_search(page: Page, built_site):
    pages_server = GitHubPages(built_site, "/kin/")
    try:
        response = page.goto(pages_server.url + "moter/finnes-ikke/")
        assert response.status == 404
        assert page.locator("html").get_attribute("lang") == "nb"
        expect(page.locator("h1")).to_have_text("Siden finnes ikke")
        assert "Not found" not in page.content()
        page.get_by_role("link", name="Søk på nettstedet").click()
        expect(page.locator("input.md-search__input")).to_be_focused()
        page.goto(pages_server.url + "moter/finnes-ikke/")
        page.get_by_role("link", name="Gå til forsiden").click()
        expect(page).to_have_url(pages_server.url)
        expect(page.locator("h1").first).to_contain_text("Kunstig intelligens i norsk helsetjeneste")
    finally:
        pages_server.server.shutdown()
