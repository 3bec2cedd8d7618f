"""Documentation matches the code: every field, type, event and level is in docs/records.md, and every
command is in the README and has help text."""

from __future__ import annotations

import re

from conftest import ROOT

from citekit import docs, schema
from citekit.archival import LEVELS
from citekit.cli import app

RECORDS_MD = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_generated_tables_are_current():
    assert docs.refresh(RECORDS_MD) == RECORDS_MD, "run: python -m citekit.docs"


def test_every_field_type_event_and_level_is_documented():
    for key in [f.key for f in schema.FIELDS] + list(schema.TYPES) + list(schema.PROVENANCE_EVENTS) + list(LEVELS):
        assert f"`{key}`" in RECORDS_MD, key


def test_every_field_has_a_meaning():
    for f in schema.FIELDS:
        assert len(f.doc) > 8, f.key


def test_every_command_is_in_the_readme_and_has_help(runner):
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"citekit {name}" in README, name
        assert command.help and len(command.help) > 20, name
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one_verbatim():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert len(blocks) == 2, blocks
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for block in blocks:
        assert block in ci.splitlines(), block
