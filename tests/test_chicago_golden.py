"""Chicago renderings of the shipped archival records against golden files written by hand from CMOS 18.

Each tests/golden/<key>/chicago.toml gives the expected note, short note, bibliography entry, place-first
note, author-date reference entry and in-text citation, with the CMOS rule for each in a comment. The
reference CSL processor is wrong for archival material (see tests/data/chicago/KNOWN_DIFFERENCES.md), so
it is not used here.
"""

from __future__ import annotations

import tomllib

import pytest
from conftest import RECORDS, ROOT

from citekit.formatters.chicago.api import style
from citekit.library import load_all

author_date = style("chicago-author-date")
notes = style("chicago-notes")
notes_place_first = style("chicago-notes-place-first")

GOLDEN = ROOT / "tests" / "golden"
ALL, _ = load_all(RECORDS)
ARCHIVAL = [r for r in ALL if r.archive or r.type == "archival-document"]


def test_every_archival_record_shipped_has_a_golden_file():
    missing = [r.key for r in ARCHIVAL if not (GOLDEN / r.key / "chicago.toml").is_file()]
    assert not missing, f"write tests/golden/<key>/chicago.toml for {missing}"
    assert {"kashgar-1937", "filippov-mao-1950", "sudarikov-heo-dam-1969"} <= {r.key for r in ARCHIVAL}


FORMS = {
    "note": (notes, "note"),
    "short": (notes, "short"),
    "bib": (notes, "bib"),
    "note_place_first": (notes_place_first, "note"),
    "author_date_bib": (author_date, "bib"),
    "in_text": (author_date, "in-text"),
}
CASES = [(r, name) for r in ARCHIVAL if (GOLDEN / r.key / "chicago.toml").is_file() for name in FORMS]


@pytest.mark.parametrize("record,name", CASES, ids=[f"{r.key}:{n}" for r, n in CASES])
def test_golden(record, name):
    golden = tomllib.loads((GOLDEN / record.key / "chicago.toml").read_text(encoding="utf-8"))
    module, form = FORMS[name]
    assert module.cite(record, form=form) == golden[name]


def test_locator_replaces_the_leaf():
    golden = tomllib.loads((GOLDEN / "kashgar-1937" / "chicago.toml").read_text(encoding="utf-8"))
    record = next(r for r in ARCHIVAL if r.key == "kashgar-1937")
    assert notes.cite(record, form="note", locator=golden["locator"]) == golden["note_with_locator"]
    # the example of a short note (DESIGN.md §3): short title and pinpoint
    assert notes.cite(record, form="short", locator="l. 99") == "\u201cPeace Settlement in Kashgar,\u201d l. 99."


def test_descriptive_titles_are_never_quoted_in_any_markup():
    record = next(r for r in ARCHIVAL if r.key == "kim-sung-hwa-ivanov-1956")
    for markup in ("text", "html", "markdown"):
        assert "Memorandum of Conversation" in notes.cite(record, form="note", markup=markup)
        assert "\u201cMemorandum" not in notes.cite(record, form="note", markup=markup)
