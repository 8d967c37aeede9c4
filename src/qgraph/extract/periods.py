"""Time words → normalised periods, resolved against the document's date and the year it speaks of.

A period is a string: ``2024`` (a year), ``2024-H1`` (上半年), ``2024-Q3``, ``2024-09`` (a month),
``2024-01/2024-09`` (1—9月, 前三季度), ``2024/2025`` (2024—2025年度) or an ISO date ``2025-04-30`` for a
stock counted "as of" (截至今年4月底, 截至目前). Scope follows the genre: time words at the head of a
sentence govern the whole sentence, time words inside a later clause govern that clause only, and
the head of a paragraph's first sentence governs the paragraph (``2015年，全市…``). Comparisons
(``比2023年``, ``较去年``), spans since a start (``自2022年启动以来``) and years inside titles are no
periods. A target (``力争到2027年``, ``今年将开展``) takes its year and is marked so.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .basis import in_basis
from .context import Ctx
from .numbers import parse_chinese_numeral
from .written_month import written_month

YEAR = r"(?:(?P<y>20\d{2})年|(?P<rel>今年|去年|本年|上年|前年))"
PERIOD_RE = re.compile(
    r"(?P<asof>截[至止](?:目前|当前|今日|(?P<lastm>上月|上个月)(?:底|末)?|(?:(?P<ay>20\d{2})年|(?P<arel>今年|去年|上年|本年|年))?(?:(?P<am>\d{1,2})月(?:份)?)?"
    r"(?:(?P<ad>\d{1,2})[日号]|(?P<aend>底|末))?))|(?P<now>目前|当前|(?<!发)现有|(?<!发)现已|至今|至此|(?<![^，,。；;\n])现(?=全[市省县区国]|我[市省县区国]))"
    r"|(?P<span>" + YEAR + r"?(?P<m1>\d{1,2}|[一二三四五六七八九十]{1,2})(?:月)?(?:至|—|－|-|~|～)(?P<m2>\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?)"
    r"|(?P<qspan>" + YEAR.replace("?P<y>", "?P<qy>").replace("?P<rel>", "?P<qrel>") + r"?(?:第)?(?P<q1>[一二三四1-4])(?:季度)?(?:至|—|－|-|~|～)(?:第)?(?P<q2>[一二三四1-4])季度)"
    r"|(?P<mend>(?:(?P<ey>20\d{2})年|(?P<erel>今年|去年|上年|本年))?(?P<em>1[0-2]|[1-9])月(?:份)?(?:底|末)(?!前))"
    r"|(?P<month>" + YEAR.replace("?P<y>", "?P<my>").replace("?P<rel>", "?P<mrel>") + r"?(?P<mm>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?)(?![\d日底末初中上下旬以起开至])"
    r"|(?P<part>" + YEAR.replace("?P<y>", "?P<py>").replace("?P<rel>", "?P<prel>") + r"?"
    r"(?P<half>上半年|下半年|前三季度|(?:第)?[一二三四1-4]\s?季度))"
    r"|(?P<qm>[“\"]?质量月[”\"]?期间)"
    r"|(?P<fype>[“\"]?十(?P<plane>[一二三四五])五[”\"]?(?:期)?末)"
    r"|(?P<fyp>[“\"]?十(?P<plan>[一二三四五])五[”\"]?(?:期间|时期|以来))"
    r"|(?P<consec>(?P<cy1>20\d{2})年(?:[、和及](?:20\d{2})年)*[、和及](?P<cy2>20\d{2})年(?=连续(?:两|二|三|四|五|[2-5])年|分别))"
    r"|(?P<range>20\d{2})年?(?:—|―|–|－|-|~|～|至)(?P<range2>20\d{2})年度?"
    r"|(?P<year>(?P<yy>20\d{2})年度?)"
    r"|(?P<word>今年(?:以来)?|去年|上年|本年度?|全年|年内|年度)"
)
ROUND_START_RE = re.compile(r"(?:从|自|于)(?P<y>20\d{2})年(?:\d{1,2}月(?:份)?(?:\d{1,2}日)?)?(?:起)?(?:正式)?(?:启动|开始|开展|展开)(?![^，,；;。]*以来)")
"""A round or campaign started at a time named in the sentence's head clause
(``某奖申报工作从2018年7月启动，共有12家单位申报``): its figures are of the year it started."""
RUNNING_RE = re.compile(r"以来|累计|历年|历届|先后|至今|迄今")
NOT_A_PERIOD_BEFORE = re.compile(r"(?:比|较|同比|与|从|自|和|及|、|(?<!关)于|在|至|是)$")
"""Words after which a year is no period of a figure (比2023年, 于2022年); 关于2022年7月…情况 is one."""
NUMBER_LINE_RE = re.compile(r"[^\n，。]{0,12}20\d{2}年第\d+号")
"""A notice's number line under its title (2022年第144号)."""
@per_lexicon
def _in_year_frame_re(lex: Lexicon) -> re.Pattern[str]:
    """``在2023年度省政府质量工作考核评价中，…``: a round of that year framing the sentence (its head word one of
    ``round_frame_heads.txt``) — the year is its period, though 在 goes before it. So is a year written between a
    measure and a verb of reaching (``某登记量在2019年达到了52万件``; verbs of ``year_reach_verbs.txt``)."""
    heads = lex.alternation("round_frame_heads.txt") or "(?!)"
    reach = lex.alternation("year_reach_verbs.txt") or "(?!)"
    return re.compile(rf"[^，,。；;“”]{{2,30}}?(?:{heads})中[，,]|(?:{reach})(?:了)?[\d一二三四五六七八九十百千]")


AS_OF_ZHI_RE = re.compile(r"(?:^|[。，,；;：:\n])\s*至$")
"""至 alone heading a clause before a month's end (``…增长13.9%。至3月底，全国…``): as of that day, like 截至."""
TARGET_BEFORE = re.compile(r"(?:到|至|力争|争取|预计)$")
TARGET_RE = re.compile(
    r"力争|争取|确保|预计|设定|计划(?:到|在|于|安排|抽查|抽检|完成|开展|新增|培育|建成)|目标(?:是|为)|(?:将|要)(?:开展|组织|新增|建成|培育|推动|实现|达到|完成|遴选|新建|安排)"
    r"|(?:》|会议|意见|方案|要点)(?:明确|要求|提出)|提出到"

)
ESTIMATE_ASIDE = re.compile(r"\s*(?:[（(]下同[）)]|[，,：:])")
"""After 预计: an aside (``预计（下同）``, ``预计，``) that marks the figures after it as estimates of results, not targets."""
CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
DATELINE_RE = re.compile(r"(\d{1,2})月(\d{1,2})日")
SUMMARY_RE = re.compile(r"(?:总结|回顾)(?:(20\d{2})年|去年|上年|过去一年)(?:度)?(?:的)?(?:工作|成绩|成效)")
ANNUAL_RE = re.compile(r"[（(](20\d{2})年度[）)]")
YEAR_RANGE_RE = re.compile(r"(20\d{2})年?\s*[—―–－\-~～至]\s*(20\d{2})年度")
REPORTED_RE = re.compile(r"(?:发布|公布|通报|通告|公告)(?:了)?(?=20\d{2}年)")
"""Before the period a document reports on: ``2023年3月20日，某局发布2022年第四季度…抽检情况``."""
REPORTED_TAIL_RE = re.compile(r"[^，,。；;]{0,30}?(?:情况|数据|结果|报告|通报|信息)")
REVIEW_WORDS_RE = re.compile(r"(?<![将要计划力争])(?:全年|本年度)(?:共|累计)?(?:成功|完成|新增|实现|获得|发布|查处|抽检|抽查|办理|受理|组织|开展|培育|认定)"
                             r"(?!计划|任务|方案|工作)")
