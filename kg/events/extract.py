"""A parsed text -> events: the frames of each sentence, combined (complements absorbed, obligations
and accusations, own-country and place targets, symmetric parties) into `Event`s with evidence."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.actions import action_types, is_a
from kg.canonicalize import Resolution
from kg.events.context import (GENERIC_ACT, OBJECTS, PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, SUBJECTS, Context, clause_verb,
                               to_infinitive)
from kg.events.frames import (AIMED_PREPS, HOSTILE_QUADS, INCURSION_PREPS, Frame, act_doers, counted, definite_act, frame_at,
                              from_elsewhere, hostile_act, in_setting, main_verb_as_participle, phrasal, raised_objects,
                              verdict)
from kg.events.participants import (COLLECTIVE_HEADS, CROWDS, actor_keys, by_agents, companions, controller, head_noun,
                                    modifier_owners, phrase_keys, pobjs, prep_phrases, resolve_np, state_organ, theme_class)
from kg.events.qualifiers import attribution, denied, event_date, modality, quantity
from kg.gazetteer import Gazetteer, sector_key
from kg.lexicon import Lexicon, is_passive, reduced_passive
from kg.model import Document, Event, Evidence
from kg.parsed import parsed
from kg.rules import Rules, Sense


def extract(doc: Doc, document: Document, res: Resolution, gaz: Gazetteer, rules: Rules, offset: int = 0,
            lexicon: Lexicon | None = None) -> Iterator[Event]:
    """Events of one parsed text (a whole document or one chunk of it at `offset`).

    The hand-written triggers of `rules` come first; the CAMEO verb dictionary
    (`lexicon`, when given) codes the verbs they leave uncoded.
    """
    if lexicon is not None and lexicon.discards.story_discarded(document.text, document.title):
        return  # a sports or entertainment story is no political news
    doc = parsed(doc)  # the rules read each token many times: from plain Python objects, not through spaCy
    ctx = Context(doc, res, gaz, rules)
    hits = lexicon.discards.sentence_hits(doc) if lexicon is not None else []
    for number, sent in enumerate(doc.sents):
        if not sent.text.strip():
            continue
        ctx.sentence = number
        # the dictionary's broad verbs code a match or a storm as an attack: not in discarded sentences
        discarded = bisect_left(hits, sent.end_char) > bisect_left(hits, sent.start_char)
        coder = None if discarded else lexicon
        frames = []
        for token in sent:
            if found := frame_at(token, ctx, coder):
                frames.append(found)
                _remember(found[0], ctx)  # (an act told earlier in its own sentence is named again after it)
        frames = _allies(_relative_doers(_deal_parties(_absorb_complements(frames, ctx), ctx)), ctx)
        verbs = [t for t in sent if t.pos_ == "VERB"]  # what obligations and accusations hang on, found once
        obliged = _obligation_clauses(verbs, ctx)
        # "Rwandan rebels announced that Kagame must agree to changes": what is demanded has not happened
        frames = [(f, t, l) for f, t, l in frames if not any(f.trigger in c.subtree for c in obliged)]
        # "France nudged Germany to accept the deal", "dared Israel to attack": what someone is asked to do is not done
        frames = [(f, t, l) for f, t, l in frames if not _asked_of_object(f.trigger, ctx)]
        # (a deal's brokering is no complement of agreeing to the deal: "agreed to a ceasefire brokered by France")
        # (nor are talks the clause is set in: "agreed to US mediation in the talks with the Palestinians")
        fired = {f.trigger.i for f, _, light in frames if f.actors and f.targets and not f.mediated
                 and not in_setting(f.trigger, light, rules)}
        for f, _, _ in frames:
            _remember(f, ctx)  # (again, as the sentence's frames now stand)
        for frame, trig, light in frames:
            if frame.action == "Agree" and _opinion(frame.trigger):
                continue  # "all agreed that vaccines have done more good than harm": a shared opinion, no agreement
            threat = trig.denied is not None and denied(frame.trigger, rules) \
                and modality(frame.trigger, rules) == "negated"
            if threat:
                # "will not tolerate any provocation": the denial is the act ("such acts will not be tolerated", with
                # no one named as not tolerating them, is the one who says so)
                speaker = attribution(frame.trigger, ctx)[0] if not frame.actors and is_passive(frame.trigger) else None
                frame = replace(frame, action=trig.denied, cameo=None,
                                actors=frame.actors or ((speaker,) if speaker else ()))
            if not frame.actors:
                frame = _state_agent(frame, ctx)
            if not frame.actors:
                frame = _unknown_attackers(frame, ctx)
            if not frame.actors and (frame.action == "Protest" or trig.protests):  # (a rally for someone supports them)
                frame = _crowd(frame, ctx)
            if frame.action == "Protest":
                frame = _nationals_protesting(frame, ctx)
            if frame.cameo is not None and frame.action != "Protest" and not (
                    frame.action == "Assault" and any(ctx.armed(t) for t in frame.targets)):
                # the public's everyday acts are no events the dictionary may code ("people returned from Italy");
                # its protests are ("four million people took part in the protests"), and so is force it uses on
                # armed men ("Palestinian youths threw stones at Israeli soldiers")
                frame = _with_actors(frame, tuple(a for a in frame.actors if (e := ctx.entity(a)) is None
                                                  or e.sector not in rules.public_sectors))
            if frame.action in rules.unarmed_actions:
                # an organisation with no force uses none: "SpaceX launched its first crewed mission"
                frame = _with_actors(frame, tuple(a for a in frame.actors if ctx.gaz.types.get(a) not in rules.unarmed_types))
            if not frame.actors:
                continue
            if frame.action in rules.drill_actions and _in_drills(frame, light, rules):
                # "warships encircled Taiwan in large-scale exercises": force set in drills is shown, not used
                frame = replace(frame, action=rules.drill_actions[frame.action], cameo=None)
            if frame.action == "Assault" and frame.trigger.lemma_.lower() in rules.occupying_verbs:
                # ("Israeli tanks advanced into Rafah": forces named by their arms or units are armed, whoever leads them)
                if not (all(ctx.armed(a) for a in frame.actors) or any(
                        theme_class(head_noun(s), rules) in ("troops", "weapons")
                        for s in frame.trigger.children if s.dep_ in SUBJECTS)):
                    continue  # "the president entered Ukraine": only forces entering a place occupy it
                if any(c.dep_ in ("advcl", "xcomp") and to_infinitive(c) for c in frame.trigger.children):
                    # "Rwandan troops entered Mozambique to fight insurgents": forces that come for a purpose are deployed
                    # there, and do what they came for
                    frame = replace(frame, action="DeployTroops", cameo=None)
            if frame.action == "Assault" and frame.trigger.lemma_.lower() in rules.sit_in_verbs and all(
                    (e := ctx.entity(a)) is not None and e.sector and not ctx.armed(a) and not _of_state(a, ctx)
                    for a in frame.actors):
                # "students occupied the university": people of the public, unarmed, who occupy a place sit in, in
                # protest (not a party, nor a breakaway state: "the separatist Republic of Artsakh occupies it")
                frame = replace(frame, action="Protest", cameo=None)
            if frame.action == "Assault" and frame.trigger.lemma_.lower() in rules.seizing_verbs \
                    and not any(ctx.armed(a) for a in frame.actors):
                # "the parliament toppled the government in a no-confidence vote": a removal by vote or ruling rejects
                frame = replace(frame, action="Reject")
            if is_a(frame.action, "Accuse") and (doers := _complained_of(frame, light, ctx)):
                # "complained to the UN over Israeli strikes", "filed a complaint with the Security Council over Israeli
                # violations": a complaint over an act is about whoever did it; a body it is brought to is where
                frame = replace(frame, targets=tuple(dict.fromkeys(
                    [*doers, *(t for t in frame.targets if ctx.gaz.types.get(t) != "igo")])))
            # "X and Y signed a treaty", "X and Y fought": coordinated parties act on each other
            # (unless a party is named apart: "Bahrain and Kosovo opened relations with Israel")
            # ("expelled each other's diplomats": whom the reciprocal phrase seems to name is the other party)
            # (a place is no party, nor a name of no known country the NER may have taken for a body: "exchanged fire
            # at the Torkham border crossing")
            parties = [t for t in frame.targets if ctx.kind(t) != "Location" and not _unplaced(t, ctx)]
            symmetric = len(frame.actors) > 1 and (frame.action in rules.symmetric_actions or _each_other(frame.trigger)
                                                    or ((trig.reciprocal or _shared_bond(frame, rules))
                                                        and not parties)) \
                and not (frame.targets and (frame.mediated or _with_party(frame, ctx))) and not _visit_apart(frame, ctx) \
                and frame.trigger.lemma_.lower() not in rules.mediating_verbs
            if frame.action == "Protest" and frame.trigger.lemma_.lower() in rules.rally_nouns and any(
                    ctx.kind(a) == "Person" and (e := ctx.entity(a)) is not None and state_organ(e.sector, ctx)
                    for a in frame.actors):
                continue  # "Trump held his first indoor rally", "Trump's Tulsa rally": those in power rally voters, not dissent
            if frame.action == "Protest" and not frame.targets and _protest_purpose(frame, light, frames):
                continue  # "staged a hunger strike to protest against Germany's decision": one protest, at Germany
            if frame.action in ("Protest", "Threaten") and not frame.targets:
                # ("China threatened to retaliate after the US imposed tariffs": a threat answering an act, as a
                # protest does, is aimed at its doer; else a threat at the party acted on before it, a protest at
                # the state whose envoy was summoned for it)
                frame = replace(frame, targets=_provoked_by(frame, light, ctx) or (
                    _addressed_before(frame, ctx) if frame.action == "Threaten" else _envoy_summoned(frame, ctx)))
            # "Beijing imposed export controls on gallium in retaliation for US chip curbs": a hostile act told as
            # the answer to another is aimed at that act's doer (force, after the place it hit: "struck targets in
            # Lebanon in retaliation for a rocket attack by Hezbollah" is on Lebanon)
            answered = _answered(frame, light, ctx) if _hostile(frame) and not frame.targets else ()
            if answered and not is_a(frame.action, "Assault"):
                frame = replace(frame, targets=answered)
            if frame.action == "Threaten" and not frame.targets:
                # "Israel killed Hezbollah's top commander. The group vowed to retaliate": a threat that names no one,
                # told after force was used on the one who threatens, is aimed at whoever used it
                own = set(frame.actors) | {ctx.country(a) for a in frame.actors}
                frame = replace(frame, targets=tuple(dict.fromkeys(
                    d for a in frame.actors for d in ctx.attackers(a) if d not in own and ctx.country(d) not in own)))
            if frame.action == "Protest" and _state_protest(frame, light, ctx):
                # "Canada protested to China": a state's protest is a diplomatic complaint, never a rally; but what
                # the dictionary codes a riot (CAMEO 145: looting, ransacking, storming shops) is no words when a
                # state's forces do it: they destroy property (CAMEO 1712, PLOVER ASSAULT), as "looted homes" is
                riot = (frame.cameo or "").startswith("145")
                frame = replace(frame, action="Assault" if riot else "Accuse", cameo="1712" if riot else frame.cameo)
            if not frame.targets and frame.action in rules.self_target_actions:
                targets, own_only = _self_targets(frame, ctx)
                frame = replace(frame, targets=targets, domestic=True, own_only=own_only)
            elif not frame.targets and frame.action in rules.place_target_actions and not (
                    frame.action == "DeployTroops" and frame.trigger.pos_ == "NOUN" and light is None):
                # (a deployment named by a noun alone refers to one told or expected elsewhere: "troops in
                # Russia's Far East prior to their deployments in Ukraine")
                # the place's country, unless it is the actor's own and no people are acted upon
                # ("Serb forces killed three villagers in Serbia" is domestic violence; "Serbia
                # shelled positions in Serbia" tells of no one acted upon)
                # (an armed group's or a gang's attack at home is on its state: "Al-Shabaab attacked a hotel in
                # Mogadishu", "gangs attacked the airport in Port-au-Prince")
                people = _acts_on_people(frame, ctx) or all(
                    ctx.kind(a) == "ArmedGroup" or (e := ctx.entity(a)) is not None and e.sector == "CRM"
                    for a in frame.actors)
                # (force used in a region of one's own is on the state's own, as force on a place named as the
                # object is: "Azerbaijan launched a military operation in Nagorno-Karabakh", "shelled Idlib")
                # (a retreat is from a place: where one retreats to is no one's, "retreated to New Mexico")
                keys = phrase_keys([p for p in _places(frame, ctx) if not (
                    frame.action == "Retreat" and p.head.lower_ in DESTINATION_PREPS)], ctx)
                at_home = frame.action == "Assault" and _in_region(keys, ctx)
                country = _keys_country(keys, ctx)
                places = tuple(t for t in ((country,) if country else ()) if people or at_home or not _is_own(t, frame, ctx))
                frame = replace(frame, targets=places, domestic=people or at_home)
            elif not frame.targets and frame.cameo in rules.visit_codes:
                # "the Chinese foreign minister arrived in Moscow for a three-day visit": the place visited
                country = _keys_country(phrase_keys(_places(frame, ctx), ctx), ctx)
                frame = replace(frame, targets=tuple(c for c in (country,) if c and not _is_own(c, frame, ctx)))
            if answered and not frame.targets:
                frame = replace(frame, targets=answered)
            standalone = False
            if frame.theme is not None and frame.action in rules.untargeted and frame.targets and all(
                    (ctx.kind(t) == "Location" and ctx.place_country(t) is None)
                    or (ctx.kind(t) in ("Location", "Country") and _is_own(ctx.place_country(t) or t, frame, ctx))
                    for t in frame.targets):
                # "sent troops to Minneapolis", "deployed soldiers to Santiago" (a capital stands for its
                # country): forces moved at home go to no one; nor do forces sent to a region of no one
                # country ("500 more troops to the Sahel")
                frame = replace(frame, targets=())
            if not frame.targets and frame.theme is not None and frame.action in rules.untargeted:
                frame, standalone = replace(frame, action=rules.untargeted[frame.action]), True
            elif not frame.targets and frame.action == "Request" and frame.cameo is None \
                    and _asks_for_something(frame.trigger, ctx):
                standalone = True  # "Russia called for a cessation of fighting": a demand addressed to no one named
            elif frame.action == "Assault" and all(ctx.kind(t) == "Location" and ctx.place_country(t) is None
                                                   for t in frame.targets) and _fired_into_water(frame, ctx):
                # "North Korea fired a ballistic missile into the sea", "into the Sea of Japan": a weapon fired at no
                # one is a show of force (CAMEO 15), an event of its own (the waters are no one's)
                frame, standalone = replace(frame, action="Mobilize", cameo=None, targets=()), True
            elif not frame.targets and frame.action == "Retreat" and frame.actors \
                    and all(ctx.armed(a) for a in frame.actors):
                # "Serb forces withdrew from the town of Gorazde": forces pulling back retreat, from wherever it is
                standalone = True
            if trig.require_target and not frame.targets and not (symmetric or standalone or _about_a_proposal(frame, rules)):
                continue
            # (not an offer or pledge of something to someone: "offered its troops to Lebanon to help oust Aoun")
            if trig.defer_to_complement and not (frame.theme is not None and frame.targets) and any(
                c.i in fired for c in frame.trigger.subtree if c.i != frame.trigger.i
            ):
                continue
            # "expelled each other's diplomats", "accused each other", "fought", "swapped prisoners": an act that is
            # not shared (as talks, agreements and ties restored are: one event, either way) is done by each party to
            # the other
            mutual = symmetric and (_each_other(frame.trigger) or trig.reciprocal) \
                and frame.action not in rules.symmetric_actions and action_types()[frame.action].quad != "verbal-cooperation"
            yield from _events(frame, light, sent, document, ctx, offset, symmetric, mutual, "asserted" if threat else None)
        yield from _obligations(obliged, sent, document, ctx, offset)
        for event in _accusations(sent, verbs, [f for f, _, _ in frames], document, ctx, offset):
            # (remembered as an act, as frames are: "India rejected the allegation" is on whoever made it)
            if charges := rules.told_as.get("Accuse"):
                ctx.tell(charges, (event.actor,))
            yield event


def _remember(f: Frame, ctx: Context) -> None:
    """Remember an act told, for a noun naming it again: by its word and its class, and by its type's class whatever
    its word ("Russia shelled Kharkiv. The EU condemned the attack", "South Korea held military drills. North Korea
    condemned the drills"), and by what it was done with ("Russia imposed sanctions on Georgia. Britain criticised
    the sanctions")."""
    if not f.actors or definite_act(f.trigger):
        return
    if f.targets and f.trigger.lemma_.lower() in ctx.rules.taking_verbs:
        ctx.tell_held(f.targets, f.actors)
    if f.targets and action_types()[f.action].quad == "material-conflict" and f.action != "DeployTroops":
        ctx.tell_attacked(f.targets, f.actors)
    parties = tuple(dict.fromkeys(f.actors + f.targets))
    if len(f.actors) == 1 and len(f.targets) == 1 and len(parties) == 2:
        ctx.tell_pair(parties)
    rules = ctx.rules
    words = [f.trigger.lemma_.lower()] + ([f.theme.lemma_.lower()] if f.theme is not None else [])
    # (and what it was done with, though no theme of its trigger: "North Korea fired a missile. Japan condemned the
    # missile launch")
    words += [o.lemma_.lower() for o in f.trigger.children if o.dep_ in OBJECTS
              and (f.theme is None or o.i != f.theme.i) and rules.theme_class(o.lemma_.lower()) == "weapons"]
    kind = rules.told_as.get(f.action)  # (its own type only: an investigation is no charge named again)
    classes = [rules.theme_class(w) for w in words] + [kind]
    # (an act of what parties share is all of theirs: "the agreement" is the TPLF's too)
    doers = f.actors + f.targets if kind in rules.bond_classes else f.actors
    for told in (*words, *classes):
        if told:
            ctx.tell(told, doers)
    if f.action not in rules.reaction_actions:
        ctx.tell(GENERIC_ACT, doers)  # ("Beijing condemned the move": the last act told, whatever its word)


COMMITTING_AUX = frozenset({"will", "would", "shall", "should", "must", "'ll", "wo"})
"""Auxiliaries that make a that-clause a commitment ("agreed that talks would resume"), not an opinion."""


REASON_PREPS = frozenset({"over", "about"})


def _complained_of(frame: Frame, light: Token | None, ctx: Context) -> list[str]:
    """The doers of the hostile acts an accusation is over or about ("over Israeli strikes"), none of its actors."""
    reasons = [p for h in (frame.trigger, light) if h is not None for p in pobjs(h, REASON_PREPS)
               if hostile_act(p, ctx.rules) and p.i not in ctx.res.token_keys]
    return [k for p in reasons for k in act_doers(p, ctx, victims=False) if k not in frame.actors]


def _opinion(verb: Token) -> bool:
    """ "agreed that sanctions hurt Russia": a verb of agreeing whose only complement is a that-clause stating
    what is so, with no commitment (no "will", "would", "should") and no one agreed with."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("to", "with", "on"))
                                  for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return bool(clauses) and not any(a.dep_ == "aux" and a.lower_ in COMMITTING_AUX for c in clauses for a in c.children)


def _state_protest(frame: Frame, light: Token | None, ctx: Context) -> bool:
    """A protest by states or their organs ("Canada protested", "the Chinese government protested"), not by
    people named by their nationality or as a group ("Kenyans protested", "thousands of Kenyans",
    "Palestinian riots", "Hong Kong protesters", "they chanted", "Swedes joined the protest")."""
    if not all(ctx.state_body(a) for a in frame.actors):
        return False
    namers = [c for c in frame.trigger.children if c.dep_ in SUBJECTS | NAMING_MODIFIERS]
    namers += [c for c in light.children if c.dep_ in SUBJECTS] if light is not None else []
    namers += [frame.trigger.head] if main_verb_as_participle(frame.trigger) else []
    for namer in namers:
        if namer.pos_ == "PRON" and namer.lower_ not in ("it", "its"):
            return False  # a state is "it"
        head = head_noun(namer)
        if head.lemma_.lower() in COLLECTIVE_HEADS or head.like_num:
            head = next(iter(pobjs(head, frozenset({"of"}))), head)
        sector = ctx.agents.sector_of(head.lower_) or ctx.agents.sector_of(head.lemma_)
        if head.i in ctx.res.demonym_tokens or (  # "Kenyans protested", "Hong Kong protesters chanted"
                sector is not None and ctx.agents.sectors[sector].type not in ("government", "military")) or (
                sector is None and head.lemma_.lower() in ctx.rules.people_nouns):
            return False
        if sector in ("LEG", "JUD") and head.tag_ in ("NNS", "NNPS"):
            # "lawmakers staged a walkout", "hundreds of lawyers marched in Islamabad": members of a legislature or of
            # the legal profession dissent at home, as people do
            return False
    return True


NAMING_MODIFIERS = frozenset({"poss", "amod", "compound", "nmod"})


def _with_party(frame: Frame, ctx: Context) -> bool:
    """A counterpart named in a with-phrase of the trigger or its object ("opened relations with Israel"), or parties
    others come between ("Qatar and Egypt are mediating between Israel and Hamas")."""
    holders = [frame.trigger, *(c for c in frame.trigger.children if c.dep_ in OBJECTS)]
    return bool(set(phrase_keys([p for h in holders for p in pobjs(h, COUNTERPART_PREPS)], ctx)) & set(frame.targets))


COUNTERPART_PREPS = frozenset({"with", "between"})


def _visit_apart(frame: Frame, ctx: Context) -> bool:
    """Visitors who do not meet each other by their visit: each meets the one named as its object ("Macron and Scholz
    visited Kyiv": a counterpart of each, not a topic of their own meeting), or they go to what names no party ("the
    archbishop and politicians visited the hospital", "visited the front line")."""
    met = _met(frame, ctx)
    if met is None:
        return False
    return not met or bool({_party(k, ctx) for k in met} & {_party(t, ctx) for t in frame.targets})


def _met(frame: Frame, ctx: Context) -> list[str] | None:
    """Whom a visiting verb's objects name as met (None for another verb, or one with no object)."""
    if frame.trigger.lemma_.lower() not in ctx.rules.visiting_verbs:
        return None
    objects = [c for c in frame.trigger.children if c.dep_ in OBJECTS]
    if not objects:
        return None
    # (a building is no one met: "visited the hospital" names no hospital sector as a counterpart; officials are)
    return [k for k in phrase_keys(objects, ctx) if not ((e := ctx.entity(k)) is not None and e.sector
                                                         and e.kind != "Person" and not state_organ(e.sector, ctx))]


def _party(key: str, ctx: Context) -> str | None:
    """Who a key names as a party: a place stands for its country (None: a place of none), anyone else for itself."""
    return ctx.place_country(key) if ctx.kind(key) == "Location" else key


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


def _complements(frame: Frame, frames: list, rules: Rules) -> list[Frame]:
    """The frames inside the clauses that complement `frame`'s trigger (not inside relative clauses)."""
    return [f for f, _, _ in frames if f.trigger.i != frame.trigger.i and f.trigger in frame.trigger.subtree
            and _clausal_path(f.trigger, frame.trigger, rules)]


def _asks_for_something(trigger: Token, ctx: Context) -> bool:
    """ "called for calm", "demanded an apology": a verb of asking (a hand-written trigger) with what is
    asked for as its complement. Not whom ("asked his countrymen to stay" names an addressee), and not
    "call" with an object, which names ("called the move a smash and grab") or phones."""
    if trigger.pos_ != "VERB":
        return False
    if pobjs(trigger, frozenset({"for"})):
        return True
    if trigger.lemma_.lower() not in ctx.rules.content_demands or any(
            c.dep_ in ("xcomp", "ccomp", "oprd") for c in trigger.children):
        return False
    return any(c.dep_ in OBJECTS and c.pos_ == "NOUN" and c.lemma_.lower() not in ctx.people_nouns
               for c in trigger.children)



def _in_drills(frame: Frame, light: Token | None, rules: Rules) -> bool:
    """The act is set in drills: "encircled Taiwan in exercises", "fired shells during a drill", "as part of drills"."""
    heads = [frame.trigger] + ([light] if light is not None else [])
    settings = [p for h in heads for p in pobjs(h, rules.drill_preps)]
    # ("as part of naval exercises": the drills are what the act is part of)
    settings += [o for h in heads for p in pobjs(h, frozenset({"as"})) if p.lemma_.lower() == "part"
                 for o in pobjs(p, frozenset({"of"}))]
    return any(theme_class(p, rules) in rules.drill_classes for p in settings)


def _hostile(frame: Frame) -> bool:
    """An act against its target. A deployment's target is where the troops go, often an ally that asked
    for them ("pledged to deploy a brigade to Lithuania"): pledging one threatens no one."""
    return action_types()[frame.action].quad in HOSTILE_QUADS and frame.action != "DeployTroops"


def _deal_parties(frames: list, ctx: Context) -> list:
    """ "a deal it brokered to normalize relations between Sudan and Israel": whoever brokers or mediates an
    agreement meets the parties the agreement is between."""
    out = []
    for frame, trig, light in frames:
        verb = frame.trigger
        # (the deal is the theme, the object, or the noun a relative clause describes: "a deal it brokered";
        # looked for on meetings with no one named only)
        # (or a participle on it: "agreed to a ceasefire brokered by the United States and France")
        deals = [d for d in (frame.theme, *(c for c in verb.children if c.dep_ in OBJECTS),
                             verb.head if verb.dep_ in ("relcl", "acl") else None)
                 if d is not None and theme_class(d, ctx.rules) == "agreement"] \
            if frame.action == "Consult" and (not frame.targets or verb.dep_ == "acl") else []
        if deals:
            deal = deals[0]
            # the parties act inside the deal's phrase, or on the deal itself ("Israel and Lebanon agreed to a ceasefire")
            holder = deal.head.head if deal.dep_ == "pobj" else deal.head
            parties = [a for f, _, _ in frames if (f.trigger in deal.subtree or f.trigger.i == holder.i)
                       and f.trigger.i != verb.i for a in f.actors if a not in frame.actors]
            # (with no party acting in the sentence, the mediator's own between-phrase names them: "the ceasefire
            # brokered by the United States between Israel and Hezbollah took effect")
            if parties or not frame.targets:
                frame = replace(frame, targets=tuple(dict.fromkeys(parties)), mediated=bool(parties))
        out.append((frame, trig, light))
    return out


def _allies(frames: list, ctx: Context) -> list:
    """ "Eritrean troops fought alongside Ethiopian forces", "police arrested him together with US agents": an act of
    force done alongside someone (`allied_actions`) is military cooperation with them too (CAMEO 062); and whoever
    an act is done along or together with does it too ("the US, along with Canada, sanctioned Russian banks")."""
    out = list(frames)
    for frame, trig, light in frames:
        if not frame.actors:
            continue
        allies = [k for k in actor_keys(companions(frame.trigger), ctx) if k not in frame.actors]
        # (only with someone named as acted on: where an act falls otherwise is read from its own doer's country)
        if frame.targets and (partners := [k for k in allies if k not in frame.targets]):
            out.append((replace(frame, actors=tuple(partners)), trig, light))
        if allies and any(is_a(frame.action, a) for a in ctx.rules.allied_actions):
            out.append((Frame(frame.trigger, "Cooperate", frame.actors, tuple(allies), None), trig, light))
    return out


def _relative_doers(frames: list) -> list:
    """ "claimed responsibility for a suicide bombing that killed 12 police officers": a clause on an act noun, whose
    subject is the act, is done by whoever does the act (when the clause names no doer of its own)."""
    doers = {f.trigger.i: f.actors for f, _, _ in frames if f.actors and f.trigger.pos_ == "NOUN"}
    if not doers:
        return frames
    out = []
    for frame, trig, light in frames:
        verb = frame.trigger
        if not frame.actors and verb.dep_ == "relcl" and verb.head.i in doers and any(
                c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
            frame = replace(frame, actors=doers[verb.head.i])
        out.append((frame, trig, light))
    return out


def _vowed_directly(act: Token, pledge: Token, rules: Rules) -> bool:
    """The act is the pledge's infinitive, or one under verbs of going on ("vowed to keep fighting")."""
    node = act
    while node.dep_ == "xcomp" and node.head.i != pledge.i and node.head.lemma_.lower() in rules.aspectual_verbs:
        node = node.head
    return node.dep_ == "xcomp" and node.head.i == pledge.i


def _refrained(act: Token, pledge: Token) -> bool:
    """A negation between an act and the pledge it hangs under: "pledged not to allow attacks", "vowed never to
    attack"."""
    node = act
    for _ in range(6):
        if node.i == pledge.i or node.head is node:
            return False  # (a pledge itself negated is a threat not made: "did not vow to attack")
        if any(c.dep_ == "neg" for c in node.children):
            return True
        node = node.head
    return False


def _pledged_threats(frames: list, ctx: Context) -> list:
    """ "Hamas vowed to resume attacks on Israel": a pledge of a hostile act threatens it, so the pledge
    becomes a threat that absorbs the act; a pledge of anything else stays a pledge. A warning of one's own hostile
    act is a threat though no one is named, as "threatened to" is ("Iran warned it would retaliate", "Trump warned
    that he would veto the bill")."""
    rules = ctx.rules
    out = []
    for frame, trig, light in frames:
        if frame.action == "Threaten" and trig.require_target and _own_harm_warned(frame, frames, ctx):
            trig = replace(trig, require_target=False)
        # (a show of force aimed at no one named is pledged, not threatened: "vowed to strengthen its nuclear arsenal")
        # (nor is striving for something: "vowed to fight for every vote"; an act against no one named is
        # threatened only as what is vowed itself, "vowed to keep fighting", not in a clause further down)
        # (nor is a pledge to refrain from one: "the Taliban pledged not to allow attacks from Afghan soil")
        if trig.threat_if_hostile and any(_hostile(f) and not _refrained(f.trigger, frame.trigger) and (f.targets or (
                f.action != "Mobilize" and not pobjs(f.trigger, frozenset({"for"})) and _vowed_directly(f.trigger, frame.trigger, rules)))
                for f in _complements(frame, frames, ctx.rules)):
            # (a threat is one though no one is named, as with "threaten": "Hamas vowed to keep fighting")
            trig = replace(trig, senses=(Sense("Threaten"),), absorb_complement=True, defer_to_complement=False,
                           require_target=False)
            frame = replace(frame, action="Threaten")
        out.append((frame, trig, light))
    return out


def _own_harm_warned(frame: Frame, frames: list, ctx: Context) -> bool:
    """A warning whose complement is a hostile act of the warner's own or of its organs ("Russia warned that its
    forces would respond"; a leader's of their state's: "Putin warned that Russia could use nuclear weapons")."""
    own = set(frame.actors) | {c for a in frame.actors if ctx.kind(a) == "Person" and (c := ctx.country(a))}
    return bool(own) and any(f.actors and all(a in own or ctx.country(a) in own for a in f.actors)
                             and action_types()[f.action].quad in HOSTILE_QUADS for f in _complements(frame, frames, ctx.rules))


def _asked_of_object(verb: Token, ctx: Context) -> bool:
    """An infinitive whose doer is the object of a verb that does not make it happen ("nudged Germany to accept the
    deal", "challenged Israel to attack"): wanted of them, not done. Verbs that make it happen (`implicative_verbs`:
    "forced Ukraine to withdraw", "sent Blinken to meet Wang Yi"), permit or bind it, and the verbs of the modality
    cues, which tell its modality, are not such verbs."""
    governor = verb.head
    if verb.dep_ != "xcomp" or governor.pos_ != "VERB" or governor.i > verb.i or not to_infinitive(verb):
        return False
    rules = ctx.rules
    lemma = governor.lemma_.lower()
    cues = rules.modality
    if lemma in rules.implicative_verbs | rules.raising_verbs | rules.binding_verbs | cues.planned_verbs \
            | cues.considered_verbs | cues.negated_verbs | rules.attribution_verbs:
        return False
    # (someone who could do it: "used drones to attack Kyiv" tells what the drones did)
    return any(c.dep_ in OBJECTS and (c.i in ctx.res.token_keys or head_noun(c).lemma_.lower() in ctx.people_nouns)
               for c in governor.children)


def _absorb_complements(frames: list, ctx: Context) -> list:
    """A threat or request is the event: it takes its complement's targets, and the act threatened
    or requested ("threatened to launch an offensive against Iraq") yields no event of its own."""
    frames = _pledged_threats(frames, ctx)
    absorbed: set[int] = set()
    out = []
    for frame, trig, light in frames:
        if not trig.absorb_complement:
            continue
        absorbed.update(f.trigger.i for f in _complements(frame, frames, ctx.rules))
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
            tokens = [t for c in inner for t in pobjs(c, ctx.rules.target_preps) + [o for o in c.children if o.dep_ in OBJECTS]
                      + raised_objects(c, ctx.rules)]
            tokens += [p for t in tokens if resolve_np(t, ctx) is None for p in pobjs(t, ctx.rules.target_preps)]
            frame = replace(frame, targets=tuple(k for k in phrase_keys(tokens, ctx) if k not in frame.actors))
        if trig.absorb_complement and not frame.targets:
            # "called for an investigation into the attack on Iran": an act asked about is its doer's, not whom it hit
            comment = frame.action in ctx.rules.act_comments
            inner = [f for f, _, _ in frames if f.trigger.i in absorbed and f.trigger in frame.trigger.subtree]
            # (an act inside another with a target, or inside an answer to it, is that act's business: "vowed to avenge
            # the killing of Nasrallah" threatens whoever killed him, never Nasrallah)
            answers = ctx.rules.repelling_verbs | ctx.rules.answering_verbs
            inner = [f for f in inner if not any(g is not f and (g.targets or g.trigger.lemma_.lower() in answers)
                                                 and f.trigger in g.trigger.subtree for g in inner)]
            inner_targets = [t for f in inner
                             for t in (f.actors if comment and hostile_act(f.trigger, ctx.rules) else f.targets)
                             if t not in frame.actors]
            conditions = [c for c in frame.trigger.subtree if c.i != frame.trigger.i and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)] if frame.action == "Threaten" else []
            if conditions:
                # "warned that Tehran would not stand idly by if Israel launched a war on Lebanon": a threat is made to
                # the one its condition is on, not to whom the act in the condition would hit ("threatened to attack
                # Seoul if the US deployed bombers" threatens Seoul, the act threatened)
                inside = {t.i for c in conditions for t in c.subtree}
                threatened = [t for f, _, _ in frames if f.trigger.i in absorbed and f.trigger in frame.trigger.subtree
                              and f.trigger.i not in inside for t in f.targets if t not in frame.actors]
                conditioned = [k for k in phrase_keys([s for c in conditions for s in c.children if s.dep_ in SUBJECTS], ctx)
                               if k not in frame.actors]
                inner_targets = threatened or conditioned or inner_targets
            if is_a(frame.action, "Request"):
                # "called for Israel to allow more aid into Gaza", "demanded that Hamas free the hostages": the one asked
                # is the clause's subject, before whom the act asked of them would touch
                # (not a clause of time or cause: "called for calm after Israel struck Beirut" asks nothing of Israel)
                asking = [c for c in frame.trigger.children if c.dep_ in ("ccomp", "xcomp", "acl") or (
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("for", "that") for m in c.children))]
                asking += [c for p in frame.trigger.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pcomp"]
                asked = [k for k in phrase_keys([s for c in asking for s in c.children if s.dep_ in SUBJECTS], ctx)
                         if k not in frame.actors]
                inner_targets = asked or inner_targets
            if not inner_targets:
                # "demanded that Hamas renounce its armed struggle": the one asked is the clause's subject;
                # "threatened to stop talks if the United States goes ahead": the one the condition is on
                clauses = [c for c in frame.trigger.children if c.dep_ in ("ccomp", "xcomp")]
                # "called for NATO members to increase spending": the one asked is the for-clause's subject
                # "vowed to fight until the Syrian army leaves": the one the threat holds until
                clauses += [a for c in [frame.trigger, *clauses] for a in c.children
                            if a.dep_ == "advcl" and any(m.lower_ in ("if", "unless", "for", "until") for m in a.children)]
                subjects = [s for c in clauses if not _foretold(frame.trigger, c, ctx.rules)
                            for s in c.children if s.dep_ in SUBJECTS]
                # ("Putin warned that Russia could use nuclear weapons", "that Russian forces would respond": a threat
                # of one's own state's harm is made to no one it names as doing it)
                inner_targets = [k for k in phrase_keys(subjects, ctx) if k not in frame.actors
                                 and not (frame.action == "Threaten" and _own_state(k, frame, ctx))]
            if not inner_targets and frame.action == "Threaten":
                # "threatened to resume terrorist activities in Israel", "threatened military intervention in
                # Niger": what is threatened hits the place it names
                acts = clauses + [o for o in frame.trigger.children if o.dep_ in OBJECTS]
                places = [p for c in acts for prep in c.subtree if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
                          for p in prep.children if p.dep_ == "pobj"]
                # "threatened to institute a curfew in Algiers": a threat on one's own country is domestic
                inner_targets = [c for k in phrase_keys(places, ctx) if (c := ctx.place_country(k) or
                                 (k if ctx.kind(k) == "Country" else None))]
                frame = replace(frame, domestic=any(_is_own(t, frame, ctx) for t in inner_targets))
            if not inner_targets and frame.action == "Threaten":
                # "warned of retaliation against Taiwan", "warned of a strong response to Taiwan's actions": a harm
                # warned of threatens whom it would fall on, or whose acts it would answer
                harms = [p for p in pobjs(frame.trigger, frozenset({"of", "about"}))
                         if theme_class(p, ctx.rules) == "retaliation" or hostile_act(p, ctx.rules)]
                aimed = [t for h in harms for t in pobjs(h, AIMED_PREPS | {"to"})]
                inner_targets = [k for t in aimed for k in (phrase_keys([t], ctx) or act_doers(t, ctx, victims=False))
                                 if k not in frame.actors]
            frame = replace(frame, targets=tuple(dict.fromkeys(inner_targets)))
        out.append((frame, trig, light))
    return out


def _with_actors(frame: Frame, actors: tuple[str, ...]) -> Frame:
    """The frame with these actors: itself when they are its own (most frames lose none to a filter, and
    `replace` makes a whole frozen dataclass anew)."""
    return frame if actors == frame.actors else replace(frame, actors=actors)


def _foretold(verb: Token, clause: Token, rules: Rules) -> bool:
    """ "The UN warned that Sudan faces famine": a warning to no one that a harm lies ahead of someone foretells it."""
    return verb.lemma_.lower() in rules.foretelling_verbs and not any(c.dep_ in OBJECTS for c in verb.children) \
        and any(o.dep_ in OBJECTS | {"attr"} and o.lemma_.lower() in rules.harms for o in clause.children)


def _is_purpose(verb: Token, ctx: Context) -> bool:
    """An infinitive of purpose: "to aid", "to help", under another verb (an xcomp only after the verb's
    object: "sent troops to aid Moscow"; "vowed to strengthen its arsenal" is what is vowed)."""
    return (verb.dep_ == "advcl" or (verb.dep_ == "xcomp" and any(c.dep_ in OBJECTS for c in verb.head.children))) \
        and verb.lemma_.lower() in ctx.rules.purpose_verbs and to_infinitive(verb)


CIRCUMSTANCE_MARKS = frozenset({"after", "before", "when", "because", "since", "while", "once", "whereas"})
"""Subordinators of a clause that tells when or why, not what is vowed, asked or threatened: "Hezbollah vowed
revenge after Israel killed its commander" pledges no killing."""


def _clausal_path(inner: Token, outer: Token, rules: Rules) -> bool:
    """True when `inner` is inside a clause or phrase that complements `outer` (not a relative clause on a noun,
    nor a clause of time or cause)."""
    node = inner
    while node.i != outer.i:
        if node.dep_ in ("relcl", "appos") or node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS for m in node.children):
            return False
        if node.dep_ == "prep" and any(c.dep_ == "advmod" and c.lower_ in rules.modality.negated_adverbs
                                       for c in node.children):
            return False  # "called for talks instead of imposing sanctions": what is done in place of it is no complement
        node = node.head
    return True


PROVOKING_MARKS = frozenset({"after", "because"})
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})


