"""Two levels of a programme joined before its name: ``某省获批的国家级、省级某示范区共16个``.

A programme whose name opens with its level, written right after another level and a coordinator
(``coordinated_levels.txt``), is read alone though the text speaks of both levels' programmes: a count
after it counts the two together, not the one programme read. Whose count it is the rules cannot vouch
for: inferred (confidence below 0.5). The same rule for checks is ``clause_scope.mark_glued_level_checks``.
"""

from __future__ import annotations

import re

from .context import Ctx


def mark_joined_level_programmes(ctx: Ctx) -> None:
    levels = ctx.lex.alternation("coordinated_levels.txt")
    before = re.compile(rf"(?:{levels})[、和及与]$")
    opens = re.compile(rf"(?:{levels})")
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject_inferred or o.confidence < 0.5 or not o.subject.kind.is_programme:
            continue
        if not opens.match(o.subject.name):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        at = ctx.text.rfind(o.subject.name, sent.span.start, o.span.start)  # its last mention before the figure
        if at != -1 and before.search(ctx.text, max(0, at - 8), at):
            ctx.observations[i] = o.with_subject_inferred()
