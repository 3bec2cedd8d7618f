"""Read CSL-JSON (an array of items, or one item: Zotero's and pandoc's export format) into record data.

The inverse of ``citekit.formatters.csl_json``: CSL variables map back through the ``csl`` column of the
field table; what citekit keeps in ``custom`` (provenance, funders, rights, the archival levels) comes back
whole. Zotero's own forms are read too: ``literal`` names, ``date-parts``, ``raw`` and ``literal`` dates,
``archive``/``archive_location``/``archive-place`` variables. Variables citekit has no field for are kept
in ``notes``. Every item becomes record data or a located diagnostic.

Pure: text in, data out; no I/O. Must not import a formatter or typer.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .. import schema
from ..dates import parse_date
from ..errors import Diagnostic
from .base import Imported
from .credits import EVENTS, direct_names

TYPES = {
    "manuscript": "archival-document", "letter": "letter", "personal_communication": "letter",
    "interview": "interview", "book": "book", "chapter": "chapter", "paper-conference": "chapter",
    "entry-encyclopedia": "chapter", "entry-dictionary": "chapter", "entry": "chapter",
    "article-journal": "article-journal", "article": "article-journal", "review": "article-journal",
    "review-book": "article-journal", "article-newspaper": "article-newspaper",
    "article-magazine": "article-magazine", "thesis": "thesis", "report": "report", "webpage": "webpage",
    "post": "webpage", "post-weblog": "webpage", "document": "report", "collection": "document-collection",
}
SIMPLE = {f.csl: f.key for f in schema.FIELDS if not f.parent and f.csl and f.kind == schema.TEXT
          and f.key not in ("date_as_printed", "citation_key")}
SIMPLE["title-short"] = "short_title"
SIMPLE["shortTitle"] = "short_title"
NAMES = {f.csl: f.key for f in schema.FIELDS if not f.parent and f.kind == schema.NAMES}
CUSTOM = {f.csl.removeprefix("custom."): f.key for f in schema.FIELDS
          if f.csl.startswith("custom.") and not f.parent}
KNOWN = (set(SIMPLE) | set(NAMES) | {"id", "type", "issued", "original-date", "accessed", "archive",
                                     "archive-place", "archive_location", "archive_collection", "call-number",
                                     "source",
                                     "available-date", "custom", "citation-key", "container-author"})


def detect(text: str, suffix: str) -> bool:
    if suffix == ".json":
        return True
    return bool(re.match(r"\s*[\[{]", text)) and '"type"' in text[:5000]


def _line_of(text: str, item_id: str) -> int:
    """Line where an item starts (found by its id), else 1."""
    if item_id:
        m = re.search(r'"id"\s*:\s*' + re.escape(json.dumps(item_id)), text)
        if m:
            start = text.rfind("{", 0, m.start())
            return text.count("\n", 0, max(start, 0)) + 1
    return 1


def parse(text: str, path: str) -> list[Imported]:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as e:
        return [Imported("", None, e.lineno, [Diagnostic(path, e.lineno, e.colno, message=f"JSON syntax: {e.msg}")])]
    if isinstance(items, dict):
        items = items.get("items", [items]) if "type" not in items else [items]
    if not isinstance(items, list):
        return [Imported("", None, 1, [Diagnostic(path, 1, 1, message="CSL-JSON must be an array of items")])]
    out = []
    for i, item in enumerate(items):
        item_id = str(item.get("id", "")) if isinstance(item, dict) else ""
        line = _line_of(text, item_id)
        if not isinstance(item, dict):
            out.append(Imported(f"item-{i + 1}", None, line,
                                [Diagnostic(path, line, 1, message=f"item {i + 1} is not a JSON object")]))
            continue
        try:
            data, diags = to_record(item, path, line)
        except Exception as exc:  # unforeseen shapes: say where, keep going
            data, diags = None, [Diagnostic(path, line, 1, message=f"cannot convert item {item_id!r}: {exc}")]
        key = str(item.get("citation-key", "")) or item_id or f"item-{i + 1}"
        if re.match(r"https?://", key):  # Zotero's item URIs: the item's own ID is the last part
            key = key.rstrip("/").rpartition("/")[2] or key
        custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
        if custom.get("key") and data is not None:  # citekit's own export: "id" is the citation key
            data["citation_key"], key = item_id, str(custom["key"])
        out.append(Imported(key, data, line, diags))
    return out


def name(n: Any) -> Any:
    """A CSL name object as a record's name table."""
    if isinstance(n, str):
        return n
    if not isinstance(n, dict):
        return str(n)
    if n.get("literal"):
        return {"literal": str(n["literal"])}
    out: dict[str, Any] = {}
    for csl, key in (("family", "family"), ("given", "given"), ("non-dropping-particle", "particle"),
                     ("dropping-particle", "dropping_particle"), ("suffix", "suffix")):
        if n.get(csl):
            out[key] = str(n[csl])
    if not out.get("family"):
        if out.get("given"):
            return {"literal": out["given"]}
        return {}
    if n.get("static-ordering"):
        out["family_first"] = True
    return out


def _names(value: Any) -> list[Any]:
    return [d for d in (name(n) for n in (value if isinstance(value, list) else [value])) if d]


def _part(p: list) -> str:
    nums = [int(x) for x in p if str(x).strip().lstrip("-").isdigit()]
    if not nums:
        return ""
    s = f"{nums[0]:04d}" if nums[0] >= 0 else f"{nums[0]:05d}"
    for x in nums[1:3]:
        s += f"-{x:02d}"
    return s