def _provoked_by(frame: Frame, light: Token | None, ctx: Context) -> tuple[str, ...]:
    """Whom a protest or a threat with no one named as its target answers: the doer of the act it follows or is over.

    "Thousands protested after the president dissolved parliament", "China lodged a protest after the Philippine
    coast guard rammed its ship", "Canada protested over the detention of its citizens by China" (never the
    protesters themselves, and not a clause of time alone: "protested as the parliament voted" is no cause).
    """
    verb = light if light is not None else frame.trigger
    clauses = [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in PROVOKING_MARKS for m in c.children)]
    subjects = [s for c in clauses for s in c.children if s.dep_ in SUBJECTS]
    # ("after an Israeli strike killed two commanders": an act as the subject is its doer's)
    doers = actor_keys([s for s in subjects if not hostile_act(s, ctx.rules)], ctx) + [
        k for s in subjects if hostile_act(s, ctx.rules) for k in act_doers(s, ctx, victims=False)]
    # ("after the coast guard rammed", read by the parser as a preposition with a clause or with the act itself)
    for noun in (verb,) if light is None else (verb, frame.trigger):
        for pobj in pobjs(noun, PROVOKING_MARKS | {"over"}):
            if hostile_act(pobj, ctx.rules):
                doers += act_doers(pobj, ctx, victims=False)
            else:
                # "lodged a protest over Japan's territorial claims", "protested over the EU's trade deal": what is
                # someone's own, a claim, a decision, a remark, is theirs to answer for
                doers += modifier_owners(pobj, ctx)
        doers += actor_keys([s for p in noun.children if p.dep_ == "prep" and p.lower_ in PROVOKING_MARKS
                             for c in p.children if c.dep_ == "pcomp" for s in c.children if s.dep_ in SUBJECTS], ctx)
    return tuple(k for k in dict.fromkeys(doers) if not _is_own(k, frame, ctx))


