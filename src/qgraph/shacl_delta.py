"""Validation of what changed: the compiled constraints (:mod:`qgraph.shacl_compile`) run only on
the focus nodes a change of the data can affect; the other nodes keep the previous result.

A constraint on a focus node ``F`` reads triples near ``F``: :func:`reach` measures how near for a
shapes graph — the out-edges of nodes up to ``edges`` steps from ``F`` and the ``rdf:type`` of
nodes up to ``types`` steps (``sh:class`` on a value reads the value's type: one step). qgraph's
shapes read ``F``'s own triples and its values' types (``edges=0``, ``types=1``). When triples are
added or removed, the focus nodes whose result can change are then (:func:`affected`) the
subjects and objects of those triples, and the nodes that reach a subject of a changed triple in
up to ``edges`` steps (``types`` steps when the changed triple is an ``rdf:type``), as the store is
after the change (a removed edge is itself a changed triple, so its subject is already there).

Those nodes are checked again on their *neighbourhood* (:func:`neighbourhood`: the quads within
their reach, copied to a small in-memory store, where the same compiled queries take milliseconds;
the rows of other nodes there are dropped), and every other focus node keeps its previous rows. That
gives the rows of a validation of the whole store: each constraint's query gives its rows per focus
node, and a node's rows depend only on the triples within its reach. (Restricting the queries on the
whole store with ``VALUES ?focus`` or a join with marked nodes was measured slower than the full
queries: Oxigraph evaluates the targets first.) ``rdfs:subClassOf`` triples (read along ``rdf:type/rdfs:subClassOf*``) live in the
ontology, whose change rebuilds everything; a changed ``rdfs:subClassOf`` triple elsewhere makes
:func:`affected` return None (validate everything).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from .shacl_compile import CompiledConstraint

_TYPE = f"<{RDF.type}>"
_SUBCLASS = f"<{RDFS.subClassOf}>"
_NESTED = (SH["or"], SH["and"], SH.xone)
_TERM_ONLY = {SH.datatype, SH.nodeKind, SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
              SH.minLength, SH.maxLength, SH.pattern, SH.languageIn, SH["in"], SH.hasValue, SH.flags,
              SH.minCount, SH.maxCount, SH.uniqueLang, SH.qualifiedMinCount, SH.qualifiedMaxCount,
              SH.qualifiedValueShapesDisjoint, SH.message, SH.severity, SH.name, SH.description, SH.order,
              SH.group, SH.defaultValue, SH.deactivated, RDF.type, SH.targetClass, SH.targetNode,
              SH.targetSubjectsOf, SH.targetObjectsOf, SH.path}


@dataclass(frozen=True)
class Reach:
    edges: int
    """Out-edges are read of nodes up to this many steps from the focus node."""
    types: int
    """``rdf:type`` is read of nodes up to this many steps from the focus node."""
    objects: bool = False
    """A shape targets the objects of a predicate (a changed triple's object is then a focus node)."""


class _Unknown(Exception):
    pass


def reach(shapes: Graph) -> Reach | None:
    """How far from a focus node the shapes read (None: a path or nesting this module does not follow)."""
    edges = types = 0
    seen: set[tuple[object, int]] = set()

    def node(shape: object, hop: int) -> None:  # ``shape`` applied to a node ``hop`` steps away
        nonlocal edges, types
        if (shape, hop) in seen:
            return
        seen.add((shape, hop))
        if hop > 8:
            raise _Unknown
        path = shapes.value(shape, SH.path)
        if path is not None:
            if not isinstance(path, URIRef):
                raise _Unknown  # sequences, inverses, … : not followed here
            edges = max(edges, hop)
            values(shape, hop + 1)
            return
        values(shape, hop)
        for prop in shapes.objects(shape, SH.property):
            node(prop, hop)

    def values(shape: object, hop: int) -> None:  # the node-level constraints of ``shape`` on a node at ``hop``
        nonlocal types
        for p, o in shapes.predicate_objects(shape):
            if p == SH["class"]:
                types = max(types, hop)
            elif p in (SH.node, SH["not"], SH.qualifiedValueShape):
                node(o, hop)
            elif p in _NESTED:
                for inner in Collection(shapes, o):
                    node(inner, hop)
            elif p == SH.property:
                continue  # read by node()
            elif p not in _TERM_ONLY and str(p).startswith(str(SH)):
                raise _Unknown

    try:
        for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            for shape in set(shapes.subjects(pred, None)):
                node(shape, 0)
        for kind in (SH.NodeShape, SH.PropertyShape):
            for shape in set(shapes.subjects(RDF.type, kind)):
                node(shape, 0)
    except _Unknown:
        return None
    return Reach(edges, types, any(True for _ in shapes.subjects(SH.targetObjectsOf, None)))


def _split(line: str) -> tuple[str, str, str]:
    s, p, rest = line.split(" ", 2)
    o = rest[:-2].rsplit(" ", 1)[0] if rest.endswith(" .") else rest
    return s, p, o


def affected(store: object, changed: Iterable[str], how: Reach) -> set[str] | None:
    """The focus nodes (N-Triples terms) whose result can differ after ``changed`` (N-Quads lines,
    added or removed) on ``store`` as it is after the change; None: validate every node."""
    subjects: set[str] = set()
    typed: set[str] = set()
    objects: set[str] = set()
    for line in changed:
        s, p, o = _split(line)
        if p == _SUBCLASS:
            return None
        subjects.add(s)
        if how.objects:
            objects.add(o)
        if p == _TYPE:
            typed.add(s)
    return _back(store, subjects, how.edges) | _back(store, typed, how.types) | objects


def _back(store: object, start: set[str], steps: int) -> set[str]:
    """``start`` and every node with a path of at most ``steps`` edges to one of them."""
    import pyoxigraph as ox

    out, frontier = set(start), {n for n in start if n.startswith("<")}
    for _ in range(steps):
        found = {str(q.subject) for n in frontier
                 for q in store.quads_for_pattern(None, None, ox.NamedNode(n[1:-1]), None)}  # type: ignore[attr-defined]
        frontier = {n for n in found - out if n.startswith("<")}
        out |= found
    return out


def neighbourhood(store: object, foci: Iterable[str], how: Reach) -> list[object]:
    """The quads of ``store`` a validation of the focus nodes ``foci`` reads (see :class:`Reach`):
    their out-edges (and those of nodes up to ``how.edges`` steps away), the types of nodes up to
    ``how.types`` steps away, in-edges when a shape targets objects, and every ``rdfs:subClassOf``."""
    import pyoxigraph as ox

    out: list[object] = list(store.quads_for_pattern(None, ox.NamedNode(str(RDFS.subClassOf)), None, None))  # type: ignore[attr-defined]
    rdf_type = ox.NamedNode(str(RDF.type))
    level = [t for t in _terms(foci) if not isinstance(t, ox.BlankNode)]
    seen: set[object] = set()
    for hop in range(max(how.edges, how.types) + 1):
        following = []
        for node in level:
            if node in seen or isinstance(node, ox.Literal):
                continue
            seen.add(node)
            if hop <= how.edges:
                quads = list(store.quads_for_pattern(node, None, None, None))  # type: ignore[attr-defined]
                following.extend(q.object for q in quads)
            else:
                quads = list(store.quads_for_pattern(node, rdf_type, None, None))  # type: ignore[attr-defined]
            out.extend(quads)
            if hop == 0 and how.objects:
                out.extend(store.quads_for_pattern(None, None, node, None))  # type: ignore[attr-defined]
        level = following
    return out


def _terms(texts: Iterable[str]) -> list[object]:
    import pyoxigraph as ox

    texts = sorted(t for t in texts if not t.startswith("_:"))
    doc = "".join(f"<urn:qgraph:row> <urn:qgraph:term> {t} .\n" for t in texts).encode("utf-8")
    return [q.object for q in ox.parse(doc, format=ox.RdfFormat.N_TRIPLES)]


Rows = list[list[tuple[str, "str | None"]]]
"""Per compiled constraint, its ``(focus, value)`` rows as N-Triples terms (sorted)."""


def rows_as_text(results: list[list[tuple[object, object | None]]]) -> Rows:
    return [sorted((str(f), str(v) if v is not None else None) for f, v in rows) for rows in results]


def rows_as_terms(rows: Rows) -> list[list[tuple[object, object | None]]]:
    """The rows back as pyoxigraph terms (parsed once per distinct term)."""
    import pyoxigraph as ox

    texts = sorted({t for rs in rows for f, v in rs for t in (f, v) if t is not None})
    doc = "".join(f"<urn:qgraph:row> <urn:qgraph:term> {t} .\n" for t in texts).encode("utf-8")
    terms = dict(zip(texts, (q.object for q in ox.parse(doc, format=ox.RdfFormat.N_TRIPLES))))
    return [[(terms[f], terms[v] if v is not None else None) for f, v in rs] for rs in rows]


def revalidate(store: object, compiled: tuple[CompiledConstraint, ...], previous: Rows, changed: Iterable[str],
               how: Reach | None, *, jobs: int = 1) -> Rows | None:
    """The rows of every constraint after ``changed`` (N-Quads lines added or removed): the
    previous rows of the nodes the change cannot affect, the others checked again on ``store``.
    None when the change or the shapes need a validation of everything."""
    from concurrent.futures import ThreadPoolExecutor

    from .shacl_sparql import constraint_rows

    if how is None or len(previous) != len(compiled):
        return None
    import pyoxigraph as ox

    foci = affected(store, changed, how)
    if foci is None:
        return None
    if not foci:
        return [list(rs) for rs in previous]
    scratch = ox.Store()  # in memory: the foci's neighbourhood only, where the full queries run in milliseconds
    scratch.extend(neighbourhood(store, foci, how))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        found = list(pool.map(lambda c: constraint_rows(scratch, c.query), compiled))
    fresh = [[(f, v) for f, v in rows if f in foci] for rows in rows_as_text(found)]
    out: Rows = []
    for old, new in zip(previous, fresh):
        kept = [(f, v) for f, v in old if f not in foci]
        out.append(sorted(kept + new))
    return out
