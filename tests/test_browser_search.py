"""Search in a real browser: Norwegian stop words, all words first, spellings with and without æ, ø, å."""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
from conftest import DATA, build_site, serve
from playwright.sync_api import Page, expect
from test_browser_site import search

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__item"


def results(page: Page) -> list[str]:
    return page.locator(f"{RESULT} > a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_a_stop_word_alone_is_no_search(page: Page, site_url):
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("i", delay=20)
    expect(page.locator(".md-search-result__meta")).to_have_text("Ingen treff", timeout=10_000)
    assert page.locator(RESULT).count() == 0


def test_kurs_i_maskinlaering_ranks_machine_learning_courses_not_the_stop_word(page: Page, site_url):
    first = search(page, site_url, "kurs i maskinlæring")
    expect(first).to_have_attribute("href", re.compile(r"studier/ntnu-[\w-]*maskinlaering[\w-]*/"), timeout=5_000)
    expect(page.locator(RESULT).first.locator("h1")).to_contain_text("aski")  # <mark>Maskin</mark>læring
    # No result is there because of "i": every page matches "kurs" or "maskinlæring".
    texts = page.locator(RESULT).evaluate_all("items => items.map(i => i.textContent.toLowerCase())")
    assert texts and all("kurs" in t or "maskinlæring" in t for t in texts)


def test_helse_i_skyen_finds_the_cloud_meeting(page: Page, site_url):
    first = search(page, site_url, "helse i skyen")
    expect(first).to_have_attribute("href", re.compile(r"moter/2022-04-05/"), timeout=5_000)


def test_pages_matching_every_word_come_first(page: Page, site_url):
    search(page, site_url, "Kerstin Bach")
    expect(page.locator(RESULT).first.locator("a[href*='#person-kerstin-bach']")).to_have_count(1, timeout=5_000)
    hrefs = results(page)
    bachelor = [i for i, h in enumerate(hrefs) if "bachelor" in h]
    # The meeting page itself (not its talk pages, which say "Bachelor") and NTNU's page name both.
    both = [i for i, h in enumerate(hrefs) if re.search(r"moter/2022-02-08/[?#]|organisasjoner/ntnu/", h)]
    assert bachelor and both and max(both) < min(bachelor), hrefs  # "Bach" alone (Bachelor...) comes last


@pytest.mark.parametrize(
    ("query", "expected", "spelled"),
    [
        ("Daehlen", "#person-morten-daehlen", "Dæhlen"),
        ("Tromso", "", "Tromsø"),  # many pages name Tromsø; the top one must spell it so
        ("Gruner", "#person-renate-gruner", "Grüner"),
    ],
)
def test_names_typed_without_diacritics(page: Page, site_url, query, expected, spelled):
    search(page, site_url, query)
    expect(page.locator(RESULT).first.locator(f"a[href*='{expected}']" if expected else "a[href]")).not_to_have_count(
        0, timeout=5_000
    )
    assert spelled in page.locator(RESULT).first.inner_text()
    shown = page.locator(".md-search-result").inner_text()
    assert spelled in shown and query.lower() not in shown.lower()  # teasers show the real spelling only


def assert_top_hit(page: Page, anchor: str, spelled: str, typed: str):
    """The first result group holds ``anchor``; results show the data's spelling, not the one typed."""
    expect(page.locator(RESULT).first.locator(f"a[href*='{anchor}']")).not_to_have_count(0, timeout=5_000)
    assert spelled in page.locator(RESULT).first.inner_text()
    if typed.lower() != spelled.lower():
        assert typed.lower() not in page.locator(".md-search-result").inner_text().lower()


@pytest.mark.parametrize(
    ("query", "anchor", "spelled"),
    [
        ("Faxvåg", "#person-arild-faxvaag", "Faxvaag"),  # typed with å, the data spells aa
        ("Faxva\u030ag", "#person-arild-faxvaag", "Faxvaag"),  # decomposed å (a + ring), as macOS types it
        ("Bollva\u030ag", "#person-liv-bollvag", "Bollvåg"),  # decomposed query, composed data
        ("Dæhlen", "#person-morten-daehlen", "Dæhlen"),
        ("Grüner", "#person-renate-gruner", "Grüner"),
    ],
)
def test_names_typed_with_diacritics(page: Page, site_url, query, anchor, spelled):
    search(page, site_url, query)
    assert_top_hit(page, anchor, spelled, unicodedata.normalize("NFC", query))


# Data spelt without diacritics where a Norwegian types them: the real data has none for
# æ, ø and ü, so a copy of it spells three names (everywhere they occur) in ASCII.
ASCII_NAMES = {"Brøgger": "Brogger", "Dæhlen": "Daehlen", "Grüner": "Gruner"}


@pytest.fixture(scope="module")
def ascii_site_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("ascii") / "data"
    shutil.copytree(DATA, data)
    changed = 0
    for path in data.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for name, ascii_name in ASCII_NAMES.items():
            changed += text.count(name)
            text = text.replace(name, ascii_name)
        path.write_text(text, encoding="utf-8")
    assert changed >= len(ASCII_NAMES)
    out = data.parent / "site"
    result = build_site(out, data)
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(out)
    yield url
    server.shutdown()


@pytest.mark.parametrize(
    ("query", "anchor", "spelled"),
    [
        ("Brøgger", "#person-helga-brogger", "Brogger"),  # ø -> o
        ("Dæhlen", "#person-morten-daehlen", "Daehlen"),  # æ -> ae
        ("Grüner", "#person-renate-gruner", "Gruner"),  # ü -> u
        ("Brogger", "#person-helga-brogger", "Brogger"),  # and the ASCII query still finds its own spelling
    ],
)
def test_query_with_diacritics_finds_data_spelt_in_ascii(page: Page, ascii_site_url, query, anchor, spelled):
    search(page, ascii_site_url, query)
    assert_top_hit(page, anchor, spelled, query)
    assert "Mangler" not in page.locator(RESULT).first.inner_text()  # another spelling is no missing word
