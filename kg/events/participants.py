"""Noun phrases -> actor keys: names, pronouns and "the country", appositions, a nationality on an
agent noun, conjuncts and groups ("the two countries"), the controller of an infinitive; and the
class of a theme ("weapons", "troops") that picks a trigger's sense."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.canonicalize import acted_premises, previous_sentence_start, sentence_subject_country, several_states
from kg.events.context import (MODIFIER_DEPS, OBJECTS, RELATIVE_PRONOUNS, PASSIVE_SUBJECTS, PLURAL_PRONOUNS, PRONOUN_GENDERS, PRONOUNS_PERSON, PRONOUNS_THING,
                               SINGULAR_PRONOUNS, SUBJECTS, Context, clause_verb, to_infinitive)
from kg.gazetteer import sector_key
from kg.parsed import ParsedToken
from kg.rules import Rules, Sense, Trigger, load_rules


def _conjuncts(token: Token) -> list[Token]:
    """A phrase and the phrases coordinated with it ("the United States and South Korea")."""
    out = [token, *[t for t in token.conjuncts if t.i > token.i]]
    for child in token.children:
        # the parser sometimes hangs "Donald Trump and Yun Seok-yul" on the last name, with the
        # first name as a modifier that carries the "and": both are parties
        if child.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in child.children):
            out.extend([child, *[t for t in child.conjuncts if t.i > child.i]])
    return out


STAFF_PREPS = frozenset({"for", "of", "at"})
"""What a staff noun works for: "a spokesman for the Taliban", "officials of the ministry", "officials at the embassy"."""


def resolve_np(token: Token, ctx: Context, depth: int = 3, agent: bool = False) -> str | None:
    """The entity a noun phrase headed by `token` names or acts for, or None.

    With `agent`, the phrase must be able to act: a name, a pronoun, or an agent noun; a topic
    or a cause with an owner ("Trump's victory") names no actor.
    """
    if depth > 0 and token.pos_ == "NOUN" and (
            (lemma := token.lemma_.lower()) in ctx.rules.staff_nouns or lemma in ctx.rules.heading_nouns):
        # "a spokesman for the Taliban", "officials of the ministry": who speaks or works for a body acts for it
        # (the actor tables take a spokesman alone for the media's); so does who heads it: "the head of the IAEA"
        body = next((k for p in pobjs(token, STAFF_PREPS) if (k := resolve_np(p, ctx, depth - 1))), None)
        if body is not None:
            return body
    key = ctx.res.token_keys.get(token.i)
    if key and token.i not in ctx.res.demonym_tokens:
        # "the opposition figure Freddy Superlano", "Brazil's president Lula": a person named beside the organ or
        # camp noun is who is meant
        named = next((k for c in token.children if c.dep_ == "appos" and (k := ctx.res.token_keys.get(c.i))
                      and ctx.kind(k) == "Person"), None) if ctx.kind(key) != "Person" else None
        if named is None and token.lemma_.lower() in ctx.rules.anaphoric_nouns and any(
                c.lower_ == "the" for c in token.children) and not any(
                c.dep_ in ("amod", "compound", "nmod", "poss") for c in token.children):
            # ("the administration", placed by the state named last, is the one a party or an opposition opposes)
            named = _opposed_government(token, ctx)
        return named or key
    lower = token.lower_
    if lower in PRONOUNS_THING or lower in PRONOUNS_PERSON:
        return _pronoun(token, ctx)
    if lower in PRONOUNS_WE:
        return _speaker(token, ctx)
    if depth <= 0:
        return None
    lemma = token.lemma_.lower()
    if (lemma in COLLECTIVE_HEADS or token.like_num) and token.pos_ == "NOUN":  # not "one of its gunboats"
        # "thousands of Hongkongers marched", "a group of Russian soldiers": the group is its members
        for member in pobjs(token, frozenset({"of"})):
            found = resolve_np(member, ctx, depth - 1, agent)
            if found and member.i in ctx.res.demonym_tokens and ctx.kind(found) == "Country" \
                    and (people := ctx.people_of(found)) is not None:
                # ("tens of thousands of Georgians took to the streets": a crowd of a nation's people, not its state)
                return people
            return found
    if agent and lemma in CROWDS and token.pos_ == "NOUN" and ctx.discourse:
        # "thousands marched in Belgrade", "crowds gathered": a crowd is the people of the country the text is about
        return ctx.people_of(ctx.discourse)
    if key and token.i in ctx.res.demonym_tokens and token.dep_ not in ("amod", "compound", "nmod", "poss"):
        return key  # "the Russians attacked", "Israel and the Palestinians": a demonym heading its phrase names its country
    if lemma in ctx.rules.platform_nouns and token.pos_ == "NOUN" or acted_premises(token, ctx.rules):
        # "coast guard vessels", "navy ships": a vessel or an aircraft acts for the agent its compound names, a
        # building is it ("stormed the parliament building")
        found = next((k for c in token.children if c.dep_ == "compound" and (k := ctx.res.token_keys.get(c.i))
                      and c.i not in ctx.res.demonym_tokens and ctx.kind(k) != "Location"), None)
        # "its aircraft struck", "Russia's warships": an owner's vessels are its own
        found = found or next((k for c in token.children if c.dep_ == "poss" and (k := resolve_np(c, ctx, depth - 1))
                               and ctx.kind(k) != "Location"), None)
        # "ships linked to Israel", "a tanker belonging to Iran": a participle after it may tie it to its owner
        found = found or next((k for a in token.children if a.dep_ == "acl" and a.lemma_.lower() in ctx.rules.linking_participles
                               for p in pobjs(a, frozenset({"to", "by"})) if (k := resolve_np(p, ctx, depth - 1))
                               and ctx.kind(k) != "Location"), None)
        # "Israeli aircraft struck", "Russian warships": a state's adjective names the state the craft is of (not
        # craft a noun gives a use of their own: "Chinese fishing vessels", "a Russian cargo ship" are no state's)
        if not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.children):
            found = found or next((k for c in token.children if c.dep_ in ("amod", "compound")
                                   and c.i in ctx.res.demonym_tokens and (k := ctx.res.token_keys.get(c.i))), None)
        if found:
            return found
    if token.pos_ == "NOUN" and (lemma in ctx.rules.domain_nouns or token.lower_ in ctx.rules.domain_nouns):
        # "violated Poland's airspace", "Polish airspace", "Japan's territorial waters": a state's domain is the state
        owner = next((k for c in token.children if c.dep_ == "poss" and (k := resolve_np(c, ctx, depth - 1))), None) \
            or next((k for c in token.children if c.dep_ in ("amod", "compound") and c.i in ctx.res.demonym_tokens
                     and (k := ctx.res.token_keys.get(c.i))), None)
        if owner is not None and ctx.kind(owner) == "Country":
            return owner
    if ctx.rules.theme_class(lemma) == "weapons" and token.pos_ == "NOUN":
        # "shot down 30 of the 40 drones Russia launched overnight", "the missiles Iran fired": weapons or craft that
        # someone launches, fires or flies are theirs (not whatever else is done to them: "the tanker Iran seized")
        found = next((k for r in token.children if r.dep_ == "relcl" and r.lemma_.lower() in ctx.rules.firing_verbs
                      and not any(c.dep_ in OBJECTS for c in r.children)
                      for s in r.children if s.dep_ in SUBJECTS and s.lower_ not in RELATIVE_PRONOUNS
                      if (k := resolve_np(s, ctx, depth - 1)) and ctx.kind(k) != "Location"), None)
        if found:
            return found
    if agent and token.pos_ == "NOUN" and lemma not in ctx.agent_nouns:
        return _appositive(token, ctx)
    if token.pos_ in ("NOUN", "PROPN") or lemma in ctx.rules.anaphoric:
        # a common noun acts for whoever owns it: "Russia's Foreign Ministry", "the Russian region",
        # "South Korean and Western claims", "Kim Jong Un's sister"
        # a name in apposition is the noun itself ("his counterpart Volodymyr Zelenskiy"); then
        # adjectives and compounds ("his Ukrainian counterpart"); a possessor last
        order = {"appos": 0, "compound": 1, "amod": 1, "nmod": 1, "poss": 2}
        if lemma in ctx.rules.joining_nouns or any(
                c.dep_ == "compound" and c.lemma_.lower() in ctx.rules.joining_nouns for c in token.children):
            order["poss"] = 0  # "Sweden's NATO bid": who seeks to join, not the body joined
        # "opposed the United States-led war": what is opposed is the leader's; "the Saudi-led coalition
        # bombed": a coalition acts as its leader does (not as its backer: "Iranian-backed militias")
        found = leader(token, ctx, agent)
        if found:
            return found
        signed_where = ctx.rules.theme_class(lemma) == "agreement"
        for child in sorted((c for c in token.children if c.dep_ in order), key=lambda c: (order[c.dep_], c.i)):
            if child.dep_ == "amod" and child.lower_.endswith(("-led", "-backed")):
                continue  # "U.S.-led sanctions": the leader is not the one who sanctions
            if signed_where and child.dep_ in ("compound", "nmod") and names_a_place(child, ctx):
                continue  # "the Paris agreement", "the Minsk accords": where it was signed, not a party
            if child.dep_ == "poss" and lemma in ctx.rules.counterpart_nouns:
                continue  # "his counterpart" is of the other side
            own = ctx.res.token_keys.get(child.i) if child.dep_ in ("compound", "poss") else None
            if own is None:
                own = possessor_person(child, ctx)  # "his decree" is the person's, as "Sall's decree" is
            if own is None and child.dep_ == "poss" and lemma in ctx.rules.camp_nouns and child.lower_ in PRONOUNS_THING:
                # "the opposition party said its leader had been arrested": an organisation's leader or members
                # are its own, as "the party's members" are (a state's are its country's)
                ref = _pronoun(child, ctx) or _clause_subject(child, ctx)
                own = ref if ref is not None and ctx.kind(ref) in ("Organization", "ArmedGroup") and not state_organ(
                    (e.sector if (e := ctx.entity(ref)) is not None else None), ctx) else None
            if own is not None and (ctx.kind(own) == "Person" and lemma not in ctx.rules.role_nouns or (
                    lemma in ctx.rules.camp_nouns and ctx.kind(own) in ("Person", "Organization", "ArmedGroup"))):
                # "Trump supporters" are Trump's camp, "a Trump lawsuit" his; "Trump officials" act for the
                # United States
                found = own
            else:
                found = resolve_np(child, ctx, 1) if child.dep_ == "appos" else modifier_key(child, ctx)
            if found:
                return found
    if (lemma in ctx.rules.role_nouns or token.ent_type_ in ("ORG", "PERSON") or lemma in ctx.rules.anaphoric
            or lemma in ctx.rules.owned_nouns or lemma in ctx.agent_words):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "between"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = resolve_np(pobj, ctx, depth - 1)
                        if found:
                            # "the government of Sudan" acts for Sudan; "the request of Boris Johnson" is his own
                            # ("raided the offices of the party": a building acted on is its holder)
                            owned = lemma in ctx.rules.camp_nouns or (lemma in ctx.rules.owned_nouns and lemma not in ctx.rules.role_nouns) \
                                or acted_premises(token, ctx.rules)
                            # "the state of Pennsylvania", "the city of Minneapolis": the place itself
                            named = child.lower_ == "of" and lemma in ctx.rules.place_nouns and ctx.kind(found) == "Location"
                            return found if owned or named else _as_country(found, ctx)
        definite = any(c.lower_ == "the" for c in token.children)
        kinds = ctx.rules.referring_nouns.get(lemma) if token.pos_ == "NOUN" else None
        if kinds is not None and definite:
            # (a common noun only: "the Islamic State", "the Movement for ..." are names)
            return _referent(token, kinds, ctx) if token.tag_ == "NN" else None
        if lemma in ctx.rules.anaphoric_nouns and definite:
            return _opposed_government(token, ctx) or ctx.antecedent(token, acting=True)
        if (lemma in ctx.rules.state_organs and token.pos_ in ("NOUN", "PROPN") and token.dep_ not in MODIFIER_DEPS
                and not several_states(token, ctx.res.token_keys, ctx.gaz)
                and not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and (
                    c.pos_ == "PROPN" or c.lower_ in ctx.rules.bloc_words)) for c in token.children)
                # (nor one whose states are told, if by no name: "diplomats from seven Latin American countries")
                and not any(ctx.rules.theme_class(p.lemma_.lower()) is None and p.lemma_.lower() in GROUP_NOUNS
                            for p in pobjs(token, frozenset({"of", "from"})))):
            # ("Western governments", "foreign governments" are of no one state)
            # "the senate dismissed it", "police fired on a protester", "called on the President", "a federal
            # judge": an organ named without its state (a plain adjective names none) is of the state last
            # named, else of the country the text is about
            return ctx.antecedent(token, countries=True) or ctx.discourse
    elif not agent and token.pos_ == "NOUN":
        # what is done to a thing is done to its owner: "overturned the convictions of Kelly",
        # "does not recognise the existence of Israel"; to traded goods, their origin: "tariffs on imports from Mexico"
        owner_preps = OWNER_PREPS if ctx.rules.theme_class(lemma) != "trade" else TRADE_OWNER_PREPS
        for pobj in pobjs(token, owner_preps):
            found = resolve_np(pobj, ctx, depth - 1)
            if found:
                return found
    return None


OWNER_PREPS = frozenset({"of"})
TRADE_OWNER_PREPS = frozenset({"of", "from"})
"""Prepositions naming whose a thing is; for traded goods, where they come from too."""


def _opposed_government(token: Token, ctx: Context) -> str | None:
    """ "Democrats accused the administration of misleading Congress": the government a party or an opposition
    acts on is its own country's, whatever state was named last."""
    if token.dep_ not in OBJECTS or token.head.pos_ != "VERB":
        return None
    for subject in (c for c in token.head.children if c.dep_ in SUBJECTS):
        key = ctx.res.token_keys.get(head_noun(subject).i)
        entity = ctx.entity(key)
        country = entity.country if entity is not None else None
        if country and ctx.kind(country) == "Country" and (
                ctx.gaz.types.get(key) == "party" or entity.sector in ("OPP", "PTY")):
            government = sector_key(country, "GOV")
            return government if government in ctx.gaz.entities else None
    return None


