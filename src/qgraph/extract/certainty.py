"""Certainty: the last pass over a document's figures, marking place subjects the text does not vouch for.

The figure rules fall back to a place — the document's, or one named earlier — when they find no
other subject. On real reports most false figures were such places, in shapes the rules read too
eagerly. A figure given to a place is marked inferred (confidence 0.4, the mark of a subject fallen
back to the document's place) when, before it in its sentence:

1. an actor outside the lexicon (``蓝海联盟``, ``某服务中心``, ``市局党组``) stands before a verb of action
   (``actor_suffixes.txt``, ``actor_verbs.txt``) with no word of the place after it: the count is the actor's;
2. the place's short name is glued to a name before a verb (``广西柳工研制新产品12项``, ``某地某茶为…亿元``,
   ``某地老字号品牌将增至…家``):
   the figure is the company's or the product's (``glued_name_breaks.txt``, ``value_verbs.txt``);
3. the figure is a brand value (``品牌价值…亿元``, or a value after one in its sentence): a brand's;
4. a distributive word heads the figure (``各项目``, ``每家``; ``distributive_words.txt``);
5. the clause opens with another administrative level's words (``全国``, ``我国``, ``全省`` in a city's
   report; ``own_place_words.tsv`` — ``全市`` of a county-level city is its own);
6. the figure follows ``其中`` after a count of what was done (``帮扶企业40家，其中规上企业20家``): a part
   of the action's scope, not the place's stock (``action_measures.txt``);
7. the place was carried over: a place other than the document's not named in the figure's sentence,
   or named in an earlier clause after a word that makes it no subject (``在某市召开…``;
   ``carry_breakers.txt``), or named in an earlier clause while the figure's clause names another place;
   the document's place fallen back to right after a sentence headed by another place;
8. the place opens a list of places (``甲区、乙区、丙区共…``), or is one item of a list before the figure
   (``甲市A项目、乙市B项目等3个…``; :mod:`.carried_heads`): the list's count, not the item's;
9. the document's place takes a figure whose clause is headed by one of its districts — and a check's
   figure, with no breakdown, in a sentence headed by one (:func:`_district_heading`);
10. the figure lies inside a programme, pilot, campaign or event (``质量月期间``, ``行动中``; a campaign
    launched in an earlier clause; ``活动现场``, ``会上``; an on-the-spot count right after a sentence
    naming an event — ``campaign_markers.txt``, ``campaign_leads.txt``, ``event_verbs.txt``,
    ``event_nouns.txt``) whose name its measure does not carry (``programme_nouns.txt``).

A figure restating another, rounded (the title's ``超5000件`` and the body's ``5012件``), is kept once
(:func:`drop_restated`). A false figure is worse than a missing one: when the text cannot tell, the
figure stays, marked inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, Kind, Observation, Sentence
from .carried_heads import listed_at
from .context import Ctx
from .figures import GENERIC_MEASURES
from .indexes import level_words, level_words_re
from .periods import clause_start
from .topics import clause_topic, document_campaign, other_rate, paragraph_check
from .chain_topics import chain_topic
from .respective import PAIRED_KEY
from .vouching import is_fallback, vouched
from .whole_clauses import home_whole_after_lead

LEVELS = ("country", "province", "prefecture", "county")


@dataclass(frozen=True, slots=True)
class Doubt:
    """Why a figure's place subject is not vouched for: the case (1–10 above) and the words that showed it."""

    case: int
    words: str


def _words(lex: Lexicon, name: str) -> tuple[str, ...]:
    return lex.words(name, longest_first=True)


def _alternation(lex: Lexicon, name: str) -> str:
    return lex.alternation(name)


@per_lexicon
def _actor_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"(?P<actor>[\u4e00-\u9fff]{{0,12}}?(?:{_alternation(lex, 'actor_suffixes.txt')}))"
                      rf"(?:共|已|还|累计|先后|全年|今年)?(?:{_alternation(lex, 'actor_verbs.txt')})")


