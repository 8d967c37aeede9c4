"""Recipients of honour lists written in shapes the listing verbs leave unlinked.

- **short brand names before a listing verb** (``山东的甲牌、乙牌、丙牌入选首批某某名品，丁牌、戊牌入选某某名品成长企业``):
  a list of two or more short names, nothing else in its clause, before a verb of being listed and a
  programme named right after it — brands when the programme's name ends with a brand word
  (``brand_programme_endings.txt``: 名品, 好品, 老字号 …), enterprises when it ends with 企业;
  an item that is a place, a kind (``…行业``, ``brand_item_non_names.txt``), a sector (``食品``,
  ``brand_item_sectors.txt``, ``food_categories.txt``) or holds a digit stops the list;
- **a firm's quoted brand** (``我市甲制药有限公司的“某某”品牌上榜``, ``其中甲公司的“某某”等6个品牌上榜某名品``): the
  firm is the recipient, of the programme after the verb or, with the verb closing the clause, of the one
  programme named before it in the sentence;
- **people written after an organisation and a post** (``某钻井公司高级技师张某某获某奖提名奖``, ``甲公司总经理张某与
  乙集团董事长李某等10人被授予“某称号”称号``): the people, never their organisations, win;
- **projects closed by 等N个项目** (``某江水电站、某地示范工程等15个项目获得某奖``): items ending with a work's word
  (``project_item_endings.txt``) and starting with a place (or 中国 / 国家), as many as the count at most, are
  facilities listed in the programme;
- **a grant's complete lists checked by their counts** (``授予甲牌、乙港2个企业和王某、李某2人某省省长质量奖``):
  short names the rules do not know are winners only when every part of the grant is a list of names closed by
  its count with no 等 and exactly as many names as the count — firms for 企业 / 单位, people for 人 / 个人
  (each a surname and one or two characters); a list holding a name the rules know is left to the grant
  rules, one holding a kind of body (``有关部门``; ``grant_item_non_names.txt``) is not read;
- **a grant's winners running over a ；** (``授予甲公司、乙公司；丙公司、丁公司等4家单位某奖提名奖``): every item a
  known organisation and their number the count's;
- **names one per line under a numbered heading naming a programme** (``一、2008年度某市质量金奖企业``, then
  ``甲有限公司`` …): each line exactly one known organisation (a line in brackets, ``（以下为复评企业）``, skipped);
  any other line ends the list;
- **people listed with their organisation and posts** (``某奖获奖个人包括：甲公司党委书记、董事长王某；乙公司常务副总、
  总工程师李某某；…``): each item split by ；, a known organisation, posts the lexicon knows (``posts.tsv``,
  ``company_posts.txt``; the last one known, those before it joined by 、), then a surname and one or two
  characters — every item so, or none is read;
  the person wins the programme named before 个人, and holds the posts in the organisation;
- **a grant after 对** (``决定对甲集团公司基于某某的系统管理方法、乙公司以某某为核心的质量管理模式和…的某院院士王某先生
  授予首届某奖``; ``对甲公司、乙公司等43个组织，以及丙公司工段长李某等3名个人，在…方面所作的贡献，授予某奖提名奖``):
  an organisation is a winner when its item (up to the next 、 ， 和 及) is its name alone, closed by its count, or
  names a work of it (``awarded_work_endings.txt``: 方法, 模式 …); a person when only 先生 / 同志 / a count of people
  follows; an organisation before a post and a person is theirs, no winner; no more organisations than the count;
- **holders named after a relative clause** (``已获得某省政府质量奖的甲涂料股份有限公司同时享受…``,
  ``对首次荣获“中国名牌产品”的产品生产企业甲公司、乙公司各奖励…``): the organisations right after 的 (and a head noun
  such as 产品生产企业), each a known one, hold the programme the clause says they won (not after 未 / 没有);
- **a table with its cells between bars** (``序号 | 单位名称 | 类型 |``, then ``1 | 某镇 | 甲有限公司 | 某市三星级绿色工厂 |``;
  ``table_name_columns.txt``, ``table_programme_columns.txt``): each row's known organisation is listed in the
  programme its row's cell names, else in the one programme the title line above the heading names;
- **a numbered project with its applicant** (``1.某某研发及产业化（申报单位：甲公司）`` under a heading line
  ``二、某奖卓越项目奖（3个）``; ``applicant_columns.txt``): the applicant wins the heading's programme.

A firm's title (``firm_honour_titles.txt``: 绿色工厂, 示范企业 …) lists no place (``常州市荣获某省绿色工厂``): such
a recipient is dropped from every listing, whichever rule read it.

Two kinds of programme names are found here too: a quoted title after a count of people in a sentence of
selection (``评选出10位“中国杰出质量人”、13位“中国优秀质量人”``; ``selection_verbs.txt``), and an award whose place is
written with its level twice (``首届某某市市长质量奖``: 市 + 市长) when the gazetteer does not know the place (a
city now a district) — never after a word of the report's own place (``全市市长质量奖``).

Each listing is added only when no listing of the same programme names the recipient already; candidate
lists (拟认定, 公示) are dropped afterwards as for every other listing.
"""

