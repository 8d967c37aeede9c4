"""Events named with their ordinal, and the parts an event is made of.

``第十二届中国国际商标品牌节在某地开幕``: a name after ``第N届`` ending with an event's ending
(``ordinal_event_endings.tsv``: 节, 博览会, 年会 …) and followed by where or that it opened is an event; its
name keeps the ordinal (the twelfth festival is not the eleventh). ``本届品牌节由某某年会、某某博览会等部分组成``:
each listed part with such an ending is an event of its own. Without the ordinal or the list these endings
name nothing (环节, 春节).

``省第十三次党代会``: the Party congress of the document's place of that level, under its full name
(中国共产党某省第十三次代表大会), a meeting.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx

__all__ = ["find_ordinal_events"]

ORDINAL = r"第[一二三四五六七八九十百\d]+届"
AFTER = r"(?=在|于|[，,。；;]|隆重|盛大|正式|开幕|举办|举行|召开|落幕|闭幕)"


@per_lexicon
def _endings(lex: Lexicon) -> dict[str, Kind]:
    rows = lex.table("ordinal_event_endings.tsv", columns=2, header="ending")
    return {r[0]: Kind(r[1]) for r in sorted(rows, key=lambda r: -len(r[0]))}


@per_lexicon
def _named_re(lex: Lexicon) -> re.Pattern[str]:
    ends = "|".join(map(re.escape, _endings(lex))) or "(?!)"
    return re.compile(rf"{ORDINAL}[\u4e00-\u9fff]{{2,16}}?(?:{ends}){AFTER}")


@per_lexicon
def _parts_re(lex: Lexicon) -> re.Pattern[str]:
    ends = "|".join(map(re.escape, _endings(lex))) or "(?!)"
    item = rf"[\u4e00-\u9fff]{{2,16}}?(?:{ends})"
    return re.compile(rf"由(?P<items>{item}(?:、{item})+)等(?:[\u4e00-\u9fff]{{0,4}})?(?:部分|板块|环节|活动)(?:组成|构成)")


CONGRESS_RE = re.compile(r"(?P<prefix>省|市|县|区)第(?P<n>[一二三四五六七八九十]+)次党代会")


def _congresses(ctx: Ctx) -> None:
    for m in CONGRESS_RE.finditer(ctx.text):
        place = ctx.place_for_prefix(m.group("prefix"))
        if place is None or ctx.overlaps_claim(m.start(), m.end()):
            continue
        ctx.add(Kind.MEETING, f"中国共产党{place.name}第{m.group('n')}次代表大会", m.start(), m.end(),
                aliases=(m.group(),))
        ctx.claim(m.start(), m.end())


def find_ordinal_events(ctx: Ctx) -> None:
    _congresses(ctx)
    endings = _endings(ctx.lex)
    found = [(m.start(), m.end()) for m in _named_re(ctx.lex).finditer(ctx.text)]
    for m in _parts_re(ctx.lex).finditer(ctx.text):
        pos = m.start("items")
        for item in m.group("items").split("、"):
            found.append((pos, pos + len(item)))
            pos += len(item) + 1
    for s, e in found:
        if ctx.overlaps_claim(s, e) or ctx.entities_in(s, e):
            continue
        name = ctx.text[s:e]
        kind = next(k for end, k in endings.items() if name.endswith(end))
        ctx.add(kind, name, s, e)
        ctx.claim(s, e)
