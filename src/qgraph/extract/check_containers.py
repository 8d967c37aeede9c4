"""Parts of the report's own check: ``在本次抽查的产品中，跟踪抽查到上年抽查不合格企业10家，有2家企业本次
抽查仍不合格``.

A bulletin that names its check (``某省产品质量监督抽查``) may report, inside it, a follow-up or re-check
of earlier failures. When the sentence opens with the report's check as the container of its figures
(``在本次抽查的产品中``, ``此次抽检中``; ``check_containers.txt``), the follow-up written after it is a
part of that check, not a check of its own, an earlier round (``上年抽查``; ``check_earlier_rounds.txt``)
is what it went back to, and ``企业本次抽查…`` names no other check. A sentence looking at the check from
its follow-ups (``从跟踪抽查情况看，…抽查3次以上的产品有105种``) speaks of the report's check as a whole
(no breakdown, unless the part is named again before the figure). So each figure of the
sentence whose subject the rules read as another check is the report's check's, with the part
(``check_part_words.txt``) as its breakdown and what is said after ``本次抽查`` as its measure
(``仍不合格``). Without such a container (``全市对…企业开展跟踪抽查，复查合格率
为88.9%``) the follow-up stays a check of its own.
"""

from __future__ import annotations

import dataclasses
import re

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, Ref
from .context import Ctx

TARGET = "目标"
"""The breakdown of a target figure (力争到2025年…), which a check's own results cannot be."""


@per_lexicon
def _container_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("check_containers.txt")
    return re.compile(rf"(?:[\u4e00-\u9fff]{{1,4}}[，,])?(?:在)?(?:{words})(?:的[^，,；;。：:]{{0,8}})?中[，,]?")


@per_lexicon
def _viewpoint_re(lex: Lexicon) -> re.Pattern[str]:
    parts = lex.alternation("check_part_words.txt")
    return re.compile(rf"(?:[\u4e00-\u9fff]{{1,4}}[，,])?从(?:{parts})(?:的)?(?:情况|结果)(?:来)?看[，,]?")


@per_lexicon
def _earlier_round_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("check_earlier_rounds.txt")
    return re.compile(rf"(?:{words}|20\d{{2}}年度?)(?:监督)?(?:抽查|抽检|检查)")


def _report_check(ctx: Ctx, before: int, parts: tuple[str, ...]) -> Ref | None:
    """The one check the document names before ``before`` that is no part of a check and no
    re-mention of the report's own (``本次抽查``); of several, the one the title names; None when the title
    names none of them (国家监督抽查…，自治区监督抽查…，此次抽查中…: which one 此次 points to, the rules cannot
    tell)."""
    containers = ctx.lex.words("check_containers.txt")
    found: list[Ref] = []
    for e in sorted(ctx.entities, key=lambda e: e.span.start):
        if e.span.start >= before:
            break
        if e.kind in INSPECTION_KINDS and not any(p in e.name for p in parts) \
                and not any(c in e.name for c in containers) and e.ref not in found:
            found.append(e.ref)
    if len(found) > 1:  # the one the title names (质检总局公布2017年国家监督抽查…), if any
        title = ctx.doc.title or ""
        named = {e.ref for e in ctx.entities if e.ref in found and e.span.text in title}
        found = [r for r in found if r in named]
    return found[0] if len(found) == 1 else None


def _normal(ctx: Ctx, part: str | None) -> str | None:
    """The breakdown a part word names (``跟踪抽检`` → ``跟踪抽查``; ``breakdowns.tsv``)."""
    return _breakdown_labels(ctx.lex).get(part, part) if part is not None else None


@per_lexicon
def _breakdown_labels(lex: Lexicon) -> dict[str, str]:
    """Word → its label in ``breakdowns.tsv`` (the first row of a word that gives one)."""
    labels: dict[str, str] = {}
    for row in lex.table("breakdowns.tsv", columns=2):
        if row[1]:
            labels.setdefault(row[0], row[1])
    return labels


def find_contained_parts(ctx: Ctx) -> None:
    parts = ctx.lex.words("check_part_words.txt", longest_first=True)
    containers = ctx.lex.words("check_containers.txt")
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind not in INSPECTION_KINDS:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        m = _container_re(ctx.lex).match(ctx.text, sent.span.start)
        view = _viewpoint_re(ctx.lex).match(ctx.text, sent.span.start) if m is None else None
        m = m or view
        if m is None or m.end() > o.span.start:
            continue
        report = _report_check(ctx, m.start(), parts)
        if report is None and any(c in o.subject.name for c in containers) and not o.subject_inferred:
            ctx.observations[i] = o.with_subject_inferred()  # 此次抽查 of several checks: which one is not known
            continue
        if report is None or o.subject == report:
            continue
        named = o.subject.name
        if not any(p in named for p in parts) and not any(c in named for c in containers) \
                and not _earlier_round_re(ctx.lex).fullmatch(named):
            continue  # a check the sentence names by its own name stays its own
        part = next((p for p in parts if p in ctx.text[m.end():o.span.start]), None)
        part = _normal(ctx, part)
        if view is not None:  # 从跟踪抽查情况看，2017年抽查产品中…: the whole check's, unless the part is named again
            breakdown = part if part is not None else (None if o.breakdown in {*parts, *map(lambda p: _normal(ctx, p), parts)} else o.breakdown)
        else:  # (a target read in the report's own results — 跟踪抽查到2020年… — is none: the part)
            breakdown = o.breakdown if o.breakdown not in (None, TARGET, *parts) else part
        measure = o.measure
        said = next((c for c in containers if c in measure and measure.index(c) + len(c) < len(measure)), None)
        if said is not None:  # 有2家企业本次抽查仍不合格: the measure is what is said of them, the check its subject
            measure = measure[measure.index(said) + len(said):]
        ctx.observations[i] = dataclasses.replace(
            o, subject=report, measure=measure, breakdown=breakdown, confidence=min(o.confidence, CONFIDENCE["carried"]))
