"""Winners counted after a notice that publishes a programme's list:
``某局印发了《关于发布2023年度某名品名单的通告》，发布了73家获评企业的产品``.

The notice's title names the programme (between 发布 / 公布 / 公示 and 名单, after its year and batch); when
the document names that programme elsewhere, a count of winners (a measure with a word of winning,
``notice_winner_words.txt``: 获评, 获奖, 入选 …) later in the same sentence is the programme's, in the
year the title gives — not a stock of the document's place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind
from .context import Ctx

__all__ = ["find_notice_lists"]

TITLE_RE = re.compile(r"(?:关于)?(?:发布|公布|公示)(?:了)?(?P<year>\d{4})?(?:年度?)?(?:首批|第[一二三四五六七八九十\d]+批)?"
                      r"[“\"]?(?P<name>[^“”\"《》]{2,16}?)[”\"]?(?:品牌)?名单")


@per_lexicon
def _winner_words(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("notice_winner_words.txt", longest_first=True)


def find_notice_lists(ctx: Ctx) -> None:
    programmes = {e.name: e for e in ctx.entities if e.kind.is_programme}
    for policy in [e for e in ctx.entities if e.kind is Kind.POLICY]:
        m = TITLE_RE.search(policy.name)
        if m is None or m.group("name") not in programmes:
            continue
        prog = programmes[m.group("name")]
        sent = ctx.sentence_of(policy.span.start)
        if sent is None:
            continue
        year = m.group("year")
        for i, o in enumerate(ctx.observations):
            if not (policy.span.end <= o.span.start < sent.span.end) or o.unit not in ("Jia", "Ge", "Xiang", "Jian"):
                continue
            if o.subject is not None and o.subject.kind is not Kind.PLACE:
                continue
            if not any(w in (o.measure or "") for w in _winner_words(ctx.lex)):
                continue
            ctx.observations[i] = replace(o, subject=prog.ref, subject_inferred=False, period=year or o.period,
                                          confidence=max(o.confidence, CONFIDENCE["named"]))
