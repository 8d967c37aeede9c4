"""Places listed before the short name of a bureau of the report's own system: ``襄阳、宜昌等2个市局和大冶、
宜都等2个县市局作了交流发言`` in a provincial market-regulation report → 襄阳市市场监督管理局, 宜昌市市场监督管理局,
大冶市市场监督管理局, 宜都市市场监督管理局 — the head noun names the class of every item, and the places are
no mentions of their own. Every item must be a place of the head's level; a count after 等 must agree."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .numbers import parse_chinese_numeral
from .orgs import body_place_name
from .scan import PUNCTUATION_STOPS, Scan

MARKET_SYSTEM = "市场监督管理局"


@per_lexicon
def _heads(lex: Lexicon) -> dict[str, tuple[frozenset[str], str]]:
    return {h: (frozenset(levels.split("|")), ending)
            for h, levels, ending in lex.table("bureau_list_heads.tsv", columns=3, header="head")}


@per_lexicon
def _list_re(lex: Lexicon) -> re.Pattern[str]:
    heads = "|".join(map(re.escape, sorted(_heads(lex), key=len, reverse=True)))
    return re.compile(rf"(?P<items>[\u4e00-\u9fff]{{2,8}}(?:、[\u4e00-\u9fff]{{2,8}})*)"
                      rf"(?:等(?P<n>[0-9一二两三四五六七八九十]{{1,3}})个)?(?P<head>{heads})(?![\u4e00-\u9fff]{{0,1}}长)")


@per_lexicon
def list_scan(lex: Lexicon) -> Scan:
    """:func:`_list_re` tried only where a match can reach its head (its items and count hold no punctuation)."""
    heads = "|".join(map(re.escape, sorted(_heads(lex), key=len, reverse=True)))
    return Scan(_list_re(lex), heads, PUNCTUATION_STOPS)


def _own_system(ctx: Ctx) -> bool:
    publisher = ctx.doc.publisher or ""
    return "市场监" in publisher or any(e.kind is Kind.DEPARTMENT and e.name.endswith(MARKET_SYSTEM)
                                        for e in ctx.entities)


def find_bureau_lists(ctx: Ctx) -> None:
    if not _own_system(ctx):
        return
    heads = _heads(ctx.lex)
    for m in list_scan(ctx.lex).finditer(ctx.text):
        levels, ending = heads[m.group("head")]
        items = m.group("items").split("、")
        first = items[0]
        if ctx.resolve_place(first) is None:  # 会上襄阳: the first item may carry words before it
            cut = next((i for i in range(1, len(first) - 1) if ctx.resolve_place(first[i:]) is not None), None)
            if cut is None:
                continue
            items[0] = first[cut:]
        places = [ctx.resolve_place(i) for i in items]
        if any(p is None or p.level not in levels or not ctx.plausible(p) for p in places):
            continue
        n = m.group("n")
        if n is not None and (int(n) if n.isdigit() else parse_chinese_numeral(n)) != len(items):
            continue  # 等8个市局 after three places: the list is cut or the count is of something else
        pos = m.end("items") - len("、".join(items))
        if ctx.overlaps_claim(pos, m.end()):
            continue
        for item, place in zip(items, places):
            name = body_place_name(ctx, place) + ending  # type: ignore[arg-type]
            ctx.add(Kind.DEPARTMENT, name, pos, pos + len(item), aliases=(item,), place=place.name,  # type: ignore[union-attr]
                    level=ctx.level_of_place(place))
            ctx.claim(pos, pos + len(item))
            pos += len(item) + 1
