"""The ``resolve`` stage: canonical entities and stable IRIs.

Mentions with the same class and canonical name are one entity, across documents. An IRI is a
function of the entity's own key and nothing else (not of the other names in the build): a
readable pinyin slug of the name plus a short hash of the exact key, under one namespace per
type (``qgorg:zao-zhuang-shi-shi-chang-jian-du-guan-li-ju-k2m7f4qa``). Toneless pinyin alone is
not unique (章伟 / 章卫, 苏州 / 宿州), and tones are not either (李震 / 李振 are both li3 zhen4),
so the hash is always there. Places use their GB/T 2260 code (``qgplace:370400``).

>>> slug("枣庄市市场监督管理局")
'zao-zhuang-shi-shi-chang-jian-du-guan-li-ju'
>>> slug("2025中国品牌日"), slug("ISO9001质量管理体系")
('2025-zhong-guo-pin-pai-ri', 'iso9001-zhi-liang-guan-li-ti-xi')
>>> name_local("李震") != name_local("李振")
True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from pypinyin import Style
from pypinyin.converter import DefaultConverter
from pypinyin.core import Pinyin
from rdflib import URIRef

from .errors import QgraphError
from .lexicon import Lexicon
from .model import INSPECTION_KINDS, ORGANIZATION_KINDS, PROGRAMME_KINDS, Extraction, Kind, Ref
from .vocab import ID, id_namespace

GATHERING_KINDS = frozenset({Kind.EVENT, Kind.MEETING, Kind.PRESS_CONFERENCE})

_SEGMENT: dict[Kind, str] = {k: "org" for k in ORGANIZATION_KINDS}
_SEGMENT.update({k: "programme" for k in PROGRAMME_KINDS})
_SEGMENT.update({
    Kind.PERSON: "person", Kind.PLACE: "place", Kind.POLICY: "policy", Kind.INDUSTRY_CHAIN: "chain",
    Kind.TRADEMARK: "brand", Kind.GEOGRAPHICAL_INDICATION: "brand", Kind.SERVICE_BRAND: "brand",
    Kind.BRAND: "brand", Kind.WORK_MODEL: "programme", Kind.PRESS_CONFERENCE: "event", Kind.MEETING: "event",
    Kind.EVENT: "event", Kind.PRODUCT_CATEGORY: "category", Kind.SERVICE_STATION: "facility",
    Kind.FACILITY: "facility", Kind.CHAIN_PROJECT: "chain-project",
})
MAX_SLUG = 64
HASH_CHARS = 10
"""Base32 characters of the key's SHA-256 in every minted local name (50 bits)."""
_SEP = "\x1f"  # joins the parts of a composite key (never inside a name)


def _keep(chars: str) -> list[str]:
    return [chars]


class _WordMemo(DefaultConverter):
    """pypinyin's converter with each word's syllables memoised: the result of converting a word
    (a segment of the phrase segmentation) depends on that word alone, and names repeat their
    words (市场监督管理局, 质量, place names), so most words are converted once per process.
    The same syllables as ``lazy_pinyin`` (``tests/test_iris.py`` compares them)."""

    def __init__(self) -> None:
        super().__init__()
        self.memo: dict[tuple[str, object, bool, bool], list[list[str]]] = {}

    def convert(self, words, style, heteronym, errors, strict, **kwargs):  # type: ignore[no-untyped-def]
        key = (words, style, heteronym, strict)
        hit = self.memo.get(key) if errors is _keep else None
        if hit is None:
            hit = super().convert(words, style, heteronym, errors, strict, **kwargs)
            if errors is _keep:
                if len(self.memo) >= 1 << 16:
                    self.memo.clear()
                self.memo[key] = [list(p) for p in hit]
            return hit
        return [list(p) for p in hit]


_PINYIN = Pinyin(_WordMemo())


def syllables(text: str) -> list[str]:
    """``lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: [s])``, with words memoised."""
    return _PINYIN.lazy_pinyin(text, style=Style.NORMAL, errors=_keep)


@functools.lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    """A lower-case ASCII slug of a Chinese or mixed name: pinyin syllables, and runs of Latin
    letters and digits kept as words, joined by ``-`` (at most :data:`MAX_SLUG` characters)."""
    parts = syllables(unicodedata.normalize("NFKC", name))
    text = "-".join(p.lower().replace("ü", "v") for p in parts)
    out = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(out) > MAX_SLUG:
        out = out[:MAX_SLUG].rsplit("-", 1)[0] if "-" in out[:MAX_SLUG] else out[:MAX_SLUG]
    return out


