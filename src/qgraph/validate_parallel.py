"""pySHACL on several cores: the shapes split into groups, each group checked in a forked process.

pySHACL is single-threaded and its time grows with the number of focus nodes per shape, so the
shapes that have targets are spread over ``jobs`` groups by the number of nodes they target
(largest first, each to the lightest group). Every process sees the whole data graph (shared
copy-on-write by ``fork``) and the whole shapes graph, but checks only its group's shapes
(``use_shapes``), so shapes referenced through ``sh:node`` still work. The results are merged:
the graph conforms when every group does; violations are those of all groups.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def shape_groups(data: Graph, shapes: Graph, jobs: int) -> list[list[URIRef]]:
    """The shapes with a target, in at most ``jobs`` groups of about equal numbers of focus nodes."""
    classes: Counter[object] = Counter(o for o in data.objects(None, RDF.type))
    weights: dict[URIRef, int] = {}
    for shape in sorted({s for t in _TARGETS for s in shapes.subjects(t, None) if isinstance(s, URIRef)}):
        weight = 1
        for cls in shapes.objects(shape, SH.targetClass):
            weight += sum(classes[c] for c in data.transitive_subjects(RDFS.subClassOf, cls))
        weight += sum(1 for _ in shapes.objects(shape, SH.targetNode))
        for pred in (*shapes.objects(shape, SH.targetSubjectsOf), *shapes.objects(shape, SH.targetObjectsOf)):
            weight += sum(1 for _ in data.triples((None, pred, None)))
        weights[shape] = weight
    groups: list[list[URIRef]] = [[] for _ in range(max(1, min(jobs, len(weights))))]
    loads = [0] * len(groups)
    for shape in sorted(weights, key=lambda s: (-weights[s], s)):
        i = loads.index(min(loads))
        groups[i].append(shape)
        loads[i] += weights[shape]
    return [g for g in groups if g]


def _check(data: Graph, shapes: Graph, group: list[URIRef], conn: object) -> None:
    try:
        conforms, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                             allow_warnings=True, use_shapes=group)
        conn.send((bool(conforms), report.serialize(format="nt", encoding="utf-8")))  # type: ignore[attr-defined]
    except BaseException as exc:  # noqa: BLE001 - the parent falls back to one process
        conn.send(exc.__class__.__name__)  # type: ignore[attr-defined]
    finally:
        conn.close()  # type: ignore[attr-defined]


def validate_in_parallel(data: Graph, ontology: Graph, shapes: Graph, jobs: int) -> tuple[bool, Graph] | None:
    """``(conforms, report graph)`` of ``data`` plus ``ontology`` (added to ``data``), or ``None``
    when it cannot run in parallel here (no ``fork``, one group, a process failed): the caller
    then validates in one process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    for t in ontology:
        data.add(t)
    groups = shape_groups(data, shapes, jobs)
    if len(groups) < 2:
        return None
    context = multiprocessing.get_context("fork")
    running = []
    for group in groups:
        parent, child = context.Pipe(duplex=False)
        proc = context.Process(target=_check, args=(data, shapes, group, child), daemon=True)
        proc.start()
        child.close()
        running.append((proc, parent))
    outcomes = []
    for proc, conn in running:
        try:
            outcomes.append(conn.recv())
        except EOFError:
            outcomes.append(None)
        proc.join()
    if not all(isinstance(o, tuple) for o in outcomes):
        return None
    report = Graph()
    for _, nt in outcomes:
        report.parse(data=nt, format="nt")
    return all(c for c, _ in outcomes), report
