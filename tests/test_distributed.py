"""The Dask path: a LocalCluster of 2 workers gives the same outputs as a local run."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from kg import distributed as kgd  # noqa: E402
from kg.errors import KgError  # noqa: E402
from kg.export import to_jsonl  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.pipeline import build, extract, merge  # noqa: E402
from tests.conftest import news_sample_lines  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded workers in this process (no process start-up cost)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None, silence_logs=logging.ERROR) as local:
        yield local


def test_batches_spread_over_both_workers_and_merge_to_the_local_result(cluster) -> None:
    docs = [Document(d["id"], d["text"], d.get("date")) for d in map(json.loads, news_sample_lines(3))]
    kgd._models.clear()
    with distributed.Client(cluster) as client:
        results = list(kgd.process_dask(docs, client, batch_docs=1))
    assert sorted(r.document.id for r in results) == sorted(d.id for d in docs)
    # each worker loaded its own pipeline, once
    assert len({address for address, _ in kgd._models}) == 2
    assert to_jsonl(merge(results)) == to_jsonl(extract(docs))


def test_build_on_the_cluster_writes_the_same_graph_as_a_local_build(cluster, tmp_path: Path) -> None:
    source = tmp_path / "three.jsonl"
    source.write_text("\n".join(news_sample_lines(3)) + "\n", encoding="utf-8")
    build([source], tmp_path / "local", html=False)
    build([source], tmp_path / "dask", html=False, scheduler=cluster.scheduler_address)
    for name in ("graph.ttl", "events.jsonl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_an_unreachable_scheduler_is_a_one_line_error() -> None:
    with pytest.raises(KgError, match="cannot reach the Dask scheduler"):
        with kgd.client_for("tcp://127.0.0.1:9", timeout=0.5):
            pass


# ------------------------------------------------------------ local worker processes (--workers N)


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_a_missing_model_in_the_workers_is_a_model_error(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from kg.errors import ModelError

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} on this platform")
    monkeypatch.setattr(kgd, "_start_method", lambda: multiprocessing.get_context(method))
    docs = [Document("a", "North Korea sent troops to Russia."), Document("b", "Seoul said so.")]
    with pytest.raises(ModelError, match="no_such_model"):
        list(kgd.process_parallel(docs, 2, model="no_such_model", batch_docs=1))


def test_worker_processes_started_without_fork_give_the_serial_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods else "spawn"
    monkeypatch.setattr(kgd, "_start_method", lambda: multiprocessing.get_context(method))
    docs = [Document(d["id"], d["text"], d.get("date")) for d in map(json.loads, news_sample_lines(2))]
    results = list(kgd.process_parallel(docs, 2, batch_docs=1))
    assert [r.document.id for r in results] == [d.id for d in docs]  # input order, whatever finishes first
    assert to_jsonl(merge(results)) == to_jsonl(extract(docs))


def test_forked_workers_run_with_the_parents_objects_frozen_and_the_collector_is_back_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """A collection in a forked worker would copy every page of the model it visits (gc.freeze, Python docs)."""
    import gc
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    monkeypatch.setattr(kgd, "_start_method", lambda: multiprocessing.get_context("fork"))
    docs = [Document(d["id"], d["text"], d.get("date")) for d in map(json.loads, news_sample_lines(2))]
    frozen = []
    results = []
    for result in kgd.process_parallel(docs, 2, batch_docs=1):
        frozen.append(gc.get_freeze_count())
        results.append(result)
    assert all(count > 0 for count in frozen)
    assert gc.get_freeze_count() == 0
    assert to_jsonl(merge(results)) == to_jsonl(extract(docs))


# ------------------------------------------------------------ a local cluster leaves nothing behind


def _group(pgid: int) -> list[str]:
    """Every live process (zombies too) in a process group, as 'pid state command'."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # it exited while we looked
            continue
        fields = text.rsplit(")", 1)[1].split()  # after "pid (comm)": state, ppid, pgrp, ...
        if int(fields[2]) == pgid:
            found.append(f"{stat.parent.name} {fields[0]} {text.split(' (', 1)[1].rsplit(')', 1)[0]}")
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="lists processes through /proc")
def test_a_local_cluster_build_leaves_no_process_in_its_group(tmp_path: Path) -> None:
    """`kg build --scheduler local` starts worker processes (and multiprocessing's resource tracker): when it
    has exited, none of them may still run, nor wait to be reaped, in the process group it started in."""
    import subprocess
    import sys

    source = tmp_path / "two.jsonl"
    source.write_text("\n".join(news_sample_lines(2)) + "\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(source), "-o", str(tmp_path / "out"), "--scheduler",
                             "local", "--workers", "2", "--no-html", "--no-cache", "-q"], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert (tmp_path / "out" / "graph.ttl").is_file()
    assert _group(proc.pid) == []
