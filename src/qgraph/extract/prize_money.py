"""Prize money promised to the winners of named awards: whose sum it is.

``对新获某市政府质量奖的企业或组织每家奖励100万元`` — the sum is the award's prize (measure 奖励), not a
figure of the place; ``对新获甲奖、乙奖的企业，一次性分别给予300万元、200万元的奖励`` — one sum per award,
in the order written (as many sums as awards, 分别 or 各 tying them). The lead is ``对`` + a verb of
winning (``prize_winner_verbs.txt``) + the awards + ``的`` + the winners' noun; the sums are those after the
lead up to the next ``；`` or the end of the sentence, read before any other lead. When awards and sums
do not pair one to one nothing is changed; nor when what is won is no award (a certification's subsidy,
``对首次获得“某认证”的企业给予奖励``, is the payer's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind
from .award_of_count import is_award
from .context import Ctx

__all__ = ["find_prize_money", "find_prizes_after_winners", "find_prizes_per_winner", "mark_each_winners_prizes",
           "unsure_after_coordinated_awards"]

WINNER_NOUN = r"(?:企业|组织|单位|个人|集体)(?:或(?:其他)?(?:企业|组织|单位|个人))?"


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.words("prize_winner_verbs.txt", longest_first=True)
    return re.compile(r"对(?:本年度|当年度|当年|年度)?(?:新|首次)?(?:" + "|".join(map(re.escape, verbs)) + r")(?P<who>[^，,。；;]{2,60}?)的"
                      + WINNER_NOUN)


def find_prize_money(ctx: Ctx) -> None:
    for m in _lead_re(ctx.lex).finditer(ctx.text):
        awards = [e for e in ctx.entities_in(m.start("who"), m.end("who")) if e.kind.is_programme]
        if not all(is_award(a) for a in awards):
            continue  # 对首次获得“某认证”的企业给予奖励: a certification's subsidy stays the payer's
        if not awards or any(a.span.start < m.start("who") or a.span.end > m.end("who") for a in awards):
            continue
        sent = ctx.sentence_of(m.start())
        end = sent.span.end if sent is not None else len(ctx.text)
        semi = ctx.first_of("；;", m.end(), end)
        end = semi if semi != -1 else end
        nxt = _lead_re(ctx.lex).search(ctx.text, m.end(), end)
        end = nxt.start() if nxt is not None else end
        sums = sorted((i for i, o in enumerate(ctx.observations)
                       if o.unit == "Yuan" and m.end() <= o.span.start < end), key=lambda i: ctx.observations[i].span.start)
        if not sums:
            continue
        tail = ctx.text[m.end():ctx.observations[sums[-1]].span.end]
        if len(awards) == 1 and len(sums) == 1:
            pairs = [(awards[0], sums[0])]
        elif len(awards) == len(sums) and re.search(r"分别|各", tail):
            pairs = list(zip(awards, sums))
        else:
            continue
        for award, i in pairs:
            o = ctx.observations[i]
            award = _full_award(ctx, award)
            measure = o.measure if "奖" in (o.measure or "") else "奖励"
            ctx.observations[i] = replace(o, subject=award.ref, measure=measure, subject_inferred=False,
                                          confidence=max(o.confidence, CONFIDENCE["named"]))


WINNER_UNITS = ("Jia", "Ge", "Ming", "Ren", "Wei")
PRIZE_CLAUSE_RE = re.compile(r"(?:奖金|奖励|奖励资金|奖金为|各奖励|每家奖励|分别奖励)(?:人民币)?(?:为)?$")


def _unowned_sums(ctx: Ctx):
    """``(index, figure, sentence, start of its clause)`` of every sum of money no organisation or programme
    owns yet (the place's, or unsure): the sums the prize rules may give to an award."""
    for i, o in enumerate(ctx.observations):
        if o.unit != "Yuan" or (o.subject is not None and o.subject.kind is not Kind.PLACE and not o.subject_inferred):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is not None:
            yield i, o, sent, max(sent.span.start, ctx.last_of("，,；;", sent.span.start, o.span.start) + 1)


def find_prizes_after_winners(ctx: Ctx) -> None:
    """``第二届某市市长质量奖共有6家单位获奖，奖金100万元``, ``另有…10家单位获提名奖，奖金50万元``: a clause of
    the prize word and the sum alone, after the sentence named an award (or its grade), is that award's
    prize — the award named last before the sum in the sentence."""
    sums = list(_unowned_sums(ctx))
    for i, o, sent, cs in sums:
        if cs == sent.span.start or PRIZE_CLAUSE_RE.fullmatch(ctx.text[cs:o.span.start].strip()) is None:
            continue
        named = [(e.span.end, e.ref) for e in ctx.entities_in(sent.span.start, cs) if is_award(e)] + [
            (x.span.end, x.programme) for x in ctx.listings if sent.span.start <= x.span.start and x.span.end <= cs
            and x.programme.name.endswith("奖")]  # 另有…10家单位获提名奖，奖金50万元: the grade the listing names
        if not named:
            continue
        subject = max(named, key=lambda t: t[0])[1]
        if "分别" in ctx.text[cs:o.span.start]:  # 分组织奖和个人奖，分别奖励10万元和1万元: one sum per award, in order
            mine = [j for j, _, s2, c2 in sums if s2.span.start == sent.span.start and c2 == cs]
            awards = sorted((e for e in ctx.entities_in(sent.span.start, cs) if is_award(e)), key=lambda e: e.span.start)
            joined = len(awards) == len(mine) > 1 and all(re.fullmatch(r"[”\"]?[、和及与][“\"]?", ctx.text[a.span.end:b.span.start])
                                                          for a, b in zip(awards, awards[1:]))
            if not joined:
                ctx.observations[i] = o.with_subject_inferred()
                continue  # the sums do not pair with awards named together: whose each is cannot be told
            subject = awards[mine.index(i)].ref
        ctx.observations[i] = replace(o, subject=subject, measure=o.measure or "奖励", subject_inferred=False,
                                      confidence=max(o.confidence, CONFIDENCE["named"]))


def unsure_after_coordinated_awards(ctx: Ctx) -> None:
    """``现场颁发“甲奖”、“乙奖”两项大奖，共计16家单位获奖``: winners counted after two awards named together,
    in a clause naming neither, are both awards' — no one award's count: the figure is marked inferred and a
    listing of that count with no one named is dropped."""
    for i, o in enumerate(ctx.observations):
        if o.subject is None or not o.subject.kind.is_programme or o.subject_inferred or o.unit not in WINNER_UNITS:
            continue  # (sums paired with awards in order are read by find_prize_money)
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = max(sent.span.start, ctx.last_of("，,；;", sent.span.start, o.span.start) + 1)
        if any(is_award(e) for e in ctx.entities_in(cs, o.span.end + 12)):
            continue
        awards = [e for e in ctx.entities_in(sent.span.start, cs) if is_award(e)]
        joined = any(b.ref != a.ref and re.fullmatch(
            r"[”\"」]?[、和及与][“\"「]?(?:\d{4}年度?)?(?:第[一二三四五六七八九十\d]+届|首届)?", ctx.text[a.span.end:b.span.start])
                     for a, b in zip(awards, awards[1:]))
        if not joined:
            continue
        ctx.observations[i] = o.with_subject_inferred()
        ctx.listings[:] = [x for x in ctx.listings if not (x.recipients == () and x.count == o.value
                                                           and x.span.start <= o.span.start < x.span.end)]


PER_WINNER_RE = re.compile(r"(?:每家|每个|每项|每位|各)[^，,。；;]{0,12}?(?:奖励|给予|获得|补助|奖金)[^，,。；;]{0,4}$")


def find_prizes_per_winner(ctx: Ctx) -> None:
    """``获某市政府质量奖的企业或组织每家奖励30万元``, ``“市长质量奖”是…最高质量荣誉奖，…每家企业将获得10万元奖励``:
    a sum given to each winner in a sentence that names an award before it is that award's prize (an award
    named short, ``政府质量奖``, stands for the one award of the document whose name ends with it)."""
    for i, o, sent, cs in _unowned_sums(ctx):
        if PER_WINNER_RE.search(ctx.text, cs, o.span.start) is None:
            continue
        awards = [e for e in ctx.entities_in(sent.span.start, o.span.start) if is_award(e)]
        if not awards:
            continue
        ref = _full_award(ctx, awards[-1]).ref
        ctx.observations[i] = replace(o, subject=ref, measure="奖励" if "奖" not in (o.measure or "") else o.measure,
                                      subject_inferred=False, confidence=max(o.confidence, CONFIDENCE["named"]))


def _full_award(ctx: Ctx, award):
    """An award named short (``政府质量奖`` in a report on 某市政府质量奖) is the one award of the document whose
    name ends with it and adds at most a place (four characters); else the award as named."""
    longer = {e.ref: e for e in ctx.entities if is_award(e) and e.name != award.name and e.name.endswith(award.name)
              and len(e.name) - len(award.name) <= 4}
    return next(iter(longer.values())) if len(longer) == 1 else award


EACH_PRIZE_RE = re.compile(r"(?:各|每(?P<per>[家位名人个]))[^，,。；;\d]{0,6}?(?:给予|奖励|颁发|补助|获得|发放)?(?:奖金|奖励|资金)?(?:人民币)?$")
WINNERS_COUNTED_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?P<counter>[家位名人个])(?:[\u4e00-\u9fff]{0,4})")


