"""Whose figure is it, and which part of a breakdown: clause-level scope over typed spans.

The extractor first finds typed spans (places, organisations, checks, programmes, numbers); this
module then reads the clause patterns of the genre over them:

- a subject named at the head of a clause (``其中泰州市…``, ``章丘区…``, ``甲公司主导制定…``) governs the
  figures of its clause and of the following clauses of the sentence, until another is named;
- a comparison baseline (``高于全国平均水平（91.2%）``, ``全省平均为…``) is no figure of the subject;
- a breakdown word at the head of a clause (``生产领域…、流通领域…``) qualifies the figures it governs,
  until another one or a total (``总体``, ``共计``) is named;
- when the document's own place is taken while the paragraph names other places, the subject is
  only inferred and the figure is marked so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Entity, Kind, Level, Ref, Sentence
from .carried_heads import listed_place, opens_with_own_place
from ..lexicon import Lexicon, per_lexicon
from .context import Ctx
from .trade_sides import trade_side
from .indexes import own_place_re
from .periods import clause_end, clause_start
from .listed_heads import listed_item
from .place_chains import narrowest_place
from .other_contests import names_other_contest

PROGRAMME_ACTS = re.compile(r"[”\"]?[^，,；;。\d]{0,6}?(?:覆盖|发布|启动|实施|开展|评选|认定|建设|从|共有|共)")
HEAD_LEAD = r"(?:其中|此外|另外|同时|而|但|截至[^，,；;]{0,8}?|今年以来|今年|去年|全年|目前)?"
PREPOSITION_BEFORE = re.compile(r"(?:在|对|为|于|向|赴|到|来自|与|和|及|同|跟|给|从|覆盖|包括)$")
@per_lexicon
def baseline_before(lex: Lexicon) -> re.Pattern[str]:
    """The words right before a comparison baseline: a comparing word and a whole (``高于全国平均水平（``), or a
    place's name before its average or its own (``高于某市平均水平（``, ``远高于某省的``), or a whole's average alone (``全国平均为``;
    ``baseline_comparers.txt``, ``baseline_wholes.txt``)."""
    def alt(name: str) -> str:
        return lex.alternation(name)
    comparers, wholes = alt("baseline_comparers.txt"), alt("baseline_wholes.txt")
    return re.compile(rf"(?:(?:{comparers})(?:(?:{wholes})[^，,；;。\d]{{0,6}}|[\u4e00-\u9fff]{{2,8}}?[省市县区州盟旗](?:平均[^，,；;。\d]{{0,4}}|的|水平))"
                      rf"|(?P<alone>{wholes})平均[^，,；;。\d]{{0,4}})[（(]?$")


TOTAL_WORDS = re.compile(r"总体|整体|全部|共计|合计|总计|累计|平均")
ACTIVITY_RE = re.compile(
    r"(?:开展|组织开展|实施|推进|开展了)(?P<name>[^，,；;。：:、\d]{2,16}?(?:专项行动|专项整治|专项检查|专项执法|隐患排查|联合攻关"
    r"|打假行动|执法检查|排查整治|整治行动|专项抽查))"
    r"|(?P<since>[^，,；;。：:、\d]{4,24}?(?:专项行动|整治行动|执法行动|打假行动|专项整治))(?:开展|启动|实施)以来")
ACTIVITY_WORDS_RE = re.compile(r"专项|排查|攻关|行动|检查|整治")
"""Every match of :data:`ACTIVITY_RE` holds one of these words: a window without any has none."""
CAMPAIGN_LEAD_RE = re.compile(r"^(?:[自月日起]|今年|去年|以来|全省|全市|全县|全区|全国)+")


def campaign_span(start: int, name: str) -> tuple[int, str]:
    """A campaign's name without the time and scope words written before it (自4月全省… → …)."""
    lead = CAMPAIGN_LEAD_RE.match(name)
    start, name = (start + lead.end(), name[lead.end():]) if lead else (start, name)
    return (start + 1, name[1:]) if name.startswith("了") else (start, name)  # 开展了…专项整治: no 了 in the name
"""A campaign named after 开展 (开展民用“三表”专项检查), or before 开展以来 (自4月全省某某整治行动开展以来)."""
ACTIVITY_LEAD_RE = re.compile(
    r"(?:在)?(?P<name>[^，,；;。：:\d]{2,16}?(?:执法|打假|稽查|整治|检定|抽检|抽查|专项检查|专项行动|整治行动|执法行动))(?:方面|工作中|中)[，,：:]")
