"""One trigger -> one `Frame`: the rules for verbs, stance predicates, the CAMEO dictionary's matches
and event nouns that find a trigger's actors, targets and theme."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.actions import action_types, is_a
from kg.canonicalize import agent_ending_at
from kg.events.context import (GENERIC_ACT, MODIFIER_DEPS, OBJECTS, PASSIVE_SUBJECTS, PRONOUNS_THING, RELATIVE_PRONOUNS, SUBJECTS, Context,
                               to_infinitive)
from kg.events.participants import (
    CURRENCIES, actor_keys, by_agents, class_modifier, compound_class, controller, head_noun, holders, leader, modifier_key, modifier_owners,
    names_a_place, phrase_keys, pick_sense, pobjs, possessor_person, principals, resolve_np, sense_for, state_organ, theme_class, verdict
)
from kg.gazetteer import sector_key
from kg.lexicon import Lexicon, LexMatch, is_passive, reduced_passive, small_clause_objects
from kg.rules import AGENT_CLASSES, Rules, Sense, Trigger


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
    own_only: bool = False
    """Each actor acts on its own country only: "Algeria and Morocco banned the niqab" is two bans at home."""
    mediated: bool = False
    """The targets are the parties of a deal the actors broker: coordinated brokers meet them, not each other."""


def _verb_frame(verb: Token, trigger: Trigger, ctx: Context) -> Frame | None:
    rules = ctx.rules
    if trigger.needs_complement and not any(c.dep_ == "xcomp" and to_infinitive(c) for c in verb.children):
        return None  # (an infinitive: "told Israel to halt"; not "he told Scientific American, implying that ...")
    if verb.dep_ == "amod" and verb.tag_ == "VBG" and verb.head.dep_ in OBJECTS:
        return _gerund_frame(verb, trigger, ctx)
    if any(c.dep_ == "ccomp" and _caused(c, rules) for c in verb.children):
        return None  # "the judge ordered Navalny released": the act ordered is the event, as in "ordered his release"
    # "sanctions imposed by the EU": a participle with an agent is passive without an auxiliary
    # ("Imran Khan arrested in Islamabad": a headline drops the auxiliary, and its subject is whom it is done to)
    reduced = reduced_passive(verb, rules.transitive_verbs)
    # ("Putin had Navalny arrested": a causer's small clause is passive in meaning, and the causer does it)
    caused = _caused(verb, rules)
    reduced = reduced or caused
    # "Hundreds of Filipinos protested over ...": the parser may read a sentence's main verb as a participle on the
    # noun heading it; a protest with no agent and no object is no passive, and that noun protests
    misread = (trigger.protests and main_verb_as_participle(verb)) or main_verb_with_object(verb)
    # ("Trump imposed sanctions on Iran", read as a noun "Trump" whose object is imposed sanctions)
    misread_name = _verb_read_as_modifier(verb, ctx)
    # ("Trump criticised Norway", read as a noun "Norway" with the subject "Trump" and the modifier "criticised")
    flipped = _object_read_as_head(verb, ctx) if misread_name is None and not misread else None
    if flipped is not None:
        misread_name, reduced = flipped[0], False
    passive = not misread and misread_name is None and (reduced or is_passive(verb))
    subjects = [] if reduced else [verb.head] if misread else [misread_name] if misread_name is not None \
        else [c for c in verb.children if c.dep_ in SUBJECTS]
    subjects = [s.head.head if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else s for s in subjects]
    # "signed a decree that bars anyone with a covered face": whoever enacts an instrument does what it does, as
    # with "a decree banning the niqab"
    subjects = [e for s in subjects for e in (
        [c for c in s.head.children if c.dep_ in SUBJECTS] or [s]
        if verb.dep_ == "relcl" and s is verb.head and s.lemma_.lower() in rules.instrument_nouns and s.dep_ in OBJECTS
        else [s])]
    # ("Sudan's army chief Abdel Fattah al-Burhan rejected": the parser may make a title and the name right after it two
    # subjects; they are one person)
    subjects = [s for s in subjects if not (s.pos_ == "NOUN" and any(
        o.pos_ == "PROPN" and o.i > s.i and all(t.pos_ == "PROPN" or t.text == "-" for t in s.doc[s.i + 1:o.i + 1])
        for o in subjects))]
    # ("protesters waving flags rallied", misparsed as a clause subject: whoever waves rallies)
    subjects = [next((c for c in s.children if c.dep_ == "nsubj"), s) if s.dep_ == "csubj" and s.tag_ == "VBG" else s
                for s in subjects]
    if not subjects and (verb.tag_.startswith("NN") or verb.tag_ in ("VBZ", "VBD", "VBP")):
        # "Pakistan expels Afghan refugees": with the verb read as a noun, its subject is read as its modifier;
        # so with a headline's verb the tagger got right and the parser did not ("Ukraine downs Russian drones",
        # "Hungary vetoes EU aid": a finite verb has no compound or adjective of its own)
        subjects = [c for c in verb.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i in ctx.res.token_keys
                    and c.i not in ctx.res.demonym_tokens]
    if subjects:
        # "Russia, China sign energy deal": a headline joins subjects with a comma, which the parser reads as an
        # adverbial name before the subject
        subjects = [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < subjects[0].i
                    and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == "," and c.i in ctx.res.token_keys] + subjects
    if not subjects and not passive:
        # "Russian shelling wounded five civilians": the parser may read a gerund subject as a progressive's
        # auxiliary; an auxiliary never takes an adjective, a determiner or a possessor, a noun does
        subjects = [c for c in verb.lefts if c.dep_ == "aux" and nominal_gerund(c)]
    if not subjects and verb.dep_ == "attr" and verb.tag_ == "VBG" and verb.head.lemma_ == "be":
        # "Qatar is mediating between Hamas and Israel": the parser may read a progressive as the copula's
        # complement; its subject is the copula's
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    if not subjects and not passive:
        # "after a Russian missile strike hit a hospital": the parser may read the clause's subject as the object of
        # its subordinator, as if it were a preposition (a subordinator has no object)
        subjects = [p for m in verb.children if m.dep_ == "mark" for p in m.children if p.dep_ == "pobj" and p.i < verb.i]
    agents = by_agents(verb)
    objects = [verb.head if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else head_noun(c)
               for c in verb.children if c.dep_ in (
                   SUBJECTS if reduced else PASSIVE_SUBJECTS if passive else OBJECTS)]
    if flipped is not None:
        objects = [flipped[1]]
    if passive and not objects and verb.dep_ == "pcomp" and any(c.dep_ == "auxpass" and c.lower_ == "being"
                                                                for c in verb.children):
        # "the journalist was hospitalised after being beaten by police", "died after being shot": a passive gerund
        # with no subject of its own after a preposition is done to the subject of the clause it hangs on
        main = verb.head.head
        if main.pos_ in ("VERB", "AUX"):
            objects = [head_noun(c) for c in main.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
    if not passive:
        # "fined Google 2.5 billion rubles", "paid Iran $6 billion": the parser may hang the first of two objects on the
        # sum as its modifier; a name before a sum is whom it is paid or fined
        objects += [c for o in objects if o.lemma_.lower() in CURRENCIES for c in o.children
                    if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i in ctx.res.token_keys
                    and c.i not in ctx.res.demonym_tokens and c.i == c.left_edge.i == o.left_edge.i]
    if passive:
        # "was abducted and tortured by state agents": coordinated passives share the subject of the first and the
        # by-phrase of the last
        conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and is_passive(c)]
        if not agents:
            agents = [a for c in conjuncts for a in by_agents(c)]
        if not objects and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and is_passive(verb.head):
            objects = [head_noun(c) for c in verb.head.children if c.dep_ in PASSIVE_SUBJECTS]
    if misread_name is not None:
        objects.append(verb.head)
    if passive and verb.dep_ == "acl":
        objects.append(verb.head)  # "a defence deal signed in June": the noun is the passive object
    if passive and not objects and verb.dep_ == "advcl" and verb.tag_ == "VBN" and agents and verb.i < verb.head.i:
        # "Backed by Rwanda, M23 rebels captured Goma": a participle clause's passive object is its clause's subject
        objects = [head_noun(c) for c in verb.head.children if c.dep_ in SUBJECTS]
    if not subjects and not passive and (misread_clause := _clause_read_as_phrase(verb, ctx)) is not None:
        subjects, objects = [misread_clause[0]], objects + [misread_clause[1]]
    if not passive:
        # "shot dead two protesters": the parser may hang the object on the resulting state
        objects += [head_noun(o) for a in verb.children if a.dep_ in ("acomp", "oprd") and a.pos_ == "ADJ"
                    for o in a.children if o.dep_ in OBJECTS]
    if not passive and not objects and trigger.lemma.count(" ") == 1:
        # "parliament voted down the budget", "turned down the offer": the parser may read the particle right after
        # the verb as a preposition, and the verb's object as its object
        particle = trigger.lemma.split(" ")[1]
        objects = [head_noun(p) for c in verb.children if c.dep_ == "prep" and c.lower_ == particle and c.i == verb.i + 1
                   for p in c.children if p.dep_ == "pobj"]
    if not passive and not objects:
        objects = raised_objects(verb, rules) or small_clause_objects(verb)
    if not passive and not objects:
        # "Biden called Zelensky on Tuesday": the parser may read a lone name after the verb as a predicate
        # ("called him Zelensky"), which needs an object to be one
        # (a verb with a subject: "Called the Ineos Challenge, it featured ..." names the event)
        # ("met opposition leader Raila Odinga": or a name after its titles as an adverbial noun, as "met Tuesday";
        # "attacked Gaza Monday", "met Xi Tuesday", wire style: or as a compound of the day)
        objects = [c for c in verb.children if c.dep_ in ("oprd", "npadvmod") and c.i > verb.i and c.i in ctx.res.token_keys
                   and c.i not in ctx.res.demonym_tokens and c.ent_type_ not in ("DATE", "TIME")] + [
            names[-1] for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i and c.ent_type_ in ("DATE", "TIME")
            if (names := [n for n in c.children if n.dep_ == "compound" and n.i in ctx.res.token_keys
                          and n.i not in ctx.res.demonym_tokens])] if subjects else []
    if not passive and verb.dep_ == "relcl" and not objects and verb.head.pos_ == "NOUN" and any(
            c.dep_ in SUBJECTS and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
        objects.append(verb.head)  # "the sanctions (that) Russia imposed", "a deal it brokered": the noun is the object
    with_objs = pobjs(verb, frozenset({"with"}))
    # with `object: target` the object is whom the act is done to ("expelled Russian diplomats"),
    # even when its noun could be a theme; only a with-phrase then names a theme
    # ("besieged the city of El Fasher": a kind of place with its name is the place named, acted on as a name is)
    themes = [o for o in (with_objs if trigger.object == "target" else objects + with_objs)
              if theme_class(o, rules) not in rules.acted_on_classes | {None}
              and not (o.lemma_.lower() in rules.place_nouns and pobjs(o, frozenset({"of"})) and resolve_np(o, ctx))]
    # (a named entity is of its type's class before its head noun's: "the Organization of American States" is a
    # union of states, not a body a state closes down)
    # "walked out of the talks", "pulled out of the deal": the of-phrase of the particle "out" is the verb's object
    # in all but name
    out_objs = [p for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "out"
                for p in pobjs(c, frozenset({"of"}))] if " out" in trigger.lemma else []
    classes = [_type_class(o, ctx) or theme_class(o, rules) for o in objects + with_objs + out_objs]
    sense = sense_for(trigger, classes)
    if sense is None and trigger.senses and all(s.theme is not None for s in trigger.senses):
        # "retaliated against US chip restrictions", "retaliated for the sanctions": what a reply answers sets its
        # kind when nothing else does
        sense = sense_for(trigger, [theme_class(p, rules) for p in pobjs(verb, frozenset({"against", "for"}))])
    # (the object names the state itself or its membership, not a thing of it: "the NBA suspended its season")
    member = (sense is None or sense.theme is None) and trigger.state_action is not None and not passive and any(
        (o.i in ctx.res.token_keys or o.lower_ in PRONOUNS_THING or o.lemma_.lower() in rules.joining_nouns)
        and o.i not in ctx.res.demonym_tokens and ctx.kind(resolve_np(o, ctx)) == "Country"
        for o in objects)  # (a people is no member: "voted to expel the Americans" expels people)
    if member:
        # "the African Union suspended Niger", "suspended Russia from the Human Rights Council", "OPEC expelled Qatar": a
        # body acting on a member state (the body it is suspended from is no one acted on), whatever the verb's default
        sense = Sense(trigger.state_action)
    if trigger.person_action is not None and any(_person(o, ctx) for o in objects):
        sense = Sense(trigger.person_action)  # "Xi welcomed Putin to Beijing" receives him; "welcomed the deal" praises it
    if sense is not None and sense.theme is not None and sense.theme not in rules.acted_on_classes \
            and trigger.object != "target":
        # "Egypt handed Gaza to Israel": a named place the sense moves is what is given, not whom it is given to
        # (and so is a kind of place with its name: "handed the town of Rafah to Israel")
        themes += [o for o in objects + out_objs if o not in themes
                   and sense.theme in (_type_class(o, ctx), theme_class(o, rules))]
    action = sense.action if sense is not None else None
    if action is None:
        return None
    if is_a(action, "Accuse") or is_a(action, "Threaten") or is_a(action, "Support"):
        # "charged four Chinese military officers with espionage", "praised Ukrainian soldiers": words are said of or
        # to people, whatever their class; forces or envoys named as the object are whom
        themes = [t for t in themes if not (t in objects and theme_class(t, rules) in ("troops", "envoy"))]
    instruments = {rules.instrument_actions.get(theme_class(head_noun(s), rules)) for s in subjects} \
        if not passive and action_types()[action].quad in HOSTILE_QUADS else set()
    if len(instruments) == 1 and None not in instruments:
        # "the sanctions target three Russian banks", "new tariffs hit Chinese steel": the act is the instrument's
        action = instruments.pop()
    if sense.giver is not None and not passive:
        return _received(verb, sense, subjects, [o for o in objects + with_objs if theme_class(o, rules) == sense.theme], ctx)
    actor_tokens = agents if passive else subjects
    if not actor_tokens and not passive and trigger.reciprocal:
        actor_tokens = pobjs(verb, frozenset({"between"}))  # "fighting between Armenia and Azerbaijan resumed"
    actors = actor_keys(actor_tokens, ctx) if actor_tokens else []
    if not passive and not any(ctx.country(a) for a in actors) and (behalf := actor_keys(principals(verb), ctx)):
        actors = behalf  # "Kushner, on behalf of the White House, helped broker a deal": one of no known state acts for it
    aimed_at: list[str] = []
    if not actors and (not passive or agents) and action_types()[action].quad in HOSTILE_QUADS:
        # "Russian airstrikes killed 20 civilians", "Saudi-led strikes hit a school": an attack that does harm is
        # its doer's (and as the passive's by-phrase: "were killed by Israeli fire")
        acts = [a for a in actor_tokens if hostile_act(a, rules)]
        actors = list(dict.fromkeys(k for a in acts for k in act_doers(a, ctx, victims=False)))
        # ("Israeli airstrikes on Gaza killed 20 people": those harmed are where the attack fell; a rule's verb of
        # harm only, not the dictionary's broad ones: "riots against Israeli policies continued" harm no one)
        if rules.verbs.get(trigger.lemma) is trigger:
            aimed_at = [k for k in phrase_keys([p for a in acts for p in pobjs(a, AIMED_PREPS)], ctx) if k not in actors]
    if not actors and passive and not agents and action_types()[action].quad in HOSTILE_QUADS:
        # "his leader was killed in an Israeli strike", "died in a Russian missile attack": a harm suffered in an
        # attack is done by whoever the attack's modifiers name as its doer
        acts = [p for p in pobjs(verb, frozenset({"in"})) if hostile_act(p, rules)]
        actors = [k for k in dict.fromkeys(k for a in acts for k in act_doers(a, ctx, victims=False))]
        # (those harmed are where the attack fell: "in a Russian missile attack on Kharkiv", "in the Israeli
        # bombardment of Rafah")
        aimed_at = [k for k in phrase_keys([p for a in acts for p in pobjs(a, AIMED_PREPS | {"of"})], ctx)
                    if k not in actors and ctx.kind(k) in ("Country", "Location")] if actors else []
    if not actors and not actor_tokens and (not passive or caused):
        actors = controller(verb, ctx)
    theme = themes[0] if themes else None
    if not actors and theme is not None and passive and theme_class(theme, rules) in (*AGENT_CLASSES, "aid"):
        # "North Korean troops were sent to Russia": the owner of what is sent acts (not of what an active verb
        # acts on: "farmers blocked roads to protest Ukrainian grain imports" is no Ukrainian protest; nor of whom
        # a passive is done to: "three Chinese nationals were charged with spying" were charged by no Chinese)
        actors = modifier_owners(theme, ctx)[:1]
    if not actors and theme is not None and passive and not agents \
            and theme_class(theme, rules) in rules.bond_classes | {"sanctions"}:
        # "Russia's ban on Ukrainian grain was lifted", "Russia's agreement with Ukraine was signed": a measure or a
        # bond of a party's own, acted on by no one named, is its owner's to lift or sign (the owner a possessor
        # names; not a modifier, which may be whom it is on: "Iranian sanctions were lifted")
        actors = modifier_owners(theme, ctx, frozenset({"poss"}))[:1]
    if is_a(action, "Agree"):
        # "agreed to a truce with Hamas", "agreed on a deal with Iran": what is agreed to is with its other party
        themes = themes + [p for p in pobjs(verb, frozenset({"to", "on", "upon"}))
                           if theme_class(p, rules) in rules.bond_classes | {"talks"} and p not in themes]
    # "mediated between Israel and Hamas", "brokered a ceasefire between ...": who mediates meets both parties
    # (a trigger may name its own: "invested $15 billion in Pakistan")
    preps = (rules.target_preps | trigger.aimed) - trigger.venues
    theme_preps = preps | {"between", "among"} if action == "Consult" else preps
    # (on the verb, "between" only: "among voters, he received two-thirds of the votes" meets no one)
    verb_preps = preps | {"between"} if action == "Consult" else preps
    if action_types()[action].quad in HOSTILE_QUADS:
        verb_preps = verb_preps - {"for"}  # "fought for Ukraine", "criticised him for the delay": a side or a reason
    else:
        verb_preps = verb_preps - {"at"}  # "received the minister at State House": only force or words aim at someone
    if action_types()[action].cooperative:
        # "allied with Germany against Russia": cooperation is with someone, never with whom it is against
        verb_preps = verb_preps - {"against"}
    if trigger.reciprocal:
        # "swapped hostages for prisoners": what is given back is no one acted on
        verb_preps, theme_preps = verb_preps - {"for"}, theme_preps - {"for"}
        if len(actors) > 1:
            # "Ukraine and Russia reached an agreement on the release of prisoners": parties who act together are
            # each other's counterparts; what they agree on is the topic, not a party
            verb_preps, theme_preps = verb_preps - TOPIC_PREPS, theme_preps - TOPIC_PREPS
    acted_on_named = any(resolve_np(o, ctx) is not None for o in objects)
    if action == "Aid" or member or (acted_on_named and action_types()[action].quad not in HOSTILE_QUADS
                                     and not is_a(action, "Retreat")):
        # "rescued 100 hostages from Boko Haram": aid given to no one it is from; "failed to protect Armenia from
        # Azerbaijan": whom one helps or shields is named, and what from is no one helped (a retreat is from where
        # it leaves: "evacuated its citizens from Sudan")
        verb_preps = verb_preps - {"from"}
    if is_a(action, "Coerce") and acted_on_named:
        # "extradited the spy chief to the United States", "deported them to Mexico", "expelled US troops from the
        # country": whoever is moved is the target, where to or from is not (without one: "banned exports to Qatar"
        # is on Qatar, "banned imports from China" on China)
        verb_preps = verb_preps - {"to", "from"}
    if acted_on_named:
        # "arrested Imran Khan at a court in Islamabad", "shot a protester at the embassy": with whom it is done to
        # named, "at" says where (without: "fired at the police" aims at them)
        verb_preps = verb_preps - {"at"}
    # "endorsed Biden for president", "nominated her for secretary of state": an office sought is no one acted on
    # (nor what the act moves, named by a with-phrase: "equipped the army with Caesar howitzers")
    target_tokens = [t for t in pobjs(verb, verb_preps) if not _office(t, rules) and t not in themes]
    # "violated Poland's airspace", "closed its airspace to Russian planes": a state's domain acted on is the state
    # (when an owner names it: resolve_np)
    target_tokens += [o for o in objects if o.pos_ == "NOUN" and (
        o.lemma_.lower() in rules.domain_nouns or o.lower_ in rules.domain_nouns) and o not in target_tokens]
    if passive and not target_tokens:
        # "sanctions imposed by the EU on Russia": the parser may hang the phrase after the by-phrase on its object
        target_tokens = [t for a in agents for t in pobjs(a, verb_preps - {"in", "at", "from"})
                         if not _office(t, rules) and t not in themes]
    if trigger.lemma.count(" ") == 2:
        # an idiom's own phrase is part of the verb, no one acted on: "added Huawei to its trade blacklist"
        _, word, noun = trigger.lemma.split(" ")
        target_tokens = [t for t in target_tokens if not (t.lemma_.lower() == noun and t.head.lower_ == word)]
    if "from" in verb_preps:
        # "pulled out of the town", "walked out of the talks": "out of" is "from"
        target_tokens += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "out" for p in pobjs(c, frozenset({"of"}))]
    if trigger.object != "theme":
        # "condemned the sanctions imposed by the EU", "accepted the proposal put forward by Egypt": an act or a
        # proposal named as the object is its agent's (not a person's phrase: "arrested a cartel leader wanted by the
        # United States" arrested no American; nor a thing moved: "sent weapons made by Iran")
        acts = [o for o in objects if o.lemma_.lower() not in rules.role_nouns | rules.people_nouns | rules.person_roles
                and ctx.kind(ctx.res.token_keys.get(o.i)) != "Person" and o not in themes]
        target_tokens += [p for obj in acts for acl in obj.children if acl.dep_ == "acl" and acl != verb
                          for p in by_agents(acl)]
    traders: list[str] = []
    for theme_token in themes:
        # "an envoy to Seoul", "troops to Russia"; "control of the crossing to Israel", hung one phrase lower
        target_tokens += [t for t in pobjs(theme_token, theme_preps) if not _office(t, rules)] or [
            p for o in pobjs(theme_token, frozenset({"of"})) for p in pobjs(o, theme_preps)] or _relative_pobjs(
            theme_token, theme_preps) or _conjunct_pobjs(theme_token, theme_preps)
        if theme_class(theme_token, rules) == "talks":
            # (the parser may hang the topic on the verb: "will suspend talks on joining the European Union")
            target_tokens += joined(theme_token, rules) or (joined(verb, rules) if theme_token.head is verb else [])
        if (noun := rules.nouns.get(theme_token.lemma_.lower())) is not None and noun.object == "target":
            # "lifted its blockade of Qatar": a theme that is an act on someone names them by its of-phrase, as
            # the act's noun alone does ("the blockade of Qatar")
            target_tokens += pobjs(theme_token, frozenset({"of"}))
        if theme_class(theme_token, rules) == "trade":
            # "halted imports of Australian coal", "resumed imports of Iranian oil": the goods' state is the partner
            traders += [k for o in pobjs(theme_token, frozenset({"of"})) for k in modifier_owners(o, ctx)]
        # "handing Kim precision weapons": the parser makes the recipient a compound of the theme
        # (not a word of the theme's own name: "the National Guard")
        # (nor the organisation whose forces they are: "NATO troops", "National Guard troops")
        # (only on the verb's object: "equipped the army with Caesar howitzers" names the guns, the army gets them)
        own_forces = theme_class(theme_token, rules) == "troops"
        target_tokens += [c for c in theme_token.children if theme_token.dep_ != "pobj" and c.dep_ == "compound" and c.pos_ == "PROPN"
                          and c.i in ctx.res.token_keys and c.i not in ctx.res.demonym_tokens
                          and ctx.res.token_keys[c.i] != ctx.res.token_keys.get(theme_token.i)
                          and not (own_forces and ctx.kind(ctx.res.token_keys[c.i]) in FORCE_OWNERS)]
    # "condemned the attack on Iran": who is hit by an act commented on is not whom the comment is on
    comments = action in rules.act_comments
    if comments:
        # "North Korea condemned the drills": a thing commented on that names an act told before is that act
        target_tokens += [t for t in themes if definite_act(t) and _told_doers(t, ctx)]
    # (what someone is punished for is a reason too: "sanctioned four settlers for violence against Palestinians")
    punished = (is_a(action, "Sanction") or is_a(action, "Coerce")) and acted_on_named
    if not (is_a(action, "Accuse") or punished):
        # (not "blamed Russian hackers for the cyberattack on the OPCW": what one is accused for is no one accused)
        target_tokens += _sought_targets(verb, ctx)
    for obj in objects:
        if obj not in themes and resolve_np(obj, ctx) is None and not (comments and hostile_act(obj, rules)):
            # "threatened security consequences for South Korea": the object's recipient is the target;
            # "investigating crimes by Croatian extremists": the agent of an act is whom it concerns;
            # "relinquished control of the crossing to Israel": the parser may hang it one phrase lower
            preps = _unless_topic(obj, rules.target_preps | {"by", "between", "among"}, rules)
            target_tokens += pobjs(obj, preps) or [p for o in pobjs(obj, frozenset({"of"})) for p in pobjs(o, preps)] \
                or _relative_pobjs(obj, rules.target_preps) or _conjunct_pobjs(obj, rules.target_preps)

    if trigger.object != "theme":
        acted_on = [o for o in objects if o not in themes]
        if trigger.object == "target" and any(resolve_np(o, ctx) is not None for o in acted_on):
            # "attacked Trump on his taxes", "pressed China on human rights": with someone acted on, an on-phrase
            # is the topic
            topics = set(pobjs(verb, frozenset({"on", "upon"})))
            target_tokens = [t for t in target_tokens if t not in topics]
        target_tokens = acted_on + target_tokens
    if not objects and not target_tokens and not passive and verb.lemma_.lower() in rules.verbs:
        target_tokens = _shared_complements(verb, ctx)  # (a hand-written trigger: a verb that takes a complement)
    if not objects and not target_tokens and not passive and is_a(action, "Agree") and rules.verbs.get(trigger.lemma) is trigger:
        # "Armenia agreed to return four villages to Azerbaijan": an agreement to give or do something to or with
        # someone is with them, though what is agreed tells no event of its own (not where one agrees to go:
        # "agreed to return to Moscow"; what one returns goes to someone; a verb of the rules, which say it agrees:
        # the dictionary's "decided to turn power off to customers" agrees with no one)
        target_tokens = [p for c in verb.children if c.dep_ == "xcomp" and to_infinitive(c) and not (
            c.lemma_.lower() in rules.travel_verbs and not any(o.dep_ in OBJECTS for o in c.children))
                         for p in pobjs(c, AGREED_WITH)]
    if not objects and action == "Investigate":
        # "vowed to investigate whether Pompeo misused resources": whom the question is about is investigated
        target_tokens += [s for c in verb.children if c.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children) for s in c.children if s.dep_ in SUBJECTS]
    placing = rules.placing_preps.get(verb.lemma_.lower())
    # "blamed the attack on Iran": whom an act is blamed on, on the verb or hung by the parser on the act
    placed = pobjs(verb, placing) + [p for o in objects for p in pobjs(o, placing)] if placing else []
    doers: list[str] = []
    if comments:
        # "condemned the attack against Iran": the parser may hang what the act hit on the verb (not when the act is
        # the verb's own theme: "imposed a curfew on Gaza" is on Gaza; a relative clause on an act lifted or condemned
        # is its background, kept out: "lifted the closure it had imposed on the West Bank")
        aimed = set(pobjs(verb, AIMED_PREPS)) if any(hostile_act(o, rules) for o in objects
                                                     if not (o in themes and o.head is verb)) else set()
        # (a protest against an act is against its doer, never against whom it hit: "protested the killing of
        # George Floyd by police")
        doers, target_tokens = _on_acts([t for t in target_tokens if t not in aimed and t not in placed], ctx,
                                        is_a(action, "Accuse"), victims=not is_a(action, "Protest"))
    target_tokens += [p for p in placed if p not in target_tokens]
    if is_a(action, "Request"):
        # "France demanded their release": a release asked for is asked of whoever holds them, when the text says
        freed = [t for t in target_tokens if _is_release(t, rules)]
        if captors := [k for t in freed for k in act_doers(t, ctx, victims=False)]:
            doers += captors
            target_tokens = [t for t in target_tokens if t not in freed]
    if is_a(action, "Request") and not objects and not passive:
        # "demanded that President Ruto resign", "urged that the government hold talks": whom the demand's clause has do
        # something is whom it asks
        # (the parser may take a bare subjunctive for a noun, its subject for a compound: "that President Ruto resign")
        target_tokens += [s for c in verb.children if c.dep_ == "ccomp" for s in c.children
                          if s.dep_ in SUBJECTS or (c.pos_ == "NOUN" and s.dep_ == "compound" and s.pos_ == "PROPN")]
    if is_a(action, "Request") and (asked := pobjs(verb, frozenset({"from"})) + [
            p for o in objects for p in pobjs(o, frozenset({"from"}))]) and phrase_keys(asked, ctx):
        # "requested troops from NATO", "demanded an apology from Japan": whom something is asked from is whom one
        # asks (the parser may hang the phrase on what is asked for); what is asked for is no one
        target_tokens = asked
    # "moved troops to its border with Belarus": a border is the state across it, whoever's side it is
    target_tokens = [w for t in target_tokens for w in (
        (t.lemma_.lower() in rules.border_nouns and pobjs(t, frozenset({"with"}))) or [t])]
    # "reopened its embassy in Damascus", "closed its embassy in Kyiv": one's own mission abroad stands for relations
    # with the state it is in (another's is its owner's: "stormed the US embassy in Baghdad")
    target_tokens = [w for t in target_tokens for w in (
        (t.lemma_.lower() in rules.mission_nouns and _own_mission(t, actors, ctx) and pobjs(t, frozenset({"in"})))
        or [t])]
    # ditransitive "provided Ukraine with aid": the object that is not a theme is the recipient
    targets = [k for k in dict.fromkeys(doers + phrase_keys(target_tokens, ctx)) if k not in actors] \
        or [k for k in dict.fromkeys(traders) if k not in actors]
    if action == "SupplyWeapons" and target_tokens and theme is not None and head_noun(theme).lemma_.lower() in (
            rules.platform_nouns | {"carrier"}) and all(
            t.dep_ == "pobj" and t.head.lower_ in INCURSION_PREPS and t.head.head is verb for t in target_tokens):
        # "sent warships into Japanese waters", "sent an aircraft carrier toward Iran": craft of war sent into or
        # toward a state are shown to it (CAMEO 15), not given to it (as arms smuggled into Gaza are)
        action = "Mobilize"
    # "allowed aid trucks to enter Gaza": what is let in goes where its clause says
    if not targets and (clauses := [t.head for t in themes if t.dep_ == "nsubj" and t.head.dep_ == "ccomp"]):
        entered = [o for c in clauses for o in c.children if o.dep_ in OBJECTS] + [
            p for c in clauses for p in pobjs(c, frozenset({"into", "to", "in"}))]
        targets = [k for k in phrase_keys(entered, ctx) if k not in actors]
    if not targets:
        # "sent troops to help Russia", "to aid Moscow's invasion": the one helped is the recipient
        purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in rules.purpose_verbs
                    and to_infinitive(c)]
        # "to help defend Saudi Arabia": the one helped may stand in the purpose's own complement
        purposes += [x for p in purposes for x in p.children if x.dep_ == "xcomp"]
        helped = [o for p in purposes for o in p.children if o.dep_ in OBJECTS]
        targets = [k for k in phrase_keys(helped, ctx) if k not in actors]
        if targets and is_a(action, "Protest"):
            action = "Support"  # "thousands rallied in Washington to support Ukraine": a rally for someone backs them
    if not targets and is_a(action, "Assault"):
        # "retaliated against rocket fire from Lebanon", "responded to the attack by Hamas": force answering an act
        # is aimed at whoever did it
        acts = [t for t in target_tokens if hostile_act(t, rules)]
        targets = [k for k in dict.fromkeys(k for a in acts for k in act_doers(a, ctx, victims=False)) if k not in actors]
    hostile = is_a(action, "Assault") or is_a(action, "Coerce")
    if not targets and theme is not None and hostile and theme_class(theme, rules) == "troops" \
            and not pobjs(verb, AIMED_PREPS):
        # "defeated Russian forces", "ambushed a Nigerian army unit": forces fought are the target
        targets = [k for k in phrase_keys([theme], ctx) if k not in actors]
    if not targets and theme is not None and (theme_class(theme, rules) in ("envoy", "captives") or (
            hostile and theme_class(theme, rules) == "weapons" and not pobjs(verb, AIMED_PREPS))):
        # "summoned the Japanese ambassador": an envoy stands for the state that sent it ("handed over 50 Russian
        # prisoners": captives too); "shot down a Turkish drone", "destroyed Ukrainian tanks": weapons hit (not
        # fired at someone) are their owner's
        owners = [c for c in theme.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        targets = [k for c in owners if (k := modifier_key(c, ctx)) and k not in actors]
        # ("summoned the ambassadors of Spain and Ireland": an envoy's of-phrase, too)
        if not targets and theme_class(theme, rules) == "envoy":
            targets = [k for k in phrase_keys(pobjs(theme, frozenset({"of"})), ctx) if k not in actors]
    if (action in rules.symmetric_actions or trigger.reciprocal) and action != "Consult" and theme is not None:
        # "normalize relations between Sudan and Israel": the parties named with what they share are the ones
        # who share it, whoever brings it about (a mediator consults them: "brokered a ceasefire between")
        parties = phrase_keys(pobjs(theme, frozenset({"between"})), ctx)
        if len(parties) > 1:
            actors, targets = parties, []
    if aimed_at:
        # people of no named country killed by an attack on a place are the place's, not the attacker's
        own = {ctx.country(a) or a for a in actors}
        targets = list(dict.fromkeys(aimed_at + [t for t in targets if (ctx.country(t) or t) not in own]))
        return Frame(verb, action, tuple(actors), tuple(targets), theme)
    if not targets:
        targets = _coerced_at_home(target_tokens, actors, action, ctx)
    domestic = _on_own_people(target_tokens, actors, ctx)
    if domestic and not targets:
        # "Iranian authorities pressured Iranian workers": the workers' country is the actor's own
        targets = list(dict.fromkeys(k for k in phrase_keys(target_tokens, ctx)))
    return Frame(verb, action, tuple(actors), tuple(targets), theme, domestic=domestic)


INCURSION_PREPS = frozenset({"into", "toward", "towards"})
"""Prepositions of moving into or toward a state rather than to it as a recipient."""


def _conjunct_pobjs(token: Token, preps: frozenset[str]) -> list[Token]:
    """ "banned exports of gallium and germanium to the United States": the parser may hang a phrase of the whole
    coordination on its last conjunct."""
    return [p for c in token.conjuncts if c.i > token.i for p in pobjs(c, preps)]


def _person(token: Token, ctx: Context) -> bool:
    """A phrase naming a person: a person's name, or an office holder ("the Japanese prime minister")."""
    return token.lemma_.lower() in ctx.rules.person_roles or ctx.kind(ctx.res.token_keys.get(token.i)) == "Person"


