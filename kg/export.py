"""A merged corpus -> the JSON Lines contract of shared/spec/events-jsonl.md (entities, then events).

Records are produced one at a time from an in-memory Corpus or an on-disk
Merger alike, so `kg build` writes events.jsonl without holding the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from kg.actions import coded
from kg.graph import entity_iri, event_iri
from kg.merge import Merged, view
from kg.model import Corpus, Entity, Event, Mention

Lookup = Callable[[str], Entity | None]


def _ref(entity: Lookup, key: str | None) -> dict[str, Any] | None:
    if key is None:
        return None
    found = entity(key)
    return {
        "id": str(entity_iri(key)),
        "label": found.label if found else key,
        "country": found.country if found else None,
    }


def entity_record(entity: Entity, mentions: Iterable[Mention]) -> dict[str, Any]:
    """One entity as its JSON Lines record, with every mention of it."""
    return {
        "type": "entity",
        "id": str(entity_iri(entity.key)),
        "key": entity.key,
        "label": entity.label,
        "kind": entity.kind,
        "country": entity.country,
        "wikidata": entity.wikidata,
        "mentions": [{"doc": m.doc_id, "text": m.text, "start": m.start, "end": m.end} for m in mentions],
    }


def event_record(entity: Lookup, event: Event) -> dict[str, Any]:
    """One event as its JSON Lines record; `entity` looks up the merged entity of a key."""
    plover, cameo = coded(event.action, event.modality)
    return {
        "type": "event",
        "id": str(event_iri(event)),
        "actor": _ref(entity, event.actor),
        "action": event.action,
        "modality": event.modality,
        "target": _ref(entity, event.target),
        "date": event.date,
        "date_text": event.date_text,
        "quantity": event.quantity,
        "plover": plover,
        "cameo": cameo,
        "source_count": len({ev.doc_id for ev in event.evidence}),
        "mentions": [
            {
                "doc": ev.doc_id,
                "sentence": ev.sentence,
                "start": ev.start,
                "end": ev.end,
                "trigger": ev.trigger,
                "attributed_to": (
                    _ref(entity, ev.attributed_to)["label"]  # type: ignore[index]
                    if ev.attributed_to
                    else ev.attribution_text
                ),
            }
            for ev in event.evidence
        ],
    }


def records(source: Corpus | Merged) -> Iterator[dict[str, Any]]:
    """Entity records (sorted by key) then event records (in corpus order), one at a time."""
    merged = view(source)
    for entity, mentions in merged.entities_with_mentions():
        yield entity_record(entity, mentions)
    for event in merged.events():
        yield event_record(merged.entity, event)


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
"""Characters `str.splitlines` breaks on that JSON leaves raw; only ever inside strings, so escaping is exact."""


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False).translate(_LINE_BREAKS) + "\n"


def write_jsonl(source: Corpus | Merged, handle: TextIO) -> None:
    """Write the records as JSON Lines (one record a line, UTF-8, no ASCII escaping), streaming."""
    for record in records(source):
        handle.write(_line(record))


def to_jsonl(source: Corpus | Merged) -> str:
    """The whole corpus as JSON Lines text."""
    return "".join(_line(r) for r in records(source))
