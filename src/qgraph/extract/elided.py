"""Departments listed after one that names its place: ``县市场监管局、发改局、水务局、审批局等单位`` —
the later items elide the place the first one wrote (县), so each is a department of that place; a
later item writing the same place again before a short bureau name (``某市农牧局``) is one too.

An item is taken when it is a department form of ``departments.tsv`` (full or abbreviated, ending
in 局/委/办) or a short bureau name (``水务局``, up to six characters ending in 局) that writes no
place of its own. A Party committee's department (``县委宣传部``) is left to the body rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Entity, Kind
from .context import Ctx
from .dept_names import dept_name, party_offices

__all__ = ["ElidedItem", "elided_items", "elided_items_before", "find_elided_departments"]

BEFORE_ITEM_RE = re.compile(r"(?P<item>[\u4e00-\u9fff]{2,10}?(?:局|委|办))、$")
ITEM_RE = re.compile(r"(?P<sep>[、，,])(?P<item>[\u4e00-\u9fff]{2,10}?(?:局|委|办|部|厅))(?![长副党])")
"""An item after the placed department; a comma (a slip for 、 in many stored copies: ``质监局、农牧厅,工商局、…``)
joins only a department the lexicon knows by that short name, followed by the list's next 、."""
SHORT_BUREAU_RE = re.compile(r"[\u4e00-\u9fff]{1,7}局")
SHORT_COMMISSION_RE = re.compile(r"[\u4e00-\u9fff]{2,6}委")
"""``旅游发展委`` in a list after a placed department: that place's 旅游发展委员会."""
NOT_ELIDED_START = "省市县区州委中全各有相该本"


@dataclass(frozen=True, slots=True)
class ElidedItem:
    """A list item after a placed department: its span and the full name it stands for."""

    start: int
    end: int
    name: str
    place: str | None = None  # the item's own place, when not the placed department's (甲市、乙县市场监管局)


def _shared_ending_pair(ctx: Ctx, item: str) -> list[tuple[int, int, str]] | None:
    """``工商和食药监局``: two departments written with one ending after 和 / 及, each a short form the lexicon knows
    with that ending (工商局, 食药监局); their spans in ``item`` and the short forms."""
    for joiner in ("和", "及"):
        i = item.find(joiner)
        if i < 2:
            continue
        ending = item[-1]
        first, second = item[:i] + ending, item[i + 1:]
        if first in ctx.lex.dept_by_name and second in ctx.lex.dept_by_name:
            return [(0, i, first), (i + 1, len(item), second)]
    return None


def elided_items(ctx: Ctx, first: Entity) -> list[ElidedItem]:
    """The items listed right after the department ``first`` that elide its place."""
    place = ctx.lex.place_named(first.place) if first.place else None
    if first.kind is not Kind.DEPARTMENT:
        return []
    if place is None:
        return []
    out: list[ElidedItem] = []
    pos = first.span.end
    while (m := ITEM_RE.match(ctx.text, pos)) is not None:
        item, s, e = m.group("item"), m.start("item"), m.end("item")
        if m.group("sep") != "、" and (item not in ctx.lex.dept_by_name or ctx.text[e:e + 1] != "、"):
            break  # …市场监管局，农业局负责…: a new clause, not the list
        if item.startswith(place.name) and SHORT_BUREAU_RE.fullmatch(item[len(place.name):]) \
                and item[len(place.name):] not in ctx.lex.dept_by_name:
            out.append(ElidedItem(s, e, item))  # 某市工信局、某市农牧局: the place written again, a bureau
            pos = e
            continue
        if item[0] in NOT_ELIDED_START or ctx.resolve_place(item[:2]) is not None:
            break  # 县委…, 市…: the item writes a place (or a Party body) of its own
        dep = ctx.lex.dept_by_name.get(item)
        party = first.name.startswith("中共") and "委员会" in first.name
        pair = _shared_ending_pair(ctx, item)
        if pair is not None and not (party and item in party_offices(ctx.lex)):
            for a, b, written in pair:  # 工商和食药监局: two bureaus sharing one ending
                out.append(ElidedItem(s + a, s + b, dept_name(ctx.lex, ctx.lex.dept_by_name[written], place, written)))
            pos = e
            continue
        if party and item in party_offices(ctx.lex):  # 县委宣传部、网信办: the committee's office
            name = first.name[:first.name.index("委员会") + 3] + party_offices(ctx.lex)[item]
        elif party and dep is not None and dep.kind is Kind.DEPARTMENT:
            name = dept_name(ctx.lex, dep, place, item)  # 县委宣传部、发改委: the county government's department
        elif party:
            break
        elif dep is not None:
            name = dept_name(ctx.lex, dep, place, item)
        elif SHORT_BUREAU_RE.fullmatch(item):
            name = place.name + item
        elif SHORT_COMMISSION_RE.fullmatch(item) and not item.endswith(("党委", "市委", "县委", "区委", "州委")):
            name = place.name + item + "员会"
        else:
            break
        out.append(ElidedItem(s, e, name))
        pos = e
    return out


