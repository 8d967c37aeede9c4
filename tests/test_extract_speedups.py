"""Helpers of the extractor rewritten for speed give what their plain versions give.

Each plain version below is the straightforward definition (a scan over every lexicon word or every
length); the package's version must agree with it at every position of every bundled and evaluation
document (and, for the edge of the text, on short texts)."""

from __future__ import annotations

import random

import pytest

from qgraph.extract import _name_lengths_at
from qgraph.extract.context import Ctx
from qgraph.extract.measures import _unit_at
from qgraph.extract.context import PUNCT
from qgraph.extract.indexes import boundary_words_in
from qgraph.extract.orgs import (
    ORDINAL_UNIT_RE,
    BRACKETED_NAME_WORDS,
    CLASSIFIERS,
    COUNTED_NOUN_JOIN_RE,
    DATE_TAIL_RE,
    LEADING_FUNCTION_CHARS,
    NATIONAL_STARTS,
    _elided_home,
    _inside_place,
    _inside_protected,
    _protected,
    left_edge,
    place_starting_at,
    wan_jia_in_name,
)
from qgraph.lexicon import load_lexicon
from qgraph.model import Document
from regen_extraction_golden import document_paths

LEX = load_lexicon()
TEXTS = [p.read_text(encoding="utf-8") for p in document_paths()] + ["和平区", "区和", "平和", "联合体", "合"]


def _ctx(text: str) -> Ctx:
    return Ctx(doc=Document("d", "d.txt", text), lex=LEX)


def plain_inside_place(ctx: Ctx, s: int, e: int) -> bool:
    for length in range(2, 8):
        for a in range(max(0, s - length + 1), s + 1):
            b = a + length
            if b >= e and ctx.resolve_place(ctx.text[a:b]) is not None:
                return True
    return False


def plain_inside_protected(ctx: Ctx, pos: int, length: int) -> bool:
    for w in ctx.lex.protected_words:
        if len(w) <= length:
            continue
        for k in range(len(w) - length + 1):
            if ctx.text.startswith(w, pos - k):
                return True
    return False


def plain_left_edge(ctx: Ctx, start: int, *, max_len: int = 30, after_claims: bool = True) -> int:
    lo = start
    floor = max(0, start - max_len)
    while lo > floor:
        ch = ctx.text[lo - 1]
        if ch in "）)":
            opening = max(ctx.text.rfind("（", floor, lo - 1), ctx.text.rfind("(", floor, lo - 1))
            inner = ctx.text[opening + 1:lo - 1] if opening != -1 else ""
            if 2 <= len(inner) <= 4 and (ctx.resolve_place(inner) is not None or inner in BRACKETED_NAME_WORDS) \
                    and opening > floor:
                lo = opening
                continue
            break
        if ch in PUNCT or ch.isspace() or ch.isdigit() or ch in ".．":
            break
        if ch in CLASSIFIERS and lo - 2 >= 0 and (ctx.text[lo - 2].isdigit() or ctx.text[lo - 2] in "一二两三四五六七八九十百千万余多") \
                and not wan_jia_in_name(ctx.text, lo):
            break
        lo -= 1
    counted = COUNTED_NOUN_JOIN_RE.match(ctx.text, lo, start)
    if counted is not None and lo > 0 and ctx.text[lo - 1] in CLASSIFIERS and start - counted.end() >= 2:
        lo = counted.end()
    if after_claims:
        lo = max(lo, ctx.claim_end_before(start, lo))
    body = ctx.text[lo:start]
    best = lo
    for word in ctx.lex.boundary_words:
        i = body.rfind(word)
        while i != -1:
            cut = lo + i + len(word)
            if len(word) == 1 and i > 0 and (
                (start - cut) < 2 or _protected(ctx, lo + i) or (place_starting_at(ctx, cut, limit=start) is None
                                                                  and not _elided_home(ctx, word, cut)
                                                                  and not ctx.text.startswith(NATIONAL_STARTS, cut))
            ):
                i = body.rfind(word, 0, i)
                continue
            if len(word) > 1 and plain_inside_protected(ctx, lo + i, len(word)):
                i = body.rfind(word, 0, i)
                continue
            if ctx.text[cut:start] in ctx.lex.words("business_words.txt"):
                i = body.rfind(word, 0, i)
                continue
            if ORDINAL_UNIT_RE.match(ctx.text, cut, start):
                i = body.rfind(word, 0, i)
                continue
            if cut > best and not plain_inside_place(ctx, lo + i, cut):
                best = cut
            break
    while best < start - 2 and ctx.text[best] in LEADING_FUNCTION_CHARS and not _protected(ctx, best):
        best += 1
    if best > 0 and ctx.text[best - 1] in "（(" and ctx.text.startswith("原", best) and start - best > 4:
        best += 1
    date_tail = DATE_TAIL_RE.match(ctx.text, best, start)
    if date_tail is not None and best > 0 and ctx.text[best - 1].isdigit() and start - date_tail.end() >= 1:
        best = date_tail.end()
    return best


