"""Industry chains, chain projects with their level, and service stations.

``以1条国家级石榴产业链项目为引领，锂电池、机床2条省级产业链项目为关键，新材料、高端装备等10条
市级产业链项目为支撑`` → three counts by level and five chain projects; ``锂电池产业链`` anywhere
is a chain even without a level.
"""

from __future__ import annotations

import bisect
import re
from ..model import ChainProject, Kind, Level, Observation, Ref
from .context import PUNCT, Ctx, is_han
from .numbers import NUMBER_RE, parse_number
from .named import TITLE_RE
from .orgs import left_edge, list_items, place_starting_at, raw_list_items
from .scan import PUNCTUATION_STOPS, Scan

LEVELS = r"(?P<level>国家级|省级|市级|县级|区级)"
ITEM = r"[^\d，,。；;:、：“”《》\s等]{1,12}"
PROJECT_RE = re.compile(
    rf"(?:(?P<items>{ITEM}(?:、{ITEM})*)(?P<deng>等)?)?(?P<num>\d+|[一二两三四五六七八九十]+)条{LEVELS}?(?P<name>[^\d，,。；;:、：\s]{{0,10}}?)产业链(?P<proj>项目)?"
)
FUNCTION_CHARS = "和及与了在为对将以的从把被向"
CHAIN_RE = re.compile(r"产业链")
STATION_LIST_RE = re.compile(
    rf"(?P<items>{ITEM}(?:、{ITEM})+)等?(?P<num>\d+|[一二两三四五六七八九十]+)个(?P<type>[^\d，,。；;:、：\s]{{0,6}}?)(?P<suffix>服务站|工作站|指导站|服务中心|服务平台)"
)
STATION_RE = re.compile(
    rf"{LEVELS}?(?P<name>[^，,。；;:、：“”\s\d]{{2,24}}?(?:服务站|工作站|指导站))(?:落户|设在|建在|落地|揭牌于)?(?P<after>[^，,。；;:]{{0,6}})"
)
PROJECT_SCAN = Scan(PROJECT_RE, "条", PUNCTUATION_STOPS)
STATION_LIST_SCAN = Scan(STATION_LIST_RE, "个", PUNCTUATION_STOPS)
STATION_SCAN = Scan(STATION_RE, "站", "，,。；;:、：“”\n\r\t \u3000")  # a station's name may hold 《》


def _level(ctx: Ctx, word: str | None) -> Level | None:
    return ctx.lex.levels.get(word) if word else None


