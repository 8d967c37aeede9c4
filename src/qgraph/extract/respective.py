"""Figures listed against their names with 分别 (``国际、国家标准分别为150项、6200项``): which number is
whose — each place's, each category's, or each breakdown's — read only when the items, the count
written after 等 and the numbers agree."""

from __future__ import annotations

import re

from ..model import Kind, Ref, Sentence
from .context import Ctx
from .food_categories import split_list
from .numbers import small_count
from .orgs import list_items
from .scan import Scan
from .scope import breakdown_at, breakdown_label, breakdown_words, respective_places

RESPECTIVE_RE = re.compile(
    r"(?P<names>(?:[^，,。；;：:\d]|等[\d一二三四五六七八九十两]+\s?大?[类种]|[（(]第?\d+[类项号][）)]){2,40}?)(?:数量)?分别(?:为|是|达到|达|占|建成|新增|完成|有|获得|拥有)(?P<values>[^，,。；;]{2,80})"
)


RESPECTIVE_SCAN = Scan(RESPECTIVE_RE, "分别", "，,。；;：:")


def _respective(ctx: Ctx, sent: Sentence) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``国际、国家标准分别为150项、6200项`` → 150 is 国际标准, 6200 is 国家标准; number start →
    (measure, subject, breakdown). Places listed take their own figures (``其中保定市、石家庄市分别建成
    21个、19个``); product categories take their own pass rates (``化工产品、陶瓷砖的合格率分别为…``). A
    second 分别 of the sentence naming only a measure (``…，批次合格率分别为96.6%、98%、96.2%``) pairs its
    numbers with the items of the first, in order, when the counts agree."""
    if "分别" not in sent.span.text:
        return {}  # (every pattern below holds 分别)
    out: dict[int, tuple[str | None, Ref | None, str | None]] = _rates_after_list(ctx, sent)
    before: list[int] = []
    out.update(_paired_places(ctx, sent))
    out.update(_organisations_respectively(ctx, sent))
    for m in RESPECTIVE_SCAN.finditer(sent.span.text):
        base = sent.span.start + m.start("names")
        lead = re.match(r"(?:其中|此外|而|以及)", m.group("names"))
        if lead:
            base += lead.end()
        spans = list_items(ctx, base, sent.span.start + m.end("names"))
        if lead:  # 其中保定市、石家庄市: the first item starts right after 其中
            spans[0] = (base, spans[0][1])
        whole = [e for e in ctx.entities_in(base, spans[0][1]) if e.span.end == spans[0][1] and e.kind is Kind.PLACE]
        if whole and spans[0][0] > whole[0].span.start:  # 柳州市、桂林市分别为…: the first place whole
            spans[0] = (whole[0].span.start, spans[0][1])
        starts = [sent.span.start + m.start("values") + v.start()
                  for v in re.finditer(r"\d+(?:\.\d+)?", m.group("values"))]
        if _values_joined(ctx, m.group("values")):  # 甲、乙和丙…分别为a、b和c: 乙和丙 is two items
            spans = _split_joined_last(ctx, spans, len(starts))
        names = [ctx.text[s:e] for s, e in spans]
        last = [out[s] for s in before] if len(before) >= 2 and all(s in out for s in before) else None
        before = starts
        elided = _elided_breakdowns(ctx, names, len(starts))
        if elided is not None:  # 大、中、小型企业的…合格率 / 中小型企业的…检出率分别为…: each size's part
            labels, rest = elided
            for label, start in zip(labels, starts):
                out[start] = (label + rest, None, label)
            continue
        if len(names) < 2 and last is not None and len(starts) == len(last) and 2 <= len(m.group("names").strip()) <= 8:
            for start, (_measure, subject, part) in zip(starts, last):  # 大、中、小型企业数分别占…，批次合格率分别为…
                out[start] = (m.group("names").strip(), subject, part)  # the same items, in the same order
            continue
        rate = re.fullmatch(r"(?:监督)?(?:抽查|抽检)?(?P<rate>不?合格率)", m.group("names"))
        if rate is not None:  # 对甲、乙两类产品开展专项抽查，合格率分别为…: the categories of the clause before
            pos = sent.span.start + m.start("names")
            out.update(_checked_categories(ctx, sent, pos, rate.group("rate"), starts)
                       or _comma_categories(ctx, sent, pos, rate.group("rate"), starts)
                       or _clause_breakdowns(ctx, sent, pos, rate.group("rate"), starts)
                       or _clause_items(ctx, sent, pos, rate.group("rate"), starts))
            continue
        if len(names) < 2 or len(names) != len(starts) or not all(names):
            continue
        counted = _counted_categories(ctx, names, spans, starts)
        if counted is not None:  # 粮食加工品、肉制品等2大类食品抽检不合格率分别为…: each category's own rate
            out.update(counted)
            continue
        places = respective_places(ctx, spans)
        if places is not None:
            for place, start in zip(places, starts):
                out[start] = (None, place.ref, None)
            continue
        shared_places = _places_sharing_a_measure(ctx, spans)
        if shared_places is not None:  # 甲市、乙县有效注册商标分别达到…: each place's, of the measure after the last
            places, shared = shared_places
            whole = re.match(r"(?:数量)?分别占(?P<whole>[\u4e00-\u9fff]{0,6}?)的?(?=\d)", sent.span.text[m.end("names"):])
            if whole is not None:  # 甲区、乙区有效注册商标分别占全市的23%、19%: their shares, not their stocks
                shared = f"{shared}占{whole.group('whole')}比重"
            for place, start in zip(places, starts):
                out[start] = (shared, place.ref, None)
            continue
        kinds = _kinds_listed(names, m.group("values"))
        if kinds is not None:  # 甲、乙、丙等行业分别新增注册商标…: each kind's part; the measure is read after 分别
            places = respective_places(ctx, [(s0, s0 + len(k)) for k, (s0, _e0) in zip(kinds, spans)])
            for i, (item, start) in enumerate(zip(kinds, starts)):
                out[start] = (None, places[i].ref, None) if places else (None, None, item)  # 甲区、乙区等地: each place's
            continue
        items = list(names)
        if "的" in names[-1]:  # 化工产品、建筑用钢材、陶瓷砖的合格率: each category's 合格率
            last, _, measure = names[-1].rpartition("的")
            items = names[:-1] + [last]
            names = [n + measure for n in names[:-1]] + [last + measure]
        k = len(names[0])  # 国际、国家标准 / 种植业、养殖业产品合格率: the last item carries the shared head
        shared = names[-1][k:] if all(len(n) == k for n in names[:-1]) and len(names[-1]) > k else ""
        rate = re.search(r"(?:的)?(?:抽查|抽检|检验)?不?合格率$", names[-1])
        if rate and not any("合格率" in n for n in names[:-1]) and rate.start() >= 2 \
                and breakdown_label(ctx.lex, names[0] + shared) is None:
            shared, k = rate.group(), rate.start()  # 蔬菜、水产品合格率: the rate is the shared head, whatever the lengths
        if shared and any(n.endswith(shared[-2:]) for n in names[:-1]):
            shared = ""  # 工业产品合格率、药品抽检合格率: every item is whole
        if shared and "的" not in m.group("names"):
            items[-1] = names[-1][:k]
        for name, item, (s0, _e0), start in zip(names, items, spans, starts):
            full = name + shared if name == item and shared else name
            label = breakdown_label(ctx.lex, item + shared) if shared else None
            if label is not None:  # 大型、中型、小型企业产品抽查不合格率: parts of the check, no subjects
                out[start] = (full, None, label)
                continue
            subject = None
            if full.endswith("合格率") and breakdown_at(ctx, sent, s0 + len(item), "") is None and len(item) >= 2:
                subject = ctx.add(Kind.PRODUCT_CATEGORY, item, s0, s0 + len(item)).ref
            out[start] = (full, subject, item)
    return out


def _clause_items(ctx: Ctx, sent: Sentence, pos: int, rate: str,
                  starts: list[int]) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``抽查电线电缆60批次，抽查电动自行车40批次，合格率分别为95%和90%``: the clauses before the rates each
    check one product category; as many distinct ones as rates: each rate is its category's. Else nothing."""
    from .figures import checked_item  # figures imports this module
    found: list[tuple[int, int, str]] = []
    at = sent.span.start
    for clause in re.split(r"([，,；;])", ctx.text[sent.span.start:pos]):
        if clause in "，,；;":
            at += len(clause)
            continue
        num = re.search(r"\d+(?:\.\d+)?个?批次$", clause)
        item = checked_item(ctx, at, at + num.start()) if num else None
        if item is not None and item not in [f[2] for f in found]:
            s0 = ctx.text.rfind(item, at, at + num.start())
            found.append((s0, s0 + len(item), item))
        at += len(clause)
    if len(found) < 2 or len(found) != len(starts):
        return {}
    return {start: (item + rate, ctx.add(Kind.PRODUCT_CATEGORY, item, s0, e0).ref, item)
            for (s0, e0, item), start in zip(found, starts)}


