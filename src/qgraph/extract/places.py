"""Places: standalone place names (not inside an organisation, brand or title) and
one-character province composites such as ``晋冀鲁豫四省十九市``."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..model import Kind, Level
from .context import Ctx, is_han, occurrences
from .scan import PUNCTUATION_STOPS, Scan
from .indexes import place_first_chars, place_name_prefixes

ABBR_RUN_RE = re.compile(r"([\u4e00-\u9fff]{2,8})(?:[一二三四五六七八九十\d]+)省")
ABBR_RUN_SCAN = Scan(ABBR_RUN_RE, "省", PUNCTUATION_STOPS)
""":data:`ABBR_RUN_RE` tried only where a match can reach its 省."""


def add_place(ctx: Ctx, info: PlaceInfo, start: int, end: int) -> None:
    surface = ctx.text[start:end]
    ctx.add(Kind.PLACE, info.name, start, end, aliases=(surface,) if surface != info.name else (),
            level=info.admin_level, attributes=(("code", info.code),))
    ctx.claim(start, end)


def find_province_composites(ctx: Ctx) -> None:
    for m in ABBR_RUN_SCAN.finditer(ctx.text):
        run = m.group(1)
        # keep the longest tail made only of province abbreviations
        k = len(run)
        while k > 0 and run[k - 1] in ctx.lex.province_abbr:
            k -= 1
        tail = run[k:]
        if len(tail) < 2:
            continue
        base = m.start(1) + k
        for i, ch in enumerate(tail):
            info = ctx.lex.province_abbr[ch]
            ctx.add(Kind.PLACE, info.name, base + i, base + i + 1, aliases=(ch,),
                    level=info.admin_level, attributes=(("code", info.code),))
        ctx.claim(base, m.end())


NON_HAN_RE = re.compile(r"[^\u3400-\u9fff]")
"""A character :func:`.context.is_han` does not accept."""


@per_lexicon
def _province_short_forms(lex: Lexicon) -> tuple[str, ...]:
    """The words of two or three characters whose first province (in the lexicon's order) is a province not
    written in full: what :func:`find_place_pairs` can read as a province's short name."""
    out = []
    for word, cands in lex.place_names.items():
        if len(word) in (2, 3):
            province = next((p for p in cands if p.level == "province"), None)
            if province is not None and word != province.name:
                out.append(word)
    return tuple(sorted(out))


def find_place_pairs(ctx: Ctx) -> None:
    """``…在湖南长沙隆重开幕``: after a word of location (``location_leads.txt``) or where a phrase starts
    (``湖南长沙举办…``, ``江苏常州、浙江湖州两地``), a province's short name and
    right after it the short name of one of its prefecture-level cities name both places — short names
    that, glued, no longer stand alone for the scan of :func:`find_places`."""
    leads = ctx.lex.words("location_leads.txt", longest_first=True)
    names = ctx.lex.place_names
    text = ctx.text
    starts: set[int] = set()
    for lead in leads:
        i = text.find(lead)
        while i != -1:
            starts.add(i + len(lead))
            i = text.find(lead, i + 1)
    # also where a phrase starts (a title's 湖南长沙举办…, a list's 江苏常州、浙江湖州): the glued pair is no longer word
    starts.update(m.end() for m in NON_HAN_RE.finditer(text))  # (each character not is_han)
    starts.add(0)
    shorts = _province_short_forms(ctx.lex)  # only where a province's short name starts can a pair start
    heads = {i for w in shorts for i in occurrences(text, w)}
    for s in sorted(starts & heads):
        for n in (2, 3):
            province = next((p for p in names.get(text[s:s + n], ()) if p.level == "province"), None)
            if province is None or text[s:s + n] == province.name:
                continue
            for m in (2, 3):
                city = next((c for c in names.get(text[s + n:s + n + m], ())
                             if c.level == "prefecture" and c.parent == province.code), None)
                if city is not None and text[s + n:s + n + m] != city.name \
                        and not ctx.overlaps_claim(s, s + n + m):
                    add_place(ctx, province, s, s + n)
                    add_place(ctx, city, s + n, s + n + m)
                    break


ADDRESS_RE = re.compile(r"(?:地址|地点|通讯地址|联系地址)[：:][ \t\u3000]*(?P<addr>[^，,。；;\s]{2,30}?(?:\d+|[一二三四五六七八九十]+)(?:号|弄|栋|幢|楼|层|室))")
"""A postal address (``地址：某市某区某路13号``): the places in it say where a letter goes, no place the report
is about — they are not mentions (unless the report's own place)."""


WIRE_DATELINE_RE = re.compile(r"(?:社|报|网|台)(?P<place>[\u4e00-\u9fff]{2,4}?)\d{1,2}月\d{1,2}日(?:专)?电")
"""A wire dateline (``某某社某地4月11日电``): the place the story was filed from, no place it is about (unless the
report's own place)."""


def find_places(ctx: Ctx) -> None:
    """Longest-match scan for gazetteer names outside claimed spans (and outside postal addresses and wire datelines,
    but for the report's own place)."""
    text = ctx.text
    quiet = [(m.start("addr"), m.end("addr")) for m in ADDRESS_RE.finditer(text)]
    quiet += [(m.start("place"), m.end("place")) for m in WIRE_DATELINE_RE.finditer(text)]  # 某社北京4月11日电
    n = len(text)
    names = ctx.lex.place_names
    prefixes = place_name_prefixes(ctx.lex)
    starts = place_first_chars(ctx.lex)
    i = 0
    while (m := starts.search(text, i)) is not None:  # only where a name can start
        i = m.start()
        hit = None
        end = i + 1
        while end <= n and text[i:end] in prefixes:  # the longest name starting at i
            if text[i:end] in names:
                hit = (end - i, text[i:end])
            end += 1
        if hit is None:
            i += 1
            continue
        length, name = hit
        end = i + length
        info = ctx.resolve_place(name)
        if info is not None and text[end:end + 1] == "级" and name[-1] in "省市县区" and len(name) > 2 \
                and ctx.resolve_place(name[:-1]) == info:
            end, name = end - 1, name[:-1]  # 陕西省级监督抽查: 陕西 and a provincial check, not 陕西省 and 级…
        if info is None or ctx.overlaps_claim(i, end) or not _standalone(ctx, info, name, i, end):
            i += 1
            continue
        if any(s <= i and end <= e for s, e in quiet) and (ctx.home is None or info.code != ctx.home.code):
            i = end  # a letter's address, a wire's filing place: no place the report is about (its own place stays)
            continue
        add_place(ctx, info, i, end)
        i = end


def _standalone(ctx: Ctx, info: PlaceInfo, name: str, start: int, end: int) -> bool:
    """A short form counts only where it cannot be part of a longer word."""
    if not ctx.plausible(info) and not _unique_full_name(ctx, info, name):
        return False  # 东城区 in a 许昌 report is not Beijing's 东城区
    if info.level == "county" and len(name) == 2 and name == info.name and not county_name_alone(ctx, ctx.text, start, end, info):
        return False  # 和县 in 市长质量奖和县长质量奖, 任县 in 担任县长
    if name == info.name and info.level != "country":
        return True
    if name in ctx.lex.words("common_word_place_names.txt") and not _placed_short_form(ctx, start, end):
        return False  # 请来宾共同揭幕, 幸福安康: a common word, not the city
    if info.level == "country":
        return name in ("中国", "全国") and ctx.text[end:end + 1] in ("", "，", "。", "、", "的")
    nxt = ctx.text[end:end + 1]
    if any(ctx.text.startswith(w, end) for w in ctx.lex.words("region_heads.txt")):
        return False  # 武汉都市圈: a region named after the city, not the city
    if _heads_a_counted_project(ctx, start):
        return True  # 南昌电子信息、宜春锂电…5个项目: each item's place
    if info.level == "county" and not ctx._near(info):
        return False
    # 峄城石榴 (a product), 山东大学 (an organisation): a short form followed by more name characters
    if nxt == "" or not is_han(nxt) or nxt in FOLLOW_OK:
        return True
    if ctx.text.startswith(tuple(ctx.lex.words("place_venue_words.txt")), end):
        return True  # 在某地分会场收听收看: the place's venue
    if _before_a_venue(ctx, start, end):
        return True  # 在某地南湖广场举行: the place of the venue
    if _names_a_part_of(ctx, info, end):
        return True  # 贵州省黔东南州凯里市: the prefecture written short in a chain of places
    if ctx.text.startswith(ctx.lex.words("place_topic_words.txt"), end):
        return True  # 引领某地高质量发展: the place's development, no longer word
    return any(ctx.text.startswith(w, end) for w in ctx.lex.boundary_words if len(w) >= 2)


PROJECT_LIST_RE = re.compile(r"(?P<items>[\u4e00-\u9fff]{3,12}(?:、[\u4e00-\u9fff]{3,12})+)(?:等)?(?P<n>\d+|[一二两三四五六七八九十]+)个(?:试点)?项目")


def _heads_a_counted_project(ctx: Ctx, start: int) -> bool:
    """``南昌电子信息、宜春锂电、樟树中药材3个项目入选…``: a short form opening an item of a counted list of projects
    whose every item opens with a place, and as many items as the count, is that place (the project's)."""
    if start > 0 and ctx.text[start - 1] not in "、，,。；;：:\n":
        return False
    clause = max(ctx.text.rfind(c, 0, start) for c in "，,。；;：:\n") + 1
    m = PROJECT_LIST_RE.match(ctx.text, clause)
    if m is None or not clause <= start < m.end("items"):
        return False
    from .numbers import parse_chinese_numeral
    items = m.group("items").split("、")
    n = int(m.group("n")) if m.group("n").isdigit() else parse_chinese_numeral(m.group("n"))
    return n == len(items) and all(any(ctx.resolve_place(it[:k]) is not None for k in (2, 3)) for it in items)


@per_lexicon
def _venue_re(lex: Lexicon) -> re.Pattern[str] | None:
    endings = lex.words("venue_endings.txt", longest_first=True)
    if not endings:
        return None
    return re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + "|".join(map(re.escape, endings)) + r")(?:举行|召开|举办|启动|开幕)")


