"""Vouching: a figure the rules gave to the document's place because its clause names no subject keeps
that place only when the text vouches for it.

The figure rules fall back to the document's own place (confidence 0.7) when a clause names no subject.
On the genre's bundled texts the fallback is mostly right; on unseen reports most false figures were
such fallbacks — counts of an activity, a platform, a programme, a company, a meeting's attendance
given to the place — and the doubt rules of :mod:`.certainty`, written for shapes seen before, did not
fire on new shapes. So the default is inverted: a figure given to the document's place whose own
clause does not name that place (its name or short form, or its own words ``全市``, ``我县`` …) is
marked inferred unless one of these vouches for it:

1. the measure counts industry chains or their projects (``vouching_chain_words.txt``), which the
   conventions give to the place, with no actor but the place's own offices and meetings;
2. the figure is a target or plan (``力争…``, ``今年将…``) said with no actor, or by the place's own
   offices or people with a word of stating it (``表示``, ``要求``, ``力争``; ``vouching_target_leads.txt``);
3. the sentence names the place before the figure's clause (``全市…，…``; ``湖南出台…``), with no actor
   written between them;
4. the figure before it in the sentence is the place's, named or vouched, with no actor after that
   figure's clause (``全年立案查处…53件，罚没款68.4万元``);
5. the measure is a stock or indicator of a place (``vouching_stock_measures.txt``: 注册商标, 地理标志,
   市场主体, 企业技术中心 …) and no actor opens the sentence or stands in the clause, and the count is
   no list's (``甲、乙等15个地理标志…``);
6. the sentence opens with a whole period or a year (``全年``, ``今年以来``, ``本年度``, ``2022年，``;
   ``vouching_period_leads.txt``) and no actor is written before the figure (``全年立案查处…``);
7. the clause opens with a word referring back (``该指标为…``; ``vouching_back_references.txt``) to a
   figure of the place in the sentence before;
8. the sentence before, in the same paragraph, has a figure of the place, and no actor and no event's
   words (``活动当天``) come before this one.

An actor is an organisation, place or facility heading a clause or written before a verb of action, and
a programme, brand, check or event wherever written in the figure's part of the sentence (a check's past
a semicolon too) — not what the figure counts (``其中中国驰名商标2件``), not a place after ``在``. A place
inside a name the lexicon does not know (``交通银行某省分行``; ``vouching_name_tails.txt``) or inside an
organisation's name names no subject; a measure opening with another place (``某区新增注册商标…``) is
vouched by nothing, a clause opening with ``其`` (its) by rules 1–3 only. A false figure is worse than a
missing one: when nothing vouches, the figure stays, marked inferred.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, PROGRAMME_KINDS, Entity, Kind, Observation, Sentence
from .context import Ctx
from .indexes import level_words
from .periods import clause_end, clause_start, is_target, next_step_paragraph

NO_ACTORS = frozenset({Kind.POLICY, Kind.PERSON, Kind.PRODUCT_CATEGORY, Kind.INDUSTRY_CHAIN, Kind.CHAIN_PROJECT,
                       Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.MEDIA})
"""Kinds of entity that do not act for a figure: a policy issued, a person speaking, a category or a
chain or a mark counted."""

OWN_OFFICES = frozenset({Kind.DEPARTMENT, Kind.GOVERNMENT_BODY})
GATHERINGS = frozenset({Kind.EVENT, Kind.MEETING, Kind.PRESS_CONFERENCE})
TOPICS = PROGRAMME_KINDS | INSPECTION_KINDS | GATHERINGS | {Kind.SERVICE_BRAND, Kind.BRAND, Kind.WORK_MODEL}
"""Kinds of entity whose figures the figures after them may be wherever they are written (``打造“某某”服务品牌，
布局…5个站``, ``组织…抽查…；检定…4.3万台``); organisations, places and facilities own a figure only from
the head of a clause or before a verb of action."""

TIME_LEAD_RE = re.compile(r"(?:20\d{2}年(?:度)?|[0-9一二三四五六七八九十]{1,3}[—\-－~至到][0-9一二三四五六七八九十]{1,3}月)?[，,]?")
"""A year or a span of months a sentence may open with before its period word (``2024年全年…``)."""


def _words(lex: Lexicon, name: str) -> tuple[str, ...]:
    return lex.words(name, longest_first=True)


@per_lexicon
def _actor_re(lex: Lexicon) -> re.Pattern[str]:
    suffixes = "|".join(re.escape(w) for w in _words(lex, "actor_suffixes.txt"))
    verbs = "|".join(re.escape(w) for w in _words(lex, "actor_verbs.txt") + _words(lex, "vouching_holding_verbs.txt"))
    return re.compile(rf"[\u4e00-\u9fff]{{1,12}}?(?:{suffixes})(?:共|已|还|累计|先后|全年|今年)?(?:{verbs})")


@per_lexicon
def _actor_verb_re(lex: Lexicon) -> re.Pattern[str]:
    """A verb of action right after an entity (``甲公司积极开展…``): the entity acts."""
    verbs = "|".join(re.escape(w) for w in _words(lex, "actor_verbs.txt"))
    return re.compile(rf"[”\"]?(?:共|已|还|累计|先后|全年|今年|积极|持续|主动|分别)?(?:{verbs})")


@per_lexicon
def _actor_after_re(lex: Lexicon) -> re.Pattern[str]:
    """A clause of an actor's time (``甲项目全部达产后，``): a target after it is that actor's."""
    suffixes = "|".join(re.escape(w) for w in _words(lex, "actor_suffixes.txt"))
    return re.compile(rf"(?:{suffixes})[^，,；;。：:]{{0,10}}后[，,]")


@per_lexicon
def _head_re(lex: Lexicon) -> re.Pattern[str]:
    """A clause opening with a word of an actor (``该企业…``, ``集团拥有…``; ``vouching_actor_heads.txt``)."""
    heads = "|".join(re.escape(w) for w in _words(lex, "vouching_actor_heads.txt"))
    return re.compile(rf"{TIME_LEAD_RE.pattern}(?:{heads})")


def _opens_with_actor(ctx: Ctx, start: int, end: int) -> bool:
    """A clause starting in ``[start, end)`` opens with a word of an actor (``2023年，该企业实现…``)."""
    text = ctx.text
    starts = [start] + [j + 1 for j in range(start, end) if text[j] in "，,；;：:。\n"]
    return any(i < end and _head_re(ctx.lex).match(text, i, end) for i in starts)


def is_fallback(ctx: Ctx, o: Observation, sent: Sentence) -> bool:
    """``o`` is given to the document's place, and its own clause does not name that place (a name inside
    an organisation's name does not count)."""
    home = ctx.home
    if home is None or o.subject is None or o.subject.kind is not Kind.PLACE or o.subject.name != home.name:
        return False
    cs = clause_start(ctx, sent, o.span.start)
    return not _names_place(ctx, home, cs, o.span.start)


