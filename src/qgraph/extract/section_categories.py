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

Without a number, a paragraph may open with the category and a comma (``日用消费品，主要检查了…9类
108家企业生产的135批次产品…``) after an earlier paragraph reported the check. Such an opening is a
category only when it ends in a product head (``category_heading_tails.txt``: 消费品, 生产资料, 制品 …),
is no place, and goes on — after ``主要`` / ``重点`` (``category_check_leads.txt``) if any — with a
check word or ``检查``, and a check word stands in the text before it.
"""

from __future__ import annotations

import re

from ..model import Kind, Sentence
from .context import Ctx

HEADING_RE = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.])\s*"
    r"(?P<cat>[\u4e00-\u9fff]{2,12})\s*(?:[。：:]|(?P<eol>$))", re.M)

OPENING_RE = re.compile(r"\s*(?P<cat>[\u4e00-\u9fff]{2,10})[，,]")


def heading_category(ctx: Ctx, sent: Sentence) -> str | None:
    """The product category a paragraph's numbered heading (or its unnumbered opening) names, or None."""
    m = HEADING_RE.match(ctx.text, sent.span.start, sent.span.end)
    if m is None:
        return opening_category(ctx, sent)
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


def opening_category(ctx: Ctx, sent: Sentence) -> str | None:
    """The product category a paragraph opens with before a comma (``日用消费品，主要检查了…``), or None."""
    m = OPENING_RE.match(ctx.text, sent.span.start, sent.span.end)
    if m is None:
        return None
    cat = m.group("cat")
    if not any(cat.endswith(w) for w in ctx.lex.words("category_heading_tails.txt")) or ctx.lex.place_named(cat) is not None:
        return None
    if any(w in cat for w in ctx.lex.words("heading_non_categories.txt")):
        return None
    words = [t.word for t in ctx.lex.triggers if t.kind is Kind.PRODUCT_SPOT_CHECK]
    if not any(w in ctx.text[:sent.span.start] for w in (*words, "监督检查")):
        return None  # no check reported before: the opening is no part of one
    after = ctx.text[m.end():sent.span.end].lstrip()
    lead = next((w for w in ctx.lex.words("category_check_leads.txt", longest_first=True) if after.startswith(w)), "")
    after = after[len(lead):]
    return cat if any(after.startswith(w) for w in (*words, "检查")) else None