ENFORCEMENT_WORDS = re.compile(r"查处|立案|罚没|捣毁|移送|下架|约谈|检查|抽检|执法人员")
CAMPAIGN_WORDS = re.compile(r"专项|整治|打假|执法")
HEAD_KINDS = frozenset({Kind.PLACE, Kind.ENTERPRISE, Kind.INSPECTION_BODY, Kind.RESEARCH_INSTITUTE, Kind.RESEARCH_CENTRE,
                        Kind.UNIVERSITY, Kind.ASSOCIATION, Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.HONOUR,
                        Kind.CERTIFICATION_SCHEME, Kind.PROTECTION_LIST, Kind.CULTIVATION_POOL, Kind.INDUSTRY_CHAIN,
                        Kind.BRAND})
"""Who can head a clause as the owner of its figures (government bodies act for their place)."""
LOCAL_WORDS = re.compile(r"全区|全县|区内|县内|辖区内?|本区|本县|我区|我县")
LISTED = r"入选|获得[^，,；;。]{0,12}认证|获证|获评|获颁|授牌|荣获|认定为|列入|纳入|获奖"
LISTING_VERBS = re.compile(LISTED + r"|颁发|授予|建立|设立|推行")
"""Verbs linking counted recipients to the programme named after them (…企业建立首席质量官制度)."""
WINNERS_AFTER_RE = re.compile(r"[”\"](?:称号|荣誉称号|(?:获奖|获评|入选|上榜)(?:企业|单位|组织))")
CLASS_NOUNS = re.compile(r"[”\"]?(?:企业|品牌|产品|单位|组织)?")


@per_lexicon
def _head_lead(lex: Lexicon) -> re.Pattern[str]:
    """A clause's lead words before its head: 其中 / 截至… and a class noun in apposition (链主企业)."""
    words = lex.words("head_appositions.txt")
    return re.compile(HEAD_LEAD + r"(?:(?:\d{4}年度?)?(?:首批|第[一二三四五六七八九十\d]+批))?"
                      + "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")?")


