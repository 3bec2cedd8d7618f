"""Commands that write records (new, import) never lose what the user wrote: writes are atomic and leave
nothing behind when interrupted, existing records are replaced only with --force, and replacing a record
by import keeps its comments, layout and hand-added keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import tomli
from conftest import ROOT

from citekit import library, toml_io
from citekit.cli import app
from citekit.toml_edit import merge_record_text

PAGE = ROOT / "tests" / "data" / "pages" / "old-get-citation.txt"

HAND_WRITTEN = '''\
# My notes on the Mikoyan letter: read in the Warsaw file, March 2024.
type = "archival-document"
title = "Letter from A. Mikoyan to the CC CPSU Presidium"  # the page's title
short_title = "Mikoyan to Presidium"
date = 1956-10-02

# the levels I checked against the inventory
[archive]
abbreviation = "TsKhSD"
reference = "TsKhSD, f. 89, per. 45, dok. 12."

[surrogate]
name = "History and Public Policy Program Digital Archive"

[[provenance]]
event = "obtained"
by = ["Mark Kramer"]  # he found it in 1992
note = "copied in Moscow"
'''


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp")


@pytest.mark.parametrize("where", ["write", "fsync", "rename"])
def test_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, where):
    path = tmp_path / "x.toml"
    path.write_text("old = true\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C at that moment

    if where == "write":
        real_fdopen = os.fdopen

        class Breaking:
            def __init__(self, f):
                self.f = f

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

            def write(self, text):
                self.f.write(text[: len(text) // 2])
                self.f.flush()
                raise KeyboardInterrupt

        monkeypatch.setattr(toml_io.os, "fdopen", lambda *a, **k: Breaking(real_fdopen(*a, **k)))
    elif where == "fsync":
        monkeypatch.setattr(toml_io.os, "fsync", boom)
    else:
        monkeypatch.setattr(toml_io.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        toml_io.write_text_atomic(path, "new = true\n" * 1000, force=True)
    assert path.read_text(encoding="utf-8") == "old = true\n"
    assert _leftovers(tmp_path) == []


def test_interrupted_new_record_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(toml_io.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(library.CitekitError) as e:
        library.new_record(tmp_path, "x", rtype="book", values={"title": "T"})
    assert "cannot write: No space left" in str(e.value)
    assert list(tmp_path.iterdir()) == []


def test_import_refuses_to_replace_without_force(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "mikoyan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["import", str(PAGE), "--from", "digital-archive", "--key", "mikoyan",
                                 "--records", str(folder)])
    assert "exists (use --force to replace it)" in result.output
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN


def test_import_force_keeps_comments_layout_and_hand_added_keys(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "mikoyan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["import", str(PAGE), "--from", "digital-archive", "--key", "mikoyan",
                                 "--records", str(folder), "--force"])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    # every comment the user wrote survives, on its own line or after its value
    for comment in ("# My notes on the Mikoyan letter: read in the Warsaw file, March 2024.",
                    '"  # the page\'s title', "# the levels I checked against the inventory",
                    "  # he found it in 1992"):
        assert comment in text, comment
    data = tomli.loads(text)
    assert data["short_title"] == "Mikoyan to Presidium"  # a key the page does not have: kept
    assert data["provenance"][0] == {"event": "obtained", "by": ["Mark Kramer"], "note": "copied in Moscow"}
    assert data["provenance"][1] == {"event": "translated", "by": ["Svetlana Savranskaya", "Vladislav Zubok"]}
    assert data["surrogate"]["url"] == "https://digitalarchive.wilsoncenter.org/document/114500"  # new value
    assert data["summary"] == "Mikoyan reports on his talks in Warsaw."
    # lines whose value did not change are untouched, character for character
    for line in ('title = "Letter from A. Mikoyan to the CC CPSU Presidium"  # the page\'s title',
                 'date = 1956-10-02', 'abbreviation = "TsKhSD"'):
        assert line in text.splitlines()
    check = runner.invoke(app, ["check", str(path)])
    assert check.exit_code == 0, check.output


def test_import_force_onto_a_broken_file_refuses_and_keeps_it(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "mikoyan.toml"
    broken = 'title = "unterminated\n# my precious notes\n'
    path.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["import", str(PAGE), "--from", "digital-archive", "--key", "mikoyan",
                                 "--records", str(folder), "--force"])
    assert result.exit_code == 1
    assert "mikoyan.toml:1:" in result.output and "cannot be updated in place" in result.output
    assert path.read_text(encoding="utf-8") == broken
    assert _leftovers(folder) == []


@pytest.mark.parametrize("key", ["../escape", "/tmp/abs", ".hidden", "nul", "a/b"])
def test_import_refuses_unsafe_keys(runner, tmp_path, key):
    folder = tmp_path / "records"
    result = runner.invoke(app, ["import", str(PAGE), "--from", "digital-archive", "--key", key,
                                 "--records", str(folder)])
    assert result.exit_code == 1
    assert "record key" in result.output and "Traceback" not in result.output
    assert not any(tmp_path.rglob("*.toml"))


def test_import_refuses_a_key_that_collides_by_case(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "mikoyan.toml").write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["import", str(PAGE), "--from", "digital-archive", "--key", "Mikoyan",
                                 "--records", str(folder), "--force"])
    assert "case-insensitive" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["mikoyan.toml"]


def test_merge_adds_new_keys_after_the_last_key_not_under_a_table_comment():
    old = 'type = "book"\ntitle = "T"\n\n# about the archive\n[archive]\nname = "A"\n'
    new = merge_record_text(old, {"summary": "S", "archive": {"place": "Moscow"}})
    assert new == ('type = "book"\ntitle = "T"\nsummary = "S"\n\n# about the archive\n[archive]\nname = "A"\n'
                   'place = "Moscow"\n')


def test_merge_appends_events_it_cannot_match():
    old = '[[provenance]]\nevent = "obtained"  # first\nby = ["A"]\n'
    new = merge_record_text(old, {"provenance": [{"event": "translated", "by": ["B"]}]})
    assert new == ('[[provenance]]\nevent = "obtained"  # first\nby = ["A"]\n\n'
                   '[[provenance]]\nevent = "translated"\nby = ["B"]\n')


def test_set_changes_fields_in_place_and_keeps_everything_else(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "mikoyan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["set", "mikoyan", "surrogate.url=https://digitalarchive.wilsoncenter.org/document/9",
                                 "title=Letter from Mikoyan", "funders=Fund A; Fund B", "--records", str(folder)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# My notes on the Mikoyan letter: read in the Warsaw file, March 2024."
    assert 'title = "Letter from Mikoyan"  # the page\'s title' in text  # the comment after the value stays
    assert "# the levels I checked against the inventory\n[archive]" in text
    data = tomli.loads(text)
    assert data["surrogate"]["url"] == "https://digitalarchive.wilsoncenter.org/document/9"
    assert data["funders"] == ["Fund A", "Fund B"]
    assert data["provenance"][0]["note"] == "copied in Moscow"
    # apart from the three changed values, the file is as the user wrote it
    old_lines, new_lines = HAND_WRITTEN.splitlines(), text.splitlines()
    assert [ln for ln in old_lines if ln not in new_lines] == [
        'title = "Letter from A. Mikoyan to the CC CPSU Presidium"  # the page\'s title']


@pytest.mark.parametrize("assignment,message", [
    ("date=someday", "cannot read date"),
    ("archive.levels=fnd=3", "unknown archival level 'fnd'"),
    ("titel=x", "did you mean 'title'?"),
    ("title", "write FIELD=VALUE"),
])
def test_set_refuses_what_would_not_validate_and_leaves_the_file(runner, tmp_path, assignment, message):
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "mikoyan.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["set", "mikoyan", assignment, "--records", str(folder)])
    assert result.exit_code == 1 and message in result.output
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
    assert _leftovers(folder) == []


def test_set_on_a_missing_or_unsafe_key(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "mikoyan.toml").write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["set", "mikoyn", "title=x", "--records", str(folder)])
    assert result.exit_code == 1 and "did you mean 'mikoyan'?" in result.output
    result = runner.invoke(app, ["set", "../mikoyan", "title=x", "--records", str(folder)])
    assert result.exit_code == 1 and "must not contain" in result.output


def test_a_replaced_record_keeps_its_permissions_and_a_new_one_follows_the_umask(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("old = true\n", encoding="utf-8")
    os.chmod(path, 0o640)
    toml_io.write_text_atomic(path, "new = true\n", force=True)
    assert (path.stat().st_mode & 0o777) == 0o640
    umask = os.umask(0o022)
    try:
        toml_io.write_text_atomic(tmp_path / "y.toml", "y = 1\n")
    finally:
        os.umask(umask)
    assert ((tmp_path / "y.toml").stat().st_mode & 0o777) == 0o644


def test_replacing_a_linked_record_writes_the_file_the_link_points_to(tmp_path, runner):
    (tmp_path / "real.toml").write_text(HAND_WRITTEN, encoding="utf-8")
    (tmp_path / "alias.toml").symlink_to("real.toml")
    result = runner.invoke(app, ["set", "alias", "genre=letter", "--records", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "alias.toml").is_symlink()
    assert 'genre = "letter"' in (tmp_path / "real.toml").read_text(encoding="utf-8")


def test_a_file_where_a_folder_should_be_is_not_called_an_existing_target(tmp_path, runner):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["export", "--style", "csl-json", "-o", str(tmp_path / "afile" / "out.json"),
                                 "--force", "--records", str(ROOT / "records")])
    assert result.exit_code == 1 and "exists" not in result.stderr and "folder" in result.stderr


def test_provenance_written_inline_is_refused_rather_than_mangled(tmp_path):
    path = tmp_path / "p.toml"
    original = 'type = "archival-document"\ntitle = "T"\nprovenance = [{ event = "obtained", by = ["A"] }]\n'
    path.write_text(original, encoding="utf-8")
    text, diags = library._merged_text(path, "p", {"provenance": [{"event": "translated", "by": ["B"]}]})
    assert text is None and "[[provenance]] tables" in diags[0].message
    assert path.read_text(encoding="utf-8") == original


def test_an_empty_list_of_names_is_refused(tmp_path, runner):
    (tmp_path / "real.toml").write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["set", "real", "author=;;", "--records", str(tmp_path)])
    assert result.exit_code != 0 and "at least one" in result.stderr
    assert (tmp_path / "real.toml").read_text(encoding="utf-8") == HAND_WRITTEN
