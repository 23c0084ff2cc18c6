"""The built site in a real browser: search, accessibility, privacy, no-JS reading, XSS."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import build_site, serve
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "meeting index": "moter/",
    "meeting": "moter/2022-02-08/",
    "people": "nettverket/",
    "organisation index": "organisasjoner/",
    "organisation": "organisasjoner/ntnu/",
    "relay": "ki-stafetten/",
    "statement index": "uttalelser/",
    "statement": "uttalelser/innspill-nasjonal-implementeringsplan-for-ki/",
    "resources": "ressurser/",
    "about": "om/",
    "accessibility": "om/tilgjengelighet/",
    "privacy": "om/personvern/",
    "sources": "om/kilder/",
    "catalogue": "studier/",
    "course": "studier/elmed219/",
    "regions": "studier/regioner/",
}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
axe = Axe()


def search(page: Page, base: str, query: str):
    """Type into Material's search; return the locator of the first result link."""
    page.goto(base)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible(timeout=10_000)
    return first


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kerstin Bach", "nettverket/"),
        ("ELMED219", "studier/elmed219/"),
        ("retningslinjer for testing", "uttalelser/retningslinjer-testing-av-kliniske-maskinlaeringsmodeller/"),
        ("Helsedata skyen", "moter/2022-04-05/"),
        ("kompetanseøkning", "moter/2022-02-08/"),
    ],
)
def test_search_finds_the_right_page_first(page: Page, site_url, query, expected):
    first = search(page, site_url, query)
    expect(first).to_have_attribute("href", re.compile(re.escape(expected)), timeout=5_000)


def test_search_for_a_person_links_to_the_person(page: Page, site_url):
    search(page, site_url, "Kerstin Bach")
    first_group = page.locator(".md-search-result__item").first
    expect(first_group.locator("a[href*='#person-kerstin-bach']")).to_have_count(1, timeout=5_000)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_wcag21_aa(page: Page, site_url, name, scheme):
    page.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}, "
        f"color: {{media: '', scheme: '{scheme}', primary: 'custom', accent: 'custom'}}}}))"
    )
    page.goto(site_url + PAGE_TYPES[name])
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_with_search_open(page: Page, site_url, scheme):
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    search(page, site_url, "KIN")
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert result.violations_count == 0, result.generate_report()


def test_no_third_party_requests_and_no_console_errors(page: Page, site_url):
    outside, errors, failed = [], [], []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname != "127.0.0.1" else None)
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text} {m.location}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    search(page, site_url, "Trym")
    assert outside == []
    assert failed == []  # e.g. Material fetching sitemap.xml beside a feed link
    assert errors == []


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_agenda_and_people_readable_without_javascript(no_js_page: Page, site_url):
    no_js_page.goto(site_url + "moter/2022-02-08/")
    agenda = no_js_page.locator("ol.kin-agenda").first
    expect(agenda).to_be_visible()
    expect(agenda).to_contain_text("Paneldiskusjon")
    expect(agenda).to_contain_text("Kerstin Bach")
    assert no_js_page.locator("ol.kin-agenda:not(.kin-agenda--nested) > li").count() == 10
    no_js_page.goto(site_url + "nettverket/")
    expect(no_js_page.locator("#person-zada-pajalic")).to_be_visible()
    assert no_js_page.locator("[id^='person-']").count() == 137


def test_speaker_link_lands_on_the_person(page: Page, site_url):
    page.goto(site_url + "moter/2022-02-08/")
    page.get_by_role("link", name="Trym Holter").first.click()
    assert page.url.endswith("nettverket/#person-trym-holter")
    expect(page.locator("#person-trym-holter")).to_be_in_viewport()


XSS = {
    "script": "<script>window.__xss = 1; alert(1)</script>",
    "img": '"><img src=x onerror="window.__xss=1;alert(1)">',
    "md": "[klikk](javascript:window.__xss=1)",
}


def test_xss_canary(tmp_path, data_copy, browser):
    from test_validation import edit

    edit(data_copy, "meetings/2022-02-08.yml", "platform: Teams", f"platform: '{XSS['img']}'")
    edit(data_copy, "meetings/2022-02-08.yml", "title: Pause", f'title: "{XSS["script"]}"')
    edit(data_copy, "meetings/2022-02-08.yml", "title: Slutt", f'title: "{XSS["md"]}"')
    edit(data_copy, "people/trym-holter.yml", "name: Trym Holter", f'name: "Trym {XSS["script"]}"')
    statement = "statements/ki-kompetanse-i-helsefagutdanningene.yml"
    edit(data_copy, statement, "title: KI-kompetanse i helsefagutdanningene", f"title: '{XSS['img']}'")
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    base, server = serve(out)
    try:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("moter/2022-02-08/", "nettverket/", "uttalelser/ki-kompetanse-i-helsefagutdanningene/", ""):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__xss") is None
            assert page.locator("img[src='x'], a[href^='javascript:']").count() == 0
        page.goto(base + "moter/2022-02-08/")
        expect(page.locator("ol.kin-agenda").first).to_contain_text("<script>window.__xss = 1; alert(1)</script>")
        assert dialogs == []
    finally:
        server.shutdown()

    edit(data_copy, "network.yml", "minutes_location: Teams", "minutes_location: Teams\nwebsite: javascript:alert(1)")
    rejected = build_site(tmp_path / "rejected", data_copy)
    assert rejected.returncode != 0 and "website: bare https://- og mailto:-lenker" in rejected.stdout + rejected.stderr
