"""The registry of output styles: name -> module, imported only when that style is used.

A style module provides:

- ``FORMS``: the forms it can produce, the default first ("note", "short", "bib", "in-text"; "entry"; "item");
- ``MARKUPS``: the markups it can write ("text", "markdown", "html", "latex", "rtf"), the default first;
- ``cite(record, *, form, locator, markup, **options) -> str``: one citation;
- ``bibliography(records, *, markup, **options) -> list[(key, text)]``: a whole bibliography, sorted and
  filtered as the style requires;
- ``document(entries, markup) -> str``: the entries joined into one file.

Adding a style is adding one line here. Pure: no I/O.
"""

from __future__ import annotations

import importlib
from types import ModuleType

STYLES: dict[str, tuple[str, str]] = {
    # name: (module, one-line description)
    "bibtex": ("citekit.formatters.bibtex", "classic BibTeX entries (--ascii for 7-bit LaTeX accents)"),
    "biblatex": ("citekit.formatters.biblatex", "BibLaTeX entries for biber, archival fields kept"),
    "csl-json": ("citekit.formatters.csl_json", "CSL-JSON items (pandoc, Zotero)"),
}


def style_names() -> list[str]:
    return list(STYLES)


def load(name: str) -> ModuleType:
    """The style module for ``name``. Raises KeyError for an unknown style."""
    module, _ = STYLES[name]
    return importlib.import_module(module)
