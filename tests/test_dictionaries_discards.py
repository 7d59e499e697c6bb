"""kg.dictionaries.discards: PETRARCH-2's discard list as kg's story and sentence guards."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from kg.dictionaries import discards
from kg.lexicon import compile_discards, load_lexicon, story_alternatives
from kg.paths import ontology_dir
from tests.conftest import NEWS_SAMPLE

VENDOR = Path(__file__).resolve().parent.parent / "vendor"

SMALL = """\
# Story-level discards are indicated with a '+'.
1914
APRIL 1942
YEARS AGO
+CHAMPIONS LEAGUE   # mj 27 Jan 2006 ;MJ 27 JAN 2006
+GOALKEEPER
TROPICAL STORM
GROUP A_
TROPICAL STORM
"""


def test_story_phrases_are_kept_and_times_dropped():
    kept, dropped = discards.parse_discards(SMALL)
    assert kept == {"story": ["champions league", "goalkeeper"], "sentence": ["tropical storm", "group a"]}
    assert dropped == ["1914", "APRIL 1942", "YEARS AGO"]  # rule 2: years and spans of time tell events


def test_guards_match_whole_words_in_any_case(tmp_path, nlp):
    path = tmp_path / "d.yaml"
    path.write_text(discards.render(discards.parse_discards(SMALL)[0]), encoding="utf-8")
    guard = compile_discards(path)
    assert guard.story_discarded("Real Madrid won the Champions  League final.")
    assert not guard.story_discarded("The goalkeepers' union met.")  # whole words only
    assert guard.sentence_hits(nlp("Calm. A Tropical Storm hit the coast.")) == [8]
    assert guard.sentence_hits(nlp("Group Aid workers arrived.")) == []


def test_a_story_is_judged_by_its_headline_and_lead(tmp_path, nlp):
    path = tmp_path / "d.yaml"
    path.write_text(discards.render(discards.parse_discards(SMALL)[0]), encoding="utf-8")
    guard = compile_discards(path)
    body = "Ministers met in Geneva. " * 100  # 2,500 characters of politics
    assert guard.story_discarded("The goalkeeper was sent off. " + body)
    assert guard.story_discarded(body, title="Goalkeeper sent off")
    # deep in a long text the phrase keeps the dictionary off its own sentence only
    assert not guard.story_discarded(body + "The goalkeeper said so.")
    assert guard.sentence_hits(nlp(body + "The goalkeeper said so.")) == [len(body) + len("The ")]


def test_the_committed_table_is_what_the_command_generates(tmp_path):
    if not (VENDOR / discards.SOURCE).exists():
        pytest.skip(f"{VENDOR / discards.SOURCE} not found")
    discards.convert(VENDOR, tmp_path)
    assert (tmp_path / discards.TABLE).read_bytes() == (ontology_dir() / discards.TABLE).read_bytes()


def test_the_shipped_lexicon_carries_the_guards(nlp):
    guard = load_lexicon().discards
    assert guard.story_discarded("He scored a goal in the World Cup.")
    assert guard.sentence_hits(nlp("The typhoon hit Luzon.")) == [4]


def _plain(phrases: list[str]) -> re.Pattern[str]:
    """The story phrases as one plain alternation, in their order (what the grouped pattern must equal)."""
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def test_the_grouped_story_pattern_finds_what_the_plain_list_finds():
    phrases = sorted(yaml.safe_load((ontology_dir() / discards.TABLE).read_text(encoding="utf-8"))["story"],
                     key=len, reverse=True)
    grouped = load_lexicon().discards.story
    texts = [json.loads(line)["text"] for line in NEWS_SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [t.upper() for t in texts] + [" ".join(phrases), " ".join(p.upper() for p in phrases) + " ſuper bowl",
                                           "goalkeepers golfing  WORLD\tgolf championships goalkeeper-coach"]
    for text in texts:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in _plain(phrases).finditer(text)]
    assert grouped.pattern.count("|") < _plain(phrases).pattern.count("|") + 20  # (grouped: one test per first letter)


def test_phrases_whose_first_letters_differ_only_in_case_keep_their_order():
    # "Gold cup" and "golf" could both start at one "G": grouping them apart would let the later one win
    assert story_alternatives(["Gold cup", "golf"]) == r"Gold\s+cup|golf"
    assert story_alternatives(["gold cup", "golf", "world cup"]) == r"g(?:old\s+cup|olf)|w(?:orld\s+cup)"
