"""Markdown skeletons of the pages generated from data (one per record).

Only static Norwegian headings and macro calls live here; all data is filled
in by the macros. Ids are validated as ``[a-z0-9-]`` so they are safe to quote.
"""

from __future__ import annotations

from kin import Dataset
from kin import routes as urls


def meeting(meeting_id: str) -> str:
    m = f'"{meeting_id}"'
    return f"""{{{{ meeting_header({m}) }}}}

## Agenda {{ #agenda }}

{{{{ meeting_agenda({m}) }}}}

## Referat {{ #referat }}

{{{{ meeting_minutes({m}) }}}}

## Avstemninger {{ #avstemninger }}

{{{{ meeting_polls({m}) }}}}

## Neste møte og innspill {{ #neste-mote }}

{{{{ meeting_next({m}) }}}}
"""


def statement(statement_id: str) -> str:
    st = f'"{statement_id}"'
    return f"""{{{{ statement_page({st}) }}}}

## Historikk {{ #historikk }}

{{{{ statement_history({st}) }}}}

## Siter denne uttalelsen {{ #siter }}

{{{{ statement_cite({st}) }}}}
"""


def organisation(org_id: str) -> str:
    return f'{{{{ organisation_page("{org_id}") }}}}\n'


def course(course_id: str) -> str:
    return f'{{{{ course_page("{course_id}") }}}}\n'


def generated_pages(data: Dataset) -> dict[str, tuple[str, str]]:
    """Map of source path -> (title, markdown) for every generated page."""
    pages: dict[str, tuple[str, str]] = {}
    for m in data.meetings:
        pages[f"{urls.meeting(m.id)[:-1]}.md"] = (f"{m.title}: {m.theme}", meeting(m.id))
    for st in data.statements:
        pages[f"{urls.statement(st.id)[:-1]}.md"] = (st.title, statement(st.id))
    for org in data.organisations:
        pages[f"{urls.organisation(org.id)[:-1]}.md"] = (org.name, organisation(org.id))
    for c in data.courses:
        title = f"{c.code} {c.title}" if c.code else c.title
        pages[f"{urls.course(c.id)[:-1]}.md"] = (title, course(c.id))
    return pages
