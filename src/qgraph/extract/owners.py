"""Whose figure it is, in shapes real reports use beyond a subject heading the clause: a change from
one value to another (``M从X增至Y``), a place's share in brackets (``其次是芜湖市（12.6%）``), a place
named in the sentence competing with a carried subject, the attendance of a meeting, a norm per item
(``每条产业链明确1名…``), and a group of listed recipients named again (``这7家企业拥有…``)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Kind, Observation, Ref, Sentence
from .context import Ctx
from .periods import clause_end, clause_start

ATTENDANCE_RE = re.compile(r"(?:余|多)?(?:人|名)?(?:企业|单位)?(?:代表|负责人)?(?:现场|线上)?(?:参加|出席|参会|到会|与会)")
PER_ITEM_RE = re.compile(r"每(?:新增|新注册|新登记|增加|培育|投入)?[\d.一二三四五六七八九十]*(?:条|个|家|项|名|位|所|批|类|次|届|年|户|件)|不超过|不多于")
"""A norm per item or a quota (每条产业链明确1名…, 每2年评审1次, 每次…不超过3个) or a ratio (每新增1户…就新增1.2件):
no count of the subject."""
PER_LEAD_RE = re.compile(r"每(?:新增|新注册|新登记|增加|培育|投入)?$")
"""每新增 written right before a number (每新增1户…): the number is the ratio's unit, no count."""


@per_lexicon
def _to_verbs(lex: Lexicon) -> str:
    """The verbs of a change to a new value (增至, 扩容至 …; ``change_to_verbs.txt``), as an alternation."""
    return lex.alternation("change_to_verbs.txt")


@per_lexicon
def _to_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"^(?:{_to_verbs(lex)})(?:20\d{{2}}年(?:底|末)?的?)?$")


@per_lexicon
def _to_after_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"[^，,；;。]{{1,12}}?(?:{_to_verbs(lex)})")


FROM_RE = re.compile(r"(?P<m>[^，,；;。：:\d]{2,16}?)(?:从|由)(?:20\d{2}年(?:底|末)?的?)?$")


def from_to_measure(ctx: Ctx, sent: Sentence, pos: int, prev: Observation | None) -> tuple[str | None, bool]:
    """The measure of ``M从X增至Y``: the words before 从, for both numbers; and whether the number is
    the state before a change with no year of its own (``由6条调整为10条``: 6 is no current figure)."""
    if prev is not None and prev.span.start >= sent.span.start and _to_re(ctx.lex).match(ctx.text[prev.span.end:pos]):
        return prev.measure, False
    m = FROM_RE.search(ctx.text, clause_start(ctx, sent, pos), pos)
    if m is None or not _to_after_re(ctx.lex).match(ctx.text, pos, sent.span.end):
        return None, False  # 从1126个申报主体中遴选: no change from one value to another
    words = re.sub(r"^(?:全市|全省|全县|全区|我市|我省|全国)", "", m.group("m"))
    return (words if len(words) >= 2 else None), not re.search(r"\d{4}年", m.group())


def bracketed_place(ctx: Ctx, pos: int) -> Ref | None:
    """A figure in brackets right after a place (``其次是芜湖市（12.6%）``) is that place's."""
    if ctx.text[pos - 1:pos] not in ("（", "("):
        return None
    ent = next((e for e in ctx.ending_at(pos - 1) if e.kind is Kind.PLACE), None)
    return ent.ref if ent is not None else None


