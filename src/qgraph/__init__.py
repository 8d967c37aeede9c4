"""qgraph — build a validated RDF knowledge graph from Chinese reports on quality work.

The library is organised as one module per pipeline stage::

    sources   → Document            (read, decode, strip boilerplate, metadata)
    extract   → Extraction          (entities and facts with character spans)
    resolve   → canonical entities  (aliases, elided prefixes, stable IRIs)
    rdf       → rdflib Dataset      (one named graph per document + ontology)
    validate  → SHACL report
    store     → exports, embedded Oxigraph store, Graph Store Protocol loader
    query     → stored and ad-hoc SPARQL
    analyze   → networkx views

The CLI (``qgraph``) is a thin layer over :mod:`qgraph.pipeline`.
"""

__version__ = "0.1.0"
