"""SHACL validation that scales: the shapes compiled to SPARQL and run on a pyoxigraph store.

pySHACL (:mod:`qgraph.validate`) stays the reference; this engine gives the same violations (focus
node, result path, constraint component, message, severity, value) and runs inside Oxigraph, so it
needs no rdflib copy of the data. The data it checks is the union of the store's named graphs,
which must include the ontology graph (class targets and ``sh:class`` follow ``rdfs:subClassOf``
there), exactly as pySHACL checks the data combined with the ontology.

One call for a build that already holds its quads in a store::

    store = pyoxigraph.Store()                      # or Store(path) of a build
    store.load(path="out/graph.nq", format=pyoxigraph.RdfFormat.N_QUADS)
    report = validate_quads_in_store(store)         # qgraph's shapes, compiled once per process
    report.conforms, report.text()

:func:`compile_shapes` and :func:`validate_store` are the two halves for other shapes.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from .resources import ontology_path, shapes_path
from .shacl_compile import CompiledConstraint, UnsupportedShapeError, compile_shapes
from .validate import ONTOLOGY_GRAPH, ValidationReport, Violation, path_text, report_namespaces, sort_violations

__all__ = ["CompiledConstraint", "UnsupportedShapeError", "compile_shapes", "validate_store",
           "validate_quads_in_store", "qgraph_constraints", "store_of_file"]


@lru_cache(maxsize=1)
def qgraph_constraints() -> tuple[CompiledConstraint, ...]:
    """qgraph's own shapes (``shapes/qgraph-shapes.ttl``), compiled once per process."""
    return compile_shapes(shapes_path())


def _rdflib(term: object) -> URIRef | Literal | BNode:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def _has_ontology(store: ox.Store, graph: str) -> bool:
    return bool(store.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))


def validate_store(store: ox.Store, compiled: tuple[CompiledConstraint, ...], *, union: bool = True,
                   namespaces: Graph | None = None, ontology_graph: str | None = str(ONTOLOGY_GRAPH),
                   jobs: int | None = None) -> ValidationReport:
    """Run compiled constraints on ``store`` and return the report pySHACL's wrapper would.

    ``union`` reads the union of all graphs (``use_default_graph_as_union``); otherwise only the
    default graph, which must then hold the ontology too. ``namespaces`` shortens IRIs in the violations (default: qgraph's prefixes).
    ``jobs`` queries run at once in threads (default: one per core); the report does not depend on it.

    :raises ValueError: ``ontology_graph`` is set and the store has no such graph (class targets
        would then miss instances of subclasses: the result would be quietly weaker).
    """
    if union and ontology_graph is not None and not _has_ontology(store, ontology_graph):
        raise ValueError(f"the store has no ontology graph <{ontology_graph}>: load the ontology into it "
                         "first (class targets and sh:class need its rdfs:subClassOf triples)")
    results = all_rows(store, compiled, jobs=jobs, union=union)
    return report_of_rows(compiled, results, namespaces=namespaces)


