"""The failed batches of a check listed item by item: ``不合格产品包括7批甲产品、4批乙产品…``.

After a check's figures (``全年抽查某类产品900批次，合格880批次``), a sentence of the same paragraph may
list what failed, each item with its count before it. Each count is the check's failed batches of that
item (measure ``不合格``, breakdown: the item), not the place's and not a count measured in the item.
The lead words are ``failed_item_leads.txt`` (不合格产品包括, 不合格样品涉及 …). An item joined with
another by 和 / 及 under one count (``1批甲和乙``) is left alone: the count cannot be split.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS
from .context import Ctx

__all__ = ["find_failed_items"]

ITEM_RE = re.compile(r"(?P<n>\d+)(?P<unit>批次|批)(?P<item>[^、，,。；;：:\s]{1,12})")


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?:{lex.alternation('failed_item_leads.txt')})[：:]?")


def find_failed_items(ctx: Ctx) -> None:
    for sent in ctx.doc.sentences:
        lead = _lead_re(ctx.lex).search(ctx.text, sent.span.start, sent.span.end)
        if lead is None:
            continue
        para = ctx.text.rfind("\n", 0, sent.span.start) + 1
        checks = [o for o in ctx.observations if para <= o.span.start < lead.start() and o.subject is not None
                  and o.subject.kind in INSPECTION_KINDS and not o.subject_inferred]
        if not checks:
            continue  # no check reported before in the paragraph: whose failures cannot be told
        check = checks[-1].subject
        pos = lead.end()
        while (m := ITEM_RE.match(ctx.text, pos, sent.span.end)) is not None:
            item = m.group("item")
            if not re.search(r"[和及与]", item):
                for i, o in enumerate(ctx.observations):
                    if o.span.start == m.start() and o.unit in ("Pi", "Pici"):
                        ctx.observations[i] = replace(o, subject=check, measure="不合格", breakdown=item,
                                                      subject_inferred=False, confidence=CONFIDENCE["carried"])
            pos = m.end()
            if ctx.text[pos:pos + 1] != "、":
                break
            pos += 1