def _type_class(token: Token, ctx: Context) -> str | None:
    """The noun class of the named entity a phrase is, by its type ("the Move Forward Party" is a body), or of the
    one whose activities, licence or access it names ("the activities of 54 Ugandan NGOs": `holding_nouns`)."""
    key = ctx.res.token_keys.get(token.i) or ""
    kind = ctx.gaz.types.get(key)
    if kind is None and key and names_a_place(token, ctx):
        # a named place is land to take or give up: "the Taliban seized Kabul", "ceded Crimea to Russia"
        kind = "location"
    if kind is None:
        return next((c for h in holders(token, ctx.rules) if (c := _type_class(h, ctx))), None)
    return ctx.rules.type_classes.get(kind) if kind else None


def _received(verb: Token, sense: Sense, subjects: list[Token], themes: list[Token], ctx: Context) -> Frame | None:
    """What the subject receives from someone is the giver's act on it: "Ukraine received weapons from the
    US" is the US supplying Ukraine; with no giver named, no one acts."""
    preps = frozenset({sense.giver})
    givers = pobjs(verb, preps) + [p for t in themes for p in pobjs(t, preps)]
    actors = actor_keys(givers, ctx)
    if not actors:
        # "Turkey bought Russian S-400 missiles": with no giver named, the state the goods are of gives them (or the
        # international body: "Sri Lanka received an IMF bailout", "a World Bank loan")
        actors = list(dict.fromkeys(k for t in themes for k in modifier_owners(t, ctx, ADJECTIVAL)
                                    if ctx.kind(k) == "Country" or ctx.gaz.types.get(k) == "igo"))
    targets = [k for k in phrase_keys(subjects, ctx) if k not in actors]
    if not actors or not targets:
        return None
    return Frame(verb, sense.action, tuple(actors), tuple(targets), themes[0] if themes else None)


