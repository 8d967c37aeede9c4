"""The last gates over every figure, whichever rule read it: shapes of real reports whose figures state
something false — a number that is no figure of the subject, a count read twice, a figure whose subject
is another area than the one the rules gave it.

- a number inside a frame setting things apart (``除高新区和3个县（市）外``; ``exclusion_frames.tsv``) counts
  what is left out: inferred;
- a count written right after a word pointing back (``同意推荐以上5家组织``, ``这10家获奖企业分别为``;
  ``back_reference_counts.txt``), or inside a frame setting the scope of what follows (``在发现的89批次不合格产品中，``),
  restates an earlier figure of the same value and unit: dropped; with no such figure it counts what was just
  listed (``上述6类产品…均为100%``): inferred;
- a count of a check's kinds of product given to another name of the check, when a check is named with that count
  (``对27种产品开展…抽查``, ``甲等27种产品质量…抽查``): read once, as the named check's;
- a figure in brackets right after another (``甲类产品8批次（不合格4批次）``) is a part of that figure: its breakdown,
  and no surer than it;
- a numeral of a size class (``保持两位数增长``; ``no_count_numerals.txt``) is no count: dropped;
- a figure of the report's place (a city's, a province's; or its share of a programme) in a sentence naming an area below it as a whole
  (``全区``, ``高新区``; ``sub_area_scope_words.txt``) may be that area's: inferred;
- the same when the title names such an area and the sentence speaks of "its area" (``辖区内``;
  ``jurisdiction_words.txt``);
- a check the rules named after a bare verb (``其中抽查8家企业``) in a sentence naming another check before it
  is a part of that check's scope: inferred;
- a fraction's denominator (``四分之一``; ``fraction_marks.txt``) is no count: dropped;
- a programme carried from an earlier sentence given to a count that follows, in its own sentence, a count of
  the same unit of something else (``确定了全省33家某试点，本市14家企业入选``) is the share of that set: inferred;
- a subject named with a measure's ending (``…合格率``; ``measure_name_endings.txt``) was cut from the measure:
  inferred;
- a place's count followed by what a group is made of (``联盟由32家企业组成``; ``group_make_up_words.txt``), and a
  share after it in its sentence, are the group's: inferred;
- a count of checks given to a check named only by its kind (``开展12个专项监督检查``; ``generic_check_modifiers.txt``):
  inferred;
- the report's place given a figure after 分别 in a sentence listing two or more other places (``漳州、南平和宁德分别
  拥有…``; ``respective_marks.txt``): inferred;
- the figures of a sentence headed by a counted group (``这10家获奖企业中，…获得科技奖595项``) are the group's, not
  the place's nor an award's: inferred;
- a figure after a comparing word and an earlier period (``比上年的260家``; ``earlier_period_words.tsv``) read with
  another period than that one: inferred;
- how many parts a plan has, taken on with a verb (``重点做好七个方面工作。``; ``plan_doing_words.txt``, ``plan_parts.txt``),
  with or without a colon opening the list: inferred; so is a count of parts closing a list of them or after a verb
  of dividing (``汇总甲、乙、丙等9个方面的信息``, ``分为四个等级``; ``layout_parts.txt``): how a text is laid out;
- a place's count in a clause headed by an assessment or survey before a verb of scope (``某考核涉及具体工作110项``;
  ``scoped_work_nouns.txt``) is that work's scope: inferred;
- a province or city the report's place lies in, written right before an honour or a standard named after it
  (``河北省名优产品123项``, ``某省地方标准5项``; ``place_named_honours.txt``), given the figures of its clause: the report's
  place's when the sentence names it before (``截至年底，某区已有…``; carried, 0.8), else inferred;
- the whole count of a higher place's award in a lower place's report (``第五届某省省长质量奖共评出10家企业``, with no
  word of the report's place in the clause; ``total_count_leads.txt``) takes the award's place as its area, not the
  report's (a share would name it: ``我市2家企业获奖``);
- a figure read as a target after a word of having reached it in its clause (``截至6月底已完成180批次``;
  ``achieved_marks.txt``) is what was done: no target;
- a plan written with a few words between its lead and its verb (``计划全年新培育市级企业300家``; ``plan_leads.tsv``)
  makes its figure a target, not a result;
- a quota or a candidate's place (``推荐名额3个``; ``quota_words.txt``) is no award won: inferred;
- a check named after another level of the same check (``国家、省级监督抽查合格率``; ``coordinated_levels.txt``)
  is the figure of both checks, not of the one read: inferred;
- a number inside a basis phrase (``按照某部等N个部门…的联合通知要求，``; :mod:`qgraph.extract.basis`) tells of the
  grounds cited — who issued them, what they set — not of the report's subject: inferred.

Run after every rule that reads or vouches for figures, so no later rule vouches again for a figure these
gates found unsure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, Kind, Observation, Ref
from .basis import in_basis
from .certainty import own_word
from .indexes import level_words
from .context import Ctx


@per_lexicon
def _exclusion_res(lex: Lexicon) -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = lex.table("exclusion_frames.tsv", columns=2, header="opener")
    return tuple((re.compile(re.escape(opener) + r"(?!非)"), closer) for opener, closer in rows)


def _excluded(ctx: Ctx, o: Observation, start: int) -> bool:
    """``o`` stands between an opener and its closer in its sentence (除…外), with no ，；。 of another clause
    between the opener and the figure other than inside brackets."""
    before = ctx.text[start:o.span.start]
    for opener, closer in _exclusion_res(ctx.lex):
        m = None
        for m in opener.finditer(before):
            pass
        if m is None or re.search(r"[；;。]", before[m.end():]):
            continue
        after = ctx.text[o.span.end:o.span.end + 30]
        end = re.search(r"[，,；;。]", after)
        window = after[:end.start()] if end else after
        if closer in window:
            return True
    return False


def _restated(ctx: Ctx, o: Observation, earlier: list[Observation]) -> bool:
    words = ctx.lex.words("back_reference_counts.txt", longest_first=True)
    if not ctx.text[max(0, o.span.start - 4):o.span.start].endswith(words) and not _framed_again(ctx, o):
        return False
    return any(e.value == o.value and e.unit == o.unit for e in earlier)


def _pointing_back(ctx: Ctx, o: Observation) -> bool:
    """``甲抽查12批次、乙抽查4批次…，上述6类产品批次合格率均为100%``: a count right after a word pointing back,
    with no earlier figure of its value to restate, counts the things just listed — no figure of the subject
    the rules gave it, and what it measures is the words after it, not a measure read around it: inferred."""
    words = ctx.lex.words("back_reference_counts.txt", longest_first=True)
    return o.unit != "Percent" and ctx.text[max(0, o.span.start - 4):o.span.start].endswith(words)


def _framed_again(ctx: Ctx, o: Observation) -> bool:
    """``在抽查发现的89批次不合格产品中，有50批次…``: a count inside a frame setting the scope of what follows
    (``在…中``) names a set counted before — the same value and unit earlier is that figure, read again."""
    cs = max(ctx.last_of("，,；;。：:\n", 0, o.span.start) + 1, 0)
    return ctx.text.startswith("在", cs) and re.match(r"[^，,；;。\d]{0,12}?中[，,]", ctx.text[o.span.end:o.span.end + 16]) is not None


def _bracketed_part(ctx: Ctx, o: Observation, earlier: list[Observation]) -> Observation | None:
    """``甲类产品8批次（不合格4批次）``: a figure in brackets right after another is a part of that figure — of its
    subject and breakdown, and as sure as it. Returns the figure it qualifies (None: no such figure)."""
    prev = earlier[-1] if earlier else None
    if prev is None or prev.span.end > o.span.start or o.span.start - prev.span.end > 12:
        return None
    between = ctx.text[prev.span.end:o.span.start]
    return prev if re.fullmatch(r"\s*[（(][^（()）。；;，,]*", between) else None


def _no_count(ctx: Ctx, o: Observation) -> bool:
    if ctx.text.startswith(ctx.lex.words("no_count_numerals.txt", longest_first=True), o.span.start):
        return True
    marks = ctx.lex.words("fraction_marks.txt", longest_first=True)
    return any(m in ctx.text[o.span.start:o.span.end + 2] for m in marks)  # 四分之一: a denominator


def _home_figure(ctx: Ctx, o: Observation) -> bool:
    home = ctx.home
    if home is None or home.level not in ("prefecture", "province"):
        return False
    if o.subject is not None and o.subject.kind is Kind.PLACE:
        return o.subject.name == home.name
    # a check's figure is the check's, wherever it was made; a programme's share is the place's
    return o.subject is not None and o.subject.kind.is_programme and o.place == home.name


def _in_sub_area(ctx: Ctx, o: Observation, start: int) -> bool:
    """A word naming an area below the report's place stands in the sentence before the figure, outside any
    place name the rules read, and is not the place's own word."""
    home = ctx.home
    if home is None:
        return False
    places = [e for e in ctx.entities_in(start, o.span.start) if e.kind is Kind.PLACE]
    for w in ctx.lex.words("sub_area_scope_words.txt", longest_first=True):
        i = ctx.text.find(w, start, o.span.start)
        while i != -1:
            inside = any(p.span.start <= i and i + len(w) <= p.span.end for p in places)
            if not inside and not own_word(ctx.lex, w, home) and not _set_apart(ctx, start, i, o.span.start):
                return True
            i = ctx.text.find(w, i + 1, o.span.start)
    return False


