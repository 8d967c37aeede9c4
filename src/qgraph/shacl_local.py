"""Validation in the map stage: the shapes whose focus nodes belong to one document, checked on
that document's own statements by the worker that wrote them.

Most focus nodes of qgraph's shapes are minted under one document's IRI (``…/doc/ID/m12``: its
mentions, sentences, observations, listings, inspections, the document itself): their statements
are all in that document's graph, and what a constraint reads besides them is the types of their
values (in the document's graph or the shared graph, whose lines the worker wrote too) and the
ontology's ``rdfs:subClassOf``. A worker can therefore tell, from the lines it has just written,
that a document gives **no row** to the constraints of those shapes. When every document of a
build says so, the build does not run those constraints on the whole store (their rows are empty);
when any document cannot say so, they run on the store as before. The check is a screen, never a
second engine: it answers "surely no row" or "not sure", and "not sure" costs only the store
queries it would have saved, so every answer is the store's.

What makes "surely no row" sound, checked on every line a worker writes (the union is the
ontology, the documents' graphs and the shared graph, all made of such lines):

- a subject under a document's prefix appears only in that document's graph (a line about another
  document's node, or in the shared graph, makes the document "not sure");
- every node of a class the local shapes target (or a subclass) is a node of its document's own
  (a typed node elsewhere makes it "not sure"), so the store finds no focus node the workers missed;
- no ``rdfs:subClassOf`` outside the ontology;
- a value's types may be more in the union than in the document (another graph may type a shared
  node): that can only turn a failed ``sh:class`` test into a pass, and a failed test answers "not sure".

Which shapes are local: node shapes (IRIs) whose targets are classes of :data:`LOCAL_CLASSES` only,
built of the constraints this module evaluates (``sh:class`` only at the top of a property shape,
predicate paths only). The others run on the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from .vocab import ID, QG

LOCAL_CLASSES = frozenset(str(QG[c]) for c in ("Mention", "Sentence", "SourceDocument", "Observation", "Listing",
                                                  "Inspection"))
"""Classes whose nodes qgraph mints under a document's IRI (checked on every line, see above)."""

DOC_PREFIX = f"<{ID}doc/"
_TYPE = f"<{RDF.type}>"
_SUBCLASS = f"<{RDFS.subClassOf}>"
_XSD = str(XSD)
_INTEGER = re.compile(r"-?[0-9]+\Z")  # forms Oxigraph reads as the value itself (measured; "+3", "1E2" are not taken)
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_GYEAR = re.compile(r"[0-9]{4}\Z")
_GYEARMONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])\Z")

Answer = bool | None
"""True: surely passes; False: surely fails; None: not known here."""
_Test = Callable[[str, "_Doc"], Answer]


class _Unsupported(Exception):
    """A shape this module does not evaluate: it stays with the store."""


def _literal(term: str) -> tuple[str, str, str | None] | None:
    """``(lexical, datatype IRI, language)`` of an N-Triples literal, None for an IRI or blank node.
    A lexical form with escapes comes back as ``"\\"``: the value tests below never need one."""
    if not term or term[0] != '"':
        return None
    end = term.rfind('"')
    lexical, suffix = term[1:end], term[end + 1:]
    if "\\" in lexical:
        lexical = "\\"
    if not suffix:
        return lexical, f"{_XSD}string", None
    if suffix[0] == "@":
        return lexical, str(RDF.langString), suffix[1:]
    return lexical, suffix[3:-1], None


def _number(lit: tuple[str, str | None, str | None] | None) -> Decimal | None:
    if lit is None:
        return None
    lexical, dt, _ = lit
    if dt == f"{_XSD}integer" and _INTEGER.match(lexical) or dt == f"{_XSD}decimal" and _DECIMAL.match(lexical):
        try:
            return Decimal(lexical)
        except InvalidOperation:
            return None
    return None


def _datatype(arg: URIRef) -> Callable[[str], Answer]:
    want = str(arg)

    def test(v: str) -> Answer:
        lit = _literal(v)
        if lit is None:
            return False
        lexical, dt, lang = lit
        if want == str(RDF.langString):
            return lang is not None
        if dt != want:
            return False  # another datatype (a cast to this one is never the same term)
        if want == f"{_XSD}string":
            return True
        if want == f"{_XSD}integer":
            return True if _INTEGER.match(lexical) else None
        if want == f"{_XSD}decimal":
            return True if _DECIMAL.match(lexical) else None
        if want == f"{_XSD}boolean":
            return True if lexical in ("true", "false", "1", "0") else None
        if want == f"{_XSD}date":
            m = _DATE.match(lexical)
            if m is None:
                return None
            try:
                date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
            return True
        if want == f"{_XSD}gYear":
            return True if _GYEAR.match(lexical) else None
        if want == f"{_XSD}gYearMonth":
            return True if _GYEARMONTH.match(lexical) else None
        return None
    return test


