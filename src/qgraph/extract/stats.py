"""Inspections and figures.

A figure is a number with a unit (``685批次``, ``96.2%``, ``44.26万元``, ``1200余家``). Its measure is
the noun phrase that the number counts, written either before it (``省级企业技术中心58家``) or after
it (``64项共性技术短板``); a level word carries over along an enumeration (``…、工程研究中心13家``).
Figures in a clause that follows an inspection trigger (``监督抽查``, ``执法检查``, ``检测服务``) are
about that inspection — ``合格率为96.2%`` belongs to the spot check of the previous clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import dataclasses

from ..model import CONFIDENCE, Entity, Kind, Level, Observation, Ref, Rel, Sentence
from .context import CLAUSE_BREAK, PUNCT, Ctx
from .numbers import NUMBER_RE, parse_number
from .orgs import left_edge, list_items, place_starting_at
from .periods import AFTER_NUMBER, Period, Reference, clause_start, head_end, is_target, periods_in, reference
from .scope import Scope, breakdown_at, breakdown_prefix, paragraph_check, respective_places

DEFAULT_LABEL = {
    Kind.PRODUCT_SPOT_CHECK: "产品质量监督抽查",
    Kind.TESTING_SERVICE: "检验检测服务",
    Kind.ENFORCEMENT: "执法检查",
    Kind.CONSTRUCTION_CHECK: "建设工程质量抽查",
}
CATEGORY_RE = re.compile(r"对(?P<cats>[^，,。；;:：]{2,80}?)等(?P<head>[^，,。；;:：、]{0,10}?)(?:开展|进行|实施|组织)")
NOUN_STOP_RE = re.compile(r"(?:进行|开展|实施|实现|完成|通过|入选|获得|荣获|达到|占|为|是|被|得到|提供|建立|形成|列入)")
STATUS_VERBS = ("通过", "入选", "获得", "荣获", "列入", "被认定", "认定为", "达到")
CHANGE_RE = re.compile(r"(?<!新)(?:增加|减少|提高|下降|增长|降低|上升)了?$")
COMPARED_RE = re.compile(r"(?:(?:比|较|同比|与|从|到)(\d{4})年(?:同期)?的?|(\d{4})年(?:底|末)?的)$")
GROWTH_RE = re.compile(r"(?:增长|下降|提高|提升|同比|环比|增幅|降幅|减少|增加)(?:了)?$")
SKIP_BEFORE = ("第",)
LABEL_LEAD_RE = re.compile(
    r"(?:年度?|的|本次|此次|今年以来|今年|去年|全年|上半年|下半年|[一二三四]季度|\d{1,2}月(?:份)?|共|累计|全市|全省|全县|全区|各级)+"
)
MEASURE_PREFIX_VERBS = ("新增", "新建", "新认定", "新培育")
CATEGORY_MEASURE_RE = re.compile(r"产品|食品|商品|投诉|设备|器具|仪|类|品种|农资")
"""Measures whose examples (…等) are categories of products or complaints."""
PREDICATE_RE = re.compile(r"(?:数量|总数)?(?:增至|增加到|提升至|提高到|升至|达到了|分别为|分别是|分别达|共有|共计|合计|累计达到|累计达|累计|总数|达到|达|为|是|有|共|突破|超过|超|近|约|逾)$")


@dataclass
class _Segment:
    start: int
    end: int
    inspection: Entity | None = None
    topic: Entity | None = None
    """The organisation a sentence is about (it opens the sentence)."""
    respective: dict[int, tuple[str | None, Ref | None, str | None]] = field(default_factory=dict)
    """Measures paired by order with the values after 分别 (number start → measure)."""


def find_statistics(ctx: Ctx) -> None:
    ref = reference(ctx)
    earlier = len(ctx.observations)  # figures of listings and chains, read before
    last = -1
    inspections: dict[tuple[Kind, str], Entity] = {}
    paragraph: Period | None = None
    topic_check: Entity | None = None
    paragraph_start = 0
    for sent in ctx.doc.sentences:
        if last < 0 or ctx.text.count("\n", last, sent.span.start):
            # a new paragraph: its checks and its period start afresh; its head may set both
            inspections, topic_check, paragraph_start = {}, None, sent.span.start
            head = periods_in(ctx, ref, sent.span.start, head_end(ctx, sent))
            paragraph = head[-1] if head else None
        last = sent.span.start
        prev: Observation | None = None
        topic = _topic(ctx, sent)
        respective = _respective(ctx, sent)
        scope = Scope(ctx, sent)
        scope.paragraph_start = paragraph_start
        for seg in _segments(ctx, sent):
            seg.topic = topic
            seg.respective = respective
            for trig_start, trig_end, kind in _triggers(ctx, seg):
                period = figure_period(ctx, ref, sent, trig_start, paragraph)
                label, default = _inspection_key(ctx, kind, trig_start, trig_end)
                campaign = _campaign(ctx, sent, trig_start) if default else None
                if campaign and not any(k[1] == campaign for k in inspections) and any(k[0] is kind for k in inspections):
                    campaign = None  # the paragraph's check of this kind came first
                label, default = (campaign, False) if campaign else (label, default)
                key = (kind, label)
                named_before = [e for e in reversed(ctx.entities) if e.kind is kind and e.span.start < sent.span.start]
                if default and named_before and re.search(r"(?:本次|此次|这次|该次)$",
                                                          ctx.text[max(0, trig_start - 4):trig_start]):
                    key = (kind, named_before[-1].name)  # 本次抽查: the check the report opened with
                    inspections[key] = named_before[-1]
                part = not default and re.match(r"其中", ctx.text[clause_start(ctx, sent, trig_start):trig_start])
                if topic_check is not None and topic_check.kind is kind and not part:
                    key = next(k for k, v in inspections.items() if v is topic_check)  # the paragraph's check
                elif default and any(k[0] is kind for k in inspections):
                    key = next(k for k in reversed(inspections) if k[0] is kind)  # 其中,抽查…: the same check
                if key not in inspections:
                    inspections[key] = _inspection(ctx, sent, kind, trig_start, trig_end, period.value, campaign)
                seg.inspection = inspections[key]
                if topic_check is None and paragraph_check(ctx, sent, trig_start):
                    topic_check = seg.inspection  # 食品安全监督抽检方面，…: the paragraph's check
            if seg.inspection is None and topic_check is not None:
                seg.inspection = topic_check
            for obs in _figures(ctx, seg, ref, sent, paragraph, prev, scope):
                ctx.observations.append(obs)
                prev = obs
    for i in range(earlier):  # listings and chains: the same periods and marks
        o = ctx.observations[i]
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        period = figure_period(ctx, ref, sent, o.span.start, None)
        keep = o.period if o.period and o.period != ctx.year and re.fullmatch(r"\d{4}", o.period) else None
        ctx.observations[i] = dataclasses.replace(
            o, period=keep or period.value, period_words=period.words, period_inferred=period.start < 0,
            breakdown=o.breakdown or ("目标" if period.target or is_target(ctx, sent, o.span.start) else None),
            confidence=CONFIDENCE["document"] if period.start < 0 else CONFIDENCE["named"])


def figure_period(ctx: Ctx, ref: Reference, sent: Sentence, pos: int, paragraph: Period | None) -> Period:
    """The period governing a figure at ``pos``: its clause's time words, else the sentence head's,
    else the paragraph head's, else the year the document speaks of."""
    cs = clause_start(ctx, sent, pos)
    own = periods_in(ctx, ref, cs, pos)
    end = head_end(ctx, sent)
    head = periods_in(ctx, ref, sent.span.start, end) if end < pos else []
    above = head[-1] if head else paragraph
    if own and own[-1].words in ("全年", "年度", "年内") and above is not None and re.fullmatch(r"\d{4}", above.value or ""):
        return above  # 2015年，…全年新增…: the whole of the year above
    if own:
        return own[-1]
    stop = min((i for i in (ctx.text.find(c, pos, sent.span.end) for c in "，,；;。") if i != -1), default=sent.span.end)
    later = [p for p in periods_in(ctx, ref, pos, stop) if AFTER_NUMBER.search(ctx.text, max(0, p.start - 4), p.start)]
    if later:
        return later[0]  # 24个项目入选2024—2025年度“金陵杯”: the list's period
    if head:
        return head[-1]
    if paragraph is not None:
        return paragraph
    return Period(ref.year, None, -1)


