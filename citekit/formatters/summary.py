"""A record as a person reads it (``citekit show``) and as plain data (``show --json``, ``list``).

``provenance_chain`` orders what is known about how the document reached the reader: the original archive,
then each custody event, the surrogate it was read in and its publisher, funders, rights, licence and the
original classification. Pure: records in, strings and dicts out.
"""

from __future__ import annotations

from typing import Any

from .. import schema
from ..archival import format_levels
from ..model import CREATOR_ROLES, Date, Name, Record
from . import series

_EVENT_LABEL = {
    "obtained": "obtained by",
    "contributed": "contributed by",
    "translated": "translated by",
    "transcribed": "transcribed by",
    "edited": "edited by",
    "declassified": "declassified",
    "digitized": "digitized by",
    "published": "published by",
}


def names_text(names: tuple[Name, ...]) -> str:
    return series([n.display() for n in names])


def date_text(d: Date | None) -> str:
    if d is None:
        return ""
    iso = d.iso()
    if d.literal:
        return f"{d.literal} ({iso})" if iso else d.literal
    return iso


def provenance_chain(r: Record) -> list[tuple[str, str]]:
    """(step, description) pairs in reading order: archive → events → surrogate → funders → rights."""
    chain: list[tuple[str, str]] = []
    if a := r.archive:
        where = ", ".join(p for p in (a.name, f"({a.abbreviation})" if a.name and a.abbreviation else
                                      a.abbreviation, a.place) if p)
        chain.append(("held by", where.replace(", (", " (")))
        if a.levels:
            chain.append(("reference", format_levels(a.levels)))
        if a.reference:
            chain.append(("as printed", a.reference))
    for ev in r.provenance:
        text = names_text(ev.by)
        if ev.for_:
            text += f" for {ev.for_}" if text else f"for {ev.for_}"
        if ev.date:
            text += f" ({date_text(ev.date)})" if text else date_text(ev.date)
        if ev.note:
            text += f"; {ev.note}" if text else ev.note
        chain.append((_EVENT_LABEL[ev.event], text))
    direct = [n for n in r.creators.get("translator", ())]
    if direct:
        chain.append(("translated by", names_text(tuple(direct))))
    if s := r.surrogate:
        chain.append(("read in", ", ".join(p for p in (s.name, s.publisher) if p)))
        for label, value in (("record ID", s.record_id), ("URL", s.url), ("uploaded", date_text(s.uploaded)),
                             ("accessed", date_text(s.accessed))):
            if value:
                chain.append((label, value))
    if r.funders:
        chain.append(("funded by", "; ".join(r.funders)))
    for label, value in (("rights", r.rights), ("licence", r.license),
                         ("original classification", r.classification)):
        if value:
            chain.append((label, value))
    return chain


def describe(r: Record) -> str:
    """The multi-line text ``citekit show`` prints."""
    rows: list[tuple[str, str]] = [("key", r.key), ("type", r.type + (f" ({r.genre})" if r.genre else ""))]
    if r.title:
        rows.append(("title", r.title + ("  [descriptive]" if r.title_is_descriptive else "")))
    for role in CREATOR_ROLES:
        if names := r.creators.get(role):
            rows.append((role, names_text(names)))
    for label, value in (("date", date_text(r.date)), ("original date", date_text(r.original_date)),
                         ("language", r.language), ("original language", r.original_language),
                         ("in", r.container_title), ("publisher", ", ".join(
                             p for p in (r.publisher_place, r.publisher) if p)),
                         ("DOI", r.doi), ("URL", r.url)):
        if value:
            rows.append((label, value))
    chain = provenance_chain(r)
    width = max(len(label) for label, _ in rows + chain) + 2
    lines = [f"{label + ':':<{width}}{value}" for label, value in rows]
    if chain:
        lines.append("")
        lines.append("provenance:")
        lines += [f"  {i}. {label}: {value}" for i, (label, value) in enumerate(chain, 1)]
    if r.summary:
        lines += ["", "summary:", "  " + r.summary]
    if r.notes:
        lines += ["", "notes:", "  " + r.notes]
    return "\n".join(lines)


def _name_dict(n: Name) -> dict[str, Any]:
    return {k: v for k, v in (("family", n.family), ("given", n.given), ("particle", n.particle),
                              ("dropping_particle", n.dropping_particle), ("suffix", n.suffix),
                              ("literal", n.literal), ("family_first", n.family_first)) if v}


def record_dict(r: Record) -> dict[str, Any]:
    """The record as JSON-ready data, with the provenance chain in reading order. Top-level fields come in
    the order of the field table, named as in records; empty ones are left out."""
    out: dict[str, Any] = {"key": r.key, "type": r.type}
    for f in schema.FIELDS:
        if f.parent or f.name == "type" or f.kind in (schema.TABLE, schema.TABLE_LIST):
            continue
        if f.kind == schema.NAMES:
            if names := r.creators.get(f.name):
                out[f.name] = [_name_dict(n) for n in names]
        elif (value := getattr(r, f.name, None)) and f.kind == schema.DATE:
            out[f.name] = date_text(value)
        elif value:
            out[f.name] = list(value) if f.kind == schema.TEXT_LIST else value
    if a := r.archive:
        out["archive"] = {k: v for k, v in (("name", a.name), ("abbreviation", a.abbreviation),
                                            ("place", a.place), ("reference", a.reference)) if v}
        out["archive"]["levels"] = [{"kind": lv.kind, "value": lv.value} for lv in a.levels]
    if s := r.surrogate:
        out["surrogate"] = {k: v for k, v in (("name", s.name), ("publisher", s.publisher),
                                              ("record_id", s.record_id), ("url", s.url),
                                              ("uploaded", date_text(s.uploaded)),
                                              ("accessed", date_text(s.accessed))) if v}
    if r.provenance:
        out["provenance"] = [{k: v for k, v in (("event", ev.event), ("by", [_name_dict(n) for n in ev.by]),
                                                ("for", ev.for_), ("date", date_text(ev.date)),
                                                ("note", ev.note)) if v} for ev in r.provenance]
    out["provenance_chain"] = [{"step": s, "value": v} for s, v in provenance_chain(r)]
    out["path"] = r.path
    return out
