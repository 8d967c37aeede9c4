"""Posts written after the name, in brackets: ``许某某（市发展改革委副主任）作交流发言``,
``陈某（县人大常委会副主任、县总工会主席）出席``.

The bracket must hold nothing but posts, each after its organisation (or a government head such as
副县长, held in the people's government of the report's place), split by 、; the name right before the
bracket must start with a known surname and stand alone (after punctuation, the start of a line, or
由 / 有 / 和 …). Each post is read as the post-first rule reads it; a bracket that is anything else (a
company's short name, a place, a date) gives nothing.
"""

from __future__ import annotations

import re

from ..model import Kind, PostHolding
from .context import Ctx, is_han
from .people import _government_for_head, _org_before, _unit_between

__all__ = ["find_bracketed_posts"]

BRACKET_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})[（(](?P<inner>[^（）()\n]{2,40})[)）]")
NAME_BEFORE = "由有和及与请、，,。；;：:\n 　"
"""Characters after which a name stands alone."""
WORDS_BEFORE = ("代表", "嘉宾")
"""Words after which a name stands alone too (企业代表某某（某公司总经理）)."""


def find_bracketed_posts(ctx: Ctx) -> None:
    posts = sorted(ctx.lex.posts, key=len, reverse=True)
    for m in BRACKET_RE.finditer(ctx.text):
        name_start = _name_start(ctx, m.start("name"), m.end("name"))
        if name_start is None or ctx.overlaps_claim(name_start, m.end("name")):
            continue
        holdings = _holdings(ctx, m.start("inner"), m.end("inner"), posts)
        if not holdings:
            continue
        name = ctx.text[name_start:m.end("name")]
        person = ctx.add(Kind.PERSON, name, name_start, m.end("name"))
        ctx.claim(name_start, m.end("name"))
        for role, org in holdings:
            ctx.posts.append(PostHolding(person.ref, role, org.ref if org else None, ctx.span(name_start, m.end())))


def _name_start(ctx: Ctx, lo: int, end: int) -> int | None:
    """Where the name ending at ``end`` starts: 2–3 characters (4 with a double surname) after a boundary."""
    for start in range(end - 2, max(lo, end - 4) - 1, -1):
        surname = 2 if ctx.text[start:start + 2] in ctx.lex.surnames else 1
        if ctx.text[start:start + surname] not in ctx.lex.surnames or end - start > surname + 2:
            continue
        if start == 0 or ctx.text[start - 1] in NAME_BEFORE or not is_han(ctx.text[start - 1]) \
                or ctx.text.endswith(WORDS_BEFORE, 0, start):
            return start
    return None


def _holdings(ctx: Ctx, start: int, end: int, posts: list[str]) -> list[tuple[str, object]]:
    """Each post of the bracket with its organisation; empty unless every part is a post."""
    out: list[tuple[str, object]] = []
    pos = start
    named = None  # the organisation the part before named (党组书记、局长: the second post is its too)
    for part in re.split(r"[、，,]", ctx.text[start:end]):
        part_end = pos + len(part)
        post = next((p for p in posts if part.endswith(p)), None)
        if post is None:
            return []
        post_start = part_end - len(post)
        org = _org_before(ctx, post_start) if post_start > pos else None
        if org is not None and org.span.start < pos:
            org = None  # an organisation outside this part: not the post's
        unit = _unit_between(ctx, org, post_start)
        if org is not None and org.span.end + len(unit) != post_start:
            return []  # words between the organisation and the post: no plain post
        role = unit + post
        holder = _government_for_head(ctx, role, org, post_start) or org
        if holder is None and post_start > pos:
            return []  # words before the post that name no organisation
        if holder is None and named is not None and ctx.text[pos - 1:pos] == "、" and _fits(ctx, role, named):
            holder = named  # （市市场监管局党组书记、局长）: the bureau's 局长 (not a 总经理 of an association)
        named = org if org is not None else (named if holder is named else None)
        out.append((role, holder))
        pos = part_end + 1
    return out


def _fits(ctx: Ctx, role: str, org) -> bool:
    """Whether ``role`` is a post an organisation of ``org``'s kind has (``bracket_kind_posts.tsv``)."""
    posts = {kind: set(cells.split("|")) for kind, cells in ctx.lex.table("bracket_kind_posts.tsv", columns=2, header="kind")}
    return role in posts.get(org.kind.value, set())
