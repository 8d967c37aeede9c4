"""A figure of one quoted item: ``其中“某地芒果”年产值超过5亿元``, ``某县“某某鸡”年产值达3亿元``.

A quoted name written right before a measure of an item's own output or value (``item_attribute_measures.txt``:
产值, 销售额, 品牌价值 …) names what the figure is of — the product, the brand — not the place that makes it,
even when a place is written before the quotation marks (某县“某某鸡”: the chicken's origin). When the quoted
name is an entity of the text (a geographical indication, a brand, a trademark, a firm) the figure is that
entity's; otherwise whose it is the rules cannot tell, and the figure is marked unsure.

The same holds for the clause right after it in the same sentence with no subject of its own
(``…年产值达3亿元，农户户均增收2万元``): that is done by the carry of an unsure subject in
:mod:`qgraph.extract.figures`.
"""

from __future__ import annotations

import re

from ..model import Kind, Ref
from .context import Ctx
from .periods import clause_start

__all__ = ["quoted_item"]

QUOTED_HEAD_RE = re.compile(r"[“\"](?P<name>[^”\"“，,。；;：:]{2,12})[”\"][^“”\"，,。；;：:\d]{0,14}$")


def quoted_item(ctx: Ctx, sent, pos: int, measure: str, subject: Ref | None) -> tuple[Ref | None, str] | None:
    """``(subject, measure)`` of a figure at ``pos`` whose measure opens with the quoted name right before it
    and ends with an item's attribute: the quoted entity (None: unsure whose) and the measure less the name.
    None when the shape does not hold or the subject is already no place (a programme's “某名品”…)."""
    if subject is not None and subject.kind is not Kind.PLACE:
        return None
    head = QUOTED_HEAD_RE.search(ctx.text, clause_start(ctx, sent, pos), pos)
    if head is None:
        return None
    name = head.group("name")
    rest = measure[len(name):] if measure.startswith(name) else ""
    if len(rest) < 2 or not rest.endswith(ctx.lex.words("item_attribute_measures.txt")):
        return None
    named = [e for e in ctx.entities_in(head.start("name"), head.end("name"))
             if e.span.start == head.start("name") and e.span.end == head.end("name")]
    if any(e.kind is Kind.PLACE or e.kind.is_programme for e in named):
        return None  # “某市”…: a place's own figure; “某名品”…: the programme's (told elsewhere)
    return (named[0].ref if named else None), rest
