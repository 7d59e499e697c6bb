"""The CAMEO verb dictionary compiled into a matcher over spaCy dependency parses.

`load_lexicon()` reads the generated tables `ontology/cameo_verbs.jsonl` and
`ontology/cameo_codes.jsonl` (made by `python -m kg.dictionaries` from the vendored
PETRARCH-2 dictionary), validates them once and indexes them by verb lemma.
`Lexicon.match(verb)` finds the most specific pattern of the verb's block that the
verb's clause satisfies and returns its CAMEO code with the kg action it maps to,
and the tokens that fill the pattern's source (`$`) and target (`+`) slots.

How a pattern reads a parse (PETRARCH read constituency trees; these are the
dependency equivalents):
- words after `*` are looked for in the verb's phrase: its objects, particles,
  prepositional phrases, complements and adverbs, with their subtrees, but not in
  clauses of their own (ccomp, advcl, relcl, conj, parataxis): those are other events;
- words before `*` are looked for in the subject and the auxiliaries ("WILL NOT *");
- a word matches a token's lower-case form or lemma (a participle modifying a noun
  by its form only), a synonym set any of its phrases, `{A B}` a noun headed by B
  with A in its phrase, `(P ...)` a preposition P with the rest inside its phrase;
- `+`/`$` inside `(P ...)` is that preposition's object; a bare slot after `*` is the
  direct object, before `*` the subject;
- the pattern with the most words wins (a preposition counts half a content word; ties:
  the earlier line), as in TABARI;
- the code of the winning pattern, else of the verb line, else of its block: an
  active/passive pair (`[042:043]`) gives the passive code when the verb is passive,
  with the surface subject as source; a null code (`[---]`) is a negative rule.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from kg.errors import RulesError
from kg.files import json_objects
from kg.paths import ontology_dir

VERBS_FILE = "cameo_verbs.jsonl"
CODES_FILE = "cameo_codes.jsonl"
DISCARDS_FILE = "discards.yaml"
LEAD_CHARS = 1500
"""How much of a text is its headline and lead (about two paragraphs), where a story's topic is set."""

CLAUSES = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "punct", "cc", "mark", "nsubj",
                     "nsubjpass", "aux", "auxpass", "neg", "expl", "discourse", "intj", "meta"})
"""Children of the verb whose subtrees are not its phrase (other clauses, the subject, auxiliaries)."""
SUBJECT_SIDE = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "aux", "auxpass", "neg"})
"""Children of the verb read by the words before `*`."""
OBJECTS = ("dobj", "dative", "attr", "oprd", "obj")
FRONTED = frozenset({"prep", "advmod", "npadvmod", "agent"})
"""Adjuncts that may stand before the verb, where they are no part of the phrase the dictionary's patterns read."""
NULL_CODE = "---"
"""An explicit null code: the verb or pattern codes no event (a negative rule)."""
PREP_DEPS = frozenset({"prep", "agent", "dative"})


@dataclass(frozen=True)
class Term:
    """A pattern word: single-word alternatives and consecutive-word phrases (lower case)."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def first_words(self) -> frozenset[str]:
        """Every word that can start a match (for the quick prefilter)."""
        return self.words | {p[0] for p in self.phrases}


@dataclass(frozen=True)
class Word:
    """A bare word, phrase or synonym set."""

    term: Term


@dataclass(frozen=True)
class NounPhrase:
    """`{A B}`: a noun matching the last term, with the others in its phrase."""

    modifiers: tuple[Term, ...]
    head: Term


@dataclass(frozen=True)
class PrepPhrase:
    """`(P ...)`: a preposition P with the inner elements in its phrase."""

    preps: frozenset[str]
    inner: tuple[Any, ...]


@dataclass(frozen=True)
class Slot:
    """`$` (source), `+` (target) or `^` (any noun phrase)."""

    kind: str


Element = Word | NounPhrase | PrepPhrase | Slot


@dataclass(frozen=True)
class Pattern:
    """One upstream pattern line of a verb block."""

    line: int
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str | None
    """Code in the active voice (both voices unless `voiced`); "---" a negative rule; None: no code in that voice."""
    passive: str | None
    voiced: bool
    weight: int
    needs: tuple[frozenset[str], ...]
    """For each word-bearing element, the words one of which the clause must hold (prefilter)."""


@dataclass(frozen=True)
class VerbEntry:
    """A verb (or phrasal verb) of a block with its own code, if any."""

    words: tuple[str, ...]
    block: str
    line: int
    code: str | None
    passive: str | None
    voiced: bool
    also: tuple[Pattern, ...] = ()
    """Patterns of other blocks that list the verb, written for it: they apply to it too, after its own on a tie."""


@dataclass(frozen=True)
class Block:
    """A verb block: its default code and its patterns, most specific first."""

    name: str
    line: int
    code: str | None
    passive: str | None
    voiced: bool
    patterns: tuple[Pattern, ...]
    index: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Word -> positions (in `patterns`) of the patterns whose first needed words include it."""
    unindexed: tuple[int, ...] = ()
    """Positions of the patterns that need no word ("$ * +")."""

    def candidates(self, words: frozenset[str]) -> list[Pattern]:
        """The patterns whose first word-bearing element the clause can satisfy, most specific first."""
        found = set(self.unindexed)
        for word in self.index.keys() & words:  # (a clause has many words, a block indexes few of them)
            found.update(self.index[word])
        return [self.patterns[i] for i in sorted(found)]


