"""The steps of a procedure are not a place's stock: ``评选按照申报、审核、公示…6个环节进行``,
``分三个阶段推进`` count the stages of the work (of a selection, a campaign), not anything the place holds.
A figure whose measure is such a word and whose subject fell to a place is marked inferred (the rules
cannot tell whose procedure it is). Words: ``data/lexicon/procedure_nouns.txt``.
"""

from __future__ import annotations

from ..model import Kind
from .context import Ctx

__all__ = ["mark_procedure_counts"]


def mark_procedure_counts(ctx: Ctx) -> None:
    nouns = ctx.lex.words("procedure_nouns.txt")
    for i, o in enumerate(ctx.observations):
        if o.subject is not None and o.subject.kind is Kind.PLACE and not o.subject_inferred \
                and o.measure.endswith(nouns):
            ctx.observations[i] = o.with_subject_inferred()
