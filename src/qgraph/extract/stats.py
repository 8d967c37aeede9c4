"""Inspections and figures: the statistics stage of extraction, sentence by sentence.

A figure is a number with a unit (``685批次``, ``96.2%``, ``44.26万元``, ``1200余家``); its measure is
read by :mod:`.measures`, its subject, period and breakdown by :mod:`.figures`. Figures in a clause
that follows an inspection trigger (``监督抽查``, ``执法检查``, ``检测服务``) are about that inspection —
``合格率为96.2%`` belongs to the spot check of the previous clause; a check that opens a paragraph
(``食品安全监督抽检方面，``) keeps the paragraph's figures; a check without a name of its own takes
the campaign named before it.
"""

from __future__ import annotations

import dataclasses
import re

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, Entity, Kind, Observation, Rel, Sentence
from .food_categories import category_items, split_list
from .category_checks import category_part, items_before_check, listed_before_check
from .basis import in_basis
from .check_levels import level_before_trigger
from .context import Ctx
from .figures import _figures, running_total
from .indexes import trigger_patterns
from .measures import _Segment, check_fields
from .numbers import NUMBER_RE
from .orgs import left_edge
from .periods import Period, clause_end, clause_start, figure_period, head_end, is_target, recent, periods_in, reference
from .parts import OBJECT_FRAME_RE
from .respective import _respective
from .listed_heads import listed_item
from .section_categories import heading_category
from .check_windows import in_check_window
from .category_rates import category_rate
from .batch_categories import batch_category
from .change_bases import change_base
from .window_heads import sentence_only
from .list_leads import is_item, is_lead_line
from .domain_leads import domain_lead
from .section_years import section_year
from .scope import ACTIVITY_RE, Scope, breakdown_at, check_area_re, breakdown_ends, breakdown_prefix, campaign_span, paragraph_check

DEFAULT_LABEL = {
    Kind.PRODUCT_SPOT_CHECK: "产品质量监督抽查",
    Kind.TESTING_SERVICE: "检验检测服务",
    Kind.ENFORCEMENT: "执法检查",
    Kind.CONSTRUCTION_CHECK: "建设工程质量抽查",
}
CATEGORY_RE = re.compile(r"对(?P<cats>[^，,。；;:：]{2,80}?)等(?P<head>[^，,。；;:：、]{0,10}?)(?:开展|进行|实施|组织)")
BULLET_RE = re.compile(r"\s*(?:——|—|－－|--)")
YEAR_ONLY = re.compile(r"\d{4}")
LABEL_LEAD_RE = re.compile(
    r"(?:年度?|的|本次|此次|今年以来|今年|去年|全年|上半年|下半年|第?[一二三四]季度|\d{1,2}月(?:份)?|月份?(?!度)|批次(?:的)?|大?类|各类|(?:均|都)?(?:低于|高于)|共|累计|全市|全省|全县|全区|本市|本省|本县|本区|我市|我省|我县|我区|各级"
    r"|执法人员|检查人员|工作人员|将安排|安排|计划|[一二三四五六七八九十]{1,3}是)+"
)

HEADING_LINE_RE = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.])\s*[\u4e00-\u9fff]{2,12}\s*")


GOAL_LABEL_RE = re.compile(r"\s*(?P<label>[\u4e00-\u9fff]{2,10})[：:]")


def _goal_label(ctx: Ctx, sent: Sentence) -> bool:
    """``产品质量:制造业产品质量合格率达到95%以上`` after ``到2025年，…``: a paragraph opening with a short label
    and a colon lists one goal of the target year above, as a dash does — unless the label ends in a verb
    of saying or of results (``goal_label_breaks.txt``: 会议指出：, 主要成效：)."""
    m = GOAL_LABEL_RE.match(sent.span.text)
    return m is not None and not m.group("label").endswith(tuple(ctx.lex.words("goal_label_breaks.txt")))


class _NoScope:
    """The scope of a sentence without a number: never read (it has no figure), only given its paragraph."""
    paragraph_start = 0


_NO_SCOPE: Scope = _NoScope()  # type: ignore[assignment]


