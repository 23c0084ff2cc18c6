"""Screenshots for the secretariat's guide (guide/bilder/), taken by the browser tests.

They go to a temporary folder, or into guide/bilder/ with KIN_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import ROOT

GUIDE = ROOT / "guide" / "bilder"


def save(page, name: str, tmp_path: Path, **kwargs) -> Path:
    target = GUIDE if os.environ.get("KIN_UPDATE_SCREENSHOTS") else tmp_path / "shots"
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=target / name, **kwargs)
    return target / name