def _clause_breakdowns(ctx: Ctx, sent: Sentence, pos: int, rate: str,
                       starts: list[int]) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``生产领域抽查…，流通领域抽查…，合格率分别为96.2%和94.7%``: the clauses before the rates each name one
    breakdown of ``breakdowns.tsv`` (生产领域, 流通环节 …); when they name as many distinct ones as there are
    rates, each rate is its clause's part, in order. Else nothing."""
    labels: list[str] = []
    words = breakdown_words(ctx.lex)
    for clause in re.split(r"[，,；;]", ctx.text[sent.span.start:pos]):
        found = min(((clause.find(w), lab) for w, lab in words if w in clause), default=None)
        if found is not None and found[1] not in labels:
            labels.append(found[1])
    if len(labels) < 2 or len(labels) != len(starts):
        return {}
    return {start: (rate, None, label) for start, label in zip(starts, labels)}


def _elided_breakdowns(ctx: Ctx, names: list[str], count: int) -> tuple[list[str], str] | None:
    """Breakdown words written once for several heads: ``大、中、小型企业的合格率`` (heads listed with 、, the
    last one whole) or ``中小型企业的检出率`` (single-character heads run together) → the breakdowns
    (大型企业, 中型企业, 小型企业) and the measure after them, when every head with the shared tail is a
    word of ``breakdowns.tsv`` and the heads count as many as the figures; else None."""
    words = breakdown_words(ctx.lex)
    label = {w: lab for w, lab in words}
    last = names[-1]
    if len(names) >= 2:
        k = len(names[0])
        for w, lab in words:
            tail = w[k:]
            if not last.startswith(w) or len(tail) < 2 or any(len(h) != k for h in names[:-1]) \
                    or any(h + tail not in label for h in names[:-1]) or len(names) != count:
                continue
            return [label[h + tail] for h in names[:-1]] + [lab], last[len(w):].lstrip("的")
        return None
    for w, _lab in words:
        tail = w[1:]
        j = last.find(tail)
        heads = last[:j] if j >= 2 else ""
        if len(tail) < 2 or len(heads) != count or any(h + tail not in label for h in heads):
            continue
        return [label[h + tail] for h in heads], last[j + len(tail):].lstrip("的")
    return None


