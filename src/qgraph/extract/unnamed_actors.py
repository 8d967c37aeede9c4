"""A place glued to the name of an actor the lexicon does not know: ``某市甲乙产业集群集聚企业50家``,
``某市甲乙汽车全年产值达120亿元``.

Clusters, consortia, projects and pilots, bases, platforms, and companies written without their legal
ending (``unnamed_actor_heads.txt``) often stand unrecognised before a figure, with the place they are in
glued to their name; the subject rules then give the figure to the place. When the measure read after the
place starts with such a name — a few characters, then a head noun, then more of the measure — and no verb
of counting or acting stands before the head (``新增产业集群…``: the place's;
``unnamed_actor_counting_leads.txt``), the figure is that
actor's: the place is not its subject, and the figure is marked inferred. A company head (``汽车``,
``能源``) also names a trade; it counts only after a name of its own (not a trade word,
``generic_name_words.txt``) and not before a word of the trade (``新能源汽车产量``;
``unnamed_actor_trade_tails.txt``).
"""

from __future__ import annotations

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .periods import clause_start

@per_lexicon
def _heads(lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = lex.words("unnamed_actor_heads.txt")
    cut = words.index("--") if "--" in words else len(words)
    return (tuple(sorted(words[:cut], key=len, reverse=True)),
            tuple(sorted(words[cut + 1:], key=len, reverse=True)))


def _actor_name(ctx: Ctx, measure: str) -> str | None:
    """The name of an unknown actor opening ``measure`` (``甲乙产业集群`` of ``甲乙产业集群集聚企业``)."""
    names, firms = _heads(ctx.lex)
    verbs = ctx.lex.words("actor_verbs.txt")
    trades = ctx.lex.words("unnamed_actor_trade_tails.txt")
    generic = ctx.lex.words("generic_name_words.txt")
    counting = ctx.lex.words("unnamed_actor_counting_leads.txt", longest_first=True)
    for heads, firm in ((names, False), (firms, True)):
        for h in heads:
            i = measure.find(h, 1)
            if i < 1 or i > 8 or i + len(h) >= len(measure):
                continue
            name, rest = measure[:i], measure[i + len(h):]
            if name.startswith(counting) or any(v in name for v in verbs):
                continue
            if firm and (len(name) < 2 or rest.startswith(trades) or any(g in name for g in generic)):
                continue
            return name + h
    return None


def mark_unnamed_actors(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred:
            continue
        sent = ctx.sentence_of(o.span.start)
        found = ctx.lex.place_names.get(o.subject.name)
        if sent is None or not found:
            continue
        name = _actor_name(ctx, o.measure)
        if name is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        at = ctx.text.rfind(name, cs, o.span.start)
        place = found[0]
        if at < 0 or not any(ctx.text.endswith(f, cs, at) for f in {place.name, *place.short} - {""}):
            continue  # the place is not glued to the name
        ctx.observations[i] = o.with_subject_inferred()
