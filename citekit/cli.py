"""The ``citekit`` command line: argument parsing and printing only.

Each command calls one function of ``citekit.library`` and prints what it returns, as text or, for the
commands that report data (check, show, list, cite, export, import), with ``--json`` as JSON on standard
output. Diagnostics go to standard error as ``path:line:col: severity:
message``. Exit codes: 0 success (warnings allowed), 1 bad input or refused operation, 2 wrong usage.
No logic lives here, and nothing imports this module.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from citekit import RECORDS_ENV

from .dispatch import run_plainly
from .errors import CitekitError, Diagnostic, format_diagnostic


def _imported_on_first_use(name: str) -> ModuleType:
    """Module ``name``, loaded when one of its attributes is first read: ``citekit --help`` and usage
    errors then never pay for loading the record machinery (a third of the start-up time)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as an import does: `import citekit.library` then works
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    from . import library
else:
    library = _imported_on_first_use("citekit.library")

app = typer.Typer(
    name="citekit",
    help="Citation and provenance manager for archival primary sources.\n\n"
    "Records are TOML files, one per source, in a records folder (--records, $CITEKIT_RECORDS, or ./records).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

RecordsOpt = Annotated[
    Path | None,
    typer.Option("--records", "-r", envvar=RECORDS_ENV, show_envvar=True,
                 help="Records folder [default: ./records].", file_okay=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON on standard output instead of text.")]


def _print_diagnostics(diagnostics: list[Diagnostic], warnings: bool = True) -> None:
    """Diagnostics to stderr. Commands other than ``check`` pass warnings=False: advice is check's job."""
    for d in diagnostics:
        if not warnings and not d.is_error:
            continue
        print(format_diagnostic(d), file=sys.stderr)


def _emit_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _run(action: Callable[[], int | None]) -> None:
    """Run a command body; turn CitekitError into diagnostics on stderr and exit code 1."""
    try:
        code = action() or 0
    except CitekitError as e:
        _print_diagnostics(e.diagnostics)
        raise typer.Exit(1) from None
    except BrokenPipeError:  # `citekit export | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    except typer.Exit:
        raise
    except (KeyboardInterrupt, typer.Abort):  # Ctrl-C, or Ctrl-D at a prompt of `citekit new`
        print("Aborted!", file=sys.stderr)
        raise typer.Exit(1) from None
    except Exception as e:  # a defect in citekit: say so in one line, unless asked for the traceback
        if os.environ.get("CITEKIT_DEBUG"):
            raise
        print(f"citekit: internal error: {type(e).__name__}: {e} (set CITEKIT_DEBUG=1 for the traceback)",
              file=sys.stderr)
        raise typer.Exit(1) from None
    raise typer.Exit(code)


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(metavar="PATH", help="Record files or folders "
                                                       "[default: the records folder].",
                                                       show_default=False)] = None,
    records: RecordsOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Validate records: every problem in every file, sorted, as path:line:col: error|warning: message.

    Exit status is 1 when any error is found, 0 otherwise (warnings alone do not fail).
    """

    def body() -> int:
        diagnostics = library.check(paths or [library.records_folder(records)])
        errors = sum(d.is_error for d in diagnostics)
        if json_:
            _emit_json([d.to_json() for d in diagnostics])
        else:
            _print_diagnostics(diagnostics)
            warnings = len(diagnostics) - errors
            print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}",
                  file=sys.stderr)
        return 1 if errors else 0

    _run(body)


@app.command()
def show(
    key: Annotated[str, typer.Argument(metavar="KEY", help="Record key (the file name without .toml).")],
    records: RecordsOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Show one record, with its provenance chain in reading order
    (archive, obtained by, translated by, published in, funded by, rights, classification)."""

    def body() -> None:
        from .formatters.summary import describe, record_dict

        record, _ = library.show(library.records_folder(records), key)
        if json_:
            _emit_json(record_dict(record))
        else:
            print(describe(record))

    _run(body)


@app.command("list")
def list_(
    records: RecordsOpt = None,
    json_: JsonOpt = False,
) -> None:
    """List every record: key, type, date and title. Invalid records are reported on standard error."""

    def body() -> int:
        from .formatters.summary import date_text

        items, diagnostics = library.list_records(library.records_folder(records))
        _print_diagnostics(diagnostics, warnings=False)
        rows = [{"key": r.key, "type": r.type, "date": date_text(r.date), "title": r.title} for r in items]
        if json_:
            _emit_json(rows)
        else:
            kw = max((len(r["key"]) for r in rows), default=3)
            tw = max((len(r["type"]) for r in rows), default=4)
            for row in rows:
                print(f"{row['key']:<{kw}}  {row['type']:<{tw}}  {row['date']:<10}  {row['title']}".rstrip())
        return 1 if any(d.is_error for d in diagnostics) else 0

    _run(body)


StyleOpt = Annotated[str, typer.Option("--style", "-s", help="Output style: chicago-notes, chicago-author-date, "
                                      "digital-archive, bibtex, biblatex, csl-json; chicago-notes-place-first and "
                                      "chicago-author-date-place-first write archival references place and "
                                      "repository first, general to specific (CMOS 14.205).")]
MarkupOpt = Annotated[str | None, typer.Option("--markup", "-m", help="text, markdown, html, latex or rtf "
                                               "[default: the style's own].", show_default=False)]


AsciiOpt = Annotated[bool, typer.Option("--ascii", help="bibtex/biblatex: write 7-bit LaTeX accents ({\\\"o}) "
                                        "instead of UTF-8, for classic BibTeX.")]


@app.command()
def cite(
    keys: Annotated[list[str], typer.Argument(metavar="KEY", help="Record keys to cite, in order.")],
    style: StyleOpt = "chicago-notes",
    form: Annotated[str | None, typer.Option("--form", "-f", help="note (full first note), short (short note), "
                                             "bib (bibliography entry), in-text (author-date) [default: the "
                                             "style's first form].", show_default=False)] = None,
    locator: Annotated[str, typer.Option("--locator", "-l", help='Pinpoint: "l. 99", "12", "box 3".')] = "",
    markup: MarkupOpt = None,
    ascii_: AsciiOpt = False,
    records: RecordsOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Cite records: print one citation per key. Reads only the records named."""

    def body() -> None:
        items = library.cite(library.records_folder(records), keys, style=style, form=form, locator=locator,
                             markup=markup, options={"ascii": True} if ascii_ else None)
        if json_:
            _emit_json(items)
        else:
            for item in items:
                print(item["text"])

    _run(body)


@app.command()
def export(
    keys: Annotated[list[str] | None, typer.Argument(metavar="KEY", help="Only these records [default: all].",
                                                     show_default=False)] = None,
    style: StyleOpt = "chicago-notes",
    markup: MarkupOpt = None,
    ascii_: AsciiOpt = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of standard output.",
                                                dir_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    records: RecordsOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Export a bibliography (or reference list, BibTeX file, CSL-JSON file) of the records folder,
    sorted as the style requires. Records with errors are reported and left out (exit status 1)."""

    def body() -> int:
        items, document, diagnostics = library.export(library.records_folder(records), style=style,
                                                      markup=markup, keys=keys,
                                                      options={"ascii": True} if ascii_ else None)
        _print_diagnostics(diagnostics, warnings=False)
        text = json.dumps(items, ensure_ascii=False, indent=2) + "\n" if json_ else document
        if output:
            library.write_output(output, text, force=force)
        else:
            sys.stdout.write(text)
        return 1 if any(d.is_error for d in diagnostics) else 0

    _run(body)


@app.command("import")
def import_(
    source: Annotated[str, typer.Argument(metavar="FILE", help="File to import (- for standard input).")],
    from_: Annotated[str | None, typer.Option("--from", help="Format: bibtex, biblatex, csl-json, "
                                              "digital-archive [default: from the file name and content].",
                                              show_default=False)] = None,
    key: Annotated[str | None, typer.Option("--key", help="Key for the record (a source with one entry).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Update records that exist: the imported values are "
                                        "set into the file; its comments and other keys are kept.")] = False,
    records: RecordsOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Import entries as records/<key>.toml, validated like hand-written records. Existing records are
    never replaced without --force; a summary says what was written, skipped and why."""

    def body() -> int:
        text, shown = _read_source(source)
        report = library.import_text(text, shown, library.records_folder(records), fmt=from_, key=key,
                                     dry_run=dry_run, force=force)
        _print_diagnostics(report.diagnostics)
        if json_:
            _emit_json(report.to_json())
        else:
            verb = "would write" if dry_run else "wrote"
            for _, path in report.written:
                print(f"{verb} {path}")
            for k, reason in report.skipped:
                print(f"skipped {k}: {reason}")
            done = "to write (dry run)" if dry_run else "written"
            print(f"{len(report.written)} {done}, {len(report.skipped)} skipped", file=sys.stderr)
        return 1 if any(d.is_error for d in report.diagnostics) else 0

    _run(body)


@app.command()
def new(
    key: Annotated[str | None, typer.Argument(metavar="KEY", help="Key of the new record: records/KEY.toml "
                                              "[default: from the "
                                              "title and year].", show_default=False)] = None,
    type_: Annotated[str | None, typer.Option("--type", "-t", help="Record type: archival-document, letter, "
                                              "book, chapter, article-journal, … (see docs/records.md) "
                                              "[default: archival-document].", show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title, or a description of the document.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Date: 1937-04-04, 1937-04, 1937, "
                                             "\"April 4, 1937\".")] = None,
    author: Annotated[list[str] | None, typer.Option("--author", help="An author (repeat for several).")] = None,
    genre: Annotated[str | None, typer.Option("--genre", help="Kind of document: decision, memorandum, …")] = None,
    reference: Annotated[str | None, typer.Option("--reference", help="Archival reference as printed "
                                                  "(archive.reference).")] = None,
    obtained_by: Annotated[list[str] | None, typer.Option("--obtained-by", help="Who obtained the document "
                                                          "(repeat for several).")] = None,
    translated_by: Annotated[list[str] | None, typer.Option("--translated-by", help="Who translated it "
                                                            "(repeat for several).")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="Any other field: KEY=VALUE, dotted inside "
                                                   "tables (surrogate.url=https://…); several names or funders "
                                                   "separated by ';'.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the record; write nothing.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the record if it exists.")] = False,
    records: RecordsOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Create records/KEY.toml from a commented template of the fields its type uses, validated like
    `check` before it is written. In a terminal, asks for what is required and missing (type, title, key);
    in scripts it never asks. An existing record is never replaced without --force."""

    def body() -> None:
        values: dict[str, str] = {}
        for item in set_ or []:
            k, sep, v = item.partition("=")
            if not sep:
                raise CitekitError(Diagnostic("citekit", 0, 0, message=f"--set {item!r}: write KEY=VALUE"))
            values[k.strip()] = v
        for k, v in (("title", title), ("date", date), ("genre", genre), ("archive.reference", reference),
                     ("author", "; ".join(author or []) or None)):
            if v is not None:
                values[k] = v
        events = [("obtained", n) for n in obtained_by or []] + [("translated", n) for n in translated_by or []]
        ask = (lambda q, d: typer.prompt(q, default=d or None)) if sys.stdin.isatty() else None
        path, text, _ = library.new_record(library.records_folder(records), key, rtype=type_, values=values,
                                           events=events, force=force, dry_run=dry_run, ask=ask)
        if json_:
            _emit_json({"path": path, "written": not dry_run, "text": text})
        elif dry_run:
            sys.stdout.write(text)
        else:
            print(f"wrote {path}")

    _run(body)


@app.command("set")
def set_(
    key: Annotated[str, typer.Argument(metavar="KEY", help="Key of the record to change.")],
    assignments: Annotated[list[str], typer.Argument(metavar="FIELD=VALUE", help="FIELD=VALUE, dotted inside tables "
                                                     "(surrogate.url=https://…); several names or funders "
                                                     "separated by ';'.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the changed record; write nothing.")] = False,
    records: RecordsOpt = None,
) -> None:
    """Set fields of an existing record in place. Its comments, layout and other keys are kept; the result
    is validated like `check` before the file is replaced (atomically)."""

    def body() -> None:
        values: dict[str, str] = {}
        for item in assignments:
            k, sep, v = item.partition("=")
            if not sep:
                raise CitekitError(Diagnostic("citekit", 0, 0, message=f"{item!r}: write FIELD=VALUE"))
            values[k.strip()] = v
        path, text = library.set_fields(library.records_folder(records), key, values, dry_run=dry_run)
        if dry_run:
            sys.stdout.write(text)
        else:
            print(f"updated {path}")

    _run(body)


def _read_source(source: str) -> tuple[str, str]:
    """The text of an input file (or standard input for "-"), and its name as messages show it."""
    from .toml_io import decode

    if source == "-":
        raw, shown = sys.stdin.buffer.read(), "<stdin>"
    else:
        try:
            raw, shown = Path(source).read_bytes(), source
        except OSError as e:
            raise CitekitError(Diagnostic(source, 0, 0, message=f"cannot read: {e.strerror or e}")) from None
    text, diagnostics = decode(raw, shown, what="text to import")
    if text is None:
        raise CitekitError(diagnostics)
    return text, shown


def main() -> None:
    # plain command lines skip typer's per-parameter validators (a third of `citekit cite KEY`'s time)
    try:
        code = run_plainly(app, sys.argv[1:])
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)
        code = 1
    if code is None:
        app()
    else:
        sys.exit(code)


if __name__ == "__main__":
    main()
