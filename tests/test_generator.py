"""The benchmark's synthetic data is valid and references stay inside each copy."""

from __future__ import annotations

import sys

from conftest import DATA, ROOT
from loading import load

from kin import load_dataset

sys.path.insert(0, str(ROOT / "scripts"))
from generate_data import generate


def test_generated_data_is_valid_and_scaled(tmp_path):
    real = load(DATA)
    data = load_dataset(generate(3, tmp_path / "data"))
    assert len(data.people) == 3 * len(real.people)
    assert len(data.meetings) == 3 * len(real.meetings)
    assert len(data.courses) == 3 * len(real.courses)
    assert len(data.statements) == 3 * len(real.statements)
    copy = data.meeting["2024-02-06"]  # 2022-02-08 moved 2 x 52 weeks
    speakers = {p for item in copy.agenda for p in item.speakers}
    assert speakers and all(p.endswith("-k2") for p in speakers)
    assert copy.next_meeting == "2024-04-02"
