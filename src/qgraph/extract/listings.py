"""Listings: who was listed in, or awarded, which programme, in which batch and year.

``3家企业入选第四批“好品山东”名单``, ``山东美果来食品有限公司荣获2024年度“泰山品质”高端认证``,
``尚品本色等10件商标和峄城石榴等5件地理标志入选…名录`` (two listings with examples),
``滕州市入选国家质量强县(区、镇)培育库``, ``入库国家科技型中小企业1295家``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import Entity, Kind, Level, Listing, Observation, Ref
from .backrefs import back_reference, back_reference_words, resolve_back_reference
from .calibrate import SHARES
from .context import CLAUSE_BREAK, Ctx, is_han
from .enumerations import DOUBTFUL, agree, bare_list, list_named_before, share_area, strip_scope
from .indications import find_geographical_indications, is_place
from .indexes import own_place_words
from .numbers import NUMBER_RE, parse_chinese_numeral, parse_number
from .orgs import list_items, place_ending_at, with_parent
from .programmes import granted_title_name, placed_name
from .sanction_lists import is_sanction
from .sub_awards import grade_words
from .recipients import (GRANT_NEXT_RE, GRANT_RE, GRANT_TO_RE, naming_re, sentence_head_firm,
                         unnamed_recipients)
from .winners import employers_of_winners

VERB_RE = re.compile(
    r"(?:成功|顺利)?(?:入选|列入|荣获|获评|获得|纳入|进入(?=[^，,。；;]{2,30}?(?:库|名单|名录))|入围|荣登|荣膺|上榜|榜上有名|被评为|被认定为|认定为|被确定为|确定为|被命名为|被授予|通过|成为(?=首批|第|[“\"])|获颁(?=[“\"])|获(?![奖证批得取悉颁])(?=[“\"第\d]|[^，,。；;“”]{1,14}?(?:奖|称号|认证|名单|殊荣)))"
)
ORDINAL_IN_NAME_RE = re.compile(r"第(?P<n>[一二三四五六七八九十\d]+)(?:届|批)|(?P<first>首)(?:届|批)")
YEAR_RE = re.compile(r"^(?P<year>\d{4}(?:\s*[—–\-~至]+\s*\d{4})?(?=年)|20\d{2}(?=[\u4e00-\u9fff]{2}))(?:年度?)?")
"""A programme's year before its name: ``2024年度“某奖”``, and glued without 年 (``2020某博览会金奖``)."""
BATCH_RE = re.compile(r"^(?:第(?P<batch>[一二三四五六七八九十\d]+)(?:批次?|届)|首批|首届)")
LIST_WORDS = ("高端认证", "认证", "培育名单", "名单", "名录", "培育库", "成果库", "库", "称号", "荣誉", "认定", "榜单",
              "质量奖", "奖", "殊荣", "榜", "示范企业")
COUNT_RE = re.compile(
    r"(?:(?P<ex>[^\d，,。；;:、：\s]{2,12})等(?:共计|共)?)?(?P<num>\d+|[一二两三四五六七八九十]+)(?:余|多)?(?P<unit>家|件|项|个|名|位|款|种|所)(?P<rtype>[^\d，,。；;:、：\s和及与的拟]{1,8})"
)
RELATIVE_COUNT_RE = re.compile(
    r"[”\"]?(?:荣誉)?(?:称号)?的(?P<ex>(?!))?(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>家|件|项|个|名|位|款|种)"
    r"(?P<rtype>农产品|产品|品牌|商标|地理标志)(?![\u4e00-\u9fff]{0,2}(?:中|里|内))(?!(?:分别|依次)?(?:是|为|包括|有)?[：:])")
"""``获得“某名牌”称号的3件产品``: a count after the programme, described by the clause — of products and
brands only (``荣获某奖的3家企业是：…`` names its firms in a list read by the rules of winners' lists), not
a part (``的3件产品中``) nor a count a colon's list follows."""
RTYPE_KIND = {"商标": Kind.TRADEMARK, "地理标志": Kind.GEOGRAPHICAL_INDICATION, "企业": Kind.ENTERPRISE,
              "公司": Kind.ENTERPRISE, "品牌": Kind.BRAND, "产品": Kind.BRAND}
UNIT_NAME = {"家": "Jia", "件": "Jian", "项": "Xiang", "个": "Ge", "名": "Ming", "位": "Wei", "款": "Jian", "种": "Zhong", "所": "Suo"}
VERB_LEAD_RE = re.compile(r"(?:区域公用品牌|区域品牌)?(?:等地|等)?(?:于|在)?(?:\d{4}年度?|去年|今年|前年|上年|近日|日前)?(?:已|曾|先后|成功|均|也|还|再次|正式|分别|曾经|同时)*$")
GENERIC_STEM_RE = re.compile(
    r"(?:的)?(?:又一|这一|此项|这项|一项)?(?:[\u4e00-\u9fff]{1,4}(?:领域|方面|行业|类))?(?:国家级|国家|省部级|省级|市级|县级|各级|各类|相关|有关|多项|各项|重要|重大)?(?:重点)?(?:项目|企业|产品)?(?:一等|二等|三等|特等)?")
"""A kind of award, no programme: 省级奖, 科技领域国家级奖, a rank alone (一等奖), 获得的又一殊荣 (an honour in general)."""
MID_COUNT_RE = re.compile(r"(?:等|(?<=[司位院所队厂心组]))(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>家|个|名|位|项)(?P<rtype>企业|单位|组织|公司|品牌|产品|个人|集体|班组)(?=和|及|以及)")
"""``甲等9家组织和某某``: the count of the organisations, a person named after it."""
TAIL_COUNT_RE = re.compile(r"(?:等|(?<=[司位院所队厂心]))(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>家|个|名|位|项)(?P<rtype>企业|单位|组织|公司|品牌|产品|个人|集体|班组)$")
IN_LIST_RE = re.compile(r"在(?P<year>\d{4}年度?)?(?P<name>[^，,。；;\s]{2,30}?(?:名录|名单|培育库))中")
POOL_RE = re.compile(r"入库(?P<prog>[^\d，,。；;:、：\s]{2,16}?)(?P<num>\d+)(?P<unit>家|个|项)")


RELATIVE_HOLDERS_RE = re.compile(r"[”\"]?(?:称号|荣誉)?的(?:[\u4e00-\u9fff]{0,4}?)(?:企业|单位|组织|公司|个人|集体|品牌|产品)")
"""``获得某奖的企业``: the verb is a relative clause of the holders named after it."""


def _norm(name: str) -> str:
    return name.replace("(", "（").replace(")", "）")


def programme_name(text: str) -> tuple[str, str | None, int | None]:
    """``2015—2016年度许昌市第三届市长质量奖`` → (许昌市市长质量奖, "2015-2016", 3)."""
    year = batch = None
    m = YEAR_RE.match(text)
    if m:
        year = re.sub(r"\s*[—–\-~至]+\s*", "-", m.group("year"))
        text = text[m.end():]
    o = ORDINAL_IN_NAME_RE.search(text)
    if o:
        n = o.group("n") or "1"  # 某县首届县长质量奖: the first
        batch = int(n) if n.isdigit() else parse_chinese_numeral(n)
        text = text[:o.start()] + text[o.end():]
    # 市长质量奖（组织类）: the category stays in the name, as the text writes it (a grade, like 个人奖 or 银奖)
    aside = re.search(r"[（(](?P<a>[^（）()]{3,20}奖)[)）]$", text)
    if aside is not None and len(text) - len(aside.group()) >= 2 and not text[:aside.start()].endswith("奖"):
        text = text[:aside.start()]  # 中国杰出质量人（全国质量奖个人奖）: the title, the award it is given as aside
    return text, year, batch


def _kind_of_name(name: str) -> Kind:
    if name.endswith(("认证", "认定")):
        return Kind.CERTIFICATION_SCHEME
    if "培育" in name or name.endswith("库"):
        return Kind.CULTIVATION_POOL
    if name.endswith("名录") and ("商标" in name or "地理标志" in name):
        return Kind.PROTECTION_LIST
    return Kind.HONOUR


PLAN_PERIOD_RE = re.compile(r"十[一二三四五六七八九]?五")
"""``十四五``, ``十五``: a five-year plan's period, quoted in reports, never a name of its own."""


