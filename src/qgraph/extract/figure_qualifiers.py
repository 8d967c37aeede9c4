"""Qualifiers of a figure read from the words of its own clause.

* a way of taking part in, or a stage of, what is counted, written right before the counted noun
  (``主持制定国际标准2项``, ``目前正在申报地理标志产品3件``): the qualifier is that way or stage
  (``doing_qualifiers.tsv``);
* a kind of the whole counted before, after ``其中`` (``授权专利500件…；其中发明专利40件``): the figure is
  the whole's measure with the part's kind as its qualifier, when both nouns end in the same head (专利) and
  the part is no honour of the lexicon (``其中中国驰名商标2件`` counts the honour).
"""

from __future__ import annotations

import re

from ..model import Observation, Sentence
from .context import Ctx
from .periods import clause_start
from .statistics_shapes import NEW_LEAD_RE

COUNTED_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{2,12}\d+(?:\.\d+)?[\u4e00-\u9fff]{1,2}")
"""An item of a list counted before the figure's own (``国家标准3项``)."""


def doing_qualifier(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> str | None:
    """The qualifier of the way or stage written right before the counted noun ``measure`` in the clause
    of the figure at ``pos`` (``主持制定国际标准2项`` → 主持制定), else None."""
    cs = clause_start(ctx, sent, pos)
    clause = ctx.text[cs:pos]
    for word, label in ctx.lex.table("doing_qualifiers.tsv", columns=2, header="word"):
        i = clause.rfind(word)
        if i < 0 or i > 0 and clause[i - 1] in "或和及与、":
            continue  # 主导或参与制定国家标准5项: either way, the whole count
        *items, rest = clause[i + len(word):].split("、")
        if not all(COUNTED_ITEM_RE.fullmatch(x) for x in items):
            continue  # 主导制定国家标准3项、行业标准5项: each counted item of the list after the word is of that way
        if rest and measure and (rest == measure or rest.endswith(measure) and len(rest) - len(measure) <= 2):
            return label  # the word, then (at most a short modifier and) the counted noun
    return None


def kind_of_whole(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit: str,
                  before: list[Observation]) -> tuple[str, str] | None:
    """(whole's measure, part's kind) for ``其中发明专利40件`` after ``授权专利500件`` in the same sentence:
    the part is a kind of the whole when the two nouns end in the same two-character head; else None."""
    cs = clause_start(ctx, sent, pos)
    while cs < pos and ctx.text[cs].isspace():
        cs += 1
    lead = next((w for w in ctx.lex.words("breakdown_leads.txt", longest_first=True) if ctx.text.startswith(w, cs)), None)
    if lead is None or ctx.text[cs + len(lead):pos] != measure:
        return None  # only the part's noun written right after 其中, then its count
    if ctx.lex.programmes.get(measure) is not None:
        return None  # 注册商标…，其中中国驰名商标2件: an honour some of them hold, counted as itself
    wholes = [o for o in before if o.unit == unit and sent.span.start <= o.span.start and o.span.end <= cs]
    whole = max(wholes, key=lambda o: o.span.start, default=None)
    if whole is None or whole.breakdown is not None:
        return None
    core = NEW_LEAD_RE.sub("", whole.measure)
    if len(core) < 3 or len(measure) < 3 or measure == core or measure.endswith(core) or core.endswith(measure) \
            or measure[-2:] != core[-2:] or NEW_LEAD_RE.match(measure):
        return None
    return whole.measure, measure
