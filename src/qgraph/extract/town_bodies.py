"""Bodies of a town, township or sub-district written after its name: ``某镇党委书记某某`` (the town's Party
committee, 中共某镇委员会), ``某乡人民政府``, ``某街道办事处`` (``town_bodies.tsv``: the word as written, the
body's name after the town's name, its class). The town's name must stand at a boundary — the text's start,
a mark, or a word of location (``location_leads.txt``) — so that ``各乡镇党委`` or ``城乡政府`` are none, and
it must pass the words that name no town (``town_non_names.txt``, ``town_non_heads.txt``)."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Level
from .context import Ctx, is_han

__all__ = ["find_town_bodies"]

STOP_STARTS = "各全该本每其此这那一二两三四五六七八九十多个等和及与在于的了乡镇"


@per_lexicon
def _bodies(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = {r[0]: (r[1], r[2]) for r in lex.table("town_bodies.tsv", columns=3, header="written")}
    words = "|".join(map(re.escape, sorted(rows, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"(?P<town>[\u4e00-\u9fff]{{2,3}}?(?:街道|镇|乡))(?P<body>{words})"), rows


def find_town_bodies(ctx: Ctx) -> None:
    pat, rows = _bodies(ctx.lex)
    leads = tuple(ctx.lex.words("location_leads.txt"))
    non_names = tuple(ctx.lex.words("town_non_names.txt"))
    non_heads = tuple(ctx.lex.words("town_non_heads.txt"))
    for m in pat.finditer(ctx.text):
        s, town = m.start("town"), m.group("town")
        bounded = s == 0 or not is_han(ctx.text[s - 1]) or ctx.text[:s].endswith(leads)
        if not bounded or town[0] in STOP_STARTS or town.endswith(non_names) or town.startswith(non_heads) \
                or any(w in town[:-1] for w in ("镇", "乡", "市", "县", "区", "省")) \
                or ctx.overlaps_claim(s, m.end()):
            continue
        name_end, kind = rows[m.group("body")]
        name = name_end.replace("{town}", town)
        ctx.add(Kind(kind), name, s, m.end(), level=Level.TOWNSHIP,
                aliases=(m.group(),) if m.group() != name else ())
        ctx.claim(s, m.end())