def leader(token: Token, ctx: Context, agent: bool = False) -> str | None:
    """Who leads ("the US-led war", "the Saudi-led coalition") or, unless an actor is asked for, backs
    or sponsors what a noun names."""
    for led in token.children:
        if led.dep_ == "amod" and led.lemma_.lower() in (LEADING if agent else LEADING | BACKING):
            found = next((k for c in led.children if c.dep_ in ("npadvmod", "compound", "nmod")
                          for k in [modifier_key(c, ctx)] if k), None)
            if found:
                return found
    return None


LEADING = frozenset({"lead"})
BACKING = frozenset({"back", "sponsor"})


def _appositive(token: Token, ctx: Context) -> str | None:
    """A name in apposition to a noun is the noun itself: "the opposition leader Raila Odinga"."""
    for child in token.children:
        if child.dep_ == "appos":
            found = resolve_np(child, ctx, 1)
            if found:
                return found
    return None


def _pronoun(pronoun: Token, ctx: Context, depth: int = 3) -> str | None:
    """The entity a pronoun refers to: the subject of the clause above it, else, for "it", "he" or
    "she" as the subject of a main clause, the subject of the sentence before when it agrees (the
    entity it names, or none: in "Phanfone hit Boracay. It also blocked roads" the typhoon is no
    actor), else the latest fitting name."""
    found = _matrix_subject(pronoun, ctx)
    if found:
        return found
    proposal = _proposal_before(pronoun, ctx)
    if proposal is not None:
        return _proposal_author(proposal, ctx)
    previous = _previous_subject(pronoun) if depth > 0 else None
    if previous is not None and _agrees(previous, pronoun, ctx):
        if previous.lower_ in PRONOUNS_THING | PRONOUNS_PERSON:
            return _pronoun(previous, ctx, depth - 1)
        return resolve_np(previous, ctx, 2)
    own = _own_subject(pronoun)
    found = ctx.antecedent(pronoun, exclude=own)
    if found is not None and own and depth > 0:
        # nor whoever that subject refers to: in "He accused her", "her" is not the man "he" is ("herself" would be)
        subject = next((t for t in ctx.doc[min(own):max(own) + 1] if t.i in own and t.dep_ in SUBJECTS), None)
        if subject is not None and resolve_np(subject, ctx, depth - 1) == found:
            found = ctx.antecedent(pronoun, exclude=own | {i for i, key in ctx.keyed_tokens if key == found})
    return found


