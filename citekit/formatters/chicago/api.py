"""The style-module interface (see ``citekit.formatters.styles``) for one Chicago variant.

``style(name)`` returns the things a style module provides, bound to the variant ``name`` of
``variants.VARIANTS``; the style registry calls it for each Chicago style name.
Pure: no I/O.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace
from typing import Any

from ...model import Record
from .. import rich
from . import engine
from .variants import VARIANTS


@functools.cache
def style(name: str) -> SimpleNamespace:
    v = VARIANTS[name]

    def cite(record: Record, *, form: str = v.forms[0], locator: str = "", markup: str = "text",
             **_: Any) -> str:
        """One citation of ``record`` in ``form``. A record Chicago leaves out of a bibliography (an
        unpublished interview or letter, CMOS 14.111) is cited in the note form instead."""
        tree = engine.entry(record, v, form, locator.strip())
        if tree is None:
            tree = engine.entry(record, v, "in-text" if v.author_date else "note", locator.strip())
        return rich.render(tree, markup)

    def cite_all(records: list[Record], *, form: str = v.forms[0], locator: str = "", markup: str = "text",
                 **_: Any) -> list[tuple[str, str]]:
        """Citations of several records cited together: author-date years get "a", "b" where one author
        has several works of a year (CMOS 13.114)."""
        suffixes = engine.year_suffixes(records, v)
        out = []
        for r in records:
            tree = engine.entry(r, v, form, locator.strip(), suffixes.get(r.key, ""))
            out.append((r.key, rich.render(tree, markup) if tree is not None else ""))
        return out

    def bibliography(records: list[Record], *, markup: str = "text", **_: Any) -> list[tuple[str, str]]:
        """The bibliography (reference list): sorted as CMOS sorts (14.66-14.67, 13.112), without the
        items Chicago cites in notes or text only (unpublished interviews and letters, CMOS 14.111)."""
        ordered = sorted(records, key=lambda r: engine.sort_key(r, v))
        suffixes = engine.year_suffixes(ordered, v, presorted=True)
        out = []
        for r in ordered:
            tree = engine.bib_entry(r, v, suffixes.get(r.key, ""))
            if tree is not None:
                out.append((r.key, rich.render(tree, markup)))
        return out

    return SimpleNamespace(FORMS=v.forms, MARKUPS=rich.MARKUPS, cite=cite, cite_all=cite_all,
                           bibliography=bibliography, document=rich.document, variant=v)
