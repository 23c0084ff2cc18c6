"""Build benchmark: the real site and synthetic data at 10x and 100x, against plain MkDocs.

The site is built with ProperDocs, the engine of the Makefile; the baseline is
plain MkDocs 1.6 on the same pages pre-rendered to Markdown (``python -m
kin_site render``); beside them, the whole Zensical path (``make build-zensical``).

For each scale it reports the median wall and CPU time of a strict build over
several runs, peak memory, pages, site size and search index size; the time to
validate the data; and the same pages pre-rendered to Markdown and built by
plain MkDocs (same theme and nav, no macros, no hooks) as the limit to compare
against. Both builds run in the same loop, alternating, so they see the same
machine; the ratio is taken pair by pair, on CPU time (user + system: on a
shared machine wall time measures the neighbours too) and on wall time. Then
the `serve` rebuild after a one-record edit at that scale. Every figure is a
median with its spread (min–max), and the load average before and after.

    python scripts/benchmark.py            # scales 1 10 100, 3 runs each
    python scripts/benchmark.py --runs 5 --scales 1 10 --no-zensical
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from generate_data import generate  # noqa: E402

from kin import routes  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


class Failed(Exception):
    """A timed command exited with an error; ``reason`` is the last line it wrote to stderr."""

    def __init__(self, cmd: list[str], stderr: str) -> None:
        super().__init__(f"failed: {' '.join(cmd)}\n{stderr}")
        self.reason = ([line for line in stderr.splitlines() if line.strip()] or ["(no message)"])[-1]


def timed(cmd: list[str], env: dict[str, str]) -> Run:
    """Run a command; wall time, CPU time (user + system) and peak RSS of that process alone."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise Failed(cmd, proc.stderr.read().decode())
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def build_cmd(config: Path, out: Path, strict: bool = True, engine: str = "properdocs") -> list[str]:
    cmd = [sys.executable, "-m", engine, "build", "-q", "-f", str(config), "-d", str(out)]
    return cmd + ["--strict"] * strict


