"""Search in a real browser: Norwegian stop words, all words first, spellings without æ, ø, å."""

from __future__ import annotations

import re

import pytest
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
    both = [i for i, h in enumerate(hrefs) if "moter/2022-02-08/" in h or "organisasjoner/ntnu/" in h]
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
