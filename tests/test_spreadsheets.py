"""The catalogue downloads read back as their users read them: Python's csv, pandas,
openpyxl, LibreOffice with a Norwegian locale; formulas never run."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from conftest import DATA

from kin import load_dataset
from kin.catalogue import COLUMNS, catalogue_csv, catalogue_xlsx, course_rows

HEADINGS = [title for _, title, _ in COLUMNS]
# LibreOffice's CSV import options: ';' separator, '"' quotes, UTF-8 (76), from line 1, default
# column types, Norwegian Bokmål (1044, decimal comma), quoted fields not forced to text, and
# "detect special numbers" on (dates too): the strictest way a user may open the file.
NB_NO_FILTER = "CSV:59,34,76,1,,1044,false,true"
HOSTILE = ['=HYPERLINK("https://example.org","x")', "+1+2", "-3+4", "@SUM(1)", "\tTAB", "\rCR"]


@pytest.fixture(scope="module")
def rows():
    return course_rows(load_dataset(DATA))


def hostile_rows(rows):
    """Real rows whose text fields start the way a formula does."""
    out = []
    for i, payload in enumerate(HOSTILE):
        row = dict(rows[i % len(rows)], title=payload, term=payload, target_group=f"{payload} og mer")
        out.append(row)
    return out


def expected(row, key, kind):
    value = row[key]
    if value is None:
        return None
    return value if kind != "string" else str(value)


def test_csv_reads_back_with_python_csv(built_site, rows):
    text = (built_site / "studier/studietilbud.csv").read_bytes().decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert table[0] == HEADINGS
    assert len(table) == len(rows) + 1
    for row, line in zip(rows, table[1:], strict=True):
        cells = dict(zip(HEADINGS, line, strict=True))
        assert cells["Tittel"] == row["title"] and cells["Id"] == row["id"]
        assert cells["Studiepoeng"] == ("" if row["ects"] is None else f"{row['ects']:g}".replace(".", ","))


def test_csv_reads_back_with_pandas(built_site, rows):
    import pandas as pd  # here, not at the top: collecting this file stays quick in every test process

    frame = pd.read_csv(built_site / "studier/studietilbud.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert list(frame.columns) == HEADINGS
    assert frame["Studiepoeng"].dtype.kind == "f" and frame["Pris (kr)"].dtype.kind in "if"
    for row, (_, line) in zip(rows, frame.iterrows(), strict=True):
        for key, title, kind in COLUMNS:
            want = expected(row, key, kind)
            assert pd.isna(line[title]) if want is None else line[title] == want, (row["id"], title)
    assert 7.5 in set(frame["Studiepoeng"])


def test_xlsx_has_typed_cells(built_site, rows):
    import openpyxl

    sheet = openpyxl.load_workbook(built_site / "studier/studietilbud.xlsx").active
    table = list(sheet.iter_rows())
    assert [c.value for c in table[0]] == HEADINGS
    assert len(table) == len(rows) + 1
    for row, line in zip(rows, table[1:], strict=True):
        for (key, title, kind), cell in zip(COLUMNS, line, strict=True):
            want = expected(row, key, kind)
            assert cell.value == want, (row["id"], title)
            if want is not None:
                assert cell.data_type == ("s" if kind == "string" else "n"), (row["id"], title)


def test_csv_neutralises_formulas(rows):
    bad = hostile_rows(rows)
    text = catalogue_csv(bad).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]
    title = HEADINGS.index("Tittel")
    for payload, line in zip(HOSTILE, table, strict=True):
        neutral = "'" + payload if payload[0] in "=+-@\t\r" else payload
        assert line[title] == neutral
        assert line[HEADINGS.index("Målgruppe")] == neutral + " og mer"


def test_xlsx_text_is_never_a_formula(rows):
    import openpyxl

    bad = hostile_rows(rows)
    sheet = openpyxl.load_workbook(io.BytesIO(catalogue_xlsx(bad))).active
    title = HEADINGS.index("Tittel")
    for payload, line in zip(HOSTILE, list(sheet.iter_rows())[1:], strict=True):
        # _x000D_ is OOXML's escape of a CR, which Excel decodes and openpyxl leaves as it is.
        assert line[title].data_type == "s" and line[title].value.replace("_x000D_", "\r") == payload


@pytest.mark.libreoffice
def test_csv_in_libreoffice_with_norwegian_locale(built_site, rows, tmp_path, soffice):
    """The real CSV, and one with formula-like text, converted by LibreOffice headless as nb-NO."""
    import openpyxl

    (tmp_path / "real.csv").write_bytes((built_site / "studier/studietilbud.csv").read_bytes())
    (tmp_path / "hostile.csv").write_bytes(catalogue_csv(hostile_rows(rows)))
    cmd = [
        soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
        f"--infilter={NB_NO_FILTER}", "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"),
        str(tmp_path / "real.csv"), str(tmp_path / "hostile.csv"),
    ]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env={"HOME": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr

    real = list(openpyxl.load_workbook(tmp_path / "out/real.xlsx").active.iter_rows())
    assert [c.value for c in real[0]] == HEADINGS
    for row, line in zip(rows, real[1:], strict=True):
        for (key, title, kind), cell in zip(COLUMNS, line, strict=True):
            want = expected(row, key, kind)
            assert cell.value == want, (row["id"], title, cell.value)  # 7.5 stays 7.5, never a date
            if want is not None:
                assert cell.data_type == ("s" if kind == "string" else "n"), (row["id"], title)
    assert any(line[HEADINGS.index("Studiepoeng")].value == 7.5 for line in real[1:])

    hostile = list(openpyxl.load_workbook(tmp_path / "out/hostile.xlsx").active.iter_rows())
    title = HEADINGS.index("Tittel")
    for payload, line in zip(HOSTILE, hostile[1:], strict=True):
        assert line[title].data_type == "s", payload  # text, not a formula
        assert line[title].value.lstrip("'").strip() == payload.strip()
