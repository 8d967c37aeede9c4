"""Certification marks firms are authorised to use (``地理标志专用标志``): a CertificationScheme of the report
when the report tells of a grant of it — ``…等2个产品的9家企业获准使用地理标志专用标志``, ``某公司获批使用
“某地苹果”地理标志专用标志`` (a quoted product between the verb and the mark). Then every mention of the mark
is the scheme's, and the counts of its authorised users in a grant's clause are the mark's (the clause topic
rules of ``topics.py``).

A mark named without a grant (``全市核准使用地理标志专用标志的企业56家``, ``规范专用标志使用行为``) stays no
entity: there the count is a stock of the place. The marks and their spellings are
``data/lexicon/certification_marks.tsv``, the grant words ``mark_grant_verbs.txt``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind
from .context import Ctx


@per_lexicon
def _marks(lex: Lexicon) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    canonical: dict[str, str] = {}
    for row in lex.table("certification_marks.tsv", columns=1, header="name"):
        canonical[row[0]] = row[0]
        for alias in (row[1].split("|") if len(row) > 1 and row[1] else ()):
            canonical[alias] = row[0]
    names = "|".join(re.escape(n) for n in sorted(canonical, key=len, reverse=True))
    verbs = lex.alternation("mark_grant_verbs.txt")
    mention = re.compile(names)
    grant = re.compile(rf"(?:{verbs})(?:[“\"][^”\"，,。]{{1,12}}[”\"])?(?P<m>{names})|(?P<m2>{names})[^，,。；;]{{0,6}}?(?:{verbs})")
    return canonical, mention, grant


def find_certification_marks(ctx: Ctx) -> None:
    canonical, mention, grant = _marks(ctx.lex)
    granted = {canonical[m.group("m") or m.group("m2")] for m in grant.finditer(ctx.text)}
    if not granted:
        return
    for m in mention.finditer(ctx.text):
        name = canonical[m.group()]
        if name in granted and not ctx.overlaps_claim(m.start(), m.end()):
            ctx.add(Kind.CERTIFICATION_SCHEME, name, m.start(), m.end())
            ctx.claim(m.start(), m.end())


USERS_RE = re.compile(r"使用(?:的)?(?:企业|经营主体|主体|生产企业|单位|市场主体)")


def mark_user_counts(ctx: Ctx) -> None:
    """``至此，某省专用标志使用企业累计已达64家`` in a report of the mark's grant: a count of the
    mark's users, named by the mark right before ``使用企业`` in the count's own clause, is the mark's (its
    running total with it), not the place's."""
    marks = [e for e in ctx.entities if e.kind is Kind.CERTIFICATION_SCHEME and e.name in _marks(ctx.lex)[0]]
    if not marks:
        return
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.breakdown == "目标":
            continue
        cs = ctx.last_of("，,；;。！？\n", 0, o.span.start) + 1
        mark = next((e for e in marks if cs <= e.span.start and e.span.end <= o.span.start
                     and USERS_RE.match(ctx.text, e.span.end)), None)
        if mark is not None:
            ctx.observations[i] = replace(o, subject=mark.ref, subject_inferred=False,
                                          confidence=CONFIDENCE["carried"])
