"""Product categories named by a numbered section heading of a spot-check bulletin.

A bulletin often reports its check category by category, each paragraph opening with a numbered
heading that is the category's name (``（一）日用及纺织品。抽查玩具、童车等9种产品638批次，合格率为89.2%。``).
The figures of the check in that paragraph are the category's part of the check: they take the
heading as their breakdown, so that the categories' batch counts and pass rates stay apart. A
heading that names a topic of the report (``一、分领域情况``, ``二、存在问题``; ``heading_non_categories.txt``)
names no category, nor does a heading naming a check itself (``（二）产品质量监督抽查``) or one whose
paragraph does not go on with a check word (``三、质量安全底线更加牢固。全年…``): the category's
paragraph reports what was checked in it (``抽查…``, ``共抽检…``).

A heading may also stand on a line of its own (``一、阀门`` then ``本次抽查涉及…5家生产企业的9批次产品…``):
it then names the category of the paragraph on the next line, when that paragraph goes on with a
check word, after ``本次`` / ``此次`` (``check_this_leads.txt``) if any.
"""

from __future__ import annotations

import re

from ..model import Kind, Sentence
from .context import Ctx

HEADING_RE = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.])\s*"
    r"(?P<cat>[\u4e00-\u9fff]{2,12})\s*(?:[。：:]|(?P<eol>$))", re.M)


def heading_category(ctx: Ctx, sent: Sentence) -> str | None:
    """The product category a paragraph's numbered heading names, or None."""
    m = HEADING_RE.match(ctx.text, sent.span.start, sent.span.end)
    if m is None:
        return None
    cat = m.group("cat")
    if any(w in cat for w in ctx.lex.words("heading_non_categories.txt")):
        return None
    words = [t.word for t in ctx.lex.triggers if t.kind is Kind.PRODUCT_SPOT_CHECK]
    if any(w in cat for w in words):
        return None  # （二）产品质量监督抽查。: the check, not a category of it
    if m.group("eol") is not None:
        if m.end() != sent.span.end or ctx.text[m.end():m.end() + 1] not in ("\n", "\r"):
            return None  # a heading alone on its line is the whole sentence
        after = ctx.text[m.end():m.end() + 12].lstrip()
        lead = next((w for w in ctx.lex.words("check_this_leads.txt", longest_first=True) if after.startswith(w)), "")
        after = after[len(lead):]
    else:
        after = ctx.text[m.end():sent.span.end].lstrip() or ctx.text[sent.span.end:sent.span.end + 8].lstrip()
    after = after[1:] if after.startswith("共") else after
    return cat if any(after.startswith(w) for w in words) else None
