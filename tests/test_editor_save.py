"""A save from the web editor never undoes a change made on disk after the editor loaded the file.

Unit tests of the three-way merge (kin.editsave), then the same cases through
the local back end's HTTP protocol (python -m kin edit)."""

from __future__ import annotations

import pytest
from conftest import DATA
from test_editor_backend import (  # noqa: F401 (fixture: backend)
    as_the_editor_writes,
    backend,
    changed_lines,
)

from kin import roundtrip
from kin.editsave import Conflict, Loaded, check_delete, merged

MEETING = "meetings/2022-02-08.yml"
NAME = f"data/{MEETING}"


@pytest.fixture
def meeting() -> str:
    return (DATA / MEETING).read_text(encoding="utf-8")  # only read: no copy of the folder


def on_disk(text: str, old: str, new: str) -> str:
    """The file as someone changed it in a text editor (comments and all)."""
    assert text.count(old) == 1
    return text.replace(old, new)


THEME = "theme: Behov for kompetanseøkning og utdanning for å fasilitere implementering av KI"


# --- the merge ----------------------------------------------------------------------


def test_changes_to_different_fields_both_stay(meeting):
    disk = on_disk(meeting, THEME, "theme: Nytt tema  # skrevet i VS Code")
    saved = as_the_editor_writes(meeting, lambda m: m.update(description="Et møte."))
    text = merged(Loaded(meeting, meeting), saved, disk, NAME)
    assert changed_lines(disk, text) == ["+description: Et møte."]
    assert "theme: Nytt tema  # skrevet i VS Code\n" in text


def test_changes_inside_one_list_item_and_to_another_item_both_stay(meeting):
    disk = on_disk(meeting, 'time: "12:30"', 'time: "12:35"')
    saved = as_the_editor_writes(meeting, lambda m: m["agenda"][0].update(title="Velkommen"))
    text = merged(Loaded(meeting, meeting), saved, disk, NAME)
    assert changed_lines(disk, text) == [
        "-    title: Velkommen til KIN, KI-stafett og praktisk informasjon",
        "+    title: Velkommen",
    ]


def test_an_item_added_in_the_editor_and_an_item_edited_on_disk_both_stay(meeting):
    disk = on_disk(meeting, 'time: "12:30"', 'time: "12:35"')
    saved = as_the_editor_writes(meeting, lambda m: m["agenda"].insert(0, {"time": "12:00", "title": "Kaffe"}))
    text = merged(Loaded(meeting, meeting), saved, disk, NAME)
    assert changed_lines(disk, text) == ['+  - time: "12:00"', "+    title: Kaffe"]


def test_the_same_field_changed_on_both_sides_is_refused_with_its_place(meeting):
    disk = on_disk(meeting, THEME, "theme: Nytt tema")
    saved = as_the_editor_writes(meeting, lambda m: m.update(theme="Et annet tema"))
    with pytest.raises(Conflict) as caught:
        merged(Loaded(meeting, meeting), saved, disk, NAME)
    assert str(caught.value) == (
        "Ikke lagret: noen andre har endret det samme feltet.\n"
        f"{NAME}:13:1: theme: endret i filen etter at du åpnet den (nå: «Nytt tema»), og du har også endret den\n"
        "Last inn siden på nytt (F5) for å se filen slik den er nå, og gjør endringen din igjen."
    )


def test_items_inserted_at_the_same_place_on_both_sides_are_refused(meeting):
    disk = on_disk(meeting, "agenda:\n", 'agenda:\n  - time: "12:00"\n    title: Lunsj\n')
    saved = as_the_editor_writes(meeting, lambda m: m["agenda"].insert(0, {"time": "12:00", "title": "Kaffe"}))
    with pytest.raises(Conflict, match=f"{NAME}:15:1: agenda: endret i filen etter at du åpnet den, og du har"):
        merged(Loaded(meeting, meeting), saved, disk, NAME)


def test_the_same_change_on_both_sides_is_no_conflict(meeting):
    disk = on_disk(meeting, THEME, "theme: Nytt tema")
    saved = as_the_editor_writes(meeting, lambda m: m.update(theme="Nytt tema"))
    assert merged(Loaded(meeting, meeting), saved, disk, NAME) == disk


def test_with_the_disk_unchanged_a_save_is_the_plain_merge(meeting):
    saved = as_the_editor_writes(meeting, lambda m: m["agenda"][1].update(title="Ny tittel"))
    assert merged(Loaded(meeting, meeting), saved, meeting, NAME) == roundtrip.merge(meeting, saved, NAME)


def test_a_second_save_keeps_a_disk_change_the_first_one_merged(meeting):
    disk = on_disk(meeting, THEME, "theme: Nytt tema")
    first = as_the_editor_writes(meeting, lambda m: m.update(description="Et møte."))
    written = merged(Loaded(meeting, meeting), first, disk, NAME)
    second = as_the_editor_writes(first, lambda m: m.update(description="Et digitalt møte."))  # same form
    text = merged(Loaded(first, written), second, written, NAME)
    assert "theme: Nytt tema\n" in text and "description: Et digitalt møte.\n" in text


def test_a_file_deleted_on_disk_is_not_brought_back(meeting):
    saved = as_the_editor_writes(meeting, lambda m: m.update(description="Et møte."))
    with pytest.raises(Conflict, match=f"^Ikke lagret: {NAME} er slettet eller flyttet etter at du åpnet den"):
        merged(Loaded(meeting, meeting), saved, None, NAME)


def test_a_new_file_is_written_as_saved():
    saved = "id: ny-person\nname: Ny Person\n"
    assert merged(None, saved, None, "data/people/ny-person.yml") == saved


