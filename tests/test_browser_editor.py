"""The web editor (Decap CMS at /admin/) in a real browser, served as `make edit` serves it
(the back end on the site's own origin), on a copy of the data.

A secretariat member adds a physical meeting with a timed agenda item and a
speaker picked from the people list, and edits a person. Then the files on
disk say exactly that, `python -m kin validate` passes, and the rebuilt site
shows the meeting on its page, in the calendar and in the feed.

The screenshots of the guide (guide/bilder/) are taken here: run with
KIN_UPDATE_SCREENSHOTS=1 to refresh them.
"""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import edit_serve
import feedparser
import pytest
from conftest import build_site
from guide_shots import save
from icalendar import Calendar
from playwright.sync_api import Page, expect

from kin.collections import BY_NAME

pytestmark = pytest.mark.browser
WAIT = 120_000  # generous, for a busy 2-core machine; never a speed assertion
MEETING = "meetings/2027-02-09.yml"
PERSON = "people/alia-zaka.yml"
MEETINGS, PEOPLE = BY_NAME["meetings"], BY_NAME["people"]


def wait_until(check: Callable[[], bool], what: str, timeout: float = WAIT / 1000) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


@pytest.fixture
def editor(tmp_path, data_copy):
    """The site served from a copy of the data as `make edit` serves it, the back end saving into that copy."""
    server = edit_serve.start(data_copy, tmp_path / "serve.log")
    yield server.url, data_copy
    server.stop()


@pytest.fixture
def shot(tmp_path):
    return lambda page, name: save(page, name, tmp_path)


def publish(page: Page) -> None:
    page.get_by_role("button", name="Publiser").click()
    page.get_by_role("menuitem", name="Publiser nå").click()


def _saved_files(request) -> list[dict]:
    if request.method != "POST" or not request.url.endswith("/api/v1"):
        return []
    body = json.loads(request.post_data or "{}")
    return body["params"]["dataFiles"] if body.get("action") == "persistEntry" else []