def mark_uncertain_places(ctx: Ctx) -> None:
    """Mark inferred every figure given to a place that the text does not vouch for (see the module)."""
    earlier: dict[int, list[Observation]] = {}  # by sentence: its figures read so far (as marked)
    national: dict[int, int] = {}  # by sentence: where its last figure of another level's words stands
    for i, o in enumerate(ctx.observations):
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        before = earlier.setdefault(sent.span.start, [])
        if o.subject is not None and o.subject.kind is Kind.PLACE and o.subject_inferred:
            topic = clause_topic(ctx, o, sent)
            ref = topic.ref if topic is not None else (document_campaign(ctx, o, sent)
                                                       or paragraph_check(ctx, o, sent, ctx.observations[:i])
                                                       or chain_topic(ctx, o, sent))
            if ref is not None:  # the place was a guess; the clause's (or the report's) topic is an entity
                ctx.observations[i] = replace(o, subject=ref, subject_inferred=False, confidence=CONFIDENCE["carried"])
        elif o.subject is not None and not o.subject_inferred:
            if o.subject.kind in INSPECTION_KINDS:
                found = o.breakdown is None and not any(e.ref == o.subject and e.span.text == e.name for e in ctx.entities_in(
                    sent.span.start, sent.span.end)) and _district_heading(ctx, sent, o.span.start)
                # (美兰区…开展专项抽查: a check the sentence names in full is the district's own)
                found = found or other_rate(ctx, o, sent) is not None
            elif o.subject.kind is Kind.PLACE and o.breakdown is None and (campaign := document_campaign(ctx, o, sent)) is not None:
                found = False  # 全省制作展板300个 in a report of the campaign its lead launched: what the campaign did
                ctx.observations[i] = replace(o, subject=campaign, confidence=min(o.confidence, CONFIDENCE["carried"]))
            elif o.subject.kind is Kind.PLACE and o.breakdown is None and (chain := chain_topic(ctx, o, sent)) is not None:
                found = False  # 某地的乙装备产业已形成…20余户企业…: the industry's, a chain of the report
                ctx.observations[i] = replace(o, subject=chain, confidence=min(o.confidence, CONFIDENCE["carried"]))
            elif o.subject.kind is Kind.PLACE and (topic := clause_topic(ctx, o, sent)) is not None:
                found = topic.ref is None
                if topic.ref is not None:  # the clause's topic is an entity the extractor has: the figure is its
                    ctx.observations[i] = replace(o, subject=topic.ref, confidence=min(o.confidence, CONFIDENCE["carried"]))
            else:
                why = doubt(ctx, o, sent, before) if o.subject.kind is Kind.PLACE else None
                found = why is not None
                if why is not None and why.case == 5:
                    national[sent.span.start] = o.span.start
                elif o.subject.kind is Kind.PLACE and _after_other_level_sentence(ctx, o, sent, national):
                    found = True  # …，我国累计认定…。截至去年底，…产值超过9690亿元: the country's still
                if not found and is_fallback(ctx, o, sent) and pos_unpaired(ctx, o) and vouched(ctx, o, sent, before) is None:
                    found = True  # the document's place, fallen back to, with nothing to vouch for it
            if not found and before and before[-1].subject == o.subject and before[-1].subject_inferred \
                    and re.match(r"其中|各", ctx.text[clause_start(ctx, sent, o.span.start):o.span.start]):
                found = True  # …新认定…20家（unsure whose），其中制造业企业15家: as unsure as the whole
            if found:
                ctx.observations[i] = o.with_subject_inferred()
        before.append(ctx.observations[i])


