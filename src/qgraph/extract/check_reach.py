"""How far a check reaches: a check named in an earlier clause does not own a clause no check does.

A year review lists a check's pass rate among the year's results (``产品质量监督抽查合格率97.5%，4家企业申报
全国质量标杆，10家企业21个产品入列某推荐目录``); the subject rules carry the check to the clauses after it.
A clause whose verb is one no check does — entering a list, applying for or winning an honour, being
recognised (``check_foreign_verbs.txt``) — is not the check's: unless it names the check itself, its figure
falls to the document's place, where the vouching rules (:mod:`.vouching`) keep it only when the text
vouches for it, else mark it inferred.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ..model import CONFIDENCE, INSPECTION_KINDS, Kind, Observation, Ref, Sentence
from .context import Ctx
from .periods import clause_end, clause_start


def vouched_check_figures(ctx: Ctx) -> Iterator[tuple[int, Observation, Sentence]]:
    """Each figure whose subject is a check, not marked inferred, with its index and sentence."""
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind not in INSPECTION_KINDS or o.subject_inferred:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is not None:
            yield i, o, sent


def limit_check_reach(ctx: Ctx) -> None:
    verbs = ctx.lex.words("check_foreign_verbs.txt", longest_first=True)
    checks = [w for w in ctx.lex.words("rate_check_words.txt") if w != "--"]  # 抽查, 抽检, 监测 …
    for i, o, sent in vouched_check_figures(ctx):
        cs, ce = clause_start(ctx, sent, o.span.start), clause_end(ctx, sent, o.span.end)
        if not any(v in ctx.text[cs:ce] for v in verbs):
            continue
        if any(e.ref == o.subject for e in ctx.entities_in(cs, ce)) or any(
                w in ctx.text[cs:ce] for w in checks):
            continue  # the clause names the check (抽查企业入选…): its own
        if ctx.home is None:
            ctx.observations[i] = o.with_subject_inferred()
            continue
        ctx.observations[i] = dataclasses.replace(o, subject=Ref(Kind.PLACE, ctx.home.name), confidence=CONFIDENCE["document"])
