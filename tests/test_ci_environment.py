"""The workflow's test job runs where `.ci/run` is tested (developers/ci.md), and every
program `make test` needs comes from the job's image or one of its steps.

This machine cannot run GitHub's runner, so the checks read the workflow and compare it
with this machine: its Debian release, its Python and Node versions, and the Debian
packages that own the programs the tests call.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/site.yml"
PACKAGE_LIST = ROOT / "scripts/system-packages.txt"
TEST_JOB = "build"
# What Docker's official `python:X.Y-<debian>` image brings besides CPython: it is built on
# Debian's buildpack-deps image (coreutils, make, git ...). Everything else must come from a step.
IMAGE_PROGRAMS = {"python3", "make", "sh", "touch", "git"}
SHELL_BUILTINS = {"command", "echo", "exit", "cd", "test", "[", "{", "}", "trap", "kill"}


def flow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def job() -> dict:
    return flow()["jobs"][TEST_JOB]


def os_release() -> dict[str, str]:
    lines = Path("/etc/os-release").read_text(encoding="utf-8").splitlines()
    return {k: v.strip('"') for k, _, v in (line.partition("=") for line in lines if "=" in line)}


def system_packages() -> list[str]:
    text = PACKAGE_LIST.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def makefile_programs() -> set[str]:
    """The programs `make test` runs on a fresh clone (every recipe, as `make -n -B` lists them),
    except the virtual environment's own, which `make deps` creates."""
    # Under `make test` this runs inside make: drop its variables, or the dry run reports as a sub-make.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES"}}
    dry = subprocess.run(["make", "-n", "-B", "test"], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    programs = {"make"}
    for line in dry.stdout.splitlines():
        if re.match(r"make(\[\d+\])?: ", line):  # make's own messages, not recipe lines
            continue
        for command in re.split(r"\|\||&&|;|\|", line):
            words = shlex.split(command.strip().lstrip("{").strip()) if command.strip() else []
            if words and not words[0].startswith(".venv/") and words[0] not in SHELL_BUILTINS:
                programs.add(words[0])
    return programs


def programs_the_tests_call() -> set[str]:
    """Programs the test suite calls itself: `shutil.which(...)` and conftest's Chromium."""
    found = {"chromium"}  # conftest.CHROMIUM, Debian's /usr/bin/chromium
    for path in (ROOT / "tests").glob("*.py"):
        found |= set(re.findall(r"shutil\.which\(\"([\w.-]+)\"\)", path.read_text(encoding="utf-8")))
    return found


def dependency_closure(roots: list[str]) -> set[str]:
    """Installed Debian packages that ``roots`` pull in (Depends and Pre-Depends, every alternative)."""
    listing = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\n"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    depends: dict[str, set[str]] = {}
    for row in listing.splitlines():
        package, needs, provides = row.split("\t")
        names = {re.split(r"[\s:(]", alt.strip())[0] for alt in re.split(r"[,|]", needs) if alt.strip()}
        depends.setdefault(package, set()).update(names)
        for virtual in (re.split(r"[\s:(]", p.strip())[0] for p in provides.split(",") if p.strip()):
            depends.setdefault(virtual, set()).add(package)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        package = todo.pop()
        if package not in seen:
            seen.add(package)
            todo.extend(depends.get(package, ()))
    return seen


def owner(program: str) -> str:
    """The Debian package that installs ``program`` on this machine."""
    path = shutil.which(program)
    assert path, f"{program} is not installed here: run `make deps` as root on Debian"
    found = subprocess.run(["dpkg-query", "-S", os.path.realpath(path)], capture_output=True, text=True)
    assert found.returncode == 0, f"{program} ({path}) comes from no Debian package: {found.stderr}"
    return found.stdout.split(":")[0]


# --- The job's environment ------------------------------------------------------------


def test_job_runs_in_the_debian_release_and_python_of_this_machine_as_root():
    container = job()["container"]
    match = re.fullmatch(r"python:(\d+\.\d+)-(\w+)@sha256:[0-9a-f]{64}", container["image"])
    assert match, "the test job's image is Docker's python image, pinned by digest"
    assert match[1] == f"{sys.version_info.major}.{sys.version_info.minor}"
    release = os_release()
    assert release["ID"] == "debian" and match[2] == release["VERSION_CODENAME"]
    # scripts/ensure-system.sh installs with apt-get only as root: the image's default user.
    assert "--user" not in container.get("options", "") and "-u " not in container.get("options", "")


def test_node_comes_from_a_step_in_the_version_of_this_machine():
    node = next(st for st in job()["steps"] if st.get("uses", "").startswith("actions/setup-node@"))
    here = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout
    assert str(node["with"]["node-version"]) == here.strip().lstrip("v").split(".")[0]


def test_make_deps_installs_the_system_packages_before_the_tests():
    runs = [st.get("run", "") for st in job()["steps"]]
    assert "make deps" in runs and "make test" in runs and runs.index("make deps") < runs.index("make test")
    dry = subprocess.run(["make", "-n", "-B", "deps"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "sh scripts/ensure-system.sh" in dry.stdout
    script = (ROOT / "scripts/ensure-system.sh").read_text(encoding="utf-8")
    assert "system-packages.txt" in script and "apt-get install" in script and '"$(id -u)" = "0"' in script


def test_every_program_make_test_runs_comes_from_the_image_or_a_step():
    from_steps = {"node", "npm"} if any("setup-node" in st.get("uses", "") for st in job()["steps"]) else set()
    programs = makefile_programs()
    assert {"python3", "npm", "sh"} <= programs  # the dry run lists the recipes
    assert programs <= IMAGE_PROGRAMS | from_steps, programs - IMAGE_PROGRAMS - from_steps


def test_every_program_the_tests_call_comes_from_the_system_packages():
    programs = programs_the_tests_call()
    assert {"chromium", "java", "soffice"} <= programs
    installed = dependency_closure(system_packages())
    missing = {p: owner(p) for p in programs if owner(p) not in installed}
    assert not missing, f"add these Debian packages to {PACKAGE_LIST.name}: {missing}"


def test_the_package_check_catches_a_missing_package():
    without_office = [p for p in system_packages() if "libreoffice" not in p]
    assert owner("soffice") not in dependency_closure(without_office)


# --- Deploy only what was tested ---------------------------------------------------------


def test_deploy_runs_only_after_the_test_job_passed():
    jobs = flow()["jobs"]
    deploy = next(j for j in jobs.values() if any("deploy-pages" in st.get("uses", "") for st in j["steps"]))
    needs = deploy["needs"] if isinstance(deploy["needs"], list) else [deploy["needs"]]
    assert TEST_JOB in needs
    for word in ("always()", "failure()", "cancelled()", "!success()"):
        assert word not in deploy.get("if", ""), word  # these would run the deploy after a failed test job
    tested = jobs[TEST_JOB]
    assert not tested.get("continue-on-error") and not any(st.get("continue-on-error") for st in tested["steps"])
