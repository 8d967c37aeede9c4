"""Qualifiers of a figure read from the words of its own clause.

* a way of taking part in, or a stage of, what is counted, written right before the counted noun
  (``主持制定国际标准2项``, ``目前正在申报地理标志产品3件``): the qualifier is that way or stage
  (``doing_qualifiers.tsv``);
* a kind of the whole counted before, after ``其中`` (``授权专利500件…；其中发明专利40件``): the figure is
  the whole's measure with the part's kind as its qualifier, when both nouns end in the same head (专利) and
  the part is no honour of the lexicon (``其中中国驰名商标2件`` counts the honour).
* a place's share of a programme's recipients (``某省的甲、乙等4个组织荣获某国家级奖``; the area
  ``listings.py`` reads): the place is also the figure's qualifier, so that the share stays apart from the
  programme's total even where the area is the document's own place — when the programme reaches wider
  than the place (its lexicon level, or the place its name opens with: 某省…名录 in a city); a programme
  of the place's own level, or of a reach not told, gets none.
"""

from __future__ import annotations

import re

import dataclasses

from ..model import Level, Observation, Sentence
from .context import Ctx
from .calibrate import SHARES
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


RANK = {Level.NATIONAL: 0, Level.PROVINCIAL: 1, Level.MUNICIPAL: 2, Level.COUNTY: 3, Level.TOWNSHIP: 4}


def _programme_rank(ctx: Ctx, name: str) -> int | None:
    """How wide programme ``name`` reaches: its lexicon level (the longest lexicon name it opens with), else
    the level of the place its name opens with (after a year: ``2025年度某省…名录``); None when not told."""
    known = max((p for n, p in ctx.lex.programmes.items() if name.startswith(n)), key=lambda p: len(p.name), default=None)
    if known is not None and known.level is not None:
        return RANK.get(known.level)
    rest = re.sub(r"^\d{4}年度?|^第[一二三四五六七八九十\d]+[届批]", "", name)
    for n in range(min(8, len(rest)), 1, -1):
        info = ctx.lex.place_named(rest[:n])
        if info is not None and info.admin_level is not None:
            return RANK.get(info.admin_level)
    return None


def mark_share_places(ctx: Ctx) -> None:
    """Give a place's share of a programme's recipients its place as the qualifier (see the module)."""
    shares = ctx.memo.get(SHARES, set())
    for i, o in enumerate(ctx.observations):
        if o.span.start not in shares or o.breakdown is not None or not o.place or o.subject is None \
                or not o.subject.kind.is_programme:
            continue
        info = ctx.lex.place_named(o.place)
        reach = _programme_rank(ctx, o.subject.name)
        if info is None or info.admin_level is None or reach is None or reach >= RANK.get(info.admin_level, 0):
            continue  # 某省的…获某省质量奖, a programme of unknown reach: no share told
        ctx.observations[i] = dataclasses.replace(o, breakdown=o.place)
