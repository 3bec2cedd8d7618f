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

import html
import re

from ..archival import format_levels
from ..model import Date, Name, ProvenanceEvent, Record

FORMS = ("note", "bib")
MARKUPS = ("text", "markdown", "html", "latex", "rtf")
DEFAULT_COLLECTION = "History and Public Policy Program Digital Archive"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
# how each event is printed in a credit clause
_VERB = {"obtained": "obtained", "contributed": "contributed", "translated": "translated",
         "transcribed": "transcribed", "edited": "edited", "digitized": "digitized", "published": "published",
         "declassified": "declassified"}


def _series(items: list[str]) -> str:
    """"A", "A and B", "A, B, and C" (the house uses the serial comma)."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


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
    return _series([n.display() for n in names])


def credit_sentence(events: tuple[ProvenanceEvent, ...]) -> str:
    """"Obtained by A and translated by B." from the provenance events (those with someone named)."""
    clauses: list[tuple[list[str], tuple[Name, ...], str]] = []
    for ev in events:
        if not ev.by or ev.event not in _VERB:
            continue
        if clauses and clauses[-1][1] == ev.by and clauses[-1][2] == ev.for_:
            clauses[-1][0].append(_VERB[ev.event])
        else:
            clauses.append(([_VERB[ev.event]], ev.by, ev.for_))
    if not clauses:
        return ""
    parts = [_series(verbs) + (f" for {for_}" if for_ else "") + " by " + _names(by) for verbs, by, for_ in clauses]
    text = _series(parts)
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def reference_text(r: Record) -> str:
    """The archival reference as printed, else the repository and normalised levels."""
    a = r.archive
    if a is None:
        return ""
    if a.reference:
        return a.reference
    return ", ".join(p for p in (a.label, format_levels(a.levels)) if p)


def _close(text: str) -> str:
    """End a part with a full stop, unless it ends with one (or another closing mark) already."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def parts(r: Record, locator: str = "") -> list[tuple[str, str]]:
    """The citation as (kind, text) pieces: kind "text", "title" (to be quoted) or "url"."""
    s = r.surrogate
    collection = (s.name if s and s.name else "") or r.container_title or r.publisher or (
        DEFAULT_COLLECTION if s else "")
    head = [p for p in (date_text(r.date), collection) if p]
    ref = reference_text(r)
    if locator:
        ref = f"{ref.rstrip('.')}, {locator}" if ref else locator
    body = ", ".join(head + ([ref] if ref else []))
    out: list[tuple[str, str]] = []
    if r.title and body:
        comma = "" if r.title.rstrip().endswith(("?", "!")) else ","
        out += [("title", r.title.rstrip() + comma), ("text", " " + _close(body))]
    elif r.title:
        out.append(("title", _close(r.title)))  # the full stop goes inside the quotation marks
    elif body:
        out.append(("text", _close(body)))
    if tail := credit_sentence(r.provenance):
        out.append(("text", (" " if out else "") + tail))
    url = (s.url if s and s.url else "") or r.url or (f"https://doi.org/{r.doi}" if r.doi else "")
    if url:
        if out:
            out.append(("text", " "))
        out.append(("url", url))
    return out


# ------------------------------------------------------------------------------------------ markups

_RTF_SPECIAL = {"\\": "\\\\", "{": "\\{", "}": "\\}"}
_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                  "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}"}


def _escape(text: str, markup: str) -> str:
    if markup == "html":
        return html.escape(text, quote=False)
    if markup == "latex":
        return "".join(_LATEX_SPECIAL.get(c, c) for c in text)
    if markup == "markdown":
        return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)
    if markup == "rtf":
        out = []
        for c in text:
            if c in _RTF_SPECIAL:
                out.append(_RTF_SPECIAL[c])
            elif ord(c) > 127:
                code = ord(c)
                if code > 0xFFFF:  # RTF \u takes a signed 16-bit value: write a surrogate pair
                    code -= 0x10000
                    pair = (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
                    out.extend(f"\\u{p - 65536}?" for p in pair)
                else:
                    out.append(f"\\u{code if code < 32768 else code - 65536}?")
            else:
                out.append(c)
        return "".join(out)
    return text


_QUOTES = {"text": ("“", "”"), "markdown": ("“", "”"), "html": ("“", "”"), "latex": ("``", "''"),
           "rtf": ("\\u8220?", "\\u8221?")}


def render(pieces: list[tuple[str, str]], markup: str) -> str:
    open_q, close_q = _QUOTES[markup]
    out = []
    for kind, text in pieces:
        if kind == "title":
            # the comma goes inside the closing quotation mark
            out.append(open_q + _escape(text, markup) + close_q)
        elif kind == "url":
            if markup == "html":
                out.append(f'<a href="{html.escape(text)}">{html.escape(text, quote=False)}</a>')
            elif markup == "latex":
                out.append(r"\url{" + text.replace("%", r"\%").replace("#", r"\#") + "}")
            elif markup == "markdown":
                out.append(f"<{text}>")
            else:
                out.append(_escape(text, markup))
        else:
            out.append(_escape(text, markup))
    return "".join(out)


def cite(record: Record, *, form: str = "note", locator: str = "", markup: str = "text", **_options) -> str:
    """The house citation of one record (the same in every form; a locator follows the reference)."""
    return render(parts(record, locator), markup)


def _sort_key(r: Record) -> str:
    title = re.sub(r"^(?:the|a|an)\s+", "", r.title.strip(" \"“‘'"), flags=re.I)
    return title.casefold() + "\0" + (r.date.iso() if r.date else "")


def bibliography(records: list[Record], *, markup: str = "text", **_options) -> list[tuple[str, str]]:
    """Every record's house citation, alphabetically by title (leading articles ignored)."""
    return [(r.key, cite(r, markup=markup)) for r in sorted(records, key=_sort_key)]


def document(entries: list[str], markup: str) -> str:
    if markup == "html":
        return "<ul>\n" + "".join(f"  <li>{e}</li>\n" for e in entries) + "</ul>\n"
    if markup == "rtf":
        return "{\\rtf1\\ansi\\deff0\n" + "".join(f"{{\\pard {e}\\par}}\n" for e in entries) + "}\n"
    sep = "\n\n" if markup in ("latex", "markdown") else "\n"
    return sep.join(entries) + ("\n" if entries else "")
