"""locate(): where each key, table and array element of a TOML document starts.

The property test builds random documents by hand in every TOML style records may use (bare, quoted and
dotted keys; the four kinds of string, with brackets, quotes, "#" and "=" inside; arrays and inline tables
over one line or several, with comments and trailing commas; [tables] and [[arrays of tables]]; CRLF line
ends; a BOM-free UTF-8 text with non-Latin letters). tomli must accept each document; then every key path
tomli reports must be located, and its position must point at that key's text as written (a table header
at its opening bracket, an array element at its first character).
"""

from __future__ import annotations

import datetime as dt

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citekit.locate import duplicates, line_col, locate, offset_of, open_at, position

# ----------------------------------------------------------------------------------- generation

BARE = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-_", min_size=1, max_size=8)
QUOTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=8)


@st.composite
def key(draw):
    """(name as parsed, text as written)."""
    kind = draw(st.sampled_from(["bare", "basic", "literal"]))
    if kind == "bare":
        name = draw(BARE)
        return name, name
    name = draw(QUOTABLE)
    if kind == "literal" and "'" not in name:
        return name, f"'{name}'"
    return name, '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


TRICKY = st.sampled_from(["", "plain", "a # not a comment", "x = y", "[not] {a} table", "quote \" inside",
                          "back\\slash", "Кашгар 毛泽东", "l. 99 ob.", "tab\there"])


@st.composite
def string(draw):
    body = draw(TRICKY)
    kind = draw(st.sampled_from(["basic", "literal", "ml-basic", "ml-literal"]))
    if kind == "literal" and "'" not in body and "\t" not in body:
        return f"'{body}'"
    if kind == "ml-literal" and "'''" not in body:
        return f"'''\n{body}\nsecond line'''"
    escaped = body.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    if kind == "ml-basic":
        return f'"""\n{escaped}\nsecond "line" \\\n  continued"""'
    return f'"{escaped}"'


SCALAR = st.one_of(
    string(),
    st.integers(-10**6, 10**6).map(str),
    st.sampled_from(["true", "false", "1937-04-04", "1979-05-27T07:32:00Z", "1937-04-04 10:00:00", "3.25",
                     "0x1F", "inf", "1_000"]),
)


class Doc:
    """Text being written, and the snippet each key path's position must point at."""

    def __init__(self, newline: str):
        self.parts: list[str] = []
        self.nl = newline
        self.expect: dict[tuple, str] = {}

    @property
    def offset(self) -> int:
        return sum(len(p) for p in self.parts)

    def write(self, text: str) -> None:
        self.parts.append(text)

    def mark(self, path: tuple, snippet: str) -> None:
        self.expect.setdefault(path, (self.offset, snippet))

    @property
    def text(self) -> str:
        return "".join(self.parts)


def unique_keys(draw, n_min=0, n_max=4):
    return draw(st.lists(key(), min_size=n_min, max_size=n_max, unique_by=lambda k: k[0]))


def write_value(draw, doc: Doc, path: tuple, depth: int) -> None:
    kind = draw(st.sampled_from(["scalar", "scalar", "array", "inline"] if depth < 3 else ["scalar"]))
    if kind == "scalar":
        doc.write(draw(SCALAR))
    elif kind == "array":
        multiline = draw(st.booleans())
        doc.write("[")
        items = draw(st.integers(0, 3))
        for i in range(items):
            doc.write(doc.nl + "  " if multiline else " " * draw(st.integers(0, 1)))
            start = doc.offset
            write_value(draw, doc, path + (i,), depth + 1)
            doc.expect.setdefault(path + (i,), (start, doc.text[start]))
            if i < items - 1 or draw(st.booleans()):
                doc.write(",")
            if multiline and draw(st.booleans()):
                doc.write("  # a comment, with [brackets] and \"quotes\"")
        doc.write(doc.nl + "]" if multiline else "]")
    else:
        multiline = draw(st.booleans())
        doc.write("{")
        pairs = unique_keys(draw, 0, 3)
        for i, (name, written) in enumerate(pairs):
            doc.write(doc.nl + "  " if multiline else " ")
            doc.mark(path + (name,), written)
            doc.write(written + " = ")
            write_value(draw, doc, path + (name,), depth + 1)
            if i < len(pairs) - 1 or (multiline and draw(st.booleans())):
                doc.write(",")
        doc.write(doc.nl + "}" if multiline else " }")


def write_keyvals(draw, doc: Doc, prefix: tuple) -> None:
    for name, written in unique_keys(draw):
        if draw(st.booleans()):
            doc.write("  " if draw(st.booleans()) else "")
        if draw(st.integers(0, 4)) == 0:  # a dotted key: name.sub = value
            sub, sub_written = draw(key())
            doc.mark(prefix + (name,), written)
            doc.write(written + "." if draw(st.booleans()) else written + " . ")
            doc.mark(prefix + (name, sub), sub_written)
            doc.write(sub_written + " = ")
            write_value(draw, doc, prefix + (name, sub), 1)
        else:
            doc.mark(prefix + (name,), written)
            doc.write(written + " = ")
            write_value(draw, doc, prefix + (name,), 1)
        if draw(st.booleans()):
            doc.write("  # comment = [x]")
        doc.write(doc.nl)
        if draw(st.booleans()):
            doc.write(doc.nl)