LEADING_COUNT_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:个|项|件)(?=\d{4}年|[“\"「]|首[批届]|第[一二三四五六七八九十\d]+[批届])")
"""A count of the items won written between the verb and the programme's year, quote or batch."""


def _programme(ctx: Ctx, start: int, limit: int) -> tuple[Ref, int, str | None, int | None, bool] | None:
    """Parse ``[year][batch]NAME list-word`` from ``start``; returns (programme, end, year, batch, certification)."""
    got = _programme_name_at(ctx, start, limit)
    if got is None:
        return None
    ref, end, year, batch, cert = got
    at = next((e.span.start for e in ctx.ending_at(end) if e.ref == ref), max(start, end - len(ref.name)))
    ref, end = _bracketed_category(ctx, ref, at, end, limit)
    return ref, end, year, batch, cert


def _programme_name_at(ctx: Ctx, start: int, limit: int) -> tuple[Ref, int, str | None, int | None, bool] | None:
    text = ctx.text[start:limit]
    year = batch = glued = None
    pos = _publisher_end(ctx, start, limit)
    own = next((w for w in own_place_words(ctx.lex) if text.startswith(w, pos)), None)
    if own is not None and re.match(r"\d|首|第|[省市县区]长|[省市县区]?政府", text[pos + len(own):]):
        pos += len(own)  # 荣获我市2015年度市长质量奖: the report's own place, elided like 市 in 市长质量奖
    if (counted := LEADING_COUNT_RE.match(text, pos)) is not None:
        pos = counted.end()  # 获得6个2022年度某奖项目奖: the count of the items won, no part of the name
    for _ in range(2):
        if (m := YEAR_RE.match(text, pos)) is not None:
            year = re.sub(r"\s*[—–\-~至]+\s*", "-", m.group("year"))
            glued = year if m.group() == m.group("year") else glued  # 2023某某百强榜: no 年 after the year
            pos = m.end()
        if (m := BATCH_RE.match(text, pos)) is not None:
            raw = m.group("batch") or "1"  # 首批, 首届
            batch = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
            pos = m.end()
    rest = text[pos:]
    particle = next((w for w in ctx.lex.words("verb_particles.txt") if rest.startswith(w)), None)
    if particle is not None and (rest[len(particle):len(particle) + 1] in "“\"「" or re.match(
            r"[^，,。；;“”]{2,30}?(?:奖|称号|名单|名录)", rest[len(particle):])) and not rest.startswith(("了解", "过程")):
        pos += len(particle)  # 获得了“县长质量奖”, 获得了某奖: the particle after the verb is no part of the name
        rest = text[pos:]
    placed = _place_before_quote(ctx, start + pos, rest)
    if placed is not None:  # 荣获某县“2017年度质量管理先进单位”: the place's title
        pos += placed[0]
        rest = text[pos:]
    closer = {"“": "”", '"': '"', "「": "」"}.get(rest[:1])
    if closer and (close := rest.find(closer, 1, 40)) > 1 and not any(
        rest.startswith(w, close + 1) for w in LIST_WORDS
    ):
        if PLAN_PERIOD_RE.fullmatch(rest[1:close]):
            return None  # 完成某市“十四五”…培育目标: a five-year plan's period, no programme
        inner, y2, b2 = programme_name(rest[1:close])
        inner = placed_name(ctx, inner)
        if placed is not None and not inner.startswith(placed[1][:2]):
            inner = placed[1] + inner
        year, batch = year or y2, batch or b2
        known = ctx.lex.programmes.get(_norm(inner))
        ref = Ref(known.kind, known.name) if known else Ref(_kind_of_name(inner), inner)
        if not ctx.has_ref(ref):
            ctx.add(ref.kind, ref.name, start + pos + 1, start + pos + close,
                    level=known.level if known else _level(ctx, inner))
        ctx.claim(start + pos, start + pos + close + 1)
        return ref, start + pos + close + 1, year, batch, False
    issued = re.match(r"[^，,。；;《》]{0,20}?(?:发布|公布|印发|评选)的《", rest)
    at = start + pos + (issued.end() if issued else 0)  # 入选某局发布的《某某推广清单》: the list in the title
    known_here = next((e for e in ctx.entities_in(at, at + 40)
                       if e.kind.is_programme and e.span.start == at), None)
    if known_here is not None:
        _, y2, b2 = programme_name(known_here.span.text)  # 黄石市第八届市长质量奖: the edition inside the name
        return (known_here.ref, known_here.span.end, year or y2, batch or b2,
                known_here.kind is Kind.CERTIFICATION_SCHEME)
    word_at = None
    for i in range(1, min(len(rest), 40) + 1):
        if rest[i - 1] in CLAUSE_BREAK:
            break
        w = next((w for w in LIST_WORDS if rest.startswith(w, i)
                  and not (w == "示范企业" and rest.count("“", 0, i) > rest.count("”", 0, i))  # inside a quote
                  and not (w == "奖" and rest[i + 1:i + 2] in "励金补惩牌状章项")
                  and not (w == "榜" and rest[i + 1:i + 2] in "样首")), None)  # 百强榜, not 榜样 or 榜首
        if w is not None:
            word_at = (i, w)
            break
    if word_at is None:
        return None
    i, w = word_at
    if w.endswith("奖") and (sub := next((re.match(re.escape(g), rest[i + len(w):]) for g in grade_words(ctx.lex)
                                          if rest.startswith(g, i + len(w))), None)) is not None:
        w += sub.group()  # …市长质量奖提名奖: the nomination award is a programme of its own
    elif w.endswith("奖") and (cat := next((c for c in ctx.lex.words("award_categories.txt")
                                           if rest.startswith(c, i + len(w))), None)) is not None \
            and re.match(r"$|[，,。；;！!]|称号|荣誉", rest[i + len(w) + len(cat):]):
        w += cat  # 被评为某质量金奖个人: the award's category closing the clause, as written (no 奖 after it)
    q = max(rest.rfind("“", 1, i), rest.rfind('"', 1, i))
    if q > 0 and rest[i - 1] in "”\"":  # 对通过评估的项目将授予“长三角质量提升示范”称号: the name is the quote
        pos += q
        rest = rest[q:]
        i -= q
    opened = max(rest.rfind("“", 1, i), rest.rfind("「", 1, i))
    quoted_start = False
    if opened > 0 and "”" not in rest[opened:i] and "」" not in rest[opened:i] \
            and (_level(ctx, rest[:opened]) is None or re.search(r"[^\u4e00-\u9fff]", rest[:opened])):
        # 对通过评审的企业授予“县长质量奖”奖牌: the words before the open quote are the sentence's, the name
        # starts at the quote (a place or level before it stays: 某市“十佳…”; not with marks no name has:
        # 获评全省**“某奖”, a word masked by the page)
        pos += opened
        rest = rest[opened:]
        i -= opened
        quoted_start = True
    stem, y2, b2 = programme_name(re.sub(r"[“”\"「」]", "", rest[:i]))
    if quoted_start and w.endswith("奖"):
        stem = placed_name(ctx, stem + w)[:-len(w)]
    year, batch = year or y2, batch or b2
    if stem in back_reference_words(ctx.lex, "alone"):  # 获得该奖: the programme named last before
        prior = [e for e in ctx.entities if e.kind.is_programme and e.span.end <= start + pos]
        if not prior:
            return None
        named = max(prior, key=lambda e: e.span.start)
        abs_start, abs_end = start + pos, start + pos + i + len(w)
        ctx.add(named.kind, named.name, abs_start, abs_end, aliases=(ctx.text[abs_start:abs_end],), level=named.level)
        ctx.claim(abs_start, abs_end)
        return named.ref, abs_end, year, batch, w in ("认证", "高端认证", "认定")
    if not stem or GENERIC_STEM_RE.fullmatch(stem):
        return None  # 科技领域国家级奖, 省级奖: a kind of award, no programme
    if w == "示范企业" and (len(stem) < 3 or re.search(r"[的和与及、等\d]", stem)):
        return None  # 入选的8家示范企业, 通过甲验收和乙示范企业: described, no title named
    if rest[:1] not in "“\"「" and sum(part.startswith(ctx.lex.words("doing_list_verbs.txt"))
                                       for part in stem.split("、")) >= 2:
        return None  # 通过摆放展板、发放资料、开展有奖竞答: a list of doings, no programme's name
    if w in ("名单", "榜单") and stem in ctx.lex.words("list_status_words.txt"):
        return None  # 进入公示名单: a list's stage (list_status_words.txt), no programme
    if w in ("名单", "榜单") and (stage := next((x for x in ctx.lex.words("list_status_words.txt", longest_first=True)
                                                 if stem.endswith(x) and len(stem) - len(x) >= 4), None)):
        stem = stem[:-len(stage)]  # 入选某绿色工厂公示名单: the programme, its list at a stage
    back = back_reference(ctx.lex, stem, w)
    if back is not None:  # 本届质量奖, 另有3家企业获提名奖: the award named before (or its grade), else none
        abs_start = start + pos + (1 if rest[:1] in "“\"「" else 0)
        resolved = resolve_back_reference(ctx, back, abs_start, start + pos + i + len(w))
        if resolved is None:
            return None
        if not ctx.has_ref(resolved):
            ctx.add(resolved.kind, resolved.name, abs_start, start + pos + i + len(w), level=_level(ctx, resolved.name))
        ctx.claim(abs_start, start + pos + i + len(w))
        return resolved, start + pos + i + len(w), year, batch, False
    known = ctx.lex.programmes.get(_norm(stem)) or ctx.lex.programmes.get(_norm(stem + w))
    if known is None and stem.startswith("国家") and (national := ctx.lex.programmes.get(_norm(stem[2:]))) is not None \
            and national.level is Level.NATIONAL:
        known = national  # 通过国家两化融合管理体系贯标认证: the national scheme the lexicon knows, 国家 its level
    if known is None and w == "殊荣" and rest[:1] not in "“\"「":
        return None  # 获得特色农业商标品牌殊荣: a kind of honour described, none named (获此殊荣 is read above)
    cert = w in ("认证", "高端认证", "认定")
    if known is not None:
        ref = Ref(known.kind, known.name)
        level = known.level
    else:
        if w in ("名录",) and ("商标" in stem or "地理标志" in stem):
            kind, name = Kind.PROTECTION_LIST, stem + w
        elif w.endswith("库") or "培育" in stem + w:
            kind, name = Kind.CULTIVATION_POOL, stem + w
        elif w.endswith("奖"):
            kind, name = Kind.HONOUR, placed_name(ctx, stem + w)  # 获得市长质量奖金奖: the report's city's
        elif cert:
            kind, name = Kind.CERTIFICATION_SCHEME, stem
        else:
            if w in ("名单", "榜单") and stem.endswith(builds := ctx.lex.words("list_build_endings.txt")):
                stem = stem[:-len(next(b for b in builds if stem.endswith(b)))]  # 某示范区建设名单: the 示范区
            kind, name = Kind.HONOUR, stem if rest[:1] in "“\"「" or w in ("称号", "荣誉") and len(stem) >= 4 and not re.search("[、等]", stem) or (
                w in ("名单", "榜单") and not is_sanction(ctx, stem + w)
                and not stem.endswith(ctx.lex.words("list_act_endings.txt"))) else stem + w
            # 入选第二批某省区域公用品牌名单: the programme is the list's name (a 黑名单 stays whole, to be dropped)
            if w == "榜" and glued:
                name = glued + name  # 2023某某品牌价值百强榜: a ranking's year glued to it is part of its title
            name = granted_title_name(ctx, name, start + pos)  # 县政府…授予…“质量管理先进单位”: the county's
        ref = Ref(kind, name)
        level = _level(ctx, stem)
    abs_start = start + pos + (1 if rest[:1] in "“\"「" else 0)
    abs_end = start + pos + i + len(w)
    ctx.drop_organizations_within(abs_start, abs_end)
    if not ctx.has_ref(ref):
        ctx.add(ref.kind, ref.name, abs_start, start + pos + i - (1 if rest[i - 1:i] in "”\"」" else 0), level=level)
    ctx.claim(abs_start, abs_end)
    return ref, abs_end, year, batch, cert


SCOPED_COUNT_RE = re.compile(r"(?P<scope>全国|全省|全市|全区|全县)(?P<batch>首批|第[一二三四五六七八九十\d]+批)?"
                             r"(?:(?:\d+|[一二两三四五六七八九十]+)(?:个|家|项|件|名))?")


def _scoped_short_programme(ctx: Ctx, start: int, limit: int) -> tuple[Ref, int, str | None, int | None, bool] | None:
    """``甲区、乙区入选全省首批8个质量强县（市、区）``: after a scope word (全省), a batch and the count of the
    title's holders, the title written without the place it belongs to is the programme named before in
    full with a place (``某省质量强县（市、区）``) — only when exactly one such programme is named and its place
    is the scope's level (a province's title after 全省)."""
    m = SCOPED_COUNT_RE.match(ctx.text, start, limit)
    if m is None:
        return None
    level = {"全国": "country", "全省": "province", "全市": "prefecture", "全区": "county", "全县": "county"}[m.group("scope")]
    rest = ctx.text[m.end():limit]
    found = []
    for e in ctx.entities:
        if not e.kind.is_programme or e.span.start >= start:
            continue
        place = next((ctx.resolve_place(e.name[:n]) for n in range(min(8, len(e.name) - 2), 1, -1)
                      if ctx.resolve_place(e.name[:n]) is not None), None)
        if place is None or place.level != level:
            continue
        n = next(n for n in range(min(8, len(e.name) - 2), 1, -1) if ctx.resolve_place(e.name[:n]) is not None)
        tail = e.name[n:]
        if len(tail) >= 3 and rest.startswith(tail) and (e.ref, len(tail)) not in found:
            found.append((e.ref, len(tail)))
    longest = [f for f in found if f[1] == max((g[1] for g in found), default=0)]
    if len(longest) != 1:  # (某省质量强县 beside 某省质量强县（市、区）: the longest the text writes)
        return None
    ref, tail_len = longest[0]
    end = m.end() + tail_len
    if is_han(ctx.text[end:end + 1]) and not ctx.text.startswith(LIST_WORDS, end):
        return None  # 质量强县工作: more words of a longer name
    raw = m.group("batch")
    batch = (1 if raw == "首批" else (int(raw[1:-1]) if raw[1:-1].isdigit() else parse_chinese_numeral(raw[1:-1]))) if raw else None
    return ref, end, None, batch, False


def _place_before_quote(ctx: Ctx, at: int, rest: str) -> tuple[int, str] | None:
    """A county's, city's or district's name written right before a quoted title (``叶县“质量管理先进单位”``):
    (its length, the place's full name) — the title is that place's."""
    m = re.match(r"[\u4e00-\u9fff]{2,8}?(?=[“\"])", rest)
    if m is None:
        return None
    found = place_ending_at(ctx, at + m.end(), min_start=at)
    if found is None or found[0] != at or found[1].level not in ("prefecture", "county"):
        return None
    return m.end(), found[1].name


def _publisher_end(ctx: Ctx, start: int, limit: int) -> int:
    """``列入国家知识产权局第一批某名录``: a government body or department written before the list's batch or year
    publishes the list and is no part of its name — the offset where the name's batch or year starts, else 0."""
    org = next((e for e in ctx.entities_in(start, limit) if e.span.start == start
                and e.kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY)), None)
    if org is None:
        return 0
    after = ctx.text[org.span.end:limit]
    return org.span.end - start if BATCH_RE.match(after) or re.match(r"\d{4}年", after) else 0


