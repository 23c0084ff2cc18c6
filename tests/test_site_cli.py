"""`python -m kin_site render`: the site layer's own command (the data layer's CLI never imports kin_site)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from test_validation import edit


def render(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "kin_site", "render", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_render_writes_every_page_as_markdown(tmp_path, data_copy):
    result = render(str(tmp_path / "md"), "--data", str(data_copy), "--links", "page")
    assert result.returncode == 0, result.stderr
    meeting = (tmp_path / "md/moter/2022-02-08.md").read_text(encoding="utf-8")
    assert meeting.startswith("---\ntitle: ") and 'href="../../nettverket/#person-' in meeting
    assert (tmp_path / "md/index.md").is_file() and result.stdout.startswith("OK: ")

    line = edit(data_copy, "meetings/2022-02-08.yml", 'start: "12:00"', 'start: "12:75"')
    result = render(str(tmp_path / "bad"), "--data", str(data_copy))
    assert result.returncode == 1
    assert f"meetings/2022-02-08.yml:{line}:1: start:" in result.stderr
    assert not (tmp_path / "bad").exists()


def test_the_data_layers_cli_has_no_render_command():
    result = subprocess.run([sys.executable, "-m", "kin", "render", "out"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "invalid choice: 'render'" in result.stderr
