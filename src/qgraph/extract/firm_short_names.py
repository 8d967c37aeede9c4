"""A company named in full and then by its short name: ``浙江晶科能源有限公司……晶科能源将…`` — the short
name (the full name without its leading place and legal ending, ``company_endings.txt``) is a mention
of that company, wherever it stands after the full name and is not part of a longer name.

Only short names of four to eight characters that are no place name, and not made only of trade words
(``generic_name_words.txt``: 质量检测), are read; a short name that two companies of the document share
names neither.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Entity, Kind
from ..lexicon import Lexicon
from .context import Ctx
from .scan import PUNCTUATION_STOPS, Scan
from .short_names import add_short_mention, occurrences

__all__ = ["find_firm_short_names", "short_name"]

CONTINUES = re.compile(r"(?:有限|股份|集团|公司|分公司|子公司|控股|科技|（|\()")
MIN_LEN, MAX_LEN = 4, 8


def short_name(ctx: Ctx, full: str) -> str | None:
    """``浙江晶科能源有限公司`` → ``晶科能源``; None when nothing usable is left."""
    ending = next((w for w in ctx.lex.words("company_endings.txt", longest_first=True) if full.endswith(w)), None)
    if ending is None:
        return None
    core = full[:-len(ending)]
    for length in range(min(8, len(core) - 2), 1, -1):
        if core[:length] in ctx.lex.place_names:
            core = core[length:]
            break
    if not MIN_LEN <= len(core) <= MAX_LEN or core in ctx.lex.place_names or not re.fullmatch(r"[\u4e00-\u9fff]+", core):
        return None
    if _all_trade_words(ctx.lex, core):
        return None  # 某某质量检测有限公司 → 质量检测: a phrase of the text, not the company
    return core


def _all_trade_words(lex: Lexicon, core: str) -> bool:
    """``core`` is made only of trade words (``质量检测``, ``智能装备``)."""
    if not core:
        return True
    return any(core.startswith(w) and _all_trade_words(lex, core[len(w):])
               for w in lex.words("generic_name_words.txt", longest_first=True))


def find_firm_short_names(ctx: Ctx) -> None:
    """Add a mention of the company at every later occurrence of its short name."""
    firsts: dict[str, Entity] = {}
    for e in ctx.entities:
        if e.kind is Kind.ENTERPRISE and (e.name not in firsts or e.span.start < firsts[e.name].span.start):
            firsts[e.name] = e
    shorts: dict[str, list[Entity]] = {}
    for e in firsts.values():
        core = short_name(ctx, e.name)
        if core is not None:
            shorts.setdefault(core, []).append(e)
    for core, owners in shorts.items():
        if len(owners) != 1:
            continue  # two companies share the short name: it names neither
        full = owners[0]
        for s, e in occurrences(ctx.text, core):
            if s < full.span.end or CONTINUES.match(ctx.text, e) or ctx.overlaps_claim(s, e) or ctx.entities_in(s, e):
                continue
            add_short_mention(ctx, full, core, s, e)
    _bare_firm_words(ctx)


BARE_FIRM_RE = re.compile(r"([\u4e00-\u9fff]{2,4})公司")


def _bare_firm_words(ctx: Ctx) -> None:
    """``起帆公司等重点企业……池州起帆电缆有限公司``: a company written by a short word and 公司 alone, anywhere
    in the document, is the one company named in full whose name holds that word (two such: neither)."""
    firms = [e for e in ctx.entities if e.kind is Kind.ENTERPRISE]
    full_names = {e.name for e in firms if e.name.endswith(tuple(ctx.lex.words("company_endings.txt")))}
    changed = False
    out = []
    for e in ctx.entities:
        m = BARE_FIRM_RE.fullmatch(e.name) if e.kind is Kind.ENTERPRISE else None
        if m is not None and m.group(1) not in ctx.lex.place_names and not _all_trade_words(ctx.lex, m.group(1)):
            owners = {n for n in full_names if n != e.name and m.group(1) in n[:-2] and len(n) > len(e.name) + 1}
            if len(owners) == 1:
                full = next(iter(owners))
                e = replace(e, name=full, aliases=tuple(dict.fromkeys((*e.aliases, e.name))))
                changed = True
        out.append(e)
    if changed:
        ctx.replace_entities(out)


SHORT_FIRM_RE = re.compile(r"(?:^|(?<=[，,。；;：:\n、])|(?<=支持|推动|指导|鼓励|组织|引导))(?P<name>[\u4e00-\u9fff]{2,8}?)"
                           r"(?=等[\d一二两三四五六七八九十]+家(?:企业|单位)|(?:成功)?(?:入选|入围|获评|荣获))")
"""``支持晶科能源等4家企业承担…``, ``，金风科技成功入选…``: a firm written by its short name only."""
SHORT_FIRM_LEADS = ("支持", "推动", "指导", "鼓励", "组织", "引导")
SHORT_FIRM_SCAN = Scan(SHORT_FIRM_RE, "等|入选|入围|获评|荣获", PUNCTUATION_STOPS)
""":data:`SHORT_FIRM_RE` tried only where a match can reach the word after the name (the name is Han characters)."""


def find_bare_short_firms(ctx: Ctx) -> None:
    """A company named only by its short name (``firm_short_endings.txt``: a trade word ends it), right before
    ``等N家企业`` or opening a clause before a verb of selection; not a place, not a generic trade word alone."""
    endings = ctx.lex.words("firm_short_endings.txt", longest_first=True)
    if not endings:
        return
    generic = set(ctx.lex.words("generic_name_words.txt"))
    for m in SHORT_FIRM_SCAN.finditer(ctx.text):
        name, s, e = m.group("name"), m.start("name"), m.end("name")
        lead = next((v for v in SHORT_FIRM_LEADS if name.startswith(v)), "")
        name, s = name[len(lead):], s + len(lead)  # 支持某某能源等4家企业: the verb is no part of the name
        ending = next((w for w in endings if name.endswith(w)), None)
        if ending is None or len(name) - len(ending) < 2 or name in generic or name[:-len(ending)] in generic:
            continue
        if name[0] in "全各该本我其这此" or ctx.overlaps_claim(s, e) or ctx.entities_in(s, e):
            continue
        if any(ctx.resolve_place(name[:k]) is not None for k in (2, 3)) and ctx.resolve_place(name[:-len(ending)]) is not None:
            continue  # 某市电子: a place and a trade, no firm's name
        ctx.add(Kind.ENTERPRISE, name, s, e)
        ctx.claim(s, e)