def _addressed_before(frame: Frame, ctx: Context) -> tuple[str, ...]:
    """Whom a threat that names no one is aimed at when its verb is coordinated after one acting on someone: "ECOWAS
    gave the junta a week to reinstate Bazoum and threatened to use force", "summoned the Japanese ambassador and
    threatened countermeasures" (parties only: an act on a thing, "seized a tanker", names no one threatened)."""
    verb = frame.trigger
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB" or any(c.dep_ in SUBJECTS for c in verb.children):
        return ()
    # (not when what is threatened names someone of its own: "praised Erdogan and threatened to destroy the Kurds")
    if any(o.dep_ in OBJECTS and (o.pos_ == "PROPN" or o.i in ctx.res.token_keys)
           for x in verb.children if x.dep_ == "xcomp" for o in x.children):
        return ()
    objects = [c for c in verb.head.children if c.dep_ in OBJECTS | {"dative"} and c.i < verb.i]
    parties = [o for o in objects if (o.pos_ == "PROPN" and ctx.res.token_keys.get(o.i))
               or o.lemma_.lower() in ctx.rules.role_nouns | ctx.rules.anaphoric_nouns
               or theme_class(o, ctx.rules) == "envoy"]
    return tuple(k for k in dict.fromkeys(phrase_keys(parties, ctx)) if not _is_own(k, frame, ctx))


