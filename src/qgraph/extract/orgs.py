"""Organisations: departments (full, abbreviated, in shared-head lists), governments and
Party committees, alias-lexicon names and open-class names found by their suffix."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..lexicon_io import parse_kind
from ..model import Kind, Level
from .context import PUNCT, Ctx
from .food_categories import merge_items, split_joined
from .dept_names import dept_name, generic_firm_words
from .joins import joined_start
from .placed_names import placed_start
from .places import joined_county
from .indexes import boundary_words_in, place_name_prefixes
from .scan import org_scans

CATEGORY_NOUNS = ("科研院所", "院所", "高校", "企业", "单位", "机构", "院校", "医院", "学校", "部门")
ROLE_HEAD_RE = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:链主|龙头|领军|骨干|标杆|获奖)企业")  # 中国质量奖获奖企业某某有限公司: a role, no part of the name
GENERIC_BODY = re.compile(
    r"^(?:\d*年度?|国家级|省级|市级|县级|区级|各级|各类|重点|主要|相关|其他|新认定|新增|省|市|县|区|国家|全省|全市|全国|首批|第.批|行业|有关|该|本|各|这些|多家|一批|乡镇|基层)*$"
)


BRACKETED_NAME_WORDS = frozenset({"集团", "控股", "集团公司", "股份"})
BRACKET_INSIDE_RE = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)]")
"""Words written in brackets inside a company's name (``三钢（集团）有限责任公司``)."""


@per_lexicon
def org_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    forms = sorted({n for d in lex.departments for n in (d.name, d.province_name, *d.abbreviations)}, key=len, reverse=True)
    full_forms = [f for f in forms if f[-1] in "局委厅室办会部站协联" or f.endswith("委员会")]  # 科协, 工商联: 协, 联 too
    alt = "|".join(map(re.escape, forms))
    return {
        "dept_list": re.compile(rf"(?P<head>[省市县区])?(?P<items>(?:{alt})(?:、(?:{alt}))+)等?(?P<count>[\d一二两三四五六七八九十]+个)?(?:成员)?(?:部门|单位)"),
        "dept": re.compile("|".join(map(re.escape, full_forms))),
        "alias": re.compile("|".join(map(re.escape, sorted(lex.org_aliases, key=len, reverse=True)))),
        "suffix": re.compile("|".join(map(re.escape, (s for s, _, _ in lex.org_suffixes)))),
        "gov": re.compile(r"(?P<pre>[省市县区州旗盟])?(?P<kind>人民政府|政府|委员会|委)"),
        "mixed": re.compile(
            r"(?P<items>(?:[^\s，。；、：“”《》,;:]{2,24}、)+[^\s，。；、：“”《》,;:]{2,24})等"  # half-width marks break too
            rf"(?P<cats>(?:{'|'.join(CATEGORY_NOUNS)})(?:、(?:{'|'.join(CATEGORY_NOUNS)}))*)"
        ),
    }


def place_ending_at(ctx: Ctx, pos: int, *, max_len: int = 10, min_start: int = 0) -> tuple[int, PlaceInfo] | None:
    """The longest place name (full or short form) that ends at ``pos``."""
    for length in range(min(max_len, pos - min_start), 1, -1):
        info = ctx.resolve_place(ctx.text[pos - length:pos])
        if info is not None:
            if length == 2 and joined_county(ctx.lex, ctx.text, pos - length, pos, info):
                return None  # 镇政府和县品牌工作委员会, 由县领导和县质监局局长: 和 joins two words, no 和县 there
            if length == 2 and info.name.endswith("区") and pos - 3 >= 0 and "\u4e00" <= ctx.text[pos - 3] <= "\u9fff":
                return None  # 南城区: an unknown district, not the gazetteer's 城区
            return pos - length, info
    return None


def place_starting_at(ctx: Ctx, pos: int, *, max_len: int = 10, limit: int | None = None) -> tuple[int, PlaceInfo] | None:
    """The longest place name that starts at ``pos`` (and ends before ``limit``)."""
    end_max = min(len(ctx.text), pos + max_len, limit if limit is not None else 10**12)
    text, names, prefixes = ctx.text, ctx.lex.place_names, place_name_prefixes(ctx.lex)
    found = None
    end = pos + 1
    while end <= end_max and text[pos:end] in prefixes:  # walk the names' beginnings
        if end >= pos + 2 and names.get(text[pos:end]):
            found = end
        end += 1
    if found is None:
        return None
    info = ctx.resolve_place(text[pos:found])
    return (found, info) if info is not None else None


def district_city(lex, place: PlaceInfo) -> str:
    """The city a district's bodies carry in their names (济南市市中区人民政府, 上海市崇明区人民政府), as several
    cities have a district of one name; empty for any other place. A municipality (上海市, 重庆市) is a
    province-level city: its districts carry it too."""
    parent = lex.place(place.parent)
    if place.level != "county" or not place.name.endswith("区") or parent is None:
        return ""
    if parent.level == "prefecture" or (parent.level == "province" and parent.name.endswith("市")):
        return parent.name
    return ""


def body_place_name(ctx: Ctx, place: PlaceInfo) -> str:
    """The place as a body's name writes it: a district's bodies carry the city (:func:`district_city`)."""
    return district_city(ctx.lex, place) + place.name


