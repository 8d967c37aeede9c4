"""Labels and lookups the mapping needs: English names of places, units that are amounts, the
sentence a position lies in."""

from __future__ import annotations

import bisect
import functools

from pypinyin import lazy_pinyin

from .lexicon import Lexicon, PlaceInfo, per_lexicon
from .model import Extraction

_PLACE_SUFFIX_EN = (("特别行政区", "SAR"), ("自治区", "Autonomous Region"), ("自治州", "Autonomous Prefecture"),
                    ("自治县", "Autonomous County"), ("省", "Province"), ("市", "City"), ("区", "District"),
                    ("县", "County"), ("地区", "Prefecture"), ("盟", "League"), ("旗", "Banner"))


@functools.lru_cache(maxsize=8192)
def place_en(info: PlaceInfo) -> str:
    """The English label of a place: pinyin of its short name and the English of its suffix."""
    base = info.short[0] if info.short else info.name
    words = "".join(lazy_pinyin(base)).capitalize()
    suffix = next((en for zh_s, en in _PLACE_SUFFIX_EN if info.name.endswith(zh_s)), "")
    if info.level == "country":
        return "China"
    return f"{words} {suffix}".strip()


@per_lexicon
def measurement_units(lex: Lexicon) -> frozenset[str]:
    """The ``qg:Unit`` names whose values are amounts or rates, not counts (several a line)."""
    return frozenset(w for line in lex.words("measurement_units.txt") for w in line.split("#", 1)[0].split())


def sentence_index(ex: Extraction, pos: int) -> int | None:
    """The index of the sentence holding character ``pos``, if any."""
    sentences = ex.document.sentences
    i = bisect.bisect_right(sentences, pos, key=lambda s: s.span.start) - 1
    if i >= 0 and pos < max(sentences[i].span.end, sentences[i].span.start + 1):
        return sentences[i].index
    return None
