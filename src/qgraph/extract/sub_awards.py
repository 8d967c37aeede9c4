"""An award's grades and categories are programmes of their own, named after the award.

``一、县长质量奖（2家）… 二、提名奖（1家）``: the second section's winners won the nomination award
(某县县长质量奖提名奖), not the award of the first section; ``共评选出区长质量奖3家、提名奖4家``: the
second count is the nomination award's; ``市长质量奖个人奖包括：…``: the winners of the category.
A grade or category written alone is read only next to the award it belongs to (the section before it,
the item before it in one list); elsewhere it is left alone. Words: ``data/lexicon/award_grades.txt``
(提名, 鼓励, 金 …) and ``data/lexicon/award_categories.txt`` (组织, 个人 …).
"""

from __future__ import annotations

import re

from ..model import Entity, Kind
from ..lexicon import Lexicon, per_lexicon
from .context import CLAUSE_BREAK, Ctx

__all__ = ["SET_UP", "award_years", "grade_words", "base_name", "sub_award", "section_award", "find_sibling_grades"]


@per_lexicon
def grade_words(lex: Lexicon) -> tuple[str, ...]:
    """Grades and categories, each with its 奖, longest first."""
    words = [w + "奖" for name in ("award_grades.txt", "award_categories.txt") for w in lex.words(name)]
    return tuple(sorted(set(words), key=len, reverse=True))


def base_name(lex: Lexicon, name: str) -> str:
    """The award a grade's programme belongs to: ``某市市长质量奖提名奖`` → ``某市市长质量奖``."""
    for g in grade_words(lex):
        if name.endswith(g) and len(name) > len(g) + 2:
            return name[:-len(g)]
    return name


def sub_award(ctx: Ctx, base: Entity, grade: str, start: int, end: int) -> Entity:
    """The programme of ``grade`` (``提名奖``) of the award ``base``, mentioned at ``[start, end)``."""
    name = base_name(ctx.lex, base.name) + grade
    ent = ctx.add(Kind.HONOUR, name, start, end, level=base.level,
                  aliases=(ctx.text[start:end],) if ctx.text[start:end] != name else ())
    ctx.claim(start, end)
    return ent


SECTION_GRADE_RE = re.compile(r"(?:^|[\n\s　])[一二三四五六七八九十]+、(?P<g>[\u4e00-\u9fff]{1,6}?奖)(?=[（(:：\s]|$)")
GRADE_LINE_RE = re.compile(
    r"(?:^|\n)[ \t　]*(?P<g>[\u4e00-\u9fff]{1,6}?奖)(?:获奖)?(?:单位|企业|组织|个人|者)?(?:名单)?"
    r"(?:[（(][^（）()\n]{0,10}[)）])?[:：]?[ \t　]*\n[ \t　]*$")
"""A line that is a grade alone with the words of a winners' heading (``提名奖获奖单位``), right before a list."""


def section_award(ctx: Ctx, header_start: int, first: int, last: Entity | None, *,
                  numbered: bool = True) -> Entity | None:
    """The programme of a list's section headed by a grade alone (``二、提名奖（3家）``, or a line
    ``提名奖获奖单位`` right before the list): that grade of the award of the sections before; ``None``
    when the heading is no grade or no award came before. A section not numbered (``numbered`` false)
    counts only as a line of its own."""
    if last is None:
        return None
    m = None
    if numbered:
        for m in SECTION_GRADE_RE.finditer(ctx.text, header_start, first):
            pass
    if m is None:
        m = GRADE_LINE_RE.search(ctx.text, header_start, first)
    if m is None or m.group("g") not in grade_words(ctx.lex):
        return None
    s, e = m.start("g"), m.end("g")
    if any(x.kind.is_programme for x in ctx.entities_in(s, e)):
        return None
    return sub_award(ctx, last, m.group("g"), s, e)


@per_lexicon
def _sibling_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(r"(?<=[、和及与])(?P<g>" + "|".join(map(re.escape, grade_words(lex))) + ")")


