"""``qgraph build`` on generated corpora, against earlier pipelines in the same run.

For each N (default 100 and 1,000; pass ``--sizes 100,1000,10000`` for the full table) the script
generates N documents with ``gen_corpus.py``, builds them in a fresh child process and prints wall
time, documents/s, triples/s, peak RSS (the build process or its largest child, whichever is
larger), the time per stage the build reports and the CPU time of the build process (user + system)
and of its workers. At the baseline size (default 1,000) it also runs,
on the same documents:

- the naive pipeline — rdflib parses the build's N-Quads, pySHACL validates the union with the
  ontology, rdflib writes Turtle;
- with ``--baseline-ref REF`` (for example ``main``), the build of an earlier commit of this
  repository (its ``src/`` exported with ``git archive`` and run with the same interpreter), with
  the same ``--formats``;

and prints the ratios. With ``--incremental`` it then adds 10 new documents to each built corpus
(in a directory beside it) and builds again: an incremental build (only the new documents are
extracted, mapped, written into ``graph.nq``, loaded and validated), then the same corpus with the
union rebuilt in full (``incremental=False``, the cache still on), and says whether both gave the
same ``graph.nq``.

``--formats nq`` builds N-Quads, the store and VoID only (the fast path for large corpora: no sorted
union for Turtle / JSON-LD). ``--corpus DIR`` builds an existing corpus instead of generating one,
and ``--reuse`` keeps a build already in the output directory as the base of ``--incremental``.

    python benchmarks/bench_build.py                       # N = 100, 1,000
    python benchmarks/bench_build.py --sizes 100,1000,10000 --baseline-ref main --incremental
    python benchmarks/bench_build.py --sizes 1000 --incremental --formats nq --no-naive
    python benchmarks/bench_build.py --corpus corpus-10000 --keep work --reuse --incremental --formats nq
    python benchmarks/bench_build.py --sizes 100 --baseline-size 100
"""

from __future__ import annotations

import argparse
import json
import os
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
paths = [Path(p) for p in json.loads(sys.argv[1])] if sys.argv[1].startswith("[") else [Path(sys.argv[1])]
report = build(paths, Path(sys.argv[2]), **json.loads(sys.argv[3] if len(sys.argv) > 3 else "{}"))
wall = time.perf_counter() - t
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
rss = max(me.ru_maxrss, kids.ru_maxrss)
timings = dict(getattr(report, "timings", {}) or {})
print(json.dumps({"wall": wall, "rss_kb": rss, "documents": report.documents, "triples": report.triples,
                  "conforms": report.conforms, "timings": timings, "rebuild": getattr(report, "rebuild", None),
                  "cpu": [me.ru_utime, me.ru_stime, kids.ru_utime + kids.ru_stime]}))
"""

_NAIVE = r"""
import json, resource, sys, time
from pathlib import Path
import rdflib, pyshacl
t = time.perf_counter()
ds = rdflib.Dataset()
nq = Path(sys.argv[1])
for part in (sorted(nq.glob("*.nq")) if nq.is_dir() else [nq]):  # one file, or its segments
    ds.parse(part, format="nquads")
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