from __future__ import annotations

import bisect
import re

from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Listing, PostHolding, Ref, Sentence
from .context import Ctx
from .scan import PUNCTUATION_STOPS, Scan
from .indexes import own_place_words
from .orgs import place_starting_at

LIST_VERB_RE = re.compile(r"(?:成功|顺利|分别|均|也|还)?(?:入选|荣获|荣膺|获评|获得|上榜|入围|荣登|榜上有名|被评为|被认定为|被授予|获(?![奖证批得取悉]))")
PEOPLE_TAIL_RE = re.compile(r"(?:等[\d一二两三四五六七八九十]+(?:人|名|位)[\u4e00-\u9fff]{0,4}?)?(?:均|也|还|分别|同时)?")
PROGRAMME_LEAD_RE = re.compile(r"(?:\d{4}年度?)?(?:首批|首届|第[一二三四五六七八九十\d]+(?:批次?|届))?[“\"]?")
ITEM_RE = re.compile(r"(?:(?!的)[\u4e00-\u9fffA-Za-z·]){2,8}")
LEAD_RE = re.compile(r"^(?:其中|此外|同时|另外)?[，,]?(?:我市|我省|我县|我区|全市|全省|本市)?")
NUMBERED_RE = re.compile(r"^\s*\d+\s*[.、．]\s*(?P<item>[^\n]+?)[（(](?P<col>[^：:（）()\n]{2,6})[：:](?P<who>[^（）()\n]{2,40})[)）]\s*$")
YEAR_LEAD_RE = re.compile(r"(?:\d{4}(?:\s*[—–\-~至]+\s*\d{4})?年度?)?(?:首届|第[一二三四五六七八九十\d]+届)?")
HEADING_RE = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?P<head>[^\n]+?)\s*$")
PROJECT_COUNT_RE = re.compile(r"等(?P<num>\d+|[一二两三四五六七八九十]+)(?:余|多)?个(?:项目|工程)")


def find_honour_items(ctx: Ctx) -> None:
    _titles_after_people_counts(ctx)
    _doubled_place_awards(ctx)
    _brand_lists(ctx)
    _owned_brands(ctx)
    _post_holders(ctx)
    _project_lists(ctx)
    _applicant_rows(ctx)
    _cell_rows(ctx)
    _counted_grants(ctx)
    _grants_over_semicolons(ctx)
    _heading_lines(ctx)
    _relative_holders(ctx)
    _people_after_posts(ctx)
    _grants_after_dui(ctx)
    _no_places_for_firm_titles(ctx)


def _programme_after(ctx: Ctx, pos: int, limit: int):
    lead = PROGRAMME_LEAD_RE.match(ctx.text, pos, limit)
    at = lead.end() if lead else pos
    return next((e for e in ctx.entities_in(pos, limit) if e.kind.is_programme and e.span.start == at), None)


def _listed(ctx: Ctx, prog: Ref, who: Ref) -> bool:
    return any(x.programme == prog and who in x.recipients for x in ctx.listings)


def _add(ctx: Ctx, prog: Ref, who: list[Ref], start: int, end: int, year: str | None = None) -> None:
    new = tuple(r for r in who if not _listed(ctx, prog, r))
    if new:
        ctx.listings.append(Listing(prog, new, ctx.span(start, end), year=year))


def _clause_start(ctx: Ctx, lo: int, pos: int) -> int:
    return max(lo, ctx.last_of("，,；;。：:\n", lo, pos) + 1)


