"""Compose the stages: ingest -> nlp -> entities -> canonicalise -> events -> merge -> graph -> outputs.

Nothing here extracts or formats anything itself; it only wires stage
functions together and writes the outputs atomically.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from spacy.language import Language

from kg import canonicalize, entities, events, graph
from kg.agents import load_agents
from kg.cache import DocCache, cached, default_cache_dir
from kg.errors import InputError, OutputError
from kg.export import write_jsonl
from kg.files import Writer, binary_writer, check_target, disk_errors, output_lock, stream_writer, work_dir, write_all
from kg.formats import SortedQuads
from kg.gazetteer import load_gazetteer
from kg.ingest import count_documents, mask_boilerplate, read_documents, warn_stderr
from kg.lexicon import load_lexicon
from kg.merge import Merged, Merger, merge, view
from kg.model import Corpus, DocResult, Document, Entity, Event, Mention
from kg.nlp import chunks, headline_case, load_nlp
from kg.parsed import reading
from kg.progress import Report, counted
from kg.rules import load_rules

OUTPUTS = ("graph.ttl", "graph.trig", "events.jsonl", "graph.html")

BATCH_SIZE = 8
"""Texts per nlp.pipe batch: spaCy's memory grows with it (8: ~230 MB peak, 32: ~490 MB) and its speed barely does."""


def process(documents: Iterable[Document], *, model: str | None = None, workers: int = 1, batch_size: int = BATCH_SIZE,
            nlp: Language | None = None, lexicon: bool = True) -> Iterator[DocResult]:
    """Run NLP, entity resolution and the event rules over each document, yielding one DocResult each.

    `lexicon=False` leaves the CAMEO verb dictionary out (hand-written rules only), to measure what it adds.
    """
    nlp = nlp or load_nlp(model)
    gaz = load_gazetteer()
    rules = load_rules()
    agents = load_agents()
    lex = load_lexicon() if lexicon else None

    def texts() -> Iterator[tuple[str, tuple[Document, int, bool]]]:
        for document in documents:
            # mask first: a paragraph repeated across two chunks is still a repeat (same length, same offsets)
            pieces = list(chunks(mask_boilerplate(document.text)))
            for n, (offset, piece) in enumerate(pieces):
                yield headline_case(piece, nlp), (document, offset, n == len(pieces) - 1)

    kwargs = {"n_process": workers} if workers > 1 else {}
    parts: list[tuple] = []
    for sdoc, (document, offset, last) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, **kwargs):
        with reading(sdoc) as doc:  # every stage below reads the parse many times: read from spaCy once
            spans = list(entities.entity_spans(doc, offset))
            res = canonicalize.resolve(doc, spans, gaz, document.id, document.date, agents, offset)
            evs = list(events.extract(doc, document, res, gaz, rules, offset, lex))
        parts.append((res, evs))
        if last:
            yield _doc_result(document, parts)
            parts = []


def _doc_result(document: Document, parts: list[tuple]) -> DocResult:
    ents: dict[str, Entity] = {}
    mentions: list[Mention] = []
    evs: list[Event] = []
    for res, chunk_events in parts:
        for key, entity in res.entities.items():
            ents.setdefault(key, entity)
        mentions.extend(res.mentions)
        evs.extend(chunk_events)
    return DocResult(document, tuple(ents[k] for k in sorted(ents)), tuple(mentions), tuple(evs))


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(document: Document) -> Document:
    """Replace lone surrogates (a JSON `\\ud800` escape) with U+FFFD: they cannot be written as UTF-8; offsets stay."""
    fixed = {k: _SURROGATE.sub("\ufffd", v) for k, v in vars(document).items() if isinstance(v, str) and _SURROGATE.search(v)}
    return replace(document, **fixed) if fixed else document


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def bounded_workers(workers: int, scheduler: str | None = None, warn: Callable[[str], None] | None = None) -> int:
    """`workers`, at most the CPU count when the processes run on this machine (each loads its own model:
    --workers 1000 would start 1,000 of them); a remote Dask scheduler's workers are its own."""
    if scheduler not in (None, "local"):
        return workers
    cpus = cpu_count()
    if workers > cpus:
        (warn or warn_stderr)(f"--workers {workers}: this machine has {cpus} CPU{'s' if cpus != 1 else ''}; using {cpus} worker processes")
        return cpus
    return workers


PARSING = "parsing documents"
MERGING = "merging"
WRITING = "writing outputs"
"""The tasks `build` reports to its `progress` callback, in order."""


