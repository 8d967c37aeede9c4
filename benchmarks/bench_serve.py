"""``qgraph serve`` against ``oxigraph serve-read-only`` (the baseline) on the same store.

Both serve a synthetic store (see ``bench_query.py``) on 127.0.0.1. The script measures

- the median time of one small query, sent one after another;
- queries per second for a mix of small queries sent by 16 clients at once;
- what a ``COUNT`` over a six-way cartesian product costs after its time limit (2 s): seconds
  until the client gets an answer, and the engine's CPU seconds in the 5 s after that answer
  (0 means the work stopped).

and prints qgraph / baseline ratios.

    python benchmarks/bench_serve.py                  # ~20k triples
    python benchmarks/bench_serve.py --triples 100000
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_query import PREFIXES, synthetic_ntriples  # noqa: E402

from qgraph.serve import make_server  # noqa: E402
from qgraph.serve_engine import find_oxigraph  # noqa: E402

SMALL = [PREFIXES + "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
         PREFIXES + "SELECT ?obs ?v WHERE { ?obs qg:value ?v } LIMIT 20",
         PREFIXES + "ASK { ?obs a qg:Observation }"]
CARTESIAN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q . ?r ?t ?u }"


def ask(url: str, query: str, timeout: float = 120) -> int:
    req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of processes and their children (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += tree(int(child))
    return found


def measure(name: str, url: str, pid: int) -> dict[str, float]:
    ask(url, SMALL[0])
    single = []
    for i in range(30):
        start = time.perf_counter()
        assert ask(url, SMALL[i % 3]) == 200
        single.append(time.perf_counter() - start)
    start = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        codes = list(pool.map(lambda i: ask(url, SMALL[i % 3]), range(200)))
    qps = len(codes) / (time.perf_counter() - start)
    assert codes.count(200) == len(codes), codes
    start = time.perf_counter()
    code = ask(url, CARTESIAN, timeout=60)
    waited = time.perf_counter() - start
    before = cpu_seconds(tree(pid))
    time.sleep(5)
    after_cpu = cpu_seconds(tree(pid)) - before
    print(f"{name:28} one query {statistics.median(single) * 1000:7.1f} ms   {qps:7.1f} queries/s   "
          f"cartesian: HTTP {code or 'none'} after {waited:5.1f} s, then {after_cpu:5.1f} CPU s")
    return {"single": statistics.median(single), "qps": qps, "after": after_cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        location = Path(tmp) / "store"
        store = ox.Store(str(location))
        store.bulk_load(synthetic_ntriples(args.triples).encode(), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store
        print(f"{args.triples} triples, {os.cpu_count()} cores")

        port = 17_878
        baseline = subprocess.Popen([find_oxigraph(), "serve-read-only", "--location", str(location), "--bind",
                                     f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "2"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                if ask(f"http://127.0.0.1:{port}/query", "ASK {}", timeout=1) == 200:
                    break
                time.sleep(0.05)
            base = measure("oxigraph serve-read-only", f"http://127.0.0.1:{port}/query", baseline.pid)
        finally:
            baseline.kill()
            baseline.wait()

        server = make_server(location, port=0, timeout=2)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            ours = measure("qgraph serve", server.url + "sparql", os.getpid())
        finally:
            server.shutdown()
            server.server_close()
        print(f"qgraph / baseline: one query x{ours['single'] / base['single']:.2f}, "
              f"throughput x{ours['qps'] / base['qps']:.2f}, CPU after the time limit "
              f"{ours['after']:.1f} s vs {base['after']:.1f} s")


if __name__ == "__main__":
    main()
