"""Chicago rules one at a time, each expectation from the CMOS 18 rule named beside it."""

from __future__ import annotations

import pytest

from citekit.formatters.chicago.api import style
from citekit.formatters.chicago.engine import headline, names_bib, names_note, page_range, short_title
from citekit.model import Archive, Date, DatePart, Level, Name, Record, Surrogate

author_date = style("chicago-author-date")
notes = style("chicago-notes")

# CMOS 9.64, inclusive numbers: the table of that section, case by case
PAGE_RANGES = [("3-10", "3–10"), ("71-72", "71–72"), ("96-117", "96–117"), ("100-104", "100–104"),
               ("1100-1113", "1100–1113"), ("101-108", "101–8"), ("808-833", "808–33"), ("1103-1104", "1103–4"),
               ("321-328", "321–28"), ("498-532", "498–532"), ("1087-1089", "1087–89"), ("1496-1500", "1496–500"),
               ("11564-11615", "11564–615"), ("12991-13001", "12991–3001"), ("42-45, 50-52", "42–45, 50–52"),
               ("xii-xiv", "xii–xiv"), ("551–65", "551–65"), ("12", "12")]


@pytest.mark.parametrize("given,expected", PAGE_RANGES)
def test_page_ranges(given, expected):
    assert page_range(given) == expected


@pytest.mark.parametrize("given,expected", [
    # CMOS 8.159-8.160: capitalise major words; lower-case articles, prepositions, coordinating conjunctions;
    # always the first and last word and the first word after a colon
    ("the cold war: a new history", "The Cold War: A New History"),
    ("stride toward freedom", "Stride toward Freedom"),
    ("what is to be done?", "What Is to Be Done?"),
    ("record of conversation with the leader of the DPRK", "Record of Conversation with the Leader of the DPRK"),
    ("sino-soviet relations", "Sino-Soviet Relations"),
    ("iPhone diplomacy", "iPhone Diplomacy"),  # a word with its own capitals is left alone
])
def test_headline_style(given, expected):
    assert headline(given) == expected


@pytest.mark.parametrize("given,expected", [
    # CMOS 14.30: the main title, no subtitle, no initial article
    ("The Cold War: A New History", "Cold War"),
    ("A Manual for Writers", "Manual for Writers"),
    ("Socialism: An Economic and Sociological Analysis", "Socialism"),
    ("Theory of Justice", "Theory of Justice"),
])
def test_short_titles(given, expected):
    assert short_title(given) == expected


def test_author_lists():
    pairs = [("Ann", "Ames"), ("Ben", "Booth"), ("Cy", "Cole"), ("Di", "Dunn"), ("Ed", "Eve"), ("Flo", "Fry"),
             ("Gus", "Gale")]
    people = tuple(Name(family=f, given=g) for g, f in pairs)
    # CMOS 18 13.74-13.86 (authors; 14.76 in the 17th edition): notes name one or two authors,
    # three or more as the first and "et al."
    assert names_note(people[:2]) == "Ann Ames and Ben Booth"
    assert names_note(people[:3]) == "Ann Ames et al."
    # bibliography: up to six all named, the first inverted; seven or more: three and "et al."
    assert names_bib(people[:2]) == "Ames, Ann, and Ben Booth"
    assert names_bib(people[:6]) == "Ames, Ann, Ben Booth, Cy Cole, Di Dunn, Ed Eve, and Flo Fry"
    assert names_bib(people) == "Ames, Ann, Ben Booth, Cy Cole, et al."


def _doc(**kw) -> Record:
    base = dict(key="doc", type="archival-document", title="Minutes of the Presidium", title_is_descriptive=True,
                archive=Archive(name="Russian State Archive of Contemporary History", abbreviation="RGANI",
                                place="Moscow", levels=(Level("fond", "3"), Level("opis", "14"),
                                                        Level("delo", "5"), Level("list", "12ob."))))
    base.update(kw)
    return Record(**base)


def test_undated_archival_document():
    # "n.d." for no date, as for the undated published items (kennan-nd in the reference run); an access
    # date only for an undated source read online (DESIGN.md §3; CMOS 18 14.12 on access dates)
    r = _doc(surrogate=Surrogate(name="Digital Archive", url="https://example.org/d/1",
                                 accessed=Date(start=DatePart(2024, 5, 1))))
    assert notes.cite(r) == ("Minutes of the Presidium, n.d., f. 3, op. 14, d. 5, l. 12ob., Russian State Archive of "
                             "Contemporary History, Moscow, Digital Archive, accessed May 1, 2024, "
                             "https://example.org/d/1.")


def test_place_first_and_verso():
    # CMOS 14.205: place and repository first, general to specific; 14.123 "ob." for the verso
    notes_place_first = style("chicago-notes-place-first")

    r = _doc(date=Date(start=DatePart(1956, 2, 9)))
    assert notes_place_first.cite(r) == ("Minutes of the Presidium, February 9, 1956, Moscow, Russian State Archive "
                                         "of Contemporary History, f. 3, op. 14, d. 5, l. 12ob.")
    assert notes.cite(r, form="short") == "Minutes of the Presidium, l. 12ob."
    assert notes.cite(r, form="short", locator="ll. 12–13") == "Minutes of the Presidium, ll. 12–13."


