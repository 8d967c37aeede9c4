"""Every fact about one entity, each with the sentence it was read from ("why does the graph say …?").

:func:`explain` finds an entity by IRI or label and gathers its types, labels and properties, the
sentences that mention it, and the facts that point to it (observations, listings, inspections,
posts, chain projects…) with their own properties and source sentences. It runs SPARQL through
:func:`qgraph.query.run_queries`, so it works on the embedded store and on a remote endpoint.

>>> from pathlib import Path
>>> e = explain(Path("out/graph.nq"), "李震")              # doctest: +SKIP
>>> print(format_explanation(e))                          # doctest: +SKIP
李震  qgperson:li-zhen-wd3yxphz7h
types: foaf:Person
…
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError
from .query import DEFAULT_TIMEOUT, QueryResult, run_queries
from .results import display
from .sparql import Term, parse_param_value

_LABELS = "rdfs:label|skos:prefLabel|skos:altLabel|foaf:name|dcterms:title"
_HIDDEN = {  # shown elsewhere (types, labels, sources) or too long
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://w3id.org/qgraph/def#evidence",
    "https://w3id.org/qgraph/def#mentionedIn", "https://w3id.org/qgraph/def#text",
    "https://w3id.org/qgraph/def#series",  # a figure's derived series: its measure, place and level, shown already
}
_LABEL_PREDICATES = {
    "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel", "http://xmlns.com/foaf/0.1/name",
}

_FIND = f"""SELECT ?e (SAMPLE(COALESCE(?pl, STR(?l))) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types) ?name
WHERE {{ ?e {_LABELS} ?l . FILTER({{match}}) OPTIONAL {{ ?e a ?t }}
         OPTIONAL {{ ?e rdfs:label ?pl FILTER(LANG(?pl) = "zh" || LANG(?pl) = "") }} }}
