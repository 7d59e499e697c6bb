"""Score extracted events against the hand-made gold sets of shared/eval (backs `kg eval`).

Two gold formats, both defined in shared/eval/README.md:

- the seed gold (one JSON object: docs, entities, not_same, events, dates), scored per
  document at (actor's country, action type, target's country);
- the PLOVER development set (JSON Lines: id, text, events, reciprocal), scored per
  sentence at (source country, PLOVER type, target country).

Both reduce to one matching rule. A system event is an event record of
shared/spec/events-jsonl.md counted once in each gold document it has a mention in;
its actor and target are reduced to their records' `country` (a person acts for
their country), its type is the record's `action` (seeds) or `plover` (PLOVER).
It matches a gold event of the same document when its type is one of the gold's
acceptable types and the actor and target agree, in either order when the gold
event is symmetric (seeds) or reciprocal (PLOVER). Identical reduced events in one
document count once, on both sides.

- precision = matched system events / system events; a system event that matches
  only optional gold events is left out of both counts. A system event whose actor
  or target has no country cannot match and counts as a false event.
- recall = matched required gold events / required gold events.
- A zero denominator gives 0.0.
- A gold event with no target (PLOVER: target_country null, which also covers
  non-state targets such as IGO, NGO or IMG codes) matches on actor and type alone;
  reciprocal and target-less, the system event may name its party as actor or target.
- A PLOVER gold event whose source_country is null (non-state source: IGO, NGO, IMG,
  ISM ...) cannot be matched by country: it is optional, so it is not required and a
  system event matching its type and target is neither rewarded nor punished.
- Modality, date and quantity accuracy are over matched required gold events that
  give the attribute; it is right when some matched system record of that document
  carries exactly the gold value (dates: equal strings, so "2024-11-14" is wrong for a
  gold "2024-11": the gold's granularity is the one to reach). Only a date the text
  gives counts: a record dated by its article (`date_source` "article") has none here.
- Story modality accuracy is modality accuracy over the document's stories only
  (mentions whose `superseded_by` is null): what the document is output as saying.
- Entity resolution (seeds): an entity-record mention in a gold document whose text
  equals a gold alias is a found alias. Each gold row is resolved to the system
  entity that holds most of its found aliases (ties: smallest key); a found alias is
  right when it sits in its row's entity, or, for a Country row, in a Location entity
  acting for that country (a capital). Rows resolved to one system entity are merged;
  merged `not_same` pairs are reported apart. The misnamed "Kim Jong-un" of seed 001
  is not special-cased: resolved as written it counts as right, resolved to the
  professor it costs one alias and no merge.
- Date expressions (seeds `dates`): scored with `kg.temporal.normalise(text,
  doc_date)` when that function exists, skipped otherwise.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.errors import EvalError, InputError
from kg.files import json_objects
from kg.model import MODALITY_NAMES, Document

SEED_KEYS = ("docs", "entities", "events")
PLOVER_KEYS = ("id", "text", "events", "reciprocal")


@dataclass(frozen=True)
class GoldEntity:
    """One real-world entity of the seed gold and the surface forms that must resolve to it."""

    key: str
    label: str
    kind: str
    country: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GoldEvent:
    """One gold event; seeds give entity keys, PLOVER gives countries (None: non-state or no target)."""

    id: str
    doc: str
    actor: str | None
    actions: tuple[str, ...]
    target: str | None
    symmetric: bool = False
    modality: str | None = None
    date: str | None = None
    quantity: int | None = None
    required: bool = True
    evidence: str = ""


@dataclass(frozen=True)
class GoldDate:
    """A temporal expression of a seed document and its expected normalised value."""

    doc: str
    text: str
    value: str


@dataclass(frozen=True)
class SeedGold:
    """The seed gold file: documents with dates, entity table, not_same pairs, events, dates."""

    path: Path
    docs: Mapping[str, str | None]
    entities: tuple[GoldEntity, ...]
    not_same: tuple[tuple[str, str], ...]
    events: tuple[GoldEvent, ...]
    dates: tuple[GoldDate, ...]


@dataclass(frozen=True)
class PloverSentence:
    """One sentence of the PLOVER set: the document the pipeline reads."""

    id: str
    text: str
    reciprocal: bool
    date: str | None = None
    """The article's date where the set gives one (news-dev): it anchors relative dates and dated roles."""


