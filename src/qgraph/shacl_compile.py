"""SHACL shapes compiled to SPARQL: one SELECT per constraint, rows ``?focus ?value``.

The compiler reads any shapes graph (not only qgraph's own), following SHACL Core as pySHACL
implements it with ``inference="none"``: a class target or ``sh:class`` reaches instances of
subclasses through ``rdf:type/rdfs:subClassOf*`` in the validated data (which includes the ontology).
Nested shapes (``sh:or``, ``sh:not``, ``sh:and``, ``sh:xone``, ``sh:node``, ``sh:qualifiedValueShape``)
become boolean SPARQL expressions. A constraint component the compiler does not know raises
:class:`UnsupportedShapeError` at compile time, so a new shape can never be skipped silently.

>>> from rdflib import Graph
>>> compile_shapes(Graph())
()
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD


class UnsupportedShapeError(ValueError):
    """The shapes graph uses something the SPARQL engine cannot check (raised when compiling)."""


@dataclass(frozen=True, slots=True)
class CompiledConstraint:
    """One constraint of one shape as a SPARQL SELECT returning ``?focus ?value`` rows (``?value``
    may be unbound). ``path`` is the result path as a SHACL path node of ``shapes`` (None for a
    node-level constraint). A shape with several ``sh:message`` values reports the first in
    sort order; one without reports ``"<Component> violated"`` (pySHACL writes its own sentence)."""

    shape: str
    component: str
    path: object | None
    message: str | None
    severity: str
    query: str
    shapes: Graph
    screen: str | None = None
    """A cheaper query answering one row ``?n ?m``: when ``?n = ?m`` the constraint has no rows on
    that store and ``query`` need not run (a sound shortcut, never a different answer)."""


# Predicates of a shape that are not constraints (or are read together with their constraint).
_NOT_CONSTRAINTS = {RDF.type, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
                    SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.defaultValue,
                    SH.path, SH.deactivated, SH.property, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                    SH.qualifiedValueShapesDisjoint, SH.flags}
_VALUE_COMPONENTS = {SH["class"], SH.datatype, SH.nodeKind, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
                     SH.maxExclusive, SH.minLength, SH.maxLength, SH.pattern, SH.languageIn, SH["in"], SH.node,
                     SH["or"], SH["and"], SH["not"], SH.xone}
_PROPERTY_ONLY = {SH.minCount, SH.maxCount, SH.uniqueLang, SH.qualifiedValueShape}
_CASTS = {XSD.integer, XSD.decimal, XSD.boolean, XSD.double, XSD.float, XSD.date, XSD.dateTime, XSD.time,
          XSD.duration}
_SELF_CAST = {XSD.integer, XSD.decimal, XSD.double, XSD.float}  # not xsd:boolean: "yes"^^xsd:boolean passes the cast
_COMPARE = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
               SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))", SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
               SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}
_COMPONENT = {SH["class"]: "Class", SH.datatype: "Datatype", SH.nodeKind: "NodeKind", SH.minInclusive: "MinInclusive",
              SH.maxInclusive: "MaxInclusive", SH.minExclusive: "MinExclusive", SH.maxExclusive: "MaxExclusive",
              SH.minLength: "MinLength", SH.maxLength: "MaxLength", SH.pattern: "Pattern", SH.languageIn: "LanguageIn",
              SH["in"]: "In", SH.node: "Node", SH["or"]: "Or", SH["and"]: "And", SH["not"]: "Not", SH.xone: "Xone",
              SH.minCount: "MinCount", SH.maxCount: "MaxCount", SH.uniqueLang: "UniqueLang", SH.hasValue: "HasValue"}
_Pattern = Callable[[str, str], str]
_TYPE, _SUB = RDF.type.n3(), RDFS.subClassOf.n3()
_MAX_DISTINCT = 6  # counts inside nested shapes are spelt out as that many distinct variables


def _iri(term: object) -> str:
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    raise UnsupportedShapeError(f"expected an IRI or literal, got a blank node {term}")


def _sparql_string(text: str) -> str:
    return Literal(text).n3()


def _same_lang(a: str, b: str) -> str:
    return f"!sameTerm({a}, {b}) && lang({a}) != \"\" && LCASE(lang({a})) = LCASE(lang({b}))"


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self._n = itertools.count()

    def var(self, stem: str = "v") -> str:
        return f"?_{stem}{next(self._n)}"

    def name(self, shape: object) -> str:
        """How errors name a shape: its IRI, or for a blank node the shape it hangs from."""
        if isinstance(shape, URIRef):
            return self.g.namespace_manager.normalizeUri(shape)
        for pred in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
            parent = self.g.value(predicate=pred, object=shape)
            if parent is not None:
                return f"{self.name(parent)} {self.name(pred)} [{self._path_hint(shape)}]"
        member = self.g.value(predicate=RDF.first, object=shape)
        while member is not None and self.g.value(predicate=RDF.rest, object=member) is not None:
            member = self.g.value(predicate=RDF.rest, object=member)
        for pred in (SH["or"], SH["and"], SH.xone):
            parent = self.g.value(predicate=pred, object=member) if member is not None else None
            if parent is not None:
                return f"{self.name(parent)} {self.name(pred)} [{self._path_hint(shape)}]"
        return f"[{self._path_hint(shape)}]"

    def _path_hint(self, shape: object) -> str:
        path = self.g.value(shape, SH.path)
        return f"sh:path {self.g.namespace_manager.normalizeUri(path)}" if isinstance(path, URIRef) else "…"

    def fail(self, shape: object, what: str) -> UnsupportedShapeError:
        return UnsupportedShapeError(f"shape {self.name(shape)}: {what} is not supported by the SPARQL engine")

    def items(self, shape: object, node: object) -> list:
        try:
            return list(Collection(self.g, node))
        except Exception as exc:  # noqa: BLE001 - a broken RDF list
            raise self.fail(shape, f"the list {node} ({exc})") from None

    def constraints(self, shape: object) -> Iterator[tuple[URIRef, object]]:
        """The (component parameter, value) pairs of a shape; unknown SHACL terms raise."""
        for p, o in sorted(self.g.predicate_objects(shape)):
            if p in _NOT_CONSTRAINTS:
                continue
            if p not in _VALUE_COMPONENTS | _PROPERTY_ONLY | {SH.hasValue}:
                if str(p).startswith(str(SH)):
                    raise self.fail(shape, self.name(p))
                continue  # rdfs:comment and other annotations
            yield p, o

    # ------------------------------------------------------------------ paths

    def path(self, shape: object, node: object) -> str:
        if isinstance(node, URIRef):
            return node.n3()
        if (node, RDF.first, None) in self.g:
            parts = [self.path(shape, p) for p in self.items(shape, node)]
            return "(" + "/".join(parts) + ")"
        for pred, fmt in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"), (SH.oneOrMorePath, "({})+"),
                          (SH.zeroOrOnePath, "({})?")):
            inner = self.g.value(node, pred)
            if inner is not None:
                return fmt.format(self.path(shape, inner))
        alt = self.g.value(node, SH.alternativePath)
        if alt is not None:
            return "(" + "|".join(self.path(shape, p) for p in self.items(shape, alt)) + ")"
        raise self.fail(shape, f"the path {node}")

    def pattern(self, shape: object, node: object, s: str, o: str) -> str:
        """Triple patterns linking ``s`` to ``o`` along a SHACL path: sequences and inverses become
        joins over fresh variables (Oxigraph evaluates those far faster than property paths)."""
        if isinstance(node, URIRef):
            return f"{s} {node.n3()} {o} ."
        if (node, RDF.first, None) in self.g:
            steps = self.items(shape, node)
            nodes = [s] + [self.var("p") for _ in steps[1:]] + [o]
            return " ".join(self.pattern(shape, step, a, b) for step, a, b in zip(steps, nodes, nodes[1:]))
        inner = self.g.value(node, SH.inversePath)
        if inner is not None:
            return self.pattern(shape, inner, o, s)
        return f"{s} {self.path(shape, node)} {o} ."

    def pattern_of(self, shape: object, node: object) -> _Pattern:
        self.path(shape, node)  # refuses an unknown path now
        return lambda s, o: self.pattern(shape, node, s, o)

    # ------------------------------------------------------------------ boolean expressions

    def value_ok(self, shape: object, param: URIRef, arg: object, v: str) -> str:
        """A SPARQL expression, never an error, true iff the value node ``v`` passes the constraint."""
        if param == SH["class"]:
            t = self.var("t")
            return f"EXISTS {{ {v} {_TYPE} {t} . {t} {_SUB}* {_iri(arg)} }}"
        if param == SH.datatype:
            if arg == RDF.langString:
                return f"(isLiteral({v}) && lang({v}) != \"\")"
            if arg in _SELF_CAST:
                # A well-formed literal of the datatype is the one value the cast to it leaves unchanged
                # (Oxigraph stores such literals as values; an ill-formed one does not cast): the same
                # answer as the test below for every lexical form tried, without datatype() or str() per value
                # (both build strings: 10x slower on a million values)
                return f"COALESCE(isNumeric({v}) && sameTerm({v}, {_iri(arg)}({v})), false)"
            ok = f"isLiteral({v}) && datatype({v}) = {_iri(arg)} && lang({v}) = \"\""
            if arg in _CASTS:
                ok += f" && COALESCE(isLiteral({_iri(arg)}(str({v}))), false)"
            return f"({ok})"
        if param == SH.nodeKind:
            if arg not in _NODE_KINDS:
                raise self.fail(shape, f"sh:nodeKind {arg}")
            return _NODE_KINDS[arg].format(v=v)
        if param in _COMPARE:
            if not isinstance(arg, Literal):
                raise self.fail(shape, f"{self.name(param)} {arg}")
            return f"COALESCE(isLiteral({v}) && {v} {_COMPARE[param]} {arg.n3()}, false)"
        if param in (SH.minLength, SH.maxLength):
            op = ">=" if param == SH.minLength else "<="
            return f"COALESCE(!isBlank({v}) && STRLEN(STR({v})) {op} {int(arg)}, false)"
        if param == SH.pattern:
            flags = self.g.value(shape, SH.flags)
            fl = f", {_sparql_string(str(flags))}" if flags is not None else ""
            return f"COALESCE(!isBlank({v}) && REGEX(STR({v}), {_sparql_string(str(arg))}{fl}), false)"
        if param == SH.languageIn:
            tags = sorted({str(t).lower() for t in self.items(shape, arg)})
            if "*" in tags:
                return f"(isLiteral({v}) && lang({v}) != \"\")"
            listed = ", ".join(_sparql_string(t) for t in tags)
            return (f"(isLiteral({v}) && (LCASE(lang({v})) IN ({listed}) || "
                    f"LCASE(STRBEFORE(CONCAT(lang({v}), \"-\"), \"-\")) IN ({listed})))")
        if param == SH["in"]:
            members = self.items(shape, arg)
            return "(" + " || ".join(f"sameTerm({v}, {_iri(m)})" for m in members) + ")" if members else "false"
        if param == SH.hasValue:
            return f"sameTerm({v}, {_iri(arg)})"
        if param == SH.node:
            return self.conforms(arg, v)
        if param == SH["not"]:
            return f"!{self.conforms(arg, v)}"
        if param in (SH["or"], SH["and"], SH.xone):
            parts = [self.conforms(s, v) for s in self.items(shape, arg)]
            if param == SH.xone:
                return "((" + " + ".join(f"IF({p}, 1, 0)" for p in parts) + ") = 1)" if parts else "false"
            joiner = " || " if param == SH["or"] else " && "
            return "(" + joiner.join(parts) + ")" if parts else ("false" if param == SH["or"] else "true")
        raise self.fail(shape, self.name(param))

    def distinct(self, x: str, pat: _Pattern, n: int, shape: object, cond: Callable[[str], str] | None = None) -> str:
        """A group pattern matching when ``x`` has at least ``n`` distinct values on ``path`` (passing ``cond``)."""
        if n > _MAX_DISTINCT:
            raise self.fail(shape, f"a count of {n} inside a nested shape")
        vs = [self.var() for _ in range(n)]
        triples = " ".join(pat(x, v) for v in vs)
        filters = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(vs, 2)]
        filters += [cond(v) for v in vs] if cond else []
        return f"{{ {triples} {'FILTER(' + ' && '.join(filters) + ')' if filters else ''} }}"

    def property_ok(self, shape: object, x: str) -> str:
        pat = self.pattern_of(shape, self.g.value(shape, SH.path))
        parts = []
        for param, arg in self.constraints(shape):
            if param == SH.minCount:
                parts.append(f"EXISTS {self.distinct(x, pat, int(arg), shape)}" if int(arg) > 0 else "true")
            elif param == SH.maxCount:
                parts.append(f"NOT EXISTS {self.distinct(x, pat, int(arg) + 1, shape)}")
            elif param == SH.hasValue:
                parts.append(f"EXISTS {{ {pat(x, _iri(arg))} }}")
            elif param == SH.uniqueLang:
                if arg.toPython() is True:
                    a, b = self.var(), self.var()
                    parts.append(f"NOT EXISTS {{ {pat(x, a)} {pat(x, b)} FILTER({_same_lang(a, b)}) }}")
            elif param == SH.qualifiedValueShape:
                self._disjoint_check(shape)
                lo, hi = self.g.value(shape, SH.qualifiedMinCount), self.g.value(shape, SH.qualifiedMaxCount)
                cond = lambda v, q=arg: self.conforms(q, v)  # noqa: E731
                if lo is not None and int(lo) > 0:
                    parts.append(f"EXISTS {self.distinct(x, pat, int(lo), shape, cond)}")
                if hi is not None:
                    parts.append(f"NOT EXISTS {self.distinct(x, pat, int(hi) + 1, shape, cond)}")
            else:
                v = self.var()
                parts.append(f"NOT EXISTS {{ {pat(x, v)} FILTER(!{self.value_ok(shape, param, arg, v)}) }}")
        return "(" + " && ".join(parts or ["true"]) + ")"

    def _disjoint_check(self, shape: object) -> None:
        if self.g.value(shape, SH.qualifiedValueShapesDisjoint) in (Literal(True),):
            raise self.fail(shape, "sh:qualifiedValueShapesDisjoint true")

    def conforms(self, shape: object, x: str) -> str:
        """A SPARQL expression true iff the node bound to ``x`` conforms to ``shape``."""
        if self.g.value(shape, SH.deactivated) == Literal(True):
            return "true"
        if self.g.value(shape, SH.path) is not None:
            return self.property_ok(shape, x)
        parts = []
        for param, arg in self.constraints(shape):
            if param in _PROPERTY_ONLY:
                raise self.fail(shape, f"{self.name(param)} on a node shape")
            parts.append(self.value_ok(shape, param, arg, x))
        parts += [self.property_ok(p, x) for p in self.g.objects(shape, SH.property)]
        return "(" + " && ".join(parts or ["true"]) + ")"


    # ------------------------------------------------------------------ top-level queries

    def targets(self, shape: object) -> str | None:
        """A group pattern binding ``?focus`` to every target of ``shape`` once (None: no targets)."""
        if (shape, SH.target, None) in self.g:
            raise self.fail(shape, "sh:target (SPARQL-based targets)")
        blocks = []
        classes = sorted(self.g.objects(shape, SH.targetClass))
        if any((shape, RDF.type, c) in self.g for c in (RDFS.Class, OWL.Class)):
            classes.append(shape)
        if classes:
            values = " ".join(_iri(c) for c in classes)
            blocks.append(f"{{ VALUES ?_tc {{ {values} }} ?_c {_SUB}* ?_tc . ?focus {_TYPE} ?_c }}")
        nodes = sorted(self.g.objects(shape, SH.targetNode))
        if nodes:
            blocks.append(f"{{ VALUES ?focus {{ {' '.join(_iri(n) for n in nodes)} }} }}")
        blocks += [f"{{ ?focus {_iri(p)} ?_x }}" for p in sorted(self.g.objects(shape, SH.targetSubjectsOf))]
        blocks += [f"{{ ?_x {_iri(p)} ?focus }}" for p in sorted(self.g.objects(shape, SH.targetObjectsOf))]
        if not blocks:
            return None
        return f"{{ SELECT DISTINCT ?focus WHERE {{ {' UNION '.join(blocks)} }} }}"

    def compiled(self, shape: object, param: URIRef | str, path: object | None, query: str,
                 screen: str | None = None) -> CompiledConstraint:
        messages = sorted(str(m) for m in self.g.objects(shape, SH.message))
        severity = self.g.value(shape, SH.severity, default=SH.Violation)
        name = _COMPONENT.get(param, param) if isinstance(param, URIRef) else param
        return CompiledConstraint(
            shape=self.name(shape), component=str(SH[f"{name}ConstraintComponent"]), path=path,
            message=messages[0] if messages else None, severity=str(severity).rsplit("#", 1)[-1],
            query=" ".join(query.split()), shapes=self.g, screen=screen)

    def shape_queries(self, shape: object) -> Iterator[CompiledConstraint]:
        targets = self.targets(shape)
        if targets is None or self.g.value(shape, SH.deactivated) == Literal(True):
            return
        if self.g.value(shape, SH.path) is not None:
            yield from self.property_queries(shape, targets)
            return
        for param, arg in self.constraints(shape):
            if param in _PROPERTY_ONLY:
                raise self.fail(shape, f"{self.name(param)} on a node shape")
            if param == SH.hasValue:
                query = f"SELECT ?focus WHERE {{ {targets} FILTER(!sameTerm(?focus, {_iri(arg)})) }}"
            elif param == SH["or"] and (paths := self._existence_members(shape, arg)):
                # "has a value on one of these paths": the nodes with none, as anti-joins (MINUS finds the
                # nodes having a value once, where a FILTER would test each target: 6-10x faster)
                minus = " ".join(f"MINUS {{ {pat('?focus', self.var())} }}" for pat in paths)
                query = f"SELECT ?focus ?value WHERE {{ {targets} {minus} BIND(?focus AS ?value) }}"
            else:
                ok = self.value_ok(shape, param, arg, "?value")
                query = f"SELECT ?focus ?value WHERE {{ {targets} BIND(?focus AS ?value) FILTER(!{ok}) }}"
            yield self.compiled(shape, param, None, query)
        for prop in sorted(self.g.objects(shape, SH.property)):
            if self.g.value(prop, SH.deactivated) != Literal(True):
                yield from self.property_queries(prop, targets)

    def _existence_members(self, shape: object, arg: object) -> list[_Pattern]:
        """The paths of an ``sh:or`` list whose members each only ask for one value on a path
        (``[ sh:path p ; sh:minCount 1 ]``); empty when any member asks for more."""
        members = self.items(shape, arg)
        paths = []
        for member in members:
            node = self.g.value(member, SH.path)
            if (node is None or self.g.value(member, SH.deactivated) == Literal(True)
                    or (member, SH.property, None) in self.g
                    or list(self.constraints(member)) != [(SH.minCount, Literal(1))]):
                return []
            paths.append(self.pattern_of(member, node))
        return paths

    def property_queries(self, shape: object, targets: str) -> Iterator[CompiledConstraint]:
        node = self.g.value(shape, SH.path)
        if node is None:
            raise self.fail(shape, "a property shape without sh:path")
        if (shape, SH.property, None) in self.g:
            raise self.fail(shape, "sh:property inside a property shape")
        pat = self.pattern_of(shape, node)

        def count(n_op: str, cond: str = "", optional: bool = True) -> str:
            values = f"{pat('?focus', '?_v')} {cond}"
            inner = f"OPTIONAL {{ {values} }}" if optional else values
            return (f"SELECT ?focus WHERE {{ {{ SELECT ?focus (COUNT(DISTINCT ?_v) AS ?_n) WHERE {{ {targets} {inner} }} "
                    f"GROUP BY ?focus }} FILTER(?_n {n_op}) }}")

        for param, arg in self.constraints(shape):
            if param == SH.minCount:
                if int(arg) == 1:
                    yield self.compiled(shape, param, node, f"SELECT ?focus WHERE {{ {targets} "
                                                            f"MINUS {{ {pat('?focus', '?_v')} }} }}")
                elif int(arg) > 1:
                    yield self.compiled(shape, param, node, count(f"< {int(arg)}"))
            elif param == SH.maxCount:
                yield self.compiled(shape, param, node, count(f"> {int(arg)}", optional=False),
                                    screen=_one_value_screen(node) if int(arg) >= 1 else None)
            elif param == SH.hasValue:
                yield self.compiled(shape, param, node, f"SELECT ?focus WHERE {{ {targets} "
                                                        f"MINUS {{ {pat('?focus', _iri(arg))} }} }}")
            elif param == SH.uniqueLang:
                if arg.toPython() is True:  # one row per focus node and language tag used twice
                    yield self.compiled(shape, param, node, f"SELECT ?focus ?_l WHERE {{ {targets} "
                                        f"{pat('?focus', '?_a')} FILTER(lang(?_a) != \"\") }} GROUP BY ?focus "
                                        f"(LCASE(lang(?_a)) AS ?_l) HAVING (COUNT(DISTINCT ?_a) > 1)")
            elif param == SH.qualifiedValueShape:
                self._disjoint_check(shape)
                cond = f"FILTER({self.conforms(arg, '?_v')})"
                lo, hi = self.g.value(shape, SH.qualifiedMinCount), self.g.value(shape, SH.qualifiedMaxCount)
                if lo is not None and int(lo) == 1:
                    yield self.compiled(shape, "QualifiedMinCount", node, f"SELECT ?focus WHERE {{ {targets} "
                                        f"MINUS {{ {pat('?focus', '?_v')} {cond} }} }}")
                elif lo is not None and int(lo) > 1:
                    yield self.compiled(shape, "QualifiedMinCount", node, count(f"< {int(lo)}", cond))
                if hi is not None:
                    yield self.compiled(shape, "QualifiedMaxCount", node,
                                        count(f"> {int(hi)}", cond, optional=False))
            elif param == SH["class"]:  # MINUS: the instances are found once, not per value (35x faster)
                t = self.var("t")
                yield self.compiled(shape, param, node, f"SELECT DISTINCT ?focus ?value WHERE {{ {targets} "
                                    f"{pat('?focus', '?value')} MINUS {{ ?value {_TYPE} {t} . {t} {_SUB}* {_iri(arg)} }} }}")
            else:
                ok = self.value_ok(shape, param, arg, "?value")
                yield self.compiled(shape, param, node, f"SELECT DISTINCT ?focus ?value WHERE {{ {targets} "
                                                        f"{pat('?focus', '?value')} FILTER(!{ok}) }}")


def _one_value_screen(path: object) -> str | None:
    """For a predicate path: as many ``?s p ?o`` rows in the data as subjects (``?n = ?m``) means no
    node has two values, so no ``sh:maxCount`` of 1 or more can fail, whatever the targets. One
    scan of the predicate, without grouping: shared by every shape with a maximum on it."""
    if not isinstance(path, URIRef):
        return None
    return f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?m) WHERE {{ ?s {path.n3()} ?o }}"


def load_shapes_graph(shapes: Graph | Path | str) -> Graph:
    if isinstance(shapes, Graph):
        return shapes
    return Graph().parse(str(shapes), format="turtle" if str(shapes).endswith((".ttl", ".turtle")) else None)


def compile_shapes(shapes: Graph | Path | str) -> tuple[CompiledConstraint, ...]:
    """Compile every targeted shape of a SHACL shapes graph (or Turtle file) to SPARQL SELECTs.

    :raises UnsupportedShapeError: a shape uses a constraint component (or target, or path) the
        SPARQL engine cannot check; the message names the shape and the term.
    """
    g = load_shapes_graph(shapes)
    compiler = _Compiler(g)
    targeted = set()
    for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
        targeted.update(g.subjects(pred, None))
    for kind in (SH.NodeShape, SH.PropertyShape):
        targeted.update(s for s in g.subjects(RDF.type, kind)
                        if (s, RDF.type, RDFS.Class) in g or (s, RDF.type, OWL.Class) in g)
    out: list[CompiledConstraint] = []
    for shape in sorted(targeted, key=lambda s: (isinstance(s, BNode), str(s))):
        out.extend(compiler.shape_queries(shape))
    return tuple(out)
