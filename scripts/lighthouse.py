"""Lighthouse on every page type, mobile and desktop, against the built site served like GitHub Pages.

Builds the site (unless --site is given), serves it with scripts/serve_pages.py
(gzip, cache headers, 404 page) and runs npm's Lighthouse (package.json; `make
deps` installs it) in Debian's Chromium, one page at a time, with its default
simulated throttling (mobile: a mid-range phone on slow 4G; desktop preset).
Before each run it waits until the machine is quiet (1-minute load average
below --max-load; the numbers in developers/page-speed.md depend on it) and records the load.
Prints a Markdown table for developers/page-speed.md.

    python scripts/lighthouse.py               # make lighthouse: 3 runs each, median
    python scripts/lighthouse.py --runs 1 --only studier/
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from serve_pages import start  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
PAGES = {
    "Home": "",
    "Meetings": "moter/",
    "Meeting": "moter/2022-02-08/",
    "Event (announced meeting)": "moter/2022-04-05/",
    "Network (people, charts)": "nettverket/",
    "Organisation": "organisasjoner/uib/",
    "Catalogue": "studier/",
    "Course": "studier/elmed219/",
    "Regions": "studier/regioner/",
    "Statements": "uttalelser/",
    "Statement": "uttalelser/ki-kompetanse-i-helsefagutdanningene/",
    "Open data": "om/apne-data/",
    "404": "404.html",  # the 404 page itself: Lighthouse will not audit a page answered with status 404
    "Search results": "?q=Troms%C3%B8",  # Material opens its search with the query (deep link)
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
                "--disable-sync --no-first-run --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'")  # fmt: skip


def lighthouse(url: str, desktop: bool, out: Path) -> dict[str, object]:
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]  # fmt: skip
    if desktop:
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    failed = sorted(
        f"{cat}:{ref['id']}"
        for cat in CATEGORIES
        for ref in report["categories"][cat]["auditRefs"]
        if ref["weight"] and cat != "performance" and (audits[ref["id"]].get("score") or 0) < 1
    )
    # Performance opportunities Lighthouse names (what would be saved), for the cause column
    hints = sorted(
        ref["id"]
        for ref in report["categories"]["performance"]["auditRefs"]
        if not ref["weight"]
        and audits[ref["id"]].get("score") is not None
        and audits[ref["id"]]["score"] < 0.9
        and audits[ref["id"]].get("details", {}).get("type") == "opportunity"
    )
    return {
        **{cat: round(report["categories"][cat]["score"] * 100) for cat in CATEGORIES},
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "failed": failed,
        "hints": hints,
        # Lighthouse's CPU benchmark of this machine at that moment (a quiet desktop scores ~1000+)
        "benchmark_index": report["environment"]["benchmarkIndex"],
    }


def wait_for_quiet(max_load: float, patience: float) -> float:
    """Wait (at most ``patience`` seconds) for the 1-minute load average to fall below ``max_load``."""
    deadline = time.monotonic() + patience
    while (load := os.getloadavg()[0]) >= max_load and time.monotonic() < deadline:
        time.sleep(5)
    return load


def median_run(runs: list[dict[str, object]]) -> dict[str, object]:
    """The run with the median performance score (its metrics belong together)."""
    ordered = sorted(runs, key=lambda r: r["performance"])
    best = dict(ordered[len(ordered) // 2])
    best["range"] = (ordered[0]["performance"], ordered[-1]["performance"])
    best["load"] = max(r["load"] for r in runs)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build into a temp dir)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and form factor (median reported)")
    parser.add_argument("--max-load", type=float, default=1.5, help="wait for a 1-minute load average below this")
    parser.add_argument("--patience", type=float, default=600, help="seconds to wait for it before running anyway")
    parser.add_argument("--only", nargs="*", help="page paths to measure (default: one of each type)")
    parser.add_argument("--json", type=Path, help="also write all results as JSON")
    parser.add_argument("--reports", type=Path, help="keep every Lighthouse report (JSON) in this folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make deps` (npm ci)")
    pages = {k: v for k, v in PAGES.items() if not args.only or v in args.only}
    with tempfile.TemporaryDirectory(prefix="kin-lighthouse-") as tmp:
        site = args.site
        if site is None:
            from conftest import build_site

            site = Path(tmp) / "site"
            result = build_site(site)
            if result.returncode:
                raise SystemExit(result.stderr)
        base, server = start(site)
        rows = []
        try:
            for name, path in pages.items():
                for desktop in (False, True):
                    runs = []
                    for _ in range(args.runs):
                        load = wait_for_quiet(args.max_load, args.patience)
                        out = Path(tmp) / "report.json"
                        runs.append({**lighthouse(base + path, desktop, out), "load": load})
                        if args.reports:
                            args.reports.mkdir(parents=True, exist_ok=True)
                            slug = re.sub(r"[^\w-]+", "_", path.strip("/")) or "home"
                            out.replace(args.reports / f"{slug}-{'desktop' if desktop else 'mobile'}-{len(runs)}.json")
                    rows.append({"page": name, "path": path, "form": "desktop" if desktop else "mobile",
                                 **median_run(runs)})  # fmt: skip
                    print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        finally:
            server.shutdown()
    print("| Page type | Form | Performance | Accessibility | Best practices | SEO | FCP | LCP | CLS | TBT | CPU index "
          "| Load | Not passed (other categories) |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        spread = f" ({r['range'][0]}–{r['range'][1]})" if r["range"][0] != r["range"][1] else ""
        print(f"| {r['page']} (`/{r['path']}`) | {r['form']} | {r['performance']}{spread} | {r['accessibility']} "
              f"| {r['best-practices']} | {r['seo']} | {r['fcp']:.1f} s | {r['lcp']:.1f} s | {r['cls']:.3f} "
              f"| {r['tbt']:.0f} ms | {r['benchmark_index']:.0f} | {r['load']:.1f} "
              f"| {', '.join(r['failed']) or '–'} |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
