"""Who is listed, in shapes beyond the listing verb's own clause: ``向A、B等4个单位颁发…奖`` (the
recipients before the verb) and ``甲公司主导制定…，入选…`` (the firm opening the sentence)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Kind, Listing, Ref
from ..lexicon import Lexicon, per_lexicon
from .context import Ctx

AWARD_AHEAD = r"(?=[“\"]|第[一二三四五六七八九十\d]+届|首届|\d{4}年)"
"""What follows the winners of a grant: the award's name in quotes, its edition or its year."""


def grant_re(verbs: str) -> re.Pattern[str]:
    """``决定授予甲公司等3家企业“…”``: the winners (``who``) after one of ``verbs`` (not after 被), up to the award."""
    return re.compile(rf"(?<!被)(?:决定)?(?:{verbs})(?:[^“\"。；;\n的，,、《》奖]{{2,20}}的)?"
                      rf"(?P<who>(?:[“\"][^“”\"。；;\n]{{2,40}}[”\"](?=等))?"
                      rf"[^“\"。；;\n的]{{2,200}}?)" + AWARD_AHEAD)
    # 授予“某某研发及产业化”等3个项目“某奖卓越项目奖”: a quoted project opens the winners; 授予排名前两名的甲、乙
    # “某奖”: a clause describing the winners, ending with 的, is no part of them


GRANT_RE = grant_re("授予|颁发给|命名")
"""The winners of a grant or of a naming (命名…为“…”)."""
@per_lexicon
def naming_re(lex: Lexicon) -> re.Pattern[str]:
    """``认定甲公司（商标：某）等12家企业的字号为第二批“某老字号”``: the winners (``who``) after a verb of
    naming (``data/lexicon/naming_verbs.txt``, not after 被), up to the 为 before the title's batch, year or quote
    (or a title with its batch in brackets after it)."""
    verbs = lex.alternation("naming_verbs.txt")
    return re.compile(rf"(?<!被)(?:决定|同意)?(?:{verbs})(?P<who>[^“\"。；;，,\n为]{{2,200}}?)为"
                      r"(?=[“\"]|首批|首届|第[一二三四五六七八九十\d]+(?:批|届)|\d{4}年"
                      r"|[^“\"。；;，,\n（(]{2,30}[（(](?:首批|第[一二三四五六七八九十\d]+批)[)）])")
    # 认定甲公司等8家企业为某市三星级绿色工厂（第三批）: the batch in brackets after the title


GRANT_TO_RE = re.compile(r"(?:向|为)(?P<who>[^“\"。；;\n的，,]{2,200}?)(?:现场|正式|隆重|分别)?(?:颁发|授予)了?" + AWARD_AHEAD)
"""``向甲公司、乙公司等4个单位颁发第三届某市市长质量奖``, ``向甲公司现场颁发了“某奖”奖牌``, ``为甲公司、乙公司颁发
“某奖”奖牌`` (a ceremony's hand-over): the recipients before the verb."""
GRANT_NEXT_RE = re.compile(r"[；;，,](?P<who>[^“\"。；;\n的]{2,200}?)" + AWARD_AHEAD)
"""``授予甲等8家企业“某奖”；乙等5家企业“某创新奖”`` (or after ，): a later part of a grant's sentence with the verb elided."""


def institution_end(ctx: Ctx, name: str) -> bool:
    """Whether ``name`` ends like a named institution that is no company (a school, a hospital, a service
    centre, a survey team, a research institute: ``institution_endings.txt``)."""
    return name.endswith(ctx.lex.words("institution_endings.txt", longest_first=True))


