"""Programmes listed side by side: ``“甲优品”“乙十八品”“某地老字号”“某地品质”等特色品牌培育成效明显`` — a run of
quoted names closed by ``等…品牌`` (``sibling_programme_tails.txt``) in which one name is a programme the
extractor already has (``某地老字号``, by its ending) lists programmes of that kind: each other name of the
run is one too. A run with no known programme in it (``“某地大米”“某地木耳”等区域公用品牌``, products'
brands) gives nothing here.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx


@per_lexicon
def _run_re(lex: Lexicon) -> re.Pattern[str]:
    tails = lex.alternation("sibling_programme_tails.txt")
    return re.compile(rf"(?P<run>(?:“[\u4e00-\u9fff]{{2,8}}”、?){{3,}})等[\u4e00-\u9fff]{{0,4}}?(?:{tails})")


def find_sibling_programmes(ctx: Ctx) -> None:
    for m in _run_re(ctx.lex).finditer(ctx.text):
        names = [(q.start() + 1, q.end() - 1) for q in re.finditer(r"“[^”]+”", m.group("run"))]
        names = [(m.start() + s, m.start() + e) for s, e in names]
        known = [e for s, t in names for e in ctx.entities_in(s, t) if e.kind.is_programme and e.span.start == s
                 and e.span.end == t]
        if len({e.kind for e in known}) != 1:
            continue
        kind, level = known[0].kind, known[0].level
        for s, t in names:
            if not ctx.entities_in(s - 1, t + 1):
                ctx.add(kind, ctx.text[s:t], s, t, level=level)
                ctx.claim(s, t)