def plain_place_starting_at(ctx: Ctx, pos: int, *, max_len: int = 10, limit: int | None = None):
    end_max = min(len(ctx.text), pos + max_len, limit if limit is not None else 10**12)
    for end in range(end_max, pos + 1, -1):
        info = ctx.resolve_place(ctx.text[pos:end])
        if info is not None:
            return end, info
    return None


def plain_unit_at(ctx: Ctx, pos: int):
    return next((u for u in ctx.lex.units if ctx.text.startswith(u.word, pos)), None)


def test_context_look_ups_agree_with_entities_in() -> None:
    from qgraph.extract import extract
    from qgraph.sources import read_document

    for path in document_paths()[:12]:
        doc = read_document(path)
        ctx = _ctx(doc.text)
        for e in extract(doc, LEX).entities:
            ctx.entities.append(e)
            ctx._indexed(len(ctx.entities) - 1)
        for pos in range(0, len(doc.text), 3):
            for end in (pos, pos + 5, pos + 40):
                assert ctx.starting_at(pos, end) == [e for e in ctx.entities_in(pos, end) if e.span.start == pos]


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_helpers_agree_with_their_plain_versions(index: int) -> None:
    text = TEXTS[index]
    ctx = _ctx(text)
    rng = random.Random(index)
    positions = range(len(text)) if len(text) < 200 else sorted(rng.sample(range(len(text)), 200))
    for s in positions:
        for length in (1, 2, 3):
            e = min(len(text), s + length)
            if e > s:
                assert _inside_place(ctx, s, e) == plain_inside_place(ctx, s, e), (text[s:e], s)
            assert _inside_protected(ctx, s, length) == plain_inside_protected(ctx, s, length), (text[s:s + length], s)
        assert _unit_at(ctx, s) == plain_unit_at(ctx, s)
        for limit in (None, s + 3, s + 6):
            assert place_starting_at(ctx, s, limit=limit) == plain_place_starting_at(ctx, s, limit=limit), (s, limit)
        for max_len in (10, 24, 30):
            assert left_edge(ctx, s, max_len=max_len) == plain_left_edge(ctx, s, max_len=max_len), (s, max_len)
        plain_names = list(dict.fromkeys(text[s:s + n] for n in range(8, 1, -1) if text[s:s + n] in LEX.place_names))
        assert [text[s:s + n] for n in _name_lengths_at(LEX, text, s)] == plain_names  # (past the end: what is left)
        for chars in ("，,；;：:", "、", "，,；;、", "，,；;：:。！？!?\n、"):
            for start in (max(0, s - 40), s):
                for end in (s, s + 1, s + 25, len(text) + 3):
                    assert ctx.last_of(chars, start, end) == max(text.rfind(c, start, end) for c in chars), (s, end)
        body = text[max(0, s - 30):s]
        words = set(boundary_words_in(LEX, body))
        assert words >= {w for w in LEX.boundary_words if w in body}
    assert _unit_at(ctx, len(text)) == plain_unit_at(ctx, len(text))


def test_place_names_by_code_are_the_scan_of_every_name() -> None:
    from qgraph.extract.homes import _names_of
    from qgraph.lexicon import load_lexicon
    lex = load_lexicon()
    for name in ("杭州市", "泰州市", "西湖区", "山东省"):
        place = lex.place_names[name][0]
        scanned = [n for n, cands in lex.place_names.items() if len(n) >= 2 and any(c.code == place.code for c in cands)]
        assert _names_of(lex, place) == scanned


