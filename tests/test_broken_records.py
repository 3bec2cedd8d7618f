"""The broken-record corpus (tests/data/broken/): each file gives exactly the diagnostics listed here.

Lines and columns were worked out by reading each file (1-based; a column counts characters, a tab or a
multi-byte letter as one), not copied from citekit's output: they point at the key, the array element, the
opening quote or bracket, or the character where the text stops being TOML. Every broken file fails
`citekit check` with exit status 1 and no traceback, and the valid records in the same folder still load.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citekit import library, schema
from citekit.archival import LEVELS
from citekit.cli import app
from citekit.toml_io import decode, parse_text

BROKEN = ROOT / "tests" / "data" / "broken"
SHOWN = "tests/data/broken"
VALID = ["valid-cyrillic", "valid-letter"]

E, W = "error", "warning"
LEVEL_LIST = ", ".join(LEVELS)
TYPE_LIST = ", ".join(schema.TYPES)
EVENT_LIST = ", ".join(schema.PROVENANCE_EVENTS)
MISSING_TITLE = ("missing `title` (an archival-document needs one; for a document without a title of its own, "
                 "describe it and add title_is_descriptive = true)")
NO_URL = "surrogate has neither url nor record_id: readers cannot find the copy you read"
MOVE_UP = "belongs at the top of the record, but a key written after [[provenance]] belongs to that table; " \
          "move it above the first [table]"
EMPTY = "empty file: a record needs at least `type` and `title`"
NOT_UTF8 = "not UTF-8 text (byte 0x{:02x}); save the record as UTF-8"

# file -> [(line, column, severity, message)], in the order check sorts them (by line, then column)
EXPECTED: dict[str, list[tuple[int, int, str, str]]] = {
    # -- TOML syntax
    "syntax-unclosed-string.toml": [  # the opening quote of line 2: `title = "` is 8 characters before it
        (2, 9, E, 'TOML syntax: string not closed on the line where it starts: end it with ", or use """ for '
                  "text over several lines")],
    "multiline-unclosed.toml": [  # `summary = ` then the opening """
        (3, 11, E, 'TOML syntax: multi-line string opened here is never closed with """')],
    "syntax-missing-equals.toml": [  # `title ` then the quote where "=" should be
        (2, 7, E, "TOML syntax: expected '=' after a key in a key/value pair")],
    "syntax-bare-word-value.toml": [  # `publisher = ` is 12 characters; S of Stanford
        (3, 13, E, 'TOML syntax: invalid value: text must be in quotation marks ("…")')],
    "capitalised-boolean.toml": [  # `title_is_descriptive = ` is 23 characters
        (3, 24, E, "TOML syntax: invalid value True: write true or false (lower case, no quotation marks)")],
    "syntax-unclosed-header.toml": [  # `[archive` is 8 characters; the "]" is missing at column 9
        (4, 9, E, "TOML syntax: expected ']' at the end of a table declaration")],
    "syntax-unclosed-array.toml": [  # the "[" after `funders = ` on line 3, never closed
        (3, 11, E, "TOML syntax: array opened here is not closed: a ] is missing")],
    "syntax-bad-escape.toml": [  # `notes = "see C:` is 15 characters; the backslash of \D
        (3, 16, E, "TOML syntax: '\\D' is not an escape in a \"string\": write \\\\ for a backslash, or use "
                   "'single quotes' for text without escapes")],
    "syntax-date-feb-30.toml": [  # `date = ` is 7 characters
        (3, 8, E, "TOML syntax: invalid date 1955-02-30: day is out of range for month")],
    "date-month-unquoted.toml": [
        (3, 8, E, 'TOML syntax: invalid date 1950-05: an unquoted date needs a day; write a month in quotation '
                  'marks: "1950-05"')],
    "duplicate-key.toml": [(4, 1, E, "TOML syntax: 'title' is set twice (first on line 2)")],
    "duplicate-table.toml": [
        (10, 1, E, "TOML syntax: table [archive] is declared twice (first on line 4); keep each table's keys "
                   "together under one header")],
    "duplicate-inline-key.toml": [  # the second `fond` of `levels = { fond = "17", opis = "162", fond = …`
        (6, 39, E, "TOML syntax: 'archive.levels.fond' is set twice (first on line 6, column 12)")],
    "deeply-nested.toml": [  # `notes = ` is 8 characters: the outermost "[" of 500
        (4, 9, E, "arrays or inline tables nested too deeply to be a record")],
    # -- not text, or no record at all
    "empty.toml": [(1, 1, E, EMPTY)],
    "whitespace-only.toml": [(1, 1, E, EMPTY)],
    "comments-only.toml": [(1, 1, E, "empty record: a record needs at least `type` and `title`")],
    "binary.toml": [(1, 1, E, "binary file (contains NUL bytes), not a TOML record")],
    "latin1.toml": [(4, 25, E, NOT_UTF8.format(0xF8))],  # `publisher_place = "Troms` is 24 characters
    "stray-byte.toml": [(2, 31, E, NOT_UTF8.format(0xFF))],  # `title = "Mémoire sur la Corée ` is 30 characters
    "two words.toml": [
        (1, 1, E, "record key 'two words' must start with a letter or digit and use only letters, digits, '-', "
                  "'_' and '.' (at most 128 characters)")],
    # -- unknown keys, everywhere
    "unknown-key-top.toml": [(2, 1, E, "unknown key 'titel' (did you mean 'title'?)")],
    "bom-unknown-key.toml": [  # the byte-order mark takes no column
        (1, 1, E, MISSING_TITLE),
        (1, 1, E, "unknown key 'titel' (did you mean 'title'?)")],
    "crlf-unknown-key.toml": [(3, 1, E, "unknown key 'pubisher' (did you mean 'publisher'?)")],
    "unknown-key-archive.toml": [(6, 1, E, "unknown key 'archive.refrence' (did you mean 'reference'?)")],
    "unknown-key-surrogate.toml": [
        (4, 1, W, NO_URL),
        (6, 1, E, "unknown key 'surrogate.link'; [surrogate] may have: name, publisher, record_id, url, uploaded, "
                  "accessed")],
    "unknown-key-provenance.toml": [
        (8, 1, W, "provenance[1] (translated) does not say by whom"),
        (10, 1, E, f"unknown key 'provenance[1].translator': `translator` {MOVE_UP}")],
    "key-after-provenance.toml": [(8, 1, E, f"unknown key 'provenance[0].funders': `funders` {MOVE_UP}")],
    "unknown-name-part.toml": [  # `author = { family = "Khlevniuk", ` is 33 characters
        (3, 34, E, "unknown name part 'author.first' (did you mean 'given'?)")],
    # -- unknown values of a closed list
    "unknown-type.toml": [
        (1, 1, E, f"unknown type 'archive-document' (did you mean 'archival-document'?); expected one of: "
                  f"{TYPE_LIST}")],
    "unknown-event.toml": [
        (5, 1, E, f"unknown event 'translate' (did you mean 'translated'?); expected one of: {EVENT_LIST}")],
    "unknown-level.toml": [  # `levels = { fond = "17", opis = "162", ` is 38 characters, then `dela = "20", `
        (6, 39, E, f"unknown archival level 'dela' (did you mean 'delo'?); known levels: {LEVEL_LIST}"),
        (6, 52, E, f"unknown archival level 'shelf'; known levels: {LEVEL_LIST}")],
    # -- bad dates
    "bad-date-month-13.toml": [(3, 1, E, "date: month 13 is out of range in '1969-13-16'")],
    "bad-date-feb-30-string.toml": [(3, 1, E, "date: day 30 is out of range for 1955-02 in '30 February 1955'")],
    "bad-date-unreadable.toml": [
        (3, 1, E, "date: cannot read date 'late spring 1950': write YYYY-MM-DD, YYYY-MM or YYYY (ca./~ "
                  "approximate, ? uncertain, A/B a range), or keep the printed text in date_as_printed")],
    "bad-date-range-backwards.toml": [(3, 1, E, "date: date range '1953/1950' ends before it starts")],
    # -- missing keys, wrong types
    "missing-type.toml": [(1, 1, E, f"missing `type` (one of: {TYPE_LIST})")],
    "missing-title.toml": [(1, 1, E, MISSING_TITLE)],
    "empty-title.toml": [
        (3, 1, E, "`title` is empty (an archival-document needs one; for a document without a title of its own, "
                  "describe it and add title_is_descriptive = true)")],
    "wrong-type-title.toml": [(2, 1, E, "title must be a string, not an array")],
    "wrong-type-bool.toml": [(3, 1, E, "title_is_descriptive must be true or false, not a string")],
    "wrong-type-date.toml": [(3, 1, E, "date: a date must be a TOML date or a string, not true or false")],
    "wrong-type-archive.toml": [(3, 1, E, "archive must be a table ([archive]), not a string")],
    "wrong-type-provenance.toml": [
        (3, 1, E, "provenance must be an array of tables ([[provenance]]), not a string")],
    "wrong-type-levels.toml": [
        (6, 1, E, 'archive.levels must be a table of level = value, such as { fond = "17", opis = "162" }, not a '
                  "string (the reference as printed goes in archive.reference)")],
    "wrong-type-name.toml": [  # `author = ["Odd Arne Westad", ` is 29 characters: the second element
        (3, 30, E, "author[1] must be a name (a string or a table), not an integer")],
    "name-table-no-family.toml": [  # the second element of the array, indented by two spaces
        (5, 3, E, "editor[1]: a name table needs `family` (a person) or `literal` (an organisation)")],
    "name-unreadable.toml": [
        (3, 1, E, "editor: cannot read name 'Westad, Odd Arne, Jr., III': write \"Family, Given\" or \"Family, "
                  "Given, Jr.\" (an organisation in braces: \"{Name, Inc.}\")")],
    "several-problems.toml": [  # all problems of one file, in order
        (4, 1, E, "date: day 32 is out of range for 1939-08 in '1939-08-32'"),
        (8, 23, E, f"unknown archival level 'drawer'; known levels: {LEVEL_LIST}"),
        (10, 1, W, NO_URL),
        (12, 1, E, "unknown key 'surrogate.acessed' (did you mean 'accessed'?)")],
}


