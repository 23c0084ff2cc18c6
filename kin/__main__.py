"""Command line: ``python -m kin validate [DATA_DIR]`` and ``python -m kin urls [--check] [DATA_DIR]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kin import links
from kin.dataset import load_dataset
from kin.errors import DataValidationError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kin", description="Check the KIN data files.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="validate every file under data/ and report all errors")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    urls = sub.add_parser("urls", help="list external URLs in the data; with --check, try each one (needs network)")
    urls.add_argument("--check", action="store_true", help="request each URL and report the broken ones")
    urls.add_argument("data_dir", nargs="?", default="data", type=Path)
    args = parser.parse_args(argv)
    if args.command == "urls":
        return list_urls(args.data_dir, args.check)

    started = time.perf_counter()
    try:
        data = load_dataset(args.data_dir)
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        return 1
    roles = data.role_counts()
    elapsed = time.perf_counter() - started
    print(
        f"OK: {len(data.people)} people ({', '.join(f'{n} {r.value}' for r, n in roles.items())}), "
        f"{len(data.organisations)} organisations, {len(data.meetings)} meetings, "
        f"{len(data.courses)} courses, {len(data.statements)} statements "
        f"in {elapsed:.2f} s"
    )
    return 0


def list_urls(data_dir: Path, check: bool) -> int:
    found = links.external_urls(data_dir)
    results = links.check_urls([f.url for f in found]) if check else {}
    for f in found:
        status = f"  [{results[f.url]}]" if check else ""
        print(f"{f.file}:{f.line}: {f.field}: {f.url}{status}")
    broken = sorted({u for u, r in results.items() if r != "ok"})
    print(f"{len({f.url for f in found})} external URLs" + (f", {len(broken)} not OK" if check else ""))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
