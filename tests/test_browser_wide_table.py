"""The catalogue table on tablets and laptops: it scrolls sideways, the title column stays in view."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser
WRAP = ".kin-catalogue .kin-table-wrap"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Where each part of a row is after a sideways scroll, and what is drawn on top at its centre.
ROW = """([wrap, n]) => {
  const box = e => { const r = e.getBoundingClientRect();
                     return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const row = document.querySelectorAll('.kin-catalogue__table tbody tr')[n];
  const title = row.querySelector('th[scope=row]'), link = title.querySelector('a');
  const l = box(link), cx = (l.left + l.right) / 2, cy = (l.top + l.bottom) / 2;
  return {wrap: box(document.querySelector(wrap)), title: box(title), pick: box(row.querySelector('.kin-pick input')),
          code: box(row.querySelector('td[data-label=Kode]')), linkOnTop: document.elementFromPoint(cx, cy) === link};
}"""


def inside(inner: dict, outer: dict) -> bool:
    return outer["left"] - 0.5 <= inner["left"] and inner["right"] <= outer["right"] + 0.5


@pytest.fixture(params=[1000, 1280], ids=lambda w: f"{w}px")
def laptop(browser: Browser, request, site_url):
    page = browser.new_page(viewport={"width": request.param, "height": 800})
    page.goto(site_url + "studier/")
    page.locator(WRAP).scroll_into_view_if_needed()
    yield page
    page.close()


def scroll_to_end(page: Page) -> None:
    page.evaluate(f"document.querySelector('{WRAP}').scrollLeft = 1e6")
    assert page.evaluate(f"document.querySelector('{WRAP}').scrollLeft") > 100


def test_the_table_scrolls_sideways_at_laptop_widths(laptop: Page):
    # The premise of the sticky column: at these widths the table is wider than its box.
    assert laptop.evaluate(f"(w => w.scrollWidth - w.clientWidth)(document.querySelector('{WRAP}'))") > 100


def test_title_and_compare_box_stay_in_view_after_scrolling_sideways(laptop: Page):
    before = laptop.evaluate(ROW, [WRAP, 0])
    scroll_to_end(laptop)
    for n in (0, 3):
        after = laptop.evaluate(ROW, [WRAP, n])
        assert inside(after["title"], after["wrap"]) and inside(after["pick"], after["wrap"]), after
        assert after["linkOnTop"], "the title is drawn over the cells that scroll under it"
        assert after["code"]["right"] <= after["title"]["right"] + 0.5  # the code column did scroll away
    assert laptop.evaluate(ROW, [WRAP, 0])["title"]["left"] == pytest.approx(before["title"]["left"], abs=1)


def on_top_and_outlined(page: Page) -> dict:
    """The focused element: its place, whether it is drawn on top, whether its focus ring shows."""
    return page.evaluate(
        """() => { const e = document.activeElement, r = e.getBoundingClientRect();
             const t = document.querySelector('.kin-catalogue__table thead th:nth-child(2)').getBoundingClientRect();
             return {text: e.textContent.trim(), left: r.left, stickyRight: t.right,
                     onTop: e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)),
                     outline: getComputedStyle(e).outlineStyle}; }"""
    )


def test_keyboard_focus_is_visible_and_never_hidden_under_the_sticky_columns(laptop: Page):
    laptop.evaluate("document.querySelector('.kin-catalogue__table thead').scrollIntoView({block: 'center'})")
    laptop.locator(".kin-catalogue__table thead th[data-key=status] button").focus()
    for _ in range(10):  # back along the header row to "Kode", which had scrolled under the titles
        laptop.keyboard.press("Shift+Tab")
    code = on_top_and_outlined(laptop)
    assert code["text"] == "Kode" and code["onTop"] and code["outline"] != "none", code
    assert code["left"] >= code["stickyRight"] - 0.5, code
    scroll_to_end(laptop)
    laptop.locator(".kin-catalogue__table thead th[data-key=status] button").focus()
    laptop.keyboard.press("Tab")  # the first row's compare box
    laptop.keyboard.press("Tab")  # its title
    title = on_top_and_outlined(laptop)
    assert title["onTop"] and title["outline"] != "none", title


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_scrolled_table_passes_axe(browser: Browser, site_url, scheme):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(
        f"localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1}, "
        f"color: {{media: '', scheme: '{scheme}', primary: 'custom', accent: 'custom'}}}}))"
    )
    page.goto(site_url + "studier/")
    page.locator(WRAP).scroll_into_view_if_needed()
    scroll_to_end(page)
    page.locator(".kin-catalogue__table tbody tr").nth(1).hover()
    result = Axe().run(page, context=WRAP, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert result.violations_count == 0, result.generate_report()
    page.close()