KIND_TAIL_RE = re.compile(r"等(?P<head>[\u4e00-\u9fff]{1,3})$")
ASIDE_RE = re.compile(r"[（(]第?\d+[类项号][）)]$")


def _kinds_listed(names: list[str], values: str) -> list[str] | None:
    """``广告推销（第35类）、餐饮住宿（第43类）、科学技术服务（第42类）等行业分别新增注册商标1860件、970件、415件``:
    kinds closed by 等 and their head noun (no count), the measure written after 分别 with the first figure;
    each kind is its figure's breakdown, its class number in brackets dropped. None for any other list."""
    tail = KIND_TAIL_RE.search(names[-1])
    if tail is None or not re.match(r"[\u4e00-\u9fff]{2,}", values):
        return None
    kinds = [ASIDE_RE.sub("", n) for n in [*names[:-1], names[-1][:tail.start()]]]
    if any(len(k) < 2 or re.search(r"[\d（()）]", k) for k in kinds):
        return None
    return kinds


def _values_joined(ctx: Ctx, values: str) -> bool:
    """The last two figures of ``values`` are joined by a word of ``list_joiners.txt`` (``99.2%和94.7%``)."""
    joiners = ctx.lex.words("list_joiners.txt", longest_first=True)
    numbers = list(re.finditer(r"\d+(?:\.\d+)?", values))
    gap = values[numbers[-2].end():numbers[-1].start()] if len(numbers) >= 2 else ""
    return any(re.fullmatch(r"[^\d、，,；;]{0,3}?" + re.escape(j), gap) for j in joiners)


