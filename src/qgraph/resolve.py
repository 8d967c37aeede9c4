"""The ``resolve`` stage: canonical entities and stable IRIs.

Mentions with the same class and canonical name are one entity, across documents. IRIs are
readable pinyin slugs (``qgid:org/zao-zhuang-shi-shi-chang-jian-du-guan-li-ju``); places use their
GB/T 2260 code. If two different names of one class share a slug in a build, both get a short hash
so they stay apart. Everything is a pure function of the names: the same input gives the same IRIs.

>>> slug("枣庄市市场监督管理局")
'zao-zhuang-shi-shi-chang-jian-du-guan-li-ju'
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from pypinyin import Style, lazy_pinyin
from rdflib import URIRef

from .lexicon import Lexicon
from .model import INSPECTION_KINDS, ORGANIZATION_KINDS, PROGRAMME_KINDS, Extraction, Kind, Ref
from .vocab import ID

_SEGMENT: dict[Kind, str] = {k: "org" for k in ORGANIZATION_KINDS}
_SEGMENT.update({k: "programme" for k in PROGRAMME_KINDS})
_SEGMENT.update({
    Kind.PERSON: "person", Kind.PLACE: "place", Kind.POLICY: "policy", Kind.INDUSTRY_CHAIN: "chain",
    Kind.TRADEMARK: "brand", Kind.GEOGRAPHICAL_INDICATION: "brand", Kind.SERVICE_BRAND: "brand",
    Kind.BRAND: "brand", Kind.WORK_MODEL: "programme", Kind.PRESS_CONFERENCE: "event", Kind.MEETING: "event",
    Kind.EVENT: "event", Kind.PRODUCT_CATEGORY: "category", Kind.SERVICE_STATION: "facility",
    Kind.FACILITY: "facility", Kind.CHAIN_PROJECT: "chain-project",
})
MAX_SLUG = 80


def slug(name: str) -> str:
    """A lower-case ASCII slug of a Chinese or mixed name (pinyin syllables joined by ``-``)."""
    parts = lazy_pinyin(name, style=Style.NORMAL, errors=lambda s: list(s))
    words: list[str] = []
    for p in parts:
        p = p.lower().replace("ü", "v")
        p = re.sub(r"[^a-z0-9]+", "-", p).strip("-")
        if p:
            words.append(p)
    out = re.sub(r"-{2,}", "-", "-".join(words))
    if len(out) > MAX_SLUG:
        out = out[:MAX_SLUG].rstrip("-") + "-" + short_hash(name)
    return out or short_hash(name)


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def segment(kind: Kind) -> str:
    return _SEGMENT.get(kind, "thing")


@dataclass
class Resolver:
    """Mints IRIs for entity references seen in a set of extractions."""

    lexicon: Lexicon
    _slugs: dict[tuple[str, str], str] = field(default_factory=dict)
    _person_orgs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_extractions(cls, extractions: list[Extraction], lexicon: Lexicon) -> Resolver:
        res = cls(lexicon)
        names: dict[tuple[str, str], set[str]] = defaultdict(set)
        for ex in extractions:
            for e in ex.entities:
                names[(segment(e.kind), slug(e.name))].add(e.name)
            for p in ex.posts:
                if p.organization is not None:
                    res._person_orgs.setdefault(f"{ex.document.doc_id}/{p.person.name}", p.organization.name)
        for (seg, s), group in names.items():
            for name in group:
                res._slugs[(seg, name)] = s if len(group) == 1 else f"{s}-{short_hash(name)}"
        return res

    def name_slug(self, seg: str, name: str) -> str:
        return self._slugs.get((seg, name)) or slug(name)

    def iri(self, ref: Ref, *, doc_id: str | None = None) -> URIRef:
        seg = segment(ref.kind)
        if ref.kind is Kind.PLACE:
            info = self.lexicon.place_named(ref.name)
            if info is not None:
                return ID[f"place/{info.code}"]
        if ref.kind is Kind.PERSON:
            org = self._person_orgs.get(f"{doc_id}/{ref.name}") if doc_id else None
            suffix = f"-{short_hash(org)}" if org else ""
            return ID[f"person/{slug(ref.name)}{suffix}"]
        if ref.kind in INSPECTION_KINDS and doc_id:
            return ID[f"doc/{doc_id}/inspection/{self.name_slug(seg, ref.name)}"]
        return ID[f"{seg}/{self.name_slug(seg, ref.name)}"]

    def place_iri(self, code: str) -> URIRef:
        return ID[f"place/{code}"]
