"""Commented record templates for ``citekit new``: the fields a record type uses, each with its description
from the field table, the values given filled in and the others commented out, ready to edit.

``FIELDS_FOR`` says which fields of ``citekit.schema.FIELDS`` each record type uses (names only: the kind,
description and example of every field come from the schema). ``coerce`` turns a value typed on the command
line into the TOML value its field wants; ``render`` writes the template.

Pure: no file I/O, no prompting, no typer. tomlkit (for exact TOML quoting) is imported inside functions.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from . import schema

_FRONT = ("title", "title_is_descriptive", "short_title", "genre")
_END = ("language", "summary", "notes")
_ARCHIVE = ("archive.name", "archive.abbreviation", "archive.place", "archive.reference", "archive.levels")
_SURROGATE = ("surrogate.name", "surrogate.publisher", "surrogate.record_id", "surrogate.url",
              "surrogate.uploaded", "surrogate.accessed")
_PROVENANCE = ("provenance.event", "provenance.by", "provenance.for", "provenance.date")
_PUBLISHED = ("publisher", "publisher_place")

FIELDS_FOR: dict[str, tuple[str, ...]] = {
    "archival-document": (*_FRONT, "author", "recipient", "date", "original_language", "funders", "rights",
                          "license", "classification", *_END, *_ARCHIVE, *_SURROGATE, *_PROVENANCE),
    "letter": (*_FRONT, "author", "recipient", "date", "place", "original_language", "container_title",
               "rights", *_END, *_ARCHIVE, *_SURROGATE, *_PROVENANCE),
    "interview": (*_FRONT, "author", "interviewer", "date", "place", "medium", "container_title", "url",
                  "accessed", *_END, *_ARCHIVE),
    "book": (*_FRONT, "author", "translator", "editor", "date", "original_date", "edition", "volume",
             "number_of_volumes", "series", "series_number", *_PUBLISHED, "isbn", "doi", "url",
             "original_language", *_END),
    "edited-volume": (*_FRONT, "editor", "translator", "date", "edition", "volume", "number_of_volumes", "series",
                      "series_number", *_PUBLISHED, "isbn", "doi", "url", *_END),
    "chapter": (*_FRONT, "author", "translator", "container_title", "editor", "pages", "date", "edition", "volume",
                "series", *_PUBLISHED, "isbn", "doi", "url", *_END),
    "article-journal": (*_FRONT, "author", "translator", "container_title", "volume", "issue", "pages", "date",
                        "doi", "url", "accessed", *_END),
    "article-newspaper": (*_FRONT, "author", "container_title", "publisher_place", "date", "pages", "url",
                          "accessed", *_END),
    "article-magazine": (*_FRONT, "author", "container_title", "volume", "issue", "pages", "date", "url",
                         "accessed", *_END),
    "thesis": (*_FRONT, "author", "date", "publisher", "publisher_place", "url", "doi", *_END),
    "report": (*_FRONT, "author", "editor", "number", "series", "date", *_PUBLISHED, "url", "doi", "accessed",
               *_END, *_ARCHIVE),
    "webpage": (*_FRONT, "author", "container_title", "publisher", "date", "url", "accessed", *_END),
    "document-collection": (*_FRONT, "editor", "compiler", "translator", "date", "volume", "number_of_volumes",
                            "series", "series_number", *_PUBLISHED, "isbn", "url", *_END),
}

_PLACEHOLDER = {schema.TEXT: '""', schema.NAMES: '["Given Family"]', schema.DATE: "1950-01-31",
                schema.BOOL: "false", schema.TEXT_LIST: '[""]', schema.CHOICE: '""',
                schema.LEVEL_TABLE: '{ fond = "", opis = "", delo = "", list = "" }'}


def fields_for(rtype: str) -> tuple[schema.Field, ...]:
    """The fields of the field table that a record of type ``rtype`` uses, in template order."""
    return tuple(schema.FIELD_BY_KEY[k] for k in FIELDS_FOR[rtype])


def settable() -> list[str]:
    """Every key ``citekit new --set KEY=VALUE`` accepts (all plain fields; provenance has its own flags)."""
    return [f.key for f in schema.FIELDS if f.kind not in (schema.TABLE, schema.TABLE_LIST)
            and f.parent != "provenance" and f.key != "type"]


def coerce(key: str, text: str) -> Any:
    """The TOML value of field ``key`` for ``text`` as typed. Raises KeyError (unknown key) or ValueError."""
    f = schema.FIELD_BY_KEY[key]
    text = text.strip()
    if f.kind == schema.DATE:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return _dt.date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"{key}: {text!r} is not a date") from None
        return text
    if f.kind == schema.BOOL:
        if text.lower() in ("true", "yes", "1"):
            return True
        if text.lower() in ("false", "no", "0"):
            return False
        raise ValueError(f"{key} must be true or false, not {text!r}")
    if f.kind in (schema.NAMES, schema.TEXT_LIST):
        items = [p.strip() for p in text.split(";") if p.strip()]
        if not items:
            raise ValueError(f"{key}: give at least one value (several separated by ';')")
        return items
    if f.kind == schema.LEVEL_TABLE:
        levels = {}
        for part in re.split(r"[,;]", text):
            kind, sep, value = part.partition("=")
            if not sep or not kind.strip() or not value.strip():
                raise ValueError(f"{key}: write levels as kind=value, kind=value (\"fond=17, opis=162\")")
            levels[kind.strip()] = value.strip()
        return levels
    return text


def _toml(value: Any) -> str:
    import tomlkit

    if isinstance(value, dict):
        t = tomlkit.inline_table()
        t.update(value)
        return t.as_string()
    return tomlkit.item(value).as_string()


def _line(f: schema.Field, value: Any, width: int) -> str:
    if value is None:
        example = _PLACEHOLDER[f.kind] if f.kind == schema.NAMES else f.example or _PLACEHOLDER.get(f.kind, "")
        text = f"# {f.name} = {example}"
    else:
        text = f"{f.name} = {_toml(value)}"
    doc = " ".join(f.doc.split())
    return f"{text:<{width}}  # {doc}"


def render(rtype: str, values: dict[str, Any], *, events: list[dict] | None = None, header: str = "") -> str:
    """The template of a ``rtype`` record: ``values`` (by dotted field key) filled in, the type's other fields
    commented out with their descriptions; ``events`` as [[provenance]] tables."""
    rt = schema.TYPES[rtype]
    fields = fields_for(rtype)
    extra = [schema.FIELD_BY_KEY[k] for k in values if k not in FIELDS_FOR[rtype] and k != "type"]
    width = 30
    lines = [f"# {line}" for line in header.splitlines()] if header else []
    article = "An" if rtype[0] in "aeiou" else "A"
    lines += [f"# {article} {rtype}: {' '.join(rt.doc.split())}.",
              "# Fill in what you know and delete what does not apply; every field is described in docs/records.md.",
              "# `citekit check` validates this file.", "",
              f"type = {_toml(rtype)}"]
    top = [f for f in (*fields, *extra) if not f.parent]
    lines += [_line(f, values.get(f.key), width) for f in top]
    for table in ("archive", "surrogate"):
        members = [f for f in (*fields, *extra) if f.parent == table]
        if not members:
            continue
        active = any(f.key in values for f in members)
        lines += ["", f"[{table}]" if active else f"# [{table}]"
                  + ("" if active else f"  # {' '.join(schema.FIELD_BY_KEY[table].doc.split())}")]
        for f in members:
            line = _line(f, values.get(f.key), width)
            lines.append(line if active or line.startswith("#") else "# " + line)
    if any(f.parent == "provenance" for f in fields) or events:
        for ev in events or []:
            lines += ["", "[[provenance]]"] + [f"{k} = {_toml(v)}" for k, v in ev.items()]
        lines += ["", f"# [[provenance]]  # {' '.join(schema.FIELD_BY_KEY['provenance'].doc.split())}"]
        for f in (f for f in schema.FIELDS if f.parent == "provenance"):
            if f.name == "event":
                event = '# event = "obtained"'
                lines.append(f"{event:<{width}}  # one of: {', '.join(schema.PROVENANCE_EVENTS)}")
            else:
                lines.append(_line(f, None, width))
    return "\n".join(lines) + "\n"
