"""Policies in 《》, quoted names (brands, honours, systems, models, events) and meetings."""

from __future__ import annotations


import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Level, Rel
from .context import CLAUSE_BREAK, Ctx
from .quoted_events import is_occasion
from .slogans import motto_only, names_no_system
from .orgs import place_ending_at
from .programmes import find_pattern_programmes, granted_title_name, placed_name, programme_heads


def programme_name(text: str) -> tuple[str, str | None, int | None]:
    from .listings import programme_name as split_name  # listings builds on this module's names

    return split_name(text)

TITLE_RE = re.compile(r"《([^《》\n]{1,150})》")
QUOTE_RE = re.compile(r"“([^“”\n]{1,80})”|「([^「」\n]{1,80})」|\"([^\"\n]{1,80})\"")
TRAILER_RE = re.compile(r"[（(]([^（）()]{1,20})[)）]$")
YEAR_RANGE_RE = re.compile(r"(\d{4})\s*[—–\-~～至到]+\s*(\d{4})")
ISSUE_VERB_RE = re.compile(r"(?:联合|共同|相继|先后|分别|已|正式|研究|制定并)*(?:印发|出台|发布|颁布|制定|制发|修订)了?$")
STANDARD_TITLE_RE = re.compile(r"^(?:地理标志产品|GB|DB|T/|关于)|\s|^[\u4e00-\u9fff]{2,24}关于.+的[\u4e00-\u9fff]{1,2}$")
# a standard, or an official document (关于…的通报; an issuer's 某局关于同意…的函)
NATIONAL_TITLE_RE = re.compile(r"^(?:国家|全国|中国|中华人民共和国)|强国")
EVENT_VERB_RE = re.compile(r"(?:组织召开|成功举办|成功召开|召开|举办|举行|承办|主办)了?")
DATE_RE = re.compile(r"(\d{1,2})月(\d{1,2})日")

PROGRAMME_WORDS = (
    ("高端认证", Kind.CERTIFICATION_SCHEME), ("认证", Kind.CERTIFICATION_SCHEME), ("证书", Kind.CERTIFICATION_SCHEME),
    ("授牌", Kind.HONOUR), ("培育名单", Kind.CULTIVATION_POOL),
    ("名单", Kind.HONOUR), ("名录", Kind.PROTECTION_LIST), ("榜单", Kind.HONOUR),
    ("称号", Kind.HONOUR), ("荣誉", Kind.HONOUR), ("奖", Kind.HONOUR), ("品牌", Kind.HONOUR),
    ("培育库", Kind.CULTIVATION_POOL), ("制度", Kind.QUALITY_SYSTEM),
)
LIST_AFTER_RE = re.compile(r"[^，,。；;“”《》\s\d]{0,6}?(?:推荐|拟入选|拟获奖|入选|获奖|公示|培育|认定)(?:对象)?(?:名单|名录|对象)")
LISTED_TITLE_RE = re.compile(r"(?:上榜|入选|入围|荣登|列入|纳入)[^，,。；;《》]{0,20}?(?:发布|公布|印发|评选)的$")
"""``入选国家某局发布的《…清单》``: the title after it names the list entered."""
LIST_TITLE_END_RE = re.compile(r"(?:清单|名录|名单|榜单|榜)$")
MODEL_WORDS = ("模式", "体系", "工程", "战略", "机制")


