"""Group sizes: figures about a group or a document the subject is part of, not counts of the subject.

``我县被评为全省5个质量工作成效突出地方之一``: ``5`` is the size of the list the county is one of, not a
count of the county's. ``党的报告中16处提及质量``: ``16`` counts the document's mentions, not the place's.
When the rules cannot tell whose such a figure is, it stays on its subject, marked inferred.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon

ONE_OF_RE = re.compile(r"[^，,；;。：:\d]{0,24}?之一")
"""What follows a figure up to ``之一`` in its clause: the figure is the size of a group."""


@per_lexicon
def _document_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.words("counted_documents.txt", longest_first=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?:全文)?中[，,]?(?:共|先后|累计)?$")


RANKED_AMONG_RE = re.compile(r"[^，,；;。：:\d]{0,12}?中(?:名列|位列|位居|排名|排|居|高居|列|位于)")
"""``在全国120个城市中高居首位``: the size of the field a subject is ranked in, no count of the subject."""


RANKED_FIELD_RE = re.compile(r"[^，,；;。：:\d]{0,8}?(?:首位|第[一二三四五六七八九十\d]+位?|前列|榜首|之首)")
"""``满意度位列某地区15座城市首位``: the figure right after the ranking verb is the size of the field."""
RANKED_BEFORE_RE = re.compile(r"(?:名列|位列|位居|排名|高居|居)[^，,；;。：:\d]{0,8}$")


@per_lexicon
def _selected_into_re(lex: Lexicon) -> re.Pattern[str]:
    """``某服务入选某部推介的15个典型案例``: a count right after ``的`` closing the object of a verb of selection
    (``selected_into_verbs.txt``) is the size of the list the subject joined, not a count of the subject's."""
    verbs = lex.alternation("selected_into_verbs.txt") or "(?!)"
    return re.compile(rf"(?:{verbs})(?:了)?[^，,；;。：:\d]{{1,20}}的$")


@per_lexicon
def _valued_group_re(lex: Lexicon) -> re.Pattern[str]:
    words = lex.words("value_measure_ends.txt", longest_first=True)
    return re.compile(r"[^，,；;。：:\d]{0,16}?(?:" + "|".join(map(re.escape, words))
                      + r")(?:达到|达|为|超过|超|约|近|突破|共计|合计|总计)?[\d一二三四五六七八九十百千万亿]")


def group_size(lex: Lexicon, text: str, clause_start: int, pos: int, end: int) -> str | None:
    """Why the figure at ``pos`` (ending at ``end``) counts a group or a document, not its subject, or None."""
    one_of = ONE_OF_RE.match(text, end)
    if one_of:
        return one_of.group()
    among = RANKED_AMONG_RE.match(text, end)
    if among and re.search(r"在[^，,；;。]{0,8}$", text[clause_start:pos]):
        return among.group()
    field = RANKED_FIELD_RE.match(text, end)
    if field and RANKED_BEFORE_RE.search(text, clause_start, pos):
        return field.group()
    if text[pos - 1:pos] == "等" and (valued := _valued_group_re(lex).match(text, end)):
        return valued.group()  # 甲、乙等7个产品品牌价值108亿元: the size of the group whose value is given
    selected = _selected_into_re(lex).search(text, clause_start, pos)
    if selected and selected.start() > clause_start:  # (入选…的 opening its clause: no subject of the selection)
        return selected.group()
    document = _document_re(lex).search(text, clause_start, pos)
    return document.group() if document else None
