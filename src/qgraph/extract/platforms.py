"""Quoted platforms and pools a clause's figures belong to.

- A quoted platform — ``“某某在线监测平台”成功采集320万条销售数据``, ``“一网办”服务平台整合全市52个服务窗口``
  (a quoted name and at most six more characters before the ending, ``facility_heads.txt``) — is a
  Facility (a quality-infrastructure facility, not scored as a named organisation); the clause topic
  rules then give it the counts of a clause that opens on it.
- A quoted name right after a word of entering a register (``入库“某某”个体工商户85户``;
  ``pool_entry_words.txt``) is a CultivationPool, and the count of what it took in is its own.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx


@per_lexicon
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    heads = lex.alternation("facility_heads.txt")
    entries = lex.alternation("pool_entry_words.txt")
    platform = re.compile(rf"“(?P<a>[\u4e00-\u9fff]{{2,24}}?(?:{heads}))”|“(?P<q>[\u4e00-\u9fff]{{2,10}})”"
                          rf"(?P<t>[\u4e00-\u9fff]{{0,6}}?(?:{heads}))(?![\u4e00-\u9fff]{{0,2}}”)")
    pool = re.compile(rf"(?:{entries})“(?P<p>[\u4e00-\u9fff]{{2,10}})”")
    return platform, pool


def find_platforms(ctx: Ctx) -> None:
    platform, pool = _patterns(ctx.lex)
    for m in platform.finditer(ctx.text):
        name = m.group("a") or m.group("q") + m.group("t")
        if not ctx.entities_in(m.start(), m.end()):
            ctx.add(Kind.FACILITY, name, m.start(), m.end())
    for m in pool.finditer(ctx.text):
        if not ctx.entities_in(m.start("p") - 1, m.end("p") + 1):
            ctx.add(Kind.CULTIVATION_POOL, m.group("p"), m.start("p") - 1, m.end("p") + 1)
