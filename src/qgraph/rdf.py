"""The ``rdf`` stage: extractions → an rdflib :class:`~rdflib.Dataset`.

One named graph per source document (``qggraph:<doc_id>``) holding everything read from it,
with Web Annotation provenance for every entity and fact, plus the ontology as its own graph.
No blank nodes: every node has a deterministic IRI, so output is byte-identical run to run.
See ``docs/modelling.md`` for the shape of the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from .lexicon import Lexicon, PlaceInfo
from .mapping import measurement_units, place_en, sentence_index
from .model import Extraction, Kind, Observation, Ref, Span
from .periodterms import period_bounds, period_literal
from .resolve import Resolver
from .resources import ontology_path
from .vocab import ELI, ID, OA, PREFIXES, QB, QG, SCHEMA, SDMX_DIMENSION

ONTOLOGY_GRAPH = URIRef("https://w3id.org/qgraph/def")
GAZETTEER = ID["source/gazetteer"]
_PREDICATES = {"eli": ELI, "qg": QG, "org": ORG, "schema": SCHEMA}
_CLASS = {k: QG[k.value] for k in Kind}
_CLASS[Kind.PERSON] = FOAF.Person


def graph_iri(doc_id: str) -> URIRef:
    return ID[f"graph/{doc_id}"]


def doc_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{doc_id}"]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@dataclass
class _DocWriter:
    g: Graph
    ex: Extraction
    res: Resolver
    lex: Lexicon
    n: int = 0
    placed: dict[str, URIRef] = field(default_factory=dict)
    """Places (by code) already described in this document's graph, with their ancestors."""

    @property
    def doc_id(self) -> str:
        return self.ex.document.doc_id

    def iri(self, ref: Ref) -> URIRef:
        return self.res.iri(ref, doc_id=self.doc_id)

    def local(self, path: str) -> URIRef:
        return ID[f"doc/{self.doc_id}/{path}"]

    def mention(self, body: URIRef, span: Span) -> None:
        """Attach a Web Annotation: body ← exact quote at [start, end) in its sentence."""
        self.n += 1
        m = self.local(f"m{self.n}")
        target, quote, pos = URIRef(f"{m}/target"), URIRef(f"{m}/quote"), URIRef(f"{m}/pos")
        doc = doc_iri(self.doc_id)
        g = self.g
        g.add((m, RDF.type, QG.Mention))
        g.add((m, RDF.type, OA.Annotation))
        g.add((m, OA.hasBody, body))
        g.add((m, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, doc))
        g.add((target, OA.hasSelector, quote))
        g.add((target, OA.hasSelector, pos))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, zh(span.text)))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(span.start)))
        g.add((pos, OA.end, Literal(span.end)))
        sent = sentence_index(self.ex, span.start)
        if sent is not None:
            g.add((m, QG.sentence, self.local(f"s{sent}")))
        g.add((body, QG.evidence, m))
        g.add((body, QG.mentionedIn, doc))

    # -- document and sentences -------------------------------------------------------------
    def document(self) -> None:
        d = self.ex.document
        node = doc_iri(d.doc_id)
        g = self.g
        g.add((node, RDF.type, QG.SourceDocument))
        g.add((node, RDFS.label, zh(d.title or d.doc_id)))
        if d.title:
            g.add((node, DCTERMS.title, zh(d.title)))
        if d.date:
            g.add((node, DCTERMS.date, Literal(d.date.isoformat(), datatype=XSD.date)))
        if d.url:
            g.add((node, SCHEMA.url, Literal(d.url, datatype=XSD.anyURI)))
        g.add((node, DCTERMS.source, Literal(d.source)))
        g.add((node, DCTERMS.identifier, Literal(d.doc_id)))
        g.add((node, QG.text, zh(d.text)))
        if d.publisher:
            pub = self.iri(self._publisher_ref())
            g.add((node, DCTERMS.publisher, pub))
            g.add((pub, RDF.type, QG.MediaOrganization))
            g.add((pub, RDFS.label, zh(self._publisher_ref().name)))
            g.add((pub, SKOS.prefLabel, zh(self._publisher_ref().name)))
            g.add((pub, PROV.wasDerivedFrom, node))
        if d.place:
            info = self.lex.place_named(d.place)
            if info:
                g.add((node, QG.place, self.res.place_iri(info.code)))
                self.place(info)
        ds = self.local("statistics")
        g.add((ds, RDF.type, QB.DataSet))
        g.add((ds, QB.structure, QG.StatisticsStructure))
        g.add((ds, RDFS.label, zh(f"{d.title or d.doc_id} 统计数据")))
        g.add((ds, PROV.wasDerivedFrom, node))
        for s in d.sentences:
            sn = self.local(f"s{s.index}")
            sel = URIRef(f"{sn}/pos")
            g.add((sn, RDF.type, QG.Sentence))
            g.add((sn, OA.hasSource, node))
            g.add((sn, QG.sentenceIndex, Literal(s.index)))
            g.add((sn, RDF.value, zh(s.span.text)))
            g.add((sn, OA.hasSelector, sel))
            g.add((sel, RDF.type, OA.TextPositionSelector))
            g.add((sel, OA.start, Literal(s.span.start)))
            g.add((sel, OA.end, Literal(s.span.end)))

    def _publisher_ref(self) -> Ref:
        pub = self.ex.document.publisher or ""
        alias = self.lex.org_aliases.get(pub)
        return Ref(alias.kind, alias.canonical) if alias else Ref(Kind.MEDIA, pub)

    # -- entities ---------------------------------------------------------------------------
    def place(self, info: PlaceInfo) -> URIRef:
        """A place with its code, level and ancestors (from the gazetteer)."""
        if info.code in self.placed:
            return self.placed[info.code]
        node = self.placed[info.code] = self.res.place_iri(info.code)
        g = self.g
        g.add((node, RDF.type, QG.Place))
        g.add((node, RDFS.label, zh(info.name)))
        g.add((node, RDFS.label, Literal(place_en(info), lang="en")))
        g.add((node, SKOS.prefLabel, zh(info.name)))
        for s in info.short:
            g.add((node, SKOS.altLabel, zh(s)))
        if info.code != "000000":
            g.add((node, QG.adminCode, Literal(info.code)))
        if info.admin_level:
            g.add((node, QG.adminLevel, QG[info.admin_level.value]))
        g.add((node, PROV.wasDerivedFrom, GAZETTEER))
        parent = self.lex.place(info.parent)
        if parent is None and info.level == "province":
            parent = self.lex.place("000000")
        if parent is not None:
            g.add((node, QG.parent, self.place(parent)))
        return node

    def entities(self) -> None:
        g = self.g
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
            g.add((node, RDF.type, _CLASS[e.kind]))
            g.add((node, RDFS.label, zh(e.name)))
            g.add((node, SKOS.prefLabel, zh(e.name)))
            for a in e.aliases:
                if a != e.name:
                    g.add((node, SKOS.altLabel, zh(a)))
            en = self._english(e.kind, e.name, attrs, e.place)
            if en:
                g.add((node, RDFS.label, Literal(en, lang="en")))
            if e.level is not None:
                g.add((node, QG.level, QG[e.level.value]))
            if e.place:
                info = self.lex.place_named(e.place)
                if info is not None:
                    g.add((node, QG.place, self.place(info)))
            self._attributes(node, e.kind, attrs)
            if e.kind is Kind.PERSON:
                g.add((node, FOAF.name, zh(e.name)))
            if e.kind is Kind.INDUSTRY_CHAIN:
                g.add((node, SKOS.inScheme, QG.IndustryChainScheme))
            if e.kind is Kind.POLICY:
                g.add((node, DCTERMS.title, zh(e.name)))
            self.mention(node, e.span)

    def _english(self, kind: Kind, name: str, attrs: dict[str, str], place: str | None) -> str | None:
        if attrs.get("en"):
            return attrs["en"]
        if attrs.get("en_body"):
            info = self.lex.place_named(place) if place else None
            return f"{place_en(info).rsplit(' ', 1)[0]} {attrs['en_body']}" if info else attrs["en_body"]
        return None

    def _attributes(self, node: URIRef, kind: Kind, attrs: dict[str, str]) -> None:
        g = self.g
        for key, value in sorted(attrs.items()):
            if key == "documentType":
                g.add((node, QG.documentType, QG[value]))
            elif key == "provisional":
                g.add((node, QG.provisional, Literal(value == "true")))
            elif key == "coverage":
                g.add((node, QG.coverage, Literal(value)))
            elif key == "industry":
                g.add((node, QG.industry, zh(value)))
            elif key == "date":
                g.add((node, DCTERMS.date, Literal(value, datatype=XSD.date)))
            elif key == "refPeriod":
                g.add((node, QG.refPeriod, period_literal(value)))

    def relations(self) -> None:
        for i, r in enumerate(self.ex.relations):
            prefix, local = r.predicate.value.split(":")
            pred = _PREDICATES[prefix][local]
            s, o = self.iri(r.subject), self.iri(r.object)
            self.g.add((s, pred, o))
            stmt = self.local(f"stmt/{i + 1}")
            self.g.add((stmt, RDF.type, RDF.Statement))
            self.g.add((stmt, RDF.subject, s))
            self.g.add((stmt, RDF.predicate, pred))
            self.g.add((stmt, RDF.object, o))
            self.mention(stmt, r.span)

    def posts(self) -> None:
        g = self.g
        for p in self.ex.posts:
            person = self.iri(p.person)
            role = self.res.role_iri(p.role)
            g.add((role, RDF.type, QG.Role))
            g.add((role, SKOS.prefLabel, zh(p.role)))
            g.add((role, RDFS.label, zh(p.role)))
            if self.lex.posts.get(p.role):
                g.add((role, RDFS.label, Literal(self.lex.posts[p.role], lang="en")))
            post = self.res.post_iri(p.role, p.organization.name if p.organization else None, p.person.name)
            g.add((post, RDF.type, ORG.Post))
            g.add((post, ORG.role, role))
            g.add((post, RDFS.label, zh(f"{p.organization.name if p.organization else ''}{p.role}")))
            if p.organization is not None:
                g.add((post, ORG.postIn, self.iri(p.organization)))
            g.add((person, ORG.holds, post))
            g.add((post, ORG.heldBy, person))
            self.mention(post, p.span)

    def listings(self) -> None:
        g = self.g
        for i, x in enumerate(self.ex.listings):
            node = self.local(f"listing/{i + 1}")
            g.add((node, RDF.type, QG.Certification if x.certification else QG.Listing))
            g.add((node, QG.programme, self.iri(x.programme)))
            label = "、".join(r.name for r in x.recipients) or f"{x.count}{x.recipient_type or ''}"
            g.add((node, RDFS.label, zh(f"{label} → {x.programme.name}")))
            for r in x.recipients:
                g.add((node, QG.recipient, self.iri(r)))
            if x.count is not None:
                g.add((node, QG.recipientCount, Literal(x.count)))
            if x.recipient_type:
                g.add((node, QG.recipientType, zh(x.recipient_type)))
            if x.batch is not None:
                g.add((node, QG.batch, Literal(x.batch)))
            if x.year:
                g.add((node, QG.year, Literal(x.year)))
            if x.confidence is not None:
                g.add((node, QG.listingConfidence, Literal(Decimal(str(x.confidence)))))
            self.mention(node, x.span)

    def chain_projects(self) -> None:
        g = self.g
        for c in self.ex.chain_projects:
            info = self.lex.place_named(c.place) if c.place else None
            level = c.level.value.lower() if c.level else "unknown"
            node = self.res.chain_project_iri(info.code if info else None, level, c.chain.name)
            g.add((node, RDF.type, QG.ChainProject))
            g.add((node, QG.chain, self.iri(c.chain)))
            g.add((node, RDFS.label, zh(f"{c.place or ''}{c.chain.name}项目")))
            if c.level:
                g.add((node, QG.level, QG[c.level.value]))
            if info:
                g.add((node, QG.place, self.place(info)))
            self.mention(node, c.span)

    def observations(self) -> None:
        for i, o in enumerate(self.ex.observations):
            self.observation(self.local(f"obs/{i + 1}"), o)

    def observation(self, node: URIRef, o: Observation) -> None:
        g = self.g
        measure = self.res.measure_iri(o.measure)
        g.add((measure, RDF.type, QG.Measure))
        g.add((measure, SKOS.prefLabel, zh(o.measure)))
        g.add((measure, RDFS.label, zh(o.measure)))
        if o.measure in self.lex.measures_en:
            g.add((measure, RDFS.label, Literal(self.lex.measures_en[o.measure], lang="en")))
        g.add((node, RDF.type, QG.Observation))
        g.add((node, RDF.type, QB.Observation))
        g.add((node, QB.dataSet, self.local("statistics")))
        g.add((node, QG.measure, measure))
        g.add((node, QG.value, value_literal(o.value, o.unit)))
        g.add((node, QG.unit, QG[o.unit]))
        g.add((node, QG.approximate, Literal(o.approximate)))
        if o.qualifier:
            g.add((node, QG.qualifier, zh(o.qualifier)))
        self.period(node, o)
        g.add((node, QG.confidence, Literal(Decimal(str(round(o.confidence, 2))), datatype=XSD.decimal)))
        if o.subject_inferred:
            g.add((node, QG.subjectInferred, Literal(True)))
        if o.breakdown:
            concept = self.res.mint("breakdown", o.breakdown)
            g.add((concept, RDF.type, QG.Breakdown))
            g.add((concept, SKOS.prefLabel, zh(o.breakdown)))
            g.add((concept, RDFS.label, zh(o.breakdown)))
            g.add((node, QG.breakdown, concept))
        if o.level:
            g.add((node, QG.level, QG[o.level.value]))
        if o.place:
            info = self.lex.place_named(o.place)
            if info:
                g.add((node, SDMX_DIMENSION.refArea, self.place(info)))
        subject_name = o.subject.name if o.subject else ""
        if o.subject is not None:
            g.add((node, QG.subject, self.iri(o.subject)))
        for ref in (*o.examples,):
            g.add((node, QG.example, self.iri(ref)))
        for ref in o.categories:
            g.add((node, QG.category, self.iri(ref)))
        g.add((node, RDFS.label, zh(f"{subject_name} {o.measure} {o.span.text}".strip())))
        self.mention(node, o.span)


    def period(self, node: URIRef, o: Observation) -> None:
        """Typed period, its first and last day, and the words it was read from."""
        g = self.g
        if o.period:
            g.add((node, QG.refPeriod, period_literal(o.period)))
            bounds = period_bounds(o.period)
            if bounds:
                g.add((node, QG.periodStart, Literal(bounds[0].isoformat(), datatype=XSD.date)))
                g.add((node, QG.periodEnd, Literal(bounds[1].isoformat(), datatype=XSD.date)))
        if o.period_words:
            g.add((node, QG.periodLabel, zh(o.period_words)))
        if o.period_inferred:
            g.add((node, QG.periodInferred, Literal(True)))


def value_literal(value: Decimal | str | float, unit: str) -> Literal:
    """``xsd:integer`` for a whole count (家, 批次, 件, …), else ``xsd:decimal``: a figure with a
    fraction, and amounts, rates and measurements (元, %, 吨, 分, …; see ``measurement_units.txt``)."""
    number = Decimal(value)
    if unit not in measurement_units() and number == number.to_integral_value():
        return Literal(int(number), datatype=XSD.integer)
    return Literal(number, datatype=XSD.decimal)


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def to_dataset(extractions: list[Extraction], lexicon: Lexicon, *, with_ontology: bool = True) -> Dataset:
    """Map extractions to a dataset: one named graph per document, plus the ontology."""
    ds = new_dataset()
    resolver = Resolver.for_extractions(extractions, lexicon)
    if with_ontology:
        onto = ds.graph(ONTOLOGY_GRAPH)
        onto.parse(ontology_path(), format="turtle")
    for ex in extractions:
        g = ds.graph(graph_iri(ex.document.doc_id))
        w = _DocWriter(g, ex, resolver, lexicon)
        w.document()
        w.entities()
        w.relations()
        w.posts()
        w.listings()
        w.chain_projects()
        w.observations()
    return ds