def _names_place(ctx: Ctx, place: PlaceInfo, start: int, end: int) -> bool:
    """``[start, end)`` names ``place`` (outside another entity's name) or speaks of it in its own words."""
    return bool(_namings(ctx, place, start, end))


def _namings(ctx: Ctx, place: PlaceInfo, start: int, end: int) -> list[int]:
    """The ends of the words in ``[start, end)`` naming ``place`` (not inside another entity's name) or
    speaking of it in its own words (``全市`` of a city).

    A function of the text, the lexicon, the place and the entities: memoised per document under the
    entities' version (the rules of vouching ask again of the same clause for each figure in it); each
    call gives a new list."""
    key = (_namings, place, start, end, ctx.entities_version)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = tuple(_read_namings(ctx, place, start, end))
    return list(found)  # type: ignore[call-overload]


def _read_namings(ctx: Ctx, place: PlaceInfo, start: int, end: int) -> list[int]:
    from .certainty import own_word  # (certainty calls this module: imported at call time)
    text = ctx.text
    inside = [(e.span.start, e.span.end) for e in ctx.entities_in(start, end) if e.kind is not Kind.PLACE]
    ends = []
    words = [w for w in level_words(ctx.lex) if own_word(ctx.lex, w, place)]
    tails = _words(ctx.lex, "vouching_name_tails.txt")
    longest: dict[int, int] = {}  # where a word naming the place starts → its length (the longest form there)
    for form in {place.name, *place.short, *words} - {""}:
        i = text.find(form, start, end)
        while i != -1:
            longest[i] = max(longest.get(i, 0), len(form))
            i = text.find(form, i + 1, end)
    for i, n in longest.items():
        if not any(s <= i < e for s, e in inside) and not text.startswith(tails, i + n):
            ends.append(i + n)  # (交通银行某省分行: a name the lexicon may not know)
    return sorted(ends)


