"""Clause topics: a figure given to a place while its clause or sentence speaks of something else.

The figure rules fall back to a place when they find no other subject. In real reports a clause often
speaks of a topic that is no place, and its figures are the topic's:

1. a clause opening with a topic's name before its verb — a platform, system, plan, campaign or contest
   (``“某某”服务平台整合全市48个…``, ``“某某监测平台”成功采集…``; ``topic_nouns.txt``): a place word after
   the verb is only the object's scope;
2. a sentence opening by carrying a topic on (``持续深化某某制度，全市…企业接受培训，新增…12人``;
   ``topic_verbs.txt``), or an earlier clause launching a campaign the extractor has as an event
   (``联合开展了某某“质量月”活动，唱响五支…``; not a breakdown such as 新增, which stays the place's):
   its later clauses' counts are the topic's (a quoted action the extractor lacks, ``开展“某某”质量提升行动，
   在全市推动1000家企业…``: its goals or its results, unsure) — save a clause naming a place itself without a verb of
   taking part (``topic_part_verbs.txt``): with a verb of holding (``…，全市有效注册商标达到8万件``;
   ``topic_stock_verbs.txt``) the place's own stock, else, after a topic carried on, unsure;
3. a count followed in its clause by a verb of a list, mark or award taking items in (``某省共9家获奖``,
   ``…5个产品的15家企业获准使用某标志``; ``list_share_verbs.txt``), or preceded by one of a plan's or a list's
   (``首批纳入某计划的共有…6条``; ``list_entry_verbs.txt``): one place's share of a list is the list's
   figure (chain projects excepted: ``两条产业链入选省级项目`` is the place's, by the conventions); also a
   count of a policy's adopters (``某地等5个市政府出台了《某纲要》实施方案``);
4. a count of who attended (``…企业代表45家``; ``attendance_words.txt``), or of what took part in a pilot,
   campaign or contest (``组织5项工程开展了某某试点``): the gathering's or the campaign's, never the place's;
5. a quoted name written into the measure in a clause naming no place (``入库“某某”个体工商户85户``):
   the count of the quoted list or brand (a quoted term that is the whole measure, ``实现“某转某”213家``, is
   what is counted: no topic);
6. a count of what was done for others (``帮扶…``, ``走访…``; ``service_actions.txt``) in a sentence opening
   on an organisation (``该局推动…``; ``organisation_refs.txt``, or a department named first): the
   organisation's; in a sentence opening with a word pointing back at an organisation (``该局培育认定…
   20家，下拨资金300万元``) every figure naming no place and no stock (``topic_stock_verbs.txt``,
   ``vouching_stock_measures.txt``; no 新增 / 有效 / 累计: 新登记经营主体3200户 stays the place's) is the
   organisation's named last before.

A figure left on a guessed place (already marked inferred) goes to its clause's topic when that is an
entity, and — in a report whose lead launches a campaign the extractor has as an event — a count of what
was done in a later paragraph naming no place goes to the campaign (:func:`document_campaign`).

A check's outcome written again without the check (``检出不合格…``, ``总体不合格率…``) in a sentence naming
no place, left on a guessed place, is the check's whose figure came last in its paragraph
(:func:`paragraph_check`).

A check's figure carried from an earlier clause into a clause opening with another thing's rate
(``…食品抽检合格率98%，建筑工程竣工验收合格率保持100%``) is marked inferred too (:func:`other_rate`).

When the topic is an entity the extractor has — named in the topic's words, a system, campaign,
programme or department — the figure goes to it (confidence ``carried``); otherwise the figure keeps
the place but is marked inferred: a false figure is worse than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Kind, Observation, Ref, Sentence
from .context import Ctx
from .indexes import level_words_re
from .periods import clause_end, clause_start

TOPIC_KINDS = frozenset({Kind.QUALITY_SYSTEM, Kind.EVENT, Kind.HONOUR, Kind.CERTIFICATION_SCHEME,
                         Kind.CULTIVATION_POOL, Kind.PROTECTION_LIST, Kind.SERVICE_BRAND, Kind.WORK_MODEL,
                         Kind.FACILITY})
"""Kinds of entity a clause's topic resolves to (a policy is a plan's text, not the plan's doing)."""
ORG_KINDS = frozenset({Kind.DEPARTMENT, Kind.GOVERNMENT_BODY})
LEAD = r"(?:其中|同时|此外|另外|(?:20\d{2}年|今年|去年|上半年|全年)(?:以来)?)?[，,]?"


@dataclass(frozen=True, slots=True)
class Topic:
    """What a figure's clause speaks of instead of its place: the case (1–6 above), the words that showed
    it and the entity it resolves to (None: the figure is only marked inferred)."""

    case: int
    words: str
    ref: Ref | None = None