def find_sibling_grades(ctx: Ctx) -> None:
    """``区长质量奖3家、提名奖4家``, ``市长质量奖和提名奖获得者``: a grade alone right after a list
    separator, with an award named before it in the same clause, is that award's grade. First, an award
    written with its grade (``某县县长质量奖鼓励奖``, ``某省标准创新贡献奖二等奖``) is the grade's programme."""
    extend_graded(ctx)
    find_set_up_grades(ctx)
    for m in _sibling_re(ctx.lex).finditer(ctx.text):
        if ctx.overlaps_claim(m.start("g"), m.end("g")):
            continue
        clause = max(ctx.text.rfind(c, 0, m.start()) for c in CLAUSE_BREAK) + 1
        before = [e for e in ctx.entities_in(clause, m.start()) if e.kind.is_programme]
        if before:
            sub_award(ctx, before[-1], m.group("g"), m.start("g"), m.end("g"))
    for m in _short_sibling_re(ctx.lex).finditer(ctx.text):  # 某省政府质量奖包括质量奖、质量奖提名奖2个奖项
        s = m.start("short")
        if ctx.overlaps_claim(s, m.end("g")):
            continue
        clause = max(ctx.text.rfind(c, 0, m.start()) for c in CLAUSE_BREAK) + 1
        before = [e for e in ctx.entities_in(clause, s) if e.kind is Kind.HONOUR
                  and base_name(ctx.lex, e.name).endswith(m.group("short")) and e.name != m.group("short")]
        if before:
            sub_award(ctx, before[-1], m.group("g"), s, m.end("g"))
    for m in _bracketed_re(ctx.lex).finditer(ctx.text):  # 某市质量奖（提名奖）获奖组织: the award and its grade
        award = next((e for e in ctx.ending_at(m.start()) if e.kind is Kind.HONOUR), None)
        titled = None if award is not None else next(
            (e for e in sorted(ctx.entities, key=lambda e: -len(e.name)) if e.kind is Kind.HONOUR
             and ctx.text.endswith(e.name, 0, m.start())), None)  # in a title in 《》: an award named elsewhere
        if award is not None and not ctx.overlaps_claim(m.start("g"), m.end("g")) or titled is not None:
            sub_award(ctx, award or titled, m.group("g"), m.start("g"), m.end("g"))


@per_lexicon
def _short_sibling_re(lex: Lexicon) -> re.Pattern[str]:
    """A grade after a list separator written with the award's own last words (``、质量奖提名奖``)."""
    return re.compile(r"(?<=[、和及与])(?P<short>[\u4e00-\u9fff]{2,4}?)(?P<g>"
                      + "|".join(map(re.escape, grade_words(lex))) + ")")


@per_lexicon
def _bracketed_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(r"[（(](?P<g>" + "|".join(map(re.escape, grade_words(lex))) + r")[)）]")


@per_lexicon
def _set_up_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.words("grade_setup_verbs.txt", longest_first=True)
    return re.compile(r"(?:还|另|也|同时)?(?:" + "|".join(map(re.escape, verbs)) + r")了?(?P<g>"
                      + "|".join(map(re.escape, grade_words(lex))) + r")(?=[，,。；;：:]|$)")


SET_UP = "set_up_grades"
"""Key of ``ctx.memo``: the starts of grades an award was said to have (``某奖还设置了提名奖``)."""


def find_set_up_grades(ctx: Ctx) -> None:
    """``第八届某省省长质量奖还设置了提名奖，甲公司等9家单位…获奖``: a grade the award named right before
    is said to have (verbs in ``grade_setup_verbs.txt``) is that grade's programme, and the winners the
    rest of the sentence counts are its own (``award_of_count.award_before``), not the award's."""
    for e in [x for x in ctx.entities if x.kind is Kind.HONOUR]:
        m = _set_up_re(ctx.lex).match(ctx.text, e.span.end)
        if m is None or ctx.overlaps_claim(m.start("g"), m.end("g")) or e.name.endswith(m.group("g")):
            continue
        grade = sub_award(ctx, e, m.group("g"), m.start("g"), m.end("g"))
        ctx.memo.setdefault(SET_UP, set()).add(grade.span.start)


YEAR_BEFORE_RE = re.compile(r"(\d{4})年度?[“\"「]?$")


def award_years(ctx: Ctx, name: str) -> set[str]:
    """The years written right before the mentions of the award ``name`` (or of its grades)."""
    out: set[str] = set()
    for e in ctx.entities:
        if e.kind.is_programme and base_name(ctx.lex, e.name) == name:
            m = YEAR_BEFORE_RE.search(ctx.text, max(0, e.span.start - 8), e.span.start)
            if m is not None:
                out.add(m.group(1))
    return out


def extend_graded(ctx: Ctx) -> None:
    """A programme mention followed at once by a grade or rank becomes a mention of that grade's programme."""
    grades = grade_words(ctx.lex)
    for e in [x for x in ctx.entities if x.kind is Kind.HONOUR]:
        g = next((g for g in grades if ctx.text.startswith(g, e.span.end)), None)
        if g is None or e.name.endswith(g) or ctx.overlaps_claim(e.span.end, e.span.end + len(g)):
            continue
        ctx.replace_entities([x for x in ctx.entities if x is not e])
        sub_award(ctx, e, g, e.span.start, e.span.end + len(g))
