"""Smaller items of the source in their records (issue 18): speakers' web pages, the lecturer
named in FYS-3032, the faculty named for the UiT speaker, the ECTS of the UiT programme tables;
and statements the source does not make are gone."""

from __future__ import annotations

from conftest import DATA
from source_text import SEED, page_text, seed_text

from kin import load_dataset


def test_speakers_web_pages_are_on_their_cards(built_site):
    data = load_dataset(DATA)
    seed = SEED.read_text(encoding="utf-8")
    html = (built_site / "nettverket" / "index.html").read_text(encoding="utf-8")
    for person, url in [
        ("arvid-lundervold", "https://www.uib.no/en/persons/Arvid.Lundervold"),
        ("alexander-s-lundervold", "https://alexander.lundervold.net"),  # http:// in the source
    ]:
        assert data.person[person].url == url
        assert url.removeprefix("https://") in seed
        assert f'href="{url}"' in html


def test_fys_3032_names_its_lecturers_as_the_source_does(built_site):
    course = load_dataset(DATA).course["fys-3032"]
    assert "Physics of medical imaging (Samuel Kuttner, UNN)" in course.topics
    shown = page_text(built_site, "studier/fys-3032/")
    assert "Physics of medical imaging (Samuel Kuttner, UNN)" in shown
    assert "Samuel Kuttner, UNN (ML)" in shown and "Gustav Bellika, NSE" in shown


def test_uit_speaker_faculty_and_programme_ects(built_site):
    data = load_dataset(DATA)
    assert "Fakultet for naturvitenskap og teknologi" in data.person["robert-jenssen"].titles
    assert "Fakultet for naturvitenskap og teknologi" in page_text(built_site, "nettverket/")
    assert seed_text().count("Semester 10 studiepoeng 10 studiepoeng 10 studiepoeng") == 2
    for course in ("uit-kunstig-intelligens-sivilingenior", "uit-helseteknologi"):
        assert data.course[course].study_plan_ects == 10
        assert "Emner (10 studiepoeng)" in page_text(built_site, f"studier/{course}/")


def test_no_place_contact_or_parent_the_source_does_not_give():
    data = load_dataset(DATA)
    assert data.course["uit-kunstig-intelligens-sivilingenior"].place is None
    assert data.course["med3065"].contacts == []
    for org in ("crai", "mmiv", "nail"):
        assert data.org[org].parent is None, org
    assert data.network.website is None and data.network.invitations_location is None


def test_about_pages_state_nothing_the_source_lacks(built_site):
    about = page_text(built_site, "om/")
    for claim in (
        "Bli med i nettverket",
        "for å bli med",
        "Møteinnkallinger sendes fra sekretariatet",
        "På hvert møte",
    ):
        assert claim not in about, claim
    assert "Møteinnkallinger: ikke oppgitt" in about and "Eget nettsted: ikke oppgitt" in about
    assert "Opptak" not in page_text(built_site, "om/tilgjengelighet/")
    statement = page_text(built_site, "uttalelser/innspill-nasjonal-implementeringsplan-for-ki/")
    assert "KIN ga innspill" not in statement
    assert "Informasjon om møte med nasjonalt koordineringsprosjekt for KI" in statement


def test_organisation_notes_are_marked_as_kins(built_site):
    shown = page_text(built_site, "organisasjoner/rakos/")
    assert "Merknad fra KIN: Lysbildet med deltakerlisten viser logoteksten" in shown
    assert "Regionalt akuttmedisinsk beredningscenter i Helse Vest" in seed_text()