@per_lexicon
def breakdown_words(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """(word, label) of ``breakdowns.tsv``, longest word first (a word without a label is its own)."""
    rows = [(r[0], r[1] if len(r) > 1 and r[1] else r[0]) for r in lex.table("breakdowns.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@dataclass
class Scope:
    """Clause-level subjects and breakdowns of one sentence."""

    ctx: Ctx
    sent: Sentence
    heads: list[tuple[int, Entity]] = field(default_factory=list)
    """Subjects named at clause heads: (start, entity), in text order."""
    paragraph_start: int = 0
    resets: list[int] = field(default_factory=list)
    """Clause heads naming the document's own place (全市 …): an earlier head governs no further."""
    group: tuple[int, Ref] | None = None
    """The listed recipients named again by their count (``这7家企业…``): (where, their programme)."""

    def __post_init__(self) -> None:
        ctx, sent = self.ctx, self.sent
        starts = [sent.span.start] + [sent.span.start + m.end() for m in re.finditer(r"[，,；;：:]", sent.span.text)]
        items = [sent.span.start + m.end() for m in re.finditer(r"、", sent.span.text)]
        item_set = set(items)
        for cs in sorted(starts + items):
            if cs in item_set:  # 其中长春市14个、吉林市7个: places paired with their own numbers (not 甲县、乙县3个县)
                ent = next((e for e in ctx.starting_at(cs, sent.span.end) if e.span.start == cs and e.kind is Kind.PLACE
                            and re.match(r"[\d一二三四五六七八九十两]", ctx.text[e.span.end:e.span.end + 1])), None)
                paired = re.search(r"[\d一二三四五六七八九十两][个家项件条批所处台]$", ctx.text[max(0, cs - 3):cs - 1])
                if ent is not None and paired and ent.name != getattr(ctx.home, "name", None):
                    self.heads.append((ent.span.start, ent))
                continue
            lead = _head_lead(ctx.lex).match(ctx.text, cs, sent.span.end)
            at = lead.end() if lead else cs
            at += 1 if ctx.text[at:at + 1] in ("“", '"') else 0  # “泰山品质”认证覆盖…: a quoted name heads the clause
            ent = max((e for e in ctx.starting_at(at, sent.span.end) if e.span.start == at
                       and e.kind in HEAD_KINDS), key=lambda e: e.span.end, default=None)
            if ent is not None and ent.kind is Kind.PLACE:
                ent = narrowest_place(ctx, ent)  # 湖北省宜昌市拥有…: the city's, not the province's
            if cs > sent.span.start and opens_with_own_place(ctx, at, sent.span.end):
                self.resets.append(at)  # …，全省建成站点118个: the document's own clause, no earlier head's
            if ent is None or listed_item(ctx, ent) \
                    or listed_place(ctx, ent, sent.span.end):
                continue  # 在乐清市、瑞安市等地 / 甲市A项目、乙市B项目等: a list, not whose
            if ent.kind is Kind.PLACE and (ent.name == getattr(ctx.home, "name", None)):
                continue
            if ent.kind.is_programme and not PROGRAMME_ACTS.match(ctx.text, ent.span.end, sent.span.end):
                continue  # “品字标浙江制造”认证企业386家: the name qualifies a measure, it does not act
            self.heads.append((ent.span.start, ent))

    def subject_at(self, pos: int) -> Entity | None:
        """The clause-head subject governing ``pos`` (the last one named before it), if any."""
        found = [(s, e) for s, e in self.heads if s < pos]
        if not found or any(found[-1][0] < r < pos for r in self.resets):
            return None
        start, head = found[-1]
        if head.kind is not Kind.PLACE and re.search(r"[；;。]\s*(?:此外|另外|与此同时|同时)[，,]", self.ctx.text[head.span.end:pos]):
            return None  # 甲研究院某工程全面完成；此外，…发布某名品73个: a new statement, no longer the organisation's
        return head

    def baseline(self, pos: int) -> bool:
        """True when the number at ``pos`` is a comparison baseline (``高于全国平均水平（91.2%）``)."""
        before = self.ctx.text[max(self.sent.span.start, pos - 14):pos]
        m = baseline_before(self.ctx.lex).search(before)
        if m and m.group("alone") and self.ctx.home is not None:
            from .certainty import own_word  # (certainty reads the scope: imported at call time)
            return not own_word(self.ctx.lex, m.group("alone"), self.ctx.home)  # 全市平均合格率为… of a city: its own
        return bool(m)

    def local_place(self, pos: int) -> Ref | None:
        """``全区``/``县内`` in a city's or province's report: the district or county the paragraph named last."""
        ctx = self.ctx
        if ctx.county is not None or not LOCAL_WORDS.search(ctx.text, self.sent.span.start, pos):
            return None
        named = [e for e in ctx.entities_in(self.paragraph_start, pos)
                 if e.kind is Kind.PLACE and e.level is Level.COUNTY and len(e.span.text) <= len(e.name) + 1]
        return named[-1].ref if named else None

    def programme(self, pos: int, end: int) -> Ref | None:
        """The programme a count of listed items belongs to: named right before its measure
        (``新增“荆楚优品”企业26家``), after it with a listing verb (``29家企业入选“好品山东”``), or earlier
        in the sentence while the figure's clause lists (``…认证获证名单，58家企业的64个产品获得认证``)."""
        ctx, sent = self.ctx, self.sent
        cs = clause_start(ctx, sent, pos)
        ce = clause_end(ctx, sent, end)
        progs = [e for e in ctx.entities_in(sent.span.start, sent.span.end) if e.kind.is_programme]
        adjacent = [e for e in progs if e.span.end == pos and cs <= e.span.start and ctx.text[e.span.start - 1] not in "“\""]
        if adjacent and re.search(r"(?:培育|新增|新认定|打造|获评|荣获)$", ctx.text[max(cs, adjacent[0].span.start - 2):adjacent[0].span.start]):
            return adjacent[0].ref  # 培育省长质量奖87个, 新增中国驰名商标3件: the programme's own count
        before = [e for e in progs if cs <= e.span.start and e.span.end <= pos and ctx.text[e.span.start - 1] in "“\""
                  and CLASS_NOUNS.fullmatch(ctx.text[e.span.end:pos])]  # 培育“皖美品牌示范企业”64家
        if before:
            return before[-1].ref
        quoted = re.search(r"[“\"](?P<q>[^”\"，,。；;]{2,16})[”\"](?:企业|品牌|产品|单位|组织)?"
                           r"(?P<verb>(?:累计|总数)?(?:达到|达|突破|增至))?$", ctx.text[cs:pos])  # …“湖南名品”达到60个
        if quoted:  # 累计培育“皖美品牌示范企业”64家: a programme the report names elsewhere
            known = next((e for e in ctx.entities if e.kind.is_programme and e.name == quoted.group("q")), None)
            if known is not None:
                return known.ref
            q0 = cs + quoted.start("q")
            if not quoted.group("verb") and re.search(r"(?:培育|入选|获评|认定为|评为)[^，,；;。“\"]{0,4}[“\"]$", ctx.text[cs:q0]) and not ctx.entities_in(q0, q0 + len(quoted.group("q"))):
                # 培育全国“质量标杆”企业2家: a list named in quotes after the verb that fills it
                return ctx.add(Kind.HONOUR, quoted.group("q"), q0, q0 + len(quoted.group("q"))).ref
        right_after = [e for e in progs if e.span.start in (end, end + 1) and ctx.text[end:e.span.start] in ("", "“", '"')]
        if right_after and CLASS_NOUNS.fullmatch("”" + ctx.text[right_after[0].span.end + 1:right_after[0].span.end + 3]):
            return right_after[0].ref  # 遴选出了99个“好品山东”品牌: the programme's items
        named_after = [e for e in progs if end <= e.span.start <= end + 3 and ctx.text[e.span.start - 1] in "“\""
                       and re.fullmatch(r"(?:企业|单位|组织)?[“\"]", ctx.text[end:e.span.start])
                       and WINNERS_AFTER_RE.match(ctx.text, e.span.end)]
        if named_after:  # 10个组织“某奖提名奖”称号, 已评选出19家“某奖”获奖组织: the programme's recipients
            return named_after[0].ref
        named_items = [e for e in progs if e.span.start == end and e.name.endswith(("项目", "示范区", "示范县", "标杆"))]
        if named_items:
            return named_items[0].ref  # 发布首批21个跨区域质量强链联动项目: the programme's own items
        if re.match(r"[^，,；;。\d]{0,2}申报(?:主体|企业|品牌|单位|产品)", ctx.text[end:end + 8]) and progs:
            return progs[0].ref  # 从1589个申报主体中遴选出…“好品山东”品牌: the programme's applicants
        tail = ctx.text[end:ce]
        tail = tail[:tail.find("、")] if "、" in tail else tail  # …国家标准9项、入选“领跑者”标准6项: the next item's verb
        if re.search(r"(?:授予|颁发给|表彰)[^，,；;。]*$", ctx.text[cs:pos]) or (  # 授予甲公司等5家组织“…市长质量奖”
                re.search(r"(?:确定|认定|评定|命名)[^，,；;。]*$", ctx.text[cs:pos]) and re.match(r"[^，,；;。]{0,8}为", tail)):
            granted = [e for e in progs if end <= e.span.start < ce]
            if granted:
                return granted[0].ref
        verb = LISTING_VERBS.search(tail)
        if verb:
            after = [e for e in progs if end + verb.start() <= e.span.start < ce]
            if after:
                return after[0].ref
        lead_verb = re.search(r"(?:累计|共有|共)?(?:" + LISTED + r")[^，,；;。\d]{0,6}$", ctx.text[cs:pos])
        listed = verb is not None and re.fullmatch(LISTED + r"|颁发|授予", verb.group())
        if (listed and (len(tail) - verb.end() <= 1 or re.match(r"证书|证", tail[verb.end():]))) or lead_verb:
            # …，58家企业的64个产品获得认证 / 累计入选企业489家: the programme named before
            earlier = [e for e in progs if e.span.end <= cs]
            if earlier and re.search(r"[，,；;][^，,；;。]*\d", ctx.text[earlier[-1].span.end:cs - 1]):
                return None  # 甲项目入选…，新建基地6个，新增获证企业20家: another clause's figure between
            if not earlier:  # “赣出精品”是…，全省累计入选品牌达到512个: a programme named again in the sentence
                earlier = [e for e in ctx.entities if e.kind.is_programme and e.span.start < sent.span.start
                           and f"“{e.name}”" in ctx.text[sent.span.start:cs]]
            if not earlier and not names_other_contest(ctx, sent.span.start, pos):
                # (在全省科技创新大赛中，获奖企业共计12家: that contest's winners, not the paragraph's programme's)
                earlier = [e for e in ctx.entities_in(self.paragraph_start, sent.span.start) if e.kind.is_programme]
            if earlier and not [e for e in progs if cs <= e.span.start < ce]:
                return earlier[-1].ref
        return None

    def provider(self, pos: int) -> Ref | None:
        """A station or facility built earlier in the sentence serves the counted clients
        (``建成…一站式服务站，为区内210余家食品企业提供…服务``)."""
        ctx, sent = self.ctx, self.sent
        cs = clause_start(ctx, sent, pos)
        serves = re.search(r"为[^，,；;。]{0,12}$", ctx.text[cs:pos]) and "提供" in ctx.text[pos:sent.span.end]
        if not serves and not re.search(r"(?:累计|共)服务(?:企业|客户|主体)[^，,；;。\d]{0,4}$", ctx.text[cs:pos]):
            return None
        built = ctx.entities_in(sent.span.start, cs, frozenset({Kind.SERVICE_STATION, Kind.FACILITY}))
        return built[-1].ref if built else None

    def gathering(self, pos: int) -> Ref | None:
        """A meeting held N times (``召开全市质量工作联席会议三次``)."""
        ctx, sent = self.ctx, self.sent
        cs = clause_start(ctx, sent, pos)
        held = [e for e in ctx.entities_in(cs, pos, frozenset({Kind.MEETING, Kind.EVENT}))
                if re.fullmatch(r"[”\"]?", ctx.text[e.span.end:pos])]
        if held and re.search(r"(?:召开|举办|举行|组织)[^，,；;。]{0,4}$", ctx.text[cs:held[-1].span.start]):
            return held[-1].ref
        return None

    def provision(self, pos: int) -> Ref | None:
        """The articles of a policy named before (``出台《…若干措施》，…提出十二条具体举措``)."""
        ctx, sent = self.ctx, self.sent
        cs = clause_start(ctx, sent, pos)
        if not re.search(r"(?:提出|明确|包括|涵盖|设置|列出)了?(?:共)?$", ctx.text[cs:pos]) or not re.match(
                r"[\d一二两三四五六七八九十百]+(?:条|项)", ctx.text[pos:pos + 6]):
            return None
        policies = ctx.entities_in(sent.span.start, pos, frozenset({Kind.POLICY}))
        return policies[-1].ref if policies else None

    def indication(self, pos: int) -> Ref | None:
        """A geographical indication or trademark whose users are counted in the clause
        (``使用柳州螺蛳粉地理标志专用标志的企业达到136家``; ``该地理标志`` is the last one named)."""
        ctx, sent = self.ctx, self.sent
        cs = clause_start(ctx, sent, pos)
        clause = ctx.text[cs:pos]
        if not re.search(r"(?:使用|授权使用|用标)", clause):
            return None
        kinds = frozenset({Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK})
        named = ctx.entities_in(cs, pos, kinds)
        if named:
            return named[-1].ref
        if re.search(r"该(?:地理标志|商标)", clause):
            earlier = ctx.entities_in(self.paragraph_start, cs, kinds)
            return earlier[-1].ref if earlier else None
        return None

    def activity(self, pos: int) -> tuple[int, int, str] | None:
        """A campaign or check named without an inspection trigger, whose figures follow: ``开展特种设备安全
        隐患排查，检查使用单位3100余家`` (the sentence names it), ``商标执法方面，…查处…47件`` (a lead names
        it), or the campaign a report opens with when the clause reports enforcement (``查处``, ``罚没``…).
        Returns (start, end, name)."""
        ctx, sent = self.ctx, self.sent
        found = [m for m in ACTIVITY_RE.finditer(ctx.text, sent.span.start, pos)] \
            if ACTIVITY_WORDS_RE.search(ctx.text, sent.span.start, pos) else []
        if found:
            m = found[-1]
            g = "name" if m.group("name") else "since"
            group = max(ctx.text.rfind("；", sent.span.start, pos), ctx.text.rfind(";", sent.span.start, pos))
            if m.end(g) <= group and not ENFORCEMENT_WORDS.search(ctx.text, group, pos):
                return None  # 开展某打假行动；…全年新增某名牌18项: a later clause group doing no such work is not the campaign's
            start, name = campaign_span(m.start(g), m.group(g))
            return start, m.end(g), name
        lead = ACTIVITY_LEAD_RE.match(ctx.text, sent.span.start, pos)
        if lead:
            return lead.start("name"), lead.end("name"), lead.group("name")
        cs = clause_start(ctx, sent, pos)
        if not ENFORCEMENT_WORDS.search(ctx.text, cs, min(sent.span.end, pos + 12)):
            return None
        first = ctx.text.find("\n")
        opening = list(ACTIVITY_RE.finditer(ctx.text, 0, first if first != -1 else len(ctx.text)))
        if len(opening) == 1 and CAMPAIGN_WORDS.search(opening[0].group("name") or opening[0].group("since")):
            m = opening[0]
            g = "name" if m.group("name") else "since"
            start, name = campaign_span(m.start(g), m.group(g))
            return start, m.end(g), name
        return None

    def uncertain(self, pos: int) -> bool:
        """Something else the figure may be about is named in the sentence before it: a programme, an
        indication, a contest (大赛, 评选; ``other_contests.py``) or an activity (开展…专项行动/整治/排查) — the rules cannot tell, so the subject is inferred."""
        ctx, sent = self.ctx, self.sent
        named = [e for e in ctx.entities_in(sent.span.start, pos)
                 if e.kind.is_programme or e.kind in (Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK)]
        items = [e for e in named if e.kind in (Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK)]
        if items and re.fullmatch(r"(?:[、]?(?:" + "|".join(re.escape(e.span.text) for e in items) + r"))+等?",
                                  ctx.text[items[0].span.start:pos]):
            named = [e for e in named if e not in items]  # 封开油栗、杏花鸡2件地理标志证明商标: the counted items
        if named or names_other_contest(ctx, sent.span.start, pos):
            return True  # (在全省科技创新大赛中，获奖企业共计12家: the contest's count, perhaps the province's)
        return bool(re.search(r"(?:开展|实施|组织)[^，,；;。]{2,20}(?:行动|整治|排查|攻关|执法|检查)", ctx.text[sent.span.start:pos]))

    def names_home(self, pos: int) -> bool:
        """The clause says the figure is the document's own (全市, 我省 …)."""
        start = max(self.ctx.last_of("，,；;", self.sent.span.start, pos), self.sent.span.start)
        home = getattr(self.ctx.home, "name", None)
        return bool(own_place_re(self.ctx.lex).search(self.ctx.text, start, pos)) or any(
            e.kind is Kind.PLACE and e.name == home for e in self.ctx.entities_in(start, pos))

    def competitors(self, paragraph_start: int, pos: int) -> bool:
        """Places other than the document's are named in the paragraph before ``pos``."""
        home = getattr(self.ctx.home, "name", None)
        return any(e.kind is Kind.PLACE and e.name != home and dict(e.attributes).get("implicit") != "true"
                   and len(e.span.text) <= len(e.name) + 1  # not the span of a company naming a place
                   for e in self.ctx.entities_in(paragraph_start, pos))


TIER_RE = re.compile(r"(?:^|[，,；;：:])(?P<tier>省级|市级|县级|区级|[区县市][（(][^）)]{1,6}[)）]级)(?:完成|组织|开展)(?:抽检|抽查|监督抽检|监督抽查)")


PERFORMER_TIER_RE = re.compile(r"(?:^|[，,；;：:])(?:其中[，,]?)?(?P<lv>[省市县区])[^，,。；;的]{0,10}?(?:局|所|中心)完成的"
                               r"[^，,。；;]{0,12}?(?:抽检|抽查)中")


BREAKDOWN_LEAD = 6
"""At most this many characters before a breakdown word in its clause (其中, 全市共, 抽查): past them the word
is inside a phrase (…上门式”线下精准帮扶, 约谈电商平台经营户), not at the clause's head — unless the check's verb
follows the word (``某类产品生产领域抽查了…``, ``BREAKDOWN_CHECK_RE``): then it names the part of the check."""

BREAKDOWN_CHECK_RE = re.compile(r"(?:监督)?(?:抽查|抽检|抽样)")
COUNTED_WORD_RE = re.compile(r"[\d一二三四五六七八九十两](?:余|多)?[家个户]$")
"""A count right before a breakdown word (``抽查了30家大型企业的45批次``): the word is the counted noun —
what the clause's figures are of — not a word inside a phrase, however far into the clause it stands."""
OBJECT_FRAME_RE = re.compile(r"(?:的)?[\d一二三四五六七八九十两]|(?:的)?(?:产品|商品|食品)")
"""After ``对`` + a breakdown word, the checked things counted (``某局对流通领域12大类…产品组织实施了抽查``):
the check is of that part, and the clause's figures — its totals too — are that part's."""


@per_lexicon
def check_area_re(lex: Lexicon) -> re.Pattern[str]:
    """An area of ``check_areas.txt`` opening a clause or list item, the check word after it."""
    words = lex.alternation("check_areas.txt")
    return re.compile(r"(?:^|[，,；;：:、]|其中[，,]?)(?P<area>" + words + r")(?:共|共计|完成|开展)?(?=(?:监督)?(?:抽检|抽查))")


@per_lexicon
def _tier_labels(lex: Lexicon) -> dict[str, str]:
    """Tier abbreviation → the tier's breakdown (``check_tier_abbreviations.tsv``: 国抽 → 国家监督抽查…)."""
    return {r[0]: r[1] for r in lex.table("check_tier_abbreviations.tsv", columns=2)}


@per_lexicon
def _tier_item_re(lex: Lexicon) -> re.Pattern[str]:
    words = "|".join(re.escape(r[0]) for r in lex.table("check_tier_abbreviations.tsv", columns=2))
    return re.compile(r"(?:^|[，,；;：:、]|其中[，,]?)(?P<ab>" + words + r")(?:共|共计|完成|抽检|抽查)?$")


def breakdown_at(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> str | None:
    """The breakdown a figure belongs to: a breakdown word governing it, or 新增 / 有效 / 累计 in its
    measure or clause."""
    text = ctx.text[sent.span.start:pos]
    item = _tier_item_re(ctx.lex).search(text)
    if item is not None:  # 其中国抽120批次、省抽300批次: the tier of each item's count
        return _tier_labels(ctx.lex)[item.group("ab")]
    best, where, length = None, -1, 0
    for word, label in breakdown_words(ctx.lex):
        i = text.rfind(word)
        if i > where and not (where >= 0 and i + len(word) <= where + length):  # 小微企业 inside 中小微企业
            best, where, length = label, i, len(word)
    framed = where > 0 and text[where - 1] == "对" and OBJECT_FRAME_RE.match(ctx.text, sent.span.start + where + length) is not None
    if where > 0 and text[where - 1] != "、" and where - (max(text.rfind(c, 0, where) for c in "，,；;：:。") + 1) > BREAKDOWN_LEAD \
            and not BREAKDOWN_CHECK_RE.match(text, where + length) and not framed \
            and not COUNTED_WORD_RE.search(text, 0, where):
        best, where = None, -1  # 实施…式”线下精准帮扶，惠及150余家企业: a word inside a clause's phrase heads no breakdown
    area = list(check_area_re(ctx.lex).finditer(text))
    if area and area[-1].start("area") > where and not TOTAL_WORDS.search(text, area[-1].end()):
        return area[-1].group("area")  # 其中城区抽检700批次，合格率98.2%；农村抽检…: each area's part of the check
    side = trade_side(ctx, sent, pos) if where < 0 else None
    if side is not None:
        return side  # 抽查20家企业生产30批次…；抽查15家销售者销售25批次…: each side's part of the check
    from .parts import object_frame  # parts reads the scope's words; imported here against a cycle
    frame = object_frame(ctx, sent, pos)
    party = [m for m in _party_re(ctx.lex).finditer(ctx.text[sent.span.start:min(pos + 1, sent.span.end)])
             if m.start("party") > where]  # the count right after the party (生产企业106家) is its own
    nominal = [m for m in _nominal_party_re(ctx.lex).finditer(ctx.text[sent.span.start:min(pos + 3, sent.span.end)])
               if sent.span.start + m.end() <= pos]
    if nominal and ctx.text[sent.span.start + nominal[-1].end():pos] in ("", "共", "共计", "合计") \
            and nominal[-1].start() > where:
        return nominal[-1].group("party")  # 抽查到标称本市生产企业共11批次；…标称外省市生产企业共9批次: by stated maker
    if party and (frame is None or party[-1].start("party") > frame[0] - sent.span.start) \
            and not TOTAL_WORDS.search(text, party[-1].end()):
        return party[-1].group("party")  # 抽查生产企业106家180批次，…经销企业196家262批次: each party's part
    if frame is not None and frame[0] - sent.span.start >= where:
        return frame[1]
    tiers = list(TIER_RE.finditer(text))
    if tiers and tiers[-1].start("tier") > where and not TOTAL_WORDS.search(text, tiers[-1].end()):
        return tiers[-1].group("tier")  # 市级完成抽检3860批次…；区（市、县）级完成抽检8940批次: the tier of the check
    done = list(PERFORMER_TIER_RE.finditer(text))
    if done and done[-1].start() > where:  # 其中，市市场监管局完成的4068批次抽检中，…: the city tier's part
        return {"省": "省级", "市": "市级"}.get(done[-1].group("lv"), "县级")
    if best is not None and (framed or not TOTAL_WORDS.search(text, where + 1)):
        sub = re.match(r"[^（(）)]{1,8}[）)]", text[where:]) if where > 0 and text[where - 1] in "（(" else None
        outer = next((label for w, label in breakdown_words(ctx.lex) if text[:where - 1].endswith(w)), None) if sub else None
        if outer is not None:  # 流通领域（实体店）抽查960批次: the part of a part, in the text's words
            return f"{outer}（{sub.group()[:-1]}）"
        word = next(w for w, label in breakdown_words(ctx.lex) if label == best and text.startswith(w, where))
        if len(measure) > 2 and word not in measure and measure.endswith(word[-2:]) \
                and any(c in text[where:] for c in "，,；;"):
            return None  # 中型企业30家，小微企业500家: a peer of the earlier clause's part, not a part of it
        inner = re.match(r"[（(]([^（(）)]{1,8})[）)]", text[where + len(word):])
        if inner:  # 流通领域（电商）抽查300批次
            return f"{best}（{inner.group(1)}）"
        return best
    clause = ctx.text[max(sent.span.start, ctx.last_of("，,；;、", sent.span.start, pos)):pos]
    news = ctx.lex.words("new_count_verbs.txt")
    if measure.startswith(news) or any(v in clause for v in news if v not in ("新建", "新创建")) \
            or re.search(r"新获(?:核准|批准|认定|注册)", clause + measure):  # (新建 in a clause may build anything)
        return "新增"
    wide = ctx.text[max(sent.span.start, ctx.last_of("，,；;", sent.span.start, pos)):pos]
    verb = re.search(r"新增|新认定|新培育|新注册", wide)
    if verb and "、" in wide[verb.end():] and not re.search(r"累计|有效|总数|共计|合计", wide):
        return "新增"  # 新增主导制定国际标准2项、国家标准31项: the verb governs every item of the list
    if re.match(r"有效", measure) and "累计" in clause:
        return "累计"  # 累计有效地理标志商标600件: the measure says 有效 itself, the clause the running total
    if re.match(r"有效", measure) or re.search(r"有效(?:注册|商标|发明|专利|认证|证书)", clause):
        return "有效"
    if re.search(r"累计|已有", clause) or re.match(r"累计", measure):
        return "累计"  # 至此，累计有43个品牌获评…: the running total, told from the batch's count
    return None


@per_lexicon
def _party_re(lex: Lexicon) -> re.Pattern[str]:
    """A checked party heading a clause with its count (``，生产企业6家``, ``抽查经销企业196家``)."""
    words = lex.alternation("party_breakdowns.txt")
    return re.compile(r"(?:^|(?<=[，,；;：:])|(?<=抽查|抽检|抽取))(?P<party>" + words + r")(?=[\d一二三四五六七八九十两])")


@per_lexicon
def _nominal_party_re(lex: Lexicon) -> re.Pattern[str]:
    """A checked party named by where its products say they were made, counted right after
    (``抽查到标称本市生产企业共11批次``): the products of that stated maker are a part of the check."""
    words = lex.alternation("party_breakdowns.txt")
    return re.compile(r"(?P<party>标称[^，,；;：:。\d、]{1,8}?(?:" + words + r"))(?=(?:共计|合计|共)?[\d一二三四五六七八九十两])")


@per_lexicon
def _breakdowns_by_first(lex: Lexicon) -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`breakdown_words` by first character, in their order (an empty word, if any, in every entry
    and alone under ``""``): a text is only compared with the words that can open it."""
    empty = [r for r in breakdown_words(lex) if not r[0]]
    out: dict[str, list[tuple[str, str]]] = {}
    for r in breakdown_words(lex):
        if r[0]:
            out.setdefault(r[0][0], []).append(r)
    return {"": tuple(empty), **{ch: tuple(rs + empty) for ch, rs in out.items()}}


def _breakdowns_opening(lex: Lexicon, text: str) -> tuple[tuple[str, str], ...]:
    index = _breakdowns_by_first(lex)
    return index.get(text[:1], index[""])


def breakdown_label(lex: Lexicon, text: str) -> str | None:
    """The breakdown a word opening ``text`` names (小型企业产品… → 小型企业), else None."""
    return next((label for w, label in _breakdowns_opening(lex, text) if text.startswith(w)), None)


def breakdown_prefix(lex: Lexicon, text: str) -> int:
    """Length of a breakdown word opening ``text`` (生产领域抽查 → 4), else 0."""
    return next((len(w) for w, _ in _breakdowns_opening(lex, text) if text.startswith(w)), 0)


def breakdown_ends(lex: Lexicon, text: str) -> bool:
    """``text`` ends with a breakdown word (…大型企业)."""
    return any(text.endswith(w) for w, _ in breakdown_words(lex))


def paragraph_check(ctx: Ctx, sent: Sentence, trig_start: int) -> bool:
    """The check is the topic of its paragraph (``食品安全监督抽检方面，`` / ``计量专项检查中，``)."""
    head = re.match(r"[^，,。；;：:]{2,20}?(?:方面|中|工作中)[，,：:]", ctx.text[sent.span.start:sent.span.end])
    return bool(head) and trig_start < sent.span.start + head.end()


def respective_places(ctx: Ctx, names: list[tuple[int, int]]) -> list[Entity] | None:
    """The places of a ``保定市、石家庄市分别…`` list, or None when some item is no place."""
    out = []
    for s, e in names:
        ent = next((x for x in ctx.entities_in(s, e) if x.kind is Kind.PLACE and x.span.start == s and x.span.end == e), None)
        if ent is None:
            return None
        out.append(ent)
    return out


def opens_with_home(ctx: Ctx, start: int, pos: int) -> bool:
    """The clause at ``start`` opens with the document's own place word (我国 in a national report, 全市 …)."""
    word = ctx.text[start:start + 2]
    if word in ("我国", "全国"):
        return ctx.home is not None and ctx.home.level == "country"
    return own_place_re(ctx.lex).match(ctx.text, start, pos) is not None