def _relative_pobjs(noun: Token, preps: frozenset[str]) -> list[Token]:
    """Phrases of a relative clause the noun is the object of: "lifted the sanctions it had imposed on Iran"."""
    # (only where the clause has a subject of its own, so the noun is what it acts on: not "the troops that
    # attacked Kyiv")
    return [p for c in noun.children if c.dep_ == "relcl" and any(
        s.dep_ in SUBJECTS and s.lower_ not in RELATIVE_PRONOUNS for s in c.children) for p in pobjs(c, preps)]


def _office(noun: Token, rules: Rules) -> bool:
    """A bare singular office ("for president", "for prime minister"), not a holder ("the president")."""
    # (capitalised too after "for": "campaign for President of the United States"; not "a summit with President
    # of France Emmanuel Macron")
    return (noun.tag_ == "NN" or (noun.tag_ == "NNP" and noun.head.lower_ == "for")) \
        and noun.lemma_.lower() in rules.person_roles and not any(c.dep_ in ("det", "poss") for c in noun.children)


CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
FORCE_OWNERS = frozenset({"Organization", "ArmedGroup"})
HOSTILE_QUADS = frozenset({"verbal-conflict", "material-conflict"})
ACT_CLASSES = frozenset({"attacks", "sanctions", "blockade", "restrictions", "gunfire"})
AIMED_PREPS = frozenset({"at", "on", "upon", "against"})
"""What an act is aimed at: "fired shots at the crowd", "the attack on Iran"."""


ADJECTIVAL = frozenset({"amod", "compound"})
"""Modifiers that name a state as an adjective does ("Russian S-400 missiles"), not as an owner ("Russia's")."""


