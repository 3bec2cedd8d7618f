"""Parse personal and corporate names written as text into :class:`citekit.model.Name`.

Forms understood: "Given Family", "Family, Given", "Family, Given, Jr.", "Given Family Jr.", lower-case
particles ("Ludwig van Beethoven", "Bartolomé de las Casas"), a name wholly in braces "{Barnes and Noble}"
(kept whole, as BibTeX does; braces also hold words together: "{Van Buren}, Martin"), organisations
("Ministry of Foreign Affairs of Ukraine": kept whole), and names written in CJK script ("毛泽东":
family-first, no split).
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


# Words that make a string an organisation's name rather than a person's ("Ministry of Foreign Affairs of
# Ukraine", "Carnegie Corporation of New York"): such names are kept whole, as a literal.
ORGANISATION_WORDS = {
    "academy", "administration", "agency", "archive", "archives", "association", "bureau", "center", "centre",
    "commission", "committee", "company", "consulate", "corporation", "council", "department", "directorate",
    "embassy", "federation", "foundation", "government", "headquarters", "inc.", "institute", "legation",
    "library", "ltd.", "ministry", "museum", "office", "organisation", "organization", "party", "politburo",
    "presidium", "secretariat", "society", "university",
}
_LINKING_WORDS = {"of", "for", "the", "and", "&"}


def _words(text: str) -> list[str]:
    """Split on spaces outside braces: "{Barnes and} Noble" -> ["{Barnes and}", "Noble"]."""
    words, depth, current = [], 0, ""
    for c in text:
        depth += (c == "{") - (c == "}")
        if c == " " and depth <= 0:
            words.append(current)
            current, depth = "", 0
        else:
            current += c
    return [w for w in words + [current] if w]


def _commas(text: str) -> list[str]:
    """Split on commas outside braces."""
    parts, depth, current = [], 0, ""
    for c in text:
        depth += (c == "{") - (c == "}")
        if c == "," and depth <= 0:
            parts.append(current.strip())
            current = ""
        else:
            current += c
    return parts + [current.strip()]


def _unbrace(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def _wholly_braced(text: str) -> bool:
    """True for "{Barnes and Noble}" and "{Barnes {and} Noble}", false for "{Barnes} and {Noble}"."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, c in enumerate(text):
        depth += (c == "{") - (c == "}")
        if depth == 0 and i < len(text) - 1:
            return False
    return depth == 0


def is_organisation(text: str) -> bool:
    """True when a name as written is evidently an organisation's."""
    words = [w.lower().strip(",") for w in text.split()]
    if any(w in ORGANISATION_WORDS for w in words):
        return True
    return len(words) >= 3 and any(w in _LINKING_WORDS for w in words[1:-1])


def parse_name(text: str) -> Name:
    """Parse one name. Raises ValueError for an empty name or one that cannot be read."""
    text = " ".join(text.split())
    if not text or not _unbrace(text).strip():
        raise ValueError("empty name")
    if _wholly_braced(text):
        return Name(literal=" ".join(_unbrace(text).split()))
    if is_cjk(text):
        return Name(family=text.replace(" ", ""), family_first=True)
    if "{" not in text and is_organisation(text):
        return Name(literal=text)
    if "," in text:
        parts = _commas(text)
        if len(parts) > 3:
            raise ValueError(f"cannot read name {text!r}: write \"Family, Given\" or \"Family, Given, Jr.\" "
                             "(an organisation in braces: \"{Name, Inc.}\")")
        suffix = ""
        if len(parts) == 3:
            # "Family, Jr., Given" (BibTeX) or "Family, Given, Jr." (common)
            if parts[1].lower() in SUFFIXES:
                family, suffix, given = parts
            else:
                family, given, suffix = parts
        else:
            family, given = parts
            if given.lower() in SUFFIXES:  # "Smith, Jr." means no given name
                given, suffix = "", given
        *head, last = family.split(" ") if family else [""]
        if head and last.lower() in SUFFIXES and not suffix:  # "King Jr., Martin Luther"
            family, suffix = " ".join(head), last
        if not family:
            raise ValueError(f"cannot read name {text!r}: no family name before the comma")
        particle, family = _split_particle(family)
        return Name(family=_unbrace(family), given=_unbrace(given), particle=particle, suffix=suffix)
    words = _words(text)
    suffix = ""
    if len(words) > 1 and words[-1].lower() in SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Name(family=_unbrace(words[0]), suffix=suffix)
    # particles: the first run of lower-case words after the first word
    i = 1
    while i < len(words) - 1 and not _is_particle(words[i]):
        i += 1
    if i < len(words) - 1 and _is_particle(words[i]):
        j = i
        while j < len(words) - 1 and _is_particle(words[j]):
            j += 1
        return Name(given=_unbrace(" ".join(words[:i])), particle=" ".join(words[i:j]),
                    family=_unbrace(" ".join(words[j:])), suffix=suffix)
    return Name(given=_unbrace(" ".join(words[:-1])), family=_unbrace(words[-1]), suffix=suffix)


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
