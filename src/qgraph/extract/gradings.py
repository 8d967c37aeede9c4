"""Gradings: ``全区共评定A级企业12家、B级企业27家`` counts what a grading graded, not what the district has.

A count is a grading's when, in its clause, a grading verb (评定, 评为 … from
``data/lexicon/grading_words.tsv``) comes before the number and a grade mark (``A级``, ``AAA级``,
``五星级``) stands in the counted noun. The count's subject is the grading named in the sentence before
the verb (``开展产品质量信用分级评价，共评定…`` → 产品质量信用分级评价, an event); when the sentence
names none, the count is marked inferred rather than given to the place. The verb is no part of the
measure (``A级企业``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Ref, Sentence
from .context import Ctx

__all__ = ["Graded", "grading_frame"]

GRADE_RE = re.compile(r"(?:[A-E]{1,5}|[1-5一二三四五]星|星)级")


@dataclass(frozen=True, slots=True)
class Graded:
    subject: Ref | None
    how: str
    measure: str


def _words(lex: Lexicon, role: str) -> tuple[str, ...]:
    return _by_role(lex).get(role, ())


@per_lexicon
def _by_role(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word, role, *_ in lex.table("grading_words.tsv", columns=2, header="word"):
        out.setdefault(role, []).append(word)
    return {role: tuple(sorted(words, key=len, reverse=True)) for role, words in out.items()}


@per_lexicon
def _named_re(lex: Lexicon) -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, _words(lex, "noun")))
    return re.compile(rf"(?:开展|组织开展|组织|启动|完成)了?(?P<name>[^，,；;。：:、\d“”\"《》]{{2,20}}?(?:{nouns}))(?:工作|活动)?[，,]")


def grading_frame(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> Graded | None:
    """The grading a count at ``pos`` belongs to (or an inferred subject), or None when it is no
    count of graded items."""
    cs = max(sent.span.start, ctx.last_of("，,；;。", sent.span.start, pos) + 1)
    clause = ctx.text[cs:pos]
    verb = None
    for w in _words(ctx.lex, "verb"):
        at = clause.rfind(w)
        if at != -1 and (verb is None or at > verb[0]):
            verb = (at, w)
    if verb is None:
        return None
    after_verb = clause[verb[0] + len(verb[1]):]
    if not GRADE_RE.search(measure) and not GRADE_RE.search(after_verb):
        return None  # 评定专精特新企业12家: no grade, no grading of the place's firms
    grade = GRADE_RE.search(measure)
    clean = measure[grade.start():] if grade else measure
    cut = re.sub(r"^[共计累为出]+", "", clean)
    named = None
    for m in _named_re(ctx.lex).finditer(ctx.text, sent.span.start, cs + verb[0]):
        named = m
    if named is not None:
        ent = next((e for e in ctx.entities if e.name == named.group("name") and e.kind is Kind.EVENT), None) \
            or ctx.add(Kind.EVENT, named.group("name"), named.start("name"), named.end("name"))
        return Graded(ent.ref, "carried", cut or measure)
    home = Ref(Kind.PLACE, ctx.home.name) if ctx.home is not None else None
    return Graded(home, "inferred", cut or measure)