def with_parent(ctx: Ctx, found: tuple[int, PlaceInfo]) -> tuple[int, PlaceInfo, str]:
    """Extend a place found at ``found[0]`` over its parent written right before it
    (``宜宾市叙州区``); returns (start, place, written prefix)."""
    start, info = found
    parent = ctx.lex.place(info.parent)
    if parent is not None and info.level == "prefecture" and parent.level == "province":
        for form in (parent.name, *parent.short):  # 山东省济宁市质监局: the province written before is the name's
            if len(form) >= 2 and ctx.text[max(0, start - len(form)):start] == form:
                return start - len(form), info, info.name
    if parent is not None and info.level == "county":
        for form in (parent.name, *parent.short):
            if ctx.text[max(0, start - len(form)):start] == form:
                start -= len(form)
                break
        if district_city(ctx.lex, info):
            return start, info, district_city(ctx.lex, info) + info.name  # a district's bodies carry the city: 宜宾市叙州区人民政府
    return start, info, info.name


def _prefix_place(ctx: Ctx, start: int) -> tuple[int, PlaceInfo] | None:
    """A place written, or elided as 市/省/县/区, right before ``start``."""
    found = place_ending_at(ctx, start)
    if found:
        return found
    if ctx.text[max(0, start - 3):start] == "自治区" and ctx.place_for_prefix("自治区") is not None:
        return start - 3, ctx.place_for_prefix("自治区")  # type: ignore[return-value]
    if ctx.text[max(0, start - 3):start] == "自治区" and ctx.province is not None and ctx.province.name.endswith("自治区"):
        return start - 3, ctx.province  # 自治区质监局 in a report of one of its cities: the region's department
    if ctx.text[max(0, start - 2):start] == "地区" and ctx.place_for_prefix("地区") is not None:
        return start - 2, ctx.place_for_prefix("地区")  # type: ignore[return-value]
    if start > 0 and ctx.text[start - 1] in "省市县区州旗":  # 州质监局: an autonomous prefecture's
        place = ctx.place_for_prefix(ctx.text[start - 1])
        if place is not None:
            return start - 1, place
    return None


BARE_DEPT_AFTER_RE = re.compile(r"(?:与|和|会同|联合|牵头|组织|召开|举办|共同|对|在|将|已|也|还|今年|近年来|，|,|。)")


def _bare_at_clause_head(ctx: Ctx, m: re.Match[str]) -> tuple[int, PlaceInfo] | None:
    """``启动仪式上，市场监管局与某管委会签署…``: a department's name written bare (no place, not even an elided
    市/县) at a clause's head, then acting, is the report's own place's — in a report whose place is told."""
    if ctx.home is None or len(m.group()) < 4 or ctx.home.level == "country":
        return None
    if m.start() > 0 and ctx.text[m.start() - 1] not in "，,。；;：:\n":
        return None
    if not BARE_DEPT_AFTER_RE.match(ctx.text, m.end()):
        return None
    return m.start(), ctx.home


def find_department_lists(ctx: Ctx) -> None:
    """``发改、科技、…、市场监管等部门`` → one department of the document's place per item."""
    for m in org_scans(ctx.lex)["dept_list"].finditer(ctx.text):
        place = ctx.place_for_prefix(m.group("head")) if m.group("head") else ctx.home
        if place is None:
            place = ctx.home
        pos = m.start("items")
        for item in m.group("items").split("、"):
            dep = ctx.lex.dept_by_name[item]
            name = dept_name(ctx.lex, dep, place, item)
            aliases = (item,) if item != name else ()
            ctx.add(dep.kind, name, pos, pos + len(item), aliases=aliases,
                    place=place.name if place else None, level=ctx.level_of_place(place),
                    attributes=(("en_body", dep.en),))
            ctx.claim(pos, pos + len(item))
            pos += len(item) + 1
        ctx.claim(m.start(), m.start("count") if m.group("count") else m.end())  # 等26个成员单位: a figure


def find_departments(ctx: Ctx) -> None:
    """Full or abbreviated department names with a written or elided place before them."""
    for m in org_patterns(ctx.lex)["dept"].finditer(ctx.text):
        if ctx.claimed(m.start(), m.end()):
            continue
        if m.end() < len(ctx.text) and ctx.text[m.end()] == "长":
            continue  # 局长 / 副局长 are posts
        dep = ctx.lex.dept_by_name[m.group()]
        pre = _prefix_place(ctx, m.start())
        zoned = _zone_before(ctx, m.start()) if pre is None else None
        if zoned is not None:
            _add_zone_department(ctx, m, dep, *zoned)
            continue
        if pre is None:
            pre = _bare_at_clause_head(ctx, m)
        if pre is None:
            continue
        start, place, prefix = with_parent(ctx, pre)
        surface = ctx.text[start:m.end()]
        if surface in ctx.lex.org_aliases:
            continue  # 全国工商联 is 中华全国工商业联合会 (org_aliases.tsv), not the country's 工商业联合会
        name = prefix + dept_name(ctx.lex, dep, place, m.group())[len(place.name):]
        end = m.end()
        if dep.kind is Kind.GOVERNMENT_BODY and name.endswith("委员会") and ctx.text.startswith("办公室", end) \
                and not ctx.text.startswith(tuple(ctx.lex.posts), end + 3):
            end += 3  # 由市质量发展委员会办公室主办: the office itself (before a post it stays the committee's unit)
            name += "办公室"
            surface = ctx.text[start:end]
        ctx.add(dep.kind, name, start, end, aliases=(surface,) if surface != name else (),
                place=place.name, level=ctx.level_of_place(place), attributes=(("en_body", dep.en),))
        ctx.claim(start, end)


