"""Programmes found by pattern (``data/lexicon/programme_patterns.tsv``), not only by the lexicon.

``第八届省长质量奖`` (the elided province of the report), ``江苏省名牌产品`` (a place and an ending),
``某市市长质量奖提名奖`` (a nomination award is a programme of its own), ``首批“湖南名品”`` (a batch
word and a quoted or plain name), ``全国质量强链百个重点项目`` (a level word): each becomes a
programme entity. A chain list listed in a programme with a level (``甲、乙等产业链入选全国质量强链
重点项目``) gives each chain a project of that level.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import ChainProject, Kind, Level, Listing
from .context import Ctx, is_han
from .numbers import parse_chinese_numeral
from .orgs import place_ending_at, place_starting_at
from .scan import PUNCTUATION_STOPS, Scan

BATCH_RE = re.compile(r"(?:首批|首届|第[一二三四五六七八九十\d]+(?:批|届))(?:\d{4}年度?)?[“\"「]?$")
BATCH_PLACE_RE = re.compile(
    r"(?:首批|首届|第[一二三四五六七八九十\d]+(?:批|届))(?:\d{4}年度?)?(?P<name>[^\s，,。；;、：:“”\"「」《》\d（）()]{4,18})$")
"""An edition or batch, then a name opening with a place (首届某省制造业卓越品牌培育企业)."""
EDITION_RE = re.compile(r"(?:第[一二三四五六七八九十\d]+|首)届$")
QUOTED_LEAD_RE = re.compile(r"[“\"「](?:\d{4}年度?)?(?:首届|第[一二三四五六七八九十\d]+届)?(?:\d{4}年度?)?$")
"""An opening quote right before a name, or before its year and edition (“第六届某市市长质量奖”)."""
BATCH_NAME_RE = re.compile(
    r"(?:首批|首届|第[一二三四五六七八九十\d]+(?:批|届))(?:\d{4}年度?)?[“\"「]?(?P<name>[^\s，,。；;、：:“”\"「」《》\d（）()]{1,8})$")
LEVEL_RE = re.compile(r"(?P<lv>国家级|全国|中国|省级|全省|市级|全市)[^\s，,。；;、：:“”\"「」\d]{0,4}$")
ELIDED_PREFIX_RE = re.compile(r"(?P<p>[省市])$")
"""An elided place before a programme's ending: 省 / 市 (the report's province, city). A level (省级质量标杆)
names a kind of programme, not this one: it stays a level of the figure."""
ELIDED = {"省长": "省", "市长": "市", "县长": "县", "区长": "区"}
NAME_ENDS = ("名单", "品牌", "企业", "产品", "称号", "发布", "评选", "遴选", "认定", "榜单", "的", "和", "及", "与",
             "授牌", "推介", "名录")
ELIDED_LEADS = "评获为入选的"
"""Characters after which a programme's place may be elided to 省 / 市 / 县 / 区 (获评市质量标杆)."""
AFTER_WORDS = "得评获予届度年的和及与为选入育出报"  # 报: 申报市政府质量奖
LATER_CHAINS_RE = re.compile(r"产业链(?P<verb>(?:成功)?(?:入选|列入|纳入|获批))(?=[，,。；;])")
CHAIN_VERB_RE = re.compile(r"产业链(?:成功)?(?:入选|列入|纳入|获批)(?:为)?$")


DIVISIONS_RE = re.compile(r"[（(][县市区镇乡]{1,2}(?:、[县市区镇乡]{1,2}){1,3}[)）](?![\u4e00-\u9fff]{0,4}培育)")
"""The kinds of division a title is for, bracketed after it (``某省质量强县（市、区）``): a part of its name."""
WHOLE_AREA_LEADS = ("全国", "全省", "全市", "全县", "全区")
WORK_AFTER = ("工作", "建设")


