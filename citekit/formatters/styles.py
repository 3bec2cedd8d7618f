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

from .chicago.variants import VARIANTS

STYLES: dict[str, tuple[str, str]] = {
    # name: (module, one-line description)
    **{name: (f"citekit.formatters.chicago.api:{name}", v.doc) for name, v in VARIANTS.items()},
    "csl-json": ("citekit.formatters.csl_json", "CSL-JSON items (pandoc, Zotero)"),
    "bibtex": ("citekit.formatters.bibtex", "classic BibTeX entries (--ascii for 7-bit LaTeX accents)"),
    "biblatex": ("citekit.formatters.biblatex", "BibLaTeX entries for biber, archival fields kept"),
    "digital-archive": ("citekit.formatters.house", "the Digital Archive's own house citation"),
}


def style_names() -> list[str]:
    return list(STYLES)


def load_csl() -> ModuleType:
    """The module that renders any other CSL style through citeproc-py."""
    return importlib.import_module("citekit.formatters.csl_style")


def load(name: str) -> ModuleType:
    """The style module for ``name``. Raises KeyError for an unknown style.

    A registry entry "module:variant" names a module whose ``style(variant)`` returns the style object
    (one engine serving several styles, such as the Chicago variants)."""
    module, _, variant = STYLES[name][0].partition(":")
    loaded = importlib.import_module(module)
    return loaded.style(variant) if variant else loaded
