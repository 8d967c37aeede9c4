"""Counts written right after an award's name are the award's: ``共评选出区长质量奖3家、提名奖4家``.

The count of winners belongs to the programme (the place is only its area), also when the rules read the
figure with the document's place as its subject. Only a programme mention ending exactly where the number
starts counts, and only for units that count winners (``data/lexicon/award_count_units.txt``); the
programme is named in the figure's own words, so the figure is vouched for as named.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from ..model import CONFIDENCE
from ..resources import lexicon_path
from .context import Ctx

__all__ = ["find_award_counts"]


@functools.lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    lines = lexicon_path("award_count_units.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def find_award_counts(ctx: Ctx) -> None:
    units = _units()
    for i, o in enumerate(ctx.observations):
        if o.unit not in units or (o.subject is not None and o.subject.kind.is_programme and not o.subject_inferred):
            continue
        prog = next((e for e in ctx.ending_at(o.span.start) if e.kind.is_programme), None)
        if prog is None:
            continue
        ctx.observations[i] = replace(o, subject=prog.ref, subject_inferred=False,
                                      confidence=max(o.confidence, CONFIDENCE["named"]))
