"""Breakdowns listed with a shared head and 分别: ``生产、流通领域分别抽查产品320批次、180批次，合格率分别为
97.5%、95.0%`` — the first figure of each 分别 run is the 生产领域 part, the second the 流通领域 part.

The items are read backwards from a breakdown word (``data/lexicon/breakdowns.tsv``) right before 分别:
each item with the head it shares (生产 + 领域) must be a breakdown word too. A run of figures after a
later 分别 in the sentence takes the same breakdowns only when it has as many numbers as items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Sentence
from .context import Ctx
from ..lexicon import Lexicon
from .scope import breakdown_words

VALUES_RE = re.compile(r"分别[^，,。；;]{1,60}")
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
JOINERS = "、和及与"
COUNT_BEFORE_RESPECTIVE_RE = re.compile(r"(?:[^，,。；;\d]{0,4}[，,])?[^，,。；;]{0,12}分别")
"""After ``等3大类`` (also ``等5大类食品，监督抽检不合格率分别为…``): the figures that follow are the items', the
number counts the list."""


@dataclass(frozen=True, slots=True)
class BreakdownList:
    labels: tuple[str, ...]
    end: int
    """Where the list ends (the 分别 runs after it are its figures)."""


def _labels(lex: Lexicon) -> dict[str, str]:
    return dict(breakdown_words(lex))


def _list_before(ctx: Ctx, lo: int, pos: int) -> BreakdownList | None:
    """The breakdown list ending right before ``pos`` (a 分别), read backwards, else None."""
    labels = _labels(ctx.lex)
    text = ctx.text[lo:pos]
    last = next((w for w, _ in breakdown_words(ctx.lex) if text.endswith(w)), None)
    if last is None:
        return None
    head = next((last[k:] for k in range(1, len(last)) if last[:k] and last[k:] in _heads(ctx.lex)), "")
    found = [labels[last]]
    i = len(text) - len(last)
    while i > 0 and text[i - 1] in JOINERS:
        j = i - 1
        item = next((text[j - n:j] for n in range(6, 0, -1) if j - n >= 0 and (
            text[j - n:j] in labels or (head and text[j - n:j] + head in labels))), None)
        if item is None:
            break
        found.append(labels.get(item) or labels[item + head])
        i = j - len(item)
    if len(found) < 2 or len(set(found)) != len(found):
        return None
    return BreakdownList(tuple(reversed(found)), pos)


def _heads(lex: Lexicon) -> frozenset[str]:
    """The shared heads of the breakdown words (领域, 环节, 企业 …): what their last two characters are."""
    return frozenset(w[-2:] for w, _ in breakdown_words(lex) if len(w) >= 3)


def listed_breakdowns(ctx: Ctx, sent: Sentence) -> dict[int, str]:
    """Number start → the breakdown it is the figure of, for the sentence's breakdown lists."""
    key = ("listed_breakdowns", sent.span.start)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[return-value]
    out: dict[int, str] = {}
    current: BreakdownList | None = None
    for m in VALUES_RE.finditer(ctx.text, sent.span.start, sent.span.end):
        found = _list_before(ctx, sent.span.start, m.start())
        if found is not None:
            current = found
        if current is None:
            continue
        numbers = list(NUMBER_RE.finditer(m.group()))
        if len(numbers) != len(current.labels):
            continue  # the figures do not pair with the items: which is whose cannot be told
        for n, label in zip(numbers, current.labels):
            out[m.start() + n.start()] = label
    ctx.memo[key] = out
    return out
