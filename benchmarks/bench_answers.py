"""The answers of every row made at build time (``qgraph.answers``) against running the query.

For each query of :data:`qgraph.answers.ANSWERED` (``selections``, ``trademarks-gi``, no parameter:
every row), on a build's store, in one process, alternately, median of ``--repeat``:

- *engine*: the query run on the store and its solutions serialised (CSV and SPARQL JSON), as the
  worker behind ``qgraph query NAME -f csv`` does;
- *answer*: the answer written at build time found (its key checked) and written as CSV, or as
  JSON, or parsed into rows as a table of ``--limit 0`` reads it.

Both wall time and the CPU time of this thread are printed (the machine may be shared: CPU is the
steadier figure), with the ratio engine / answer, and whether the bytes are the same. Then, from the
command line (start-up included), ``qgraph query NAME -f csv`` (which reads the answer).

    python benchmarks/bench_answers.py --build OUT            # a build directory (its current store)
    python benchmarks/bench_answers.py --build OUT --repeat 11 --cli 5
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))


def _timed(fn, repeat: int) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    walls, cpus, out = [], [], None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.thread_time()
        out = fn()
        cpus.append(time.thread_time() - c)
        walls.append(time.perf_counter() - t)
    return statistics.median(walls), statistics.median(cpus), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", type=Path, required=True, help="a build directory (qgraph build -o DIR)")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--cli", type=int, default=3, help="command-line runs per query (0: none)")
    args = ap.parse_args()

    import pyoxigraph as ox

    from qgraph.answers import ANSWERED, run_text, stored_answer, write_answer
    from qgraph.query import answered, default_source, load_query
    from qgraph.sparql_prefixes import SPARQL_PREFIXES

    source = default_source(args.build)
    store = ox.Store.read_only(str(source))
    print(f"store: {source.resolve()}; median of {args.repeat}; wall ms (CPU ms of the thread)")
    print(f"{'query':<15}{'rows':>7}{'engine csv':>22}{'answer csv':>20}{'engine json':>22}{'answer json':>20}"
          f"{'answer rows':>20}{'ratio csv (CPU)':>18}  same bytes")
    for name in ANSWERED:
        stored = load_query(name)
        bindings = stored.bind({})
        text = run_text(stored.text, bindings)
        if stored_answer(source, stored.text, bindings) is None:
            raise SystemExit(f"{name}: the build holds no answer (built before answers were made?)")

        def engine(fmt: ox.QueryResultsFormat) -> bytes:
            return store.query(text, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True).serialize(format=fmt)

        def answer(fmt: str) -> bytes:
            out = io.BytesIO()
            write_answer(stored_answer(source, stored.text, bindings), fmt, out)  # type: ignore[arg-type]
            return out.getvalue()

        results: dict[str, list[tuple[float, float]]] = {k: [] for k in ("ec", "ac", "ej", "aj", "ar")}
        outs: dict[str, object] = {}
        for _ in range(args.repeat):  # alternately, so that the load falls on both alike
            for key, fn in (("ec", lambda: engine(ox.QueryResultsFormat.CSV)), ("ac", lambda: answer("csv")),
                            ("ej", lambda: engine(ox.QueryResultsFormat.JSON)), ("aj", lambda: answer("json")),
                            ("ar", lambda: answered(stored_answer(source, stored.text, bindings)))):  # type: ignore[arg-type]
                wall, cpu, outs[key] = _timed(fn, 1)
                results[key].append((wall, cpu))
        med = {k: (statistics.median(w for w, _ in v) * 1000, statistics.median(c for _, c in v) * 1000)
               for k, v in results.items()}
        same = outs["ec"] == outs["ac"] and outs["ej"] == outs["aj"]
        rows = len(outs["ar"].rows)  # type: ignore[attr-defined]
        cells = "".join(f"{med[k][0]:12.1f} ({med[k][1]:6.1f})" for k in ("ec", "ac", "ej", "aj", "ar"))
        print(f"{name:<15}{rows:>7}{cells}   x{med['ec'][0] / med['ac'][0]:.0f} (x{med['ec'][1] / max(med['ac'][1], 1e-3):.0f})"
              f"  {'yes' if same else 'NO'}")
    if args.cli:
        print("\ncommand line, `qgraph query NAME -f csv --build DIR` (start-up included), median wall ms:")
        for name in ANSWERED:
            walls = []
            for _ in range(args.cli):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-m", "qgraph", "query", name, "-f", "csv", "--build", str(args.build)],
                               check=True, stdout=subprocess.DEVNULL, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
                walls.append(time.perf_counter() - t)
            print(f"  {name:<15}{statistics.median(walls) * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
