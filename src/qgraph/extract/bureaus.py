"""Acting bureaus: a figure that a bureau's own clause reports is the bureau's, or its place's.

Three shapes, each read from the clause that names the bureau right before the check it did:

* a bureau's own share of the checks (``市市场监管局完成的4068批次抽检中，不合格样品82批次``): the figures
  of that clause and of the clauses after it in the sentence are the bureau's (an organisation as
  subject), not the document's place's — up to a clause opening on the whole place or another level
  (``…，全市食品抽检总体合格率为97.9%``, ``…，县级完成抽检5600批次``), whose figures are not the bureau's;
* a bureau of another place doing a check (``某省某市某区市场监管局抽检食品210批次，合格率98.1%``): the
  place inside its name is the figure's — the figures are that place's (as a district's result inside a
  city report is the district's), and that place is where they were counted;
* the share of the report's own bureau written short (``市局完成的…抽检中``), when the report names that
  bureau in full elsewhere: the bureau's;
* in both, and for the document's own bureau, the bureau's name and the check verb are no part of the
  measure (``市市场监管局抽检食品`` → 批次, the product as a category).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Entity, Kind, Ref, Sentence
from .context import Ctx
from .indexes import level_words

BUREAU_KINDS = frozenset({Kind.DEPARTMENT, Kind.GOVERNMENT_BODY})
CHECK_VERB = r"(?:监督抽检|监督抽查|抽检|抽查|检查|检测)"
SHARE_RE = re.compile(r"(?:本级|自身)?(?:完成|组织|开展|承担|实施)(?:了)?的(?P<n>[\d.]+(?:万)?)[^\d，,；;。]{0,4}?"
                      r"(?:[^，,；;。\d]{0,8}?)" + CHECK_VERB + r"(?:任务)?中[，,]")
ACTS_RE = re.compile(r"(?:共|已|累计|全年)?(?:组织)?(?:开展)?" + CHECK_VERB)
MEASURE_RE = re.compile(r"(?:局|^本次|^此次|^)(?:共|已|累计)?" + CHECK_VERB + r"(?:共)?(?:抽取|抽检|检验|检测)?(?:了)?"
                        r"(?P<rest>[\u4e00-\u9fff]{0,10})$")


@dataclass(frozen=True, slots=True)
class Acting:
    subject: Ref
    place: str | None
    """Where the figure was counted: the bureau's place."""
    total_at: int = -1
    """Where the share's own total is written (``完成的4068批次``): that figure is the bureau's even when a
    check is the subject of the figures after it."""


def _bureaus(ctx: Ctx, start: int, pos: int) -> list[Entity]:
    return [e for e in ctx.entities_in(start, pos) if e.kind in BUREAU_KINDS]


def _others(ctx: Ctx, start: int, pos: int) -> bool:
    """A place or organisation written between ``start`` and ``pos`` (not one the rules only implied)."""
    return any((e.kind is Kind.PLACE and e.span.text == e.name) or e.kind.is_organization
               for e in ctx.entities_in(start, pos))


OTHER_LEVEL_RE = re.compile(r"[，,；;](?:其中|而|另外)?[，,]?(?P<w>各(?:县区|区县|县|区|市|地)|[省市县区乡镇]级)")


def _share_ends(ctx: Ctx, start: int, pos: int, own: str | None) -> str | None:
    """The words opening a clause between ``start`` and ``pos`` on the whole place or another level
    (``…中，不合格样品82批次，全市食品抽检总体合格率…``, ``…，县级完成抽检5600批次``): the bureau's share
    ends there (``own``: the bureau's level, 市 — its own 市级 goes on); else None."""
    words = tuple(level_words(ctx.lex))
    for m in re.finditer(r"[，,；;](?:其中|而|另外)?[，,]?", ctx.text[start:pos]):
        after = ctx.text[start + m.end():pos]
        if after.startswith(words):
            return next(w for w in words if after.startswith(w))
        lv = OTHER_LEVEL_RE.match(ctx.text, start + m.start(), pos)
        if lv is not None and lv.group("w") != f"{own}级":
            return lv.group("w")
    return None


