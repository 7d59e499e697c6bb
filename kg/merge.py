"""Merge per-document results into one corpus: one entity per key, one event per key, on disk.

A news archive does not fit in memory as Python objects, so each DocResult goes
into a SQLite database (a temporary file beside the outputs, or memory for a
small corpus) as it arrives, and the merged corpus is read back sorted, one
document or one event at a time. Merging never depends on arrival order:
"first" always means first in document id order, then in extraction order.

Rules, the same for a library call and for `kg build`:
- an entity takes its label, kind, Wikidata id and aliases from the first
  document that names it, and the first country (and sector) any document gives it;
  an entity with dated roles keeps them all and acts, corpus-wide, for the role
  kg.roles gives with no date (each document's own date only decides its events);
- entities that are only referred to (a country someone acts for, an actor or
  target resolved to a key no document listed) come from the gazetteer;
- an event takes the first quantity, the first date text and the first full
  CAMEO code its documents give, and all their distinct evidence, sorted;
- an event is dated `reported` by the earliest date of the documents that tell
  it (its date when the text gives none: the first report is the latest the
  event can have happened, whichever later article retells it);
- one story per actor, action and target per document: where a document tells
  the same actor, action and target with several modalities, the strongest in
  STORY_ORDER is what it says happened, and each weaker telling stays a record
  of its own (it is evidence) whose evidence there is marked `superseded_by` that
  modality. Dates decide what competes: a telling with a text date is outranked
  only by one of the same date (another date is another event), an undated one
  by any. An event outranked in every document that tells it is `superseded`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import chain, groupby
from pathlib import Path

from kg.errors import InputError
from kg.files import spool_db
from kg.gazetteer import load_gazetteer
from kg.model import Corpus, DocResult, Document, DocumentPart, Entity, Event, Evidence, Mention, Role
from kg.roles import acting

STORY_ORDER = ("asserted", "planned", "considered", "negated")
"""Modalities from the strongest commitment to the weakest. What a document asserts happened is its story;
else what it says will happen (a plan or pledge commits the actor), then what may happen (weighed), and
last what did not: a refusal told beside a plan or a debate is the past the news moves on from."""

_RANK = ("CASE modality " + " ".join(f"WHEN '{m}' THEN {i}" for i, m in enumerate(STORY_ORDER))
         + f" ELSE {len(STORY_ORDER)} END")
"""A modality's place in STORY_ORDER, in SQL (the names are constants of kg, never input)."""

KEY = "actor, action, target, modality, date"
"""An event's identity as columns; `target` and `date` are '' when absent, so ORDER BY sorts like Event.key."""

_EVIDENCE = "doc_id, sentence, start, end, trigger, attributed_to, attribution_text"
_HEAD = "date_text, quantity, cameo, reported, superseded"
"""The merged event's columns after its key, in the order `_event` reads them."""
_TOLD_AS = (f"SELECT DISTINCT e.*, o.story FROM evidence e LEFT JOIN outranked o USING ({KEY}, doc_id)")
"""The evidence with the story its document tells instead (NULL: it is the story there)."""
_EVIDENCE_ORDER = "doc_id, start, end, trigger, sentence, attributed_to, attribution_text"

_SCHEMA = f"""
CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT, date TEXT, title TEXT, url TEXT, source TEXT) WITHOUT ROWID;
CREATE TABLE entities (key TEXT, doc_id TEXT, label TEXT, kind TEXT, country TEXT, wikidata TEXT, aliases TEXT,
                       sector TEXT, roles TEXT, PRIMARY KEY (key, doc_id)) WITHOUT ROWID;
CREATE TABLE mentions (doc_id TEXT, start INTEGER, end INTEGER, text TEXT, key TEXT);
CREATE TABLE events (actor TEXT, action TEXT, target TEXT, modality TEXT, date TEXT,
                     doc_id TEXT, seq INTEGER, date_text TEXT, quantity INTEGER, cameo TEXT);
CREATE TABLE evidence (actor TEXT, action TEXT, target TEXT, modality TEXT, date TEXT,
                       doc_id TEXT, sentence TEXT, start INTEGER, end INTEGER, trigger TEXT,
                       attributed_to TEXT, attribution_text TEXT);
CREATE TABLE merged_entities (key TEXT PRIMARY KEY, label TEXT, kind TEXT, country TEXT, wikidata TEXT, aliases TEXT,
                              sector TEXT, roles TEXT) WITHOUT ROWID;
CREATE TABLE merged_events (actor TEXT, action TEXT, target TEXT, modality TEXT, date TEXT,
                            date_text TEXT, quantity INTEGER, sources INTEGER, cameo TEXT, reported TEXT,
                            superseded INTEGER, PRIMARY KEY ({KEY})) WITHOUT ROWID;
CREATE TABLE told (doc_id TEXT, actor TEXT, action TEXT, target TEXT, date TEXT, rank INTEGER, modality TEXT,
                   PRIMARY KEY (doc_id, actor, action, target, date, rank)) WITHOUT ROWID;
CREATE TABLE outranked (actor TEXT, action TEXT, target TEXT, modality TEXT, date TEXT, doc_id TEXT, story TEXT,
                        PRIMARY KEY ({KEY}, doc_id)) WITHOUT ROWID;
"""

