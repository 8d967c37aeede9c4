"""A system's name does not reach past its clause: ``持续深化首席质量官制度，全市200家企业接受培训``.

A figure whose subject is a quality system, a work model or a facility (``首席质量官制度``, ``某某追溯工程``,
``某服务平台``) is that system's when the system is named in the figure's own clause (``全县126家企业建立
首席质量官制度``, ``某监测平台采集500万条数据``). When the system is named only in an earlier clause of the
sentence, or the report's own place (``全市``) is written between the system's name and the figure, the
figure counts the place's firms or people the system touches, not the system's own — whose it is the
rules cannot vouch for, so it is marked inferred (confidence below 0.5).
"""

from __future__ import annotations

import re

from ..model import Kind, Observation
from .context import Ctx
from .indexes import own_place_words
from .patterns import compiled
from .periods import clause_start

SYSTEM_KINDS = frozenset({Kind.QUALITY_SYSTEM, Kind.WORK_MODEL, Kind.FACILITY})


def _name_re(name: str) -> re.Pattern[str]:
    """The name as written, with or without quotation marks inside it (``“一站式”服务平台``)."""
    return compiled("[“”\"]?".join(map(re.escape, name)))


def _out_of_reach(ctx: Ctx, o: Observation) -> bool:
    sent = ctx.sentence_of(o.span.start)
    if sent is None:
        return False
    start = clause_start(ctx, sent, o.span.start)
    name = _name_re(o.subject.name)
    clause_end = sent.span.end
    for i in range(o.span.end, sent.span.end):
        if ctx.text[i] in "，,；;。":
            clause_end = i
            break
    if name.search(ctx.text, o.span.end, clause_end):  # named after the figure in its clause: its own
        return False
    before = [m for m in name.finditer(ctx.text, sent.span.start, o.span.start)]
    if not before:
        return False
    last = before[-1]
    if last.start() < start:  # named only in an earlier clause
        return True
    between = ctx.text[last.end():o.span.start]
    return any(w in between for w in own_place_words(ctx.lex))


def mark_system_reach(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind not in SYSTEM_KINDS or o.subject_inferred:
            continue
        if _out_of_reach(ctx, o):
            ctx.observations[i] = o.with_subject_inferred()
