"""kg.actions: the action types read from kg.ttl, the PLOVER/CAMEO modality rules of actions.md, and `is_a`."""

from __future__ import annotations

import pytest

from kg.actions import action_types, coded, is_a


def test_action_types_are_read_from_the_ontology():
    types = action_types()
    assert len(types) == 20
    supply = types["SupplyWeapons"]
    assert (supply.parent, supply.plover, supply.cameo, supply.quad) == ("Aid", "AID", "07", "material-cooperation")
    assert types["Aid"].parent is None
    assert types["Assault"].quad == "material-conflict"


@pytest.mark.parametrize(
    "action, cooperative",
    [("Agree", True), ("Consult", True), ("SupplyWeapons", True), ("SignAgreement", True), ("Aid", True),
     ("Accuse", False), ("Threaten", False), ("Sanction", False), ("DeployTroops", False), ("Assault", False)],
)
def test_cooperative_follows_the_quad_class(action, cooperative):
    assert action_types()[action].cooperative is cooperative


@pytest.mark.parametrize(
    "action, modality, expected",
    [
        # asserted: the action's own codes
        ("SupplyWeapons", "asserted", ("AID", "07")),
        ("Consult", "asserted", ("CONSULT", "04")),
        ("SignAgreement", "asserted", ("SUPPORT", "05")),
        # planned or offered cooperation codes as AGREE (03)
        ("SupplyWeapons", "planned", ("AGREE", "03")),
        ("Consult", "planned", ("AGREE", "03")),
        ("Aid", "planned", ("AGREE", "03")),
        # negated or refused cooperation codes as REJECT (12)
        ("SupplyWeapons", "negated", ("REJECT", "12")),
        ("Aid", "negated", ("REJECT", "12")),
        ("SignAgreement", "negated", ("REJECT", "12")),
        # considered: CAMEO 014 ("consider policy option"), no material root; PLOVER keeps the type (mode: considered)
        ("SupplyWeapons", "considered", ("AID", "014")),
        ("Aid", "considered", ("AID", "014")),
        ("Consult", "considered", ("CONSULT", "014")),
        ("Assault", "considered", ("ASSAULT", "014")),
        # a request keeps REQUEST: CAMEO has no intent code for it
        ("Request", "planned", ("REQUEST", "02")),
        ("Request", "negated", ("REQUEST", "02")),
        # conflictual actions keep their codes whatever the modality
        ("Assault", "planned", ("ASSAULT", "18")),
        ("Assault", "negated", ("ASSAULT", "18")),
        ("Threaten", "planned", ("THREATEN", "13")),
        ("Sanction", "negated", ("SANCTION", "16")),
        ("DeployTroops", "planned", ("MOBILIZE", "15")),
        ("Investigate", "considered", ("ACCUSE", "014")),
    ],
)
def test_coded_applies_the_modality_rules(action, modality, expected):
    assert coded(action, modality) == expected


@pytest.mark.parametrize(
    "modality, expected",
    [
        ("asserted", ("AID", "0712")),      # an asserted event keeps the dictionary's full code
        ("considered", ("AID", "014")),     # weighed: consider, not the dictionary's material code
        ("planned", ("AGREE", "03")),
        ("negated", ("REJECT", "12")),
    ],
)
def test_only_an_asserted_event_keeps_its_full_dictionary_code(modality, expected):
    assert coded("SupplyWeapons", modality, "0712") == expected


def test_coded_rejects_an_unknown_action():
    with pytest.raises(KeyError):
        coded("Invade", "asserted")


@pytest.mark.parametrize(
    "action, ancestor, expected",
    [
        ("SupplyWeapons", "SupplyWeapons", True),
        ("SupplyWeapons", "Aid", True),
        ("SignAgreement", "Support", True),
        ("DeployTroops", "Mobilize", True),
        ("Investigate", "Accuse", True),
        ("Aid", "SupplyWeapons", False),
        ("SupplyWeapons", "Support", False),
        ("Assault", "Mobilize", False),
        ("DeployTroops", "Assault", False),
    ],
)
def test_is_a_follows_subtypes(action, ancestor, expected):
    assert is_a(action, ancestor) is expected