def _zone_before(ctx: Ctx, pos: int) -> tuple[int, PlaceInfo] | None:
    """``湛江经开区市场监督管理局``: a development zone's name right before ``pos`` — a place (full or short), up to
    four characters of the zone's own name, and a zone ending (``zone_endings.txt``); the zone's start and place."""
    for ending in ctx.lex.words("zone_endings.txt", longest_first=True):
        if not ctx.text.endswith(ending, 0, pos):
            continue
        head_end = pos - len(ending)
        for gap in range(0, 5):
            if head_end - gap < 2 or (gap and not re.fullmatch(r"[\u4e00-\u9fff]+", ctx.text[head_end - gap:head_end])):
                break
            found = place_ending_at(ctx, head_end - gap, max_len=10)
            if found is not None and not ctx.overlaps_claim(found[0], pos):
                return found
        return None
    return None


def _add_zone_department(ctx: Ctx, m: re.Match[str], dep, start: int, place: PlaceInfo) -> None:
    """A department of a development zone: named with the zone (its kind in full, see dedupe.py), placed in the
    zone's city or county; the zone is no administrative division, so no place of its own."""
    surface = ctx.text[start:m.end()]
    name = ctx.text[start:m.start()] + dept_name(ctx.lex, dep, place, m.group())[len(place.name):]
    ctx.add(dep.kind, name, start, m.end(), aliases=(surface,) if surface != name else (),
            place=place.name, level=ctx.level_of_place(place), attributes=(("en_body", dep.en),))
    ctx.claim(start, m.end())


def find_governments(ctx: Ctx) -> None:
    """People's governments and Party committees: 枣庄市人民政府, 市政府, 中共枣庄市委, 市委."""
    for m in org_patterns(ctx.lex)["gov"].finditer(ctx.text):
        if ctx.overlaps_claim(m.start(), m.end()):
            continue
        kind = m.group("kind")
        after = ctx.text[m.end():m.end() + 2]
        if kind == "委" and after[:1] in ("员", "托", "会", "书", "常", "办") and not (
                m.group("pre") and re.match(r"书记|常委|副书", after)):  # 市委书记, 县委常委: the committee's posts
            continue
        if re.match(r"质量(?!工作)|奖|宣传部|组织部|统战部|政法委|网信办", ctx.text[m.end():m.end() + 4]) or re.search(
                r"(?:以上|各级|各|团)$", ctx.text[max(0, m.start() - 2):m.start()]):  # 团市委: the Youth League
            continue  # 市政府质量奖 is an award, 地级以上市人民政府 no single government
        if kind == "委员会" and m.group("pre") is None and place_ending_at(ctx, m.start("kind")) is None:
            continue
        if m.group("pre"):
            start = m.start("pre")
            found = place_ending_at(ctx, m.end("pre"))
            doubled = place_ending_at(ctx, m.start("pre"))  # 祁阳市市委: the 市委 of 祁阳市
            if found and found[0] < start:
                start, place = found
            elif doubled and ctx.text[doubled[0]:m.start("pre")].endswith(m.group("pre")):
                start, place = doubled
            else:
                place = ctx.place_for_prefix(m.group("pre"))
        else:
            found = place_ending_at(ctx, m.start("kind"))
            if found is None:
                continue
            start, place = found
        if place is None:
            continue
        start, place, prefix = with_parent(ctx, (start, place))
        if ctx.text[max(0, start - 2):start] == "中共":
            start -= 2
        if kind in ("人民政府", "政府"):
            name, en = prefix + "人民政府", "People's Government"
        else:
            name, en = "中共" + prefix + "委员会", "CPC Committee"
        surface = ctx.text[start:m.end()]
        ctx.add(Kind.GOVERNMENT_BODY, name, start, m.end(), aliases=(surface,) if surface != name else (),
                place=place.name, level=ctx.level_of_place(place), attributes=(("en_body", en),))
        ctx.claim(start, m.end())


COMPANY_RUN_RE = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:股份有限公司|有限责任公司|有限公司|集团|公司)")


def find_aliases(ctx: Ctx) -> None:
    """Names listed in ``org_aliases.tsv`` (上海交大 → 上海交通大学)."""
    for m in org_patterns(ctx.lex)["alias"].finditer(ctx.text):
        if ctx.overlaps_claim(m.start(), m.end()):
            continue
        alias = ctx.lex.org_aliases[m.group()]
        if not ctx.text.startswith(alias.canonical, m.start()) and (
                run := COMPANY_RUN_RE.match(ctx.text, m.end())) is not None and not re.search(r"[、和与及的]", run.group()):
            continue  # 德清华瑞纺织股份有限公司: 清华 inside a company's name is no university
        ctx.add(alias.kind, alias.canonical, m.start(), m.end(),
                aliases=(m.group(),) if m.group() != alias.canonical else (),
                attributes=(("en", alias.en),) if alias.en else ())
        ctx.claim(m.start(), m.end())


NAME_RUN_RE = re.compile(r"[\u4e00-\u9fff\dA-Za-z]{0,16}")


