"""A place a figure is done for or to: ``南宁为柳州整车配套的重点企业超过120家``.

The subject rules take the place nearest before a figure. When that place comes right after a word of
doing for or to (``为``, ``向``, ``给``; ``object_place_leads.txt``) and another place heads the clause
right before that word, and a verb of giving or sending (``object_place_verbs.txt``: 配套, 输送) follows, the
place after the word is the beneficiary or the destination, not who did it: the figure is the heading place's (``某协会为柳州企业培训…``, with no place before the word, is left to
the other rules). A place named right after a backing verb (``object_place_backers.txt``: 支持, 帮助) in the
figure's clause, after the heading place, takes the figure as inferred (``甲省支持乙市新增…``: the backed place's,
as far as can be told).
"""

from __future__ import annotations

import dataclasses

from ..lexicon import PlaceInfo
from ..model import Kind, Ref
from .context import Ctx
from .periods import clause_start


def _forms(place: PlaceInfo) -> list[str]:
    return sorted({place.name, *place.short} - {""}, key=len, reverse=True)


def _place_ending_at(ctx: Ctx, start: int, end: int) -> PlaceInfo | None:
    """The place whose name or short form ends at ``end`` and starts at or after ``start`` (longest)."""
    for n in range(min(9, end - start), 1, -1):
        found = ctx.lex.place_names.get(ctx.text[end - n:end])
        if found:
            return found[0] if ctx.home is None else next((p for p in found if p.name == ctx.home.name), found[0])
    return None


def reassign_object_places(ctx: Ctx) -> None:
    leads = ctx.lex.words("object_place_leads.txt", longest_first=True)
    verbs = ctx.lex.words("object_place_verbs.txt")
    backers = ctx.lex.words("object_place_backers.txt", longest_first=True)
    for i, o in enumerate(ctx.observations):
        backed = _backed_place(ctx, o, backers)
        if backed is not None:  # 甲省支持乙市新增…300家: the backed place's, as far as can be told
            ctx.observations[i] = o = dataclasses.replace(o, subject=Ref(Kind.PLACE, backed.name), subject_inferred=True)
            continue
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred:
            continue
        sent = ctx.sentence_of(o.span.start)
        found = ctx.lex.place_names.get(o.subject.name) if sent is not None else None
        if not found:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        at = max((ctx.text.rfind(f, cs, o.span.start) for f in _forms(found[0])), default=-1)
        if at < 0:
            continue
        lead = next((w for w in leads if ctx.text.endswith(w, cs, at)), None)
        if lead is None:
            continue
        if not any(v in ctx.text[at:o.span.start] for v in verbs):
            continue  # 甲省为乙市新增…: no giving or sending told, the place after 为 may well be the figure's
        actor = _place_ending_at(ctx, cs, at - len(lead))
        if actor is not None and actor.name != o.subject.name:
            ctx.observations[i] = dataclasses.replace(o, subject=Ref(Kind.PLACE, actor.name))


def _backed_place(ctx: Ctx, o, backers: tuple[str, ...]) -> PlaceInfo | None:
    """The place named right after a backing verb (``object_place_backers.txt``: 支持, 帮助) in the clause of
    the figure ``o``, when the figure was given to the place heading that clause before the verb."""
    if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred:
        return None
    sent = ctx.sentence_of(o.span.start)
    found = ctx.lex.place_names.get(o.subject.name) if sent is not None else None
    if not found:
        return None
    cs = clause_start(ctx, sent, o.span.start)
    head = min((j for f in _forms(found[0]) if (j := ctx.text.find(f, cs, o.span.start)) != -1), default=-1)
    if head < 0:
        return None
    for w in backers:
        at = ctx.text.find(w, head, o.span.start)
        if at == -1:
            continue
        for n in range(min(9, o.span.start - at - len(w)), 1, -1):
            got = ctx.lex.place_names.get(ctx.text[at + len(w):at + len(w) + n])
            if got and got[0].name != o.subject.name:
                return got[0]
    return None
