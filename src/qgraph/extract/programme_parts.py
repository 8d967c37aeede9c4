"""The parts of a programme's list: ``99个品牌入选。其中，制造业企业品牌72个，…；地理标志11个，…``,
``73个某名品中，包括甲、乙等58个产品类名品；丙等7个服务类名品``, ``此次获奖的31个项目中，某市20项，某市5项``.

A sentence that opens with ``其中`` right after a sentence counting a programme's items, or whose head
clause is ``N个…中`` naming the programme (or repeating the count of a programme's items read before),
breaks that list down: each count in it smaller than the total is the programme's, its breakdown the
part — the place written right before the count (``某市20项``), else the part's noun (``地理标志``; the
list's own head noun dropped when three characters or more are left: ``产品类名品`` in a list of 名品 →
``产品类``, as ``新增商标`` → ``新增``). The
total said again at the head (``31个项目中``) is no figure of its own. Items
named in a part's segment (up to ``；``) after ``包括`` / ``分别为`` or before ``等N个`` are listed in the
programme; an item no rule named becomes an entity of the kind the part's noun says
(``programme_part_kinds.tsv``: 品牌 → Brand, 地理标志 → GeographicalIndication), or is left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind, Listing, Observation, Sentence
from .context import Ctx
from .orgs import list_items

__all__ = ["find_programme_parts"]

COUNT_UNITS = ("Ge", "Jia", "Xiang", "Jian")
HEAD_RE = re.compile(r"(?P<num>\d+)(?:个|家|项|件)[^，,。；;]{0,16}?中[，,：:]")
OPENS_RE = re.compile(r"\s*其中[，,：:]")
NAMED_RE = re.compile(r"(?:包括|分别为|分别是|有)[：:]?(?P<items>[^；;。]+?)(?:等|(?=[；;。])|$)")
BEFORE_COUNT_RE = re.compile(r"(?:包括)?(?P<items>[^；;。，,]+?)等$")


@per_lexicon
def _part_kinds(lex: Lexicon) -> tuple[tuple[str, Kind], ...]:
    rows = lex.table("programme_part_kinds.tsv", columns=2, header="ending")
    return tuple((r[0], Kind(r[1])) for r in rows)


def _total(ctx: Ctx, sent: Sentence) -> tuple[Observation, int] | None:
    """The programme count the sentence breaks down, and where the breakdown starts."""
    head = HEAD_RE.match(ctx.text, sent.span.start, min(sent.span.end, sent.span.start + 40)) or \
        HEAD_RE.search(ctx.text, sent.span.start, min(sent.span.end, sent.span.start + 40))
    if head is not None and ctx.text[sent.span.start:head.start()].count("，") == 0:
        value = int(head.group("num"))
        progs = [e for e in ctx.entities_in(head.start(), head.end()) if e.kind.is_programme]
        before = [o for o in ctx.observations if o.span.end <= head.start() and o.subject is not None
                  and o.subject.kind.is_programme and not o.subject_inferred and o.value == value]
        if progs:
            own = [o for o in ctx.observations if o.subject == progs[-1].ref and o.value == value]
            if own:
                return own[0], head.end()
        elif before:
            return before[-1], head.end()
        return None
    if OPENS_RE.match(ctx.text, sent.span.start, sent.span.end) is None or sent.index == 0:
        return None
    prev = ctx.doc.sentences[sent.index - 1]
    totals = [o for o in ctx.observations if prev.span.start <= o.span.start < prev.span.end
              and o.subject is not None and o.subject.kind.is_programme and not o.subject_inferred
              and o.unit in COUNT_UNITS]
    if len(totals) != 1:
        return None
    return totals[0], OPENS_RE.match(ctx.text, sent.span.start).end()


def find_programme_parts(ctx: Ctx) -> None:
    for sent in ctx.doc.sentences:
        found = _total(ctx, sent)
        if found is None:
            continue
        total, start = found
        prog = total.subject
        ctx.observations[:] = [o for o in ctx.observations if o is total or not (
            sent.span.start <= o.span.start < start and o.value == total.value and o.unit == total.unit)]
        # 湖北省此次获奖的31个工程项目中: the total said again heads the breakdown, no figure of its own
        for i, o in enumerate(ctx.observations):
            if not (start <= o.span.start < sent.span.end) or o.unit not in COUNT_UNITS or o.value >= total.value:
                continue
            if o.subject is not None and o.subject.kind.is_programme and not o.subject_inferred and o.subject != prog:
                continue  # another programme's count
            if o.breakdown is not None and o.breakdown != "累计" or ctx.text[o.span.start - 1:o.span.start] == "各":
                continue  # 甲、乙各1项: each item's count, no part of its own
            place = o.subject.name if o.subject is not None and o.subject.kind is Kind.PLACE and any(
                e.kind is Kind.PLACE and 0 <= o.span.start - e.span.end <= 1 for e in ctx.entities_in(start, o.span.start)
            ) else None
            part = place or _part_noun(ctx, o)
            if not part:
                continue
            noun = part
            head = next((h for h in (total.measure[-2:] if total.measure else "", prog.name[-2:])
                         if h and part.endswith(h) and len(part) - len(h) >= 3), None)
            if place is None and head is not None:
                part = part[:-len(head)]  # 58个产品类名品 in a list of 名品: the part is 产品类 (as 新增商标 → 新增)
            ctx.observations[i] = replace(o, subject=prog, breakdown=part, subject_inferred=False,
                                          measure=o.measure if place is None else (total.measure or o.measure),
                                          period=total.period or o.period,
                                          confidence=max(min(o.confidence, CONFIDENCE["carried"]), CONFIDENCE["carried"]))
            _list_items(ctx, prog, noun, start, sent, o)


def _part_noun(ctx: Ctx, o: Observation) -> str | None:
    """The part's noun: written right after the count (``58个产品类名品``) or right before it (``地理标志11个``)."""
    after = re.match(r"[\u4e00-\u9fff]{2,8}?(?=[；;，,。：:]|$)", ctx.text[o.span.end:o.span.end + 9])
    if after is not None:
        return after.group()
    lo = max(ctx.text.rfind(c, 0, o.span.start) for c in "，,；;：:。") + 1
    before = ctx.text[lo:o.span.start]
    return before if 2 <= len(before) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", before) else None


