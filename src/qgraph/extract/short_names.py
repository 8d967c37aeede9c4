"""Short names a report defines: ``某市质量强市工作领导小组办公室（以下简称“市质强办”）`` — every later
``市质强办`` is a mention of the full entity (same class and name, the short form as its alias).

Only what the text itself defines is used: the entity must end right before the bracket, and a later
mention must not overlap a name found already (``甲科技股份有限公司`` contains ``甲科技``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Entity, Kind
from .context import Ctx

SHORT_RE = re.compile(r"[（(](?:以下|下文|下)?简称(?:为)?[：:]?[“\"「]?(?P<short>[^（）()“”\"「」，,、。；;：:\s]{2,12})[”\"」]?[)）]")
NOT_DEFINED = frozenset({Kind.PLACE, Kind.PERSON})


@dataclass(frozen=True, slots=True)
class ShortName:
    short: str
    entity: Entity
    defined_at: int
    """Where the definition ends; mentions are looked for after it."""


def occurrences(text: str, short: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Where ``short`` is written in ``text`` from ``start`` on, each as ``(start, end)``, not overlapping."""
    pos = start
    while (i := text.find(short, pos)) != -1:
        pos = i + len(short)
        yield i, pos


def add_short_mention(ctx: Ctx, full: Entity, short: str, start: int, end: int) -> None:
    """A mention of ``full`` written ``short`` at ``[start, end)``: the same class, name, level, place and
    attributes, the short form as its alias; the span is claimed."""
    ctx.add(full.kind, full.name, start, end, aliases=(short,), level=full.level, place=full.place,
            attributes=full.attributes)
    ctx.claim(start, end)


def short_names(ctx: Ctx) -> list[ShortName]:
    out = []
    for m in SHORT_RE.finditer(ctx.text):
        ent = next((e for e in ctx.ending_at(m.start()) if e.kind not in NOT_DEFINED), None)
        short = m.group("short")
        if ent is None or short == ent.name or short in ("本办法", "本方案", "本通知"):
            continue
        out.append(ShortName(short, ent, m.end()))
    return out


def resolve_short_names(ctx: Ctx) -> None:
    """Add a mention of the full entity at every later use of a defined short name."""
    for sn in short_names(ctx):
        for i, j in occurrences(ctx.text, sn.short, sn.defined_at):
            quoted = ctx.text[i - 1:i] in "“\"" and ctx.text[j:j + 1] in "”\"" and i > 0
            if ctx.entities_in(max(0, i - 1), j + 1) or (ctx.overlaps_claim(i, j) and not quoted):
                continue  # part of a longer name found already
            add_short_mention(ctx, sn.entity, sn.short, i, j)