def _proposal_before(pronoun: Token, ctx: Context) -> Token | None:
    """The proposal an object "it" or "them" stands for: the nearest argument of a verb before it, when that is a
    proposal ("Hamas accepted the Egyptian proposal. Israel rejected it": the proposal, not Hamas; "Russia proposed
    a resolution on Syria, but the US vetoed it": the resolution, not Syria inside its phrase); so does a passive's
    subject ("Congress approved a bill legalising abortion, but it was rejected by the Senate": the bill)."""
    if pronoun.lower_ not in ("it", "them") or pronoun.dep_ not in OBJECTS | PASSIVE_SUBJECTS:
        return None
    own = _own_subject(pronoun)
    for i in range(pronoun.i - 1, previous_sentence_start(ctx.doc, pronoun.i) - 1, -1):
        token = ctx.doc[i]
        if i in own or token.pos_ not in ("NOUN", "PROPN", "PRON") or token.dep_ not in OBJECTS | PASSIVE_SUBJECTS | SUBJECTS:
            continue
        clause = token.head
        if clause.dep_ in ("acl", "relcl") and clause.head.lemma_.lower() in ctx.rules.proposal_nouns:
            # ("a bill legalising abortion": an argument of the clause that describes the proposal is inside it)
            token = clause.head
        singular = token.tag_ not in ("NNS", "NNPS")
        if token.lemma_.lower() in ctx.rules.proposal_nouns and singular == (pronoun.lower_ == "it") \
                and token.i not in ctx.res.token_keys:
            return token
        return None  # the nearest argument is something else: the pronoun is read as before
    return None


def _proposal_author(proposal: Token, ctx: Context) -> str | None:
    """Whose a proposal is: its owner ("the Egyptian proposal", "Russia's plan"), its from- or by-phrase, else
    whoever put it forward ("Russia proposed a resolution"); None when the text does not say."""
    owner = next(iter(modifier_owners(proposal, ctx)), None)
    if owner is None:
        owner = next(iter(phrase_keys(pobjs(proposal, frozenset({"from", "by"})) + by_agents(proposal), ctx)), None)
    verb = proposal.head
    if owner is None and proposal.dep_ in OBJECTS and verb.lemma_.lower() in ctx.rules.proposing_verbs:
        owner = next(iter(actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx)), None)
    return owner


def _own_subject(pronoun: Token) -> frozenset[int]:
    """The words of the subject of the clause a non-subject pronoun is in: "police fired tear gas at them" are not
    the police (a pronoun is never its own clause's subject; that would be "themselves")."""
    if pronoun.dep_ in SUBJECTS | PASSIVE_SUBJECTS or pronoun.dep_ == "poss":
        return frozenset()
    verb = clause_verb(pronoun)
    # ("police fired tear gas to disperse them", "the army vowed to defeat them": the subject of an infinitive of
    # purpose, or of one with no object above it, is the subject above, no more "them"; not "asked China to help it")
    while not any(s.dep_ in SUBJECTS for s in verb.children) and to_infinitive(verb) \
            and (verb.dep_ == "advcl" or (verb.dep_ == "xcomp" and not any(o.dep_ in OBJECTS for o in verb.head.children))):
        verb = verb.head
    return frozenset(t.i for s in verb.children if s.dep_ in SUBJECTS for t in s.subtree)


def _referent(noun: Token, kinds: frozenset[str], ctx: Context) -> str | None:
    """The actor a definite description ("the country", "the bloc") refers to: for a country inside a phrase or as
    an owner ("rebels in the north of the country", "the country's army"), the main subject of its own sentence
    named before it; for the subject of a main clause, the main subject of the sentence before
    when it is of a fitting kind (the most salient entity: "Poland closed its border with Belarus. The country
    accused Minsk" is Poland, not the Belarus named last); else the latest name of a fitting kind."""
    # (never the subject of the verb it is the object of: "Greece refused to recognise the breakaway republic",
    # which would say "itself")
    verb = noun.head if noun.dep_ in OBJECTS else None
    own = {k for s in verb.children if s.dep_ in SUBJECTS and (k := ctx.res.token_keys.get(s.i))} if verb is not None else set()
    if verb is not None and not own:
        own = set(controller(verb, ctx))
    if "Country" in kinds and noun.dep_ in ("pobj", "poss"):
        found = sentence_subject_country(noun, ctx.res.token_keys, ctx.gaz)
        if found:
            return found
    previous = _previous_subject(noun, referring=True)
    if previous is not None and previous.lower_ not in PRONOUNS_THING | PRONOUNS_PERSON:
        found = resolve_np(previous, ctx, 2)
        if found is not None and ctx.kind(found) in kinds and found not in own:
            return found
    found = ctx.antecedent(noun, kinds=kinds)
    return found if found not in own else None


def _previous_subject(pronoun: Token, referring: bool = False) -> Token | None:
    """The subject of the main clause of the sentence before, for a singular pronoun (or, `referring`, a
    definite description) subject of a main clause."""
    if (pronoun.lower_ not in SINGULAR_PRONOUNS and not referring) or pronoun.dep_ not in SUBJECTS | PASSIVE_SUBJECTS:
        return None
    sent = pronoun.sent
    clause = pronoun.head
    # (and of a clause the main verb reports: in "A fire destroyed 200 homes. Officials said it killed nine people"
    # "it" is the fire, which no one's name the reporters are)
    if not (clause == sent.root or (clause.dep_ in ("conj", "ccomp") and clause.head == sent.root)) or sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    if before.root.pos_ in ("NOUN", "PROPN"):
        return before.root  # a sentence read as a noun with its clause ("A fire destroyed 200 homes"): the noun
    return next((c for c in before.root.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS), None)


def _agrees(phrase: Token, pronoun: Token, ctx: Context) -> bool:
    """Number and person: "it" takes a singular non-person, "he" and "she" a person."""
    if phrase.lower_ in PRONOUNS_THING | PRONOUNS_PERSON:
        # ("She said ... He added": a "he" does not refer back through a "she")
        return phrase.lower_ in SINGULAR_PRONOUNS and (phrase.lower_ == "it") == (pronoun.lower_ == "it") \
            and PRONOUN_GENDERS.get(phrase.lower_) in (PRONOUN_GENDERS.get(pronoun.lower_), None)
    if phrase.tag_ in ("NNS", "NNPS"):
        return False
    key = ctx.res.token_keys.get(phrase.i)
    if key and not ctx.fits(key, pronoun):
        return False  # "Harris won the debate. He said ...": not Harris, once the text shows her a woman
    person = (ctx.kind(key) == "Person") if key else phrase.ent_type_ == "PERSON" or phrase.lemma_.lower() in ctx.rules.people_nouns
    # "The Iranian foreign minister visited Baghdad. He urged Iraq ...": an office named by its holder's role is a
    # person, though it acts for its state's organ
    person = person or (phrase.tag_ == "NN" and phrase.lemma_.lower() in ctx.rules.person_roles)
    return person != (pronoun.lower_ == "it")


def _matrix_subject(pronoun: Token, ctx: Context) -> str | None:
    """ "The Yoon administration confirmed it would monitor...": a pronoun subject of a complement
    clause usually refers to the subject of the clause above."""
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said its fighters remained and that it had killed dozens": the second clause too
    if pronoun.dep_ not in SUBJECTS or clause.dep_ != "ccomp":
        return None
    above = clause.head
    subjects = [c for c in above.children if c.dep_ in SUBJECTS and c.i != pronoun.i]
    while not subjects and above.head.i != above.i and (
            above.dep_ == "conj" or (above.dep_ in ("advcl", "xcomp") and above.tag_ in ("VB", "VBG"))):
        # "Putin met Erdogan and said he would send troops": coordinated verbs share the first one's subject;
        # "Katsav refused to meet Abdullah, saying he would ...": a participle or an infinitive with no subject
        # of its own has its head's
        above = above.head
        subjects = [c for c in above.children if c.dep_ in SUBJECTS]
    if not subjects or subjects[0].lower_ in PRONOUNS_THING | PRONOUNS_PERSON:
        return None
    if pronoun.lower_ in SINGULAR_PRONOUNS and subjects[0].tag_ == "NNS":
        return None  # "Officials said it killed nine people": "it" is not the officials
    key = resolve_np(subjects[0], ctx, 2)
    if key is None:
        return None
    person = ctx.kind(key) == "Person"
    if not ctx.fits(key, pronoun):
        return None  # "Harris said he would sign it": someone else, once the text shows her a woman
    if pronoun.lower_ in PRONOUNS_PERSON:
        # ("Georgia's president said she would not leave office": one who holds an office is a person)
        return key if person or head_noun(subjects[0]).lemma_.lower() in ctx.rules.person_roles else None
    if pronoun.lower_ in PLURAL_PRONOUNS and person and subjects[0].tag_ != "NNS":
        return None  # "'They are trying to destroy our country,' Maduro said": one person is no "they"
    return _as_country(key, ctx) if person else key


