"""Read BibTeX and BibLaTeX files (as written by citekit or by anyone else) into record data.

Handles @string macros and concatenation, crossref and @xdata inheritance, LaTeX accents and commands
(decoded to Unicode), BibLaTeX entry types and fields, and names with particles and braces. The mapping is
the one ``citekit.formatters.bibtex`` writes (``citekit.bibfields``), so citekit's own entries come back
whole; fields citekit has no place for are kept in ``notes`` rather than dropped, except pure typesetting
directives (sorting and indexing keys, options). Every entry becomes record data or a located diagnostic.

Pure: text in, data out; no I/O. Must not import a formatter or typer.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from .. import latex
from ..bibfields import (
    ARTICLES,
    BOOKS,
    CLASSIC_SUBTYPES,
    EDITOR_SLOTS,
    EXTRA,
    NAME_FIELDS,
    SIMPLE,
    SUBTYPES,
    VERBATIM,
    plain_name,
    read_levels,
    read_list,
    read_provenance,
    split_names,
)
from ..dates import parse_date
from ..errors import Diagnostic
from ..model import Name
from ..names import parse_name
from ..validate import key_problem
from .base import Imported
from .credits import EVENTS, direct_names

TYPES = {
    "article": "article-journal", "book": "book", "mvbook": "book", "booklet": "book", "manual": "report",
    "collection": "edited-volume", "mvcollection": "edited-volume", "proceedings": "edited-volume",
    "mvproceedings": "edited-volume", "reference": "edited-volume", "mvreference": "edited-volume",
    "periodical": "edited-volume", "set": "book",
    "incollection": "chapter", "inbook": "chapter", "inproceedings": "chapter", "conference": "chapter",
    "inreference": "chapter", "bookinbook": "chapter", "suppbook": "chapter", "suppcollection": "chapter",
    "suppperiodical": "article-journal", "review": "article-journal",
    "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
    "report": "report", "techreport": "report", "patent": "report", "standard": "report", "dataset": "report",
    "software": "report",
    "online": "webpage", "www": "webpage", "electronic": "webpage",
    "unpublished": "archival-document", "letter": "letter", "misc": "report",
}
SUBTYPE_TYPES = {v: k for k, v in (SUBTYPES | CLASSIC_SUBTYPES).items() if v}
# directives for typesetting and sorting, not facts about the source: not carried into records
DIRECTIVES = {"sorttitle", "sortkey", "sortname", "sortyear", "sortshorthand", "presort", "indextitle",
              "indexsorttitle", "langidopts", "options", "label", "shorthand", "ids", "entryset", "crossref",
              "xdata", "xref", "file", "timestamp", "owner", "editoratype", "editorbtype", "editorctype",
              "editortype", "entrysubtype", "related", "relatedtype", "relatedstring", "relatedoptions",
              "keywords", "langid", "hyphenation", "execute", "pdf", "month", "year", "day", "subtitle"}
DATE_PARTS = ("date", "year", "month", "day")
INHERIT_SKIP = {"ids", "crossref", "xdata", "entryset", "label", "shorthand", "sortkey", "related",
                "relatedtype"}
BOOK_PARENT = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon",
               "author": "bookauthor"}
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def detect(text: str, suffix: str) -> bool:
    if suffix in (".bib", ".bibtex", ".biblatex"):
        return True
    body = re.sub(r"(?m)^\s*%.*$", "", text).lstrip()
    return bool(re.match(r"@\s*[A-Za-z]+\s*[{(]", body))


def parse(text: str, path: str) -> list[Imported]:
    import bibtexparser

    log = logging.getLogger("bibtexparser")
    level, log.level = log.level, logging.CRITICAL  # its problems come back to us as failed blocks
    try:
        lib = bibtexparser.parse_string(text, parse_stack=[])
    finally:
        log.level = level
    macros = dict(MONTH_MACROS)
    for string in lib.strings:  # in file order: a macro may use those defined before it
        macros[string.key.lower()] = resolve(str(string.value), macros)
    for e in lib.entries:
        for f in e.fields:
            f.value = resolve(str(f.value), macros)
    out: list[Imported] = []
    recovered = []  # entries bibtexparser refused but could still read: (entry, warning)
    for block in lib.failed_blocks:
        line = (block.start_line or 0) + 1
        err = getattr(block, "error", None)
        why = (getattr(err, "abort_reason", "") or str(err or "")).split(". Note:")[0].strip()
        why = why.splitlines()[0].rstrip(".").lower() if why else "not a BibTeX entry"
        key = getattr(block, "key", None) or _guess_key(block.raw or "")
        entry = getattr(block, "ignore_error_block", None)
        if entry is not None and hasattr(entry, "fields"):
            what = ("this entry's key is used before; it is imported under a new key"
                    if "DuplicateBlockKey" in type(block).__name__
                    else "the first value is used, the others are kept in notes")
            for f in entry.fields:
                f.value = resolve(str(f.value), macros)
            recovered.append((entry, Diagnostic(path, line, 1, "warning", f"{key}: {why}; {what}")))
            continue
        out.append(Imported(key or f"entry-line-{line}", None, line,
                            [Diagnostic(path, line, 1, message=f"cannot read entry {key!r}: {why}" if key
                                        else f"cannot read this entry: {why}")]))
    entries = {e.key.casefold(): e for e in lib.entries}
    for e, _ in recovered:
        entries.setdefault(e.key.casefold(), e)
    warnings = {id(e): [w] for e, w in recovered}
    for e in list(lib.entries) + [e for e, _ in recovered]:
        etype = e.entry_type.lower()
        line = (e.start_line or 0) + 1
        if etype == "xdata":
            continue
        if etype == "set":
            out.append(Imported(e.key, None, line, [Diagnostic(
                path, line, 1, "warning", f"{e.key}: an entry set (@set) only groups other entries; not imported")]))
            continue
        try:
            fields = _resolve(e, entries)
            data, diags = to_record(etype, fields, path, line)
        except Exception as exc:  # a record-shaped problem we did not foresee: say where, keep going
            out.append(Imported(e.key, None, line, [Diagnostic(path, line, 1,
                                                                 message=f"cannot convert entry {e.key!r}: {exc}")]))
            continue
        key = e.key
        alias = _plain_field(e, "ids")
        if alias and "," not in alias and not key_problem(alias):  # citekit's export: the record key
            data["citation_key"], key = e.key, alias
        out.append(Imported(key, data, line, warnings.get(id(e), []) + diags))
    out.sort(key=lambda i: i.line)
    return out


def _plain_field(entry, name: str) -> str:
    """A field's value without its braces or quotes ("" when absent)."""
    field = entry.fields_dict.get(name)
    return str(field.value).strip().strip("{}\"").strip() if field is not None else ""


