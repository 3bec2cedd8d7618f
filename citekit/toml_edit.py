"""Change the values of a record file while keeping everything else the user wrote: comments, blank lines,
key order, quoting style, and every key the change does not name.

``merge_record_text(old_text, data)`` sets the values of ``data`` (record data, as an importer produces it)
into the existing TOML text with tomlkit, a TOML library that preserves formatting. A value that is already
equal is left untouched (so its layout stays, too); a new key goes after the last key of its table; new
``[[provenance]]`` events are matched to existing events of the same kind, in order, and otherwise appended.
Keys the user added by hand, and events the new data does not mention, stay as they are.

This module edits text only: no file I/O (``citekit.toml_io`` writes files), no validation (the caller
validates the result like any record), no formatter, no typer. tomlkit is imported inside the function.
"""

from __future__ import annotations

from typing import Any

_TABLES = ("archive", "surrogate")


def _plain(value: Any) -> Any:
    """A tomlkit value as plain Python (for comparing with new data)."""
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if unwrap else value


def _item(value: Any):
    import tomlkit

    if isinstance(value, dict):
        t = tomlkit.inline_table()
        t.update({k: _item(v) for k, v in value.items()})
        return t
    if isinstance(value, list):
        a = tomlkit.array()
        a.extend(_item(v) for v in value)
        return a
    return tomlkit.item(value)


def _set(container, key: str, value: Any) -> None:
    """Set ``key`` in a tomlkit table or document; a new key goes after the last plain key, not at the end
    (where it would land under a comment written for the next table)."""
    from tomlkit.items import AoT, Table

    if key in container:
        if _plain(container[key]) != value:
            container[key] = _item(value)
        return
    body = getattr(container, "body", None)
    if body is None:  # a table: its container holds the body
        body = getattr(getattr(container, "value", None), "body", None)
    last = None
    for k, item in body or []:
        if k is not None and not isinstance(item, Table | AoT):
            last = k
    if last is not None:
        target = container if hasattr(container, "_insert_after") else getattr(container, "value", container)
        try:
            target._insert_after(last, key, _item(value))
            return
        except (AttributeError, KeyError, ValueError):
            pass
    container[key] = _item(value)


def _merge_table(table, data: dict) -> None:
    for key, value in data.items():
        _set(table, key, value)


def merge_record_text(old_text: str, data: dict) -> str:
    """``old_text`` with the values of ``data`` set in it; comments, layout and other keys kept."""
    import tomlkit

    doc = tomlkit.parse(old_text)
    for key, value in data.items():
        if key in _TABLES and isinstance(value, dict):
            if key in doc and isinstance(doc[key], dict):
                _merge_table(doc[key], value)
            else:
                t = tomlkit.table()
                for k, v in value.items():
                    t[k] = _item(v)
                doc[key] = t
        elif key == "provenance" and isinstance(value, list):
            _merge_provenance(doc, value)
        else:
            _set(doc, key, value)
    return tomlkit.dumps(doc)


def _merge_provenance(doc, events: list[dict]) -> None:
    import tomlkit

    if "provenance" not in doc:
        aot = tomlkit.aot()
        for ev in events:
            t = tomlkit.table()
            for k, v in ev.items():
                t[k] = _item(v)
            aot.append(t)
        doc["provenance"] = aot
        return
    existing = doc["provenance"]
    if not isinstance(existing, tomlkit.items.AoT):
        raise ValueError("its provenance is not written as [[provenance]] tables, so new events cannot be "
                         "added to it; rewrite it as [[provenance]] tables first")
    used: set[int] = set()
    for ev in events:
        match = next((i for i, old in enumerate(existing)
                      if i not in used and isinstance(old, dict) and old.get("event") == ev.get("event")), None)
        if match is None:
            if len(existing):
                existing[-1].add(tomlkit.nl())  # a blank line before the new table, as before the others
            t = tomlkit.table()
            for k, v in ev.items():
                t[k] = _item(v)
            existing.append(t)
            used.add(len(existing) - 1)
        else:
            used.add(match)
            _merge_table(existing[match], ev)
