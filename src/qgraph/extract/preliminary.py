"""Preliminary lists: an announcement of candidates (``拟授予``, ``候选名单``, ``…的公示``) names no winners.

A listing read in a sentence with a preliminary word (``data/lexicon/preliminary_words.txt``), or in a
document whose title has one, is dropped: the firms are named, the programme too, but saying they were
awarded would be false. Phrases of a finished notice period (``经社会公示，市政府决定授予``) do not count.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..model import Listing
from ..resources import lexicon_path
from .context import Ctx


@dataclass(frozen=True, slots=True)
class PreliminaryWords:
    words: tuple[str, ...]
    """Words that make a list preliminary."""
    cancelling: tuple[str, ...]
    """Phrases of a finished notice period, removed before the words are looked for."""

    def marks(self, text: str) -> bool:
        for phrase in self.cancelling:
            text = text.replace(phrase, "")
        return any(w in text for w in self.words)


@functools.lru_cache(maxsize=1)
def preliminary_words() -> PreliminaryWords:
    lines = [ln.strip() for ln in lexicon_path("preliminary_words.txt").read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    return PreliminaryWords(tuple(ln for ln in lines if not ln.startswith("-")),
                            tuple(sorted((ln[1:] for ln in lines if ln.startswith("-")), key=len, reverse=True)))


def is_preliminary(ctx: Ctx, listing: Listing) -> bool:
    """The listing's sentence up to its end, or the document's title, announces candidates."""
    words = preliminary_words()
    if ctx.doc.title and words.marks(ctx.doc.title):
        return True
    sent = ctx.sentence_of(listing.span.start)
    start = sent.span.start if sent is not None else listing.span.start
    return words.marks(ctx.text[start:listing.span.end])


def drop_preliminary_listings(ctx: Ctx) -> None:
    kept = [x for x in ctx.listings if not is_preliminary(ctx, x)]
    if len(kept) != len(ctx.listings):
        ctx.warnings.append(f"{len(ctx.listings) - len(kept)} listing(s) of a preliminary list (candidates, not winners) left out")
        ctx.listings[:] = kept
