"""Measures: what a figure counts, read from the words before and after its number.

A figure's measure is the noun phrase that the number counts, written either before it
(``省级企业技术中心58家``) or after it (``64项共性技术短板``); a level word carries over along an
enumeration (``…、工程研究中心13家``); a quoted name is part of it (``“浙江制造”标准412项``); a verb names
it when no noun does (``立案查处68件``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Entity, Kind, Level, Observation, Ref, Rel
from ..lexicon import Lexicon, per_lexicon
from .food_categories import protected
from .context import CLAUSE_BREAK, PUNCT, Ctx
from .measure_edges import organisation_phrase, per_head_holding, whole_item
from .agent_clauses import driven_verb
from .indexes import levels_longest_first, units_by_first_char
from .measure_words import level_heads, prize_money_after
from .orgs import left_edge, list_items, place_starting_at

@per_lexicon
def noun_stop_re(lex: Lexicon) -> re.Pattern[str]:
    """The verbs that end a counted noun written after its number (``noun_stop_verbs.txt``)."""
    return re.compile("(?:" + lex.alternation("noun_stop_verbs.txt") + ")")


STATUS_VERBS = ("通过", "入选", "获得", "荣获", "列入", "被认定", "认定为", "达到", "建立了", "建成了", "设立了")
CHANGE_RE = re.compile(r"(?<!新)(?:增加|减少|提高|下降|增长|降低|上升)了?$")
DIVIDED_RE = re.compile(r"(?:分为|分成|划分为|归为)[^，,。；;：:]*$")
SHARE_OF_RE = re.compile(r"占(?:抽查|抽检)?")
GROWTH_RE = re.compile(r"(?:增长|下降|提高|提升|上升|升高|降低|同比|环比|增幅|降幅|增速|增长率|减少|增加)(?:了)?$")
SHARE_OF_PLACE_RE = re.compile(r"占(?P<whole>全国|全省|全市|全县|全区)的(?:比重|比例)?(?:为|达|达到)?$")
SHARE_OF_WHOLE_RE = re.compile(r"占(?!比)(?:全国|全省|全市|全县|全区)?(?P<of>[^，,；;。占\d的]{1,16}?)(?:的)?(?P<ratio>比重|比例)?"
                               r"(?:为|达|达到)?$")
"""占某某总量的59.63%, 占工业总产值比重达到90%: a share of a whole, measured 占… with its 比重 / 比例 kept; 占比 (某类项目占比80%)
is the noun share, no 占 of a whole."""
CHANGE_BY_RE = re.compile(r"(?:比|较)(?:上年|去年|上年同期|去年同期|前年|同期|上一年|上季度|上月|20\d{2}年(?:同期)?"
                          r"|全国|全省|全市|全县|全区)(?:平均水平|平均)?(?:同期)?(?:[（(][^（()）]{1,12}[）)])?"
                          r"(?:多|少|增加|减少|增长|下降|提高|提升|上升|前移|降低|新增|高出|低出|高|低)(?:了)?$")
"""较上年多2件, 较全国平均水平（93.1%）高出0.3个百分点, 比去年提升2个位次: a difference against the baseline (its
value in brackets or not), no figure of the subject."""
MARGIN_RE = re.compile(r"(?:高出|低出|超出|领先|落后)(?:了)?$|(?:高于|低于)[^，,。；;\d]{1,14}$")
"""高出0.3个百分点, 高于全国平均水平0.5个百分点: percentage points after a word of comparison measure the
margin over a baseline, no level of the subject."""
SKIP_BEFORE = ("第",)
MEASURE_PREFIX_VERBS = ("新增", "新建", "新认定", "新培育")
LEAD_TIME_RE = re.compile(r"(?:(?:20\d{2}年|今年|去年|上年|本年))?(?:[一二三四1-4](?:至|—|－|-)[一二三四1-4]季度|(?:第)?[一二三四1-4]季度"
                          r"|上半年|下半年|前三季度|\d{1,2}(?:至|—|－|-)\d{1,2}月(?:份)?|[一二三四五六七八九十]{1,2}至[一二三四五六七八九十]{1,2}月(?:份)?)"
                          r"[，,]?(?:以来)?")
"""Time words opening a clause before its measure (``一至三季度共检定水表``): a period, no part of the measure."""
CATEGORY_MEASURE_RE = re.compile(r"产品|食品|商品|投诉|设备|器具|仪|类|品种|农资")
"""Measures whose examples (…等) are categories of products or complaints."""
PREDICATE_RE = re.compile(r"(?:数量|总数)?(?:已增至|已增加到|已增加至|已增长至|已增长到|增至|增加到|提升至|提高到|升至|达到了|分别为|分别是|分别达|共有|共计|合计|累计已达到|累计已达|累计达到|累计达|已经达到|已达到|已达|累计(?:发布|制定|培育|认定|建成|获批|新增)|累计|总数|达到|达|为|是|有|共|突破|超过|超|近|(?<![节签预制违履合条])约|逾)$")


@dataclass
class _Segment:
    start: int
    end: int
    inspection: Entity | None = None
    topic: Entity | None = None
    """The organisation a sentence is about (it opens the sentence)."""
    respective: dict[int, tuple[str | None, Ref | None, str | None]] = field(default_factory=dict)
    """Measures paired by order with the values after 分别 (number start → measure)."""
    checks: list[Entity] = field(default_factory=list)
    """The checks named in the segment, in text order."""

    def check_before(self, pos: int) -> Entity | None:
        """The check a figure at ``pos`` belongs to: the last one named before it in the segment, else
        the paragraph's check (``…全市产品质量国家监督抽查合格率为94.3%，省级监督抽查合格率为95.6%``)."""
        named = [c for c in self.checks if c.span.start < pos]
        if named:
            return named[-1]
        if self.inspection is not None and self.inspection.span.start < pos and not self.checks:
            return self.inspection
        return None