def doubt(ctx: Ctx, o: Observation, sent: Sentence, before: list[Observation]) -> Doubt | None:
    """The first reason the place subject of ``o`` is not vouched for, or None (``before``: the figures of
    ``sent`` read before ``o``)."""
    pos = o.span.start
    if pos in ctx.memo.get(PAIRED_KEY, ()):
        return None  # 位居前三位的分别是甲、乙和丙，分别拥有…: each place's own figure, paired in order
    cs = clause_start(ctx, sent, pos)
    clause = ctx.text[cs:pos]
    head = ctx.text[sent.span.start:pos]
    place = ctx.lex.place_named(o.subject.name) if o.subject else None
    named = _mentions(ctx, sent.span.start, pos, o.subject.name if o.subject else "", place)
    actor = _actor_re(ctx.lex).search(head)
    if actor and not _is_place_word(ctx, actor.group("actor")) and not _place_after(
            ctx, named, place, sent.span.start + actor.end("actor"), pos):
        return Doubt(1, actor.group())
    glued = _glued(ctx, named, pos)
    if glued:
        return Doubt(2, glued)
    if o.unit == "Yuan" and ("品牌价值" in o.measure or "品牌价值" in clause or _brand_values_before(o, sent, before)):
        return Doubt(3, "品牌价值")
    each = next((w for w in _words(ctx.lex, "distributive_words.txt") if w in clause), None)
    if each:
        return Doubt(4, each)
    level = _other_level(ctx, clause, place) or _country_heading(ctx, cs, pos, place) \
        or _other_level_heading(ctx, sent, cs, place, named)
    if level:
        return Doubt(5, level)
    part = _part_of_action(ctx, o, sent, clause, before)
    if part:
        return Doubt(6, part)
    carried = _carried(ctx, o, sent, cs, named)
    if carried:
        return Doubt(7, carried)
    listed = _first_of_list(ctx, named, pos, _place_after(ctx, [], place, cs, pos))
    if listed:
        return Doubt(8, listed)
    district = _district_named(ctx, o, cs, pos, place)
    if district:
        return Doubt(9, district)
    spoken = re.sub(r"十[一二三四五]五[”\"]?(?:期间|时期)", "", head)  # 十三五期间: a span of years, no campaign
    campaign = next((w for w in _words(ctx.lex, "campaign_markers.txt") if w in spoken), None) or _event_lead(ctx, o, sent, cs, named, place)
    if campaign is None and cs > sent.span.start and not _place_after(ctx, named, place, cs, pos):
        launched = CAMPAIGN_RE.search(ctx.text, sent.span.start, cs)
        campaign = launched.group() if launched else None  # 启动“质量月”活动，…培训企业1200家
    if campaign and not _names_programme(ctx.lex, o.measure):
        return Doubt(10, campaign)
    return None


def _after_other_level_sentence(ctx: Ctx, o: Observation, sent: Sentence, national: dict[int, int]) -> bool:
    """The document's place fallen back to in a sentence naming no place before the figure, right after a
    sentence of the same paragraph whose last figure was another level's (case 5): the figure continues
    that level's account (``我国累计认定…。截至去年底，…产值超过9690亿元``)."""
    if not is_fallback(ctx, o, sent) or sent.span.start == 0:
        return False
    prev = ctx.sentence_of(sent.span.start - 1)
    if prev is None or prev.span.start not in national or "\n" in ctx.text[prev.span.end:sent.span.start]:
        return False
    if any(p.span.start > national[prev.span.start] and prev.span.start <= p.span.start < prev.span.end
           for p in ctx.observations):
        return False  # a later figure of that sentence was no longer the other level's
    head = ctx.text[sent.span.start:o.span.start]
    return not any(e.kind is Kind.PLACE for e in ctx.entities_in(sent.span.start, o.span.start)) \
        and level_words_re(ctx.lex).search(head) is None


def pos_unpaired(ctx: Ctx, o: Observation) -> bool:
    """``o`` is no value paired in order with places named before it (``分别拥有…``)."""
    return o.span.start not in ctx.memo.get(PAIRED_KEY, ())


CAMPAIGN_RE = re.compile(r"(?:开展|启动|组织|举办|实施|部署)[^，,。；;]{0,16}?(?:活动|行动|试点|专项整治|工程|创建)")
"""An earlier clause launching a campaign, pilot or event: the figures after it are what it did."""


def _place_after(ctx: Ctx, named: list[tuple[int, int]], place: PlaceInfo | None, start: int, end: int) -> bool:
    """The subject place is named, or spoken of in its own words (全市, 我省), in ``[start, end)``."""
    if any(s >= start for s, _ in named):
        return True
    return place is not None and any(w in ctx.text[start:end] for w in own_words_of(ctx.lex, place))


def _brand_values_before(o: Observation, sent: Sentence, before: list[Observation]) -> bool:
    """``甲品牌价值为142.58亿元，乙为60.65亿元``: a value after a brand value of the sentence is one too."""
    return o.unit == "Yuan" and any(p.unit == "Yuan" and "品牌价值" in p.measure and p.span.start >= sent.span.start
                                    for p in before if p.span.end <= o.span.start)


