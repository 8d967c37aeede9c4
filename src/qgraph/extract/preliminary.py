"""Preliminary lists: an announcement of candidates (``拟授予``, ``候选名单``, ``…的公示``) names no winners.

A listing read in a sentence with a preliminary word (``data/lexicon/preliminary_words.txt``), or in a
document whose title has one, is dropped: the firms are named, the programme too, but saying they were
awarded would be false. Phrases of a finished notice period (``经社会公示，市政府决定授予``) do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Kind, Listing
from ..lexicon import Lexicon, per_lexicon
from .context import Ctx


@dataclass(frozen=True, slots=True)
class PreliminaryWords:
    words: tuple[str, ...]
    """Words that make a list preliminary."""
    cancelling: tuple[str, ...]
    """Phrases of a finished notice period, removed before the words are looked for."""
    steps: re.Pattern[str] | None = None
    """The steps of a procedure gone through (``经受理公示、…、拟奖公示等程序``): removed too."""

    def marks(self, text: str) -> bool:
        return self.word_in(text) is not None

    def word_in(self, text: str) -> str | None:
        """The preliminary word written last in ``text`` (phrases of a finished notice period removed)."""
        if self.steps is not None:
            text = self.steps.sub("", text)
        for phrase in self.cancelling:
            text = text.replace(phrase, "")
        found = [(text.rfind(w), len(w), w) for w in self.words if w in text]
        return max(found)[2] if found else None


@per_lexicon
def preliminary_words(lex: Lexicon) -> PreliminaryWords:
    lines = lex.words("preliminary_words.txt")
    nouns = lex.alternation("procedure_nouns.txt", longest_first=False)
    return PreliminaryWords(tuple(ln for ln in lines if not ln.startswith("-")),
                            tuple(sorted((ln[1:] for ln in lines if ln.startswith("-")), key=len, reverse=True)),
                            re.compile(rf"(?:经过?|通过|根据|按照)[^，,。；;]*?等[^，,。；;]{{0,6}}?(?:{nouns})") if nouns else None)


def _unnamed(ctx: Ctx, start: int, end: int) -> str:
    """The text from ``start`` to ``end`` with the names of protection lists blanked: a list whose own name
    holds a preliminary word (``某某互认互保候选名录``) is a list of its own, and entering it is no candidacy."""
    chars = list(ctx.text[start:end])
    for e in ctx.entities_in(start, end):
        if e.kind is Kind.PROTECTION_LIST:
            chars[e.span.start - start:e.span.end - start] = " " * (e.span.end - e.span.start)
    return "".join(chars)


def _sentence_marks(ctx: Ctx, start: int, end: int) -> bool:
    sent = ctx.sentence_of(start)
    return preliminary_words(ctx.lex).marks(_unnamed(ctx, sent.span.start if sent is not None else start, end))


def is_preliminary(ctx: Ctx, listing: Listing) -> bool:
    """The listing's sentence up to the end of its clause announces candidates, or the document's title does and the
    listing names them (a running total ``已有23家组织获得该奖`` in such a notice is no candidate list)."""
    if ctx.doc.title and listing.recipients and preliminary_words(ctx.lex).marks(ctx.doc.title):
        return True
    tail = re.match(r"[^，,。；;：:\n]*", ctx.text[listing.span.end:]).group()
    return _sentence_marks(ctx, listing.span.start, listing.span.end + len(tail))
    # 甲市进入某名牌产品初选公示名单: the rest of the listing's clause says what stage its list is at


LISTED_MEASURE_RE = re.compile(r"^(?:入选|获得|获评|获)")


def mark_preliminary_figures(ctx: Ctx) -> None:
    """A programme's count in a sentence announcing candidates (``拟授予A、B等2家企业…奖``) counts
    candidates, not winners: its measure says so with the text's word (入选某奖的企业 → 拟授予某奖的企业)
    and its breakdown is 候选; when the measure cannot say so, the subject is marked inferred."""
    for i, o in enumerate(ctx.observations):
        if o.subject is None or not o.subject.kind.is_programme or o.subject_inferred:
            continue
        sent = ctx.sentence_of(o.span.start)
        text = _unnamed(ctx, sent.span.start if sent is not None else o.span.start, o.span.end)
        word = preliminary_words(ctx.lex).word_in(text)
        tail = re.match(r"[^，,；;。]*", ctx.text[o.span.end:]).group()
        if word is None and any(w in tail for w in ctx.lex.words("preliminary_after_words.txt")):
            word = next(w for w in ctx.lex.words("preliminary_after_words.txt") if w in tail)
            ctx.observations[i] = o.with_subject_inferred()  # 2家单位获得“某奖”拟奖资格: candidates, said after
            continue
        if word is None and o.breakdown is None and _list_stage_after(ctx, tail) is not None:
            ctx.observations[i] = replace(o, breakdown="候选")  # 35个产品入围“某名品”公示名单: a candidates' list
            continue
        if word is None:
            continue
        if LISTED_MEASURE_RE.match(o.measure) and o.breakdown is None:
            ctx.observations[i] = replace(o, measure=LISTED_MEASURE_RE.sub(word, o.measure), breakdown="候选")
        else:
            ctx.observations[i] = o.with_subject_inferred()


def _list_stage_after(ctx: Ctx, tail: str) -> str | None:
    """``…入围某名品公示名单``, ``…进入某奖候选名单``: a preliminary word written right after the programme's name,
    naming the list the count entered (``名单``, ``名录``) — the counted ones are candidates."""
    m = re.match(r"[”\"」]?(?P<w>[\u4e00-\u9fff]{1,4}?)(?:名单|名录)", tail)
    if m is None:
        return None
    return preliminary_words(ctx.lex).word_in(m.group("w"))


def drop_preliminary_listings(ctx: Ctx) -> None:
    kept = [x for x in ctx.listings if not is_preliminary(ctx, x)]
    if len(kept) != len(ctx.listings):
        ctx.warnings.append(f"{len(ctx.listings) - len(kept)} listing(s) of a preliminary list (candidates, not winners) left out")
        ctx.listings[:] = kept
