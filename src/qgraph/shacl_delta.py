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
node, and a node's rows depend only on the triples within its reach. One kind of in-edge is followed
too: ``[ sh:path [ sh:inversePath p ] ; sh:minCount 1 ]`` ("some node points to it by ``p``", an
entity's mention by ``oa:hasBody``) makes the objects of changed ``p`` triples focus nodes, and one
such in-edge of each focus node is read. (Restricting the queries on the
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
    predicates: frozenset[str] | None = None
    """When ``edges`` is 0: the predicates whose values the shapes read (N-Triples IRIs); None: any."""
    existence: frozenset[str] = frozenset()
    """When ``edges`` is 0: predicates of which the shapes only ask whether a node has one value."""
    typed: frozenset[str] = frozenset()
    """When ``edges`` is 0: predicates whose values' types the shapes read (``sh:class``)."""
    inverse: frozenset[str] = frozenset()
    """When ``edges`` is 0: predicates of which the shapes only ask whether a node is the object of
    one (``[ sh:path [ sh:inversePath p ] ; sh:minCount 1 ]``): a changed triple's object is then a
    focus node, and one in-edge of each focus node is read."""


class _Unknown(Exception):
    pass


_ANNOTATIONS = {SH.path, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated, RDF.type}


def reach(shapes: Graph) -> Reach | None:
    """How far from a focus node the shapes read (None: a path or nesting this module does not follow)."""
    edges = types = 0
    seen: dict[tuple[object, int], bool] = {}
    full: set[str] = {_TYPE}
    exist: set[str] = set()
    typed: set[str] = set()
    inverse: set[str] = set()

    def node(shape: object, hop: int) -> bool:  # ``shape`` on a node ``hop`` steps away; True: reads its type
        nonlocal edges
        if (shape, hop) in seen:
            return seen[(shape, hop)]
        seen[(shape, hop)] = False
        if hop > 8:
            raise _Unknown
        path = shapes.value(shape, SH.path)
        if path is not None:
            keys = {p for p in shapes.predicates(shape) if p not in _ANNOTATIONS}
            if not isinstance(path, URIRef):
                inv = shapes.value(path, SH.inversePath)
                if (hop == 0 and isinstance(inv, URIRef) and set(shapes.predicates(path)) == {SH.inversePath}
                        and keys == {SH.minCount} and int(shapes.value(shape, SH.minCount)) <= 1):
                    inverse.add(f"<{inv}>")  # "is the object of one ``inv``"
                    return False
                raise _Unknown  # sequences, other inverses, … : not followed here
            edges = max(edges, hop)
            if keys == {SH.minCount} and int(shapes.value(shape, SH.minCount)) <= 1:
                exist.add(f"<{path}>")
            else:
                full.add(f"<{path}>")
            if values(shape, hop + 1):
                typed.add(f"<{path}>")
            return False
        out = values(shape, hop)
        for prop in shapes.objects(shape, SH.property):
            node(prop, hop)
        seen[(shape, hop)] = out
        return out

    def values(shape: object, hop: int) -> bool:  # the node-level constraints of ``shape`` on a node at ``hop``
        nonlocal types
        out = False
        for p, o in shapes.predicate_objects(shape):
            if p == SH["class"]:
                types = max(types, hop)
                out = True
            elif p in (SH.node, SH["not"], SH.qualifiedValueShape):
                out = node(o, hop) or out
            elif p in _NESTED:
                for inner in Collection(shapes, o):
                    out = node(inner, hop) or out
            elif p == SH.property:
                continue  # read by node()
            elif p not in _TERM_ONLY and str(p).startswith(str(SH)):
                raise _Unknown
        return out

    try:
        full.update(f"<{p}>" for p in shapes.objects(None, SH.targetSubjectsOf))
        for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            for shape in set(shapes.subjects(pred, None)):
                node(shape, 0)
        for kind in (SH.NodeShape, SH.PropertyShape):
            for shape in set(shapes.subjects(RDF.type, kind)):
                node(shape, 0)
    except _Unknown:
        return None
    objects = any(True for _ in shapes.subjects(SH.targetObjectsOf, None))
    if edges:
        if inverse:
            return None
        return Reach(edges, types, objects)
    return Reach(edges, types, objects, frozenset(full), frozenset(exist - full), frozenset(typed), frozenset(inverse))


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
        if how.objects or p in how.inverse:
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


def neighbourhood(store: object, foci: Iterable[str], how: Reach, scratch: object) -> None:
    """Load into ``scratch`` the triples of ``store`` a validation of the focus nodes ``foci`` reads
    (see :class:`Reach`): their out-edges (and those of nodes up to ``how.edges`` steps away), the
    types of nodes up to ``how.types`` steps away, in-edges when a shape targets objects, and every
    ``rdfs:subClassOf``. Each step is one query evaluated inside Oxigraph, distinct triples of the
    union (a shared node's label repeated in thousands of document graphs is read once, in Rust)."""
    import pyoxigraph as ox

    def construct(template: str, where: str, nodes: list[str]) -> None:
        values = f"VALUES ?s {{ {' '.join(nodes)} }}" if nodes else ""
        found = store.query(f"CONSTRUCT {{ {template} }} WHERE {{ {values} {where} }}",  # type: ignore[attr-defined]
                            use_default_graph_as_union=True)
        scratch.load(found.serialize(format=ox.RdfFormat.N_TRIPLES) or b"", format=ox.RdfFormat.N_TRIPLES)  # type: ignore[attr-defined]

    construct(f"?c {_SUBCLASS} ?d", f"?c {_SUBCLASS} ?d", [])
    level = sorted(f for f in foci if f.startswith("<"))
    if how.objects:
        literals = sorted(f for f in foci if f.startswith('"'))
        for nodes in (level, literals):
            if nodes:
                construct("?x ?p ?s", "?x ?p ?s", nodes)
    if how.predicates is not None:  # edges == 0: the foci's own values, then the types of some of them
        if level:
            values = f"VALUES ?s {{ {' '.join(level)} }}"
            construct("?s ?p ?o", f"?s ?p ?o FILTER(?p IN ({', '.join(sorted(how.predicates))}))", level)
            if how.existence:
                construct("?s ?p ?x", f"{{ SELECT ?s ?p (SAMPLE(?o) AS ?x) WHERE {{ {values} ?s ?p ?o "
                                      f"FILTER(?p IN ({', '.join(sorted(how.existence))})) }} GROUP BY ?s ?p }}", [])
            if how.inverse:  # one subject pointing to each focus node (a mention of an entity named 2,000 times)
                construct("?x ?p ?s", f"{{ SELECT ?s ?p (SAMPLE(?y) AS ?x) WHERE {{ {values} ?y ?p ?s "
                                      f"FILTER(?p IN ({', '.join(sorted(how.inverse))})) }} GROUP BY ?s ?p }}", [])
            if how.types and how.typed:  # the values are in ``scratch`` now: found there, not again in the store
                rows = scratch.query(f"SELECT DISTINCT ?o WHERE {{ ?s ?p ?o "  # type: ignore[attr-defined]
                                     f"FILTER(?p IN ({', '.join(sorted(how.typed))}) && isIRI(?o)) }}")
                objects = sorted(str(row["o"]) for row in rows)
                if objects:
                    construct(f"?s {_TYPE} ?t", f"?s {_TYPE} ?t", objects)
        return
    seen: set[str] = set()
    for hop in range(max(how.edges, how.types) + 1):
        level = [n for n in level if n not in seen]
        if not level:
            break
        seen.update(level)
        if hop <= how.edges:
            construct("?s ?p ?o", "?s ?p ?o", level)
            rows = store.query(f"SELECT DISTINCT ?o WHERE {{ VALUES ?s {{ {' '.join(level)} }} ?s ?p ?o "  # type: ignore[attr-defined]
                               "FILTER(isIRI(?o)) }", use_default_graph_as_union=True)
            level = sorted(str(row["o"]) for row in rows)
        else:
            construct(f"?s {_TYPE} ?t", f"?s {_TYPE} ?t", level)


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
               how: Reach | None, *, jobs: int = 1, empty: frozenset[int] = frozenset()) -> Rows | None:
    """The rows of every constraint after ``changed`` (N-Quads lines added or removed): the
    previous rows of the nodes the change cannot affect, the others checked again on ``store``.
    None when the change or the shapes need a validation of everything. ``empty``: the indices of
    constraints known to have no rows on the store after the change (:mod:`qgraph.shacl_local`)."""
    from .shacl_sparql import all_rows

    if how is None or len(previous) != len(compiled):
        return None
    import pyoxigraph as ox

    foci = affected(store, changed, how)
    if foci is None:
        return None
    if not foci:
        return [[] if i in empty else list(rs) for i, rs in enumerate(previous)]
    scratch = ox.Store()  # in memory: the foci's neighbourhood only, where the full queries run in milliseconds
    neighbourhood(store, foci, how, scratch)
    found = all_rows(scratch, compiled, jobs=max(1, jobs), empty=empty)
    fresh = [[(f, v) for f, v in rows if f in foci] for rows in rows_as_text(found)]
    out: Rows = []
    for i, (old, new) in enumerate(zip(previous, fresh)):
        kept = [] if i in empty else [(f, v) for f, v in old if f not in foci]
        out.append(sorted(kept + new))
    return out