def _in_titled_sub_area(ctx: Ctx, o: Observation, start: int) -> bool:
    """The title names an area below the report's place (郑州高新区…) and the sentence speaks of "its area"
    (辖区内, ``jurisdiction_words.txt``): the figure may be that area's."""
    title = ctx.doc.title or ""
    home = ctx.home
    if home is None or not any(w in title and not own_word(ctx.lex, w, home)
                               for w in ctx.lex.words("sub_area_scope_words.txt")):
        return False
    return any(ctx.text.find(w, start, o.span.start) != -1 for w in ctx.lex.words("jurisdiction_words.txt"))


def _scope_of_another_check(ctx: Ctx, o: Observation, start: int) -> bool:
    """A check the rules named after a bare verb (抽查 → 产品质量监督抽查) in a sentence naming another check
    before it (开展某专项监督检查，…，其中抽查8家企业): the count is part of the named check's scope, not a figure
    of a check the text never names."""
    if o.subject is None or o.subject.kind not in INSPECTION_KINDS:
        return False
    mentions = [e for e in ctx.entities_in(start, o.span.end) if e.ref == o.subject]
    if not mentions or any(e.span.text == e.name for e in mentions) or ctx.text.find(o.subject.name) != -1:
        return False
    return any(e.kind in INSPECTION_KINDS and e.ref != o.subject and e.span.end <= mentions[0].span.start
               for e in ctx.entities_in(start, o.span.start))