def _fired_into_water(frame: Frame, ctx: Context) -> bool:
    """A weapon fired, launched or flown into the sea, the ocean or a strait, at no one: a test or a show of force."""
    verb = frame.trigger
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.rules.firing_verbs:
        return False
    if not any(theme_class(o, ctx.rules) == "weapons" for o in verb.children if o.dep_ in OBJECTS):
        return False
    return any(p.lemma_.lower() in ctx.rules.water_nouns for p in pobjs(verb, INCURSION_PREPS | {"off", "over"}))


def _envoy_summoned(frame: Frame, ctx: Context) -> tuple[str, ...]:
    """Whom a protest is aimed at when it is why an envoy was summoned: "China summoned the Japanese ambassador to
    protest the visit" protests to Japan (a state's protest, a complaint)."""
    verb = frame.trigger
    if verb.dep_ not in ("advcl", "xcomp") or verb.head.pos_ != "VERB":
        return ()
    envoys = [o for o in verb.head.children if o.dep_ in OBJECTS and theme_class(o, ctx.rules) == "envoy"]
    return tuple(k for k in dict.fromkeys(phrase_keys(envoys, ctx)) if not _is_own(k, frame, ctx))


def _answered(frame: Frame, light: Token | None, ctx: Context) -> tuple[str, ...]:
    """The doers of the act a frame is told as the answer to: "in retaliation for US chip curbs", "in response to
    Russia's invasion", "in revenge for the killing of its commander by Israel" (an act's doer, or the owner of what
    a retaliation answers: "in retaliation for Canada's tariffs"), never the actors themselves."""
    rules = ctx.rules
    clause = light if light is not None else frame.trigger
    # (anywhere in the clause: the parser may hang the phrase on the object's own phrase, "imposed export curbs on
    # rare earths in retaliation for ...")
    answers = [p for p in clause.subtree if p.dep_ == "pobj" and p.head.lower_ in ("in", "as")
               and (p.lemma_.lower() == "response" or rules.theme_class(p.lemma_.lower()) == "retaliation")
               and clause_verb(p) == clause]
    doers: list[str] = []
    for answer in answers:
        for act in pobjs(answer, frozenset({"for", "to", "against"})):
            if hostile_act(act, rules):
                doers += act_doers(act, ctx, victims=False)
            elif answer.lemma_.lower() != "response":
                doers += modifier_owners(act, ctx)  # (a response may answer anything: "in response to a request")
    return tuple(k for k in dict.fromkeys(doers) if not _is_own(k, frame, ctx))


