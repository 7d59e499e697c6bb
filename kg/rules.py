"""Load and validate the event rule table (ontology/rules.yaml) into frozen dataclasses.

All rule data is checked here, once, with errors that name the file and the
entry, so that the event rules (kg/events/) can trust what it is given.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from kg.actions import action_types, is_a
from kg.errors import RulesError
from kg.gazetteer import TYPES as GAZETTEER_TYPES, StrictLoader
from kg.paths import ontology_dir

OBJECT_ROLES = ("auto", "target", "theme")
POSSESSOR_ROLES = ("actor", "target")
AGENT_CLASSES = ("troops", "weapons", "envoy")
"""Noun classes whose members act for their owner: "Israeli warplanes struck", "Russian envoys met"."""


@dataclass(frozen=True)
class Sense:
    """An action a trigger evokes, when its theme is of class `theme` (None: any theme); an action of None
    says the trigger is no event with that theme ("a campaign rally" is no protest)."""

    action: str | None
    theme: str | None = None
    giver: str | None = None
    """A preposition whose object does the act to the subject: "Ukraine received aid from Japan" (`from`)."""


@dataclass(frozen=True)
class Trigger:
    """A trigger lemma with its senses, the role of its direct object and its constraints."""

    lemma: str
    senses: tuple[Sense, ...]
    object: str = "auto"
    require_target: bool = True
    defer_to_complement: bool = False
    absorb_complement: bool = False
    """A threat or a request is the event, not the act threatened or requested: the complement's
    targets become this trigger's and the complement yields no event of its own."""
    borrow_complement_targets: bool = False
    """A refusal concerns whom its complement names ("refused to respond to Kiev's requests");
    unlike absorption, the complement keeps its own (negated) event."""
    reciprocal: bool = False
    """Coordinated subjects act on each other when nothing else is named: "Armenia and Azerbaijan fought"."""
    threat_if_hostile: bool = False
    """A pledge of a hostile act is a threat ("vowed to retaliate against X"); of anything else, a pledge."""
    possessor: str = "actor"
    """Whom a possessive names on an event noun with no of-object: its doer ("Russia's invasion") or, for
    nouns of what is done to someone, its target ("Navalny's arrest", "Khashoggi's murder")."""
    state_action: str | None = None
    """The action when the object is a state and no sense's theme fits (a default sense with no theme gives way to
    it): "the African Union suspended Niger", "OPEC expelled Qatar" sanction it (a body acting on a member), where
    "suspended talks" picks a sense by its theme and "expelled journalists" takes the default. On a noun, the state
    is its of-object: "the suspension of Niger"."""
    venues: frozenset[str] = frozenset()
    """Prepositions that name where the act is brought or goes, not whom it is on: "filed a complaint with the WTO
    against the US", "a case at the ICJ", "pulled back to Belarus"."""
    denied: str | None = None
    """The act a denial of this trigger in words is, told instead of the act negated: "will not tolerate any
    provocation" threatens (CAMEO 13) rather than concedes nothing."""
    aimed: frozenset[str] = frozenset()
    """Prepositions that name whom the act is on besides the common ones: a vote of no confidence "in" the
    prime minister (elsewhere "in" says where)."""
    needs_complement: bool = False
    """An event only with an infinitive complement: "told Netanyahu to stop the offensive" asks him, "told
    reporters" asks no one."""
    person_action: str | None = None
    """The action when the object is a person or an office holder: "Xi welcomed Putin" receives him (a meeting),
    where "welcomed the decision" praises it."""

    def evokes(self, ancestor: str) -> bool:
        """Whether a sense of this trigger is an action of type `ancestor` or below it ("strike" evokes Assault)."""
        return any(s.action is not None and is_a(s.action, ancestor) for s in self.senses)

    @property
    def protests(self) -> bool:
        """Whether every sense of this trigger is a protest ("rallied", "marched"), whatever else its clause makes it."""
        return bool(self.senses) and all(s.action == "Protest" for s in self.senses)


@dataclass(frozen=True)
class ModalityCues:
    """Words that make an event considered, planned or negated (see actions.md)."""

    considered_verbs: frozenset[str]
    planned_verbs: frozenset[str]
    negated_verbs: frozenset[str]
    open_when_negated: frozenset[str]
    considered_auxiliaries: frozenset[str]
    planned_auxiliaries: frozenset[str]
    negations: frozenset[str]
    considered_nouns: frozenset[str]
    planned_nouns: frozenset[str]
    negated_nouns: frozenset[str]
    considered_adjectives: frozenset[str]
    planned_adjectives: frozenset[str]
    negated_adjectives: frozenset[str]
    """ "Germany is reluctant to send troops": what one is unwilling to do is not done."""
    open_adjectives: frozenset[str]
    """ "Serbia is open to talks with Kosovo": what one is open to, one would consider."""
    factive_nouns: frozenset[str]
    """ "cannot change the fact that the authorities chose to suppress protests": what a fact holds is told as given."""
    negated_adverbs: frozenset[str]
    """ "instead of imposing sanctions": what is done in place of something else leaves it undone."""
    conditional_marks: frozenset[str]
    chosen_verbs: frozenset[str]
    """ "preferring instead to aid Kyiv": what one prefers or chooses instead is done, whatever it replaces."""
    deciding_verbs: frozenset[str]
    """ "passed a no-confidence motion": what an assembly passes is decided, no longer only proposed."""
    performing_verbs: frozenset[str]
    """ "the House voted to impeach Trump": what is voted to be said (a verbal act) is said by the vote."""


