"""Norwegian search text, independent of any site generator.

A search index built from the site's text needs three things that a generic
English search lacks:

* ``SEPARATOR``: a regular expression (valid in Python and in JavaScript, no
  flags needed) that splits text into words *and swallows stop words*. Used as
  the tokenizer's separator, it removes stop words from the index and, because
  the search UI splits queries with the same separator, from every query too,
  so "kurs i maskinlæring" searches for "kurs" and "maskinlæring" only.
* ``folded(text)``: the other spellings of the words in ``text`` that a person
  without a Norwegian keyboard types (æ/ae, ø/o, å/aa, ü/u, accents dropped).
  They go into a hidden field of the index, never into the text people read.
  The reverse direction (a query typed with ø finds "Tromso") is the query's
  side: our search worker adds the same spellings of the query's words, with
  the same table (``FOLDS``, shipped in the index), so both sides fold alike.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Bokmål and Nynorsk function words (lunr-languages' Norwegian list), and a few
# English ones for the English course texts. Names and subject words stay out.
_STOP_WORDS = """
    alle at av bare begge ble blei bli blir blitt både båe da de deg dei deim deira deires dem den denne der
    dere deres det dette di din disse ditt du dykk dykkar då eg ein eit eitt eller elles en enn er et ett etter
    for fordi fra før ha hadde han har hennar henne hennes her hjå ho hoe honom hoss hossen hun hva hvem hver
    hvilke hvilken hvis hvor hvordan hvorfor i ikke ikkje ingen ingi inkje inn inni ja jeg kan kom korleis korso
    kun kunne kva kvar kvarhelst kven kvi kvifor man me med medan meg meget men mi min mine mitt mot mykje ned
    noe noen noka noko nokon nokor nokre nå når og også om opp oss på samme seg si sia sidan siden sin sine sitt
    sjøl skal skulle slik so som somme somt så sånn til um upp ut uten var vart varte ved vere verte vi vil
    ville vore vors vort vår være vært å
    a an and of on the to with
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# "hans" (a first name), "no", "mange", "mellom", "over" and "selv" are left out of
# lunr's list: people search for them.

# Characters between words. Dots split words too, except before a digit (7.5).
_BETWEEN = r"\s\-–—,;:!?()\[\]{}\"'«»“”‘’/|"
_GAP = rf"(?:[{_BETWEEN}]|\.(?!\d))+"


def _word_pattern(word: str) -> str:
    # No regex flags reach the browser's tokenizer: match "I" and "Og" as well.
    first = word[0]
    return (f"[{first}{first.upper()}]" if first.upper() != first else re.escape(first)) + re.escape(word[1:])


def _stop_words_pattern() -> str:
    words = "|".join(_word_pattern(w) for w in sorted(STOP_WORDS, key=lambda w: (-len(w), w)))
    # A whole word only: nothing but a gap (or the text's edge) on either side.
    return rf"(?<![^{_BETWEEN}.])(?:{words})(?![^{_BETWEEN}.])"


SEPARATOR = f"{_GAP}|{_stop_words_pattern()}"
_GAPS = re.compile(_GAP)

# How each letter is typed without it; the first spelling is the usual one. The
# search worker (docs/assets/javascripts/workers/kin-search.js) reads this table
# from the index and mirrors ``spellings`` for the words of each query.
FOLDS = {
    "æ": ("ae",),
    "ø": ("o", "oe"),
    "å": ("aa", "a"),  # "Aase" and "Åse", "Hakon" (an ASCII slug) and "Håkon"
    "ü": ("u", "ue"),
    "ö": ("o", "oe"),
    "ä": ("ae", "a"),
}


def words(text: str) -> list[str]:
    """The words of ``text`` that go into the index, lower-cased, stop words removed
    (what ``SEPARATOR`` does, done faster: split at gaps, then drop stop words)."""
    return [w for w in map(str.lower, _GAPS.split(text)) if w and w not in STOP_WORDS]


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@functools.lru_cache(maxsize=1 << 16)
def spellings(word: str) -> frozenset[str]:
    """Other spellings of one lower-case word (not including the word itself): its
    composed form (NFC) and every way of typing it in ASCII letters."""
    if word.isascii():
        return frozenset()
    composed = unicodedata.normalize("NFC", word)
    forms = {composed}
    for letter, replacements in FOLDS.items():
        if letter in composed:
            forms = {f.replace(letter, r) for f in forms for r in replacements}
    return frozenset({composed} | {_strip_accents(f) for f in forms}) - {word}


def folded(text: str) -> str:
    """Other spellings of the words in ``text``, space-separated, each once."""
    seen: dict[str, None] = {}
    for word in words(text):
        for form in sorted(spellings(word)):
            seen.setdefault(form)
    return " ".join(seen)


def strip_tags(html: str) -> str:
    """The text of an HTML fragment (markup replaced by spaces; entities are left as they are)."""
    return re.sub(r"<[^>]*>", " ", html)
