"""A blank left in a form (``（）某县县长质量奖``, ``（  ）``) is no part of a name: every entity whose
name holds an empty bracket pair is named without it, and its facts follow."""

from __future__ import annotations

import re
from dataclasses import replace

from .context import Ctx
from .dedupe import _apply

EMPTY_BRACKETS_RE = re.compile(r"[（(][\s_＿　]*[)）]")


def strip_blank_brackets(ctx: Ctx) -> None:
    """Name every entity without the empty brackets its name holds (at least 2 characters left)."""
    mapping = {}
    for e in ctx.entities:
        clean = EMPTY_BRACKETS_RE.sub("", e.name).strip()
        if clean != e.name and len(clean) >= 2:
            lead = EMPTY_BRACKETS_RE.match(e.span.text)
            s0 = e.span.start + lead.end() if lead else e.span.start
            e0 = s0 + len(clean) if ctx.text[s0:s0 + len(clean)] == clean else e.span.end
            span = ctx.span(s0, e0) if lead else e.span
            mapping[e.ref] = replace(e, name=clean, span=span)
    if not mapping:
        return
    _apply(ctx, mapping)
    spans = {v.ref: v.span for v in mapping.values()}
    ctx.replace_entities([replace(e, aliases=tuple(a for a in e.aliases if not EMPTY_BRACKETS_RE.search(a)),
                                  span=spans[e.ref] if e.ref in spans and e.span.text.startswith(("（", "(")) else e.span)
                          for e in ctx.entities])
