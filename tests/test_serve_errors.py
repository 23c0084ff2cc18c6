"""Under `mkdocs serve`, a data error answers page requests at once with an error page
listing file:line:col: field: message, and the open page reloads itself after the fix."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from guide_shots import save
from playwright.sync_api import expect
from test_serve import MEETING, served  # noqa: F401  (fixture)
from test_validation import edit

pytestmark = pytest.mark.browser
WAIT = 60_000  # generous: a rebuild on a busy 2-core machine; never a speed assertion


def status_and_body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_a_data_error_is_shown_in_the_browser_and_the_fix_reloads_the_page(served, page, tmp_path):  # noqa: F811
    page.goto(served.base + MEETING)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Behov for kompetanseøkning", timeout=WAIT)

    line = edit(served.data, "meetings/2022-02-08.yml", 'start: "12:00"', "start: 12:00:99")
    errors = page.locator("#kin-data-errors")
    # The open page reloads by itself onto the error page.
    expect(errors).to_contain_text(f"data/meetings/2022-02-08.yml:{line}:1: start:", timeout=WAIT)
    expect(page).to_have_title("Feil i dataene – KIN")
    assert page.locator("html").get_attribute("lang") == "nb"
    page.set_viewport_size({"width": 1100, "height": 420})
    save(page, "5-feilside.png", tmp_path)

    # Any other page is answered with the same list, not held until a good build.
    status, body = status_and_body(served.base + "moter/")
    assert status == 500 and f"2022-02-08.yml:{line}:1: start:" in body
    # Assets of the last good build are still served.
    assert status_and_body(served.base + "assets/kin.css")[0] == 200

    edit(served.data, "meetings/2022-02-08.yml", "start: 12:00:99", 'start: "12:00"')
    expect(errors).to_have_count(0, timeout=WAIT)  # reloaded by itself onto the fixed page
    expect(page.get_by_role("heading", level=1)).to_contain_text("Behov for kompetanseøkning", timeout=WAIT)
