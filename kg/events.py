"""Parsed sentences -> events, by dependency rules over the trigger table of ontology/rules.yaml.

For each trigger (a verb or an event noun) the rules find the actor (subject,
passive agent, possessor, controller of an infinitive), the theme (what is
sent), the target (object or prepositional object), the modality (from the
clauses that govern the trigger), the date (a temporal expression attached to
the trigger's own clause), the quantity (a number on the theme) and the source
the claim is attributed to (the subject of a verb of saying above it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.actions import action_types
from kg.agents import load_agents
from kg.canonicalize import Resolution, discourse_country
from kg.gazetteer import Gazetteer
from kg.lexicon import LexMatch, Lexicon, is_passive
from kg.model import Document, Event, Evidence
from kg.rules import Rules, Sense, Trigger
from kg.temporal import normalise as normalise_date

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj"})
"""Dependencies through which modality and attribution reach down to a trigger."""
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
PRONOUNS_THING = frozenset({"it", "its", "itself", "they", "their", "them"})
PRONOUNS_PERSON = frozenset({"he", "his", "him", "she", "her"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
_NUMBER = re.compile(r"^[\d,.]+$")
MAX_QUANTITY = 10**13
SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}


@dataclass(frozen=True)
class Frame:
    """What the rules found around one trigger, before it becomes `Event`s."""

    trigger: Token
    action: str
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    theme: Token | None
    cameo: str | None = None
    """The full CAMEO code when the verb dictionary coded the trigger."""
    domestic: bool = False
    """The target is the actor's own country standing for its people ("banned a number of players",
    "killed three villagers in southern Serbia"): no self-reference to drop."""


class _Context:
    """Per-text lookups shared by the rules: entity keys of tokens and pronoun antecedents."""

    def __init__(self, doc: Doc, res: Resolution, gaz: Gazetteer, rules: Rules):
        self.doc, self.res, self.gaz, self.rules = doc, res, gaz, rules
        self.entities = res.entities
        self.keyed_tokens = sorted(res.token_keys.items())  # in text order, for antecedents
        self._keyed_index = [i for i, _ in self.keyed_tokens]
        self.agent_words = load_agents().words
        self.agent_nouns = rules.agent_nouns | self.agent_words
        self.discourse = discourse_country(res.mentions, res.entities, gaz)
        # DATE entities by sentence start, found once: asking each trigger's `sent.ents` rescans
        # the document's entities every time, which made long documents quadratic
        self.dates: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                self.dates.setdefault(ent.root.sent.start, []).append(ent)

    def kind(self, key: str) -> str:
        entity = self.entities.get(key) or self.gaz.entities.get(key)
        return entity.kind if entity else "Entity"

    def country(self, key: str) -> str | None:
        entity = self.entities.get(key) or self.gaz.entities.get(key)
        return entity.country if entity else None

    def place_country(self, key: str) -> str | None:
        """The country a place belongs to, if the gazetteer or its context says so."""
        country = self.country(key)
        return country if country and self.kind(country) == "Country" else None

    def is_outlet(self, key: str) -> bool:
        """A news outlet (Bloomberg, AFP): a source of claims, never a party. Journalists (a country's media
        sector) are people and can be acted upon."""
        entity = self.entities.get(key) or self.gaz.entities.get(key)
        return self.gaz.is_media(key) and not (entity and entity.sector)

    def can_act(self, key: str) -> bool:
        """News outlets are sources of claims and places are where things happen: neither acts."""
        return not self.is_outlet(key) and self.kind(key) != "Location"

    def antecedent(self, token: Token, countries: bool = False) -> str | None:
        """The entity a pronoun or "the country" refers to: the latest fitting name before it.

        A plural pronoun may also refer back to a plural group of a country ("North Korean troops
        ... prior to their deployment"), which names that country through its modifier.
        """
        persons = token.lower_ in PRONOUNS_PERSON
        sent_start = token.sent.start
        prev_start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        best, best_i = None, -1
        lo, hi = bisect_left(self._keyed_index, prev_start), bisect_left(self._keyed_index, token.i)
        for i, key in self.keyed_tokens[lo:hi]:
            if i in self.res.demonym_tokens:
                continue
            kind = self.kind(key)
            if persons and kind == "Person":
                best, best_i = key, i
            elif not persons and (kind == "Country" or (kind == "Organization" and not countries)) and not self.gaz.is_media(key):
                best, best_i = key, i
        if token.lower_ in PLURAL_PRONOUNS:
            for group in self.doc[max(prev_start, best_i + 1):token.i]:
                if group.tag_ == "NNS" and group.lemma_.lower() in self.agent_nouns and group.i not in self.res.token_keys:
                    found = next((self.res.token_keys[c.i] for c in group.children
                                  if c.dep_ in ("amod", "compound") and c.i in self.res.demonym_tokens), None)
                    if found:
                        best = self.country(found) or found
        return best


def _conjuncts(token: Token) -> list[Token]:
    """A phrase and the phrases coordinated with it ("the United States and South Korea")."""
    out = [token, *[t for t in token.conjuncts if t.i > token.i]]
    for child in token.children:
        # the parser sometimes hangs "Donald Trump and Yun Seok-yul" on the last name, with the
        # first name as a modifier that carries the "and": both are parties
        if child.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in child.children):
            out.extend([child, *[t for t in child.conjuncts if t.i > child.i]])
    return out


def _resolve_np(token: Token, ctx: _Context, depth: int = 3, agent: bool = False) -> str | None:
    """The entity a noun phrase headed by `token` names or acts for, or None.

    With `agent`, the phrase must be able to act: a name, a pronoun, or an agent noun; a topic
    or a cause with an owner ("Trump's victory") names no actor.
    """
    key = ctx.res.token_keys.get(token.i)
    if key and token.i not in ctx.res.demonym_tokens:
        return key
    lower = token.lower_
    if lower in PRONOUNS_THING or lower in PRONOUNS_PERSON:
        return _matrix_subject(token, ctx) or ctx.antecedent(token)
    if depth <= 0:
        return None
    lemma = token.lemma_.lower()
    if key and token.i in ctx.res.demonym_tokens and token.dep_ not in ("amod", "compound", "nmod", "poss"):
        return key  # "the Russians attacked", "Israel and the Palestinians": a demonym heading its phrase names its country
    if agent and token.pos_ == "NOUN" and lemma not in ctx.agent_nouns:
        return _appositive(token, ctx)
    if token.pos_ in ("NOUN", "PROPN") or lemma in ctx.rules.anaphoric_nouns:
        # a common noun acts for whoever owns it: "Russia's Foreign Ministry", "the Russian region",
        # "South Korean and Western claims", "Kim Jong Un's sister"
        # a name in apposition is the noun itself ("his counterpart Volodymyr Zelenskiy"); then
        # adjectives and compounds ("his Ukrainian counterpart"); a possessor last
        order = {"appos": 0, "compound": 1, "amod": 1, "nmod": 1, "poss": 2}
        if not agent:
            # "opposed the United States-led war": what is opposed is the leader's
            for led in token.children:
                if led.dep_ == "amod" and led.lemma_.lower() in ("lead", "back", "sponsor"):
                    leader = next((k for c in led.children if c.dep_ in ("npadvmod", "compound", "nmod")
                                   for k in [_modifier_key(c, ctx)] if k), None)
                    if leader:
                        return leader
        for child in sorted((c for c in token.children if c.dep_ in order), key=lambda c: (order[c.dep_], c.i)):
            if child.dep_ == "amod" and child.lower_.endswith(("-led", "-backed")):
                continue  # "U.S.-led sanctions": the leader is not the one who sanctions
            found = _resolve_np(child, ctx, 1) if child.dep_ == "appos" else _modifier_key(child, ctx)
            if found:
                return found
    if (lemma in ctx.rules.role_nouns or token.ent_type_ in ("ORG", "PERSON") or lemma in ctx.rules.anaphoric_nouns
            or lemma in ctx.rules.owned_nouns or lemma in ctx.agent_words):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "between"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = _resolve_np(pobj, ctx, depth - 1)
                        if found:
                            # "the government of Sudan" acts for Sudan; "the request of Boris Johnson" is his own
                            owned = lemma in ("member",) or (lemma in ctx.rules.owned_nouns and lemma not in ctx.rules.role_nouns)
                            return found if owned else _as_country(found, ctx)
        if lemma in ctx.rules.anaphoric_nouns and any(c.lower_ == "the" for c in token.children):
            return ctx.antecedent(token)
        if (lemma in ctx.rules.state_organs and token.pos_ in ("NOUN", "PROPN") and token.dep_ not in MODIFIER_DEPS
                and not any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in token.children)):
            # "the senate dismissed it", "police fired on a protester", "called on the President": an organ
            # named without its state is of the state last named, else of the country the text is about
            return ctx.antecedent(token, countries=True) or ctx.discourse
    elif not agent and token.pos_ == "NOUN":
        # what is done to a thing is done to its owner: "overturned the convictions of Kelly",
        # "does not recognise the existence of Israel"
        for pobj in _pobjs(token, frozenset({"of"})):
            found = _resolve_np(pobj, ctx, depth - 1)
            if found:
                return found
    return None


def _appositive(token: Token, ctx: _Context) -> str | None:
    """A name in apposition to a noun is the noun itself: "the opposition leader Raila Odinga"."""
    for child in token.children:
        if child.dep_ == "appos":
            found = _resolve_np(child, ctx, 1)
            if found:
                return found
    return None


def _matrix_subject(pronoun: Token, ctx: _Context) -> str | None:
    """ "The Yoon administration confirmed it would monitor...": a pronoun subject of a complement
    clause usually refers to the subject of the clause above."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECTS or clause.dep_ != "ccomp":
        return None
    subjects = [c for c in clause.head.children if c.dep_ in SUBJECTS and c.i != pronoun.i]
    if not subjects or subjects[0].lower_ in PRONOUNS_THING | PRONOUNS_PERSON:
        return None
    key = _resolve_np(subjects[0], ctx, 2)
    if key is None:
        return None
    person = ctx.kind(key) == "Person"
    if pronoun.lower_ in PRONOUNS_PERSON:
        return key if person else None
    return _as_country(key, ctx) if person else key


def _modifier_key(token: Token, ctx: _Context) -> str | None:
    """An entity named by a modifier, as the country it acts for ("South Korean officials" -> KOR)."""
    key = ctx.res.token_keys.get(token.i)
    if key:
        # "South Korean officials", "Wisconsin's governor": an adjective, a demonym or a place names its country
        as_country = token.dep_ in ("amod", "compound") or token.i in ctx.res.demonym_tokens or ctx.kind(key) == "Location"
        return _as_country(key, ctx) if as_country else key
    if token.lower_ in PRONOUNS_THING or token.lower_ in PRONOUNS_PERSON:
        found = ctx.antecedent(token)
        return _as_country(found, ctx) if found else None
    return _resolve_np(token, ctx, 1)


def _as_country(key: str, ctx: _Context) -> str:
    country = ctx.country(key)
    return country if country and (country in ctx.gaz.entities or country in ctx.entities) else key


def _keys(tokens: list[Token], ctx: _Context, agent: bool = False) -> list[str]:
    """Entities named by noun phrases and their conjuncts, in order, once each (see `_resolve_np`)."""
    out = []
    for t in tokens:
        for c in _conjuncts(t):
            found = _group_antecedents(c, ctx)
            if not found:
                k = _resolve_np(c, ctx, agent=agent)
                found = [k] if k else []
            out += [k for k in found if k not in out]
    return out


COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "both": 2}
GROUP_NOUNS = frozenset({"country", "nation", "state", "side", "government", "neighbour", "neighbor", "ally", "leader"})


