"""What qualifies an event: its modality (from the clauses that govern the trigger), the source a
claim is attributed to, its date and its quantity."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from kg.events.context import OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, Context, to_infinitive
from kg.events.participants import COLLECTIVE_HEADS, CURRENCIES, FINITE_TAGS, by_agents, resolve_np
from kg.lexicon import describing_participle
from kg.model import Document
from kg.rules import ModalityCues, Rules
from kg.temporal import normalise as normalise_date

_NUMBER = re.compile(r"^[\d,.]+$")
MAX_QUANTITY = 10**13
SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}


def _governors(token: Token) -> Iterator[Token]:
    """The chain of clauses above a trigger, nearest first, up to the sentence root."""
    node = token
    for _ in range(8):
        if node.dep_ == "ROOT" or node.head.i == node.i:
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
    if self_planned and found == "asserted" and (
            (token.pos_ == "VERB" and token.lemma_.lower() in rules.modality.planned_verbs)
            or (token.pos_ == "NOUN" and token.lemma_.lower() in rules.modality.planned_nouns)):
        return "planned"  # (and told by a noun: "Germany's offer of air defence systems to Ukraine")
    if found in ("asserted", "planned") and _yes_no_question(token.sent):
        return "considered"  # "Did China send weapons to Russia?", "Will Iran retaliate?": asked, not told
    return found


QUESTION_OPENERS = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                              "can", "could", "should", "shall", "may", "might"})


def _definite(noun: Token) -> bool:
    """A noun phrase that refers to something given: a name, or a noun with "the", a demonstrative or a possessor."""
    return noun.pos_ == "PROPN" or (noun.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in noun.children))


DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _yes_no_question(sent: Span) -> bool:
    """A sentence that asks whether something is so: it opens with an auxiliary and ends with a question mark ("Did
    China send weapons?"); a wh-question ("Why did Russia invade?") takes its event as given."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ('"', "'", "”", "’", ")")), None)
    return bool(words) and last is not None and last.text == "?" and words[0].lower_ in QUESTION_OPENERS


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
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ not in ("of", "for", "on", "toward", "towards") \
            and token.head.head.lemma_.lower() not in cues.open_adjectives:
        # "following a call between Yoon and Zelenskiy", "since the invasion": a temporal or causal
        # phrase reports an event as given, whatever the main clause weighs
        return "asserted"
    previous = token
    lifted = False
    for node in (token, *_governors(token)):
        via = previous.dep_  # how the walk came up to this node
        if node is not token and via == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in TEMPORAL_MARKS for m in previous.children):
            # "their exams postponed as the government introduced a lockdown": a clause of time or cause
            # reports its event as given, whatever the main clause does or weighs
            return "asserted"
        if via == "relcl" and node.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
            # "Turkey, which has bombed Kurdish positions, denied the report": what a clause says of a subject
            # is given; the main verb's negation or plan is about something else
            return "asserted"
        if via == "relcl" and _definite(node) and (previous.tag_ == "VBD" or (previous.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in previous.children))):
            # "Rwanda denied backing the rebels who seized Goma", "vowed to retake the towns Russia has captured": what
            # a clause says has happened to or by a definite thing is given, whatever is denied or planned about it
            return "asserted"
        if node is not token and via == "advcl" and previous.tag_ == "VBN" and any(
                c.dep_ == "agent" for c in previous.children) and previous.i < node.i:
            # "Backed by Rwanda, M23 rebels captured Goma", "Accused by Kyiv of war crimes, Russia denied the charges":
            # a passive participle clause before its verb tells what was done to the subject, as given
            return "asserted"
        if describing_participle(previous) and node.pos_ in ("NOUN", "PROPN"):
            # "parliament rejected the deal negotiated by May": a participle describing a noun tells what was done
            # to it, whatever is done to the noun now
            return "asserted"
        lemma = node.lemma_.lower()
        via_conj = (previous.dep_ == "conj" and node is not token) or lifted
        # a finite verb has its own tense: "said it would not recognise the government and froze the aid" did
        # freeze; joined to an infinitive ("refused to join the coalition and accused the ANC") it is a conjunct of
        # the clause the infinitive is in, not done under its verb
        own_tense = via_conj and (previous.tag_ in FINITE_TAGS or lifted)
        lifted = via_conj and previous.dep_ == "conj" and previous.tag_ in FINITE_TAGS and node.tag_ == "VB" \
            and node.dep_ == "xcomp"
        # "postponed the election, prompting protests": a participle clause of result or manner tells what
        # came of the verb above, whose own meaning (put off, proposed, planned) is not the clause's
        result_clause = via == "advcl" and previous.tag_ == "VBG" and not any(c.dep_ == "mark" for c in previous.children) \
            and not _object_place(previous, node)
        previous = node
        if via_conj:
            # "rejected the accusation and warned Manila": a coordinated verb shares auxiliaries
            # with its first conjunct, not that verb's own meaning or negation
            if own_tense:
                continue
            if any(c.dep_ == "aux" and c.lower_ in cues.planned_auxiliaries for c in node.children):
                return "planned"
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in cues.considered_auxiliaries for c in node.children):
                return "considered"
            if _headline_infinitive(node):
                return "planned"
            continue
        if node is not token and node.pos_ in ("VERB", "AUX") and lemma in rules.attribution_verbs and lemma not in cues.considered_verbs:
            return "asserted"
        if node is not token and node.pos_ == "VERB" and lemma in cues.chosen_verbs and node.dep_ in ("advcl", "conj", "xcomp"):
            return "asserted"  # "..., preferring instead to aid Kyiv": the alternative chosen is what is done
        children = list(node.children)
        # (or the verb that carries a nominal event: "Barnier is to hand in his resignation")
        carrier = node is token.head and token.pos_ == "NOUN" and token.dep_ in OBJECTS
        if (node is token or via in CLAUSE_PATH or carrier) and _yet_to(node):
            return "negated"
        if (node is token or via in CLAUSE_PATH or carrier) and (_headline_infinitive(node) or _be_to(node)):
            return "planned"
        negated = _negated_here(node, cues.negations, NEGATING_DEPS)
        # ("she would not leave office, accusing the party of fraud": the participle's act is done all the same)
        if (node is not token or node.pos_ in ("VERB", "AUX")) and not result_clause:
            if lemma in cues.open_when_negated and negated:
                return "considered"
            if negated:
                return "negated"
        if node is not token:
            if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for c in children):
                return "considered"  # "if the House votes to impeach him": a condition outranks the verb's own cue
            if node.pos_ == "ADJ" and lemma in cues.negated_adjectives:
                return "negated"  # "is reluctant to send troops", "remains unwilling to negotiate"
            if node.pos_ == "ADJ" and lemma in cues.planned_adjectives:
                # ("is not ready to hold talks": the copula's negation denies the readiness)
                return "negated" if _copula_denied(node, cues.negations) else "planned"
            if node.pos_ == "ADJ" and lemma in cues.open_adjectives and node.dep_ == "acomp" and via == "prep":
                # "is open to talks": what one is open to is an option, not an act decided ("is not open to": none)
                return "negated" if _copula_denied(node, cues.negations) else "considered"
            if node.pos_ == "ADJ" and lemma in cues.considered_adjectives:
                return "considered"  # "Egypt is unlikely to allow", "Russia is likely to attack": a likelihood
            if (node.pos_ == "ADV" and lemma in cues.negated_adverbs) or (node.dep_ == "prep" and any(
                    c.dep_ == "advmod" and c.lower_ in cues.negated_adverbs for c in children)):
                return "negated"  # "instead of imposing sanctions" (the adverb heads the phrase or hangs on it)
            if (node.pos_ in ("VERB", "AUX") or node.dep_ in ("xcomp", "ccomp")) and not result_clause:
                # (a verb with its particle first: "ruled out a strike" has not happened, "ruled that" says nothing)
                particle = next((c.lower_ for c in children if c.dep_ == "prt"), None)
                found = (_cue(f"{lemma} {particle}", ((cues.negated_verbs, "negated"),)) if particle else None) or _cue(
                    lemma, ((cues.negated_verbs, "negated"), (cues.considered_verbs, "considered"),
                            (cues.planned_verbs, "planned")))
                if found == "considered" and token.head.i == node.i and token.dep_ in OBJECTS | PASSIVE_SUBJECTS | {"oprd"} \
                        and lemma in rules.light_verbs:
                    found = "planned"  # "called a strike", "called a meeting": decided, not urged on someone
                if found:
                    return found
            if node.pos_ in ("NOUN",):
                if via == "acl" and lemma in cues.factive_nouns:
                    return "asserted"  # "the fact that Russia attacked Kharkiv"
                if any(c.dep_ == "amod" and c.lemma_.lower() in cues.considered_adjectives for c in children):
                    return "considered"  # "a potential decision to supply": the decision itself is weighed
                found = _cue(lemma, ((cues.considered_nouns, "considered"), (cues.planned_nouns, "planned"),
                                     (cues.negated_nouns, "negated")))
                if found == "planned" and node.dep_ in OBJECTS and node.head.lemma_.lower() in cues.considered_verbs:
                    return "considered"  # "forced to revise plans to supply arms": plans being weighed again
                if found == "considered" and node.dep_ in OBJECTS and node.head.lemma_.lower() in cues.deciding_verbs:
                    return "asserted"  # "passed a no-confidence motion": what is passed is decided
                if found and node.dep_ in OBJECTS and _negating_verb(node.head, cues):
                    return "negated"  # "ruled out plans to attack Taiwan", "abandoned its bid to join": not done
                if found:
                    return found
                if node.dep_ == "pobj":
                    # "in response to reports of North Korea sending troops": a plain noun inside a
                    # prepositional phrase shields the event from the main clause's modality
                    return "asserted"
        # ("denied that it would attack Iran": the future of a denied report is denied with it)
        denied_report = node.dep_ == "ccomp" and _negating_verb(node.head, cues)
        for c in children:
            if denied_report and c.dep_ == "aux" and c.lower_ in ("would", "will", "could"):
                continue
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


