"""The year of a review section: a heading on a line of its own that names a year under review
(``一、2022年工作回顾``, ``2023年主要工作成效``, ``第一部分 2024年某市质量工作总结`` — words between the year and the
review word only when the review word ends the line; words of ``data/lexicon/review_heading_words.txt``) dates the
paragraphs under it that name no time of their own (``——后劲增强。…某县获某奖提名奖2个。``), until the
next numbered heading of the same rank (``二、2023年工作安排``).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .context import Ctx
from .periods import Period, Reference

NUMBERED_HEADING_RE = re.compile(r"\s*[一二三四五六七八九十]{1,3}[、．.]")
"""A top-level numbered heading (``二、…``): it ends the section above."""
MAX_HEADING = 30


@per_lexicon
def _review_heading_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("review_heading_words.txt") or "(?!)"
    return re.compile(rf"(?:(?P<y>20\d{{2}})年度?|(?P<rel>去年|上年|过去一年))(?:(?:的)?(?:{words})"
                      rf"|[\u4e00-\u9fff]{{1,8}}?(?:{words})\s*$)")  # 2024年某市质量工作总结: the whole heading


def section_year(ctx: Ctx, ref: Reference, sent: Sentence, current: Period | None) -> Period | None:
    """The review section's year governing the paragraph that ``sent`` opens: a new one when ``sent``'s line is a
    review heading, none when it is another numbered heading, else ``current``."""
    start = ctx.text.rfind("\n", 0, sent.span.start) + 1
    end = ctx.text.find("\n", sent.span.start)
    line = ctx.text[start:end if end != -1 else len(ctx.text)]
    if len(line.strip()) > MAX_HEADING or re.search(r"[。；;！？，,]", line):
        return current
    m = _review_heading_re(ctx.lex).search(line)
    if m is not None:
        year = m.group("y") or (str(int(ref.now) - 1) if ref.now else None)
        return Period(year, m.group(), start + m.start()) if year else None
    if NUMBERED_HEADING_RE.match(line):
        return None
    return current
