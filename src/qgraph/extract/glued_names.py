"""Names of firms glued without separators after a list's colon (a table flattened by a web page):
``确定12家企业为“某老字号”，现将名单公布如下：甲食品股份有限公司乙区某某门店丙贸易有限公司…``.

The run after the colon is cut after each legal ending (``company_endings.txt``) or shop ending
(``glued_name_endings.txt``), the shortest name first; the cut names are firms only when there are exactly as
many as the count the sentence before the colon gives (``12家企业``), and they are listed in the programme
that sentence names. Words after the last name (``公示期为…``) are no name. A list whose count disagrees
names nothing.
"""

from __future__ import annotations

import re

from ..model import Kind, Listing
from .context import Ctx
from .numbers import parse_chinese_numeral

__all__ = ["find_glued_names"]

LEAD_RE = re.compile(r"(?:名单|如下)[^：:，,。；;]{0,12}[：:]")
COUNT_RE = re.compile(r"(?P<num>\d+|[一二两三四五六七八九十]+)(?:家|个)(?P<noun>企业|单位|字号|品牌)")
MIN_NAME = 4


def find_glued_names(ctx: Ctx) -> None:
    endings = sorted(set(ctx.lex.words("company_endings.txt")) | set(ctx.lex.words("glued_name_endings.txt")),
                     key=len, reverse=True)
    for lead in LEAD_RE.finditer(ctx.text):
        sent_lo = max(ctx.text.rfind(ch, 0, lead.start()) for ch in "。\n") + 1
        counts = list(COUNT_RE.finditer(ctx.text, sent_lo, lead.start()))
        if not counts:
            continue
        num = counts[-1].group("num")
        count = int(num) if num.isdigit() else parse_chinese_numeral(num)
        stop = min((i for i in (ctx.text.find(ch, lead.end()) for ch in "，,。；;\n") if i != -1), default=len(ctx.text))
        names = _cut(ctx.text, lead.end(), stop, endings)
        if len(names) < 2 or len(names) != count:
            continue  # the count is the check: a cut that disagrees names nothing
        progs = [e for e in ctx.entities_in(sent_lo, lead.start()) if e.kind.is_programme]
        refs = []
        for s, e in names:
            known = next((x for x in ctx.entities_in(s, e) if x.span.start == s and x.span.end == e
                          and x.kind.is_organization), None)
            if known is None and ctx.overlaps_claim(s, e):
                refs = []
                break
            refs.append(known.ref if known is not None else ctx.add(Kind.ENTERPRISE, ctx.text[s:e], s, e).ref)
            ctx.claim(s, e)
        if refs and progs:
            prog = max(progs, key=lambda p: p.span.start)
            ctx.listings.append(Listing(prog.ref, tuple(refs), ctx.span(lead.start(), names[-1][1]), count=count,
                                        recipient_type=counts[-1].group("noun")))


def _cut(text: str, start: int, stop: int, endings: list[str]) -> list[tuple[int, int]]:
    """The names of ``text[start:stop]`` cut after their endings, shortest first; nothing after the last."""
    out, pos = [], start
    while pos < stop:
        end = min((i + len(w) for w in endings if (i := text.find(w, pos + MIN_NAME - len(w), stop)) != -1
                   and i + len(w) - pos >= MIN_NAME), default=None)
        if end is None:
            break
        name = text[pos:end]
        if not re.fullmatch(r"[\u4e00-\u9fff（）()]+", name):
            break
        out.append((pos, end))
        pos = end
    return out
