"""Scope frames: a clause that names a campaign, an event or a plan as the scope of the counts after it.

Four frames, each giving the figure's subject where the rules would otherwise fall back on the
document's place (or mark it inferred):

* a campaign opened by ``开展X行动/活动，`` and followed by clauses reporting what it did
  (``走访企业160余家，举办品牌培训班12次`` — verbs in ``data/lexicon/campaign_doings.txt``): the
  campaign's figures, an event (``qg:Event``) of that name; the scope ends at the first clause that
  opens with another word (``新增地理标志商标4件`` stays the place's);
* ``X期间，`` where X is an event word (质量月, 宣传周 … from ``event_nouns.txt``) that the report does
  not otherwise name as an entity: the event's figures;
* a list or honour whose selection the sentence reports (``首届“某名品”共评出名品30个，其中工业品18个``;
  a quoted name after 首届 / 首批 / 第N届 before the verb is the list's whatever its name ends with,
  ``公布…名单。…从136个申报品牌中遴选出10个品牌``; verbs in ``selection_verbs.txt``): the counts are
  the programme's — its applicants, its items, and after 其中 / 包括 its sections (joined by 、 or ，) (the section as the
  figure's breakdown, the measure that of the total);
* a plan or policy (``《实施方案》``) followed by a verb of stating and its parts (``提出9个方面32项措施``
  — ``data/lexicon/plan_parts.txt``): the plan's own figures, not targets of the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Kind, Ref, Sentence
from .context import Ctx

CAMPAIGN_RE = re.compile(r"(?:开展|组织开展|启动|实施)(?:了)?(?P<name>(?:[^，,；;。：:、\d“”\"《》]|“[^“”，,。；;]{1,12}”){1,24}?(?:行动|活动))[，,]")
"""开展品牌培育行动， / 开展“质量提升攻坚年”行动，: a campaign's name, its quoted part included."""
DURING_RE = re.compile(r"(?:据了解，)?[“\"]?(?P<name>[^，,；;。“”\"]{2,8}?)[”\"]?期间[，,]")
PLAN_RE = re.compile(r"《(?P<name>[^》]{2,40})》(?:[^，,；;。《\d]{0,4}?|[，,])(?:提出|明确|部署|包括|涵盖)了?(?:共)?")
PARTS_BEFORE_RE = re.compile(r"(?:(?:\d+|[一二三四五六七八九十两]+)[个项条大章]?[\u4e00-\u9fff]{1,8}?[、，,和及]?)*")
TIME_LEAD_RE = re.compile(r"(?:20\d{2}年|今年|全年|同时)?[，,]?(?:共|累计|先后)?")


@dataclass(frozen=True, slots=True)
class Frame:
    subject: Ref
    how: str
    """named: the frame is in the figure's own clause; carried: an earlier clause of the sentence."""
    plan: bool = False
    """The figure counts the parts of a plan (its measures, tasks): no target of the plan."""
    target: bool = False
    """The figure is a target of the frame (a campaign's goals: 推动1万家企业…)."""


def _entity(ctx: Ctx, kind: Kind, name: str, start: int, end: int) -> Ref:
    known = next((e for e in ctx.entities if e.name == name and e.kind in (kind, Kind.INSPECTION, Kind.ENFORCEMENT)), None)
    if known is not None:
        return known.ref
    return ctx.add(kind, name, start, end).ref


def _clause_starts(ctx: Ctx, start: int, pos: int) -> list[int]:
    """Starts of the clauses from ``start`` up to the one holding ``pos``."""
    out = [start]
    for i in range(start, pos):
        if ctx.text[i] in "，,；;":
            out.append(i + 1)
    return out


def campaign_frame(ctx: Ctx, sent: Sentence, pos: int) -> Frame | None:
    """``开展品牌培育行动，走访企业160余家，举办品牌培训班12次``: the campaign's counts."""
    found = [m for m in CAMPAIGN_RE.finditer(ctx.text, sent.span.start, pos)]
    if not found:
        return None
    m = found[-1]
    if len(m.group("name")) < 4:
        return None  # 开展大行动: no name
    quoted = re.search(r"“([^”]+)”", m.group("name"))
    if quoted and quoted.group(1) in ctx.lex.words("event_nouns.txt") and m.group("name").startswith("“"):
        return None  # 启动“质量月”活动: the yearly event of every place, no campaign's name of its own
    doings = ctx.lex.words("campaign_doings.txt", longest_first=True)
    for cs in _clause_starts(ctx, m.end(), pos):
        lead = TIME_LEAD_RE.match(ctx.text, cs)
        at = lead.end() if lead else cs
        if not ctx.text.startswith(doings, at):
            return None  # a clause opening with another word ends the campaign's scope
        if any(e.kind is Kind.PLACE or e.kind.is_organization for e in ctx.entities_in(cs, pos)):
            return None
    return Frame(_entity(ctx, Kind.EVENT, m.group("name"), m.start("name"), m.end("name")), "carried")


