"""BibTeX/BibLaTeX export and import: escaping, the corpus files of others, the CLI."""

from __future__ import annotations

import re

import bibtexparser
import pytest
from conftest import CORPUS, RECORDS

from citekit import library
from citekit.latex import decode, escape
from citekit.validate import build_record

HOSTILE = r"\input{/etc/passwd} 100% & {"


def test_hostile_title_is_text_and_parses_back():
    from citekit.formatters.bibtex import write

    record, _ = build_record("evil", {"type": "book", "title": HOSTILE}, "x")
    for dialect in ("bibtex", "biblatex"):
        text = write([record], dialect)[0][1]
        assert "\\input{" not in text and "\\input\\" not in text
        lib = bibtexparser.parse_string(text)
        assert not lib.failed_blocks
        assert decode(lib.entries[0]["title"].strip("{}")) == HOSTILE


@pytest.mark.parametrize("char", list("&%$#_{}~^\\"))
def test_every_special_character_is_escaped(char):
    out = escape(f"a{char}b")
    assert out != f"a{char}b" and decode(out) == f"a{char}b"
    assert out.count("{") == out.count("}")  # BibTeX counts every brace


def test_acronyms_and_proper_nouns_are_protected():
    from citekit.latex import protect

    assert protect("Soviet policy and the USSR in Xinjiang") == "Soviet policy and the {USSR} in {Xinjiang}"


def test_ascii_option_writes_latex_accents(runner):
    from citekit.cli import app

    result = runner.invoke(app, ["cite", "khlevniuk-stalin-2015", "--style", "bibtex", "--ascii",
                                 "--records", str(RECORDS)])
    assert result.exit_code == 0, result.output
    assert result.output.isascii()


# entries present (not @string/@comment/@preamble/@xdata), and entries the corpus files hold
CORPUS_FILES = {"biblatex-examples.bib": (92, 90), "biblatex-gost-examples.bib": (770, 770),
                "lmullen-historybib-master.bib": (368, 368)}


@pytest.mark.parametrize("name", sorted(CORPUS_FILES))
def test_corpus_file_imports_every_entry_or_says_where(name, tmp_path):
    path = CORPUS / "bib" / name
    text = path.read_text(encoding="utf-8")
    present = [m for m in re.finditer(r"(?m)^\s*@(\w+)", text)
               if m.group(1).lower() not in ("string", "comment", "preamble", "xdata")]
    report = library.import_text(text, str(path), tmp_path, fmt="biblatex")
    expected_present, expected_written = CORPUS_FILES[name]
    assert len(present) == expected_present
    assert len(report.written) == expected_written
    assert len(report.written) + len(report.skipped) == len(present)
    for key, _ in report.skipped:  # every entry not imported has a located diagnostic
        assert any(key in d.message and d.line > 0 for d in report.diagnostics), key
    assert len(list(tmp_path.glob("*.toml"))) == expected_written
    records, diagnostics = library.load_all(tmp_path)
    assert len(records) == expected_written and not [d for d in diagnostics if d.is_error]


def test_import_decodes_names_accents_macros_and_crossref(tmp_path):
    src = tmp_path / "in.bib"
    src.write_text(r"""@string{cup = "Cambridge University Press"}
@collection{coll, editor = {van der Vliet, Jan}, title = {The {Big} Book}, publisher = cup, date = 1999}
@incollection{ch, author = {M{\"u}ller, J{\"o}rg and {Barnes and Noble}}, title = {A Chapter}, crossref = {coll},
  pages = {1--10}}
""", encoding="utf-8")
    report = library.import_text(src.read_text(), str(src), tmp_path / "records")
    assert [k for k, _ in report.written] == ["coll", "ch"]
    r, _ = library.load_one(tmp_path / "records", "ch")
    assert r.type == "chapter" and r.container_title == "The Big Book" and r.publisher == "Cambridge University Press"
    assert [n.display() for n in r.authors] == ["Jörg Müller", "Barnes and Noble"]
    assert r.pages == "1–10"
    c, _ = library.load_one(tmp_path / "records", "coll")
    assert c.names("editor")[0].particle == "van der" and c.names("editor")[0].family == "Vliet"


