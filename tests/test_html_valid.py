"""The Nu HTML Checker (vnu.jar, the W3C validator) over the whole built site.

Material 9.8's own markup has two known errors on every page (listed in
developers/html-validity.md for upstream); anything else is ours and fails the test.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
# A short-lived checker spends most of its time compiling itself: the quick compiler alone halves its CPU
# time and reports the same messages; its frames are larger, so the stack is raised (the checker asks >= 512k).
JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-Xss16m"]
# (message start, markup it is reported on): Material's templates, not ours.
MATERIAL = [
    # partials/nav-item.html: tabindex="{{ tabindex }}" renders tabindex="" on section labels
    ("Bad value “” for attribute “tabindex” on element “label”", re.compile(r'class="md-nav__link[^"]*" for="__nav_')),
    # base.html: autocomplete="off" on the drawer and search checkboxes
    ("Attribute “autocomplete” is only allowed when", re.compile(r'id="__(drawer|search)" autocomplete="off"')),
]


def is_material(message: dict) -> bool:
    text, extract = message["message"], message.get("extract", "")
    return any(text.startswith(start) and pattern.search(extract) for start, pattern in MATERIAL)


def check_html(*paths: Path) -> list[dict]:
    """The checker's error messages for the given files or folders (folders: their HTML files)."""
    java = shutil.which("java")
    assert java and VNU.exists(), "needs Java (scripts/system-packages.txt) and node_modules (npm ci): run `make deps`"
    command = [java, *JVM_FLAGS, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only"]
    result = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def test_no_html_errors_of_ours(built_site: Path):
    messages = check_html(built_site)
    assert messages  # Material's known errors prove that the checker ran
    ours = [f"{m['url']}:{m.get('lastLine')}: {m['message']} {m.get('extract')!r}" for m in messages]
    ours = [line for line, m in zip(ours, messages, strict=True) if not is_material(m)]
    assert not ours, "\n".join(ours[:40])
    per_page = Counter(m["url"] for m in messages)
    # Every Material page has the same known errors; the web editor's page (admin/) is not Material's and has none.
    pages = len([p for p in built_site.rglob("*.html") if p.relative_to(built_site).parts[0] != "admin"])
    assert len(per_page) == pages and len(set(per_page.values())) == 1, per_page.most_common(3)