def sentence_period(ctx: Ctx, sent: Sentence) -> tuple[str | None, bool]:
    """The period the head of a sentence names (normalised), and whether it names one."""
    found = periods_in(ctx, reference(ctx), sent.span.start, sent.span.end)
    if found:
        return found[0].value, True
    return reference(ctx).year, False


RESPECTIVE_RE = re.compile(
    r"(?P<names>[^，,。；;：:\d]{2,40}?)(?:数量)?分别(?:为|是|达到|达|占|建成|新增|完成|有|获得|拥有)(?P<values>[^，,。；;]{2,80})"
)


def _respective(ctx: Ctx, sent: Sentence) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``国际、国家标准分别为150项、6200项`` → 150 is 国际标准, 6200 is 国家标准; number start →
    (measure, subject, breakdown). Places listed take their own figures (``其中保定市、石家庄市分别建成
    21个、19个``); product categories take their own pass rates (``化工产品、陶瓷砖的合格率分别为…``)."""
    out: dict[int, tuple[str | None, Ref | None, str | None]] = {}
    for m in RESPECTIVE_RE.finditer(sent.span.text):
        base = sent.span.start + m.start("names")
        lead = re.match(r"(?:其中|此外|而|以及)", m.group("names"))
        if lead:
            base += lead.end()
        spans = list_items(ctx, base, sent.span.start + m.end("names"))
        if lead:  # 其中保定市、石家庄市: the first item starts right after 其中
            spans[0] = (base, spans[0][1])
        names = [ctx.text[s:e] for s, e in spans]
        starts = [sent.span.start + m.start("values") + v.start()
                  for v in re.finditer(r"\d+(?:\.\d+)?", m.group("values"))]
        if len(names) < 2 or len(names) != len(starts) or not all(names):
            continue
        places = respective_places(ctx, spans)
        if places is not None:
            for place, start in zip(places, starts):
                out[start] = (None, place.ref, None)
            continue
        items = list(names)
        if "的" in names[-1]:  # 化工产品、建筑用钢材、陶瓷砖的合格率: each category's 合格率
            last, _, measure = names[-1].rpartition("的")
            items = names[:-1] + [last]
            names = [n + measure for n in names[:-1]] + [last + measure]
        k = len(names[0])  # 国际、国家标准 / 种植业、养殖业产品合格率: the last item carries the shared head
        shared = names[-1][k:] if all(len(n) == k for n in names[:-1]) and len(names[-1]) > k else ""
        if shared and any(n.endswith(shared[-2:]) for n in names[:-1]):
            shared = ""  # 工业产品合格率、药品抽检合格率: every item is whole
        if shared and "的" not in m.group("names"):
            items[-1] = names[-1][:k]
        for name, item, (s0, _e0), start in zip(names, items, spans, starts):
            full = name + shared if name == item and shared else name
            subject = None
            if full.endswith("合格率") and breakdown_at(ctx, sent, s0 + len(item), "") is None and len(item) >= 2:
                subject = ctx.add(Kind.PRODUCT_CATEGORY, item, s0, s0 + len(item)).ref
            out[start] = (full, subject, item)
    return out


def _topic(ctx: Ctx, sent: Sentence) -> Entity | None:
    first = min((e for e in ctx.entities_in(sent.span.start, sent.span.end)
                 if e.kind.is_organization and e.kind is not Kind.MEDIA),
                key=lambda e: e.span.start, default=None)
    if first is not None and first.span.start <= sent.span.start + 1 and not any(
        p.span.start == first.span.start for p in ctx.posts
    ):
        return first
    return None


def _segments(ctx: Ctx, sent: Sentence) -> list[_Segment]:
    out: list[_Segment] = []
    pos = sent.span.start
    for m in re.finditer(r"[；;]", sent.span.text):
        out.append(_Segment(pos, sent.span.start + m.end()))
        pos = sent.span.start + m.end()
    out.append(_Segment(pos, sent.span.end))
    return out


def _triggers(ctx: Ctx, seg: _Segment) -> list[tuple[int, int, Kind]]:
    text = ctx.text[seg.start:seg.end]
    sent = ctx.sentence_of(seg.start)
    context = sent.span.text if sent else text
    found: list[tuple[int, int, Kind]] = []
    taken: list[tuple[int, int]] = []
    for trig in sorted(ctx.lex.triggers, key=lambda t: -len(t.word)):
        if trig.context and not any(c in context for c in trig.context):
            continue
        for m in re.finditer(re.escape(trig.word), text):
            s, e = seg.start + m.start(), seg.start + m.end()
            if any(a < e and s < b for a, b in taken) or ctx.claimed(s, e):
                continue
            if re.match(r"(?:制度|机制|办法|规定|规则|细则|工作方案)", ctx.text[e:e + 4]):
                continue  # 监督抽查制度 names a rule, not a check
            taken.append((s, e))
            found.append((s, e, trig.kind))
    return sorted(found)


def _inspection_key(ctx: Ctx, kind: Kind, start: int, end: int) -> tuple[str, bool]:
    """The label a check gets (before numbering) and whether the text gives none of its own:
    one check per label and paragraph."""
    lo = left_edge(ctx, start, max_len=20)
    lead = LABEL_LEAD_RE.match(ctx.text, lo, start)
    if lead:
        lo = lead.end()
    lo += breakdown_prefix(ctx.text[lo:start])  # 生产领域抽查: a part of the check, not another check
    label = ctx.text[lo:end]
    if lo == start or label in {t.word for t in ctx.lex.triggers}:
        return DEFAULT_LABEL.get(kind, label), len(label) <= 4  # 抽查, 监督抽查: the text names no check
    return label, False


CAMPAIGN_RE = re.compile(r"(?:专项检查|专项整治|专项行动|专项执法|专项抽查|专项抽检)")


def _campaign(ctx: Ctx, sent: Sentence, start: int) -> str | None:
    """The campaign a check without a name of its own belongs to: the one named last before it in its
    sentence (``开展农资打假专项行动，…抽检化肥188批次``), else the one the document opens with
    (``开展产品质量安全专项整治``; ``通报了2024年住宅工程质量专项检查情况。此次检查…``)."""
    lead_end = ctx.text.find("\n", 0, start)
    for lo, hi in ((sent.span.start, start), (0, lead_end if lead_end != -1 else 0)):
        found = list(CAMPAIGN_RE.finditer(ctx.text, lo, hi))
        if found and (lo == sent.span.start or len(found) == 1):
            m = found[-1]
            left = left_edge(ctx, m.start(), max_len=14, after_claims=False)
            name = ctx.text[left:m.end()]
            name = name[LABEL_LEAD_RE.match(name).end():] if LABEL_LEAD_RE.match(name) else name
            if len(name) > len(m.group()) + 1:
                return name
    return None


def _inspection(ctx: Ctx, sent: Sentence, kind: Kind, start: int, end: int, period: str | None,
                named: str | None = None) -> Entity:
    lo = left_edge(ctx, start, max_len=20)
    lead = LABEL_LEAD_RE.match(ctx.text, lo, start)
    if lead:
        lo = lead.end()
    lo += breakdown_prefix(ctx.text[lo:start])  # 生产领域抽查: a part of the check, not another check
    label = ctx.text[lo:end]
    level = None
    for word, lvl in sorted(ctx.lex.levels.items(), key=lambda t: -len(t[0])):
        if label.startswith(word) and len(label) > len(word) + 1:
            level = lvl
            break
    if lo == start or label in {t.word for t in ctx.lex.triggers}:
        label = named or DEFAULT_LABEL.get(kind, label)
    place = ctx.home
    ctx.label_counts[label] += 1
    if ctx.label_counts[label] > 1:
        label = f"{label}（{ctx.label_counts[label]}）"
    attrs: list[tuple[str, str]] = []
    if period:
        attrs.append(("refPeriod", period))
    ent = ctx.add(kind, label, lo, end, level=level, place=place.name if place else None, attributes=tuple(attrs))
    for cat_start, cat_end in _categories(ctx, sent, lo, end, label, kind):
        cat = ctx.add(Kind.PRODUCT_CATEGORY, ctx.text[cat_start:cat_end], cat_start, cat_end)
        ctx.relate(ent.ref, Rel.CATEGORY, cat.ref, cat_start, end)
    orgs = ctx.entities_in(sent.span.start, sent.span.end)
    bodies = [e for e in orgs if e.kind is Kind.INSPECTION_BODY and e.span.end <= start]
    if bodies:
        ctx.relate(ent.ref, Rel.PERFORMED_BY, bodies[-1].ref, bodies[-1].span.start, end)
    if kind is Kind.TESTING_SERVICE:
        m = re.search(r"为(?P<who>[^。；]{2,120}?)提供", sent.span.text)
        if m:
            s0, e0 = sent.span.start + m.start("who"), sent.span.start + m.end("who")
            for org in (e for e in orgs if e.kind.is_organization and s0 <= e.span.start and e.span.end <= e0):
                ctx.relate(ent.ref, Rel.SERVED, org.ref, org.span.start, e0)
    return ent


def _categories(ctx: Ctx, sent: Sentence, lo: int, end: int, label: str, kind: Kind) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    m = None
    for cand in CATEGORY_RE.finditer(ctx.text, sent.span.start, end):
        m = cand
    if m is not None and m.end() <= lo + 2 + len(label):
        pos = m.start("cats")
        for item in m.group("cats").split("、"):
            if len(item) >= 2:
                out.append((pos, pos + len(item)))
            pos += len(item) + 1
        return out
    return out


def _unit_at(ctx: Ctx, pos: int):
    return next((u for u in ctx.lex.units if ctx.text.startswith(u.word, pos)), None)


def _figures(ctx: Ctx, seg: _Segment, ref: Reference, sent: Sentence, paragraph: Period | None,
             prev: Observation | None, scope: Scope) -> list[Observation]:
    out: list[Observation] = []
    for m in NUMBER_RE.finditer(ctx.text, seg.start, seg.end):
        tok = parse_number(m)
        if tok is None:
            continue
        unit = _unit_at(ctx, m.end())
        if unit is None and m.group("scale") and ctx.text.startswith("元", m.end()):
            unit = _unit_at(ctx, m.end())
        if unit is None:
            continue
        end = m.end() + len(unit.word)
        if ctx.overlaps_claim(m.start("num"), end) or _not_a_count(ctx, m, unit.word, tok.value):
            continue
        if scope.baseline(m.start()):
            continue  # 高于全国平均水平（91.2%）: a baseline, no figure of the subject
        value = tok.value * unit.scale if unit.scale != 1 else tok.value
        qualifier = tok.qualifier
        trailing = re.match(r"以上|左右|多", ctx.text[end:end + 2])
        if trailing:
            qualifier = trailing.group()
            end += len(trailing.group())
        measure, level, examples, place = _measure(ctx, seg, m.start(), end, unit, prev)
        resp_measure, resp_subject, item = seg.respective.get(m.start(), (None, None, None))
        if resp_measure:  # 工业产品合格率、药品抽检合格率分别达93.51%、99.6%
            measure, level = resp_measure, None
        elif resp_subject is not None and prev is not None:
            measure = prev.measure  # 全省已建成服务站163个，其中保定市、…分别建成21个…: the same measure
        if measure == unit.measure and prev is not None and prev.unit == unit.unit and re.fullmatch(
                r"[，,、\s]*(?:累计|共计|合计|总计|总数)(?:达到|达|增至|为|有)?", ctx.text[prev.span.end:m.start()]):
            measure, level = prev.measure, prev.level  # 新增…企业26家，累计达到118家: the same measure
            resp_subject = resp_subject or prev.subject  # … and the same subject
        outcome = re.match(r"[^，,。；;]*?(不合格|合格)(?:样品|产品)?(?=[，,。；;]|$)", ctx.text[end:seg.end])
        if outcome and unit.unit in ("Pici", "Jia") and "合格" not in measure:
            measure = outcome.group(1) + measure  # 有9家企业的11批次产品不合格: the failures, not the sample
        compared = COMPARED_RE.search(ctx.text[max(seg.start, m.start() - 12):m.start()])
        subject, how = _subject(ctx, seg, sent, scope, m.start(), place, resp_subject)
        if how in ("document", "inferred") and prev is not None and prev.span.start >= sent.span.start and re.match(
                r"其中", ctx.text[clause_start(ctx, sent, m.start()):m.start()]):
            subject, how = prev.subject, "carried"  # …138个产品入选，其中制造业产品71个: a part of the same
        product = _product_rate(ctx, sent, m.start(), measure, unit.unit, subject, prev)
        if product is not None:  # 其中电动自行车合格率为91.4%: the product's pass rate within the check
            subject, breakdown_item = product, product.name
            item = item or breakdown_item
        insp = seg.inspection
        if insp is not None and insp.kind is Kind.TESTING_SERVICE and subject != insp.ref and measure == unit.measure:
            measure = re.sub(r"（\d+）$", "", insp.name)  # 某院提供检测服务2100余批次: the institute's 检测服务
        period = figure_period(ctx, ref, sent, m.start(), paragraph)
        period_how = "document" if period.start < 0 else "carried" if period is paragraph else "named"
        target = period.target or is_target(ctx, sent, m.start())
        breakdown = "目标" if target else (item if item and resp_subject is None and item != (
            subject.name if subject else None) else breakdown_at(ctx, sent, m.start(), measure))
        if item and subject is not None and subject.kind is Kind.PRODUCT_CATEGORY and not target:
            breakdown = item
        where = place or ctx.home
        obs = Observation(
            measure=measure, value=value, unit=unit.unit, span=ctx.span(m.start(), end), subject=subject,
            qualifier=qualifier, level=level,
            period=(compared.group(1) or compared.group(2)) if compared else period.value,
            place=where.name if where else None,
            categories=tuple(examples), breakdown=breakdown, period_words=period.words,
            subject_inferred=how == "inferred", period_inferred=period.start < 0,
            confidence=min(CONFIDENCE[how], CONFIDENCE[period_how]),
        )
        out.append(obs)
        prev = obs
    return out


PRODUCT_RATE_RE = re.compile(r"(?P<product>[^，,；;。：:\d]{2,12}?)(?:的|产品)?(?:抽查|抽检|检验)?合格率(?:为|达到|达|是)?$")
NOT_A_PRODUCT = re.compile(r"抽查|抽检|检验|检定|检测|总体|平均|综合|全市|全省|全县|全区|质量|监督|整体")


def _product_rate(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit: str, subject: Ref | None,
                  prev: Observation | None) -> Ref | None:
    """``…抽查1850批次，合格率95.1%。其中电动自行车合格率为91.4%，儿童服装合格率为93.2%``: each product's
    pass rate is the product's, a part of the check (only after 其中, or right after another one)."""
    if unit != "Percent" or subject is None or subject.kind not in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION):
        return None
    cs = clause_start(ctx, sent, pos)
    m = PRODUCT_RATE_RE.search(ctx.text, cs, pos)
    if m is None:
        return None
    lead = re.match(r"其中", m.group("product"))
    product = m.group("product")[lead.end() if lead else 0:]
    after_part = prev is not None and prev.subject is not None and prev.subject.kind is Kind.PRODUCT_CATEGORY \
        and prev.span.start >= sent.span.start
    if len(product) < 2 or NOT_A_PRODUCT.search(product) or not (lead or after_part):
        return None
    start = m.start("product") + (lead.end() if lead else 0)
    return ctx.add(Kind.PRODUCT_CATEGORY, product, start, start + len(product)).ref


