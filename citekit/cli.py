"""The ``citekit`` command line: argument parsing and printing only.

Each command calls one function of ``citekit.library`` and prints what it returns, as text or, with
``--json``, as JSON on standard output. Diagnostics go to standard error as ``path:line:col: severity:
message``. Exit codes: 0 success (warnings allowed), 1 bad input or refused operation, 2 wrong usage.
No logic lives here, and nothing imports this module.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from . import library
from .errors import CitekitError, Diagnostic, format_diagnostic

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
    typer.Option("--records", "-r", envvar=library.RECORDS_ENV, show_envvar=True,
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
    raise typer.Exit(code)


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Record files or folders [default: the records folder].",
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
    key: Annotated[str, typer.Argument(help="Record key (the file name without .toml).")],
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