GOAL_SCOPE_RE = re.compile(r"(?:在|面向)(?:全省|全市|全区|全县|全州|全盟|全国)|(?:全省|全市|全区|全县)")
"""A scope written before a campaign's goal verb (在全省推动…)."""


def campaign_goal_frame(ctx: Ctx, sent: Sentence, pos: int) -> Frame | None:
    """``开展“某某”提升行动，在全省推动1万家企业…，支持100家企业…``: the counts after a named campaign, each
    clause opening with a verb of striving for (``campaign_goal_verbs.txt``), are the campaign's targets."""
    found = [m for m in CAMPAIGN_RE.finditer(ctx.text, sent.span.start, pos)
             if re.search(r"“[^”]{2,12}”", m.group("name")) and m.group("name").endswith("行动")]
    if not found:
        return None  # only a campaign with a quoted name of its own
    m = found[-1]
    verbs = ctx.lex.words("campaign_goal_verbs.txt", longest_first=True)
    for cs in _clause_starts(ctx, m.end(), pos):
        scope = GOAL_SCOPE_RE.match(ctx.text, cs)
        at = scope.end() if scope else cs
        if not ctx.text.startswith(verbs, at):
            return None  # a clause opening with another word ends the campaign's goals
    name = m.group("name").replace("“", "").replace("”", "")
    return Frame(_entity(ctx, Kind.POLICY, name, m.start("name"), m.end("name")), "carried", target=True)


def during_frame(ctx: Ctx, sent: Sentence, pos: int) -> Frame | None:
    """``质量月期间，全市组织主题活动40余项``: the event's, named by an event word, when the report names
    no entity of it (that case the subject rules already take)."""
    m = DURING_RE.match(ctx.text, sent.span.start)
    if m is None or m.end() > pos:
        return None
    name = m.group("name")
    if not any(name.endswith(w) for w in ctx.lex.words("event_nouns.txt", longest_first=True)) or name in ("活动", "现场"):
        return None
    if any(e.kind is Kind.PLACE or e.kind.is_organization for e in ctx.entities_in(m.end(), pos)):
        return None  # 质量月期间，某区…: the place named after the frame speaks for itself
    return Frame(_entity(ctx, Kind.EVENT, name, m.start("name"), m.end("name")), "carried")


