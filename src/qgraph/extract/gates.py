"""Gates: how a figure's subject was found decides whether the extractor vouches for it.

On text the rules were not written on, most false figures came from subjects found in weak ways:
- the document's place was itself chosen on weak evidence (:func:`.homes.weakly_placed`);
- a count of items a programme lists (``质量标杆企业50家``) fell back to the document's place when no
  subject was named: it may as well be the programme's count (``listed_item_words.txt``);
- a subject whose name starts with a number's unit (``次抽检`` cut from ``4068批次抽检中``), or a programme
  subject whose measure names another programme (``cut_name_starts.txt``);
- a check's figure in a sentence headed by a part of the check (``在某类产品领域，…``) with no breakdown
  read (``part_heads.txt``);
- a count that fell back to the document's place in a sentence about who took part in a gathering
  (``participation_words.txt``, ``gathering_nouns.txt``; also the gathering first and the verb closing
  the sentence: ``召开某联席会议，…29个成员单位负责人参加``);
- a list's count taken as its first item's (``甲公司、乙公司等7家企业``), and a later figure of the sentence
  with the same unsure subject;
- a programme named by a back-reference or by its level without its place (``此荣誉``, ``县长质量奖``;
  ``unsure_name_starts.txt``), or a programme, check, mark or indication whose name starts with a word of
  the sentence (``了县长质量奖``, ``正在申报``, ``连续两次抽查``; ``function_starts.txt``) — whichever rule read the
  figure (:func:`mark_unsure_subjects`);
- a count of an award's winners (``共有12家企事业单位获奖``) fallen back to the document's place (``listed_item_words.txt``);
- a subject whose mention runs on into an institution's name (``…检测|实验室``; ``run_on_suffixes.txt``);
- a figure shared by a list closed by 等 (``…等建筑材料合格率均为100%``; ``shared_value_leads.txt``) fallen back to
  the document's place;
- a count of partners (``联合60余家企业``; ``partner_words.txt``);
- a count in a sentence about a programme, pilot or consortium (``吸纳企业3家``; :mod:`.programme_counts`)
  given to a place (named in the clause only when the clause itself counts the pilots).
(A place carried over from an earlier sentence is already marked inferred by :mod:`.figures`.)
Such a figure keeps its subject but is marked inferred (confidence below 0.5): a false figure is worse
than a missing one.
"""

from __future__ import annotations

import re

from ..model import INSPECTION_KINDS, Kind, Ref, Sentence
from ..lexicon import Lexicon, per_lexicon
from .context import Ctx
from .domain_leads import domain_lead
from .programme_counts import counts_of_programme


