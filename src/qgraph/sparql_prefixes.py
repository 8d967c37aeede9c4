"""The prefixes predeclared for SPARQL, as plain strings (no rdflib import on the query path).

The same map as :data:`qgraph.vocab.PREFIXES` (a test keeps the two equal); querying needs only
the strings, and importing rdflib costs a query about half a second of start-up.
"""

from __future__ import annotations

_ID = "https://w3id.org/qgraph/id/"

_ID_TYPES = {
    "qgplace": "place", "qgorg": "org", "qgperson": "person", "qgpost": "post", "qgrole": "role",
    "qgpolicy": "policy", "qgchain": "chain", "qgproject": "chain-project", "qgbrand": "brand",
    "qgprogramme": "programme", "qgevent": "event", "qgcategory": "category", "qgfacility": "facility",
    "qgmeasure": "measure", "qgbreakdown": "breakdown", "qgthing": "thing", "qgdoc": "doc", "qggraph": "graph",
    "qgsource": "source",
}

SPARQL_PREFIXES: dict[str, str] = {
    "qg": "https://w3id.org/qgraph/def#",
    "qgid": _ID,
    **{prefix: f"{_ID}{segment}/" for prefix, segment in _ID_TYPES.items()},
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "schema": "https://schema.org/",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "oa": "http://www.w3.org/ns/oa#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "vann": "http://purl.org/vocab/vann/",
    "wd": "http://www.wikidata.org/entity/",
}
"""Prefix → namespace IRI, in the order of :data:`qgraph.vocab.PREFIXES`."""
