"""A count of kinds of one named category inside a check: ``抽查了12种日用消费品300批次``.

A figure of kinds or classes (种, 类) written right before a category of products (a noun ending in 品
that does not start with the plain ``产品``: ``产品质量`` is no category) and not the check's own object (``食品抽检`` … ``15种食品`` stays the check's) counts that category's
kinds: the category is what the figure is about, and the figures of the same clause (its batches, its
rate) may be the category's rather than the whole check's. The rules do not split the check into its
categories, so such a kinds count, the figures after it in its sentence (``…日用消费品300批次，合格290批次``),
and the classes and firms of the same noun phrase before it (``20类300家企业生产的500种某类产品``) are kept
with the check as subject but marked inferred (confidence below 0.5).
"""

from __future__ import annotations

import re

from ..model import INSPECTION_KINDS, Observation
from .context import Ctx

KIND_UNITS = frozenset({"Zhong", "Lei"})
PLAIN = "产品"
"""The plain head: ``抽查了15种产品`` counts the check's own products."""


def _named_category(ctx: Ctx, o: Observation) -> bool:
    if o.unit not in KIND_UNITS or o.measure.startswith(PLAIN) or not o.measure.endswith("品"):
        return False
    if not ctx.text.startswith(o.measure, o.span.end):  # the category written right after the count
        return False
    return o.measure not in o.subject.name


LEAD_RE = re.compile(r"[^\d，,。；;：:、]{0,4}(?:\d+[^\d，,。；;：:、]{0,4})*?生产的$")
"""What stands between the figures of one noun phrase and the category's kinds (``20类300家企业生产的``)."""


def _same_sentence(ctx: Ctx, a: int, b: int) -> bool:
    sent = ctx.sentence_of(a)
    return sent is not None and b < sent.span.end


def mark_named_category_kinds(ctx: Ctx) -> None:
    ends = []
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind not in INSPECTION_KINDS or o.subject_inferred or o.confidence < 0.5:
            continue
        if _named_category(ctx, o):
            ctx.observations[i] = o.with_subject_inferred()
            ends.append((o.span.start, o.span.end + len(o.measure), o.subject))
    for i, o in enumerate(ctx.observations):  # the category's batches after it, its classes and firms before it
        if o.subject_inferred or o.confidence < 0.5:
            continue
        if any(o.subject == subject and (end <= o.span.start and _same_sentence(ctx, end, o.span.start)
                                         or o.span.end <= start and LEAD_RE.match(ctx.text, o.span.end, start))
               for start, end, subject in ends):
            ctx.observations[i] = o.with_subject_inferred()


def mark_shared_value_readings(ctx: Ctx) -> None:
    """``甲合格率、乙合格率，均稳定在98%以上``: the value is shared by the measures listed before it, and the
    reading's measure is the adverb's phrase (``均稳定``), not one of them — inferred
    (``shared_value_adverbs.txt``)."""
    adverbs = ctx.lex.words("shared_value_adverbs.txt")
    if not adverbs:
        return
    for i, o in enumerate(ctx.observations):
        if o.confidence >= 0.5 and o.measure.startswith(adverbs):
            ctx.observations[i] = o.with_subject_inferred()
