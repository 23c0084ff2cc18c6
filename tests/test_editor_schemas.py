"""The text-editor route: JSON Schemas for the data files, VS Code settings, pre-commit."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import DATA, ROOT
from jsonschema import Draft202012Validator, FormatChecker
from test_validation import MEETING, edit, errors_for

from kin import DataValidationError, generate, load_dataset, reference
from kin.collections import COLLECTIONS, data_files
from kin.jsonschemas import input_schema
from kin.loader import load_yaml


def test_generated_files_are_up_to_date():
    assert generate.stale(ROOT) == [], "run: python -m kin generate"


def schema_errors(data: Path, rel: str) -> list[str]:
    """Validate one data file against the JSON Schema its first line names, as an editor does."""
    path = data / rel
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), rel
    schema_file = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert schema_file.is_relative_to(data.resolve()), "the schema travels with the data folder"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    value, _, parse_errors = load_yaml(path)
    assert not parse_errors
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(value)]


def test_every_data_file_has_its_schema_line_and_validates():
    files = list(data_files(DATA))
    assert len(files) > 200
    for _, rel in files:
        assert schema_errors(DATA, rel) == [], rel


STATEMENT = "statements/ki-kompetanse-i-helsefagutdanningene.yml"
PERSON = "people/alia-zaka.yml"
APRIL = "meetings/2022-04-05.yml"

# Bad input the loader rejects for schema reasons: (file, old, new, field the loader names).
BAD = {
    "unknown field": (MEETING, "number: 1\n", "number: 1\nnummer: 1\n", "nummer"),
    "unknown nested field": (MEETING, "    title: Pause\n", "    title: Pause\n    speker: x\n", "agenda[3].speker"),
    "missing field": (APRIL, "title: Nettverksmøte 5. april 2022\n", "", "title"),
    "missing for the kind": (APRIL, "theme: Helsedata i skyen – utfordringer og løsninger\n", "", "theme"),
    "section the kind lacks": (MEETING, "kind: network-meeting", "kind: conference", "minutes"),
    "wrong type": (MEETING, "number: 1", "number: first", "number"),
    "number too small": (MEETING, "number: 1", "number: 0", "number"),
    "boolean for text": (MEETING, "platform: Teams", "platform: true", "online.platform"),
    "date format": (MEETING, "date: 2022-02-08", "date: 8. februar", "date"),
    "no such date": (MEETING, "date: 2022-02-08", "date: 2022-02-30", "date"),
    "time": (MEETING, 'end: "15:30"', 'end: "25:30"', "end"),
    "javascript link": (MEETING, "url: https://www.menti.com", "url: javascript:alert(1)", "polls[1].url"),
    "http link": ("network.yml", "minutes_location: Teams", "minutes_location: Teams\nwebsite: http://x/", "website"),
    "email": ("network.yml", "email: Vibeke.Binz.Vallevik@dnv.com", "email: Vibeke", "contacts[0].email"),
    "enum": (PERSON, "role: member", "role: boss", "role"),
    "statement status": (STATEMENT, "\nstatus: proposal", "\nstatus: maybe", "status"),
    "number as text": ("courses/elmed219.yml", "ects: 6", "ects: six", "ects"),
    "empty list": (PERSON, "organisations: [sykehuspartner]", "organisations: []", "organisations"),
    "empty text": (PERSON, "name: Alia Zaka", 'name: ""', "name"),
    "id spelling": (PERSON, "id: alia-zaka", "id: Alia Zaka", "id"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input_is_rejected_by_loader_and_json_schema_alike(data_copy, case):
    rel, old, new, field = BAD[case]
    edit(data_copy, rel, old, new)
    assert any(e.startswith(f"data/{rel}:") and f": {field}: " in e for e in errors_for(data_copy))
    assert schema_errors(data_copy, rel), f"the JSON Schema accepts {new!r}"


def test_vscode_recommends_the_yaml_extension_and_maps_every_folder():
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    for _, rel in data_files(DATA):
        assert any(Path(rel).match(glob.removeprefix("data/")) for glob in settings["yaml.schemas"].values()), rel


def test_pre_commit_runs_the_validation():
    config = ROOT / ".pre-commit-config.yaml"
    bin_dir = Path(__import__("sys").executable).parent
    check = subprocess.run([bin_dir / "pre-commit", "validate-config", config], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    hooks = {h["id"]: h for repo in yaml.safe_load(config.read_text(encoding="utf-8"))["repos"] for h in repo["hooks"]}
    assert {"kin-validate", "kin-generated"} <= set(hooks)
    for hook in hooks.values():
        result = subprocess.run(shlex.split(hook["entry"]), cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr


# --- Field reference ---------------------------------------------------------------


def test_every_field_is_described():
    """The descriptions are the help text of the reference, the editors and the CMS."""
    missing = [
        f"{sec.model.__name__}.{name}"
        for sec in reference.sections()
        for name, info in sec.model.model_fields.items()
        if not info.description
    ]
    assert missing == []


# Common English words that are not also Norwegian ("for", "at", "by", "to" and "full" are; "a" as in "a–z" is).
ENGLISH = re.compile(
    r"\b(a(?!–)|the|of|and|is|are|was|when|where|with|which|what|who|whom|this|that|shown|from|not|if|its|it|or|"
    r"an|as|on|in|each|e\.g\.|leave|only|one|linked|given|used|main|name|title|subtitle|link|table|nested|"
    r"absent|required|speakers|teachers|course|risks?|questions)\b",
    re.IGNORECASE,
)
NORWEGIAN = {"og", "i", "på", "av", "for", "med", "som", "er", "til", "en", "et", "ett", "der", "om", "fra", "eller"}
NORWEGIAN |= {"når", "det", "den", "de", "hvor", "hva", "hvem", "hvordan", "hvis", "ikke", "per", "slik", "man"}


def _descriptions(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for value in node.values() for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for value in node for d in _descriptions(value)]
    return []


def test_help_texts_are_norwegian():
    """Descriptions (and model docstrings) are the secretariat's help: hints in the web editor,
    hover help in VS Code and data/FIELDS.md. Write them in Norwegian Bokmål (see DEVELOPERS.md)."""
    texts = {re.sub(r" \(id fra [^)]*\)$", "", d) for c in COLLECTIONS for d in _descriptions(input_schema(c))}
    assert len(texts) > 200
    english = sorted(t for t in texts if ENGLISH.search(t))
    assert not english, f"English help text in kin/schema.py: {english}"
    words = {t: re.findall(r"[a-zæøå]+", t.lower()) for t in texts}
    no_norwegian = sorted(t for t, w in words.items() if len(w) >= 5 and not NORWEGIAN & set(w))
    assert not no_norwegian, f"help text without a Norwegian function word: {no_norwegian}"


def test_reference_lists_every_field_and_its_links_resolve():
    text = (ROOT / reference.REFERENCE).read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    assert set(re.findall(r"\]\(#([^)]+)\)", text)) <= anchors
    for sec in reference.sections():
        assert sec.anchor in anchors
        body = text.split(f'<a id="{sec.anchor}"></a>', 1)[1].split("<a id=", 1)[0]
        for name in sec.model.model_fields:
            assert f"| `{name}` |" in body, (sec.anchor, name)


@pytest.mark.parametrize(
    ("file", "path", "anchor"),
    [
        (f"data/{MEETING}", ("plattform",), "meetings"),
        (f"data/{MEETING}", ("agenda", 3, "speker"), "meetings-agenda"),
        (f"data/{MEETING}", ("agenda", 2, "items", 1, "panellists", 0, "x"), "meetings-agenda-panellists"),
        ("data/people/alia-zaka.yml", ("rolle",), "people"),
        ("data/course-counts/uio.yml", ("counts", 0, "n"), "course-counts-counts"),
        ("data/network.yml", ("contacts", 0, "mail"), "network-contacts"),
        ("data/resources.yml", ("reports", 0, "trends", 1, "x"), "resources-reports-trends"),
    ],
)
def test_an_error_links_to_the_section_with_the_allowed_fields(file, path, anchor):
    assert reference.link_for(file, path) == f"{reference.REFERENCE}#{anchor}"


def test_unknown_field_errors_have_a_reference_section(data_copy):
    edit(data_copy, MEETING, "    title: Pause\n", "    title: Pause\n    speker: x\n")
    with pytest.raises(DataValidationError) as info:
        load_dataset(data_copy)
    (error,) = info.value.errors
    assert reference.link_for(error.file, error.path).endswith("#meetings-agenda")
    assert "se data/FIELDS.md#meetings-agenda for feltene som er lov" in error.message