def _group_antecedents(token: Token, ctx: _Context) -> list[str]:
    """ "the two countries", "both sides", "the leaders of the two countries": the last two (or three) states
    named together before, in this sentence or the one before."""
    head = token
    if head.lemma_.lower() in ctx.rules.role_nouns:  # "the leaders of the two countries"
        head = next((p for p in _pobjs(head, frozenset({"of"}))), head)
    count = next((COUNT_WORDS[c.lower_] for c in head.children if c.lower_ in COUNT_WORDS), 0)
    if not count or head.lemma_.lower() not in GROUP_NOUNS or head.tag_ != "NNS":
        return []
    sent_start = head.sent.start
    first = ctx.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start

    def state(t: Token) -> str | None:
        # a state, or a person's country ("Trump and Yoon discussed ...; the leaders of the two countries")
        key = ctx.res.token_keys.get(t.i)
        found = key if key and ctx.kind(key) == "Country" else (ctx.country(key) if key and ctx.kind(key) == "Person" else None)
        return found if found and ctx.kind(found) == "Country" and t.i not in ctx.res.demonym_tokens else None

    # the parties named together last: "Turkey and Greece ...", "Donald Trump and Yun Seok-yul ..."
    for t in reversed(ctx.doc[first:head.i]):
        if t.dep_ == "conj" or state(t) is None:
            continue
        group = list(dict.fromkeys(s for c in [t, *t.conjuncts] if c.i < head.i and (s := state(c))))
        if len(group) == count:
            return group
    return []


def _actor_keys(tokens: list[Token], ctx: _Context) -> list[str]:
    """Entities that act through these phrases: names, pronouns and agent nouns, not topics or causes."""
    return _keys(tokens, ctx, agent=True)


def _theme_class(token: Token, rules: Rules) -> str | None:
    """The class of a theme noun, trying "amod/compound + noun" first ("lethal aid", "arms supplies")."""
    lemma = token.lemma_.lower()
    mods = [c for c in token.lefts if c.dep_ in ("amod", "compound")]
    for left in mods:
        # "non - lethal aid" parses as three modifiers: read them back as one phrase
        words = token.doc[left.left_edge.i:token.i].text.lower()
        whole = re.sub(r"\s*-\s*", "-", words)
        for phrase in (f"{whole} {lemma}", f"{left.lemma_.lower()} {lemma}", f"{left.lower_} {lemma}"):
            found = rules.theme_class(phrase)
            if found:
                return found
    # "a state of siege", "a state of emergency": a noun with its of-phrase
    for of in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in of.children if c.dep_ == "pobj"):
            found = rules.theme_class(f"{lemma} of {pobj.lemma_.lower()}")
            if found:
                return found
    return rules.theme_class(lemma) or rules.theme_class(token.lower_)


def _compound_class(token: Token, rules: Rules) -> str | None:
    """Class named inside a nominal trigger: "arms supplies", "troop deployment", "munitions supplies"."""
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            # "an open-ended strike": a hyphenated modifier is three tokens, read back as one word
            whole = re.sub(r"\s*-\s*", "-", token.doc[child.left_edge.i:child.i + 1].text.lower())
            found = rules.theme_class(child.lemma_.lower()) or rules.theme_class(child.lower_) or rules.theme_class(whole)
            if found:
                return found
    return None