def _event_lead(ctx: Ctx, o: Observation, sent: Sentence, cs: int, named: list[tuple[int, int]],
                place: PlaceInfo | None) -> str | None:
    """The figure's clause or sentence opens with an event's words (``活动现场``, ``会上``), or — for a figure
    fallen back to the document's place in a sentence naming none — the sentence before does."""
    leads = _words(ctx.lex, "campaign_leads.txt")
    for start in (LEAD_RE.match(ctx.text, cs, o.span.start).end(), LEAD_RE.match(ctx.text, sent.span.start).end()):
        if start < cs and home_whole_after_lead(ctx, sent, o.span.start):
            continue  # 活动现场，…，全市受理投诉…: a later clause's whole, the report's place, speaks for the figure
        if ctx.text.startswith(leads, start):
            return next(w for w in leads if ctx.text.startswith(w, start))
    if named or o.confidence > CONFIDENCE["document"] or _place_after(ctx, named, place, sent.span.start, o.span.start):
        return None
    if not any(w in ctx.text[cs:o.span.start] for w in _words(ctx.lex, "event_verbs.txt")):
        return None  # 打造品牌方面，拥有…品牌72个 after 活动现场，…发布了…成果: what was announced, not what was done
    prev = ctx.sentence_of(sent.span.start - 1) if sent.span.start > 0 else None
    if prev is None:
        return None
    if ctx.text.startswith(leads, LEAD_RE.match(ctx.text, prev.span.start).end()):
        return "（前句）" + next(w for w in leads if ctx.text.startswith(w, LEAD_RE.match(ctx.text, prev.span.start).end()))
    return next(("（前句）" + w for w in _words(ctx.lex, "event_nouns.txt") if w in prev.span.text), None)


def _names_programme(lex: Lexicon, measure: str) -> bool:
    """The measure names a programme of its own (质量提升试点企业), not only the period of one (试点期间…)."""
    for w in (*_words(lex, "campaign_markers.txt"), *_words(lex, "campaign_leads.txt")):
        measure = measure.split(w)[-1]  # 试点期间帮扶企业: 帮扶企业; 活动共发放宣传资料: 发放宣传资料
    return any(w in measure for w in _words(lex, "programme_nouns.txt"))


def _mentions(ctx: Ctx, start: int, end: int, name: str, place: PlaceInfo | None) -> list[tuple[int, int]]:
    """Where the place ``name`` (or one of its short forms) is written in ``[start, end)``."""
    forms = sorted({name, *(place.short if place else ())} - {""}, key=len, reverse=True)
    out: list[tuple[int, int]] = []
    text = ctx.text
    for form in forms:
        i = text.find(form, start, end)
        while i != -1:
            if not any(s <= i < e for s, e in out):
                out.append((i, i + len(form)))
            i = text.find(form, i + 1, end)
    return sorted(out)


def _is_place_word(ctx: Ctx, actor: str) -> bool:
    """An actor that is a place or the report's own words for one (全市, 我省): the place acts itself."""
    return actor in ctx.lex.place_names or actor.startswith(("全", "我", "本")) and len(actor) <= 3


def _glued(ctx: Ctx, named: list[tuple[int, int]], pos: int) -> str | None:
    """``广西柳工研制新产品12项``: a place's short name with two to four characters glued to it before a
    verb of action, none of them a word that may follow a place — the name of something else."""
    if not named:
        return None
    s, e = named[-1]
    zone = _zone_re(ctx.lex).match(ctx.text, e, pos)
    if zone is not None and not any(v in zone.group("zone") for v in _words(ctx.lex, "zone_name_verbs.txt")):
        return ctx.text[s:e] + zone.group("zone")  # 某县产业集聚区拥有…专利79项: the zone's, not the county's
    if ctx.text[s:e] in ctx.lex.place_names and re.search(r"[省市县区州旗盟]$", ctx.text[s:e]):
        return None  # 南宁市研制…: the full name; the place acts itself
    rest = ctx.text[e:pos]
    if rest.startswith(_words(ctx.lex, "glued_name_breaks.txt")):
        return None
    verbs = f"{_alternation(ctx.lex, 'actor_verbs.txt')}|{_alternation(ctx.lex, 'value_verbs.txt')}"
    m = re.match(rf"([\u4e00-\u9fff]{{2,5}}?)(?:将|已|共|累计)?(?:{verbs})", rest)
    return ctx.text[s:e] + m.group(1) if m else None


