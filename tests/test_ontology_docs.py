"""The ontology's HTML documentation (``ontology/qgraph.html``, made by pyLODE) matches the ontology.

Regenerate it after changing ``ontology/qgraph.ttl``::

    pip install -e '.[docs]' && PYTHONHASHSEED=0 pylode ontology/qgraph.ttl -o ontology/qgraph.html
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, RDF, Graph

ROOT = Path(__file__).resolve().parent.parent
QG = "https://w3id.org/qgraph/def#"


def _terms(g: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {str(s)[len(QG):] for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(QG)}


def test_every_term_is_documented_and_the_version_matches() -> None:
    g = Graph().parse(ROOT / "ontology/qgraph.ttl")
    html = (ROOT / "ontology/qgraph.html").read_text(encoding="utf-8")
    documented = set(re.findall(r"<code>" + re.escape(QG) + r"([^<]+)</code>", html))
    missing = sorted(_terms(g) - documented)
    assert not missing, f"ontology/qgraph.html is out of date; regenerate it (see this test's docstring): {missing}"
    version = str(g.value(None, OWL.versionInfo))
    assert version in html


def test_the_page_is_self_contained() -> None:
    html = (ROOT / "ontology/qgraph.html").read_text(encoding="utf-8")
    assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?://', html)
