"""Golden-file test: the graph of a small report of the genre, compared with its frozen expected
Turtle (``tests/golden/mini-report.expected.ttl``) by ``rdflib.compare.isomorphic``.

The expected graph is the union of the document's named graph, without the ontology. It was
generated from a build and then checked fact by fact by eye (the English place names were frozen in
their right form, Weifang / Shandong, before the build learnt them).

Regenerate it deliberately, after checking the new output by eye, with either of::

    QGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_graph.py
    python tests/test_golden_graph.py

(run from the repository root). Both write the current build of ``tests/golden/mini-report.txt``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

REPO = Path(__file__).resolve().parents[1]
SOURCE = Path("tests/golden/mini-report.txt")  # relative: it becomes the graph's dcterms:source
EXPECTED = REPO / "tests" / "golden" / "mini-report.expected.ttl"
DOC_ID = "mini-report"


def built_graph() -> Graph:
    """The document's named graph and the shared descriptions it needs, as built now (run from
    the repository root), normalised through qgraph's own Turtle writer so literals compare the
    way the golden file was written."""
    from qgraph.pipeline import build_dataset
    from qgraph.rdf import SHARED, graph_iri
    from qgraph.rdfio import serialize

    ds, extractions, errors = build_dataset([SOURCE])
    assert not errors, errors
    assert [ex.document.doc_id for ex in extractions] == [DOC_ID]
    g = Graph()
    for t in (*ds.graph(graph_iri(DOC_ID)), *ds.graph(SHARED)):
        g.add(t)
    return Graph().parse(data=serialize(g, "ttl"), format="turtle")


def write_golden() -> Path:
    from qgraph.rdfio import serialize

    EXPECTED.write_bytes(serialize(built_graph(), "ttl"))
    return EXPECTED


def explain_difference(expected: Graph, actual: Graph, limit: int = 8) -> str:
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))

    def lines(g: Graph) -> list[str]:
        return sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())

    parts = []
    for title, g in (("only in expected", only_expected), ("only in actual build", only_actual)):
        rows = lines(g)
        parts.append(f"{title} ({len(rows)} triples):")
        parts += [f"  {r}" for r in rows[:limit]] + ([f"  … {len(rows) - limit} more"] if len(rows) > limit else [])
    parts.append("If the new output is right, regenerate: QGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_graph.py")
    return "\n".join(parts)


@pytest.fixture
def actual(monkeypatch: pytest.MonkeyPatch) -> Graph:
    monkeypatch.chdir(REPO)
    if os.environ.get("QGRAPH_UPDATE_GOLDEN") == "1":
        write_golden()
    return built_graph()


@pytest.fixture
def expected() -> Graph:
    assert EXPECTED.exists(), f"missing {EXPECTED.name}: run QGRAPH_UPDATE_GOLDEN=1 python -m pytest {__file__}"
    return Graph().parse(EXPECTED, format="turtle")


def test_golden_file_holds_only_the_document_graph(expected: Graph) -> None:
    """No ontology triples and no path of the machine that generated it."""
    text = EXPECTED.read_text(encoding="utf-8")
    assert "owl:Class" not in text and "qg:StatisticsStructure a" not in text
    assert str(Path.home()) not in text and str(REPO) not in text
    assert len(expected) > 100


def test_build_matches_golden(actual: Graph, expected: Graph) -> None:
    if not isomorphic(actual, expected):
        pytest.fail("the built graph of mini-report.txt differs from the golden file\n"
                    + explain_difference(expected, actual), pytrace=False)


if __name__ == "__main__":
    os.chdir(REPO)
    print(f"wrote {write_golden().relative_to(REPO)}")
