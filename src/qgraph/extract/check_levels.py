"""A check's level named inside its label, and handed to its figures.

``7类产品市级监督抽查140批次``: the check is a municipal one although its label opens with what it
checked (``产品市级监督抽查``); its figures (批次, 合格, 合格率) carry that level as their level
dimension unless their own measure names another.
"""

from __future__ import annotations

from ..model import INSPECTION_KINDS, Level, Ref
from .context import Ctx


def level_before_trigger(ctx: Ctx, label: str, trigger: str) -> Level | None:
    """The level word right before the check word of ``label`` (``产品市级`` + ``监督抽查``)."""
    if not label.endswith(trigger):
        return None
    head = label[:len(label) - len(trigger)]
    for word, level in sorted(ctx.lex.levels.items(), key=lambda t: -len(t[0])):
        if head.endswith(word) and len(head) > len(word) and len(word) >= 2:
            return level
    return None


def check_level(ctx: Ctx, subject: Ref | None) -> Level | None:
    """The level of the check ``subject`` refers to (None when it is no check or has none)."""
    if subject is None or subject.kind not in INSPECTION_KINDS:
        return None
    return next((e.level for e in ctx.entities if e.ref == subject and e.level is not None), None)
