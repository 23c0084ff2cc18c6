"""The course catalogue as flat, labelled rows and its downloads (CSV and JSON).

The rows feed the catalogue page's table and compare view as well as the
downloads, so all of them show the same values.
"""

from __future__ import annotations

import csv
import io
import json

from kin import labels, routes
from kin.dataset import Dataset

# Download columns: row key and Norwegian heading, in order.
COLUMNS = [
    ("code", "Kode"),
    ("title", "Tittel"),
    ("kind", "Type"),
    ("institution", "Institusjon"),
    ("region", "Region"),
    ("level", "Nivå"),
    ("ects", "Studiepoeng"),
    ("price", "Pris"),
    ("language", "Språk"),
    ("format", "Form"),
    ("term", "Tid"),
    ("target_group", "Målgruppe"),
    ("status", "Status"),
    ("url", "Nettside"),
    ("id", "Id"),
]


def course_rows(data: Dataset) -> list[dict[str, object]]:
    """One flat, labelled record per course."""
    rows = []
    for c in data.courses:
        org, lo = data.org[c.institution], c.learning_outcomes
        price = None if c.price_nok is None else ("Gratis" if c.price_nok == 0 else f"{c.price_nok} kr")
        rows.append(
            {
                "id": c.id,
                "code": c.code,
                "title": c.title,
                "kind": labels.label(c.kind),
                "institution": org.name,
                "region": labels.label(org.region) if org.region else None,
                "level": labels.label(c.level) if c.level else None,
                "ects": c.ects,
                "price": price,
                "language": labels.label(c.language) if c.language else None,
                "format": labels.label(c.format) if c.format else None,
                "term": c.term,
                "target_group": c.target_group,
                "status": labels.label(c.status),
                "description": " ".join(c.description) or None,
                "knowledge": lo.knowledge if lo else [],
                "skills": lo.skills if lo else [],
                "general": lo.general if lo else [],
                "url": c.url,
            }
        )
    return rows


def catalogue_csv(rows: list[dict[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([title for _, title in COLUMNS])
    for row in rows:
        writer.writerow(["" if row[key] is None else row[key] for key, _ in COLUMNS])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def catalogue_json(rows: list[dict[str, object]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=2).encode()


def catalogue_files(data: Dataset) -> dict[str, bytes]:
    """Site-relative path -> content of every catalogue download."""
    rows = course_rows(data)
    return {routes.CATALOGUE_CSV: catalogue_csv(rows), routes.CATALOGUE_JSON: catalogue_json(rows)}
