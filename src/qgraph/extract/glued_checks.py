"""A count written right before a check's label counts what the check covered: ``…等7类产品市级监督抽查
140批次`` — 7类 is the check's (its product classes), not the place's, and its measure is the noun the
label opens with (产品), not the whole label — when the check's own count follows its label."""

from __future__ import annotations

import re

from ..model import INSPECTION_KINDS, Entity
from .context import Ctx


def check_after(ctx: Ctx, end: int) -> tuple[Entity, str] | None:
    """(the check whose label starts at ``end``, the counted noun it opens with), or None."""
    check = next((e for e in ctx.entities if e.kind in INSPECTION_KINDS and e.span.start == end), None)
    if check is None or not re.match(r"\d", ctx.text[check.span.end:check.span.end + 1]):
        return None  # …等3大类食品监督抽检不合格率…: the classes compared, no count the check reports
    label = check.span.text
    cut = len(label)
    for word in sorted(ctx.lex.levels, key=len, reverse=True):
        i = label.find(word)
        if 0 < i < cut and len(word) >= 2:
            cut = i
    for trig in ctx.lex.triggers:
        i = label.find(trig.word)
        if 0 < i < cut:
            cut = i
    noun = label[:cut]
    for field in ("质量", "安全"):
        noun = noun[:-len(field)] if noun.endswith(field) and len(noun) > len(field) + 1 else noun
    return (check, noun) if 2 <= len(noun) <= 6 else None
