"""kg.dictionaries.cameo: the CAMEO verb dictionary and the CAMEO-to-PLOVER table converted into kg's tables.

Each upstream syntax has a test on a small dictionary written here; one test regenerates the
real tables from vendor/ and compares them byte for byte with the committed ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.dictionaries import cameo
from kg.dictionaries.__main__ import main
from kg.errors import RulesError
from kg.paths import ontology_dir

REPO = Path(__file__).resolve().parent.parent
VENDOR = REPO / "vendor"

SMALL = """\
# header comment
####### SYNONYM SETS #######

&WEAPON
+WEAPON
+RIFLE
+TANK_

&AUXVERB3_
+HAVE
+HAS

####### VERB PATTERNS #######

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]
ASK     [020]
QUERY {QUERYING QUERIES QUERIED }
- * (FOR {FINANCIAL AID})                             [0231]        # ASK
- * &WEAPON                                           [0232]        # REQUEST
- PILGRIMS *                                          [---]         # ASK

---  VISIT   [042:043]  ---
VISIT
- $ TROOP * TOWARD +                                  [154]         # MOVE
- * FROM $ TO +                                       [0311]        # TRADE

---  OFFEND   [:110]  ---
OFFEND
ASK   # listed twice: its own block ASK keeps it
- * (TO/FOR PROTEST)                                  [141]         # GATHER
- * APOLOGY                                           [110]         # ASK , OFFEND
- * DOWN (FROM)                                       [080!]        # BACK
- * &UNDEFINED                                        [110]

######## TRANSFORMATIONS ##########

~ a (a b ATTACK) SAY = a b 015
"""

TABLE = """\
02: REQUEST
04: CONSULT
042: CONSULT, visit,   # Make a visit
043: CONSULT, visit,   # Host a visit
08: CONCEDE
080: CONCEDE,   ,  # Yield
08: RETREAT
11: ACCUSE
110: ACCUSE, disapprove,    # Disapprove
14: PROTEST
141: PROTEST, demo,               # Demonstrate or rally
15: MOBILIZE
154: MOBILIZE, troops, military # Mobilize or increase armed forces
03: AGREE
0311: AGREE,  ,   economic # Express intent to cooperate economically
16: SANCTION
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
05: SUPPORT
057: SUPPORT,  , diplomatic # Sign formal agreement
"""


@pytest.fixture(scope="module")
def small() -> cameo.Conversion:
    return cameo.parse_dictionary(SMALL)


def _block(conv: cameo.Conversion, name: str) -> dict:
    return next(b for b in conv.blocks if b["name"] == name)


def test_synonym_sets_keep_phrases_and_drop_the_no_plural_marks(small):
    assert small.synsets["WEAPON"] == [["weapon"], ["rifle"], ["tank"]]
    assert small.synsets["AUXVERB3"] == [["have"], ["has"]]


def test_phrasal_verbs_are_word_sequences_with_their_own_code(small):
    verbs = {tuple(v["words"]): v for v in _block(small, "ASK")["verbs"]}
    assert verbs[("ask", "for")]["code"] == "020"
    assert verbs[("query",)]["code"] is None  # no own code: the block's applies
    assert _block(small, "ASK")["code"] == "---"


def test_patterns_parse_prepositional_and_noun_phrases_and_synsets(small):
    patterns = {p["line"]: p for p in _block(small, "ASK")["patterns"]}
    assert patterns[19]["after"] == [{"pp": ["for"], "in": [{"np": [{"any": [["financial"]]}, {"any": [["aid"]]}]}]}]
    assert patterns[20]["after"] == [{"syn": "WEAPON"}] and patterns[20]["code"] == "0232"


def test_a_null_coded_pattern_is_kept_as_a_negative_rule(small):
    pilgrims = next(p for p in _block(small, "ASK")["patterns"] if p["before"])
    assert pilgrims["before"] == [{"any": [["pilgrims"]]}] and pilgrims["code"] == "---"


def test_source_and_target_slots_and_the_linear_style_read_as_phrases(small):
    troop, trade = _block(small, "VISIT")["patterns"]
    assert troop["before"] == ["$", {"any": [["troop"]]}]
    assert troop["after"] == [{"pp": ["toward"], "in": ["+"]}]
    # rule 7: "FROM $ TO +" is "(FROM $) (TO +)"
    assert trade["after"] == [{"pp": ["from"], "in": ["$"]}, {"pp": ["to"], "in": ["+"]}]


def test_an_active_passive_pair_and_a_passive_only_code(small):
    visit = _block(small, "VISIT")
    assert (visit["code"], visit["passive"], visit["voiced"]) == ("042", "043", True)
    offend = _block(small, "OFFEND")
    assert (offend["code"], offend["passive"], offend["voiced"]) == (None, "110", True)


def test_alternatives_with_a_slash(small):
    gather = _block(small, "OFFEND")["patterns"][0]
    assert gather["after"] == [{"pp": ["to", "for"], "in": [{"any": [["protest"]]}]}]


def test_upstream_problems_are_dropped_by_written_rules(small):
    dropped = small.dropped
    assert any("DOWN (FROM)" in d for d in dropped["malformed code or pattern"])  # [080!]
    assert any("&UNDEFINED" in d for d in dropped["undefined synonym set"])
    assert len(dropped["transformation (not converted)"]) == 1
    # rule 1: a verb in two blocks stays in the block named after it
    assert [v["words"] for v in _block(small, "OFFEND")["verbs"]] == [["offend"]]
    several = dropped["verb listed in several blocks (kept in the block named after it, else the first, "
                      "with the other blocks' patterns written for it)"]
    assert any("ask in OFFEND, kept in ASK" in d for d in several)
    # ... and the patterns its other block wrote for it (their comment names it) apply to it too, no others
    also = next(v for v in _block(small, "ASK")["verbs"] if v["words"] == ["ask"])["also"]
    assert [p["after"] for p in _block(small, "OFFEND")["patterns"] if p["line"] in also] == [[{"any": [["apology"]]}]]


def test_intent_to_meet_on_a_verb_that_performs_the_meeting_takes_the_meeting_s_code():
    # rule 7: "met with leaders" tells a meeting held; "plans to meet" is read from the clause, not the pattern
    conv = cameo.parse_dictionary("""\
