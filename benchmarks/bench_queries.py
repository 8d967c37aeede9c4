"""Stored-query latency on a generated corpus: the stored queries against their earlier texts.

Builds (or reuses) a corpus of N documents made by ``gen_corpus.py`` and times every stored query
with typical parameters (a place, an organisation, a centre… picked from the graph: the most
frequent; the place with most pass-rate figures), median of ``--repeat`` runs inside Python on the pyoxigraph store, for the query text of
``queries/`` and for the earlier text kept in ``queries/sparql11/`` (each run in a
child process stopped at ``--old-timeout``), and prints the ratio. Then the cost of one
``qgraph query`` from the command line (start-up included), in-process against a worker process and
against an ``oxigraph query`` process.

``--replicate K`` also times the new texts on a store made of K copies of the build's N-Quads with
the document-local IRIs renamed per copy (graph, document, mention, observation… IRIs get a
suffix): a synthetic K×N-document store, for an estimate where the build itself cannot go yet.

    python benchmarks/bench_queries.py --n 300
    python benchmarks/bench_queries.py --n 1000 --replicate 10     # ~10,000 documents, synthetic
    python benchmarks/bench_queries.py --store DIR --before REV --alternate   # both texts, one process
    python benchmarks/bench_queries.py --store DIR --reference --repeat 7     # beside a fixed-work query, with the load
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

OLD_DIR = ROOT / "queries" / "sparql11"
_CLI = "from qgraph.cli import main; main()"

_TIME_ONE = r"""
import json, statistics, sys, time
from pathlib import Path
import pyoxigraph as ox
from qgraph.query import StoredQuery
from qgraph.sparql import substitute
from qgraph.sparql_prefixes import SPARQL_PREFIXES
store = ox.Store.read_only(sys.argv[1])
q = StoredQuery.from_text(Path(sys.argv[2]).read_text(encoding="utf-8"), name=Path(sys.argv[2]).stem)
params = json.loads(sys.argv[3])
text = substitute(q.text, q.bind({k: v for k, v in params.items() if k in {p.name for p in q.params}}))
if int(sys.argv[5]):
    from qgraph.query import limited
    text = limited(text, int(sys.argv[5]))
times, rows = [], 0
for _ in range(int(sys.argv[4])):
    t = time.perf_counter()
    rows = len(list(store.query(text, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True)))
    times.append(time.perf_counter() - t)
