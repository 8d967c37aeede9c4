"""The outlet of a page's stamp line: ``2024-07-22 11:17:52 - 某方网``, ``某鲁晚报     2024年03月01日``. Among
the first lines, a line holding only a full date (and a time) and one name that ends as an outlet's name
(``outlet_words.txt``, ``stamp_outlet_endings.txt``, or 网 / 报) names the outlet that published the page; two such
names joined by a dash (``某某新闻网-某某报``: a paper's site and the paper) are both outlets."""

from __future__ import annotations

import re

from ..model import Kind
from .context import Ctx

__all__ = ["find_stamp_outlets"]

DATE = r"\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
STAMP_RE = re.compile(rf"^[ \t\u3000]*(?:(?P<d1>{DATE})[ \t\u3000]*[-－—|｜]?[ \t\u3000]*)?(?P<name>[\u4e00-\u9fff]{{2,10}})"
                      rf"(?:[-－—](?P<name2>[\u4e00-\u9fff]{{2,10}}))?(?:[ \t\u3000]*[-－—|｜]?[ \t\u3000]*(?P<d2>{DATE}))?[ \t\u3000]*$", re.M)


def find_stamp_outlets(ctx: Ctx) -> None:
    endings = tuple(ctx.lex.words("outlet_words.txt")) + tuple(ctx.lex.words("stamp_outlet_endings.txt")) + ("网", "报")
    head_end = 0
    for _ in range(4):  # the first lines only
        nl = ctx.text.find("\n", head_end)
        if nl == -1:
            head_end = len(ctx.text)
            break
        head_end = nl + 1
    for m in STAMP_RE.finditer(ctx.text, 0, head_end):
        if not (m.group("d1") or m.group("d2")):
            continue
        groups = ("name", "name2") if m.group("name2") else ("name",)
        if not all(m.group(g).endswith(endings) and len(m.group(g)) >= 3 for g in groups):
            continue  # 某某网-某某报: a site and its paper, each an outlet's name
        for g in groups:
            name = m.group(g)
            if not name.startswith(("本报", "本网")) and not ctx.overlaps_claim(m.start(g), m.end(g)):
                ctx.add(Kind.MEDIA, name, m.start(g), m.end(g))
                ctx.claim(m.start(g), m.end(g))