def _level(ctx: Ctx, stem: str) -> Level | None:
    if stem.startswith(("国家", "全国", "中国")):
        return Level.NATIONAL
    if stem.startswith(("全省", "省")):
        return Level.PROVINCIAL
    for length in range(min(8, len(stem)), 1, -1):
        info = ctx.resolve_place(stem[:length])
        if info is not None:
            return info.admin_level
    return None


def _pending(ctx: Ctx) -> dict[int, tuple[Ref, int, str | None]]:
    """``在2025年度山东省重点商标保护名录中，…入选``: the list named before the verb, by sentence."""
    out: dict[int, tuple[Ref, int, str | None]] = {}
    for m in IN_LIST_RE.finditer(ctx.text):
        sent = ctx.sentence_of(m.start())
        if sent is None:
            continue
        name = m.group("name")
        kind = Kind.PROTECTION_LIST if "商标" in name or "地理标志" in name else (
            Kind.CULTIVATION_POOL if "培育" in name else Kind.HONOUR)
        if kind is Kind.HONOUR and name.endswith("名单") and len(name) > 4:
            name = name[:-2]  # 在某名品成长企业名单中: the programme is the list's name
        full = (m.group("year") or "") + name
        start = m.start("year") if m.group("year") else m.start("name")
        ent = ctx.add(kind, full, start, m.end("name"), level=_level(ctx, name))
        ctx.claim(start, m.end("name"))
        year = m.group("year")
        out[sent.index] = (ent.ref, m.end(), YEAR_RE.match(year).group("year") if year else None)
    return out


