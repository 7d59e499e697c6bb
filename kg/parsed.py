"""A parsed spaCy Doc read once into plain Python objects that behave like its Tokens and Spans.

The rules after the parse (entity resolution, the CAMEO dictionary, the event rules) read each
token's lemma, dependency, part of speech, head and children many times over. Through spaCy
every such read makes a new Token object and looks its string up again, which cost kg more than
its own logic. `parsed(doc)` reads what the rules use once per text (`Doc.to_array`, one string
lookup per distinct value) into `ParsedToken`s with the same attribute names and the same
answers: children in spaCy's order, `subtree`, `conjuncts`, sentence spans and `Span.root`
computed as spaCy computes them. The rules take either and give the same results.

Anything not mirrored here (`token.morph`, `token.nbor()` ...) is read from the spaCy object and
its tokens and spans wrapped back, so a new rule works unchanged; mirror it here when it is hot.
"""

from __future__ import annotations

import gc
import operator
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import repeat
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc, Span, Token

_STRINGS = (ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE)
"""Attributes read as strings (`text`, `lower_`, `lemma_`, `pos_`, `tag_`, `dep_`, `ent_type_`)."""
_NUMBERS = (HEAD, IDX, SPACY, LIKE_NUM, IS_SPACE, IS_PUNCT)
_WHITESPACE = ("", " ")
"""`whitespace_` by the SPACY flag: a token is followed by one space or none (more are tokens of their own)."""


class ParsedToken:
    """One token of a `ParsedDoc`: spaCy's Token attributes the rules read, as plain values.

    There is one object per token, so `==`, `in` and sets work by identity, as spaCy's work by position.
    """

    __slots__ = ("doc", "i", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "idx", "whitespace_",
                 "like_num", "is_space", "is_punct", "head", "children", "sent", "_subtree")

    doc: ParsedDoc
    head: ParsedToken
    children: tuple[ParsedToken, ...]
    """The immediate dependents in text order (spaCy's `lefts` then `rights`); a tuple, read many times."""
    sent: ParsedSpan

    def __init__(self, doc: ParsedDoc, i: int, text: str, lower: str, lemma: str, pos: str, tag: str, dep: str,
                 ent_type: str, idx: int, whitespace: str, like_num: bool, is_space: bool, is_punct: bool):
        self.doc, self.i, self.text, self.lower_, self.lemma_ = doc, i, text, lower, lemma
        self.pos_, self.tag_, self.dep_, self.ent_type_, self.idx = pos, tag, dep, ent_type, idx
        self.whitespace_, self.like_num, self.is_space, self.is_punct = whitespace, like_num, is_space, is_punct
        self.children = ()
        self._subtree: tuple[ParsedToken, ...] | None = None

    @property
    def lefts(self) -> Iterator[ParsedToken]:
        return (c for c in self.children if c.i < self.i)

    @property
    def rights(self) -> Iterator[ParsedToken]:
        return (c for c in self.children if c.i > self.i)

    @property
    def subtree(self) -> Iterator[ParsedToken]:
        """The token and its descendants in spaCy's order (each left child's subtree, the token, each right
        child's), found once per token and kept."""
        if self._subtree is None:
            out: list[ParsedToken] = []
            stack: list[tuple[ParsedToken, bool]] = [(self, False)]
            while stack:  # (no recursion: a deep tree must not reach Python's recursion limit)
                node, expanded = stack.pop()
                if expanded:
                    out.append(node)
                    continue
                stack.extend((c, False) for c in reversed(node.children) if c.i > node.i)
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(node.children) if c.i < node.i)
            self._subtree = tuple(out)
        return iter(self._subtree)

    @property
    def conjuncts(self) -> tuple[ParsedToken, ...]:
        """The tokens coordinated with this one, without it (as spaCy finds them: from the first conjunct down)."""
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue = [start]
        output = [start]
        for word in queue:
            for child in word.children:
                if child.i > word.i and child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w is not self)

    @property
    def left_edge(self) -> ParsedToken:
        return self.doc.words[self.doc.spacy[self.i].left_edge.i]  # (rare: spaCy's own edges, exactly)

    @property
    def right_edge(self) -> ParsedToken:
        return self.doc.words[self.doc.spacy[self.i].right_edge.i]

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def __lt__(self, other: ParsedToken) -> bool:
        return self.idx < other.idx

    def __le__(self, other: ParsedToken) -> bool:
        return self.idx <= other.idx

    def __gt__(self, other: ParsedToken) -> bool:
        return self.idx > other.idx

    def __ge__(self, other: ParsedToken) -> bool:
        return self.idx >= other.idx