def _set_apart(ctx: Ctx, start: int, pos: int, end: int) -> bool:
    """``pos`` stands inside a frame setting things apart (除经开区外，全市…): the area is left out of the figure."""
    for opener, closer in _exclusion_res(ctx.lex):
        if opener.search(ctx.text, start, pos) is not None and ctx.text.find(closer, pos, end) != -1:
            return True
    return False


def _quota(ctx: Ctx, o: Observation) -> bool:
    return any(w in o.measure for w in ctx.lex.words("quota_words.txt"))


def _coordinated_check(ctx: Ctx, o: Observation, start: int) -> bool:
    if o.subject is None or o.subject.kind not in INSPECTION_KINDS:
        return False
    mentions = [e for e in ctx.entities_in(start, o.span.start) if e.ref == o.subject]
    if not mentions:
        return False
    levels = ctx.lex.alternation("coordinated_levels.txt")
    head = ctx.text[max(start, mentions[-1].span.start - 6):mentions[-1].span.start]
    return re.search(rf"(?:{levels})[、和及与]$", head) is not None \
        and re.match(levels, o.subject.name) is not None


def _measure_named(ctx: Ctx, o: Observation) -> bool:
    return o.subject is not None and o.subject.kind is not Kind.PLACE \
        and o.subject.name.endswith(ctx.lex.words("measure_name_endings.txt"))