def chain_name(ctx: Ctx, end: int, *, floor: int = 0) -> tuple[int, str] | None:
    """The chain name ending at ``end`` (the position of 产业链), place and level words removed."""
    start = left_edge(ctx, end, max_len=14)
    start = max(start, floor, ctx.claim_end_before(end, start))
    body = ctx.text[start:end]
    for sep in ("产业链", "、", "等"):
        i = body.rfind(sep)
        if i != -1:
            start += i + len(sep)
            body = body[i + len(sep):]
    cut = max(body.rfind(c) for c in "从向把被了的")
    if cut != -1:  # 记者从市重点产业链, 听取了产业链…, 全局的产业链: what follows the preposition, 了 or 的
        start += cut + 1
        body = body[cut + 1:]
    topic = max((body.rfind(w) + len(w) for w in ctx.lex.words("chain_topic_leads.txt") if w in body), default=0)
    if topic > 0:  # 某领导关于产业链工作的要求: what follows 关于 is the topic, the words before it no chain's name
        start += topic
        body = body[topic:]
    verb = max(((body.rfind(v), v) for v in ctx.lex.words("chain_verb_words.txt")), key=lambda iv: iv[0] + len(iv[1]))
    if verb[0] > 0 and len(body) - verb[0] - len(verb[1]) >= 1:  # 进一步完善制造业产业链: what the verb acts on
        start += verb[0] + len(verb[1])
        body = body[verb[0] + len(verb[1]):]
    if body.endswith("好") or (body.startswith("好") and start > 0 and "\u4e00" <= ctx.text[start - 1] <= "\u9fff"):
        return None  # 落实好产业链补链…, 要抓好产业链…: the verb's complement 好, no chain named
    while len(body) > 1 and body[0] in "和及与了在为对将以的":
        start += 1
        body = body[1:]
    if len(body) < 2 and body in "和及与了在为对将以的":
        return None
    for sep in ("和", "及", "与"):
        head, _, tail = body.rpartition(sep)
        if head and (tail in ctx.lex.chain_stopwords or not tail):
            return None  # 新兴和未来产业链, 领域及标志性产业链: modifiers, not names
    num = re.match(r"[\d一二两三四五六七八九十]+(?:条|个|项|大)", body)
    if num:
        start += num.end()
        body = body[num.end():]
    elif body[:1] in ("条", "个", "项", "大") and start > 0 and (ctx.text[start - 1].isdigit()
                                                        or ctx.text[start - 1] in "一二两三四五六七八九十"):
        start += 1  # 7大重点产业链: the digits stopped the name's left edge, their classifier is no part of it
        body = body[1:]
    while body:
        found = place_starting_at(ctx, start, limit=end)
        level = next((w for w in sorted(ctx.lex.levels, key=len, reverse=True) if body.startswith(w)), None)
        if found:
            start = found[0]
        elif level:
            start += len(level)
        elif body[0] in "条级":
            start += 1
        else:
            break
        body = ctx.text[start:end]
    stripped = True
    while stripped:  # 质量强链重点产业链: every word is a modifier
        stripped = False
        for stop in sorted(ctx.lex.chain_stopwords, key=len, reverse=True):
            if stop in ctx.lex.words("chain_kept_leads.txt"):
                continue  # 现代家具产业链: 现代 alone names no chain, but opens a name
            if body.startswith(stop) and len(body) > len(stop):
                start += len(stop)
                body = body[len(stop):]
                stripped = True
    if body[:1] in ("市", "省", "县", "区") and body[1:] in ctx.lex.chain_stopwords:
        return None  # 市重点产业链: the elided home place and a modifier
    if not body or body in ctx.lex.chain_stopwords or len(body) > 10 or any(ch in PUNCT for ch in body) \
            or body in FUNCTION_CHARS or body in ("条", "个", "项", "级"):
        return None  # 淄博在产业链质量提升方面: no chain named 在
    if re.search(r"[\d一二两三四五六七八九十]+(?:条|个|项)$", body):
        return None  # 农机装备两条产业链: a count, the chains are named before it
    if body.endswith(ctx.lex.words("chain_verb_words.txt")):
        return None  # 某市推出产业链供应链三年行动计划: an act on chains, no chain named 推出
    if re.fullmatch(r"[一二两三四五六七八九十百]+", body):
        return None  # 某市一产业链入围: a count, no chain named 一
    modifier = next((w for w in sorted(ctx.lex.chain_stopwords, key=len, reverse=True)
                     if body.endswith(w) and len(body) > len(w)), None)
    if modifier is not None and body[:-len(modifier)].endswith(
            (*ctx.lex.chain_stopwords, *ctx.lex.words("chain_verb_words.txt"))):
        return None  # 质量联动提升重点产业链: an act and a modifier, no industry named
    if modifier is not None and len(body) - len(modifier) >= 2:
        body = body[:-len(modifier)]  # 汽车零部件优势产业链: the chain is 汽车零部件产业链
    return start, body


