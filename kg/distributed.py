"""Parallel extraction: batches of documents go to worker processes or Dask workers, DocResults come back.

Each worker loads the spaCy model once and runs the same
`kg.pipeline.process` as a one-process build on whole documents, so only
documents and the small DocResults cross process boundaries (never parsed
spaCy Docs), the rules run in parallel too, and merging the results gives the
same outputs as a local run. Only a few batches per worker are in flight at
once, so the input is streamed, not shipped whole.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from kg.errors import KgError
from kg.model import DocResult, Document

LOCAL = "local"
"""--scheduler value that starts a LocalCluster with one single-threaded worker process per --workers."""

BATCH_DOCS = 16
"""Documents per task: enough to amortise a round trip, few enough to keep workers evenly busy."""

LOCAL_BATCH_DOCS = 4
"""Documents per task of the local workers: the last batches end close together (this process parses too)."""

IN_FLIGHT = 2
"""Batches queued per worker: one running, one waiting, so no worker idles while bounding memory."""

_models: dict[tuple[str, str | None], Any] = {}
_lock = threading.Lock()


def _worker_nlp(model: str | None) -> Any:
    """This worker's spaCy pipeline, loaded on its first batch and reused for every later one."""
    from distributed import get_worker

    from kg.nlp import build_nlp, load_nlp, model_name

    try:
        address = get_worker().address
    except ValueError:  # not on a worker (called directly): the process-wide cached pipeline
        return load_nlp(model)
    with _lock:
        nlp = _models.get((address, model))
        if nlp is None:
            # one pipeline per worker, never shared between workers that are threads of one process
            nlp = _models[(address, model)] = build_nlp(model_name(model))
        return nlp


def run_batch(documents: list[Document], model: str | None = None) -> list[DocResult]:
    """The task each Dask worker runs: one DocResult per document, in order."""
    from kg.pipeline import process

    return list(process(documents, model=model, nlp=_worker_nlp(model)))


def _run_local(documents: list[Document], model: str | None) -> list[DocResult]:
    """The task each local worker process runs, with the process's one cached pipeline."""
    from kg.pipeline import process

    return list(process(documents, model=model))


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _start_method() -> Any:
    """fork while this process has one thread (safe, and workers inherit the loaded model); else forkserver or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def process_parallel(
    documents: Iterable[Document],
    workers: int,
    *,
    model: str | None = None,
    batch_docs: int = LOCAL_BATCH_DOCS,
) -> Iterator[DocResult]:
    """DocResults for `documents` from this process and `workers - 1` local worker processes, in input order, streamed.

    This process parses too, whenever the workers have their batches in hand: a worker started without
    fork loads spaCy and the model itself (about 2 s), time in which this process already parses, and
    at the end neither waits long for the other (small batches).
    """
    from kg.agents import load_agents
    from kg.gazetteer import load_gazetteer
    from kg.lexicon import load_lexicon
    from kg.nlp import load_nlp
    from kg.pipeline import process
    from kg.rules import load_rules

    load_gazetteer()  # a broken data file fails here, as one KgError, before any process starts
    load_rules()
    context = _start_method()
    if context.get_start_method() == "fork":
        load_nlp(model)  # forked workers inherit the model and the tables and start at once
        load_lexicon()
        load_agents()
    # otherwise each worker loads them on its first batch, and this process on its own first one, while the
    # workers start (the first batches go to them); a ModelError in a worker reaches us through result()
    helpers = max(1, workers - 1)
    limit = IN_FLIGHT * helpers
    with _frozen(context.get_start_method() == "fork"), ProcessPoolExecutor(helpers, mp_context=context) as pool:
        pending: deque[Future | list[DocResult]] = deque()
        for batch in _batches(documents, batch_docs):
            if sum(not p.done() for p in pending if isinstance(p, Future)) < limit:
                pending.append(pool.submit(_run_local, batch, model))
            else:
                pending.append(list(process(batch, model=model)))
            # in input order: what is done at the head, and the head itself once enough waits behind it
            while pending and (isinstance(pending[0], list) or pending[0].done() or len(pending) > 2 * limit):
                yield from _ready(pending.popleft())
        while pending:
            yield from _ready(pending.popleft())


@contextmanager
def _frozen(forking: bool) -> Iterator[None]:
    """While forked workers run, the objects this process holds are out of the cyclic collector's sight.

    A forked worker shares the loaded model's pages with this process until it writes to them, and a
    collection in the worker writes to every object it visits: that copying cost each worker about 0.5 s
    of CPU per 10 s of parsing. Frozen objects are not visited (the Python docs' advice for fork)."""
    if not forking:
        yield
        return
    gc.collect()  # what is garbage now is freed, not kept for good
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ready(item: Future | list[DocResult]) -> list[DocResult]:
    """A batch's results: computed here, or from a worker (waiting for it)."""
    return item if isinstance(item, list) else item.result()


@contextmanager
def client_for(scheduler: str, workers: int = 2, timeout: float = 10.0) -> Iterator[Any]:
    """A Dask client: for `local`, on a fresh LocalCluster of `workers` processes; else connected to the address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a declared extra
        raise KgError("--scheduler needs Dask: pip install 'kg[dask]'") from exc
    cluster = None
    try:
        if scheduler == LOCAL:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=f"{timeout}s")
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
            _stop_resource_tracker()


def _stop_resource_tracker() -> None:
    """Stop and reap multiprocessing's resource tracker, which the local cluster's spawned workers started.

    Left running, it outlives the cluster and only exits after `kg build` has,
    an orphan in the caller's process group (a zombie until init reaps it).
    It starts again by itself if anything needs it later.
    """
    from multiprocessing import resource_tracker

    stop = getattr(resource_tracker._resource_tracker, "_stop", None)
    if stop is not None:
        stop()


def process_dask(
    documents: Iterable[Document],
    scheduler: str | Any,
    *,
    model: str | None = None,
    workers: int = 2,
    batch_docs: int = BATCH_DOCS,
) -> Iterator[DocResult]:
    """DocResults for `documents`, computed on Dask workers, in completion order (merge sorts them).

    `scheduler` is `local`, a scheduler address (tcp://HOST:8786) or an
    existing `distributed.Client`.
    """
    if isinstance(scheduler, str):
        with client_for(scheduler, workers) as client:
            yield from _submit(client, documents, model, batch_docs)
    else:
        yield from _submit(scheduler, documents, model, batch_docs)


def _submit(client: Any, documents: Iterable[Document], model: str | None, batch_docs: int) -> Iterator[DocResult]:
    from distributed import as_completed

    in_flight = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})))
    pending = as_completed()
    for batch in _batches(documents, batch_docs):
        pending.add(client.submit(run_batch, batch, model, pure=False))
        if pending.count() >= in_flight:
            yield from next(pending).result()
    for future in pending:
        yield from future.result()