@per_lexicon
def _zone_re(lex: Lexicon) -> re.Pattern[str]:
    """An area of a place written right after its name (``某县产业集聚区``, ``某市高新区``; ``area_heads.txt``)
    holding or doing what the figure counts (``拥有``, ``共有``, ``value_verbs.txt``, ``actor_verbs.txt``)."""
    verbs = f"拥有|共有|有|{_alternation(lex, 'actor_verbs.txt')}|{_alternation(lex, 'value_verbs.txt')}"
    return re.compile(rf"(?P<zone>[\u4e00-\u9fff]{{0,6}}?(?:{_alternation(lex, 'area_heads.txt')}))(?:已|共|累计|现)?(?:{verbs})")


def _other_level(ctx: Ctx, clause: str, place: PlaceInfo | None) -> str | None:
    """A clause headed by another level's words (``全国…``, ``我国…``, ``全省…`` in a city's report) before any
    name of the subject place."""
    if place is None:
        return None
    m = re.match(r"(?:其中|同时|此外|另外|而|(?:20\d{2}年度?|今年|去年|上半年|全年)(?:以来)?)?[，,]?(?P<w>[\u4e00-\u9fff]{2,4})", clause)
    if not m:
        return None
    for word in level_words(ctx.lex):
        if m.group("w").startswith(word):
            return None if own_word(ctx.lex, word, place) else word
    return None


def _country_heading(ctx: Ctx, cs: int, pos: int, place: PlaceInfo | None) -> str | None:
    """``中国商标注册申请量…达到369.1万件`` in a province's report: a clause opening with the country's name
    (``places.tsv``, not the first word of a name such as 中国驰名商标) speaks of the country."""
    if place is None or place.level == "country":
        return None
    country = ctx.lex.places.get("000000")
    if country is None:
        return None
    m = re.match(r"(?:其中|同时|此外|另外|而|(?:20\d{2}年度?|今年|去年|上半年|全年)(?:以来)?)?[，,]?", ctx.text[cs:pos])
    at = cs + m.end()
    word = next((w for w in sorted((country.name, *country.short), key=len, reverse=True)
                 if ctx.text.startswith(w, at)), None)
    if word is None or any(e.span.start <= at < e.span.end and e.kind is not Kind.PLACE for e in ctx.entities_in(at, at + len(word) + 30)):
        return None
    return word


def _other_level_heading(ctx: Ctx, sent: Sentence, cs: int, place: PlaceInfo | None,
                         named: list[tuple[int, int]]) -> str | None:
    """``截至6月底，我国累计认定…2861个，核准…注册7424件``: a clause headed by another level's words
    (:func:`_other_level`) governs the clauses after it in its sentence, until the subject place is named or
    spoken of in its own words."""
    if place is None:
        return None
    start = sent.span.start
    heads = [start] + [i + 1 for i in range(start, cs - 1) if ctx.text[i] in "，,；;"]
    for head in reversed(heads):
        if any(s >= head for s, _ in named) or any(w in ctx.text[head:cs] for w in own_words_of(ctx.lex, place)):
            return None
        nxt = ctx.first_of("，,；;", head, cs)
        clause = ctx.text[head:nxt if nxt != -1 else cs]
        level = _other_level(ctx, clause, place) or _country_heading(ctx, head, nxt if nxt != -1 else cs, place)
        if level:
            return level
    return None


MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})


def own_words_of(lex: Lexicon, place: PlaceInfo) -> tuple[str, ...]:
    """The words of :func:`.indexes.level_words` that speak of ``place`` itself (:func:`own_word`), in
    their order; made once per lexicon for each level and name."""
    return lex.cached(("own_words_of", place.level, place.name),
                      lambda: tuple(w for w in level_words(lex) if own_word(lex, w, place)))