def find_statistics(ctx: Ctx) -> None:
    ref = reference(ctx)
    earlier = len(ctx.observations)  # figures of listings and chains, read before
    last = -1
    section: str | None = None
    carried: str | None = None
    inspections: dict[tuple[Kind, str], Entity] = {}
    paragraph: Period | None = None
    lead_period: Period | None = None
    """The period of a line ending with a colon that introduces enumerated paragraphs (see :mod:`.list_leads`)."""
    under_lead = False
    target_head: Period | None = None
    """A target year heading a paragraph (到2025年，…), which governs the dash-bulleted goals after it."""
    topic_check: Entity | None = None
    category_check: Entity | None = None
    """The check of the paragraph before, carried into a paragraph opened by a category (日用消费品，主要检查了…)."""
    paragraph_start = 0
    paragraphs: dict[int, Period | None] = {}
    review: Period | None = None
    """The year of the review section the paragraph is in (``一、2022年工作回顾``; :mod:`.section_years`)."""
    """The paragraph's period governing each sentence (by its start), for the listings' figures read below."""
    for sent in ctx.doc.sentences:
        if last < 0 or ctx.text.count("\n", last, sent.span.start):
            # a new paragraph: its checks and its period start afresh; its head may set both
            before = [*inspections.values(), *(c for c in (topic_check, category_check) if c is not None)]
            inspections, topic_check, paragraph_start = {}, None, sent.span.start
            heading = heading_category(ctx, sent)  # （一）日用及纺织品。…: the category of the paragraph's figures
            category_check = before[-1] if heading is not None and before and not _names_check(ctx, sent) else None
            # …开展监督检查…。\n日用消费品，主要检查了…: the check before; the paragraph's figures are this category's part
            own_line = heading is not None and HEADING_LINE_RE.fullmatch(sent.span.text) is not None
            # 一、阀门\n本次抽查涉及…: a heading on a line of its own names the next paragraph's category
            section = heading if heading is not None or carried is None else carried
            carried = heading if own_line else None
            head = [p for p in periods_in(ctx, ref, sent.span.start, head_end(ctx, sent)) if not p.bracketed]
            review = section_year(ctx, ref, sent, review)
            bullet = BULLET_RE.match(sent.span.text) or _goal_label(ctx, sent)
            item = is_item(sent)
            under_lead = item and lead_period is not None and not head
            if bullet and target_head is not None and not head:
                paragraph = target_head  # 到2025年，…。\n——品牌建设…：…达到30家: the goals listed under the target year
            elif under_lead:
                paragraph = lead_period  # 1-10月，…呈现四大特点：\n一是…。新增…: the items take the lead's period
            else:
                paragraph = head[-1] if head and not recent(ctx, head[-1]) else review  # (近三年, 近年来 govern no paragraph)
                target_head = paragraph if paragraph is not None and paragraph.target else None
            if not item:
                lead_period = None  # a paragraph that is no item ends the list
        elif under_lead:
            pass  # an item under a lead: its period holds for the whole item
        elif sentence_only(paragraph):
            paragraph = None  # 今年1~10月，…。某市…优良率…: the window dated its own sentence only
        elif paragraph is None or YEAR_ONLY.fullmatch(paragraph.value or "") and not paragraph.target:
            # 质量正成为…新动能。2021年，全市…。产品质量监督抽查合格率96.85%…: a year written out at a later
            # sentence's head goes on in its paragraph, whether or not the paragraph's first sentence had one
            later = [p for p in periods_in(ctx, ref, sent.span.start, head_end(ctx, sent)) if not p.bracketed]
            framed = paragraph is not None or bool(later) and re.match(
                r"[，,]", ctx.text[later[-1].start + len(later[-1].words or ""):])  # 2021年，… (not 2020年地区生产总值…)
            if framed and paragraph is None and not re.search(
                    r"\d", ctx.text[later[-1].start + len(later[-1].words or ""):sent.span.end]):
                framed = False  # 2015年，我市被确定为…创建单位。: a history sentence with no figure sets no year
            year_head = later[-1] if later else None
            if year_head is not None and re.fullmatch(r"20\d{2}-\d{2}-\d{2}", year_head.value or "") \
                    and re.search(r"月(?:份)?[底末]$", year_head.words or ""):
                year_head = Period(year_head.value[:4], year_head.words, year_head.start, year_head.target)  # 2024年1月底，…: its year
            if year_head is not None and framed and YEAR_ONLY.fullmatch(year_head.value or "") and not year_head.target \
                    and re.match(r"20\d{2}年|(?:去年|上年)[，,]", ctx.text[year_head.start:year_head.start + 8]):  # a year written out (or 去年，), not 全年
                paragraph = year_head  # 2023年，…。2024年1月底，…开展了第三批遴选。经评价，…: the later year goes on
        if is_lead_line(sent):  # …。1-10月，某市注册商标呈现四大特点：\n一是…: the items' period
            said = [p for p in periods_in(ctx, ref, sent.span.start, head_end(ctx, sent)) if not p.bracketed]
            lead_period = said[-1] if said else None
        last = sent.span.start
        paragraphs[sent.span.start] = paragraph
        prev: Observation | None = None
        topic = _topic(ctx, sent)
        respective = _respective(ctx, sent)
        segments = _segments(ctx, sent)
        # (a sentence whose clauses hold no number has no figure: _figures never reads its scope)
        scope = Scope(ctx, sent) if any(NUMBER_RE.search(ctx.text, seg.start, seg.end) for seg in segments) else _NO_SCOPE
        scope.paragraph_start = paragraph_start
        for seg in segments:
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
                if campaign:  # one campaign, whatever its checks are called: the same node
                    key = next((k for k in inspections if k[1] == campaign), key)
                    known = next((e for e in ctx.entities if e.name == campaign and e.kind in INSPECTION_KINDS), None)
                    if key not in inspections and known is not None:
                        inspections[key] = known
                named_before = [e for e in reversed(ctx.entities) if e.kind is kind and e.span.start < sent.span.start]
                label_at = _label_start(ctx, trig_start)  # (a function of the text and the claims: read once)
                this = re.search(r"(?:本次|此次|这次|该次)$", ctx.text[max(0, label_at - 2):label_at])
                if (default or this and _level_only(ctx, label)) and named_before and (
                        this or re.search(r"(?:本次|此次|这次|该次)$", ctx.text[max(0, trig_start - 4):trig_start])):
                    opened = _fuller(ctx, named_before[-1], named_before)
                    key = (kind, opened.name)  # 本次抽查: the check the report opened with
                    inspections[key] = opened
                part = not default and re.match(r"其中", ctx.text[clause_start(ctx, sent, trig_start):trig_start])
                if topic_check is not None and topic_check.kind is kind and not part:
                    key = next(k for k, v in inspections.items() if v is topic_check)  # the paragraph's check
                elif default and any(k[0] is kind for k in inspections):
                    key = next(k for k in reversed(inspections) if k[0] is kind)  # 其中,抽查…: the same check
                elif default:
                    first = _report_check(ctx, kind, trig_start)
                    titled = _titled_check(ctx, kind) if first is None and not campaign else None
                    if first is not None:  # 市级完成抽检3860批次: the check the report is about
                        key = (kind, first.name)
                        inspections[key] = first
                    elif titled is not None:  # 关于…第2批省级产品质量监督抽查情况的通报 …共抽查: the titled check
                        key = (kind, titled)
                        if key not in inspections:
                            inspections[key] = _inspection(ctx, sent, kind, trig_start, trig_end, period.value, titled)
                named = None if default or campaign else (_named_in_title(ctx, kind, label, trig_start)
                                                          or _named_again(ctx, kind, label, trig_start))
                if named is not None and key not in inspections:  # 省级监督抽查 again: 产品质量省级监督抽查
                    key = (kind, named.name)
                    inspections[key] = named
                    if not named.name.endswith(label):  # 食品抽检 after 食品安全监督抽检: a mention of it
                        lo = _label_start(ctx, trig_start)
                        ctx.add(kind, named.name, lo, trig_end, aliases=(ctx.text[lo:trig_end],), level=named.level,
                                place=named.place, attributes=named.attributes)
                        _link_categories(ctx, sent, named, trig_start, trig_end)
                parent = _part_of(ctx, sent, kind, label, default or bool(campaign), trig_start, trig_end)
                if parent is not None:  # 其中，完成普通食品抽检…，完成食用农产品抽检…: parts of the report's check
                    key = next((k for k, v in inspections.items() if v is parent), (kind, parent.name))
                    inspections[key] = parent
                listed = None if default or campaign or parent is not None else category_part(
                    ctx, sent, kind, label, trig_start, trig_end)
                if listed is not None:  # 其中，电热水壶抽查30批次: the listed category's part of the report's check
                    key = next((k for k, v in inspections.items() if v is listed[0]), (kind, listed[0].name))
                    inspections[key] = listed[0]
                    ctx.memo.setdefault("category_parts", []).append((trig_start, seg.end, listed[1]))
                if key not in inspections:
                    inspections[key] = _inspection(ctx, sent, kind, trig_start, trig_end, period.value, campaign)
                seg.inspection = inspections[key]
                seg.checks.append(seg.inspection)
                if topic_check is None and paragraph_check(ctx, sent, trig_start):
                    topic_check = seg.inspection  # 食品安全监督抽检方面，…: the paragraph's check
            if seg.inspection is None and topic_check is not None:
                seg.inspection = topic_check
            carried_check = seg.inspection is None and category_check is not None
            if carried_check:
                seg.inspection = category_check
            elif seg.inspection is None and inspections and _reads_batches(ctx, seg):
                seg.inspection = list(inspections.values())[-1]  # 检测不合格的317个批次中，…192个批次: the check's batches
            for obs in _figures(ctx, seg, ref, sent, paragraph, prev, scope):
                field = section or domain_lead(ctx, sent)  # 在电子电器领域，抽查…: the sentence's field
                if field and obs.breakdown is None and obs.subject.kind in INSPECTION_KINDS:
                    obs = dataclasses.replace(obs, breakdown=field)
                if carried_check and not _category_figure(ctx, sent, obs):
                    obs = obs.with_subject_inferred()  # …，3家门店标签不符合要求: maybe no figure of the check; unsure
                obs = category_rate(ctx, obs)  # 女式服装产品的不合格产品检出率: the category's part of the check
                obs = batch_category(ctx, seg.start, seg.end, obs)  # 34家生产企业39批次合成革产品，其中4批次不合格
                obs = change_base(ctx, obs)  # 比2009年批次合格率76.0%上升了: the 2009 rate
                obs = in_check_window(ctx.memo.setdefault("check_windows", {}), obs, seg.inspection,  # …7月至10月…抽检; 经检测，…合格: the check's window
                                      carried=not periods_in(ctx, ref, sent.span.start, obs.span.start))
                ctx.observations.append(obs)
                prev = obs
    for i in range(earlier):  # listings and chains: the same periods and marks
        o = ctx.observations[i]
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        above = paragraphs.get(sent.span.start)
        above = above if above is not None and YEAR_ONLY.fullmatch(above.value or "") and not above.target \
            and above.start >= 0 and re.match(r"[，,]", ctx.text[above.start + len(above.words or ""):]) else None
        # (2021年，…: a year framed at a head; not 2023年新修订的《…》, the year of another act)
        period = figure_period(ctx, ref, sent, o.span.start, above)  # 2021年，…。…8家企业入选…: the paragraph's year
        keep = o.period if o.period and (o.period != ctx.year or o.period_words) and re.fullmatch(r"\d{4}", o.period) else None
        # (a year the listing read next to its own verb, 2015年获得…称号的6件产品, even the document's year)
        if keep is None and period.start < 0 and running_total(ctx, sent, o.span.start):
            o = dataclasses.replace(o, breakdown=o.breakdown or "累计")  # 自…设立以来，已评选出19家“某奖”获奖组织
            keep = ctx.doc.date.isoformat()  # type: ignore[union-attr]
        ctx.observations[i] = dataclasses.replace(
            o, period=keep or period.value, period_words=o.period_words if keep and o.period_words else period.words,
            period_inferred=period.start < 0 and not (keep and o.period_words),
            breakdown=o.breakdown or ("目标" if period.target or is_target(ctx, sent, o.span.start)
                                      else breakdown_at(ctx, sent, o.span.start, o.measure)),
            confidence=CONFIDENCE["document"] if period.start < 0 else CONFIDENCE["named"])


