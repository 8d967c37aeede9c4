"""Figures: a number with a unit becomes an observation with its subject, period, breakdown and confidence.

The subject is the nearest one named before the number — a check, a campaign, the sentence's topic
organisation, a place or company heading the clause, a programme whose recipients are counted —
else the document's place (marked inferred when a competitor is named); see :mod:`.scope`. The
period is read by :mod:`.periods`: the figure's clause, else its sentence's head, else its paragraph's
head, else the year the document speaks of.
"""

from __future__ import annotations

import re

from ..model import CONFIDENCE, INSPECTION_KINDS, Kind, Observation, Ref, Sentence
from .context import Ctx
from .measures import _measure, _not_a_count, _Segment, _unit_at
from .numbers import NUMBER_RE, parse_number
from .periods import Period, Reference, clause_start, figure_period, is_target, periods_in
from .owners import (PER_ITEM_RE, attendance, bracketed_place, bracketed_product, from_to_measure, gathering_figure,
                     group_named_again, held_stock, indicator_of_place, place_in_sentence)
from .parts import CHANGED_ITEMS_RE, SHARE_LIST_RE, check_of_part, checked_measure
from .scope import ACTIVITY_LEAD_RE, HOME_WORDS, Scope, breakdown_at, opens_with_home

COMPARED_RE = re.compile(r"(?:(?:比|较|同比|与|从|到)(\d{4})年(?:同期)?的?|(\d{4})年(?:底|末)?的)$")


