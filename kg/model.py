"""The small frozen dataclasses that flow one way through the pipeline.

Every stage takes the previous stage's types and returns the next's; nothing
is mutated and no span becomes a bare string before `graph.py`, so offsets and
evidence survive to the outputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

MODALITY_NAMES = ("asserted", "considered", "planned", "negated")
ENTITY_KINDS = ("Country", "Organization", "Person", "ArmedGroup", "Location")


@dataclass(frozen=True)
class Document:
    """One input article; `date` (YYYY-MM-DD) anchors relative dates."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Role:
    """A role an entity holds: it acts for `country` (an ISO alpha-3 or organisation key, None for no
    one) in `sector` (GOV, MIL, REB... of ontology/sectors.yaml) from `start` to `end` (YYYY-MM-DD,
    both inclusive; None: open). A role with neither date is the default, outside the dated ones."""

    country: str | None
    sector: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical real-world entity; `key` is its identity (ISO code, gazetteer key or slug).

    `country` and `sector` are whom it acts for and as what; `roles` are its dated roles (see
    kg/roles.py: the role held at a document's date decides `country` and `sector` there).
    """

    key: str
    label: str
    kind: str
    country: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    sector: str | None = None
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of a document that names an entity, resolved to the entity's key."""

    doc_id: str
    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True)
class Evidence:
    """One sentence that tells an event: where it stands, what evoked it, who says so."""

    doc_id: str
    sentence: str
    start: int
    end: int
    trigger: str = ""
    attributed_to: str | None = None
    """Entity key of the speaker or outlet the claim is attributed to."""
    attribution_text: str | None = None
    """The attribution as written when no entity names it ("officials in Seoul")."""


@dataclass(frozen=True)
class Event:
    """An actor does an action to a target; identity is `key`, evidence accumulates."""

    actor: str
    action: str
    target: str | None
    modality: str = "asserted"
    date: str | None = None
    date_text: str | None = None
    quantity: int | None = None
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
    cameo: str | None = None
    """The full CAMEO code when the dictionary gives one ("190", "0233"); not part of the key."""

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """(actor, action, target, modality, date): one record per distinct event."""
        return (self.actor, self.action, self.target or "", self.modality, self.date or "")


@dataclass(frozen=True)
class DocResult:
    """Everything extracted from one document: the unit of caching and of workers."""

    document: Document
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class DocumentPart:
    """One document with what its named graph holds: its mentions and the merged events it tells.

    `events` carry their corpus-wide attributes (quantity, date text); only the
    evidence from this document is written into its graph.
    """

    document: Document
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Corpus:
    """Documents merged: one entity per key, one event per key with all its evidence."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]

    @cached_property
    def by_key(self) -> dict[str, Entity]:
        """Entities indexed by key."""
        return {e.key: e for e in self.entities}
