"""Entity spans -> canonical entities: one key per real-world entity, across spellings and documents.

Keys come from the gazetteer (ISO alpha-3 codes, organisation codes, people's
slugs). A name the gazetteer lacks gets a key from its normalised form plus a
short hash, so the same spelling meets itself across documents, and a generic
body ("National Security Council") is scoped by the country that owns it, so
the councils of two countries never merge.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from kg.agents import MAX_WORDS, Agents
from kg.entities import STANCE_PREFIXES, EntitySpan
from kg.gazetteer import Gazetteer, Reading, load_readings, normalize, sector_key
from kg.model import Entity, Mention
from kg.nlp import ARTICLES
from kg.roles import acting, role_at, serves
from kg.rules import Rules, load_rules

KIND_BY_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location"}

GENERIC_BODY = re.compile(
    r"\b(council|ministry|office|agency|service|parliament|assembly|congress|senate|army|navy|air force|"
    r"guard|command|committee|commission|cabinet|government|administration|court|police|bank|party|"
    r"forces|military|embassy|department|intelligence|staff|presidency|foreign ministry|defen[cs]e ministry)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Resolution:
    """The resolved entities of one parsed text: mentions with keys, and which tokens name whom."""

    mentions: tuple[Mention, ...]
    entities: Mapping[str, Entity]
    token_keys: Mapping[int, str]
    """Token index -> entity key, for every token inside a resolved mention."""
    demonym_tokens: frozenset[int]
    """Tokens of adjectival mentions ("North Korean troops"): they modify, they do not name an actor."""


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Casefolded, accent-free, punctuation-light form used for keys of unknown names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"^the ", "", text.strip())


def slug_key(label: str) -> str:
    """Key of an entity the gazetteer lacks: slug of the normalised name plus a short hash."""
    norm = normalise(label)
    slug = "-".join(norm.split())[:48] or "x"
    return f"{slug}-{hashlib.sha1(norm.encode('utf-8')).hexdigest()[:6]}"


def _country_in(tokens: Iterable[Token], token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    for t in tokens:
        key = token_keys.get(t.i)
        if key and key in gaz.entities and gaz.entities[key].country:
            return gaz.entities[key].country
    return None


def _offices(root: Token) -> list[Token]:
    """ "X resigned as the governor of Puerto Rico": the office the sentence gives its subject."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [p for prep in root.head.children if prep.dep_ == "prep" and prep.lower_ == "as"
            for p in prep.children if p.dep_ == "pobj"]


def _office_country(root: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """ "X resigned as the governor of Puerto Rico", "Y serves as foreign minister of Iran": the office the
    sentence gives its subject says whose it is."""
    return next((c for o in _offices(root) if (c := _modifier_country(o, token_keys, gaz))), None)


def _modifier_country(token: Token, token_keys: Mapping[int, str], gaz: Gazetteer, depth: int = 3) -> str | None:
    """Country named by a token's possessor, compound or adjective ("Seoul's", "South Korean")."""
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod", "appos") or (child.dep_ == "prep" and child.lower_ == "of"):
            found = _country_in(child.subtree if child.dep_ == "prep" else [child], token_keys, gaz)
            if found:
                return found
            if depth > 1:
                found = _modifier_country(child, token_keys, gaz, depth - 1)
                if found:
                    return found
    return None


SHORT_FORM = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*$")
"""A short form as news writes one: capitals, maybe digits or "&" ("RSF", "TPLF", "M23" has one capital only)."""
MAX_SHORT_FORM = 10


@dataclass(frozen=True)
class ShortForm:
    """A short form's long form in this text, and whether the text defines it in parentheses."""

    long: EntitySpan
    defined: bool


def short_forms(doc: Doc, spans: list[EntitySpan], gaz: Gazetteer) -> dict[str, ShortForm]:
    """The abbreviations a text uses for its longer names: defined in parentheses beside the long form ("the
    Rapid Support Forces (RSF)", "the TPLF (Tigray People's Liberation Front)"), else the initials of the
    capitalised words of a name in the same text ("the Rapid Support Forces ... the RSF").

    A definition is matched as Schwartz and Hearst (2003) match one (`abbreviates`), or, as many are of names in
    another language ("Doctors Without Borders (MSF)", "the Kurdistan Workers' Party (PKK)"), is any short form
    the gazetteer does not know ("Simone Biles (USA)" gives a team, not a name). Bare initials must be exact, as
    they stand unannounced. A short form two long forms claim is dropped.
    """
    defined: dict[str, EntitySpan] = {}
    initials: dict[str, EntitySpan | None] = {}
    n = len(doc)
    for span in spans:
        if span.end - span.start < 2:
            continue
        # "Long Form (SF)" and "SF (Long Form)"
        after = doc[span.end + 1] if span.end + 2 < n and doc[span.end].text == "(" and doc[span.end + 2].text == ")" else None
        before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].text == "(" and span.end < n \
            and doc[span.end].text == ")" else None
        for short in (after, before):
            if short is not None and _short_form(short.text) and (
                    abbreviates(short.text, span.text) or gaz.lookup(short.text) is None):
                defined.setdefault(short.text, span)
        letters = "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’-]*", span.text) if w[0].isupper())
        if len(letters) >= 2 and span.label != "PERSON":  # (a person's initials are an interview's speaker tags)
            known = initials.get(letters, span)
            initials[letters] = span if known is not None and known.text == span.text else None
    out = {k: ShortForm(v, False) for k, v in initials.items() if v is not None}
    out.update({k: ShortForm(v, True) for k, v in defined.items()})
    return out


def _short_form(text: str) -> bool:
    return len(text) <= MAX_SHORT_FORM and SHORT_FORM.match(text) is not None


