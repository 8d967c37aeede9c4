"""One organisation, one name per document.

``万某智造等3家企业…万某智造股份有限公司``: a short form that is the start of exactly one full company
name of the same document (after the company's place, if it names one) is that company; its mention
becomes an alias and every fact about the short form is about the company.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import INSPECTION_KINDS, Entity, Kind, Ref
from .context import Ctx
from .numbers import parse_chinese_numeral
from .programmes import DIVISIONS_RE, programme_heads
from .short_names import SHORT_RE, short_names

SHORT_KINDS = frozenset({Kind.ENTERPRISE, Kind.ORGANIZATION})
FULL_ENDINGS = ("有限公司", "有限责任公司", "股份公司", "集团", "公司", "厂")


def _bare(ctx: Ctx, name: str) -> str:
    """The company name after a leading place name (山东万某智造股份有限公司 → 万某智造股份有限公司)."""
    for length in range(min(8, len(name) - 2), 1, -1):
        if name[:length] in ctx.lex.place_names:
            return name[length:]
    return name


LIABILITY_FORMS = ("有限公司", "有限责任公司", "股份有限公司")


def _without_liability(name: str) -> tuple[str, ...]:
    """``甲电子科技公司`` written for ``某省甲电子科技有限公司``: the company's name with the form of
    liability left out (the full names it may stand for); ``甲集团`` likewise for ``甲集团有限公司``."""
    if name.endswith("集团") and len(name) >= 4:
        return tuple(name + f for f in LIABILITY_FORMS)
    if not name.endswith("公司") or name.endswith(LIABILITY_FORMS) or len(name) < 5:
        return ()
    return tuple(name[:-2] + f for f in LIABILITY_FORMS)


@per_lexicon
def _full_forms(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in lex.table("suffix_full_forms.tsv", columns=2, header="short") if len(r) == 2)


@per_lexicon
def _zone_forms(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in lex.table("zone_full_forms.tsv", columns=2, header="short") if len(r) == 2)


def _full_zone(lex: Lexicon, name: str) -> str:
    """``湛江经开区市场监督管理局`` → ``湛江经济技术开发区市场监督管理局``: a zone's kind written short inside the
    name, after the zone's own name and before the rest of the organisation's (``zone_full_forms.tsv``)."""
    for short, full in _zone_forms(lex):
        i = name.find(short)
        if i >= 2 and i + len(short) < len(name):
            return name[:i] + full + name[i + len(short):]
    return name


def full_suffix_forms(ctx: Ctx) -> None:
    """``兰州新区管委会`` is canonically ``兰州新区管理委员会``: an organisation named with a short ending takes
    the full one (the written name stays an alias), and a zone's short kind inside it its full kind
    (``某高新区管委会`` → ``某高新技术产业开发区管理委员会``). Run before anything refers to the organisations."""
    renamed = []
    for e in ctx.entities:
        short = next(((a, b) for a, b in _full_forms(ctx.lex) if e.kind.is_organization and e.name.endswith(a)), None)
        if short is not None:
            e = replace(e, name=e.name[:-len(short[0])] + short[1], aliases=tuple(dict.fromkeys((*e.aliases, e.name))))
        zone = _full_zone(ctx.lex, e.name) if e.kind.is_organization else e.name
        if zone != e.name:
            e = replace(e, name=zone, aliases=tuple(dict.fromkeys((*e.aliases, e.name))))
        renamed.append(e)
    if renamed != ctx.entities:
        ctx.replace_entities(renamed)


def merge_defined_short_names(ctx: Ctx) -> None:
    """``青禾玻璃工业集团股份有限公司（以下简称青禾集团）……福耀集团曾…``: a short name the text defines for an
    organisation, found again as an organisation of its own, is that organisation (each mention keeps its
    span, the short form as an alias); a name read across the definition (``下简称福耀集团``) is none."""
    defined = [sn for sn in short_names(ctx) if sn.entity.kind.is_organization]
    if not defined:
        return
    brackets = [(m.start(), m.end()) for m in SHORT_RE.finditer(ctx.text)]
    keep = [e for e in ctx.entities if not (e.kind.is_organization and any(
        i < e.span.start < j and e.span.end <= j for i, j in brackets) and any(e.name.endswith(sn.short) and e.name != sn.short
                                                                                for sn in defined))]
    if len(keep) != len(ctx.entities):
        ctx.replace_entities(keep)
    mapping: dict[Ref, Entity] = {}
    for sn in defined:
        for e in ctx.entities:
            if e.name == sn.short and e.kind.is_organization and e.ref != sn.entity.ref:
                mapping[e.ref] = sn.entity
    _apply(ctx, mapping)


def merge_short_forms(ctx: Ctx) -> None:
    merge_defined_short_names(ctx)
    fulls = {e.name: e for e in ctx.entities if e.kind is Kind.ENTERPRISE and e.name.endswith(FULL_ENDINGS)}
    if not fulls:
        return
    mapping: dict[Ref, Entity] = {}
    for e in ctx.entities:
        if e.kind not in SHORT_KINDS or (e.name in fulls and not _without_liability(e.name)) or len(e.name) < 2:
            continue
        written_full = e.name in fulls  # 甲电子科技公司: only the same name with its liability form (not 甲…分公司)
        owners = {f.name for f in fulls.values() if f.name != e.name and (
            (not written_full and (f.name.startswith(e.name) or _bare(ctx, f.name).startswith(e.name)))
            or bool({f.name, _bare(ctx, f.name)} & set(_without_liability(e.name))))}
        if len(owners) == 1:
            mapping[e.ref] = fulls[owners.pop()]
    _apply(ctx, mapping)


def merge_programme_short_forms(ctx: Ctx) -> None:
    """``…入选企业标准“领跑者”名单…入选“领跑者”标准6项``: a programme named again without the head word
    that is part of its name (``data/lexicon/programme_heads.txt``) is the same programme."""
    progs = {(e.kind, e.name): e for e in ctx.entities if e.kind.is_programme}
    mapping: dict[Ref, Entity] = {}
    for e in ctx.entities:
        if not e.kind.is_programme:
            continue
        full = next((progs[(e.kind, h + e.name)] for h in programme_heads(ctx.lex) if (e.kind, h + e.name) in progs), None)
        if full is None:
            full = _full_place_form(ctx, e, progs)  # 云南名牌产品 beside 云南省名牌产品: one programme
        if full is None:  # 某省质量强县 beside 某省质量强县（市、区）: the title without the divisions it is for
            longer = [f for (k, n), f in progs.items() if k is e.kind and n.startswith(e.name)
                      and DIVISIONS_RE.fullmatch(n, len(e.name))]
            full = longer[0] if len(longer) == 1 else None
        if full is not None:
            mapping[e.ref] = full
    _apply(ctx, mapping)


def merge_check_short_forms(ctx: Ctx) -> None:
    """``…关于2017年上半年省级产品质量监督抽查情况的通报`` and then ``陕西省级监督抽查覆盖全省12个地市``: a check
    named by exactly one longer check's name of the same kind less a word the name may drop
    (``data/lexicon/check_name_fillers.txt``) is that check, not a second one — unless the longer name is
    one batch of the check (``第二批市级产品质量监督抽查``)."""
    checks = {e.name: e for e in ctx.entities if e.kind in INSPECTION_KINDS}
    mapping: dict[Ref, Entity] = {}
    for e in checks.values():
        fillers = ctx.lex.words("check_name_fillers.txt", longest_first=True)
        if _only_in_title(ctx, e):  # the bulletin's title names its check without the level the body gives
            fillers = (*fillers, *ctx.lex.words("check_level_words.txt", longest_first=True))
        longer = {f.name for f in checks.values() if f.kind is e.kind and f.name != e.name
                  and any(f.name[:i] + f.name[i + len(w):] == e.name
                          for w in fillers for i in range(len(f.name)) if f.name.startswith(w, i))}
        if len(longer) == 1 and not _a_batch(ctx, checks[next(iter(longer))]):
            mapping[e.ref] = checks[longer.pop()]
    _apply(ctx, mapping)
    merge_generic_checks(ctx)


def _only_in_title(ctx: Ctx, check: Entity) -> bool:
    """Every mention of ``check`` stands in the document's title (its first line)."""
    title = ctx.doc.title or ""
    if not title or not ctx.text.startswith(title):
        return False
    return all(e.span.end <= len(title) for e in ctx.entities if e.ref == check.ref)


