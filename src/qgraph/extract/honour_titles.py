"""Titles conferred on people and teams: ``甲公司副总经理某某、乙公司总经理某某2人被评为2024年度某市优秀
首席质量官``, ``甲公司的QC小组获评2024年度某省优秀质量管理小组``.

Such a title (``data/lexicon/honour_titles.txt``) written after a verb of being named, and opening with
a place or a level word (precision: ``优秀首席质量官`` alone is no programme of anyone), is a programme.
Its recipients are the people listed before the verb (their organisations are only theirs), or the
organisation whose team (``data/lexicon/winning_teams.txt``: QC小组, 班组 …) was named; a count before
the verb (``2人``) must agree with the people named.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing, Ref
from .context import Ctx
from .listings import _level, _recipients

__all__ = ["find_honour_titles"]


@per_lexicon
def _level_lead_re(lex: Lexicon) -> re.Pattern[str]:
    """A level word of ``levels.tsv`` (全国, 省级) at the start of a title."""
    return re.compile("|".join(map(re.escape, sorted(lex.levels, key=len, reverse=True))) or "(?!)")


@per_lexicon
def _title_re(lex: Lexicon) -> re.Pattern[str]:
    titles = "|".join(map(re.escape, sorted(lex.words("honour_titles.txt") + lex.words("firm_honour_titles.txt"),
                                            key=len, reverse=True)))
    verbs = lex.alternation("honour_title_verbs.txt")
    return re.compile(rf"(?P<verb>{verbs})(?P<year>\d{{4}}年度?)?"
                      rf"(?P<name>[^\s，,。；;、“”\d]{{0,12}}?(?:{titles}))(?:称号|荣誉称号)?(?=[，,。；;、\s]|$)")


def _place_lead(ctx: Ctx, name: str) -> bool:
    return _level_lead_re(ctx.lex).match(name) is not None or any(
        ctx.resolve_place(name[:n]) is not None for n in range(min(8, len(name) - 1), 1, -1))


def find_honour_titles(ctx: Ctx) -> None:
    teams = ctx.lex.words("winning_teams.txt", longest_first=True)
    for m in _title_re(ctx.lex).finditer(ctx.text):
        name = m.group("name")
        if not _place_lead(ctx, name) or ctx.overlaps_claim(m.start("name"), m.end("name")):
            continue
        if re.search(rf"(?:{ctx.lex.alternation('aspiration_words.txt')})[^，,。；;]{{0,4}}$", ctx.text[max(0, m.start() - 12):m.start()]):
            continue  # 力争成为某示范城市: a goal, no title held
        if name.endswith(ctx.lex.words("firm_honour_titles.txt")) and not any(
                ctx.resolve_place(name[:n]) is not None for n in range(min(8, len(name) - 1), 1, -1)):
            continue  # 省级知识产权示范企业: a level word alone names a kind of firm title
        s, e = m.start("name"), m.end("name")
        ctx.drop_organizations_within(s, e)
        prog = next((x for x in ctx.entities_in(s, e) if x.kind.is_programme and x.span.start == s), None) \
            or ctx.add(Kind.HONOUR, name, s, e, level=_level(ctx, name))
        ctx.claim(s, e)
        clause = max(ctx.text.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
        before = ctx.text[clause:m.start()]
        count = re.search(r"(?P<n>\d+)(?:人|名|位)$", before)
        people = [x for x in ctx.entities_in(clause, m.start()) if x.kind is Kind.PERSON]
        recipients: list[Ref] = [x.ref for x in people]
        if not people:
            team = next((t for t in teams if re.search(rf"的?{re.escape(t)}$", before)), None)
            if team is not None:  # 甲公司的QC小组获评…: the organisation's team
                end = m.start() - len(team)
                end -= 1 if ctx.text[end - 1:end] == "的" else 0
                org = next((x for x in ctx.ending_at(end) if x.kind.is_organization and x.span.start >= clause), None)
                recipients = [org.ref] if org is not None else []
            if not recipients and count is None:  # 甲公司、乙公司被认定为某省企业标准领跑者: the organisations
                recipients = [r for r in _recipients(ctx, clause, m.start()) if r.kind is not Kind.PLACE
                              or prog.name.endswith(ctx.lex.words("place_honour_titles.txt"))]
        if not recipients or (count is not None and len(recipients) != int(count.group("n"))):
            continue
        year = re.match(r"\d{4}", m.group("year")).group() if m.group("year") else ctx.year
        ctx.listings.append(Listing(prog.ref, tuple(dict.fromkeys(recipients)), ctx.span(clause, e), year=year,
                                    count=int(count.group("n")) if count else None))