def _category_figure(ctx: Ctx, sent: Sentence, o: Observation) -> bool:
    """Whether a figure of a paragraph opened by a category is the check's figure of it: its clause holds a
    word of them (批次, 合格, 企业 …; ``category_check_figures.txt``) and follows no 其中 in its sentence
    (…，其中甲、乙等17类产品合格率为100%: a part of the category)."""
    if "其中" in ctx.text[sent.span.start:o.span.start]:
        return False
    cs = clause_start(ctx, sent, o.span.start)
    return any(w in ctx.text[cs:clause_end(ctx, sent, o.span.end)] for w in ctx.lex.words("category_check_figures.txt"))


def _names_check(ctx: Ctx, sent: Sentence) -> bool:
    """Whether ``sent`` holds a check word of its own."""
    text = sent.span.text
    return any(t.kind in INSPECTION_KINDS and t.word in text and (not t.context or any(w in text for w in t.context))
               for t in ctx.lex.triggers)


def _reads_batches(ctx: Ctx, seg: _Segment) -> bool:
    """Whether a clause with no check word of its own reads batches of the paragraph's check: it counts
    批次 and names no place or organisation that could own them."""
    if "批次" not in ctx.text[seg.start:seg.end]:
        return False
    return not any((e.kind is Kind.PLACE or e.kind.is_organization) and not listed_item(ctx, e)
                   for e in ctx.entities_in(seg.start, seg.end))  # 甲公司、乙公司等8家企业: examples, no owner


