"""Build outputs: atomic files, the embedded store, the VoID description."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, VOID

from qgraph import catalog, rdfio, store
from qgraph.errors import InputError, StoreError
from rdf_samples import make_dataset


def n_quads(ds: rdflib.Dataset) -> int:
    return sum(1 for _ in ds.quads((None, None, None, None)))


class Interrupted(Exception):
    """Stands for a crash or Ctrl-C in the middle of a build."""


def interrupted_quads(ds: rdflib.Dataset, after: int) -> Iterator[ox.Quad]:
    for i, quad in enumerate(ox.parse(rdfio.nquads_of(ds), format=ox.RdfFormat.N_QUADS)):
        if i == after:
            raise Interrupted
        yield quad


def test_write_outputs_writes_requested_formats(tmp_path: Path) -> None:
    written = store.write_outputs(make_dataset(), tmp_path)
    assert [p.name for p in written] == ["graph.ttl", "graph.jsonld", "graph.nq"]
    extra = store.write_outputs(make_dataset(), tmp_path, formats=("trig", "nt"))
    assert [p.name for p in extra] == ["graph.trig", "graph.nt"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_publish_is_byte_identical_on_rebuild(tmp_path: Path) -> None:
    store.publish(make_dataset(shuffle_seed=3), tmp_path / "a", with_store=False)
    store.publish(make_dataset(shuffle_seed=9), tmp_path / "b", with_store=False)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == [".generations", "current", "graph.jsonld", "graph.nq", "graph.ttl", "manifest.json", "void.ttl"]
    for name in names[2:]:  # without a store, the manifest too is byte-identical
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_interrupted_build_leaves_previous_output_intact(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(Interrupted):
        store.publish(interrupted_quads(make_dataset(docs=("other",)), after=5), tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before
    assert len(store.open_store(tmp_path / "store")) == n_quads(make_dataset())
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".generations", "current", "graph.jsonld", "graph.nq", "graph.ttl", "manifest.json", "store", "void.ttl"]
    assert len(list((tmp_path / ".generations").iterdir())) == 3, "the unfinished generation was left behind"


def test_failed_store_write_keeps_the_old_store(tmp_path: Path) -> None:
    path = store.write_store(make_dataset(), tmp_path / "store")
    with pytest.raises(Interrupted):
        store.write_store(interrupted_quads(make_dataset(docs=("x", "y", "z")), after=30), path)
    assert len(store.open_store(path)) == n_quads(make_dataset())
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_store_is_replaced_not_merged(tmp_path: Path) -> None:
    path = store.write_store(make_dataset(docs=("a", "b")), tmp_path / "store")
    store.write_store(make_dataset(docs=("c",)), path)
    graphs = {g.value for g in store.open_store(path).named_graphs()}
    assert graphs == {"https://w3id.org/qgraph/id/graph/c", "https://w3id.org/qgraph/def"}


def test_atomic_write_many_touches_nothing_on_failure(tmp_path: Path) -> None:
    keep = tmp_path / "graph.ttl"
    keep.write_bytes(b"old")
    blocker = tmp_path / "not-a-dir"
    blocker.write_bytes(b"")
    with pytest.raises(StoreError, match="cannot write") as err:
        store.atomic_write_many({keep: b"new", blocker / "graph.nq": b"new"})
    assert "not-a-dir" in str(err.value)
    assert keep.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "not-a-dir"]


def test_directory_in_the_way_is_reported_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "graph.nq").mkdir()
    (tmp_path / "graph.ttl").write_bytes(b"old")
    with pytest.raises(StoreError, match="directory is in the way"):
        store.write_outputs(make_dataset(), tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == b"old"


def test_open_store_is_read_only_and_queryable(tmp_path: Path) -> None:
    path = store.write_store(make_dataset(), tmp_path / "store")
    opened = store.open_store(path)
    result = opened.query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert int(next(iter(result))["n"].value) == n_quads(make_dataset())
    with pytest.raises(RuntimeError, match="read-write"):
        opened.update("INSERT DATA { <http://a> <http://b> <http://c> }")


def test_missing_store_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="run `qgraph build` first"):
        store.open_store(tmp_path / "store")
    with pytest.raises(InputError, match="no built graph"):
        store.default_graph_source(tmp_path)


def test_default_graph_source_prefers_the_store(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path, formats=("nq",), with_store=False)
    assert store.default_graph_source(tmp_path).resolve() == (tmp_path / "graph.nq").resolve()
    assert len(store.open_graph(store.default_graph_source(tmp_path))) == n_quads(make_dataset())
    store.publish(make_dataset(), tmp_path, formats=("nq",))
    assert store.default_graph_source(tmp_path).resolve() == (tmp_path / "store").resolve()
    assert len(store.open_graph(store.default_graph_source(tmp_path))) == n_quads(make_dataset())


def test_files_written_outside_a_build_are_not_read_as_one(tmp_path: Path) -> None:
    """Loose files (no manifest) are no build: readers refuse instead of guessing."""
    store.write_outputs(make_dataset(), tmp_path, formats=("nq",))
    store.write_store(make_dataset(), tmp_path / "store")
    with pytest.raises(InputError, match="no built graph here"):
        store.default_graph_source(tmp_path)
    with pytest.raises(InputError, match="no built graph here"):
        store.built_nquads(tmp_path)


def test_void_describes_the_dataset(tmp_path: Path) -> None:
    ds = make_dataset()
    written = store.publish(ds, tmp_path, with_store=False)
    void = rdflib.Graph().parse(tmp_path / "void.ttl")
    d = catalog.DATASET
    union = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert int(void.value(d, VOID.triples)) == len(union)
    assert (d, rdflib.RDF.type, DCAT.Dataset) in void
    assert void.value(d, rdflib.URIRef("http://purl.org/dc/terms/license")) == rdflib.URIRef(catalog.DEFAULT_LICENSE)
    sources = set(void.objects(d, rdflib.URIRef("http://purl.org/dc/terms/source")))
    assert sources == {rdflib.URIRef("https://w3id.org/qgraph/id/doc/zz-2025"), rdflib.URIRef("https://w3id.org/qgraph/id/doc/jn-2024")}
    partitions = {void.value(p, VOID["class"]): int(void.value(p, VOID.entities)) for p in void.objects(d, VOID.classPartition)}
    assert partitions[rdflib.URIRef("https://w3id.org/qgraph/def#Observation")] == 2
    sizes = {str(void.value(dist, rdflib.URIRef("http://purl.org/dc/terms/title"))): int(void.value(dist, DCAT.byteSize))
             for dist in void.objects(d, DCAT.distribution)}
    assert sizes == {p.name: p.stat().st_size for p in written if p.name.startswith("graph.")}
    subsets = {str(s): int(void.value(s, VOID.triples)) for s in void.objects(d, VOID.subset)}
    assert subsets["https://w3id.org/qgraph/id/graph/zz-2025"] == 20


def test_void_with_base_url_links_downloads() -> None:
    g = catalog.void_graph(make_dataset(), distributions={"graph.ttl": 10}, base_url="https://example.org/kg/")
    assert (catalog.DATASET, VOID.dataDump, rdflib.URIRef("https://example.org/kg/graph.ttl")) in g


def test_exports_round_trip_from_disk(tmp_path: Path) -> None:
    ds = make_dataset()
    for path in store.write_outputs(ds, tmp_path, formats=rdfio.FORMATS):
        back = rdfio.read_rdf_dataset(path)
        assert isomorphic(rdflib.Graph().parse(data=rdfio.serialize(back, "nt"), format="nt"),
                          rdflib.Graph().parse(data=rdfio.serialize(ds, "nt"), format="nt")), path.name


def test_cli_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from qgraph.cli import main

    ds = make_dataset()
    store.publish(ds, tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "trig"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == rdfio.serialize(ds, "trig")
    result = runner.invoke(main, ["export", "--format", "jsonld", "-o", "g.jsonld", "--graph", "out/graph.nq"])
    assert result.exit_code == 0 and (tmp_path / "g.jsonld").read_bytes() == rdfio.serialize(ds, "jsonld")
    result = runner.invoke(main, ["export", "--build", "missing"])
    assert result.exit_code == 2 and "missing: no built graph here" in result.stderr
    assert "Traceback" not in result.output


def test_outputs_are_readable_by_others_and_keep_their_mode(tmp_path: Path) -> None:
    import stat

    store.publish(make_dataset(), tmp_path)
    assert stat.S_IMODE((tmp_path / "graph.ttl").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "store").stat().st_mode) == 0o755
    (tmp_path / "graph.nq").chmod(0o640)
    store.publish(make_dataset(), tmp_path)
    assert stat.S_IMODE((tmp_path / "graph.nq").stat().st_mode) == 0o640