@st.composite
def document(draw):
    doc = Doc(draw(st.sampled_from(["\n", "\r\n"])))
    if draw(st.booleans()):
        doc.write("# A record." + doc.nl)
    write_keyvals(draw, doc, ())
    used = {p[0] for p in doc.expect}
    tables = [k for k in unique_keys(draw, 0, 3) if k[0] not in used]
    for name, written in tables:
        if draw(st.booleans()):  # [[array of tables]]
            for i in range(draw(st.integers(1, 3))):
                doc.mark((name,), "[[")
                doc.mark((name, i), "[[")
                doc.write(f"[[{written}]]{doc.nl}")
                write_keyvals(draw, doc, (name, i))
        else:
            doc.mark((name,), "[")
            doc.write(f"[ {written} ]{doc.nl}" if draw(st.booleans()) else f"[{written}]{doc.nl}")
            write_keyvals(draw, doc, (name,))
    return doc


def paths(value, prefix=()):
    """Every key path and array-element path in parsed TOML data."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield prefix + (k,)
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix + (i,)
            yield from paths(v, prefix + (i,))


# ----------------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_every_key_path_points_at_its_text(doc):
    text = doc.text
    data = tomli.loads(text)  # the generator writes valid TOML only
    found = locate(text)
    for path in paths(data):
        assert path in found, (path, text)
        offset, snippet = doc.expect[path]
        line, col = found[path]
        assert offset_of(text, line, col) == offset, (path, found[path], line_col(text, offset), text)
        assert text.startswith(snippet, offset)
    assert duplicates(text) == []


@given(st.text(max_size=200))
def test_locate_never_fails_on_any_text(text):
    assert isinstance(locate(text), dict)
    assert isinstance(duplicates(text), list)
    state, where = open_at(text, len(text))
    assert state in ("string", "brackets") and isinstance(where, list)


@given(st.text(max_size=80), st.data())
def test_line_col_and_offset_of_are_inverse(text, data):
    offset = data.draw(st.integers(0, len(text)))
    assert offset_of(text, *line_col(text, offset)) == offset


# ----------------------------------------------------------------------------------- examples

RECORD = '''type = "archival-document"
title = "Concerning a Peace Settlement in Kashgar"
"date" = 1937-04-04
author = [
  "Gary Goldberg",  # translator, really
  { family = "Ma", given = "Zhongying", family_first = true },
]

[archive]
levels = { fond = "17", opis = "162",
           delo = "20", list = "99" }

[[provenance]]
event = "obtained"

[[provenance]]
event = "translated"
by = ["Gary Goldberg"]
'''


def test_positions_in_a_record():
    p = locate(RECORD)
    assert p[("type",)] == (1, 1)
    assert p[("date",)] == (3, 1)
    assert p[("author", 0)] == (5, 3)
    assert p[("author", 1)] == (6, 3)
    assert p[("author", 1, "given")] == (6, 20)
    assert p[("archive",)] == (9, 1)
    assert p[("archive", "levels", "opis")] == (10, 25)
    assert p[("archive", "levels", "delo")] == (11, 12)  # a TOML 1.1 inline table over two lines
    assert p[("provenance", 0)] == (13, 1)
    assert p[("provenance", 1)] == (16, 1)
    assert p[("provenance", 1, "by", 0)] == (18, 7)
    assert tomli.loads(RECORD)["archive"]["levels"]["delo"] == "20"


def test_position_falls_back_to_the_nearest_located_ancestor():
    p = locate(RECORD)
    assert position(p, ("archive", "levels", "no-such-level")) == (10, 1)
    assert position(p, ("nothing",)) == (1, 1)
    assert position(p, ()) == (1, 1)


def test_keys_in_a_subtable_of_the_latest_array_element():
    text = "[[provenance]]\nevent = 'a'\n[[provenance]]\nevent = 'b'\n[provenance.extra]\nnote = 'x'\n"
    assert tomli.loads(text)["provenance"][1]["extra"]["note"] == "x"
    assert locate(text)[("provenance", 1, "extra", "note")] == (6, 1)


def test_quoted_keys_with_escapes():
    text = '"a\\"b" = 1\n\'c d\' = 2\n"\\u00e9t\\u00e9" = 3\n'
    assert set(tomli.loads(text)) == {'a"b', "c d", "été"}
    assert locate(text) == {('a"b',): (1, 1), ("c d",): (2, 1), ("été",): (3, 1)}


def test_duplicates_name_both_places():
    text = "title = 'a'\n[archive]\nname = 'x'\n[surrogate]\n[archive]\ntitle = 'b'\n"
    assert duplicates(text) == [(("archive",), (2, 1), (5, 1), "table")]
    assert duplicates("a = 1\nb = 2\na = 3\n") == [(("a",), (1, 1), (3, 1), "key")]
    assert duplicates("x = { a = 1, a = 2 }") == [(("x", "a"), (1, 7), (1, 14), "key")]
    assert duplicates("[[p]]\na = 1\n[[p]]\na = 2\n") == []  # each array element is its own table
    assert duplicates("a.b = 1\na.c = 2\n") == []  # dotted keys may share a prefix


def test_open_at():
    text = 'a = "unclosed\nb = 2\n'
    assert open_at(text, 13) == ("string", [('"', (1, 5))])
    text = "a = [1,\n  [2, 3],\n  {x = 1}\n\n[table]\n"
    assert open_at(text, len(text)) == ("brackets", [("[", (1, 5))])
    assert open_at("a = '''x\n y", 10) == ("string", [("'''", (1, 5))])
    assert open_at("# [ not open\n[t]\na = 1\n", 20) == ("brackets", [])


def test_dates_and_times_do_not_confuse_the_scanner():
    text = "a = 1979-05-27 07:32:00\nb = 1\n"
    assert tomli.loads(text)["a"] == dt.datetime(1979, 5, 27, 7, 32)
    assert locate(text)[("b",)] == (2, 1)
