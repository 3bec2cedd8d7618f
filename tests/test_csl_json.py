"""CSL-JSON export validates against the official schema; Zotero-style CSL-JSON imports."""

from __future__ import annotations

import json

import jsonschema
from conftest import CORPUS, RECORDS
from hypothesis import given, settings
from test_roundtrip import build, records

from citekit import library
from citekit.formatters.csl_json import to_csl

SCHEMA = json.loads((CORPUS / "csl-schema" / "csl-data.json").read_text(encoding="utf-8"))


def test_every_shipped_record_exports_valid_csl_json():
    shipped, _ = library.load_all(RECORDS)
    items = [to_csl(r) for r in shipped]
    jsonschema.validate(items, SCHEMA)
    assert [i["id"] for i in items] == [r.key for r in shipped]


@settings(max_examples=150, deadline=None)
@given(records)
def test_every_generated_record_exports_valid_csl_json(data):
    record, _ = build(data)
    if record is not None:
        jsonschema.validate([to_csl(record)], SCHEMA)


def test_zotero_export_imports(tmp_path):
    items = [{"id": "http://zotero.org/users/1/items/ABC", "type": "manuscript", "title": "Telegram to Moscow",
              "author": [{"literal": "Soviet Embassy in Beijing"}], "translator": [{"family": "Goldberg",
                                                                                  "given": "Gary"}],
              "issued": {"date-parts": [["1950", 12, 1]]}, "accessed": {"raw": "2024-05-06"},
              "archive": "Archive of the President of the Russian Federation", "archive_location": "f. 45, op. 1",
              "archive-place": "Moscow", "language": "ru"},
             {"id": "Key2", "type": "book", "title": "Undated", "issued": {"literal": "Spring 1950"}}]
    report = library.import_text(json.dumps(items), "zotero.json", tmp_path)
    assert len(report.written) == 2, report.diagnostics
    assert report.written[0][0] == "ABC"  # Zotero's item URI: its last part
    r, _ = library.load_one(tmp_path, "ABC")
    assert r.archive.place == "Moscow" and r.archive.reference == "f. 45, op. 1"
    assert r.authors[0].literal == "Soviet Embassy in Beijing" and r.date.iso() == "1950-12-01"
    assert r.accessed.iso() == "2024-05-06"
    r2, _ = library.load_one(tmp_path, "Key2")
    assert r2.date.literal == "Spring 1950"


def test_call_number_is_exported_and_read_back_into_the_reference(tmp_path):
    shipped, _ = library.load_one(RECORDS, "prc-embassy-cable-1963")
    assert to_csl(shipped)["call-number"] == "106-01403-02"  # the Chinese archive file number
    item = {"id": "x", "type": "manuscript", "title": "Cable", "archive": "PRC Foreign Ministry Archive",
            "call-number": "106-01403-02"}
    report = library.import_text(json.dumps([item]), "z.json", tmp_path)
    r, _ = library.load_one(tmp_path, report.written[0][0])
    assert r.archive.reference == "106-01403-02" and r.archive.level("call_number") == "106-01403-02"