def _unit_at(ctx: Ctx, pos: int):
    """The first unit of the lexicon (longest first) written at ``pos``."""
    units = units_by_first_char(ctx.lex)
    return next((u for u in units.get(ctx.text[pos:pos + 1], units[""]) if ctx.text.startswith(u.word, pos)), None)


SESSION_RE = re.compile(r"(?:[、和及至][一二三四五六七八九十\d]+次)*(?:全会|全体会议|会议精神)")


def is_bare_total(lex: Lexicon, measure: str) -> bool:
    """``总量``, ``目前总量``: a total with no noun of its own (``total_words.txt``, after a word of now)."""
    return re.sub(r"^(?:目前|现|当前|截至目前)", "", measure) in lex.words("total_words.txt")


def _not_a_count(ctx: Ctx, m: re.Match[str], unit: str, value) -> bool:
    before = ctx.text[max(0, m.start() - 1):m.start()]
    if unit == "位" and ctx.text.startswith("数", m.end() + 1):
        return True  # 实现两位数增长: digits of a growth rate, no count of persons
    if unit == "度" and not m.group("scale") and not ctx.text.startswith("电", m.end() + 1):
        return True  # 35度, 三度: 度 counts electricity only as 万度 / 亿度 / …度电 (节约用电12万度)
    if unit == "起" and (not m.group("num")[0].isdigit() or re.match(r"[草步点诉到来始止飞航源因]", ctx.text[m.end() + 1:m.end() + 2])):
        return True  # 一起开展, 3起草: 起 counts cases only after digits and not as the start of a word
    if before in SKIP_BEFORE or before in ("每", "-", "—", "~", "～") or (
            before == "至" and ctx.text[max(0, m.start() - 2):m.start() - 1].isdigit()):
        return True  # 每三年, 2-3年, 2至3年: no counts
    if ctx.text[m.start() - 1:m.start()] in ("”", '"'):
        opening = max(ctx.text.rfind("“", max(0, m.start() - 40), m.start() - 1), ctx.text.rfind('"', max(0, m.start() - 40), m.start() - 1))
        if opening != -1 and "、" in ctx.text[opening:m.start()]:
            return True  # “培育、申报、拓展、保护”四个环节: how many parts the slogan names, no count
        if re.search(r"[”\"][、和及与][“\"][^“”\"]{1,30}[”\"]$", ctx.text[max(0, m.start() - 40):m.start()]) \
                and re.match(r"[^，,。；;]{0,2}(?:奖|荣誉|称号)", ctx.text[m.end() + len(unit):m.end() + len(unit) + 5]):
            return True  # 颁发“甲奖”、“乙奖”两项大奖: how many awards the quoted list names, no count
    if re.search(r"(?:最高|最低|最多|最少|较高|较低)的$", ctx.text[max(0, m.start() - 3):m.start()]):
        return True  # 不合格率最高的5种产品是…: a rank, how many are named after, no count of the subject
    if re.match(r"(?:以上|以下|及以上|及以下|以内)?(?:为|评为|定为|可评为)[A-Za-z甲乙丙丁优良]?[级等]",
                ctx.text[m.end() + len(unit):m.end() + len(unit) + 8]):
        return True  # 90分以上为A级: where a grade starts, a rule of the grading, no figure
    if re.search(r"分(?:[A-Za-z甲乙丙丁]、?){2,}$", ctx.text[max(0, m.start() - 20):m.start()]):
        return True  # 考核分A、B、C、D四个等级: how the grading is divided, no count
    if DIVIDED_RE.search(ctx.text[max(0, m.start() - 40):m.start()]):
        return True  # 主要分为种植业、养殖业、加工业三大类, 分为四个板块: how the items are grouped, no count
    if ctx.text[m.end() + len(unit):m.end() + len(unit) + 1] in ("/", "／") \
            and not per_head_holding(ctx.text, m.start(), m.end() + len(unit)):
        return True  # 抽检量达到5.36批次/千人: a rate per head, no count (but 拥有量…件/万人 is the indicator)
    if unit in ("%", "％") and re.match(r"(?:以上|左右)?的(?:增长|增幅|增速|速度)", ctx.text[m.end() + 1:m.end() + 8]):
        return True  # 每年均保持10%以上的增长速度: a growth rate, no figure
    if unit == "年" and re.match(r"[^，,。；;]{0,8}?增[^，,。；;]{0,4}倍", ctx.text[m.end() + 1:m.end() + 16]):
        return True  # 莆田5年商标增逾5倍: a span of time, no count
    if unit == "年" and re.match(r"(?:行动|计划|规划|攻坚|培育名单|培育计划|提升行动)", ctx.text[m.end() + 1:m.end() + 5]):
        return True  # 新突破三年行动, 某某三年培育名单: the name of a plan or its term, no count
    if unit == "个" and ctx.text.startswith(ctx.lex.words("time_span_nouns.txt", longest_first=True), m.end() + len(unit)):
        return True  # 公示期为7个工作日, 3个月: a span of time, no count
    if CHANGE_RE.search(ctx.text[max(0, m.start() - 6):m.start()]):
        return True  # 增加了1100批次: a change against an earlier figure, not a figure of its own
    if unit == "年" and re.match(r"以来|来|内|后|前|期间", ctx.text[m.end() + 1:m.end() + 3]):
        return True
    if unit == "年" and (m.group("pre") == "近" or re.search(r"(?:近|过去|最近|未来)$", ctx.text[max(0, m.start() - 2):m.start()])):
        return True  # 近3年: a time span, not a count
    if unit == "年" and (re.search(r"(?:有效期|建设期|期限|周期|为期)[为是]?$", ctx.text[max(0, m.start() - 5):m.start()])
                        or re.match(r"(?:的)?(?:建设期|有效期|期限|周期)", ctx.text[m.end() + 1:m.end() + 5])):
        return True  # 有效期为3年, 两年建设期: a term, not a count
    if unit == "次" and re.search(r"连续$", ctx.text[max(0, m.start() - 2):m.start()]):
        return True  # 连续两次抽查不合格: a condition, not a count (连续三年获评… stays, unsure: figures.py)
    if unit == "次" and SESSION_RE.match(ctx.text, m.end() + 1):
        return True  # 省委十二届二次、三次全会: which plenary sessions, no count
    if unit in ("年",) and value >= 1900:
        return True
    if unit == "年" and ctx.text.startswith("度", m.end() + 1):
        return True
    if unit == "年" and re.match(r"[\u4e00-\u9fff]{0,4}?[一1](?:次|届|轮)", ctx.text[m.end() + 1:m.end() + 8]):
        return True  # 两年评选一次: how often, no count of years
    if unit == "年" and re.match(r"(?:以上|以下)(?:[（(][^）)]{0,8}[）)])?的", ctx.text[m.end() + 1:m.end() + 14]):
        return True  # 连续生产经营三年以上（含三年）的企业: a condition of the rules, no count
    if ctx.text[max(0, m.start() - 3):m.start()].endswith(tuple(ctx.lex.words("condition_leads.txt"))) \
            and (unit == "年" or ctx.text.startswith("的", m.end() + len(unit))):
        return True  # 未达到2个的, 获奖满5年: a condition of the rules, no count
    if unit == "次" and value <= 4 and re.search(r"每(?:[一二两三四五1-5]?年|届|季度|月|半年)度?[\u4e00-\u9fff]{0,6}$",
                                                ctx.text[max(0, m.start() - 14):m.start()]):
        return True  # 每年评审1次: how often, no count of times
    if unit in ("%", "％", "个百分点") and (GROWTH_RE.search(ctx.text[max(0, m.start() - 6):m.start()])
                                         or ctx.text[max(0, m.start() - 4):m.start()].endswith(
                                             tuple(ctx.lex.words("growth_leads.txt")))):
        return True  # 比增43.7%: a change, no figure
    if ctx.text.startswith(tuple(ctx.lex.words("numeral_words.txt")), m.start()):
        return True  # 成果十分丰硕: an adverb, no score
    if unit == "个百分点" and MARGIN_RE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return True  # 高出全省平均水平0.3个百分点: a margin over a baseline, no figure
    if CHANGE_BY_RE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return True  # 比去年同期多2件, 较上年增加3家: a change, no figure of the subject
    if unit == "分" and ctx.text.startswith("钟", m.end() + 1):
        return True
    if unit in ("位", "名") and before == "前":
        return True  # 居前三位: a rank
    if unit == "部" and ctx.text.startswith("门", m.end() + 1):
        return True  # 八部门联合发布
    return False