def test_the_rules_patterns_fit_in_res_cache() -> None:
    import re
    import qgraph.extract  # noqa: F401  (raises re's cache size on import)
    assert re._MAXCACHE >= 4096


def plain_protected(ctx: Ctx, start: int, end: int) -> list[tuple[int, int]]:
    words = [w for w in ctx.lex.food_categories if any(c in w for c in "、和及")]
    out, pos = [], start
    while pos < end:
        hit = next((w for w in words if ctx.text.startswith(w, pos) and pos + len(w) <= end), None)
        if hit is None:
            pos += 1
            continue
        out.append((pos, pos + len(hit)))
        pos += len(hit)
    return out


SCAN_TEXTS = TEXTS + [
    "截至今年6月底，全市拥有有效注册商标1200件。2023—2024年度共评选2批，“十四五”以来新增5家。",
    "一至三月，第一至第二季度，质量月期间，发现有问题，现有企业30家，1-3月份抽查40批次。",
    "粮食加工品、食用油、油脂及其制品和调味品共抽检80批次，食用油、油脂及其制品合格率为98.5%。",
]


@pytest.mark.parametrize("index", range(len(SCAN_TEXTS)))
def test_window_scans_agree_with_plain_scans(index: int) -> None:
    """Period matches, lexicon categories and non-Han positions found from the document's indexes are
    what the plain scans over the whole window find, at windows of every size."""
    from qgraph.extract.context import is_han
    from qgraph.extract.food_categories import protected
    from qgraph.extract.periods import PERIOD_RE, period_matches
    from qgraph.extract.places import NON_HAN_RE

    text = SCAN_TEXTS[index]
    ctx = _ctx(text)
    rng = random.Random(index)
    starts = range(len(text)) if len(text) < 120 else sorted(rng.sample(range(len(text)), 120))
    for s in starts:
        for width in (0, 1, 3, 8, 20, 60, len(text)):
            e = min(len(text), s + width)
            got = [(m.span(), m.groupdict()) for m in period_matches(ctx, s, e)]
            assert got == [(m.span(), m.groupdict()) for m in PERIOD_RE.finditer(text, s, e)], (s, e)
            assert protected(ctx, s, e) == plain_protected(ctx, s, e), (s, e)
    assert [m.end() for m in NON_HAN_RE.finditer(text)] == [i + 1 for i, ch in enumerate(text) if not is_han(ch)]
    assert all(m.end() - m.start() > 0 for m in PERIOD_RE.finditer(text))  # (no empty match a window could start)
    for m in PERIOD_RE.finditer(text):
        first = min(i for i, ch in enumerate(m.group()) if ch in "截目当现至月季年五")
        assert first <= 9, m.group()


def test_own_words_of_a_place_are_the_level_words_it_owns() -> None:
    from qgraph.extract.certainty import own_word, own_words_of
    from qgraph.extract.indexes import level_words

    for name in ("杭州市", "西湖区", "山东省", "义乌市", "北京市", "新疆维吾尔自治区"):
        for place in LEX.place_names.get(name, ()):
            assert own_words_of(LEX, place) == tuple(w for w in level_words(LEX) if own_word(LEX, w, place))


def test_breakdown_look_ups_agree_with_a_walk_of_every_word() -> None:
    from qgraph.extract.scope import breakdown_label, breakdown_prefix, breakdown_words

    for text in TEXTS:
        for s in range(0, len(text), 7):
            piece = text[s:s + 12]
            assert breakdown_label(LEX, piece) == next((lb for w, lb in breakdown_words(LEX) if piece.startswith(w)), None)
            assert breakdown_prefix(LEX, piece) == next((len(w) for w, _ in breakdown_words(LEX) if piece.startswith(w)), 0)
    for w, label in breakdown_words(LEX):
        assert breakdown_label(LEX, w + "抽查") == next(lb for x, lb in breakdown_words(LEX) if (w + "抽查").startswith(x))
