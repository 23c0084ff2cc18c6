"""Talk materials: what each agenda item of a meeting presented, and where it lives on the site.

Nothing here is a second list. Records already say where their content was
presented: ``source`` on sections and tables (meeting, speakers, slide),
``presented_at``/``presented_by`` on courses, course counts and reports,
``cited_at``/``cited_by`` on literature and ``origin`` on statements. Each such
attribution is matched to one agenda item of its meeting (``match``):

* the attribution's speakers must all be among the item's people (speakers,
  moderator, panellists); with no speakers, ``agenda_time`` picks the item;
* when several items still fit, the slide title decides (the item's
  ``slide_title`` or ``title``), then the most specific (nested) item.

An agenda item's own material (``points``, ``slides``, ``material_note``) is in
the meeting file; ``slides`` give the talk its own page (``routes.talk``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from kin import routes
from kin import schema as s
from kin.dataset import Dataset

# Agenda items whose material the meeting page lists (and says so when there is none).
TALK_KINDS = frozenset({s.AgendaKind.talk, s.AgendaKind.panel, s.AgendaKind.introduction})


@dataclass(frozen=True)
class Attribution:
    meeting: str
    speakers: tuple[str, ...] = ()
    slide: str | None = None
    agenda_time: str | None = None


@dataclass(frozen=True)
class Material:
    """A page (or a part of one) with content from a talk: «Studietilbud: ELMED219 …»."""

    kind: str  # Norwegian label of what it is
    title: str
    url: str  # site-relative, from kin.routes
    record: str  # "<collection>/<id>", for tests and open data

    @property
    def label(self) -> str:
        return f"{self.kind}: {self.title}"


@dataclass
class TalkMaterial:
    """One agenda item with everything the site has from it."""

    meeting: s.Event
    item: s.AgendaItem
    materials: list[Material] = field(default_factory=list)

    @property
    def page_url(self) -> str | None:
        return routes.talk(self.meeting.id, self.item.page) if self.item.page else None

    @property
    def has_material(self) -> bool:
        return bool(self.materials or self.item.points or self.item.slides)


def walk(
    items: list[s.AgendaItem], parent: s.AgendaItem | None = None
) -> Iterator[tuple[s.AgendaItem, s.AgendaItem | None]]:
    """Every agenda item with the block it belongs to (None at the top level)."""
    for item in items:
        yield item, parent
        yield from walk(item.items, item)


def people_of(item: s.AgendaItem) -> set[str]:
    return {*item.speakers, *([item.moderator] if item.moderator else []), *(p.person for p in item.panellists)}


def match(event: s.Event, att: Attribution) -> s.AgendaItem | None:
    """The agenda item an attribution points at, or None when none (or no single one) fits.
    Items where the attribution's people are speakers come before those they moderate or sit on."""
    found = _candidates(event, att, lambda item: set(item.speakers)) or _candidates(event, att, people_of)
    if len(found) > 1 and att.slide:
        titled = [(i, p) for i, p in found if att.slide in (i.slide_title, i.title)]
        found = titled or found
    if len(found) > 1:  # a block and a talk inside it: the talk
        nested = [(i, p) for i, p in found if p is not None]
        found = nested if len(nested) == 1 else found
    return found[0][0] if len(found) == 1 else None


def _candidates(event: s.Event, att: Attribution, people) -> list[tuple[s.AgendaItem, s.AgendaItem | None]]:
    """Items that fit an attribution's speakers (as ``people`` of an item) and agenda time."""
    found = []
    for item, parent in walk(event.agenda):
        if att.speakers and not set(att.speakers) <= people(item):
            continue
        if not att.speakers and not att.agenda_time:
            continue
        if att.agenda_time and att.agenda_time not in (item.time, parent and parent.time):
            continue
        if not att.speakers and parent and parent.time == att.agenda_time:
            continue  # a time alone names the block, not one talk in it
        found.append((item, parent))
    return found


def _sources(blocks: list[s.Section]) -> Iterator[s.Source]:
    for sec in blocks:
        if sec.source:
            yield sec.source
        if sec.table and sec.table.source:
            yield sec.table.source
        yield from _sources(sec.sections)


def _from_source(src: s.Source) -> Attribution:
    return Attribution(src.meeting, tuple(src.speakers), src.slide)


def attributions(data: Dataset) -> Iterator[tuple[Material, Attribution]]:
    """Every (page, attribution) pair the data carries."""
    for m in data.meetings:
        for number, poll in enumerate(m.polls, start=1):
            if poll.agenda_time:
                page = Material("Avstemning", poll.question, routes.poll(m.id, number), f"polls/{m.id}/{number}")
                yield page, Attribution(m.id, agenda_time=poll.agenda_time)
    for c in data.courses:
        page = Material(
            "Studietilbud", f"{c.code} {c.title}" if c.code else c.title, routes.course(c.id), f"courses/{c.id}"
        )
        if c.presented_at:
            yield page, Attribution(c.presented_at, tuple(c.presented_by))
        for src in _sources(c.sections):
            yield page, _from_source(src)
    for cc in data.course_counts:
        if cc.presented_at:
            page = Material(
                "Antall emner", cc.title, routes.course_count(cc.institution), f"course-counts/{cc.institution}"
            )
            yield page, Attribution(cc.presented_at, tuple(cc.presented_by))
    for org in data.organisations:
        page = Material("Organisasjon", org.name, routes.organisation(org.id), f"organisations/{org.id}")
        for src in _sources(org.sections):
            yield page, _from_source(src)
    for st in data.statements:
        page = Material("Uttalelse", st.title, routes.statement(st.id), f"statements/{st.id}")
        yield page, Attribution(st.origin.meeting, tuple(st.origin.speakers), agenda_time=st.origin.agenda_time)
    for r in data.resources.reports:
        page = Material("Rapport", r.title, routes.report(r.id), f"reports/{r.id}")
        if r.presented_at:
            yield page, Attribution(r.presented_at, (r.presented_by,) if r.presented_by else ())
        for src in _sources(r.sections):
            yield page, _from_source(src)
    for w in data.resources.literature:
        page = Material("Litteratur", w.title, routes.work(w.id), f"literature/{w.id}")
        if w.cited_at:
            yield page, Attribution(w.cited_at, (w.cited_by,) if w.cited_by else ())
        for t in w.tables:
            if t.source:
                yield page, _from_source(t.source)


