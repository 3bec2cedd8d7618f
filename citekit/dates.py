"""Parse dates written in records or printed on pages into :class:`citekit.model.Date`.

Accepted: a TOML date (1937-04-04 unquoted), ISO text "1937-04-04", "1937-04", "1937"; printed forms
"4 April 1937", "April 4, 1937", "April 1937", "Apr. 4, 1937"; approximate "ca. 1937", "c. 1937",
"circa 1937", "1937~"; uncertain "1937?" (both: "1937~?", "1937%"); ranges "1950/1953",
"1937-04-04/1937-04-07", "1950-1953", "May 1950–June 1950". Anything else raises ValueError with a
reason; the record keeps such text in ``date_as_printed`` instead.

Pure functions only: no I/O, nothing above ``citekit.model`` imported.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from .model import Date, DatePart

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9

_ISO = re.compile(r"^(-?\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_MY = re.compile(r"^([A-Za-z]+)\.?,?\s+(\d{4})$")
_CIRCA = re.compile(r"^(?:ca\.|c\.|circa|approximately)\s*", re.I)


def _part(year: int, month: int | None = None, day: int | None = None, text: str = "") -> DatePart:
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month {month} is out of range in {text!r}")
    if day is not None:
        last = calendar.monthrange(year, month or 1)[1] if year > 0 else 31
        if not 1 <= day <= last:
            raise ValueError(f"day {day} is out of range for {year:04d}-{month:02d} in {text!r}")
    return DatePart(year, month, day)


def _month(word: str, text: str) -> int:
    m = MONTHS.get(word.lower().rstrip("."))
    if not m:
        raise ValueError(f"unknown month {word!r} in {text!r}")
    return m


def _single(text: str, whole: str) -> DatePart:
    text = text.strip()
    if m := _ISO.match(text):
        y, mo, d = m.groups()
        return _part(int(y), int(mo) if mo else None, int(d) if d else None, whole)
    if m := _DMY.match(text):
        return _part(int(m[3]), _month(m[2], whole), int(m[1]), whole)
    if m := _MDY.match(text):
        return _part(int(m[3]), _month(m[1], whole), int(m[2]), whole)
    if m := _MY.match(text):
        return _part(int(m[2]), _month(m[1], whole), None, whole)
    raise ValueError(
        f"cannot read date {whole!r}: write YYYY-MM-DD, YYYY-MM or YYYY (ca./~ approximate, ? uncertain, "
        "A/B a range), or keep the printed text in date_as_printed"
    )


_WHAT = {bool: "true or false", float: "a number", list: "an array", dict: "a table", _dt.time: "a time of day"}


def _earliest(p: DatePart) -> tuple[int, int, int]:
    return (p.year, p.month or 1, p.day or 1)


def _latest(p: DatePart) -> tuple[int, int, int]:
    return (p.year, p.month or 12, p.day or 31)


def parse_date(value: object) -> Date:
    """Parse a TOML value (date or string) into a Date. Raises ValueError with a message for the user."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return Date(start=DatePart(value.year, value.month, value.day))
    if isinstance(value, int) and not isinstance(value, bool):
        if not -9999 <= value <= 9999:
            raise ValueError(f"{value} is not a year: write a date as 1937-04-04, \"1937-04\" or 1937")
        return Date(start=_part(value, text=str(value)))
    if not isinstance(value, str):
        what = _WHAT.get(type(value), "a " + type(value).__name__)
        raise ValueError(f"a date must be a TOML date or a string, not {what}")
    text = " ".join(value.split())
    if not text:
        raise ValueError("empty date")
    circa = uncertain = False
    if m := _CIRCA.match(text):
        circa, text = True, text[m.end():]
    while text[-1:] in ("~", "?", "%"):  # EDTF marks, in either order: "1950~?"; "%" is both
        circa = circa or text[-1] in "~%"
        uncertain = uncertain or text[-1] in "?%"
        text = text[:-1].rstrip()
    if text.startswith("[") and text.endswith("]"):  # supplied date, as in "[1950]"
        text = text[1:-1]
    if m := re.fullmatch(r"(\d{4})-(\d{4})", text):  # "1950-1953"
        a, b = m[1], m[2]
    else:
        halves = re.split(r"\s*(?:/|–|—|\s-\s)\s*", text, maxsplit=1)
        a, b = halves if len(halves) == 2 else (text, "")
    if b:
        start, end = _single(a, value), _single(b, value)
        if _latest(end) < _earliest(start):
            raise ValueError(f"date range {value!r} ends before it starts")
        return Date(start=start, end=end, circa=circa, uncertain=uncertain)
    return Date(start=_single(text, value), circa=circa, uncertain=uncertain)
