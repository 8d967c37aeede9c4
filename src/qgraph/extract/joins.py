"""Two organisations joined by 与/和/及/同 are two names, not one: in ``市场监管局与高新区管委会`` the
name ending in 管委会 starts after 与, because what stands before 与 already ends like an
organisation (an ending of ``org_suffixes.tsv`` or of ``joined_name_endings.txt``: 局, 委, 厅 …), or
because a determiner opens a new phrase after it (``负责人和有关行业协会``)."""

from __future__ import annotations

import re

from .context import Ctx

__all__ = ["joined_start"]

JOINERS = "与和及同"
DETERMINER_RE = re.compile(r"有关|相关|其他|其它|各")


def joined_start(ctx: Ctx, start: int, end: int) -> int:
    """Where a name found as ``text[start:end]`` really starts: after the last 与/和/及/同 whose left
    side ends like an organisation's name (else ``start``)."""
    endings = ctx.lex.words("joined_name_endings.txt") + tuple(s for s, _, _ in ctx.lex.org_suffixes)
    body = ctx.text[start:end]
    for m in reversed(list(re.finditer(f"[{JOINERS}]", body))):
        left = body[:m.start()]
        if len(left) >= 2 and left.endswith(endings) and end - (start + m.end()) >= 3:
            return start + m.end()
        if DETERMINER_RE.match(body, m.end()):  # 负责人和有关行业协会: a new phrase opens after 和
            return start + m.end()
    return start