def _actors(ctx: Ctx, o: Observation, start: int, end: int, *, own_offices: bool = False) -> list[Entity]:
    """Entities in ``[start, end)`` that may own the figure ``o`` after them: not the document's place, not a
    policy, person, category or mark, not what the figure counts (``其中中国驰名商标2件``: the name is its
    measure); with ``own_offices``, not the place's own departments either."""
    home = ctx.home.name if ctx.home else None
    breakers = _words(ctx.lex, "carry_breakers.txt")
    out = []
    located_end = -1  # the end of the last place after 在/于 …: the places listed right after it are located too
    for e in ctx.entities_in(max(0, start - 12), end):
        if e.span.end <= start:
            continue
        if e.kind is Kind.PLACE and (ctx.text[max(0, e.span.start - 2):e.span.start].endswith(breakers) or (
                e.span.start == located_end + 1 and ctx.text[located_end] in "、和及与")):
            located_end = e.span.end
            continue  # 在青秀区、兴宁区布局…: where, not who
        if e.kind in NO_ACTORS or (e.kind is Kind.PLACE and e.name == home):
            continue
        if e.span.text in o.measure or COUNTED_RE.fullmatch(ctx.text, e.span.end, o.span.start):
            continue
        if not _in_subject_position(ctx, e) and (e.kind not in TOPICS or (
                e.kind not in INSPECTION_KINDS and ctx.last_of("；;", e.span.end, o.span.start) != -1)):
            continue  # 建成质量服务站群: what was built, not who did it; a programme, brand or event is a topic
            # wherever written in its part of the sentence (a check's, past a semicolon too)
        if own_offices and e.kind in OWN_OFFICES and (e.place in (None, home) or (home and e.name.startswith(home))):
            continue
        out.append(e)
    return out


COUNTED_RE = re.compile(r"[”\"」]?\s*(?:共|共有|有|达|达到|为|计|约|近|超|逾)?\s*")
"""What may stand between the name of what a figure counts and its number (``“某品牌”共12个``)."""


HEAD_LEAD_RE = re.compile(r"(?:\d{4}|其中|同时|此外|另外|并|并由|由|经|而|20\d{2}年(?:度)?|今年|去年|全年|今年以来|上半年)?[，,]?(?:[、和及与]?)$")
"""What may stand between a clause's start and the entity heading it (after other heads listed with 、)."""


def _in_subject_position(ctx: Ctx, e: Entity) -> bool:
    """``e`` heads its clause (after lead words and other names listed with it), or a verb of action follows
    it (``某联盟组织…``): it may be who did what a figure after it counts."""
    text = ctx.text
    cs = ctx.last_of("，,；;：:。\n", max(0, e.span.start - 60), e.span.start) + 1
    if cs <= 0:
        cs = max(0, e.span.start - 60)
    prefix = list(text[cs:e.span.start])
    for other in ctx.entities_in(cs, e.span.start):
        for i in range(other.span.start - cs, other.span.end - cs):
            prefix[i] = ""
    residual = re.sub(r"[、和及与]", "", "".join(prefix))
    if HEAD_LEAD_RE.fullmatch(residual) or residual == "":
        return True
    return bool(_actor_verb_re(ctx.lex).match(text[e.span.end:e.span.end + 12]))


