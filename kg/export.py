"""Corpus -> the JSON Lines contract of shared/spec/events-jsonl.md (entities, then events)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kg.actions import coded
from kg.graph import entity_iri, event_iri
from kg.model import Corpus, Event


def _ref(corpus: Corpus, key: str | None) -> dict[str, Any] | None:
    if key is None:
        return None
    entity = corpus.by_key.get(key)
    return {
        "id": str(entity_iri(key)),
        "label": entity.label if entity else key,
        "country": entity.country if entity else None,
    }


def event_record(corpus: Corpus, event: Event) -> dict[str, Any]:
    """One event as its JSON Lines record."""
    plover, cameo = coded(event.action, event.modality)
    return {
        "type": "event",
        "id": str(event_iri(event)),
        "actor": _ref(corpus, event.actor),
        "action": event.action,
        "modality": event.modality,
        "target": _ref(corpus, event.target),
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
                    _ref(corpus, ev.attributed_to)["label"]  # type: ignore[index]
                    if ev.attributed_to
                    else ev.attribution_text
                ),
            }
            for ev in event.evidence
        ],
    }


def records(corpus: Corpus) -> Iterator[dict[str, Any]]:
    """Entity records (sorted by key) then event records (in corpus order)."""
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in corpus.mentions:
        mentions.setdefault(m.key, []).append({"doc": m.doc_id, "text": m.text, "start": m.start, "end": m.end})
    for entity in sorted(corpus.entities, key=lambda e: e.key):
        yield {
            "type": "entity",
            "id": str(entity_iri(entity.key)),
            "key": entity.key,
            "label": entity.label,
            "kind": entity.kind,
            "country": entity.country,
            "wikidata": entity.wikidata,
            "mentions": mentions.get(entity.key, []),
        }
    for event in corpus.events:
        yield event_record(corpus, event)


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
"""Characters `str.splitlines` breaks on that JSON leaves raw; only ever inside strings, so escaping is exact."""


def to_jsonl(corpus: Corpus) -> str:
    """The whole corpus as JSON Lines text (one record a line, UTF-8, no ASCII escaping)."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False).translate(_LINE_BREAKS) + "\n" for r in records(corpus))