GROUP BY ?e ?name ORDER BY STRLEN(?label) ?e LIMIT 20"""
_EXISTS = "SELECT ?e (COUNT(*) AS ?n) WHERE { ?e ?p ?o } GROUP BY ?e"
# The facts linked to ?e: things pointing to it, and the posts / listings / observations it points to.
# The derived chain-project tallies and figure series (qg:tallyPlace, qg:seriesPlace, …) are no facts: they
# repeat the projects and figures.
_FACTS = """{ ?f ?link ?e . BIND("in" AS ?dir) FILTER(?link != oa:hasBody && ?link NOT IN (qg:tallyPlace, qg:tallyLevel, qg:tallyProject, qg:seriesMeasure, qg:seriesPlace, qg:seriesLevel))
    FILTER NOT EXISTS { ?f a qg:Mention } }
  UNION { ?e ?link ?f . BIND("out" AS ?dir) FILTER(isIRI(?f) && ?link NOT IN (qg:evidence, qg:mentionedIn, rdf:type))
          FILTER EXISTS { VALUES ?fc { org:Post qg:Listing qg:Certification qg:Observation qg:ChainProject qg:Inspection
                                       qg:ProductSpotCheck qg:TestingService qg:EnforcementInspection qg:ConstructionCheck }
                          ?f a ?fc } }"""
_OBJECT_LABEL = """OPTIONAL { ?o rdfs:label|skos:prefLabel|dcterms:title|foaf:name ?ol0 FILTER(LANG(?ol0) = "zh" || LANG(?ol0) = "") }"""
_PROPS = f"""SELECT ?e ?p ?o (SAMPLE(?ol0) AS ?ol) WHERE {{ ?e ?p ?o . {_OBJECT_LABEL} }} GROUP BY ?e ?p ?o ORDER BY ?p ?o"""
_EVIDENCE = """SELECT DISTINCT ?e {extra} ?sentence ?exact ?doc ?title ?start WHERE {{
  {pattern} ?m oa:hasBody ?{subject} . ?m qg:sentence ?s . ?s rdf:value ?sentence .
  OPTIONAL {{ ?m qg:exact ?exact }}
  OPTIONAL {{ ?m qg:start ?start }}
  OPTIONAL {{ ?s oa:hasSource ?doc . OPTIONAL {{ ?doc dcterms:title ?title }} }}
}} ORDER BY ?{subject} ?doc ?start"""
_FACT_PROPS = f"""SELECT ?e ?f ?link ?dir ?p ?o (SAMPLE(?ol0) AS ?ol) WHERE {{
  {_FACTS} ?f ?p ?o . {_OBJECT_LABEL} }} GROUP BY ?e ?f ?link ?dir ?p ?o ORDER BY ?f ?p ?o"""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that states a fact, with the quoted span and the document it is from."""

    sentence: str
    exact: str | None
    document: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Statement:
    """One property value; ``label`` is the value's label when it is an entity."""

    predicate: Term
    value: Term
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact linked to the entity: ``fact --link--> entity`` (``in``) or ``entity --link--> fact`` (``out``)."""

    iri: Term
    link: Term
    direction: str
    types: tuple[Term, ...]
    statements: tuple[Statement, ...]
    evidence: tuple[Evidence, ...]
    links: tuple[tuple[Term, str], ...] = ()
    """Every ``(link, direction)`` between the fact and the entity (a post is ``← org:heldBy`` and
    ``→ org:holds``); the fact is listed once."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity whose label matches what the user typed."""

    iri: Term
    label: str
    types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything known about one entity."""

    iri: Term
    types: tuple[Statement, ...]
    labels: tuple[Statement, ...]
    statements: tuple[Statement, ...]
    evidence: tuple[Evidence, ...]
    facts: tuple[Fact, ...]

    def to_json(self) -> str:
        """The explanation as JSON (full IRIs, literal values)."""

        def st(s: Statement) -> dict[str, str | None]:
            return {"predicate": s.predicate.value, "value": s.value.value, "label": s.label}

        def ev(e: Evidence) -> dict[str, str | None]:
            return {"sentence": e.sentence, "exact": e.exact, "document": e.document, "title": e.title}

        data = {
            "iri": self.iri.value, "types": [s.value.value for s in self.types],
            "labels": [st(s) for s in self.labels], "statements": [st(s) for s in self.statements],
            "evidence": [ev(e) for e in self.evidence],
            "facts": [{"iri": f.iri.value, "link": f.link.value, "direction": f.direction,
                       "links": [{"link": link.value, "direction": d} for link, d in f.links],
                       "types": [t.value for t in f.types], "statements": [st(s) for s in f.statements],
                       "evidence": [ev(e) for e in f.evidence]} for f in self.facts],
        }
        return json.dumps(data, ensure_ascii=False, indent=1)


class AmbiguousEntity(QueryError):
    """A label names several entities (or none exactly); :attr:`candidates` lists them (exit code 2:
    1 is kept for SHACL violations)."""

    def __init__(self, message: str, candidates: Sequence[Candidate]) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


def find_entities(source: Path | str | None, label: str, *, partial: bool = False,
                  timeout: float | None = DEFAULT_TIMEOUT, endpoint: str | None = None) -> list[Candidate]:
    """Entities whose label (rdfs:label, skos:prefLabel/altLabel, foaf:name, dcterms:title) is ``label``.

    With ``partial``, labels that contain ``label`` (at most 20, shortest first).
    """
    match = "CONTAINS(STR(?l), STR(?name))" if partial else "STR(?l) = STR(?name)"
    text = _FIND.replace("{match}", match)
    [result] = run_queries(source, [(text, {"name": ox.Literal(label)})], timeout=timeout, endpoint=endpoint)
    return [Candidate(r["e"], r["label"].value, tuple(r["types"].value.split()) if "types" in r else ())
            for r in result.dicts()]


def explain(source: Path | str | None, subject: str | Term, *, timeout: float | None = DEFAULT_TIMEOUT,
            endpoint: str | None = None) -> Explanation:
    """Explain one entity, given as an IRI (``<…>``, ``qgid:…``, a term) or an exact label.

    :raises AmbiguousEntity: the label names several entities, or only partly matches some.
    :raises QueryError: nothing matches.
    """
    iri = _resolve(source, subject, timeout=timeout, endpoint=endpoint)
    explanation = _assemble(iri, *run_queries(source, _queries(iri), timeout=timeout, endpoint=endpoint))
    if explanation is None:
        raise QueryError(f"nothing is known about {display(iri)}")
    return explanation


def explain_many(source: Path | str | None, iris: Sequence[Term], *, timeout: float | None = DEFAULT_TIMEOUT,
                 endpoint: str | None = None, chunk: int = 200) -> dict[Term, Explanation]:
    """Explain several entities given by IRI (the HTML report uses it); unknown ones are left out.

    The entities are asked for together (``VALUES``, ``chunk`` at a time), not one by one.
    """
    found: dict[Term, Explanation] = {}
    unique = list(dict.fromkeys(iris))
    for start in range(0, len(unique), chunk):
        part = unique[start:start + chunk]
        values = "VALUES ?e { " + " ".join(f"<{iri.value}>" for iri in part) + " } "
        texts = [(text.replace("WHERE {", "WHERE { " + values, 1), {}) for text, _ in _queries(part[0])]
        split = [_by_entity(result) for result in run_queries(source, texts, timeout=timeout, endpoint=endpoint)]
        for iri in part:
            explanation = _assemble(iri, *(QueryResult(r.form, r.variables, rows.get(iri.value, ())) for r, rows in split))
            if explanation is not None:
                found[iri] = explanation
    return found


def _by_entity(result: QueryResult) -> tuple[QueryResult, dict[str, tuple]]:
    """``result`` and its rows grouped by the value of ``?e`` (order kept)."""
    index = result.variables.index("e")
    rows: dict[str, list] = defaultdict(list)
    for row in result.rows:
        rows[row[index].value if row[index] is not None else ""].append(row)
    return result, {e: tuple(r) for e, r in rows.items()}


def _queries(iri: Term) -> list[tuple[str, dict[str, Term]]]:
    bound = {"e": iri}
    return [(_PROPS, bound), (_EVIDENCE.format(pattern="", subject="e", extra=""), bound), (_FACT_PROPS, bound),
            (_EVIDENCE.format(pattern=_FACTS, subject="f", extra="?f"), bound)]


def _assemble(iri: Term, props: QueryResult, own_evidence: QueryResult, fact_props: QueryResult,
              fact_evidence: QueryResult) -> Explanation | None:
    statements = [Statement(r["p"], r["o"], r["ol"].value if "ol" in r else None) for r in props.dicts()]
    if not statements and not fact_props.rows:
        return None
    return Explanation(
        iri,
        types=tuple(s for s in statements if s.predicate.value == _RDF_TYPE),
        labels=tuple(s for s in statements if s.predicate.value in _LABEL_PREDICATES),
        statements=tuple(s for s in statements if s.predicate.value not in _HIDDEN | _LABEL_PREDICATES),
        evidence=tuple(e for _, e in _evidence(own_evidence)),
        facts=_facts(fact_props, fact_evidence, iri),
    )


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _resolve(source: Path | str | None, subject: str | Term, *, timeout: float | None, endpoint: str | None) -> Term:
    term = subject if not isinstance(subject, str) else parse_param_value(subject)
    if not isinstance(term, ox.Literal):
        return term
    exact = find_entities(source, term.value, timeout=timeout, endpoint=endpoint)
    if len(exact) == 1:
        return exact[0].iri
    if len(exact) > 1:
        raise AmbiguousEntity(f"{term.value!r} names {len(exact)} entities; give one IRI:\n"
                              + _list(exact), exact)
    if "://" in term.value:  # not a label: perhaps an IRI typed without <…>
        try:
            iri = ox.NamedNode(term.value)
        except ValueError:
            pass
        else:
            [found] = run_queries(source, [(_EXISTS, {"e": iri})], timeout=timeout, endpoint=endpoint)
            if found.rows:
                return iri
    partial = find_entities(source, term.value, partial=True, timeout=timeout, endpoint=endpoint)
    if partial:
        raise AmbiguousEntity(f"no entity is labelled {term.value!r}; labels containing it:\n" + _list(partial),
                              partial)
    raise QueryError(f"no entity is labelled {term.value!r} (try `qgraph query statistics` or an IRI)")


def _list(candidates: Sequence[Candidate]) -> str:
    return "\n".join(f"  {display(c.iri)}  {c.label}  ({', '.join(display(ox.NamedNode(t)) for t in c.types)})"
                     for c in candidates)


def _evidence(result: QueryResult) -> list[tuple[Term, Evidence]]:
    out: list[tuple[Term, Evidence]] = []
    seen: set[tuple[str, str, str | None]] = set()
    for r in result.dicts():
        subject = r.get("f", r["e"])
        key = (subject.value, r["sentence"].value, r["exact"].value if "exact" in r else None)
        if key in seen:
            continue
        seen.add(key)
        out.append((subject, Evidence(r["sentence"].value, key[2], r["doc"].value if "doc" in r else None,
                                     r["title"].value if "title" in r else None)))
    return out


def _facts(props: QueryResult, evidence: QueryResult, entity: Term) -> tuple[Fact, ...]:
    links: dict[tuple[str, str, str], tuple[Term, Term, str]] = {}
    statements: dict[str, list[Statement]] = defaultdict(list)
    types: dict[str, list[Term]] = defaultdict(list)
    for r in props.dicts():
        f, link, direction = r["f"], r["link"], r["dir"].value
        links.setdefault((f.value, link.value, direction), (f, link, direction))
        p, o = r["p"], r["o"]
        if p.value == _RDF_TYPE:
            if o not in types[f.value]:
                types[f.value].append(o)
        elif p.value not in _HIDDEN and o != entity:
            s = Statement(p, o, r["ol"].value if "ol" in r else None)
            if s not in statements[f.value]:
                statements[f.value].append(s)
    sentences: dict[str, list[Evidence]] = defaultdict(list)
    for f, e in _evidence(evidence):
        sentences[f.value].append(e)
    by_fact: dict[str, list[tuple[Term, Term, str]]] = {}
    for f, link, d in sorted(links.values(), key=lambda x: (x[2], x[1].value, x[0].value)):
        by_fact.setdefault(f.value, []).append((f, link, d))
    return tuple(Fact(f, link, d, tuple(types[f.value]), tuple(statements[f.value]), tuple(sentences[f.value]),
                      links=tuple((lk, dr) for _, lk, dr in found))
                 for found in by_fact.values() for (f, link, d) in found[:1])


def format_explanation(e: Explanation, *, max_sentence: int = 200) -> str:
    """The explanation as indented text for a terminal."""

    def value(s: Statement) -> str:
        shown = display(s.value)
        return f"{s.label}  ({shown})" if s.label and s.label != shown else shown

    numbers: dict[tuple[str, str | None], int] = {}  # each sentence is printed once, then cited by number

    def quote(ev: Evidence, indent: str) -> list[str]:
        key = (ev.sentence, ev.document)
        exact = ev.exact if ev.exact and ev.exact.strip() != ev.sentence.strip() else None
        if key in numbers:
            return [f"{indent}from [{numbers[key]}]" + (f", quote: {exact}" if exact else "")]
        numbers[key] = len(numbers) + 1
        text = ev.sentence if len(ev.sentence) <= max_sentence else ev.sentence[:max_sentence] + "…"
        where = ev.title or (display(ox.NamedNode(ev.document)) if ev.document else "")
        lines = [f"{indent}[{numbers[key]}] “{text}”"]
        if exact:
            lines.append(f"{indent}  quote: {exact}")
        if where:
            lines.append(f"{indent}  — {where}")
        return lines

    name = next((s.value.value for s in e.labels if s.value.language in ("zh", "")), None) or display(e.iri)
    lines = [f"{name}  {display(e.iri)}"]
    lines.append("types: " + ", ".join(value(t) for t in e.types) if e.types else "types: (none)")
    if e.labels:
        shown = dict.fromkeys(s.value.value + (f" @{s.value.language}" if s.value.language else "") for s in e.labels)
        lines.append("labels: " + " · ".join(shown))
    if e.statements:
        lines.append("properties:")
        lines += [f"  {display(s.predicate)}  {value(s)}" for s in e.statements]
    lines.append(f"sources ({len(e.evidence)}):")
    for ev in e.evidence:
        lines += quote(ev, "  ")
    lines.append(f"facts ({len(e.facts)}):")
    for fact in e.facts:
        links = fact.links or ((fact.link, fact.direction),)
        arrows = " · ".join(f"{'←' if d == 'in' else '→'} {display(link)}" for link, d in links)
        kinds = ", ".join(display(t) for t in fact.types)
        lines.append(f"  {display(fact.iri)}  [{kinds}]  {arrows}")
        lines += [f"      {display(s.predicate)}  {value(s)}" for s in fact.statements]
        for ev in fact.evidence:
            lines += quote(ev, "      ")
    return "\n".join(lines)
