"""`mkdocs serve` rebuilds from data: an edit to a YAML file shows on the served pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from test_validation import edit

MEETING = "moter/2022-02-08/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(check: Callable[[], bool], timeout: float, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        assert proc.poll() is None, proc.stdout.read()
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def served(data_copy: Path):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KIN_DATA_DIR": str(data_copy)}
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--strict",
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-a",
        f"127.0.0.1:{port}",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/kin/"
    try:
        wait_for(lambda: "Behov for kompetanseøkning" in fetch(base + MEETING), 60, proc)
        yield base, data_copy, proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_data_edit_shows_on_the_served_site(served):
    base, data, proc = served
    index_before = fetch(base + "search/search_index.json")
    edit(data, "meetings/2022-02-08.yml", "theme: Behov for", "theme: Pingvinlæring og behov for")
    wait_for(lambda: "Pingvinlæring og behov for" in fetch(base + MEETING), 30, proc)
    assert "Pingvinlæring" in fetch(base + "moter/")  # pages generated from data are fresh too
    index_after = fetch(base + "search/search_index.json")
    # A --dirty rebuild would rewrite the index with only the changed pages.
    assert len(index_after) > 0.9 * len(index_before) and "Pingvinlæring" in index_after


def test_a_data_error_keeps_serving_and_recovers(served):
    base, data, proc = served
    edit(data, "meetings/2022-02-08.yml", 'start: "12:00"', "start: 12:00:99")
    time.sleep(3)
    assert "Behov for kompetanseøkning" in fetch(base + MEETING)  # the last good build stays up
    edit(data, "meetings/2022-02-08.yml", "start: 12:00:99", 'start: "12:15"')
    wait_for(lambda: "12:15" in fetch(base + MEETING), 30, proc)
