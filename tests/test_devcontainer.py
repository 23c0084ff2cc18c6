"""The dev container (GitHub Codespaces, .devcontainer/): valid against its published JSON Schema,
and its start command runs `make edit` with the Codespace's forwarded host name allowed."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from jsonschema import Draft201909Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

DEVCONTAINER = ROOT / ".devcontainer" / "devcontainer.json"
SCHEMAS = ROOT / "tests" / "schemas" / "devcontainer"
SPEC = "https://raw.githubusercontent.com/devcontainers/spec/main/schemas/"
VSCODE = "https://raw.githubusercontent.com/microsoft/vscode/main/extensions/configuration-editing/schemas/"
ADDRESSES = {  # where devContainer.schema.json finds each part (tests/schemas/devcontainer/README.md)
    SPEC + "devContainer.schema.json": "devContainer.schema.json",
    SPEC + "devContainer.base.schema.json": "devContainer.base.schema.json",
    VSCODE + "devContainer.codespaces.schema.json": "devContainer.codespaces.schema.json",
    VSCODE + "devContainer.vscode.schema.json": "devContainer.vscode.schema.json",
}

# devcontainer.json is JSONC: // and /* */ comments, which a string may contain as text.
_JSONC = re.compile(r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/', re.S)


def load_jsonc(text: str):
    """JSON with comments (no trailing commas: the schema says allowTrailingCommas false)."""
    return json.loads(_JSONC.sub(lambda m: m.group() if m.group().startswith('"') else "", text))


def validator() -> Draft201909Validator:
    registry = Registry().with_resources(
        (url, Resource.from_contents(json.loads((SCHEMAS / name).read_text(encoding="utf-8")), DRAFT201909))
        for url, name in ADDRESSES.items()
    )
    return Draft201909Validator({"$ref": SPEC + "devContainer.schema.json"}, registry=registry)


def errors(config: dict) -> list[str]:
    """Every error, with those inside a failed oneOf/anyOf branch (where the cause usually is)."""
    out, todo = [], list(validator().iter_errors(config))
    while todo:
        e = todo.pop()
        out.append(f"{'/'.join(map(str, e.absolute_path))}: {e.message}")
        todo.extend(e.context)
    return out


def config() -> dict:
    return load_jsonc(DEVCONTAINER.read_text(encoding="utf-8"))


def test_comments_are_removed_but_not_from_strings():
    text = '{\n  // a comment with "quotes"\n  "url": "https://example.org/a//b", /* more */ "n": 1\n}'
    assert load_jsonc(text) == {"url": "https://example.org/a//b", "n": 1}


def test_devcontainer_json_matches_its_published_schema():
    assert errors(config()) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda c: c.update(postAttachComand="make edit"), "Unevaluated properties are not allowed"),
        (lambda c: c["portsAttributes"]["8000"].update(onAutoForward="openAdmin"), "'openAdmin' is not one of"),
        (lambda c: c.update(forwardPorts=["eight thousand"]), "forwardPorts/0"),
        (lambda c: c["customizations"]["codespaces"].update(openFiles="guide"), "'guide' is not of type 'array'"),
    ],
)
def test_the_schema_check_catches_mistakes(change, expected):
    broken = copy.deepcopy(config())
    change(broken)
    assert any(expected in e for e in errors(broken)), errors(broken)


def test_the_site_port_is_forwarded_labelled_and_opened():
    c = config()
    assert 8000 in c["forwardPorts"]
    attributes = c["portsAttributes"]["8000"]
    assert attributes["onAutoForward"] == "openBrowser" and attributes["label"]
    assert re.search(r"python:\d+-3\.11-", c["image"]), c["image"]  # the Python the site needs
    assert c["features"]["ghcr.io/devcontainers/features/node:1"]["version"] == "20"


def test_the_install_command_names_make_targets_that_exist():
    command = config()["postCreateCommand"].split()
    assert command[0] == "make"
    dry_run = subprocess.run(["make", "-n", *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    assert (ROOT / config()["customizations"]["codespaces"]["openFiles"][0]).is_file()


def _start(tmp_path: Path, **env: str) -> tuple[list[str], str | None]:
    """Run the start command with a stand-in `make` that records what it was asked to do."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "record.json"
    fake = bin_dir / "make"
    fake.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        'json.dump([sys.argv[1:], os.environ.get("KIN_EDIT_ALLOWED_HOSTS")], open(os.environ["RECORD"], "w"))\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CODESPACE", "GITHUB_CODESPACES", "KIN_EDIT"))}
    base.update(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", RECORD=str(record), **env)
    command = config()["postAttachCommand"]
    result = subprocess.run(command, shell=True, cwd=ROOT, env=base, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    args, hosts = json.loads(record.read_text(encoding="utf-8"))
    return args, hosts


def test_in_a_codespace_the_editor_starts_with_the_forwarded_host_allowed(tmp_path):
    args, hosts = _start(
        tmp_path,
        CODESPACE_NAME="kin-demo-x7",
        GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN="app.github.dev",
        KIN_EDIT_ALLOWED_HOSTS="kin.test",
    )
    assert args == ["edit"]
    assert hosts == "kin-demo-x7-8000.app.github.dev,kin.test"


def test_outside_a_codespace_no_extra_host_is_allowed(tmp_path):
    args, hosts = _start(tmp_path)
    assert args == ["edit"]
    assert hosts is None