def _split_joined_last(ctx: Ctx, spans: list[tuple[int, int]], count: int) -> list[tuple[int, int]]:
    """``蔬菜、水果、畜禽产品和水产品合格率分别为96.1%、95.2%、98.4%和93.6%``, ``甲、乙和丙等3类``: the last name
    holds two items joined by a word of ``list_joiners.txt`` when what they are read against (the figures,
    joined the same way; the count after 等) counts one more than the names; the spans with that name split,
    else unchanged (饮料及其制品 and place names stay; so does 家具及木制品 before 等, name_internal_joiners.txt)."""
    if len(spans) + 1 != count or not spans:
        return spans
    joiners = ctx.lex.words("list_joiners.txt", longest_first=True)
    s, e = spans[-1]
    name = ctx.text[s:e]
    cuts = [(i, len(j)) for j in joiners for i in range(2, len(name) - 1) if name.startswith(j, i)]
    if len(cuts) != 1:
        return spans
    i, n = cuts[0]
    if name[i + n] in "其相" or any(x.span.start < s + i < x.span.end for x in ctx.entities_in(s, e)):
        return spans  # 饮料及其制品, 调味品及相关产品; 和 inside a name (和平区)
    if ctx.text.startswith("等", e) and name[i:i + n] in ctx.lex.words("name_internal_joiners.txt"):
        return spans  # 甲、家具及木制品等3类: one name, or 等 stands for a third not named — cannot tell
    return [*spans[:-1], (s, s + i), (s + i + n, e)]


def _places_sharing_a_measure(ctx: Ctx, spans: list[tuple[int, int]]):
    """``甲市、乙县有效注册商标``: every item a place, the last one followed by the measure they share;
    (places, measure) or None."""
    last_s, last_e = spans[-1]
    ent = next((e for e in ctx.entities_in(last_s, last_e) if e.kind is Kind.PLACE and e.span.start == last_s), None)
    if ent is None or last_e - ent.span.end < 2:
        return None
    shared = ctx.text[ent.span.end:last_e]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", shared) or shared.startswith(("的", "和", "及", "等")):
        return None
    places = respective_places(ctx, [*spans[:-1], (last_s, ent.span.end)])
    return (places, shared) if places is not None else None


COUNTED_RE = re.compile(r"等[\d一二三四五六七八九十两]+\s?大?[类种]")
COUNTED_TAIL_RE = re.compile(r"等(?P<n>[\d一二三四五六七八九十两]+)\s?大?[类种][^、]*?(?P<rate>不?合格率)$")


def _counted_categories(ctx: Ctx, names: list[str], spans: list[tuple[int, int]], starts: list[int]
                        ) -> dict[int, tuple[str | None, Ref | None, str | None]] | None:
    """``甲、乙、丙等3大类食品…不合格率分别为…``: a list of categories closed by 等N类 and a pass rate; each
    category takes its own rate — only when the count after 等 agrees with the items listed."""
    if not any(COUNTED_RE.search(n) for n in names):
        return None
    tail = COUNTED_TAIL_RE.search(names[-1])
    if tail is None:
        return {}  # 甲、乙等3类产品数量分别…: not a list of categories' rates, read no figure of it
    n = tail.group("n")
    count = small_count(n)
    items = names[:-1] + [names[-1][:tail.start()]]
    if count != len(items) or any(len(i) < 2 or "合格率" in i or COUNTED_RE.search(i) for i in items):
        return {}  # the count after 等 disagrees with the items listed: which rate is whose cannot be told
    out: dict[int, tuple[str | None, Ref | None, str | None]] = {}
    for item, (s0, _e0), start in zip(items, spans, starts):
        cat = ctx.add(Kind.PRODUCT_CATEGORY, item, s0, s0 + len(item))  # 主要是甲: the category's own name
        out[start] = (cat.name + tail.group("rate"), cat.ref, cat.name)
    return out


CHECKED_LIST_RE = re.compile(r"对(?P<items>[^，,；;。：:\d对]{4,40}?)(?P<n>[\d两二三四五六七八九十]+)大?[类种](?:产品|食品)?"
                             r"(?:开展|进行|实施)[^，,；;。]{0,10}[，,]$")


CHECKED_AFTER_RE = re.compile(r"(?:抽查|抽检)了?(?P<items>[^，,；;。：:\d]{4,40}?)等?(?P<n>[\d两二三四五六七八九十]+)大?[类种]"
                              r"(?:产品|食品)?[，,]$")
"""``抽查了甲、乙、丙3类产品，合格率分别为…``: the categories checked named right after the check word."""