def _compare(param: URIRef, arg: object) -> Callable[[str], Answer]:
    if not isinstance(arg, Literal) or not isinstance(arg.toPython(), (int, Decimal)) or isinstance(arg.toPython(), bool):
        raise _Unsupported(f"{param} {arg}")
    bound = Decimal(str(arg))
    ok = {SH.minInclusive: lambda x: x >= bound, SH.maxInclusive: lambda x: x <= bound,
          SH.minExclusive: lambda x: x > bound, SH.maxExclusive: lambda x: x < bound}[param]

    def test(v: str) -> Answer:
        if v[:1] != '"':
            return False
        n = _number(_literal(v))
        return None if n is None else ok(n)
    return test


class _Doc:
    """One document's statements: the out-values of its own nodes, the types of every node."""

    __slots__ = ("out", "types")

    def __init__(self) -> None:
        self.out: dict[str, dict[str, set[str]]] = {}
        self.types: dict[str, set[str]] = {}


def _three(values: Iterable[Answer], every: bool) -> Answer:
    """All (``every``) or any of several answers."""
    unknown = False
    for a in values:
        if a is None:
            unknown = True
        elif a is not every:
            return a
    return None if unknown else every


class _Shapes:
    """The local shapes of a shapes graph, made into Python tests once per process."""

    def __init__(self, shapes: Graph, ontology: Sequence[str]) -> None:
        self.g = shapes
        self._memo: dict[tuple[str, str], bool] = {}
        self._tests: dict[frozenset[str], tuple[_Test, ...]] = {}
        self.preds: set[str] = set()  # the predicates the local tests read (of a focus node or a nested value)
        self.super: dict[str, set[str]] = {}
        self.types: dict[str, frozenset[str]] = {}  # the ontology's own instances (units, levels …)
        for line in ontology:
            s, p, rest = line.split(" ", 2)
            if p == _SUBCLASS:
                self.super.setdefault(s, set()).add(rest.rsplit(" ", 2)[0])
            elif p == _TYPE:
                self.types[s] = self.types.get(s, frozenset()) | {rest.rsplit(" ", 2)[0]}
        self.usable = not any(line.startswith(DOC_PREFIX) for line in ontology)
        self.local: list[tuple[frozenset[str], _Test]] = []
        self.names: set[str] = set()
        targeted = {s for s in shapes.subjects(SH.targetClass, None)}
        for shape in sorted(targeted, key=str):
            if not isinstance(shape, URIRef) or shapes.value(shape, SH.deactivated) == Literal(True):
                continue
            classes = {str(c) for c in shapes.objects(shape, SH.targetClass)}
            if not classes <= LOCAL_CLASSES or any((shape, p, None) in shapes for p in (
                    SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)) or any(
                    (shape, RDF.type, c) in shapes for c in (RDFS.Class, OWL.Class)):
                continue
            try:
                test = self.node(shape, top=True)
            except _Unsupported:
                continue
            self.local.append((frozenset(f"<{c}>" for c in classes), test))
            self.names.add(shapes.namespace_manager.normalizeUri(shape))
        self.targeted = frozenset(c for cs, _ in self.local for c in cs)
        if any(self.is_a(ts, c) for ts in self.types.values() for c in self.targeted):
            self.usable = False  # the ontology has focus nodes of its own: the store must see them

    def is_a(self, types: Iterable[str], cls: str) -> bool:
        """Whether one of ``types`` is ``cls`` or (in the ontology) a subclass of it."""
        return any(self._is(t, cls) for t in types)

    def _is(self, t: str, cls: str) -> bool:
        known = self._memo.get((t, cls))
        if known is None:
            known = self._memo[(t, cls)] = self._walk(t, cls)
        return known

    def _walk(self, start: str, cls: str) -> bool:
        todo, seen = [start], set()
        while todo:
            t = todo.pop()
            if t == cls:
                return True
            if t not in seen:
                seen.add(t)
                todo.extend(self.super.get(t, ()))
        return False

    def items(self, node: object) -> list:
        try:
            return list(Collection(self.g, node))
        except Exception as exc:  # noqa: BLE001
            raise _Unsupported(str(exc)) from None

    def node(self, shape: object, *, top: bool = False) -> _Test:
        """The test of a node against ``shape`` (a node shape, or a property shape when it has a path)."""
        g = self.g
        if g.value(shape, SH.deactivated) == Literal(True):
            return lambda x, d: True
        if g.value(shape, SH.path) is not None:
            return self.prop(shape, top=False)
        tests: list[_Test] = []
        for p, o in sorted(g.predicate_objects(shape)):
            if p in (RDF.type, SH.targetClass, SH.message, SH.severity, SH.name, SH.description, RDFS.comment,
                     SH.property):
                continue
            tests.append(self.value_test(p, o, shape))
        for prop in sorted(g.objects(shape, SH.property)):
            tests.append(self.prop(prop, top=top))
        return lambda x, d: _all(tests, x, d)

    def value_test(self, p: object, o: object, shape: object, *, top: bool = False) -> _Test:
        """The test of a value node against one value constraint."""
        if p == SH.datatype:
            return _memo(_datatype(o))  # type: ignore[arg-type]
        if p in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
            return _memo(_compare(p, o))  # type: ignore[arg-type]
        if p == SH.nodeKind:
            kinds = {SH.IRI: "<", SH.BlankNode: "_", SH.Literal: '"'}
            if o not in kinds:
                raise _Unsupported(str(o))
            first = kinds[o]  # type: ignore[index]
            return lambda v, d: v[:1] == first
        if p == SH["class"]:
            if not top:
                raise _Unsupported("sh:class inside a nested shape")
            cls = f"<{o}>"
            onto = self.types
            return lambda v, d: True if self.is_a(d.types.get(v) or onto.get(v, ()), cls) else False
        if p == SH.node:
            return self.node(o)
        if p == SH["not"]:
            inner = self.node(o)
            return lambda v, d: (lambda a: None if a is None else not a)(inner(v, d))
        if p in (SH["or"], SH["and"]):
            members = [self.node(m) for m in self.items(o)]
            every = p == SH["and"]
            return lambda v, d: _three((m(v, d) for m in members), every)
        if p == SH["in"]:
            allowed = {m.n3() for m in self.items(o)}
            return lambda v, d: True if v in allowed else None
        raise _Unsupported(str(p))

    def prop(self, shape: object, *, top: bool) -> _Test:
        g = self.g
        if g.value(shape, SH.deactivated) == Literal(True):
            return lambda x, d: True
        path = g.value(shape, SH.path)
        if not isinstance(path, URIRef):
            raise _Unsupported("a path other than a predicate")
        pred = path.n3()
        lo, hi = 0, None
        wanted: list[str] = []
        values: list[_Test] = []
        for p, o in sorted(g.predicate_objects(shape)):
            if p in (SH.path, RDF.type, SH.message, SH.severity, SH.name, SH.description, RDFS.comment):
                continue
            if p == SH.minCount:
                lo = max(lo, int(o))
            elif p == SH.maxCount:
                hi = int(o) if hi is None else min(hi, int(o))
            elif p == SH.hasValue:
                wanted.append(o.n3())
            else:
                values.append(self.value_test(p, o, shape, top=top))
        self.preds.add(pred)

        def test(x: str, d: _Doc) -> Answer:
            vs = d.out.get(x, _NONE).get(pred, _NONE)
            n = len(vs)
            if n < lo:
                return False  # the store holds at most as many distinct terms as there are strings
            answer: Answer = True
            if lo > 1 and not _plain(vs):
                answer = None  # two literals written apart may be one value in the store
            if hi is not None and n > hi:
                if _plain(vs):
                    return False
                answer = None
            for w in wanted:
                if w not in vs:
                    if w[0] == "<":
                        return False
                    answer = None
            for v in vs:
                a = _all(values, v, d)
                if a is False:
                    return False
                if a is None:
                    answer = None
            return answer
        return test

    def check(self, lines: Iterable[str], shared: Iterable[str], own: str) -> bool:
        """Whether the local shapes surely give no row for this document, given as the N-Quads lines
        of its graph and of the shared graph (``own``: its IRI, ``<…/doc/ID>``)."""
        return self.check_statements(_statements(lines), _statements(shared), own)

    def check_statements(self, statements: Iterable[tuple[str, str, str]], shared: Iterable[tuple[str, str, str]],
                         own: str) -> bool:
        """:meth:`check` of the document's statements as the mapping made them (terms in N-Triples)."""
        if not self.usable:
            return False
        prefix = own[:-1] + "/"
        preds = self.preds
        doc = _Doc()
        out, types = doc.out, doc.types
        for s, p, o in shared:
            if s.startswith(DOC_PREFIX) or p == _SUBCLASS:
                return False
            if p == _TYPE:
                if s in types:
                    types[s].add(o)
                else:
                    types[s] = {o}
        focus: list[tuple[str, tuple[_Test, ...]]] = []
        for s, p, o in statements:
            mine = s.startswith(prefix) or s == own
            if not mine and s.startswith(DOC_PREFIX) or p == _SUBCLASS:
                return False
            if p == _TYPE:
                if s in types:
                    types[s].add(o)
                else:
                    types[s] = {o}
            if mine and p in preds:
                values = out.get(s)
                if values is None:
                    out[s] = {p: {o}}
                elif p in values:
                    values[p].add(o)
                else:
                    values[p] = {o}
        for s, ts in types.items():
            tests = self.tests_of(frozenset(ts))
            if tests:
                if not (s.startswith(prefix) or s == own):
                    return False
                focus.append((s, tests))
        for s, tests in focus:
            for test in tests:
                if test(s, doc) is not True:
                    return False
        return True

    def tests_of(self, types: frozenset[str]) -> tuple[_Test, ...]:
        """The tests of the local shapes targeting a node of these types."""
        known = self._tests.get(types)
        if known is None:
            known = self._tests[types] = tuple(t for cs, t in self.local if any(self.is_a(types, c) for c in cs))
        return known


