"""Counted lists of geographical indications: ``甲粉皮(某某区)、乙县鸭梨、丙西瓜等3个产品，成功注册为国家地理标志
证明商标`` and ``生产“甲苹果” “乙荞麦”等2个产品的企业获准使用地理标志专用标志``.

A list of names joined by ``、`` (each may carry its county in brackets, which stays a place of its own and no
part of the name), or of quoted names written one after the other (with or without ``、`` or spaces between),
closed by ``等N个产品`` whose sentence goes on to speak of ``地理标志``: every item is an indication. Precision
first: the list is taken only when it has exactly the count the text gives.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .numbers import parse_chinese_numeral
from .orgs import left_edge

__all__ = ["find_gi_lists"]

CJK = r"[\u4e00-\u9fff]"
ITEM = CJK + r"{2,10}(?:[（(]" + CJK + r"{2,8}[)）])?"
TAIL = r"等(?P<n>\d+|[一二两三四五六七八九十]+)(?:个|件|种|类)(?:特色)?(?:农)?产品"
PLAIN_RE = re.compile(r"(?P<items>" + ITEM + r"(?:、" + ITEM + r")+)" + TAIL)
QUOTED_RE = re.compile(r"(?P<items>[“\"][^“”\"，,。；;、\n]{2,10}[”\"](?:[、\s　]*[“\"][^“”\"，,。；;、\n]{2,10}[”\"])+)" + TAIL)
BRACKET_RE = re.compile(r"[（(](" + CJK + r"{2,8})[)）]$")
QUOTED_ITEM_RE = re.compile(r"[“\"](?P<name>[^“”\"]+)[”\"]")


@per_lexicon
def _leads(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("list_lead_words.txt", longest_first=True)


def _count(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else parse_chinese_numeral(raw)


def _speaks_of_gi(ctx: Ctx, end: int) -> bool:
    stop = ctx.first_of("。\n", end, len(ctx.text))
    return "地理标志" in ctx.text[end:stop if stop != -1 else len(ctx.text)]


def _plain_items(ctx: Ctx, m: re.Match[str]) -> list[tuple[int, int]] | None:
    out, pos = [], m.start("items")
    for i, item in enumerate(m.group("items").split("、")):
        s, e = pos, pos + len(item)
        pos = e + 1
        bracket = BRACKET_RE.search(item)
        if bracket is not None:
            if ctx.resolve_place(bracket.group(1)) is None:
                return None  # a bracketed word that is no place: not this shape
            e -= len(bracket.group())
        if i == 0:
            s = max(s, left_edge(ctx, e, max_len=e - s))
            cut = max((ctx.text.rfind(w, s, e) + len(w) for w in _leads(ctx.lex) if ctx.text.rfind(w, s, e) != -1), default=s)
            s = cut if e - cut >= 2 else s  # 相继有甲: 甲
        if not 2 <= e - s <= 10:
            return None
        out.append((s, e))
    return out


def find_gi_lists(ctx: Ctx) -> None:
    found: list[tuple[list[tuple[int, int]], bool]] = []
    for m in PLAIN_RE.finditer(ctx.text):
        items = _plain_items(ctx, m)
        if items and _count(m.group("n")) == len(items) and _speaks_of_gi(ctx, m.end()):
            found.append((items, False))
    for m in QUOTED_RE.finditer(ctx.text):
        items = [(q.start("name"), q.end("name")) for q in QUOTED_ITEM_RE.finditer(ctx.text, m.start("items"), m.end("items"))]
        if _count(m.group("n")) == len(items) and _speaks_of_gi(ctx, m.end()):
            found.append((items, True))
    for items, quoted in found:
        for s, e in items:
            taken = ctx.entities_in(s, e) if quoted else ctx.overlaps_claim(s, e)  # a quote is claimed as a quote
            if taken or ctx.resolve_place(ctx.text[s:e]) is not None:
                continue
            ctx.add(Kind.GEOGRAPHICAL_INDICATION, ctx.text[s:e], s, e)
            ctx.claim(s, e)
