"""The same GROUP BY and OPTIONAL queries in rdflib and in pyoxigraph, on a synthetic graph.

The graph looks like qgraph's statistics (RDF Data Cube observations with measure, value, unit,
area, level, period, an optional qualifier and labels), about 200k triples by default. Each query
runs several times in each engine in the same process; the script prints the median times and
the rdflib / pyoxigraph ratio, and checks that both engines return the same number of rows.

    python benchmarks/bench_query.py                 # ~200k triples
    python benchmarks/bench_query.py --triples 50000 --repeat 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

import pyoxigraph as ox
import rdflib

QG = "https://w3id.org/qgraph/def#"
ID = "https://w3id.org/qgraph/id/"
PREFIXES = f"""PREFIX qg: <{QG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
"""

QUERIES = {
    "GROUP BY": PREFIXES + """
SELECT ?area ?measure (COUNT(?obs) AS ?n) (SUM(?v) AS ?total) (MAX(?v) AS ?max)
WHERE { ?obs a qg:Observation ; qg:measure ?measure ; sdmx-dimension:refArea ?area ; qg:value ?v }
GROUP BY ?area ?measure""",
    "OPTIONAL": PREFIXES + """
SELECT ?obs ?v ?q ?areaName
WHERE {
  ?obs a qg:Observation ; qg:value ?v ; sdmx-dimension:refArea ?area .
  OPTIONAL { ?obs qg:qualifier ?q }
  OPTIONAL { ?area rdfs:label ?areaName }
}""",
}

TRIPLES_PER_OBSERVATION = 8.1  # 8 per observation, a qualifier on one in ten


def synthetic_ntriples(triples: int, seed: int = 0) -> str:
    """N-Triples of ``triples / 8.1`` observations over 300 places and 60 measures (deterministic)."""
    rng = random.Random(seed)
    lines = []
    places = [f"<{ID}place/{370000 + i}>" for i in range(300)]
    measures = [f"<{ID}measure/m{i}>" for i in range(60)]
    levels = [f"<{QG}{level}>" for level in ("National", "Provincial", "Municipal", "County")]
    for i, place in enumerate(places):
        lines.append(f'{place} <http://www.w3.org/2000/01/rdf-schema#label> "地点{i}"@zh .')
    for i, measure in enumerate(measures):
        lines.append(f'{measure} <http://www.w3.org/2004/02/skos/core#prefLabel> "指标{i}"@zh .')
    for n in range(int(triples / TRIPLES_PER_OBSERVATION)):
        obs = f"<{ID}doc/d{n // 50}/obs/{n}>"
        value = rng.randint(1, 100000) / 10
        lines += [
            f"{obs} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{QG}Observation> .",
            f"{obs} <{QG}measure> {rng.choice(measures)} .",
            f'{obs} <{QG}value> "{value}"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
            f"{obs} <{QG}unit> <{QG}Jia> .",
            f"{obs} <http://purl.org/linked-data/sdmx/2009/dimension#refArea> {rng.choice(places)} .",
            f"{obs} <{QG}level> {rng.choice(levels)} .",
            f'{obs} <{QG}refPeriod> "{rng.randint(2015, 2025)}" .',
            f"{obs} <{QG}subject> {rng.choice(places)} .",
        ]
        if n % 10 == 0:
            lines.append(f'{obs} <{QG}qualifier> "余" .')
    return "\n".join(lines) + "\n"


def timed(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Median seconds of ``repeat`` runs, and the row count of the last run."""
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=200_000, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query and engine (median)")
    args = parser.parse_args()

    data = synthetic_ntriples(args.triples)
    start = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(data=data, format="nt")
    rdflib_load = time.perf_counter() - start
    start = time.perf_counter()
    store = ox.Store()
    store.load(data.encode(), format=ox.RdfFormat.N_TRIPLES)
    oxigraph_load = time.perf_counter() - start
    print(f"synthetic graph: {len(graph):,} triples (rdflib) / {len(store):,} (pyoxigraph)")
    print(f"{'step':<10} {'rdflib s':>10} {'pyoxigraph s':>13} {'ratio':>8}  rows")
    print(f"{'load':<10} {rdflib_load:>10.3f} {oxigraph_load:>13.3f} {rdflib_load / oxigraph_load:>7.1f}x")
    for name, query in QUERIES.items():
        slow, rows_rdflib = timed(lambda q=query: len(list(graph.query(q))), args.repeat)
        fast, rows_ox = timed(lambda q=query: len(list(store.query(q))), args.repeat)
        same = "" if rows_rdflib == rows_ox else f"  MISMATCH rdflib {rows_rdflib}"
        print(f"{name:<10} {slow:>10.3f} {fast:>13.3f} {slow / fast:>7.1f}x  {rows_ox}{same}")


if __name__ == "__main__":
    main()
