"""Reading and extraction per document, today's code against a baseline commit in the same run.

The corpus is fixed: ``gen_corpus.py`` output at ``--n`` documents (default 300, seed fixed) plus
the bundled sample and every evaluation document (``data/corpus``, ``data/eval*``). The baseline
is another commit's ``src/qgraph`` (default :data:`BASELINE`, the last commit before the
extraction speed-ups; ``--baseline-ref main`` or any git ref), taken with ``git archive`` into a
temporary directory with the lexicon, ontology and shapes of that commit.

Each round runs the baseline and today's code, each in a fresh child process that reads every
document once as a build does (timed: decoding, header, HTML, boilerplate, sentences), extracts
one warm-up document (loading the lexicon, not timed) and then extracts every document (timed).
When both sides have the mapping (``qgraph.mapping``), it then maps every extraction to its
shard's lines (timed: the first time each name is met, as a build worker meets them), and runs
every document through a build worker's whole task (``qgraph.shards._map_one``: extract, map,
write the shard and its cache record, and the record the parent receives, whose pickled size
is printed), and checks that both sides give the same shards.
The script prints, per side, the best of ``--rounds`` rounds (the one least disturbed by other
work) of ms/document and characters/s for reading and for extraction — the CPU time of the
process, which a machine busy with other work disturbs less than the wall time (printed in
brackets) — and, least disturbed of all, the sum over the documents of each one's best time over
the rounds ("best per doc"); then the ratios baseline / today, and whether both sides gave the same
extractions (a hash of every extraction's ``repr``).

    python benchmarks/bench_extract.py                     # N = 300, 5 rounds
    python benchmarks/bench_extract.py --n 100 --rounds 1 --baseline-ref main
    python benchmarks/bench_extract.py --profile current   # cProfile of today's extraction, top 25
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

BASELINE = "31bd002"
"""The last commit before the extraction speed-ups."""

_WORKER = r"""
import cProfile, hashlib, json, pstats, sys, time, warnings
from pathlib import Path
import qgraph
from qgraph.extract import extract
from qgraph.lexicon import load_lexicon
from qgraph.sources import iter_documents

paths = [Path(p) for p in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()]
profile = sys.argv[2] == "profile"
warnings.simplefilter("ignore")
t, c = time.perf_counter(), time.process_time()
docs = list(iter_documents(paths))  # as a build reads them
read, read_cpu = time.perf_counter() - t, time.process_time() - c
lex = load_lexicon()
extract(docs[0], lex)
digest = hashlib.sha256()
prof = cProfile.Profile() if profile else None
t, c = time.perf_counter(), time.process_time()
if prof:
    prof.enable()
outs, per_doc = [], []
for d in docs:
    c0 = time.process_time()
    outs.append(extract(d, lex))
    per_doc.append(time.process_time() - c0)
if prof:
    prof.disable()
ext, ext_cpu = time.perf_counter() - t, time.process_time() - c
for out in outs:
    digest.update(repr(out).encode("utf-8"))
mapped = {}
try:
    from qgraph.mapping import map_document
except ImportError:  # (a baseline from before the map stage: extraction only)
    map_document = None
if sys.argv[2] == "time" and map_document is not None:
    # the map: each extraction to its shard's lines (first time for each name: as a worker meets them)
    shard_digest = hashlib.sha256()
    t, c = time.perf_counter(), time.process_time()
    shards = [map_document(out, lex) for out in outs]
    mapped.update(map=time.perf_counter() - t, map_cpu=time.process_time() - c,
                  quads=sum(len(s.lines) for s in shards), nq_bytes=sum(len(l.encode()) + 1 for s in shards for l in s.lines))
    for s in shards:
        shard_digest.update(repr((s.lines, sorted(s.shared), s.minted, s.classes)).encode("utf-8"))
    mapped["shard_digest"] = shard_digest.hexdigest()
    # a build's worker: extract, map, write the shard and its cache record, return the record
    import inspect, pickle, tempfile
    from qgraph import shards as shard_stage
    with tempfile.TemporaryDirectory() as tmp:
        cache_on = True if "cached" in inspect.signature(shard_stage._init).parameters else Path(tmp) / "extract"
        shard_stage._init(lex, Path(tmp) / "shard", cache_on)
        t, c = time.perf_counter(), time.process_time()
        records = [shard_stage._map_one(d) for d in docs]
        mapped.update(worker=time.perf_counter() - t, worker_cpu=time.process_time() - c,
                      record_bytes=sum(len(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for r in records))
if prof:
    pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
print(json.dumps({"module": qgraph.__file__, "docs": len(docs), "chars": sum(len(d.text) for d in docs),
                  "read": read, "read_cpu": read_cpu, "extract": ext, "extract_cpu": ext_cpu, "per_doc": per_doc,
                  "digest": digest.hexdigest(), **mapped}))
"""


def corpus(n: int, directory: Path) -> list[Path]:
    from gen_corpus import write_corpus

    paths = write_corpus(n, directory / "generated") if n else []
    for d in [ROOT / "data" / "corpus", *sorted(p for p in (ROOT / "data").glob("eval*") if p.is_dir())]:
        paths += sorted(p for p in d.iterdir() if p.suffix in (".txt", ".html") and p.name != "README.md")
    return paths


def baseline_tree(ref: str, directory: Path) -> Path | None:
    """``ref``'s package (with its lexicon, ontology, shapes) under ``directory``; its ``src`` path."""
    parts = ["src/qgraph", "data/lexicon", "ontology", "shapes", "queries"]
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, *parts], capture_output=True)
    if archive.returncode != 0:
        print(f"baseline: git archive {ref} failed: {archive.stderr.decode().strip()}", file=sys.stderr)
        return None
    directory.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(directory)], input=archive.stdout, check=True)
    return directory / "src"


