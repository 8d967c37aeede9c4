"""The last of a run of bare numbers after 分别: ``较上年分别提高1和2个百分点``, ``食品、药品分别抽检1200、800批次``.

The numbers before the last one carry no unit of their own, so no figure is read for them, and the last
one, read alone, would be given to the subject of the whole clause (the check, the place) — the whole's
figure, which it is not: it is the last item's. When a figure's number follows another bare number joined
by ``、`` or a word of ``list_joiners.txt`` (和, 及, 与) in a clause speaking of 分别, it is marked inferred.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx
from .periods import clause_start


@per_lexicon
def _bare_before_re(lex: Lexicon) -> re.Pattern[str]:
    joiners = lex.alternation("list_joiners.txt")
    return re.compile(rf"(?<![\d.])\d+(?:\.\d+)?(?:、|{joiners})$")


def mark_bare_lists(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.subject_inferred:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        if "分别" not in ctx.text[sent.span.start:o.span.start] or not _bare_before_re(ctx.lex).search(
                ctx.text, max(cs, o.span.start - 16), o.span.start):
            continue
        ctx.observations[i] = o.with_subject_inferred()
