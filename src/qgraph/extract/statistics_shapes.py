"""Shapes of statistics-heavy year reviews that decide what a figure is (tests: ``tests/test_statistics_shapes.py``).

- a span of years naming a plan (``小微企业三年成长计划``) is no figure (``plan_name_heads.txt``);
- a figure read as one programme's while that programme is an item of a list
  (``兑现甲、乙奖励资金162万元``) belongs to the list as a whole: unsure;
- the value a figure rose to (``由2020年的3200件增至5600件``) is not of the start's year: it takes the
  sentence head's, the paragraph's or the document's period;
- figures given 分别 to a group of places not named one by one (``三市分别拥有…``, ``各县分别…``), or to
  such a group together (``甲、乙、丙三市占全省的62%``), are the members', not the document's place: unsure;
- a place's count whose measure holds a verb of winning a title (``12家企业获评省级知识产权示范企业``) counts
  a title's holders, the programme's (unknown to the lexicon): unsure (``honour_title_verbs.txt``);
- ``该公司拥有…`` after a sentence naming a company: the company's figures (``firm_back_references.txt``);
- a clause opening with the short name of a place under the home that the rules did not take as a place
  (``晋江有效注册商标12万件`` in a provincial report) is that place's, not the home's: unsure;
- a level alone after ``其中`` (``…项目56个，其中国家级12个、省级44个``): the measure of the figure before, at
  that level;
- ``其中`` + part + the noun counted before (``新增小微企业1665家；其中八大万亿产业小微企业653家``): the
  part is the figure's breakdown (``breakdown_leads.txt``);
- ``其中`` + a part written as a modifier with no noun (``地理标志有120个，其中属于农产品的100个``): the measure of
  the figure before, the part its breakdown (link verbs before the part: ``part_link_verbs.txt``);
- a share right after a part (``…其中属于农产品的100个，占83%``): the part's share, the part its breakdown;
- a pass rate alone right after an organisation's or place's count of items (``检定水表3000台，合格率为98%``):
  the rate of those items, their noun its breakdown (units of ``item_count_units.txt``);
- a bare change (``净增187户``, ``净增完成率为11.41%``; ``bare_change_measures.txt``) right after a total
  (``企业总量5757户``; ``total_words.txt``) in the same part of the sentence: the change of what the total counts.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Kind, Level, Observation, Ref, Sentence
from .context import Ctx
from .indexes import levels_longest_first
from .orgs import place_starting_at
from .periods import Period, Reference, clause_start, head_end, periods_in


@per_lexicon
def _plan_head_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("plan_name_heads.txt")
    return re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{heads})")


def names_plan(ctx: Ctx, end: int) -> bool:
    """The years counted right before ``end`` open a plan's name (``三年成长计划``)."""
    return _plan_head_re(ctx.lex).match(ctx.text, end, min(len(ctx.text), end + 8)) is not None


def listed_programme(ctx: Ctx, sent: Sentence, pos: int, subject: Ref | None) -> bool:
    """``subject`` is a programme named as an item of a list in the figure's clause (``甲、乙奖励资金``)."""
    if subject is None or not subject.kind.is_programme:
        return False
    cs = clause_start(ctx, sent, pos)
    return any(e.ref == subject and ctx.text[e.span.start - 1:e.span.start] in ("、", "和", "及")
               and not NUMBERED_HEAD_RE.search(ctx.text, max(0, e.span.start - 8), e.span.start)
               for e in ctx.entities_in(cs, pos) if e.span.start > cs)


NUMBERED_HEAD_RE = re.compile(r"(?:^|(?<=[\n。]))\s*(?:[一二三四五六七八九十]+|\d+)、$")
"""A list number opening a line (``一、江苏省省长质量奖（共10个）``): its 、 separates no list."""


