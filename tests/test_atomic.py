"""Outputs are all-or-nothing: a build that fails or is interrupted leaves the previous outputs byte for byte.

`kg.pipeline.write_outputs` writes every file beside its target and renames
them into place only when all are complete. Each test makes a good build, then
a second build that fails at a different point, and compares the folder.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import pipeline
from kg.cli import app
from kg.errors import InputError, KgError, OutputError
from kg.model import Corpus, Document
from tests.conftest import REPO, make_sample_corpus

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


def raise_os_error(code: int, message: str):
    raise OSError(code, message)


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


# ---------------------------------------------------------------- the outputs are published as a set


def on_rename(monkeypatch, nth: int, act) -> list:
    """Call `act()` at the `nth` rename kg.files makes, before it renames; returns the list of targets it was asked to rename."""
    from kg import files

    real = os.replace
    calls: list = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == nth:
            act()
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    return calls


def test_a_rename_that_fails_puts_back_the_ones_already_done(built, monkeypatch):
    """Four renames publish the set: if the third fails, the first two are undone from their hard-linked copies."""
    out, before = built
    on_rename(monkeypatch, 3, lambda: raise_os_error(errno.EIO, "Input/output error"))
    with pytest.raises(OutputError, match=f"^{out}: cannot write the outputs: Input/output error$"):
        pipeline.write_outputs(other_corpus(), out)
    assert snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_during_the_renames_waits_until_the_set_is_whole(built, monkeypatch, sig):
    """A signal between two renames would leave two old files and two new; it is acted on after the last one."""
    out, before = built
    calls = on_rename(monkeypatch, 1, lambda: os.kill(os.getpid(), sig))

    def terminated(number, frame):
        raise SystemExit(143)

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        with pytest.raises((KeyboardInterrupt, SystemExit)):
            pipeline.write_outputs(other_corpus(), out)
    finally:
        signal.signal(signal.SIGTERM, previous)
    after = snapshot(out)
    assert sorted(after) == sorted(OUTPUTS) and len(calls) == 4
    assert all(after[name] != before[name] for name in ("graph.ttl", "graph.trig", "events.jsonl"))  # the whole new set


# ---------------------------------------------------------------- disk faults: a small file system the test makes


class SmallDisk:
    """A 4 MB tmpfs mounted for one test: it can be filled up or made read-only."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _mount(self, *options: str) -> None:
        subprocess.run(["mount", "-o", ",".join(("remount", *options)), str(self.root)], check=True, capture_output=True)

    def fill(self) -> None:
        with open(self.root / "filler", "wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 4096)
            except OSError as error:
                assert error.errno == errno.ENOSPC

    def read_only(self) -> None:
        self._mount("ro")

    def restore(self) -> None:
        self._mount("rw")
        (self.root / "filler").unlink(missing_ok=True)


@pytest.fixture
def small_disk(tmp_path):
    """A real full or read-only file system (a tmpfs: root only); without root, the patched tests below stand in."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root; test_*_patched cover these faults with a writer that raises")
    root = tmp_path / "disk"
    root.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "kg-test", str(root)], capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)


FAULTS = {"full": ("fill", ("No space left on device", "database or disk is full")), "read-only": ("read_only", ("Read-only file system",))}


def one_error_line(result, code: int, starts: str, reasons: tuple[str, ...]) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {starts}") and any(r in lines[0] for r in reasons), result.stderr


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_kg_build_on_a_full_or_read_only_disk_is_one_line_and_keeps_outputs_and_store(small_disk, fault, monkeypatch):
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    src = small_disk.root.parent / "a.txt"
    src.write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")
    out = small_disk.root / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(src), "-o", str(out), "--date", "2024-11-14", "--no-cache"]).exit_code == 0
    assert runner.invoke(app, ["query", "triple-count", "--store", str(out / "store"), "-f", "csv"]).exit_code == 0
    before = snapshot(out)
    src.write_text("South Korea sanctioned North Korea on Tuesday.\n", encoding="utf-8")
    action, reasons = FAULTS[fault]
    getattr(small_disk, action)()
    result = runner.invoke(app, ["build", str(src), "-o", str(out), "--no-cache"])
    one_error_line(result, OutputError.exit_code, f"{out}: cannot write the outputs: ", reasons)
    assert snapshot(out) == before  # no staged file, work folder or lock left, and nothing replaced
    small_disk.restore()
    count = runner.invoke(app, ["query", "triple-count", "--store", str(out / "store"), "-f", "csv"])
    assert count.exit_code == 0 and int(count.stdout.split()[1]) > 0  # the store reads back


def _graph_files(folder: Path) -> tuple[Path, Path]:
    from kg.graph import to_dataset, union

    ds = to_dataset(make_sample_corpus())
    trig, ttl = folder / "graph.trig", folder / "graph.ttl"
    trig.write_text(ds.serialize(format="trig"), encoding="utf-8")
    ttl.write_text(union(ds).serialize(format="turtle"), encoding="utf-8")
    return trig, ttl


# command -> (arguments given the source folder and the disk, the file it writes, exit code, start of the error)
ONE_FILE_COMMANDS = {
    "export": (lambda src, d: ["export", "nt", str(src / "graph.trig"), "-o", str(d / "graph.nt")], "graph.nt", 2, "{t}: cannot write: "),
    "render": (lambda src, d: ["render", str(src / "graph.ttl"), "-o", str(d / "graph.gexf"), "-f", "gexf"], "graph.gexf", 2, "{t}: cannot write: "),
    "extract": (lambda src, d: ["extract", str(src / "a.txt"), "-o", str(d / "x.jsonl"), "--date", "2024-11-14"], "x.jsonl", 2, "{t}: cannot write"),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("command", sorted(ONE_FILE_COMMANDS))
def test_export_render_and_extract_on_a_full_or_read_only_disk(small_disk, tmp_path, command, fault):
    src = tmp_path / "src"
    src.mkdir()
    _graph_files(src)
    (src / "a.txt").write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")
    args, name, code, message = ONE_FILE_COMMANDS[command]
    target = small_disk.root / name
    assert CliRunner().invoke(app, args(src, small_disk.root)).exit_code == 0
    previous = target.read_bytes()
    action, reasons = FAULTS[fault]
    getattr(small_disk, action)()
    result = CliRunner().invoke(app, args(src, small_disk.root))
    one_error_line(result, code, message.format(t=target), reasons)
    assert target.read_bytes() == previous
    assert sorted(p.name for p in small_disk.root.iterdir()) == sorted({name, "filler"} if fault == "full" else {name})


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_kg_load_into_a_store_on_a_full_or_read_only_disk(small_disk, tmp_path, fault):
    from kg.errors import StoreError

    trig, _ = _graph_files(tmp_path)
    store_dir = small_disk.root / "store"
    runner = CliRunner()
    assert runner.invoke(app, ["load", str(trig), "--store", str(store_dir)]).exit_code == 0
    loaded = runner.invoke(app, ["query", "triple-count", "--store", str(store_dir), "-f", "csv"])
    before = int(loaded.stdout.split()[1])
    changed = tmp_path / "changed.nt"
    changed.write_text("".join(f"<http://example.org/{i}> <http://example.org/p> \"{'x' * 200}{i}\" .\n" for i in range(20000)),
                       encoding="utf-8")
    action, reasons = FAULTS[fault]
    getattr(small_disk, action)()
    result = runner.invoke(app, ["load", str(changed), "--store", str(store_dir)])
    one_error_line(result, StoreError.exit_code, f"{store_dir}: ", reasons + ("IO error",))
    count = runner.invoke(app, ["query", "triple-count", "--store", str(store_dir), "-f", "csv"])
    assert count.exit_code == 0 and int(count.stdout.split()[1]) == before > 0  # read back whole, even on the faulty disk
    small_disk.restore()
    count = runner.invoke(app, ["query", "triple-count", "--store", str(store_dir), "-f", "csv"])
    assert count.exit_code == 0 and int(count.stdout.split()[1]) == before


# ---------------------------------------------------------------- the same faults, from a writer that raises (any user)




def test_a_full_disk_under_the_sqlite_spool_is_one_line_patched(built, tmp_path, monkeypatch):
    """SQLite says "database or disk is full" (not an OSError) when the work folder or its sort files fill up."""
    out, before = built
    from kg import merge

    def full(self, result):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(merge.Merger, "add", full)
    src = tmp_path / "a.txt"
    src.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    with pytest.raises(OutputError, match=f"^{out}: cannot write the outputs: database or disk is full"):
        pipeline.build([src], out, html=False)
    assert snapshot(out) == before and sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"), PermissionError(errno.EACCES, "Permission denied"),
                                   OSError(errno.EROFS, "Read-only file system")])
def test_export_and_extract_disk_errors_patched(tmp_path, monkeypatch, error):
    from kg import files

    trig, _ = _graph_files(tmp_path)
    target = tmp_path / "graph.nt"
    target.write_text("previous\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(files, "open", refuse, raising=False)
    result = CliRunner().invoke(app, ["export", "nt", str(trig), "-o", str(target)])
    one_error_line(result, OutputError.exit_code, f"{target}: cannot write: ", (error.strerror,))
    assert target.read_text(encoding="utf-8") == "previous\n" and sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt", "graph.trig", "graph.ttl"]


def test_render_disk_errors_keep_the_previous_file_patched(tmp_path, monkeypatch):
    """networkx opens the file itself: a disk that fills up mid-way leaves a truncated file, unless it is staged."""
    import networkx as nx

    _, ttl = _graph_files(tmp_path)
    target = tmp_path / "graph.gexf"
    target.write_text("previous\n", encoding="utf-8")

    def truncate_then_fail(graph, path, *args, **kwargs):
        open(path, "w").close()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(nx, "write_gexf", truncate_then_fail)
    result = CliRunner().invoke(app, ["render", str(ttl), "-o", str(target), "-f", "gexf"])
    one_error_line(result, OutputError.exit_code, f"{target}: cannot write: ", ("No space left on device",))
    assert target.read_text(encoding="utf-8") == "previous\n"


def test_kg_load_disk_error_is_one_line_patched(tmp_path, monkeypatch):
    from kg import store
    from kg.errors import StoreError

    trig, _ = _graph_files(tmp_path)
    assert CliRunner().invoke(app, ["load", str(trig), "--store", str(tmp_path / "store")]).exit_code == 0

    def full(store, mem, progress=None):
        raise OSError("IO error: No space left on device: While appending to file: 000012.log")

    monkeypatch.setattr(store, "_replace", full)
    other = tmp_path / "other.nt"
    other.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["load", str(other), "--store", str(tmp_path / "store")])
    one_error_line(result, StoreError.exit_code, f"{tmp_path / 'store'}: cannot write the store: ", ("No space left on device",))


@pytest.mark.parametrize("command", ["export", "render", "extract"])
def test_an_output_that_names_a_folder_is_one_line_and_writes_nothing(tmp_path, command, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    _graph_files(src)
    (src / "a.txt").write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")
    args, name, code, _ = ONE_FILE_COMMANDS[command]
    folder = tmp_path / "out"
    (folder / name).mkdir(parents=True)
    monkeypatch.setattr(pipeline, "results", fail)  # extract checks its target before any NLP
    result = CliRunner().invoke(app, args(src, folder))
    one_error_line(result, OutputError.exit_code, f"{folder / name}: is a directory", ("directory",))
    assert [p.name for p in folder.iterdir()] == [name] and not any((folder / name).iterdir())


def test_extract_checks_a_read_only_target_before_the_nlp(tmp_path, monkeypatch):
    from kg import files

    (tmp_path / "a.txt").write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(pipeline, "results", fail)
    monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "x.jsonl")])
    one_error_line(result, OutputError.exit_code, f"{tmp_path / 'x.jsonl'}: cannot write: ", ("Read-only file system",))


# ---------------------------------------------------------------- one build per folder


def test_a_second_build_into_a_busy_folder_fails_at_once(built, tmp_path, monkeypatch):
    out, before = built
    from kg import files

    held = os.open(out / files.LOCK_NAME, os.O_RDWR | os.O_CREAT)
    os.write(held, b"4242\n")
    fcntl.flock(held, fcntl.LOCK_EX)  # what a running build holds
    monkeypatch.setattr(pipeline, "results", fail)  # refused before any NLP
    src = tmp_path / "a.txt"
    src.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    try:
        with pytest.raises(OutputError, match=f"^{out}: another kg build \\(process 4242\\) is writing here; wait for it"):
            pipeline.build([src], out)
    finally:
        os.close(held)
    (out / files.LOCK_NAME).unlink()
    assert snapshot(out) == before


def test_a_lock_left_by_a_killed_build_is_taken_over_with_a_warning(tmp_path):
    from kg import files

    out = tmp_path / "out"
    out.mkdir()
    (out / files.LOCK_NAME).write_text("999999\n", encoding="utf-8")  # the file stays; the process and its lock are gone
    src = tmp_path / "a.txt"
    src.write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")
    warnings: list[str] = []
    pipeline.build([src], out, date="2024-11-14", html=False, warn=warnings.append)
    assert warnings == [f"{out / files.LOCK_NAME}: left by a build that was killed (process 999999); taking it over"]
    assert sorted(p.name for p in out.iterdir()) == ["events.jsonl", "graph.trig", "graph.ttl"]  # and no lock left


def corpus_file(path: Path, documents: int) -> Path:
    """A .jsonl corpus long enough that a build runs for a few seconds."""
    text = " ".join(["North Korea sent troops to Russia on Monday, officials in Seoul said."] * 20)
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(documents):
            handle.write(json.dumps({"id": f"doc{n}", "text": text, "date": "2024-11-14"}) + "\n")
    return path


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the build never got there"
        time.sleep(0.05)


def kg_process(*args: object, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=REPO, env=env)


def test_two_builds_into_one_folder_the_second_is_refused(built, tmp_path):
    out, before = built
    first = kg_process("build", corpus_file(tmp_path / "c.jsonl", 300), "-o", out, "--no-cache", "--no-html")
    try:
        wait_for(lambda: any(out.glob(".kg-work-*")))
        second = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "c.jsonl"), "-o", str(out), "--no-cache"],
                                capture_output=True, text=True, cwd=REPO, timeout=120)
        assert second.returncode == OutputError.exit_code
        assert second.stderr == f"Error: {out}: another kg build (process {first.pid}) is writing here; wait for it to finish, or build into another folder\n"
    finally:
        first.kill()
        first.communicate()


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_sigterm_cleans_up_a_build_like_ctrl_c(built, tmp_path, sig, code):
    out, before = built
    proc = kg_process("build", corpus_file(tmp_path / "c.jsonl", 300), "-o", out, "--no-cache")
    try:
        wait_for(lambda: any(out.glob(".kg-work-*")))
        time.sleep(1)  # into the NLP
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == code and "Traceback" not in err, err
    assert snapshot(out) == before  # no work folder, no lock, no staged file, nothing replaced
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)


def test_sigterm_cleans_up_an_extraction(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = dict(os.environ, TMPDIR=str(temp))
    proc = kg_process("extract", corpus_file(tmp_path / "c.jsonl", 300), "-o", tmp_path / "x.jsonl", env=env)
    try:
        wait_for(lambda: any(temp.glob("kg-extract-*")))
        time.sleep(1)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 143 and "Traceback" not in err, err
    assert list(temp.iterdir()) == [] and not (tmp_path / "x.jsonl").exists()


# ---------------------------------------------------------------- --workers


def test_workers_are_capped_at_the_cpu_count(tmp_path, monkeypatch):
    from kg import distributed

    seen: list[int] = []

    def record(documents, workers, **kwargs):
        seen.append(workers)
        return pipeline.process(documents, **kwargs)

    monkeypatch.setattr(distributed, "process_parallel", record)
    monkeypatch.setattr(pipeline, "cpu_count", lambda: 3)
    src = tmp_path / "a.txt"
    src.write_text("North Korea sent troops to Russia on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(src), "-o", str(tmp_path / "out"), "--workers", "1000", "--no-html", "-q"])
    assert result.exit_code == 0, result.output
    assert seen == [3]
    assert result.stderr == "Warning: --workers 1000: this machine has 3 CPUs; using 3 worker processes\n"
    assert pipeline.bounded_workers(2) == 2 and pipeline.bounded_workers(1000, "tcp://10.0.0.1:8786") == 1000