def _alternation(lex: Lexicon, name: str) -> str:
    return lex.alternation(name)


@per_lexicon
def _patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    nouns = _alternation(lex, "topic_nouns.txt")
    return {
        "actor": re.compile(rf"{LEAD}(?P<t>[“\"][\u4e00-\u9fff“”\"+]{{0,20}}?(?:{nouns})[”\"]?)"
                            rf"(?:成功|已|共|累计|先后)?(?:{_alternation(lex, 'actor_verbs.txt')}|{_alternation(lex, 'topic_doings.txt')})"),
        "opener": re.compile(rf"{LEAD}(?:持续|全面|深入|不断|积极|稳步)?(?:{_alternation(lex, 'topic_verbs.txt')})"
                             rf"(?P<t>[^，,；;。]{{1,20}}?(?:{nouns}))[，,]"),
        "share": re.compile(rf"[^，,；;。]{{0,24}}?(?:{_alternation(lex, 'list_share_verbs.txt')})"),
        "entry": re.compile(rf"(?:{_alternation(lex, 'list_entry_verbs.txt')})[^，,；;。]{{0,16}}?(?:{nouns}|名单|目录|名录)"),
        "joins": re.compile(r"[^，,；;。]{0,8}?(?:开展|参加|参与)了?[^，,；;。]{0,12}?(?:试点|活动|行动|比赛|大赛)"),
        "launch": re.compile(r"(?:开展|启动|举办|组织)了?[^，,；;。]{0,16}?(?:活动|行动|比赛|大赛)"),
        "adopted": re.compile(r"[^，,；;。《]{0,10}?(?:出台|印发|制定)了?《[^》]{2,40}》(?:实施方案|实施意见|配套措施)"),
        "org": re.compile(rf"{LEAD}(?P<t>{_alternation(lex, 'organisation_refs.txt')})"),
        "action": re.compile(rf"{LEAD}(?:{_alternation(lex, 'service_actions.txt')})"),
    }


