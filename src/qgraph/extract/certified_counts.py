"""Counts of a programme's holders written with the programme between the count and the holder noun:
``又新增4家“某制造”认证企业，分别是甲公司、乙公司…``.

The count is the programme's (measure: the holder noun, ``certified_holder_nouns.txt``), not the place's
(batches written right before it, ``三批427个“某品牌”品牌``, are the programme's batches);
``新增`` right before the count makes it the new holders (breakdown ``新增``). Organisations named
right after, after ``分别是`` / ``分别为`` / ``包括`` up to the end of the sentence, are the programme's
listings — only when there are no more of them than the count.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind, Listing
from .context import Ctx

__all__ = ["find_certified_counts"]

UNITS = ("Jia", "Ge", "Jian", "Xiang", "Zhang")
NAMED_AFTER_RE = re.compile(r"[，,：:]\s*(?:分别是|分别为|包括|即)[：:]?")


@per_lexicon
def _nouns_re(lex: Lexicon) -> re.Pattern[str]:
    nouns = lex.words("certified_holder_nouns.txt", longest_first=True)
    return re.compile(r"[”\"」]?(?:认证|获证|授权|贯标)?(?P<noun>" + "|".join(map(re.escape, nouns)) + ")")


def find_certified_counts(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.unit not in UNITS:
            continue
        pos = o.span.end
        pos += len(re.match(r"[“\"「]?", ctx.text[pos:]).group())
        prog = next((e for e in ctx.entities if e.kind.is_programme and e.span.start == pos), None)
        if prog is None or o.subject is not None and o.subject.kind is not Kind.PLACE and o.subject != prog.ref:
            continue
        n = _nouns_re(ctx.lex).match(ctx.text, prog.span.end)
        if n is None:
            continue
        new = ctx.text[max(0, o.span.start - 2):o.span.start].endswith("新增")
        ctx.observations[i] = replace(o, subject=prog.ref, measure=n.group("noun"), subject_inferred=False,
                                      breakdown="新增" if new else o.breakdown,
                                      confidence=max(o.confidence, CONFIDENCE["named"]))
        batches = next((j for j, p in enumerate(ctx.observations) if p.unit == "Pi" and p.span.end == o.span.start), None)
        if batches is not None:  # 先后推出三批427个“某品牌”: the programme's batches, counted with its items
            p = ctx.observations[batches]
            ctx.observations[batches] = replace(p, subject=prog.ref, measure="批", subject_inferred=False,
                                                breakdown=ctx.observations[i].breakdown,
                                                confidence=max(p.confidence, CONFIDENCE["named"]))
        sent = ctx.sentence_of(o.span.start)
        after = NAMED_AFTER_RE.match(ctx.text, n.end())
        if sent is None or after is None:
            continue
        firms = [e.ref for e in ctx.entities_in(after.end(), sent.span.end) if e.kind.is_organization]
        if firms and len(firms) <= o.value:
            ctx.listings.append(Listing(prog.ref, tuple(firms), ctx.span(o.span.start, sent.span.end),
                                        count=int(o.value), recipient_type=n.group("noun"),
                                        year=o.period if o.period and re.fullmatch(r"\d{4}", o.period) else None,
                                        certification=prog.kind is Kind.CERTIFICATION_SCHEME))