def test_a_file_the_editor_never_loaded_is_not_overwritten(meeting):
    with pytest.raises(Conflict, match="finnes allerede, men redigeringsverktøyet har ikke lest den"):
        merged(None, "id: 2022-02-08\n", meeting, NAME)


def test_deleting_a_file_changed_on_disk_is_refused(meeting):
    check_delete(Loaded(meeting, meeting), meeting, NAME)  # unchanged: fine
    check_delete(Loaded(meeting, meeting), None, NAME)  # already gone: fine
    for disk in (on_disk(meeting, THEME, "theme: Nytt tema"), meeting + "# en kommentar\n"):
        with pytest.raises(Conflict, match=f"^Ikke slettet: {NAME} er endret etter at du åpnet den"):
            check_delete(Loaded(meeting, meeting), disk, NAME)
    with pytest.raises(Conflict):
        check_delete(None, meeting, NAME)  # never loaded


def test_deleting_after_a_save_that_merged_a_disk_change_is_refused(meeting):
    disk = on_disk(meeting, THEME, "theme: Nytt tema")
    saved = as_the_editor_writes(meeting, lambda m: m.update(description="Et møte."))
    written = merged(Loaded(meeting, meeting), saved, disk, NAME)
    with pytest.raises(Conflict):  # the editor never saw the new theme
        check_delete(Loaded(saved, written), written, NAME)
    plain_merge = roundtrip.merge(meeting, saved)
    check_delete(Loaded(saved, plain_merge), plain_merge, NAME)


# --- through the local back end -----------------------------------------------------


def persist(backend, raw: str, path: str = NAME):  # noqa: F811
    return backend("persistEntry", dataFiles=[{"path": path, "raw": raw}], assets=[], options={})


def test_a_stale_save_keeps_the_change_made_on_disk(backend, data_copy):  # noqa: F811
    file = data_copy / MEETING
    status, entry = backend("getEntry", path=NAME)
    loaded = entry["data"]
    file.write_text(on_disk(loaded, THEME, "theme: Nytt tema"), encoding="utf-8")  # VS Code, git pull ...
    status, body = persist(backend, as_the_editor_writes(loaded, lambda m: m.update(description="Et møte.")))
    assert status == 200, body
    text = file.read_text(encoding="utf-8")
    assert "theme: Nytt tema\n" in text and "description: Et møte.\n" in text
    # the editor's form still shows the old theme; its next save must not bring that back
    saved_again = as_the_editor_writes(loaded, lambda m: m.update(description="Et digitalt møte."))
    status, body = persist(backend, saved_again)
    assert status == 200, body
    text = file.read_text(encoding="utf-8")
    assert "theme: Nytt tema\n" in text and "description: Et digitalt møte.\n" in text


def test_a_save_that_would_undo_a_disk_change_is_refused_with_409(backend, data_copy):  # noqa: F811
    file = data_copy / MEETING
    loaded = backend("getEntry", path=NAME)[1]["data"]
    disk = on_disk(loaded, THEME, "theme: Nytt tema")
    file.write_text(disk, encoding="utf-8")
    status, body = persist(backend, as_the_editor_writes(loaded, lambda m: m.update(theme="Et annet tema")))
    assert status == 409
    assert f"{NAME}:13:1: theme: endret i filen etter at du åpnet den (nå: «Nytt tema»)" in body["error"]
    assert file.read_text(encoding="utf-8") == disk  # nothing written


def test_a_save_of_a_file_the_editor_did_not_open_is_refused(backend, data_copy):  # noqa: F811
    loaded = (data_copy / MEETING).read_text(encoding="utf-8")
    status, body = persist(backend, as_the_editor_writes(loaded, lambda m: m.update(description="Et møte.")))
    assert status == 409 and "har ikke lest den" in body["error"]
    assert (data_copy / MEETING).read_text(encoding="utf-8") == loaded


def test_a_save_of_a_file_deleted_on_disk_is_refused(backend, data_copy):  # noqa: F811
    loaded = backend("getEntry", path="data/people/alia-zaka.yml")[1]["data"]
    (data_copy / "people/alia-zaka.yml").unlink()
    status, body = persist(backend, as_the_editor_writes(loaded, lambda p: p.update(role="observer")),
                           "data/people/alia-zaka.yml")  # fmt: skip
    assert status == 409 and "er slettet eller flyttet" in body["error"]
    assert not (data_copy / "people/alia-zaka.yml").exists()


def test_deleting_a_file_changed_on_disk_is_refused_with_409(backend, data_copy):  # noqa: F811
    person = data_copy / "people/alia-zaka.yml"
    backend("getEntry", path="data/people/alia-zaka.yml")
    changed = person.read_text(encoding="utf-8").replace("role: member", "role: observer")
    person.write_text(changed, encoding="utf-8")
    status, body = backend("deleteFiles", paths=["data/people/alia-zaka.yml"])
    assert status == 409 and body["error"].startswith("Ikke slettet: data/people/alia-zaka.yml er endret")
    assert person.read_text(encoding="utf-8") == changed
    backend("getEntry", path="data/people/alia-zaka.yml")  # opened again: now it may go
    status, body = backend("deleteFiles", paths=["data/people/alia-zaka.yml"])
    assert status == 200, body
    assert not person.exists()


def test_deleting_a_person_a_meeting_names_is_refused(backend, data_copy):  # noqa: F811
    backend("getEntry", path="data/people/finn-henry-hansen.yml")
    status, body = backend("deleteFiles", paths=["data/people/finn-henry-hansen.yml"])
    assert status == 422
    assert f"{NAME}:22:16: agenda[1].speakers[0]: ukjent id: personen «finn-henry-hansen»" in body["error"]
    assert (data_copy / "people/finn-henry-hansen.yml").exists()