def others_share(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """``市局完成的4068批次抽检中，…，各县区共完成抽检8200批次``: ``pos`` follows a bureau's share that ended
    at the shares of others together (各县区) — a part of the check no tier names; the caller marks it
    inferred."""
    for b in _bureaus(ctx, sent.span.start, pos):
        share = SHARE_RE.match(ctx.text, b.span.end)
        if share is not None and share.start("n") <= pos:
            ended = _share_ends(ctx, share.end(), pos, _level(b.place))
            return ended is not None and ended.startswith("各")
    for m in SHORT_SHARE_RE.finditer(ctx.text, sent.span.start, pos):
        share = SHARE_RE.match(ctx.text, m.end())
        if share is not None and share.start("n") <= pos:
            ended = _share_ends(ctx, share.end(), pos, m.group("lv"))
            return ended is not None and ended.startswith("各")
    return False


def _level(place: str | None) -> str | None:
    return place[-1] if place and place[-1] in "省市县区" else None


def acting_bureau(ctx: Ctx, sent: Sentence, pos: int) -> Acting | None:
    """The bureau whose own share or check a figure at ``pos`` reports, as subject, else None."""
    home = ctx.home.name if ctx.home is not None else None
    for b in reversed(_bureaus(ctx, sent.span.start, pos)):
        between = ctx.text[b.span.end:pos]
        share = SHARE_RE.match(ctx.text, b.span.end)
        if share is not None and share.start("n") <= pos:
            if _others(ctx, share.end(), pos) or _share_ends(ctx, share.end(), pos, _level(b.place)):
                return None  # another subject named after the share's clause, or the whole place, or another level
            return Acting(b.ref, b.place, share.start("n"))
        if ACTS_RE.match(ctx.text, b.span.end) and b.place and b.place != home and not re.search(r"[；;]", between):
            if _others(ctx, b.span.end, pos):
                return None  # a place or organisation named after the bureau speaks for itself
            return Acting(Ref(Kind.PLACE, b.place), b.place)
        return None  # the nearest bureau does something else: no frame of a bureau
    return _short_named_share(ctx, sent, pos)


SHORT_SHARE_RE = re.compile(r"(?<![\u4e00-\u9fff\w])(?:其中[，,]?)?(?P<lv>[省市县区])局(?=(?:本级|自身)?(?:完成|组织|开展|承担|实施))")


def _short_named_share(ctx: Ctx, sent: Sentence, pos: int) -> Acting | None:
    """``市局完成的4068批次抽检中，…``: the share of the report's own market-regulation bureau, written
    short, when the report names that bureau in full elsewhere (else no subject is made up)."""
    if ctx.home is None:
        return None
    for m in SHORT_SHARE_RE.finditer(ctx.text, sent.span.start, pos):
        share = SHARE_RE.match(ctx.text, m.end())
        if share is None or share.start("n") > pos or _others(ctx, share.end(), pos) \
                or _share_ends(ctx, share.end(), pos, m.group("lv")):
            continue
        if not ctx.home.name.endswith(m.group("lv")):
            return None  # 市局 in a province's report: which city's bureau, cannot be told
        full = {e.ref for e in ctx.entities if e.kind is Kind.DEPARTMENT and e.name.startswith(ctx.home.name)
                and e.name.endswith(("市场监督管理局", "市场监管局"))}
        return Acting(full.pop(), ctx.home.name, share.start("n")) if len(full) == 1 else None
    return None


def bureau_measure(measure: str) -> tuple[bool, str | None]:
    """(cut, product): a measure that reads the bureau's name and its check verb (``市场监管局抽检食品``)
    is cut; the product checked, if any, is returned to be a category of the figure."""
    m = MEASURE_RE.search(measure)
    if m is None or "合格" in m.group("rest"):
        return False, None
    rest = re.sub(r"(?:样品|产品)$", "", m.group("rest")) if len(m.group("rest")) > 3 else m.group("rest")
    return True, rest if len(rest) >= 2 else None


def short_share_total(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """``市局完成的4068批次抽检中``: ``pos`` is the total of a share whose short-named bureau could not be
    told — a part of the check, not the check's total; the caller marks it inferred."""
    for m in SHORT_SHARE_RE.finditer(ctx.text, sent.span.start, pos + 1):
        share = SHARE_RE.match(ctx.text, m.end())
        if share is not None and share.start("n") == pos:
            return True
    return False
