"""Extraction quality on the development gold sets, scored by `kg eval`'s own code.

The targets of the extraction-quality issues are asserted as written there (issue 3 for the
seeds, issue 11 for PLOVER dev and news-dev), so a rule change that costs accuracy fails the
build. The held-out sets that check the rules generalise are scored outside the project.
"""

from __future__ import annotations

import pytest

from kg.evaluate import evaluate
from tests.conftest import NEWS_DEV, PLOVER_DEV, SEEDS_GOLD, require

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds():
    return evaluate(require(SEEDS_GOLD, "the seed gold set"))


@pytest.fixture(scope="module")
def plover():
    return evaluate(PLOVER_DEV)


@pytest.fixture(scope="module")
def news():
    return evaluate(NEWS_DEV)


def test_seed_events_meet_the_targets(seeds):
    assert seeds.counts.precision >= 0.85, seeds.counts
    assert seeds.counts.f1 >= 0.90, seeds.counts


def test_seed_modality_is_right_on_nine_matched_events_in_ten(seeds):
    assert seeds.modality.value >= 0.90, seeds.modality.wrong


def test_every_seed_gold_date_is_right(seeds):
    assert seeds.date.correct == seeds.date.total, seeds.date.wrong


def test_every_found_alias_resolves_and_nothing_is_merged(seeds):
    entities = seeds.entities
    assert entities.correct == entities.found, entities.errors
    assert not entities.merged and not entities.not_same_merged


def test_seed_date_expressions_normalise(seeds):
    assert seeds.dates.correct == seeds.dates.total, seeds.dates.wrong


def test_plover_meets_the_coverage_targets(plover):
    c = plover.counts
    assert c.recall >= 0.65 and c.precision >= 0.75 and c.f1 >= 0.70, c


def test_news_dev_meets_the_coverage_target(news):
    """Real news, mostly domestic politics: F1 at least 40% at precision at least 60% (alt and optional read)."""
    c = news.counts
    assert c.f1 >= 0.40 and c.precision >= 0.60, c
