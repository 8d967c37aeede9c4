"""The graph as an RDF user reads it: pasteable IRIs, typed counts, tagged text, a JSON-LD context
with term definitions, and a natural serialisation order."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from qgraph.explain import explain
from qgraph.pipeline import build_dataset
from qgraph.query import list_queries, run_queries
from qgraph.rdf import value_literal
from qgraph.rdfio import serialize
from qgraph.rdfwrite import serialize_rows, sorted_rows
from qgraph.results import format_result
from qgraph.sparql import parse_param_value
from qgraph.vocab import OA, PREFIXES, QG, SDMX_DIMENSION

GOLDEN_SOURCE = Path("tests/golden/mini-report.txt")
ID = "https://w3id.org/qgraph/id/"


@pytest.fixture(scope="module")
def mini() -> Graph:
    """The union graph of the golden mini report (no ontology), as built now."""
    root = Path(__file__).resolve().parents[1]
    ds, _, errors = build_dataset([root / GOLDEN_SOURCE])
    assert not errors
    g = Graph()
    for s, p, o, ctx in ds.quads((None, None, None, None)):
        if str(ctx.identifier if hasattr(ctx, "identifier") else ctx).startswith(f"{ID}graph/"):
            g.add((s, p, o))
    return g


# --------------------------------------------------------------------------- item 1: IRIs round-trip from tables

_TOKEN = re.compile(r"<[^>\s]+>|\b(?:" + "|".join(map(re.escape, PREFIXES)) + r"):[A-Za-z0-9_][A-Za-z0-9_\-]*")


def test_every_iri_in_every_stored_query_table_pastes_back(sample_build: Path) -> None:
    """Each IRI a table prints (``qgplace:370400`` or ``<…>``), pasted as it is into ``DESCRIBE``
    and into ``qgraph explain``, finds the entity the row was about."""
    source = sample_build / "graph.nq"
    queries = [q for q in list_queries() if "CONSTRUCT" not in q.text]  # tables only
    results = run_queries(source, [(q.text, q.bind()) for q in queries])
    printed: dict[str, ox.NamedNode] = {}
    for result in results:
        table = format_result(result, "table", max_width=60)  # the CLI default: labels cut, IRIs not
        for row in result.rows:
            for term in row:
                if isinstance(term, ox.NamedNode) and term.value.startswith(ID):
                    tokens = [t for t in _TOKEN.findall(table) if parse_param_value(t) == term]
                    assert tokens, f"{term.value} is not printed whole in\n{table[:2000]}"
                    printed[tokens[0]] = term
    assert len(printed) > 20 and any(t.startswith("qgplace:") or t.startswith("qgorg:") for t in printed)
    assert not any("…" in t for t in printed)
    described = run_queries(source, [(f"DESCRIBE {token}", {}) for token in printed])
    for (token, term), result in zip(printed.items(), described):
        assert any(t.subject == term for t in result.triples), f"DESCRIBE {token} found nothing"
    # explain reads its argument with parse_param_value (checked above for every token); run it on
    # one prefixed name and one full IRI (each call starts a query process), and on the place
    # IRI of the --help example
    samples = [next(t for t in sorted(printed) if not t.startswith("<")), next(t for t in sorted(printed) if t.startswith("<"))]
    printed["qgplace:370400"] = ox.NamedNode(f"{ID}place/370400")
    samples.append("qgplace:370400")
    for token in samples:
        assert explain(source, token).iri == printed[token], token


# --------------------------------------------------------------------------- item 3: datatypes and language tags


def test_counts_are_integers_amounts_and_rates_decimals() -> None:
    assert value_literal("218", "Jia") == Literal(218, datatype=XSD.integer)
    assert value_literal("320", "Pici").datatype == XSD.integer
    assert value_literal("96.2", "Percent").datatype == XSD.decimal
    assert value_literal("100", "Percent").datatype == XSD.decimal  # a rate, even when whole
    assert value_literal("442600", "Yuan").datatype == XSD.decimal  # money
    assert value_literal("2.5", "Jia").datatype == XSD.decimal  # a fraction is never an integer


def test_built_values_text_and_quotes_are_typed_and_tagged(mini: Graph) -> None:
    values = {(str(o), o.datatype) for o in mini.objects(None, QG.value)}
    assert ("320", XSD.integer) in values and ("95.6", XSD.decimal) in values and ("46", XSD.integer) in values
    for prop in (QG.text, QG.exact, RDF.value):
        objects = list(mini.objects(None, prop))
        assert objects and all(o.language == "zh" for o in objects), prop
    assert len(set(mini.subject_objects(SDMX_DIMENSION.refArea))) == 4


def test_vann_and_sdmx_are_declared_prefixes() -> None:
    ontology = Path(__file__).resolve().parents[1] / "ontology" / "qgraph.ttl"
    head = ontology.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "@prefix vann:" in head and "@prefix sdmx-dimension:" in head
    assert {"vann", "sdmx-dimension"} <= set(PREFIXES)


# --------------------------------------------------------------------------- item 4: JSON-LD for JavaScript users


def test_jsonld_values_are_plain_json_and_round_trip(mini: Graph) -> None:
    text = serialize(mini, "jsonld")
    doc = json.loads(text)
    nodes = {n["@id"]: n for n in doc["@graph"]}
    person = next(n for n in nodes.values() if n.get("@type") == "foaf:Person")
    assert person["name"] == {"zh": "王建国"} and person["label"] == {"zh": "王建国"}
    assert person["@id"].startswith("qgperson:wang-jian-guo-")
    obs = [n for n in nodes.values() if "qg:Observation" in n.get("@type", [])]
    assert {o.get("value") for o in obs} >= {"95.6"}  # a decimal: its exact lexical form
    assert {o.get("count") for o in obs} >= {320, 46}  # a count: a JSON number (qg:value, xsd:integer)
    assert all(("value" in o) != ("count" in o) and "qg:value" not in o for o in obs)
    assert all(isinstance(o["measure"], str) and o["measure"].startswith("qgmeasure:") for o in obs)
    assert any(o.get("refArea") == "qgplace:370700" for o in obs)
    assert all(isinstance(o["approximate"], bool) for o in obs)
    doc_node = next(n for n in nodes.values() if n.get("@type") == "qg:SourceDocument")
    assert doc_node["date"] == "2025-06-12" and set(doc_node["text"]) == {"zh"}
    assert isomorphic(Graph().parse(data=text, format="json-ld"), Graph().parse(data=serialize(mini, "ttl"), format="turtle"))


def test_jsonld_expands_with_pyld(mini: Graph) -> None:
    pyld = pytest.importorskip("pyld.jsonld", reason="pyld is a test dependency (pyproject.toml)")
    doc = json.loads(serialize(mini, "jsonld"))
    expanded = pyld.expand(doc)
    person = next(n for n in expanded if "http://xmlns.com/foaf/0.1/Person" in n.get("@type", []))
    assert person["http://xmlns.com/foaf/0.1/name"] == [{"@value": "王建国", "@language": "zh"}]
    nquads = pyld.to_rdf(doc, {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=nquads, format="nt"), mini)


# --------------------------------------------------------------------------- item 5: natural order


def _nquads(subjects: list[str]) -> bytes:
    lines = [f'<{ID}doc/d/{s}> <http://www.w3.org/2000/01/rdf-schema#label> "{s}" .\n' for s in subjects]
    lines.append(f"<{ID}doc/d/m1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/qgraph/def#Mention> .\n")
    return "".join(lines).encode()


def test_serialisation_order_is_natural_and_deterministic() -> None:
    natural = ["listing/1", "listing/2", "listing/10", "m1", "m1/pos", "m1/quote", "m2", "m2/pos", "m10", "obs/9",
               "obs/10", "obs/10/x", "s2", "s2/pos", "s11"]
    shuffled = natural[:]
    random.Random(7).shuffle(shuffled)
    out = serialize_rows(sorted_rows(_nquads(shuffled)), "nt").decode()
    subjects = [line.split(" ")[0][len(f"<{ID}doc/d/"):-1] for line in out.splitlines()]
    assert list(dict.fromkeys(subjects)) == natural
    m1 = [line for line in out.splitlines() if line.startswith(f"<{ID}doc/d/m1> ")]
    assert "rdf-syntax-ns#type" in m1[0]  # rdf:type still first within a subject
    assert serialize_rows(sorted_rows(_nquads(natural)), "nt").decode() == out
    ttl = serialize_rows(sorted_rows(_nquads(shuffled)), "ttl").decode()
    assert ttl.index("doc/d/listing/2>") < ttl.index("doc/d/listing/10>") < ttl.index("doc/d/m1>") < ttl.index("doc/d/m1/pos>")


def test_cli_table_iri_pastes_into_explain_and_describe(sample_build: Path) -> None:
    """The same round trip as a user makes it: copy an IRI from `qgraph query`'s table."""
    from click.testing import CliRunner

    from qgraph.cli import main

    store = str(sample_build / "store")
    table = CliRunner().invoke(main, ["query", "speakers", "-g", store])
    assert table.exit_code == 0, table.output
    row = next(line for line in table.output.splitlines() if line.startswith("李震"))
    person = re.search(r"qgperson:[a-z0-9-]+", row).group()  # type: ignore[union-attr]
    explained = CliRunner().invoke(main, ["explain", person, "-g", store])
    assert explained.exit_code == 0 and explained.output.splitlines()[0] == f"李震  {person}", explained.output
    described = CliRunner().invoke(main, ["query", "-e", f"DESCRIBE {person}", "-g", store, "-f", "nt"])
    assert described.exit_code == 0 and "李震" in described.output, described.output