def unnamed_recipients(ctx: Ctx, start: int, end: int, named: list[Ref]) -> list[Ref]:
    """``授予甲公司、某市某某实验学校、某地质局综合普查队第九届某质量奖``: the items of an award's list of
    winners that the organisation rules do not know, named by an institution's ending, are organisations
    too — only when the list's other items are organisations (a list of winners, not of words)."""
    items = []
    pos = start
    text = re.sub(r"(?:等|(?<=[^\d、]))[\d一二两三四五六七八九十]+(?:家|个|名|位|项)[^、]*$", "", ctx.text[start:end])
    # 甲公司、乙研究院3个组织和…: the count closes the list with or without 等
    for item in text.split("、"):
        s, e = pos, pos + len(item)
        pos = e + 1
        items.append((s, e))
    found: list[Ref] = []
    for s, e in items:
        covered = [x for x in ctx.entities_in(s, e) if x.kind.is_organization and x.span.end == e]
        if covered:
            continue
        name = ctx.text[s:e].strip()
        if not (4 <= len(name) <= 30 and re.fullmatch(r"[\u4e00-\u9fff（）()]+", name)):
            continue
        firm = name.endswith(ctx.lex.words("winner_item_endings.txt", longest_first=True))
        if firm or institution_end(ctx, name):  # 燕京某(某地)股份有限公司: a firm the rules cut at its brackets
            ctx.drop_organizations_within(s, e)
            found.append(ctx.add(Kind.ENTERPRISE if firm else Kind.ORGANIZATION, name, s, e).ref)
            ctx.claim(s, e)
    if not found or len(named) < 1:
        return named
    order = {r: x.span.start for x in ctx.entities_in(start, end) for r in [x.ref]}
    return sorted({*named, *found}, key=lambda r: order.get(r, 0))


def sentence_head_firm(ctx: Ctx, start: int, end: int) -> list[Ref]:
    """``甲公司主导制定行业标准3项，入选第二批“某某”品牌``: a clause opening with the verb lists the
    company that opens the sentence or its part after ``；`` (the only organisation named before it)."""
    lead = re.match(r"(?:其中|此外|同时)?[，,]?", ctx.text[start:end])
    start += lead.end() if lead else 0  # 其中，某公司…，入选…
    orgs = [e for e in ctx.entities_in(start, end) if e.kind in (Kind.ENTERPRISE, Kind.ASSOCIATION)]
    if len(orgs) == 1 and orgs[0].span.start == start and not [
            e for e in ctx.entities_in(start, end) if e is not orgs[0] and e.kind.is_organization]:
        return [orgs[0].ref]
    return []


EXAMPLES_RE = re.compile(r"[，,](?:包括|如|分别为|分别是|有)(?P<items>[^；;。]{4,400}?)(?:等|[；;。]|$)")


def listed_examples(ctx: Ctx) -> None:
    """``其中，制造业企业品牌72个，包括甲公司申报的金胚玉米油、乙公司申报的低聚异麦芽糖等``: the firms named as
    examples of a programme's count (a section of its list) are listed in that programme — never more firms
    than the count."""
    known = {(x.programme, r) for x in ctx.listings for r in x.recipients}
    for o in list(ctx.observations):
        if o.subject is None or not o.subject.kind.is_programme:
            continue
        m = EXAMPLES_RE.match(ctx.text, o.span.end)
        if m is None:
            continue
        firms = [e.ref for e in ctx.entities_in(m.start("items"), m.end("items"))
                 if e.kind in (Kind.ENTERPRISE, Kind.ASSOCIATION) and (o.subject, e.ref) not in known]
        if len(set(firms)) > o.value and o.unit in ("Jia", "Ge"):
            continue  # 2家企业入选…，分别是甲、乙和丙: more names than the count, not read right
        if firms:
            ctx.listings.append(Listing(o.subject, tuple(dict.fromkeys(firms)), ctx.span(o.span.start, m.end("items"))))


WINNERS_RE = re.compile(r"(?:的)?(?:获奖|获评|入选|受表彰)(?:企业|单位|组织)(?:代表)?(?:有|是|为)?[：:]?")
"""``某某质量奖获奖企业代表甲公司、乙公司负责人作交流发言``: the named firms are winners of the programme."""