class ParsedSpan:
    """A slice of a `ParsedDoc` (a sentence, an entity, `doc[a:b]`): spaCy's Span attributes the rules read."""

    __slots__ = ("doc", "start", "end", "label_", "ent_id_", "kb_id_", "_root", "_text")

    def __init__(self, doc: ParsedDoc, start: int, end: int, label: str = "", ent_id: str = "", kb_id: str = ""):
        self.doc, self.start, self.end, self.label_, self.ent_id_, self.kb_id_ = doc, start, end, label, ent_id, kb_id
        self._root: ParsedToken | None = None
        self._text: str | None = None

    @property
    def start_char(self) -> int:
        words = self.doc.words
        return words[self.start].idx if self.start < len(words) else len(self.doc.text)

    @property
    def end_char(self) -> int:
        if self.end <= self.start:
            return self.start_char
        last = self.doc.words[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        """The words as written, spaces between them kept (read once per span: the rules ask it again and again)."""
        if self._text is None:
            if self.end > self.start:
                words = self.doc.words
                last = words[self.end - 1]
                self._text = self.doc.text[words[self.start].idx:last.idx + len(last.text)]
            else:
                self._text = ""
        return self._text

    @property
    def root(self) -> ParsedToken:
        """The token nearest the root of the parse (spaCy's rule: a sentence root inside it, else the fewest
        steps up, a childless space or punctuation mark last, the first on a tie)."""
        if self._root is None:
            self._root = self._find_root()
        return self._root

    def _find_root(self) -> ParsedToken:
        words = self.doc.words
        inside = words[self.start:self.end]
        for word in inside:
            if word.head is word:
                return word
        best, root = len(words), None
        for word in inside:
            if self.start <= word.head.i < self.end:
                continue
            if (word.is_space or word.is_punct) and not word.children:
                steps = len(words) - 1
            else:
                steps, node = 0, word
                while node.head is not node:
                    node = node.head
                    steps += 1
            if steps < best:
                best, root = steps, word
        return root if root is not None else words[self.start]

    @property
    def sent(self) -> ParsedSpan:
        return self.doc.words[self.start].sent

    def __len__(self) -> int:
        return max(0, self.end - self.start)

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.doc.words[self.start:self.end])

    def __reversed__(self) -> Iterator[ParsedToken]:
        return reversed(self.doc.words[self.start:self.end])

    def __getitem__(self, i: int | slice) -> Any:
        if i.__class__ is slice:
            start, stop = _bounds(i, self.end - self.start)  # type: ignore[arg-type]
            return ParsedSpan(self.doc, self.start + start, self.start + stop)
        j = self.end + i if i < 0 else self.start + i  # type: ignore[operator]
        if not self.start <= j < self.end:
            raise IndexError(f"span index {i} out of range")
        return self.doc.words[j]

    def __eq__(self, other: object) -> bool:
        # spaCy compares character offsets, labels and ids; in one text the token range stands for the offsets
        return isinstance(other, ParsedSpan) and other.doc is self.doc and other.start == self.start \
            and other.end == self.end and other.label_ == self.label_ and other.ent_id_ == self.ent_id_ \
            and other.kb_id_ == self.kb_id_

    def __hash__(self) -> int:
        return hash((id(self.doc), self.start, self.end, self.label_, self.ent_id_, self.kb_id_))

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