@per_lexicon
def _leads(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("breakdown_leads.txt", longest_first=True)


NEW_LEAD_RE = re.compile(r"^(?:新增|新认定|新培育|有效|累计|现有)")


def part_breakdown(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit: str, subject: Ref | None,
                   prev: Observation | None) -> str | None:
    """The part named between a clause's ``其中`` and the noun counted by the figure before
    (``其中八大万亿产业小微企业653家`` after ``新增小微企业1665家`` → 八大万亿产业), else None."""
    if prev is None or prev.unit != unit or prev.span.end > pos:
        return None
    cs = clause_start(ctx, sent, pos)
    lead = next((w for w in _leads(ctx.lex) if ctx.text.startswith(w, cs)), None)
    if lead is None:
        return None
    core = NEW_LEAD_RE.sub("", prev.measure)
    if len(core) < 2 or not measure.endswith(core) or measure == core:
        return None
    part = measure[:-len(core)]
    if subject is not None and part in subject.name:
        return None  # 其中白酒产业链营业收入…: the subject named, no part of it
    if len(part) < 3 or NEW_LEAD_RE.match(part) or ctx.text.find(part, cs, pos) != cs + len(lead):
        return None  # only a part written right after 其中 (not 其中新增…: the new ones)
    return part


@per_lexicon
def _modifier_part_re(lex: Lexicon) -> re.Pattern[str]:
    links = lex.alternation("part_link_verbs.txt") or "(?!)"
    return re.compile(rf"[，,：:]?\s*(?:{links})?(?P<part>[\u4e00-\u9fff]{{2,10}}?)的\s*")


def modifier_part(ctx: Ctx, sent: Sentence, pos: int, unit: str, prev: Observation | None) -> tuple[str, str] | None:
    """(measure, breakdown) of a part written after ``其中`` as a modifier with no noun of its own
    (``其中属于农产品的100个`` after ``地理标志有120个`` → 地理标志, 农产品), else None."""
    if prev is None or prev.unit != unit or prev.span.end > pos or prev.span.start < sent.span.start:
        return None
    cs = clause_start(ctx, sent, pos)
    while cs < pos and ctx.text[cs].isspace():
        cs += 1  # 323个 , 其中…: a space typed after the comma
    lead = next((w for w in _leads(ctx.lex) if ctx.text.startswith(w, cs)), None)
    if lead is None or cs < prev.span.end:
        return None
    m = _modifier_part_re(ctx.lex).fullmatch(ctx.text, cs + len(lead), pos)
    if m is None or re.search(r"[\d、和及与]", m.group("part")):
        return None
    return prev.measure, m.group("part")


SHARE_ALONE_RE = re.compile(r"\s*[，,]\s*(?:约|分别)?占(?:比)?(?:为|达)?\s*$")


def part_share(ctx: Ctx, pos: int, unit: str, prev: Observation | None) -> str | None:
    """The breakdown of a share written alone right after a part's figure (``其中属于农产品的100个，占83%``):
    the part's, else None."""
    if unit != "Percent" or prev is None or prev.breakdown in (None, "目标") or prev.unit == "Percent":
        return None
    if SHARE_ALONE_RE.fullmatch(ctx.text, prev.span.end, pos) is None:
        return None
    return prev.breakdown


RATE_ALONE_RE = re.compile(r"\s*[，,]\s*[\u4e00-\u9fff]{0,4}合格率(?:为|达到|达|是)?\s*$")


def item_rate(ctx: Ctx, pos: int, unit: str, subject: Ref | None, prev: Observation | None) -> str | None:
    """The breakdown of a pass rate written alone right after a count of items by the same organisation or
    place (``燃气表2000台件，合格率为98.86%`` → 燃气表), else None; a check's rates keep its own rules."""
    if unit != "Percent" or prev is None or prev.breakdown is not None or prev.subject != subject:
        return None
    if subject is not None and subject.kind in INSPECTION_KINDS:
        return None
    if prev.unit not in ctx.lex.words("item_count_units.txt") or len(prev.measure) < 2 \
            or prev.measure in ctx.lex.words("batch_generic_nouns.txt"):
        return None
    if RATE_ALONE_RE.fullmatch(ctx.text, prev.span.end, pos) is None:
        return None
    verbs = ctx.lex.alternation("flow_action_verbs.txt") or "(?!)"
    item = re.sub(rf"^(?:共|累计|已)?(?:{verbs})", "", prev.measure)  # 共检定水表: the items, not the work
    return item if len(item) >= 2 else None


def change_of_total(ctx: Ctx, sent: Sentence, pos: int, measure: str, earlier: list[Observation]) -> str | None:
    """What a bare change counts (``企业总量5757户，净增187户`` → 企业), from the total just before it in the same
    part of the sentence (not across a ；), else None."""
    changes = ctx.lex.words("bare_change_measures.txt", longest_first=True)
    if not any(measure == c or measure in (c + "完成率", c + "率", c + "数") for c in changes):  # (what c(?:完成率|率|数)? matches whole)
        return None
    segment = ctx.last_of("；;", sent.span.start, pos) + 1
    totals = ctx.lex.alternation("total_words.txt") or "(?!)"
    for o in reversed(earlier):
        if o.span.start < max(segment, sent.span.start) or o.span.start >= pos:
            continue
        m = re.fullmatch(rf"(?P<noun>[\u4e00-\u9fff]{{2,8}}?)(?:{totals})", o.measure)
        if m is not None:
            return m.group("noun")
    return None


FROM_YEAR_RE = re.compile(r"(?:由|从)(?:20\d{2}年|[“\"]?十[一二三四五]五[”\"]?期?)(?:底|末)?的?[\d.]+[万亿]?[^\d，,；;。]{0,3}?(?:增至|增加到|增长到|提升至|提高到|升至|降至|下降到|减少到|上升到|达到)$")


def risen_to_period(ctx: Ctx, ref: Reference, sent: Sentence, pos: int, paragraph: Period | None) -> Period | None:
    """The period of a value risen to from a dated start (``由2020年的3200件增至5600件``): the sentence
    head's (before the start), else the paragraph's, else the document's; None when the shape is not there."""
    m = FROM_YEAR_RE.search(ctx.text, clause_start(ctx, sent, pos), pos)
    if m is None:
        return None
    end = min(head_end(ctx, sent), m.start())
    head = [p for p in periods_in(ctx, ref, sent.span.start, end) if not p.bracketed]
    if re.search(r"十[一二三四五]五[”\"]?(?:期)?末", m.group()):
        spans = [p for p in periods_in(ctx, ref, sent.span.start, m.start()) if re.fullmatch(r"\d{4}/\d{4}", p.value or "")]
        if spans:  # “十三五”时期，…由“十二五”末的28万户增长到49万户: the stock at the end of the plan spoken of
            return Period(f"{spans[-1].value[-4:]}-12-31", spans[-1].words, spans[-1].start)
    if head:
        return head[-1]
    if paragraph is not None and not m.start() <= paragraph.start < pos:
        return paragraph  # (not the start's own year read as the paragraph's)
    return Period(ref.period or ref.year, None, -1)


MEMBERS_RE = re.compile(r"(?:(?:[一二两三四五六七八九十\d]+个?|各|部分)(?:设区市|市|县|区|县区|县（市、区）|县(?:市区)|地|省|地市)"
                        r"[^，,；;。]{0,10}?分别|(?:[一二两三四五六七八九十\d]+个?)(?:设区市|市|县|区|县区|地|省|地市)"
                        r"(?:合计|共计|共|总数|合计占|共占|占))")


def unnamed_members(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """The figure is one of a group of places' figures given 分别 with no place named (``三市分别拥有50件``)."""
    return MEMBERS_RE.search(ctx.text, clause_start(ctx, sent, pos), pos) is not None


@per_lexicon
def _title_verbs_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(lex.alternation("honour_title_verbs.txt"))


def title_holders(ctx: Ctx, measure: str) -> bool:
    """The measure counts holders of a title won (``企业获评省级知识产权示范企业``)."""
    m = _title_verbs_re(ctx.lex).search(measure)
    return m is not None and len(measure) - m.end() >= 2


@per_lexicon
def _firm_refs(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("firm_back_references.txt", longest_first=True)


def points_back_at_firm(ctx: Ctx, sent: Sentence) -> bool:
    """The sentence opens with a word pointing back at a company (``该公司…``, ``企业拥有…``)."""
    word = next((w for w in _firm_refs(ctx.lex) if ctx.text.startswith(w, sent.span.start)), None)
    return word is not None and (len(word) >= 3 or ctx.text.startswith(
        ("拥有", "现有", "共有", "累计", "主导", "获得", "先后"), sent.span.start + len(word)))
    # (企业… alone opens many sentences; only 企业拥有… / 公司累计… point back)


def firm_referred_to(ctx: Ctx, sent: Sentence, pos: int, paragraph_start: int) -> Ref | None:
    """``甲公司是…。该公司拥有有效发明专利86件``: the company named last before the sentence, in its
    paragraph, when the sentence opens with a word pointing back at it and names no organisation or
    place before ``pos``, and the paragraph names that one company alone (not one of several, nor the
    first of a list closed by 等); else None."""
    if not points_back_at_firm(ctx, sent):
        return None
    if any(e.kind is Kind.PLACE or e.kind.is_organization for e in ctx.entities_in(sent.span.start, pos)):
        return None
    firms = [e for e in ctx.entities_in(paragraph_start, sent.span.start) if e.kind is Kind.ENTERPRISE]
    if len({e.name for e in firms}) != 1 or any(ctx.text.startswith("等", e.span.end) for e in firms):
        return None  # 甲公司…，乙公司…。该公司… / 甲公司等5家企业…。企业…: which company cannot be told
    return firms[-1].ref


LEAD_WORDS_RE = re.compile(r"(?:其中|同时|此外|另外|而)?[，,]?")


def short_place_head(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """The figure's clause opens with the short name of a place under the document's place (``晋江…`` in a
    Fujian report), not read as a place: the figure is likely that place's, not the home's."""
    home = ctx.home
    if home is None:
        return False
    cs = clause_start(ctx, sent, pos)
    at = LEAD_WORDS_RE.match(ctx.text, cs, pos).end()
    if any(e.span.start <= at < e.span.end for e in ctx.entities_in(at, min(pos, at + 12))):
        return False  # a name read there already (a place, a firm …) speaks for itself
    found = place_starting_at(ctx, at, limit=pos)
    if found is None:
        return False
    info = found[1]
    return info.code != home.code and any(a.code == home.code for a in ctx.lex.ancestors(info))


def level_alone(ctx: Ctx, measure: str, level: Level | None) -> Level | None:
    """The level a measure consists of alone (``省级``, or ``级`` once 国家 was read as the level), else None."""
    if measure in ("级", "", "的", "级的") and level is not None:
        return level
    return next((lvl for word, lvl in levels_longest_first(ctx.lex) if measure in (word, word + "的")), None)
