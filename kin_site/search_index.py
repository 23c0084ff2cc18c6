"""MkDocs hook: make Material's search index Norwegian, after the search plugin wrote it.

Material's search (lunr in a web worker) reads its settings from
``search/search_index.json``. This rewrites that file only, never Material's
JavaScript: the separator drops Norwegian stop words from the index and from
every query (see ``kin.search``), the stop-word filter of lunr's own pipeline
is switched off (that list is ours now), and each section gets hidden fields
with other spellings of its words (``Tromso`` for ``Tromsø``). Only ``title``
and ``text`` are shown in results, so the folded spellings never appear there.
The spelling table goes into the config as ``folds``: our search worker folds
each query's words with it, so "Tromsø" also finds a page that spells "Tromso".
Under ``serve`` the foldings of the previous build are reused for unchanged texts.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from kin import search
from kin_site import runtime

FOLDED = {"title": "title_folded", "text": "text_folded"}
_previous: dict[str, str] = {}  # under serve: each text of the last index -> its other spellings


def _other_spellings(text: str, known: dict[str, str] | None) -> str:
    if known is not None and text in known:
        return known[text]
    return search.folded(search.strip_tags(text))


def norwegian(index: dict, known: dict[str, str] | None = None) -> dict:
    """The index made Norwegian; ``known`` (under serve) holds the previous build's foldings,
    reused for unchanged texts and replaced by this build's."""
    folds: dict[str, str] = {}
    config = index["config"]
    config["separator"] = search.SEPARATOR
    config["pipeline"] = []
    config["folds"] = search.FOLDS
    for field, hidden in FOLDED.items():
        config["fields"][hidden] = dict(config["fields"][field])
    for doc in index["docs"]:
        for field, hidden in FOLDED.items():
            text = doc.get(field, "")
            folds[text] = other = _other_spellings(text, known)
            if other:
                doc[hidden] = other
    if known is not None:
        known.clear()
        known.update(folds)
    return index


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config, **kwargs):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        index = norwegian(json.loads(path.read_bytes()), _previous if runtime.serving else None)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
