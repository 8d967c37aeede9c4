"""Winners named after an award and ``分别是`` / ``包括``: who won which award or category.

``区长质量奖获奖组织分别是：甲公司、乙公司``, ``市长质量奖个人奖包括：甲公司副总经理张某、乙公司董事长李某``,
``2家企业入选第三批“某名品”名单，分别是甲公司和乙公司``. Each item of the list is a recipient of the award
(or of its category, ``个人奖``, a programme of its own, see :mod:`.sub_awards`): an organisation, or a
person written after their organisation and post (the person won, the organisation is only theirs).
Precision first: the list is taken only when every item is a name the rules know, and never when it has
more items than the count the sentence gives.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing, Ref
from .context import Ctx
from .numbers import parse_chinese_numeral
from .sub_awards import award_years, base_name, grade_words, sub_award

__all__ = ["find_named_winners", "winners_in_next_sentence"]

LEAD = (r"(?:获奖|获评|入选|受表彰)?(?:的?(?P<num>\d+|[一二两三四五六七八九十]+)(?:家|名|个|位))?"
        r"(?:组织|企业|单位|个人|者|获得者)?(?:名单)?(?:分别是|分别为|包括|如下)[:：]?")


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    """The words between an award (and its category) and its winners: ``个人奖包括：``, ``获奖组织分别是：``,
    ``”组织奖的5家企业分别是`` (a count there checks the names)."""
    grades = "|".join(map(re.escape, grade_words(lex)))
    return re.compile(rf"[”\"」]?(?P<cat>{grades})?{LEAD}")
LINE_LEAD_RE = re.compile(r"[（(]?(?:\d+|[一二两三四五六七八九十]+)?(?:家|个|名)?[)）]?[:：]")
AFTER_LIST_RE = re.compile(r"[”\"」]?(?:名单|榜单|称号)?[，,](?:分别是|分别为)[:：]?")
SEP_RE = re.compile(r"[、，,]")
JOIN_RE = re.compile(r"[和及与]")


def _item_spans(ctx: Ctx, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of ``[start, end)`` split at the list separators, without their spaces."""
    spans: list[tuple[int, int]] = []
    pos = start
    for part in SEP_RE.split(ctx.text[start:end]) if end > start else []:
        s, e = pos, pos + len(part)
        pos = e + 1
        while s < e and ctx.text[s] in " \t　":
            s += 1
        while e > s and ctx.text[e - 1] in " \t　":
            e -= 1
        spans.append((s, e))
    return spans


def _items(ctx: Ctx, start: int, end: int) -> list[Ref] | None:
    """The recipient each item of ``[start, end)`` names, or ``None`` when an item is no known name."""
    out: list[Ref] = []
    for s, e in _item_spans(ctx, start, end):
        found = _item(ctx, s, e)
        if found is None:  # 甲公司和乙公司: two names joined
            joins = [m.start() for m in JOIN_RE.finditer(ctx.text, s, e)]
            pair = next(((a, b) for j in joins if (a := _item(ctx, s, j)) and (b := _item(ctx, j + 1, e))), None)
            if pair is None:
                return None
            out.extend(pair)
            continue
        out.append(found)
    return out or None


def _item(ctx: Ctx, s: int, e: int) -> Ref | None:
    people = [x for x in ctx.entities_in(s, e) if x.kind is Kind.PERSON]
    if people and people[-1].span.end == e:
        return people[-1].ref  # 甲公司副总经理张某: the person, not the company
    return next((x.ref for x in ctx.entities_in(s, e) if x.kind.is_organization and x.span.start == s
                 and x.span.end == e), None)


def _end(ctx: Ctx, start: int) -> int:
    stop = re.search(r"[。；;\n]", ctx.text[start:])
    return start + stop.start() if stop else len(ctx.text)


