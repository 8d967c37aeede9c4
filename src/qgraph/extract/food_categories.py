"""Product-category lists that hold a national food-sampling category whose name itself holds 、, 和
or 及 (``粮食加工品、食用油、油脂及其制品、调味品``): the lexicon category is one item, never cut; a
modifier written before a category (``较大的``, ``主要是``) is no part of its name; an item that joins a
lexicon category to another product with 和/及 (``食用农产品和食用油``) is two items, not one."""

from __future__ import annotations

from .context import Ctx


_BY_FIRST: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}


def _by_first(categories: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The lexicon categories holding 、/和/及 by their first character, in lexicon order (longest
    first), made once per lexicon: a position is only compared with the words starting with its character."""
    known = _BY_FIRST.get(id(categories))
    if known is not None and known[0] is categories:
        return known[1]
    index: dict[str, list[str]] = {}
    for w in categories:
        if any(c in w for c in "、和及"):
            index.setdefault(w[0], []).append(w)
    out = {c: tuple(ws) for c, ws in index.items()}
    _BY_FIRST[id(categories)] = (categories, out)
    return out


def _reach(categories: tuple[str, ...]) -> int:
    """How far into a category of :func:`_by_first` its first 、/和/及 lies, at most."""
    known = _REACH.get(id(categories))
    if known is not None and known[0] is categories:
        return known[1]
    reach = max((min(w.find(c) for c in "、和及" if c in w) for ws in _by_first(categories).values() for w in ws), default=0)
    _REACH[id(categories)] = (categories, reach)
    return reach


_REACH: dict[int, tuple[tuple[str, ...], int]] = {}


def protected(ctx: Ctx, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of lexicon categories holding 、/和/及 found in ``text[start:end]``, leftmost-longest."""
    text, out, pos = ctx.text, [], start
    by_first = _by_first(ctx.lex.food_categories)
    reach = _reach(ctx.lex.food_categories)
    while pos < end:
        sep = ctx.first_of("、和及", pos, end)  # every word holds one, at most ``reach`` after its start
        if sep == -1:
            break
        pos = max(pos, sep - reach)
        words = by_first.get(text[pos], ())
        hit = next((w for w in words if text.startswith(w, pos) and pos + len(w) <= end), None) if words else None
        if hit is None:
            pos += 1
            continue
        out.append((pos, pos + len(hit)))
        pos += len(hit)
    return out


def split_list(ctx: Ctx, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a ``、``-separated list in ``text[start:end]``, a 、 inside a lexicon category kept."""
    keep = protected(ctx, start, end)
    out, s = [], start
    for pos in range(start, end):
        if ctx.text[pos] == "、" and not any(a < pos < b for a, b in keep):
            out.append((s, pos))
            s = pos + 1
    out.append((s, end))
    return out


def merge_items(ctx: Ctx, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``、``-split spans, joined again where a 、 falls inside a lexicon category."""
    if len(spans) < 2 or not ctx.lex.food_categories:
        return spans
    keep = protected(ctx, spans[0][0], spans[-1][1])
    if not keep:
        return spans
    out = [spans[0]]
    for s, e in spans[1:]:
        if any(a < s - 1 < b for a, b in keep):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def strip_modifier(ctx: Ctx, s: int, e: int) -> int:
    """Where a listed category starts after a modifier written before it (``较大的乳制品`` → 乳制品)."""
    for w in ctx.lex.category_modifiers:
        if ctx.text.startswith(w, s) and e - s - len(w) >= 2:
            return s + len(w)
    return s


def split_joined(ctx: Ctx, s: int, e: int) -> list[tuple[int, int]]:
    """``食用农产品和食用油`` → 食用农产品, 食用油: an item joining a lexicon category to another product
    with 和/及 is two items; a lexicon category holding 和/及 itself (薯类和膨化食品) stays whole, and so
    does a name whose second part points back to the first (饮料及其制品, 调味品及相关产品)."""
    item = ctx.text[s:e]
    if item in ctx.lex.food_categories:
        return [(s, e)]
    for w in ctx.lex.food_categories:
        for sep in "和及":
            if item.startswith(w + sep) and len(item) - len(w) - 1 >= 2 and item[len(w) + 1] not in "其相":
                return [(s, s + len(w)), (s + len(w) + 1, e)]
            if item.endswith(sep + w) and len(item) - len(w) - 1 >= 2:
                return [(s, e - len(w) - 1), (e - len(w), e)]
    return [(s, e)]


def category_items(ctx: Ctx, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Listed category spans made whole: lexicon categories joined, modifiers stripped, joined pairs split."""
    out: list[tuple[int, int]] = []
    for s, e in merge_items(ctx, spans):
        out.extend(split_joined(ctx, strip_modifier(ctx, s, e), e))
    return out