def find_policies(ctx: Ctx) -> None:
    """Every 《title》: a policy with document type, level, period and issuer where the text says."""
    for m in TITLE_RE.finditer(ctx.text):
        title = m.group(1).strip()
        if not title:
            continue
        if re.search(r"(?:上榜|入选|入围|荣登|列入)$", ctx.text[max(0, m.start() - 3):m.start()]):
            ctx.add(Kind.HONOUR, title, m.start(1), m.start(1) + len(m.group(1)), level=_level_from_name(ctx, title))
            ctx.claim(m.start(), m.end())
            continue  # 上榜《中国500最具价值品牌》: a ranking, not a policy
        if LISTED_TITLE_RE.search(ctx.text[max(0, m.start() - 30):m.start()]) and LIST_TITLE_END_RE.search(title):
            name = re.sub(r"[“”\"「」]", "", title)
            kind = Kind.PROTECTION_LIST if re.search(r"商标|地理标志", name) and not name.endswith(("名单", "榜单")) \
                else Kind.HONOUR
            ctx.add(kind, name, m.start(1), m.end(1), level=_level_from_name(ctx, name))
            ctx.claim(m.start(), m.end())
            continue  # 入选某局发布的《某某品牌推广清单》: the list entered, no policy
        core, provisional, coverage = _strip_trailers(title)
        if len(core) <= 12 and re.search(r"(?:日报|晚报|报|杂志|周刊|学报)$", core) and not re.search(
                r"(?:通报|公报|简报|汇报|快报|年报|情报|报告)$", core):
            ctx.add(Kind.MEDIA, core, m.start(1), m.start(1) + len(m.group(1)))
            ctx.claim(m.start(), m.end())
            continue  # 《中国质量报》 is a newspaper
        if core.endswith(ctx.lex.words("non_policy_title_endings.txt")):
            ctx.claim(m.start(), m.end())
            continue  # 《某省商标与地理标志发展报告（2023年度）》: a statistical report, no policy
        if re.search(r"(?:工作报告|讲话|发言|致辞)$", core) and re.search(r"作了?$|宣读了?$|发表了?$",
                                                                  ctx.text[max(0, m.start() - 3):m.start()]):
            ctx.claim(m.start(), m.end())
            continue  # 局长作《全市质量工作报告》: a speech at the meeting, not a policy
        if ctx.text.startswith(ctx.lex.words("work_nouns.txt"), m.end()):
            ctx.claim(m.start(), m.end())
            continue  # 某公司《质量先行》宣传片: a film's title, not a policy the company issued
        if len(core) <= 4 and any(core.endswith(sfx) for sfx, _ in ctx.lex.doc_types):
            ctx.claim(m.start(), m.end())
            continue  # 《实施意见》: a short back-reference to a policy named before
        attrs: list[tuple[str, str]] = []
        doc_type = next((t for suffix, t in ctx.lex.doc_types if core.endswith(suffix)), None)
        issuers = _issuers(ctx, m.start())
        issued = ISSUE_VERB_RE.search(ctx.text[max(0, m.start() - 12):m.start()].rstrip("、和及与"))
        if doc_type is None and not STANDARD_TITLE_RE.search(core) and (
                not (issuers or issued) or (issued is not None and issued.group().rstrip("了").endswith("发布")
                                            and not core.endswith(ctx.lex.words("policy_title_endings.txt")))):
            ctx.claim(m.start(), m.end())
            continue  # 《小城故事》一书, a news headline, 某局发布《守护舌尖上的安全》: a title, but no policy
            # (发布 also publishes stories; 印发 / 出台 a title without a document type stays a policy: 《中国制造2025》)
        if doc_type:
            attrs.append(("documentType", doc_type))
        if provisional:
            attrs.append(("provisional", "true"))
        if coverage:
            attrs.append(("coverage", coverage))
        level, place = _title_level(ctx, core)
        if level is None and issuers:
            level = next((e.level for e in issuers if e.level), None) or _national(issuers)
        if sum(_draft_base(ctx, x.group(1).strip()) == _draft_base(ctx, title)
               for x in TITLE_RE.finditer(ctx.text)) > ctx.text.count(f"《{title}》"):
            title = _draft_base(ctx, title)  # 《某办法（征求意见稿）》 … 《某办法（送审稿）》: one policy in its drafts
        ent = ctx.add(Kind.POLICY, title, m.start(1), m.start(1) + len(m.group(1)), level=level,
                      place=place, attributes=tuple(attrs))
        for org in issuers:
            ctx.relate(ent.ref, Rel.ISSUED_BY, org.ref, m.start(), m.end())
        ctx.claim(m.start(), m.end())


