"""kg.parsed: the plain-Python view of a parsed text answers every read the rules make as spaCy does."""

from __future__ import annotations

import gc
import json
import random

import pytest
from spacy.tokens import Doc

from kg.parsed import ParsedDoc, ParsedSpan, ParsedToken, parsed, reading, token_texts
from tests.conftest import NEWS_SAMPLE, REPO

TOKEN_ATTRIBUTES = ("text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "idx", "whitespace_", "like_num",
                    "is_space", "is_punct")


def _ids(tokens) -> list[int]:
    return [t.i for t in tokens]


@pytest.fixture(scope="module")
def real_docs(nlp) -> list[Doc]:
    """The real-news sample and the example articles, parsed: varied sentences, names, numbers, headlines."""
    texts = [json.loads(line)["text"] for path in (NEWS_SAMPLE, REPO / "examples" / "articles.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(nlp.pipe(texts))


def _same_span(a, b) -> None:
    assert (b.start, b.end, b.text, b.start_char, b.end_char, len(b)) == (a.start, a.end, a.text, a.start_char, a.end_char, len(a))
    if len(a):
        assert b.root.i == a.root.i, a.text
        assert (b.sent.start, b.sent.end) == (a.sent.start, a.sent.end)
        assert _ids(b) == _ids(a) and _ids(reversed(b)) == _ids(reversed(a))
        assert (b[0].i, b[-1].i) == (a[0].i, a[-1].i)
        assert (b[1:].text, b[:-1].text) == (a[1:].text, a[:-1].text)


def test_every_token_reads_as_in_spacy(real_docs):
    for doc in real_docs:
        view = parsed(doc)
        assert view.text == doc.text and len(view) == len(doc)
        for token in doc:
            word = view[token.i]
            assert [getattr(word, a) for a in TOKEN_ATTRIBUTES] == [getattr(token, a) for a in TOKEN_ATTRIBUTES]
            assert word.head.i == token.head.i and word.doc is view
            assert _ids(word.children) == _ids(token.children)
            assert (_ids(word.lefts), _ids(word.rights)) == (_ids(token.lefts), _ids(token.rights))
            assert _ids(word.subtree) == _ids(token.subtree)
            assert _ids(word.conjuncts) == _ids(token.conjuncts)
            assert (word.left_edge.i, word.right_edge.i) == (token.left_edge.i, token.right_edge.i)
            assert (word.sent.start, word.sent.end) == (token.sent.start, token.sent.end)


def test_sentences_entities_and_slices_read_as_in_spacy(real_docs):
    rng = random.Random(7)
    for doc in real_docs:
        view = parsed(doc)
        assert [(s.start, s.end) for s in view.sents] == [(s.start, s.end) for s in doc.sents]
        assert [(e.start, e.end, e.label_, e.ent_id_) for e in view.ents] == [
            (e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]
        for a, b in zip([*doc.sents, *doc.ents], [*view.sents, *view.ents]):
            _same_span(a, b)
        for _ in range(100):  # any stretch: Span.root has to pick among several heads outside it
            start = rng.randrange(len(doc))
            end = start + rng.randrange(12)
            _same_span(doc[start:end], view[start:end])


def test_a_non_projective_tree_and_punctuation_roots(nlp):
    # hand-made heads: "was" governs "A hearing" across "is scheduled" (a crossing arc), and a lone
    # punctuation mark outside every subtree is not taken as a span's root
    words = ["A", "hearing", "is", "scheduled", "on", "the", "issue", "today", ".", "It", "was", "."]
    heads = [1, 3, 3, 3, 1, 6, 4, 3, 3, 10, 10, 10]
    deps = ["det", "nsubj", "aux", "ROOT", "prep", "det", "pobj", "npadvmod", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    view = parsed(doc)
    for token in doc:
        assert _ids(view[token.i].subtree) == _ids(token.subtree)
        assert _ids(view[token.i].children) == _ids(token.children)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert view[start:end].root.i == doc[start:end].root.i, (start, end)


def test_one_object_per_token_so_identity_is_spacys_equality(nlp):
    view = parsed(nlp("Russia and China signed a treaty with Iran."))
    signed = view[3]
    assert view[3] is signed and signed in view[0].head.subtree
    assert [t.text for t in view[0].conjuncts] == ["China"]
    assert view[0:2] == view[0:2] and view[0:2] != view[0:3]
    assert parsed(view) is view


def test_what_is_not_mirrored_is_read_from_spacy_with_tokens_wrapped(nlp):
    view = parsed(nlp("Iran criticised the U.S. embassy."))
    assert view[0].is_alpha and not view[3].is_alpha  # read through spaCy
    assert view[0].nbor() is view[1]  # a spaCy Token comes back as the view's own token
    assert [t.i for t in view[4].ancestors] == [t.i for t in view.spacy[4].ancestors]
    assert isinstance(view[0:2].sent, ParsedSpan) and isinstance(view[1], ParsedToken)


def test_an_empty_text_and_release(nlp):
    empty = ParsedDoc(nlp(""))
    assert (len(empty), empty.text, list(empty.sents), empty.ents) == (0, "", [], ())
    view = parsed(nlp("Seoul protested."))
    view.release()
    assert len(view) == 0


def test_token_texts_are_the_tokens_texts(real_docs, nlp):
    for doc in [*real_docs, nlp(""), nlp("\n\n  x")]:
        assert token_texts(doc) == [t.text for t in doc]


def test_reading_gives_the_view_for_a_block_then_frees_it_and_restores_the_collector(nlp):
    doc = nlp("Seoul protested.")
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            with reading(doc) as view:
                assert view[0].text == "Seoul" and not gc.isenabled()
            assert len(view) == 0 and gc.isenabled() == enabled
            with pytest.raises(ValueError), reading(doc):
                raise ValueError
            assert gc.isenabled() == enabled
        finally:
            gc.enable()


def test_readers_open_at_once_restore_the_collector_after_the_last(nlp):
    """Threads of a Dask worker may read two texts at once: the first to end must not restart the collector,
    and the last must (a reader saving the state the first left would leave it off for good)."""
    doc = nlp("Seoul protested.")
    gc.enable()
    with reading(doc):
        with reading(doc):
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
