"""Real records, written by others: every entry imported from the corpus BibTeX files exports to CSL-JSON that
validates against the official schema, and comes back unchanged from CSL-JSON and from BibLaTeX."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest
from conftest import CORPUS

from citekit import library
from citekit.formatters.bibtex import write
from citekit.formatters.csl_json import to_csl
from citekit.importers import bibtex as bibtex_in
from citekit.importers import csl_json as csl_in
from citekit.validate import build_record

VALIDATOR = jsonschema.Draft7Validator(json.loads((CORPUS / "csl-schema" / "csl-data.json").read_text("utf-8")))


def _back(imported):
    record, _ = build_record(imported.key, imported.data, "back")
    return replace(record, path="") if record else None


@pytest.mark.parametrize("name", ["biblatex-examples.bib", "biblatex-gost-examples.bib",
                                  "lmullen-historybib-master.bib"])
def test_corpus_records_export_validly_and_round_trip(name, tmp_path):
    path = CORPUS / "bib" / name
    library.import_text(path.read_text(encoding="utf-8"), str(path), tmp_path)
    records, _ = library.load_all(tmp_path)
    assert records
    for r in records:
        item = to_csl(r)
        assert not list(VALIDATOR.iter_errors([item])), r.key
        [from_csl] = csl_in.parse(json.dumps([item]), "items.json")
        [from_bib] = bibtex_in.parse(write([r], "biblatex")[0][1], "entries.bib")
        assert _back(from_csl) == replace(r, path=""), r.key
        assert _back(from_bib) == replace(r, path=""), r.key
