"""Command line of the data layer (no MkDocs needed):

python -m kin validate [DATA_DIR]
python -m kin urls [--check] [DATA_DIR]
python -m kin export OUT_DIR [--data DATA_DIR] [--site-url URL]
python -m kin edit [--port PORT] [--origin ORIGIN] [DATA_DIR]   (the web editor's back end alone; make edit mounts it)
python -m kin generate [--check]
python -m kin new ITEM --field value ... [--data-dir DATA_DIR]   (ITEM: meeting, person, organisation, ...)

The site's pages as Markdown (``render``) are the site layer's: ``python -m kin_site render``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path

from kin import config, links
from kin.dataset import load_dataset
from kin.errors import DataValidationError
from kin.labels import ROLE_PLURAL


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kin", description="Check the KIN data files.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="validate every file under data/ and report all errors")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    urls = sub.add_parser("urls", help="list external URLs in the data; with --check, try each one (needs network)")
    urls.add_argument("--check", action="store_true", help="request each URL and report the broken ones")
    urls.add_argument("data_dir", nargs="?", default="data", type=Path)
    exp = sub.add_parser("export", help="write calendars, feeds, open data and downloads into OUT_DIR")
    exp.add_argument("out_dir", type=Path)
    exp.add_argument("--data", dest="data_dir", default="data", type=Path, help="data folder (default: data)")
    exp.add_argument("--site-url", help="absolute URL of the site (default: site_url in mkdocs.yml)")
    edit = sub.add_parser(
        "edit", help="the web editor's local back end alone (make edit serves it inside the site instead)"
    )
    edit.add_argument("--port", type=int, default=None, help="port to listen on (default 8081, or KIN_EDIT_PORT)")
    edit.add_argument(
        "--origin",
        action="append",
        help="origin of the served site whose editor may call it (default http://127.0.0.1:8000 and localhost)",
    )
    edit.add_argument("data_dir", nargs="?", default=None, type=Path)
    gen = sub.add_parser("generate", help="write the files generated from the schema (JSON Schemas, field reference)")
    gen.add_argument("--check", action="store_true", help="only list stale generated files; fail if there are any")
    new = sub.add_parser(
        "new",
        help="start a new record file, e.g. new meeting --date 2027-02-09 --title 'Nettverksmøte 1/2027' --theme ...",
    )
    new.add_argument("item", help="meeting, person, organisation, course, course-count or statement")
    new.add_argument("options", nargs=argparse.REMAINDER, help="--field value for the fields to fill in")
    args = parser.parse_args(argv)
    if args.command == "edit":
        return serve_editor(args.data_dir, args.port, args.origin)
    if args.command == "new":
        return new_record(args.item, args.options)
    if args.command == "urls":
        return list_urls(args.data_dir, args.check)
    if args.command == "generate":
        return generate_files(args.check)
    if args.command == "export":
        return export(args.data_dir, args.out_dir, args.site_url or config.site_url())

    started = time.perf_counter()
    data = _load(args.data_dir)
    if data is None:
        return 1
    roles = data.role_counts()
    elapsed = time.perf_counter() - started
    counts = ", ".join(f"{n} {ROLE_PLURAL[r].lower()}" for r, n in roles.items())
    print(  # for the secretariat: Norwegian, as the error messages are
        f"OK: {len(data.people)} personer ({counts}), {len(data.organisations)} organisasjoner, "
        f"{len(data.meetings)} arrangementer, {len(data.courses)} studietilbud, "
        f"{len(data.statements)} uttalelser ({f'{elapsed:.2f}'.replace('.', ',')} s)"
    )
    return 0


def _load(data_dir: Path):
    """The validated data, or None after printing every error (to stderr)."""
    try:
        return load_dataset(data_dir)
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        return None


def serve_editor(data_dir: Path | None, port: int | None, origins: list[str] | None) -> int:
    from kin import editserver, editweb

    data_dir = data_dir or Path(os.environ.get("KIN_DATA_DIR") or "data")
    port = port or int(os.environ.get("KIN_EDIT_PORT") or editserver.DEFAULT_PORT)
    origins = origins or ["http://127.0.0.1:8000", "http://localhost:8000"]
    server = editweb.make_server(data_dir, port, origins)
    print(
        f"Webredaktøren lagrer i {data_dir.resolve()} (lokal tjeneste på 127.0.0.1:{port}, for {', '.join(origins)}).",
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


def export(data_dir: Path, out_dir: Path, site_url: str) -> int:
    from kin import export as outputs  # icalendar is only needed here

    data = _load(data_dir)
    if data is None:
        return 1
    written = outputs.write_all(data, out_dir, site_url)
    print(f"OK: {len(written)} filer skrevet til {out_dir}")
    return 0


def new_record(item: str, options: list[str]) -> int:
    from kin import scaffold

    try:
        given = scaffold.parse_options(options)
        data_dir = Path(given.pop("data_dir", ["data"])[-1])
        path = scaffold.create(data_dir, item, given)
    except scaffold.ScaffoldError as exc:
        print(f"python -m kin new {item}: {exc}", file=sys.stderr)
        return 1
    print(f"Skrev {path}. Fyll ut resten, og kjør så python -m kin validate")
    return 0


def generate_files(check: bool) -> int:
    from kin import generate

    root = Path(__file__).resolve().parent.parent
    if check:
        found = generate.stale(root)
        for rel in found:
            print(f"{rel}: out of date; run python -m kin generate", file=sys.stderr)
        return 1 if found else 0
    for rel in generate.write(root):
        print(f"wrote {rel}")
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
