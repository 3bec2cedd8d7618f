"""Names written as text, and as tables in records.

Expected parts follow the conventions the record format documents (docs/records.md, "Values"): "Given
Family", "Family, Given", "Family, Given, Jr." and BibTeX's "Family, Jr., Given"; lower-case particles
belong to the family name; braces keep words together; CJK-script names are family-first and unsplit;
organisations are kept whole. Reading order puts the given name first, except for names written family
name first (Ma Zhongying, Mao Zedong), which keep their own order.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit.model import Name
from citekit.names import ORGANISATION_WORDS, SUFFIXES, parse_name, split_name_list
from citekit.validate import build_record

CASES = [
    # (text, expected Name)
    ("Gary Goldberg", Name(family="Goldberg", given="Gary")),
    ("Goldberg, Gary", Name(family="Goldberg", given="Gary")),
    ("  Gary   Goldberg ", Name(family="Goldberg", given="Gary")),
    ("N.G. Sudarikov", Name(family="Sudarikov", given="N.G.")),
    ("Oleg V. Khlevniuk", Name(family="Khlevniuk", given="Oleg V.")),
    ("Odd Arne Westad", Name(family="Westad", given="Odd Arne")),
    ("Jean-Paul Sartre", Name(family="Sartre", given="Jean-Paul")),
    ("Pál Szarvas", Name(family="Szarvas", given="Pál")),
    ("Юрий Андропов", Name(family="Андропов", given="Юрий")),
    ("Шепилов, Д. Т.", Name(family="Шепилов", given="Д. Т.")),
    ("Plato", Name(family="Plato")),
    # suffixes
    ("Martin Luther King Jr.", Name(family="King", given="Martin Luther", suffix="Jr.")),
    ("King, Martin Luther, Jr.", Name(family="King", given="Martin Luther", suffix="Jr.")),
    ("King, Jr., Martin Luther", Name(family="King", given="Martin Luther", suffix="Jr.")),  # BibTeX order
    ("King Jr., Martin Luther", Name(family="King", given="Martin Luther", suffix="Jr.")),
    ("Thurston Howell III", Name(family="Howell", given="Thurston", suffix="III")),
    ("Goldberg, Gary, III", Name(family="Goldberg", given="Gary", suffix="III")),
    ("Smith, Jr.", Name(family="Smith", suffix="Jr.")),
    # particles
    ("Ludwig van Beethoven", Name(family="Beethoven", given="Ludwig", particle="van")),
    ("van Beethoven, Ludwig", Name(family="Beethoven", given="Ludwig", particle="van")),
    ("Jan van der Vliet", Name(family="Vliet", given="Jan", particle="van der")),
    ("van der Vliet, Jan", Name(family="Vliet", given="Jan", particle="van der")),
    ("Bartolomé de las Casas", Name(family="Casas", given="Bartolomé", particle="de las")),
    ("de las Casas, Bartolomé", Name(family="Casas", given="Bartolomé", particle="de las")),
    ("Charles de Gaulle", Name(family="Gaulle", given="Charles", particle="de")),
    ("Otto von Bismarck", Name(family="Bismarck", given="Otto", particle="von")),
    ("Jean de La Fontaine", Name(family="La Fontaine", given="Jean", particle="de")),
    # braces: kept together, as in BibTeX
    ("{Barnes and Noble}", Name(literal="Barnes and Noble")),
    ("{Barnes {and} Noble}", Name(literal="Barnes and Noble")),
    ("{Van Buren}, Martin", Name(family="Van Buren", given="Martin")),
    ("Martin {Van Buren}", Name(family="Van Buren", given="Martin")),
    # CJK script: family-first, no split
    ("毛泽东", Name(family="毛泽东", family_first=True)),
    ("毛 泽东", Name(family="毛泽东", family_first=True)),
    ("김일성", Name(family="김일성", family_first=True)),
    ("岸信介", Name(family="岸信介", family_first=True)),
    # organisations
    ("Ministry of Foreign Affairs of Ukraine", Name(literal="Ministry of Foreign Affairs of Ukraine")),
    ("Carnegie Corporation of New York (CCNY)", Name(literal="Carnegie Corporation of New York (CCNY)")),
    ("Kyungnam University", Name(literal="Kyungnam University")),
    ("Bank of England", Name(literal="Bank of England")),
    ("Politburo of the CC VKP(b)", Name(literal="Politburo of the CC VKP(b)")),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_parse_name(text, expected):
    assert parse_name(text) == expected


DISPLAY = [
    # (name, reading order): given name first except for family-first names; suffix after the name
    (Name(family="King", given="Martin Luther", suffix="Jr."), "Martin Luther King Jr."),
    (Name(family="Vliet", given="Jan", particle="van der"), "Jan van der Vliet"),
    (Name(family="Beauvoir", given="Simone", dropping_particle="de"), "Simone de Beauvoir"),
    (Name(family="Ma", given="Zhongying", family_first=True), "Ma Zhongying"),
    (Name(family="Mao", given="Zedong", family_first=True), "Mao Zedong"),
    (Name(family="毛", given="泽东"), "毛泽东"),  # CJK script: no space between family and given names
    (Name(literal="Ministry of Foreign Affairs of Ukraine"), "Ministry of Foreign Affairs of Ukraine"),
]


@pytest.mark.parametrize("name,shown", DISPLAY, ids=[s for _, s in DISPLAY])
def test_display(name, shown):
    assert name.display() == shown


def test_sort_key_puts_the_family_name_first_and_demotes_particles():
    assert Name(family="Vliet", given="Jan", particle="van der").sort_key().startswith("Vliet Jan")
    assert Name(family="Goldberg", given="Gary").sort_key() < Name(family="Hasanli", given="Jamil").sort_key()


REJECTED = [
    ("", "empty name"),
    ("   ", "empty name"),
    ("{}", "empty name"),
    ("Westad, Odd Arne, Jr., III", "cannot read name 'Westad, Odd Arne, Jr., III': write \"Family, Given\" or "
                                   "\"Family, Given, Jr.\" (an organisation in braces: \"{Name, Inc.}\")"),
    (", Gary", "cannot read name ', Gary': no family name before the comma"),
]


@pytest.mark.parametrize("text,message", REJECTED, ids=[r[0] or "empty" for r in REJECTED])
def test_rejected_names(text, message):
    with pytest.raises(ValueError) as e:
        parse_name(text)
    assert str(e.value) == message


@pytest.mark.parametrize("text,names", [
    ("Sergey Radchenko and Gary Goldberg", ["Sergey Radchenko", "Gary Goldberg"]),
    ("A. Smith, B. Jones, and C. Brown", ["A. Smith", "B. Jones", "C. Brown"]),
    ("A. Smith, B. Jones and C. Brown", ["A. Smith", "B. Jones", "C. Brown"]),
    ("A. Smith & B. Jones", ["A. Smith", "B. Jones"]),
    ("Gary Goldberg", ["Gary Goldberg"]),
])
def test_split_name_list(text, names):
    assert split_name_list(text) == names


def _creators(data: dict) -> dict:
    record, diagnostics = build_record("k", {"type": "book", "title": "T", **data}, "k.toml")
    assert [d for d in diagnostics if d.is_error] == []
    return record.creators


def test_name_tables_in_a_record():
    creators = _creators({
        "author": [{"family": "Ma", "given": "Zhongying", "family_first": True},
                   {"family": "Vliet", "given": "Jan", "particle": "van der"},
                   {"literal": "Ministry of Foreign Affairs of Ukraine"},
                   {"family": "Beauvoir", "given": "Simone", "dropping_particle": "de"},
                   {"family": "King", "given": "Martin Luther", "suffix": "Jr."}],
        "translator": "Gary Goldberg",
        "editor": ["Westad, Odd Arne", "毛泽东"],
    })
    assert creators["author"] == (
        Name(family="Ma", given="Zhongying", family_first=True),
        Name(family="Vliet", given="Jan", particle="van der"),
        Name(literal="Ministry of Foreign Affairs of Ukraine"),
        Name(family="Beauvoir", given="Simone", dropping_particle="de"),
        Name(family="King", given="Martin Luther", suffix="Jr."),
    )
    assert creators["translator"] == (Name(family="Goldberg", given="Gary"),)
    assert creators["editor"] == (Name(family="Westad", given="Odd Arne"), Name(family="毛泽东", family_first=True))


@pytest.mark.parametrize("value,message", [
    ({"given": "Zedong"}, "author: a name table needs `family` (a person) or `literal` (an organisation)"),
    ({"literal": "Politburo", "family": "X"}, "author: give either `literal` or `family`/`given`, not both"),
    ({"family": "Mao", "first": "Zedong"}, "unknown name part 'author.first' (did you mean 'given'?)"),
    ({"family": "Mao", "family_first": "yes"}, "author.family_first must be true or false, not a string"),
    (42, "author must be a name (a string or a table), not an integer"),
    ("", "author: empty name"),
])
def test_bad_names_in_a_record(value, message):
    _, diagnostics = build_record("k", {"type": "book", "title": "T", "author": value}, "k.toml")
    assert [d.message for d in diagnostics if d.is_error] == [message]


WORD = st.from_regex(r"[A-ZÀ-ÖА-Я][a-zà-öа-я]{2,9}", fullmatch=True).filter(
    lambda w: w.lower() not in ORGANISATION_WORDS and w.lower() not in SUFFIXES)


@given(st.lists(WORD, min_size=1, max_size=3), WORD)
def test_given_family_and_family_comma_given_agree(given_names, family):
    given_text = " ".join(given_names)
    expected = Name(family=family, given=given_text)
    assert parse_name(f"{given_text} {family}") == expected
    assert parse_name(f"{family}, {given_text}") == expected
    assert parse_name(expected.display()) == expected


@given(st.text(max_size=60))
def test_any_text_gives_a_name_or_a_value_error(text):
    try:
        name = parse_name(text)
    except ValueError as e:
        assert str(e)
    else:
        assert name.display().strip()
