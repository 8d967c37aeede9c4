"""Trade sides: the side of trade a check's part covers, told by the verb between a checked party and its
batches (``抽查20家企业生产30批次产品，…；抽查15家销售者销售25批次产品，…``).

A bulletin splits its check into what makers produced and what sellers sold; the verb after the party and
its count (``party_trade_verbs.txt``: 生产, 销售 …), right before the count of batches, names the part. Every
figure of the clause group (up to the next ``；`` or ``。``) that opens with such a phrase is that part's:
the party's count, the batches, the failures and the rate — when the sentence splits the check, naming
two sides or more; one side alone (``共抽查50家企业生产的60批次产品``) is the whole check. A total written
with both sides (``30家企业（销售者）生产（销售）的40批次``) names no one side and is left alone.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .context import Ctx


@per_lexicon
def _side_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("party_trade_verbs.txt")
    return re.compile(r"(?:抽查|抽检|抽取)了?[\d一二三四五六七八九十两]+(?:家|户|个)(?P<party>[\u4e00-\u9fff]{1,6}?)"
                      rf"(?P<side>{verbs})(?:的)?[\d一二三四五六七八九十两]+批次")


def trade_side(ctx: Ctx, sent: Sentence, pos: int) -> str | None:
    """The side of trade (生产, 销售 …) of the figure at ``pos``: the verb of a party-verb-batches phrase
    opening its clause group, or None."""
    text = sent.span.text
    at = pos - sent.span.start
    lo = max((text.rfind(c, 0, at) for c in "；;"), default=-1) + 1
    hi = min((i for c in "；;" if (i := text.find(c, at)) != -1), default=len(text))
    m = _side_re(ctx.lex).search(text, lo, hi)
    if m is None or re.search(r"[，,]", text[lo:m.start()].removeprefix("其中").lstrip("，,")):
        return None  # the phrase must open its group (after 其中 at most)
    if len({s.group("side") for s in _side_re(ctx.lex).finditer(text)}) < 2:
        return None  # 共抽查50家企业生产的60批次产品: one side alone is the whole check, no part of it
    return m.group("side")
