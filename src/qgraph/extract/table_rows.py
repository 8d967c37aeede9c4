"""A winners' table flattened to text: a heading row (``序号 企业名称 所在区县``), then one row per line
(``1 甲有限公司 长兴县``). Each row's name is a recipient of the programme the paragraph before the table
names (the last one named there), or of the award a column of the row gives (``提名奖``: that award's
grade); the other columns are no part of the name (a place column gives a place). Precision first: the rows must be numbered 1, 2, 3 … and every name must be one the rules know;
a table with a row that is not, or with more rows than the paragraph's count, links nothing.
A table whose lead says its rows are no winners
(candidates, offenders, firms whose title is withdrawn: ``撤销其…称号：``) links nothing.
Column words: ``data/lexicon/table_name_columns.txt``.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..model import Entity, Kind, Listing, Ref
from .context import Ctx
from .preliminary import preliminary_words
from .sub_awards import grade_words, sub_award

__all__ = ["find_table_rows", "line_spans"]

ROW_RE = re.compile(r"[ \t　|｜]*(?P<n>\d{1,3})(?:[ \t　]*[|｜][ \t　]*|[ \t　]+)(?P<name>[^ \t　\n|｜]+)(?P<rest>[^\n]*)$")
"""A row: its number, the name, the other columns; cells apart by spaces or ``|`` (an HTML table's row)."""
HEADER_SPAN = 200
COUNT_RE = re.compile(r"(?P<num>\d+)(?:家|个|项|名)(?:[\u4e00-\u9fff]{0,4})[。；;]?\s*$")


def name_columns(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("table_name_columns.txt")


def line_spans(text: str) -> list[tuple[int, int]]:
    """Each line's (start, end) in ``text``, without its line break."""
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def find_table_rows(ctx: Ctx) -> None:
    lines = line_spans(ctx.text)
    columns = name_columns(ctx.lex)
    for i, (hs, he) in enumerate(lines):
        head = ctx.text[hs:he]
        if "序号" not in head or not any(c in head for c in columns):
            continue
        rows: list[tuple[int, int, int]] = []  # (name start, name end, line end)
        for s, e in lines[i + 1:]:
            m = ROW_RE.match(ctx.text, s, e)
            if m is None or int(m.group("n")) != len(rows) + 1:
                break
            rows.append((m.start("name"), m.end("name"), e))
        before = ctx.text[max(0, hs - HEADER_SPAN):hs]
        progs = [x for x in ctx.entities_in(max(0, hs - HEADER_SPAN), hs) if x.kind.is_programme]
        if not rows or not progs or _not_winners(ctx, progs[-1].span.start, hs):
            continue
        won: list[tuple[Ref, Ref]] = []  # (programme, recipient) per row
        for s, e, line_end in rows:
            ent = next((x for x in ctx.entities_in(s, e) if x.span.start == s and x.span.end == e
                        and (x.kind.is_organization or x.kind in (Kind.BRAND, Kind.PERSON))), None)
            prog = _row_award(ctx, e, line_end, progs[-1])
            if ent is None or prog is None:
                won = []
                break
            won.append((prog, ent.ref))
        count = COUNT_RE.search(before)
        if not won or (count is not None and len(won) > int(count.group("num"))):
            continue
        for prog in dict.fromkeys(p for p, _ in won):
            ctx.listings.append(Listing(prog, tuple(r for p, r in won if p == prog), ctx.span(hs, rows[-1][2]),
                                        count=int(count.group("num")) if count and len(set(p for p, _ in won)) == 1 else None))


def _not_winners(ctx: Ctx, start: int, end: int) -> bool:
    """Whether the lead of a table (from the sentence naming its programme to the table) says the rows
    are no winners: candidates (``拟授予``, ``公示``), offenders (``黑名单``) or firms losing or failing
    something (``撤销其…称号``, ``不合格``). Words: ``preliminary_words.txt``, ``sanction_lists.txt``,
    ``withdrawal_words.txt``."""
    sent = ctx.sentence_of(start)
    lead = ctx.text[sent.span.start if sent is not None else start:end]
    return (preliminary_words(ctx.lex).marks(lead) or any(w in lead for w in ctx.lex.sanction_words)
            or any(w in lead for w in ctx.lex.words("withdrawal_words.txt")))


def _row_award(ctx: Ctx, start: int, end: int, named: Entity) -> Ref | None:
    """The award a row's other columns give (``提名奖``: the named award's grade; an award's name: that
    award), the award named before the table when they give none, ``None`` for an award word not read."""
    rest = ctx.text[start:end]
    own = next((x for x in ctx.entities_in(start, end) if x.kind.is_programme), None)
    if own is not None:
        return own.ref
    grade = next((g for g in grade_words(ctx.lex) if g in rest), None)
    if grade is not None:
        at = start + rest.index(grade)
        return sub_award(ctx, named, grade, at, at + len(grade)).ref
    return None if "奖" in rest else named.ref