# built once every result is in: cheaper than keeping them up to date on every insert (the mentions' hold every
# column the writers read, in the order they read them: no lookup in the table, no sort)
_INDEXES = f"""
CREATE INDEX mentions_by_doc ON mentions (doc_id, start, end, key, text);
CREATE INDEX mentions_by_key ON mentions (key, doc_id, start, end, text);
CREATE INDEX events_by_key ON events ({KEY}, doc_id, seq);
CREATE INDEX evidence_by_key ON evidence ({KEY}, doc_id);
CREATE INDEX evidence_by_doc ON evidence (doc_id);
"""

_MERGE_ENTITIES = """
INSERT INTO merged_entities
SELECT e.key, e.label, e.kind,
       (SELECT c.country FROM entities c WHERE c.key = e.key AND c.country IS NOT NULL ORDER BY c.doc_id LIMIT 1),
       e.wikidata, e.aliases,
       (SELECT c.sector FROM entities c WHERE c.key = e.key AND c.country IS NOT NULL ORDER BY c.doc_id LIMIT 1),
       e.roles
FROM entities e
WHERE e.doc_id = (SELECT MIN(f.doc_id) FROM entities f WHERE f.key = e.key)
"""

_SAME_EVENT = "x.actor = k.actor AND x.action = k.action AND x.target = k.target AND x.modality = k.modality AND x.date = k.date"

# each document's tellings, then those a stronger telling of the same document outranks (see the module doc)
_TOLD = f"INSERT INTO told SELECT DISTINCT doc_id, actor, action, target, date, {_RANK}, modality FROM events"

_OUTRANKED = """
INSERT INTO outranked
SELECT actor, action, target, modality, date, doc_id, story FROM (
  SELECT r.*, (SELECT s.modality FROM told s
               WHERE s.doc_id = r.doc_id AND s.actor = r.actor AND s.action = r.action AND s.target = r.target
                 AND (r.date = '' OR s.date = r.date)
               ORDER BY s.rank LIMIT 1) AS story
  FROM told r)
WHERE story != modality
"""

_MERGE_EVENTS = f"""
INSERT INTO merged_events
SELECT k.actor, k.action, k.target, k.modality, k.date,
       (SELECT x.date_text FROM events x WHERE {_SAME_EVENT} AND x.date_text != '' ORDER BY x.doc_id, x.seq LIMIT 1),
       (SELECT x.quantity FROM events x WHERE {_SAME_EVENT} AND x.quantity IS NOT NULL ORDER BY x.doc_id, x.seq LIMIT 1),
       (SELECT COUNT(DISTINCT x.doc_id) FROM evidence x WHERE {_SAME_EVENT}),
       (SELECT x.cameo FROM events x WHERE {_SAME_EVENT} AND x.cameo IS NOT NULL ORDER BY x.doc_id, x.seq LIMIT 1),
       (SELECT MIN(d.date) FROM evidence x JOIN documents d ON d.id = x.doc_id WHERE {_SAME_EVENT}),
       (SELECT COUNT(DISTINCT x.doc_id) FROM events x WHERE {_SAME_EVENT})
         = (SELECT COUNT(*) FROM outranked x WHERE {_SAME_EVENT})
FROM (SELECT DISTINCT {KEY} FROM events) k
"""


