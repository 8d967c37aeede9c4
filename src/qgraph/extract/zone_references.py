"""A district or zone spoken of bare: ``截至2018年底，新区专利申请2万件、注册商标5万件`` in a report on 某某新区.

A report on a new area or development zone often names it once (``某市某某新区``) and then speaks of it by its
ending alone (``新区``, ``高新区``: ``bare_zone_words.txt``). A figure whose sentence has a clause opening with
such a bare word, before the figure and with no place named between, and which the subject rules left to the
document's place (or to none), is that zone's — so is a tally of awards it won (``获得某专利奖34项``, a count
in 项 the rules gave to the award) — when the report names exactly one place with that ending under
the report's own place (or, with no place of its own known, exactly one at all). Names inside a title
(《…》) do not count. A figure after a whole named after the bare word (``…，全市…``, ``scope_wholes.txt``;
``全区`` is the zone's own; not a share of it, ``占全市``) is left as it was. The bare word is no part of the measure (``新区专利申请`` is 专利申请).
"""

from __future__ import annotations

import dataclasses
import re

from ..lexicon import PlaceInfo
from ..model import Kind, Ref
from .context import Ctx

__all__ = ["zone_references"]

_BOUNDARY = "，,；;：:"
WON_RE = re.compile(r"获得|荣获|获")
"""The zone won the awards counted (``新区…获得某专利奖34项``): a tally of awards (项) is the zone's."""
AWARD_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{1,10}?奖(?:项)?(?=\d|[一二两三四五六七八九十])")


def _zone(ctx: Ctx, word: str) -> PlaceInfo | None:
    """The one place the report names (outside titles) whose name ends with ``word``, under its home."""
    found: dict[str, PlaceInfo] = {}
    for e in ctx.entities:
        if e.kind is not Kind.PLACE or not e.name.endswith(word) or e.name == word:
            continue
        if ctx.text.rfind("《", 0, e.span.start) > ctx.text.rfind("》", 0, e.span.start):
            continue  # a place inside a title: 《关于同意某市某新区…的通知》
        for p in ctx.lex.place_names.get(e.name, ()):
            found[p.code] = p
    if ctx.home is not None:
        under = [p for p in found.values() if p.parent == ctx.home.code or p.code == ctx.home.code]
        return under[0] if len(under) == 1 else None
    return next(iter(found.values())) if len(found) == 1 else None


def _inside_name(ctx: Ctx, place) -> bool:
    """``place`` is part of a longer name of another kind: an entity holding it, or an award named after it
    (某市专利金奖42项)."""
    if AWARD_AFTER_RE.match(ctx.text, place.span.end):
        return True
    return any(e.kind is not Kind.PLACE and e.span.start <= place.span.start and place.span.end <= e.span.end
               and e.span.end - e.span.start > place.span.end - place.span.start
               for e in ctx.entities_in(place.span.start, place.span.end + 12))


def _bare_head(ctx: Ctx, start: int, pos: int, words: tuple[str, ...]) -> tuple[int, str] | None:
    """The last clause head in ``[start, pos)`` opening with a bare zone word: (its start, the word)."""
    best = None
    for c in [start, *(i + 1 for i in range(start, pos) if ctx.text[i] in _BOUNDARY)]:
        w = next((w for w in words if ctx.text.startswith(w, c)), None)
        if w is not None and c + len(w) <= pos:
            best = (c, w)
    return best


def zone_references(ctx: Ctx) -> None:
    words = ctx.lex.words("bare_zone_words.txt", longest_first=True)
    if not words:
        return
    wholes = ctx.lex.words("scope_wholes.txt")
    marks = tuple(ctx.lex.words("denominator_marks.txt")) or ("\0",)
    zones: dict[str, PlaceInfo | None] = {}
    for i, o in enumerate(ctx.observations):
        tally = o.subject is not None and o.subject.kind.is_programme and o.unit == "Xiang" and o.measure.endswith("奖")
        if o.subject is not None and not tally and not (o.subject.kind is Kind.PLACE and (
                o.subject_inferred or (ctx.home is not None and o.subject.name == ctx.home.name))):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        head = _bare_head(ctx, sent.span.start, o.span.start, words)
        if head is None:
            continue
        at, word = head
        if tally and not WON_RE.search(ctx.text, at, o.span.start):
            continue  # a programme's count, not the zone's tally of awards won
        if any(not _inside_name(ctx, e) for e in ctx.entities_in(at + len(word), o.span.start, frozenset({Kind.PLACE}))):
            continue  # a place named after the bare word speaks for the figure (not one inside an award's name)
        between = ctx.text[at + len(word):o.span.start]
        if any(w in between and not between.split(w, 1)[0].endswith(marks) for w in wholes if w[-1] != word[-1]):
            continue  # a whole named after the bare word speaks for the figure (…，全市…; not 占全市, a share of it)
        if word not in zones:
            zones[word] = _zone(ctx, word)
        zone = zones[word]
        if zone is None:
            continue
        measure = o.measure[len(word):] if o.measure.startswith(word) and len(o.measure) > len(word) else o.measure
        ctx.observations[i] = dataclasses.replace(o, subject=Ref(Kind.PLACE, zone.name), measure=measure,
                                                  subject_inferred=False, confidence=max(o.confidence, 0.7))