@per_lexicon
def after_re(lex: Lexicon) -> re.Pattern[str]:
    """The words written after a number, up to a break: a short bracketed part inside a noun is the noun's
    (``5个市(地)政府``), not one before a verb ending the noun (``138个产品（服务）入选``)."""
    status = "|".join(map(re.escape, STATUS_VERBS))  # …入选: the noun would run on into the verb's object
    return re.compile(r"(?:[^，,。；;:;：、\s\d%‰《》“”\"（）()/／…]|[（(][\u4e00-\u9fff]{1,2}[）)]"
                      rf"(?=[\u4e00-\u9fff])(?!{status})){{0,24}}")


@per_lexicon
def _adverb_end_re(lex: Lexicon) -> re.Pattern[str]:
    """An adverb of ``predicate_adverbs.txt`` ending the words before a figure's verb (逐年 of 逐年升至)."""
    return re.compile(rf"(?:{lex.alternation('predicate_adverbs.txt') or '(?!)'})$")


@per_lexicon
def _registered_end_re(lex: Lexicon) -> re.Pattern[str]:
    """``有效注册`` / ``注册`` ending a measure's words, with the thing registered before it (``registration_objects.txt``)."""
    return re.compile(rf"(?:{lex.alternation('registration_objects.txt') or '(?!)'})?(?:有效注册|有效|商标注册|注册)$")