"""A year's results told as done (``全年共成功发布…``, ``本年度新增…``; not a plan, ``全年抽检计划已经下达``):
in a January or February review with no year in its title, the year reviewed is the one before its date."""
PLAN_AFTER_RE = re.compile(r"[^。；;\n]{0,24}?(?:计划|下达|部署|将|拟)")
"""A plan told after a month or quarter (``一季度，全市计划抽检…``): the time to come, not the year reviewed."""
AWARD_YEAR_RE = re.compile(r"(?<![\d—―–－\-~～])(20\d{2})年度[^，,。；;]{0,24}?(?:奖|评选|名单|榜单)")
"""An award named with its year (``为2017年度县长质量奖获奖企业颁奖`` at a 2018 ceremony): the year spoken of."""
BULLETIN_TITLE_RE = re.compile(r"通告|通报|公告|情况|简报|报告")
DATE_AFTER_YEAR_RE = re.compile(r"\d{1,2}月\d{1,2}日")
LEAD_IN = re.compile(r"(?:据(?:介绍|了解|统计|悉)|[^，,；;。]{0,80}?(?:获悉|了解到|(?:介绍说|介绍|表示)(?=[，,：:]\s*(?:截至|截止)?20\d{2}年(?:\d{1,2}月)?(?:底|末)?[，,]))|此外|另外|同时|与此同时|(?:会议|报告|通报|数据)(?:指出|显示|强调|表明)"
                     r"|(?:《[^》]{1,40}》|[^，,；;。《》\d]{0,12}?(?:方案|规划|意见|要点|纲要|计划|会议))(?:中)?(?:提出|明确|要求|指出|强调)"
                     r"|[^，,；;。《》\d]{1,12}?(?:提出|明确)(?=[，,：:]\s*(?:到|至)20\d{2}年))[，,：:]")
"""A lead-in before a sentence's own head: 据介绍，… / 记者从某局获悉，2023年… / 《实施方案》提出，到2025年，… (the plan's
target year heads the sentence; so too after a place or body that sets it: 某省提出，到2025年，…)."""
AFTER_NUMBER = re.compile(r"(?:入选|列入|纳入|获评|获得)$")
QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class Reference:
    """What relative time words of one document resolve against."""

    year: str | None
    """The year the document speaks of (its title's year, else its date's, else its first paragraph's)."""
    now: str | None
    """The year of writing (今年, 去年 count from it)."""
    date: dt.date | None
    period: str | None = None
    """A part of a year the title names (``2025年上半年…通报`` → 2025-H1), else the period the first
    paragraph reports on (``发布2022年第四季度…情况``) or heads a bulletin with (``7月，全省共完成…``):
    the default of undated figures."""
    month: str | None = None
    """The month of writing when the document gives only that (a ``2023年3月`` date line): what 目前 means."""
    review: bool = False
    """A January or February review of the past year (see :data:`REVIEW_WORDS_RE`): 本年度 is the
    year reviewed, not the year of writing."""
    past_this_year: bool = False
    """In such a review, 今年 tells the year reviewed too (``今年某省新增注册商标4.9万件`` on 14 January)."""
    award_year: str | None = None
    """The year of an award's round the first paragraph names (``表彰2018年度某奖获奖企业`` in 2019): the year of
    the award's own figures (its winners, its prize money), not of the report's other figures."""
    guessed: bool = False
    """No date, title, date line, document number nor lead paragraph gives a year: ``year`` is only the first one
    written further down, of a past action (``…2023年新增2件。目前，全市…``; not an as-of ``截至2025年底``), no time of
    writing — 目前 and figures with no time words of their own then tell none."""
    elsewhere: bool = False
    """The year spoken of was read from the text, not the date: the full date of the first sentence
    (``2023年3月20日，``) is then the day of writing or of a ceremony, no period of the figures."""


@dataclass(frozen=True)
class Period:
    value: str | None
    words: str | None
    start: int
    """Where the time words start in the document (-1: the document's own year)."""
    target: bool = False
    bracketed: bool = False
    """Written in brackets after a name (``…试点项目（2023年）12个``): it dates that item, no clause after it."""


def reference(ctx: Ctx) -> Reference:
    """What the document's relative time words resolve against (computed once per document)."""
    ref = ctx.memo.get(reference)
    if ref is None:
        ref = ctx.memo[reference] = _reference(ctx)
    return ref  # type: ignore[return-value]


def _reference(ctx: Ctx) -> Reference:
    doc = ctx.doc
    title_year = _first_year(doc.title or "")
    first_para = doc.text.split("\n", 1)[0]
    body_year = _first_year(first_para, ctx.lex.words("founding_verbs.txt"))
    date = doc.date
    annual = ANNUAL_RE.search(doc.text[:400]) if title_year is None and date is not None else None
    if annual and int(annual.group(1)) < date.year:
        title_year = annual.group(1)  # 发布《…发展报告（2023年度）》 in April 2024: the report speaks of 2023
    released = _released_report_year(ctx, date) if title_year is None else None
    title_year = title_year or released  # 《2023年某省质量发展状况报告》发布 (April 2024): 2023's figures
    written = written_month(doc) if date is None else None  # 2023年3月 under the title
    issued = _number_year(ctx) if written is None else None  # 银政发〔2018〕8号 under the title
    if issued and date is not None and int(issued) <= date.year:
        issued = None  # dated: the date is the year of writing
    year = title_year or issued or (str(date.year) if date else None) or (written[0] if written else None) \
        or body_year or _first_year(doc.text[:3000], ctx.lex.words("founding_verbs.txt"))
    guessed = year is not None and not (title_year or issued or date or written or body_year) \
        and _first_year(_lead_paragraph(doc.text, doc.title), ctx.lex.words("founding_verbs.txt")) is None \
        and not re.search(rf"截[至止]{year}年", doc.text[:3000])  # 截至2025年底，… names the time of writing, roughly
    if date is None and year:
        m = DATELINE_RE.search(first_para[:160])
        if m:
            try:
                date = dt.date(int(year), int(m.group(1)), int(m.group(2)))
            except ValueError:
                date = None
    now = issued or (str(date.year) if date else written[0] if written else year)  # 〔2018〕 over a meeting's 2017年9月26日
    if released and date is None and written is None and not issued:
        now = str(int(released) + 1)  # an undated text on a released report of 2017: written after 2017 ended (去年 = 2017)
    month = written[1] if written and date is None else None
    summed = SUMMARY_RE.search(first_para)
    if summed and now:  # 3月15日召开…推进会，总结去年工作: its results are last year's
        year = summed.group(1) or str(int(now) - 1)
    review = (title_year is None and doc.date is not None and doc.date.month <= 2 and not summed
              and year == str(doc.date.year) and _this_year_plans_only(ctx) and REVIEW_WORDS_RE.search(doc.text) is not None)
    past_this_year = False  # 全年共抽检…。今年要继续…: last year's results, this year's plans
    if not review and title_year is None and doc.date is not None and doc.date.month == 1 and not summed \
            and year == str(doc.date.year):
        review = past_this_year = _year_end_this_year(ctx)  # 今年新增注册商标4.9万件 on 14 January: the year just ended
    if review:  # 全年共成功发布6项… in a January review with no year in its title: last year's results
        year = str(doc.date.year - 1)
    period = None
    for m in PERIOD_RE.finditer(doc.title or ""):
        got = _resolve(m, Reference(year, now, date), doc.title or "") \
            if m.group("part") or m.group("span") or m.group("month") else None
        if got and got[0] and not got[1]:
            period = got[0]  # 2025年上半年食品安全监督抽检情况通报, 关于2022年7月…抽检情况的通告
            break
    span = YEAR_RANGE_RE.search(doc.title or "")
    if period is None and span:  # 关于授予2015—2016年度…奖的决定: the figures speak of both years
        period = f"{span.group(1)}/{span.group(2)}"
    elsewhere = False
    award_year = None
    if period is None and title_year is None:
        reported = _reported(first_para[:300], Reference(year, now, date), ctx.lex.alternation("year_report_names.txt") or "(?!)")
        if reported is not None and (reported != year or reported != now):
            # 2023年3月20日，某局发布2022年第四季度…情况: the figures are 2022-Q4's
            period, year, elsewhere = reported, reported[:4], reported[:4] != now
        elif date is not None and (checked := _checked_year(ctx, first_para[:300])) and int(checked) < date.year:
            year, elsewhere = checked, True  # 开展了2019年…监督抽查，现将抽查结果予以公告 (April 2020): 2019's checks
        elif date is not None:
            award = AWARD_YEAR_RE.search(first_para[:300])
            if award and int(award.group(1)) < date.year and not summed:  # 为2017年度…奖获奖企业颁奖 in 2018
                award_year = award.group(1)  # the award's own figures' year, not every figure's
    if period is None and title_year is None and not summed:
        granted = _granted_round(ctx, now)
        if granted is not None and "/" in granted:
            period = granted  # 授予…等2家企业“2015—2016年度某市市长质量奖” (no title): the round's two years
        elif granted is not None and granted != year:
            award_year = granted  # 授予…“2018年度某奖” in a 2019 decision: the round's year, of the award's figures
    if period is None and title_year is None and date is not None and not review and not summed \
            and year == str(date.year) and date.month <= 6:
        framed = _framed_last_year(ctx, _lead_paragraph(doc.text, doc.title), date)
        if framed is not None:  # 4月21日，…介绍说，2020年，…完成抽检…。全年…: the year the report is about
            year, elsewhere = framed, True
    if period is None and BULLETIN_TITLE_RE.search(doc.title or ""):
        period = _bulletin_head(_lead_paragraph(doc.text, doc.title), Reference(year, now, date))  # 7月，全省共完成…
    return Reference(year, now, date, period, month, elsewhere=elsewhere, review=review, past_this_year=past_this_year,
                     award_year=award_year, guessed=guessed and date is None)


