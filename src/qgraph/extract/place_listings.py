"""Places named to a programme, and counts of the group a place is one of.

``某领导小组命名甲县为“某省质量强县”`` and ``甲县被某办公室正式命名为“某省质量强县示范县”``: the place is the
programme's recipient (the naming verbs are ``data/lexicon/naming_verbs.txt``). ``某厅发布某省工业强县名单，
全省共10个，甲县位列其中``: the place after a word of being among (``among_words.txt``) is listed in the
programme its sentence named, and the count of the clause before is the programme's, not the place's.
``作为全省5个…地方之一``: a count of the higher level (全省, 全市, 全国) that the place is one of
(``group_count_tails.txt``) is that level's, not the document's place's — when the level can be told.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind, Listing, Ref
from .context import Ctx
from .group_sizes import RANKED_AMONG_RE
from .recipients import GRANT_RE

SCOPE_RE = re.compile(r"(?P<scope>全省|全市|全国)(?:共有|共计|共|有)?$")
QUOTED_RE = re.compile(r"[“\"](?P<name>[^“”\"]{2,30})[”\"]")
TITLE_END_RE = re.compile(r"(?:荣誉)?(?:称号)?(?:[，,。；;、）)\s]|$)")
"""What closes a title written without quotes: a break or 称号, not more words of a longer name."""


@per_lexicon
def _naming_re(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = lex.alternation("naming_verbs.txt")
    active = re.compile(rf"(?<!被)(?:{verbs})(?P<who>[^，,。；;“”\"被]{{2,20}}?)为")
    passive = re.compile(rf"被[^，,。；;“”\"]{{0,40}}?(?:{verbs})为")
    return active, passive


@per_lexicon
def _among_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile("(?:" + lex.alternation("among_words.txt") + ")")


@per_lexicon
def _tail_re(lex: Lexicon) -> re.Pattern[str]:
    tails = lex.alternation("group_count_tails.txt")
    return re.compile(rf"[^，,。；;\d]{{0,24}}?(?:{tails})")


def find_place_listings(ctx: Ctx) -> None:
    active, passive = _naming_re(ctx.lex)
    for m in active.finditer(ctx.text):
        prog = _quoted_programme(ctx, m.end())
        if prog is None:
            continue
        places = _places(ctx, m.start("who"), m.end("who"))
        if len(places) != 1:  # 命名甲市和乙市为“…”: several places, each an item of a list of places alone
            places = _joined_places(ctx, m.start("who"), m.end("who"))
        if not places and _points_back(ctx, m.group("who")):  # 甲县、乙区通过验收，拟命名上述县（市、区）为“…”
            places = _earlier_place_lists(ctx, m.start())
        for place in places:
            _list(ctx, prog, place, m.start(), m.end() + len(prog.name) + 2)
    for m in GRANT_RE.finditer(ctx.text):  # 授予甲县、乙县“某市质量强县”称号: places granted a title
        prog = _quoted_programme(ctx, m.end())
        if prog is None:
            continue
        places = _places(ctx, m.start("who"), m.end("who"))
        if len(places) != 1 or places[0].name[:2] != m.group("who").strip()[:2] \
                or ctx.resolve_place(m.group("who").strip()) is None:
            places = _joined_places(ctx, m.start("who"), m.end("who"))
        if not places and _points_back(ctx, m.group("who").strip()):  # 授予上述县（市、区）“…”称号
            places = _earlier_place_lists(ctx, m.start())
        for place in places:
            _list(ctx, prog, place, m.start(), m.end() + len(prog.name) + 2)
    for m in passive.finditer(ctx.text):
        start = ctx.last_of("，,。；;\n", 0, m.start()) + 1
        places = _places(ctx, start, m.start())
        prog = _quoted_programme(ctx, m.end())
        if places and prog is not None and ctx.text[start:m.start()].strip().endswith(places[-1].name[-2:]):
            _list(ctx, prog, places[-1], start, m.end() + len(prog.name) + 2)  # the place right before 被
    among = _among_re(ctx.lex)
    for m in among.finditer(ctx.text):
        sent = ctx.sentence_of(m.start())
        if sent is None:
            continue
        start = ctx.last_of("，,；;", sent.span.start, m.start()) + 1
        places = _listed_places(ctx, start, m.start())
        if not places:
            continue  # only places before the word: 甲县位列其中, 某市甲区、乙市榜上有名
        progs = [e for e in ctx.entities_in(sent.span.start, start) if e.kind.is_programme]
        if not progs:
            continue
        prog = progs[-1]
        year = re.search(r"(20\d{2})年度?$", ctx.text[max(0, prog.span.start - 6):prog.span.start])
        for place in places:
            _list(ctx, prog.ref, place, start, m.end(), year.group(1) if year else None)
        _group_count(ctx, prog.ref, prog.span.end, start)
    tail = _tail_re(ctx.lex)
    for i, o in enumerate(ctx.observations):
        scope = SCOPE_RE.search(ctx.text, max(0, o.span.start - 6), o.span.start)
        if scope is None or o.subject is None or o.subject.kind is not Kind.PLACE or ctx.home is None \
                or o.subject.name != ctx.home.name or not tail.match(ctx.text, o.span.end) \
                or RANKED_AMONG_RE.match(ctx.text, o.span.end):
            continue  # (在全国120个城市中高居首位: the size of a ranking's field, no count of the level)
        sent = ctx.sentence_of(o.span.start)
        named = [e for e in ctx.entities_in(sent.span.start, o.span.start) if e.kind.is_programme] if sent else []
        level = ctx.place_for_prefix(scope.group("scope"))
        if named:
            owner = named[-1].ref  # …名单公布，在全省40个上榜集群中: the list's size
        elif scope.group("scope") == "全国":
            owner = Ref(Kind.PLACE, "中华人民共和国")
        elif level is not None and level.name != ctx.home.name:
            owner = Ref(Kind.PLACE, level.name)
        else:
            continue  # the level cannot be told: the figure stays as the rules read it
        measure = re.sub(r"(?:" + ctx.lex.alternation("group_count_tails.txt", longest_first=False) + r")$", "", o.measure)
        ctx.observations[i] = replace(o, subject=owner, subject_inferred=False, measure=measure or o.measure,
                                      confidence=max(o.confidence, CONFIDENCE["carried"]))


def _points_back(ctx: Ctx, who: str) -> bool:
    """Whether the named ``who`` is a word pointing back (上述, 以上: ``back_reference_counts.txt``, two characters or
    more) and a head noun of places (``place_back_heads.txt``): 上述县（市、区）, 以上地区."""
    back = next((w for w in ctx.lex.words("back_reference_counts.txt", longest_first=True)
                 if len(w) >= 2 and who.startswith(w)), None)
    return back is not None and who[len(back):] in ctx.lex.words("place_back_heads.txt")


def _earlier_place_lists(ctx: Ctx, end: int) -> list[Ref]:
    """The places listed in the clauses of the sentence before ``end``, each list opening its clause and read
    up to the clause's verb (``甲县、乙市丙区、丁高新技术产业开发区通过创建验收，戊县通过复评``): an item is one place,
    a place inside its parent (the narrowest is kept) or a development zone named after a place (a place of
    its own, as written). A clause whose items are not all places gives none; fewer than two places, none; a