def _pobjs(token: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(child)
    return out


def _pick_sense(trigger: Trigger, classes: list[str | None]) -> str | None:
    for sense in trigger.senses:
        if sense.theme is None or sense.theme in classes:
            return sense.action
    return None


def _controller(verb: Token, ctx: _Context) -> list[str]:
    """Actors of a verb with no subject of its own: the controller of an infinitive or gerund."""
    head = verb.head
    seen = 0
    node = verb
    prev: Token | None = None
    # "Norway is willing to send": through an adjective of readiness to the copula's subject
    while node.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "conj", "acl", "prep", "pobj", "relcl", "acomp") and seen < 5:
        seen += 1
        head = node.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in ctx.rules.attribution_verbs:
            return []  # "The Pentagon estimated that troops were sent": the speaker does not send
        if node.dep_ == "relcl":
            return _actor_keys([head], ctx)
        if node.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            # "North Korea sending troops": a gerund on a name is done by the name's bearer;
            # "plans to send weapons": the planner is the noun's possessor
            if head.i in ctx.res.token_keys and head.i not in ctx.res.demonym_tokens:
                return _actor_keys([head], ctx)
            poss = [c for c in head.children if c.dep_ == "poss"]
            if poss:
                return _actor_keys(poss, ctx)
            # "reports of North Korea sending troops": the gerund hangs on "reports", its doer is the "of" object
            found = _actor_keys(_pobjs(head, frozenset({"of"})), ctx)
            if found or head.dep_ not in OBJECTS or head.lemma_.lower() not in ctx.rules.modality.planned_nouns:
                return found
            # "announced plans to supply arms", "forced to revise plans to supply arms": whoever has the
            # plans is whoever announces or revises them
            verb = head.head
            subj = [c for c in verb.children if c.dep_ in SUBJECTS]
            return _actor_keys(subj, ctx) if subj else _controller(verb, ctx)
        objs = [c for c in head.children if c.dep_ in OBJECTS]
        subj = [c for c in head.children if c.dep_ in SUBJECTS]
        if node.dep_ == "prep" and node.lower_ in ("of", "for") and prev is not None and prev.dep_ == "pcomp":
            # "accused Kim of sending ammunition", "blamed Moscow for attacking": the object did it
            if objs:
                return _actor_keys(objs, ctx)
        if node.dep_ == "xcomp" and objs and head.lemma_.lower() not in ctx.rules.modality.planned_verbs:
            # object control: "prompts South Korea to reconsider", "urged Seoul to send"
            return _actor_keys(objs, ctx)
        if subj:
            return _actor_keys(subj, ctx)
        agents = [p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return _actor_keys(agents, ctx)
        prev, node = node, head
    return []


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
"""A verb form used as a modifier ("a judge-led inquiry", "state-funded") tells no event of its own."""

COLLECTIVE_HEADS = frozenset({"thousand", "hundred", "million", "dozen", "score", "number", "group", "contingent",
                              "batch", "shipment", "consignment", "unit", "team", "handful", "couple"})


CURRENCIES = frozenset({"$", "€", "£", "¥", "dollar", "euro", "pound", "yen", "ruble", "rouble", "won", "yuan"})


def _head_noun(token: Token) -> Token:
    """ "thousands of troops", "$1 billion in aid": the noun that says what, not how many or how much."""
    if token.lemma_.lower() in COLLECTIVE_HEADS or token.like_num:
        preps = {"of", "in"} if token.ent_type_ == "MONEY" else {"of"}  # "$1 billion in military aid"
        for pobj in _pobjs(token, frozenset(preps)):
            return pobj
    if token.lemma_.lower() in CURRENCIES or token.text in CURRENCIES:
        for pobj in _pobjs(token, frozenset({"of", "in"})):
            return pobj
    return token


def _verb_frame(verb: Token, trigger: Trigger, ctx: _Context) -> Frame | None:
    rules = ctx.rules
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.head.dep_ in OBJECTS:
        return _gerund_frame(verb, trigger, ctx)
    # "sanctions imposed by the EU": a participle with an agent is passive without an auxiliary
    passive = is_passive(verb)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    subjects = [s.head.head if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else s for s in subjects]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    objects = [_head_noun(c) for c in verb.children if c.dep_ in (PASSIVE_SUBJECTS if passive else OBJECTS)]
    if passive and verb.dep_ == "acl":
        objects.append(verb.head)  # "a defence deal signed in June": the noun is the passive object
    with_objs = _pobjs(verb, frozenset({"with"}))
    # with `object: target` the object is whom the act is done to ("expelled Russian diplomats"),
    # even when its noun could be a theme; only a with-phrase then names a theme
    themes = [o for o in (with_objs if trigger.object == "target" else objects + with_objs) if _theme_class(o, rules)]
    classes = [_theme_class(o, rules) for o in objects + with_objs]
    action = _pick_sense(trigger, classes)
    if action is None:
        return None
    actor_tokens = agents if passive else subjects
    actors = _actor_keys(actor_tokens, ctx) if actor_tokens else []
    if not actors and not actor_tokens and not passive:
        actors = _controller(verb, ctx)
    theme = themes[0] if themes else None
    if not actors and theme is not None:
        # "North Korean troops were sent to Russia": the owner of what is sent acts
        for child in theme.children:
            if child.dep_ in ("poss", "amod", "compound"):
                found = _modifier_key(child, ctx)
                if found:
                    actors = [found]
                    break
    target_tokens = _pobjs(verb, rules.target_preps)
    if trigger.object == "target":
        # "condemned the sanctions imposed by the EU": an act named as the object is its agent's
        target_tokens += [p for obj in objects for acl in obj.children if acl.dep_ == "acl"
                          for a in acl.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    for theme_token in themes:
        target_tokens += _pobjs(theme_token, rules.target_preps)  # "an envoy to Seoul", "troops to Russia"
        # "handing Kim precision weapons": the parser makes the recipient a compound of the theme
        target_tokens += [c for c in theme_token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                          and c.i in ctx.res.token_keys and c.i not in ctx.res.demonym_tokens]
    for pobj in _pobjs(verb, frozenset({"for"})):
        if _resolve_np(pobj, ctx) is None:
            target_tokens += _pobjs(pobj, rules.target_preps)  # "mobilized reservists for a war against Iraq"
    for obj in objects:
        if obj not in themes and _resolve_np(obj, ctx) is None:
            # "threatened security consequences for South Korea": the object's recipient is the target;
            # "investigating crimes by Croatian extremists": the agent of an act is whom it concerns;
            # "relinquished control of the crossing to Israel": the parser may hang it one phrase lower
            preps = rules.target_preps | {"by", "between", "among"}
            target_tokens += _pobjs(obj, preps) or [p for o in _pobjs(obj, frozenset({"of"})) for p in _pobjs(o, preps)]

    if trigger.object != "theme":
        target_tokens = [o for o in objects if o not in themes] + target_tokens
    # ditransitive "provided Ukraine with aid": the object that is not a theme is the recipient
    targets = [k for k in _keys(target_tokens, ctx) if k not in actors]
    if not targets:
        # "sent troops to help Russia", "to aid Moscow's invasion": the one helped is the recipient
        purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in rules.purpose_verbs
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        # "to help defend Saudi Arabia": the one helped may stand in the purpose's own complement
        purposes += [x for p in purposes for x in p.children if x.dep_ == "xcomp"]
        helped = [o for p in purposes for o in p.children if o.dep_ in OBJECTS]
        targets = [k for k in _keys(helped, ctx) if k not in actors]
    domestic = _on_own_people(target_tokens, actors, ctx)
    if domestic and not targets:
        # "Iranian authorities pressured Iranian workers": the workers' country is the actor's own
        targets = list(dict.fromkeys(k for k in _keys(target_tokens, ctx)))
    return Frame(verb, action, tuple(actors), tuple(targets), theme, domestic=domestic)


def _on_own_people(tokens: list[Token], actors: list[str], ctx: _Context) -> bool:
    """ "Iranian authorities pressured workers of a Tehran company": people named by a common noun, of
    the actor's own country, are acted upon; that is no self-reference."""
    people = ctx.agent_nouns | ctx.rules.people_nouns
    own = set(actors) | {ctx.country(a) for a in actors}
    return any(t.pos_ == "NOUN" and _head_noun(t).lemma_.lower() in people and _resolve_np(t, ctx) in own for t in tokens)


COPULAS = frozenset({"be", "remain", "become", "stay", "appear", "seem"})
PREDICATE_PREPS = frozenset({"to", "of", "toward", "towards", "against", "with", "about", "on"})


def _is_predicate(token: Token, rules: Rules) -> bool:
    """A stance word after a copula ("is critical of"), or a stative passive with no agent ("is opposed to")."""
    word = token.lower_ if token.lower_ in rules.predicates else token.lemma_.lower()
    if word not in rules.predicates:
        return False
    if token.dep_ in ("acomp", "attr"):
        return token.head.lemma_.lower() in COPULAS
    return any(c.dep_ == "auxpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children)


def _predicate_frame(word: Token, trigger: Trigger, ctx: _Context) -> Frame | None:
    """ "Israel is opposed to French mediation", "Chirac was an opponent of the war": a predicate
    adjective or noun of stance; the copula's subject holds it, the phrase it governs is its target."""
    holder = word.head if word.dep_ in ("acomp", "attr") else word
    actors = _actor_keys([c for c in holder.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS], ctx)
    targets = [k for k in _keys(_pobjs(word, PREDICATE_PREPS), ctx) if k not in actors]
    return Frame(word, trigger.senses[0].action, tuple(actors), tuple(targets), None)


def _carries_nominal(verb: Token, rules: Rules) -> bool:
    """A light verb whose object is an event noun ("launched an investigation", "filed a lawsuit"):
    the noun tells the event, with the verb's subject as its actor, so the verb codes nothing itself."""
    return verb.lemma_.lower() in rules.light_verbs and any(
        c.dep_ in OBJECTS and c.lemma_.lower() in rules.nouns for c in verb.children)


def _lexicon_frame(verb: Token, match: LexMatch, ctx: _Context) -> tuple[Frame, Trigger] | None:
    """A frame for a verb the CAMEO dictionary codes: the usual roles, then the pattern's own slots.

    A direct object that names an entity is the target, as for hand-written triggers with
    `object: auto`; `$`/`+` slots of the pattern name the source and target outright, and a
    voiced passive code ("was visited by": 043, host a visit) keeps the surface subject as source.
    """
    trigger = Trigger(verb.lemma_.lower(), (Sense(match.action),), "auto")
    frame = _verb_frame(verb, trigger, ctx)
    if frame is None:
        return None
    actors, targets = list(frame.actors), list(frame.targets)
    if match.surface_roles:
        actors = _actor_keys([c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS], ctx)
        targets = _keys([p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"], ctx)
    if match.sources:
        actors = _actor_keys(list(match.sources), ctx) or actors
    if match.targets:
        targets = _keys(list(match.targets), ctx) or targets
    targets = [t for t in targets if t not in actors]
    return replace(frame, actors=tuple(actors), targets=tuple(targets), cameo=match.code), trigger


def _gerund_frame(verb: Token, trigger: Trigger, ctx: _Context) -> Frame | None:
    """ "is contemplating supplying weapons to Ukraine", parsed as if "supplying" described the
    weapons: the noun is the gerund's object, and the governing verb's subject and prepositions
    are the gerund's."""
    rules = ctx.rules
    obj, governor = verb.head, verb.head.head
    cls = _theme_class(obj, rules)
    action = _pick_sense(trigger, [cls])
    if action is None:
        return None
    subj = [c for c in governor.children if c.dep_ in SUBJECTS]
    actors = _actor_keys(subj, ctx) if subj else _controller(governor, ctx)
    target_tokens = _pobjs(obj, rules.target_preps) + _pobjs(governor, rules.target_preps)
    if cls is None and trigger.object != "theme":
        target_tokens.insert(0, obj)
    targets = [k for k in _keys(target_tokens, ctx) if k not in actors]
    return Frame(verb, action, tuple(actors), tuple(targets), obj if cls else None)


def _light_verb(noun: Token, rules: Rules) -> Token | None:
    """The verb that carries a nominal event ("launched an incursion"), if any."""
    head = noun.head
    if noun.dep_ in OBJECTS and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in rules.light_verbs:
        return head
    if noun.dep_ in PASSIVE_SUBJECTS and head.lemma_.lower() in rules.light_verbs:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" and head.head.lemma_.lower() in rules.light_verbs:
        return head.head  # "participated in sanctions", "took part in the talks"
    return None


def _noun_frame(noun: Token, trigger: Trigger, ctx: _Context) -> Frame | None:
    rules = ctx.rules
    of_objs = _pobjs(noun, frozenset({"of"}))
    themes = [o for o in of_objs if _theme_class(o, rules)]
    classes = [_compound_class(noun, rules)] + [_theme_class(o, rules) for o in of_objs]
    action = _pick_sense(trigger, classes)
    if action is None:
        return None
    actors: list[str] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found = _modifier_key(child, ctx)
            if found and found not in actors:
                actors.append(found)
    agents = _pobjs(noun, frozenset({"by", "from"} if trigger.object == "target" else {"by"}))
    actors += [k for k in _keys(agents, ctx) if k not in actors]
    light = _light_verb(noun, rules)
    if light is not None:
        # the subject of "launched an incursion" / "joined sanctions" does the nominal event
        subj = [c for c in light.children if c.dep_ in SUBJECTS]
        light_actors = _actor_keys(subj, ctx) if subj else _controller(light, ctx)
        actors = light_actors or actors
    if not actors and action in rules.symmetric_actions:
        actors = _keys(_pobjs(noun, frozenset({"between", "among"})), ctx)  # "talks between Seoul and Kyiv"
    if not actors and light is None:
        actors = _nominal_controller(noun, ctx)
    target_tokens = _pobjs(noun, rules.target_preps) + [o for o in of_objs if o not in themes]
    target_tokens += [p for t in themes for p in _pobjs(t, rules.target_preps)]  # "withdrawal of forces from Panama"
    if light is not None:
        target_tokens += _pobjs(light, rules.target_preps)
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and trigger.object == "target":
        # "Seoul has been under pressure from Kyiv": the one under it is the target
        target_tokens += [c for c in noun.head.head.children if c.dep_ in SUBJECTS]
    targets = [k for k in _keys(target_tokens, ctx) if k not in actors]
    return Frame(noun, action, tuple(actors), tuple(targets), themes[0] if themes else None)


def _nominal_controller(noun: Token, ctx: _Context) -> list[str]:
    """Who does a nominal event named as what is weighed or planned: "prompts South Korea to
    reconsider the possibility of direct arms supplies" -> South Korea."""
    cues = ctx.rules.modality
    node = noun
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            holder = node.head.head
            if holder.lemma_.lower() not in cues.considered_nouns | cues.planned_nouns:
                return []
            node = holder
            continue
        if node.dep_ in OBJECTS and node.head.pos_ == "VERB":
            verb = node.head
            if verb.lemma_.lower() not in cues.considered_verbs | cues.planned_verbs:
                return []
            subj = [c for c in verb.children if c.dep_ in SUBJECTS]
            return _actor_keys(subj, ctx) if subj else _controller(verb, ctx)
        return []
    return []


def _is_nominal_of_verb_trigger(noun: Token, rules: Rules) -> bool:
    """A theme noun of a verb trigger ("send aid"): the verb tells the event, not the noun. A noun
    no sense of the verb takes ("resumed talks") is an event of its own under a light verb."""
    head = noun.head
    if noun.dep_ not in OBJECTS | PASSIVE_SUBJECTS or head.lemma_.lower() not in rules.verbs:
        return False
    senses = rules.verbs[head.lemma_.lower()].senses
    return any(s.theme is None for s in senses) or _theme_class(noun, rules) in {s.theme for s in senses}


def _governors(token: Token) -> Iterator[Token]:
    """The chain of clauses above a trigger, nearest first, up to the sentence root."""
    node = token
    for _ in range(8):
        if node.dep_ == "ROOT" or node.head is node:
            return
        node = node.head
        yield node


def modality(token: Token, rules: Rules, self_planned: bool = True) -> str:
    """asserted | considered | planned | negated for the event a trigger evokes.

    Cues above the trigger decide first; with none, a trigger that is itself an offer or a
    pledge ("Syria offered its troops to Lebanon") tells of what is still to come
    (`self_planned`, for agreements only: a threat vowed is made, and a code of the CAMEO
    dictionary already says whether it is an intent, 03x).
    """
    found = _modality_walk(token, rules)
    if self_planned and found == "asserted" and token.pos_ == "VERB" and token.lemma_.lower() in rules.modality.planned_verbs:
        return "planned"
    return found


def _cue(lemma: str, table: tuple[tuple[frozenset[str], str], ...]) -> str | None:
    """The modality of the first cue list (in priority order) that holds the lemma."""
    return next((modality for words, modality in table if lemma in words), None)


def _modality_walk(token: Token, rules: Rules) -> str:
    """asserted | considered | planned | negated, from the nearest cue on the path to the root.

    The nearest cue wins: in "could reverse its policy of not arming Kiev" the
    arming is negated; a verb of saying ends the search, since what the speaker
    may or may not do is not the event's modality.
    """
    cues = rules.modality
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ not in ("of", "for", "on", "toward", "towards"):
        # "following a call between Yoon and Zelenskiy", "since the invasion": a temporal or causal
        # phrase reports an event as given, whatever the main clause weighs
        return "asserted"
    previous = token
    for node in (token, *_governors(token)):
        lemma = node.lemma_.lower()
        via_conj = previous.dep_ == "conj" and node is not token
        previous = node
        if via_conj:
            # "rejected the accusation and warned Manila": a coordinated verb shares auxiliaries
            # with its first conjunct, not that verb's own meaning or negation
            if any(c.dep_ == "aux" and c.lower_ in cues.planned_auxiliaries for c in node.children):
                return "planned"
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in cues.considered_auxiliaries for c in node.children):
                return "considered"
            continue
        if node is not token and node.pos_ in ("VERB", "AUX") and lemma in rules.attribution_verbs and lemma not in cues.considered_verbs:
            return "asserted"
        if node is not token and node.pos_ == "VERB" and lemma in cues.chosen_verbs and node.dep_ in ("advcl", "conj", "xcomp"):
            return "asserted"  # "..., preferring instead to aid Kyiv": the alternative chosen is what is done
        children = list(node.children)
        negated = any(c.dep_ == "neg" or c.lower_ in cues.negations and c.dep_ in ("neg", "advmod", "det") for c in children)
        if node is not token or node.pos_ in ("VERB", "AUX"):
            if lemma in cues.open_when_negated and negated:
                return "considered"
            if negated:
                return "negated"
        if node is not token:
            if node.pos_ == "ADJ" and lemma in cues.planned_adjectives:
                return "planned"
            if node.pos_ in ("VERB", "AUX") or node.dep_ in ("xcomp", "ccomp"):
                found = _cue(lemma, ((cues.negated_verbs, "negated"), (cues.considered_verbs, "considered"),
                                     (cues.planned_verbs, "planned")))
                if found:
                    return found
            if node.pos_ in ("NOUN",):
                if any(c.dep_ == "amod" and c.lemma_.lower() in cues.considered_adjectives for c in children):
                    return "considered"  # "a potential decision to supply": the decision itself is weighed
                found = _cue(lemma, ((cues.considered_nouns, "considered"), (cues.planned_nouns, "planned"),
                                     (cues.negated_nouns, "negated")))
                if found == "planned" and node.dep_ in OBJECTS and node.head.lemma_.lower() in cues.considered_verbs:
                    return "considered"  # "forced to revise plans to supply arms": plans being weighed again
                if found:
                    return found
                if node.dep_ == "pobj":
                    # "in response to reports of North Korea sending troops": a plain noun inside a
                    # prepositional phrase shields the event from the main clause's modality
                    return "asserted"
        for c in children:
            if c.dep_ == "amod" and c.lemma_.lower() in cues.considered_adjectives and node.pos_ == "NOUN":
                return "considered"
            if c.lower_ == "would" and c.dep_ == "aux" and node.dep_ == "ccomp" and \
                    node.head.lemma_.lower() in rules.attribution_verbs:
                return "planned"  # "confirmed it would monitor": the future of reported speech
            if c.dep_ in ("aux", "auxpass") and c.lower_ in cues.considered_auxiliaries:
                return "considered"
            if c.dep_ in ("aux",) and c.lower_ in cues.planned_auxiliaries:
                return "planned"
            if c.dep_ == "mark" and c.lower_ in cues.conditional_marks:
                return "considered"
        if node.dep_ in ("ccomp", "xcomp", "advcl") and any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in node.children):
            return "considered"
    return "asserted"


def attribution(token: Token, ctx: _Context) -> tuple[str | None, str | None]:
    """(entity key, text) of who says so: the subject of a verb of saying above the trigger, or "according to"."""
    rules = ctx.rules
    sent = token.sent
    for node in _governors(token):
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in rules.attribution_verbs:
            return _speaker(node, ctx)
    root = sent.root
    if root is not token and root.lemma_.lower() in rules.attribution_verbs and token not in root.subtree:
        return _speaker(root, ctx)
    for t in sent:
        if t.lower_ in rules.attribution_preps and t.dep_ == "prep":
            for pobj in (c for p in t.children for c in ([p] + list(p.children)) if c.dep_ == "pobj"):
                key = _resolve_np(pobj, ctx)
                return key, None if key else " ".join(w.text for w in pobj.subtree)
    # "X said" after the clause: spaCy makes the saying verb the root with the event as its ccomp
    for child in root.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in rules.attribution_verbs:
            return _speaker(child, ctx)
    return None, None


def _speaker(verb: Token, ctx: _Context) -> tuple[str | None, str | None]:
    subj = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not subj:
        return None, None
    key = _resolve_np(subj[0], ctx)
    if key:
        return key, None
    words = [t for t in subj[0].subtree]
    return None, " ".join(t.text for t in words)[:200] or None


def event_date(token: Token, light: Token | None, document: Document, dates: Iterable[Span]) -> tuple[str | None, str | None]:
    """(date, text) of a temporal expression attached to the trigger's own clause, not to a verb of saying.

    `dates` are the DATE entities of the trigger's sentence (see `_Context.dates`).
    """
    anchors = {token.i}
    if light is not None:
        anchors.add(light.i)
    if token.dep_ == "pcomp" and token.head.lower_ == "by":
        anchors.add(token.head.head.i)  # "upped the ante in June by reviving a pact": the means shares the time
    for ent in dates:
        node = ent.root
        for _ in range(4):
            if node.i in anchors:
                text = _date_phrase(ent)
                value = normalise_date(text, document.date)
                if value:
                    return value, text
                break
            if node.head is node or (node.pos_ in ("VERB", "AUX") and node.i not in anchors):
                break
            node = node.head
    return None, None


def _date_phrase(ent: Span) -> str:
    """The date entity with its preposition ("in June", "on Oct. 18"), as the gold's date texts read."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep" and head.i == ent.start - 1:
        return f"{head.text} {ent.text}"
    return ent.text


def quantity(theme: Token | None) -> int | None:
    """A number attached to the theme: "up to 12,000 troops" -> 12000; "8 million shells" -> 8000000."""
    if theme is None:
        return None
    holder = theme.head.head
    if theme.dep_ == "pobj" and theme.head.lower_ in ("of", "in") and (
        holder.lemma_.lower() in COLLECTIVE_HEADS | CURRENCIES or holder.text in CURRENCIES or holder.like_num
    ):
        theme = holder  # the number stands on "thousands", "$" or "billion" in "$1 billion in aid"
        if theme.like_num:
            return _number(theme)
    for child in theme.children:
        if child.dep_ == "nummod" and child.like_num:
            value = _number(child)
            if value is not None:
                return value
    return None


def _number(token: Token) -> int | None:
    text = token.text.replace(",", "")
    scale = 1
    for c in token.children:
        if c.lower_ in SCALE:
            scale = SCALE[c.lower_]
    if token.lower_ in SCALE:
        base = [c for c in token.children if c.dep_ in ("compound", "quantmod", "nummod") and _NUMBER.match(c.text)]
        if not base:
            return None
        text, scale = base[0].text.replace(",", ""), SCALE[token.lower_]
    try:
        value = int(float(text) * scale)
    except (ValueError, OverflowError):
        return None
    # no army, arsenal or budget in the news exceeds this: larger "numbers" are noise or typos
    return value if 0 < value <= MAX_QUANTITY else None


def extract(doc: Doc, document: Document, res: Resolution, gaz: Gazetteer, rules: Rules, offset: int = 0,
            lexicon: Lexicon | None = None) -> Iterator[Event]:
    """Events of one parsed text (a whole document or one chunk of it at `offset`).

    The hand-written triggers of `rules` come first; the CAMEO verb dictionary
    (`lexicon`, when given) codes the verbs they leave uncoded.
    """
    if lexicon is not None and lexicon.discards.story_discarded(document.text):
        return  # a sports or entertainment story is no political news
    ctx = _Context(doc, res, gaz, rules)
    hits = lexicon.discards.sentence_hits(doc) if lexicon is not None else []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        # the dictionary's broad verbs code a match or a storm as an attack: not in discarded sentences
        discarded = bisect_left(hits, sent.end_char) > bisect_left(hits, sent.start_char)
        coder = None if discarded else lexicon
        frames = [found for token in sent if (found := _frame_at(token, ctx, coder))]
        frames = _absorb_complements(frames, ctx)
        obliged = _obligation_clauses(sent, ctx)
        # "Rwandan rebels announced that Kagame must agree to changes": what is demanded has not happened
        frames = [(f, t, l) for f, t, l in frames if not any(f.trigger in c.subtree for c in obliged)]
        fired = {f.trigger.i for f, _, _ in frames if f.actors and f.targets}
        for frame, trig, light in frames:
            if not frame.actors:
                continue
            # "X and Y signed a treaty", "X and Y fought": coordinated parties act on each other
            symmetric = len(frame.actors) > 1 and (frame.action in rules.symmetric_actions
                                                    or (trig.reciprocal and not frame.targets))
            if not frame.targets and frame.action in rules.self_target_actions:
                frame = replace(frame, targets=_self_targets(frame, ctx), domestic=True)
            elif not frame.targets and frame.action in rules.place_target_actions:
                # the place's country, unless it is the actor's own and no people are acted upon
                # ("Serb forces killed three villagers in Serbia" is domestic violence; "Serbia
                # shelled positions in Serbia" tells of no one acted upon)
                people = _acts_on_people(frame, ctx)
                places = tuple(t for t in _place_countries(frame, ctx) if people or not _is_own(t, frame, ctx))
                frame = replace(frame, targets=places, domestic=people)
            if trig.require_target and not frame.targets and not symmetric and not _about_a_proposal(frame, rules):
                continue
            if trig.defer_to_complement and any(
                c.i in fired for c in frame.trigger.subtree if c.i != frame.trigger.i
            ):
                continue
            yield from _events(frame, light, sent, document, ctx, offset, symmetric)
        yield from _obligations(sent, document, ctx, offset)
        yield from _accusations(sent, [f for f, _, _ in frames], document, ctx, offset)


def _frame_at(token: Token, ctx: _Context, lexicon: Lexicon | None) -> tuple[Frame, Trigger, Token | None] | None:
    """The frame a token evokes, with its trigger entry and light verb: a stance predicate, a verb
    (hand-written trigger first, then the CAMEO dictionary) or an event noun; None for any other token."""
    rules = ctx.rules
    lemma = token.lemma_.lower()
    if _is_predicate(token, rules):
        word = token.lower_ if token.lower_ in rules.predicates else lemma
        trig = Trigger(word, (Sense(rules.predicates[word]),), "target")
        frame = _predicate_frame(token, trig, ctx)
        return (frame, trig, None) if frame else None
    if token.pos_ == "VERB":
        entry = lexicon.entry(token) if lexicon is not None else None
        if entry is not None and len(entry.words) > 1 and token.dep_ not in MODIFIER_DEPS:
            # a phrasal verb of the dictionary ("called off a strike") is more specific than the bare verb's trigger
            match = lexicon.match(token)
            found = _lexicon_frame(token, match, ctx) if match else None
            if found:
                return found[0], found[1], None
        if lemma in rules.verbs:
            trig = rules.verbs[lemma]
            frame = _verb_frame(token, trig, ctx)
            if frame:
                return frame, trig, None
        if lexicon is not None and token.dep_ not in MODIFIER_DEPS and not _carries_nominal(token, rules) \
                and lemma not in rules.structural_verbs:
            match = lexicon.match(token)
            found = _lexicon_frame(token, match, ctx) if match else None
            return (found[0], found[1], None) if found else None
        return None
    if token.pos_ == "NOUN" and lemma in rules.nouns and not _is_nominal_of_verb_trigger(token, rules):
        trig = rules.nouns[lemma]
        frame = _noun_frame(token, trig, ctx)
        return (frame, trig, _light_verb(token, rules)) if frame else None
    return None


def _about_a_proposal(frame: Frame, rules: Rules) -> bool:
    """ "The US rejected calls to adopt reforms", "accepted a formula": agreeing to or rejecting a
    proposal is an event even when nobody is named as its author."""
    # (the hand-written accept/reject verbs only: "announced plans" is no acceptance of a proposal)
    return frame.action in ("Reject", "Agree") and frame.cameo is None and any(
        c.dep_ in OBJECTS and c.lemma_.lower() in rules.proposal_nouns
        # an author we could not resolve ("calls from Western allies") is a vague collective: no event
        and not any(p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by", "of") for p in c.children)
        and not any(p.dep_ in ("poss", "compound", "amod") and p.pos_ == "PROPN" for p in c.children)
        for c in frame.trigger.children
    )


def _complements(frame: Frame, frames: list) -> list[Frame]:
    """The frames inside the clauses that complement `frame`'s trigger (not inside relative clauses)."""
    return [f for f, _, _ in frames if f.trigger.i != frame.trigger.i and f.trigger in frame.trigger.subtree
            and _clausal_path(f.trigger, frame.trigger)]


def _hostile(frame: Frame) -> bool:
    return action_types()[frame.action].quad in HOSTILE_QUADS


def _pledged_threats(frames: list) -> list:
    """ "Hamas vowed to resume attacks on Israel": a pledge of a hostile act threatens it, so the pledge
    becomes a threat that absorbs the act; a pledge of anything else stays a pledge."""
    out = []
    for frame, trig, light in frames:
        if trig.threat_if_hostile and any(_hostile(f) for f in _complements(frame, frames)):
            trig = replace(trig, senses=(Sense("Threaten"),), absorb_complement=True, defer_to_complement=False)
            frame = replace(frame, action="Threaten")
        out.append((frame, trig, light))
    return out


def _absorb_complements(frames: list, ctx: _Context) -> list:
    """A threat or request is the event: it takes its complement's targets, and the act threatened
    or requested ("threatened to launch an offensive against Iraq") yields no event of its own."""
    frames = _pledged_threats(frames)
    absorbed: set[int] = set()
    out = []
    for frame, trig, light in frames:
        if not trig.absorb_complement:
            continue
        absorbed.update(f.trigger.i for f in _complements(frame, frames))
    triggers = {f.trigger.i for f, _, _ in frames}
    for frame, trig, light in frames:
        verb = frame.trigger
        # "deployed troops to aid Moscow's invasion": the purpose of an act is not a second act
        if _is_purpose(verb, ctx) and verb.head.i in triggers:
            absorbed.add(verb.i)
    for frame, trig, light in frames:
        if frame.trigger.i in absorbed:
            continue
        if trig.borrow_complement_targets and not frame.targets:
            # "refused to respond to Kiev's requests": whom the refusal concerns stands in the complement
            # "refused to commit to any assistance to the US-led war": one phrase deeper, too
            inner = [c for c in frame.trigger.children if c.dep_ in ("xcomp", "ccomp")]
            tokens = [t for c in inner for t in _pobjs(c, ctx.rules.target_preps) + [o for o in c.children if o.dep_ in OBJECTS]]
            tokens += [p for t in tokens if _resolve_np(t, ctx) is None for p in _pobjs(t, ctx.rules.target_preps)]
            frame = replace(frame, targets=tuple(k for k in _keys(tokens, ctx) if k not in frame.actors))
        if trig.absorb_complement and not frame.targets:
            inner_targets = [t for f, _, _ in frames if f.trigger.i in absorbed and f.trigger in frame.trigger.subtree
                             for t in f.targets if t not in frame.actors]
            if not inner_targets:
                # "demanded that Hamas renounce its armed struggle": the one asked is the clause's subject;
                # "threatened to stop talks if the United States goes ahead": the one the condition is on
                clauses = [c for c in frame.trigger.children if c.dep_ in ("ccomp", "xcomp")]
                # "called for NATO members to increase spending": the one asked is the for-clause's subject
                clauses += [a for c in [frame.trigger, *clauses] for a in c.children
                            if a.dep_ == "advcl" and any(m.lower_ in ("if", "unless", "for") for m in a.children)]
                subjects = [s for c in clauses for s in c.children if s.dep_ in SUBJECTS]
                inner_targets = [k for k in _keys(subjects, ctx) if k not in frame.actors]
            if not inner_targets and frame.action == "Threaten":
                # "threatened to resume terrorist activities in Israel": what is threatened hits the place it names
                places = [p for c in clauses for prep in c.subtree if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
                          for p in prep.children if p.dep_ == "pobj"]
                # "threatened to institute a curfew in Algiers": a threat on one's own country is domestic
                inner_targets = [c for k in _keys(places, ctx) if (c := ctx.place_country(k) or
                                 (k if ctx.kind(k) == "Country" else None))]
                frame = replace(frame, domestic=bool(inner_targets))
            frame = replace(frame, targets=tuple(dict.fromkeys(inner_targets)))
        out.append((frame, trig, light))
    return out


def _is_purpose(verb: Token, ctx: _Context) -> bool:
    """An infinitive of purpose: "to aid", "to help", under another verb."""
    return verb.dep_ in ("advcl", "xcomp") and verb.lemma_.lower() in ctx.rules.purpose_verbs and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clausal_path(inner: Token, outer: Token) -> bool:
    """True when `inner` is inside a clause or phrase that complements `outer` (not a relative clause on a noun)."""
    node = inner
    while node.i != outer.i:
        if node.dep_ in ("relcl", "appos") or node.head is node:
            return False
        node = node.head
    return True


def _self_targets(frame: Frame, ctx: _Context) -> tuple[str, ...]:
    """Where a protest, a curfew or an arrest happens ("demonstrated in Serbia"); else, for a protest, a
    concession ("called off the strike") or an act on people that names no one ("banned a number of
    chess players"), the actor's own country; else none: "Thailand imposed a curfew" is on no one."""
    places = _place_countries(frame, ctx)
    if places:
        return places
    if frame.action == "Protest" or _eases(frame, ctx) or _acts_on_people(frame, ctx):
        return tuple(c for a in frame.actors[:1] if (c := ctx.country(a)) and ctx.kind(c) == "Country")
    return ()


EASED_CLASSES = frozenset({"restrictions", "sanctions", "blockade"})


def _eases(frame: Frame, ctx: _Context) -> bool:
    """A restriction a state imposes on its own country, or eases, or a protest called off: "imposed a
    curfew", "declared a state of emergency", "lifted the curfew", "called off the strike" (not
    "approved a bill", which concedes to no one named). Its target is the country's people."""
    if frame.action not in ("Concede", "Coerce"):
        return False
    for obj in (c for c in frame.trigger.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS):
        noun = ctx.rules.nouns.get(obj.lemma_.lower())
        if _theme_class(obj, ctx.rules) in EASED_CLASSES or (
                frame.action == "Concede" and noun and any(s.action == "Protest" for s in noun.senses)):
            return True
    return False


def _acts_on_people(frame: Frame, ctx: _Context) -> bool:
    """The trigger's object names people, unresolved: "a number of players", "three ethnic Albanians"."""
    people = ctx.agent_nouns | ctx.rules.people_nouns
    return any(c.dep_ in OBJECTS | PASSIVE_SUBJECTS and (_head_noun(c).lemma_.lower() in people or _head_noun(c).ent_type_ == "NORP")
               and _resolve_np(c, ctx) is None for c in frame.trigger.children)


def _is_own(country: str, frame: Frame, ctx: _Context) -> bool:
    return any(country in (a, ctx.country(a)) for a in frame.actors)


def _place_countries(frame: Frame, ctx: _Context) -> tuple[str, ...]:
    """The country of the place an event happens in: "in Serbia", "at a jail in northern Israel"."""
    # "killed three villagers in southern Serbia": the place may hang on the object
    objects = [c for c in frame.trigger.children if c.dep_ in OBJECTS]
    holders = [frame.trigger, *objects] + ([frame.theme] if frame.theme is not None else [])
    # "shortened the curfew imposed in Sudan": the place may hang on a participle describing the object
    holders += [a for h in holders[1:] for a in h.children if a.dep_ == "acl" and a.tag_ == "VBN"]
    places = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "outside", "at", "across")
              for p in c.children if p.dep_ == "pobj"]  # "reimposed blockades in the West Bank"
    places += [p for place in places for p in _pobjs(place, frozenset({"in"}))]  # "at a jail in northern Israel"
    for key in _keys(places, ctx):
        country = ctx.country(key) or (key if ctx.kind(key) == "Country" else None)
        if country:
            return (country,)
    return ()


HOSTILE_QUADS = ("verbal-conflict", "material-conflict")
PLACE_PREPS = frozenset({"in", "into", "against", "on", "inside"})


def _evidence(sent: Span, document: Document, offset: int, trigger: str,
              source_key: str | None = None, source_text: str | None = None) -> Evidence:
    """The sentence as evidence, its offsets trimmed like its text so that text[start:end] is the sentence."""
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + offset + lead
    # a headline was parsed in sentence case (kg.nlp.headline_case): show it as the article wrote it
    original = document.text[start:start + len(text)]
    text = "".join(o if o != c and o.lower() == c else c for o, c in zip(original, text)) if original != text else text
    return Evidence(document.id, text, start, start + len(text), trigger, source_key, source_text)


def _accusations(sent: Span, frames: list[Frame], document: Document, ctx: _Context, offset: int) -> Iterator[Event]:
    """Accusations made by claiming a hostile act of someone, or by describing someone as a threat."""
    rules = ctx.rules
    types = action_types()
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB":
            continue
        speakers = [k for k in _actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx) if ctx.can_act(k)]
        if not speakers:
            continue
        accused: list[str] = []
        if lemma in rules.accusing_verbs:
            # "Ukraine and South Korea claimed that Pyongyang had deployed troops"
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            for frame in frames:
                hostile = types[frame.action].quad in HOSTILE_QUADS or frame.action == "SupplyWeapons"
                if hostile and any(frame.trigger in c.subtree for c in clauses):
                    accused += frame.actors
        if lemma in rules.describing_verbs:
            # "described North Korea as a criminal group"
            as_phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
            negative = any(
                t.lemma_.lower() in rules.negative_descriptors or t.lower_ in rules.negative_descriptors
                for p in as_phrases for t in p.subtree
            )
            if negative:
                accused += _keys([c for c in verb.children if c.dep_ in OBJECTS], ctx)
        if not accused:
            continue
        date, date_text = event_date(verb, None, document, ctx.dates.get(sent.start, ()))
        evidence = _evidence(sent, document, offset, verb.text)
        for actor in speakers:
            for target in dict.fromkeys(accused):
                if target != actor and not _same_country(actor, target, ctx) and ctx.can_act(target):
                    yield Event(actor, "Accuse", target, "asserted", date, date_text, None, (evidence,))


