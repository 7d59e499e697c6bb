"""Compose the stages: ingest -> nlp -> entities -> canonicalise -> events -> merge -> graph -> outputs.

Nothing here extracts or formats anything itself; it only wires stage
functions together and writes the outputs atomically.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language

from kg import canonicalize, entities, events, graph
from kg.cache import DocCache, cached, default_cache_dir
from kg.errors import InputError
from kg.export import to_jsonl
from kg.files import text_writer, write_all
from kg.formats import ox_quads, to_trig, to_turtle
from kg.gazetteer import load_gazetteer
from kg.ingest import mask_boilerplate, read_documents
from kg.model import Corpus, DocResult, Document, Entity, Event, Mention
from kg.nlp import chunks, load_nlp
from kg.rules import load_rules

OUTPUTS = ("graph.ttl", "graph.trig", "events.jsonl", "graph.html")

BATCH_SIZE = 8
"""Texts per nlp.pipe batch: spaCy's memory grows with it (8: ~230 MB peak, 32: ~490 MB) and its speed barely does."""


class Progress:
    """Documents processed and their rate on stderr, when it is a terminal and not silenced."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.count = 0
        self.words = 0
        self.t0 = time.perf_counter()

    def step(self, document: Document) -> None:
        self.count += 1
        self.words += len(document.text.split())
        if self.enabled and (self.count < 10 or self.count % 10 == 0):
            rate = self.count / max(time.perf_counter() - self.t0, 1e-9)
            sys.stderr.write(f"\r{self.count} documents, {self.words} words, {rate:.1f} docs/s")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.count:
            sys.stderr.write("\n")


def process(documents: Iterable[Document], *, model: str | None = None, workers: int = 1, batch_size: int = BATCH_SIZE,
            nlp: Language | None = None) -> Iterator[DocResult]:
    """Run NLP, entity resolution and the event rules over each document, yielding one DocResult each."""
    nlp = nlp or load_nlp(model)
    gaz = load_gazetteer()
    rules = load_rules()

    def texts() -> Iterator[tuple[str, tuple[Document, int, bool]]]:
        for document in documents:
            # mask first: a paragraph repeated across two chunks is still a repeat (same length, same offsets)
            pieces = list(chunks(mask_boilerplate(document.text)))
            for n, (offset, piece) in enumerate(pieces):
                yield piece, (document, offset, n == len(pieces) - 1)

    kwargs = {"n_process": workers} if workers > 1 else {}
    parts: list[tuple] = []
    for sdoc, (document, offset, last) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, **kwargs):
        spans = list(entities.entity_spans(sdoc, offset))
        res = canonicalize.resolve(sdoc, spans, gaz, document.id, rules.group_nouns)
        evs = list(events.extract(sdoc, document, res, gaz, rules, offset))
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


def merge(results: Iterable[DocResult]) -> Corpus:
    """One entity per key and one event per (actor, action, target, modality, date), in a stable order."""
    documents: dict[str, Document] = {}
    ents: dict[str, Entity] = {}
    mentions: list[Mention] = []
    evs: dict[tuple, Event] = {}
    # first-seen wins below (entity labels, event quantities): take documents in id order, not arrival order
    for result in sorted(results, key=lambda r: r.document.id):
        documents[result.document.id] = result.document
        for entity in result.entities:
            known = ents.get(entity.key)
            if known is None:
                ents[entity.key] = entity
            elif known.country is None and entity.country is not None:
                ents[entity.key] = replace(known, country=entity.country)
        mentions.extend(result.mentions)
        for event in result.events:
            known_event = evs.get(event.key)
            evs[event.key] = event if known_event is None else replace(
                known_event, evidence=known_event.evidence + event.evidence,
                quantity=known_event.quantity if known_event.quantity is not None else event.quantity,
                date_text=known_event.date_text or event.date_text,
            )
    # entities referred to only as the country another acts for still need a node
    gaz = load_gazetteer()
    for entity in list(ents.values()):
        if entity.country and entity.country not in ents and entity.country in gaz.entities:
            ents[entity.country] = gaz.entities[entity.country]
    for event in evs.values():
        for key in (event.actor, event.target):
            if key and key not in ents and key in gaz.entities:
                ents[key] = gaz.entities[key]
    ordered_events = []
    for key in sorted(evs):
        event = evs[key]
        evidence = tuple(sorted(set(event.evidence), key=lambda e: (e.doc_id, e.start, e.end, e.trigger)))
        ordered_events.append(replace(event, evidence=evidence))
    return Corpus(
        documents=tuple(documents[k] for k in sorted(documents)),
        entities=tuple(ents[k] for k in sorted(ents)),
        mentions=tuple(sorted(mentions, key=lambda m: (m.doc_id, m.start, m.end, m.key))),
        events=tuple(ordered_events),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(document: Document) -> Document:
    """Replace lone surrogates (a JSON `\\ud800` escape) with U+FFFD: they cannot be written as UTF-8; offsets stay."""
    fixed = {k: _SURROGATE.sub("\ufffd", v) for k, v in vars(document).items() if isinstance(v, str) and _SURROGATE.search(v)}
    return replace(document, **fixed) if fixed else document


def extract(documents: Iterable[Document], *, model: str | None = None, workers: int = 1, progress: bool = False,
            cache: DocCache | None = None, scheduler: str | None = None) -> Corpus:
    """Documents -> Corpus: the whole extraction, without writing anything.

    With `cache`, documents already extracted under the same model, rules and
    code are read back instead of re-processed; with `scheduler` (`local` or a
    Dask scheduler address), the NLP runs on Dask workers.
    """
    bar = Progress(progress)

    def counted() -> Iterator[Document]:
        for document in documents:
            document = encodable(document)
            yield document
            bar.step(document)

    try:
        return merge(_runner(model, workers, scheduler, cache)(counted()))
    finally:
        bar.close()


def _runner(model: str | None, workers: int, scheduler: str | None, cache: DocCache | None) -> Callable[[Iterable[Document]], Iterable[DocResult]]:
    """Documents -> DocResults: locally or on Dask, through the cache when there is one."""
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
    progress: bool = False,
    html: bool = True,
    warn: Callable[[str], None] | None = None,
    cache: bool | DocCache = False,
    scheduler: str | None = None,
) -> BuildResult:
    """Read sources, extract, and write graph.ttl, graph.trig, events.jsonl and graph.html atomically.

    Everything is computed before the first byte is written; the files are then
    written beside their targets and renamed into place, so a failed run leaves
    the previous outputs as they were. `cache=True` keeps per-document results
    in `<out_dir>/.cache` (or $KG_CACHE_DIR) so a rebuild only processes new or changed documents.
    """
    kwargs = {"warn": warn} if warn else {}
    check_out_dir(Path(out_dir))  # before the slow part
    documents = read_documents(sources, date=date, skip_bad=skip_bad, **kwargs)
    store = DocCache(default_cache_dir(out_dir), model) if cache is True else cache or None
    corpus = extract(documents, model=model, workers=workers, progress=progress, cache=store, scheduler=scheduler)
    return write_outputs(corpus, Path(out_dir), html=html)


def check_out_dir(out_dir: Path) -> None:
    """Fail early, with one line, when `out_dir` or one of the outputs in it cannot be a file we replace."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: not a directory (--out names the output folder)")
    for name in OUTPUTS:
        if (out_dir / name).is_dir():
            raise InputError(f"{out_dir / name}: is a directory; cannot write the output there")


def write_outputs(corpus: Corpus, out_dir: Path, *, html: bool = True) -> BuildResult:
    """Serialise a corpus to the output files, all-or-nothing."""
    ds = graph.to_dataset(corpus)
    quads = ox_quads(ds)  # converted and sorted once for both RDF files
    contents: dict[str, str] = {
        "graph.ttl": to_turtle(ds, quads),
        "graph.trig": to_trig(ds, quads),
        "events.jsonl": to_jsonl(corpus),
    }
    del quads
    check_out_dir(out_dir)
    outputs = {out_dir / name: text_writer(text) for name, text in contents.items()}
    if html:
        from kg.render import render_html

        union = graph.union(ds)
        outputs[out_dir / "graph.html"] = lambda path: render_html(union, path)
    try:
        written = write_all(outputs)
    except OSError as error:
        raise InputError(f"{out_dir}: cannot write the outputs: {error.strerror or error}") from None
    return BuildResult(out_dir, len(corpus.documents), len(corpus.entities), len(corpus.events), written)