@per_lexicon
def _released_report_re(lex: Lexicon) -> re.Pattern[str]:
    """A report on a year named in 《》 (its name ending in a word of ``year_report_names.txt``) and released:
    ``《2023年某省质量发展状况报告》发布``, ``发布了《2022年某市质量白皮书》``, ``发布的《某省商标发展报告(2023年度)》``."""
    names = lex.alternation("year_report_names.txt") or "(?!)"
    verbs = lex.alternation("report_release_verbs.txt") or "(?!)"
    book = rf"《(?:[^》\d]{{0,12}}(20\d{{2}})年度?[^》]{{0,40}}?(?:{names})[^》]{{0,4}}|[^》\d]{{2,40}}?(?:{names})[（(](20\d{{2}})年度?[）)])》"
    return re.compile(rf"{book}(?:正式|在[^，,。]{{0,12}})?(?:{verbs})|(?:{verbs})(?:了|的)?{book}")


def _released_report_year(ctx: Ctx, date: dt.date | None) -> str | None:
    """The year of a report on a year the title or the first paragraph says was released (:func:`_released_report_re`),
    when that year is before the date of writing: the year the document's figures speak of."""
    first_para = ctx.doc.text.split("\n", 2)
    for text in (ctx.doc.title or "", *first_para[:2]):
        m = _released_report_re(ctx.lex).search(text[:300])
        if m is not None:
            y = next(g for g in m.groups() if g)
            return y if date is None or int(y) < date.year else None
    return None


def _framed_last_year(ctx: Ctx, lead: str, date: dt.date) -> str | None:
    """The year before the date of writing heading a clause of the lead's first sentence on its own
    (``…介绍说，2020年，市场监管部门完成…``) in a report of the first half of a year that names neither that
    year nor 今年 / 本年 anywhere: the year the whole report is about."""
    first = re.split(r"[。！？]", lead, maxsplit=1)[0]
    m = re.search(r"(?:^|[，,：:])\s*(20\d{2})年[，,]", first)
    if m is None or int(m.group(1)) != date.year - 1:
        return None
    if re.search(rf"今年|本年|{date.year}年", (ctx.doc.title or "") + ctx.doc.text):
        return None
    at = ctx.doc.text.find(lead)
    rest = ctx.doc.text[at + len(lead):] if at != -1 and lead else ""
    own = Reference(str(date.year), str(date.year), date)
    for w in PERIOD_RE.finditer(rest):
        if not (w.group("span") or w.group("qspan") or w.group("month") or w.group("part")):
            continue
        got = _resolve(w, own, rest)
        if got and got[0] and got[0].startswith(f"{date.year}-") and _last_month(got[0]) <= date.month:
            return None  # …2018年，全市…。\n1-2月，全市新增…: a later paragraph tells this year's months so far
    return m.group(1)


def _last_month(period: str) -> int:
    """The last month of a part of a year (``2019-01/2019-02`` → 2, ``2019-Q1`` → 3, ``2019-H1`` → 6)."""
    tail = period.rsplit("-", 1)[-1]
    if tail.startswith("H"):
        return 6 * int(tail[1])
    if tail.startswith("Q"):
        return 3 * int(tail[1])
    return int(tail[:2]) if tail[:2].isdigit() else 12


def _number_year(ctx: Ctx) -> str | None:
    """The year of a document number written on a line of its own near the top (``银政发〔2018〕8号``,
    ``许政[2017]16号``): the year the document was issued (a number cited in a sentence is none)."""
    marks = ctx.lex.table("document_number_marks.tsv", columns=2)
    for line in ctx.doc.text.split("\n")[:6]:
        line = line.strip()
        for left, right in marks:
            m = re.fullmatch(r"[\u4e00-\u9fff]{1,12}" + re.escape(left) + r"(20\d{2})" + re.escape(right) + r"\d{1,4}号", line)
            if m:
                return m.group(1)
    return None


def _checked_year(ctx: Ctx, text: str) -> str | None:
    """The year of a check a bulletin's first paragraph says was carried out (``开展了2019年某区…监督抽查``)."""
    verbs = ctx.lex.alternation("reported_check_verbs.txt")
    nouns = ctx.lex.alternation("reported_check_nouns.txt")
    m = re.search(r"(?:" + verbs + r")(?:了)?(20\d{2})年(?!\d{1,2}月\d{1,2}日)[^，,。；;]{0,40}?(?:" + nouns + r")", text) \
        or re.search(r"(?:于|在)(20\d{2})年(?!\d{1,2}月\d{1,2}日)[^，,。；;]{0,16}?(?:" + verbs + r")(?:了)?[^，,。；;]{0,40}?(?:"
                     + nouns + r")", text)  # 我局于2019年10月至12月组织开展了…抽查
    return m.group(1) if m else None


def _granted_round(ctx: Ctx, now: str | None) -> str | None:
    """The round of an award granted in the body of a decision whose title names no year: the award's name
    with a year (``2018年度``) or two (``2015—2016年度``) after a granting verb of the same sentence
    (``授予…等2家企业“2015—2016年度某奖”``), when that round is not in the future. ``2015/2016`` or ``2018``."""
    verbs = ctx.lex.alternation("award_round_verbs.txt")
    pattern = re.compile(r"(?:" + verbs + r")[^。；;！？\n]{0,160}?[“\"「]?"
                         r"(?<![\d—―–－\-~～])(20\d{2})(?:年?\s*[—―–－\-~～至]\s*(20\d{2}))?年度[^，,。；;”\"」]{0,24}?(?:奖|评选|名单|榜单)")
    m = pattern.search(ctx.doc.text[:1500])
    if m is None or now is None:
        return None
    last = m.group(2) or m.group(1)
    if int(last) > int(now) or (m.group(2) and int(m.group(2)) <= int(m.group(1))):
        return None
    return f"{m.group(1)}/{m.group(2)}" if m.group(2) else m.group(1)