def _checked_categories(ctx: Ctx, sent: Sentence, pos: int, rate: str, starts: list[int]
                        ) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``对甲、乙两类产品开展专项抽查，合格率分别为…``: the clause right before names the categories checked,
    with their count; each takes its own rate when the count, the items and the rates all agree."""
    m = CHECKED_LIST_RE.search(ctx.text, sent.span.start, pos) or CHECKED_AFTER_RE.search(ctx.text, sent.span.start, pos)
    if m is None:
        return {}
    n = m.group("n")
    spans = split_list(ctx, m.start("items"), m.end("items"))
    if spans and small_count(n) == len(spans) + 1:  # 甲、乙和丙等3类: the last two joined by 和
        spans = _split_joined_last(ctx, spans, small_count(n))
    items = [ctx.text[s:e] for s, e in spans]
    if small_count(n) != len(items) or len(items) != len(starts) \
            or any(len(i) < 2 or COUNTED_RE.search(i) for i in items):
        return {}
    return {start: (item + rate, ctx.add(Kind.PRODUCT_CATEGORY, item, s0, e0).ref, item)
            for item, (s0, e0), start in zip(items, spans, starts)}


COMMA_LIST_RE = re.compile(r"等(?P<n>[\d两二三四五六七八九十]+)\s?大?[类种](?:产品|食品)?[，,]$")


def _comma_categories(ctx: Ctx, sent: Sentence, pos: int, rate: str, starts: list[int]
                      ) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``从品种看，消费量大的甲，乙、丙，丁等3大类食品，监督抽检不合格率分别为…``: categories written with
    ``，`` between them (an item may hold ``、``); each takes its own rate only when the count after 等,
    the items before it and the rates agree, and the list opens its clause (after 看/其中, or with 的)."""
    m = COMMA_LIST_RE.search(ctx.text, sent.span.start, pos)
    if m is None:
        return {}
    n = m.group("n")
    count = small_count(n)
    if not count or count != len(starts):
        return {}
    chunks, at = [], sent.span.start
    for chunk in re.split(r"[，,]", ctx.text[sent.span.start:m.start()]):  # ASCII commas too, as pages give them
        chunks.append((at, at + len(chunk)))
        at += len(chunk) + 1
    if len(chunks) < count:
        return {}
    items = chunks[-count:]
    lead = ctx.text[chunks[-count - 1][0]:chunks[-count - 1][1]] if len(chunks) > count else ""
    first = ctx.text[items[0][0]:items[0][1]]
    if "的" in first:
        items[0] = (items[0][0] + first.rindex("的") + 1, items[0][1])
    elif lead and not re.search(r"(?:看|其中|中)$", lead):
        return {}
    names = [ctx.text[s:e] for s, e in items]
    if any(not 2 <= len(x) <= 12 or re.search(r"[\d，,。；;：:]", x) for x in names):
        return {}
    return {start: (name + rate, ctx.add(Kind.PRODUCT_CATEGORY, name, s0, e0).ref, name)
            for name, (s0, e0), start in zip(names, items, starts)}


RATES_AFTER_LIST_RE = re.compile(
    r"(?P<items>[^，,。；;：:\d]{4,80}?)的?(?P<rate>(?:抽查|抽检)?不?合格率)(?:较高|较低|最高|最低|偏高|偏低)[，,]"
    r"分别(?:为|是|达)(?P<values>[^，,。；;]{2,80})")


