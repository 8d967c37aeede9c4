"""Credit lines of a report: bracketed (``（文 张三）``, ``【责任编辑：李四】``, ``（作者：王五 赵六）``) or a
line of its own opening with a credit word and a colon (``作者：某县市场监管局 张三``, ``责编：李四``) or
with 文/图 and a slash (``文/张三 图/李四``).

Each name after a credit word (``credit_roles.tsv``) is a person holding that role at the publisher;
nothing in a bracketed line is an organisation or a place (an organisation on a line of its own, the
author's unit, stays). A one-character credit word (文, 图) counts only right after the opening bracket,
and only in brackets; a name must start with a known surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, PostHolding, Ref
from .context import Ctx

__all__ = ["Credit", "credit_line_names", "credit_lines", "credit_roles", "find_credits", "photo_credits"]


@dataclass(frozen=True, slots=True)
class Credit:
    """One name of a credit line, with the role its credit word gives."""

    name: str
    role: str
    start: int
    end: int


@per_lexicon
def _roles(lex: Lexicon) -> dict[str, str]:
    return {r[0]: r[1] for r in lex.table("credit_roles.tsv", columns=2, header="written")}


def credit_roles(lex: Lexicon) -> dict[str, str]:
    """Credit words as written (``credit_roles.tsv``) and the role each gives."""
    return _roles(lex)


@per_lexicon
def _role_word_re(lex: Lexicon) -> re.Pattern[str]:
    """Any credit word (longest first)."""
    return re.compile("|".join(re.escape(w) for w in sorted(_roles(lex), key=len, reverse=True)))


@per_lexicon
def _line_word_re(lex: Lexicon) -> re.Pattern[str]:
    """A credit word of two characters or more before a colon, or 文/图/摄 before a slash."""
    words = [w for w in sorted(_roles(lex), key=len, reverse=True) if len(w) > 1]
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")[ 　]*[:：]|(?:文|图|摄)[ 　]*[/／]")


@per_lexicon
def _credit_re(lex: Lexicon) -> re.Pattern[str]:
    words = sorted(_roles(lex), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(
        r"[（(【\[]\s*(?P<body>(?:(?:" + alt + r")[ 　:：/]*[\u4e00-\u9fff]{2,4}(?:[ 　、，,]+[\u4e00-\u9fff]{2,4})*[ 　；;]*)+)[）)】\]]"
    )


def credit_lines(ctx: Ctx) -> list[Credit]:
    """Every name of every bracketed credit line of the document."""
    roles = _roles(ctx.lex)
    word_re = _role_word_re(ctx.lex)
    out: list[Credit] = []
    for m in _credit_re(ctx.lex).finditer(ctx.text):
        body, base = m.group("body"), m.start("body")
        role: str | None = None
        for tok in re.finditer(r"[\u4e00-\u9fff/]+", body):
            piece = tok.group()
            w = word_re.match(piece)
            if w is not None and (len(w.group()) > 1 or piece == w.group()):
                role = roles[w.group()]  # 文 counts only standing alone (文 张三), not as 文明…
                rest = piece[len(w.group()):]
                if 2 <= len(rest) <= 4:
                    out.append(Credit(rest, role, base + tok.start() + len(w.group()), base + tok.end()))
                continue
            if role is None:
                break  # the bracket does not open with a credit word: no credit line
            if 2 <= len(piece) <= 4:
                out.append(Credit(piece, role, base + tok.start(), base + tok.end()))
    return [c for c in out if c.name[:1] in ctx.lex.surnames and not word_re.fullmatch(c.name)]


SOURCE_LEAD_RE = re.compile(r"(?:来源|信息来源|稿源)[ 　]*[:：]")


def credit_line_names(ctx: Ctx) -> list[Credit]:
    """The names on lines that open with a credit word and a colon (``作者：张三 李四``, ``责编：王五``);
    several credit words may share a line (``作者：张三 编辑：李四``)."""
    word_re = _line_word_re(ctx.lex)
    out: list[Credit] = []
    pos = 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        source = SOURCE_LEAD_RE.match(line.lstrip())
        if not word_re.match(line.lstrip()) and not (source and word_re.search(line, source.end())):
            continue  # 来源：某县市场监管局 作者：某某: a source line holding credits is one too
        base = start + len(line) - len(line.lstrip())
        heads = list(word_re.finditer(line, base - start))
        for i, h in enumerate(heads):
            word = re.sub(r"[ 　:：/／]", "", h.group())
            role = _roles(ctx.lex).get(word, "摄影" if word == "摄" else "作者")
            stop = heads[i + 1].start() if i + 1 < len(heads) else len(line)
            field = line[h.end():stop]
            for tok in re.finditer(r"[\u4e00-\u9fff]+", field):
                name = tok.group()
                if field[tok.end():tok.end() + 1] in (":", "："):
                    continue  # 作者：佚名 来源：某局: a field's label (来源), no name
                if 2 <= len(name) <= 4 and name[:1] in ctx.lex.surnames:
                    s = start + h.end() + tok.start()
                    out.append(Credit(name, role, s, s + len(name)))
    return out


PHOTO_RE = re.compile(
    r"[（(【]\s*(?:[^（）()【】\n]{1,20}?[ 　])?(?P<names>[\u4e00-\u9fff]{2,4}(?:[ 　、]+[\u4e00-\u9fff]{2,4})*)"
    r"[ 　/／]*(?:摄影|摄)\s*[）)】]"
)


def photo_credits(ctx: Ctx) -> list[Credit]:
    """``（张三 摄）``, ``（某局供图 李四 摄）``: the names right before 摄 in brackets took the photographs
    (after 记者 or 通讯员 they are a byline's, left to :func:`qgraph.extract.people.find_bylines`)."""
    out: list[Credit] = []
    for m in PHOTO_RE.finditer(ctx.text):
        if re.search(r"记者|通讯员|编辑", ctx.text[m.start():m.start("names")]):
            continue  # （记者 张三 摄）: a byline, read with its role by the byline rule
        for tok in re.finditer(r"[\u4e00-\u9fff]+", m.group("names")):
            name = tok.group()
            if name[:1] in ctx.lex.surnames and name not in _roles(ctx.lex):
                s = m.start("names") + tok.start()
                out.append(Credit(name, "摄影", s, s + len(name)))
    return out


AUTHOR_BRACKET_RE = re.compile(r"[（(](?:(?P<unit>[\u4e00-\u9fff]{4,24}?(?:局|厅|委|办|办公室|中心|所|院|站))[ 　]+)?(?P<names>[\u4e00-\u9fff]{2,3}(?:[ 　、][\u4e00-\u9fff]{2,3}){0,2})[）)][ 　]*(?=\n|$)")


def author_brackets(ctx: Ctx) -> list[Credit]:
    """``…拉开序幕。（祝某 胡某某）`` closing a report's body: names alone in brackets at the end of the
    report's last paragraph of prose, or on a line of their own after it (only credit lines may follow), are its authors, also after their unit
    and a space (``（某省某市市场监管局 宫某某）``; the unit is left to the organisation rules). Every name must
    start with a known surname and none may be a credit word; anywhere else such a bracket is left alone."""
    out: list[Credit] = []
    for m in AUTHOR_BRACKET_RE.finditer(ctx.text):
        before = ctx.text[:m.start()].rstrip(" \t\u3000\n")  # （某某） on a line of its own after the last paragraph
        if ctx.text[m.start() - 1:m.start()] not in "。！!；;" and not (
                m.start() > 0 and ctx.text[m.start() - 1] in "\n \u3000" and "\n" in ctx.text[len(before):m.start()]
                and before[-1:] in ("。", "！", "!", "；", ";")):
            continue  # 王明（2023年）, 某公司（甲乙）: a bracket inside a sentence
        rest = ctx.text[m.end():].strip().splitlines()
        if any(not _CREDIT_LINE_RE.match(line.strip()) for line in rest if line.strip()):
            continue  # more of the report follows: not its closing credit
        names = re.split(r"[ 　、]", m.group("names"))
        if not all(n[:1] in ctx.lex.surnames and n not in _roles(ctx.lex) for n in names):
            continue
        pos = m.start("names")
        for n in names:
            s = ctx.text.index(n, pos)
            out.append(Credit(n, "作者", s, s + len(n)))
            pos = s + len(n)
    return out


_CREDIT_LINE_RE = re.compile(r"(?:来源|信息来源|稿源|责任编辑|责编|编辑|审核|终审|初审|复审|校对|作者|文字|摄影|监制|策划|通讯员)[ 　]*[:：]")


def find_credits(ctx: Ctx) -> None:
    """Add the people of the credit lines (with their roles), and claim the lines so that no other
    rule reads an organisation or a place in them."""
    org = Ref(Kind.MEDIA, ctx.doc.publisher) if ctx.doc.publisher else None
    if org is not None and not ctx.has_ref(org):
        org = None  # a government publisher: its editors' posts are not read as its posts
    for m in _credit_re(ctx.lex).finditer(ctx.text):
        ctx.claim(m.start(), m.end())
    bracketed = credit_lines(ctx)
    lines = [*credit_line_names(ctx), *photo_credits(ctx), *author_brackets(ctx)]
    for c in [*bracketed, *(c for c in lines if not ctx.overlaps_claim(c.start, c.end))]:
        if ctx.entities_in(c.start, c.end):
            continue
        person = ctx.add(Kind.PERSON, c.name, c.start, c.end)
        ctx.claim(c.start, c.end)
        ctx.posts.append(PostHolding(person.ref, c.role, org, ctx.span(c.start, c.end)))
