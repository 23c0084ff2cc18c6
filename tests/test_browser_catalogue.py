"""Course catalogue in a real browser: filters, sorting, URL state, compare, downloads."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import DATA, ROOT, build_site, serve
from playwright.sync_api import Page, expect

from kin import load_dataset

sys.path.insert(0, str(ROOT / "scripts"))
from bench_catalogue import add_courses

pytestmark = pytest.mark.browser
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def visible_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(".kin-catalogue__table tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.id)")


def count_text(page: Page) -> str:
    return page.locator(".kin-catalogue__count").inner_text()


def open_filters(page: Page) -> None:
    """The filters are folded into one disclosure, «Filtrer (n aktive)»."""
    page.locator(".kin-filters > summary").click()
    expect(page.locator("#f-region")).to_be_visible()


def test_region_filter_shows_only_north(page: Page, site_url):
    page.goto(site_url + "studier/")
    open_filters(page)
    page.select_option("#f-region", "helse-nord")
    data = load_dataset(DATA)
    ids = visible_ids(page)
    assert ids and all(data.course[i].institution in {"uit", "unn"} for i in ids)
    assert count_text(page) == f"{len(ids)} av {len(data.courses)} studietilbud"


def test_level_plus_text_narrows(page: Page, site_url):
    page.goto(site_url + "studier/")
    open_filters(page)
    page.select_option("#f-level", "master")
    masters = visible_ids(page)
    page.locator("#f-q").press_sequentially("helse")
    narrowed = visible_ids(page)
    assert set(narrowed) < set(masters) and "fys-3032" not in narrowed
    assert "uit-helseteknologi" in narrowed and "ntnu-helseinformatikk" in narrowed
    assert count_text(page).startswith(f"{len(narrowed)} av ")


def test_sort_by_ects_missing_last(page: Page, site_url):
    page.goto(site_url + "studier/")
    page.get_by_role("button", name="Studiepoeng").click()
    values = page.eval_on_selector_all(".kin-catalogue__table tbody tr", "rs => rs.map(r => r.dataset.ects)")
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers) and values.index("") == len(numbers)
    page.get_by_role("button", name="Studiepoeng").click()
    values = page.eval_on_selector_all(".kin-catalogue__table tbody tr", "rs => rs.map(r => r.dataset.ects)")
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers, reverse=True) and all(v == "" for v in values[len(numbers) :])


def test_url_state_round_trip_and_history(page: Page, site_url, context):
    page.goto(site_url + "studier/")
    open_filters(page)
    page.select_option("#f-status", "offered")
    first_state = page.url
    page.check("#pick-elmed219")
    page.check("#pick-fys-3032")
    shared = page.url
    rows = visible_ids(page)
    other = context.new_page()
    other.goto(shared)
    assert visible_ids(other) == rows
    expect(other.locator(".kin-compare__table")).to_be_visible()
    assert other.locator("#pick-elmed219").is_checked() and other.locator("#pick-fys-3032").is_checked()
    page.go_back()
    page.go_back()
    assert page.url == first_state
    assert not page.locator("#pick-elmed219").is_checked()
    page.go_back()
    assert len(visible_ids(page)) == len(load_dataset(DATA).courses)
    page.go_forward()
    assert page.locator("#f-status").input_value() == "offered"
    expect(page.locator(".kin-filters__active")).to_have_text("(1 aktive)")


def test_compare_marks_differences(page: Page, site_url):
    page.goto(site_url + "studier/?cmp=elmed219,fys-3032")
    table = page.locator(".kin-compare__table")
    expect(table).to_contain_text("ELMED219")
    expect(table).to_contain_text("FYS-3032")
    ects_row = table.locator("tr", has=page.locator("th", has_text="Studiepoeng"))
    expect(ects_row).to_have_class("kin-diff")
    status_row = table.locator("tbody tr", has=page.locator("th", has_text="Status"))
    expect(status_row).not_to_have_class("kin-diff")
    expect(table).to_contain_text("Har bred kunnskap om begrepene")


def test_downloads_hold_every_course(built_site):
    data = load_dataset(DATA)
    raw = (built_site / "studier/studietilbud.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert {r["Id"] for r in rows} == {c.id for c in data.courses}
    assert any(r["Tittel"] == "Digital transformasjon og bærekraft" for r in rows)
    listed = json.loads((built_site / "studier/studietilbud.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in listed] == [c.id for c in data.courses]


def test_full_table_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "studier/")
    assert page.locator(".kin-catalogue__table tbody tr").count() == len(load_dataset(DATA).courses)
    expect(page.locator("#kurs-elmed219")).to_contain_text("ikke oppgitt")
    # controls that need the script are hidden; the headers still read as text
    expect(page.locator(".kin-catalogue__bar")).to_be_hidden()
    expect(page.locator("#pick-elmed219")).to_be_hidden()
    expect(page.get_by_role("columnheader", name="Studiepoeng", exact=True)).to_be_visible()
    expect(page.locator("th[data-key=ects] button")).to_be_hidden()
    context.close()


def tab_to(page: Page, selector: str, limit: int = 400) -> None:
    """Press Tab until ``selector`` has focus; every control passed on the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """s => { const e = document.activeElement, st = getComputedStyle(e);
                return {hit: e.matches(s), inCatalogue: !!e.closest('.kin-catalogue'),
                        outline: st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2,
                        name: e.outerHTML.slice(0, 80)}; }""",
            selector,
        )
        if focused["inCatalogue"]:
            assert focused["outline"], f"no visible focus on {focused['name']}"
        if focused["hit"]:
            return
    raise AssertionError(f"{selector} not reachable with Tab")


