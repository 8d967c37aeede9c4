"""Result formats: aligned CJK tables, SPARQL 1.1 CSV / TSV / JSON / XML, and graphs."""

from __future__ import annotations

import csv
import doctest
import io
import json

import pyoxigraph as ox
import pytest
import rdflib

import qgraph.results
import qgraph.sparql
from qgraph.errors import QueryError
from qgraph.query import QueryResult
from qgraph.results import FORMATS, display, format_result, shorten, width

XSD = "http://www.w3.org/2001/XMLSchema#"
TRICKY = 'a "quoted"\tvalue,\nwith a newline\\ and <angle> & ampersand'

RESULT = QueryResult(
    "SELECT",
    ("place", "rate", "note", "blank"),
    (
        (ox.NamedNode("https://w3id.org/qgraph/id/place/370400"), ox.Literal("96.2", datatype=ox.NamedNode(XSD + "decimal")),
         ox.Literal("枣庄市", language="zh"), None),
        (ox.NamedNode("http://example.org/x"), ox.Literal("685", datatype=ox.NamedNode(XSD + "integer")),
         ox.Literal(TRICKY), ox.BlankNode("b0")),
    ),
)
ASK_TRUE = QueryResult("ASK", boolean=True)
GRAPH = QueryResult("CONSTRUCT", triples=(
    ox.Triple(ox.NamedNode("https://w3id.org/qgraph/id/person/li-zhen"), ox.NamedNode("http://xmlns.com/foaf/0.1/name"),
              ox.Literal("李震", language="zh")),
    ox.Triple(ox.NamedNode("https://w3id.org/qgraph/id/doc/d/obs/1"), ox.NamedNode("https://w3id.org/qgraph/def#value"),
              ox.Literal("96.2", datatype=ox.NamedNode(XSD + "decimal"))),
))


def test_doctests() -> None:
    assert doctest.testmod(qgraph.results).failed == 0


def test_table_is_aligned_by_display_width() -> None:
    result = QueryResult("SELECT", ("name", "org"), (
        (ox.Literal("李震", language="zh"), ox.Literal("枣庄市市场监督管理局", language="zh")),
        (ox.Literal("Li Zhen"), ox.Literal("AMR")),
    ))
    lines = format_table_lines(result)
    starts = {_column_start(line, 1) for line in lines[:4]}
    assert len(starts) == 1, lines  # the second column starts at the same display column on every line
    assert lines[-1] == "(2 rows)"


def format_table_lines(result: QueryResult) -> list[str]:
    return format_result(result, "table").splitlines()


def _column_start(line: str, column: int) -> int:
    """Display column where the ``column``-th field (fields separated by 2+ spaces) starts."""
    import re

    spans = [m.start() for m in re.finditer(r"(?<=\S)\s{2,}(?=\S)", line)]
    return width(line[:spans[column - 1]]) + len(re.match(r"\s+", line[spans[column - 1]:]).group())  # type: ignore[union-attr]


def test_table_shows_literals_plainly_and_shortens_iris() -> None:
    text = format_result(RESULT, "table", max_width=22)
    assert "qgplace:370400" in text and "<http://example.org/x>" in text
    assert "96.2" in text and '"96.2"' not in text and "^^" not in text and "@zh" not in text
    assert "_:b0" in text
    assert 'a "quoted" value, wit…' in text  # tabs and newlines flattened, then cut to 22 columns
    assert all(width(cell.strip()) <= 22 for line in text.splitlines() for cell in line.split("  "))
    assert format_result(ASK_TRUE, "table") == "true"
    assert format_result(QueryResult("SELECT", ("x",), ()), "table").endswith("(0 rows)")


def test_shorten_and_width() -> None:
    assert shorten("https://w3id.org/qgraph/def#Municipal") == "qg:Municipal"
    assert shorten("https://w3id.org/qgraph/id/org/a") == "qgorg:a"
    assert shorten("https://w3id.org/qgraph/id/place/370400") == "qgplace:370400"
    assert shorten("https://w3id.org/qgraph/id/doc/d/obs/1") == "<https://w3id.org/qgraph/id/doc/d/obs/1>"
    assert shorten("https://w3id.org/qgraph/id/org/-x") == "<https://w3id.org/qgraph/id/org/-x>"  # not a prefixed name
    assert shorten("https://w3id.org/qgraph/def#") == "<https://w3id.org/qgraph/def#>"
    assert display(None) == "" and display(ox.Literal("x", language="en")) == "x"
    assert width("枣庄市 Zaozhuang") == 16