def all_rows(store: ox.Store, compiled: tuple[CompiledConstraint, ...], *, jobs: int | None = None,
             union: bool = True, empty: frozenset[int] = frozenset()) -> list[list[tuple[object, object | None]]]:
    """The rows of every compiled constraint on the union of ``store``'s graphs (see :func:`report_of_rows`).

    The constraints' screens run first (each distinct one once): a constraint whose screen shows it
    cannot fail on this store gets no rows without running its query. ``empty``: the indices of
    constraints known to have no rows on this store (checked in the map stage, :mod:`qgraph.shacl_local`),
    not run."""
    workers = max(1, jobs or os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:  # Oxigraph evaluates queries without holding the GIL
        screens = sorted({c.screen for i, c in enumerate(compiled) if c.screen is not None and i not in empty})
        passed = {q for q, ok in zip(screens, pool.map(lambda q: _screen_passes(store, q, union=union), screens)) if ok}
        return list(pool.map(lambda ic: [] if ic[0] in empty or ic[1].screen in passed
                             else constraint_rows(store, ic[1].query, union=union), enumerate(compiled)))


def _screen_passes(store: ox.Store, query: str, *, union: bool = True) -> bool:
    row = next(iter(store.query(query, use_default_graph_as_union=union)), None)
    return row is not None and row["n"] is not None and row["n"] == row["m"]


def constraint_rows(store: ox.Store, query: str, *, union: bool = True) -> list[tuple[object, object | None]]:
    """The ``(focus, value)`` rows of one compiled constraint's query (``value`` None when the query has none)."""
    rows = store.query(query, use_default_graph_as_union=union)
    has_value = ox.Variable("value") in rows.variables
    return [(row["focus"], row["value"] if has_value else None) for row in rows]


def report_of_rows(compiled: tuple[CompiledConstraint, ...], results: list[list[tuple[object, object | None]]], *,
                   namespaces: Graph | None = None) -> ValidationReport:
    """The report of the rows each constraint's query gave (``results[i]`` for ``compiled[i]``)."""
    nsm = (namespaces if namespaces is not None else report_namespaces()).namespace_manager
    report = Graph()
    report.namespace_manager = nsm
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    violations: list[Violation] = []
    for c, rows in zip(compiled, results):
        path = path_text(c.shapes, c.path, nsm) if c.path is not None else None
        component = URIRef(c.component)
        for focus_term, value in rows:
            focus = _rdflib(focus_term)
            value_term = _rdflib(value) if value is not None else None
            violations.append(Violation(
                focus=_short(focus, nsm), path=path, message=c.message or f"{c.component.rsplit('#', 1)[-1]} violated",
                severity=c.severity, value=_short(value_term, nsm) if value_term is not None else None,
                component=nsm.normalizeUri(component)))
            r = BNode()
            report.add((root, SH.result, r))
            for p, o in ((RDF.type, SH.ValidationResult), (SH.focusNode, focus), (SH.sourceConstraintComponent, component),
                         (SH.resultSeverity, SH[c.severity]), (SH.resultMessage, Literal(violations[-1].message)),
                         (SH.value, value_term)):
                if o is not None:
                    report.add((r, p, o))
            if c.path is not None:
                _copy_path(c.shapes, c.path, report, r)
    conforms = not any(v.severity == "Violation" for v in violations)  # warnings allowed, as in validate.py
    report.add((root, SH.conforms, Literal(conforms)))
    return ValidationReport(conforms, sort_violations(violations), report)


def _short(node: object, nsm: object) -> str:
    if isinstance(node, URIRef):
        try:
            return nsm.normalizeUri(node)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - as validate._short: the full IRI is fine then
            return str(node)
    return str(node)


def _copy_path(shapes: Graph, path: object, report: Graph, result: BNode) -> None:
    """Copy a SHACL path (an IRI, or blank nodes and lists) from the shapes into the report."""
    report.add((result, SH.resultPath, path))  # type: ignore[arg-type]
    todo, seen = [path], set()
    while todo:
        node = todo.pop()
        if not isinstance(node, BNode) or node in seen:
            continue
        seen.add(node)
        for p, o in shapes.predicate_objects(node):
            report.add((node, p, o))
            todo.append(o)


def store_of_file(path: Path) -> ox.Store:
    """An in-memory store of an RDF file's quads with qgraph's ontology graph (replacing the file's),
    the data pySHACL sees in :func:`qgraph.validate.validate_file`.

    :raises InputError: the file is missing, unreadable or not valid RDF.
    """
    from .rdfio import read_nquads

    store = ox.Store()
    data = read_nquads(Path(path))
    store.load(bytes(data), format=ox.RdfFormat.N_QUADS)
    store.clear_graph(ox.NamedNode(str(ONTOLOGY_GRAPH)))
    store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    return store


def validate_quads_in_store(store: ox.Store, *, load_ontology: bool = True) -> ValidationReport:
    """Validate a store holding a build's quads (one named graph per document) against qgraph's shapes.

    This is the one call for the pipeline: the shapes are compiled once per process; when the store
    has no ontology graph and ``load_ontology`` is true, the bundled ontology is loaded into
    ``https://w3id.org/qgraph/def`` first (the only change made to the store).
    """
    if load_ontology and not _has_ontology(store, str(ONTOLOGY_GRAPH)):
        store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    return validate_store(store, qgraph_constraints())
