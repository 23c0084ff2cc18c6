"""The site on a phone (390 x 844, touch): the catalogue as cards, touch targets, charts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}

# Every visible control of the catalogue, measured by what a finger hits: a
# checkbox by its label. Links inside running text (titles, downloads) are
# exempt as inline targets (WCAG 2.5.8).
TARGETS = """() => {
  const out = [];
  for (const e of document.querySelectorAll(
      '.kin-catalogue :is(input, select, button, summary, a.md-button)')) {
    if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;
    const hit = e.type === 'checkbox' ? (e.closest('label') || document.querySelector(`label[for="${e.id}"]`)) : e;
    const box = (e.type === 'checkbox' && e.closest('.kin-field--check') ? e.parentNode : hit).getBoundingClientRect();
    out.push({name: e.id || e.className || e.tagName, w: box.width, h: box.height,
              left: box.left, right: box.right});
  }
  return out;
}"""


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def assert_touch_friendly(page: Page) -> None:
    targets = page.evaluate(TARGETS)
    assert targets
    small = [t for t in targets if t["w"] < 44 or t["h"] < 44]
    assert not small, small
    cut = [t for t in targets if t["left"] < 0 or t["right"] > PHONE["width"]]
    assert not cut, cut
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_student_filters_picks_two_and_compares_on_a_phone(phone: Page, site_url):
    phone.goto(site_url + "studier/")
    card = phone.locator("#kurs-elmed219")
    for field in ("Institusjon", "Region", "Nivå", "Studiepoeng", "Pris", "Språk", "Form"):
        expect(card.get_by_role("cell", name=field)).to_be_visible()  # label and value, what a student decides on
    assert_touch_friendly(phone)

    phone.locator(".kin-filters > summary").tap()
    phone.select_option("#f-status", "offered")
    expect(phone.locator(".kin-filters > summary")).to_contain_text("Filtrer (1 aktive)")
    assert_touch_friendly(phone)
    phone.locator(".kin-filters > summary").tap()  # fold the filters away again

    picks = phone.locator(".kin-catalogue__table tbody tr:not([hidden]) .kin-pick")
    first, second = picks.nth(0), picks.nth(1)
    titles = [p.locator("xpath=ancestor::tr").locator("th a").inner_text() for p in (first, second)]
    first.tap()
    second.tap()
    link = phone.locator(".kin-compare-link")
    expect(link).to_have_text("Vis sammenligning (2)")
    link.tap()

    table = phone.locator(".kin-compare__table")
    expect(table).to_be_in_viewport()
    heads = table.locator("thead th:visible")
    expect(heads).to_have_text(titles)
    a, b = (heads.nth(i).bounding_box() for i in (0, 1))
    assert abs(a["y"] - b["y"]) < 1 and a["x"] + a["width"] <= b["x"]  # side by side
    values = table.locator("tbody tr").first.locator("td")
    c, d = values.nth(0).bounding_box(), values.nth(1).bounding_box()
    assert abs(c["y"] - d["y"]) < 1 and c["x"] + c["width"] <= d["x"] and d["x"] + d["width"] <= PHONE["width"]
    assert_touch_friendly(phone)


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("path", ["nettverket/", "studier/regioner/", "studier/elmed219/"])
def test_chart_text_is_at_least_12px(browser: Browser, site_url, path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + path)
    sizes = page.eval_on_selector_all(
        ".kin-chart :is(.kin-chart__label, .kin-chart__value)",
        "es => es.map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes and min(sizes) >= 12, sizes
    page.close()


@pytest.mark.parametrize(("path", "anchor"), [("nettverket/", "person-trym-holter"), ("studier/", "kurs-med3065")])
def test_a_link_to_a_person_or_course_lands_on_it(phone: Page, site_url, path, anchor):
    # People and course cards are rendered lazily (content-visibility: auto); a link from search
    # or another page must still scroll to the right one, below the header.
    phone.goto(f"{site_url}{path}#{anchor}")
    target = phone.locator(f"#{anchor}")
    expect(target).to_be_in_viewport()
    header = phone.locator(".md-header").bounding_box()
    box = target.bounding_box()
    assert header["y"] + header["height"] - 1 <= box["y"] < PHONE["height"] / 2, box
