"""Dates: every form the record format accepts (docs/records.md, "Values"), and the rejected ones with the
message the user sees. Expected values are the calendar facts the text states, written out by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citekit.dates import parse_date
from citekit.model import Date, DatePart
from citekit.validate import build_record

P = DatePart

ACCEPTED = [
    # TOML values
    (dt.date(1937, 4, 4), Date(start=P(1937, 4, 4))),
    (dt.datetime(1937, 4, 4, 10, 30), Date(start=P(1937, 4, 4))),
    (1937, Date(start=P(1937))),
    # ISO text
    ("1937-04-04", Date(start=P(1937, 4, 4))),
    ("1937-04", Date(start=P(1937, 4))),
    ("1937", Date(start=P(1937))),
    ("1937-4-4", Date(start=P(1937, 4, 4))),
    ("1936-02-29", Date(start=P(1936, 2, 29))),  # 1936 is a leap year
    # as printed
    ("4 April 1937", Date(start=P(1937, 4, 4))),
    ("4 April, 1937", Date(start=P(1937, 4, 4))),
    ("April 4, 1937", Date(start=P(1937, 4, 4))),
    ("April 16, 1969", Date(start=P(1969, 4, 16))),
    ("February 26, 1955", Date(start=P(1955, 2, 26))),
    ("Apr. 4, 1937", Date(start=P(1937, 4, 4))),
    ("4 Apr 1937", Date(start=P(1937, 4, 4))),
    ("April 1937", Date(start=P(1937, 4))),
    ("Sept. 1950", Date(start=P(1950, 9))),
    ("  4   April  1937 ", Date(start=P(1937, 4, 4))),
    ("[1950]", Date(start=P(1950))),  # a date supplied by the cataloguer
    # approximate and uncertain
    ("ca. 1937", Date(start=P(1937), circa=True)),
    ("c. 1937", Date(start=P(1937), circa=True)),
    ("circa 1937", Date(start=P(1937), circa=True)),
    ("approximately 1950", Date(start=P(1950), circa=True)),
    ("1937~", Date(start=P(1937), circa=True)),
    ("1937?", Date(start=P(1937), uncertain=True)),
    ("ca. 1937?", Date(start=P(1937), circa=True, uncertain=True)),
    ("1950-06?", Date(start=P(1950, 6), uncertain=True)),
    # ranges
    ("1950/1953", Date(start=P(1950), end=P(1953))),
    ("1950-1953", Date(start=P(1950), end=P(1953))),
    ("1950 - 1953", Date(start=P(1950), end=P(1953))),
    ("1950–1953", Date(start=P(1950), end=P(1953))),
    ("1937-04-04/1937-04-07", Date(start=P(1937, 4, 4), end=P(1937, 4, 7))),
    ("May 1950–June 1950", Date(start=P(1950, 5), end=P(1950, 6))),
    ("1950-04-04/1950", Date(start=P(1950, 4, 4), end=P(1950))),  # ends within 1950: not before it starts
    ("ca. 1950/1953", Date(start=P(1950), end=P(1953), circa=True)),
]


@pytest.mark.parametrize("value,expected", ACCEPTED, ids=[str(v) for v, _ in ACCEPTED])
def test_accepted(value, expected):
    assert parse_date(value) == expected


READ_AS = "write YYYY-MM-DD, YYYY-MM or YYYY (ca./~ approximate, ? uncertain, A/B a range), or keep the printed " \
          "text in date_as_printed"
REJECTED = [
    ("1969-13-16", "month 13 is out of range in '1969-13-16'"),
    ("1937-00", "month 0 is out of range in '1937-00'"),
    ("1937-02-30", "day 30 is out of range for 1937-02 in '1937-02-30'"),
    ("1937-02-29", "day 29 is out of range for 1937-02 in '1937-02-29'"),  # 1937 is not a leap year
    ("1937-04-00", "day 0 is out of range for 1937-04 in '1937-04-00'"),
    ("April 31, 1950", "day 31 is out of range for 1950-04 in 'April 31, 1950'"),  # April has 30 days
    ("30 February 1955", "day 30 is out of range for 1955-02 in '30 February 1955'"),
    ("Foo 4, 1937", "unknown month 'Foo' in 'Foo 4, 1937'"),
    ("late spring 1950", f"cannot read date 'late spring 1950': {READ_AS}"),
    ("1950s", f"cannot read date '1950s': {READ_AS}"),
    ("37", f"cannot read date '37': {READ_AS}"),
    ("19370404", f"cannot read date '19370404': {READ_AS}"),
    ("n.d.", f"cannot read date 'n.d.': {READ_AS}"),
    ("1953/1950", "date range '1953/1950' ends before it starts"),
    ("1937-04-07/1937-04-04", "date range '1937-04-07/1937-04-04' ends before it starts"),
    ("", "empty date"),
    ("   ", "empty date"),
    (19370404, '19370404 is not a year: write a date as 1937-04-04, "1937-04" or 1937'),
    (True, "a date must be a TOML date or a string, not true or false"),
    (1.5, "a date must be a TOML date or a string, not a number"),
    ([1937], "a date must be a TOML date or a string, not an array"),
    ({"year": 1937}, "a date must be a TOML date or a string, not a table"),
    (dt.time(10, 30), "a date must be a TOML date or a string, not a time of day"),
]


@pytest.mark.parametrize("value,message", REJECTED, ids=[repr(v) for v, _ in REJECTED])
def test_rejected(value, message):
    with pytest.raises(ValueError) as e:
        parse_date(value)
    assert str(e.value) == message


@pytest.mark.parametrize("date,iso", [
    (Date(start=P(1937, 4, 4)), "1937-04-04"),
    (Date(start=P(1937, 4)), "1937-04"),
    (Date(start=P(1950), end=P(1953)), "1950/1953"),
    (Date(start=P(1950), circa=True), "1950~"),
    (Date(start=P(1950), uncertain=True), "1950?"),
    (Date(literal="Spring 1950"), ""),
])
def test_iso(date, iso):
    assert date.iso() == iso  # EDTF (ISO 8601-2): "~" approximate, "?" uncertain, "/" interval


def _record(**data):
    return build_record("k", {"type": "report", "title": "T", **data}, "k.toml")


def test_date_as_printed_keeps_the_text_beside_a_normalised_date():
    record, diagnostics = _record(date="1950", date_as_printed="Spring 1950")
    assert diagnostics == []
    assert record.date == Date(start=P(1950), literal="Spring 1950")
    record, _ = _record(date_as_printed="Spring 1950")
    assert record.date == Date(literal="Spring 1950")


@pytest.mark.parametrize("key", ["date", "original_date", "accessed"])
def test_every_date_field_is_checked(key):
    _, diagnostics = _record(**{key: "1950-13"})
    assert [d.message for d in diagnostics] == [f"{key}: month 13 is out of range in '1950-13'"]


def test_dates_inside_tables_are_checked():
    _, diagnostics = _record(surrogate={"name": "X", "url": "https://example.org", "uploaded": "1950-02-30"},
                             provenance=[{"event": "declassified", "date": "31 June 1990"}])
    assert sorted(d.message for d in diagnostics if d.is_error) == [
        "provenance[0].date: day 31 is out of range for 1990-06 in '31 June 1990'",
        "surrogate.uploaded: day 30 is out of range for 1950-02 in '1950-02-30'",
    ]


@pytest.mark.parametrize("text,expected", [
    ("1950~?", Date(start=P(1950), circa=True, uncertain=True)),
    ("1950?~", Date(start=P(1950), circa=True, uncertain=True)),
    ("1950%", Date(start=P(1950), circa=True, uncertain=True)),  # EDTF: "%" is approximate and uncertain
])
def test_edtf_marks_in_either_order(text, expected):
    assert parse_date(text) == expected


PARTS = st.tuples(st.integers(1000, 2100), st.one_of(st.none(), st.integers(1, 12)), st.integers(1, 28))


def _bounds(p: DatePart) -> tuple[tuple, tuple]:
    return (p.year, p.month or 1, p.day or 1), (p.year, p.month or 12, p.day or 31)


@given(PARTS, st.one_of(st.none(), PARTS), st.booleans(), st.booleans())
def test_iso_text_reads_back_as_the_same_date(a, b, circa, uncertain):
    start = DatePart(a[0], a[1], a[2] if a[1] else None)
    end = DatePart(b[0], b[1], b[2] if b[1] else None) if b else None
    if end is not None and _bounds(end)[1] < _bounds(start)[0]:
        start, end = end, start
        if _bounds(end)[1] < _bounds(start)[0]:
            return
    date = Date(start=start, end=end, circa=circa, uncertain=uncertain)
    assert parse_date(date.iso()) == date