def _this_year_plans_only(ctx: Ctx) -> bool:
    """Every 今年 of the document tells a plan or the year so far (``今年要继续…``, ``今年将…``), if any is written."""
    plans = ctx.lex.words("new_year_plan_words.txt", longest_first=True)
    for m in re.finditer(r"今年", ctx.doc.text):
        after = re.sub(r"^[，,]", "", ctx.doc.text[m.end():m.end() + 14])
        if not any(w in re.split(r"[，,。；;：:！？\n]", after, maxsplit=1)[0] for w in plans):
            return False
    return True


def _year_end_this_year(ctx: Ctx) -> bool:
    """A January report whose 今年 tells done results (``今年贵州新增注册商标4.9万件``) and never the year to
    come or the year so far (``今年将…``, ``今年以来``): it reviews the year just ended."""
    text = ctx.doc.text
    plans = ctx.lex.words("new_year_plan_words.txt", longest_first=True)
    results = ctx.lex.words("year_end_result_verbs.txt", longest_first=True)
    seen = False
    whole = (ctx.doc.title or "") + "\n" + text
    if re.search(r"(?<![比较与])(?:去年|上年)", whole):
        return False  # 今年…，去年…: the two years of writing, not a review that calls the past year 今年
    leads = ctx.lex.words("new_year_plan_leads.txt", longest_first=True)
    for m in re.finditer(r"今年", whole):
        before = re.split(r"[。！？\n]", whole[max(0, m.start() - 40):m.start()])[-1]
        if any(w in before for w in leads):  # 会议要求，今年完成抽检…: the year to come, told as a plan
            return False
        after = re.sub(r"^[，,]", "", whole[m.end():m.end() + 14])  # 今年，全市共查处…: the clause after the comma
        after = re.split(r"[，,。；;：:！？\n]", after, maxsplit=1)[0]
        head = re.sub(r"^(?:[\u4e00-\u9fff]{1,4}?(?=" + "|".join(map(re.escape, results)) + r"))", "", after)
        if any(w in after for w in plans):  # 今年将…, 今年全市计划…, 今年以来
            return False
        seen = seen or any(head.startswith(w) for w in results)
    return seen


def _reported(text: str, ref: Reference, names: str = "(?!)") -> str | None:
    """The period a document says it reports on (``发布2022年第四季度…抽检情况``, ``发布了2022年某省质量状况白皮书``:
    ``names`` the alternation of ``year_report_names.txt``), if one."""
    for r in REPORTED_RE.finditer(text):
        m = PERIOD_RE.match(text, r.end())
        if m is None or not (m.group("part") or m.group("span") or m.group("month") or m.group("year")):
            continue
        got = _resolve(m, ref, text)
        if got and got[0] and not got[1] and (REPORTED_TAIL_RE.match(text, m.end())
                                             or re.match(rf"[^，,。；;]{{0,30}}?(?:{names})", text[m.end():])):
            return got[0]
    return None


def _lead_paragraph(text: str, title: str | None) -> str:
    """The first paragraph of a notice's body: its title repeated and its number line skipped."""
    for line in text.split("\n"):
        line = line.strip()
        if line and line != (title or "").strip() and not NUMBER_LINE_RE.fullmatch(line):
            return line
    return ""


def _bulletin_head(text: str, ref: Reference) -> str | None:
    """A part of a year heading a bulletin's first sentence on its own (``7月，``, ``1—6月，``)."""
    m = PERIOD_RE.match(text.lstrip())
    if m is None or not (m.group("part") or m.group("span") or m.group("month")):
        return None
    if not re.match(r"\s*(?:以来)?[，,]", text.lstrip()[m.end():]):
        return None
    got = _resolve(m, ref, text.lstrip())
    return got[0] if got and got[0] and not got[1] else None


def _first_year(text: str, founding: tuple[str, ...] = ()) -> str | None:
    text = re.sub(r"《[^》]*》|（[^）]*）|\([^)]*\)", "", text)
    for m in re.finditer(r"(?<![\d—―–－\-~～])(20\d{2})年(?!\s*[—―–－\-~～至])", text):
        if founding and any(w in re.split(r"[，,。；;]", text[m.end():m.end() + 8], maxsplit=1)[0] for w in founding):
            continue  # 某奖于2010年设立: a founding year, not the year of the document
        before = text[max(0, m.start() - 2):m.start()]
        if (before in ("截至", "截止") or not re.search(r"(?:到|至|力争|争取|比|较|自|从)$", before)) \
                and not text.startswith("前", m.end()):  # 截至2013年2月底 is the report's time
            return m.group(1)  # not 到2027年 (a target) nor 比2023年 (a comparison)
    return None


