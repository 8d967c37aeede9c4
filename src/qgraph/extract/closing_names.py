"""Names closing a report, written on the line of its last sentence without brackets or a role word: ``…立项申报。某某
某某某`` — the report's authors (Person). Each name is two or three characters opening with a surname
(``surnames.txt``), not a common word (``name_stop_starts.txt``), separated by spaces, at most four, and
nothing follows them (a line of bare names of its own, with no outlet, is no byline: ``byline_runs.py``)."""

from __future__ import annotations

import re

from ..model import Kind
from .context import Ctx

__all__ = ["find_closing_names"]

CLOSING_RE = re.compile(r"[。！!][ \u3000]*(?P<names>[\u4e00-\u9fff]{2,3}(?:[ \u3000]+[\u4e00-\u9fff]{2,3}){0,3})\s*$")


NAME_LINE_RE = re.compile(r"^[ \u3000]*(?P<names>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}){3,15})[ \u3000]*$", re.M)
"""A line of its own made only of four or more names joined by 、 (a list of attendees cut from its caption)."""


def _name_line(ctx: Ctx) -> None:
    """``某某、某某某、某某、某某``: each item of a line of bare names is a person when every item opens with a
    surname, starts with no common word, is no place and no word of the lexicon's non-names, and nothing was
    read in the line yet."""
    stops = tuple(ctx.lex.words("name_stop_starts.txt"))
    nouns = tuple(ctx.lex.words("non_person_nouns.txt"))
    for m in NAME_LINE_RE.finditer(ctx.text):
        s0 = m.start("names")
        if ctx.overlaps_claim(s0, m.end("names")) or ctx.entities_in(s0, m.end("names")):
            continue
        items, pos = [], s0
        for item in m.group("names").split("、"):
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        if all(ctx.text[s] in ctx.lex.surnames and not ctx.text[s:e].startswith(stops)
               and not any(w in ctx.text[s:e] for w in nouns) and ctx.resolve_place(ctx.text[s:e]) is None
               for s, e in items):
            for s, e in items:
                ctx.add(Kind.PERSON, ctx.text[s:e], s, e)
                ctx.claim(s, e)


def find_closing_names(ctx: Ctx) -> None:
    _name_line(ctx)
    m = CLOSING_RE.search(ctx.text)
    if m is None:
        return
    stops = tuple(ctx.lex.words("name_stop_starts.txt"))
    tokens = [(t.start(), t.end()) for t in re.finditer(r"[\u4e00-\u9fff]+", m.group("names"))]
    base = m.start("names")
    names = [(base + s, base + e) for s, e in tokens]
    if not all((ctx.text[s:s + 2] in ctx.lex.surnames or ctx.text[s] in ctx.lex.surnames)
               and not ctx.text[s:e].startswith(stops) and not ctx.overlaps_claim(s, e) for s, e in names):
        return
    for s, e in names:
        ctx.add(Kind.PERSON, ctx.text[s:e], s, e)
        ctx.claim(s, e)
