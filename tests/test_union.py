"""The streamed union (qgraph.union): shards concatenated, the union sorted on disk, writers fed
one triple at a time — the same bytes as serialising the whole graph in memory."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from qgraph import catalog, rdfio, union
from qgraph.pipeline import build
from qgraph.rdfwrite import _union, write_triples

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import write_corpus  # noqa: E402

ALL = ("ttl", "jsonld", "nq", "trig", "nt")


@pytest.fixture(scope="module")
def built_report(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("union")
    write_corpus(6, base / "docs", seed=11)
    out = base / "out"
    report = build([ROOT / "data" / "corpus", base / "docs"], out, formats=ALL, jobs=2, use_cache=False)
    assert report.documents == 7 and report.conforms, report.validation
    return out, report


@pytest.fixture(scope="module")
def built(built_report) -> Path:
    return built_report[0]


def test_the_reports_counts_are_the_graphs(built_report) -> None:
    """Triples and classes come from the shards' counts and the shared graph, not from a graph in
    memory: they must be what the store holds (each node of a class once, across graphs)."""
    import pyoxigraph as ox

    out, report = built_report
    store = ox.Store()
    store.load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    onto = "<https://w3id.org/qgraph/def>"
    n = int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {onto}) }}")))["n"].value)
    assert report.triples == n
    rows = store.query(f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) {{ GRAPH ?g {{ ?s a ?c }} FILTER(?g != {onto}) }} GROUP BY ?c")
    counted = {r["c"].value: int(r["n"].value) for r in rows}
    from qgraph.vocab import PREFIXES

    expand = {f"{p}:": str(ns) for p, ns in PREFIXES.items()}
    got = {next(ns + c.split(":", 1)[1] for p, ns in expand.items() if c.startswith(p)): k for c, k in report.classes}
    assert got == counted


def test_every_export_is_the_in_memory_serialisation_of_the_quads(built: Path) -> None:
    quads = rdfio.read_nquads(built / "graph.nq")
    rows = rdfio.sorted_rows(quads)
    assert (built / "graph.nq").read_bytes() == rdfio.serialize_rows(rows, "nq")
    for fmt in ALL:
        assert (built / f"graph.{fmt}").read_bytes() == rdfio.serialize_rows(rows, fmt), fmt


def test_external_sort_with_tiny_runs_gives_the_in_memory_order(built: Path, tmp_path: Path) -> None:
    rows = list(union.read_rows(built / "graph.nq"))
    expected = [(s, p, o) for _, s, p, o in _union(rows)]
    got = list(union.sorted_triples(iter(rows), tmp_path, run=97))  # hundreds of runs on disk
    assert got == expected
    assert len(got) < len(rows)                                     # places repeat across graphs
    assert not list(tmp_path.iterdir())                             # run files removed


def test_streamed_counts_are_the_counts_of_the_graph(built: Path, tmp_path: Path) -> None:
    rows = rdfio.sorted_rows(rdfio.read_nquads(built / "graph.nq"))
    streamed = catalog.Stats()
    for s, p, o in union.sorted_triples(iter(rows), tmp_path):
        streamed.add(s, p, o)
    whole = catalog.Stats.of_rows(rows)
    assert (streamed.triples, streamed.subjects, streamed.predicates, streamed.classes, sorted(streamed.documents)) == (
        whole.triples, whole.subjects, whole.predicates, whole.classes, sorted(whole.documents))


def test_a_build_with_tiny_runs_is_the_same_bytes(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(union, "RUN", 50)
    monkeypatch.setattr(union.sorted_triples, "__kwdefaults__", {"run": 50})
    out = tmp_path / "out"
    build([ROOT / "data" / "corpus", built.parent / "docs"], out, formats=ALL, jobs=1, use_cache=False)
    for name in [f"graph.{f}" for f in ALL] + ["void.ttl"]:
        assert (out / name).read_bytes() == (built / name).read_bytes(), name


def test_writers_take_an_iterator() -> None:
    triples = iter([("<http://a/s>", "<http://a/p>", '"x"@zh'), ("<http://a/s>", "<http://a/q>", "<http://a/o>")])
    text = "".join(write_triples(triples, "nt"))
    assert text == '<http://a/s> <http://a/p> "x"@zh .\n<http://a/s> <http://a/q> <http://a/o> .\n'
    with pytest.raises(ValueError, match="not a format of triples"):
        write_triples(iter(()), "nq")


def test_bulk_load_by_blocks_loads_every_quad(built: Path, tmp_path: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(tmp_path / "store"))
    size = (built / "graph.nq").stat().st_size
    union.bulk_load(store, built / "graph.nq", block=size // 3 + 7)  # blocks end mid-line: lines are carried over
    expected = ox.Store()
    expected.load(path=str(built / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(expected) > 1000 and set(store) == set(expected)


def _counts(stats: catalog.Stats) -> tuple:
    return stats.triples, stats.subjects, stats.predicates, stats.classes, sorted(stats.documents)


def test_counts_taken_as_graphs_are_written_are_the_sorted_union_counts(tmp_path: Path) -> None:
    """catalog.PartCounts (VoID counted while graph.nq is written, not read again): subjects shared by
    document graphs only (counted again from their files), by a graph in memory given after them,
    a graph given twice, a statement repeated in its graph."""
    t, doc = f"<{catalog.RDF.type}>", catalog._SOURCE_DOCUMENT
    graphs = {
        "g1": [("<a>", t, "<C>"), ("<a>", "<p>", '"x"'), ("<d1>", t, doc), ("<e>", "<p>", "<a>")],
        "g2": [("<a>", t, "<C>"), ("<a>", "<q>", '"y"'), ("<b>", t, "<C>"), ("<b>", t, "<C>"), ("<h>", "<p>", '"1"')],
        "g3": [("<d1>", t, doc), ("<d3>", t, doc), ("_:n", "<r>", '"z"'), ("<h>", "<p>", '"1"')],
        "g1 again": [("<e>", "<p>", "<a>"), ("<f>", "<p>", "<a>")],
    }
    shared = [("<b>", t, "<C>"), ("<k>", t, "<C>"), ("<e>", "<p>", "<a>")]
    rows = [(f"<{g.split()[0]}>", *spo) for g, spos in graphs.items() for spo in spos]
    rows += [("<shared>", *spo) for spo in shared]
    expected = _counts(catalog.Stats.of_rows(rows))

    def lines(g: str, spos: list) -> list[str]:
        return [f"{s} {p} {o} <{g.split()[0]}> ." for s, p, o in spos]

    for memory_first in (True, False):
        counts = catalog.PartCounts(tmp_path)
        memory = tuple(lines("shared", shared))
        if memory_first:
            counts.part(memory, memory)
        for g, spos in graphs.items():
            path = tmp_path / f"{g}.nq"
            path.write_text("".join(f"{line}\n" for line in lines(g, spos)), encoding="utf-8")
            counts.part(lines(g, spos), str(path))
        if not memory_first:
            counts.part(memory, memory)
        got = counts.stats()
        assert _counts(got) == expected
        assert not list(tmp_path.glob(".void-*"))


def test_an_nq_build_counts_void_without_sorting(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build([ROOT / "data" / "corpus", ROOT / "data" / "eval"], out, formats=("nq",), jobs=2)
    stages = dict(report.timings)
    assert "void counts" in stages and "sort" not in stages
    quads = out / "graph.nq"
    expected = catalog.void_turtle(b"", distributions={"graph.nq": quads.stat().st_size},
                                   rows=rdfio.sorted_rows(rdfio.read_nquads(quads)))
    assert (out / "void.ttl").read_bytes() == expected


def _dump(quads) -> list[str]:
    import pyoxigraph as ox

    return sorted(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())


def test_the_store_loaded_during_extraction_holds_the_quads_of_graph_nq(built_report) -> None:
    """A full build loads its store from the shards as they are made (union.EarlyStore), not from
    graph.nq: the same quads all the same."""
    import pyoxigraph as ox

    from qgraph import generations

    built, report = built_report
    assert "store load" in dict(report.timings)  # the early store ran (not a load of graph.nq)
    gen = generations.current_generation(built)
    assert _dump(ox.Store.read_only(str(gen.store))) == _dump(ox.parse(path=str(built / "graph.nq"),
                                                                         format=ox.RdfFormat.N_QUADS))
    assert not [p for p in (built / ".generations").iterdir() if p.name.startswith(".store-")]


def _stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    from qgraph import generations

    docs = tmp_path / "docs"
    write_corpus(4, docs, seed=5)
    out = tmp_path / "out"
    build([docs], out, formats=("nq",), jobs=1, use_cache=False, validate=False)
    before = generations.current_generation(out).directory
    listed = sorted(p.name for p in before.rglob("*"))
    write_corpus(6, docs, seed=6)
    if how == "bad quads":  # the store's loader fails (after extraction)
        monkeypatch.setattr(union, "ontology_lines", lambda: ("<http://a/s> <http://a/p> .",))
        with pytest.raises(Exception):
            build([docs], out, formats=("nq",), jobs=1, use_cache=False)
    else:  # stopped during extraction

        def stop(done: int, total: int) -> None:
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            build([docs], out, formats=("nq",), jobs=1, use_cache=False, on_progress=stop)
    assert generations.current_generation(out).directory == before
    assert sorted(p.name for p in before.rglob("*")) == listed
    assert sorted(p.name for p in (out / ".generations").iterdir()) == sorted(
        [generations.LOCK, generations.MARKER, before.name])


@pytest.mark.parametrize("how", ["bad quads", "interrupted"])
def test_a_stopped_build_leaves_no_store_it_was_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          how: str) -> None:
    _stopped(tmp_path, monkeypatch, how)


@pytest.mark.parametrize("stop", ["move", "discard"])
@pytest.mark.parametrize("loaders", [1, 3])
def test_the_store_is_loaded_at_the_builds_priority_once_extraction_is_over(tmp_path: Path, stop: str,
                                                                            loaders: int) -> None:
    """During extraction the early store's loader runs below the build; after it (``extracted``)
    ``loaders`` threads at the build's own priority load what is left side by side, the block in
    hand first: every quad given before and after is in the store once it is moved; a discarded
    store stops either way."""
    import os

    import pyoxigraph as ox

    gens = tmp_path / "gens"
    gens.mkdir()
    files = []
    for i in range(12):
        f = tmp_path / f"shard{i}.nq"
        f.write_text("".join(f"<urn:s{i}-{k}> <urn:p> <urn:o{k}> <urn:g{i}> .\n" for k in range(50)), encoding="utf-8")
        files.append(f)
    early = union.EarlyStore(gens, block=1, loaders=loaders)
    for f in files[:3]:
        early.add(str(f))
    early.extracted()
    for f in files[3:]:
        early.add(str(f))
    early.add_lines(["<urn:shared> <urn:p> <urn:o> <urn:shared-graph> ."])
    early.extracted()  # a second call changes nothing
    if stop == "discard":
        early.discard()
        assert not early.path.exists()
        return
    early.move(tmp_path / "store")
    store = ox.Store.read_only(str(tmp_path / "store"))
    assert len(list(store.quads_for_pattern(None, None, None, None))) == 12 * 50 + 1
    base = os.getpriority(os.PRIO_PROCESS, 0)
    assert early.after == loaders and early.loaders[1:] == [base] * loaders
    assert early.loaders[0] == min(19, base + union.NICE)


def test_a_loader_failing_beside_others_stops_the_store(tmp_path: Path) -> None:
    """Several loaders after extraction: a block that does not load stops them all, and moving the
    store raises what stopped it (no loader is left waiting)."""
    gens = tmp_path / "gens"
    gens.mkdir()
    early = union.EarlyStore(gens, block=1, loaders=3)
    early.extracted()
    for i in range(8):
        early.add_lines([f"<urn:s{i}> <urn:p> <urn:o> <urn:g> ."])
    early.add_lines(["<urn:s> <urn:p> ."])
    for i in range(8):
        early.add_lines([f"<urn:t{i}> <urn:p> <urn:o> <urn:g> ."])
    with pytest.raises(Exception):
        early.move(tmp_path / "store")
    early.discard()
    assert not early.path.exists()