@dataclass(frozen=True)
class PloverGold:
    """The PLOVER gold file: sentences and their events reduced to countries."""

    path: Path
    sentences: tuple[PloverSentence, ...]
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True)
class SystemEvent:
    """An event record as seen in one document: countries, type, attributes and its sentence."""

    doc: str
    actor: str | None
    action: str
    target: str | None
    modality: str | None = None
    date: str | None = None
    quantity: int | None = None
    sentence: str = ""
    story: bool = True
    """False when the document tells a stronger modality of the same actor, action and target (`superseded_by`)."""

    @property
    def triple(self) -> tuple[str | None, str, str | None]:
        """(actor country, type, target country): the unit of matching."""
        return (self.actor, self.action, self.target)


@dataclass(frozen=True)
class Counts:
    """Matched and total events on both sides, with precision, recall and F1."""

    system: int = 0
    matched_system: int = 0
    gold: int = 0
    matched_gold: int = 0

    @property
    def precision(self) -> float:
        """Matched system events over system events (0.0 when there are none)."""
        return self.matched_system / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        """Matched required gold events over required gold events (0.0 when there are none)."""
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.system + other.system,
            self.matched_system + other.matched_system,
            self.gold + other.gold,
            self.matched_gold + other.matched_gold,
        )


@dataclass(frozen=True)
class Accuracy:
    """Right answers over scored cases, with a line per wrong one."""

    correct: int = 0
    total: int = 0
    wrong: tuple[str, ...] = ()

    @property
    def value(self) -> float | None:
        """The accuracy, or None when nothing was scored."""
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class DocScore:
    """One document's counts, its missed required gold events and its false system events."""

    doc: str
    counts: Counts
    excused: int
    missed: tuple[GoldEvent, ...]
    false: tuple[SystemEvent, ...]
    found: tuple[GoldEvent, ...] = ()
    """Required gold events matched."""
    right: tuple[SystemEvent, ...] = ()
    """System events (one per reduced triple) that match a required gold event."""


@dataclass(frozen=True)
class AliasError:
    """A found alias that sits in the wrong system entity."""

    doc: str
    text: str
    start: int | None
    row: str
    system_key: str
    expected_key: str


@dataclass(frozen=True)
class EntityScore:
    """Entity resolution over the gold aliases the system found."""

    found: int
    correct: int
    errors: tuple[AliasError, ...]
    resolved: Mapping[str, str]
    """Gold row key -> the system entity key it resolved to."""
    merged: tuple[tuple[str, str, str], ...]
    """(row, row, system key): two gold rows resolved to one system entity."""
    not_same_merged: tuple[tuple[str, str], ...]

    @property
    def accuracy(self) -> float | None:
        """Right found aliases over found aliases, or None when none was found."""
        return self.correct / self.found if self.found else None


@dataclass(frozen=True)
class Report:
    """The scores of one run against one gold file."""

    kind: str
    gold: str
    counts: Counts
    docs: tuple[DocScore, ...]
    modality: Accuracy | None = None
    date: Accuracy | None = None
    quantity: Accuracy | None = None
    entities: EntityScore | None = None
    dates: Accuracy | None = None
    """Date-expression normalisation, None when kg.temporal.normalise is not there."""
    story_modality: Accuracy | None = None
    """Modality accuracy over the documents' stories only (records their document does not outrank)."""


# ---------------------------------------------------------------- loading


