"""spaCy Doc -> entity spans: the NER's and the gazetteer ruler's entities, trimmed to the name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.errors import RulesError
from kg.gazetteer import read_yaml
from kg.ingest import datelines
from kg.nlp import ARTICLES
from kg.paths import ontology_dir

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
"""NER labels that can name an actor, a target or a place; dates and numbers are handled elsewhere."""

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
    while start < end and doc[start].lower_ in ARTICLES:
        start += 1
    # "12 Palestinians", "three Britons", "Three Britons were arrested": a count before a people is no part of its
    # name (a name may begin with a number, "Three Gorges Dam", "Seven Sisters", but as a name, capitalised, and
    # in more than a plural word)
    while end - start > 1 and doc[start].like_num and doc[start].dep_ == "nummod" and (
            not doc[start].is_title or (end - start == 2 and doc[end - 1].tag_ == "NNPS")):
        start += 1
    # a name never runs over a line break: "Trump's Victory – Bloomberg\n\nby alex" is a headline's end
    for i in range(start + 1, end):
        if doc[i].is_space or "\n" in doc[i - 1].whitespace_:
            end = i
            break
    while end > start and doc[end - 1].text in _TRAILING:
        end -= 1
    # "fined Apple 1.8 billion euros": an amount after a name is no part of it (a number alone may be: "Flight 8501")
    if end - start > 1 and doc[end - 1].lower_ in AMOUNT_WORDS:  # (one look at the last word for most names)
        while end > start + 1 and (doc[end - 1].lower_ in AMOUNT_WORDS or doc[end - 1].like_num or doc[end - 1].is_currency):
            end -= 1
    # "accused the Congress party of corruption": after a verb of accusing, an of-phrase of lowercase words is
    # what the name's bearer is accused of, not part of the name ("the Ministry of defence" stays whole)
    # (the of-phrase looked for first: most names have none, and finding the span's root walks the parse)
    ofs = [i for i in range(start + 1, end - 1) if doc[i].lower_ == "of"]
    if ofs and doc[start:end].root.head.lemma_.lower() in ACCUSING:
        for i in ofs:
            if all(t.is_lower or not t.is_alpha for t in doc[i + 1:end]):
                end = i
                break
    return doc[start:end] if end > start else None


def _clause_parts(span: Span) -> list[Span]:
    """ "sanctions imposed by the European Union on Belarus": a preposition the parser hangs outside a name
    starts a phrase of the clause that the NER ran into the name; the names on either side are two ("the Bank
    of England" keeps its "of", which hangs inside; "of" and "for" are left to names even when the parser hangs
    them outside: "a rally organized by Women for America First")."""
    doc = span.doc
    for i in range(span.start + 1, span.end - 1):
        if doc[i].dep_ == "prep" and doc[i].lower_ in CLAUSE_PREPS and not span.start <= doc[i].head.i < span.end:
            rest = i + 1
            while rest < span.end and doc[rest].lower_ in ARTICLES:
                rest += 1
            return [doc[span.start:i], *_clause_parts(doc[rest:span.end])] if rest < span.end else [doc[span.start:i]]
    return [span]


AMOUNT_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "percent", "%", "bn", "mn",
                          "dollar", "dollars", "euro", "euros", "pound", "pounds", "yuan", "yen", "rupee", "rupees",
                          "rouble", "roubles", "ruble", "rubles"})
"""Words of an amount, which the NER may run into a name before it ("Apple 1.8 billion euros")."""

CLAUSE_PREPS = frozenset({"on", "in", "at", "to", "from", "with", "over", "into", "against", "after", "during", "since"})
"""Prepositions that, hung by the parser outside a name the NER ran on, start a phrase of the clause."""

ACCUSING = frozenset({"accuse", "suspect", "convict", "acquit", "charge", "clear", "blame"})
"""Verbs whose object's of-phrase says what it is accused or cleared of ("accused X of corruption")."""


@dataclass(frozen=True)
class NonActors:
    """Names of events and phenomena (ontology/non_actors.yaml), lower case: never actors nor targets."""

    name_starts: frozenset[tuple[str, ...]]
    names: frozenset[str]

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The words a phenomenon's name can start with ("typhoon", "tropical")."""
        return frozenset(start[0] for start in self.name_starts)

    def covers(self, span: Span) -> bool:
        """ "Typhoon Haiyan", "Hurricane Dorian", "COVID-19": a name of a phenomenon, not of an actor."""
        if span.text.lower() in self.names:
            return True
        if span[0].lower_ not in self.first_words:
            return False  # (most names: one lookup instead of comparing every name start)
        words = tuple(t.lower_ for t in span)
        return any(words[: len(start)] == start and len(words) > len(start) for start in self.name_starts)


