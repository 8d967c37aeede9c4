"""Kinds counted by the rate they reached: ``其中，甲、乙等12种产品抽样合格率为100%``, ``…8种产品合格率在90%-100%之间``,
``丙、丁等5种产品不合格率较高``.

A count of kinds of product (种, 类) whose counted noun is followed, to the end of its clause, by a pass or
fail rate stated as a condition (为 / 在…之间 / 在…以下 / 较高 …) counts the kinds of the check that met
it: the measure is the noun (产品), the condition its qualifier, and the figure is the check's named last
before it (its results, by rate) — not a count of the place's, nor a measure named 产品抽样合格率. The
rates written in the condition (100%, 90%) bound the kinds counted: no figure of their own (the count's
qualifier holds them) — unless the kinds were named before and the rate is each one's (``上述6类产品合格率均为
100%``): then it is kept, the check's, inferred, to be shared out among them.
"""

from __future__ import annotations

import re

__all__ = ["rate_condition"]

RATE_CONDITION_RE = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{1,6}?)(?P<cond>(?:抽样|抽检|抽查|批次)?不?合格率(?:均)?"
    r"(?:较高|较低|最高|最低|偏高|偏低|为\d+(?:\.\d+)?[%％]|在\d+(?:\.\d+)?[%％]?(?:[-—~～至到]\d+(?:\.\d+)?[%％])?(?:之间|以下|以上)"
    r"|(?:低于|高于|达到|达)\d+(?:\.\d+)?[%％](?:以上|以下)?))(?=[，,；;。]|$)")


def rate_condition(text: str, end: int, unit: str) -> tuple[str, str, int, int] | None:
    """``(noun, condition, start, end)`` when the count of kinds ending at ``end`` is followed by its counted
    noun and a rate condition closing the clause (``start``, ``end``: where the condition stands); else None."""
    if unit not in ("Zhong", "Lei"):
        return None
    m = RATE_CONDITION_RE.match(text, end)
    return (m.group("noun"), m.group("cond"), m.start("cond"), m.end("cond")) if m else None