print(json.dumps({"median": statistics.median(times), "rows": rows}))
"""

_PICK = """
SELECT ?what ?label WHERE {
  { SELECT ("place" AS ?what) ?x (COUNT(*) AS ?n) WHERE {
      { SELECT DISTINCT ?m WHERE { ?m a qg:Measure ; skos:prefLabel ?ml FILTER(CONTAINS(STR(?ml), "合格率")) } }
      ?o qg:measure ?m ; sdmx-dimension:refArea ?x } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1 }
  UNION { SELECT ("organization" AS ?what) ?x (COUNT(*) AS ?n) WHERE { ?p org:postIn ?x } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1 }
  UNION { SELECT ("centre" AS ?what) ?x (COUNT(*) AS ?n) WHERE { ?s qg:performedBy ?x ; qg:served ?c } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1 }
  UNION { SELECT ("programme" AS ?what) ?x (COUNT(*) AS ?n) WHERE { ?l qg:programme ?x } GROUP BY ?x ORDER BY DESC(?n) LIMIT 1 }
  ?x rdfs:label ?label FILTER(LANG(?label) = "zh")
}
"""


def typical_params(store_dir: Path) -> dict[str, dict[str, str]]:
    """Per query, the parameters a user would typically give, picked from the graph."""
    import pyoxigraph as ox

    from qgraph.sparql_prefixes import SPARQL_PREFIXES

    store = ox.Store.read_only(str(store_dir))
    picked = {str(s["what"].value): str(s["label"].value)
              for s in store.query(_PICK, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True)}
    place = picked.get("place", "枣庄市")
    with_place = {"place": place}
    return {
        "chain-projects": with_place, "construction-checks": with_place, "enforcement": with_place,
        "facilities": with_place, "innovation-centres": with_place, "spot-checks": with_place,
        "statistics": {"place": place, "measure": "合格率"}, "figure-over-time": {"place": place, "measure": "合格率"},
        "describe-entity": {"entity": picked.get("organization", "枣庄市市场监督管理局")},
        "speakers": {"organization": picked.get("organization", "")},
        "inspection-clients": {"centre": picked.get("centre", "")},
        "honours": {"programme": picked.get("programme", "")}, "selections": {}, "trademarks-gi": {},
        "policies": {"type": "纲要"},
    }


def time_query(store: Path, query: Path, params: dict[str, str], repeat: int, timeout: float, limit: int = 0) -> dict | None:
    try:
        proc = subprocess.run([sys.executable, "-c", _TIME_ONE, str(store), str(query), json.dumps(params), str(repeat), str(limit)],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        raise SystemExit(f"{query.name} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def ensure_build(n: int, work: Path) -> Path:
    """The store of a build of N generated documents under ``work`` (made once, then reused)."""
    from gen_corpus import write_corpus

    corpus, build = work / f"corpus-{n}", work / f"build-{n}"
    if not (build / "current" / "store").is_dir():
        if not corpus.is_dir():
            write_corpus(n, corpus)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", _CLI, "build", str(corpus), "-o", str(build), "-j", "1"],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"built {n} documents in {time.perf_counter() - t:.0f} s")
    return build / "current" / "store"


_LOCAL = re.compile(r"<(https://w3id\.org/qgraph/id/(?:doc|graph)/[^/>]+)([^>]*)>")


def replicate(build_store: Path, copies: int, work: Path) -> Path:
    """A store of ``copies`` renamed copies of the build's N-Quads (synthetic; see the module doc)."""
    import pyoxigraph as ox

    target = work / f"replicated-{copies}x-{build_store.parent.parent.name}"
    if target.is_dir():
        return target
    nq = (build_store.parent / "graph.nq").read_text(encoding="utf-8").splitlines()
    tmp = target.with_suffix(".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    for k in range(copies):
        text = "\n".join(_LOCAL.sub(lambda m: f"<{m[1]}-r{k}{m[2]}>", line) for line in nq) if k else "\n".join(nq)
        store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    del store
    tmp.rename(target)
    return target


def cli_times(build_dir: Path, repeat: int) -> dict[str, float]:
    """Wall time of one ASK on the build: ``qgraph query`` (one Python process), the library with a
    ``python -m qgraph.query_worker`` process (the path remote endpoints still take), ``oxigraph query``."""
    from qgraph.serve_engine import find_oxigraph

    store = build_dir / "current" / "store"
    runs = {
        "qgraph query (one process)": [sys.executable, "-c", _CLI, "query", "-e", "ASK {}", "--build", str(build_dir)],
        "with a worker process": [sys.executable, "-c",
                                  "import sys; from qgraph import query as q; "
                                  "q._call_worker({'source': sys.argv[1], 'endpoint': None, 'http_timeout': 30, "
                                  "'prefixes': q.PREFIXES, 'queries': [{'text': 'ASK {}', 'form': 'ASK', "
                                  "'prologue': '', 'bindings': {}}]}, 30)", str(store)],
        "oxigraph query process": [find_oxigraph(), "query", "--location", str(store), "--query", "ASK {}",
                                   "--results-format", "tsv"],
    }
    out = {}
    for name, cmd in runs.items():
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        out[name] = statistics.median(times)
    return out


def cli_query_time(build_dir: Path, query: Path, params: dict[str, str], repeat: int, timeout: float) -> float | None:
    cmd = [sys.executable, "-c", _CLI, "query", str(query), "--build", str(build_dir), "--timeout", str(timeout)]
    for k, v in params.items():
        cmd += ["-p", f"{k}={v}"]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            return None
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def export_queries(rev: str, work: Path) -> Path:
    """The stored-query texts of git revision ``rev``, written under ``work`` (for a before/after table)."""
    target = work / f"queries-{rev}"
    target.mkdir(parents=True, exist_ok=True)
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "queries/"],
                           capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        if name.endswith(".rq"):
            text = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{name}"], capture_output=True, check=True).stdout
            (target / Path(name).name).write_bytes(text)
    return target