@dataclass(frozen=True)
class CodeRow:
    """What a CAMEO code means: PLOVER type, mode, context, and the kg action (None: no event)."""

    code: str
    plover: str | None
    mode: str | None
    context: str | None
    action: str | None


@dataclass(frozen=True)
class LexMatch:
    """The dictionary's reading of one verb: its CAMEO code and kg action, and the slot fillers."""

    code: str
    action: str
    block: str
    line: int
    """Line of the upstream pattern or verb entry that gave the code."""
    sources: tuple[Token, ...] = ()
    targets: tuple[Token, ...] = ()
    surface_roles: bool = False
    """A voiced passive code (`[042:043]`): the surface subject is the source, the agent the target."""


@dataclass(frozen=True)
class Discards:
    """Phrases that mark a story as not political news, or a sentence as not for the dictionary to code."""

    story: re.Pattern[str] | None
    sentence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Sentence phrases (lower case) by their first word: found with one pass over a text's tokens."""

    def story_discarded(self, text: str, title: str | None = None) -> bool:
        """A sports or entertainment story ("Champions League", "goalkeeper"): no events at all.

        A news story says what it is about in its headline and lead, so only they are read: a long
        text (a digest, a transcript, a book) that names a football club on page 40 keeps its events.
        """
        if self.story is None:
            return False
        return bool(self.story.search(text, 0, LEAD_CHARS) or (title and self.story.search(title)))

    def sentence_hits(self, doc: Doc) -> list[int]:
        """Character offsets in `doc` where a sentence-level phrase (a match, a storm, a film) starts.

        The dictionary's broad verbs ("hit", "beat") code nothing in such a sentence.
        """
        text = doc.text
        # a story phrase past the lead ("the goalkeeper said") is a sentence-level one there
        out = [m.start() for m in self.story.finditer(text)] if self.story is not None else []
        sentence = self.sentence
        # (a membership test per token, the phrases only for the few tokens that start one)
        for token in [t for t in doc if t.lower_ in sentence]:
            for phrase in sentence[token.lower_]:
                end = token.idx + len(phrase)
                if text[token.idx:end].lower() == phrase and (end == len(text) or not text[end].isalnum()):
                    out.append(token.idx)
                    break
        return sorted(out)


