"""Numbered lists and the count that checks them.

A winners' list is often numbered under a heading that names the programme::

    二、某市市长质量奖提名奖（3家企业）
    (1)甲有限公司 (2)乙有限公司 (3)丙股份有限公司

Every item is a recipient of the programme the heading names; the number is no part of its name.
A count in the heading (``3家企业``) must agree with the items: fewer items than the count is a
partial list, more items means the list was not read right, and then nothing is linked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Entity, Kind, Listing, Ref, Rel
from .food_categories import category_items
from .context import Ctx
from .numbers import parse_chinese_numeral
from .orgs import left_edge, list_items, place_ending_at, place_starting_at, with_parent
from .places import TOWN_ENDINGS
from .scan import PUNCTUATION_STOPS, Scan, org_scans
from .sub_awards import grade_words, section_award

MARK_RE = re.compile(
    r"(?:^|(?<=[\s：:；;。，,]))[ \t　]*(?:(?P<d>\d{1,2})[.．、](?!\d)|[（(](?P<p>\d{1,2}|[一二三四五六七八九十]{1,3})[)）])",
    re.M,
)
HEAD_COUNT_RE = re.compile(
    r"(?P<num>\d+|[一二两三四五六七八九十]+)(?:家|个|项|名|件)(?P<rtype>企业|组织|单位|品牌|产品|个人)?[)）]?[：:\s]*$"
)
YEAR_BEFORE_RE = re.compile(r"(?P<year>\d{4})(?:\s*[—–\-~至]+\s*\d{4})?年度?$")
YEAR_AT_START_RE = re.compile(r"(?P<year>\d{4})年度?")
BATCH_BEFORE_RE = re.compile(r"第(?P<n>[一二三四五六七八九十\d]+)(?:届|批)$|(?P<first>首届|首批)$")
T = TypeVar("T")
HEADER_SPAN = 150
BRAND_HEAD_RE = re.compile(r"品牌(?:名单|[（(:：]|\s*$)")
SECTION_RE = re.compile(r"(?:^|[\n\s　])[一二三四五六七八九十]+、[^\n]{0,30}$")
DOUBTFUL = 0.5
"""The confidence of a listing whose named items outnumbered its count (the extras are dropped)."""
ITEM_CHARS = re.compile(r"[\u4e00-\u9fff\dA-Za-z（）()·]{2,14}")


def agree(items: list[T], count: int | None) -> tuple[list[T], bool]:
    """Check named items against the count the text states: ``(items, doubtful)``.

    ``等9个品牌`` with four named items is normal (a partial list). More items than the count means
    the left edge of the list ran too far: keep only the ``count`` items nearest the count word."""
    if count is None or len(items) <= count:
        return items, False
    return items[len(items) - count:], True


def _number(m: re.Match[str]) -> int | None:
    raw = m.group("d") or m.group("p")
    return int(raw) if raw.isdigit() else parse_chinese_numeral(raw)


def _runs(ctx: Ctx) -> list[list[re.Match[str]]]:
    """Marks numbered 1, 2, 3 … in text order, each run in one kind of numbering."""
    runs: list[list[re.Match[str]]] = []
    cur: list[re.Match[str]] = []
    for m in MARK_RE.finditer(ctx.text):
        n = _number(m)
        style = "d" if m.group("d") else "p"
        if cur and n == _number(cur[-1]) + 1 and style == ("d" if cur[-1].group("d") else "p") \
                and m.start() - cur[-1].end() <= 60:
            cur.append(m)
            continue
        if cur:
            runs.append(cur)
        cur = [m] if n == 1 else []
    if cur:
        runs.append(cur)
    return runs


def _item_end(ctx: Ctx, start: int, limit: int) -> int:
    while start < limit and ctx.text[start] in " \t　":
        start += 1
    end = start
    while end < limit and ctx.text[end] not in "\n；;。，,、 \t　":
        end += 1
    return end


def find_numbered_lists(ctx: Ctx) -> None:
    prev_end = 0
    last_prog: Entity | None = None
    last_year: str | None = None
    last_batch: int | None = None
    for run in _runs(ctx):
        first = run[0].start()
        header_start = max(prev_end, first - HEADER_SPAN)
        items: list[tuple[int, int]] = []
        for i, m in enumerate(run):
            limit = run[i + 1].start() if i + 1 < len(run) else min(len(ctx.text), m.end() + 40)
            s = m.end()
            items.append((s, _item_end(ctx, s, limit)))
        prev_end = items[-1][1]
        progs = [e for e in ctx.entities_in(header_start, first) if e.kind.is_programme]
        section = SECTION_RE.search(ctx.text[header_start:first]) is not None
        graded = section_award(ctx, header_start, first, progs[-1] if progs else last_prog, numbered=section)
        if graded is not None:
            progs = [graded]  # 二、提名奖（3家）: the award's nomination award, not the award itself
        if not progs and last_prog is not None and section:
            titled = _section_programme(ctx, header_start, first, last_prog)
            if titled is False:
                last_prog = None  # 二、某市质量管理优秀奖（共5个）: another award no rule named, not the one above
                continue
            progs = [titled or last_prog]  # 二、区域品牌（3个）: a further section of the list named above
        if not progs:
            last_prog = None
            continue
        prog = last_prog = progs[-1]
        header = ctx.text[header_start:first]
        count_m = HEAD_COUNT_RE.search(header)
        count = None
        if count_m is not None:
            raw = count_m.group("num")
            count = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
        brands = BRAND_HEAD_RE.search(header) is not None or (count_m is not None and count_m.group("rtype") == "品牌")
        people = PEOPLE_HEAD_RE.search(header) is not None  # 二、获奖个人（2名）: the items are people
        recipients = _recipients(ctx, items, brands=brands, people=people)
        if recipients is None or (count is not None and len(recipients) > count):
            continue  # an item is no name, or more items than the heading counts: not read right
        if count_m is not None:
            ctx.claim(header_start + count_m.start(), header_start + count_m.end())  # the list's own count
        lead = ctx.text[max(header_start, prog.span.start - 12):prog.span.start].rstrip("“\"「")
        years = list(YEAR_AT_START_RE.finditer(ctx.text, header_start, prog.span.end))
        found = YEAR_BEFORE_RE.search(lead) or (years[-1] if years else None)  # 2024年度…获奖名单 above
        year = found.group("year") if found else (last_year if section or graded is not None else None)
        last_year = year
        batch = BATCH_BEFORE_RE.search(re.sub(r"\d{4}年度?$", "", lead))
        batch_no = last_batch if graded is not None else None  # 第三届…获奖单位 … 提名奖获奖单位: that edition's
        if batch is not None:
            batch_no = 1 if batch.group("first") else (
                int(batch.group("n")) if batch.group("n").isdigit() else parse_chinese_numeral(batch.group("n")))
        last_batch = batch_no
        ctx.listings.append(Listing(
            prog.ref, tuple(recipients), ctx.span(prog.span.start, items[-1][1]), count=count,
            recipient_type=count_m.group("rtype") if count_m is not None else None,
            year=year, batch=batch_no,
            certification=prog.kind is Kind.CERTIFICATION_SCHEME,
        ))


SECTION_TITLE_RE = re.compile(r"(?:^|(?<=[\n\s　]))[一二三四五六七八九十]+、(?P<t>[^\n（(:：]{2,30}?)(?:[（(][^\n]{0,12}[)）])?[：:\s]*$")
AWARD_TITLE_RE = re.compile(r"(?:奖|称号|示范企业|标杆)$")  # not 品牌: 二、区域品牌 is a part of the list


def _section_programme(ctx: Ctx, header_start: int, first: int, last: Entity) -> Entity | None | bool:
    """The programme a numbered section's own title names (``二、某市质量管理优秀奖（共5个）``): that
    programme when the report names it elsewhere (an entity of that name), ``False`` when the title names an
    award other than ``last`` that no rule read (its items are that award's, not the one above: link
    nothing), ``None`` when the title is a part of the list above (``二、区域品牌（3个）``)."""
    m = SECTION_TITLE_RE.search(ctx.text, header_start, first)
    if m is None:
        return None
    title = re.sub(r"^\d{4}年度?", "", m.group("t").strip())
    if not title or title == last.name or last.name.endswith(title):
        return None
    named = next((e for e in ctx.entities if e.kind.is_programme and e.name == title), None)
    if named is not None:
        return ctx.add(named.kind, named.name, m.start("t"), m.start("t") + len(m.group("t").rstrip()), level=named.level)
    if AWARD_TITLE_RE.search(title) and not title.endswith(tuple(grade_words(ctx.lex))):
        return False
    return None


PEOPLE_HEAD_RE = re.compile(r"个人|同志|人员")
PERSON_ITEM_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})(?=[ 　，,（(]|$)")


def _recipients(ctx: Ctx, items: list[tuple[int, int]], *, brands: bool, people: bool = False) -> list[Ref] | None:
    """The entity each item is; ``None`` when an item is not a name (a numbered list of measures).
    Under a heading of people (``获奖个人``) an item opening with a name (``王某某 某学院教授``) is that
    person; the organisation after the name is the person's, not a recipient."""
    out: list[Ref | None] = []
    unnamed: list[tuple[int, Kind, int, int]] = []
    for s, e in items:
        while s < e and ctx.text[s] in " \t　":
            s += 1
        person = PERSON_ITEM_RE.match(ctx.text, s, e) if people else None
        if person is not None and person.group("name")[:1] in ctx.lex.surnames:
            known = next((x for x in ctx.entities_in(s, person.end()) if x.kind is Kind.PERSON and x.span.start == s), None)
            if known is not None:
                out.append(known.ref)
                continue
            if not ctx.overlaps_claim(s, person.end()):
                out.append(ctx.add(Kind.PERSON, person.group("name"), s, person.end()).ref)
                ctx.claim(s, person.end())
                continue
        paren = re.search(r"[（(][^（）()]{1,8}[)）]$", ctx.text[s:e])
        if paren is not None and not any(x.span.start == s and x.span.end == e for x in ctx.ending_at(e)):
            e = s + paren.start()  # 1. 某某有限公司（肥西县）: the county after the name is no part of it
        ent: Entity | None = next((x for x in ctx.entities_in(s, e) if x.span.start == s and x.span.end == e
                                   and (x.kind.is_organization or x.kind in (Kind.BRAND, Kind.TRADEMARK,
                                                                             Kind.GEOGRAPHICAL_INDICATION))), None)
        if ent is None and (place := _whole_place(ctx, s, e)) is not None:
            ent = place  # 1.晋中市太谷区（设施蔬菜）: a place listed in a 示范区 programme
        if ent is None and brands and ITEM_CHARS.fullmatch(ctx.text[s:e]) and not ctx.overlaps_claim(s, e):
            ent = ctx.add(Kind.BRAND, ctx.text[s:e], s, e)
            ctx.claim(s, e)
        if ent is None and not brands and not people and (kind := _unnamed_kind(ctx, s, e)) is not None:
            unnamed.append((len(out), kind, s, e))  # read below, when the other items are organisations
            out.append(None)
            continue
        if ent is None:
            return None
        out.append(ent.ref)
    if unnamed and not any(r is not None for r in out):
        return None  # no item is a known organisation: not a list of winners
    for at, kind, s, e in unnamed:
        ctx.drop_organizations_within(s, e)
        out[at] = ctx.add(kind, ctx.text[s:e], s, e).ref  # 1.中国人民解放军第某工厂, 2.某省某医院
        ctx.claim(s, e)
    return out


