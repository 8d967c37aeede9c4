"""Clause scope over sentences: whose figure a clause with no subject of its own states, and when a
place written in a clause is no subject at all.

Passes over the figures, run after every rule that reads or vouches for a subject and before the
false-figure gates:

- **the paragraph's subject goes on**: a sentence that opens with a verb of holding or of new items
  (``拥有…``, ``新认定…``; ``stock_verbs.txt``, ``new_count_verbs.txt``) names no subject of its own; when
  the sentences before it in its paragraph open with verbs too (``培育…``; ``scope_continuing_verbs.txt``)
  back to one headed by the document's place (its name or its own word, after its time words:
  ``全区拥有…``, ``去年，某区新增…``), with no other subject at the head of any of their clauses, the
  figure is that place's — carried (0.8), not inferred. A sentence or clause headed by anything else (a
  company, another place, a check, an event, a person) ends the scope: nothing is carried past it;
- **a whole after 对 / 占 is a denominator**: a figure given to a place whose only naming in the clause
  is the whole after a word of proportion (``甲企业对全省工业产值贡献率近40%``, ``某区商标占全市的…``;
  ``denominator_marks.txt``), while the clause has a head of its own before that word, is the head's
  share of the place, not the place's figure: inferred (below 0.5). A baseline never governs;
- **a mark named in the measure is the subject**: a figure given to a place whose measure opens with the
  name of a geographical indication, trademark or brand the document names (``某茶品牌价值为…亿元``
  read with the measure ``某茶品牌价值``) is the mark's, with the rest as its measure — carried (0.8);
- **parallel clauses**: ``甲茶品牌价值为…，乙县丙果为…``: a clause made of a mark's name and its value,
  whose measure the rules read as the tail of the name (``丙果``, the place split off), states the
  measure of the clause before it in the sentence, of the same unit — and is as sure as that one;
- **a part is not the whole**: a figure after ``其中`` (``9家企业…荣获某称号，其中5家…为新入选的``) given the
  same subject, unit and measure (or its head) as a larger figure before it in its sentence, with no breakdown telling which part
  it is, would state the whole's figure falsely: inferred;
- **a count before the programme it won**: ``甲、乙、丙3家企业摘得“某市市长质量奖”`` given to the document's
  place for want of a subject is the programme's count of winners (``scope_winning_verbs.txt``): carried;
- **two levels of a check**: a check named right after two levels, the second glued to it
  (``某类产品国家、省监督抽查的合格率``; ``coordinated_levels.txt``), is both levels' check, not the one read:
  inferred;
- **a list's count restated**: a count right after ``包括`` and before a colon (``（组织奖）包括5家：…``),
  of the value, unit and subject of a figure before it, restates that figure: read once, a mention of it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, ORGANIZATION_KINDS, Kind, Observation, Sentence
from .check_reach import vouched_check_figures
from .context import Ctx
from .periods import clause_end, clause_start
from .vouching import TIME_LEAD_RE, _namings

MARK_KINDS = frozenset({Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.BRAND})
"""Named marks whose figures (a brand value, an output) the report states one by one."""

LISTED_RE = re.compile(r"[\d一二两三四五六七八九十]+大|等[\d一二两三四五六七八九十]*[个件种项]")
"""A count of listed items in a measure (``四大…``, ``等5个…``): the measure speaks of the list, not of one mark."""

VALUE_LEAD_RE = re.compile(r"(?:的)?(?:为|达|达到|是|约)?$")
"""What may stand between a mark's name and its value in a clause of its own."""

SCOPE_BREAKING_KINDS = ORGANIZATION_KINDS | INSPECTION_KINDS | {Kind.PLACE, Kind.EVENT, Kind.MEETING,
                                                                 Kind.PRESS_CONFERENCE, Kind.PERSON}
"""Kinds of entity that, written at the head of a sentence or before a figure in its own, are a subject
other than the paragraph's (a counted programme, mark or category is what a place holds, no subject)."""

PARTS_RE = re.compile(r"其中|各|每|分别|平均|人均|户均")
"""Words before a figure that make it a part, an item's or a per-head value — no stock of the place."""

MAX_BACK = 4
"""How many sentences back the head of the paragraph's scope is looked for."""


