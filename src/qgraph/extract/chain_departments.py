"""A department written bare inside one person's chain of posts: ``区管委会副主任、质量发展委员会副主任某某``,
``区市场监管局局长、质量发展委员会办公室主任某某`` — a department of ``departments.tsv`` (its name or an
abbreviation) with no place, right after ``<post>、`` and right before a post, is the department of the
report's own place: officials of a place hold their other posts there.

Only inside such a chain (a post before the 、, a post after the name): a bare department named anywhere
else (``质量发展委员会成员单位``) is left to the other rules.
"""

from __future__ import annotations

import re

from .context import Ctx
from .dept_names import dept_name

__all__ = ["find_chain_departments"]

UNIT_AFTER_RE = re.compile(r"(?:办公室|秘书处)?")


def find_chain_departments(ctx: Ctx) -> None:
    home = ctx.home
    if home is None or home.level == "country":
        return
    posts = sorted(ctx.lex.posts, key=len, reverse=True)
    names = sorted(ctx.lex.dept_by_name, key=len, reverse=True)
    pattern = re.compile("、(?P<dept>" + "|".join(map(re.escape, names)) + ")")
    for m in pattern.finditer(ctx.text):
        s, e = m.start("dept"), m.end("dept")
        if not any(ctx.text.endswith(p, 0, m.start()) for p in posts):
            continue  # 、 after something that is no post: a list, not a chain of posts
        unit = UNIT_AFTER_RE.match(ctx.text, e).group()
        if not any(ctx.text.startswith(p, e + len(unit)) for p in posts):
            continue  # no post after the department
        if ctx.overlaps_claim(s, e) or ctx.entities_in(s, e):
            continue
        dep = ctx.lex.dept_by_name[m.group("dept")]
        full = dept_name(ctx.lex, dep, home, m.group("dept"))
        parent = ctx.lex.place(home.parent)
        if home.level == "county" and home.name.endswith("区") and parent is not None and parent.level == "prefecture":
            full = parent.name + full  # a district's bodies carry the city (as the organisation rules name them)
        ctx.add(dep.kind, full + unit, s, e + len(unit), aliases=(ctx.text[s:e + len(unit)],), place=home.name,
                level=home.admin_level, attributes=(("en_body", dep.en),) if dep.en and not unit else ())
        ctx.claim(s, e + len(unit))
