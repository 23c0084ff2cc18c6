"""Draw the site's link-preview image (Open Graph, Twitter) with Chromium: 1200x630 PNG.

Run once after a change of name or colours; the PNG is committed:
    .venv/bin/python scripts/make_social_image.py
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

import material
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from kin import load_dataset  # noqa: E402
from kin.config import site_config  # noqa: E402

OUT = ROOT / "docs/assets/images/kin-social.png"
ICON = Path(material.__file__).parent / "templates/.icons/material/hexagon-multiple-outline.svg"  # the site's logo


def card(name: str, short: str, description: str) -> str:
    icon = ICON.read_text(encoding="utf-8").replace("<svg", '<svg fill="#ffffff" width="180" height="180"', 1)
    e = html.escape
    return f"""<!doctype html><html lang="nb"><meta charset="utf-8"><style>
      body {{ margin: 0; width: 1200px; height: 630px; background: #1d4e89; color: #fff;
             font-family: "DejaVu Sans", "Liberation Sans", sans-serif; display: flex; align-items: center; }}
      main {{ padding: 0 90px; display: flex; gap: 60px; align-items: center; }}
      svg {{ flex: none; }}
      h1 {{ font-size: 120px; margin: 0; letter-spacing: 4px; }}
      p {{ font-size: 40px; margin: 12px 0 0; line-height: 1.25; }}
      p + p {{ font-size: 30px; opacity: .9; margin-top: 28px; }}
    </style><main>{icon}<div><h1>{e(short)}</h1><p>{e(name)}</p><p>{e(description)}</p></div></main></html>"""


def main() -> None:
    network = load_dataset(ROOT / "data").network
    with sync_playwright() as p:
        launch = {"executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS} if CHROMIUM.exists() else {}
        browser = p.chromium.launch(**launch)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(card(network.name, network.short_name, site_config()["site_description"]))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT))
        browser.close()
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