def sentence_period(ctx: Ctx, sent: Sentence) -> tuple[str | None, bool]:
    """The period the head of a sentence names (normalised), and whether it names one."""
    found = periods_in(ctx, reference(ctx), sent.span.start, sent.span.end)
    if found:
        return found[0].value, True
    return reference(ctx).year, False


def _part_of(ctx: Ctx, sent: Sentence, kind: Kind, label: str, unnamed: bool, start: int, end: int) -> Entity | None:
    """A check named by what it checked inside a sentence opening with 其中, after the report named its
    check (``其中，完成普通食品抽检10673批次，完成食用农产品抽检5968批次``): a part of that check; its
    figures take the part as their breakdown."""
    trig = ctx.text[start:end]
    if unnamed or not re.match(r"\s*其中", sent.span.text) or not label.endswith(trig) or len(label) <= len(trig):
        return None
    parent = next((e for e in ctx.entities if e.kind is kind and e.span.end <= sent.span.start), None)
    if parent is None or parent.name == label or not ctx.text.endswith("完成", 0, start - len(label) + len(trig)):
        return None  # 其中食用农产品抽检8420批次，合格率98.1%: a check of its own, reported as one
    part = label[:-len(trig)]
    ctx.memo.setdefault("check_parts", []).append((start, clause_end(ctx, sent, end), part))
    return parent


def _topic(ctx: Ctx, sent: Sentence) -> Entity | None:
    first = min((e for e in ctx.entities_in(sent.span.start, sent.span.end)
                 if e.kind.is_organization and e.kind is not Kind.MEDIA),
                key=lambda e: e.span.start, default=None)
    if first is not None and first.span.start <= sent.span.start + 1 and not listed_item(ctx, first) and not any(
        p.span.start == first.span.start for p in ctx.posts
    ):  # 甲公司、乙公司等8家企业…不合格: examples of the counted firms, no topic
        return first
    return None


def _report_check(ctx: Ctx, kind: Kind, pos: int) -> Entity | None:
    """The check of ``kind`` a report is about: the first one named before ``pos`` — in its body when the
    title names one too (a title's ``全省产品质量监督抽查情况`` is the generic name of the body's
    ``产品质量省级监督抽查``)."""
    named = [e for e in ctx.entities if e.kind is kind and e.span.start < pos]
    title_end = _title_end(ctx)
    counted = {o.subject for o in ctx.observations if o.span.start < pos and not o.subject_inferred}
    if named and named[0].ref not in counted:
        first = next((e for e in named if e.ref in counted and e.span.start > title_end), None)
        if first is not None:  # 发布某某抽查结果。…实施了产品质量监督抽查，合格率…: the check the report gave figures of
            return first
    if not named or title_end < named[0].span.start:
        return named[0] if named else None
    if named[0].name in ctx.text[title_end:pos]:
        return _fuller(ctx, named[0], named)  # the title's check, named again in the body: one check
    body = [e for e in named if e.span.start > title_end]
    return body[0] if body else named[0]


def _level_only(ctx: Ctx, label: str) -> bool:
    """Whether a check's label names only its level besides the check word (``省级监督抽查``): after
    本次 it is the report's check named again, not another."""
    level = next((w for w in sorted(ctx.lex.levels, key=len, reverse=True) if label.startswith(w)), None)
    return level is not None and not _check_core(ctx, label[len(level):])