def _share_of_own_set(ctx: Ctx, o: Observation, earlier: list[Observation], start: int, end: int) -> bool:
    """A programme carried from before (no mention of it in the figure's sentence) given to a count that
    follows a count of the same unit in its own sentence whose subject is not that programme (确定了全省33家某试点，
    本市14家企业入选): the count is a share of the set the sentence names, not of the carried programme."""
    if o.subject is None or not o.subject.kind.is_programme:
        return False
    if any(e.ref == o.subject for e in ctx.entities_in(start, end)) or o.subject.name in ctx.text[start:end]:
        return False
    return any(e.unit == o.unit and start <= e.span.start < o.span.start and e.subject != o.subject for e in earlier)


def _group_make_up(ctx: Ctx, o: Observation, start: int, end: int) -> bool:
    """The place's figure in a sentence saying what a group is made of (由32家企业组成; ``group_make_up_words.txt``):
    the count, and a share after it, are the group's."""
    if o.subject is None or o.subject.kind is not Kind.PLACE:
        return False
    words = ctx.lex.alternation("group_make_up_words.txt")
    made_up = re.compile(rf"由?[^，,；;。\d]{{0,8}}?(?:{words})")
    if made_up.match(ctx.text, o.span.end) is not None:
        return True
    clause_before = ctx.text[start:o.span.start]
    return o.unit == "Percent" and re.search(rf"\d+[家个名位]?[^，,；;。]{{0,8}}?(?:{words})", clause_before) is not None


def _generic_check_count(ctx: Ctx, o: Observation) -> bool:
    """A count of checks given to a check named only by its kind (开展12个专项监督检查 → 专项监督检查): the count is
    the place's number of checks, no figure of one check."""
    if o.subject is None or o.subject.kind not in INSPECTION_KINDS:
        return False
    name = o.subject.name
    return o.measure == name and name.startswith(ctx.lex.words("generic_check_modifiers.txt"))


def _respective_of_listed_places(ctx: Ctx, o: Observation, start: int) -> bool:
    """The report's place given a figure written after 分别 in a sentence listing two or more other places
    (``respective_marks.txt``): the figure is one listed place's."""
    home = ctx.home
    if home is None or o.subject is None or o.subject.kind is not Kind.PLACE or o.subject.name != home.name:
        return False
    before = ctx.text[start:o.span.start]
    mark = max((before.rfind(w) for w in ctx.lex.words("respective_marks.txt")), default=-1)
    if mark == -1:
        return False
    others = {e.name for e in ctx.entities_in(start, start + mark) if e.kind is Kind.PLACE and e.name != home.name}
    return len(others) >= 2


@per_lexicon
def _group_head_re(lex: Lexicon) -> re.Pattern[str]:
    lead = lex.alternation("back_reference_counts.txt")
    return re.compile(rf"(?:{lead})?[\d一二三四五六七八九十两]+[家个名位项][^，,。；;\d]{{0,12}}?中[，,]")


def _in_counted_group(ctx: Ctx, o: Observation, start: int) -> bool:
    """A sentence headed by a counted group (``这10家获奖企业中，拥有授权专利5263项…``): its figures are the group's,
    not the place's nor those of an award the group's members won (``获得…科技奖595项``)."""
    if o.subject is not None and o.subject.kind.is_organization:
        return False
    m = _group_head_re(ctx.lex).match(ctx.text, start)
    return m is not None and m.end() <= o.span.start