def _measure(ctx: Ctx, seg: _Segment, num_start: int, end: int, unit, prev: Observation | None):
    """(measure, level, example categories, place) for the figure at ``num_start``."""
    after = after_re(ctx.lex).match(ctx.text[end:seg.end]).group()
    item_start = max(seg.start, ctx.last_of(CLAUSE_BREAK + "、", seg.start, num_start) + 1)
    predicate = PREDICATE_RE.search(ctx.text, item_start, num_start)
    np_end = predicate.start() if predicate else num_start
    while np_end > item_start and ctx.text[np_end - 1] in " \u3000\t\xa0":
        np_end -= 1  # 地理标志保护产品 1个: a space typed before the number ends no measure
    adverb = _adverb_end_re(ctx.lex).search(ctx.text[item_start:np_end]) if predicate else None
    if adverb and adverb.start() >= 2:
        np_end -= len(adverb.group())  # 某项满意率逐年升至90%: the adverb before the verb is no part of the measure
    aside = re.search(r"[（(](?!含|包括|包含|不含)[\u4e00-\u9fff]{1,6}[）)]$", ctx.text[item_start:np_end])
    if aside and aside.start() >= 2 and not re.fullmatch(r"[（(]20\d{2}年度?[）)]", aside.group()):
        np_end -= len(aside.group())  # 标准创新型企业（初级）156家: a bracketed note on the noun, no measure of its own
    dated = re.search(r"[（(]20\d{2}年度?[）)]$|(?:力争|争取|预计|计划)(?:到|在|于)?20\d{2}年(?:底|末)?(?:前)?$|在20\d{2}年$"
                      r"|(?<=[量数额])20\d{2}年\d{1,2}月(?:底|末)?$",
                      ctx.text[item_start:np_end])
    if dated and dated.start() > 0:  # 有效注册商标力争2025年达到10万件: the target words come after the measure
        np_end -= len(dated.group())  # 省级标准化试点项目（2023年）12个: the year dates the item, the measure is before
        # (某登记量在2019年达到…: the year the value was reached, written between the measure and its verb)
    whole = [a for a, b in protected(ctx, max(seg.start, item_start - 12), np_end) if a < item_start < b]
    if whole:  # 食用油、油脂及其制品合格率: the 、 is inside one lexicon category, the measure holds it whole
        item_start = whole[0]
    lo = max(item_start, left_edge(ctx, np_end, max_len=24, after_claims=False))
    if lo >= np_end and unit.unit == "Ci":  # 获督查激励表彰1次: a count of times, of the noun right before it
        head = next((w for w in ctx.lex.words("honour_times_heads.txt", longest_first=True)
                     if ctx.text.endswith(w, item_start, np_end)), None)
        if head is not None:
            lo = max(item_start, left_edge(ctx, np_end - len(head), max_len=24, after_claims=False))
    lo = next((a for a, b in protected(ctx, item_start, np_end) if a < lo < b), lo)
    classifiers = r"[万亿千]?(?:家|个|项|件|批次|元|人|次|条|台|大类|种类|类|种|所|处|名|位|余|多|%|％|‰|年)*" if re.search(
        r"[\d一二三四五六七八九十百千万亿两]$", ctx.text[max(0, lo - 1):lo]) else ""  # 培育项目5个: 项 opens the measure
    lead = re.match(classifiers + r"[●○◆■□▲△·•*\-—\s和及与]*", ctx.text[lo:np_end])
    lo += lead.end() if lead else 0  # …3万家企业授信约: the classifier of the number before is no measure
    ext = _registered_end_re(ctx.lex).search(ctx.text[item_start:lo])
    if ext:  # 商标有效注册量: the thing registered before 有效注册 is the measure's head too
        lo -= len(ext.group())  # 有效注册商标, 商标注册申请: 注册 is a verb boundary for names, not inside a measure
        lo = whole_item(ctx.text, item_start, lo)  # 、马德里国际注册商标50件: the whole item
        kind = next((w for w in ctx.lex.words("registered_mark_kinds.txt", longest_first=True)
                     if ctx.text.startswith("注册商标", lo) and ctx.text.endswith(w, item_start, lo)), None)
        lo -= len(kind) if kind else 0  # 新增农产品注册商标9366件: the kind of mark, no part of a name cut at 注册
        lo -= 2 if kind and ctx.text.endswith("有效", item_start, lo) else 0  # 有效农产品注册商标: valid ones, as 有效注册商标
    category = next((w for w in ctx.lex.words("award_categories.txt") if ctx.text.endswith(w, item_start, lo)), None) \
        if ctx.text.startswith("奖", lo) else None
    if category is not None:  # 某省质量奖组织奖6家: 组织 before 奖 names the award's category, no verb ending a phrase
        lo = max(item_start, left_edge(ctx, lo - len(category), max_len=24, after_claims=False))
    before = re.sub(r"(?:从|到)?\d*年(?:底|末)?的?$", "", ctx.text[lo:np_end].strip())
    if prev is not None and re.fullmatch(r"(?:(?:20\d{2}年)?\d{1,2})?月(?:底|末)?", before) \
            and re.fullmatch(r"[，,]\s*(?:20\d{2}年)?\d{0,2}", ctx.text[prev.span.end:lo]):
        return prev.measure, prev.level, [], None  # 注册量2013年3月达到20万件，2018年3月达到50万件: the same measure, later
    lead_time = LEAD_TIME_RE.match(before)
    if lead_time and len(before) - lead_time.end() >= 2:  # 一至三季度共检定水表: the time words open the clause, no measure
        lo += ctx.text.find(before, lo) - lo + lead_time.end()
        before = before[lead_time.end():]
    if "等" in before:
        lo += ctx.text[lo:np_end].rfind("等") + 1
        before = ctx.text[lo:np_end].strip()
    if (len(before) <= 3 and before.endswith(("率", "量", "面")) or not before and unit.unit == "Ci") and lo > item_start \
            and not is_bare_total(ctx.lex, before):  # (a bare total: figures.total_of_head)
        whole = _clause_noun(ctx, item_start, np_end)
        if whole is not None and len(whole) > len(before) and not any(t.word in whole for t in ctx.lex.triggers):  # (a check's rate stays 合格率)
            before = whole  # 工程质量监督覆盖率 cut to 率 by a verb inside it, 提供各类咨询及指导…人次: the clause's whole noun
        elif whole is None and before == "率" and re.fullmatch(r"[\u4e00-\u9fff]{2}", ctx.text[lo - 2:lo]):
            before = ctx.text[lo - 2:np_end].strip()  # …张贴溯源标签覆盖率已达66% (a clause too long to be one noun): 覆盖率
            ctx.memo.setdefault("guessed_measures", set()).add(num_start)  # (whose figure it is stays as unsure as before)
    sibling = re.fullmatch(r"(?P<head>[\u4e00-\u9fff]{2,}?)[\u4e00-\u9fff]{1,2}量", prev.measure) if prev is not None else None
    if sibling and re.fullmatch(r"[\u4e00-\u9fff]{1,2}量", before) and before != prev.measure[len(sibling.group("head")):] \
            and re.fullmatch(r"[，,、]", ctx.text[prev.span.end:lo]):
        before = sibling.group("head") + before  # 某品种申请量1296件，授权量629件: the sibling count of the same head
    if not before and prev is not None and re.fullmatch(r"[、和及与\s]*", ctx.text[prev.span.end:num_start] or "") \
            and not (prev.unit != unit.unit and (_noun_after(ctx.lex, after) or prev.span.end == num_start)):
        return prev.measure, prev.level, [], None  # 分别为90.1%、91.4%和92.0%: the same measure as the first
        # (not 抽查了20种2209家企业: another unit with its own noun after it; nor 12大类14个种类: another unit glued on)
    added = next((v for v in MEASURE_PREFIX_VERBS if ctx.text[max(0, lo - len(v)):lo] == v), None) \
        or driven_verb(ctx.lex, ctx.text, lo)  # 带动就业5万人: what was brought about, not the whole total
    place = None
    found = place_starting_at(ctx, lo, limit=num_start)
    if found and (ctx.text[lo - 1:lo] == "、" or ctx.text.startswith("的", found[0])):
        found = None  # 双流区、郫都区的12家: where they come from, not whose figure
    if found and _issuer_of_honour(ctx, found, np_end):
        found = None  # 江苏省著名商标 in a city's report: the honour's issuer, a part of its name
    if found and found[1].level != "country":
        place = found[1]
        before = ctx.text[found[0]:np_end].strip()
        before = re.sub(r"^(?:共有|共|拥有|有(?!效))", "", before)  # not the 有 of 有效注册商标
    level: Level | None = None
    widened = False  # 省级以上…: a level widened by 以上, no level carried onto it either
    field = re.match(r"[\u4e00-\u9fff]{1,4}领域", before)  # 科技领域国家级奖项: the level after the field
    for word, lvl in levels_longest_first(ctx.lex):
        if before.startswith(word) and len(before) > len(word):
            level, before = lvl, before[len(word):]
            break
        if field and before.startswith(word, field.end()) and len(before) > field.end() + len(word):
            level = lvl
            break
    if level is not None and re.match(r"(?:及)?以上.", before):
        before = re.sub(r"^(?:及)?以上", "", before)  # 省级以上荣誉20项: 以上 widens the level, no part of the measure
        level, widened = None, True  # (the count holds the higher levels too: no one level is the figure's)
    examples: list[tuple[int, int]] = []
    deng = ctx.text.rfind("等", item_start - 40 if item_start > 40 else 0, num_start)
    if (deng != -1 and deng >= seg.start and ctx.text[deng + 1:num_start] == before
            and "、" in ctx.text[max(seg.start, deng - 40):deng] and CATEGORY_MEASURE_RE.search(before)):
        examples = _examples(ctx, seg, deng)
    if lo > 0 and ctx.text[lo - 1] in "”\"" and before:  # “浙江制造”标准412项: the quoted name is part of the measure
        opening = max(ctx.text.rfind("“", max(item_start, lo - 16), lo - 1), ctx.text.rfind('"', max(item_start, lo - 16), lo - 1))
        if opening != -1 and not re.search(r"[，,；;。、\d]", ctx.text[opening:lo]):
            before = ctx.text[opening + 1:lo - 1] + before
            if level is None:  # 省级“专精特新”中小企业12家: the level written before the quoted name
                level = next((lvl for word, lvl in levels_longest_first(ctx.lex)
                              if ctx.text.endswith(word, max(item_start, opening - len(word)), opening)), None)
    if not before:
        action = re.search(r"(?:" + "|".join(ctx.lex.words("action_measures.txt", longest_first=True)) + r")$", ctx.text[item_start:np_end])
        if action:
            before = action.group()  # 依法立案查处68件: the cases filed
    if not before and not place:  # “皖美品牌示范企业”64家, 安徽省政府质量奖获奖组织17家: the programme's recipients
        named = [e for e in ctx.entities_in(item_start, np_end) if e.kind.is_programme]
        text = re.sub(r"[“”\"]", "", ctx.text[named[-1].span.start:np_end]).strip() if named else ""
        if 2 <= len(text) <= 24 and not re.search(r"[，,；;。\d]", text):
            before = text
    if not before:  # 实施卓越绩效管理的组织达到1548家: the whole phrase from the clause start
        before = organisation_phrase(ctx, item_start, np_end) or ""
    if not before:  # 获证组织6820家: 组织 is the counted noun here, not the verb that ends names
        noun = re.search(r"(?P<m>[\u4e00-\u9fff]{0,4}?组织)$", ctx.text[item_start:np_end])
        words = re.sub(r"^(?:全市|全省|全县|全区|全年|共有|有(?!效)|新增|累计|覆盖)+", "", noun.group("m")) if noun else ""
        if len(words) > 2:
            before = words
    if not before:  # 有效注册商标同比增长12.3%，达到3.2万件: the stock named before (a rate: 合格率提高…，达到97%)
        restated = _restated_stock(ctx, num_start)
        before = restated if unit.unit != "Percent" or restated.endswith("率") else ""
    if added and before:
        before = added + before
    share = SHARE_OF_RE.search(ctx.text, item_start, lo)
    if share and before and unit.unit == "Percent" and share.end() == lo:
        before = share_measure(ctx.lex, before)  # 占抽查产品批次总数的24.9%: a share, of what the check counted
    whole_share = SHARE_OF_WHOLE_RE.search(ctx.text, item_start, np_end) if unit.unit == "Percent" else None
    if whole_share and whole_share.end() == np_end and whole_share.group("of") not in ("全国", "全省", "全市", "全县", "全区"):
        before = share_measure(ctx.lex, whole_share.group("of"), whole_share.group("ratio"))  # 占全省某商标总量的59.63%: 某商标占比
    elif unit.unit == "Percent" and (of_place := SHARE_OF_PLACE_RE.search(ctx.text, item_start, np_end)) \
            and of_place.end() == np_end:
        before = "占" + of_place.group("whole")  # 某区…，占全市的25%: its share of the whole place
    inspection = seg.check_before(num_start)
    trig = next((t.word for t in ctx.lex.triggers if before.endswith(t.word)), None)
    if inspection is not None and trig is not None and inspection.span.start < num_start:
        _inspection_categories(ctx, inspection, _phrase_start(ctx, item_start, num_start), num_start - len(trig))
        return unit.measure, level, _cats(ctx, examples), place
    quoted = re.match(r"[“\"]([^”\"]{1,20})[”\"]([^，,。；;：:、\s\d]{0,10})", ctx.text[end:seg.end])
    noun_after = quoted.group(1) + quoted.group(2) if quoted else _noun_after(ctx.lex, after)
    if not quoted and (inner_quote := quoted_head_after(ctx.lex, ctx.text, end, seg.end)) is not None:
        noun_after = inner_quote  # 20户省级重点产业链“链主”企业, 17户新的“链主”企业: the quoted word and its head
    if noun_after and not quoted:
        inner = [e.span.start for e in ctx.entities_in(end + 1, end + len(noun_after))
                 if e.kind.is_programme or e.kind.is_organization]
        if inner and min(inner) - end >= 2:
            noun_after = noun_after[:min(inner) - end]  # 5家单位某市市长质量奖: the award named after the noun is no part of it
    if noun_after and level is None:  # 1家国家级农业标准化示范区: the level written after the number is a dimension too
        level, noun_after = level_after_number(ctx.lex, noun_after)
    verb = next((v for v in MEASURE_PREFIX_VERBS if ctx.text[max(0, num_start - len(v)):num_start] == v), None)
    if noun_after and verb:
        noun_after = verb + noun_after  # 新增512项地方标准: the new ones, not the stock
    if unit.unit == "Pici" and not before and noun_after in ctx.lex.words("batch_generic_nouns.txt"):
        noun_after = ""  # 共计24批次产品: batches of products, counted as batches (the 批次 of …29批次产品)
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
    if unit.unit == "Yuan" and after.startswith(prize_money_after(ctx.lex)):
        return "奖励", level, _cats(ctx, examples), place  # 获得该奖的组织将获得10万元的奖励: the prize money
    if before and before.endswith(("连续", "累计")) and after:
        return before + after, level, _cats(ctx, examples), place
    if noun_after:
        return noun_after, level, _cats(ctx, examples), place
    if not before and unit.measure == "数量":  # (not 等6大类: the unit names what is counted)
        before = _quoted_or_listed(ctx, seg, lo, np_end)  # 实现“个转企”213家, 受理申请、变更等10687件
    if before:
        if level is None and not widened and prev is not None and prev.level is not None and 0 <= lo - prev.span.end <= 1 \
                and ctx.text[prev.span.end:lo] in ("", "、") and unit.unit != "Percent" \
                and not (before != prev.measure and before.endswith(prev.measure)):  # not past a comma
            # (国家标准36项、行业标准52项: 行业 names the second one's own kind, no level is carried)
            level = prev.level
        return before, level, _cats(ctx, examples), place
    return unit.measure, level, _cats(ctx, examples), place