def _resolve(m: re.Match[str], ref: Reference, text: str,
             frame: re.Pattern[str] | None = None) -> tuple[str | None, bool] | None:
    """(period, target) for one match of :data:`PERIOD_RE`; None when it is no period."""
    before = text[max(0, m.start() - 2):m.start()]
    target = bool(TARGET_BEFORE.search(before))
    if target and re.match(r"20\d{2}年(?:底|末)?的", text[m.start():m.start() + 8]) and re.search(
            r"(?:增|增加|提升|提高|升|下降|降|减少|调整|扩大|增长)(?:到|至)$", text[max(0, m.start() - 4):m.start()]):
        target = False  # 从2020年的8.1万件增至2024年的10.6万件: the later year's value, no target

    def year(y: str | None, rel: str | None) -> str | None:
        if y:
            return y
        if rel in ("去年", "上年"):
            return str(int(ref.now) - 1) if ref.now else None
        if rel == "前年":
            return str(int(ref.now) - 2) if ref.now else None
        if rel in ("今年", "本年"):
            return ref.year if ref.past_this_year else ref.now  # 今年上半年 on 14 January: the year reviewed
        if rel == "年":  # 截至年底: the year the document speaks of
            return ref.year
        return None

    bare_year = ref.year if ref.year and ref.now and ref.year < ref.now else ref.now

    def bare(first: int, last: int) -> str | None:
        """The year of a month or part of a year (months ``first``–``last``) written with none: in a
        January review, the year reviewed — save the part the review is written in (``1月份以来`` on
        20 January, ``一季度`` in February) or one a plan is told of: the year of writing."""
        if ref.review and ref.date is not None and (first <= ref.date.month <= last or PLAN_AFTER_RE.match(text, m.end())):
            return ref.now
        return bare_year
    # 一季度 with no year in a report on a past year (its title's): that year's quarter, not the year of writing
    if m.group("asof") is not None and m.group("lastm"):  # 截至上月底: the end of the month before the date
        if ref.date is None:
            return None, False
        last = ref.date.replace(day=1) - dt.timedelta(days=1)
        return last.isoformat(), False
    if m.group("asof") is not None:
        y = year(m.group("ay"), m.group("arel"))
        month = m.group("am")
        if month is None and m.group("aend") is None and y is None:  # 截至目前
            return (ref.date.isoformat() if ref.date else ref.month or (None if ref.guessed else ref.year)), False
        if month is None and m.group("aend") is None and m.group("ay"):
            return y, False  # 截至2024年，累计表彰…: through that year, no day named
        bare_month = month is not None and y is None
        y = y or ref.now if month else y or ref.year
        if y is None:
            return None, False
        mo = int(month) if month else 12
        if not 1 <= mo <= 12:
            return None
        if bare_month and ref.date is not None and dt.date(int(y), mo, 1) > ref.date:
            y = str(int(y) - 1)  # 截至12月底 in a report of 20 January: last December, not one to come
        last = calendar.monthrange(int(y), mo)[1]
        day = int(m.group("ad")) if m.group("ad") and month else last  # 截至2月23日: that day
        if not 1 <= day <= last:
            return None
        return f"{y}-{mo:02d}-{day:02d}", False
    if m.group("mend") is not None:  # 2024年3月底，该区…达到68461件: a stock counted on that month's last day
        if NOT_A_PERIOD_BEFORE.search(before) and not AS_OF_ZHI_RE.search(text, max(0, m.start() - 4), m.start()):
            return None  # 比2023年3月底: a baseline's day, no period of the figure
        y = year(m.group("ey"), m.group("erel"))
        mo = int(m.group("em"))
        if y is None:
            y = ref.now
            if y is not None and ref.date is not None and dt.date(int(y), mo, 1) > ref.date:
                y = str(int(y) - 1)  # 12月底 in a report of 20 January: last December
        if y is None:
            return None, False
        return f"{y}-{mo:02d}-{calendar.monthrange(int(y), mo)[1]:02d}", False
    if m.group("now") is not None:  # (in a text whose year is only guessed from a later line: unknown)
        if ref.past_this_year and ref.year:
            return ref.year, False  # 今年新增…。目前，…累计达到63件 on 14 January: as the review's 今年, the year reviewed
        return (ref.date.isoformat() if ref.date else ref.month or (None if ref.guessed else ref.year)), False
    if m.group("span") is not None:
        first, raw = m.group("m1"), m.group("m2")
        m1 = int(first) if first.isdigit() else CN_MONTH.get(first, 0)
        mo = int(raw) if raw.isdigit() else CN_MONTH.get(raw, 0)
        y = year(m.group("y"), m.group("rel")) or bare(m1, mo)
        if y is None or not 1 <= m1 < mo <= 12:
            return None
        return f"{y}-{m1:02d}/{y}-{mo:02d}", target
    if m.group("qspan") is not None:  # 一至三季度: the months of those quarters
        q1, q2 = (int(QUARTER.get(q, q)) for q in (m.group("q1"), m.group("q2")))
        y = year(m.group("qy"), m.group("qrel")) or bare(3 * q1 - 2, 3 * q2)
        if y is None or not q1 < q2:
            return None
        return f"{y}-{3 * q1 - 2:02d}/{y}-{3 * q2:02d}", bool(TARGET_BEFORE.search(before))
    if m.group("month") is not None:  # 4月份抽查…: that month of the year spoken of
        raw = m.group("mm")
        mo = int(raw) if raw.isdigit() else CN_MONTH.get(raw, 0)
        y = year(m.group("my"), m.group("mrel")) or bare(mo, mo)
        if y is None or not 1 <= mo <= 12 or NOT_A_PERIOD_BEFORE.search(before):
            return None
        if re.match(r"(?:以|之)?前", text[m.end():m.end() + 2]):
            return y, target  # 2024年5月份前组织开展的…: the months before May, of that year; not May
        return f"{y}-{mo:02d}", target
    if m.group("part") is not None:
        if re.search(r"(?:比|较|同比|与)$", before):
            return None  # 比2009年上半年分别多了…: a baseline's half-year, no period of the figure
        half = m.group("half")
        months = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9)}.get(half or "")
        if months is None and half and (q := re.search(r"[一二三四1-4]", half)):
            months = (3 * int(QUARTER.get(q.group(), q.group())) - 2, 3 * int(QUARTER.get(q.group(), q.group())))
        y = year(m.group("py"), m.group("prel")) or (bare(*months) if months else bare_year)
        if y is None:
            return None, False
        if half == "上半年":
            return f"{y}-H1", target
        if half == "下半年":
            return f"{y}-H2", target
        if half == "前三季度":
            return f"{y}-01/{y}-09", target
        q = re.search(r"[一二三四1-4]", half).group()
        return f"{y}-Q{QUARTER.get(q, q)}", target
    if m.group("fype") is not None:  # “十二五”末: the last day of that five-year plan (a stock as of then)
        return f"{2010 + 5 * '一二三四五'.index(m.group('plane'))}-12-31", False
    if m.group("fyp") is not None:  # “十三五”期间: the years of that five-year plan (十一五 = 2006—2010)
        first = 2006 + 5 * ("一二三四五".index(m.group("plan")))
        last = first + 4 if not m.group().endswith("以来") or not ref.now else min(first + 4, int(ref.now))
        return f"{first}/{last}", False  # “十四五”以来 in 2024: 2021—2024
    if m.group("qm") is not None:  # 质量月期间: September of the year written before it, else of the year of writing
        said = re.search(r"(20\d{2})年$", text[max(0, m.start() - 5):m.start()])
        y = said.group(1) if said else ref.now
        if y is None:
            return None, True
        done = ref.date is not None and ref.date > dt.date(int(y), 9, 30)  # written after the month: no plan
        return f"{y}-09", not done
    if m.group("consec") is not None:  # 2023年、2024年连续两年, 2011年和2013年分别…: the years together
        return f"{m.group('cy1')}/{m.group('cy2')}", False
    if m.group("range") is not None:
        return f"{m.group('range')}/{m.group('range2')}", target
    if m.group("year") is not None:
        after = text[m.end():m.end() + 6]
        if ref.elsewhere and DATE_AFTER_YEAR_RE.match(after) and not re.search(r"[。！？\n]", text[:m.start()]):
            return None  # 2023年3月20日，某局发布2022年第四季度…: the day it was written, no period
        if after.startswith("以来") and not NOT_A_PERIOD_BEFORE.search(before):
            return (ref.now or ref.year), False  # 2022年以来，先后推出…: so far, the year the document speaks from
        framed = before.endswith("在") and frame is not None and frame.match(text, m.end()) or bool(
            re.search(r"(?:[市省县区]|[，,。；;\n]|^)于$", text[max(0, m.start() - 2):m.start()]))  # 全市于2022年新认定…: when, not 成立于
        if NOT_A_PERIOD_BEFORE.search(before) and not target and not framed or re.match(r"[^，,。；;]{0,5}以来", after):
            return None  # 比2023年, 自2022年启动以来: no period of the figure
        if re.match(r"(?:前|底前)", after):
            target = True
        elif re.match(r"[底末](?![前止])", after) and not m.group().endswith("度"):
            return f"{m.group('yy')}-12-31", target  # 2027年末签约投资额…: as of that year's last day
        return m.group("yy"), target
    word = m.group("word")
    if re.search(r"(?:比|较|同比|与)$", before):
        return None
    if word in ("去年", "上年"):
        if text[m.end():m.end() + 2] == "以来":
            return (ref.now or ref.year), False  # 去年以来，…: so far, as 2017年以来 is — not last year's alone
        last = year(None, word)
        same = re.match(r"同期", text[m.end():m.end() + 2])
        if same and last and ref.period and re.match(r"\d{4}", ref.period):  # 去年同期 in a 2025-H1 report: 2024-H1
            return re.sub(r"\d{4}", lambda y: str(int(y.group()) - 1), ref.period), False
        return last, False
    if ref.review and word in ("本年", "本年度") or ref.past_this_year and word.startswith("今年"):
        return ref.year, False  # 本年度新增… in a January review: the year reviewed
    if word.startswith("今年") or word in ("年内", "本年", "本年度"):
        return ref.now, False
    return ref.year, False  # 全年, 年度: the year the document speaks of


SINCE_RE = re.compile(r"(?:实施|开展|启动|推进|组织实施)(?P<obj>[\u4e00-\u9fff]{2,12}?)以来")
"""``实施实事项目以来``: since the thing named was done — the time the text gave it before."""


