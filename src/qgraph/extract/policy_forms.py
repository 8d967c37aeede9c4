"""One policy written short and in full: ``《质量强省建设纲要》…《某省质量强省建设纲要》``.

A policy whose name is another policy's name less the place opening it is that policy written without its
place — when the short name speaks of the place's own level (``强省`` for a province, ``市`` for a city,
``县`` for a county), so that a national document (《质量强国建设纲要》) never becomes a province's."""

from __future__ import annotations

from ..model import Entity, Kind, Ref
from .context import Ctx
from .dedupe import apply_names

__all__ = ["merge_policy_place_forms"]

LEVEL_CHAR = {"province": "省", "prefecture": "市", "county": "县"}


def merge_policy_place_forms(ctx: Ctx) -> None:
    policies = [e for e in ctx.entities if e.kind is Kind.POLICY]
    names = {e.name for e in policies}
    mapping: dict[Ref, Entity] = {}
    for e in policies:
        fulls = set()
        for full in names:
            if full == e.name or not full.endswith(e.name):
                continue
            info = ctx.resolve_place(full[:-len(e.name)])
            if info is not None and info.name == full[:-len(e.name)] and LEVEL_CHAR.get(info.level, "?") in e.name:
                fulls.add(full)
        if len(fulls) == 1:
            target = fulls.pop()
            mapping[e.ref] = next(p for p in policies if p.name == target)
    apply_names(ctx, mapping)