def results(documents: Iterable[Document], *, model: str | None = None, workers: int = 1, progress: Report | None = None,
            total: int | None = None, cache: DocCache | None = None, scheduler: str | None = None, lexicon: bool = True,
            warn: Callable[[str], None] | None = None) -> Iterator[DocResult]:
    """Documents -> one DocResult each, streamed in no particular order.

    With `cache`, documents already extracted under the same model, rules and
    code are read back instead of re-processed; with `scheduler` (`local` or a
    Dask scheduler address), the NLP runs on Dask workers. `workers` is capped
    at the CPU count for processes on this machine (`warn` says so). `progress`
    is told of each document done, out of `total` (None: not known).
    """
    workers = bounded_workers(workers, scheduler, warn)
    run = _runner(model, workers, scheduler, cache, lexicon)
    yield from counted(run(encodable(document) for document in documents), progress, PARSING, total)


def extract(documents: Iterable[Document], *, model: str | None = None, workers: int = 1, progress: Report | None = None,
            cache: DocCache | None = None, scheduler: str | None = None, lexicon: bool = True) -> Corpus:
    """Documents -> an in-memory Corpus: the whole extraction, without writing anything (options as `results`).

    For a corpus too large for memory, `extract_merged` keeps the merge on disk.
    """
    return merge(results(documents, model=model, workers=workers, progress=progress, cache=cache, scheduler=scheduler,
                         lexicon=lexicon))


def extract_jsonl(documents: Iterable[Document], target: TextIO | Path, **options: Any) -> None:
    """Extract and write the JSON Lines records to a stream, or atomically to a file, merging on disk (options as `results`).

    The merge spool goes to a temporary folder ($TMPDIR), removed after. A file
    target is checked before the slow part (a folder, a read-only or missing
    folder fail at once); a full disk is one OutputError.
    """
    if isinstance(target, Path):
        check_target(target)
    try:
        work_folder = tempfile.TemporaryDirectory(prefix="kg-extract-")
    except OSError as error:
        raise OutputError(f"{tempfile.gettempdir()}: cannot make a work folder: {error.strerror or error} (set $TMPDIR)") from None
    with work_folder as work, disk_errors(Path(work).parent, "cannot write the work files"), \
            extract_merged(documents, Path(work), **options) as merger:
        if isinstance(target, Path):
            write_all({target: stream_writer(lambda handle: write_jsonl(merger, handle))})
        else:
            write_jsonl(merger, target)


def extract_merged(documents: Iterable[Document], work_dir: Path, **options: Any) -> Merger:
    """Documents -> a finished Merger in `work_dir`: the extraction with memory that does not grow with the corpus."""
    merger = Merger(work_dir / "merge.sqlite")
    report = options.get("progress")
    try:
        for result in results(documents, **options):
            merger.add(result)
        if report:
            report(MERGING, 0, 1)
        merger.finish()
        if report:
            report(MERGING, 1, 1)
        return merger
    except BaseException:
        merger.close()
        raise


def _runner(model: str | None, workers: int, scheduler: str | None, cache: DocCache | None,
            lexicon: bool = True) -> Callable[[Iterable[Document]], Iterable[DocResult]]:
    """Documents -> DocResults: locally or on Dask, through the cache when there is one.

    Leaving the dictionary out (`lexicon=False`, for measuring) runs in this process without the cache.
    """
    if not lexicon:
        if scheduler or workers > 1 or cache is not None:
            raise InputError("the dictionary can be left out only in a single local process without the cache")
        return lambda documents: process(documents, model=model, lexicon=False)

    def run(documents: Iterable[Document]) -> Iterable[DocResult]:
        if scheduler:
            from kg.distributed import process_dask

            return process_dask(documents, scheduler, model=model, workers=workers)
        if workers > 1:
            from kg.distributed import process_parallel

            return process_parallel(documents, workers, model=model)
        return process(documents, model=model)

    if cache is None:
        return run
    return lambda documents: cached(documents, cache, run)


@dataclass(frozen=True)
class BuildResult:
    """What `build` wrote, for the CLI's summary line."""

    out_dir: Path
    documents: int
    entities: int
    events: int
    files: tuple[Path, ...]