def matrix(store: Path, params: dict[str, dict[str, str]], names: list[str], before: Path | None,
           repeat: int, timeout: float, skip_all: bool = False) -> None:
    """Per query: its usual parameters, none (every row) and none as a table shows it (the first
    DEFAULT_LIMIT rows), now and — with ``before`` — for the texts there."""
    from qgraph.query import DEFAULT_LIMIT

    cols = ["usual", "none: all rows", f"none: {DEFAULT_LIMIT} rows"]
    wanted = [i for i, c in enumerate(cols) if not skip_all or i != 1]
    head = "".join(f"{c + (' now' if before else ''):>20}" + (f"{'before':>12}" if before and i < 2 else "")
                   for i, c in enumerate(cols) if i in wanted)
    print(f"{'query':22}{head}")
    for name in names:
        cells = []
        for i, (p, limit) in enumerate([(params[name], 0), ({}, 0), ({}, DEFAULT_LIMIT + 1)]):
            if i not in wanted:
                continue
            now = time_query(store, ROOT / "queries" / f"{name}.rq", p, repeat, timeout * repeat, limit)
            cells.append(f"{_ms(now and now['median'], timeout):>12} {('(' + str(now['rows']) + ')') if now else '':>7}")
            if before and i < 2:
                old = time_query(store, before / f"{name}.rq", p, max(1, repeat // 2), timeout * max(1, repeat // 2))
                cells.append(f"{_ms(old and old['median'], timeout):>12}")
        print(f"{name:22}" + "".join(f"{c:>20}" if len(c) > 12 else c for c in cells), flush=True)


def alternating(store: Path, params: dict[str, dict[str, str]], names: list[str], before: Path, repeat: int) -> None:
    """Per query, its text of ``before`` and of ``queries/`` run alternately in this one process (so a
    busy machine weighs on both alike), median of ``repeat`` each: with its usual parameters, and as
    a table without them (the first DEFAULT_LIMIT rows, one more asked for). Wall time, and the CPU
    time of this thread (Oxigraph evaluates a query in the calling thread), rows in square brackets."""
    import pyoxigraph as ox

    from qgraph.query import DEFAULT_LIMIT, StoredQuery, limited
    from qgraph.sparql import substitute
    from qgraph.sparql_prefixes import SPARQL_PREFIXES

    db = ox.Store.read_only(str(store))

    def text(path: Path, given: dict[str, str], page: bool) -> str:
        q = StoredQuery.from_text(path.read_text(encoding="utf-8"), name=path.stem)
        bound = substitute(q.text, q.bind({k: v for k, v in given.items() if k in {p.name for p in q.params}}))
        return limited(bound, DEFAULT_LIMIT + 1) if page else bound

    print("wall time, and in brackets the CPU time of the querying thread (less sensitive to other work on the machine)")
    print(f"{'query':22}{'usual: before':>22}{'now':>26}{'a table: before':>22}{'now':>26}")
    for name in names:
        cells = []
        for given, page in ((params[name], False), ({}, True)):
            texts = [text(before / f"{name}.rq", given, page), text(ROOT / "queries" / f"{name}.rq", given, page)]
            times: list[list[float]] = [[], []]
            cpu: list[list[float]] = [[], []]
            rows = 0
            for _ in range(repeat):
                for i, t in enumerate(texts):
                    start, start_cpu = time.perf_counter(), time.thread_time()
                    rows = len(list(db.query(t, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True)))
                    times[i].append(time.perf_counter() - start)
                    cpu[i].append(time.thread_time() - start_cpu)
            cells += [f"{_ms(statistics.median(times[0]), 0)} ({_ms(statistics.median(cpu[0]), 0)})".rjust(22),
                      f"{_ms(statistics.median(times[1]), 0)} ({_ms(statistics.median(cpu[1]), 0)}) [{rows}]".rjust(26)]
        print(f"{name:22}" + "".join(cells), flush=True)


REFERENCE_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { SELECT ?s WHERE { ?s ?p ?o } LIMIT 100000 }"
"""A query of fixed work on any store of 100,000 quads or more (reading 100,000 of them in index
order): timed beside each stored query, so that a loaded machine can be factored out — each query
is also given as a multiple of it, and a quiet machine's time as that multiple of the reference
measured quietly."""


def referenced(store: Path, params: dict[str, dict[str, str]], names: list[str], before: Path | None,
               repeat: int) -> None:
    """Per query, with its usual parameters and as a table (the first DEFAULT_LIMIT rows): the
    reference query, the text of ``before`` (when given) and that of ``queries/`` run in turn in
    this one process, ``repeat`` times; the median wall time of each, the CPU time of the querying
    thread, the query as a multiple of the reference, and the 1-minute load average of the machine
    while the row ran (the mean of its readings)."""
    import os

    import pyoxigraph as ox

    from qgraph.query import DEFAULT_LIMIT, StoredQuery, limited
    from qgraph.sparql import substitute
    from qgraph.sparql_prefixes import SPARQL_PREFIXES

    db = ox.Store.read_only(str(store))

    def text(path: Path, given: dict[str, str], page: bool) -> str:
        q = StoredQuery.from_text(path.read_text(encoding="utf-8"), name=path.stem)
        bound = substitute(q.text, q.bind({k: v for k, v in given.items() if k in {p.name for p in q.params}}))
        return limited(bound, DEFAULT_LIMIT + 1) if page else bound

    def run(t: str) -> tuple[float, float, int]:
        start, start_cpu = time.perf_counter(), time.thread_time()
        rows = len(list(db.query(t, prefixes=SPARQL_PREFIXES, use_default_graph_as_union=True)))
        return time.perf_counter() - start, time.thread_time() - start_cpu, rows

    def answer_row(name: str) -> None:
        """A query whose usual text is answered at build time (every row of selections, trademarks-gi):
        what ``qgraph query NAME`` does instead of running it, timed beside the reference: the answer
        found and written as CSV, and as the complete table (``--limit 0``)."""
        import io

        from qgraph.answers import stored_answer, write_answer
        from qgraph.query import load_query
        from qgraph.results import format_answer_table

        stored = load_query(name)
        bindings = stored.bind({k: v for k, v in params[name].items() if k in {p.name for p in stored.params}})
        if stored_answer(store, stored.text, bindings) is None:
            return
        unbound = [p.name for p in stored.params if p.name not in bindings]

        def csv() -> int:
            out = io.BytesIO()
            write_answer(stored_answer(store, stored.text, bindings), "csv", out)  # type: ignore[arg-type]
            return out.getvalue().count(b"\n") - 1

        def table() -> int:
            shown = format_answer_table(stored_answer(store, stored.text, bindings), max_width=60,  # type: ignore[arg-type]
                                        hide_unbound=unbound)
            return shown.count("\n") - 2

        def timed(fn) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
            start, start_cpu = time.perf_counter(), time.thread_time()
            rows = fn()
            return time.perf_counter() - start, time.thread_time() - start_cpu, rows

        for label, fn in (("ans-csv", csv), ("ans-tbl", table)):
            runs: list[list[tuple[float, float, int]]] = [[], []]
            loads = []
            for _ in range(repeat):
                loads.append(os.getloadavg()[0])
                runs[0].append(run(REFERENCE_QUERY))
                runs[1].append(timed(fn))
            med = [(statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), rs[-1][2]) for rs in runs]
            ref = med[0][0]
            cells = f"{med[0][0] * 1000:7.0f} ({med[0][1] * 1000:4.0f})" + " " * (30 if before else 0)
            wall, cpu, rows = med[1]
            cells += f"{f'{wall * 1000:.0f} ({cpu * 1000:.0f}) [{rows}] ×{wall / ref:.1f}':>30}"
            print(f"{name:22}{label:>7}{cells:>16}{statistics.mean(loads):7.1f}", flush=True)

    run(REFERENCE_QUERY)
    print("median wall ms (CPU ms of the querying thread) [rows] ×reference; load: 1-minute load average during the row")
    cols = (["before"] if before else []) + ["now"]
    print(f"{'query':22}{'mode':>7}{'reference':>16}" + "".join(f"{c:>30}" for c in cols) + f"{'load':>7}")
    for name in names:
        for label, given, page in (("usual", params[name], False), ("table", {}, True)):
            texts = ([text(before / f"{name}.rq", given, page)] if before else []) + [text(ROOT / "queries" / f"{name}.rq", given, page)]
            runs: list[list[tuple[float, float, int]]] = [[] for _ in range(len(texts) + 1)]
            loads = []
            for _ in range(repeat):
                loads.append(os.getloadavg()[0])
                for i, t in enumerate([REFERENCE_QUERY] + texts):
                    runs[i].append(run(t))
            med = [(statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), rs[-1][2]) for rs in runs]
            ref = med[0][0]
            cells = f"{med[0][0] * 1000:7.0f} ({med[0][1] * 1000:4.0f})"
            for wall, cpu, rows in med[1:]:
                cells += f"{f'{wall * 1000:.0f} ({cpu * 1000:.0f}) [{rows}] ×{wall / ref:.1f}':>30}"
            print(f"{name:22}{label:>7}{cells:>16}{statistics.mean(loads):7.1f}", flush=True)
        answer_row(name)



