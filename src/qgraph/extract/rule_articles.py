"""Figures inside an article of rules (a paragraph opening ``第四条``) state what the rules allow, not what
happened: ``市长质量奖大奖2名，提名奖2名`` in ``第四条`` is a quota, no count of winners; ``两个等次`` is how the
award is graded. They are kept, marked inferred (below the confidence a figure is trusted at): a reader
of the rules may want them, but no rule can tell a quota from a count of the award's winners."""

from __future__ import annotations

import re

from .context import Ctx

ARTICLE_RE = re.compile(r"\s*第[一二三四五六七八九十百零〇]{1,5}条(?![件项批])")

__all__ = ["mark_rule_articles"]


def mark_rule_articles(ctx: Ctx) -> None:
    obs = ctx.observations
    for i, o in enumerate(obs):
        start = ctx.text.rfind("\n", 0, o.span.start) + 1
        if ARTICLE_RE.match(ctx.text, start):
            obs[i] = o.with_subject_inferred()