def _unnamed_kind(ctx: Ctx, s: int, e: int) -> Kind | None:
    """The kind of a list item no rule named that ends like a firm (``winner_item_endings.txt``: 公司, 工厂 …)
    or a named institution (医院, 中心, 大队 …): an enterprise, or an organisation."""
    from .recipients import institution_end
    name = ctx.text[s:e]
    if not 4 <= len(name) <= 30 or not re.fullmatch(r"[\u4e00-\u9fff（）()\d]+", name) or ctx.overlaps_claim(s, e):
        return None
    if name.endswith(ctx.lex.words("winner_item_endings.txt", longest_first=True)):
        return Kind.ENTERPRISE
    return Kind.ORGANIZATION if institution_end(ctx, name) else None


def _whole_place(ctx: Ctx, s: int, e: int) -> Entity | None:
    """A Place entity when ``text[s:e]`` is one place name (with its parent written before it)."""
    found = place_ending_at(ctx, e, min_start=s)
    if found is None:
        return None
    start, info, _ = with_parent(ctx, found)
    if start != s:
        return None
    written = ctx.text[s:e]
    return ctx.add(Kind.PLACE, info.name, s, e, level=info.admin_level, aliases=(written,) if written != info.name else (),
                   attributes=(("code", info.code),))


LIST_NEWS_RE = re.compile(r"(?:名单|榜单|名录)")
SCOPE_RE = re.compile(r"^(?:我市|全市|本市|我省|全省|本省|我县|全县|我区|全区)")


