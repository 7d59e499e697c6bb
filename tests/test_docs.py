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


# ---------------------------------------------------------------- links stay inside the repository

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
EXTERNAL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # https:, mailto: ...


def markdown_files(root) -> list:
    """The repository's Markdown files, leaving out hidden folders (.git, .venv) and build outputs."""
    return sorted(p for p in root.rglob("*.md")
                  if not any(part.startswith(".") or part in ("output", "build", "dist") or part.endswith(".egg-info")
                             for part in p.relative_to(root).parts[:-1]))


def bad_links(path, root) -> list[str]:
    """Relative links of a Markdown file that leave `root` or point to nothing."""
    bad = []
    for match in LINK.finditer(path.read_text(encoding="utf-8")):
        target = (match.group(1) or match.group(2)).split("#", 1)[0]
        if not target or EXTERNAL.match(target):
            continue
        resolved = (path.parent / target).resolve() if not target.startswith("/") else None
        if resolved is None or not resolved.is_relative_to(root.resolve()):
            bad.append(f"{target}: outside the repository")
        elif not resolved.exists():
            bad.append(f"{target}: no such file")
    return bad


def test_the_link_check_finds_links_that_leave_the_repository_or_are_dead(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "there.md").write_text("# there\n", encoding="utf-8")
    page = tmp_path / "README.md"
    page.write_text("[a](docs/there.md#there) [b](https://example.org/x) [c](#top) ![d](docs/there.md)\n"
                    "[e](../shared/spec/actions.md) [f](docs/gone.md) [g](/etc/passwd)\n[h]: docs/missing.md\n",
                    encoding="utf-8")
    assert bad_links(page, tmp_path) == ["../shared/spec/actions.md: outside the repository", "docs/gone.md: no such file",
                                         "/etc/passwd: outside the repository", "docs/missing.md: no such file"]


def test_no_link_in_the_repository_leaves_it_or_is_dead():
    files = markdown_files(REPO)
    assert REPO / "README.md" in files and REPO / "docs" / "actions.md" in files
    bad = {str(p.relative_to(REPO)): links for p in files if (links := bad_links(p, REPO))}
    assert not bad


@pytest.mark.parametrize("page", ["docs/events-jsonl.md", "docs/actions.md", "eval/README.md"])
def test_the_readme_links_the_documentation_of_the_formats_and_gold_sets(page):
    assert f"]({page})" in README


def test_every_test_the_reliability_section_names_exists():
    """Each guarantee in the README names the test that checks it; a renamed or deleted test must not go unnoticed."""
    import ast

    section = README.split("## Reliability")[1].split("\n## ")[0]
    named = re.findall(r"`(tests/test_\w+\.py)::(test_\w+)`", section)
    assert len(named) >= 20
    for path, name in named:
        tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
        assert name in {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}, f"{path}::{name}"
