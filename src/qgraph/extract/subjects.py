"""Whose figure is it: the subject of one figure, read from the clause patterns around it.

The nearest subject named before a figure governs it — a check, the sentence's topic organisation,
a place or company at the head of a clause, a programme whose list is counted, the event of a
``…期间`` sentence — else the document's place, marked inferred when the paragraph names others.
A product category's pass rate inside a check takes the category.
"""

from __future__ import annotations

import re

from .patterns import compiled
from ..lexicon import Lexicon
from ..model import INSPECTION_KINDS, Kind, Observation, Ref, Sentence
from .context import Ctx
from .measures import _Segment, _unit_at, check_fields
from .numbers import NUMBER_RE
from .periods import clause_end, clause_start
from .parts import CHANGED_ITEMS_RE, SHARE_LIST_RE, check_of_part
from .indexes import own_place_re
from .indicators import own_indicator
from .scope import ACTIVITY_LEAD_RE, Scope, opens_with_home

PRODUCT_RATE_RE = re.compile(r"(?P<product>[^，,；;。：:\d]{2,12}?)(?:的|产品)?(?:抽查|抽检|检验)?不?合格率(?:为|达到|达|是)?$")
NOT_A_PRODUCT = re.compile(r"抽查|抽检|检验|检定|检测|总体|平均|综合|全市|全省|全县|全区|质量|监督|整体")


def _product_rate(ctx: Ctx, sent: Sentence, pos: int, measure: str, unit: str, subject: Ref | None,
                  prev: Observation | None) -> Ref | None:
    """``…抽查1850批次，合格率95.1%。其中电动自行车合格率为91.4%，儿童服装合格率为93.2%``: each product's
    pass rate is the product's, a part of the check (only after 其中, or right after another one)."""
    if unit != "Percent" or subject is None:
        return None
    cs = clause_start(ctx, sent, pos)
    m = PRODUCT_RATE_RE.search(ctx.text, cs, pos)
    if m is None:
        return None
    after_part = prev is not None and prev.subject is not None and prev.subject.kind is Kind.PRODUCT_CATEGORY \
        and prev.span.start >= sent.span.start
    if subject.kind not in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION) and not (
            after_part and subject.kind is Kind.PRODUCT_CATEGORY):
        # 电动自行车、儿童玩具等12种产品不合格率较高，其中电动自行车不合格率为18.4%: a product listed
        # before in the sentence, in a report of checks
        named = re.sub(r"^其中", "", m.group("product"))
        listed = compiled(re.escape(named) + r"[、等]").search(ctx.text[sent.span.start:cs])
        if not listed or not any(e.kind in INSPECTION_KINDS for e in ctx.entities if e.span.start < pos):
            return None
    lead = re.match(r"其中", m.group("product"))
    product = m.group("product")[lead.end() if lead else 0:]
    start = m.start("product") + (lead.end() if lead else 0)
    own = own_place_re(ctx.lex).match(product)
    if own and len(product) - own.end() >= 2:  # 我县食品产品合格率: the county's food products, named 食品
        product, start = product[own.end():], start + own.end()
    if re.match(r"产品", ctx.text[m.end("product"):]) and product[-1] in "农水畜林":
        product += "产品"  # 食用农产品合格率: 产品 is part of the name
    part_sentence = re.fullmatch(r"\s*其中[，,：:]", ctx.text[sent.span.start:cs])  # 其中，食用农产品合格率98.2%
    if not _a_product(ctx, product, start) or not (lead or after_part or part_sentence
                                                   or _sibling_rate(ctx, sent, pos)):
        return None
    return ctx.add(Kind.PRODUCT_CATEGORY, product, start, start + len(product)).ref


def listed_rate(ctx: Ctx, sent: Sentence, pos: int, subject: Ref | None) -> bool:
    """``…抽检合格率为98.7%，出口食品、农产品检验合格率100%``: a rate of several listed items in a clause after
    the check's own — the check's part, or another body's figure of its own: which cannot be told."""
    if subject is None or subject.kind not in INSPECTION_KINDS:
        return False
    cs = clause_start(ctx, sent, pos)
    m = PRODUCT_RATE_RE.search(ctx.text, cs, pos)
    return m is not None and "、" in m.group("product") and not re.match(r"其中", m.group("product")) \
        and not any(e.ref == subject and e.span.start >= cs for e in ctx.entities_in(cs, pos))


SIBLING_RATE_RE = re.compile(r"[，,]\s*(?P<product>[^，,；;。：:\d]{2,12}?)(?:的|产品)?(?:抽查|抽检|检验)?不?合格率"
                             r"(?:为|达到|达|是)?\d")
