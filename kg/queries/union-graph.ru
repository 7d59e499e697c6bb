# Keep kg's union graph on a server the union of the other named graphs, each triple once (see kg.store.refresh_union).
# A server kg never loaded has no union graph, and this changes nothing there. Only what changed is written:
# the triples a named graph holds that the union lacks are added, and those no other graph holds any more removed.
# Full IRIs, no PREFIX: kg.store.refresh_union may put an update before this one, and Oxigraph takes no PREFIX after `;`.
INSERT { GRAPH <https://w3id.org/kg-geo/graph/union> { ?s ?p ?o } }
WHERE {
  { SELECT ?held WHERE { GRAPH <https://w3id.org/kg-geo/graph/union> { ?held ?p0 ?o0 } } LIMIT 1 }
  GRAPH ?g { ?s ?p ?o }
  FILTER(?g != <https://w3id.org/kg-geo/graph/union>)
  FILTER NOT EXISTS { GRAPH <https://w3id.org/kg-geo/graph/union> { ?s ?p ?o } }
} ;

DELETE { GRAPH <https://w3id.org/kg-geo/graph/union> { ?s ?p ?o } }
WHERE {
  GRAPH <https://w3id.org/kg-geo/graph/union> { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/kg-geo/graph/union>) }
}
