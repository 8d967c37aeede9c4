"""Programme counts: a count in a sentence about a programme, a pilot or a consortium is not the place's.

``某集成服务基地建设中，有4家企业入选``, ``获批国家某提升行动区域试点13个``, ``组建某质量创新联合体，吸纳企业3家、
科研机构1家``: the programme or the consortium is what the count is of. When the rules found no such
subject and fell back to the document's place, the figure is marked inferred (a false figure is worse
than a missing one). The words are in ``data/lexicon/programme_count_words.tsv``, each with where it is
looked for (入选 only after the number in the figure's own clause).
"""

from __future__ import annotations

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .context import Ctx
from .periods import clause_end


@per_lexicon
def programme_count_words(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """(word, where) rows: ``sentence`` — from the sentence's start to the end of the figure's clause;
    ``after`` — in the figure's clause after the number only."""
    return tuple((r[0], r[1]) for r in lex.table("programme_count_words.tsv", columns=2))


def counts_of_programme(ctx: Ctx, sent: Sentence, pos: int, named: bool = False) -> bool:
    """A word of a programme or consortium in the sentence up to the end of ``pos``'s clause (or, for
    words of being selected, after the number in its own clause). With ``named`` (the place is written
    in the figure's clause: 全省获批国家某区域试点13个) only the figure's own clause before the number counts."""
    end = clause_end(ctx, sent, pos)
    start = max(sent.span.start, ctx.last_of("，,；;", sent.span.start, pos) + 1) if named else sent.span.start
    before, after = ctx.text[start:pos if named else end], ctx.text[pos:end]
    if named:
        return any(w in before for w, where in programme_count_words(ctx.lex) if where == "sentence")
    return any(w in (after if where == "after" else before) for w, where in programme_count_words(ctx.lex))