def _obligation_clauses(sent: Span, ctx: _Context) -> list[Token]:
    """Clauses that state what someone must do, under a verb of saying with a named speaker."""
    rules = ctx.rules
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.attribution_verbs:
            continue
        if not _actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx):
            continue
        out += [c for c in verb.children if c.dep_ == "ccomp"
                and any(a.dep_ == "aux" and a.lower_ in rules.obligation_auxiliaries for a in c.children)]
    return out


def _obligations(sent: Span, document: Document, ctx: _Context, offset: int) -> Iterator[Event]:
    """ "Russia said on Tuesday that Sudan must return the helicopter": the speaker requests it of the subject."""
    for clause in _obligation_clauses(sent, ctx):
        verb = clause.head
        speakers = [k for k in _actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx) if ctx.can_act(k)]
        addressees = _keys([c for c in clause.children if c.dep_ in SUBJECTS], ctx)
        date, date_text = event_date(verb, None, document, ctx.dates.get(sent.start, ()))
        evidence = _evidence(sent, document, offset, verb.text)
        for actor in speakers:
            for target in addressees:
                if target != actor and not _same_country(actor, target, ctx):
                    yield Event(actor, "Request", target, "asserted", date, date_text, None, (evidence,))


def _same_country(actor: str, target: str, ctx: _Context) -> bool:
    """Yoon or a ministry acting on its own state is no event; a state acting on its rebels, or
    rebels on their state ("Rwandan rebels demanded that the RPF ..."), is one."""
    if target != ctx.country(actor):
        return False
    organ = ctx.gaz.types.get(actor) in ("government", "military", "igo")
    return ctx.kind(actor) == "Person" or organ or (ctx.kind(actor) == "Organization" and actor not in ctx.entities)


def _events(frame: Frame, light: Token | None, sent: Span, document: Document, ctx: _Context, offset: int,
            symmetric: bool = False) -> Iterator[Event]:
    mod = modality(light if light is not None and frame.trigger.pos_ == "NOUN" else frame.trigger, ctx.rules,
                   self_planned=frame.action == "Agree" and frame.cameo is None)
    if light is not None and mod == "asserted":
        mod = modality(frame.trigger, ctx.rules)
    date, date_text = event_date(frame.trigger, light, document, ctx.dates.get(sent.start, ()))
    source_key, source_text = attribution(frame.trigger, ctx)
    qty = quantity(frame.theme)
    evidence = _evidence(sent, document, offset, frame.trigger.text, source_key, source_text)
    actors = [a for a in frame.actors if ctx.can_act(a)]
    if symmetric and len(actors) > 1:
        # "Trump and Yoon discussed the participation of DPRK troops": the parties are each other's
        # counterpart; what they discussed is the topic, not a party
        # "Moscow and Pyongyang ratified a treaty": one event between each pair of parties
        for n, actor in enumerate(actors):
            for other in actors[n + 1:]:
                yield Event(actor, frame.action, other, mod, date, date_text, qty, (evidence,), frame.cameo)
        return
    # a place is not a party: "attacked the Kursk region" is an attack on Russia; a sea or a bridge
    # with no country ("searched the Java Sea") is no target at all
    placed = [ctx.place_country(t) if ctx.kind(t) == "Location" else t for t in frame.targets]
    targets: tuple[str | None, ...] = tuple(dict.fromkeys(t for t in placed if t)) or (None,)
    if frame.targets and targets == (None,):
        return
    for actor in actors:
        for target in targets:
            # a state may coerce its own people, a government concede to them; else no self-reference
            if target is not None and not frame.domestic and (target == actor or _same_country(actor, target, ctx)):
                continue
            if target is not None and ctx.is_outlet(target):
                continue
            yield Event(actor, _verbal(frame, actor, target, ctx), target, mod, date, date_text, qty, (evidence,), frame.cameo)


def _verbal(frame: Frame, actor: str, target: str | None, ctx: _Context) -> str:
    """ "Biden attacked Trump for the deaths": between two people an attack is in words, an accusation."""
    if (frame.action == "Assault" and frame.trigger.lemma_.lower() in ctx.rules.verbal_attacks and target is not None
            and ctx.kind(actor) == "Person" and ctx.kind(target) == "Person"):
        return "Accuse"
    return frame.action