def _list_items(ctx: Ctx, prog, part: str, start: int, sent: Sentence, o: Observation) -> None:
    seg_lo = max(start, ctx.last_of("；;", start, o.span.start) + 1)
    seg_hi = ctx.first_of("；;", o.span.end, sent.span.end)
    seg_hi = seg_hi if seg_hi != -1 else sent.span.end
    spans: list[tuple[int, int]] = []
    region = 0
    for pat, lo, hi in ((BEFORE_COUNT_RE, seg_lo, o.span.start), (NAMED_RE, o.span.end, seg_hi),
                        (NAMED_RE, seg_lo, o.span.start)):
        m = pat.search(ctx.text, lo, hi)
        if m is not None and "、" in m.group("items") or (m is not None and pat is NAMED_RE):
            spans = list_items(ctx, m.start("items"), m.end("items"), after_claims=False)
            region = m.start("items")
            if spans:
                break
    if not spans or len(spans) > o.value:
        return
    kind = next((k for ending, k in _part_kinds(ctx.lex) if part.endswith(ending)), None)
    refs = []
    prev_end = region
    for s, e in spans:
        lo, prev_end = min(s, prev_end), e + 1
        applicant = next((x for x in ctx.entities_in(lo, e) if x.kind.is_organization
                          and ctx.text.startswith("申报的", x.span.end)), None)
        if applicant is not None:  # 甲公司申报的某产品: the firm that applied is listed
            refs.append(applicant.ref)
            continue
        named = [x for x in ctx.entities_in(s, e) if x.kind.is_organization or x.kind in (
            Kind.BRAND, Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.SERVICE_BRAND)]
        if named:
            refs.append(named[0].ref)  # 甲公司申报的某产品: the firm is listed
        elif kind is not None and 2 <= e - s <= 10 and not ctx.overlaps_claim(s, e):
            refs.append(ctx.add(kind, ctx.text[s:e], s, e).ref)
    if refs:
        ctx.listings.append(Listing(prog, tuple(refs), ctx.span(seg_lo, seg_hi), recipient_type=part,
                                    year=o.period if o.period and re.fullmatch(r"\d{4}", o.period) else None))
