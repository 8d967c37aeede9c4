"""Running totals of an award's holders: ``目前，全市共有21家企业获得某市长质量奖``, ``全市已累计产生30家
市长质量奖企业``.

A count of a programme's recipients written after a running-total word (``data/lexicon/running_total_words.txt``:
累计 / 迄今 alone in the count's own clause; 目前 / 截至目前 earlier in the sentence's part with 共有 / 已有 in
the count's own clause) is the total so far: the breakdown ``累计``, not one year's winners — unless the
count's own clause has a word of one round (本次 / 本届 / 今年, ``this-round`` in that file). A count whose measure is an
award's name and a holder noun (``30家市长质量奖企业``, ``data/lexicon/award_holder_nouns.txt``) is the
award's, not the place's: the award written with an elided place (市长质量奖, 市质量管理创新奖) is the
document's place's programme of that name (decided in ``award_of_count.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind, Observation, Ref
from .context import Ctx
from .award_of_count import award_of_measure

__all__ = ["find_running_totals", "holder_nouns", "is_running_total"]

HAVE_RE = re.compile(r"共有|已有|共计|共|已|先后")
OWN_VERB_RE = re.compile(r"新增|新认定|入选|获|培育|认定|评为|列入|纳入|达到|达|增至|有|产生|评选")
"""Verbs of a clause of its own: a clause with none is one more item of the clause before."""
COUNT_UNITS = frozenset({"Jia", "Ming", "Ren", "Ge", "Xiang", "Wei", "Jian", "Suo"})
"""Units a count of recipients is written in (not 届, 次, 元 …)."""
TOTAL = "累计"


@per_lexicon
def _words(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    rows = lex.table("running_total_words.txt", columns=2)
    return tuple(sorted(((r[0], r[1]) for r in rows), key=lambda r: -len(r[0])))


def holder_nouns(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("award_holder_nouns.txt", longest_first=True)


def is_running_total(lex: Lexicon, before: str, rest: str = "") -> bool:
    """``before`` (a sentence up to a count; ``rest``, the count's clause after it) makes the count a
    running total: a word that marks one alone in the count's own clause, or in an earlier clause of its
    part of the sentence when the count's clause has no verb of its own (累计培育甲87家，乙11个); or a word
    of now (目前) earlier in the part with a word of having in the count's own clause (截至目前，某县已评选
    3届，共有11家企业荣获…). A word of one round in the count's own clause (本次, 本届, 今年) makes it
that round's count, never a total."""
    part = before[max(before.rfind("；"), before.rfind(";")) + 1:]
    own = part[max(part.rfind("，"), part.rfind(",")) + 1:]
    clause = own + re.split(r"[，,；;。]", rest, maxsplit=1)[0]
    bare = not OWN_VERB_RE.search(clause)
    if any(how == "this-round" and word in clause for word, how in _words(lex)):
        return False  # 目前，…评审工作已结束，本次共评出获奖企业5家: this round's winners
    for word, how in _words(lex):
        if how == "alone" and (word in own or (bare and word in part)):
            return True
        if how == "with-have" and word in part and HAVE_RE.search(own, own.find(word) + len(word) if word in own else 0):
            return True
    return False


def _award_of_measure(ctx: Ctx, o: Observation) -> tuple[Ref, int, int, str] | None:
    """``30家市长质量奖企业``: (the award, where its name is written, its end, the holder noun)."""
    found = award_of_measure(ctx, o.measure, holder_nouns(ctx.lex))
    if found is None:
        return None
    ref, written, noun = found
    start = ctx.text.find(written, o.span.end, o.span.end + len(written) + 2)
    if start == -1:
        return None
    return ref, start, start + len(written), noun


def find_running_totals(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.unit not in COUNT_UNITS:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        held = _award_of_measure(ctx, o) if o.subject is None or o.subject.kind is Kind.PLACE else None
        if held is not None:
            ref, s, e, noun = held
            if not ctx.has_ref(ref) or not any(x.ref == ref for x in ctx.entities_in(s, e)):
                ctx.add(ref.kind, ref.name, s, e, aliases=(ctx.text[s:e],))
            ctx.claim(s, e)
            o = replace(o, subject=ref, measure=noun, subject_inferred=False,
                        confidence=max(o.confidence, CONFIDENCE["named"]))
        if o.subject is None or not o.subject.kind.is_programme:
            continue
        if o.breakdown is None and is_running_total(ctx.lex, ctx.text[sent.span.start:o.span.start],
                                                     ctx.text[o.span.start:sent.span.end]):
            o = replace(o, breakdown=TOTAL)
        ctx.observations[i] = o
