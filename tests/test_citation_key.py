"""A source's own key survives import when it cannot be a file name: `aristotle:poetics` is stored as
records/aristotle-poetics.toml with citation_key = "aristotle:poetics", cited by either key, and exported
under its own key, so a LaTeX or pandoc document that cites it keeps working."""

from __future__ import annotations

import json

from citekit import library
from citekit.cli import app

BIB = """@book{aristotle:poetics,
  author = {Aristotle},
  title = {Poetics},
  editor = {Lucas, D. W.},
  publisher = {Clarendon Press},
  location = {Oxford},
  date = {1968},
}
"""


def test_import_keeps_the_source_key_and_cite_accepts_it(tmp_path, runner):
    source = tmp_path / "in.bib"
    source.write_text(BIB, encoding="utf-8")
    folder = tmp_path / "records"
    report = library.import_text(BIB, str(source), folder)
    assert [k for k, _ in report.written] == ["aristotle-poetics"]
    text = (folder / "aristotle-poetics.toml").read_text(encoding="utf-8")
    assert 'citation_key = "aristotle:poetics"' in text
    by_citation_key = runner.invoke(app, ["cite", "aristotle:poetics", "--records", str(folder)])
    by_file_name = runner.invoke(app, ["cite", "aristotle-poetics", "--records", str(folder)])
    assert by_citation_key.exit_code == 0 and by_citation_key.stdout == by_file_name.stdout
    assert by_citation_key.stdout.startswith("Aristotle, Poetics")


def test_exports_use_the_citation_key_and_import_restores_the_record(tmp_path, runner):
    folder = tmp_path / "records"
    library.import_text(BIB, "in.bib", folder)
    biblatex = runner.invoke(app, ["export", "--style", "biblatex", "--records", str(folder)]).stdout
    assert biblatex.startswith("@book{aristotle:poetics,")
    items = json.loads(runner.invoke(app, ["export", "--style", "csl-json", "--records", str(folder)]).stdout)
    assert items[0]["id"] == "aristotle:poetics"  # what pandoc's [@aristotle:poetics] looks up
    for style, text in (("biblatex", biblatex), ("csl-json", json.dumps(items))):
        again = tmp_path / f"again-{style}"
        library.import_text(text, f"out.{'bib' if style == 'biblatex' else 'json'}", again)
        record, _ = library.load_one(again, "aristotle-poetics")
        assert record.citation_key == "aristotle:poetics", style


def test_a_citation_key_that_cannot_be_cited_is_a_located_error(tmp_path, runner):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "x.toml").write_text('type = "book"\ntitle = "T"\ncitation_key = "a b"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 1
    assert "x.toml:3:1: error: citation_key 'a b' cannot be cited" in result.stderr


def test_an_unknown_unsafe_key_is_still_refused(tmp_path, runner):
    folder = tmp_path / "records"
    library.import_text(BIB, "in.bib", folder)
    result = runner.invoke(app, ["cite", "aristotle:rhetoric", "--records", str(folder)])
    assert result.exit_code == 1 and "record key 'aristotle:rhetoric'" in result.stderr