def _draft_base(ctx: Ctx, title: str) -> str:
    """``title`` without a draft's marker (``draft_title_markers.txt``): 某办法（征求意见稿） → 某办法."""
    drafts = ctx.lex.words("draft_title_markers.txt")
    while (t := TRAILER_RE.search(title)) is not None and t.group(1).strip() in drafts:
        title = title[: t.start()].rstrip()
    return title


def _strip_trailers(title: str) -> tuple[str, bool, str | None]:
    core, provisional, coverage = title, False, None
    while (t := TRAILER_RE.search(core)) is not None:
        inner = t.group(1)
        if inner in ("试行", "暂行", "征求意见稿", "修订"):
            provisional = provisional or inner in ("试行", "暂行")
        elif (y := YEAR_RANGE_RE.search(inner)) is not None:
            coverage = f"{y.group(1)}-{y.group(2)}"
        core = core[: t.start()].rstrip()
    if coverage is None and (y := YEAR_RANGE_RE.search(title)) is not None:
        coverage = f"{y.group(1)}-{y.group(2)}"
    return core, provisional, coverage


def _title_level(ctx: Ctx, core: str) -> tuple[Level | None, str | None]:
    for length in range(min(10, len(core)), 1, -1):
        info = ctx.resolve_place(core[:length])
        if info is not None and info.level != "country":
            return info.admin_level, info.name
    if NATIONAL_TITLE_RE.search(core):
        return Level.NATIONAL, None
    for prefix, place in (("全省", ctx.province), ("全市", ctx.city), ("全县", ctx.county), ("全区", ctx.county)):
        if core.startswith(prefix) and place is not None:
            return place.admin_level, place.name
    return None, None


def _national(issuers: list) -> Level | None:
    if any(e.name.startswith(("国家", "中华人民共和国", "中国共产党中央", "国务院", "工业和信息化部", "科学技术部", "商务部", "农业农村部"))
           for e in issuers):
        return Level.NATIONAL
    return None


def _issuers(ctx: Ctx, title_start: int) -> list:
    """Organisations of the sentence that issued the run of titles starting before ``title_start``."""
    run_start = title_start
    while True:
        prev = ctx.text.rfind("《", max(0, run_start - 160), run_start)
        if prev == -1:
            break
        between = ctx.text[ctx.text.find("》", prev, run_start) + 1:run_start] if "》" in ctx.text[prev:run_start] else None
        if between is None or between.strip("、和及与 ") != "":
            break
        run_start = prev
    sent = ctx.sentence_of(title_start)
    lo = sent.span.start if sent else max(0, run_start - 200)
    lo = max(lo, ctx.text.rfind("》", lo, run_start) + 1)  # an earlier title's issuer is not this one's
    before = ctx.text[lo:run_start]
    verb = ISSUE_VERB_RE.search(before)
    if verb is None:
        return _named_right_before(ctx, lo, run_start)
    verb_pos = lo + verb.start()
    return [e for e in ctx.entities_in(lo, verb_pos) if e.kind.is_organization and e.kind is not Kind.MEDIA]


def _named_right_before(ctx: Ctx, lo: int, pos: int) -> list:
    """``党中央、国务院《质量强国建设纲要》``: organisations written right before the title issued it."""
    out = []
    while pos > lo:
        org = next((e for e in ctx.ending_at(pos) if e.kind.is_organization and e.kind is not Kind.MEDIA), None)
        if org is None:
            break
        out.append(org)
        pos = org.span.start - (1 if ctx.text[org.span.start - 1:org.span.start] in "、和与" else 0)
        if pos == org.span.start:
            break
    return out[::-1]


PLAN_PERIOD_RE = re.compile(r"十[一二三四五六七八九]?五")
"""``“十四五”地理标志商标培育目标``: a five-year plan's period; ``“已认定、正申报、要培育”…资源清单``: stages joined by 、.
Neither is an indication's name."""

COORDINATORS = "、和及与"
"""A word joining two quoted names into one run: what follows the last one holds for both."""


