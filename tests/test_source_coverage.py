"""Every line of the source with content is on the built site, unless it is on the short,
documented list of text left out on purpose (tests/fixtures/source-left-out.yml).

Documented changes of wording (data/corrections.yml) are applied to a line before it is
looked for, so a corrected line counts as shown; so does a line shown as the source has it
(a correction may apply in one place only, say a date on the resources page, while a talk's
slide keeps the source's words). Text left out on purpose is either a text (removed from
every line) or a range of source lines (screenshots' page furniture), each with its reason.
"""

from __future__ import annotations

import yaml
from conftest import DATA, ROOT
from source_coverage import on_site, seed_lines, words

from kin import load_dataset

LEFT_OUT = yaml.safe_load((ROOT / "tests" / "fixtures" / "source-left-out.yml").read_text(encoding="utf-8"))


def _left_out(text: str) -> str:
    for item in LEFT_OUT:
        if "text" in item:
            text = text.replace(item["text"], " ")
    return text


def _corrected(text: str, corrections) -> str:
    for c in corrections:
        text = text.replace(c.source_text, c.site_text)
    return text


def _line_numbers(item: dict) -> range:
    first, _, last = str(item["lines"]).partition("-")
    return range(int(first), int(last or first) + 1)


SKIPPED = {n for item in LEFT_OUT if "lines" in item for n in _line_numbers(item)}


def test_left_out_list_is_short_reasoned_and_in_the_source():
    lines = [line.text for line in seed_lines()]
    numbered = {line.number for line in seed_lines()}
    assert len(LEFT_OUT) <= 15
    for item in LEFT_OUT:
        assert set(item) in ({"text", "reason"}, {"lines", "reason"}) and item["reason"].strip(), item
        if "text" in item:
            assert any(item["text"] in line for line in lines), f"not in the source: {item['text']}"
        else:  # a range of lines, each with content (a typo in the numbers shows here)
            assert set(_line_numbers(item)) & numbered, item


def test_every_source_line_is_on_the_site(built_site):
    corrections = load_dataset(DATA).corrections.corrections
    missing = []
    for line in seed_lines():
        if line.number in SKIPPED:
            continue
        text = _left_out(line.text)
        if not words(text).strip() or on_site(built_site, text):
            continue
        if not on_site(built_site, _corrected(text, corrections)):
            missing.append(f"{line.number}: {line.text[:120]}")
    assert not missing, f"{len(missing)} source lines are nowhere on the site:\n" + "\n".join(missing)


def test_coverage_check_fails_for_a_line_that_is_not_shown(built_site):
    assert not on_site(built_site, "Dette står ikke på nettstedet noe sted, verken her eller der")
    assert on_site(built_site, "Velkommen til Tone og Arvid!")