def _since(ctx: Ctx, ref: Reference, m: re.Match[str]) -> Period | None:
    """The period of ``实施X以来`` (``m``): the time words before the last earlier mention of X in its sentence
    (``于2023年、2024年连续两年组织实施182项…实事项目。实施实事项目以来，…``), else None."""
    obj = m.group("obj")
    at = ctx.text.rfind(obj, 0, m.start())
    sent = ctx.sentence_of(at) if at != -1 else None
    if sent is None:
        return None
    said = [p for p in periods_in(ctx, ref, sent.span.start, at) if p.value and not p.target]
    return Period(said[-1].value, m.group(), m.start()) if said else None


PERIOD_ANCHORS = "截目当现至月季年五"
"""Every match of :data:`PERIOD_RE` holds one of these characters (截至, 目前, 当前, 现有, 至今, 月, 季度, 年, 十四五),
the first of them at most :data:`PERIOD_REACH` characters after the match's start (``2024—2025年``)."""
PERIOD_REACH = 9


def period_matches(ctx: Ctx, start: int, end: int) -> Iterator[re.Match[str]]:
    """What ``PERIOD_RE.finditer(ctx.text, start, end)`` gives, without scanning a window that holds no
    time word: no match can start more than :data:`PERIOD_REACH` characters before the window's first
    :data:`PERIOD_ANCHORS` character (found in the document's index of them), so the scan starts there."""
    first = ctx.first_of(PERIOD_ANCHORS, start, end)
    if first == -1:
        return iter(())
    return PERIOD_RE.finditer(ctx.text, max(start, first - PERIOD_REACH), end)


def periods_in(ctx: Ctx, ref: Reference, start: int, end: int) -> list[Period]:
    """Every period named in ``[start, end)``, in text order (titles and quotes excepted); ``实施X以来``
    carries the period X was given before.

    A function of the document, ``ref``, the window and the claims: memoised per document under the
    claims' version (a figure's rule asks for its sentence head's periods once per figure). Each call
    gives new Period objects, as computing them again would: the rules tell periods apart by identity
    (``period is paragraph``)."""
    key = (periods_in, start, end, ctx.claims_version)
    found = ctx.memo.get(key)
    if found is not None and found[0] is ref:  # type: ignore[index]
        return [_copy(p) for p in found[1]]  # type: ignore[index]
    out = _periods_in(ctx, ref, start, end)
    ctx.memo[key] = (ref, tuple(_copy(p) for p in out))
    return out


def _copy(p: Period) -> Period:
    """A new Period equal to ``p``."""
    q = object.__new__(Period)
    q.__dict__.update(p.__dict__)
    return q


def _periods_in(ctx: Ctx, ref: Reference, start: int, end: int) -> list[Period]:
    out = []
    text = ctx.text
    if text.find("以来", start, end) != -1:  # (every match of SINCE_RE ends so)
        for m in SINCE_RE.finditer(text, start, end):
            since = _since(ctx, ref, m)
            if since is not None:
                out.append(since)
    for m in _recent_re(ctx.lex).finditer(text, start, end):
        if re.match(r"[^，,。；;：:]*?的", text[m.end():end]):
            continue  # 近5年抽查3次以上的产品有105种: the years describe what is counted, no period of the count
        out.append(Period(_recent_years(m, ref), m.group(), m.start()))
    for m in period_matches(ctx, start, end):
        if ctx.claimed(m.start(), m.end()) or in_basis(ctx, m.start(), m.end()):
            continue  # 根据年度抽查计划安排，: the plan's time words, not the figures' period
        if text[max(0, m.start() - 2):m.start()] in ctx.lex.words("resultative_dao_verbs.txt"):
            continue  # 跟踪抽查到2019年抽查不合格生产企业7家: the year of the object found, no target nor period
        if _relative_year(ctx, m.end(), end):
            continue  # 2016年抽查不合格的企业有15家: the year of the firms' earlier failure, no period of the count
        got = _resolve(m, ref, text, _in_year_frame_re(ctx.lex))
        if got is None:
            continue
        value, target = got
        bracketed = text[m.start() - 1:m.start()] in "（(" and text[m.end():m.end() + 1] in "）)" and m.start() > 0
        out.append(Period(value, m.group(), m.start(), target, bracketed))
    return sorted(out, key=lambda p: p.start) if len(out) > 1 else out


def recent(ctx: Ctx, period: Period) -> bool:
    """The period is one of recent years (近三年, 三年来, 近年来): it governs its sentence, not a paragraph."""
    return period.words is not None and _recent_re(ctx.lex).fullmatch(period.words) is not None


def indefinite(ctx: Ctx, period: Period) -> bool:
    """The period is an indefinite word of recent years (近年来): it governs a figure's own clause, or a
    sentence it heads alone, never a paragraph."""
    return period.value is None and period.words in ctx.lex.words("recent_year_words.txt")


@per_lexicon
def _recent_re(lex: Lexicon) -> re.Pattern[str]:
    """Time words of recent years: ``近三年``, ``三年来``, ``近5年间`` (a count of years), and the indefinite words
    of ``recent_year_words.txt`` (近年来, 多年来 …)."""
    words = lex.alternation("recent_year_words.txt") or "(?!)"
    return re.compile(r"(?<![\d一二两三四五六七八九十])(?:近(?P<n>[一二两三四五六七八九十]|\d{1,2})年(?:来|间|内|以来)?"
                      r"|(?P<n2>[一二两三四五六七八九十]|\d{1,2})年(?:来|以来)(?!的))|(?P<word>" + words + ")")


def _recent_years(m: re.Match[str], ref: Reference) -> str | None:
    """``近三年`` in a report on 2023 → ``2021/2023`` (the years up to the one the document speaks of); an
    indefinite word (近年来) → None: the figure is of no one year, and certainly not of the document's."""
    raw = m.group("n") or m.group("n2")
    last = ref.year or ref.now
    if last is None and (raw or m.group()).lstrip("近").startswith(("五", "5")) and len(plans := set(re.findall(r"十([一二三四五])五[”\"]?(?:期间|时期)", m.string[:200]))) == 1:
        first = 2006 + 5 * "一二三四五".index(plans.pop())
        return f"{first}/{first + 4}"  # 五年来 in an undated review of “十三五”时期 (named in its head): that plan's years
    if raw is None or last is None:
        return None
    n = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
    if not n or n > 20:
        return None
    return last if n == 1 else f"{int(last) - n + 1}/{last}"


def _relative_year(ctx: Ctx, at: int, end: int) -> bool:
    """The year ending at ``at`` opens a relative clause (``2016年抽查不合格的企业``): a short run of
    words holding one of ``relative_year_states.txt``, then 的 and a noun, before ``end`` (a figure)."""
    m = re.match(r"([\u4e00-\u9fff]{1,8}?)的[\u4e00-\u9fff]{1,6}?(?:有|为|共|达|共有)?\d", ctx.text[at:end + 1])
    return m is not None and any(w in m.group(1) for w in ctx.lex.words("relative_year_states.txt"))


def clause_start(ctx: Ctx, sent: Sentence, pos: int) -> int:
    """Start of the clause holding ``pos`` (after the last ，；： of its sentence)."""
    i = ctx.last_of("，,；;：:", sent.span.start, pos)
    return i + 1 if i >= sent.span.start else sent.span.start


def clause_end(ctx: Ctx, sent: Sentence, pos: int, limit: int | None = None) -> int:
    """End of the clause holding ``pos``: the first ，；。 at or after it before ``limit`` (default: the
    end of its sentence), else ``limit``."""
    end = sent.span.end if limit is None else limit
    i = ctx.first_of("，,；;。", pos, end)
    return i if i != -1 else end


def head_end(ctx: Ctx, sent: Sentence) -> int:
    """End of a sentence's head clause (its first clause; a ``…方面：`` lead does not count)."""
    key = (head_end, sent.span.start, sent.span.end)
    end = ctx.memo.get(key)
    if end is None:
        end = ctx.memo[key] = _head_end(sent, _purpose_re(ctx.lex))
    return end  # type: ignore[return-value]


