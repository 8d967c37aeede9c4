"""Items counted and then approved (``3件地理标志证明商标由国家知识产权局核准注册``, ``5个项目获批``):
the count is of the newly approved ones — breakdown 新增 — and the measure is the noun before
``由 <approving body>`` or the verb (``approval_verbs.txt``)."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon


@per_lexicon
def _approval_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("approval_verbs.txt")
    return re.compile(rf"(?P<noun>[^，,。；;、\d]{{2,16}}?)(?:由[^，,。；;]{{2,30}}?)?(?:新|均|已)?(?:{verbs})(?=[，,。；;]|$)")


def approved(lex: Lexicon, text: str, end: int, measure: str) -> str | None:
    """The measure of a count whose items the words after it approve (None when they do not)."""
    m = _approval_re(lex).match(text, end)
    if m is None:
        return None
    noun = m.group("noun")
    return noun if measure.startswith(noun) or measure == noun else None
