"""The query machinery: stored-query headers, checking, safe binding, the worker, endpoints, the CLI."""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import qgraph.query
import qgraph.query_page
import qgraph.sparql
from qgraph.cli import main
from qgraph.errors import InputError, QueryError
from qgraph.explain import explain
from qgraph.query import StoredQuery, list_queries, load_query, parse_param_options, query_from, run_query
from qgraph.sparql import check_sparql, parse_param_value, substitute, tokens

HOSTILE = [
    '枣庄市" } } DROP ALL ; SELECT * { ?s ?p "',
    "枣庄市' } DROP ALL #",
    "> . } DROP ALL",
    "<http://evil.example/> } ; CLEAR ALL",
    "line one\nline two } DROP ALL",
    "\\u0022 } DROP ALL ; #",
    'x\n\\"',  # rdflib's Literal.n3() writes this one as an unterminated long string
    '""" } DROP ALL """',
    "?place",
    "# } DROP ALL",
    "\u2028\u0000\t\r",
]


def test_doctests() -> None:
    for module in (qgraph.sparql, qgraph.query, qgraph.query_page):
        assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


# --------------------------------------------------------------------------- stored queries


def test_header_is_parsed() -> None:
    q = StoredQuery.from_text(
        "# title: Spot checks\n# description: What each check covered,\n#   and the pass rate.\n"
        "# param: place — a place label (default: 枣庄市)\n# param: year -- a year\n\nSELECT ?place ?year {}",
        name="t")
    assert q.title == "Spot checks"
    assert q.description == "What each check covered, and the pass rate."
    assert [(p.name, p.description, p.default) for p in q.params] == [
        ("place", "a place label", "枣庄市"), ("year", "a year", None)]


def test_bind_uses_defaults_and_refuses_unknown_names() -> None:
    q = load_query("figure-over-time")
    assert q.bind() == {"place": ox.Literal("枣庄市")}
    assert q.bind({"measure": "合格率"})["measure"] == ox.Literal("合格率")
    with pytest.raises(QueryError, match="no parameter plce"):
        q.bind({"plce": "枣庄市"})
    adhoc = query_from(None, expression="SELECT ?x WHERE { ?x ?p ?y }")
    assert adhoc.adhoc and adhoc.bind({"y": "a"}) == {"y": ox.Literal("a")}


def test_load_query_by_name_or_path(tmp_path: Path) -> None:
    assert load_query("spot-checks").path == load_query(str(load_query("spot-checks").path)).path
    assert len(list_queries()) == 16
    with pytest.raises(QueryError, match="qgraph queries"):
        load_query("no-such-query")
    with pytest.raises(InputError, match="no such file"):
        load_query(str(tmp_path / "missing.rq"))


def test_param_values_become_terms() -> None:
    assert parse_param_value("枣庄市") == ox.Literal("枣庄市")
    assert parse_param_value("<https://w3id.org/qgraph/id/place/370400>") == ox.NamedNode(
        "https://w3id.org/qgraph/id/place/370400")
    assert parse_param_value("qgid:place/370400") == ox.NamedNode("https://w3id.org/qgraph/id/place/370400")
    assert parse_param_value("http://example.org/x") == ox.Literal("http://example.org/x")
    assert parse_param_value("unknown:thing") == ox.Literal("unknown:thing")
    with pytest.raises(QueryError, match="not a valid IRI"):
        parse_param_value("<http://x/a b>")
    assert parse_param_options(["place=枣庄市", "q=a=b"]) == {"place": "枣庄市", "q": "a=b"}
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_param_options(["place"])


# --------------------------------------------------------------------------- checking


