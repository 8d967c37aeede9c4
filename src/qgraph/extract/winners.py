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
from .recipients import GRANT_NEXT_RE, grant_re

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


ORGS_THEN_PEOPLE_RE = re.compile(
    r"(?:等|(?<=[^\d\s]))(?:\d+|[一二两三四五六七八九十]+)(?:家|个)(?:单位|组织|企业)(?:和|及|以及)(?P<rest>[^、，,]{2,40}?)"
    r"(?:同志)?(?:等?(?P<n>\d+|[一二两三四五六七八九十]+)(?:名|位)(?:个人|同志|人))?$")
"""``甲公司等9家组织和王某`` / ``…等7个单位和某医院张某某等1名个人``: the organisations' count, then a person
(after their organisation, when one is written)."""


PEOPLE_ITEMS_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:家|个)(?:单位|组织|企业)(?:和|及|以及)(?P<rest>[^，,；;。]{4,120}?)"
                             r"等(?P<n>\d+|[一二两三四五六七八九十]+)(?:名|位)(?:个人|同志|人)$")
"""``…等8家组织和甲公司王某、乙厂李某等2名个人``: the people after the organisations' count, each after their own."""
WON_RE = re.compile(r"(?:荣获|获得|获评)")
"""A verb of winning after the winners (``甲等4家组织和乙公司王某1名个人荣获某奖``)."""


def _grant_spans(ctx: Ctx) -> list[tuple[int, int]]:
    """The winners of each grant, and of the later parts of its sentence that name winners with the verb elided
    (``授予甲等9家组织和王某某奖，乙等9家组织和李某某奖提名奖``); the winners written before a verb of winning
    when they end with the organisations' count and the people (``…等4家组织和乙公司王某1名个人荣获``)."""
    out = []
    for w in WON_RE.finditer(ctx.text):
        lo = max(ctx.text.rfind(c, 0, w.start()) for c in "，,。；;：:\n") + 1
        m = ORGS_THEN_PEOPLE_RE.search(ctx.text, lo, w.start())
        if (m is not None and m.group("n") is not None) or PEOPLE_ITEMS_RE.search(ctx.text, lo, w.start()):
            out.append((lo, w.start()))
    for g in GRANT_WHO_RE.finditer(ctx.text):
        out.append((g.start("who"), g.end("who")))
        sent = ctx.sentence_of(g.start())
        if sent is not None:
            out += [(m.start("who"), m.end("who")) for m in GRANT_NEXT_RE.finditer(ctx.text, g.end(), sent.span.end)
                    if ORGS_THEN_PEOPLE_RE.search(m.group("who"))]
    return list(dict.fromkeys(out))


def _people_after_orgs(ctx: Ctx, lo: int, hi: int) -> list[PersonWinner]:
    """The people named after the organisations' count of a grant's winners: one, or several joined by 、 each
    after their organisation (``和甲公司王某、乙厂李某等2名个人``) when their count agrees."""
    m = ORGS_THEN_PEOPLE_RE.search(ctx.text, lo, hi)
    if m is None:
        return []
    if "、" not in ctx.text[m.start("rest"):m.end("rest")]:
        found = _person_after_orgs(ctx, lo, hi)
        return [found] if found is not None else []
    return []


def _people_items(ctx: Ctx, lo: int, hi: int) -> list[PersonWinner]:
    """``…等8家组织和甲公司王某、乙厂李某等2名个人``: each item after the organisations' count is a person
    after their organisation; all or none (the count after 等 must agree)."""
    from .numbers import parse_chinese_numeral
    m = PEOPLE_ITEMS_RE.search(ctx.text[lo:hi])
    if m is None:
        return []
    items = m.group("rest").split("、")
    n = m.group("n")
    if len(items) < 2 or len(items) != (int(n) if n.isdigit() else parse_chinese_numeral(n)):
        return []
    out: list[PersonWinner] = []
    pos = lo + m.start("rest")
    for item in items:
        found = _person_after_orgs_item(ctx, pos, pos + len(item))
        if found is None:
            return []
        out.append(found)
        pos += len(item) + 1
    return out