def run(src: Path, list_file: Path, profile: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, "-c", _WORKER, str(list_file), "profile" if profile else "time"],
                          capture_output=True, text=True, env=env, cwd=src.parent)
    if proc.returncode != 0:
        raise SystemExit(f"worker for {src} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if Path(result["module"]).resolve().parent.parent != src.resolve():
        raise SystemExit(f"worker imported {result['module']}, not the code under {src}")
    if profile:
        print(proc.stderr)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="generated documents (plus the bundled and evaluation ones)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--baseline-ref", default=BASELINE, help="git ref of the baseline code ('none': no baseline)")
    ap.add_argument("--profile", choices=("current", "baseline"), help="print a cProfile of one side's extraction instead")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        paths = corpus(args.n, tmpdir)
        list_file = tmpdir / "paths.txt"
        list_file.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
        sides = {"current": ROOT / "src"}
        if args.baseline_ref != "none":
            base = baseline_tree(args.baseline_ref, tmpdir / "baseline")
            if base is not None:
                sides = {f"baseline {args.baseline_ref}": base, **sides}
        if args.profile:
            side = next(k for k in sides if k.startswith(args.profile))
            run(sides[side], list_file, profile=True)
            return
        results: dict[str, list[dict]] = {k: [] for k in sides}
        for _ in range(args.rounds):
            for name, src in sides.items():
                results[name].append(run(src, list_file))
        first = results["current"][0]
        docs, chars = first["docs"], first["chars"]
        print(f"corpus: {docs} documents ({args.n} generated + {docs - args.n} bundled/eval), {chars:,} characters; "
              f"best of {args.rounds} round(s); CPU time of the process (wall time in brackets)")
        print(f"{'code':<20}{'read ms/doc':>18}{'extract ms/doc':>20}{'extract chars/s':>17}{'best per doc':>15}")
        med: dict[str, dict[str, float]] = {}
        for name, rs in results.items():
            m = med[name] = {k: min(r[k] for r in rs) for k in ("read", "read_cpu", "extract", "extract_cpu")}
            m["per_doc"] = sum(min(times) for times in zip(*(r["per_doc"] for r in rs)))
            print(f"{name:<20}{m['read_cpu'] / docs * 1000:9.2f} ({m['read'] / docs * 1000:6.2f})"
                  f"{m['extract_cpu'] / docs * 1000:11.2f} ({m['extract'] / docs * 1000:6.2f})"
                  f"{chars / m['extract_cpu']:17,.0f}{m['per_doc'] / docs * 1000:15.2f}")
        if len(sides) == 2:
            base, cur = med.values()
            digests = {r["digest"] for rs in results.values() for r in rs}
            print(f"speed-up (baseline / current, CPU): extraction x{base['extract_cpu'] / cur['extract_cpu']:.2f} "
                  f"(each document's best round: x{base['per_doc'] / cur['per_doc']:.2f}) "
                  f"(wall x{base['extract'] / cur['extract']:.2f}), reading x{base['read_cpu'] / cur['read_cpu']:.2f} "
                  f"(wall x{base['read'] / cur['read']:.2f})")
            med_ratio = statistics.median(b["extract_cpu"] for b in results[next(iter(results))]) \
                / statistics.median(r["extract_cpu"] for r in results["current"])
            per_round = [b["extract_cpu"] / c["extract_cpu"] for b, c in zip(results[next(iter(results))], results["current"])]
            print(f"median over rounds: extraction x{med_ratio:.2f}; per round (baseline / current, same round) "
                  f"median x{statistics.median(per_round):.2f}, range x{min(per_round):.2f}-x{max(per_round):.2f}")
            print("same extractions as the baseline: " + ("yes" if len(digests) == 1 else "NO (outputs differ)"))
        if all("map_cpu" in rs[0] for rs in results.values()):
            print(f"\n{'code':<20}{'map ms/doc':>18}{'worker ms/doc':>20}{'record B/doc':>14}{'quads/doc':>11}{'N-Quads B/doc':>15}")
            for name, rs in results.items():
                m = {k: min(r[k] for r in rs) for k in ("map", "map_cpu", "worker", "worker_cpu")}
                med[name].update(m)
                print(f"{name:<20}{m['map_cpu'] / docs * 1000:9.2f} ({m['map'] / docs * 1000:6.2f})"
                      f"{m['worker_cpu'] / docs * 1000:11.2f} ({m['worker'] / docs * 1000:6.2f})"
                      f"{rs[0]['record_bytes'] / docs:14,.0f}{rs[0]['quads'] / docs:11,.1f}{rs[0]['nq_bytes'] / docs:15,.0f}")
            if len(sides) == 2:
                base, cur = med.values()
                shard_digests = {r["shard_digest"] for rs in results.values() for r in rs}
                print(f"speed-up (baseline / current, CPU): mapping x{base['map_cpu'] / cur['map_cpu']:.2f}, "
                      f"a build worker's whole work per document x{base['worker_cpu'] / cur['worker_cpu']:.2f}")
                print("same shards as the baseline: " + ("yes" if len(shard_digests) == 1 else "NO (outputs differ)"))

if __name__ == "__main__":
    main()