@per_lexicon
def _pattern_endings(lex: Lexicon) -> tuple[dict[str, list[tuple[Kind, str]]], re.Pattern[str] | None]:
    """The lexicon's programme patterns by ending, and one pattern of every ending (longest first)."""
    endings: dict[str, list[tuple[Kind, str]]] = {}
    for ending, kind, lead in lex.programme_patterns:
        endings.setdefault(ending, []).append((kind, lead))
    if not endings:
        return endings, None
    return endings, re.compile("|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True)))


def find_pattern_programmes(ctx: Ctx) -> None:
    endings, pat = _pattern_endings(ctx.lex)
    find_announced_lists(ctx)
    if pat is None:
        return
    for m in pat.finditer(ctx.text):
        if re.match(r"培育|[（(][^）)]{1,6}[)）]培育|[（(]区", ctx.text[m.end():m.end() + 10]):
            continue  # 河南省质量强县培育名单, 陕西省质量强县（区）培育库: a longer name, found by the list rules
        if ctx.text.startswith(ctx.lex.words("programme_body_tails.txt", longest_first=True), m.end()):
            continue  # 某省名牌产品认定委员会: the body running the programme, no programme named here
        for kind, lead in endings[m.group()]:
            found = _found(ctx, m, lead)
            if found is None:
                continue
            s, name, level = found
            e = m.end()
            if lead == "place" and (divisions := DIVISIONS_RE.match(ctx.text, e)) is not None:
                name, e = name + divisions.group(), divisions.end()  # 某省质量强县（市、区）: the divisions it is for
            if lead == "place" and _own_drive(ctx, s, m):
                break  # 某区质量强区大会: the district's own drive, no title given to it
            if lead == "place" and ctx.text.startswith(WHOLE_AREA_LEADS, s) and ctx.text.startswith(WORK_AFTER, e):
                break  # 为全国质量强县工作提供借鉴: the nation's work on quality-strong counties, no honour
            quoted = (QUOTED_LEAD_RE.search(ctx.text, max(0, s - 12), s) is not None
                      or re.search("[“\"「]", ctx.text[s:e]) is not None) and ctx.text[e:e + 1] in "”\"」"
            if quoted and any(x.kind.is_programme for x in ctx.entities_in(s, e)):
                break
            if not quoted and ctx.overlaps_claim(s, e) and not any(x.kind.is_organization for x in ctx.entities_in(s, e)) \
                    and not _inside_gathering(ctx, s, e):
                break
            ctx.drop_organizations_within(s, e)
            ctx.add(kind, name, s, e, level=level, attributes=(("lead", lead),) if lead == "level" else ())
            ctx.claim(s, e)
            if lead == "place" and m.group().startswith("政府") and s == m.start() - 1:
                _coordinated_levels(ctx, kind, m.group(), s)
            break


DRIVE_LEVELS = {"县": "county", "区": "county", "市": "prefecture", "省": "province"}


def _own_drive(ctx: Ctx, s: int, m: re.Match[str]) -> bool:
    """``某区质量强区``, ``某县工业强县``: a place before a drive of its own level (强区 after a district) names its
    own work, not a title (``某省质量强县`` is the province's title for counties)."""
    drive = re.fullmatch(r"(?:质量|工业|品牌|标准)强(?P<lv>[县区市省])", m.group())
    if drive is None:
        return False
    info = ctx.resolve_place(ctx.text[s:m.start()])
    return info is not None and info.level == DRIVE_LEVELS[drive.group("lv")]


ANNOUNCED_RE = re.compile(
    r"(?P<lead>(?:\d{4}年度?)?(?:首批|第[一二三四五六七八九十\d]+批)?)(?P<name>[^\s，,。；;、：:“”\"「」《》\d（）()]{3,12}?)"
    r"(?P<word>名单|榜单)(?=(?:正式)?(?:发布|公布|出炉|揭晓))")
ANNOUNCED_SCAN = Scan(ANNOUNCED_RE, "名单|榜单", PUNCTUATION_STOPS)


def find_announced_lists(ctx: Ctx) -> None:
    """``2023年湖北精品名单发布``: an unquoted list announced by name, the name starting with a place; of an
    award's winners' list (``某市市长质量奖获奖名单公布``, ``data/lexicon/list_winner_words.txt``), the award."""
    for m in ANNOUNCED_SCAN.finditer(ctx.text):
        s, e = m.start("name"), m.end("name")
        clause = ctx.last_of("，,。；;：:\n", 0, s) + 1
        if clause != m.start() or ctx.overlaps_claim(s, e):
            continue  # the name must open its clause: 湖北省公布…名单 names a publisher first
        place = next((ctx.resolve_place(ctx.text[s:s + n]) for n in range(min(6, e - s - 1), 1, -1)
                      if ctx.resolve_place(ctx.text[s:s + n]) is not None), None)
        if place is None or re.search(r"(?:企业|单位|产品|项目|品牌)$", m.group("name")):
            continue  # 湖北制造业单项冠军企业名单: a list of a kind of thing, not a named programme
        name = m.group("name")
        winners = next((w for w in ctx.lex.words("list_winner_words.txt", longest_first=True)
                        if name.endswith(w) and name[:-len(w)].endswith("奖")), None)
        if winners is not None:  # 某市市长质量奖获奖名单公布: the award's winners' list, the award is the programme
            name, e = name[:-len(winners)], e - len(winners)
        ctx.add(Kind.HONOUR, name, s, e, level=place.admin_level)
        ctx.claim(s, e)


def _inside_gathering(ctx: Ctx, s: int, e: int) -> bool:
    """``[s, e)`` lies inside the name of a meeting or event (第三届某县县长质量奖颁奖大会): the award it is
    held for is named there too, a programme of its own."""
    return any(x.kind in (Kind.MEETING, Kind.EVENT) and x.span.start <= s and e <= x.span.end
               and not any(p.kind.is_programme and p.span.start < e and s < p.span.end for p in ctx.entities_in(s, e))
               for x in ctx.entities)


def _found(ctx: Ctx, m: re.Match[str], lead: str) -> tuple[int, str, Level | None] | None:
    """(start, canonical name, level) of the programme ending at ``m``, if ``lead`` is there."""
    start, ending = m.start(), m.group()
    if lead == "place":
        found = place_ending_at(ctx, start, max_len=8)
        quoted = _quoted_after_place(ctx, m) if found is None else None
        if quoted is not None:  # 江苏省“质量标杆”, 山东省工业企业“质量标杆”: the place's programme, quotes dropped
            return quoted
        if found is not None:
            s, info = found
            head = next((h for h in ELIDED if ending.startswith(h)), None)
            if head is not None and ctx.text[s:start] != info.name and info.name.endswith(ELIDED[head]):
                return s, info.name + ending, info.admin_level  # 平江县长质量奖: 平江县's 县长质量奖
            return s, ctx.text[s:m.end()], info.admin_level
        edition = EDITION_RE.search(ctx.text[max(0, start - 8):start])
        found = place_ending_at(ctx, start - len(edition.group()), max_len=8) if edition else None
        if found is not None:  # 黄石市第八届市长质量奖: the place before the edition
            s, info = found
            return s, ctx.text[s:start - len(edition.group())] + ending, info.admin_level
        head = next((h for h in ELIDED if ending.startswith(h)), None)
        if head is not None and _elided_ok(ctx, start):
            place = ctx.place_for_prefix(ELIDED[head]) or award_place(ctx, head)  # 第八届省长质量奖: the report's province
            return (start, place.name + ending, place.admin_level) if place is not None else None
        pre = ctx.text[start - 1:start] if start else ""
        if ending.startswith("政府") and pre in ("省", "市", "县", "区") and _elided_ok(ctx, start - 1):
            place = ctx.place_for_prefix(pre)  # 市政府质量奖 → 某市人民政府质量奖
            return (start - 1, government_award_name(ctx, place.name, ending), place.admin_level) \
                if place is not None else None
        if ctx.text[max(0, start - 3):start] == "自治区" and _elided_ok(ctx, start - 3):
            named = _elided_region(ctx, "自治区" + ending)  # 获自治区人民政府质量奖: the region's award
            return (start - 3, named[0], named[1]) if named is not None else None
        prefix = ELIDED_PREFIX_RE.search(ctx.text[max(0, start - 2):start])
        if prefix is not None and ending in ctx.lex.words("elided_programme_endings.txt") \
                and _elided_ok(ctx, start - len(prefix.group())):
            place = ctx.place_for_prefix(prefix.group("p"))  # 省名牌产品16个, 市名牌产品16个: the report's province, city
            return (start - len(prefix.group()), place.name + ending, place.admin_level) if place is not None else None
        if pre in ("省", "市", "县", "区") and _elided_ok(ctx, start - 1) and (
                (not ctx.text.startswith("长", start)
                 and re.search(r"(?:获评|评为|入选|认定为|命名为|授予)$", ctx.text[max(0, start - 4):start - 1]))
                or (start >= 2 and ctx.text[start - 2] in ELIDED_LEADS and ending in ctx.lex.words("elided_place_endings.txt"))):
            place = ctx.place_for_prefix(pre)  # 获评市质量标杆企业, 为5家获评市质量标杆企业授牌: the report's city's 质量标杆
            return (start - 1, place.name + ending, place.admin_level) if place is not None else None
        return None
    if lead == "place-motto":  # 湖北省长江质量奖, 四川天府质量奖: a place, a two-character motto, the ending
        motto = ctx.text[start - 2:start]
        if start < 2 or not all(is_han(c) for c in motto) or re.search(r"[的和及与获评新增授予第届年度省市县区]", motto):
            return None
        found = place_ending_at(ctx, start - 2, max_len=8)
        if found is not None:
            s, info = found
            return s, ctx.text[s:m.end()], info.admin_level
        return None
    if lead == "batch":
        b = BATCH_NAME_RE.search(ctx.text[max(0, start - 16):start])
        if b is None:
            return None
        s = start - len(b.group("name"))
        after = ctx.text[m.end():m.end() + 2]
        if re.match(r"[\u4e00-\u9fff]", after) and not after.startswith(NAME_ENDS):
            return None  # 第一批市级产品质量监督抽查: 品质 inside 产品质量 ends no name
        if ctx.text[s - 1:s] in "“\"「" and ctx.text[m.end():m.end() + 1] not in "”\"」":
            return None  # the quoted name goes on past the ending
        named = _elided_region(ctx, ctx.text[s:m.end()])
        if named is not None:  # 第三届自治区主席质量奖 in a region's report: the region's award
            return s, named[0], named[1]
        return s, ctx.text[s:m.end()], _level_of(ctx, ctx.text[s:m.end()])
    if lead == "batch-place":  # 首届某省制造业卓越品牌培育企业: an edition, a place, the programme's own words
        b = BATCH_PLACE_RE.search(ctx.text[max(0, start - 24):start])
        if b is None:
            return None
        s = start - len(b.group("name"))
        found = place_starting_at(ctx, s, limit=start)
        if found is None or not ctx.plausible(found[1]) or start - found[0] < 2:
            return None
        return s, ctx.text[s:m.end()], found[1].admin_level
    if lead == "level":
        lv = LEVEL_RE.search(ctx.text[max(0, start - 8):start])
        if lv is None:
            return None
        s = start - (len(lv.group()))
        if re.search(r"(?:国家级|省级|市级|县级|全国|全省|全市)[、和及与]$", ctx.text[max(0, s - 4):s]):
            return None  # 国家级、省级某示范区共16个: the kind at two levels counted together, no one programme
        return s, ctx.text[s:m.end()], ctx.lex.levels.get(lv.group("lv")) or (
            Level.NATIONAL if lv.group("lv") in ("全国", "中国") else Level.PROVINCIAL if lv.group("lv") == "全省"
            else Level.MUNICIPAL)
    return None


PLACED_QUOTE_RE = re.compile(r"(?P<sector>[\u4e00-\u9fff]{0,4}?)[“\"「](?P<inner>[\u4e00-\u9fff]{0,6})$")


def _quoted_after_place(ctx: Ctx, m: re.Match[str]) -> tuple[int, str, Level | None] | None:
    """A programme's ending quoted right after a place and at most four words of a sector
    (``2016年江苏省“质量标杆”``, ``山东省工业企业“质量标杆”``): ``(start, name without quotes, level)`` — the
    quote must close right after the ending."""
    if ctx.text[m.end():m.end() + 1] not in "”\"」":
        return None
    q = PLACED_QUOTE_RE.search(ctx.text, max(0, m.start() - 12), m.start())
    if q is None:
        return None
    for cut in range(q.start("sector"), q.end("sector") + 1):
        found = place_ending_at(ctx, cut, max_len=8)
        if found is not None and found[1].level in ("province", "prefecture", "county"):
            s, info = found
            sector = ctx.text[cut:q.end("sector")]
            if re.search(r"[的和及与为获评]", sector) \
                    or any(w in sector for w in ctx.lex.words("placed_quote_breaks.txt") if len(w) > 1):
                return None  # a verb between (某省推荐“质量标杆”): no sector of a placed name
            name = ctx.text[s:cut] + sector + q.group("inner") + m.group()
            return s, name, info.admin_level
    return None


def _coordinated_levels(ctx: Ctx, kind: Kind, ending: str, s: int) -> None:
    """``省、市政府质量奖获奖企业``: the province's and the city's award, the first level word elided
    before 、 (each of the report's own places)."""
    while s >= 2 and ctx.text[s - 2] in "省市" and ctx.text[s - 1] in "、和及与" and _elided_ok(ctx, s - 2):
        place = ctx.place_for_prefix(ctx.text[s - 2])
        if place is None:
            return
        ctx.add(kind, government_award_name(ctx, place.name, ending), s - 2, s - 1, level=place.admin_level)
        s -= 2


def government_award_name(ctx: Ctx, place: str, ending: str) -> str:
    """The award of a place's government written with the government elided (``省政府质量奖``, ``市政府质量
    管理创新奖``): the government is the place's 人民政府 (浙江省人民政府质量奖) — unless the document writes
    the award with the place and 政府 (``中山市政府质量奖``, or its grade's award), the name it goes by."""
    written = place + ending
    base = ending[:ending.find("奖") + 1] if "奖" in ending else ending
    if written in ctx.text or place + base in ctx.text:  # (河北省政府质量奖 written: its 提名奖 goes by that name too)
        return written
    return place + "人民" + ending if ending.startswith("政府") else written


def _elided_ok(ctx: Ctx, start: int) -> bool:
    """True if nothing that could be a place name is written right before ``start`` (an organisation's
    name may be, or a word of the sentence such as 对 in ``对县长质量奖获奖单位…表扬``: ``function_starts.txt``)."""
    before = ctx.text[max(0, start - 10):start]
    return not before or not re.match(r"[\u4e00-\u9fff]", before[-1]) or before[-1] in AFTER_WORDS \
        or BATCH_RE.search(before) is not None \
        or before.endswith(ctx.lex.words("function_starts.txt")) \
        or any(e.kind.is_organization for e in ctx.ending_at(start))  # 授予甲公司县长质量奖提名奖: the winner before


def _level_of(ctx: Ctx, name: str) -> Level | None:
    for length in range(min(8, len(name)), 1, -1):
        info = ctx.resolve_place(name[:length])
        if info is not None:
            return info.admin_level
    return None


def link_chain_programmes(ctx: Ctx) -> None:
    """``智能装备、生物医药等产业链入选全国质量强链重点项目``: each chain of the list before the verb
    is listed in the programme and gets a project of its level."""
    for prog in [e for e in ctx.entities if e.kind.is_programme and e.level is not None
                 and ("lead", "level") in e.attributes]:
        _chains_listed(ctx, prog.ref, prog.level, prog.span.start)
        sent = ctx.sentence_of(prog.span.start)
        if sent is None:
            continue
        for m in LATER_CHAINS_RE.finditer(ctx.text, prog.span.end, sent.span.end):
            # 公布全国质量强链重点项目名单，我市甲、乙、丙3条产业链入选: the list the sentence named
            _chains_listed(ctx, prog.ref, prog.level, m.end(), verb_at=m.start("verb"))


def _chains_listed(ctx: Ctx, programme, level: Level, start: int, *, verb_at: int | None = None) -> None:
    if verb_at is None:
        before = ctx.text[max(0, start - 8):start]
        verb = CHAIN_VERB_RE.search(before)
        if verb is None:
            return
        chain_end = start - len(before) + verb.start()  # where 产业链 starts
    else:
        chain_end = verb_at - 3
    clause = ctx.last_of("，,。；;：:\n", 0, chain_end) + 1
    have = {(c.chain, c.span.start) for c in ctx.chain_projects}
    place = ctx.home
    chains = [e for e in ctx.entities_in(clause, chain_end + 3) if e.kind is Kind.INDUSTRY_CHAIN]
    num = re.search(r"(\d+|[一二两三四五六七八九十]+)条$", ctx.text[max(0, chain_end - 4):chain_end])
    count = (int(num.group(1)) if num.group(1).isdigit() else parse_chinese_numeral(num.group(1))) if num else None
    if not chains or (count is not None and len(chains) > count):
        return  # no chain, or more chains than the count: not read right
    for e in chains:
        if (e.ref, e.span.start) not in have:
            ctx.chain_projects.append(ChainProject(e.ref, level, place.name if place else None,
                                                   ctx.span(e.span.start, start)))
    if not any(x.programme == programme and x.span.start == chains[0].span.start for x in ctx.listings):
        ctx.listings.append(Listing(programme, tuple(c.ref for c in chains),
                                    ctx.span(chains[0].span.start, start + (len(programme.name) if verb_at is None else 0)),
                                    count=count, recipient_type="产业链"))


def placed_name(ctx: Ctx, name: str) -> str:
    """``市长质量奖经济类金奖`` in a city's report is that city's (深圳市市长质量奖经济类金奖); ``市政府质量奖``
    its government's (:func:`government_award_name`)."""
    if name[:3] in ("省政府", "市政府", "县政府", "区政府") and (place := ctx.place_for_prefix(name[0])) is not None:
        return government_award_name(ctx, place.name, name[1:])  # 市政府质量奖: the place's government award
    if (named := _elided_region(ctx, name)) is not None:
        return named[0]  # 自治区主席质量奖 in a region's report: the region's
    head = next((h for h in ELIDED if name.startswith(h)), None)
    place = (ctx.place_for_prefix(ELIDED[head]) or award_place(ctx, head)) if head else None
    return place.name + name if place is not None else name


GRANTOR_RE = re.compile(r"(?P<pre>[省市县区])(?:人民)?政府(?:研究|常务会议研究|审定|同意)?[，,]?(?:研究)?(?:决定)?[，,：:]?授予")


def granted_title_name(ctx: Ctx, name: str, quote_start: int) -> str:
    """``经县政府研究，决定授予甲、乙等4家单位“质量管理先进单位”荣誉称号``: a title that names a programme only
    with a place (``honour_titles.txt``) granted by the document's own government (县政府 … 授予, in the quote's
    paragraph) is that place's title (某县质量管理先进单位); a title opening with a place or a level word, or
    granted by no government the sentence names, keeps its name."""
    if not name.endswith(tuple(ctx.lex.words("honour_titles.txt"))) or _level_or_place_start(ctx, name):
        return name
    lo = max(0, quote_start - 400, ctx.text.rfind("\n", 0, quote_start) + 1)  # the paragraph: 授予…；授予…
    grant = None
    for grant in GRANTOR_RE.finditer(ctx.text, lo, quote_start):
        pass
    if grant is None:
        return name
    place = ctx.place_for_prefix(grant.group("pre"))
    return place.name + name if place is not None else name


def _level_or_place_start(ctx: Ctx, name: str) -> bool:
    if name.startswith(tuple(ctx.lex.levels)) or name.startswith(("全国", "全省", "全市", "全县", "全区")):
        return True
    return any(ctx.resolve_place(name[:n]) is not None for n in range(2, min(8, len(name))))


def award_place(ctx: Ctx, head: str):
    """The county a county's or district's award named by its head alone belongs to in a report of the city
    above it (:attr:`Ctx.award_place`), when the head fits the county's ending."""
    place = ctx.award_place
    return place if place is not None and place.name.endswith(ELIDED[head]) else None


def chain_projects_of_listings(ctx: Ctx) -> None:
    """Chains listed in a programme with a level (``长春市新能源汽车产业链、吉林市碳纤维产业链2个项目入选
    全国质量强链百个重点项目``) get projects of that level, in the place written before each chain."""
    levels = {e.ref: e.level for e in ctx.entities if e.kind.is_programme and e.level is not None
              and ("lead", "level") in e.attributes}
    have = {(c.chain, c.level) for c in ctx.chain_projects}
    for x in ctx.listings:
        level = levels.get(x.programme)
        if level is None:
            continue
        for r in x.recipients:
            if r.kind is not Kind.INDUSTRY_CHAIN or (r, level) in have:
                continue
            sent = ctx.sentence_of(x.span.start)
            lo = min(x.span.start, sent.span.start) if sent is not None else x.span.start
            mention = next((e for e in reversed(ctx.entities_in(lo, x.span.end)) if e.ref == r), None)
            if mention is None:
                continue
            found = place_ending_at(ctx, mention.span.start, max_len=10)
            place = found[1] if found is not None else ctx.home
            start = found[0] if found is not None else mention.span.start
            ctx.chain_projects.append(ChainProject(r, level, place.name if place else None,
                                                   ctx.span(start, mention.span.end)))
            have.add((r, level))


def programme_heads(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("programme_heads.txt", longest_first=True)


BATCH_LIST_RE = re.compile(
    r"(?:发布|公布|确定|遴选|认定|推出|评选出|命名)了?(?:首批|第[一二三四五六七八九十\d]+批)(?:[\d一二两三四五六七八九十百]+个)?"
    r"(?P<name>[\u4e00-\u9fff]{4,16}?(?:项目|示范区|示范县|标杆))(?=[，,。；;、\s]|$)")
CONTENTS_RE = re.compile(r"[\d一二两三四五六七八九十百]*个?(?:既|均|主要)?(?:包括|涵盖|涉及|覆盖)")


def find_batch_lists(ctx: Ctx) -> None:
    """``市场监管总局发布首批21个跨区域质量强链联动项目``: a batch of items published under a name is a
    programme, also where the name is written again; the chains a sentence headed by it lists
    (``21个…项目既包括甲、乙等产业链，也涉及丙等产业链``), and those of a following sentence opening with
    ``其中``, are listed in it."""
    for m in BATCH_LIST_RE.finditer(ctx.text):
        name = m.group("name")
        if any(e.kind.is_programme and e.name == name for e in ctx.entities):
            continue
        for at in [i.start() for i in re.finditer(re.escape(name), ctx.text)]:
            if not ctx.overlaps_claim(at, at + len(name)):
                ctx.drop_organizations_within(at, at + len(name))
                prog = ctx.add(Kind.HONOUR, name, at, at + len(name))
                ctx.claim(at, at + len(name))
                _contents_listed(ctx, prog.ref, at + len(name))


def _contents_listed(ctx: Ctx, prog, end: int) -> None:
    sent = ctx.sentence_of(end)
    if sent is None or not CONTENTS_RE.match(ctx.text, end):
        return
    spans = [(sent.span.start, sent.span.end)]
    after = next((x for x in ctx.doc.sentences if x.span.start >= sent.span.end), None)
    if after is not None and re.match(r"\s*其中[，,]", after.span.text):
        spans.append((after.span.start, after.span.end))  # 其中，丙、丁等产业链…: more of the same list
    chains = [e.ref for lo, hi in spans for e in ctx.entities_in(max(lo, end), hi) if e.kind is Kind.INDUSTRY_CHAIN]
    if chains:
        ctx.listings.append(Listing(prog, tuple(dict.fromkeys(chains)), ctx.span(sent.span.start, spans[-1][1]),
                                    year=ctx.year))

def _elided_region(ctx: Ctx, name: str) -> tuple[str, Level | None] | None:
    """A programme named after an edition with its place elided to ``自治区`` (``第三届自治区主席质量奖``,
    ``第七届自治区人民政府质量奖``) in a region's own report: the region's programme, named in full
    (某某自治区主席质量奖). ``自治区级`` names a level, not a place."""
    if not name.startswith("自治区") or name.startswith("自治区级"):
        return None
    place = ctx.place_for_prefix("自治区")
    if place is None:
        return None
    return place.name + name[len("自治区"):], place.admin_level
