"""kg.cli: the version, help that names values instead of Python types, examples that run, shell completion."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import REPO

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
PYTHON_TYPE = re.compile(r"<(?:bool|str|int|float|path|Path|file|dir|datetime|uuid|list\[[^\]]*\]|(?:int|float) range)>")
"""How typer shows a parameter without a metavar: `<bool>`, `<list[str]>`, `<int range>`."""


def examples(name: str) -> list[list[str]]:
    """The example command lines of a command's help (its epilog), as argument lists without the leading `kg`."""
    epilog = typer.main.get_command(app).commands[name].epilog or ""  # type: ignore[attr-defined]
    return [shlex.split(line)[1:] for line in epilog.splitlines() if line.startswith("kg ")]


def test_version_is_the_package_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"kg {version('kg')}\n"


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_names_values_and_shows_no_python_types(name):
    result = CliRunner().invoke(app, [name, "--help"] if name else ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert not PYTHON_TYPE.findall(result.stdout), PYTHON_TYPE.findall(result.stdout)
    assert "Example" in result.stdout  # at least one example per command, and for kg itself


def test_value_options_have_metavars():
    """Every option that takes a value names it (FILE, N, DATE...): without one typer would print its Python type."""
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if not getattr(param, "is_flag", False):
                assert param.metavar, f"kg {name} {param.opts[0] if param.opts else param.name} has no metavar"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_examples_that_parse(name):
    lines = examples(name)
    assert lines, f"kg {name} --help shows no example"
    for args in lines:
        assert args[0] == name
        result = CliRunner().invoke(app, [*args, "--help"])  # options and their arity are checked before --help acts
        assert result.exit_code == 0, (args, result.output)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A folder like the repository's root after its set-up command (`kg build examples/ -o output/`)."""
    root = tmp_path_factory.mktemp("ws")
    for name in ("examples", "ontology", "eval"):
        (root / name).symlink_to(REPO / name)
    return root


def test_the_examples_run_as_written(workspace, monkeypatch):
    """Each example runs without error where the README's set-up command was run; eval and an endpoint are only
    parsed (above): they need the pipeline over a gold set, or a server."""
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("KG_CACHE_DIR", str(workspace / "cache"))
    ordered = sorted(COMMANDS, key=lambda name: name != "build")  # the build first: the others read its outputs
    ran = []
    for args in (args for name in ordered for args in examples(name)):
        if args[0] == "eval" or "--endpoint" in args:
            continue
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0 and "Error" not in result.output, (args, result.output)
        ran.append(args[0])
    assert {"build", "extract", "render", "query", "load", "export", "validate"} <= set(ran)
    assert (workspace / "output" / "ukraine.html").is_file() and (workspace / "events.csv").is_file()


def test_shell_completion_is_enabled():
    script = Path(sys.executable).parent / "kg"
    if not script.exists():
        pytest.skip(f"no kg script beside {sys.executable}")
    # (typer finds the shell from the parent process, so the script runs under bash, whatever shell runs pytest;
    # a second command keeps bash from handing its process over to the script)
    shown = subprocess.run(["bash", "-c", '"$0" --show-completion bash; exit $?', str(script)], capture_output=True, text=True,
                           timeout=60)
    assert shown.returncode == 0 and "_KG_COMPLETE=complete_bash" in shown.stdout
    env = {"_KG_COMPLETE": "complete_bash", "COMP_WORDS": "kg que", "COMP_CWORD": "1", "PATH": "/usr/bin:/bin"}
    completed = subprocess.run([script], capture_output=True, text=True, env=env, timeout=60)
    assert completed.stdout.split() == ["query"]
    env["COMP_WORDS"], env["COMP_CWORD"] = "kg query who", "2"
    completed = subprocess.run([script], capture_output=True, text=True, env=env, timeout=60)
    assert completed.stdout.split() == ["who-did-what"]  # the shipped queries complete too


def test_quiet_leaves_stderr_empty_and_without_it_the_summary_stays(tmp_path):
    """Scripts parse the summary lines: they stay as they were; the bar is drawn only on a terminal (tests/test_progress.py)."""
    from kg.graph import to_dataset
    from tests.conftest import make_sample_corpus

    trig = tmp_path / "graph.trig"
    trig.write_text(to_dataset(make_sample_corpus()).serialize(format="trig"), encoding="utf-8")
    loud = CliRunner().invoke(app, ["load", str(trig), "--store", str(tmp_path / "a")])
    assert loud.exit_code == 0 and re.fullmatch(rf"{re.escape(str(tmp_path / 'a'))}: 3 graphs \(bulk-loaded\), \d+ triples\n", loud.stderr)
    quiet = CliRunner().invoke(app, ["load", str(trig), "--store", str(tmp_path / "b"), "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_a_warning_during_a_progress_bar_is_printed_above_it():
    """A warning written past the bar landed on the bar's line, and the next redraw wiped it."""
    import io

    from rich.console import Console

    from kg.cli import warn
    from kg.progress import bar

    screen = io.StringIO()
    with bar(console=Console(file=screen, force_terminal=True, width=80, color_system=None)) as report:
        report("parsing documents", 0, 2)
        warn("a.txt: skipped: empty document")
        report("parsing documents", 2, 2)
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue()).replace("\r", "\n").splitlines()
    assert "Warning: a.txt: skipped: empty document" in lines