def _programme_sentences(ctx: Ctx) -> list[Sentence]:
    """The sentences in which a programme entity starts: only there can a list verb have a programme after it
    (:func:`_programme_after`) or before it; the rules over list verbs skip the others."""
    starts = sorted(e.span.start for e in ctx.entities if e.kind.is_programme)
    out = []
    for sent in ctx.doc.sentences:
        i = bisect.bisect_left(starts, sent.span.start)
        if i < len(starts) and starts[i] < sent.span.end:
            out.append(sent)
    return out


def _brand_lists(ctx: Ctx) -> None:
    brand_ends = tuple(ctx.lex.words("brand_programme_endings.txt"))
    kinds = tuple(ctx.lex.words("brand_item_non_names.txt"))
    sectors = set(ctx.lex.words("brand_item_sectors.txt")) | set(ctx.lex.words("food_categories.txt"))
    for sent in _programme_sentences(ctx):  # (programme entities are not added here)
        for v in LIST_VERB_RE.finditer(ctx.text, sent.span.start, sent.span.end):
            prog = _programme_after(ctx, v.end(), sent.span.end)
            if prog is None:
                continue
            name = prog.name
            kind = Kind.BRAND if name.endswith(brand_ends) else Kind.ENTERPRISE if name.endswith("企业") else None
            if kind is None:
                continue
            cs = _clause_start(ctx, sent.span.start, v.start())
            clause = ctx.text[cs:v.start()]
            lead = LEAD_RE.match(clause).end()
            place_lead = re.match(r"[\u4e00-\u9fff]{2,8}?的", clause[lead:])
            if place_lead and ctx.resolve_place(place_lead.group()[:-1]) is not None:
                lead += place_lead.end()  # 山东的甲、乙…: the place whose share it is
            body = clause[lead:]
            items = re.split(r"[、和及]", body)
            if len(items) < 2 or not all(ITEM_RE.fullmatch(i) for i in items):
                continue
            if any(ctx.resolve_place(i) is not None or i.endswith(kinds) or i in sectors for i in items):
                continue
            base = cs + lead
            refs, pos = [], base
            for item in items:
                start = ctx.text.index(item, pos)
                pos = start + len(item)
                known = next((e for e in ctx.entities_in(start, pos) if e.span.start == start and e.span.end == pos), None)
                if known is not None and not (known.kind.is_organization or known.kind is Kind.BRAND):
                    refs = []
                    break
                refs.append(known.ref if known is not None else ctx.add(kind, item, start, pos).ref)
            if refs:
                _add(ctx, prog, refs, base, v.end())


OWNED_RE = re.compile(r"的[“\"][^“”\"]{1,12}[”\"](?:品牌|商标|字号|产品)?(?:等[\d一二两三四五六七八九十]+(?:个|件|家)[\u4e00-\u9fff]{0,6}?)?$")


def _owned_brands(ctx: Ctx) -> None:
    for sent in _programme_sentences(ctx):  # (programme entities are not added here)
        for v in LIST_VERB_RE.finditer(ctx.text, sent.span.start, sent.span.end):
            prog = _programme_after(ctx, v.end(), sent.span.end)
            if prog is None and ctx.text[v.end():v.end() + 1] in "。，,；;":
                before = [e for e in ctx.entities_in(sent.span.start, v.start()) if e.kind.is_programme]
                if len({e.ref for e in before}) == 1:
                    prog = before[0]  # 某部公布首批某名品名单，我市甲公司的“某某”品牌上榜
            if prog is None:
                continue
            cs = _clause_start(ctx, sent.span.start, v.start())
            lead = LEAD_RE.match(ctx.text[cs:v.start()]).end()
            refs = []
            parts = re.split(r"、", ctx.text[cs + lead:v.start()])
            pos = cs + lead
            for part in parts:
                owned = OWNED_RE.search(part)
                if owned is None or (owned.group().count("等") and part is not parts[-1]):
                    refs = []
                    break
                org = next((e for e in ctx.ending_at(pos + owned.start())
                            if e.kind is Kind.ENTERPRISE and e.span.start == pos), None)
                if org is None:
                    refs = []
                    break
                refs.append(org.ref)
                pos += len(part) + 1
            if refs:
                _add(ctx, prog.ref, refs, cs, v.end())