def merge_generic_checks(ctx: Ctx) -> None:
    """``食品安全监督抽检`` read as a ``qg:Inspection`` and, at the same words, as a ``qg:ProductSpotCheck``: one
    check, of the narrower class (each mention keeps its span)."""
    narrow = {(e.name, e.span.start, e.span.end): e for e in ctx.entities
              if e.kind in INSPECTION_KINDS and e.kind is not Kind.INSPECTION}
    mapping: dict[Ref, Entity] = {}
    for e in ctx.entities:
        n = narrow.get((e.name, e.span.start, e.span.end)) if e.kind is Kind.INSPECTION else None
        if n is not None:
            mapping[e.ref] = n
    if not mapping:
        return
    _apply(ctx, mapping)
    seen: set[tuple[object, ...]] = set()
    keep = []
    for e in ctx.entities:  # the two readings of one mention are now the same: keep one
        key = (e.kind, e.name, e.span.start, e.span.end)
        if key not in seen:
            seen.add(key)
            keep.append(e)
    if len(keep) != len(ctx.entities):
        ctx.replace_entities(keep)


BATCH_BEFORE_RE = re.compile(r"(?:第[一二三四五六七八九十\d]{1,3}|首|本|该)批(?:次)?$")


def _a_batch(ctx: Ctx, check: Entity) -> bool:
    """``2024年第二批市级产品质量监督抽查``: the longer name is one batch of the check, and the shorter
    (``今年市级监督抽查已开展两批``) the year's check over all batches — two things."""
    return any(BATCH_BEFORE_RE.search(ctx.text, max(0, e.span.start - 6), e.span.start)
               for e in ctx.entities if e.ref == check.ref)