def mark_each_winners_prizes(ctx: Ctx) -> None:
    """``授予甲、乙等2家企业某奖，各给予50万元激励``, ``…每位奖励5万元``: a sum each winner is given, owned by the
    award, is no sum of the award as a whole — the breakdown says whose share it is (``每家``, ``每人``: by the
    counter after 每, else that of the winners counted before it in its sentence, else the last winners' noun
    before it, 企业 or 个人; ``per_recipient_words.tsv``). When none is found, nothing is written."""
    per = dict(ctx.lex.table("per_recipient_words.tsv", columns=2, header="counter"))
    for i, o in enumerate(ctx.observations):
        if o.unit != "Yuan" or o.breakdown is not None or o.subject is None or not o.subject.kind.is_programme \
                or re.search(r"奖(?:（[^（）]{1,6}）)?$", o.subject.name) is None:
            continue  # (an award with its category in brackets, 某奖（个人）, is one too)
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = max(sent.span.start, ctx.last_of("，,；;", sent.span.start, o.span.start) + 1)
        m = EACH_PRIZE_RE.search(ctx.text, cs, o.span.start)
        if m is None or "分别" in ctx.text[cs:o.span.start]:
            continue  # 分别给予…、…: one sum per award, in order — no share of each winner
        counter = m.group("per")
        if counter is None:
            counted = list(WINNERS_COUNTED_RE.finditer(ctx.text, sent.span.start, cs))
            counter = counted[-1].group("counter") if counted else None
        if counter is None:  # 甲公司、乙公司获此殊荣，各获得30万元: the winners' noun
            head = ctx.text[sent.span.start:cs]
            nouns = [(head.rfind(w), w) for w in per if len(w) > 1 and w in head]
            counter = max(nouns)[1] if nouns else None
        if counter in per:
            ctx.observations[i] = replace(o, breakdown=per[counter])
