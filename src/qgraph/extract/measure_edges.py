"""Where a measure begins and ends when the name rules' boundary words cut it short.

* ``实施卓越绩效管理的组织达到1548家``: ``组织`` is a boundary word of names, so the counted noun is the
  whole phrase from the clause start (after its lead words, ``measure_head_leads.txt``), not its last
  few characters;
* ``、马德里国际注册商标50件``: a list item cut at ``注册`` is the whole item when it is short;
* ``获得…的组织将获得10万元的奖励``: a sum followed by a money noun (``money_nouns.txt``) is that money.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx

MAX_PHRASE = 16
"""Longest clause-start phrase read as one counted noun."""


@per_lexicon
def _head_lead_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("measure_head_leads.txt")
    return re.compile(rf"^(?:{words}|有(?!效))+")


@per_lexicon
def _money_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("money_nouns.txt")
    return re.compile(rf"的?(?P<noun>{words})(?=[，,。；;、\s]|$)")


def organisation_phrase(ctx: Ctx, item_start: int, np_end: int) -> str | None:
    """The counted noun ending in 组织 written from the clause start: ``实施卓越绩效管理的组织``,
    ``县级以上政府质量奖组织`` (None when there is none, or it is too long to be one noun)."""
    phrase = ctx.text[item_start:np_end].strip()
    phrase = phrase[m.end():] if (m := _head_lead_re(ctx.lex).match(phrase)) else phrase
    place = next((n for n in range(min(10, len(phrase)), 1, -1) if phrase[:n] in ctx.lex.place_names), 0)
    phrase = phrase[place:]  # 某区有效获证组织: the place is the subject, no part of the noun
    if not phrase.endswith("组织") or len(phrase) <= 6 or len(phrase) > MAX_PHRASE:
        return None  # 有效获证组织: short enough for the name rules' own reading
    if re.search(r"[^\u4e00-\u9fff]", phrase):
        return None
    return phrase


def whole_item(text: str, item_start: int, lo: int) -> int:
    """Where a short list item starts when its measure was cut inside it (``、马德里国际注册商标``):
    the item's start, if the item opens after 、 and what was cut is a few Han characters; else ``lo``."""
    cut = text[item_start:lo]
    if item_start > 0 and text[item_start - 1] == "、" and 0 < len(cut) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", cut):
        return item_start
    return lo


def money_noun(lex: Lexicon, text: str, end: int) -> str | None:
    """The money noun written right after a sum ending at ``end`` (``10万元的奖励`` → 奖励)."""
    m = _money_re(lex).match(text, end)
    return m.group("noun") if m else None


PER_HEAD_RE = re.compile(r"[/／](?P<per>万|千)人")
HOLDING_BEFORE_RE = re.compile(r"(?:拥有量|(?<![增减])[\u4e00-\u9fff]{1,4}(?<![增减变])量|比20\d{2}年(?:同期)?的)(?:达到了|达到|达|为|是)?$")
"""An indicator per head: ``拥有量达到1.42件/万人``, ``抽检量达到5.36批次/千人``, and the baseline year's value of the
same (``比2020年的3.23批次/千人``); not a change (``增加了2.13批次/千人``)."""
PER_HEAD_WORDS = {"万": "每万人口", "千": "每千人"}


def per_head_holding(text: str, num_start: int, unit_end: int) -> bool:
    """``有效发明专利拥有量达到1.42件/万人``, ``抽检量达到5.36批次/千人``: an indicator per 10,000 or 1,000
    people, its measure named before (other rates per head, ``增加了2.13批次/千人``, stay no figure)."""
    return bool(PER_HEAD_RE.match(text, unit_end)) and bool(HOLDING_BEFORE_RE.search(text, max(0, num_start - 10), num_start))


def per_head_measure(text: str, unit_end: int, measure: str) -> str:
    """The measure of an indicator per head, said so (每万人口…, 每千人…)."""
    m = PER_HEAD_RE.match(text, unit_end)
    if m and not measure.startswith(("每万", "每千")):
        return PER_HEAD_WORDS[m.group("per")] + measure
    return measure