def _acted(ctx: Ctx, o: Observation, start: int, end: int, *, own_offices: bool = False) -> bool:
    """An actor is written in ``[start, end)``: an entity that may own a figure, or an unknown actor before
    a verb of action (``某联盟组织…``); with ``own_offices``, the place's own departments do not count."""
    if start >= end:
        return False
    if _actors(ctx, o, start, end, own_offices=own_offices) or _opens_with_actor(ctx, start, end):
        return True
    offices = [(e.span.start, e.span.end) for e in ctx.entities_in(start, end) if e.kind in OWN_OFFICES] if own_offices else []
    for m in _actor_re(ctx.lex).finditer(ctx.text, start, end):
        if m.group().startswith(("全", "我市", "我省", "我县", "本")):
            continue
        if any(s <= m.end() - 1 and m.start() < e + 4 for s, e in offices):
            continue  # 市市场监管局开展…: the place's own office
        return True
    return False


VOUCHED_KEY = "vouched_fallbacks"
"""``ctx.memo`` key: the starts of the fallback figures vouched so far (a later figure may continue one)."""


def vouched(ctx: Ctx, o: Observation, sent: Sentence, before: list[Observation]) -> str | None:
    """What vouches for the document's place as the subject of ``o`` (see the module), or None."""
    why = _vouched(ctx, o, sent, before)
    if why is not None:
        ctx.memo.setdefault(VOUCHED_KEY, set()).add(o.span.start)
    return why


def _vouched(ctx: Ctx, o: Observation, sent: Sentence, before: list[Observation]) -> str | None:
    home = ctx.home
    assert home is not None
    pos = o.span.start
    cs = clause_start(ctx, sent, pos)
    text = ctx.text
    clause = text[cs:pos]
    if _other_place_in(ctx, o.measure):
        return None  # 江北区新增注册商标1743件 read with the district opening its measure: the district's
    chain = next((w for w in _words(ctx.lex, "vouching_chain_words.txt") if w in o.span.text or any(
        (i := part.rfind(w)) != -1 and len(part) - i - len(w) <= 2 for part in (o.measure, clause))), None)
    # (the chain word is what is counted — 产业链8条, 强链项目25个 — not 带动产业链上下游配套企业120家)
    if chain and not _opens_with_actor(ctx, sent.span.start, pos) and not any(e.kind not in GATHERINGS for e in _actors(ctx, o, sent.span.start, pos, own_offices=True)):
        return "chain:" + chain  # (a meeting held on a chain does not own the place's chains)
    # (a plan only in its paragraph's 下一步: whose targets they are, the place's or a programme's, is not told)
    if o.breakdown == "目标" and (not next_step_paragraph(ctx, pos) or is_target(ctx, sent, pos, paragraph=False)) \
            and not _actors(ctx, o, sent.span.start, pos, own_offices=True) \
            and not _acted(ctx, o, sent.span.start, pos, own_offices=True) \
            and not _actor_after_re(ctx.lex).search(text, sent.span.start, pos):  # 该项目建成后，预计…: the project's
        offices = _actors(ctx, o, sent.span.start, pos)
        if not offices or any(w in text[offices[-1].span.end:pos] for w in _words(ctx.lex, "vouching_target_leads.txt")):
            return "target"
    if any(w in clause for w in _words(ctx.lex, "vouching_single_words.txt")):
        return None  # 其中单个企业最多申请…86件: one firm's
    named_at = _last_naming(ctx, home, sent.span.start, cs)
    if named_at >= 0 and not _acted(ctx, o, named_at, pos):
        return "sentence"
    if re.match(r"其(?!中|他|余|次|实)", clause):
        return None  # 某区…，其有效注册商标累计达…件: what the sentence spoke of before, not the place
    prev = next((p for p in reversed(before) if p.span.end <= pos and p.span.start >= sent.span.start), None)
    if prev is not None and prev.subject == o.subject and not prev.subject_inferred \
            and prev.confidence >= CONFIDENCE["document"] and not _acted(ctx, o, clause_end(ctx, sent, prev.span.end), pos) \
            and (prev.span.start in ctx.memo.get(VOUCHED_KEY, ()) or not is_fallback(ctx, prev, sent)):
        return "continued"
    stock = next((w for w in _words(ctx.lex, "vouching_stock_measures.txt") if w in o.measure), None)
    if stock and not _acted(ctx, o, cs, pos, own_offices=True) and not _head_actor(ctx, o, sent) \
            and not re.search(r"等$", clause):
        return "stock:" + stock
    lead = TIME_LEAD_RE.match(text, sent.span.start)
    period = next((w for w in _words(ctx.lex, "vouching_period_leads.txt") if text.startswith(w, lead.end())), None)
    if (period or re.match(r"20\d{2}年", lead.group())) and not _acted(ctx, o, lead.end(), pos):
        return "period:" + (period or lead.group())  # 全年立案查处…, 2022年，兑现…资金2.3亿元: the place's year
    back = TIME_LEAD_RE.match(text, cs).end()
    ref = next((w for w in _words(ctx.lex, "vouching_back_references.txt") if text.startswith(w, back)), None)
    if ref and _prior_vouched(ctx, sent):
        return "back:" + ref
    if _prior_vouched(ctx, sent, same_paragraph=True) and not _acted(ctx, o, sent.span.start, pos) \
            and not text.startswith(_words(ctx.lex, "campaign_leads.txt"), lead.end()):
        return "paragraph"  # …全年注册商标312.6万件。完成商标异议案件审查12.6万件。: the paragraph's place goes on
    return None