def _latest_before(ctx: Ctx, sent: Sentence, pos: int, prev: Observation | None) -> Observation | None:
    """The last figure of this sentence before ``pos``: ``prev``, or a count read earlier by the
    listing rules (授予…等5家组织“…奖”，各奖励50万元)."""
    found = [o for o in ctx.observations if sent.span.start <= o.span.start and o.span.end <= pos]
    if prev is not None and prev.span.start >= sent.span.start:
        found.append(prev)
    return max(found, key=lambda o: o.span.end, default=None)


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
        if unit.unit == "Nian" and re.match(r"(?:多|来|间|内|时间|以来)", ctx.text[end:end + 2]):
            continue  # 只用了3年时间, 近3年来: a span of time, no figure
        if THRESHOLD_RE.match(ctx.text, end):
            continue  # 营业收入超过1亿元的机构5家: a threshold that picks what is counted, no figure
        group = group_named_again(ctx, sent, m.start(), end, tok.value)
        if group is not None:  # 这7家企业拥有…: the listed firms named again, whose figures follow
            scope.group = (m.start(), group)
            continue
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
        elif prev is not None and prev.unit == unit.unit and _place_item(ctx, sent, m.start(), measure, unit.measure):
            measure, level = prev.measure, prev.level  # …项目30个，其中长春市14个、吉林市7个: the same measure
        if measure == unit.measure and prev is not None and prev.unit == unit.unit and re.fullmatch(
                r"[，,、\s]*(?:累计|共计|合计|总计|总数)(?:达到|达|增至|为|有)?", ctx.text[prev.span.end:m.start()]):
            measure, level = prev.measure, prev.level  # 新增…企业26家，累计达到118家: the same measure
            resp_subject = resp_subject or prev.subject  # … and the same subject
        if measure.startswith("的") and len(measure) > 2:
            measure = measure[1:]  # 超过1亿元的机构5家: 机构
        measure = re.sub(r"(?<=.)(?:共|联合(?:举办|主办|承办)|共同)$", "", measure)  # 18家单位共开展…: 单位
        measure, unit = checked_measure(ctx, sent, m.start(), measure, unit)
        moved, before_state = from_to_measure(ctx, sent, m.start(), prev)
        if moved:  # 商标年申请量从8.1万件增至10.6万件: both are the measure named before 从
            measure, level = moved, None
        outcome = re.match(r"[^，,。；;]*?(不合格|合格)(?:样品|产品)?(?=[，,。；;]|$)", ctx.text[end:seg.end])
        if outcome and unit.unit in ("Pici", "Jia") and "合格" not in measure:
            measure = outcome.group(1) + measure  # 有9家企业的11批次产品不合格: the failures, not the sample
        compared = COMPARED_RE.search(ctx.text[max(seg.start, m.start() - 12):m.start()])
        subject, how = _subject(ctx, seg, sent, scope, m.start(), place, resp_subject)
        if scope.group is not None and (how != "named" or subject is None or subject.kind is Kind.PLACE) and not [
                e for s, e in scope.heads if scope.group[0] < s < m.start()]:
            (subject, section), how = scope.group[1], "named"  # …这7家企业拥有…412件: the programme's recipients'
            item = item or section
        if ctx.home is not None and subject is not None and (subject.kind.is_programme or how == "inferred") \
                and held_stock(ctx, sent, m.start(), end, scope.heads):
            subject, how = Ref(Kind.PLACE, ctx.home.name), "carried"  # 全县现有…，其中中国驰名商标2件: the county's
        indicator = indicator_of_place(ctx, subject, measure)
        if indicator is not None:  # 力争制造业产品质量合格率达到95% after a check: the place's
            subject, how = indicator, "carried"
        bracketed = bracketed_place(ctx, m.start())
        product_in_brackets = bracketed_product(ctx, sent, m.start()) if bracketed is None and unit.unit == "Percent" else None
        if bracketed is not None:  # 其次是芜湖市（12.6%）: the place's share, in the measure before
            subject, how = bracketed, "named"
            if prev is not None and prev.unit == unit.unit and measure in GENERIC_MEASURES:
                measure = prev.measure
        elif product_in_brackets is not None:  # …产品是家用双层床（83.1%）: the product's rate
            s0, e0, name, measure = product_in_brackets
            subject, how = ctx.add(Kind.PRODUCT_CATEGORY, name, s0, e0).ref, "named"
        elif how == "carried" and subject is not None and subject.kind is not Kind.PLACE \
                and place_in_sentence(ctx, sent, m.start()):
            how = "inferred"  # 抽查合肥市产品批次最多，占…21.3%: the check's, or the city's — it cannot be told
        gathering = attendance(ctx, end) or (gathering_figure(ctx, sent, m.start(), end) if subject is None
                                             or subject.kind is Kind.PLACE else None)
        if gathering is not None:  # 120余人参加会议: the meeting's attendance, not a count of the place
            subject, how = gathering
            if re.match(r"参加|出席|参会|到会|与会", measure):
                measure = "参加人数"
        if how == "document" and unit.unit in ("Pici", "Zhong", "Lei") and any(
                e.kind in INSPECTION_KINDS for e in ctx.entities if e.span.start < m.start()):
            how = "inferred"  # …等12种产品不合格率较高 in a check's report: the check's or the place's?
        if PER_ITEM_RE.search(ctx.text, clause_start(ctx, sent, m.start()), m.start()):
            how = "inferred"  # 每条产业链明确1名市领导: a norm per item, no count of the subject
        insp = seg.check_before(m.start())
        if resp_measure and insp is not None and subject == insp.ref and insp.name in resp_measure:
            # 大型、中型、小型企业产品抽查不合格率分别为…: the check word is part of the measure; the
            # figures are the report's check's, by firm size
            first = next((e for e in ctx.entities if e.kind is insp.kind and e.span.start < sent.span.start), None)
            if first is not None:
                subject, how = first.ref, "carried"
        before = _latest_before(ctx, sent, m.start(), prev)
        opens_with_part = re.match(r"其中[，,：:]", ctx.text[sent.span.start:m.start()])
        if before is None and opens_with_part:  # …99个品牌入选。其中，制造业企业品牌72个: the figure before
            before = next((o for o in reversed(ctx.observations)
                           if scope.paragraph_start <= o.span.start < sent.span.start), None)
        if how in ("document", "inferred") and before is not None and (opens_with_part or re.match(
                r"其中|各|每家|每个|每项", ctx.text[clause_start(ctx, sent, m.start()):m.start()])):
            subject, how = before.subject, "carried"  # …其中制造业产品71个 / …，各奖励50万元: the same subject
            if before.subject_inferred or before.confidence < CONFIDENCE["document"]:
                how = "inferred"  # carried from a figure unsure of its subject: as unsure
        if (how != "inferred" and prev is not None and prev.subject_inferred and prev.span.start >= sent.span.start
                and subject == prev.subject and not ctx.entities_in(clause_start(ctx, sent, m.start()), m.start())):
            how = "inferred"  # …查处案件412件，罚没款1536.8万元: the same unsure subject, carried on
        product = _product_rate(ctx, sent, m.start(), measure, unit.unit, subject, prev)
        if product is not None:  # 其中电动自行车合格率为91.4%: the product's pass rate within the check
            subject, breakdown_item = product, product.name
            item = item or breakdown_item
        insp = seg.check_before(m.start())
        if insp is not None and insp.kind is Kind.TESTING_SERVICE and subject != insp.ref and measure == unit.measure:
            measure = re.sub(r"（\d+）$", "", insp.name)  # 某院提供检测服务2100余批次: the institute's 检测服务
        period = figure_period(ctx, ref, sent, m.start(), paragraph)
        period_how = "document" if period.start < 0 else "carried" if period is paragraph else "named"
        target = period.target or is_target(ctx, sent, m.start())
        breakdown = "目标" if target else (item if item and resp_subject is None and item != (
            subject.name if subject else None) else breakdown_at(ctx, sent, m.start(), measure))
        newly = NEWLY_AFTER_RE.match(ctx.text, end)
        if newly and not target:  # 湟源陈醋、大通牦牛肉2件为去年新增: the new ones, of that year
            breakdown = "新增"
            said = periods_in(ctx, ref, newly.start("when"), newly.end("when")) if newly.group("when") else []
            period = said[0] if said else period
        if item and subject is not None and subject.kind is Kind.PRODUCT_CATEGORY and not target:
            breakdown = item
        where = place or ctx.home
        if before_state:
            breakdown, period = "调整前", Period(None, None, -1)
        obs = Observation(
            measure=measure, value=value, unit=unit.unit, span=ctx.span(m.start(), end), subject=subject,
            qualifier=qualifier, level=level,
            period=(compared.group(1) or compared.group(2)) if compared else period.value,
            place=where.name if where else None,
            categories=tuple(examples), breakdown=breakdown, period_words=period.words,
            subject_inferred=how == "inferred", period_inferred=period.start < 0,
            confidence=min(CONFIDENCE[how], CONFIDENCE[period_how], _meaning_confidence(measure, subject)),
        )
        out.append(obs)
        prev = obs
    return out