def names_a_place(token: Token, ctx: Context) -> bool:
    """A city or place name as written ("Paris", "Minsk"), not a country's own name or its demonym."""
    key = ctx.res.token_keys.get(token.i)
    if key is None or token.i in ctx.res.demonym_tokens:
        return False
    return ctx.kind(key) == "Location" or ctx.gaz.alias_role(token.text) == "capital"


OWNER_DEPS = frozenset({"poss", "amod", "compound"})
"""How a noun's owner hangs on it: "Japan's claims", "the Egyptian proposal", "Russian S-400 missiles"."""


def modifier_owners(noun: Token, ctx: Context, deps: frozenset[str] = OWNER_DEPS) -> list[str]:
    """The entities the modifiers of a noun (hung on it by one of `deps`) name, in the order of the words, each read
    as `modifier_key` reads it (a demonym or a state's name as the country)."""
    return [k for m in noun.children if m.dep_ in deps and (k := modifier_key(m, ctx))]


def modifier_key(token: Token, ctx: Context) -> str | None:
    """An entity named by a modifier, as the country it acts for ("South Korean officials" -> KOR)."""
    key = ctx.res.token_keys.get(token.i)
    if key:
        # "South Korean officials", "Wisconsin's governor": an adjective, a demonym or a place names its country;
        # an organisation names itself ("Taliban fighters", "Hamas militants", "NATO troops" act for it)
        organisation = ctx.kind(key) in ("Organization", "ArmedGroup") and token.i not in ctx.res.demonym_tokens
        as_country = token.dep_ in ("amod", "compound") or token.i in ctx.res.demonym_tokens or ctx.kind(key) == "Location"
        return _as_country(key, ctx) if as_country and not organisation else key
    if token.lower_ in PRONOUNS_THING or token.lower_ in PRONOUNS_PERSON:
        found = _reporting_victim(token, ctx) or ctx.antecedent(token) or (
            _clause_subject(token, ctx) if token.dep_ == "poss" else None)
        if found and token.lower_ in PRONOUNS_THING and _own_force(found, ctx):
            return found  # "the RSF said its fighters repelled the attack": an organisation's fighters act for it
        return _as_country(found, ctx) if found else None
    if token.lower_ in PRONOUNS_WE:
        return _speaker(token, ctx)  # "our troops": the speaker's side
    return resolve_np(token, ctx, 1)


def _reporting_victim(possessive: Token, ctx: Context) -> str | None:
    """ "Ukraine says Russia attacked its energy grid", "Syria said Israel struck its airport": what an attacker
    hits in a report is the reporter's, not the attacker's own (which English would call "its own")."""
    if possessive.dep_ != "poss" or possessive.lower_ not in ("its", "their"):
        return None
    noun = possessive.head
    if any(c.lower_ == "own" for c in noun.children):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in OBJECTS | {"pobj"} or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in ctx.rules.attribution_verbs:
        return None
    trigger = ctx.rules.verbs.get(verb.lemma_.lower())
    if trigger is None or not trigger.evokes("Assault"):
        return None
    attackers = set(actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx))
    speakers = [k for k in actor_keys([c for c in verb.head.children if c.dep_ in SUBJECTS], ctx) if k not in attackers]
    return speakers[0] if speakers and attackers else None


def _clause_subject(possessive: Token, ctx: Context) -> str | None:
    """ "The Indian Prime Minister asked his countrymen", "the German chancellor said her government would
    send": a possessive with no name before it to refer to is the nearest subject before it, up the
    clauses, though an office ("the Prime Minister") is no person; "his" is no police's."""
    node = possessive.head
    while node.head.i != node.i or node.pos_ in ("VERB", "AUX"):
        subjects = [c for c in node.children if c.dep_ in SUBJECTS and c.i < possessive.i] \
            if node.pos_ in ("VERB", "AUX") else []
        if subjects and not (possessive.lower_ not in PLURAL_PRONOUNS and subjects[0].tag_ in ("NNS", "NNPS")
                             and not _named_body(subjects[0], ctx)):
            # (a singular possessive is no plural subject's: in "the president fled after protesters stormed his
            # residence" it is the president's, up a clause; a body's plural name is one body: "the Rapid Support
            # Forces said its fighters")
            subject = subjects[0]
            if possessive.lower_ in PRONOUNS_PERSON and not (subject.ent_type_ == "PERSON" or (
                    subject.tag_ in ("NN", "NNP") and subject.lemma_.lower() in ctx.rules.person_roles)):
                return None
            return resolve_np(subject, ctx, 1)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _own_force(key: str, ctx: Context) -> bool:
    """A named organisation or armed group outside the state ("Rapid Support Forces", "Hamas"), whose people act for
    it; a state's organs and sectors act for their country ("the troops ... their positions")."""
    entity = ctx.entity(key)
    return entity is not None and entity.kind in ("Organization", "ArmedGroup") and entity.sector is None \
        and ctx.gaz.types.get(key) not in ("government", "military")


def _named_body(token: Token, ctx: Context) -> bool:
    """A name of one organisation, armed group or state, though its last word is plural ("Rapid Support Forces")."""
    key = ctx.res.token_keys.get(token.i)
    return token.pos_ == "PROPN" and key is not None and ctx.kind(key) in ("Organization", "ArmedGroup", "Country")


def _speaker(pronoun: Token, ctx: Context) -> str | None:
    """ "We will retaliate," Iran's foreign minister said: "we" in what someone says is the speaker's side,
    a person's or a state organ's country, an organisation itself."""
    node = pronoun
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in ctx.rules.attribution_verbs:
            subjects = [c for c in node.children if c.dep_ in SUBJECTS and c.lower_ not in PRONOUNS_WE]
            if subjects and subjects[0].left_edge.i <= pronoun.i <= subjects[0].right_edge.i:
                return None  # "our group said": "our" inside the speaker's own phrase says no more than it
            key = resolve_np(subjects[0], ctx, 1) if subjects else None
            if key is None:
                return None
            organ = ctx.kind(key) == "Person" or ctx.gaz.types.get(key) in ("government", "military")
            return _as_country(key, ctx) if organ else key
    return None


PRONOUNS_WE = frozenset({"we", "us", "our", "ours", "ourselves"})


def _as_country(key: str, ctx: Context) -> str:
    country = ctx.country(key)
    return country if country and (country in ctx.gaz.entities or country in ctx.entities) else key


def _listed_states(token: Token, ctx: Context) -> list[Token]:
    """ "Russia, Ukraine swap prisoners": a headline joins states with a comma, which the parser reads as an
    apposition; a state is never another's appositive ("Paris, France" names one)."""
    first = ctx.res.token_keys.get(token.i)
    if first is None or ctx.kind(first) != "Country":
        return []
    return [a for a in token.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > token.i
            and a.doc[a.left_edge.i - 1].text == "," and (k := ctx.res.token_keys.get(a.i)) is not None
            and ctx.kind(k) == "Country" and k != first]


def phrase_keys(tokens: list[Token], ctx: Context, agent: bool = False) -> list[str]:
    """Entities named by noun phrases and their conjuncts, in order, once each (see `resolve_np`)."""
    out = []
    for t in tokens:
        shared = _shared_head(t, ctx)
        if shared:  # "Indian and Chinese troops": each country's troops, not the modifiers' countries besides
            out += [k for k in shared if k not in out]
        for c in ([x for x in t.conjuncts if x.i > t.i] if shared else _conjuncts(t) + _listed_states(t, ctx)):
            found = _group_antecedents(c, ctx) or _examples(c, ctx) or _owners(c, ctx) or _coordinated_antecedents(c, ctx)
            if not found:
                k = resolve_np(c, ctx, agent=agent)
                found = [k] if k else []
            out += [k for k in found if k not in out]
    return out


COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "both": 2}
SIDE_NOUNS = frozenset({"side", "party"})
"""Whatever the parties are: "both sides" after an army and a militia are the two, though neither is a state."""
GROUP_NOUNS = frozenset({"country", "nation", "state", "side", "party", "government", "neighbour", "neighbor", "ally",
                         "leader"})


def _owners(token: Token, ctx: Context) -> list[str]:
    """ "the leaders of Turkey and Greece", "foreign ministers of India and China", "officials from the US and
    China", "imports from Mexico and Canada": a plural role noun (or goods traded) whose of-phrase coordinates
    owners stands for each of them (their country, or the camp's owner)."""
    lemma = token.lemma_.lower()
    if token.tag_ not in ("NNS", "NNPS") or (lemma not in ctx.rules.role_nouns
                                             and ctx.rules.theme_class(lemma) not in ("envoy", "trade")):
        return []
    # "officials from the United States and China", "representatives from the UAE, Bahrain and Israel"
    for owner in pobjs(token, frozenset({"of", "from"})):
        if not owner.conjuncts:
            continue
        keys = [k for c in _conjuncts(owner) if (k := resolve_np(c, ctx, 2))]
        return list(dict.fromkeys(k if lemma in ctx.rules.camp_nouns else _as_country(k, ctx) for k in keys))
    return []


def _shared_head(token: Token, ctx: Context) -> list[str]:
    """ "Indian and Chinese troops", "US and South Korean forces", "Israeli and Palestinian leaders": an agent
    noun shared by coordinated modifiers of different countries stands for each country's agents."""
    mods = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and any(x.dep_ == "conj" for x in c.children)]
    if not mods:
        return []
    key = resolve_np(token, ctx)
    entity = ctx.entity(key) if key else None
    sector = entity.sector if entity is not None else None
    lemma = token.lemma_.lower()
    # ("Russian and Ukrainian delegations", "US and Chinese negotiators": envoys and people of no sector are
    # their countries')
    if not sector and not (ctx.rules.theme_class(lemma) == "envoy" or lemma in ctx.rules.role_nouns
                           or lemma in ctx.people_nouns):
        return []
    out = []
    for mod in mods:
        for c in (mod, *mod.conjuncts):
            k = ctx.res.token_keys.get(c.i)
            country = k if k and ctx.kind(k) == "Country" else (ctx.country(k) if k else None)
            if country and ctx.kind(country) == "Country":
                agents = sector_key(country, sector) if sector else country
                out.append(agents if agents in ctx.gaz.entities else country)
    found = list(dict.fromkeys(out))
    return found if len(found) > 1 else []


