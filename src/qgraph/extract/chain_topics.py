"""An industry the sentence speaks of, named as one of the report's chains: ``…12条产业链：甲、乙、丙…`` and
later ``某地的乙装备产业已形成以某公司为主、以…等20余户企业为协同的产业链条，产品涵盖…8个系列300多个
品种`` — the counts of what the industry holds are the chain's (乙产业链), not the place's.

For a figure given to a place (guessed, or written before the industry as its scope: ``某地的…产业``; not a
breakdown such as 新增), in a sentence that tells what the industry has become (``chain_topic_verbs.txt``) before the figure; the industry's words must begin with the head
of exactly one chain of the report (``乙`` of ``乙产业链``), followed by at most four characters (装备,
制造) and ``产业``. A report with no such chain keeps the figure as it was.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Observation, Ref, Sentence
from .context import Ctx
from .patterns import compiled


@per_lexicon
def _verbs(lex: Lexicon) -> str:
    return lex.alternation("chain_topic_verbs.txt")


def chain_topic(ctx: Ctx, o: Observation, sent: Sentence) -> Ref | None:
    chains = {e.name[:-3]: e.ref for e in ctx.entities
              if e.kind is Kind.INDUSTRY_CHAIN and e.name.endswith("产业链") and len(e.name) > 4}
    if not chains:
        return None
    before = ctx.text[sent.span.start:o.span.start]
    if "产业" not in before:
        return None  # (what the pattern needs: none is compiled for a sentence without it)
    heads = "|".join(re.escape(h) for h in sorted(chains, key=len, reverse=True))
    found = {m.group("h") for m in compiled(
        rf"(?P<h>{heads})[\u4e00-\u9fff]{{0,4}}?产业(?:链)?(?:已经|已|现已)?(?:{_verbs(ctx.lex)})").finditer(before)}
    if len(found) != 1:
        return None
    return chains[found.pop()]