def _number_end(ctx: Ctx, pos: int) -> int:
    m = NUMBER_RE.match(ctx.text, pos)
    end = m.end() if m else pos
    unit = _unit_at(ctx, end)
    return end + (len(unit.word) if unit else 0)


def _subject(ctx: Ctx, seg: _Segment, sent: Sentence, scope: Scope, pos: int, place, named: Ref | None
             ) -> tuple[Ref | None, str]:
    """The subject of the figure at ``pos`` and how it was found (named / carried / document / inferred):
    the nearest subject named before it — a check, the sentence's topic organisation, a place or
    company at the head of a clause — else the document's place."""
    if named is not None:
        return named, "named"
    programme = scope.programme(pos, _number_end(ctx, pos)) or scope.indication(pos) or scope.provider(pos)
    if programme is not None:
        return programme, "named"
    home = ctx.home.name if ctx.home else None
    best: tuple[int, Ref, str] | None = None
    insp = seg.inspection
    if insp is not None and insp.span.start < pos:
        best = (insp.span.start, insp.ref, "named" if insp.span.start >= sent.span.start else "carried")
    topic = seg.topic
    if topic is not None and (best is None or (insp is not None and insp.kind is Kind.TESTING_SERVICE
                                               and insp.span.start >= sent.span.start)):
        best = (topic.span.start, topic.ref, "named")  # 某检测院为…提供检测服务2100余批次: the institute's
    act = scope.activity(pos)
    if act is not None and (best is None or act[0] > best[0] or best[1].kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY)):
        kind = Kind.ENFORCEMENT if re.search(r"执法|打假|整治|稽查|查处", act[2]) else Kind.INSPECTION
        ref = Ref(kind, act[2])
        if not any(e.ref == ref for e in ctx.entities_in(act[0], act[1])):
            ctx.add(kind, act[2], act[0], act[1], place=ctx.home.name if ctx.home else None)
        best = (act[0], ref, "named" if act[0] >= sent.span.start else "carried")
    head = scope.subject_at(pos)
    if head is not None and (best is None or head.span.start > best[0]) and not (
            best[2] == "carried" and head.kind is not Kind.PLACE if best else False):
        # a place or company heading the clause; an organisation does not displace the paragraph's check
        same_clause = clause_start(ctx, sent, pos) <= head.span.start
        best = (head.span.start, head.ref, "named" if same_clause else "carried")
    if best is not None and best[1].kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY):
        # 市市场监管局开展…，检查门店460余家: a bureau acts for its place, or for a campaign the rules may
        # not know — whose figure it is cannot be told
        return (Ref(Kind.PLACE, ctx.home.name) if ctx.home else best[1]), "inferred"
    if best is not None:
        return best[1], best[2]
    local = scope.local_place(pos)
    if local is not None:
        return local, "carried"  # 东西湖区建成…。今年以来，全区…: the district's
    if place is not None and not ctx.plausible(place):
        place = None  # 新建… is no 新建区 in a report from elsewhere
    where = place or ctx.home
    if where is None:
        return None, "inferred"
    if scope.names_home(pos) or where is not ctx.home:
        return Ref(Kind.PLACE, where.name), "named"
    if scope.competitors(scope.paragraph_start, pos) or scope.uncertain(pos):
        return Ref(Kind.PLACE, where.name), "inferred"
    return Ref(Kind.PLACE, where.name), "document"


