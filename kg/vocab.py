"""The kg ontology as a closed rdflib namespace: a misspelt term raises at import time."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-geo/"
ONTOLOGY_IRI = URIRef(BASE + "ontology")

ENT = Namespace(BASE + "entity/")
"""Entities: ENT[key], key an ISO alpha-3 code, a gazetteer key or a slug plus hash."""
EVT = Namespace(BASE + "event/")
"""Events: EVT[hash of (actor, action, target, modality, date)]."""
DOC = Namespace(BASE + "doc/")
"""Documents: DOC[quoted document id]; also the names of the per-document graphs."""
MEN = Namespace(BASE + "mention/")
"""Event mentions: MEN[doc id/start-end]."""
GRAPH = Namespace(BASE + "graph/")
"""Named graphs that are not documents: GRAPH['corpus'] holds corpus-wide counts."""
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """Terms of ontology/kg.ttl; tests check the two stay in step."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # actors
    Entity: URIRef
    Country: URIRef
    Organization: URIRef
    Person: URIRef
    ArmedGroup: URIRef
    Location: URIRef
    actsFor: URIRef
    countryCode: URIRef
    key: URIRef
    sector: URIRef
    Role: URIRef
    role: URIRef
    roleCountry: URIRef
    startDate: URIRef
    endDate: URIRef
    # events
    Event: URIRef
    actor: URIRef
    target: URIRef
    modality: URIRef
    date: URIRef
    dateText: URIRef
    dateSource: URIRef
    quantity: URIRef
    ploverCode: URIRef
    cameoCode: URIRef
    sourceCount: URIRef
    interactsWith: URIRef
    superseded: URIRef
    # modality
    Modality: URIRef
    Asserted: URIRef
    Considered: URIRef
    Planned: URIRef
    Negated: URIRef
    # provenance
    Document: URIRef
    Mention: URIRef
    mention: URIRef
    document: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    trigger: URIRef
    attributedTo: URIRef
    attributionText: URIRef
    supersededBy: URIRef
    # action vocabulary
    ActionType: URIRef
    ploverType: URIRef
    cameoRoot: URIRef
    quadClass: URIRef
    Agree: URIRef
    Consult: URIRef
    Support: URIRef
    SignAgreement: URIRef
    Concede: URIRef
    Cooperate: URIRef
    Aid: URIRef
    SupplyWeapons: URIRef
    Retreat: URIRef
    Request: URIRef
    Accuse: URIRef
    Investigate: URIRef
    Reject: URIRef
    Threaten: URIRef
    Protest: URIRef
    Sanction: URIRef
    Mobilize: URIRef
    DeployTroops: URIRef
    Coerce: URIRef
    Assault: URIRef


MODALITIES: dict[str, URIRef] = {
    "asserted": KG.Asserted,
    "considered": KG.Considered,
    "planned": KG.Planned,
    "negated": KG.Negated,
}
"""Modality names of the JSON contract and their ontology individuals."""