def _before_a_venue(ctx: Ctx, start: int, end: int) -> bool:
    """``在蒙自南湖广场举行``: after 在, a short form right before a venue's name (``venue_endings.txt``) and a
    verb of holding is the place where the venue is."""
    pat = _venue_re(ctx.lex)
    return pat is not None and ctx.text[start - 1:start] == "在" and pat.match(ctx.text, end) is not None


def _names_a_part_of(ctx: Ctx, info: PlaceInfo, end: int) -> bool:
    """The text goes on at ``end`` with the full name of a place inside ``info`` (``黔东南州凯里市``,
    ``恩施州利川市``): a chain of places, each a mention, not a short form run into a longer word."""
    for length in range(6, 1, -1):
        word = ctx.text[end:end + length]
        if len(word) < length:
            continue
        for c in ctx.lex.place_names.get(word, ()):
            if c.name == word and any(a.code == info.code for a in ctx.lex.ancestors(c)):
                return True
    return False


def _unique_full_name(ctx: Ctx, info: PlaceInfo, name: str) -> bool:
    """A county-level city or county of another province written in full whose name no other place bears
    (``会议在溧阳市召开`` in a report of a neighbouring province): that place, wherever the report is from."""
    return name == info.name and name.endswith(("市", "县")) and len(ctx.lex.place_names.get(name, ())) == 1


