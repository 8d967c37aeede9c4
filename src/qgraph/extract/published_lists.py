"""Cultivation lists published by a province: ``某省市场监督管理局公布了第二批质量强县（区、镇）培育建设城市
名单，某县成功入选``; ``我省第二批质量强县培育名单公布``.

An unquoted list name with 培育 in it, ending in 名单 or 库, right after a verb of publishing whose
publisher is a body of a province (or after 我省 / 本省 / 全省), is that province's cultivation pool
(广东省质量强县（区、镇）培育建设城市名单); the batch is no part of the name. A place selected into it
(``某县成功入选``) is then listed by the listing rules.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..model import Kind
from .context import Ctx

__all__ = ["find_published_lists"]

NAME = r"(?P<name>[^\s，,。；;：:“”\"《》\d]{2,24}?培育[^\s，,。；;：:“”\"《》\d]{0,8}?(?:名单|库))"
BATCH = r"(?:\d{4}年度?)?(?:第[一二三四五六七八九十\d]+批|首批)?"
OWN_PROVINCE_RE = re.compile(r"(?:我省|本省|全省)" + BATCH + NAME)


@per_lexicon
def _published_re(lex: Lexicon) -> re.Pattern[str]:
    """A verb of publishing (``publishing_verbs.txt``: 公布, 印发 …), the batch and the list's name."""
    verbs = lex.alternation("publishing_verbs.txt")
    return re.compile(rf"(?:{verbs})了?" + BATCH + NAME)


def _province(ctx: Ctx, name: str) -> PlaceInfo | None:
    for n in range(min(8, len(name)), 1, -1):
        info = ctx.resolve_place(name[:n])
        if info is not None:
            return info if info.level == "province" else None
    return None


def find_published_lists(ctx: Ctx) -> None:
    found: list[tuple[int, int, PlaceInfo]] = []
    for m in _published_re(ctx.lex).finditer(ctx.text):
        publisher = next((e for e in ctx.ending_at(m.start()) if e.kind.is_organization), None)
        province = _province(ctx, publisher.name) if publisher is not None else None
        if province is not None:
            found.append((m.start("name"), m.end("name"), province))
    for m in OWN_PROVINCE_RE.finditer(ctx.text):
        if ctx.province is not None:
            found.append((m.start("name"), m.end("name"), ctx.province))
    for s, e, province in found:
        name = ctx.text[s:e]
        if ctx.overlaps_claim(s, e) or name.startswith(("国家", "全国", "中国")) or ctx.resolve_place(name[:2]):
            continue  # a national list, or one named with its place: the other rules'
        ctx.add(Kind.CULTIVATION_POOL, province.name + name, s, e, level=province.admin_level)
        ctx.claim(s, e)
