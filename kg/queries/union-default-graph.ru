# Make the default graph the union of the named graphs, each triple once (see kg.store.sync_default_graph).
CLEAR DEFAULT ;
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }
