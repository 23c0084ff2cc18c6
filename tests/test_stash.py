"""HTML blocks kept out of Markdown come back exactly, wherever Markdown put the placeholder."""

from __future__ import annotations

import markdown

from kin_site import stash


def test_blocks_survive_markdown_unchanged():
    html = '<table class="x"><tr><td>*not emphasis* &amp; <a href="../a/">a</a></td></tr></table>'
    text = f"# Title\n\nIntro paragraph.\n{stash.put(html)}Closing *words*.\n"
    out = stash.restore(markdown.markdown(text))
    assert html in out and "<em>words</em>" in out and "kin-block" not in out


def test_expanded_keeps_blocks_for_restore():
    placeholder = stash.put("<p>x</p>")
    assert stash.expanded(f"a{placeholder}b") == "a\n\n<p>x</p>\n\nb"
    assert stash.restore(str(placeholder).strip()) == "<p>x</p>"
