"""Reading and extraction per document, today's code against a baseline commit in the same run.

The corpus is fixed: ``gen_corpus.py`` output at ``--n`` documents (default 300, seed fixed) plus
the bundled sample and every evaluation document (``data/corpus``, ``data/eval*``). The baseline
is another commit's ``src/qgraph`` (default :data:`BASELINE`, the last commit before the
extraction speed-ups; ``--baseline-ref main`` or any git ref), taken with ``git archive`` into a
temporary directory with the lexicon, ontology and shapes of that commit.

Each round runs the baseline and today's code, each in a fresh child process that reads every
document once (timed: decoding, header, HTML, boilerplate, sentences), extracts one warm-up
document (loading the lexicon, not timed) and then extracts every document (timed). The script
prints, per side, the median over ``--rounds`` rounds of ms/document and characters/s for reading
and for extraction, the ratio baseline / today, and whether both sides gave the same extractions
(a hash of every extraction's ``repr``).

    python benchmarks/bench_extract.py                     # N = 300, 3 rounds
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
DOCUMENT_DIRS = ("data/corpus", "data/eval", "data/eval-awards", "data/eval-bulletins", "data/eval-holdout")

_WORKER = r"""
import cProfile, hashlib, json, pstats, sys, time, warnings
from pathlib import Path
import qgraph
from qgraph.extract import extract
from qgraph.lexicon import load_lexicon
from qgraph.sources import read_document

paths = [Path(p) for p in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()]
profile = sys.argv[2] == "profile"
warnings.simplefilter("ignore")
t = time.perf_counter()
docs = [read_document(p) for p in paths]
read = time.perf_counter() - t
lex = load_lexicon()
extract(docs[0], lex)
digest = hashlib.sha256()
prof = cProfile.Profile() if profile else None
t = time.perf_counter()
if prof:
    prof.enable()
outs = [extract(d, lex) for d in docs]
if prof:
    prof.disable()
ext = time.perf_counter() - t
for out in outs:
    digest.update(repr(out).encode("utf-8"))
if prof:
    pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
print(json.dumps({"module": qgraph.__file__, "docs": len(docs), "chars": sum(len(d.text) for d in docs),
                  "read": read, "extract": ext, "digest": digest.hexdigest()}))
"""


def corpus(n: int, directory: Path) -> list[Path]:
    from gen_corpus import write_corpus

    paths = write_corpus(n, directory / "generated") if n else []
    for d in DOCUMENT_DIRS:
        paths += sorted(p for p in (ROOT / d).iterdir() if p.suffix in (".txt", ".html") and p.name != "README.md")
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
    ap.add_argument("--rounds", type=int, default=3)
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
              f"median of {args.rounds} round(s)")
        print(f"{'code':<20}{'read ms/doc':>12}{'extract ms/doc':>16}{'extract chars/s':>17}")
        med: dict[str, tuple[float, float]] = {}
        for name, rs in results.items():
            read = statistics.median(r["read"] for r in rs)
            ext = statistics.median(r["extract"] for r in rs)
            med[name] = (read, ext)
            print(f"{name:<20}{read / docs * 1000:12.2f}{ext / docs * 1000:16.2f}{chars / ext:17,.0f}")
        if len(sides) == 2:
            (b_read, b_ext), (c_read, c_ext) = med.values()
            digests = {r["digest"] for rs in results.values() for r in rs}
            print(f"speed-up (baseline / current): extraction x{b_ext / c_ext:.2f}, reading x{b_read / c_read:.2f}")
            print("same extractions as the baseline: " + ("yes" if len(digests) == 1 else "NO (outputs differ)"))


if __name__ == "__main__":
    main()