def _placed_short_form(ctx: Ctx, start: int, end: int) -> bool:
    """A short form that is also a common word stands for its place after a word of location or a province's
    name, or in a list of places (``来宾、柳州等地``)."""
    before = ctx.text[max(0, start - 3):start]
    if before.endswith(tuple(ctx.lex.words("location_leads.txt")) + ("来自",)):
        return True
    if any(before.endswith(w) and any(p.level == "province" for p in ctx.lex.place_names.get(w, ()))
           for w in (before[-2:], before[-3:])):
        return True
    after = ctx.text[end:end + 2]
    if after == "等地":
        return True
    if after[:1] == "、":
        return _names_place(ctx, ctx.text[end + 1:end + 5], at_start=True)
    return before[-1:] == "、" and _names_place(ctx, ctx.text[max(0, start - 5):start - 1], at_start=False)


def _names_place(ctx: Ctx, text: str, at_start: bool) -> bool:
    """``text`` begins (or ends) with a place's name or short name: the neighbour in a list of places."""
    for n in (4, 3, 2):
        word = text[:n] if at_start else text[-n:]
        if len(word) == n and word in ctx.lex.place_names:
            return True
    return False


def other_place_in_sentence(ctx: Ctx, pos: int, place: PlaceInfo) -> bool:
    """The sentence of ``pos`` names, by its full name, a place of ``place``'s level other than ``place``
    (the report's county visiting another: ``德清县赴长兴县考察学习，座谈会由副县长某某主持``): a bare post of
    that level (副县长) may be either place's, so the report's place is no guess."""
    sent = ctx.sentence_of(pos)
    if sent is None:
        return False
    text = ctx.text[sent.span.start:sent.span.end]
    prefixes = place_name_prefixes(ctx.lex)
    for i in range(len(text)):
        end = i + 1
        while end <= len(text) and text[i:end] in prefixes:
            name = text[i:end]
            if name != place.name and any(c.name == name and c.level == place.level
                                          and (len(name) > 2 or county_name_alone(ctx, text, i, end, c))
                                          for c in ctx.lex.place_names.get(name, ())):
                return True  # a two-character county (雄县) inside a name (黄某雄县长) is none
            end += 1
    return False