QUOTED_HEAD_RE = re.compile(r"(?P<mod>[^，,。；;：:、\s\d“”\"]{0,12}?)[“\"](?P<q>[^”\"，,。；;]{1,12})[”\"](?P<tail>[^，,。；;：:、\s\d“”\"]{0,12})")


def quoted_head_after(lex: Lexicon, text: str, end: int, stop: int) -> str | None:
    """The counted noun after a number when a quoted word stands inside it (``20户省级重点产业链“链主”企业``,
    ``17户新的“链主”企业``): the words before the quote (a word of ``new_modifiers.txt`` — 新, 新的 — dropped: the
    new ones are still of that kind), the quoted word, and the head noun after it (``quoted_item_heads.txt``);
    None when the noun has no quote or no such head follows it."""
    m = QUOTED_HEAD_RE.match(text, end, stop)
    if m is None:
        return None
    head = next((w for w in lex.words("quoted_item_heads.txt", longest_first=True) if m.group("tail").startswith(w)), None)
    if head is None:
        return None  # 12家首批“某某标杆企业”授牌: the quote names a programme, its items are counted by another rule
    mod = m.group("mod")
    if mod in lex.words("new_modifiers.txt") or re.search(r"[\u4e00-\u9fff]", mod) is None:
        mod = ""
    elif "的" in mod or noun_stop_re(lex).search(mod) or mod.startswith(("以上", "左右")):
        return None  # 18家单位联合举办的“某活动”: a clause before the quote, the quote is no part of the noun
    return mod + m.group("q") + head


