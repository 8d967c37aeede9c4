"""Honours a place holds, listed: ``某市先后荣获国家卫生城市、全国文明城市等荣誉称号``, ``积极争创某某示范城市、
某某试点城市``.

An item of a 、 list after a verb of winning or of striving (``place_honour_verbs.tsv``) that opens with a
level word (全国, 国家, 省级 …: ``levels.tsv``) or a place (中国, 某省) and ends as a title a place is given
(``place_honour_titles.txt``: 城市, 示范城市, 示范县 …) is an honour programme, when the list is closed by a word
of titles (``等…荣誉称号``) or holds two such items. After a verb of winning, the place named right before the
verb (or the report's own place, 我市) holds every item; the year is not told (``近年``), so none is given.
A list of titles read whole as one programme (``了甲、乙等一系列荣誉``) is no programme.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing, Ref
from .context import Ctx

__all__ = ["find_place_honour_lists"]

CLOSING_RE = re.compile(r"(?:等(?:一系列|多项|多个|[\d一二两三四五六七八九十]+(?:项|个))?)?(?:国家级|省级|市级|国字号)?(?:荣誉)?称号")


@per_lexicon
def _verbs(lex: Lexicon) -> dict[str, str]:
    """Verb → ``won`` (the place holds the titles) or ``strive`` (it works towards them)."""
    return {v: k for v, k in lex.table("place_honour_verbs.tsv", columns=2, header="verb")}


@per_lexicon
def _list_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, sorted(_verbs(lex), key=len, reverse=True)))
    item = r"[“\"]?[^\s，,。；;：:、“”\"等]{4,16}[”\"]?"
    return re.compile(rf"(?P<verb>{verbs})了?(?P<items>{item}(?:、{item})*)")


def _title(ctx: Ctx, item: str) -> bool:
    """Whether ``item`` names a title a place is given: a level word opening it, a place honour's ending."""
    if not item.endswith(ctx.lex.words("place_honour_titles.txt")):
        return False
    return item.startswith(tuple(w for w in ctx.lex.levels if len(w) >= 2)) or any(
        ctx.resolve_place(item[:n]) is not None for n in range(min(8, len(item) - 3), 1, -1))  # 中国优秀旅游城市


def find_place_honour_lists(ctx: Ctx) -> None:
    for m in _list_re(ctx.lex).finditer(ctx.text):
        items = []
        pos = m.start("items")
        for raw in m.group("items").split("、"):
            s, e = pos, pos + len(raw)
            pos = e + 1
            if raw[:1] in "“\"" and raw[-1:] in "”\"":
                s, e = s + 1, e - 1
            items.append((s, e))
        names = [ctx.text[s:e] for s, e in items]
        closed = CLOSING_RE.match(ctx.text, m.end("items")) is not None
        titled = [_title(ctx, n) for n in names]
        if not all(titled) or not (closed or len(items) >= 2):
            continue  # 荣获甲奖、乙公司…: not a list of a place's titles
        refs = []
        for (s, e), name in zip(items, names):
            known = next((x for x in ctx.entities_in(s, e) if x.kind.is_programme and x.span.start == s and x.span.end == e), None)
            if known is None:
                _drop(ctx, s, e)
                known = ctx.add(Kind.HONOUR, name, s, e, level=_level(ctx, name))
            ctx.claim(s, e)
            refs.append(known.ref)
        if closed:  # 了甲、乙等一系列荣誉: the list read as one programme's name is none
            _drop(ctx, m.start("verb"), CLOSING_RE.match(ctx.text, m.end("items")).end(), listed=True)
            ctx.listings[:] = [x for x in ctx.listings if "、" not in x.programme.name]
        if _verbs(ctx.lex)[m.group("verb")] != "won":
            continue
        holder = _holder(ctx, m.start("verb"))
        if holder is None:
            continue
        for ref in refs:
            if not any(x.programme == ref and holder in x.recipients for x in ctx.listings):
                ctx.listings.append(Listing(ref, (holder,), ctx.span(m.start("verb"), m.end("items"))))


def _drop(ctx: Ctx, start: int, end: int, *, listed: bool = False) -> None:
    """Forget programmes inside ``[start, end)`` (only those whose name holds a list, with ``listed``)."""
    keep = [x for x in ctx.entities if not (x.kind.is_programme and start <= x.span.start and x.span.end <= end
                                            and (not listed or "、" in x.name))]
    if len(keep) != len(ctx.entities):
        ctx.replace_entities(keep)


def _level(ctx: Ctx, name: str):
    word = next((w for w in sorted(ctx.lex.levels, key=len, reverse=True) if name.startswith(w)), None)
    return ctx.lex.levels.get(word) if word else None


def _holder(ctx: Ctx, verb: int):
    """The place holding the titles: a place named right before the verb (adverbs between: 先后, 已), or the
    report's own place written as 我市 / 本县."""
    lead = re.search(r"(?:先后|已经|已|还|曾|也|均|相继|连续)*$", ctx.text[max(0, verb - 8):verb])
    end = verb - (len(lead.group()) if lead else 0)
    place = next((x for x in ctx.ending_at(end) if x.kind is Kind.PLACE), None)
    if place is not None:
        return place.ref
    own = re.search(r"(?:我|本)(市|县|区|省)$", ctx.text[max(0, end - 2):end])
    if own is None:
        return None
    home = ctx.place_for_prefix(own.group(1))
    if home is None:
        return None
    ref = Ref(Kind.PLACE, home.name)
    if not ctx.has_ref(ref):  # the report's own place, written only as 我市: known, not a mention of its name
        ctx.add(Kind.PLACE, home.name, end - 2, end, level=home.admin_level,
                attributes=(("code", home.code), ("implicit", "true")))
    return ref
