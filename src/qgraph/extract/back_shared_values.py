"""One value shared, through a back reference, by the parts of a check counted before it.

``甲产品抽查12批次、乙产品抽查4批次、丙产品抽查20批次，上述3类产品批次合格率均为100%``: the rate after
``上述3类…均为`` is each part's, not only the last one's. When the back reference's count agrees with the
number of parts of a check (figures whose subject is a check) read before it in the sentence, the rate is
written once for each of them, and the count itself (``3类``: the parts named again) is no figure of its own.
When the count does not agree, nothing changes: the rule cannot tell which parts are meant.
Words: ``back_reference_counts.txt`` (上述, 以上 …).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Observation
from .context import Ctx
from .numbers import small_count
from .shared_values import keep_apart

__all__ = ["share_back_referenced_values"]


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("back_reference_counts.txt")
    return re.compile(rf"(?:{words})(?P<n>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})(?:类|种|个|项|批次|大类)"
                      r"(?P<rest>[^，,；;。：:\d%]{0,16}?)(?:均为|均达到|均达|均是|都为|都是|均在|均)"
                      r"(?:保持在|稳定在|达到|达|为|是|在)?$")


def _parts_before(ctx: Ctx, start: int, end: int, kept: list[Observation]) -> list[tuple[object, str | None]]:
    """The distinct (check, breakdown) pairs of the figures in ``[start, end)``, in text order."""
    out: list[tuple[object, str | None]] = []
    for o in kept:
        if not start <= o.span.start < end or o.subject is None or o.subject.kind not in INSPECTION_KINDS:
            continue
        key = (o.subject, o.breakdown)
        if key not in out:
            out.append(key)
    return out


def share_back_referenced_values(ctx: Ctx) -> None:
    """Each figure after ``上述N类…均为`` becomes one figure per part of a check counted before it in the
    sentence, when there are exactly N such parts; the count N of the back reference is dropped."""
    lead = _lead_re(ctx.lex)
    out: list[Observation] = []
    drop: set[int] = set()
    for o in ctx.observations:
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            out.append(o)
            continue
        cs = max(ctx.last_of("，,；;：:", sent.span.start, o.span.start) + 1, sent.span.start)
        m = lead.search(ctx.text, cs, o.span.start)
        n = None if m is None else (int(m.group("n")) if m.group("n").isdigit() else small_count(m.group("n")))
        if m is None or n is None or n < 2:
            out.append(o)
            continue
        parts = _parts_before(ctx, sent.span.start, m.start(), out)
        if len(parts) != n:
            out.append(o)
            continue
        drop.add(m.start("n"))
        out = [x for x in out if x.span.start != m.start("n")]
        for subject, breakdown in parts:
            part = min(x.confidence for x in out if x.subject == subject and x.breakdown == breakdown)
            each = replace(o, subject=subject, breakdown=breakdown, subject_inferred=False,
                           confidence=part if o.subject_inferred else min(o.confidence, part))
            keep_apart(ctx, each)
            out.append(each)
    ctx.observations[:] = [o for o in out if o.span.start not in drop]
