"""`python -m kin_site render`: the site layer's own command (the data layer's CLI never imports kin_site)."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ROOT
from test_validation import edit
from zygote import run_python


def render(*args: str) -> subprocess.CompletedProcess:
    return run_python(["-m", "kin_site", "render", *args], cwd=ROOT, timeout=300)  # forked: tests/zygote.py


def test_render_writes_every_page_as_markdown(tmp_path, data_copy, capsys):
    from kin_site.__main__ import main  # in this process; the run below on bad data is the real command

    code = main(["render", str(tmp_path / "md"), "--data", str(data_copy), "--links", "page"])
    output = capsys.readouterr()
    assert code == 0, output.err
    meeting = (tmp_path / "md/moter/2022-02-08.md").read_text(encoding="utf-8")
    assert meeting.startswith("---\ntitle: ") and 'href="../../nettverket/#person-' in meeting
    assert (tmp_path / "md/index.md").is_file() and output.out.startswith("OK: ")

    line = edit(data_copy, "meetings/2022-02-08.yml", 'start: "12:00"', 'start: "12:75"')
    result = render(str(tmp_path / "bad"), "--data", str(data_copy))
    assert result.returncode == 1
    assert f"meetings/2022-02-08.yml:{line}:1: start:" in result.stderr
    assert not (tmp_path / "bad").exists()


def test_the_data_layers_cli_has_no_render_command(capsys):
    from kin.__main__ import main

    with pytest.raises(SystemExit) as exited:  # argparse's exit on an unknown command
        main(["render", "out"])
    assert exited.value.code == 2 and "invalid choice: 'render'" in capsys.readouterr().err
