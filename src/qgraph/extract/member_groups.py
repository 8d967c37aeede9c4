"""The member units of a leading group: ``某局等37个单位调整充实为某市质量强市工作领导小组成员``,
``成立质量工作领导小组，成员单位32个``.

A count of units or departments in a clause speaking of members (``成员``), in a sentence naming a body
made of member units (``member_group_heads.txt``: 领导小组, 委员会 …), is that body's membership, not a
figure of the place: it becomes the body's when the extractor knows the body (``成员单位``), and is marked
inferred when it does not.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import CONFIDENCE, Kind
from .context import Ctx
from .periods import clause_end, clause_start

UNITS_AFTER_RE = re.compile(r"[个家]?(?:成员)?(?:单位|部门)")
"""The figure counts units or departments written after it (``37个单位``, ``32个成员单位``)."""
UNITS_BEFORE_RE = re.compile(r"(?:成员)?(?:单位|部门)(?:总数)?(?:有|共有|共|达到|达|为|增至|增加到|增加至|扩大到|调整为)?$")
"""… or before it (``成员单位32个``); a count of something else the members did (``各成员单位共检查企业320家``)
is no membership."""


def find_member_groups(ctx: Ctx) -> None:
    heads = ctx.lex.words("member_group_heads.txt", longest_first=True)
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.unit not in ("Ge", "Jia"):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs, ce = clause_start(ctx, sent, o.span.start), clause_end(ctx, sent, o.span.end)
        clause = ctx.text[cs:ce]
        if "成员" not in clause or not any(w in clause for w in ("单位", "部门")) \
                or not any(h in ctx.text[sent.span.start:ce] for h in heads):
            continue
        if not UNITS_AFTER_RE.match(ctx.text, o.span.end) and not UNITS_AFTER_RE.match(ctx.text, o.span.start) \
                and not UNITS_BEFORE_RE.search(ctx.text, cs, o.span.start):
            continue  # 各成员单位共检查企业320家: what the members did, not how many they are
        group = next((e for e in reversed(ctx.entities_in(sent.span.start, ce))
                      if e.kind is Kind.GOVERNMENT_BODY and e.name.endswith(heads)), None)
        if group is None:
            if not o.subject_inferred:
                ctx.observations[i] = o.with_subject_inferred()
            continue
        ctx.observations[i] = dataclasses.replace(o, subject=group.ref, measure="成员单位", subject_inferred=False,
                                                  confidence=CONFIDENCE["carried"])
