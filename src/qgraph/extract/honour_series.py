"""A series of honours named one by one: ``先后被评为甲行业优秀企业、乙省隐形冠军企业等荣誉``.

The listing rules read one programme up to the list word (``…、…等荣誉``); the items before 等, separated by
、, are programmes of their own (words after 等 in ``data/lexicon/honour_series_words.txt``), each won by
the listing's recipients. The glued name is dropped.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing
from .context import Ctx

__all__ = ["split_honour_series"]

MIN_ITEM = 4
"""An honour's name has at least four characters (a shorter item is a word of the sentence, not a name)."""


@per_lexicon
def _series_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.words("honour_series_words.txt", longest_first=True)
    return re.compile(r"(?P<body>[^，,。；;]+、[^，,。；;]+)等(?:多项|多个|诸多|一系列|各类)?(?:"
                      + "|".join(map(re.escape, words)) + r")$")  # 甲、乙等多项荣誉称号


def split_honour_series(ctx: Ctx) -> None:
    glued = {e.ref: e for e in ctx.entities if e.kind is Kind.HONOUR and _series_re(ctx.lex).match(e.name)}
    if not glued:
        return
    parts: dict = {}
    for ref, ent in glued.items():
        body = _series_re(ctx.lex).match(ref.name).group("body")
        items = body.split("、")
        start = ctx.text.find(body, ent.span.start, ent.span.end + len(ref.name))
        if start == -1 or any(len(i) < MIN_ITEM or re.search(r"\d", i) for i in items):
            continue
        refs, pos = [], start
        for item in items:
            refs.append(ctx.add(Kind.HONOUR, item, pos, pos + len(item), level=ent.level).ref)
            pos += len(item) + 1
        parts[ref] = refs
    if not parts:
        return
    ctx.replace_entities([e for e in ctx.entities if e.ref not in parts])
    listings = []
    for li in ctx.listings:
        for prog in parts.get(li.programme, [li.programme]):
            listings.append(Listing(prog, li.recipients, li.span, count=li.count, recipient_type=li.recipient_type,
                                    batch=li.batch, year=li.year, certification=li.certification,
                                    confidence=li.confidence))
    ctx.listings[:] = listings
