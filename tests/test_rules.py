"""The rule table loads, and malformed tables fail with the file and entry named."""

import copy

import pytest
import yaml

from kg.agents import read_sectors
from kg.errors import RulesError
from kg.paths import ontology_dir
from kg.rules import load_rules, parse_rules


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load((ontology_dir() / "rules.yaml").read_text(encoding="utf-8"))


def test_shipped_rules_load() -> None:
    rules = load_rules()
    assert rules.verbs["arm"].senses[0].action == "SupplyWeapons"
    assert rules.verbs["arm"].object == "target"
    assert [s.action for s in rules.verbs["send"].senses][:2] == ["SupplyWeapons", "DeployTroops"]
    assert rules.theme_class("troop") == "troops"
    assert rules.theme_class("lethal aid") == "weapons"
    assert [s.giver for s in rules.verbs["receive"].senses][:2] == ["from", "from"]
    assert "convict" in rules.convictions and "accuse" not in rules.convictions
    assert "weigh" in rules.modality.considered_verbs
    assert rules.nouns["murder"].possessor == "target" and rules.nouns["invasion"].possessor == "actor"
    assert "allow" in rules.raising_verbs and "expect" not in rules.raising_verbs
    assert len(rules.version) == 12
    assert rules.refused_actions == {"Agree", "Support", "SignAgreement", "Concede"}
    assert rules.nouns["no-confidence"].aimed == {"in"} and not rules.nouns["invasion"].aimed
    assert "motion" in rules.motion_nouns
    assert "pay" in rules.fates and "warn" in rules.foretelling_verbs
    assert rules.verbs["tolerate"].denied == "Threaten" and rules.verbs["attack"].denied is None
    assert "unconstitutional" in rules.unlawful_words and "rule" in rules.ruling_verbs
    assert "flagged" in rules.owning_participles and "backed" not in rules.owning_participles
    assert "commit" in rules.committing_verbs and "war crime" in rules.charged_nouns


