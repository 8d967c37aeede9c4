"""The stored queries give the same answers as their earlier texts, on a multi-document build.

The queries were rewritten to take their parameter first and to de-duplicate descriptions that
many documents repeat (docs/querying.md, "How the stored queries are written"); the earlier texts
are kept in ``queries/sparql11/``. Both run on one build of generated reports plus
the sample and a second Zaozhuang report (so that figures have earlier values), with each
query's typical parameters, and must give the same rows. GROUP_CONCAT lists are compared as
sets: their order was never specified.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import write_corpus  # noqa: E402

from qgraph.query import default_source, list_queries, load_query, run_query  # noqa: E402

BEFORE = ROOT / "queries" / "sparql11"
LISTS = {"categories", "chains", "issuedBy", "citedIn", "posts", "spokeAt", "work", "recipients", "named",
         "industry", "factType"}

AMBIGUOUS = {"describe-entity": {"document"}}
"""Columns that are a SAMPLE over several equally right values in both texts: the same sentence
quoted by two reports has either report's title."""

PARAMS: dict[str, list[dict[str, str]]] = {
    "chain-projects": [{}, {"place": "枣庄市"}, {"place": "qgplace:370400"}],
    "construction-checks": [{}, {"place": "枣庄市"}],
    "describe-entity": [{}, {"entity": "李震"}, {"entity": "<https://w3id.org/qgraph/id/place/370400>"}],
    "enforcement": [{}, {"place": "枣庄市"}],
    "facilities": [{}, {"place": "枣庄市"}, {"place": "山东省"}],
    "figure-over-time": [{}, {"place": ""}, {"measure": "合格率"}, {"place": "", "measure": "合格率"},
                         {"minConfidence": "0.8"}],
    "honours": [{}, {"programme": "泰山品质"}],
    "innovation-centres": [{}, {"place": "枣庄市"}],
    "inspection-clients": [{}, {"centre": "国家机床质检中心"}],
    "policies": [{}, {"type": "纲要"}, {"type": "qg:Standard"}],
    "selections": [{}],
    "speakers": [{}, {"organization": "枣庄市市场监督管理局"}],
    "spot-checks": [{}, {"place": "枣庄市"}, {"minConfidence": "0.8"}],
    "statistics": [{}, {"place": "枣庄市"}, {"measure": "合格率"}, {"place": "qgplace:370400", "measure": "抽查"}],
    "trademarks-gi": [{}],
}


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from qgraph.pipeline import build

    root = tmp_path_factory.mktemp("rewrite")
    write_corpus(10, root / "generated", seed=11)
    out = root / "out"
    build([root / "generated", ROOT / "data" / "corpus", ROOT / "tests" / "fixtures" / "two-reports"], out,
          formats=("nq",), validate=False, jobs=1, use_cache=False)
    return default_source(out)


def _rows(source: Path, text: str, query_name: str, params: dict[str, str]) -> set[tuple[object, ...]]:
    query = load_query(query_name)
    result = run_query(source, text, params=query.bind(params), timeout=None)
    rows = set()
    for row in result.dicts():
        rows.add(tuple(sorted((name, frozenset(re.split(r"、|; | \| |, ", t.value)) if name in LISTS else str(t))
                              for name, t in row.items() if name not in AMBIGUOUS.get(query_name, ()))))
    return rows


NEW = {"web-annotations"}
"""Queries written after the rewrite: they have no earlier text."""


def test_every_stored_query_has_its_earlier_text() -> None:
    assert {q.name for q in list_queries()} - NEW == {p.stem for p in BEFORE.glob("*.rq")} == set(PARAMS)


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_rewritten_query_gives_the_same_rows(corpus_build: Path, name: str) -> None:
    new_text = load_query(name).text
    old_text = (BEFORE / f"{name}.rq").read_text(encoding="utf-8")
    assert new_text != old_text
    answered = 0
    for params in PARAMS[name]:
        new, old = _rows(corpus_build, new_text, name, params), _rows(corpus_build, old_text, name, params)
        assert new == old, f"{name} {params}: {len(new)} rows now, {len(old)} before"
        answered += bool(new)
    assert answered, f"{name}: no parameters gave any row; the comparison proves nothing"


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_a_page_is_a_part_of_the_rows(corpus_build: Path, name: str) -> None:
    """``limited`` (``qgraph query --limit N``, and a table without parameters) gives at most N rows,
    each one of the query's own rows: the page mark cuts the facts, never what is said of them."""
    from qgraph.query import limited

    query = load_query(name)
    assert "# page" in query.text or name == "describe-entity", f"{name}: no '# page' mark after its first stage"
    for params in PARAMS[name]:
        every = _rows(corpus_build, query.text, name, params)
        unbound = not query.bind(params)  # the page mark is used only then (a filter may follow it)
        for n in (1, 4):
            page = _rows(corpus_build, limited(query.text, n, page=unbound), name, params)
            assert len(page) <= n and page <= every, f"{name} {params} --limit {n}: rows not among the query's own"
            assert bool(page) == bool(every), f"{name} {params} --limit {n}: an empty page of a query with rows"


def test_endpoints_get_the_plain_sparql_1_1_text() -> None:
    """rdflib's parser knows SPARQL 1.1 only: it refuses LATERAL, and reads every portable text."""
    from rdflib.plugins.sparql import prepareQuery

    from qgraph.query import portable
    from qgraph.vocab import PREFIXES

    ns = {prefix: str(iri) for prefix, iri in PREFIXES.items()}
    lateral = 0
    for stored in list_queries():
        plain = portable(stored)
        assert plain.name == stored.name and [p.name for p in plain.params] == [p.name for p in stored.params]
        assert "LATERAL" not in plain.text.upper()
        prepareQuery(plain.text, initNs=ns)
        lateral += "LATERAL" in stored.text.upper()
    assert lateral, "no stored query uses LATERAL any more: queries/sparql11/ can go"


def test_a_stored_query_on_an_endpoint_answers_as_on_the_store(sample_build: Path, oxigraph_server) -> None:
    from click.testing import CliRunner

    from qgraph.cli import main

    runner = CliRunner()
    loaded = runner.invoke(main, ["load", "--build", str(sample_build), "--endpoint", oxigraph_server.store_url])
    assert loaded.exit_code == 0, loaded.output
    endpoint = f"{oxigraph_server.query_url}?union-default-graph"
    for name, params in (("spot-checks", ["--param", "place=枣庄市"]), ("policies", [])):
        remote = runner.invoke(main, ["query", name, *params, "--endpoint", endpoint, "-f", "csv"])
        local = runner.invoke(main, ["query", name, *params, "--build", str(sample_build), "-f", "csv"])
        assert remote.exit_code == local.exit_code == 0, remote.output + local.output
        assert sorted(remote.output.splitlines()[1:]) == sorted(local.output.splitlines()[1:]) != []
