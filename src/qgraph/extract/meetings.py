"""Meetings and events named by what they are (``召开住宅工程质量投诉问题座谈会``, ``2023年成都市质量发展大会召开``,
``举办大足区2022年全国“质量月”活动启动仪式``): the name runs from the verb, or from the clause start, to an
event word of the lexicon; a gathering named only by its kind or a determiner is none."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import CLAUSE_BREAK, Ctx, is_han
from .named import EVENT_VERB_RE, _event_date, _organiser
from .indexes import level_words
from .orgs import place_ending_at
from .quoted_events import is_occasion

GENERIC_EVENT_LEAD = re.compile(r"(?:相关|有关|本次|此次|这次|该|各类|系列|一系列|多场|各|第[\d一二三四五六七八九十]+次(?:全体)?)(?:的)?")
"""``举行的相关新闻发布会``: a gathering named only by a determiner has no name of its own."""
DATELINE_CREDIT_RE = re.compile(r"[^（(]*?(?:讯|电)?\s*[（(][^（()）]*(?:记者|通讯员|摄|编辑|供稿)[^（()）]*[)）]\s*")
"""A dateline's bracket of credits (``本报讯（记者 某某 通讯员 某某）``): the text up to it opens no event's name."""
COUNTED_EVENT_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)(?:余|多)?(?:项|场|个|次|类|批)")
"""``18项质量主题相关活动``: a count opening the name says how many gatherings of a kind, no name of one."""
PLACE_YEAR_LEAD_RE = re.compile(r"(?:[\u4e00-\u9fff]{2,8}?(?:省|市|区|县|州|旗)?)?\d{4}年(?:度)?(?:全国|全省|全市)?")
EVENT_LEAD_RE = re.compile(r"召开的|举办的|举行的|组织的|主办的|承办的|参加|出席|在[^，,。；;]{1,12}?(?:召开|举办|举行)的|会上|期间")


def event_suffixes(lex: Lexicon, kind: Kind | None = None) -> str:
    """The event endings of ``events.tsv`` (of ``kind`` only, if given) as one alternation, longest first; an
    ending in 会 does not end before 议 (``某某工作会议`` is not cut to ``某某工作会``)."""
    return lex.cached(("event_suffixes", kind), lambda: "|".join(
        re.escape(s) + ("(?!议)" if s.endswith("会") else "") for s, k in lex.events if kind is None or k is kind))


def find_meetings(ctx: Ctx) -> None:
    """Unquoted meetings after 召开/举办: ``召开住宅工程质量投诉问题座谈会``; a gathering held for the one named
    right before it (``召开某某大会新闻发布会``, ``gathering_part_endings.txt``) is the later one."""
    suffixes = event_suffixes(ctx.lex)
    pat = re.compile(rf"{EVENT_VERB_RE.pattern}(?P<name>(?:[^，,。；;:、：“”《》\s（(]|[（(][^）)]{{1,10}}[)）]"
                     rf"|[“\"][^”\"，,。；;]{{1,12}}[”\"]){{2,40}}?(?:{suffixes}))")
    part_re = re.compile(ctx.lex.alternation("gathering_part_endings.txt"))
    for m in pat.finditer(ctx.text):
        s, e = m.start("name"), m.end("name")
        part = part_re.match(ctx.text, e)
        if part is not None:
            e = part.end()  # 召开某某大会新闻发布会: the press conference of that meeting, not the meeting
        inner = [x for x in ctx.entities_in(s, s + 60) if x.kind in (Kind.MEETING, Kind.EVENT) and x.span.start > s
                 and ctx.text[x.span.start] in "“\"" and not x.name.startswith("“质量月”期间")]
        if inner and PLACE_YEAR_LEAD_RE.fullmatch(ctx.text, s, inner[0].span.start) and inner[0].name.endswith(("仪式", "会")):
            # 举办大足区2022年全国“质量月”活动启动仪式: the place and year written before are the name's
            x = inner[0]
            tail = re.compile(rf"暨[^，,。；;“”\"]{{2,30}}?(?:{suffixes})").match(ctx.text, x.span.end)
            end = tail.end() if tail else x.span.end  # …启动仪式暨企业质量创新成果展: one event of both
            ctx.replace_entities([y for y in ctx.entities if y.span != x.span])
            ctx.add(x.kind, ctx.text[s:end], s, end, attributes=_event_date(ctx, s))
            ctx.claim(s, end)
            continue
        if _dated_occasion_event(ctx, s, e):
            continue
        if ctx.overlaps_claim(s, e) or "“" in m.group("name") or '"' in m.group("name"):
            continue
        lead = re.match(r"(?:的|了|在)+", m.group("name"))
        if lead:
            s += lead.end()
        name = ctx.text[s:e]
        suffix, kind = next((suf, k) for suf, k in ctx.lex.events if name.endswith(suf))
        if re.match(r"(?:\d+|[一二两三四五六七八九十百]+)(?:余|多)?(?:次|场|期|批)", ctx.text[e:e + 6]):
            continue  # 举办品牌培训班12次: a kind of event, held many times, is no event of its own
        if ctx.text.endswith(ctx.lex.words("recurring_gathering_leads.txt"), 0, m.start()):
            continue  # 多次召开示范创建工作协调会: a kind held again and again, no gathering of its own
        if COUNTED_EVENT_RE.match(name) or (
                "的" in name and GENERIC_EVENT_LEAD.match(name[:-len(suffix)].rsplit("的", 1)[1])):
            continue  # 举办18项质量主题活动, 举办形式多样的…系列质量月活动: a kind of gathering, counted or described
        held_by = place_ending_at(ctx, m.start()) if len(name) <= 4 and kind is Kind.MEETING and not lead else None
        if held_by is not None and (held_by[0] == 0 or not is_han(ctx.text[held_by[0] - 1])) \
                and not GENERIC_EVENT_LEAD.fullmatch(name[:-len(suffix)]):
            name = held_by[1].name + name  # 苏州市召开质量大会: the place that holds it names it (苏州市质量大会)
        elif GENERIC_EVENT_LEAD.fullmatch(name[:-len(suffix)]) or (len(name) <= 4 and kind is Kind.MEETING):
            continue  # 举行的相关新闻发布会, 召开质量大会: no name of its own (no place, year or title)
        if len(name) - len(suffix) < 2 or name.startswith("新闻"):
            organiser = _organiser_before(ctx, m.start())
            if organiser is None:
                continue  # 召开新闻发布会 with nobody named: no event of its own
            date = dict(_event_date(ctx, s)).get("date", "")
            name = f"{organiser.name}{date}{name}"  # 国务院新闻办公室2025-06-01新闻发布会
        tail = joined_tail(ctx, e)
        if tail is not None and name == ctx.text[s:e]:  # …推进会暨第二届某市市长质量奖颁奖会: one meeting of both
            e = tail
            name = ctx.text[s:e]
            ctx.replace_entities([y for y in ctx.entities if not (
                y.kind in (Kind.MEETING, Kind.EVENT, Kind.PLACE) and s <= y.span.start and y.span.end <= e)])
        if name == ctx.text[s:e]:
            name = place_restored(ctx, name, s)
        ent = ctx.add(kind, name, s, e, attributes=_event_date(ctx, s))
        _organiser(ctx, ent, s)
        ctx.claim(s, e)


def _dated_occasion_event(ctx: Ctx, s: int, e: int) -> bool:
    """``举办2022年全国“质量月”文明诚信主题宣传活动``: a name of a year (a place before it), a quoted occasion (``occasions.txt``)
    and a few words of its own up to an event word is one dated event (the occasion stays an event of its own);
    without a year before the quote this rule names none. Adds it and says whether it did."""
    q = re.compile(r"[“\"]([^”\"]{1,12})[”\"]").search(ctx.text, s, e)
    if q is None or not is_occasion(ctx, q.group(1)) or not PLACE_YEAR_LEAD_RE.fullmatch(ctx.text, s, q.start()):
        return False
    rest = ctx.text[q.end():e]
    if e < len(ctx.text) and is_han(ctx.text[e]) and ctx.text[e] not in "在于时":
        return False  # …“质量月”暨某某宣传周系列活动: the name goes on past the first event word
    claimed = ctx.overlaps_claim(s, q.start()) or ctx.overlaps_claim(q.end(), e)  # the occasion's own claim aside
    if len(rest) > 12 or re.search(r"[“\"]", rest) or claimed or any(
            x.name != q.group(1) for x in ctx.entities_in(s, e, frozenset({Kind.MEETING, Kind.EVENT}))):
        return False
    kind = next(k for suf, k in ctx.lex.events if ctx.text[s:e].endswith(suf))
    ent = ctx.add(kind, ctx.text[s:e], s, e, attributes=_event_date(ctx, s))
    _organiser(ctx, ent, s)
    ctx.claim(s, e)
    return True


def place_restored(ctx: Ctx, name: str, start: int) -> str:
    """A gathering's name written with its place elided to 省 / 市 / 县 / 区 (``市质量协会年会暨质量工作会议``) is
    named with the document's place of that level (``某市质量协会年会…``), as the gold conventions name it."""
    if name[:1] not in "省市县区" or name[1:2] in "委政长级场" or (
            start > 0 and re.match(r"[\u4e00-\u9fff]", ctx.text[start - 1]) and ctx.text[start - 1] not in "在的了和及与"):
        return name
    own = ctx.place_for_prefix(name[0])
    return own.name + name[1:] if own is not None else name


