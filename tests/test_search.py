"""Norwegian search text (kin.search) and the search index the site ships with it."""

from __future__ import annotations

import json
import re

from kin import search


def test_stop_words_are_gaps_between_words():
    assert search.words("Kurs i maskinlæring") == ["kurs", "maskinlæring"]
    assert search.words("I dag og Om KIN; helse i skyen.") == ["dag", "kin", "helse", "skyen"]
    assert search.words("i") == [] and search.words("og å") == []


def test_stop_words_only_as_whole_words():
    words = ["innspill", "ida", "ogsåing", "omsorg", "ki", "stafetten"]
    assert search.words("innspill Ida ogsåing omsorg KI-stafetten") == words
    assert search.words("7.5 studiepoeng, IØ6570/IØ6572") == ["7.5", "studiepoeng", "iø6570", "iø6572"]


def test_names_are_not_stop_words():
    assert search.words("Hans Mange Selv") == ["hans", "mange", "selv"]


def test_separator_is_valid_without_flags_in_python_and_plain_syntax():
    # Material compiles it with `new RegExp(separator)`: no flags, no Unicode classes.
    assert "\\p{" not in search.SEPARATOR and "(?i" not in search.SEPARATOR
    assert [w for w in re.split(search.SEPARATOR, "helse i skyen") if w] == ["helse", "skyen"]


def test_words_split_like_the_separator_in_the_browser():
    text = "Kurs i maskinlæring og Om KIN: helse i skyen, 7.5 sp (Jon I. Holm) – KI-stafetten «å være»"
    assert search.words(text) == [w.lower() for w in re.split(search.SEPARATOR, text) if w]


def test_other_spellings():
    assert search.spellings("tromsø") == {"tromso", "tromsoe"}
    assert search.spellings("dæhlen") == {"daehlen"}
    assert search.spellings("grüner") == {"gruner", "gruener"}
    assert search.spellings("ålesund") == {"aalesund", "alesund"}
    assert search.spellings("haakon") == set()  # ASCII: a query "Håkon" folds to it (the search worker)
    assert search.spellings("idéer") == {"ideer"}
    assert search.spellings("helse") == set()


def test_decomposed_input_folds_like_composed():
    # NFD å, as macOS writes it: its composed form is one more spelling.
    assert search.spellings("a\u030alesund") == {"ålesund", "aalesund", "alesund"}


def test_folded_text_lists_each_other_spelling_once():
    assert search.folded("Tromsø og Tromsø, Morten Dæhlen") == "tromso tromsoe daehlen"


def test_index_drops_stop_words_and_hides_other_spellings(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    config = index["config"]
    assert config["separator"] == search.SEPARATOR and config["pipeline"] == []
    assert config["fields"]["title_folded"] == config["fields"]["title"]
    # The search worker folds queries with the same table (JSON turns its tuples into lists).
    assert config["folds"] == {letter: list(forms) for letter, forms in search.FOLDS.items()}
    person = next(d for d in index["docs"] if d["location"] == "nettverket/#person-morten-daehlen")
    assert "daehlen" in person["title_folded"]
    # What people read (title, text) keeps the real spelling only.
    shown = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert "Tromsø" in shown and not re.search(r"tromso|daehlen", shown, re.I)
