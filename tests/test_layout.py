"""The data layout: one file per record, named by its id, listed in an order that comes from the data."""

from __future__ import annotations

import dataclasses

import yaml
from conftest import DATA
from loading import load

from kin import Dataset, load_dataset
from kin.collate import sort_key
from kin.collections import BY_NAME, COLLECTIONS, data_files


def test_every_dataset_list_is_a_collection_and_every_file_belongs_to_one():
    fields = {f.name for f in dataclasses.fields(Dataset)} - {"source_files"}
    assert fields == set(BY_NAME)
    listed = {rel for _, rel in data_files(DATA)}
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*.y*ml")}
    assert on_disk == listed


def test_file_name_is_the_id():
    for collection, rel in data_files(DATA):
        if collection.folder:
            record = yaml.load((DATA / rel).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # safe_load in C
            assert rel == collection.path_of(str(record[collection.id_field]))


def test_order_comes_from_the_data():
    data = load(DATA)
    assert [p.name for p in data.people] == sorted((p.name for p in data.people), key=sort_key)
    assert sorted(["Åse", "Øystein", "Ærlig", "Zara", "Åge", "Eva", "Émile"], key=sort_key) == [
        "Émile", "Eva", "Zara", "Ærlig", "Øystein", "Åge", "Åse",
    ]  # fmt: skip
    dated = [st.date for st in data.statements if st.date]
    assert dated == sorted(dated) and data.statements[-1].date is None  # undated last
    assert [m.date for m in data.meetings] == sorted(m.date for m in data.meetings)


def test_renaming_files_does_not_change_the_order(data_copy):
    """A record's position comes from its fields: swapping which file holds what changes nothing."""
    before = load_dataset(data_copy)
    (data_copy / "people/aaa-first-by-file.yml").write_text(
        "id: aaa-first-by-file\nname: Åse Sist\norganisations: [uib]\n", encoding="utf-8"
    )
    after = load_dataset(data_copy)
    assert after.people[-1].id == "aaa-first-by-file"
    assert [p for p in after.people if p.id != "aaa-first-by-file"] == before.people


def test_saving_one_record_changes_only_its_file(data_copy):
    """What an editor does on save (rewrite the record's file) touches no other record."""
    files = {rel: (data_copy / rel).read_bytes() for _, rel in data_files(data_copy)}
    before = load_dataset(data_copy)
    person = before.person["alia-zaka"]
    edited = person.model_copy(update={"titles": ["Rådgiver"]})
    rel = BY_NAME["people"].path_of(person.id)
    text = yaml.safe_dump(edited.model_dump(mode="json", exclude_defaults=True), allow_unicode=True, sort_keys=False)
    (data_copy / rel).write_text(text, encoding="utf-8")

    changed = {r for r, content in files.items() if (data_copy / r).read_bytes() != content}
    assert changed == {rel}
    after = load_dataset(data_copy)
    assert after.person["alia-zaka"].titles == ["Rådgiver"]
    for c in COLLECTIONS:
        old, new = getattr(before, c.name), getattr(after, c.name)
        if c.name == "people":
            assert [p for p in new if p.id != person.id] == [p for p in old if p.id != person.id]
        else:
            assert new == old, c.name


def test_required_single_references_are_checked(data_copy):
    """`institution: OrgRef` keeps its Ref in pydantic's field metadata, not in the annotation."""
    from test_validation import edit, errors_for

    line = edit(data_copy, "courses/elmed219.yml", "institution: uib", "institution: nowhere")
    expected = f"data/courses/elmed219.yml:{line}:1: institution: ukjent id: organisasjonen «nowhere»"
    assert any(e.startswith(expected) for e in errors_for(data_copy))
