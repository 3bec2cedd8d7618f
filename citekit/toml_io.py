"""Read record files (``records/<key>.toml``) into Records, with every problem located; write them safely.

Reading never raises for bad input: each function returns the records it could build and the diagnostics
of the rest, so one broken file does not hide the others. Writing is atomic (temporary file in the same
folder, then rename) and refuses to replace an existing file unless asked.

This is the only module that touches record files. It must not format citations or import typer.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import tomli

from .errors import Diagnostic
from .locate import LazyPositions
from .model import Record
from .validate import build_record, key_problem

SUFFIX = ".toml"


def decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text, or a located diagnostic for a binary or non-UTF-8 file."""
    if b"\x00" in raw:
        return None, [Diagnostic(path, 1, 1, message="binary file (contains NUL bytes), not a TOML record")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [Diagnostic(path, line, col, message=f"not UTF-8 text (byte 0x{raw[e.start]:02x}); "
                                                          "save the record as UTF-8")]
    return text.removeprefix("\ufeff"), []


_TOMLI_POS = re.compile(r"\s*\(at (?:line \d+, column \d+|end of document)\)$")


def parse_text(text: str, path: str, key: str) -> tuple[Record | None, list[Diagnostic]]:
    """TOML text of one record to a Record (or None) and its diagnostics."""
    if not text.strip():
        return None, [Diagnostic(path, 1, 1, message="empty file: a record needs at least `type` and `title`")]
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as e:
        line = getattr(e, "lineno", 1) or 1
        col = getattr(e, "colno", 1) or 1
        msg = getattr(e, "msg", None) or _TOMLI_POS.sub("", str(e))
        return None, [Diagnostic(path, line, col, message=f"TOML syntax: {_lower_first(msg)}")]
    return build_record(key, data, path, LazyPositions(text))


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def read_record(path: Path, display: str | None = None) -> tuple[Record | None, list[Diagnostic]]:
    """Read one record file. ``display`` is the path as shown in messages (default: as given)."""
    shown = display or str(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        return None, [Diagnostic(shown, 0, 0, message="is a folder, not a record file")]
    except OSError as e:
        return None, [Diagnostic(shown, 0, 0, message=f"cannot read: {e.strerror or e}")]
    text, diags = decode(raw, shown)
    if text is None:
        return None, diags
    return parse_text(text, shown, path.name.removesuffix(SUFFIX))


def record_files(folder: Path) -> list[Path]:
    """The record files of a folder, sorted by name (hidden files and other suffixes ignored)."""
    return sorted(p for p in folder.glob("*" + SUFFIX) if not p.name.startswith("."))


def record_path(folder: Path, key: str) -> Path:
    """Where the record ``key`` lives. Raises ValueError for a key that cannot name a file safely."""
    if problem := key_problem(key):
        raise ValueError(problem)
    return folder / (key + SUFFIX)


def write_text_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` all at once. Raises FileExistsError when it exists and not ``force``.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed over the target,
    so a reader sees the old file or the new one, never half of one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if force:
            os.replace(tmp, path)
        else:
            # link() fails if the target exists: no window in which another writer's file is replaced
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise
            except OSError:  # file systems without hard links
                if path.exists():
                    raise FileExistsError(str(path)) from None
                os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def dumps_record(data: dict, header: str = "") -> str:
    """Record data (as validation reads it) to TOML text: plain keys first in field-table order, then
    ``[archive]``, ``[surrogate]`` and ``[[provenance]]``; names and levels as inline tables."""
    import tomlkit

    from .schema import FIELDS, TABLE, TABLE_LIST

    def inline(value):
        if isinstance(value, dict):
            t = tomlkit.inline_table()
            t.update({k: inline(v) for k, v in value.items()})
            return t
        if isinstance(value, list):
            return [inline(v) for v in value]
        return value

    def section(table, source: dict, parent: str) -> None:
        order = [f.name for f in FIELDS if f.parent == parent]
        for name in sorted(source, key=lambda k: order.index(k) if k in order else len(order)):
            if name in source and not _is_table_field(parent, name, FIELDS, TABLE, TABLE_LIST):
                table[name] = inline(source[name])

    doc = tomlkit.document()
    if header:
        for line in header.splitlines():
            doc.add(tomlkit.comment(line))
    section(doc, data, "")
    for name in ("archive", "surrogate"):
        if isinstance(data.get(name), dict):
            t = tomlkit.table()
            section(t, data[name], name)
            doc[name] = t
    if isinstance(data.get("provenance"), list):
        aot = tomlkit.aot()
        for event in data["provenance"]:
            t = tomlkit.table()
            section(t, event, "provenance")
            aot.append(t)
        doc["provenance"] = aot
    return tomlkit.dumps(doc)


def _is_table_field(parent: str, name: str, fields, table_kind: str, list_kind: str) -> bool:
    key = f"{parent}.{name}" if parent else name
    return any(f.key == key and f.kind in (table_kind, list_kind) for f in fields)
