"""Quoted names listed right before a verb of being listed: ``“某地早园笋”“某地紫笋茶”入选第二批某省区域公用
品牌名单``. Each quoted name is an item of the kind the programme's head says — what the list is a list of
(``data/lexicon/quoted_item_kinds.tsv``: 品牌 → a brand, 商标 → a trademark …; after it only the words of
a list, ``quoted_list_tails.txt``) — and is listed in it; a programme whose head says no kind
(``品牌建设典型案例``: cases) lists nothing (the quotes may be slogans). A quoted name that is a campaign
or an event (``…提升行动``, ``…质量月活动``; ``quoted_non_items.txt``) is no item of the kind.

Quoted names listed and closed by 等 whose clause ends with a kind word (``培育出“甲”、“乙”等为代表的一批特色
商标``) are items of that kind: the noun the clause ends with says what they are (the kind words of
``quoted_item_kinds.tsv``); a name the rules already know keeps its kind."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing
from .context import Ctx

__all__ = ["find_quoted_items"]

RUN_RE = re.compile(r"(?:“[^“”\s，,。；;]{2,12}”[、和及与]?){1,20}$")
ITEM_RE = re.compile(r"“(?P<name>[^“”\s，,。；;]{2,12})”")
VERB_RE = re.compile(r"(?:成功)?(?:入选|列入|纳入|上榜|荣登)")


@per_lexicon
def _kinds(lex: Lexicon) -> tuple[tuple[str, Kind], ...]:
    return tuple((row[0], Kind(row[1])) for row in lex.table("quoted_item_kinds.tsv", columns=2))


def _head_kind(lex: Lexicon, name: str) -> Kind | None:
    """The kind of item the programme ``name`` lists: the kind word at its head, followed by nothing but
    the words of a list (``quoted_list_tails.txt``): 区域公用品牌名单 → brands; 品牌建设典型案例 → none."""
    core = name.replace("“", "").replace("”", "")
    tails = lex.words("quoted_list_tails.txt", longest_first=True)
    cut = True
    while cut:
        cut = False
        for t in tails:
            if core.endswith(t) and len(core) > len(t):
                core, cut = core[:-len(t)], True
                break
    return next((k for w, k in _kinds(lex) if core.endswith(w)), None)


CLOSED_RUN_RE = re.compile(r"(?P<run>(?:“[^“”\s，,。；;]{2,12}”[、和及与]?){2,20})等(?P<rest>[^，,。；;“”]{0,20})(?=[，,。；;])")


def _rest_kind(lex: Lexicon, rest: str) -> Kind | None:
    """The kind the clause after a closed run ends with: its last kind word, or an earlier kind word (in the
    file's order) the last one qualifies (``注册为地理标志商标``, ``地理标志证明商标``: indications, not trademarks);
    before a verb of registration (``的商标获准注册``: ``mark_registered_verbs.txt``) the kind word is the clause's."""
    words = [w for w, _ in _kinds(lex)]
    registered = next((v for v in lex.words("mark_registered_verbs.txt", longest_first=True) if rest.endswith(v)), None)
    if registered is not None and rest[:-len(registered)].endswith(tuple(words)):
        rest = rest[:-len(registered)]  # 等一批商标获准注册: the kind, then the verb of its registration
    for word, kind in _kinds(lex):
        at = rest.rfind(word)
        if at != -1 and (at + len(word) == len(rest) or (len(rest) - at - len(word) <= 4
                                                          and rest.endswith(tuple(words)))):
            return kind
    return None


def _kind_lists(ctx: Ctx) -> None:
    for m in CLOSED_RUN_RE.finditer(ctx.text):
        kind = _rest_kind(ctx.lex, m.group("rest"))
        if kind is None:
            continue
        for item in ITEM_RE.finditer(ctx.text, m.start("run"), m.end("run")):
            s, e = item.start("name"), item.end("name")
            if ctx.entities_in(s, e) or any(w in item.group("name") for w in ctx.lex.words("quoted_non_items.txt")):
                continue
            known = next((x for x in ctx.entities if x.name == item.group("name")), None)
            ctx.add(known.kind if known is not None else kind, item.group("name"), s, e)  # a name known keeps its kind


def find_quoted_items(ctx: Ctx) -> None:
    _kind_lists(ctx)
    for v in VERB_RE.finditer(ctx.text):
        run = RUN_RE.search(ctx.text, max(0, v.start() - 300), v.start())
        if run is None:
            continue
        sent = ctx.sentence_of(v.start())
        end = sent.span.end if sent is not None else len(ctx.text)
        clause_end = next((i for i in range(v.end(), end) if ctx.text[i] in "，,；;。"), end)
        prog = next((e for e in ctx.entities_in(v.end(), clause_end) if e.kind.is_programme), None)
        if prog is None:
            continue
        kind = _head_kind(ctx.lex, prog.name)
        if kind is None:
            continue
        items = []
        for m in ITEM_RE.finditer(ctx.text, run.start(), run.end()):
            s, e = m.start("name"), m.end("name")
            known = next((x for x in ctx.entities_in(s, e) if x.span.start == s and x.span.end == e), None)
            if known is not None and known.kind.is_programme:
                items = []
                break  # a programme quoted before the verb: no list of items
            if known is None and any(w in m.group("name") for w in ctx.lex.words("quoted_non_items.txt")):
                continue  # “某地制造提升行动”: a campaign, no item of the kind
            items.append(known.ref if known is not None else ctx.add(kind, m.group("name"), s, e).ref)
        if items:
            ctx.listings.append(Listing(prog.ref, tuple(dict.fromkeys(items)), ctx.span(run.start(), prog.span.end),
                                        year=ctx.year))