def find_quotes(ctx: Ctx) -> None:
    """Quoted names, told apart by the words around them (名单, 认证, 制度, 模式, 会, 服务品牌 …)."""
    quotes = [(m.start(), m.end(), next(g for g in m.groups() if g is not None)) for m in QUOTE_RE.finditer(ctx.text)]
    i = 0
    while i < len(quotes):
        j = i
        while j + 1 < len(quotes) and (quotes[j + 1][0] == quotes[j][1] or (  # “A”“B”, “A”和“B”: one run
                quotes[j + 1][0] == quotes[j][1] + 1 and ctx.text[quotes[j][1]] in COORDINATORS)):
            j += 1
        run = quotes[i:j + 1]
        _classify_run(ctx, run)
        for s, e, _ in run:
            ctx.claim(s, e)
        i = j + 1


def _classify_run(ctx: Ctx, run: list[tuple[int, int, str]]) -> None:
    end = run[-1][1]
    if any(e.span.start <= run[0][0] and end <= e.span.end for e in ctx.entities_in(max(0, run[0][0] - 80), end + 80)
           if e.kind in (Kind.MEETING, Kind.EVENT, Kind.PRESS_CONFERENCE)):
        return
    after = ctx.text[end:end + 16]
    before = ctx.text[max(0, run[0][0] - 8):run[0][0]]
    for s, e, inner in run:
        known = ctx.lex.programmes.get(inner) or ctx.lex.programmes.get(inner + _first_word(after))
        if known is not None:
            ctx.add(known.kind, known.name, s + 1, e - 1, level=known.level,
                    attributes=(("en", known.en),) if known.en else ())
            continue
        if inner.endswith(("认证", "名录", "名单", "培育库")) and inner not in ctx.lex.programmes:
            kind = Kind.CERTIFICATION_SCHEME if inner.endswith("认证") else (
                Kind.CULTIVATION_POOL if "培育" in inner else Kind.HONOUR)
            ctx.add(kind, inner, s + 1, e - 1, level=_level_from_name(ctx, inner))
            continue
        if _designation_title(ctx, inner) and not any(pat.match(after) for pat, _ in _event_after_res(ctx.lex)):
            ctx.add(Kind.HONOUR, inner, s + 1, e - 1, level=_level_from_name(ctx, inner))  # “国家某某试点县”
            continue
        event = next(((suf, k) for suf, k in ctx.lex.events if inner.endswith(suf)), None)
        if event is not None:
            _add_event_parts(ctx, inner, s + 1)
            continue
        if len(run) == 1 and after.startswith(ctx.lex.words("selection_after_words.txt")):
            name = placed_name(ctx, inner)  # “市长质量奖”评选 in a city's report: that city's award
            ctx.add(Kind.HONOUR, name, s + 1, e - 1, level=_level_from_name(ctx, name),
                    aliases=(inner,) if name != inner else ())  # “某某50强”评选活动: the honour
            continue
        ev_after = next(((m.group(), k) for pat, k in _event_after_res(ctx.lex) if (m := pat.match(after))), None)
        if is_occasion(ctx, inner) and (len(run) > 1 or ev_after is None) and not after.startswith("期间"):
            ctx.add(Kind.EVENT, inner, s + 1, e - 1, attributes=_event_date(ctx, s))  # 借助“质量月”“品牌日”契机
            continue
        if len(run) == 1 and ev_after is not None and ev_after[0] == "活动" and motto_only(ctx, inner):
            continue  # “优品惠民”活动: a motto, no event of its own
        if len(run) == 1 and (after.startswith("期间") or (ev_after is not None and ev_after[0] == "活动")):
            # “质量月”期间 / 全市“质量月”活动: the campaign itself
            ctx.add(Kind.EVENT, inner, s + 1, e - 1, attributes=_event_date(ctx, s))
            continue
        if ev_after is not None and len(run) == 1:
            name = f"“{inner}”{ev_after[0]}"
            ent = ctx.add(ev_after[1], name, s, end + len(ev_after[0]), attributes=_event_date(ctx, s))
            _organiser(ctx, ent, s)
            continue
        brand_after = re.match(r'[^，,。；;“”]{0,14}?服务(?:品牌|体系品牌)(?![“"「])', ctx.text[end:end + 24])
        if before.endswith(("服务品牌", "公共品牌")) or brand_after:
            ctx.add(Kind.SERVICE_BRAND, inner, s + 1, e - 1, place=ctx.city.name if ctx.city else None)
            continue
        if before.endswith(("区域公用品牌", "商标")) or re.match(r"等?[\d一二两三四五六七八九十]+件商标", after):
            ctx.add(Kind.TRADEMARK, inner, s + 1, e - 1)
            continue
        if re.search(r"[\u4e00-\u9fff]", inner) and "、" not in inner and not PLAN_PERIOD_RE.fullmatch(inner) and re.match(
                r"等?[\d一二两三四五六七八九十]+(?:件|个)地理标志|[^，,。；;“”]{0,6}地理标志", after) \
                and ctx.text.rfind("《", 0, s) <= ctx.text.rfind("》", 0, s):  # 《“某某”地理标志…清单》: a title's word
            ctx.add(Kind.GEOGRAPHICAL_INDICATION, inner, s + 1, e - 1)
            continue
        if re.match(r"(?:企业|产品|品牌)(?:[\d一二两三四五六七八九十]+|[^，,。；]{0,2}$)", after[:6]) and re.search(
            r"(?:新增|培育|认定|入选|评为|获评|授予)$", before
        ):
            ctx.add(Kind.HONOUR, inner, s + 1, e - 1, level=_level_from_name(ctx, inner))
            continue
        if after.startswith("品牌") and (before.endswith(ctx.lex.words("brand_building_verbs.txt")) or any(
                x.kind is Kind.BRAND and x.name == inner for x in ctx.entities)):  # (and the same brand again)
            ctx.add(Kind.BRAND, inner, s + 1, e - 1)  # 打造“某地制造”品牌: a brand being built, no programme
            continue
        if _owned_brand(ctx, s, after):
            ctx.add(Kind.BRAND, inner, s + 1, e - 1)  # 甲公司的“某某”品牌上榜: the firm's brand, no programme
            continue
        word = next(((w, k) for w, k in PROGRAMME_WORDS if after.startswith(w)), None)
        if word is None and re.match(r"(?:荣誉)?称号", after):
            word = ("称号", Kind.HONOUR)
        if word is None and len(run) == 1 and LIST_AFTER_RE.match(after) and not _entered(ctx, after):  # “某某示范企业”合肥市推荐名单
            word = ("名单", Kind.CULTIVATION_POOL if "培育" in LIST_AFTER_RE.match(after).group() else Kind.HONOUR)
        if word is not None:
            w, kind = word
            inner = placed_name(ctx, programme_name(inner)[0])  # “2023年度泰州市市长质量奖” is 泰州市市长质量奖
            inner = granted_title_name(ctx, inner, s)  # 县政府…授予…“质量管理先进单位”: the county's title
            name = inner + w if kind in (Kind.QUALITY_SYSTEM,) else inner
            head = _programme_head(ctx, s)
            span = (s - len(head), e) if head else (s + 1, e - 1)
            ctx.add(kind, head + name, *span, level=_level_from_name(ctx, inner))
            continue
        tail = re.match(r"[^，,。；;:、：“”《》\s]{0,16}", ctx.text[end:]).group()
        model = min(((tail.find(w), w) for w in MODEL_WORDS if w in tail), default=None)
        if model is not None and len(run) == 1:
            idx, w = model
            if names_no_system(ctx, w):
                continue  # “三链协同”工作机制: a motto's mechanism, no system
            name = f"“{inner}”{tail[:idx + len(w)]}"
            kind = Kind.QUALITY_SYSTEM if w == "机制" else Kind.WORK_MODEL
            ctx.add(kind, name, s, end + idx + len(w))