_by_meeting: list[tuple[Dataset, dict[str, list[tuple[Material, Attribution]]]]] = []  # last dataset only


def _attributions_of(data: Dataset, meeting_id: str) -> list[tuple[Material, Attribution]]:
    """The attributions naming one meeting, grouped once per dataset (a build renders every meeting)."""
    if not _by_meeting or _by_meeting[0][0] is not data:
        grouped: dict[str, list[tuple[Material, Attribution]]] = {}
        for page, att in attributions(data):
            grouped.setdefault(att.meeting, []).append((page, att))
        _by_meeting[:] = [(data, grouped)]
    return _by_meeting[0][1].get(meeting_id, [])


def talk_materials(data: Dataset, meeting_id: str) -> list[TalkMaterial]:
    """Every agenda item of a meeting, in order, with the pages that have its content (each page once)."""
    event = data.meeting[meeting_id]
    talks = {id(item): TalkMaterial(event, item) for item, _ in walk(event.agenda)}
    for page, att in _attributions_of(data, meeting_id):
        item = match(event, att)
        if item is not None and page not in talks[id(item)].materials:
            talks[id(item)].materials.append(page)
    return list(talks.values())


_by_record: list[tuple[Dataset, dict[str, list[TalkMaterial]]]] = []  # last dataset only


def talks_of(data: Dataset, record: str) -> list[TalkMaterial]:
    """The agenda items whose material includes a record (``"courses/elmed219"``), in meeting order."""
    if not _by_record or _by_record[0][0] is not data:
        index: dict[str, list[TalkMaterial]] = {}
        for m in data.meetings:
            for t in talk_materials(data, m.id):
                for page in t.materials:
                    index.setdefault(page.record, []).append(t)
        _by_record[:] = [(data, index)]
    return _by_record[0][1].get(record, [])


def talk_page_of(data: Dataset, src: s.Source) -> str | None:
    """The own page of the talk a ``source`` names, if it has one."""
    item = match(data.meeting[src.meeting], _from_source(src))
    return routes.talk(src.meeting, item.page) if item is not None and item.page else None


def unmatched(data: Dataset) -> list[tuple[Material, Attribution]]:
    """Attributions that name a meeting but no single agenda item of it (a data error)."""
    return [(p, a) for p, a in attributions(data) if match(data.meeting[a.meeting], a) is None]


def talk_pages(data: Dataset) -> list[TalkMaterial]:
    """The talks with a page of their own, over all meetings."""
    return [t for m in data.meetings for t in talk_materials(data, m.id) if t.item.page]


# --- Open data: one record per agenda item with material (kin.opendata "talks") ---------


class MaterialRecord(BaseModel):
    kind: str = Field(description="Hva siden er, for eksempel «Studietilbud» eller «Organisasjon»")
    title: str = Field(description="Sidens tittel")
    url: str = Field(description="Adressen, relativ til nettstedets rot")


class TalkRecord(BaseModel):
    """Et programpunkt med materiale: sidene med innhold fra det, og lysbildene som er gjengitt."""

    meeting: str = Field(description="Møtets id")
    time: str | None = Field(None, description="Klokkeslettet for punktet eller bolken det hører til")
    kind: s.AgendaKind = Field(description="Type punkt")
    title: str = Field(description="Tittelen i programmet")
    slide_title: str | None = Field(None, description="Tittelen på innleggets egne lysbilder")
    speakers: list[str] = Field(default_factory=list, description="Innledernes id")
    url: str = Field(description="Innleggets egen side, ellers møtets side (relativ til nettstedets rot)")
    materials: list[MaterialRecord] = Field(default_factory=list, description="Sidene med innhold fra punktet")
    points: list[s.Bullet] = Field(default_factory=list, description="Punkter fra lysbildene, vist under punktet")
    slides: list[s.Section] = Field(default_factory=list, description="Lysbildene, i rekkefølge")
    material_note: str | None = Field(None, description="Hva kilden har av lysbilder som ikke er gjengitt")


def records(data: Dataset) -> list[TalkRecord]:
    """Every agenda item with material, over all meetings, in agenda order."""
    out = []
    for m in data.meetings:
        for (item, parent), t in zip(walk(m.agenda), talk_materials(data, m.id), strict=True):
            if not (t.has_material or item.material_note):
                continue
            out.append(
                TalkRecord(
                    meeting=m.id,
                    time=item.time or (parent.time if parent else None),
                    kind=item.kind,
                    title=item.title,
                    slide_title=item.slide_title,
                    speakers=item.speakers,
                    url=t.page_url or routes.meeting(m.id),
                    materials=[MaterialRecord(kind=x.kind, title=x.title, url=x.url) for x in t.materials],
                    points=item.points,
                    slides=item.slides,
                    material_note=item.material_note,
                )
            )
    return out
