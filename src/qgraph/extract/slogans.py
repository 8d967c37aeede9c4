"""Quoted slogans: a motto in quotes is an entity only by a head noun.

``“质量月”活动`` is the occasion 质量月 (its name ends with an occasion's head, ``occasion_heads.txt``, or
is an occasion of ``occasions.txt``); ``“优品惠民”活动`` and ``“勤走访、细排查、优服务”活动`` name no
event: the quoted words are a motto with no head noun. A mechanism described by a motto
(``“三链协同”工作机制``, ``slogan_heads.txt``) names no quality system.
"""

from __future__ import annotations

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx
from .quoted_events import is_occasion

__all__ = ["motto_only", "names_no_system"]


@per_lexicon
def _occasion_heads(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("occasion_heads.txt", longest_first=True)


@per_lexicon
def _slogan_heads(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("slogan_heads.txt"))


def motto_only(ctx: Ctx, inner: str) -> bool:
    """True if the quoted ``inner`` before 活动 is a motto, no occasion of its own."""
    if is_occasion(ctx, inner) or any(ch.isdigit() for ch in inner):
        return False  # “3·15”活动: a dated occasion
    if inner.endswith(tuple(ctx.lex.words("occasion_head_non_words.txt", longest_first=True))):
        return True  # “…推动某某发展”活动主题: 发展 ends with 展, no exhibition
    return not inner.endswith(_occasion_heads(ctx.lex))


def names_no_system(ctx: Ctx, head: str) -> bool:
    """True if a quoted motto followed by ``head`` (机制) names nothing."""
    return head in _slogan_heads(ctx.lex)