def clause_topic(ctx: Ctx, o: Observation, sent: Sentence) -> Topic | None:
    """The topic that makes a place subject of ``o`` doubtful, or None (see the module)."""
    pats = _patterns(ctx.lex)
    pos = o.span.start
    cs = clause_start(ctx, sent, pos)
    clause = ctx.text[cs:pos]
    m = pats["actor"].match(ctx.text, cs, pos)
    if m and not _place_word(ctx, m.group("t")):
        return Topic(1, m.group("t"), _resolve(ctx, m.start("t"), m.end("t"), TOPIC_KINDS))
    whole = ctx.text[cs:clause_end(ctx, sent, o.span.end)]
    own_place = _place_word(ctx, clause) and not any(w in whole for w in ctx.lex.words("topic_part_verbs.txt"))
    stock = own_place and any(w in whole for w in ctx.lex.words("topic_stock_verbs.txt"))
    # (持续深化某某制度，全市有效注册商标达到8万件: the place's own stock; 全市2300家企业接受培训: the topic's;
    # 持续推进某某工程，全市主导制定国家标准12项: the place's or the topic's, cannot be told)
    m = pats["opener"].match(ctx.text, sent.span.start, pos)
    if m and m.end() <= cs and not stock and not _place_word(ctx, m.group("t")):
        ref = _resolve(ctx, m.start("t"), m.end("t"), TOPIC_KINDS)
        if ref is not None or not _place_word(ctx, ctx.text[m.end():pos]):
            return Topic(2, m.group("t"), None if own_place else ref)
    for m in pats["launch"].finditer(ctx.text, sent.span.start, cs if o.breakdown is None and not stock
                                     else sent.span.start):
        ref = _resolve(ctx, m.start(), m.end(), frozenset({Kind.EVENT}))
        if ref is not None or m.group().endswith(("比赛", "大赛")):  # 联合开展了某某“质量月”活动，唱响五支…
            return Topic(2, m.group(), ref)  # what the campaign did (a contest the extractor lacks: unsure)
        if re.search(r"[”\"][\u4e00-\u9fff]{0,8}行动$", m.group()):
            return Topic(2, m.group(), None)  # 开展“某某”质量提升行动，在全市推动1000家企业…: the named action's goals, unsure
    end = clause_end(ctx, sent, o.span.end)
    if "项目" not in ctx.text[cs:end]:  # 两条产业链入选省级项目: chain projects are the place's
        m = pats["share"].match(ctx.text, o.span.end, end)
        if m and not re.search(r"拥有|现有|共有|产业链", ctx.text[cs:end]):  # what the place holds; its chains
            ref = _resolve(ctx, o.span.end, end, TOPIC_KINDS)
            if ref is None and m.group().endswith(ctx.lex.words("award_won_verbs.txt")):
                ref = sole_award(ctx)  # 某省共9家获奖 in a report of one award: that award's winners
            return Topic(3, m.group(), ref)
        m = pats["entry"].search(ctx.text, cs, pos)
        if m:
            return Topic(3, m.group(), _resolve(ctx, m.start(), m.end(), TOPIC_KINDS))
    m = pats["joins"].match(ctx.text, o.span.end, end)
    if m:
        return Topic(4, m.group(), _resolve(ctx, o.span.end, m.end(), TOPIC_KINDS))
    m = pats["adopted"].match(ctx.text, o.span.end, end)
    if m:  # 某地等5个市政府出台了《某纲要》实施方案: the count of the policy's adopters
        return Topic(3, m.group(), _resolve(ctx, o.span.end, m.end(), frozenset({Kind.POLICY})))
    if o.measure.endswith(ctx.lex.words("attendance_words.txt")):
        return Topic(4, o.measure)
    quoted = re.findall(r"[“\"]([^”\"]{2,12})[”\"]", clause)
    quoted = [q for q in quoted if q in o.measure and q != o.measure]  # the quoted term alone (实现“某转某”213家) is
    if quoted and not _place_word(ctx, ctx.text[sent.span.start:pos]):  # what is counted, no list or brand
        q = quoted[0]
        pools = [] if re.search(r"拥有|现有|共有", clause) else ctx.entities_in(cs, pos, frozenset({Kind.CULTIVATION_POOL}))
        return Topic(5, q, next((e.ref for e in pools if e.name == q), None))  # 入库“某某”个体工商户85户: the pool's
    back = pats["org"].match(ctx.text, sent.span.start, pos)
    if back and o.breakdown is None and not _place_word(ctx, _without_names(ctx, back.end(), pos)) and not any(
            w in whole for w in ctx.lex.words("topic_stock_verbs.txt")) and not any(
            w in o.measure for w in ctx.lex.words("vouching_stock_measures.txt")):
        ref = _last_org(ctx, back.start("t"))  # 该局培育认定…企业20家，下拨资金300万元: what the bureau did
        if ref is not None and back.group("t")[1:] in ref.name:  # (该局 points at a 局, not at a 委员会 named last)
            return Topic(6, back.group("t"), ref)
    if pats["action"].match(ctx.text, cs, pos) and cs > sent.span.start:
        m = pats["org"].match(ctx.text, sent.span.start, pos)
        if m:
            return Topic(6, m.group("t"), _last_org(ctx, m.start("t")))
        lead = re.match(LEAD, ctx.text[sent.span.start:pos]).end() + sent.span.start
        org = next((e for e in ctx.entities_in(lead, cs, ORG_KINDS) if e.span.start == lead), None)
        if org is not None:  # 某市市场监管局开展…行动，…；走访…7家上游企业: what the department did
            return Topic(6, org.span.text, org.ref)
    return None


def sole_award(ctx: Ctx) -> Ref | None:
    """The one award the report links winners to (``“某地金银花”荣获“2020某博览会金奖”``), if it links
    winners to exactly one programme and that is an honour: a bare ``某省共9家获奖`` counts its winners."""
    programmes = {x.programme for x in ctx.listings}
    if len(programmes) != 1:
        return None
    ref = next(iter(programmes))
    return ref if ref.kind is Kind.HONOUR else None


def _without_names(ctx: Ctx, start: int, end: int) -> str:
    """The text of ``[start, end)`` less the organisations named in it (a firm's name may hold a place's)."""
    text = list(ctx.text[start:end])
    for e in ctx.entities_in(start, end):
        if e.kind.is_organization:
            text[e.span.start - start:e.span.end - start] = "　" * (e.span.end - e.span.start)
    return "".join(text)


def _place_word(ctx: Ctx, text: str) -> bool:
    """``text`` names a place, or speaks of one in its own words (全市, 我省)."""
    if level_words_re(ctx.lex).search(text):  # (any of level_words in it)
        return True
    return any(text[i:i + n] in ctx.lex.place_names for i in range(len(text)) for n in range(2, 9))


def _resolve(ctx: Ctx, start: int, end: int, kinds: frozenset[Kind]) -> Ref | None:
    """The one entity of ``kinds`` written in ``[start, end)``, if there is exactly one."""
    found = {Ref(e.kind, e.name) for e in ctx.entities_in(start, end, kinds)}
    return next(iter(found)) if len(found) == 1 else None


