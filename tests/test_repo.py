"""The repository stands on its own: the third-party data it holds is credited, and its copies match their sources."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EVAL, NEWS_DEV, NEWS_SAMPLE, REPO, SHARED, news_sample_lines, require


@pytest.mark.parametrize("name", ["plover-dev.jsonl", "news-dev.jsonl"])
def test_the_gold_sets_are_byte_identical_to_the_shared_ones(name: str) -> None:
    source = require(SHARED / "eval" / name, f"the shared copy of {name}")
    assert (EVAL / name).read_bytes() == source.read_bytes()


def test_the_news_sample_is_lines_of_the_shared_corpus_unchanged() -> None:
    corpus = require(SHARED / "corpora" / "wikinews-2019-2020.jsonl", "the Wikinews corpus")
    lines = set(corpus.read_text(encoding="utf-8").splitlines())
    assert all(line in lines for line in news_sample_lines())


def test_every_sample_article_keeps_its_credit_and_is_credited_in_the_readme() -> None:
    readme = " ".join((NEWS_SAMPLE.parent / "README.md").read_text(encoding="utf-8").split())  # lines rewrapped
    records = [json.loads(line) for line in news_sample_lines()]
    assert len(records) == 5
    for record in records:
        assert record["licence"] == "CC BY 2.5" and record["source"] == "Wikinews"
        assert record["url"] in readme and record["title"] in readme


def test_every_news_dev_sentence_names_its_article_and_licence() -> None:
    records = [json.loads(line) for line in NEWS_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) == 100
    assert all(r["url"].startswith("https://en.wikinews.org/") and r["title"] and "CC BY 2.5" in r["licence"]
               for r in records)


def test_the_gold_sets_readme_gives_their_licences() -> None:
    readme = (EVAL / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in readme and "Open Event Data Alliance" in readme
    assert "CC BY 2.5" in readme and "Wikinews contributors" in readme
    assert not list(REPO.rglob("seeds-gold.json"))  # the seed gold stays outside, with the seed articles