def test_jsonld_values_that_fit_no_term_keep_the_prefixed_key() -> None:
    """Untagged labels, literal 'links', huge integers, blank nodes: still the same graph."""
    from rdflib import BNode, Dataset, URIRef
    from rdflib.namespace import RDFS

    ds = Dataset()
    g = ds.graph(URIRef(f"{ID}graph/x"))
    org, obs = URIRef(f"{ID}org/jia-aaaaaaaaaa"), URIRef(f"{ID}doc/x/obs/1")
    g.add((org, RDFS.label, Literal("甲", lang="zh")))
    g.add((org, RDFS.label, Literal("甲公司", lang="zh")))
    g.add((org, RDFS.label, Literal("untagged")))
    g.add((org, QG.place, Literal("not an IRI")))
    g.add((obs, QG.value, Literal("007", datatype=XSD.integer)))
    g.add((obs, QG.recipientCount, Literal(12345678901234567890)))
    g.add((obs, QG.approximate, Literal(True)))
    g.add((obs, QG.example, BNode("b1")))
    text = serialize(ds, "jsonld")
    nodes = {n["@id"]: n for n in json.loads(text)["@graph"]}
    node = nodes["qgorg:jia-aaaaaaaaaa"]
    assert node["label"] == {"zh": ["甲", "甲公司"]} and node["rdfs:label"] == "untagged"
    assert node["qg:place"] == "not an IRI" and "place" not in node
    fact = nodes["qgdoc:x/obs/1"]
    assert fact["count"] == 7  # rdflib reads "007" as 7
    assert fact["recipientCount"] == {"@value": "12345678901234567890", "@type": "xsd:integer"}  # beyond 2**53
    assert fact["approximate"] is True
    expected = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        expected.add((s, p, o))
    assert isomorphic(Graph().parse(data=text, format="json-ld"), expected)
    raw = f'<{ID}doc/x/obs/2> <https://w3id.org/qgraph/def#value> "007"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    written = json.loads(serialize_rows(sorted_rows(raw.encode()), "jsonld"))["@graph"][0]
    assert written["count"] == {"@value": "007", "@type": "xsd:integer"}  # not canonical: kept as written
