"""Site-relative URLs of every page, in one place (directory URLs)."""

HOME = ""
MEETINGS = "moter/"
PEOPLE = "nettverket/"
ORGANISATIONS = "organisasjoner/"
RELAY = "ki-stafetten/"
STATEMENTS = "uttalelser/"
RESOURCES = "ressurser/"
STUDIES = "studier/"
REGIONS = "studier/regioner/"
ABOUT = "om/"
ACCESSIBILITY = "om/tilgjengelighet/"
PRIVACY = "om/personvern/"


def meeting(meeting_id: str) -> str:
    return f"{MEETINGS}{meeting_id}/"


def person_anchor(person_id: str) -> str:
    return f"person-{person_id}"


def person(person_id: str) -> str:
    return f"{PEOPLE}#{person_anchor(person_id)}"


def organisation(org_id: str) -> str:
    return f"{ORGANISATIONS}{org_id}/"


def statement(statement_id: str) -> str:
    return f"{STATEMENTS}{statement_id}/"


def course(course_id: str) -> str:
    return f"{STUDIES}{course_id}/"
