"""Stored queries rewritten for speed give the rows of their previous texts, on small graphs.

The previous texts are kept below as the reference (``REFERENCE``): each rewritten query must give
the same set of rows on the bundled sample's build, on ``tests/fixtures/mini.trig`` and on
``tests/fixtures/services.trig`` (shared descriptions repeated in several document graphs, facts
without a place, a service without figures…). GROUP_CONCAT lists are compared as sets.

Also here: a fact without a place is never listed for a place, in the stored texts and in the
plain SPARQL 1.1 texts sent to endpoints (``queries/sparql11/``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qgraph.query import load_query, portable, run_query

ROOT = Path(__file__).resolve().parent.parent
LISTS = {"categories", "chains", "issuedBy", "citedIn", "posts", "spokeAt", "work", "recipients", "named",
         "industry", "factType"}


@pytest.fixture(scope="module")
def services_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tests/fixtures/services.trig`` plus the ontology graph, as N-Quads."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(ROOT / "tests" / "fixtures" / "services.trig"), format=ox.RdfFormat.TRIG)
    store.load(path=str(ROOT / "ontology" / "qgraph.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/qgraph/def"))
    path = tmp_path_factory.mktemp("services") / "graph.nq"
    store.dump(output=str(path), format=ox.RdfFormat.N_QUADS)
    return path


def rows(source: Path, text: str, name: str, params: dict[str, str]) -> set[tuple[object, ...]]:
    query = load_query(name)
    result = run_query(source, text, params=query.bind(params), timeout=None)
    return {tuple(sorted((k, frozenset(re.split(r"、|; | \| |, ", t.value)) if k in LISTS else str(t)) for k, t in row.items()))
            for row in result.dicts()}


def column(source: Path, text: str, name: str, params: dict[str, str], col: str) -> set[str]:
    query = load_query(name)
    return {str(row[col].value) for row in run_query(source, text, params=query.bind(params), timeout=None).dicts() if col in row}


FAC = "https://w3id.org/qgraph/id/facility/"


@pytest.mark.parametrize("text_of", [lambda q: q.text, lambda q: portable(q).text], ids=["stored", "sparql11"])
def test_a_facility_without_a_place_is_not_listed_for_every_place(services_graph: Path, text_of) -> None:
    text = text_of(load_query("facilities"))
    assert column(services_graph, text, "facilities", {}, "facility") == {FAC + "jia", FAC + "yi", FAC + "bing"}
    for place, wanted in (("枣庄市", {"jia"}), ("山东省", {"jia"}), ("安阳市", {"bing"}), ("qgplace:370481", {"jia"})):
        assert column(services_graph, text, "facilities", {"place": place}, "facility") == {FAC + f for f in wanted}, place


@pytest.mark.parametrize("text_of", [lambda q: q.text, lambda q: portable(q).text], ids=["stored", "sparql11"])
def test_a_figure_without_a_place_is_not_listed_for_a_place(services_graph: Path, text_of) -> None:
    text = text_of(load_query("statistics"))
    every = column(services_graph, text, "statistics", {}, "obs")
    placed = column(services_graph, text, "statistics", {"place": "枣庄市"}, "obs")
    unplaced = {o for o in every if o.endswith(("/o4", "/o5", "/o1"))}
    assert unplaced and placed and not placed & unplaced