def expected_lines(name: str) -> list[str]:
    return [f"{SHOWN}/{name}:{line}:{col}: {sev}: {msg}" for line, col, sev, msg in EXPECTED[name]]


@pytest.fixture(autouse=True)
def _from_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in messages are shown relative to the working directory


def test_the_corpus_is_large_and_every_file_has_expectations():
    broken = sorted(p.name for p in BROKEN.glob("*.toml") if p.stem not in VALID)
    assert broken == sorted(EXPECTED)
    assert len(broken) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_diagnostics(name):
    diagnostics = library.check([BROKEN.relative_to(ROOT) / name])
    assert [str(d) for d in diagnostics] == expected_lines(name)
    assert any(d.is_error for d in diagnostics)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_exits_1_without_traceback(runner, name):
    result = runner.invoke(app, ["check", f"{SHOWN}/{name}"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for line in expected_lines(name):
        assert line in result.output.splitlines()


def test_check_of_the_whole_folder_reports_every_file_sorted(runner):
    result = runner.invoke(app, ["check", SHOWN])
    assert result.exit_code == 1
    want = [line for name in sorted(EXPECTED) for line in expected_lines(name)]
    got = [line for line in result.output.splitlines() if line.startswith(SHOWN)]
    assert got == want
    errors = sum(sev == E for diags in EXPECTED.values() for _, _, sev, _ in diags)
    assert result.output.splitlines()[-1] == f"{errors} errors, {len(want) - errors} warnings"


def test_valid_records_beside_broken_ones_still_load():
    records, diagnostics = library.load_all(BROKEN)
    assert sorted(r.key for r in records) == VALID
    assert {d.path.rsplit("/", 1)[1] for d in diagnostics if d.is_error} == set(EXPECTED)
    letter = next(r for r in records if r.key == "valid-letter")
    assert letter.archive.level("box") == "5"
    cyrillic = next(r for r in records if r.key == "valid-cyrillic")
    assert [(lv.kind, lv.value) for lv in cyrillic.archive.levels] == [
        ("fond", "17"), ("opis", "162"), ("delo", "20"), ("list", "99")]


def test_list_over_a_mixed_folder_lists_the_good_records(runner):
    result = runner.invoke(app, ["list", "--records", SHOWN, "--json"])
    assert result.exit_code == 1  # some records are broken
    assert "Traceback" not in result.output
    import json

    rows = json.loads(result.stdout)
    assert [row["key"] for row in rows] == VALID
    assert rows[1] == {"key": "valid-letter", "type": "letter", "date": "1939-08-02", "title": ""}


def test_a_real_process_reports_the_corpus_and_exits_1():
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    result = subprocess.run([sys.executable, "-m", "citekit.cli", "check", SHOWN], capture_output=True,
                            text=True, cwd=ROOT, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{SHOWN}/binary.toml:1:1: error: binary file (contains NUL bytes), not a TOML record" in \
        result.stderr.splitlines()
    listed = subprocess.run([sys.executable, "-m", "citekit.cli", "list", "--records", SHOWN], capture_output=True,
                            text=True, cwd=ROOT, env=env)
    assert listed.returncode == 1
    assert [line.split()[0] for line in listed.stdout.splitlines()] == VALID


def test_a_folder_named_like_a_record(tmp_path):
    (tmp_path / "folder.toml").mkdir()
    (tmp_path / "good.toml").write_text('type = "book"\ntitle = "Brothers in Arms"\n', encoding="utf-8")
    diagnostics = library.check([tmp_path])
    assert [(d.path, d.line, d.column, d.message) for d in diagnostics] == [
        (str(tmp_path / "folder.toml"), 0, 0, "is a folder, not a record file")]
    records, _ = library.load_all(tmp_path)
    assert [r.key for r in records] == ["good"]


# ------------------------------------------------------------------------------ robustness, by property

SEED = (ROOT / "records" / "kashgar-1937.toml").read_text(encoding="utf-8")
PIECES = st.sampled_from(['"', "'", "[", "]", "{", "}", "=", ",", ".", "\n", "#", "\\", "[[", "]]", '"""',
                          "1937-02-30", "true", "x", " ", "\x00", "é", "\ufeff", "\r\n", "\t"])


def _valid_outcome(text: str, record, diagnostics) -> None:
    assert all(isinstance(d.message, str) and d.message for d in diagnostics)
    lines = text.count("\n") + 1
    for d in diagnostics:
        assert 1 <= d.line <= lines + 1 and d.column >= 1, (str(d), text)
    if record is None:
        assert any(d.is_error for d in diagnostics)
    else:
        assert not any(d.is_error for d in diagnostics)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED)), st.integers(0, 3), PIECES), max_size=4))
def test_any_edit_of_a_record_gives_diagnostics_never_an_exception(edits):
    text = SEED
    for at, cut, piece in edits:
        at = min(at, len(text))
        text = text[:at] + piece + text[at + cut:]
    decoded, problems = decode(text.encode("utf-8"), "r.toml")
    if decoded is None:
        assert problems and problems[0].is_error
        return
    record, diagnostics = parse_text(decoded, "r.toml", "r")
    _valid_outcome(decoded, record, diagnostics)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_diagnostics_never_an_exception(raw):
    text, problems = decode(raw, "r.toml")
    if text is None:
        assert len(problems) == 1 and problems[0].is_error and problems[0].line >= 1
        return
    record, diagnostics = parse_text(text, "r.toml", "r")
    _valid_outcome(text, record, diagnostics)