YEAR_HEAD_RE = re.compile(r"(?:19|20)\d{2}年(?:度)?")


def merge_event_short_forms(ctx: Ctx) -> None:
    """``我市举行全市“质量月”活动启动仪式`` (a title) and ``黄山市2024年“质量月”活动启动仪式`` (the body): an
    event named by the end of exactly one longer event name of the document (or of its part before 暨) is
    that event; so is one named by its year and its end (``2024年全体会议`` in a report whose title names
    ``2024年质量强市工作领导小组全体会议``)."""
    kinds = (Kind.EVENT, Kind.MEETING)
    names = {(e.kind, e.name): e for e in ctx.entities if e.kind in kinds}
    mapping: dict[Ref, Entity] = {}
    for e in ctx.entities:
        if e.kind not in kinds or len(e.name.strip("“”\"")) < 4:
            continue
        year = YEAR_HEAD_RE.match(e.name)
        owners = [f for (k, n), f in names.items() if k is e.kind and n != e.name
                  and (n.endswith(e.name) or n.split("暨")[0].endswith(e.name)  # …推进会暨…颁奖会: both parts are its names
                       or (year is not None and len(e.name) - year.end() >= 4 and n.startswith(year.group())
                           and n.endswith(e.name[year.end():])))]  # 2024年全体会议: 2024年…领导小组全体会议
        if len(owners) == 1:
            mapping[e.ref] = owners[0]
    _merge_place_word_forms(ctx, kinds, mapping)
    _merge_ordinal_forms(ctx, kinds, mapping)
    _apply(ctx, mapping)


WHOLE_AREA_WORDS = ("全自治区", "全区", "全市", "全省", "全县", "全州", "全旗", "我市", "我省", "我县", "我区", "本市")


