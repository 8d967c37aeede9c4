"""A clause that enters items into a list of its own: ``甲、乙等10个标志入选某名录，丙、丁等15个产品纳入某互认清单``.

The subject rules may carry a programme named in an earlier clause of the sentence onto later clauses.
When a clause after the programme's, up to the figure's, names a list of its own after an entry verb
(``list_entry_verbs.txt``: 纳入, 列入; the list's name ends with a noun of ``own_list_nouns.txt``) and the
carried programme is not named in the figure's clause, the figure is not that programme's: it is the report's place's count of items in
the other list (the measure keeps the list's name), as far as can be told — confidence ``document``.
"""

from __future__ import annotations

import dataclasses
import re

from ..lexicon import per_lexicon, Lexicon
from ..model import CONFIDENCE, Kind, Ref
from .context import Ctx
from .periods import clause_end, clause_start

__all__ = ["own_list_clauses"]


@per_lexicon
def _own_list_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("list_entry_verbs.txt") or "(?!)"
    nouns = lex.alternation("own_list_nouns.txt") or "(?!)"
    return re.compile(rf"(?:{verbs})[^，,；;。“”]{{2,20}}?(?:{nouns})")


def own_list_clauses(ctx: Ctx) -> None:
    if ctx.home is None:
        return
    pattern = _own_list_re(ctx.lex)
    for i, o in enumerate(ctx.observations):
        if o.subject is None or not o.subject.kind.is_programme:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs, ce = clause_start(ctx, sent, o.span.start), clause_end(ctx, sent, o.span.end)
        if o.subject.name in ctx.text[cs:ce]:
            continue
        named = [e for e in ctx.entities_in(sent.span.start, cs) if e.ref == o.subject]
        if not named:
            continue  # the programme is no earlier clause's: not carried here
        if not any(o.subject.name not in m.group() for m in pattern.finditer(ctx.text, named[-1].span.end, ce)):
            continue  # no other list entered between the programme and the figure
        ctx.observations[i] = dataclasses.replace(o, subject=Ref(Kind.PLACE, ctx.home.name),
                                                  confidence=min(o.confidence, CONFIDENCE["document"]))