def _caused(verb: Token, rules: Rules) -> bool:
    """ "Putin had Navalny arrested", "the judge ordered him released", "threatened to have Marcos killed": a past
    participle whose subject follows a verb of causing (`causative_verbs`: its head, or an auxiliary before the subject,
    as the parser reads "to have Zelensky arrested") is done to that subject, by whoever causes it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # (the tagger may take the participle for a past tense: "to have President Marcos killed")
    if verb.tag_ not in ("VBN", "VBD") or len(subjects) != 1 \
            or any(c.dep_ in ("auxpass", "dobj", "mark") for c in verb.children):
        return False
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in rules.causative_verbs and verb.head.i < subjects[0].i:
        return not any(c.dep_ == "aux" for c in verb.children)
    # (a perfect's auxiliary follows its subject, "Russia has arrested", or is finite before it in a question, "Has
    # Russia retreated?"; a causer's is a bare infinitive before it)
    return any(c.dep_ == "aux" and c.lemma_.lower() in rules.causative_verbs and c.tag_ == "VB" and c.i < subjects[0].i
               for c in verb.children)


def _clause_read_as_phrase(verb: Token, ctx: Context) -> tuple[Token, Token] | None:
    """(subject, object) of a clause the parser read as a noun phrase because the tagger took its first word, a
    name written in capitals, for something else: "USAID suspended aid to Ethiopia" (USAID an adverb on the root
    "aid", "suspended" an adjective on it), "ECOWAS imposed sanctions on Niger" (ECOWAS a verb heading the
    sentence, "imposed" an adjective on its object). A participle on a noun otherwise describes it ("the
    suspended aid")."""
    if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD") or verb.pos_ != "VERB":
        return None
    noun, start = verb.head, verb.sent.start
    if noun.dep_ == "ROOT":
        name = next((c for c in noun.children if c.i == start and c.i < verb.i), None)
    elif noun.dep_ in OBJECTS and noun.head.dep_ == "ROOT" and noun.head.i == start:
        name = noun.head
    else:
        return None
    if name is None or name.i not in ctx.res.token_keys or not name.text.isupper() or name.pos_ in ("NOUN", "PROPN"):
        return None
    return name, noun


def main_verb_as_participle(verb: Token) -> bool:
    """A participle on the noun heading a sentence, with no object or agent: the parser's reading of a sentence whose
    main verb it missed ("Hundreds of Filipinos protested over ..."), where that noun is the verb's subject."""
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") \
        and not any(c.dep_ in OBJECTS or c.dep_ == "agent" for c in verb.children)


def main_verb_with_object(verb: Token) -> bool:
    """A participle with a direct object on the noun heading a sentence: no passive takes one, so the parser missed
    the sentence's main verb ("Israeli airstrikes killed at least 30 people in Gaza", read as airstrikes that were
    killed), whose subject that noun is (or the parser made it a second subject of a parenthetical verb of saying:
    "..., local officials said")."""
    noun = verb.head
    heading = noun.dep_ == "ROOT" or (noun.dep_ in SUBJECTS and sum(c.dep_ in SUBJECTS for c in noun.head.children) > 1)
    # (nor one that asks a named party to do something: "Kenyan teachers called on President Ruto to resign")
    asks = any(c.dep_ == "xcomp" and to_infinitive(c) for c in verb.children) and any(
        p.dep_ == "pobj" and p.pos_ == "PROPN" for c in verb.children if c.dep_ == "prep" for p in c.children)
    # (nor a person "called" a name, which no person is: "Trump called Putin on Tuesday", read as a Trump named Putin)
    named = noun.ent_type_ == "PERSON" and verb.lemma_ == "call" and any(
        c.dep_ == "oprd" and c.ent_type_ in NAME_LABELS for c in verb.children)
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and heading and verb.i > noun.i \
        and noun.pos_ in ("NOUN", "PROPN") and (any(c.dep_ == "dobj" for c in verb.children) or asks or named) \
        and not any(c.dep_ == "agent" for c in verb.children)


NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP"})


def _verb_read_as_modifier(verb: Token, ctx: Context) -> Token | None:
    """The name opening a sentence when the parser read it as a noun and its verb as a modifier of the verb's object:
    "Trump imposed sanctions on Iran" parsed as "Trump" (root) with the object "imposed sanctions" (a noun never takes
    an object; a name the gazetteer knows right before the verb is its subject)."""
    noun = verb.head
    root = noun.head
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ != "dobj" or root.dep_ != "ROOT" \
            or root.pos_ in ("VERB", "AUX") or verb.i != root.i + 1 or root.i not in ctx.res.token_keys:
        return None
    return root


def _object_read_as_head(verb: Token, ctx: Context) -> tuple[Token, Token] | None:
    """(subject, object) of a short sentence the parser read as its object noun, with the verb as the noun's modifier
    and the subject as the noun's or the modifier's: "Trump criticised Norway" (neither a noun nor a modifier has a
    subject; a name the gazetteer knows before the verb is the verb's)."""
    noun = verb.head
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or noun.pos_ not in ("PROPN", "NOUN") \
            or not verb.i < noun.i or any(t.head is not noun for t in verb.doc[verb.i + 1:noun.i]):
        return None
    # (the subject hung on the noun or on the verb itself: a modifier has no subject)
    subject = next((c for c in [*verb.children, *noun.children] if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None and verb.i > verb.sent.start and not any(
            t.pos_ in ("VERB", "AUX") and t.i not in ctx.res.token_keys for t in verb.sent if t.i != verb.i):
        # ("Trump sanctioned Norway", "Macron snubbed Norway": with no other verb in the sentence, the name right
        # before the verb, however the parser hung it, is its subject)
        subject = verb.doc[verb.i - 1]
    if noun.dep_ != "ROOT" and not (subject is not None and noun.dep_ in ("appos", "dobj") and noun.head is subject):
        return None
    return (subject, noun) if subject is not None and subject.i in ctx.res.token_keys \
        and subject.i not in ctx.res.demonym_tokens else None


def nominal_gerund(token: Token) -> bool:
    """A gerund used as a noun: "the shelling", "Russian shelling", "Israel's bombing" (a verb takes no determiner,
    adjective or possessor; the parser may still tag it a verb, even an auxiliary)."""
    return token.tag_ == "VBG" and any(m.dep_ in ("amod", "det", "poss", "compound") for m in token.children)


def hostile_act(noun: Token, rules: Rules) -> bool:
    """A noun naming a hostile act: an attack, an arrest, sanctions, a blockade ("the invasion of Ukraine")."""
    if noun.pos_ != "NOUN" and not nominal_gerund(noun):
        return False
    trigger = rules.nouns.get(noun.lemma_.lower())
    if trigger is not None and any(s.action and action_types()[s.action].quad in HOSTILE_QUADS for s in trigger.senses):
        return True
    return theme_class(noun, rules) in ACT_CLASSES


def _force_act(noun: Token, rules: Rules) -> bool:
    """A noun naming a use of force: "the attack", "any aggression", "the shelling" (not sanctions or arrests)."""
    trigger = rules.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return (trigger is not None and all(s.action is not None and is_a(s.action, "Assault") for s in trigger.senses)) \
        or theme_class(noun, rules) == "attacks"


def _on_acts(tokens: list[Token], ctx: Context, placed: bool = False, victims: bool = True) -> tuple[list[str], list[Token]]:
    """The target phrases of a comment split: the doers of the hostile acts among them, and the other phrases
    (`placed`: an act no one is named for stands for the place it happened; without `victims`, never for whom it
    hit)."""
    # (a noun the actor tables name is the party, not its act: "accused the opposition of fraud")
    # (and an act named again that was told before: "South Korea held military drills. North Korea condemned the
    # drills")
    acts = [t for t in tokens if (hostile_act(t, ctx.rules) or (definite_act(t) and _told_doers(t, ctx)))
            and t.i not in ctx.res.token_keys]
    doers = {t.i: act_doers(t, ctx, victims=victims, placed=placed) for t in acts}
    # (without victims, an act with no doer found stays only by the owner its modifiers name, "India's border killings",
    # never by whom its of-phrase names it done to: "the execution of a German citizen")
    kept = [] if victims else [t for t in acts if not doers[t.i] and any(c.dep_ in ("poss", "amod", "compound") and (
        c.i in ctx.res.token_keys or c.lower_ in PRONOUNS_THING) for c in t.children)]
    return [k for t in acts for k in doers[t.i]], [t for t in tokens if t not in acts or t in kept]


def act_doers(act: Token, ctx: Context, victims: bool = True, placed: bool = False) -> list[str]:
    """Whom a comment on a hostile act ("condemned the Russian invasion of Ukraine") is about: who did the
    act ("Russia's", "Russian", "Hamas", "by Israel"), never a state or place it hit ("on Iran", "of
    Crimea"). With no doer named, people it hit stand for their state ("the arrest of Navalny", "the
    violence against protesters"), as CAMEO codes a comment on a state's act on its own people."""
    agents = pobjs(act, frozenset({"by"}))
    # "the arrest of a Serbian officer by Kosovo police": the parser may hang the by-phrase on the act's object
    agents += [p for o in pobjs(act, frozenset({"of"})) for p in pobjs(o, frozenset({"by"}))]
    agents += [p for acl in act.children if acl.dep_ == "acl" for p in by_agents(acl)]  # "the attack carried out by Hamas"
    # "a drone strike blamed on Turkey", "an attack attributed to the RSF": whom a participle places it on
    agents += [p for acl in act.children if acl.dep_ == "acl" and (placing := ctx.rules.placing_preps.get(acl.lemma_.lower()))
               for p in pobjs(acl, placing)]
    if not agents and act.dep_ in OBJECTS and act.head.pos_ == "VERB" and not is_passive(act.head):
        # "condemned the invasion of Ukraine by Russia": the parser may hang the act's by-phrase on the active verb
        # whose object it is, which has no agent of its own
        agents = pobjs(act.head, frozenset({"by"}))
    if not agents and (_is_force(act, ctx.rules) or _is_said(act, ctx.rules)):
        # "missile attacks from Azerbaijan", "rocket fire from Gaza", "the accusations from Kyiv", "threats from Iran"
        # (not "the travel ban from China": a ban is on what comes from a place; nor "the withdrawal from Kabul")
        agents = pobjs(act, frozenset({"from"}))
    # "the state of emergency Trump declared", "the sanctions that Russia imposed": a relative clause's subject
    agents += [s for rel in act.children if rel.dep_ == "relcl" for s in rel.children if s.dep_ in SUBJECTS
               and s.lower_ not in RELATIVE_PRONOUNS]
    doers = phrase_keys(agents, ctx) + [k for k in [leader(act, ctx)] if k]  # "the US-led war"
    for child in act.children:
        key = ctx.res.token_keys.get(child.i)
        if child.dep_ in ("compound", "nmod") and key is not None and (
                ctx.kind(key) in DOER_KINDS or (ctx.kind(key) == "Country" and _abbreviated(child))):
            # "the Hamas attack", "a Trump lawsuit"; not "the Gaza bombing" or "the Iran sanctions", where a state's
            # name says where or on whom; but its abbreviation is used as its adjective: "a US strike", "UK sanctions"
            doers.append(key)
        elif child.dep_ == "amod" and act.lemma_.lower() in ctx.rules.victim_named_acts:
            continue  # "the Armenian genocide", "the Rohingya genocide": the people's word names whom it destroyed
        elif (child.dep_ == "poss" and not agents and not _possessed_patient(act, ctx.rules)) \
                or (child.dep_ == "amod" and key is not None):
            # "Russia's invasion", "the Russian invasion"; with a by-phrase the possessive is the one acted on
            # ("Navalny's arrest by Russian police")
            doers += [k for k in [modifier_key(child, ctx)] if k]
    if not doers and _is_release(act, ctx.rules):
        # "demanded their release", "the release of the journalists held by Iran": a release is its captors' to make
        doers = _captors(pobjs(act, frozenset({"of"})) + [c for c in act.children if c.dep_ == "poss"], ctx)
    if not doers and definite_act(act):
        # "Israeli jets struck targets in Lebanon. The health ministry said the strikes killed five people": an act
        # named again with "the" is the one told just before, by its doers
        doers = _told_doers(act, ctx)
    if doers or not victims:
        return list(dict.fromkeys(doers))
    hit = pobjs(act, ctx.rules.target_preps | {"of"})
    victims = phrase_keys([v for v in hit if _names_people(v, ctx)], ctx)
    trigger = ctx.rules.nouns.get(act.lemma_.lower()) or ctx.rules.verbs.get(act.lemma_.lower())
    if victims and trigger is not None and trigger.evokes("Coerce"):
        # "condemned the arrest of Navalny", "the crackdown on protesters in Belarus": only a state arrests and
        # cracks down; the comment is on the state of those it hit (their country when the text gives one)
        states = [c for v in victims if (c := ctx.country(v))]
        return list(dict.fromkeys(states)) if states else victims
    if victims or not placed:
        return victims
    # "condemned the coup in Myanmar", "the violence in Syria": an act no one is named for is the place's (an
    # accusation's; "denied responsibility for the bombing in Kabul" rejects no one there)
    places = phrase_keys(pobjs(act, frozenset({"in", "inside"})), ctx)
    states = [c for k in places if (c := ctx.country(k) or (k if ctx.kind(k) == "Country" else None))][:1]
    if not states and ctx.discourse and trigger is not None and trigger.evokes("Coerce"):
        # "the EU condemned the crackdown": only a state cracks down or arrests; with no one named, it is the
        # state the text is about
        return [ctx.discourse]
    return states


DOER_KINDS = frozenset({"Organization", "ArmedGroup", "Person"})


def _abbreviated(token: Token) -> bool:
    """A name written as its initials ("US", "U.S.", "UK", "UAE"), which English uses as the state's adjective."""
    letters = token.text.replace(".", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _is_force(act: Token, rules: Rules) -> bool:
    """An act of force named by a noun: an attack, a strike, gunfire ("rocket fire")."""
    trigger = rules.nouns.get(act.lemma_.lower())
    if trigger is not None and trigger.evokes("Assault"):
        return True
    return theme_class(act, rules) in ("attacks", "gunfire")


def _is_said(act: Token, rules: Rules) -> bool:
    """An act of words named by a noun: an accusation, a threat, a demand, a call (every sense of its trigger verbal)."""
    trigger = rules.nouns.get(act.lemma_.lower())
    return trigger is not None and all(
        s.action is not None and action_types()[s.action].quad.startswith("verbal") for s in trigger.senses)


def _told_doers(act: Token, ctx: Context) -> list[str]:
    """The doers of the act a noun names again, told just before: by its word, else by its class."""
    # ("North Korea fired a missile. Japan condemned the missile launch": by the class its modifier names, too)
    return list(ctx.told_doers(act.lemma_.lower()) or ctx.told_doers(theme_class(act, ctx.rules) or "")
                or ctx.told_doers(compound_class(act, ctx.rules) or "")
                # ("The US sanctioned three Chinese firms. Beijing condemned the move": whatever was done last)
                or (ctx.told_doers(GENERIC_ACT) if act.lemma_.lower() in ctx.rules.generic_act_nouns else ()))


def definite_act(act: Token) -> bool:
    """An act noun that refers back: "the strikes", "these attacks" (not "strikes", "a raid", "Russia's attack")."""
    # (a common noun's compound only says what kind: "the missile launch", "the drone strikes" refer back too)
    return act.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this") for c in act.children) \
        and not any(c.dep_ in ("poss", "amod", "nmod") or (c.dep_ == "compound" and c.pos_ != "NOUN")
                    for c in act.children)


def _names_people(token: Token, ctx: Context) -> bool:
    """A phrase for people: a person's name, "protesters", "three journalists", "Iranian activists"."""
    noun = head_noun(token)
    entity = ctx.entity(ctx.res.token_keys.get(noun.i))
    if entity is not None:  # a person, or people of a country's society ("Iranian activists": IRN-opp), not its organs
        return entity.kind == "Person" or (entity.kind == "Organization" and entity.sector is not None
                                           and ctx.gaz.types.get(entity.key) not in STATE_TYPES)
    return noun.ent_type_ in ("PERSON", "NORP") or noun.lemma_.lower() in ctx.people_nouns


STATE_TYPES = frozenset({"government", "military", "igo"})


def raised_objects(verb: Token, rules: Rules) -> list[Token]:
    """ "allowed UN inspectors to enter Gaza", "let Swedish officials visit": the parser makes the one
    allowed the subject of an infinitive clause; for a verb of permission or help it is the verb's object."""
    if verb.lemma_.lower() not in rules.raising_verbs:
        return []
    # (an infinitive only, with "to" or bare: "let them visit"; no finite clause "allowed that ...")
    return [head_noun(s) for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VB"
            and not any(a.dep_ in ("mark", "aux") and a.lower_ != "to" for a in c.children)
            for s in c.children if s.dep_ == "nsubj"]


def _shared_complements(verb: Token, ctx: Context) -> list[Token]:
    """ "condemned and sanctioned Russia", "fired and landed a round on a protester": a verb with no
    complement of its own shares those of the verb coordinated after it, when both have one subject
    and the second is no trigger of its own (else each tells its event)."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(c.dep_ in SUBJECTS for c in conj.children) \
                and not is_passive(conj):
            objects = [c for c in conj.children if c.dep_ in OBJECTS]
            if any(o.lemma_.lower() in ctx.rules.nouns for o in objects):
                return []  # "would retaliate and filed a complaint with the WTO": the second verb's noun tells its own event
            if conj.lemma_.lower() in ctx.rules.travel_verbs:
                return []  # "resigned and fled to India", "resigned and left the country": where one goes is no one acted on
            return objects + pobjs(conj, ctx.rules.target_preps)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(c.dep_ in SUBJECTS for c in verb.children):
        # the parser may hang the shared object on the first verb: "surrounded and threatened Senator Paul"
        return [c for c in verb.head.children if c.dep_ in OBJECTS and c.i > verb.i]
    return []


def _on_own_people(tokens: list[Token], actors: list[str], ctx: Context) -> bool:
    """ "Iranian authorities pressured workers of a Tehran company": people named by a common noun, of
    the actor's own country, are acted upon; that is no self-reference."""
    people = ctx.people_nouns
    own = set(actors) | {ctx.country(a) for a in actors}

    def nationals(token: Token) -> bool:
        # "police detained dozens of Zimbabweans": a demonym heading its phrase names people of the country
        head = head_noun(token)
        return head.i in ctx.res.demonym_tokens and head.dep_ not in MODIFIER_DEPS
    # (not the state's own forces or officials, the sectors whose entities are a government or a military:
    # "Putin ordered his troops to withdraw" asks nothing of anyone)
    return any(((t.pos_ == "NOUN" and (lemma := head_noun(t).lemma_.lower()) in people
                 and not state_organ(ctx.agents.sector_of(lemma), ctx)) or nationals(t))
               and resolve_np(t, ctx) in own for t in tokens)


def from_elsewhere(noun: Token, rules: Rules) -> bool:
    """A noun a word marks as not of the state acting on it: "seized a foreign tanker", "expelled Western journalists"
    (whom a state coerces is of that state only when nothing says otherwise)."""
    return any(c.dep_ == "amod" and c.lower_ in rules.foreign_words for c in noun.children)


def _coerced_at_home(tokens: list[Token], actors: list[str], action: str, ctx: Context) -> list[str]:
    """ "The Philippine Senate ordered the arrest of a pastor", "Uganda suspended 54 NGOs": whom a state coerces, named
    by the noun of a calling or a body that may be of any country (a pastor, NGOs, a rights group), is of that state."""
    if not is_a(action, "Coerce"):
        return []
    # (a state, its organs, or a body the text names generically with its country: "the Philippine Senate")
    states = {ctx.country(a) for a in actors if ctx.state_body(a)
              or (a not in ctx.gaz.entities and ctx.kind(a) == "Organization" and a.startswith(f"{ctx.country(a)}-"))}
    if len(states) != 1 or None in states:
        return []
    state = states.pop()
    hits = [agent_ending_at(t.doc, t, ctx.agents, ctx.res.token_keys) for t in tokens
            if t.pos_ == "NOUN" and resolve_np(t, ctx) is None and not from_elsewhere(t, ctx.rules)]
    return list(dict.fromkeys(key for hit in hits if hit and (key := sector_key(state, hit[2])) in ctx.gaz.entities))


COPULAS = frozenset({"be", "remain", "become", "stay", "appear", "seem"})
PREDICATE_PREPS = frozenset({"to", "of", "toward", "towards", "against", "with", "about", "on"})


def _predicate_word(token: Token, lemma: str, rules: Rules) -> str | None:
    """The stance word a token is, as written ("opposed") or else as its lemma ("opponents"), or None."""
    lower = token.lower_
    if lower in rules.predicates:
        return lower
    return lemma if lemma in rules.predicates else None


def _is_predicate(token: Token) -> bool:
    """A stance word (`_predicate_word`) after a copula ("is critical of"), or a stative passive with no agent ("is opposed to")."""
    if token.dep_ in ("acomp", "attr"):
        return token.head.lemma_.lower() in COPULAS
    return any(c.dep_ == "auxpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children)


def _predicate_frame(word: Token, trigger: Trigger, ctx: Context) -> Frame | None:
    """ "Israel is opposed to French mediation", "Chirac was an opponent of the war": a predicate
    adjective or noun of stance; the copula's subject holds it, the phrase it governs is its target."""
    holder = word.head if word.dep_ in ("acomp", "attr") else word
    actors = actor_keys([c for c in holder.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS], ctx)
    targets = [k for k in phrase_keys(pobjs(word, PREDICATE_PREPS), ctx) if k not in actors]
    return Frame(word, trigger.senses[0].action, tuple(actors), tuple(targets), None)


def _event_object(verb: Token, rules: Rules) -> bool:
    """The verb's object is an event noun of the trigger table ("an investigation", "criticism"), or is named by one
    ("a censure motion", "a no-confidence motion")."""
    # (through a count: "launched dozens of attacks", "held a new round of talks")
    return any(c.dep_ in OBJECTS and ((n := head_noun(c)).lemma_.lower() in rules.nouns or any(
        m.dep_ == "compound" and _hyphenated(m, m.lemma_.lower(), rules.nouns) in rules.nouns for m in n.children))
        for c in verb.children)


def _own_theme(verb: Token, rules: Rules) -> bool:
    """An object the verb's own trigger reads as a theme of one of its senses ("received aid from Japan": the
    giver's aid, which the verb tells)."""
    trigger = rules.verbs.get(verb.lemma_.lower())
    themes = {s.theme for s in trigger.senses if s.theme} if trigger is not None else set()
    return any(c.dep_ in OBJECTS and theme_class(c, rules) in themes for c in verb.children)


def _carries_nominal(verb: Token, rules: Rules) -> bool:
    """A light verb whose object is an event noun ("launched an investigation", "filed a lawsuit"), or a verb
    whose subject undergoes what its object names ("faced criticism from the EU"): the noun tells the event,
    so the verb codes nothing itself."""
    lemma = verb.lemma_.lower()
    if lemma in rules.travel_verbs and any(p.lemma_.lower() in rules.noun_classes["talks"]
                                           for p in pobjs(verb, frozenset({"for"}))):
        return True  # "arrived in Beijing for a summit with Chinese leaders": the summit is the event
    return ((lemma in rules.light_verbs or lemma in rules.undergoing_verbs) and _event_object(verb, rules)) or any(
        # "came under attack", "fell under sanctions", "came under fire": the one under it undergoes something,
        # arriving nowhere (the dictionary's "come" with peacekeepers as subject received them)
        c.dep_ == "prep" and c.lower_ == "under" and any(p.dep_ == "pobj" and p.pos_ == "NOUN" for p in c.children)
        for c in verb.children)


def _lexicon_frame(verb: Token, match: LexMatch, ctx: Context) -> tuple[Frame, Trigger] | None:
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
    # (not a surface subject that names no one: "the meeting was attended by Putin and Xi" is theirs)
    hosts = actor_keys([c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS], ctx) if match.surface_roles else []
    if hosts:
        actors = hosts
        targets = phrase_keys(by_agents(verb), ctx)
    if match.sources:
        actors = actor_keys(list(match.sources), ctx) or actors
    if match.targets:
        targets = phrase_keys(list(match.targets), ctx) or targets
    if action_types()[match.action].cooperative and not match.targets:
        # "the court ruled against the administration": a bare verb the dictionary codes as cooperation
        # ("rule": oversee) cooperates with no one it is against
        against = set(phrase_keys([p for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"
                                   for p in c.children if p.dep_ == "pobj"], ctx))
        targets = [t for t in targets if t not in against]
    targets = [t for t in targets if t not in actors]
    if action_types()[match.action].cooperative and not targets and not match.sources \
            and not any(c.dep_ in OBJECTS for c in verb.children) and verb.lemma_.lower() in ctx.rules.growing_verbs:
        # "as the row escalated", "tensions increased": a verb of growing alone tells of something growing, not of
        # the cooperation the dictionary's block codes for "boosted ties", "expanded cooperation"
        return None
    # (the dictionary's code only where its action stands: "flew fighter jets into Taiwan's air defence zone" shows
    # force, no 072 supply)
    return replace(frame, actors=tuple(actors), targets=tuple(targets),
                   cameo=match.code if frame.action == match.action and (hosts or not match.surface_roles) else None), trigger


def _gerund_frame(verb: Token, trigger: Trigger, ctx: Context) -> Frame | None:
    """ "is contemplating supplying weapons to Ukraine", parsed as if "supplying" described the
    weapons: the noun is the gerund's object, and the governing verb's subject and prepositions
    are the gerund's."""
    rules = ctx.rules
    obj, governor = verb.head, verb.head.head
    cls = theme_class(obj, rules)
    cues = rules.modality
    if cls is None and governor.lemma_.lower() not in cues.considered_verbs | cues.planned_verbs | cues.negated_verbs \
            and phrase_keys([obj], ctx):
        # "met striking union leaders", "freed protesting farmers": a participle before a party describes what
        # the party does; it is no act of the governing verb's subject on it
        return None
    action = pick_sense(trigger, [cls])
    if action is None:
        return None
    subj = [c for c in governor.children if c.dep_ in SUBJECTS]
    actors = actor_keys(subj, ctx) if subj else controller(governor, ctx)
    target_tokens = pobjs(obj, rules.target_preps) + pobjs(governor, rules.target_preps)
    if cls is None and trigger.object != "theme":
        target_tokens.insert(0, obj)
    targets = [k for k in phrase_keys(target_tokens, ctx) if k not in actors]
    return Frame(verb, action, tuple(actors), tuple(targets), obj if cls else None)


def counted(noun: Token) -> Token:
    """The count an event noun is told in ("carried out hundreds of strikes in Lebanon": "hundreds" is the verb's
    object and holds the place), or the noun itself."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "NUM") and head_noun(head.head) is noun:
        return head.head
    return noun


TALK_SETTINGS = frozenset({"in", "during", "at", "after", "on"})
"""Prepositions that set a clause in talks its subject holds: "in a call with", "during a visit to", "after talks with"."""


def in_setting(noun: Token, light: Token | None, rules: Rules) -> bool:
    """Whether `light` carries `noun` as talks its clause is set in ("in talks with Xi, Putin said", "during his visit
    to China"), not as an act it takes part in ("took part in the talks", "participated in talks with Kyiv")."""
    return light is not None and noun.dep_ == "pobj" and noun.head.lower_ in TALK_SETTINGS and noun.head.head.i == light.i \
        and not (noun.head.lower_ == "in" and light.lemma_.lower() in rules.light_verbs)


def _light_verb(noun: Token, rules: Rules) -> Token | None:
    """The verb that carries a nominal event ("launched an incursion"), if any."""
    head = noun.head
    trigger = rules.nouns.get(head.lemma_.lower())
    if noun.dep_ == "compound" and head.pos_ == "NOUN" and (
            trigger is None or pick_sense(trigger, [compound_class(head, rules)]) is None):
        # "launched a bombing campaign", "held a signing ceremony": the event names what its head noun is
        # (a head that is an event only with a class it lacks, "campaign", is no event of its own)
        return _light_verb(head, rules)
    if noun.dep_ == "pobj" and (count := counted(noun)) is not noun:
        return _light_verb(count, rules)
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in rules.motion_nouns:
        return _light_verb(head.head, rules)  # "passed a motion of no confidence": the motion's verb carries it
    if noun.dep_ in OBJECTS and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in rules.light_verbs \
            and not any(c.dep_ == "oprd" for c in head.children):
        # (an object given a predicate is described, not done: "called the protests treasonous")
        return head
    if noun.dep_ in OBJECTS and head.pos_ == "VERB" and head.lemma_.lower() in rules.conveying_verbs \
            and noun.lemma_.lower() in rules.performed_nouns:
        return head  # "sent his condolences to Trump": condolences sent are offered
    if noun.dep_ == "oprd" and head.pos_ == "VERB" and head.lemma_.lower() in rules.light_verbs \
            and not any(c.dep_ in OBJECTS for c in head.children):
        return head  # "called a general strike", parsed as "called (it) a strike": with no object, the event is it
    if noun.dep_ in PASSIVE_SUBJECTS and head.lemma_.lower() in rules.light_verbs:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" and head.head.lemma_.lower() in rules.light_verbs:
        return head.head  # "participated in sanctions", "took part in the talks"
    if noun.dep_ == "pobj" and head.lower_ in TALK_SETTINGS and head.head.pos_ in ("VERB", "AUX") \
            and rules.theme_class(noun.lemma_.lower()) == "talks" and (pobjs(noun, frozenset({"with", "to"})) or any(
                c.dep_ == "poss" for c in noun.children)):
        # "Putin, in a telephone conversation with Chirac, discussed Chechnya", "during his visit to China, Lula
        # signed 15 agreements", "after talks with Biden, Xi said": whoever does what the clause tells holds the talks
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("VERB", "AUX") \
            and head.head.lemma_.lower() in STATE_VERBS:
        return head.head  # "went on strike", "are on strike": whoever goes or is on strike strikes
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in rules.travel_verbs and noun.lemma_.lower() in rules.noun_classes["talks"]:
        return head.head  # "flew to Riyadh for talks", "arrived for a summit": whoever travels for a meeting meets
    if noun.dep_ == "pobj" and head.lower_ == "in" and noun.lemma_.lower() == "protest" and head.head.pos_ == "VERB" \
            and not any(c.dep_ in ("det", "poss") for c in noun.children):
        return head.head  # "burned their headscarves in protest", "resigned in protest": whoever does it protests
    return None


STATE_VERBS = frozenset({"go", "be", "remain", "stay", "come", "walk"})


AGREED_WITH = frozenset({"to", "with"})
"""Prepositions of an agreed act that name whom the agreement is with: "agreed to return the villages to Azerbaijan"."""

TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning"})
"""What a view, a question or a report is about: "views on the conflict", "a question about the talks"."""


def joined(talks: Token, rules: Rules) -> list[Token]:
    """The body that talks on joining it are with: "suspended talks on joining the European Union", "talks on EU
    membership"."""
    topics = [g for p in talks.children if p.dep_ == "prep" and p.lower_ in TOPIC_PREPS
              for g in p.children if g.dep_ in ("pcomp", "pobj")]
    return [o for g in topics if g.lemma_.lower() == "join" for o in g.children if o.dep_ in OBJECTS] + [
        c for g in topics if g.lemma_.lower() in rules.joining_nouns
        for c in [*g.children, *pobjs(g, frozenset({"of", "to"}))] if c.dep_ in ("compound", "pobj")]


def _noun_frame(noun: Token, trigger: Trigger, ctx: Context) -> Frame | None:
    rules = ctx.rules
    of_objs = pobjs(noun, frozenset({"of"}))
    # (a body's of-phrase is whom the act is done to, as its object is: "the dissolution of the opposition party";
    # so is anyone's of a noun of what is done to people: "the expulsion of Indian diplomats" expels them)
    # (with `object: target`, the of-phrase is what the act falls on, as the verb's object would be: "the blockade of
    # Ukrainian ports" is on Ukraine)
    themes = [] if trigger.possessor == "target" or trigger.object == "target" else \
        [o for o in of_objs if theme_class(o, rules) not in rules.acted_on_classes | {None}]
    # (what a ban or a curb falls on sets its kind too: "a ban on the opposition party" is no embargo)
    classes = [compound_class(noun, rules)] + [theme_class(o, rules) or _type_class(o, ctx) for o in of_objs] \
        + [theme_class(o, rules) or _type_class(o, ctx) for o in pobjs(noun, frozenset({"on"}))]
    # (and who carries it out: "unions called a strike", "teachers staged a strike" strike as labour does; a carrier's
    # own word, which may be of a class of modifiers)
    light = _light_verb(noun, rules)
    if light is not None:
        classes += [rules.theme_class(c.lemma_.lower()) or theme_class(c, rules) for c in [*(c for c in light.children if c.dep_ in SUBJECTS),
                                                    *(by_agents(light) if noun.dep_ in PASSIVE_SUBJECTS else [])]]
    action = pick_sense(trigger, classes)
    if action is None and trigger.state_action is not None and any(
            o.i not in ctx.res.demonym_tokens and ctx.kind(resolve_np(o, ctx)) == "Country" for o in of_objs):
        action = trigger.state_action  # "the suspension of Niger": a body acting on a member state, as the verb's
    if action is None and pobjs(noun, frozenset({"against"})) and light is not None \
            and (doers := actor_keys([c for c in light.children if c.dep_ in SUBJECTS], ctx)) \
            and all(ctx.armed(d) for d in doers):
        # "the Pakistani army launched an operation against militants": what forces launch against someone is one of
        # force, as a military one is (not a rescue or an election campaign, which are against no one)
        action = pick_sense(trigger, ["combat"])
    if action is None:
        return None
    actors: list[str] = []
    agents = pobjs(noun, frozenset({"by", "from"} if trigger.object == "target" else {"by"}))
    # "Navalny's arrest by Russian police": with a by-phrase the possessive is the one acted on; with an
    # of-object ("Russia's arrest of Navalny") or on a noun of doing ("Russia's invasion") it is the doer
    patient_possessive = bool(pobjs(noun, frozenset({"by"}))) or (trigger.possessor == "target" and not of_objs)
    possessed = [c for c in noun.children if c.dep_ == "poss"] if patient_possessive else []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child not in possessed:
            # "US-China trade talks", "Russia-Ukraine war": a pair joined by a hyphen names both parties
            paired = [c for c in child.children if c.dep_ == "compound" and c.i == child.i - 2
                      and c.doc[c.i + 1].text == "-"]
            for modifier in (*paired, child):
                # ("his support for Trump" is the person's, as "West's support" is, not his country's)
                found = possessor_person(modifier, ctx) or modifier_key(modifier, ctx)
                if found and found not in actors:
                    actors.append(found)
    # "a lawsuit filed by Mexico against the United States", "sanctions imposed by the EU on Russia": a participle
    # describing the event noun names its doer and its target
    # (not those it is mediated or hosted by: "the talks, mediated by Qatar and Egypt" are not theirs)
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in rules.mediating_verbs]
    agents += [p for v in participles for p in by_agents(v)]
    actors += [k for k in phrase_keys(agents, ctx) if k not in actors]
    if light is not None:
        # the subject of "launched an incursion" / "joined sanctions" does the nominal event
        subj = [c for c in light.children if c.dep_ in SUBJECTS]
        # ("the protest was organised by students", "the strike was called by unions": a passive's by-phrase)
        passive_light = noun.dep_ in PASSIVE_SUBJECTS and noun.head.i == light.i
        light_actors = actor_keys(by_agents(light), ctx) if passive_light else \
            actor_keys(subj, ctx) if subj else controller(light, ctx)
        actors = light_actors or actors
    if not actors and (action in rules.symmetric_actions or trigger.reciprocal) and not (
            noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPS):
        # "clashes between police and protesters", "talks between Seoul and Kyiv" (not a topic: "your views on the
        # conflict between Armenia and Azerbaijan" tells of no fighting)
        actors = phrase_keys(pobjs(noun, frozenset({"between", "among"})), ctx)
        if not actors and noun.dep_ in SUBJECTS | PASSIVE_SUBJECTS and noun.head.pos_ in ("VERB", "AUX"):
            # "fighting erupted between Armenia and Azerbaijan", "talks were held between Israel and Hamas": the
            # parser hangs the parties on the verb that says the event happens
            actors = phrase_keys(pobjs(noun.head, frozenset({"between", "among"})), ctx)
    # "came under attack by Iraqi militias", "Iran faced criticism from the EU": the one who undergoes the event
    # heads the verb (the parser may hang the doer on it too)
    under = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX") else None
    if under is None and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX") and pobjs(noun, frozenset({"by", "from"})) \
            and (noun.head.lower_ in ("despite", "amid") or (noun.head.lower_ == "against" and not _force_act(noun, rules))):
        # "despite pressure from Washington, India continued to buy Russian oil", "amid criticism from the EU": the one
        # who goes on in spite of it undergoes it, from whoever the noun names (as does one who defends something
        # against it: "defended the reform against criticism from the United States"; force answered is the
        # answer's, "retaliated against attacks from Azerbaijan")
        under = noun.head.head
    if under is None and noun.dep_ in OBJECTS and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in rules.undergoing_verbs:
        under = noun.head
    undergone_by = pobjs(under, frozenset({"by", "from"})) + pobjs(noun, frozenset({"by", "from"})) if under is not None else []
    if not actors and under is not None:
        actors = phrase_keys(undergone_by, ctx)
    if not actors and is_a(action, "Retreat") and trigger.possessor == "target":
        # "demanded their release", "the release of the journalists held by Iran": people freed with no one named
        # to free them are freed by whoever took or holds them (a participle on them, or an act told before)
        actors = _captors([o for o in of_objs if o not in themes] + possessed, ctx)
    if not actors and light is None:
        actors = _nominal_controller(noun, ctx)
    target_preps = (rules.target_preps | trigger.aimed) - trigger.venues
    target_tokens = pobjs(noun, target_preps) + _addressed(noun, trigger, ctx) + [o for o in of_objs if o not in themes] \
        + possessed
    if is_a(action, "Request"):
        # "Russia's appeal for talks with Ukraine": what is asked for names whom, as with "called for talks with"
        target_tokens += _sought_targets(noun, ctx)
    if rules.theme_class(noun.lemma_.lower()) == "talks":
        # (the parser may hang the topic on the light verb: "will hold talks on joining NATO")
        target_tokens += joined(noun, rules) or (joined(light, rules) if light is not None else [])
    target_tokens += [p for v in participles if any(a.dep_ == "agent" for a in v.children) for p in pobjs(v, rules.target_preps)]
    if light is not None and noun.dep_ == "compound":
        target_tokens += pobjs(noun.head, target_preps)  # "a bombing campaign against ISIS", "mediation efforts between"
    target_tokens += [p for t in themes for p in pobjs(t, rules.target_preps)]  # "withdrawal of forces from Panama"
    visited: list[str] = []
    if light is not None:
        # (force is launched at someone, "launched airstrikes at Hamas targets"; anything else happens at a place:
        # "filed a case against Israel at the ICJ")
        material = is_a(action, "Assault") or is_a(action, "Coerce") or is_a(action, "Threaten")
        preps = target_preps if material else target_preps - {"at"}
        if light.lemma_.lower() in rules.travel_verbs:
            # "flew to Riyadh for talks", "arrived in Beijing for a summit": where one travels to meet is whom one
            # meets when no one else is named, unless it is one's own country ("returned to Moscow for talks")
            own = {ctx.country(a) or a for a in actors}
            # ("left for Algiers for talks": a for-phrase may name where, too)
            visited = [k for k in phrase_keys(pobjs(light, frozenset({"to", "in", "for"})), ctx)
                       if (ctx.country(k) or k) not in own]
            preps = preps - {"to", "for"}
        if not in_setting(noun, light, rules):
            # (talks a clause is set in meet no one the clause's verb names: "agreed to US mediation in talks with")
            target_tokens += pobjs(light, preps) + _addressed(light, trigger, ctx)
    made: list[Token] = []
    if under is not None:
        # "Seoul has been under pressure from Kyiv", "US troops came under attack": the one under it is the target
        undergoers = [c for c in under.children if c.dep_ in SUBJECTS]
        if not undergoers and under.dep_ == "advcl" and under.tag_ == "VBG":
            # "Pakistan test-fired a missile, drawing a protest from India": a participle's subject is its clause's
            undergoers = [c for c in under.head.children if c.dep_ in SUBJECTS]
        # ("the decision by Moscow to suspend grain exports drew criticism from Kyiv": a decision or an act that
        # draws it stands for whoever made it)
        made = [u for u in undergoers if resolve_np(u, ctx) is None and u.pos_ == "NOUN"]
        undergoers = [u for u in undergoers if u not in made]
        target_tokens = [t for t in target_tokens if t not in undergone_by] + undergoers
    # ("the police shooting of Walter Wallace sparked riots": protests an act causes are against its doer, as a
    # comment on it is, not against whom it hit)
    doers, target_tokens = _on_acts(target_tokens, ctx, is_a(action, "Accuse"), victims=not is_a(action, "Protest")) \
        if action in rules.act_comments else ([], target_tokens)
    doers += [k for u in made for k in act_doers(u, ctx, victims=False)]
    if under is not None and noun.dep_ in OBJECTS and is_a(action, "Protest"):
        acts = [t for t in target_tokens if hostile_act(t, rules)]
        doers += [k for a in acts for k in act_doers(a, ctx, victims=False)]
        target_tokens = [t for t in target_tokens if t not in acts]
    targets = [k for k in dict.fromkeys(doers + phrase_keys(target_tokens, ctx)) if k not in actors] \
        or [k for k in visited if k not in actors] or _coerced_at_home(target_tokens, actors, action, ctx)
    return Frame(noun, action, tuple(actors), tuple(targets), _nominal_theme(noun, action, themes, light, rules))


def _patient_trigger(noun: Token, rules: Rules) -> Trigger | None:
    """The trigger of an act noun whose possessive names whom it is done to ("Navalny's arrest"), else None."""
    trigger = rules.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return trigger if trigger is not None and trigger.possessor == "target" else None


def _possessed_patient(act: Token, rules: Rules) -> bool:
    """An act noun whose possessive names whom it is done to: "Navalny's arrest", "their release" (with an
    of-object it names the doer: "Russia's arrest of Navalny")."""
    return _patient_trigger(act, rules) is not None and not pobjs(act, frozenset({"of"}))


def _is_release(noun: Token, rules: Rules) -> bool:
    """A noun of freeing people ("the release of the hostages", "their release")."""
    trigger = _patient_trigger(noun, rules)
    return trigger is not None and trigger.evokes("Retreat")


def _captors(captives: list[Token], ctx: Context) -> list[str]:
    """Whoever took or holds these people: by a participle on them ("journalists held by Iran"), else as told."""
    held = [p for c in captives for acl in head_noun(c).children
            if acl.dep_ == "acl" and acl.lemma_.lower() in ctx.rules.taking_verbs for p in by_agents(acl)]
    if held:
        return phrase_keys(held, ctx)
    keys = [(c, resolve_np(c, ctx)) for c in captives]
    found = list(dict.fromkeys(k for _, key in keys if key for k in ctx.captors(key)))
    if not found and any((theme_class(head_noun(c), ctx.rules) == "captives" and key is None)
                         or c.lower_ in ("his", "her", "their") for c, key in keys):
        # "Hamas took 250 Israelis hostage. Israel demanded the release of the hostages", "police arrested a
        # journalist. RSF demanded his release": captives named again, or by a pronoun, are those last taken
        found = list(ctx.last_captors())
    return found


def _sought_targets(head: Token, ctx: Context) -> list[Token]:
    """Whom what a verb or a noun is for names: "mobilized reservists for a war against Iraq", "called for sanctions
    against Nigeria", "Russia's appeal for talks with Ukraine" (a for-phrase naming a party is read as any phrase is)."""
    rules = ctx.rules
    found: list[Token] = []
    for pobj in pobjs(head, frozenset({"for"})):
        if resolve_np(pobj, ctx) is None:
            # (an at-phrase is a setting: "petitioned the court for a ruling at the request of Johnson" asks nothing of
            # Johnson; an on-phrase of no act is a topic: "a ruling on the prorogation of parliament")
            acting = pobj.lemma_.lower() in rules.nouns or theme_class(pobj, rules) is not None
            preps = rules.target_preps - {"at"} - (frozenset() if acting else TOPIC_PREPS)
            found += pobjs(pobj, _unless_topic(pobj, preps, rules))
    return found


def _unless_topic(noun: Token, preps: frozenset[str], rules: Rules) -> frozenset[str]:
    """The prepositions whose objects a noun's phrase offers as targets, less those of a meeting's topic: "met for a
    summit on Ukraine", "hosted a summit on Ukraine" meet no Ukraine ("talks with Ukraine" do)."""
    return preps - TOPIC_PREPS if theme_class(noun, rules) == "talks" else preps


def _own_mission(mission: Token, actors: list[str], ctx: Context) -> bool:
    """A mission noun whose owner is the actor, by a pronoun ("its embassy") or by name ("Britain's embassy")."""
    owners = [c for c in mission.children if c.dep_ == "poss"]
    return bool(owners) and all(o.lower_ in ("its", "their") or resolve_np(o, ctx) in actors for o in owners)


def _addressed(holder: Token, trigger: Trigger, ctx: Context) -> list[Token]:
    """A state named by a venue preposition is whom the act is brought to, not where: "lodged a complaint with Tokyo"
    (a body is where it is brought: "a complaint with the WTO"); so is whom a phrase after the venue names."""
    if not trigger.venues:
        return []  # (most triggers: no phrase to look at)
    venues = pobjs(holder, trigger.venues)
    # ("filed a complaint with the Security Council against Israel": the parser hangs the phrase that follows a
    # venue on the venue's noun, but a body is not what a complaint is brought against)
    beyond = [p for v in venues for p in pobjs(v, ctx.rules.target_preps - trigger.venues)]
    # (`pobjs` also gives an indirect object, which no preposition heads: it is addressed as before)
    return [p for p in venues if (p.dep_ == "dative" or p.head.lower_ in ctx.rules.target_preps)
            and ctx.kind(resolve_np(p, ctx) or "") == "Country"] + beyond


def _nominal_theme(noun: Token, action: str, themes: list[Token], light: Token | None, rules: Rules) -> Token | None:
    """What a nominal event moves or uses: an of-object of a class ("the deployment of troops"); for an event
    a light verb reports ("carried out a missile test"), else a modifier naming one, or, for an event that
    stands without a target, the noun itself when it names its class ("held military exercises"). (A
    noun alone mostly refers back to an event told before: "after Pyongyang's troop deployment".)"""
    if themes:
        return themes[0]
    if light is None:
        return None
    found = class_modifier(noun, rules)
    if found is None and action in rules.untargeted and theme_class(noun, rules) is not None:
        found = noun
    return found


def _nominal_controller(noun: Token, ctx: Context) -> list[str]:
    """Who does a nominal event named as what is weighed or planned: "prompts South Korea to
    reconsider the possibility of direct arms supplies" -> South Korea; or as what someone claims,
    takes or denies responsibility for: "Al-Shabaab claimed responsibility for the attack"."""
    cues = ctx.rules.modality
    node = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() == "responsibility":
        holder = noun.head.head
        if holder.dep_ in OBJECTS and holder.head.pos_ == "VERB":
            return actor_keys([c for c in holder.head.children if c.dep_ in SUBJECTS], ctx)
    if noun.dep_ in OBJECTS and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in ctx.rules.claiming_verbs:
        # "Islamic State claimed the bombing": an act claimed as one's object is claimed as one's own
        return actor_keys([c for c in noun.head.children if c.dep_ in SUBJECTS], ctx)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "to") and noun.head.head.dep_ == "acomp" and \
            noun.head.head.lemma_.lower() in cues.planned_adjectives | cues.open_adjectives:
        # "Serbia is ready for talks with Kosovo", "open to dialogue with": whoever is ready for an act would do it
        return actor_keys([c for c in noun.head.head.head.children if c.dep_ in SUBJECTS], ctx)
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            holder = node.head.head
            if holder.lemma_.lower() not in cues.considered_nouns | cues.planned_nouns:
                return []
            node = holder
            continue
        if node.dep_ in OBJECTS and node.head.pos_ == "VERB":
            verb = node.head
            # ("has not ruled out a strike on Iran": an option kept open is weighed)
            if verb.lemma_.lower() not in cues.considered_verbs | cues.planned_verbs | cues.open_when_negated \
                    or any(c.dep_ == "oprd" for c in verb.children):
                return []  # (nor what is described: "called the protests treasonous")
            subj = [c for c in verb.children if c.dep_ in SUBJECTS]
            return actor_keys(subj, ctx) if subj else controller(verb, ctx)
        return []
    return []


def _is_nominal_of_verb_trigger(noun: Token, rules: Rules) -> bool:
    """A theme noun of a verb trigger ("send aid"): the verb tells the event, not the noun. A noun
    no sense of the verb takes ("resumed talks") is an event of its own under a light verb."""
    head = noun.head
    if noun.dep_ == "ROOT":
        # ("USAID suspended aid to Ethiopia", read as a noun phrase: a verb the parser hung on a sentence's head noun
        # as a participle is its verb)
        head = next((c for c in noun.lefts if c.dep_ == "amod" and c.tag_ in ("VBN", "VBD")), noun)
    elif noun.dep_ not in OBJECTS | PASSIVE_SUBJECTS:
        return False
    if head.lemma_.lower() not in rules.verbs:
        return False
    if _light_use(head, noun, rules):
        return False
    senses = rules.verbs[head.lemma_.lower()].senses
    if noun.dep_ in PASSIVE_SUBJECTS and not any(c.dep_ == "agent" for c in head.children) \
            and all(s.action in rules.act_comments for s in senses if s.action):
        return False  # "Russia's offer of aid was rejected": a comment by no one named leaves the act commented on
    return any(s.theme is None for s in senses) or theme_class(noun, rules) in {s.theme for s in senses}


def _light_use(verb: Token, noun: Token, rules: Rules) -> bool:
    """ "called a nationwide strike", "called a meeting": a light verb whose object is an event noun no
    sense of the verb names tells that noun's event, not its own; not a phrasal verb ("called off a strike")."""
    lemma = verb.lemma_.lower()
    if lemma not in rules.light_verbs or noun.lemma_.lower() not in rules.nouns or any(c.dep_ == "prt" for c in verb.children):
        return False
    trigger = rules.verbs.get(lemma)
    if lemma in rules.modality.planned_verbs and all(
            s.action and action_types()[s.action].quad == "material-cooperation" for s in rules.nouns[noun.lemma_.lower()].senses):
        return False  # "pledged aid to Niger", "offered aid": material help promised is a promise (CAMEO 033), not given
    return trigger is None or theme_class(noun, rules) not in {s.theme for s in trigger.senses if s.theme}


def frame_at(token: Token, ctx: Context, lexicon: Lexicon | None) -> tuple[Frame, Trigger, Token | None] | None:
    """The frame a token evokes, with its trigger entry and light verb: a stance predicate, a verb
    (hand-written trigger first, then the CAMEO dictionary) or an event noun; None for any other token."""
    rules = ctx.rules
    lemma = token.lemma_.lower()
    pos = token.pos_  # (read once: every token of every sentence comes here)
    if pos == "NOUN" and any(c.dep_ in ("nsubj", "dobj") or (c.dep_ == "aux" and c.lower_ == "to" and token.dep_ in CLAUSE_DEPS)
                             for c in token.children):
        # "offered to host talks", a headline's "Thousands protest in Belgrade", "Pakistan expels Afghan refugees":
        # the tagger took the verb for a noun, the parser did not (a noun never has a subject or an object)
        pos = "VERB"
    word = _predicate_word(token, lemma, rules)
    if word is not None and _is_predicate(token):
        trig = Trigger(word, (Sense(rules.predicates[word]),), "target")
        frame = _predicate_frame(token, trig, ctx)
        return (frame, trig, None) if frame else None
    if pos == "VERB" and token.dep_ == "prep":
        return None  # a verb form heading a prepositional phrase is a preposition: "according to", "following"
    if pos == "VERB":
        if lemma in rules.dismissal_verbs and _dismisses(token, ctx):
            return None
        if lemma in rules.opinion_verbs and _opinion(token, ctx):
            return None
        if lemma in rules.foretelling_verbs and _foretells(token, ctx):
            return None
        if lemma in rules.ruling_verbs and (ruling := _ruling_frame(token, ctx)) is not None:
            return ruling, RULING, None
        if lemma in rules.sighting_verbs and (sighted := _sighting_frame(token, ctx)) is not None:
            return sighted, SIGHTING, None
        if lemma in rules.undergoing_verbs and _event_object(token, rules) and not _own_theme(token, rules):
            return None  # "received an endorsement from Sanders": the noun tells the event its subject undergoes
        if lemma in rules.electoral_verbs and any(rules.theme_class(t.lemma_.lower()) == "campaign" for t in token.sent):
            return None  # "entered the race to defeat Donald Trump": votes won, no force
        whole = phrasal(token, lemma, rules)
        if whole in rules.silenced_verbs:
            return None  # a bare `action: null`: no event at all, not the dictionary's either ("fled to the embassy")
        entry = lexicon.entry(token) if lexicon is not None else None
        # "received the Saudi crown prince", "hosted talks between ..." host; "received her degree" is no event
        # unless a pattern of the dictionary says so
        thing_object = lemma in rules.actor_object_verbs and _thing_object(token, lemma, ctx)
        # (the documents test last, and only where the dictionary is asked: it reads every object's class)
        plain = lemma not in rules.pattern_only_verbs and not thing_object and not (
            lemma in rules.nulled_themes and _ruled_out(token, lemma, rules))
        if entry is not None and len(entry.words) > 1 and token.dep_ not in MODIFIER_DEPS:
            # a phrasal verb of the dictionary ("called off a strike") is more specific than the bare verb's trigger
            # (and a phrasal trigger of the rules more than the dictionary's: "called off planned protests")
            hand = rules.verbs.get(whole) if whole != lemma else None
            frame = _verb_frame(token, hand, ctx) if hand is not None else None
            if frame is not None:
                return frame, hand, None
            match = lexicon.match(token, plain and not _handles_papers(token, rules))
            found = _lexicon_frame(token, match, ctx) if match else None
            if found:
                return found[0], found[1], None
        if lemma in rules.street_verbs and any(
                o.lemma_.lower() in rules.street_nouns for o in [*(c for c in token.children if c.dep_ in OBJECTS),
                                                                   *pobjs(token, STREET_PREPS)]):
            # "thousands took to the streets of Khartoum", "protesters flooded the streets": a protest where it
            # happens (the streets' town is a place, not a party)
            return _construction(token, Trigger(lemma, (Sense("Protest"),), "theme"), ctx, targets=False)
        answered = [p for p in pobjs(token, frozenset({"to"})) if _force_act(p, rules)] if lemma in rules.answering_verbs else \
            [o for o in token.children if o.dep_ in OBJECTS and _force_act(o, rules)] if lemma in rules.repelling_verbs else []
        if answered:
            # "responded to the attack by Hamas with airstrikes", "vowed to respond to any Israeli attack", "repelled a
            # Ukrainian attack": force answering or meeting force, aimed at whoever used it (never where it hit: "will
            # respond to the shelling of Belgorod")
            found = _construction(token, Trigger(lemma, (Sense("Assault"),), "target"), ctx)
            doers = tuple(dict.fromkeys(k for a in answered for k in act_doers(a, ctx, victims=False)))
            return (replace(found[0], targets=tuple(k for k in doers if k not in found[0].actors)), *found[1:]) if found else None
        if lemma in rules.phone_verbs and any(p.lemma_.lower() in rules.phone_means for p in pobjs(token, PHONE_PREPS)):
            # "the foreign ministers of India and China spoke by phone", "Putin spoke with Erdogan by telephone"
            return _construction(token, Trigger(lemma, (Sense("Consult"),), "target", reciprocal=True), ctx)
        if lemma in rules.ultimatum_verbs and _ultimatum(token, rules):
            # "gave the junta a week to reinstate the president": a time given to do something is an ultimatum to
            # whom it is given (CAMEO 139), and what they are to do is demanded of them, not done
            found = _construction(token, Trigger(lemma, (Sense("Threaten"),), "target", absorb_complement=True), ctx)
            return (replace(found[0], cameo=rules.ultimatum_code), *found[1:]) if found else None
        if lemma in rules.assembly_verbs and any(c.dep_ in SUBJECTS and _protesters(c, rules) for c in token.children):
            # "protesters gathered outside the US embassy": an assembly of protesters is their protest
            return _construction(token, Trigger(lemma, (Sense("Protest"),), "target"), ctx)
        if lemma in rules.describing_verbs and any(c.dep_ == "oprd" and c.pos_ != "PROPN" for c in token.children):
            return None  # "called the deal 'lousy'", "called Trump a national embarrassment": a description (accusations)
        lemma = verdict(token, rules) or phrasal(token, _hyphenated(token, lemma, rules.verbs), rules)  # "were found guilty": "were convicted"
        if lemma in rules.verbs and _asks(token, lemma, rules) and not thing_object \
                and not any(c.dep_ in OBJECTS and _light_use(token, c, rules) for c in token.children):
            trig = rules.verbs[lemma]
            frame = _verb_frame(token, trig, ctx)
            if frame:
                return frame, trig, None
        # a verb of saying with an object predicate is a verdict, not a report: "were found guilty"
        # (nor a call that asks nothing of the party it names, which is a phone call, the dictionary's 041: "Joe Biden
        # called Zelensky on Tuesday")
        phoned = lemma in rules.asking_preps and any(c.dep_ == "dobj" and c.i in ctx.res.token_keys for c in token.children)
        reports = lemma in rules.structural_verbs and not any(c.dep_ == "oprd" for c in token.children) and not phoned
        if lexicon is not None and (token.dep_ not in MODIFIER_DEPS or _object_read_as_head(token, ctx) is not None) \
                and not _carries_nominal(token, rules) and not reports:
            match = lexicon.match(token, plain and not _handles_papers(token, rules))
            found = _lexicon_frame(token, match, ctx) if match else None
            return (found[0], found[1], None) if found else None
        return None
    if pos == "NOUN":
        lemma = _hyphenated(token, lemma, rules.nouns)
    if pos == "NOUN" and lemma in rules.nouns and not _is_nominal_of_verb_trigger(token, rules):
        trig = rules.nouns[lemma]
        if lemma in rules.appeal_nouns and (pobjs(token, frozenset({"for"})) or any(
                c.dep_ == "acl" and to_infinitive(c) for c in token.children)):
            # "Russia's call for talks with Ukraine", "renewed his call for a ceasefire": a call that asks for something
            # is an appeal, as calling for it is (a call alone is one by telephone)
            trig = rules.nouns[rules.appeal_nouns[lemma]]
        frame = _noun_frame(token, trig, ctx)
        return (frame, trig, _light_verb(token, rules)) if frame else None
    return None


def _opinion(verb: Token, ctx: Context) -> bool:
    """ "agreed with the nationalization of the Fed", "agreeing the sponsor should be nonpartisan": agreement with an
    idea, or that something is so, with no one named to agree with and nothing to do (not "agreed with Russia",
    "agreed to the proposal", "agreed to withdraw")."""
    if any(c.dep_ == "xcomp" for c in verb.children) or pobjs(verb, frozenset({"to", "on"})):
        return False
    withs = pobjs(verb, frozenset({"with"}))
    if any(resolve_np(w, ctx, 0) is not None for w in withs):
        return False
    # (a clause of what will be done is agreed: "agreed that talks would resume")
    future = ctx.rules.modality.planned_auxiliaries | {"would"}
    return bool(withs) or any(c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ in future for a in c.children)
                              for c in verb.children)


RULING = Trigger("rule", (Sense("Accuse"),), "target")
"""The trigger of a ruling that an act is unlawful (`_ruling_frame`)."""

SIGHTING = Trigger("sight", (Sense("Mobilize"),), "theme")
"""The trigger of another state's forces sighted near a state (`_sighting_frame`)."""

NEAR_PREPS = frozenset({"near", "around", "off", "toward", "towards", "into", "over"})
"""Where forces are seen: "near the island", "off Hokkaido", "into its air defence zone"."""


def _sighting_frame(verb: Token, ctx: Context) -> Frame | None:
    """Forces of a state sighted by another: a show of force by the first to the one that sees them, else to the
    place they are seen near ("Taiwan detected 30 Chinese military aircraft near the island"); None when what is
    seen is no forces of a state named by a modifier."""
    rules = ctx.rules
    forces = [o for o in (head_noun(c) for c in verb.children if c.dep_ in OBJECTS)
              if o.lemma_.lower() in rules.platform_nouns or theme_class(o, rules) in ("troops", "weapons")]
    # (one owner per state: "Chinese military aircraft" are China's, not also its military's besides)
    by_state: dict[str, str] = {}
    for k in (k for o in forces for k in modifier_owners(o, ctx)):
        if ctx.kind(state := ctx.country(k) or k) == "Country":
            by_state.setdefault(state, k)
    owners, own = list(by_state.values()), set(by_state)
    if not owners:
        return None
    watchers = [k for k in actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx) if (ctx.country(k) or k) not in own]
    near = [k for k in phrase_keys(pobjs(verb, NEAR_PREPS) + [p for o in forces for p in pobjs(o, NEAR_PREPS)], ctx)
            if (ctx.country(k) or k) not in own]
    targets = watchers or near
    return Frame(verb, "Mobilize", tuple(owners), tuple(targets), forces[0]) if targets else None


def _ruling_frame(verb: Token, ctx: Context) -> Frame | None:
    """ "The court found Johnson's advice to the Queen unlawful", "ruled that the suspension of Parliament by Boris
    Johnson was unlawful", "a judge ruled Trump's travel ban unconstitutional": a ruling that an act is unlawful
    condemns whoever did it (or whoever is ruled so: "declared the junta illegitimate"), as one against someone does
    ("ruled against Turkey"). The small model parses the unlawful word anywhere in the verb's phrase, so it is looked
    for there, after the verb."""
    words = ctx.rules.unlawful_words
    unlawful = next((t for t in verb.subtree if t.i > verb.i and t.lemma_.lower() in words), None)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if unlawful is None:
        # "the European Court of Human Rights ruled against Turkey": a ruling against someone condemns them
        against = pobjs(verb, frozenset({"against"}))
        if not against or not subjects:
            return None
        actors = actor_keys(subjects, ctx)
        targets = [k for k in phrase_keys(against, ctx) if k not in actors]
        return Frame(verb, "Accuse", tuple(actors), tuple(targets), None) if actors and targets else None
    actors = actor_keys(subjects, ctx) if subjects else controller(verb, ctx)
    ruled = [c for c in verb.children if c.dep_ in OBJECTS] + [
        s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
    targets: list[str] = []
    for thing in [*ruled, unlawful]:
        noun = head_noun(thing)
        named = ctx.res.token_keys.get(noun.i)
        found = [named] if named else act_doers(noun, ctx, victims=False)
        targets += [k for k in found if k not in actors and k not in targets]
    return Frame(verb, "Accuse", tuple(actors), tuple(targets), None) if actors and targets else None


def _foretells(verb: Token, ctx: Context) -> bool:
    """ "warned Brazil that the virus could spread", "warned the administration that Giuliani could be a conduit": a
    warning that something or someone else will do harm foretells it, no threat by the one who warns (as "warned
    Iran that it would retaliate", where the warner or the warned is its subject, or "that Hezbollah would pay a
    heavy price", a fate)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    parties = set(actor_keys([c for c in verb.children if c.dep_ in SUBJECTS | OBJECTS], ctx))
    parties |= {c for p in parties if (c := ctx.country(p))}
    for clause in clauses:
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        if not subjects or clause.lemma_.lower() in ctx.rules.fates:
            return False
        if any(theme_class(head_noun(s), ctx.rules) in ("sanctions", "retaliation")
               and pobjs(head_noun(s), frozenset({"against", "on"})) for s in subjects):
            # "warned that further sanctions against Moscow would follow": measures aimed at someone are the warner's
            # own (unlike "warned that sanctions would hurt ordinary Iranians", a harm foretold)
            return False
        keys = actor_keys(subjects, ctx)
        # (the warner's or the warned's own organs are them: "Russia warned that its forces would respond"; another
        # person of their country is not: "Trump warned that Biden could destroy the growth")
        if any(k in parties or (ctx.kind(k) != "Person" and ctx.country(k) in parties) for k in keys):
            return False
    return True


def _dismisses(verb: Token, ctx: Context) -> bool:
    """ "fired the interior minister", "sacked 300 workers": the verb's object is a person, so a job ends."""
    for obj in verb.children:
        if obj.dep_ not in (PASSIVE_SUBJECTS if is_passive(verb) else OBJECTS):
            continue
        noun = head_noun(obj)
        entity = ctx.entity(ctx.res.token_keys.get(noun.i))
        if noun.ent_type_ == "PERSON" or (entity is not None and (entity.kind == "Person" or entity.sector)):
            return True
        lemma = noun.lemma_.lower()
        if lemma in ctx.agent_words or lemma in ctx.rules.role_nouns or lemma in ctx.rules.people_nouns:
            return True
    return False


def _construction(verb: Token, trigger: Trigger, ctx: Context, targets: bool = True) -> tuple[Frame, Trigger, None] | None:
    """The frame of a verb that a construction, not its lemma, makes a trigger ("took to the streets"); with
    `targets` False, its targets are left for where it happens to give."""
    frame = _verb_frame(verb, trigger, ctx)
    if frame is None:
        return None
    return (frame if targets else replace(frame, targets=())), trigger, None


def _ultimatum(verb: Token, rules: Rules) -> bool:
    """A time given to someone to do something: a time noun as object ("gave the junta a week") or an until-phrase
    ("gave Hamas until Saturday"), someone it is given to, and a to-infinitive of what they are to do."""
    # (the small model often reads the time as an adverbial noun: "gave Ukraine a week")
    objects = [c for c in verb.children if c.dep_ in OBJECTS | {"dative", "npadvmod"}]
    times = [o for o in objects if o.lemma_.lower() in rules.ultimatum_times]
    until = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in rules.ultimatum_until]
    given = [o for o in objects if o not in times]
    acts = [c for c in (*verb.children, *(a for t in times for a in t.children))
            if c.dep_ in ("advcl", "xcomp", "relcl", "acl") and c.tag_ == "VB" and to_infinitive(c)]
    return bool((times or until) and given and acts)


def _thing_object(verb: Token, lemma: str, ctx: Context) -> bool:
    """No object of a verb that hosts or receives is an actor, an event or what a sense of its trigger gives
    ("received weapons from the US" gives; "received her degree" does not)."""
    rules = ctx.rules
    given = {s.theme for s in rules.verbs[lemma].senses if s.giver} if lemma in rules.verbs else set()
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if verb.dep_ in MODIFIER_DEPS and (flipped := _object_read_as_head(verb, ctx)) is not None:
        objects.append(flipped[1])  # ("The US hosted talks between Iran and Iraq", read as "the US-hosted talks")
    return not any(resolve_np(head_noun(c), ctx, agent=True) is not None or head_noun(c).lemma_.lower() in rules.nouns
                   or theme_class(head_noun(c), rules) in given for c in objects)


def _ruled_out(verb: Token, lemma: str, rules: Rules) -> bool:
    """ "abused the immunities of the embassy": the verb's trigger says it is no event with this object's class,
    so the dictionary's bare verb may not code it either (only its patterns may)."""
    nulled = rules.nulled_themes.get(lemma)
    return nulled is not None and any(c.dep_ in OBJECTS and theme_class(head_noun(c), rules) in nulled
                                      for c in verb.children)


def _handles_papers(verb: Token, rules: Rules) -> bool:
    """ "submitted a false tax return", "posted a video": a document handled is published or filed, not the
    act the dictionary's bare verb codes (yielding, sending); only its patterns may code it."""
    return any(c.dep_ in OBJECTS and theme_class(head_noun(c), rules) == "documents" for c in verb.children)


PHONE_PREPS = frozenset({"by", "over", "via", "on"})
STREET_PREPS = frozenset({"to", "into", "onto", "on"})


def _protesters(subject: Token, rules: Rules) -> bool:
    """A subject naming protesters: "protesters", "hundreds of demonstrators"."""
    noun = head_noun(subject)
    members = [m for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for m in p.children if m.dep_ == "pobj"]
    return any(n.lemma_.lower() in rules.protester_nouns for n in [noun, *members])


def _asks(verb: Token, lemma: str, rules: Rules) -> bool:
    """False for a verb of asking used without what makes it ask: "Trump called Biden" (not "called on", "called for")."""
    preps = rules.asking_preps.get(lemma)
    # (not a time: "called Putin on Friday"; not with a direct object, which it names or declares: "the Associated
    # Press called the election for Biden")
    objected = any(c.dep_ == "dobj" for c in verb.children)
    return preps is None or any((c.dep_ == "prep" and c.lower_ in preps and not objected and any(
        p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in c.children)) or c.dep_ in ("xcomp", "ccomp")
        # "called for NATO members to increase spending": the clause the preposition opens
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in preps for m in c.children)) for c in verb.children)


