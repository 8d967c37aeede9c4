"""The ``map`` stage: one extraction → one :class:`Shard` of sorted N-Quads lines.

Each document is mapped on its own, anywhere and in any order (in the worker that extracted
it): IRIs are a function of the entity's own key (:mod:`qgraph.resolve`), so nothing here
depends on the other documents. What *is* corpus-wide — that no two keys share one IRI — is
checked afterwards from the (IRI, key) pairs each shard lists (:func:`check_minted`).

Terms are written as N-Triples strings (:mod:`qgraph.ntriples`), never as rdflib objects. The
graph is the one ``docs/modelling.md`` describes; :func:`qgraph.rdf.to_dataset` builds the same
quads as an rdflib ``Dataset`` (for pySHACL and for tests that read the graph in Python).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from .labels import measurement_units, place_en, sentence_index
from .lexicon import Lexicon, PlaceInfo
from .model import Extraction, Kind, Observation, Ref, Span
from .ntriples import RDF_TYPE, lang, plain, typed
from .periodterms import period_bounds, period_term
from .rdfwrite import _DIGITS, _natural, _natural_run
from .resolve import IriCollision, Resolver
from .vocab import ID, PREFIXES, QG

_P = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_DOC = str(ID) + "doc/"
_GRAPH = str(ID) + "graph/"
_GAZETTEER = f"<{ID}source/gazetteer>"
SHARED_GRAPH = f"{ID}graph/shared"
"""The named graph of shared descriptions: what is a function of an entity's key alone."""
_CLASS = {k: f"<{QG}{k.value}>" for k in Kind}
_CLASS[Kind.PERSON] = "<http://xmlns.com/foaf/0.1/Person>"
@functools.cache
def _t(curie: str) -> str:
    """``"qg:place"`` → ``<https://w3id.org/qgraph/def#place>``."""
    prefix, local = curie.split(":", 1)
    return f"<{_P[prefix]}{local}>"


@dataclass(frozen=True)
class Shard:
    """One document mapped: its named graph as sorted, distinct N-Quads lines (no newline); the
    lines of the *shared descriptions* it needs (in :data:`SHARED_GRAPH`: places and their
    ancestors, measures, roles, breakdowns, and what is a function of each entity's key — its
    class, canonical labels, English label), which other documents may write too; the (IRI, key)
    pairs it minted (for the corpus-wide collision check); and how many nodes of each class it
    describes under its own IRIs (``qg:Observation``: 12)."""

    doc_id: str
    graph: str
    lines: tuple[str, ...]
    shared: tuple[str, ...]
    minted: tuple[tuple[str, tuple[str, ...]], ...]
    classes: tuple[tuple[str, int], ...]

    @property
    def triples(self) -> int:
        return len(self.lines)