NEWLY_AFTER_RE = re.compile(r"为(?P<when>去年|今年|上年|20\d{2}年)?(?:新增|新认定|新获批)")
THRESHOLD_RE = re.compile(r"(?:以上|以下|及以上|及以下)?的[^，,；;。\d]{1,8}?(?:有|达|共|为)?[\d一二两三四五六七八九十]")
GENERIC_MEASURES = frozenset({"数量", "比率", "比例", "类别", "种类", "次数", "人数", "金额", "年数", "量"})


def _meaning_confidence(measure: str, subject: Ref | None) -> float:
    """A figure whose measure is only its unit's generic name (个 → 数量) or one leftover character
    (…站, …社) says nothing of what was counted: its meaning cannot be told, so it is low-confidence —
    unless it counts the acts of the check or campaign that is its subject (开展…执法检查4600余次)."""
    if subject is not None and subject.kind in INSPECTION_KINDS and measure == "次数":
        return 1.0
    if measure in GENERIC_MEASURES or len(measure) < 2:
        return CONFIDENCE["inferred"]
    return 1.0


PRODUCT_RATE_RE = re.compile(r"(?P<product>[^，,；;。：:\d]{2,12}?)(?:的|产品)?(?:抽查|抽检|检验)?不?合格率(?:为|达到|达|是)?$")
NOT_A_PRODUCT = re.compile(r"抽查|抽检|检验|检定|检测|总体|平均|综合|全市|全省|全县|全区|质量|监督|整体")