def load_gold(path: Path) -> SeedGold | PloverGold:
    """Read a gold file, detecting the seed (JSON object) or PLOVER (JSON Lines) format."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read the gold file: {exc}") from exc
    try:
        whole = json.loads(text)
    except ValueError:  # not JSON, or a number past Python's 4,300-digit limit: read it as lines
        whole = None
    if isinstance(whole, dict) and all(k in whole for k in SEED_KEYS):
        return _seed_gold(path, whole)
    if isinstance(whole, dict) and not all(k in whole for k in PLOVER_KEYS):
        missing = [k for k in SEED_KEYS if k not in whole]
        raise EvalError(
            f"{path}: not a gold file: a seed gold object needs {', '.join(SEED_KEYS)} "
            f"(missing {', '.join(missing)}); a PLOVER gold has lines with {', '.join(PLOVER_KEYS)}"
        )
    return _plover_gold(path, text)


def _need(where: str, row: Any, keys: Iterable[str]) -> None:
    if not isinstance(row, dict):
        raise EvalError(f"{where}: expected an object, got {type(row).__name__}")
    missing = [k for k in keys if k not in row]
    if missing:
        raise EvalError(f"{where}: missing {', '.join(missing)}")


def _seed_gold(path: Path, data: dict[str, Any]) -> SeedGold:
    if not isinstance(data["docs"], dict) or not isinstance(data["entities"], list) or not isinstance(data["events"], list):
        raise EvalError(f"{path}: docs must be an object, entities and events lists")
    docs = {}
    for doc_id, info in data["docs"].items():
        docs[doc_id] = info.get("date") if isinstance(info, dict) else info
    entities = []
    owner: dict[str, str] = {}
    for i, row in enumerate(data["entities"]):
        _need(f"{path}: entities[{i}]", row, ("key", "aliases"))
        key = row["key"]
        for alias in row["aliases"]:
            if alias in owner and owner[alias] != key:
                raise EvalError(f"{path}: alias {alias!r} belongs to both {owner[alias]} and {key}")
            owner[alias] = key
        entities.append(
            GoldEntity(key, row.get("label", key), row.get("kind", ""), row.get("country") or key, tuple(row["aliases"]))
        )
    keys = {e.key for e in entities}
    events = []
    for i, row in enumerate(data["events"]):
        where = f"{path}: events[{i}] ({row.get('id', '?') if isinstance(row, dict) else '?'})"
        _need(where, row, ("doc", "actor", "action"))
        actions = row["action"] if isinstance(row["action"], list) else [row["action"]]
        if row["doc"] not in docs:
            raise EvalError(f"{where}: doc {row['doc']!r} is not in docs")
        for role in ("actor", "target"):
            if row.get(role) is not None and row[role] not in keys:
                raise EvalError(f"{where}: {role} {row[role]!r} is not an entity key")
        if row.get("modality") is not None and row["modality"] not in MODALITY_NAMES:
            raise EvalError(f"{where}: modality {row['modality']!r}; choose one of: {', '.join(MODALITY_NAMES)}")
        events.append(
            GoldEvent(
                id=str(row.get("id", i)),
                doc=row["doc"],
                actor=row["actor"],
                actions=tuple(actions),
                target=row.get("target"),
                symmetric=bool(row.get("symmetric", False)),
                modality=row.get("modality"),
                date=row.get("date"),
                quantity=row.get("quantity"),
                required=bool(row.get("required", True)),
                evidence=row.get("evidence", ""),
            )
        )
    not_same = []
    for pair in data.get("not_same", []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(k in keys for k in pair)):
            raise EvalError(f"{path}: not_same pair {pair!r} must be two entity keys")
        not_same.append((pair[0], pair[1]))
    dates = []
    for i, row in enumerate(data.get("dates", [])):
        _need(f"{path}: dates[{i}]", row, ("doc", "text", "value"))
        dates.append(GoldDate(row["doc"], row["text"], row["value"]))
    return SeedGold(path, docs, tuple(entities), tuple(not_same), tuple(events), tuple(dates))


def _plover_gold(path: Path, text: str) -> PloverGold:
    sentences, events = [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {n}"
        try:
            row = json.loads(line)
        except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise EvalError(f"{where}: not JSON ({reason}); expected a seed gold object or PLOVER JSON Lines") from exc
        _need(where, row, PLOVER_KEYS)
        reciprocal = bool(row["reciprocal"])
        date = row.get("date")
        if date is not None and not isinstance(date, str):
            raise EvalError(f"{where}: date must be a YYYY-MM-DD string or null, got {date!r}")
        sentences.append(PloverSentence(str(row["id"]), row["text"], reciprocal, date))
        for j, ev in enumerate(row["events"]):
            _need(f"{where}: events[{j}]", ev, ("source_country", "target_country", "plover_2021"))
            source = ev["source_country"]
            alt = ev.get("alt") or []
            if not isinstance(alt, list) or not all(isinstance(a, str) for a in alt):
                raise EvalError(f"{where}: events[{j}]: alt must be a list of PLOVER types, got {alt!r}")
            events.append(
                GoldEvent(
                    id=f"{row['id']}#{j}",
                    doc=str(row["id"]),
                    actor=source,
                    # `alt`: further types that count as right for this event (news-dev)
                    actions=tuple(dict.fromkeys([ev["plover_2021"], *alt])),
                    target=ev["target_country"],
                    symmetric=reciprocal,
                    # `optional`: neither rewarded nor punished, like a non-state source
                    required=source is not None and not ev.get("optional", False),
                    evidence=row["text"],
                )
            )
    if not sentences:
        raise EvalError(f"{path}: no gold lines")
    return PloverGold(path, tuple(sentences), tuple(events))


def gold_documents(gold: SeedGold | PloverGold, docs: Path | None = None) -> list[Document]:
    """The documents the pipeline must read for this gold, in gold order, with the gold's dates."""
    if isinstance(gold, PloverGold):
        return [Document(s.id, s.text, s.date) for s in gold.sentences]
    source = Path(docs) if docs is not None else gold.path.parent.parent / "seeds"
    texts = _read_texts(source, gold.docs)
    return [Document(doc_id, texts[doc_id], date) for doc_id, date in gold.docs.items()]