def find_named_winners(ctx: Ctx) -> None:
    known = {(x.programme, r) for x in ctx.listings for r in x.recipients}
    for prog in [e for e in ctx.entities if e.kind is Kind.HONOUR]:
        m = _lead_re(ctx.lex).match(ctx.text, prog.span.end)
        count = None
        if m is not None:
            target = prog
            if m.group("num") is not None:  # …组织奖的5家企业分别是: no more names than the count
                count = int(m.group("num")) if m.group("num").isdigit() else parse_chinese_numeral(m.group("num"))
            if m.group("cat") is not None:  # 市长质量奖个人奖包括：…: the category's winners
                target = sub_award(ctx, prog, m.group("cat"), m.start("cat"), m.end("cat"))
        elif (m := LINE_LEAD_RE.match(ctx.text, prog.span.end)) is not None and (
                prog.span.start == 0 or ctx.text[prog.span.start - 1] == "\n"):
            target = prog  # a line 县长质量奖提名奖：丙公司: the line names the winners
        elif (m := AFTER_LIST_RE.match(ctx.text, prog.span.end)) is not None:
            target = prog  # …入选“某名品”名单，分别是甲和乙: the count of the clause checks the names
            sent = ctx.sentence_of(prog.span.start)
            counts = [x.count for x in ctx.listings if x.programme == prog.ref and x.count is not None
                      and sent is not None and sent.span.start <= x.span.start < sent.span.end]
            count = counts[-1] if counts else None
        else:
            continue
        items = _items(ctx, m.end(), _end(ctx, m.end()))
        if items is None or (count is not None and len(items) > count):
            continue
        items = [r for r in dict.fromkeys(items) if (target.ref, r) not in known]
        if items:
            ctx.listings.append(Listing(target.ref, tuple(items), ctx.span(prog.span.start, _end(ctx, m.end())),
                                        count=count))
            known.update((target.ref, r) for r in items)


GRANT_LEAD_RE = re.compile(r"(?<!被)(?:决定)?(?:授予|颁发给)$")


def find_unquoted_grants(ctx: Ctx) -> None:
    """``授予甲公司县长质量奖提名奖，奖励10万元``: an award named without quotes right after its winners
    (names the rules know, joined by 、 和 及) and 授予 is granted to them."""
    known = {(x.programme, r) for x in ctx.listings for r in x.recipients}
    for prog in [e for e in ctx.entities if e.kind is Kind.HONOUR]:
        clause = max(ctx.text.rfind(c, 0, prog.span.start) for c in "，,。；;：:\n") + 1
        pos, who = prog.span.start, []
        while pos > clause:
            ent = next((x for x in ctx.ending_at(pos) if x.span.start >= clause
                        and (x.kind.is_organization or x.kind is Kind.PERSON)), None)
            if ent is None:
                break
            who.append(ent)
            pos = ent.span.start
            if ctx.text[pos - 1:pos] in ("、", "和", "及"):
                pos -= 1
            else:
                break
        if not who or GRANT_LEAD_RE.search(ctx.text, clause, pos) is None:
            continue
        people = [x for x in who if x.kind is Kind.PERSON]
        refs = [x.ref for x in reversed(people or who) if (prog.ref, x.ref) not in known]
        if refs:
            years = award_years(ctx, base_name(ctx.lex, prog.name))  # 2023年度县长质量奖 named before: that year
            ctx.listings.append(Listing(prog.ref, tuple(refs), ctx.span(pos, prog.span.end),
                                        year=years.pop() if len(years) == 1 else ctx.year))


NEXT_LEAD_RE = re.compile(r"\s*(?:获奖|获评|入选|受表彰)(?:单位|企业|组织)(?:分别为|分别是|包括|如下)[:：]?")


def winners_in_next_sentence(ctx: Ctx) -> None:
    """``第二届某市市长质量奖共有6家单位获奖，…。获奖单位分别为：甲公司、乙公司…``: a sentence that opens
    with the winners' words names the winners of the award whose count the sentence before gave — only
    as many as that count, each a name the rules know or one ending like a firm's
    (``winner_item_endings.txt``: 公司, 工厂 …, then read as an enterprise)."""
    for sent in ctx.doc.sentences:
        m = NEXT_LEAD_RE.match(ctx.text, sent.span.start, sent.span.end)
        if m is None or sent.index == 0:
            continue
        prev = ctx.doc.sentences[sent.index - 1]
        counted = [x for x in ctx.listings if x.count is not None and prev.span.start <= x.span.start < prev.span.end
                   and x.programme.name.endswith("奖")]
        if len(counted) != 1:
            continue
        listing = counted[0]
        end = _end(ctx, m.end())
        items = _items_or_firms(ctx, m.end(), end)
        if items is None or len(items) > listing.count:
            continue
        ctx.listings.append(Listing(listing.programme, tuple(items), ctx.span(sent.span.start, end), count=listing.count,
                                    year=listing.year))


def _items_or_firms(ctx: Ctx, start: int, end: int) -> list[Ref] | None:
    endings = ctx.lex.words("winner_item_endings.txt", longest_first=True)
    out: list[Ref] = []
    for s, e in _item_spans(ctx, start, end):
        found = _item(ctx, s, e)
        if found is None and 4 <= e - s <= 30 and ctx.text[s:e].endswith(endings) \
                and re.fullmatch(r"[\u4e00-\u9fff（）()\d]+", ctx.text[s:e]):
            found = ctx.add(Kind.ENTERPRISE, ctx.text[s:e], s, e).ref  # 中国人民解放军第五七一九工厂
        if found is None:
            return None
        out.append(found)
    return out or None
