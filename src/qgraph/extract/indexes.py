"""Indexes of the lexicon that the rules look things up in, each built once per lexicon.

The rules used to rebuild or rescan these for every document, sentence or figure (every place name
to find the lengths to try, every boundary word in every name, every unit after every number);
each function here is made once per lexicon (:func:`~qgraph.lexicon.per_lexicon`), as
:func:`.orgs.org_patterns` is.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, Trigger, UnitInfo, per_lexicon
from ..model import Level


@per_lexicon
def place_first_chars(lex: Lexicon) -> re.Pattern[str]:
    """The first characters of the place names, as a character class."""
    chars = "".join(sorted({re.escape(name[0]) for name in lex.place_names if name}))
    return re.compile(f"[{chars}]" if chars else "(?!)")


@per_lexicon
def place_name_prefixes(lex: Lexicon) -> frozenset[str]:
    """Every beginning of a place name (the names too): a name can start where the text goes on with
    one of them, and walking them finds the longest name at a position."""
    return frozenset(name[:k] for name in lex.place_names for k in range(1, len(name) + 1))


@per_lexicon
def _boundary_index(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word in lex.boundary_words:
        out.setdefault(word[0], []).append(word)
    return {ch: tuple(words) for ch, words in out.items()}


def boundary_words_in(lex: Lexicon, body: str) -> list[str]:
    """The boundary words that may occur in ``body`` (their first character does), in no particular
    order: the only ones :func:`.orgs.left_edge` needs to look for."""
    index = _boundary_index(lex)
    return [word for ch in set(body) for word in index.get(ch, ())]


@per_lexicon
def units_by_first_char(lex: Lexicon) -> dict[str, tuple[UnitInfo, ...]]:
    """The lexicon's units by first character, in the lexicon's order (units without a word, which
    are last, in every entry; alone under ``""``)."""
    anywhere = [u for u in lex.units if not u.word]
    out: dict[str, list[UnitInfo]] = {}
    for u in lex.units:
        if u.word:
            out.setdefault(u.word[0], []).append(u)
    return {"": tuple(anywhere), **{ch: tuple(us + anywhere) for ch, us in out.items()}}


@per_lexicon
def levels_longest_first(lex: Lexicon) -> tuple[tuple[str, Level], ...]:
    return tuple(sorted(lex.levels.items(), key=lambda t: -len(t[0])))


@per_lexicon
def trigger_patterns(lex: Lexicon) -> tuple[tuple[Trigger, re.Pattern[str]], ...]:
    """The inspection triggers, longest first, each with its pattern."""
    return tuple((t, re.compile(re.escape(t.word))) for t in sorted(lex.triggers, key=lambda t: -len(t.word)))


@per_lexicon
def level_words(lex: Lexicon) -> dict[str, str]:
    """Words speaking of a whole place at a level (``own_place_words.tsv``: 全国, 全省, 我市 …) → that level
    (country, province, prefecture, county), longest first."""
    rows = [r for r in lex.table("own_place_words.tsv", columns=3, header="word") if r[1]]
    return {r[0]: r[1] for r in sorted(rows, key=lambda r: len(r[0]), reverse=True)}


@per_lexicon
def level_words_re(lex: Lexicon) -> re.Pattern[str]:
    """:func:`level_words` as one pattern: ``search`` finds one in a text when any is in it."""
    return re.compile("|".join(map(re.escape, level_words(lex))) or "(?!)")


@per_lexicon
def own_place_words(lex: Lexicon) -> tuple[str, ...]:
    """Words by which a report speaks of its own place (``own_place_words.tsv``, ``own`` = yes: 全市, 我县 …)."""
    return tuple(r[0] for r in lex.table("own_place_words.tsv", columns=3, header="word") if r[2] == "yes")


@per_lexicon
def own_place_re(lex: Lexicon) -> re.Pattern[str]:
    """:func:`own_place_words` as one pattern."""
    return re.compile("|".join(map(re.escape, sorted(own_place_words(lex), key=len, reverse=True))))
