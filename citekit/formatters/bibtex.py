"""Records as BibTeX and BibLaTeX entries, written with bibtexparser v2.

Two dialects share one mapping (documented in ``docs/formats.md``, derived from the ``biblatex`` column of
``citekit.schema.FIELDS``):

- ``biblatex`` (for biber): UTF-8, BibLaTeX entry types and fields, biblatex-chicago conventions where they
  exist (translator, origlanguage, origdate, library, addendum, url/urldate, eprint/eprinttype). What BibLaTeX
  has no field for (the archival levels, the provenance chain, funders, the reference as printed) is written
  to documented extra fields, which biber ignores and ``citekit import`` reads back, so no fact is dropped.
- ``bibtex`` (classic BibTeX): classic entry types and field names (journal, address, year, school), the
  archival reference and the chain of custody also in ``note`` so classic styles print them; ``ascii=True``
  writes 7-bit LaTeX accents.

Every value is LaTeX-escaped (``citekit.latex``): text is printed as text and never runs as a command.
Pure: records in, strings out; no I/O.
"""

from __future__ import annotations

import json
from typing import Any

from .. import latex, schema
from ..archival import format_levels
from ..bibfields import (
    ARTICLES,
    BIBLATEX,
    BIBTEX,
    BIBTEX_TYPES,
    BOOKS,
    CLASSIC_NAMES,
    CLASSIC_SUBTYPES,
    EDITOR_SLOTS,
    NAME_FIELDS,
    SIMPLE,
    SUBTYPES,
    VERBATIM,
    Latex,
    escaped_name,
    levels_field,
    list_field,
    name_dict,
    plain_round_trips,
    provenance_field,
)
from ..model import CREATOR_ROLES, Date, Name, Record
from . import series

# ------------------------------------------------------------------------------------------------ names


def _names(names: tuple[Name, ...], ascii_only: bool) -> str:
    return " and ".join(escaped_name(n, ascii_only) for n in names)


# ------------------------------------------------------------------------------------------------ dates

def date_text(d: Date) -> str:
    """A date in BibLaTeX's ISO 8601/EDTF form: 1937-04-04, 1950/1953, 1937~, 1937?."""
    return d.iso()


def _year_month(d: Date) -> list[tuple[str, str]]:
    if not d.start:
        return []
    out = [("year", str(d.start.year))]
    if d.start.month:
        out.append(("month", ("jan feb mar apr may jun jul aug sep oct nov dec").split()[d.start.month - 1]))
        if d.start.day:
            out.append(("day", str(d.start.day)))  # classic styles ignore it; biber and citekit read it
    return out


# ------------------------------------------------------------------------------------------------ entry

def entry_type(r: Record, dialect: str = BIBLATEX) -> tuple[str, str]:
    """(entry type, entrysubtype) of a record."""
    t = schema.TYPES[r.type].biblatex
    if dialect == BIBTEX:
        if r.type == "thesis" and "master" in r.genre.lower():
            return "mastersthesis", ""
        # classic styles ignore entrysubtype; citekit reads it to tell apart types that share @misc or @book
        return BIBTEX_TYPES.get(t, "misc"), SUBTYPES.get(r.type, "") or CLASSIC_SUBTYPES.get(r.type, "")
    return t, SUBTYPES.get(r.type, "")


def provenance_text(r: Record) -> str:
    """The chain of custody and the funders as sentences ("Obtained by Jamil Hasanli. Translated by …")."""
    verbs = {"obtained": "Obtained", "contributed": "Contributed", "translated": "Translated",
             "transcribed": "Transcribed", "edited": "Edited", "declassified": "Declassified",
             "digitized": "Digitized", "published": "Published"}
    out = []
    for ev in r.provenance:
        s = verbs.get(ev.event, ev.event.capitalize())
        if ev.for_:
            s += f" for {ev.for_}"
        if ev.by:
            s += " by " + series([n.display() for n in ev.by])
        if ev.date:
            s += f", {ev.date.iso() or ev.date.literal}"
        if ev.note:
            s += f" ({ev.note})"
        out.append(s + ".")
    if r.funders:
        out.append("Made possible with support from " + series(list(r.funders)) + ".")
    return " ".join(out)