def _continues(ctx: Ctx, pos: int) -> bool:
    """True if the name goes on into a longer one (``中国科学院`` + ``成都有机化学研究所``; ``某某集团`` +
    ``（中国）有限公司``: a short bracketed place or name word inside the name)."""
    bracket = BRACKET_INSIDE_RE.match(ctx.text, pos)
    if bracket is not None and (ctx.resolve_place(bracket.group(1)) is not None or bracket.group(1) in BRACKETED_NAME_WORDS):
        pos = bracket.end()
    run = NAME_RUN_RE.match(ctx.text, pos).group()  # type: ignore[union-attr]
    return bool(run) and org_patterns(ctx.lex)["suffix"].search(run) is not None and (not run.startswith(
        tuple(ctx.lex.boundary_words)
    ) or run.startswith(ctx.lex.protected_words))  # 某研究院等离子体应用研究所: 等 of 等离子 lists nothing


NUMBERED_UNIT_RE = re.compile(r"(?:公司|集团)第[一二三四五六七八九十百〇零\d]{1,6}$")
"""``某某集团有限公司第七〇一研究所``: a company's numbered institute, one name (the institute's)."""


def _placed_subsidiary(ctx: Ctx, body: str, start: int, m: re.Match[str]) -> bool:
    """``某省电力有限公司某市供电公司``: a company's unit named by its place after the company's full name is one
    name (the unit of that company), not a name swallowing another."""
    i = body.rfind("公司")
    if i == -1 or not m.group().endswith("公司") or "有限" in m.group() or not 2 <= len(body) - i - 2 <= 8:
        return False  # 甲有限公司乙县某某有限公司 glued: two companies, each a company of its own
    return place_starting_at(ctx, start + i + 2, limit=m.start()) is not None


def _elided_home(ctx: Ctx, word: str, cut: int) -> bool:
    """``记者从市重点产业链…办公室``: after 从 / 向 / 在, a name starting with the elided home place (市, 省)."""
    return word in "从向在对由" and ctx.text[cut:cut + 1] in ("市", "省", "县", "区") and \
        ctx.text[cut + 1:cut + 2] not in ("场", "民", "内", "外", "级", "里", "委")


def wan_jia_in_name(text: str, lo: int) -> bool:
    """``喜万家`` ending at ``lo``: 万家 after a word that is no numeral is part of a name, not a count
    (百个重点项目, 近万家, 1万家 are counts)."""
    return text[lo - 2:lo] == "万家" and lo - 3 >= 0 and re.match(r"[\u4e00-\u9fff]", text[lo - 3]) is not None \
        and text[lo - 3] not in "一二两三四五六七八九十百千万近上数逾超几"


ORDINAL_UNIT_RE = re.compile(r"第[一二三四五六七八九十\d]{1,3}(?![一二三四五六七八九十\d])")
"""A name part opening with an ordinal (``第一工程``): a numbered unit of the name before it, never a name alone."""
COUNTED_NOUN_JOIN_RE = re.compile(r"(?:单位|企业|组织|机构|集体)(?:以及|和|及|与|、)")


def left_edge(ctx: Ctx, start: int, *, max_len: int = 30, after_claims: bool = True) -> int:
    """Where a name ending its body at ``start`` begins: at punctuation or after a boundary word
    (and, with ``after_claims``, not before the end of a name found already)."""
    lo = start
    floor = max(0, start - max_len)
    while lo > floor:
        ch = ctx.text[lo - 1]
        if ch in "）)":  # 绿能科技(中国)有限公司: a short bracketed place inside a name
            opening = max(ctx.text.rfind("（", floor, lo - 1), ctx.text.rfind("(", floor, lo - 1))
            inner = ctx.text[opening + 1:lo - 1] if opening != -1 else ""
            if 2 <= len(inner) <= 4 and (ctx.resolve_place(inner) is not None or inner in BRACKETED_NAME_WORDS) \
                    and opening > floor:  # 三钢（集团）有限责任公司: a bracketed word of the name too
                lo = opening
                continue
            break
        if ch in PUNCT or ch.isspace() or ch.isdigit() or ch in ".．":
            break  # 1.某某有限公司: list numbering is no part of a name
        if ch in CLASSIFIERS and lo - 2 >= 0 and (ctx.text[lo - 2].isdigit() or ctx.text[lo - 2] in "一二两三四五六七八九十百千万余多") \
                and not wan_jia_in_name(ctx.text, lo):
            break  # 4个国家质检中心: the count stops the name (not 喜万家)
        lo -= 1
    counted = COUNTED_NOUN_JOIN_RE.match(ctx.text, lo, start)
    if counted is not None and lo > 0 and ctx.text[lo - 1] in CLASSIFIERS and start - counted.end() >= 2:
        lo = counted.end()  # 等7家单位和某公司: the counted noun and the conjunction are no part of the name
    if after_claims:
        lo = max(lo, ctx.claim_end_before(start, lo))
    body = ctx.text[lo:start]
    best = lo
    # each boundary word in the body may move the start to just after its last acceptable occurrence;
    # the words whose last occurrence cuts furthest right are tried first, and an occurrence cutting
    # no further than the best so far cannot win (the furthest cut is what counts, not the order)
    found = sorted(((lo + i + len(w), i, w) for w in boundary_words_in(ctx.lex, body) if (i := body.rfind(w)) != -1),
                   reverse=True)
    for last_cut, i, word in found:
        if last_cut <= best:
            break
        while i != -1:
            cut = lo + i + len(word)
            if cut <= best:
                break
            if len(word) == 1 and i > 0 and (
                (start - cut) < 2 or _protected(ctx, lo + i) or (place_starting_at(ctx, cut, limit=start) is None
                                                                  and not _elided_home(ctx, word, cut)
                                                                  and not ctx.text.startswith(NATIONAL_STARTS, cut))
            ):
                i = body.rfind(word, 0, i)
                continue
            if len(word) > 1 and _inside_protected(ctx, lo + i, len(word)):
                i = body.rfind(word, 0, i)
                continue
            if ctx.text[cut:start] in ctx.lex.words("business_words.txt"):
                i = body.rfind(word, 0, i)  # 某某建设管理有限公司: 管理 alone is no company's name
                continue
            if ORDINAL_UNIT_RE.match(ctx.text, cut, start):
                i = body.rfind(word, 0, i)  # 某省火电第一工程有限公司: a numbered unit is no name alone
                continue
            if cut > best and not _inside_place(ctx, lo + i, cut):
                best = cut
            break
    while best < start - 2 and ctx.text[best] in LEADING_FUNCTION_CHARS and not _protected(ctx, best):
        best += 1
    if best > 0 and ctx.text[best - 1] in "（(" and ctx.text.startswith("原", best) and start - best > 4:
        best += 1  # （原某某有限公司）: the former name, without 原
    date_tail = DATE_TAIL_RE.match(ctx.text, best, start)
    if date_tail is not None and best > 0 and ctx.text[best - 1].isdigit() and start - date_tail.end() >= 1:
        best = date_tail.end()  # 2019年中国质量协会: the year's 年 is no part of the name
    return _larger_place_after(ctx, best, start)