def place_in_sentence(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """A place other than the document's is named in the sentence before ``pos`` (not inside a name)."""
    home = getattr(ctx.home, "name", None)
    scope = tuple(ctx.lex.words("place_scope_verbs.txt"))
    return any(e.kind is Kind.PLACE and e.name != home and len(e.span.text) <= len(e.name) + 1
               and dict(e.attributes).get("implicit") != "true"
               and not re.match(r"[区县市]?[、和及与等]", ctx.text[e.span.end:e.span.end + 2])  # 在乐清市、瑞安市等地: where (甲江区、: a short name's suffix)
               and not re.search(r"(?:在|于|赴|到)$", ctx.text[max(0, e.span.start - 1):e.span.start])
               and not ctx.text[max(0, e.span.start - 4):e.span.start].endswith(scope)  # 抽查涉及某区的20家企业: where
               for e in ctx.entities_in(sent.span.start, pos))


def attendance(ctx: Ctx, end: int) -> tuple[Ref, str] | None:
    """``…代表120余人参加会议``: the attendance of the meeting or event the report names (the last one
    before), else of an unnamed gathering — whose it is cannot be told, the place's is only inferred."""
    if not ATTENDANCE_RE.match(ctx.text, end):
        return None
    held = sorted((e for e in ctx.entities if e.kind in (Kind.MEETING, Kind.EVENT, Kind.PRESS_CONFERENCE)
                   and e.span.start < end), key=lambda e: e.span.start)
    if held:
        meetings = [e for e in held if e.kind is not Kind.EVENT]
        gatherings = [e for e in held if re.search(r"仪式|会|活动|典礼|论坛|展", e.name)]  # not the month itself (质量月)
        return (meetings or gatherings or held)[-1].ref, "carried"
    return (Ref(Kind.PLACE, ctx.home.name), "inferred") if ctx.home else None


REMENTION_LEAD_RE = re.compile(r"(?:其中)?(?:这|该|上述|以上)?(?:首批|本批|第[一二三四五六七八九十\d]+批)?(?:入选|获奖|获评|上榜)?的?")
REMENTION_TAIL_RE = re.compile(r"[^，,；;。\d]{0,10}?(?:20\d{2}年[^，,；;。\d]{0,6}?)?(?:合计|共|累计)?"
                               r"(?:实现|拥有|主导|参与|带动|完成|出口|吸纳|获得)")


SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、(?P<sec>[^（(\n]{2,12})[（(]\d+[个家项件条]?[）)]\s*$", re.M)


def _section(ctx: Ctx, listing, count: int) -> str | None:
    """The section heading of a list of several sections (``一、企业品牌（7个）``) whose items a listing holds."""
    if not listing.recipients:
        return None
    first = ctx.text.find(listing.recipients[0].name)
    heads = [m for m in SECTION_RE.finditer(ctx.text, 0, max(first, 0)) if f"{count}" in m.group()]
    return heads[-1].group("sec") if heads and first > 0 else None


def group_named_again(ctx: Ctx, sent: Sentence, pos: int, end: int, value) -> tuple[Ref, str | None] | None:
    """``这7家企业拥有有效发明专利412件`` / ``6家质量标杆企业…实现营业收入…``: the listed recipients named
    again by their count — no new figure; the programme whose list has that many items owns the
    clause's figures, as the section of the list they make up (``一、企业品牌（7个）``), if the list has
    sections. Returns (programme, section), or None."""
    lead = ctx.text[clause_start(ctx, sent, pos):pos]
    if not REMENTION_LEAD_RE.fullmatch(lead) or not REMENTION_TAIL_RE.match(ctx.text, end):
        return None
    demonstrative = bool(re.search(r"这|该|上述|以上|入选|获奖|获评|上榜", lead))
    lists = [x for x in ctx.listings if x.span.start < pos and x.count is not None and x.count == value]
    if lists:
        return lists[-1].programme, _section(ctx, lists[-1], int(value))
    if demonstrative:
        named = [x for x in ctx.listings if x.span.start < pos]
        return (named[-1].programme, None) if named else None
    return None


def indicator_of_place(ctx: Ctx, subject: Ref | None, measure: str) -> Ref | None:
    """``…市级监督抽查1500批次以上，力争制造业产品质量合格率达到95%``: a measure no check can have, about
    a check — the figure is the place's (the document's)."""
    if subject is None or subject.kind not in INSPECTION_KINDS or ctx.home is None:
        return None
    if not any(w in measure for w in ctx.lex.words("place_indicators.txt")):
        return None
    return Ref(Kind.PLACE, ctx.home.name)


STOCK_HEAD_RE = re.compile(r"(?:全市|全县|全省|全区|我市|我县|我省|我区|本市|本县|全州|(?<=方面，)|(?<=方面,))(?:现有|拥有|共有|有(?!效|序|力|关))")
HELD_MARKS = r"(?:中国)?(?:驰名商标|著名商标|有效注册商标|注册商标)"
LISTING_BEFORE_RE = re.compile(r"(?:认定|培育|评选|命名|授予|新增|获得|入选)[^，,；;。]{0,2}$")
LISTED_AFTER_RE = re.compile(r"[^，,；;。]{0,12}?(?:入选|获评|上榜|荣获|列入|纳入|获得|获奖)")


AS_OF_RE = re.compile(r"截[至止][^，,；;。]{2,12}[，,]")
"""How :func:`_as_of_head`'s patterns begin."""


@functools.lru_cache(maxsize=4096)
def _as_of_head(home: str | None) -> re.Pattern[str]:
    """``截至…，全市`` / ``截至…，<the home place>`` (compiled once per place: a corpus has many)."""
    place = re.escape(home) if home else "全省"
    return re.compile(rf"截[至止][^，,；;。]{{2,12}}[，,](?:全市|全省|全县|全区|{place})")


@functools.lru_cache(maxsize=4096)
def _held_marks_head(home: str, short: str) -> re.Pattern[str]:
    """``贵州驰名商标…``: the home place, or its short form, before the marks it holds."""
    return re.compile(rf"(?:{home}|{short})(?={HELD_MARKS})")


@functools.lru_cache(maxsize=4096)
def _home_holds(home: str) -> re.Pattern[str]:
    """``常州市共有`` / ``常州市现有``: the report's place, written in full, before a verb of holding."""
    return re.compile(rf"{re.escape(home)}(?:目前|现)?(?:共有|现有|拥有)")


def held_stock(ctx: Ctx, sent: Sentence, pos: int, end: int, heads: list) -> bool:
    """``目前，全县现有注册商标3863件，其中中国驰名商标2件，著名商标13件；省名牌产品16个…`` and
    ``截至2012年末，陕西省有效注册商标累计86277件，中国驰名商标58件``: what the place holds heads the sentence — its figures are the place's stock, until another subject heads a
    clause; a count of items listed in a programme after the number (…入选…) is not."""
    head = STOCK_HEAD_RE.search(ctx.text, sent.span.start, pos)
    home = re.escape(ctx.home.name) if ctx.home else "全省"
    if head is None and AS_OF_RE.match(ctx.text, sent.span.start, pos):  # (the place's own pattern is compiled only then)
        head = _as_of_head(ctx.home.name if ctx.home else None).match(ctx.text, sent.span.start, pos)
    if head is None and ctx.home is not None and ctx.text.find(ctx.home.name, sent.span.start, pos) != -1:
        # 常州市共有中国质量奖提名奖1家…: the place named in full holds them
        head = _home_holds(ctx.home.name).search(ctx.text, sent.span.start, pos)
        if head is not None and re.search(r"入选|获评|上榜|列入|纳入|获奖", ctx.text[end:clause_end(ctx, sent, end)]):
            head = None  # 某省共有126家企业的138个产品入选: the list's count, no stock
    if head is None and ctx.home is not None:  # 目前，贵州驰名商标累计达到63件: the marks the place holds
        short_name = re.sub(r"(?:省|市|县|区|自治区|维吾尔自治区|壮族自治区|回族自治区)$", "", ctx.home.name)
        short = re.escape(short_name)
        if ctx.text.find("商标", sent.span.start, pos) != -1 and ctx.text.find(short_name, sent.span.start, pos) != -1:
            head = _held_marks_head(home, short).search(ctx.text, sent.span.start, pos)  # (every match holds both)
        if head is not None and (any(e.kind.is_programme for e in ctx.starting_at(head.start(), pos))
                                 or LISTING_BEFORE_RE.search(ctx.text[max(sent.span.start, head.start() - 6):head.start()])):
            head = None  # 去年全省认定陕西省著名商标742件: a programme's new recipients, no stock
    if head is not None and head.group().endswith("共有") and re.search(
            r"入选|获评|上榜|列入|纳入|获得|获批|认定|通过", ctx.text[end:clause_end(ctx, sent, end)]):
        return False  # 全省共有126家企业的138个产品入选: a count of the listed, no stock held
    if head is None:
        return False
    clause = max(head.end(), ctx.last_of("；;", sent.span.start, pos) + 1)
    if LISTED_AFTER_RE.match(ctx.text, end) or re.search(r"培育|认定|入选|获评|遴选|命名|授予|评选", ctx.text[clause:pos]):
        return False  # 截至2024年底，全省累计培育省级质量标杆企业87家，…示范区11个: the programme's count (a verb
        # before a ； lists only its own part: 全县有14家企业获评…；省级质量标杆2家 is the county's stock)
    return not [e for s, e in heads if head.start() < s < pos]


ON_SITE_RE = re.compile(r"(?:活动现场|会上|会议上|启动仪式上|仪式上|现场)[，,]")
ORGANISERS_RE = re.compile(r"[^，,；;。\d]{0,6}?(?:联合)?(?:举办|主办|承办|协办)的")
ORGANISED_BY_RE = re.compile(r"[^，,；;。\d]{0,6}?(?:共同|联合)(?:举办|主办|承办)(?=[。；;，,]|$)")
GATHERINGS = (Kind.MEETING, Kind.EVENT, Kind.PRESS_CONFERENCE)
HONOURED_BY_RE = re.compile(r"(?P<g>大会|会议|仪式|典礼|活动|会上|现场|仪式上)(?:现场|上)?(?:共|还)?(?:为|向|对)$")
"""``大会为15个组织和个人颁奖``: the gathering (named at the clause's head) honours the counted ones."""


AWARD_NOUN_RE = re.compile(r"[\u4e00-\u9fff“”\"]{1,16}?(?<![颁授获领])奖(?!励|补|金)")
"""The counted ones named by their award (``五家市政府质量奖…``): the award's winners, not the gathering's count."""


@functools.lru_cache(maxsize=64)
def _ceremony_after(verbs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"[^，,；;。\d]{0,10}?(?:" + "|".join(map(re.escape, verbs)) + ")")


def honoured_count(ctx: Ctx, sent: Sentence, pos: int, end: int) -> tuple[Ref, str] | None:
    """``大会为15个组织和个人颁奖`` / ``仪式上向12家企业授牌``: how many the gathering honoured — the figure of
    the meeting or event of the gathering word (仪式 a ceremony, 大会/会上 a meeting) the paragraph names last
    before (not the month itself, 质量月); with none named, whose it is cannot be told (the place's,
    inferred). Verbs in ``ceremony_verbs.txt``."""
    by = HONOURED_BY_RE.search(ctx.text, clause_start(ctx, sent, pos), pos)
    if not by:
        return None
    if not _ceremony_after(ctx.lex.words("ceremony_verbs.txt")).match(ctx.text, end):
        return None
    winners = award_winners(ctx, sent, pos, end)
    if winners is not None:
        return winners
    paragraph = ctx.text.rfind("\n", 0, sent.span.start) + 1
    held = [e for e in ctx.entities if e.kind in GATHERINGS and paragraph <= e.span.start < pos and e.name != "质量月"]
    if by.group("g") in ("仪式", "仪式上", "典礼"):  # 仪式上向12家企业授牌: the ceremony's, not the meeting's
        held = [e for e in held if re.search(r"仪式|典礼", e.name)]
    elif by.group("g") in ("大会", "会议", "会上"):  # 大会为15家企业颁奖: the meeting's, not a ceremony's
        held = [e for e in held if "会" in e.name and not re.search(r"仪式|典礼", e.name)]
    if held:
        meetings = [e for e in held if e.kind is not Kind.EVENT] or held
        return meetings[-1].ref, "carried"
    return (Ref(Kind.PLACE, ctx.home.name), "inferred") if ctx.home else None


def award_winners(ctx: Ctx, sent: Sentence, pos: int, end: int) -> tuple[Ref, str] | None:
    """``对五家某某质量奖和…进行了现场颁奖``: the counted ones named by their award, honoured in the clause — the
    award's winners (the award's figure when the extractor has it, else unsure), not the gathering's count;
    so are the ones counted next to them (``…质量奖和五家某某培育企业``: another title's holders)."""
    stop = clause_end(ctx, sent, end)
    if not any(v in ctx.text[end:stop] for v in ctx.lex.words("ceremony_verbs.txt")):
        return None
    award = next((e for e in ctx.starting_at(end, sent.span.end) if e.span.start == end and e.kind.is_programme), None)
    if award is not None:
        return award.ref, "named"
    if AWARD_NOUN_RE.match(ctx.text, end, stop) or re.search(r"(?<![颁授获领])奖(?:和|及|与|、)$",
                                                             ctx.text[clause_start(ctx, sent, pos):pos]):
        return (Ref(Kind.PLACE, ctx.home.name), "inferred") if ctx.home else None
    return None


def gathering_figure(ctx: Ctx, sent: Sentence, pos: int, end: int) -> tuple[Ref, str] | None:
    """``由某局等全市18家单位联合举办的“质量月”启动仪式…`` (the organisers of the event named after them)
    and ``活动现场，18家单位共开展60多项咨询服务`` (a sentence set at the event): the event's figures."""
    honoured = honoured_count(ctx, sent, pos, end)
    if honoured is not None:
        return honoured
    m = ORGANISERS_RE.match(ctx.text, end)
    if m is not None:
        held = [e for e in ctx.entities_in(m.end(), m.end() + 40) if e.kind in GATHERINGS and e.span.start <= m.end() + 1]
        if held:
            return held[0].ref, "named"
    m = ORGANISED_BY_RE.match(ctx.text, end)
    if m is not None and "由" in ctx.text[sent.span.start:pos]:  # 活动…由某局、某部等25个部门共同举办: the event's organisers
        held = [e for e in ctx.entities if e.kind in GATHERINGS and e.span.start < pos and e.name != "质量月"]
        if held:
            return held[-1].ref, "carried"
    if ON_SITE_RE.match(ctx.text, sent.span.start) and ON_SITE_RE.match(ctx.text, sent.span.start).end() <= pos:
        winners = award_winners(ctx, sent, pos, end)
        if winners is not None:
            return winners
        held = [e for e in ctx.entities if e.kind in GATHERINGS and e.span.start < pos and e.name != "质量月"]
        if held:
            meetings = [e for e in held if e.kind is not Kind.EVENT] or held
            return meetings[0].ref, "carried"
        return (Ref(Kind.PLACE, ctx.home.name), "inferred") if ctx.home else None
    return None


LEVEL_WORDS = {"National": "国家级", "Provincial": "省级", "Municipal": "市级", "County": "县级"}


def projects_of_place(ctx: Ctx) -> None:
    """``我省3个项目入选全国质量强链百个重点项目``: projects counted into a list of a level (a programme named
    by its level, ``…项目``) are the place's projects of that level — the place the sentence names, else the
    report's — not the list's own figure."""
    lists = {e.ref: e for e in ctx.entities if e.kind.is_programme and dict(e.attributes).get("lead") == "level"
             and e.name.endswith("项目") and e.level is not None}
    if not lists or ctx.home is None:
        return
    for i, o in enumerate(ctx.observations):
        e = lists.get(o.subject) if o.subject is not None else None
        if e is None or "项目" not in o.measure:
            continue
        ctx.observations[i] = replace(o, subject=Ref(Kind.PLACE, o.place or ctx.home.name), measure="项目",
                                      breakdown=LEVEL_WORDS.get(e.level.value, o.breakdown), level=e.level)


BRACKETED_ITEM_RE = re.compile(r"(?:^|[、：:是，,])(?P<item>[\u4e00-\u9fff]{2,16})$")


def bracketed_product(ctx: Ctx, sent: Sentence, pos: int) -> tuple[int, int, str, str] | None:
    """``不合格率最高的5种产品是家用双层床（83.1%）、电动晾衣架（46.2%）``: a rate in brackets after a listed
    product, in a sentence about products' rates, is that product's. Returns (start, end, product, measure)."""
    if ctx.text[pos - 1:pos] not in ("（", "(") or not re.search(r"产品", ctx.text[sent.span.start:pos]):
        return None
    rate = re.findall(r"不合格率|合格率", ctx.text[sent.span.start:pos])
    m = BRACKETED_ITEM_RE.search(ctx.text, sent.span.start, pos - 1)
    if not rate or m is None or ctx.entities_in(m.start("item"), m.end("item")):
        return None
    return m.start("item"), m.end("item"), m.group("item"), rate[-1]
