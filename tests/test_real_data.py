"""The real data loads and holds what the seed says."""

from __future__ import annotations

from datetime import date

from conftest import DATA

from kin import load_dataset
from kin.schema import AgendaKind, Role


def test_role_counts_match_the_seed_lists():
    data = load_dataset(DATA)
    assert data.role_counts() == {Role.member: 81, Role.secretariat: 8, Role.observer: 41}
    assert len({p.id for p in data.people if p.role}) == 130


def test_guest_speakers_have_no_role():
    data = load_dataset(DATA)
    for pid in ("morten-daehlen", "maja-elisabeth-mikkelsen", "klas-pettersen"):
        assert data.person[pid].role is None


def test_one_record_per_person_with_aliases():
    data = load_dataset(DATA)
    anne = data.person["anne-siri-koksrud-bekkelund"]
    assert anne.role is Role.observer and "Anne Siri Bekkelund" in anne.aliases
    assert not any(p.name == "Anne Siri Bekkelund" for p in data.people)
    assert data.person["atle-bjornerud"].organisations == ["uio", "crai", "ous"]


def test_spelling_variants_normalised():
    data = load_dataset(DATA)
    directorate = [p for p in data.people if "helsedirektoratet" in p.organisations]
    assert {p.affiliation for p in directorate} == {"Hesledirektoratet", "Helse Direktoratet"}
    assert {p.name for p in data.people if p.affiliation == "E-helseforskning"} and all(
        p.organisations == ["nse"] for p in data.people if p.affiliation == "E-helseforskning"
    )


def test_meeting_one_2022():
    data = load_dataset(DATA)
    m = data.meeting["2022-02-08"]
    assert (m.number, m.date, m.start, m.end, m.online.platform) == (1, date(2022, 2, 8), "12:00", "15:30", "Teams")
    times = [item.time for item in m.agenda]
    assert times == ["12:00", "12:20", "12:30", "13:30", "13:45", "14:00", "14:45", "14:50", "15:10", "15:30"]
    assert [len(item.items) for item in m.agenda][2] == 4
    panel = next(i for i in m.agenda if i.kind is AgendaKind.panel)
    assert panel.moderator == "arvid-lundervold"
    assert [p.person for p in panel.panellists] == [
        "maja-elisabeth-mikkelsen",
        "pal-brekke",
        "klas-pettersen",
        "kerstin-bach",
    ]
    speakers = {pid for item in m.agenda for sub in [item, *item.items] for pid in sub.speakers}
    assert speakers == {
        "finn-henry-hansen",
        "arvid-lundervold",
        "alexander-s-lundervold",
        "trym-holter",
        "karl-oyvind-mikalsen",
        "robert-jenssen",
        "ishita-barua",
        "morten-daehlen",
        "anne-siri-koksrud-bekkelund",
    }
    assert m.next_meeting == "2022-04-05" and data.meeting["2022-04-05"].start is None


def test_courses_statements_and_resources():
    data = load_dataset(DATA)
    elmed = data.course["elmed219"]
    assert [(e.year, e.students) for e in elmed.enrolment] == [(2019, 19), (2020, 12), (2021, 34), (2022, 34)]
    assert elmed.ects == 6 and len(elmed.learning_outcomes.skills) == 2
    for code in ("ELMED219", "FYS-3032", "MED3065"):
        assert code in data.course_by_code
    assert data.course["ntnu-master-anvendt-helseteknologi"].status.value == "proposed"
    plan = next(st for st in data.statements if st.id == "innspill-nasjonal-implementeringsplan-for-ki")
    assert len(plan.points) == 5
    assert len(data.resources.reports[0].trends) == 6
    assert data.relay_stages() == []
