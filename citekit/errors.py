"""Diagnostics: located problems found in user input, and the exception that carries them.

This module is the bottom layer. It must not import anything else from citekit, do I/O, or print.
Every problem the user can cause is a :class:`Diagnostic` (file, line, column, severity, message); the
CLI formats them as ``path:line:col: error: message``. Code never raises a bare exception for bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place. Ordering sorts by file, then line, then column."""

    path: str
    line: int = 1
    column: int = 1
    severity: str = ERROR
    message: str = ""
    key: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "message": self.message,
            "key": self.key,
        }


class CitekitError(Exception):
    """Bad input or a refused operation. Carries one or more diagnostics; the CLI prints them and exits 1."""

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic | str):
        if isinstance(diagnostics, str):
            diagnostics = [Diagnostic(path="citekit", line=0, column=0, message=diagnostics)]
        elif isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def usage_error(message: str) -> CitekitError:
    """An error about how citekit was called rather than about a file (printed as ``citekit: error: …``)."""
    return CitekitError(Diagnostic(path="citekit", line=0, column=0, message=message))


def format_diagnostic(d: Diagnostic) -> str:
    """``path:line:col: severity: message``; diagnostics not tied to a file position drop the numbers."""
    if d.line <= 0:
        return f"{d.path}: {d.severity}: {d.message}"
    return str(d)
