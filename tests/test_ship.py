"""Checks that guard publishing: workflow hardening, issue forms, and links in the built site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from conftest import ROOT

from kin import schema as s
from kin.collections import COLLECTIONS
from kin.labels import label

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
FORMS = ROOT / ".github/ISSUE_TEMPLATE"
SITE_URL = re.search(r"^site_url: (\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)


def run(tool: str, *args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([BIN / tool, *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=120)


# --- Workflows -------------------------------------------------------------------


def test_zizmor_finds_nothing():
    result = run("zizmor", "--offline", "--no-progress", ".github/")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [ROOT / ".github/dependabot.yml"]),
        ("vendor.github-issue-forms", sorted(FORMS.glob("[!c]*.yml"))),
        ("vendor.github-issue-config", [FORMS / "config.yml"]),
    ],
)
def test_github_files_match_their_schemas(schema, files, capsys):
    from check_jsonschema.cli.main_command import main  # its command line, in this process: start-up was most of it

    assert files
    code = main.main(args=["--builtin-schema", schema, *map(str, files)], standalone_mode=False)
    output = capsys.readouterr()
    assert code == 0, output.out + output.err


def test_workflow_hardening():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        flow = yaml.safe_load(text)
        assert flow["permissions"] == {}, path
        assert "pull_request_target" not in flow[True], path  # PyYAML reads the key `on` as True
        for job in flow["jobs"].values():
            assert "permissions" in job
            for step in job["steps"]:
                assert "${{ github.event" not in step.get("run", ""), step
                assert not re.search(r"(mkdocs|properdocs) build[^\n]*\s(-v|--verbose)\b", step.get("run", "")), step
                if step.get("uses", "").startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False
        for uses in re.findall(r"uses: (\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), uses
        assert all(re.search(r"@[0-9a-f]{40} # v\d", line) for line in text.splitlines() if "uses:" in line)


def test_deploy_needs_the_tested_build_and_runs_on_main_only():
    (path,) = [p for p in WORKFLOWS if "deploy-pages" in p.read_text(encoding="utf-8")]
    jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]
    deploy = next(j for j in jobs.values() if any("deploy-pages" in st.get("uses", "") for st in j["steps"]))
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    runs = [st.get("run", "") for st in jobs["build"]["steps"]]
    assert {"make deps", "make validate", "make build", "make test"} <= set(runs)


def test_daily_rebuild_deploys_so_upcoming_becomes_past():
    (path,) = [p for p in WORKFLOWS if "deploy-pages" in p.read_text(encoding="utf-8")]
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    (cron,) = [entry["cron"] for entry in flow[True]["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert minute.isdigit() and hour.isdigit() and (day, month, weekday) == ("*", "*", "*")  # once a day
    deploy = flow["jobs"]["deploy"]
    upload = next(st for st in flow["jobs"]["build"]["steps"] if "upload-pages-artifact" in st.get("uses", ""))
    for condition in (deploy["if"], upload["if"]):
        assert "github.event_name == 'schedule'" in condition and "refs/heads/main" in condition


# --- Issue forms ask for what the data needs ---------------------------------------


def form(name: str) -> dict[str, dict]:
    body = yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))["body"]
    return {item["id"]: item for item in body if "id" in item}


def options(field: dict) -> list[str]:
    return field["attributes"]["options"]


def required(fields: dict[str, dict]) -> set[str]:
    return {k for k, f in fields.items() if f.get("validations", {}).get("required")}


def test_course_form_fields_are_course_fields():
    fields = form("legg-til-kurs.yml")
    model = s.Course.model_fields
    assert set(fields) <= set(model)
    assert required(fields) == {k for k, f in model.items() if f.is_required()} - {"id"}  # the id is ours to give
    for key, enum in {"kind": s.CourseKind, "level": s.Level, "language": s.Language, "format": s.CourseFormat}.items():
        assert options(fields[key]) == [label(v) for v in enum], key
    assert options(fields["status"]) == [label(v) for v in s.CourseStatus]


def test_topic_form_fields_are_agenda_item_fields():
    fields = form("foresla-tema.yml")
    context = {"problem", "meeting"}  # for the secretariat, not stored as such
    assert set(fields) - context <= set(s.AgendaItem.model_fields)
    assert {"title", "kind"} <= required(fields)
    assert set(options(fields["kind"])) <= {label(v) for v in s.AgendaKind}


def test_error_form_names_every_data_file():
    listed = options(form("meld-feil.yml")["file"])
    assert listed == [f"{c.label} ({c.file or f'{c.folder}/'})" for c in COLLECTIONS] + ["Vet ikke"]


# --- Links in the built site ----------------------------------------------------------


def lychee(site: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """Check every internal link and #anchor offline; absolute links to the site map to the build."""
    prefix = urlparse(SITE_URL).path.strip("/")
    root = tmp_path / "root"
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (root / prefix).symlink_to(site, target_is_directory=True)
    return subprocess.run(
        [BIN / "lychee", "--offline", "--include-fragments", "--index-files", "index.html", "--no-progress",
         "--root-dir", root, "--remap", f"^{re.escape(SITE_URL)} file://{root / prefix}/", root / prefix],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_no_broken_links_or_anchors(built_site, tmp_path):
    result = lychee(built_site, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = int(re.search(r"(\d+) OK", result.stdout).group(1))
    assert checked > 1000  # every page, not an empty run


def test_link_check_catches_a_broken_anchor(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "studier/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<a href="../moter/2022-02-08/#finnes-ikke">x</a></article>'), "utf-8")
    result = lychee(site, tmp_path)
    assert result.returncode != 0 and "finnes-ikke" in result.stdout