def _negating_verb(verb: Token, cues: ModalityCues) -> bool:
    """A verb of the negating cues ("deny", "reject"), or one with its particle ("rule out")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return lemma in cues.negated_verbs or (particle is not None and f"{lemma} {particle}" in cues.negated_verbs)


def _object_place(gerund: Token, verb: Token) -> bool:
    """A gerund right after its verb or the verb's particle stands where the object goes: the verb's complement
    ("ruled out sending troops", which the small model reads as a clause of its own), not a clause of result."""
    return gerund.i == verb.i + 1 or any(c.dep_ == "prt" and gerund.i == c.i + 1 for c in verb.children)


NEGATING_DEPS = frozenset({"neg", "advmod", "det"})
"""How a negation word hangs on what it negates: "did not", "never agreed", "no plans"."""


def _negated_here(node: Token, negations: frozenset[str], deps: frozenset[str]) -> bool:
    """A negation word on the node itself (hung on it by one of `deps`), or a subject that is denied ("neither
    France nor Germany"); not the "not" of "whether or not"."""
    children = list(node.children)
    return any((c.dep_ == "neg" or (c.lower_ in negations and c.dep_ in deps)) and not _whether_or_not(c)
               for c in children) or any(_negative_subject(c, negations) for c in children if c.dep_ in SUBJECTS)


def _copula_denied(adjective: Token, negations: frozenset[str]) -> bool:
    """An adjective after a copula the negation is on: "is not ready", "was not open"."""
    return adjective.dep_ == "acomp" and _negated_here(adjective.head, negations, NEGATING_DEPS)


def denied(token: Token, rules: Rules) -> bool:
    """The token's own clause says no to it ("would not meet the demands", "did not accede", "neither the EU nor
    the US would endorse the result"): a refusal in words, not a cue from a verb above it (nor a determiner: "no
    agreement" tells of none, it refuses nothing; nor "not yet": "Hamas has not yet accepted the proposal" is still
    to decide)."""
    return _negated_here(token, rules.modality.negations, NEGATING_DEPS - {"det"}) and not _yet(token)


def _whether_or_not(word: Token) -> bool:
    """The "not" of "whether or not", which opens a question and negates nothing."""
    doc = word.doc
    return word.lower_ == "not" and word.i >= 2 and doc[word.i - 1].lower_ == "or" and doc[word.i - 2].lower_ == "whether"


CLAUSE_PATH = frozenset({"xcomp", "ccomp", "conj"})
TEMPORAL_MARKS = frozenset({"as", "when", "while", "after", "before", "because", "since", "once", "until"})


def _be_to(verb: Token) -> bool:
    """ "May is to step down today", "Russia was to send troops": "be" with an infinitive tells what is
    arranged to happen, not what happened."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.pos_ == "AUX" \
        and to_infinitive(verb)


def _yet_to(verb: Token) -> bool:
    """ "Israel has yet to accept the proposal", "the funds are yet to arrive": what is yet to be done is not done."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "be") and to_infinitive(verb) and _yet(verb.head)


def _yet(token: Token) -> bool:
    """A verb with "yet" beside it: what it says is still to come ("has not yet accepted", "has yet to accept")."""
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in token.children)