def winners_named_after(ctx: Ctx) -> None:
    """Firms named right after ``<programme>获奖企业(代表)`` are listed in that programme."""
    known = {(x.programme, r) for x in ctx.listings for r in x.recipients}
    for prog in [e for e in ctx.entities if e.kind is Kind.HONOUR]:
        m = WINNERS_RE.match(ctx.text, prog.span.end)
        if m is None or m.end() == prog.span.end:
            continue
        stop = re.search(r"[，,。；;\n]", ctx.text[m.end():])
        end = m.end() + (stop.start() if stop else 0)
        firms, pos = [], m.end()
        for e in sorted(ctx.entities_in(m.end(), end), key=lambda e: e.span.start):
            if e.kind not in (Kind.ENTERPRISE, Kind.ASSOCIATION) or not re.fullmatch(r"[、和及与]?", ctx.text[pos:e.span.start]):
                break  # only an unbroken list of names right after the words
            firms.append(e.ref)
            pos = e.span.end
        firms = [f for f in dict.fromkeys(firms) if (prog.ref, f) not in known]
        if firms:
            ctx.listings.append(Listing(prog.ref, tuple(firms), ctx.span(prog.span.start, pos)))


LIST_HEAD_RE = re.compile(r"(?:包括|如下|名单|分别是|分别为|有)[：:]\s*$")
SECTION_HEAD_RE = re.compile(r"^[ \t　]*[一二三四五六七八九十]+、[^\n]{2,40}?[（(]共?(?P<num>\d+)(?:个|家|名|项)[^（）()\n]{0,6}[)）][ \t　]*$", re.M)
"""A numbered section heading with the count of its lines (``一、某省省长质量奖（共10个）``)."""


def _whole_line_org(ctx: Ctx, s: int, e: int):
    """A line read as two organisations back to back (``某集团公司`` + ``第七〇二研究所``): one organisation of
    the last one's kind, named by the whole line."""
    orgs = sorted((x for x in ctx.entities_in(s, e) if x.kind.is_organization), key=lambda x: x.span.start)
    if len(orgs) < 2 or orgs[0].span.start != s or orgs[-1].span.end != e or any(
            a.span.end != b.span.start for a, b in zip(orgs, orgs[1:])):
        return None
    kind = orgs[-1].kind
    ctx.replace_entities([x for x in ctx.entities if not (x.kind.is_organization and s <= x.span.start and x.span.end <= e)])
    whole = ctx.add(kind, ctx.text[s:e], s, e)
    parts = tuple(x.ref for x in orgs)
    for i, x in enumerate(ctx.listings):  # the same name read in two pieces elsewhere (授予某集团公司第七〇二研究所等…)
        r = x.recipients
        at = next((k for k in range(len(r) - len(parts) + 1) if r[k:k + len(parts)] == parts), None)
        if at is not None:
            ctx.listings[i] = replace(x, recipients=r[:at] + (whole.ref,) + r[at + len(parts):])
    return whole


TITLE_LINE_MAX = 40
"""The longest line read as a list's title (``2023年度“某奖”获奖企业名单``), not a sentence."""


def _list_title(ctx: Ctx, lines: list[tuple[int, int]], i: int) -> list | None:
    """The programmes of a list's title written without a colon: a short line ending in a word of a list
    (``list_title_endings.txt``: 名单, 名录, 榜单 …) that names a programme (``2023年度“某奖”获奖企业名单``), or
    that names none and comes right after a short line naming one (``2023年度“某奖”`` / ``获奖企业名单``)."""
    hs, he = lines[i]
    line = ctx.text[hs:he].strip()
    if not line or len(line) > TITLE_LINE_MAX or re.search(r"[。；;，,：:]", line) \
            or not line.endswith(ctx.lex.words("list_title_endings.txt", longest_first=True)):
        return None
    progs = _named_in(ctx, hs, he)
    if progs or i == 0:
        return progs or None
    ps, pe = lines[i - 1]
    prev = ctx.text[ps:pe].strip()
    if not prev or len(prev) > TITLE_LINE_MAX or re.search(r"[。；;，,：:]", prev):
        return None
    return _named_in(ctx, ps, pe) or None


def _named_in(ctx: Ctx, start: int, end: int) -> list:
    """The programmes named in ``[start, end)``: entities there, else a quoted name (without its year and
    edition) that is the name of a programme the document names elsewhere."""
    from .listings import programme_name
    found = [e for e in ctx.entities_in(start, end) if e.kind.is_programme]
    if found:
        return found
    for q in re.finditer(r"[“\"](?P<name>[^“”\"]{2,30})[”\"]", ctx.text[start:end]):
        name = programme_name(q.group("name"))[0]
        known = [e for e in ctx.entities if e.kind.is_programme and e.name == name]
        if known:
            return known[:1]
    return []


