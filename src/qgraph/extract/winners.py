"""People among an award's winners: ``授予甲公司等3家企业和张某某等2名同志“某市市长质量奖”``,
``授予某学院王某某“…”``. A name of two to four characters starting with a known surname, before
``等N名同志/个人/人`` or right after an organisation in a grant's list of winners, is a person — never
an organisation (a school's name before the person is the person's organisation, not the winner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Kind, PostHolding, Ref
from .context import Ctx
from .recipients import grant_re

__all__ = ["PersonWinner", "drop_team_recipients", "employers_of_winners", "person_winners", "find_person_winners"]

GRANT_WHO_RE = grant_re("授予|颁发给")
"""The winners of a grant (a naming, 命名, is not read for people)."""
PEOPLE_RE = re.compile(r"(?P<names>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*)等(?:\d+|[一二两三四五六七八九十]+)(?:名|位)(?:同志|个人|人)")
NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


@dataclass(frozen=True, slots=True)
class PersonWinner:
    name: str
    start: int
    end: int


def _after_post(ctx: Ctx, s: int, e: int) -> int:
    """Where a name read at ``[s, e)`` starts when a post ends inside it (``主席陈某某`` read as ``席陈某某``)."""
    for j in range(e - 2, s, -1):
        if any(ctx.text.startswith(p, j - len(p)) and j - len(p) < s for p in ctx.lex.posts):
            return j
    return s


def person_winners(ctx: Ctx) -> list[PersonWinner]:
    out: list[PersonWinner] = []
    for g in GRANT_WHO_RE.finditer(ctx.text):
        lo, hi = g.start("who"), g.end("who")
        for m in PEOPLE_RE.finditer(ctx.text, lo, hi):
            pos = m.start("names")
            names = m.group("names")
            lead = re.match(r"^[和及与](?=[\u4e00-\u9fff]{2})", names)
            if lead is not None:  # …企业和张某某: the conjunction is no part of the name
                pos, names = pos + lead.end(), names[lead.end():]
            for item in names.split("、"):
                s, pos = pos, pos + len(item) + 1
                cut = _after_post(ctx, s, s + len(item))  # 董事局主席陈某某: the name starts after the post
                out.append(PersonWinner(item[cut - s:], cut, s + len(item)))
        for org in [e for e in ctx.entities_in(lo, hi) if e.kind.is_organization]:
            rest = ctx.text[org.span.end:hi]
            m = NAME_RE.fullmatch(rest) or re.match(r"[\u4e00-\u9fff]{2,4}(?=、)", rest) or \
                re.match(r"[\u4e00-\u9fff]{2,3}(?=同志)", rest)  # 授予某学院周某某同志某奖
            if m is not None:  # 授予某学院王某某“…”: the person after the organisation
                out.append(PersonWinner(m.group(), org.span.end, org.span.end + len(m.group())))
    return [w for w in out if w.name[:1] in ctx.lex.surnames and not re.search(r"[等家个名位企业单位公司]", w.name)]


def find_person_winners(ctx: Ctx) -> None:
    for w in person_winners(ctx):
        if ctx.overlaps_claim(w.start, w.end):
            continue
        person = ctx.add(Kind.PERSON, w.name, w.start, w.end)
        ctx.claim(w.start, w.end)
        post = next((p for p in sorted(ctx.lex.posts, key=len, reverse=True)
                     if ctx.text.startswith(p, w.start - len(p))), None)
        org = next((e for e in ctx.ending_at(w.start - len(post)) if e.kind.is_organization), None) if post else None
        if org is not None:  # 授予某公司董事局主席某某…: the winner holds the post in the organisation before it
            ctx.posts.append(PostHolding(person.ref, post, org.ref, ctx.span(org.span.start, w.end)))


def employers_of_winners(ctx: Ctx, start: int, end: int) -> set[Ref]:
    """The organisations in ``[start, end)`` written right before a person (``某学院王某某``), or before a
    post and a person (``某公司质量总监某某``): the person's organisation, not a winner of its own."""
    ents = ctx.entities_in(start, end)
    people = {e.span.start for e in ents if e.kind is Kind.PERSON}
    return {e.ref for e in ents if e.kind.is_organization and (
        e.span.end in people or any(e.span.end + len(post) in people and ctx.text.startswith(post, e.span.end)
                                    for post in ctx.lex.posts))}  # 某公司质量总监某某: the person's employer


def drop_team_recipients(ctx: Ctx) -> None:
    """``授予甲公司某某攻坚团队、乙公司某某创新团队“某奖贡献奖”``: a team of an organisation listed with it wins
    for the organisation (``winning_teams.txt``) — the organisation stays the recipient, the team's name is none."""
    teams = tuple(ctx.lex.words("winning_teams.txt"))
    for i, x in enumerate(ctx.listings):
        names = {r.name for r in x.recipients}
        kept = tuple(r for r in x.recipients if not (r.name.endswith(teams) and any(
            r.name.startswith(n) and r.name != n for n in names)))
        if len(kept) != len(x.recipients):
            ctx.listings[i] = replace(x, recipients=kept)
