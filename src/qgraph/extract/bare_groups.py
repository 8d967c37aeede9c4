"""Leading groups and committees written bare: ``市政府副秘书长、领导小组办公室主任某某`` after the report
named ``湖州市质量强市工作领导小组`` — ``领导小组办公室`` is that group's office, ``领导小组`` the group.

A bare head (``data/lexicon/bare_group_heads.tsv``) counts only where it stands alone — after a
boundary (punctuation, the start of a line, 由 / 的 / 有) — and only when the report named exactly one
group of that kind before it (in full, with its place); otherwise nothing is read (which group, unsure).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx, is_han

__all__ = ["bare_group_heads", "find_bare_groups"]

BOUNDARY_BEFORE = "由有的和及与任"
"""Characters after which a bare head stands alone (由领导小组办公室…, 出席的有领导小组…)."""


@per_lexicon
def bare_group_heads(lex: Lexicon) -> tuple[tuple[str, str, str], ...]:
    """(written, group end, suffix) rows, the longest written form first."""
    rows = [(*r, "", "")[:3] for r in lex.table("bare_group_heads.tsv", header="written")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@per_lexicon
def _bare_head_re(lex: Lexicon) -> re.Pattern[str]:
    """Any bare head, the longest written form first; matches nothing when the list is empty."""
    return re.compile("|".join(re.escape(w) for w, _, _ in bare_group_heads(lex)) or "(?!)")


def find_bare_groups(ctx: Ctx) -> None:
    heads = bare_group_heads(ctx.lex)
    for m in _bare_head_re(ctx.lex).finditer(ctx.text):
        s, e = m.start(), m.end()
        if s > 0 and is_han(ctx.text[s - 1]) and ctx.text[s - 1] not in BOUNDARY_BEFORE:
            continue  # 质量强市工作领导小组办公室: part of a name, read by the organisation rules
        if ctx.overlaps_claim(s, e) or ctx.entities_in(s, e):
            continue
        _, group_end, suffix = next(r for r in heads if r[0] == m.group())
        groups = {x.name for x in ctx.entities if x.kind is Kind.GOVERNMENT_BODY and x.span.end <= s
                  and x.name.endswith(group_end) and x.place}
        if len(groups) != 1:
            continue  # no group named before, or several: which one is not told
        group = next(x for x in ctx.entities if x.name in groups)
        ctx.add(Kind.GOVERNMENT_BODY, group.name + suffix, s, e, aliases=(m.group(),), place=group.place)
        ctx.claim(s, e)
