"""The rich-text tree and its backends: italics, quotation marks, punctuation and escaping."""

from __future__ import annotations

import pytest

from citekit.formatters.rich import MARKUPS, close, document, italic, join, plain, quoted, render, seq

# "Author, “Title,” Journal 24." — a comma after a quoted title goes inside the quotation marks (CMOS 6.9)
TREE = close(join(["Author", quoted("Title"), seq(italic("Journal"), " 24")], ", "))


@pytest.mark.parametrize("markup,expected", [
    ("text", "Author, \u201cTitle,\u201d Journal 24."),
    ("markdown", "Author, \u201cTitle,\u201d *Journal* 24."),
    ("html", "Author, \u201cTitle,\u201d <i>Journal</i> 24."),
    ("latex", "Author, ``Title,'' \\emph{Journal} 24."),
    ("rtf", "Author, \\u8220?Title,\\u8221? {\\i Journal} 24."),
])
def test_each_backend_writes_italics_and_quotation_marks(markup, expected):
    assert render(TREE, markup) == expected


def test_period_goes_inside_closing_quotes_and_is_not_doubled():
    # CMOS 6.9: periods and commas precede closing quotation marks
    assert render(close(join(["Lenin", quoted("Title")], ". "))) == "Lenin. \u201cTitle.\u201d"
    # a period is not added after an abbreviation's period or a question mark (CMOS 6.122-6.123)
    assert render(close(join(["King, Martin Luther, Jr.", italic("Book")], ". "))) == \
        "King, Martin Luther, Jr. Book."
    assert render(close(join([quoted("What Is to Be Done?"), "In"], ". "))) == "\u201cWhat Is to Be Done?\u201d In."
    assert render(close(italic("Why?"))) == "Why?"


def test_nested_quotation_marks_alternate_and_nested_italics_turn_roman():
    tree = quoted("A Reading of ", quoted("The Raven"))
    assert render(tree) == "\u201cA Reading of \u2018The Raven\u2019\u201d"
    assert render(tree, "latex") == "``A Reading of `The Raven'''"
    assert render(italic("Essays on ", italic("Ulysses")), "html") == "<i>Essays on Ulysses</i>"


def test_latex_escapes_every_special_character():
    title = "Profit & Loss: 100% of $5 #1 a_b {x} ~y^ back\\slash"
    out = render(italic(title), "latex")
    assert out == ("\\emph{Profit \\& Loss: 100\\% of \\$5 \\#1 a\\_b \\textbraceleft{}x\\textbraceright{} "
                   "\\textasciitilde{}y\\textasciicircum{} back\\textbackslash{}slash}")


def test_latex_text_makes_no_ligatures():
    # in running text "--" would set an en dash and two backquotes opening quotation marks: kept as typed
    assert render("Peace -- or War? ``long", "latex") == "Peace -{}- or War? `{}`long"


def test_html_and_markdown_escape_their_markup():
    assert render(seq("Harper & Brothers <b>"), "html") == "Harper &amp; Brothers &lt;b&gt;"
    assert render(seq("a*b_c [d]"), "markdown") == "a\\*b\\_c \\[d\\]"


def test_rtf_escapes_non_ascii_as_unicode_control_words():
    # é U+00E9 = 233; 毛 U+6BDB = 27611; U+1D11E is the UTF-16 pair D834 DD1E, written as signed 16-bit
    assert render(seq("Panné {x} \\ 毛 \U0001d11e"), "rtf") == \
        "Pann\\u233? \\{x\\} \\\\ \\u27611? \\u-10188?\\u-8930?"


def test_plain_drops_all_styling():
    assert plain(TREE) == "Author, Title, Journal 24."


def test_documents():
    assert document(["a", "b"], "text") == "a\nb\n"
    assert document(["a", "b"], "markdown") == "a\n\nb\n"
    assert document([], "text") == ""
    assert document(["a"], "html") == '<div class="csl-bib-body">\n  <div class="csl-entry">a</div>\n</div>\n'
    rtf = document(["a", "b"], "rtf")
    assert rtf.startswith("{\\rtf1") and rtf.endswith("}\n") and "a\\par\nb\\par\n" in rtf
    assert set(MARKUPS) == {"text", "markdown", "html", "latex", "rtf"}