def bare_list(ctx: Ctx, num: int, count) -> list[tuple[int, int]]:
    """``甲、乙、丙、丁4个品牌``: a list written right before its count, without 等, is complete —
    its items are taken only when there are exactly as many as the count says."""
    if num == 0 or not re.match(r"[\u4e00-\u9fff）)]", ctx.text[num - 1]):
        return []
    lo = max(ctx.text.rfind(ch, 0, num) for ch in "，,。；;：:\n") + 1
    total = re.search(r"(?:共|合计|共计|这|此)$", ctx.text[lo:num])
    body = ctx.text[lo:num - (len(total.group()) if total else 0)]  # 甲、乙、丙共3位 / 这3个: 共, 这 no part of 丙
    parts = re.split(r"(、|和|及)", body)  # 甲公司和乙公司2家单位
    names, seps = parts[0::2], parts[1::2]
    if len(names) < 2 or len(names) != count or any(sep != "、" for sep in seps[:-1]):
        return []
    items = []
    pos = lo
    for i, item in enumerate(names):
        s, e = pos, pos + len(item)
        pos = e + 1
        if i == 0:
            s = strip_scope(ctx, s, e)
            named = [x.span.start for x in ctx.ending_at(e) if x.span.start > s and x.kind.is_organization]
            if named:  # 某县共有甲公司和乙公司两家企业: the first item is the organisation named before 和
                s = min(named)
        if not 2 <= e - s <= 24 or any(w in ctx.text[s:e] for w in ("等", "的", "和")):
            return []
        items.append((s, e))
    return items