def _event_key(ctx: Ctx, name: str) -> str:
    """``2018年某区“质量月”活动启动仪式`` and ``2018年宁夏质量月启动仪式`` in the region's report: one key, with the
    quotes and 活动 left out and the report's own place (or 全区 / 我市 …) written as one token."""
    key = re.sub(r"[“”\"]", "", name).replace("活动", "")
    own = [p for p in (ctx.county, ctx.city, ctx.province) if p is not None]
    words = sorted({*WHOLE_AREA_WORDS, *(p.name for p in own), *(sh for p in own for sh in p.short)}, key=len, reverse=True)
    for w in words:
        key = key.replace(w, "\0")
    return key


def _merge_place_word_forms(ctx: Ctx, kinds: tuple[Kind, ...], mapping: dict[Ref, Entity]) -> None:
    """A launch named twice in one report, once with 全区 / 我市 and once with the report's place (a subtitle and
    the body): the shorter name is the longer one's, when exactly one other event of its kind has its key."""
    events = {(e.kind, e.name): e for e in ctx.entities if e.kind in kinds and e.ref not in mapping}
    keys: dict[tuple[Kind, str], list[Entity]] = {}
    for e in events.values():
        if "\0" in (k := _event_key(ctx, e.name)) and re.match(r"\d{4}年", e.name):
            keys.setdefault((e.kind, k), []).append(e)
    for group in keys.values():
        if len(group) == 2 and len(group[0].name) != len(group[1].name):
            short, long_ = sorted(group, key=lambda x: len(x.name))
            mapping[short.ref] = long_


ORDINAL_RE = re.compile(r"第([零〇一二两三四五六七八九十百]+)(?=[届次批期])")


def _ordinal_key(name: str) -> str:
    """``第七届…大会`` and ``第7届…大会``: one name with its ordinal in digits."""
    def digits(m: re.Match[str]) -> str:
        n = parse_chinese_numeral(m.group(1))
        return f"第{n}" if n is not None else m.group()
    return ORDINAL_RE.sub(digits, name)


def _merge_ordinal_forms(ctx: Ctx, kinds: tuple[Kind, ...], mapping: dict[Ref, Entity]) -> None:
    """A meeting or event named once with its ordinal in Chinese numerals (a title) and once in digits (the
    body) is one, named with digits (as its key: the same meeting in other reports gets the same name)."""
    groups: dict[tuple[Kind, str], list[Entity]] = {}
    for e in ctx.entities:
        if e.kind in kinds and e.ref not in mapping:
            groups.setdefault((e.kind, _ordinal_key(e.name)), []).append(e)
    for mentions in groups.values():
        names = {e.name for e in mentions}
        if len(names) < 2:
            continue
        keep = next((n for n in names if n == _ordinal_key(n)), None)
        if keep is None:
            continue
        target = next(e for e in mentions if e.name == keep)
        for e in mentions:
            if e.name != keep:
                mapping[e.ref] = target


def _full_place_form(ctx: Ctx, e: Entity, progs: dict[tuple[Kind, str], Entity]) -> Entity | None:
    """The programme of the document named like ``e`` with its leading place written in full."""
    for length in (2, 3):
        short = e.name[:length]
        info = ctx.resolve_place(short) if short in ctx.lex.place_names else None
        if info is not None and info.name != short and len(e.name) > length + 1:
            full = progs.get((e.kind, info.name + e.name[length:]))
            if full is not None:
                return full
    return None


def apply_names(ctx: Ctx, mapping: dict[Ref, Entity]) -> None:
    """Every mention and fact of each entity of ``mapping`` is the entity it maps to (see :func:`_apply`)."""
    _apply(ctx, mapping)


def apply_renames(ctx: Ctx, mapping: dict[Ref, Entity]) -> None:
    """Every mention and fact of each ref in ``mapping`` is its entity's (see :func:`_apply`)."""
    _apply(ctx, mapping)