def _headline_infinitive(verb: Token) -> bool:
    """A headline's "US to send troops to Poland": a main verb with only "to" before it tells what is to be done."""
    children = list(verb.children)
    return verb.dep_ == "ROOT" and verb.pos_ == "VERB" and to_infinitive(verb) \
        and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in children)


def _negative_subject(subject: Token, negations: frozenset[str]) -> bool:
    """ "Neither France nor Germany recognised Kosovo", "No country has recognised it": a subject that
    is denied does not do what its verb says."""
    return any(c.dep_ in ("det", "preconj") and c.lower_ in negations for c in subject.children)


def attribution(token: Token, ctx: Context) -> tuple[str | None, str | None]:
    """(entity key, text) of who says so: the subject of a verb of saying above the trigger, or "according to"."""
    rules = ctx.rules
    sent = token.sent
    below = token
    for node in _governors(token):
        if node.pos_ in ("VERB", "AUX"):
            lemma = node.lemma_.lower()
            # "accused Afghanistan of sheltering militants": the charge is the accuser's word
            if lemma in rules.attribution_verbs or (below.dep_ == "prep" and lemma in rules.charging_verbs):
                return _speaker(node, ctx)
        below = node
    root = sent.root
    if root is not token and root.lemma_.lower() in rules.attribution_verbs and token not in root.subtree:
        return _speaker(root, ctx)
    for t in sent:
        if t.lower_ in rules.attribution_preps and t.dep_ == "prep":
            for pobj in (c for p in t.children for c in ([p] + list(p.children)) if c.dep_ == "pobj"):
                key = resolve_np(pobj, ctx)
                return key, None if key else " ".join(w.text for w in pobj.subtree)
    # "X said" after the clause: spaCy makes the saying verb the root with the event as its ccomp
    for child in root.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in rules.attribution_verbs:
            return _speaker(child, ctx)
    return None, None


def _speaker(verb: Token, ctx: Context) -> tuple[str | None, str | None]:
    """Who a verb of saying or charging says is speaking: its subject, or in the passive its agent ("Russia was
    accused by Ukraine of shelling the plant")."""
    subj = [c for c in verb.children if c.dep_ in SUBJECTS] or by_agents(verb)
    if not subj:
        return None, None
    key = resolve_np(subj[0], ctx)
    if key:
        return key, None
    words = [t for t in subj[0].subtree]
    return None, " ".join(t.text for t in words)[:200] or None


def event_date(token: Token, light: Token | None, document: Document, dates: Iterable[Span]) -> tuple[str | None, str | None]:
    """(date, text) of a temporal expression attached to the trigger's own clause, not to a verb of saying.

    `dates` are the DATE entities of the trigger's sentence (see `Context.dates`).
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
            if node.head.i == node.i or (node.pos_ in ("VERB", "AUX") and node.i not in anchors):
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
