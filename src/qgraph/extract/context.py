"""Per-document working state shared by the extraction rules.

A :class:`Ctx` holds the document, the lexicon, what the rules found so far and the
spans already *claimed* (a place inside an organisation name, or an organisation inside a
quoted slogan, is not a mention of its own).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from ..lexicon import Lexicon, PlaceInfo
from ..model import (
    ChainProject,
    Document,
    Entity,
    Kind,
    Level,
    Listing,
    Observation,
    PostHolding,
    Ref,
    Relation,
    Rel,
    Sentence,
    Span,
)

CLAUSE_BREAK = "，,；;：:。！？!?\n"
PUNCT = CLAUSE_BREAK + "、“”\"‘’'《》〈〉()（）【】[]·—-…… \t　"
HAN = re.compile(r"[\u3400-\u9fff]")


CONJUNCTION_LEAD_RE = re.compile(r"(?:但是|但|而且|而|并且|以及)")
"""A conjunction joining a list item to the clause before it (``…有所降低，但特殊膳食食品…``)."""


@dataclass
class Ctx:
    doc: Document
    lex: Lexicon
    city: PlaceInfo | None = None
    province: PlaceInfo | None = None
    county: PlaceInfo | None = None
    country: PlaceInfo | None = None
    """Set when the document names no place of its own: a national report."""
    year: str | None = None
    award_place: PlaceInfo | None = None
    """The county whose government decides an award named by its head alone (县长质量奖) in a report of
    another place (see :mod:`.award_places`); the report's own place is unchanged."""
    home_weak: bool = False
    """The document's place was chosen on weak evidence (see :mod:`.homes`): figures falling back to it are inferred."""
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    posts: list[PostHolding] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    chain_projects: list[ChainProject] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    label_counts: Counter[str] = field(default_factory=Counter)
    """How often each inspection label was used (the second one is named …（2）)."""
    _claims: list[tuple[int, int]] = field(default_factory=list)
    claims_version: int = 0
    """Changed by every claim and every restoring of the claims: a result memoised by a rule that reads
    the claims (``periods_in``) is keyed by it."""
    entities_version: int = 0
    """Changed by every entity added and every change of the entity list: a result memoised by a rule
    that reads the entities (``_label_start``) is keyed by it."""
    _sentence_starts: list[int] = field(default_factory=list)
    _index: list[tuple[int, int, int]] = field(default_factory=list)
    _by_end: dict[int, list[int]] = field(default_factory=dict)
    _refs: set[Ref] = field(default_factory=set)
    text: str = field(init=False, repr=False)
    """The document's text (an attribute, not a property: the rules read it a million times)."""
    memo: dict[object, object] = field(default_factory=dict, repr=False)
    _positions: dict[str, list[int]] = field(default_factory=dict, repr=False)
    """Where each set of characters occurs in the text (see :meth:`last_of`)."""
    """Values computed once per document by pure functions of it (see :func:`.periods.reference`)."""

    def __post_init__(self) -> None:
        self.text = self.doc.text
        self._sentence_starts = [s.span.start for s in self.doc.sentences]

    # -- spans ---------------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.doc.text[start:end])

    def claim(self, start: int, end: int) -> None:
        bisect.insort(self._claims, (start, end))
        self.claims_version += 1

    def restore_claims(self, claims: list[tuple[int, int]]) -> None:
        """Put back the claims as they were (a copy of :attr:`_claims` taken before a rule tried a reading)."""
        self._claims[:] = claims
        self.claims_version += 1

    def claimed(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` lies inside (or equals) a claimed span."""
        i = bisect.bisect_right(self._claims, (start, 10**12))
        for s, e in self._claims[max(0, i - 64):i]:
            if s <= start and end <= e:
                return True
        return False

    def claim_end_before(self, pos: int, floor: int) -> int:
        """The end of the last claimed span ending in ``[floor, pos]`` (or ``floor``)."""
        best = floor
        i = bisect.bisect_left(self._claims, (pos, -1))
        for s, e in self._claims[max(0, i - 64):i]:
            if floor <= e <= pos and e > best:
                best = e
        return best

    def overlaps_claim(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._claims, (end, -1))
        for s, e in self._claims[max(0, i - 64):i]:
            if s < end and start < e:
                return True
        return False

    def last_of(self, chars: str, start: int, end: int) -> int:
        """The last position in ``[start, end)`` (``0 <= start``) holding one of the characters ``chars``,
        else -1: what ``max(text.rfind(c, start, end) for c in chars)`` gives, from positions indexed
        once per document."""
        positions = self._positions.get(chars)
        if positions is None:
            positions = self._positions[chars] = [m.start() for m in re.finditer(f"[{re.escape(chars)}]", self.text)]
        i = bisect.bisect_left(positions, end) - 1
        return positions[i] if i >= 0 and positions[i] >= start else -1

    def first_of(self, chars: str, start: int, end: int) -> int:
        """The first position in ``[start, end)`` holding one of the characters ``chars``, else -1 (the
        same index as :meth:`last_of`)."""
        positions = self._positions.get(chars)
        if positions is None:
            positions = self._positions[chars] = [m.start() for m in re.finditer(f"[{re.escape(chars)}]", self.text)]
        i = bisect.bisect_left(positions, start)
        return positions[i] if i < len(positions) and positions[i] < end else -1

    def sentence_of(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i < 0:
            return None
        return self.doc.sentences[i]

    # -- results -------------------------------------------------------------------------
    def add(self, kind: Kind, name: str, start: int, end: int, **kw: object) -> Entity:
        if kind is Kind.PRODUCT_CATEGORY and name == self.text[start:end]:
            lead = CONJUNCTION_LEAD_RE.match(name)
            if lead and len(name) - lead.end() >= 2:  # 但特殊膳食食品: the conjunction is no part of the name
                name, start = name[lead.end():], start + lead.end()
            modifier = next((w for w in self.lex.category_modifiers if name.startswith(w)), "")
            if modifier and len(name) - len(modifier) >= 2:  # 较大的乳制品: the modifier is no part of the name
                name, start = name[len(modifier):], start + len(modifier)
        ent = Entity(kind=kind, name=name, span=self.span(start, end), **kw)  # type: ignore[arg-type]
        self.entities.append(ent)
        self._indexed(len(self.entities) - 1)
        return ent

    def _indexed(self, i: int) -> None:
        e = self.entities[i]
        bisect.insort(self._index, (e.span.start, e.span.end, i))
        self._by_end.setdefault(e.span.end, []).append(i)
        self._refs.add(e.ref)
        self.entities_version += 1

    def drop_organizations_within(self, start: int, end: int) -> None:
        """Forget organisations found inside ``[start, end)`` (it turned out to be a programme name)."""
        if not any(e.kind.is_organization for e in self.entities_in(start, end)):
            return
        keep = [e for e in self.entities if not (e.kind.is_organization and start <= e.span.start and e.span.end <= end)]
        self.entities[:] = keep
        self._index, self._by_end, self._refs = [], {}, set()
        self.entities_version += 1
        for i in range(len(self.entities)):
            self._indexed(i)

    def replace_entities(self, entities: list[Entity]) -> None:
        """Put ``entities`` in place of the ones found so far (after renaming some)."""
        self.entities[:] = []
        self._index, self._by_end, self._refs = [], {}, set()
        self.entities_version += 1
        for e in entities:
            self.entities.append(e)
            self._indexed(len(self.entities) - 1)

    def has_ref(self, ref: Ref) -> bool:
        return ref in self._refs

    def ending_at(self, pos: int) -> list[Entity]:
        """Entities whose span ends at ``pos``, latest added first."""
        return [self.entities[i] for i in reversed(self._by_end.get(pos, []))]

    def relate(self, subject: Ref, predicate: Rel, obj: Ref, start: int, end: int) -> None:
        self.relations.append(Relation(subject, predicate, obj, self.span(start, end)))

    def entities_in(self, start: int, end: int, kinds: frozenset[Kind] | None = None) -> list[Entity]:
        """Entities lying inside ``[start, end)``, in text order."""
        out = []
        index = self._index
        for k in range(bisect.bisect_left(index, (start, -1, -1)), len(index)):  # no copy of the index's tail
            s, e, i = index[k]
            if s >= end:
                break
            ent = self.entities[i]
            if e <= end and (kinds is None or ent.kind in kinds):
                out.append(ent)
        return out

    def starting_at(self, pos: int, end: int) -> list[Entity]:
        """Entities whose span starts at ``pos`` and ends by ``end``: the ones of :meth:`entities_in`
        ``(pos, end)`` that start at ``pos``, in the same order, without walking the others."""
        out: list[Entity] = []
        if pos >= end:
            return out
        index = self._index
        for k in range(bisect.bisect_left(index, (pos, -1, -1)), len(index)):
            s, e, i = index[k]
            if s != pos:
                break
            if e <= end:
                out.append(self.entities[i])
        return out

    # -- places --------------------------------------------------------------------------
    @property
    def home(self) -> PlaceInfo | None:
        """The document's own place, most specific first (a county report's county)."""
        return self.county or self.city or self.province or self.country

    def place_for_prefix(self, prefix: str) -> PlaceInfo | None:
        """The document's place an elided prefix (市, 省, 县, 区, 全市…) stands for."""
        if prefix in ("市", "全市", "我市", "本市"):
            if self.county is not None and self.county.name.endswith("市"):
                return self.county  # a county-level city's report: 市 is that city
            return self.city
        if prefix in ("省", "全省", "我省", "本省"):
            return self.province
        if prefix in ("自治区", "全区") and self.province is not None and self.province.name.endswith("自治区") \
                and self.city is None and self.county is None:
            return self.province  # a region's own report: 全区 and 自治区 are the region
        if prefix in ("地区", "州", "盟"):
            if prefix != "地区" and self.city is not None and not self.city.name.endswith(prefix):
                return None  # 州 in a city's report is no prefecture of its own
            return self.city
        if prefix in ("县", "区", "旗", "全县", "全区", "全旗", "我县", "我区", "我旗"):
            # only the document's own county or district: in a city's report 区市场监管局 is some district
            if self.county is not None and self.county.name.endswith(prefix[-1]):
                return self.county
            return None
        return None

    def resolve_place(self, name: str) -> PlaceInfo | None:
        """The place a full name or short form means in this document, if any."""
        candidates = self.lex.place_names.get(name)
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        near = [c for c in candidates if self._near(c)]
        if near:
            return near[0]
        exact = [c for c in candidates if c.name == name]
        ranked = sorted(exact or candidates, key=lambda c: ("country province prefecture county".split().index(c.level) if c.level in ("country", "province", "prefecture", "county") else 9, c.code))
        return ranked[0]

    def plausible(self, info: PlaceInfo) -> bool:
        """A county-level place counts only near the document's place or in its province
        (东城区 in a 许昌 report is not Beijing's)."""
        if info.level != "county" or self._near(info) or self.province is None:
            return True
        return any(a.code == self.province.code for a in self.lex.ancestors(info))

    def _near(self, info: PlaceInfo) -> bool:
        home = {p.code for p in (self.city, self.province, self.county) if p}
        return bool(home) and (info.code in home or info.parent in home)

    def level_of_place(self, info: PlaceInfo | None) -> Level | None:
        return info.admin_level if info else None


def is_han(ch: str) -> bool:
    return bool(HAN.match(ch))


def occurrences(text: str, word: str) -> list[int]:
    """Every position where ``word`` starts in ``text`` (overlapping ones too)."""
    out, i = [], text.find(word)
    while i != -1:
        out.append(i)
        i = text.find(word, i + 1)
    return out