def _fuller(ctx: Ctx, first: Entity, named: list[Entity]) -> Entity:
    """The title's check named in full in the body (``商品质量抽检`` in the title, ``网络交易商品质量抽检``
    in the body; a title's ``省级抽查``, the body's first check of that level): the body's name; else
    ``first``."""
    title_end = _title_end(ctx)
    if first.span.start > title_end:
        return first
    named = sorted(named, key=lambda e: e.span.start)  # the body's first, whatever order they came in
    fuller = next((e for e in named if e.span.start > title_end and e.name.endswith(first.name)
                   and len(e.name) > len(first.name)), None)
    if fuller is None and _level_only(ctx, first.name):  # the title's 省级抽查: the body's first provincial check
        fuller = next((e for e in named if e.span.start > title_end and e.level is not None and e.level == first.level), None)
    return fuller or first


def _title_end(ctx: Ctx) -> int:
    """End of the document's first line when that line is its title (else -1)."""
    end = ctx.text.find("\n")
    title = (ctx.doc.title or "").strip()
    return end if end > 0 and title and ctx.text[:end].strip() == title else -1


def _named_in_title(ctx: Ctx, kind: Kind, label: str, pos: int) -> Entity | None:
    """The check the title names, named again in the body: one check, not two."""
    title_end = _title_end(ctx)
    if title_end < 0 or pos < title_end:
        return None
    return next((e for e in ctx.entities if e.kind is kind and e.name == label and e.span.end <= title_end), None)


def _named_again(ctx: Ctx, kind: Kind, label: str, pos: int) -> Entity | None:
    """A check named again by the end of its name (``省级监督抽查`` after ``产品质量省级监督抽查``), by what it
    checks (``食品抽检`` after ``食品安全监督抽检``) or with its level moved (``产品市级监督抽查`` after
    ``市级产品质量监督抽查``)."""
    if len(label) < 4:
        return None
    core = _check_core(ctx, label)
    moved = _level_apart(ctx, core)
    return next((e for e in ctx.entities if e.kind is kind and e.span.start < pos and e.name != label
                 and e.name.endswith(label)), None) or next(
        (e for e in ctx.entities if e.kind is kind and e.span.start < pos and e.name != label
         and len(core) >= 2 and _check_core(ctx, e.name) == core), None) or next(  # 食品抽检 after 食品安全监督抽检
        (e for e in ctx.entities if e.kind is kind and e.span.start < pos and e.name != label
         and moved[0] and _level_apart(ctx, _check_core(ctx, e.name)) == moved), None)  # 产品市级监督抽查 after 市级产品质量监督抽查


def _level_apart(ctx: Ctx, core: str) -> tuple[str, str]:
    """A check's core (:func:`_check_core`) as its level word and the rest (``产品市级`` → 市级, 产品), so that
    one check named with its level before or after what it checks is told as one."""
    word = max((w for w in ctx.lex.levels if w in core and len(w) >= 2), key=len, default="")
    rest = core.replace(word, "", 1) if word else core
    return word, rest


def _check_core(ctx: Ctx, label: str) -> str:
    """What a check's name says is checked, without its check word and field words (安全, 监督, 质量)."""
    trig = max((t.word for t in ctx.lex.triggers if label.endswith(t.word)), key=len, default="")
    core = label[:len(label) - len(trig)]
    while (field := next((w for w in check_fields(ctx.lex) if core.endswith(w) and len(core) > len(w)), None)):
        core = core[:-len(field)]
    return core


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
    for trig, pattern in trigger_patterns(ctx.lex):
        if trig.word not in text or trig.context and not any(c in context for c in trig.context):  # (the word first: most are absent)
            continue
        for m in pattern.finditer(text):
            s, e = seg.start + m.start(), seg.start + m.end()
            if any(a < e and s < b for a, b in taken) or ctx.claimed(s, e):
                continue
            if trig.kind is Kind.TESTING_SERVICE and _reading_of_check(ctx, s, e):
                continue  # 经检测，…; 检测不合格的317个批次: the named check's results, no testing service
            if _non_head_re(ctx.lex).match(ctx.text, e) or in_basis(ctx, s, e):
                continue  # 监督抽查制度, 检验检测服务水平, 扩大抽查覆盖面, 根据…抽查计划安排，: no check done here
            if ctx.text[s - 1:s] == "占" or re.match(r"(?:产品)?(?:总批次|批次总数|总数|批次数)", ctx.text[e:e + 5]):
                continue  # 占抽查总批次的56.5%: a share of the checked batches, no check of its own
            if ctx.text[s - 2:s] == "总体" and any(x.kind in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION) and x.span.end <= s
                                                 for x in ctx.entities):
                continue  # 均低于总体抽检不合格率: the check already named, as a whole
            if ctx.text[e:e + 1] == "中" and any(m.end() == e + 1 for m in OBJECT_FRAME_RE.finditer(ctx.text, max(0, s - 40), e + 1)) \
                    and any(x.kind in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION) and x.span.end <= s for x in ctx.entities):
                continue  # 在对197家经销企业的272个批次产品抽查中: a part of the check already named, no check of its own
            taken.append((s, e))
            found.append((s, e, trig.kind))
    return sorted(found)


def _reading_of_check(ctx: Ctx, start: int, end: int) -> bool:
    """Whether a testing word is framed by a word of ``testing_non_checks.tsv`` (经检测, 检测不合格)."""
    for side, word in ctx.lex.table("testing_non_checks.tsv", columns=2, header="side"):
        if side == "before" and ctx.text.endswith(word, 0, start) or side == "after" and ctx.text.startswith(word, end):
            return True
    return False