def _not_a_count(ctx: Ctx, m: re.Match[str], unit: str, value) -> bool:
    before = ctx.text[max(0, m.start() - 1):m.start()]
    if before in SKIP_BEFORE or before in ("每", "-", "—", "~", "～") or (
            before == "至" and ctx.text[max(0, m.start() - 2):m.start() - 1].isdigit()):
        return True  # 每三年, 2-3年, 2至3年: no counts
    if CHANGE_RE.search(ctx.text[max(0, m.start() - 6):m.start()]):
        return True  # 增加了1100批次: a change against an earlier figure, not a figure of its own
    if unit == "年" and re.match(r"以来|来|内|后|前|期间", ctx.text[m.end() + 1:m.end() + 3]):
        return True
    if unit == "年" and (m.group("pre") == "近" or re.search(r"(?:近|过去|最近|未来)$", ctx.text[max(0, m.start() - 2):m.start()])):
        return True  # 近3年: a time span, not a count
    if unit in ("年",) and value >= 1900:
        return True
    if unit == "年" and ctx.text.startswith("度", m.end() + 1):
        return True
    if unit in ("%", "％", "个百分点") and GROWTH_RE.search(ctx.text[max(0, m.start() - 6):m.start()]):
        return True
    if unit == "分" and ctx.text.startswith("钟", m.end() + 1):
        return True
    if unit in ("位", "名") and before == "前":
        return True  # 居前三位: a rank
    if unit == "部" and ctx.text.startswith("门", m.end() + 1):
        return True  # 八部门联合发布
    return False


