"""The action vocabulary (ontology/kg.ttl) and its PLOVER/CAMEO coding rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, RDF, RDFS

from kg.errors import OntologyError
from kg.paths import ontology_dir
from kg.vocab import KG

COOPERATIVE = ("verbal-cooperation", "material-cooperation")
NOT_INTENDED = ("REQUEST",)
"""Cooperative types with no "intent" code in CAMEO 03: a planned request is a request, a withheld one no rejection."""


@dataclass(frozen=True)
class ActionType:
    """One action class: its name, parent action (if a subtype), PLOVER type, CAMEO root, quad class."""

    name: str
    parent: str | None
    plover: str
    cameo: str
    quad: str
    label: str

    @property
    def cooperative(self) -> bool:
        """True for verbal or material cooperation (the quad classes 1 and 2)."""
        return self.quad in COOPERATIVE


@lru_cache(maxsize=1)
def action_types() -> dict[str, ActionType]:
    """All action types of the ontology, by name (e.g. 'SupplyWeapons')."""
    path = ontology_dir() / "kg.ttl"
    try:
        g = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser types
        raise OntologyError(f"{path}: cannot parse the ontology: {exc}") from exc
    ns = str(KG._NS)
    out: dict[str, ActionType] = {}
    for cls in sorted(g.subjects(RDF.type, KG.ActionType)):
        name = str(cls)[len(ns):]
        parent = g.value(cls, RDFS.subClassOf)
        parent_name = str(parent)[len(ns):] if parent is not None and parent != KG.Event else None
        values = {p: g.value(cls, p) for p in (KG.ploverType, KG.cameoRoot, KG.quadClass)}
        missing = [str(p)[len(ns):] for p, v in values.items() if v is None]
        if missing:
            raise OntologyError(f"{path}: action {name} lacks {', '.join(missing)}")
        out[name] = ActionType(
            name=name,
            parent=parent_name,
            plover=str(values[KG.ploverType]),
            cameo=str(values[KG.cameoRoot]),
            quad=str(values[KG.quadClass]),
            label=str(g.value(cls, RDFS.label) or name),
        )
    if not out:
        raise OntologyError(f"{path}: no action types (instances of kg:ActionType)")
    return out


CONSIDER = "014"
"""CAMEO 014, "consider policy option": what a considered event is coded as, whatever is weighed."""


def coded(action: str, modality: str, cameo: str | None = None) -> tuple[str, str]:
    """(PLOVER, CAMEO) codes of an event after the modality rules of actions.md.

    An asserted event with a full CAMEO code (`Event.cameo`, "190", "0233") gives that code.
    A considered event codes as CAMEO 014 ("consider policy option"), never under a material root:
    weighing an arms supply is not aid; PLOVER has no type for weighing, so it keeps the action's type
    (its modality, "considered", is the mode). A planned cooperative action codes as AGREE (03), a negated
    cooperative one as REJECT (12), a request aside (CAMEO has no intent code for it); other events keep
    their action's codes (the root).
    """
    at = action_types()[action]
    if cameo and modality == "asserted":
        return (at.plover, cameo)
    if modality == "considered":
        return (at.plover, CONSIDER)
    intended = at.cooperative and at.plover not in NOT_INTENDED
    if intended and modality == "planned":
        return ("AGREE", "03")
    if intended and modality == "negated":
        return ("REJECT", "12")
    return (at.plover, at.cameo)


def is_a(action: str, ancestor: str) -> bool:
    """True when `action` is `ancestor` or one of its subtypes (SupplyWeapons is an Aid)."""
    types = action_types()
    name: str | None = action
    while name is not None:
        if name == ancestor:
            return True
        name = types[name].parent
    return False
