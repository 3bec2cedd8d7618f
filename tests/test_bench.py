"""The benchmark's own machinery (bench/): the generator writes valid records of every type, and the harness
runs end to end on a small folder. Nothing here is timed."""

from __future__ import annotations

import sys

from conftest import ROOT

from citekit import library, schema

sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

import bench  # noqa: E402


def test_generator_writes_valid_records_of_every_type(tmp_path):
    keys = generate.generate(tmp_path, 60)
    assert len(keys) == len(set(keys)) == 60
    records, diagnostics = library.load_all(tmp_path)
    assert diagnostics == []  # not even a warning: a warning makes loading locate every key of the record
    assert len(records) == 60
    assert {r.type for r in records} == set(schema.TYPES)
    archival = [r for r in records if r.archive]
    assert archival and any(r.surrogate for r in archival) and any(r.provenance for r in archival)
    assert {lv.kind for r in archival for lv in r.archive.levels} >= {"fond", "opis", "delo", "box", "record_group"}


def test_generator_is_deterministic(tmp_path):
    generate.generate(tmp_path / "a", 25, seed=7)
    generate.generate(tmp_path / "b", 25, seed=7)
    for a in sorted((tmp_path / "a").iterdir()):
        assert a.read_text(encoding="utf-8") == (tmp_path / "b" / a.name).read_text(encoding="utf-8")


def test_harness_runs_on_twenty_records(tmp_path, capsys):
    out = tmp_path / "table.md"
    assert bench.main(["--sizes", "20", "--runs", "1", "--quick-runs", "1", "--no-peers",
                       "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| — | --help | citekit |" in text
    assert "| 20 | cite one key | citekit" in text
    assert "| 20 | export csl-json | citekit |" in text
    assert "failed" not in text
    assert text in capsys.readouterr().out