def _measure(ctx: Ctx, seg: _Segment, num_start: int, end: int, unit, prev: Observation | None):
    """(measure, level, example categories, place) for the figure at ``num_start``."""
    after = re.match(r"[^，,。；;:;：、\s\d%《》“”\"（）()]{0,24}", ctx.text[end:seg.end]).group()
    item_start = max(seg.start, max((ctx.text.rfind(c, seg.start, num_start) for c in CLAUSE_BREAK + "、"), default=-1) + 1)
    predicate = PREDICATE_RE.search(ctx.text, item_start, num_start)
    np_end = predicate.start() if predicate else num_start
    lo = max(item_start, left_edge(ctx, np_end, max_len=24, after_claims=False))
    lead = re.match(r"[万亿千]?(?:家|个|项|件|批次|元|人|次|条|台|类|所|处|名|位|余|多|%|％)*[●○◆■□▲△·•*\-—\s和及与]*",
                    ctx.text[lo:np_end])
    lo += lead.end() if lead else 0  # …3万家企业授信约: the classifier of the number before is no measure
    ext = re.search(r"(?:有效注册|有效|注册)$", ctx.text[item_start:lo])
    if ext:
        lo -= len(ext.group())  # 有效注册商标: 注册 is a verb boundary for names, not inside a measure
    before = re.sub(r"(?:从|到)?\d*年(?:底|末)?的?$", "", ctx.text[lo:np_end].strip())
    if "等" in before:
        lo += ctx.text[lo:np_end].rfind("等") + 1
        before = ctx.text[lo:np_end].strip()
    if not before and prev is not None and re.fullmatch(r"[、和及与\s]*", ctx.text[prev.span.end:num_start] or ""):
        return prev.measure, prev.level, [], None  # 分别为90.1%、91.4%和92.0%: the same measure as the first
    added = next((v for v in MEASURE_PREFIX_VERBS if ctx.text[max(0, lo - len(v)):lo] == v), None)
    place = None
    found = place_starting_at(ctx, lo, limit=num_start)
    if found and (ctx.text[lo - 1:lo] == "、" or ctx.text.startswith("的", found[0])):
        found = None  # 双流区、郫都区的12家: where they come from, not whose figure
    if found and found[1].level != "country":
        place = found[1]
        before = ctx.text[found[0]:np_end].strip()
        before = re.sub(r"^(?:共有|共|有|拥有)", "", before)
    level: Level | None = None
    for word, lvl in sorted(ctx.lex.levels.items(), key=lambda t: -len(t[0])):
        if before.startswith(word) and len(before) > len(word):
            level, before = lvl, before[len(word):]
            break
    examples: list[tuple[int, int]] = []
    deng = ctx.text.rfind("等", item_start - 40 if item_start > 40 else 0, num_start)
    if (deng != -1 and deng >= seg.start and ctx.text[deng + 1:num_start] == before
            and "、" in ctx.text[max(seg.start, deng - 40):deng] and CATEGORY_MEASURE_RE.search(before)):
        examples = _examples(ctx, seg, deng)
    if not before and not place:  # “皖美品牌示范企业”64家, 安徽省政府质量奖获奖组织17家: the programme's recipients
        named = [e for e in ctx.entities_in(item_start, np_end) if e.kind.is_programme]
        text = ctx.text[named[-1].span.start:np_end].strip("“”\" ") if named else ""
        if 2 <= len(text) <= 24 and not re.search(r"[，,；;。\d]", text):
            before = text
    if added and before:
        before = added + before
    inspection = seg.inspection if seg.inspection is not None and seg.inspection.span.start < num_start else None
    trig = next((t.word for t in ctx.lex.triggers if before.endswith(t.word)), None)
    if inspection is not None and trig is not None and inspection.span.start < num_start:
        _inspection_categories(ctx, inspection, _phrase_start(ctx, item_start, num_start), num_start - len(trig))
        return unit.measure, level, _cats(ctx, examples), place
    quoted = re.match(r"[“\"]([^”\"]{1,20})[”\"]([^，,。；;：:、\s\d]{0,10})", ctx.text[end:seg.end])
    noun_after = quoted.group(1) + quoted.group(2) if quoted else _noun_after(after)
    verb = next((v for v in MEASURE_PREFIX_VERBS if ctx.text[max(0, num_start - len(v)):num_start] == v), None)
    if noun_after and verb:
        noun_after = verb + noun_after  # 新增512项地方标准: the new ones, not the stock
    if inspection is not None and not before and noun_after:
        return noun_after, level, _cats(ctx, examples), place  # 抽查1200家企业: the enterprises checked
    if inspection is not None and (not before or inspection.span.end >= num_start - 1 or before in inspection.name):
        return unit.measure, level, _cats(ctx, examples), place
    if inspection is not None and unit.unit == "Pici" and inspection.span.start < num_start and not re.search(
        r"合格|问题|样品|抽检|抽查|检测|检验", before
    ):
        product = ctx.text[lo:np_end].rstrip().rstrip("的")
        if (not examples and len(product) >= 2 and product[0] not in "个家所批件项类种年"
                and not re.search(r"\d|生产|销售|经营|流通|企业", product)):
            examples = [(lo, lo + len(product))]
        return unit.measure, level, _cats(ctx, examples), place
    if before and before.endswith(("连续", "累计")) and after:
        return before + after, level, _cats(ctx, examples), place
    if noun_after:
        return noun_after, level, _cats(ctx, examples), place
    if before:
        if level is None and prev is not None and prev.level is not None and 0 <= lo - prev.span.end <= 1:
            level = prev.level
        return before, level, _cats(ctx, examples), place
    return unit.measure, level, _cats(ctx, examples), place