@per_lexicon
def _purpose_re(lex: Lexicon) -> re.Pattern[str]:
    """A purpose clause opening a sentence right before its time words (``为推动…，2024年，我市…``;
    ``purpose_leads.txt``): the time words after it head the sentence."""
    leads = lex.alternation("purpose_leads.txt") or "(?!)"
    return re.compile(rf"(?:{leads})[^，,；;：:。]{{2,30}}[，,](?=\s*(?:20\d{{2}}年|今年|去年|上年|本年)[^，,；;。]{{0,6}}[，,])")


def _head_end(sent: Sentence, purpose: re.Pattern[str] | None = None) -> int:
    text = sent.span.text
    lead = re.match(r"[^，,；;：:。]{0,12}(?:方面|领域|期间|中)?[：:，,]", text)
    skip = lead.end() if lead and re.search(r"(?:方面|领域)[：:，,]$", lead.group()) else 0
    lead_in = LEAD_IN.match(text, skip)
    skip = lead_in.end() if lead_in else skip  # 据介绍，2024年经…审核: the year after the lead-in
    aim = purpose.match(text, skip) if purpose is not None and not lead_in else None
    skip = aim.end() if aim else skip  # 为推动…，2024年，…: the year after the purpose clause
    m = re.search(r"[，,；;：:。]", text[skip:])
    return sent.span.start + skip + (m.start() if m else len(text) - skip)


def is_target(ctx: Ctx, sent: Sentence, pos: int, *, paragraph: bool = True) -> bool:
    """A target or plan (``力争…``, ``今年将开展…``, ``《要点》明确…``) governs ``pos``; with ``paragraph`` false,
    only a word of its own sentence counts (not a paragraph opened by ``下一步``). A plan followed, before
    ``pos``, by a word of having reached it (``计划抽查300批次，已完成180批次，合格率98%``) governs no more."""
    found = [m for m in [*TARGET_RE.finditer(ctx.text, sent.span.start, pos),
                         *_plan_lead_re(ctx.lex).finditer(ctx.text, sent.span.start, pos)] if _plans(ctx, sent, m)]
    if found:  # (今年计划研制新标准25个，培育企业150家: the plan governs the rest of its sentence)
        after = ctx.text[max(m.end() for m in found):pos]
        return not any(w in after for w in ctx.lex.words("achieved_marks.txt"))
    return paragraph and (next_step_paragraph(ctx, sent.span.start) or plan_paragraph(ctx, sent.span.start, pos))


def _plans(ctx: Ctx, sent: Sentence, m: re.Match[str]) -> bool:
    """Whether the target word ``m`` states a plan, not the grounds or the estimate of a done thing."""
    if re.match(r"[》会意方要]", m.group()) and re.search(r"(?:根据|按照|依据|依照)[^，,；;。]*$",
                                                    ctx.text[sent.span.start:m.start()]):
        return False  # 根据《…通知》要求，确定…: what was done as required, not a target
    if in_basis(ctx, m.start(), m.end()):
        return False  # 根据年度抽查计划安排，…抽查80批次: the grounds of a done thing, not a target
    if re.search(r"(?:按|按照|依照|依据)[^，,；;。\d]{0,6}$", ctx.text[sent.span.start:m.start()]):
        return False  # 按计划完成抽检300批次: done as planned
    if m.group() == "预计" and ESTIMATE_ASIDE.match(ctx.text, m.end()):
        return False  # 预计（下同），实现地区生产总值…: the year's results as estimated at its end, no target
    return True


@per_lexicon
def _plan_lead_re(lex: Lexicon) -> re.Pattern[str]:
    rows = lex.table("plan_leads.tsv", columns=2, header="lead")
    return re.compile("|".join(rf"{re.escape(lead)}[^，,；;。\d]{{0,4}}?{re.escape(verb)}" for lead, verb in rows) or "(?!)")


def next_step_paragraph(ctx: Ctx, pos: int) -> bool:
    """Whether the paragraph holding ``pos`` opens with a word of the work still to come (``下一步，将…``,
    ``next_step_leads.txt``): every figure in it is a target."""
    start = ctx.text.rfind("\n", 0, pos) + 1
    head = ctx.text[start:start + 12].lstrip()
    return any(head.startswith(w) for w in ctx.lex.words("next_step_leads.txt", longest_first=True))


PLAN_PROPOSED_RE = re.compile(r"(?:^|(?<=[。！？\n]))\s*(?:该|本|此|这一)?《[^》\n]{0,30}(?:方案|规划|意见|计划|纲要|要点)》"
                              r"[^。\n“”]{0,120}?提出")
"""A plan's contents told by a sentence it opens (``该《行动方案》…提出具体措施``): what the paragraph says after it
is what the plan sets (not ``印发《某方案》，提出十二条举措``: a plan named as what was done)."""


def plan_paragraph(ctx: Ctx, start: int, pos: int) -> bool:
    """Whether a plan's contents are told in the paragraph before ``pos`` (``PLAN_PROPOSED_RE``, in the sentence
    at ``start`` or an earlier one of the paragraph), with no word of having reached them in between."""
    para = ctx.text.rfind("\n", 0, start) + 1
    found = [m for m in PLAN_PROPOSED_RE.finditer(ctx.text, para, pos)]
    if not found or not re.search(r"[，,；;。]", ctx.text[found[-1].end():pos]):
        return False  # …提出十二条具体举措: the count of what it proposes, no target
    return not any(w in ctx.text[found[-1].end():pos] for w in ctx.lex.words("achieved_marks.txt"))


BARE_PART_RE = re.compile(r"(?:第)?[一二三四1-4]\s?季度|上半年|下半年|前三季度|[一二三四1-4](?:季度)?(?:至|—|－|-|~|～)(?:第)?[一二三四1-4]季度"
                          r"|(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:月)?(?:至|—|－|-|~|～)(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?")
"""A part of a year written with no year of its own (``第二季度``, ``1-6月``)."""


def figure_period(ctx: Ctx, ref: Reference, sent: Sentence, pos: int, paragraph: Period | None) -> Period:
    """The period governing a figure at ``pos`` (:func:`_figure_period`); a part of a year written with no year
    (``第二季度``) under a paragraph headed by a year (``2023年，…。其中，第二季度…``) is of that year."""
    got = _figure_period(ctx, ref, sent, pos, paragraph)
    if got.start < 0 or not got.value or not BARE_PART_RE.fullmatch(got.words or "") or got.target:
        return got
    above = [p for p in periods_in(ctx, ref, sent.span.start, head_end(ctx, sent)) if not p.bracketed and p.start < got.start]
    frame = above[-1] if above else paragraph
    if frame is None or frame.target or not re.fullmatch(r"20\d{2}", frame.value or "") \
            or not re.match(r"20\d{2}年", frame.words or "") or frame.value == got.value[:4]:
        return got  # (only a year written out: 全年 or 今年 leave the part's own reading)
    return Period(re.sub(r"^\d{4}", frame.value, got.value).replace(got.value[:4], frame.value), got.words, got.start, got.target)