@dataclass(frozen=True)
class Lexicon:
    """The compiled dictionary: verb entries by lemma, blocks by name, code rows by code, and the discards."""

    verbs: Mapping[str, tuple[VerbEntry, ...]]
    blocks: Mapping[str, Block]
    codes: Mapping[str, CodeRow]
    version: str
    """Hash of the tables: part of the cache key of extracted documents."""
    discards: Discards = Discards(None)

    def entry(self, verb: Token) -> VerbEntry | None:
        """The verb entry for a token: a phrasal verb whose particles are there first ("ask for"), else the plain verb."""
        entries = self.verbs.get(verb.lemma_.lower())
        if not entries:
            return None
        plain = None
        near = None
        for entry in entries:
            if len(entry.words) == 1:
                plain = plain or entry
                continue
            if near is None:
                near = {w for c in verb.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "acomp", "agent")
                        for w in (c.lower_, c.lemma_.lower())}
                near |= {w for t in verb.doc[verb.i + 1: verb.i + 4] for w in (t.lower_, t.lemma_.lower())}
            if all(w in near for w in entry.words[1:]):
                return entry
        return plain

    def match(self, verb: Token, bare: bool = True) -> LexMatch | None:
        """The dictionary's code for a verb in its clause, or None (unknown verb, null code or negative rule).

        With `bare` false only a pattern that names a content word codes the verb, never its entry's or
        its block's own code, nor a pattern of function words alone ("HEAD * TO" says nothing of "led ... to").
        """
        entry = self.entry(verb)
        if entry is None:
            return None
        block = self.blocks[entry.block]
        passive = is_passive(verb)
        phrase = _phrase_tokens(verb)
        if passive:
            # the passive's subject is the object the words after the verb name: "the budget must be approved"
            # is "approve ... budget" (a negative rule), "sanctions were imposed" is "impose ... sanctions"
            phrase += [t for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass") for t in _subtree(c)]
        subject = _subject_tokens(verb)
        words = _word_set(phrase)
        subject_words = _word_set(subject)
        candidates = block.candidates(words | subject_words)
        if entry.also:
            # (with the patterns other blocks wrote for the verb: most specific first, its own block's first on a tie)
            candidates = sorted(candidates + list(entry.also), key=lambda p: -p.weight)
        for pattern in candidates:
            if not _prefilter(pattern, words, subject_words):
                continue
            code, voiced_passive = _voice_code(pattern.code, pattern.passive, pattern.voiced, passive)
            if code is None:
                continue  # "[:110]" in the active voice: this pattern codes nothing in this voice
            if not bare and all(alternatives <= STOP_WORDS for alternatives in pattern.needs):
                continue
            slots = _match_pattern(pattern, verb, phrase, subject)
            if slots is None:
                continue
            if code == NULL_CODE:
                return None  # "[---]": a negative rule
            return self._result(code, block.name, pattern.line, slots, voiced_passive)
        if not bare:
            return None
        code, voiced_passive = _voice_code(entry.code, entry.passive, entry.voiced, passive)
        line = entry.line
        if code is None and not entry.voiced:  # the verb has no code of its own: its block's
            code, voiced_passive = _voice_code(block.code, block.passive, block.voiced, passive)
            line = block.line
        if code is None or code == NULL_CODE:
            return None
        return self._result(code, block.name, line, {}, voiced_passive)

    def _result(self, code: str, block: str, line: int, slots: dict[str, list[Token]], surface: bool) -> LexMatch | None:
        row = self.codes.get(code)
        if row is None or row.action is None:
            return None
        return LexMatch(code, row.action, block, line, tuple(slots.get("$", ())), tuple(slots.get("+", ())), surface)


def is_passive(verb: Token) -> bool:
    """A passive verb: a passive subject or auxiliary, or a participle with a by-agent ("sanctions imposed by the EU")
    or on the noun it was done to ("migrants deported from the United States")."""
    deps = {c.dep_ for c in verb.children}
    # "spoke by telephone": the parser may call any by-phrase an agent; only a participle takes one
    return bool(deps & {"nsubjpass", "csubjpass", "auxpass"}) or (verb.tag_ == "VBN" and "agent" in deps) \
        or describing_participle(verb)


def describing_participle(verb: Token) -> bool:
    """A past participle on a noun that tells what was done to it ("migrants deported from the United States", "the
    deal negotiated by May"); not a clause with a subject or an auxiliary of its own that the parser hung on a noun
    ("reports that Russia had attacked Kharkiv")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)


REDUCED_PASSIVE_BLOCKERS = frozenset({"aux", "auxpass", "nsubjpass", "dobj", "obj", "dative", "attr", "oprd", "ccomp",
                                      "xcomp", "prt"})
"""Children that show a verb is active after all, or passive in full: an auxiliary, an object or a complement."""


def reduced_passive(verb: Token, transitive: frozenset[str]) -> bool:
    """A passive written without its auxiliary, as headlines write it ("Imran Khan arrested in Islamabad", "Five
    killed in Gaza strike"): a verb that always takes an object (`transitive`), heading its clause with a subject,
    no auxiliary and no object, so its subject is whom it is done to."""
    if verb.lemma_.lower() not in transitive or verb.tag_ not in ("VBD", "VBN"):
        return False
    subject = any(c.dep_ == "nsubj" for c in verb.children)
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and not subject:
        return reduced_passive(verb.head, transitive)  # "Khan arrested and charged": the subject is shared
    # ("Five killed, dozens arrested in Gaza": each clause of a headline)
    return (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")) and subject and not any(
        c.dep_ in REDUCED_PASSIVE_BLOCKERS for c in verb.children) and not small_clause_objects(verb)


def small_clause_objects(verb: Token) -> list[Token]:
    """ "police detained hundreds of farmers marching to Delhi": the parser makes the object the subject of the
    participle after it, whose clause starts right after the verb; that subject is the verb's object."""
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return []
    # (a participle with no auxiliary: "said the media was claiming ..." is a finite clause with its own subject)
    return [s for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.tag_ == "VBG" and c.i > verb.i
            and not any(a.dep_ in ("aux", "auxpass") for a in c.children)
            for s in c.children if s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1]


def _voice_code(code: str | None, passive_code: str | None, voiced: bool, passive: bool) -> tuple[str | None, bool]:
    """(code for this voice, whether it is a voiced passive code read with surface roles)."""
    if voiced:
        return (passive_code, True) if passive else (code, False)
    return code, False


def _phrase_tokens(verb: Token) -> list[Token]:
    """The verb's phrase: the subtrees of its non-clausal children (objects, particles, PPs, complements)."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in CLAUSES:
            continue
        if child.i < verb.i and child.dep_ in FRONTED:
            # the dictionary's words after the verb are its phrase's, not a fronted adjunct's: "After his release,
            # Mugabe led a movement" is no "led ... the release" (CAMEO 0841)
            continue
        out.extend(_subtree(child))
    return out


def _subtree(token: Token) -> list[Token]:
    """A phrase without the clauses nested in it ("the aid that Russia sent": not "sent"), in the order of a
    walk down from `token`, each token before its children."""
    out: list[Token] = []
    stack = [token]
    while stack:  # (a walk with a stack: nested generators cost a step per level for every token)
        node = stack.pop()
        out.append(node)
        stack.extend(reversed([c for c in node.children if not (
            c.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "acl") and c.pos_ in ("VERB", "AUX"))]))
    return out


def _subject_tokens(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ in SUBJECT_SIDE for t in _subtree(c)]


def _word_set(tokens: Iterable[Token]) -> frozenset[str]:
    tokens = list(tokens)
    return frozenset([t.lower_ for t in tokens] + [t.lemma_.lower() for t in tokens])


def _prefilter(pattern: Pattern, words: frozenset[str], subject_words: frozenset[str]) -> bool:
    """Quick test: every word-bearing element has some word in its region."""
    return all(not (need.isdisjoint(words) and need.isdisjoint(subject_words)) for need in pattern.needs)


MODIFIER_PARTICIPLES = frozenset({"VBN", "VBG"})


def _modifying_participle(token: Token) -> bool:
    """A participle that modifies a noun ("a broad-based government", "armed groups"): a dictionary word matches it
    by its surface form only, not its lemma ("base", "arm")."""
    return token.tag_ in MODIFIER_PARTICIPLES and token.dep_ in ("amod", "compound")


def _term_at(term: Term, token: Token) -> bool:
    words = term.words
    # (the lemma test is the common miss; the participle test runs only on a lemma that matched)
    if token.lower_ in words or (token.lemma_.lower() in words and not _modifying_participle(token)):
        return True
    doc = token.doc
    for phrase in term.phrases:
        end = token.i + len(phrase)
        if end <= len(doc) and all(
                (t := doc[token.i + k]).lower_ == w or (t.lemma_.lower() == w and not _modifying_participle(t))
                for k, w in enumerate(phrase)):
            return True
    return False


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in OBJECTS]


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _match_pattern(pattern: Pattern, verb: Token, phrase: list[Token], subject: list[Token]) -> dict[str, list[Token]] | None:
    """Slot fillers {"$": [...], "+": [...]} when the clause satisfies the pattern, else None."""
    slots: dict[str, list[Token]] = {}
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    for region, elements, bare_slot in ((subject, pattern.before, subjects), (phrase, pattern.after, _objects(verb))):
        for element in elements:
            if not _match_element(element, region, bare_slot, slots):
                return None
    return slots


def _match_element(element: Element, region: list[Token], bare_slot: list[Token], slots: dict[str, list[Token]]) -> bool:
    if isinstance(element, Slot):
        if element.kind == "^":
            return True
        if not bare_slot:
            return False
        slots.setdefault(element.kind, []).extend(bare_slot[:1])
        return True
    if isinstance(element, Word):
        return any(_term_at(element.term, t) for t in region)
    if isinstance(element, NounPhrase):
        for head in region:
            if _term_at(element.head, head):
                inside = [t for t in head.subtree if t.i != head.i]
                if all(any(_term_at(m, t) for t in inside) for m in element.modifiers):
                    return True
        return False
    for prep in region:  # PrepPhrase
        if prep.lower_ not in element.preps or not (prep.dep_ in PREP_DEPS or prep.pos_ == "ADP"):
            continue
        obj = _pobj(prep)
        if obj is not None and obj.ent_type_ in ("DATE", "TIME"):
            continue  # "called Zelensky on Tuesday": a phrase of time is no phrase of the pattern ("call ... on")
        inside = [t for t in prep.subtree if t.i != prep.i]
        trial: dict[str, list[Token]] = {}
        if all(_match_element(e, inside, [obj] if obj is not None else [], trial) for e in element.inner):
            for kind, tokens in trial.items():
                slots.setdefault(kind, []).extend(tokens)
            return True
    return False


# ------------------------------------------------------------------ loading and compiling


def _term(data: Any, synsets: Mapping[str, Term], where: str) -> Term:
    if isinstance(data, dict) and set(data) == {"syn"}:
        if data["syn"] not in synsets:
            raise RulesError(f"{where}: undefined synonym set {data['syn']!r}")
        return synsets[data["syn"]]
    if isinstance(data, dict) and set(data) == {"any"} and isinstance(data["any"], list) and data["any"]:
        return _phrases(data["any"], where)
    raise RulesError(f"{where}: expected a term {{syn: NAME}} or {{any: [[word, ...], ...]}}, got {data!r}")


def _phrases(phrases: Any, where: str) -> Term:
    if not isinstance(phrases, list) or not all(
            isinstance(p, list) and p and all(isinstance(w, str) and w for w in p) for p in phrases):
        raise RulesError(f"{where}: expected a list of phrases (lists of words), got {phrases!r}")
    return Term(frozenset(p[0] for p in phrases if len(p) == 1), tuple(tuple(p) for p in phrases if len(p) > 1))


def _element(data: Any, synsets: Mapping[str, Term], where: str) -> Element:
    if data in ("$", "+", "^"):
        return Slot(data)
    if isinstance(data, dict) and "np" in data:
        terms = [_term(t, synsets, where) for t in data["np"]]
        if not terms:
            raise RulesError(f"{where}: empty noun phrase")
        return NounPhrase(tuple(terms[:-1]), terms[-1])
    if isinstance(data, dict) and "pp" in data:
        preps = data["pp"]
        if not isinstance(preps, list) or not preps or not all(isinstance(p, str) for p in preps):
            raise RulesError(f"{where}: a prepositional phrase needs a list of prepositions, got {preps!r}")
        return PrepPhrase(frozenset(preps), tuple(_element(e, synsets, where) for e in data.get("in") or []))
    return Word(_term(data, synsets, where))


def _needs(elements: Iterable[Element]) -> Iterator[frozenset[str]]:
    for e in elements:
        if isinstance(e, Word):
            yield e.term.first_words
        elif isinstance(e, NounPhrase):
            yield e.head.first_words
            for m in e.modifiers:
                yield m.first_words
        elif isinstance(e, PrepPhrase):
            yield e.preps
            yield from _needs(e.inner)


def _weight(elements: Iterable[Element]) -> int:
    """Specificity: 2 for each content word, 1 for a preposition, so that "* &FOOD" beats "* (TO)"."""
    total = 0
    for e in elements:
        if isinstance(e, Word):
            total += 2
        elif isinstance(e, NounPhrase):
            total += 2 * (1 + len(e.modifiers))
        elif isinstance(e, PrepPhrase):
            total += 1 + _weight(e.inner)
    return total


def _code(value: Any, where: str) -> str | None:
    if value is None or value == NULL_CODE or (isinstance(value, str) and value.isdigit() and 2 <= len(value) <= 4):
        return value
    raise RulesError(f"{where}: a CAMEO code is a string of 2 to 4 digits or null, got {value!r}")


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RulesError(f"{path.name}: cannot read the dictionary table: {exc.strerror} "
                         "(regenerate it with `python -m kg.dictionaries`)") from exc
    return json_objects(lines, path.name, RulesError)


def compile_lexicon(verbs_path: Path, codes_path: Path, actions: Iterable[str]) -> Lexicon:
    """Validate the two generated tables and build the Lexicon; raises RulesError naming file and line."""
    known = frozenset(actions)
    codes: dict[str, CodeRow] = {}
    for n, rec in _read_jsonl(codes_path):
        where = f"{codes_path.name}: line {n}"
        code = _code(rec.get("code"), where)
        if code is None:
            raise RulesError(f"{where}: missing code")
        action = rec.get("action")
        if action is not None and action not in known:
            raise RulesError(f"{where}: action {action!r} is not one of {', '.join(sorted(known))}")
        codes[code] = CodeRow(code, rec.get("plover"), rec.get("mode"), rec.get("context"), action)
    synsets: dict[str, Term] = {}
    blocks: dict[str, dict[str, Any]] = {}
    verbs: dict[str, list[VerbEntry]] = {}
    wanted: list[tuple[VerbEntry, tuple[int, ...], str]] = []  # verbs with other blocks' patterns, and their lines
    current: dict[str, Any] | None = None
    for n, rec in _read_jsonl(verbs_path):
        where = f"{verbs_path.name}: line {n}"
        if "synset" in rec:
            synsets[rec["synset"]] = _phrases(rec.get("phrases"), where)
            continue
        voiced = bool(rec.get("voiced"))
        code, passive = _code(rec.get("code"), where), _code(rec.get("passive"), where)
        for c in (code, passive):
            if c is not None and c != NULL_CODE and c not in codes:
                raise RulesError(f"{where}: code {c} is not in {codes_path.name}")
        if "block" in rec and not any(k in rec for k in ("verb", "pattern")):
            if rec["block"] in blocks:
                raise RulesError(f"{where}: block {rec['block']!r} is defined twice")
            current = {"name": rec["block"], "line": rec.get("line", n), "code": code, "passive": passive,
                       "voiced": voiced, "patterns": []}
            blocks[rec["block"]] = current
            continue
        if current is None or rec.get("block") != current["name"]:
            raise RulesError(f"{where}: entry of block {rec.get('block')!r} outside that block")
        if "verb" in rec:
            words = rec["verb"]
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
                raise RulesError(f"{where}: a verb is a non-empty list of words, got {words!r}")
            also = rec.get("also") or []
            if not isinstance(also, list) or not all(isinstance(b, int) and not isinstance(b, bool) for b in also):
                raise RulesError(f"{where}: 'also' is a list of pattern line numbers, got {also!r}")
            entry = VerbEntry(tuple(words), current["name"], rec.get("line", n), code, passive, voiced)
            if also:
                wanted.append((entry, tuple(also), where))
            verbs.setdefault(words[0], []).append(entry)
            continue
        if "pattern" in rec:
            body = rec["pattern"]
            if not isinstance(body, dict):
                raise RulesError(f"{where}: a pattern has 'before' and 'after' element lists")
            before = tuple(_element(e, synsets, where) for e in body.get("before") or [])
            after = tuple(_element(e, synsets, where) for e in body.get("after") or [])
            current["patterns"].append(Pattern(rec.get("line", n), before, after, code, passive, voiced,
                                               _weight(before + after), tuple(_needs(before + after))))
            continue
        raise RulesError(f"{where}: expected a synset, block, verb or pattern record")
    compiled = {name: _block(b) for name, b in blocks.items()}
    by_line = {p.line: p for b in blocks.values() for p in b["patterns"]}
    for entry, lines, where in wanted:
        if missing := [line for line in lines if line not in by_line]:
            raise RulesError(f"{where}: 'also' names no pattern at line {missing[0]}")
        full = replace(entry, also=tuple(sorted((by_line[line] for line in lines), key=lambda p: (-p.weight, p.line))))
        verbs[entry.words[0]] = [full if e is entry else e for e in verbs[entry.words[0]]]
    digest = hashlib.sha1(verbs_path.read_bytes() + codes_path.read_bytes()).hexdigest()[:12]
    return Lexicon(
        MappingProxyType({k: tuple(sorted(v, key=lambda e: (-len(e.words), e.line))) for k, v in verbs.items()}),
        MappingProxyType(compiled), MappingProxyType(codes), digest,
    )


def _block(data: dict[str, Any]) -> Block:
    """A block with its patterns sorted most specific first and indexed by their first needed words."""
    patterns = tuple(sorted(data["patterns"], key=lambda p: (-p.weight, p.line)))
    index: dict[str, list[int]] = {}
    unindexed = []
    for n, pattern in enumerate(patterns):
        if not pattern.needs:
            unindexed.append(n)
        for word in (pattern.needs[0] if pattern.needs else ()):
            index.setdefault(word, []).append(n)
    return Block(data["name"], data["line"], data["code"], data["passive"], data["voiced"], patterns,
                 MappingProxyType({w: tuple(p) for w, p in index.items()}), tuple(unindexed))


def story_alternatives(phrases: list[str]) -> str:
    """The phrases as one regular expression alternation (whole words apart by any spaces), grouped by
    first character: "g(?:oalkeeper|olfing)|w(?:orld\\s+golf\\s+championships|...)".

    A regex tries its alternatives in turn at each position of a text; grouped, it tries one
    first character per group instead of every phrase (2.5 times faster). The same phrase matches
    first as in the plain list: within a group the phrases keep their order, and phrases of
    different first characters never match at one position (else the plain list is kept).
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        words = phrase.split()
        groups.setdefault(words[0][0], []).append(re.escape(words[0][1:]) + "".join(r"\s+" + re.escape(w) for w in words[1:]))
    if any(a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in groups for b in groups):
        # "G..." and "g...": two groups could start at one position, so their order would matter
        return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(tails)})" for first, tails in groups.items())


