"""The guide's first section (editing in a Codespace): open an existing meeting in the web editor,
change one field, publish. The file on disk changes in that field only, and the screenshot of the
form is the one the guide shows (guide/bilder/, refreshed with KIN_UPDATE_SCREENSHOTS=1).

The editor is the same in a Codespace and under `make edit`; the fixtures are test_browser_editor's.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from test_browser_editor import WAIT, changed_lines, editor, publish, shot, wait_until  # noqa: F401 (fixtures)

from kin.collections import BY_NAME

pytestmark = pytest.mark.browser
MEETINGS = BY_NAME["meetings"]


def test_a_meeting_opened_from_the_list_changes_in_one_field(editor, page: Page, shot):  # noqa: F811
    url, data = editor
    meeting = data / "meetings/2022-04-05.yml"
    before = meeting.read_text("utf-8")
    page.set_default_timeout(WAIT)
    page.set_viewport_size({"width": 1280, "height": 860})

    page.goto(url + "admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_role("link", name=MEETINGS.label, exact=True).click()
    page.get_by_text("Nettverksmøte 5. april 2022").click()
    start = page.get_by_label("Start (valgfritt)")
    expect(start).to_have_value("", timeout=WAIT)
    start.fill("10:00")
    shot(page, "codespaces-rediger-mote.png")
    publish(page)
    wait_until(lambda: meeting.read_text("utf-8") != before, "the meeting file")

    assert changed_lines(before, meeting.read_text("utf-8")) == ['+start: "10:00"']
    assert meeting.read_text("utf-8").startswith(before.split("id:")[0])  # schema line and comment kept