@per_lexicon
def _non_head_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(lex.alternation("check_non_heads.txt"))


def _label_start(ctx: Ctx, start: int) -> int:
    """Where a check's label begins: after a lead word (开展, 组织…) and a breakdown
    (生产领域抽查 is a part of the check, not another check).

    A function of the text, the lexicon, the document's places, the claims and the entities: memoised
    per document under the claims' and the entities' versions (a trigger's label is asked for two to
    three times while nothing changes)."""
    key = (_label_start, start, ctx.claims_version, ctx.entities_version)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _read_label_start(ctx, start)
    return found  # type: ignore[return-value]


def _read_label_start(ctx: Ctx, start: int) -> int:
    lo = left_edge(ctx, start, max_len=20)
    if lo == start - 20 and "\u4e00" <= ctx.text[lo - 1:lo] <= "\u9fff":
        wider = left_edge(ctx, start, max_len=32)  # 开展某某商场超市定量包装商品…专项监督抽查: a long name, cut by the window
        lo = wider if wider > start - 32 else lo
    lo += 1 if ctx.text[lo - 1:lo + 1] == "批次" else 0  # 4068批次抽检中: not 次抽检
    while 0 < lo < start and ctx.text[lo - 1].isdigit() and ctx.text[lo].isascii() and ctx.text[lo].isalpha():
        lo -= 1  # 3C产品抽查: a code of digits and letters is one word of the name
    alt = re.search(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{1,2}[）)]$", ctx.text[max(0, lo - 5):lo])
    if alt and lo < start:  # 产（商）品质量抽查: a bracketed alternative inside the name
        lo = left_edge(ctx, lo - len(alt.group()), max_len=12)
    glue = LABEL_LEAD_RE.match(ctx.text, lo, start)
    if ctx.text[lo - 1:lo] in "）)" and lo > 0 and (lo == start or glue and glue.end() == start):
        named = _bracketed_category(ctx, lo)
        if named is not None:
            return named  # 轻工产品（眼镜、卫生纸）共抽查: the category before its bracketed items names the check
    if ctx.text[lo - 1:lo + 1] in LEVEL_CUTS:
        lo -= 1  # 甘肃省级监督抽查: the place's name took the 省 of 省级
    joined = RATE_JOIN_RE.search(ctx.text, lo, start)
    if joined:  # 甲监测合格率和食品抽检合格率: the check is the one after the first rate, no name running over it
        lo = joined.end()
    lead = LABEL_LEAD_RE.match(ctx.text, lo, start)
    if lead:
        lo = lead.end()
    scoped = _scoped_name(ctx, lo, start)
    if scoped is not None:
        return scoped  # 通报某年甲等5种产品质量监督抽查情况: the reported check's own name, its scope included
    closed = listed_before_check(ctx, lo, start)
    if closed is not None:  # 电动自行车、燃气灶具等产品质量专项抽查: the items are the check's categories
        return _verb_cut(ctx, closed, start)
    paired = PAIRED_RE.search(ctx.text, max(0, lo - 8), lo)
    if paired and paired.end() == lo and lo < start:  # 。食品、药品抽检合格率: one check of both
        return paired.start("first")
    area = [a for a in check_area_re(ctx.lex).finditer(ctx.text, max(0, lo - 4), start + 2) if a.end() == start]
    if area and area[-1].start("area") >= lo - 1:
        return start  # 其中城区抽检700批次: an area's part of the check, no check of its own
    lo += 1 if ctx.text[lo:lo + 1] == "在" and breakdown_prefix(ctx.lex, ctx.text[lo + 1:start]) else 0  # 在生产领域抽检
    lo += breakdown_prefix(ctx.lex, ctx.text[lo:start])
    glue = LABEL_LEAD_RE.match(ctx.text, lo, start)  # 流通领域共抽检: the glue after the breakdown is no name either
    return _verb_cut(ctx, glue.end() if glue else lo, start)


def _bracketed_category(ctx: Ctx, close: int) -> int | None:
    """Where a category named before a bracket closing at ``close`` starts (``轻工产品（眼镜、卫生纸）``), or None."""
    opening = max(ctx.text.rfind("（", max(0, close - 24), close), ctx.text.rfind("(", max(0, close - 24), close))
    if opening == -1:
        return None
    lo = left_edge(ctx, opening, max_len=10)
    head = ctx.text[lo:opening]
    if not 2 <= len(head) <= 10 or not all("\u4e00" <= c <= "\u9fff" for c in head) or LABEL_LEAD_RE.fullmatch(head) \
            or breakdown_ends(ctx.lex, head) or breakdown_prefix(ctx.lex, head):
        return None  # 流通领域（实体店）抽查: a breakdown of the report's check, no category
    return lo


BRACKET_RE = re.compile(r"[（(][^（()）]{1,20}[）)]")


def _label_text(ctx: Ctx, lo: int, start: int, end: int) -> str:
    """A check's label from ``lo`` to its check word ``[start, end)``, without bracketed items and a glue word
    before the check word (``轻工产品（眼镜、卫生纸）共抽查`` → ``轻工产品抽查``, ``化肥共抽查`` → ``化肥抽查``); a
    check word and 检验 written after it are one (``抽查检验``)."""
    head = BRACKET_RE.sub("", ctx.text[lo:start])
    if len(head) >= 3:
        head = re.sub(r"(?:共|累计)$", "", head)
    tail = "检验" if ctx.text[end - 2:end] in ("抽查", "抽检") and ctx.text[end:end + 2] == "检验" else ""
    return head + ctx.text[start:end] + tail  # 产品质量抽查检验工作: one compound check word


