"""Figures of a statistics table: one figure per numeric cell.

A table reaches the text one row per line, its cells separated by ``|`` (how an HTML ``<table>`` is
written out), tabs or runs of two or more spaces::

    排名 | 区域 | 新增注册商标(件) | 合格率 |
    1 | 甲区 | 6510 | 98.5 |
    全市 | 19779 | 97.2 |

The heading row must be read whole: one label column (``区域``, ``类别``, ``企业名称``;
``stat_table_labels.tsv`` says whether its rows are places, product categories or organisations), an
optional rank column (``stat_table_ranks.txt``) and measure columns, each with a unit in brackets or
after a slash (``新增注册商标(件)``, ``金额(万元)``, ``样品抽检数量/批次``), a measure word that bears one
(``合格率``, ``抽查批次``; ``stat_table_measure_endings.tsv``) or the unit the caption gives every column
(``单位：件``). Spaces inside a heading cell (a line break in the page) are dropped. A heading with any
other cell gives no figure; a row number under a heading cell left blank is no cell.

Each row's label is the figures' subject: a place under the document's place (``徐汇`` → 徐汇区 in a
Shanghai report), a total (``全市``, ``合计``; ``stat_table_totals.tsv``) the document's place; a
product category is a breakdown of the check the lines before the table name (no check named: no
figure), as spot-check figures read from sentences carry their category; an organisation must be one
the rules found on that cell; a part of the check (``生产领域``, ``流通环节``; ``breakdowns.tsv``) is that
check's breakdown. A row whose label is none of these, or whose cells do not line up with
the heading, gives nothing. A cell that is no number (``—``, ``/``) gives nothing. The period is the
heading cell's (``2019年上半年新增注册商标``), else the caption's (the line before the table), else
the document's. Each figure's span is its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, Kind, Observation, Ref
from .context import Ctx
from .periods import Period, periods_in, reference
from .table_rows import line_spans

__all__ = ["find_stat_tables", "split_cells"]

PIPE_RE = re.compile(r"\s*[|｜]\s*")
TAB_RE = re.compile(r"[ 　]*\t[\t 　]*")
SPACES_RE = re.compile(r"(?:[ 　]{2,}|　)")
UNIT_RE = re.compile(r"(?P<m>.+?)\s*(?:[（(](?P<u>[^（）()]{1,6})[）)]|[/／](?P<s>[^/／]{1,4}))\s*")
VALUE_RE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?P<f>\.\d+)?\s*(?P<pct>[%％])?")
SHARED_UNIT_RE = re.compile(r"单位\s*[:：]\s*(?P<u>[^\s)）,，;；:：]{1,4})")
NO_VALUE_RE = re.compile(r"[—\-－/／–~～×\s]*")
CAPTION_REACH = 2
"""How many lines before the heading may hold the table's caption (its period, its check)."""
CHECK_REACH = 400
"""How far before the heading the check of a category table may be named."""


@dataclass(frozen=True)
class Column:
    role: str  # "rank", "label" or "measure"
    measure: str = ""
    unit: str = ""
    scale: int = 1
    period: Period | None = None


