"""What keeps the command line fast, checked by what it does rather than how long it takes: which modules a
command imports, which files citing reads, and that calling commands directly (citekit.dispatch) behaves
exactly as typer does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RECORDS, ROOT

from citekit import library
from citekit.cli import app
from citekit.dispatch import run_plainly

HEAVY = ("pydantic", "bibtexparser", "citeproc", "jsonschema", "tomlkit", "rich")


def modules_after(argv: list[str], cwd: Path = ROOT) -> tuple[set[str], str]:
    """The modules imported by ``citekit ARGV`` run through the console entry point, and its output."""
    code = ("import sys, json\nsys.argv = ['citekit', *json.loads(sys.argv[1])]\nfrom citekit import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print('\\nMODULES', json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, json.dumps(argv)], capture_output=True, text=True, cwd=cwd)
    text, _, mods = out.stdout.rpartition("\nMODULES ")
    return set(json.loads(mods)), text


def test_help_does_not_load_the_library():
    mods, text = modules_after(["--help"])
    assert "cite" in text
    assert "citekit.toml_io" not in mods and "citekit.validate" not in mods  # what the library loads
    assert not [m for m in mods if m.split(".")[0] in HEAVY]


def test_the_library_loaded_on_first_use_is_the_library():
    code = ("import citekit.cli\nimport citekit.library\nfrom citekit import library\n"
            "assert citekit.library is library and callable(library.load_all)\n"
            "assert citekit.cli.library.RECORDS_ENV == 'CITEKIT_RECORDS'")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr


def test_cite_imports_nothing_heavy():
    mods, text = modules_after(["cite", "kashgar-1937", "--style", "csl-json", "--records", str(RECORDS)])
    assert json.loads(text)["id"] == "kashgar-1937"
    assert not [m for m in mods if m.split(".")[0] in HEAVY], "heavy import on the cite path"


@pytest.mark.parametrize("argv,needed", [
    (["cite", "kashgar-1937"], ()), (["export"], ()), (["check"], ()), (["list"], ()),
    (["export", "--style", "bibtex"], ("bibtexparser",)),  # its writer
])
def test_commands_import_only_what_they_need(argv, needed):
    mods, _ = modules_after([*argv, "--records", str(RECORDS)])
    assert not [m for m in mods if m.split(".")[0] in set(HEAVY) - set(needed)], "heavy import"


def test_citing_one_key_reads_that_file_only(tmp_path, monkeypatch):
    for p in RECORDS.glob("*.toml"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "broken.toml").write_text("type = \n", encoding="utf-8")
    read: list[str] = []
    original = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    items = library.cite(tmp_path, ["kashgar-1937"], style="csl-json")
    assert [i["key"] for i in items] == ["kashgar-1937"]
    assert read == ["kashgar-1937.toml"]


# The same command lines through typer and through citekit.dispatch: same output, same exit status.
SAME = [
    ["cite", "kashgar-1937", "--style", "csl-json"],
    ["cite", "kashgar-1937", "westad-paradigms-2000", "-s", "csl-json", "--json"],
    ["cite", "--style=csl-json", "--", "kashgar-1937"],
    ["cite", "kashgar-1937", "--style", "no-such-style"],
    ["cite", "no-such-record", "--style", "csl-json"],
    ["show", "kashgar-1937"],
    ["show", "filippov-mao-1950", "--json"],
    ["list"],
    ["check", "--json"],
    ["export", "--style", "csl-json", "kashgar-1937", "einstein-roosevelt-1939"],
    ["cite", "kashgar-1937", "filippov-mao-1950"],
    ["cite", "kashgar-1937", "--form", "short", "-l", "l. 99", "--markup", "html"],
    ["cite", "kashgar-1937", "--style", "chicago-author-date", "--form", "in-text"],
    ["export", "--style", "chicago-notes", "--markup", "markdown"],
    ["export", "--style", "bibtex", "westad-paradigms-2000"],
    ["new", "--dry-run", "--title", "Telegram to Moscow", "--date", "1950-12-01", "--author", "A. B. Smith",
     "--author", "Mao Zedong", "--set", "genre=telegram"],
    ["set", "kashgar-1937", "--dry-run", "genre=resolution", "classification=Top Secret"],
]


def run(argv: list[str], *, typer_only: bool, env: dict | None = None) -> tuple[int, str, str]:
    entry = "cli.app()" if typer_only else "cli.main()"
    code = f"import sys\nfrom citekit import cli\nsys.argv = ['citekit', *sys.argv[1:]]\n{entry}"
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT,
                         env=env, stdin=subprocess.DEVNULL)
    return out.returncode, out.stdout, out.stderr


@pytest.mark.parametrize("argv", SAME, ids=[" ".join(a) for a in SAME])
def test_direct_call_matches_typer(argv):
    assert run(argv, typer_only=False) == run(argv, typer_only=True)


def test_direct_call_reads_the_records_folder_from_the_environment(tmp_path):
    import os

    env = {**os.environ, "CITEKIT_RECORDS": str(RECORDS)}
    argv = ["cite", "kashgar-1937", "--style", "csl-json"]
    fast = subprocess.run([sys.executable, "-m", "citekit.cli", *argv], capture_output=True, text=True,
                          cwd=tmp_path, env=env)
    assert fast.returncode == 0 and json.loads(fast.stdout)["id"] == "kashgar-1937"


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["cite", "-h"], ["cite"], ["cite", "x", "--no-such-option"], ["cite", "x", "-scsl-json"],
    ["cite", "x", "--style"], ["no-such-command"], ["show"], ["show", "a", "b"], ["list", "--json=yes"],
    ["list", "--records", str(RECORDS / "kashgar-1937.toml")],  # a file where a folder is expected
])
def test_what_typer_must_handle_is_left_to_typer(argv):
    assert run_plainly(app, argv) is None
