"""A quoted product's own figures: ``其中"某地蜜桔"品牌价值突破5亿元`` or ``"某地茶"年产值8亿元，带动农户1万户``.

A figure in a report on trademarks or geographical indications falls to the report's place when no other
subject is named. When the figure's clause opens with one quoted name (after an optional ``其中`` / ``如``)
that begins with a place's name or short form (a regional product, as geographical indications are named)
and is followed, with no other name between, by a word of a product's own figure (``product_own_measures.txt``:
品牌价值, 年产值, 年销 …), the figure is that product's. A clause right after it in the same sentence, opening
with a carrying verb (``product_carry_verbs.txt``: 带动, 惠及 …), goes on about the same product. A count
after a list of names (``"甲""乙"等10个``) is no product's own figure and is left alone; so is a quoted name ending
like an organisation or a zone (“某地经开区”年产值).
"""

from __future__ import annotations

import dataclasses
import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Ref
from .context import Ctx
from .periods import clause_start

__all__ = ["quoted_product_figures"]


@per_lexicon
def _opening_re(lex: Lexicon) -> re.Pattern[str]:
    """A clause opening with one quoted name, after a lead word (``quoted_product_leads.txt``: 其中, 如 …) or none."""
    leads = lex.alternation("quoted_product_leads.txt") or "(?!)"
    return re.compile(rf"\s*(?:{leads})?[，,：:]?\s*“(?P<name>[^“”\s]{{3,12}})”")


def _regional(ctx: Ctx, name: str) -> bool:
    """``name`` begins with a place's name or short form and goes on past it (某地蜜桔, not 某地 alone)."""
    return any(ctx.lex.place_names.get(name[:n]) for n in range(min(7, len(name) - 2), 1, -1))


def _body(ctx: Ctx, name: str) -> bool:
    """``name`` ends like an organisation or a zone (``org_suffixes.tsv``, ``zone_endings.txt``,
    ``actor_suffixes.txt``: “某地经开区”, “某地市场监管局”), not a product."""
    return name.endswith((*(s for s, *_ in ctx.lex.org_suffixes), *ctx.lex.words("zone_endings.txt"),
                          *ctx.lex.words("actor_suffixes.txt")))


def _owner(ctx: Ctx, cs: int, pos: int, words: tuple[str, ...]) -> tuple[str, int, int] | None:
    """The quoted product opening the clause ``[cs, pos)`` whose own figure is at ``pos``."""
    m = _opening_re(ctx.lex).match(ctx.text, cs, pos)
    if m is None:
        return None
    rest = ctx.text[m.end():pos]
    if "“" in rest or "等" in rest or not any(w in rest for w in words):
        return None
    if ctx.entities_in(m.end(), pos, frozenset({Kind.PLACE, Kind.ENTERPRISE, Kind.GOVERNMENT_BODY,
                                                  Kind.DEPARTMENT})):
        return None  # another doer between the name and the figure
    if not _regional(ctx, m.group("name")) or _body(ctx, m.group("name")):
        return None
    return m.group("name"), m.start("name"), m.end("name")


def quoted_product_figures(ctx: Ctx) -> None:
    words = ctx.lex.words("product_own_measures.txt", longest_first=True)
    carry = ctx.lex.words("product_carry_verbs.txt", longest_first=True)
    if not words:
        return
    last: tuple[int, str] | None = None  # (clause end, product) of the last figure claimed
    for i, o in enumerate(ctx.observations):
        if o.subject is not None and o.subject.kind is not Kind.PLACE:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        found = _owner(ctx, cs, o.span.start, words)
        name = found[0] if found else None
        if name is None and last is not None and sent.span.start <= last[0] <= cs \
                and not ctx.text[last[0]:cs].strip("，, “”") \
                and any(ctx.text.startswith(v, cs) for v in carry):
            name = last[1]  # …年销3亿元，带动农户1万户: the same product goes on
        if name is None:
            continue
        if found and not any(e.kind is Kind.GEOGRAPHICAL_INDICATION and e.name == name for e in ctx.entities):
            ctx.add(Kind.GEOGRAPHICAL_INDICATION, name, found[1], found[2])
        ctx.observations[i] = dataclasses.replace(o, subject=Ref(Kind.GEOGRAPHICAL_INDICATION, name),
                                                  subject_inferred=False, confidence=max(o.confidence, 0.7))
        end = o.span.end
        while end < sent.span.end and ctx.text[end] not in "，,；;。":
            end += 1
        last = (end + 1, name)