def joined_tail(ctx: Ctx, end: int) -> int | None:
    """Where a name ending at ``end`` goes on when 暨 joins a second gathering to it
    (``质量强市工作推进会暨第二届某市市长质量奖颁奖会``), else None."""
    suffixes = event_suffixes(ctx.lex)
    m = re.compile(rf"暨(?:[^，,。；;：:、“”\"《》\s]|“[^“”\n]{{1,12}}”){{1,30}}?(?:{suffixes})").match(ctx.text, end)
    return m.end() if m else None


def _organiser_before(ctx: Ctx, pos: int):
    clause_start = ctx.last_of(CLAUSE_BREAK, 0, pos) + 1
    orgs = [e for e in ctx.entities_in(clause_start, pos) if e.kind.is_organization]
    return orgs[-1] if orgs else None


def find_events_before_verb(ctx: Ctx) -> None:
    """``2023年成都市质量发展大会召开``, ``…“质量月”活动启动仪式在萧山区举行``: the name runs from the
    clause start to an event word followed by (在…)召开/举行/开幕."""
    suffixes = event_suffixes(ctx.lex)
    pat = re.compile(rf"(?:{suffixes})(?=(?:在[^，,。；]{{1,16}})?(?:隆重|顺利|正式)?(?:召开|举行|开幕|举办)"
                     rf"|[，,]在[^，,。；]{{1,20}}?(?:隆重|顺利|正式)?(?:召开|举行|开幕|举办))")  # …启动仪式，在某中心举行
    announcing = re.compile(rf"(?:{event_suffixes(ctx.lex, Kind.MEETING)})(?=(?:{ANNOUNCING_VERBS}))")
    for m in [*pat.finditer(ctx.text), *announcing.finditer(ctx.text)]:
        clause = ctx.last_of(CLAUSE_BREAK, 0, m.start()) + 1
        start = _event_start(ctx, clause, m.start())
        if m.re is announcing and not _scoped_lead(ctx, start):
            continue  # 会议通报…, 工作推进会强调: a meeting named by its kind, or by no place or level
        if m.end() - start < 4 or any(e.span.start <= start < e.span.end or start <= e.span.start < m.end()
                                      for e in ctx.entities_in(max(0, start - 80), m.end() + 80)
                                      if e.kind in (Kind.MEETING, Kind.EVENT, Kind.PRESS_CONFERENCE)):
            continue
        name = ctx.text[start:m.end()]
        kind = next(k for suf, k in ctx.lex.events if name.endswith(suf))
        if name == ctx.text[start:m.end()]:
            name = place_restored(ctx, name, start)
        ent = ctx.add(kind, name, start, m.end(), attributes=_event_date(ctx, start))
        _organiser(ctx, ent, start)
        ctx.claim(start, m.end())