def _product_rate(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit: str, subject: Ref | None,
                  prev: Observation | None) -> Ref | None:
    """``…抽查1850批次，合格率95.1%。其中电动自行车合格率为91.4%，儿童服装合格率为93.2%``: each product's
    pass rate is the product's, a part of the check (only after 其中, or right after another one)."""
    if unit != "Percent" or subject is None:
        return None
    cs = clause_start(ctx, sent, pos)
    m = PRODUCT_RATE_RE.search(ctx.text, cs, pos)
    if m is None:
        return None
    after_part = prev is not None and prev.subject is not None and prev.subject.kind is Kind.PRODUCT_CATEGORY \
        and prev.span.start >= sent.span.start
    if subject.kind not in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION) and not (
            after_part and subject.kind is Kind.PRODUCT_CATEGORY):
        # 电动自行车、儿童玩具等12种产品不合格率较高，其中电动自行车不合格率为18.4%: a product listed
        # before in the sentence, in a report of checks
        named = re.sub(r"^其中", "", m.group("product"))
        listed = re.search(re.escape(named) + r"[、等]", ctx.text[sent.span.start:cs])
        if not listed or not any(e.kind in INSPECTION_KINDS for e in ctx.entities if e.span.start < pos):
            return None
    lead = re.match(r"其中", m.group("product"))
    product = m.group("product")[lead.end() if lead else 0:]
    start = m.start("product") + (lead.end() if lead else 0)
    if re.match(r"产品", ctx.text[m.end("product"):]) and product[-1] in "农水畜林":
        product += "产品"  # 食用农产品合格率: 产品 is part of the name
    part_sentence = re.fullmatch(r"\s*其中[，,：:]", ctx.text[sent.span.start:cs])  # 其中，食用农产品合格率98.2%
    if not _a_product(ctx, product, start) or not (lead or after_part or part_sentence
                                                   or _sibling_rate(ctx, sent, pos)):
        return None
    return ctx.add(Kind.PRODUCT_CATEGORY, product, start, start + len(product)).ref


SIBLING_RATE_RE = re.compile(r"[，,]\s*(?P<product>[^，,；;。：:\d]{2,12}?)(?:的|产品)?(?:抽查|抽检|检验)?不?合格率"
                             r"(?:为|达到|达|是)?\d")
NOT_A_CATEGORY = re.compile(r"领域|环节|行业|企业|单位|批次|样品|[市县区镇省州乡村]$")


def _a_product(ctx: Ctx, name: str, start: int) -> bool:
    """``name`` before a pass rate may be a product category: not a check, a total, a place, a field
    (生产领域) or a kind of firm."""
    return len(name) >= 2 and not NOT_A_PRODUCT.search(name) and not NOT_A_CATEGORY.search(name) \
        and name not in ctx.lex.place_names \
        and not any(e.kind is Kind.PLACE for e in ctx.entities_in(start, start + len(name)))