clause of places denying what it says of them (``丙市未通过验收``: ``place_list_negations.txt``), none at all."""
    sent = ctx.sentence_of(end)
    if sent is None:
        return []
    out: list[Ref] = []
    start = sent.span.start
    negations = ctx.lex.words("place_list_negations.txt")
    for clause in re.finditer(r"[^，,；;]+", ctx.text[start:end]):
        items = clause.group().split("、")
        if len(items) < 2 and out == []:
            continue  # a clause of one item: a list only after an earlier list of the same sentence
        pos = start + clause.start()
        got: list[Ref] = []
        for k, item in enumerate(items):
            s, e = pos, pos + len(item)
            pos = e + 1
            ref, stop = _place_item(ctx, s, e)
            if ref is None or (stop != e and k < len(items) - 1):
                got = []
                break
            got.append(ref)
        if got and any(w in clause.group() for w in negations):
            return []  # 丙市未通过验收: which places the grant is for cannot be told
        out += got
    return out if len(out) >= 2 else []


def _place_item(ctx: Ctx, s: int, e: int) -> tuple[Ref | None, int]:
    """The place an item of a list of places starting at ``s`` names, and where it ends (``<= e``)."""
    at, last = s, None
    while (nxt := next((x for x in ctx.entities_in(at, e) if x.kind is Kind.PLACE and x.span.start == at), None)) is not None:
        last, at = nxt, nxt.span.end
    zone = ZONE_ITEM_RE.match(ctx.text, at if last is not None else s, e)
    if zone is not None and zone.group().endswith(ctx.lex.words("zone_endings.txt")) and (
            last is not None or place_name_start(ctx, s, zone.end())):
        inner = [x for x in ctx.entities_in(s, zone.end()) if x.kind is Kind.PLACE]
        if inner:  # 某市某某产业园区: the city is part of the zone's name, no mention of its own
            ctx.replace_entities([x for x in ctx.entities if x not in inner])
        ent = ctx.add(Kind.PLACE, ctx.text[s:zone.end()], s, zone.end())  # 某高新技术产业开发区: the zone, as written
        ctx.claim(s, zone.end())
        return ent.ref, zone.end()
    return (last.ref, at) if last is not None else (None, s)


ZONE_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:经济技术开发区|高新技术产业开发区|经开区|高新区|开发区|新区|产业园区|工业园区)")


def place_name_start(ctx: Ctx, s: int, e: int) -> bool:
    """Whether a place's name (full or short, two or three characters) opens ``[s, e)``."""
    return any(ctx.resolve_place(ctx.text[s:s + n]) is not None for n in (3, 2) if s + n < e)


