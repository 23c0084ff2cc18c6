"""The course catalogue as CSV (UTF-8 with BOM, for Excel) and JSON downloads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

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


def catalogue_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([title for _, title in COLUMNS])
    for row in rows:
        writer.writerow(["" if row[key] is None else row[key] for key, _ in COLUMNS])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def write_catalogue(rows: list[dict], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "studietilbud.csv").write_bytes(catalogue_csv(rows))
    (directory / "studietilbud.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