NOT_A_CATEGORY = re.compile(r"领域|环节|行业|企业|单位|批次|样品|[市县区镇省州乡村]$")


def _a_product(ctx: Ctx, name: str, start: int) -> bool:
    """``name`` before a pass rate may be a product category: not a check, a total, a place, a field
    (生产领域, 食品安全), a kind of firm or a list of several (出口食品、农产品: whose rate it is cannot be
    told; a category whose name holds 、, 食用油、油脂及其制品 of ``food_categories.txt``, is one)."""
    return len(name) >= 2 and not NOT_A_PRODUCT.search(name) and not NOT_A_CATEGORY.search(name) \
        and ("、" not in name or name in ctx.lex.food_categories) and not name.endswith(check_fields(ctx.lex)) \
        and name not in ctx.lex.place_names \
        and not any(e.kind is Kind.PLACE for e in ctx.entities_in(start, start + len(name)))


def _sibling_rate(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """``抽查结果显示，电线电缆合格率为95.0%，电动自行车合格率为92.5%``: the next clause of the sentence
    gives another product's pass rate — the figures are the parts of a list of categories, each its own."""
    stop = clause_end(ctx, sent, pos)
    m = SIBLING_RATE_RE.match(ctx.text, stop, sent.span.end)
    return m is not None and _a_product(ctx, m.group("product"), m.start("product"))


def _programme_paragraph(ctx: Ctx, scope: Scope, sent: Sentence, pos: int) -> bool:
    """An earlier sentence of the paragraph names a programme or a company: a figure the rules would
    give the document's place may be the list's or the firm's — it cannot be told."""
    return any(e.kind.is_programme or e.kind is Kind.ENTERPRISE
               for e in ctx.entities_in(scope.paragraph_start, sent.span.start))


def _programme_in_clause(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """A programme of the document named by its core (its name without a leading place) in the
    figure's clause: ``…质量标杆企业87家`` counts 山西省质量标杆's items."""
    clause = ctx.text[clause_start(ctx, sent, pos):pos]
    if re.search(r"拥有|现有", clause):
        return None  # 合肥市现有…质量奖获奖组织17家: a stock the place holds, the place's figure
    clause = clause[clause.rfind("、") + 1:]  # the figure's own item of a list
    best: tuple[int, Ref] | None = None
    for e in ctx.entities:
        if not e.kind.is_programme:
            continue
        written = (e.span.text,) if e.span.text[:1] in "省市县区" and e.span.text != e.name else ()
        for core in (_core(ctx, e.name), *written):  # as written too: 省政府质量奖 of 某省人民政府质量奖
            at = clause.find(core)
            if len(core) >= 3 and at != -1 and not clause[:at].endswith(_generic_leads(ctx.lex)) \
                    and (best is None or len(core) > best[0]):
                best = (len(core), e.ref)  # the longest: 省政府质量管理创新奖, not a city's 质量管理创新奖
                # (县级以上政府质量奖组织: a class of programmes, none of them)
    return best[1] if best else None


def _core(ctx: Ctx, name: str) -> str:
    """A programme's name without a leading place."""
    for length in range(min(8, len(name) - 2), 1, -1):
        if name[:length] in ctx.lex.place_names:
            return name[length:]
    return name


def _generic_leads(lex: Lexicon) -> tuple[str, ...]:
    return lex.words("generic_programme_leads.txt", longest_first=True)


ENFORCEMENT_RESULT_RE = re.compile(r"立案|查处|罚没|移送公安|核查处置|责令整改")
FAILURES_LEAD_RE = re.compile(r"(?:针对|对)[^，,；;。]{0,12}不合格(?:食用农产品|农产品|食品|产品|商品|企业)?")
FOLLOW_UP_UNSURE = Ref(Kind.INSPECTION, "")
"""A follow-up of failures in a report of several checks: whose it is cannot be told."""


def _follow_up(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """``针对不合格食品，全市立案查处82件，罚没款46.7万元``: the follow-up of a check's failures is the
    check's when the report names one; with several, which one cannot be told (:data:`FOLLOW_UP_UNSURE`).
    General enforcement with no failures named stays the place's."""
    lead = FAILURES_LEAD_RE.search(ctx.text, sent.span.start, pos)
    if lead is None or not ENFORCEMENT_RESULT_RE.search(ctx.text, lead.end(), pos):
        return None
    named = [e for e in ctx.entities if e.kind in (Kind.INSPECTION, Kind.PRODUCT_SPOT_CHECK) and e.span.start < pos]
    checks = {e.ref for e in named}
    if len(checks) > 1:  # 对抽查发现的不合格产品: the report's 抽查 (不合格食品 may be any food check's: unsure)
        words = [w for w in ("抽查", "抽检") if w in ctx.text[lead.start():lead.end()]]
        fits = [e for e in named if any(w in e.name for w in words)]
        return fits[0].ref if fits else FOLLOW_UP_UNSURE
    return checks.pop() if checks else None


def _check_object(ctx: Ctx, seg: _Segment, sent: Sentence, pos: int) -> Ref | None:
    """``对…等6大类68种产品开展省级监督抽查`` / ``组织开展了…等6类产品的质量监督抽查``: counts in the object
    of a check named right after them (in the same clause) are the check's."""
    cs = clause_start(ctx, sent, pos)
    stop = clause_end(ctx, sent, pos, seg.end)
    after = [c for c in seg.checks if pos < c.span.start < stop]
    if after and OBJECT_LEAD_RE.search(ctx.text, cs, pos) \
            and re.fullmatch(r"[^，,；;。\d]{0,10}", ctx.text[_number_end(ctx, pos):after[0].span.start]):
        return after[0].ref  # 组织开展了甲、乙等6类产品的质量监督抽查: the counts of what the check covers
    if "对" not in ctx.text[cs:pos]:
        return None
    if after and re.search(r"(?:开展|进行|实施|组织)[^，,；;。]{0,6}$", ctx.text[pos:after[0].span.start]):
        return after[0].ref
    return None


OBJECT_LEAD_RE = re.compile(r"(?:开展|实施|组织)了?[^，,；;。\d]*$")


FAILED_ITEMS_RE = re.compile(r"不合格项目")
CHECK_WORD_RE = re.compile(r"抽查|抽检")
TOPIC_AFTER_RE = re.compile(r"方面[，,：:]")
"""Right after a name heading its sentence (``某产业链方面，…``): the name is the topic of the whole sentence."""
DURING_RE = re.compile(r"(?:据了解，)?[“\"]?([^，,；;。“”\"]{2,12}?)[”\"]?期间[，,]")
AMONG_LISTED_RE = re.compile(r"(?:入选|获评|获证|上榜)[^，,；;。\d]{0,6}中[，,]")


def _among_listed(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """``本批入选品牌中，企业品牌4个、区域公用品牌5个``: the sections of a list, counted — the figures of
    the programme the report last named."""
    if not AMONG_LISTED_RE.search(ctx.text, sent.span.start, pos):
        return None
    named = [e for e in ctx.entities if e.kind.is_programme and e.span.start < pos]
    return max(named, key=lambda e: e.span.start).ref if named else None


ORGS_COUNTED_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:家|个|户|所)(?:企业|单位|公司|组织|机构|集体)")


def item_organisation(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """The organisation written alone right before the number at ``pos``, as an item of a list
    (``其中甲公司4项、乙公司3项``): the figure is its own."""
    start = max(clause_start(ctx, sent, pos), ctx.text.rfind("、", sent.span.start, pos) + 1)
    start += 2 if ctx.text.startswith("其中", start) else 0
    if ORGS_COUNTED_RE.match(ctx.text, pos):
        return None  # 授予甲公司、乙公司、丙公司3家企业…: the size of the list the firm ends, no figure of its own
    found = [e for e in ctx.entities_in(start, pos) if e.kind.is_organization and e.span.start == start and e.span.end == pos]
    return found[0].ref if found else None


def _place_item(ctx: Ctx, sent: Sentence, pos: int, measure: str, generic: str) -> bool:
    """The number at ``pos`` follows a place alone (``其中长春市14个、吉林市7个``): the measure read is
    the place's name or the unit's generic name, so the measure is that of the figure before."""
    item = ctx.text[max(clause_start(ctx, sent, pos), ctx.text.rfind("、", sent.span.start, pos) + 1):pos]
    item = re.sub(r"^其中", "", item)
    places = [e for e in ctx.entities_in(pos - len(item), pos) if (e.kind is Kind.PLACE or e.kind.is_organization)
              and e.span.end == pos]  # 其中甲公司4项、乙公司3项: a firm alone, too
    return bool(places) and (measure == generic or measure == places[0].name or measure in places[0].name
                             or measure == places[0].span.text)


def _number_end(ctx: Ctx, pos: int) -> int:
    m = NUMBER_RE.match(ctx.text, pos)
    end = m.end() if m else pos
    unit = _unit_at(ctx, end)
    return end + (len(unit.word) if unit else 0)


def _subject(ctx: Ctx, seg: _Segment, sent: Sentence, scope: Scope, pos: int, place, named: Ref | None
             ) -> tuple[Ref | None, str]:
    """The subject of the figure at ``pos`` and how it was found (named / carried / document / inferred):
    the nearest subject named before it — a check, the sentence's topic organisation, a place or
    company at the head of a clause — else the document's place."""
    if named is not None:
        return named, "named"
    if CHANGED_ITEMS_RE.match(ctx.text, _number_end(ctx, pos)):
        # 餐饮食品、酒类等25大类食品抽检不合格率有所降低: how many items moved, no figure of a subject
        return (Ref(Kind.PLACE, ctx.home.name) if ctx.home else None), "inferred"
    programme = (scope.programme(pos, _number_end(ctx, pos)) or scope.indication(pos) or scope.provider(pos)
                 or scope.gathering(pos) or scope.provision(pos))
    if programme is not None:
        return programme, "named"
    target = _check_object(ctx, seg, sent, pos)
    if target is not None:
        return target, "named"
    part_of = check_of_part(ctx, sent, pos)
    if part_of is not None:  # 对…经销企业的…产品抽查中: a part of the check named before
        return part_of, "carried"
    best: tuple[int, Ref, str] | None = None
    insp = seg.check_before(pos)
    if insp is not None and own_indicator(ctx, sent, insp, pos):
        insp = None  # …抽检合格率达97%，竣工验收工程质量一次性合格率达100%: the second rate is no part of the check
    if insp is not None and insp.span.start < pos:
        best = (insp.span.start, insp.ref, "named" if insp.span.start >= sent.span.start else "carried")
    topic = seg.topic
    if topic is not None and any(topic.span.start < r < pos for r in scope.resets):
        topic = None  # 甲公司入选…，全市新增…: the clause speaks of the document's place again
    if topic is not None and (best is None or (insp is not None and insp.kind is Kind.TESTING_SERVICE
                                               and insp.span.start >= sent.span.start)):
        best = (topic.span.start, topic.ref, "named")  # 某检测院为…提供检测服务2100余批次: the institute's
    act = scope.activity(pos)
    if act is not None and (best is None or act[0] > best[0] or best[1].kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY)
                            or (insp is not None and act[0] <= insp.span.start < act[1])):  # 民用“三表”专项检查: the whole name
        kind = Kind.ENFORCEMENT if re.search(r"执法|打假|整治|稽查|查处", act[2]) else Kind.INSPECTION
        ref = Ref(kind, act[2])
        if not any(e.ref == ref for e in ctx.entities_in(act[0], act[1])):
            ctx.add(kind, act[2], act[0], act[1], place=ctx.home.name if ctx.home else None)
        best = (act[0], ref, "named" if act[0] >= sent.span.start else "carried")
    topical = best is not None and (best[2] == "carried" or (act is not None and best[0] == act[0]
                                                             and ACTIVITY_LEAD_RE.match(ctx.text, sent.span.start)))
    head = scope.subject_at(pos)
    if head is not None and head.kind is Kind.INDUSTRY_CHAIN and head.span.start < clause_start(ctx, sent, pos) \
            and not TOPIC_AFTER_RE.match(ctx.text, head.span.end):
        head = None  # 某产业链入选…项目，另确定十个市级项目: a chain owns only its own clause's figures
        # (a chain heading its sentence as its topic, 某产业链方面，…, owns the sentence's figures)
    if head is not None and (best is None or head.span.start > best[0]) and not (topical and head.kind is not Kind.PLACE):
        # a place or company heading the clause; an organisation does not displace the paragraph's check
        same_clause = clause_start(ctx, sent, pos) <= head.span.start
        best = (head.span.start, head.ref, "named" if same_clause else "carried")
    if best is not None and best[1].kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY):
        # 市市场监管局开展…，检查门店460余家: a bureau acts for its place, or for a campaign the rules may
        # not know — whose figure it is cannot be told
        return (Ref(Kind.PLACE, ctx.home.name) if ctx.home else best[1]), "inferred"
    if best is not None and insp is not None and best[1] == insp.ref and insp.kind is Kind.ENFORCEMENT \
            and insp.span.text != insp.name and ctx.home is not None:
        # 检查特种设备使用单位三百余家，立案查处…: enforcement with no campaign named (the check's name is
        # only the rules' default) — general enforcement, the place's or a campaign's: it cannot be told
        return Ref(Kind.PLACE, ctx.home.name), "inferred"
    if best is not None:
        return best[1], best[2]
    cs = clause_start(ctx, sent, pos)
    if any(e.kind in (Kind.DEPARTMENT, Kind.GOVERNMENT_BODY) and e.span.start <= cs + 2
           for e in ctx.entities_in(cs, pos)) and ctx.home is not None:
        # …；市工商局查处…案件412件: a bureau heading the clause acts for its place or for a campaign the
        # rules may not know — whose figure it is cannot be told
        return Ref(Kind.PLACE, ctx.home.name), "inferred"
    local = scope.local_place(pos)
    if local is not None:
        return local, "carried"  # 东西湖区建成…。今年以来，全区…: the district's
    if place is not None and (not ctx.plausible(place) or (place.level == "county" and not ctx._near(place)
                                                            and place.name not in ctx.text[clause_start(ctx, sent, pos):pos])):
        place = None  # 新建… is no 新建区 in a report from elsewhere (a district's short name far from home)
    where = place or ctx.home
    if place is not None and place is not ctx.home:
        listed = _programme_in_clause(ctx, sent, pos)
        if listed is not None and listed.name.startswith(place.name):
            return listed, "carried"  # 新培育陕西省质量标杆企业两家: the place names the programme, not the figure
    if where is ctx.home:
        during = DURING_RE.match(ctx.text, sent.span.start)
        if during and during.end() <= pos and not re.fullmatch(r"十[一二三四五]五", during.group(1)):
            # 质量月期间，全市…活动40余项: the event's, if the report names it (十三五期间 is a span of years)
            event = next((e for e in ctx.entities if e.kind in (Kind.EVENT, Kind.MEETING) and e.name == during.group(1)), None) \
                or next((e for e in ctx.entities if e.kind is Kind.EVENT and e.name.startswith(during.group(1))), None)
            return (event.ref, "carried") if event else (Ref(Kind.PLACE, where.name), "inferred")
        listed = _programme_in_clause(ctx, sent, pos) or _among_listed(ctx, sent, pos)
        if listed is not None:  # 全省累计培育省级质量标杆企业87家: the list's count, the programme's figure
            return listed, "carried"
    if where is None:
        return None, "inferred"
    if where is ctx.home and (share := SHARE_LIST_RE.search(ctx.text, sent.span.start, pos)):
        # 从不合格项目看，各类问题占不合格样品总量为：农药残留超标42.98%，…: the failures of the report's check,
        # by problem — when the sentence says so and the report has a check; else the place is a guess
        report = next((e for e in ctx.entities if e.kind in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION)
                       and e.span.start < pos), None)
        if report is not None and FAILED_ITEMS_RE.search(ctx.text, sent.span.start, share.end()):
            return report.ref, "carried"
        return Ref(Kind.PLACE, where.name), "inferred"
    check = _follow_up(ctx, sent, pos)
    if check is FOLLOW_UP_UNSURE:
        return Ref(Kind.PLACE, where.name), "inferred"
    if check is not None:
        return check, "carried"
    if where is ctx.home and CHECK_WORD_RE.search(ctx.text, clause_start(ctx, sent, pos), pos):
        report = next((e for e in ctx.entities if e.kind in (Kind.PRODUCT_SPOT_CHECK, Kind.INSPECTION)
                       and e.span.start < pos), None)
        if report is not None:  # 从企业规模看，抽查大、中、小型企业数分别占…: the report's check, by a part
            return report.ref, "carried"
    if scope.names_home(pos) or where is not ctx.home:
        return Ref(Kind.PLACE, where.name), "named"
    if ctx.text[(cs := clause_start(ctx, sent, pos)):cs + 2] in ("我国", "全国") and opens_with_home(ctx, cs, pos):
        return Ref(Kind.PLACE, where.name), "named"  # 我国制造业产品质量合格率… in a national report: the country's
    marker = list(own_place_re(ctx.lex).finditer(ctx.text, sent.span.start, pos))
    if marker and where is ctx.home and not ctx.entities_in(marker[-1].end(), pos) \
            and not re.match(r"其中|各", ctx.text[clause_start(ctx, sent, pos):pos]):
        from .certainty import own_word  # (certainty reads the subjects: imported at call time)
        if not any(own_word(ctx.lex, m.group(), where) for m in marker):
            return Ref(Kind.PLACE, where.name), "inferred"  # 全省…获奖企业12家 in a city's report: not the city's
        return Ref(Kind.PLACE, where.name), "carried"  # 全市共有…41家、…398家，…重点实验室12个: the sentence's 全市
    if scope.competitors(scope.paragraph_start, pos) or scope.uncertain(pos) or _programme_paragraph(ctx, scope, sent, pos):
        return Ref(Kind.PLACE, where.name), "inferred"
    return Ref(Kind.PLACE, where.name), "document"
