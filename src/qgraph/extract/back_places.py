"""A place pointed back at: ``安化县…。去年，该县茶叶加工量8.6万吨`` is the county's figure.

``back_place_words.txt`` (该县, 该市 …) points back at the place named last before it, in the same or the
previous sentence, whose name ends with the word's last character. A figure in a clause holding such a word
before it, which the subject rules left to the report's own place (or to none), is that place's; the word's
ending is no part of the measure (``县茶叶加工量`` is 茶叶加工量). When no such place is named close before, the
figure keeps its subject, marked unsure when the word is in its own clause and the report's place has another
ending (该县 in a province's report). Left as it was: a figure after a whole named after the word (``…，全省…``),
and one in a later clause than a word heading no clause of its own (``在该县的带动下，全省…``).
"""

from __future__ import annotations

import dataclasses

from ..model import Kind, Ref
from .context import Ctx
from .periods import clause_start

__all__ = ["back_places"]


def _named_before(ctx: Ctx, at: int, ending: str):
    sent = ctx.sentence_of(at)
    if sent is None:
        return None
    prev = ctx.sentence_of(sent.span.start - 1) if sent.span.start > 0 else None
    lo = prev.span.start if prev is not None else sent.span.start
    places = [e for e in ctx.entities_in(lo, at, frozenset({Kind.PLACE})) if e.name.endswith(ending)]
    return places[-1] if places else None


def back_places(ctx: Ctx) -> None:
    words = ctx.lex.words("back_place_words.txt", longest_first=True)
    if not words:
        return
    wholes = ctx.lex.words("scope_wholes.txt")
    for i, o in enumerate(ctx.observations):
        if o.subject is not None and not (o.subject.kind is Kind.PLACE and (
                o.subject_inferred or (ctx.home is not None and o.subject.name == ctx.home.name))):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        found = [(ctx.text.rfind(w, sent.span.start, o.span.start), w) for w in words]
        at, word = max(found)
        if at < 0:
            continue
        if ctx.entities_in(at + len(word), o.span.start, frozenset({Kind.PLACE})):
            continue  # a place named after the word speaks for the figure
        if at < cs and ctx.text[clause_start(ctx, sent, at):at].strip():
            continue  # the word heads no clause of its own (在该县的带动下，…): it speaks for no later clause
        if any(w in ctx.text[at + len(word):o.span.start] for w in wholes):
            continue  # a whole named after the word speaks for the figure (…，全省…)
        if at < cs and ctx.entities_in(sent.span.start, cs, frozenset({Kind.PLACE, Kind.ENTERPRISE})) and \
                any(e.span.start > at for e in ctx.entities_in(sent.span.start, cs, frozenset({Kind.PLACE, Kind.ENTERPRISE}))):
            continue  # another doer heads a clause between the word and the figure
        place = _named_before(ctx, at, word[-1])
        ending = word[1:]
        measure = o.measure[len(ending):] if o.measure.startswith(ending) and len(o.measure) > len(ending) + 1 else o.measure
        if place is None and at >= cs and o.subject is not None and not o.subject.name.endswith(word[-1]):
            # 该县 in a province's report with no county named close before: some county's, not the province's
            ctx.observations[i] = dataclasses.replace(o, measure=measure, subject_inferred=True,
                                                      confidence=min(o.confidence, 0.4))
            continue
        if place is None or place.name == (o.subject.name if o.subject else None):
            continue
        ctx.observations[i] = dataclasses.replace(o, subject=Ref(Kind.PLACE, place.name), measure=measure,
                                                  subject_inferred=False, confidence=max(o.confidence, 0.7))