def _examples(token: Token, ctx: Context) -> list[str]:
    """ "countries including Algeria and Morocco", "Western nations such as Britain and France": a plural group
    noun with its members named stands for each of them."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in GROUP_NOUNS:
        return []
    for prep in token.children:
        if prep.dep_ == "prep" and (prep.lower_ in ("including", "like") or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))):
            members = [m for p in prep.children if p.dep_ == "pobj" for m in _conjuncts(p)]
            return list(dict.fromkeys(k for m in members if (k := resolve_np(m, ctx, 1))))
    return []


def _coordinated_antecedents(pronoun: Token, ctx: Context) -> list[str]:
    """ "Spain and Morocco expressed their willingness to cooperate": a plural pronoun whose clause (or a clause
    above it) has coordinated parties (or a group of them) for its subject refers to all of them."""
    if pronoun.lower_ not in PLURAL_PRONOUNS:
        return []
    node = pronoun
    for _ in range(5):
        node = node.head
        subjects = [c for c in node.children if c.dep_ in SUBJECTS and c.i < pronoun.i and c.lower_ not in PLURAL_PRONOUNS]
        if subjects:
            # (or a group the subject names: "the leaders of Turkey and Greece", "the two countries")
            parties = _owners(subjects[0], ctx) or _group_antecedents(subjects[0], ctx) or [
                k for c in _conjuncts(subjects[0]) if (k := resolve_np(c, ctx, 2))]
            if len(set(parties)) > 1:
                return list(dict.fromkeys(parties))
            break
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
    # "Israel recalled its ambassadors to Ireland and Norway after they recognised a Palestinian state": the name a
    # plural pronoun refers to stands with the names it is coordinated with
    found = _pronoun(pronoun, ctx)
    named = next((i for i, key in reversed(ctx.keyed_tokens) if i < pronoun.i and key == found), None)
    if named is None:
        return []
    first = min([ctx.doc[named], *ctx.doc[named].conjuncts], key=lambda t: t.i)
    parties = [k for c in _conjuncts(first) if (k := resolve_np(c, ctx, 2))]
    return list(dict.fromkeys(parties)) if len(set(parties)) > 1 else []


def _group_antecedents(token: Token, ctx: Context) -> list[str]:
    """ "the two countries", "both sides", "the leaders of the two countries", "the two": the last two (or three)
    states named together before, in this sentence or the one before (for sides, any parties: "the army and the RSF
    agreed to a truce. Both sides accused each other"), else, for "the two" or "both sides", the two parties of the
    last act told between two."""
    head = token
    if head.lemma_.lower() in ctx.rules.role_nouns:  # "the leaders of the two countries"
        head = next((p for p in pobjs(head, frozenset({"of"}))), head)
    alone = head.lower_ in COUNT_WORDS and head.dep_ in SUBJECTS and head.pos_ in ("NUM", "DET", "PRON", "NOUN")
    if alone:
        count = COUNT_WORDS[head.lower_]  # "the two agreed", "both accused each other": the number stands alone
    else:
        count = next((COUNT_WORDS[c.lower_] for c in head.children if c.lower_ in COUNT_WORDS), 0)
        if not count or head.lemma_.lower() not in GROUP_NOUNS or head.tag_ != "NNS":
            return []
    first = previous_sentence_start(ctx.doc, head.i)
    sides = head.lemma_.lower() in SIDE_NOUNS

    def state(t: Token) -> str | None:
        # a state, or a person's country ("Trump and Yoon discussed ...; the leaders of the two countries")
        key = ctx.res.token_keys.get(t.i)
        if sides and key and ctx.kind(key) != "Location" and t.i not in ctx.res.demonym_tokens:
            return key
        found = key if key and ctx.kind(key) == "Country" else (ctx.country(key) if key and ctx.kind(key) == "Person" else None)
        return found if found and ctx.kind(found) == "Country" and t.i not in ctx.res.demonym_tokens else None

    # (never the subjects of its own clause, who act on the group: "Egypt and Saudi Arabia hosted talks between the two
    # sides" are not the sides)
    verb = clause_verb(head)
    own = {c.i for s in verb.children if s.dep_ in SUBJECTS for c in (s, *s.conjuncts)} if head.dep_ not in SUBJECTS else set()
    # the parties named together last: "Turkey and Greece ...", "Donald Trump and Yun Seok-yul ..."
    for t in reversed(ctx.doc[first:head.i]):
        if t.dep_ == "conj" or t.i in own or state(t) is None:
            continue
        group = list(dict.fromkeys(s for c in [t, *t.conjuncts] if c.i < head.i and (s := state(c))))
        if len(group) == count:
            return group
    # (only for "the two" or "both sides": "the two nations" are states named together, maybe further back)
    pair = ctx.last_pair() if alone or sides else ()
    return list(pair) if len(pair) == count else []


def actor_keys(tokens: list[Token], ctx: Context) -> list[str]:
    """Entities that act through these phrases: names, pronouns and agent nouns, not topics or causes."""
    return phrase_keys(tokens, ctx, agent=True)


def theme_class(token: Token, rules: Rules) -> str | None:
    """The class of a theme noun, trying "amod/compound + noun" first ("lethal aid", "arms supplies").

    Kept per word of a parsed text: the rules ask it of the same noun many times (its verb's tests, its frame's
    themes and classes, the holders it is read through).
    """
    memo = token.doc.memo if token.__class__ is ParsedToken else None
    if memo is None:
        return _theme_class(token, rules)
    key = (theme_class, token.i)
    found = memo.get(key)
    if found is None or found[0] is not rules:
        found = memo[key] = (rules, _theme_class(token, rules))
    return found[1]


def _theme_class(token: Token, rules: Rules) -> str | None:
    lemma = token.lemma_.lower()
    mods = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")]  # ("search and rescue teams": nmod)
    for left in mods:
        # "non - lethal aid" parses as three modifiers: read them back as one phrase
        words = token.doc[left.left_edge.i:token.i].text.lower()
        whole = re.sub(r"\s*-\s*", "-", words)
        for phrase in (f"{whole} {lemma}", f"{left.lemma_.lower()} {lemma}", f"{left.lower_} {lemma}"):
            found = rules.theme_class(phrase)
            if found:
                return found
    # "a state of siege", "a state of emergency", "crimes against humanity": a noun with its phrase
    for phrase in prep_phrases(token):
        found = rules.theme_class(phrase)
        if found:
            return found
    if lemma in CURRENCIES or lemma in AMOUNTS:
        # "$500 million in military aid", "300 million euros in aid": a sum is of the class of what it is in (before
        # its own: money alone is aid)
        found = next((c for p in pobjs(token, frozenset({"in"})) if (c := theme_class(p, rules))), None)
        if found is not None:
            return found
    found = rules.theme_class(lemma) or rules.theme_class(token.lower_)
    if found in rules.modifier_classes and token.dep_ not in ("amod", "compound", "nmod"):
        found = None  # "two Chinese nationals": a word of strikes' modifiers heading a phrase names no strike
    if found is None:
        # "blocked access to news websites", "suspended the activities of 54 NGOs": what is held is of its holder's class
        return next((c for h in holders(token, rules) if (c := theme_class(h, rules))), None)
    return found


def prep_phrases(token: Token) -> list[str]:
    """A noun with each of its phrases that a fixed phrase of the tables can end in: "state of emergency", "crime
    against humanity" (lemmas, lower case)."""
    lemma = token.lemma_.lower()
    return [f"{lemma} {prep.lower_} {pobj.lemma_.lower()}" for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in PHRASE_PREPS for pobj in prep.children if pobj.dep_ == "pobj"]


PHRASE_PREPS = frozenset({"of", "against"})
"""Prepositions whose phrase can belong to a fixed phrase of the tables ("state of emergency", "crime against humanity")."""

AMOUNTS = frozenset({"thousand", "million", "billion", "trillion", "mln", "bln", "bn", "m"})
"""Words that count a sum of money: "$500 million in military aid" is the aid."""


def holders(token: Token, rules: Rules) -> list[Token]:
    """The phrases a noun of what a body or a medium has (`holding_nouns`) takes its class from: "access to news
    websites", "the activities of 54 NGOs"; none for any other noun."""
    if token.lemma_.lower() not in rules.holding_nouns:
        return []
    return [head_noun(p) for p in pobjs(token, frozenset({"of", "to"}))]


def compound_class(token: Token, rules: Rules) -> str | None:
    """Class named inside a nominal trigger: "arms supplies", "troop deployment", "munitions supplies"."""
    found = _classed_modifier(token, rules)
    if found is not None:
        return found[1]
    if token.dep_ == "pobj":
        # "went on strike", "are on strike": the preposition names the class ("on strike" is labour)
        return rules.theme_class(f"{token.head.lower_} {token.lemma_.lower()}")
    return None


def class_modifier(token: Token, rules: Rules) -> Token | None:
    """The modifier of a nominal trigger that names a class ("missile" in "a missile test"), if any."""
    found = _classed_modifier(token, rules)
    return found[0] if found is not None else None


def _classed_modifier(token: Token, rules: Rules) -> tuple[Token, str] | None:
    """The first modifier of a nominal trigger that names a class, with the class."""
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            # (the phrase the modifier makes with the noun first, when it is of another class than the noun alone:
            # "military aid" is weapons, "military" alone combat; "a general strike" is a strike of labour)
            phrase = rules.theme_class(f"{child.lower_} {token.lemma_.lower()}")
            found = (phrase if phrase != rules.theme_class(token.lemma_.lower()) else None) or modifier_class(child, rules)
            if found:
                return child, found
    return None


def modifier_class(child: Token, rules: Rules) -> str | None:
    """The class a modifier of a nominal trigger names ("arms", "troop", "open-ended")."""
    # "an open-ended strike": a hyphenated modifier is three tokens, read back as one word
    whole = re.sub(r"\s*-\s*", "-", child.doc[child.left_edge.i:child.i + 1].text.lower())
    return rules.theme_class(child.lemma_.lower()) or rules.theme_class(child.lower_) or rules.theme_class(whole)


DIRECTIONAL_PARTICLES = frozenset({"back", "away", "over"})
"""Particles the parser takes for adverbs and hangs a verb's phrase on: "handed Hong Kong back to China"."""


def _on_behalf(prep: Token) -> bool:
    """ "on behalf of the White House": whom the actor acts for, never whom the act is on."""
    return prep.lower_ == "on" and any(c.dep_ == "pobj" and c.lemma_.lower() == "behalf" for c in prep.children)


def principals(verb: Token) -> list[Token]:
    """Whom the doer of a verb acts for: "Kushner, on behalf of the White House, helped broker a deal" (said on the
    verb or on the verbs it completes)."""
    found: list[Token] = []
    while not found:
        found = [p for c in verb.children if c.dep_ == "prep" and _on_behalf(c)
                 for b in c.children if b.dep_ == "pobj" for p in pobjs(b, frozenset({"of"}))]
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    return found


def _absolute(prep: Token) -> bool:
    """ "declared a state of emergency, with South Carolina's governor following suit": a with-phrase set off by a
    comma whose noun has a participle or a predicate after it is a clause of its own (the absolute construction),
    not a party to the act ("clashed with protesters demanding his resignation" is)."""
    if prep.lower_ != "with" or prep.i == 0 or prep.doc[prep.i - 1].text != ",":
        return False
    doc = prep.doc
    # (the parser hangs the participle on the noun or on the verb: the word after the noun phrase tells)
    return any(p.right_edge.i + 1 < len(doc) and (doc[p.right_edge.i + 1].tag_ in ("VBG", "VBN")
                                                  or doc[p.right_edge.i + 1].pos_ == "ADJ")
               for p in prep.children if p.dep_ == "pobj")


def _companion(prep: Token, sympathy: bool = True) -> bool:
    """A with-phrase right after "in coordination", "together" or (with `sympathy`) "in solidarity" (`companions`),
    wherever the parser hangs it: it names a companion, not whom an act is done to."""
    if prep.lower_ != "with" or prep.i == 0:
        return False
    rules = load_rules()
    before = prep.doc[prep.i - 1].lower_
    noun = before in rules.companion_nouns or (sympathy and before in rules.companion_sympathies)
    return before in rules.companion_adverbs or (noun and prep.i > 1 and prep.doc[prep.i - 2].lower_ == "in")


def companions(token: Token) -> list[Token]:
    """Whom an act is done alongside, on its verb: "fought alongside Ethiopian forces", "together with US agents",
    "raided the camp in coordination with the army" (not "in solidarity with": whom it is for)."""
    rules = load_rules()
    # (or on its subject: "Britain, alongside France, condemned Iran")
    children = [*token.children, *(c for s in token.children if s.dep_ in SUBJECTS for c in s.children)]
    # ("Along with Canada, the US sanctioned ...": the parser may make the adverb a preposition holding the with-phrase)
    held = [w for child in children if child.dep_ in ("prep", "advmod") and child.lower_ in rules.companion_adverbs
            for w in child.children if w.dep_ == "prep" and w.lower_ == "with"]
    return [p for child in [*children, *held] if child.dep_ == "prep" and (
        child.lower_ in rules.companion_preps or _companion(child, sympathy=False) or child in held)
        for p in child.children if p.dep_ == "pobj"]


def possessor_person(token: Token, ctx: Context) -> str | None:
    """ "his", "her" as an owner: the person they refer to, as a named possessive ("Sall's decree") is that person;
    None for any other word (modifier pronouns are otherwise read as their antecedent's country)."""
    return ctx.antecedent(token) if token.dep_ == "poss" and token.lower_ in PRONOUNS_PERSON else None


def by_agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's by-phrase: "was accused by Ukraine", "the attack carried out by Hamas"."""
    found = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not found and any(c.dep_ == "auxpass" for c in verb.children):
        # "was barred from running by the electoral commission", "were prevented from leaving by police": the parser may
        # hang the passive's by-phrase on the bare gerund it ends with (a gerund with no object of its own)
        found = [p for prep in verb.children if prep.dep_ == "prep" for g in prep.children
                 if g.dep_ == "pcomp" and g.tag_ == "VBG" and not any(o.dep_ in ("dobj", "obj") for o in g.children)
                 for c in g.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                 for p in c.children if p.dep_ == "pobj"]
    return found


def pobjs(token: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of `token`'s prepositions among `preps` (and its indirect objects, for "to"-less datives)."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            if _companion(child) or _absolute(child) or _on_behalf(child):
                continue
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(child)
        elif child.dep_ == "advmod" and child.lower_ in DIRECTIONAL_PARTICLES and token.pos_ == "VERB":
            # "sent them back to Mexico": the phrase is the verb's, whatever the particle it hangs on
            out.extend(pobjs(child, preps))
    return out


def pick_sense(trigger: Trigger, classes: list[str | None]) -> str | None:
    """The action of the first sense whose theme class is among `classes` (a sense with no theme: any)."""
    found = sense_for(trigger, classes)
    return found.action if found is not None else None


def sense_for(trigger: Trigger, classes: list[str | None]) -> Sense | None:
    """The first sense whose theme class is among `classes` (a sense with no theme: any)."""
    for sense in trigger.senses:
        if sense.theme is None or sense.theme in classes:
            return sense
    return None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
"""Tags of finite verb forms, which have a subject of their own."""


def controller(verb: Token, ctx: Context) -> list[str]:
    """Actors of a verb with no subject of its own: the controller of an infinitive or gerund."""
    if verb.dep_ == "advcl" and verb.tag_ in FINITE_TAGS and any(c.dep_ == "mark" for c in verb.children):
        # a finite clause has a subject of its own, never its head's: "Johnson became prime minister after Theresa
        # May stepped down", where the parser hung "Theresa May" on "after"
        return actor_keys([p for m in verb.children if m.dep_ == "mark" for p in m.children if p.dep_ == "pobj"], ctx)
    head = verb.head
    seen = 0
    node = verb
    prev: Token | None = None
    # "Norway is willing to send": through an adjective of readiness to the copula's subject
    unowned_conjunct = False
    # ("met Biden, then travelled to Ottawa": the parser may hang a second verb of the clause as a bare dependent)
    # ("stopped short of sanctioning Iran", "instead of meeting Biden": through an adverb its prepositional phrase
    # hangs on, to the verb it modifies)
    while (node.dep_ in ("xcomp", "ccomp", "advcl", "pcomp", "conj", "acl", "prep", "pobj", "relcl", "acomp") or (
            node.dep_ == "advmod" and node.pos_ == "ADV" and any(c.dep_ == "prep" for c in node.children)) or (
            node.dep_ == "dep" and node.pos_ == "VERB" and node.head.pos_ == "VERB"
            and not any(c.dep_ in SUBJECTS for c in node.children))) and seen < 5:
        seen += 1
        head = node.head
        if node.dep_ == "conj" and node.tag_ in FINITE_TAGS and head.tag_ == "VB" and head.dep_ == "xcomp":
            # "ordered the ambassador to leave the country and revoked the agreements": a finite verb is no conjunct
            # of an infinitive, whatever the parser says; it shares the subject of the clause the infinitive is in
            subj = [c for c in head.head.children if c.dep_ in SUBJECTS]
            if subj:
                return actor_keys(subj, ctx)
        if node.dep_ == "ccomp" and head.lemma_.lower() in ctx.rules.attribution_verbs and not unowned_conjunct:
            return []  # "The Pentagon estimated that troops were sent": the speaker does not send
        if node.dep_ == "advcl" and node.tag_ == "VBG" and head.lemma_.lower() in ctx.rules.attribution_verbs \
                and node.lemma_.lower() not in ctx.rules.attribution_verbs | ctx.rules.accusing_verbs:
            # "the forces exchanged fire, officials said, killing two soldiers": a participle of what was done after a
            # parenthetical "officials said" goes with the report before it, not with those who tell it
            told = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
            reporters = actor_keys([c for c in told[0].children if c.dep_ in SUBJECTS], ctx) if told else []
            if reporters:
                return reporters  # (a quotation's subject acts for no one: '"Justice takes time," she said, asking')
        # ("staged a hunger strike to protest against the decision": an infinitive with no relative word of its own is
        # no relative clause, whatever the parser says, but the noun's purpose, as an acl is)
        purpose = node.dep_ == "relcl" and _bare_infinitive(node)
        if node.dep_ == "relcl" and not purpose:
            return actor_keys([head], ctx)
        # ("has no intention of sending troops": a gerund of a noun of planning, as its infinitive would be)
        of_plan = node.dep_ == "prep" and node.lower_ == "of" and prev is not None and prev.dep_ == "pcomp" \
            and head.lemma_.lower() in ctx.rules.modality.planned_nouns | ctx.rules.modality.considered_nouns
        # ("ruled out plans to attack Taiwan": the parser may make a noun's infinitive its xcomp, as if it were a verb's)
        if (node.dep_ in ("acl", "xcomp") or purpose or of_plan) and head.pos_ in ("NOUN", "PROPN"):
            # "North Korea sending troops": a gerund on a name is done by the name's bearer;
            # "plans to send weapons": the planner is the noun's possessor
            if head.i in ctx.res.token_keys and head.i not in ctx.res.demonym_tokens:
                return actor_keys([head], ctx)
            poss = [c for c in head.children if c.dep_ == "poss"]
            if poss:
                return actor_keys(poss, ctx)
            # "the US decision to withdraw from the deal": a name compounded with the noun is its owner too
            owners = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                      and (k := ctx.res.token_keys.get(c.i)) and ctx.kind(k) != "Location"]
            if owners and head.lemma_.lower() in ctx.rules.modality.planned_nouns | ctx.rules.modality.considered_nouns:
                return actor_keys(owners, ctx)
            # "reports of North Korea sending troops": the gerund hangs on "reports", its doer is the "of" object
            found = actor_keys(pobjs(head, frozenset({"of"})), ctx)
            noun = head.lemma_.lower()
            if not found and noun in ctx.rules.modality.planned_nouns | ctx.rules.modality.considered_nouns:
                # "welcomed the decision by Spain to recognise the plan": a by-phrase names whose decision it is
                found = actor_keys([p for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                                    for p in c.children if p.dep_ == "pobj"], ctx)
            # ("launched a bid to capture Kharkiv", "filed a motion to impeach": an attempt made or a motion filed
            # is its maker's; not one only commented on: "rejected a proposal to sanction Russia")
            # (an instrument vetoed or blocked is not its vetoer's: "the US vetoed a resolution calling for a ceasefire")
            making = head.head.lemma_.lower() in ctx.rules.light_verbs | ctx.rules.modality.deciding_verbs
            # ("staged a strike to protest", "launched an offensive to capture the city": whoever does an act named by
            # a noun does what it is for)
            acting = head.head.lemma_.lower() in ctx.rules.light_verbs and (
                noun in ctx.rules.modality.considered_nouns or noun in ctx.rules.nouns)
            enacts = noun in ctx.rules.modality.planned_nouns or (noun in ctx.rules.instrument_nouns and making) or acting
            if found or head.dep_ not in OBJECTS or not enacts:
                return found
            # "announced plans to supply arms", "forced to revise plans to supply arms": whoever has the
            # plans is whoever announces or revises them; "signed a decree banning the niqab": whoever
            # enacts an instrument does what it does
            verb = head.head
            subj = [c for c in verb.children if c.dep_ in SUBJECTS]
            return actor_keys(subj, ctx) if subj else controller(verb, ctx)
        objs = [c for c in head.children if c.dep_ in OBJECTS]
        subj = [c for c in head.children if c.dep_ in SUBJECTS]
        if head.lemma_.lower() in ctx.rules.describing_verbs and ((node.dep_ == "prep" and node.lower_ == "as") or (
                node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in node.children))):
            return []  # "characterized the attack as designed to intimidate": a description, no act of the describer
        if node.dep_ == "prep" and node.lower_ == "of" and prev is not None and prev.dep_ == "pcomp" \
                and head.pos_ == "NOUN" and ctx.rules.theme_class(head.lemma_.lower()) == "charges":
            return []  # "jailed Kavala on charges of trying to overthrow the government": only alleged, by no one named
        if node.dep_ == "prep" and node.lower_ in ("of", "for", "with") and prev is not None and prev.dep_ == "pcomp":
            # "accused Kim of sending ammunition", "blamed Moscow for attacking", "charged seven hackers with
            # targeting critics": the object did it
            if objs:
                return actor_keys(objs, ctx)
            # "two officers were convicted of raping", "were found guilty of raping": a court's finding says
            # the one it is passed on did it (not "were accused of attacking": only said to have)
            court = head.head if head.dep_ == "oprd" else head
            lemma = verdict(court, ctx.rules) or court.lemma_.lower()
            if lemma in ctx.rules.convictions:
                return actor_keys([c for c in court.children if c.dep_ in PASSIVE_SUBJECTS], ctx)
            if any(c.dep_ == "agent" for c in head.children):
                # "Russia was accused by Ukraine of shelling the plant": with its accuser named, the passive is
                # the active's "Ukraine accused Russia of shelling" (never the accuser: "by Ukraine" shelled nothing)
                return actor_keys([c for c in head.children if c.dep_ in PASSIVE_SUBJECTS], ctx)
        if node.dep_ == "prep" and node.lower_ == "in" and prev is not None and prev.dep_ == "pcomp" and subj and objs \
                and head.lemma_.lower() in ctx.rules.joining_verbs:
            # "Japan joined the United States in imposing sanctions": both impose them
            return list(dict.fromkeys(actor_keys(subj, ctx) + actor_keys(objs, ctx)))
        if node.dep_ == "xcomp" and objs and head.lemma_.lower() not in ctx.rules.modality.planned_verbs \
                and not all(_instrument(o, ctx) for o in objs):
            # object control: "prompts South Korea to reconsider", "urged Seoul to send"; not an instrument
            # used: "police used tear gas to disperse protesters" is the police's doing
            return actor_keys(objs, ctx)
        if node.dep_ in ("advcl", "xcomp") and to_infinitive(node) and head.lemma_.lower() in ctx.rules.supplying_verbs \
                and (recipients := actor_keys(_recipients(head), ctx)):
            return recipients  # "gave Ukraine tanks to fight Russia": the means given are the recipient's to use
        if node.dep_ == "xcomp" and objs and head.lemma_.lower() in ctx.rules.binding_verbs \
                and (bound := actor_keys(objs, ctx)):
            return bound  # "the agreement commits the United States to withdraw its troops"
        if subj:
            return actor_keys(subj, ctx)
        cues = ctx.rules.modality
        # ("North Korea is believed to have sent troops", "Israel is said to have struck": the passive subject of
        # a verb of saying or believing, too)
        # ("Russia was forced to retreat from Kherson", "troops were sent to fight": the one a verb that makes it
        # happen is done to does it)
        if node.dep_ == "xcomp" and head.lemma_.lower() in cues.planned_verbs | cues.considered_verbs | ctx.rules.attribution_verbs \
                | ctx.rules.implicative_verbs and (
                patients := [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]):
            # "Putin is expected to visit Turkey", "is set to sign": the passive subject of a verb of planning
            # does what its complement says (not of any verb: "were slated to catch up to the space station")
            return actor_keys(patients, ctx)
        if node.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in node.children):
            # "the premier was indicted by the court and will resign": an active conjunct shares the
            # passive's surface subject, not its agent
            patients = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
            found = actor_keys(patients, ctx) if patients else []
            if found:
                return found
            # ("the ministry said the measures were needed and accused the US": the parser may join the second
            # verb to the reported clause, whose subject is no one who acts; it is the speaker's)
            unowned_conjunct = bool(patients) and head.dep_ == "ccomp"
        agents = by_agents(head)
        if agents:
            return actor_keys(agents, ctx)
        prev, node = node, head
    return []