def scope_subjects(ctx: Ctx) -> None:
    """Both passes of the module, in order."""
    carry_paragraph_scope(ctx)
    mark_denominator_places(ctx)
    marks_opening_measures(ctx)
    parallel_mark_clauses(ctx)
    mark_untold_parts(ctx)
    count_before_won_programme(ctx)
    mark_glued_level_checks(ctx)
    drop_namely_restatements(ctx)


def _home_figure(ctx: Ctx, o: Observation) -> bool:
    home = ctx.home
    return home is not None and o.subject is not None and o.subject.kind is Kind.PLACE and o.subject.name == home.name


def _lead_end(ctx: Ctx, sent: Sentence) -> int:
    """Where ``sent`` starts after its time words (``2023年，``, ``去年，``; ``vouching_period_leads.txt``)."""
    end = TIME_LEAD_RE.match(ctx.text, sent.span.start).end()
    word = next((w for w in ctx.lex.words("vouching_period_leads.txt", longest_first=True) if ctx.text.startswith(w, end)), "")
    if word and ctx.text[end + len(word):end + len(word) + 1] in ("，", ","):
        return end + len(word) + 1
    return end


def _named_at(ctx: Ctx, start: int) -> bool:
    """The document's place is named (or spoken of in its own words) right at ``start``."""
    home = ctx.home
    assert home is not None
    return any(_starts_at(ctx, start, e) for e in _namings(ctx, home, start, min(len(ctx.text), start + 12)))


def _starts_at(ctx: Ctx, start: int, end: int, place: PlaceInfo | None = None) -> bool:
    """The naming ending at ``end`` begins at ``start``: one of the words of ``place`` (default: the
    document's) is ``text[start:end]``."""
    place = place or ctx.home
    assert place is not None
    from .certainty import own_word  # (certainty imports the figure rules: imported at call time)
    word = ctx.text[start:end]
    return word in (place.name, *place.short) or own_word(ctx.lex, word, place)


def _other_subject(ctx: Ctx, start: int, end: int) -> bool:
    """An entity of a kind that is a subject of its own stands in ``[start, end)`` (the place itself aside)."""
    home = ctx.home
    return any(e.kind in SCOPE_BREAKING_KINDS and not (e.kind is Kind.PLACE and home is not None and e.name == home.name)
               for e in ctx.entities_in(start, end))


def _clause_headed_by_other(ctx: Ctx, sent: Sentence) -> bool:
    """A clause of ``sent`` opens with an entity that is a subject of its own."""
    home = ctx.home
    starts = {sent.span.start} | {i + 1 for i in range(sent.span.start, sent.span.end) if ctx.text[i] in "，,；;"}
    return any(e.kind in SCOPE_BREAKING_KINDS and not (e.kind is Kind.PLACE and home is not None and e.name == home.name)
               and any(0 <= e.span.start - s <= 1 for s in starts) for e in ctx.entities_in(sent.span.start, sent.span.end))


def _opens_with_verb(ctx: Ctx, sent: Sentence, words: tuple[str, ...]) -> bool:
    return ctx.text.startswith(words, _lead_end(ctx, sent))


def _scope_head(ctx: Ctx, sent: Sentence) -> bool:
    """The sentences before ``sent`` in its paragraph open with verbs back to one headed by the document's
    place, none with another subject at its head."""
    continuing = ctx.lex.words("scope_continuing_verbs.txt", longest_first=True) \
        + ctx.lex.words("stock_verbs.txt", longest_first=True)
    cur = sent
    for _ in range(MAX_BACK):
        if cur.span.start == 0:
            return False
        prev = ctx.sentence_of(cur.span.start - 1)
        if prev is None or "\n" in ctx.text[prev.span.start:cur.span.start]:
            return False  # (a sentence of another paragraph)
        lead = _lead_end(ctx, prev)
        head_end = clause_end(ctx, prev, lead)
        if _named_at(ctx, lead):
            return not _other_subject(ctx, lead, head_end)
        if not _opens_with_verb(ctx, prev, continuing) or _other_subject(ctx, lead, head_end):
            return False
        if _clause_headed_by_other(ctx, prev):
            return False  # …，某公司参与起草…: a clause of the sentence headed by another subject
        cur = prev
    return False


