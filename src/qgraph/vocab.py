"""RDF namespaces used by qgraph (the ontology itself is ``ontology/qgraph.ttl``)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, ORG, DCAT, VOID

QG = Namespace("https://w3id.org/qgraph/def#")
"""Ontology terms (classes, properties, concept schemes)."""

ID = Namespace("https://w3id.org/qgraph/id/")
"""Instance data: entities, facts, documents."""

ELI = Namespace("http://data.europa.eu/eli/ontology#")
SCHEMA = Namespace("https://schema.org/")
QB = Namespace("http://purl.org/linked-data/cube#")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "qg": QG,
    "qgid": ID,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "foaf": Namespace(str(FOAF)),
    "org": Namespace(str(ORG)),
    "prov": Namespace(str(PROV)),
    "eli": ELI,
    "schema": SCHEMA,
    "qb": QB,
    "oa": OA,
    "dcat": Namespace(str(DCAT)),
    "void": Namespace(str(VOID)),
    "wd": WD,
}
"""Prefixes bound in every serialisation and predeclared for user queries."""

