"""docs/formats.md matches the code: its mapping tables are generated from the field table, and every
field, type and extra BibLaTeX field is documented there."""

from __future__ import annotations

from conftest import ROOT

from citekit import docs, schema
from citekit.bibfields import EXTRA

FORMATS_MD = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")


def test_generated_mapping_is_current():
    assert docs.refresh(FORMATS_MD, "formats.md") == FORMATS_MD, "run: python -m citekit.docs"


def test_every_field_type_and_extra_field_is_documented():
    for key in [f.key for f in schema.FIELDS if f.kind not in (schema.TABLE, schema.TABLE_LIST)] + list(schema.TYPES):
        assert f"`{key}`" in FORMATS_MD, key
    for field in EXTRA:
        assert f"`{field}`" in FORMATS_MD, field


def test_every_simple_field_has_a_biblatex_home_the_writer_uses():
    from citekit.formatters.bibtex import entry, fields
    from citekit.validate import build_record

    data = {f.key: "x" for f in schema.FIELDS if not f.parent and f.kind == schema.TEXT
            and f.key not in ("date_as_printed",)}
    record, diags = build_record("k", {"type": "report", **data}, "x")
    written = {k for k, _, _ in fields(record)}
    assert entry(record, "biblatex").key == "x"  # citation_key: the entry key, its one home
    for f in schema.FIELDS:
        if not f.parent and f.kind == schema.TEXT and f.key in data and f.key != "citation_key":
            homes = {w for w in f.biblatex.replace("/", " ").split() if w.isalpha()}
            assert homes & written, (f.key, f.biblatex)
