"""Parse personal and corporate names written as text into :class:`citekit.model.Name`.

Forms understood: "Given Family", "Family, Given", "Family, Given, Jr.", "Given Family Jr.", lower-case
particles ("Ludwig van Beethoven", "Bartolomé de las Casas"), a name wholly in braces "{Barnes and Noble}"
(kept whole, as BibTeX does), and names written in CJK script ("毛泽东": family-first, no split).
Names written family-first in Latin script (Ma Zhongying) cannot be told apart from "Given Family" by
their text: records give them as tables with ``family_first = true``.

Pure functions only: no I/O, nothing above ``citekit.model`` imported.
"""

from __future__ import annotations

import re

from .model import Name, is_cjk

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd"}
# Lower-case words that may stand between given and family names.
_PARTICLE_RE = re.compile(
    r"^(?:[a-z]{1,3}|de|del|della|der|den|des|van|von|zu|zum|zur|dos|das|da|di|du|le|la|las|los|ten|ter|bin|ibn)$"
)


def _is_particle(word: str) -> bool:
    return bool(_PARTICLE_RE.match(word)) or "'" in word and word[0].islower()


def parse_name(text: str) -> Name:
    """Parse one name. Raises ValueError for an empty name."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("empty name")
    if text.startswith("{") and text.endswith("}") and text.count("{") == 1:
        return Name(literal=text[1:-1].strip())
    if is_cjk(text):
        return Name(family=text.replace(" ", ""), family_first=True)
    if "," in text:
        parts = [p.strip() for p in text.split(",")]
        suffix = ""
        if len(parts) >= 3:
            # "Family, Jr., Given" (BibTeX) or "Family, Given, Jr." (common)
            if parts[1].lower() in SUFFIXES:
                family, suffix, given = parts[0], parts[1], ", ".join(parts[2:])
            else:
                family, given, suffix = parts[0], parts[1], ", ".join(parts[2:])
        else:
            family, given = parts[0], parts[1]
            if given.lower() in SUFFIXES:  # "King Jr., Martin" is not handled; "Smith, Jr." means no given name
                family, given, suffix = family, "", given
        particle, family = _split_particle(family)
        return Name(family=family, given=given, particle=particle, suffix=suffix)
    words = text.split(" ")
    suffix = ""
    if len(words) > 1 and words[-1].lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    # particles: the first run of lower-case words after the first word
    i = 1
    while i < len(words) - 1 and not _is_particle(words[i]):
        i += 1
    if i < len(words) - 1 and _is_particle(words[i]):
        j = i
        while j < len(words) - 1 and _is_particle(words[j]):
            j += 1
        return Name(
            given=" ".join(words[:i]), particle=" ".join(words[i:j]), family=" ".join(words[j:]), suffix=suffix
        )
    return Name(given=" ".join(words[:-1]), family=words[-1], suffix=suffix)


def _split_particle(family: str) -> tuple[str, str]:
    """"van der Vliet" -> ("van der", "Vliet")."""
    words = family.split(" ")
    i = 0
    while i < len(words) - 1 and _is_particle(words[i]):
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def split_name_list(text: str) -> list[str]:
    """Split "A, B and C" / "A and B" / "A & B" into names (credit lines on archive pages)."""
    text = " ".join(text.split())
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)
    return [p for p in (p.strip() for p in parts) if p]
