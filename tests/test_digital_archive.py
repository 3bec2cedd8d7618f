"""Digital Archive page import: every field a page prints is recovered exactly, on the corpus pages (real pages
in three layouts, with expected.json copied verbatim from them) and on synthetic pages of our own
(tests/data/pages/, with values written by hand from the page text). The record made from a page renders,
in the ``digital-archive`` style, the page's own suggested citation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from citekit import library
from citekit.formatters import house, series
from citekit.importers import digital_archive as da
from citekit.toml_io import parse_text

PAGES = CORPUS / "digital-archive"
OWN = ROOT / "tests" / "data" / "pages"

# expected.json keys that are not fields of a page a record keeps (what the page was fetched from, how a
# heading was styled, notes written by whoever made the corpus), and so are not scored
NOT_SCORED = {"id", "raw_file", "other_urls", "title_as_displayed_heading", "suggested_citation_label",
              "rights_truncated_in_excerpt", "author_as_described", "author_as_in_title", "contents",
              "funder_line", "translation_credit_as_printed"}


def _import(path: Path, tmp_path: Path):
    report = library.import_text(path.read_text(encoding="utf-8"), str(path), tmp_path, fmt="digital-archive",
                                 dry_run=True)
    assert len(report.texts) == 1, report
    key, text = next(iter(report.texts.items()))
    record, diags = parse_text(text, f"{key}.toml", key)
    assert record is not None, diags
    return record, path.read_text(encoding="utf-8")


def _names(record, event: str) -> str:
    return series([n.display() for ev in record.events(event) for n in ev.by])


def _unquote(text: str) -> str:
    return text.translate(str.maketrans("“”", "\"\""))


def recovered(record, key: str, expected, page_text: str):
    """What the record holds for an expected.json key, in the form the page printed it."""
    a, s = record.archive, record.surrogate
    if key in ("archival_reference", "archival_reference_in_text"):
        return a.reference if a else None
    if key in ("obtained_by", "translated_by", "contributed_by", "transcribed_by"):
        return _names(record, key.removesuffix("_by"))
    if key == "translators_list":
        return [n.display() for n in record.names("translator")]
    if key in ("record_id", "record_id_from_url"):
        return s.record_id or None if s else None
    if key in ("url", "archive_document_url"):
        return s.url or None if s else None
    if key == "date":
        return house.date_text(record.date)
    if key == "original_uploaded_date":
        return s.uploaded.iso() if s and s.uploaded else None
    if key in ("original_classification", "original_classification_in_text"):
        return record.classification or None
    if key == "rights_as_printed":
        return record.rights
    if key == "funders":
        return list(record.funders)
    if key == "author":
        return [n.display() for n in record.authors]
    if key == "type":
        return record.genre.capitalize()
    if key == "source_line_as_printed":
        return f"{a.reference} {house.credit_sentence(record.provenance)}"
    if key == "suggested_citation":
        return _unquote(house.cite(record))
    return getattr(record, key)


def _score(cases, tmp_path):
    tried, passed, failures = 0, 0, []
    per_field: dict[str, list[int]] = {}
    for path, expected in cases:
        record, text = _import(path, tmp_path)
        for key, want in expected.items():
            if key in NOT_SCORED:
                continue
            if key in ("url",) and want not in text:
                continue  # the address the page was saved from, not printed on it
            if key == "suggested_citation":
                want = _unquote(want)
            got = recovered(record, key, want, text)
            tried += 1
            ok = got == want
            passed += ok
            per_field.setdefault(key, [0, 0])
            per_field[key][0] += ok
            per_field[key][1] += 1
            if not ok:
                failures.append(f"{path.name}: {key}: expected {want!r}, got {got!r}")
    return tried, passed, failures, per_field


def _corpus_cases():
    entries = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    return [(PAGES / e["raw_file"], e) for e in entries]


def _seed_case():
    # the seed page has no entry in expected.json: its facts are those the shipped record states (every one
    # printed on the page), written here as the page prints them
    return (PAGES / "kashgar-1937.txt", {
        "title": "Concerning a Peace Settlement in Kashgar", "date": "April 4, 1937",
        "archival_reference": "RGASPI F.17 op. 162, d. 20 l. 99.", "obtained_by": "Jamil Hasanli",
        "translated_by": "Gary Goldberg", "funders": ["MacArthur Foundation"],
        "source_line_as_printed": "RGASPI F.17 op. 162, d. 20 l. 99. Obtained by Jamil Hasanli and translated by "
                                  "Gary Goldberg.",
        "summary": "The Politburo orders both the governor of Kashgar and Cde. Smirnov to appeal to Mamut to resolve "
                   "his disputes with the Urumqi government peacefully. In the event that Mamut begins conducting "
                   "military opeartions against the Urumqi government, the Politburo orders Cdes. Frinovsky and "
                   "Uritsky to prepare a plan of military measures against the Uighur division.",
        "record_id": None, "original_uploaded_date": None, "original_classification": None,
    })


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared corpus not present")
def test_corpus_pages_every_field_recovered_exactly(tmp_path, capsys):
    tried, passed, failures, per_field = _score(_corpus_cases() + [_seed_case()], tmp_path)
    with capsys.disabled():
        print(f"\ndigital-archive corpus: {passed}/{tried} expected fields recovered exactly "
              f"({100 * passed / tried:.1f}%)")
        for key, (ok, n) in sorted(per_field.items()):
            print(f"  {key:34} {ok}/{n}")
    assert tried >= 60
    assert not failures, "\n".join(failures)


def test_own_pages_every_field_recovered_exactly(tmp_path, capsys):
    cases = [(OWN / e["raw_file"], e) for e in json.loads((OWN / "expected.json").read_text(encoding="utf-8"))]
    tried, passed, failures, _ = _score(cases, tmp_path)
    with capsys.disabled():
        print(f"\ndigital-archive synthetic pages: {passed}/{tried} fields recovered exactly")
    assert tried >= 50
    assert not failures, "\n".join(failures)


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared corpus not present")
def test_truncated_copy_of_a_page_gives_what_it_shows(tmp_path):
    record, _ = _import(PAGES / "page-002-copy2.txt", tmp_path)
    assert record.title == "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"
    assert house.date_text(record.date) == "February 26, 1955"
    assert record.archive is None and not record.summary  # the copy stops in the text: nothing invented


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize("entry", [e for e in json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
                                   if "suggested_citation" in e] if PAGES.is_dir() else [],
                         ids=lambda e: e["raw_file"])
def test_house_style_reproduces_the_pages_suggested_citation(entry, tmp_path, runner):
    from citekit.cli import app

    folder = tmp_path / "records"
    result = runner.invoke(app, ["import", str(PAGES / entry["raw_file"]), "--from", "digital-archive",
                                 "--records", str(folder), "--key", "doc"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["cite", "doc", "--style", "digital-archive", "--records", str(folder)])
    assert result.exit_code == 0, result.output
    assert _unquote(result.stdout.strip()) == _unquote(entry["suggested_citation"])


# ------------------------------------------------------------------------------- grammar, one by one


@pytest.mark.parametrize("line,reference,credits", [
    ("RGASPI F.17 op. 162, d. 20 l. 99. Obtained by Jamil Hasanli and translated by Gary Goldberg.",
     "RGASPI F.17 op. 162, d. 20 l. 99.",
     [(("obtained",), ("Jamil Hasanli",), ""), (("translated",), ("Gary Goldberg",), "")]),
    ("MOL, XIX-J-1-j Korea, 4. doboz, 5/a, 004076/ 1955. Translated for NKIDP by Balazs Szalontai.",
     "MOL, XIX-J-1-j Korea, 4. doboz, 5/a, 004076/ 1955.",
     [(("translated",), ("Balazs Szalontai",), "NKIDP")]),
    ("SAPMO-BArch, DY 30/3386. Obtained and translated by Bernd Schaefer.", "SAPMO-BArch, DY 30/3386.",
     [(("obtained", "translated"), ("Bernd Schaefer",), "")]),
    ("Archive X, file 3. Contributed, transcribed, and translated by A. B. Smith, C. Jones, and D. Lee.",
     "Archive X, file 3.",
     [(("contributed", "transcribed", "translated"), ("A. B. Smith", "C. Jones", "D. Lee"), "")]),
    ("PRC FMA 106-01403-02, 35. Translated by Jeffrey Wang and Charles Kraus.", "PRC FMA 106-01403-02, 35.",
     [(("translated",), ("Jeffrey Wang", "Charles Kraus"), "")]),
    ("AVPRF, f. 0102, op. 9, d. 8. Obtained by James F. Person for NKIDP and translated by Gary Goldberg.",
     "AVPRF, f. 0102, op. 9, d. 8.",
     [(("obtained",), ("James F. Person",), "NKIDP"), (("translated",), ("Gary Goldberg",), "")]),
    ("AAN, KC PZPR, 237/XXII-512. Obtained by Li Wen for CWIHP.", "AAN, KC PZPR, 237/XXII-512.",
     [(("obtained",), ("Li Wen",), "CWIHP")]),
    ("Archive Y. Obtained by A. Person. Translated by B. Person.", "Archive Y.",
     [(("obtained",), ("A. Person",), ""), (("translated",), ("B. Person",), "")]),
    ("APRF, Fond 45, Opis 1, Delo 336, List 5", "APRF, Fond 45, Opis 1, Delo 336, List 5", []),
])
def test_source_line_grammar(line, reference, credits):
    ref, credit_text = da.split_source(line)
    assert ref == reference
    parsed, leftover = da.parse_credits(credit_text) if credit_text else ([], "")
    assert [(c.events, c.names, c.for_) for c in parsed] == credits
    assert leftover == ""


def test_credit_line_with_extra_sentence_keeps_it():
    parsed, leftover = da.parse_credits("Obtained by Jamil Hasanli. Original in Russian.")
    assert [c.names for c in parsed] == [("Jamil Hasanli",)]
    assert leftover == "Original in Russian."


@pytest.mark.parametrize("line,funders", [
    ("MacArthur Foundation", ["MacArthur Foundation"]),
    ("Kyungnam University and the Institute for Korean Studies, Ohio State University",
     ["Kyungnam University", "the Institute for Korean Studies, Ohio State University"]),
    ("A Foundation, B Trust and C Fund", ["A Foundation", "B Trust", "C Fund"]),
    ("A Foundation, B Trust, and C Fund.", ["A Foundation", "B Trust", "C Fund"]),
    ("the John D. and Catherine T. MacArthur Foundation", ["the John D. and Catherine T. MacArthur Foundation"]),
    ("the Bill and Melinda Gates Foundation and the Korea Foundation",
     ["the Bill and Melinda Gates Foundation", "the Korea Foundation"]),
])
def test_funder_lists(line, funders):
    assert da._split_funders(line) == funders


def test_labels_empty_twice_and_inline(tmp_path):
    text = ("Skip to content\n\nMay 1, 1950\n\nA Test Memorandum\n\nBody one.\n\n\nBody two.\n\nThe summary.\n\n"
            "Document Information\n\nRecord ID\n\n\nOriginal Classification:  Secret\n\nRecord ID\n\n4411\n\n"
            "Record ID\n\n4412\n")
    page = da.read_page(text, "p.txt")
    assert page.values["record_id"] == "4411"  # an empty label is empty; the first value printed wins
    assert page.values["classification"] == "Secret"
    assert any("printed twice" in d.message and d.line == 27 for d in page.diagnostics)


def test_hidden_email_in_html_is_decoded_and_in_text_is_kept_with_a_warning():
    html_page = (OWN / "current-site.html").read_text(encoding="utf-8")
    assert "archive-rights@example.org" in da.read_page(html_page).values["rights"]
    page = da.read_page("Skip to content\n\nMay 1, 1950\n\nT\n\nDocument Information\n\nRights\n\n"
                        "Reuse is welcome; contact [email\u00a0protected] about copyright.\n", "p.txt")
    assert page.values["rights"] == "Reuse is welcome; contact [email\u00a0protected] about copyright."
    data, diags = da.page_record(page)
    assert data["rights"] == "Reuse is welcome; contact [email protected] about copyright."
    assert any("hides an e-mail" in d.message for d in diags)


def test_not_a_page_gives_a_located_error(tmp_path):
    report = library.import_text("just some words\n", "notes.txt", tmp_path, fmt="digital-archive")
    assert not report.written and report.skipped
    assert any(d.is_error and d.path == "notes.txt" and "no title" in d.message for d in report.diagnostics)


def test_import_from_standard_input_dry_run_and_key(runner, tmp_path):
    from citekit.cli import app

    text = (OWN / "old-get-citation.txt").read_text(encoding="utf-8")
    folder = tmp_path / "records"
    result = runner.invoke(app, ["import", "-", "--from", "digital-archive", "--records", str(folder), "--dry-run"],
                           input=text)
    assert result.exit_code == 0, result.output
    assert "would write" in result.stdout and not folder.exists()
    result = runner.invoke(app, ["import", "-", "--from", "digital-archive", "--records", str(folder),
                                 "--key", "mikoyan-1956"], input=text)
    assert result.exit_code == 0, result.output
    assert (folder / "mikoyan-1956.toml").is_file()
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 0, result.output


def test_format_is_detected_without_from(tmp_path):
    report = library.import_text((OWN / "pdf-export.txt").read_text(encoding="utf-8"), "page.txt", tmp_path,
                                 dry_run=True)
    assert len(report.written) == 1


# --------------------------------------------------------------------------------------- robustness

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "Skip to content", "April 4, 1937", "Document Information", "Record ID", "Source", "Rights", "Summary:",
    "Citation:", "get citation", "Original Classification", "Obtained by", "and translated by", "for NKIDP",
    "This document was made possible with support from", "“", "”", '"', ",", ".", "[", "]", "<p>", "</p>",
    "<dt>", "<dd>", "<html>", "https://digitalarchive.wilsoncenter.org/document/1", "RGASPI F.17 op. 162",
    "History and Public Policy Program Digital Archive", "\n", "\n\n", "\n\n\n", " ", "\u00a0", "Gary Goldberg",
    "[email protected]", "Top Secret", "1950", "&amp;", "<a data-cfemail=\"zz\">x</a>",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40))
def test_any_text_gives_data_or_a_diagnostic_never_an_exception(pieces):
    text = "".join(pieces)
    entries = da.parse(text, "page.txt")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.data is not None or any(d.is_error for d in entry.diagnostics)
    # and the whole import path (validation of what was read) reports rather than raises
    report = library.import_text(text, "page.txt", Path("no-such-records-folder"), fmt="digital-archive",
                                 dry_run=True)
    assert len(report.written) + len(report.skipped) == 1


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared corpus not present")
def test_every_corpus_page_is_recognised_without_from():
    for path in sorted(PAGES.glob("*.txt")):
        assert da.detect(path.read_text(encoding="utf-8"), ".txt"), path.name


def test_other_formats_are_not_taken_for_pages():
    assert not da.detect('@book{x, title = {Digital Archive}}', ".bib")
    assert not da.detect('[{"id": "x", "title": "Document Information"}]', ".json")
    assert not da.detect("April 4, 1937\nSome notes\n", ".txt")