def joined_county(lex: Lexicon, text: str, start: int, end: int, info: PlaceInfo) -> bool:
    """A two-character county whose first character is also a function word or verb joining the words
    around it (``function_char_counties.txt``: 和县, 任县), written where no county name may start
    (:func:`county_alone_in`): the joiner and an elided 县 (``镇政府和县品牌工作委员会``, ``领导和县质监局``,
    ``担任县长``), not that county."""
    return info.level == "county" and end - start == 2 and text[start:end] == info.name \
        and text[start] in lex.words("function_char_counties.txt") and not county_alone_in(lex, text, start, end, info)


def county_name_alone(ctx: Ctx, text: str, start: int, end: int, info: PlaceInfo) -> bool:
    """:func:`county_alone_in` with the lexicon of ``ctx``."""
    return county_alone_in(ctx.lex, text, start, end, info)


def county_alone_in(lex: Lexicon, text: str, start: int, end: int, info: PlaceInfo) -> bool:
    """Whether the county name ``text[start:end]`` is a name of its own, not letters of the words around
    it: its last character must not begin an elided award head (``和县长质量奖``, ``担任县长``: 和县 and
    任县 are no places there; ``data/lexicon/elided_award_heads.tsv``), and it must start at a boundary —
    the text's start, a character that is no Han character, a lead word (``data/lexicon/place_leads.txt``)
    or the name of a place above it (``马鞍山市和县``)."""
    if any(text.startswith(row[0], end - 1) for row in lex.table("elided_award_heads.tsv", columns=2)):
        return False
    if start == 0 or not is_han(text[start - 1]):
        return True
    before = text[max(0, start - 9):start]
    if any(before.endswith(w) for w in lex.words("place_leads.txt")):
        return True
    above = {a.code for a in lex.ancestors(info)}
    return any(p.code in above for n in range(2, len(before) + 1) for p in lex.place_names.get(before[-n:], ()))