def _post_holders(ctx: Ctx) -> None:
    posted = {p.person for p in ctx.posts}
    employers = {p.organization for p in ctx.posts if p.organization is not None}
    for sent in _programme_sentences(ctx):  # (programme entities are not added here)
        for v in LIST_VERB_RE.finditer(ctx.text, sent.span.start, sent.span.end):
            prog = _programme_after(ctx, v.end(), sent.span.end)
            if prog is None:
                continue
            cs = _clause_start(ctx, sent.span.start, v.start())
            named = ctx.entities_in(cs, v.start())
            people = [e for e in named if e.kind is Kind.PERSON]
            if not people or not all(e.ref in posted for e in people):
                continue
            tail = ctx.text[people[-1].span.end:v.start()]
            if not PEOPLE_TAIL_RE.fullmatch(tail):
                continue  # 某公司总经理张某与某集团董事长李某等10人被授予…: the verb right after the people
            if any(not (e.kind is Kind.PERSON or e.ref in employers) for e in named):
                continue  # only people, each after the organisation and post they hold
            if not any(e.kind.is_organization for e in ctx.entities_in(cs, people[0].span.start)) and \
                    not ctx.text[cs:people[0].span.start].strip():
                continue  # a bare name: left to the other rules
            _add(ctx, prog.ref, [e.ref for e in people], cs, v.end())


def _project_lists(ctx: Ctx) -> None:
    endings = tuple(ctx.lex.words("project_item_endings.txt"))
    for sent in ctx.doc.sentences:
        for c in PROJECT_COUNT_RE.finditer(ctx.text, sent.span.start, sent.span.end):
            v = LIST_VERB_RE.match(ctx.text, c.end(), sent.span.end)
            if v is None:
                continue
            prog = _programme_after(ctx, v.end(), sent.span.end)
            if prog is None:
                continue
            cs = _clause_start(ctx, sent.span.start, c.start())
            items = ctx.text[cs:c.start()].split("、")
            num = c.group("num")
            n = int(num) if num.isdigit() else None
            if not items or not all(4 <= len(i) <= 24 and i.endswith(endings) and not re.search(r"[，,。的]", i)
                                    for i in items) or (n is not None and len(items) > n):
                continue
            if not all(i.startswith(("中国", "国家")) or place_starting_at(ctx, ctx.text.index(i, cs), max_len=6)
                       for i in items):
                continue  # a work is named for its place (某江某水电站); 质量提升工程 names a kind of work
            refs, pos = [], cs
            for item in items:
                start = ctx.text.index(item, pos)
                pos = start + len(item)
                refs.append(ctx.add(Kind.FACILITY, item, start, pos).ref)
            _add(ctx, prog.ref, refs, cs, v.end())


def _applicant_rows(ctx: Ctx) -> None:
    columns = tuple(ctx.lex.words("applicant_columns.txt"))
    heading = None
    pos = 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        h = HEADING_RE.match(line)
        if h is not None:
            lead = len(YEAR_LEAD_RE.match(h.group("head")).group())
            heading = _heading_programme(ctx, start + h.start("head") + lead, h.group("head")[lead:])
            continue
        m = NUMBERED_RE.match(line)
        if m is None or heading is None or m.group("col") not in columns:
            continue
        lo, hi = start + m.start("who"), start + m.end("who")
        org = next((e for e in ctx.entities_in(lo, hi) if e.kind.is_organization and e.span.start == lo
                    and e.span.end == hi), None)
        if org is not None:
            _add(ctx, heading, [org.ref], start, start + len(line))


def _heading_programme(ctx: Ctx, at: int, head: str) -> Ref | None:
    """The programme a heading line names (``二、某奖卓越项目奖（3个）``): the whole head less its count in
    brackets — a programme found there, or one found at its start and extended by a grade or category
    closing with 奖 (``某奖`` + ``卓越项目奖``), or, with none found there, one the document names elsewhere by the
    same name; anything else names none."""
    name = re.sub(r"[（(][^（）()]*[)）]$", "", head).strip()
    if not name:
        return None
    found = [e for e in ctx.entities_in(at, at + len(name)) if e.kind.is_programme and e.span.start == at]
    whole = next((e for e in found if e.span.end == at + len(name)), None)
    if whole is not None:
        return whole.ref
    if not found:  # 一、2008年度某市质量金奖企业: a programme the document names elsewhere (in quotes) by that name
        named = next((e for e in ctx.entities if e.kind.is_programme and e.name == name), None)
        return named.ref if named is not None else None
    first = max(found, key=lambda e: e.span.end, default=None)
    rest = name[first.span.end - at:] if first is not None else ""
    if first is None or not re.fullmatch(r"[\u4e00-\u9fff]{1,8}奖", rest) or first.name != name[:len(name) - len(rest)]:
        return None
    return ctx.add(first.kind, name, at, at + len(name), level=first.level).ref


