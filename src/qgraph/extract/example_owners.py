"""The maker of one example is not the holder of the count it exemplifies.

``甲公司创建的某某管理模式等12个项目获…``, ``乙中心打造的某某体系等5项成果入选…``: the organisation (or
person) is named only as the one who made the first example of a list closed by 等 and a count; the
count is the list's — the projects, the programme's winners — not the organisation's. A figure the rules
gave to that organisation is marked inferred (a false subject is worse than none). Verbs of making:
``data/lexicon/example_maker_verbs.txt``.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .periods import clause_start

__all__ = ["mark_example_makers"]


@per_lexicon
def _example_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("example_maker_verbs.txt")
    # (a person's name after the organisation) a verb of making 的, the example, 等 before the count
    return re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{verbs})的[^，,。；;：:]{{1,60}}?等(?:共)?")


def mark_example_makers(ctx: Ctx) -> None:
    pattern = _example_re(ctx.lex)
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject_inferred or not (o.subject.kind.is_organization or o.subject.kind is Kind.PERSON):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        named = [e for e in ctx.entities_in(cs, o.span.start) if e.ref == o.subject]
        if not named:
            continue
        last = max(named, key=lambda e: e.span.end)
        if pattern.fullmatch(ctx.text, last.span.end, o.span.start):
            ctx.observations[i] = o.with_subject_inferred()
