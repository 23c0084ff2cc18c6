"""Every change to the source's wording is one row of data/corrections.yml; each row is checked
against the source and the built site, and the page "Om kildene" shows them all."""

from __future__ import annotations

from functools import cache

import pytest
from conftest import DATA
from source_text import page_text, seed_text, squash

from kin import editorial
from kin.collections import BY_NAME
from kin.dataset import Disk

# At collection, in every test process: the one file, not the whole dataset (test_validation loads that).
_record, _, _errors, _ = Disk(DATA).load("corrections.yml", BY_NAME["corrections"].model)
assert not _errors, _errors
CORRECTIONS = _record.corrections


@cache
def _site_text(site, skip: str = "") -> str:
    pages = [str(p.parent.relative_to(site)) for p in sorted(site.rglob("index.html"))]
    return " \x00 ".join(page_text(site, page) for page in pages if page != skip)


@pytest.mark.parametrize("row", CORRECTIONS, ids=[c.source_text[:40] for c in CORRECTIONS])
def test_each_correction_matches_source_and_site(built_site, row):
    assert squash(row.source_text) in seed_text(), "the source text must occur in the source"
    assert squash(row.site_text) in _site_text(built_site), "the new text must occur on the site"


def test_corrected_slips_are_gone_from_the_site(built_site):
    shown = _site_text(built_site, skip="om/kilder")  # that page quotes them
    for slip in ("using Inspira", "digital skoloring", "Helsesdata", "Hjernetumor-segnering", "AI det kan"):
        assert slip not in shown, slip


def test_sources_page_lists_every_correction_and_editorial_field(built_site):
    shown = page_text(built_site, "om/kilder/")
    for row in CORRECTIONS:
        assert f"{squash(row.source_text)} {squash(row.site_text)}" in shown
    fields = editorial.fields()
    paths = {(f.collection, f.path) for f in fields}
    for expected in [
        ("Organisasjoner", "kind"),
        ("Organisasjoner", "region"),
        ("Organisasjoner", "parent"),
        ("Organisasjoner", "note"),
        ("Organisasjoner", "name"),
        ("Studietilbud", "kind"),
        ("Studietilbud", "status"),
        ("Studietilbud", "level"),
        ("Studietilbud", "level_note"),
        ("Studietilbud", "format"),
    ]:
        assert expected in paths, expected
    for f in fields:
        assert f"{f.collection} {f.path}" in shown


def test_open_data_carries_the_corrections(built_site):
    import json

    data = json.loads((built_site / "api" / "corrections.json").read_text(encoding="utf-8"))
    assert len(data["corrections"]) == len(CORRECTIONS)
    schema = (built_site / "api" / "schema" / "organisations.schema.json").read_text(encoding="utf-8")
    assert "oppgi den bare når kildene sier det" in schema  # parent is said to be editorial
