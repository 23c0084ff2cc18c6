"""HTML fragments from validated data, through an autoescaping Jinja environment.

Data is text, never HTML: every value is escaped. Fragments are block-level
HTML so Python-Markdown passes them through without reading Markdown syntax
inside them (a ``[x](javascript:...)`` in data stays literal text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from kin import Dataset, catalogue, config, labels, opendata, talks
from kin import routes as urls
from kin import schema as s
from kin.collate import sorted_nb
from kin.collections import BY_NAME
from kin_site import charts

TEMPLATES = Path(__file__).parent / "templates"
# Compiled templates, keyed by name and source checksum, in the user's temp dir;
# saves compiling every template again on each build (about 0.2 s of 1.5 s).
BYTECODE_CACHE = FileSystemBytecodeCache()
NB_ORDER = str.maketrans("æøå", "{|}")  # Norwegian letters after z, in their order


def relative(target: str, current: str) -> str:
    """URL of ``target`` (site-relative, e.g. 'moter/x/#a') as seen from page ``current``.

    Plain string work instead of ``posixpath.relpath``, which was a tenth of the
    rendering time: it runs for every link on every page.
    """
    path, _, fragment = target.partition("#")
    base = current if current.endswith("/") or not current else current.rpartition("/")[0] + "/"
    base_parts = [part for part in base.split("/") if part]
    target_parts = path.split("/")
    common = 0
    while common < min(len(base_parts), len(target_parts) - 1) and base_parts[common] == target_parts[common]:
        common += 1
    rel = "../" * (len(base_parts) - common) + "/".join(target_parts[common:])
    return (rel or "./") + (f"#{fragment}" if fragment else "")


_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "ö": "o", "ä": "a", "ü": "u"})


def slug(text: str) -> str:
    """'Gemini center MIRA: Medical Imaging' -> 'gemini-center-mira-medical-imaging' (for heading ids)."""
    words = re.findall(r"[a-z0-9]+", text.lower().translate(_ASCII))
    return "-".join(words[:8]) or "del"


@dataclass
class Talk:
    meeting: s.Meeting
    item: s.AgendaItem
    role: str  # "speaker", "moderator" or "panellist"


@dataclass(frozen=True)
class RegionOffer:
    """What one region offers; region None collects institutions without a region."""

    region: s.Region | None
    courses: list[s.Course]
    institutions: list[s.Organisation]
    counts: list[s.CourseCount]

    @property
    def anchor(self) -> str:
        return self.region.value if self.region else "uten-region"


class Site:
    """Derived views of the dataset that several pages share."""

    def __init__(self, data: Dataset, today: date) -> None:
        self.data = data
        self.today = today

    @cached_property
    def talks_by_person(self) -> dict[str, list[Talk]]:
        out: dict[str, list[Talk]] = {}
        for meeting in self.data.meetings:
            for item in walk_agenda(meeting.agenda):
                for pid in item.speakers:
                    out.setdefault(pid, []).append(Talk(meeting, item, "speaker"))
                if item.moderator:
                    out.setdefault(item.moderator, []).append(Talk(meeting, item, "moderator"))
                for panellist in item.panellists:
                    out.setdefault(panellist.person, []).append(Talk(meeting, item, "panellist"))
        return out

    @cached_property
    def people_by_org(self) -> dict[str, list[s.Person]]:
        out: dict[str, list[s.Person]] = {}
        for person in self.data.people:
            for org in person.organisations:
                out.setdefault(org, []).append(person)
        return out

    def regions_of(self, person: s.Person) -> list[s.Region]:
        found = [self.data.org[o].region for o in person.organisations]
        return list(dict.fromkeys(r for r in found if r))

    def role_rows(self) -> list[tuple[str, int]]:
        return [(labels.ROLE_PLURAL[r], n) for r, n in self.data.role_counts().items()]

    def region_rows(self) -> list[tuple[str, int]]:
        """People with a role per health region (a person counts once per region)."""
        counts: dict[s.Region | None, int] = {}
        for person in self.data.people:
            if person.role:
                for region in self.regions_of(person) or [None]:
                    counts[region] = counts.get(region, 0) + 1
        order = [*s.Region, None]
        return [(labels.label(r), counts[r]) for r in order if r in counts]

    def org_kind_rows(self) -> list[tuple[str, int]]:
        """People with a role per organisation kind (once per kind)."""
        counts: dict[s.OrgKind, int] = {}
        for person in self.data.people:
            if person.role:
                for kind in {self.data.org[o].kind for o in person.organisations}:
                    counts[kind] = counts.get(kind, 0) + 1
        return [(labels.label(k), counts[k]) for k in s.OrgKind if k in counts]

    @cached_property
    def course_rows(self) -> list[dict[str, object]]:
        """The catalogue's flat rows: its table, compare view and downloads."""
        return catalogue.course_rows(self.data)

    @cached_property
    def catalogue_filters(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """The catalogue's choice filters as (key, label, options): each option is (value, label)
        for a value some course has, in Norwegian alphabetical order of the label."""

        def options(pairs) -> list[tuple[str, str]]:
            found = {value: text for value, text in pairs if value}
            return sorted(found.items(), key=lambda item: (item[1].casefold().translate(NB_ORDER), item[0]))

        courses, org = self.data.courses, self.data.org
        region = [(r.value, labels.label(r)) for r in map(self.course_region, courses) if r]
        institution = [(c.institution, org[c.institution].short_name or org[c.institution].name) for c in courses]
        enums = {key: [(v.value, labels.label(v)) for c in courses if (v := getattr(c, key))] for key in (
            "level", "format", "language", "status")}  # fmt: skip
        return [
            ("region", "Region", options(region)),
            ("institution", "Institusjon", options(institution)),
            ("level", "Nivå", options(enums["level"])),
            ("format", "Form", options(enums["format"])),
            ("language", "Språk", options(enums["language"])),
            ("status", "Status", options(enums["status"])),
        ]

    def next_meeting(self) -> s.Event | None:
        """The next event that is not cancelled (the home page's "next event")."""
        upcoming = self.data.upcoming_meetings(self.today)
        return next((m for m in upcoming if m.status is not s.EventStatus.cancelled), None)

    @cached_property
    def events_by_org(self) -> dict[str, list[s.Event]]:
        """Events each organisation organises or co-organises, latest first."""
        out: dict[str, list[s.Event]] = {}
        for event in reversed(self.data.meetings):
            for org in dict.fromkeys([*event.organisers, *event.co_organisers]):
                out.setdefault(org, []).append(event)
        return out

    def latest_statements(self, count: int = 3) -> list[s.Statement]:
        dated = sorted(self.data.statements, key=lambda st: st.date or date.min, reverse=True)
        return dated[:count]

    def course_region(self, course: s.Course) -> s.Region | None:
        return self.data.org[course.institution].region

    @cached_property
    def region_offers(self) -> list[RegionOffer]:
        """Courses and course counts per region, in the order of the Region enum."""
        offers = []
        for region in [*s.Region, None]:
            courses = [c for c in self.data.courses if self.course_region(c) == region]
            counts = [cc for cc in self.data.course_counts if self.data.org[cc.institution].region == region]
            if courses or counts:
                org_ids = dict.fromkeys(c.institution for c in courses)
                offers.append(RegionOffer(region, courses, [self.data.org[i] for i in org_ids], counts))
        return offers


def walk_agenda(items: list[s.AgendaItem]):
    for item in items:
        yield item
        yield from walk_agenda(item.items)


class Renderer:
    """Renders templates for one build; ``page_url`` is set per page. ``serving``: under
    ``serve`` (local preview, web editor), records also link to their entry in the web editor."""

    def __init__(self, site: Site, serving: bool = False) -> None:
        self.site = site
        self.page_url = ""
        self.repository = config.repository()
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=BYTECODE_CACHE,
        )
        self.env.globals.update(
            data=site.data,
            site=site,
            url=self.url,
            urls=urls,
            edit_url=self.edit_url,
            serving=serving,
            label=labels.label,
            MISSING=labels.MISSING,
            ROLE_PLURAL=labels.ROLE_PLURAL,
            KIND_PLURAL=labels.KIND_PLURAL,
            AUDIENCE_SENTENCE=labels.AUDIENCE_SENTENCE,
            charts=charts,
            opendata=opendata,
            s=s,
            TALK_KINDS=talks.TALK_KINDS,
            talks_of=lambda record: talks.talks_of(site.data, record),
            talk_page_of=lambda src: talks.talk_page_of(site.data, src),
        )
        self.env.filters.update(
            label=labels.label,
            long_date=labels.long_date,
            number=labels.number,
            zip=lambda a, b: list(zip(a, b, strict=False)),
            extract=lambda key, mapping: mapping[key],
            slug=slug,
            # Norwegian alphabetical order (æ, ø, å after z); Jinja's sort puts å first.
            sort_nb=lambda items, attribute: sorted_nb(items, key=lambda item: getattr(item, attribute)),
        )

    def url(self, target: str) -> str:
        return relative(target, self.page_url)

    def edit_url(self, collection: str, record_id: str) -> str:
        """A record's data file in GitHub's web editor ("Foreslå endring")."""
        return self.repository.edit_url(BY_NAME[collection].source_of(record_id))

    def render(self, template: str, **context: object) -> Markup:
        html = self.env.get_template(template).render(**context)
        # One block with no blank lines: Markdown treats it as raw HTML.
        return Markup("\n".join(line for line in html.splitlines() if line.strip()))