SCOPED_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,12}?等[0-9一二三四五六七八九十]{1,3}[种类]")


def _scoped_name(ctx: Ctx, lo: int, start: int) -> int | None:
    """Where the name of a check starts when it opens with its scope counted, one item and the number of
    kinds glued to it (``通报某年第一季度甲等7种产品质量监督抽查情况``, ``组织开展了乙等20种产品质量国家监督抽查``):
    at the item, after the period or lead words — the whole is the check's name, as the bulletin writes it.
    A list of items (``甲、乙等7类产品…``) names the check's categories instead. None: no such name."""
    scope = next((m for m in SCOPED_NAME_RE.finditer(ctx.text, max(0, lo - 16), lo) if m.end() == lo), None)
    if scope is None or ctx.text[scope.start() - 1:scope.start()] == "、" or _verb_cut(ctx, lo, start) != lo:
        return None  # 甲、乙等4类…: a list; 甲等4类产品质量进行了监督抽查: a verb phrase, no name
    cut = _scoped_cut(scope.group())
    return None if cut is None else scope.start() + cut


def _scoped_cut(head: str) -> int | None:
    """Where the one item of a counted scope (``某年甲等7种``) starts in ``head``: after its last lead
    word (``SCOPED_NAME_LEADS``); None when no single item of two characters or more is left."""
    cut = max((i + len(w) for w in SCOPED_NAME_LEADS if (i := head.rfind(w, 0, head.index("等"))) != -1), default=0)
    item = head[cut:head.index("等")]
    if len(item) < 2 or any(c in item for c in "、和及与对"):
        return None
    return cut


SCOPED_TAIL_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,12}等[0-9一二三四五六七八九十]{1,3}[种类][\u4e00-\u9fff]*)$")


SCOPED_NAME_LEADS = ("通报", "公布", "发布", "开展了", "开展", "组织", "进行了", "进行", "实施", "关于", "年度", "年",
                     "季度", "月份", "月", "批", "次")


def _verb_cut(ctx: Ctx, lo: int, start: int) -> int:
    """Where a check's name begins when the phrase before its check word is a verb phrase
    (``产品质量进行了监督抽查``, ``日前抽查``, ``产品的质量监督抽查``): after the last cut word of
    ``check_label_cuts.txt``; at the check word itself when only field words (质量, 监督) are left."""
    body = ctx.text[lo:start]
    tiers = re.match(r"[省市县区](?:[一二两三四]级)?", body)
    if tiers and ctx.text[lo - 1:lo] == "、" and tiers.end() == len(body):
        return start  # 省、市、县三级监督抽查: the checks of several tiers, no name of their own
    if body.endswith(ctx.lex.words("checked_party_words.txt")):
        return start  # 电商经销企业抽查108批次: the firms checked, a part of the report's check
    cut = max((i + len(w) for w in ctx.lex.words("check_label_cuts.txt") if (i := body.rfind(w)) != -1), default=-1)
    doer = max((e.span.end - lo for e in ctx.entities_in(lo, start) if e.kind.is_organization and e.span.end <= start),
               default=-1)  # 省局抽查: the check's doer, no part of its name
    cut = max(cut, doer)
    if cut <= 0:
        return lo
    core = body[cut:]
    while (field := next((w for w in check_fields(ctx.lex) if core.endswith(w)), None)):
        core = core[:-len(field)]
    return start if not core or core in ctx.lex.words("generic_check_modifiers.txt") else lo + cut


def _titled_check(ctx: Ctx, kind: Kind) -> str | None:
    """The check a report's title or a quoted notice title names (``关于2018年第2批省级产品质量监督抽查情况的
    通报`` → ``省级产品质量监督抽查``), for the body's checks that name none of their own: the name runs
    from after the last lead word of ``check_title_leads.txt`` to the check word, and names a field
    (质量, 安全 …)."""
    texts = [ctx.doc.title or ""] + [m.group() for m in re.finditer(r"《[^》]{4,80}》|“[^”]{4,80}”", ctx.text)]
    words = sorted((t.word for t in ctx.lex.triggers if t.kind is kind and not t.context), key=len, reverse=True)
    leads = ctx.lex.words("check_title_leads.txt")
    fields = check_fields(ctx.lex)
    for text in texts:
        for word in words:
            i = text.find(word)
            if i < 0:
                continue
            head = text[max(0, i - 14):i]
            cut = max((j + len(w) for w in leads if (j := head.rfind(w)) != -1), default=-1)
            name = head[cut:] + word if cut >= 0 else ""
            scoped = SCOPED_TAIL_RE.search(text, max(0, i - 24), i)
            if scoped is not None and text[scoped.start() - 1:scoped.start()] != "、" \
                    and (at := _scoped_cut(scoped.group("name"))) is not None:
                name = scoped.group("name")[at:] + word  # 关于某年甲等60种产品质量监督抽查情况: its counted scope opens it
            if re.fullmatch(r"[\u4e00-\u9fff]+|" + SCOPED_NAME_RE.pattern + r"[\u4e00-\u9fff]+", name) \
                    and len(name) > len(word) + 1 and any(f in name[:-len(word)] for f in fields):
                return name
    return None