_NONE: dict = {}


def _statements(lines: Iterable[str]) -> Iterable[tuple[str, str, str]]:
    for line in lines:
        s, p, rest = line.split(" ", 2)
        yield s, p, rest.rsplit(" ", 2)[0]


def _all(tests: Sequence[_Test], x: str, d: _Doc) -> Answer:
    answer: Answer = True
    for t in tests:
        a = t(x, d)
        if a is not True:
            if a is False:
                return False
            answer = None
    return answer


def _memo(f: Callable[[str], Answer]) -> _Test:
    """A test of a term alone, remembered per term (numbers and dates recur across documents)."""
    seen: dict[str, Answer] = {}

    def test(v: str, d: object) -> Answer:
        try:
            return seen[v]
        except KeyError:
            if len(seen) >= 100_000:
                seen.clear()
            a = seen[v] = f(v)
            return a
    return test


def _plain(values: set[str]) -> bool:
    """No two of ``values`` can be one term in the store (IRIs, or literals compared as written)."""
    return all(v[:1] == "<" for v in values)


@lru_cache(maxsize=1)
def qgraph_local() -> _Shapes:
    """qgraph's own shapes and ontology, made into local tests once per process."""
    from .resources import shapes_path
    from .union import ontology_lines

    return _Shapes(Graph().parse(str(shapes_path()), format="turtle"), ontology_lines())


def local_constraints(compiled: Sequence[object], names: Iterable[str] | None = None) -> frozenset[int]:
    """The indices of the compiled constraints (:func:`qgraph.shacl_compile.compile_shapes`) that
    belong to the local shapes (default: qgraph's)."""
    names = set(qgraph_local().names if names is None else names)
    return frozenset(i for i, c in enumerate(compiled) if c.shape.split(" ", 1)[0] in names)  # type: ignore[attr-defined]


def check_document(lines: Iterable[str], shared: Iterable[str], own: str) -> bool:
    """Whether qgraph's local shapes surely give no row for a document's lines (see the module)."""
    return qgraph_local().check(lines, shared, own)


def check_shard(shard: object, own: str) -> bool:
    """:func:`check_document` of a :class:`qgraph.mapping.Shard`, from the statements the mapping
    made when it has them (not parsed again from its lines)."""
    statements = getattr(shard, "statements", None)
    if statements is not None:
        return qgraph_local().check_statements(statements[0], statements[1], own)
    return check_document(shard.lines, shard.shared, own)  # type: ignore[attr-defined]


__all__ = ["LOCAL_CLASSES", "check_document", "check_shard", "local_constraints", "qgraph_local"]
