"""Site search in Chromium finds words that are only on a talk's own page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page
from test_browser_site import search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "page_url"),
    [
        ("skiltgjenkjenning", r"moter/2022-02-08/elmed219/"),  # the toll-ring analogy, ELMED219's slides
        ("Digital Governance", r"moter/2022-02-08/dscience/"),
    ],
)
def test_search_finds_talk_slides(page: Page, site_url, query, page_url):
    search(page, site_url, query)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(re.search(page_url, h) for h in hrefs), hrefs
