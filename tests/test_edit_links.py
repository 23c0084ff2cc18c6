"""The "Foreslå endring" links: every page opens the file it is made from in GitHub's web editor (a
record's data file, or a hand-written page's Markdown); under `serve` a record also links to
its entry in the local web editor. The repository and branch are one line of mkdocs.yml."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import test_serve
from conftest import DATA, ROOT
from playwright.sync_api import Page, expect

from kin import cms, config, load_dataset
from kin import routes as urls
from kin.collections import BY_NAME
from kin_site import pages
from kin_site.render import Renderer, Site

REPO = config.repository()
EDIT = f"{REPO.url}/edit/{REPO.branch}/"
served = test_serve.served  # fixture: `properdocs serve` of the site on a copy of the data


class Links(HTMLParser):
    """Every link of a page: (href, text, attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, dict]] = []
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append([dict(attrs).get("href") or "", "", dict(attrs)])

    def handle_data(self, data):
        for link in self._open:
            link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text, attrs = self._open.pop()
            self.links.append((href, " ".join(text.split()), attrs))


@functools.cache  # the built site does not change during the session
def links(path: Path) -> list[tuple[str, str, dict]]:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def edit_links(path: Path) -> list[str]:
    """The repository paths a page's "Foreslå endring" links open."""
    found = [(href, text, attrs) for href, text, attrs in links(path) if "data-kin-edit" in attrs]
    for href, text, _ in found:
        assert href.startswith(EDIT) and text.startswith("Foreslå endring"), (path, href, text)
    return [href.removeprefix(EDIT) for href, _, _ in found]


@functools.cache
def real_data():
    """The real data, loaded once (the tests only read it)."""
    return load_dataset(DATA)


def record_pages() -> list[tuple[str, str]]:
    """(built page, data file) of every page generated from a record."""
    data = real_data()
    out = []
    for src, page in pages.generated_pages(data).items():
        collection, record_id = page.record
        out.append((src.removesuffix(".md") + "/index.html", f"data/{BY_NAME[collection].path_of(record_id)}"))
    return out


def test_every_edit_link_names_a_file_in_the_repository(built_site):
    named = [p for page in built_site.rglob("*.html") for p in edit_links(page)]
    pages_and_cards = len(list((ROOT / "docs").rglob("*.md"))) + len(record_pages()) + len(real_data().people)
    assert len(named) == pages_and_cards  # one per page and one per person card, nothing else
    missing = sorted({p for p in named if not (ROOT / p).is_file()})
    assert not missing, missing
    assert not [p for p in named if not p.startswith(("data/", "docs/"))]


def test_each_record_page_has_exactly_one_link_to_its_data_file(built_site):
    records = record_pages()
    assert {f.split("/")[1] for _, f in records} == {"meetings", "statements", "organisations", "courses"}
    for page, data_file in records:
        assert edit_links(built_site / page) == [data_file], page


def test_each_person_card_links_its_own_file(built_site):
    html = (built_site / urls.PEOPLE / "index.html").read_text(encoding="utf-8")
    cards = html.split('<li class="kin-person">')[1:]
    people = real_data().people
    assert len(cards) == len(people)
    for card in cards:
        person_id = re.search(r'id="person-([^"]+)"', card)[1]
        assert re.findall(r'href="([^"]+)" data-kin-edit', card) == [EDIT + f"data/people/{person_id}.yml"]
    assert edit_links(built_site / urls.PEOPLE / "index.html")[0] == "docs/nettverket/index.md"  # the page itself


def test_hand_written_pages_link_to_their_own_markdown(built_site):
    for source in sorted((ROOT / "docs").rglob("*.md")):
        src = source.relative_to(ROOT / "docs").as_posix()
        page = built_site / ("" if src == "index.md" else src.removesuffix("index.md").removesuffix(".md") + "/")
        assert edit_links(page / "index.html")[0] == f"docs/{src}", src


def test_the_published_build_has_no_links_to_the_local_web_editor(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "data-kin-admin" not in html and "#/collections/" not in html, page


@pytest.mark.parametrize("served", [True], ids=["edit"], indirect=True)
def test_under_make_edit_records_also_link_their_web_editor_entry(served):
    meeting = Links()
    meeting.feed(served.page(urls.meeting("2022-02-08")))
    admin = [href for href, text, attrs in meeting.links if "data-kin-admin" in attrs]
    assert admin == ["../../" + urls.admin_entry("meetings", "2022-02-08")]  # relative to moter/2022-02-08/
    assert "decap-cms.js" in served.page(urls.ADMIN)  # the link leads to the web editor
    assert "data-kin-admin" not in served.page(urls.ABOUT)  # a hand-written page is no record
    assert served.page(urls.PEOPLE).count("data-kin-admin") == len(real_data().people)


# Under plain `make serve`, no record links to the web editor: test_serve.py (on that module's server).


def test_under_serve_a_person_card_also_links_its_web_editor_entry():
    data = real_data()
    renderer = Renderer(Site(data, config.today()), serving=True)
    renderer.page_url = urls.PEOPLE
    html = renderer.render("people.html")
    person = data.people[0]
    entry = f'href="../{urls.admin_entry("people", person.id)}" data-kin-admin'
    assert entry in html and html.count("data-kin-admin") == len(data.people)
    assert "data-kin-admin" not in Renderer(Site(data, config.today())).render("people.html")


def test_the_repository_is_one_setting_that_a_fork_changes(tmp_path):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (setting,) = [line for line in text.splitlines() if REPO.url in line]
    fork = tmp_path / "mkdocs.yml"
    fork.write_text(text.replace(setting, "  repository: https://github.com/en-fork/kin-kopi/tree/utkast/v2"), "utf-8")
    repo = config.repository(fork)
    assert (repo.name, repo.branch) == ("en-fork/kin-kopi", "utkast/v2")
    assert repo.edit_url("data/people/x.yml") == "https://github.com/en-fork/kin-kopi/edit/utkast/v2/data/people/x.yml"
    backend = cms.config()["backend"]  # the web editor's GitHub back end reads the same line
    assert (backend["repo"], backend["branch"]) == (REPO.name, REPO.branch)
    fork.write_text(text.replace(setting, "  repository: https://gitlab.com/x/y"), "utf-8")
    with pytest.raises(
        ValueError, match=re.escape("extra.repository must be https://github.com/OWNER/NAME/tree/BRANCH")
    ):
        config.repository(fork)


# --- In a browser: a plain link, readable without JavaScript, with a visible focus -----------


@pytest.mark.browser
def test_link_is_reachable_by_keyboard_with_a_visible_focus(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page: Page = context.new_page()
    page.goto(site_url + urls.meeting("2022-02-08"))
    link = page.get_by_role("link", name="Foreslå endring på GitHub")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", EDIT + "data/meetings/2022-02-08.yml")
    for _ in range(40):
        page.keyboard.press("Tab")
        if link.evaluate("a => a === document.activeElement"):
            break
    assert link.evaluate("a => a === document.activeElement")
    outline = link.evaluate("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth")
    assert outline.split()[0] != "none" and outline.split()[1] != "0px", outline
    context.close()