@per_lexicon
def _earlier_re(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, int]]:
    comparers = lex.alternation("baseline_comparers.txt")
    rows = sorted(lex.table("earlier_period_words.tsv", columns=2, header="word"), key=lambda r: -len(r[0]))
    words = "|".join(re.escape(r[0]) for r in rows)
    return (re.compile(rf"(?:{comparers}|由|从)(?P<when>{words}|(?P<year>\d{{4}})年(?:同期)?)的?$"),
            {r[0]: int(r[1]) for r in rows})


def _earlier_baseline(ctx: Ctx, o: Observation, start: int) -> bool:
    """``比上年的260家增加60家``: a figure after a comparing word and an earlier period (``baseline_comparers.txt``,
    ``earlier_period_words.tsv``, or a year) is that period's level; read with another period it states something
    false."""
    pattern, back = _earlier_re(ctx.lex)
    m = pattern.search(ctx.text, start, o.span.start)
    if m is None:
        return False
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.doc.date is not None:
        year = ctx.doc.date.year - back[m.group("when")]
    else:
        return False
    return not (o.period or "").startswith(str(year))


def _plan_parts_taken_on(ctx: Ctx, o: Observation, start: int) -> bool:
    """``重点做好七个方面工作。``: how many parts a plan has (``plan_doing_words.txt``, ``plan_parts.txt``)."""
    before = ctx.text[start:o.span.start]
    if not re.search("(?:" + ctx.lex.alternation("plan_doing_words.txt", longest_first=False) + ")$", before):
        return False
    parts = ctx.lex.alternation("plan_parts.txt")
    return re.match(rf"[\u4e00-\u9fff]{{0,6}}?(?:{parts})(?:工作|任务)?[。；;，,：:]", ctx.text[o.span.end:o.span.end + 14]) is not None


def _listed_parts(ctx: Ctx, o: Observation, start: int) -> bool:
    """``通过汇总甲、乙、丙…9个方面的信息``, ``分为四个等级``: a count of parts (``layout_parts.txt``) closing a list of
    them, or after a verb of dividing — how a text or an assessment is laid out, no figure of its subject."""
    parts = ctx.lex.alternation("layout_parts.txt")
    if re.match(rf"(?:{parts})", ctx.text[o.span.end:o.span.end + 6]) is None:
        return False
    clause = ctx.text[max(start, ctx.last_of("，,；;。：:", start, o.span.start)):o.span.start]
    return "、" in clause or re.search(r"分为?$", clause) is not None


def _scope_of_a_work(ctx: Ctx, o: Observation) -> bool:
    """``2020年度的某考核涉及具体工作110项``: a place's figure whose clause is headed by an assessment or survey
    (``scoped_work_nouns.txt``) before a verb of scope (``place_scope_verbs.txt``, 包括) — the count is that work's
    scope, not the place's."""
    if o.subject is None or o.subject.kind is not Kind.PLACE:
        return False
    cs = max(ctx.last_of("，,；;。：:\n", 0, o.span.start) + 1, 0)
    nouns = ctx.lex.alternation("scoped_work_nouns.txt")
    verbs = "|".join(map(re.escape, (*ctx.lex.words("place_scope_verbs.txt", longest_first=True), "包括")))
    return re.match(rf"[^，,；;。]{{0,16}}?(?:{nouns})(?:工作)?(?:{verbs})", ctx.text[cs:o.span.start]) is not None