def carry_paragraph_scope(ctx: Ctx) -> None:
    """Figures of a sentence opening with a verb of holding, inferred for want of a subject, carried from
    the paragraph's head when it names the document's place (see the module)."""
    if ctx.home is None:
        return
    stock = ctx.lex.words("stock_verbs.txt", longest_first=True) + ctx.lex.words("new_count_verbs.txt", longest_first=True)
    heads: dict[int, bool] = {}
    for i, o in enumerate(ctx.observations):
        if not (_home_figure(ctx, o) and o.subject_inferred):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None or not _opens_with_verb(ctx, sent, stock):
            continue
        before = ctx.text[sent.span.start:o.span.start]
        if PARTS_RE.search(before) or _other_subject(ctx, sent.span.start, o.span.start):
            continue
        if sent.span.start not in heads:
            heads[sent.span.start] = _scope_head(ctx, sent)
        if heads[sent.span.start]:
            ctx.observations[i] = replace(o, subject_inferred=False, confidence=CONFIDENCE["carried"])


def _denominator_re(ctx: Ctx) -> re.Pattern[str]:
    marks = ctx.lex.alternation("denominator_marks.txt")
    return re.compile(rf"(?:{marks})$")


def mark_denominator_places(ctx: Ctx) -> None:
    """A place's figure whose clause names the place only as the whole after 对 / 占, the clause headed by
    something else: inferred (see the module)."""
    marks = _denominator_re(ctx)
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred:
            continue
        place = ctx.lex.place_named(o.subject.name)
        sent = ctx.sentence_of(o.span.start)
        if place is None or sent is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        starts = [s for e in _namings(ctx, place, cs, o.span.start)
                  for s in [next((s for s in range(e - 1, cs - 1, -1) if _starts_at(ctx, s, e, place)), None)]
                  if s is not None]
        if not starts or not all(marks.search(ctx.text, cs, s) for s in starts):
            continue  # the place named as a subject in the clause, or not at all (the rules' own reading)
        mark = marks.search(ctx.text, cs, min(starts))
        head = ctx.text[TIME_LEAD_RE.match(ctx.text, cs).end():mark.start()]
        if len(head) >= 2 and not re.fullmatch(r"(?:其中|同时|此外|另外)", head):
            ctx.observations[i] = o.with_subject_inferred()


def marks_opening_measures(ctx: Ctx) -> None:
    """A place's figure whose measure opens with a mark's name: the mark's (see the module)."""
    marks = sorted({(e.name, e.ref) for e in ctx.entities if e.kind in MARK_KINDS and len(e.name) >= 2},
                   key=lambda x: -len(x[0]))
    if not marks:
        return
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE:
            continue
        found = next(((n, r) for n, r in marks if o.measure.startswith(n) and len(o.measure) - len(n) >= 2
                      and not re.match(r"[、和及与]|.*、", o.measure[len(n):])), None)  # (甲、乙2件: a list's count)
        sent = ctx.sentence_of(o.span.start)
        if found is None or sent is None:
            continue
        at = ctx.text.rfind(o.measure, clause_start(ctx, sent, o.span.start), o.span.start)
        if at == -1 or ctx.text[at - 1:at] in ("、", "和", "及", "与") or LISTED_RE.search(o.measure):
            continue  # (the measure as written in the figure's clause; not the last item of a list: 甲、乙两大…)
        name, ref = found
        ctx.observations[i] = replace(o, subject=ref, measure=o.measure[len(name):], subject_inferred=False,
                                      confidence=CONFIDENCE["carried"])


def parallel_mark_clauses(ctx: Ctx) -> None:
    """A mark's clause of its name and value, its measure read as the tail of the name: the measure of the
    clause before it in the sentence (see the module)."""
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind not in MARK_KINDS or not o.subject.name.endswith(o.measure) \
                or o.measure == o.subject.name:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        lead = TIME_LEAD_RE.match(ctx.text, cs).end()
        if not (ctx.text.startswith(o.subject.name, lead)
                and VALUE_LEAD_RE.fullmatch(ctx.text, lead + len(o.subject.name), o.span.start)):
            continue
        prev = next((p for p in reversed(ctx.observations[:i]) if sent.span.start <= p.span.start < cs
                     and p.unit == o.unit), None)
        if prev is None or prev.subject is None or prev.subject.kind not in MARK_KINDS or len(prev.measure) < 2:
            continue
        measure = prev.measure[len(prev.subject.name):] if prev.measure.startswith(prev.subject.name) else prev.measure
        if len(measure) < 2:
            continue
        ctx.observations[i] = replace(o, measure=measure, subject_inferred=False,
                                      confidence=max(o.confidence, min(prev.confidence, CONFIDENCE["carried"])))


