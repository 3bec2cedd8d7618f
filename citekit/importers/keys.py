"""Deterministic, safe record keys for imported entries: ASCII, Cyrillic transliterated, no path tricks.

Pure functions; no I/O.
"""

from __future__ import annotations

import re
import unicodedata

from ..validate import key_problem

# Scholarly (simplified Library of Congress) romanisation of Russian and Ukrainian letters.
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "i", "i", "ie", "g"],
    strict=True,
))


def ascii_fold(text: str) -> str:
    """Latin letters without accents; Cyrillic romanised; anything else dropped."""
    out = []
    for c in text:
        low = c.lower()
        if low in _CYRILLIC:
            t = _CYRILLIC[low]
            out.append(t.capitalize() if c != low and t else t)
        else:
            out.append(c)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def safe_key(proposed: str, fallback: str = "record") -> str:
    """``proposed`` when it is already a safe key, else an ASCII slug of it (or of ``fallback``)."""
    if proposed and not key_problem(proposed):
        return proposed
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_fold(proposed or fallback)).strip("-.")
    slug = re.sub(r"\.{2,}", ".", slug)[:100]
    if not slug or key_problem(slug):
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(fallback).lower()).strip("-")[:100] or "record"
    return slug


def unique_key(key: str, folded: set[str]) -> str:
    """``key``, or ``key-2``, ``key-3``… when it is taken; ``folded`` holds the taken keys casefolded."""
    if key.casefold() not in folded:
        return key
    n = 2
    while f"{key}-{n}".casefold() in folded:
        n += 1
    return f"{key}-{n}"