def date(value: Any) -> tuple[str, str]:
    """(date text for a record, date as printed) from a CSL date (object or EDTF string)."""
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        return "", ""
    text = ""
    parts = value.get("date-parts") or []
    if parts and isinstance(parts, list) and all(isinstance(p, list) for p in parts):
        text = "/".join(t for t in (_part(p) for p in parts[:2]) if t)
        if text and value.get("circa") not in (None, False, "", 0):
            text += "~"
    raw = str(value.get("raw", "") or "")
    printed = str(value.get("literal", "") or "")
    if raw:
        try:
            parse_date(raw)
            if not text or parse_date(raw).start == parse_date(text).start:
                text = raw
        except ValueError:
            printed = printed or raw
    if text:
        try:
            parse_date(text)
        except ValueError:
            printed, text = printed or text, ""
    return text, printed


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def to_record(item: dict, path: str, line: int) -> tuple[dict, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    data: dict[str, Any] = {}
    ctype = str(item.get("type", ""))
    rtype = custom.get("type") if custom.get("type") in schema.TYPES else TYPES.get(ctype)
    if rtype is None:
        diags.append(Diagnostic(path, line, 1, "warning", f"CSL type {ctype!r} has no citekit equivalent; "
                                "imported as a report"))
        rtype = "report"
    if ctype == "book" and item.get("editor") and not item.get("author") and "type" not in custom:
        rtype = "edited-volume"
    data["type"] = rtype
    for csl, key in SIMPLE.items():
        if item.get(csl) not in (None, "", []) and key not in data:
            data[key] = _plain(item[csl])
    for csl, key in NAMES.items():
        if item.get(csl):
            if names := _names(item[csl]):
                data[key] = names
    for csl, key in (("issued", "date"), ("original-date", "original_date"), ("accessed", "accessed")):
        if csl in item:
            text, printed = date(item[csl])
            if text:
                data[key] = text
            if printed and key == "date":
                data["date_as_printed"] = printed
    # custom: what CSL has no variable for
    for k, key in CUSTOM.items():
        if k in custom and key not in ("provenance",):
            value = custom[k]
            if key == "title_is_descriptive":
                data[key] = bool(value)
            elif key == "funders":
                data[key] = [str(v) for v in (value if isinstance(value, list) else [value])]
            elif key not in ("archive.abbreviation", "archive.reference"):
                data[key] = _plain(value)
    if isinstance(custom.get("provenance"), list):
        events = []
        for ev in custom["provenance"]:
            if isinstance(ev, dict):
                e = {k: v for k, v in ev.items() if k in ("event", "for", "date", "note")}
                if ev.get("by"):
                    e["by"] = _names(ev["by"])
                events.append(e)
        data["provenance"] = events
    # translators and editors credited in provenance are written to CSL as such: not twice
    for role in EVENTS:
        if role in data:
            data[role] = direct_names(data[role], data.get("provenance", []), role)
            if not data[role]:
                del data[role]
    # the archive
    archive: dict[str, Any] = {}
    abbreviation = custom.get("archive_abbreviation", "")
    if item.get("archive"):
        if str(item["archive"]) == abbreviation and not custom.get("archive_name"):
            archive["abbreviation"] = abbreviation
        else:
            archive["name"] = str(item["archive"])
    if abbreviation:
        archive["abbreviation"] = str(abbreviation)
    if item.get("archive-place"):
        archive["place"] = str(item["archive-place"])
    if custom.get("archive_reference"):
        archive["reference"] = str(custom["archive_reference"])
    if isinstance(custom.get("archive_levels"), list):
        archive["levels"] = {str(lv["kind"]): str(lv["value"]) for lv in custom["archive_levels"]
                             if isinstance(lv, dict) and "kind" in lv}
    elif not archive.get("reference") and any(item.get(v) for v in ("archive_location", "archive_collection",
                                                                     "call-number")):
        parts: list[str] = []
        for v in ("archive_collection", "archive_location", "call-number"):
            if item.get(v) and not any(str(item[v]) in p for p in parts):  # a call number may be in the location
                parts.append(str(item[v]))
        archive["reference"] = ", ".join(parts)
    if archive:
        data["archive"] = archive
    # the surrogate
    surrogate: dict[str, Any] = {}
    if item.get("source"):
        surrogate["name"] = str(item["source"])
    for k, key in (("surrogate_publisher", "publisher"), ("record_id", "record_id"), ("surrogate_url", "url")):
        if custom.get(k):
            surrogate[key] = str(custom[k])
    if "available-date" in item:
        text, _ = date(item["available-date"])
        if text:
            surrogate["uploaded"] = text
    if custom.get("surrogate_accessed"):
        surrogate["accessed"] = str(custom["surrogate_accessed"])
    if surrogate:
        if data.get("url") and data["url"] == surrogate.get("url"):
            del data["url"]
        if data.get("accessed") and data["accessed"] == surrogate.get("accessed"):
            del data["accessed"]
        data["surrogate"] = surrogate
    # whatever else the item holds
    rest = {k: v for k, v in item.items() if k not in KNOWN and k not in SIMPLE and v not in (None, "", [])}
    if rest:
        extra = "; ".join(f"{k} = {json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}"
                          for k, v in rest.items())
        data["notes"] = f"{data['notes']}\n\n{extra}" if data.get("notes") else extra
    return data, diags
