"""People of bylines written as runs of names.

- After a byline's role word (``byline_roles.txt``, or a credit word of ``credit_roles.tsv``), every name of
  the run (``记者 张三 通讯员 李四 王五 近日，…``, ``（实习记者 张三 阿依·木兰）``, ``［责任编辑：李四］``) is
  a person: a name starts with a known surname (or is a transliterated name joined by ·) and ends at a
  space, a closing bracket or the line's end; the run ends at the first word that is none (a word ending
  with a byline's closing word, ``某地报道``, ``byline_tails.txt``, is none).
- A byline line (a line of its own made only of names and outlets, ``张三 李四 某某晚报 某某网``) names
  people and outlets: each name is a person, each outlet (a word with an outlet's ending) a media
  organisation. A line holding no outlet, or any other word, is no byline. A print layout's mark opening
  the line (``□张三 本报记者 李四``, ``byline_marks.txt``) is no part of the first name; after such a mark a
  short line of names alone (``□张三``) is a byline too.
- A dateline's brackets holding only names, after an optional organisation the rules know
  (``本报讯 (张三)``, ``某某网讯(某县市场监督管理局 张三 李四)``): each name is a person.
- The place a byline says the reporter filed from (``记者 张三 某地报道``) is a place the article names.
- ``本报`` (``本报讯``, ``本报记者``) is the outlet of the header's publisher when that is an outlet (a word
  with an outlet's ending): it is named, as a media organisation.

Only the people and outlets are read here; posts of credits stay with the credit rules.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx

__all__ = ["find_byline_runs"]

NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+")
OUTLET_END_RE = re.compile(r"(?:网|报|新闻|电视台|广播|日报|晚报|客户端|融媒体中心|新闻中心)$")
RUN_END = " 　）)］】〕]\n"
OPENERS = "（(［【〔["
MAX_LINE = 60


@per_lexicon
def _roles(lex: Lexicon) -> tuple[str, ...]:
    credit = [r[0] for r in lex.table("credit_roles.tsv", columns=2, header="written") if len(r[0]) >= 2]
    return tuple(sorted({*lex.words("byline_roles.txt"), *credit}, key=len, reverse=True))


@per_lexicon
def _role_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, _roles(lex))) + r")[ 　]*[:：]?[ 　]*")


@per_lexicon
def _tails(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("byline_tails.txt", longest_first=True)


def _is_name(ctx: Ctx, tok: str) -> bool:
    if tok.endswith(_tails(ctx.lex)):
        return False  # 滕州报道: where the reporter filed from
    if "·" in tok:
        return NAME_RE.fullmatch(tok) is not None
    return NAME_RE.fullmatch(tok) is not None and tok[:1] in ctx.lex.surnames and tok not in _roles(ctx.lex)


def _person(ctx: Ctx, name: str, start: int) -> None:
    end = start + len(name)
    if any(e.kind is Kind.PERSON or e.span.start < end and start < e.span.end and e.kind.is_organization
           for e in ctx.entities_in(start, end)):
        return
    ctx.add(Kind.PERSON, name, start, end)
    ctx.claim(start, end)


def _role_runs(ctx: Ctx) -> None:
    text = ctx.text
    for m in _role_re(ctx.lex).finditer(text):
        before = text[max(0, m.start() - 1):m.start()]
        if before and before not in OPENERS and not before.isspace() and before not in "，,：:" and not (
                text[max(0, m.start() - 12):m.start()] and OUTLET_END_RE.search(text[max(0, m.start() - 12):m.start()])):
            continue  # 该记者 / 一名通讯员: a role word inside a sentence opens no byline
        pos = m.end()
        while True:
            tok = re.match(r"[\u4e00-\u9fff·]+", text[pos:])
            if tok is None:
                break
            word, end = tok.group(), pos + tok.end()
            if end < len(text) and text[end] not in RUN_END:
                break  # 张三近日…: the run ends where a name is not closed
            role = _role_re(ctx.lex).fullmatch(word)
            if role is None and not _is_name(ctx, word):
                break
            if role is None:
                _person(ctx, word, pos)
            pos = end
            while pos < len(text) and text[pos] in " 　":
                pos += 1


def _byline_lines(ctx: Ctx) -> None:
    pos = 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        mark = next((m for m in _marks(ctx.lex) if line.startswith(m)), "")
        toks = [(t.group(), start + len(mark) + t.start()) for t in re.finditer(r"\S+", line[len(mark):])]
        if (len(toks) < 2 and not mark) or not toks or len(line) > MAX_LINE:
            continue  # a print mark opens a byline of one name too (□张三 on the last line)
        kinds: list[str] = []
        for tok, _ in toks:
            bare = _role_re(ctx.lex).sub("", tok) if _role_re(ctx.lex).search(tok + " ") else tok
            if OUTLET_END_RE.search(tok) and 2 <= len(tok) <= 12 and re.fullmatch(r"[\u4e00-\u9fff]+", tok):
                kinds.append("outlet")
            elif _is_name(ctx, tok):
                kinds.append("name")
            elif bare != tok and (not bare or OUTLET_END_RE.search(bare)):
                kinds.append("role")  # 某某客户端记者: an outlet's reporter, the names after it are the byline's
            else:
                break
        else:
            if "outlet" not in kinds and "role" not in kinds and not (mark and len(line) <= 16):
                continue  # names alone make a byline only after a print mark, on a short line
            for (tok, s), kind in zip(toks, kinds):
                if kind == "name":
                    _person(ctx, tok, s)
                elif kind == "outlet" and not ctx.entities_in(s, s + len(tok)) and not ctx.overlaps_claim(s, s + len(tok)):
                    ctx.add(Kind.MEDIA, tok, s, s + len(tok))
                    ctx.claim(s, s + len(tok))


@per_lexicon
def _marks(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("byline_marks.txt", longest_first=True)


DATELINE_BRACKET_RE = re.compile(r"讯[ 　]*[（(](?P<inner>[^（()）\n]{2,40})[)）]")


def _dateline_brackets(ctx: Ctx) -> None:
    for m in DATELINE_BRACKET_RE.finditer(ctx.text):
        toks = [(t.group(), m.start("inner") + t.start()) for t in re.finditer(r"[^ 　]+", m.group("inner"))]
        if toks and any(e.kind.is_organization and e.span.start == toks[0][1] and e.span.end == toks[0][1] + len(toks[0][0])
                        for e in ctx.entities_in(toks[0][1], toks[0][1] + len(toks[0][0]))):
            toks = toks[1:]  # 某县市场监督管理局 张三: the writers' organisation first
        roles = _roles(ctx.lex)
        named = []
        for tok, s in toks:  # (某某 记者某某): a role glued before a name is no part of it
            role = next((r for r in roles if tok.startswith(r) and len(tok) > len(r)), "")
            named.append((tok[len(role):], s + len(role)))
        if named and all(_is_name(ctx, tok) for tok, _ in named):
            for tok, s in named:
                _person(ctx, tok, s)


def _house_outlet(ctx: Ctx) -> None:
    publisher = ctx.doc.publisher or ""
    if not OUTLET_END_RE.search(publisher) or any(e.name == publisher for e in ctx.entities):
        return
    m = re.search(r"本报(?=[\u4e00-\u9fff]{0,4}讯|记者|全媒体记者|融媒体记者|评论员)", ctx.text)
    if m is not None:
        ctx.add(Kind.MEDIA, publisher, m.start(), m.end(), aliases=("本报",))


FILED_FROM_RE = re.compile(r"记者[^\n，。,]{0,40}?[ 　](?P<place>[\u4e00-\u9fff]{2,9}?)报道(?=$|[ 　\n])", re.M)
"""``某某网记者 张三 某地报道``: the place the reporter filed from, a place the article names."""


def _filed_from(ctx: Ctx) -> None:
    from .places import add_place

    for m in FILED_FROM_RE.finditer(ctx.text):
        s, e = m.span("place")
        info = ctx.resolve_place(m.group("place"))
        if info is None or ctx.overlaps_claim(s, e) or not ctx.plausible(info):
            continue
        add_place(ctx, info, s, e)


def find_byline_runs(ctx: Ctx) -> None:
    _role_runs(ctx)
    _byline_lines(ctx)
    _dateline_brackets(ctx)
    _house_outlet(ctx)
    _filed_from(ctx)