ANNOUNCING_VERBS = "通报|发布|公布|宣读|表彰"
"""``前不久，全国质量强链经验交流现场推进会通报…``: a meeting named at a clause's head, then announcing."""


def _scoped_lead(ctx: Ctx, start: int) -> bool:
    """The name opens with its scope: 全国 / 全省 / 全市 / 全县 / 全区, a year, or a place's name."""
    if ctx.text.startswith(("全国", "全省", "全市", "全县", "全区"), start) or re.match(r"\d{4}年", ctx.text[start:start + 5]):
        return True
    return any(ctx.resolve_place(ctx.text[start:start + n]) is not None for n in range(2, 9))


def _event_start(ctx: Ctx, clause: int, end: int) -> int:
    """Skip a leading date or time (``9月2日上午，``) and cut after the last boundary word."""
    start = clause
    m = re.match(r"\s*(?:\d{1,2}月\d{1,2}日)?(?:上午|下午|晚上|晚)?", ctx.text[start:end])
    start += m.end() if m else 0
    body = ctx.text[start:end]
    credit = None
    for credit in DATELINE_CREDIT_RE.finditer(body):
        pass
    if credit is not None:  # 本报讯（记者 某某）会议召开: the dateline and its credits are no part of a name
        start += credit.end()
        body = ctx.text[start:end]
    quote = min((i for i in (body.find("“"), body.find("\"")) if i != -1), default=len(body))
    cut = 0
    for m in EVENT_LEAD_RE.finditer(body, 0, quote):
        if m.end() < len(body) - 2:
            cut = max(cut, m.end())
    for frame in ctx.lex.words("event_theme_frames.txt"):  # 以“某某”为主题的某区2023年质量大会: the theme is none of the name
        at = body.rfind(frame)
        if at != -1 and at + len(frame) < len(body) - 2:
            cut = max(cut, at + len(frame))
    lead = re.match(r"(?:的|了|在|我市|本市|我省|本省|我县|本县|我区|本区)+", body[cut:])  # 我市2025年…推进会
    return start + cut + (lead.end() if lead else 0)


