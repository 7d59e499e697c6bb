"""kg.lexicon: the compiled CAMEO verb dictionary matched against real parses.

A small dictionary written here is converted and compiled, so each reading rule (phrase,
noun phrase, prepositional phrase, slots, voice, negative rules, phrasal verbs, specificity)
is checked on sentences of our own; the shipped lexicon is checked for its size and codes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.actions import action_types
from kg.dictionaries import cameo
from kg.errors import RulesError
from kg.lexicon import compile_lexicon, load_lexicon

SMALL = """\
####### SYNONYM SETS #######

&FOOD
+FOOD
+GRAIN
+MEDICINE

####### VERB PATTERNS #######

---  SEND   [---]  ---
SEND
AIRLIFT
- * (TO)                                              [036]
- * &FOOD                                             [073]
- * {HEAVY WEAPONS}                                   [072]
- * (FOR {FINANCIAL AID})                             [0231]
- PILGRIMS *                                          [---]
- * (FROM $) (TO +)                                   [0311]

---  VISIT   [042:043]  ---
VISIT

---  ASK   [---]  ---
+ASK_FOR [020]
ASK [100]

---  SNUB   [111]  ---
SNUB
IGNORE [---]

---  SUPPLY   [---]  ---
SUPPLY
AIRLIFT
- * DRONES                                            [072]         # SUPPLY , AIRLIFT
- * GRAIN                                             [---]         # SUPPLY
"""

CODES = """\
02: REQUEST
03: AGREE
036: AGREE, , diplomatic
0311: AGREE, , economic
04: CONSULT
042: CONSULT, visit,
043: CONSULT, visit,
07: AID
072: AID, , military
073: AID, , humanitarian
10: REQUEST
100: REQUEST, ,
11: ACCUSE
111: ACCUSE, disapprove,
"""


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    vendor = tmp_path_factory.mktemp("vendor")
    (vendor / "petrarch2").mkdir()
    (vendor / "plover").mkdir()
    (vendor / cameo.SOURCE).write_text(SMALL, encoding="utf-8")
    (vendor / cameo.PLOVER_SOURCE).write_text(CODES, encoding="utf-8")
    out = tmp_path_factory.mktemp("ontology")
    cameo.convert(vendor, out)
    return compile_lexicon(out / cameo.VERBS_FILE, out / cameo.CODES_FILE, action_types())


def _match(nlp, lexicon, sentence: str, verb: str):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == verb)
    return lexicon.match(token)


@pytest.mark.parametrize(("sentence", "verb", "code"), [
    ("Brazil sent grain to Haiti.", "sent", "073"),  # a content word outweighs a bare preposition
    ("Brazil sent envoys to Haiti.", "sent", "036"),  # only the preposition matches
    ("Iran sent heavy weapons.", "sent", "072"),  # {HEAVY WEAPONS}: modifier and head in one phrase
    ("Iran sent weapons.", "sent", None),  # the head alone is not the phrase, and the block has no code
    ("Chad asked Libya for financial aid.", "asked", "020"),  # a phrasal verb: "ask for" wins over "ask"
    ("Chad asked Libya to leave.", "asked", "100"),
    ("Ghana snubbed Togo.", "snubbed", "111"),  # no pattern: the block's code
    ("Ghana ignored Togo.", "ignored", None),  # the verb's own null code overrides the block
    ("Pilgrims airlifted grain to Mecca.", "airlifted", "073"),  # the more specific pattern comes first
    # a verb listed in two blocks belongs to the first, and the patterns the other wrote for it apply to it too
    # (not those written for its other verbs: "* GRAIN" there is a negative rule for "supply" only)
    ("Iran airlifted drones.", "airlifted", "072"),
    ("Iran airlifted grain.", "airlifted", "073"),
    ("Pilgrims sent letters.", "sent", None),  # a negative rule: null code
    # the words after the verb are its phrase's: a fronted adjunct is not ("with grain" does not say what is sent)
    ("With grain prices rising, Brazil sent envoys.", "sent", None),
    ("Brazil sent envoys with grain.", "sent", "073"),
    # a passive's subject is the object those words name: "grain was sent" is "sent grain"
    ("Grain was sent by Brazil.", "sent", "073"),
])
def test_the_most_specific_pattern_gives_the_code(nlp, lexicon, sentence, verb, code):
    found = _match(nlp, lexicon, sentence, verb)
    assert (found.code if found else None) == code


def test_slots_name_the_source_and_target(nlp, lexicon):
    found = _match(nlp, lexicon, "Traders sent rice from Peru to Chile.", "sent")
    assert found.code == "0311"
    assert [t.text for t in found.sources] == ["Peru"] and [t.text for t in found.targets] == ["Chile"]


def test_an_active_passive_pair_codes_the_passive_with_surface_roles(nlp, lexicon):
    active = _match(nlp, lexicon, "Peru visited Chile.", "visited")
    passive = _match(nlp, lexicon, "Chile was visited by Peru.", "visited")
    assert (active.code, active.surface_roles) == ("042", False)
    assert (passive.code, passive.surface_roles) == ("043", True)


def test_a_match_carries_the_kg_action_of_its_code(nlp, lexicon):
    assert _match(nlp, lexicon, "Brazil sent grain to Haiti.", "sent").action == "Aid"
    assert _match(nlp, lexicon, "Iran sent heavy weapons.", "sent").action == "SupplyWeapons"


def test_without_the_bare_code_only_a_pattern_with_a_content_word_codes(nlp, lexicon):
    def coded(sentence: str, verb: str) -> str | None:
        token = next(t for t in nlp(sentence) if t.text == verb)
        found = lexicon.match(token, bare=False)
        return found.code if found else None

    assert coded("Ghana snubbed Togo.", "snubbed") is None  # the block's own code is not used
    assert coded("Brazil sent envoys to Haiti.", "sent") is None  # "* TO" names no content word
    assert coded("Brazil sent grain to Haiti.", "sent") == "073"  # "grain" says what is sent


def test_unknown_verbs_give_nothing(nlp, lexicon):
    assert _match(nlp, lexicon, "Peru praised Chile.", "praised") is None


def _write(tmp_path: Path, verbs: list[dict], codes: list[dict]) -> tuple[Path, Path]:
    v, c = tmp_path / "verbs.jsonl", tmp_path / "codes.jsonl"
    v.write_text("".join(json.dumps(r) + "\n" for r in verbs), encoding="utf-8")
    c.write_text("".join(json.dumps(r) + "\n" for r in codes), encoding="utf-8")
    return v, c


CODE_ROW = {"code": "111", "plover": "ACCUSE", "mode": None, "context": None, "action": "Accuse"}
BLOCK = {"block": "SNUB", "line": 1, "code": "111", "passive": None, "voiced": False}


@pytest.mark.parametrize(("verbs", "codes", "message"), [
    ([BLOCK, {"verb": ["snub"], "block": "SNUB", "code": "999", "passive": None, "voiced": False}], [CODE_ROW],
     "code 999 is not in codes.jsonl"),
    ([BLOCK, {"pattern": {"before": [], "after": [{"syn": "NOPE"}]}, "block": "SNUB", "code": "111", "passive": None,
              "voiced": False}], [CODE_ROW], "undefined synonym set 'NOPE'"),
    ([BLOCK], [CODE_ROW | {"action": "Hug"}], "action 'Hug' is not one of"),
    ([BLOCK, {"verb": [], "block": "SNUB", "code": None, "passive": None, "voiced": False}], [CODE_ROW],
     "a verb is a non-empty list of words"),
    ([{"verb": ["snub"], "block": "SNUB", "code": None, "passive": None, "voiced": False}], [CODE_ROW],
     "outside that block"),
    ([BLOCK | {"code": "1a"}], [CODE_ROW], "a CAMEO code is a string of 2 to 4 digits"),
    ([BLOCK, {"verb": ["snub"], "block": "SNUB", "code": None, "passive": None, "voiced": False, "also": [999]}],
     [CODE_ROW], "'also' names no pattern at line 999"),
    ([BLOCK, {"verb": ["snub"], "block": "SNUB", "code": None, "passive": None, "voiced": False, "also": ["ASK"]}],
     [CODE_ROW], "'also' is a list of pattern line numbers"),
])
def test_malformed_tables_are_refused_with_file_and_line(tmp_path, verbs, codes, message):
    v, c = _write(tmp_path, verbs, codes)
    with pytest.raises(RulesError, match=message):
        compile_lexicon(v, c, action_types())


def test_a_line_that_is_not_json_names_its_line(tmp_path):
    v, c = _write(tmp_path, [BLOCK], [CODE_ROW])
    v.write_text(v.read_text() + "{oops\n", encoding="utf-8")
    with pytest.raises(RulesError, match="verbs.jsonl: line 2: not JSON"):
        compile_lexicon(v, c, action_types())


def test_the_shipped_lexicon_is_complete():
    lex = load_lexicon()
    assert len(lex.blocks) > 390 and sum(len(b.patterns) for b in lex.blocks.values()) > 4500
    assert len(lex.verbs) > 1500  # lemmas (phrasal verbs under their verb word)
    assert lex.codes["190"].action == "Assault" and lex.codes["0233"].action == "Request"
    assert lex.codes["014"].action is None  # CAMEO 01: statements, no event
    assert len(lex.version) == 12