def own_word(lex: Lexicon, word: str, place: PlaceInfo) -> bool:
    """``word`` (全市, 全区, 我省 …) speaks of ``place`` itself: its own level's word, 全市 of a county-level
    city or of a municipality, 全区 of a district or of an autonomous region."""
    level = level_words(lex).get(word)
    if level == place.level:
        return True
    if level == "prefecture":
        return place.name.endswith("市") and (place.level == "county" or place.name in MUNICIPALITIES)
    if word == "全区":
        return place.level == "county" and place.name.endswith("区")
    return False


def _part_of_action(ctx: Ctx, o: Observation, sent: Sentence, clause: str, before: list[Observation]) -> str | None:
    """``帮扶企业40家，其中规上企业20家``: after 其中 a part of what was done, read as the place's stock."""
    if not re.match(r"其中", clause) or o.breakdown:
        return None
    prev = next((p for p in reversed(before) if p.span.end <= o.span.start and p.span.start >= sent.span.start), None)
    if prev is None:
        return None
    action = next((w for w in _words(ctx.lex, "action_measures.txt") if prev.measure.startswith(w)), None)
    return action if action and action not in o.measure else None


def _carried(ctx: Ctx, o: Observation, sent: Sentence, cs: int, named: list[tuple[int, int]]) -> str | None:
    """A place other than the document's, not named in the figure's sentence, or named in an earlier
    clause right after a word that makes it no subject (``在某市召开…``)."""
    home = ctx.home
    if o.subject is None:
        return None
    if home is not None and o.subject.name == home.name:
        if named and named[-1][0] < cs:
            other = _other_place_in_clause(ctx, o, sent, cs, home)
            if other:
                return other
        return _after_other_place(ctx, o, sent, named, home)
    place = ctx.lex.place_named(o.subject.name)
    if place is not None and any(w in ctx.text[sent.span.start:o.span.start] for w in own_words_of(ctx.lex, place)):
        return None  # 全区完成…: the sentence speaks of the place in its own words
    if not named:
        return o.subject.name
    s, _ = named[-1]
    if s < cs:
        other = _other_place_in_clause(ctx, o, sent, cs, place)
        if other:
            return other
    if s < cs and ctx.text[max(sent.span.start, s - 2):s].endswith(_words(ctx.lex, "carry_breakers.txt")):
        return ctx.text[s - 1:s] + o.subject.name
    return None


LEAD_RE = re.compile(r"(?:其中|同时|此外|另外|(?:20\d{2}年|今年|去年|上半年|全年)(?:以来)?)?[，,]?")
"""Words a clause may open with before its subject."""


def _other_place_in_clause(ctx: Ctx, o: Observation, sent: Sentence, cs: int, place: PlaceInfo | None) -> str | None:
    """``湖北省…有20个，而孝感市就有2个``: the subject was named in an earlier clause, and the figure's clause
    names another place (not one holding the subject, not after 在/与 …) with no word of the subject's own."""
    if place is None or _place_after(ctx, [], place, cs, o.span.start):
        return None
    holders = {a.code for a in ctx.lex.ancestors(place)}
    located_end = -1  # the end of the last place after 在/与 …: the places listed after it are located too
    for e in ctx.entities_in(cs, o.span.start, frozenset({Kind.PLACE})):
        if ctx.text[max(cs, e.span.start - 2):e.span.start].endswith(_words(ctx.lex, "carry_breakers.txt")) or (
                e.span.start == located_end + 1 and ctx.text[located_end] in "、和及与"):
            located_end = e.span.end
            continue
        info = ctx.lex.place_named(e.name)
        if info is None or info.code == place.code or info.code in holders:
            continue
        return e.name
    return None


def _after_other_place(ctx: Ctx, o: Observation, sent: Sentence, named: list[tuple[int, int]], home: PlaceInfo) -> str | None:
    """The document's place, fallen back to in a sentence naming no place, right after a sentence headed
    by another place (``柳州市：新增…。新增…``): the figure may be that place's as well."""
    if named or o.confidence > CONFIDENCE["document"] or _place_after(ctx, named, home, sent.span.start, o.span.start):
        return None
    if ctx.entities_in(sent.span.start, o.span.start, frozenset({Kind.PLACE})):
        return None
    prev = ctx.sentence_of(sent.span.start - 1) if sent.span.start > 0 else None
    if prev is None:
        return None
    lead = LEAD_RE.match(ctx.text, prev.span.start).end()
    first = next(iter(ctx.entities_in(lead, prev.span.end, frozenset({Kind.PLACE}))), None)
    if first is None or first.span.start != lead or first.name == home.name:
        return None
    info = ctx.lex.place_named(first.name)
    if info is None or info in ctx.lex.ancestors(home):
        return None
    return first.name