def _read_texts(source: Path, ids: Iterable[str]) -> dict[str, str]:
    """Texts by id, read with `kg.ingest` (as `kg build` reads them) from `<id>.txt` files or a .jsonl corpus."""
    from kg.ingest import read_documents

    ids = list(ids)
    if source.is_dir():
        files = [source / f"{doc_id}.txt" for doc_id in ids]
        for doc_id, file in zip(ids, files):
            if not file.is_file():
                raise EvalError(f"no text for gold document {doc_id}: {file} not found")
    elif source.is_file():
        files = [source]
    else:
        raise EvalError(f"{source}: no such directory of <id>.txt files or .jsonl corpus")
    texts = {doc.id: doc.text for doc in read_documents(files)}
    missing = [doc_id for doc_id in ids if doc_id not in texts]
    if missing:
        raise EvalError(f"{source}: no text for gold document(s) {', '.join(missing)}")
    return texts


def read_records(path: Path) -> list[dict[str, Any]]:
    """Read an events JSON Lines file (shared/spec/events-jsonl.md) into records."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the events file: {exc}") from exc
    return [row for _, row in json_objects(lines, str(path), InputError)]


# ---------------------------------------------------------------- scoring


def score(gold: SeedGold | PloverGold, records: Iterable[dict[str, Any]]) -> Report:
    """Score JSON Lines records (entities and events) against a gold set."""
    records = list(records)
    if isinstance(gold, PloverGold):
        doc_ids = [s.id for s in gold.sentences]
        system = _system_events(records, set(doc_ids), "plover")
        docs, modality, date, quantity, _ = _score_events(doc_ids, list(gold.events), system)
        return Report("plover", str(gold.path), _total(docs), docs)
    country = {e.key: e.country for e in gold.entities}
    reduced = [
        replace(g, actor=country[g.actor] if g.actor else None, target=country[g.target] if g.target else None)
        for g in gold.events
    ]
    doc_ids = list(gold.docs)
    system = _system_events(records, set(doc_ids), "action")
    docs, modality, date, quantity, story = _score_events(doc_ids, reduced, system)
    return Report(
        "seeds", str(gold.path), _total(docs), docs, modality, date, quantity,
        _score_entities(gold, records), _score_dates(gold), story,
    )


def _total(docs: Iterable[DocScore]) -> Counts:
    total = Counts()
    for d in docs:
        total = total + d.counts
    return total


def _country(ref: Any) -> str | None:
    return ref.get("country") if isinstance(ref, dict) else None


def _system_events(records: list[dict[str, Any]], docs: set[str], type_field: str) -> dict[str, list[SystemEvent]]:
    """Event records split per gold document they are mentioned in (once per document)."""
    out: dict[str, list[SystemEvent]] = defaultdict(list)
    for rec in records:
        if rec.get("type") != "event":
            continue
        seen = set()
        for m in rec.get("mentions") or []:
            doc = m.get("doc")
            if doc not in docs or doc in seen:
                continue
            seen.add(doc)
            out[doc].append(
                SystemEvent(
                    doc=doc,
                    actor=_country(rec.get("actor")),
                    action=str(rec.get(type_field)),
                    target=_country(rec.get("target")),
                    modality=rec.get("modality"),
                    # the article's date stands in where the text gives none: not a date the text gave
                    date=rec.get("date") if rec.get("date_source") != "article" else None,
                    quantity=rec.get("quantity"),
                    sentence=m.get("sentence") or "",
                    story=m.get("superseded_by") is None,
                )
            )
    return out


def _matches(g: GoldEvent, triple: tuple[str | None, str, str | None]) -> bool:
    """Whether a reduced system event is this gold event (type, then actor and target, either way if symmetric)."""
    actor, action, target = triple
    if action not in g.actions:
        return False
    if g.actor is None:  # non-state source (optional): type and target alone
        return g.target is None or target == g.target or (g.symmetric and actor == g.target)
    if actor is None:
        return False
    if g.target is None:  # no (or a non-state) target: actor and type alone
        return actor == g.actor or (g.symmetric and target == g.actor)
    if target is None:
        return False
    return (actor, target) == (g.actor, g.target) or (g.symmetric and (actor, target) == (g.target, g.actor))


def _dedupe(events: list[GoldEvent]) -> list[GoldEvent]:
    """Identical reduced gold events of one document count once; a required copy wins."""
    by_key: dict[tuple, GoldEvent] = {}
    for g in sorted(events, key=lambda g: not g.required):
        by_key.setdefault((g.actor, frozenset(g.actions), g.target, g.symmetric), g)
    return [g for g in events if g in by_key.values()]


def _score_events(
    doc_ids: list[str], gold: list[GoldEvent], system: Mapping[str, list[SystemEvent]]
) -> tuple[tuple[DocScore, ...], Accuracy, Accuracy, Accuracy, Accuracy]:
    per_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for g in gold:
        per_doc[g.doc].append(g)
    scores = []
    attrs: dict[str, list] = {"modality": [0, 0, []], "date": [0, 0, []], "quantity": [0, 0, []], "story": [0, 0, []]}
    for doc in doc_ids:
        golds = _dedupe(per_doc.get(doc, []))
        triples: dict[tuple, list[SystemEvent]] = {}
        for s in system.get(doc, []):
            triples.setdefault(s.triple, []).append(s)
        matched_system = excused = 0
        false, right = [], []
        for triple, copies in triples.items():
            hits = [g for g in golds if _matches(g, triple)]
            if any(g.required for g in hits):
                matched_system += 1
                right.append(copies[0])
            elif hits:
                excused += 1
            else:
                false.append(copies[0])
        required = [g for g in golds if g.required]
        missed = []
        for g in required:
            found = [s for t, copies in triples.items() if _matches(g, t) for s in copies]
            if not found:
                missed.append(g)
                continue
            for name in attrs:
                field = "modality" if name == "story" else name
                want = getattr(g, field)
                if want is None:
                    continue
                got = [getattr(s, field) for s in found if s.story or name != "story"]
                attrs[name][1] += 1
                if want in got:
                    attrs[name][0] += 1
                else:
                    attrs[name][2].append(f"{g.id}: {field} {want}, system {', '.join(map(str, dict.fromkeys(got)))}")
        counts = Counts(len(triples) - excused, matched_system, len(required), len(required) - len(missed))
        found_gold = tuple(g for g in required if g not in missed)
        scores.append(DocScore(doc, counts, excused, tuple(missed), tuple(false), found_gold, tuple(right)))
    acc = {name: Accuracy(c, t, tuple(w)) for name, (c, t, w) in attrs.items()}
    return tuple(scores), acc["modality"], acc["date"], acc["quantity"], acc["story"]


def _score_entities(gold: SeedGold, records: list[dict[str, Any]]) -> EntityScore:
    """Found aliases must sit in their row's system entity (or a capital of their country); rows must not merge."""
    row_of = {alias: e for e in gold.entities for alias in e.aliases}
    found = []  # (doc, text, start, row, system record)
    for rec in records:
        if rec.get("type") != "entity":
            continue
        for m in rec.get("mentions") or []:
            if m.get("doc") in gold.docs and m.get("text") in row_of:
                found.append((m["doc"], m["text"], m.get("start"), row_of[m["text"]], rec))

    def capital(row: GoldEntity, rec: dict[str, Any]) -> bool:
        return row.kind == "Country" and rec.get("kind") == "Location" and rec.get("country") == row.key

    votes: dict[str, Counter] = defaultdict(Counter)
    for _, _, _, row, rec in found:
        if not capital(row, rec):
            votes[row.key][str(rec.get("key"))] += 1
    resolved = {row: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for row, c in sorted(votes.items())}
    errors = []
    for doc, text, start, row, rec in sorted(found, key=lambda f: (f[0], f[2] if f[2] is not None else -1, f[1])):
        if not capital(row, rec) and str(rec.get("key")) != resolved[row.key]:
            errors.append(AliasError(doc, text, start, row.key, str(rec.get("key")), resolved[row.key]))
    rows_of: dict[str, list[str]] = defaultdict(list)
    for row, key in resolved.items():
        rows_of[key].append(row)
    merged = tuple(
        (a, b, key) for key, rows in sorted(rows_of.items()) for i, a in enumerate(rows) for b in rows[i + 1:]
    )
    not_same = tuple(
        (a, b) for a, b in gold.not_same if a in resolved and b in resolved and resolved[a] == resolved[b]
    )
    return EntityScore(len(found), len(found) - len(errors), tuple(errors), resolved, merged, not_same)