CLAUSE_LEAD_RE = re.compile(r"^(?:\d{4}年(?:\d{1,2}(?:—|-|至)\d{1,2}月)?[，,]?)?(?:全市|全省|全县|全区|我市|我省|我县|我区|全国|全年)*")


def _clause_noun(ctx: Ctx, start: int, end: int) -> str | None:
    """The words of a clause before its number (``工程质量监督覆盖率``, ``国内商标新注册量``), without the place
    and time words opening it: a measure whole when the name rules cut it at a verb inside it; None when the
    clause holds anything but Chinese characters or is too long to be one noun."""
    words = CLAUSE_LEAD_RE.sub("", ctx.text[start:end].strip())
    words = re.sub(r"(?:达到|达|为|是|共|有)$", "", words)
    if not 3 <= len(words) <= 14 or not re.fullmatch(r"[\u4e00-\u9fff]+", words):
        return None
    return words


def share_measure(lex: Lexicon, whole: str, ratio: str | None = None) -> str:
    """The measure of a share of ``whole`` (``全部抽查产品种类`` → ``产品种类占比``, ``总量`` → ``占比``): the counted
    noun without the words that only say "all of it" (``share_whole_fillers.txt``), then 占比 — or the ratio word
    the text writes, with its 占 (``占工业总产值比重达到90%`` → 占工业总产值比重)."""
    fillers = lex.words("share_whole_fillers.txt", longest_first=True)
    noun = re.sub(r"^(?:全国|全省|全市|全县|全区)|的?(?:比重|比例)$", "", whole)
    changed = True
    while changed and noun:
        changed = False
        for w in fillers:
            if noun.startswith(w):
                noun, changed = noun[len(w):], True
            if noun.endswith(w):
                noun, changed = noun[:-len(w)], True
    return f"占{noun}{ratio}" if ratio else noun + "占比"


