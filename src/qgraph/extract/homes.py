"""How sure the document's own place is.

``document_place`` counts place names; on a report that names its own place once, or only inside a
list of peers (``浙江、山东、四川和福建等省``) and never speaks of itself (全市, 我县, 市政府…), that count is
weak evidence. The figures such a report would give its place are then marked inferred (see
:mod:`.figures`): a false figure is worse than a missing one.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..model import Document
from .indexes import own_place_words

LIST_JOINERS = "、和及与"
"""Characters joining the items of a list of places (浙江、山东、四川和福建)."""


def national_title(lex: Lexicon, title: str | None, names_place) -> bool:
    """``我国农产品地理标志已达…``: a title opening with the country and naming no place."""
    return bool(title) and title.startswith(lex.words("national_leads.txt")) and not names_place(title)


@per_lexicon
def _names_by_code(lex: Lexicon) -> dict[str, list[str]]:
    """Every name of two characters or more a place is written by, per place code (built once per lexicon)."""
    out: dict[str, list[str]] = {}
    for n, cands in lex.place_names.items():
        if len(n) >= 2:
            for code in dict.fromkeys(c.code for c in cands):
                out.setdefault(code, []).append(n)
    return out


def _names_of(lex: Lexicon, place: PlaceInfo) -> list[str]:
    return _names_by_code(lex).get(place.code, [])


def weakly_placed(document: Document, lex: Lexicon, place: PlaceInfo | None) -> bool:
    """The document was given ``place`` by counting names, on weak evidence: no metadata, no title
    naming it, no word by which the report speaks of itself, and the place named at most once or
    only as an item of a list of places."""
    if place is None or place.level == "country" or document.place:
        return False
    text = document.text
    names = _names_of(lex, place)
    if document.title and any(n in document.title for n in names):
        return False
    if any(w in text for w in (*own_place_words(lex), *lex.words("home_words.txt"))):
        return False
    spans = sorted({(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)})
    spans = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    if len(spans) <= 1:
        return True
    return all(_in_list(text, s, e) for s, e in spans)


def _in_list(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is an item of a list (a joiner right before or after it)."""
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    after2 = text[end + 1:end + 2]
    return before in LIST_JOINERS or after in LIST_JOINERS or (after in "省市县区" and after2 in LIST_JOINERS)