def _protest_purpose(frame: Frame, light: Token | None, frames: list) -> bool:
    """Whether a protest's purpose or the noun it is told as is a protest with a target: "marched to protest against
    the decision", "began a hunger strike to protest against the deportations", "marched in protests against the
    reform", which tell one act and whom it is at."""
    heads = {frame.trigger.i} | ({light.i} if light is not None else set())
    purposes = any(f is not frame and is_a(f.action, "Protest") and f.actors and f.targets
                   and f.trigger.head.i in heads and f.trigger.dep_ in ("advcl", "relcl", "acl", "xcomp")
                   and to_infinitive(f.trigger)
                   for f, _, _ in frames)
    # ("marched in protest against the reform": the noun the verb tells is the same protest, whoever does it)
    return purposes or any(f is not frame and is_a(f.action, "Protest") and f.targets and told is not None
                           and told.i == frame.trigger.i for f, _, told in frames)


def _crowd(frame: Frame, ctx: Context) -> Frame:
    """ "Protests erupted in Iran", "a general strike paralysed Lebanon", "mass protests forced the president to
    flee": protests told as what happens, with no one named as protesting, are the people's of the country where
    they happen (or that the text is about)."""
    noun = frame.trigger
    if noun.pos_ == "VERB":
        return _crowd_rallying(frame, ctx)
    verb = noun.head
    if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.pos_ == "VERB":
        # "hundreds of thousands marched in Hong Kong in protests against Chinese interference": a protest that
        # something is done in is done by whoever does it
        return replace(frame, actors=_crowd_rallying(replace(frame, trigger=verb.head), ctx).actors)
    # ("the arrest sparked protests across Senegal": protests an event causes happen too)
    caused = noun.dep_ in OBJECTS and verb.pos_ == "VERB" and verb.lemma_.lower() in ctx.rules.undergoing_verbs
    if noun.pos_ != "NOUN" or not (noun.dep_ in SUBJECTS or caused):
        return frame
    if any(c.dep_ == "neg" for c in verb.children):
        return frame  # "the rally did not require face masks" tells nothing of a protest happening or not
    places = [p for holder in (verb, noun) for c in holder.children if c.dep_ == "prep"
              and c.lower_ in ("in", "across", "throughout", "at") for p in c.children if p.dep_ == "pobj"]
    if not caused:
        places += [o for o in verb.children if o.dep_ in OBJECTS]  # "paralysed Lebanon", "forced the Sri Lankan president"
    return _by_people_of(frame, places, ctx)


def _nationals_protesting(frame: Frame, ctx: Context) -> Frame:
    """ "Israelis protested against the government", "Hongkongers have been protesting since June": a nation's people
    named by their demonym who protest are its people, not its state (which protests in words)."""
    nationals = {ctx.res.token_keys[h.i] for c in frame.trigger.children
                 if c.dep_ in SUBJECTS and (h := head_noun(c)).i in ctx.res.demonym_tokens and h.i in ctx.res.token_keys}
    actors = tuple((ctx.people_of(a) or a) if a in nationals else a for a in frame.actors)
    return frame if actors == frame.actors else replace(frame, actors=actors)


def _crowd_rallying(frame: Frame, ctx: Context) -> Frame:
    """ "Thousands of supporters of the coup rallied outside the French embassy in Niamey": people named by no
    state or group who protest are the people of the country where they do it, the scene first (not the embassy's
    owner), else of the country the text is about."""
    verb = frame.trigger
    members = []
    for subject in (head_noun(c) for c in verb.children if c.dep_ in SUBJECTS):
        if subject.lemma_.lower() in CROWDS:  # ("thousands of ..." is head_noun's already: "a crowd of supporters")
            subject = next(iter(pobjs(subject, frozenset({"of"}))), subject)
        members.append(subject.lemma_.lower())
    if not members or not all(m in ctx.people_nouns or m in CROWDS for m in members):
        return frame
    places = _places(frame, ctx)
    return _by_people_of(frame, [p for p in places if p.head.lower_ == "in"] + [p for p in places if p.head.lower_ != "in"],
                         ctx)


def _by_people_of(frame: Frame, places: list[Token], ctx: Context) -> Frame:
    """The frame done by the people of the first of these places that names a country, else of the country the text
    is about; unchanged with neither."""
    country = _first_country(places, ctx) or ctx.discourse
    people = ctx.people_of(country) if country else None
    if people is None:
        return frame
    return replace(frame, actors=(people,))


def _state_agent(frame: Frame, ctx: Context) -> Frame:
    """ "Two officers were convicted of rape", "he was arrested in Lagos": an act only a state does, told in
    the passive with no agent, was done by that state's organ (`state_acts`) where it happened, else in the
    country the text is about."""
    verb = frame.trigger
    # ("was placed under house arrest": the verb with its fixed phrase)
    sector = ctx.rules.state_acts.get(verdict(verb, ctx.rules) or phrasal(verb, verb.lemma_.lower(), ctx.rules))
    if sector is None or verb.pos_ != "VERB" or not (is_passive(verb) or reduced_passive(verb, ctx.rules.transitive_verbs)) \
            or any(c.dep_ == "agent" for c in verb.children):
        return frame
    # ("two Russian diplomats were expelled from Norway", "deported from Germany": the state one is removed from)
    source = _first_country(pobjs(verb, frozenset({"from"})), ctx)
    country = source or next(iter(_place_countries(frame, ctx)), None) or ctx.discourse
    organ = sector_key(country, sector) if country else None
    if organ is None or organ not in ctx.gaz.entities:
        return frame
    # (its own people are whom a state arrests or tries: "hundreds of Venezuelans were detained")
    return replace(frame, actors=(organ,), targets=tuple(t for t in frame.targets if t not in (organ, source)),
                   domestic=True)