def _listed_places(ctx: Ctx, start: int, end: int) -> list[Ref]:
    """The places of ``[start, end)`` when it holds nothing else: items joined by 、, each one place or a place
    inside its parent (威海市环翠区 → 环翠区, the last and narrowest)."""
    out: list[Ref] = []
    pos = start
    for item in ctx.text[start:end].split("、"):
        s, e = pos, pos + len(item)
        pos = e + 1
        s += len(item) - len(item.lstrip())
        found = sorted((x for x in ctx.entities_in(s, e) if x.kind is Kind.PLACE), key=lambda x: x.span.start)
        covered, at = [], s
        for x in found:
            if x.span.start != at:
                break
            covered.append(x)
            at = x.span.end
        if not covered or at != e:
            if not found:
                places = _places(ctx, s, e)
                if places:
                    out.append(places[-1])
                    continue
            return []
        out.append(covered[-1].ref)
    return out


def _joined_places(ctx: Ctx, start: int, end: int) -> list[Ref]:
    """``甲市和乙市``, ``甲市、乙市及丙县``: the places of a list joined by 、 and a joining word
    (``data/lexicon/place_list_joiners.txt``) when every item is one place and nothing else — else none."""
    joiners = ctx.lex.words("place_list_joiners.txt", longest_first=True)
    text = ctx.text[start:end]
    out: list[Ref] = []
    pos = 0
    for item in re.split("|".join(map(re.escape, joiners)), text):
        s, e = start + pos, start + pos + len(item)
        pos += len(item)
        pos += next((len(j) for j in joiners if text.startswith(j, pos)), 0)
        found = [x for x in ctx.entities_in(s, e) if x.kind is Kind.PLACE]
        if len(found) == 1 and found[0].span.start == s and found[0].span.end == e:
            out.append(found[0].ref)
            continue
        info = ctx.resolve_place(item) if item and not found else None
        if info is None or info.name[:2] != item[:2]:
            return []
        out.append(Ref(Kind.PLACE, info.name))
    return out if len(out) >= 2 else []


def _places(ctx: Ctx, start: int, end: int) -> list[Ref]:
    found = [e.ref for e in ctx.entities_in(start, end) if e.kind is Kind.PLACE]
    if found:
        return found
    text = ctx.text[start:end].strip()
    info = ctx.resolve_place(text)
    return [Ref(Kind.PLACE, info.name)] if info is not None else []


def _quoted_programme(ctx: Ctx, pos: int) -> Ref | None:
    """The programme named right at ``pos``: in quotes (the whole quote), or unquoted as the rules found it."""
    q = QUOTED_RE.match(ctx.text, pos)
    if q is None:  # 被命名为全国质量强市示范城市: a programme the rules found, written without quotes
        found = [e for e in ctx.entities_in(pos, pos + 40) if e.kind.is_programme and e.span.start == pos
                 and TITLE_END_RE.match(ctx.text, e.span.end)]
        return found[0].ref if found else None  # (…示范城市创建城市: a candidate, no title)
    if ctx.text.startswith(tuple(ctx.lex.words("candidate_tails.txt")), q.end()):
        return None  # 被确定为“某示范城市”创建城市: a candidate, no holder
    if not TITLE_END_RE.match(ctx.text, q.end()):
        return None  # 确定甲市、乙市为“某省质量强县”争创单位: more words after the title, no holder of it
    found = [e for e in ctx.entities_in(q.start("name"), q.end("name")) if e.kind.is_programme
             and e.span.start == q.start("name") and e.span.end == q.end("name")]
    return found[0].ref if found else None


def _list(ctx: Ctx, prog: Ref, place: Ref, start: int, end: int, year: str | None = None) -> None:
    if any(x.programme == prog and place in x.recipients for x in ctx.listings):
        return
    ctx.listings.append(Listing(prog, (place,), ctx.span(start, min(end, len(ctx.text))), year=year))


def _group_count(ctx: Ctx, prog: Ref, after: int, before: int) -> None:
    """``…名单，全省共10个，甲县位列其中``: the count between the list and the place is the list's."""
    for i, o in enumerate(ctx.observations):
        if after <= o.span.start < before and o.subject is not None and o.subject.kind is Kind.PLACE \
                and SCOPE_RE.search(ctx.text, max(0, o.span.start - 6), o.span.start):
            measure = o.measure if o.measure not in ("数量", "") else prog.name
            ctx.observations[i] = replace(o, subject=prog, subject_inferred=False, measure=measure,
                                          confidence=max(o.confidence, CONFIDENCE["carried"]))