_NAMES: dict[int, str] = {}
"""Strings by their hash in spaCy's string store, kept across texts (a text repeats most of the words before it)."""
MAX_NAMES = 100_000
"""(a few MB at most: 100,000 words of real news hold some 16,500 distinct strings)"""


def _names(hashes: list[int], strings: Any) -> list[str]:
    """The strings of a column of hashes (looked up in spaCy's store once each, then kept)."""
    found = list(map(_NAMES.get, hashes))
    if None in found:
        new = {h: strings[h] for h in set(hashes).difference(_NAMES)}
        if len(_NAMES) > MAX_NAMES:
            _NAMES.clear()
        _NAMES.update(new)
        found = list(map(_NAMES.get, hashes))
        if None in found:  # another thread (a Dask worker's) cleared the memo meanwhile
            found = [strings[h] for h in hashes]
    return found


def token_texts(doc: Doc) -> list[str]:
    """The text of every token of a Doc, read at once (for a pipeline component: no Token object each)."""
    return _names(doc.to_array(ORTH).tolist(), doc.vocab.strings) if len(doc) else []


def _bounds(index: slice, length: int) -> tuple[int, int]:
    """spaCy's slice rule: step 1 only, bounds clipped, an empty slice where the end is before the start."""
    if index.step not in (None, 1):
        raise ValueError("slices of a parsed text take no step")
    start, stop, _ = index.indices(length)
    return start, max(start, stop)


class ParsedDoc:
    """A parsed text as plain Python objects: `words[i]` for `doc[i]`, with `sents`, `ents`, `text` and slices."""

    __slots__ = ("ents", "memo", "sents_", "spacy", "text", "words")

    memo: dict[Any, Any]
    """Answers the rules keep for this text (keyed by their function and a token's index): what they ask
    of the same word again and again."""

    def __init__(self, doc: Doc):
        self.spacy = doc
        self.memo = {}
        n = len(doc)
        strings = doc.vocab.strings
        texts, *names = (_names(row, strings) for row in doc.to_array(list(_STRINGS)).T.tolist())
        heads, idx, space, *flags = doc.to_array(list(_NUMBERS)).view(numpy.int64).T.tolist() if n else [[]] * 6
        whitespace = list(map(_WHITESPACE.__getitem__, space))
        # (Doc.text joins every token's text and space anew at each call: the same text, once)
        self.text = "".join(map(operator.add, texts, whitespace))
        self.words = words = list(map(ParsedToken, repeat(self, n), range(n), texts, *names, idx, whitespace,
                                      *(map(bool, f) for f in flags)))
        children: dict[int, list[ParsedToken]] = {}
        for word, head in zip(words, map(words.__getitem__, map(operator.add, range(n), heads))):
            word.head = head  # (HEAD is the offset to the head; a root is its own head)
            if head is not word:
                children.setdefault(head.i, []).append(word)
        for i, kids in children.items():
            words[i].children = tuple(kids)
        # sentences and entities as spaCy gives them (its hooks and checks included): a few per text
        self.sents_ = [ParsedSpan(self, s.start, s.end) for s in doc.sents] if n else []
        for sent in self.sents_:
            for word in words[sent.start:sent.end]:
                word.sent = sent
        self.ents = tuple(ParsedSpan(self, e.start, e.end, e.label_, e.ent_id_, e.kb_id_) for e in doc.ents)

    def release(self) -> None:
        """Unlink the tokens from each other and from the text, so that memory is freed as soon as the caller
        is done rather than at the next full garbage collection (tokens, heads and children refer to each other)."""
        for word in self.words:
            word.head = word.children = word.sent = word.doc = None  # type: ignore[assignment]
        self.words, self.sents_, self.ents = [], [], ()
        self.memo = {}

    @property
    def sents(self) -> Iterator[ParsedSpan]:
        return iter(self.sents_)

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.words)

    def __getitem__(self, i: int | slice) -> Any:
        if i.__class__ is slice:  # (spaCy's rule, as `_bounds`, written out: the rules slice texts very often)
            if i.step is not None and i.step != 1:  # type: ignore[union-attr]
                raise ValueError("slices of a parsed text take no step")
            start, stop, _ = i.indices(len(self.words))  # type: ignore[union-attr]
            return ParsedSpan(self, start, stop if stop > start else start)
        return self.words[i]  # type: ignore[index]

    def wrap(self, value: Any) -> Any:
        """A value read from the spaCy objects, with its Tokens and Spans as this text's own."""
        if isinstance(value, Token):
            return self.words[value.i]
        if isinstance(value, Span):
            return ParsedSpan(self, value.start, value.end, value.label_, value.ent_id_, value.kb_id_)
        if isinstance(value, (list, tuple)):
            return type(value)(self.wrap(v) for v in value)
        if isinstance(value, Iterator):
            return (self.wrap(v) for v in value)
        if callable(value):
            return lambda *args, **kwargs: self.wrap(value(*(self.unwrap(a) for a in args),
                                                           **{k: self.unwrap(v) for k, v in kwargs.items()}))
        return value

    def unwrap(self, value: Any) -> Any:
        """The spaCy object for one of this text's tokens or spans (for a call passed to spaCy)."""
        if isinstance(value, ParsedToken):
            return self.spacy[value.i]
        if isinstance(value, ParsedSpan):
            return self.spacy[value.start:value.end]
        return value

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _delegate(cls: type, spacy_class: type, read: Callable[[Any, str], Any]) -> None:
    """Give `cls` a read-only property for each attribute of spaCy's class that it does not mirror (dunders
    aside), answered by `read(self, name)`: from the spaCy object, its tokens and spans wrapped back.

    Properties, not a `__getattr__`: CPython does not specialise attribute reads on a class with a
    `__getattr__`, so every read of a mirrored attribute (`token.dep_`, `span.start`), millions a corpus,
    took the slow generic lookup.
    """
    for name in dir(spacy_class):
        if not name.startswith("__") and not hasattr(cls, name):
            setattr(cls, name, property(partial(read, name=name), doc=f"spaCy's {spacy_class.__name__}.{name}"))