def _unknown_attackers(frame: Frame, ctx: Context) -> Frame:
    """ "Three US servicemen were killed by a roadside bomb near Basra", "a journalist was assassinated in
    Beirut": an attack told in the passive, with no party named as its doer, was by unidentified armed men
    (`unknown_attackers`) of the country where it happened. "Killed" alone may be an accident or a disease:
    it needs a weapon or an attack as its agent or its setting ("in a car bomb explosion")."""
    verb, rules = frame.trigger, ctx.rules
    if verb.pos_ != "VERB" or not is_a(frame.action, "Assault"):
        return frame
    if is_passive(verb):
        agents = by_agents(verb)
    else:
        # "a car bomb killed three soldiers in Kabul", "a bomb exploded in a market, killing 30 people"
        clause = verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" else verb
        agents = [c for c in clause.children if c.dep_ in SUBJECTS]
        if not agents or not all(_names_means(a, rules.attack_means) for a in agents):
            return frame
    settings = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "with")
                for p in c.children if p.dep_ == "pobj"]
    means = [m for m in agents + settings if _names_means(m, rules.attack_means)]
    if not (means or verb.lemma_.lower() in rules.attack_verbs):
        return frame
    # (the place may hang on the means, "killed by a roadside bomb near Basra", or on the clause it is the
    # subject of, "a bomb exploded in a market in Baghdad, killing 30 people")
    holders = means + [m.head for m in means if m.dep_ in SUBJECTS]
    country = next(iter(_place_countries(frame, ctx)), None) or _first_country(
        [p for m in holders for p in pobjs(m, PLACE_MARKS)], ctx)
    if country is None and not any(p.pos_ == "PROPN" for p in pobjs(verb, PLACE_MARKS)):
        # "Slovak Prime Minister Robert Fico was shot": with no place named, the state the text is about (a place's
        # name that no table places is not guessed at)
        country = ctx.discourse
    attackers = sector_key(country, rules.attacker_sector) if country else None
    if attackers is None or attackers not in ctx.gaz.entities:
        return frame
    return replace(frame, actors=(attackers,))


def _names_means(noun: Token, means: frozenset[str]) -> bool:
    """The noun, alone or with the modifier before it, is one of `means` ("device" with "explosive")."""
    lemma = noun.lemma_.lower()
    return lemma in means or any(f"{m.lower_} {lemma}" in means for m in noun.lefts if m.dep_ in ("amod", "compound"))


def _self_targets(frame: Frame, ctx: Context) -> tuple[tuple[str, ...], bool]:
    """Where a protest, a curfew or an arrest happens ("demonstrated in Serbia"); else, for a protest, a
    concession ("called off the strike") or an act on people that names no one ("banned a number of
    chess players"), each actor's own country (with True: on its own only); else none: "Thailand imposed
    a curfew" is on no one."""
    places = _place_countries(frame, ctx)
    if places:
        return places, False
    if frame.action == "Protest" or _eases(frame, ctx) or _acts_on_people(frame, ctx):
        own = (c for a in frame.actors if (c := ctx.country(a)) and ctx.kind(c) == "Country")
        return tuple(dict.fromkeys(own)), True
    return (), False


EASED_CLASSES = frozenset({"restrictions", "sanctions", "blockade", "communications"})


def _eases(frame: Frame, ctx: Context) -> bool:
    """A restriction a state imposes on its own country, or eases, or a protest called off: "imposed a
    curfew", "declared a state of emergency", "lifted the curfew", "called off the strike" (not
    "approved a bill", which concedes to no one named). Its target is the country's people."""
    if frame.action not in ("Concede", "Coerce"):
        return False
    if frame.action == "Coerce" and frame.cameo is None and ctx.rules.theme_class(frame.trigger.lemma_.lower()) in EASED_CLASSES:
        # "Tunisia banned the niqab": a ban, as a curfew, restricts the state's own people (by a rule's own word: the
        # dictionary's "curb" is any curbing, "to curb the spread of disease")
        return True
    for obj in (c for c in frame.trigger.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS):
        noun = ctx.rules.nouns.get(obj.lemma_.lower())
        cls = theme_class(obj, ctx.rules)
        if cls in EASED_CLASSES or (
                frame.action == "Concede" and noun and any(s.action == "Protest" for s in noun.senses)):
            return True
        if cls == "legislation" and frame.action == "Concede" and frame.cameo is None:
            return True  # "withdrew the extradition bill" (a rule's sense); the dictionary's "passed a bill" concedes nothing
    return False


PERSONAL_PRONOUNS = frozenset({"he", "him", "she", "her", "they", "them"})


def _acts_on_people(frame: Frame, ctx: Context) -> bool:
    """The trigger's object names people, unresolved: "a number of players", "three ethnic Albanians", or
    what a body of people holds: "a police checkpoint", "an army base"."""
    people = ctx.people_nouns
    # "fired shots at the crowd": whom a weapon is aimed at is acted upon too
    aimed_at = pobjs(frame.trigger, AIMED_PREPS)
    for c in [*frame.trigger.children, *aimed_at]:
        if c.dep_ not in OBJECTS | PASSIVE_SUBJECTS and c not in aimed_at:
            continue
        noun = head_noun(c)
        # (a misparsed "crowd outside parliament" is the crowd, which comes before its false head)
        if resolve_np(noun if noun.i < c.i else c, ctx) is not None:
            continue
        if from_elsewhere(noun, ctx.rules):
            continue  # "expelled foreign journalists": people of some other state, not the actor's own
        # (a person referred to by a pronoun no one named before can be resolved to: "sentenced him to life")
        if noun.lemma_.lower() in people or noun.ent_type_ == "NORP" or noun.lower_ in PERSONAL_PRONOUNS or any(
                m.dep_ == "compound" and m.lemma_.lower() in ctx.rules.role_nouns for m in noun.children):
            return True
        # "cracked down on the protests", "dispersed the rally": a protest acted on is its protesters
        trigger = ctx.rules.nouns.get(noun.lemma_.lower())
        if trigger is not None and any(s.action == "Protest" for s in trigger.senses):
            return True
    return False




def _each_other(trigger: Token) -> bool:
    """ "accused each other of shelling the plant", "expelled each other's diplomats": coordinated parties act
    on one another."""
    objects = [c for c in trigger.children if c.dep_ in OBJECTS or c.dep_ == "prep"]
    objects += [p for o in objects for p in o.children if p.dep_ in ("poss", "pobj")]
    # (the parser reads "one another" as "one" with "another" for its determiner)
    return any(o.lower_ in ("other", "another", "one") and any(d.lower_ in ("each", "one", "another") for d in o.children)
               for o in objects)


def _shared_bond(frame: Frame, rules: Rules) -> bool:
    """ "Russia and China deepened their strategic partnership": a bond coordinated parties call theirs is
    between them, as one always between parties is with no owner named ("pledged to improve relations")."""
    # (a deal struck is its verb's object, not a theme: "struck" takes whom it hits as its object)
    theme = frame.theme or (next((o for o in frame.trigger.children if o.dep_ == "dobj"), None)
                            if frame.action == "Agree" else None)
    if theme is None or theme_class(theme, rules) not in rules.bond_classes:
        return False
    owners = [c for c in theme.children if c.dep_ == "poss"]
    # a deal coordinated parties strike or accept with no one else named is theirs: "Armenia and Azerbaijan struck a
    # peace deal in Washington", "Israel and Hamas accepted the ceasefire"
    agreed = frame.action == "Agree" and theme_class(theme, rules) == "agreement"
    return any(c.lower_ == "their" for c in owners) or (not owners and (theme.lemma_.lower() in rules.mutual_nouns
                                                                         or agreed))


def _own_state(key: str, frame: Frame, ctx: Context) -> bool:
    """The state, or one of its organs, that an actor acts for as the state or one of its organs: "Russia", "Russian
    forces" for Putin (not the state rebels fight: "the rebels swore to fight until the Syrian army leaves")."""
    country = ctx.country(key) or key
    return _of_state(key, ctx) and any(ctx.country(a) == country and _of_state(a, ctx) for a in frame.actors)


def _of_state(key: str, ctx: Context) -> bool:
    """A state, a government or military body, or a person or group of a state organ's sector."""
    entity = ctx.entity(key)
    return ctx.state_body(key) or (entity is not None and state_organ(entity.sector, ctx))


def _is_own(country: str, frame: Frame, ctx: Context) -> bool:
    return any(country in (a, ctx.country(a)) for a in frame.actors)


def _place_countries(frame: Frame, ctx: Context) -> tuple[str, ...]:
    """The country of the place an event happens in: "in Serbia", "at a jail in northern Israel"."""
    country = _first_country(_places(frame, ctx), ctx)
    return (country,) if country else ()


def _in_region(keys: list[str], ctx: Context) -> bool:
    """The first place named (`keys`, of `_places`) is a region or town of a country, not the country itself."""
    return bool(keys) and ctx.kind(keys[0]) == "Location" and ctx.country(keys[0]) is not None


