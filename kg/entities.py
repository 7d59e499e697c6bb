"""spaCy Doc -> entity spans: the NER's and the gazetteer ruler's entities, trimmed to the name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
"""NER labels that can name an actor, a target or a place; dates and numbers are handled elsewhere."""

_LEADING = frozenset({"the", "a", "an"})
_TRAILING = frozenset({"'s", "’s", "'", "’", ",", ".", ";", ":", "-", "–", "—"})


@dataclass(frozen=True)
class EntitySpan:
    """A named span: token range in the Doc, characters in the document, NER label, ruler key if any."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    ruler_key: str | None


def _trim(span: Span) -> Span | None:
    # "the Pentagon" names the Pentagon; "Kiev's" names Kiev: articles and possessives are not the name
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    # a name never runs over a line break: "Trump's Victory – Bloomberg\n\nby alex" is a headline's end
    for i in range(start + 1, end):
        if doc[i].is_space or "\n" in doc[i - 1].whitespace_:
            end = i
            break
    while end > start and doc[end - 1].text in _TRAILING:
        end -= 1
    return doc[start:end] if end > start else None


def entity_spans(doc: Doc, offset: int = 0) -> Iterator[EntitySpan]:
    """The actor-like entities of a parsed text, with character offsets shifted by `offset`."""
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        span = _trim(ent)
        if span is None or not any(ch.isalpha() for ch in span.text):  # "U.S." has letters but is not is_alpha
            continue
        yield EntitySpan(
            start=span.start,
            end=span.end,
            start_char=span.start_char + offset,
            end_char=span.end_char + offset,
            text=span.text,
            label=ent.label_,
            ruler_key=ent.ent_id_ or None,
        )