def _figure_period(ctx: Ctx, ref: Reference, sent: Sentence, pos: int, paragraph: Period | None) -> Period:
    """The period governing a figure at ``pos``: its clause's time words, else the sentence head's,
    else the paragraph head's, else the year the document speaks of."""
    cs = clause_start(ctx, sent, pos)
    own = periods_in(ctx, ref, cs, pos)
    end = head_end(ctx, sent)
    head = [p for p in periods_in(ctx, ref, sent.span.start, end) if not p.bracketed] if end < pos else []
    if head and indefinite(ctx, head[-1]) and not re.fullmatch(r"\s*" + re.escape(head[-1].words or "") + r"[，,]?",
                                                             ctx.text[head[-1].start:end + 1]):
        head = []  # 近年来柳州坚持…，…两条产业链入选…: recent years inside a clause of its own govern that clause only
    above = head[-1] if head else paragraph
    if len(own) > 1 and own[-1].words in ("全年", "年度", "年内") and re.fullmatch(r"\d{4}", own[-2].value or ""):
        return own[-2]  # 而2022年全年立案58件: the year named with it
    if own and own[-1].words in ("全年", "年度", "年内") and above is not None and re.fullmatch(r"\d{4}", above.value or ""):
        if above.start < ctx.text.rfind("\n", 0, sent.span.start) + 1:  # a heading's year (一、2023年工作总结): 全年 is named here
            return Period(above.value, own[-1].words, own[-1].start, above.target)
        return above  # 2015年，…全年新增…: the whole of the year above
    if own and own[-1].words in ("全年", "年度", "年内") and above is not None \
            and re.fullmatch(r"\d{4}-12-31", above.value or "") and not above.target:
        return Period(above.value[:4], own[-1].words, own[-1].start)  # 截至2024年底，…，全年实现…: the year ended
    if own and own[-1].words in ("全年", "年度", "年内") and not head:
        earlier = [p for p in _earlier_clause_periods(ctx, ref, sent, max(end, sent.span.start), cs)
                   if re.fullmatch(r"\d{4}", p.value or "") and p.words not in ("全年", "年度", "年内")]
        if earlier:
            return earlier[-1]  # 去年全市共抽查…；某所全年检定…: the whole of that year
    if own:
        return own[-1]
    stop = clause_end(ctx, sent, pos)
    later = [p for p in periods_in(ctx, ref, pos, stop) if AFTER_NUMBER.search(ctx.text, max(0, p.start - 4), p.start)]
    if later:
        return later[0]  # 24个项目入选2024—2025年度“金陵杯”: the list's period
    listed = _colon_list_period(ctx, ref, sent, cs)
    if listed is not None and (not head or (head[-1].value is None and head[-1].start < listed.start)):
        return listed  # 近年来，…成效：2023年全省…合格率93.9%；…合格率99%: the year heading the list after the colon
    segment = ctx.last_of("；;", sent.span.start, cs) + 1  # not across a ；
    earlier = [p for p in _earlier_clause_periods(ctx, ref, sent, max(end, sent.span.start, segment), cs)
               if not indefinite(ctx, p)]  # 近年来 of another clause: no period of this one
    if not earlier and not head and segment > sent.span.start:
        earlier = [p for p in _earlier_clause_periods(ctx, ref, sent, max(end, sent.span.start), segment)
                   if re.search(r"-(?:H[12]|Q[1-4])$|/", p.value or "")  # 今年上半年新登记…；发放…: a window of the year, on
                   or (p.words or "").startswith(("截至", "截止"))]  # 截至6月底，…29件；全省拥有…662件: the stocks' day, on
    if not earlier and not head:
        earlier = [p for p in periods_in(ctx, ref, max(end, sent.span.start, segment), cs) if p.start >= 0
                   and not p.bracketed and not p.target and re.fullmatch(r"20\d{2}", p.value or "")
                   and DATED_FIGURE_RE.match(ctx.text, p.start + len(p.words or ""))]  # 确定2017年启动316个项目，总投资…
    opens_segment = bool(earlier) and segment > sent.span.start and earlier[-1].start >= segment
    if earlier and (not head or opens_segment) and not (earlier[-1].words in ("全年", "年度", "年内") and above is not None):
        return earlier[-1]  # 报告显示，去年全市共抽查425批次，合格率96.7%: the time words of an earlier clause
    if head and earlier and earlier[-1].start >= segment > sent.span.start and earlier[-1].start > head[-1].start \
            and re.match(r"今年|去年|上年|前年|本年", earlier[-1].words or ""):
        return earlier[-1]  # 2023年全市抽查…；今年以来，全市查处…: the time words heading its own part of the sentence
    if head:
        return head[-1]
    started = ROUND_START_RE.search(ctx.text, sent.span.start, end)
    if started is not None and not RUNNING_RE.search(ctx.text, sent.span.start, pos):
        return Period(started.group("y"), started.group(), started.start())  # 申报工作从2018年7月启动，共有12家…
    if re.match(r"\s*其中", sent.span.text):  # 目前，全市…均居第一位。其中注册商标总数12657件: the sentence before's time
        before = next((x for x in reversed(ctx.doc.sentences) if x.span.end <= sent.span.start), None)
        said = periods_in(ctx, ref, before.span.start, head_end(ctx, before)) if before is not None \
            and not ctx.text.count("\n", before.span.end, sent.span.start) else []
        if not said and before is not None and not ctx.text.count("\n", before.span.end, sent.span.start):
            said = [p for p in periods_in(ctx, ref, before.span.start, before.span.end) if p.start >= 0 and not p.bracketed
                    and not p.target and re.fullmatch(r"20\d{2}", p.value or "")
                    and DATED_FIGURE_RE.match(ctx.text, p.start + len(p.words or ""))]  # …确定2017年启动316个项目。其中续建…
            said = said[-1:] if len({p.value for p in said}) == 1 else []
        if said:
            return said[-1]
    if paragraph is not None:
        return paragraph
    if ref.period and ref.year and WINDOW_PERIOD_RE.search(ref.period) \
            and STOCK_VERB_RE.search(ctx.text, sent.span.start, pos):
        return Period(ref.year, None, -1)  # 上半年… in the title; 广州市拥有中国驰名商标140个: a stock, of the year
    return Period(ref.period or (None if ref.guessed else ref.year), None, -1)  # (a guessed year dates nothing unnamed)


WINDOW_PERIOD_RE = re.compile(r"-(?:H[12]|Q[1-4])$|/")
DATED_FIGURE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?\d")
"""A year inside a clause, right before the words and number of the figure it dates (``确定2017年启动316个``): the
year goes on to the figures of the clauses after it in its part of the sentence that name no time of their own."""
STOCK_VERB_RE = re.compile(r"拥有|现有")


def _colon_list_period(ctx: Ctx, ref: Reference, sent: Sentence, cs: int) -> Period | None:
    """A year heading the list after a colon of the sentence (``…取得成效：2023年全省…；…；…``): it governs every
    item of the list, across ；, while no later item names a time of its own."""
    colon = ctx.last_of("：:", sent.span.start, cs)
    if colon < sent.span.start:
        return None
    found = _earlier_clause_periods(ctx, ref, sent, colon + 1, cs)
    if not found or ctx.text[colon + 1:found[0].start].strip() or not re.fullmatch(r"20\d{2}", found[-1].value or "") \
            or found[-1].target:
        return None
    return found[-1]


def _earlier_clause_periods(ctx: Ctx, ref: Reference, sent: Sentence, lo: int, hi: int) -> list[Period]:
    """Time words heading earlier clauses of the sentence (``报告显示，去年全市…``)."""
    return [p for p in periods_in(ctx, ref, lo, hi) if p.start >= 0 and not p.bracketed and re.fullmatch(
        r"(?:其中|而|但|同时|另外|此外)?", ctx.text[clause_start(ctx, sent, p.start):p.start])]


def date_award_figures(ctx: Ctx) -> None:
    """Figures of the award whose round the first paragraph names (:attr:`Reference.award_year`) and that no
    time words date: the round's year (``表彰2018年度某奖获奖企业。3家企业获…，各奖励50万元`` in 2019)."""
    ref = reference(ctx)
    if ref.award_year is None:
        return
    for i, o in enumerate(ctx.observations):
        if o.period_words is None and o.period == ref.year and o.subject is not None and o.subject.kind.is_programme:
            ctx.observations[i] = dataclasses.replace(o, period=ref.award_year)