def _places(frame: Frame, ctx: Context) -> list[Token]:
    """The phrases that say where an event happened."""
    # "killed three villagers in southern Serbia": the place may hang on the object
    objects = [c for c in frame.trigger.children if c.dep_ in OBJECTS]
    # "a bombing campaign in Syria": an event noun modifying another takes its places
    objects += [frame.trigger.head] if frame.trigger.dep_ == "compound" else []
    holders = [frame.trigger, *objects] + ([frame.theme] if frame.theme is not None else [])
    # "held military drills around Taiwan": the place of an event noun may hang on the light verb that tells it,
    # or on the count it is told in ("carried out dozens of strikes in Lebanon")
    count = counted(frame.trigger)
    if count is not frame.trigger:
        holders.append(count)
    if frame.trigger.pos_ == "NOUN" and count.dep_ in OBJECTS and count.head.lemma_.lower() in ctx.rules.light_verbs:
        holders.append(count.head)
    # "shortened the curfew imposed in Sudan": the place may hang on a participle describing the object
    holders += [a for h in holders[1:] for a in h.children if a.dep_ == "acl" and a.tag_ == "VBN"]
    # "airstrikes on militant hideouts in Iran", "delivered food to besieged towns in Syria": the place may hang
    # on what the act is aimed at or goes to
    # (not the sea: "fired two missiles into the sea off its east coast" hit no one, where the coast is)
    aimed = [p for h in (frame.trigger, *objects) for p in pobjs(h, AIMED_PREPS | {"to", "into"})
             if p.lemma_.lower() not in ctx.rules.water_nouns]
    # "reimposed blockades in the West Bank", "killed near Mosul", "outside of the city of Basra"; "drills around
    # Taiwan", "exercises off the coast of Japan" (around or off the event itself, not what it is aimed at)
    # ("launched a missile into the sea off Japan": with the act aimed at water, an "off" the parser hangs on the verb
    # tells where the water is, which is no one hit)
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_MARKS | SURROUNDING]
    if any(c.lower_ == "off" for c in preps) and any(
            p.lemma_.lower() in ctx.rules.water_nouns for h in (frame.trigger, *objects) for p in pobjs(h, WATERWARD)):
        preps = [c for c in preps if c.lower_ != "off"]
    preps += [c for h in aimed for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_MARKS]
    preps += [o for c in preps if c.lower_ != "in" for o in c.children if o.dep_ == "prep" and o.lower_ == "of"]
    # (a border is two states': "captured towns near the Chinese border" are not in China; forces massed near it
    # are aimed across it: "troops massed near the Ukrainian border")
    shown = is_a(frame.action, "Mobilize")
    places = [p for c in preps for p in c.children if p.dep_ == "pobj"
              and (shown or not (c.lower_ == "near" and p.lemma_.lower() in ctx.rules.border_nouns))]
    if shown:
        # "massed troops along its border with Ukraine": forces shown at a border with a state are shown to it
        borders = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("along", "on")
                   for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ctx.rules.border_nouns]
        # (the state across it first: "its border" is the actor's own side)
        places = [p for b in borders + places if b.lemma_.lower() in ctx.rules.border_nouns
                  for p in pobjs(b, frozenset({"with"}))] + places
    # "killed 15 worshippers in an attack on a church in Burkina Faso": an act noun the event is told in says where
    # through what it was aimed at
    acts = [p for p in places if p.pos_ == "NOUN" and p.lemma_.lower() in ctx.rules.nouns]
    places += [p for act in acts for p in pobjs(act, AIMED_PREPS)]
    places += [p for place in places for p in pobjs(place, frozenset({"in"}))]  # "at a jail in northern Israel"
    return places


def _first_country(places: list[Token], ctx: Context) -> str | None:
    """The country of the first of these phrases that names a country or a place in one."""
    return _keys_country(phrase_keys(places, ctx), ctx)


def _keys_country(keys: list[str], ctx: Context) -> str | None:
    """The country of the first of these entities that is a country or a place in one."""
    for key in keys:
        country = ctx.country(key) or (key if ctx.kind(key) == "Country" else None)
        if country:
            return country
    return None


PLACE_PREPS = frozenset({"in", "into", "against", "on", "inside"})
PLACE_MARKS = frozenset({"in", "outside", "at", "across", "near", "inside"})
"""Prepositions that say where an event happened."""
WATERWARD = frozenset({"to", "into", "in", "toward", "towards"})
"""Prepositions of where a shot or a launch goes ("into the sea")."""
SURROUNDING = frozenset({"around", "off"})
"""Prepositions that say where an event happened around it ("drills around Taiwan"), read on the event and its
own phrases only, not on what it is aimed at."""


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


def _accusations(sent: Span, verbs: list[Token], frames: list[Frame], document: Document, ctx: Context,
                 offset: int) -> Iterator[Event]:
    """Accusations made by claiming a hostile act of someone, or by describing someone as a threat (`verbs`: the sentence's)."""
    rules = ctx.rules
    types = action_types()
    charged_words = any(_charged_word(t, rules) for t in sent)  # (most have none)
    for verb in verbs:
        lemma = verb.lemma_.lower()
        blamed = _blamed(verb, ctx) if lemma in rules.attribution_verbs or lemma in rules.accusing_verbs \
            or lemma in rules.holding_verbs else []
        charged = _charged(verb, ctx) if charged_words and (
            lemma in rules.attribution_verbs or lemma in rules.describing_verbs) else []
        if lemma not in rules.accusing_verbs and lemma not in rules.describing_verbs and not blamed and not charged:
            continue  # (before resolving the subject: it is the costly part and only these verbs accuse)
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        # "she said she would not leave office, accusing the ruling party of rigging the vote": a participle's
        # speaker is its clause's subject
        doers = actor_keys(subjects, ctx) if subjects or verb.tag_ != "VBG" else controller(verb, ctx)
        speakers = [k for k in doers if ctx.can_act(k)]
        if not speakers:
            continue
        accused: list[str] = phrase_keys(blamed, ctx) + charged
        if lemma in rules.accusing_verbs:
            # "Ukraine and South Korea claimed that Pyongyang had deployed troops"
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            for frame in frames:
                hostile = types[frame.action].quad in HOSTILE_QUADS or frame.action == "SupplyWeapons"
                if hostile and any(frame.trigger in c.subtree for c in clauses):
                    accused += frame.actors
        if lemma in rules.describing_verbs:
            # "described North Korea as a criminal group", "called Hamas a terrorist organisation"
            predicates = [c for c in verb.children if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd"]
            if not predicates:
                # ("described Pelosi's visit as a provocation", "called Pelosi's visit a provocation": the parser may
                # hang the description on the one described)
                predicates = [c for o in verb.children if o.dep_ == "dobj" for c in o.children
                              if (c.dep_ == "prep" and c.lower_ == "as") or (c.dep_ == "dobj" and c.i > o.i)]

            def negative(phrase: Token) -> bool:
                # (not in an apposition, a part of its own: "the Houthis, a terrorist organisation"; nor in the
                # description hung on it)
                inner = {t.i for a in phrase.children if a.dep_ == "appos" or (a in predicates and a is not phrase)
                         for t in a.subtree}
                return _names_any([t for t in phrase.subtree if t.i not in inner], rules.negative_descriptors)

            # (the parser may swap the one described and the description: "called Trump a threat")
            parts = predicates + [c for c in verb.children if c.dep_ in OBJECTS] if predicates else []
            objects = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
            if not parts and len(objects) == 1:
                # or the second as in apposition to the first
                objects += [c for c in objects[0].children if c.dep_ == "appos"]
            if not parts and len(objects) > 1:
                # "designated Hamas a terrorist organisation": the parser may read the two objects as indirect and
                # direct, or as two direct objects ("designated the Houthis a terrorist organisation")
                parts = objects
            if any(negative(p) for p in parts):
                described = [p for p in parts if p.dep_ != "prep" and not negative(p)]
                # ("called Pelosi's visit a provocation", "described the visit by Pelosi as a provocation": an act
                # described is whoever did it)
                acts = [p for p in described if p.pos_ == "NOUN" and p.lemma_.lower() in rules.nouns]
                found = phrase_keys([p for p in described if p not in acts], ctx) + [
                    k for p in acts for k in act_doers(p, ctx, victims=False)]
                # (the parser may fold the one described into the description: "called Sanchez corrupt", "called
                # Spain's prime minister corrupt" read as one phrase, the name as its modifier)
                # (or the one described's own modifier with it: "called the Russian election illegitimate", the
                # demonym and the noun both hung on the description)
                folded = [c for p in parts if p.dep_ == "oprd" and negative(p) for c in p.children if c.i < p.i
                          and (c.dep_ in ("compound", "poss") or (c.dep_ == "amod" and c.i in ctx.res.demonym_tokens))]
                accused += found or phrase_keys([c for c in folded if c.dep_ != "amod"], ctx) or [
                    k for c in folded if c.dep_ == "amod" and (k := ctx.res.token_keys.get(c.i))]
        if not accused:
            continue
        date, date_text = event_date(verb, None, document, ctx.dates.get(sent.start, ()))
        evidence = _evidence(sent, document, offset, verb.text)
        # (the accusing verb's own modality: "Washington may hold Iran responsible" is considered, "did not
        # blame" negated)
        mod = modality(verb, rules, self_planned=False)
        for actor in speakers:
            for target in dict.fromkeys(accused):
                if target != actor and not _same_country(actor, target, ctx) and ctx.can_act(target):
                    yield Event(actor, "Accuse", target, mod, date, date_text, None, (evidence,))


def _names_any(tokens: list[Token], phrases: frozenset[str]) -> bool:
    """Some word of these, or some run of two or three of them, as written or by lemma, is one of `phrases`
    ("a terrorist organisation", "a foreign agent", "war criminals")."""
    for words in ([t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens]):
        if any(" ".join(words[i:i + n]) in phrases for n in (1, 2, 3) for i in range(len(words) - n + 1)):
            return True
    return False


def _charged_word(token: Token, rules: Rules) -> bool:
    """A noun that names an act as a wrong (`accusations.charged_nouns`), alone, with its compound ("war crimes") or
    with its phrase ("crimes against humanity")."""
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    return lemma in rules.charged_nouns or any(
        c.dep_ == "compound" and f"{c.lower_} {lemma}" in rules.charged_nouns for c in token.children) or any(
        phrase in rules.charged_nouns for phrase in prep_phrases(token))


def _charged(verb: Token, ctx: Context) -> list[str]:
    """ "Azerbaijan said it was responding to Armenian aggression", "labelled them Russian disinformation": a
    speaker who names an act by a charged word and its owner accuses the owner (whom its modifiers name)."""
    rules = ctx.rules
    said = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as")]
    wrongs = [t for clause in said for t in clause.subtree if _charged_word(t, rules)]
    # ("to recognise the Armenian genocide": a people's adjective there names the victims, no owner)
    owners = [k for t in wrongs for k in modifier_owners(t, ctx)
              if not (t.lemma_.lower() in rules.victim_named_acts and all(c.dep_ == "amod" for c in t.children
                                                                        if c.i in ctx.res.token_keys))]
    # "Russia is committing genocide": whoever the clause says commits the wrong
    doers = actor_keys([s for t in wrongs if t.dep_ in OBJECTS and t.head.lemma_.lower() in rules.committing_verbs
                        for s in t.head.children if s.dep_ in SUBJECTS], ctx)
    return owners + [k for k in doers if k not in owners]


def _blamed(verb: Token, ctx: Context) -> list[Token]:
    """ "Kyiv said Moscow was behind the explosion", "said Russia was responsible for the attack", "was to blame
    for the deaths": the subjects of the saying verb's clauses that put them behind a hostile act or a harm."""
    rules = ctx.rules

    def harmful(noun: Token) -> bool:
        return hostile_act(noun, rules) or noun.lemma_.lower() in rules.harms or any(
            t.lemma_.lower() in rules.negative_descriptors for t in noun.subtree)

    out = []
    for clause in _claimed_clauses(verb, rules):
        if clause.lemma_.lower() in rules.blame_words and clause.pos_ == "ADJ":
            # "held Iran responsible for the attack", "found Syria responsible": a small clause with no copula
            objects = [p for prep in clause.children if prep.dep_ == "prep" and prep.lower_ in ("for", "of")
                       for p in prep.children if p.dep_ == "pobj"]
            if any(harmful(o) for o in objects):
                out += [c for c in clause.children if c.dep_ in SUBJECTS]
            continue
        if clause.tag_ == "VBN" and clause.lemma_.lower() in rules.blame_words:
            # "said Indian agents may have been involved in the killing", "were implicated in the bombing"
            if any(harmful(o) for o in pobjs(clause, frozenset({"in"}))) and not _negated(clause):
                out += [c for c in clause.children if c.dep_ in PASSIVE_SUBJECTS]
            continue
        if clause.lemma_ != "be":
            continue
        # "behind the explosion" on the copula; "responsible for", "to blame for" on its complement
        heads = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in rules.blame_words]
        objects = [p for h in heads for prep in h.children if prep.dep_ == "prep"
                   and (prep.lower_ in rules.blame_words if h is clause else prep.lower_ in ("for", "of", "in"))
                   for p in prep.children if p.dep_ == "pobj"]
        # "said China is the biggest threat to our security", "said Russia was a terrorist state": saying that
        # someone is what the negative descriptors name describes them as it (not "is not a threat")
        described = [a for a in clause.children if a.dep_ == "attr" and any(
            t.lemma_.lower() in rules.negative_descriptors or t.lower_ in rules.negative_descriptors for t in a.subtree)]
        # (saying someone was not behind it clears them: "said Russia was not responsible for the attack")
        if (any(harmful(o) for o in objects) or described) and not _negated(clause):
            out += [c for c in clause.children if c.dep_ in SUBJECTS]
    return out


