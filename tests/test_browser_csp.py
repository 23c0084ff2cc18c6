"""Content-Security-Policy and the <title>: in normal use nothing is blocked; a smuggled script is."""

from __future__ import annotations

import re

import pytest
from conftest import serve
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Every securitypolicyviolation, recorded from the first script on (before Material's own).
RECORD = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push([e.violatedDirective, e.blockedURI || 'inline', e.sourceFile, e.lineNumber].join(' ')));
"""


@pytest.fixture
def watched(page: Page) -> Page:
    page.add_init_script(RECORD)
    return page


def test_every_page_carries_the_policy(built_site):
    pages = sorted(built_site.rglob("*.html"))
    admin = {p for p in pages if p.relative_to(built_site).parts[0] == "admin"}  # the editor is not a Material page
    for path in set(pages) - admin:
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:  # MkDocs' redirect stubs
            continue
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta, path
        policy = dict(d.strip().split(" ", 1) for d in meta[1].split(";"))
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'"
        assert policy["form-action"] == "'self'"
        assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
        assert policy["script-src"].startswith("'self' 'sha256-")
        assert html.index("Content-Security-Policy") < html.index("<script"), path  # before any script


def test_normal_use_breaks_no_rule(watched: Page, site_url):
    page = watched
    for path in ("", "moter/", "moter/2022-02-08/", "nettverket/", "uttalelser/", "organisasjoner/ntnu/", "om/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
    # search (Material's worker and ours)
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Kerstin", delay=20)
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=10_000)
    # palette toggle (an inline script restores it on the next page)
    page.goto(site_url + "om/")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component='palette'] label").locator("visible=true").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    page.goto(site_url + "moter/")
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    # the course catalogue (our own script)
    page.goto(site_url + "studier/")
    page.locator(".kin-filters > summary").click()
    page.select_option("#f-region", "helse-nord")
    expect(page.locator(".kin-catalogue__count")).to_contain_text(" av ")
    assert page.evaluate("window.__csp") == []


def test_a_smuggled_inline_script_is_blocked(watched: Page, built_site, tmp_path):
    """Were an inline script or event handler ever to reach a page, the policy stops it."""
    page = watched
    html = (built_site / "moter/index.html").read_text(encoding="utf-8")
    smuggled = '<script>window.__smuggled = 1</script><img src="data:," onerror="window.__smuggled = 2">'
    (tmp_path / "index.html").write_text(html.replace("<article", smuggled + "<article", 1), encoding="utf-8")
    base, server = serve(tmp_path)
    try:
        page.goto(base)
        page.wait_for_function("window.__csp.length >= 2")
        assert page.evaluate("window.__smuggled") is None
        blocked = page.evaluate("window.__csp")
        assert any(v.startswith("script-src-elem inline") for v in blocked), blocked
        assert any(v.startswith("script-src-attr inline") for v in blocked), blocked
    finally:
        server.shutdown()


def test_title_is_text(tmp_path, data_copy, browser):
    """A title that closes <title> and opens a script stays text in the tab, on every kind of record page."""
    from conftest import build_site
    from test_validation import edit

    payload = "</title><script>window.__xss=1</script><b>fet</b> &amp;"
    quoted = payload.replace("'", "''")
    edit(data_copy, "meetings/2022-02-08.yml", "title: Nettverksmøte nr 1 2022", f"title: '{quoted}'")
    edit(
        data_copy,
        "statements/ki-kompetanse-i-helsefagutdanningene.yml",
        "title: KI-kompetanse i helsefagutdanningene",
        f"title: '{quoted}'",
    )
    edit(
        data_copy, "organisations/ntnu.yml", "name: Norges teknisk-naturvitenskapelige universitet", f"name: '{quoted}'"
    )
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode == 0, result.stderr
    base, server = serve(out)
    page = browser.new_page()
    try:
        for path in ("moter/2022-02-08/", "uttalelser/ki-kompetanse-i-helsefagutdanningene/", "organisasjoner/ntnu/"):
            page.goto(base + path)
            assert payload in page.title(), page.title()
            assert page.evaluate("window.__xss") is None
            assert (
                page.locator("head script:not([src]):not([type])").evaluate_all(
                    "ss => ss.filter(s => s.textContent.includes('__xss')).length"
                )
                == 0
            )
    finally:
        page.close()
        server.shutdown()