def changed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_secretariat_adds_a_meeting_and_edits_a_person(editor, page: Page, shot, tmp_path):
    url, data = editor
    page.set_default_timeout(WAIT)
    page.set_viewport_size({"width": 1280, "height": 860})
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc.split(":")[0]))
    saves: list[dict] = []  # what Decap sends: the file as its GitHub back end would write it too
    page.on("request", lambda r: saves.extend(_saved_files(r)))

    # A comment in a record file carries meaning; a save through the editor keeps it.
    person_file = data / PERSON
    person_file.write_text("# Kilde: medlemslisten fra møte 1/2022.\n" + person_file.read_text("utf-8"), "utf-8")
    person_before = person_file.read_text("utf-8")
    others_before = {p: p.read_text("utf-8") for p in data.rglob("*.yml") if p != person_file}

    page.goto(url + "admin/")
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_role("link", name=MEETINGS.label, exact=True).click()
    expect(page.get_by_text("Nettverksmøte nr 1 2022")).to_be_visible(timeout=WAIT)
    shot(page, "1-moter.png")

    # --- a new physical meeting with a timed agenda item and a speaker from the people list
    page.get_by_role("link", name=MEETINGS.singular).filter(has_text="＋").click()
    page.get_by_label("Id", exact=True).fill("2027-02-09")
    page.get_by_label("Type arrangement (valgfritt)").click()
    page.get_by_text("Nettverksmøte", exact=True).click()
    page.get_by_label("Tittel", exact=True).fill("Nettverksmøte 9. februar 2027")
    page.get_by_label("Dato", exact=True).fill("2027-02-09")
    page.get_by_label("Start (valgfritt)").fill("10:00")
    page.get_by_label("Slutt (valgfritt)").fill("14:00")
    page.get_by_label("Møteform (valgfritt)").click()
    page.get_by_text("Fysisk", exact=True).click()
    page.get_by_label("Sted (by) (valgfritt)").fill("Oslo")
    page.get_by_label("Tema (valgfritt)").fill("Pingvinforskning møter klinikken")
    shot(page, "2-nytt-mote.png")
    page.get_by_role("button", name="Legg til program").click()
    page.get_by_label("Tid (valgfritt)").fill("10:15")
    page.get_by_label("Tittel", exact=True).nth(1).fill("Pingviner i klinisk bruk")
    page.get_by_label("Type", exact=True).click()
    page.get_by_text("Innlegg", exact=True).click()
    page.get_by_label("Innledere (valgfritt)").press_sequentially("Alia")
    page.get_by_text("Alia Zaka", exact=True).click()
    page.get_by_label("Tid (valgfritt)").scroll_into_view_if_needed()
    shot(page, "3-programpunkt.png")
    publish(page)
    wait_until((data / MEETING).exists, "the meeting file")
    expect(page.get_by_text("Innlegg lagret")).to_be_visible(timeout=WAIT)

    # --- edit a person
    page.get_by_role("link", name=f"Skriver i samlingen {MEETINGS.label}").click()  # back to the lists
    page.get_by_role("link", name=PEOPLE.label, exact=True).click()
    page.get_by_role("link", name="Alia Zaka").click()
    affiliation = page.get_by_label("Tilknytning (slik den står i medlemslisten) (valgfritt)")
    expect(affiliation).to_have_value("Sykehuspartner", timeout=WAIT)
    affiliation.fill("Sykehuspartner HF")
    shot(page, "4-person.png")
    publish(page)
    wait_until(lambda: person_file.read_text("utf-8") != person_before, "the person file")

    # --- the files on disk: exactly what was edited, nothing else touched
    assert (data / MEETING).read_text("utf-8") == (
        "# yaml-language-server: $schema=../schemas/meetings.schema.json\n"
        "id: 2027-02-09\n"
        "kind: network-meeting\n"
        "title: Nettverksmøte 9. februar 2027\n"
        "date: 2027-02-09\n"
        'start: "10:00"\n'
        'end: "14:00"\n'
        "format: physical\n"
        "venue:\n"
        "  city: Oslo\n"
        "theme: Pingvinforskning møter klinikken\n"
        "agenda:\n"
        '  - time: "10:15"\n'
        "    title: Pingviner i klinisk bruk\n"
        "    kind: talk\n"
        "    speakers:\n"
        "      - alia-zaka\n"
    )
    # Decap itself writes the schema line (a field comment), so files saved in production keep it.
    assert saves[0]["path"] == f"data/{MEETING}"
    assert saves[0]["raw"].startswith("# yaml-language-server: $schema=../schemas/meetings.schema.json\nid: ")
    assert changed_lines(person_before, person_file.read_text("utf-8")) == [
        '-affiliation: "Sykehuspartner"',
        '+affiliation: "Sykehuspartner HF"',
    ]
    for path, text in others_before.items():
        assert path.read_text("utf-8") == text, f"{path} changed"
    assert hosts == {"127.0.0.1"}, hosts  # no third-party request, even from the editor

    # --- valid, and on the rebuilt site: page, calendar, feed
    check = subprocess.run([sys.executable, "-m", "kin", "validate", str(data)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    out = tmp_path / "rebuilt"
    result = build_site(out, data, today="2027-01-15")
    assert result.returncode == 0, result.stderr
    html = (out / "moter/2027-02-09/index.html").read_text("utf-8")
    assert "Pingviner i klinisk bruk" in html and "10:15" in html and "Alia Zaka" in html and "Oslo" in html
    (event,) = Calendar.from_ical((out / "moter/2027-02-09.ics").read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2027, 2, 9, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    assert "10:15 Pingviner i klinisk bruk" in str(event["DESCRIPTION"])
    everything = Calendar.from_ical((out / "kin.ics").read_bytes()).walk("VEVENT")
    assert "meeting-2027-02-09@kin-nettverk.no" in [str(e["UID"]) for e in everything]
    feed = feedparser.parse((out / "moter.xml").read_bytes())
    assert any(e.link.endswith("moter/2027-02-09/") for e in feed.entries)
    assert "Sykehuspartner HF" in (out / "nettverket/index.html").read_text("utf-8")
