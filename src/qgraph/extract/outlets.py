"""News outlets: ``某市日报、某市融媒体中心、某省电视台等媒体报道了…`` — each outlet a media organisation,
never a winner nor a figure's subject, and the words of reporting after them (``等媒体报道了``) no part
of the next name.

An outlet is an ending of ``data/lexicon/outlet_words.txt`` after a place (written, short, or elided
as ``市``/``县`` for the report's own); the reporting words are ``data/lexicon/outlet_leads.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Kind
from ..lexicon import Lexicon, per_lexicon
from .context import Ctx, is_han
from .orgs import place_ending_at
from .scan import PUNCTUATION_STOPS, Scan


@dataclass(frozen=True, slots=True)
class OutletWords:
    endings: re.Pattern[str]
    leads: re.Pattern[str]


@per_lexicon
def outlet_words(lex: Lexicon) -> OutletWords:
    return OutletWords(re.compile(lex.alternation("outlet_words.txt")),
                       re.compile(r"(?:" + lex.alternation("outlet_leads.txt")
                                  + r")+了?"))


APP_AFTER_RE = re.compile(r"(?:掌上|云上|指尖)[\u4e00-\u9fff]{2,4}?(?=(?:\d{1,2}月\d{1,2}日)?讯)")
"""A paper's app written right after the paper in a dateline (``掌上某地``)."""
LATIN_LEAD_RE = re.compile(r"[A-Za-z]{1,6}$")


def find_outlets(ctx: Ctx) -> None:
    words = outlet_words(ctx.lex)
    for m in words.endings.finditer(ctx.text):
        if ctx.overlaps_claim(m.start(), m.end()) or (m.end() < len(ctx.text) and ctx.text[m.end()] in "社站台"):
            continue
        found = place_ending_at(ctx, m.start())
        if found is not None:
            start, place = found
            latin = LATIN_LEAD_RE.search(ctx.text, max(0, start - 6), start)
            if latin is not None and (latin.start() == 0 or not ctx.text[latin.start() - 1].isascii()
                                      or not ctx.text[latin.start() - 1].isalnum()):
                start = latin.start()  # Hi威海客户端, i南京: a Latin lead is part of the outlet's name
            name = ctx.text[start:m.end()]
        else:
            pre = ctx.text[m.start() - 1:m.start()] if m.start() > 0 else ""
            place = ctx.place_for_prefix(pre) if pre in ("市", "县", "区") else None
            start = m.start() - 1
            if place is None or (start > 0 and is_han(ctx.text[start - 1]) and ctx.text[start - 1] not in "、和及与据由在"):
                continue  # 某某日报 of an unknown place: left to the other rules
            name = place.name + m.group()
        if start > 0 and is_han(ctx.text[start - 1]) and ctx.text[start - 1] not in "、和及与据由在被经":
            continue  # inside a longer name
        end = m.end()
        group = next((w for w in ctx.lex.words("media_group_endings.txt", longest_first=True)
                      if ctx.text.startswith(w, end)), "")
        if group:  # 某省新闻网传媒集团: the group that runs the outlet, one media organisation
            end += len(group)
            name += group
        ctx.add(Kind.MEDIA, name, start, end, aliases=(ctx.text[start:end],) if name != ctx.text[start:end] else (),
                place=place.name)
        ctx.claim(start, end)
        app = APP_AFTER_RE.match(ctx.text, m.end())
        if app is not None:  # 某地晚报掌上某地9月6日讯: the paper's app, an outlet of its own
            ctx.add(Kind.MEDIA, app.group(), app.start(), app.end())
            ctx.claim(app.start(), app.end())
        lead = words.leads.match(ctx.text, m.end())
        if lead is not None:
            ctx.claim(m.end(), lead.end())  # 等媒体报道了: reporting words, no part of the next name


MEDIA_LIST_RE = re.compile(
    r"(?P<items>[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10}){1,20})等(?:多家|\d+家|[一二两三四五六七八九十]+家)?(?:新闻|主流)?媒体")
MEDIA_HINT_RE = re.compile(r"(?:报|网|在线|台|电视|广播|客户端|新闻|融媒体中心|杂志|周刊)$")
MEDIA_LIST_SCAN = Scan(MEDIA_LIST_RE, "等", PUNCTUATION_STOPS)
""":data:`MEDIA_LIST_RE` tried only where a match can reach its 等 (its items are Han characters and 、)."""