def _larger_place_after(ctx: Ctx, best: int, start: int) -> int:
    """A name writes its places from the larger to the smaller (山西省太原市某公司): a county-level place
    followed at once by a place above it (``迎泽区山西某公司``, a table's district column glued to the
    name) is no part of the name, which starts at the larger place."""
    first = place_starting_at(ctx, best, limit=start)
    if first is None or first[1].level != "county":
        return best
    nxt = place_starting_at(ctx, first[0], limit=start)
    if nxt is None or start - nxt[0] < 2 or nxt[1].code not in {a.code for a in ctx.lex.ancestors(first[1])}:
        return best
    return first[0]


DATE_TAIL_RE = re.compile(r"(?:年度|年|月份|月|日)(?:以来|起|底|末|初)?")


LEADING_FUNCTION_CHARS = "的了为对在以向与和及等从将把被"
NATIONAL_STARTS = ("国家", "中国", "全国")
GROUP_CUT_CHARS = "的了由任为是将送"
STRONG_LEVEL_RE = re.compile(r"[\u4e00-\u9fff]{0,4}强([省市县区])")  # 质量强市工作领导小组: the drive's level
"""Words a national body's name starts with, as a place starts a local one's (察看了国家…检验检测中心)."""
CLASSIFIERS = "个家所座项条名位件批类种"


def raw_list_items(ctx: Ctx, start: int, end: int, *, after_claims: bool = True) -> list[tuple[int, int]]:
    """The spans of the ``、``-separated items in ``text[start:end]``, the first without the verb or function
    word on its left (``布局建设石榴、辣子鸡`` → 石榴, 辣子鸡); no item merged or split."""
    out: list[tuple[int, int]] = []
    pos = start
    for i, item in enumerate(ctx.text[start:end].split("、")):
        s, e = pos, pos + len(item)
        pos = e + 1
        if i == 0:
            s = max(s, left_edge(ctx, e, max_len=len(item), after_claims=after_claims))
        out.append((s, e))
    return out


def list_items(ctx: Ctx, start: int, end: int, *, after_claims: bool = True) -> list[tuple[int, int]]:
    """The spans of a ``、``-separated list in ``text[start:end]`` (:func:`raw_list_items`), lexicon
    categories holding 、 merged and items joined by 和 split."""
    out = raw_list_items(ctx, start, end, after_claims=after_claims)
    # 食用油、油脂及其制品: one lexicon category, one item; 食用农产品和食用油、油脂及其制品: two items
    return [part for s, e in merge_items(ctx, out) for part in split_joined(ctx, s, e)]


@per_lexicon
def _protected_holding(lex: Lexicon) -> tuple[int, dict[str, tuple[str, ...]]]:
    """The length of the longest protected word, and every part of a protected word → the protected
    words longer than it that hold it, in the lexicon's order."""
    out: dict[str, list[str]] = {}
    for w in lex.protected_words:
        for part in {w[a:b] for a in range(len(w)) for b in range(a + 1, len(w) + 1) if b - a < len(w)}:
            out.setdefault(part, []).append(w)
    return max(map(len, lex.protected_words), default=0), {k: tuple(v) for k, v in out.items()}


def _inside_protected(ctx: Ctx, pos: int, length: int) -> bool:
    """True if ``text[pos:pos+length]`` lies inside a protected word (联合 in 联合体)."""
    part = ctx.text[pos:pos + length]
    longest, holding = _protected_holding(ctx.lex)
    if pos >= longest and len(part) == length > 0:  # only the words holding the part can (the loop below, for these)
        for w in holding.get(part, ()):
            for k in range(len(w) - length + 1):
                if ctx.text.startswith(w, pos - k):
                    return True
        return False
    for w in ctx.lex.protected_words:
        if len(w) <= length or (part not in w and pos >= len(w) - length):
            continue  # (a word that does not hold the part cannot start before it)
        for k in range(len(w) - length + 1):
            if ctx.text.startswith(w, pos - k):
                return True
    return False


