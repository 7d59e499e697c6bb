"""Per-document cache of extraction results, so a rebuild only re-processes what changed.

Each DocResult is stored as one small JSON file named by the sha256 of the
document (id, text, date, title, url, source) and of a *context* string: the
model name and version, the rule table's version, the hashes of the shipped
gazetteer/boilerplate data, the kg version and the hash of the extraction
code. Changing any of those gives new keys, so stale entries are never read
(they are left on disk; delete the folder to reclaim the space). Writes are
atomic (temporary file + rename); an entry that cannot be read or decoded is
ignored and recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.model import DocResult, Document, Entity, Event, Evidence, Mention, Role
from kg.nlp import model_name
from kg.paths import ontology_dir
from kg.rules import load_rules

FORMAT = 2
"""Version of the on-disk layout: bump when the JSON below changes shape."""

CACHE_DIR_ENV = "KG_CACHE_DIR"

CODE_MODULES = ("model", "nlp", "ingest", "entities", "canonicalize", "events", "temporal", "gazetteer", "actions", "rules",
                "lexicon", "pipeline", "roles", "agents", "compiled", "parsed")
"""Modules whose code decides what a document yields: editing one invalidates the cache."""


def default_cache_dir(out_dir: str | Path | None = None) -> Path:
    """$KG_CACHE_DIR, else `<out_dir>/.cache`, else ~/.cache/kg (or $XDG_CACHE_HOME/kg)."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    if out_dir is not None:
        return Path(out_dir) / ".cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def _kg_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "source"


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    return source_digest(Path(__file__).resolve().parent)


def source_digest(here: Path) -> str:
    """Digest of the source of the code modules in the package folder `here`."""
    h = hashlib.sha256()
    for name in CODE_MODULES:
        # a module is a file or a package of them (kg/events/): every file of it counts
        package = here / name
        paths = sorted(package.glob("*.py")) if package.is_dir() else [here / f"{name}.py"]
        if not paths or not paths[0].exists():
            raise RuntimeError(f"cache: code module kg/{name} not found")  # a renamed module must not drop out
        for path in paths:
            h.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def model_version(model: str | None = None) -> str:
    """`name@version` of the spaCy model, read from its package metadata without loading it when possible."""
    import spacy.util

    name = model_name(model)
    version = spacy.util.get_package_version(name)
    if version is None and Path(name).is_dir() and (Path(name) / "meta.json").exists():
        version = spacy.util.get_model_meta(Path(name)).get("version")
    if version is None:
        from kg.nlp import load_nlp

        version = load_nlp(model).meta.get("version", "?")
    return f"{name}@{version}"


def context(model: str | None = None) -> str:
    """Everything besides the document that decides its DocResult, as one string."""
    data = sorted(p for p in ontology_dir().iterdir() if p.suffix in (".yaml", ".yml", ".csv", ".tsv", ".jsonl"))
    parts = [
        f"format={FORMAT}",
        f"kg={_kg_version()}",
        f"code={_code_digest()}",
        f"model={model_version(model)}",
        f"rules={load_rules().version}",
        *(f"{p.name}={_file_digest(p)}" for p in data),
    ]
    return "\n".join(parts)


def document_key(document: Document, ctx: str) -> str:
    """sha256 of the context and every field of the document."""
    fields = [ctx, document.id, document.text, document.date, document.title, document.url, document.source]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ encoding


def _encode(result: DocResult) -> dict[str, Any]:
    d = result.document
    return {
        "document": [d.id, d.text, d.date, d.title, d.url, d.source],
        "entities": [[e.key, e.label, e.kind, e.country, e.wikidata, list(e.aliases), e.sector,
                      [[r.country, r.sector, r.start, r.end] for r in e.roles]] for e in result.entities],
        "mentions": [[m.doc_id, m.start, m.end, m.text, m.key] for m in result.mentions],
        "events": [
            [ev.actor, ev.action, ev.target, ev.modality, ev.date, ev.date_text, ev.quantity,
             [[x.doc_id, x.sentence, x.start, x.end, x.trigger, x.attributed_to, x.attribution_text] for x in ev.evidence],
             ev.cameo]
            for ev in result.events
        ],
    }


def _decode(data: dict[str, Any]) -> DocResult:
    return DocResult(
        Document(*data["document"]),
        tuple(Entity(*e[:5], aliases=tuple(e[5]), sector=e[6], roles=tuple(Role(*r) for r in e[7]))
              for e in data["entities"]),
        tuple(Mention(*m) for m in data["mentions"]),
        tuple(Event(*ev[:7], evidence=tuple(Evidence(*x) for x in ev[7]), cameo=ev[8]) for ev in data["events"]),
    )


# ------------------------------------------------------------------ the cache


@dataclass
class Stats:
    """Hits and misses of one run, for the CLI and the benchmark."""

    hits: int = 0
    misses: int = 0


class DocCache:
    """DocResults on disk under `directory/<2 hex>/<sha256>.json`, one file per document and context."""

    def __init__(self, directory: str | Path, model: str | None = None, ctx: str | None = None):
        self.directory = Path(directory)
        self.context = ctx if ctx is not None else context(model)
        self.stats = Stats()

    def path(self, document: Document) -> Path:
        """Where this document's result is (or would be) stored."""
        key = document_key(document, self.context)
        return self.directory / key[:2] / f"{key}.json"

    def get(self, document: Document) -> DocResult | None:
        """The stored result for this exact document and context, or None (missing or unreadable)."""
        try:
            data = json.loads(self.path(document).read_text(encoding="utf-8"))
            result = _decode(data)
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            result = None
        if result is not None and result.document != document:
            result = None  # a hash collision or a tampered entry: never trust it
        if result is None:
            self.stats.misses += 1
        else:
            self.stats.hits += 1
        return result

    def put(self, result: DocResult) -> None:
        """Store a result atomically; a full or read-only disk only costs the cache, never the build."""
        target = self.path(result.document)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp.", dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(_encode(result), handle, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass


def cached(
    documents: Iterable[Document],
    cache: DocCache,
    run: Callable[[Iterable[Document]], Iterable[DocResult]],
) -> Iterator[DocResult]:
    """Results for `documents`: hits from the cache, misses through `run` (then stored), streamed.

    `run` sees only the misses, lazily, so a runner that pipelines its input
    (spaCy's nlp.pipe, the Dask path) keeps doing so; hits found while it
    fills a batch are yielded as soon as it yields its next result.
    """
    ready: deque[DocResult] = deque()

    def misses() -> Iterator[Document]:
        for document in documents:
            hit = cache.get(document)
            if hit is None:
                yield document
            else:
                ready.append(hit)

    for result in run(misses()):
        while ready:
            yield ready.popleft()
        cache.put(result)
        yield result
    while ready:
        yield ready.popleft()
