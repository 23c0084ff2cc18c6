"""Site-relative URLs of every page and download, in one place.

Pages use directory URLs. Both the exports (kin.export) and the site (kin_site)
build links from here, so a page can move without breaking a feed or calendar.
"""

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
OPEN_DATA = "om/apne-data/"
ADMIN = "admin/"  # the web editor (Decap CMS)

CALENDAR = "kin.ics"
# Feeds live at the site root: Material's JS fetches "sitemap.xml" next to every
# <link rel="alternate"> in the head, which only exists at the root (zensical#908).
FEED_STATEMENTS = "uttalelser.xml"
FEED_MEETINGS = "moter.xml"

# Downloads of the course catalogue (kin.catalogue).
CATALOGUE_CSV = "studier/studietilbud.csv"
CATALOGUE_JSON = "studier/studietilbud.json"
CATALOGUE_XLSX = "studier/studietilbud.xlsx"
# Frictionless Data Package: describes every download (kin.opendata).
DATAPACKAGE = "datapackage.json"


def meeting(meeting_id: str) -> str:
    return f"{MEETINGS}{meeting_id}/"


def meeting_calendar(meeting_id: str) -> str:
    return f"{MEETINGS}{meeting_id}.ics"


def talk(meeting_id: str, page_id: str) -> str:
    """A talk's own page, under its meeting's (kin.talks)."""
    return f"{MEETINGS}{meeting_id}/{page_id}/"


def poll(meeting_id: str, number: int) -> str:
    """A poll on its meeting's page (numbered from 1, in the meeting's order)."""
    return f"{MEETINGS}{meeting_id}/#avstemning-{number}"


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


def admin_entry(collection: str, entry: str) -> str:
    """A record in the web editor: Decap's route for an entry of a folder collection (its
    slug, the file name) or of a file collection (the file's name in the configuration)."""
    return f"{ADMIN}#/collections/{collection}/entries/{entry}"


def report(report_id: str) -> str:
    return f"{RESOURCES}#rapport-{report_id}"


def work(work_id: str) -> str:
    return f"{RESOURCES}#lit-{work_id}"


def course_count(institution_id: str) -> str:
    return f"{REGIONS}#emner-{institution_id}"
