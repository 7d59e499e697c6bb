"""Outputs are all-or-nothing: a build that fails or is interrupted leaves the previous outputs byte for byte.

`kg.pipeline.write_outputs` writes every file beside its target and renames
them into place only when all are complete. Each test makes a good build, then
a second build that fails at a different point, and compares the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import pipeline
from kg.cli import app
from kg.errors import InputError, KgError
from kg.model import Corpus, Document
from tests.conftest import make_sample_corpus

OUTPUTS = ("graph.ttl", "graph.trig", "events.jsonl", "graph.html")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (but the extraction cache) and its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(folder).parts
    }


def other_corpus() -> Corpus:
    """A corpus whose outputs differ from the sample's, so an unchanged folder means nothing was replaced."""
    sample = make_sample_corpus()
    return Corpus(sample.documents + (Document("d3", "Russia attacked Ukraine.", "2024-11-20"),),
                  sample.entities, sample.mentions, sample.events[:1])


@pytest.fixture
def built(tmp_path):
    """An output folder holding a complete previous build of the sample corpus."""
    out = tmp_path / "out"
    pipeline.write_outputs(make_sample_corpus(), out)
    before = snapshot(out)
    assert sorted(before) == sorted(OUTPUTS)
    return out, before


def test_a_good_build_replaces_every_output(built):
    """The baseline: without a fault the second build does change the files (so 'unchanged' below means something)."""
    out, before = built
    pipeline.write_outputs(other_corpus(), out)
    after = snapshot(out)
    assert sorted(after) == sorted(OUTPUTS)
    assert all(after[name] != before[name] for name in ("graph.ttl", "graph.trig", "events.jsonl"))


def test_outputs_have_the_usual_permissions(built):
    """Staged files start as 0600 (mkstemp); the outputs must be readable as any other file the user writes."""
    out, _ = built
    umask = os.umask(0o022)
    os.umask(umask)
    for name in OUTPUTS:
        assert (out / name).stat().st_mode & 0o777 == 0o666 & ~umask, name


class Boom(RuntimeError):
    """A fault injected into one stage."""


def fail(*args, **kwargs):
    raise Boom("injected fault")


def interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("target, fault", [
    ("kg.render.render_html", fail),             # the last output, after the other three are staged
    ("kg.render.render_html", interrupt),        # Ctrl-C while the page is drawn
    ("kg.graph.document_triples", fail),         # while building the graph, before anything is staged
    ("kg.pipeline.write_jsonl", fail),           # while staging events.jsonl, after both RDF files
    ("kg.files._umask", fail),                   # after every file is staged, before the first rename
])
def test_a_fault_at_any_stage_leaves_the_previous_outputs(built, monkeypatch, target, fault):
    out, before = built
    monkeypatch.setattr(target, fault)
    with pytest.raises((Boom, KeyboardInterrupt)):
        pipeline.write_outputs(other_corpus(), out)
    assert snapshot(out) == before  # byte-identical, and no staged file left behind
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


def test_a_disk_error_while_staging_is_one_line_and_leaves_the_outputs(built, monkeypatch):
    """An OSError (disk full, permissions) becomes InputError naming the folder; staged files are removed."""
    out, before = built
    from kg import files

    calls = []

    def full_disk_open(path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 2:  # the second output: one staged file already exists
            raise OSError(28, "No space left on device")
        return open(path, *args, **kwargs)

    monkeypatch.setattr(files, "open", full_disk_open, raising=False)
    with pytest.raises(InputError, match=f"^{out}: cannot write the outputs: No space left on device$"):
        pipeline.write_outputs(other_corpus(), out)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


def test_a_failed_build_through_the_cli_leaves_outputs_and_store(tmp_path, monkeypatch):
    """The whole command: build, query (which loads the store), then a build whose page fails, then Ctrl-C."""
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    src = tmp_path / "a.txt"
    src.write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(src), "-o", str(out), "--date", "2024-11-14"]).exit_code == 0
    query = runner.invoke(app, ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", str(out / "store"), "-f", "csv"])
    assert query.exit_code == 0 and int(query.stdout.splitlines()[1]) > 0
    before = snapshot(out)
    assert any(name.startswith("store") for name in before)

    src.write_text("South Korea sanctioned North Korea on Tuesday.\n", encoding="utf-8")

    def page_fails(*args, **kwargs):
        raise KgError("the page could not be drawn")

    monkeypatch.setattr("kg.render.render_html", page_fails)
    result = runner.invoke(app, ["build", str(src), "-o", str(out)])
    assert result.exit_code == KgError.exit_code and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1] == "Error: the page could not be drawn"
    assert snapshot(out) == before

    monkeypatch.setattr("kg.render.render_html", interrupt)
    result = runner.invoke(app, ["build", str(src), "-o", str(out)])
    assert result.exit_code == 130 and "Traceback" not in result.output  # typer turns Ctrl-C into exit 130
    assert snapshot(out) == before


def test_bad_input_leaves_the_previous_outputs(built, tmp_path):
    out, before = built
    with pytest.raises(InputError):
        pipeline.build([tmp_path / "missing.txt"], out)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError):
        pipeline.build([empty], out, warn=lambda message: None)
    assert snapshot(out) == before


def test_a_fault_during_extraction_leaves_the_outputs_and_no_spool(built, tmp_path, monkeypatch):
    """Results are spooled to a work folder inside --out as they arrive; a failure midway removes it."""
    out, before = built
    real = pipeline.process

    def fails_after_one(documents, **kwargs):
        for n, result in enumerate(real(documents, **kwargs)):
            if n == 1:
                assert [p.name for p in out.iterdir() if p.name.startswith(".kg-work-")], "no spool folder in use"
                raise Boom("injected fault")
            yield result

    monkeypatch.setattr(pipeline, "process", fails_after_one)
    src = tmp_path / "two.jsonl"
    src.write_text('{"id": "x1", "text": "Russia attacked Ukraine."}\n{"id": "x2", "text": "Ukraine attacked Russia."}\n')
    with pytest.raises(Boom):
        pipeline.build([src], out, html=False)
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    assert snapshot(out) == before


def test_a_work_folder_left_by_a_killed_build_is_named_not_removed(tmp_path):
    """A build killed outright (SIGKILL) cannot clean up; the next one says so, and leaves the folder alone."""
    src = tmp_path / "a.txt"
    src.write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    stale = out / ".kg-work-deadbeef"
    stale.mkdir(parents=True)
    warnings: list[str] = []
    pipeline.build([src], out, date="2024-11-14", html=False, warn=warnings.append)
    assert warnings == [f"{stale}: left by an interrupted build; delete it to reclaim its disk space"]
    assert stale.is_dir() and sorted(p.name for p in out.iterdir()) == [".kg-work-deadbeef", "events.jsonl", "graph.trig", "graph.ttl"]
