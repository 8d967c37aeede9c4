"""Agent clauses: a figure achieved by a named actor of its clause that is no place.

``某某促销活动带动消费2亿元``, ``“某某”服务体系实现120个事项网办``: the figure is the activity's or the
system's; the rules do not put such an actor's figure on the report's place with full confidence, so the
figure stays on its subject, marked inferred.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon


@per_lexicon
def _agent_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.words("agent_heads.txt", longest_first=True)
    verbs = lex.words("driven_measure_verbs.txt", longest_first=True) + ("实现", "推动", "促成")
    return re.compile(r"^[“”\"\u4e00-\u9fff]{1,20}?(?:" + "|".join(map(re.escape, heads)) + r")(?:"
                      + "|".join(map(re.escape, verbs)) + r")[\u4e00-\u9fff]{0,12}$")


def agent_clause(lex: Lexicon, text: str, clause_start: int, pos: int) -> str | None:
    """The clause's actor and verb before the figure at ``pos`` when the actor is an activity or a system."""
    found = _agent_re(lex).match(text[clause_start:pos])
    return found.group() if found else None


def driven_verb(lex: Lexicon, text: str, lo: int) -> str | None:
    """``带动`` right before a measure starting at ``lo``: it belongs to the measure (带动就业, 拉动消费,
    使用地理标志专用标志经营主体)."""
    driven = next((v for v in lex.words("driven_measure_verbs.txt", longest_first=True)
                   if text[max(0, lo - len(v)):lo] == v), None)
    if driven is not None:
        return driven
    kept = next((v for v in lex.words("kept_measure_verbs.txt", longest_first=True)
                 if text[max(0, lo - len(v)):lo] == v), None)
    if kept is not None and (lo - len(kept) == 0 or not re.match(r"[\u4e00-\u9fff]", text[lo - len(kept) - 1])
                             or re.search(r"(?:新增|累计|共有|年)$", text[:lo - len(kept)])):
        return kept  # 新增使用某标志经营主体: the verb heads the measure; 特种设备使用单位 is a noun of its own
    return None


@per_lexicon
def _checked_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.words("object_check_verbs.txt", longest_first=True)
    return re.compile(r"[^，,；;。：:\d]{0,30}?(?:进行|开展|实施)?(?:" + "|".join(map(re.escape, verbs)) + r")")


def checked_objects(lex: Lexicon, text: str, clause_start: int, pos: int, end: int) -> str | None:
    """``对全市30家企业进行检查``: the count after 对 is what a check covered; whose check the rules cannot
    always tell, so the figure is not put on the place with full confidence."""
    head = re.search(r"对[\u4e00-\u9fff]{0,8}$", text[clause_start:pos])  # 对全市, 对某省, 对辖区内
    if head is None:
        return None
    found = _checked_re(lex).match(text, end)
    return found.group() if found else None
