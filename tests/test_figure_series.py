"""The derived figure series (``qg:FigureSeries``, ``qg:series``): one per measure, place and level
of the figures, written by the build so that ``queries/figure-over-time.rq`` reads a figure's earlier
values from its series instead of every figure of its place. They must be the figures grouped (each
figure with a place in exactly the series of its measure, place and level; none without a place),
the same bytes from build to build, and right after incremental builds (documents added and removed)."""

from __future__ import annotations

import dataclasses
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

# each figure with a place, keyed by its own measure, place and level
_FROM_FIGURES = """
SELECT ?obs ?m ?a ?lv WHERE { ?obs qg:measure ?m ; sdmx-dimension:refArea ?a . OPTIONAL { ?obs qg:level ?lv } }"""

# each figure of a series, keyed by the series' measure, place and level
_FROM_SERIES = """
SELECT ?obs ?m ?a ?lv ?s WHERE {
  ?obs qg:series ?s . ?s a qg:FigureSeries ; qg:seriesMeasure ?m ; qg:seriesPlace ?a . OPTIONAL { ?s qg:seriesLevel ?lv } }"""


def _rows(store: ox.Store, text: str) -> set[tuple[str, ...]]:
    return {tuple(row[v].value if row[v] is not None else "" for v in ("obs", "m", "a", "lv"))
            for row in store.query(text, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True)}


def _check(out: Path) -> set[tuple[str, ...]]:
    store = ox.Store.read_only(str(out / "current" / "store"))
    try:
        figures = _rows(store, _FROM_FIGURES)
        assert figures and _rows(store, _FROM_SERIES) == figures  # every figure with a place, in its own series
        one = "SELECT ?obs WHERE { ?obs qg:series ?s1, ?s2 FILTER(?s1 != ?s2) } LIMIT 1"
        assert not list(store.query(one, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True))
        unplaced = "ASK { ?obs qg:series ?s FILTER NOT EXISTS { ?obs sdmx-dimension:refArea ?a } }"
        assert not store.query(unplaced, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True)
        counts = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a qg:FigureSeries }"
        [row] = list(store.query(counts, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True))
        assert int(row["n"].value) == len({f[1:] for f in figures})  # one node per (measure, place, level)
        return figures
    finally:
        del store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("series-corpus")
    return [SAMPLE, *sorted(write_corpus(9, root / "docs", seed=11))]


def test_one_document_writes_its_series_in_the_shared_graph_and_links_in_its_own() -> None:
    lex = load_lexicon()
    ex = extract(read_document(SAMPLE), lex)
    first = ex.observations[0]
    assert first.place
    ex = dataclasses.replace(ex, observations=(dataclasses.replace(first, place=None), *ex.observations[1:]))
    shard = map_document(ex, lex)  # the first figure without a place: no series
    nodes = [line for line in shard.shared if "/id/figure-series/" in line.split(" ", 1)[0]]
    links = [line for line in shard.lines if "#series>" in line]
    placed = {line.split(" ", 1)[0] for line in shard.lines if "dimension#refArea>" in line}
    figures = {line.split(" ", 1)[0] for line in shard.lines if "#measure>" in line}
    assert nodes and not [line for line in shard.lines if line.startswith("<https://w3id.org/qgraph/id/figure-series/")]
    assert {line.split(" ", 1)[0] for line in links} == placed and placed < figures  # not the figures without a place
    described = {line.split(" ", 1)[0] for line in nodes}
    assert {line.split()[2] for line in links} == described
    assert sum("#seriesPlace>" in line for line in nodes) == sum("#seriesMeasure>" in line for line in nodes) == len(described)
    assert not [line for line in links if line.startswith(f"<https://w3id.org/qgraph/id/doc/{ex.document.doc_id}/obs/1> ")]
    again = map_document(ex, lex)  # a function of the document
    assert again.shared == shard.shared and again.lines == shard.lines


def test_series_are_the_figures_grouped(corpus: list[Path], tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in corpus:
        shutil.copy(f, docs / f.name)
    figures = _check(_build(docs, tmp_path / "out"))
    series = {f[1:] for f in figures}
    assert len({a for _, a, _ in series}) >= 2 and len(series) < len(figures)  # several places; some series of several figures


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
    assert first < added
    (docs / SAMPLE.name).unlink()                               # the sample removed: its series go unless another has figures in them
    assert build([docs], out, formats=("nq",), jobs=1).rebuild is None
    removed = _check(out)
    assert not {f for f in removed if "/doc/zaozhuang-quality-2025-09-19/" in f[0]}
    full = tmp_path / "full"
    _build(docs, full, incremental=False)
    assert removed == _check(full)
    assert (out / "current" / "graph.nq").read_bytes() == (full / "current" / "graph.nq").read_bytes()


def _build(docs: Path, out: Path, **kw: object) -> Path:
    build([docs], out, formats=("nq",), jobs=1, **kw)  # type: ignore[arg-type]
    return out
