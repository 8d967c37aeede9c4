"""Geographical indications named in the text: ``蒙阴蜜桃、平邑金银花等地理标志产品`` (a list),
``某某地理标志证明商标`` (the name before the words), ``地理标志证明商标12件，其中甲、乙2件…`` (the
items after 其中, quoted or not). A count right before the words (``两件茶叶地理标志…``), a verb
(``对保护地理标志…``) or a place's own name is no indication.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .gi_lists import find_gi_lists
from .orgs import left_edge, list_items
from .scan import Scan

__all__ = ["find_geographical_indications", "is_place"]

GI_LIST_RE = re.compile(
    r"(?P<items>(?:[^，,。；;、：:“”\s]{2,10}、)+[^，,。；;、：:“”\s\d等]{2,10})(?:等(?:[\d一二两三四五六七八九十]+(?:件|个))?"
    r"|[\d一二两三四五六七八九十]+(?:件|个|大))地理标志"
)


@per_lexicon
def _generic_re(lex: Lexicon) -> re.Pattern[str]:
    """Words that name no indication (``gi_generic_words.txt``), alone or run together."""
    return re.compile("(?:" + (lex.alternation("gi_generic_words.txt") or "(?!)") + ")+")


def _generic(ctx: Ctx, name: str) -> bool:
    """``name`` is only generic words, or ends with a level word (某市广泛宣传国家|地理标志证明商标: the
    national GI mark, named after a doer)."""
    return _generic_re(ctx.lex).fullmatch(name) is not None or name.endswith(tuple(ctx.lex.levels))


COUNTED_BEFORE_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)(?:余|多)?(?:件|个|项|枚|类|种)$")
"""``两件茶叶地理标志证明商标``: a count right before the words names a kind of product, not an indication."""
GI_AMONG_RE = re.compile(r"地理标志(?:证明商标|集体商标|保护产品|产品|商标)?\d+(?:件|个)[，,]其中(?P<items>[^，,。；;、\d等]{2,10}"
                         r"(?:、[^，,。；;、\d等]{2,10})+)等?(?:\d+|[一二两三四五六七八九十]+)(?:件|个)")
"""``地理标志证明商标12件，其中甲乙、丙丁2件为去年新增``: the items named after 其中 are indications."""
GI_AMONG_QUOTED_RE = re.compile(r"地理标志(?:证明商标|集体商标|保护产品|产品|商标)?(?:已达|已有|达到|达|共|有)?\d+(?:件|个)[，,。]"
                                r"其中[“\"](?P<name>[^“”\"，,。]{2,10})[”\"]")
PARALLEL_QUOTED_RE = re.compile(r"[；;](?P<lead>[\u4e00-\u9fff]{0,3})[“\"](?P<name>[^“”\"，,。；;]{2,10})[”\"]")
"""``其中“甲芒果”年产值…；某地“乙鸡”年产值…；“丙果”…``: the clauses after the first, each opening with a quoted
name (a place's short name may stand before it), name more of the indications counted."""
GI_PRODUCTS_RE = re.compile(r"(?P<items>(?:[^，,。；;、：:“”\s\d等]{2,10}、)+[^，,。；;、：:“”\s\d等]{2,10})等(?:特色)?(?:农)?产品")
GI_SINGLE_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,10}?)地理标志(?:专用标志|证明商标|保护产品|集体商标)")
GI_SINGLE_SCAN = Scan(GI_SINGLE_RE, "地理标志", within=10)
GI_PRODUCTS_SCAN = Scan(GI_PRODUCTS_RE, "等(?:特色)?(?:农)?产品", "，,。；;：:“”\n\r\t \u3000")  # its items may hold 《》
GI_LIST_SCAN = Scan(GI_LIST_RE, "地理标志", "，,。；;：:“”\n\r\t \u3000")  # its items may hold 《》 and digits