def _score_dates(gold: SeedGold) -> Accuracy | None:
    """Accuracy of kg.temporal.normalise on the gold date expressions, None if it is not there."""
    try:
        normalise = getattr(importlib.import_module("kg.temporal"), "normalise")
    except (ImportError, AttributeError):
        return None
    correct, wrong = 0, []
    for d in gold.dates:
        got = normalise(d.text, gold.docs.get(d.doc))
        if got == d.value:
            correct += 1
        else:
            wrong.append(f"{d.doc}: {d.text!r} -> {got}, expected {d.value}")
    return Accuracy(correct, len(gold.dates), tuple(wrong))


def evaluate(gold_path: Path, docs: Path | None = None, events: Path | None = None, model: str | None = None,
             lexicon: bool = True) -> Report:
    """Score an events file, or else the pipeline run on the gold's own documents, against a gold file.

    `lexicon=False` runs the pipeline without the CAMEO verb dictionary (hand-written rules only).
    """
    gold = load_gold(gold_path)
    if events is not None:
        return score(gold, read_records(events))
    from kg.export import records
    from kg.pipeline import extract  # imported late: the NLP stack is heavy and only needed here

    corpus = extract(gold_documents(gold, docs), model=model, lexicon=lexicon)
    return score(gold, records(corpus))


