"""Fixture sites: the real site and altered copies of its data, built strictly into temp dirs."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from conftest import DATA, build_site
from test_outputs import OSLO, events
from test_validation import edit

from kin import load_dataset

EXTRA_MEETING = """id: 2031-03-14
title: Nettverksmøte nr 1 2031
number: 1
date: 2031-03-14
start: "09:00"
end: "11:00"
format: physical
venue:
  city: Trondheim
theme: Kvantefiltrering av pingviner
agenda:
  - time: "09:00"
    title: Velkommen
    kind: welcome
  - time: "09:10"
    title: Pingviner i klinikken
    kind: talk
    speakers: [kerstin-bach]
"""


@pytest.fixture(scope="module")
def variant_site(tmp_path_factory) -> Path:
    """One strict build of the real data changed as the secretariat might: a meeting added in 2031
    (built as if today were 2030-01-01) and UiB without a region. Each change is checked on its own."""
    data = tmp_path_factory.mktemp("variant") / "data"
    shutil.copytree(DATA, data)
    (data / "meetings/2031-03-14.yml").write_text(EXTRA_MEETING, encoding="utf-8")
    edit(data, "organisations/uib.yml", "region: helse-vest\n", "")
    out = tmp_path_factory.mktemp("variant-site")
    result = build_site(out, data, today="2030-01-01", fresh=True)  # a hash seed other than built_site's
    assert result.returncode == 0, result.stderr
    return out


def test_home_page_shows_counts(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    counts = dict(re.findall(r'data-role="(\w+)">(\d+)<', html))
    assert counts == {"member": "81", "secretariat": "8", "observer": "41"}
    assert "Bottom-up" in html and "Tverrfaglig" in html and "Åpen" in html


def test_one_page_per_record(built_site):
    assert (built_site / "moter/2022-02-08/index.html").exists()
    assert (built_site / "uttalelser/innspill-nasjonal-implementeringsplan-for-ki/index.html").exists()
    assert (built_site / "studier/elmed219/index.html").exists()
    assert (built_site / "organisasjoner/ntnu/index.html").exists()
    meeting = (built_site / "moter/2022-02-08/index.html").read_text(encoding="utf-8")
    assert "12:00–15:30" in meeting and "Kerstin Bach" in meeting and "www.menti.com" in meeting


def test_people_show_affiliation_as_written(built_site):
    html = (built_site / "nettverket/index.html").read_text(encoding="utf-8")
    assert "Oppgitt som «Hesledirektoratet»" in html and "Oppgitt som «UiO, CRAI, OUS»" in html


def test_generated_pages_stay_out_of_the_sidebar(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "moter/2022-02-08/" not in home.split('class="md-sidebar')[1].split("</nav>")[0]


def test_bad_data_never_produces_a_site(tmp_path, data_copy):
    line = edit(data_copy, "meetings/2022-02-08.yml", 'start: "12:00"', 'start: "12:75"')
    out = tmp_path / "out"
    result = build_site(out, data_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"data/meetings/2022-02-08.yml:{line}:1: start: forventet et klokkeslett" in output
    assert not (out / "index.html").exists()


def test_region_overview_lists_every_course_once_under_its_region(built_site):
    data = load_dataset(DATA)
    html = (built_site / "studier/regioner/index.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<h2 id="([\w-]+)".*?</h2>(.*?)(?=<h2 id=|</div>\s*</article>|$)', html, re.S))
    assert list(sections) == ["helse-nord", "helse-midt-norge", "helse-vest", "helse-sor-ost"]
    for course in data.courses:
        region = data.org[course.institution].region.value
        link = f'href="../{course.id}/"'
        assert sections[region].count(link) == 1, course.id
        assert sum(body.count(link) for body in sections.values()) == 1
    uio = sections["helse-sor-ost"]
    assert '<th scope="row">Matematikk og naturfag</th><td>16</td>' in uio and 'role="img"' in uio


def test_meeting_added_as_data_only(variant_site):
    out = variant_site
    page = (out / "moter/2031-03-14/index.html").read_text(encoding="utf-8")
    assert "Kvantefiltrering av pingviner" in page and "Trondheim" in page
    index = (out / "moter/index.html").read_text(encoding="utf-8")
    upcoming = index.split('id="kommende"')[1].split('id="tidligere"')[0]
    assert "Kvantefiltrering av pingviner" in upcoming
    assert "Kvantefiltrering av pingviner" in (out / "index.html").read_text(encoding="utf-8")
    search = (out / "search/search_index.json").read_text(encoding="utf-8")
    assert "Kvantefiltrering" in search


def test_region_overview_keeps_courses_without_a_region(variant_site):
    html = (variant_site / "studier/regioner/index.html").read_text(encoding="utf-8")
    assert 'id="uten-region"' in html and "ELMED219" in html.split('id="uten-region"')[1]


def test_extra_meeting_reaches_every_output(variant_site):
    out = variant_site
    _, evs = events(out / "kin.ics")
    assert "meeting-2031-03-14@kin-nettverk.no" in [str(e["UID"]) for e in evs]
    _, (single,) = events(out / "moter/2031-03-14.ics")
    assert single.decoded("DTSTART") == datetime(2031, 3, 14, 9, 0, tzinfo=OSLO)
    feed = feedparser.parse((out / "moter.xml").read_bytes())
    assert any("2031-03-14" in e.link for e in feed.entries)
    meetings = json.loads((out / "api/meetings.json").read_text(encoding="utf-8"))
    assert "2031-03-14" in [m["id"] for m in meetings]


def test_calendar_uids_unique_and_stable_across_builds(built_site, variant_site):
    """A meeting's UID stays the same in another build, whatever else was added (here a meeting)."""
    uids = [str(e["UID"]) for e in events(built_site / "kin.ics")[1]]
    assert len(set(uids)) == len(uids)
    again = [str(e["UID"]) for e in events(variant_site / "kin.ics")[1]]
    assert [uid for uid in again if uid != "meeting-2031-03-14@kin-nettverk.no"] == uids


def test_rendered_blocks_are_all_put_back(built_site):
    """Macro and generated-page HTML bypasses Markdown as placeholders; none may be left."""
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 90
    for page in pages:
        assert "kin-block-" not in page.read_text(encoding="utf-8"), page


def test_mkdocs_builds_the_same_site_as_properdocs(built_site, tmp_path):
    """ProperDocs (our engine) and MkDocs 1.6 give identical files, apart from the generator tag."""
    out = tmp_path / "mkdocs-site"
    result = build_site(out, engine="mkdocs")
    assert result.returncode == 0, result.stderr
    ours = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert ours == theirs
    generator = re.compile(rb'<meta name="generator" content="mkdocs-(ProperDocs )?[\d.]+, mkdocs-material-')
    tags = set()
    for rel in ours:
        a, b = (built_site / rel).read_bytes(), (out / rel).read_bytes()
        if rel.endswith(".html"):
            tags.update(m.group(1) for m in generator.finditer(a + b))
            a, b = generator.sub(b"", a), generator.sub(b"", b)
        assert a == b, rel
    assert tags == {None, b"ProperDocs "}
