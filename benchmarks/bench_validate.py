"""SHACL validation: pySHACL (today's ``validate_dataset``) against the shapes compiled to SPARQL.

For each N (default 100 and 300; ``--sizes 100,300,1000`` for more) the script generates N
documents with ``gen_corpus.py``, builds them with ``qgraph.pipeline.build(validate=False)`` into a
temporary directory (N-Quads only), then times on that graph, in this process:

- pySHACL: the N-Quads read into an rdflib Dataset (not timed), then ``validate_dataset`` (copying the
  union, combining it with the ontology, pySHACL);
- SPARQL: the N-Quads loaded into an in-memory pyoxigraph store (timed separately), then
  ``validate_store`` with the compiled shapes (compiling is timed separately, once).

It prints both times, their ratio and whether both engines report the same violations (focus node,
result path, constraint component, message, severity, value).

    python benchmarks/bench_validate.py                  # N = 100, 300 (a few minutes)
    python benchmarks/bench_validate.py --sizes 1000     # pySHACL alone takes minutes here
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import write_corpus  # noqa: E402


def _keys(report: object) -> Counter:
    return Counter((v.focus, v.path, v.component, v.message, v.severity, v.value)
                   for v in report.violations)  # type: ignore[attr-defined]


def run(n: int, work: Path) -> None:
    import pyoxigraph as ox

    from qgraph.pipeline import build
    from qgraph.rdfio import read_rdf_dataset
    from qgraph.shacl_sparql import compile_shapes, validate_store
    from qgraph.resources import shapes_path
    from qgraph.validate import validate_dataset

    corpus, out = work / f"corpus-{n}", work / f"out-{n}"
    write_corpus(n, corpus)
    t = time.perf_counter()
    build([corpus], out, validate=False, formats=("nq",), with_store=False)
    t_build = time.perf_counter() - t
    nq = out / "graph.nq"

    t = time.perf_counter()
    compiled = compile_shapes(shapes_path())
    t_compile = time.perf_counter() - t
    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    t_load = time.perf_counter() - t
    quads = len(store)
    t = time.perf_counter()
    fast = validate_store(store, compiled)
    t_sparql = time.perf_counter() - t

    ds = read_rdf_dataset(nq)
    t = time.perf_counter()
    ref = validate_dataset(ds)
    t_pyshacl = time.perf_counter() - t

    agree = _keys(ref) == _keys(fast)
    print(f"{n:>6} {quads:>10,} {t_build:>8.1f} {t_pyshacl:>10.2f} {t_sparql:>9.2f} {t_load:>7.2f} {t_compile:>8.2f} "
          f"{t_pyshacl / t_sparql:>7.1f}x {t_pyshacl / (t_sparql + t_load + t_compile):>11.1f}x  "
          f"{'yes' if agree else 'NO'} ({len(ref.violations)} / {len(fast.violations)} violations)", flush=True)
    if not agree:
        print(f"        pySHACL only: {list((_keys(ref) - _keys(fast)).items())[:5]}")
        print(f"        SPARQL only:  {list((_keys(fast) - _keys(ref)).items())[:5]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,300", help="comma-separated corpus sizes (1000 works, slowly)")
    ap.add_argument("--keep", type=Path, help="keep corpora and outputs under this directory")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="qgraph-bench-validate-"))
    print(f"{'N':>6} {'quads':>10} {'build s':>8} {'pySHACL s':>10} {'SPARQL s':>9} {'load s':>7} {'compile':>8} "
          f"{'ratio':>8} {'ratio+load':>12}  same violations")
    try:
        for n in (int(s) for s in args.sizes.split(",") if s):
            run(n, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