def _designation_title(ctx: Ctx, inner: str) -> bool:
    """A quoted title a place is given (``place_honour_titles.txt``: 示范城市, 试点县 …) opening with a level
    word (国家, 全国, 省级) or a place: a programme, whatever words follow the quote."""
    if not inner.endswith(ctx.lex.words("place_honour_titles.txt")) or len(inner) < 6:
        return False
    return inner.startswith(tuple(ctx.lex.levels)) or any(
        ctx.resolve_place(inner[:n]) is not None for n in range(min(8, len(inner) - 3), 1, -1))


def _owned_brand(ctx: Ctx, quote_start: int, after: str) -> bool:
    """``甲食品有限公司的“某某”`` (``brand_owner_endings.txt``): a quote owned by the organisation named right
    before 的 is its brand or trade name when a brand's word, a list's mark or a verb of being listed follows
    (``的“某某”品牌上榜``, ``的“某某”、乙公司的…``) — not before a programme's word (``的“某某”称号``)."""
    before = ctx.text[max(0, quote_start - 8):quote_start]
    if not before.endswith("的") or not re.match(r"品牌|商标|字号|产品|[、，,。；;]|等|进入|入选|入围|上榜|榜上|成功|荣获|获|被", after):
        return False  # 甲公司的“某某”品牌上榜 / 、 / 等6个品牌: a brand; 甲公司的“某某”称号 / 经验: not read here
    return before[:-1].endswith(ctx.lex.words("brand_owner_endings.txt"))


