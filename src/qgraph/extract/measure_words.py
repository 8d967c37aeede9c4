"""Measure words: cut what opens or ends a measure but is not counted, and read a level written inside it.

Four cases, all from data files:

* a lead word of holding or aiming (``全市现有省名牌产品16个``, ``力争省级质量标杆企业达到30个``,
  ``创建国家级质量品牌提升示范区1家``) is no part of what is counted (``measure_lead_words.txt``);
  a measure that is only such a word (``力争累计达到20家``) is none — the unit's generic one is taken;
* a verb ending the measure (``合格率稳定在95%``) is cut (``measure_tail_words.txt``); a verb of taking
  part written after the noun (``707家企业申报``) goes before it (申报企业, 参会单位; ``measure_verb_tails.tsv``);
* words of granting money before a sum (``分别给予人民币100万元``), or of a prize after it (``将获得10万元的
  奖励``), make the measure 奖励, the prize money (``prize_money_words.txt``, ``prize_money_after.txt``);
* a selection verb (``青州名品共评出名品``, ``申报品牌中遴选出``) splits the measure: what follows it,
  else what precedes it (``selection_verbs.txt``);
* a one-character level (``省名牌产品16个、市名牌产品16个``) before a counted noun that comes in
  levels (``level_heads.txt``) is the figure's level, so the two figures share one measure
  (名牌产品) and differ by level, as ``省级企业技术中心58家`` already does.

A level already read by the measure rules (``省级…``) is kept; after a lead word is cut, the level
words of the lexicon (国家级, 省级 …) are read again at the new start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, per_lexicon
from ..model import Level
from .indexes import levels_longest_first

SHORT_LEVELS = (("国家", Level.NATIONAL), ("省", Level.PROVINCIAL), ("市", Level.MUNICIPAL), ("县", Level.COUNTY))


@dataclass(frozen=True, slots=True)
class MeasureReading:
    measure: str
    level: Level | None


def _words(lex: Lexicon, name: str) -> tuple[str, ...]:
    return lex.words(name, longest_first=True)


def lead_words(lex: Lexicon) -> tuple[str, ...]:
    return _words(lex, "measure_lead_words.txt")


def tail_words(lex: Lexicon) -> tuple[str, ...]:
    return _words(lex, "measure_tail_words.txt")


def selection_verbs(lex: Lexicon) -> tuple[str, ...]:
    return _words(lex, "selection_verbs.txt")


def prize_money_words(lex: Lexicon) -> tuple[str, ...]:
    return _words(lex, "prize_money_words.txt")


def prize_money_after(lex: Lexicon) -> tuple[str, ...]:
    """Words written right after a sum that make it the prize money (``将获得10万元的奖励``)."""
    return _words(lex, "prize_money_after.txt")


@per_lexicon
def verb_tails(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    rows = [r[:2] for r in lex.table("measure_verb_tails.tsv", columns=2)]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))  # type: ignore[arg-type]


def level_heads(lex: Lexicon) -> tuple[str, ...]:
    return _words(lex, "level_heads.txt")


def clean_measure(lex: Lexicon, measure: str, level: Level | None) -> MeasureReading:
    """``measure`` without a lead word of holding or aiming, with a level written inside it read out."""
    verb = next((v for v in selection_verbs(lex) if v in measure), None)
    if verb is not None:  # 青州名品共评出名品 → 名品; 申报品牌中遴选出 → 申报品牌
        before, _, after = measure.partition(verb)
        measure = after if len(after) >= 2 else re.sub(r"^从|中$", "", before)
        if not measure:
            return MeasureReading("", level)  # 评选结果揭晓，共评出73个: only the verb — no measure named here
    if measure.endswith(prize_money_words(lex)):
        return MeasureReading("奖励", level)  # 对获奖企业分别给予人民币100万元: the prize money
    if measure in lead_words(lex):
        return MeasureReading("", level)  # 力争累计达到20家: only the lead word — no measure named here
    moved = next(((w, p) for w, p in verb_tails(lex) if measure.endswith(w) and len(measure) >= len(w) + 2), None)
    if moved is not None:  # 企业申报 → 申报企业, 单位参加会议 → 参会单位: the noun as the verb after it qualifies it
        measure = moved[1] + measure[:-len(moved[0])]
    tail = next((w for w in tail_words(lex) if measure.endswith(w) and len(measure) >= len(w) + 2), None)
    if tail is not None:
        measure = measure[:-len(tail)]
    lead = next((w for w in lead_words(lex) if measure.startswith(w) and len(measure) >= len(w) + 2), None)
    if lead is not None:
        measure = measure[len(lead):]
        if level is None:
            for word, lvl in levels_longest_first(lex):
                if measure.startswith(word) and len(measure) > len(word) + 1:
                    level, measure = lvl, measure[len(word):]
                    break
    for word, lvl in SHORT_LEVELS:  # written here, it overrides a level carried along a list
        rest = measure[len(word):]
        if measure.startswith(word) and any(rest.startswith(h) for h in level_heads(lex)):
            level, measure = lvl, rest
            break
    return MeasureReading(measure, level)


def astuple_reading(r: MeasureReading) -> tuple[str, Level | None]:
    return r.measure, r.level


def compounds(lex: Lexicon) -> tuple[str, ...]:
    return _words(lex, "measure_compounds.txt")


@per_lexicon
def compound_tails(lex: Lexicon) -> frozenset[str]:
    """The tails of the compounds of ``measure_compounds.txt`` three characters or longer (位资金 of 到位资金): a
    measure read as one of them may be a compound cut at its first word."""
    return frozenset(c[i:] for c in compounds(lex) for i in range(1, len(c) - 2))


def stop_verbs(lex: Lexicon) -> tuple[str, ...]:
    return _words(lex, "measure_stop_verbs.txt")


GLUED_REACH = 16
"""How far before a compound's tail a glued measure may start (每万人高价值发明专利拥有量: 15 characters)."""


def glued_measure(lex: Lexicon, text: str, measure: str, lo: int, pos: int) -> str:
    """The whole counted noun when the measure is only the tail of a compound cut at a boundary word
    (``设立商标品牌指导站9处``: 站 → 商标品牌指导站), written between ``lo`` and the number at ``pos``."""
    at = text.rfind(measure, lo, pos)
    if at == -1 or not re.fullmatch(r"(?:达到|达|为|有)?", text[at + len(measure):pos]):
        return measure
    for c in compounds(lex):
        if not c.endswith(measure) or len(c) == len(measure):
            continue
        start = at + len(measure) - len(c)
        if start < lo or text[start:at + len(measure)] != c:
            continue
        floor = start
        while start > lo and start > at - GLUED_REACH and "\u4e00" <= text[start - 1] <= "\u9fff" \
                and not any(text.endswith(v, lo, start) for v in stop_verbs(lex)):
            start -= 1
        if start == at - GLUED_REACH and start > lo and "\u4e00" <= text[start - 1] <= "\u9fff":
            start = floor  # no word boundary within reach: the compound alone, not a cut word (…量常见问题…覆盖率)
        return text[start:at + len(measure)]
    return measure
