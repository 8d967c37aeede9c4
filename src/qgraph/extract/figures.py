"""Figures: a number with a unit becomes an observation with its subject, period, breakdown and confidence.

The subject is the nearest one named before the number — a check, a campaign, the sentence's topic
organisation, a place or company heading the clause, a programme whose recipients are counted —
else the document's place (marked inferred when a competitor is named); see :mod:`.scope`. The
period is read by :mod:`.periods`: the figure's clause, else its sentence's head, else its paragraph's
head, else the year the document speaks of.
"""

from __future__ import annotations

import dataclasses
import re

from .patterns import compiled
from ..model import CONFIDENCE, INSPECTION_KINDS, Kind, Observation, Ref, Sentence
from ..lexicon import Lexicon, UnitInfo, per_lexicon
from .check_levels import check_level
from .approvals import approved
from .context import Ctx
from .glued_checks import check_after
from .shared_values import keep_apart, shared_measures
from .measure_edges import money_noun, per_head_measure
from .group_sizes import group_size
from .agent_clauses import agent_clause, checked_objects
from .bureaus import acting_bureau, bureau_measure, others_share, short_share_total
from .frames import campaign_frame, campaign_goal_frame, during_frame, list_frame, plan_frame
from .gradings import grading_frame
from .award_selections import award_count_frame
from .measure_words import astuple_reading, clean_measure, compound_tails, glued_measure
from .measures import _measure, _not_a_count, _Segment, _unit_at, is_bare_total, level_after_number
from .numbers import NUMBER_RE, parse_number
from .periods import Period, Reference, clause_start, figure_period, is_target, periods_in, reference
from .owners import (PER_ITEM_RE, PER_LEAD_RE, attendance, bracketed_place, bracketed_product, from_to_measure, gathering_figure,
                     group_named_again, held_stock, indicator_of_place, place_in_sentence)
from .parts import SHARE_LIST_RE, checked_measure
from .gates import gated, gated_part
from .figure_qualifiers import doing_qualifier, kind_of_whole
from .breakdown_lists import COUNT_BEFORE_RESPECTIVE_RE, listed_breakdowns
from .area_frames import in_area_frame
from .coordinated_rates import coordinated_rates
from .level_leads import lead_level
from .paired_changes import paired_change
from .sampled_categories import sampled_category
from .scope import Scope, breakdown_at, breakdown_label, breakdown_prefix, breakdown_words
from .series import series_years
from .ranked_categories import ranked_category
from .subjects import _place_item, _product_rate, _subject, item_organisation, listed_rate
from .occasion_days import occasion_day
from .whole_clauses import carry_ended
from .quoted_owners import quoted_item
from .rate_conditions import rate_condition
from .statistics_shapes import change_of_total, firm_referred_to, item_rate, level_alone, listed_programme, points_back_at_firm, short_place_head, modifier_part, names_plan, part_breakdown, part_share, risen_to_period, title_holders, unnamed_members

YEAR_ONLY_CLAUSE_RE = re.compile(r"\s*(?:到|至)?20\d{2}年(?:底|末)?(?:为|达到|达|是)?")
"""``…，2026年为2800件``: a clause of a year and its figure only — the measure of the figure before."""

SAME_PERIOD_BEFORE_RE = re.compile(r"(?:比|较|与|同比)(?:上年|去年)同期(?:[^，,。；;\d]{0,6}的)?$")
"""``较上年同期核准的11家``: the figure of the same part of the year before, a baseline of the one before it."""
COMPARED_RE = re.compile(r"(?:(?:比|较|同比|与|从|到)(\d{4})年(?:同期)?的?|(\d{4})年(?:底|末)?的)$")
COMPARED_WHOLE_RE = re.compile(r"(?:比|较|与)(\d{4})年(?:同期)?[^，,。；;]{1,12}?的$")
"""``…达7099亿元，较2022年10条产业链的3885亿元…``: a baseline of that year, of the measure of the figure before."""


SHARED_BOUND_RE = re.compile(r"(?:上述|以上|前述|这|该)[\d一二三四五六七八九十]+[种类]")


def _shared_bound(ctx: Ctx, cond_start: int) -> bool:
    """A rate condition that gives each of the kinds named before its rate (``上述6类产品合格率均为100%``):
    a value shared among them, not a bound of new kinds counted."""
    return "均" in ctx.text[cond_start:cond_start + 12] or SHARED_BOUND_RE.search(
        ctx.text, max(0, cond_start - 12), cond_start) is not None


def _latest_before(ctx: Ctx, sent: Sentence, pos: int, prev: Observation | None) -> Observation | None:
    """The last figure of this sentence before ``pos``: ``prev``, or a count read earlier by the
    listing rules (授予…等5家组织“…奖”，各奖励50万元)."""
    found = [o for o in ctx.observations if sent.span.start <= o.span.start and o.span.end <= pos]
    if prev is not None and prev.span.start >= sent.span.start:
        found.append(prev)
    return max(found, key=lambda o: o.span.end, default=None)


PER_HEAD_LEAD_RE = re.compile(r"每(?:十万|万|千|百)人口?")
RATE_BEFORE_RUN_RE = re.compile(r"(?:全市|全省|全县|全区)?(?P<rate>[\u4e00-\u9fff]{0,16}?(?:率|度))连续[\d一二三四五六七八九十两]+年"
                                r"(?:保持在?|稳定在|达到|达|为|均在|在)?$")


def _year_split_measure(ctx, sent, pos: int, measure: str) -> str:
    """A short measure with a year written inside its phrase (``公共服务满意度2023年得分81.2分``): the words before
    the year are the measure's head (公共服务满意度得分), a place opening them left out (the subject's)."""
    if len(measure) > 2:
        return measure
    clause = ctx.text[clause_start(ctx, sent, pos):pos]
    if "年" not in clause or measure not in clause:
        return measure  # (the pattern needs both: none is compiled for a measure the clause lacks)
    m = compiled(r"(?P<noun>[\u4e00-\u9fff]{2,14}?)20\d{2}年度?" + re.escape(measure) + r"(?:为|达到|达|是)?$").search(clause)
    if m is None:
        return measure
    noun = m.group("noun")
    cut = next((k for k in range(len(noun) - 2, 1, -1) if ctx.resolve_place(noun[:k]) is not None), 0)
    return noun[cut:] + measure


@per_lexicon
def _shared_holder_re(lex: Lexicon) -> re.Pattern[str]:
    """A second count with the holder noun (``award_holder_nouns.txt``) the first one shares (see :func:`_shared_holder`)."""
    return re.compile(r"(?P<x>[^，,。；;：:、\d]{1,10}?)[和及与][\d一二三四五六七八九十两]+(?:家|个|名|位)"
                      r"[^，,。；;：:、\d]{1,12}?(?P<head>(?:获奖|获证|入选)?(?:" + lex.alternation("award_holder_nouns.txt")
                      + r"))(?![\u4e00-\u9fff])")


def _shared_holder(ctx, end: int, measure: str) -> str:
    """``5家质量奖和10家提名奖获奖组织``: the holder noun written once after the second count is the first's too."""
    m = _shared_holder_re(ctx.lex).match(ctx.text[end:end + 40])
    if m is None or measure != m.group("x") or measure.endswith(m.group("head")):
        return measure
    return measure + m.group("head")


def bare_list_item(lex, between: str) -> bool:
    """True when the words between a figure and the next are a bare item of the same list (``，江苏精品``,
    ``、提名奖``): one separator, a short noun phrase, no verb or time word of its own (``new_list_breakers.txt``)."""
    m = re.fullmatch(r"[，,、]([^，,、；;。：:\d]{1,16})", between)
    return m is not None and not any(w in m.group(1) for w in lex.words("new_list_breakers.txt"))


def framed_measure(lex, measure: str, unit) -> str:
    """The unit's own measure where the words read are no measure: the object of a check written with
    its breakdown (``某局对流通领域12大类…``: 流通领域 is the breakdown, 大类 what is counted), or a generic
    noun after a count of batches (``214批次产品``); a noun with the verb of its entry after it reads verb first
    (``311家企业入库`` → 入库企业)."""
    framed = re.search(r"对(?P<obj>[^对，,。；;]{1,8})$", measure)
    if framed and breakdown_label(lex, framed.group("obj")) and any(
            framed.group("obj") == w for w, _ in breakdown_words(lex)):
        return unit.measure
    if unit.unit == "Pici" and measure in lex.words("batch_generic_nouns.txt"):
        return unit.measure
    entered = next((v for v in lex.words("entry_verbs.txt") if measure.endswith(v) and len(measure) >= len(v) + 2), None)
    if entered is not None:  # 311家企业入库: 入库企业
        return entered + measure[:-len(entered)]
    return measure


