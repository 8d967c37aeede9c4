"""Validation of a built store with the shapes compiled to SPARQL, timed on its own.

Opens the store of a build read-only (``Store.read_only``: nothing is written), compiles qgraph's
shapes, then times ``all_rows`` (the build's validation stage: every constraint, ``--jobs`` threads)
and, with ``--serial``, each constraint's query alone. It prints the number of rows and a digest of
them, so that two runs (this code and an earlier commit's, for example with ``PYTHONPATH`` pointing
at an exported ``src/``) can be compared on the same store in the same run.

    python benchmarks/bench_validate_store.py out/current/store --jobs 2 --serial
"""

from __future__ import annotations

import argparse
import hashlib
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--serial", action="store_true", help="also time each constraint's query alone")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()

    import pyoxigraph as ox

    from qgraph import shacl_sparql
    from qgraph.shacl_delta import rows_as_text

    store = ox.Store.read_only(args.store)
    compiled = shacl_sparql.qgraph_constraints()
    t, cpu = time.perf_counter(), time.process_time()
    rows = rows_as_text(shacl_sparql.all_rows(store, compiled, jobs=args.jobs))
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:12]
    print(f"{len(compiled)} constraints, {sum(map(len, rows))} rows (digest {digest}): "
          f"{wall:.1f} s wall with {args.jobs} threads, {cpu:.1f} s CPU")
    if args.serial:
        times = []
        for c in compiled:
            t = time.perf_counter()
            shacl_sparql.constraint_rows(store, c.query)
            times.append((time.perf_counter() - t, c.shape, c.component.rsplit("#", 1)[-1]))
        print(f"each query alone, one after the other: {sum(x[0] for x in times):.1f} s "
              f"(screens not applied); the slowest:")
        for d, shape, component in sorted(times, reverse=True)[:args.top]:
            print(f"  {d:6.2f} s  {shape}  {component}")


if __name__ == "__main__":
    main()
