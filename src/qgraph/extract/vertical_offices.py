"""Offices of a national administration in a place (``国家税务总局某市税务局``): one department under its name as
written, with the place it serves (``vertical_offices.tsv``); neither the administration nor a local
government's bureau. Customs and entry-exit inspection offices named after their place (``某地海关``) are
found by their endings (``org_suffixes.tsv``)."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx

__all__ = ["find_vertical_offices"]


@per_lexicon
def _pattern(lex: Lexicon) -> re.Pattern[str]:
    rows = lex.table("vertical_offices.tsv", columns=2, header="prefix")
    alts = "|".join(f"(?:{re.escape(p)})(?P<p{i}>[\u4e00-\u9fff]{{2,10}}?)(?:{re.escape(s)})" for i, (p, s) in enumerate(rows))
    return re.compile(alts)


def find_vertical_offices(ctx: Ctx) -> None:
    from .orgs import place_starting_at  # (orgs imports the extractor's modules: imported at call time)

    for m in _pattern(ctx.lex).finditer(ctx.text):
        group = next(g for g in m.groupdict() if m.group(g) is not None)
        s, e = m.start(group), m.end(group)
        found = place_starting_at(ctx, s, limit=e)
        if found is None or found[0] != e or ctx.overlaps_claim(m.start(), m.end()):
            continue  # the words between must be one place
        ctx.add(Kind.DEPARTMENT, m.group(), m.start(), m.end(), place=found[1].name,
                level=ctx.level_of_place(found[1]))
        ctx.claim(m.start(), m.end())