class Merger:
    """DocResults in, merged corpus out, with memory that does not grow with the corpus.

    `path` is the database file (created; the caller removes it), None for memory.
    Add every result, then `finish()`, then read. Use as a context manager to close it.
    """

    def __init__(self, path: str | Path | None = None, *, cache_mb: int = 16):
        self.db = spool_db(path, cache_mb)
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self.finished = False
        self.entity = lru_cache(maxsize=4096)(self._entity)
        """The merged entity of a key, or None: cached, since the same few actors recur in every document."""

    def __enter__(self) -> Merger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (its file stays until the caller removes it)."""
        self.db.close()

    # ------------------------------------------------------------------ writing

    def add(self, result: DocResult) -> None:
        """Store one document's result; its id must not have been added before."""
        if self.finished:
            raise RuntimeError("Merger.add after finish()")
        d = result.document
        try:
            self.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)", (d.id, d.text, d.date, d.title, d.url, d.source))
        except sqlite3.IntegrityError:
            raise InputError(f"document id {d.id!r} given twice") from None
        self.db.executemany(
            "INSERT OR IGNORE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(row[0], d.id, *row[1:]) for row in map(_entity_row, result.entities)],
        )
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                            [(m.doc_id, m.start, m.end, m.text, m.key) for m in result.mentions])
        self.db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*event.key, d.id, seq, event.date_text or "", event.quantity, event.cameo)
             for seq, event in enumerate(result.events)],
        )
        self.db.executemany(
            "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*event.key, x.doc_id, x.sentence, x.start, x.end, x.trigger, x.attributed_to, x.attribution_text)
             for event in result.events for x in event.evidence],
        )

    def finish(self) -> Merger:
        """Merge what was added: entities, gazetteer fill-ins and events. Idempotent."""
        if self.finished:
            return self
        if self.db.in_transaction:  # the inserts since __init__ are one transaction: far faster than one each
            self.db.execute("COMMIT")
        self.db.executescript(_INDEXES)
        self.db.execute(_MERGE_ENTITIES)
        gaz = load_gazetteer()
        # entities referred to only as the country another acts for still need a node
        countries = self._column("SELECT DISTINCT country FROM merged_entities WHERE country IS NOT NULL "
                                 "AND country NOT IN (SELECT key FROM merged_entities)")
        self._insert_entities(gaz.entities[k] for k in countries if k in gaz.entities)
        # and so do actors and targets resolved to a gazetteer key that no document listed
        keys = self._column("SELECT actor FROM events UNION SELECT target FROM events WHERE target != '' "
                            "EXCEPT SELECT key FROM merged_entities")
        self._insert_entities(gaz.entities[k] for k in keys if k in gaz.entities)
        self.db.execute(_TOLD)
        self.db.execute(_OUTRANKED)
        self.db.execute(_MERGE_EVENTS)
        self.finished = True
        return self

    def _column(self, sql: str) -> list[str]:
        return sorted(row[0] for row in self.db.execute(sql))

    def _insert_entities(self, entities: Iterable[Entity]) -> None:
        self.db.executemany("INSERT INTO merged_entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)", map(_entity_row, entities))

    # ------------------------------------------------------------------ reading (after finish)

    def _rows(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        if not self.finished:
            raise RuntimeError("Merger read before finish()")
        return self.db.execute(sql, params)

    def count(self, table: str) -> int:
        """Rows of `documents`, `merged_entities` or `merged_events`."""
        if table not in ("documents", "merged_entities", "merged_events"):
            raise ValueError(table)
        return next(iter(self._rows(f"SELECT COUNT(*) FROM {table}")))[0]

    def _entity(self, key: str) -> Entity | None:
        for row in self._rows("SELECT * FROM merged_entities WHERE key = ?", (key,)):
            return _entity(row)
        return None

    def documents(self) -> Iterator[Document]:
        """Every document, by id."""
        for row in self._rows("SELECT * FROM documents ORDER BY id"):
            yield Document(*row)

    def entities(self) -> Iterator[Entity]:
        """Every merged entity, by key."""
        for row in self._rows("SELECT * FROM merged_entities ORDER BY key"):
            yield _entity(row)

    def mentions(self) -> Iterator[Mention]:
        """Every mention, by document, offsets and key."""
        for row in self._rows("SELECT doc_id, start, end, text, key FROM mentions ORDER BY doc_id, start, end, key, text"):
            yield Mention(*row)

    def entities_with_mentions(self) -> Iterator[tuple[Entity, Iterable[Mention]]]:
        """Each merged entity (by key) with its mentions across the corpus (by document and offsets).

        The mentions are read lazily: consume them before asking for the next entity.
        """
        rows = self._rows("SELECT doc_id, start, end, text, key FROM mentions ORDER BY key, doc_id, start, end, text")
        by_key = groupby((Mention(*row) for row in rows), key=lambda m: m.key)
        pending = next(by_key, None)
        for entity in self.entities():
            while pending is not None and pending[0] < entity.key:  # mentions of keys no entity has
                pending = next(by_key, None)
            if pending is not None and pending[0] == entity.key:
                yield entity, pending[1]
                pending = next(by_key, None)
            else:
                yield entity, ()

    def events_with_evidence(self) -> Iterator[tuple[Event, int, Iterable[Evidence]]]:
        """Each merged event by key (its `evidence` left empty), the number of documents that tell it,
        and its distinct evidence sorted, read lazily: consume it before asking for the next event."""
        rows = self._rows(
            f"SELECT m.actor, m.action, m.target, m.modality, m.date, m.date_text, m.quantity, m.cameo, m.reported, "
            f"m.superseded, m.sources, x.doc_id, x.sentence, x.start, x.end, x.trigger, x.attributed_to, "
            f"x.attribution_text, x.story "
            f"FROM merged_events m LEFT JOIN ({_TOLD_AS}) x USING ({KEY}) "
            f"ORDER BY m.actor, m.action, m.target, m.modality, m.date, "
            f"x.doc_id, x.start, x.end, x.trigger, x.sentence, x.attributed_to, x.attribution_text"
        )
        for _, group in groupby(rows, key=lambda row: row[:5]):
            head = next(group)
            yield (_event([head[:10] + (None,)]), head[10],
                   (Evidence(*row[11:]) for row in chain([head], group) if row[11] is not None))

    def events(self) -> Iterator[Event]:
        """Every merged event, by key, with all its distinct evidence sorted."""
        for event, _, evidence in self.events_with_evidence():
            yield replace(event, evidence=tuple(evidence))

    def source_counts(self) -> Iterator[tuple[Event, int]]:
        """Each merged event (without evidence), by key, with the number of documents that tell it."""
        for row in self._rows(f"SELECT {KEY}, {_HEAD}, sources FROM merged_events ORDER BY {KEY}"):
            yield _event([(*row[:10], None)]), row[10]

    def busiest(self, n: int | None = None) -> tuple[list[str], int]:
        """The keys of the `n` entities (None: all) that take part in most merged events, as actor or target,
        ties by key; and how many entities take part in any. SQLite counts on disk: memory stays flat."""
        involved = ("SELECT actor AS key FROM merged_events UNION ALL "
                    "SELECT target FROM merged_events WHERE target != '' AND target != actor")
        total = next(iter(self._rows(f"SELECT COUNT(DISTINCT key) FROM ({involved})")))[0]
        rows = self._rows(f"SELECT key FROM ({involved}) GROUP BY key ORDER BY COUNT(*) DESC, key LIMIT ?",
                          (-1 if n is None else n,))
        return [key for key, in rows], total

    def events_among(self, keys: Iterable[str] | None = None, limit: int | None = None,
                     evidence: int | None = None) -> Iterator[tuple[Event, int, int, tuple[Evidence, ...]]]:
        """Merged events whose actor and target (when it has one) are among `keys` (None: all): the `limit`
        told by the most documents (ties by actor, target, date, action, modality), each with its number of
        documents, its number of mentions (one per document and offsets) and its first `evidence` of them,
        by document and offset. The events come without evidence of their own."""
        where = ""
        if keys is not None:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS chosen (key TEXT PRIMARY KEY) WITHOUT ROWID")
            self.db.execute("DELETE FROM chosen")
            self.db.executemany("INSERT OR IGNORE INTO chosen VALUES (?)", ((k,) for k in keys))
            where = "WHERE actor IN (SELECT key FROM chosen) AND (target = '' OR target IN (SELECT key FROM chosen))"
        rows = list(self._rows(f"SELECT {KEY}, {_HEAD}, sources FROM merged_events {where} "
                               f"ORDER BY sources DESC, actor, target, date, action, modality LIMIT ?",
                               (-1 if limit is None else limit,)))
        # a mention is a document and offsets, as in the graph, where it is one node
        mentions = (f"SELECT doc_id, MIN(sentence), start, end, MIN(trigger), MIN(attributed_to), MIN(attribution_text), "
                    f"MIN(story) FROM ({_TOLD_AS} WHERE ({KEY}) = (?, ?, ?, ?, ?)) GROUP BY doc_id, start, end")
        for row in rows:
            key = row[:5]
            total = next(iter(self.db.execute(f"SELECT COUNT(*) FROM ({mentions})", key)))[0]
            first = tuple(Evidence(*x) for x in self.db.execute(
                f"{mentions} ORDER BY doc_id, start, 2, end LIMIT ?", (*key, -1 if evidence is None else evidence)))
            yield _event([(*row[:10], None)]), row[10], total, first

    def mention_texts(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """The distinct texts the documents name each of `keys` by (sorted; keys never mentioned left out):
        what the page's search knows an actor by, as the graph's skos:altLabel holds them."""
        out: dict[str, list[str]] = {}
        for key in sorted(set(keys)):
            texts = [text for text, in self.db.execute(
                "SELECT DISTINCT text FROM mentions WHERE key = ? ORDER BY text", (key,))]
            if texts:
                out[key] = texts
        return out

    def documents_by_id(self, ids: Iterable[str]) -> Iterator[Document]:
        """The documents with these ids (unknown ids skipped), by id."""
        for doc_id in sorted(set(ids)):
            for row in self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)):
                yield Document(*row)

    def document_parts(self) -> Iterator[DocumentPart]:
        """Each document (by id) with its mentions and the merged events it tells, with its own evidence."""
        for document in self.documents():
            mentions = tuple(Mention(*row) for row in self.db.execute(
                "SELECT doc_id, start, end, text, key FROM mentions WHERE doc_id = ? ORDER BY start, end, key, text",
                (document.id,)))
            rows = self.db.execute(
                f"SELECT m.actor, m.action, m.target, m.modality, m.date, m.date_text, m.quantity, m.cameo, m.reported, "
                f"m.superseded, {_EVIDENCE}, story "
                f"FROM ({_TOLD_AS} WHERE doc_id = ?) x "
                f"JOIN merged_events m USING ({KEY}) "
                f"ORDER BY m.actor, m.action, m.target, m.modality, m.date, {_EVIDENCE_ORDER}",
                (document.id,))
            told = tuple(_event(list(group)) for _, group in groupby(rows, key=lambda row: row[:5]))
            yield DocumentPart(document, mentions, told)

    def corpus(self) -> Corpus:
        """Everything in memory, for a corpus small enough (evaluation, tests, `kg extract`)."""
        self.finish()
        return Corpus(tuple(self.documents()), tuple(self.entities()), tuple(self.mentions()), tuple(self.events()))