def _ms(value: float | None, cap: float) -> str:
    return f">{cap:.0f} s" if value is None else f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def print_startup(build_dir: Path) -> None:
    """The fixed cost of one query from the command line (median of 5), start-up included."""
    print("\none query from the command line, start-up included (median of 5):")
    for what, seconds in cli_times(build_dir, 5).items():
        print(f"  {what:28} {seconds * 1000:6.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="documents in the generated corpus")
    ap.add_argument("--work", type=Path, default=ROOT / "out" / "bench-queries", help="where corpora and builds are kept")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    ap.add_argument("--old-timeout", type=float, default=60.0, help="seconds before an earlier text is given up")
    ap.add_argument("--only", default="", help="comma-separated query names")
    ap.add_argument("--replicate", type=int, default=0, help="also time on K renamed copies of the build (synthetic)")
    ap.add_argument("--no-cli", action="store_true", help="skip the command-line timings")
    ap.add_argument("--only-replicated", action="store_true", help="time only on the replicated store")
    ap.add_argument("--store", type=Path, help="time on this built store instead of building N documents")
    ap.add_argument("--before", metavar="REV", help="with --store: also time the stored-query texts of git revision REV")
    ap.add_argument("--timeout", type=float, default=120.0, help="with --store: seconds before a run is given up")
    ap.add_argument("--skip-all-rows", action="store_true", help="with --store: do not time every row without parameters")
    ap.add_argument("--alternate", action="store_true", help="with --store and --before: both texts in this process, run alternately")
    ap.add_argument("--reference", action="store_true",
                    help="with --store: each query beside a reference query of fixed work, with the load average (and --before's text)")
    args = ap.parse_args()

    store = args.store or ensure_build(args.n, args.work)
    params = typical_params(store)
    names = [n for n in (args.only.split(",") if args.only else sorted(params))]
    if args.store:
        print(f"stored queries on {store}; median of {args.repeat} inside Python (before: of {max(1, args.repeat // 2)}); "
              f"(rows); parameters: " + "; ".join(f"{k}: {v}" for k, v in params.items() if v))
        if args.reference:
            referenced(store, params, names, export_queries(args.before, args.work) if args.before else None, args.repeat)
            return
        if args.alternate and args.before:
            alternating(store, params, names, export_queries(args.before, args.work), args.repeat)
            return
        matrix(store, params, names, export_queries(args.before, args.work) if args.before else None,
               args.repeat, args.timeout, args.skip_all_rows)
        if not args.no_cli:
            build_dir = store.parent.parent
            print_startup(build_dir)
            print(f"{'query':22} {'usual parameters':>18} {'none (a table)':>16}")
            for name in names:
                usual = cli_query_time(build_dir, ROOT / "queries" / f"{name}.rq", params[name], 3, args.timeout)
                none = cli_query_time(build_dir, ROOT / "queries" / f"{name}.rq", {}, 3, args.timeout)
                print(f"{name:22} {_ms(usual, args.timeout):>18} {_ms(none, args.timeout):>16}", flush=True)
        return
    if args.only_replicated:
        names_for_table: list[str] = []
    else:
        names_for_table = names
    print(f"stored queries on {args.n} generated documents ({store}); median of {args.repeat}, inside Python")
    print(f"{'query':22} {'parameters':34} {'rows':>6} {'new':>9} {'earlier':>9} {'ratio':>7}")
    for name in names_for_table:
        p = params[name]
        new = time_query(store, ROOT / "queries" / f"{name}.rq", p, args.repeat, args.old_timeout * args.repeat)
        old = time_query(store, OLD_DIR / f"{name}.rq", p, 1, args.old_timeout)
        ratio = "" if not new else f"{old['median'] / new['median']:.0f}×" if old else f">{args.old_timeout / new['median']:.0f}×"
        shown = ", ".join(f"{k}={v}" for k, v in p.items()) or "(defaults)"
        print(f"{name:22} {shown[:34]:34} {new['rows'] if new else '?':>6} {_ms(new and new['median'], args.old_timeout * args.repeat):>9} "
              f"{_ms(old and old['median'], args.old_timeout):>9} {ratio:>7}", flush=True)
    if args.replicate > 1:
        big = replicate(store, args.replicate, args.work)
        print(f"\nsynthetic store: {args.replicate} renamed copies of the {args.n}-document build "
              f"(~{args.replicate * args.n} documents; not a build), new texts only")
        for name in names:
            new = time_query(big, ROOT / "queries" / f"{name}.rq", params[name], args.repeat, 600)
            print(f"{name:22} {_ms(new and new['median'], 600):>9}  rows={new['rows'] if new else '?'}", flush=True)
    if not args.no_cli:
        build_dir = store.parent.parent
        print_startup(build_dir)
        print(f"{'query':22} {'qgraph query, new text':>24} {'earlier text':>14}")
        for name in names:
            new = cli_query_time(build_dir, ROOT / "queries" / f"{name}.rq", params[name], 3, args.old_timeout)
            old = cli_query_time(build_dir, OLD_DIR / f"{name}.rq", params[name], 1, args.old_timeout)
            print(f"{name:22} {_ms(new, args.old_timeout):>24} {_ms(old, args.old_timeout):>14}", flush=True)


if __name__ == "__main__":
    main()
