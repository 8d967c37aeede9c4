"""Back-references to an award named earlier: ``本届质量奖``, ``该奖项``, ``获此殊荣``, and a grade standing alone
(``另有3家企业获提名奖``).

A back-reference is no new programme. It is the award named last before it in the document
(``本届质量奖`` → ``某市市长质量奖``); a grade standing alone is that award's grade (``提名奖`` →
``某市市长质量奖提名奖``), a programme of its own. With no award named before, it is dropped.
A category of holders standing alone (``其中甲公司荣获组织奖``) is that award's category in the same way.
Word lists: ``back_references.tsv``, ``award_grades.txt``, ``award_holder_categories.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Kind, Ref
from ..lexicon import Lexicon, per_lexicon
from .context import Ctx

__all__ = ["BackReference", "back_reference", "resolve_back_reference"]


@dataclass(frozen=True, slots=True)
class BackReference:
    """An award name that points back: ``grade`` is set for a grade standing alone (提名奖)."""

    grade: str | None


def back_reference_words(lex: Lexicon, use: str) -> tuple[str, ...]:
    """The words of ``back_references.tsv`` that point back ``alone`` (该奖, 此项认定) or as an ``award``'s
    lead (本届质量奖), in the file's order."""
    return lex.cached(("back_reference_words", use), lambda: tuple(
        r[0] for r in lex.table("back_references.tsv", columns=2, header="word") if r[1] in (use, "both")))


@per_lexicon
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    leads = "|".join(map(re.escape, sorted(back_reference_words(lex, "award"), key=len, reverse=True)))
    grades = lex.alternation("award_grades.txt") + "|" + lex.alternation("award_holder_categories.txt")
    return (re.compile(rf"(?:{leads})(?:届|次|年度)?(?:省长|市长|县长|区长|人民政府|政府)?(?:质量奖|奖项|奖|评选)?"),
            re.compile(rf"(?:获|获得|荣获|授予)?(?P<grade>{grades})"))


HONOUR_WORDS = ("殊荣", "荣誉")
"""Words of an honour that, after a back-reference lead (此殊荣, 该荣誉), name the award named before."""


def back_reference(lex: Lexicon, stem: str, word: str) -> BackReference | None:
    """Whether an award written ``stem`` + ``word`` (``本届质量`` + ``奖``, ``提名`` + ``奖``) points back."""
    lead_re, grade_re = _patterns(lex)
    if word in HONOUR_WORDS:  # 获此殊荣, 获得该荣誉: the award named before
        return BackReference(None) if lead_re.fullmatch(stem) else None
    if not word.endswith("奖"):
        return None
    if lead_re.fullmatch(stem + word) or lead_re.fullmatch(stem):
        return BackReference(None)
    g = grade_re.fullmatch(stem)
    if g is not None:
        return BackReference(g.group("grade") + "奖")
    return None


def resolve_back_reference(ctx: Ctx, ref: BackReference, pos: int, end: int | None = None) -> Ref | None:
    """The programme a back-reference at ``[pos, end)`` names: the award named last before it, or read
    inside it (本届县长质量奖 holds 县长质量奖), with the grade appended for a grade standing alone; else None."""
    grades = tuple(g + "奖" for g in ctx.lex.words("award_grades.txt", longest_first=True))
    if ref.grade:  # 某奖鼓励奖候选名单公示期满，甲、乙入选鼓励奖: the grade named before in full
        same = [e for e in ctx.entities if e.kind is Kind.HONOUR and e.span.end <= pos and e.name.endswith(ref.grade)
                and len(e.name) > len(ref.grade) + 2]
        awards = [e for e in ctx.entities if e.kind is Kind.HONOUR and e.span.end <= pos and e.name.endswith("奖")
                  and not e.name.endswith(grades)]
        if same and (not awards or max(same, key=lambda e: e.span.start).span.start > max(awards, key=lambda e: e.span.start).span.start):
            return Ref(Kind.HONOUR, max(same, key=lambda e: e.span.start).name)
    earlier = [e for e in ctx.entities if e.kind is Kind.HONOUR and (e.span.end <= pos or (
        end is not None and pos <= e.span.start and e.span.end <= end))
               and e.name.endswith("奖") and not e.name.endswith(grades)]
    if not earlier:
        return None
    award = max(earlier, key=lambda e: e.span.start)
    if not ref.grade:
        return Ref(Kind.HONOUR, award.name)
    name = award.name
    for cat in ctx.lex.words("award_categories.txt"):  # 某奖个人奖 … 另有5家企业获提名奖: the award's own grade,
        if name.endswith(cat + "奖") and len(name) > len(cat) + 3:  # not a grade of the category named last
            name = name[:-len(cat) - 1]
            break
        if (bracket := re.search(r"[（(]" + re.escape(cat) + r"类?[)）]$", name)) is not None:
            name = name[:bracket.start()]
            break
    return Ref(Kind.HONOUR, name + ref.grade)