def plan_frame(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> Frame | None:
    """``《实施方案》提出9个方面32项具体措施``: the plan's parts, counted — the plan's figures."""
    if not any(measure == w or measure.endswith(w) for w in ctx.lex.words("plan_parts.txt", longest_first=True)):
        return None
    cs = max(sent.span.start, ctx.last_of("，,；;。", sent.span.start, pos) + 1)
    if cs > sent.span.start and ctx.text[cs - 2:cs] in ("》，", "》,"):
        cs = max(sent.span.start, ctx.last_of("，,；;。", sent.span.start, cs - 1) + 1)  # 起草《某要点》，明确…: the plan of the clause before
    m = None
    for m in PLAN_RE.finditer(ctx.text, cs, pos):
        pass
    if m is None or not PARTS_BEFORE_RE.fullmatch(ctx.text, m.end(), pos):
        return None  # 提出到2026年…达到500家: a target of the place, not a part of the plan
    policy = next((e for e in ctx.entities_in(m.start(), m.end("name") + 1) if e.kind is Kind.POLICY), None)
    if policy is None:  # 《实施方案》: the short name of the one plan the report names in full
        fits = {e.ref for e in ctx.entities if e.kind is Kind.POLICY and e.name.endswith(m.group("name"))
                and e.span.start < m.start()}
        policy_ref = fits.pop() if len(fits) == 1 else None
    else:
        policy_ref = policy.ref
    if policy_ref is None and ctx.home is not None:  # a plan the rules cannot name: whose parts, unsure
        return Frame(Ref(Kind.PLACE, ctx.home.name), "inferred", plan=True)
    return Frame(policy_ref, "named", plan=True) if policy_ref is not None else None


LIST_NAMED_RE = re.compile(r"(?:公布|发布|公示|揭晓|印发)[^，,；;。]{0,24}(?:名单|名录|榜单)")
PART_LEAD_RE = re.compile(r"(?:其中|包括)[，,：:]?")
SECTIONS_RE = re.compile(r"(?:[\u4e00-\u9fff]{2,10}\d+(?:\.\d+)?[个家项件名类][、，,])+")
"""Sections already read between 其中 and a figure's clause (其中工业品58个，农产品7个，服务8个)."""
BATCH_QUOTED_RE = re.compile(r"(?:首届|首批|第[一二三四五六七八九十\d]{1,3}[届批])[“\"](?P<name>[\u4e00-\u9fff]{2,12})[”\"]")


@dataclass(frozen=True, slots=True)
class ListFrame:
    subject: Ref
    section: str | None
    """The section of the list a count after 其中 gives (工业品, 企业品牌), else None."""


def _sections_go_on(ctx: Ctx, sent: Sentence, cs: int) -> re.Match[str] | None:
    """``其中工业品58个，农产品7个``: the clause at ``cs`` goes on with the sections opened by 其中 / 包括."""
    leads = list(PART_LEAD_RE.finditer(ctx.text, sent.span.start, cs))
    if not leads or SECTIONS_RE.fullmatch(ctx.text, leads[-1].end(), cs) is None:
        return None
    return leads[-1]


def list_frame(ctx: Ctx, sent: Sentence, pos: int, paragraph_start: int) -> ListFrame | None:
    """The counts of a list's selection: the programme named in the sentence, or in the sentence before
    when that one announces the list (公布首批“某名品”名单)."""
    verbs = ctx.lex.words("selection_verbs.txt", longest_first=True)
    selection = max((ctx.text.rfind(v, sent.span.start, pos + 16) for v in verbs), default=-1)
    if selection == -1:
        return None
    cs = max(sent.span.start, ctx.last_of("，,；;", sent.span.start, pos) + 1)
    clause = ctx.text[cs:pos]
    part = PART_LEAD_RE.match(clause) or ("、" in clause and PART_LEAD_RE.search(ctx.text, sent.span.start, pos)) \
        or _sections_go_on(ctx, sent, cs)
    if selection > pos and not re.search(r"申报[^，,；;。]{0,6}中$", ctx.text[pos:selection]) \
            and not re.match(r"[^个家项，,；;。]{0,8}[个家项]申报", ctx.text[pos:]):
        return None  # a count after the verb, or the applicants it was chosen from (从136个申报品牌中遴选出)
    if part and selection > cs:
        return None
    if any(e.kind is Kind.PLACE or e.kind.is_organization for e in ctx.entities_in(cs, pos)):
        return None
    progs = [e for e in ctx.entities_in(sent.span.start, pos) if e.kind.is_programme]
    if not progs:
        quoted = BATCH_QUOTED_RE.search(ctx.text, sent.span.start, min(selection, pos))
        if quoted is not None and quoted.end() <= selection:  # 首届“某某优选”共评出73个: a list whatever its name ends with
            progs = [next((e for e in ctx.entities if e.name == quoted.group("name") and e.kind.is_programme), None)
                     or ctx.add(Kind.HONOUR, quoted.group("name"), quoted.start("name"), quoted.end("name"))]
    if not progs:
        prev_start = max(paragraph_start, ctx.text.rfind("。", paragraph_start, sent.span.start - 1) + 1)
        if not LIST_NAMED_RE.search(ctx.text, prev_start, sent.span.start):
            return None
        progs = [e for e in ctx.entities_in(prev_start, sent.span.start) if e.kind.is_programme]
    if len({e.ref for e in progs}) != 1:
        return None  # two programmes named: whose list it is cannot be told
    section = None
    if part:
        label = re.sub(r"^(?:其中|包括)?[，,：:]?", "", clause[clause.rfind("、") + 1:] if "、" in clause else clause)
        section = label if re.fullmatch(r"[\u4e00-\u9fff]{2,10}", label) else None
        if section is None:
            return None
    return ListFrame(progs[-1].ref, section)
