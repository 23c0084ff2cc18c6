"""The secretariat's loop, end to end: save a meeting's title in the web editor, until the page shows it.

Runs what ``make edit`` runs (``KIN_EDIT=1 properdocs serve``: the site with the
editor's back end on its own origin) on a copy of the data at each scale, opens
the editor (Decap CMS) in Chromium, and per run: opens the meeting, types a new
title, publishes, and times

* **saved**: until the back end answered the save (merge, validate, write);
* **shown**: until the meeting page, open in a second tab of the same browser,
  shows the new title (the back end's save, the file watcher, the site rebuild,
  the live-reload).

Also the CPU seconds the server process spent per run (from /proc: the back
end's save and the rebuild together; ``--backend-only`` times the save alone)
and the machine's load. Never a test: speed lives here and in developers/editor-performance.md.

    python scripts/bench_editor.py                 # scales 1 10, 5 runs each
    python scripts/bench_editor.py --scales 1 --runs 3
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from generate_data import generate  # noqa: E402

from kin import routes  # noqa: E402

# Where the site and the editor are, given the port `serve` listens on (change here if `make edit` moves them).
SITE_URL = "http://127.0.0.1:{site}/kin/"
ADMIN_URL = SITE_URL + "admin/"
MEETING_ID = "2022-02-08"  # a real meeting, present at every scale
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]  # fmt: skip
WAIT_MS = 600_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(data: Path) -> tuple[list[subprocess.Popen], int]:
    """``make edit`` on ``data``; returns its processes and the site's port."""
    site = free_port()
    env = {**os.environ, "KIN_DATA_DIR": str(data), "KIN_EDIT": "1", "NO_MKDOCS_2_WARNING": "1"}
    quiet = {"cwd": ROOT, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    serve = [sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "--strict", "-a", f"127.0.0.1:{site}"]
    ctrl_c = {"preexec_fn": lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)} if os.name != "nt" else {}
    procs = [subprocess.Popen(serve, **quiet, **ctrl_c)]  # takes Ctrl-C even if this script ignores it
    url = SITE_URL.format(site=site)
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:  # the first build
        try:
            with urllib.request.urlopen(url + routes.MEETINGS + MEETING_ID + "/", timeout=5):
                return procs, site
        except OSError:
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                stop(procs)
                raise SystemExit("the site or the editor's back end did not start") from None
            time.sleep(0.5)


def stop(procs: list[subprocess.Popen]) -> None:
    """Ctrl-C, as a user stops `serve` (it then removes its temp site); ended if it does not stop."""
    for proc in procs:
        proc.send_signal(signal.SIGINT if os.name != "nt" else signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def measure(data: Path, runs: int) -> list[tuple[float, float, float]]:
    """(saved, shown, server CPU) in seconds, per run."""
    from playwright.sync_api import expect, sync_playwright

    procs, port = start(data)
    site, admin = SITE_URL.format(site=port), ADMIN_URL.format(site=port)
    results = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            editor, reader = browser.new_page(), browser.new_page()
            editor.set_default_timeout(WAIT_MS)
            reader.set_default_timeout(WAIT_MS)
            editor.goto(admin)
            editor.get_by_role("button", name="Logg inn").click()
            reader.goto(site + routes.MEETINGS + MEETING_ID + "/")
            for run in range(runs + 1):  # run 0 warms up (first save, first rebuild)
                title = f"Nettverksmøte nr 1 2022 (måling {run})"
                editor.goto(f"{admin}#/collections/meetings/entries/{MEETING_ID}")
                editor.reload()  # opens the record afresh, as a new visit would
                field = editor.get_by_label("Tittel", exact=True).first
                expect(field).to_have_value(re.compile("^Nettverksmøte nr 1 2022"), timeout=WAIT_MS)
                field.fill(title)
                editor.get_by_role("button", name="Publiser").click()
                cpu = sum(cpu_seconds(p.pid) for p in procs)
                with editor.expect_response(lambda r: r.url.endswith("/api/v1") and r.request.method == "POST"
                                            and "persistEntry" in (r.request.post_data or "")) as answer:  # fmt: skip
                    started = time.perf_counter()
                    editor.get_by_role("menuitem", name="Publiser nå").click()
                if not answer.value.ok:
                    raise SystemExit(f"save refused: {answer.value.text()}")
                saved = time.perf_counter() - started
                reader.get_by_text(title).first.wait_for()  # live-reload brings the new page
                shown = time.perf_counter() - started
                time.sleep(1)  # let the rebuild's tail (exports) finish before reading CPU
                if run:
                    results.append((saved, shown, sum(cpu_seconds(p.pid) for p in procs) - cpu))
            browser.close()
    finally:
        stop(procs)
    return results


def backend_only(data: Path, runs: int) -> list[tuple[float, float]]:
    """(wall, CPU) of the back end's save alone, in this process: merge, validate the dataset, write."""
    from kin import editserver

    folder = editserver.DataFolder(data)
    name = f"data/meetings/{MEETING_ID}.yml"
    results = []
    for run in range(runs + 1):  # run 0 warms up
        loaded = editserver.handle(folder, "getEntry", {"path": name})["data"]
        raw = re.sub(r"(?m)^title: .*$", f"title: Nettverksmøte nr 1 2022 (kjøring {run})", loaded, count=1)
        started, cpu = time.perf_counter(), time.process_time()
        editserver.handle(folder, "persistEntry", {"dataFiles": [{"path": name, "raw": raw}], "assets": []})
        if run:
            results.append((time.perf_counter() - started, time.process_time() - cpu))
    return results


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backend-only", action="store_true", help="only the back end's save, in-process, no browser")
    args = parser.parse_args()
    rows = []
    for scale in args.scales:
        with tempfile.TemporaryDirectory(prefix=f"kin-bench-editor-{scale}x-") as tmp:
            data = Path(tmp) / "data"
            if scale == 1:
                shutil.copytree(ROOT / "data", data)
            else:
                generate(scale, data)
            load_before = os.getloadavg()[0]
            results = backend_only(data, args.runs) if args.backend_only else measure(data, args.runs)
            load_after = os.getloadavg()[0]
        columns = " | ".join(summary([r[i] for r in results]) for i in range(len(results[0])))
        label = "real (1×)" if scale == 1 else f"{scale}×"
        rows.append(f"| {label} | {columns} | {load_before:.1f} → {load_after:.1f} |")
        print(f"{label}: done", file=sys.stderr)
    print(f"{os.cpu_count()} CPUs, median (min–max) of {args.runs} runs after one warm-up\n")
    if args.backend_only:
        print("| Data | Back end save (wall) | Back end save (CPU) | Load (1 min) |\n|---|---:|---:|---:|")
    else:
        print("| Data | Save answered | Page shows the new title | Server CPU per save | Load (1 min) |")
        print("|---|---:|---:|---:|---:|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