def _sibling_rate(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """``抽查结果显示，电线电缆合格率为95.0%，电动自行车合格率为92.5%``: the next clause of the sentence
    gives another product's pass rate — the figures are the parts of a list of categories, each its own."""
    stop = next((i for i in range(pos, sent.span.end) if ctx.text[i] in "，,；;。"), sent.span.end)
    m = SIBLING_RATE_RE.match(ctx.text, stop, sent.span.end)
    return m is not None and _a_product(ctx, m.group("product"), m.start("product"))


def _programme_paragraph(ctx: Ctx, scope: Scope, sent: Sentence, pos: int) -> bool:
    """An earlier sentence of the paragraph names a programme or a company: a figure the rules would
    give the document's place may be the list's or the firm's — it cannot be told."""
    return any(e.kind.is_programme or e.kind is Kind.ENTERPRISE
               for e in ctx.entities_in(scope.paragraph_start, sent.span.start))


def _programme_in_clause(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """A programme of the document named by its core (its name without a leading place) in the
    figure's clause: ``…质量标杆企业87家`` counts 山西省质量标杆's items."""
    clause = ctx.text[clause_start(ctx, sent, pos):pos]
    if re.search(r"拥有|现有", clause):
        return None  # 合肥市现有…质量奖获奖组织17家: a stock the place holds, the place's figure
    clause = clause[clause.rfind("、") + 1:]  # the figure's own item of a list
    for e in ctx.entities:
        if not e.kind.is_programme:
            continue
        core = e.name
        for length in range(min(8, len(core) - 2), 1, -1):
            if core[:length] in ctx.lex.place_names:
                core = core[length:]
                break
        if len(core) >= 3 and core in clause:
            return e.ref
    return None


ENFORCEMENT_RESULT_RE = re.compile(r"立案|查处|罚没|移送公安|核查处置|责令整改")
FAILURES_LEAD_RE = re.compile(r"(?:针对|对)[^，,；;。]{0,12}不合格(?:食用农产品|农产品|食品|产品|商品|企业)?")
FOLLOW_UP_UNSURE = Ref(Kind.INSPECTION, "")
"""A follow-up of failures in a report of several checks: whose it is cannot be told."""


def _follow_up(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """``针对不合格食品，全市立案查处82件，罚没款46.7万元``: the follow-up of a check's failures is the
    check's when the report names one; with several, which one cannot be told (:data:`FOLLOW_UP_UNSURE`).
    General enforcement with no failures named stays the place's."""
    lead = FAILURES_LEAD_RE.search(ctx.text, sent.span.start, pos)
    if lead is None or not ENFORCEMENT_RESULT_RE.search(ctx.text, lead.end(), pos):
        return None
    named = [e for e in ctx.entities if e.kind in (Kind.INSPECTION, Kind.PRODUCT_SPOT_CHECK) and e.span.start < pos]
    checks = {e.ref for e in named}
    if len(checks) > 1:  # 对抽查发现的不合格产品: the report's 抽查 (不合格食品 may be any food check's: unsure)
        words = [w for w in ("抽查", "抽检") if w in ctx.text[lead.start():lead.end()]]
        fits = [e for e in named if any(w in e.name for w in words)]
        return fits[0].ref if fits else FOLLOW_UP_UNSURE
    return checks.pop() if checks else None


def _check_object(ctx: Ctx, seg: _Segment, sent: Sentence, pos: int) -> Ref | None:
    """``对…等6大类68种产品开展省级监督抽查``: counts in the object of a check named right after them
    (in the same clause) are the check's."""
    cs = clause_start(ctx, sent, pos)
    if "对" not in ctx.text[cs:pos]:
        return None
    stop = min((i for i in (ctx.text.find(c, pos, seg.end) for c in "，,；;。") if i != -1), default=seg.end)
    after = [c for c in seg.checks if pos < c.span.start < stop]
    if after and re.search(r"(?:开展|进行|实施|组织)[^，,；;。]{0,6}$", ctx.text[pos:after[0].span.start]):
        return after[0].ref
    return None


DURING_RE = re.compile(r"(?:据了解，)?[“\"]?([^，,；;。“”\"]{2,12}?)[”\"]?期间[，,]")
AMONG_LISTED_RE = re.compile(r"(?:入选|获评|获证|上榜)[^，,；;。\d]{0,6}中[，,]")


def _among_listed(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """``本批入选品牌中，企业品牌4个、区域公用品牌5个``: the sections of a list, counted — the figures of
    the programme the report last named."""
    if not AMONG_LISTED_RE.search(ctx.text, sent.span.start, pos):
        return None
    named = [e for e in ctx.entities if e.kind.is_programme and e.span.start < pos]
    return max(named, key=lambda e: e.span.start).ref if named else None


def _place_item(ctx: Ctx, sent: Sentence, pos: int, measure: str, generic: str) -> bool:
    """The number at ``pos`` follows a place alone (``其中长春市14个、吉林市7个``): the measure read is
    the place's name or the unit's generic name, so the measure is that of the figure before."""
    item = ctx.text[max(clause_start(ctx, sent, pos), ctx.text.rfind("、", sent.span.start, pos) + 1):pos]
    item = re.sub(r"^其中", "", item)
    places = [e for e in ctx.entities_in(pos - len(item), pos) if e.kind is Kind.PLACE and e.span.end == pos]
    return bool(places) and (measure == generic or measure == places[0].name or measure in places[0].name)


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
    if CHANGED_ITEMS_RE.match(ctx.text, _number_end(ctx, pos)):
        # 餐饮食品、酒类等25大类食品抽检不合格率有所降低: how many items moved, no figure of a subject
        return (Ref(Kind.PLACE, ctx.home.name) if ctx.home else None), "inferred"
    programme = (scope.programme(pos, _number_end(ctx, pos)) or scope.indication(pos) or scope.provider(pos)
                 or scope.gathering(pos) or scope.provision(pos))
    if programme is not None:
        return programme, "named"
    target = _check_object(ctx, seg, sent, pos)
    if target is not None:
        return target, "named"
    part_of = check_of_part(ctx, sent, pos)
    if part_of is not None:  # 对…经销企业的…产品抽查中: a part of the check named before
        return part_of, "carried"
    best: tuple[int, Ref, str] | None = None
    insp = seg.check_before(pos)
    if insp is not None and insp.span.start < pos:
        best = (insp.span.start, insp.ref, "named" if insp.span.start >= sent.span.start else "carried")
    topic = seg.topic
    if topic is not None and (best is None or (insp is not None and insp.kind is Kind.TESTING_SERVICE
                                               and insp.span.start >= sent.span.start)):
        best = (topic.span.start, topic.ref, "named")  # 某检测院为…提供检测服务2100余批次: the institute's
    act = scope.activity(pos)
    if act is not None and (best is None or act[0] > best[0] or best[1].kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY)
                            or (insp is not None and act[0] <= insp.span.start < act[1])):  # 民用“三表”专项检查: the whole name
        kind = Kind.ENFORCEMENT if re.search(r"执法|打假|整治|稽查|查处", act[2]) else Kind.INSPECTION
        ref = Ref(kind, act[2])
        if not any(e.ref == ref for e in ctx.entities_in(act[0], act[1])):
            ctx.add(kind, act[2], act[0], act[1], place=ctx.home.name if ctx.home else None)
        best = (act[0], ref, "named" if act[0] >= sent.span.start else "carried")
    topical = best is not None and (best[2] == "carried" or (act is not None and best[0] == act[0]
                                                             and ACTIVITY_LEAD_RE.match(ctx.text, sent.span.start)))
    head = scope.subject_at(pos)
    if head is not None and head.kind is Kind.INDUSTRY_CHAIN and head.span.start < clause_start(ctx, sent, pos):
        head = None  # 某产业链入选…项目，另确定十个市级项目: a chain owns only its own clause's figures
    if head is not None and (best is None or head.span.start > best[0]) and not (topical and head.kind is not Kind.PLACE):
        # a place or company heading the clause; an organisation does not displace the paragraph's check
        same_clause = clause_start(ctx, sent, pos) <= head.span.start
        best = (head.span.start, head.ref, "named" if same_clause else "carried")
    if best is not None and best[1].kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY):
        # 市市场监管局开展…，检查门店460余家: a bureau acts for its place, or for a campaign the rules may
        # not know — whose figure it is cannot be told
        return (Ref(Kind.PLACE, ctx.home.name) if ctx.home else best[1]), "inferred"
    if best is not None and insp is not None and best[1] == insp.ref and insp.kind is Kind.ENFORCEMENT \
            and insp.span.text != insp.name and ctx.home is not None:
        # 检查特种设备使用单位三百余家，立案查处…: enforcement with no campaign named (the check's name is
        # only the rules' default) — general enforcement, the place's or a campaign's: it cannot be told
        return Ref(Kind.PLACE, ctx.home.name), "inferred"
    if best is not None:
        return best[1], best[2]
    cs = clause_start(ctx, sent, pos)
    if any(e.kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY) and e.span.start <= cs + 2
           for e in ctx.entities_in(cs, pos)) and ctx.home is not None:
        # …；市工商局查处…案件412件: a bureau heading the clause acts for its place or for a campaign the
        # rules may not know — whose figure it is cannot be told
        return Ref(Kind.PLACE, ctx.home.name), "inferred"
    local = scope.local_place(pos)
    if local is not None:
        return local, "carried"  # 东西湖区建成…。今年以来，全区…: the district's
    if place is not None and (not ctx.plausible(place) or (place.level == "county" and not ctx._near(place)
                                                            and place.name not in ctx.text[clause_start(ctx, sent, pos):pos])):
        place = None  # 新建… is no 新建区 in a report from elsewhere (a district's short name far from home)
    where = place or ctx.home
    if place is not None and place is not ctx.home:
        listed = _programme_in_clause(ctx, sent, pos)
        if listed is not None and listed.name.startswith(place.name):
            return listed, "carried"  # 新培育陕西省质量标杆企业两家: the place names the programme, not the figure
    if where is ctx.home:
        during = DURING_RE.match(ctx.text, sent.span.start)
        if during and during.end() <= pos:  # 质量月期间，全市…活动40余项: the event's, if the report names it
            event = next((e for e in ctx.entities if e.kind in (Kind.EVENT, Kind.MEETING) and e.name == during.group(1)), None) \
                or next((e for e in ctx.entities if e.kind is Kind.EVENT and e.name.startswith(during.group(1))), None)
            return (event.ref, "carried") if event else (Ref(Kind.PLACE, where.name), "inferred")
        listed = _programme_in_clause(ctx, sent, pos) or _among_listed(ctx, sent, pos)
        if listed is not None:  # 全省累计培育省级质量标杆企业87家: the list's count, the programme's figure
            return listed, "carried"
    if where is None:
        return None, "inferred"
    if where is ctx.home and SHARE_LIST_RE.search(ctx.text, sent.span.start, pos):
        # 不合格项目占抽检不合格样品总量为：农药残留超标42.98%，…: shares of a total the sentence names
        # no owner for — the place is a guess
        return Ref(Kind.PLACE, where.name), "inferred"
    check = _follow_up(ctx, sent, pos)
    if check is FOLLOW_UP_UNSURE:
        return Ref(Kind.PLACE, where.name), "inferred"
    if check is not None:
        return check, "carried"
    if scope.names_home(pos) or where is not ctx.home:
        return Ref(Kind.PLACE, where.name), "named"
    if ctx.text[(cs := clause_start(ctx, sent, pos)):cs + 2] in ("我国", "全国") and opens_with_home(ctx, cs, pos):
        return Ref(Kind.PLACE, where.name), "named"  # 我国制造业产品质量合格率… in a national report: the country's
    marker = list(HOME_WORDS.finditer(ctx.text, sent.span.start, pos))
    if marker and where is ctx.home and not ctx.entities_in(marker[-1].end(), pos) \
            and not re.match(r"其中|各", ctx.text[clause_start(ctx, sent, pos):pos]):
        return Ref(Kind.PLACE, where.name), "carried"  # 全市共有…41家、…398家，…重点实验室12个: the sentence's 全市
    if scope.competitors(scope.paragraph_start, pos) or scope.uncertain(pos) or _programme_paragraph(ctx, scope, sent, pos):
        return Ref(Kind.PLACE, where.name), "inferred"
    return Ref(Kind.PLACE, where.name), "document"