####### VERB PATTERNS #######

---  MEET_PEOPLE   [040]  ---
MEET {MEETS MET MEETING}
- * (WITH LEADERS)                                    [036:036]     # MEET
- * PAYMENT                                           [061]         # MEET

---  START   [---]  ---
START
- * TRIP                                              [036]         # START
- * TRIP                                              [042:043]     # START
""")
    meet, start = _block(conv, "MEET_PEOPLE")["patterns"], _block(conv, "START")["patterns"]
    assert [(p["code"], p["passive"]) for p in meet] == [("040", "040"), ("061", None)]
    assert [(p["code"], p["passive"]) for p in start] == [("042", None), ("042", "043")]
    recoded = conv.dropped["intent to meet (036) on a verb that performs the meeting: recoded"]
    assert len(recoded) == 2 and "-> 040" in recoded[0]


def test_signing_a_law_or_a_decree_is_left_to_what_the_instrument_does():
    # rule 8: "signed a decree dissolving parliament" demanded nothing of parliament; a treaty signed stays 057
    conv = cameo.parse_dictionary("""\
####### VERB PATTERNS #######

---  SIGN   [---]  ---
SIGN
- * LAW                                               [057]         # SIGN
- * DECREE                                            [100]         # SIGN
- * PROTOCOL                                          [057:057]     # SIGN
""")
    assert [p["after"] for p in _block(conv, "SIGN")["patterns"]] == [[{"any": [["protocol"]]}]]
    assert len(conv.dropped["signing a law or a decree enacts it: coded by what it does"]) == 2


def test_appointing_a_minister_is_no_cooperation_an_envoy_stays():
    conv = cameo.parse_dictionary("""\
####### VERB PATTERNS #######

---  NAME   [---]  ---
APPOINT
- * ENVOY                                             [050]         # APPOINT
- * (AS MINISTER)                                     [060]         # APPOINT
- * MINISTER                                          [060]         # APPOINT
""")
    assert [p["code"] for p in _block(conv, "NAME")["patterns"]] == ["050"]
    assert len(conv.dropped["appointing a minister fills one's own office: no cooperation"]) == 2


def test_codes_map_through_plover_to_kg_actions_with_the_vocabulary_exceptions():
    table = cameo.parse_plover_table(TABLE)
    assert cameo.code_row("043", table) == {"plover": "CONSULT", "mode": "visit", "context": None, "action": "Consult"}
    assert cameo.code_row("0231", table)["action"] == "Request"  # CAMEO 02 has no row: appeals are requests
    assert cameo.code_row("014", table) is None  # CAMEO 01, public statements: no event
    assert cameo.code_row("163", table)["action"] == "Sanction"  # the vocabulary keeps sanctions under SANCTION
    assert cameo.code_row("057", table)["action"] == "SignAgreement"
    assert cameo.code_row("0801", table)["action"] == "Concede"  # unknown code: its parent's row
    assert cameo.code_row("08", table) is None  # root 08 is both CONCEDE and RETREAT: never guessed


def test_the_committed_tables_are_what_the_command_generates(tmp_path):
    if not (VENDOR / cameo.SOURCE).exists():
        pytest.skip(f"{VENDOR / cameo.SOURCE} not found")
    assert main(["--vendor", str(VENDOR), "--out", str(tmp_path)]) == 0
    for name in (cameo.VERBS_FILE, cameo.CODES_FILE, cameo.DROPPED_FILE):
        assert (tmp_path / name).read_bytes() == (ontology_dir() / name).read_bytes(), name


def test_generated_tables_carry_their_provenance_and_licence():
    head = (ontology_dir() / cameo.VERBS_FILE).read_text(encoding="utf-8").split("\n{", 1)[0]
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in head
    assert "MIT" in head and "CC BY-SA 4.0" in head


def test_a_missing_vendored_file_is_one_clear_error(tmp_path, capsys):
    with pytest.raises(RulesError, match="cannot read the vendored dictionary"):
        cameo.convert(tmp_path, tmp_path)


def test_what_the_rules_leave_out_is_listed_with_its_reason():
    rows = [r for r in (ontology_dir() / cameo.DROPPED_FILE).read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    assert rows[0] == "reason\tentry"
    assert any(r.startswith("transformation (not converted)\t") for r in rows)


def test_a_malformed_block_header_names_the_line():
    with pytest.raises(RulesError, match="line 2: malformed verb block header"):
        cameo.parse_dictionary("####### VERB PATTERNS #######\n---  NOCODE  ---\n")