def list_named_before(ctx: Ctx, sent) -> Ref | None:
    """``省里发布第一批“好品山东”名单，我市4个品牌榜上有名``: the one programme whose list the
    sentence before announced (a verb at the end of its clause names no programme of its own)."""
    if sent is None or sent.index == 0:
        return None
    prev = ctx.doc.sentences[sent.index - 1]
    if not LIST_NEWS_RE.search(prev.span.text):
        return None
    progs = {e.ref for e in ctx.entities_in(prev.span.start, prev.span.end) if e.kind.is_programme}
    return progs.pop() if len(progs) == 1 else None


def strip_scope(ctx: Ctx, s: int, e: int) -> int:
    """Where the first item of a list starts after a scope word or a full place name written before
    it (``我市青州花卉``, ``淄博市鲁中陶瓷`` → 青州花卉, 鲁中陶瓷)."""
    if any(x.span.start == s for x in ctx.ending_at(e)):
        return s  # 深圳市某某有限公司 is a name of its own
    lead = LIST_LEAD_RE.match(ctx.text, s, e)  # 其中安徽的甲、乙…: a share's lead is no part of the first item
    if lead is not None and e - lead.end() >= 2:
        s = lead.end()
    scope = SCOPE_RE.match(ctx.text[s:e])
    if scope is not None:
        return _after_of(ctx, s + scope.end(), e)
    for length in range(min(8, e - s - 2), 1, -1):
        word = ctx.text[s:s + length]
        if (word[-1] in "省市县区" or ctx.text[s + length:s + length + 1] == "的") and any(
                c.name == word or word in c.short for c in ctx.lex.place_names.get(word, ())):
            return _after_of(ctx, s + length, e)
    outer = place_starting_at(ctx, s, limit=e)
    inner = place_starting_at(ctx, outer[0], limit=e) if outer is not None and outer[1].level == "province" else None
    if inner is not None and inner[0] < e and _under(ctx, inner[1], outer[1].code):
        return outer[0]  # 某省甲县特产: the province before a county's product is the list's scope, no part of it
    return s