MONTH_MACROS = {m[:3].lower(): m for m in ("January", "February", "March", "April", "May", "June", "July",
                                             "August", "September", "October", "November", "December")}


def resolve(value: str, macros: dict[str, str]) -> str:
    """A raw BibTeX value ("A " # cup, {…}, 1999, jan) as its text: enclosing braces or quotes removed,
    @string macros substituted, # concatenation joined. An undefined macro is kept as its name."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(value):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 0:
            quoted = not quoted
        elif c == "#" and depth == 0 and not quoted:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    out = []
    for part in (p.strip() for p in parts):
        if len(part) >= 2 and ((part[0], part[-1]) in (("{", "}"), ('"', '"'))):
            out.append(part[1:-1])
        else:
            out.append(macros.get(part.lower(), part))
    return "".join(out)


def _guess_key(raw: str) -> str:
    m = re.match(r"\s*@\s*\w+\s*[{(]\s*([^,\s]+)", raw)
    return m.group(1) if m else ""


def _fields(e) -> dict[str, str]:
    """The entry's fields by lower-case name; a field given twice keeps its first value, and the others are
    kept under "NAME (repeated)" (which ends up in notes)."""
    out: dict[str, str] = {}
    for f in e.fields:
        base, value = f.key.lower(), f.value if isinstance(f.value, str) else str(f.value)
        key, n = base, 1
        while key in out:
            key, n = f"{base} (repeated)" if n == 1 else f"{base} (repeated {n})", n + 1
        out[key] = value
    return out


def _resolve(e, entries: dict, depth: int = 0) -> dict[str, str]:
    """The entry's fields with @xdata and crossref parents' fields filled in where the entry has none."""
    fields = _fields(e)
    if depth > 8:
        return fields
    for ref in [x.strip() for x in fields.get("xdata", "").split(",") if x.strip()]:
        parent = entries.get(ref.casefold())
        if parent is not None:
            for k, v in _resolve(parent, entries, depth + 1).items():
                if k not in INHERIT_SKIP:
                    fields.setdefault(k, v)
    ref = fields.get("crossref", "").strip()
    parent = entries.get(ref.casefold()) if ref else None
    if parent is not None:
        child_in = e.entry_type.lower().startswith(("in", "suppbook", "suppcollection", "bookinbook"))
        own_date = any(k in fields for k in DATE_PARTS)  # a child's year is not overridden by a parent's date
        for k, v in _resolve(parent, entries, depth + 1).items():
            if k in INHERIT_SKIP or (own_date and k in DATE_PARTS):
                continue
            if child_in and k in BOOK_PARENT:
                fields.setdefault(BOOK_PARENT[k], v)
            elif parent.entry_type.lower().startswith("mv") and k in ("title", "subtitle"):
                fields.setdefault("main" + k, v)
            elif not (child_in and k in ("shorttitle", "sorttitle", "indextitle")):
                fields.setdefault(k, v)
    return fields


def _text(value: str) -> str:
    """Decoded text; white space collapsed as LaTeX does, paragraphs (blank lines) kept."""
    paragraphs = re.split(r"\n\s*\n", latex.decode(value).strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _names(value: str) -> list[Any]:
    return [compact_name(d) for d in (plain_name(n) for n in split_names(value)) if d.get("family") or d.get("literal")]


def compact_name(d: dict[str, Any]) -> str | dict[str, Any]:
    """A name table as the string a person would write ("Aksın, Özge"), when that string reads back as the
    same name; else the table."""
    if d.get("literal"):
        text = "{" + d["literal"] + "}"
    else:
        text = ", ".join(p for p in (" ".join(x for x in (d.get("particle", ""), d["family"]) if x),
                                     d.get("given", ""), d.get("suffix", "")) if p)
        if d.get("suffix") and not d.get("given"):
            return d
    try:
        same = parse_name(text) == Name(**d)
    except (ValueError, TypeError):
        same = False
    return text if same else d


def _date(value: str) -> str | None:
    """A BibLaTeX date as record text, or None when it does not read as a date."""
    value = value.strip()
    try:
        parse_date(value)
    except ValueError:
        return None
    return value


def _year_date(fields: dict[str, str]) -> tuple[str, str]:
    """(date, date_as_printed) from year/month/day."""
    year = _text(fields.get("year", "")).strip()
    if not year:
        return "", ""
    month = _text(fields.get("month", "")).strip().lower()[:3]
    mnum = MONTHS.get(month) or (int(month) if month.isdigit() and 1 <= int(month) <= 12 else None)
    day = fields.get("day", "").strip()
    text = year
    if re.fullmatch(r"-?\d{1,4}", year):
        text = f"{int(year):04d}"
        if mnum:
            text += f"-{mnum:02d}"
            if day.isdigit():
                text += f"-{int(day):02d}"
    return (text, "") if _date(text) else ("", year)


def _json(value: str) -> Any:
    return json.loads(latex.decode(value))


def to_record(etype: str, f: dict[str, str], path: str, line: int) -> tuple[dict, list[Diagnostic]]:
    """One entry's fields (LaTeX, as in the file) as record data."""
    diags: list[Diagnostic] = []
    data: dict[str, Any] = {}
    used: set[str] = set()

    def take(key: str) -> str:
        used.add(key)
        return f.get(key, "")

    def text(key: str) -> str:
        v = take(key)
        if key in VERBATIM and "\\" not in v and "{" not in v:
            return v.strip()  # a URL as written (with its % signs)
        return _text(v) if v else ""

    subtype = take("entrysubtype").strip().lower()
    rtype = SUBTYPE_TYPES.get(subtype) if etype in ("article", "collection", "misc", "book") else None
    if etype == "misc" and not rtype and not f.get("title") and f.get("author"):
        rtype = "letter"  # an untitled @misc by someone: most often a letter
    rtype = rtype or TYPES.get(etype)
    if rtype is None:
        diags.append(Diagnostic(path, line, 1, "warning", f"entry type @{etype} has no citekit equivalent; "
                                "imported as a report (the entry type is kept in notes)"))
        rtype = "report"
    data["type"] = rtype
    has_extra = any(k in f for k in EXTRA)

    # names
    for role, field in NAME_FIELDS.items():
        if role in EDITOR_SLOTS:
            continue
        if names := _names(take(field)):
            data[role] = names
    for slot in ("editora", "editorb", "editorc"):
        if names := _names(take(slot)):
            kind = take(slot + "type").strip().lower()
            role = {"compiler": "compiler", "interviewer": "interviewer"}.get(kind, "contributor")
            data.setdefault(role, []).extend(names)
    classic = "date" not in f and "year" in f  # classic BibTeX has no @collection: an edited book is a @book
    if classic and etype == "book" and "editor" in data and "author" not in data and rtype == "book":
        data["type"] = rtype = "edited-volume"
    if v := take("citekitnames"):
        try:
            data.update(_json(v))
        except ValueError:
            diags.append(Diagnostic(path, line, 1, "warning", "citekitnames is not readable JSON; ignored"))

    # titles
    title, addon = text("title"), text("titleaddon")
    if sub := text("subtitle"):
        title = f"{title}: {sub}" if title else sub
    if main := text("maintitle"):
        if not title:  # a volume with no title of its own: the work's title, the volume in `volume`
            title = main
        else:
            used.discard("maintitle")
    if title:
        data["title"] = title
    if addon and not title:
        data["title"], data["title_is_descriptive"] = addon, True
    elif addon:
        used.discard("titleaddon")
    for key, field in SIMPLE.items():
        if v := text(field):
            data[key] = v
    if v := text("url"):
        data["url"] = v
    if etype in ("phdthesis", "mastersthesis") and "genre" not in data:
        data["genre"] = "PhD diss." if etype == "phdthesis" else "master's thesis"
    if "language" not in data and (v := text("langid")):
        data["language"] = v
    for field in ("journaltitle", "journal", "booktitle"):
        if (v := text(field)) and "container_title" not in data:
            if sub := text(field.replace("title", "") + "subtitle" if field != "journal" else "journalsubtitle"):
                v += f": {sub}"
            data["container_title"] = v
    if "publisher_place" not in data and (v := text("address")):
        data["publisher_place"] = v
    if "notes" not in data and (v := text("annote")):
        data["notes"] = v

    # numbers
    if v := text("number"):
        data["issue" if rtype in ARTICLES else "series_number" if rtype in BOOKS else "number"] = v
    for field, key in (("issue", "issue"), ("seriesnumber", "series_number"), ("eid", "number")):
        if (v := text(field)) and key not in data:
            data[key] = v
        elif v:
            used.discard(field)
    surrogate_fields = any(k in f for k in ("eprinttype", "eprint", "surrogateurl", "surrogateuploaded",
                                            "surrogateaccessed", "surrogate"))
    for field in ("publisher", "institution", "school") + (() if surrogate_fields else ("organization",)):
        if (v := text(field)) and "publisher" not in data:
            data["publisher"] = v
        elif v:
            used.discard(field)

    # dates
    if v := take("date"):
        if d := _date(_text(v)):
            data["date"] = d
        elif m := re.fullmatch(r"(\d{4})/(?:\.\.)?", _text(v)):  # open-ended range: a work still appearing
            data["date_as_printed"] = f"{m[1]}–"
        else:
            data["date_as_printed"] = _text(v)
    else:
        d, printed = _year_date(f)
        if d:
            data["date"] = d
        elif printed:
            data["date_as_printed"] = printed
    if v := text("userd"):
        data["date_as_printed"] = v
    for field, key in (("origdate", "original_date"), ("origyear", "original_date"), ("urldate", "accessed")):
        if (v := text(field)) and key not in data:
            if d := _date(v):
                data[key] = d
            else:
                used.discard(field)

    # the archive
    archive: dict[str, Any] = {}
    for field, key in (("archive", "name"), ("archiveabbreviation", "abbreviation"), ("archiveplace", "place"),
                       ("archivereference", "reference")):
        if v := text(field):
            archive[key] = v
    if v := take("archivelevels"):
        if (levels := read_levels(v)) is not None:
            archive["levels"] = levels
        else:
            diags.append(Diagnostic(path, line, 1, "warning", "archivelevels is not `level: value; …` or JSON; "
                                    "kept in notes"))
            used.discard("archivelevels")
    if (v := text("library")) and not archive:
        archive["name"] = v
    if archive:
        data["archive"] = archive

    # the surrogate
    surrogate: dict[str, Any] = {}
    for field, key in (("eprinttype", "name"), ("eprint", "record_id"), ("surrogateurl", "url")):
        if v := text(field):
            surrogate[key] = v
    if surrogate_fields and (v := text("organization")):
        surrogate["publisher"] = v
    for field, key in (("surrogateuploaded", "uploaded"), ("surrogateaccessed", "accessed")):
        if (v := text(field)) and _date(v):
            surrogate[key] = v
    take("surrogate")
    if "surrogate" in f:
        data["surrogate"] = surrogate
    elif surrogate:
        data["surrogate"] = surrogate
    if surrogate:  # citekit writes url/urldate from the surrogate when the record has none of its own
        if data.get("url") and data["url"] == surrogate.get("url"):
            del data["url"]
        if data.get("accessed") and data["accessed"] == surrogate.get("accessed"):
            del data["accessed"]

    # chain of custody and funders
    for field, read in (("provenance", read_provenance), ("funders", read_list)):
        if v := take(field):
            if (value := read(v)) is not None:
                data[field] = value
            else:
                diags.append(Diagnostic(path, line, 1, "warning", f"{field} cannot be read (see docs/formats.md); "
                                        "kept in notes"))
                used.discard(field)

    for role in EVENTS:  # translators and editors credited in provenance are written as such: not twice
        if role in data:
            data[role] = direct_names(data[role], data.get("provenance", []), role)
            if not data[role]:
                del data[role]

    # what is left: notes, unless it is a typesetting directive or a summary citekit wrote
    notes = [data["notes"]] if data.get("notes") else []
    for field in ("note", "addendum"):
        if (v := text(field)) and not has_extra:  # with the extra fields, these are citekit's own summaries
            notes.append(v)
    if has_extra:
        used.add("library")
    rest = [(k, v) for k, v in f.items() if k not in used and k not in DIRECTIVES and not k.startswith("_")
            and k not in ("note", "addendum", "library", "annote") and v.strip()]
    if rtype == "report" and etype not in ("report", "techreport"):
        rest.insert(0, ("entry type", etype))
    if rest:
        notes.append("; ".join(f"{k} = {_text(v)}" for k, v in rest))
    if notes:
        data["notes"] = "\n\n".join(notes)
    return data, diags