@lru_cache(maxsize=4096)
def _entity_row(e: Entity) -> tuple:
    """An entity as a database row (key first); one with dated roles acts for its undated role corpus-wide.
    Kept for the entities met last: the gazetteer's recur in every document naming them, aliases and all."""
    if e.roles:
        e = acting(e, None)
    roles = json.dumps([[r.country, r.sector, r.start, r.end] for r in e.roles]) if e.roles else None
    return (e.key, e.label, e.kind, e.country, e.wikidata, json.dumps(list(e.aliases)), e.sector, roles)


def _entity(row: tuple) -> Entity:
    key, label, kind, country, wikidata, aliases, sector, roles = row
    return Entity(key, label, kind, country, wikidata, tuple(json.loads(aliases)), sector,
                  tuple(Role(*r) for r in json.loads(roles)) if roles else ())


def _event(rows: list[tuple]) -> Event:
    """An event from rows of (key..., date_text, quantity, cameo, reported, superseded, evidence...); evidence
    columns are None when it has none."""
    actor, action, target, modality, date, date_text, quantity, cameo, reported, superseded = rows[0][:10]
    evidence = tuple(Evidence(*row[10:]) for row in rows if row[10] is not None)
    return Event(actor, action, target or None, modality, date or None, date_text or None, quantity, evidence, cameo,
                 reported, bool(superseded))


