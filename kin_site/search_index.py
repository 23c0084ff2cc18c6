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
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from kin import search

FOLDED = {"title": "title_folded", "text": "text_folded"}


def norwegian(index: dict) -> dict:
    config = index["config"]
    config["separator"] = search.SEPARATOR
    config["pipeline"] = []
    config["folds"] = search.FOLDS
    for field, hidden in FOLDED.items():
        config["fields"][hidden] = dict(config["fields"][field])
    for doc in index["docs"]:
        for field, hidden in FOLDED.items():
            if other := search.folded(search.strip_tags(doc.get(field, ""))):
                doc[hidden] = other
    return index


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config, **kwargs):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        index = norwegian(json.loads(path.read_bytes()))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