def _under(ctx: Ctx, place, code: str) -> bool:
    """Whether ``place`` lies inside the division of ``code``."""
    seen = 0
    while place is not None and place.parent and seen < 4:
        if place.parent == code:
            return True
        place, seen = ctx.lex.place(place.parent), seen + 1
    return False


LIST_LEAD_RE = re.compile(r"其中[，,]?")


def share_area(ctx: Ctx, lo: int, num: int) -> str | None:
    """The place a list's share is counted for: ``其中安徽的甲、乙2家企业`` — a place (short or full) at the
    head of the clause, after 其中, tied to the list by 的 or written right before its first item; a place
    heading the clause with 有 (``某市有22个品牌上榜``); a scope word (``我市甲、乙4个品牌``) for the
    document's own place. The figure stays the programme's; the place is its area (a share, not the
    list's total)."""
    lead = LIST_LEAD_RE.match(ctx.text, lo, num)
    s = lead.end() if lead is not None else lo
    scope = SCOPE_RE.match(ctx.text[s:num])
    if scope is not None:  # 我市甲、乙4个品牌榜上有名: the document's own place's share
        own = ctx.place_for_prefix(scope.group())
        return own.name if own is not None else None
    for length in range(min(8, num - s - 1), 1, -1):
        word = ctx.text[s:s + length]
        found = [c for c in ctx.lex.place_names.get(word, ()) if c.name == word or word in c.short]
        after = ctx.text[s + length:s + length + 2]
        if len(found) == 1 and (lead is not None and (word[-1] in "省市县区" or after[:1] == "的")
                                or after.startswith(SHARE_VERBS)):  # 某市有22个品牌上榜
            return found[0].name
    return None


SHARE_VERBS = ("有", "共有", "共", "的")


def _after_of(ctx: Ctx, s: int, e: int) -> int:
    """After a place or scope word, the 的 that ties it to the list (``安徽的甲``, ``我市的甲``)."""
    return s + 1 if ctx.text[s:s + 1] == "的" and e - s > 2 else s


CATEGORY_LIST_RE = re.compile(
    r"(?P<items>[^\d，,。；;：:、“”《》\s等]{2,12}(?:、[^\d，,。；;：:、“”《》\s等]{2,12})+)(?P<deng>等)?"
    r"(?P<num>\d+|[一二两三四五六七八九十]+)\s?(?:个|大)?(?:类|种|大类)(?P<what>产品|食品|商品|农产品|工业产品)"
)
CATEGORY_LIST_SCAN = Scan(CATEGORY_LIST_RE, "类|种", "，,。；;:：“”《》")
"""No space stops it: one may stand between the count and 类 (``等7 类产品``)."""

