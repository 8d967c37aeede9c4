"""Addressee lines of decisions and notices: ``各县（市、区）人民政府，市政府各部门，某县人民政府，两个开发区管委会：``.

Such a line says to whom a document is sent; it names no fact. What it names is kept only where it
is an organisation with a name of its own (``某县人民政府``); places read in it (``大冶市、阳新县人民政府``),
counted or generic bodies (``两个开发区管委会``, ``各部门``) are dropped. A line is an addressee line
when it ends with a colon, has no full stop, and names an addressee word (``addressee_words.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Entity
from ..lexicon import Lexicon
from .context import Ctx

__all__ = ["AddresseeLine", "addressee_lines", "drop_addressee_mentions"]

MAX_LINE = 200
COUNTED_RE = re.compile(r"(?:[两二三四五六七八九十\d]+个|各|有关|相关)$")


@dataclass(frozen=True, slots=True)
class AddresseeLine:
    start: int
    end: int


def addressee_lines(lex: Lexicon, text: str) -> list[AddresseeLine]:
    """The addressee lines of ``text``: short lines ending with a colon, without a full stop, naming
    an addressee word."""
    out: list[AddresseeLine] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        body = line.strip()
        if not body or len(body) > MAX_LINE or not body.endswith(("：", ":")) or "。" in body:
            continue
        if any(w in body for w in lex.words("addressee_words.txt")):
            s = start + line.index(body)
            out.append(AddresseeLine(s, s + len(body)))
    return out


def _kept(ctx: Ctx, e: Entity, line: AddresseeLine) -> bool:
    if not (line.start <= e.span.start and e.span.end <= line.end):
        return True
    return False  # whatever is read in an addressee line is no mention of a fact (a body named there is kept only
    # where the report names it again outside the line)


def drop_addressee_mentions(ctx: Ctx) -> None:
    """Forget what was read in the document's addressee lines, except named organisations."""
    lines = addressee_lines(ctx.lex, ctx.text)
    if not lines:
        return
    keep = [e for e in ctx.entities if all(_kept(ctx, e, line) for line in lines)]
    if len(keep) != len(ctx.entities):
        ctx.replace_entities(keep)
    ctx.relations[:] = [r for r in ctx.relations
                        if not any(line.start <= r.span.start and r.span.end <= line.end for line in lines)]
