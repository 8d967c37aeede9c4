"""Faster ``finditer`` for the rules' whole-text patterns, with exactly the same matches.

Most list patterns of the rules open with a long character class (``[^，。、…]{2,12}``) before the word
that makes them (``…等10条产业链``, ``…区域公用品牌``): Python's ``re`` tries them at every character of
the text, and the text has few places where one can match. A :class:`Scan` tries the pattern only
at the positions from which a match can reach its *anchor* — a word every match contains — and
gives the same matches as ``pattern.finditer``, in the same order, provided that, in every match,

- the anchor (a regular expression, usually a word or an alternation of words) matches somewhere in
  the match, and
- between the match's start and that anchor there is no character of ``stops``, and the anchor
  starts at most ``within`` characters after the match's start (when ``within`` is given).

``stops`` are characters the pattern's classes exclude before its anchor (punctuation, spaces):
fewer stops only cost time, never matches. ``tests/test_extract_scan.py`` checks every Scan of
the package against plain ``finditer`` on the bundled and evaluation documents and on random
texts, so a pattern edited past these conditions fails there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..lexicon import Lexicon, per_lexicon

PUNCTUATION_STOPS = "，,。；;:：“”《》\n\r\t \u3000"
"""Stops for the common case: a pattern whose items exclude these punctuation marks and spaces."""


@dataclass(frozen=True)
class Scan:
    pattern: re.Pattern[str]
    anchor: str
    """A regular expression every match of ``pattern`` contains (see the module's conditions)."""
    stops: str = ""
    within: int | None = None
    _anchor: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _stops: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _literal: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_anchor", re.compile(f"(?=(?:{self.anchor}))", self.pattern.flags))
        stops = re.compile(f"(?s).*[{re.escape(self.stops)}]") if self.stops else None  # up to the last stop
        object.__setattr__(self, "_stops", stops)
        object.__setattr__(self, "_literal", bool(self.anchor) and re.escape(self.anchor) == self.anchor
                           and not self.pattern.flags & re.IGNORECASE)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The matches ``self.pattern.finditer(text, pos, endpos)`` gives."""
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        tried = pos  # every start before this one is ruled out
        for a in self._anchors(text, pos, end):
            if a < tried:
                continue
            lo = tried
            if self.within is not None:
                lo = max(lo, a - self.within)
            if self._stops is not None and (last := self._stops.match(text, lo, a)) is not None:
                lo = last.end()  # just after the last stop before the anchor
            for start in range(lo, a + 1):
                m = self.pattern.match(text, start, end)
                if m is not None:
                    yield m
                    tried = max(m.end(), start + 1)
                    break
            else:
                tried = a + 1

    def _anchors(self, text: str, pos: int, end: int) -> Iterator[int]:
        """Every position in ``[pos, end)`` where the anchor matches, in order."""
        if self._literal:
            a = text.find(self.anchor, pos, end)
            while a != -1:
                yield a
                a = text.find(self.anchor, a + 1, end)
        else:
            for m in self._anchor.finditer(text, pos, end):
                yield m.start()


MIXED_STOPS = "，。；：“”《》\n\r\t \u3000"
"""What the items of the organisations' ``mixed`` pattern exclude (they may hold ASCII commas and digits)."""


@per_lexicon
def org_scans(lex: Lexicon) -> dict[str, Scan]:
    """:func:`.orgs.org_patterns`' list patterns as Scans: a list of departments ends in 部门 or 单位
    and holds no punctuation its names do not hold; a mixed list has 等 and a category."""
    from .orgs import CATEGORY_NOUNS, org_patterns  # (orgs uses this module)

    patterns = org_patterns(lex)
    forms = {n for d in lex.departments for n in (d.name, d.province_name, *d.abbreviations)}
    stops = "".join(c for c in PUNCTUATION_STOPS if not any(c in f for f in forms))
    return {"dept_list": Scan(patterns["dept_list"], "部门|单位", stops),
            "mixed": Scan(patterns["mixed"], f"等(?:{'|'.join(CATEGORY_NOUNS)})", MIXED_STOPS)}