def _district_heading(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """A check's figure in a sentence headed by one of the document's districts (``青秀区：抽查食品300批次``):
    the district's part of the check, read as the whole check's."""
    home = ctx.home
    if home is None:
        return False
    lead = LEAD_RE.match(ctx.text, sent.span.start).end()
    first = next(iter(ctx.entities_in(lead, pos, frozenset({Kind.PLACE}))), None)
    if first is None or first.span.start != lead or ctx.text[first.span.end:first.span.end + 1] in "、和及与":
        return False
    info = ctx.lex.place_named(first.name)
    return info is not None and info.code != home.code and home in ctx.lex.ancestors(info)


def _first_of_list(ctx: Ctx, named: list[tuple[int, int]], pos: int, own_clause: bool) -> str | None:
    """``甲区、乙区、丙区共新增…``: the place opens a list of places; the count is the list's."""
    if not named:
        return None
    _, e = named[-1]
    if not own_clause and listed_at(ctx, e, pos):  # 甲市A项目、乙市B项目等3个…: an item of a list, before the figure
        return ctx.text[e:ctx.text.find("、", e, pos) + 1] + "…"
    m = re.match(r"[、和及与]([\u4e00-\u9fff]{2,8})", ctx.text[e:pos])
    if m and "分别" in ctx.text[e:pos]:  # 甲市、乙市分别为…: each its own figure — when they count alike
        return _unpaired_respective(ctx, e, pos)
    if not m:
        return None
    nxt = m.group(1)
    return nxt if any(nxt[:n] in ctx.lex.place_names for n in range(len(nxt), 1, -1)) else None


def _unpaired_respective(ctx: Ctx, e: int, pos: int) -> str | None:
    """``甲市和乙市分别新增…1200件、800件和300件``: places listed before 分别 and the numbers after it count
    differently, so no number is known to be any place's — ``分别…``; None when they count alike."""
    at = ctx.text.find("分别", e, pos)
    lo = max(ctx.text.rfind(c, 0, at) for c in "，,。；;：:") + 1
    hi = min((x for x in (ctx.text.find(c, at) for c in "，,。；;") if x != -1), default=len(ctx.text))
    places = len(ctx.entities_in(lo, at, frozenset({Kind.PLACE})))
    numbers = len(re.findall(r"\d+(?:\.\d+)?", ctx.text[at:hi]))
    return "分别…" if places >= 2 and numbers != places else None


def _district_named(ctx: Ctx, o: Observation, cs: int, pos: int, place: PlaceInfo | None) -> str | None:
    """The document's place takes a figure whose clause names one of its districts or counties."""
    home = ctx.home
    if home is None or place is None or place.code != home.code or home.level not in ("prefecture", "province"):
        return None
    lead = LEAD_RE.match(ctx.text, cs, pos).end() - cs
    for e in ctx.entities_in(cs + lead, pos, frozenset({Kind.PLACE})):
        if e.span.start != cs + lead or ctx.text[e.span.end:e.span.end + 1] in "、和及与":
            break  # only a district heading the clause, not one of a list or after 在
        info = ctx.lex.place_named(e.name)
        if info is not None and info.code != home.code and (info.parent == home.code or home in ctx.lex.ancestors(info)):
            return e.name
    return None


def drop_restated(ctx: Ctx) -> None:
    """A figure restating an earlier one of the same subject, measure and unit (the title's figure read
    again in the body; ``5000件`` and ``约5000件``) is kept once — the first, or the exact one."""
    seen: dict[tuple[object, ...], int] = {}
    drop: set[int] = set()
    for i, o in enumerate(ctx.observations):
        key = (o.subject, o.measure, o.level, o.unit, o.breakdown, o.period)  # another level: another figure
        j = seen.get(key)
        if j is not None and _same_figure(ctx.observations[j], o):
            keep_later = ctx.observations[j].qualifier is not None and o.qualifier is None
            drop.add(j if keep_later else i)
            kept, gone = (i, j) if keep_later else (j, i)
            ctx.observations[kept] = ctx.observations[kept].restating(ctx.observations[gone])
            if keep_later:
                seen[key] = i
            continue
        seen.setdefault(key, i)
    if drop:
        ctx.observations[:] = [o for i, o in enumerate(ctx.observations) if i not in drop]


RESTATED_BETWEEN_RE = re.compile(r"[，,]?(?:已|共|总量|总数|累计)?(?:达到|达|至)?")
"""What stands between a round figure and the exact one restating it: ``突破11万件，达113233件`` (not ``为``:
``培训人员500余人，为520人颁发证书`` counts others)."""


def drop_rounded_restatements(ctx: Ctx) -> None:
    """``有效注册商标突破11万件，达113233件`` (and a headline's ``超5000件`` over the body's ``5012件``): the round
    figure and the exact one are one figure read twice — the round one is dropped, and the exact one takes its
    reading when its own says less (a bare unit measure, a lower confidence). How a qualifier rounds is in
    ``rounding_words.tsv``; the round figure must have at most two significant digits."""
    rounding = {row[0]: row[1] for row in ctx.lex.table("rounding_words.tsv", columns=2)}
    obs = ctx.observations
    drop: set[int] = set()
    for i, a in enumerate(obs):
        how = rounding.get(a.qualifier or "")
        if how is None or not _round(a.value):
            continue
        for j, b in enumerate(obs):
            if j == i or j in drop or b.qualifier is not None or b.unit != a.unit \
                    or (b.period != a.period and not (a.period_inferred and _in_headline(ctx, a.span.start))) \
                    or not _rounds_to(a.value, b.value, how) or not _restates(ctx, a, b) \
                    or (b.subject_inferred and not a.subject_inferred) or (b.subject is not None and b.subject != a.subject):
                continue  # (甲集团拥有注册商标5.2万件 under the city's 超5万件: another's figure, unsure whose)
            drop.add(i)
            if b.measure in GENERIC_MEASURES or b.confidence < a.confidence:
                obs[j] = replace(b, measure=a.measure, subject=a.subject, breakdown=a.breakdown, level=a.level,
                                 subject_inferred=a.subject_inferred, confidence=max(a.confidence, b.confidence))
            break
    if drop:
        ctx.observations[:] = [o for i, o in enumerate(obs) if i not in drop]


def _round(value) -> bool:
    digits = str(value).split(".")[0].lstrip("0").rstrip("0")
    return value > 0 and "." not in str(value).rstrip("0").rstrip(".") and len(digits) <= 2


def _rounds_to(round_value, exact, how: str) -> bool:
    if how == "floor":
        return round_value <= exact < round_value * Decimal("1.1")
    return abs(exact - round_value) <= round_value * Decimal("0.05")


def _restates(ctx: Ctx, a: Observation, b: Observation) -> bool:
    """``b`` restates ``a``: right after it in its sentence (only ``，达`` between), or in the body where ``a``
    stands in a headline with the same measure."""
    if a.span.end <= b.span.start and b.span.start - a.span.end <= 6 and "\n" not in ctx.text[a.span.end:b.span.start]:
        return RESTATED_BETWEEN_RE.fullmatch(ctx.text, a.span.end, b.span.start) is not None
    return _in_headline(ctx, a.span.start) and not _in_headline(ctx, b.span.start) and (
        a.measure in b.measure or b.measure in a.measure or a.measure.startswith("\n"))


def _in_headline(ctx: Ctx, pos: int) -> bool:
    start = ctx.text.rfind("\n", 0, pos) + 1
    end = ctx.text.find("\n", pos)
    line = ctx.text[start:end if end != -1 else len(ctx.text)]
    return "。" not in line and len(line) <= 60


def _same_figure(a: Observation, b: Observation) -> bool:
    """The same figure, or one rounded from the other (5012 and 5000余: within 1 % and one approximate)."""
    if a.value == b.value:
        return True
    if a.qualifier is None and b.qualifier is None:
        return False
    hi = max(a.value, b.value)
    return hi > 0 and abs(a.value - b.value) / hi <= 0.01
