"""The real web editor (Decap CMS in Chromium) never undoes a change made on disk after it opened a record.

A secretariat member opens a meeting; meanwhile its theme is changed on disk
(VS Code, a git pull). The title saved from the editor and the theme from disk
both end up in the file. Then a save of the theme itself is refused, and the
editor shows the back end's Norwegian message.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from test_browser_editor import WAIT, editor, publish, wait_until  # noqa: F401 (a fixture)

from kin.collections import BY_NAME

pytestmark = pytest.mark.browser
MEETING = "meetings/2022-02-08.yml"
THEME = "theme: Behov for kompetanseøkning og utdanning for å fasilitere implementering av KI\n"


def test_a_save_keeps_a_change_made_on_disk_while_the_record_was_open(editor, page: Page):  # noqa: F811
    url, data = editor
    file = data / MEETING
    page.set_default_timeout(WAIT)
    page.goto(url + "admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_role("link", name=BY_NAME["meetings"].label, exact=True).click()
    page.get_by_text("Nettverksmøte nr 1 2022").click()
    title = page.get_by_label("Tittel", exact=True).first
    expect(title).to_have_value("Nettverksmøte nr 1 2022", timeout=WAIT)

    # Someone changes another field of the same file on disk.
    opened = file.read_text(encoding="utf-8")
    assert opened.count(THEME) == 1
    file.write_text(opened.replace(THEME, "theme: Tema endret i VS Code\n"), encoding="utf-8")

    title.fill("Nettverksmøte nr 1 2022 (endret i editoren)")
    publish(page)
    wait_until(lambda: "(endret i editoren)" in file.read_text(encoding="utf-8"), "the saved title")
    expect(page.get_by_text("Innlegg lagret")).to_be_visible(timeout=WAIT)
    saved = file.read_text(encoding="utf-8")
    assert "title: Nettverksmøte nr 1 2022 (endret i editoren)\n" in saved
    assert "theme: Tema endret i VS Code\n" in saved  # not reverted
    assert saved == opened.replace(THEME, "theme: Tema endret i VS Code\n").replace(
        "title: Nettverksmøte nr 1 2022\n", "title: Nettverksmøte nr 1 2022 (endret i editoren)\n"
    )

    # Both sides change the same field: refused, with the back end's message in the editor.
    file.write_text(saved.replace("theme: Tema endret i VS Code\n", "theme: Tema endret igjen\n"), encoding="utf-8")
    before = file.read_text(encoding="utf-8")
    page.get_by_label("Tema (valgfritt)").fill("Tema fra editoren")
    publish(page)
    expect(page.get_by_text("noen andre har endret det samme feltet", exact=False)).to_be_visible(timeout=WAIT)
    assert file.read_text(encoding="utf-8") == before
