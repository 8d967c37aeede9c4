"""Lists of attendees and leaders: ``出席会议的有市人大常委会副主任某某、市政协副主席某某``,
``县领导某某、某某出席启动仪式``.

After an opener (``的有``; ``data/lexicon/attendee_leads.tsv``) the first item starts as after
punctuation, so an elided place (``市人大常委会``) is the report's own. After a leaders' word (``市领导``)
the names listed up to a verb of attending are persons; the text gives them no post, so none is read
(``领导`` names no post in any organisation); words that are no names (干部, 班子) end the list, and a candidate starting with a common word
(应邀, 全程, 于会前; ``data/lexicon/name_stop_starts.txt``) is no name.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx, is_han

__all__ = ["after_list_opener", "find_leader_lists"]

"""Verbs that close a list of leaders' names (县领导某某、某某出席)."""


@per_lexicon
def _leads(lex: Lexicon) -> dict[str, str]:
    return {r[0]: r[1] for r in lex.table("attendee_leads.tsv", columns=2, header="written")}


def after_list_opener(ctx: Ctx, pos: int) -> bool:
    """``pos`` is where a list of attendees starts, right after its opener (出席会议的有|市人大…)."""
    return any(ctx.text.endswith(w, 0, pos) for w, opens in _leads(ctx.lex).items() if opens == "opener")


@per_lexicon
def _leaders_re(lex: Lexicon) -> re.Pattern[str]:
    words = sorted((w for w, opens in _leads(lex).items() if opens == "leaders"), key=len, reverse=True)
    name = r"(?:(?![等和及])[\u4e00-\u9fff]){2,4}?"
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))})(?P<names>{name}(?:、{name})*)(?:等)?(?:同志)?(?=(?:{'|'.join(map(re.escape, lex.words('attend_verbs.txt')))}))")


def find_leader_lists(ctx: Ctx) -> None:
    """The names after ``市领导`` up to a verb of attending: persons, with no post."""
    for m in _leaders_re(ctx.lex).finditer(ctx.text):
        s = m.start()
        if s > 0 and is_han(ctx.text[s - 1]) and ctx.text[s - 1] not in "和及与由等有":
            continue  # 各级领导…: not a leaders' word of a place
        names = m.group("names").split("、")
        if not all(_a_name(ctx, n) for n in names):
            continue  # 市领导班子成员出席: no names
        pos = m.start("names")
        for n in names:
            if not ctx.overlaps_claim(pos, pos + len(n)):
                ctx.add(Kind.PERSON, n, pos, pos + len(n))
                ctx.claim(pos, pos + len(n))
            pos += len(n) + 1


def _a_name(ctx: Ctx, name: str) -> bool:
    if any(w in name for w, opens in _leads(ctx.lex).items() if opens == "not_name"):
        return False  # 市领导干部出席: no name
    if any(name.startswith(w) for w in ctx.lex.words("name_stop_starts.txt")):
        return False  # 县领导应邀出席, 全程参加: a common word, not a name
    surname = 2 if name[:2] in ctx.lex.surnames else 1
    return name[:surname] in ctx.lex.surnames and 2 <= len(name) <= surname + 2
