"""The non-blocking external URL listing (``python -m kin urls``)."""

from __future__ import annotations

from conftest import DATA, ROOT, serve

from kin import links


def test_every_url_in_the_data_is_listed_with_its_line():
    found = links.external_urls(DATA)
    lines = (DATA / "courses/elmed219.yml").read_text(encoding="utf-8").splitlines()
    elmed = next(f for f in found if f.url == "https://github.com/MMIV-ML/ELMED219-2022" and f.field == "url")
    assert elmed.file == "data/courses/elmed219.yml"
    assert "https://github.com/MMIV-ML/ELMED219-2022" in lines[elmed.line - 1]
    assert elmed.field == "url"
    files = {f.file for f in found}
    assert {"data/resources.yml", "data/meetings/2022-02-08.yml"} <= files


def test_urls_inside_text_are_found_too(data_copy):
    path = data_copy / "resources.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# https://ignored.example/\n", encoding="utf-8")
    text = (data_copy / "network.yml").read_text(encoding="utf-8")
    (data_copy / "network.yml").write_text(
        text.replace("minutes_location:", "note: Se https://example.no/x.\nminutes_location:", 1), "utf-8"
    )
    urls = [f.url for f in links.external_urls(data_copy)]
    assert "https://example.no/x" in urls and "https://ignored.example/" not in urls  # comments are not data


def test_check_reports_broken_and_unreachable(tmp_path):
    (tmp_path / "ok.html").write_text("ok", encoding="utf-8")
    base, server = serve(tmp_path)
    try:
        results = links.check_urls([base + "ok.html", base + "missing.html", "http://127.0.0.1:9/"])
    finally:
        server.shutdown()
    assert results[base + "ok.html"] == "ok"
    assert results[base + "missing.html"] == "HTTP 404"
    assert results["http://127.0.0.1:9/"].startswith("unreachable")


def test_listing_command_runs_offline(capsys, monkeypatch):
    from kin.__main__ import main

    monkeypatch.chdir(ROOT)  # the command's default data folder is ./data
    assert main(["urls"]) == 0
    out = capsys.readouterr().out
    assert "data/courses/elmed219.yml:" in out and out.rstrip().endswith("external URLs")