def split_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the line ``text[start:end]`` as ``(start, end)`` offsets, stripped; separators
    ``|`` (an outer one opens or closes the row), a tab, or a run of two spaces. ``[]`` for a line
    with none of them."""
    line = text[start:end]
    for sep in (PIPE_RE, TAB_RE, SPACES_RE):
        if sep.search(line.strip()) is not None:
            break
    else:
        return []
    cells, at = [], 0
    for m in sep.finditer(line):
        cells.append((at, m.start()))
        at = m.end()
    cells.append((at, len(line)))
    out = []
    for s, e in cells:
        piece = line[s:e]
        lead = len(piece) - len(piece.lstrip())
        out.append((start + s + lead, start + s + len(piece.rstrip())))
    if sep is PIPE_RE:  # |a|b|: the outer bars open and close the row
        if out and out[0][0] == out[0][1]:
            out = out[1:]
        if out and out[-1][0] == out[-1][1]:
            out = out[:-1]
    return out


@per_lexicon
def _labels(lex: Lexicon) -> dict[str, str]:
    return {w: k for w, k, *_ in lex.table("stat_table_labels.tsv", columns=2, header="word")}


@per_lexicon
def _parts(lex: Lexicon) -> dict[str, str]:
    """A part word of a check → the breakdown it names (``breakdowns.tsv``)."""
    out: dict[str, str] = {}
    for row in lex.table("breakdowns.tsv", columns=2):
        if row[1]:
            out.setdefault(row[0], row[1])
    return out


@per_lexicon
def _totals(lex: Lexicon) -> dict[str, str]:
    return {w: p for w, p, *_ in lex.table("stat_table_totals.tsv", columns=2, header="word")}


@per_lexicon
def _endings(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    rows = lex.table("stat_table_measure_endings.tsv", columns=2, header="ending")
    return tuple(sorted(((e, u) for e, u, *_ in rows), key=lambda r: -len(r[0])))


def _unit(lex: Lexicon, word: str) -> tuple[str, int] | None:
    """The unit and scale of a bracketed unit word (``件``, ``万元``, ``万件``, ``%``)."""
    for scale, rest in ((1, word), (10000, word[1:] if word.startswith("万") else ""),
                        (100000000, word[1:] if word.startswith("亿") else "")):
        info = next((u for u in lex.units if u.word == rest), None) if rest else None
        if info is not None:
            return info.unit, info.scale * scale
    return None


def _column(ctx: Ctx, start: int, end: int, ref: object, shared: tuple[str, int] | None = None) -> Column | None:
    """What a heading cell names: the rank, the label or a measure with its unit (``shared``: the unit
    the caption gives every column, ``单位：件``)."""
    cell = re.sub(r"\s+", "", ctx.text[start:end])  # 合 格 批次数: a line break inside a heading cell
    lex = ctx.lex
    if cell in lex.words("stat_table_ranks.txt"):
        return Column("rank")
    if cell in _labels(lex):
        return Column("label", measure=_labels(lex)[cell])
    m = UNIT_RE.fullmatch(cell)
    words, unit = (m.group("m"), _unit(lex, m.group("u") or m.group("s"))) if m else (cell, None)
    if m is not None and unit is None:
        return None
    if unit is None:
        ending = next((u for e, u in _endings(lex) if words.endswith(e)), None)
        if ending is None and shared is None:
            return None
        unit = (ending, 1) if ending is not None else shared
    said = [p for p in periods_in(ctx, ref, start, end) if p.value]  # type: ignore[arg-type]
    measure = words
    for p in said:
        if p.words:
            measure = measure.replace(p.words, "", 1)
    measure = measure.strip(" 　：:")
    if not re.fullmatch(r"[\u4e00-\u9fff0-9（）()、]{2,30}", measure) or not re.search(r"[\u4e00-\u9fff]", measure):
        return None
    return Column("measure", measure=measure, unit=unit[0], scale=unit[1], period=said[0] if said else None)


def find_stat_tables(ctx: Ctx) -> None:
    """Read every statistics table of the document into figures (see the module's text)."""
    text = ctx.text
    if "|" not in text and "｜" not in text and "\t" not in text and "  " not in text and "　" not in text:
        return
    lines = line_spans(text)
    ref = reference(ctx)
    i = 0
    while i < len(lines):
        hs, he = lines[i]
        cells = split_cells(text, hs, he)
        shared = _caption_unit(ctx, lines, i) if len(cells) >= 2 else None
        columns = [_column(ctx, s, e, ref, shared) for s, e in cells] if len(cells) >= 2 else []
        if (not columns or any(c is None for c in columns)
                or [c.role for c in columns if c is not None].count("label") != 1
                or not any(c is not None and c.role == "measure" for c in columns)):
            i += 1
            continue
        cols = [c for c in columns if c is not None]
        j = i + 1
        found: list[Observation] = []
        totals: list[Observation] = []
        while j < len(lines):
            rs, re_ = lines[j]
            row = split_cells(text, rs, re_)
            if len(row) < 2 or not any(VALUE_RE.fullmatch(text[s:e]) for s, e in row):
                break
            got, total = _row(ctx, ref, cols, row, lines, i)
            (totals if total else found).extend(got)
            j += 1
        if found:  # a total row counts only under rows the rules could read: else the table is not what it seems
            found.extend(totals)
        if found:
            lo, hi = hs, lines[j - 1][1]
            ctx.observations[:] = [o for o in ctx.observations if not (lo <= o.span.start < hi)]
            ctx.observations.extend(found)
        i = j


def _row(ctx: Ctx, ref: object, cols: list[Column], row: list[tuple[int, int]],
         lines: list[tuple[int, int]], head: int) -> tuple[list[Observation], bool]:
    """The figures of one row, and whether it is the total row."""
    text = ctx.text
    roles = [c.role for c in cols]
    label_at = roles.index("label")
    if len(row) == len(cols) - 1 and roles[0] == "rank" and label_at == 1 and text[row[0][0]:row[0][1]] in _totals(ctx.lex):
        row = [(row[0][0], row[0][0])] + row  # 全市 | 197799 | …: the total row has no rank
    if len(row) == len(cols) + 1 and roles[0] != "rank" and text[row[0][0]:row[0][1]].isdigit():
        row = row[1:]  # a row number under a heading cell left blank
    if len(row) != len(cols):
        return [], False  # the cells do not line up with the heading: no guess
    for c, (s, e) in zip(cols, row):
        if c.role == "rank" and s < e and not text[s:e].isdigit():
            return [], False
    subject = _subject(ctx, cols[label_at].measure, *row[label_at], head, lines)
    if subject is None:
        return [], False
    who, breakdown = subject
    caption = _caption_period(ctx, ref, lines, head)
    out = []
    for c, (s, e) in zip(cols, row):
        if c.role != "measure" or NO_VALUE_RE.fullmatch(text[s:e]):
            continue
        m = VALUE_RE.fullmatch(text, s, e)
        if m is None:
            continue
        if m.group("pct") and c.unit != "Percent":
            continue  # a per cent under a heading of another unit: the columns are not what they seem
        try:
            value = Decimal(m.group("n").replace(",", "") + (m.group("f") or "")) * c.scale
        except InvalidOperation:
            continue
        period = c.period or caption
        default = ref.period or ref.year  # type: ignore[attr-defined]
        out.append(Observation(
            measure=c.measure, value=value.normalize() if value != value.to_integral() else value.quantize(Decimal(1)),
            unit=c.unit, span=ctx.span(s, e), subject=who, breakdown=breakdown,
            period=period.value if period else default, period_words=period.words if period else None,
            place=who.name if who.kind is Kind.PLACE else (ctx.home.name if ctx.home else None),
            period_inferred=period is None,
            confidence=CONFIDENCE["named"] if period else CONFIDENCE["document"]))
    return out, text[row[label_at][0]:row[label_at][1]] in _totals(ctx.lex)


def _subject(ctx: Ctx, kind: str, start: int, end: int, head: int,
             lines: list[tuple[int, int]]) -> tuple[Ref, str | None] | None:
    """The subject (and breakdown) a row's label gives, ``None`` when the rules cannot tell."""
    label = ctx.text[start:end]
    total = _totals(ctx.lex).get(label)
    if kind == "breakdown":  # 生产领域 / 流通领域: a known part of the check (breakdowns.tsv)
        check = _check(ctx, lines[head][0])
        part = _parts(ctx.lex).get(label)
        if check is None or (part is None and total is None):
            return None
        return check, part
    if kind == "category":
        check = _check(ctx, lines[head][0])
        if check is None:
            return None
        if total is not None:
            return check, None
        if not re.fullmatch(r"[\u4e00-\u9fff（）()、]{2,16}", label):
            return None
        return check, label
    if total is not None:
        if kind != "place":
            return None
        info = ctx.home if total == "home" else ctx.place_for_prefix(total)
        return (Ref(Kind.PLACE, info.name), None) if info is not None else None
    if kind == "place":
        info = ctx.resolve_place(label)
        home = ctx.home
        if info is None or home is None or info.code == home.code:
            return None
        if home.code not in {a.code for a in ctx.lex.ancestors(info)}:
            return None  # only a place under the document's own
        return Ref(Kind.PLACE, info.name), None
    ent = next((x for x in ctx.entities_in(start, end) if x.span.start == start and x.span.end == end
                and x.kind.is_organization), None)
    return (ent.ref, None) if ent is not None else None


def _check(ctx: Ctx, heading: int) -> Ref | None:
    """The check the lines before a category table name (the last one named)."""
    checks = [x for x in ctx.entities_in(max(0, heading - CHECK_REACH), heading) if x.kind in INSPECTION_KINDS]
    return checks[-1].ref if checks else None


def _caption_unit(ctx: Ctx, lines: list[tuple[int, int]], head: int) -> tuple[str, int] | None:
    """The unit the caption gives every column (``单位：件``), if any."""
    for k in range(head - 1, max(-1, head - 1 - CAPTION_REACH), -1):
        m = SHARED_UNIT_RE.search(ctx.text, *lines[k])
        if m is not None:
            return _unit(ctx.lex, m.group("u"))
    return None


def _caption_period(ctx: Ctx, ref: object, lines: list[tuple[int, int]], head: int) -> Period | None:
    """The period the caption before the table names (the nearest line before the heading that names one)."""
    for k in range(head - 1, max(-1, head - 1 - CAPTION_REACH), -1):
        s, e = lines[k]
        said = [p for p in periods_in(ctx, ref, s, e) if p.value and not p.target]  # type: ignore[arg-type]
        if said:
            return said[0]
    return None
