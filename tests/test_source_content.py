"""Content transcribed from the source: each item is on its page, in the search index,
and word for word what the seed says (read from sources/, not copied into the test)."""

from __future__ import annotations

import json

import pytest
from conftest import DATA
from source_text import page_text, search_text, seed_text

from kin import load_dataset

# (id, page, text as in the seed). The site must show the same words.
CASES = [
    # Helse Nord's AI strategy (report on the resources page)
    (
        "helse-nord-board-decision",
        "ressurser/",
        "Styret i Helse Nord RHF vedtar Strategi for kunstig intelligens i Helse Nord for 2022-2025 som "
        "retningsgivende for arbeidet med utvikling, tilretteleggelse og implementering av KI-løsninger i "
        "helseforetakene i strategiperioden.",
    ),
    (
        "helse-nord-measure-ikt-concept-report",
        "ressurser/",
        "Helse Nord IKT skal utforme en konseptrapport og planlegge for trinnvis utvikling av nødvendig "
        "IKT-infrastruktur for å ta i bruk KI i Helse Nord. Startet høst 2021, avsluttes april 2022.",
    ),
    (
        "helse-nord-measure-radiology",
        "ressurser/",
        "Det har blitt etablert en regional arbeidsgruppe med mandat til å utrede og konkretisere hvilke KI-baserte "
        "verktøy innen radiologi som de kommende 2-4 årene ligger best til rette for implementering. Startet "
        "desember 2021, avsluttes sommer 2022.",
    ),
    (
        "helse-nord-measure-education-group",
        "ressurser/",
        "Det har blitt etablert en arbeidsgruppe i samarbeid mellom UiT, UNN og Helse Nord RHF, med mandat til å "
        "utrede mer detaljert hvilke konkrete tiltak som bør iverksettes for å styrke utdannings- og "
        "opplæringstilbud innrettet mot KI i helsetjenesten. Starter opp i februar 2022.",
    ),
    (
        "helse-nord-measure-guidelines",
        "ressurser/",
        "Utforming av guidelines og rutiner for tverrfaglige KI-prosjekter, arbeidsgruppe ledet av UNN startet "
        "opp høsten 2021.",
    ),
    (
        "helse-nord-education-group-lead",
        "ressurser/",
        "Leder av arbeidsgruppa: Prodekan for utdanning ved HelseFak, Astrid Gramstad.",
    ),
    # Meeting 1/2022: slides beyond the agenda
    ("meeting-welcome-secretariat", "moter/2022-02-08/", "Velkommen til Tone og Arvid!"),
    ("meeting-ranking-from-last-meeting", "moter/2022-02-08/", "Fra forrige møte"),
    ("meeting-closing-slide", "moter/2022-02-08/", "Takk for idag!"),
    ("meeting-closing-links", "moter/2022-02-08/", "www.bigmed.no"),
    ("meeting-closing-handles", "moter/2022-02-08/", "@VibekeBinz @BigMedProject"),
    # Literature: the AI-versus-doctors table shown with the BMJ review
    (
        "ai-versus-doctors-table",
        "ressurser/",
        "Table 1 | Peer-reviewed publications of AI algorithms compared with doctors",
    ),
]


@pytest.mark.parametrize(("page", "text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_source_text_is_shown_and_searchable(built_site, page, text):
    assert text in seed_text(), "the case must quote the seed"
    assert text in page_text(built_site, page)
    assert text.replace(" ", "") in search_text(built_site, page).replace(" ", "")


def test_bmj_review_has_its_publication_date(built_site):
    assert "(Published 25 March 2020)" in seed_text()
    work = next(w for w in load_dataset(DATA).resources.literature if w.id == "nagendran-2020")
    assert work.published.isoformat() == "2020-03-25"
    assert "Publisert 25. mars 2020." in page_text(built_site, "ressurser/")


def test_ai_versus_doctors_table_rows_are_the_seeds(built_site):
    works = load_dataset(DATA).resources.literature
    table = next(t for w in works for t in w.tables if t.caption.startswith("Table 1 |"))
    assert " ".join(table.columns) in seed_text()
    shown = page_text(built_site, "ressurser/")
    for row in table.rows:
        line = " ".join(cell for cell in row if cell)
        assert line in seed_text(), line
        assert line in shown, line
    assert len(table.rows) == 12


def test_meeting_welcome_and_closing_link_to_people_and_pages(built_site):
    meeting = load_dataset(DATA).meeting["2022-02-08"]
    welcome, closing = meeting.sections
    assert welcome.people[1] == "arvid-lundervold" and len(welcome.people) == 2
    assert [link.url for link in closing.links] == ["https://www.bigmed.no", "mailto:Vibeke.Binz.Vallevik@dnv.com"]
    ranking = next(p for p in meeting.polls if p.kind.value == "ranking")
    assert "Fra forrige møte" in ranking.note
    html = (built_site / "moter/2022-02-08/index.html").read_text(encoding="utf-8")
    assert 'href="https://www.bigmed.no"' in html and 'href="mailto:Vibeke.Binz.Vallevik@dnv.com"' in html


def test_editorial_classifications_are_said_to_be_editorial(built_site):
    schemas = {
        name: (built_site / f"api/schema/{name}.schema.json").read_text(encoding="utf-8")
        for name in ("organisations", "courses")
    }
    org = json.loads(schemas["organisations"])["$defs"]["Organisation"]["properties"]
    course = json.loads(schemas["courses"])["$defs"]["Course"]["properties"]
    for field in (org["region"], org["kind"], course["level"], course["format"]):
        assert "Editorial classification by KIN, not text from the sources" in field["description"]
    assert "KINs egen klassifisering" in page_text(built_site, "om/apne-data/")


# (as written in the seed, as the site shows it, page): each listed in data/README.md
CORRECTIONS = [
    ("Digital home exam (using Inspira)", "Digital hjemmeeksamen (Inspera)", "studier/elmed219/"),
    (
        "fungerer medisinsk utstyr på samme fra lansering",
        "fungerer medisinsk utstyr på samme måte fra lansering",
        "ressurser/",
    ),
]


@pytest.mark.parametrize(("written", "shown", "page"), CORRECTIONS)
def test_corrections_are_documented(built_site, written, shown, page):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    row = next((line for line in readme.splitlines() if f'"{written}"' in line), "")
    assert f'"{shown}"' in row, "the correction must be listed in data/README.md"
    assert written in seed_text() and shown not in seed_text()
    assert shown in page_text(built_site, page)