def join_before_ji(ctx: Ctx) -> None:
    """``某市质量强市工作视频会议暨“质量月”活动启动仪式后``: a gathering found after 暨 is the second part of
    one gathering whose first part runs from the clause start (after a date, a lead word) to an event
    word right before 暨; both are one name, and nothing inside it (a place, an event) is read apart."""
    suffixes = event_suffixes(ctx.lex)
    first_re = re.compile(rf"(?:{suffixes})$")
    for x in [e for e in ctx.entities if e.kind in (Kind.MEETING, Kind.EVENT)]:
        s = x.span.start
        if ctx.text[s - 1:s] != "暨" or not any(y is x for y in ctx.entities):
            continue
        clause = ctx.last_of(CLAUSE_BREAK, 0, s) + 1
        first = first_re.search(ctx.text, clause, s - 1)
        if first is None:
            continue
        start = _event_start(ctx, clause, first.start())
        if first.end() - start < 4 or ctx.overlaps_claim(start, s - 1):
            continue
        kind = next(k for suf, k in ctx.lex.events if first.group().endswith(suf))
        end = x.span.end
        ctx.replace_entities([y for y in ctx.entities if not (
            y.kind in (Kind.MEETING, Kind.EVENT, Kind.PLACE) and start <= y.span.start and y.span.end <= end)])
        ent = ctx.add(kind, ctx.text[start:end], start, end, attributes=_event_date(ctx, start))
        _organiser(ctx, ent, start)
        ctx.claim(start, end)


FRAME_LEADS = r"(?:在|出席|参加|(?:(?:传达|学习|贯彻|落实|领会)(?:了|好)?)+)"
FRAME_ENDS = r"(?:上|期间|精神)"
FRAME_JOINS = r"(?:以及|和|及|与)"


def find_framed_meetings(ctx: Ctx) -> None:
    """``在某市质量工作会议上``, ``传达学习了全国某某工作座谈会精神``, ``贯彻落实全国甲工作会议和全国乙工作会议精神``:
    a gathering named between a frame word and 上 / 期间 / 精神, without a verb of its own, is a meeting when its
    name writes a place, a year or a whole-level word (全国, 全省 …) before four characters of its own; the place in
    its name is then no mention of its own. Two joined by 和 / 及 are two. ``在会议上``, ``在全市大会上`` and
    ``在全市质量大会上`` name none;
    a whole-level name whose words are those of a gathering named before (``某市质量工作会议`` … ``全市质量工作会议精神``)
    is that one again."""
    suffixes = event_suffixes(ctx.lex, Kind.MEETING)
    pat = re.compile(rf"{FRAME_LEADS}(?P<name>[^，,。；;：:、“”\"《》\s]{{2,60}}?(?:{suffixes})){FRAME_ENDS}")
    part_re = re.compile(rf".+?(?:{suffixes})(?={FRAME_JOINS}|$)")
    wholes = tuple(level_words(ctx.lex))
    for m in pat.finditer(ctx.text):
        s = m.start("name")
        for part in part_re.finditer(m.group("name")):
            name = part.group().removeprefix(next((j for j in ("以及", "和", "及", "与") if part.group().startswith(j)), ""))
            ps = s + part.end() - len(name)
            pe = s + part.end()
            if ctx.overlaps_claim(ps, pe) or ctx.entities_in(ps, pe, frozenset({Kind.MEETING, Kind.EVENT})):
                continue
            placed = any(ctx.resolve_place(name[:n]) is not None for n in range(2, min(8, len(name)) + 1))
            suffix = next(suf for suf, _ in ctx.lex.events if name.endswith(suf))
            whole = next((w for w in wholes if name.startswith(w)), None)
            if not (placed or re.match(r"\d{4}年", name) or (whole and len(name) - len(whole) - len(suffix) >= 4)):
                continue  # 在会议上, 在全市大会上: no name of its own
            if re.search(rf"(?:{ctx.lex.alternation('generic_meeting_leads.txt')})(?:{suffixes})$", name):
                continue  # 传达了某市有关会议精神: which meeting is not said
            if whole and any(name[len(whole):] in e.name for e in ctx.entities if e.kind in (Kind.MEETING, Kind.EVENT)):
                continue  # 落实全市质量工作视频会议精神 after 某市质量工作视频会议暨…仪式 was named: that one again
            if whole and not re.match(r"\d{4}年", name) and _above_home(ctx, whole):
                continue  # 传达学习了全国市场监管工作会议精神: which year's? one node would join every year's
            kind = next(k for suf, k in ctx.lex.events if name.endswith(suf))
            relayed = m.group().endswith("精神") or not re.match(r"在|出席|参加", m.group())
            # 3月5日，…传达学习了…会议精神: the day of relaying, not of the meeting
            ctx.add(kind, name, ps, pe, attributes=() if relayed else _event_date(ctx, ps))
            ctx.claim(ps, pe)