def find_geographical_indications(ctx: Ctx) -> None:
    """``蒙阴蜜桃、平邑金银花等地理标志产品``: every listed item is a geographical indication;
    so is the name before ``地理标志专用标志`` / ``地理标志证明商标``, and each item of a counted list of
    products the sentence registers as indications (:mod:`.gi_lists`)."""
    find_gi_lists(ctx)
    for m in GI_SINGLE_SCAN.finditer(ctx.text):
        s = max(m.start("name"), left_edge(ctx, m.end("name"), max_len=10))
        e = m.end("name")
        if ctx.text[s:e].endswith(tuple(ctx.lex.words("gi_applying_verbs.txt"))):
            continue  # 某地杨梅申请地理标志证明商标: only an applicant, no indication yet
        name = ctx.text[s:e]
        if e - s >= 2 and not ctx.overlaps_claim(s, e) and not _generic(ctx, name) and "等" not in name \
                and "标志" not in name and name[-1] not in "和及与、" \
                and not is_place(ctx, s, e) and not ctx.lex.place_names.get(name) \
                and not COUNTED_BEFORE_RE.search(ctx.text, max(0, s - 6), s):
            # 吉安市地理标志保护产品16个 (or 某省's short form alone): a place's count; 两件茶叶地理标志…: a kind of product; 促进地理标志商标和
            # 地理标志保护产品: two kinds of mark joined; no indication
            ctx.add(Kind.GEOGRAPHICAL_INDICATION, ctx.text[s:e], s, e)
            ctx.claim(s, e)
    for m in GI_PRODUCTS_SCAN.finditer(ctx.text):  # 在赣南脐橙、南丰蜜桔等产品上推行地理标志专用标志
        clause_end = ctx.first_of("，,。；;\n", m.end(), len(ctx.text))
        clause_end = len(ctx.text) if clause_end == -1 else clause_end
        if "地理标志" not in ctx.text[m.end():clause_end]:
            continue
        for s, e in list_items(ctx, m.start("items"), m.end("items")):
            if 2 <= e - s <= 8 and not ctx.overlaps_claim(s, e) and not is_place(ctx, s, e):
                ctx.add(Kind.GEOGRAPHICAL_INDICATION, ctx.text[s:e], s, e)
                ctx.claim(s, e)
    for m in GI_AMONG_RE.finditer(ctx.text):  # 地理标志证明商标12件，其中甲乙、丙丁2件为去年新增
        for s, e in list_items(ctx, m.start("items"), m.end("items")):
            if 3 <= e - s <= 8 and not ctx.overlaps_claim(s, e) and not is_place(ctx, s, e) \
                    and not _generic(ctx, ctx.text[s:e]):
                ctx.add(Kind.GEOGRAPHICAL_INDICATION, ctx.text[s:e], s, e)
                ctx.claim(s, e)
    for m in GI_AMONG_QUOTED_RE.finditer(ctx.text):  # 地理标志商标7件，其中“甲乙”授权使用企业…
        found = [(m.start("name"), m.end("name"))]
        stop = ctx.first_of("。\n", m.end(), len(ctx.text))
        stop = len(ctx.text) if stop == -1 else stop
        pos = m.end()
        while (semi := ctx.first_of("；;", pos, stop)) != -1 and (p := PARALLEL_QUOTED_RE.match(ctx.text, semi, stop)) is not None:
            lead = p.group("lead")  # 海南“文昌鸡”: a place's short name, or nothing, before the quote
            if lead and ctx.resolve_place(lead) is None:
                break
            found.append((p.start("name"), p.end("name")))
            pos = p.end()
        for s, e in found:
            if not ctx.entities_in(s, e) and not is_place(ctx, s, e) and not _generic(ctx, ctx.text[s:e]):
                ctx.add(Kind.GEOGRAPHICAL_INDICATION, ctx.text[s:e], s, e)
    for m in GI_LIST_SCAN.finditer(ctx.text):
        for s, e in list_items(ctx, m.start("items"), m.end("items")):
            if e - s >= 2 and not ctx.overlaps_claim(s, e):
                ctx.add(Kind.GEOGRAPHICAL_INDICATION, ctx.text[s:e], s, e)
                ctx.claim(s, e)


def is_place(ctx: Ctx, s: int, e: int) -> bool:
    """``text[s:e]`` is exactly one place's full name."""
    info = ctx.resolve_place(ctx.text[s:e])
    return info is not None and info.name == ctx.text[s:e]