@dataclass(frozen=True)
class Rules:
    """Everything the event rules (kg/events/) need, validated."""

    verbs: Mapping[str, Trigger]
    nouns: Mapping[str, Trigger]
    noun_classes: Mapping[str, frozenset[str]]
    target_preps: frozenset[str]
    light_verbs: frozenset[str]
    pattern_only_verbs: frozenset[str]
    """Verbs the CAMEO dictionary codes only by a pattern: their object carries the sense ("gave an address")."""
    dismissal_verbs: frozenset[str]
    """Verbs that end someone's job when a person is their object ("fired the minister"): no event."""
    transitive_verbs: frozenset[str]
    """Verbs that always take an object: with a subject and none, a headline's passive (`reduced_passive`)."""
    comment_verbs: frozenset[str]
    """Verbs that comment on another's act ("condemned the arrest of ..."): whom it hit is not the commenter's."""
    state_acts: Mapping[str, str]
    """Verbs of acts only a state does, with the sector code of the organ that does them ("arrest": COP)."""
    verdicts: Mapping[str, str]
    """A verdict after "find" and the trigger verb it stands for ("guilty": convict)."""
    convictions: frozenset[str]
    """Verbs of a court's finding: whoever they are done to did what they are done for ("convicted of raping")."""
    asking_preps: Mapping[str, frozenset[str]]
    """Trigger verbs that ask only through these prepositions or an infinitive ("called for a ceasefire",
    "called on Russia to withdraw"); else the dictionary reads them ("called Biden" is a phone call)."""
    placing_preps: Mapping[str, frozenset[str]]
    """Trigger verbs that put an act on someone through these prepositions: "blamed the attack on Iran"
    accuses Iran, though the parser hangs "on Iran" on the attack."""
    actor_object_verbs: frozenset[str]
    """Verbs the dictionary codes bare only with an actor as object ("received the Saudi crown prince");
    with a thing ("received her degree", "received 400 votes") only its patterns code them."""
    governing_verbs: frozenset[str]
    """Verbs with which a state or province as subject is its government ("Texas sued")."""
    street_verbs: frozenset[str]
    """Verbs that, with the street as object or goal ("took to the streets"), are a protest."""
    answering_verbs: frozenset[str]
    """Verbs that answer an act: with an attack as what they answer, they are force ("responded to the attack")."""
    victim_named_acts: frozenset[str]
    """Acts a people's adjective names the victims of, not the doers: "the Armenian genocide"."""
    mediating_verbs: frozenset[str]
    """Verbs of standing between parties: those who mediate or host are no parties, nor each other's."""
    taking_verbs: frozenset[str]
    """Verbs of taking or holding people: whom they took is whose release their doers are asked for."""
    seizing_verbs: frozenset[str]
    """Verbs of removing a government that are force only in armed hands: a parliament's vote topples it too."""
    occupying_verbs: frozenset[str]
    """Verbs that are force only in armed hands, and no event in any other: troops entering a country occupy it."""
    sit_in_verbs: frozenset[str]
    """Verbs that are force in armed hands and a sit-in protest in unarmed ones: "students occupied the campus"."""
    binding_verbs: frozenset[str]
    implicative_verbs: frozenset[str]
    causative_verbs: frozenset[str]
    """Verbs whose small clause of a participle tells what the causer has done to its subject ("had Navalny arrested")."""
    appeal_nouns: Mapping[str, str]
    """Nouns that take another noun's trigger when they ask for something ("a call for talks" is an appeal), else
    their own (a call is talks)."""
    """Verbs whose object does what their infinitive says ("forced Ukraine to withdraw", "sent Blinken to meet Wang
    Yi"); under any other verb with an object that could act, the infinitive is asked of it, not done."""
    """Verbs of planning whose object, a party, does what the infinitive says ("commits the US to withdraw")."""
    supplying_verbs: frozenset[str]
    """Verbs of giving whose infinitive of purpose the recipient carries out ("gave Ukraine tanks to fight Russia")."""
    firing_verbs: frozenset[str]
    """Verbs whose subject owns the weapons or craft it acts with ("the drones Russia launched")."""
    repelling_verbs: frozenset[str]
    blacklist_marks: frozenset[str]
    """Words that make a list one of whom a state bars: "its list of state sponsors of terrorism"."""
    """Verbs of force whose object is the force they meet: aimed at its doer ("repelled a Ukrainian attack")."""
    street_nouns: frozenset[str]
    owning_participles: frozenset[str]
    """Participles after a state's name or demonym that make it the owner of what they modify: "a British-flagged
    tanker", "a Gaza-based group" (not "Iranian-backed militias", which are not Iran's own)."""
    linking_participles: frozenset[str]
    """Participles after a vessel or a building that tie it to its owner: "ships linked to Israel"."""
    ruling_verbs: frozenset[str]
    """Verbs of a ruling or a finding that, with an act said to be unlawful (`unlawful_words`), condemn whoever did
    it: "the court found Johnson's advice unlawful", "a judge ruled Trump's travel ban unconstitutional"."""
    unlawful_words: frozenset[str]
    sighting_verbs: frozenset[str]
    """Verbs of seeing forces: another state's forces a state sights near it show force to it ("Taiwan detected 30
    Chinese military aircraft near the island")."""
    companion_nouns: frozenset[str]
    """Nouns that, after "in", make a with-phrase name a companion: "in coordination with the army"."""
    companion_adverbs: frozenset[str]
    """Adverbs that make a with-phrase name a companion: "together with Iran"."""
    companion_sympathies: frozenset[str]
    """Nouns that, after "in", make a with-phrase name whom an act is for: "in solidarity with Hamas"."""
    companion_preps: frozenset[str]
    """Prepositions that name a companion themselves: "fought alongside Ethiopian forces"."""
    allied_actions: frozenset[str]
    """Acts that, done with a companion, are military cooperation with it too (CAMEO 062)."""
    aspectual_verbs: frozenset[str]
    """Verbs of going on or starting an act ("vowed to keep fighting"): what they govern is still what is vowed."""
    joining_verbs: frozenset[str]
    """Verbs whose object shares the act of their in-gerund: "Japan joined the US in imposing sanctions"."""
    growing_verbs: frozenset[str]
    """Verbs of growing: alone ("the row escalated") they tell of nothing done to anyone, whatever the dictionary codes."""
    evidence_nouns: frozenset[str]
    """What one says there is of a claim: "said there was evidence that Indian agents were involved" claims it."""
    generic_act_nouns: frozenset[str]
    """Nouns that name the act told just before, whatever it was: "Beijing condemned the move"."""
    reaction_actions: frozenset[str]
    """Actions that react to an act rather than make a move of their own: "the move" never names one of them."""
    bloc_words: frozenset[str]
    """Words of a group of nations: "Western leaders", "world leaders" are of no one state."""
    foreign_words: frozenset[str]
    """Words that say people or craft are from another state than the one acting on them ("a foreign tanker")."""
    creed_words: frozenset[str]
    """Words of a faith among the bloc words: they place no state's organs ("Muslim leaders"), but people who act
    outside a state's institutions are of where they act ("Islamic militants attacked a police station in Mali")."""
    gendered_words: Mapping[str, str]
    """Titles and words for people that tell the gender ("masculine", "feminine") of the name right after them."""
    sole_organs: frozenset[str]
    """Organs a state has one of: "governments across Latin America" are several states', not the text's one
    (see `kg.canonicalize.several_states`)."""
    platform_nouns: frozenset[str]
    """Vessels and aircraft, which act for the agent their compound names ("coast guard vessels", "navy ships")."""
    premises_nouns: frozenset[str]
    """Buildings that are the agent their compound names, acted on as it is ("stormed the parliament building")."""
    counterpart_nouns: frozenset[str]
    """Nouns of the holder of the same office on the other side: a possessive names the one met, not their country
    ("talks with his counterpart")."""
    visit_codes: frozenset[str]
    """CAMEO codes of a visit, whose place is whom it visits when no one is named: "arrived in Pyongyang for a visit"."""
    visiting_verbs: frozenset[str]
    """Verbs whose object is the one met: "Macron and Scholz visited Kyiv" each visit Ukraine."""
    raising_verbs: frozenset[str]
    """Verbs of permission and help whose infinitive clause's subject is their object ("allowed UN inspectors
    to enter Gaza"): the parser hangs the one allowed on the infinitive."""
    electoral_verbs: frozenset[str]
    """Verbs of contest that, with an election word in the sentence, are no event ("the race to defeat Trump")."""
    phone_verbs: frozenset[str]
    """Verbs of speaking that, by one of `phone_means` ("spoke by phone"), are a consultation."""
    phone_means: frozenset[str]
    ultimatum_verbs: frozenset[str]
    """Verbs that give someone a time (`ultimatum_times`, or until a day: `ultimatum_until`) to do what their
    infinitive says: an ultimatum to them ("gave the junta a week to reinstate the president")."""
    ultimatum_times: frozenset[str]
    ultimatum_until: frozenset[str]
    ultimatum_code: str
    assembly_verbs: frozenset[str]
    """Verbs of assembling that, with protesters as subject, are a protest ("protesters gathered outside the embassy")."""
    protester_nouns: frozenset[str]
    """Nouns for people protesting: the subjects that make an assembly a protest."""
    former_words: frozenset[str]
    """Words that put an office holder out of office ("former", "ex", "retired"): they are the country's elites."""
    office_sectors: frozenset[str]
    """Sectors of state offices (GOV, MIL, ...), whose former holders are elites (ELI), no longer the organ."""
    public_sectors: frozenset[str]
    """Sectors of the general public (PPL, CVL): the dictionary codes nothing they do but protest (its general
    verbs read everyday acts, "paying taxes", "returned from Italy", "vote for", as events); the hand rules do."""
    unarmed_types: frozenset[str]
    """Gazetteer types of organisations that hold no force ("company", "media", "ngo")."""
    unarmed_actions: frozenset[str]
    """Actions of force those organisations never do: "SpaceX launched its first crewed mission" attacks no one."""
    attacker_sector: str
    """The sector of unidentified attackers: an attack told in the passive, by a weapon or in an attack with
    no doer named, is theirs in the country where it happened ("killed by a roadside bomb near Basra")."""
    attack_verbs: frozenset[str]
    """Verbs that tell of an attack by themselves ("assassinated"), where "killed" may tell of an accident."""
    attack_means: frozenset[str]
    """Nouns (or modifier + noun) of what makes a killing an attack: "by an improvised explosive device", "in a bombing"."""
    lemma_fixes: Mapping[str, str]
    """Verb forms spaCy's lemmatizer reads as another word ("staged": "stag"), with their lemma; set before it runs."""
    untargeted: Mapping[str, str]
    """Actions that, with their theme named but no target, read as another that needs none (DeployTroops: Mobilize)."""
    drill_preps: frozenset[str]
    """Prepositions that set an act in drills ("in", "during"): `drill_classes` nouns after them make force a show."""
    drill_classes: frozenset[str]
    """Noun classes of drills ("exercise"): force used in them is shown, not used on anyone."""
    drill_actions: Mapping[str, str]
    """What an act set in drills reads as (Assault: Mobilize, CAMEO 150)."""
    content_demands: frozenset[str]
    """Verbs of asking whose direct object can be what is asked for ("urged restraint"), not only whom."""
    act_comments: frozenset[str]
    """Actions that comment on an act named as their object ("condemned the attack on Iran"): the act's
    doer is their target, never whom it hit."""
    symmetric_actions: frozenset[str]
    performed_nouns: frozenset[str]
    """Event nouns that offering or extending performs: "offered condolences to Turkey" is done, not planned."""
    conveying_verbs: frozenset[str]
    """Verbs that carry a performed noun ("sent his condolences to Trump") though they carry no other event noun."""
    undergoing_verbs: frozenset[str]
    """Verbs whose subject undergoes the event their object names: "Iran faced criticism from the EU"."""
    travel_verbs: frozenset[str]
    """Verbs of travel, whose for-phrase meeting is the traveller's: "flew to Riyadh for talks"."""
    type_classes: Mapping[str, str]
    """Entity type -> the noun class a named entity of that type is of, as an object: "dissolved the Muslim
    Brotherhood's party" and "dissolved the Freedom and Justice Party" close down a body alike."""
    instrument_actions: Mapping[str, str]
    """Noun class of a subject -> the action a hostile verb it heads does: "the sanctions target three banks"
    sanction them, not attack them."""
    told_as: Mapping[str, str]
    """Action type -> the noun class an act of it is named again by ("Israeli jets struck Lebanon ... the strikes")."""
    opinion_verbs: frozenset[str]
    """Verbs of agreement that, with an idea or a that-clause and no one named, state an opinion, no event."""
    foretelling_verbs: frozenset[str]
    """Warnings that, with no one warned, foretell a harm rather than threaten: "the UN warned that Sudan faces famine"."""
    fates: frozenset[str]
    """What a warning says someone will undergo, which makes it a threat whoever that is: "would pay a heavy price",
    "will face consequences", "will regret it"."""
    claiming_verbs: frozenset[str]
    """Verbs whose object act is the subject's own: "Islamic State claimed the bombing" (claimed responsibility)."""
    motion_nouns: frozenset[str]
    """What an assembly votes on, holding the act it is of: "passed a motion of no confidence in the prime minister"
    is passed no confidence."""
    rally_nouns: frozenset[str]
    """Gatherings that are dissent only when those out of power hold them: a president's rally is a campaign's."""
    place_nouns: frozenset[str]
    """Nouns of a kind of place whose of-phrase names the place itself: "the state of Pennsylvania" (not "the
    government of Sudan", which acts for the country)."""
    staff_nouns: frozenset[str]
    """Those who work for or lead a body: named with the body's word, they are its ("university officials")."""
    group_nouns: frozenset[str]
    """Collective nouns that name no one alone; with an agent word before them they are its ("student groups")."""
    heading_nouns: frozenset[str]
    """Who heads a body and acts for it, with an of-phrase naming it: "the head of the IAEA", "the director of the CIA"."""
    mission_nouns: frozenset[str]
    """A state's missions abroad: its own one "in" a state stands for relations with that state."""
    condition_nouns: frozenset[str]
    """Agent nouns that, bare after "in" or "into", name a condition, not people: "fled into exile", "in opposition"."""
    border_nouns: frozenset[str]
    """Nouns of a line between states: near one, an event is in neither for sure ("near the Chinese border")."""
    water_nouns: frozenset[str]
    """Kinds of water whose of-phrase names no owner: "the Gulf of Oman" is no part of Oman."""
    domain_nouns: frozenset[str]
    """A state's domain, which stands for the state its owner is: "violated Poland's airspace" acts on Poland."""
    bond_classes: frozenset[str]
    """Noun classes of what parties share: coordinated subjects that act on "their" one act on each other
    ("Russia and China deepened their partnership")."""
    mutual_nouns: frozenset[str]
    """Bonds always between parties: "Greece and Turkey pledged to improve relations" are theirs with no "their"."""
    acted_on_classes: frozenset[str]
    """Noun classes whose nouns are acted on, never a theme: "suspended the opposition party"."""
    modifier_classes: frozenset[str]
    """Noun classes whose words name the class only as modifiers of a noun ("a general strike", "a national
    strike"): a noun heading its own phrase is of none of them ("charged two Chinese nationals")."""
    self_target_actions: frozenset[str]
    """With no target named, these are directed at the actor's own country (a strike or a riot protests
    against one's government, as CAMEO codes it)."""
    refused_actions: frozenset[str]
    """Acts of consent whose denial in words ("would not meet the demands", "did not accede") is a rejection
    (CAMEO 12) as well as the act negated."""
    role_nouns: frozenset[str]
    """Heads that act for whoever modifies them: "Russia's Foreign Ministry", "the Spanish king"."""
    camp_nouns: frozenset[str]
    """Role nouns for whoever's camp ("supporters of Navalny", "members of NATO"): they act for their owner
    itself, where other role nouns with "of" act for the owner's country ("the government of Sudan")."""
    person_roles: frozenset[str]
    """Offices one person holds: "his" or "her" may refer to "the Prime Minister", not to "the police"."""
    anaphoric_nouns: frozenset[str]
    """ "the government", "the regime": with "the" they refer back to the latest state named."""
    referring_nouns: Mapping[str, frozenset[str]]
    """Noun -> entity kinds it refers back to with "the": "the country" a Country, "the bloc" an Organization."""
    state_organs: frozenset[str]
    """Organs of a state, which act for the state last named, or the one the text is about, when named alone ("the senate")."""
    owned_nouns: frozenset[str]
    """Nouns whose "of"/"between" object is their owner: "cooperation between North Korea and Russia"."""
    joining_nouns: frozenset[str]
    """Nouns of joining a body: the possessor is the one who joins, the body compounded is joined ("Sweden's NATO bid")."""
    holding_nouns: frozenset[str]
    """Nouns of what a body or a medium has, which take the class of their of- or to-phrase: "blocked access to
    news websites" censors websites, "suspended the activities of 54 NGOs" acts on the NGOs."""
    predicates: Mapping[str, str]
    """Stance adjectives and nouns after a copula, lemma -> action: "is opposed to" rejects, "an opponent of" accuses."""
    people_nouns: frozenset[str]
    """Nouns for people acted upon ("banned a number of players"): an act on them with no place named is on the actor's country."""
    verbal_attacks: frozenset[str]
    """Verbs of attack that are verbal between people: "Biden attacked Trump" accuses him."""
    place_target_actions: frozenset[str]
    """With no target named, these are on the country where they happen ("struck targets in Lebanon")."""
    modality: ModalityCues
    attribution_verbs: frozenset[str]
    attribution_preps: frozenset[str]
    charging_verbs: frozenset[str]
    """ "accused Afghanistan of sheltering militants": the act in such a verb's prepositional phrase is the accuser's claim."""
    obligation_auxiliaries: frozenset[str]
    """"Russia said Sudan must return the helicopter": a statement of obligation is a request."""
    mental_verbs: frozenset[str]
    """States of mind and being, which no one can be asked to do: "people must know that ..." requests nothing."""
    purpose_verbs: frozenset[str]
    """ "sent troops to aid Moscow": an infinitive of purpose on another trigger is no event of its own."""
    instrument_nouns: frozenset[str]
    """Instruments of power ("a decree banning the niqab"): whoever signs or issues one does what it does."""
    proposal_nouns: frozenset[str]
    """What one accepts or rejects: such an event stands even with no author named."""
    proposing_verbs: frozenset[str]
    """ "Russia proposed a plan. Ukraine rejected it": whoever puts a proposal forward is its author."""
    accusing_verbs: frozenset[str]
    """ "Ukraine claimed that Pyongyang had deployed troops": claiming a hostile act of someone accuses them."""
    describing_verbs: frozenset[str]
    describing_only_verbs: frozenset[str]
    """Verbs that only describe ("described the visit as a provocation"): never an act of the dictionary's."""
    negative_descriptors: frozenset[str]
    """ "described North Korea as a criminal group": describing someone as one of these accuses them."""
    blame_words: frozenset[str]
    """ "Kyiv said Moscow was behind the explosion": saying someone is behind, responsible for or to blame
    for an attack or a harm accuses them."""
    harms: frozenset[str]
    """What someone is blamed for besides the hostile acts of the trigger tables ("the deaths", "the crisis")."""
    holding_verbs: frozenset[str]
    """Verbs that hold someone to blame in a small clause: "held Iran responsible for the attack"."""
    charged_nouns: frozenset[str]
    """Words that name an act as a wrong: a speaker who says whose it is accuses them ("said it was responding
    to Armenian aggression")."""
    committing_verbs: frozenset[str]
    """Verbs whose subject does the wrong their object names: a speaker who says so accuses it ("Russia is
    committing genocide in Ukraine, Zelensky said")."""
    version: str
    """Hash of the rule file: part of the cache key, so a rule change re-extracts."""

    @cached_property
    def nulled_themes(self) -> Mapping[str, frozenset[str]]:
        """Verb lemma -> the classes of object with which its trigger says it is no event ("released a statement"),
        for the triggers that have such a sense."""
        return {lemma: frozenset(s.theme for s in trigger.senses if s.action is None and s.theme is not None)
                for lemma, trigger in self.verbs.items() if any(s.action is None for s in trigger.senses)}

    @cached_property
    def silenced_verbs(self) -> frozenset[str]:
        """Verb lemmas a bare `action: null` makes no event at all, neither the rules' nor the dictionary's ("swear
        in", "flee")."""
        return frozenset(lemma for lemma, trigger in self.verbs.items()
                         if all(s.action is None and s.theme is None for s in trigger.senses))

    @cached_property
    def structural_verbs(self) -> frozenset[str]:
        """Verbs the rules read as the frame of another event, never as an event of the dictionary's: verbs
        of saying ("announced plans"), of weighing ("reviewing"), of choosing ("preferring instead to aid"), of
        describing ("described the visit as a provocation")."""
        cues = self.modality
        return self.attribution_verbs | cues.considered_verbs | cues.chosen_verbs | self.describing_only_verbs

    @cached_property
    def agent_nouns(self) -> frozenset[str]:
        """Common nouns that can act on behalf of whoever modifies them ("Turkish authorities",
        "Israeli warplanes"); other nouns with an owner are topics or causes: in "Trump's
        victory prompts Seoul to reconsider" nobody named acts."""
        classes = [self.noun_classes.get(c, frozenset()) for c in AGENT_CLASSES]
        return frozenset(self.role_nouns | self.anaphoric).union(*classes)

    @cached_property
    def anaphoric(self) -> frozenset[str]:
        """Nouns that with "the" refer back to an actor named before (`anaphoric_nouns`, `referring_nouns`)."""
        return self.anaphoric_nouns | frozenset(self.referring_nouns)

    def theme_class(self, phrase: str) -> str | None:
        """The noun class of a lemma or a two-word lemma phrase ("lethal aid"), or None."""
        return self._class_of.get(phrase)

    @cached_property
    def _class_of(self) -> dict[str, str]:
        """Phrase -> class, built once: theme_class runs for every candidate noun of every sentence.
        A phrase listed in two classes keeps the first, as the table reads."""
        index: dict[str, str] = {}
        for name, members in self.noun_classes.items():
            for phrase in members:
                index.setdefault(phrase, name)
        return index