def _rates_after_list(ctx: Ctx, sent: Sentence) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``其中甲、乙、丙抽查不合格率较高，分别为24.8%、23.1%和21.1%``: the products listed before the rate
    take their own rates, in order — only when as many products as rates are named."""
    out: dict[int, tuple[str | None, Ref | None, str | None]] = {}
    for m in RATES_AFTER_LIST_RE.finditer(ctx.text, sent.span.start, sent.span.end):
        lead = re.match(r"(?:其中|而|此外)?[，,]?", m.group("items"))
        base = m.start("items") + (lead.end() if lead else 0)
        spans = split_list(ctx, base, m.end("items"))
        names = [ctx.text[a:b] for a, b in spans]
        starts = [m.start("values") + v.start() for v in re.finditer(r"\d+(?:\.\d+)?", m.group("values"))]
        if len(names) < 2 or len(names) != len(starts) or any(not 2 <= len(n) <= 16 for n in names):
            continue
        for name, (a, b), start in zip(names, spans, starts):
            cat = ctx.add(Kind.PRODUCT_CATEGORY, name, a, b)  # 较大的甲: the category's own name
            out[start] = (cat.name + m.group("rate").removeprefix("抽查").removeprefix("抽检"), cat.ref, cat.name)
    return out

PAIRED_RE = re.compile(
    r"(?P<head>[^，,。；;：:]{2,30}?)分别(?:是|为)(?P<names>[^，,。；;：:\d]{3,40}?)[，,]"
    r"分别(?:拥有|有|为|达到|达|建成|新增)(?P<values>[^，,。；;]{2,80})")
RANKED_HEAD_RE = re.compile(
    r"(?:各(?:设区)?[市县区]|各地|各县(?:（?市、?区）?)?)?(?P<m>[\u4e00-\u9fff]{2,14}?)(?:的)?(?:数量|总量|总数)?"
    r"(?:位居|位列|排名|居|排在)(?:全省|全市|全国)?(?:前[一二三四五六七八九十\d]+(?:位|名)?)?的?$")


def _paired_places(ctx: Ctx, sent: Sentence) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``某指标位居前三位的分别是甲、乙和丙，分别拥有155件、110件和94件``: the places named in one clause
    take, in order, the figures of the next — only when every item is a place, as many places as numbers
    are named, and the head before the first 分别 names what is ranked (its measure, unless a noun written
    before the first number names the values' own: ``…，分别有规上工业企业320家、…``)."""
    out: dict[int, tuple[str | None, Ref | None, str | None]] = {}
    for m in PAIRED_RE.finditer(ctx.text, sent.span.start, sent.span.end):
        head = RANKED_HEAD_RE.fullmatch(m.group("head").strip())
        if head is None:
            continue
        spans, at = [], m.start("names")
        for item in re.split(r"[、和及与]", m.group("names")):
            spans.append((at, at + len(item)))
            at += len(item) + 1
        starts = [m.start("values") + v.start() for v in re.finditer(r"\d+(?:\.\d+)?", m.group("values"))]
        if len(spans) < 2 or len(spans) != len(starts):
            continue
        places = respective_places(ctx, spans)
        if places is None:
            continue
        own = re.match(r"(?P<m>[\u4e00-\u9fff]{2,14}?)(?=\d)", m.group("values"))
        measure = own.group("m") if own else head.group("m")  # …分别有规上工业企业320家、…: the values name their own
        for place, start in zip(places, starts):
            out[start] = (measure, place.ref, None)
            ctx.memo.setdefault(PAIRED_KEY, set()).add(start)  # the pairing vouches for the place
    return out


PAIRED_KEY = "paired_places"
"""ctx.memo key: where figures paired with their places start (no later doubt about the place)."""


ORG_RESPECTIVE_RE = re.compile(r"(?P<names>[^，,。；;：:\d]{4,80}?)分别(?P<verb>[^，,。；;：:\d]{1,16}?)(?P<values>\d[^，,。；;]{0,60})")
ORG_VERB_RE = re.compile(r"^(?:主导|参与|牵头)?(?:制定|修订|制修订|起草|拥有|获得|新增|建成|申请|获批|授权|承担)?(?:了)?")


def _organisations_respectively(ctx: Ctx, sent: Sentence) -> dict[int, tuple[str | None, Ref | None, str | None]]:
    """``甲公司、乙公司分别主导制定国家标准4项、3项``: each organisation listed takes its own figure, in
    order — only when every item is an organisation named whole and as many numbers follow."""
    out: dict[int, tuple[str | None, Ref | None, str | None]] = {}
    for m in ORG_RESPECTIVE_RE.finditer(ctx.text, sent.span.start, sent.span.end):
        lead = re.match(r"(?:其中|此外|而|以及)", m.group("names"))
        spans, at = [], m.start("names") + (lead.end() if lead else 0)
        for item in re.split(r"[、和及与]", ctx.text[at:m.end("names")]):
            spans.append((at, at + len(item)))
            at += len(item) + 1
        starts = [m.start("values") + v.start() for v in re.finditer(r"\d+(?:\.\d+)?(?![\d.])", m.group("values"))]
        if len(spans) < 2 or len(spans) != len(starts):
            continue
        orgs = []
        for s0, e0 in spans:
            ent = next((x for x in ctx.entities_in(s0, e0) if x.kind.is_organization and x.span.start == s0 and x.span.end == e0), None)
            if ent is None:
                break
            orgs.append(ent)
        if len(orgs) != len(spans):
            continue
        noun = ORG_VERB_RE.sub("", m.group("verb"))
        for org, start in zip(orgs, starts):
            out[start] = (noun if len(noun) >= 2 else None, org.ref, None)
    return out
