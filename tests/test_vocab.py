"""kg.vocab: the closed KG namespace and ontology/kg.ttl declare the same terms; the action table matches docs/actions.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef

from kg.paths import ontology_dir
from kg.vocab import KG, MODALITIES
from tests.conftest import REPO, SHARED, require

ACTIONS_MD = REPO / "docs" / "actions.md"
SPEC_ACTIONS_MD = SHARED / "spec" / "actions.md"
"""The fixed interface docs/actions.md documents for kg's users."""
NS = str(KG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def _kg_terms() -> set[str]:
    """Names declared on the KG class (its annotations), without the namespace internals."""
    return {name for name in KG.__annotations__ if not name.startswith("_")}


def _declared(ontology: Graph) -> set[str]:
    """kg: terms that are the subject of an rdf:type triple in kg.ttl."""
    return {str(s)[len(NS):] for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_every_kg_term_is_declared_in_the_ontology(ontology):
    missing = sorted(_kg_terms() - _declared(ontology))
    assert not missing, f"in kg/vocab.py but not typed in ontology/kg.ttl: {missing}"


def test_every_ontology_term_is_a_kg_attribute(ontology):
    subjects = {str(s)[len(NS):] for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    extra = sorted(subjects - _kg_terms())
    assert not extra, f"in ontology/kg.ttl but not in kg/vocab.py's KG: {extra}"


def test_terms_resolve_to_the_ontology_namespace():
    assert KG.SupplyWeapons == URIRef(NS + "SupplyWeapons")
    assert KG.actsFor == URIRef(NS + "actsFor")


@pytest.mark.parametrize("misspelt", ["SupplyWeapon", "actor_", "Asserte", "interactWith"])
def test_a_misspelt_term_raises(misspelt):
    with pytest.raises(AttributeError):
        getattr(KG, misspelt)


def test_modalities_are_the_four_modality_individuals(ontology):
    assert set(MODALITIES) == {"asserted", "considered", "planned", "negated"}
    for name, node in MODALITIES.items():
        assert (node, RDF.type, KG.Modality) in ontology
        assert str(ontology.value(node, URIRef("http://www.w3.org/2004/02/skos/core#notation"))) == name


def _action_classes(ontology: Graph) -> list[URIRef]:
    return sorted(ontology.subjects(RDF.type, KG.ActionType))


def test_there_are_twenty_action_types(ontology):
    # the 16 PLOVER types plus SignAgreement, SupplyWeapons, Investigate and DeployTroops
    assert len(_action_classes(ontology)) == 20


@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment, KG.ploverType, KG.cameoRoot, KG.quadClass])
def test_every_action_type_has(ontology, prop):
    lacking = [str(c)[len(NS):] for c in _action_classes(ontology) if ontology.value(c, prop) is None]
    assert not lacking, f"action types without {prop}: {lacking}"


def test_quad_classes_are_the_four_known(ontology):
    quads = {str(ontology.value(c, KG.quadClass)) for c in _action_classes(ontology)}
    assert quads == {"verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"}


def _action_table(path: Path) -> dict[str, dict[str, str]]:
    """The action table of an actions.md: type -> parent, PLOVER, CAMEO root (leading code)."""
    rows: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not re.fullmatch(r"[A-Z][A-Za-z]+", cells[0]) or cells[0] == "type":
            continue
        name, parent, _meaning, plover, cameo = cells
        rows[name] = {"parent": parent, "plover": plover, "cameo": re.match(r"\d+", cameo).group(0)}
    return rows


@pytest.fixture(scope="module")
def spec_table() -> dict[str, dict[str, str]]:
    table = _action_table(ACTIONS_MD)
    assert len(table) == 20, f"parsed {len(table)} rows from {ACTIONS_MD}"
    return table


def test_the_documented_table_is_the_fixed_interface(spec_table):
    """docs/actions.md tells kg's users the vocabulary of the project's spec: same types, parents and codes."""
    assert spec_table == _action_table(require(SPEC_ACTIONS_MD, "the action vocabulary spec"))


def test_action_names_match_the_spec_table(ontology, spec_table):
    names = {str(c)[len(NS):] for c in _action_classes(ontology)}
    assert names == set(spec_table)


def test_action_codes_and_parents_match_the_spec_table(ontology, spec_table):
    for name, row in spec_table.items():
        cls = KG[name]
        assert str(ontology.value(cls, KG.ploverType)) == row["plover"], name
        assert str(ontology.value(cls, KG.cameoRoot)).startswith(row["cameo"]), name
        parent = ontology.value(cls, RDFS.subClassOf)
        assert parent == (KG[row["parent"]] if row["parent"] else KG.Event), name
