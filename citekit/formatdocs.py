"""The BibLaTeX/BibTeX and CSL-JSON mapping tables of ``docs/formats.md``, generated from the field table
(the ``csl`` and ``biblatex`` columns of ``citekit.schema``) and the shared BibTeX mapping
(``citekit.bibfields``), so that the documentation cannot drift from the code.

``docs/formats.md`` holds the output of ``mapping_tables()`` between two marker lines; a test checks that it
is current, and ``python -m citekit.formatdocs docs/formats.md`` rewrites that part. Pure apart from
``main``; must not import a formatter, an importer or typer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import schema
from .bibfields import BIBTEX_TYPES, CLASSIC_NAMES, SUBTYPES

BEGIN = "<!-- BEGIN GENERATED MAPPING (python -m citekit.formatdocs docs/formats.md) -->"
END = "<!-- END GENERATED MAPPING -->"


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


def refresh(text: str) -> str:
    """``text`` with the part between the markers replaced by the current tables."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{mapping_tables()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "docs/formats.md")
    path.write_text(refresh(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