def archive_text(r: Record) -> str:
    """The archival location as printed: "RGASPI, f. 17, op. 162, d. 20, l. 99, Moscow"."""
    a = r.archive
    if not a:
        return ""
    where = format_levels(a.levels) if a.levels else a.reference
    return ", ".join(p for p in (a.label, where, a.place) if p)


def fields(r: Record, dialect: str = BIBLATEX) -> list[tuple[str, Any, bool]]:
    """The fields of a record's entry, in order, as (field, value, is a title). A value is plain text
    (escaped by :func:`entry`), a tuple of names, or :class:`Latex` that is already escaped."""
    out: list[tuple[str, Any, bool]] = []
    put = out.append
    _, subtype = entry_type(r, dialect)
    if subtype:
        put(("entrysubtype", subtype, False))
    # names
    plain, complex_names = {}, {}
    for role in CREATOR_ROLES:  # in the model's order: the output must not depend on set order
        names = r.names(role)  # translators and editors credited in the provenance chain included
        if not names:
            continue
        plain[role] = names
        if not all(plain_round_trips(n) for n in names):
            complex_names[role] = [name_dict(n) for n in names]
    for role in CREATOR_ROLES:
        if role in plain:
            put((NAME_FIELDS[role], plain[role], False))
            if role in EDITOR_SLOTS:
                slot, kind = EDITOR_SLOTS[role]
                put((slot + "type", kind, False))
    # titles
    if r.title:
        put(("titleaddon" if r.title_is_descriptive else "title", r.title, True))
    for key, value in ((k, getattr(r, k)) for k in SIMPLE):
        if value:
            put((SIMPLE[key], value, key == "short_title"))
    if r.container_title:
        put(("journaltitle" if r.type in ARTICLES or r.type == "webpage" else "booktitle", r.container_title,
             r.type not in ARTICLES))
    # numbers: one `number` field, the others in their own
    taken = False
    for key, home, where in (("issue", "number", ARTICLES), ("series_number", "number", BOOKS),
                             ("number", "number", tuple(t for t in schema.TYPES if t not in ARTICLES + BOOKS))):
        value = getattr(r, key)
        if value and r.type in where and not taken:
            put((home, value, False))
            taken = True
        elif value:
            put(({"issue": "issue", "series_number": "seriesnumber", "number": "eid"}[key], value, False))
    if r.publisher:
        put(("institution" if r.type in ("thesis", "report") else "publisher", r.publisher, False))
    # dates
    if r.date and r.date.start:
        put(("date", date_text(r.date), False))
    if r.date and r.date.literal:
        put(("userd", r.date.literal, False))
    if r.original_date:
        put(("origdate", date_text(r.original_date), False))
    # the archive
    if a := r.archive:
        for key, value in (("archive", a.name), ("archiveabbreviation", a.abbreviation), ("archiveplace", a.place),
                           ("archivereference", a.reference)):
            if value:
                put((key, value, False))
        if a.levels and not a.levels_parsed:
            put(("archivelevels", levels_field({lv.kind: lv.value for lv in a.levels}), False))
        if text := archive_text(r):
            put(("library", text, False))
    # the surrogate, url and access dates
    s = r.surrogate
    url = r.url or (s.url if s else "")
    if url:
        put(("url", url, False))
    accessed = r.accessed or (s.accessed if s else None)
    if accessed:
        put(("urldate", date_text(accessed), False))
    if s:
        if s.url:
            put(("surrogateurl", s.url, False))
        if s.accessed:
            put(("surrogateaccessed", date_text(s.accessed), False))
        if s.name:
            put(("eprinttype", s.name, False))
        if s.record_id:
            put(("eprint", s.record_id, False))
        if s.publisher:
            put(("organization", s.publisher, False))
        if s.uploaded:
            put(("surrogateuploaded", date_text(s.uploaded), False))
        if not (s.name or s.url or s.record_id or s.publisher or s.uploaded or s.accessed):
            put(("surrogate", "true", False))
    # chain of custody, funders, rights
    if r.provenance:
        put(("provenance", provenance_field([_event(ev) for ev in r.provenance]), False))
    if r.funders:
        put(("funders", list_field(list(r.funders)), False))
    if text := provenance_text(r):
        put(("addendum", text, False))
    if complex_names:
        put(("citekitnames", json.dumps(complex_names, ensure_ascii=False), False))
    if dialect == BIBTEX:
        out = _classic(r, out)
    return out