DATE_LINE_RE = re.compile(r"[\d〇零一二三四五六七八九○Ｏ]{4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日")


def _signature_follows(ctx: Ctx, lines: list[tuple[int, int]], at: int) -> bool:
    """Whether the next line after index ``at`` that is not blank is a date alone on its line: a body named on
    the line ``at`` then signs the list (``某市市场监督管理局`` / ``2024年1月5日``), it did not win."""
    rest = [ctx.text[s:e].strip() for s, e in lines[at + 1:]]
    nxt = next((x for x in rest if x), None)
    return nxt is not None and DATE_LINE_RE.fullmatch(nxt) is not None


def find_line_lists(ctx: Ctx) -> None:
    """``获得“某市政府质量奖”称号的包括：`` (or a numbered section heading with a count, ``一、某奖（共10个）``,
    whose lines may also be a person with a bracketed post) and one winner per line below: each line that is one organisation
    (or a named institution, ``某市人民医院分子诊断中心``) is listed in the programme the heading names; the
    list ends at the first line that is no name. A name the rules cut at a boundary word (``达能…`` read as
    ``能…``) is taken whole, as its line."""
    lines, at = [], 0
    for line in ctx.text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    for i, (hs, he) in enumerate(lines):
        section = SECTION_HEAD_RE.match(ctx.text, hs, he)
        titled = _list_title(ctx, lines, i) if section is None and not LIST_HEAD_RE.search(ctx.text, hs, he) else None
        if not LIST_HEAD_RE.search(ctx.text, hs, he) and section is None and titled is None:
            continue
        progs = titled or [e for e in ctx.entities_in(hs, he) if e.kind.is_programme]
        if not progs:
            continue
        recipients: list[Ref] = []
        firms_only = any(w in ctx.text[hs:he] for w in ctx.lex.words("list_title_firm_words.txt"))
        for s, e in lines[i + 1:]:
            name = ctx.text[s:e].strip()
            if not name:
                break
            s = s + ctx.text[s:e].index(name[0])
            e = s + len(name)
            person = next((x for x in ctx.entities_in(s, e) if x.kind is Kind.PERSON and x.span.start == s
                           and re.fullmatch(r"[（(][^（）()]{2,40}[)）]", ctx.text[x.span.end:e])), None)
            if section is not None and person is not None:  # 王某（某公司董事长）: the person won
                recipients.append(person.ref)
                continue
            chain = _whole_line_org(ctx, s, e) if section is not None else None
            ent = chain or next((x for x in ctx.ending_at(e) if x.kind.is_organization and s <= x.span.start), None)
            if ent is not None and ent.span.start > s and ent.span.start - s <= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", ctx.text[s:ent.span.start]):
                ctx.replace_entities([x for x in ctx.entities if x.span != ent.span])  # 达能… cut after 达
                ent = ctx.add(ent.kind, name, s, e, place=ent.place)
            if ent is None and institution_end(ctx, name) and re.fullmatch(r"[\u4e00-\u9fff（）()]{4,30}", name):
                ctx.drop_organizations_within(s, e)
                ent = ctx.add(Kind.ORGANIZATION, name, s, e)
            if ent is None or ent.span.start != s:
                break
            if ent.kind in (Kind.GOVERNMENT_BODY, Kind.DEPARTMENT) and (
                    firms_only or _signature_follows(ctx, lines, i + 1 + len(recipients))):
                break  # the body that signs the list (or no firm under a title naming firms)
            ctx.claim(s, e)
            recipients.append(ent.ref)
        if section is not None and len(recipients) > int(section.group("num")):
            continue  # more lines than the heading counts: the list was not read right
        if len(recipients) >= 2:
            ctx.listings.append(Listing(progs[-1].ref, tuple(recipients), ctx.span(hs, lines[i + len(recipients)][1]),
                                        count=int(section.group("num")) if section is not None else None))