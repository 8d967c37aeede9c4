"""Speakers named without a post: ``某某在讲话中指出…``, ``某某作了《全市质量工作报告》``, ``某某宣读了表彰决定``.

A name of two or three characters led by a known surname that opens a sentence or clause, right before a
verb of speaking (``speech_verbs.txt``), is a person: on one mention with a "strong" verb (在讲话中…, 作了《,
宣读了), on two with the others (指出, 强调 …), which a body (会议指出) or a place can also open.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx

NOT_NAME_STARTS = ("全", "党", "区", "各", "市", "省", "县", "向")
"""Surnames that open common words far more often than names (全市, 党委, 区委; 向大会作报告: 向 addresses the
audience)."""


@per_lexicon
def _speech(lex: Lexicon) -> tuple[re.Pattern[str], frozenset[str]]:
    rows = lex.table("speech_verbs.txt", columns=2, header="verb")
    verbs = sorted((r[0] for r in rows), key=len, reverse=True)
    strong = frozenset(r[0] for r in rows if r[1] == "strong")
    pat = re.compile(r"(?:^|(?<=[。！？；;\n，,：:]))(?P<name>[\u4e00-\u9fff]{2,3}?)(?P<verb>"
                     + "|".join(map(re.escape, verbs)) + ")", re.M)
    return pat, strong


def find_speakers(ctx: Ctx) -> None:
    pat, strong = _speech(ctx.lex)
    seen: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for m in pat.finditer(ctx.text):
        name = m.group("name")
        surname = 2 if name[:2] in ctx.lex.surnames and len(name) == 3 else 1
        if name[:surname] not in ctx.lex.surnames or name.startswith(NOT_NAME_STARTS):
            continue
        if name in ctx.lex.place_names or name in ctx.lex.posts or ctx.overlaps_claim(m.start("name"), m.end("name")):
            continue
        seen[name].append((m.start("name"), m.end("name"), m.group("verb") in strong))
    known = {e.name for e in ctx.entities if e.kind is Kind.PERSON}
    for name, mentions in seen.items():
        if not (name in known or len(mentions) >= 2 or any(s for _, _, s in mentions)):
            continue
        for start, end, _ in mentions:
            if not ctx.overlaps_claim(start, end):
                ctx.add(Kind.PERSON, name, start, end)
                ctx.claim(start, end)