LEVEL_RANKS = {"country": 0, "province": 1, "prefecture": 2, "county": 3}


def _above_home(ctx: Ctx, whole: str) -> bool:
    """A whole-level word (``level_words``) speaking of a level above the report's own place (全国 anywhere;
    全省 in a city's report) — not the report's own word (全市 of a county-level city's report is its own)."""
    p = ctx.place_for_prefix(whole)
    if p is not None and ctx.home is not None and p.code == ctx.home.code:
        return False
    rank = LEVEL_RANKS.get(level_words(ctx.lex).get(whole, ""))
    own = 3 if ctx.county is not None else 2 if ctx.city is not None else 1 if ctx.province is not None else None
    return rank is not None and (rank == 0 or own is not None and rank < own)


NOT_ELIDED_STARTS = ("市场", "市民", "市级", "市县", "区域", "区级", "县域", "县级", "省级", "省内", "市内", "县乡")
"""Words that start with 市/区/县/省 and are no elided place (市场监管工作会议 is no 某市场…)."""


def restore_elided_places(ctx: Ctx) -> None:
    """``市质量协会年会暨质量工作会议``: a meeting or event whose name opens with an elided 市/县/区/省 (after
    punctuation or at a paragraph's start) is the report's own place's — its name carries the place; every
    mention and fact of it follows."""
    from dataclasses import replace
    from .dedupe import apply_names
    mapping = {}
    for e in ctx.entities:
        pre = e.name[:1]
        if (e.kind in (Kind.MEETING, Kind.EVENT) and pre in "省市县区" and e.ref not in mapping
                and e.name == ctx.text[e.span.start:e.span.end] and not e.name.startswith(NOT_ELIDED_STARTS)
                and len(e.name) >= 6 and (e.span.start == 0 or not is_han(ctx.text[e.span.start - 1]))):
            place = ctx.place_for_prefix(pre)
            if place is not None:
                mapping[e.ref] = replace(e, name=place.name + e.name[1:])
    apply_names(ctx, mapping)


@per_lexicon
def _event_cut_re(lex: Lexicon) -> re.Pattern[str]:
    """The words ending what runs before a meeting's or event's name (``event_lead_cuts.txt``)."""
    return re.compile(lex.alternation("event_lead_cuts.txt") or "(?!)")


def trim_event_leads(ctx: Ctx) -> None:
    """``由某局、某委等七部门联合主办的全县“质量月”活动启动仪式`` / ``各部门负责人参加了仪式``: a meeting's or
    event's name runs from after the organisers' or attendees' words; what is left is its name when it still
    has one of its own (a place, a year, a quoted title or six characters), else there is no named event."""
    from dataclasses import replace
    from .dedupe import apply_names
    mapping, drop = {}, set()
    used = {o.subject for o in ctx.observations} | {r.subject for r in ctx.relations} | {r.object for r in ctx.relations}
    for e in ctx.entities:
        if e.kind not in (Kind.MEETING, Kind.EVENT) or e.ref in mapping or e.ref in drop:
            continue
        cuts = list(_event_cut_re(ctx.lex).finditer(e.name))
        if not cuts and e.name.startswith("的") and len(e.name) > 4:  # 某办公室举办的某活动: the 的 after the verb
            mapping[e.ref] = replace(e, name=e.name[1:])
            continue
        if not cuts:
            continue
        rest = e.name[cuts[-1].end():]
        if len(rest.strip("“”\"")) >= 6 or re.search(r"\d{4}年|“", rest):
            mapping[e.ref] = replace(e, name=rest)
        elif e.ref not in used:
            drop.add(e.ref)
    if drop:
        ctx.replace_entities([e for e in ctx.entities if e.ref not in drop])
    apply_names(ctx, mapping)
