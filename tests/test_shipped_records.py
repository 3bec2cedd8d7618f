"""The shipped records are valid, and the seed carries every fact of its page."""

from __future__ import annotations

from conftest import RECORDS

from citekit import library


def test_shipped_records_have_no_errors():
    diagnostics = library.check([RECORDS])
    assert [str(d) for d in diagnostics if d.is_error] == []


def test_shipped_records_cover_the_types_later_commands_need():
    records, _ = library.load_all(RECORDS)
    types = {r.type for r in records}
    assert {"archival-document", "letter", "book", "edited-volume", "article-journal"} <= types
    assert len(records) >= 6


def test_seed_record_holds_the_page_facts():
    r, _ = library.load_one(RECORDS, "kashgar-1937")
    assert r.title == "Concerning a Peace Settlement in Kashgar"
    assert r.date.iso() == "1937-04-04"
    assert r.archive.abbreviation == "RGASPI"
    assert r.archive.reference == "RGASPI F.17 op. 162, d. 20 l. 99"
    assert [(lv.kind, lv.value) for lv in r.archive.levels] == [("fond", "17"), ("opis", "162"), ("delo", "20"),
                                                                ("list", "99")]
    assert [n.display() for n in r.events("obtained")[0].by] == ["Jamil Hasanli"]
    assert [n.display() for n in r.names("translator")] == ["Gary Goldberg"]
    assert r.funders == ("MacArthur Foundation",)
    assert r.surrogate.name == "History and Public Policy Program Digital Archive"
    assert not r.surrogate.url and not r.surrogate.record_id  # the page shows neither
