"""`citekit new`: a commented template of the fields a type uses, values from flags, questions only in a
terminal, validation before writing, and a clear refusal for each unsafe or clashing key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli

from citekit import library, schema, templates
from citekit.cli import app
from citekit.errors import CitekitError


def _new(runner, folder: Path, *args: str, input: str | None = None):
    return runner.invoke(app, ["new", *args, "--records", str(folder)], input=input)


def test_new_writes_a_commented_template_that_checks(runner, tmp_path):
    folder = tmp_path / "records"
    result = _new(runner, folder, "kashgar", "--title", "Concerning a Peace Settlement in Kashgar", "--date",
                  "1937-04-04", "--genre", "decision", "--reference", "RGASPI F.17 op. 162, d. 20 l. 99",
                  "--obtained-by", "Jamil Hasanli", "--translated-by", "Gary Goldberg",
                  "--set", "original_language=ru", "--set", "funders=MacArthur Foundation",
                  "--set", "surrogate.name=History and Public Policy Program Digital Archive")
    assert result.exit_code == 0, result.output
    path = folder / "kashgar.toml"
    text = path.read_text(encoding="utf-8")
    data = tomli.loads(text)
    assert data["title"] == "Concerning a Peace Settlement in Kashgar"
    assert str(data["date"]) == "1937-04-04"
    assert data["archive"]["reference"] == "RGASPI F.17 op. 162, d. 20 l. 99"
    assert data["provenance"] == [{"event": "obtained", "by": ["Jamil Hasanli"]},
                                  {"event": "translated", "by": ["Gary Goldberg"]}]
    assert data["funders"] == ["MacArthur Foundation"]
    # every field the type uses is in the template, given or commented out, with its description
    for f in templates.fields_for("archival-document"):
        if f.parent != "provenance":
            assert any(line.lstrip("# ").startswith(f"{f.name} = ") and " ".join(f.doc.split()) in line
                       for line in text.splitlines()), f.key
    check = runner.invoke(app, ["check", str(path)])
    assert check.exit_code == 0 and "0 errors" in check.output, check.output


@pytest.mark.parametrize("rtype", list(schema.TYPES))
def test_every_type_has_a_template_that_validates(rtype, tmp_path):
    shown, text, diags = library.new_record(tmp_path, "x", rtype=rtype, values={"title": "A Title"})
    assert not any(d.is_error for d in diags)
    assert tomli.loads(text)["type"] == rtype
    assert (tmp_path / "x.toml").read_text(encoding="utf-8") == text


def test_template_fields_all_come_from_the_field_table():
    for rtype, keys in templates.FIELDS_FOR.items():
        assert rtype in schema.TYPES
        for key in keys:
            assert key in schema.FIELD_BY_KEY, (rtype, key)
    assert set(templates.FIELDS_FOR) == set(schema.TYPES)


def test_key_defaults_to_title_and_year(runner, tmp_path):
    folder = tmp_path / "records"
    result = _new(runner, folder, "--title", "The Long Telegram", "--date", "1946-02-22")
    assert result.exit_code == 0, result.output
    assert (folder / "long-telegram-1946.toml").is_file()


def test_not_a_terminal_never_asks(runner, tmp_path):
    folder = tmp_path / "records"
    result = _new(runner, folder, "x", input="An answer nobody asked for\n")
    assert result.exit_code == 1
    assert "needs a title" in result.output and "--title" in result.output
    assert "title:" not in result.stdout.lower()  # no question was printed
    assert not folder.exists()


def test_asks_for_missing_required_values_when_told_how(tmp_path):
    asked = []

    def ask(question, default):
        asked.append(question)
        return {"title": "Minutes of the Presidium"}.get(question, default)

    shown, text, _ = library.new_record(tmp_path, None, rtype="archival-document", values={"date": "1958-01-12"},
                                        ask=ask)
    assert asked == ["title", "key (file name without .toml)"]
    assert tomli.loads(text)["title"] == "Minutes of the Presidium"
    assert (tmp_path / "minutes-presidium-1958.toml").is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_asks_in_a_real_terminal(tmp_path):
    import pty
    import select

    exe = Path(sys.executable).parent / "citekit"
    master, slave = pty.openpty()
    proc = subprocess.Popen([str(exe), "new", "--type", "book", "--records", str(tmp_path)], stdin=slave,
                            stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    os.write(master, b"Brothers in Arms\n\n")  # the title, then accept the proposed key
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:  # waiting for an answer it was not given: stop it (the assertions below then fail)
            proc.kill()
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: the command has finished
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(master)
    assert proc.returncode == 0, out
    assert b"title" in out.lower()
    assert tomli.loads((tmp_path / "brothers-arms.toml").read_text(encoding="utf-8"))["title"] == "Brothers in Arms"


@pytest.mark.parametrize("key,reason", [
    ("../outside", "must not contain '/', '\\' or '..'"),
    ("/etc/passwd", "must not contain '/', '\\' or '..'"),
    ("a/b", "must not contain '/', '\\' or '..'"),
    ("a\\b", "must not contain '/', '\\' or '..'"),
    (".hidden", "must start with a letter or digit"),
    ("con", "reserved file name"),
    ("LPT1.notes", "reserved file name"),
    ("has space", "must start with a letter or digit and use only"),
])
def test_unsafe_keys_are_refused_with_a_reason(runner, tmp_path, key, reason):
    folder = tmp_path / "records"
    result = _new(runner, folder, key, "--title", "T")
    assert result.exit_code == 1
    assert reason in result.output
    assert "Traceback" not in result.output
    assert not any(tmp_path.rglob("*.toml")) and not (tmp_path.parent / "outside.toml").exists()


def test_existing_record_is_not_replaced_without_force(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    path = folder / "x.toml"
    path.write_text('# mine\ntype = "book"\ntitle = "Mine"\n', encoding="utf-8")
    before = path.read_bytes()
    result = _new(runner, folder, "x", "--title", "Other")
    assert result.exit_code == 1 and "exists; use --force" in result.output
    assert path.read_bytes() == before
    result = _new(runner, folder, "x", "--title", "Other", "--force")
    assert result.exit_code == 0, result.output
    assert tomli.loads(path.read_text(encoding="utf-8"))["title"] == "Other"


def test_key_differing_only_in_case_is_refused(runner, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "kashgar-1937.toml").write_text('type = "book"\ntitle = "T"\n', encoding="utf-8")
    result = _new(runner, folder, "Kashgar-1937", "--title", "T")
    assert result.exit_code == 1 and "case-insensitive" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["kashgar-1937.toml"]


@pytest.mark.parametrize("args,message", [
    (["--set", "titel=x"], "unknown field 'titel' (did you mean 'title'?)"),
    (["--set", "title"], "write KEY=VALUE"),
    (["--date", "1937-02-30"], "is not a date"),
    (["--set", "title_is_descriptive=maybe"], "must be true or false"),
    (["--type", "boook"], "did you mean 'book'?"),
    (["--set", "archive.levels=fnd=17"], "unknown archival level 'fnd'"),
    (["--date", "someday"], "cannot read date"),
])
def test_bad_values_are_refused_before_writing(runner, tmp_path, args, message):
    folder = tmp_path / "records"
    result = _new(runner, folder, "x", "--title", "T", *args)
    assert result.exit_code == 1
    assert message in result.output
    assert not (folder / "x.toml").exists()


def test_validation_errors_are_located_in_the_record(tmp_path):
    with pytest.raises(CitekitError) as e:
        library.new_record(tmp_path, "x", rtype="book", values={"title": "T", "date": "someday"})
    d = e.value.diagnostics[0]
    assert d.path.endswith("x.toml") and d.line > 1 and "cannot read date" in d.message


def test_dry_run_prints_and_writes_nothing(runner, tmp_path):
    folder = tmp_path / "records"
    result = _new(runner, folder, "x", "--title", "T", "--dry-run")
    assert result.exit_code == 0
    assert 'title = "T"' in result.stdout
    assert not folder.exists()
