"""The ``validate`` stage: SHACL (pySHACL) over the data graphs, with the ontology for subclasses.

Exit codes follow pySHACL: 0 conforms, 1 violations, 2 cannot load.

>>> report = validate_graph(Graph())
>>> report.conforms
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rdflib import Dataset, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, NamespaceManager

from .resources import ontology_path, shapes_path

ONTOLOGY_GRAPH = URIRef("https://w3id.org/qgraph/def")


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str
    value: str | None
    component: str | None = None
    """The SHACL constraint component, e.g. ``sh:MinCountConstraintComponent``."""


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    report_graph: Graph

    @property
    def exit_code(self) -> int:
        return 0 if self.conforms else 1

    def text(self, *, limit: int = 50) -> str:
        if self.conforms:
            return "SHACL: conforms (0 violations)"
        lines = [f"SHACL: {len(self.violations)} violation(s)"]
        for v in self.violations[:limit]:
            where = f" {v.path}" if v.path else ""
            val = f" (value: {_cut(v.value)})" if v.value else ""
            lines.append(f"  [{v.severity}] {v.focus}{where}: {v.message}{val}")
        if len(self.violations) > limit:
            lines.append(f"  … and {len(self.violations) - limit} more")
        return "\n".join(lines)

    def json(self) -> str:
        return json.dumps(
            {"conforms": self.conforms, "violations": [v.__dict__ if hasattr(v, "__dict__") else _asdict(v) for v in self.violations]},
            ensure_ascii=False, indent=2,
        )

    def turtle(self) -> str:
        """The ``sh:ValidationReport`` graph as pySHACL writes it, in Turtle."""
        return self.report_graph.serialize(format="turtle")

    def jsonld(self) -> str:
        """The ``sh:ValidationReport`` graph in JSON-LD, with the prefixes as its context."""
        from .vocab import PREFIXES

        context = {"sh": str(SH), **{p: str(ns) for p, ns in PREFIXES.items()}}
        return self.report_graph.serialize(format="json-ld", context=context, indent=2)


def _cut(text: str, limit: int = 120) -> str:
    """A value as shown in the text report: one line, at most ``limit`` characters (a long literal
    would flood the terminal)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else f"{line[:limit]}… ({len(text):,} characters)"


def _asdict(v: Violation) -> dict[str, str | None]:
    return {"focus": v.focus, "path": v.path, "message": v.message, "severity": v.severity, "value": v.value,
            "component": v.component}


def sort_violations(violations: list[Violation]) -> tuple[Violation, ...]:
    return tuple(sorted(violations, key=lambda v: (v.focus, v.path or "", v.message, v.component or "", v.value or "")))


def report_namespaces() -> Graph:
    """An empty graph with qgraph's prefixes bound: how violations shorten IRIs by default."""
    from .vocab import PREFIXES

    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


_PATH_FORMS = ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?"))


def path_text(g: Graph, node: object, nsm: object) -> str:
    """A SHACL path node of ``g`` in SPARQL property-path syntax with prefixes: ``oa:hasTarget/oa:exact``."""
    if isinstance(node, URIRef):
        return _short(node, nsm)
    if (node, RDF.first, None) in g:
        return "/".join(_wrap(path_text(g, p, nsm)) for p in Collection(g, node))
    for pred, form in _PATH_FORMS:
        inner = g.value(node, pred)
        if inner is not None:
            return form.format(_wrap(path_text(g, inner, nsm)))
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return "|".join(_wrap(path_text(g, p, nsm)) for p in Collection(g, alt))
    return str(node)


def _wrap(text: str) -> str:
    return f"({text})" if any(ch in text for ch in "/|") else text


def _short(node: object, g: Graph | NamespaceManager) -> str:
    if node is None:
        return ""
    nsm = g.namespace_manager if isinstance(g, Graph) else g
    try:
        return nsm.normalizeUri(node) if isinstance(node, URIRef) else str(node)
    except Exception:  # noqa: BLE001 - normalizeUri fails on odd IRIs; the full IRI is fine then
        return str(node)


def load_shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def load_ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def _bind_prefixes(g: Graph) -> None:
    from .vocab import PREFIXES

    g.bind("sh", SH, override=True)
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace, override=True, replace=True)


