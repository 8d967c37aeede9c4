"""Time per MB of qgraph's RDF readers and of ``validate`` on files holding one long literal.

Usage: python benchmarks/bench_readers.py [--sizes 0.5,1,2,4] [--runs 5] [--old-upto 1]

Each file is one ``qg:SourceDocument`` whose ``qg:text`` is a single literal of the given size
(Chinese text with escapes and line breaks), the shape a build gives a long report. For every
size the script prints the median seconds per MB of

* ``baseline``: pyoxigraph parsing the same Turtle bytes alone (nothing qgraph does);
* ``read`` (Turtle, N-Triples, JSON-LD, RDF/XML): :func:`qgraph.rdfio.read_nquads`, with its
  safety checks (DOCTYPE, nesting depth, remote contexts);
* ``rdflib``: :func:`qgraph.rdfio.read_rdf_dataset`, the graph pySHACL is given;
* ``validate``: :func:`qgraph.validate.validate_file`, less the time it takes on a file with no
  text (loading shapes and ontology, a fixed cost);
* ``old``: rdflib's own N-Quads parser on the same data, the path ``validate`` took before
  (quadratic in a line's length: it rescans its buffer for every 2 KB read), only up to
  ``--old-upto`` MB.

and each one's ratio to the baseline of the same size. Linear readers show flat rows: the
seconds per MB stay the same as the size grows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from qgraph import rdfio
from qgraph.validate import validate_file

DOC = "https://w3id.org/qgraph/id/doc/long-report"
QG = "https://w3id.org/qgraph/def#"
SENTENCE = "全市共抽查产品685批次，合格率为96.2%。\n“好品山东”品牌\\企业 12家；"


def long_text(megabytes: float) -> str:
    size = int(megabytes * 1_000_000)
    unit = SENTENCE.encode("utf-8")
    return SENTENCE * max(1, size // len(unit))


def write_files(directory: Path, name: str, text: str) -> dict[str, Path]:
    """The same graph as Turtle, N-Triples, JSON-LD and RDF/XML."""
    escaped = json.dumps(text, ensure_ascii=False)  # JSON escapes are valid Turtle / N-Triples escapes
    paths = {fmt: directory / f"{name}.{fmt}" for fmt in ("ttl", "nt", "jsonld", "rdf")}
    paths["ttl"].write_text(
        f"@prefix qg: <{QG}> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        f"<{DOC}> a qg:SourceDocument ;\n    dcterms:source <https://example.org/report> ;\n"
        f"    qg:text {escaped} .\n", encoding="utf-8")
    paths["nt"].write_text(
        f"<{DOC}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{QG}SourceDocument> .\n"
        f"<{DOC}> <http://purl.org/dc/terms/source> <https://example.org/report> .\n"
        f"<{DOC}> <{QG}text> {escaped} .\n", encoding="utf-8")
    paths["jsonld"].write_text(json.dumps({
        "@id": DOC, "@type": f"{QG}SourceDocument", "http://purl.org/dc/terms/source": {"@id": "https://example.org/report"},
        f"{QG}text": text}, ensure_ascii=False), encoding="utf-8")
    xml_text = text.replace("&", "&amp;").replace("<", "&lt;")
    paths["rdf"].write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns:qg="{QG}" xmlns:dcterms="http://purl.org/dc/terms/">\n'
        f'<qg:SourceDocument rdf:about="{DOC}"><dcterms:source rdf:resource="https://example.org/report"/>'
        f"<qg:text>{xml_text}</qg:text></qg:SourceDocument>\n</rdf:RDF>\n", encoding="utf-8")
    return paths


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="0.5,1,2,4", help="literal sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--old-upto", type=float, default=1.0, help="time rdflib's N-Quads parser up to this size (MB)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        empty = write_files(directory, "empty", "")
        validate_file(empty["ttl"])  # warm up: imports, pySHACL's first run
        fixed = median(lambda: validate_file(empty["ttl"]), args.runs)
        print(f"validate, fixed cost (shapes, ontology; a file with an empty text): {fixed:.2f} s")
        print(f"{'MB':>5}  {'what':<16}{'seconds':>8}{'s/MB':>8}{'× baseline':>12}")
        for mb in sizes:
            paths = write_files(directory, f"s{mb}", long_text(mb))
            real_mb = paths["ttl"].stat().st_size / 1_000_000
            data = paths["ttl"].read_bytes()
            nquads = rdfio.read_nquads(paths["ttl"])
            base = median(lambda: list(ox.parse(data, format=ox.RdfFormat.TURTLE)), args.runs) / real_mb
            rows: list[tuple[str, float]] = [("baseline", base)]
            for fmt in ("ttl", "nt", "jsonld", "rdf"):
                per_mb = median(lambda: rdfio.read_nquads(paths[fmt]), args.runs) / real_mb
                rows.append((f"read {fmt}", per_mb))
            rows.append(("rdflib", median(lambda: rdfio.read_rdf_dataset(paths["ttl"]), args.runs) / real_mb))
            total = median(lambda: validate_file(paths["ttl"]), args.runs)
            rows.append(("validate - fixed", max(total - fixed, 0.0) / real_mb))
            if mb <= args.old_upto:
                old = median(lambda: rdflib.Dataset().parse(data=nquads, format="nquads"), 1)
                rows.append(("old (rdflib nq)", old / real_mb))
            for what, per_mb in rows:
                print(f"{real_mb:5.2f}  {what:<16}{per_mb * real_mb:8.3f}{per_mb:8.3f}{per_mb / base:12.1f}")


if __name__ == "__main__":
    main()