LEVEL_CUTS = frozenset({"省级", "市级", "县级", "区级"})
"""A level word whose first character a place's name before it took (甘肃省级…: 甘肃省 + 级…)."""
RATE_JOIN_RE = re.compile(r"率(?:和|及|与|、)(?!.*率(?:和|及|与|、))")
PAIRED_RE = re.compile(r"(?:^|(?<=[。；;，,：:\n]))(?P<first>[\u4e00-\u9fff]{2,4})、")


def _inspection_key(ctx: Ctx, kind: Kind, start: int, end: int) -> tuple[str, bool]:
    """The label a check gets (before numbering) and whether the text gives none of its own:
    one check per label and paragraph."""
    lo = _label_start(ctx, start)
    label = _label_text(ctx, lo, start, end)
    if lo == start or label in {t.word for t in ctx.lex.triggers}:
        return DEFAULT_LABEL.get(kind, label), len(label) <= 4  # 抽查, 监督抽查: the text names no check
    if ctx.text.startswith(ctx.lex.words("share_leads.txt", longest_first=True), lo):
        return DEFAULT_LABEL.get(kind, label), True  # 占全部抽查产品批次的56%: a share of the report's check
    if ctx.text[start - 1:start] == "的":
        return DEFAULT_LABEL.get(kind, label), True  # 化肥的抽查合格率: a product's part of the report's check
    if ctx.text[start - 2:start] == "分别" and breakdown_ends(ctx.lex, ctx.text[lo:start - 2]):
        return DEFAULT_LABEL.get(kind, label), True  # 生产、流通领域分别抽查: parts of the report's check
    if GENERIC_CHECK_RE.fullmatch(label) and breakdown_ends(ctx.lex, ctx.text[max(0, lo - 6):lo]):
        return DEFAULT_LABEL.get(kind, label), True  # 大型企业产品抽查不合格率: a part of the report's check
    return label, False


GENERIC_CHECK_RE = re.compile(r"产品(?:质量)?(?:监督)?(?:抽查|抽检)")


CAMPAIGN_RE = re.compile(r"(?:专项检查|专项整治|专项行动|专项执法|专项抽查|专项抽检|整治行动|执法行动|打假行动)")


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
            left = min(_verb_cut(ctx, left, m.start()), m.start())  # 商品质量进行了专项抽检: no campaign's name
            since = [a for a in ACTIVITY_RE.finditer(ctx.text, lo, m.end() + 4) if a.group("since") and a.end("since") == m.end()]
            if since:  # 自4月全省某某整治行动开展以来: the whole name, as the activity rules read it
                return campaign_span(since[-1].start("since"), since[-1].group("since"))[1]
            name = ctx.text[left:m.end()]
            name = name[LABEL_LEAD_RE.match(name).end():] if LABEL_LEAD_RE.match(name) else name
            if len(name) > len(m.group()) + 1:
                return name
    return None


def _link_categories(ctx: Ctx, sent: Sentence, ent: Entity, start: int, end: int, label: str | None = None) -> None:
    """The product categories listed before a check word are the check's categories."""
    lo = _label_start(ctx, start)
    for cat_start, cat_end in items_before_check(ctx, lo):  # 电动自行车、燃气灶具等产品质量专项抽查
        cat = ctx.add(Kind.PRODUCT_CATEGORY, ctx.text[cat_start:cat_end], cat_start, cat_end)
        ctx.relate(ent.ref, Rel.CATEGORY, cat.ref, cat_start, end)
    for cat_start, cat_end in _categories(ctx, sent, lo, end, label or ctx.text[lo:end], ent.kind):
        cat = ctx.add(Kind.PRODUCT_CATEGORY, ctx.text[cat_start:cat_end], cat_start, cat_end)
        ctx.relate(ent.ref, Rel.CATEGORY, cat.ref, cat_start, end)


def _inspection(ctx: Ctx, sent: Sentence, kind: Kind, start: int, end: int, period: str | None,
                named: str | None = None) -> Entity:
    lo = _label_start(ctx, start)
    label = _label_text(ctx, lo, start, end)
    level = None
    for word, lvl in sorted(ctx.lex.levels.items(), key=lambda t: -len(t[0])):
        if label.startswith(word) and len(label) > len(word) + 1:
            level = lvl
            break
    level = level or level_before_trigger(ctx, label, ctx.text[start:end])  # 产品市级监督抽查: a municipal check
    if lo == start or label in {t.word for t in ctx.lex.triggers}:
        label = named or DEFAULT_LABEL.get(kind, label)
        if named and level is None:  # the titled 省级产品质量监督抽查: a provincial check
            level = next((lvl for word, lvl in sorted(ctx.lex.levels.items(), key=lambda t: -len(t[0]))
                          if named.startswith(word) and len(named) > len(word) + 1), None)
    place = ctx.home
    ctx.label_counts[label] += 1
    if ctx.label_counts[label] > 1:
        label = f"{label}（{ctx.label_counts[label]}）"
    attrs: list[tuple[str, str]] = []
    if period:
        attrs.append(("refPeriod", period))
    ent = ctx.add(kind, label, lo, end, level=level, place=place.name if place else None, attributes=tuple(attrs))
    _link_categories(ctx, sent, ent, start, end, label)
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
        spans = category_items(ctx, split_list(ctx, m.start("cats"), m.end("cats")))
        return [(s, e) for s, e in spans if e - s >= 2]
    return out