def _words(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulesError(f"{where}: expected a word or a non-empty list of words, got {value!r}")
    return [v.strip().lower() for v in value]


def _triggers(entries: Any, table: str, classes: Mapping[str, frozenset[str]], file: str) -> dict[str, Trigger]:
    if not isinstance(entries, list):
        raise RulesError(f"{file}: '{table}' must be a list of trigger entries")
    known = action_types()
    out: dict[str, Trigger] = {}
    for n, entry in enumerate(entries, 1):
        where = f"{file}: {table} entry {n}"
        if not isinstance(entry, dict):
            raise RulesError(f"{where}: expected a mapping, got {entry!r}")
        unknown = set(entry) - {"lemma", "action", "senses", "object", "require_target", "defer_to_complement",
                                "absorb_complement", "borrow_complement_targets", "reciprocal", "threat_if_hostile",
                                "possessor", "state_action", "venues", "aimed", "denied", "needs_complement",
                                "person_action"}
        if unknown:
            raise RulesError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        lemmas = _words(entry.get("lemma"), f"{where}: lemma")
        where = f"{where} ({lemmas[0]})"
        if ("action" in entry) == ("senses" in entry):
            raise RulesError(f"{where}: give exactly one of 'action' or 'senses'")
        raw_senses = [{"action": entry["action"]}] if "action" in entry else entry["senses"]
        if not isinstance(raw_senses, list) or not raw_senses:
            raise RulesError(f"{where}: 'senses' must be a non-empty list")
        senses = []
        for s in raw_senses:
            if not isinstance(s, dict) or set(s) - {"action", "theme", "giver"}:
                raise RulesError(f"{where}: a sense is a mapping of action, theme and giver, got {s!r}")
            action, theme, giver = s.get("action"), s.get("theme"), s.get("giver")
            if giver is not None and not isinstance(giver, str):
                raise RulesError(f"{where}: giver {giver!r} must be a preposition")
            if action is None and "action" in s and (theme is not None or "action" in entry):
                pass  # {theme: campaign, action: null}: with this theme, no event; a bare `action: null`: never one
            elif action not in known:
                raise RulesError(f"{where}: action {action!r} is not one of {', '.join(sorted(known))}")
            if theme is not None and theme not in classes:
                raise RulesError(f"{where}: theme {theme!r} is not a noun class ({', '.join(sorted(classes))})")
            senses.append(Sense(action, theme, giver))
        role = entry.get("object", "auto")
        if role not in OBJECT_ROLES:
            raise RulesError(f"{where}: object {role!r} is not one of {', '.join(OBJECT_ROLES)}")
        possessor = entry.get("possessor", "actor")
        if possessor not in POSSESSOR_ROLES:
            raise RulesError(f"{where}: possessor {possessor!r} is not one of {', '.join(POSSESSOR_ROLES)}")
        state_action, denial, person_action = (entry.get(field) for field in ("state_action", "denied", "person_action"))
        for field, named in (("state_action", state_action), ("denied", denial), ("person_action", person_action)):
            if named is not None and named not in known:
                raise RulesError(f"{where}: {field} {named!r} is not one of {', '.join(sorted(known))}")
        for lemma in lemmas:
            if lemma in out:
                raise RulesError(f"{where}: lemma {lemma!r} is already a trigger in '{table}'")
            out[lemma] = Trigger(
                lemma, tuple(senses), role, bool(entry.get("require_target", True)),
                bool(entry.get("defer_to_complement", False)),
                bool(entry.get("absorb_complement", False)), bool(entry.get("borrow_complement_targets", False)),
                bool(entry.get("reciprocal", False)), bool(entry.get("threat_if_hostile", False)), possessor,
                state_action, frozenset(_words(entry["venues"], f"{where}: venues")) if "venues" in entry else frozenset(),
                denial, frozenset(_words(entry["aimed"], f"{where}: aimed")) if "aimed" in entry else frozenset(),
                bool(entry.get("needs_complement", False)), person_action,
            )
    return out


def _state_acts(value: Any, where: str) -> Mapping[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(v) == 3 and v.isupper() and v.isalpha()
        for k, v in value.items()
    ):
        raise RulesError(f"{where}: expected a mapping of verb lemma to a sector code of sectors.yaml (COP, JUD, ...), "
                         f"got {value!r}")
    return MappingProxyType({k.strip().lower(): v for k, v in value.items()})


def _verdicts(value: Any, verbs: Mapping[str, Trigger], where: str) -> Mapping[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise RulesError(f"{where}: expected a mapping of verdict word to trigger verb, got {value!r}")
    unknown = sorted(v for v in value.values() if v.strip().lower() not in verbs)
    if unknown:
        raise RulesError(f"{where}: {', '.join(unknown)} not a trigger verb of 'verbs'")
    return MappingProxyType({" ".join(k.lower().split()): v.strip().lower() for k, v in value.items()})


def _verb_preps(value: Any, verbs: Mapping[str, Trigger], where: str) -> Mapping[str, frozenset[str]]:
    """A mapping of trigger verb to prepositions (`asking_preps`, `placing_preps`)."""
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise RulesError(f"{where}: expected a mapping of trigger verb to prepositions, got {value!r}")
    unknown = sorted(k for k in value if k.strip().lower() not in verbs)
    if unknown:
        raise RulesError(f"{where}: {', '.join(unknown)} not a trigger verb of 'verbs'")
    return MappingProxyType({k.strip().lower(): frozenset(_words(v, f"{where}.{k}")) for k, v in value.items()})


def _class_actions(value: Any, classes: Mapping[str, frozenset[str]], where: str) -> Mapping[str, str]:
    """A mapping of noun class name to action type name."""
    if not isinstance(value, dict) or not value:
        raise RulesError(f"{where}: expected a mapping of noun class to action, got {value!r}")
    _class_names(list(value), classes, where)
    _actions(list(value.values()), where)
    return MappingProxyType({k.strip().lower(): v for k, v in value.items()})


def _action_classes(value: Any, classes: Mapping[str, frozenset[str]], where: str) -> Mapping[str, str]:
    """A mapping of action type name to noun class name."""
    if not isinstance(value, dict) or not value:
        raise RulesError(f"{where}: expected a mapping of action to noun class, got {value!r}")
    _actions(list(value), where)
    _class_names(list(value.values()), classes, where)
    return MappingProxyType({k: v.strip().lower() for k, v in value.items()})


def _codes(value: Any, where: str) -> frozenset[str]:
    """A list of CAMEO codes: strings of three or four digits."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.isdigit() and len(v) in (3, 4) for v in value):
        raise RulesError(f"{where}: expected a list of CAMEO codes (strings of 3 or 4 digits, quoted), got {value!r}")
    return frozenset(value)


def _type_classes(value: Any, classes: Mapping[str, frozenset[str]], where: str) -> Mapping[str, str]:
    """A mapping of entity type (the gazetteer's `type`) to noun class name."""
    if not isinstance(value, dict) or not value or not all(isinstance(k, str) and k.strip() for k in value):
        raise RulesError(f"{where}: expected a mapping of entity type to noun class, got {value!r}")
    for name in value.values():
        if name not in classes:
            raise RulesError(f"{where}: {name!r} is not a noun class ({', '.join(sorted(classes))})")
    return MappingProxyType({k.strip().lower(): v for k, v in value.items()})


def _class_names(value: Any, classes: Mapping[str, frozenset[str]], where: str) -> frozenset[str]:
    """A list of noun class names, each one of `noun_classes`."""
    names = frozenset(_words(value, where))
    unknown = sorted(names - set(classes))
    if unknown:
        raise RulesError(f"{where}: {', '.join(unknown)} not a noun class ({', '.join(sorted(classes))})")
    return names


def _section(value: Any, keys: tuple[str, ...], where: str) -> dict:
    """A mapping with exactly these keys."""
    if not isinstance(value, dict) or set(value) != set(keys):
        raise RulesError(f"{where}: expected exactly {', '.join(repr(k) for k in keys)}, got {value!r}")
    return value


def _gendered(value: Any, where: str) -> dict[str, str]:
    """word -> "masculine" or "feminine" from the `gendered_words` section; a word in both lists is an error."""
    value = _section(value, ("masculine", "feminine"), where)
    out: dict[str, str] = {}
    for gender in ("masculine", "feminine"):
        for word in _words(value[gender], f"{where}.{gender}"):
            if out.get(word, gender) != gender:
                raise RulesError(f"{where}: {word!r} is both masculine and feminine")
            out[word] = gender
    return out


def _unarmed(value: Any, where: str) -> tuple[frozenset[str], frozenset[str]]:
    """(gazetteer types, action types) of the `unarmed` section."""
    value = _section(value, ("types", "actions"), where)
    types = _words(value["types"], f"{where}.types")
    unknown = sorted(set(types) - set(GAZETTEER_TYPES))
    if unknown:
        raise RulesError(f"{where}.types: {', '.join(unknown)} not a gazetteer type ({', '.join(GAZETTEER_TYPES)})")
    return frozenset(types), _actions(value["actions"], f"{where}.actions")


def _lemma_fixes(value: Any, where: str) -> Mapping[str, str]:
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k.isalpha() and v.isalpha() and k.islower() and v.islower()
            for k, v in value.items()):
        raise RulesError(f"{where}: expected a mapping of a lower-case verb form to its lemma, got {value!r}")
    return MappingProxyType(dict(sorted(value.items())))


def _untargeted(value: Any, where: str) -> Mapping[str, str]:
    known = action_types()
    if not isinstance(value, dict) or any(k not in known or v not in known for k, v in value.items()):
        raise RulesError(f"{where}: expected a mapping of action type to action type ({', '.join(sorted(known))}), "
                         f"got {value!r}")
    return MappingProxyType(dict(value))


def _actions(value: Any, where: str) -> frozenset[str]:
    known = action_types()
    if not isinstance(value, list) or any(v not in known for v in value):
        raise RulesError(f"{where}: expected a list of action types ({', '.join(sorted(known))}), got {value!r}")
    return frozenset(value)


def _predicates(value: Any, where: str) -> dict[str, str]:
    known = action_types()
    if not isinstance(value, dict):
        raise RulesError(f"{where}: expected a mapping of action types to word lists")
    out: dict[str, str] = {}
    for action, words in value.items():
        if action not in known:
            raise RulesError(f"{where}: action {action!r} is not one of {', '.join(sorted(known))}")
        for word in _words(words, f"{where}.{action}"):
            out[word] = action
    return out


REFERRED_KINDS = frozenset({"Country", "Organization", "ArmedGroup"})
"""Entity kinds a definite description may refer back to (a person is referred to by role nouns and pronouns)."""


def _referring(value: Any, where: str) -> dict[str, frozenset[str]]:
    """kind -> nouns, inverted to noun -> the kinds it may refer to."""
    if not isinstance(value, dict):
        raise RulesError(f"{where}: expected a mapping of entity kinds to word lists")
    out: dict[str, set[str]] = {}
    for kind, words in value.items():
        if kind not in REFERRED_KINDS:
            raise RulesError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(REFERRED_KINDS))}")
        for word in _words(words, f"{where}.{kind}"):
            out.setdefault(word, set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in out.items()}