def compile_discards(path: Path) -> Discards:
    """The story discards as one whole-word, case-insensitive pattern; the sentence discards indexed by first word."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise RulesError(f"{path.name}: cannot read the discard list: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise RulesError(f"{path.name}: not valid YAML: {exc}") from None
    for scope in ("story", "sentence"):
        phrases = data.get(scope) or []
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise RulesError(f"{path.name}: '{scope}' must be a list of phrases")
    story = sorted(data.get("story") or [], key=len, reverse=True)  # the longer alternative first
    pattern = re.compile(rf"(?<!\w)(?:{story_alternatives(story)})(?!\w)", re.IGNORECASE) if story else None
    index: dict[str, list[str]] = {}
    for phrase in data.get("sentence") or []:
        phrase = " ".join(phrase.lower().split())
        index.setdefault(re.split(r"[^\w]+", phrase)[0], []).append(phrase)
    return Discards(pattern, MappingProxyType({w: tuple(sorted(p, key=len, reverse=True)) for w, p in index.items()}))


@lru_cache(maxsize=2)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """The compiled CAMEO verb dictionary and discards of ontology/ (or another folder), loaded once."""
    from kg.actions import action_types

    folder = Path(directory or ontology_dir())
    lexicon = compile_lexicon(folder / VERBS_FILE, folder / CODES_FILE, action_types())
    discards = compile_discards(folder / DISCARDS_FILE)
    digest = hashlib.sha1((lexicon.version + (folder / DISCARDS_FILE).read_text(encoding="utf-8")).encode()).hexdigest()[:12]
    return replace(lexicon, discards=discards, version=digest)