def _protected(ctx: Ctx, pos: int) -> bool:
    """True if the one-character boundary word at ``pos`` is part of a protected word (在建, 作为 …)."""
    return any(
        ctx.text.startswith(w, pos - w.index(ctx.text[pos])) for w in ctx.lex.protected_words if ctx.text[pos] in w
    )


def _inside_place(ctx: Ctx, s: int, e: int) -> bool:
    """True when the boundary word found at [s, e) is part of a place name (e.g. 和 in 和平区): a name
    of 2 to 7 characters starting at most 6 before it and reaching past it (the text's last character
    counts alone)."""
    text, names, prefixes = ctx.text, ctx.lex.place_names, place_name_prefixes(ctx.lex)
    n = len(text)
    for a in range(max(0, s - 6), s + 1):
        for b in range(a + 1, min(a + 7, n) + 1):
            piece = text[a:b]
            if piece not in prefixes:
                break  # no longer name starts at a
            if b >= e and b - a >= 2 and names.get(piece):
                return True
    return s == n - 1 and bool(names.get(text[s:]))


def _counted(ctx: Ctx, start: int, end: int) -> bool:
    """True if the name is a counted category: ``…中心58家`` or ``2家…中心``."""
    after = ctx.text[end:end + 8]
    before = ctx.text[max(0, start - 4):start]
    return bool(re.match(r"(?:共|有)?[\d一二两三四五六七八九十百千]+(?:\.\d+)?(?:余|多)?(?:家|个|所|座)", after)) or bool(
        re.search(r"[\d一二两三四五六七八九十百千](?:余|多)?(?:家|个|所|座)$", before)
    )


