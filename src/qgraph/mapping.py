"""The ``map`` stage: one extraction → one :class:`Shard` of sorted N-Quads lines.

Each document is mapped on its own, anywhere and in any order (in the worker that extracted
it): IRIs are a function of the entity's own key (:mod:`qgraph.resolve`), so nothing here
depends on the other documents. What *is* corpus-wide — that no two keys share one IRI — is
checked afterwards from the (IRI, key) pairs each shard lists (:func:`check_minted`).

Terms are written as N-Triples strings (:mod:`qgraph.ntriples`), never as rdflib objects. The
graph is the one ``docs/modelling.md`` describes; :func:`qgraph.rdf.to_dataset` builds the same
quads as an rdflib ``Dataset`` (for pySHACL and for tests that read the graph in Python). The
document, its sentences, mentions and places are written by :mod:`qgraph.mapping_base`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from .labels import measurement_units, place_en
from .lexicon import Lexicon
from .mapping_base import CLASS_TERMS as _CLASS
from .mapping_base import GRAPHS as _GRAPH
from .mapping_base import SHARED_GRAPH, DocumentWriter, zh
from .mapping_base import term_of as _t
from .model import Extraction, Kind, Observation
from .ntriples import RDF_TYPE, lang, plain, typed
from .periodterms import period_bounds, period_term
from .rdfwrite import _DIGITS, _natural, _natural_run
from .resolve import IriCollision

_CHAIN_MEASURE = "产业链项目"  # a measure whose label holds it counts chain projects (queries/chain-projects.rq)


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
    statements: tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]] | None = field(
        default=None, repr=False, compare=False)
    """The statements of ``lines`` and ``shared`` as (subject, predicate, object) terms, as the mapping
    made them (for the worker's checks, :mod:`qgraph.shacl_local`); None when not kept."""

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


class _ShardWriter(DocumentWriter):
    """The statements of one document graph: the document's (:class:`DocumentWriter`), its entities, relations,
    posts, listings, chain projects and observations."""

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
            if c.level:
                tally = self.tally(info.code if info else None, c.level.value)
                if info:
                    add(tally, _t("qg:tallyProject"), node)

    def tally(self, code: str | None, level: str) -> str:
        """The derived node of one (place, level) pair of chain projects and chain-project figures
        (``qg:ChainProjectTally``, shared graph): what ``queries/chain-projects.rq`` lists, found
        without grouping every chain project and figure of the corpus. A function of its key, like
        a chain project; its statements are derived from the document's own chain projects and
        figures, so an incremental build keeps them right (a shared line goes with the last
        document that writes it)."""
        key = (code or "unknown", level.lower())
        node = f"<{self.res.mint('chain-tally', *key, label=' '.join(key))}>"
        share = self.share
        share(node, RDF_TYPE, _t("qg:ChainProjectTally"))
        share(node, _t("qg:tallyLevel"), _t(f"qg:{level}"))
        if code:
            share(node, _t("qg:tallyPlace"), f"<{self.res.place_iri(code)}>")
        return node

    def series(self, measure: str, name: str, code: str, level: str | None) -> str:
        """The derived node of one (measure, place, level) series of figures (``qg:FigureSeries``,
        shared graph): what ``queries/figure-over-time.rq`` reads a figure's earlier values from,
        instead of every figure of the place. A function of its key; the figure's link to it
        (``qg:series``) is the figure's own statement, in the document's graph, so an incremental
        build keeps both right (the node's lines go with the last document that writes them)."""
        key = (name, code, level.lower() if level else "none")
        node = f"<{self.res.mint('figure-series', *key, label=f'{code} {key[2]}')}>"
        share = self.share
        share(node, RDF_TYPE, _t("qg:FigureSeries"))
        share(node, _t("qg:seriesMeasure"), measure)
        share(node, _t("qg:seriesPlace"), f"<{self.res.place_iri(code)}>")
        if level:
            share(node, _t("qg:seriesLevel"), _t(f"qg:{level}"))
        return node

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
        whole = o.unit not in measurement_units(self.lex) and number == number.to_integral_value()
        value = typed(int(number)) if whole else typed(number)
        add(node, _t("qg:value"), value)
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
        info = self.lex.place_named(o.place) if o.place else None
        if info:
            add(node, _t("sdmx-dimension:refArea"), self.place(info))
            add(node, _t("qg:series"), self.series(measure, o.measure, info.code, o.level.value if o.level else None))
        if o.level and _CHAIN_MEASURE in o.measure:  # a stated number of chain projects
            tally = self.tally(info.code if info else None, o.level.value)
            if info:
                share(tally, _t("qg:tallyStated"), value)
        if o.subject is not None:
            add(node, _t("qg:subject"), self.iri(o.subject))
        for ref in o.examples:
            add(node, _t("qg:example"), self.iri(ref))
        for ref in o.categories:
            add(node, _t("qg:category"), self.iri(ref))
        subject_name = o.subject.name if o.subject else ""
        add(node, _t("rdfs:label"), zh(f"{subject_name} {o.measure} {o.span.text}".strip()))
        self.mention(node, o.span)
        for s in o.restated:  # the same figure stated again: another mention of this observation
            self.mention(node, s)

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
        statements=(w.out, w.common),
    )


def sorted_quads(triples: set[tuple[str, str, str]], graph: str, own: str, keys: dict[str, str]) -> tuple[str, ...]:
    """The N-Quads lines of ``triples`` in ``graph``, in the order the exports sort them
    (:func:`qgraph.rdfwrite.row_key`: subject, predicate with ``rdf:type`` first, object, terms in
    natural order). ``keys`` memoises each term's sort key for one document. The key of an IRI
    under the document's own prefix ``own`` (``<…/doc/ID/``, ending in ``/``) is the prefix's key
    followed by the key of the rest (``m12``, ``obs/3``; no digit run crosses the ``/``), which
    recurs in every document; the keys of other IRIs (places, measures, organisations) recur
    across documents too: both are memoised for the process."""
    own_key = keys.get(own)
    if own_key is None:
        own_key = keys[own] = _natural(f"{own}>")
    cut = len(own)
    terms = {t for triple in triples for t in triple}
    for term in terms:
        if term in keys:
            continue
        if term[0] != "<":
            keys[term] = term  # a literal: its key is itself
        elif term.startswith(own):
            tail = term[cut:-1]
            part = _TAIL_KEYS.get(tail)
            if part is None:
                part = _remember(_TAIL_KEYS, tail, _DIGITS.sub(_natural_run, tail))
            keys[term] = own_key + part
        else:
            key = _IRI_KEYS.get(term)
            keys[term] = key if key is not None else _remember(_IRI_KEYS, term, _natural(term))
    # Each term's rank among this graph's terms (predicates among predicates: rdf:type first)
    # in the order of their keys; a statement's key is one number made of its terms' ranks.
    n = len(terms)
    rank = {t: i for i, t in enumerate(sorted(terms, key=keys.__getitem__))}
    preds = sorted({p for _, p, _ in triples}, key=lambda p: "" if p == RDF_TYPE else keys[p])
    prank = {p: i * n for i, p in enumerate(preds)}
    width = len(preds) * n
    rows = sorted(triples, key=lambda t: rank[t[0]] * width + prank[t[1]] + rank[t[2]])
    return tuple([f"{s} {p} {o} {graph} ." for s, p, o in rows])


_TAIL_KEYS: dict[str, str] = {}
_IRI_KEYS: dict[str, str] = {}
_MEMO_SIZE = 1 << 17


def _remember(memo: dict[str, str], term: str, key: str) -> str:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[term] = key
    return key
