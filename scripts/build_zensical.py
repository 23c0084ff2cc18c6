"""Build the site with Zensical (Material's successor) from engine-independent parts.

Zensical runs neither MkDocs hooks nor mkdocs-macros, so it gets what those
make, from the data layer: every page as Markdown with the data rendered
(``kin_site.prerender``, as ``python -m kin_site render``) and every non-page output
(``kin.export``, as ``python -m kin export``). The config is ``mkdocs.yml`` with
the same nav, palette, overrides and assets, the ``classic`` variant (Material's
look), and without the hooks and the macros plugin.

    python scripts/build_zensical.py [OUT_DIR]     # default build/zensical; the site is OUT_DIR/site
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kin import config, export, load_dataset, routes  # noqa: E402
from kin_site import prerender  # noqa: E402


def zensical_config(work: Path) -> Path:
    """mkdocs.yml for Zensical: rendered Markdown in, no hooks or macros."""
    cfg = config.site_config()
    cfg.update(
        docs_dir="docs",  # relative to the config: Zensical panics on absolute paths
        site_dir="site",
        plugins=["search"],
        extra={**cfg.get("extra", {}), "routes": {k: v for k, v in vars(routes).items() if k.isupper()}},
    )
    shutil.copytree(ROOT / "overrides", work / "overrides")
    cfg["theme"] = {**cfg["theme"], "variant": "classic", "custom_dir": "overrides"}
    for key in ("hooks", "watch"):
        cfg.pop(key, None)
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def prepare(work: Path, data_dir: Path) -> Path:
    """Rendered pages and exports in ``work/docs``, and the config; returns the config's path."""
    shutil.rmtree(work, ignore_errors=True)
    data = load_dataset(data_dir)
    prerender.write(data, config.today(), work / "docs")
    export.write_all(data, work / "docs", config.site_url())
    # The web editor's code, which a hook adds to the MkDocs/ProperDocs build (kin_site/admin.py).
    from kin_site import admin

    for path in sorted(admin.DIST.iterdir()):
        if admin._wanted(path.name):
            shutil.copy2(path, work / "docs/admin" / path.name)
    return zensical_config(work)


def build(work: Path, data_dir: Path) -> subprocess.CompletedProcess:
    cfg = prepare(work, data_dir)
    cmd = [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(cfg)]
    return subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=600)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=ROOT / "build/zensical", type=Path)
    parser.add_argument("--data", dest="data_dir", default=ROOT / "data", type=Path)
    args = parser.parse_args()
    result = build(args.out_dir.resolve(), args.data_dir)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode == 0:
        print(f"Zensical site in {args.out_dir / 'site'}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
