"""Validation: the rules follow the field table (schema.FIELDS), and check's archival-aware warnings.

Records are written as TOML text so that every diagnostic's line and column can be asserted; positions
were counted by hand from the text in each test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from citekit import schema
from citekit.toml_io import parse_text
from citekit.validate import build_record, key_problem


def check(text: str) -> list[str]:
    _, diagnostics = parse_text(text, "r.toml", "r")
    return [str(d) for d in sorted(diagnostics)]


HEAD = 'type = "archival-document"\ntitle = "Concerning a Peace Settlement in Kashgar"\noriginal_language = "ru"\n'
# lines 1-3 are HEAD; a test's own text starts on line 4


# ------------------------------------------------------------------------- archival-aware warnings

WARNINGS = [
    ("opis without fond",
     '[archive]\nabbreviation = "RGASPI"\nlevels = { opis = "162", delo = "20" }\n',
     ["r.toml:6:12: warning: archive has an opis but no fond: an opis is only meaningful within a fond"]),
    ("delo without opis",
     '[archive]\nabbreviation = "RGASPI"\nlevels = { fond = "17", delo = "20" }\n',
     ["r.toml:6:25: warning: archive has a delo but no opis: a delo is only meaningful within an opis"]),
    ("list without delo",
     '[archive]\nabbreviation = "RGASPI"\nlevels = { fond = "17", opis = "162", list = "99" }\n',
     ["r.toml:6:39: warning: archive has a list but no delo: a list is only meaningful within a delo"]),
    ("list without delo, from the printed reference",
     '[archive]\nreference = "RGASPI, f. 17, op. 162, l. 99"\n',
     ["r.toml:5:1: warning: archive has a list but no delo: a list is only meaningful within a delo"]),
    ("entry without record group",
     '[archive]\nname = "National Archives"\nlevels = { entry = "1234", box = "5" }\n',
     ["r.toml:6:12: warning: archive has an entry but no record_group: an entry is only meaningful within a "
      "record_group"]),
    ("archive without name or abbreviation",
     '[archive]\nlevels = { fond = "17", opis = "162", delo = "20", list = "99" }\n',
     ["r.toml:4:1: warning: archive has neither name nor abbreviation: the repository cannot be cited"]),
    ("unparsed reference",
     '[archive]\nname = "Hoover Institution Archives"\nreference = "Nicolaevsky Collection, Series 2, shelf 3, '
     'pressmark 7"\n',
     ["r.toml:6:1: warning: could not read 'shelf 3', 'pressmark 7' in the archival reference; it is kept as "
      "printed (give archive.levels to say what each part is)"]),
    ("surrogate with neither url nor record_id",
     '[archive]\nabbreviation = "RGASPI"\n\n[surrogate]\nname = "Digital Archive"\n',
     ["r.toml:7:1: warning: surrogate has neither url nor record_id: readers cannot find the copy you read"]),
    ("surrogate without a name",
     '[archive]\nabbreviation = "RGASPI"\n\n[surrogate]\nrecord_id = "121637"\n',
     ["r.toml:7:1: warning: surrogate has no name: say which digital archive or collection you read it in"]),
    ("provenance event without an agent",
     '[archive]\nabbreviation = "RGASPI"\n\n[[provenance]]\nevent = "obtained"\n',
     ["r.toml:7:1: warning: provenance[0] (obtained) does not say by whom"]),
    ("an archival document without an archive", "",
     ["r.toml:1:1: warning: an archival document without [archive]: say which repository holds the original"]),
]


@pytest.mark.parametrize("text,expected", [(t, e) for _, t, e in WARNINGS], ids=[n for n, _, _ in WARNINGS])
def test_archival_warnings(text, expected):
    assert check(HEAD + text) == expected


def test_a_declassification_needs_no_agent():
    text = HEAD + '[archive]\nabbreviation = "RGASPI"\n\n[[provenance]]\nevent = "declassified"\ndate = 1992\n'
    assert check(text) == []


def test_translator_without_original_language():
    base = 'type = "book"\ntitle = "Stalin: New Biography of a Dictator"\n'
    assert check(base + 'translator = "Nora Seligman Favorov"\n') == [
        "r.toml:3:1: warning: a translator is named but original_language is not: say what the document was "
        "translated from"]
    # a translation credited as a provenance event counts as a translator too
    assert check(base + '\n[[provenance]]\nevent = "translated"\nby = "Gary Goldberg"\n') == [
        "r.toml:4:1: warning: a translator is named but original_language is not: say what the document was "
        "translated from"]
    assert check(base + 'translator = "Nora Seligman Favorov"\noriginal_language = "ru"\n') == []


def test_title_in_quotation_marks():
    for title in ('"\\"Concerning a Peace Settlement\\""', '"“Concerning a Peace Settlement”"',
                  "'«О мирном урегулировании»'"):
        assert check(f'type = "report"\ntitle = {title}\n') == [
            "r.toml:2:1: warning: title is wrapped in quotation marks: write it without them; citations add "
            "quotation marks where the style wants them (and a descriptive title gets none)"]
    assert check('type = "report"\ntitle = "\\"Peace\\" in Kashgar"\n') == []  # quotation marks inside: fine


def test_access_date_on_a_dated_document():
    text = (HEAD + 'date = 1937-04-04\n\n[archive]\nabbreviation = "RGASPI"\n\n[surrogate]\nname = "Digital '
            'Archive"\nrecord_id = "121637"\naccessed = 2024-05-01\n')
    assert check(text) == [
        "r.toml:12:1: warning: an access date on a dated document: Chicago prints the date you consulted a "
        "source only when the source has no date of its own, so citations leave it out"]
    assert check(text.replace("date = 1937-04-04\n", "")) == []  # undated: the access date is wanted


def test_doi_written_as_a_link():
    base = 'type = "article-journal"\ntitle = "T"\ncontainer_title = "Cold War History"\n'
    assert check(base + 'doi = "https://doi.org/10.1080/14682745.2010.498823"\n') == [
        "r.toml:4:1: warning: doi 'https://doi.org/10.1080/14682745.2010.498823' is written as a link: give the "
        "bare DOI (10.…); citations add https://doi.org/"]
    assert check(base + 'doi = "10.1080/14682745.2010.498823"\n') == []


@pytest.mark.parametrize("rtype", ["article-journal", "article-newspaper", "article-magazine", "chapter"])
def test_container_title_is_needed(rtype):
    assert check(f'type = "{rtype}"\ntitle = "T"\n') == [
        f"r.toml:1:1: warning: a {rtype} needs container_title (the journal, newspaper or book it appeared in)"]


def test_warnings_do_not_stop_a_record():
    record, diagnostics = parse_text(HEAD + '[archive]\nlevels = { opis = "162" }\n', "r.toml", "r")
    assert record is not None and diagnostics and not any(d.is_error for d in diagnostics)


# ------------------------------------------------------------------------- table-driven errors

WRONG = {schema.TEXT: True, schema.BOOL: "yes", schema.DATE: True, schema.NAMES: 42, schema.TEXT_LIST: True,
         schema.CHOICE: "no-such-choice"}


def _minimal(parent: str) -> dict:
    data = {"type": "report", "title": "T"}
    if parent == "archive":
        data["archive"] = {"name": "X"}
    elif parent == "surrogate":
        data["surrogate"] = {"name": "X", "url": "https://example.org"}
    elif parent == "provenance":
        data["provenance"] = [{"event": "obtained", "by": "X"}]
    return data


PLAIN = [f for f in schema.FIELDS if f.kind in WRONG]


@pytest.mark.parametrize("field", PLAIN, ids=[f.key for f in PLAIN])
def test_every_field_rejects_a_wrong_value(field):
    data = _minimal(field.parent)
    table = data if not field.parent else (data[field.parent][0] if field.parent == "provenance"
                                           else data[field.parent])
    table[field.name] = WRONG[field.kind]
    record, diagnostics = build_record("k", data, "k.toml")
    errors = [d for d in diagnostics if d.is_error]
    assert record is None and len(errors) == 1, [str(d) for d in diagnostics]
    where = field.key if field.parent != "provenance" else f"provenance[0].{field.name}"
    assert errors[0].key == (where.replace("[0]", ".0")), errors[0]
    assert field.name in errors[0].message or "no-such-choice" in errors[0].message


@pytest.mark.parametrize("field", PLAIN, ids=[f.key for f in PLAIN])
def test_every_field_accepts_a_good_value(field):
    good = {schema.TEXT: "text", schema.BOOL: True, schema.DATE: dt.date(1950, 5, 30), schema.NAMES: ["A. B. C"],
            schema.TEXT_LIST: ["a", "b"], schema.CHOICE: field.choices[0] if field.choices else ""}
    data = _minimal(field.parent)
    table = data if not field.parent else (data[field.parent][0] if field.parent == "provenance"
                                           else data[field.parent])
    table[field.name] = good[field.kind]
    record, diagnostics = build_record("k", data, "k.toml")
    assert record is not None, [str(d) for d in diagnostics]


@pytest.mark.parametrize("parent,shown", [("", "zzz"), ("archive", "archive.zzz"), ("surrogate", "surrogate.zzz"),
                                          ("provenance", "provenance[0].zzz")])
def test_unknown_keys_in_every_table(parent, shown):
    data = _minimal(parent)
    table = data if not parent else (data[parent][0] if parent == "provenance" else data[parent])
    table["zzz"] = "x"
    _, diagnostics = build_record("k", data, "k.toml")
    errors = [d.message for d in diagnostics if d.is_error]
    assert len(errors) == 1 and errors[0].startswith(f"unknown key '{shown}'"), errors


def test_a_key_of_another_table_says_where_it_belongs():
    assert check('type = "report"\ntitle = "T"\nreference = "f. 17"\n') == [
        "r.toml:3:1: error: unknown key 'reference' (`reference` belongs in [archive])"]
    assert check('type = "report"\ntitle = "T"\nevent = "obtained"\n') == [
        "r.toml:3:1: error: unknown key 'event' (`event` belongs in [[provenance]])"]


@pytest.mark.parametrize("key,problem", [
    ("kashgar-1937", ""),
    ("Westad_1998.a", ""),
    ("", "a record key cannot be empty"),
    ("../etc/passwd", "record key '../etc/passwd' must not contain '/', '\\' or '..'"),
    ("a/b", "record key 'a/b' must not contain '/', '\\' or '..'"),
    ("-rf", "record key '-rf' must start with a letter or digit and use only letters, digits, '-', '_' and '.' "
            "(at most 128 characters)"),
    ("two words", "record key 'two words' must start with a letter or digit and use only letters, digits, '-', "
                  "'_' and '.' (at most 128 characters)"),
    ("con", "record key 'con' is a reserved file name"),
    ("NUL.backup", "record key 'NUL.backup' is a reserved file name"),
    ("a" * 129, f"record key {'a' * 129!r} must start with a letter or digit and use only letters, digits, '-', "
                "'_' and '.' (at most 128 characters)"),
])
def test_key_problem(key, problem):
    assert key_problem(key) == problem


@pytest.mark.parametrize("isbn,ok", [
    ("978-0-300-16388-9", True),  # check digits by the ISBN rules: 13 digits weighted 1,3,1,3… sum to 0 mod 10
    ("978-0-306-40615-7", True),
    ("0-306-40615-2", True),  # 10 digits weighted 10…1 sum to 0 mod 11
    ("0 8047 3483 X", False),
    ("978-0-306-40615-8", False),
    ("0-306-40615-3", False),
    ("978-0-306-40615-7 (pbk.)", True),  # not a bare ISBN: not judged
])
def test_isbn_check_digit(isbn, ok):
    warnings = check(f'type = "book"\ntitle = "T"\nisbn = "{isbn}"\n')
    assert warnings == ([] if ok else [f"r.toml:3:1: warning: isbn {isbn!r} fails its check digit: compare it "
                                       "with the book"])


def test_urls_are_web_addresses():
    text = ('type = "webpage"\ntitle = "T"\nurl = "digitalarchive.wilsoncenter.org/document/134230"\n\n'
            '[surrogate]\nname = "Digital Archive"\nurl = "https://digitalarchive.wilsoncenter.org/document/134230"\n')
    assert check(text) == ["r.toml:3:1: warning: url 'digitalarchive.wilsoncenter.org/document/134230' is not a "
                           "web address (http:// or https://…)"]