def find_listings(ctx: Ctx) -> None:
    find_geographical_indications(ctx)
    pending = _pending(ctx)
    verb_listings = len(ctx.listings)
    deferred: list[re.Match[str]] = []

    def read_verb(v: re.Match[str], later: list[re.Match[str]] | None) -> None:
        sent = ctx.sentence_of(v.start())
        limit = sent.span.end if sent else len(ctx.text)
        means = re.match(r"[“\"][^“”\"]{1,40}[”\"]", ctx.text[v.end():limit]) if v.group().endswith("通过") else None
        if means and not ctx.text.startswith(LIST_WORDS + tuple(ctx.lex.words("passed_check_words.txt")),
                                             v.end() + means.end()):
            return  # 通过“培训+调研”帮助企业: the means of something, no programme passed
        parsed = _programme(ctx, v.end(), limit)
        if parsed is None:
            parsed = _scoped_short_programme(ctx, v.end(), limit)
        at_end = ctx.text[v.end():v.end() + 1] in "。，,；;!！"
        if parsed is None and sent is not None and at_end:
            if sent.index in pending:
                ref, _, year = pending[sent.index]
                parsed = (ref, v.end(), year, None, False)
            else:
                earlier = [e for e in ctx.entities_in(sent.span.start, v.start()) if e.kind.is_programme]
                if earlier:
                    parsed = (earlier[-1].ref, v.end(), None, None, False)
                elif (named := list_named_before(ctx, sent)) is not None and "、" in ctx.text[sent.span.start:v.start()]:
                    parsed = (named, v.end(), None, None, False)  # only with names listed: a bare count stays a figure
                elif later is not None:
                    later.append(v)  # 为5家企业颁发了“某奖”，其中甲、乙榜上有名: the grant read below names the award
                    return
        if parsed is None:
            return
        prog, end, year, batch, cert = parsed
        if ctx.text.startswith(tuple(ctx.lex.words("candidate_tails.txt")), end + (ctx.text[end:end + 1] in "”\"")):
            return  # 被确定为某示范城市创建城市: a candidate building towards the title, no holder
        if v.group().endswith(ctx.lex.words("shortlist_verbs.txt")) and "奖" in prog.name:
            return  # 8家企业入围某市市长质量奖: candidates on a shortlist, no winners and no count of the award
        rel = RELATIVE_COUNT_RE.match(ctx.text, end)
        if rel is not None:  # 为2014年获得“某名牌”称号的3件产品颁发…: the count the clause describes
            said = re.search(r"(\d{4})年度?$", ctx.text[max(0, v.start() - 6):v.start()])
            _count_listing(ctx, rel, 0, prog, rel.end(), year or (said.group(1) if said else None), batch, cert)
            if said is not None and ctx.observations and ctx.observations[-1].subject == prog:
                ctx.observations[-1] = replace(ctx.observations[-1], period_words=said.group())  # the year written
            return
        clause_start = ctx.last_of(CLAUSE_BREAK, 0, v.start()) + 1
        if ctx.text[end:end + 1] == "的" and sent is not None:
            _cut_names_across(ctx, end + 1, sent.span.start, limit)  # 获得某奖的甲公司: the award and 的 are no part of it
            if any(e.span.start == end + 1 and e.kind.is_organization for e in ctx.entities_in(end + 1, limit)):
                return  # 获得某奖的甲公司、获得提名奖的乙公司…: the firm after 的 is the holder (read with the
                # relative clauses below), not a name before the verb
        left = ctx.text[clause_start:v.start()]
        counts = [c for c in COUNT_RE.finditer(left) if VERB_RE.search(left, c.end("unit")) is None
                  and not (left[:c.start()].endswith("的") and VERB_RE.search(left, 0, c.start()))
                  and not _relative_count(left, c.start("num"))]
        # 获得甲称号的3件产品和获得乙称号的…: a count after 的 is described by the verb before it, not this one
        # 14家企业获得区长质量奖、16家企业获得…提名奖: a count before an earlier verb is that verb's
        if not counts and not left.strip() and sent is not None and clause_start > sent.span.start:
            counts, clause_start = _first_clause_counts(ctx, sent, clause_start)
        if counts:
            for c in counts:
                _count_listing(ctx, c, clause_start, prog, end, year, batch, cert)
            tail = clause_start + counts[-1].end()
            tail += len(re.match(r"[和及与、]*", ctx.text[tail:v.start()]).group())
            named = _recipients(ctx, tail, v.start(), people=True) if tail < v.start() else []
            if named:  # 甲、乙等4家组织和某公司总工程师某某获…: a person named after the count
                ctx.listings.append(Listing(prog, tuple(named), ctx.span(tail, end), year=year, batch=batch,
                                            certification=cert))
            return
        if _uncounted_listing(ctx, clause_start, v.start(), prog, end, year, batch, cert):
            return
        named_after = re.match(r"的[^，,。:：；;]{0,6}?(?:分别)?(?:是|为|有)[:：]?", ctx.text[end:limit])
        if not named_after and RELATIVE_HOLDERS_RE.match(ctx.text, end):
            return  # 某市获得某奖的企业达到3家: the verb describes the firms, not the place before it
        recipients = _recipients(ctx, clause_start, v.start())
        if not recipients:  # 甲公司质量部部长王某荣获某奖提名奖: the person holding a post, subject of the verb
            firm_before = any(e.kind is Kind.ENTERPRISE for e in ctx.entities_in(clause_start, v.start()))
            recipients = [r for r in _recipients(ctx, clause_start, v.start(), people=True)
                          if r.kind is Kind.PERSON and any(p.person == r and (
                              p.organization.kind is Kind.ENTERPRISE if p.organization is not None else firm_before)
                              for p in ctx.posts)][:1]
            # (a firm's post only: an official named before the verb is no winner the text can be sure of)
        if not recipients and named_after:  # 获得第八届泰州市政府质量奖的企业分别是:A、B
            lo = end + named_after.end()
            named = ctx.entities_in(lo, limit)
            people = {e.ref for e in named if e.kind is Kind.PERSON}
            held = {p.person: p.organization for p in ctx.posts if p.person in people and p.organization is not None}
            employers = employers_of_winners(ctx, lo, limit) | set(held.values())
            recipients = [e.ref for e in named if (e.kind.is_organization and e.ref not in employers)
                          or (e.ref in held and e.kind is Kind.PERSON)]
            # …3家企业，甲公司董事长、总裁王某2名个人: the person wins, the employer is only theirs
            recipients = list(dict.fromkeys(recipients))
        if not recipients and left.rstrip().endswith("、"):  # 某公司主导制定国家标准9项、入选“领跑者”标准6项
            recipients = sentence_head_firm(ctx, clause_start, v.start())
        if not recipients and sent is not None and clause_start > sent.span.start and VERB_LEAD_RE.fullmatch(left.strip()):
            seg = max(sent.span.start, ctx.last_of("；;", sent.span.start, clause_start) + 1)
            recipients = sentence_head_firm(ctx, seg, clause_start)
        if not recipients and sent is not None and clause_start > sent.span.start and VERB_LEAD_RE.fullmatch(left.strip()):
            recipients = _before_means(ctx, clause_start)  # 甲公司、乙公司凭借…，荣获某奖: the firms before the means
        if not recipients:  # “甲西瓜”地理标志商标以高品质荣获“某奖”: the mark the clause opens with
            recipients = _opening_mark(ctx, clause_start, v.start())
        if recipients:
            ctx.listings.append(Listing(prog, tuple(recipients), ctx.span(clause_start, end),
                                        year=year, batch=batch, certification=cert))

    for v in VERB_RE.finditer(ctx.text):
        read_verb(v, deferred)
    _programme_lists(ctx, verb_listings)
    _named_title_counts(ctx)
    _respectively(ctx, verb_listings)
    grants = sorted([*GRANT_RE.finditer(ctx.text), *GRANT_TO_RE.finditer(ctx.text)], key=lambda g: g.start())
    grants += [m for m in naming_re(ctx.lex).finditer(ctx.text)
               if not any(m.start() <= g.start() < m.start("who") for g in grants)]
    grants += _elided_grants(ctx, grants)
    grants.sort(key=lambda g: g.start())
    for g in grants:
        sent = ctx.sentence_of(g.start())
        limit = sent.span.end if sent else len(ctx.text)
        parsed = _programme(ctx, g.end(), limit)
        if parsed is None:
            continue
        prog, end, year, batch, cert = parsed
        if ctx.text[g.start():g.start() + 1] in "向为" and sent is not None:
            _cut_names_across(ctx, g.start("who"), sent.span.start, g.end("who"))  # 副省长某某向甲公司颁发
        asides = [(b.start() + g.start("who"), b.end() + g.start("who"))
                  for b in re.finditer(r"[（(][^（）()]*[)）]", g.group("who"))]
        who = [e.ref for e in ctx.entities_in(g.start("who"), g.end("who"))
               if (e.kind.is_organization or e.kind in (Kind.PLACE, Kind.PERSON))
               and not any(a <= e.span.start and e.span.end <= b for a, b in asides)]
        # 授予甲公司（某商会副会长单位）、乙公司…: the organisation named in brackets is the winner's aside
        employers = employers_of_winners(ctx, g.start("who"), g.end("who"))
        who = [r for r in who if r not in employers]
        who = unnamed_recipients(ctx, g.start("who"), g.end("who"), who)
        if not who and "个人" in prog.name:
            who = _named_persons(ctx, g.start("who"), g.end("who"))  # 授予王某“某奖（个人类）”: the person
        counted = COUNT_RE.fullmatch(g.group("who"))
        owned = re.sub(r"的[\u4e00-\u9fff]{1,3}$", "", g.group("who"))  # 等32个企业的字号: the count of the firms
        tail = TAIL_COUNT_RE.search(owned) or MID_COUNT_RE.search(g.group("who"))
        mid = MID_COUNT_RE.search(g.group("who"))
        if who and mid:
            # 甲、乙等2个单位和某医院张某某等1名个人 (or 和张某某): each count checks its own part of the winners
            parts = ((g.start("who"), g.start("who") + mid.start(), mid),
                     (g.start("who") + mid.end(), g.end("who"), tail if tail is not mid else None))
            won, unsure = [], False
            for lo, hi, c in parts:
                part = [r for r in who if any(e.ref == r for e in ctx.entities_in(lo, hi))]
                n = int(parse_number(NUMBER_RE.match(c.group("num"))).value) if c is not None else None
                part, doubtful = agree(part, n)
                won, unsure = won + part, unsure or doubtful
                if c is None:
                    continue
                s = g.start("who") + c.start("num")
                _observe(ctx, prog, c.group("rtype"), n, UNIT_NAME[c.group("unit")], s, end, None, tuple(part),
                         year=year)
                ctx.claim(s, g.start("who") + c.end())
            if won:  # one listing of the grant; its two counts are the figures'
                ctx.listings.append(Listing(prog, tuple(won), ctx.span(g.start(), end), year=year, batch=batch,
                                            certification=cert, confidence=DOUBTFUL if unsure else None))
            continue
        if not who and counted:
            _count_listing(ctx, counted, g.start("who"), prog, end, year, batch, cert)
        elif who:
            count = parse_number(NUMBER_RE.match(tail.group("num"))) if tail else None
            who, doubtful = agree(who, int(count.value) if count else None)
            ctx.listings.append(Listing(prog, tuple(who), ctx.span(g.start(), end), year=year, batch=batch,
                                        certification=cert, count=int(count.value) if count else None,
                                        recipient_type=tail.group("rtype") if tail else None,
                                        confidence=DOUBTFUL if doubtful else None))
            if count is not None:  # 授予A、B等2家企业…: the count is the programme's, not the place's
                s = g.start("who") + tail.start("num")
                _observe(ctx, prog, tail.group("rtype"), count.value, UNIT_NAME[tail.group("unit")], s, end,
                         count.qualifier, tuple(who), year=year)
                ctx.claim(s, g.end("who"))
    for v in deferred:  # a verb ending its clause, the award named earlier in the sentence by a grant
        read_verb(v, None)
    _handed_over(ctx)
    _handed_to(ctx)
    for m in POOL_RE.finditer(ctx.text):
        known = ctx.lex.programmes.get(m.group("prog"))
        if known is None:
            continue
        ref = Ref(known.kind, known.name)
        ctx.add(ref.kind, ref.name, m.start("prog"), m.end("prog"), level=known.level)
        tok = parse_number(NUMBER_RE.match(m.group("num")))
        ctx.listings.append(Listing(ref, (), ctx.span(m.start(), m.end()), count=int(tok.value),
                                    recipient_type=m.group("prog")))
        _observe(ctx, ref, m.group("prog"), tok.value, UNIT_NAME[m.group("unit")], m.start("num"), m.end(), None, (),
                 measure=m.group("prog"))
        ctx.claim(m.start(), m.end())


HANDED_RE = re.compile(r"为(?:获得|荣获|获评|获)(?=[^，,。；;]{2,60}?的)")