CATEGORY_LEAD_RE = re.compile(r"(?:[^，,。；;、]+?对|[^，,。；;、]*?(?:涉及|包括|包含|覆盖))?(?:共计|共|了|的|其中)*")


def find_category_lists(ctx: Ctx) -> None:
    """``抽查电线电缆、儿童玩具、电动自行车等5类产品``: each item is a product category of the spot
    check named before it in the sentence (as many items as the count without 等, at most as many with)."""
    for m in CATEGORY_LIST_SCAN.finditer(ctx.text):
        sent = ctx.sentence_of(m.start())
        if sent is None:
            continue
        spans = list_items(ctx, m.start("items"), m.end("items"))
        checks = [e for e in ctx.entities_in(sent.span.start, spans[0][1]) if e.kind in INSPECTION_KINDS]
        if not checks:
            continue
        s0 = max(spans[0][0], checks[-1].span.end)
        lead = CATEGORY_LEAD_RE.match(ctx.text, s0, spans[0][1])
        spans[0] = (lead.end() if lead else s0, spans[0][1])
        spans = category_items(ctx, spans)  # 较大的乳制品 → 乳制品; 食用农产品和食用油 → two items
        raw = m.group("num")
        count = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
        if count is None or len(spans) > count or (not m.group("deng") and len(spans) != count):
            continue  # the list was not read right
        have = {(e.span.start, e.span.end) for e in ctx.entities_in(m.start("items"), m.end("items"))}
        for s, e in spans:
            if e - s < 2 or (s, e) in have:
                continue
            cat = ctx.add(Kind.PRODUCT_CATEGORY, ctx.text[s:e], s, e)
            ctx.relate(checks[-1].ref, Rel.CATEGORY, cat.ref, s, m.end())


CUMULATIVE_RE = re.compile(r"累计|先后|历年|历届|共有|已有|截至|以来|曾|已")


ANNOUNCED_YEAR_RE = re.compile(r"(?P<year>\d{4})年度?(?:首批|第[一二三四五六七八九十\d]+批)?[“\"「]?$")


def _announced_year(ctx: Ctx, listing: Listing) -> str | None:
    """``公布2024年第五批“赣出精品”品牌名单。我市…等9个品牌入选``: the year the programme's list was
    announced under, written before its latest mention up to the listing."""
    for e in reversed(ctx.entities_in(max(0, listing.span.start - 600), listing.span.end)):
        if e.ref == listing.programme:
            m = ANNOUNCED_YEAR_RE.search(ctx.text[max(0, e.span.start - 12):e.span.start])
            return m.group("year") if m else None
    return None


def date_listings(ctx: Ctx) -> None:
    """A listing whose programme carries no year takes the year its sentence speaks of, else the
    report's (the news of a listing is the year it happened) — but not a running total
    (``累计``, ``先后``, ``截至``, ``以来``: no one year)."""
    from .stats import sentence_period  # figures and listings share one reading of time

    out = []
    for x in ctx.listings:
        sent = ctx.sentence_of(x.span.start)
        clause = ctx.text[ctx.last_of("，,。；;\n", 0, x.span.start) + 1:x.span.end]
        if x.year is None and sent is not None and not CUMULATIVE_RE.search(clause):
            period = _announced_year(ctx, x) or sentence_period(ctx, sent)[0]
            if period and re.fullmatch(r"\d{4}", period):
                x = replace(x, year=period)
        out.append(x)
    ctx.listings[:] = out