def test_pinpoints_for_published_works():
    book = Record(key="b", type="book", title="The Cold War: A New History", short_title="Cold War",
                  creators={"author": (Name(family="Gaddis", given="John Lewis"),)},
                  date=Date(start=DatePart(2005)), publisher="Penguin Press")
    # CMOS 14.29 (short note: surname, short title, page), 13.102 (author-date: year, comma, page), 9.64
    assert notes.cite(book, form="note", locator="88-89") == \
        "John Lewis Gaddis, The Cold War: A New History (Penguin Press, 2005), 88–89."
    assert notes.cite(book, form="short", locator="12") == "Gaddis, Cold War, 12."
    assert author_date.cite(book, form="in-text", locator="12") == "(Gaddis 2005, 12)"


def test_a_date_as_printed_is_given_once_in_author_date():
    # CMOS 18 13.102: the year (here the date as printed) follows the title of an unattributed work, once
    r = _doc(date=Date(literal="Spring 1950"), archive=Archive(name="Hoover Institution Library & Archives",
                                                                levels=(Level("box", "12"), Level("folder", "3"))))
    assert author_date.cite(r, form="bib") == \
        "Minutes of the Presidium. Spring 1950. Box 12, folder 3, Hoover Institution Library & Archives."


def test_comma_after_a_quoted_title_in_text_goes_inside():
    # CMOS 6.9: the comma before "n.d." goes inside the closing quotation mark
    page = Record(key="w", type="webpage", title="Home", url="https://example.org/")
    assert author_date.cite(page, form="in-text") == "(\u201cHome,\u201d n.d.)"


# CMOS 14.123: archival locators are always labelled. A bare pinpoint takes the label of the leaf it replaces;
# a range takes an en dash (6.83); a locator that is not a leaf ("box 3") does not replace the leaf.
KASHGAR = Record(key="k", type="archival-document", title="Concerning a Peace Settlement in Kashgar",
                 short_title="Peace Settlement in Kashgar", date=Date(start=DatePart(1937, 4, 4)),
                 archive=Archive(abbreviation="RGASPI", levels=(Level("fond", "17"), Level("opis", "162"),
                                                                Level("delo", "20"), Level("list", "99"))))


@pytest.mark.parametrize("locator,short", [
    ("99", "“Peace Settlement in Kashgar,” l. 99."),
    ("99-100", "“Peace Settlement in Kashgar,” ll. 99–100."),
    ("ll. 99-100", "“Peace Settlement in Kashgar,” ll. 99–100."),
    ("box 3", "“Peace Settlement in Kashgar,” box 3."),
])
def test_archival_pinpoints_are_labelled(locator, short):
    assert notes.cite(KASHGAR, form="short", locator=locator) == short


def test_a_non_leaf_locator_keeps_the_leaf_in_the_full_note():
    assert "d. 20, l. 99, box 3, RGASPI" in notes.cite(KASHGAR, form="note", locator="box 3")


def test_a_stored_leaf_range_takes_an_en_dash():
    r = Record(key="s", type="archival-document", title="Record of Conversation", title_is_descriptive=True,
               archive=Archive(abbreviation="RGANI", levels=(Level("fond", "5"), Level("list", "71-74"))))
    assert "f. 5, ll. 71–74, RGANI" in notes.cite(r, form="note")


def test_single_quotation_marks_open_and_close():
    # CMOS 6.9: single quotation marks within a title; an apostrophe is a closing single quote
    r = Record(key="q", type="book", title="The Kremlin's 'Western' Policy", creators={"author": (Name("Smith", "J"),)},
               publisher="P", date=Date(start=DatePart(2000)))
    assert "The Kremlin’s ‘Western’ Policy" in notes.cite(r, form="bib")


def test_no_comma_before_and_after_a_name_that_is_not_inverted():
    # CMOS 14.76: "Smith, John, and Jane Doe" — the comma closes the inverted name; an organisation or a
    # name written family name first is not inverted, so no comma
    r = Record(key="o", type="book", title="Report", creators={"author": (Name(literal="UNESCO"),
                                                                          Name("Mises", "Ludwig", particle="von"))},
               publisher="P", date=Date(start=DatePart(2000)))
    assert notes.cite(r, form="bib").startswith("UNESCO and Ludwig von Mises.")


def test_a_publisher_ending_in_a_comma_gets_one_comma():
    # imported data (lmullen-historybib) has "Jewish Publication Society of America," — CMOS 14.64 separates
    # publisher and year by one comma
    r = Record(key="t", type="book", title="Tanakh", creators={"author": (Name("Smith", "J"),)},
               publisher="Jewish Publication Society of America,", date=Date(start=DatePart(1983)))
    assert notes.cite(r, form="bib") == "Smith, J. Tanakh. Jewish Publication Society of America, 1983."
