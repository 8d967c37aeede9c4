"""Co-recipients: ``…命名甲市为“某某示范城市”。同时命名的还有乙市、丙市`` — the places or organisations
listed after a lead word (``data/lexicon/co_recipient_leads.txt``) received the honour of the listing
just before. Only names the rules know as places or organisations are taken, and only when the sentence
before has exactly one programme listed.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing
from .context import Ctx


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.words("co_recipient_leads.txt", longest_first=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?P<items>[^，,。；;：:]{2,60})")


def find_co_recipients(ctx: Ctx) -> None:
    for m in _lead_re(ctx.lex).finditer(ctx.text):
        before = [x for x in ctx.listings if x.span.end <= m.start() and x.span.end >= m.start() - 120]
        if len({x.programme for x in before}) != 1:
            continue
        last = max(x.span.end for x in before)
        if re.search(r"[。；;]", ctx.text[last:m.start()].rstrip("。")):
            continue  # another sentence or clause between: whose honour is unclear
        if any(x.kind is Kind.HONOUR for x in ctx.entities_in(last, m.start())):
            continue  # another honour named between (…，在某奖评选中，同时获评的还有…): whose honour is unclear
        prog = before[-1].programme
        refs = []
        pos = m.start("items")
        for item in re.split(r"(、|和|及|与)", m.group("items")):
            s, e = pos, pos + len(item)
            pos = e
            if item in ("、", "和", "及", "与"):
                continue
            ent = next((x for x in ctx.entities_in(s, e) if x.span.start == s and x.span.end == e
                        and (x.kind.is_organization or x.kind is Kind.PLACE)), None)
            if ent is None and (info := ctx.resolve_place(item)) is not None:
                ent = ctx.add(Kind.PLACE, info.name, s, e, level=info.admin_level,
                              aliases=(item,) if item != info.name else (), attributes=(("code", info.code),))
            if ent is None:
                break  # a name the rules do not know: the whole list is left alone
            refs.append(ent.ref)
        else:
            if not refs:
                continue
            ctx.listings.append(Listing(prog, tuple(refs), ctx.span(m.start(), m.end())))
            ctx.claim(m.start("items"), m.end("items"))
