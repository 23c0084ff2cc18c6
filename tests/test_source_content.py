"""Content transcribed from the source: each item is on its page, in the search index,
and word for word what the seed says (read from sources/, not copied into the test)."""

from __future__ import annotations

import json

import pytest
from conftest import DATA
from loading import load
from source_text import page_text, search_text, seed_text

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
    # dScience at UiO
    ("dscience-founded", "organisasjoner/dscience/", "Oslo og ble etablert 1. januar 2021."),
    (
        "dscience-leader",
        "organisasjoner/dscience/",
        "Lokalisert på Blindern i Oslo og ledes av professor Morten Dæhlen.",
    ),
    (
        "dscience-role",
        "organisasjoner/dscience/",
        "deliver important digital contributions to the green transformation of society and a sustainable future "
        "for all",
    ),
    (
        "dscience-core-activities",
        "organisasjoner/dscience/",
        "Access to scalable, flexible and secure data management resources, storage capacities and high "
        "performance computing facilities",
    ),
    ("dscience-size", "organisasjoner/dscience/", "350+ PhDs and post.docs. across UiO"),
    ("dscience-new-positions", "organisasjoner/dscience/", "60+ new PhDs and post.docs. positions 2021-22"),
    ("dscience-domains", "organisasjoner/dscience/", "Mobility and Smart Environments"),
    (
        "dscience-key-message",
        "organisasjoner/dscience/",
        "Kunstig intelligens (forstått riktig) er viktig, men gode data (forvaltet riktig) er enda viktigere.",
    ),
    # NTNU, its Open AI Lab and the Gemini centre MIRA
    (
        "nail-hub",
        "organisasjoner/nail/",
        "#1 AI hub for cooperation between Norwegian universities, research institutes, private, and public sector",
    ),
    ("nail-enable", "organisasjoner/nail/", "Enable problem and data owners to work with researchers and students"),
    ("nail-partner-model", "organisasjoner/nail/", "Board meetings and Partner Assembly"),
    ("nail-education", "organisasjoner/nail/", "PhD summer school (Probabilistic AI)"),
    ("ntnu-mira", "organisasjoner/ntnu/", "Gemini center MIRA: Medical Imaging Research and AI"),
    (
        "ntnu-mira-hospital",
        "organisasjoner/ntnu/",
        "A large regional hospital with enthusiastic and research-driven clinicians",
    ),
    (
        "ntnu-idi",
        "organisasjoner/ntnu/",
        "Relevante fag ved alle institutter, men de tydeligste studieløpene finnes ved Institutt for "
        "datateknologi og informatikk (IDI)",
    ),
    (
        "ntnu-alesund-gjovik",
        "organisasjoner/ntnu/",
        "De andre instituttene i Trondheim og miljøene i Ålesund og på Gjøvik har også relevante fagtilbud",
    ),
    ("ntnu-learnpathology", "organisasjoner/ntnu/", "LearnPathology"),
    ("ntnu-learnpathology-task", "organisasjoner/ntnu/", "Is this cancer?"),
    # SPKI
    ("spki-opened", "organisasjoner/spki/", "Åpnet under Midnattssol-konferansen i Tromsø 2021"),
    ("spki-collaboration", "organisasjoner/spki/", "Samarbeid mellom UNN, UiT og Helse Nord"),
    (
        "spki-at-unn",
        "organisasjoner/spki/",
        "I juni åpnes Senter for pasientnær kunstig intelligens (SPKI) ved Universitetssykehuset Nord-Norge (UNN).",
    ),
    ("spki-opening-day", "organisasjoner/spki/", "Publisert 2021-06-15"),
    # Teknologirådet
    ("teknologiradet-appointed", "organisasjoner/teknologiradet/", "Medlemmene utpekes av regjeringen"),
    ("teknologiradet-agenda", "organisasjoner/teknologiradet/", "Vedtar sin egen agenda"),
    ("teknologiradet-advice", "organisasjoner/teknologiradet/", "Gir råd til Stortinget og øvrige myndigheter"),
    # UiT's RETHOS working group
    (
        "uit-rethos",
        "organisasjoner/uit/",
        "Startet i 2021: Arbeidsgruppe har kartlagt hva UiT mangler i legeutdanningen med utgangspunkt i RETHOS "
        "(Nasjonale retningslinjer for helse- og sosialfagutdanningene)",
    ),
    (
        "uit-rethos-gap-4l",
        "organisasjoner/uit/",
        "Par. 4 L. har bred kunnskap om prinsippene som ligger til grunn for digitale løsninger og teknologi i "
        "helsetjenesten, herunder digital sikkerhet",
    ),
    (
        "uit-rethos-gap-6d",
        "organisasjoner/uit/",
        "Par 6D. kan anvende digital kompetanse, bistå i utviklingen av og bruke egnet teknologi både på individ "
        "og systemnivå",
    ),
    (
        "uit-rethos-topic",
        "organisasjoner/uit/",
        "Grunnprinsipper for kunstig intelligens (KI) og bruken av dette i helsetjenesten.",
    ),
    ("uit-rethos-dips", "organisasjoner/uit/", "Innføring i Dips arena og journalsystem."),
    # UiO's application areas
    ("uio-areas", "organisasjoner/uio/", "AI på UiO: Bruksområder vi dekker i utdanningen og gjennom forskning"),
    # ELMED219's teaching
    ("elmed219-tools", "studier/elmed219/", "(Canvas) GitHub Discord Colab Overleaf DataCamp"),
    (
        "elmed219-datacamp",
        "studier/elmed219/",
        "Know some Python, but no machine learning? Can pass the Python Programming Assessment in our DataCamp "
        "group? Complete the course Supervised Learning with scikit-learn",
    ),
    (
        "elmed219-assignment",
        "studier/elmed219/",
        "Precision medicine and quantitative imaging in glioblastoma - a multiscale approach",
    ),
    ("elmed219-report", "studier/elmed219/", "(3-5 pages incl. figures and bibliography)"),
    ("elmed219-dmp", "studier/elmed219/", "(1 1/2-2 1/2 pages incl. graphics / links)"),
    ("elmed219-teams", "studier/elmed219/", "Team 1 Team 2 Team 3 Team 4 Team 5 Team 6"),
    (
        "elmed219-feedback",
        "studier/elmed219/",
        "Det ikke er ønskelig å gjenta fjorårets versjon hvert år, må holdes oppdatert da feltet beveger seg fort.",
    ),
    (
        "elmed219-student-quote",
        "studier/elmed219/",
        "Fysisk oppmøte ville gitt større mulighet til å diskutere på tvers av studentgruppene "
        "(fysikk/medisin/ingeniør).",
    ),
    # NTNU Videre
    (
        "ntnu-videre",
        "studier/ntnu-videre/",
        "Studere ved siden av jobb? Vi har tilbud for de fleste yrkesgrupper, fra korte kurs til hele masterprogram.",
    ),
    ("ntnu-videre-deadline", "studier/ntnu-videre/", "Søknadsfrist for kurs våren 2022 var 15. november 2021."),
    # MED3065: the source's words only
    ("med3065-second-year", "studier/med3065/", "Valgfag på 2. året på rad"),
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


