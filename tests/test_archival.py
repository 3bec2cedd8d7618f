"""Archival references as printed, read into levels.

Expected levels follow the conventions of DESIGN.md §3, not the parser: the Russian hierarchy fond (f.),
opis (op.), delo (d.), list (l., plural ll.; verso "ob."), in Latin or Cyrillic spelling and whatever the
capitalisation ("F.17", "Fond 5", "fond 5", "ф. 17"); Ukrainian sprava for delo; US record group / entry /
box / folder; UK class and piece ("FO 371/12345"); the Hungarian fond, country series, box ("4. doboz"),
registry-plan file (tétel, "5/a") and document registry number ("004076/1955"); Chinese archive file
numbers with a page. A leading abbreviation or a full name before the levels is the repository. Ranges
take an en dash (CMOS 18 6.83); "99 ob." is normalised to "99ob.".
"""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS

from citekit.archival import format_levels, parse_reference
from citekit.model import Level
from citekit.validate import build_record

RU = ("fond", "opis", "delo", "list")


def ru(*values):
    return [(k, v) for k, v in zip(RU, values, strict=False)]


CASES = [
    # (printed, repository, levels)
    # -- every form in corpus/digital-archive
    ("RGASPI F.17 op. 162, d. 20 l. 99", "RGASPI", ru("17", "162", "20", "99")),
    ("RGANI, Fond 5, Opis 28, Delo 410, List 210.", "RGANI", ru("5", "28", "410", "210")),
    ("RGANI: fond 5, opis 61, delo 462, listy 71-74.", "RGANI", ru("5", "61", "462", "71–74")),
    ("APRF, Fond 45, Opis 1, Delo 336, List 5", "APRF", ru("45", "1", "336", "5")),
    ("MOL, XIX-J-1-j Korea, 4. doboz, 5/a, 004076/ 1955.", "MOL",
     [("jelzet", "XIX-J-1-j"), ("group", "Korea"), ("doboz", "4"), ("tetel", "5/a"),
      ("registry_number", "004076/1955")]),
    ("[Галузевий Архів Міністерства закордонних справ України, Фонд 1, Справа 7057]",
     "Галузевий Архів Міністерства закордонних справ України", [("fond", "1"), ("sprava", "7057")]),
    ("PRC FMA 106-01403-02, 35.", "PRC FMA", [("call_number", "106-01403-02"), ("page", "35")]),
    # -- Russian forms
    ("f. 17, op. 162, d. 20, l. 99", "", ru("17", "162", "20", "99")),
    ("RGASPI, f. 17, op. 162, d. 20, l. 5 ob.", "RGASPI", ru("17", "162", "20", "5ob.")),
    ("f. 17, op. 162, d. 20, l. 5об.", "", ru("17", "162", "20", "5ob.")),
    ("f. 17, op. 162, d. 20, ll. 12-14", "", ru("17", "162", "20", "12–14")),
    ("f. 17, op. 162, d. 20, ll. 12–14", "", ru("17", "162", "20", "12–14")),
    ("f. 17, op. 162, d. 20, ll. 5, 7", "", ru("17", "162", "20", "5, 7")),
    ("ф. 17, оп. 162, д. 20, л. 99", "", ru("17", "162", "20", "99")),
    ("РГАСПИ. Ф. 17. Оп. 162. Д. 20. Л. 99", "РГАСПИ", ru("17", "162", "20", "99")),
    ("GARF, f. R-5446, op. 1, d. 5, l. 3", "GARF", ru("R-5446", "1", "5", "3")),
    ("f. R-5446", "", [("fond", "R-5446")]),
    ("ГАРФ, ф. Р-5446, оп. 1а, д. 5", "ГАРФ", ru("Р-5446", "1а", "5")),
    # -- US
    ("RG 59, Entry 1234, Box 5, Folder 3", "", [("record_group", "59"), ("entry", "1234"), ("box", "5"),
                                                ("folder", "3")]),
    ("NARA, RG 59, Entry A1 5, Box 12, Folder 3", "NARA", [("record_group", "59"), ("entry", "A1 5"),
                                                           ("box", "12"), ("folder", "3")]),
    ("Record Group 59, box 4219", "", [("record_group", "59"), ("box", "4219")]),
    ("Hoover Institution Archives, Box 3, Folder 7", "Hoover Institution Archives", [("box", "3"),
                                                                                      ("folder", "7")]),
    # -- UK
    ("FO 371/12345", "", [("class", "FO 371"), ("piece", "12345")]),
    ("TNA FO 371/12345", "TNA", [("class", "FO 371"), ("piece", "12345")]),
    ("TNA, FO 371/12345", "TNA", [("class", "FO 371"), ("piece", "12345")]),
    ("The National Archives, FO 371/84081", "The National Archives", [("class", "FO 371"), ("piece", "84081")]),
]


@pytest.mark.parametrize("printed,repository,levels", CASES, ids=[c[0] for c in CASES])
def test_parse_reference(printed, repository, levels):
    ref = parse_reference(printed)
    assert ref.unparsed == ()
    assert ref.repository == repository
    assert [(lv.kind, lv.value) for lv in ref.levels] == levels


