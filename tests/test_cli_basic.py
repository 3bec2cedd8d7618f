"""check, show and list, through typer's runner and through a real process: output, --json, the records
folder (--records, $CITEKIT_RECORDS, ./records), exit codes, errors without tracebacks, and that showing
one key reads that one file only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import RECORDS, ROOT

from citekit import library
from citekit.cli import app

BROKEN = ROOT / "tests" / "data" / "broken"
ENV = "CITEKIT_RECORDS"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A records folder with the seed record, a record with a warning, and nothing else; cwd = tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV, raising=False)
    records = tmp_path / "records"
    records.mkdir()
    shutil.copy(RECORDS / "kashgar-1937.toml", records)
    shutil.copy(RECORDS / "westad-paradigms-2000.toml", records)
    (records / "opis-only.toml").write_text(
        'type = "archival-document"\ntitle = "Minutes"\ntitle_is_descriptive = true\n\n[archive]\n'
        'abbreviation = "RGANI"\nlevels = { opis = "28" }\n', encoding="utf-8")
    return records


def run(runner, *args, env=None):
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# ------------------------------------------------------------------------------------------ check

KASHGAR_WARNING = ("records/kashgar-1937.toml:26:1: warning: surrogate has neither url nor record_id: readers "
                   "cannot find the copy you read")
OPIS_WARNING = ("records/opis-only.toml:7:12: warning: archive has an opis but no fond: an opis is only meaningful "
                "within a fond")


def test_check_defaults_to_the_records_folder_and_warnings_exit_0(runner, folder):
    result = run(runner, "check")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [KASHGAR_WARNING, OPIS_WARNING, "0 errors, 2 warnings"]
    assert result.stdout == ""


def test_check_an_error_exits_1_and_all_problems_are_sorted(runner, folder):
    (folder / "bad.toml").write_text('type = "book"\ntitle = "T"\ntitel = "T"\n', encoding="utf-8")
    result = run(runner, "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "records/bad.toml:3:1: error: unknown key 'titel' (did you mean 'title'?)",
        KASHGAR_WARNING, OPIS_WARNING, "1 error, 2 warnings"]


def test_check_json_gives_the_same_diagnostics_as_a_list(runner, folder):
    (folder / "bad.toml").write_text('type = "book"\ntitle = "T"\ndate = "1950-13"\n', encoding="utf-8")
    text = run(runner, "check")
    as_json = run(runner, "check", "--json")
    assert as_json.exit_code == text.exit_code == 1
    items = json.loads(as_json.stdout)
    assert [f"{d['path']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}" for d in items] == \
        text.stderr.splitlines()[:-1]
    assert items[0] == {"path": "records/bad.toml", "line": 3, "column": 1, "severity": "error",
                        "message": "date: month 13 is out of range in '1950-13'", "key": "date"}
    assert as_json.stderr == ""


def test_check_files_and_folders_given(runner, folder):
    result = run(runner, "check", "records/opis-only.toml", str(BROKEN / "valid-letter.toml"))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [OPIS_WARNING, "0 errors, 1 warning"]
    result = run(runner, "check", "nowhere", "records/kashgar-1937.toml")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["nowhere: error: no such file or folder", KASHGAR_WARNING,
                                          "1 error, 1 warning"]


def test_check_json_of_clean_records_is_an_empty_list(runner, folder):
    (folder / "kashgar-1937.toml").unlink()
    (folder / "opis-only.toml").unlink()
    result = run(runner, "check", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


# ------------------------------------------------------------------------------------------ show

def test_show_prints_the_provenance_chain_in_reading_order(runner, folder):
    result = run(runner, "show", "kashgar-1937")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["key:", "kashgar-1937"]
    assert "title:             Concerning a Peace Settlement in Kashgar" in lines
    chain = [line.split(": ", 1)[0].split(". ", 1)[1] for line in lines if line.startswith("  ") and ". " in
             line[:6]]
    # archive -> obtained by -> translated by -> read in (published) -> funded by -> rights
    assert chain == ["held by", "reference", "as printed", "obtained by", "translated by", "read in", "funded by",
                     "rights"]
    assert "  4. obtained by: Jamil Hasanli" in lines
    assert "  5. translated by: Gary Goldberg" in lines
    assert result.stderr == ""  # warnings are check's business


def test_show_json(runner, folder):
    result = run(runner, "show", "kashgar-1937", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["key"] == "kashgar-1937" and data["type"] == "archival-document"
    assert data["archive"]["levels"] == [{"kind": "fond", "value": "17"}, {"kind": "opis", "value": "162"},
                                         {"kind": "delo", "value": "20"}, {"kind": "list", "value": "99"}]
    assert [e["event"] for e in data["provenance"]] == ["obtained", "translated"]
    assert data["provenance_chain"][3] == {"step": "obtained by", "value": "Jamil Hasanli"}
    assert data["funders"] == ["MacArthur Foundation"]


def test_show_reads_only_the_file_of_its_key(runner, folder, monkeypatch):
    for name in ("binary.toml", "duplicate-table.toml", "latin1.toml", "syntax-unclosed-string.toml"):
        shutil.copy(BROKEN / name, folder)
    read = []
    original = library.read_record
    monkeypatch.setattr(library, "read_record", lambda path, *a, **k: read.append(path.name) or original(path, *a,
                                                                                                           **k))
    result = run(runner, "show", "kashgar-1937")
    assert result.exit_code == 0 and result.stderr == ""
    assert read == ["kashgar-1937.toml"]


def test_show_an_unknown_key_suggests_close_ones(runner, folder):
    result = run(runner, "show", "kashgar-1973")
    assert result.exit_code == 1
    assert result.stderr == "records: error: no record 'kashgar-1973' (did you mean 'kashgar-1937'?)\n"
    result = run(runner, "show", "zzz")
    assert result.stderr == "records: error: no record 'zzz'\n"


@pytest.mark.parametrize("key,message", [
    ("../kashgar-1937", "record key '../kashgar-1937' must not contain '/', '\\' or '..'"),
    ("/etc/passwd", "record key '/etc/passwd' must not contain '/', '\\' or '..'"),
    ("-x", "record key '-x' must start with a letter or digit and use only letters, digits, '-', '_' and '.' "
           "(at most 128 characters)"),
    ("con", "record key 'con' is a reserved file name"),
])
def test_show_an_unsafe_key(runner, folder, key, message):
    result = run(runner, "show", "--", key)
    assert result.exit_code == 1
    assert result.stderr == f"citekit: error: {message}\n"


def test_show_a_broken_record_gives_its_diagnostics(runner, folder):
    shutil.copy(BROKEN / "several-problems.toml", folder)
    result = run(runner, "show", "several-problems")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("records/several-problems.toml:4:1: error: date: day 32 is out of "
                                             "range for 1939-08 in '1939-08-32'")
    assert result.stdout == ""


# ------------------------------------------------------------------------------------------ list

def test_list(runner, folder):
    result = run(runner, "list")
    assert result.exit_code == 0
    assert [line.split()[:3] for line in result.stdout.splitlines()] == [
        ["kashgar-1937", "archival-document", "1937-04-04"],
        ["opis-only", "archival-document", "Minutes"],
        ["westad-paradigms-2000", "article-journal", "2000"],
    ]
    assert result.stderr == ""


def test_list_json(runner, folder):
    result = run(runner, "list", "--json")
    assert json.loads(result.stdout) == [
        {"key": "kashgar-1937", "type": "archival-document", "date": "1937-04-04",
         "title": "Concerning a Peace Settlement in Kashgar"},
        {"key": "opis-only", "type": "archival-document", "date": "", "title": "Minutes"},
        {"key": "westad-paradigms-2000", "type": "article-journal", "date": "2000",
         "title": "The New International History of the Cold War: Three (Possible) Paradigms"},
    ]


def test_list_of_an_empty_folder(runner, folder):
    for p in folder.iterdir():
        p.unlink()
    result = run(runner, "list", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


# ------------------------------------------------------------------------------------------ the folder

def test_records_option_and_environment(runner, folder, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(BROKEN / "valid-letter.toml", other)
    by_option = run(runner, "list", "--records", str(other), "--json")
    by_env = run(runner, "list", "--json", env={ENV: str(other)})
    assert [r["key"] for r in json.loads(by_option.stdout)] == ["valid-letter"]
    assert json.loads(by_env.stdout) == json.loads(by_option.stdout)
    # the option wins over the environment
    both = run(runner, "list", "--json", "--records", "records", env={ENV: str(other)})
    assert [r["key"] for r in json.loads(both.stdout)][0] == "kashgar-1937"
    assert run(runner, "show", "valid-letter", env={ENV: str(other)}).exit_code == 0
    assert run(runner, "check", env={ENV: str(other)}).stderr == "0 errors, 0 warnings\n"


@pytest.mark.parametrize("args", [["list"], ["show", "kashgar-1937"]])
def test_a_missing_folder(runner, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV, raising=False)
    result = run(runner, *args)
    assert result.exit_code == 1
    assert result.stderr == "records: error: no records folder here (set --records or $CITEKIT_RECORDS)\n"
    result = run(runner, *args, "--records", "nope")
    assert result.stderr == "nope: error: no records folder here (set --records or $CITEKIT_RECORDS)\n"


def test_check_of_a_missing_default_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENV, raising=False)
    result = run(runner, "check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "records: error: no such file or folder"


def test_a_wrong_option_is_a_usage_error(runner, folder):
    result = runner.invoke(app, ["list", "--bogus"])
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.output


@pytest.mark.parametrize("command", ["check", "show", "list"])
def test_help(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "--records" in result.output and "--json" in result.output and "CITEKIT_RECORDS" in result.output


# ------------------------------------------------------------------------------------------ a real process

def citekit(*args, cwd, env=None):
    full_env = {k: v for k, v in os.environ.items() if k != ENV} | (env or {})
    return subprocess.run([sys.executable, "-m", "citekit.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env=full_env, timeout=60)


def test_real_process(folder, tmp_path):
    shown = citekit("show", "kashgar-1937", cwd=tmp_path)
    assert shown.returncode == 0 and "  4. obtained by: Jamil Hasanli" in shown.stdout.splitlines()
    checked = citekit("check", "--json", cwd=tmp_path)
    assert checked.returncode == 0
    assert [d["severity"] for d in json.loads(checked.stdout)] == ["warning", "warning"]
    listed = citekit("list", cwd=tmp_path, env={ENV: str(folder)})
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3
    unknown = citekit("show", "kashgar-1973", cwd=tmp_path)
    assert unknown.returncode == 1
    assert unknown.stderr == "records: error: no record 'kashgar-1973' (did you mean 'kashgar-1937'?)\n"
    unsafe = citekit("show", "../x", cwd=tmp_path)
    assert unsafe.returncode == 1 and unsafe.stderr.startswith("citekit: error: record key '../x'")
    usage = citekit("show", cwd=tmp_path)
    assert usage.returncode == 2
    for result in (shown, checked, listed, unknown, unsafe, usage):
        assert "Traceback" not in result.stdout + result.stderr


def test_real_process_on_the_broken_corpus_never_shows_a_traceback():
    for path in sorted(BROKEN.glob("*.toml")):
        result = citekit("show", path.stem, "--records", str(BROKEN), cwd=ROOT)
        assert "Traceback" not in result.stdout + result.stderr, path.name
        assert result.returncode == (0 if path.stem.startswith("valid-") else 1), (path.name, result.stderr)
