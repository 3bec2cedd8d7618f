"""Turn parsed record data (a dict from TOML, or from an importer) into a :class:`Record`, collecting
every problem as a located :class:`Diagnostic` instead of stopping at the first.

Errors make the record unusable (wrong type of value, unknown key, bad date, missing type or title);
warnings are archival-aware advice (an opis without a fond, a translator but no original language, a
reference the parser could not read) and never stop a record from loading.

All rules read the field table in ``citekit.schema``. Pure: no I/O, no formatter, no typer.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import re
from collections.abc import Callable
from typing import Any

from . import schema
from .archival import LEVELS, RUSSIAN_ORDER, parse_reference
from .dates import parse_date
from .errors import ERROR, WARNING, Diagnostic
from .locate import position
from .model import Archive, Date, Level, Name, ProvenanceEvent, Record, Surrogate
from .names import parse_name

_NAME_PARTS = tuple(f.name for f in dataclasses.fields(Name))  # what a name table may hold
CITATION_KEY_RE = re.compile(r"^[^\s,{}\"#%'()=\\~]+$")  # what BibTeX, biber and pandoc accept as a key
KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-.]{0,127}$")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def key_problem(key: str) -> str:
    """Why ``key`` cannot name a record file, or "" when it can."""
    if not key:
        return "a record key cannot be empty"
    if "/" in key or "\\" in key or ".." in key:
        return f"record key {key!r} must not contain '/', '\\' or '..'"
    if not KEY_RE.match(key):
        return (f"record key {key!r} must start with a letter or digit and use only letters, digits, "
                "'-', '_' and '.' (at most 128 characters)")
    if key.split(".")[0].lower() in _RESERVED:
        return f"record key {key!r} is a reserved file name"
    return ""


_TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer", float: "a number", list: "an array",
               dict: "a table", _dt.date: "a date", _dt.datetime: "a date-time", _dt.time: "a time"}


def _what(value: Any) -> str:
    for t, name in _TYPE_NAMES.items():
        if type(value) is t:
            return name
    return type(value).__name__


class _Builder:
    def __init__(self, path: str, positions: dict):
        self.path = path
        self.positions = positions
        self.diagnostics: list[Diagnostic] = []
        self.convert: dict[str, Callable] = {schema.TEXT: self.text, schema.BOOL: self.boolean,
                                             schema.DATE: self.date, schema.NAMES: self.names,
                                             schema.TEXT_LIST: self.text_list}

    def report(self, at: tuple, message: str, severity: str = ERROR) -> None:
        line, col = position(self.positions, at)
        key = ".".join(str(p) for p in at)
        self.diagnostics.append(Diagnostic(self.path, line, col, severity, message, key))

    def warn(self, at: tuple, message: str) -> None:
        self.report(at, message, WARNING)

    # -- values
    def text(self, value: Any, at: tuple) -> str:
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)  # volume = 3, pages = 12: numbers are fine where text is expected
        self.report(at, f"{_dotted(at)} must be a string, not {_what(value)}")
        return ""

    def boolean(self, value: Any, at: tuple) -> bool:
        if isinstance(value, bool):
            return value
        self.report(at, f"{_dotted(at)} must be true or false, not {_what(value)}")
        return False

    def date(self, value: Any, at: tuple) -> Date | None:
        try:
            return parse_date(value)
        except ValueError as e:
            self.report(at, f"{_dotted(at)}: {e}")
            return None

    def choice(self, value: Any, at: tuple, choices: tuple[str, ...], what: str) -> str:
        text = self.text(value, at)
        if text and text not in choices:
            self.report(at, f"unknown {what} {text!r}{did_you_mean(text, choices)}; "
                        f"expected one of: {', '.join(choices)}")
            return ""
        return text

    def name(self, value: Any, at: tuple) -> Name | None:
        if isinstance(value, str):
            try:
                return parse_name(value)
            except ValueError as e:
                self.report(at, f"{_dotted(at)}: {e}")
                return None
        if isinstance(value, dict):
            allowed = _NAME_PARTS
            self.unknown_keys(value, at, allowed, "name part")
            parts = {k: (self.boolean(v, at + (k,)) if isinstance(getattr(Name, k), bool) else self.text(v, at + (k,)))
                     for k, v in value.items() if k in allowed}
            if not (parts.get("family") or parts.get("literal")):
                self.report(at, f"{_dotted(at)}: a name table needs `family` (a person) or `literal` "
                            "(an organisation)")
                return None
            if parts.get("literal") and (parts.get("family") or parts.get("given")):
                self.report(at, f"{_dotted(at)}: give either `literal` or `family`/`given`, not both")
            return Name(**parts)
        self.report(at, f"{_dotted(at)} must be a name (a string or a table), not {_what(value)}")
        return None

    def names(self, value: Any, at: tuple) -> tuple[Name, ...]:
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            n = self.name(item, at + (i,) if isinstance(value, list) else at)
            if n:
                out.append(n)
        return tuple(out)

    def text_list(self, value: Any, at: tuple) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        return tuple(t for i, v in enumerate(items) if (t := self.text(v, at + (i,) if isinstance(value, list)
                                                                       else at)))

    def table(self, value: Any, at: tuple) -> dict:
        if isinstance(value, dict):
            return value
        self.report(at, f"{_dotted(at)} must be a table ([{_dotted(at)}]), not {_what(value)}")
        return {}

    def unknown_keys(self, data: dict, at: tuple, allowed, what: str = "key") -> None:
        for k in data:
            if k not in allowed:
                hint = _name_part_hint(k, allowed) if what == "name part" else _unknown_hint(k, at, allowed)
                self.report(at + (k,), f"unknown {what} {_dotted(at + (k,))!r}{hint}")

    def field_value(self, f: schema.Field, value: Any, at: tuple) -> Any:
        if f.kind == schema.CHOICE:
            return self.choice(value, at, f.choices, f.name)
        return self.convert[f.kind](value, at)


def _dotted(at: tuple) -> str:
    out = ""
    for p in at:
        out += f"[{p}]" if isinstance(p, int) else (("." if out else "") + p)
    return out


def did_you_mean(word: str, choices, n: int = 1, cutoff: float = 0.6) -> str:
    """" (did you mean 'x'?)" for the choices closest to ``word``, or ""."""
    close = difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def _unknown_hint(key: str, at: tuple, allowed) -> str:
    """What to say after "unknown key 'x'": a near spelling, the table the key belongs in, or the keys allowed."""
    table = next((p for p in reversed(at) if isinstance(p, str)), "")
    header = f"[[{table}]]" if at and isinstance(at[-1], int) else f"[{table}]"
    if at and key in schema.keys_in(""):
        return (f": `{key}` belongs at the top of the record, but a key written after {header} belongs to that "
                f"table; move it above the first [table]")
    if close := did_you_mean(key, allowed):
        return close
    homes = [f.parent for f in schema.FIELDS if f.name == key and f.parent and f.parent != table]
    if homes:
        return f" (`{key}` belongs in [{homes[0]}])" if schema.FIELD_BY_KEY[homes[0]].kind == schema.TABLE \
            else f" (`{key}` belongs in [[{homes[0]}]])"
    if at and len(allowed) <= 12:
        return f"; {header} may have: {', '.join(allowed)}"
    return ""


_NAME_PART_SYNONYMS = {"first": "given", "forename": "given", "first_name": "given", "last": "family",
                       "surname": "family", "last_name": "family", "name": "literal", "org": "literal"}


def _name_part_hint(key: str, allowed) -> str:
    if close := _NAME_PART_SYNONYMS.get(key.lower()):
        return f" (did you mean {close!r}?)"
    return did_you_mean(key, allowed) or f"; a name table may have: {', '.join(allowed)}"


def _section(b: _Builder, data: dict, parent: str) -> dict[str, Any]:
    """Validate the plain fields of one table against the schema; returns converted values by name."""
    out: dict[str, Any] = {}
    prefix = tuple(parent.split(".")) if parent else ()
    for f in schema.fields_in(parent):
        if f.name in data and f.kind not in (schema.TABLE, schema.TABLE_LIST, schema.LEVEL_TABLE):
            out[f.name] = b.field_value(f, data[f.name], prefix + (f.name,))
    return out


def _levels(b: _Builder, value: Any, at: tuple) -> tuple[Level, ...]:
    if not isinstance(value, dict):
        b.report(at, f"{_dotted(at)} must be a table of level = value, such as {{ fond = \"17\", opis = \"162\" }}, "
                 f"not {_what(value)} (the reference as printed goes in archive.reference)")
        return ()
    out = []
    for kind, v in value.items():
        if kind not in LEVELS:
            b.report(at + (kind,), f"unknown archival level {kind!r}{did_you_mean(kind, LEVELS)}; known levels: "
                     f"{', '.join(LEVELS)}")
            continue
        text = b.text(v, at + (kind,))
        if text:
            out.append(Level(kind, text))
    return tuple(out)


def _archive(b: _Builder, value: Any) -> Archive | None:
    data = b.table(value, ("archive",))
    b.unknown_keys(data, ("archive",), schema.keys_in("archive"))
    v = _section(b, data, "archive")
    levels, parsed = (), False
    if "levels" in data:
        levels = _levels(b, data["levels"], ("archive", "levels"))
    elif v.get("reference"):
        ref = parse_reference(v["reference"])
        levels, parsed = ref.levels, True
        if ref.unparsed:
            b.warn(("archive", "reference"), "could not read " + ", ".join(repr(s) for s in ref.unparsed)
                   + " in the archival reference; it is kept as printed (give archive.levels to say what "
                   "each part is)")
        if ref.repository and not (v.get("abbreviation") or v.get("name")):
            v["abbreviation"] = ref.repository
        elif ref.repository and re.search(r"(?i)\b(?:collection|papers)\b", ref.repository):
            levels = (Level("collection", ref.repository), *levels)  # "Nicolaevsky Collection, Series 2"
    archive = Archive(levels=levels, levels_parsed=parsed, **v)
    if not archive.label and data:
        b.warn(("archive",), "archive has neither name nor abbreviation: the repository cannot be cited")
    kinds = [lv.kind for lv in levels]
    for lower, upper in (*zip(RUSSIAN_ORDER[1:], RUSSIAN_ORDER, strict=False), *_WITHIN):
        if lower in kinds and upper not in kinds:
            b.warn(("archive", "levels", lower) if "levels" in data else ("archive", "reference"),
                   f"archive has {_a(lower)} {lower} but no {upper}: {_a(lower)} {lower} is only meaningful "
                   f"within {_a(upper)} {upper}")
    return archive


# (level, the level it belongs within) beyond the Russian fond > opis > delo > list
_WITHIN = (("sprava", "fond"), ("arkush", "sprava"), ("entry", "record_group"), ("piece", "class"))


def _surrogate(b: _Builder, value: Any) -> Surrogate:
    data = b.table(value, ("surrogate",))
    b.unknown_keys(data, ("surrogate",), schema.keys_in("surrogate"))
    s = Surrogate(**_section(b, data, "surrogate"))
    if not (s.url or s.record_id):
        b.warn(("surrogate",), "surrogate has neither url nor record_id: readers cannot find the copy you read")
    if not s.name:
        b.warn(("surrogate",), "surrogate has no name: say which digital archive or collection you read it in")
    return s


def _provenance(b: _Builder, value: Any) -> tuple[ProvenanceEvent, ...]:
    if not isinstance(value, list):
        b.report(("provenance",), f"provenance must be an array of tables ([[provenance]]), not {_what(value)}")
        return ()
    events = []
    for i, item in enumerate(value):
        at = ("provenance", i)
        if not isinstance(item, dict):
            b.report(at, f"provenance[{i}] must be a table, not {_what(item)}")
            continue
        b.unknown_keys(item, at, schema.keys_in("provenance"))
        v = {}
        for f in schema.fields_in("provenance"):
            if f.name in item:
                v[f.name] = b.field_value(f, item[f.name], at + (f.name,))
        if not v.get("event"):
            if "event" not in item:
                b.report(at, f"provenance[{i}] needs an event (one of: {', '.join(schema.PROVENANCE_EVENTS)})")
            continue
        if not v.get("by") and v["event"] not in ("declassified",):
            b.warn(at, f"provenance[{i}] ({v['event']}) does not say by whom")
        events.append(ProvenanceEvent(event=v["event"], by=v.get("by", ()), for_=v.get("for", ""),
                                      date=v.get("date"), note=v.get("note", "")))
    return tuple(events)


def build_record(key: str, data: dict, path: str, positions: dict | None = None) -> tuple[Record | None,
                                                                                         list[Diagnostic]]:
    """Validate ``data`` (parsed TOML) and build a Record. Returns (None, diagnostics) when any error."""
    b = _Builder(path, positions or {})
    if problem := key_problem(key):
        b.report((), problem)
    if not data:
        b.report((), "empty record: a record needs at least `type` and `title`")
        return None, b.diagnostics
    b.unknown_keys(data, (), schema.keys_in(""))
    v = _section(b, data, "")
    if (ck := v.get("citation_key")) and not CITATION_KEY_RE.match(ck):
        b.report(("citation_key",), f"citation_key {ck!r} cannot be cited: no spaces or any of , {{ }} \" # % ' "
                 "( ) = \\ ~")
    rtype = v.get("type", "")
    if "type" not in data:
        b.report((), f"missing `type` (one of: {', '.join(schema.TYPES)})")
    creators = {role: v.pop(role) for role in list(v) if schema.FIELD_BY_KEY[role].kind == schema.NAMES}
    archive = _archive(b, data["archive"]) if "archive" in data else None
    surrogate = _surrogate(b, data["surrogate"]) if "surrogate" in data else None
    provenance = _provenance(b, data["provenance"]) if "provenance" in data else ()
    date_as_printed = v.pop("date_as_printed", "")
    if date_as_printed:
        d = v.get("date")
        v["date"] = Date(start=d.start, end=d.end, circa=d.circa, uncertain=d.uncertain,
                         literal=date_as_printed) if d else Date(literal=date_as_printed)
    rt = schema.TYPES.get(rtype)
    if rt and rt.requires_title and not v.get("title") and "title" not in data:
        b.report((), f"missing `title` ({_a(rtype)} {rtype} needs one; for a document without a title of its "
                 "own, describe it and add title_is_descriptive = true)")
    elif rt and rt.requires_title and isinstance(data.get("title"), str) and not v.get("title"):
        b.report(("title",), f"`title` is empty ({_a(rtype)} {rtype} needs one; for a document without a title "
                 "of its own, describe it and add title_is_descriptive = true)")
    if any(b.diagnostics[i].is_error for i in range(len(b.diagnostics))):
        return None, b.diagnostics
    record = Record(key=key, creators=creators, archive=archive, surrogate=surrogate, provenance=provenance,
                    path=path, **v)
    _advice(b, record, data)
    return record, b.diagnostics


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", "\u201e": "\u201c"}


def _isbn_ok(isbn: str) -> bool:
    """False only for an ISBN-10 or ISBN-13 whose check digit is wrong; other text is not judged."""
    s = re.sub(r"[\s-]", "", isbn).upper()
    if re.fullmatch(r"\d{13}", s):
        return sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(s)) % 10 == 0
    if re.fullmatch(r"\d{9}[\dX]", s):
        return sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(s)) % 11 == 0
    return True


def _advice(b: _Builder, r: Record, data: dict) -> None:
    """Archival-aware warnings on a record that is otherwise valid."""
    if r.names("translator") and not r.original_language:
        at = ("translator",) if "translator" in data else ("provenance",)
        b.warn(at, "a translator is named but original_language is not: say what the document was translated from")
    rt = schema.TYPES[r.type]
    if rt.archival and r.type == "archival-document" and not r.archive:
        b.warn(("type",), "an archival document without [archive]: say which repository holds the original")
    if r.type in ("article-journal", "article-newspaper", "article-magazine", "chapter") and not r.container_title:
        b.warn(("type",), f"a {r.type} needs container_title (the journal, newspaper or book it appeared in)")
    if r.type == "edited-volume" and not r.names("editor"):
        b.warn(("type",), "an edited-volume without editor")
    if r.url and r.surrogate and r.surrogate.url and r.url == r.surrogate.url:
        b.warn(("url",), "url repeats surrogate.url: keep it in [surrogate] only")
    if len(r.title) > 2 and _QUOTES.get(r.title[0]) == r.title[-1]:
        b.warn(("title",), "title is wrapped in quotation marks: write it without them; citations add quotation "
               "marks where the style wants them" + ("" if r.title_is_descriptive else
                                                     " (and a descriptive title gets none)"))
    accessed = [(at, d) for at, d in ((("accessed",), r.accessed),
                                      (("surrogate", "accessed"), r.surrogate and r.surrogate.accessed)) if d]
    if r.date and r.date.start and accessed:
        b.warn(accessed[0][0], "an access date on a dated document: Chicago prints the date you consulted a "
               "source only when the source has no date of its own, so citations leave it out")
    for at, url in ((("url",), r.url), (("surrogate", "url"), r.surrogate and r.surrogate.url)):
        if url and not re.match(r"(?i)https?://\S+$", url):
            b.warn(at, f"{_dotted(at)} {url!r} is not a web address (http:// or https://…)")
    if r.isbn and not _isbn_ok(r.isbn):
        b.warn(("isbn",), f"isbn {r.isbn!r} fails its check digit: compare it with the book")
    if re.match(r"(?i)(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", r.doi):
        b.warn(("doi",), f"doi {r.doi!r} is written as a link: give the bare DOI (10.…); citations add "
               "https://doi.org/")
