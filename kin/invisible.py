"""Invisible format characters that change how text reads.

Bidirectional overrides, embeddings and isolates can show a text in another
order than it is stored ("fdp.exe" shown as "exe.pdf"), and zero-width
characters can hide a difference between two texts that look the same (a
name, a link, a search word). Unicode gives them the category ``Cf``
(format). Every one is refused, except zero-width (non-)joiners between two
characters of a script that needs them (Persian, Indic scripts, emoji
sequences); never between Latin letters, where they only hide.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

_JOINERS = {"\u200c", "\u200d"}  # zero width non-joiner, zero width joiner


def _joinable(char: str) -> bool:
    """A character a joiner may sit beside: a non-Latin letter or mark, or a symbol (emoji)."""
    if char.isascii():
        return False
    category = unicodedata.category(char)
    if category == "So" or category.startswith("M"):
        return True
    return category.startswith("L") and "LATIN" not in unicodedata.name(char, "")


def hidden_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of every forbidden format character in ``text``."""
    if text.isascii() or text.isprintable():  # format characters (Cf) are never printable
        return
    for index, char in enumerate(text):
        if unicodedata.category(char) != "Cf":
            continue
        between = 0 < index < len(text) - 1 and _joinable(text[index - 1]) and _joinable(text[index + 1])
        if char in _JOINERS and between:
            continue
        yield index, char


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")