def find_mixed_lists(ctx: Ctx) -> None:
    """``中国机械科学研究院、上海交大、威达重工等科研院所、企业``: every item is an organisation."""
    for m in org_scans(ctx.lex)["mixed"].finditer(ctx.text):
        cats = m.group("cats").split("、")
        pos = m.start("items")
        items = m.group("items").split("、")
        # the first item may carry a verb on its left (为…, 与…)
        first_start = left_edge(ctx, pos + len(items[0]), max_len=len(items[0]))
        for i, item in enumerate(items):
            s = first_start if i == 0 else pos
            e = pos + len(item)
            pos = e + 1
            if ctx.overlaps_claim(s, e) or e - s < 2:
                continue
            surface = ctx.text[s:e]
            if re.match(r"[省市县区州]委", surface):
                continue  # 县委宣传部: a Party committee's department, found by the body rules
            kind = _kind_for_item(surface, cats)
            if kind is None or (kind is Kind.ORGANIZATION and surface.endswith(TOWN_ENDINGS) and len(surface) <= 5):
                continue  # 甲镇、县经信局等单位: a town among the units is a place (places.find_towns)
            ctx.add(kind, surface, s, e)
            ctx.claim(s, e)


def _kind_for_item(item: str, cats: list[str]) -> Kind | None:
    if item.endswith(("大学", "交大", "学院")):
        return Kind.UNIVERSITY
    if item.endswith(("研究院", "研究所", "科学院", "院", "所")) and any(c in ("科研院所", "院所", "机构") for c in cats):
        return Kind.RESEARCH_INSTITUTE
    if "企业" in cats:
        return Kind.ENTERPRISE
    if any(c in ("高校", "院校") for c in cats):
        return Kind.UNIVERSITY
    if any(c in ("科研院所", "院所") for c in cats):
        return Kind.RESEARCH_INSTITUTE
    if "部门" in cats:
        return None
    return Kind.ORGANIZATION


@per_lexicon
def _kind_lead_re(lex: Lexicon) -> re.Pattern[str]:
    """``国家级农产品区域公用品牌``: a level word (``levels.tsv``) or a praise word (``brand_praise_words.txt``)
    names a kind of brand, no brand."""
    words = sorted({*lex.levels, *lex.words("brand_praise_words.txt")}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


REGIONAL_RE = re.compile(r"(?P<items>[^\s，,。；;、：:“”《》\d等]{2,10}(?:、[^\s，,。；;、：:“”《》\d等]{2,10})*)(?P<deng>等)?"
                         r"(?:[\d一二两三四五六七八九十]+个)?(?:区域公用品牌|区域品牌)")
REGIONAL_SCAN = Scan(REGIONAL_RE, "区域", PUNCTUATION_STOPS)
QUOTED_REGIONAL_RE = re.compile(r"[“\"](?P<name>[^“”\"\n]{2,10})[”\"](?:区域公用品牌|区域品牌)")


def find_regional_brands(ctx: Ctx) -> None:
    """``打造“长白山人参”区域公用品牌``, ``培育西双版纳橡胶、双阳梅花鹿等区域公用品牌``: each named item
    is a (regional) brand."""
    for m in QUOTED_REGIONAL_RE.finditer(ctx.text):
        s, e = m.start("name"), m.end("name")
        if not ctx.entities_in(s, e):
            ctx.add(Kind.BRAND, m.group("name"), s, e)
    for m in REGIONAL_SCAN.finditer(ctx.text):
        spans = list_items(ctx, m.start("items"), m.end("items"))
        if len(spans) == 1 and spans[0][0] > 0 and ctx.text[spans[0][0] - 1] in "个家":
            continue  # 5个区域公用品牌: a count, no name
        for s, e in spans:
            name = ctx.text[s:e]
            if 2 <= e - s <= 8 and not ctx.overlaps_claim(s, e) and not SCOPE_RE.match(name) \
                    and not _kind_lead_re(ctx.lex).match(name) \
                    and ctx.resolve_place(name) is None and not re.search(r"[的了和及与]", name) \
                    and not re.search(r"^(?:中国|全国)|(?:中国|全国)$|入围|入选", name):
                # 入围中国区域品牌百强榜, 中国品牌价值区域品牌: a country's ranking, no local brand
                ctx.add(Kind.BRAND, name, s, e)
                ctx.claim(s, e)