# ---------------------------------------------------------------- reporting


def by_type(report: Report) -> dict[str, tuple[Counts, Counts]]:
    """Per action type: (recall counts over required gold events of that type, precision counts over system
    events of that type). A gold event with several acceptable types counts under its first."""
    gold: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    system: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for d in report.docs:
        for g in d.found:
            gold[g.actions[0]][0] += 1
        for g in d.found + d.missed:
            gold[g.actions[0]][1] += 1
        for s in d.right:
            system[s.action][0] += 1
        for s in d.right + d.false:
            system[s.action][1] += 1
    return {
        t: (Counts(gold=gold[t][1], matched_gold=gold[t][0]), Counts(system=system[t][1], matched_system=system[t][0]))
        for t in sorted(set(gold) | set(system))
    }


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _acc(a: Accuracy | None) -> str:
    if a is None:
        return "skipped (kg.temporal.normalise not available)"
    return f"{_pct(a.value)} ({a.correct}/{a.total})"


def _show(actor: str | None, actions: Iterable[str], target: str | None, symmetric: bool = False) -> str:
    arrow = "<->" if symmetric else "->"
    return f"{actor or '?'} {'|'.join(actions)} {arrow} {target or '(no target)'}"


def format_report(report: Report, verbose: bool = False) -> str:
    """A readable summary; with `verbose`, every missed gold event and false system event."""
    c = report.counts
    lines = [
        f"Gold: {report.gold} ({report.kind}, {len(report.docs)} {'documents' if report.kind == 'seeds' else 'sentences'})",
        f"Events: precision {_pct(c.precision)} ({c.matched_system}/{c.system})  "
        f"recall {_pct(c.recall)} ({c.matched_gold}/{c.gold})  F1 {_pct(c.f1)}",
        f"  excused (matching optional gold only): {sum(d.excused for d in report.docs)}",
        "  by type:  recall (matched/gold) | precision (matched/system)",
    ]
    for action, (rec, prec) in by_type(report).items():
        lines.append(f"    {action:<14} {_pct(rec.recall) if rec.gold else '-':>6} ({rec.matched_gold}/{rec.gold})"
                     f" | {_pct(prec.precision) if prec.system else '-':>6} ({prec.matched_system}/{prec.system})")
    if report.kind == "seeds":
        lines.append("  per document:  system matched | gold matched | excused")
        for d in report.docs:
            k = d.counts
            lines.append(f"    {d.doc}  {k.system:3d} {k.matched_system:3d} | {k.gold:3d} {k.matched_gold:3d} | {d.excused:3d}")
        lines += [
            f"Modality accuracy: {_acc(report.modality)}",
            f"Story modality accuracy: {_acc(report.story_modality)}",
            f"Date accuracy: {_acc(report.date)}",
            f"Quantity accuracy: {_acc(report.quantity)}",
            f"Date expressions: {_acc(report.dates)}",
        ]
        e = report.entities
        if e is not None:
            lines.append(
                f"Entity resolution: {_pct(e.accuracy)} of found aliases right ({e.correct}/{e.found}); "
                f"{len(e.merged)} merged row pair(s); {len(e.not_same_merged)} not_same pair(s) merged"
            )
            for a, b in e.not_same_merged:
                lines.append(f"  not_same merged: {a} + {b}")
    if verbose:
        for d in report.docs:
            if not (d.missed or d.false):
                continue
            lines.append(f"\n{d.doc}:")
            for g in d.missed:
                lines.append(f"  missed {g.id}: {_show(g.actor, g.actions, g.target, g.symmetric)}  \"{g.evidence}\"")
            for s in d.false:
                lines.append(f"  false: {_show(s.actor, [s.action], s.target)} [{s.modality}]  \"{' '.join(s.sentence.split())}\"")
        for name, a in (("modality", report.modality), ("story modality", report.story_modality), ("date", report.date),
                        ("quantity", report.quantity), ("date expression", report.dates)):
            if a is not None and a.wrong:
                lines.append(f"\nWrong {name}:")
                lines += [f"  {w}" for w in a.wrong]
        if report.entities is not None:
            e = report.entities
            if e.errors:
                lines.append("\nMisresolved aliases:")
                lines += [f"  {x.doc}@{x.start} {x.text!r}: in {x.system_key}, row {x.row} resolved to {x.expected_key}" for x in e.errors]
            if e.merged:
                lines.append("\nMerged gold rows:")
                lines += [f"  {a} + {b} -> {key}" for a, b, key in e.merged]
    return "\n".join(lines) + "\n"


