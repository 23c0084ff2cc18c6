"""Every line of the source with content is on the built site, unless it is on the short,
documented list of text left out on purpose (tests/fixtures/source-left-out.yml).

Documented changes of wording (data/corrections.yml) are applied to a line before it is
looked for, so a corrected line counts as shown.
"""

from __future__ import annotations

import yaml
from conftest import DATA, ROOT
from source_coverage import on_site, seed_lines, words

from kin import load_dataset

LEFT_OUT = yaml.safe_load((ROOT / "tests" / "fixtures" / "source-left-out.yml").read_text(encoding="utf-8"))


def _expected(text: str, corrections) -> str:
    for c in corrections:
        text = text.replace(c.source_text, c.site_text)
    for item in LEFT_OUT:
        text = text.replace(item["text"], " ")
    return text


def test_left_out_list_is_short_reasoned_and_in_the_source():
    lines = [line.text for line in seed_lines()]
    assert len(LEFT_OUT) <= 15
    for item in LEFT_OUT:
        assert set(item) == {"text", "reason"} and item["reason"].strip(), item
        assert any(item["text"] in line for line in lines), f"not in the source: {item['text']}"


def test_every_source_line_is_on_the_site(built_site):
    corrections = load_dataset(DATA).corrections.corrections
    missing = []
    for line in seed_lines():
        text = _expected(line.text, corrections)
        if words(text).strip() and not on_site(built_site, text):
            missing.append(f"{line.number}: {line.text[:120]}")
    assert not missing, f"{len(missing)} source lines are nowhere on the site:\n" + "\n".join(missing)


def test_coverage_check_fails_for_a_line_that_is_not_shown(built_site):
    assert not on_site(built_site, "Dette står ikke på nettstedet noe sted, verken her eller der")
    assert on_site(built_site, "Velkommen til Tone og Arvid!")
