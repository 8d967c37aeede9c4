"""Parts of a check and figures that name no owner, as real bulletins write them.

``对67家食品生产企业的127个批次产品的抽查中，…``: the part of the report's check named by what was
checked — it qualifies its own numbers and those after it; ``…占不合格样品总量为：A 42.98%，…`` and
``…等8类食品抽检不合格率有所上升``: figures whose owner the sentence does not name.
"""

from __future__ import annotations

import re

from ..model import Kind, Ref, Sentence
from .context import Ctx

OBJECT_FRAME_RE = re.compile(
    r"(?:在)?对(?:\d+(?:家|个批次|批次|个))?(?P<obj>[^\d的，,。；;、：:（(]{2,10})(?:的)?(?:\d+个?批次)?(?:的)?(?:产品)?(?:的)?"
    r"(?:(?:抽查|抽检|监督抽查|监督抽检)中|[，,](?=抽查|抽检))")
"""``对67家食品生产企业的127个批次产品的抽查中，…`` / ``对3个批次工业产品的抽查中`` / ``对儿童服装，抽查…``:
a part of the check, named by what was checked; it governs its own numbers and those after it up to
the next part."""


def object_frame(ctx: Ctx, sent: Sentence, pos: int) -> tuple[int, str] | None:
    """The part of a check (``对…的抽查中``) governing the figure at ``pos``: (where it starts, its object)."""
    found = None
    for m in OBJECT_FRAME_RE.finditer(ctx.text, sent.span.start, sent.span.end):
        if m.start() > pos:
            break
        found = (m.start(), m.group("obj"))
    return found


CHANGED_ITEMS_RE = re.compile(r"[^，,。；;]{0,16}?有所(?:降低|下降|上升|提高|增加|减少|回落|好转)")
"""The rest of a clause saying the counted items moved (``…等8类食品抽检不合格率有所上升``)."""
SHARE_LIST_RE = re.compile(r"占[^，,。；;：:]{1,24}?(?:的比例|的比重)?(?:为|是|分别为)?[：:]")
"""A colon list of shares (``…占不合格样品总量为：A 42.98%，B 14.67%``)."""
ACTOR_MEASURE_RE = re.compile(r"(?:局|委|中心|院|所)[^，,、]{0,4}(?:抽检|抽查|检验|检测)了?$")
PART_HEAD_RE = re.compile(r"企业|经营户|单位|商户|门店")


def checked_measure(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit):
    """The measure and unit of the figure at ``pos`` when the words before it are no measure: the body
    that checks (``某局共抽检了402个批次``), a count of batches written with 个 (``合格批次106个``), or a
    number inside a part of a check (``对67家食品生产企业的127个批次…``: 企业, 批次)."""
    if ACTOR_MEASURE_RE.search(measure):
        measure = unit.measure
    if unit.unit == "Ge" and measure.endswith("批次"):
        unit = next((u for u in ctx.lex.units if u.unit == "Pici"), unit)
    inside = next((f for f in OBJECT_FRAME_RE.finditer(ctx.text, sent.span.start, sent.span.end)
                   if f.start() < pos < f.end()), None)
    if inside is not None:
        head = PART_HEAD_RE.search(inside.group("obj"))
        measure = head.group() if head and unit.unit == "Jia" else unit.measure
    return measure, unit


def check_of_part(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """The check named before a part of a check (``对…的抽查中``) governing the figure at ``pos``."""
    if object_frame(ctx, sent, pos) is None:
        return None
    prior = [e for e in ctx.entities if e.kind in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION) and e.span.end <= pos]
    return max(prior, key=lambda e: e.span.start).ref if prior else None