def _event(ev) -> dict[str, Any]:
    out: dict[str, Any] = {"event": ev.event}
    if ev.by:
        out["by"] = [name_dict(n) for n in ev.by]
    if ev.for_:
        out["for"] = ev.for_
    if ev.date:
        out["date"] = ev.date.iso() or ev.date.literal
    if ev.note:
        out["note"] = ev.note
    return out


def _classic(r: Record, out: list[tuple[str, Any, bool]]) -> list[tuple[str, Any, bool]]:
    """BibLaTeX fields renamed for classic BibTeX; the archive and provenance summaries in ``note``."""
    renamed = []
    for key, value, is_title in out:
        if key == "date":
            renamed += [(k, v, False) for k, v in _year_month(r.date)]
            continue
        if key == "institution" and r.type == "thesis":
            key = "school"
        if key == "userd" and not (r.date and r.date.start):
            renamed.append(("year", value, False))
        renamed.append((CLASSIC_NAMES.get(key, key), value, is_title))
    note = " ".join(p for p in (archive_text(r) + "." if r.archive and archive_text(r) else "",
                                provenance_text(r)) if p)
    if note:
        renamed.append(("note", note, False))
    return renamed


def entry(r: Record, dialect: str = BIBLATEX, *, ascii_only: bool = False):
    """A bibtexparser Entry for the record; every value braced and LaTeX-escaped."""
    from bibtexparser.model import Entry, Field

    etype, _ = entry_type(r, dialect)
    out = []
    for key, value, is_title in fields(r, dialect):
        if isinstance(value, tuple):
            text = _names(value, ascii_only)
        elif isinstance(value, Latex):
            text = latex.to_ascii(value) if ascii_only else str(value)
        elif key in VERBATIM:
            if ascii_only:  # 7-bit: a URL's other characters percent-encoded, as browsers do
                value = "".join(c if c.isascii() else "".join(f"%{b:02X}" for b in c.encode()) for c in value)
            # url and doi are verbatim fields: written as they are, so that \url prints them right; only a
            # value with a backslash or a brace (never a real URL) is escaped, so it cannot run as a command
            text = latex.escape(value) if any(c in value for c in "\\{}") else value
        elif is_title:
            text = latex.protect(value, ascii_only=ascii_only)
        else:
            text = latex.escape(str(value), ascii_only=ascii_only)
        out.append(Field(key, "{" + text + "}"))
    if r.citation_key and r.citation_key != r.key:  # cited by its own key; the record's key kept as an alias
        out.append(Field("ids", "{" + r.key + "}"))
    return Entry(etype, r.citation_key or r.key, out)


def write(records: list[Record], dialect: str = BIBLATEX, *, ascii_only: bool = False) -> list[tuple[str, str]]:
    """Each record as the text of one entry."""
    import bibtexparser
    from bibtexparser.library import Library
    from bibtexparser.writer import BibtexFormat

    fmt = BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    out = []
    for r in records:
        lib = Library()
        lib.add(entry(r, dialect, ascii_only=ascii_only))
        out.append((r.key, bibtexparser.write_string(lib, unparse_stack=[], bibtex_format=fmt).strip() + "\n"))
    return out


# -- the style interface (see citekit.formatters.styles); the biblatex style is citekit.formatters.biblatex
DIALECT = BIBTEX
FORMS = ("entry",)
MARKUPS = ("text",)


def cite(record: Record, *, form: str = "entry", locator: str = "", markup: str = "text", ascii: bool = False,
         **_: Any) -> str:
    return write([record], DIALECT, ascii_only=ascii)[0][1]


def bibliography(records: list[Record], *, markup: str = "text", ascii: bool = False,
                 **_: Any) -> list[tuple[str, str]]:
    return write(sorted(records, key=lambda r: r.key), DIALECT, ascii_only=ascii)


def document(entries: list[str], markup: str = "text") -> str:
    head = "% Encoding: UTF-8\n\n" if any(not e.isascii() for e in entries) else ""
    return head + "\n".join(entries)
