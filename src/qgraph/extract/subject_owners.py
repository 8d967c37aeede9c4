"""Whose figure it is when the rules gave it to a name that only stands beside the true subject:

- **held marks**: a programme whose name ends in a mark's head (``held_mark_heads.txt``: 中国驰名商标, 地理标志
  专用标志) given a figure whose measure ends in the same head (``驰名商标总数达到9件``, ``全省拥有地理标志商标
  300件``) with a word of holding before it (``held_mark_stock_words.txt``) and none of granting or approving in
  its clause (``held_mark_grant_words.txt``: 去年全省认定某省著名商标300件 and 累计获批使用某专用标志900件 stay
  the programme's, as counts of listed or certified items and their running totals do): the figure counts the
  marks a place holds, not the programme's listed items. It goes to the place
  the sentence names before it (a place, or the report's own word 全省 / 我市), vouched; else to the report's
  place, inferred;
- **an actor's place**: a place that heads an acting body's name (``某省质量工作委员会办公室命名…``;
  ``actor_name_endings.txt``), other than the report's place, given a count: the count is of what the actor names
  — the programme named in the sentence before the figure, when there is one (``…为“某省示范市(县)”，成为…两个
  县``), else the figure is inferred;
- **a higher place glued to the measure**: the report's province (or city), written short and run into the
  measure (``全市…制定某省制造标准40项``: the province names the standard), is no subject: the figure is the report's
  place's when the sentence speaks of it (全市, its name), else inferred;
- **a list's count**: a count the rules gave to the report's place only by inference, followed in its clause by
  what is counted and a verb of entering, applying for or winning a list or award (``check_foreign_verbs.txt``)
  and then the programme's name (``3家企业申报2022年全国质量标杆``, ``6家企业入选某省质量标杆``; a list no rule knew, whose name ends the clause:
  ``6家企业15个产品入列某创新产品推荐目录``): the programme's figure, the place its area
  (``data/eval/README.md``: counts of listed items take the programme, also a place's share);
- **a place as an actor's scope**: a place named in the figure's sentence only as the scope of an organisation's
  action (``某局对某市范围内的老字号进行了排查，整理出…传统品牌12件``; ``scope_frame_words.txt``), with the
  organisation written before it: the figure is the organisation's (or its campaign's) work, not the place's
  stock: inferred.
- **a named product glued to the measure**: a mark, geographical indication or brand written in the figure's
  own clause and run into its measure (``某县“甲山茶”年产值达3亿元`` read as 甲山茶年产值): the figure is that
  product's, not the one a clause before it spoke of.
- **a published list's count**: a count of a list a verb of publishing names (``publishing_verbs.txt``), the
  list of a programme the extractor has — ``公布105家2024年“某省质量标杆企业”名单`` (the programme right after
  the count, then 名单) or ``公布获得“某奖”的15家单位名单`` (the programme won before the count, its noun then
  名单): the programme's count of its listed holders, the measure the holders' noun (获奖单位 for an award won;
  else the noun the programme's name ends in, ``award_holder_nouns.txt``), not 名单 nor 数量; the place stays its
  area.

Run before the false-figure gates (:mod:`.false_gates`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import PlaceInfo
from ..model import CONFIDENCE, Kind, Observation, Ref
from .certainty import own_word
from .context import Ctx
from .indexes import level_words
from .running_totals import holder_nouns

__all__ = ["assign_subject_owners"]

COUNT_UNITS = frozenset({"Jia", "Ge", "Jian", "Xiang", "Tiao", "Zhong", "Kuan", "Pi", "Suo", "Zuo"})


def _sentence_bounds(ctx: Ctx, o: Observation) -> tuple[int, int]:
    sent = ctx.sentence_of(o.span.start)
    if sent is None:
        return max(0, o.span.start - 60), o.span.end
    return sent.span.start, sent.span.end


def _own_place_before(ctx: Ctx, start: int, pos: int) -> tuple[str, float] | None:
    """The place the sentence speaks of before ``pos``: the report's own word (全省, 我市) → the report's
    place; else the last place entity named (not inside another name's head)."""
    home = ctx.home
    if home is not None:
        for w in level_words(ctx.lex):
            if own_word(ctx.lex, w, home) and ctx.text.find(w, start, pos) != -1:
                return home.name, CONFIDENCE["named"]
    places = [e for e in ctx.entities_in(start, pos) if e.kind is Kind.PLACE]
    if places:
        return places[-1].name, CONFIDENCE["named"]
    return None


def _held_mark(ctx: Ctx, o: Observation) -> bool:
    if o.subject is None or not o.subject.kind.is_programme:
        return False
    heads = ctx.lex.words("held_mark_heads.txt", longest_first=True)
    head = next((h for h in heads if o.subject.name.endswith(h)), None)
    if head is None or not o.measure.endswith(head):
        return False
    start, _end = _sentence_bounds(ctx, o)
    clause = ctx.text[max(start, ctx.last_of("，,；;", start, o.span.start) + 1):o.span.start]
    if any(w in clause for w in ctx.lex.words("held_mark_grant_words.txt")):
        return False
    return any(w in ctx.text[start:o.span.start] for w in ctx.lex.words("held_mark_stock_words.txt"))


def _to_place(ctx: Ctx, o: Observation, start: int) -> Observation:
    found = _own_place_before(ctx, start, o.span.start)
    if found is not None:
        name, conf = found
        return replace(o, subject=Ref(Kind.PLACE, name), subject_inferred=False, confidence=min(o.confidence, conf)
                       if o.confidence >= CONFIDENCE["document"] else conf)
    if ctx.home is None:
        return o.with_subject_inferred()
    return replace(o, subject=Ref(Kind.PLACE, ctx.home.name)).with_subject_inferred()


def _higher(ctx: Ctx, name: str) -> PlaceInfo | None:
    home = ctx.home
    for p in (ctx.province, ctx.city):
        if p is not None and home is not None and p.name == name and p.name != home.name:
            return p
    return None


def _actor_head(ctx: Ctx, o: Observation, start: int) -> bool:
    """The figure's place heads an acting body's name in the sentence (某省…办公室正式命名…)."""
    if o.subject is None or o.subject.kind is not Kind.PLACE or ctx.home is None or o.subject.name == ctx.home.name:
        return False
    endings = ctx.lex.alternation("actor_name_endings.txt")
    mentions = [e for e in ctx.entities_in(start, o.span.start) if e.ref == o.subject]
    if not mentions:
        return False
    actor = re.compile(rf"[\u4e00-\u9fff]{{0,10}}?(?:{endings})")
    return all(actor.match(ctx.text, e.span.end) is not None for e in mentions)


def _named_programme(ctx: Ctx, o: Observation, start: int) -> Ref | None:
    """The programme whose name the sentence writes before the figure (the last one)."""
    best: tuple[int, Ref] | None = None
    for e in ctx.entities:
        if not e.kind.is_programme or len(e.name) < 4:
            continue
        i = ctx.text.rfind(e.name, start, o.span.start)
        if i != -1 and (best is None or i > best[0]):
            best = (i, e.ref)
    return best[1] if best else None


def _glued_higher_place(ctx: Ctx, o: Observation, start: int) -> bool:
    """The report's province or city, written short and run into the measure (某省制造标准 read as 制造标准)."""
    if o.subject is None or o.subject.kind is not Kind.PLACE:
        return False
    higher = _higher(ctx, o.subject.name)
    if higher is None or len(o.measure) < 2:
        return False
    at = ctx.text.rfind(o.measure, start, o.span.start)
    if at == -1 or re.fullmatch(r"[\u4e00-\u9fff]*", ctx.text[at + len(o.measure):o.span.start]) is None:
        return False
    return any(short and short != higher.name and ctx.text[max(0, at - len(short)):at] == short
               for short in higher.short)


def _listed_programme(ctx: Ctx, o: Observation) -> Ref | None:
    """The programme a place's count enters, applies for or wins, named after the verb in the count's clause —
    a known one, or a list the lexicon does not know whose name ends the clause (``entered_list_endings.txt``)."""
    if o.subject is None or o.subject.kind is not Kind.PLACE or o.unit not in COUNT_UNITS or not o.subject_inferred:
        return None
    verbs = ctx.lex.alternation("check_foreign_verbs.txt")
    m = re.compile(rf"(?:[\u4e00-\u9fff\d]{{0,10}}?|[\u4e00-\u9fff]{{2,8}}[，,])(?:{verbs})(?:\d{{4}}年度?)?[“\"「]?"
                   ).match(ctx.text, o.span.end)  # 3个试点项目，入选“某重点项目”: the noun before the comma
    if m is None:
        return None
    prog = next((e for e in ctx.starting_at(m.end(), m.end() + 40) if e.kind.is_programme
                 and e.span.start == m.end() and not e.name[:1].isdigit()), None)
    if prog is not None:
        return prog.ref
    endings = ctx.lex.alternation("entered_list_endings.txt")
    named = re.compile(rf"[\u4e00-\u9fff]{{4,24}}?(?:{endings})(?=[”\"」]?(?:[，,。；;]|$))").match(ctx.text, m.end())
    if named is None or any(w in named.group() for w in ctx.lex.words("sanction_lists.txt")):
        return None
    found = next((e for e in ctx.entities if e.kind.is_programme and e.name == named.group()), None)
    if found is None:
        found = ctx.add(Kind.HONOUR, named.group(), named.start(), named.end())
    return found.ref


PRODUCT_KINDS = frozenset({Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.BRAND})


def _glued_product(ctx: Ctx, o: Observation) -> Ref | None:
    """The product (mark, indication, brand) named in the figure's clause whose name begins the measure,
    when the figure was given to another subject."""
    if o.subject is None or len(o.measure) < 3:
        return None
    clause = ctx.last_of("，,；;。：:\n", 0, o.span.start) + 1
    for e in reversed(ctx.entities_in(clause, o.span.start, PRODUCT_KINDS)):
        rest = o.measure[len(e.name):]
        if e.ref != o.subject and len(e.name) >= 2 and o.measure.startswith(e.name) and rest \
                and not re.search(r"[、，,]|^[和及与]", rest) \
                and re.match(r"[”\"」]?" + re.escape(rest), ctx.text[e.span.end:o.span.start]):  # (not 甲、乙2件)
            return e.ref
    return None


LIST_AFTER_RE = re.compile(r"(?:\d{4}年度?)?[“\"]?")
WON_BEFORE_RE = re.compile(r"(?:获得|荣获|入选|获评)(?:\d{4}年度?)?[“\"]?$")


def _published_list(ctx: Ctx, o: Observation, start: int) -> tuple[Ref, str] | None:
    """(programme, holders' noun) of a count of a published programme list (see the module)."""
    if o.subject is None or o.subject.kind is not Kind.PLACE or o.unit not in COUNT_UNITS:
        return None
    clause = ctx.last_of("，,；;。\n", start, o.span.start) + 1
    verbs = ctx.lex.words("publishing_verbs.txt")
    if not any(v in ctx.text[max(start, clause):o.span.start] for v in verbs):
        return None
    nouns = holder_nouns(ctx.lex)
    at = LIST_AFTER_RE.match(ctx.text, o.span.end).end()
    prog = next((e for e in ctx.starting_at(at, at + 40) if e.kind.is_programme), None)
    if prog is not None and re.match(r"[”\"]?名单", ctx.text[prog.span.end:]):
        noun = next((n for n in nouns if prog.name.endswith(n)), None)  # 105家“某质量效益型企业”名单
        return (prog.ref, noun) if noun is not None else None
    noun = next((n for n in nouns if ctx.text.startswith(n + "名单", o.span.end)), None)
    if noun is None or not ctx.text.startswith("的", o.span.start - 1):
        return None
    for e in ctx.ending_at(o.span.start - 1) + ctx.ending_at(o.span.start - 2):
        won = WON_BEFORE_RE.search(ctx.text, max(clause, e.span.start - 12), e.span.start)
        if e.kind.is_programme and won is not None:  # 获得2017年“某奖”的15家单位名单: the award's 获奖单位
            return e.ref, ("获奖" + noun if e.name.endswith("奖") and won.group().startswith(("获得", "荣获")) else noun)
    return None


def _actor_scope(ctx: Ctx, o: Observation, start: int) -> bool:
    """The figure's place is named in its sentence only as an organisation's scope (某局对某市范围内…)."""
    if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred:
        return False
    mentions = [e for e in ctx.entities_in(start, o.span.start) if e.kind is Kind.PLACE and e.ref == o.subject]
    if not mentions:
        return False
    frames = tuple(ctx.lex.words("scope_frame_words.txt", longest_first=True))
    if not all(ctx.text.startswith(frames, e.span.end) for e in mentions):
        return False
    first = mentions[0].span.start
    return any(e.kind.is_organization and e.span.end <= first and e.ref != o.subject
               for e in ctx.entities_in(start, first))


def assign_subject_owners(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        start, _end = _sentence_bounds(ctx, o)
        if _held_mark(ctx, o):
            ctx.observations[i] = _to_place(ctx, o, start)
        elif o.unit in COUNT_UNITS and _actor_head(ctx, o, start):
            prog = _named_programme(ctx, o, start)
            ctx.observations[i] = replace(o, subject=prog) if prog is not None else o.with_subject_inferred()
        elif _glued_higher_place(ctx, o, start):
            home = ctx.home
            own = home is not None and (home.name in ctx.text[start:o.span.start] or any(
                own_word(ctx.lex, w, home) and w in ctx.text[start:o.span.start] for w in level_words(ctx.lex)))
            moved = replace(o, subject=Ref(Kind.PLACE, home.name)) if home is not None else o
            ctx.observations[i] = replace(moved, confidence=min(o.confidence, CONFIDENCE["carried"])) if own \
                else moved.with_subject_inferred()
        elif _actor_scope(ctx, o, start):
            ctx.observations[i] = o.with_subject_inferred()
        elif (listed := _published_list(ctx, o, start)) is not None:
            ctx.observations[i] = replace(o, subject=listed[0], measure=listed[1], place=o.place or o.subject.name,
                                          subject_inferred=False, confidence=max(o.confidence, CONFIDENCE["carried"]))
        elif (product := _glued_product(ctx, o)) is not None:
            ctx.observations[i] = replace(o, subject=product, subject_inferred=False)
        elif (prog := _listed_programme(ctx, o)) is not None:
            ctx.observations[i] = replace(o, subject=prog, place=o.place or o.subject.name, subject_inferred=False,
                                          confidence=CONFIDENCE["document"])