def key_hash(key: str) -> str:
    """:data:`HASH_CHARS` lower-case base32 characters of the SHA-256 of ``key``."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    # base32 writes each 5 bytes as 8 characters: the first 10 bytes give the same first 16
    return base64.b32encode(digest[:10]).decode("ascii")[:HASH_CHARS].lower()


def name_local(*key: str, label: str | None = None) -> str:
    """The local name for an entity keyed by ``key`` (one name, or the parts of a composite
    key): ``slug(label or key[0])-hash(key)``. A function of the key alone."""
    s = slug(label if label is not None else key[0])
    h = key_hash(_SEP.join(key))
    return f"{s}-{h}" if s else h


def segment(kind: Kind) -> str:
    return _SEGMENT.get(kind, "thing")


@functools.lru_cache(maxsize=1 << 16)
def entity_iri(seg: str, *key: str, label: str | None = None) -> URIRef:
    """``https://w3id.org/qgraph/id/<seg>/<slug>-<hash>`` for an entity of type ``seg`` keyed by ``key``."""
    return id_namespace(seg)[name_local(*key, label=label)]


class IriCollision(QgraphError):
    """Two different keys hashed to one IRI (about once in 10¹² pairs of names of one type):
    the build stops with this one-line error rather than merge two entities."""


@dataclass
class Resolver:
    """Mints IRIs for entity references seen in a set of extractions."""

    lexicon: Lexicon
    _person_orgs: dict[str, str] = field(default_factory=dict)
    _seen: dict[URIRef, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def for_extractions(cls, extractions: list[Extraction], lexicon: Lexicon) -> Resolver:
        res = cls(lexicon)
        for ex in extractions:
            for p in ex.posts:
                if p.organization is not None:
                    res._person_orgs.setdefault(f"{ex.document.doc_id}/{p.person.name}", p.organization.name)
        for ex in extractions:
            for e in ex.entities:
                res.iri(e.ref, doc_id=ex.document.doc_id)
        return res

    def mint(self, seg: str, *key: str, label: str | None = None) -> URIRef:
        """:func:`entity_iri`, checked: a second, different key on the same IRI raises :class:`IriCollision`."""
        iri = entity_iri(seg, *key, label=label)
        known = self._seen.setdefault(iri, (seg, *key))
        if known != (seg, *key):
            raise IriCollision(f"two entities would share the IRI <{iri}>: {' / '.join(known[1:])} and "
                               f"{' / '.join(key)} (a hash collision; please report it)")
        return iri

    def minted(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Every (IRI, key) pair minted so far, sorted (for a corpus-wide collision check)."""
        return tuple(sorted((str(k), v) for k, v in self._seen.items()))

    def iri(self, ref: Ref, *, doc_id: str | None = None) -> URIRef:
        seg = segment(ref.kind)
        if ref.kind is Kind.PLACE:
            info = self.lexicon.place_named(ref.name)
            if info is not None:
                return self.place_iri(info.code)
        if ref.kind is Kind.PERSON:
            org = self._person_orgs.get(f"{doc_id}/{ref.name}") if doc_id else None
            return self.mint(seg, ref.name, org) if org else self.mint(seg, ref.name)
        if ref.kind in INSPECTION_KINDS and doc_id:
            return ID[f"doc/{doc_id}/inspection/{name_local(ref.name)}"]
        if ref.kind in GATHERING_KINDS and doc_id and ref.name.startswith(self._own_place_words()):
            # 全市质量大会, 全省…工作会议: named as written, the report's own place's gathering — one per document
            return ID[f"doc/{doc_id}/{seg}/{name_local(ref.name)}"]
        return self.mint(seg, ref.name)

    def _own_place_words(self) -> tuple[str, ...]:
        """Words by which a report names its own place (``own_place_words.tsv``, own = yes: 全市, 我县 …)."""
        return self.lexicon.cached("own_place_words", lambda: tuple(
            r[0] for r in self.lexicon.table("own_place_words.tsv", columns=3, header="word") if r[2] == "yes"))

    def place_iri(self, code: str) -> URIRef:
        return id_namespace("place")[code]

    def role_iri(self, role: str) -> URIRef:
        return self.mint("role", role)

    def measure_iri(self, measure: str) -> URIRef:
        return self.mint("measure", measure)

    def post_iri(self, role: str, organization: str | None, person: str) -> URIRef:
        """A post: the role in an organisation, or (no organisation named) the person's own."""
        if organization is not None:
            return self.mint("post", "org", organization, role, label=f"{organization}{role}")
        return self.mint("post", "person", person, role, label=f"{person}{role}")

    def chain_project_iri(self, code: str | None, level: str, chain: str) -> URIRef:
        return self.mint("chain-project", code or "unknown", level, chain,
                         label=f"{code or 'unknown'} {level} {chain}")
