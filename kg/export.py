"""A merged corpus -> the JSON Lines format of docs/events-jsonl.md (entities, then events).

Records are produced one at a time from an in-memory Corpus or an on-disk
Merger alike, so `kg build` writes events.jsonl without holding the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any, TextIO

from kg.actions import coded
from kg.graph import entity_iri, event_iri
from kg.merge import Merged, view
from kg.model import Corpus, Entity, Event, Evidence, Mention
from kg.roles import acting

Lookup = Callable[[str], Entity | None]


def _ref(entity: Lookup, key: str | None, date: str | None = None) -> dict[str, Any] | None:
    """An actor or target as an event names it: the country and sector it acts for at `date`."""
    if key is None:
        return None
    found = entity(key)
    if found is not None and found.roles:
        found = acting(found, date)
    return {
        "id": str(entity_iri(key)),
        "label": found.label if found else key,
        "country": found.country if found else None,
        "sector": found.sector if found else None,
    }


def _entity_head(entity: Entity) -> dict[str, Any]:
    return {
        "type": "entity",
        "id": str(entity_iri(entity.key)),
        "key": entity.key,
        "label": entity.label,
        "kind": entity.kind,
        "country": entity.country,
        "sector": entity.sector,
        "wikidata": entity.wikidata,
        "roles": [{"country": r.country, "sector": r.sector, "start": r.start, "end": r.end} for r in entity.roles],
    }


def _entity_mention(m: Mention) -> dict[str, Any]:
    return {"doc": m.doc_id, "text": m.text, "start": m.start, "end": m.end}


def _event_head(merged: Merged, event: Event, sources: int) -> dict[str, Any]:
    plover, cameo = coded(event.action, event.modality, event.cameo)
    # the roles its actor and target held then: at the event's date, else when it was first reported
    when = event.when
    return {
        "type": "event",
        "id": str(event_iri(event)),
        "actor": _ref(merged.entity, event.actor, when),
        "action": event.action,
        "modality": event.modality,
        "target": _ref(merged.entity, event.target, when),
        "date": when,
        "date_text": event.date_text,
        "date_source": event.date_source,
        "quantity": event.quantity,
        "plover": plover,
        "cameo": cameo,
        "source_count": sources,
        "superseded": event.superseded,
    }


def _event_mention(entity: Lookup, ev: Evidence) -> dict[str, Any]:
    return {
        "doc": ev.doc_id,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "trigger": ev.trigger,
        "attributed_to": _ref(entity, ev.attributed_to)["label"] if ev.attributed_to else ev.attribution_text,  # type: ignore[index]
        "superseded_by": ev.superseded_by,
    }


def _parts(source: Corpus | Merged) -> Iterator[tuple[dict[str, Any], Iterator[dict[str, Any]]]]:
    """Each record as (its fields but "mentions", its mentions lazily): entities by key, then events in corpus order.

    "mentions" is the last field of both record types and the only one that
    grows with the corpus (a country is named in most articles), so it is
    never held whole.
    """
    merged = view(source)
    for entity, mentions in merged.entities_with_mentions():
        yield _entity_head(entity), (_entity_mention(m) for m in mentions)
    for event, sources, evidence in merged.events_with_evidence():
        yield _event_head(merged, event, sources), (_event_mention(merged.entity, ev) for ev in evidence)


def records(source: Corpus | Merged) -> Iterator[dict[str, Any]]:
    """Entity records (sorted by key) then event records (in corpus order), each whole, one at a time."""
    for head, mentions in _parts(source):
        yield head | {"mentions": list(mentions)}


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
"""Characters `str.splitlines` breaks on that JSON leaves raw; only ever inside strings, so escaping is exact."""


_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""`json.dumps(value, ensure_ascii=False)`, its encoder made once (json.dumps makes one per call given an option)."""

MENTION_BATCH = 1_000
"""Mentions encoded at a time: one call for many instead of one each, memory still bounded."""


def _dumps(value: Any) -> str:
    text = _ENCODER.encode(value)
    # (translating is slow over a large text; looking for the three characters is not)
    return text.translate(_LINE_BREAKS) if "\u2028" in text or "\u2029" in text or "\x85" in text else text


def write_jsonl(source: Corpus | Merged, handle: TextIO) -> None:
    """Write the records as JSON Lines (one record a line, UTF-8, no ASCII escaping).

    The bytes are those of `json.dumps` of each whole record, but a record's
    mentions are written a batch at a time, so memory stays flat however often
    an entity is named or an event told.
    """
    for head, mentions in _parts(source):
        handle.write(_dumps(head)[:-1] + ', "mentions": [')
        separator = ""
        while batch := list(islice(mentions, MENTION_BATCH)):
            handle.write(separator + _dumps(batch)[1:-1])  # "[a, b]" -> "a, b": as the whole list writes them
            separator = ", "
        handle.write("]}\n")


def to_jsonl(source: Corpus | Merged) -> str:
    """The whole corpus as JSON Lines text."""
    return "".join(_dumps(r) + "\n" for r in records(source))
