"""The generated parts of the documentation, so that it cannot drift from the field table.

``docs/records.md`` holds ``reference_tables()`` (fields, types, events, archival levels) and
``docs/formats.md`` holds ``formatdocs.mapping_tables()`` (the CSL-JSON and BibLaTeX mapping), each between
two marker lines. Tests check that both are current; ``python -m citekit.docs`` rewrites them. Pure apart
from ``main``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import formatdocs, schema
from .archival import LEVELS

BEGIN = "<!-- BEGIN GENERATED TABLES (python -m citekit.docs) -->"
END = "<!-- END GENERATED TABLES -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    return f"`{text}`" if text else ""


def reference_tables() -> str:
    out = ["### Fields", "", "| key | kind | meaning | CSL-JSON | BibLaTeX |", "|---|---|---|---|---|"]
    out += [f"| `{f.key}` | {f.kind} | {_cell(f.doc)} | {_code(f.csl)} | {_code(f.biblatex)} |"
            for f in schema.FIELDS]
    out += ["", "### Types", "", "| type | what | CSL type | BibLaTeX type |", "|---|---|---|---|"]
    out += [f"| `{t.key}` | {_cell(t.doc)} | `{t.csl}` | `{t.biblatex}` |" for t in schema.TYPES.values()]
    out += ["", "### Provenance events", "", "| event | meaning |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in schema.PROVENANCE_EVENTS.items()]
    out += ["", "### Archival levels", "",
            "| level | printed as | tradition | meaning | words read in printed references |", "|---|---|---|---|---|"]
    for k in LEVELS.values():
        label = (f"4. {k.label}" if k.label_after else f"{k.label} 4") if k.label else "(as written)"
        out.append(f"| `{k.key}` | {label} | {k.tradition or 'any'} | {k.doc} | {', '.join(k.words)} |")
    return "\n".join(out)


GENERATED = {"records.md": reference_tables, "formats.md": formatdocs.mapping_tables}


def refresh(text: str, name: str = "records.md") -> str:
    """``text`` of docs/``name`` with the part between the markers replaced by the current tables."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{GENERATED[name]()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    for path in [Path(a) for a in argv] or [Path("docs") / name for name in GENERATED]:
        path.write_text(refresh(path.read_text(encoding="utf-8"), path.name), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