def _last_org(ctx: Ctx, pos: int) -> Ref | None:
    """The department or government body the back-reference at ``pos`` points to: the last one named
    before it."""
    before = [e for e in ctx.entities if e.kind in ORG_KINDS and e.span.end <= pos]
    if not before:
        return None
    last = max(before, key=lambda e: e.span.end)
    return Ref(last.kind, last.name)


RATE_HEAD_RE = re.compile(LEAD + r"(?P<x>[\u4e00-\u9fff]{4,12}?)(?:合格率|达标率|验收合格率)")


def other_rate(ctx: Ctx, o: Observation, sent: Sentence) -> str | None:
    """A check's figure, carried from an earlier clause, whose own clause opens with another thing's rate
    (``…食品抽检合格率98%，建筑工程竣工验收合格率保持100%``): the rate of what the clause names, not the
    check's; returns its words."""
    if o.subject is None or o.breakdown is not None or o.categories:
        return None
    cs = clause_start(ctx, sent, o.span.start)
    if any(e.span.start >= cs for e in ctx.entities_in(cs, o.span.start) if e.ref == o.subject):
        return None  # the clause names the check itself
    m = RATE_HEAD_RE.match(ctx.text, cs, o.span.start)
    if m is None or any(t.word in m.group("x") for t in ctx.lex.triggers):
        return None
    return m.group("x") if cs > sent.span.start else None


def document_campaign(ctx: Ctx, o: Observation, sent: Sentence) -> Ref | None:
    """The campaign a report is about — launched in its first paragraph and one the extractor has as an
    event (``…联合开展了全省“质量月”活动``) — for a figure of what was done (``制作展板400个``, ``组织开展…活动42次``)
    in a later paragraph that names no place of its own (the place's own words, 全省制作展板300个, are only
    the campaign's scope): the campaign's, not the guessed or the document's place's."""
    ref, lead_end = lead_campaign(ctx)
    if ref is None or o.span.start < lead_end:
        return None
    cs = clause_start(ctx, sent, o.span.start)
    clause = ctx.text[cs:o.span.start]
    if ctx.entities_in(cs, o.span.start, frozenset({Kind.PLACE})) or not any(
            w in clause for w in ctx.lex.words("campaign_works.txt")):
        return None
    return ref


def lead_campaign(ctx: Ctx) -> tuple[Ref | None, int]:
    """The campaign the report's lead (its first paragraph of 40 characters or more) launches, as an event
    the extractor has, and where the lead ends; (None, -1) when there is none."""
    key = ("document_campaign",)
    if key not in ctx.memo:
        found, lead_end, start = None, -1, 0
        while start < len(ctx.text):  # the lead: the first paragraph of 40 characters or more (no byline)
            end = ctx.text.find("\n", start)
            end = len(ctx.text) if end == -1 else end
            if end - start >= 40:
                lead_end = end
                for m in _patterns(ctx.lex)["launch"].finditer(ctx.text, start, end):
                    found = _resolve(ctx, m.start(), m.end(), frozenset({Kind.EVENT}))
                    if found is not None:
                        break
                break
            start = end + 1
        ctx.memo[key] = (found, lead_end)
    return ctx.memo[key]  # type: ignore[return-value]


OUTCOME_RE = re.compile(LEAD + r"(?:共|累计)?(?:检出|发现)(?:不合格|问题)")


def paragraph_check(ctx: Ctx, o: Observation, sent: Sentence, earlier: list[Observation]) -> Ref | None:
    """A check's outcome written again without the check (``…抽检…批次。检出不合格食品40批次，总体不合格率
    2.1%``) in a sentence naming no place: the check whose figure came last before it in its paragraph.
    ``earlier``: the document's figures before ``o``. A value the check already has is no new figure."""
    pos = o.span.start
    cs = clause_start(ctx, sent, pos)
    rate = o.unit == "Percent" and re.fullmatch(r"(?:总体|综合|平均)?不?合格率", o.measure)
    if not (OUTCOME_RE.match(ctx.text, cs, pos) or rate):  # not 等12类食品抽检不合格率有所降低: moved items
        return None
    if _place_word(ctx, ctx.text[sent.span.start:pos]):
        return None
    para = ctx.text.rfind("\n", 0, sent.span.start) + 1
    last = next((p for p in reversed(earlier) if p.span.start >= para and not p.subject_inferred), None)
    if last is None or last.subject is None or last.subject.kind not in INSPECTION_KINDS:
        return None
    if any(p.subject == last.subject and p.value == o.value and p.unit == o.unit for p in earlier):
        return None
    return last.subject

