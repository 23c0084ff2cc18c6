"""Norwegian alphabetical order: a–z, then æ, ø, å; case-insensitive.

Python's default order puts å before æ and ø (by code point) and sorts
capitals before small letters. Here ä sorts as æ and ö as ø, as in Norwegian
dictionaries, and other accented letters sort with their base letter (é as e).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# After z in code-point order: '{', '|', '}'.
_LETTERS = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}", "ü": "y"})


def sort_key(text: str) -> tuple[str, str]:
    """Key for Norwegian alphabetical order; ties are broken by the exact text."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_LETTERS)
    base = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return base, text


def sorted_nb(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """``items`` in Norwegian alphabetical order of ``key``."""
    return sorted(items, key=lambda item: sort_key(key(item)))
