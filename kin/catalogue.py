"""The course catalogue as flat, labelled rows and its downloads: CSV, XLSX and JSON.

The rows feed the catalogue page's table and compare view as well as the
downloads, so all of them show the same values.

Spreadsheets: the CSV is written for a Norwegian spreadsheet (Excel or
LibreOffice with a Norwegian locale): UTF-8 with a byte-order mark, semicolon
separators and decimal commas, so 7,5 study points stay a number (with commas
and points, 7.5 turns into the date 7 May). No ``sep=`` line: Excel then stops
reading the byte-order mark, and pandas and Frictionless would take it for the
header. Python reads it with ``csv.reader(f, delimiter=";")`` and pandas with
``read_csv(path, sep=";", decimal=",")``. The XLSX has typed cells. Text that a
spreadsheet would run as a formula gets a leading apostrophe (OWASP, CSV
injection); in the XLSX every text cell is a string cell, never a formula.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from datetime import datetime

from pydantic import BaseModel, Field, TypeAdapter

from kin import labels, routes
from kin.dataset import Dataset


class CourseRow(BaseModel):
    """One course of the catalogue, with Norwegian labels for coded values."""

    id: str
    code: str | None
    title: str
    kind: str = Field(description="Type tilbud")
    institution: str
    region: str | None = Field(description="Helseregion")
    level: str | None
    ects: float | None = Field(description="Studiepoeng")
    price: str | None = Field(description="Pris som tekst: «Gratis» eller «24000 kr»")
    price_nok: int | None = Field(description="Pris i kroner; 0 er gratis")
    language: str | None
    format: str | None = Field(description="Undervisningsform")
    term: str | None
    target_group: str | None
    status: str
    description: str | None
    knowledge: list[str]
    skills: list[str]
    general: list[str]
    url: str | None


# Spreadsheet columns: row key, Norwegian heading and Table Schema type, in order.
COLUMNS = [
    ("code", "Kode", "string"),
    ("title", "Tittel", "string"),
    ("kind", "Type", "string"),
    ("institution", "Institusjon", "string"),
    ("region", "Region", "string"),
    ("level", "Nivå", "string"),
    ("ects", "Studiepoeng", "number"),
    ("price_nok", "Pris (kr)", "integer"),
    ("language", "Språk", "string"),
    ("format", "Form", "string"),
    ("term", "Tid", "string"),
    ("target_group", "Målgruppe", "string"),
    ("status", "Status", "string"),
    ("url", "Nettside", "string"),
    ("id", "Id", "string"),
]
# Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Fixed creation time in the XLSX properties, so that every build gives the same bytes.
XLSX_CREATED = datetime(2022, 2, 8)


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
                "price_nok": c.price_nok,
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


def safe_text(value: str) -> str:
    """A text cell that no spreadsheet runs as a formula: a leading ' where it would."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv_cell(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string":
        return safe_text(str(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")  # decimal comma


def catalogue_csv(rows: list[dict[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([title for _, title, _ in COLUMNS])
    for row in rows:
        writer.writerow([_csv_cell(row[key], kind) for key, _, kind in COLUMNS])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def catalogue_xlsx(rows: list[dict[str, object]]) -> bytes:
    """One sheet, a header row and typed cells: numbers are numbers, text is text."""
    import xlsxwriter  # only the exports need it

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": "KIN – studietilbud", "author": "KIN", "created": XLSX_CREATED})
    sheet = book.add_worksheet("Studietilbud")
    bold = book.add_format({"bold": True})
    formats = {"number": book.add_format({"num_format": "0.0"}), "integer": book.add_format({"num_format": "# ##0"})}
    for col, (key, title, kind) in enumerate(COLUMNS):
        sheet.write_string(0, col, title, bold)
        width = max([len(title)] + [len(str(r[key])) for r in rows if r[key] is not None])
        sheet.set_column(col, col, min(width, 60) + 2)
        for line, row in enumerate(rows, start=1):
            value = row[key]
            if value is None:
                continue
            if kind == "string":
                sheet.write_string(line, col, str(value))
            else:
                sheet.write_number(line, col, value, formats[kind])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(COLUMNS) - 1)
    book.close()
    return buffer.getvalue()


def catalogue_json(rows: list[dict[str, object]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=2).encode()


@functools.cache
def rows_schema() -> dict:
    """JSON Schema of the catalogue JSON (without ``$id``: the site URL adds it)."""
    return TypeAdapter(list[CourseRow]).json_schema(mode="validation")


def table_schema() -> dict:
    """Frictionless Table Schema of the CSV and XLSX."""
    fields = []
    for _, title, kind in COLUMNS:
        field = {"name": title, "type": kind}
        if kind == "number":
            field["decimalChar"] = ","
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def catalogue_files(data: Dataset) -> dict[str, bytes]:
    """Site-relative path -> content of every catalogue download."""
    rows = course_rows(data)
    return {
        routes.CATALOGUE_CSV: catalogue_csv(rows),
        routes.CATALOGUE_XLSX: catalogue_xlsx(rows),
        routes.CATALOGUE_JSON: catalogue_json(rows),
    }
