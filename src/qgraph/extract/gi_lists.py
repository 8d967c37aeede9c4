"""Counted lists of geographical indications: ``甲粉皮(某某区)、乙县鸭梨、丙西瓜等3个产品，成功注册为国家地理标志
证明商标`` and ``生产“甲苹果” “乙荞麦”等2个产品的企业获准使用地理标志专用标志``.

A list of names joined by ``、`` (each may carry its county in brackets, which stays a place of its own and no
part of the name), or of quoted names written one after the other (with or without ``、`` or spaces between),
closed by ``等N个产品`` whose sentence goes on to speak of ``地理标志``: every item is an indication. Precision
first: the list is taken only when it has exactly the count the text gives.

The same holds for a count of indications named first and listed after it (``地理标志证明商标3件，分别是甲羊肉、
乙沙棘和丙黄芪``; heads in ``data/lexicon/gi_list_heads.txt``): the items up to the end of the clause, the last
one joined by ``和`` / ``及`` / ``、``, again only when there are exactly as many as the count.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .numbers import parse_chinese_numeral
from .orgs import left_edge
from .scan import PUNCTUATION_STOPS, Scan

__all__ = ["find_gi_lists"]

CJK = r"[\u4e00-\u9fff]"
ITEM = CJK + r"{2,10}(?:[（(]" + CJK + r"{2,8}[)）])?"
TAIL = r"等(?P<n>\d+|[一二两三四五六七八九十]+)(?:个|件|种|类)(?:特色)?(?:农)?产品"
PLAIN_RE = re.compile(r"(?P<items>" + ITEM + r"(?:、" + ITEM + r")+)" + TAIL)
PLAIN_SCAN = Scan(PLAIN_RE, "等", PUNCTUATION_STOPS)
""":data:`PLAIN_RE` tried only where a match can reach its 等 (its items hold Han characters, 、 and brackets)."""
QUOTED_RE = re.compile(r"(?P<items>[“\"][^“”\"，,。；;、\n]{2,10}[”\"](?:[、\s　]*[“\"][^“”\"，,。；;、\n]{2,10}[”\"])+)" + TAIL)
BRACKET_RE = re.compile(r"[（(](" + CJK + r"{2,8})[)）]$")
QUOTED_ITEM_RE = re.compile(r"[“\"](?P<name>[^“”\"]+)[”\"]")


AFTER_ITEM = CJK + r"{2,10}"
AFTER_RE_TEMPLATE = (r"(?:{heads})(?P<n>\d+|[一二两三四五六七八九十]+)(?:个|件|种|项)[，,：:]?(?:分别是|分别为|包括|即)[：:]?"
                     r"(?P<items>" + AFTER_ITEM + r"(?:、" + AFTER_ITEM + r")+)"
                     r"(?=[。；;，,\n]|$)")


@per_lexicon
def _after_re(lex: Lexicon) -> re.Pattern[str] | None:
    heads = lex.words("gi_list_heads.txt", longest_first=True)
    return re.compile(AFTER_RE_TEMPLATE.replace("{heads}", "|".join(map(re.escape, heads)))) if heads else None


def _items_after(ctx: Ctx, m: re.Match[str], n: int | None) -> list[tuple[int, int]] | None:
    """The items of ``…19件，分别是甲、乙…和丙``: split at 、, and the last part at its last 和 / 及 only when
    the count asks for one more item (和林格尔羊肉 holds 和 and stays whole)."""
    raw, base = m.group("items"), m.start("items")
    parts = raw.split("、")
    if n is not None and len(parts) + 1 == n:
        last = parts[-1]
        cut = max(last.rfind("和"), last.rfind("及"))
        if cut >= 2 and len(last) - cut - 1 >= 2:
            parts[-1:] = [last[:cut], last[cut + 1:]]
    out, pos = [], base
    for part in parts:
        s = ctx.text.find(part, pos, m.end("items"))
        if s == -1 or not 2 <= len(part) <= 10:
            return None
        out.append((s, s + len(part)))
        pos = s + len(part)
    return out


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
    for m in PLAIN_SCAN.finditer(ctx.text):
        items = _plain_items(ctx, m)
        if items and _count(m.group("n")) == len(items) and _speaks_of_gi(ctx, m.end()):
            found.append((items, False))
    for m in QUOTED_RE.finditer(ctx.text):
        items = [(q.start("name"), q.end("name")) for q in QUOTED_ITEM_RE.finditer(ctx.text, m.start("items"), m.end("items"))]
        if _count(m.group("n")) == len(items) and _speaks_of_gi(ctx, m.end()):
            found.append((items, True))
    after = _after_re(ctx.lex)
    for m in after.finditer(ctx.text) if after is not None else ():
        n = _count(m.group("n"))
        items = _items_after(ctx, m, n)
        if items and n == len(items):
            found.append((items, False))
    for items, quoted in found:
        for s, e in items:
            taken = ctx.entities_in(s, e) if quoted else ctx.overlaps_claim(s, e)  # a quote is claimed as a quote
            if taken or ctx.resolve_place(ctx.text[s:e]) is not None:
                continue
            ctx.add(Kind.GEOGRAPHICAL_INDICATION, ctx.text[s:e], s, e)
            ctx.claim(s, e)