def _child(code: str, *args: str, pythonpath: Path | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)} if pythonpath else None
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)
    if proc.returncode not in (0,) or not proc.stdout.strip():
        raise SystemExit(f"child failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _nquads(out: Path) -> Path:
    for candidate in (out / "graph.nq", *sorted(out.glob("**/graph.nq"))):
        if candidate.exists():
            return candidate
    raise SystemExit(f"no graph.nq under {out}")


def _row(label: str, n: int, r: dict) -> str:
    stages = " ".join(f"{k} {v:.1f}s" for k, v in r["timings"].items()) or "-"
    cpu = r.get("cpu")  # the build process (user, system) and its workers, in seconds
    cpu = f"  CPU parent {cpu[0]:.1f}+{cpu[1]:.1f}s workers {cpu[2]:.1f}s" if cpu else ""
    return (f"{label:>8} {r['wall']:>8.1f} {n / r['wall']:>8.1f} {r['triples']:>10,} {r['triples'] / r['wall']:>10,.0f} "
            f"{r['rss_kb'] / 1024 ** 2:>7.2f}GB  {stages}{cpu}{'' if r['conforms'] else '  (does not conform)'}")


def _export_ref(ref: str, work: Path) -> Path:
    """``src/`` of commit ``ref`` of this repository (with the data it links to), for the baseline build."""
    target = work / f"baseline-{ref.replace('/', '-')}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", ref, "src", "data/lexicon", "ontology", "shapes",
                              "queries"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "src"


def _add_documents(work: Path, n: int, k: int = 10) -> Path:
    """``k`` new documents (other seed, other names) in a directory beside the corpus."""
    extra, new = work / f"extra-{n}", work / f"new-{n}"
    shutil.rmtree(extra, ignore_errors=True)
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir(parents=True)
    for path in write_corpus(k, extra, seed=7):
        shutil.copy(path, new / f"new-{path.name}")
    shutil.rmtree(extra, ignore_errors=True)
    return new


def _sha(path: Path) -> str:
    import hashlib

    sys.path.insert(0, str(HERE.parent / "src"))
    from qgraph.segments import read_chunks

    digest = hashlib.sha256()
    for block in read_chunks(path):  # one file, or its segments in order (qgraph.segments)
        digest.update(block)
    return digest.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000", help="comma-separated corpus sizes")
    ap.add_argument("--baseline-size", type=int, default=1000, help="size at which the baselines also run")
    ap.add_argument("--baseline-ref", help="also build with this git ref's code at the baseline size (e.g. main)")
    ap.add_argument("--no-naive", action="store_true", help="skip the naive rdflib + pySHACL pipeline")
    ap.add_argument("--incremental", action="store_true",
                    help="then add 10 documents and build again: incrementally, then with the union rebuilt")
    ap.add_argument("--no-full-union", action="store_true", help="with --incremental: skip the full-union rebuild")
    ap.add_argument("--formats", default="ttl,jsonld,nq", help="export formats (comma-separated; default ttl,jsonld,nq)")
    ap.add_argument("--corpus", type=Path, help="build this existing corpus (its size is its number of files)")
    ap.add_argument("--reuse", action="store_true", help="keep a build already in the output directory as the base")
    ap.add_argument("--keep", type=Path, help="keep corpora and outputs under this directory")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.corpus:
        sizes = [sum(1 for p in args.corpus.iterdir() if p.is_file())]
    options = {"formats": [f for f in args.formats.split(",") if f]}
    work = args.keep or Path(tempfile.mkdtemp(prefix="qgraph-bench-"))
    root = HERE.parent
    print(f"{'N':>8} {'wall s':>8} {'docs/s':>8} {'triples':>10} {'triples/s':>10} {'peak RSS':>9}  stages")
    try:
        for n in sizes:
            corpus, out = args.corpus or work / f"corpus-{n}", work / f"out-{n}"
            if args.corpus is None:
                shutil.rmtree(corpus, ignore_errors=True)
                write_corpus(n, corpus)
            r = None
            if not (args.reuse and (out / "current").is_dir()):
                shutil.rmtree(out, ignore_errors=True)
                r = _child(_BUILD, str(corpus), str(out), json.dumps(options))
                print(_row(str(n), n, r), flush=True)
            if n == args.baseline_size and args.baseline_ref and r is not None:
                old = _child(_BUILD, str(corpus), str(work / f"out-{n}-baseline"), json.dumps(options),
                             pythonpath=_export_ref(args.baseline_ref, work))  # the same --formats as this build
                print(_row(args.baseline_ref[:8], n, old), flush=True)
                print(f"{'':>8} ratio {args.baseline_ref} / this build: time {old['wall'] / r['wall']:.2f}x, "
                      f"memory {old['rss_kb'] / r['rss_kb']:.2f}x", flush=True)
                shutil.rmtree(work / f"out-{n}-baseline", ignore_errors=True)
            if n == args.baseline_size and not args.no_naive and r is not None:
                t0 = time.perf_counter()
                b = _child(_NAIVE, str(_nquads(out)), str(root / "shapes/qgraph-shapes.ttl"),
                           str(root / "ontology/qgraph.ttl"), str(work / f"naive-{n}.ttl"))
                print(f"{'':>8} naive rdflib + pySHACL + rdflib Turtle on the same graph: {b['wall']:.1f} s, "
                      f"{b['rss_kb'] / 1024 ** 2:.2f} GB peak ({time.perf_counter() - t0:.1f} s with start-up)")
                print(f"{'':>8} ratio naive / this build: time {b['wall'] / r['wall']:.2f}x, "
                      f"memory {b['rss_kb'] / r['rss_kb']:.2f}x", flush=True)
            if args.incremental:
                paths = json.dumps([str(corpus), str(_add_documents(work, n))])
                again = _child(_BUILD, paths, str(out), json.dumps(options))
                print(_row(f"{n}+10", n + 10, again) + "  (10 documents added: incremental)"
                      + (f"  [{again['rebuild']}]" if again.get("rebuild") else ""), flush=True)
                if args.no_full_union:
                    continue
                digest = _sha(out / "current" / "graph.nq")
                whole = _child(_BUILD, paths, str(out), json.dumps({**options, "incremental": False}))
                print(_row(f"{n}+10", n + 10, whole) + "  (the same, union rebuilt in full, cache)", flush=True)
                same = digest == _sha(out / "current" / "graph.nq")
                print(f"{'':>8} incremental / full union: time {again['wall'] / whole['wall']:.3f}x; "
                      f"the same graph.nq: {'yes' if same else 'NO'}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
