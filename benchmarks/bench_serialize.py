"""Serialise a synthetic qgraph-like dataset (~200k triples) with rdflib and with qgraph.rdfio.

Usage: python benchmarks/bench_serialize.py [--triples 200000] [--formats ttl,nq,jsonld]

Prints, per format, the median of a few runs for rdflib's serializer and for
``qgraph.rdfio.serialize`` (rdflib -> N-Quads -> pyoxigraph canonical N-Quads -> sorted rows ->
writer), and their ratio measured in the same run; then the three files of ``qgraph build``
(ttl, jsonld, nq) written together, as ``store.publish`` does (one conversion, one sort).
rdflib's output is neither sorted nor deterministic; it is the baseline qgraph would otherwise
use. For ``ttl`` (the union of all graphs) rdflib serialises a union ``Graph`` built beforehand.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from qgraph import rdfio
from qgraph.vocab import PREFIXES

QG = "https://w3id.org/qgraph/def#"
ID = "https://w3id.org/qgraph/id/"
RDFLIB_FORMAT = {"ttl": "turtle", "nq": "nquads", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}


def synthetic(triples: int) -> Dataset:
    """Documents of 2,000 triples each: observations with decimals, labels in Chinese, dates."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    per_obs = 8
    made = 0
    doc = 0
    while made < triples:
        g = ds.graph(URIRef(f"{ID}graph/doc-{doc}"))
        for i in range(2000 // per_obs):
            obs = URIRef(f"{ID}doc/doc-{doc}/obs/{i}")
            org = URIRef(f"{ID}org/qiye-{(doc * 131 + i) % 5000}")
            g.add((obs, RDF.type, URIRef(QG + "Observation")))
            g.add((obs, URIRef(QG + "value"), Literal(f"{i % 997}.{i % 10}", datatype=XSD.decimal)))
            g.add((obs, URIRef(QG + "approximate"), Literal(i % 7 == 0)))
            g.add((obs, URIRef(QG + "refPeriod"), Literal(str(2020 + i % 6))))
            g.add((obs, URIRef(QG + "subject"), org))
            g.add((obs, URIRef("http://purl.org/dc/terms/date"), Literal(f"2025-0{1 + i % 9}-1{i % 10}", datatype=XSD.date)))
            g.add((org, RDFS.label, Literal(f"枣庄市第{(doc * 131 + i) % 5000}号企业有限公司", lang="zh")))
            g.add((obs, RDF.value, Literal(f"全年抽查产品{i}批次，合格率96.{i % 10}%。")))
            made += per_obs
        doc += 1
    return ds


def median_time(fn: Callable[[], bytes], runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--formats", default="nq,trig,ttl,jsonld")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ds = synthetic(args.triples)
    n = sum(1 for _ in ds.quads((None, None, None, None)))
    print(f"dataset: {n} quads in {len(list(ds.graphs())) - 1} named graphs; median of {args.runs} runs")
    print(f"{'format':<8}{'rdflib s':>10}{'qgraph s':>10}{'ratio':>8}   bytes (rdflib / qgraph)")
    union = Graph()
    for prefix, ns in PREFIXES.items():
        union.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    baseline = {fmt: union if fmt in ("ttl", "nt") else ds for fmt in RDFLIB_FORMAT}
    for fmt in args.formats.split(","):
        source = baseline[fmt]
        slow, slow_size = median_time(lambda: source.serialize(format=RDFLIB_FORMAT[fmt], encoding="utf-8"), args.runs)
        fast, fast_size = median_time(lambda: rdfio.serialize(ds, fmt), args.runs)
        print(f"{fmt:<8}{slow:>10.2f}{fast:>10.2f}{slow / fast:>7.1f}x   {slow_size} / {fast_size}")

    def rdflib_build() -> bytes:
        return b"".join(baseline[f].serialize(format=RDFLIB_FORMAT[f], encoding="utf-8") for f in ("ttl", "jsonld", "nq"))

    def qgraph_build() -> bytes:
        rows = rdfio.sorted_rows(rdfio.nquads_of(ds))
        return b"".join(rdfio.serialize_rows(rows, f) for f in ("ttl", "jsonld", "nq"))

    slow, _ = median_time(rdflib_build, args.runs)
    fast, _ = median_time(qgraph_build, args.runs)
    print(f"{'build':<8}{slow:>10.2f}{fast:>10.2f}{slow / fast:>7.1f}x   (ttl + jsonld + nq)")


if __name__ == "__main__":
    main()
