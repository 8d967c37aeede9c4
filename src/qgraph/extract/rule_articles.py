"""Figures inside an article of rules (a paragraph opening ``第四条``) state what the rules allow, not what
happened: ``市长质量奖大奖2名，提名奖2名`` in ``第四条`` is a quota, no count of winners; ``两个等次`` is how the
award is graded. They are kept, marked inferred (below the confidence a figure is trusted at): a reader
of the rules may want them, but no rule can tell a quota from a count of the award's winners."""

from __future__ import annotations

import re

from .context import Ctx

ARTICLE_RE = re.compile(r"\s*第[一二三四五六七八九十百零〇]{1,5}条(?![件项批])")

STRUCTURE_RE = re.compile(r"(?:奖项|等次|档次|类别)")
"""What an award is made of, counted right after the count (``2个奖项``)."""

__all__ = ["mark_rule_articles"]


def mark_rule_articles(ctx: Ctx) -> None:
    obs = ctx.observations
    for i, o in enumerate(obs):
        start = ctx.text.rfind("\n", 0, o.span.start) + 1
        if ARTICLE_RE.match(ctx.text, start):
            obs[i] = o.with_subject_inferred()
        elif STRUCTURE_RE.match(ctx.text, o.span.end) and re.search(
                r"(?:包括|分为|设有|设立|共设)[^，,。；;]*$", ctx.text[max(0, o.span.start - 40):o.span.start]):
            obs[i] = o.with_subject_inferred()  # 某奖包括质量奖、提名奖2个奖项: how the award is made up
