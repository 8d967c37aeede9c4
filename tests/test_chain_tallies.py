"""The derived chain-project tallies (``qg:ChainProjectTally``): one per place and level of the
chain projects and chain-project figures, written by the build so that ``queries/chain-projects.rq``
need not group the corpus. They must be what the projects and figures say (derived correctly), the
same bytes from build to build, and right after incremental builds (documents added and removed)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from qgraph.extract import extract
from qgraph.lexicon import load_lexicon
from qgraph.mapping import map_document
from qgraph.pipeline import build
from qgraph.sources import read_document
from qgraph.sparql_prefixes import SPARQL_PREFIXES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import write_corpus  # noqa: E402

SAMPLE = ROOT / "data" / "corpus" / "zaozhuang-quality-2025-09-19.txt"

_FROM_FACTS = """
SELECT DISTINCT ?a ?lv ?project ?v WHERE {
  { ?project a qg:ChainProject ; qg:level ?lv . OPTIONAL { ?project qg:place ?a } }
  UNION
  { ?o qg:measure ?m ; qg:level ?lv ; qg:value ?v . ?m skos:prefLabel|rdfs:label ?ml
    FILTER(CONTAINS(STR(?ml), "产业链项目")) OPTIONAL { ?o sdmx-dimension:refArea ?a } }
}"""

_FROM_TALLIES = """
SELECT DISTINCT ?t ?a ?lv ?project ?v WHERE {
  ?t a qg:ChainProjectTally ; qg:tallyLevel ?lv .
  OPTIONAL { ?t qg:tallyPlace ?a }
  { BIND(0 AS ?none) } UNION { ?t qg:tallyProject ?project } UNION { ?t qg:tallyStated ?v }
}"""


def _groups(store: ox.Store, text: str) -> dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]]:
    """(place or "", level) → (chain projects, stated values) — the projects and values of a place only."""
    out: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for row in store.query(text, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True):
        a = row["a"].value if row["a"] is not None else ""
        projects, values = out.setdefault((a, row["lv"].value), (set(), set()))
        if a and row["project"] is not None:
            projects.add(row["project"].value)
        if a and row["v"] is not None:
            values.add(str(row["v"]))
    return {k: (frozenset(p), frozenset(v)) for k, (p, v) in out.items()}


def _check(out: Path) -> dict[tuple[str, str], tuple[frozenset[str], frozenset[str]]]:
    store = ox.Store.read_only(str(out / "current" / "store"))
    try:
        expected = _groups(store, _FROM_FACTS)
        assert _groups(store, _FROM_TALLIES) == expected
        nodes = [r["n"].value for r in store.query(
            "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a qg:ChainProjectTally }", prefixes=SPARQL_PREFIXES,
            use_default_graph_as_union=True)]
        assert int(nodes[0]) == len(expected)  # one node per (place, level)
        return expected
    finally:
        del store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("tally-corpus")
    return [SAMPLE, *sorted(write_corpus(9, root / "docs", seed=11))]


def test_one_document_writes_its_pairs_in_the_shared_graph() -> None:
    lex = load_lexicon()
    shard = map_document(extract(read_document(SAMPLE), lex), lex)
    tally = [line for line in shard.shared if "/id/chain-tally/" in line.split(" ", 1)[0]]
    assert tally and not [line for line in shard.lines if "chain-tally" in line]
    levels = {line.split()[2] for line in tally if "#tallyLevel>" in line}
    assert levels == {f"<https://w3id.org/qgraph/def#{lv}>" for lv in ("National", "Provincial", "Municipal")}
    stated = sorted(line.split()[2] for line in tally if "#tallyStated>" in line)
    assert stated == sorted(f'"{n}"^^<http://www.w3.org/2001/XMLSchema#integer>' for n in (1, 2, 10))
    assert sum("#tallyProject>" in line for line in tally) == 5          # 1 + 2 named + 2 named
    again = map_document(extract(read_document(SAMPLE), lex), lex)      # a function of the document
    assert again.shared == shard.shared


def test_tallies_are_the_projects_and_figures_grouped(corpus: list[Path], tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in corpus:
        shutil.copy(f, docs / f.name)
    groups = _check(_build(docs, tmp_path / "out"))
    assert len({a for a, _ in groups if a}) >= 2 and any(p and v for p, v in groups.values())


def test_incremental_builds_keep_them_right(corpus: list[Path], tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in corpus[:7]:
        shutil.copy(f, docs / f.name)
    out = tmp_path / "out"
    first = _check(_build(docs, out))
    for f in corpus[7:]:                                        # documents added
        shutil.copy(f, docs / f.name)
    report = build([docs], out, formats=("nq",), jobs=1)
    assert report.rebuild is None and "store checkpoint" in dict(report.timings)  # it was incremental
    added = _check(out)
    assert set(first) <= set(added)
    (docs / SAMPLE.name).unlink()                               # the sample removed: its pairs go unless another says them
    assert build([docs], out, formats=("nq",), jobs=1).rebuild is None
    removed = _check(out)
    full = tmp_path / "full"
    _build(docs, full, incremental=False)
    assert removed == _check(full)
    assert (out / "current" / "graph.nq").read_bytes() == (full / "current" / "graph.nq").read_bytes()
    assert removed != added


def _build(docs: Path, out: Path, **kw: object) -> Path:
    build([docs], out, formats=("nq",), jobs=1, **kw)  # type: ignore[arg-type]
    return out
