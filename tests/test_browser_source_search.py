"""Content transcribed from the source is found by typing into the site's search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from source_text import seed_text
from test_browser_site import search

pytestmark = pytest.mark.browser

# (query typed by a reader, a page it must lead to); every query is a word of the seed.
QUERIES = [
    ("Midnattssol", "organisasjoner/spki/"),
    ("RETHOS", "organisasjoner/uit/"),
    ("Gemini center MIRA", "organisasjoner/ntnu/"),
    ("LearnPathology", "organisasjoner/ntnu/"),
    ("Oslo Science City", "organisasjoner/dscience/"),
    ("Partner Assembly", "organisasjoner/nail/"),
    ("Stortinget", "organisasjoner/teknologiradet/"),
    ("Signalanalyser", "organisasjoner/uio/"),
    ("konseptrapport", "ressurser/"),
    ("Overleaf", "studier/elmed219/"),
    ("Skole og utdanning", "studier/ntnu-videre/"),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_search_finds_source_content(page: Page, site_url, query, expected):
    assert query.lower() in seed_text().lower()
    search(page, site_url, query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 3))]
    assert any(re.search(re.escape(expected), href or "") for href in hrefs), hrefs