# The page is "url", not "page": that would pull in Playwright's fixture of that name.
@pytest.mark.parametrize(("url", "text"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_source_text_is_shown_and_searchable(built_site, url, text):
    assert text in seed_text(), "the case must quote the seed"
    assert text in page_text(built_site, url)
    assert text.replace(" ", "") in search_text(built_site, url).replace(" ", "")


def test_bmj_review_has_its_publication_date(built_site):
    assert "(Published 25 March 2020)" in seed_text()
    work = next(w for w in load(DATA).resources.literature if w.id == "nagendran-2020")
    assert work.published.isoformat() == "2020-03-25"
    assert "Publisert 25. mars 2020." in page_text(built_site, "ressurser/")


def test_ai_versus_doctors_table_rows_are_the_seeds(built_site):
    works = load(DATA).resources.literature
    table = next(t for w in works for t in w.tables if t.caption.startswith("Table 1 |"))
    assert " ".join(table.columns) in seed_text()
    shown = page_text(built_site, "ressurser/")
    for row in table.rows:
        line = " ".join(cell for cell in row if cell)
        assert line in seed_text(), line
        assert line in shown, line
    assert len(table.rows) == 12


def _points(org_or_course, title: str) -> list[str]:
    return [b.text for sec in org_or_course.sections if sec.title == title for b in sec.points]


def test_every_uio_application_area_and_ntnu_videre_category(built_site):
    data = load(DATA)
    areas = _points(data.org["uio"], "AI på UiO: Bruksområder vi dekker i utdanningen og gjennom forskning")
    categories = _points(data.course["ntnu-videre"], "Kategorier")
    assert len(areas) == 10 and len(categories) == 4
    seed = seed_text()
    uio, videre = page_text(built_site, "organisasjoner/uio/"), page_text(built_site, "studier/ntnu-videre/")
    for text in areas:
        assert f" {text} " in f" {seed} " and text in uio, text
    for text in categories:
        assert f" {text} " in f" {seed} " and text in videre, text


def test_ntnu_figures_are_the_seeds(built_site):
    facts = {f.label: f.value for f in load(DATA).org["ntnu"].facts}
    seed, shown = seed_text(), page_text(built_site, "organisasjoner/ntnu/")
    for label, as_written in [("Studenter", "42000 studenter"), ("Ansatte", "8000 ansatte")]:
        assert as_written in seed and facts[label] == as_written.split()[0]
        assert f"{label} {facts[label]}" in shown
    assert "Hovedprofil i naturvitenskap og teknologi" in seed and facts["Hovedprofil"] == "Naturvitenskap og teknologi"
    assert "Tre universitetsbyer" in seed and "Universitetsbyer Tre" in shown


def test_med3065_has_no_invented_year(built_site):
    shown = page_text(built_site, "studier/med3065/")
    assert "på rad i 2022" not in shown and "Valgfag på 2. året på rad" in shown


def test_tone_frost_bathen_is_named_as_the_source_mostly_spells_her():
    seed = seed_text()
    assert seed.count("Tone Frost Bathen") == 1 and "Velkommen til Tone og Arvid!" in seed
    assert seed.count("Tonje Frost Bathen") == 1
    person = load(DATA).person["tone-frost-bathen"]
    assert person.name == "Tone Frost Bathen" and "Tonje Frost Bathen" in person.aliases


# (as written in the seed, as the site shows it, page): each a row of data/corrections.yml
CORRECTIONS = [
    ("Digital home exam (using Inspira)", "Digital home exam (using Inspera)", "studier/elmed219/"),
    (
        "fungerer medisinsk utstyr på samme fra lansering",
        "fungerer medisinsk utstyr på samme måte fra lansering",
        "ressurser/",
    ),
    ("digital skoloring", "digital skolering", "organisasjoner/dscience/"),
]


@pytest.mark.parametrize(("written", "shown", "url"), CORRECTIONS)
def test_corrections_are_documented(built_site, written, shown, url):
    rows = load(DATA).corrections.corrections
    assert any(r.source_text == written and r.site_text == shown for r in rows), "must be in data/corrections.yml"
    assert written in seed_text() and shown not in seed_text()
    assert shown in page_text(built_site, url)


def test_helse_vest_ikt_is_a_company():
    assert load(DATA).org["helse-vest-ikt"].kind.value == "company"


def test_meeting_welcome_and_closing_link_to_people_and_pages(built_site):
    meeting = load(DATA).meeting["2022-02-08"]
    sections = {section.title: section for section in meeting.sections}
    welcome, closing = sections["Sekretariatet 2022"], sections["Takk for idag!"]
    assert welcome.people[1] == "arvid-lundervold" and len(welcome.people) == 2
    assert [link.url for link in closing.links] == [
        "https://www.bigmed.no",
        "mailto:Vibeke.Binz.Vallevik@dnv.com",
        "https://ehealthresearch.no/kin/",
    ]
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
        assert "KINs egen klassifisering, ikke tekst fra kildene" in field["description"]
    assert "KINs egen klassifisering" in page_text(built_site, "om/apne-data/")