def phrasal(verb: Token, lemma: str, rules: Rules) -> str:
    """ "struck down the law", "stepped down": a verb with its particle, when the rules name the pair (the
    particle changes the event: "struck" alone attacks)."""
    for c in verb.children:
        # (the parser may take the particle for an adverb, "stepped down on Sunday", or a preposition, "pulled
        # out of the town")
        # ("pushed Russian forces out of Kherson": "out of" after the object is the particle and its phrase)
        if (c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.i == verb.i + 1)
                or (c.dep_ in ("advmod", "prep") and c.i > verb.i and _after_object(verb, c) and all(
                    x.dep_ == "prep" and x.lower_ == "of" and c.lower_ == "out" for x in c.children))) \
                and f"{lemma} {c.lower_}" in rules.verbs:
            return f"{lemma} {c.lower_}"
    # ("put Cuba back on the blacklist": the phrase may hang on the particle "back")
    preps = [c for c in verb.children if c.dep_ == "prep"] + [
        p for c in verb.children if c.dep_ in ("advmod", "prt") and c.lower_ == "back" for p in c.children if p.dep_ == "prep"]
    for c in preps:
        # a verb with a fixed prepositional phrase, when the rules name the three words: "held Barr in contempt",
        # "put Suu Kyi under house arrest" (the phrase, not the verb, tells the event)
        for p in c.children:
            if p.dep_ == "pobj" and (idiom := f"{lemma} {c.lower_} {_listed(p, rules)}") in rules.verbs:
                return idiom
    return lemma