def _cells(line: str) -> list[str] | None:
    if line.count("|") < 2:
        return None
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _cell_rows(ctx: Ctx) -> None:
    names = ctx.lex.words("table_name_columns.txt")
    prog_cols = ctx.lex.words("table_programme_columns.txt")
    lines, pos = [], 0
    for line in ctx.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        start, line = lines[i]
        head = _cells(line)
        col = next((k for k, c in enumerate(head) if c in names), None) if head else None
        if col is None:
            i += 1
            continue
        pcol = next((k for k, c in enumerate(head) if c in prog_cols), None)
        title = None
        for back in range(i - 1, max(-1, i - 3), -1):
            b_start, b_line = lines[back]
            if b_line.strip():
                found = {e.ref for e in ctx.entities_in(b_start, b_start + len(b_line)) if e.kind.is_programme}
                title = next(iter(found)) if len(found) == 1 else None
                break
        i += 1
        while i < len(lines):
            r_start, row = lines[i]
            cells = _cells(row)
            if cells is None or len(cells) != len(head) or not cells[0].isdigit():
                break
            i += 1
            offsets, at = [], r_start
            for c in cells:
                at = ctx.text.index(c, at) if c else at
                offsets.append(at)
                at += len(c)
            lo, hi = offsets[col], offsets[col] + len(cells[col])
            org = next((e for e in ctx.entities_in(lo, hi) if e.kind.is_organization and e.span.start == lo
                        and e.span.end == hi), None)
            prog = title
            if pcol is not None:
                p_lo = offsets[pcol]
                cell = next((e for e in ctx.entities_in(p_lo, p_lo + len(cells[pcol])) if e.kind.is_programme
                             and e.span.start == p_lo and e.span.end == p_lo + len(cells[pcol])), None)
                prog = cell.ref if cell is not None else None
            if org is not None and prog is not None:
                last = max(col, pcol if pcol is not None else col)
                _add(ctx, prog, [org.ref], r_start, offsets[last] + len(cells[last]),
                     year=str(ctx.doc.date.year) if ctx.doc.date else None)  # not a year of the 备注 column


GRANT_PART_RE = re.compile(r"(?P<items>[^和及等]+?)(?P<num>\d+|[一二两三四五六七八九十]+)(?:个|家|名|位)?"
                           r"(?P<rtype>企业|单位|组织|公司|个人|人)(?:和|及|$)")
GRANT_TAIL_RE = re.compile(r"(?:\d{4}(?:\s*[—–\-~至]+\s*\d{4})?年度?)?(?:首届|第[一二三四五六七八九十\d]+届)?[“\"]?$")


def _granted_programmes(ctx: Ctx):
    """``(programme, sentence, position of 授予)`` for each programme its sentence grants before naming it."""
    for prog in [e for e in ctx.entities if e.kind.is_programme]:
        sent = ctx.sentence_of(prog.span.start)
        if sent is None:
            continue
        g = ctx.text.rfind("授予", sent.span.start, prog.span.start)
        if g != -1:
            yield prog, sent, g


def _counted_grants(ctx: Ctx) -> None:
    surnames = set(ctx.lex.words("surnames.txt"))
    generic = tuple(ctx.lex.words("grant_item_non_names.txt"))
    for prog, sent, g in _granted_programmes(ctx):
        lo = g + 2
        hi = prog.span.start - len(GRANT_TAIL_RE.search(ctx.text, lo, prog.span.start).group())
        who = ctx.text[lo:hi]
        if not who or re.search(r"[，,。；;：:“”\"《》（）()]", who):
            continue
        parts, at = [], 0
        for m in GRANT_PART_RE.finditer(who):
            if m.start() != at:
                break
            parts.append(m)
            at = m.end()
        if not parts or at != len(who):
            continue
        if any(e.kind.is_organization for e in ctx.entities_in(lo, hi)):
            continue  # a list with names the rules know: the grant rules' own
        refs: list[Ref] = []
        for m in parts:
            items = m.group("items").split("、")
            num = m.group("num")
            n = int(num) if num.isdigit() else None
            person = m.group("rtype") in ("个人", "人")
            if n != len(items) or not all(re.fullmatch(r"[\u4e00-\u9fff]{2,12}", i) for i in items) or (
                    person and not all(2 <= len(i) <= 3 and i[0] in surnames for i in items)) or (
                    not person and any(i.startswith(generic) or i.endswith(generic) for i in items)):
                refs = []
                break
            pos = lo + m.start("items")
            for item in items:
                start = ctx.text.index(item, pos)
                pos = start + len(item)
                known = next((e for e in ctx.entities_in(start, pos) if e.span.start == start and e.span.end == pos
                              and (e.kind.is_organization or e.kind is Kind.PERSON)), None)
                refs.append(known.ref if known is not None else
                            ctx.add(Kind.PERSON if person else Kind.ENTERPRISE, item, start, pos).ref)
        if refs:
            _add(ctx, prog.ref, refs, g, prog.span.end)