def find_suffixed(ctx: Ctx) -> None:
    """Open-class names found by their ending (…有限公司, …研究院, …工程研究中心, …检验检测中心)."""
    lex = ctx.lex
    kinds = {s: (k, o) for s, k, o in lex.org_suffixes}
    for m in org_patterns(lex)["suffix"].finditer(ctx.text):
        kind, is_open = kinds[m.group()]
        if not is_open or ctx.overlaps_claim(m.start(), m.end()) or _continues(ctx, m.end()):
            continue
        start = joined_start(ctx, left_edge(ctx, m.start()), m.start())  # 某局与某管委会: two names
        if start == m.start() and re.search(r"该[县区]$", ctx.text[max(0, start - 2):start]):
            start -= 1  # 该县检测所 (该县 read as the place already): the report's county, written as an elided 县
        elif re.match(r"该[县区](?![\u4e00-\u9fff]*[县区])", ctx.text[start:m.start()]):
            start += 1  # 组织该县检测所: the same, 该 no part of the name
        if start == m.start():  # 某省某品牌建设促进会: a verb right before the ending is a noun of the name
            word = next((w for w in ctx.lex.boundary_words if len(w) >= 2 and ctx.text.endswith(w, 0, m.start())), None)
            if word is not None:
                again = left_edge(ctx, m.start() - len(word))
                if again < m.start() - len(word) and place_starting_at(ctx, again, limit=m.start()) is not None:
                    start = again
        if (role := ROLE_HEAD_RE.match(ctx.text, start, m.start())) is not None:
            start = role.end()  # 链主企业某某有限公司: the role is no part of the name
        joined = JOINING_VERB_RE.search(ctx.text, start, m.start())
        if joined is not None and _province_composite(ctx, joined.end()):
            start = joined.end()  # 1家科研机构加入苏浙皖赣沪某某联合体: the name starts after the verb of joining
        if kind is Kind.ENTERPRISE and (lead := next((w for w in ctx.lex.words("firm_lead_verbs.txt")
                                                      if ctx.text.startswith(w, start)), None)) \
                and m.start() - start - len(lead) >= 2:
            start += len(lead)  # 评选某某有限公司为…: the verb of selection is no part of the name
        if start > 2 and ctx.text[start - 1] == "·" and (
                head := re.search(r"(?:^|[^\u4e00-\u9fff])([\u4e00-\u9fff]{2,6})$", ctx.text[max(0, start - 8):start - 1])):
            start = start - 1 - len(head.group(1))  # 粤港澳·深圳某商会: the dot joins two parts of one name
        if m.group().startswith("领导小组"):
            start = placed_start(ctx, start, m.start())  # 某省…推进工作领导小组办公室: the clause's place opens it
            cut = max(ctx.text.rfind(c, start, m.start()) for c in GROUP_CUT_CHARS)
            if cut != -1:  # 评审由自治区…领导小组办公室: the name starts after the function word, at its place
                rest = ctx.text[cut + 1:m.start()]
                if rest.startswith(ctx.lex.words("own_unit_words.txt")):
                    continue  # 报送所在区县…领导小组办公室: each applicant's own office, no body named
                if rest[:1] in "省市县区" or rest.startswith("自治区") or place_starting_at(ctx, cut + 1, limit=m.start()):
                    start = cut + 1
                elif (own := STRONG_LEVEL_RE.match(rest)) is not None and len(rest) >= 4:
                    # 会议由质量强市工作领导小组办公室主持: the function word ends the lead; the group of a
                    # 质量强市 drive in a city's report is that city's (in no city's report, none is named)
                    home = ctx.place_for_prefix(own.group(1))
                    if home is None:
                        continue
                    written = body_place_name(ctx, home)
                    ctx.add(Kind.GOVERNMENT_BODY, written + ctx.text[cut + 1:m.end()], cut + 1, m.end(),
                            aliases=(ctx.text[cut + 1:m.end()],), place=home.name)
                    ctx.claim(cut + 1, m.end())
                    continue
                elif not rest.startswith(("国家", "国务院", "中央")):
                    continue  # 会议由质量工作领导小组办公室主持: a group of no place named, none
        if ctx.text.rfind("暨", start, m.start()) != -1 and any(
                e.span.end == m.end() and start < e.span.start for e in ctx.entities):
            continue  # 某市质量强市暨质量发展委员会: the committee after 暨 was read already (drive_groups.py)
        body = ctx.text[start:m.start()]
        if kind is Kind.ENTERPRISE and _joins_firms(ctx, body, kinds):
            continue  # 甲公司和乙公司: two firms joined, too short to split for sure — no one firm of both
        if body in kinds and start > 0:
            start = left_edge(ctx, start - 1) if ctx.text[start - 1] not in PUNCT else start
            body = ctx.text[start:m.start()]
        elided = body in ("省", "市", "县", "区") and len(m.group()) >= 3 and ctx.place_for_prefix(body) is not None
        if body[-1:] in ("和", "及", "与", "等") or (_is_generic(body) and not elided) or (  # 企业和合作社: two kinds
                # 食品、检验检测等重点实验室: kinds listed before 等 name a class of bodies, no body
                kind in (Kind.RESEARCH_CENTRE, Kind.INSPECTION_BODY) and _counted(ctx, start, m.end())):
            continue
        inner = next((s for s in kinds if body.endswith(s) and len(body) > len(s)), None)
        if inner is not None and GENERIC_BODY.match(body[:-len(inner)]):
            continue  # 行业协会商会: two kinds of body, no name
        if m.group() in ctx.lex.words("branch_endings.txt") and (
                body in ("省", "市", "县", "区") or ctx.resolve_place(body) is not None):
            continue  # 建设银行湖北省分行 after its bank was read: a place and a branch ending name no firm alone
        if kind is Kind.ENTERPRISE and any(re.sub(r"^(?:[省市县区]|各|该|本)", "", part) in generic_firm_words(ctx.lex)
                                           for part in {body, re.split(r"[和及与、]", body)[-1]}):
            continue  # 电力公司, 县自来水公司: a kind of utility, no company named
        if re.search(r"(?:^|[和及与、])(?:" + "|".join(CATEGORY_NOUNS) + r")$", body):
            continue  # 企业集团, 特色产业和企业集团: a kind of organisation after a conjunction, no name
        if any(s in body for s, _, _ in ctx.lex.org_suffixes if len(s) >= 4) and not (
                m.group() == "分公司" and re.search(r"公司[\u4e00-\u9fff]{2,6}$", body)) and not _placed_subsidiary(ctx, body, start, m) \
                and not (kind is Kind.RESEARCH_INSTITUTE and NUMBERED_UNIT_RE.search(body)):
            continue  # …企业技术中心为省级企业技术中心: the name would swallow another one (not 某有限公司某地分公司)
        name_start = start
        place: PlaceInfo | None = None
        found = None
        name = ctx.text[start:m.end()]
        if body.startswith("自治区") and ctx.place_for_prefix("自治区") is not None:
            place = ctx.place_for_prefix("自治区")
            name = place.name + name[3:]  # type: ignore[union-attr]
        elif body[:1] in "省市县区" and place_starting_at(ctx, start, limit=m.start()) is None:
            place = ctx.place_for_prefix(body[0])
            if place is None:
                continue
            written = body_place_name(ctx, place) if kind in (Kind.GOVERNMENT_BODY, Kind.DEPARTMENT) else place.name
            name = written + name[1:]  # 区…领导小组办公室: a district's bodies carry the city
        else:
            found = place_starting_at(ctx, start, limit=m.start())
            if found and ctx.plausible(found[1]):
                place = found[1]
                if kind is Kind.GOVERNMENT_BODY and ctx.text[start:found[0]] == place.name and district_city(lex, place) \
                        and not ctx.text[max(0, start - 4):start].endswith(district_city(lex, place)):
                    name = body_place_name(ctx, place) + name[len(place.name):]  # 某区质量工作领导小组办公室: the city's district
            elif not found:
                place = _embedded_place(ctx, start, m.start())
        if place is None and m.group() in lex.placed_suffixes and not _province_composite(ctx, start):
            continue  # 成立质量工作领导小组: a generic phrase, no body of a place
        if place is not None and m.group() in lex.placed_suffixes and found and ctx.text.startswith(
                tuple(lex.words("placed_name_verbs.txt")), found[0]):
            continue  # 某区共建质量技术创新联合体: the place is the clause's subject, no body of it named
        if place is None and kind is Kind.ASSOCIATION and (listed := _elided_list_place(ctx, start)) is not None:
            place = listed  # 市药检所、市质计所、质量技术协会等单位: the list's elided place is every item's
            name = place.name + name
        end = m.end()
        paren = re.match(r"[（(]([\u4e00-\u9fff]{2,4})[)）]", ctx.text[end:end + 8])
        paren_place = ctx.resolve_place(paren.group(1)) if paren else None
        if kind is Kind.INSPECTION_BODY and paren_place is not None and paren_place.level == "province":
            end += paren.end()
            name += f"（{paren.group(1)}）"
        name = _expanded_ending(ctx, name, m.group(), place)
        aliases = (ctx.text[name_start:end],) if ctx.text[name_start:end] != name else ()
        level = None
        if kind in (Kind.RESEARCH_CENTRE, Kind.INSPECTION_BODY):
            level = Level.NATIONAL if name.startswith(("国家", "中国")) else (place.admin_level if place else None)
        ctx.add(kind, name, name_start, end, aliases=aliases, level=level,
                place=place.name if place else None)
        ctx.claim(name_start, end)


