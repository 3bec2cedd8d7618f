"""The BibTeX/BibLaTeX field mapping shared by the writer (``citekit.formatters.bibtex``) and the reader
(``citekit.importers.bibtex``), so that export and import cannot disagree; and BibTeX names.

The mapping follows the ``biblatex`` column of ``citekit.schema.FIELDS`` and ``TYPES`` (documented in
``docs/formats.md``). Pure: no I/O; must not import a formatter, an importer or typer. bibtexparser is
imported only inside the function that splits names.
"""

from __future__ import annotations

import re
from typing import Any

from . import latex, schema
from .model import Name, is_cjk

BIBLATEX, BIBTEX = "biblatex", "bibtex"

# entry type and entrysubtype of each record type (the biblatex column of schema.TYPES, plus a subtype where
# two record types share an entry type)
SUBTYPES = {"article-newspaper": "newspaper", "article-magazine": "magazine", "interview": "interview",
            "document-collection": "documents", "webpage": ""}
BIBTEX_TYPES = {"unpublished": "unpublished", "letter": "misc", "misc": "misc", "book": "book",
                "collection": "book", "incollection": "incollection", "article": "article",
                "thesis": "phdthesis", "report": "techreport", "online": "misc"}
CLASSIC_SUBTYPES = {"letter": "letter", "webpage": "online"}  # classic BibTeX writes both as @misc
ARTICLES = ("article-journal", "article-newspaper", "article-magazine")
BOOKS = ("book", "edited-volume", "document-collection", "chapter", "thesis")
EDITOR_SLOTS = {"compiler": ("editora", "compiler"), "interviewer": ("editorb", "interviewer"),
                "contributor": ("editorc", "collaborator")}
NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator", "recipient": "namea",
               **{role: slot for role, (slot, _) in EDITOR_SLOTS.items()}}
# simple text fields: citekit key -> BibLaTeX field, read from the field table (first word of the column)
SIMPLE = {f.key: f.biblatex.split()[0] for f in schema.FIELDS
          if not f.parent and f.kind == schema.TEXT and f.biblatex
          and f.key not in ("citation_key", "title", "date_as_printed", "container_title", "series_number",
                            "issue", "number", "publisher", "url")}
# What BibLaTeX has no field for: extra fields, which biber ignores and citekit reads back. When an entry has
# them, its `library`, `addendum` and `note` are citekit's own readable summaries of them, not new facts.
EXTRA = ("archive", "archiveabbreviation", "archiveplace", "archivereference", "archivelevels", "provenance",
         "funders", "surrogateurl", "surrogateaccessed", "surrogateuploaded", "surrogate", "citekitnames")
VERBATIM = ("url", "doi", "eprint", "surrogateurl")  # read as written unless they hold LaTeX escapes
CLASSIC_NAMES = {"journaltitle": "journal", "location": "address", "annotation": "annote"}


def name_text(n: Name) -> str:
    """A name in BibTeX's "von Last, Jr., First" form, braced where BibTeX would split it wrongly.
    Parts are used as given (escape them first)."""
    if n.literal:
        return "{" + n.literal + "}"

    def part(text: str) -> str:
        return "{" + text + "}" if "," in text or " and " in f" {text.lower()} " else text

    family = n.family
    if " " in family or "," in family or family[:1].islower() or " and " in f" {family.lower()} ":
        family = "{" + family + "}"
    prefix = n.particle or n.dropping_particle
    pieces = [f"{prefix} {family}" if prefix else family]
    if n.suffix:
        pieces.append(part(n.suffix))
    if n.given or n.suffix:
        pieces.append(part(n.given))
    return ", ".join(pieces)


def name_dict(n: Name) -> dict[str, Any]:
    """A name as a record writes it (an inline table)."""
    out: dict[str, Any] = {}
    for attr in ("family", "given", "particle", "dropping_particle", "suffix", "literal"):
        if value := getattr(n, attr):
            out[attr] = value
    if n.family_first:
        out["family_first"] = True
    return out


def escaped_name(n: Name, ascii_only: bool = False) -> str:
    """A name as BibTeX text, every part LaTeX-escaped."""
    esc = Name(**{k: latex.escape(v, ascii_only=ascii_only) if isinstance(v, str) else v
                  for k, v in name_dict(n).items()})
    return name_text(esc)


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def plain_name(text: str) -> dict[str, Any]:
    """A BibTeX name (LaTeX, as written in a file) as a record's name table; {} for an empty one."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts

    text = " ".join(text.split())
    if not text:
        return {}
    if text.startswith("{") and text.endswith("}") and _balanced(text[1:-1]):
        return {"literal": latex.decode(text[1:-1]).strip()}
    try:
        parts = parse_single_name_into_parts(text, strict=False)
    except Exception:
        return {"literal": latex.decode(text).strip()}

    def join(words: list[str]) -> str:
        return " ".join(latex.decode(" ".join(words)).split())

    out = {"family": join(parts.last), "given": join(parts.first), "particle": join(parts.von),
           "suffix": join(parts.jr)}
    out = {k: v for k, v in out.items() if v}
    if not out.get("family"):
        for k in ("particle", "given", "suffix"):
            if out.get(k):
                out["family"] = out.pop(k)
                break
        else:
            return {"literal": latex.decode(text).strip()}
    if is_cjk(out["family"] + out.get("given", "")):
        out["family_first"] = True
    return out


def split_names(text: str) -> list[str]:
    """A BibTeX name list split on top-level " and "."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    return [n for n in split_multiple_persons_names(text) if n.strip()]