def _place_naming_an_honour(ctx: Ctx, o: Observation, start: int) -> int | None:
    """A province or city that the report's place lies in, written right before an honour or a standard named after
    it (``我市拥有…；河北省名优产品123项，有效注册商标…``, ``某省地方标准5项``; ``place_named_honours.txt``), given the
    figures of its clause: the place names the honour, the figures are the report's place's. Returns where that
    mention starts (None: no such place)."""
    home = ctx.home
    if home is None or o.subject is None or o.subject.kind is not Kind.PLACE or o.subject.name == home.name:
        return None
    if o.subject.name not in {p.name for p in (ctx.province, ctx.city) if p is not None}:
        return None
    mentions = [e for e in ctx.entities_in(start, o.span.start) if e.ref == o.subject]
    heads = ctx.lex.words("place_named_honours.txt", longest_first=True)
    if mentions and re.match(r"[”\"]?[\u4e00-\u9fff]{0,4}?(?:" + "|".join(map(re.escape, heads)) + ")",
                             ctx.text[mentions[-1].span.end:mentions[-1].span.end + 10]) is not None:
        return mentions[-1].span.start
    return None


def _home_heading(ctx: Ctx, start: int, end: int) -> Ref | None:
    """The report's own place, named (or spoken of in its own words, 全区 / 我区) in ``[start, end)`` — the
    sentence's head before a place naming an honour (``截至年底，某区已有…，某省地方标准5项``): the figures'
    owner, told by the text."""
    home = ctx.home
    if home is None:
        return None
    ref = next((e.ref for e in ctx.entities_in(start, end) if e.kind is Kind.PLACE and e.name == home.name), None)
    if ref is None and any(w in ctx.text[start:end] for w in level_words(ctx.lex) if own_word(ctx.lex, w, home)):
        ref = next((e.ref for e in ctx.entities if e.kind is Kind.PLACE and e.name == home.name), None)
    return ref


def _whole_award_place(ctx: Ctx, o: Observation, start: int) -> str | None:
    """The place of a higher place's award whose whole count a lower place's report gives (``第五届山东省省长质量奖共评出
    10家企业`` in a city's report; ``total_count_leads.txt``) with no word of the report's place in the clause: the
    count's area is the award's place, not the report's (a share would name the place: ``我市2家企业获奖``)."""
    home = ctx.home
    if home is None or o.subject is None or not o.subject.kind.is_programme or o.place != home.name:
        return None
    higher = [p for p in (ctx.province, ctx.city) if p is not None and p.name != home.name]
    owner = next((p for p in higher if o.subject.name.startswith((p.name, *[x for x in p.short if len(x) >= 2]))), None)
    if owner is None:
        return None
    clause_start = max(start, ctx.last_of("，,；;", start, o.span.start) + 1)
    clause = ctx.text[clause_start:o.span.start]
    leads = ctx.lex.words("total_count_leads.txt", longest_first=True)
    if not clause.endswith(leads):
        return None
    own = [home.name, *home.short, *(w for w in level_words(ctx.lex) if own_word(ctx.lex, w, home))]
    if any(w and w in clause for w in own):
        return None
    return owner.name


def _achieved_not_target(ctx: Ctx, o: Observation, start: int) -> bool:
    """``计划抽查300批次，截至6月底已完成180批次``: a figure read as a target after a word of having reached it in
    its clause (``achieved_marks.txt``) is what was done."""
    if o.breakdown != "目标":
        return False
    clause_start = max(start, ctx.last_of("，,；;", start, o.span.start) + 1)
    return any(w in ctx.text[clause_start:o.span.start] for w in ctx.lex.words("achieved_marks.txt"))


def _planned(ctx: Ctx, o: Observation, start: int) -> bool:
    """``计划全年新培育市级企业300家``: a plan's figure read as a result (``plan_leads.tsv``)."""
    if o.breakdown == "目标":
        return False
    clause_start = max(start, ctx.last_of("，,；;", start, o.span.start) + 1)
    clause = ctx.text[clause_start:o.span.start]
    if any(w in clause for w in ctx.lex.words("achieved_marks.txt")):
        return False
    plan = _plan_re(ctx.lex).search(clause)
    return plan is not None and not re.search(r"(?:按|按照|依照|依据)[^，,；;。\d]{0,6}$", clause[:plan.start()])  # 按计划完成: done


