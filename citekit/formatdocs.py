"""The BibLaTeX/BibTeX and CSL-JSON mapping tables of ``docs/formats.md``, generated from the field table
(the ``csl`` and ``biblatex`` columns of ``citekit.schema``) and the shared BibTeX mapping
(``citekit.bibfields``), so that the documentation cannot drift from the code.

``docs/formats.md`` holds the output of ``mapping_tables()`` between two marker lines, which
``python -m citekit.docs`` rewrites (see ``citekit.docs``). Pure; must not import a formatter, an importer
or typer.
"""

from __future__ import annotations

from . import schema
from .bibfields import BIBTEX_TYPES, CLASSIC_NAMES, SUBTYPES


def _code(text: str) -> str:
    return f"`{text}`" if text else "—"


def mapping_tables() -> str:
    out = ["### Fields", "",
           "| record key | CSL-JSON | BibLaTeX | classic BibTeX (where it differs) |", "|---|---|---|---|"]
    for f in schema.FIELDS:
        if f.kind in (schema.TABLE, schema.TABLE_LIST):
            continue
        classic = " ".join(CLASSIC_NAMES.get(w, w) for w in f.biblatex.split(" "))
        if f.key == "date":
            classic = "year, month"
        elif f.key == "publisher":
            classic = "publisher / institution / school (theses)"
        elif f.key == "date_as_printed":
            classic = "userd (and year, when there is no date)"
        classic = "" if classic == f.biblatex else classic
        out.append(f"| `{f.key}` | {_code(f.csl)} | {_code(f.biblatex)} | {_code(classic)} |")
    out += ["", "### Types", "",
            "| record type | CSL-JSON `type` | BibLaTeX entry type (`entrysubtype`) | classic BibTeX entry type |",
            "|---|---|---|---|"]
    for t in schema.TYPES.values():
        sub = SUBTYPES.get(t.key, "")
        blx = f"`@{t.biblatex}`" + (f" (`{sub}`)" if sub else "")
        classic = f"`@{BIBTEX_TYPES.get(t.biblatex, 'misc')}`"
        if t.key == "thesis":
            classic += " (`@mastersthesis` when the genre says master's)"
        out.append(f"| `{t.key}` | `{t.csl}` | {blx} | {classic} |")
    return "\n".join(out)