@per_lexicon
def _implied_units(lex: Lexicon) -> tuple[tuple[str, UnitInfo], ...]:
    rows = lex.table("unit_implied_heads.tsv", columns=2, header="word")
    by_unit = {u.unit: u for u in lex.units if u.word}
    return tuple(sorted(((w, UnitInfo("", u, 1, by_unit[u].measure)) for w, u in rows if u in by_unit),
                        key=lambda r: -len(r[0])))


def _implied_unit(ctx: Ctx, lo: int, pos: int) -> UnitInfo | None:
    """The unit a head of ``unit_implied_heads.tsv`` written right before the number at ``pos`` implies
    (``从业人员1023万``: persons), else None."""
    before = ctx.text[max(lo, pos - 8):pos]
    before = re.sub(r"(?:达到|达|为|约|近|超过|有)$", "", before)
    return next((u for w, u in _implied_units(ctx.lex) if before.endswith(w)), None)


def _capped(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """True when the number at ``pos`` follows a cap word (``cap_words.txt``), alone or listed with the
    numbers after it (``分别不超过6个和10个``)."""
    before = re.sub(r"[\d.一二两三四五六七八九十百千万]+(?:个|家|名|项|位|所|人)?[和及与、]$", "",
                    ctx.text[clause_start(ctx, sent, pos):pos])
    before = re.sub(r"[\d.一二两三四五六七八九十百千万]+(?:个|家|名|项|位|所|人)?[和及与、]$", "", before)
    return before.endswith(ctx.lex.words("cap_words.txt"))


TIER_WORDS = frozenset({"省级", "市级", "县级"})
"""The tiers a share of a bureau is read as (``scope.PERFORMER_TIER_RE``)."""


@per_lexicon
def _running_total_re(lex: Lexicon) -> re.Pattern[str]:
    """What stands between a count and its running total (``…26家，累计达到118家``; past a change:
    ``…348件，同比增长14.8%，累计达…``, ``restated_stock_leads.txt``)."""
    return re.compile(r"[，,、\s]*(?:(?:" + "|".join(lex.words("restated_stock_leads.txt")) + r")[，,])?"
                      r"(?:累计|共计|合计|总计|总数)(?:达到|达|增至|为|有)?")


@per_lexicon
def _new_count_re(lex: Lexicon) -> re.Pattern[str]:
    """The verbs of new items opening a measure (新增, 新认定 …; ``new_count_verbs.txt``)."""
    return re.compile("(?:" + lex.alternation("new_count_verbs.txt") + ")")


@per_lexicon
def _restated_new_re(lex: Lexicon) -> re.Pattern[str]:
    """A clause that only says how many of them are new (``，今年新增2家``, ``其中新认定3个``)."""
    return re.compile(r"\s*(?:其中)?(?:今年|去年|本年|当年|全年|年内|20\d{2}年)?(?:其中)?(?:"
                      + lex.alternation("new_count_verbs.txt") + r")了?")


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
        if unit is None and m.group("scale"):
            unit = _implied_unit(ctx, seg.start, m.start())  # 总从业人员1023万，…: the head counts people
        if unit is None:
            unit = bare_score_unit(ctx, seg.start, m)  # 质量竞争力指数为86: a score written bare
        if unit is None:
            continue
        end = m.end() + len(unit.word)
        if ctx.overlaps_claim(m.start("num"), end) or _not_a_count(ctx, m, unit.word, tok.value):
            continue
        if scope.baseline(m.start()):
            continue  # 高于全国平均水平（91.2%）: a baseline, no figure of the subject
        if unit.unit == "Nian" and re.match(r"(?:多|来|间|内|时间|以来)", ctx.text[end:end + 2]):
            continue  # 只用了3年时间, 近3年来: a span of time, no figure
        if unit.unit == "Nian" and ctx.text.startswith(tuple(ctx.lex.words("year_span_followers.txt")), end):
            continue  # 销售收入三年增长40%, 通过三年的努力: the years a change or an effort took
        if unit.unit == "Nian" and names_plan(ctx, end):
            continue  # 小微企业三年成长计划: the years name a plan, no figure
        if ctx.text.endswith(("由", "从"), 0, m.start("num")) and UNDATED_FROM_TO_RE.match(ctx.text, end):
            continue  # 评选周期由1年变成2年: the rule before it changed, no figure
        if THRESHOLD_RE.match(ctx.text, end) or THRESHOLD_LIST_RE.match(ctx.text, end) or (
                OVER_BEFORE_RE.search(ctx.text, max(0, m.start("num") - 3), m.start("num")) and COUNTED_AFTER_RE.match(ctx.text, end)):
            continue  # 营业收入超过1亿元的机构5家 / 合格率达100%的有：…: a threshold that picks what is counted, no figure
        if unit.unit == "Nian" and re.search(r"\d{4}年连续$", ctx.text[max(0, m.start() - 7):m.start()]):
            continue  # 2023年、2024年连续两年: the years said again as a span, no figure
        if unit.unit == "Nian" and ctx.text.endswith(ctx.lex.words("streak_words.txt"), 0, m.start()) \
                and ctx.text.startswith(tuple(ctx.lex.words("streak_verbs.txt")), end):
            continue  # 连续四年实现零事故, 连续3年获评: a streak of a result, no count of the subject (满意度得分连续2年正增长 stays)
        if _capped(ctx, sent, m.start("num")) or ctx.text.startswith(tuple(ctx.lex.words("cap_after_words.txt")), end):
            continue  # 每届获奖组织不超过6个, 限制在3个以内: a limit of the rules, no count
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
        measure, level = astuple_reading(clean_measure(ctx.lex, measure, level))
        alone = level_alone(ctx, measure, level) if prev is not None and prev.unit == unit.unit else None
        if alone is not None:  # …项目56个，其中国家级12个、省级44个: the measure before, at that level
            measure, level = prev.measure, alone
        if unit.unit == "Yuan" and (money := money_noun(ctx.lex, ctx.text, end)) is not None:
            measure = money  # 获得…的组织将获得10万元的奖励: the prize money
        running, restated_cap = False, 1.0
        measure = framed_measure(ctx.lex, measure or unit.measure, unit)
        if (batch := BATCH_QUOTED_RE.match(ctx.text, end)) is not None and measure == batch.group("batch"):
            measure = batch.group("name")  # 共70项首批“湾区标准”: what is counted is the quoted name, not the batch
        if len(measure) <= 2 or measure.endswith(("置率", "社")) or measure in compound_tails(ctx.lex):  # 指导站9处 read as 站: the whole compound
            measure = glued_measure(ctx.lex, ctx.text, measure, clause_start(ctx, sent, m.start()), m.start())
        measure = per_head_measure(ctx.text, end, measure)  # 拥有量达到1.42件/万人: per 10,000 people
        measure = _year_split_measure(ctx, sent, m.start(), measure)  # 满意度2023年得分81.2分: 满意度得分
        measure = _shared_holder(ctx, end, measure)  # 5家质量奖和10家提名奖获奖组织: 质量奖获奖组织
        if measure == unit.measure and unit.unit == "Pici" and (
                kind := QUALIFIED_BATCHES_RE.search(ctx.text, clause_start(ctx, sent, m.start()), m.start("num"))):
            measure = kind.group("kind")  # 不符合标准要求的产品共12批次: what the batches were found to be
        if measure == unit.measure and unit.unit == "Percent" and (
                run := RATE_BEFORE_RUN_RE.search(ctx.text, clause_start(ctx, sent, m.start()), m.start())):
            measure = run.group("rate")  # 合格率连续3年达96%以上: the rate named before the run of years
        if measure.startswith(("每万", "每千")) and prev is not None and prev.unit == unit.unit and prev.measure[:2] == measure[:2] \
                and re.search(r"比20\d{2}年(?:同期)?的$", ctx.text[max(0, m.start() - 10):m.start()]):
            measure = prev.measure  # 达到5.36批次/千人，比2020年的3.23批次/千人…: the same indicator, that year's
        resp_measure, resp_subject, item = seg.respective.get(m.start(), (None, None, None))
        if resp_measure:  # 工业产品合格率、药品抽检合格率分别达93.51%、99.6%
            measure, level = resp_measure, None
        elif resp_subject is not None and prev is not None:
            measure = prev.measure  # 全省已建成服务站163个，其中保定市、…分别建成21个…: the same measure
        elif prev is not None and prev.unit == unit.unit and _place_item(ctx, sent, m.start(), measure, unit.measure):
            measure, level = prev.measure, prev.level  # …项目30个，其中长春市14个、吉林市7个: the same measure
            if _names_organisation(ctx, sent, m.start(), measure):
                measure, level = unit.measure, None  # 涉及甲公司2批次、乙公司1批次: the item before is no measure
        if measure == unit.measure and prev is not None and prev.unit == unit.unit and _running_total_re(
                ctx.lex).fullmatch(ctx.text[prev.span.end:m.start("num")]):
            # 新增…企业26家，累计达到118家 (also past its change: …348件，同比增长14.8%，累计达…): the same measure
            measure, level = prev.measure, prev.level
            resp_subject = resp_subject or prev.subject  # … and the same subject
            restated_cap = min(prev.confidence, CONFIDENCE["carried"])  # … no surer than the figure it restates
            new = _new_count_re(ctx.lex).match(measure)
            if new and len(measure) > new.end() + 1:
                measure, running = measure[new.end():], True  # … the running total, not the new ones
        if measure in ctx.lex.words("total_words.txt") and prev is not None and prev.unit == unit.unit \
                and prev.span.start >= sent.span.start and _new_count_re(ctx.lex).match(prev.measure) \
                and compiled(r"[，,、\s]*" + re.escape(measure) + r"(?:达到|达|为|增至|突破|超过)?").fullmatch(
                    ctx.text[prev.span.end:m.start("num")]):
            # 新增有效注册商标6100件，总量达到5.8万件: the total of what the count before added to, not a bare 总量
            new = _new_count_re(ctx.lex).match(prev.measure)
            if len(prev.measure) > new.end() + 1:
                measure, level, running = prev.measure[new.end():], prev.level, True
                resp_subject = resp_subject or prev.subject
                restated_cap = min(prev.confidence, CONFIDENCE["carried"])
        restated_new = False
        if measure == unit.measure and prev is not None and prev.unit == unit.unit and prev.span.start >= sent.span.start \
                and len(prev.measure) >= 2 and prev.measure not in GENERIC_MEASURES \
                and _restated_new_re(ctx.lex).fullmatch(ctx.text, clause_start(ctx, sent, m.start()), m.start("num")):
            # 全市已有国家级企业技术中心9家，今年新增2家: the new ones of the stock before, a restatement — vouched for less
            new = _new_count_re(ctx.lex).match(prev.measure)
            measure, level, restated_new = prev.measure[new.end():] if new else prev.measure, prev.level, True
            resp_subject = resp_subject or prev.subject
            restated_cap = min(prev.confidence, CONFIDENCE["carried"])
        if not resp_measure and resp_subject is None:
            measure, item = _category_part(ctx, sent, m.start(), measure, unit.unit, out, item)
        if measure.startswith("的") and len(measure) > 2:
            measure = measure[1:]  # 超过1亿元的机构5家: 机构
        if measure in ("了", "的", "着", "过"):
            measure = unit.measure  # 全年抽查了14种: a particle left of the verb is no measure
        measure = measure_before_change(ctx, sent, m.start(), measure)  # 合格率提升2.1个百分点至95.3%: 合格率
        if unit.unit not in ("Percent", "Lei", "Zhong") and not resp_measure and resp_subject is None:
            measure = listed_measure(ctx, sent, m.start(), measure)  # 其中，商标侵权、假冒专利案件4.41万件: both kinds
        measure = re.sub(r"(?<=.)(?:共|(?:联合|共同)(?:举办|主办|承办)|共同)$", "", measure)  # 18家单位共开展…: 单位
        measure = re.sub(r"(?<=..)(?:力争|争取|预计|确保|分别|均)$", "", measure)  # 有效发明专利力争达到…, 合格率均达…: the target word, 分别, 均 are no part
        if measure == unit.measure and prev is not None and prev.unit == unit.unit and YEAR_ONLY_CLAUSE_RE.fullmatch(
                ctx.text, clause_start(ctx, sent, m.start()), m.start()):
            measure, level = prev.measure, prev.level  # …达到5000件，2026年为2800件: the same measure, that year's
        measure = total_of_head(ctx, sent, m.start(), measure)  # 市场主体增长率…，目前总量达…: 市场主体
        designated = DESIGNATED_AS_RE.match(ctx.text, end)
        if designated and measure == designated.group("n") and not ctx.entities_in(designated.start("x"), designated.end()):
            said_level, measure = level_after_number(ctx.lex, designated.group("x"))  # 认定甲公司等100家企业为重点产业链链主企业: the firms as what they were named
            level = level or said_level  # (…为省级企业技术中心: the level a dimension of its own)
        if unit.unit == "Percent" and not resp_measure:
            measure = bare_share_measure(ctx, sent, m.start(), measure, prev)  # 养殖业116件，占总量的17.74%: 占地理标志商标总量
        measure, unit = checked_measure(ctx, sent, m.start(), measure, unit)
        if unit.unit == "Pici" and (k := breakdown_prefix(ctx.lex, measure)) and any(t.word in measure[k:] for t in ctx.lex.triggers):
            measure = unit.measure  # 生产环节抽检食品620批次: the part is the breakdown, the check's batches the measure
        if ctx.text[m.start() - 1:m.start()] == "等" and COUNT_BEFORE_RESPECTIVE_RE.match(ctx.text, end):
            measure = unit.word  # 甲、乙、丙等3大类食品不合格率分别为…: how many items the list has, not a rate
        moved, before_state = from_to_measure(ctx, sent, m.start(), prev)
        if moved:  # 商标年申请量从8.1万件增至10.6万件: both are the measure named before 从
            measure, level = moved, None
        outcome = re.match(r"[^，,。；;]*?(不合格|合格)(?:样品|产品)?(?=[，,。；;]|$)", ctx.text[end:seg.end])
        if outcome and unit.unit in ("Pici", "Jia") and "合格" not in measure:
            measure = outcome.group(1) + measure  # 有9家企业的11批次产品不合格: the failures, not the sample
        elif unit.unit == "Pici" and "合格" not in measure and (
                said := re.search(r"(不合格|合格)的$", ctx.text[max(seg.start, m.start() - 4):m.start()])):
            measure = said.group(1) + measure  # 对抽查不合格的6批次产品: the failures, named before the number
        compared = COMPARED_RE.search(ctx.text[max(seg.start, m.start() - 12):m.start()])
        if compared is None and (compared := COMPARED_WHOLE_RE.search(ctx.text, clause_start(ctx, sent, m.start()), m.start())) \
                and prev is not None and prev.unit == unit.unit and prev.span.start >= sent.span.start:
            measure, level = prev.measure, prev.level  # 较2022年10条产业链的3885亿元: that year's value of the measure before
        subject, how = _subject(ctx, seg, sent, scope, m.start(), place, resp_subject)
        listed_org = item_organisation(ctx, sent, m.start()) if resp_subject is None else None
        if listed_org is not None:  # 其中甲公司4项、乙公司3项: each firm's own figure
            subject, how = listed_org, "named"
        if _names_organisation(ctx, sent, m.start(), measure, ending=True):
            measure = unit.measure  # 涉及甲公司2批次: the firm written right before the count is no measure …
            if subject is None or subject.name != ctx.text[m.start() - len(subject.name):m.start()]:
                how = "inferred"  # … and whose figure it is, the firm's or the subject's, is not told
        if holder_share(ctx, sent, m.start(), measure, unit.unit):  # 其中甲公司5项: a firm's short name, no measure
            same = prev is not None and prev.span.start >= sent.span.start and prev.unit == unit.unit
            measure = prev.measure if same else unit.measure
            if subject is None or subject.kind is Kind.PLACE:
                how = "inferred"  # … whose share it is, the firm's or the place's, the rules do not tell
        if unit.unit == "Percent" and not resp_measure and resp_subject is None and RESPECTIVE_VALUES_RE.search(
                ctx.text[sent.span.start:m.start()]):
            how = "inferred"  # 甲、乙等3类…合格率分别为a、b、c with no item read for each: whose rate is not told
        glued = check_after(ctx, end) if unit.unit in ("Lei", "Zhong") else None
        if glued is not None:  # …等7类产品市级监督抽查140批次: the check's product classes
            subject, how = glued[0].ref, "named"
            measure = glued[1] if unit.word in ("类", "种") else unit.word + glued[1]  # 3大类食品: 大类食品
        plan_parts, acting_place, goal = False, None, False
        cut, product = bureau_measure(measure) if unit.unit == "Pici" else (False, None)
        if cut:  # 市场监管局抽检食品210批次: the bureau and its check verb are no measure; the product a category
            measure = unit.measure
            if product is not None and (at := ctx.text.rfind(product, sent.span.start, m.start())) != -1:
                examples = [*examples, ctx.add(Kind.PRODUCT_CATEGORY, product, at, at + len(product)).ref]
        acting = acting_bureau(ctx, sent, m.start())
        if acting is not None:  # 某区市场监管局抽检… / 市局完成的4068批次抽检中，…: the bureau's, or its place's
            acting_place = acting.place
            if subject is None or subject.kind not in INSPECTION_KINDS or acting.total_at >= 0:
                subject, how = acting.subject, "named"  # a bureau's share: all its counts are the bureau's (a check of another place's bureau stays the check's)
            if re.fullmatch(r"(?:抽检|抽查)?中", measure):
                measure = unit.measure
        elif short_share_total(ctx, sent, m.start()) or others_share(ctx, sent, m.start()):
            how = "inferred"  # 市局完成的4068批次抽检中 with the bureau not told: no total of the check, nor the place's
        graded = (grading_frame(ctx, sent, m.start(), measure) or award_count_frame(ctx, sent, m.start(), measure)) if (
            subject is None or subject.kind is Kind.PLACE or how == "inferred") else None
        if graded is not None:  # 开展…分级评价，共评定A级企业12家: the grading's (or unsure), not the place's
            subject, how, measure = graded.subject, graded.how, graded.measure
        elif subject is None or subject.kind is Kind.PLACE or how == "inferred":
            frame = (plan_frame(ctx, sent, m.start(), measure) or campaign_frame(ctx, sent, m.start())
                     or campaign_goal_frame(ctx, sent, m.start()) or during_frame(ctx, sent, m.start()))
            if frame is not None:  # 开展某行动，走访企业160余家 / 质量月期间… / 《方案》提出9个方面: the frame's
                subject, how, plan_parts, goal = frame.subject, frame.how, frame.plan, frame.target
            elif (day := occasion_day(ctx, sent, m.start())) is not None:
                subject, how = day, "carried"  # 活动当天，发放宣传资料2000余份: the event's, of its day
            elif (listed := list_frame(ctx, sent, m.start(), scope.paragraph_start)) is not None:
                subject, how = listed.subject, "carried"  # 首届“某名品”共评出名品30个，其中工业品18个: the list's
                whole = next((o for o in reversed(out) if o.subject == subject and o.breakdown is None
                              and o.unit == unit.unit), None)
                if listed.section is not None and whole is not None:
                    item, measure = listed.section, whole.measure
        group = PRODUCT_GROUP_RE.search(ctx.text, sent.span.start, sent.span.end)
        if group and group.start("n") <= m.start() and unit.unit in ("Zhong", "Percent") and not resp_measure and (
                subject is None or subject.kind in INSPECTION_KINDS or subject.kind is Kind.PLACE):
            # 抽查的家用电器包括甲、乙等15种产品，抽查不合格率为17.7%: the group's count and rate
            subject, how = ctx.add(Kind.PRODUCT_CATEGORY, group.group("group"), group.start("group"), group.end("group")).ref, "named"
        if measure == unit.measure and subject is not None and subject.kind.is_programme and re.search(
                "[“\"]" + re.escape(subject.name) + r"[”\"](?:累计|总数)?(?:达到|达|突破|增至)?$",
                ctx.text[clause_start(ctx, sent, m.start()):m.start()]):
            measure = subject.name  # 全市“湖南名品”达到60个: the list's items, named by the list
        own = re.search(r"(?:项目|示范区|示范县|标杆)$", subject.name) if subject is not None and subject.kind.is_programme else None
        if own and measure.startswith(subject.name):
            rest = measure[len(subject.name):]  # 质量标杆企业2家: the items written after the programme's name
            measure = rest if re.fullmatch(r"[\u4e00-\u9fff]{1,4}", rest) else own.group()  # 21个跨区域…项目: its own items
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
            if re.match(r"参加|出席|参会|到会|与会", measure) and (unit.measure == "人数" or not measure.startswith("参会")):
                measure = "参加人数"  # 参会单位 (29个单位参加会议) stays a count of units
        ended = carry_ended(ctx, sent, m.start(), subject) if how != "named" else None
        if ended is not None:  # 活动现场，发放资料500份，全市受理投诉1200件: the whole's, not the event's
            subject, how = ended
        if how == "document" and unit.unit in ("Pici", "Zhong", "Lei") and any(
                e.kind in INSPECTION_KINDS for e in ctx.entities if e.span.start < m.start()):
            how = "inferred"  # …等12种产品不合格率较高 in a check's report: the check's or the place's?
        if unit.unit == "Nian" and ctx.text[max(0, m.start() - 2):m.start()] == "连续":
            how = "inferred"  # 连续五年获评A级: a streak — a span of time more than a count of the subject
        if PER_ITEM_RE.search(ctx.text, clause_start(ctx, sent, m.start()), m.start()) \
                or PER_LEAD_RE.search(ctx.text, max(0, m.start() - 3), m.start()):
            how = "inferred"  # 每条产业链明确1名市领导: a norm per item, no count of the subject
        if enumeration_size(ctx, clause_start(ctx, sent, m.start()), m.start(), end, value) or announced_parts(ctx, end):
            how = "inferred"  # 推进甲、乙、丙、丁四项重点工程, 做好七个方面工作：…: how many parts the list names, no count of the place
        if group_size(ctx.lex, ctx.text, clause_start(ctx, sent, m.start()), m.start(), end):
            how = "inferred"  # 被评为全省5个…之一, 报告中16处提及: a group's size or a document's count
        if agent_clause(ctx.lex, ctx.text, clause_start(ctx, sent, m.start()), m.start()):
            how = "inferred"  # 某某活动带动消费2亿元: the activity's figure, not surely the place's
        if checked_objects(ctx.lex, ctx.text, clause_start(ctx, sent, m.start()), m.start(), end) \
                and subject is not None and subject.kind is Kind.PLACE:
            how = "inferred"  # 对全市30家企业进行检查: what a check covered, no stock of the place
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
        each = unit.unit == "Yuan" and EACH_AWARD_RE.search(ctx.text, max(sent.span.start, m.start() - 8), m.start())
        granted = [x for x in ctx.listings if sent.span.start <= x.span.start and x.span.end <= m.start()] if each else []
        if each and granted and how in ("document", "inferred") and (before is None or before.span.end < granted[-1].span.start):
            subject, how = granted[-1].programme, "carried"  # 授予甲、乙“某奖”，并分别奖励人民币40万元: each winner's prize
        if how in ("document", "inferred") and before is not None and (opens_with_part or each or re.match(
                r"其中|各|每家|每个|每项", ctx.text[clause_start(ctx, sent, m.start()):m.start()])):
            subject, how = before.subject, "carried"  # …其中制造业产品71个 / …，各奖励50万元: the same subject
            if before.subject_inferred or before.confidence < CONFIDENCE["document"]:
                how = "inferred"  # carried from a figure unsure of its subject: as unsure
        elif each and how == "document" and subject is not None and subject.kind is Kind.PLACE:
            how = "inferred"  # 对获奖企业分别给予50万元奖励: each recipient's prize, no sum of the place
        if (how != "inferred" and prev is not None and prev.subject_inferred and prev.span.start >= sent.span.start
                and subject == prev.subject and not ctx.entities_in(clause_start(ctx, sent, m.start()), m.start())
                and not (how == "named" and scope.names_home(m.start()))):  # …，全省建成…: the clause's own words
            how = "inferred"  # …查处案件412件，罚没款1536.8万元: the same unsure subject, carried on
        bound = next((c for c in ctx.memo.get("rate_conditions", ()) if c[0] <= m.start() < c[1]), None)
        product = _product_rate(ctx, sent, m.start(), measure, unit.unit, subject, prev) if bound is None else None
        if product is not None:  # 其中电动自行车合格率为91.4%: the product's pass rate within the check
            subject, breakdown_item = product, product.name
            item = item or breakdown_item
        elif listed_rate(ctx, sent, m.start(), subject):
            how = "inferred"  # …某抽检合格率98.7%，出口食品、农产品检验合格率100%: not surely the check's
        insp = seg.check_before(m.start())
        if insp is not None and insp.kind is Kind.TESTING_SERVICE and subject != insp.ref and measure == unit.measure:
            measure = re.sub(r"（\d+）$", "", insp.name)  # 某院提供检测服务2100余批次: the institute's 检测服务
        ranked = ranked_category(ctx, sent, m.start(), prev if prev is not None else (out[-1] if out else None))
        if ranked is not None and (subject is None or subject.kind is Kind.PLACE or how == "inferred"):
            subject, how = ranked.check.ref, "carried"  # 合格率最低的是甲类，为50%: the check's figure for 甲
            measure = ranked.measure or unit.measure
        else:
            ranked = None
        if (subject is None or (subject.kind is Kind.PLACE and how != "named")) and (
                firm := firm_referred_to(ctx, sent, m.start(), scope.paragraph_start)) is not None:
            subject, how = firm, "carried"  # 甲公司…。该公司拥有有效发明专利86件: the company's
        elif subject is not None and subject.kind is Kind.PLACE and how != "named" and points_back_at_firm(ctx, sent):
            how = "inferred"  # 该公司拥有… with no company named before: whose it is cannot be told
        if subject is not None and subject.kind.is_organization and measure.startswith(subject.name) \
                and len(measure) >= len(subject.name) + 2:  # 某公司现有有效发明专利420件: the firm is the subject, no part of the measure
            measure, level = astuple_reading(clean_measure(ctx.lex, measure[len(subject.name):], level))
        if measure == unit.measure in ("种类", "类别") and subject is not None and subject.kind in INSPECTION_KINDS:
            measure = "产品" + measure  # 全年抽查了20种…产品: the kinds of products the check covered
        condition = rate_condition(ctx.text, end, unit.unit)
        if condition is not None:  # 甲、乙等12种产品抽样合格率为100%: the kinds of the check that met the rate
            measure = condition[0]
            check = next((o.subject for o in reversed([*ctx.observations, *out]) if o.subject is not None
                          and o.subject.kind in INSPECTION_KINDS and not o.subject_inferred), None)
            if check is not None and (subject is None or subject.kind is Kind.PLACE or how == "inferred"):
                subject, how = check, "carried"
            ctx.memo.setdefault("rate_conditions", []).append((condition[2], condition[3], subject))
        if bound is not None and not _shared_bound(ctx, bound[0]):
            continue  # …12种产品抽样合格率为100%: the rate bounds the kinds counted (their qualifier), no figure of
            # its own: read as one, it would stand beside the check's own rate as a rival
        if bound is not None:  # 上述6类产品合格率均为100%: each listed kind's rate, shared out later
            subject, how = bound[2], "inferred"
        quoted = quoted_item(ctx, sent, m.start(), measure, subject)
        if quoted is not None:  # 其中“某地芒果”年产值超过5亿元: the quoted item's, not the place's
            measure = quoted[1]
            subject, how = (quoted[0], "named") if quoted[0] is not None else (subject, "inferred")
        how = gated(ctx, subject, how, measure)
        if listed_programme(ctx, sent, m.start(), subject):
            how = "inferred"  # 兑现甲、乙奖励资金162万元: the list's, no single programme's
        if subject is not None and ctx.home is not None and subject.name == ctx.home.name and how != "named" \
                and short_place_head(ctx, sent, m.start()):
            how = "inferred"  # 晋江有效注册商标12万件 in a provincial report: 晋江市's, not the province's
        if subject is not None and subject.kind is Kind.PLACE and title_holders(ctx, measure):
            how = "inferred"  # 12家企业获评省级知识产权示范企业: the title's holders, a programme the lexicon may not know
        if subject is not None and subject.kind is Kind.PLACE and unnamed_members(ctx, sent, m.start()):
            how = "inferred"  # 三市分别拥有50件、40件: the members', not the document's place
        if how == "document" and subject is not None and subject.kind is Kind.PLACE and in_area_frame(ctx, sent, m.start()):
            how = "inferred"  # 在某某园区，…节省成本近万元: the area's, not the place's
        period = figure_period(ctx, ref, sent, m.start(), paragraph)
        risen = risen_to_period(ctx, ref, sent, m.start(), paragraph)
        if risen is not None:  # 由2020年的3200件增至5600件: the value reached is no figure of 2020
            period = risen
        series = series_years(ctx, ref, sent).get(m.start())
        if series is not None:  # 近5年…分别为a、b、c、d、e: one figure per year, or no year when they do not pair
            period = Period(series.year, series.words, series.start if series.year and not series.inferred else -1)
        paired = paired_change(ctx, sent, m.start())
        if paired is not None:  # 企业和品牌总价值分别从2021年的17家、2216亿元上升到2024年的36家、3283亿元
            period = Period(paired.year, paired.words, paired.start)
            measure = paired.measure or re.sub(r"分别$", "", measure)
            if paired.subject is not None:
                subject, how = paired.subject, "named"
            if paired.unsplit:
                how = "inferred"  # 甲和乙分别从…: which measure each value is cannot be told
        if period.start < 0 and period.value and re.search(r"-(?:H[12]|Q[1-4])$|/", period.value) and any(
                v in ctx.text[sent.span.start:m.start()] for v in ctx.lex.words("stock_verbs.txt")):
            period = Period(period.value[:4], None, -1)  # 广州市拥有中国驰名商标140个 in a half-year report: a stock, of the year
        period_how = "document" if period.start < 0 else "carried" if period is paragraph else "named"
        same = SAME_PERIOD_BEFORE_RE.search(ctx.text, max(seg.start, m.start() - 16), m.start())
        if same and period.value and re.match(r"\d{4}", period.value):  # 较上年同期核准的11家: last year's figure
            period = Period(re.sub(r"\d{4}", lambda y: str(int(y.group()) - 1), period.value), same.group(), m.start() - len(same.group()))
            if prev is not None and prev.unit == unit.unit and prev.span.start >= sent.span.start:
                measure, level = prev.measure, prev.level
                if prev.subject is not None:
                    subject = prev.subject
        target = (period.target or goal or is_target(ctx, sent, m.start())) and not plan_parts  # a plan's parts: no target
        breakdown = "目标" if target else (item if item and resp_subject is None and item != (
            subject.name if subject else None) else breakdown_at(ctx, sent, m.start(), measure))
        if acting is not None and acting.total_at >= 0 and subject == acting.subject and breakdown in TIER_WORDS:
            # 市局完成的4068批次抽检中，普通食品3108批次: the bureau is the subject, its tier no qualifier; the
            # category written right before the count is
            breakdown = next((c.name for c in examples if ctx.text.endswith(c.name, 0, m.start())), None)
        if breakdown is None and not target:  # 其中八大万亿产业小微企业653家: the part of the figure before
            breakdown = part_breakdown(ctx, sent, m.start(), measure, unit.unit, subject, next(
                (o for o in reversed([*ctx.observations, *out]) if o.unit == unit.unit and o.span.start >= sent.span.start), None))
        if breakdown is None and not target:  # 其中属于农产品的100个: the measure before, this part of it
            shaped = modifier_part(ctx, sent, m.start(), unit.unit, next(
                (o for o in reversed([*ctx.observations, *out]) if o.unit == unit.unit and o.span.start >= sent.span.start), None))
            if shaped is not None:
                measure, breakdown = shaped
        if breakdown is None and not target:  # 授权专利500件…；其中发明专利40件: the whole's measure, the part's kind
            shaped = kind_of_whole(ctx, sent, m.start(), measure, unit.unit, [*ctx.observations, *out])
            if shaped is not None:
                measure, breakdown = shaped
        if breakdown is None and not target:  # 主持制定国际标准2项, 正在申报…3件: the way or stage counted
            breakdown = doing_qualifier(ctx, sent, m.start(), measure)
        if breakdown is None and not target:  # …的100个，占83%: the part's share
            breakdown = part_share(ctx, m.start(), unit.unit, next(
                (o for o in reversed([*ctx.observations, *out]) if o.span.start >= sent.span.start), None))
        if breakdown is None and not target:  # 企业总量5757户，净增187户: the change of what the total counts
            breakdown = change_of_total(ctx, sent, m.start(), measure, [*ctx.observations, *out])
        if breakdown is None and not target:  # 燃气表2000台件，合格率为98.86%: the rate of those items
            breakdown = item_rate(ctx, m.start(), unit.unit, subject, next(
                (o for o in reversed([*ctx.observations, *out]) if o.span.start >= sent.span.start), None))
        per_head = PER_HEAD_LEAD_RE.search(measure) or PER_HEAD_LEAD_RE.search(
            ctx.text, clause_start(ctx, sent, m.start()), m.start())  # 每万人拥有注册商标1200件
        if breakdown is None and not target and per_head is not None:
            breakdown = per_head.group()  # 抽检量达到5.36批次/千人, 每万人口发明专利拥有量: per head, a qualifier
        listed = listed_breakdowns(ctx, sent).get(m.start())
        if listed is not None and not target:
            breakdown = listed  # 生产、流通领域分别抽查…320批次、180批次: each item's part, in order
        if condition is not None and not target:
            breakdown = condition[1]  # …等12种产品抽样合格率为100%: the kinds that met the rate
        if breakdown is None and not target and breakdown_label(ctx.lex, measure) == measure \
                and ctx.text.startswith(measure, end):
            breakdown = measure  # 抽查了30家大型企业的45批次: the firms counted are the part of the clause's figures
        if breakdown is None and not target and prev is not None and prev.breakdown == "新增" \
                and prev.span.start >= sent.span.start and bare_list_item(ctx.lex, ctx.text[prev.span.end:m.start()]):
            breakdown = "新增"  # 新增甲奖1个，乙奖2个、丙奖2个: the verb governs the bare items after it too
        if breakdown is None and not target and subject is not None and subject.kind in INSPECTION_KINDS \
                and breakdown_label(ctx.lex, subject.name) == subject.name:
            breakdown = subject.name  # 对…9家企业开展跟踪抽查: the follow-up check is a part of the check
        part = next((p for s0, e0, p in reversed(ctx.memo.get("check_parts", [])) if s0 < m.start() <= e0), None)
        if breakdown is None and part is not None and subject is not None and subject.kind in INSPECTION_KINDS:
            breakdown = part  # 其中，完成食用农产品抽检5968批次: the part of the check
        listed_part = next((p for s0, e0, p in reversed(ctx.memo.get("category_parts", [])) if s0 < m.start() <= e0), None)
        if listed_part is not None and not target and subject is not None and subject.kind in INSPECTION_KINDS:
            breakdown = listed_part  # 其中，电热水壶抽查30批次，合格率…: the check's figures for the listed category
        if ranked is not None and not target:
            breakdown = ranked.category  # the ranked category is the qualifier of the check's figure
        sampled = sampled_category(ctx, sent, m.start()) if breakdown is None and not target and subject is not None \
            and subject.kind in INSPECTION_KINDS else None
        if sampled is not None:
            breakdown = sampled  # 抽查12家企业的30批次电线电缆产品，2批次不合格: the category's part of the check
        elif breakdown is None and not target and unit.unit == "Pici" and subject is not None and subject.kind in INSPECTION_KINDS:
            breakdown = checked_item(ctx, clause_start(ctx, sent, m.start()), m.start())  # 抽查电线电缆60批次: that category's part
        if breakdown is None and subject is not None and subject.kind in INSPECTION_KINDS and SHARE_LIST_RE.search(
                ctx.text, sent.span.start, m.start()) and "不合格项目" in ctx.text[sent.span.start:m.start()]:
            breakdown = "不合格项目"  # …占不合格样品总量为：农药残留超标42.98%: a share by failed item
        if restated_new and not target and breakdown is None:
            breakdown = "新增"
        if running and breakdown in (None, "新增"):
            breakdown = "累计"  # 新增…38个，总数达到215个: the total after the new ones
        if breakdown is None and not target and ctx.text.endswith(
                ctx.lex.words("future_total_words.txt") + ctx.lex.words("reached_total_words.txt"), 0, m.start()) \
                and "从" not in ctx.text[clause_start(ctx, sent, m.start()):m.start()]:
            breakdown = "累计"  # 公示通过后，某老字号品牌将增至257家 / 站点已增至25个: the total the list will have (has)
        approval = approved(ctx.lex, ctx.text, end, measure) if not target else None
        if approval is not None:  # 3件地理标志证明商标由…核准注册: the newly approved ones
            measure, breakdown = approval, breakdown or "新增"
        newly = NEWLY_AFTER_RE.match(ctx.text, end)
        if newly and not target:  # 湟源陈醋、大通牦牛肉2件为去年新增: the new ones, of that year
            breakdown = "新增"
            said = periods_in(ctx, ref, newly.start("when"), newly.end("when")) if newly.group("when") else []
            period = said[0] if said else period
        if item and subject is not None and subject.kind is Kind.PRODUCT_CATEGORY and not target:
            breakdown = item
        if not target and period.start < 0 and running_total(ctx, sent, m.start()):
            breakdown, period = "累计", Period(ctx.doc.date.isoformat(), None, m.start())  # type: ignore[union-attr]
        how = gated_part(ctx, sent, m.start(), subject, how, breakdown, unsure_before=any(
            o.subject == subject and o.subject_inferred for o in out if o.span.start >= sent.span.start))
        where = place or ctx.home
        if acting_place is not None:
            where = Ref(Kind.PLACE, acting_place)
        since = SINCE_YEAR_RE.search(ctx.text, sent.span.start, m.start()) if before_state else None
        if since is not None:  # 自2022年推行…以来，链主企业从20家增至41家: the value of that year
            period = Period(since.group(1), since.group(), since.start())
        elif before_state:
            breakdown, period = "调整前", Period(None, None, -1)
        level = level or lead_level(ctx, m.start()) or check_level(ctx, subject)  # 产品市级监督抽查…合格率94.3%: the check's level
        obs = Observation(
            measure=measure, value=value, unit=unit.unit, span=ctx.span(m.start(), end), subject=subject,
            qualifier=qualifier, level=level,
            period=(compared.group(1) or compared.group(2)) if compared else period.value,
            place=where.name if where else None,
            categories=tuple(examples), breakdown=breakdown, period_words=period.words,
            subject_inferred=how == "inferred", period_inferred=period.start < 0,
            confidence=min(CONFIDENCE[how], CONFIDENCE[period_how], _meaning_confidence(ctx.lex, measure, subject),
                           restated_cap, CONFIDENCE["inferred"] if m.start() in ctx.memo.get("guessed_measures", ()) else 1.0,
                           CONFIDENCE["inferred"] if not unit.word else 1.0),  # a bare score: its unit is the lexicon's guess
        )
        shared = shared_measures(ctx, sent, m.start()) if unit.unit == "Percent" and not resp_measure else []
        for i, each in enumerate(shared):  # 甲比例、乙比例均为100%: the value is each indicator's
            if i:
                out.append(obs)
            obs = dataclasses.replace(obs, measure=each)
            keep_apart(ctx, obs)
        checks = coordinated_rates(ctx, sent, m.start()) if unit.unit == "Percent" and not resp_measure and not shared else []
        for i, (check, each) in enumerate(checks):  # 甲抽检合格率和乙监测合格率均保持在98%以上: each check's rate
            if i:
                out.append(obs)
            obs = dataclasses.replace(obs, measure=each, subject=check, subject_inferred=False,
                                      breakdown="目标" if obs.breakdown == "目标" else None,  # a target stays one
                                      confidence=CONFIDENCE["named"] if period.start >= 0 else CONFIDENCE["document"])
            keep_apart(ctx, obs)
        out.append(obs)
        prev = obs
    return out


DESIGNATED_AS_RE = re.compile(r"(?P<n>[\u4e00-\u9fff]{1,6})为(?P<x>[^，,。；;“”\"\d]{2,24}?(?P=n))(?=[，,。；;]|$)")
"""``…100家企业为重点产业链链主企业``: the counted noun named again, at the end of what the items were designated as."""
SINCE_YEAR_RE = re.compile(r"自(\d{4})年[^。；;]{0,30}?以来")
"""``自2022年…以来``: a since-frame; the from-value of a change (从X增至Y) is that year's."""
CHECKED_ITEM_RE = re.compile(r"(?:抽查|抽检)了?(?P<item>[\u4e00-\u9fff]{2,10}?)(?:产品)?$")


def checked_item(ctx: Ctx, start: int, pos: int) -> str | None:
    """``…，抽查电线电缆60批次``: the product category a check's clause names right before its batches — the
    figure is that category's part of the check; None for a generic noun (``batch_non_categories.txt``: 食品,
    产品 …) or words that are no category (a firm, a check word, 的)."""
    m = CHECKED_ITEM_RE.search(ctx.text, start, pos)
    if m is None or m.group("item") in ctx.lex.words("batch_non_categories.txt"):
        return None
    item = m.group("item")
    if item.startswith(tuple(ctx.lex.words("check_item_fillers.txt"))) \
            or re.search(r"的|企业|单位|经营户|商户|门店|抽|检|批", item) or any(t.word in item for t in ctx.lex.triggers):
        return None
    return item


RUNNING_TOTAL_RE = re.compile(r"自[^，,。；;]{2,20}?(?:设立|启动|开展|实施|创建)以来[，,]?[^，,。；;]{0,16}?已(?:有|经|累计|评选出|认定|培育)?")
def running_total(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """``自某奖设立以来，已评选出19家…``: a running total, counted as of the report's date — when the report
    was written after the year it speaks of (a 2023-01 report on 2022: the total is as of its date; in a
    report of its own year, the year says as much)."""
    date = ctx.doc.date
    if date is None or reference(ctx).year == str(date.year):
        return False
    since = RUNNING_TOTAL_RE.search(ctx.text, sent.span.start, pos)
    return since is not None and "已" in ctx.text[clause_start(ctx, sent, pos):pos]


PRODUCT_GROUP_RE = re.compile(r"(?:的|[，,])(?P<group>[\u4e00-\u9fff]{2,10}?)包括[^，,。；;]{2,120}?等(?P<n>[\d一二三四五六七八九十]+)\s?(?:种|类|大类)产品")
RESPECTIVE_VALUES_RE = re.compile(r"分别(?:为|是|达到|达|占)?(?:[\d.]+%(?:、|和|及|与|以及))*$")
"""The figure is one of a list of rates after 分别 (``合格率分别为98%、96%和91%``)."""
EACH_AWARD_RE = re.compile(r"(?:各|分别(?:给予|奖励|颁发)?|每家(?:奖励)?|(?<=[，,])奖励)(?:人民币)?$")
"""``…并分别给予20万元奖金``, ``颁发奖杯、证书和各200万元奖金``: each recipient's prize, the figure before's subject."""
NEWLY_AFTER_RE = re.compile(r"为(?P<when>去年|今年|上年|20\d{2}年)?(?:新增|新认定|新获批)")
THRESHOLD_LIST_RE = re.compile(r"的(?:产品)?有[：:]")
OVER_BEFORE_RE = re.compile(r"(?:超过|超|过)$")
QUALIFIED_BATCHES_RE = re.compile(r"(?:发现|检出|抽查|抽检)?(?P<kind>(?:不)?(?:符合|合格)[^，,；;。\d的]{0,8}的(?:产品|样品|商品))"
                                  r"(?:共计|共|合计|总计)?(?:有|为|达)?$")
"""``符合标准要求的产品共323批次``: batches counted by what they were found to be — the words before 的 are the measure."""
COUNTED_AFTER_RE = re.compile(r"(?:以上)?的?[\u4e00-\u9fff]{1,6}?[\d一二两三四五六七八九十]+(?:家|个|项|户|名)")
"""``纳税过5000万元企业2家``: an amount after 过 / 超过 followed by the noun and the count it picks — a threshold."""
def _names_organisation(ctx: Ctx, sent: Sentence, pos: int, measure: str, ending: bool = False) -> bool:
    """``measure`` is the name of an organisation read in the sentence before ``pos`` (``ending``: one
    written right before ``pos``), not a measure."""
    return any(e.kind.is_organization and measure in (e.name, e.span.text) and (not ending or e.span.end == pos)
               for e in ctx.entities_in(sent.span.start, pos))


CHANGED_TO_RE = re.compile(r"(?:全市|全省|全县|全区|我市|我省|我县|我区)?(?P<m>[\u4e00-\u9fff]{2,16}?)"
                           r"(?:提升|提高|上升|下降|降低|增长|增加|减少)了?[\d.]+(?:个百分点|%|％|倍)?(?:至|到)$")
@per_lexicon
def _bare_score_re(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    rows = {r[0]: r[1] for r in lex.table("bare_score_measures.tsv", columns=2, header="word")}
    words = "|".join(map(re.escape, sorted(rows, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"(?P<w>{words})[^，,。；;\d%]{{0,4}}?(?:达到|达|为|提高到|提升到|提升至|升至|增至|是)?$"), rows


def bare_score_unit(ctx: Ctx, start: int, m: re.Match[str]) -> UnitInfo | None:
    """The unit of a score written with none after it, right after an indicator of ``bare_score_measures.tsv``
    (``质量竞争力指数为86``); None for any other bare number."""
    if not re.fullmatch(r"\d+(?:\.\d+)?", m.group("num") or "") or m.group("scale"):
        return None
    if re.match(r"\s*(?:[\u4e00-\u9fff%％‰.\d])", ctx.text[m.end():m.end() + 1]) and not re.match(
            r"[，,。；;、）)\n]|以上|左右", ctx.text[m.end():m.end() + 2]):
        return None  # a unit, a year or more text follows: no bare score
    pattern, rows = _bare_score_re(ctx.lex)
    found = pattern.search(ctx.text, max(start, m.start() - 24), m.start("num"))
    return UnitInfo("", rows[found.group("w")], 1, found.group("w")) if found else None


BATCH_QUOTED_RE = re.compile(r"(?P<batch>首批|第[一二三四五六七八九十\d]+批)[“\"](?P<name>[^”\"，,。]{2,16})[”\"]")
FROM_TO_RE = re.compile(r"(?P<m>[\u4e00-\u9fff]{2,16}?)(?:由|从)(?:[^，,。；;]{0,12}?的)?"
                        r"(?:(?P<to>[\d.]+[万亿]?[\u4e00-\u9fff]{0,2}(?:(?:增长|增加|提高|提升|上升|下降|减少|降低)?(?:到|至)|变成|变为)"
                        r"(?:[^，,。；;\d]{0,6}的)?)|)$")
"""A value written with where it came from (``市场主体由2015年底的28万户增长到49万户``, ``商标注册量从2015年的1.5万件到
目前的4.6万件``): the noun before 由 / 从 is the measure of both values."""
UNDATED_FROM_TO_RE = re.compile(r"变成|变为|改为")
"""A value written right after 由 / 从 and changed into another (``评选周期由1年变成2年``): a rule that was, no figure
(a stock grown from a value, ``从35804件增长到86277件``, keeps both)."""
PER_HEAD_BEFORE_RE = re.compile(r"(?:全市|全省|全县|全区|我市|我省|我县|我区)?(?P<m>[\u4e00-\u9fff]{2,16}?)"
                                r"(?:达到|达|为|增至)(?P<per>每(?:万|千)人(?:口)?)$")


def measure_before_change(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> str:
    """The indicator named before a change written between it and the value (``合格率提升2.1个百分点至95.3%`` →
    合格率) or before a per-head phrase (``拥有量达每万人口12.5件`` → 每万人口…拥有量): the words glued between
    are no measure."""
    before = ctx.text[clause_start(ctx, sent, pos):pos]
    changed = CHANGED_TO_RE.search(before)
    if changed is not None and (changed.start() == 0 or before[changed.start() - 1] in "，,；;"):
        return changed.group("m")
    moved = FROM_TO_RE.search(before)
    if moved is not None and (moved.start() == 0 or before[moved.start() - 1] in "，,；;"):
        noun = re.sub(r"^各类", "", re.sub(r"^.*?(?:全[市省县区国]|我[市省县区国])", "", moved.group("m")))
        if len(noun) >= 2:
            return noun
    per = PER_HEAD_BEFORE_RE.search(before)
    if per is not None and (per.start() == 0 or before[per.start() - 1] in "，,；;"):
        return per.group("per") + per.group("m")
    return measure


LISTED_KINDS_RE = re.compile(r"(?:其中)?[，,]?(?P<items>(?:[\u4e00-\u9fff]{2,8}、)+)")


def listed_measure(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> str:
    """``其中，商标侵权、假冒专利案件4.41万件``: a clause that is only kinds joined by 、 before the measure read
    right before the number counts all of them — the measure holds the whole list, not its last item."""
    cs = clause_start(ctx, sent, pos)
    if not measure or not ctx.text.endswith(measure, cs, pos):
        return measure
    listed = LISTED_KINDS_RE.fullmatch(ctx.text, cs, pos - len(measure))
    if listed is None or measure.endswith("各") or listed.group("items").startswith(
            tuple(ctx.lex.words("measure_stop_verbs.txt"))):
        return measure  # 新建甲、乙基地各1个: each item's own count; 共抽查甲、乙…: a verb opens the clause
    return listed.group("items") + measure


FIRM_COUNT_UNITS = frozenset({"Jia", "Hu"})
"""Units that count firms: before them a word ending in 公司 is a kind of firm (上市公司5家), no holder's name."""


def holder_share(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit: str) -> bool:
    """``其中甲公司5项`` / ``、乙集团3个``: the measure read before the count at ``pos`` is a holder's short
    name (it ends in ``holder_name_endings.txt``) opening a share after 其中 or 、 — whose share it is, not
    what is counted."""
    if unit in FIRM_COUNT_UNITS or not measure.endswith(tuple(ctx.lex.words("holder_name_endings.txt"))):
        return False
    lead = ctx.text[clause_start(ctx, sent, pos):pos]
    at = lead.rfind(measure)
    return at != -1 and re.fullmatch(r"(?:其中|.*、)?", lead[:at]) is not None and lead[at + len(measure):] == ""


THRESHOLD_RE = re.compile(r"(?:以上|以下|及以上|及以下)?的[^，,；;。\d]{1,8}?(?:有|达|共|为)?[\d一二两三四五六七八九十]")
def announced_parts(ctx: Ctx, end: int) -> bool:
    """``重点做好七个方面工作：以…、以…`` / ``抓好三项任务：一是…``: a count of parts of a plan (``plan_parts.txt``)
    that a colon opens the list of — the list's size, not a figure of the place."""
    tail = re.match(r"[\u4e00-\u9fff]{0,8}?(?=(?:工作|重点工作)?[：:])", ctx.text[end:end + 12])
    return tail is not None and tail.group().endswith(tuple(ctx.lex.words("plan_parts.txt"))) if tail and tail.group() else False


def enumeration_size(ctx: Ctx, start: int, pos: int, end: int, value) -> bool:
    """``开展甲、乙、丙等三大行动`` / ``推进甲、乙、丙、丁四项重点工程``: a count right after a list of as many items,
    of parts of a plan (``plan_parts.txt``: 工程, 行动, 任务 …) — the list's size, not a figure of the place."""
    listed = ctx.text[start:pos]
    if "、" not in listed or value != len(re.sub(r"等$", "", listed).split("、")):
        return False
    tail = re.match(r"[\u4e00-\u9fff]{0,8}", ctx.text[end:]).group()
    return any(tail.endswith(w) for w in ctx.lex.words("plan_parts.txt", longest_first=True))


def total_of_head(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> str:
    """``济南市市场主体增长率全省第一，目前总量达99万户``: a bare total (``total_words.txt``) counts the thing the
    clause before names at its head, before a property of it (``property_words.txt``) — after the place
    the clause opens with, if any."""
    if not is_bare_total(ctx.lex, measure):
        return measure
    start = clause_start(ctx, sent, pos)
    totals = ctx.lex.alternation("total_words.txt")
    own = re.match(rf"(?:\d{{4}}年)?(?P<head>[\u4e00-\u9fff]{{2,12}}?)(?:目前|现|当前)(?:{totals})",
                   ctx.text[start:pos])  # 济南市市场主体目前总量达…: the head of its own clause
    before, m = start, own
    if m is None:
        if start <= sent.span.start:
            return measure
        before = clause_start(ctx, sent, start - 1)
        props = ctx.lex.alternation("property_words.txt")
        m = re.match(rf"(?:\d{{4}}年)?(?P<head>[\u4e00-\u9fff]{{2,12}}?)(?:{props})", ctx.text[before:start - 1])
    if m is None:
        return measure
    head = m.group("head")
    place = next((e for e in ctx.entities_in(before, before + m.end("head")) if e.kind is Kind.PLACE
                  and e.span.start == before + m.start("head")), None)
    if place is not None:
        head = ctx.text[place.span.end:before + m.end("head")]
    return head if len(head) >= 2 else measure


BARE_SHARE_RE = re.compile(r"占(?:全[国省市县区])?(?P<whole>[\u4e00-\u9fff]{1,2})(?:的)?")


def bare_share_measure(ctx: Ctx, sent: Sentence, pos: int, measure: str, prev: Observation | None) -> str:
    """``养殖业116件，占总量的17.74%``: a share whose whole is only a word of ``bare_share_wholes.txt`` is a share
    of what the count right before it in the sentence counts — ``占`` + that count's measure + the whole word."""
    bare = BARE_SHARE_RE.fullmatch(measure)
    if bare is None or bare.group("whole") not in ctx.lex.words("bare_share_wholes.txt"):
        return measure
    before = _latest_before(ctx, sent, pos, prev)
    if before is None or before.unit == "Percent" or len(before.measure) < 2 or before.measure in GENERIC_MEASURES \
            or before.measure == before.breakdown:  # 种植业120件: the count's part, not what it counts
        return measure
    whole = bare.group("whole")
    return "占" + before.measure + (whole if whole not in ("比", "比重", "比例") else "的" + ("比重" if whole == "比" else whole))


GENERIC_MEASURES = frozenset({"数量", "比率", "比例", "类别", "种类", "次数", "人数", "金额", "年数", "量"})


def _meaning_confidence(lex: Lexicon, measure: str, subject: Ref | None) -> float:
    """A figure whose measure is only its unit's generic name (个 → 数量) or one leftover character
    (…站, …社) says nothing of what was counted: its meaning cannot be told, so it is low-confidence —
    unless it counts the acts of the check or campaign that is its subject (开展…执法检查4600余次), or
    the places it reached, by a one-character division word (涉及甲区、乙区等12个区; ``division_measures.txt``)."""
    if subject is not None and subject.kind in INSPECTION_KINDS and measure == "次数":
        return 1.0
    if subject is not None and subject.kind is not Kind.PLACE and measure in lex.words("division_measures.txt"):
        return 1.0  # 会议上，五个区签订了…: the divisions a check or meeting reached (a place's own 16个市 is its make-up)
    if measure in GENERIC_MEASURES or len(measure) < 2:
        return CONFIDENCE["inferred"]
    return 1.0


CATEGORY_PART_RE = re.compile(r"[\u4e00-\u9fff]{1,10}类")
WHOLE_OF_RE = re.compile(r"(?P<whole>[\u4e00-\u9fff]{2,12})中[，,](?P<rel>[^，,；;。]{2,16}的)?(?:共|共有|合计|总计)?$")


def _category_part(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit: str, out: list[Observation],
                   item: str | None) -> tuple[str, str | None]:
    """A count named by a category or a sector of the total counted before it (``…商标44033件，其中，茶叶类
    19836件，竹制品、茶油类3484件``; ``种植业390件地理标志商标…；养殖业116件``): the category is the
    breakdown, the measure is the total's. A total written ``X中，…的共N件`` counts X."""
    cs = clause_start(ctx, sent, pos)
    whole = WHOLE_OF_RE.search(ctx.text, sent.span.start, pos)
    if whole and whole.group("rel") and measure and whole.group("rel").endswith(measure):
        part = re.sub(r"^(?:涉及|属于|其中)|的$", "", whole.group("rel"))
        return _without_place(ctx, whole.group("whole")), item or part  # 农产品商标中，涉及…的共44033件: 农产品商标
    if not (CATEGORY_PART_RE.fullmatch(measure) or breakdown_label(ctx.lex, measure) == measure):
        return measure, item
    same = [o for o in [*ctx.observations, *out] if o.span.start >= sent.span.start and o.unit == unit
            and o.measure != measure and not CATEGORY_PART_RE.fullmatch(o.measure)
            and breakdown_label(ctx.lex, o.measure) != o.measure]  # 大型企业12家，中型企业30家: peers, no whole
    if not same or not ("其中" in ctx.text[same[0].span.end:pos] or breakdown_label(ctx.lex, measure) == measure):
        return measure, item
    label = re.sub(r"^(?:其中)?[，,]?", "", ctx.text[cs:pos]).strip()
    label = label if re.fullmatch(r"[\u4e00-\u9fff、]{1,24}", label) else measure
    sibling = same[-1]
    whole_measure = sibling.measure
    if sibling.breakdown and whole_measure.startswith(sibling.breakdown) and len(whole_measure) > len(sibling.breakdown) + 1:
        whole_measure = whole_measure[len(sibling.breakdown):]  # 种植业地理标志商标148件、养殖业42件: 地理标志商标
    return whole_measure, item or label


def _without_place(ctx: Ctx, name: str) -> str:
    """``贵州农产品商标`` → ``农产品商标``: a place written before a counted noun is no part of it."""
    name = re.sub(r"^(?:全省|全市|全县|全区|我省|我市|我县|我区)", "", name)
    for n in (3, 2):
        if name[:n] in ctx.lex.place_names and len(name) - n >= 2:
            return name[n:]
    return name