def parse_rules(data: Any, file: str = "rules.yaml") -> Rules:
    """Validate a parsed rule table and build `Rules`; raises RulesError naming the entry."""
    if not isinstance(data, dict):
        raise RulesError(f"{file}: expected a mapping at the top level")
    required = ("noun_classes", "verbs", "nouns", "symmetric_actions", "self_target_actions", "verbal_attacks",
                "role_nouns", "camp_nouns", "person_roles", "anaphoric_nouns", "referring_nouns", "state_organs", "owned_nouns", "joining_nouns", "holding_nouns", "predicates", "people_nouns",
                "place_target_actions", "purpose_verbs", "proposal_nouns", "proposing_verbs", "instrument_nouns", "accusations", "target_preps",
                "light_verbs", "pattern_only_verbs", "dismissal_verbs", "transitive_verbs", "comment_verbs", "state_acts", "verdicts", "convictions", "lemma_fixes", "unarmed", "unknown_attackers", "phone_calls", "ultimatums", "streets", "answering_verbs", "repelling_verbs", "seizing_verbs", "occupying_verbs", "sit_in_verbs", "binding_verbs", "implicative_verbs", "causative_verbs", "appeal_nouns", "supplying_verbs", "firing_verbs", "taking_verbs", "mediating_verbs", "blacklist_marks", "victim_named_acts", "rulings", "sighting_verbs", "owning_participles", "linking_participles", "companions", "allied_actions", "aspectual_verbs", "bloc_words", "foreign_words", "creed_words", "gendered_words", "sole_organs", "platform_nouns", "premises_nouns", "counterpart_nouns", "visiting_verbs", "visit_codes", "raising_verbs", "electoral_verbs", "governing_verbs", "former_holders", "public_sectors", "assemblies", "asking_preps", "placing_preps", "bond_classes", "mutual_nouns", "acted_on_classes", "modifier_classes", "place_nouns", "border_nouns", "staff_nouns", "group_nouns", "heading_nouns", "condition_nouns", "mission_nouns", "water_nouns", "domain_nouns", "rally_nouns", "opinion_verbs", "foretelling_verbs", "fates", "claiming_verbs", "motion_nouns", "instrument_actions", "told_as", "type_classes", "undergoing_verbs", "travel_verbs", "performed_nouns", "conveying_verbs", "actor_object_verbs", "untargeted", "drills", "joining_verbs", "growing_verbs", "evidence_nouns", "generic_acts",
                "content_demands", "act_comments", "modality", "attribution", "refused_actions")
    missing = [k for k in required if k not in data]
    if missing:
        raise RulesError(f"{file}: missing section(s) {', '.join(missing)}")
    unknown = sorted(set(data) - set(required))
    if unknown:  # a misspelt section would otherwise be ignored without a word
        raise RulesError(f"{file}: unknown section(s) {', '.join(map(str, unknown))}")
    if not isinstance(data["noun_classes"], dict):
        raise RulesError(f"{file}: noun_classes must map class names to word lists")
    classes = {
        name: frozenset(_words(words, f"{file}: noun class {name}")) for name, words in data["noun_classes"].items()
    }
    mod = data["modality"]
    fields = ModalityCues.__dataclass_fields__
    if not isinstance(mod, dict) or set(mod) != set(fields):
        got = set(mod) if isinstance(mod, dict) else set()
        raise RulesError(
            f"{file}: modality needs exactly {', '.join(sorted(fields))}; "
            f"missing {sorted(set(fields) - got)}, unknown {sorted(got - set(fields))}"
        )
    cues = ModalityCues(**{k: frozenset(_words(v, f"{file}: modality.{k}")) for k, v in mod.items()})
    att = data["attribution"]
    if not isinstance(att, dict):
        raise RulesError(f"{file}: attribution must have 'verbs' and 'prepositions'")
    text = yaml.safe_dump(data, sort_keys=True)

    def word_set(section: str, key: str | None = None) -> frozenset[str]:
        """A section (or a key of one) that is a plain word list, as a set."""
        value, where = (data[section], section) if key is None else (data[section][key], f"{section}.{key}")
        return frozenset(_words(value, f"{file}: {where}"))

    verbs = _triggers(data["verbs"], "verbs", classes, file)
    nouns = _triggers(data["nouns"], "nouns", classes, file)
    appeals = data["appeal_nouns"]
    if not isinstance(appeals, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in appeals.items()):
        raise RulesError(f"{file}: appeal_nouns: expected a mapping of noun to noun trigger, got {appeals!r}")
    if unknown := sorted(v for v in appeals.values() if v.strip().lower() not in nouns):
        raise RulesError(f"{file}: appeal_nouns: {', '.join(unknown)} not a noun trigger")
    unarmed_types, unarmed_actions = _unarmed(data["unarmed"], f"{file}: unarmed")
    _section(data["assemblies"], ("verbs", "subjects"), f"{file}: assemblies")
    _section(data["phone_calls"], ("verbs", "means"), f"{file}: phone_calls")
    generic = _section(data["generic_acts"], ("nouns", "reactions"), f"{file}: generic_acts")
    if not isinstance(generic["reactions"], list):
        raise RulesError(f"{file}: generic_acts.reactions: expected a list of actions, got {generic['reactions']!r}")
    if unknown := sorted(map(str, (a for a in generic["reactions"] if a not in action_types()))):
        raise RulesError(f"{file}: generic_acts.reactions: {', '.join(unknown)} not an action")
    former = _section(data["former_holders"], ("words", "sectors"), f"{file}: former_holders")
    if not isinstance(former["sectors"], list) or not all(isinstance(c, str) and c.isalpha() and len(c) == 3
                                                          for c in former["sectors"]):
        raise RulesError(f"{file}: former_holders.sectors must be a list of sector codes, got {former['sectors']!r}")
    _section(data["ultimatums"], ("verbs", "times", "until", "code"), f"{file}: ultimatums")
    ultimatum_code = str(data["ultimatums"]["code"])
    if not (ultimatum_code.isdigit() and 2 <= len(ultimatum_code) <= 4):
        raise RulesError(f"{file}: ultimatums.code: expected a CAMEO code of 2-4 digits, got {ultimatum_code!r}")
    _section(data["streets"], ("verbs", "nouns"), f"{file}: streets")
    _section(data["drills"], ("preps", "classes", "actions"), f"{file}: drills")
    drill_classes = word_set("drills", "classes")
    if unknown_classes := sorted(drill_classes - set(classes)):
        raise RulesError(f"{file}: drills.classes: {', '.join(unknown_classes)} not a noun class")
    _section(data["rulings"], ("verbs", "words"), f"{file}: rulings")
    _section(data["companions"], ("nouns", "adverbs", "preps", "sympathies"), f"{file}: companions")
    _section(data["accusations"], ("verbs", "describing_verbs", "describing_only_verbs", "negative_descriptors", "blame_words", "harms",
                                   "charged_nouns", "holding_verbs", "committing_verbs"),
             f"{file}: accusations")
    attackers = _section(data["unknown_attackers"], ("sector", "verbs", "means"), f"{file}: unknown_attackers")
    if not isinstance(attackers["sector"], str) or not attackers["sector"].isalpha():
        raise RulesError(f"{file}: unknown_attackers.sector must be a sector code, got {attackers['sector']!r}")
    return Rules(
        verbs=verbs,
        nouns=nouns,
        noun_classes=classes,
        target_preps=word_set("target_preps"),
        light_verbs=word_set("light_verbs"),
        pattern_only_verbs=word_set("pattern_only_verbs"),
        dismissal_verbs=word_set("dismissal_verbs"),
        transitive_verbs=word_set("transitive_verbs"),
        comment_verbs=word_set("comment_verbs"),
        state_acts=_state_acts(data["state_acts"], f"{file}: state_acts"),
        verdicts=_verdicts(data["verdicts"], verbs, f"{file}: verdicts"),
        convictions=word_set("convictions"),
        attacker_sector=attackers["sector"].upper(),
        attack_verbs=word_set("unknown_attackers", "verbs"),
        attack_means=word_set("unknown_attackers", "means"),
        lemma_fixes=_lemma_fixes(data["lemma_fixes"], f"{file}: lemma_fixes"),
        asking_preps=_verb_preps(data["asking_preps"], verbs, f"{file}: asking_preps"),
        placing_preps=_verb_preps(data["placing_preps"], verbs, f"{file}: placing_preps"),
        actor_object_verbs=word_set("actor_object_verbs"),
        governing_verbs=word_set("governing_verbs"),
        street_verbs=word_set("streets", "verbs"),
        answering_verbs=word_set("answering_verbs"),
        repelling_verbs=word_set("repelling_verbs"),
        seizing_verbs=word_set("seizing_verbs"),
        occupying_verbs=word_set("occupying_verbs"),
        sit_in_verbs=word_set("sit_in_verbs"),
        binding_verbs=word_set("binding_verbs"),
        implicative_verbs=word_set("implicative_verbs"),
        causative_verbs=word_set("causative_verbs"),
        appeal_nouns=MappingProxyType({k.strip().lower(): v.strip().lower() for k, v in appeals.items()}),
        supplying_verbs=word_set("supplying_verbs"),
        firing_verbs=word_set("firing_verbs"),
        taking_verbs=word_set("taking_verbs"),
        mediating_verbs=word_set("mediating_verbs"),
        blacklist_marks=word_set("blacklist_marks"),
        victim_named_acts=word_set("victim_named_acts"),
        owning_participles=word_set("owning_participles"),
        linking_participles=word_set("linking_participles"),
        ruling_verbs=word_set("rulings", "verbs"),
        unlawful_words=word_set("rulings", "words"),
        sighting_verbs=word_set("sighting_verbs"),
        street_nouns=word_set("streets", "nouns"),
        companion_nouns=word_set("companions", "nouns"),
        companion_adverbs=word_set("companions", "adverbs"),
        companion_preps=word_set("companions", "preps"),
        companion_sympathies=word_set("companions", "sympathies"),
        allied_actions=_actions(data["allied_actions"], f"{file}: allied_actions"),
        aspectual_verbs=word_set("aspectual_verbs"),
        joining_verbs=word_set("joining_verbs"),
        growing_verbs=word_set("growing_verbs"),
        evidence_nouns=word_set("evidence_nouns"),
        generic_act_nouns=word_set("generic_acts", "nouns"),
        reaction_actions=frozenset(data["generic_acts"]["reactions"]),
        bloc_words=word_set("bloc_words"),
        foreign_words=word_set("foreign_words"),
        creed_words=word_set("creed_words"),
        gendered_words=_gendered(data["gendered_words"], f"{file}: gendered_words"),
        sole_organs=word_set("sole_organs"),
        platform_nouns=word_set("platform_nouns"),
        premises_nouns=word_set("premises_nouns"),
        counterpart_nouns=word_set("counterpart_nouns"),
        visiting_verbs=word_set("visiting_verbs"),
        visit_codes=_codes(data["visit_codes"], f"{file}: visit_codes"),
        raising_verbs=word_set("raising_verbs"),
        electoral_verbs=word_set("electoral_verbs"),
        phone_verbs=word_set("phone_calls", "verbs"),
        phone_means=word_set("phone_calls", "means"),
        ultimatum_verbs=word_set("ultimatums", "verbs"),
        ultimatum_times=word_set("ultimatums", "times"),
        ultimatum_until=word_set("ultimatums", "until"),
        ultimatum_code=ultimatum_code,
        assembly_verbs=word_set("assemblies", "verbs"),
        protester_nouns=word_set("assemblies", "subjects"),
        former_words=word_set("former_holders", "words"),
        office_sectors=frozenset(w.upper() for w in _words(data["former_holders"]["sectors"],
                                                           f"{file}: former_holders.sectors")),
        public_sectors=frozenset(w.upper() for w in _words(data["public_sectors"], f"{file}: public_sectors")),
        unarmed_types=unarmed_types,
        unarmed_actions=unarmed_actions,
        untargeted=_untargeted(data["untargeted"], f"{file}: untargeted"),
        drill_preps=word_set("drills", "preps"),
        drill_classes=drill_classes,
        drill_actions=_untargeted(data["drills"]["actions"], f"{file}: drills.actions"),
        content_demands=word_set("content_demands"),
        act_comments=_actions(data["act_comments"], f"{file}: act_comments"),
        symmetric_actions=_actions(data["symmetric_actions"], f"{file}: symmetric_actions"),
        place_nouns=word_set("place_nouns"),
        border_nouns=word_set("border_nouns"),
        mutual_nouns=word_set("mutual_nouns"),
        staff_nouns=word_set("staff_nouns"),
        group_nouns=word_set("group_nouns"),
        heading_nouns=word_set("heading_nouns"),
        condition_nouns=word_set("condition_nouns"),
        mission_nouns=word_set("mission_nouns"),
        water_nouns=word_set("water_nouns"),
        domain_nouns=word_set("domain_nouns"),
        rally_nouns=word_set("rally_nouns"),
        fates=word_set("fates"),
        claiming_verbs=word_set("claiming_verbs"),
        motion_nouns=word_set("motion_nouns"),
        foretelling_verbs=word_set("foretelling_verbs"),
        opinion_verbs=word_set("opinion_verbs"),
        undergoing_verbs=word_set("undergoing_verbs"),
        travel_verbs=word_set("travel_verbs"),
        performed_nouns=word_set("performed_nouns"),
        conveying_verbs=word_set("conveying_verbs"),
        instrument_actions=_class_actions(data["instrument_actions"], classes, f"{file}: instrument_actions"),
        told_as=_action_classes(data["told_as"], classes, f"{file}: told_as"),
        type_classes=_type_classes(data["type_classes"], classes, f"{file}: type_classes"),
        bond_classes=_class_names(data["bond_classes"], classes, f"{file}: bond_classes"),
        acted_on_classes=_class_names(data["acted_on_classes"], classes, f"{file}: acted_on_classes"),
        modifier_classes=_class_names(data["modifier_classes"], classes, f"{file}: modifier_classes"),
        self_target_actions=_actions(data["self_target_actions"], f"{file}: self_target_actions"),
        refused_actions=_actions(data["refused_actions"], f"{file}: refused_actions"),
        verbal_attacks=word_set("verbal_attacks"),
        role_nouns=word_set("role_nouns") | word_set("camp_nouns"),
        camp_nouns=word_set("camp_nouns"),
        person_roles=word_set("person_roles"),
        anaphoric_nouns=word_set("anaphoric_nouns"),
        referring_nouns=_referring(data["referring_nouns"], f"{file}: referring_nouns"),
        owned_nouns=word_set("owned_nouns"),
        joining_nouns=word_set("joining_nouns"),
        holding_nouns=word_set("holding_nouns"),
        state_organs=word_set("state_organs"),
        people_nouns=word_set("people_nouns"),
        predicates=_predicates(data["predicates"], f"{file}: predicates"),
        place_target_actions=_actions(data["place_target_actions"], f"{file}: place_target_actions"),
        modality=cues,
        attribution_verbs=frozenset(_words(att.get("verbs"), f"{file}: attribution.verbs")),
        attribution_preps=frozenset(_words(att.get("prepositions"), f"{file}: attribution.prepositions")),
        charging_verbs=frozenset(_words(att.get("charging_verbs"), f"{file}: attribution.charging_verbs")),
        purpose_verbs=word_set("purpose_verbs"),
        proposal_nouns=word_set("proposal_nouns"),
        proposing_verbs=word_set("proposing_verbs"),
        instrument_nouns=word_set("instrument_nouns"),
        accusing_verbs=word_set("accusations", "verbs"),
        describing_verbs=word_set("accusations", "describing_verbs"),
        describing_only_verbs=word_set("accusations", "describing_only_verbs"),
        negative_descriptors=word_set("accusations", "negative_descriptors"),
        blame_words=word_set("accusations", "blame_words"),
        harms=word_set("accusations", "harms"),
        charged_nouns=word_set("accusations", "charged_nouns"),
        committing_verbs=word_set("accusations", "committing_verbs"),
        holding_verbs=word_set("accusations", "holding_verbs"),
        obligation_auxiliaries=frozenset(_words(att.get("obligation_auxiliaries"), f"{file}: attribution.obligation_auxiliaries")),
        mental_verbs=frozenset(_words(att.get("mental_verbs"), f"{file}: attribution.mental_verbs")),
        version=hashlib.sha1(text.encode("utf-8")).hexdigest()[:12],
    )


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> Rules:
    """Read and validate ontology/rules.yaml (or another rule file)."""
    path = path or ontology_dir() / "rules.yaml"
    try:
        # a key given twice would silently keep the last: refused, as the gazetteer refuses it
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=StrictLoader)
    except OSError as exc:
        raise RulesError(f"{path}: cannot read the rule table: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc
    return parse_rules(data, Path(path).name)
