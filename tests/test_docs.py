"""The README documents every command, and every command has help text (as sqlite-utils' test_docs)."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name for c in typer.main.get_command(app).commands.values())


def test_there_are_commands():
    assert {"build", "extract", "query", "load", "export", "validate", "render", "eval"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name: str):
    assert f"`kg {name}" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str):
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    summary = typer.main.get_command(app).commands[name].help
    assert summary and summary.strip()


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```sh\n(.*?)```", README.split("## Set up and run")[1].split("\n## ")[0], re.S)
    assert len(blocks) == 2 and all(len(b.strip().splitlines()) == 1 for b in blocks)
    test_command = blocks[1].strip()
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "examples/" in blocks[0]
