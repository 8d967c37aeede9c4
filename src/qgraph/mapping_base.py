"""The part of the ``map`` stage every document has: the document and its sentences, mentions,
places with their ancestors, and the rules by which a statement goes to the document's graph
or to the shared one (:class:`DocumentWriter`; the entities and facts are written by
:class:`qgraph.mapping._ShardWriter`). Terms are N-Triples strings (:mod:`qgraph.ntriples`).
"""

from __future__ import annotations

import functools

from .labels import place_en, sentence_index
from .lexicon import Lexicon, PlaceInfo
from .model import Extraction, Kind, Ref, Span
from .ntriples import RDF_TYPE, lang, plain, typed
from .resolve import Resolver
from .vocab import ID, PREFIXES, QG

_P = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_DOC = str(ID) + "doc/"
GRAPHS = str(ID) + "graph/"
_GAZETTEER = f"<{ID}source/gazetteer>"
SHARED_GRAPH = f"{ID}graph/shared"
"""The named graph of shared descriptions: what is a function of an entity's key alone."""
CLASS_TERMS = {k: f"<{QG}{k.value}>" for k in Kind}
CLASS_TERMS[Kind.PERSON] = "<http://xmlns.com/foaf/0.1/Person>"


@functools.cache
def term_of(curie: str) -> str:
    """``"qg:place"`` → ``<https://w3id.org/qgraph/def#place>``."""
    prefix, local = curie.split(":", 1)
    return f"<{_P[prefix]}{local}>"


_t = term_of
_MENTION, _HAS_BODY, _HAS_TARGET = _t("qg:Mention"), _t("oa:hasBody"), _t("oa:hasTarget")
_EXACT, _START, _END, _SENTENCE = _t("qg:exact"), _t("qg:start"), _t("qg:end"), _t("qg:sentence")
_MENTIONED_IN = _t("qg:mentionedIn")


def zh(text: str) -> str:
    return lang(text, "zh")


class DocumentWriter:
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
        specific resource (``queries/web-annotations.rq`` writes them out in full). Nothing
        derivable is written: the body reaches its mentions by ``^oa:hasBody``, and the document is
        the sentence's ``oa:hasSource`` (``oa:hasTarget`` only for a mention outside any sentence)."""
        self.n += 1
        m = self.local(f"m{self.n}")
        add = self.add
        add(m, RDF_TYPE, _MENTION)
        add(m, _HAS_BODY, body)
        add(m, _EXACT, zh(span.text))
        add(m, _START, typed(span.start))
        add(m, _END, typed(span.end))
        sent = sentence_index(self.ex, span.start)
        if sent is not None:
            add(m, _SENTENCE, self.local(f"s{sent}"))
        else:
            add(m, _HAS_TARGET, self.doc)
        add(body, _MENTIONED_IN, self.doc)

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