def find_media_lists(ctx: Ctx) -> None:
    """``国际在线、某省日报、某市电视台等多家新闻媒体``: a list closed by 等…媒体 whose items mostly look like
    outlets (a known outlet's ending, 报, 网, 在线, 台 …) — each item is a media organisation."""
    for m in MEDIA_LIST_SCAN.finditer(ctx.text):
        items, pos = [], m.start("items")
        for item in m.group("items").split("、"):
            items.append((pos, pos + len(item), item))
            pos += len(item) + 1
        s0, e0, first = items[0]
        lead = re.match(r".*?(?:包括|有|邀请|组织|如)", first)  # 到场的新闻媒体包括国际在线: the list after 包括
        if lead is not None:
            items[0] = (s0 + lead.end(), e0, first[lead.end():])
        looks = [it for it in items if MEDIA_HINT_RE.search(it[2])]
        if len(looks) * 2 <= len(items) or len(items[0][2]) < 2:
            continue  # a list of other things closed by 媒体 (甲、乙等部门和媒体)
        for s, e, name in items:
            if ctx.overlaps_claim(s, e):
                continue
            ctx.add(Kind.MEDIA, name, s, e)
            ctx.claim(s, e)


def drop_outlet_roles(ctx: Ctx) -> None:
    """An outlet is never a winner nor a figure's subject: it leaves listings, and a figure read as an
    outlet's is marked inferred (whose it is was not told)."""
    from dataclasses import replace

    kept = []
    for x in ctx.listings:
        if any(r.kind is Kind.MEDIA for r in x.recipients):
            x = replace(x, recipients=tuple(r for r in x.recipients if r.kind is not Kind.MEDIA))
            if not x.recipients:
                continue  # an outlet's listing only: no winner named
        kept.append(x)
    ctx.listings[:] = kept
    for i, o in enumerate(ctx.observations):
        if o.subject is not None and o.subject.kind is Kind.MEDIA and not o.subject_inferred:
            ctx.observations[i] = o.with_subject_inferred()


DATELINE_RE = re.compile(r"(?m)^[ 　]*(?P<name>[\u4e00-\u9fff]{2,12}?)(?:\d{1,2}月\d{1,2}日)?讯"
                         r"(?=[ 　]*(?:[（(][^（()）\n]{0,6})?(?:全媒体记者|记者|通讯员|特约通讯员))")
"""``云上蕲春讯 通讯员某某报道``, ``中国消费者报杭州讯(记者某某)``: a dateline opening a line, a credit right after."""
DATELINE_HINT_RE = re.compile(r"(?:报|网|在线|台|电视|广播|客户端|新闻|融媒体中心|杂志|周刊|号)$")


def find_dateline_outlets(ctx: Ctx) -> None:
    """The outlet of a dateline at a line's head followed by a reporter's credit is a media organisation; a
    place written at its end (``中国消费者报杭州讯``) is where the reporter filed from, not part of the name —
    cut only when what is left still looks like an outlet's name (``云上蕲春`` stays whole)."""
    for m in DATELINE_RE.finditer(ctx.text):
        s, e = m.start("name"), m.end("name")
        if ctx.overlaps_claim(s, e) or m.group("name").startswith(("本报", "本网", "本台", "本站", "本刊")):
            continue
        found = place_ending_at(ctx, e, max_len=e - s - 2)
        if found is not None and DATELINE_HINT_RE.search(ctx.text[s:found[0]]):
            e = found[0]
        if ctx.resolve_place(ctx.text[s:e]) is not None:
            continue  # 杭州讯: a place alone
        ctx.claim(s, e)
        cut = paper_then_outlet(ctx.text[s:e])
        if cut is not None:  # 某某都市报某某新闻讯: a paper and its news app, two outlets
            ctx.add(Kind.MEDIA, ctx.text[s:s + cut], s, s + cut)
            s += cut
        ctx.add(Kind.MEDIA, ctx.text[s:e], s, e)


PAPER_THEN_OUTLET_RE = re.compile(r"(?P<paper>[\u4e00-\u9fff]{2,8}?报)(?P<outlet>[\u4e00-\u9fff]{2,8}(?:新闻|网|客户端|在线)"
                                  r"|(?:掌上|云上|指尖)[\u4e00-\u9fff]{2,4})")


def paper_then_outlet(name: str) -> int | None:
    """Where the second outlet of ``某某报某某新闻`` starts: a paper's name ending in 报, then one ending as an
    outlet (新闻, 网, 客户端) or an app's name (掌上某地) — not a paper's own web edition (某某报网), one name."""
    m = PAPER_THEN_OUTLET_RE.fullmatch(name)
    if m is None or len(m.group("outlet")) < 4:
        return None
    return m.end("paper")
