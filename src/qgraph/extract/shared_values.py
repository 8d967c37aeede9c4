"""One value shared by several indicators listed before it, kept once for each.

* ``地表水环境质量优良比例、集中式水源地水质优良比例均为100%``: every item is an indicator of its own
  (it ends with a head of ``shared_measure_heads.txt``) and 均 says the value is each one's;
* ``农产品、制造业产品质量合格率达到95%以上``: only the last item is written whole; the earlier, short
  items share its head (农产品质量合格率).

A list closed by 等 (``钢筋、水泥等建筑材料合格率均为100%``) names examples of one class, not several
indicators, and a list with 分别 pairs each item with its own number: neither is read here. The
figures read here are one number read several times on purpose, so the repeat rules leave them apart.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Kind, Observation, Sentence
from .context import Ctx
from .food_categories import protected
from .periods import clause_start

MEMO = "shared_values"
LEAD_RE = re.compile(r"(?P<items>[^，,。；;：:\d%]{4,120}?)(?P<shared>均为|均达到|均达|均是|均在|均)?"
                     r"(?:保持在|稳定在|达到了|达到|达|为|是|在)?$")


def _heads(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("shared_measure_heads.txt", longest_first=True)


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("measure_head_leads.txt")
    return re.compile(rf"^(?:{words})+")


def _head_at(lex: Lexicon, item: str) -> int:
    """Where the first shared head word of ``item`` starts (-1: none)."""
    found = [i for h in _heads(lex) if (i := item.find(h)) != -1 and item.endswith(h[-1])]
    return min(found, default=-1)


def shared_measures(ctx: Ctx, sent: Sentence, pos: int) -> list[str]:
    """The measures of every indicator sharing the value at ``pos`` (empty: no shared list)."""
    cs = clause_start(ctx, sent, pos)
    m = LEAD_RE.search(ctx.text[cs:pos])
    if m is None or "等" in m.group("items") or "分别" in m.group("items") or "、" not in m.group("items") \
            or re.match(r"其中", m.group("items")):
        return []
    start = cs + m.start("items")
    place = next((e for e in ctx.entities_in(start, start + 12) if e.kind is Kind.PLACE and e.span.start == start), None)
    if place is not None:
        start = place.span.end  # 某市地表水…优良比例、…: the place is the subject, no part of the first item
    stop = cs + m.end("items")
    if any(e.kind in INSPECTION_KINDS for e in ctx.entities_in(start, stop)):
        return []  # 食品、化妆品抽检合格率: one check of both products, its rate read by the check rules
    whole = protected(ctx, start, stop)  # 食用油、油脂及其制品: one category, its 、 splits nothing
    cuts = [i for i in range(start, stop) if ctx.text[i] == "、" and not any(a < i < b for a, b in whole)
            and not _bracketed(ctx.text, start, i)]  # 96个县（市、区）…比例: the bracket's 、 splits no list
    items = [ctx.text[a:b].strip() for a, b in zip([start] + [c + 1 for c in cuts], cuts + [stop])]
    items[0] = _lead_re(ctx.lex).sub("", items[0])  # 全市农产品、…: the lead words are no part of the first item
    if len(items) < 2 or not all(items) or any(len(x) > 30 for x in items):
        return []
    heads = [_head_at(ctx.lex, x) for x in items]
    if m.group("shared") and all(h > 0 for h in heads):
        return items  # 甲优良比例、乙优良比例均为100%: each indicator whole
    last = heads[-1]
    if last > 0 and all(h == -1 and 2 <= len(x) <= 6 for h, x in zip(heads[:-1], items[:-1])):
        head = items[-1][last:]
        return [x + head for x in items[:-1]] + [items[-1]]  # 农产品、制造业产品质量合格率: the head shared
    return []


def _bracketed(text: str, start: int, i: int) -> bool:
    """``text[i]`` stands inside a bracket opened after ``start``."""
    part = text[start:i]
    return part.count("（") + part.count("(") > part.count("）") + part.count(")")


def keep_apart(ctx: Ctx, o: Observation) -> None:
    """Mark ``o`` as one of the shared readings of its number, which the repeat rules leave apart."""
    ctx.memo.setdefault(MEMO, set()).add((o.span.start, o.measure))  # type: ignore[union-attr]


def kept_apart(ctx: Ctx, a: Observation, b: Observation) -> bool:
    """``a`` and ``b`` are two shared readings of one number (not one figure read twice)."""
    marked = ctx.memo.get(MEMO, set())
    return (a.span.start, a.measure) in marked and (b.span.start, b.measure) in marked  # type: ignore[operator]
