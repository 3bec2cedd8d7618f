"""The ``digital-archive`` style: the house citation the History and Public Policy Program Digital Archive
prints under each of its documents, reproduced from a record.

    "Title," Date, History and Public Policy Program Digital Archive, REFERENCE AS PRINTED. Obtained by A and
    translated by B. URL

The reference is printed exactly as the page printed it (``archive.reference``; the normalised levels only
when there is none). The credit sentence is rebuilt from the ``[[provenance]]`` events in their order:
consecutive events by the same people for the same project share one clause ("Obtained and translated by
…", "Contributed, transcribed, and translated by …"), and "for PROJECT" is kept ("Translated for NKIDP by
…"). A record read elsewhere gets the same shape with its own collection, container or publisher.

Pure: records in, strings out. No I/O, no environment, no global configuration.
"""

from __future__ import annotations

import re

from ..archival import format_levels
from ..model import Date, Name, ProvenanceEvent, Record
from . import rich, series

FORMS = ("note", "bib")
MARKUPS = rich.MARKUPS
DEFAULT_COLLECTION = "History and Public Policy Program Digital Archive"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")




def date_text(d: Date | None) -> str:
    """"April 4, 1937", "April 1937", "1937"; a date kept as printed is printed as it was."""
    if d is None:
        return ""
    if d.literal:
        return d.literal

    def one(p) -> str:
        if p.month and p.day:
            return f"{_MONTHS[p.month - 1]} {p.day}, {p.year}"
        if p.month:
            return f"{_MONTHS[p.month - 1]} {p.year}"
        return str(p.year)

    if not d.start:
        return ""
    text = one(d.start) + (f"–{one(d.end)}" if d.end else "")
    return ("ca. " if d.circa else "") + text + ("?" if d.uncertain else "")


def _names(names: tuple[Name, ...]) -> str:
    return series([n.display() for n in names])


def credit_sentence(events: tuple[ProvenanceEvent, ...]) -> str:
    """"Obtained by A and translated by B." from the provenance events (those with someone named)."""
    clauses: list[tuple[list[str], tuple[Name, ...], str]] = []
    for ev in events:
        if not ev.by:
            continue
        if clauses and clauses[-1][1] == ev.by and clauses[-1][2] == ev.for_:
            clauses[-1][0].append(ev.event)
        else:
            clauses.append(([ev.event], ev.by, ev.for_))
    if not clauses:
        return ""
    parts = [series(verbs) + (f" for {for_}" if for_ else "") + " by " + _names(by) for verbs, by, for_ in clauses]
    text = series(parts)
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def title_text(r: Record) -> str:
    """The record's title; an untitled letter is described as the archive describes its letters
    ("Letter from Albert Einstein to Franklin D. Roosevelt")."""
    if r.title.strip():
        return r.title.strip()
    author, recipient = _names(r.authors), _names(r.names("recipient"))
    if r.type == "letter" and (author or recipient):
        return " ".join(p for p in ("Letter", f"from {author}" if author else "", f"to {recipient}" if recipient
                                    else "") if p)
    return author


def reference_text(r: Record) -> str:
    """The archival reference as printed, else the repository and normalised levels."""
    a = r.archive
    if a is None:
        return ""
    if a.reference:
        return a.reference
    return ", ".join(p for p in (a.label, format_levels(a.levels)) if p)


def tree(r: Record, locator: str = "") -> rich.Tree:
    """The citation as neutral rich text (the title quoted; each markup writes its own quotation marks)."""
    s = r.surrogate
    collection = (s.name if s and s.name else "") or r.container_title or r.publisher or (
        DEFAULT_COLLECTION if s else "")
    ref = reference_text(r)
    if locator:
        ref = f"{ref.rstrip('.')}, {locator}" if ref else locator
    body: list[rich.Tree] = [p for p in (date_text(r.date), collection, ref) if p]
    parts: list[rich.Tree] = []
    title = title_text(r)
    if title.endswith(("?", "!")):
        # no comma after a question or exclamation mark (CMOS 6.123)
        parts.append(rich.seq(rich.quoted(title), " ", rich.close(rich.join(body, ", "))) if body
                     else rich.quoted(title))
    elif title or body:
        parts.append(rich.close(rich.join(([rich.quoted(title)] if title else []) + body, ", ")))
    if credits := credit_sentence(r.provenance):
        parts.append(credits)
    url = (s.url if s and s.url else "") or r.url or (f"https://doi.org/{r.doi}" if r.doi else "")
    if url:
        parts.append(url)
    return rich.join(parts, " ")


def cite(record: Record, *, form: str = "note", locator: str = "", markup: str = "text", **_options) -> str:
    """The house citation of one record (the same in every form; a locator follows the reference)."""
    return rich.render(tree(record, locator), markup)


def _sort_key(r: Record) -> str:
    title = re.sub(r"^(?:the|a|an)\s+", "", title_text(r).strip(" \"“‘'"), flags=re.I)
    return title.casefold() + "\0" + (r.date.iso() if r.date else "")


def bibliography(records: list[Record], *, markup: str = "text", **_options) -> list[tuple[str, str]]:
    """Every record's house citation, alphabetically by title (leading articles ignored)."""
    return [(r.key, cite(r, markup=markup)) for r in sorted(records, key=_sort_key)]


def document(entries: list[str], markup: str) -> str:
    return rich.document(entries, markup)