def _handed_over(ctx: Ctx) -> None:
    """``为获得第五届某市市长质量奖的甲公司和乙公司颁奖``: a ceremony hands the award named after 为获得 over to the
    organisations between its 的 and a verb of handing over (``data/lexicon/handing_over_verbs.txt``)."""
    verbs = ctx.lex.words("handing_over_verbs.txt", longest_first=True)
    for m in HANDED_RE.finditer(ctx.text):
        sent = ctx.sentence_of(m.start())
        limit = sent.span.end if sent else len(ctx.text)
        kept, claims = list(ctx.entities), list(ctx._claims)
        parsed = _programme(ctx, m.end(), limit)
        if parsed is not None and ctx.text[parsed[1]:parsed[1] + 1] != "的":
            de = ctx.text.find("的", parsed[1], parsed[1] + len(parsed[0].name) + 2)
            # the award read before, its span short of its 奖 (中国质量奖｜提名奖的)
            if de != -1 and parsed[0].name.endswith(ctx.text[parsed[1]:de]):
                parsed = (parsed[0], de, *parsed[2:])
        if parsed is None or ctx.text[parsed[1]:parsed[1] + 1] != "的":
            ctx.replace_entities(kept)
            ctx.restore_claims(claims)
            continue
        prog, end, year, batch, cert = parsed
        clause_end = ctx.first_of("，,。；;", end, limit)
        clause_end = clause_end if clause_end != -1 else limit
        verb = min((i for i in (ctx.text.find(v, end, clause_end) for v in verbs) if i != -1), default=-1)
        if verb == -1:
            continue
        other = re.compile(r"[和及与、，,](?:获得|荣获|获评)").search(ctx.text, end + 1, verb)
        if other is not None:  # 为获得甲奖的A和获得提名奖的B颁奖: A alone won the first award
            verb = other.start()
        _cut_names_across(ctx, end + 1, m.start(), verb)  # 某奖的甲公司: the award and 的 are no part of the name
        who = [e.ref for e in ctx.entities_in(end + 1, verb) if e.kind.is_organization or e.kind is Kind.PERSON]
        if who and not any(x.programme == prog and set(who) <= set(x.recipients) for x in ctx.listings):
            ctx.listings.append(Listing(prog, tuple(who), ctx.span(m.start(), verb), year=year, batch=batch,
                                        certification=cert))


BRACKETED_CATEGORY_RE = re.compile(r"[（(](?P<cat>[\u4e00-\u9fff]{1,4})[)）]")


def _bracketed_category(ctx: Ctx, ref: Ref, start: int, end: int, limit: int) -> tuple[Ref, int]:
    """``某市市长质量奖（组织）提名奖``, ``某市市长质量奖（个人）``: an award's category written in brackets after
    its name (``data/lexicon/award_categories.txt``, or a word ending in 类), and a grade after it, belong to
    the programme's name as the text writes them — the winners of ``（组织）提名奖`` are no winners of the award."""
    if not ref.name.endswith("奖"):
        return ref, end
    m = BRACKETED_CATEGORY_RE.match(ctx.text, end, limit)
    if m is None or not (m.group("cat") in ctx.lex.words("award_categories.txt") or m.group("cat").endswith("类")):
        return ref, end
    new_end = m.end()
    grade = next((g for g in grade_words(ctx.lex) if ctx.text.startswith(g, new_end)), None)
    if grade is not None:
        new_end += len(grade)
    name = ref.name + "（" + m.group("cat") + "）" + (grade or "")
    new = Ref(ref.kind, name)
    if not ctx.has_ref(new):
        ctx.add(ref.kind, name, start, new_end)
    ctx.claim(end, new_end)
    return new, new_end


def _named_persons(ctx: Ctx, lo: int, hi: int) -> list[Ref]:
    """The winners of a personal award or category written as bare names (``王某明、李某``): each item two or three
    characters opening with a surname; any other item and nothing is read."""
    items, pos = [], lo
    for part in ctx.text[lo:hi].split("、"):
        if not (re.fullmatch(r"[\u4e00-\u9fff]{2,3}", part) and part[0] in ctx.lex.surnames) \
                or any(w in part for w in ctx.lex.words("non_person_nouns.txt")):
            return []  # 全市, 高校: common nouns opening with a surname's character
        items.append((pos, pos + len(part)))
        pos += len(part) + 1
    out = []
    for s, e in items:
        known = next((x for x in ctx.entities_in(s, e) if x.kind is Kind.PERSON and x.span.start == s
                      and x.span.end == e), None)
        if known is None and ctx.overlaps_claim(s, e):
            return []
        out.append(known.ref if known is not None else ctx.add(Kind.PERSON, ctx.text[s:e], s, e).ref)
    return out


def _relative_count(left: str, at: int) -> bool:
    """``对获得某奖的甲公司等3家企业和获得某称号的王某等10人进行表彰``: a count after the firms a relative clause of
    winning describes (a verb of winning, then 的, then the names) is that clause's, not the next verb's."""
    verb = None
    for verb in VERB_RE.finditer(left, 0, at):
        pass
    return verb is not None and "的" in left[verb.end():at] and not re.search(r"[，,；;]", left[verb.end():at])


def _handed_elsewhere(ctx: Ctx, award: Entity, pos: int) -> bool:
    """``某某为获得甲奖的甲公司颁奖，某某为乙公司颁奖``: an award named in a clause of its own (after 为获得, or with
    its winners already read in a clause before ``pos``) is that clause's — a later 为…颁奖 does not hand it over."""
    if any(HANDED_RE.match(ctx.text, award.span.start - k) for k in (2, 3) if award.span.start >= k):
        return True
    return any(x.programme == award.ref and x.span.start <= award.span.start and x.span.end <= pos
               and x.recipients for x in ctx.listings)


def _cut_names_across(ctx: Ctx, cut: int, lo: int, hi: int) -> None:
    """An organisation read from ``lo`` or later across ``cut`` into ``[cut, hi)`` starts at ``cut``: in a clause
    of handing over, the words before the recipient (the presenter and 为, or the award and its 的) are
    never part of the recipient's name."""
    across = [e for e in ctx.entities if e.kind.is_organization and lo <= e.span.start < cut < e.span.end <= hi]
    if not across:
        return
    ctx.replace_entities([e for e in ctx.entities if e not in across])
    for e in across:
        if e.span.end - cut >= 4:
            ctx.add(e.kind, ctx.text[cut:e.span.end], cut, e.span.end)


HANDED_COUNT_RE = re.compile(r"(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>家|个|名)(?:获奖)?(?P<rtype>企业|单位|组织)$")


def _handed_to(ctx: Ctx) -> None:
    """``随后举行了某市市长质量奖颁奖仪式。市领导为甲公司、乙公司和丙公司3家获奖企业颁奖``: the organisations
    between 为 and a verb of handing over (``data/lexicon/handing_over_verbs.txt``) won the award whose
    ceremony (``某奖颁奖…``) this or the sentence before names — or the only award the sentence names."""
    verbs = ctx.lex.words("handing_over_verbs.txt", longest_first=True)
    pat = re.compile(r"为(?!获得|荣获|获评|获)(?P<who>[^，,。；;“”\"]{2,200}?)(?:现场|分别|隆重)?(?:"
                     + "|".join(map(re.escape, verbs)) + ")")
    for m in pat.finditer(ctx.text):
        lead = ctx.sentence_of(m.start())
        _cut_names_across(ctx, m.start("who"), lead.span.start if lead else m.start(), m.end("who"))
        # 市领导为甲公司授牌: the presenter and 为 are no part of the recipient's name
        who = [e.ref for e in ctx.entities_in(m.start("who"), m.end("who")) if e.kind.is_organization]
        sent = ctx.sentence_of(m.start())
        if not who or sent is None:
            continue
        prev = ctx.sentence_of(sent.span.start - 1) if sent.span.start > 0 else None
        lo = prev.span.start if prev is not None else sent.span.start
        awards = [e for e in ctx.entities_in(lo, m.start())
                  if e.kind is Kind.HONOUR and not _handed_elsewhere(ctx, e, m.start())]
        ceremony = [e for e in awards if re.match(r"[”\"]?颁奖", ctx.text[e.span.end:e.span.end + 3])]
        own = {e.ref for e in awards if e.span.start >= sent.span.start}
        prog = ceremony[-1].ref if ceremony else (next(iter(own)) if len(own) == 1 else None)
        named = _programme(ctx, m.end(), sent.span.end) if ctx.text[m.end():m.end() + 1] in "“\"" else None
        if named is not None:  # 为甲公司授牌“某市质量标杆企业”: the title the plaque names
            prog, awards = named[0], [e for e in ctx.entities_in(m.end(), named[1]) if e.kind.is_programme] or awards
            ceremony = []
        if prog is None or any(x.programme == prog and set(who) <= set(x.recipients) for x in ctx.listings):
            continue
        said = ceremony[-1] if ceremony else (awards[-1] if awards else None)
        year = re.search(r"(\d{4})年度?$", ctx.text[max(0, said.span.start - 6):said.span.start]) if said else None
        year = year.group(1) if year else None
        count = HANDED_COUNT_RE.search(m.group("who"))
        n = int(parse_number(NUMBER_RE.match(count.group("num"))).value) if count else None
        who, doubtful = agree(who, n)
        ctx.listings.append(Listing(prog, tuple(who), ctx.span(m.start(), m.end()), year=year, count=n,
                                    confidence=DOUBTFUL if doubtful else None))
        if count is not None:  # 甲、乙和丙3家获奖企业: the winners counted again at the ceremony, no new figure
            ctx.claim(m.start("who") + count.start("num"), m.end())


