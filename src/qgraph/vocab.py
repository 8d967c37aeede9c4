"""RDF namespaces used by qgraph (the ontology itself is ``ontology/qgraph.ttl``).

Instance IRIs live under ``https://w3id.org/qgraph/id/<type>/<local>`` with one prefix per type
(``qgplace:370400``, ``qgorg:zao-zhuang-…-k2m7f4qa``), so that every entity's IRI is a valid
prefixed name in Turtle and SPARQL: no ``/`` after the namespace. Nodes inside one document (its
sentences, mentions, facts) keep a path under the document, ``qgdoc:D`` → ``<…/doc/D/obs/5>``,
and are written as full IRIs.
"""

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
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
VANN = Namespace("http://purl.org/vocab/vann/")

ID_TYPES: dict[str, str] = {
    "qgplace": "place", "qgorg": "org", "qgperson": "person", "qgpost": "post", "qgrole": "role",
    "qgpolicy": "policy", "qgchain": "chain", "qgproject": "chain-project", "qgbrand": "brand",
    "qgprogramme": "programme", "qgevent": "event", "qgcategory": "category", "qgfacility": "facility",
    "qgmeasure": "measure", "qgbreakdown": "breakdown", "qgthing": "thing", "qgdoc": "doc", "qggraph": "graph", "qgsource": "source",
}
"""Prefix → the path segment of one type of instance IRI (``qgplace:`` = ``…/id/place/``)."""


def id_namespace(segment: str) -> Namespace:
    """The namespace of one type of instance IRI, e.g. ``id_namespace("place")["370400"]``."""
    return Namespace(f"{ID}{segment}/")


PREFIXES: dict[str, Namespace] = {
    "qg": QG,
    "qgid": ID,
    **{prefix: id_namespace(segment) for prefix, segment in ID_TYPES.items()},
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
    "sdmx-dimension": SDMX_DIMENSION,
    "oa": OA,
    "dcat": Namespace(str(DCAT)),
    "void": Namespace(str(VOID)),
    "vann": VANN,
    "wd": WD,
}
"""Prefixes bound in every serialisation and predeclared for user queries."""