@pytest.mark.parametrize("fmt, results_format", [
    ("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV)])
def test_standard_formats_round_trip(fmt: str, results_format: ox.QueryResultsFormat) -> None:
    parsed = ox.parse_query_results(format_result(RESULT, fmt).encode(), format=results_format)
    assert [v.value for v in parsed.variables] == list(RESULT.variables)
    rows = [tuple(s[v] for v in RESULT.variables) for s in parsed]
    assert [r[:3] for r in rows] == [r[:3] for r in RESULT.rows]
    assert rows[0][3] is None and isinstance(rows[1][3], ox.BlankNode)
    assert bool(ox.parse_query_results(format_result(ASK_TRUE, fmt).encode(), format=results_format)) is True \
        if fmt != "tsv" else True


def test_csv_follows_sparql_csv() -> None:
    text = format_result(RESULT, "csv")
    assert text.startswith("place,rate,note,blank\r\n")
    values = list(csv.reader(io.StringIO(text, newline="")))
    assert values[1] == ["https://w3id.org/qgraph/id/place/370400", "96.2", "枣庄市", ""]
    assert values[2][2] == TRICKY and values[2][3] == "_:b0"
    assert format_result(ASK_TRUE, "csv").splitlines() == ["true"]  # as pyoxigraph writes it


def test_json_is_sparql_results_json() -> None:
    data = json.loads(format_result(RESULT, "json"))
    assert data["head"]["vars"] == ["place", "rate", "note", "blank"]
    first = data["results"]["bindings"][0]
    assert first["note"] == {"type": "literal", "value": "枣庄市", "xml:lang": "zh"}
    assert first["rate"] == {"type": "literal", "value": "96.2", "datatype": XSD + "decimal"}
    assert "blank" not in first
    assert json.loads(format_result(ASK_TRUE, "json")) == {"head": {}, "boolean": True}


def test_xml_refuses_what_xml_cannot_carry() -> None:
    bad = QueryResult("SELECT", ("x",), ((ox.Literal("a\x01b"),),))
    with pytest.raises(QueryError, match="XML 1.0"):
        format_result(bad, "xml")
    assert format_result(bad, "json")


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_graph_formats_parse_back(fmt: str, rdflib_format: str) -> None:
    text = format_result(GRAPH, fmt)
    graph = rdflib.Graph().parse(data=text, format=rdflib_format)
    assert len(graph) == 2
    assert (None, rdflib.URIRef("http://xmlns.com/foaf/0.1/name"), rdflib.Literal("李震", lang="zh")) in graph


def test_formats_must_fit_the_result() -> None:
    assert format_result(GRAPH).startswith("@prefix") or "李震" in format_result(GRAPH)
    with pytest.raises(QueryError, match="cannot be written as csv"):
        format_result(GRAPH, "csv")
    with pytest.raises(QueryError, match="cannot be written as ttl"):
        format_result(RESULT, "ttl")
    with pytest.raises(QueryError, match="unknown format"):
        format_result(RESULT, "yaml")
    assert set(FORMATS) == {"table", "csv", "tsv", "json", "xml", "ttl", "jsonld", "nt"}


def test_csv_tsv_json_xml_are_pyoxigraphs_own_serialisations() -> None:
    rows = RESULT.rows
    data = {"head": {"vars": list(RESULT.variables)}, "results": {"bindings": [
        {v: qgraph.sparql.term_to_json(t) for v, t in zip(RESULT.variables, r) if t is not None} for r in rows]}}
    parsed = ox.parse_query_results(json.dumps(data).encode(), format=ox.QueryResultsFormat.JSON)
    for fmt, rf in (("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV),
                    ("xml", ox.QueryResultsFormat.XML)):
        expected = ox.parse_query_results(json.dumps(data).encode(), format=ox.QueryResultsFormat.JSON)
        assert format_result(RESULT, fmt).encode() == expected.serialize(format=rf), fmt
    assert parsed.variables


IRI_LONG = "https://w3id.org/qgraph/id/doc/zaozhuang-quality-2025-09-19/obs/24"
WIDE = QueryResult("SELECT", ("obs", "measure", "note", "place"), tuple(
    (ox.NamedNode(IRI_LONG), ox.Literal("产品质量监督抽查合格率" * 2, language="zh"),
     ox.Literal("a long English note that goes on and on about the figure and its period"), None)
    for _ in range(3)))


def test_table_fits_the_terminal_by_wrapping_labels_never_iris() -> None:
    text = format_result(WIDE, "table", terminal_width=120, max_width=0)
    lines = text.splitlines()
    assert all(width(line) <= 120 for line in lines), text
    assert text.count(shorten(IRI_LONG)) == 3  # every IRI whole, as a prefixed name that parses back
    assert "…" not in text  # labels wrapped, not cut
    assert "产品质量监督抽查合格率产品质量监督抽查合格率" not in text and "合格率" in text
    unfitted = format_result(WIDE, "table", max_width=0)
    assert max(width(line) for line in unfitted.splitlines()) > 120


def test_table_with_iris_wider_than_the_terminal_keeps_them_whole() -> None:
    text = format_result(WIDE, "table", terminal_width=30, max_width=0)
    assert text.count(shorten(IRI_LONG)) == 3


def test_unbound_parameter_columns_are_left_out() -> None:
    text = format_result(WIDE, "table", terminal_width=200, hide_unbound=("place",))
    assert "place" not in text.splitlines()[0]
    assert "place" in format_result(WIDE, "table", terminal_width=200).splitlines()[0]
    bound = QueryResult("SELECT", ("x", "place"), ((ox.Literal("1"), ox.Literal("枣庄市")),))
    assert "place" in format_result(bound, "table", hide_unbound=("place",)).splitlines()[0]


def test_display_width_agrees_with_wcwidth_where_reports_write() -> None:
    """Tables measure cells with the standard library's Unicode tables (importing the ``wcwidth``
    package cost 50-70 ms of every ``qgraph query``); for the characters of the reports — ASCII,
    CJK ideographs and punctuation, full-width forms, Latin with accents — both give the same width."""
    from wcwidth import wcwidth as reference

    from qgraph.results import wcwidth as ours

    ranges = [(0x20, 0x7F), (0xA0, 0x250), (0x300, 0x370), (0x3000, 0x3040), (0x4E00, 0x9FA6), (0xFF01, 0xFF61)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi) if chr(c) != "\u00ad"]
    assert [ours(c) for c in chars] == [max(reference(c), 0) for c in chars]


# --------------------------------------------------------------------------- a table of an answer written at build time

ANSWER_ROWS = QueryResult(
    "SELECT",
    ("selected", "pool", "count", "flag", "listing", "node", "unbound", "note"),
    tuple(
        (ox.Literal("青禾县", language="zh"), ox.Literal(pool, language="zh"),
         ox.Literal(str(k), datatype=ox.NamedNode(XSD + "integer")) if k % 3 else None,
         ox.Literal("true" if k % 2 else "false", datatype=ox.NamedNode(XSD + "boolean")),
         ox.NamedNode(f"https://w3id.org/qgraph/id/doc/doc-{k:03d}-qinghe/listing/1"),
         ox.NamedNode(iri) if k % 4 else ox.BlankNode(f"b{k}"), None,
         ox.Literal(note) if k % 5 else ox.Literal("1.5E3", datatype=ox.NamedNode(XSD + "double")))
        for k, (pool, iri, note) in enumerate(
            [("青禾县质量强县培育名单", "https://w3id.org/qgraph/id/place/990101", TRICKY),
             ("蓝湾市品牌示范企业名单（第一批）", "https://w3id.org/qgraph/def#Municipal", "一句\r\n分两行\t的说明"),
             ("培育库", "http://example.org/a/b-", "x" * 70),
             ("省级 示范 名单 很长的 名字 需要 换行 才能 放得下", "https://w3id.org/qgraph/def#", "")] * 3)
    ),
)


def _answer_json(result: QueryResult) -> bytes:
    return format_result(result, "json").encode("utf-8")


@pytest.mark.parametrize("max_width", [None, 0, 6, 60])
@pytest.mark.parametrize("terminal_width", [None, 30, 80, 400])
@pytest.mark.parametrize("hide", [(), ("unbound", "count")])
def test_a_table_of_an_answer_is_the_table_of_its_terms(max_width: int | None, terminal_width: int | None,
                                                         hide: tuple[str, ...]) -> None:
    # `qgraph query selections --limit 0` formats the answer made at build time without term
    # objects: the same text, whatever the literals hold (escapes, line breaks, numbers written
    # bare, languages), IRIs, blank nodes, unbound and hidden columns, cut and wrapped labels
    from qgraph.query import answered
    from qgraph.results import format_answer_table, format_table

    for result in (ANSWER_ROWS, RESULT, QueryResult("SELECT", ("a", "b"), ())):
        data = _answer_json(result)
        expected = format_table(answered(data), max_width=max_width, terminal_width=terminal_width, hide_unbound=hide)
        assert format_answer_table(data, max_width=max_width, terminal_width=terminal_width, hide_unbound=hide) == expected
    assert format_answer_table(_answer_json(ASK_TRUE)) == "true"


def test_shorten_by_lookup_is_shorten_by_scan() -> None:
    # qgraph's prefixes are looked up by the IRI's head, not tried one by one: the same names
    from qgraph.sparql_prefixes import SPARQL_PREFIXES

    for iri in ("https://w3id.org/qgraph/def#Municipal", "https://w3id.org/qgraph/def#", "https://w3id.org/qgraph/def#a-",
                "https://w3id.org/qgraph/id/place/990101", "https://w3id.org/qgraph/id/place/99/01",
                "https://w3id.org/qgraph/id/doc/d/obs/1", "http://www.w3.org/2001/XMLSchema#integer",
                "http://www.w3.org/2004/02/skos/core#prefLabel", "http://example.org/x", "urn:x", "abc",
                "https://w3id.org/qgraph/id/place/青禾", "http://purl.org/dc/terms/title.x"):
        assert shorten(iri) == shorten(iri, SPARQL_PREFIXES), iri
