"""Quality systems joined under one head: ``推行首席质量官及质量追溯制度`` names two systems,
首席质量官制度 and 企业标准总监制度. Where the first item with the head (``system_heads.txt``: 制度) is a system
of the lexicon (``programmes.tsv``, class QualitySystem), each item joined to it (和 / 及 / 与 / 、) with the
head is a system too."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .scan import PUNCTUATION_STOPS, Scan

__all__ = ["find_shared_system_heads"]

ITEM = r"[\u4e00-\u9fff]{2,8}?"


@per_lexicon
def system_scan(lex: Lexicon) -> Scan | None:
    """The pattern of items joined under a head, made once per lexicon and tried only where a match can reach
    its head (the items are Han characters and 、, no punctuation)."""
    heads = lex.words("system_heads.txt", longest_first=True)
    if not heads:
        return None
    alternation = "|".join(map(re.escape, heads))
    pat = re.compile(rf"(?P<items>{ITEM}(?:(?:和|及|与|、){ITEM})+)(?P<head>{alternation})")
    return Scan(pat, alternation, PUNCTUATION_STOPS)


def find_shared_system_heads(ctx: Ctx) -> None:
    scan = system_scan(ctx.lex)
    if scan is None:
        return
    for m in scan.finditer(ctx.text):
        head = m.group("head")
        parts = [(p.start(), p.end()) for p in re.finditer(r"[^和及与、]+", m.group("items"))]
        base = m.start("items")
        known = None
        for k, (s, e) in enumerate(parts):  # the first item the lexicon knows, cut on its left edge
            for cut in range(0, e - s - 1):
                prog = ctx.lex.programmes.get(m.group("items")[s + cut:e] + head)
                if prog is not None and prog.kind is Kind.QUALITY_SYSTEM:
                    known = (k, s + cut)
                    break
            if known is not None:
                break
        if known is None or known[0] != 0:
            continue
        spans = [(base + known[1], base + parts[0][1])] + [(base + s, base + e) for s, e in parts[1:]]
        for s, e in spans:
            name = ctx.text[s:e] + head
            if ctx.overlaps_claim(s, e):
                continue
            ctx.add(Kind.QUALITY_SYSTEM, name, s, e)
            ctx.claim(s, e)
