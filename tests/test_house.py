"""The ``digital-archive`` house style, rule by rule.

The rule is the form the Digital Archive prints under its documents (its "suggested citation"; the corpus
pages in ../shared/corpus/digital-archive show it):

    "Title," Month D, YYYY, History and Public Policy Program Digital Archive, REFERENCE AS PRINTED.
    Obtained by A and translated by B. URL

The credit sentences below are written in the grammar the pages print ("Obtained and translated by",
"Contributed, transcribed, and translated by", "Translated for NKIDP by"); punctuation with quotation marks
follows CMOS 6.9 (comma inside the closing mark) and 6.123 (no comma after a question mark).
"""

from __future__ import annotations

import datetime

import pytest

from citekit.formatters import house
from citekit.validate import build_record


def rec(**data):
    data = {"type": "archival-document", **data}
    record, diags = build_record("x", data, "x.toml")
    assert record is not None, diags
    return record


SURROGATE = {"name": "History and Public Policy Program Digital Archive",
             "url": "https://digitalarchive.wilsoncenter.org/document/1"}


@pytest.mark.parametrize("events,sentence", [
    ([("obtained", ["A. Person"]), ("translated", ["B. Person"])],
     "Obtained by A. Person and translated by B. Person."),
    ([("obtained", ["A. Person"]), ("translated", ["A. Person"])], "Obtained and translated by A. Person."),
    ([("contributed", ["C D"]), ("transcribed", ["C D"]), ("translated", ["C D"])],
     "Contributed, transcribed, and translated by C D."),
    ([("translated", ["Jeffrey Wang", "Charles Kraus"])], "Translated by Jeffrey Wang and Charles Kraus."),
    ([("translated", ["A B", "C D", "E F"])], "Translated by A B, C D, and E F."),
    ([("obtained", ["A B"]), ("translated", ["C D"]), ("edited", ["E F"])],
     "Obtained by A B, translated by C D, and edited by E F."),
    ([("declassified", [])], ""),
    ([], ""),
])
def test_credit_sentence(events, sentence):
    r = rec(title="T", provenance=[{"event": e, **({"by": by} if by else {})} for e, by in events])
    assert house.credit_sentence(r.provenance) == sentence


def test_credit_for_a_project():
    r = rec(title="T", provenance=[{"event": "translated", "by": ["Balazs Szalontai"], "for": "NKIDP"}])
    assert house.credit_sentence(r.provenance) == "Translated for NKIDP by Balazs Szalontai."


def test_full_house_citation_with_the_reference_as_printed():
    r = rec(title="Concerning a Peace Settlement in Kashgar", date=datetime.date(1937, 4, 4),
            archive={"reference": "RGASPI F.17 op. 162, d. 20 l. 99"}, surrogate=SURROGATE,
            provenance=[{"event": "obtained", "by": ["Jamil Hasanli"]},
                        {"event": "translated", "by": ["Gary Goldberg"]}])
    assert house.cite(r) == ("“Concerning a Peace Settlement in Kashgar,” April 4, 1937, History and Public Policy "
                             "Program Digital Archive, RGASPI F.17 op. 162, d. 20 l. 99. Obtained by Jamil Hasanli "
                             "and translated by Gary Goldberg. https://digitalarchive.wilsoncenter.org/document/1")


def test_reference_printed_with_its_own_full_stop_gets_no_second_one():
    r = rec(title="T", date="1955-02-26", archive={"reference": "MOL, XIX-J-1-j Korea, 4. doboz."},
            surrogate={"name": "History and Public Policy Program Digital Archive"})
    assert house.cite(r) == ("“T,” February 26, 1955, History and Public Policy Program Digital Archive, MOL, "
                             "XIX-J-1-j Korea, 4. doboz.")


@pytest.mark.parametrize("date,printed", [("1950-05", "May 1950"), ("1950", "1950"),
                                          ("ca. 1950", "ca. 1950"), ("1950/1953", "1950–1953")])
def test_partial_dates(date, printed):
    assert house.date_text(rec(title="T", date=date).date) == printed


def test_question_mark_title_takes_no_comma():
    r = rec(title="Who Lost China?", date="1949", surrogate={"name": "Collection"})
    assert house.cite(r) == "“Who Lost China?” 1949, Collection."


def test_without_archive_levels_only_the_normalised_reference_is_used():
    r = rec(title="T", archive={"abbreviation": "APRF", "levels": {"fond": "45", "opis": "1"}})
    assert house.cite(r) == "“T,” APRF, f. 45, op. 1."


def test_locator_follows_the_reference():
    r = rec(title="T", archive={"reference": "RGANI, f. 5, op. 28, d. 410."})
    assert house.cite(r, locator="l. 210") == "“T,” RGANI, f. 5, op. 28, d. 410, l. 210."


@pytest.mark.parametrize("markup,expected", [
    ("text", "“A & B,” 1950, C_D. https://x.org/a_b"),
    ("html", "“A &amp; B,” 1950, C_D. https://x.org/a_b"),
    ("latex", "``A \\& B,'' 1950, C\\_D. https://x.org/a\\_b"),
    ("markdown", "“A & B,” 1950, C\\_D. https://x.org/a\\_b"),
    ("rtf", "\\u8220?A & B,\\u8221? 1950, C_D. https://x.org/a_b"),
])
def test_markups(markup, expected):
    r = rec(title="A & B", date="1950", surrogate={"name": "C_D", "url": "https://x.org/a_b"})
    assert house.cite(r, markup=markup) == expected


def test_bibliography_sorted_by_title_ignoring_articles():
    records = [rec(title="The Zebra"), rec(title="Apple"), rec(title="A Mango")]
    keys_titles = [t for _, t in house.bibliography(records)]
    assert keys_titles == ["“Apple.”", "“A Mango.”", "“The Zebra.”"]


def test_an_untitled_letter_is_described_as_the_archive_titles_its_letters():
    # the Digital Archive titles letters "Letter from <author> to <recipient>" ("Letter from Kim Il Sung to
    # Stalin"); a record of a letter may leave the title out (records.md), so the house style supplies it
    r = rec(type="letter", author=["Albert Einstein"], recipient=["Franklin D. Roosevelt"], date="1939-08-02")
    assert house.cite(r) == "“Letter from Albert Einstein to Franklin D. Roosevelt,” August 2, 1939."