def baseline_config(docs: Path, work: Path) -> Path:
    """Our mkdocs.yml with only the theme, nav and search: no macros plugin, no hooks."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(
        docs_dir=str(docs),
        plugins=["search"],
        extra={"routes": {k: v for k, v in vars(routes).items() if k.isupper()}},
        validation={"nav": {"omitted_files": "info"}},
    )
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    for key in ("hooks", "watch", "strict"):
        config.pop(key, None)
    path = work / "baseline.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def prerender(data: Path, work: Path) -> Path:
    """Every page of the real build as plain Markdown (links as MkDocs needs them), plus docs/' static files."""
    docs = work / "baseline-docs"
    timed([sys.executable, "-m", "kin_site", "render", str(docs), "--data", str(data), "--links", "page"], ENV)
    return docs


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def spread(values: list[float], fmt: str = ".2f") -> str:
    """'median (min–max)'."""
    return f"{statistics.median(values):{fmt}} ({min(values):{fmt}}–{max(values):{fmt}})"


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def measure(label: str, data: Path, runs: int, work: Path, zensical_too: bool = True, serve: bool = True) -> dict:
    env = {**ENV, "KIN_DATA_DIR": str(data)}
    site, base_site = work / "site", work / "baseline-site"
    base_config = baseline_config(prerender(data, work), work)
    # Zensical: render + export + `zensical build`, the whole of `make build-zensical`
    # (its peak memory is the largest of the script and the zensical process it waits for).
    zensical = [sys.executable, str(ROOT / "scripts/build_zensical.py"), str(work / "zensical"), "--data", str(data)]
    real, base, zen, validate = [], [], [], []
    zensical_refused = ""  # Zensical's own limits (its search index at 100x): recorded, not fatal
    load_before = load()
    for _ in range(runs):
        real.append(timed(build_cmd(ROOT / "mkdocs.yml", site), env))
        base.append(timed(build_cmd(base_config, base_site, strict=False, engine="mkdocs"), ENV))
        if zensical_too and not zensical_refused:
            try:
                zen.append(timed(zensical, ENV))
            except Failed as error:
                zensical_refused = error.reason
        validate.append(timed([sys.executable, "-m", "kin", "validate", str(data)], ENV))
    load_after = load()
    zensical_built = bool(zen) and not zensical_refused
    zen = zen or [Run(float("nan"), float("nan"), float("nan"))]
    med = lambda rs, attr: statistics.median(getattr(r, attr) for r in rs)  # noqa: E731
    no_serve = {"times": [(float("nan"), float("nan"))], "stats": {"reused": "–", "rendered": "–"}}
    rebuild = serve_rebuild(data, max(runs, 5), work) if serve else no_serve
    return {
        "scale": label,
        "load": f"{load_before} → {load_after}",
        "cpu_spread": spread([r.cpu for r in real]),
        "cpu_ratio": spread([r.cpu / b.cpu for r, b in zip(real, base, strict=True)]),
        "wall_ratio": spread([r.wall / b.wall for r, b in zip(real, base, strict=True)]),
        "baseline_cpu_spread": spread([r.cpu for r in base]),
        "serve_wall": spread([w for w, _ in rebuild["times"]]),
        "serve_cpu": spread([c for _, c in rebuild["times"]]),
        "serve_pages": rebuild["stats"],
        "wall_s": med(real, "wall"),
        "cpu_s": med(real, "cpu"),
        "peak_mib": max(r.peak_mib for r in real),
        "pages": sum(1 for _ in site.rglob("*.html")),
        "site_mib": size(site) / 2**20,
        "search_index_kib": (site / "search/search_index.json").stat().st_size / 1024,
        "baseline_wall_s": med(base, "wall"),
        "baseline_peak_mib": max(r.peak_mib for r in base),
        "ratio": med(real, "wall") / med(base, "wall"),
        "zensical_wall_s": med(zen, "wall"),
        "zensical_cpu_s": med(zen, "cpu"),
        "baseline_cpu_s": med(base, "cpu"),
        "zensical_peak_mib": max(r.peak_mib for r in zen),
        "zensical_pages": sum(1 for _ in (work / "zensical/site").rglob("*.html")) if zensical_built else 0,
        "zensical_refused": zensical_refused,
        "same_pages": sum(1 for _ in base_site.rglob("*.html")) == sum(1 for _ in site.rglob("*.html")),
        "validate_s": med(validate, "wall"),
    }


# What `properdocs serve` does: `on_startup` once, then on every change load the
# config again and build (kin_site/page_cache.py reuses unchanged pages).
# (Timing it from the server's log is unreliable: MkDocs drops a log line that
# repeats the previous one, such as two builds that took the same time.)
REBUILD = """
import json, logging, sys, time
from pathlib import Path
import properdocs.replacement  # as `properdocs` does: mkdocs.* imports (our hooks') resolve to properdocs.*
from properdocs.commands.build import build
from properdocs.config import load_config
try:
    from kin_site.page_cache import stats
except ImportError:  # a checkout from before the page cache: every page is rendered
    stats = {"reused": 0, "rendered": "all"}
logging.disable(logging.INFO)
config_file, site_dir, meeting, runs = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
serve_url = "http://127.0.0.1:8000/kin/"
original = meeting.read_text(encoding="utf-8")
def rebuild(first=False):
    config = load_config(config_file, site_dir=site_dir)
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    build(config, serve_url=serve_url)
rebuild(first=True)  # the startup build
times = []
for run in range(runs):
    meeting.write_text(original.replace("theme: ", f"theme: ({run}) ", 1), encoding="utf-8")
    started, cpu = time.perf_counter(), time.process_time()
    rebuild()
    times.append((time.perf_counter() - started, time.process_time() - cpu))
print(json.dumps({"times": times, "stats": stats}))
"""