def validate_graph(data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None) -> ValidationReport:
    """Validate a plain in-memory graph (never an Oxigraph-backed one: pySHACL is slow there).

    The report graph is pySHACL's ``sh:ValidationReport``; terms are shown with qgraph's prefixes.
    """
    _bind_prefixes(data)
    combined = Graph()
    for t in data:
        combined.add(t)
    return _validate_combined(combined, data, shapes=shapes, ontology=ontology)


def _validate_combined(combined: Graph, names: Graph, *, shapes: Graph | None = None,
                       ontology: Graph | None = None) -> ValidationReport:
    """pySHACL on ``combined`` (the data, a copy that may be changed) plus the ontology's triples;
    ``names`` gives the prefixes for the report."""
    from pyshacl import validate as shacl_validate  # here: a build validating with SPARQL never imports it (0.2-0.5 s)

    for t in ontology if ontology is not None else load_ontology():
        combined.add(t)
    conforms, report, _ = shacl_validate(
        combined, shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none", advanced=True, allow_warnings=True,
    )
    return _report(bool(conforms), report, names)


def _report(conforms: bool, report: Graph, names: Graph) -> ValidationReport:
    violations = []
    for r in set(report.objects(None, SH.result)):  # top-level results only, not nested sh:detail ones
        msg = report.value(r, SH.resultMessage)
        path = report.value(r, SH.resultPath)
        violations.append(Violation(
            focus=_short(report.value(r, SH.focusNode), names),
            path=path_text(report, path, names.namespace_manager) if path is not None else None,
            message=str(msg) if msg is not None else "constraint violated",
            severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            value=_short(report.value(r, SH.value), names) or None,
            component=_short(report.value(r, SH.sourceConstraintComponent), names) or None,
        ))
    _bind_prefixes(report)
    return ValidationReport(bool(conforms), sort_violations(violations), report)


def data_graph(ds: Dataset) -> Graph:
    """The union of a dataset's graphs except the ontology, as a plain Graph."""
    g = Graph()
    for ctx in ds.graphs():
        if ctx.identifier != ONTOLOGY_GRAPH:
            for t in ctx:
                g.add(t)
    for p, ns in ds.namespaces():
        g.bind(p, ns)
    return g


def validate_dataset(ds: Dataset, *, jobs: int = 1) -> ValidationReport:
    """Validate the union of a dataset's graphs except the ontology (copied once, for pySHACL).

    With ``jobs`` > 1 the shapes are split into ``jobs`` groups of about equal work, each checked
    in a forked process (see :mod:`qgraph.validate_parallel`); the violations are the same, but
    the report graph then holds one ``sh:ValidationReport`` per group.
    """
    union = data_graph(ds)
    if jobs > 1:
        from .validate_parallel import validate_in_parallel

        found = validate_in_parallel(union, load_ontology(), load_shapes(), jobs)
        if found is not None:
            return _report(*found, union)
    return _validate_combined(union, union)


def validate_file(path: Path, *, engine: str = "pyshacl",
                  on_phase: Callable[[str], None] | None = None) -> ValidationReport:
    """Validate an RDF file (Turtle, N-Quads, TriG, JSON-LD …). Raises InputError if unreadable.

    ``engine="sparql"`` runs the shapes compiled to SPARQL on an in-memory Oxigraph store
    (:mod:`qgraph.shacl_sparql`): same violations, much faster on large graphs. ``on_phase`` is
    told ``"reading"``, then ``"validating"`` (for a progress line).
    """
    if on_phase:
        on_phase("reading")
    if engine == "sparql":
        from .shacl_sparql import qgraph_constraints, store_of_file, validate_store

        store = store_of_file(Path(path))
        if on_phase:
            on_phase("validating")
        return validate_store(store, qgraph_constraints())
    if engine != "pyshacl":
        raise ValueError(f"unknown validation engine {engine!r} (expected pyshacl or sparql)")
    from .rdfio import read_rdf_dataset

    dataset = read_rdf_dataset(Path(path))
    if on_phase:
        on_phase("validating")
    return validate_dataset(dataset)
