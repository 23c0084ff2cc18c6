"""What each page loads: our CSS and JavaScript only where used, minified, from our own origin."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from kin_site.minify import minify_assets

CATALOGUE = "studier/index.html"


def assets(html: str, pattern: str) -> list[str]:
    return [Path(src).name for src in re.findall(pattern, html)]


def test_catalogue_assets_load_on_the_catalogue_only(built_site: Path):
    pages = {p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
    # The web editor (/admin/) is its own application: its three scripts, from our origin, and nothing else.
    assert assets(pages.pop("admin/index.html"), r'<script src="([^"]+)"') == ["start.js", "decap-cms.js", "nb.js"]
    scripts = {name: assets(html, r'<script src="([^"]+)"') for name, html in pages.items()}
    styles = {name: assets(html, r'<link rel="stylesheet" href="([^"]+)"') for name, html in pages.items()}
    assert "catalogue.js" in scripts[CATALOGUE] and "catalogue.css" in styles[CATALOGUE]
    assert '<noscript><link rel="stylesheet" href="../assets/catalogue-nojs.css"></noscript>' in pages[CATALOGUE]
    for name in pages.keys() - {CATALOGUE}:
        assert not [a for a in scripts[name] + styles[name] if a.startswith("catalogue")], name
    every = {a for found in list(scripts.values()) + list(styles.values()) for a in found}
    assert every <= {"bundle.a5f9d56c.min.js", "catalogue.js", "main.57a0d79d.min.css", "palette.fb2fffe2.min.css",
                     "kin.css", "catalogue.css", "catalogue-nojs.css"}  # fmt: skip
    assert not re.search(r'<script src="(https?:)?//', "".join(pages.values()))  # no third-party scripts


def test_our_assets_are_minified(built_site: Path):
    sources = [p for p in (ROOT / "docs").rglob("*") if p.suffix in (".css", ".js")]
    assert len(sources) >= 4
    for source in sources:
        shipped = built_site / source.relative_to(ROOT / "docs")
        assert shipped.stat().st_size < source.stat().st_size, source.name
        assert "/*" not in shipped.read_text(encoding="utf-8"), source.name  # comments are gone


def test_minified_script_still_works_the_same(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/a.js").write_text("", encoding="utf-8")
    (tmp_path / "docs/b.css").write_text("", encoding="utf-8")
    (tmp_path / "a.js").write_text("/* c */\nvar  x = 1 ;  // d\nvar s = '/* kept */';\n", encoding="utf-8")
    (tmp_path / "b.css").write_text("/* c */\na {  color : red ; }\n", encoding="utf-8")
    minify_assets(tmp_path / "docs", tmp_path)
    assert (tmp_path / "a.js").read_text(encoding="utf-8") == "var x=1;var s='/* kept */';"
    assert (tmp_path / "b.css").read_text(encoding="utf-8") == "a{color:red}"
