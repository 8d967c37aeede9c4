"""Whose post it is when no organisation is written in full before it, in attendee lists of meeting news:

- a company's short name right before a post only a company has (``某某科技党委书记、董事长某某``,
  ``。某某宏业总经理某某代表企业发言``; ``company_posts.txt``): the short name is an enterprise;
- the next person of a list whose posts follow right after the person before, with no organisation of
  their own (``某某集团董事长甲，总经理乙``): the posts are held in the organisation of the person before,
  when it is a company or a department (a government head — 副市长 — is the place's government instead),
  and the posts are that kind's: a company post (董事长) never goes to a department, a department post
  (局长; ``department_posts.txt``) never to a company.
A description (获奖企业, 民营企业, 新任; ``non_firm_name_leads.txt``, ``non_firm_name_ends.txt``) before a company
post is no short name.
"""

from __future__ import annotations

import re

from ..model import Entity, Kind
from .context import Ctx
from .dept_names import generic_firm_words

BOUNDARY = "，,。；;：:、\n"
SHORT_RE = re.compile(r"[\u4e00-\u9fff]{2,8}")
NOT_LEADS = "由和及与在对向为是将把被从经等"


def company_posts(ctx: Ctx) -> tuple[str, ...]:
    return ctx.lex.words("company_posts.txt")


def firm_before_post(ctx: Ctx, posts_start: int, roles: list[str]) -> Entity | None:
    """The short name written between a boundary and a company post, as an enterprise (or None)."""
    if not any(r in company_posts(ctx) for r in roles):
        return None
    lo = max(0, posts_start - 9)
    cut = max((ctx.text.rfind(ch, lo, posts_start) for ch in BOUNDARY), default=-1)
    if cut == -1 and lo > 0:
        return None  # no boundary near: a phrase, not a name alone
    start = cut + 1
    name = ctx.text[start:posts_start]
    if not SHORT_RE.fullmatch(name) or name[0] in NOT_LEADS or "的" in name:
        return None
    if name in ctx.lex.place_names or name in generic_firm_words(ctx.lex) or name in ctx.lex.posts:
        return None
    if name.startswith(ctx.lex.words("non_firm_name_leads.txt")) or name.endswith(ctx.lex.words("non_firm_name_ends.txt")):
        return None  # 获奖企业董事长某某, 新任总经理某某, 民营企业董事长某某: no company's name
    if name.endswith(tuple(ctx.lex.posts)) or ctx.overlaps_claim(start, posts_start) or ctx.entities_in(start, posts_start):
        return None
    ent = ctx.add(Kind.ENTERPRISE, name, start, posts_start)
    ctx.claim(start, posts_start)
    return ent


MEDIA_RE = re.compile(r"[\u4e00-\u9fff]{3,14}")


def media_before_post(ctx: Ctx, posts_start: int, roles: list[str]) -> Entity | None:
    """``中国某某报刊社社长某某``: a name written between a boundary and a media post (``media_posts.txt``),
    ending in a media word (``media_name_ends.txt``), as a media organisation (or None)."""
    if not any(r in ctx.lex.words("media_posts.txt") for r in roles):
        return None
    lo = max(0, posts_start - 15)
    cut = max((ctx.text.rfind(ch, lo, posts_start) for ch in BOUNDARY), default=-1)
    if cut == -1 and lo > 0:
        return None
    start = cut + 1
    name = ctx.text[start:posts_start]
    if not MEDIA_RE.fullmatch(name) or not name.endswith(ctx.lex.words("media_name_ends.txt", longest_first=True)):
        return None
    inside = ctx.entities_in(start, posts_start)
    if name[0] in NOT_LEADS or any(e.kind is not Kind.MEDIA for e in inside) \
            or (not inside and ctx.overlaps_claim(start, posts_start)):
        return None  # only an outlet read inside the name (中国某某报 in 中国某某报刊社) gives way
    ctx.drop_organizations_within(start, posts_start)  # 中国某某报 read as an outlet inside the name
    ent = ctx.add(Kind.MEDIA, name, start, posts_start)
    ctx.claim(start, posts_start)
    return ent


def org_of_person_before(ctx: Ctx, posts_start: int, government_heads: tuple[str, ...], roles: list[str]):
    """The organisation of the person named right before ``posts_start`` (a separator between), if it is a
    company's or a department's, none of ``roles`` is a government head, and ``roles`` are posts of that
    kind of organisation."""
    if any(r in government_heads for r in roles) or posts_start < 2 or ctx.text[posts_start - 1] not in "，,、":
        return None
    name_end = posts_start - 1
    honorific = next((w for w in ctx.lex.words("honorifics.txt") if ctx.text.endswith(w, 0, name_end)), "")
    name_end -= len(honorific)  # 某司司长甲先生，副司长乙: the address belongs to the name before
    person = next((e for e in ctx.ending_at(name_end) if e.kind is Kind.PERSON), None)
    if person is None:
        return None
    held = [p for p in ctx.posts if p.person == person.ref and p.organization is not None
            and p.span.end == name_end]
    if not held or held[-1].organization.kind not in (Kind.ENTERPRISE, Kind.DEPARTMENT):
        return None
    if held[-1].organization.kind is Kind.DEPARTMENT and any(r in company_posts(ctx) for r in roles):
        return None  # 某局局长甲，党委书记、董事长乙: a company's head, not the bureau's
    if held[-1].organization.kind is Kind.ENTERPRISE and any(r in ctx.lex.words("department_posts.txt") for r in roles):
        return None  # 某公司董事长甲，局长乙: a department's head, not the company's
    return next((e for e in ctx.entities if e.ref == held[-1].organization), None)
