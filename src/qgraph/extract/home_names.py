"""A gathering named after the report's own place by 全市 / 全省 / 全县 / 全区 (``召开全市质量大会``,
``2024年全省质量大会``) is named with the place restored (``某市质量大会``), as departments written
``市市场监管局`` are; the written form stays an alias. 全国 is left as written."""

from __future__ import annotations

import re

from .context import Ctx

__all__ = ["restore_home"]

HOME_LEAD_RE = re.compile(r"(?P<year>(?:19|20)\d{2}年度?)?(?P<home>全市|全省|全县|全区|全州|全盟)")


def restore_home(ctx: Ctx, name: str) -> str:
    """``name`` with a leading 全市 / 全省 … replaced by the place it stands for (``name`` if none)."""
    m = HOME_LEAD_RE.match(name)
    if m is None or len(name) - m.end() < 2:
        return name
    place = ctx.place_for_prefix(m.group("home"))
    if place is None or not place.name.endswith(m.group("home")[1]):
        return name
    return (m.group("year") or "") + place.name + name[m.end():]
