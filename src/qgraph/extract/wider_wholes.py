"""A count of a wider whole inside a place's clause: ``龙岩在全国113个城市中排名第22位``.

A figure right after a word speaking of a whole place of another level (``全国``, ``全省`` in a city's
clause; ``own_place_words.tsv``) counts that whole's members or things — the cities of a national
ranking, the counties of a province — not the place heading the clause. Unless the word is the place's
own (``全市`` of a city), the figure is marked inferred: whose it is the rules cannot tell, and it is not
the place's.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .certainty import own_word
from .context import Ctx
from .indexes import level_words
from .periods import clause_start


@per_lexicon
def _whole_re(lex: Lexicon) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in level_words(lex) if w.startswith("全"))
    return re.compile(rf"(?:在|于)(?P<word>{words})(?:范围内|的)?$")


def mark_wider_wholes(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        m = _whole_re(ctx.lex).search(ctx.text, clause_start(ctx, sent, o.span.start), o.span.start)
        if m is None:
            continue
        place = ctx.home if ctx.home is not None and ctx.home.name == o.subject.name else next(
            iter(ctx.lex.place_names.get(o.subject.name, ())), None)
        if place is None or own_word(ctx.lex, m.group("word"), place):
            continue
        ctx.observations[i] = o.with_subject_inferred()
