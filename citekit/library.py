"""The Python API behind every command: one function per CLI command, plus the loaders they share.

Functions take paths and options, return data (records, diagnostics, strings) and raise
:class:`CitekitError` for bad input or refused operations. They never print, exit, or import typer; the
CLI decides how to show what they return. Heavy dependencies are imported inside the functions that need
them, so that ``citekit --help`` and ``citekit cite KEY`` stay fast.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from .errors import CitekitError, Diagnostic
from .model import Record
from .toml_io import SUFFIX, read_record, record_files, record_path

RECORDS_ENV = "CITEKIT_RECORDS"


def records_folder(folder: str | Path | None = None) -> Path:
    """The records folder: the one given, else $CITEKIT_RECORDS, else ./records."""
    return Path(folder or os.environ.get(RECORDS_ENV) or "records")


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _require_folder(folder: Path) -> None:
    if not folder.is_dir():
        hint = f" (set --records or ${RECORDS_ENV})" if not folder.exists() else ""
        raise CitekitError(Diagnostic(_shown(folder), 0, 0, message=f"no records folder here{hint}"))


def load_all(folder: Path) -> tuple[list[Record], list[Diagnostic]]:
    """Every record of a folder that is valid, and the diagnostics of all of them."""
    _require_folder(folder)
    records, diagnostics = [], []
    for path in record_files(folder):
        record, diags = read_record(path, _shown(path))
        diagnostics += diags
        if record:
            records.append(record)
    return records, sorted(diagnostics)


def load_one(folder: Path, key: str) -> tuple[Record, list[Diagnostic]]:
    """The record ``key``, reading that file only. Raises CitekitError when it is missing or invalid."""
    try:
        path = record_path(folder, key)
    except ValueError as e:
        raise CitekitError(Diagnostic("citekit", 0, 0, message=str(e))) from None
    if not path.is_file():
        _require_folder(folder)
        keys = [p.name.removesuffix(SUFFIX) for p in record_files(folder)]
        close = difflib.get_close_matches(key, keys, n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(repr(k) for k in close)}?)" if close else ""
        raise CitekitError(Diagnostic(_shown(folder), 0, 0, message=f"no record {key!r}{hint}"))
    record, diags = read_record(path, _shown(path))
    if record is None:
        raise CitekitError(diags)
    return record, diags


def load_keys(folder: Path, keys: list[str]) -> tuple[list[Record], list[Diagnostic]]:
    """Several records by key, in the order given; every problem of every key is reported together."""
    records, diagnostics, errors = [], [], []
    for key in keys:
        try:
            record, diags = load_one(folder, key)
        except CitekitError as e:
            errors += e.diagnostics
            continue
        records.append(record)
        diagnostics += diags
    if errors:
        raise CitekitError(errors + diagnostics)
    return records, diagnostics


# ------------------------------------------------------------------------------------------- commands


def check(paths: list[Path]) -> list[Diagnostic]:
    """Validate record files and folders. Returns every diagnostic, sorted (errors and warnings)."""
    diagnostics: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for path in paths:
        if path.is_dir():
            files = record_files(path)
        elif path.exists():
            files = [path]
        else:
            diagnostics.append(Diagnostic(_shown(path), 0, 0, message="no such file or folder"))
            continue
        for file in files:
            shown = _shown(file)
            _, diags = read_record(file, shown)
            diagnostics += diags
            folded = str(file.resolve()).casefold()
            if folded in seen and seen[folded] != str(file.resolve()):
                diagnostics.append(Diagnostic(shown, 1, 1, "warning", f"same key as {seen[folded]} but for case: "
                                              "they collide on case-insensitive file systems"))
            seen.setdefault(folded, str(file.resolve()))
    return sorted(set(diagnostics))


def show(folder: Path, key: str) -> tuple[Record, list[Diagnostic]]:
    """One record (for ``citekit show``), with its warnings."""
    return load_one(folder, key)


def list_records(folder: Path) -> tuple[list[Record], list[Diagnostic]]:
    """All valid records of the folder, sorted by key, and the diagnostics of those that are not."""
    records, diagnostics = load_all(folder)
    return sorted(records, key=lambda r: r.key), diagnostics
