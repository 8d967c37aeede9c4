"""Products listed with their makers after a count: ``工业产品类有5只，分别为甲公司的某牌针织服装、桑蚕绢丝；
乙公司的某牌水族箱；…`` under a report of a brand list (``我市有11家企业的12只产品喜获某省名牌``).

Each item separated by ``；`` opens with a firm the rules know, then ``的`` and its products (several joined by
``、``); the firm is a recipient of the programme named last before in the paragraph (or the paragraph before).
The count before ``分别为`` is a check on the list: the products written must number exactly that many, else
nothing is linked. A list whose items do not all open with a known firm followed by ``的`` links nothing.
"""

from __future__ import annotations

import re

from ..model import Kind, Listing, Ref
from .context import Ctx
from .numbers import parse_chinese_numeral

__all__ = ["find_owned_product_lists"]

LEAD_RE = re.compile(r"(?P<num>\d+|[一二两三四五六七八九十]+)(?P<unit>只|个|项|件|种|款)(?:产品)?[，,]?分别(?:为|是)[：:]?")
ITEM_END = "；;。"
NOTE_RE = re.compile(r"[（(][^（）()]{1,20}[)）]")


def find_owned_product_lists(ctx: Ctx) -> None:
    for lead in LEAD_RE.finditer(ctx.text):
        num = lead.group("num")
        count = int(num) if num.isdigit() else parse_chinese_numeral(num)
        end = ctx.text.find("。", lead.end())
        end = len(ctx.text) if end == -1 else end
        body = ctx.text[lead.end():end]
        items, at, firms, products = [], lead.end(), [], 0
        for part in re.split(r"[；;]", body):
            items.append((at, at + len(part)))
            at += len(part) + 1
        for s, e in items:
            firm = next((x for x in ctx.entities_in(s, e) if x.span.start == s and x.kind is Kind.ENTERPRISE), None)
            if firm is None or ctx.text[firm.span.end:firm.span.end + 1] != "的":
                firms = []
                break
            made = NOTE_RE.sub("", ctx.text[firm.span.end + 1:e])
            products += len([p for p in made.split("、") if p])
            firms.append(firm)
        if not firms or products != count:
            continue  # 有5只，分别为… naming four products: the list is cut or is something else
        prog = _programme_before(ctx, lead.start())
        if prog is None:
            continue
        ctx.listings.append(Listing(prog, tuple(dict.fromkeys(f.ref for f in firms)), ctx.span(lead.start(), end),
                                    count=len(firms), recipient_type="企业"))


def _programme_before(ctx: Ctx, pos: int) -> Ref | None:
    """The programme named last before ``pos`` in its paragraph or the one before."""
    lo = ctx.text.rfind("\n", 0, pos)
    lo = ctx.text.rfind("\n", 0, lo) + 1 if lo != -1 else 0
    named = [e for e in ctx.entities_in(lo, pos) if e.kind.is_programme]
    return max(named, key=lambda e: e.span.start).ref if named else None
