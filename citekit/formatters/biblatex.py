"""The ``biblatex`` style: records as BibLaTeX entries for biber (UTF-8, archival layer kept).

The mapping and the writer live in ``citekit.formatters.bibtex``; this module only picks the dialect.
Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from ..model import Record
from .bibtex import BIBLATEX, FORMS, MARKUPS, document, write

__all__ = ["FORMS", "MARKUPS", "cite", "bibliography", "document"]


def cite(record: Record, *, form: str = "entry", locator: str = "", markup: str = "text", ascii: bool = False,
         **_: Any) -> str:
    return write([record], BIBLATEX, ascii_only=ascii)[0][1]


def bibliography(records: list[Record], *, markup: str = "text", ascii: bool = False,
                 **_: Any) -> list[tuple[str, str]]:
    return write(sorted(records, key=lambda r: r.key), BIBLATEX, ascii_only=ascii)
