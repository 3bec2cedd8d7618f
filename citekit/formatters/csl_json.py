"""Records as CSL-JSON items (the input format of pandoc, Zotero and every CSL processor).

Simple fields follow their ``csl`` name in the field table; names, dates, the archive, the surrogate and
the provenance chain are mapped here. What CSL has no variable for (provenance, funders, rights,
classification, original language, the reference as printed) goes into the item's ``custom`` object.
Pure: records in, dicts out.
"""

from __future__ import annotations

from typing import Any

from .. import schema
from ..archival import format_levels
from ..model import Date, Name, Record


def csl_name(n: Name) -> dict[str, Any]:
    if n.literal:
        return {"literal": n.literal}
    out: dict[str, Any] = {"family": n.family}
    for key, value in (("given", n.given), ("non-dropping-particle", n.particle),
                       ("dropping-particle", n.dropping_particle), ("suffix", n.suffix)):
        if value:
            out[key] = value
    if n.family_first or n.is_cjk:
        out["static-ordering"] = True
    return out


def csl_date(d: Date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if d.start:
        parts = [[p for p in (d.start.year, d.start.month, d.start.day) if p is not None]]
        if d.end:
            parts.append([p for p in (d.end.year, d.end.month, d.end.day) if p is not None])
        out["date-parts"] = parts
    if d.circa:
        out["circa"] = True
    if d.uncertain:
        out["raw"] = d.iso()  # CSL has no "uncertain": the EDTF form keeps the question mark
    if d.literal:
        out["literal"] = d.literal  # the date as printed; date-parts (when any) still give the normal form
    return out


_CREATOR_CSL = {f.key: f.csl for f in schema.FIELDS if f.kind == schema.NAMES and not f.parent}
_SIMPLE = [f for f in schema.FIELDS if not f.parent and f.kind in (schema.TEXT, schema.BOOL, schema.TEXT_LIST)
           and f.csl and f.key not in ("date_as_printed",)]


def _put(item: dict[str, Any], csl: str, value: Any) -> None:
    if csl.startswith("custom."):
        item.setdefault("custom", {})[csl.removeprefix("custom.")] = value
    else:
        item[csl] = value


def to_csl(r: Record) -> dict[str, Any]:
    """One CSL-JSON item; ``id`` is the record key, case preserved."""
    item: dict[str, Any] = {"id": r.key, "type": schema.TYPES[r.type].csl}
    if [t.csl for t in schema.TYPES.values()].count(item["type"]) > 1:
        _put(item, "custom.type", r.type)  # e.g. edited-volume and document-collection are both CSL "book"
    for f in _SIMPLE:
        value = getattr(r, f.key)
        if value:
            _put(item, f.csl, list(value) if isinstance(value, tuple) else value)
    if r.citation_key and r.citation_key != r.key:  # "id" is the citation key: keep the record's key too
        _put(item, "custom.key", r.key)
    for role, names in r.creators.items():
        if names:
            item[_CREATOR_CSL[role]] = [csl_name(n) for n in names]
    translators = r.names("translator")
    if translators:
        item["translator"] = [csl_name(n) for n in translators]
    editors = r.names("editor")
    if editors:
        item["editor"] = [csl_name(n) for n in editors]
    for attr, var in (("date", "issued"), ("original_date", "original-date"), ("accessed", "accessed")):
        if d := getattr(r, attr):
            item[var] = csl_date(d)
    if a := r.archive:
        if a.label:
            item["archive"] = a.label
        if a.abbreviation:
            _put(item, "custom.archive_abbreviation", a.abbreviation)
        if a.place:
            item["archive-place"] = a.place
        # the named collection goes to archive_collection, the other levels to archive_location
        located = [lv for lv in a.levels if lv.kind != "collection"]
        if located:
            item["archive_location"] = format_levels(located)
        if a.levels and not a.levels_parsed:
            item.setdefault("custom", {})["archive_levels"] = [{"kind": lv.kind, "value": lv.value}
                                                               for lv in a.levels]
        if not a.levels and a.reference:
            item["archive_location"] = a.reference
        if collection := a.level("collection"):
            item["archive_collection"] = collection
        if call_number := a.level("call_number"):
            item["call-number"] = call_number
        if a.reference:
            _put(item, "custom.archive_reference", a.reference)
    if s := r.surrogate:
        if s.name:
            item["source"] = s.name
        if s.publisher:
            _put(item, "custom.surrogate_publisher", s.publisher)
        if s.record_id:
            _put(item, "custom.record_id", s.record_id)
        if s.url:
            item.setdefault("URL", s.url)
            _put(item, "custom.surrogate_url", s.url)
        if s.uploaded:
            item["available-date"] = csl_date(s.uploaded)
        if s.accessed:
            item.setdefault("accessed", csl_date(s.accessed))
            _put(item, "custom.surrogate_accessed", s.accessed.iso())
    if r.provenance:
        _put(item, "custom.provenance", [
            {k: v for k, v in (("event", ev.event), ("by", [csl_name(n) for n in ev.by]), ("for", ev.for_),
                               ("date", ev.date.iso() if ev.date else ""), ("note", ev.note)) if v}
            for ev in r.provenance])
    return item


def to_csl_items(records: list[Record]) -> list[dict[str, Any]]:
    return [to_csl(r) for r in records]


# -- the style interface (see citekit.formatters.styles)
FORMS = ("item",)
MARKUPS = ("text",)


def cite(record: Record, *, form: str = "item", locator: str = "", markup: str = "text", **_: Any) -> str:
    import json

    return json.dumps(to_csl(record), ensure_ascii=False, indent=2)


def bibliography(records: list[Record], *, markup: str = "text", **_: Any) -> list[tuple[str, str]]:
    return [(r.key, cite(r)) for r in records]


def document(entries: list[str], markup: str = "text") -> str:
    """A CSL-JSON file: one array of items."""
    if not entries:
        return "[]\n"
    body = ",\n".join("  " + e.replace("\n", "\n  ") for e in entries)
    return f"[\n{body}\n]\n"