def _broken(raw: dict, mutate) -> dict:
    data = copy.deepcopy(raw)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["verbs"][0]["senses"][0].update(action="Supply"), "verbs entry 1 (supply): action 'Supply' is not one of"),
        (lambda d: d["verbs"][0]["senses"][0].update(theme="guns"), "theme 'guns' is not a noun class"),
        (lambda d: d["verbs"][0]["senses"][0].update(giver=["from"]), "giver ['from'] must be a preposition"),
        (lambda d: d["unknown_attackers"].pop("means"), "unknown_attackers: expected exactly 'sector', 'verbs', 'means'"),
        (lambda d: d["unknown_attackers"].update(sector="U A F"), "unknown_attackers.sector must be a sector code"),
        (lambda d: d["phone_calls"].pop("means"), "phone_calls: expected exactly 'verbs', 'means'"),
        (lambda d: d["former_holders"].pop("sectors"), "former_holders: expected exactly 'words', 'sectors'"),
        (lambda d: d["generic_acts"].update(reactions=["Accusation"]), "generic_acts.reactions: Accusation not an action"),
        (lambda d: d["generic_acts"].update(reactions="Accuse"), "generic_acts.reactions: expected a list of actions"),
        (lambda d: d["former_holders"].update(sectors=["government"]), "former_holders.sectors must be a list of sector"),
        (lambda d: d["ultimatums"].update(code="threat"), "ultimatums.code: expected a CAMEO code of 2-4 digits"),
        (lambda d: d["streets"].pop("nouns"), "streets: expected exactly 'verbs', 'nouns'"),
        (lambda d: d["companions"].pop("adverbs"), "companions: expected exactly 'nouns', 'adverbs', 'preps', 'sympathies'"),
        (lambda d: d["verbs"][0]["senses"][0].update(by="from"), "a sense is a mapping of action, theme and giver"),
        (lambda d: d["verbs"].append({"lemma": "arm", "action": "Aid"}), "lemma 'arm' is already a trigger"),
        (lambda d: d["verbs"].append({"lemma": "x", "action": "Aid", "senses": []}), "give exactly one of 'action' or 'senses'"),
        (lambda d: d["verbs"].append({"lemma": "x", "action": "Aid", "object": "patient"}), "object 'patient' is not one of"),
        (lambda d: d["verbs"].append({"lemma": "x", "action": "Aid", "colour": 1}), "unknown field(s) colour"),
        (lambda d: d["nouns"].append({"lemma": "x", "action": "Aid", "possessor": "victim"}), "possessor 'victim' is not one of"),
        (lambda d: d["verbs"].append({"lemma": "x", "action": "Aid", "state_action": "Expel"}), "state_action 'Expel' is not one of"),
        (lambda d: d["verbs"].append({"lemma": "x", "action": "Aid", "person_action": "Greet"}), "person_action 'Greet' is not one of"),
        (lambda d: d["nouns"].append({"lemma": "x", "action": "Accuse", "venues": [None]}), "(x): venues"),
        (lambda d: d.pop("modality"), "missing section(s) modality"),
        (lambda d: d.update(pattern_only_verb=["give"]), "unknown section(s) pattern_only_verb"),
        (lambda d: d.update(pattern_only_verbs=["give", 3]), "pattern_only_verbs"),
        (lambda d: d.update(state_acts={"arrest": "police"}), "state_acts: expected a mapping of verb lemma to a sector code"),
        (lambda d: d.update(verdicts={"guilty": "frown"}), "verdicts: frown not a trigger verb"),
        (lambda d: d.update(dismissal_verbs="fire sack".split() + [None]), "dismissal_verbs"),
        (lambda d: d.update(transitive_verbs="arrest jail".split() + [None]), "transitive_verbs"),
        (lambda d: d.update(border_nouns=[]), "border_nouns"),
        (lambda d: d.update(staff_nouns=[None]), "staff_nouns"),
        (lambda d: d.update(allied_actions=["Assault", "Fight"]), "allied_actions"),
        (lambda d: d.update(told_as={"Assault": "strikes"}), "told_as: strikes not a noun class"),
        (lambda d: d.update(told_as={"Attack": "attacks"}), "told_as"),
        (lambda d: d.update(untargeted={"DeployTroops": "Muster"}), "untargeted: expected a mapping of action type"),
        (lambda d: d.update(act_comments=["Accuse", "Blame"]), "act_comments"),
        (lambda d: d.update(camp_nouns=[]), "camp_nouns: expected a word or a non-empty list"),
        (lambda d: d.pop("person_roles"), "missing section(s) person_roles"),
        (lambda d: d.update(instrument_nouns=["decree", 7]), "instrument_nouns"),
        (lambda d: d.pop("raising_verbs"), "missing section(s) raising_verbs"),
        (lambda d: d.update(counterpart_nouns=[]), "counterpart_nouns"),
        (lambda d: d.pop("platform_nouns"), "missing section(s) platform_nouns"),
        (lambda d: d.pop("joining_nouns"), "missing section(s) joining_nouns"),
        (lambda d: d.update(holding_nouns=[]), "holding_nouns"),
        (lambda d: d.pop("premises_nouns"), "missing section(s) premises_nouns"),
        (lambda d: d.update(comment_verbs=["condemn", 3]), "comment_verbs"),
        (lambda d: d.pop("comment_verbs"), "missing section(s) comment_verbs"),
        (lambda d: d.update(bloc_words=["western", None]), "bloc_words"),
        (lambda d: d.pop("sole_organs"), "missing section(s) sole_organs"),
        (lambda d: d["gendered_words"]["feminine"].append("king"), "'king' is both masculine and feminine"),
        (lambda d: d["gendered_words"].pop("masculine"), "gendered_words: expected exactly"),
        (lambda d: d.pop("aspectual_verbs"), "missing section(s) aspectual_verbs"),
        (lambda d: d["accusations"].pop("harms"), "accusations: expected exactly"),
        (lambda d: d.update(raising_verbs={"allow": 1}), "raising_verbs"),
        (lambda d: d.update(lemma_fixes={"staged": "Stage"}), "lemma_fixes: expected a mapping of a lower-case verb form"),
        (lambda d: d.update(lemma_fixes=["staged"]), "lemma_fixes: expected a mapping"),
        (lambda d: d.update(unarmed={"types": ["company"]}), "unarmed: expected exactly 'types', 'actions'"),
        (lambda d: d.update(unarmed={"types": ["bank"], "actions": ["Assault"]}), "unarmed.types: bank not a gazetteer type"),
        (lambda d: d.update(unarmed={"types": ["media"], "actions": ["Shoot"]}), "unarmed.actions"),
        (lambda d: d.update(asking_preps={"holler": ["for"]}), "asking_preps: holler not a trigger verb"),
        (lambda d: d.update(asking_preps={"call": []}), "asking_preps.call"),
        (lambda d: d.update(placing_preps={"pin": ["on"]}), "placing_preps: pin not a trigger verb"),
        (lambda d: d.update(bond_classes=["relations", "friendship"]), "bond_classes: friendship not a noun class"),
        (lambda d: d.update(place_nouns=[]), "place_nouns"),
        (lambda d: d.update(water_nouns=[]), "water_nouns"),
        (lambda d: d.update(visiting_verbs=[""]), "visiting_verbs"),
        (lambda d: d.update(visit_codes=[42]), "visit_codes: expected a list of CAMEO codes"),
        (lambda d: d.update(foretelling_verbs=None), "foretelling_verbs"),
        (lambda d: d.update(opinion_verbs=[]), "opinion_verbs"),
        (lambda d: d["attribution"].update(mental_verbs=[]), "attribution.mental_verbs"),
        (lambda d: d["attribution"].pop("charging_verbs"), "attribution.charging_verbs"),
        (lambda d: d.update(referring_nouns={"Location": ["town"]}), "referring_nouns: kind 'Location' is not one of"),
        (lambda d: d.update(referring_nouns=["country"]), "referring_nouns: expected a mapping of entity kinds"),
        (lambda d: d.update(referring_nouns={"Country": []}), "referring_nouns.Country"),
        (lambda d: d.update(rally_nouns=[""]), "rally_nouns"),
        (lambda d: d.update(undergoing_verbs=7), "undergoing_verbs"),
        (lambda d: d.update(performed_nouns={}), "performed_nouns"),
        (lambda d: d.update(instrument_actions={"sanctions": "Smite"}), "instrument_actions"),
        (lambda d: d.update(instrument_actions={"reprimands": "Sanction"}), "instrument_actions: reprimands not a noun class"),
        (lambda d: d.update(type_classes={"party": "clubs"}), "type_classes: 'clubs' is not a noun class"),
        (lambda d: d.update(acted_on_classes=["bodies", "clubs"]), "acted_on_classes: clubs not a noun class"),
        (lambda d: d.update(modifier_classes=["strikers"]), "modifier_classes: strikers not a noun class"),
        (lambda d: d.update(type_classes=["party"]), "type_classes: expected a mapping of entity type to noun class"),
        (lambda d: d.update(actor_object_verbs=[]), "actor_object_verbs: expected a word or a non-empty list"),
        (lambda d: d["nouns"].append({"lemma": "x", "senses": [{"action": None}]}), "action None is not one of"),
        (lambda d: d.update(public_sectors=[]), "public_sectors: expected a word or a non-empty list"),
        (lambda d: d.update(refused_actions=["Agree", "Consent"]), "refused_actions"),
        (lambda d: d["nouns"].append({"lemma": "x", "action": "Accuse", "aimed": [""]}), "(x): aimed"),
        (lambda d: d["verbs"].append({"lemma": "x", "action": "Concede", "denied": "Smite"}), "(x): denied 'Smite'"),
        (lambda d: d.update(rulings={"verbs": ["rule"]}), "rulings"),
        (lambda d: d.update(assemblies={"verbs": ["gather"]}), "assemblies: expected exactly 'verbs', 'subjects'"),
        (lambda d: d.update(assemblies={"verbs": ["gather"], "subjects": []}), "assemblies.subjects"),
        (lambda d: d["modality"].pop("negations"), "modality needs exactly"),
        (lambda d: d["modality"].update(negations=["not", False]), "modality.negations"),
        (lambda d: d.update(appeal_nouns={"call": "plead"}), "appeal_nouns: plead not a noun trigger"),
        (lambda d: d.update(appeal_nouns=["call"]), "appeal_nouns: expected a mapping of noun to noun trigger"),
        (lambda d: d.update(implicative_verbs=[]), "implicative_verbs"),
        (lambda d: d["modality"].update(negated_adjectives=[7]), "modality.negated_adjectives"),
    ],
)
def test_malformed_rules_name_the_entry(raw: dict, mutate, message: str) -> None:
    with pytest.raises(RulesError, match=None) as info:
        parse_rules(_broken(raw, mutate), "rules.yaml")
    assert message in str(info.value)
    assert str(info.value).startswith("rules.yaml")


