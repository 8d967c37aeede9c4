"""Gates: how a figure's subject was found decides whether the extractor vouches for it.

On text the rules were not written on, most false figures came from subjects found in weak ways:
- the document's place was itself chosen on weak evidence (:func:`.homes.weakly_placed`);
- a count of items a programme lists (``质量标杆企业50家``) fell back to the document's place when no
  subject was named: it may as well be the programme's count (``listed_item_words.txt``).
(A place carried over from an earlier sentence is already marked inferred by :mod:`.figures`.)
Such a figure keeps its subject but is marked inferred (confidence below 0.5): a false figure is worse
than a missing one.
"""

from __future__ import annotations

import functools

from ..model import Kind, Ref
from ..resources import lexicon_path
from .context import Ctx


@functools.lru_cache(maxsize=1)
def listed_item_words() -> tuple[str, ...]:
    lines = lexicon_path("listed_item_words.txt").read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def gated(ctx: Ctx, subject: Ref | None, how: str, measure: str) -> str:
    """``how`` the subject was found, lowered to ``inferred`` when it was found in a weak way."""
    if subject is None or how == "inferred":
        return how
    if subject.name[:1] in cut_name_starts():
        return "inferred"  # 次抽检: a name cut from a number's unit (4068批次抽检中) is no subject
    if subject.kind.is_programme and _other_programme_in(ctx, subject, measure):
        return "inferred"  # 累计获省长质量奖87个 read as 中国质量奖's: the measure names another programme
    if how == "named":
        return how
    home = ctx.home.name if ctx.home is not None else None
    if subject.kind is Kind.PLACE and subject.name == home and ctx.home_weak:
        return "inferred"  # the report's place is itself a guess
    if how == "document" and any(w in measure for w in listed_item_words()):
        return "inferred"  # a programme's listed items, or the place's? it cannot be told
    return how


@functools.lru_cache(maxsize=1)
def cut_name_starts() -> frozenset[str]:
    lines = lexicon_path("cut_name_starts.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _other_programme_in(ctx: Ctx, subject: Ref, measure: str) -> bool:
    """The measure names a programme other than the subject (its name, or the last five characters of it)."""
    for e in ctx.entities:
        if e.kind.is_programme and e.name != subject.name and e.name not in subject.name and subject.name not in e.name:
            tail = e.name[-5:] if len(e.name) >= 5 else e.name
            if e.name in measure or (len(tail) >= 4 and tail in measure and tail not in subject.name):
                return True
    return False