def _listed(noun: Token, rules: Rules) -> str:
    """A noun's lemma, with a list of whom a state bars ("its list of state sponsors of terrorism", "the Entity
    List", "the terrorism list") read as the blacklist it is."""
    lemma = noun.lemma_.lower()
    if lemma == "list" and any(t.lemma_.lower() in rules.blacklist_marks for t in noun.subtree if t.i != noun.i):
        return "blacklist"
    return lemma


def _after_object(verb: Token, particle: Token) -> bool:
    """The particle follows the verb's object and nothing else: "swore her in", "called the strike off" (the
    parser may take such a particle for an adverb, or for a preposition with no object)."""
    inside = {t.i for o in verb.children if o.dep_ in OBJECTS for t in o.subtree}
    return bool(inside) and all(i in inside for i in range(verb.i + 1, particle.i))


def _hyphenated(word: Token, lemma: str, table: Mapping[str, Trigger]) -> str:
    """ "test-fired", "a sit-in": the tokenizer cuts a hyphenated word in three; its whole lemma when the
    trigger table names it (the bare verb tells another event: "fired missiles at" attacks, "test-fired
    missiles" does not; "in" alone is no protest)."""
    doc, i = word.doc, word.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        whole = f"{doc[i - 2].lower_}-{lemma}"
        if whole in table:
            return whole
    if i >= 1 and doc[i - 1].lower_ == "no" and f"no-{lemma}" in table:
        return f"no-{lemma}"  # the same word spelt open: "a vote of no confidence"
    return lemma


