"""Several checks' pass rates sharing one value: ``农产品例行监测合格率和食品抽检合格率均保持在98%以上``,
``建筑工程竣工验收合格率、公路建设项目交工合格率保持100%``.

Rates joined by 和 / 及 / 与 / 、 right before one value (after an optional 均 / 持续 and a verb of being or
keeping), each ending with a rate word (``合格率``) after a check word (``rate_check_words.txt``: 抽检,
监测, 验收 …), are one figure per check: the check (named by what is written before the rate word) is the
subject, the whole rate the measure. Only every item being such a rate makes the list one; a list with
分别 or 等 is not read here.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Kind, Ref, Sentence
from .context import Ctx
from .periods import clause_start

__all__ = ["coordinated_rates"]

TAIL_RE = re.compile(r"(?:均|都|持续|一直|始终)*(?:保持在|保持|稳定在|达到了|达到|达|为|在)?(?:了)?$")
RATE = "合格率"


@per_lexicon
def _check_words(lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = lex.words("rate_check_words.txt")
    cut = words.index("--") if "--" in words else len(words)
    spot = tuple(sorted(words[:cut], key=len, reverse=True))
    other = tuple(sorted(words[cut + 1:], key=len, reverse=True))
    return spot, other


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("measure_head_leads.txt")
    return re.compile(rf"(?:{words})+") if words else re.compile("(?!)")


def coordinated_rates(ctx: Ctx, sent: Sentence, pos: int) -> list[tuple[Ref, str]]:
    """(the check, the measure) of every rate sharing the value at ``pos``; empty when there is no such list."""
    cs = clause_start(ctx, sent, pos)
    text = ctx.text[cs:pos]
    tail = TAIL_RE.search(text)
    body_end = cs + (tail.start() if tail else len(text))
    body = ctx.text[cs:body_end]
    if not body.endswith(RATE) or "分别" in body or "等" in body:
        return []
    parts, at = [], cs
    for m in re.finditer(r"(?<=合格率)(?:和|及|与|、)", body):
        parts.append((at, cs + m.start()))
        at = cs + m.end()
    parts.append((at, body_end))
    s0 = parts[0][0]
    place = next((x for x in ctx.entities_in(s0, parts[0][1]) if x.kind is Kind.PLACE and x.span.start == s0), None)
    s0 = place.span.end if place is not None else s0
    lead = _lead_re(ctx.lex).match(ctx.text, s0, parts[0][1])
    parts[0] = (lead.end() if lead else s0, parts[0][1])  # 全市甲监测合格率: the lead words are no part of the check
    if len(parts) < 2:
        return []
    spot, other = _check_words(ctx.lex)
    out = []
    for s, e in parts:
        item = ctx.text[s:e]
        what_end = e - len(RATE)
        what = ctx.text[s:what_end]
        if not item.endswith(RATE) or not 2 <= len(what) <= 20 or re.search(r"[\d%]", what):
            return []
        kind = Kind.PRODUCT_SPOT_CHECK if what.endswith(spot) else Kind.INSPECTION if what.endswith(other) else None
        if kind is None:
            return []
        known = next((x for x in ctx.entities if x.kind in INSPECTION_KINDS and x.name == what), None)
        ref = known.ref if known is not None else ctx.add(kind, what, s, what_end).ref
        out.append((ref, item))
    return out
