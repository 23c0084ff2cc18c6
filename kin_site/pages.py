"""The pages generated from data: one per meeting, statement, organisation and course.

Each page is rendered straight from the validated records with the same
templates the macros use. They do not go through the macros plugin: compiling
every generated page as a Jinja template of its own was most of the build's
overhead at scale, and their Markdown would only be macro calls anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from kin import Dataset, jsonld, labels, talks
from kin import routes as urls
from kin import schema as s
from kin.collections import BY_NAME
from kin_site import stash
from kin_site.render import Renderer

# Front matter of the generated files: the macros plugin leaves them alone; pages
# whose headings are all inside rendered HTML have no table of contents to show.
FRONT_MATTER = "---\nrender_macros: false\n---\n"
FRONT_MATTER_NO_TOC = "---\nrender_macros: false\nhide: [toc]\n---\n"


@dataclass(frozen=True)
class GeneratedPage:
    title: str
    render: Callable[[Renderer], str]  # Markdown of the page body
    front_matter: str = FRONT_MATTER
    description: str = ""  # plain text, for search engines and link previews
    jsonld: Callable[[Dataset, str], dict] | None = None  # (data, site_url) -> schema.org JSON-LD
    record: tuple[str, str] | None = None  # (collection, record id) the page shows: its "Foreslå endring"


# Sections of a page: an optional Markdown heading (with its anchor) and the template under it.
Sections = list[tuple[str | None, str]]

MEETING: Sections = [
    (None, "meeting_header.html"),
    ("## Agenda { #agenda }", "meeting_agenda.html"),
    ("## Referat { #referat }", "meeting_minutes.html"),
    ("## Avstemninger { #avstemninger }", "meeting_polls.html"),
    ("## Neste møte og innspill { #neste-mote }", "meeting_next.html"),
]
STATEMENT: Sections = [
    (None, "statement.html"),
    ("## Historikk { #historikk }", "statement_history.html"),
    ("## Siter denne uttalelsen { #siter }", "statement_cite.html"),
]


def _compose(r: Renderer, sections: Sections, **context: object) -> str:
    parts: list[str] = []
    for heading, template in sections:
        parts += [heading] if heading else []
        parts.append(stash.put(r.render(template, **context)))
    return "\n\n".join(parts) + "\n"


def event_sections(event: s.Event) -> Sections:
    """A network meeting has every section, saying so when one is empty; any
    other kind shows its programme and only the sections its data fills.
    Content from the slides (``sections``) follows the agenda where there is any."""
    header, agenda, minutes, polls, after = MEETING
    slides = [("## Fra møtet { #fra-motet }", "meeting_sections.html")] if event.sections else []
    if event.kind is s.EventKind.network_meeting:
        return [header, agenda, *slides, minutes, polls, after]
    shown = [header, ("## Program { #agenda }", "meeting_agenda.html"), *slides]
    shown += [minutes] if event.minutes else []
    shown += [polls] if event.polls else []
    shown += [after] if event.next_meeting or event.call_for_input else []
    return shown


def event_title(event: s.Event) -> str:
    if event.kind is s.EventKind.network_meeting:
        return f"{event.title}: {event.theme}"
    return f"{labels.label(event.kind)}: {event.title}"


def meeting(r: Renderer, meeting_id: str) -> str:
    event = r.site.data.meeting[meeting_id]
    by_item = {id(t.item): t for t in talks.talk_materials(r.site.data, meeting_id)}
    return _compose(r, event_sections(event), meeting=event, talk_of=lambda item: by_item[id(item)])


def talk(r: Renderer, meeting_id: str, page_id: str) -> str:
    found = [t for t in talks.talk_materials(r.site.data, meeting_id) if t.item.page == page_id]
    return _compose(r, [(None, "talk.html")], talk=found[0])


def statement(r: Renderer, statement_id: str) -> str:
    return _compose(r, STATEMENT, st=r.site.data.statement[statement_id])


def organisation(r: Renderer, org_id: str) -> str:
    return _compose(r, [(None, "organisation.html")], org=r.site.data.org[org_id])


def course(r: Renderer, course_id: str) -> str:
    return _compose(r, [(None, "course.html")], course=r.site.data.course[course_id])


def _page(
    title: str, render: Callable[[Renderer, str], str], record: tuple[str, str], toc: bool = True, **meta: object
) -> GeneratedPage:
    front_matter = FRONT_MATTER if toc else FRONT_MATTER_NO_TOC
    return GeneratedPage(title, lambda r: render(r, record[1]), front_matter, record=record, **meta)


def source_file(page: GeneratedPage | None, src_uri: str, docs: str = "docs") -> str:
    """The file a page is made from, relative to the repository ("Foreslå endring"): the
    record's data file for a page generated from a record, else the page's Markdown."""
    if page and page.record:
        collection, record_id = page.record
        return BY_NAME[collection].source_of(record_id)
    return f"{docs}/{src_uri}"


def event_description(event: s.Event) -> str:
    """One or two sentences for search engines: what, when, where."""
    when = labels.long_date(event.date)
    if event.start:
        when += f", kl. {event.start}{f'–{event.end}' if event.end else ''}"
    venue = event.venue and (event.venue.name or event.venue.city)
    where = ", ".join(filter(None, [venue, event.online and event.online.platform]))
    about = event.description if event.kind is s.EventKind.network_meeting else event.description or event.theme
    return " ".join(filter(None, [f"{event_title(event)}.", f"{when}{f', {where}' if where else ''}.", about]))


def generated_pages(data: Dataset) -> dict[str, GeneratedPage]:
    """Map of source path -> page, for every generated page."""
    pages: dict[str, GeneratedPage] = {}
    for m in data.meetings:
        about, ld = event_description(m), partial(jsonld.event, m, event_title(m))
        pages[f"{urls.meeting(m.id)[:-1]}.md"] = _page(
            event_title(m), meeting, ("meetings", m.id), description=about, jsonld=ld
        )
    for t in talks.talk_pages(data):  # a talk's slides live in its meeting's file
        title, about = t.item.title, f"{t.item.title}: lysbildene fra innlegget på {t.meeting.title}."
        pages[f"{urls.talk(t.meeting.id, t.item.page)[:-1]}.md"] = GeneratedPage(
            title,
            partial(talk, meeting_id=t.meeting.id, page_id=t.item.page),
            FRONT_MATTER_NO_TOC,
            about,
            record=("meetings", t.meeting.id),
        )
    for st in data.statements:
        pages[f"{urls.statement(st.id)[:-1]}.md"] = _page(
            st.title, statement, ("statements", st.id), description=" ".join(st.text)
        )
    for org in data.organisations:
        about = f"{org.name} i nettverket KIN – Kunstig intelligens i norsk helsetjeneste."
        pages[f"{urls.organisation(org.id)[:-1]}.md"] = _page(
            org.name, organisation, ("organisations", org.id), toc=False, description=about
        )
    for c in data.courses:
        title = f"{c.code} {c.title}" if c.code else c.title
        about = " ".join([f"{c.title} ({data.org[c.institution].name}).", *c.description])
        pages[f"{urls.course(c.id)[:-1]}.md"] = _page(
            title, course, ("courses", c.id), toc=False, description=about, jsonld=partial(jsonld.course, c)
        )
    return pages
