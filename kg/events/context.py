"""What the event rules share over one text: the dependency labels they read and `Context`, the
per-text lookups (entity keys of tokens, kinds and countries of entities, pronoun antecedents)."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from kg.agents import Agents, load_agents
from kg.canonicalize import PLACE_PREPS, Resolution, discourse_country, lead_country, previous_sentence_start
from kg.gazetteer import Gazetteer, sector_key
from kg.model import Entity
from kg.rules import Rules

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "acl", "relcl", "conj"})
"""Dependencies through which modality and attribution reach down to a trigger."""
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
PRONOUNS_THING = frozenset({"it", "its", "itself", "they", "their", "them"})
PRONOUNS_PERSON = frozenset({"he", "his", "him", "she", "her"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
SINGULAR_PRONOUNS = frozenset({"it", "he", "she"})
PRONOUN_GENDERS = {**dict.fromkeys(("he", "him", "his", "himself"), "masculine"),
                   **dict.fromkeys(("she", "her", "hers", "herself"), "feminine")}
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})

GENERIC_ACT = "*act*"
"""The key the last act told is remembered by (`Context.tell`), for nouns that name any act ("the move")."""
"""A verb form used as a modifier ("a judge-led inquiry", "state-funded") tells no event of its own."""


THING_HEADS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "conj"})
"""Where a plural noun heads a phrase a later pronoun can refer back to."""

PEOPLE_CLASSES = frozenset({"troops", "envoy", "captives", "access"})
"""Noun classes of people (soldiers, envoys, hostages, inspectors); every other class is of things."""

TOLD_WINDOW = 2
"""How many sentences back a definite act noun ("the strikes") may refer to an act told."""


_NOUN_SETS: dict[tuple[int, int], tuple[Rules, Agents, frozenset[str], frozenset[str]]] = {}
"""`_noun_sets` by the ids of the rules and agent tables (each entry holds both, so an id is never reused meanwhile)."""


def to_infinitive(verb: Token) -> bool:
    """Whether a verb has the "to" of an infinitive ("to protest", "sent troops to help")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_verb(token: Token) -> Token:
    """The verb whose clause a word is in: the nearest verb above it (else the root of its sentence)."""
    node = token.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _noun_sets(rules: Rules, agents: Agents) -> tuple[frozenset[str], frozenset[str]]:
    """(agent nouns, people nouns) of these rules and agent tables, made once: unions of thousands of words that
    every text's Context used to make anew."""
    found = _NOUN_SETS.get((id(rules), id(agents)))
    if found is None:
        agent_nouns = rules.agent_nouns | agents.words
        # (weapons act for whoever fires them, "Israeli warplanes struck", but are no people acted on: "fired two
        # missiles into the sea" harmed no one)
        # (captives are people: "took hostages and later freed them" freed people)
        people_nouns = (agent_nouns - rules.noun_classes.get("weapons", frozenset())) | rules.people_nouns \
            | rules.noun_classes.get("captives", frozenset())
        if len(_NOUN_SETS) >= 8:  # (tests make many rule tables; a run uses one)
            _NOUN_SETS.clear()
        found = _NOUN_SETS[(id(rules), id(agents))] = (rules, agents, agent_nouns, people_nouns)
    return found[2], found[3]