def _counts_json(c: Counts) -> dict[str, Any]:
    return {
        "system": c.system, "matched_system": c.matched_system, "gold": c.gold, "matched_gold": c.matched_gold,
        "precision": c.precision, "recall": c.recall, "f1": c.f1,
    }


def _acc_json(a: Accuracy | None) -> dict[str, Any] | None:
    return None if a is None else {"correct": a.correct, "total": a.total, "accuracy": a.value, "wrong": list(a.wrong)}


def report_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON data (for `kg eval --json`)."""
    e = report.entities
    return {
        "kind": report.kind,
        "gold": report.gold,
        **_counts_json(report.counts),
        "excused": sum(d.excused for d in report.docs),
        "by_type": {t: {"recall": _counts_json(r), "precision": _counts_json(p)} for t, (r, p) in by_type(report).items()},
        "modality": _acc_json(report.modality),
        "story_modality": _acc_json(report.story_modality),
        "date": _acc_json(report.date),
        "quantity": _acc_json(report.quantity),
        "dates": _acc_json(report.dates),
        "entities": None if e is None else {
            "found": e.found, "correct": e.correct, "accuracy": e.accuracy,
            "errors": [vars(x) for x in e.errors],
            "resolved": dict(e.resolved),
            "merged": [list(m) for m in e.merged],
            "not_same_merged": [list(p) for p in e.not_same_merged],
        },
        "docs": [
            {
                "doc": d.doc, **_counts_json(d.counts), "excused": d.excused,
                "missed": [{"id": g.id, "actor": g.actor, "actions": list(g.actions), "target": g.target,
                            "evidence": g.evidence} for g in d.missed],
                "false": [{"actor": s.actor, "action": s.action, "target": s.target, "modality": s.modality,
                           "sentence": s.sentence} for s in d.false],
            }
            for d in report.docs
        ],
    }
