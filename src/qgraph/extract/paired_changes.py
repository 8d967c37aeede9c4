"""Two measures changing together, written with 分别从…的A、B上升到…的C、D.

``上榜某榜单的企业和品牌总价值分别从2021年的17家、2216亿元上升到2024年的36家、3283亿元`` gives four figures:
the first value of each pair is the count (``企业和品牌``), the second the money (``总价值``: the head ends with a
word of ``value_measure_ends.txt``); the values after 从 are the first year's, those after 到 the second's. A
programme named after a listing verb in the head (``上榜某榜单的``) is the subject of all four (counts and
value of its listed items). A pair with one sum of money, its measure word ending the head, is split so; a
head of two measures joined by 和 (``全市市场主体和注册商标数量分别从…``) gives the first value of each pair the
first, the second the second; otherwise the figures take the years and are left inferred, as which
measure each value is cannot be told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Ref, Sentence
from .context import Ctx

__all__ = ["PairedChange", "paired_change"]

VALUE = r"[^、，,。；;]{1,12}?"
PAIRED_RE = re.compile(
    r"(?P<head>[^，,。；;]{2,40}?)分别从(?P<y1>20\d{2})年(?:的)?(?P<a>" + VALUE + r")、(?P<b>" + VALUE + r")"
    r"(?:上升|增长|增加|提高|提升|扩大|跃升|增)(?:到|至)(?P<y2>20\d{2})年(?:的)?(?P<c>" + VALUE + r")、(?P<d>" + VALUE + r")(?=[，,。；;])")
LISTED_RE = re.compile(r"(?:上榜|入选|列入|获评)")


@dataclass(frozen=True)
class PairedChange:
    year: str
    words: str
    start: int
    measure: str | None
    subject: Ref | None
    unsplit: bool = False
    """The head's measures could not be told apart: whose value is which measure is not known."""


JOINT_RE = re.compile(r"(?:全[省市县区]|各地)?(?P<a>[\u4e00-\u9fff]{2,12}?)(?:和|、|及|与)(?P<b>[\u4e00-\u9fff]{2,12}?)"
                      r"(?:的)?(?P<end>数量|总量|总数|数)?$")


def _measures(ctx: Ctx, head: str, m: re.Match[str]) -> tuple[str, str] | None:
    tail = head[head.rfind("的") + 1:]
    money = [g for g in ("a", "b") if m.group(g).endswith("元")]
    if money != ["b"] or not m.group("d").endswith("元"):
        joint = JOINT_RE.fullmatch(tail)
        if joint is None or "的" in head:
            return None
        end = joint.group("end") or ""  # 市场主体和注册商标数量: 市场主体数量, 注册商标数量
        return joint.group("a") + end, joint.group("b") + end
    word = next((w for w in ctx.lex.words("value_measure_ends.txt", longest_first=True) if tail.endswith(w)), None)
    if word is None or len(tail) - len(word) < 2:
        return None
    return tail[:-len(word)], word


def paired_change(ctx: Ctx, sent: Sentence, pos: int) -> PairedChange | None:
    """The year, measure and subject of the figure at ``pos`` when it is one of such a pair's values."""
    key = ("paired_changes", sent.span.start)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = list(PAIRED_RE.finditer(ctx.text, sent.span.start, sent.span.end))
    for m in found:  # type: ignore[union-attr]
        group = next((g for g in "abcd" if m.start(g) <= pos < m.end(g)), None)
        if group is None:
            continue
        head = m.group("head")
        measures = _measures(ctx, head, m)
        year = m.group("y1") if group in "ab" else m.group("y2")
        at = m.start("y1") if group in "ab" else m.start("y2")
        listed = LISTED_RE.search(head)
        programme = next((e for e in ctx.entities_in(m.start("head") + listed.end(), m.end("head"))
                          if e.kind.is_programme), None) if listed else None
        return PairedChange(year, f"{year}年", at, measures[0 if group in "ac" else 1] if measures else None,
                            programme.ref if programme is not None else None, measures is None)
    return None