def test_import_never_overwrites_without_force(tmp_path):
    src = "@book{a, title = {One}, date = 2000}"
    folder = tmp_path / "records"
    library.import_text(src, "a.bib", folder)
    (folder / "a.toml").write_text('type = "book"\ntitle = "Mine"\n', encoding="utf-8")
    report = library.import_text(src, "a.bib", folder)
    assert report.written == [] and "exists" in report.skipped[0][1]
    assert "Mine" in (folder / "a.toml").read_text(encoding="utf-8")
    report = library.import_text(src, "a.bib", folder, force=True)
    assert report.written and "One" in (folder / "a.toml").read_text(encoding="utf-8")


def test_cyrillic_keys_are_transliterated(tmp_path):
    report = library.import_text("@book{Больцано1911, title = {Парадоксы}, date = 1911}", "r.bib", tmp_path,
                                 dry_run=True)
    assert [k for k, _ in report.written] == ["Boltsano1911"]


def test_concatenation_month_macros_and_parenthesised_entries(tmp_path):
    text = """@string{cup = "Cambridge University Press"}
@string{cupox = "Oxford: " # cup}
@book(paren, author = "Doe, Jane", title = "Parens " # {and Concats}, publisher = cupox, year = 1999, month = jan)
"""
    report = library.import_text(text, "q.bib", tmp_path)
    assert [k for k, _ in report.written] == ["paren"]
    r, _ = library.load_one(tmp_path, "paren")
    assert r.title == "Parens and Concats" and r.publisher == "Oxford: Cambridge University Press"
    assert r.date.iso() == "1999-01"


def test_a_field_given_twice_warns_and_loses_nothing():
    from citekit.importers.bibtex import parse

    [entry] = parse("@book{a, title = {T}, editor = {One, A.}, editor = {Two, B.}, date = 2000}", "x.bib")
    assert entry.data["editor"] == ["One, A."] and "editor (repeated) = Two, B." in entry.data["notes"]
    assert [(d.line, d.severity) for d in entry.diagnostics] == [(1, "warning")]


def test_crossref_child_year_wins_and_an_open_range_prints_as_ongoing(tmp_path):
    # biblatex-gost-examples.bib, hhl and hhl6: the parent has date = {2004/} (a multivolume work still
    # appearing), the child its own year = 2012. Under crossref the child's own fields win (biblatex manual,
    # 2.4.1), year included; an open range is printed "2004–" (CMOS 14.119, multivolume works in progress).
    bib = ("@MVCollection{hhl, title = {Handbook of the History of Logic}, date = {2004/}, publisher = {Elsevier}}\n"
           "@Collection{hhl6, editor = {Dov M. Gabbay and John Woods}, crossref = {hhl},\n"
           "  title = {Sets and Extensions in the Twentieth Century}, year = 2012, volume = 6}\n")
    library.import_text(bib, "t.bib", tmp_path)
    child, _ = library.load_one(tmp_path, "hhl6")
    parent, _ = library.load_one(tmp_path, "hhl")
    assert child.date.iso() == "2012"
    assert parent.date.literal == "2004–" and parent.date.start is None
    assert library.cite(tmp_path, ["hhl"], style="chicago-notes", form="bib")[0]["text"] == \
        "Handbook of the History of Logic. Elsevier, 2004–."


def test_urls_are_written_verbatim_and_read_back():
    # biblatex's url and doi are verbatim fields (biblatex manual, 2.2.1): \url prints them as written, so
    # escaping their _ % # ~ would print backslashes
    record, _ = build_record("u", {"type": "webpage", "title": "T", "url": "https://example.org/~u/a_b%20c#f",
                                   "doi": "10.1000/a_b(c)"}, "u.toml")
    from citekit.formatters.bibtex import write
    from citekit.importers.bibtex import parse

    text = write([record], "biblatex")[0][1]
    assert "url = {https://example.org/~u/a_b%20c#f}" in text and "doi = {10.1000/a_b(c)}" in text
    [back] = parse(text, "u.bib")
    assert back.data["url"] == record.url and back.data["doi"] == record.doi


def test_bibtex_output_does_not_depend_on_hash_order():
    import subprocess
    import sys

    code = ("from citekit.validate import build_record; from citekit.formatters.bibtex import write; "
            "r, _ = build_record('k', {'type': 'book', 'title': 'T', 'author': [{'family': 'Beauvoir', "
            "'given': 'Simone', 'dropping_particle': 'de'}], 'editor': [{'family': 'Gaulle', 'given': 'C', "
            "'dropping_particle': 'de'}], 'translator': ['A B']}, 'k.toml'); print(write([r], 'biblatex')[0][1])")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert len(outs) == 1 and "@book{k" in outs.pop()