def level_after_number(lex: Lexicon, noun: str) -> tuple[Level | None, str]:
    """``(level, noun without it)`` for a counted noun written after its number that opens with a level word
    ending in 级 (``5家省级农业标准化示范区`` → 省级, 农业标准化示范区); a bare 国家 stays in the noun (国家标准)."""
    for word, lvl in levels_longest_first(lex):
        if word.endswith("级") and noun.startswith(word) and len(noun) > len(word) + 1:
            return lvl, noun[len(word):]
    return None, noun


def _issuer_of_honour(ctx: Ctx, found, np_end: int) -> bool:
    """The place at the head of a measure is the home or one of its ancestors and a head a level opens
    follows it (``江苏省著名商标``, ``镇江市知名商标`` in a 镇江 report): the honour's issuer, not a subject."""
    end, info = found
    home = ctx.home
    if home is None or not (info.code == home.code or any(a.code == info.code for a in ctx.lex.ancestors(home))):
        return False
    return any(ctx.text.startswith(h, end, np_end) for h in level_heads(ctx.lex))


LISTED_BEFORE_DENG_RE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:[、和及][\u4e00-\u9fff]{1,8})+$")


def _quoted_or_listed(ctx: Ctx, seg: _Segment, lo: int, np_end: int) -> str:
    """What a number with no counted noun around it counts: the quoted words right before it
    (``实现“个转企”213家``), or the items listed before its 等 (``受理注册申请、变更、续展等10687件``)."""
    if ctx.text[np_end - 1:np_end] in "”\"" and np_end > seg.start:
        opening = max(ctx.text.rfind("“", max(seg.start, np_end - 14), np_end - 1),
                      ctx.text.rfind('"', max(seg.start, np_end - 14), np_end - 1))
        inner = ctx.text[opening + 1:np_end - 1] if opening != -1 else ""
        if 2 <= len(inner) <= 12 and not re.search(r"[，,；;。、\d]", inner):
            return inner
    if ctx.text[lo - 1:lo] == "等" and lo - 1 > seg.start:
        cs = max(seg.start, ctx.last_of(CLAUSE_BREAK, seg.start, lo) + 1)
        listed = LISTED_BEFORE_DENG_RE.search(ctx.text, cs, lo - 1)
        if listed:
            return re.sub(r"^(?:全省|全市|全县|全区|我省|我市|我县|我区|去年|今年|全年|上半年|下半年|共|累计)+", "", listed.group())
    verb = next((v for v in MEASURE_PREFIX_VERBS if ctx.text.endswith(v, seg.start, lo)), None)
    if verb is not None:  # 地理标志商标新增6件: the noun before the verb, as new ones
        cs = max(seg.start, ctx.last_of(CLAUSE_BREAK, seg.start, lo) + 1)
        noun = re.sub(r"^(?:全省|全市|全县|全区|我省|我市|我县|我区|去年|今年|全年|上半年|下半年|20\d{2}年|共|累计)+", "",
                      ctx.text[cs:lo - len(verb)])
        if 2 <= len(noun) <= 12 and re.fullmatch(r"[\u4e00-\u9fff]+", noun):
            return verb + noun
    return ""