def _apply(ctx: Ctx, mapping: dict[Ref, Entity]) -> None:
    """Every mention and fact of a short form is its full name's."""
    if not mapping:
        return
    ents = []
    for e in ctx.entities:
        full = mapping.get(e.ref)
        if full is None:
            ents.append(e)
            continue
        ents.append(replace(e, kind=full.kind, name=full.name, aliases=tuple(dict.fromkeys((*e.aliases, e.name))),
                            place=e.place or full.place))
    refs = {k: v.ref for k, v in mapping.items()}
    ctx.replace_entities(ents)

    def m(r: Ref | None) -> Ref | None:
        return refs.get(r, r) if r is not None else None

    ctx.listings[:] = [replace(x, programme=m(x.programme), recipients=tuple(dict.fromkeys(m(r) for r in x.recipients)))
                       for x in ctx.listings]
    ctx.posts[:] = [replace(p, organization=m(p.organization)) for p in ctx.posts]
    ctx.relations[:] = [replace(r, subject=m(r.subject), object=m(r.object)) for r in ctx.relations]
    ctx.observations[:] = [replace(o, subject=m(o.subject), examples=tuple(m(x) for x in o.examples))
                           for o in ctx.observations]


def merge_listings(ctx: Ctx) -> None:
    """The decision names the winners and its annex lists them again: one listing per programme and
    set of recipients (the first, which has the sentence that states it)."""
    out: list = []
    for x in ctx.listings:
        j = next((j for j, y in enumerate(out) if _same(x, y)), None)
        if j is None:
            out.append(x)
            continue
        y = out[j]
        big, small = (x, y) if len(x.recipients) > len(y.recipients) else (y, x)
        out[j] = replace(big, count=big.count if big.count is not None else small.count,
                         recipient_type=big.recipient_type or small.recipient_type, year=big.year or small.year,
                         batch=big.batch if big.batch is not None else small.batch)
    ctx.listings[:] = out


def _same(x, y) -> bool:
    """Two listings of one award: same programme, agreeing count, year and batch, and the recipients of
    one among those of the other (the decision names one winner ``等5家``, its annex all five)."""
    if x.programme != y.programme or not x.recipients or not y.recipients:
        return False
    if any(a is not None and b is not None and a != b for a, b in ((x.count, y.count), (x.year, y.year),
                                                                   (x.batch, y.batch))):
        return False
    a, b = set(x.recipients), set(y.recipients)
    return a <= b or b <= a


REMENTIONED = frozenset({Kind.GEOGRAPHICAL_INDICATION, Kind.TRADEMARK, Kind.BRAND})


def _occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, occurrences not overlapping (as ``re.finditer`` of it gives them)."""
    out = []
    i = text.find(word)
    while i != -1:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


def mark_rementions(ctx: Ctx) -> None:
    """``…使用柳州螺蛳粉地理标志专用标志…``; earlier, ``柳州螺蛳粉今年实现产值126.5亿元``: a geographical
    indication, trademark or brand named again elsewhere is the same one there too (its mention can head a
    clause), and the place inside its name is no place."""
    named = {(e.kind, e.name) for e in ctx.entities if e.kind in REMENTIONED and len(e.name) >= 3}
    if not named:
        return
    taken = {(e.span.start, e.span.end) for e in ctx.entities}
    added = []
    for kind, name in sorted(named):
        for i in _occurrences(ctx.text, name):
            j = i + len(name)
            if (i, j) in taken or any(e.kind is not Kind.PLACE for e in ctx.entities_in(i, j)) or \
                    any(e.span.start < i < e.span.end or e.span.start < j < e.span.end for e in ctx.entities_in(max(0, i - 30), j + 30)):
                continue
            added.append((kind, name, i, j))
    if not added:
        return
    spans = [(i, j) for _, _, i, j in added]
    keep = [e for e in ctx.entities if not (e.kind is Kind.PLACE and any(i <= e.span.start and e.span.end <= j for i, j in spans))]
    ctx.replace_entities(keep)
    for kind, name, i, j in added:
        ctx.add(kind, name, i, j)
        ctx.claim(i, j)