def _claimed_clauses(verb: Token, rules: Rules) -> list[Token]:
    """The clauses a verb of saying claims: its complements, and what evidence it says there is ("said there was clear
    evidence that Indian agents had been involved", "said they had proof that Iran was behind the attack"); not
    evidence denied ("there was no evidence that ...")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for clause in list(clauses):
        if _negated(clause):
            continue
        for noun in clause.children:
            if noun.dep_ in ("attr", "dobj") and noun.lemma_.lower() in rules.evidence_nouns \
                    and not any(d.lower_ in ("no", "little") for d in noun.children):
                clauses += [c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return clauses


def _negated(clause: Token) -> bool:
    """A clause with a negation on its verb or its complement: "was not involved", "is not responsible"."""
    return any(c.dep_ == "neg" for h in (clause, *(c for c in clause.children if c.dep_ in ("acomp", "xcomp")))
               for c in h.children)


def _obligation_clauses(verbs: list[Token], ctx: Context) -> list[Token]:
    """Clauses that state what someone must do, under a verb of saying (of `verbs`, a sentence's) with a named speaker."""
    rules = ctx.rules
    out = []
    for verb in verbs:
        if verb.lemma_.lower() not in rules.attribution_verbs:
            continue
        if not actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx):
            continue
        out += [c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() not in rules.mental_verbs
                and any(a.dep_ == "aux" and a.lower_ in rules.obligation_auxiliaries for a in c.children)]
    return out


def _obligations(clauses: list[Token], sent: Span, document: Document, ctx: Context, offset: int) -> Iterator[Event]:
    """ "Russia said on Tuesday that Sudan must return the helicopter": the speaker requests it of the subject
    (`clauses`: the sentence's `_obligation_clauses`)."""
    for clause in clauses:
        verb = clause.head
        speakers = [k for k in actor_keys([c for c in verb.children if c.dep_ in SUBJECTS], ctx) if ctx.can_act(k)]
        addressees = phrase_keys([c for c in clause.children if c.dep_ in SUBJECTS], ctx)
        if set(addressees) & set(speakers):
            continue  # "X and Y argued they should ...": what the speakers say they must do asks no one
        date, date_text = event_date(verb, None, document, ctx.dates.get(sent.start, ()))
        evidence = _evidence(sent, document, offset, verb.text)
        mod = modality(verb, ctx.rules, self_planned=False)  # (the saying verb's: "did not say Sudan must ...")
        for actor in speakers:
            for target in addressees:
                if target != actor and not _same_country(actor, target, ctx):
                    yield Event(actor, "Request", target, mod, date, date_text, None, (evidence,))


def _unplaced(key: str, ctx: Context) -> bool:
    """A party no table knows and the text gives no country: found in this text only, acting for no state."""
    return key not in ctx.gaz.entities and ctx.country(key) is None


def _same_country(actor: str, target: str, ctx: Context) -> bool:
    """Yoon or a ministry acting on its own state is no event; a state acting on its rebels, or
    rebels on their state ("Rwandan rebels demanded that the RPF ..."), is one."""
    if target != ctx.country(actor):
        return False
    organ = ctx.gaz.types.get(actor) in ("government", "military", "igo")
    return ctx.kind(actor) == "Person" or organ or (ctx.kind(actor) == "Organization" and actor not in ctx.entities)


def _events(frame: Frame, light: Token | None, sent: Span, document: Document, ctx: Context, offset: int,
            symmetric: bool = False, mutual: bool = False, told: str | None = None) -> Iterator[Event]:
    """The events of a frame, one per actor and target (`told`: the modality when the frame's own is not it)."""
    # (a nominal event is told, and negated, by the verb that carries it)
    teller = light if light is not None and frame.trigger.pos_ == "NOUN" else frame.trigger
    mod = told or modality(teller, ctx.rules, self_planned=frame.action == "Agree" and frame.cameo is None)
    if mod == "negated" and in_setting(frame.trigger, light, ctx.rules):
        mod = "asserted"  # "did not raise the issue in talks with Xi": what is denied happened in talks that did not
    if told is None and light is not None and mod == "asserted" and frame.trigger.lemma_.lower() not in ctx.rules.performed_nouns:
        # ("offered support" plans it; "offered condolences" is the act itself)
        mod = modality(frame.trigger, ctx.rules)
    if told is None and mod == "planned" and teller.dep_ == "xcomp" and to_infinitive(teller) \
            and teller.head.lemma_.lower() in ctx.rules.modality.performing_verbs \
            and action_types()[frame.action].quad.startswith("verbal"):
        # "voted to impeach": the vote says it, with the vote's own modality ("will vote to impeach": not yet)
        mod = modality(teller.head, ctx.rules, self_planned=False)
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
                if mutual:
                    yield Event(other, frame.action, actor, mod, date, date_text, qty, (evidence,), frame.cameo)
        return
    # a place is not a party: "attacked the Kursk region" is an attack on Russia; a sea or a bridge
    # with no country ("searched the Java Sea") is no target at all
    placed = [_party(t, ctx) for t in frame.targets]
    targets: tuple[str | None, ...] = tuple(dict.fromkeys(t for t in placed if t)) or (None,)
    if frame.targets and targets == (None,):
        return
    # a place a state's organ speaks, goes to law or uses force against is its local government or people: "the
    # Trump administration sued California", "Syrian forces shelled Idlib" are events at home, where "visited
    # California" or "sent troops to Minneapolis" are not
    # (and forces pulled out of a region of their own state withdraw at home: "Russian troops pulled out of Chechnya")
    local = {p for t, p in zip(frame.targets, placed) if p and ctx.kind(t) == "Location" and t != p} \
        if action_types()[frame.action].quad in HOSTILE_QUADS or frame.action == "Retreat" else set()
    # "said it would not meet the demands": consent denied in words rejects, besides the act it negates
    refusal = mod == "negated" and frame.action in ctx.rules.refused_actions and denied(teller, ctx.rules)
    for actor in actors:
        for target in targets:
            if target == actor and ctx.kind(actor) != "Country":
                continue  # only a state acts on itself (on its people); a person or a group never does
            # a state may coerce its own people, a government concede to them; else no self-reference
            if target is not None and not frame.domestic and target not in local and (
                    target == actor or _same_country(actor, target, ctx)):
                continue
            if target is not None and frame.own_only and target not in (actor, ctx.country(actor)):
                continue  # "Algeria and Morocco banned the niqab": each at home
            if target is not None and ctx.is_outlet(target) and action_types()[frame.action].quad not in HOSTILE_QUADS:
                # an outlet is where a claim is told ("told Reuters", "in an interview with CNN"), no partner
                # of talks or support; but a state that bans, blocks, raids or accuses one acts on it:
                # "Russia banned the BBC", "China accused CNN of spreading lies"
                continue
            if _unplaced(actor, ctx) and (target is None or _unplaced(target, ctx)):
                # a party no table knows, that the text places in no country, acting on no one or on another
                # such party: a software maintainer, a sports team, a church group; no geopolitical event
                continue
            action = _verbal(frame, actor, target, ctx)
            if action == "Coerce" and _abroad(frame, actor, target, ctx):
                # "Australia imposed travel bans on Russian officials": restrictions a state puts on another's people
                # are a sanction (CAMEO 16), where a curfew or a travel ban at home coerces its own (CAMEO 17)
                action = "Sanction"
            if action is not None:
                yield Event(actor, action, target, mod, date, date_text, qty, (evidence,), frame.cameo)
                if refusal:
                    yield Event(actor, "Reject", target, "asserted", date, date_text, None, (evidence,), None)


def _abroad(frame: Frame, actor: str, target: str | None, ctx: Context) -> bool:
    """Restrictions (`restrictions` class: bans, curfews) put by one state on another state or its people."""
    if target is None or frame.theme is None or theme_class(frame.theme, ctx.rules) != "restrictions":
        return False
    mine, theirs = ctx.country(actor) or actor, ctx.country(target) or target
    return ctx.kind(mine) == "Country" and ctx.kind(theirs) == "Country" and mine != theirs


def _verbal(frame: Frame, actor: str, target: str | None, ctx: Context) -> str | None:
    """ "Biden attacked Trump for the deaths", "Democrats attacked Trump": between people and parties,
    who fight with words, an attack is an accusation; the dictionary's other verbs of force between
    them ("entered the race to defeat Trump", "pushed Biden to the left") are figures of speech: None."""
    def speaks(key: str) -> bool:
        return ctx.kind(key) == "Person" or ctx.gaz.types.get(key) == "party"

    if frame.action != "Assault" or target is None or not (speaks(actor) and speaks(target)):
        return frame.action
    if frame.trigger.lemma_.lower() in ctx.rules.verbal_attacks:
        return "Accuse"
    return frame.action if frame.cameo is None else None
