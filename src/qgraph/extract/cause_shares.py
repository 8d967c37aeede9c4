"""Shares by cause: ``不合格项目主要为微生物污染（占38.8%）、农兽药残留（占20.1%）``, or listed after
分别为 (``不合格项目占不合格样品总量分别为：微生物污染26.2%，农药残留超标20.1%``).

Each percentage after a cause is the share of that cause among the failures (or problems) the clause
opens with: the measure is the head's share (``不合格项目占比``), the cause a breakdown of it — never a
measure of its own (``农兽药残留占``) nor a bare ``占``.
"""

from __future__ import annotations

import dataclasses
import re

from .context import Ctx

OPEN_RE = re.compile(r"(?P<head>不合格项目|不合格原因|不合格问题|问题)(?:主要|大多|多)?(?:为|是|集中在|涉及|包括)[：:]?")
"""A clause naming the causes of failures or problems, one share after each."""
CAUSE_RE = re.compile(
    r"(?:^|[、，,；;和及与])(?P<cause>[^、，,；;（()）%\d]{2,16}?)(?:[，,])?[（(]?占(?:[^、，,；;（()）%\d]{0,10}?的)?$"
)
LISTED_RE = re.compile(r"(?P<head>不合格项目|不合格原因|不合格问题|问题)(?:类别)?占[^，,。；;：:%\d]{0,20}?分别为[：:]?")
"""A clause listing each cause with its share after 分别为 (the cause right before its number)."""
ITEM_RE = re.compile(r"(?:^|[、，,；;])(?P<cause>[^、，,；;（()）%\d：:]{2,16})$")
MEASURES = {"不合格项目": "不合格项目占比", "不合格原因": "不合格项目占比", "不合格问题": "不合格项目占比",
            "问题": "问题占比"}


@dataclasses.dataclass(frozen=True, slots=True)
class CauseShare:
    """One share of a cause: its measure and the cause it is broken down by."""

    measure: str
    cause: str


def cause_share(ctx: Ctx, start: int) -> CauseShare | None:
    """The cause share a percentage starting at ``start`` is, if a cause clause governs it."""
    sent = ctx.sentence_of(start)
    lo = sent.span.start if sent is not None else max(0, start - 200)
    opened = None
    for m in OPEN_RE.finditer(ctx.text, lo, start):
        opened = m
    listed = None
    for m in LISTED_RE.finditer(ctx.text, lo, start):
        listed = m
    if listed is not None and (opened is None or listed.start() > opened.start()):
        c = ITEM_RE.search(ctx.text[listed.end():start])
        return CauseShare(MEASURES[listed.group("head")], c.group("cause")) if c is not None else None
    if opened is None:
        return None
    c = CAUSE_RE.search(ctx.text[opened.end():start])
    if c is None:
        return None
    return CauseShare(MEASURES[opened.group("head")], c.group("cause"))


def find_cause_shares(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.unit != "Percent":
            continue
        share = cause_share(ctx, o.span.start)
        if share is not None:
            ctx.observations[i] = dataclasses.replace(o, measure=share.measure, breakdown=share.cause)
