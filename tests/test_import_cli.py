"""`citekit import` for BibTeX/BibLaTeX and CSL-JSON through the CLI: format detection, dry runs, the
summary, located diagnostics and exit codes."""

from __future__ import annotations

import json

from citekit.cli import app

BIB = """% a comment
@string{ucp = {University of Chicago Press}}

@book{westad:cold, author = {Westad, Odd Arne}, title = {The Global Cold War}, publisher = ucp, year = 2005}

@article{broken, author = {Nobody}, title = {Broken
"""


def test_format_is_detected_and_dry_run_writes_nothing(runner, tmp_path):
    src = tmp_path / "refs.txt"  # no telling suffix: the content says BibTeX
    src.write_text(BIB, encoding="utf-8")
    folder = tmp_path / "records"
    result = runner.invoke(app, ["import", str(src), "--records", str(folder), "--dry-run", "--json"])
    report = json.loads(result.stdout)
    assert report["dry_run"] is True
    assert [w["key"] for w in report["written"]] == ["westad-cold"]
    assert not folder.exists()
    # the unreadable entry is reported at its line, and the exit status says so
    assert any(d["line"] == 6 and d["severity"] == "error" for d in report["diagnostics"]), report
    assert result.exit_code == 1


def test_summary_says_what_was_written_and_skipped(runner, tmp_path):
    src = tmp_path / "refs.bib"
    src.write_text(BIB.split("@article")[0], encoding="utf-8")
    folder = tmp_path / "records"
    first = runner.invoke(app, ["import", str(src), "--records", str(folder)])
    assert first.exit_code == 0, first.output
    assert "wrote" in first.stdout and (folder / "westad-cold.toml").is_file()
    again = runner.invoke(app, ["import", str(src), "--records", str(folder)])
    assert "skipped westad-cold" in again.stdout and "--force" in again.stdout


def test_csl_json_from_standard_input(runner, tmp_path):
    items = [{"id": "Gaddis2005", "type": "book", "title": "The Cold War", "author": [{"family": "Gaddis",
                                                                                      "given": "John Lewis"}],
              "issued": {"date-parts": [[2005]]}, "publisher": "Penguin"}]
    folder = tmp_path / "records"
    result = runner.invoke(app, ["import", "-", "--from", "csl-json", "--records", str(folder)],
                           input=json.dumps(items))
    assert result.exit_code == 0, result.output
    assert (folder / "Gaddis2005.toml").is_file()  # the id is kept, case and all


def test_bad_json_is_a_located_error(runner, tmp_path):
    src = tmp_path / "items.json"
    src.write_text('[\n  {"id": "a", "type": "book",\n  "title": }\n]\n', encoding="utf-8")
    result = runner.invoke(app, ["import", str(src), "--records", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert f"{src}:3:" in result.output and "JSON" in result.output