@per_lexicon
def _plan_re(lex: Lexicon) -> re.Pattern[str]:
    rows = lex.table("plan_leads.tsv", columns=2, header="lead")
    return re.compile("|".join(rf"{re.escape(lead)}[^，,；;。\d]{{0,4}}?{re.escape(verb)}" for lead, verb in rows))


def gate_false_figures(ctx: Ctx) -> None:
    kept: list[Observation] = []
    for o in ctx.observations:
        sent = ctx.sentence_of(o.span.start)
        start = sent.span.start if sent is not None else max(0, o.span.start - 60)
        end = sent.span.end if sent is not None else o.span.end
        if _no_count(ctx, o) or _restated(ctx, o, kept):
            continue
        parent = _bracketed_part(ctx, o, kept)
        if parent is not None and parent.subject == o.subject:
            o = replace(o, breakdown=o.breakdown or parent.breakdown)
            if parent.subject_inferred or parent.confidence < o.confidence:
                o = replace(o, confidence=parent.confidence, subject_inferred=parent.subject_inferred)
        if not o.subject_inferred and (
                _excluded(ctx, o, start) or _quota(ctx, o) or _coordinated_check(ctx, o, start)
                or _scope_of_another_check(ctx, o, start) or _measure_named(ctx, o)
                or _share_of_own_set(ctx, o, kept, start, end) or _group_make_up(ctx, o, start, end)
                or _generic_check_count(ctx, o) or _respective_of_listed_places(ctx, o, start)
                or _in_counted_group(ctx, o, start) or _earlier_baseline(ctx, o, start)
                or _plan_parts_taken_on(ctx, o, start) or _listed_parts(ctx, o, start) or _scope_of_a_work(ctx, o)
                or _pointing_back(ctx, o) or in_basis(ctx, o.span.start, o.span.end)
                or (_home_figure(ctx, o) and (_in_sub_area(ctx, o, start) or _in_titled_sub_area(ctx, o, start)))):
            o = o.with_subject_inferred()
        elif not o.subject_inferred and (named_at := _place_naming_an_honour(ctx, o, start)) is not None:
            home = _home_heading(ctx, start, named_at)
            o = o.with_subject_inferred() if home is None else replace(
                o, subject=home, place=ctx.home.name, confidence=min(o.confidence, CONFIDENCE["carried"]))
        if _achieved_not_target(ctx, o, start):
            o = replace(o, breakdown=None)
        elif _planned(ctx, o, start):
            o = replace(o, breakdown="目标")
        if (area := _whole_award_place(ctx, o, start)) is not None:
            o = replace(o, place=area)
        kept.append(o)
    ctx.observations[:] = _scope_counted_once(kept)


SCOPE_COUNT_RE = re.compile(r"[\u4e00-\u9fff]{2,12}?等(?P<n>\d{1,3})(?P<u>[种类])")
SCOPE_UNITS = {"种": "Zhong", "类": "Lei"}


def _scope_counted_once(observations: list[Observation]) -> list[Observation]:
    """A check named with its counted scope (``甲等27种产品质量国家监督抽查``) and a count of the same kinds given
    to another name of a check (``对27种产品开展国家监督抽查``): one statement, read once — as the named check's."""
    scoped: dict[tuple, int] = {}
    for i, o in enumerate(observations):
        m = SCOPE_COUNT_RE.match(o.subject.name) if o.subject is not None and o.subject.kind in INSPECTION_KINDS else None
        if m is not None and o.value == int(m.group("n")) and o.unit == SCOPE_UNITS[m.group("u")]:
            scoped.setdefault((o.value, o.unit), i)
    out = list(observations)
    dropped: set[int] = set()
    for i, o in enumerate(observations):
        j = scoped.get((o.value, o.unit))
        if j is not None and i != j and o.subject is not None and o.subject.kind in INSPECTION_KINDS \
                and o.subject != observations[j].subject:
            out[j] = out[j].restating(o)  # the other statement stays a mention of the figure
            dropped.add(i)
    return [o for i, o in enumerate(out) if i not in dropped]


__all__ = ["gate_false_figures"]