@per_lexicon
def _naming_count_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("naming_verbs.txt")
    heads = lex.alternation("named_title_heads.txt") or "(?!)"
    return re.compile(rf"(?:培育)?(?:{verbs})(?P<items>[^，,。；;：:“”]{{4,300}}?)等(?P<title>[\u4e00-\u9fff]{{2,12}}?"
                      rf"(?:{heads}))(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>家|个|项)")


def _named_title_counts(ctx: Ctx) -> None:
    """``认定甲公司、乙公司等专利示范企业15家``: after a verb of naming (``naming_verbs.txt``), the organisations
    listed before 等 hold the title that follows it, counted — a title of its own (an organisation's head noun
    with a qualifier: 专利示范企业), not a kind of organisation said in general (重点企业: ``GENERIC_STEM_RE``)."""
    for m in _naming_count_re(ctx.lex).finditer(ctx.text):
        title = m.group("title")
        if GENERIC_STEM_RE.fullmatch(title) or len(title) < 5 or any(
                x.span.start < m.end("title") and m.start("title") < x.span.end for x in ctx.entities_in(m.start("title"), m.end("title"))):
            continue
        items = [x for x in ctx.entities_in(m.start("items"), m.end("items")) if x.kind.is_organization]
        spans = [(x.span.start, x.span.end) for x in items]
        if len(items) < 2 or any(ctx.text[a[1]:b[0]] != "、" for a, b in zip(spans, spans[1:])) \
                or spans[-1][1] != m.end("items"):
            continue  # only a list of named organisations, right before 等
        n = parse_number(NUMBER_RE.match(m.group("num")))
        known = ctx.lex.programmes.get(_norm(title))
        ref = Ref(known.kind, known.name) if known else Ref(Kind.HONOUR, title)
        if not ctx.has_ref(ref):
            ctx.add(ref.kind, ref.name, m.start("title"), m.end("title"), level=known.level if known else None)
        ctx.claim(m.start("title"), m.end())  # the count is the listing's: the doer's figure, its subject unsure
        ctx.listings.append(Listing(ref, tuple(x.ref for x in items), ctx.span(spans[0][0], m.end()),
                                    count=int(n.value) if n is not None else None, recipient_type=next(
                                        h for h in ctx.lex.words("named_title_heads.txt", longest_first=True) if title.endswith(h))))


def _programme_lists(ctx: Ctx, first: int) -> None:
    """``18家企业获评某省省长质量奖、某省标准创新贡献奖``: programmes listed after the verb's first one are won by
    the same recipients — each further item that is a programme (a name the programme rules read, with no
    organisation or verb of its own in it). A count stays with the first programme only."""
    from dataclasses import replace
    for x in list(ctx.listings[first:]):
        end = x.span.end
        sent = ctx.sentence_of(end - 1)
        limit = sent.span.end if sent is not None else len(ctx.text)
        while ctx.text[end:end + 1] in ("、", "和", "及") and end < limit:
            kept, claims = list(ctx.entities), list(ctx._claims)
            parsed = _programme(ctx, end + 1, min(limit, end + 41))
            if parsed is None:
                break
            prog, nxt, year, batch, cert = parsed
            item = ctx.text[end + 1:nxt]
            if VERB_RE.search(item) or any(e.kind.is_organization or e.kind is Kind.PLACE and e.span.start > end + 1
                                           for e in ctx.entities_in(end + 1, nxt)) or re.search(r"[，,。；;]", item):
                ctx.replace_entities(kept)  # not a programme of the list: nothing read there stays
                ctx.restore_claims(claims)
                break
            ctx.listings.append(replace(x, programme=prog, span=ctx.span(x.span.start, nxt), count=None,
                                        year=year or x.year, batch=batch, certification=cert))
            end = nxt


RESPECTIVELY_RE = re.compile(r"分别(?:是|为)?[^，,。；;、]{0,6}$")


def _respectively(ctx: Ctx, first: int) -> None:
    """``甲公司、乙公司分别获得某奖金奖和银奖``: with 分别 before the verb each recipient won one of the
    programmes, in the order written — paired when there are as many recipients as programmes; when the
    numbers differ no pairing can be told, and the programmes keep no recipient (a false link is worse)."""
    groups: dict[tuple[int, tuple[Ref, ...]], list[int]] = {}
    for i in range(first, len(ctx.listings)):
        x = ctx.listings[i]
        if len(x.recipients) >= 2:
            groups.setdefault((x.span.start, x.recipients), []).append(i)
    for (start, recipients), at in groups.items():
        if len(at) < 2:
            continue  # 甲、乙分别获得某奖: each won the one award
        verb = VERB_RE.search(ctx.text, start, ctx.listings[at[0]].span.end)
        if verb is None or not RESPECTIVELY_RE.search(ctx.text, start, verb.start()):
            continue
        at.sort(key=lambda i: ctx.listings[i].span.end)
        paired = len(at) == len(recipients)
        for k, i in enumerate(at):
            ctx.listings[i] = replace(ctx.listings[i], recipients=(recipients[k],) if paired else ())


UNCOUNTED_RE = re.compile(r"等(?P<rtype>企业|品牌|产品|商标|地理标志)(?:均|也|还|先后|成功|分别)*$")


def _uncounted_listing(ctx: Ctx, lo: int, verb: int, prog: Ref, end: int,
                       year: str | None, batch: int | None, cert: bool) -> bool:
    """``甲科技有限公司、乙食品有限公司等企业入选``, ``“甲香”、“乙铺子”等品牌入选``: a list of names closed by 等
    and the head noun with no count — each item (a name the rules know, or one in quotes, then an entity of the
    class the noun names) is listed in the programme (at least two items)."""
    m = UNCOUNTED_RE.search(ctx.text, lo, verb)
    if m is None:
        return False
    items, pos = [], lo
    for part in ctx.text[lo:m.start()].split("、"):
        items.append((pos, pos + len(part)))
        pos += len(part) + 1
    if len(items) < 2:
        return False
    items[0] = (strip_scope(ctx, *items[0]), items[0][1])
    kind = RTYPE_KIND[m.group("rtype")]
    kept: list[Ref] = []
    for s, e in items:
        quoted = ctx.text[s:s + 1] in "“\"" and ctx.text[e - 1:e] in "”\""
        s, e = (s + 1, e - 1) if quoted else (s, e)
        existing = next((x for x in ctx.ending_at(e) if x.span.start == s), None)
        if existing is not None and (existing.kind.is_organization and len(existing.name) >= 4
                                     or existing.kind in (Kind.BRAND, Kind.TRADEMARK, Kind.GEOGRAPHICAL_INDICATION)):
            kept.append(existing.ref)
        elif existing is None and quoted and 2 <= e - s <= 12 and "”" not in ctx.text[s:e]:
            kept.append(ctx.add(kind, ctx.text[s:e], s, e).ref)  # “甲香”、“乙铺子”等品牌: names in quotes
            ctx.claim(s, e)
        else:
            return False  # 食品、医药等企业: kinds of firms, not names — only names the rules know or quote
    ctx.listings.append(Listing(prog, tuple(kept), ctx.span(lo, end), year=year, batch=batch, certification=cert,
                                recipient_type=m.group("rtype")))
    return True


def _elided_grants(ctx: Ctx, grants: list[re.Match[str]]) -> list[re.Match[str]]:
    """Later parts of a grant's sentence after ``；`` that name winners and an award with the verb elided
    (``授予甲等8家企业“某奖”；乙等5家企业“某创新奖”``) — only when they count their winners (``等N家``)."""
    out: list[re.Match[str]] = []
    for g in grants:
        sent = ctx.sentence_of(g.start())
        if sent is None:
            continue
        for m in GRANT_NEXT_RE.finditer(ctx.text, g.end(), sent.span.end):
            if not re.search(r"等(?:\d+|[一二两三四五六七八九十]+)(?:家|个|名|位)", m.group("who")) \
                    or any(h.start() == m.start("who") for h in grants):
                continue
            if re.search(r"授予|颁发|命名", m.group("who")):
                continue  # a part with its own verb is read as a grant of its own
            out.append(m)
    return list({m.start(): m for m in out}.values())


def _first_clause_counts(ctx: Ctx, sent, verb_clause: int) -> tuple[list[re.Match[str]], int]:
    """``甲、乙、丙4个产品成功通过…评议，成为首批某名品``: a verb opening a later clause lists the items
    counted in the first clause of its segment — only a complete list (as many items as the count, no 等)."""
    seg = max(sent.span.start, ctx.last_of("；;", sent.span.start, verb_clause) + 1)
    first_end = ctx.first_of("，,", seg, verb_clause)
    first_end = first_end if first_end != -1 else verb_clause
    head = ctx.text[seg:first_end]
    found = [c for c in COUNT_RE.finditer(head) if not c.group("ex")]
    if len(found) != 1:
        return [], verb_clause
    c = found[0]
    tok = parse_number(NUMBER_RE.match(c.group("num")))
    if tok is None or len(bare_list(ctx, seg + c.start("num"), tok.value)) != tok.value:
        return [], verb_clause
    return found, seg