def test_forms_and_refusals() -> None:
    assert check_sparql("ASK { ?s ?p ?o }").form == "ASK"
    assert check_sparql("CONSTRUCT WHERE { ?s ?p ?o }").form == "CONSTRUCT"
    assert check_sparql("DESCRIBE <http://x/>").form == "DESCRIBE"
    with pytest.raises(QueryError, match="INSERT DATA.*--allow-update"):
        check_sparql("INSERT DATA { <http://x/a> <http://x/b> 1 }")
    assert check_sparql("INSERT DATA { <http://x/a> <http://x/b> 1 }", allow_update=True).is_update
    with pytest.raises(QueryError, match="SERVICE is refused"):
        check_sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="SERVICE is refused"):
        check_sparql("PREFIX s: <http://x/>\nsElEcT * { OPTIONAL { service   silent <http://x/> { ?s ?p ?o } } }")
    with pytest.raises(QueryError, match="LOAD is refused"):
        check_sparql("LOAD <http://127.0.0.1:9/data.ttl>", allow_update=True)
    # the keywords inside strings, IRIs and comments are not keywords
    check_sparql('SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" } # LOAD <http://x/>\n')
    check_sparql("SELECT * WHERE { ?s <http://x/SERVICE> ?o }")


def test_syntax_error_shows_line_column_and_text() -> None:
    with pytest.raises(QueryError) as caught:
        check_sparql("SELECT ?s\nWHERE {\n  ?s ?p ?o\n  FILTER(?o = )\n}")
    message = str(caught.value)
    assert "line 4, column" in message and "FILTER(?o = )" in message
    with pytest.raises(QueryError, match="line 1, column 1: near 'SELEC"):
        check_sparql("SELEC ?s WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="empty"):
        check_sparql("  \n")


# --------------------------------------------------------------------------- substitution for endpoints


def test_substitute_places_terms_and_keeps_columns() -> None:
    text = 'SELECT ?name ?x WHERE { ?x rdfs:label ?l . FILTER(STR(?l) = STR(?name)) } # ?name'
    out = substitute(text, {"name": ox.Literal('a" } DROP ALL #', language="zh")})
    assert out == ('SELECT ("a\\" } DROP ALL #"@zh AS ?name) ?x WHERE { ?x rdfs:label ?l . '
                   'FILTER(STR(?l) = STR("a\\" } DROP ALL #"@zh)) } # ?name')
    assert substitute("SELECT * { ?s ?p ?o }", {"o": ox.NamedNode("http://x/o")}) == "SELECT * { ?s ?p <http://x/o> }"
    grouped = substitute("SELECT ?e (COUNT(*) AS ?n) WHERE { ?e ?p ?o } GROUP BY ?e ORDER BY ?e LIMIT 1",
                         {"e": ox.NamedNode("http://x/e")})
    assert grouped == ("SELECT (<http://x/e> AS ?e) (COUNT(*) AS ?n) WHERE { <http://x/e> ?p ?o } "
                       "GROUP BY (<http://x/e>) ORDER BY (<http://x/e>) LIMIT 1")
    with pytest.raises(QueryError, match="assigned by the query"):
        substitute("SELECT ?s WHERE { BIND(1 AS ?v) ?s ?p ?v }", {"v": ox.Literal("x")})
    with pytest.raises(QueryError, match="blank node"):
        substitute("SELECT ?s { ?s ?p ?v }", {"v": ox.BlankNode("b")})


def test_why_rdflib_n3_is_not_used_for_literals() -> None:
    """rdflib's Literal.n3() writes a value holding a newline and ending in backslash + quote as a
    long string that ends too early; the N-Triples form of pyoxigraph is used instead."""
    import rdflib

    value = 'x\n\\"'
    with pytest.raises(SyntaxError):
        ox.Store().query("SELECT ?v WHERE { BIND(" + rdflib.Literal(value).n3() + " AS ?v) }")
    text = substitute("SELECT ?v WHERE { BIND(?w AS ?v) }", {"w": ox.Literal(value)})
    assert [s["v"].value for s in ox.Store().query(text)] == [value]


def test_tokens_know_strings_iris_and_comments() -> None:
    kinds = [k for k, _ in tokens("""SELECT ?x { ?x <http://x/?y> '''?z \\''' ?w''' } # ?c""") if k != "ws"]
    assert kinds == ["word", "var", "punct", "var", "iri", "string", "punct", "comment"]


def _labels_store() -> ox.Store:
    store = ox.Store()
    for i, label in enumerate(["枣庄市", "滕州市", 'a"b']):
        store.add(ox.Quad(ox.NamedNode(f"http://x/{i}"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                          ox.Literal(label, language="zh")))
    return store


_LOOKUP = "SELECT ?x ?name WHERE { ?x rdfs:label ?l FILTER(STR(?l) = STR(?name)) }"
_PREFIXES = {"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}


def _expected(value: str) -> set[str]:
    return {f"http://x/{i}" for i, label in enumerate(["枣庄市", "滕州市", 'a"b']) if label == value}


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.sampled_from(HOSTILE + ["枣庄市", 'a"b']),
                 st.text(alphabet='"\'\\u{}<>#.;\n\r0123456789abcDROPALL ?$@^'), ))
def test_binding_never_changes_the_query(value: str) -> None:
    store = _labels_store()
    # the embedded store: pyoxigraph substitutions (SEP-0007), no text involved
    local = store.query(_LOOKUP, prefixes=_PREFIXES, substitutions={ox.Variable("name"): ox.Literal(value)})
    assert {s["x"].value for s in local} == _expected(value)
    # remote endpoints: the term is written into the text, which is re-lexed and re-parsed
    try:
        text = substitute(_LOOKUP, {"name": ox.Literal(value)})
    except QueryError:
        return  # refusing is fine; changing the query is not
    rows = list(store.query(text, prefixes=_PREFIXES))
    assert {s["x"].value for s in rows} == _expected(value)
    assert all(s["name"] == ox.Literal(value) for s in rows)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_param_value_is_one_term(value: str) -> None:
    try:
        term = parse_param_value(value)
    except QueryError:
        assert (value.startswith("<") and value.endswith(">")) or (value.startswith('"') and "^^" in value)
        return
    if isinstance(term, ox.Literal) and not value.startswith('"'):
        xsd = "http://www.w3.org/2001/XMLSchema#"
        kind = "integer" if re.fullmatch(r"[+-]?\d+", value) else "decimal" if re.fullmatch(r"[+-]?\d*\.\d+", value) else "string"
        assert term.value == value and term.datatype == ox.NamedNode(xsd + kind)


@pytest.mark.parametrize(("value", "term"), [
    ("685", ox.Literal("685", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ("96.2", ox.Literal("96.2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
    ('"枣庄市"@zh', ox.Literal("枣庄市", language="zh")),
    ('"1"^^xsd:decimal', ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
    ('"a \\"b\\""', ox.Literal('a "b"')),
    ("<https://w3id.org/qgraph/def#Municipal>", ox.NamedNode("https://w3id.org/qgraph/def#Municipal")),
    ("qg:Municipal", ox.NamedNode("https://w3id.org/qgraph/def#Municipal")),
    ("枣庄市", ox.Literal("枣庄市")),
])
def test_param_values_are_written_as_in_turtle(value: str, term: object) -> None:
    assert parse_param_value(value) == term


def test_params_bind_typed_and_tagged_values_even_when_not_projected(mini_graph: Path) -> None:
    found = run_query(mini_graph, 'SELECT ?x WHERE { ?x rdfs:label ?name }',
                      params={"name": '"枣庄市"@zh'}).values()
    assert found and all(r["x"].startswith("https://w3id.org/qgraph/") for r in found)
    assert run_query(mini_graph, "SELECT ?x WHERE { ?x rdfs:label ?name }", params={"name": "枣庄市"}).values() == []
    typed = run_query(mini_graph, "SELECT (COUNT(*) AS ?n) WHERE { ?o qg:value ?v }", params={"v": "470"}).values()
    assert typed == [{"n": "1"}]


# --------------------------------------------------------------------------- running on the embedded store


def test_select_ask_construct_describe(mini_graph: Path) -> None:
    rows = run_query(mini_graph, "SELECT ?t WHERE { ?p a qg:Policy ; dcterms:title ?t } ORDER BY ?t").values()
    assert len(rows) == 4 and rows[0]["t"] == "全市2025年深入推进小微企业质量管理体系认证提升行动方案"
    assert run_query(mini_graph, "ASK { ?s foaf:name '李震'@zh }").boolean is True
    assert run_query(mini_graph, "ASK { ?s foaf:name '李四'@zh }").boolean is False
    built = run_query(mini_graph, "CONSTRUCT { ?p qg:label ?t } WHERE { ?p a qg:Policy ; dcterms:title ?t }")
    assert built.form == "CONSTRUCT" and len(built.triples) == 4
    described = run_query(mini_graph, "DESCRIBE qgperson:li-zhen")
    assert any(t.predicate.value.endswith("#holds") for t in described.triples)
    escaped = run_query(mini_graph, "DESCRIBE qgid:person\\/li-zhen")  # the old spelling still works
    assert set(escaped.triples) == set(described.triples)


def test_user_prefix_wins_over_the_predeclared_one(mini_graph: Path) -> None:
    assert run_query(mini_graph, "SELECT ?p WHERE { ?p a qg:Policy }").rows
    assert not run_query(mini_graph, "PREFIX qg: <http://example.org/other#>\nSELECT ?p WHERE { ?p a qg:Policy }").rows


def test_hostile_values_bind_as_literals(mini_graph: Path) -> None:
    q = load_query("spot-checks")
    for value in HOSTILE:
        result = run_query(mini_graph, q.text, params=q.bind({"place": value}))
        assert result.rows == ()
    assert len(run_query(mini_graph, q.text, params=q.bind({"place": "枣庄市"})).rows) == 2


def test_parameters_bind_in_any_form_locally(mini_graph: Path) -> None:
    assert run_query(mini_graph, "ASK { ?s rdfs:label ?l }", params={"l": '"枣庄市"@zh'}).boolean is True
    assert run_query(mini_graph, "ASK { ?s rdfs:label ?l }", params={"l": "枣庄市"}).boolean is False
    place = run_query(mini_graph, "SELECT ?s WHERE { ?s rdfs:label '枣庄市'@zh } LIMIT 1").rows[0][0]
    described = run_query(mini_graph, "DESCRIBE ?s", params={"s": place})
    assert described.triples
    with pytest.raises(QueryError, match="assigned by the query"):
        run_query(mini_graph, "SELECT ?l WHERE { BIND('x' AS ?l) }", params={"l": "枣庄市"})


def test_updates_need_permission_and_a_store(mini_graph: Path, tmp_path: Path) -> None:
    insert = "INSERT DATA { qgid:x rdfs:label 'new' }"
    with pytest.raises(QueryError, match="--allow-update"):
        run_query(mini_graph, insert)
    with pytest.raises(QueryError, match="store directory"):
        run_query(mini_graph, insert, allow_update=True)
    store_dir = tmp_path / "store"
    store = ox.Store(str(store_dir))
    store.load(path=str(mini_graph), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    ask = "ASK { qgid:x rdfs:label 'new' }"
    assert run_query(store_dir, ask).boolean is False
    assert run_query(store_dir, insert, allow_update=True).form == "UPDATE"
    assert run_query(store_dir, ask).boolean is True


def test_service_is_refused_before_anything_runs(mini_graph: Path) -> None:
    with pytest.raises(QueryError, match="SERVICE is refused"):
        run_query(mini_graph, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


def test_a_runaway_query_is_stopped(mini_graph: Path) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryError, match="longer than 1 s and was stopped"):
        run_query(mini_graph, runaway, timeout=1)


def test_missing_graph_and_bad_endpoint(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        run_query(tmp_path / "nothing.nq", "ASK {}")
    with pytest.raises(QueryError, match="not an http"):
        run_query(None, "ASK {}", endpoint="file:///etc/passwd")


# --------------------------------------------------------------------------- a remote endpoint


def _serve_mini(server, mini_graph: Path) -> None:  # type: ignore[no-untyped-def]
    """Put the union of the fixture into the server's default graph (no union-default-graph flag needed)."""
    store = ox.Store()
    store.load(path=str(mini_graph), format=ox.RdfFormat.N_QUADS)
    triples = {q.triple for q in store}
    data = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
    req = urllib.request.Request(f"{server.store_url}?default", data=data, method="PUT",
                                 headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(req, timeout=30).close()


def _normal(result: qgraph.query.QueryResult) -> list[tuple[object, ...]]:
    """Rows with GROUP_CONCAT lists sorted (engines concatenate in any order)."""
    return sorted((tuple(None if t is None else tuple(sorted(t.value.split("、"))) for t in row) for row in result.rows),
                  key=str)


@pytest.mark.server
def test_stored_queries_give_the_same_answers_remotely(oxigraph_server, mini_graph: Path) -> None:  # type: ignore[no-untyped-def]
    _serve_mini(oxigraph_server, mini_graph)
    for name, params in [("spot-checks", {"place": "枣庄市"}), ("chain-projects", {}),
                         ("figure-over-time", {"measure": "合格率"}), ("speakers", {"organization": "qgorg:zaozhuang-shi-shichang-jiandu-guanli-ju"}),
                         ("describe-entity", {"entity": "李震"})]:
        q = load_query(name)
        local = run_query(mini_graph, q.text, params=q.bind(params))
        remote = run_query(None, q.text, params=q.bind(params), endpoint=oxigraph_server.query_url)
        assert remote.variables == local.variables
        assert _normal(remote) == _normal(local), name
    built = run_query(None, "CONSTRUCT WHERE { ?p a qg:Policy }", endpoint=oxigraph_server.query_url)
    assert len(built.triples) == 4


@pytest.mark.server
def test_hostile_values_cannot_change_a_remote_query(oxigraph_server, mini_graph: Path) -> None:  # type: ignore[no-untyped-def]
    _serve_mini(oxigraph_server, mini_graph)
    before = run_query(None, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint=oxigraph_server.query_url).values()
    q = load_query("statistics")
    for value in HOSTILE:
        try:
            result = run_query(None, q.text, params=q.bind({"measure": value}), endpoint=oxigraph_server.query_url)
        except QueryError as exc:
            assert "structure of the query" in str(exc)
            continue
        assert result.rows == ()
    update_url = f"{oxigraph_server.base}/update"
    with pytest.raises(QueryError, match="--allow-update"):
        run_query(None, "DROP ALL", endpoint=update_url)
    after = run_query(None, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint=oxigraph_server.query_url).values()
    assert after == before
    run_query(None, "INSERT DATA { qgid:x rdfs:label 'new' }", endpoint=update_url, allow_update=True)
    assert run_query(None, "ASK { qgid:x rdfs:label 'new' }", endpoint=oxigraph_server.query_url).boolean is True
    person = explain(None, "李震", endpoint=oxigraph_server.query_url)
    assert person.iri == ox.NamedNode("https://w3id.org/qgraph/id/person/li-zhen") and len(person.facts) == 3
    with pytest.raises(QueryError, match="endpoint answered 4"):
        run_query(None, "SELECT * WHERE { ?s ?p ?o }", endpoint=f"{oxigraph_server.base}/nowhere")


# --------------------------------------------------------------------------- the CLI


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_cli_lists_the_stored_queries() -> None:
    result = invoke("queries")
    assert result.exit_code == 0
    for q in list_queries():
        assert q.name in result.output and q.title in result.output
    assert "place=枣庄市, measure" in result.output


def test_cli_runs_a_stored_query_with_parameters(mini_graph: Path) -> None:
    result = invoke("query", "spot-checks", "-g", str(mini_graph), "--param", "place=枣庄市")
    assert result.exit_code == 0, result.output
    assert "685" in result.output and "96.2" in result.output and "(2 rows)" in result.output
    as_json = json.loads(invoke("query", "spot-checks", "-g", str(mini_graph), "-f", "json").output)
    assert {b["batches"]["value"] for b in as_json["results"]["bindings"]} == {"685", "600"}


def test_cli_ad_hoc_queries_from_expression_file_and_stdin(mini_graph: Path, tmp_path: Path) -> None:
    text = "SELECT ?t WHERE { ?p a qg:Policy ; dcterms:title ?t } ORDER BY ?t"
    by_expression = invoke("query", "-g", str(mini_graph), "-e", text, "-f", "csv")
    (tmp_path / "my.rq").write_text(text, encoding="utf-8")
    by_file = invoke("query", str(tmp_path / "my.rq"), "-g", str(mini_graph), "-f", "csv")
    by_stdin = invoke("query", "-", "-g", str(mini_graph), "-f", "csv", stdin=text)
    assert by_expression.output == by_file.output == by_stdin.output
    assert by_expression.output.splitlines()[:2] == ["t", "全市2025年深入推进小微企业质量管理体系认证提升行动方案"]
    graph = invoke("query", "-g", str(mini_graph), "-e", "CONSTRUCT WHERE { ?p a qg:Policy }", "-f", "nt")
    assert graph.exit_code == 0 and graph.output.count(" .\n") == 4


def test_cli_limit_and_the_default_page_of_a_table(mini_graph: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    every = invoke("query", "spot-checks", "-g", str(mini_graph))
    assert every.exit_code == 0 and "(2 rows)" in every.output and "--limit" not in every.output
    one = invoke("query", "spot-checks", "-g", str(mini_graph), "--limit", "1", "-f", "csv")
    assert one.exit_code == 0 and len(one.output.splitlines()) == 2  # the header and one row
    monkeypatch.setattr(qgraph.query_page, "DEFAULT_LIMIT", 1)
    paged = invoke("query", "spot-checks", "-g", str(mini_graph))  # no parameter: a table shows a page
    assert paged.exit_code == 0 and "(1 row" in paged.output and "--limit 0 shows all" in paged.output
    for complete in (("--limit", "0"), ("-f", "csv"), ("--param", "place=枣庄市")):
        result = invoke("query", "spot-checks", "-g", str(mini_graph), *complete)
        assert result.exit_code == 0 and "--limit 0 shows all" not in result.output
        assert "685" in result.output and "600" in result.output, complete
    assert qgraph.query.limited("DROP ALL", 1) == "DROP ALL"
    with pytest.raises(QueryError, match="0 or more"):
        qgraph.query.limited("SELECT * {}", -1)


def test_cli_errors_are_one_clear_message(mini_graph: Path) -> None:
    bad = invoke("query", "-g", str(mini_graph), "-e", "SELECT ?s WHERE {\n  ?s ?p\n}")
    assert bad.exit_code == 2 and "line 2, column 3" in bad.output and "?s ?p" in bad.output and "Traceback" not in bad.output
    update = invoke("query", "-g", str(mini_graph), "-e", "DROP ALL")
    assert update.exit_code == 2 and "--allow-update" in update.output
    wrong = invoke("query", "-g", str(mini_graph), "-e", "CONSTRUCT WHERE { ?s ?p ?o }", "-f", "csv")
    assert wrong.exit_code == 2 and "cannot be written as csv" in wrong.output
    slow = invoke("query", "-g", str(mini_graph), "--timeout", "0.5",
                  "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    assert slow.exit_code == 2 and "was stopped" in slow.output
    missing = invoke("query", "spot-checks", "-g", str(mini_graph.parent / "nothing.nq"))
    assert missing.exit_code == 2 and "nothing.nq" in missing.output


# --------------------------------------------------------------------------- the query path stays light


def test_sparql_prefixes_are_the_vocabulary_prefixes() -> None:
    from qgraph.sparql_prefixes import SPARQL_PREFIXES
    from qgraph.vocab import PREFIXES

    assert list(SPARQL_PREFIXES.items()) == [(p, str(ns)) for p, ns in PREFIXES.items()]


def test_a_query_from_the_command_line_never_imports_rdflib(mini_graph: Path, tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))  # a store, as a build writes (an RDF file is read with rdflib)
    store.bulk_load(path=str(mini_graph), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    code = ("import sys\nfrom qgraph.cli import main\n"
            "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
            "assert 'rdflib' not in sys.modules, 'rdflib was imported'\n")
    for extra in ([], ["--timeout", "0"], ["-f", "json"]):
        done = subprocess.run([sys.executable, "-c", code, "query", "spot-checks", "-g", str(tmp_path / "store"), *extra],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "96.2" in done.stdout


def test_checks_read_keywords_after_escapes_and_allow_lateral() -> None:
    for hidden in ("SERVIC\\u0045", "\\u0053ERVICE"):  # refused, as a keyword or as a syntax error
        with pytest.raises(QueryError, match="SERVICE is refused|syntax error"):
            check_sparql(f"SELECT * WHERE {{ {hidden} <http://127.0.0.1:9/sparql> {{ ?s ?p ?o }} }}")
    assert check_sparql("SELECT * WHERE { VALUES ?x { 1 } LATERAL { BIND(?x + 1 AS ?y) } }").form == "SELECT"
    with pytest.raises(QueryError, match="line 1, column"):
        check_sparql("SELECT * WHERE { VALUES ?x { 1 } LATERAL { BIND(?x + AS ?y) } }")
    assert check_sparql("PREFIX ex: <http://x/>\nSELECT * { ?s ex:p ?o }").declared_prefixes == frozenset({"ex"})