def _no_places_for_firm_titles(ctx: Ctx) -> None:
    titles = tuple(ctx.lex.words("firm_honour_titles.txt"))
    out = []
    for x in ctx.listings:
        if x.programme.name.endswith(titles) and any(r.kind is Kind.PLACE for r in x.recipients):
            kept = tuple(r for r in x.recipients if r.kind is not Kind.PLACE)
            if not kept and x.count is None:
                continue
            x = replace(x, recipients=kept)
        out.append(x)
    ctx.listings[:] = out


SEMI_GRANT_RE = re.compile(r"授予(?P<who>[^“\"。，,\n]{4,600}?)等(?P<num>\d+|[一二两三四五六七八九十]+)(?:家|个)"
                           r"(?:单位|企业|组织|公司)(?=[“\"]|第[一二三四五六七八九十\d]+届|首届|\d{4}年)")


def _grants_over_semicolons(ctx: Ctx) -> None:
    for m in SEMI_GRANT_RE.finditer(ctx.text):
        who = m.group("who")
        if not re.search("[；;]", who):
            continue
        prog = _programme_after(ctx, m.end(), len(ctx.text))
        if prog is None:
            continue
        items, pos, refs = re.split("[、；;]", who), m.start("who"), []
        for item in items:
            start = ctx.text.index(item, pos)
            pos = start + len(item)
            org = next((e for e in ctx.entities_in(start, pos) if e.kind.is_organization and e.span.start == start
                        and e.span.end == pos), None)
            if org is None:
                refs = []
                break
            refs.append(org.ref)
        num = m.group("num")
        if refs and num.isdigit() and int(num) == len(refs):
            _add(ctx, prog.ref, refs, m.start(), prog.span.end)


def _heading_lines(ctx: Ctx) -> None:
    heading, year = None, None
    pos = 0
    for line in ctx.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        text = line.strip()
        h = HEADING_RE.match(line)
        if h is not None:
            lead = YEAR_LEAD_RE.match(h.group("head")).group()
            heading = _heading_programme(ctx, start + h.start("head") + len(lead), h.group("head")[len(lead):])
            year = re.match(r"\d{4}", lead).group() if re.match(r"\d{4}", lead) else None  # the heading's year
            continue
        if heading is None or not text or re.fullmatch(r"[（(][^（）()]{1,20}[)）]", text):
            continue
        lo = start + line.index(text)
        org = next((e for e in ctx.entities_in(lo, lo + len(text)) if e.kind.is_organization and e.span.start == lo
                    and e.span.end == lo + len(text)), None)
        if org is None:
            heading = None  # a line that is no name ends the list
            continue
        _add(ctx, heading, [org.ref], lo, lo + len(text), year=year)


WON_BEFORE_RE = re.compile(r"(?<![未没不])(?:已经?|曾经?|先后)?(?:获得|荣获|获评|获)(?:过|了)?(?:\d{4}年度?)?(?:首届|第[一二三四五六七八九十\d]+届)?[“\"]?$")


