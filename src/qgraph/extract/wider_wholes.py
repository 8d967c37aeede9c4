"""A count of a wider whole inside a place's clause: ``龙岩在全国113个城市中排名第22位``.

A figure right after a word speaking of a whole place of another level (``全国``, ``全省`` in a city's
clause; ``own_place_words.tsv``) counts that whole's members or things — the cities of a national
ranking, the counties of a province — not the place heading the clause. Unless the word is the place's
own (``全市`` of a city), the figure is marked inferred: whose it is the rules cannot tell, and it is not
the place's. So is a figure after a region of several places (``京津冀三地共同培育的4条重点产业链``;
``region_composites.txt``, or a run of province abbreviations before ``三地``, ``四省一市`` …) with the
place not named again between them: the region's, not one member's.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Observation
from .certainty import own_word
from .context import Ctx
from .indexes import level_words
from .periods import clause_start


@per_lexicon
def _whole_re(lex: Lexicon) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in level_words(lex) if w.startswith("全"))
    return re.compile(rf"(?:在|于)(?P<word>{words})(?:范围内|的)?$")


@per_lexicon
def _region_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("region_composites.txt")
    abbr = "".join(sorted(lex.province_abbr))
    return re.compile(rf"(?:{words})|[{abbr}]{{2,6}}(?=[两二三四五六七八九]?(?:地|省市|省(?:[一二三]市)?))")


def _after_region(ctx: Ctx, o: Observation, start: int) -> bool:
    """A region of several places is written in ``[start, o)`` with the subject place not named after it."""
    last = None
    for m in _region_re(ctx.lex).finditer(ctx.text, start, o.span.start):
        last = m
    if last is None:
        return False
    found = ctx.lex.place_names.get(o.subject.name)
    place = ctx.home if ctx.home is not None and ctx.home.name == o.subject.name else (found[0] if found else None)
    forms = {o.subject.name, *(place.short if place else ())} - {""}
    if place is not None:
        forms |= {w for w in level_words(ctx.lex) if own_word(ctx.lex, w, place)}  # 全市 of a city
    return not any(f in ctx.text[last.end():o.span.start] for f in forms)


def mark_wider_wholes(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        if _after_region(ctx, o, sent.span.start):
            ctx.observations[i] = o.with_subject_inferred()
            continue
        m = _whole_re(ctx.lex).search(ctx.text, clause_start(ctx, sent, o.span.start), o.span.start)
        if m is None:
            continue
        place = ctx.home if ctx.home is not None and ctx.home.name == o.subject.name else next(
            iter(ctx.lex.place_names.get(o.subject.name, ())), None)
        if place is None or own_word(ctx.lex, m.group("word"), place):
            continue
        ctx.observations[i] = o.with_subject_inferred()