def test_catalogue_works_with_the_keyboard_alone(page: Page, site_url):
    page.goto(site_url + "studier/")
    total = len(load_dataset(DATA).courses)
    tab_to(page, ".kin-filters > summary")
    page.keyboard.press("Enter")
    tab_to(page, "#f-region")
    while page.eval_on_selector("#f-region", "e => e.value") != "helse-nord":
        page.keyboard.press("ArrowDown")
    shown = len(visible_ids(page))
    assert shown < total and count_text(page) == f"{shown} av {total} studietilbud"
    assert page.get_attribute(".kin-catalogue__count", "aria-live") == "polite"

    tab_to(page, ".kin-reset")
    page.keyboard.press("Enter")
    assert count_text(page) == f"{total} av {total} studietilbud"

    tab_to(page, "th[data-key=ects] button")
    page.keyboard.press("Enter")
    assert page.get_attribute("th[data-key=ects]", "aria-sort") == "ascending"

    for course in ("elmed219", "fys-3032"):  # rows are now in ECTS order: 6 before 10
        tab_to(page, f"#pick-{course}")
        page.keyboard.press("Space")
    expect(page.locator(".kin-compare")).to_contain_text("ELMED219")
    expect(page.locator(".kin-compare")).to_contain_text("FYS-3032")


@pytest.mark.parametrize("path", ["studier/", "studier/?cmp=elmed219,fys-3032", "studier/elmed219/"])
def test_catalogue_accessibility(page: Page, site_url, path):
    page.goto(site_url + path)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert result.violations_count == 0, result.generate_report()


def test_filters_stay_right_and_responsive_with_1000_courses(tmp_path, data_copy, browser):
    """Behaviour only: the time per keystroke is measured by `make benchmark` (scripts/bench_catalogue.py)."""
    add_courses(data_copy)
    data = load_dataset(data_copy)
    out = tmp_path / "site"
    assert build_site(out, data_copy).returncode == 0
    base, server = serve(out)
    try:
        page = browser.new_page()
        page.goto(base + "studier/")
        open_filters(page)
        total = len(data.courses)
        north = {c.id for c in data.courses if data.org[c.institution].region == "helse-nord"}
        page.select_option("#f-region", "helse-nord")
        expect(page.locator(".kin-catalogue__count")).to_have_text(f"{len(north)} av {total} studietilbud")
        page.locator("#f-q").press_sequentially("bilder")  # real keystrokes, one filter run each

        def about_images(c) -> bool:
            return "bilder" in " ".join([c.code or "", c.title, *c.description]).lower()

        expected = {c.id for c in data.courses if c.id in north and about_images(c)}
        expect(page.locator(".kin-catalogue__count")).to_have_text(f"{len(expected)} av {total} studietilbud")
        assert set(visible_ids(page)) == expected and len(expected) > 80
        page.locator("#f-q").fill("")  # still answers input after the burst of keystrokes
        expect(page.locator(".kin-catalogue__count")).to_have_text(f"{len(north)} av {total} studietilbud")
    finally:
        server.shutdown()


def test_catalogue_script_is_small():
    assert (ROOT / "docs/assets/catalogue.js").stat().st_size < 30_000


def test_text_search_ignores_how_norwegian_letters_are_typed(page: Page, site_url):
    """Typed without a Norwegian keyboard (ae for æ) or decomposed (a + U+030A), a word still matches."""
    page.goto(site_url + "studier/")
    search = page.locator("#f-q")
    search.press_sequentially("maskinlæring")
    written = visible_ids(page)
    assert len(written) >= 2 and len(written) < len(load_dataset(DATA).courses)
    for typed in ("maskinlaering", "MASKINLÆRING"):
        search.fill("")
        search.press_sequentially(typed)
        assert visible_ids(page) == written, typed
    search.fill("")
    search.press_sequentially("bærekraft")
    sustainable = visible_ids(page)
    assert sustainable
    search.fill("")
    search.press_sequentially("baerekraft")
    assert visible_ids(page) == sustainable
    search.fill("")
    search.press_sequentially("vår")  # the term column: "Vår 2022" ...
    composed = visible_ids(page)
    assert composed
    for typed in ("va\u030ar", "vaar"):  # å as macOS and some PDFs write it; aa for å
        search.fill("")
        search.press_sequentially(typed)
        assert visible_ids(page) == composed, typed