def _relative_holders(ctx: Ctx) -> None:
    for prog in [e for e in ctx.entities if e.kind.is_programme]:
        if not WON_BEFORE_RE.search(ctx.text, max(0, prog.span.start - 16), prog.span.start):
            continue
        after = re.match(r"[”\"]?(?:荣誉)?(?:称号)?的(?:产品)?(?:生产)?(?:企业|单位)?", ctx.text[prog.span.end:])
        if after is None:
            continue
        at = prog.span.end + after.end()
        refs, pos = [], at
        while True:
            org = next((e for e in ctx.entities_in(pos, pos + 60) if e.kind.is_organization and e.span.start == pos), None)
            if org is None and pos == at:
                org = _unglued(ctx, prog.span.end, at)
            if org is None and pos == at and not after.group().endswith(("企业", "单位")):
                # 的甲涂料股份有限公司: a company named in full right after 的, which the name rules skip
                ends = ctx.lex.alternation("company_endings.txt")
                m = re.compile(rf"[\u4e00-\u9fff（）()]{{2,24}}?(?:{ends})").match(ctx.text, pos)
                if m is not None and not ctx.overlaps_claim(m.start(), m.end()):
                    org = ctx.add(Kind.ENTERPRISE, m.group(), m.start(), m.end())
            if org is None:
                break
            refs.append(org.ref)
            pos = org.span.end
            if ctx.text[pos:pos + 1] != "、":
                break
            pos += 1
        if not refs or ctx.text[pos:pos + 1] in "、和及与":
            continue  # each item a known organisation, the list closed: else left to the list rules
        _add(ctx, prog.ref, refs, max(0, prog.span.start - 4), pos)


PEOPLE_LIST_RE = re.compile(r"(?:获奖|获评|入选)?个人(?:包括|分别是|分别为|有)[：:]")


@per_lexicon
def _people_posts(lex: Lexicon) -> tuple[set[str], list[str], re.Pattern[str]]:
    """The surnames, the posts (the lexicon's and a company's, longest first) and the pattern of a run of posts
    ending in a known one, made once per lexicon (they were made again for every document)."""
    surnames = set(lex.words("surnames.txt"))
    posts = sorted(set(lex.posts) | set(lex.words("company_posts.txt")), key=len, reverse=True)
    known = "(?:" + "|".join(map(re.escape, posts)) + ")"
    post_re = re.compile(rf"(?:[\u4e00-\u9fff]{{2,8}}?、)*{known}")  # 常务副总、总工程师: the last post a known one
    return surnames, posts, post_re


def _people_after_posts(ctx: Ctx) -> None:
    if PEOPLE_LIST_RE.search(ctx.text) is None:
        return
    surnames, posts, post_re = _people_posts(ctx.lex)
    for m in PEOPLE_LIST_RE.finditer(ctx.text):
        sent = ctx.sentence_of(m.start())
        if sent is None:
            continue
        before = [e for e in ctx.entities_in(sent.span.start, m.start()) if e.kind.is_programme
                  and not ctx.text[e.span.end:m.start()].strip()]
        if not before:
            continue
        prog = before[-1]
        end = sent.span.end
        body = ctx.text[m.end():end].rstrip("。")
        pos, found = m.end(), []
        for item in re.split("[；;]", body):
            start = ctx.text.index(item, pos)
            pos = start + len(item)
            org = next((e for e in ctx.entities_in(start, pos) if e.kind.is_organization and e.span.start == start), None)
            held = post_re.match(ctx.text, org.span.end) if org is not None else None
            name = ctx.text[held.end():pos] if held is not None else ""
            if held is None or not (2 <= len(name) <= 3 and name[0] in surnames and re.fullmatch(r"[\u4e00-\u9fff]+", name)):
                found = []
                break
            found.append((org, held, name))
        for org, held, name in found:
            s0 = held.end()
            person = next((e for e in ctx.entities_in(s0, s0 + len(name)) if e.kind is Kind.PERSON
                           and e.span.start == s0), None) or ctx.add(Kind.PERSON, name, s0, s0 + len(name))
            if not any(p.person == person.ref for p in ctx.posts):
                for role in [r for r in held.group().split("、") if r in posts]:
                    ctx.posts.append(PostHolding(person.ref, role, org.ref, ctx.span(org.span.start, s0 + len(name))))
            _add(ctx, prog.ref, [person.ref], org.span.start, s0 + len(name))


DUI_LEAD_RE = re.compile(r"(?:^|(?<=[。，,；;：:\n])|(?<=决定)|(?<=现决定))对(?![于外接标比照])")
ITEM_END_RE = re.compile(r"[、，,；;]|和|以及|及")
PERSON_TAIL_RE = re.compile(r"(?:先生|同志|女士)?(?:等[\d一二两三四五六七八九十]+(?:名|位)个人)?")
ORG_COUNT_RE = re.compile(r"等(?P<num>\d+|[一二两三四五六七八九十]+)(?:个|家)(?:组织|单位|企业)")