def _recipients(verb: Token) -> list[Token]:
    """Whom a verb of giving gives to: its indirect object ("gave Ukraine tanks"), or its object when a with-phrase
    names what is given ("supplied the Houthis with drones")."""
    datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
    if datives:
        return datives
    # ("sent Ukraine missiles": the small model often reads the indirect object as a name compounded with the object)
    compounded = [c for o in verb.children if o.dep_ in OBJECTS for c in o.children
                  if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == o.left_edge.i]
    given = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    return [c for c in verb.children if c.dep_ in OBJECTS] if given else compounded


def _bare_infinitive(verb: Token) -> bool:
    """A "to" infinitive with no subject or relative word of its own ("a strike to protest against the decision")."""
    return verb.tag_ == "VB" and to_infinitive(verb) and not any(
        c.dep_ in SUBJECTS or c.tag_ in ("WDT", "WP", "WRB") for c in verb.children)


def verdict(verb: Token, rules: Rules) -> str | None:
    """ "were found guilty", "found him not guilty": the verb a verdict stands for (convict, acquit)."""
    for c in verb.children:
        if c.dep_ == "oprd":
            return rules.verdicts.get(" ".join([n.lower_ for n in c.children if n.dep_ == "neg"] + [c.lower_]))
    return None


def _instrument(obj: Token, ctx: Context) -> bool:
    """A thing, not someone who could act: no entity, no noun for people or agents ("tear gas", "force")."""
    noun = head_noun(obj)
    return resolve_np(obj, ctx) is None and noun.pos_ == "NOUN" and noun.lemma_.lower() not in ctx.people_nouns


