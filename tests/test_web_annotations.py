"""The lean provenance keeps its detail: ``queries/web-annotations.rq`` writes every mention back
out as a full W3C Web Annotation (a specific resource with a quote and a position selector)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from qgraph.query import load_query, run_query
from qgraph.store import open_graph

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OA = "http://www.w3.org/ns/oa#"
QG = "https://w3id.org/qgraph/def#"


def test_every_mention_expands_to_a_valid_web_annotation(sample_build: Path) -> None:
    result = run_query(sample_build / "graph.nq", load_query("web-annotations").text)
    out: dict[str, dict[str, list[ox.Term]]] = defaultdict(lambda: defaultdict(list))
    for t in result.triples:
        out[t.subject.value][t.predicate.value].append(t.object)

    store = open_graph(sample_build / "graph.nq")
    texts = {r["d"].value: r["t"].value for r in store.query(f"SELECT ?d ?t {{ GRAPH ?g {{ ?d <{QG}text> ?t }} }}")}
    mentions = int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?m a <{QG}Mention> }} }}")))["n"].value)

    def types(node: str) -> set[str]:
        return {o.value for o in out[node][RDF_TYPE]}

    annotations = [n for n in out if f"{OA}Annotation" in types(n)]
    assert len(annotations) == mentions > 100
    for m in annotations:
        props = out[m]
        assert len(props[f"{OA}hasBody"]) == 1 and len(props[f"{OA}hasTarget"]) == 1, m
        target = props[f"{OA}hasTarget"][0].value
        assert types(target) == {f"{OA}SpecificResource"}
        [source] = out[target][f"{OA}hasSource"]
        selectors = {types(s.value).pop(): s.value for s in out[target][f"{OA}hasSelector"]}
        assert set(selectors) == {f"{OA}TextQuoteSelector", f"{OA}TextPositionSelector"}, m
        [exact] = out[selectors[f"{OA}TextQuoteSelector"]][f"{OA}exact"]
        pos = out[selectors[f"{OA}TextPositionSelector"]]
        start, end = int(pos[f"{OA}start"][0].value), int(pos[f"{OA}end"][0].value)
        assert texts[source.value][start:end] == exact.value and exact.language == "zh", m
    sentences = [n for n in out if f"{QG}Sentence" in types(n)]
    assert sentences and all(len(out[s][f"{OA}hasSelector"]) == 1 for s in sentences)