@lru_cache(maxsize=4)
def load_non_actors(directory: Path | None = None) -> NonActors:
    """Read and validate ontology/non_actors.yaml."""
    path = Path(directory or ontology_dir()) / "non_actors.yaml"
    data = read_yaml(path)
    if not isinstance(data, dict) or set(data) != {"name_starts", "names"}:
        raise RulesError(f"{path.name}: expected exactly the lists 'name_starts' and 'names'")
    for field in ("name_starts", "names"):
        if not isinstance(data[field], list) or not all(isinstance(w, str) and w.strip() for w in data[field]):
            raise RulesError(f"{path.name}: '{field}' must be a list of non-empty strings")
    return NonActors(
        frozenset(tuple(w.lower().split()) for w in data["name_starts"]),
        frozenset(w.lower() for w in data["names"]),
    )


def entity_spans(doc: Doc, offset: int = 0) -> Iterator[EntitySpan]:
    """The actor-like entities of a parsed text, with character offsets shifted by `offset`.

    Names of events and phenomena are left out (see `NonActors`), whatever the NER's label, and
    so is the bare name a phenomenon's name ends with when the text repeats it ("Haiyan"), and
    any name in a dateline (`kg.ingest.datelines`).
    """
    non_actors = load_non_actors()
    phenomena: set[str] = set()
    filed = datelines(doc.text)
    for ent in doc.ents:
        span = _trim(ent)
        if span is None or not any(map(str.isalpha, span.text)):  # "U.S." has letters but is not is_alpha
            continue
        if filed and any(start <= span.start_char < end for start, end in filed):
            continue  # "JOHANNESBURG (Reuters) - ": where the story was filed and by whom, no actor of it
        if non_actors.covers(span):
            phenomena.add(span[-1].text)
            continue
        if ent.label_ not in ACTOR_LABELS or span.text in phenomena or _stance(span):
            continue
        for part in (p for whole in _clause_parts(span) for p in _possessive_parts(whole)):
            yield EntitySpan(
                start=part.start,
                end=part.end,
                start_char=part.start_char + offset,
                end_char=part.end_char + offset,
                text=part.text,
                label=ent.label_,
                ruler_key=(ent.ent_id_ or None) if part == span else None,
            )


STANCE_PREFIXES = frozenset({"anti", "pro"})
_STANCE_STARTS = tuple(f"{p}-" for p in sorted(STANCE_PREFIXES))
"""A word that starts with a stance prefix and its hyphen ("anti-Syria"), made once."""


def _stance(span: Span) -> bool:
    """A name after "anti-" or "pro-" tells a stance toward its bearer, no mention of it as a party: an
    "anti-Syria journalist" is not Syria's, "pro-Russian separatists" are not Russia's."""
    doc, i = span.doc, span.start
    if i >= 2 and doc[i - 1].text in ("-", "\u2010", "\u2011") and doc[i - 2].lower_ in STANCE_PREFIXES:
        return True
    return span[0].lower_.startswith(_STANCE_STARTS) or (
        len(span) > 2 and span[0].lower_ in STANCE_PREFIXES and span[1].text == "-")


INNER_POSSESSIVES = frozenset({"people", "peoples", "workers", "women", "children", "martyrs", "fighters", "patriots",
                               "veterans", "farmers", "peasants", "students", "nations", "men", "youth", "mothers"})
"""Common nouns whose possessive is part of an organisation's name ("People's", "Workers'", "Martyrs'")."""


def _possessive_parts(span: Span) -> list[Span]:
    """ "Trump's State Department", "Russia's Gazprom": a possessive inside a name ends the owner's name
    and starts the owned one's; each is a name of its own (the NER's label stays on both)."""
    parts, start = [], span.start
    for token in span[:-1]:
        # ("Tigray People's Liberation Front", "Kurdistan Workers' Party": a plural possessive of a common noun
        # is inside the name, no owner of it)
        if token.tag_ == "POS" and token.i > start and span.doc[token.i - 1].lower_ not in INNER_POSSESSIVES:
            parts.append(span.doc[start:token.i])
            start = token.i + 1
    parts.append(span.doc[start:span.end])
    return [p for p in parts if len(p) and any(map(str.isalpha, p.text))]