def _phrase_start(ctx: Ctx, lo: int, end: int) -> int:
    """Start of the phrase before ``end``: after the last boundary word of two or more characters."""
    body = ctx.text[lo:end]
    best = lo
    for word in ctx.lex.boundary_words:
        if len(word) >= 2 and (i := body.rfind(word)) != -1:
            best = max(best, lo + i + len(word))
    return best


def _inspection_categories(ctx: Ctx, inspection: Entity, start: int, end: int) -> None:
    """``完成各类机床及机械密封检测470余批次`` → categories 机床, 机械密封 of the testing."""
    pos = start
    body = ctx.text[start:end]
    for w in ("各类", "各种", "各项"):
        if body.startswith(w):
            pos += len(w)
            body = body[len(w):]
    for item in re.split(r"(及|和|与|、)", body):
        if item not in ("及", "和", "与", "、") and len(item) >= 2:
            cat = ctx.add(Kind.PRODUCT_CATEGORY, item, pos, pos + len(item))
            ctx.relate(inspection.ref, Rel.CATEGORY, cat.ref, pos, end)
        pos += len(item)


def _noun_after(after: str) -> str | None:
    """The counted noun written after the number (``64项共性技术短板进行…`` → 共性技术短板)."""
    if not after or after.startswith(("以上", "左右")) or NOUN_STOP_RE.match(after):
        return None
    noun = NOUN_STOP_RE.split(after, maxsplit=1)[0]
    noun = re.split(r"(?:生产|销售|经营|的|授信|约)", noun, maxsplit=1)[0] if not after[len(noun):].startswith(STATUS_VERBS) else after
    return noun or None


def _examples(ctx: Ctx, seg: _Segment, deng: int) -> list[tuple[int, int]]:
    start = max(seg.start, max((ctx.text.rfind(c, seg.start, deng) for c in CLAUSE_BREAK), default=-1) + 1)
    return [(s, e) for s, e in list_items(ctx, start, deng)
            if e - s >= 2 and not any(ch in PUNCT for ch in ctx.text[s:e])]


def _cats(ctx: Ctx, spans: list[tuple[int, int]]) -> list[Ref]:
    refs = []
    for s, e in spans:
        ent = ctx.add(Kind.PRODUCT_CATEGORY, ctx.text[s:e], s, e)
        refs.append(ent.ref)
    return refs
