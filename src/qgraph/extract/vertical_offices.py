"""Offices of a national administration in a place (``国家税务总局某市税务局``): one department under its name as
written, with the place it serves (``vertical_offices.tsv``); neither the administration nor a local
government's bureau. Customs and entry-exit inspection offices named only by their place (``某地海关``,
``place_offices.txt``) are departments from the place written right before the ending, whatever word
precedes it (``会同某地海关``); an ending that goes on into a longer name (``海关技术中心``) is none."""

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


@per_lexicon
def _endings(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(lex.alternation("place_offices.txt"))


def _place_offices(ctx: Ctx) -> None:
    from .orgs import place_ending_at

    longer = [s for s, _, _ in ctx.lex.org_suffixes]
    for m in _endings(ctx.lex).finditer(ctx.text):
        found = place_ending_at(ctx, m.start())
        if found is None or ctx.text.startswith("总署", m.end()) or ctx.overlaps_claim(found[0], m.end()) or any(
                len(w) > len(m.group()) and ctx.text.startswith(w, m.start()) for w in longer):
            continue  # 海关技术中心, 海关总署: another name; 全市海关: no place
        start, place = found
        ctx.add(Kind.DEPARTMENT, ctx.text[start:m.end()], start, m.end(), place=place.name,
                level=ctx.level_of_place(place))
        ctx.claim(start, m.end())


def find_vertical_offices(ctx: Ctx) -> None:
    from .orgs import place_starting_at  # (orgs imports the extractor's modules: imported at call time)

    _place_offices(ctx)

    for m in _pattern(ctx.lex).finditer(ctx.text):
        group = next(g for g in m.groupdict() if m.group(g) is not None)
        s, e = m.start(group), m.end(group)
        found = place_starting_at(ctx, s, limit=e)
        if found is None or found[0] != e or ctx.overlaps_claim(m.start(), m.end()):
            continue  # the words between must be one place
        ctx.add(Kind.DEPARTMENT, m.group(), m.start(), m.end(), place=found[1].name,
                level=ctx.level_of_place(found[1]))
        ctx.claim(m.start(), m.end())
