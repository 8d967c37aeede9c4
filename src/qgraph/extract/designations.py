"""Items designated as a programme: ``确定甲公司等43家企业的质量管理经验为2021年某省“质量标杆”``,
``甲公司的《某经验》等10项经验为2016年某省“质量标杆”``.

A programme written right after ``为`` (and the list's year) in a designation's clause lists what the
clause counts before ``为``: the count (``等43家企业``, ``等10项经验``) is the programme's, not the first
item's or the place's, in the year written after ``为``; the organisation named before ``等`` — also
when its item (``的《某经验》``) is written after it — is listed in the programme. A clause that counts
nothing, or names no organisation before the count, lists nobody; a count before another listing verb
(``designation_stop_verbs.txt``) is not this programme's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Listing
from .context import Ctx
from .numbers import NUMBER_RE, parse_number

__all__ = ["find_designations"]

BEFORE_RE = re.compile(r"(?<![被评认称作成])为(?P<year>\d{4})?(?:年度?)?$")
COUNT_RE = re.compile(r"等(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>家|项|个|件|名)(?P<noun>[\u4e00-\u9fff]{0,8}?)(?:的[\u4e00-\u9fff]{0,8})?$")


@per_lexicon
def _stops(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("designation_stop_verbs.txt", longest_first=True)


def find_designations(ctx: Ctx) -> None:
    for prog in [e for e in ctx.entities if e.kind.is_programme]:
        b = BEFORE_RE.search(ctx.text, max(0, prog.span.start - 8), prog.span.start)
        if b is None or ctx.text[prog.span.start - 1:prog.span.start] not in ("为", "年", "度") + tuple("“\"「"):
            continue
        sent = ctx.sentence_of(prog.span.start)
        if sent is None:
            continue
        clause = max(sent.span.start, ctx.last_of("，,；;。：:", sent.span.start, b.start()) + 1)
        left = ctx.text[clause:b.start()]
        if any(v in left for v in _stops(ctx.lex)):
            continue
        c = COUNT_RE.search(left)
        if c is None:
            continue
        tok = parse_number(NUMBER_RE.match(c.group("num")))
        if tok is None:
            continue
        num_start = clause + c.start("num")
        firms = [e for e in ctx.entities_in(clause, clause + c.start()) if e.kind.is_organization]
        if not firms:
            continue
        year = b.group("year") or (re.search(r"(\d{4})年度?[“\"「]?$", ctx.text[b.start():prog.span.start]) or [None, None])[1]
        if any(x.programme == prog.ref and x.span.start <= num_start < x.span.end for x in ctx.listings):
            continue
        ctx.listings.append(Listing(prog.ref, (firms[-1].ref,), ctx.span(clause, prog.span.end), count=int(tok.value),
                                    recipient_type=c.group("noun") or None, year=year))
        for i, o in enumerate(ctx.observations):
            if num_start <= o.span.start < clause + c.end("unit") and o.value == tok.value:
                ctx.observations[i] = replace(o, subject=prog.ref, subject_inferred=False,
                                              period=year or o.period, measure=o.measure or c.group("noun"),
                                              confidence=max(o.confidence, CONFIDENCE["named"]))