def _entered(ctx: Ctx, after: str) -> bool:
    """``“某某”进入公示名单``: a verb of entering (``quoted_entry_verbs.txt``) before the list word makes the
    quote an item of the list, not the list's name."""
    listed = LIST_AFTER_RE.match(after).group()
    kind = re.search(r"(?:推荐|拟入选|拟获奖|入选|获奖|公示|培育|认定)(?:对象)?(?:名单|名录|对象)$", listed)
    gap = listed[:kind.start()] if kind else listed  # “某某”入选名单: 入选 is the list's kind, not a verb before it
    return any(v in gap for v in ctx.lex.words("quoted_entry_verbs.txt"))


def _programme_head(ctx: Ctx, quote_start: int) -> str:
    """``企业标准“领跑者”``: a head word written before the quote that belongs to the programme's name."""
    return next((w for w in programme_heads(ctx.lex) if ctx.text[max(0, quote_start - len(w)):quote_start] == w), "")


def _first_word(after: str) -> str:
    return next((w for w, _ in PROGRAMME_WORDS if after.startswith(w)), "")


def _level_from_name(ctx: Ctx, name: str) -> Level | None:
    for word, level in sorted(ctx.lex.levels.items(), key=lambda t: -len(t[0])):
        if name.startswith(word):
            return level
    for length in range(min(8, len(name)), 1, -1):
        info = ctx.resolve_place(name[:length])
        if info is not None:
            return info.admin_level
    return None


def _add_event_parts(ctx: Ctx, inner: str, start: int) -> None:
    """A quoted event name; ``A暨B`` is two events, B a sub-event of A."""
    parts = inner.split("暨")
    if not all(any(p.endswith(suf) for suf, _ in ctx.lex.events) for p in parts):
        parts = [inner]
    pos = start
    first = None
    for part in parts:
        kind = next((k for suf, k in ctx.lex.events if part.endswith(suf)), Kind.EVENT)
        ent = ctx.add(kind, part, pos, pos + len(part), attributes=_event_date(ctx, start))
        _organiser(ctx, ent, start - 1)
        if first is None:
            first = ent
        else:
            ctx.relate(first.ref, Rel.SUB_EVENT, ent.ref, start, start + len(inner))
        pos += len(part) + 1


def _event_date(ctx: Ctx, pos: int) -> tuple[tuple[str, str], ...]:
    sent = ctx.sentence_of(pos)
    if sent is None or ctx.doc.date is None:
        return ()
    m = DATE_RE.search(sent.span.text)
    if m is None:
        return ()
    month, day = int(m.group(1)), int(m.group(2))
    if (month, day) != (ctx.doc.date.month, ctx.doc.date.day):
        return ()
    return (("date", ctx.doc.date.isoformat()),)


