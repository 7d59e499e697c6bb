"""kg.dictionaries.discards: PETRARCH-2's discard list as kg's story and sentence guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.dictionaries import discards
from kg.lexicon import compile_discards, load_lexicon
from kg.paths import ontology_dir

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
