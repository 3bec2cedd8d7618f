"""Translators and editors credited in the chain of custody, as exporters write them and importers undo.

citekit writes a record's translators (and editors) to CSL-JSON and BibLaTeX as ``Record.names(role)``: the
names given directly, then those of "translated" ("edited") provenance events not already among them.
``direct_names`` recovers the names given directly, so that importing an export does not credit anyone
twice. Pure; no I/O.
"""

from __future__ import annotations

from typing import Any

from ..model import Name
from ..names import parse_name

EVENTS = {"translator": "translated", "editor": "edited"}


def as_name(value: Any) -> Name | None:
    """A name as record data writes it (a string or a table) as a Name, or None when it is not one."""
    try:
        if isinstance(value, str):
            return parse_name(value)
        if isinstance(value, dict):
            return Name(**value)
    except (ValueError, TypeError):
        return None
    return None


def direct_names(exported: list[Any], provenance: list[dict], role: str) -> list[Any]:
    """The shortest head of ``exported`` that, followed by the provenance agents not in it, gives
    ``exported`` back: the names the record itself gave for ``role``."""
    event = EVENTS.get(role)
    agents: list[Name] = []
    for ev in provenance:
        if isinstance(ev, dict) and ev.get("event") == event:
            for n in ev.get("by", []) if isinstance(ev.get("by"), list) else [ev.get("by")]:
                name = as_name(n)
                if name is not None and name not in agents:
                    agents.append(name)
    if not agents:
        return exported
    names = [as_name(n) for n in exported]
    for k in range(len(exported) + 1):
        head = names[:k]
        if names[k:] == [a for a in agents if a not in head]:
            return exported[:k]
    return exported