def check_fields(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("check_fields.txt")


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
        if item not in ("及", "和", "与", "、") and len(item) >= 2 and not item.endswith(check_fields(ctx.lex)):
            cat = ctx.add(Kind.PRODUCT_CATEGORY, item, pos, pos + len(item))
            ctx.relate(inspection.ref, Rel.CATEGORY, cat.ref, pos, end)
        pos += len(item)


def _noun_after(lex: Lexicon, after: str) -> str | None:
    """The counted noun written after the number (``64项共性技术短板进行…`` → 共性技术短板; ``521家经营单位的…``
    → 经营单位: 生产 / 销售 / 经营 end the noun only after another word, as in 企业生产的)."""
    stop = noun_stop_re(lex)
    if not after or after.startswith(("以上", "左右", *lex.words("noun_after_joiners.txt"))) or stop.match(after):
        return None
    if re.fullmatch(r"共|共计|合计|总计|其中", after):
        return None  # 14个种类共214批次: the word opens the next count, no noun of this one
    after = re.sub("^(?:" + lex.alternation("noun_attributes.txt") + ")的", "", after)
    relative = re.match("(?:" + lex.alternation("relative_clause_verbs.txt")
                        + r")[^的]{1,20}的(?=[\u4e00-\u9fff]{2})", after)
    if relative:
        after = after[relative.end():]  # 100家左右具有核心竞争力的链主企业: the noun after the relative clause
    noun = stop.split(after, maxsplit=1)[0]
    noun = re.split(r"(?<=.)(?:生产|销售|经营)(?!企业|单位|者|商|户)|的|授信|约", noun, maxsplit=1)[0] if not after[len(noun):].startswith(STATUS_VERBS) else after
    if noun == after and len(noun) > 2:
        noun = re.sub(r"[和及与]$", "", noun)  # 3家企业和2位个人: the next number's list word is no part of the noun
        noun = re.sub(r"(?<=..)[和及与](?:全|各|本)[省市县区镇乡]$", "", noun)  # 9个科室及全区8个站: so is its scope word
    ordinal = re.search(r"(?<=..)第[一二三四五六七八九十百]+(?:届|批|期)", noun)
    if ordinal:
        noun = noun[:ordinal.start()]  # 1名个人第六届某奖: the ordinal opens the award's name, no part of the noun
    if noun.endswith("等") and (joined := re.search(r"(?<=.)[和及与]", noun)):
        noun = noun[:joined.start()]  # 甲等7个单位和乙等1名个人: the next list's items are no part of the noun
    return noun or None


def _examples(ctx: Ctx, seg: _Segment, deng: int) -> list[tuple[int, int]]:
    start = max(seg.start, ctx.last_of(CLAUSE_BREAK, seg.start, deng) + 1)
    return [(s, e) for s, e in list_items(ctx, start, deng)
            if e - s >= 2 and not any(ch in PUNCT for ch in ctx.text[s:e])]


def _cats(ctx: Ctx, spans: list[tuple[int, int]]) -> list[Ref]:
    refs = []
    for s, e in spans:
        ent = ctx.add(Kind.PRODUCT_CATEGORY, ctx.text[s:e], s, e)
        refs.append(ent.ref)
    return refs


STOCK_VALUE_LEAD_RE = re.compile(r"(?:总数|总量|数量)?(?:达到|达|增至|增加到|升至|为)$")


@per_lexicon
def _restated_re(lex: Lexicon) -> re.Pattern[str]:
    tails = "|".join(f"(?:{t})" for t in lex.words("restated_stock_leads.txt"))
    return re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,12}?)(?:" + tails + r")[，,]$")


def _restated_stock(ctx: Ctx, lo: int) -> str:
    """What a value after 达 counts when its clause names nothing and the clause before names a stock
    with its change or a round figure it passed (``有效注册商标同比增长12.3%，达到3.2万件``,
    ``有效注册商标突破11万件，达113233件``): that stock; else ``""``. The change is no value of the stock."""
    cs = ctx.last_of(CLAUSE_BREAK, 0, lo) + 1
    if STOCK_VALUE_LEAD_RE.fullmatch(ctx.text[cs:lo]) is None:
        return ""
    before = ctx.last_of(CLAUSE_BREAK, 0, cs - 1) + 1
    m = _restated_re(ctx.lex).search(ctx.text, before, cs)
    if m is None:
        return ""
    start = m.start("noun")
    found = place_starting_at(ctx, start, limit=m.end("noun") - 2)
    if found is not None:  # 重庆市有效注册商标突破11万件: the place is whose stock, not what is counted
        start = found[0]
    return re.sub(r"^(?:全省|全市|全县|全区|我省|我市|我县|我区|我国|去年|今年|全年|上半年|下半年|20\d{2}年|共|累计)+", "",
                  ctx.text[start:m.end("noun")])
