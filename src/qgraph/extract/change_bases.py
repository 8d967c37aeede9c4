"""The earlier year's value a change is measured from: a figure of that year.

``批次合格率为82.5%，比2009年批次合格率76.0%上升了6.5个百分点``: 76.0% is the 2009 pass rate, the baseline
of the change, not a 2010 figure. The figure keeps the year written after 比 and the measure written
between that year and the number (as ``比2023年的7100批次增加了…`` already does when only 的 stands between).
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Observation
from .context import Ctx

BASE_BEFORE_RE = re.compile(r"比(?P<year>(?:19|20)\d{2})年(?P<measure>[^，,；;。\d的]{2,10})$")
CHANGE_AFTER_RE = re.compile(r"(?:上升|下降|提高|降低|增加|减少|增长)")


def change_base(ctx: Ctx, obs: Observation) -> Observation:
    """``obs`` dated with the earlier year it is the baseline of, when it is one."""
    before = BASE_BEFORE_RE.search(ctx.text, max(0, obs.span.start - 16), obs.span.start)
    if before is None or not CHANGE_AFTER_RE.match(ctx.text, obs.span.end):
        return obs
    return dataclasses.replace(obs, period=before.group("year"), period_words=f"{before.group('year')}年",
                               period_inferred=False, measure=before.group("measure"))