def listed_item_words(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("listed_item_words.txt")


def gated(ctx: Ctx, subject: Ref | None, how: str, measure: str) -> str:
    """``how`` the subject was found, lowered to ``inferred`` when it was found in a weak way."""
    if subject is None or how == "inferred":
        return how
    if unsure_name(ctx.lex, subject):
        return "inferred"
    if subject.kind.is_programme and _other_programme_in(ctx, subject, measure):
        return "inferred"  # 累计获省长质量奖87个 read as 中国质量奖's: the measure names another programme
    if how == "named":
        return how
    home = ctx.home.name if ctx.home is not None else None
    if subject.kind is Kind.PLACE and subject.name == home and ctx.home_weak:
        return "inferred"  # the report's place is itself a guess
    if how == "document" and any(w in measure for w in listed_item_words(ctx.lex)):
        return "inferred"  # a programme's listed items, or the place's? it cannot be told
    return how


@per_lexicon
def cut_name_starts(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("cut_name_starts.txt"))


def _other_programme_in(ctx: Ctx, subject: Ref, measure: str) -> bool:
    """The measure names a programme other than the subject (its name, or the last five characters of it)."""
    for e in ctx.entities:
        if e.kind.is_programme and e.name != subject.name and e.name not in subject.name and subject.name not in e.name:
            tail = e.name[-5:] if len(e.name) >= 5 else e.name
            if e.name in measure or (len(tail) >= 4 and tail in measure and tail not in subject.name):
                return True
    return False


@per_lexicon
def _part_lead(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("part_heads.txt", longest_first=False)
    return re.compile(rf"(?:在|从|就)[^，,。；;]{{2,16}}?(?:{heads})(?:看|来看|中|上)?[，,]")


@per_lexicon
def _participation(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("participation_words.txt", longest_first=False)
    nouns = lex.alternation("gathering_nouns.txt", longest_first=False)
    return re.compile(rf"(?:{verbs})[^，,。；;]{{0,12}}?(?:{nouns})|(?:{nouns})[，,][^。；;]{{0,30}}?(?:{verbs})[。；;]")


def gated_part(ctx: Ctx, sent: Sentence, pos: int, subject: Ref | None, how: str, breakdown: str | None,
               unsure_before: bool = False) -> str:
    """After the breakdown is read: ``在某类产品领域，抽查合格率为85.6%`` with no breakdown would pass for the
    whole check's figure; a count that fell back to the document's place in a sentence about who took
    part in a gathering (``…24家企业参与启动仪式``) may be the gathering's — both inferred."""
    if how == "inferred" or subject is None:
        return how
    if unsure_before:
        return "inferred"  # …等7家企业，以及…等3名个人: the subject of an unsure figure before, as unsure
    if subject.kind is not Kind.PLACE and _first_item_of_list(ctx, sent, pos, subject):
        return "inferred"  # 甲公司、乙公司等7家企业: the list's count, not the first item's figure
    if breakdown is None and subject.kind in INSPECTION_KINDS and _part_lead(ctx.lex).match(ctx.text, sent.span.start, pos) \
            and domain_lead(ctx, sent) is None:  # a field the sentence opens with is read as the breakdown after this
        return "inferred"
    if how == "document" and subject.kind is Kind.PLACE and _participation(ctx.lex).search(ctx.text, sent.span.start, sent.span.end):
        return "inferred"
    if subject.kind is Kind.PLACE and counts_of_programme(ctx, sent, pos, named=how == "named"):
        return "inferred"  # 组建某质量创新联合体，吸纳企业3家: the consortium's count, not the place's
    if how == "document" and subject.kind is Kind.PLACE and _shared_by_list(ctx, sent, pos):
        return "inferred"  # 钢筋、水泥等建筑材料合格率均为100%: each listed item's figure, not the place's
    if ctx.text[max(sent.span.start, pos - 2):pos].endswith(ctx.lex.words("partner_words.txt")):
        return "inferred"  # 某协会联合60余家企业发布…: a count of partners, no figure of the subject
    if _runs_on(ctx, sent, pos, subject):
        return "inferred"  # 建设电池材料检测实验室，已为…25家企业: the name read was cut from an institution's
    return how


def _shared_by_list(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """The figure follows a list closed by 等 in its clause and a word of sharing (``甲、乙等某类产品合格率均为``;
    ``shared_value_leads.txt``): the figure is each listed item's."""
    clause = re.split(r"[，,；;：:]", ctx.text[sent.span.start:pos])[-1]
    return "等" in clause and clause.endswith(ctx.lex.words("shared_value_leads.txt"))


def _runs_on(ctx: Ctx, sent: Sentence, pos: int, subject: Ref) -> bool:
    """The subject's last mention before the figure goes on with an institution's ending
    (``锂电材料检测|实验室``): the rules cut the name short (``run_on_suffixes.txt``)."""
    if subject.kind is Kind.PLACE:
        return False
    mentions = [e for e in ctx.entities_in(sent.span.start, pos) if e.ref == subject]
    return bool(mentions) and ctx.text.startswith(ctx.lex.words("run_on_suffixes.txt"), mentions[-1].span.end)


LIST_TAIL_RE = re.compile(r"(?:[、，,和及与以][^，,。；;：:]{2,40}?)*等")
"""What lies between a list's first item and its count: the other items, then 等 (甲、乙、丙等)."""


ITEM_GAP_RE = re.compile(r"[”\"」]?[、，,和及与]?[“\"「]?")
"""What lies between two items of a list without 等: a separator, quotes (“甲”“乙”和“丙”)."""


def _first_item_of_list(ctx: Ctx, sent: Sentence, pos: int, subject: Ref) -> bool:
    """The subject is an item of a list closed by ``等`` right before the figure (``甲公司等7家企业``), or
    the first of named items of its kind joined up to the figure (``“甲”“乙”和“丙”3件地理标志商标``)."""
    mentions = [e for e in ctx.entities_in(sent.span.start, pos) if e.ref == subject]
    if not mentions:
        return False
    if LIST_TAIL_RE.fullmatch(ctx.text, mentions[-1].span.end, pos) is not None:
        return True
    items = sorted((e for e in ctx.entities_in(mentions[-1].span.start, pos) if e.kind is subject.kind),
                   key=lambda e: e.span.start)
    return len(items) >= 2 and all(ITEM_GAP_RE.fullmatch(ctx.text, a.span.end, b.span.start) is not None
                                   for a, b in zip(items, items[1:])) \
        and re.fullmatch(r"[”\"」]?", ctx.text[items[-1].span.end:pos]) is not None


NAMED_THINGS = frozenset({Kind.TRADEMARK, Kind.GEOGRAPHICAL_INDICATION})


def unsure_name(lex: Lexicon, subject: Ref) -> bool:
    """A subject whose name shows the rules did not find it: cut from a number's unit (次抽检, from
    4068批次抽检中), a back-reference (此荣誉), an award named by its level without its place (县长质量奖), or a
    programme, check, mark or indication starting with a word of the sentence (了县长质量奖, 正在申报)."""
    named_thing = subject.kind.is_programme or subject.kind in INSPECTION_KINDS or subject.kind in NAMED_THINGS
    return subject.name[:1] in cut_name_starts(lex) or (
        subject.kind.is_programme and subject.name.startswith(lex.words("unsure_name_starts.txt"))) or (
        named_thing and subject.name.startswith(lex.words("function_starts.txt")))


def mark_unsure_subjects(ctx: Ctx) -> None:
    """The last pass over every figure, whichever rule read it (a list's count too): a subject with an
    unsure name is inferred."""
    for i, o in enumerate(ctx.observations):
        if o.subject is not None and not o.subject_inferred and unsure_name(ctx.lex, o.subject):
            ctx.observations[i] = o.with_subject_inferred()