def merge(results: Iterable[DocResult], path: str | Path | None = None) -> Corpus:
    """Merge results into an in-memory Corpus (entities and events by key); see `Merger` for the rules."""
    with Merger(path) as merger:
        for result in results:
            merger.add(result)
        return merger.corpus()


class CorpusView:
    """An in-memory Corpus read through the same methods as a finished Merger, so one writer serves both.

    Its events get the merge's corpus-wide attributes (`reported`, `superseded`, `superseded_by`) by the
    same rules, so a corpus made by hand reads as if it had been merged.
    """

    def __init__(self, corpus: Corpus):
        self.corpus = replace(corpus, events=told(corpus.documents, corpus.events))
        self.entity = self.corpus.by_key.get

    def count(self, table: str) -> int:
        """Documents, merged entities or merged events, named as the Merger's tables."""
        return len({"documents": self.corpus.documents, "merged_entities": self.corpus.entities,
                    "merged_events": self.corpus.events}[table])

    def document_parts(self) -> Iterator[DocumentPart]:
        """Each document with its mentions and the events it tells, in corpus order."""
        mentions: dict[str, list[Mention]] = {}
        for m in self.corpus.mentions:
            mentions.setdefault(m.doc_id, []).append(m)
        told: dict[str, list[Event]] = {}
        for event in self.corpus.events:
            for doc_id in sorted({ev.doc_id for ev in event.evidence}):
                told.setdefault(doc_id, []).append(event)
        for doc in self.corpus.documents:
            yield DocumentPart(doc, tuple(mentions.get(doc.id, ())), tuple(told.get(doc.id, ())))

    def source_counts(self) -> Iterator[tuple[Event, int]]:
        """Each event with the number of distinct documents among its evidence."""
        for event in self.corpus.events:
            yield event, len({ev.doc_id for ev in event.evidence})

    def entities_with_mentions(self) -> Iterator[tuple[Entity, Iterable[Mention]]]:
        """Each entity, by key, with its mentions in corpus order."""
        mentions: dict[str, list[Mention]] = {}
        for m in self.corpus.mentions:
            mentions.setdefault(m.key, []).append(m)
        for entity in sorted(self.corpus.entities, key=lambda e: e.key):
            yield entity, mentions.get(entity.key, [])

    def events_with_evidence(self) -> Iterator[tuple[Event, int, Iterable[Evidence]]]:
        """Each event in corpus order (`evidence` left empty), its number of documents, and its evidence."""
        for event, sources in self.source_counts():
            yield replace(event, evidence=()), sources, event.evidence

    def events(self) -> Iterator[Event]:
        """The events in corpus order."""
        return iter(self.corpus.events)


