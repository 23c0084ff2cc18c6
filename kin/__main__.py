"""Command line: ``python -m kin validate [DATA_DIR]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kin.dataset import load_dataset
from kin.errors import DataValidationError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kin", description="Check the KIN data files.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="validate every file under data/ and report all errors")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    args = parser.parse_args(argv)

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


if __name__ == "__main__":
    sys.exit(main())