def test_every_reference_printed_in_the_corpus_is_read_completely():
    entries = json.loads((CORPUS / "digital-archive" / "expected.json").read_text(encoding="utf-8"))
    printed = [e.get("archival_reference") or e.get("archival_reference_in_text") for e in entries]
    printed = [p for p in printed if p]
    assert len(printed) >= 6
    for text in printed:
        ref = parse_reference(text)
        assert ref.unparsed == () and ref.levels, text


UNPARSED = [
    # what the parser cannot read comes back verbatim, with what it could
    ("frob 5, xyz", "", [], ("frob 5", "xyz")),
    ("RG 59, Central Decimal File 1950-54, box 4219", "", [("record_group", "59"), ("box", "4219")],
     ("Central Decimal File 1950-54",)),
    ("RGASPI f. 17, op. 162, shelf 3", "RGASPI", [("fond", "17"), ("opis", "162")], ("shelf 3",)),
    ("Politburo minutes of 4 April 1937", "", [], ("Politburo minutes of 4 April 1937",)),
]


@pytest.mark.parametrize("printed,repository,levels,unparsed", UNPARSED, ids=[c[0] for c in UNPARSED])
def test_unparsed_parts_are_kept(printed, repository, levels, unparsed):
    ref = parse_reference(printed)
    assert ref.repository == repository
    assert [(lv.kind, lv.value) for lv in ref.levels] == levels
    assert ref.unparsed == unparsed
    assert not ref.complete


@pytest.mark.parametrize("text", ["", "   ", "[]", "."])
def test_nothing_to_read(text):
    ref = parse_reference(text)
    assert (ref.repository, ref.levels, ref.unparsed) == ("", (), ())


FORMATTED = [
    # DESIGN.md §3: "write them as f. 17, op. 162, d. 20, l. 99"; plural label for ranges and lists
    (ru("17", "162", "20", "99"), "f. 17, op. 162, d. 20, l. 99"),
    (ru("5", "61", "462", "71–74"), "f. 5, op. 61, d. 462, ll. 71–74"),
    (ru("17", "162", "20", "5, 7"), "f. 17, op. 162, d. 20, ll. 5, 7"),
    (ru("17", "162", "20", "5ob., 6"), "f. 17, op. 162, d. 20, ll. 5ob., 6"),
    (ru("17", "162", "20", "5ob."), "f. 17, op. 162, d. 20, l. 5ob."),
    ([("class", "FO 371"), ("piece", "12345")], "FO 371/12345"),
    ([("record_group", "59"), ("entry", "A1 5"), ("box", "12"), ("folder", "3")],
     "RG 59, entry A1 5, box 12, folder 3"),
    ([("doboz", "4"), ("tetel", "5/a"), ("registry_number", "004076/1955")], "4. doboz, 5/a, 004076/1955"),
    ([("call_number", "106-01403-02"), ("page", "35")], "106-01403-02, p. 35"),
]


@pytest.mark.parametrize("levels,text", FORMATTED, ids=[t for _, t in FORMATTED])
def test_format_levels(levels, text):
    assert format_levels([Level(k, v) for k, v in levels]) == text


def _archive(archive: dict):
    return build_record("k", {"type": "archival-document", "title": "T", "archive": archive}, "k.toml")


def test_levels_come_from_the_reference_when_not_given():
    record, diagnostics = _archive({"reference": "RGANI: fond 5, opis 61, delo 462, listy 71-74."})
    assert diagnostics == []
    a = record.archive
    assert a.levels_parsed and a.abbreviation == "RGANI"
    assert [(lv.kind, lv.value) for lv in a.levels] == ru("5", "61", "462", "71–74")
    assert a.reference == "RGANI: fond 5, opis 61, delo 462, listy 71-74."  # kept exactly as printed


def test_given_levels_win_over_the_reference():
    record, _ = _archive({"abbreviation": "RGASPI", "reference": "RGASPI F.17 op. 162, d. 20 l. 99",
                          "levels": {"fond": "17", "opis": "162", "delo": "20", "list": "99ob."}})
    assert not record.archive.levels_parsed
    assert record.archive.level("list") == "99ob."


def test_an_unreadable_reference_is_a_warning_not_an_error():
    record, diagnostics = _archive({"name": "Archive of the Ministry", "reference": "frob 5, xyz"})
    assert record is not None
    assert [(d.severity, d.message) for d in diagnostics] == [
        ("warning", "could not read 'frob 5', 'xyz' in the archival reference; it is kept as printed (give "
                    "archive.levels to say what each part is)")]
    assert record.archive.reference == "frob 5, xyz"


def test_a_named_collection_before_the_levels_is_a_level_when_the_repository_is_named():
    record, diagnostics = _archive({"name": "Hoover Institution Archives",
                                    "reference": "Boris Nicolaevsky Collection, Series 2, reel 5"})
    assert diagnostics == []
    assert [(lv.kind, lv.value) for lv in record.archive.levels] == [
        ("collection", "Boris Nicolaevsky Collection"), ("series", "2"), ("reel", "5")]
    record, _ = _archive({"abbreviation": "RGASPI", "reference": "RGASPI F.17 op. 162, d. 20 l. 99"})
    assert [lv.kind for lv in record.archive.levels] == list(RU)  # the repository itself is no level
