"""Command line of the site layer (no site generator needed):

python -m kin_site render OUT_DIR [--data DATA_DIR] [--links source|page]

The data layer's own commands are ``python -m kin ...``; this one needs the
site's templates (``kin_site``), which the data layer never imports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kin import config, load_dataset
from kin.errors import DataValidationError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kin_site", description="The KIN site's pages without MkDocs.")
    sub = parser.add_subparsers(dest="command", required=True)
    render = sub.add_parser("render", help="write every page as Markdown, data rendered, into OUT_DIR")
    render.add_argument("out_dir", type=Path)
    render.add_argument("--data", dest="data_dir", default="data", type=Path, help="data folder (default: data)")
    render.add_argument(
        "--links",
        choices=["source", "page"],
        default="source",
        help="relative links in rendered HTML: from the Markdown file (Zensical; default) or the page URL (MkDocs)",
    )
    args = parser.parse_args(argv)
    return render_markdown(args.data_dir, args.out_dir, args.links)


def render_markdown(data_dir: Path, out_dir: Path, links: str) -> int:
    from kin_site import prerender  # the site's templates; no site generator

    try:
        data = load_dataset(data_dir)
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        return 1
    written = prerender.write(data, config.today(), out_dir, links=links)
    print(f"OK: {len(written)} sider skrevet til {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