class Context:
    """Per-text lookups shared by the rules: entity keys of tokens and pronoun antecedents."""

    def __init__(self, doc: Doc, res: Resolution, gaz: Gazetteer, rules: Rules):
        self.doc, self.res, self.gaz, self.rules = doc, res, gaz, rules
        self.entities = res.entities
        self.keyed_tokens = sorted(res.token_keys.items())  # in text order, for antecedents
        self._keyed_index = [i for i, _ in self.keyed_tokens]
        self.agents = load_agents()
        self.agent_words = self.agents.words
        self.agent_nouns, self.people_nouns = _noun_sets(rules, self.agents)
        self.discourse = discourse_country(res.mentions, res.entities, gaz, lead_country(doc, res.token_keys, res.entities))
        # DATE entities by sentence start, found once: asking each trigger's `sent.ents` rescans
        # the document's entities every time, which made long documents quadratic
        self.dates: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                self.dates.setdefault(ent.root.sent.start, []).append(ent)
        # acts told so far, by word or noun class: (sentence number, doers), so that "the strikes" a sentence later
        # are the strikes told ("Israeli jets struck targets in Lebanon. The strikes killed five people")
        self.sentence = 0
        self.told: dict[str, tuple[int, tuple[str, ...]]] = {}
        # the two parties of the last act told between two ("Iran's foreign minister met his Saudi counterpart. The two
        # agreed to reopen embassies"), with its sentence number
        self.pair: tuple[int, tuple[str, ...]] = (-1, ())
        # who holds whom: the doers of the last act that took or held each party ("Iran detained two French
        # journalists. France demanded their release" asks Iran)
        self.held: dict[str, tuple[str, ...]] = {}
        # who last used force on whom: the doers of the last act of material conflict on each party and its country,
        # with its sentence number ("Israel killed Hezbollah's top commander. The group vowed to retaliate")
        self.attacked: dict[str, tuple[int, tuple[str, ...]]] = {}
        self._genders: dict[str, str | None] | None = None

    def tell(self, word: str, doers: tuple[str, ...]) -> None:
        """Record that the current sentence tells of an act, by this word or noun class, done by these doers."""
        self.told[word] = (self.sentence, doers)

    def tell_pair(self, parties: tuple[str, ...]) -> None:
        """Record the parties of an act between two told in the current sentence."""
        self.pair = (self.sentence, parties)

    def tell_held(self, captives: tuple[str, ...], captors: tuple[str, ...]) -> None:
        """Record that these parties were taken or are held by these doers (an arrest, a detention, an abduction)."""
        for key in captives:
            self.held[key] = captors

    def tell_attacked(self, victims: tuple[str, ...], doers: tuple[str, ...]) -> None:
        """Record that these doers used force on these parties (and so on their countries) in the current sentence."""
        for key in victims:
            for party in (key, self.country(key)):
                if party and party not in doers:
                    self.attacked[party] = (self.sentence, doers)

    def attackers(self, key: str) -> tuple[str, ...]:
        """The doers of the last force used on this party or its country, told in this sentence or the two before."""
        for party in (key, self.country(key)):
            found = self.attacked.get(party) if party else None
            if found is not None and self.sentence - found[0] <= TOLD_WINDOW:
                return found[1]
        return ()

    def captors(self, key: str) -> tuple[str, ...]:
        """Whoever the text last told took or holds this party, else none (a state stands for its people held:
        "their" of "two French journalists" is named by France)."""
        found = self.held.get(key)
        if found is None and self.kind(key) == "Country":
            found = next((c for k, c in reversed(self.held.items()) if self.country(k) == key), None)
        return found or ()

    def last_captors(self) -> tuple[str, ...]:
        """Whoever the text last told took or holds anyone: whom "the hostages" named again are held by."""
        return next(reversed(self.held.values()), ())

    def last_pair(self) -> tuple[str, ...]:
        """The parties of the last act between two, told in this sentence or the one before, else none."""
        return self.pair[1] if self.sentence - self.pair[0] <= 1 else ()

    def told_doers(self, word: str) -> tuple[str, ...]:
        """The doers of an act told by this word or noun class in this sentence or the two before, else none."""
        found = self.told.get(word)
        return found[1] if found is not None and self.sentence - found[0] <= TOLD_WINDOW else ()

    def entity(self, key: str | None) -> Entity | None:
        """The entity of a key: as this text resolved it, else as the gazetteer has it."""
        return (self.entities.get(key) or self.gaz.entities.get(key)) if key else None

    def kind(self, key: str) -> str:
        entity = self.entity(key)
        return entity.kind if entity else "Entity"

    def country(self, key: str) -> str | None:
        entity = self.entity(key)
        return entity.country if entity else None

    def people_of(self, country: str) -> str | None:
        """The key of a country's people (its PPL sector: "Georgians took to the streets"), if the tables have one."""
        people = sector_key(country, "PPL")
        return people if people in self.gaz.entities else None

    def state_body(self, key: str) -> bool:
        """A state, or a body the gazetteer types as one of its government or military organs."""
        return self.kind(key) == "Country" or self.gaz.types.get(key) in ("government", "military")

    def armed(self, key: str) -> bool:
        """An actor that bears arms: an armed group or a military, or an agent of a sector of either (sectors.yaml:
        a state's forces, rebels, militias)."""
        entity = self.entity(key)
        sector = self.agents.sectors.get(entity.sector) if entity is not None and entity.sector else None
        return self.kind(key) == "ArmedGroup" or self.gaz.types.get(key) == "military" or (
            sector is not None and (sector.kind == "ArmedGroup" or sector.type == "military"))

    def place_country(self, key: str) -> str | None:
        """The country a place belongs to, if the gazetteer or its context says so."""
        country = self.country(key)
        return country if country and self.kind(country) == "Country" else None

    def is_outlet(self, key: str) -> bool:
        """A news outlet (Bloomberg, AFP): a source of claims, never a party. Journalists (a country's media
        sector) are people and can be acted upon."""
        entity = self.entity(key)
        return self.gaz.is_media(key) and not (entity and entity.sector)

    def can_act(self, key: str) -> bool:
        """News outlets are sources of claims and places are where things happen: neither acts."""
        return not self.is_outlet(key) and self.kind(key) != "Location"

    def _thing(self, noun: Token) -> bool:
        """A noun of a class of things the rules know (weapons, documents, sanctions), never of people."""
        found = self.rules.theme_class(noun.lemma_.lower())
        return found is not None and found not in PEOPLE_CLASSES and noun.lemma_.lower() not in self.people_nouns

    def fits(self, key: str, pronoun: Token) -> bool:
        """False when the text shows the person `key` to be of the other gender than "he" or "she" says."""
        said = PRONOUN_GENDERS.get(pronoun.lower_)
        if said is None or self.kind(key) != "Person":
            return True
        if self._genders is None:
            self._genders = self._learn_genders()
        return self._genders.get(key, said) in (said, None)

    def _learn_genders(self) -> dict[str, str | None]:
        """Each person's gender as the text itself shows it (None where it shows both), from two kinds of
        evidence: a gendered title or word right before the name ("Mrs Gandhi", "spokeswoman Karine
        Jean-Pierre"), and a "he" or "she" with one person, and no one else, named before it in its
        sentence or the one before ("Hasina fled to India on Monday. She resigned ..."): agreement within
        the discourse, with no list of first names."""
        doc, keys = self.doc, self.res.token_keys
        seen: dict[str, set[str]] = {}
        for i, key in self.keyed_tokens:
            if keys.get(i - 1) != key and self.kind(key) == "Person":
                # the word before the name, or the name's first word when the name holds its title ("Mrs Gandhi")
                for word in doc[max(i - 1, 0):i + 1]:
                    gender = self.rules.gendered_words.get(word.lower_.rstrip("."))
                    if gender:
                        seen.setdefault(key, set()).add(gender)
        persons = [(i, key) for i, key in self.keyed_tokens if self.kind(key) == "Person"]
        if persons:
            starts = [i for i, _ in persons]
            for token in doc:
                gender = PRONOUN_GENDERS.get(token.lower_)
                if gender is None or token.tag_ not in ("PRP", "PRP$"):
                    continue
                begin = previous_sentence_start(doc, token.i)
                named = {key for _, key in persons[bisect_left(starts, begin):bisect_left(starts, token.i)]}
                if len(named) == 1 and not self._unnamed_person(begin, token.i):
                    seen.setdefault(named.pop(), set()).add(gender)
        return {key: next(iter(genders)) if len(genders) == 1 else None for key, genders in seen.items()}

    def _unnamed_person(self, begin: int, end: int) -> bool:
        """Someone named by no key between two words, whom a pronoun there may refer to instead: a person the
        NER found and no table knows, or a person's role or a person alone ("the spokesperson", "a woman")."""
        keys = self.res.token_keys
        for token in self.doc[begin:end]:
            if token.i in keys:
                continue
            if token.ent_type_ == "PERSON":
                return True
            lemma = token.lemma_.lower()
            if token.tag_ == "NN" and (lemma in self.rules.person_roles or lemma in self.people_nouns) \
                    and not any(t.i in keys for t in (token.head, *token.children)):
                return True  # (not "President Biden", "Biden, the president": the named person's role)
        return False

    def antecedent(self, token: Token, countries: bool = False, kinds: frozenset[str] | None = None,
                   exclude: frozenset[int] = frozenset(), acting: bool = False) -> str | None:
        """The entity a pronoun or "the country" refers to: the latest fitting name before it.

        A plural pronoun may also refer back to a plural group of a country ("North Korean troops
        ... prior to their deployment"), which names that country through its modifier. With `acting`,
        a state named only as where someone went or was is skipped: "Hasina fled to India. The interim
        government asked India to extradite her" is not India's government.
        """
        persons = token.lower_ in PRONOUNS_PERSON
        sent_start = token.sent.start
        prev_start = previous_sentence_start(self.doc, token.i)
        best, best_i = None, -1
        plural, plural_i = None, -1  # "students protested and police fired at them": a plural group before a state
        lo, hi = bisect_left(self._keyed_index, prev_start), bisect_left(self._keyed_index, token.i)
        singular = token.lower_ in ("it", "its", "itself") or kinds is not None
        for i, key in self.keyed_tokens[lo:hi]:
            if i in exclude:
                continue
            if acting and self.doc[i].dep_ == "pobj" and self.doc[i].head.lower_ in PLACE_PREPS:
                continue
            if i in self.res.demonym_tokens or (singular and self.doc[i].tag_ == "NNS"):
                continue  # "it" is not "the officials"
            kind = self.kind(key)
            if kinds is not None:
                # "the bloc": the latest name of a kind the noun refers to (a state's own organ, "Nigerian
                # authorities", is no bloc, group or organisation)
                entity = self.entity(key)
                organ = kind != "Country" and entity is not None and entity.sector is not None \
                    and entity.country != key and self.kind(entity.country or "") == "Country"
                if kind in kinds and not organ and not self.gaz.is_media(key):
                    best, best_i = key, i
            elif persons and kind == "Person" and self.fits(key, token):
                best, best_i = key, i
            elif persons and self.doc[i].tag_ == "NN" and self.doc[i].lemma_.lower() in self.rules.person_roles \
                    and self.doc[i].dep_ not in ("appos", "attr") \
                    and any(c.dep_ in ("det", "poss", "amod", "compound") for c in self.doc[i].children):
                # "The opposition leader fled to Lithuania. Minsk accused her ...": an office named by its role is
                # a person, though it acts for its organ (not an office named bare, "ran for president", nor one
                # that describes a name, "Boris Johnson, the prime minister": the name is who is meant)
                best, best_i = key, i
            elif not persons and (kind == "Country" or (kind == "Organization" and not countries)) and not self.gaz.is_media(key):
                best, best_i = key, i
                if self.doc[i].tag_ in ("NNS", "NNPS") and kind == "Organization":
                    plural, plural_i = key, i
        if token.lower_ in PLURAL_PRONOUNS and plural is not None:
            best, best_i = plural, plural_i
        if token.lower_ in PLURAL_PRONOUNS:
            for group in self.doc[max(prev_start, best_i + 1):token.i]:
                if group.tag_ == "NNS" and group.lemma_.lower() in self.agent_nouns and group.i not in self.res.token_keys:
                    found = next((self.res.token_keys[c.i] for c in group.children
                                  if c.dep_ in ("amod", "compound") and c.i in self.res.demonym_tokens), None)
                    if found:
                        best, best_i = self.country(found) or found, group.i
            # "obtained the messages and released them", "imposed sanctions and later lifted them": a plural thing
            # named in the pronoun's sentence after every actor is what an object pronoun refers to, and it is no
            # one ("they" and "their" do, and say, what actors do: "protesters wearing masks, as they chanted")
            # (after a singular name too, which "them" cannot be: "Iran fired drones at Israel, and Jordan shot them
            # down")
            start = best_i + 1 if best_i >= 0 and self.doc[best_i].tag_ in ("NNS", "NNPS") else sent_start
            if token.lower_ == "them" and any(t.tag_ == "NNS" and t.dep_ in THING_HEADS and t.i not in self.res.token_keys
                                              and self._thing(t) for t in self.doc[max(sent_start, start):token.i]):
                return None
        return best
