"""schema.org JSON-LD for search engines and link previews, from the validated data.

``organization``, ``event`` and ``course`` give plain dicts; ``script_json``
turns one into text that is safe inside ``<script type="application/ld+json">``.
Only facts from the data are stated: a property the data lacks is left out.
"""

from __future__ import annotations

import json
from datetime import date

from kin import localtime, routes
from kin import schema as s
from kin.dataset import Dataset

CONTEXT = "https://schema.org"

ATTENDANCE = {
    s.MeetingFormat.digital: "https://schema.org/OnlineEventAttendanceMode",
    s.MeetingFormat.physical: "https://schema.org/OfflineEventAttendanceMode",
    s.MeetingFormat.hybrid: "https://schema.org/MixedEventAttendanceMode",
}
# Kinds of events as schema.org types; the rest are plain Events.
EVENT_TYPE = {
    s.EventKind.seminar: "EducationEvent",
    s.EventKind.webinar: "EducationEvent",
    s.EventKind.workshop: "EducationEvent",
}
STATUS = {
    s.EventStatus.confirmed: "https://schema.org/EventScheduled",
    s.EventStatus.cancelled: "https://schema.org/EventCancelled",
}
COURSE_MODE = {s.CourseFormat.campus: "onsite", s.CourseFormat.online: "online", s.CourseFormat.hybrid: "blended"}

# JSON inside a <script> element: nothing may close the element or start markup,
# and U+2028/2029 break older JavaScript parsers. All stay valid JSON escapes.
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(value: object) -> str:
    """JSON text that can stand inside a <script> element as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _kin(data: Dataset, site_url: str) -> dict:
    """KIN as organiser or publisher: a reference to the full Organization."""
    return {"@type": "Organization", "@id": f"{site_url}#kin", "name": data.network.name, "url": site_url}


def organization(data: Dataset, site_url: str) -> dict:
    net = data.network
    org = {"@context": CONTEXT, **_kin(data, site_url), "alternateName": net.short_name}
    if net.purpose:
        org["description"] = net.purpose[0]
    if net.website:
        org["sameAs"] = [net.website]
    return org


def _when(day: date, clock: str | None) -> str:
    return localtime.at(day, clock).isoformat() if clock else day.isoformat()


def _org(org: s.Organisation, site_url: str) -> dict:
    kind = "CollegeOrUniversity" if org.kind is s.OrgKind.university else "Organization"
    return {"@type": kind, "name": org.name, "url": site_url + routes.organisation(org.id)}


def _attendance(e: s.Event) -> str | None:
    if e.format:
        return ATTENDANCE[e.format]
    if e.venue or e.online:  # what the data says about where, when it gives no format
        return ATTENDANCE[
            s.MeetingFormat.hybrid
            if e.venue and e.online
            else s.MeetingFormat.physical
            if e.venue
            else s.MeetingFormat.digital
        ]
    return None


def _locations(e: s.Event) -> list[dict]:
    places = []
    if e.venue:
        place = {"@type": "Place", "name": e.venue.name or e.venue.city or e.venue.address}
        address = {"streetAddress": e.venue.address, "addressLocality": e.venue.city}
        if any(address.values()):
            place["address"] = {"@type": "PostalAddress", **{k: v for k, v in address.items() if v}}
        places.append(place)
    if e.online:
        places.append({"@type": "VirtualLocation", "name": e.online.platform, "url": e.online.join_url})
    elif e.format is s.MeetingFormat.digital:
        places.append({"@type": "VirtualLocation"})
    return [{k: v for k, v in p.items() if v is not None} for p in places]


def event(e: s.Event, name: str, data: Dataset, site_url: str) -> dict:
    """An event of any kind, ``name`` as its page calls it."""
    doc = {
        "@context": CONTEXT,
        "@type": EVENT_TYPE.get(e.kind, "Event"),
        "name": name,
        "url": site_url + routes.meeting(e.id),
        "startDate": _when(e.date, e.start),
    }
    if e.end_date or e.end:
        doc["endDate"] = _when(e.end_date or e.date, e.end)
    if about := e.description or e.theme:
        doc["description"] = about
    if e.status in STATUS:
        doc["eventStatus"] = STATUS[e.status]
    if mode := _attendance(e):
        doc["eventAttendanceMode"] = mode
    if places := _locations(e):
        doc["location"] = places[0] if len(places) == 1 else places
    organisers = [_org(data.org[o], site_url) for o in e.organisers]
    if not e.organisers or e.co_organisers:  # no organisers given means KIN alone
        organisers = [_kin(data, site_url), *organisers, *(_org(data.org[o], site_url) for o in e.co_organisers)]
    doc["organizer"] = organisers[0] if len(organisers) == 1 else organisers
    return doc


def course(c: s.Course, data: Dataset, site_url: str) -> dict:
    doc = {
        "@context": CONTEXT,
        "@type": "Course",
        "name": c.title,
        "url": site_url + routes.course(c.id),
        "provider": _org(data.org[c.institution], site_url),
    }
    if c.code:
        doc["courseCode"] = c.code
    if c.description:
        doc["description"] = " ".join(c.description)
    if c.title_en:
        doc["alternateName"] = c.title_en
    if c.language:
        doc["inLanguage"] = c.language.value
    if c.ects is not None:
        doc["numberOfCredits"] = {"@type": "StructuredValue", "value": c.ects, "unitText": "ECTS"}
    if c.price_nok is not None:
        doc["offers"] = {"@type": "Offer", "price": c.price_nok, "priceCurrency": "NOK"}
    if c.format:
        doc["hasCourseInstance"] = {"@type": "CourseInstance", "courseMode": COURSE_MODE[c.format]}
    if c.url:
        doc["sameAs"] = [c.url]
    return doc
