"""`citekit cite` and `citekit export` with the Chicago styles, through the command line."""

from __future__ import annotations

import json
import tomllib

from conftest import RECORDS, ROOT

from citekit.cli import app

ITEMS = ROOT / "tests" / "data" / "chicago" / "items"
KASHGAR = tomllib.loads((ROOT / "tests" / "golden" / "kashgar-1937" / "chicago.toml").read_text(encoding="utf-8"))


def test_cite_kashgar_prints_the_full_note_by_default(runner):
    result = runner.invoke(app, ["cite", "kashgar-1937", "--records", str(RECORDS)])
    assert result.exit_code == 0, result.output
    assert result.output == KASHGAR["note"] + "\n"


def test_cite_forms_styles_locator_and_json(runner):
    args = ["--records", str(RECORDS)]
    short = runner.invoke(app, ["cite", "kashgar-1937", "--form", "short", *args])
    assert short.output == KASHGAR["short"] + "\n"
    pf = runner.invoke(app, ["cite", "kashgar-1937", "--style", "chicago-notes-place-first", *args])
    assert pf.output == KASHGAR["note_place_first"] + "\n"
    loc = runner.invoke(app, ["cite", "kashgar-1937", "--locator", KASHGAR["locator"], *args])
    assert loc.output == KASHGAR["note_with_locator"] + "\n"
    both = runner.invoke(app, ["cite", "kashgar-1937", "sudarikov-heo-dam-1969", "--style", "chicago-author-date",
                               "--form", "in-text", "--json", *args])
    assert json.loads(both.output) == [{"key": "kashgar-1937", "text": KASHGAR["in_text"]},
                                       {"key": "sudarikov-heo-dam-1969", "text": "(Sudarikov 1969)"}]


def test_a_form_the_style_lacks_is_a_usage_error(runner):
    result = runner.invoke(app, ["cite", "kashgar-1937", "--style", "chicago-author-date", "--form", "short",
                                 "--records", str(RECORDS)])
    assert result.exit_code != 0
    assert "no form 'short'" in result.output and "Traceback" not in result.output


def test_markups(runner):
    args = ["cite", "gaddis-2005", "--records", str(ITEMS), "--markup"]
    # expected strings: the oracle's note for gaddis-2005 (tests/data/chicago/expected.json), in each markup
    assert runner.invoke(app, [*args, "html"]).output == \
        "John Lewis Gaddis, <i>The Cold War: A New History</i> (Penguin Press, 2005).\n"
    assert runner.invoke(app, [*args, "markdown"]).output == \
        "John Lewis Gaddis, *The Cold War: A New History* (Penguin Press, 2005).\n"
    assert runner.invoke(app, [*args, "latex"]).output == \
        "John Lewis Gaddis, \\emph{The Cold War: A New History} (Penguin Press, 2005).\n"
    king = runner.invoke(app, ["cite", "king-1958", "--records", str(ITEMS), "--markup", "latex", "--form", "bib"])
    assert king.output == "King, Martin Luther, Jr. \\emph{Stride toward Freedom: The Montgomery Story}. " \
                          "Harper \\& Brothers, 1958.\n"
    rtf = runner.invoke(app, ["cite", "courtois-1999", "--records", str(ITEMS), "--markup", "rtf"])
    assert "Courtois" in rtf.output and "\\u233?" in rtf.output and "{\\i The Black Book" in rtf.output


def test_export_sorts_as_cmos_and_leaves_out_unpublished_interviews(runner):
    result = runner.invoke(app, ["export", "--records", str(ITEMS), "--json"])
    assert result.exit_code == 0, result.output
    keys = [item["key"] for item in json.loads(result.output)]
    assert keys[:4] == ["akhmatova-1990", "armstrong-1999", "beauvoir-2010", "duboistz-2019"]  # Bois under B
    assert keys.index("chen-1992") < keys.index("cmos-2024") < keys.index("cwric-1982")  # "The" ignored
    assert "hershberg-2004" not in keys and "adams-1776" not in keys  # CMOS 14.111
    text = runner.invoke(app, ["export", "--records", str(ITEMS)]).output
    assert text.splitlines()[0].startswith("Akhmatova, Anna. ") and len(text.splitlines()) == len(keys)
    ad = runner.invoke(app, ["export", "--records", str(ITEMS), "--style", "chicago-author-date", "--json"])
    ad_keys = [item["key"] for item in json.loads(ad.output)]
    # author-date: one author's works by year, undated last (CMOS 13.112)
    assert ad_keys.index("wilson-nkidp-2024") < ad_keys.index("cwihp-about-nd")
    assert keys.index("cwihp-about-nd") < keys.index("wilson-nkidp-2024")  # notes: by title (14.67)


def test_export_of_the_shipped_records_as_html(runner, tmp_path):
    out = tmp_path / "bib.html"
    result = runner.invoke(app, ["export", "--records", str(RECORDS), "--markup", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith('<div class="csl-bib-body">') and html.count('<div class="csl-entry">') >= 10
    again = runner.invoke(app, ["export", "--records", str(RECORDS), "--markup", "html", "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output


def test_an_authors_own_works_come_before_those_the_same_person_edited(runner):
    # CMOS 14.71 (17th ed.): single author before editor; records/ has Westad as author and as editor
    result = runner.invoke(app, ["export", "--records", str(RECORDS), "--json"])
    keys = [item["key"] for item in json.loads(result.output)]
    assert keys.index("westad-paradigms-2000") < keys.index("westad-brothers-in-arms-1998")