def _grants_after_dui(ctx: Ctx) -> None:
    works = tuple(ctx.lex.words("awarded_work_endings.txt"))
    for prog, sent, g in _granted_programmes(ctx):
        if not GRANT_TAIL_RE.fullmatch(ctx.text, g + 2, prog.span.start):
            continue
        leads = [m for m in DUI_LEAD_RE.finditer(ctx.text, sent.span.start, g)]
        if not leads:
            continue
        lo = leads[-1].end()
        if "授予" in ctx.text[lo:g]:
            continue
        orgs, people, counts = [], [], [int(c.group("num")) for c in ORG_COUNT_RE.finditer(ctx.text, lo, g)
                                            if c.group("num").isdigit()]
        for e in ctx.entities_in(lo, g):
            end = ITEM_END_RE.search(ctx.text, e.span.end, g)
            tail = ctx.text[e.span.end:end.start() if end else g]
            if e.kind.is_organization:
                tail = ORG_COUNT_RE.sub("", tail)
                if tail == "" or (tail.endswith(works) and not any(x.kind is Kind.PERSON
                                                                   for x in ctx.entities_in(e.span.end, e.span.end + len(tail)))):
                    orgs.append(e.ref)
            elif e.kind is Kind.PERSON and PERSON_TAIL_RE.fullmatch(tail):
                people.append(e.ref)
        if counts and len(orgs) > sum(counts):
            continue
        if orgs or people:
            _add(ctx, prog.ref, list(dict.fromkeys(orgs + people)), lo - 1, prog.span.end)


PEOPLE_TITLE_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)(?:位|名)[“\"](?P<name>[^“”\"，,。；;]{3,16})[”\"]")
DOUBLED_RE = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,4}?(?P<lv>[省市县区]))(?P=lv)长质量奖")
DOUBLED_SCAN = Scan(DOUBLED_RE, "长质量奖", PUNCTUATION_STOPS)
""":data:`DOUBLED_RE` tried only where a match can reach 长质量奖."""


def _titles_after_people_counts(ctx: Ctx) -> None:
    verbs = tuple(ctx.lex.words("selection_verbs.txt"))
    for m in PEOPLE_TITLE_RE.finditer(ctx.text):
        sent = ctx.sentence_of(m.start())
        if sent is None or not any(v in ctx.text[sent.span.start:m.start()] for v in verbs):
            continue
        if ctx.entities_in(m.start("name"), m.end("name")):
            continue
        ctx.add(Kind.HONOUR, m.group("name"), m.start("name"), m.end("name"))


def _doubled_place_awards(ctx: Ctx) -> None:
    own = set(own_place_words(ctx.lex))
    for m in DOUBLED_SCAN.finditer(ctx.text):
        lead = YEAR_LEAD_RE.match(m.group("place")).group()
        place = m.group("place")[len(lead):]
        if len(place) < 3 or "级" in place or place in own or place[0] in "全我本各该某" or ctx.resolve_place(place) is not None:
            continue  # a known place's award is found by the lexicon's patterns
        s0 = m.start("place") + len(lead)
        if ctx.overlaps_claim(s0, m.end()) or any(e.kind.is_programme for e in ctx.entities_in(s0, m.end())):
            continue
        ctx.add(Kind.HONOUR, ctx.text[s0:m.end()], s0, m.end())



def _unglued(ctx: Ctx, lo: int, at: int):
    """An organisation found with the words of the clause before it glued on (``称号的产品生产企业甲公司``,
    ``产品生产企业甲公司``): renamed to the name that starts at ``at`` when nothing refers to it yet."""
    glued = next((e for e in ctx.entities if e.kind.is_organization and lo <= e.span.start < at < e.span.end), None)
    if glued is None or glued.ref in {r for x in ctx.listings for r in x.recipients} | {p.person for p in ctx.posts} \
            | {p.organization for p in ctx.posts} | {o.subject for o in ctx.observations}:
        return None
    if sum(1 for e in ctx.entities if e.ref == glued.ref) > 1:
        return None
    ctx.replace_entities([e for e in ctx.entities if e is not glued])
    return ctx.add(glued.kind, ctx.text[at:glued.span.end], at, glued.span.end)