CROWDS = frozenset({"thousand", "hundred", "million", "dozen", "crowd", "throng"})
COLLECTIVE_HEADS = frozenset({"thousand", "hundred", "million", "dozen", "score", "number", "group", "contingent",
                              "batch", "shipment", "consignment", "unit", "team", "handful", "couple",
                              # counts of acts: "a wave of airstrikes", "a new round of talks", "a barrage of rockets"
                              "wave", "series", "barrage", "spate", "string", "round", "flurry", "volley", "salvo",
                              # measures of goods: "105 thousand doses of vaccine", "tonnes of food", "barrels of fuel"
                              # ("doses" as written: the model's lemma of it is "dos")
                              "dose", "doses", "tonne", "ton", "barrel", "litre", "liter", "gallon", "kilogram", "pallet", "crate",
                              "truckload", "planeload", "shipload", "carton", "sack", "piece"})


QUANTIFIERS = frozenset({"some", "many", "most", "several", "all", "few", "each", "both", "any", "none", "half",
                         "majority", "rest", "part", "much"})
"""Words of how many or how much of an of-phrase ("backed some of the rebel groups"): the phrase says who."""


CURRENCIES = frozenset({"$", "€", "£", "¥", "dollar", "euro", "pound", "yen", "ruble", "rouble", "won", "yuan"})


def state_organ(sector: str | None, ctx: Context) -> bool:
    """A sector whose entities are organs of the state (sectors.yaml: type government or military)."""
    return sector is not None and sector in ctx.agents.sectors and ctx.agents.sectors[sector].type in ("government", "military")


LOCATIVE_ADJECTIVES = frozenset({"outside", "inside", "near", "opposite"})
"""Prepositions the small model may tag as adjectives: "dispersed a crowd outside parliament" parsed as a
parliament that is outside, with the crowd modifying it."""


def head_noun(token: Token) -> Token:
    """ "thousands of troops", "$1 billion in aid": the noun that says what, not how many or how much (and "a crowd
    outside parliament" misparsed as "crowd outside-parliament": the crowd)."""
    if token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in LOCATIVE_ADJECTIVES for c in token.children):
        before = [c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i and c.pos_ == "NOUN"
                  and c.i + 1 < len(token.doc) and token.doc[c.i + 1].lower_ in LOCATIVE_ADJECTIVES]
        if before:
            return head_noun(before[0])
    # (not a group its compound says what it is: "accused student groups of corruption")
    if ((token.lemma_.lower() in COLLECTIVE_HEADS or token.lower_ in COLLECTIVE_HEADS)
            and not any(c.dep_ == "compound" for c in token.children)) \
            or token.like_num or (token.lower_ in QUANTIFIERS and token.pos_ in ("DET", "PRON", "ADJ", "NOUN")):
        preps = {"of", "in"} if token.ent_type_ == "MONEY" else {"of"}  # "$1 billion in military aid"
        for pobj in pobjs(token, frozenset(preps)):
            return pobj
    if token.lemma_.lower() in CURRENCIES or token.text in CURRENCIES:
        for pobj in pobjs(token, frozenset({"of", "in"})):
            return pobj
    return token
