"""Catalogue filter speed: the time one filter change or keystroke takes with 1,000 extra courses.

Builds the site with 1,000 synthetic courses added to a copy of the real data,
opens the catalogue in Chromium (Playwright) and times the script's work for
each region change and each keystroke in the search box, in the page itself.
Target: median < 50 ms. (The test suite checks only the behaviour, never the time.)

    python scripts/bench_catalogue.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SYNTHETIC = """id: synth-{i}
kind: course
code: SYN-{i:04d}
title: Syntetisk emne {i} om {topic}
institution: {org}
level: {level}
ects: {ects}
status: offered
description: ["Beskrivelse av emne {i} innen {topic}."]
"""
TOPICS = ["bilder", "tekst", "etikk"]


def add_courses(data: Path, n: int = 1000) -> None:
    """Add ``n`` valid synthetic courses, one file each in ``data/courses/`` (every third is about «bilder»)."""
    orgs, levels = ["uit", "ntnu", "uib", "uio"], ["bachelor", "master", "phd"]
    for i in range(n):
        text = SYNTHETIC.format(i=i, org=orgs[i % 4], level=levels[i % 3], ects=5 + i % 4 * 5, topic=TOPICS[i % 3])
        (data / f"courses/synth-{i}.yml").write_text(text, encoding="utf-8")


TIMINGS = """() => {
  const t = [];
  const region = document.querySelector('#f-region');
  for (let round = 0; round < 5; round++) {
    for (const v of ['helse-nord', 'helse-vest', '']) {
      const s = performance.now();
      region.value = v; region.dispatchEvent(new Event('change'));
      t.push(performance.now() - s);
    }
    const q = document.querySelector('#f-q');
    for (const text of ['b', 'bi', 'bil', 'bild', 'bil', 'bi', 'b', '']) {
      const s = performance.now();
      q.value = text; q.dispatchEvent(new Event('input'));
      t.push(performance.now() - s);
    }
  }
  return t;
}"""


def main() -> int:
    from conftest import CHROMIUM, CHROMIUM_ARGS, DATA, build_site, serve
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="kin-bench-catalogue-") as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(DATA, data)
        add_courses(data)
        result = build_site(Path(tmp) / "site", data)
        if result.returncode:
            raise SystemExit(result.stderr)
        base, server = serve(Path(tmp) / "site")
        try:
            with sync_playwright() as p:
                launch = {"executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS} if CHROMIUM.exists() else {}
                browser = p.chromium.launch(**launch)
                page = browser.new_page()
                page.goto(base + "studier/", timeout=120_000)
                times = page.evaluate(TIMINGS)
                browser.close()
        finally:
            server.shutdown()
    ordered = sorted(times)
    print(
        f"Catalogue filter with 1,022 courses: median {statistics.median(times):.1f} ms, "
        f"75th percentile {ordered[len(ordered) * 3 // 4]:.1f} ms, max {ordered[-1]:.1f} ms "
        f"over {len(times)} changes (target: median < 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
