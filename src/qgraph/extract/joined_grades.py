"""A count of winners of an award *and* its grade (``36家组织获某省人民政府质量奖和提名奖``) is neither
the award's winners nor the grade's: the listing stops at the award's name. When the clause speaks of the
report's own place before it in its sentence (``全区共有…``, ``某省共有…``), the count is the place's holders of either, the award and
grade its qualifier; otherwise the figure read for the award alone is marked inferred (a false figure is
worse than a missing one). Grades:
``data/lexicon/award_grades.txt`` (提名, 鼓励, 金 …), written with 奖 after a coordinator.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind, Ref
from .context import Ctx
from .indexes import own_place_re

__all__ = ["mark_joined_grades"]


@per_lexicon
def _joined_re(lex: Lexicon) -> re.Pattern[str]:
    grades = lex.alternation("award_grades.txt")
    return re.compile(rf"[和及与、](?:其|该奖)?(?:{grades})奖")


def mark_joined_grades(ctx: Ctx) -> None:
    pattern = _joined_re(ctx.lex)
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject_inferred or not o.subject.kind.is_programme:
            continue
        if not any(e.ref == o.subject and e.span.end == o.span.end for e in ctx.ending_at(o.span.end)):
            continue  # the figure's span ends with the award's name
        joined = pattern.match(ctx.text, o.span.end)
        if joined is None:
            continue
        sent = ctx.sentence_of(o.span.start)
        head = ctx.text[sent.span.start:o.span.start] if sent is not None else ""  # 某区共有甲…,36家组织获…
        home = ctx.home
        if home is not None and (own_place_re(ctx.lex).search(head) or home.name in head
                                 or any(a in head for a in home.short)):
            ctx.observations[i] = replace(o, subject=Ref(Kind.PLACE, home.name), qualifier=o.subject.name + joined.group(),
                                          confidence=min(o.confidence, CONFIDENCE["carried"]))
        else:
            ctx.observations[i] = o.with_subject_inferred()
