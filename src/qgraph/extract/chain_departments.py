"""A department written bare inside one person's chain of posts: ``区管委会副主任、质量发展委员会副主任某某``,
``区市场监管局局长、质量发展委员会办公室主任某某`` — a department of ``departments.tsv`` (its name or an
abbreviation) with no place, right after ``<post>、`` and right before a post, is the department of the
place of the chain's first organisation (``湖州市市场监管局局长、质量发展委员会办公室主任``: 湖州市's),
or of the report's own place when the chain names none: officials of a place hold their other posts
there. A first organisation with no place: nothing is guessed.

Only inside such a chain (a post before the 、, a post after the name): a bare department named anywhere
else (``质量发展委员会成员单位``) is left to the other rules.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from .context import Ctx
from .dept_names import dept_name
from .orgs import district_city

__all__ = ["find_chain_departments"]

UNIT_AFTER_RE = re.compile(r"(?:办公室|秘书处)?")


CHAIN_START_RE = re.compile(r"[，。；：！？,;:!?\n]")


def _chain_place(ctx: Ctx, at: int, home: PlaceInfo) -> PlaceInfo | None:
    """The place of the chain's first organisation (``湖州市市场监管局局长、质量发展委员会办公室主任``: 湖州市,
    whatever the report's place), the report's place when the chain names none (``区市场监管局局长、…``
    read as the report's own), ``None`` when its first organisation has no place one can read."""
    start = max((m.end() for m in CHAIN_START_RE.finditer(ctx.text, 0, at)), default=0)
    sent = ctx.sentence_of(at)
    if sent is not None:
        start = max(start, sent.span.start)
    first = next((x for x in ctx.entities_in(start, at) if x.kind.is_organization), None)
    if first is None:
        return home
    return ctx.resolve_place(first.place) if first.place else None


@per_lexicon
def _posts(lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted(lex.posts, key=len, reverse=True))


@per_lexicon
def _dept_re(lex: Lexicon) -> re.Pattern[str]:
    names = sorted(lex.dept_by_name, key=len, reverse=True)
    return re.compile("、(?P<dept>" + "|".join(map(re.escape, names)) + ")")


def find_chain_departments(ctx: Ctx) -> None:
    home = ctx.home
    if home is None or home.level == "country":
        return
    posts = _posts(ctx.lex)
    for m in _dept_re(ctx.lex).finditer(ctx.text):
        s, e = m.start("dept"), m.end("dept")
        if not any(ctx.text.endswith(p, 0, m.start()) for p in posts):
            continue  # 、 after something that is no post: a list, not a chain of posts
        unit = UNIT_AFTER_RE.match(ctx.text, e).group()
        if not any(ctx.text.startswith(p, e + len(unit)) for p in posts):
            continue  # no post after the department
        if ctx.overlaps_claim(s, e) or ctx.entities_in(s, e):
            continue
        where = _chain_place(ctx, m.start(), home)
        if where is None:
            continue
        dep = ctx.lex.dept_by_name[m.group("dept")]
        full = dept_name(ctx.lex, dep, where, m.group("dept"))
        full = district_city(ctx.lex, where) + full  # a district's bodies carry the city (as the organisation rules name them)
        ctx.add(dep.kind, full + unit, s, e + len(unit), aliases=(ctx.text[s:e + len(unit)],), place=where.name,
                level=where.admin_level, attributes=(("en_body", dep.en),) if dep.en and not unit else ())
        ctx.claim(s, e + len(unit))