def build(
    sources: Sequence[str | Path],
    out_dir: str | Path = "output",
    *,
    date: str | None = None,
    model: str | None = None,
    workers: int = 1,
    skip_bad: bool = False,
    progress: Report | None = None,
    html: bool = True,
    warn: Callable[[str], None] | None = None,
    cache: bool | DocCache = False,
    scheduler: str | None = None,
    max_actors: int | None = None,
) -> BuildResult:
    """Read sources, extract, and write graph.ttl, graph.trig, events.jsonl and graph.html atomically.

    Results are merged and sorted on disk, in a work folder inside `out_dir`
    removed at the end, so memory does not grow with the corpus; graph.html
    draws the `max_actors` busiest actors (None: kg.render.MAX_ACTORS, 0: all),
    read from the merge database. The files are written beside
    their targets and renamed into place, so a failed run leaves the previous
    outputs as they were. `cache=True` keeps per-document results in
    `<out_dir>/.cache` (or $KG_CACHE_DIR) so a rebuild only processes new or changed documents.
    `progress` is told how the work goes: documents parsed of those counted in the sources, then the
    merge, then the outputs written (PARSING, MERGING, WRITING).
    """
    kwargs = {"warn": warn} if warn else {}
    out = Path(out_dir)
    check_out_dir(out)  # before the slow part
    documents = read_documents(sources, date=date, skip_bad=skip_bad, **kwargs)
    store = DocCache(default_cache_dir(out_dir), model) if cache is True else cache or None
    with output_lock(out, warn or warn_stderr):  # a second build into this folder fails here, at once
        for stale in sorted(out.glob(".kg-work-*")):
            (warn or warn_stderr)(f"{stale}: left by an interrupted build; delete it to reclaim its disk space")
        with work_dir(out) as work, disk_errors(out, "cannot write the outputs"):
            total = count_documents(sources) if progress else None
            with extract_merged(documents, work, model=model, workers=workers, progress=progress, total=total, cache=store,
                                scheduler=scheduler, **kwargs) as merger:
                return write_outputs(merger, out, html=html, work=work, max_actors=max_actors, progress=progress)


def _reporting(writer: Writer, progress: Report, done: int, steps: int) -> Writer:
    """The writer, telling `progress` when its file is written."""
    def write(path: Path) -> None:
        writer(path)
        progress(WRITING, done, steps)

    return write


def check_out_dir(out_dir: Path) -> None:
    """Fail early, with one line, when `out_dir` or one of the outputs in it cannot be a file we replace."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: not a directory (--out names the output folder)")
    for name in OUTPUTS:
        if (out_dir / name).is_dir():
            raise InputError(f"{out_dir / name}: is a directory; cannot write the output there")


def rdf(source: Corpus | Merged, quads: SortedQuads, done: Callable[[int], None] | None = None) -> SortedQuads:
    """Every document's named graph and the corpus graph into a sorted quad spool; `done(n)` after each document."""
    merged = view(source)
    for n, part in enumerate(merged.document_parts(), 1):
        quads.add(graph.nt_iri(graph.document_iri(part.document.id)), graph.document_triples(part, merged.entity))
        if done:
            done(n)
    quads.add(graph.nt_iri(graph.CORPUS_GRAPH), graph.corpus_triples(merged.source_counts()))
    return quads


def write_outputs(source: Corpus | Merged, out_dir: Path, *, html: bool = True, work: Path | None = None,
                  max_actors: int | None = None, progress: Report | None = None) -> BuildResult:
    """Serialise a merged corpus to the output files, all-or-nothing; `work` holds the sort spool (else memory).
    The page draws the `max_actors` busiest actors (None: kg.render.MAX_ACTORS, 0: all). `progress` is told of
    each document's graph and each file written (WRITING)."""
    merged = view(source)
    check_out_dir(out_dir)
    documents = merged.count("documents")
    steps = documents + len(OUTPUTS) - (not html)
    with SortedQuads(work / "quads.sqlite" if work else None) as quads:
        rdf(merged, quads, lambda done: progress(WRITING, done, steps) if progress else None)
        outputs: dict[Path, Writer] = {
            out_dir / "graph.ttl": binary_writer(quads.write_turtle),
            out_dir / "graph.trig": binary_writer(quads.write_trig),
            out_dir / "events.jsonl": stream_writer(lambda handle: write_jsonl(merged, handle)),
        }
        if html:
            from kg.render import render_html

            # from the merge database, bounded: the page never holds the whole graph
            outputs[out_dir / "graph.html"] = lambda path: render_html(merged, path, max_actors=max_actors)
        if progress:
            outputs = {path: _reporting(writer, progress, documents + n, steps) for n, (path, writer) in enumerate(outputs.items(), 1)}
        try:
            written = write_all(outputs)
        except OutputError as error:
            cause = error.__cause__
            if not isinstance(cause, OSError):
                raise
            raise OutputError(f"{out_dir}: cannot write the outputs: {cause.strerror or cause}") from cause
    return BuildResult(out_dir, merged.count("documents"), merged.count("merged_entities"), merged.count("merged_events"), written)