JOINING_VERB_RE = re.compile(r"(?:加入|参与|组建|成立|牵头)")


def _province_composite(ctx: Ctx, start: int) -> bool:
    """``苏浙皖赣沪新能源汽车质量创新联合体``: three or more provinces' one-character abbreviations opening the name
    place it as a region's body, as a place's name would."""
    n = 0
    while ctx.text[start + n:start + n + 1] in ctx.lex.province_abbr and ctx.text[start + n:start + n + 1]:
        n += 1
    return n >= 3


def _joins_firms(ctx: Ctx, body: str, kinds: dict) -> bool:
    """The body before a firm's ending holds a word of ``list_joiners.txt`` right after another firm's
    ending (``甲公司和乙`` before 公司): two firms, whatever their lengths."""
    firm_endings = tuple(s for s, (k, _o) in kinds.items() if k is Kind.ENTERPRISE)
    for j in ctx.lex.words("list_joiners.txt", longest_first=True):
        i = body.find(j)
        while i != -1:
            if body[:i].endswith(firm_endings):
                return True
            i = body.find(j, i + 1)
    return False


def _elided_list_place(ctx: Ctx, start: int) -> PlaceInfo | None:
    """The place of the item right before ``start`` in a 、 list when that item wrote its place elided
    (``市质计所、质量技术协会``): an item with no place of its own among the units of one place is that place's."""
    if ctx.text[start - 1:start] != "、":
        return None
    before = [e for e in ctx.entities_in(max(0, start - 20), start - 1) if e.span.end == start - 1 and e.kind.is_organization]
    if not before or not ctx.text[before[-1].span.start:before[-1].span.end][:1] in "市县区":
        return None
    return ctx.place_for_prefix(ctx.text[before[-1].span.start])


def _expanded_ending(ctx: Ctx, name: str, ending: str, place: PlaceInfo | None) -> str:
    """``市质检所`` / ``某市药检所``: a place's institute written by the short form of its ending alone is named
    with the full ending (``abbreviated_org_endings.tsv``: 某市产品质量监督检验所, 某市药品检验所)."""
    if place is None or not name.endswith(ending):
        return name
    full = next((f for w, f in ctx.lex.table("abbreviated_org_endings.tsv", columns=2, header="written") if w == ending), None)
    head = name[:-len(ending)]
    if full is None or head not in (place.name, body_place_name(ctx, place)):
        return name
    return head + full


def _embedded_place(ctx: Ctx, start: int, end: int) -> PlaceInfo | None:
    """A full place name inside a name (``…技术山东省工程研究中心``)."""
    for i in range(start, end - 2):
        for j in range(min(end, i + 10), i + 2, -1):
            cands = ctx.lex.place_names.get(ctx.text[i:j])
            if cands and any(c.name == ctx.text[i:j] for c in cands):
                return ctx.resolve_place(ctx.text[i:j])
    return None


def _is_generic(body: str) -> bool:
    if len(body) < 2 or GENERIC_BODY.match(body) or body.endswith(("相关", "有关")):
        return True  # 甲、乙两地相关协会: the bodies concerned, none named
    joined = re.search(r"[和及与]([^和及与]*)$", body)
    if joined and GENERIC_BODY.match(joined.group(1)):
        return True  # 有关行业主管部门及行业协会: a generic phrase joined to a generic ending names no body
    place = re.match(r"[\u4e00-\u9fff]{2,6}?(?:省|市|自治区)", body)
    return bool(place) and bool(GENERIC_BODY.match(body[place.end():])) and len(body) > place.end()


@per_lexicon
def _branch_rows(lex: Lexicon) -> tuple[tuple[str, Kind, re.Pattern[str]], ...]:
    """Per row of ``branch_parents.tsv``: the canonical body, its class, and the pattern of a branch."""
    out = []
    for row in lex.table("branch_parents.tsv", columns=4, header="written"):
        written, canonical, kind_name, endings = row[:4]
        kind = parse_kind(kind_name, lex.path("branch_parents.tsv"))
        out.append((canonical, kind, re.compile(re.escape(written) + r"(?P<place>[\u4e00-\u9fff]{2,10}?)(?P<end>" + endings + ")")))
    return tuple(out)


def find_branches(ctx: Ctx) -> None:
    """``人民银行某市中心支行``: a branch of a body named with its place (``branch_parents.tsv``) is the
    canonical body's branch, of the body's class."""
    for canonical, kind, pattern in _branch_rows(ctx.lex):
        for m in pattern.finditer(ctx.text):
            if m.start() > 0 and ctx.text[m.start() - 1] == "国" or ctx.overlaps_claim(m.start(), m.end()):
                continue  # 中国人民银行…: read by the row of the full name
            if ctx.resolve_place(m.group("place")) is None:
                continue
            name = canonical + m.group("place") + m.group("end")
            ctx.add(kind, name, m.start(), m.end(),
                    aliases=(m.group(),) if m.group() != name else ())
            ctx.claim(m.start(), m.end())


def find_organizations(ctx: Ctx) -> None:
    """Run every organisation rule, most specific first."""
    find_branches(ctx)
    find_department_lists(ctx)
    find_departments(ctx)
    find_governments(ctx)
    find_aliases(ctx)
    find_suffixed(ctx)