def _count_listing(ctx: Ctx, c: re.Match[str], base: int, prog: Ref, end: int,
                   year: str | None, batch: int | None, cert: bool) -> None:
    tok = parse_number(NUMBER_RE.match(c.group("num")))
    if tok is None:
        return
    rtype = c.group("rtype")
    people = next((w for w in ctx.lex.words("person_count_nouns.txt", longest_first=True) if rtype.startswith(w)), None)
    if people is not None:
        rtype = people  # 甲公司董事长某某、…共7位企业家荣获…: the persons named in the items
    elif not rtype.endswith(tuple(RTYPE_KIND)):  # 4个产品成功通过…: the noun counted, not the words after it
        rtype = next((w for w in RTYPE_KIND if rtype.startswith(w)), rtype)
        head = re.match(r"[\u4e00-\u9fff]{2,14}?(企业|单位|组织)", ctx.text[base + c.start("rtype"):base + c.start("rtype") + 16])
        if len(rtype) >= 6 and head is not None and head.end() > len(c.group("rtype")):
            rtype = head.group(1)  # 3家某市某行业协会会员企业: the head noun past the pattern's 8 characters
    count = int(tok.value)
    ex = c.group("ex")
    if ex and ex[0] in "和及与":
        ex = ex[1:]
    ex_span = None
    if ex and len(ex) >= 2:
        s, e = base + c.end("ex") - len(ex), base + c.end("ex")
        if re.fullmatch(r"[“\"][^“”\"]{2,10}[”\"]", ex):
            s, e = s + 1, e - 1  # “甲茶”等14个地理标志品牌: the name inside the quotes
        named = next((x for x in ctx.ending_at(e) if x.span.start < s and x.span.start >= base
                      and (x.kind.is_organization or x.kind in RTYPE_KIND.values())), None)
        ex_span = (named.span.start, e) if named is not None else (s, e)  # a name longer than the pattern's 12
        if named is None and (note := item_note_start(ctx, e)) < e:  # 甲、某某（乙公司高级技师）等4个: the note
            named = next((x for x in ctx.ending_at(note) if base <= x.span.start and (
                x.kind.is_organization or x.kind is Kind.PERSON or x.kind in RTYPE_KIND.values())), None)
            if named is not None:
                ex_span = (named.span.start, note)
    spans = list(_earlier_examples(ctx, ex_span[0] if ex_span else None)
                 or bare_list(ctx, base + c.start("num"), tok.value)
                 or (_included(ctx, base + c.start()) if ex_span is None else []))
    if ex_span is not None:
        spans.append(ex_span)
    if not spans and people is not None and count == 1:  # 等4家组织和甲公司某某1名个人: the one person named
        one = next((x for x in ctx.ending_at(base + c.start("num")) if x.kind is Kind.PERSON), None)
        spans = [(one.span.start, one.span.end)] if one is not None else []
    spans, doubtful = agree(spans, count)  # 甲、乙、丙等2家: the extra item is no recipient
    kind = next((k for w, k in RTYPE_KIND.items() if rtype.endswith(w)), None)
    kept: list[Ref] = []
    for s, e in spans:
        if rtype.endswith("产品") and (maker := _product_maker(ctx, s, e)) is not False:
            if maker is not None and maker not in kept:
                kept.append(maker)  # 甲公司生产的“甲”牌开关柜等46个产品: the firm that makes the product
            continue  # “甲”牌开关柜 alone: a product named by its brand, neither the firm nor a brand
        if people is not None:  # each item ends with the person's name (after a firm's post): the person
            person = next((x for x in ctx.ending_at(e) if x.kind is Kind.PERSON and x.span.start >= s), None)
            if person is not None:
                kept.append(person.ref)
            continue
        existing = next((x for x in ctx.ending_at(e) if x.span.start == s or (
            x.span.start > s and x.kind is Kind.INDUSTRY_CHAIN and is_place(ctx, s, x.span.start))), None)
        if existing is not None:  # 长春市新能源汽车产业链: the chain of a place
            kept.append(existing.ref)
        elif kind is not None and not ctx.overlaps_claim(s, e):
            kept.append(ctx.add(kind, ctx.text[s:e], s, e).ref)
            ctx.claim(s, e)
    sent = ctx.sentence_of(base)
    before = ctx.text[sent.span.start:base] if sent is not None else ""
    named = sent is not None and any(e.ref == prog for e in ctx.entities_in(sent.span.start, base))
    whole = named and re.match(r"\s*其中", ctx.text[base:base + c.start()]) is not None and any(
        (n := parse_number(NUMBER_RE.match(m.group(1)))) is not None and n.value > count
        for m in re.finditer(r"(\d+|[一二两三四五六七八九十]+)(?:家|个|名|位|项)[^，,。；;]{0,12}?(?:颁发|授予|荣获|获得|获评|表彰)",
                             before))
    ctx.listings.append(Listing(prog, tuple(kept), ctx.span(base + c.start(), end), count=count,
                                recipient_type=rtype, batch=batch, year=year, certification=cert,
                                confidence=DOUBTFUL if doubtful else None))
    if whole:  # 为5家企业颁发了某奖，其中甲、乙等3家…榜上有名: a part of the winners counted before, no new total
        ctx.claim(base + c.start("num"), base + c.end())
        return
    _observe(ctx, prog, rtype, tok.value, UNIT_NAME[c.group("unit")], base + c.start("num"), end,
             tok.qualifier, tuple(kept), year=year,
             breakdown="累计" if _since_total(ctx, base + c.start()) else None,
             area=share_area(ctx, base, base + c.start("num")))
    ctx.claim(base + c.start("num"), base + c.end())


PRODUCT_ITEM_RE = re.compile(r"^(?:[“\"][^“”\"]{1,10}[”\"]|[^，,。；;、“”\"]{0,10}?)牌[\u4e00-\u9fffA-Za-z]")
"""``“甲丙”牌开关柜``, ``甲丙牌针织服装``, ``牌开关柜`` (a brand lost in the page): a product named by its brand."""
MAKER_RE = re.compile(r"(?:生产|出品|制造|注册|申报)?的")


def _product_maker(ctx: Ctx, s: int, e: int) -> Ref | None | bool:
    """An item counted among products: the firm that makes it when the item opens with a firm and
    ``(生产)的`` (``甲公司生产的“甲”牌开关柜``), ``None`` when it is a product named by its brand and no
    firm (no recipient: the text does not name who holds the title), ``False`` for any other item."""
    firm = next((x for x in ctx.entities_in(s, e) if x.span.start == s and x.kind.is_organization
                 and len(x.name) >= 4), None)
    if firm is not None and (m := MAKER_RE.match(ctx.text, firm.span.end, e)) is not None and m.end() < e:
        return firm.ref
    text = ctx.text[s:e].strip()
    if not PRODUCT_ITEM_RE.match(text) or text.endswith("牌"):
        return False
    lead = re.search(r"(?:生产|出品|制造|注册|申报)?的$", ctx.text[max(0, s - 3):s])
    if lead is None:
        return None
    before = next((x for x in ctx.ending_at(s - len(lead.group()))
                   if x.kind.is_organization and len(x.name) >= 4), None)
    return before.ref if before is not None else None  # 甲公司生产的｜牌开关柜: the item cut after the firm


INCLUDED_RE = re.compile(r"包括(?P<items>[^，,。；;：:]{2,120}?)在内的$")


def _included(ctx: Ctx, count_start: int) -> list[tuple[int, int]]:
    """``另有包括甲公司、乙公司在内的10家单位获提名奖``: the examples written between 包括 and 在内的."""
    lo = max(ctx.text.rfind(ch, 0, count_start) for ch in "，,。；;\n") + 1
    m = INCLUDED_RE.search(ctx.text, lo, count_start)
    return list_items(ctx, m.start("items"), m.end("items"), after_claims=False) if m is not None else []


SINCE_TOTAL_RE = re.compile(r"自[^，,。；;]{2,24}?以来[，,][^，,。；;]{0,8}?(?:共有|累计|共|先后|已有)")


def _since_total(ctx: Ctx, pos: int) -> bool:
    """``自2010年设立首届县长质量奖以来，全县共有甲、乙等18家企业获得…``: the winners counted since the
    award began, a running total (累计)."""
    sent = ctx.sentence_of(pos)
    return sent is not None and any(m.end() <= pos for m in SINCE_TOTAL_RE.finditer(ctx.text, sent.span.start, pos))


ITEM_NOTE_RE = re.compile(r"[（(][^（）()、，,。；;：:“”\"]{1,30}[)）]$")


def item_note_start(ctx: Ctx, end: int) -> int:
    """Where a bracketed note written right after a list's item starts (``甲公司（复评）``, ``某某（甲公司高级技师）``),
    the note ending at ``end``: the item ends there; ``end`` when no note ends there."""
    m = ITEM_NOTE_RE.search(ctx.text, max(0, end - 32), end)
    return m.start() if m is not None and m.start() > 0 else end


def _earlier_examples(ctx: Ctx, end: int | None) -> list[tuple[int, int]]:
    """Items listed before the example next to 等 (starting at ``end``): ``金锣肉制品、沂南黄瓜、蒙阴蜜桃等6个品牌``."""
    if end is None or ctx.text[end - 1:end] != "、":
        return []
    lo = max(ctx.text.rfind(ch, 0, end - 1) for ch in "，,。；;：:和及与\n") + 1
    items = list_items(ctx, lo, end - 1, after_claims=False)
    if items:
        items[0] = (strip_scope(ctx, *items[0]), items[0][1])
    return [(s, e) for s, e in items if 2 <= e - s <= 12 or any(x.span.start == s for x in ctx.ending_at(e))]


def _observe(ctx: Ctx, prog: Ref, rtype: str, value, unit: str, start: int, end: int,
             qualifier: str | None, examples: tuple[Ref, ...], *, year: str | None = None,
             measure: str | None = None, breakdown: str | None = None, area: str | None = None) -> None:
    place = ctx.home
    if area is not None:
        ctx.memo.setdefault(SHARES, set()).add(start)
    ctx.observations.append(Observation(  # the period: the programme's year, else read later with the figures'
        measure=measure or f"入选{prog.name}的{rtype}", value=value, unit=unit, span=ctx.span(start, end),
        subject=prog, qualifier=qualifier, period=year or ctx.year, place=area or (place.name if place else None),
        examples=examples, breakdown=breakdown,
    ))