def told(documents: Iterable[Document], events: Iterable[Event]) -> tuple[Event, ...]:
    """The events with what the merge adds, computed in memory by the rules of the module doc (as the Merger's
    SQL does on disk): the earliest date of the documents that tell each (`reported`), the stronger modality
    each document tells instead of each telling (`Evidence.superseded_by`), and `superseded`."""
    events = tuple(events)
    dates = {d.id: d.date for d in documents}
    rank = {m: i for i, m in enumerate(STORY_ORDER)}
    tellings: dict[tuple[str, ...], set[tuple[str, str]]] = {}
    for e in events:
        for doc in {x.doc_id for x in e.evidence}:
            tellings.setdefault((doc, e.actor, e.action, e.target or ""), set()).add((e.date or "", e.modality))

    def story(doc: str, e: Event) -> str | None:
        rivals = [m for date, m in tellings[(doc, e.actor, e.action, e.target or "")] if not e.date or date == e.date]
        best = min(rivals, key=lambda m: (rank.get(m, len(rank)), m))
        return None if best == e.modality else best

    out = []
    for e in events:
        evidence = tuple(replace(x, superseded_by=story(x.doc_id, e)) for x in e.evidence)
        reported = min((d for x in evidence if (d := dates.get(x.doc_id))), default=None)
        out.append(replace(e, evidence=evidence, reported=reported,
                           superseded=bool(evidence) and all(x.superseded_by for x in evidence)))
    return tuple(out)


Merged = Merger | CorpusView
"""A merged corpus as the writers read it: on disk or in memory."""


def view(source: Corpus | Merged) -> Merged:
    """A Corpus wrapped as a view; a Merger or view as it is."""
    return CorpusView(source) if isinstance(source, Corpus) else source