def _other_place_in(ctx: Ctx, measure: str) -> str | None:
    """A full name of a place other than the document's opening ``measure`` (``江北区新增注册商标``); a place
    inside it (``被认定某省…示范企业``) names whose list it is, not whose figure."""
    home = ctx.home.name if ctx.home else None
    for j in range(2, min(len(measure), 9) + 1):
        word = measure[:j]
        if word != home and word[-1] in "省市县区州旗盟" and word in ctx.lex.place_names:
            return word
    return None


def _head_actor(ctx: Ctx, o: Observation, sent: Sentence) -> bool:
    """An actor opens the sentence (``甲公司…，拥有…``), after its time words — no check, when the measure is
    an indicator no check can have (``…抽检合格率达到98%，制造业产品质量合格率达到94%``; ``place_indicators.txt``)."""
    lead = TIME_LEAD_RE.match(ctx.text, sent.span.start).end()
    head = clause_end(ctx, sent, lead)
    indicator = any(w in o.measure for w in ctx.lex.words("place_indicators.txt"))
    return any(e.span.start <= lead + 1 and not (indicator and e.kind in INSPECTION_KINDS)
               for e in _actors(ctx, o, lead, head, own_offices=True)) or bool(
        (m := _actor_re(ctx.lex).match(ctx.text, lead, head)) and not m.group().startswith(("全", "我", "本")))


def _last_naming(ctx: Ctx, place: PlaceInfo, start: int, end: int) -> int:
    """The end of the last word in ``[start, end)`` naming ``place`` (-1: none)."""
    ends = _namings(ctx, place, start, end)
    return ends[-1] if ends else -1


def _prior_vouched(ctx: Ctx, sent: Sentence, *, same_paragraph: bool = False) -> bool:
    """The sentence before ``sent`` (in its paragraph, with ``same_paragraph``) has a figure of the
    document's place, vouched (``2023年，该指标为…``)."""
    prev = ctx.sentence_of(sent.span.start - 1) if sent.span.start > 0 else None
    if prev is None or ctx.home is None:
        return False
    if same_paragraph and "\n" in ctx.text[prev.span.start:sent.span.start]:
        return False
    return any(o.subject is not None and o.subject.name == ctx.home.name and not o.subject_inferred
               and prev.span.start <= o.span.start < prev.span.end for o in ctx.observations)