def elided_items_before(ctx: Ctx, placed: Entity) -> list[ElidedItem]:
    """Department forms of ``departments.tsv`` listed right before the placed department ``placed`` with no place
    of their own (``送发改委、县科工信局等单位会签``): the list's place is the one the placed item writes. Only forms
    of the word list, whole items from the list's start: a bare short bureau there (``某局、县甲局``) may be any
    place's, and a list opened mid-phrase stays unread. Only when the placed item's place is the report's own (or
    the report has none): before another place's bureau, the bare items may be the report's own."""
    place = ctx.lex.place_named(placed.place) if placed.place else None
    if placed.kind is not Kind.DEPARTMENT or place is None or placed.name.startswith("中共"):
        return []
    if ctx.home is not None and place.code != ctx.home.code:
        return []  # 财政局、教育局、乙市市场监管局 in a report of 甲市: the bare items are no 乙市's bureaus
    out: list[ElidedItem] = []
    pos = placed.span.start
    while (m := BEFORE_ITEM_RE.search(ctx.text, max(0, pos - 12), pos)) is not None:
        item = m.group("item")
        for k in range(len(item) - 1):  # the shortest tail that is a department form: 送发改委 → 发改委
            dep = ctx.lex.dept_by_name.get(item[k:])
            if dep is not None and len(item) - k >= 3:
                break
        else:
            break
        s = m.start("item") + k
        if item[k] in NOT_ELIDED_START:
            break
        out.append(ElidedItem(s, m.end("item"), dept_name(ctx.lex, dep, place, item[k:])))
        pos = s
    return out


PLACE_ITEM_RE = re.compile(r"(?P<item>[\u4e00-\u9fff]{2,8}?[市县区旗])(?:、|和|及)$")


def places_listed_before(ctx: Ctx, placed: Entity) -> list[ElidedItem]:
    """Places listed right before a placed department share its name (``甲市、乙县、丙县市场监管局负责同志``): each
    listed place's department of that kind. Only full names of places of the department's level or one below
    (a county-level list before a county's bureau), joined by 、 / 和 / 及 from the list's start."""
    if placed.kind is not Kind.DEPARTMENT or not placed.place or placed.name.startswith("中共"):
        return []
    place = ctx.lex.place_named(placed.place)
    if place is None or not ctx.text.startswith(place.name, placed.span.start):
        return []
    written = ctx.text[placed.span.start + len(place.name):placed.span.end]
    dep = ctx.lex.dept_by_name.get(written)
    if dep is None:
        return []
    out: list[ElidedItem] = []
    pos = placed.span.start
    while (m := PLACE_ITEM_RE.search(ctx.text, max(0, pos - 10), pos)) is not None:
        item = m.group("item")
        k = next((k for k in range(len(item) - 2) if ctx.resolve_place(item[k:]) is not None
                  and ctx.resolve_place(item[k:]).name == item[k:]), None)  # type: ignore[union-attr]
        if k is None:
            break
        info = ctx.resolve_place(item[k:])
        if info is None or info.level != place.level:
            break
        out.append(ElidedItem(m.start("item") + k, m.end("item"), dept_name(ctx.lex, dep, info, written), info.name))
        pos = m.start("item") + k
        if k > 0:
            break  # 会上甲市、…: the list's first item
    return out


def find_elided_departments(ctx: Ctx) -> None:
    """Add the departments listed after a placed one with its place elided (and those listed before it)."""
    for first in [x for x in ctx.entities if x.kind is Kind.DEPARTMENT and x.place]:
        for it in elided_items(ctx, first) + elided_items_before(ctx, first) + places_listed_before(ctx, first):
            if ctx.overlaps_claim(it.start, it.end) and not any(
                    x.kind is Kind.ORGANIZATION for x in ctx.entities_in(it.start, it.end)):
                continue
            dep = ctx.lex.dept_by_name.get(ctx.text[it.start:it.end])
            ctx.add(Kind.DEPARTMENT, it.name, it.start, it.end, aliases=(ctx.text[it.start:it.end],),
                    place=it.place or first.place, level=first.level,
                    attributes=(("en_body", dep.en),) if dep is not None and dep.en else ())
            ctx.claim(it.start, it.end)