def find_chains(ctx: Ctx) -> None:
    """Every ``X产业链`` with a real name X: an IndustryChain (claims are ignored: names inside
    event titles count too)."""
    titles = [(t.start(), t.end()) for t in TITLE_RE.finditer(ctx.text)]
    starts = [s for s, _ in titles]
    for m in CHAIN_RE.finditer(ctx.text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < titles[i][1]:
            continue
        found = _bracketed_chain(ctx, m.start()) or chain_name(ctx, m.start())
        if found is None:
            continue
        start, body = found
        ctx.add(Kind.INDUSTRY_CHAIN, body + "产业链", start, m.end())


def _bracketed_chain(ctx: Ctx, at: int) -> tuple[int, str] | None:
    """``茶叶（小水果）产业链``: a short bracketed word before 产业链 is part of the chain's name; items listed
    with 、 before it that open their sentence or line (``甲、乙（丙）产业链方面，…``) are grouped by the bracket
    into one chain. None when no such bracket closes right before ``at``."""
    close = at - 1
    if close < 1 or ctx.text[close] not in "）)":
        return None
    opening = max(ctx.text.rfind("（", max(0, close - 10), close), ctx.text.rfind("(", max(0, close - 10), close))
    inner = ctx.text[opening + 1:close] if opening != -1 else ""
    if not 1 <= len(inner) <= 8 or not all(is_han(c) for c in inner):
        return None
    found = chain_name(ctx, opening)
    if found is None:
        return None
    start, body = found
    lo = start
    while ctx.text[lo - 1:lo] == "、":
        k = lo - 1
        while k > 0 and is_han(ctx.text[k - 1]) and lo - 1 - k < 6:
            k -= 1
        item = chain_name(ctx, lo - 1, floor=k) if k < lo - 1 else None
        if item is None or item[0] != k:
            break  # 要发展甲、乙（丙）产业链: a verb opens the list, the items are no name's opening
        lo = k
    if lo < start and (lo == 0 or ctx.text[lo - 1] in "\n。；;"):
        body = ctx.text[lo:start] + body
        start = lo
    return start, body + ctx.text[opening:close + 1]


CHAIN_LIST_RE = re.compile(
    rf"(?P<items>{ITEM}(?:、{ITEM})+)等(?:(?:\d+|[一二两三四五六七八九十]+)个)?(?P<mod>[^\d，,。；;：:、\s]{{0,8}}?)产业链"
)
"""``甲、乙等产业链``, ``甲、乙以及丙等12个产业链`` (a count in 个; a count in 条 is read by ``PROJECT_RE``)."""
CHAIN_LIST_SCAN = Scan(CHAIN_LIST_RE, r"等(?:(?:\d+|[一二两三四五六七八九十]+)个)?[^\d，,。；;：:、\s]{0,8}?产业链", PUNCTUATION_STOPS)
PROJECT_AWARD_RE = re.compile(
    r"产业链(?:获批|入选|列入|纳入|成为|获评)(?:为)?(?P<level>国家级|省级|市级|县级)(?:[^，,。；;]{0,10}?)项目"
)
LEVEL_COUNTS_RE = re.compile(
    r"(?P<groups>(?:(?:\d+|[一二两三四五六七八九十]+)(?:个|条)(?:国家级|省级|市级|县级)、?)+)(?P<what>[^，,。；;\d]{0,4}产业链[^，,。；;\d]{0,12}项目)"
)
LEVEL_COUNTS_SCAN = Scan(LEVEL_COUNTS_RE, "产业链", "，,。；;")
""":data:`LEVEL_COUNTS_RE` tried only where a match can reach 产业链 (no ，。； before it)."""


CHAIN_COLON_RE = re.compile(
    rf"产业链(?:分别)?(?:是|为|包括|有)[：:](?P<items>{ITEM}(?:、{ITEM})+)(?=[。；;，,]|$)", re.M
)


def find_chain_lists(ctx: Ctx) -> None:
    """``机器人、低空经济、商业航天等新兴和未来产业链`` / ``调整后的10条产业链是：白酒、能源化工…``: each
    listed item is a chain."""
    for m in CHAIN_COLON_RE.finditer(ctx.text):
        for s, e in list_items(ctx, m.start("items"), m.end("items"), after_claims=False):
            item = re.sub(r"产业链$", "", ctx.text[s:e])
            if len(item) >= 2 and item not in ctx.lex.chain_stopwords:
                ctx.add(Kind.INDUSTRY_CHAIN, item + "产业链", s, e)
    for m in CHAIN_LIST_SCAN.finditer(ctx.text):
        if not _chain_modifier(ctx, m.group("mod")) or ctx.text.startswith(ctx.lex.words("chain_holder_nouns.txt"), m.end()):
            continue  # 甲、乙等会议上关于产业链…: no modifier of chains; 甲局、乙局等产业链牵头单位: the chains' holders
        for s, e in [p for a, b in list_items(ctx, m.start("items"), m.end("items")) for p in _split_last(ctx, a, b)]:
            if e - s >= 2 and ctx.text[s:e] not in ctx.lex.chain_stopwords and not ctx.text[s:e].endswith("产业链"):
                ctx.add(Kind.INDUSTRY_CHAIN, ctx.text[s:e] + "产业链", s, e)


def _chain_modifier(ctx: Ctx, mod: str) -> bool:
    """Whether the words between ``等`` and ``产业链`` are modifiers of chains only (重点, 新兴和未来, 省级, none)."""
    words = sorted({*ctx.lex.chain_stopwords, *ctx.lex.levels, "和", "及", "与"}, key=len, reverse=True)
    while mod:
        word = next((w for w in words if mod.startswith(w)), None)
        if word is None:
            return False
        mod = mod[len(word):]
    return True


CLUSTER_RE = re.compile(r"(?:^|(?<=[、，,。；;：:\s]))(?P<name>[^、，,。；;：:\s“”《》\d和及与]{3,20}?产业集群)")
CLUSTER_SCAN = Scan(CLUSTER_RE, "产业集群", PUNCTUATION_STOPS)
""":data:`CLUSTER_RE` tried only where a match can reach 产业集群 (its name holds no punctuation)."""


CLUSTER_AFTER_RE = re.compile(r"[、，,。；;]|等|(?:成功)?(?:上榜|入选|获批|列入|纳入)|$")
"""After a cluster's name as an item of a list or of a listing."""


def claim_cluster_names(ctx: Ctx) -> None:
    """``吉安县视听设备制造产业集群、…上榜``: a cluster named after its place, listed, is a name (no chain, no
    entity class of its own), so the place inside it is no mention of that place."""
    for m in CLUSTER_SCAN.finditer(ctx.text):
        s, e = m.span("name")
        if ctx.overlaps_claim(s, e):
            continue
        found = place_starting_at(ctx, s, limit=e)
        if found is not None and found[0] < e - 4 and CLUSTER_AFTER_RE.match(ctx.text, e):
            ctx.claim(s, e)  # (清徐县老陈醋产业集群规模以上企业达到36家: a clause's subject, its place kept)


def chain_items(ctx: Ctx, start: int, end: int) -> list[tuple[int, int]]:
    """The chains of a ``、`` list before a count: ``聚焦电子信息、…、健康食品及饮料、节能环保8条…`` — the first
    item loses the verb on its left, the last is split at 以及; 及 and 和 inside an item stay (健康食品及饮料, one
    chain: a food category's split does not apply to chains)."""
    return [part for s, e in raw_list_items(ctx, start, end) for part in _split_last(ctx, s, e)]


def _split_last(ctx: Ctx, s: int, e: int) -> list[tuple[int, int]]:
    """``食用菌以及地坪磨片`` → two items: 以及 joins the last item of a list, never a name."""
    j = ctx.text.find("以及", s, e)
    return [(s, j), (j + 2, e)] if j > s and j + 2 < e else [(s, e)]


def find_chain_awards(ctx: Ctx) -> None:
    """``锂电池产业链获批国家级质量强链项目``: a chain project of that level in the document's place."""
    place = ctx.home
    for m in PROJECT_AWARD_RE.finditer(ctx.text):
        found = chain_name(ctx, m.start())
        if found is None:
            continue
        start, body = found
        chain = ctx.add(Kind.INDUSTRY_CHAIN, body + "产业链", start, m.start() + 3)
        ctx.chain_projects.append(ChainProject(chain.ref, _level(ctx, m.group("level")),
                                               place.name if place else None, ctx.span(start, m.end())))
    for m in LEVEL_COUNTS_SCAN.finditer(ctx.text):
        for g in re.finditer(r"(?P<num>\d+|[一二两三四五六七八九十]+)(?P<cls>个|条)(?P<level>国家级|省级|市级|县级)", m.group("groups")):
            token = parse_number(NUMBER_RE.match(g.group("num")))
            if token is None:
                continue
            s = m.start("groups") + g.start()
            if ctx.overlaps_claim(s, m.start("groups") + g.end()):
                continue
            ctx.observations.append(Observation(
                measure="产业链项目", value=token.value, unit="Tiao" if g.group("cls") == "条" else "Ge",
                span=ctx.span(s, m.start("groups") + g.end()),
                subject=Ref(Kind.PLACE, place.name) if place else None, level=_level(ctx, g.group("level")),
                place=place.name if place else None, period=ctx.year,
            ))
            ctx.claim(s, m.start("groups") + g.end())


def find_chain_projects(ctx: Ctx) -> None:
    place = ctx.home
    for m in PROJECT_SCAN.finditer(ctx.text):
        level = _level(ctx, m.group("level"))
        token = parse_number(NUMBER_RE.match(m.group("num")))
        if token is None:
            continue
        what = "产业链项目" if m.group("proj") else "产业链"
        into = re.match(r"(?:入选|列入|纳入)((?:国家级|省级|市级|县级|自治区级)[^，,。；;“”]{0,16}?项目)", ctx.text[m.end():m.end() + 30])
        if into and what == "产业链":
            what = into.group(1)  # 2条产业链入选省级产业链质量提升项目: counted as projects of that list
        later = re.match(r"(?:入选|列入|获批|纳入|为)[^，,。；;]{0,12}?(国家级|省级|市级|全国|全省)", ctx.text[m.end():m.end() + 20])
        if level is None and later:  # 光伏、新材料2条产业链入选全国首批…重点项目
            level = {"全国": Level.NATIONAL, "全省": Level.PROVINCIAL}.get(later.group(1)) or _level(ctx, later.group(1))
        chains: list[tuple[int, int, str]] = []
        modifier = m.group("name") in ctx.lex.chain_stopwords  # 甲、乙8条重点产业链: 重点 names no chain
        if modifier and what == "产业链":
            what = m.group("name") + what  # 7条标志性产业链: the kind of chains counted is the measure
        if m.group("name") and not (modifier and m.group("items")):
            found = chain_name(ctx, m.start("name") + len(m.group("name")), floor=m.start("name"))
            if found:
                chains.append((found[0], m.end("name") + 3, found[1] + "产业链"))
        elif m.group("items") and (level is not None or "、" in m.group("items") or m.group("deng")):
            for s, e in chain_items(ctx, m.start("items"), m.end("items")):
                name = ctx.text[s:e]
                if len(name) < 2 or name in ctx.lex.chain_stopwords:
                    continue
                chains.append((s, e, name + "产业链"))
        for s, e, name in chains:
            ctx.add(Kind.INDUSTRY_CHAIN, name, s, e)
            if level is None:
                continue
            ctx.chain_projects.append(ChainProject(Ref(Kind.INDUSTRY_CHAIN, name), level,
                                                  place.name if place else None, ctx.span(s, m.end())))
        flows = ctx.lex.alternation("flow_measures.txt")
        if re.match(rf"的?总?(?:{flows})", ctx.text[m.end():m.end() + 10]):
            ctx.claim(m.start("num"), m.end())
            continue  # 8条重点产业链总产值达到2100亿元: the chains' output is the figure, their count no new one
        year = re.search(r"(\d{4})年$", ctx.text[max(0, m.start("num") - 5):m.start("num")])
        ctx.observations.append(Observation(
            measure=what, value=token.value, unit="Tiao", span=ctx.span(m.start("num"), m.end()),
            subject=Ref(Kind.PLACE, place.name) if place else None, level=level,
            place=place.name if place else None, period=year.group(1) if year else ctx.year,  # 较2022年10条产业链: that year's
            examples=tuple(Ref(Kind.INDUSTRY_CHAIN, n) for _, _, n in chains) if m.group("deng") else (),
        ))
        ctx.claim(m.start("num"), m.end())


def find_stations(ctx: Ctx) -> None:
    """Service stations: a list with a count, or one station with level and place."""
    place = ctx.city
    prefix = (place.name if place else "")
    for m in STATION_LIST_SCAN.finditer(ctx.text):
        token = parse_number(NUMBER_RE.match(m.group("num")))
        names: list[Ref] = []
        spans = list_items(ctx, m.start("items"), m.end("items"))
        first = 0
        for i, (s, e) in enumerate(spans):
            if any(w in ctx.text[s:e] for w in ctx.lex.boundary_words if len(w) >= 2):
                first = i  # 在偃师区、伊川县布局轴承、…: the industries start after the verb
        for i, (s, e) in enumerate(spans):
            if i < first:
                continue
            if i == first and first:
                s = max(s, left_edge(ctx, e, max_len=e - s))
            industry = ctx.text[s:e]
            name = f"{prefix}{industry}{m.group('type')}{m.group('suffix')}"
            ent = ctx.add(Kind.SERVICE_STATION, name, s, e, place=place.name if place else None,
                          attributes=(("industry", industry),))
            names.append(ent.ref)
        if token is not None:
            ctx.observations.append(Observation(
                measure=m.group("type") + m.group("suffix"), value=token.value, unit="Ge",
                span=ctx.span(m.start("num"), m.end()), subject=Ref(Kind.PLACE, place.name) if place else None,
                place=place.name if place else None, period=ctx.year, examples=tuple(names),
            ))
        ctx.claim(min((e.span.start for e in ctx.entities_in(m.start(), m.end())
                       if e.kind is Kind.SERVICE_STATION), default=m.start("num")), m.end())
    for m in STATION_SCAN.finditer(ctx.text):
        if ctx.overlaps_claim(m.start("name"), m.end("name")):
            continue
        s = max(m.start("name"), left_edge(ctx, m.end("name") - 3, max_len=24))
        name = ctx.text[s:m.end("name")]
        if len(name) < 5 or any(ch in name for ch in "()（）和及的"):
            continue  # 工作站 alone, 县级和园区(工作站, 各具特色的…指导站: no station of its own
        where = place_starting_at(ctx, m.start("after"), limit=m.end("after")) if m.group("after") else None
        site = where[1] if where else place
        industry = _industry(ctx, s, m.end("name"))
        ctx.add(Kind.SERVICE_STATION, name, s, m.end("name"), level=_level(ctx, m.group("level")),
                place=site.name if site else None, attributes=(("industry", industry),) if industry else ())
        ctx.claim(s, m.end("name"))


def _industry(ctx: Ctx, start: int, end: int) -> str | None:
    """``枣庄石榴产业商标品牌指导站`` → 石榴."""
    found = place_starting_at(ctx, start, limit=end)
    s = found[0] if found else start
    i = ctx.text.find("产业", s, end)
    return ctx.text[s:i] if i > s else None