OPENING_MARK_RE = re.compile(r"\s*[“\"](?P<name>[^“”\"]{2,12})[”\"](?:地理标志(?:证明|集体)?商标|地理标志产品|地理标志|商标|品牌)")
MARK_KINDS = (Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.BRAND)


def _opening_mark(ctx: Ctx, lo: int, verb: int) -> list[Ref]:
    """A quoted mark named with its kind at the head of the clause (``“甲西瓜”地理标志商标以…荣获``), with no
    organisation between it and the verb: the mark is the winner."""
    m = OPENING_MARK_RE.match(ctx.text, lo, verb)
    if m is None or any(e.kind.is_organization for e in ctx.entities_in(m.end(), verb)):
        return []
    mark = next((e for e in ctx.entities_in(m.start("name"), m.end("name")) if e.kind in MARK_KINDS
                 and e.span.start == m.start("name") and e.span.end == m.end("name")), None)
    return [mark.ref] if mark is not None else []


def _recipients(ctx: Ctx, lo: int, verb: int, *, people: bool = False) -> list[Ref]:
    """Named entities (organisations, places, brands; people too with ``people``) ending right before
    the verb, or before 等地 / a time word written before it (``弥勒市于去年入选``)."""
    out: list[Ref] = []
    pos = verb - len(VERB_LEAD_RE.search(ctx.text[lo:verb]).group())
    kinds = (Kind.PLACE, Kind.TRADEMARK, Kind.BRAND, Kind.GEOGRAPHICAL_INDICATION, Kind.SERVICE_BRAND) + (
        (Kind.PERSON,) if people else ())
    chain = next((e for e in ctx.ending_at(pos) if e.kind is Kind.INDUSTRY_CHAIN and e.span.start >= lo), None)
    if chain is not None and re.match(r"[一二两三四五六七八九十\d]", chain.name):
        chain = None  # 某地一产业链入围…: a count of chains, no chain named
    if chain is not None and lo < pos and (ctx.text[chain.span.start - 1:chain.span.start] in "，,、和及与" + "\n"
                                            or chain.span.start == lo or is_place(ctx, lo, chain.span.start)
                                            or _place_short_before(ctx, lo, chain.span.start)):
        return [chain.ref]  # 某地橡胶密封制品产业链成功入围…: the chain (of the place before it) is listed
    means = ctx.text.rfind("以", lo, pos)
    if means > lo and not any(e.kind.is_organization or e.kind in kinds for e in ctx.ending_at(pos)) \
            and any(e.kind.is_organization and e.span.start >= lo for e in ctx.ending_at(means)):
        pos = means  # 甲公司以120亿元的品牌价值入选某榜: the means between the firm and the verb
    pos = _before_own_team(ctx, lo, pos)
    while pos > lo:
        pos = _before_own_product(ctx, lo, pos)
        if not any(e.kind.is_organization or e.kind in kinds for e in ctx.ending_at(pos)):
            pos = max(lo, item_note_start(ctx, pos))  # 甲公司（复评）、乙公司（复评）获得…: the item's note
        mark = _quoted_mark(ctx, lo, pos)
        if mark is not None:  # “甲茶”“乙茶”再次入围…: quoted marks written one after the other
            out.append(mark.ref)
            pos = mark.span.start - 1
            if pos > lo and ctx.text[pos - 1] in "、和及与":
                pos -= 1
            elif not (pos > lo and ctx.text[pos - 1] in "”\""):
                break
            continue
        ent = next((e for e in ctx.ending_at(pos) if e.span.start >= lo
                    and (e.kind.is_organization or e.kind in kinds)), None)
        if ent is not None and ent.kind is Kind.PERSON:
            out.append(ent.ref)
            break  # 某公司总工程师某某: the person, not the company
        if ent is None:
            ent = _listed_person_or_team(ctx, lo, pos)
        if ent is None:
            found = place_ending_at(ctx, pos, min_start=lo)
            if found is not None and found[1].level == "county":
                found = with_parent(ctx, found)[:2]  # 淄博市博山区
            if found is None or found[0] != lo and ctx.text[found[0] - 1] not in "、和及与" and ctx.text[
                    max(lo, found[0] - 2):found[0]] not in own_place_words(ctx.lex):  # 我州吉首市入选…
                break
            start, info = found
            ent = ctx.add(Kind.PLACE, info.name, start, pos, level=info.admin_level,
                          aliases=(ctx.text[start:pos],) if ctx.text[start:pos] != info.name else (),
                          attributes=(("code", info.code),))
            ctx.claim(start, pos)
        out.append(ent.ref)
        pos = ent.span.start
        if pos > lo and ctx.text[pos - 1] in "、和及与":
            pos -= 1
        else:
            break
    return list(reversed(out))


def _before_means(ctx: Ctx, clause_start: int) -> list[Ref]:
    """``甲公司、乙公司凭借出色的管理水平，荣获某奖``: the clause before the verb's opens with organisations and
    then a word of means (``means_leads.txt``) — those organisations are the winners."""
    prev = ctx.last_of(CLAUSE_BREAK, 0, clause_start - 1) + 1
    text = ctx.text[prev:clause_start - 1]
    at = min((i for w in ctx.lex.words("means_leads.txt") if (i := text.find(w)) > 0), default=-1)
    if at == -1:
        return []
    found = _recipients(ctx, prev, prev + at)
    return found if found and all(r.kind.is_organization for r in found) else []


def _before_own_team(ctx: Ctx, lo: int, pos: int) -> int:
    """``甲公司的QC小组（成果）荣获…``: a team of an organisation (``winning_teams.txt``), or its result, wins for
    the organisation written right before it — where the organisation ends, else ``pos``."""
    for team in ctx.lex.words("winning_teams.txt", longest_first=True):
        m = re.search(rf"的?{re.escape(team)}(?:成果|课题)?$", ctx.text[lo:pos])
        if m is not None and any(e.kind.is_organization and e.span.start >= lo for e in ctx.ending_at(lo + m.start())):
            return lo + m.start()
    return pos


def _place_short_before(ctx: Ctx, lo: int, start: int) -> bool:
    """Whether ``text[lo:start]`` ends with a place's name written short (铁岭 for 铁岭市) and nothing but a
    clause opening before it."""
    for n in range(2, 5):
        if start - n >= lo and ctx.resolve_place(ctx.text[start - n:start]) is not None:
            return not ctx.text[lo:start - n].strip(" ，,")
    return False


def _listed_person_or_team(ctx: Ctx, lo: int, pos: int):
    """An item of a list of winners that the organisation rules do not know, after an organisation and a list
    separator: a person's name (``甲公司、乙公司和张某获…``), or an organisation's team written right after its
    name (``甲公司某某项目组``; ``team_endings.txt``) — the team, an organisation of its own."""
    from .people import _person_name
    cut = max(ctx.text.rfind(ch, lo, pos) for ch in "、和及与")
    teams = ctx.lex.words("team_endings.txt", longest_first=True)
    if cut < lo or not (any(e.kind.is_organization for e in ctx.ending_at(cut)) or ctx.text.endswith(teams, lo, cut)):
        return None  # not an item after an organisation in a list
    start = cut + 1
    if start < pos and _person_name(ctx, start) == ctx.text[start:pos] and not ctx.overlaps_claim(start, pos):
        ent = ctx.add(Kind.PERSON, ctx.text[start:pos], start, pos)
        ctx.claim(start, pos)
        return ent
    team = next((w for w in teams if ctx.text.endswith(w, start, pos)), None)
    if team is None:
        return None
    org = next((e for e in ctx.entities_in(start, pos) if e.kind.is_organization and e.span.start == start), None)
    if org is None or not re.fullmatch(r"[\u4e00-\u9fff]{0,8}", ctx.text[org.span.end:pos - len(team)]):
        return None
    ent = ctx.add(Kind.ORGANIZATION, ctx.text[start:pos], start, pos)
    ctx.claim(org.span.end, pos)
    return ent


def _quoted_mark(ctx: Ctx, lo: int, pos: int):
    """A geographical indication, trademark or brand written in quotes that close right at ``pos``."""
    if ctx.text[pos - 1:pos] not in ("”", '"'):
        return None
    kinds = (Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.BRAND)
    found = next((e for e in ctx.ending_at(pos - 1) if e.span.start > lo and ctx.text[e.span.start - 1] in "“\""
                  and e.kind in kinds), None)
    if found is not None:
        return found
    opening = max(ctx.text.rfind("“", lo, pos - 1), ctx.text.rfind('"', lo, pos - 1))
    name = ctx.text[opening + 1:pos - 1] if opening >= lo else ""
    known = next((e for e in ctx.entities if e.kind in kinds and e.name == name), None) if len(name) >= 2 else None
    if known is None or ctx.entities_in(opening + 1, pos - 1):
        return None  # only a mark the document names elsewhere, written again here in quotes
    return ctx.add(known.kind, name, opening + 1, pos - 1)


def _before_own_product(ctx: Ctx, lo: int, pos: int) -> int:
    """``甲公司“某牌干红葡萄酒”入选``: a quoted product right after an organisation is that organisation's
    product; the organisation, written before it, is the recipient."""
    if ctx.text[pos - 1:pos] not in ("”", '"'):
        return pos
    opening = max(ctx.text.rfind("“", lo, pos - 1), ctx.text.rfind('"', lo, pos - 1))
    if opening <= lo or not any(e.kind.is_organization for e in ctx.ending_at(opening)):
        return pos
    return opening
