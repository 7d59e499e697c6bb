"""The small frozen dataclasses that flow one way through the pipeline.

Every stage takes the previous stage's types and returns the next's; nothing
is mutated and no span becomes a bare string before `graph.py`, so offsets and
evidence survive to the outputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

MODALITY_NAMES = ("asserted", "considered", "planned", "negated")
DATE_SOURCES = ("text", "article")
"""Where an event's date comes from: the text's own words, or the date of the earliest article that tells it."""
LABEL_MAX = 120
"""Longest document label, in characters."""
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

    @property
    def label(self) -> str:
        """What the document is called: its title, else the first line of its text (a headline in most
        saved articles, after any "Home » Section »" trail), shortened; its id when it has neither."""
        if self.title:
            line = " ".join(self.title.split())
        else:
            line = next((x for x in self.text.splitlines() if x.strip()), "")
            line = " ".join(line.split(" » ")[-1].split())
        if len(line) > LABEL_MAX:  # a text with no headline starts with a paragraph
            line = line[:LABEL_MAX].rsplit(" ", 1)[0] + "…"
        return line or self.id


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
    superseded_by: str | None = None
    """Set by the merge: the stronger modality this sentence's document tells the same actor, action and target
    with (its story there, kg.merge.STORY_ORDER); None when this telling is the document's story."""


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
    reported: str | None = None
    """Set by the merge: the date of the earliest document that tells the event; not part of the key."""
    superseded: bool = False
    """Set by the merge: every document that tells it tells a stronger modality of the same actor, action
    and target (see kg.merge); not part of the key."""

    @property
    def when(self) -> str | None:
        """The date every output gives the event: the text's own date, else the date it was first reported."""
        return self.date or self.reported

    @property
    def date_source(self) -> str | None:
        """Where `when` comes from: "text", "article", or None when there is no date at all."""
        return "text" if self.date else "article" if self.reported else None

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
