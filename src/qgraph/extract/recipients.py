"""Who is listed, in shapes beyond the listing verb's own clause: ``向A、B等4个单位颁发…奖`` (the
recipients before the verb) and ``甲公司主导制定…，入选…`` (the firm opening the sentence)."""

from __future__ import annotations

import re

from ..model import Kind, Listing, Ref
from .context import Ctx

GRANT_TO_RE = re.compile(r"向(?P<who>[^“\"。；;\n的，,]{2,200}?)(?:颁发|授予)(?=[“\"]|第[一二三四五六七八九十\d]+届|\d{4}年)")
"""``向甲公司、乙公司等4个单位颁发第三届某市市长质量奖``: the recipients before the verb."""


def sentence_head_firm(ctx: Ctx, start: int, end: int) -> list[Ref]:
    """``甲公司主导制定行业标准3项，入选第二批“某某”品牌``: a clause opening with the verb lists the
    company that opens the sentence or its part after ``；`` (the only organisation named before it)."""
    lead = re.match(r"(?:其中|此外|同时)?[，,]?", ctx.text[start:end])
    start += lead.end() if lead else 0  # 其中，某公司…，入选…
    orgs = [e for e in ctx.entities_in(start, end) if e.kind in (Kind.ENTERPRISE, Kind.ASSOCIATION)]
    if len(orgs) == 1 and orgs[0].span.start == start and not [
            e for e in ctx.entities_in(start, end) if e is not orgs[0] and e.kind.is_organization]:
        return [orgs[0].ref]
    return []


EXAMPLES_RE = re.compile(r"[，,](?:包括|如|分别为|分别是|有)(?P<items>[^；;。]{4,400}?)(?:等|[；;。]|$)")


def listed_examples(ctx: Ctx) -> None:
    """``其中，制造业企业品牌72个，包括甲公司申报的金胚玉米油、乙公司申报的低聚异麦芽糖等``: the firms named as
    examples of a programme's count (a section of its list) are listed in that programme."""
    known = {(x.programme, r) for x in ctx.listings for r in x.recipients}
    for o in list(ctx.observations):
        if o.subject is None or not o.subject.kind.is_programme:
            continue
        m = EXAMPLES_RE.match(ctx.text, o.span.end)
        if m is None:
            continue
        firms = [e.ref for e in ctx.entities_in(m.start("items"), m.end("items"))
                 if e.kind in (Kind.ENTERPRISE, Kind.ASSOCIATION) and (o.subject, e.ref) not in known]
        if firms:
            ctx.listings.append(Listing(o.subject, tuple(dict.fromkeys(firms)), ctx.span(o.span.start, m.end("items"))))