def _token_attr(token: ParsedToken, name: str) -> Any:
    return token.doc.wrap(getattr(token.doc.spacy[token.i], name))


def _span_attr(span: ParsedSpan, name: str) -> Any:
    return span.doc.wrap(getattr(span.doc.spacy[span.start:span.end], name))


def _doc_attr(doc: ParsedDoc, name: str) -> Any:
    return doc.wrap(getattr(doc.spacy, name))


_delegate(ParsedToken, Token, _token_attr)
_delegate(ParsedSpan, Span, _span_attr)
_delegate(ParsedDoc, Doc, _doc_attr)


@contextmanager
def reading(doc: Doc) -> Iterator[ParsedDoc]:
    """The text as plain Python objects for the length of a `with` block, released at its end.

    Python's cycle collector is paused meanwhile: the tokens refer to each other, so every
    collection during the block would walk all of them (and, as they age, the whole heap: the
    model and the gazetteer) to find nothing, while `release` frees them at the end without it
    (0.17 s of the 100,000 words of real news, one full collection 0.13 s of it). The
    collector's state is restored, also when the block raises.
    """
    with _collector_paused():
        view = ParsedDoc(doc)
        try:
            yield view
        finally:
            view.release()


_PAUSE = threading.Lock()
_paused = [0, False]
"""How many blocks pause the collector now (threads of one worker may read texts at once), and whether
it ran before the first of them."""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off for a block, on again after the last of the blocks open at once (if it was on)."""
    with _PAUSE:
        if _paused[0] == 0:
            _paused[1] = gc.isenabled()
            gc.disable()
        _paused[0] += 1
    try:
        yield
    finally:
        with _PAUSE:
            _paused[0] -= 1
            if _paused[0] == 0 and _paused[1]:
                gc.enable()


def parsed(doc: Doc | ParsedDoc) -> ParsedDoc:
    """The text as plain Python objects: read once from spaCy (a ParsedDoc comes back as it is)."""
    return doc if isinstance(doc, ParsedDoc) else ParsedDoc(doc)
