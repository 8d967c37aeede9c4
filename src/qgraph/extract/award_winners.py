"""Winners counted before a verb of winning with no award after it: ``甲公司等5家企业，以及乙公司总经理张某
等2名个人获奖`` (verbs in ``data/lexicon/award_won_verbs.txt``).

The award is the one named before in the sentence or the document (a grade of it, such as its 提名奖,
stands for the award), else the one award the document names (decided in ``award_of_count.py``). Each ``X等N家企业`` /
``X等N名个人`` is a listing of that award with X as a named winner, and N counts the award's winners
(measure 企业 / 个人) — not the first winner's figure. Counts without examples (``全市共有30家企业、12名个人获奖``) are the award's too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing
from .award_of_count import award_before, several_awards_before
from .enumerations import bare_list
from .context import Ctx
from .numbers import NUMBER_RE, parse_number

__all__ = ["find_award_winners"]

COUNTED_RE = re.compile(r"(?P<deng>等)?(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>家|名|位|个)(?P<rtype>企业|单位|组织|个人|同志)")


@per_lexicon
def _verbs_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.words("award_won_verbs.txt", longest_first=True)
    return re.compile("(?:" + "|".join(map(re.escape, verbs)) + r")(?=[。，,；;]|$)")


def find_award_winners(ctx: Ctx) -> None:
    for v in _verbs_re(ctx.lex).finditer(ctx.text):
        sent = ctx.sentence_of(v.start())
        if sent is None:
            continue
        clause = ctx.last_of("。；;", sent.span.start, v.start()) + 1
        lo = max(sent.span.start, clause)
        counts = list(COUNTED_RE.finditer(ctx.text, lo, v.start()))
        if not counts or re.search(r"[，,]", ctx.text[counts[-1].end():v.start()]):
            continue  # the verb must close the clause of the counts
        if several_awards_before(ctx, sent.span.start, counts[0].start()):
            for c in counts:  # 甲公司获某奖，乙公司获提名奖，全市共有3家企业获奖: the winners of both, no one award's
                for i, o in enumerate(ctx.observations):
                    if c.start("num") <= o.span.start < c.end():
                        ctx.observations[i] = o.with_subject_inferred()
            continue
        found = award_before(ctx, sent.span.start, v.start())
        if found is None:
            continue
        prog, confidence = found
        for c in counts:
            tok = parse_number(NUMBER_RE.match(c.group("num")))
            if tok is None:
                continue
            example = next((e for e in ctx.ending_at(c.start()) if e.kind.is_organization or e.kind is Kind.PERSON),
                           None) if c.group("deng") else None
            named = (example.ref,) if example else ()
            if not c.group("deng"):  # 甲公司、乙公司、丙公司3家企业受到表彰: a complete list right before its count
                named = _complete_list(ctx, c.start("num"), int(tok.value))
            first = max(lo, ctx.last_of("，,", lo, counts[0].start()) + 1)  # the clause of the first count
            ctx.listings.append(Listing(prog, named, ctx.span(first, v.end()),
                                        count=int(tok.value), recipient_type=c.group("rtype")))
            for i, o in enumerate(ctx.observations):
                if o.value == tok.value and c.start("num") <= o.span.start < c.end():
                    ctx.observations[i] = replace(o, subject=prog, measure=c.group("rtype"), subject_inferred=False,
                                                  confidence=max(o.confidence, confidence))


def _complete_list(ctx: Ctx, num: int, count: int) -> tuple:
    """The organisations of a list written right before its count without 等 — only when there are exactly as
    many items as the count and each is an organisation the rules know."""
    out = []
    for s, e in bare_list(ctx, num, count):
        ent = next((x for x in ctx.ending_at(e) if x.span.start == s and x.kind.is_organization), None)
        if ent is None:
            return ()
        out.append(ent.ref)
    return tuple(out)