def abbreviates(short: str, long: str) -> bool:
    """Whether `short` can abbreviate `long`: its letters and digits occur in order in the long form, matched from
    the end, the first at the start of a word (Schwartz and Hearst 2003): "ECOWAS", "Economic Community of West
    African States"."""
    s, text = short.lower(), long.lower()
    i = len(text) - 1
    for k in range(len(s) - 1, -1, -1):
        c = s[k]
        if not c.isalnum():
            continue
        while i >= 0 and (text[i] != c or (k == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def resolve(doc: Doc, spans: Iterable[EntitySpan], gaz: Gazetteer, doc_id: str,
            date: str | None = None, agents: Agents | None = None, offset: int = 0) -> Resolution:
    """Assign every entity span a key: gazetteer first, then document context, then a minted key.

    `offset` is where the parsed text starts in the document (a long document is parsed in pieces): the
    spans carry it already, the phrases found here get it added.

    `date` is the document's: a gazetteer entity with dated roles acts for the role it held then
    (kg.roles). With `agents`, an agent noun that a country, capital or demonym modifies names
    that country's entity of the agent's sector ("Turkish authorities" -> TUR-gov).
    """
    spans = list(spans)
    spans = sorted([*spans, *_titled_surnames(doc, spans, gaz, agents, offset)], key=lambda s: s.start)
    token_keys: dict[int, str] = {}
    demonyms: set[int] = set()
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    persons: list[str] = []  # people named so far in this text, in order
    forms = ShortForms(entities, gaz)  # the short names they may go by, worked out once each
    pending: list[EntitySpan] = []
    communities: list[EntitySpan] = []  # "ethnic Albanians": resolved once the text's country is known
    group_names: list[EntitySpan] = []  # "Democrats": a party's members, once the text's country is known

    def assign(span: EntitySpan, key: str, entity: Entity) -> None:
        if key not in entities and entity.roles:
            entity = acting(entity, date)  # "Ban Ki-moon" in 2005 acts for South Korea, in 2010 for the UN
        entities.setdefault(key, entity)
        for i in range(span.start, span.end):
            token_keys[i] = key
        mentions.append(Mention(doc_id, span.start_char, span.end_char, span.text, key))

    # the text's own abbreviations: one it defines means what the text says, whatever the gazetteer's reading
    shorts = short_forms(doc, spans, gaz)
    # pass 1: what the gazetteer knows
    for span in spans:
        if span.end - span.start == 1 and (found := shorts.get(span.text)) is not None and found.defined and (
                gaz.lookup(span.text) != (found.long.ruler_key or gaz.lookup(found.long.text))):
            continue  # "the International Cricket Council (ICC)": resolved with its long form, below
        if span.ruler_key is None and span.label in ("GPE", "LOC") and not any(ch.isupper() for ch in span.text):
            continue  # "the west bank of the Dnipro": a place's name has a capital; the NER's lowercase span is none
        key = span.ruler_key if span.ruler_key in gaz.entities else gaz.lookup(span.text) or _place_of_kind(span, gaz)
        if key is None:
            pending.append(span)
            continue
        entity = gaz.entities[key]
        if gaz.alias_role(span.text) == "demonym":
            if span.start > 0 and doc[span.start - 1].lower_ in ETHNIC_MARKERS:
                communities.append(span)  # "ethnic Albanians in Serbia" are a community of Serbia, not Albania
                continue
            demonyms.update(range(span.start, span.end))
        assign(span, key, entity)
        if entity.kind == "Person":
            persons.append(key)

    def key_short_forms() -> None:
        # "the RSF", "TPLF fighters": the long form's entity, wherever the NER saw a name or not (once the long
        # forms the gazetteer knows are resolved, so that pass 2 sees them, and again after pass 2)
        for token in doc:
            found = shorts.get(token.text) if token.i not in token_keys else None
            key = token_keys.get(found.long.start) if found is not None else None
            if key is not None and key in entities:
                end = token.idx + len(token.text)
                assign(EntitySpan(token.i, token.i + 1, offset + token.idx, offset + end, token.text, "ORG", None), key,
                       entities[key])

    key_short_forms()
    # pass 2: names the gazetteer lacks, resolved in context
    for span in list(pending):
        if span.end - span.start > MAX_UNKNOWN_TOKENS or _reads_as_a_clause(doc[span.start:span.end]):
            # a run-on NER span in a title-case headline: keep only the known names inside it
            pending.remove(span)
            for sub in _known_subspans(doc, span, gaz):
                key = gaz.lookup(sub.text)
                if gaz.alias_role(sub.text) == "demonym":
                    demonyms.update(range(sub.start, sub.end))
                assign(sub, key, gaz.entities[key])
            # ("Le Pen accused Barnier" run on as one name: a person named before in the text, by a short name)
            for sub in _name_runs(doc, span.start, span.end, token_keys, span.label,
                                  span.start_char - doc[span.start].idx):
                if (key := _person_in_context(sub.text, persons, forms)) is not None:
                    assign(sub, key, entities.get(key) or gaz.entities[key])
    readings = load_readings()
    for span in pending:
        if span.end - span.start == 1 and span.text in shorts:
            continue  # an abbreviation of a longer name in the text: resolved with it, below
        root = doc[span.start:span.end].root
        reading = readings.get(normalize(span.text))
        if reading is not None:
            # "Congo", "Congolese": a name news uses for more than one state is the one the text names
            # otherwise; it never becomes an entity of its own
            key = reading.place if reading.place is not None and root.dep_ == "pobj" \
                and root.head.lower_ in SCENE_PREPS | {"at", "outside", "near", "inside"} \
                else _reading_in_context(reading, entities, gaz)
            if key is not None:
                if reading.demonym:
                    demonyms.update(range(span.start, span.end))
                assign(span, key, gaz.entities[key])
            continue
        if span.end - span.start <= 3:
            # "Yoon" tagged as a place or body is still the Yoon named elsewhere in the text
            key = _person_in_context(span.text, persons, forms)
            if key:
                assign(span, key, entities.get(key) or gaz.entities[key])
                continue
        if span.end - span.start == 1 and (held := _possessed_bearer(root, gaz, token_keys)) is not None:
            # "Colombia's Petro", "Ghana's Mahama": a surname after its country's possessive is that country's one
            # known bearer of it, whatever the NER took the name for
            assign(span, held, gaz.entities[held])
            persons.append(held)
            continue
        if span.label == "NORP" and (state := _state_first(doc, span, gaz)) is not None:
            # "Bosnian Serb forces", "Kosovo Albanian protesters", "Sri Lankan Tamil refugees": a people within a
            # state, named after the state, is of that state (as CAMEO codes Bosnian Serbs BIH)
            end, key = state
            first = doc[span.start]
            demonyms.update(range(span.start, end))
            assign(EntitySpan(span.start, end, offset + first.idx, offset + doc[end - 1].idx + len(doc[end - 1].text),
                              doc[span.start:end].text, "NORP", None), key, gaz.entities[key])
            continue
        if span.label == "NORP":
            # "Western", "Sunni": a group adjective with no canonical actor; "Democrats", "Tories" may
            # be a party's members, named generically: resolved once the text's country is known
            group_names.append(span)
            continue
        if all(t.lower_ in COMPASS for t in doc[span.start:span.end]):
            continue  # "an attack by the North": which north only the reader's context says
        if span.end - span.start == 1 and root.tag_ == "NNS" and agents is not None and agents.sector_of(root.lemma_.lower()):
            continue  # "Farmers protested in Brussels": an agent's plural common noun the NER took for a body
        if agents is not None and agents.sector_of(re.sub(r"^the\s+", "", span.text, flags=re.IGNORECASE)) \
                and not GENERIC_BODY.search(span.text):
            continue  # "Iran's supreme leader": a title the NER took for a name is the agent noun it is
        if span.label == "PERSON" and agents is not None and span.end - span.start == 1:
            held = _office_holder(doc, span, gaz, agents, date) or _serving_bearer(doc, span, gaz, date)
            if held is not None:
                assign(span, held, gaz.entities[held])
                if gaz.entities[held].kind == "Person":
                    persons.append(held)
                continue
        label = span.label
        if label == "ORG" and agents is not None and len(span.text.split()) >= 2 and any(
                agents.sector_of(o.lemma_.lower()) for o in _offices(root)):
            label = "PERSON"  # "Ricardo Rossello resigned as governor": only a person serves in an office
        if label == "PERSON":
            if len(span.text.split()) < 2:
                continue  # a lone unknown name ("Kim") is too ambiguous to mint an entity
            country = _modifier_country(root, token_keys, gaz)
            if country is None and root.dep_ == "appos":
                # "Iran's religious leader Ayatollah Ruhollah Khomeini": the title he stands beside says whose
                country = _country_in([root.head], token_keys, gaz) or _modifier_country(root.head, token_keys, gaz)
            country = country or _office_country(root, token_keys, gaz)
            key = slug_key(span.text)
            assign(span, key, Entity(key, span.text, "Person", country))
            persons.append(key)
            continue
        # "the Essequibo region of Guyana": a name before a kind of place is a place, whatever the NER's label
        placed = _kind_of_place_country(root, token_keys, gaz)
        kind = "Location" if placed else KIND_BY_LABEL.get(span.label, "Location")
        country = placed or (None if _named_waters(root) else (
            _country_in(doc[span.start:span.end], token_keys, gaz) or _named_country(doc, span, gaz)
            or _modifier_country(root, token_keys, gaz)))
        if kind == "Organization" and country:
            known = gaz.lookup_generic(span.text, country)
            if known:
                # "Seoul's National Security Council" is the gazetteer's body of that country
                assign(span, known, gaz.entities[known])
                continue
        if kind == "Organization" and country and GENERIC_BODY.search(span.text):
            # "Seoul's National Security Council": a body named generically belongs to its country
            name = re.sub(r"^(?:the\s+)?", "", span.text)
            key = f"{country}-{'-'.join(normalise(name).split())}"
            assign(span, key, Entity(key, f"{name} ({country})", kind, country))
            continue
        key = slug_key(span.text)
        assign(span, key, Entity(key, span.text, kind, country if kind != "Location" else country))
    if persons:
        # "Le Pen accused Barnier": a person named in full before, by a short name the NER did not see
        covered = {i for span in spans for i in range(span.start, span.end)} | token_keys.keys()
        first: dict[str, int] = {}
        for m in mentions:
            if m.key in persons and m.end < first.get(m.key, m.end + 1):
                first[m.key] = m.end
        short = forms.known(persons)
        for run in _name_runs(doc, 0, len(doc), covered, "PERSON", offset):
            first_word = doc[run.start].lower_
            if run.end - run.start > 3 or (first_word.isascii() and first_word.isalnum() and first_word not in forms.first) \
                    or tuple(normalise(run.text).split()) not in short or (
                    agents is not None and any(agents.sector_of(t.lower_) for t in doc[run.start:run.end])):
                continue  # (no one's short name; a title capitalised, "the President", is none)
            named = [k for k in persons if first.get(k, run.start_char + 1) <= run.start_char]
            if (key := _person_in_context(run.text, named, forms)) is not None:
                assign(run, key, entities.get(key) or gaz.entities[key])
    key_short_forms()
    phrases = list(_agent_phrases(doc, token_keys, agents)) if agents is not None else []
    if agents is not None:
        for start, end, key in _agent_mentions(doc, phrases, token_keys, gaz):
            span = EntitySpan(start, end, offset + doc[start].idx, offset + doc[end - 1].idx + len(doc[end - 1].text),
                              doc[start:end].text, "NORP", None)
            assign(span, key, gaz.entities.get(key) or _local_organ(key, gaz))
    about = discourse_country(mentions, entities, gaz, lead_country(doc, token_keys, entities))
    if agents is not None:
        named = _named_phrases(phrases, token_keys, gaz)
        phrases = _unkeyed_phrases(doc, phrases, token_keys, agents)
        for start, end, key in _bare_agent_mentions(doc, phrases, token_keys, gaz, agents, about, named):
            span = EntitySpan(start, end, offset + doc[start].idx, offset + doc[end - 1].idx + len(doc[end - 1].text),
                              doc[start:end].text, "NORP", None)
            assign(span, key, gaz.entities.get(key) or _local_organ(key, gaz))
    for span in group_names:
        root = doc[span.start:span.end].root
        country = _modifier_country(root, token_keys, gaz) or about
        known = gaz.lookup_generic(span.text, country) if country else None
        if known is not None:
            assign(span, known, gaz.entities[known])  # "Democrats" in a story about the US
    for span in communities:
        # an ethnic community acts for the state it lives in: the one named last before it, in its own
        # phrase ("ethnic Turks in Sweden"), or the one the text is about (as CAMEO codes ethnic groups)
        head = doc[span.end - 1]
        country = _latest_country(doc, span.start, token_keys, gaz) or _placed_in(head, token_keys, gaz) or about
        key = sector_key(country, "ETN") if country else None
        if key in gaz.entities:
            assign(span, key, gaz.entities[key])
    mentions = _in_discourse_country(mentions, entities, token_keys, gaz, about)
    mentions = _governing_places(doc, mentions, entities, token_keys, gaz, offset)
    mentions.sort(key=lambda m: (m.start, m.end))
    return Resolution(tuple(mentions), entities, token_keys, frozenset(demonyms))


def _titled_surnames(doc: Doc, spans: list[EntitySpan], gaz: Gazetteer, agents: Agents | None,
                     offset: int) -> list[EntitySpan]:
    """ "The Peruvian congress removed President Castillo from office": a known surname right after a title of
    state office that the NER saw no name in (a person's span, for `_office_holder` to resolve)."""
    if agents is None:
        return []
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.i in covered or token.pos_ != "PROPN" or not token.is_title or not before.is_title \
                or before.i in covered or agents.sector_of(before.lower_) not in STATE_OFFICES:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # (a longer name the NER missed whole is no surname alone)
        if gaz.bearers(token.text):
            out.append(EntitySpan(token.i, token.i + 1, offset + token.idx, offset + token.idx + len(token.text),
                                  token.text, "PERSON", None))
    return out


STATE_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD"})
"""Sectors whose titles go before a surname: "President Castillo", "General Burhan", "Senator Cruz"."""


def _place_of_kind(span: EntitySpan, gaz: Gazetteer) -> str | None:
    """ "Paktika province", "the Kherson region": a place the gazetteer knows, named with the kind of place it is."""
    words = span.text.split()
    if len(words) < 2 or words[-1].lower() not in load_rules().place_nouns:
        return None
    key = gaz.lookup(" ".join(words[:-1]))
    return key if key is not None and gaz.kind_of(key) == "Location" else None


def _reading_in_context(reading: Reading, entities: Mapping[str, Entity], gaz: Gazetteer) -> str | None:
    """The one candidate of an ambiguous name that the text names by another name (itself, a place or body of
    it: "Kinshasa", "the DRC"); with none named, the reading's default; with several, None. (A place reading is
    only where the name is a scene's place: a story that names Belgium and "Brussels-based media" is no Belgian's.)"""
    candidates = [c for c in reading.candidates if c in gaz.entities and c != reading.place]
    # (a body of a state is named with its state: "the Sudanese army accused the RSF" is Sudan's RSF)
    homes = {c: {c, gaz.entities[c].country} - {None} for c in candidates}
    named = [c for c in candidates if any(k in homes[c] or e.country in homes[c] for k, e in entities.items())]
    if len(named) == 1:
        return named[0]
    return reading.default if not named and reading.default in candidates else None


def _governing_places(doc: Doc, mentions: list[Mention], entities: dict[str, Entity], token_keys: dict[int, str],
                      gaz: Gazetteer, offset: int = 0) -> list[Mention]:
    """ "Texas sued the federal government", "California banned the sale": a state or province that does what
    a government does (`governing_verbs`) is its government, as a capital is its country's (a place only acted
    in or on, or that "seizes an opportunity", stays a place)."""
    governing = load_rules().governing_verbs
    changed: dict[tuple[int, int], str] = {}
    for token in doc:
        if token.dep_ != "nsubj" or token.head.pos_ != "VERB" or token.head.lemma_.lower() not in governing:
            continue
        key = token_keys.get(token.i)
        entity = entities.get(key) if key else None
        # (a place the gazetteer knows: a name the NER took for a place and no table knows may be anything)
        if entity is None or entity.kind != "Location" or not entity.country \
                or gaz.kind_of(entity.country) != "Country" or key not in gaz.entities:
            continue
        start, end = token.i, token.i + 1
        while start > 0 and token_keys.get(start - 1) == key:
            start -= 1
        while end < len(doc) and token_keys.get(end) == key:
            end += 1
        organ = local_organ_key(key, "GOV")
        entities.setdefault(organ, _local_organ(organ, gaz))
        for i in range(start, end):
            token_keys[i] = organ
        changed[(offset + doc[start].idx, offset + doc[end - 1].idx + len(doc[end - 1].text))] = organ
    return [replace(m, key=changed.get((m.start, m.end), m.key)) for m in mentions] if changed else mentions


def _office_holder(doc: Doc, span: EntitySpan, gaz: Gazetteer, agents: Agents, date: str | None) -> str | None:
    """ "President Bush", "Chancellor Kohl": a surname after a title of office is the person of that surname who
    held an office of the title's sector (at the document's date, when known). When several did, all for one
    country ("President Bush" with no date: either Bush), it is that country's organ of the sector (USA-gov)."""
    sector = next((found for i in (span.start - 2, span.start - 1)
                   if i >= 0 and (found := agents.sector_of(doc[i:span.start].text))), None)
    if sector is None:
        return None
    bearers = [(key, gaz.entities[key].roles) for key in gaz.bearers(span.text)]
    held = [(key, r.country) for key, roles in bearers for r in roles if r.sector == sector and r.country]
    if date is not None:
        # whoever held it at the date; a title no one held then is a former holder's ("President Bush" in 2021)
        held = [(k, r.country) for k, roles in bearers if (r := role_at(roles, date)) is not None
                and r.sector == sector and r.country] or held
    keys = {k for k, _ in held}
    if len(keys) == 1:
        return keys.pop()
    if not held and len(bearers) == 1 and not bearers[0][1] and gaz.surname_of(bearers[0][0]) is not None \
            and gaz.entities[bearers[0][0]].country is not None:
        # "President Petro", "President Marcos": the one person the hand-made tables name by that surname, whose
        # offices no table dates (the title says an office is meant; a surname many bear has several bearers; one
        # with dated offices other than the title's is another office's: "Senator Kennedy" is no President Kennedy)
        return bearers[0][0]
    countries = {c for _, c in held}
    organ = sector_key(countries.pop(), sector) if len(countries) == 1 else None
    return organ if organ in gaz.entities else None


def _possessed_bearer(root: Token, gaz: Gazetteer, token_keys: Mapping[int, str]) -> str | None:
    """The one person of a surname whose country is the one named by the name's possessive ("Colombia's Petro")."""
    owners = [token_keys.get(c.i) for c in root.children if c.dep_ == "poss"]
    country = owners[0] if len(owners) == 1 and owners[0] is not None and gaz.kind_of(owners[0]) == "Country" else None
    if country is None:
        return None
    bearers = [k for k in gaz.bearers(root.text) if gaz.entities[k].kind == "Person" and gaz.entities[k].country == country]
    return bearers[0] if len(bearers) == 1 else None


def _serving_bearer(doc: Doc, span: EntitySpan, gaz: Gazetteer, date: str | None) -> str | None:
    """ "Trudeau met ...", "the Morrison government": a surname alone, with no title and no full name before it,
    is the one person bearing it known to hold an office at the document's date (none or several: unresolved).
    Not a word of a longer name the NER cut ("Michel Mayor"), nor a name with an article ("went to the Moon";
    "the Morrison government" is the government's article)."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if date is None or (after is not None and after.pos_ == "PROPN") or (before is not None and (
            before.pos_ == "PROPN" or (before.lower_ in ARTICLES and doc[span.end - 1].dep_ != "compound"))):
        return None
    serving = [key for key in gaz.bearers(span.text) if any(serves(r, date) for r in gaz.entities[key].roles)]
    return serving[0] if len(serving) == 1 else None


def _agent_mentions(doc: Doc, phrases: list[tuple[Token, int, str, str]], token_keys: Mapping[int, str],
                    gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, key) of agent phrases a country modifies: "Burundian militiamen", "Kabul's government".

    The phrase must head its noun phrase ("police" in "police station" does not act), must not
    overlap a name, and its country comes from a modifier: a demonym, a country or a capital,
    before it or its possessor ("the Chinese foreign ministry", "Iraqi Kurdish rebels"). A body
    the gazetteer names generically for that country ("Foreign Ministry" of RUS) is that body.
    An "ethnic" demonym names a community, not a state, and was left unresolved before this.
    """
    out = []
    for token, start, phrase, sector in phrases:
        place = _modifying_place(doc, start, token, token_keys, gaz) if sector in LOCAL_ORGANS else None
        key = local_organ_key(place, sector) if place else \
            _agent_key(gaz, phrase, sector, _agent_country(doc, start, token, token_keys, gaz))
        if key:
            out.append((start, token.i + 1, key))
    return out


LOCAL_ORGANS = frozenset({"GOV", "LEG", "JUD"})
"""Sectors a state, province or region has its own of: "the governor of Texas", "Catalonia's parliament" are
that place's government and legislature, which act on the national ones ("sued the Biden administration")."""


def local_organ_key(place: str, sector: str) -> str:
    """The key of a sub-national place's organ of a sector: "USA-texas" and GOV -> "USA-texas-gov"."""
    return f"{place}-{sector.lower()}"


def _local_organ(key: str, gaz: Gazetteer) -> Entity:
    """The entity of a local organ key (`local_organ_key`): an organisation of the place's country."""
    place_key, sector = key.rsplit("-", 1)
    place = gaz.entities[place_key]
    return Entity(key, f"{place.label} ({SECTOR_WORDS.get(sector.upper(), sector)})", "Organization",
                  place.country, sector=sector.upper())


SECTOR_WORDS = {"GOV": "government", "LEG": "legislature", "JUD": "judiciary"}


def _modifying_place(doc: Doc, start: int, head: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """The sub-national place (a Location in a country) that modifies an agent phrase: "Texas's governor",
    "the Texas legislature", "the governor of Texas"."""
    candidates = _phrase_modifiers(doc, start, head)
    candidates += [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for p in prep.children if p.dep_ == "pobj"]
    for t in candidates:
        entity = gaz.entities.get(token_keys.get(t.i, ""))
        if entity is not None and entity.kind == "Location" and entity.country \
                and gaz.kind_of(entity.country) == "Country":
            return entity.key
    return None


def _state_first(doc: Doc, span: EntitySpan, gaz: Gazetteer) -> tuple[int, str] | None:
    """(end, country key) of the longest run of a group name's first words, short of the whole, that names a country
    by its name or demonym ("Bosnian" in "Bosnian Serb", "Sri Lankan" in "Sri Lankan Tamil"); None without one."""
    for end in range(span.end - 1, span.start, -1):
        text = doc[span.start:end].text
        key = gaz.lookup(text)
        if key is not None and gaz.kind_of(key) == "Country":
            return end, key
    return None


def _agent_phrases(doc: Doc, token_keys: Mapping[int, str], agents: Agents) -> Iterator[tuple[Token, int, str, str]]:
    """(head, start, phrase, sector) of each agent phrase that heads its noun phrase, or modifies a vessel, an
    aircraft or a building ("coast guard vessels", "the parliament building"), and overlaps no name."""
    rules = load_rules()
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in token_keys:
            continue
        if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
            continue  # "After Hunter retreated to New Mexico": a name the NER reads as a person's is no agent noun
        if token.lemma_.lower() in rules.nouns and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
            continue  # "Japan's opposition to the plan" is a stance taken, where "the opposition" is a camp
        if token.lower_ in rules.condition_nouns and token.dep_ == "pobj" and token.head.lower_ in ("in", "into") \
                and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in token.children):
            continue  # "fled into exile", "the party in government": where someone stands, no body of people
        if token.dep_ in ("compound", "amod") and not (token.dep_ == "compound" and (
                token.head.lemma_.lower() in rules.platform_nouns or acted_premises(token.head, rules))):
            continue
        hit = agent_ending_at(doc, token, agents, token_keys)
        if hit is None and token.lemma_.lower() in rules.group_nouns and not _definite_singular(token):
            # "student groups", "civil society organisations": a collective noun that is no one alone is of the
            # agent its modifier names (one named definitely refers back: "Hezbollah fired rockets. The militant
            # group said ...")
            hit = _body_before(doc, token, agents, token_keys, None)
        if hit is not None:
            yield (token, *(_body_of_officials(doc, token, hit, agents, token_keys) or hit))


def _definite_singular(noun: Token) -> bool:
    """ "the militant group", "this organisation": one named definitely, which refers back to a name told before."""
    return noun.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _body_of_officials(doc: Doc, head: Token, hit: tuple[int, str, str], agents: Agents,
                       token_keys: Mapping[int, str]) -> tuple[int, str, str] | None:
    """ "university officials", "hospital staff", "union officials", "civil society leaders": those who work for or
    lead a body (`staff_nouns`), taken for a government's when named alone, are of the body the words before them
    name when that is an agent of another sector (not a title, "deputy president", nor a regulator, "media
    authority")."""
    start, phrase, sector = hit
    if start != head.i or sector != "GOV" or head.lemma_.lower() not in load_rules().staff_nouns:
        return None
    return _body_before(doc, head, agents, token_keys, sector)


def _body_before(doc: Doc, head: Token, agents: Agents, token_keys: Mapping[int, str],
                 sector: str | None) -> tuple[int, str, str] | None:
    """The agent phrase that ends right before `head` as its compound (of a sector other than `sector`), with the
    head added to its phrase."""
    before = doc[head.i - 1] if head.i > 0 else None
    if before is None or before.head.i != head.i or before.dep_ not in ("compound", "amod", "nmod"):
        return None
    hit = agent_ending_at(doc, before, agents, token_keys)
    if hit is None or hit[2] == sector:
        return None
    start = hit[0]
    if start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in STANCE_PREFIXES:
        return None  # "a pro-government coalition", "anti-government groups": for or against the agent, not it
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lemma_.lower() in load_rules().describing_verbs:
        return None  # "described North Korea as a criminal group": what the object is called, no agent of its own
    return start, f"{hit[1]} {head.lower_}", hit[2]


def acted_premises(token: Token, rules: Rules) -> bool:
    """A building a verb itself acts on or in, which stands for the agent its compound names: "stormed the parliament
    building", "set fire to the police headquarters" (not "a tour of the police headquarters")."""
    # (as written or by its lemma: "offices" is premises, "office" alone a post, "took office")
    return token.pos_ == "NOUN" and (token.lower_ in rules.premises_nouns or token.lemma_.lower() in rules.premises_nouns) and (
        token.dep_ in ("dobj", "obj") or (token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX")))


def _unkeyed_phrases(doc: Doc, phrases: list[tuple[Token, int, str, str]], token_keys: Mapping[int, str],
                     agents: Agents) -> list[tuple[Token, int, str, str]]:
    """The agent phrases still without a key, found again only where a keyed one took some of their words."""
    out = []
    for head, start, phrase, sector in phrases:
        if head.i in token_keys:
            continue
        if any(i in token_keys for i in range(start, head.i)):
            hit = agent_ending_at(doc, head, agents, token_keys)
            if hit is not None:
                out.append((head, *hit))
        else:
            out.append((head, start, phrase, sector))
    return out


def _agent_key(gaz: Gazetteer, phrase: str, sector: str, country: str | None) -> str | None:
    """The gazetteer's body of that name for the country ("Foreign Ministry" of RUS), else the country's sector entity."""
    if country is None:
        return None
    key = gaz.lookup_generic(phrase, country) or sector_key(country, sector)
    return key if key in gaz.entities else None


def agent_ending_at(doc: Doc, token: Token, agents: Agents, token_keys: Mapping[int, str]) -> tuple[int, str, str] | None:
    """The longest agent phrase ending at `token` (its last word as written or as its lemma), with no name inside."""
    last_words = agents.last_words
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower not in last_words and lemma not in last_words:
        return None  # (most nouns: two lookups before any list is made)
    lasts = [w for w in dict.fromkeys((lower, lemma)) if w in last_words]
    # the phrase may reach back over words that are no name, space or punctuation (a hyphen or an
    # apostrophe is part of a word): find where that stops once, then try the longest phrase first
    first = token.i
    while first > max(0, token.i - MAX_WORDS + 1) and not _ends_phrase(doc[first - 1], token_keys):
        first -= 1
    # the text before the last word, once: each shorter phrase's is a suffix of it
    words = doc[first:token.i].text
    base = doc[first].idx
    for start in range(first, token.i + 1):
        before = " ".join(words[doc[start].idx - base:].lower().split()) if start < token.i else ""
        for last in lasts:
            phrase = f"{before} {last}" if before else last
            sector = agents.sector_of(phrase)
            if sector is not None:
                return start, phrase, _out_of_office(doc, start, token, sector)
    return None


def _out_of_office(doc: Doc, start: int, head: Token, sector: str) -> str:
    """ "a former minister", "the ex-minister", "a former Kenyan minister", "retired generals": a holder of a state
    office out of it is of the country's elites (ELI), no longer its organ."""
    rules = load_rules()
    if sector not in rules.office_sectors:
        return sector
    before = [t for t in doc[max(0, start - 2):start] if t.text != "-"]
    out = any(t.lower_ in rules.former_words for t in before[-1:]) or any(
        c.dep_ in ("amod", "compound", "advmod") and c.lower_ in rules.former_words and c.i < start for c in head.children)
    return "ELI" if out else sector


def _ends_phrase(token: Token, token_keys: Mapping[int, str]) -> bool:
    """A word no agent phrase reaches over: a name's, a space or punctuation other than a hyphen or an apostrophe."""
    return token.i in token_keys or token.is_space or (token.is_punct and token.text not in "-'")


def _phrase_modifiers(doc: Doc, start: int, head: Token) -> list[Token]:
    """What may say whose an agent phrase is: the word before it, and its head's possessor or adjectives before it."""
    before = [doc[start - 1]] if start > 0 else []
    return before + [c for c in head.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < start]


def _agent_country(doc: Doc, start: int, head: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """The country a modifier of an agent phrase names: the word before it, or a possessor or adjective of its head
    (or the state before an owning participle among them: "a British-flagged tanker")."""
    owning = load_rules().owning_participles
    modifiers = _phrase_modifiers(doc, start, head)
    modifiers += [c for t in modifiers if t.lower_ in owning for c in t.children if c.dep_ in ("amod", "npadvmod", "compound")]
    for t in modifiers:
        key = token_keys.get(t.i)
        entity = gaz.entities.get(key) if key else None
        if entity is not None and entity.kind == "Country":
            return entity.key
        if entity is not None and entity.kind in ("Person", "Location") and entity.country \
                and gaz.kind_of(entity.country) == "Country":
            return entity.country  # "the Yoon administration", "Wisconsin's governor": the person's or place's country
    return None


def discourse_country(mentions: Iterable[Mention], entities: Mapping[str, Entity], gaz: Gazetteer,
                      lead: str | None = None) -> str | None:
    """The country a text is about: the one its names act for most, if it leads the next at least two
    to one, or if it is also the country of the lead's subject (`lead_country`): news names the main
    actor of its story first."""
    counts: Counter[str] = Counter()
    last: tuple[str, int] | None = None
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        country = entities[m.key].country
        if country and gaz.kind_of(country) == "Country":
            # one phrase is one mention: "French troops", "Russian President Putin" name France and Russia once
            if last != (country, m.start):
                counts[country] += 1
            last = (country, m.end + 1)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
        return lead if lead is not None and counts[lead] == ranked[0][1] > ranked[1][1] else None
    return ranked[0][0]


def lead_country(doc: Doc, token_keys: Mapping[int, str], entities: Mapping[str, Entity]) -> str | None:
    """The country the subject of a text's first sentence acts for ("South Korea's President Yoon is
    weighing ..."), if a name in it says so."""
    first = next(iter(doc.sents), None)
    subject = next((c for c in first.root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if first else None
    if subject is None:
        return None
    for token in [subject, *subject.subtree]:
        entity = entities.get(token_keys.get(token.i, ""))
        if entity is not None and entity.country:
            return entity.country
    return None


def _in_discourse_country(mentions: list[Mention], entities: dict[str, Entity], token_keys: dict[int, str],
                          gaz: Gazetteer, country: str | None) -> list[Mention]:
    """Names the gazetteer lacks and nothing in their sentence places act for the country the text is about.

    "Trump commuted the sentence of Roger Stone": Roger Stone is American; "the senate dismissed
    the bill" in a story about Argentina is Argentina's senate. A body named generically is keyed
    by that country ("ARG-senate"), so the senates of two countries never merge across documents.
    """
    if country is None:
        return mentions
    rekey: dict[str, str] = {}
    for key, entity in list(entities.items()):
        if key in gaz.entities or entity.country is not None or entity.kind not in ("Person", "Organization"):
            continue
        if entity.kind == "Organization":
            known = gaz.lookup_generic(entity.label, country)  # "Congress" in a story about the US
            if known is None and not GENERIC_BODY.search(entity.label):
                continue
            new = known or f"{country}-{'-'.join(normalise(entity.label).split())}"
            rekey[key] = new
            del entities[key]
            entities[new] = gaz.entities[known] if known else Entity(new, f"{entity.label} ({country})", entity.kind, country)
        else:
            entities[key] = replace(entity, country=country)
    if not rekey:
        return mentions
    for i, key in list(token_keys.items()):
        token_keys[i] = rekey.get(key, key)
    return [replace(m, key=rekey.get(m.key, m.key)) for m in mentions]


DESCRIPTION_REACH = 3
"""How many sentences back a definite description said again refers to what it referred to there."""

PhraseCountries = dict[tuple[str, bool], list[tuple[int, str]]]
"""The head word (lemma) of an agent phrase and whether it is plural -> (head index, country) of each mention of it
resolved, in text order."""


def _description(head: Token) -> tuple[str, bool]:
    """What makes two agent phrases one description: their head word and number ("the Prime Ministers of Belgium
    and France" is not "the Prime Minister" said after it)."""
    return head.lemma_.lower(), head.tag_ in ("NNS", "NNPS")


def _named_phrases(phrases: list[tuple[Token, int, str, str]], token_keys: Mapping[int, str],
                   gaz: Gazetteer) -> PhraseCountries:
    """The countries of the agent phrases a country modifies ("Niger's junta", "Haitian gangs"), by head word."""
    out: PhraseCountries = {}
    for head, _, _, _ in phrases:
        entity = gaz.entities.get(token_keys.get(head.i, ""))
        if entity is not None and entity.country and gaz.kind_of(entity.country) == "Country":
            out.setdefault(_description(head), []).append((head.i, entity.country))
    return out


def _bare_agent_mentions(doc: Doc, phrases: list[tuple[Token, int, str, str]], token_keys: Mapping[int, str],
                         gaz: Gazetteer, agents: Agents, about: str | None,
                         named: PhraseCountries | None = None) -> list[tuple[int, int, str]]:
    """(start, end, key) of agent phrases no country modifies: "police fired", "the senate dismissed it".

    An organ or a group named alone is of the place its phrase names ("police in Monrovia"), else
    of the state last named in its sentence, else of the state the same words last stood for
    in the text ("the junta", "the gangs" once placed), else of the state last named in the
    sentence before, else of the country the text is about; with none of these it stays unresolved.
    """
    out: list[tuple[int, int, str]] = []
    named = {k: list(v) for k, v in (named or {}).items()}
    rules = load_rules()
    heads = {head.i for head, _, _, _ in phrases}
    # (a faith's word places no state's organs, "Muslim leaders", but does not take militants or protesters out of
    # where they act)
    unofficial_blocs = rules.bloc_words - rules.creed_words
    for token, start, phrase, sector in phrases:
        blocs = rules.bloc_words if agents.sectors[sector].type in ("government", "military") else unofficial_blocs
        if token.lemma_.lower() in rules.camp_nouns and any(
                p.i in heads or (p.i in token_keys and gaz.kind_of(token_keys[p.i]) not in ("Country", "Location"))
                for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children if p.dep_ == "pobj"):
            continue  # "the leader of a student union", "members of Hamas": the body's own, not the text's state's
        if token.lemma_.lower() in rules.mission_nouns:
            continue  # "stormed the embassy in Baghdad", "agreed to reopen embassies": a mission is a foreign state's
        if not agents.sectors[sector].local or any(
                (c.dep_ == "poss" and not _the_country(c, rules)) or (c.dep_ in ("compound", "amod", "nmod") and (
                    (c.pos_ == "PROPN" and c.i < start and not (c.ent_type_ == "NORP" and c.i not in token_keys))
                    # (a name the tagger took for a common noun owns too: "Wagner mercenaries")
                    or (c.i in token_keys and c.i < start) or c.lower_ in blocs))
                for c in token.children):
            # refugees or an NGO may come from anywhere; "its forces", "the Yoon administration" have an owner;
            # "Western leaders", "world leaders" are of a group of nations, not of the text's one ("Jihadist
            # fighters", tagged a proper noun, are of no owner: a creed is none). A word of the phrase itself owns
            # nothing: "Riot police dispersed the crowd" opens a sentence, where the tagger takes "Riot" for a name
            continue
        # (the parser may hang the phrase on the verb: "expelled diplomats from seven countries")
        holders = (token, token.head) if token.dep_ == "dobj" else (token,)
        if any(p.lemma_.lower() in STATE_NOUNS and p.i not in token_keys for h in holders for prep in h.children
               if prep.dep_ == "prep" and prep.lower_ in ("of", "from") and prep.i > token.i
               for p in prep.children if p.dep_ == "pobj" and not any(
                   d.lower_ in ("the", "this", "that") or d.dep_ == "poss" for d in p.children)):
            continue  # "diplomats from seven Latin American countries": of states the text says, though not by name
        place = _modifying_place(doc, start, token, token_keys, gaz) if sector in LOCAL_ORGANS else None
        if place is not None:
            out.append((start, token.i + 1, local_organ_key(place, sector)))  # "the governor of Texas"
            continue
        if several_states(token, token_keys, gaz, " ".join([*phrase.split()[:-1], token.lemma_.lower()])):
            continue
        skip = _commenter(token, rules) | _mediator(token) | _named_as_places(doc, start, rules, sector == "GOV") \
            | _harmer(token, rules)
        told = named.setdefault(_description(token), [])
        # (its own sentence first: "Protesters rallied outside the French embassy in Ouagadougou" are of where they
        # act, not of France named in the sentence before)
        # ("Russia shelled Kharkiv, and the country's army advanced": the country referred to is the main subject)
        referred = [sentence_subject_country(c, token_keys, gaz) for c in token.children
                    if c.dep_ == "poss" and _the_country(c, rules)]
        # (a building or a vessel named by its agent is placed as that agent is: "a police station in Nigeria")
        country = (referred[0] if referred else None) or _linked_owner(token, token_keys, gaz) \
            or _placed_in(token.head if token.dep_ == "compound" else token, token_keys, gaz) \
            or _scene_country(doc, start, token_keys, gaz) \
            or _latest_country(doc, start, token_keys, gaz, skip, own_sentence=True) \
            or _acting_in(token, token_keys, gaz)
        if country is None:
            # (a definite description said again refers to what it referred to before: "Members of Niger's
            # presidential guard seized power ... Nigeria cut off supplies to its neighbour. The junta ordered ..." is
            # Niger's junta; in the sentences near it only: further on, "police" and "the prime minister" may be
            # another state's)
            since = start
            for _ in range(DESCRIPTION_REACH):
                since = previous_sentence_start(doc, since)
            country = next((c for i, c in reversed(told) if since <= i < token.i), None)
        if country is not None:
            # (only what a sentence says is passed on, from one mention to the next: never a guess)
            told.append((token.i, country))
        country = country or _latest_country(doc, start, token_keys, gaz, skip) or about
        key = _agent_key(gaz, phrase, sector, country)
        if key:
            out.append((start, token.i + 1, key))
    return out


def _linked_owner(head: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """ "militiamen linked to Iran", "gunmen affiliated with a Sudanese group": the country of whom a linking
    participle ties an agent phrase to (vessels, whose agents may come from anywhere, are read so by `resolve_np`)."""
    linking = load_rules().linking_participles
    for acl in head.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in linking:
            for prep in acl.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("to", "by"):
                    for t in prep.subtree:
                        key = token_keys.get(t.i)
                        country = (key if gaz.kind_of(key) == "Country" else _country_of(key, gaz)) if key else None
                        if country:
                            return country
    return None


def _the_country(possessor: Token, rules: Rules) -> bool:
    """ "the country's top judge", "the nation's army": a possessor that refers back to a country owns nothing the
    agent's own country does not tell (it is the state the sentence or the text is about)."""
    return "Country" in rules.referring_nouns.get(possessor.lemma_.lower(), ()) and any(
        d.dep_ == "det" and d.lower_ == "the" for d in possessor.children)


STATE_NOUNS = frozenset({"country", "nation", "state", "government"})
"""Words for states that name none: "diplomats from seven countries" are of them, not of the state the text is about."""

PLACE_PREPS = frozenset({"to", "in", "into", "from", "at", "across", "toward", "towards"})
"""Prepositions of where someone goes or is: "fled to India", "talks in Qatar"."""


def previous_sentence_start(doc: Doc, i: int) -> int:
    """The first word of the sentence before word `i`'s (of its own, in a text's first sentence): how far back the
    rules look for what a word refers to."""
    sent_start = doc[i].sent.start
    return doc[sent_start - 1].sent.start if sent_start > 0 else sent_start


def _named_as_places(doc: Doc, start: int, rules: Rules, destinations: bool) -> frozenset[int]:
    """States named before a token, in its sentence or the one before, only as a place: as the side of a border
    ("rebels captured towns near the Chinese border. The junta accused ..." is no junta of China's) and, with
    `destinations`, as where someone went or was ("Hasina fled to India. The interim government asked ..." is no
    government of India's)."""
    return frozenset(t.i for t in doc[previous_sentence_start(doc, start):start]
                     if (t.dep_ in ("amod", "compound", "poss") and t.head.lemma_.lower() in rules.border_nouns)
                     or (destinations and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS))


def _mediator(token: Token) -> frozenset[int]:
    """The words of whoever stands between the parties a phrase is one of: "Thailand hosted talks between the junta
    and ASEAN", "Algeria offered to mediate between the junta and the bloc" (the one in the middle is no party)."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in ("between", "among"):
        return frozenset()
    node = token.head.head
    if node.pos_ == "NOUN" and node.dep_ in ("dobj", "pobj", "nsubj"):
        node = node.head if node.dep_ != "pobj" else node.head.head  # "hosted talks between", "held talks with"
    for _ in range(3):  # "offered to mediate between": up the infinitives to a subject
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return frozenset(t.i for s in subjects for t in s.subtree)
        if node.dep_ not in ("xcomp", "advcl", "conj"):
            break
        node = node.head
    return frozenset()


def _harmer(token: Token, rules: Rules) -> frozenset[int]:
    """The words of whoever harms those a phrase names: "Russian shelling wounded five civilians", "Israeli
    troops killed dozens of people", "were killed by Sudanese militias" (an attacker's nationality says who
    attacks, not whose people were hit: they are of where it happened, or of the country the text is about)."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ in ("dobj", "nsubjpass"):
        token = token.head.head  # "killed dozens of civilians"
    verb = token.head
    trigger = rules.verbs.get(verb.lemma_.lower()) if token.dep_ in ("dobj", "nsubjpass") else None
    # (force only: those a state arrests, tries or bans are mostly in its hands, of its own people)
    if trigger is None or not trigger.evokes("Assault"):
        return frozenset()
    if token.dep_ == "nsubjpass":
        doers = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    else:  # (the parser may read a gerund subject as an auxiliary: "Russian shelling wounded")
        doers = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "aux" and c.tag_ == "VBG")]
        if not doers and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # "accused Eritrean troops of killing civilians": whom the act is blamed on did it
            doers = [c for c in verb.head.head.children if c.dep_ in ("dobj", "obj")]
    return frozenset(t.i for d in doers for t in d.subtree)


def _commenter(token: Token, rules: Rules) -> frozenset[int]:
    """The words of whoever comments on the act a phrase is in: "the US condemned the arrest of the opposition
    leader", "criticised the crackdown on journalists" (the one commenting is no owner of those the act hit); so
    are those of whoever comments on the phrase itself: "India and China congratulated the new government"."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in rules.comment_verbs:
        return frozenset(t.i for s in token.head.children if s.dep_ == "nsubj" for t in s.subtree)
    node = token
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return frozenset()
        act = node.head.head
        if act.pos_ == "NOUN" and act.dep_ == "dobj":
            verb = act.head
            if verb.lemma_.lower() not in rules.comment_verbs:
                return frozenset()
            return frozenset(t.i for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree)
        node = act
    return frozenset()


def _acting_in(subject: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """The country where a subject's verb happens, by an in-phrase on the verb or inside one of its phrases:
    "students demonstrated outside the US embassy in Seoul" are in Seoul (not of the embassy's owner)."""
    if subject.dep_ == "pobj" and subject.head.lower_ == "of" and subject.head.head.dep_ in ("nsubj", "nsubjpass"):
        subject = subject.head.head  # "hundreds of protesters gathered ...": the count is the subject
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.pos_ not in ("VERB", "AUX"):
        return None
    # (the parser may hang the place on the verb's object, "police detained three Britons in Tehran", or on a verb
    # coordinated with it: "protesters waving flags have rallied outside the embassy in Ouagadougou")
    verbs = [subject.head] + [c for c in subject.head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if subject.head.dep_ == "csubj":
        verbs.append(subject.head.head)  # (or read "protesters waving flags" as the clause subject of "rallied")
    holders = verbs + [o for v in verbs for o in v.children if o.dep_ == "dobj"]
    rules = load_rules()
    places = rules.place_nouns
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        for t in prep.subtree:
            # (or the state owning a kind of place there: "attacked two prisons in Haiti's capital")
            place = t.head if t.dep_ in ("poss", "amod", "compound") and t.head.lemma_.lower() in places else t
            # ("took to the streets of Belgrade": the town whose streets they are)
            streets = place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.lemma_.lower() in rules.street_nouns
            if place.dep_ != "pobj" or (place.head.lower_ not in ("in", "off") and not streets):
                continue
            state = _state_of_place(gaz.entities.get(token_keys.get(t.i, "")), gaz)
            if state is not None:
                return state
    return None


def _state_of_place(entity: Entity | None, gaz: Gazetteer) -> str | None:
    """The state a country or a place in one names (a place of no known state, or a body: None)."""
    if entity is not None and entity.kind in ("Country", "Location") and entity.country \
            and gaz.kind_of(entity.country) == "Country":
        return entity.country
    return None


SPREAD_PREPS = frozenset({"across", "in", "around", "throughout", "from"})
WIDE_PLACES = frozenset({"region", "world", "continent", "globe"})


def several_states(token: Token, token_keys: Mapping[int, str], gaz: Gazetteer, name: str | None = None) -> bool:
    """ "Governments across Latin America", "presidents in the region": organs a state has one of, in the plural
    and spread over a place no one state is, are several states', not the text's one (`name`: the organ's words
    in the singular, by default the head's lemma)."""
    if token.tag_ not in ("NNS", "NNPS") or (name or token.lemma_.lower()) not in load_rules().sole_organs:
        return False
    for place in (p for c in token.children if c.dep_ == "prep" and c.lower_ in SPREAD_PREPS
                  for p in c.children if p.dep_ == "pobj"):
        if place.lemma_.lower() in WIDE_PLACES:
            return True
        entity = gaz.entities.get(token_keys.get(place.i, ""))
        if entity is not None and entity.kind == "Location" and _state_of_place(entity, gaz) is None:
            return True
    return False


def _placed_in(head: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """The country of a place an agent's own phrase names: "police in Monrovia", "workers of a Tehran company", "a
    school sheltering families in Gaza", or "rebels in the north of the country": the country the sentence is
    about, its main subject. The place of an act on an object is the object's too ("backing rebels in the north
    of the country")."""
    holders = [head, head.head] if head.dep_ == "dobj" else [head]
    if head.dep_ == "pobj" and head.head.head.pos_ == "NOUN":
        # "abuses against civilians in Mali": the place of the act the phrase is in, on its noun or on its verb
        act = head.head.head
        holders += [act, act.head] if act.dep_ == "dobj" else [act]
    # "a school sheltering displaced families in central Gaza": a clause on the phrase places it too
    holders += [t for c in head.children if c.dep_ in ("acl", "relcl") for t in c.subtree]
    referring = load_rules().referring_nouns  # ("the country", "the kingdom": see `sentence_subject_country`)
    for prep in (c for h in holders for c in h.children):
        # (a clause after the preposition is an act, no place: "accused the opposition of plotting with Washington")
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "from") and not any(c.dep_ == "pcomp" for c in prep.children):
            for t in prep.subtree:
                state = _state_of_place(gaz.entities.get(token_keys.get(t.i, "")), gaz)
                if state is not None:
                    return state
                if t.pos_ == "NOUN" and "Country" in referring.get(t.lemma_.lower(), ()) \
                        and any(d.lower_ == "the" for d in t.children):
                    return sentence_subject_country(t, token_keys, gaz)
    return None


def sentence_subject_country(token: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """The country "the country" refers to inside a clause: the sentence's main subject when that is a
    country named before it ("Mali accused Ukraine of backing rebels in the north of the country"), as
    the subject is the most salient referent; None otherwise."""
    for subj in (c for c in token.sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i):
        if subj.left_edge.i <= token.i <= subj.right_edge.i:
            return None  # "the country" inside the subject itself
        entity = gaz.entities.get(token_keys.get(subj.i, ""))
        if entity is not None and entity.kind == "Country":
            return entity.key
    return None


SCENE_PREPS = frozenset({"in", "across", "throughout", "off"})


def _scene_country(doc: Doc, start: int, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """The state where its sentence's scene is, by the last place before a token that an in-phrase names: "hundreds
    rallied in Dhaka against India's border killings; police arrested dozens" are Dhaka's police, though India
    is named last (a party to the story is no scene)."""
    for i in range(start - 1, doc[start].sent.start - 1, -1):
        token = doc[i]
        if token.dep_ != "pobj" or token.head.lower_ not in SCENE_PREPS:
            continue
        state = _state_of_place(gaz.entities.get(token_keys.get(i, "")), gaz)
        if state is not None:
            return state
    return None


def _latest_country(doc: Doc, start: int, token_keys: Mapping[int, str], gaz: Gazetteer,
                    skip: frozenset[int] = frozenset(), own_sentence: bool = False) -> str | None:
    """The state last named before a token, in its sentence or (unless `own_sentence`) the one before, by its name,
    or by a place in it named in the token's own sentence ("Texas sued the federal government"); not by the tokens
    in `skip`."""
    sent_start = doc[start].sent.start
    first = sent_start if own_sentence else previous_sentence_start(doc, start)
    for i in range(start - 1, first - 1, -1):
        if i in skip:
            continue
        entity = gaz.entities.get(token_keys.get(i, ""))
        if entity is not None and entity.kind == "Country":
            return entity.key
        if entity is not None and entity.kind in ("Location", "Person") and entity.country and i >= sent_start \
                and gaz.kind_of(entity.country) == "Country":
            # (a place or a person in its own sentence only: a place name is easier to misread, and "Maduro's
            # government accused the opposition" is about Venezuela's, whoever the sentence before named)
            return entity.country
    return None


def _country_of(key: str, gaz: Gazetteer) -> str | None:
    entity = gaz.entities.get(key)
    return entity.country if entity else None


def _kind_of_place_country(root: Token, token_keys: Mapping[int, str], gaz: Gazetteer) -> str | None:
    """ "the Essequibo region of Guyana", "the Kherson province of Ukraine": a place named before the kind of
    place it is (`place_nouns`) lies in the country that kind's of-phrase names."""
    head = root.head
    if root.dep_ != "compound" or head.lemma_.lower() not in load_rules().place_nouns:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                entity = gaz.entities.get(token_keys.get(pobj.i, ""))
                if pobj.dep_ == "pobj" and entity is not None and entity.kind == "Country":
                    return entity.key
    return None


def _named_waters(root: Token) -> bool:
    """ "the Gulf of Oman", "the Gulf of Aden": waters named after a state or a place by an of-phrase, no part of it."""
    return root.lemma_.lower() in load_rules().water_nouns and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)


def _named_country(doc: Doc, span: EntitySpan, gaz: Gazetteer) -> str | None:
    """A country named inside an unknown name: "Nigerian Union of Teachers" acts for Nigeria."""
    for sub in _known_subspans(doc, span, gaz):
        entity = gaz.entities[sub.ruler_key]
        if entity.kind == "Country":
            return entity.country
    return None


ETHNIC_MARKERS = frozenset({"ethnic", "diaspora"})
"""Words that turn a demonym into a community living anywhere, which acts for no state."""

MAX_UNKNOWN_TOKENS = 6
"""Longer unknown names are NER run-ons ("Supply Arms to Ukraine Due to Trump's Victory")."""


COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
RUN_ON_WORDS = frozenset({"to", "due", "after", "amid", "over", "as", "says", "said", "forced", "against", "into"})
"""Words no organisation or person name contains, but title-case headlines do ("Supply Arms to Ukraine Due")."""


def _reads_as_a_clause(span) -> bool:
    """A title-case headline fragment the NER took for a name."""
    return (any(t.lower_ in RUN_ON_WORDS for t in span[1:]) or any(t.pos_ == "VERB" for t in span)
            or any(t.text in ("–", "—", "|") for t in span))  # "Trump's Victory – Bloomberg": headline and outlet


def _name_runs(doc: Doc, begin: int, end: int, taken: Collection[int], label: str, base: int) -> list[EntitySpan]:
    """The runs of proper nouns in tokens `begin`-`end` that no name resolved yet covers (`taken`), as spans of
    `label` whose characters are shifted by `base`."""
    runs: list[EntitySpan] = []
    start = None

    def close(stop: int) -> None:
        sub = doc[start:stop]
        runs.append(EntitySpan(start, stop, base + sub.start_char, base + sub.end_char, sub.text, label, None))

    for token in doc[begin:end]:
        i = token.i
        if token.pos_ == "PROPN" and i not in taken:
            if start is None:
                start = i
        elif start is not None:
            close(i)
            start = None
    if start is not None:
        close(end)
    return runs


def _known_subspans(doc: Doc, span: EntitySpan, gaz: Gazetteer) -> list[EntitySpan]:
    """Gazetteer names inside a span, longest first, not overlapping."""
    found: list[EntitySpan] = []
    taken: set[int] = set()
    for size in range(min(6, span.end - span.start), 0, -1):
        for start in range(span.start, span.end - size + 1):
            if taken & set(range(start, start + size)):
                continue
            sub = doc[start:start + size]
            if sub[0].is_punct or sub[-1].is_punct or sub[-1].tag_ == "POS":
                continue  # the name itself, not "– Bloomberg" or "Trump's"
            key = gaz.lookup(sub.text)
            if key:
                taken.update(range(start, start + size))
                found.append(EntitySpan(sub.start, sub.end, span.start_char + sub.start_char - doc[span.start].idx,
                                        span.start_char + sub.end_char - doc[span.start].idx, sub.text, span.label, key))
    return sorted(found, key=lambda s: s.start)


SURNAME_PARTICLES = frozenset({"al", "el", "le", "la", "de", "del", "della", "di", "da", "do", "dos", "du", "van", "von",
                               "der", "ter", "bin", "ibn", "ben", "abu", "mac", "st", "san", "santa"})
"""Words that begin a surname of several words ("Le Pen", "de Gaulle", "van der Bellen"), lower-cased."""


def _person_in_context(text: str, persons: list[str], forms: ShortForms) -> str | None:
    """A short or variant name of someone already named in this text ("Yoon" after "Yoon Suk Yeol"; "Le Pen"
    after "Marine Le Pen", a surname of more than one word): the one person of `persons` it can stand for."""
    words = tuple(normalise(text).split())
    if not words:
        return None
    candidates = [key for key in dict.fromkeys(reversed(persons)) if words in forms.of(key)]
    return candidates[0] if len(candidates) == 1 else None


class ShortForms:
    """The short names each person named in a text may go by, worked out once per person: the gazetteer's surname
    if it has one, else any single word of a name, or its last words after a particle ("La Riva", "von der Leyen")."""

    def __init__(self, entities: Mapping[str, Entity], gaz: Gazetteer):
        self._entities, self._gaz = entities, gaz
        self._forms: dict[str, frozenset[tuple[str, ...]]] = {}
        self.all: set[tuple[str, ...]] = set()
        self.first: set[str] = set()  # their first words: a quick test before normalising a name

    def of(self, key: str) -> frozenset[tuple[str, ...]]:
        """The short forms of one person (none for a key that is no entity)."""
        found = self._forms.get(key)
        if found is None:
            found = self._forms[key] = self._work_out(key)
            self.all.update(found)
            self.first.update(f[0] for f in found)
        return found

    def known(self, persons: Iterable[str]) -> set[tuple[str, ...]]:
        """Every short form of these persons (a quick test before asking which one a name is)."""
        for key in persons:
            if key not in self._forms:
                self.of(key)
        return self.all

    def _work_out(self, key: str) -> frozenset[tuple[str, ...]]:
        gaz = self._gaz
        entity = self._entities.get(key) or gaz.entities.get(key)
        if entity is None:
            return frozenset()
        surname = gaz.surname_of(key) if key in gaz.entities else None
        if surname:
            return frozenset({tuple(normalise(surname).split())})  # "Schröder" meets "schroder"
        names = [tuple(normalise(a).split()) for a in (entity.label, *entity.aliases)]
        forms = {(w,) for n in names for w in n}
        forms |= {n[i:] for n in names for i in range(1, len(n) - 1) if n[i] in SURNAME_PARTICLES}
        return frozenset(forms)