def check_minted(table: dict[str, tuple[str, ...]], minted: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
    """Add a shard's (IRI, key) pairs to the corpus-wide ``table``.

    :raises IriCollision: an IRI already stands for a different key.
    """
    for iri_, key in minted:
        known = table.setdefault(iri_, key)
        if known != key:
            raise IriCollision(f"two entities would share the IRI <{iri_}>: {' / '.join(known[1:])} and "
                               f"{' / '.join(key[1:])} (a hash collision; please report it)")


def zh(text: str) -> str:
    return lang(text, "zh")


class _ShardWriter:
    """The statements of one document graph, as (subject, predicate, object) N-Triples terms."""

    def __init__(self, ex: Extraction, lexicon: Lexicon) -> None:
        self.ex = ex
        self.lex = lexicon
        self.res = Resolver.for_extractions([ex], lexicon)
        self.doc_id = ex.document.doc_id
        self.doc = f"<{_DOC}{self.doc_id}>"
        self.own = f"<{_DOC}{self.doc_id}/"
        self.out: set[tuple[str, str, str]] = set()
        self.common: set[tuple[str, str, str]] = set()
        self.n = 0
        self.placed: dict[str, str] = {}

    def add(self, s: str, p: str, o: str) -> None:
        self.out.add((s, p, o))

    def share(self, s: str, p: str, o: str) -> None:
        """A statement about ``s`` that depends only on its key: written once, in the shared graph
        (statements about the document's own nodes stay in its graph)."""
        if s.startswith(self.own):
            self.out.add((s, p, o))
        else:
            self.common.add((s, p, o))

    def iri(self, ref: Ref) -> str:
        return f"<{self.res.iri(ref, doc_id=self.doc_id)}>"

    def local(self, path: str) -> str:
        return f"<{_DOC}{self.doc_id}/{path}>"

    def mention(self, body: str, span: Span) -> None:
        """One node per mention: body ← exact quote at [start, end) of the document, in its sentence.
        ``qg:exact`` / ``qg:start`` / ``qg:end`` abbreviate the Web Annotation selectors of a
        specific resource (``queries/web-annotations.rq`` writes them out in full)."""
        self.n += 1
        m = self.local(f"m{self.n}")
        add = self.add
        add(m, RDF_TYPE, _t("qg:Mention"))
        add(m, _t("oa:hasBody"), body)
        add(m, _t("oa:hasTarget"), self.doc)
        add(m, _t("qg:exact"), zh(span.text))
        add(m, _t("qg:start"), typed(span.start))
        add(m, _t("qg:end"), typed(span.end))
        sent = sentence_index(self.ex, span.start)
        if sent is not None:
            add(m, _t("qg:sentence"), self.local(f"s{sent}"))
        add(body, _t("qg:evidence"), m)
        add(body, _t("qg:mentionedIn"), self.doc)

    # -- document and sentences -------------------------------------------------------------
    def document(self) -> None:
        d, node, add = self.ex.document, self.doc, self.add
        add(node, RDF_TYPE, _t("qg:SourceDocument"))
        add(node, _t("rdfs:label"), zh(d.title or d.doc_id))
        if d.title:
            add(node, _t("dcterms:title"), zh(d.title))
        if d.date:
            add(node, _t("dcterms:date"), typed(d.date.isoformat(), "date"))
        if d.url:
            add(node, _t("schema:url"), typed(d.url, "anyURI"))
        add(node, _t("dcterms:source"), plain(d.source))
        add(node, _t("dcterms:identifier"), plain(d.doc_id))
        add(node, _t("qg:text"), zh(d.text))
        if d.publisher:
            ref = self._publisher_ref()
            pub = self.iri(ref)
            add(node, _t("dcterms:publisher"), pub)
            share = self.share
            share(pub, RDF_TYPE, _t("qg:MediaOrganization"))
            share(pub, _t("rdfs:label"), zh(ref.name))
            share(pub, _t("skos:prefLabel"), zh(ref.name))
            add(pub, _t("prov:wasDerivedFrom"), node)
        if d.place:
            info = self.lex.place_named(d.place)
            if info:
                add(node, _t("qg:place"), self.place(info))
        ds = self.local("statistics")
        add(ds, RDF_TYPE, _t("qb:DataSet"))
        add(ds, _t("qb:structure"), _t("qg:StatisticsStructure"))
        add(ds, _t("rdfs:label"), zh(f"{d.title or d.doc_id} 统计数据"))
        add(ds, _t("prov:wasDerivedFrom"), node)
        for s in d.sentences:
            sn = self.local(f"s{s.index}")
            add(sn, RDF_TYPE, _t("qg:Sentence"))
            add(sn, _t("oa:hasSource"), node)
            add(sn, _t("qg:sentenceIndex"), typed(s.index))
            add(sn, _t("rdf:value"), zh(s.span.text))
            add(sn, _t("qg:start"), typed(s.span.start))
            add(sn, _t("qg:end"), typed(s.span.end))

    def _publisher_ref(self) -> Ref:
        pub = self.ex.document.publisher or ""
        alias = self.lex.org_aliases.get(pub)
        return Ref(alias.kind, alias.canonical) if alias else Ref(Kind.MEDIA, pub)

    # -- entities ---------------------------------------------------------------------------
    def place(self, info: PlaceInfo) -> str:
        """A place with its code, level and ancestors (from the gazetteer)."""
        if info.code in self.placed:
            return self.placed[info.code]
        node = self.placed[info.code] = f"<{self.res.place_iri(info.code)}>"
        add = self.share
        add(node, RDF_TYPE, _t("qg:Place"))
        add(node, _t("rdfs:label"), zh(info.name))
        add(node, _t("rdfs:label"), lang(place_en(info), "en"))
        add(node, _t("skos:prefLabel"), zh(info.name))
        for s in info.short:
            add(node, _t("skos:altLabel"), zh(s))
        if info.code != "000000":
            add(node, _t("qg:adminCode"), plain(info.code))
        if info.admin_level:
            add(node, _t("qg:adminLevel"), _t(f"qg:{info.admin_level.value}"))
        add(node, _t("prov:wasDerivedFrom"), _GAZETTEER)
        parent = self.lex.place(info.parent)
        if parent is None and info.level == "province":
            parent = self.lex.place("000000")
        if parent is not None:
            add(node, _t("qg:parent"), self.place(parent))
        return node

    def entities(self) -> None:
        add = self.add
        for e in self.ex.entities:
            node = self.iri(e.ref)
            attrs = dict(e.attributes)
            if e.kind is Kind.PLACE:
                info = self.lex.places.get(attrs.get("code", "")) or self.lex.place_named(e.name)
                if info is not None:
                    self.place(info)
                if attrs.get("implicit") != "true":
                    self.mention(node, e.span)
                continue
            share = self.share
            share(node, RDF_TYPE, _CLASS[e.kind])
            share(node, _t("rdfs:label"), zh(e.name))
            share(node, _t("skos:prefLabel"), zh(e.name))
            for a in e.aliases:
                if a != e.name:
                    add(node, _t("skos:altLabel"), zh(a))
            en = self._english(e.name, attrs, e.place)
            if en:
                share(node, _t("rdfs:label"), lang(en, "en"))
            if e.level is not None:
                add(node, _t("qg:level"), _t(f"qg:{e.level.value}"))
            if e.place:
                info = self.lex.place_named(e.place)
                if info is not None:
                    add(node, _t("qg:place"), self.place(info))
            self._attributes(node, attrs)
            if e.kind is Kind.PERSON:
                share(node, _t("foaf:name"), zh(e.name))
            if e.kind is Kind.INDUSTRY_CHAIN:
                share(node, _t("skos:inScheme"), _t("qg:IndustryChainScheme"))
            if e.kind is Kind.POLICY:
                share(node, _t("dcterms:title"), zh(e.name))
            self.mention(node, e.span)

    def _english(self, name: str, attrs: dict[str, str], place: str | None) -> str | None:
        if attrs.get("en"):
            return attrs["en"]
        if attrs.get("en_body"):
            info = self.lex.place_named(place) if place else None
            return f"{place_en(info).rsplit(' ', 1)[0]} {attrs['en_body']}" if info else attrs["en_body"]
        return None

    def _attributes(self, node: str, attrs: dict[str, str]) -> None:
        add = self.add
        for key, value in sorted(attrs.items()):
            if key == "documentType":
                add(node, _t("qg:documentType"), _t(f"qg:{value}"))
            elif key == "provisional":
                add(node, _t("qg:provisional"), typed(value == "true"))
            elif key == "coverage":
                add(node, _t("qg:coverage"), plain(value))
            elif key == "industry":
                add(node, _t("qg:industry"), zh(value))
            elif key == "date":
                add(node, _t("dcterms:date"), typed(value, "date"))
            elif key == "refPeriod":
                add(node, _t("qg:refPeriod"), period_term(value))

    def relations(self) -> None:
        add = self.add
        for i, r in enumerate(self.ex.relations):
            pred = _t(r.predicate.value)
            s, o = self.iri(r.subject), self.iri(r.object)
            add(s, pred, o)
            stmt = self.local(f"stmt/{i + 1}")
            add(stmt, RDF_TYPE, _t("rdf:Statement"))
            add(stmt, _t("rdf:subject"), s)
            add(stmt, _t("rdf:predicate"), pred)
            add(stmt, _t("rdf:object"), o)
            self.mention(stmt, r.span)

    def posts(self) -> None:
        add, share = self.add, self.share
        for p in self.ex.posts:
            person = self.iri(p.person)
            role = f"<{self.res.role_iri(p.role)}>"
            share(role, RDF_TYPE, _t("qg:Role"))
            share(role, _t("skos:prefLabel"), zh(p.role))
            share(role, _t("rdfs:label"), zh(p.role))
            if self.lex.posts.get(p.role):
                share(role, _t("rdfs:label"), lang(self.lex.posts[p.role], "en"))
            org_name = p.organization.name if p.organization else None
            post = f"<{self.res.post_iri(p.role, org_name, p.person.name)}>"
            share(post, RDF_TYPE, _t("org:Post"))
            share(post, _t("org:role"), role)
            share(post, _t("rdfs:label"), zh(f"{org_name or ''}{p.role}"))
            if p.organization is not None:
                share(post, _t("org:postIn"), self.iri(p.organization))
            add(person, _t("org:holds"), post)
            add(post, _t("org:heldBy"), person)
            self.mention(post, p.span)

    def listings(self) -> None:
        add = self.add
        for i, x in enumerate(self.ex.listings):
            node = self.local(f"listing/{i + 1}")
            add(node, RDF_TYPE, _t("qg:Certification" if x.certification else "qg:Listing"))
            add(node, _t("qg:programme"), self.iri(x.programme))
            label = "、".join(r.name for r in x.recipients) or f"{x.count}{x.recipient_type or ''}"
            add(node, _t("rdfs:label"), zh(f"{label} → {x.programme.name}"))
            for r in x.recipients:
                add(node, _t("qg:recipient"), self.iri(r))
            if x.count is not None:
                add(node, _t("qg:recipientCount"), typed(x.count))
            if x.recipient_type:
                add(node, _t("qg:recipientType"), zh(x.recipient_type))
            if x.batch is not None:
                add(node, _t("qg:batch"), typed(x.batch))
            if x.year:
                add(node, _t("qg:year"), plain(x.year))
            if x.confidence is not None:
                add(node, _t("qg:listingConfidence"), typed(Decimal(str(x.confidence))))
            self.mention(node, x.span)

    def chain_projects(self) -> None:
        add = self.share  # a project is a function of its key (place, level, chain)
        for c in self.ex.chain_projects:
            info = self.lex.place_named(c.place) if c.place else None
            level = c.level.value.lower() if c.level else "unknown"
            node = f"<{self.res.chain_project_iri(info.code if info else None, level, c.chain.name)}>"
            add(node, RDF_TYPE, _t("qg:ChainProject"))
            add(node, _t("qg:chain"), self.iri(c.chain))
            add(node, _t("rdfs:label"), zh(f"{c.place or ''}{c.chain.name}项目"))
            if c.level:
                add(node, _t("qg:level"), _t(f"qg:{c.level.value}"))
            if info:
                add(node, _t("qg:place"), self.place(info))
            self.mention(node, c.span)

    def observations(self) -> None:
        for i, o in enumerate(self.ex.observations):
            self.observation(self.local(f"obs/{i + 1}"), o)

    def observation(self, node: str, o: Observation) -> None:
        add, share = self.add, self.share
        measure = f"<{self.res.measure_iri(o.measure)}>"
        share(measure, RDF_TYPE, _t("qg:Measure"))
        share(measure, _t("skos:prefLabel"), zh(o.measure))
        share(measure, _t("rdfs:label"), zh(o.measure))
        if o.measure in self.lex.measures_en:
            share(measure, _t("rdfs:label"), lang(self.lex.measures_en[o.measure], "en"))
        add(node, RDF_TYPE, _t("qg:Observation"))
        add(node, RDF_TYPE, _t("qb:Observation"))
        add(node, _t("qb:dataSet"), self.local("statistics"))
        add(node, _t("qg:measure"), measure)
        number = Decimal(o.value)
        whole = o.unit not in measurement_units() and number == number.to_integral_value()
        add(node, _t("qg:value"), typed(int(number)) if whole else typed(number))
        add(node, _t("qg:unit"), _t(f"qg:{o.unit}"))
        add(node, _t("qg:approximate"), typed(o.approximate))
        if o.qualifier:
            add(node, _t("qg:qualifier"), zh(o.qualifier))
        self.period(node, o)
        add(node, _t("qg:confidence"), typed(Decimal(str(round(o.confidence, 2)))))
        if o.subject_inferred:
            add(node, _t("qg:subjectInferred"), typed(True))
        if o.breakdown:
            concept = f"<{self.res.mint('breakdown', o.breakdown)}>"
            share(concept, RDF_TYPE, _t("qg:Breakdown"))
            share(concept, _t("skos:prefLabel"), zh(o.breakdown))
            share(concept, _t("rdfs:label"), zh(o.breakdown))
            add(node, _t("qg:breakdown"), concept)
        if o.level:
            add(node, _t("qg:level"), _t(f"qg:{o.level.value}"))
        if o.place:
            info = self.lex.place_named(o.place)
            if info:
                add(node, _t("sdmx-dimension:refArea"), self.place(info))
        if o.subject is not None:
            add(node, _t("qg:subject"), self.iri(o.subject))
        for ref in o.examples:
            add(node, _t("qg:example"), self.iri(ref))
        for ref in o.categories:
            add(node, _t("qg:category"), self.iri(ref))
        subject_name = o.subject.name if o.subject else ""
        add(node, _t("rdfs:label"), zh(f"{subject_name} {o.measure} {o.span.text}".strip()))
        self.mention(node, o.span)

    def period(self, node: str, o: Observation) -> None:
        add = self.add
        if o.period:
            add(node, _t("qg:refPeriod"), period_term(o.period))
            bounds = period_bounds(o.period)
            if bounds:
                add(node, _t("qg:periodStart"), typed(bounds[0].isoformat(), "date"))
                add(node, _t("qg:periodEnd"), typed(bounds[1].isoformat(), "date"))
        if o.period_words:
            add(node, _t("qg:periodLabel"), zh(o.period_words))
        if o.period_inferred:
            add(node, _t("qg:periodInferred"), typed(True))


def map_document(ex: Extraction, lexicon: Lexicon) -> Shard:
    """Map one extraction to its shard (see :class:`Shard`)."""
    w = _ShardWriter(ex, lexicon)
    w.document()
    w.entities()
    w.relations()
    w.posts()
    w.listings()
    w.chain_projects()
    w.observations()
    graph = f"<{_GRAPH}{ex.document.doc_id}>"
    classes: Counter[str] = Counter(o for _, p, o in w.out if p == RDF_TYPE)
    keys: dict[str, str] = {}
    return Shard(
        doc_id=ex.document.doc_id,
        graph=graph,
        lines=sorted_quads(w.out, graph, w.own, keys),
        shared=sorted_quads(w.common, f"<{SHARED_GRAPH}>", w.own, keys),
        minted=w.res.minted(),
        classes=tuple(sorted(classes.items())),
    )


def sorted_quads(triples: set[tuple[str, str, str]], graph: str, own: str, keys: dict[str, str]) -> tuple[str, ...]:
    """The N-Quads lines of ``triples`` in ``graph``, in the order the exports sort them
    (:func:`qgraph.rdfwrite.row_key`: subject, predicate with ``rdf:type`` first, object, terms in
    natural order). ``keys`` memoises each term's sort key. The key of an IRI under the
    document's own prefix ``own`` (``<…/doc/ID/``, ending in ``/``) is the prefix's key followed
    by the key of the rest: no digit run crosses the ``/``, so it is the same key, computed on the
    short part only."""
    own_key = keys.get(own)
    if own_key is None:
        own_key = keys[own] = _natural(f"{own}>")
    cut = len(own)
    for term in {t for triple in triples for t in triple}:
        if term not in keys:
            keys[term] = (own_key + _DIGITS.sub(_natural_run, term[cut:-1])) if term.startswith(own) else _natural(term)
    pkeys = {p: ("" if p == RDF_TYPE else keys[p]) for p in {p for _, p, _ in triples}}
    rows = sorted(triples, key=lambda t: f"{keys[t[0]]}\0{pkeys[t[1]]}\0{keys[t[2]]}")
    return tuple([f"{s} {p} {o} {graph} ." for s, p, o in rows])