FOLLOW_OK = "市省县区的和与及等、在为是已落有共累将新今近获入全各均同也还都设讯"  # 兰州讯: a dateline's place



TOWN_ENDINGS = ("街道", "镇", "乡")
TOWN_ITEM_RE = re.compile(r"(?<=、)([\u4e00-\u9fff]{2,3}?)(街道|镇|乡)(?=[、等和及，,。；;）)]|$)")
TOWN_BOUNDED_RE = re.compile(r"(?:(?<=^)|(?<=[，,：:；;\n]))([\u4e00-\u9fff]{2,3}?)(街道|镇|乡)(?=、)")
TOWN_AFTER_LEAD_RE = re.compile(r"([\u4e00-\u9fff]{2})(街道|镇|乡)")
TOWN_LAST_RE = re.compile(r"(?<=[镇乡道]、)([\u4e00-\u9fff]{2,3}?)(街道|镇|乡)")
TOWN_STOP_STARTS = "各全该本每其此这那一二两三四五六七八九十多个等和及与在于的了"


def find_towns(ctx: Ctx) -> None:
    """Towns, townships and sub-districts the gazetteer does not hold: a name of two or three characters before
    镇 / 乡 / 街道 right after a word of location (``在某亭镇某社区举行``) or as an item of a list of towns
    (``覆盖甲井镇、乙口镇、丙桥镇等``), or as the first item of a list bounded by marks on both sides (``会上，甲镇、
    县经信局…``); a generic word (``town_non_names.txt``: 特色小镇, 城乡, 各乡镇), a 乡 before 镇 (农村乡镇) and a
    describing head (``town_non_heads.txt``: 偏远乡, 先进乡) are none."""
    text = ctx.text
    found: list[tuple[int, int]] = []
    for m in TOWN_ITEM_RE.finditer(text):  # 甲镇、乙镇: every item after the first, then the first one
        found.append((m.start(1), m.end()))
        first = re.search(r"([\u4e00-\u9fff]{2})(街道|镇|乡)、$", text[max(0, m.start(1) - 6):m.start(1)])
        if first is not None and first.group(2) == m.group(2):
            found.append((m.start(1) - len(first.group()), m.start(1) - 1))
    for m in TOWN_BOUNDED_RE.finditer(text):  # 会上，甲镇、县经信局…: a list's first item, bounded by marks
        found.append((m.start(1), m.end()))
    for m in TOWN_LAST_RE.finditer(text):  # 在甲镇、乙街道开展宣传: the last item after a town, before a verb
        if any(e == m.start(1) - 1 for _, e in found) \
                and not text.startswith(("长", "级"), m.end()):
            found.append((m.start(1), m.end()))
    for lead in ctx.lex.words("location_leads.txt", longest_first=True):
        i = text.find(lead)
        while i != -1:
            if (m := TOWN_AFTER_LEAD_RE.match(text, i + len(lead))) is not None:
                found.append((m.start(1), m.end()))
            i = text.find(lead, i + 1)
    non_names = ctx.lex.words("town_non_names.txt")
    non_heads = tuple(ctx.lex.words("town_non_heads.txt"))
    for s, e in sorted(set(found)):
        name = text[s:e]
        if name.endswith("乡") and text.startswith("镇", e):
            continue  # 农村乡镇: the generic 乡镇, no 乡 of a name
        if name.startswith(non_heads):
            continue  # 偏远乡, 先进乡: a word describing towns, no name
        if name[0] in TOWN_STOP_STARTS or name.endswith(tuple(non_names)) or ctx.overlaps_claim(s, e) \
                or any(w in name[:-1] for w in ("镇", "乡", "街道", "市", "县", "区", "省")):
            continue
        ctx.add(Kind.PLACE, name, s, e, level=Level.TOWNSHIP)
        ctx.claim(s, e)