def _person_after_orgs_item(ctx: Ctx, rs: int, re_: int) -> PersonWinner | None:
    """One item ``甲公司王某``: an organisation (read already, or ending like a firm, ``winner_item_endings.txt``),
    then a two- or three-character name; an employer not read yet is added as an enterprise."""
    endings = ctx.lex.words("winner_item_endings.txt", longest_first=True)
    for n in (3, 2):
        name, employer = ctx.text[re_ - n:re_], ctx.text[rs:re_ - n]
        if name[:1] not in ctx.lex.surnames or len(employer) < 4:
            continue
        if any(e.kind.is_organization and e.span.start == rs for e in ctx.ending_at(re_ - n)):
            return PersonWinner(name, re_ - n, re_)
        if employer.endswith(endings) and not ctx.overlaps_claim(rs, re_ - n):
            ctx.add(Kind.ENTERPRISE, employer, rs, re_ - n)
            ctx.claim(rs, re_ - n)
            return PersonWinner(name, re_ - n, re_)
    return None


def _person_after_orgs(ctx: Ctx, lo: int, hi: int) -> PersonWinner | None:
    """The person named after the organisations' count of a grant's winners, alone (``和王某``) or after their
    organisation (``和某大学附属医院张某某``: the organisation ends like one, ``winner_item_endings.txt`` or an
    institution's ending); the organisation is then added as the person's."""
    from .recipients import institution_end
    m = ORGS_THEN_PEOPLE_RE.search(ctx.text, lo, hi)
    if m is None:
        return None
    rs, re_ = m.start("rest"), m.end("rest")
    rest = m.group("rest")
    if len(rest) <= 4 and any(w in rest for w in ctx.lex.words("non_person_nouns.txt")):
        return None  # …等3家企业和高校 / 和金融机构: a common noun, no person
    marked = re_ < m.end()  # 同志 or 等1名个人 after it
    if (len(rest) <= 3 or marked) and len(rest) <= 4 and rest[:1] in ctx.lex.surnames:
        return PersonWinner(rest, rs, re_)  # a bare word of four characters is no name unless so marked
    endings = ctx.lex.words("winner_item_endings.txt", longest_first=True)
    for n in (3, 2, 4):
        name, employer = rest[-n:], rest[:-n]
        if name[:1] not in ctx.lex.surnames or len(employer) < 4:
            continue
        if not (employer.endswith(endings) or institution_end(ctx, employer)
                or any(e.kind.is_organization and e.span.start == rs for e in ctx.ending_at(re_ - n))):
            continue
        if not any(e.kind.is_organization and e.span.start == rs for e in ctx.ending_at(re_ - n)):
            ctx.replace_entities([e for e in ctx.entities if not (
                e.kind.is_organization and e.span.start < re_ - n and e.span.end > rs)])
            ctx.add(Kind.ENTERPRISE if employer.endswith(endings) else Kind.ORGANIZATION, employer, rs, re_ - n)
        return PersonWinner(name, re_ - n, re_)
    return None


def person_winners(ctx: Ctx) -> list[PersonWinner]:
    out: list[PersonWinner] = []
    for lo, hi in _grant_spans(ctx):
        after = _people_items(ctx, lo, hi) or _people_after_orgs(ctx, lo, hi)
        if after:
            out += after
            continue
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
    common = ctx.lex.words("non_person_nouns.txt")
    return [w for w in out if w.name[:1] in ctx.lex.surnames and not re.search(r"[等家个名位企业单位公司]", w.name)
            and not any(c in w.name for c in common)]


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

    def employs(e) -> bool:
        at = e.span.end
        unit = INNER_UNIT_RE.match(ctx.text, at)  # 某公司质量部部长某某: a unit of the firm before the post
        for lead in ([at, unit.end()] if unit is not None else [at]):
            if lead in people or any(lead + len(post) in people and ctx.text.startswith(post, lead)
                                     for post in ctx.lex.posts):
                return True
        return False
    return {e.ref for e in ents if e.kind.is_organization and employs(e)}  # 某公司质量总监某某: the person's employer


INNER_UNIT_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:事业部|分公司|分厂|车间|部|处|科|室|中心)")
"""A unit inside an organisation, written between its name and a post (``质量部``, ``检测中心``)."""


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
