"""The pages generated from data: one per meeting, statement, organisation and course.

Each page is rendered straight from the validated records with the same
templates the macros use. They do not go through the macros plugin: compiling
every generated page as a Jinja template of its own was most of the build's
overhead at scale, and their Markdown would only be macro calls anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kin import Dataset
from kin import routes as urls
from kin_site.render import Renderer

# Front matter for the generated files: tells the macros plugin to leave them alone.
SKIP_MACROS = "---\nrender_macros: false\n---\n"


@dataclass(frozen=True)
class GeneratedPage:
    title: str
    render: Callable[[Renderer], str]  # Markdown of the page body


def _join(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def meeting(r: Renderer, meeting_id: str) -> str:
    m = r.site.data.meeting[meeting_id]
    return _join(
        r.render("meeting_header.html", meeting=m),
        "## Agenda { #agenda }",
        r.render("meeting_agenda.html", meeting=m),
        "## Referat { #referat }",
        r.render("meeting_minutes.html", meeting=m),
        "## Avstemninger { #avstemninger }",
        r.render("meeting_polls.html", meeting=m),
        "## Neste møte og innspill { #neste-mote }",
        r.render("meeting_next.html", meeting=m),
    )


def statement(r: Renderer, statement_id: str) -> str:
    st = r.site.data.statement[statement_id]
    return _join(
        r.render("statement.html", st=st),
        "## Historikk { #historikk }",
        r.render("statement_history.html", st=st),
        "## Siter denne uttalelsen { #siter }",
        r.render("statement_cite.html", st=st),
    )


def organisation(r: Renderer, org_id: str) -> str:
    return _join(r.render("organisation.html", org=r.site.data.org[org_id]))


def course(r: Renderer, course_id: str) -> str:
    return _join(r.render("course.html", course=r.site.data.course[course_id]))


def _page(title: str, render: Callable[[Renderer, str], str], record_id: str) -> GeneratedPage:
    return GeneratedPage(title, lambda r: render(r, record_id))


def generated_pages(data: Dataset) -> dict[str, GeneratedPage]:
    """Map of source path -> page, for every generated page."""
    pages: dict[str, GeneratedPage] = {}
    for m in data.meetings:
        pages[f"{urls.meeting(m.id)[:-1]}.md"] = _page(f"{m.title}: {m.theme}", meeting, m.id)
    for st in data.statements:
        pages[f"{urls.statement(st.id)[:-1]}.md"] = _page(st.title, statement, st.id)
    for org in data.organisations:
        pages[f"{urls.organisation(org.id)[:-1]}.md"] = _page(org.name, organisation, org.id)
    for c in data.courses:
        title = f"{c.code} {c.title}" if c.code else c.title
        pages[f"{urls.course(c.id)[:-1]}.md"] = _page(title, course, c.id)
    return pages
