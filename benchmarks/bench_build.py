"""``qgraph build`` on generated corpora, against a naive rdflib + pySHACL pipeline in the same run.

For each N (default 100 and 1,000; pass ``--sizes 100,1000,10000`` for the full table) the script
generates N documents with ``gen_corpus.py``, builds them in a fresh child process and prints wall
time, documents/s, triples/s, peak RSS and, when the build reports them, the time per stage. At
the baseline size (default 1,000) it also runs the naive pipeline on the same documents — rdflib
parses the build's N-Quads, pySHACL validates the union with the ontology, rdflib writes Turtle —
and prints the ratio of the two.

    python benchmarks/bench_build.py                       # N = 100, 1,000 (about 15 minutes today)
    python benchmarks/bench_build.py --sizes 100 --baseline-size 100
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import write_corpus  # noqa: E402

_BUILD = r"""
import json, resource, sys, time
from pathlib import Path
from qgraph.pipeline import build
t = time.perf_counter()
report = build([Path(sys.argv[1])], Path(sys.argv[2]))
wall = time.perf_counter() - t
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
timings = dict(getattr(report, "timings", {}) or {})
print(json.dumps({"wall": wall, "rss_kb": rss, "documents": report.documents, "triples": report.triples,
                  "conforms": report.conforms, "timings": timings}))
"""

_NAIVE = r"""
import json, resource, sys, time
from pathlib import Path
import rdflib, pyshacl
t = time.perf_counter()
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="nquads")
data = rdflib.Graph()
for s, p, o, _ in ds.quads((None, None, None, None)):
    data.add((s, p, o))
shapes = rdflib.Graph().parse(sys.argv[2], format="turtle")
onto = rdflib.Graph().parse(sys.argv[3], format="turtle")
conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=onto, inference="none")
Path(sys.argv[4]).write_bytes(data.serialize(format="turtle", encoding="utf-8"))
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"wall": wall, "rss_kb": rss, "triples": len(data), "conforms": conforms}))
"""


def _child(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if proc.returncode not in (0,) or not proc.stdout.strip():
        raise SystemExit(f"child failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _nquads(out: Path) -> Path:
    for candidate in (out / "graph.nq", *sorted(out.glob("**/graph.nq"))):
        if candidate.exists():
            return candidate
    raise SystemExit(f"no graph.nq under {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000", help="comma-separated corpus sizes")
    ap.add_argument("--baseline-size", type=int, default=1000, help="size at which the naive pipeline also runs")
    ap.add_argument("--keep", type=Path, help="keep corpora and outputs under this directory")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = args.keep or Path(tempfile.mkdtemp(prefix="qgraph-bench-"))
    root = HERE.parent
    print(f"{'N':>6} {'wall s':>8} {'docs/s':>8} {'triples':>10} {'triples/s':>10} {'peak RSS':>9}  stages")
    try:
        for n in sizes:
            corpus, out = work / f"corpus-{n}", work / f"out-{n}"
            shutil.rmtree(corpus, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            write_corpus(n, corpus)
            r = _child(_BUILD, str(corpus), str(out))
            stages = " ".join(f"{k} {v:.1f}s" for k, v in r["timings"].items()) or "-"
            print(f"{n:>6} {r['wall']:>8.1f} {n / r['wall']:>8.1f} {r['triples']:>10,} {r['triples'] / r['wall']:>10,.0f} "
                  f"{r['rss_kb'] / 1024 ** 2:>7.2f}GB  {stages}{'' if r['conforms'] else '  (does not conform)'}",
                  flush=True)
            if n == args.baseline_size:
                t0 = time.perf_counter()
                b = _child(_NAIVE, str(_nquads(out)), str(root / "shapes/qgraph-shapes.ttl"),
                           str(root / "ontology/qgraph.ttl"), str(work / f"naive-{n}.ttl"))
                print(f"{'':>6} naive rdflib + pySHACL + rdflib Turtle on the same graph: {b['wall']:.1f} s, "
                      f"{b['rss_kb'] / 1024 ** 2:.2f} GB peak ({time.perf_counter() - t0:.1f} s with start-up)")
                print(f"{'':>6} ratio naive / qgraph build: time {b['wall'] / r['wall']:.2f}x, "
                      f"memory {b['rss_kb'] / r['rss_kb']:.2f}x", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