def _organiser(ctx: Ctx, event, pos: int) -> None:
    """The organisation right before 召开/举办 in the same clause organised the event."""
    clause_start = ctx.last_of(CLAUSE_BREAK, 0, pos) + 1
    verb = None
    for m in EVENT_VERB_RE.finditer(ctx.text, clause_start, pos + 1):
        verb = m
    if verb is None:
        return
    orgs = [e for e in ctx.entities_in(clause_start, verb.start()) if e.kind.is_organization]
    for org in orgs[-1:]:
        ctx.relate(event.ref, Rel.ORGANIZER, org.ref, org.span.start, event.span.end)


LOWER_LEVEL_BEFORE_RE = re.compile(r"(?:省级|市级|县级|(?<![全我本该])(?:省|市|县|区))$")
"""Before a national programme's name: a lower level's programme of the same name, not the national one
(not after a whole-place word: 全市中国工业大奖获奖数 is the national award's)."""


@per_lexicon
def _lexicon_programmes_re(lex: Lexicon) -> re.Pattern[str] | None:
    """The lexicon's programme names of four characters or more, longest first."""
    names = sorted((n for n in lex.programmes if len(n) >= 4), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


@per_lexicon
def _event_after_res(lex: Lexicon) -> tuple[tuple[re.Pattern[str], Kind], ...]:
    """Per event suffix of the lexicon (in its order), the words after a quoted name up to that suffix
    (``“质量月”活动``; 会 not before 议)."""
    return tuple((re.compile(rf"[^，,。；;“”\s\d等]{{0,4}}?{re.escape(suf)}{'(?!议)' if suf.endswith('会') else ''}"), k)
                 for suf, k in lex.events)


def _inside_gathering(ctx: Ctx, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside the name of a meeting or event and of nothing else read
    (``质量提升暨全国某某示范城市创建动员会``: the meeting is about the programme, a mention of it)."""
    inside = [e for e in ctx.entities_in(max(0, start - 40), end + 40) if e.span.start <= start and end <= e.span.end]
    return bool(inside) and all(e.kind in (Kind.MEETING, Kind.EVENT) for e in inside) \
        and not ctx.text[max(0, start - 1):start] in "“\"" and not any(
            e.kind.is_programme for e in ctx.entities_in(start, end))


def find_lexicon_programmes(ctx: Ctx) -> None:
    """Programme names of the lexicon written without quotes (首席质量官制度, 好品山东)."""
    pat = _lexicon_programmes_re(ctx.lex)
    if pat is None:
        return
    for m in pat.finditer(ctx.text):
        if ctx.overlaps_claim(m.start(), m.end()) and not _inside_gathering(ctx, m.start(), m.end()):
            continue
        prog = ctx.lex.programmes[m.group()]
        if prog.level is None and m.start() and (ctx.text[m.start() - 1] == "级"
                                                 or place_ending_at(ctx, m.start(), max_len=8) is not None):
            continue  # 某市三星级绿色工厂: a name of no level after a place or a grade is part of a longer one
        if prog.level is Level.NATIONAL and not prog.name.startswith(("中国", "国家", "全国")) \
                and LOWER_LEVEL_BEFORE_RE.search(ctx.text, max(0, m.start() - 3), m.start()):
            continue  # 省级中小企业特色产业集群, 江苏省中小企业特色产业集群: a lower level's list of the same name
        grade = re.match(r"提名奖|鼓励奖|特别奖|金奖|银奖|铜奖", ctx.text[m.end():m.end() + 3]) if prog.name.endswith("奖") else None
        if grade:  # 第五届中国质量奖提名奖: the nomination award is a programme of its own
            end = m.end() + len(grade.group())
            ctx.add(prog.kind, prog.name + grade.group(), m.start(), end, level=prog.level)
            ctx.claim(m.start(), end)
            continue
        ctx.add(prog.kind, prog.name, m.start(), m.end(), level=prog.level,
                attributes=(("en", prog.en),) if prog.en else ())
        ctx.claim(m.start(), m.end())
    find_pattern_programmes(ctx)