PART_LEAD_RE = re.compile(r"其中")


def mark_untold_parts(ctx: Ctx) -> None:
    """A figure after 其中 with the subject, area and unit of a larger one before it and no breakdown: inferred
    (see the module; a part with an area of its own, 其中安徽的3家, is that area's share)."""
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject_inferred or o.breakdown:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        cs = clause_start(ctx, sent, o.span.start)
        if not PART_LEAD_RE.match(ctx.text, TIME_LEAD_RE.match(ctx.text, cs).end()):
            continue
        if any(p.subject == o.subject and p.place == o.place and p.unit == o.unit and p.value > o.value
               and p.period == o.period and p.measure.endswith(o.measure) and sent.span.start <= p.span.start < cs for p in ctx.observations[:i]):
            ctx.observations[i] = o.with_subject_inferred()


@per_lexicon
def _won_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("scope_winning_verbs.txt")
    return re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:共|均|分别)?(?:{verbs})[“\"]?")


def count_before_won_programme(ctx: Ctx) -> None:
    """A count of recipients given to the document's place for want of a subject, followed in its clause by a
    verb of winning and a programme: the programme's count (see the module)."""
    home = ctx.home
    if home is None:
        return
    for i, o in enumerate(ctx.observations):
        if not _home_figure(ctx, o) or o.confidence > CONFIDENCE["document"] or o.unit not in ("Jia", "Ge", "Ming", "Wei"):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        won = _won_re(ctx.lex).match(ctx.text, o.span.end, clause_end(ctx, sent, o.span.end))
        if won is None:
            continue
        programme = next((e for e in ctx.entities_in(won.end(), clause_end(ctx, sent, o.span.end))
                          if e.kind.is_programme and e.span.start == won.end()), None)
        if programme is None:
            continue
        noun = ctx.text[o.span.end:won.end()]
        measure = next((w for w in ("企业", "单位", "组织", "个人") if noun.startswith(w)), o.measure)
        ctx.observations[i] = replace(o, subject=programme.ref, measure=measure, subject_inferred=False,
                                      confidence=CONFIDENCE["carried"])


def mark_glued_level_checks(ctx: Ctx) -> None:
    """A check's figure whose mention follows two levels, the second glued to it: inferred (see the module)."""
    levels = ctx.lex.alternation("coordinated_levels.txt")
    glued = re.compile(rf"(?:{levels})[、和及与](?:{levels})$")
    for i, o, sent in vouched_check_figures(ctx):
        mentions = [e for e in ctx.entities_in(sent.span.start, o.span.start) if e.ref == o.subject]
        if mentions and glued.search(ctx.text, max(0, mentions[-1].span.start - 8), mentions[-1].span.start):
            ctx.observations[i] = o.with_subject_inferred()


NAMELY_BEFORE_RE = re.compile(r"包括$")
NAMELY_AFTER_RE = re.compile(r"^[：:]")


def drop_namely_restatements(ctx: Ctx) -> None:
    """A count between 包括 and a colon restating a figure before it: dropped (see the module)."""
    keep: list[Observation] = []
    for o in ctx.observations:
        if NAMELY_BEFORE_RE.search(ctx.text, 0, o.span.start) and NAMELY_AFTER_RE.match(ctx.text[o.span.end:o.span.end + 1]):
            j = next((j for j in range(len(keep) - 1, -1, -1) if keep[j].value == o.value and keep[j].unit == o.unit
                      and keep[j].subject == o.subject and keep[j].span.end <= o.span.start), None)
            if j is not None:
                keep[j] = keep[j].restating(o)  # (each statement a mention of the one figure)
                continue
        keep.append(o)
    if len(keep) != len(ctx.observations):
        ctx.observations[:] = keep