def test_unreadable_file_is_a_rules_error(tmp_path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("verbs: [unclosed", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid YAML"):
        load_rules(bad)


def test_every_state_act_names_a_sector_of_the_shipped_table() -> None:
    sectors = read_sectors(ontology_dir() / "sectors.yaml")
    assert load_rules().state_acts and set(load_rules().state_acts.values()) <= set(sectors)
    assert load_rules().public_sectors and load_rules().public_sectors <= set(sectors)
    assert load_rules().attacker_sector in sectors


def test_lemma_fixes_reach_the_model() -> None:
    """The lemmatizer reads "staged" as "stag"; the fix table sets the verb's lemma, and only a verb's."""
    from kg.nlp import load_nlp

    assert load_rules().lemma_fixes["staged"] == "stage"
    doc = load_nlp()("Protesters staged a rally and waged a campaign; a stag stood by.")
    assert [(t.text, t.lemma_) for t in doc if t.text in ("staged", "waged", "stag")] == [
        ("staged", "stage"), ("waged", "wage"), ("stag", "stag")]
    doc = load_nlp()("The rebels are waging a war. Two men were convicted of raping a woman.")  # the gerund too
    assert [t.lemma_ for t in doc if t.tag_ == "VBG"] == ["wage", "rape"]


def test_a_sense_may_say_no_event_for_its_theme() -> None:
    """ "a campaign rally" is no protest: a sense with a theme and a null action."""
    senses = load_rules().nouns["rally"].senses
    assert senses[0].theme == "campaign" and senses[0].action is None and senses[1].action == "Protest"


def test_a_phrase_may_say_it_is_no_event_at_all() -> None:
    """ "swore her in" is no pledge though "swore" is: a top-level null action, and only a top-level one."""
    trigger = load_rules().verbs["swear in"]
    assert [(s.action, s.theme) for s in trigger.senses] == [(None, None)]
    assert load_rules().verbs["swear"].senses[-1].action == "Agree"


def test_a_trigger_evokes_the_types_of_its_senses_and_their_ancestors():
    rules = load_rules()
    assert rules.verbs["strike"].evokes("Assault")
    assert rules.verbs["send"].evokes("Aid") and rules.verbs["send"].evokes("SupplyWeapons")
    assert not rules.verbs["send"].evokes("Assault")
    assert not rules.verbs["swear in"].evokes("Agree")  # a bare `action: null` evokes nothing