def serve_rebuild(data: Path, runs: int, work: Path) -> dict:
    """Wall and CPU time of each `properdocs serve` rebuild after a one-record edit (a meeting's theme)."""
    copy = work / "serve-data"
    shutil.copytree(data, copy)
    meeting = copy / "meetings/2022-02-08.yml"
    site = work / "serve-site"
    cmd = [sys.executable, "-c", REBUILD, str(ROOT / "mkdocs.yml"), str(site), str(meeting), str(runs)]
    result = subprocess.run(cmd, cwd=ROOT, env={**ENV, "KIN_DATA_DIR": str(copy)}, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout)


def ratio_table(rows: list[dict[str, object]]) -> str:
    """Median (min–max) of each figure the targets are about, with the load average before → after."""
    lines = [
        "| Data | Build CPU | Plain MkDocs CPU | Ratio, CPU | Ratio, wall | Peak memory "
        "| Serve rebuild, wall | Serve rebuild, CPU | Pages reused / re-rendered | Load |",
        "|---|" + "---:|" * 9,
    ]
    for r in rows:
        pages = r["serve_pages"]
        lines.append(
            f"| {r['scale']} | {r['cpu_spread']} s | {r['baseline_cpu_spread']} s | {r['cpu_ratio']} "
            f"| {r['wall_ratio']} | {r['peak_mib']:.0f} MiB | {r['serve_wall']} s | {r['serve_cpu']} s "
            f"| {pages['reused']} / {pages['rendered']} | {r['load']} |"
        )
    return "\n".join(lines)


def zensical_cell(r: dict) -> str:
    if r["zensical_refused"]:
        return f"refused the build: {r['zensical_refused'].split('. ')[0]}"
    return f"{r['zensical_wall_s']:.2f} s, {r['zensical_cpu_s']:.2f} s, {r['zensical_peak_mib']:.0f} MiB"


def table(rows: list[dict[str, object]]) -> str:
    head = (
        "| Data | Build (wall) | Build (CPU) | Peak memory | Pages | Site size | Search index "
        "| Plain MkDocs (wall, CPU, memory) | Ratio | Zensical (wall, CPU, memory) | Validate |"
    )
    lines = [head, "|---|" + "---:|" * 10]
    for r in rows:
        lines.append(
            f"| {r['scale']} | {r['wall_s']:.2f} s | {r['cpu_s']:.2f} s | {r['peak_mib']:.0f} MiB | {r['pages']} "
            f"| {r['site_mib']:.1f} MiB | {r['search_index_kib']:.0f} KiB "
            f"| {r['baseline_wall_s']:.2f} s, {r['baseline_cpu_s']:.2f} s, {r['baseline_peak_mib']:.0f} MiB "
            f"| {r['ratio']:.2f} "
            f"| {zensical_cell(r)} "
            f"| {r['validate_s']:.2f} s |"
        )
    return "\n".join(lines)


def measure_scale(scale: int, args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"kin-bench-{scale}x-") as tmp:
        work = Path(tmp)
        data = ROOT / "data" if scale == 1 else generate(scale, work / "data")
        label = "real (1×)" if scale == 1 else f"{scale}×"
        serve = scale <= 10  # the serve targets are for 1x and 10x
        row = measure(label, data, args.runs, work, zensical_too=not args.no_zensical, serve=serve)
        print(f"{label}: done", file=sys.stderr)
        return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical build (its column shows nan)")
    args = parser.parse_args()
    try:
        rows = [measure_scale(scale, args) for scale in args.scales]
    except Failed as error:
        sys.exit(str(error))
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"median of {args.runs} runs\n")  # fmt: skip
    print(table(rows))
    print("\nMedian (min–max); ratio pair by pair against plain MkDocs; `serve` rebuild after a one-record edit:\n")
    print(ratio_table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
