"""SHACL shapes (shapes/qgraph-shapes.ttl): the sample conforms; each kind of broken graph gets a
violation on the right focus node, with the readable sentence the shapes file gives for it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, XSD

from qgraph.pipeline import build_dataset
from qgraph.resources import shapes_path
from qgraph.validate import ValidationReport, Violation, data_graph, validate_graph
from qgraph.vocab import OA, PREFIXES, QG

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture(scope="module")
def sample_graph() -> Graph:
    ds, _, errors = build_dataset([CORPUS])
    assert not errors
    return data_graph(ds)


@pytest.fixture
def graph(sample_graph: Graph) -> Graph:
    """A fresh copy of the sample graph to break."""
    g = Graph()
    for t in sample_graph:
        g.add(t)
    for p, ns in sample_graph.namespaces():
        g.bind(p, ns)
    return g


def one(g: Graph, query: str) -> URIRef:
    rows = list(g.query(query, initNs=PREFIXES))
    assert len(rows) == 1, f"expected one node, got {rows}"
    return rows[0][0]


def org_named(g: Graph, name: str) -> URIRef:
    return one(g, f'SELECT ?o WHERE {{ ?o a/rdfs:subClassOf* ?c ; skos:prefLabel "{name}"@zh . '
                  f'FILTER(?c IN (qg:GovernmentDepartment, qg:GovernmentBody)) }}')


def observation(g: Graph, measure: str, value: str) -> URIRef:
    return one(g, f'SELECT ?o WHERE {{ ?o a qg:Observation ; qg:measure/skos:prefLabel "{measure}"@zh ; '
                  f'qg:value ?v FILTER(?v = {value}) }}')


def chain_project(g: Graph, chain: str) -> URIRef:
    return one(g, f'SELECT ?p WHERE {{ ?p a qg:ChainProject ; qg:chain/skos:prefLabel "{chain}"@zh }}')


def on(report: ValidationReport, node: URIRef, g: Graph) -> list[Violation]:
    names = {node.n3(), g.namespace_manager.normalizeUri(node)}
    return [v for v in report.violations if v.focus in names]


def shape_messages() -> set[str]:
    shapes = Graph().parse(shapes_path(), format="turtle")
    return {str(m) for m in shapes.objects(None, SH.message)}


def test_sample_conforms(sample_graph: Graph) -> None:
    report = validate_graph(sample_graph)
    assert report.conforms, report.text()
    assert report.exit_code == 0
    assert report.text() == "SHACL: conforms (0 violations)"


# Each case: how to find the node, how to break it, and the sentences expected on it (exactly the
# sh:message of the shapes file). Nothing else in the graph may be reported.

def _drop_labels(g: Graph, node: URIRef) -> None:
    g.remove((node, RDFS.label, None))


def _set_value(value: str) -> Callable[[Graph, URIRef], None]:
    def breaker(g: Graph, node: URIRef) -> None:
        g.set((node, QG.value, Literal(Decimal(value), datatype=XSD.decimal)))
    return breaker


def _drop_provenance(g: Graph, node: URIRef) -> None:
    for m in list(g.subjects(OA.hasBody, node)):  # its mentions
        g.remove((m, None, None))
    g.remove((node, QG.mentionedIn, None))


def _drop(pred: URIRef) -> Callable[[Graph, URIRef], None]:
    def breaker(g: Graph, node: URIRef) -> None:
        assert (node, pred, None) in g
        g.remove((node, pred, None))
    return breaker


def _plain_label(g: Graph, node: URIRef) -> None:
    zh = [o for o in g.objects(node, RDFS.label) if isinstance(o, Literal) and o.language == "zh"]
    assert len(zh) == 1
    g.remove((node, RDFS.label, zh[0]))
    g.add((node, RDFS.label, Literal(str(zh[0]))))


CASES = {
    "organisation without rdfs:label": (
        lambda g: org_named(g, "枣庄市市场监督管理局"), _drop_labels,
        {"has no rdfs:label", "has no Chinese (@zh) label"}),
    "pass rate of 140 %": (
        lambda g: observation(g, "合格率", "96.2"), _set_value("140"),
        {"a percentage (such as a pass rate) must lie between 0 and 100"}),
    "observation without provenance": (
        lambda g: observation(g, "合格率", "96.2"), _drop_provenance,
        {"has no provenance: neither a mention (a qg:Mention with it as oa:hasBody) nor prov:wasDerivedFrom"}),
    "observation without unit": (
        lambda g: observation(g, "批次", "685"), _drop(QG.unit),
        {"an observation needs exactly one unit (a qg:Unit)"}),
    "negative count": (
        lambda g: observation(g, "案件", "108"), _set_value("-108"),
        {"a count or amount cannot be negative"}),
    "chain project without level": (
        lambda g: chain_project(g, "锂电池产业链"), _drop(QG.level),
        {"a chain project needs its level"}),
    "label without language tag": (
        lambda g: org_named(g, "枣庄市科学技术局"), _plain_label,
        {"has no Chinese (@zh) label"}),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_graph_reports_a_readable_violation(graph: Graph, case: str) -> None:
    find, breaker, expected = CASES[case]
    node = find(graph)
    breaker(graph, node)
    report = validate_graph(graph)
    assert not report.conforms and report.exit_code == 1
    mine = on(report, node, graph)
    assert {v.message for v in mine} == expected, report.text()
    assert len(mine) == len(report.violations), f"unrelated violations too:\n{report.text()}"
    assert all(v.severity == "Violation" for v in mine)
    assert expected <= shape_messages(), "the expected sentence is not (or no longer) in the shapes file"
    text = report.text()
    for message in expected:
        assert message in text
    assert "constraint violated" not in text


def test_percent_bounds_are_inclusive(graph: Graph) -> None:
    """0 % and 100 % are valid pass rates; only values outside [0, 100] are violations."""
    node = observation(graph, "合格率", "96.2")
    for value in ("100", "0"):
        _set_value(value)(graph, node)
        report = validate_graph(graph)
        assert report.conforms, report.text()


def test_violation_names_path_and_value(graph: Graph) -> None:
    node = observation(graph, "案件", "108")
    _set_value("-108")(graph, node)
    (violation,) = on(validate_graph(graph), node, graph)
    assert violation.path == "qg:value"
    assert violation.value is not None and "-108" in violation.value


def test_parallel_validation_finds_the_same_violations(graph: Graph) -> None:
    from rdflib import Dataset

    from qgraph.validate import validate_dataset
    from qgraph.validate_parallel import shape_groups, validate_in_parallel

    targets = [(find(graph), breaker) for find, breaker, _ in CASES.values()]
    for node, breaker in targets:
        breaker(graph, node)
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    named = ds.graph(URIRef("https://w3id.org/qgraph/id/graph/broken"))
    for t in graph:
        named.add(t)
    one_process = validate_dataset(ds, jobs=1)
    two_processes = validate_dataset(ds, jobs=2)
    assert not one_process.conforms and not two_processes.conforms
    assert len(one_process.violations) >= len(CASES)
    assert two_processes.violations == one_process.violations
    groups = shape_groups(graph, Graph().parse(shapes_path(), format="turtle"), 2)
    assert len(groups) == 2 and not set(groups[0]) & set(groups[1])
    assert validate_in_parallel(graph, Graph(), Graph().parse(shapes_path(), format="turtle"), 2) is not None