def plain_round_trips(n: Name) -> bool:
    """True when ``n`` comes back unchanged from its BibTeX form (else it is also written to
    ``citekitnames``)."""
    return plain_name(escaped_name(n)) == name_dict(n)


# --------------------------------------------------------------------- the extra fields, readable
# Written as LaTeX that reads like a note and parses back exactly; when a value would not parse back (a
# separator inside a value), the field holds the same data as JSON instead. Both forms are read.

class Latex(str):
    """A field value that is already LaTeX (escaped part by part): written as it is."""


def _split_top(text: str, sep: str) -> list[str]:
    """``text`` split on ``sep`` outside braces."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and text.startswith(sep, i):
            out.append(text[start:i])
            start = i + len(sep)
            i = start
            continue
        i += 1
    out.append(text[start:])
    return out


def _json_field(data: Any) -> Latex:
    import json

    return Latex(latex.escape(json.dumps(data, ensure_ascii=False)))


def _read_json(value: str) -> Any:
    import json

    text = latex.decode(value).strip()
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except ValueError:
            return None
    return None


def levels_field(levels: dict[str, str]) -> Latex:
    """``fond: 17; opis: 162; delo: 20; list: 99``."""
    text = Latex("; ".join(f"{kind}: {latex.escape(value)}" for kind, value in levels.items()))
    return text if read_levels(text) == levels else _json_field(levels)


def read_levels(value: str) -> dict[str, str] | None:
    data = _read_json(value)
    if data is not None:
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None
    out = {}
    for part in _split_top(value.strip(), "; "):
        kind, sep, level = part.partition(": ")
        if not sep or not kind.isidentifier():
            return None
        out[kind] = latex.decode(level)
    return out


def list_field(items: list[str]) -> Latex:
    """A literal list as biblatex writes one: ``A and {B and C}``."""
    parts = [latex.escape(i) for i in items]
    text = Latex(" and ".join("{" + p + "}" if " and " in f" {p.lower()} " or p != p.strip() else p for p in parts))
    return text if read_list(text) == items else _json_field(items)


def read_list(value: str) -> list[str] | None:
    data = _read_json(value)
    if data is not None:
        return [str(v) for v in data] if isinstance(data, list) else None
    out = []
    for part in _split_top(value.strip(), " and "):
        if part.startswith("{") and part.endswith("}") and _balanced(part[1:-1]):
            part = part[1:-1]
        out.append(latex.decode(part))
    return out


def provenance_field(events: list[dict[str, Any]]) -> Latex:
    """``obtained by Radchenko, Sergey; translated for NKIDP by Goldberg, Gary, 1995 (note)``."""
    texts = []
    for ev in events:
        s = ev["event"]
        if ev.get("for"):
            s += " for " + latex.escape(ev["for"])
        if ev.get("by"):
            s += " by " + " and ".join(escaped_name(Name(**n)) for n in ev["by"])
        if ev.get("date"):
            s += ", " + latex.escape(ev["date"])
        if ev.get("note"):
            s += " (" + latex.escape(ev["note"]) + ")"
        texts.append(s)
    text = Latex("; ".join(texts))
    return text if read_provenance(text) == events else _json_field(events)


_EVENT = re.compile(r"^(?P<event>[a-z]+)(?: for (?P<for>.+?))?(?: by (?P<by>.+?))?"
                    r"(?:, (?P<date>[-0-9~?/]+))?(?: \((?P<note>.*)\))?$", re.S)


def read_provenance(value: str) -> list[dict[str, Any]] | None:
    data = _read_json(value)
    if data is not None:
        return data if isinstance(data, list) else None
    out = []
    for part in _split_top(value.strip(), "; "):
        m = _EVENT.match(part.strip())
        if not m:
            return None
        ev: dict[str, Any] = {"event": m["event"]}
        if m["for"]:
            ev["for"] = latex.decode(m["for"])
        if m["by"]:
            ev["by"] = [plain_name(n) for n in split_names(m["by"])]
        if m["date"]:
            ev["date"] = latex.decode(m["date"])
        if m["note"]:
            ev["note"] = latex.decode(m["note"])
        out.append(ev)
    return out
