"""A field named at the head of a spot-check sentence: ``在日用及纺织品领域，全年抽查了14种…1712批次产品，
抽查合格率为85.6%`` — the figures of the check in that sentence are the field's part of it (breakdown
日用及纺织品), so that the fields' batch counts and pass rates stay apart, as a numbered section heading
does for its paragraph (:mod:`.section_categories`). The head nouns are ``data/lexicon/domain_lead_heads.txt``;
a breakdown word of ``breakdowns.tsv`` (生产领域) is read by the scope, not here; a field holding a word of
``domain_lead_rejects.txt`` (在市场监管领域, 在全市重点行业中) is a sphere of work or a selection, no category."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .context import Ctx
from .scope import breakdown_label


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("domain_lead_heads.txt")
    return re.compile(r"\s*(?:其中，?)?在(?P<cat>[\u4e00-\u9fff]{2,10}?)(?:" + heads + r")(?:中|里|内|方面)?[，,]")


def domain_lead(ctx: Ctx, sent: Sentence) -> str | None:
    """The field a sentence opens with (``在电子电器领域，`` → 电子电器), else None."""
    m = _lead_re(ctx.lex).match(ctx.text, sent.span.start, sent.span.end)
    if m is None or breakdown_label(ctx.lex, m.group("cat") + ctx.text[m.end("cat"):m.end() - 1]) is not None:
        return None
    if any(w in m.group("cat") for w in ctx.lex.words("domain_lead_rejects.txt")):
        return None  # 在全市重点行业中: no category of products
    return m.group("cat")
