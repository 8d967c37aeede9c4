"""People and their posts: ``枣庄市市场监督管理局党组成员、副局长李震在发布会上介绍``,
bylines such as ``闪电新闻记者 李环宇 报道``."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Entity, Kind, PostHolding, Ref, Rel
from .bodies import bureau_before
from .context import Ctx, is_han
from .credits import credit_roles
from .dept_names import government_heads
from .firm_posts import firm_before_post, media_before_post, org_of_person_before
from .orgs import body_place_name, place_ending_at
from .places import other_place_in_sentence
from .scan import PUNCTUATION_STOPS, Scan

TERMINATORS = ("“", "「", "在", "介绍", "表示", "说", "指出", "回答", "主持", "出席", "通报", "解读", "强调", "发布会",
               "作", "就", "对", "等", "一行", "同志", "：", ":", "，", ",", "、", "。", " ", "　", "\n", "（", "(", "表",
               "）", ")", "通讯员", "报道", "为", "向", "宣读", "讲话", "先生", "女士", "带队", "率队", "调研", "致辞",
               "陪同", "参加", "到", "赴", "督导", "考察", "要求", "提出", "宣布", "颁发", "授牌", "揭牌", "发言",
               "答", "接受", "听取", "和", "与", "及", "同志", "总结", "部署", "参观", "会见", "看望", "走访",
               "告诉", "透露", "称", "谈到", "提到", "说明", "坦言", "认为", "日前", "近日", "代表", "获", "荣获",
               "当选", "被", "应邀", "上榜", "入选", "榜上有名", "获评", "荣膺", "发表")
COUNT_AFTER_RE = re.compile(r"(?:共|等|计)?\d+(?:人|名|位)")
"""``某某、某某2人被评为…``: a count of people ends the last name."""
MINISTRY_ENDINGS = ("总局", "部")
"""Bodies whose internal units are bureaus (市场监管总局质量发展局): only after them is ``、某局局长`` a unit's post."""
COMMITTEE_UNIT_RE = re.compile(r"[\u4e00-\u9fff]{2,6}?委")
CONGRESS_WORDS = ("人民代表大会", "政治协商会议")
UNIT_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:局|司|处|科|室)")
NAME_CHARS = r"[\u4e00-\u9fff]"


@per_lexicon
def _post_re(lex: Lexicon) -> re.Pattern[str]:
    posts = "|".join(map(re.escape, sorted(lex.posts, key=len, reverse=True)))
    posts += r"|(?:(?![在和与及由向对把被从于陪])[\u4e00-\u9fff]){2,8}?(?:司(?:副)?司长|处(?:副)?处长|科(?:副)?科长)"
    # 新闻宣传司司长; a function word ends the unit's name (副局长某某在组织人事科科长某某陪同下: two people)
    rank = r"(?:[（(][^（）()]{1,6}[)）])?"
    former = lex.alternation("former_post_marks.txt")
    posts = f"(?:{former})?(?:{posts})" if former else posts  # 原主席: a post held before, kept as written
    return re.compile(rf"(?P<posts>(?:{posts}){rank}(?:[、兼暨]?(?:{posts}){rank})*)[ 　：:]?(?P<name>{NAME_CHARS}{{2,4}})")


@per_lexicon
def post_scan(lex: Lexicon) -> Scan | None:
    """:func:`_post_re` tried only where a match can reach its first post (a post of the lexicon or a unit's
    司长/处长/科长; before it only a former-post mark and the unit's name, Han characters), or None without
    posts in the lexicon."""
    if not lex.posts:
        return None
    posts = "|".join(map(re.escape, sorted(lex.posts, key=len, reverse=True)))
    return Scan(_post_re(lex), posts + "|司(?:副)?司长|处(?:副)?处长|科(?:副)?科长", PUNCTUATION_STOPS)


def _post_search(ctx: Ctx, pos: int) -> re.Match[str] | None:
    """``_post_re(ctx.lex).search(ctx.text, pos)``."""
    scan = post_scan(ctx.lex)
    if scan is None:
        return _post_re(ctx.lex).search(ctx.text, pos)
    return next(scan.finditer(ctx.text, pos), None)


def _person_name(ctx: Ctx, start: int) -> str | None:
    """A 2–3 character name (or 4 with a double surname) starting at ``start``."""
    text = ctx.text
    surname_len = 2 if text[start:start + 2] in ctx.lex.surnames else 1
    if text[start:start + surname_len] not in ctx.lex.surnames:
        return None
    for given in (1, 2):
        end = start + surname_len + given
        if end > len(text):
            continue
        if not all("\u4e00" <= ch <= "\u9fff" for ch in text[start:end]):
            continue
        rest = text[end:end + 4]
        if text[start] in ctx.lex.words("conjunction_surnames.txt") and rest[:1] not in ("", *"，,、。；;：:（( \n"):
            continue  # 局长暨新闻发言人: 暨 joins two posts; 市长暨某某， is a name only before a stop
        if rest == "" or rest.startswith(TERMINATORS) or COUNT_AFTER_RE.match(rest) \
                or rest.startswith(ctx.lex.words("name_followers.txt")):  # 市长某某分别为…颁奖
            return text[start:end]
    return None


def find_people(ctx: Ctx) -> None:
    pos = 0
    while (m := _post_search(ctx, pos)) is not None:
        name = _person_name(ctx, m.start("name"))
        pos = m.start("name") if name is None else m.end()  # 常委会副主任某某: try again after a false start
        if name is None:
            continue
        start = m.start("name")
        if name.startswith(tuple(w for w in ctx.lex.words("name_stop_starts.txt") if len(w) > 1)):
            continue  # 常务副会长单位: a common word after the post, no name
        if ctx.overlaps_claim(start, start + len(name)):
            continue
        person = ctx.add(Kind.PERSON, name, start, start + len(name))
        ctx.claim(start, start + len(name))
        posts_start = m.start("posts")
        inside = next((e for e in ctx.entities_in(max(0, posts_start - 30), m.end("posts"))
                       if e.kind.is_organization and e.span.start <= posts_start < e.span.end), None)
        shared = ""
        if inside is not None:  # 省市场监管局质量发展处处长: the post starts after the bureau's name
            posts_start = inside.span.end
            shared = ctx.text[m.start("posts"):posts_start]  # 市委宣传部长: 部 ends the office and opens 部长
        org = _org_before(ctx, posts_start)
        posts_text = re.sub(r"[（(][^（）()]{1,6}[)）]", "", ctx.text[posts_start:m.end("posts")])
        unit = _unit_between(ctx, org, posts_start)
        if org is None:
            body, posts_text = _body_before_units(ctx, posts_start, posts_text)
            org = body or org
        if org is None:
            org = _party_department_after_post(ctx, posts_start)
        if org is None:
            org = _chain_of_post(ctx, posts_start, posts_text)
        roles = [r for r in re.split(r"[、兼暨]", posts_text) if r]
        if roles and shared and roles[0] not in ctx.lex.posts and shared + roles[0] in ctx.lex.posts:
            roles[0] = shared + roles[0]
        if org is None:  # 某某科技董事长某某 / …董事长甲，总经理乙: a short name, or the person before's
            split = _split_roles(ctx, roles)
            org = firm_before_post(ctx, posts_start, split) or media_before_post(ctx, posts_start, split) \
                or org_of_person_before(ctx, posts_start, tuple(government_heads(ctx.lex)), split) \
                or _publishing_bureau(ctx, posts_start, split, start + len(name)) \
                or _convening_bureau(ctx, posts_start, split)
        span_start = org.span.start if org else posts_start
        if org is not None and org.span.end < posts_start - len(unit):  # 局党组书记, 该公司副董事长: named before
            ref_word = re.search(r"(?:该|本)?(?:局|公司|企业|集团)$", ctx.text[max(0, posts_start - 3):posts_start])
            span_start = posts_start - (len(ref_word.group()) if ref_word else 0)
        for i, role in enumerate(_split_roles(ctx, roles)):
            role = unit + role if i == 0 else role  # 省局质量发展局局长: the unit's post, in the bureau
            holder = _government_for_head(ctx, role, org, posts_start) or org
            ctx.posts.append(PostHolding(person.ref, role, holder.ref if holder else None,
                                         ctx.span(span_start, start + len(name))))
        if ctx.posts and ctx.posts[-1].person == person.ref:
            pos = max(pos, _names_sharing_the_post(ctx, ctx.posts[-1], start + len(name)))
        if org is not None:
            _earlier_posts(ctx, person.ref, span_start, start + len(name))
        elif (unit := re.search(r"、[\u4e00-\u9fff]{1,5}(?:室|处|科|局|厅)$", ctx.text[max(0, posts_start - 7):posts_start])):
            # 市政府副秘书长、研究室主任某某: an internal unit's post after 、 is held in the unit of the
            # organisation named for the post before it (the government's research office)
            before = len(ctx.posts)
            _earlier_posts(ctx, person.ref, posts_start - len(unit.group()) + 1, start + len(name))
            held = ctx.posts[before].organization if len(ctx.posts) > before else None
            if held is not None and unit.group().endswith("局") and not held.name.endswith(MINISTRY_ENDINGS):
                held = None  # 县委常委、公安局局长: a bureau of its own, no unit of the committee
            office = unit.group()[1:]
            if held is not None and office in ("办公厅", "办公室") and held.kind is Kind.GOVERNMENT_BODY \
                    and (held.name.endswith("人民政府") or held.name.startswith("中共")):
                # 市政府副秘书长、办公厅主任某某: the government's (or the committee's) general office is a body
                at = posts_start - len(office)
                body = ctx.add(Kind.GOVERNMENT_BODY, held.name + office, at, posts_start,
                               place=next((e.place for e in ctx.entities if e.ref == held), None))
                _unit_posts(ctx, person.ref, "", body.ref, before)
            elif held is not None and office.endswith("厅"):
                pass  # 、某厅厅长: a department of its own, no unit of the body before
            elif held is not None:  # 市场监管总局总工程师、质量发展局局长: a ministry's internal bureau
                _unit_posts(ctx, person.ref, office, held, before)
        _identity_posts(ctx, person.ref, start + len(name))
        _speaker(ctx, person.ref, start)


IDENTITY_POST_RE = re.compile(r"的新?身份(?:是|为)[：:]?(?P<chain>[^，,。；;：:、“”\s]{2,16}?产业链)(?P<post>副?链长)")
"""``某某的新身份是：某某产业链链长``: a post named after the person, in the chain written with it."""


def _identity_posts(ctx: Ctx, person: Ref, name_end: int) -> None:
    m = IDENTITY_POST_RE.match(ctx.text, name_end)
    if m is None:
        return
    from .chains import chain_name
    found = chain_name(ctx, m.end("chain") - 3)
    if found is not None:
        chain = Ref(Kind.INDUSTRY_CHAIN, found[1] + "产业链")
        ctx.posts.append(PostHolding(person, m.group("post"), chain, ctx.span(name_end, m.end())))


def _chain_of_post(ctx: Ctx, posts_start: int, posts_text: str):
    """``某某产业链链长某某``, ``某某产业链副链长``: a chain's chief holds the post in the chain."""
    if not posts_text.startswith(("链长", "副链长")) or not ctx.text.endswith("产业链", 0, posts_start):
        return None
    from .chains import chain_name
    found = chain_name(ctx, posts_start - 3)
    if found is None:
        return None
    start, body = found
    # the chain's own mention is read by the chain rules later; here only whose post it is
    return Entity(Kind.INDUSTRY_CHAIN, body + "产业链", ctx.span(start, posts_start))


def _publishing_bureau(ctx: Ctx, posts_start: int, roles: list[str], name_end: int):
    """``。党组成员、副局长某某出席会议``: in a report published by a government department that the text
    names, a chain of the bureau's own posts (``own_bureau_posts.txt``) opening a clause with no
    organisation is held in the publisher — unless another department is named in this sentence or the
    one before (whose posts they are cannot be told), or the name leads a visiting group
    (``visiting_group_marks.txt``: 副局长某某一行)."""
    publisher = _publisher_body(ctx, ctx.doc.publisher or "")
    if not roles or not all(r in ctx.lex.words("own_bureau_posts.txt") for r in roles):
        return None
    if posts_start > 0 and ctx.text[posts_start - 1] not in "，,。；;：:\n":
        return None  # words before the posts: they may name someone else's organisation
    if ctx.text.startswith(ctx.lex.words("visiting_group_marks.txt", longest_first=True), name_end):
        return None
    sent = ctx.sentence_of(posts_start)
    lo = sent.span.start if sent is not None else posts_start
    before = ctx.sentence_of(lo - 1) if lo > 0 else None
    lo = before.span.start if before is not None else lo
    own = next((e for e in ctx.entities if e.kind is Kind.DEPARTMENT and e.name == publisher), None) if publisher else None
    if own is None or any(e.kind is Kind.DEPARTMENT and e.name != publisher for e in ctx.entities_in(lo, posts_start)):
        return None  # 自治区市场监管局调研组到会，副局长某某…: the visitors' bureau, or the publisher's
    if own.level is not None and _other_level_bureau(ctx, lo, posts_start, own.level):
        return None
    return own


CONVENED_RE = re.compile(r"(?:召开|举办|组织召开|举行)了?")


def _convening_bureau(ctx: Ctx, posts_start: int, roles: list[str]):
    """``某区市场监管局召开了半年度工作会议，会议由党组书记、局长某某主持``: a chain of a bureau's own posts
    (``own_bureau_posts.txt``) after 由, in a sentence whose one department convened the meeting (the
    department, then 召开 / 举办), is held in that department."""
    if not roles or not all(r in ctx.lex.words("own_bureau_posts.txt") for r in roles):
        return None
    if not ctx.text.endswith("由", 0, posts_start):
        return None
    sent = ctx.sentence_of(posts_start)
    lo = sent.span.start if sent is not None else max(0, posts_start - 80)
    depts = [e for e in ctx.entities_in(lo, posts_start) if e.kind is Kind.DEPARTMENT]
    if len({e.ref for e in depts}) != 1 or CONVENED_RE.match(ctx.text, depts[0].span.end) is None:
        return None  # no department, several, or one that convened nothing: whose posts is not told
    return depts[0]


def _publisher_body(ctx: Ctx, publisher: str) -> str:
    """The body behind a publisher written as its medium (``某省市场监管局网站``: the bureau)."""
    for end in ctx.lex.words("publisher_medium_endings.txt", longest_first=True):
        if publisher.endswith(end) and len(publisher) > len(end) + 2:
            return publisher[:-len(end)]
    return publisher


@per_lexicon
def _bureau_level_re(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    marks = {m: lvl for m, lvl in lex.table("bureau_level_marks.tsv", columns=2, header="mark")}
    alt = "|".join(map(re.escape, sorted(marks, key=len, reverse=True)))
    return re.compile(r"(?P<mark>" + alt + r")[\u4e00-\u9fff]{0,8}?局"), marks


def _other_level_bureau(ctx: Ctx, lo: int, hi: int, level) -> bool:
    """Whether a bureau's short name of another level than ``level`` (``bureau_level_marks.tsv``) is written in
    ``[lo, hi)`` outside the names of departments (自治区市场监管局 in a city bureau's report)."""
    pattern, marks = _bureau_level_re(ctx.lex)
    named = [e.span for e in ctx.entities_in(lo, hi) if e.kind is Kind.DEPARTMENT]
    for m in pattern.finditer(ctx.text, lo, hi):
        if any(sp.start <= m.start() < sp.end for sp in named):
            continue
        if marks[m.group("mark")] != level.value:
            return True
    return False


def _names_sharing_the_post(ctx: Ctx, last: PostHolding, end: int) -> int:
    """``副市长某甲、某乙出席``: bare names listed with 、 right after a deputy's post and name hold that
    post too (a post several people hold: it starts with 副); returns where the list ends."""
    if not last.role.startswith("副"):
        return end
    while ctx.text[end:end + 1] == "、":
        name = _person_name(ctx, end + 1)
        if name is None or ctx.overlaps_claim(end + 1, end + 1 + len(name)):
            break
        if name.startswith(tuple(w for w in ctx.lex.words("name_stop_starts.txt") if len(w) > 1)):
            break
        if _titled_surname(ctx, name):
            break  # 、王局长 / 、刘主任: a surname and a post of its own, no name sharing the deputy's post
        nxt = end + 1 + len(name)
        if ctx.text.startswith(tuple(ctx.lex.posts), nxt):
            break  # 、某乙局长: a post of its own, written after the name
        other = ctx.add(Kind.PERSON, name, end + 1, nxt)
        ctx.claim(end + 1, nxt)
        ctx.posts.append(PostHolding(other.ref, last.role, last.organization, ctx.span(last.span.start, nxt)))
        end = nxt
    return end


@per_lexicon
def _address_titles(lex: Lexicon) -> tuple[str, ...]:
    """Words that, after a surname, stand for a given name: posts, honorifics, ``address_titles.txt``."""
    return tuple(sorted({*lex.posts, *lex.words("honorifics.txt"), *lex.words("address_titles.txt")},
                        key=len, reverse=True))


def _titled_surname(ctx: Ctx, name: str) -> bool:
    """Whether ``name`` is one or two characters of a surname and a title (``王局长``, ``刘主任``, ``王总``)."""
    return any(name.endswith(t) and 1 <= len(name) - len(t) <= 2 for t in _address_titles(ctx.lex))


@per_lexicon
def _party_office_after(lex: Lexicon) -> re.Pattern[str]:
    """``、宣传部`` at the end: an office of ``party_offices.tsv`` after 、."""
    from .dept_names import party_offices
    return re.compile(r"、(?P<dept>" + "|".join(map(re.escape, party_offices(lex))) + ")$")


def _party_department_after_post(ctx: Ctx, pos: int):
    """``县委常委、宣传部部长某某``: a Party department written after a committee post (and 、) is the
    department of the committee named before that post."""
    from .dept_names import party_offices
    m = _party_office_after(ctx.lex).search(ctx.text, max(0, pos - 5), pos)
    if m is None and ctx.text.startswith("部长", pos):  # 县委常委、宣传部长: the office's 部 opens the post
        m = _party_office_after(ctx.lex).search(ctx.text[:pos + 1], max(0, pos - 4))
    if m is None:
        return None
    posts = sorted(ctx.lex.posts, key=len, reverse=True)
    chain = [m]  # 市委常委、组织部部长、统战部部长某某: offices chained back to the committee's post
    while True:
        post = next((p for p in posts if ctx.text.endswith(p, 0, chain[-1].start())), None)
        if post is None:
            return None
        at = chain[-1].start() - len(post)
        committee = next((e for e in ctx.ending_at(at) if e.kind is Kind.GOVERNMENT_BODY
                          and e.name.startswith("中共") and e.name.endswith("委员会")), None)
        if committee is not None:
            break
        earlier = _party_office_after(ctx.lex).search(ctx.text, max(0, at - 5), at)
        if earlier is None or len(chain) > 4:
            return None
        chain.append(earlier)
    place = ctx.lex.place_named(committee.place) if committee.place else None
    ent = None
    for link in chain:
        dept = link.group("dept")
        found = ctx.add(Kind.DEPARTMENT, committee.name + party_offices(ctx.lex)[dept], link.start("dept"),
                        link.end("dept"), aliases=(dept,), place=committee.place,
                        level=place.admin_level if place else None,
                        attributes=(("en_body", "Department of the CPC Committee"),))
        ctx.claim(link.start("dept"), link.end("dept"))
        ent = ent or found
    return ent


def _unit_posts(ctx: Ctx, person: Ref, unit: str, org: Ref | None, upto: int) -> None:
    """The posts just read without an organisation become the unit's posts in ``org``."""
    for i in range(upto - 1, -1, -1):
        p = ctx.posts[i]
        if p.person != person or p.organization is not None:
            break
        ctx.posts[i] = PostHolding(person, unit + p.role, org, p.span)


def _earlier_posts(ctx: Ctx, person: Ref, k: int, end: int) -> None:
    """``聊城市委书记、市人大常委会主任某某``: posts in other organisations listed before, each after its
    organisation, separated by 、 — or by ， after a whole chain of one organisation's posts
    (``市市场监管局党组书记、局长，市质量强市工作领导小组办公室主任某某``: the text before ， ends with a post
    whose organisation is named right before it; anything else ends the walk)."""
    posts = sorted(ctx.lex.posts, key=len, reverse=True)
    while k > 0 and ctx.text[k - 1] in "、，,":
        roles: list[str] = []
        j = k - 1
        while True:  # 党组书记、局长: the posts of one organisation, back to the organisation
            post = next((p for p in posts if ctx.text.endswith(p, 0, j)), None)
            if post is None:
                return
            roles.insert(0, post)
            j -= len(post)
            org = _org_before(ctx, j)
            if org is not None:
                break
            if len(roles) == 1 and ctx.text.endswith("、办公室", 0, j):
                office = _group_office(ctx, person, j - 3, posts, end)  # 省某领导小组副组长、办公室主任、…
                if office is None:
                    return
                org, unit_text = office
                roles[0] = unit_text + roles[0]
                break
            placed = place_ending_at(ctx, j)  # 某省副省长、省某委员会主任某某: the province's governor
            placed_alone = placed is not None and (placed[0] == 0 or ctx.text[placed[0] - 1] in "、，," or not is_han(
                ctx.text[placed[0] - 1]))
            if len(roles) == 1 and post in government_heads(ctx.lex) and (
                    j == 0 or ctx.text[j - 1:j] in ("、", "，", ",") or not is_han(ctx.text[j - 1]) or placed_alone):  # 副市长、市公安局局长
                government = _government_for_head(ctx, post, None, j)  # 县委常委、常务副县长、…: the county's
                if government is None:
                    return
                ctx.posts.append(PostHolding(person, post, government.ref, ctx.span(j, end)))
                break
            if ctx.text[j - 1:j] != "、" or ctx.text[k - 1] == "、":
                referred = _referred_chain(ctx, j, posts)
                if referred is None:
                    return  # a chain of posts without an organisation is read only before ，
                org, more, j = referred  # ，局党组成员、副局长、县某局局长某某: the bureau named before
                roles[:0] = more
                break
            j -= 1
        if org is None:
            k = j
            continue
        unit = ctx.text[org.span.end:j]  # 市质量发展委员会办公室主任: the office's director
        unit = unit if UNIT_RE.fullmatch(unit) else ""
        if org.span.end < j - 3 and ctx.text.endswith("、办公室", 0, j):
            unit = ""  # 某委员会副主任、办公室主任: the office read by _group_office, its post prefixed already
        for i, role in enumerate(roles):
            role = unit + role if i == 0 else role
            holder = _government_for_head(ctx, role, org, j) or org
            ctx.posts.append(PostHolding(person, role, holder.ref, ctx.span(org.span.start, end)))
        k = org.span.start


def _group_office(ctx: Ctx, person: Ref, office_start: int, posts: list[str], end: int):
    """``省质量兴省领导小组副组长、办公室主任``: an office written bare right after a post of a leading group or
    committee named before that post is that body's office — a leading group's office is a body of its own
    (某领导小组办公室), a committee's stays its unit (办公室主任, as the committee's other rules read it). The
    body's own post is read too. Returns (the body holding the 主任, the unit to prefix the post) or None."""
    before = office_start - 1  # the 、
    post = next((p for p in posts if ctx.text.endswith(p, 0, before)), None)
    if post is None:
        return None
    body = next((e for e in ctx.ending_at(before - len(post)) if e.kind is Kind.GOVERNMENT_BODY
                 and e.name.endswith(("领导小组", "委员会")) and not e.name.startswith("中共")
                 and not any(w in e.name for w in CONGRESS_WORDS)), None)
    if body is None:
        return None
    ctx.posts.append(PostHolding(person, post, body.ref, ctx.span(body.span.start, end)))
    if body.name.endswith("委员会"):
        return body, "办公室"
    office = ctx.add(Kind.GOVERNMENT_BODY, body.name + "办公室", office_start, office_start + 3, place=body.place,
                     level=body.level)
    return office, ""


REFERRING_RE = re.compile(r"(?<=[，,；;])(?:该|本)?(?P<word>局|公司|集团)$")


def _referred_chain(ctx: Ctx, j: int, posts: list[str]):
    """``，局党组成员、副局长、`` ending at ``j``: posts opening a clause with a word referring back (局, 该公司)
    are held in the latest organisation of the sentence named with that ending: (it, the posts, their start)."""
    roles: list[str] = []
    while True:
        ref = REFERRING_RE.search(ctx.text, max(0, j - 4), j)
        if ref is not None:
            break
        if ctx.text[j - 1:j] != "、" and roles:
            return None
        j -= 1 if ctx.text[j - 1:j] == "、" else 0
        post = next((p for p in posts if ctx.text.endswith(p, 0, j)), None)
        if post is None:
            return None
        roles.insert(0, post)
        j -= len(post)
    sent = ctx.sentence_of(j)
    lo = sent.span.start if sent is not None else 0
    org = next((e for e in reversed(ctx.entities_in(lo, ref.start())) if e.kind.is_organization
                and e.span.end <= ref.start() and e.name.endswith(ref.group("word"))), None)
    return (org, roles, ref.start()) if org is not None else None


UNITS_THEN_POST_RE = re.compile(r"(?P<units>(?:[\u4e00-\u9fff]{1,10}?(?:司|处|科|室))+)(?P<post>副?(?:司长|处长|科长|主任))$")


def _body_before_units(ctx: Ctx, posts_start: int, posts_text: str):
    """``国家市场监督管理总局质量管理司质量信用处副处长某某``: the post regex may start inside the internal
    units; the post is 副处长, held in the body named right before the units. Returns (body, post text)."""
    m = UNITS_THEN_POST_RE.match(posts_text)
    if m is None:
        return None, posts_text
    body = next((e for e in reversed(ctx.entities_in(max(0, posts_start - 14), posts_start + 1))
                 if e.kind.is_organization and e.span.end <= posts_start
                 and all(is_han(c) for c in ctx.text[e.span.end:posts_start])), None)
    return (body, m.group("post")) if body is not None else (None, posts_text)


def _split_roles(ctx: Ctx, chunks: list[str]) -> list[str]:
    """``党组成员副局长`` written without 、 is two posts."""
    out: list[str] = []
    posts = sorted(ctx.lex.posts, key=len, reverse=True)
    for chunk in chunks:
        while chunk:
            p = next((p for p in posts if chunk.startswith(p)), None)
            if p is None:
                out.append(chunk)
                break
            out.append(p)
            chunk = chunk[len(p):]
    return out


def _government_for_head(ctx: Ctx, role: str, org, pos: int):
    """A mayor or governor (市长, 副县长 …) holds the post in the people's government of the place,
    also when the text names the Party committee first (凯里市委副书记、市长) or only the place."""
    if role not in government_heads(ctx.lex):
        return _region_head(ctx, role, org, pos)
    place = None
    if org is not None and org.kind is Kind.GOVERNMENT_BODY and org.place and not org.name.endswith("人民政府"):
        place = ctx.lex.place_named(org.place)
    elif org is None:
        lead = next((w for w in ctx.lex.words("post_leads.txt") if ctx.text.endswith(w, 0, pos)), "")
        found = place_ending_at(ctx, pos - len(lead))  # 钟祥分管副市长某某: the place before the lead word
        place = found[1] if found else None
        pos_ = pos - len(lead)
        if lead and place is None:  # 县政府分管副县长某某: the government named before the lead word
            gov = next((e for e in ctx.ending_at(pos_) if e.kind is Kind.GOVERNMENT_BODY and e.place), None)
            place = ctx.lex.place_named(gov.place) if gov is not None else None
            if place is None and pos_ > 0 and is_han(ctx.text[pos_ - 1]) and ctx.text[pos_ - 1] not in "和及与由有在向为对请":
                return None  # 各县市区分管副县长: something else before the lead word
        if place is None and (pos_ == 0 or not is_han(ctx.text[pos_ - 1]) or ctx.text[pos_ - 1] in "和及与由有在向为对请"):
            place = ctx.place_for_prefix(government_heads(ctx.lex)[role])  # 市长某某: the report's city
            if place is not None and other_place_in_sentence(ctx, pos, place):
                return None  # 赴长兴县考察，座谈会由副县长某某主持: whose county is not told
    if place is None:
        return None
    at = ctx.text.find(role, pos, pos + 40)  # 县委常委、副县长: the span is the post's own, not the posts' start
    at = pos if at == -1 else at
    return ctx.add(Kind.GOVERNMENT_BODY, body_place_name(ctx, place) + "人民政府", at, at + len(role), place=place.name,
                   level=place.admin_level, attributes=(("en_body", "People's Government"),))


def _region_head(ctx: Ctx, role: str, org, pos: int):
    """``某某自治区副主席某某`` / ``自治区主席某某``: the chair of an autonomous region (``region_government_heads.txt``)
    heads its people's government — only right after the region's name or the word 自治区 (elsewhere 主席 is a
    congress's, a CPPCC committee's or an association's post)."""
    if org is not None or role not in ctx.lex.words("region_government_heads.txt"):
        return None
    found = place_ending_at(ctx, pos)
    place = found[1] if found is not None else None
    if place is None and ctx.text.endswith("自治区", 0, pos):
        place = ctx.province  # the word 自治区 in a report of a place inside a region: that region
    if place is None or not place.name.endswith("自治区") or place.level != "province":
        return None
    return ctx.add(Kind.GOVERNMENT_BODY, place.name + "人民政府", pos, pos + len(role), place=place.name,
                   level=place.admin_level, attributes=(("en_body", "People's Government"),))


def _org_before(ctx: Ctx, pos: int):
    alias = re.search(r"[（(]以下简称[^）)]{1,20}[)）]$", ctx.text[max(0, pos - 30):pos])
    if alias:  # 新疆维吾尔自治区市场监管局(以下简称“新疆市场监管局”)党组书记
        pos -= len(alias.group())
    org = next((e for e in ctx.ending_at(pos) if e.kind.is_organization), None) or bureau_before(ctx, pos)
    bare = ctx.text[max(0, pos - 2):pos] == "公司" and (pos == 2 or ctx.text[pos - 3] in "。\n；;")
    if org is None and (ctx.text[max(0, pos - 3):pos] in ("该公司", "该企业", "该集团") or bare):
        # (公司常务副总经理某某 opening a sentence: the company's own news, the company named before)
        # 该公司副董事长某某: the company named last before (in this sentence or the one before)
        sent = ctx.sentence_of(pos)
        lo = ctx.doc.sentences[sent.index - 1].span.start if sent is not None and sent.index > 0 else 0
        named = [e for e in ctx.entities_in(lo, pos - (2 if bare else 3)) if e.kind is Kind.ENTERPRISE]
        org = named[-1] if named else None
    if org is None:
        org = _bureau_named_before(ctx, pos)
    for start in range(max(0, pos - 10), pos - 2):
        if org is not None:
            break
        if UNIT_RE.fullmatch(ctx.text, start, pos):
            # 市场监管总局质量发展局二级巡视员: an internal unit is no entity; the post is the body's
            org = next((e for e in ctx.ending_at(start) if e.kind.is_organization), None) or bureau_before(ctx, start)
            if org is not None and org.kind is Kind.ASSOCIATION and ctx.text[pos - 1] == "局":
                org = None  # 某某商会党建工作局副局长: an association has no bureau; whose is not told
        elif COMMITTEE_UNIT_RE.fullmatch(ctx.text, start, pos):
            # 市政协经科农委主任: a special committee of a congress or a CPPCC committee, the body's unit
            org = next((e for e in ctx.ending_at(start) if e.kind is Kind.GOVERNMENT_BODY
                        and any(w in e.name for w in CONGRESS_WORDS)), None)
    return org


def _bureau_named_before(ctx: Ctx, pos: int):
    """``市市场监管局召开…。局党组书记、局长某某主持``: 局 / 该局 / 本局 alone before a post is the bureau named
    last before in the paragraph."""
    m = re.search(r"(?:该|本)?局$", ctx.text[max(0, pos - 2):pos])
    if m is None:
        return None
    start = pos - len(m.group())
    if start > 0 and is_han(ctx.text[start - 1]) and ctx.text[start - 1] not in "，,。；;：:、）)":
        return None  # 格局, 市局 (read by bureau_before)
    lo = max(0, start - 200, ctx.text.rfind("\n", 0, start) + 1)  # in the paragraph, not far back
    bureaus = [e for e in ctx.entities_in(lo, start) if e.kind is Kind.DEPARTMENT and e.name.endswith("局")]
    return bureaus[-1] if bureaus else None


def _unit_between(ctx: Ctx, org, pos: int) -> str:
    """The internal unit written between an organisation and its post (``省局质量发展局局长``: 质量发展局)."""
    if org is None or org.span.end >= pos:
        return ""
    unit = ctx.text[org.span.end:pos]
    committee = COMMITTEE_UNIT_RE.fullmatch(unit) and any(w in org.name for w in CONGRESS_WORDS)
    return unit if UNIT_RE.fullmatch(unit) or committee else ""


def _speaker(ctx: Ctx, person: Ref, pos: int) -> None:
    """A person who 介绍/表示 … at a press conference speaks at the latest one mentioned."""
    sent = ctx.sentence_of(pos)
    if sent is None:
        return
    if not re.search(r"(?:发布会|会上|会议上|通气会)", sent.span.text):
        return
    events = [e for e in ctx.entities_in(max(0, pos - 3000), pos) if e.kind in (Kind.PRESS_CONFERENCE, Kind.MEETING, Kind.EVENT)]
    if events:
        ev = max(events, key=lambda e: e.span.start)
        ctx.relate(ev.ref, Rel.SPEAKER, person, sent.span.start, sent.span.end)


NOT_MEDIA = ("本报", "本网", "本台", "本站", "本刊")
BYLINE_RE = re.compile(
    r"(?P<media>[^\s，,。：:（()）、]{2,12}?)?(?P<role>全媒体记者|记者|通讯员|责任编辑|编辑)[ 　：:]*"
    r"(?P<names>(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ 　][\u4e00-\u9fff](?![\u4e00-\u9fff]))"
    r"(?:[ 　、]+(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ 　][\u4e00-\u9fff](?![\u4e00-\u9fff])))*)"
    r"[ 　]*(?=报道|摄影|摄|采写|整理|[)）]|$|\n|通讯员)",
    re.M,
)
BYLINE_SCAN = Scan(BYLINE_RE, "记者|通讯员|编辑", within=15)  # a media name of up to 12, then 全媒体/责任
MEDIA_HINT = re.compile(r"(?:网|报|新闻|电视台|广播|日报|晚报|社|台|客户端|融媒体中心)$")


def _byline_names(ctx: Ctx, m: re.Match[str]) -> list[tuple[str, int, int]]:
    """The names of a byline with their spans; a two-character name written with a space inside
    (``记者 王 越``: a surname, a space, one character) is one name."""
    tokens = [(t.group(), m.start("names") + t.start(), m.start("names") + t.end())
              for t in re.finditer(r"[\u4e00-\u9fff]+", m.group("names"))]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        name, s, e = tokens[i]
        if len(name) == 1 and i + 1 < len(tokens) and len(tokens[i + 1][0]) == 1 and name in ctx.lex.surnames \
                and ctx.text[e:tokens[i + 1][1]] in (" ", "　"):
            name, e = name + tokens[i + 1][0], tokens[i + 1][2]
            i += 1
        out.append((name, s, e))
        i += 1
    return out


CORRESPONDENTS_RE = re.compile(r"(?:讯|电)[ 　]*[（(](?P<names>[\u4e00-\u9fff]{2,3}(?:[ 　、]+[\u4e00-\u9fff]{2,3}){0,3})"
                               r"[ 　]+(?:全媒体|融媒体)?(?:记者|通讯员)")
"""``某某网讯（甲某 乙某 记者 丙某）``: names opening a dateline's bracket before its role word."""
DATELINE_NAMES_RE = re.compile(r"(?:讯|电|消息)[ 　]*[（(](?P<names>[\u4e00-\u9fff]{2,3}(?:[ 　、]+[\u4e00-\u9fff]{2,3}){0,3})[)）]")
"""``某某网西宁7月8日电（甲某）``, ``某台某地频道消息（乙某）``: a dateline's bracket holding names only."""


def _correspondents(ctx: Ctx) -> None:
    """The names written before the role word in a dateline's bracket, or alone in it, are persons of the byline
    (their role is not told); each must open with a surname and be no common word nor a role word."""
    stops = tuple(w for w in ctx.lex.words("name_stop_starts.txt") if len(w) > 1)
    roles = (*ctx.lex.words("byline_roles.txt"), *credit_roles(ctx.lex))
    matches = [*CORRESPONDENTS_RE.finditer(ctx.text, 0, 600), *DATELINE_NAMES_RE.finditer(ctx.text, 0, 600)]
    for m in matches:
        names = [(t.start(), t.end()) for t in re.finditer(r"[\u4e00-\u9fff]+", m.group("names"))]
        base = m.start("names")
        if not all(m.group("names")[s] in ctx.lex.surnames and not m.group("names")[s:e].startswith(stops)
                   and not m.group("names")[s:e].endswith(roles) for s, e in names):
            continue
        for s, e in names:
            if not ctx.overlaps_claim(base + s, base + e):
                ctx.add(Kind.PERSON, ctx.text[base + s:base + e], base + s, base + e)
                ctx.claim(base + s, base + e)


def find_bylines(ctx: Ctx) -> None:
    _correspondents(ctx)
    for m in BYLINE_SCAN.finditer(ctx.text):
        media_name = m.group("media") or ""
        if media_name.endswith("全媒体"):
            media_name = media_name[: -len("全媒体")]
        if media_name and (not MEDIA_HINT.search(media_name) or media_name in NOT_MEDIA):
            media_name = ""
        alias = ctx.lex.org_aliases.get(media_name)
        org_ref = None
        read = next((e for e in ctx.ending_at(m.start("media") + len(media_name)) if e.kind is Kind.MEDIA
                     and e.span.start == m.start("media")), None) if media_name else None
        if read is not None:  # （县融媒体中心记者…）: the outlet read already, with its elided place restored
            org_ref = read.ref
        elif alias is not None:
            ent = ctx.add(alias.kind, alias.canonical, m.start("media"), m.start("media") + len(media_name),
                          aliases=(media_name,) if media_name != alias.canonical else ())
            ctx.claim(m.start("media"), m.end("media"))
            org_ref = ent.ref
        elif "·" in media_name and all(len(part) >= 2 for part in media_name.split("·")):
            at = m.start("media")  # 新甘肃·甘肃经济日报: a platform and its paper, two outlets; the paper is the reporter's
            for part in media_name.split("·"):
                ent = ctx.add(Kind.MEDIA, part, at, at + len(part))
                at += len(part) + 1
            ctx.claim(m.start("media"), m.start("media") + len(media_name))
            org_ref = ent.ref
        elif media_name:
            ent = ctx.add(Kind.MEDIA, media_name, m.start("media"), m.start("media") + len(media_name))
            ctx.claim(ent.span.start, ent.span.end)
            org_ref = ent.ref
        elif ctx.doc.publisher:
            org_ref = Ref(Kind.MEDIA, ctx.doc.publisher)
        pos = m.start("names")
        role = "记者" if m.group("role") == "全媒体记者" else m.group("role")
        for name, s, pos in _byline_names(ctx, m):
            if name in ("记者", "通讯员", "编辑", "摄影") or name in credit_roles(ctx.lex):
                role = credit_roles(ctx.lex).get(name, name)  # 编辑 某某 审核 某某: each name after its own credit word
                continue
            if name.endswith(("报道", "摄影", "采写", "整理", "摄")):
                continue  # 滕州报道: where the reporter filed from, no person
            if name[:1] not in ctx.lex.surnames or ctx.overlaps_claim(s, pos):
                continue
            person = ctx.add(Kind.PERSON, name, s, pos)
            ctx.claim(s, pos)
            ctx.posts.append(PostHolding(person.ref, role, org_ref, ctx.span(m.start("role"), pos)))


COMRADE_RE = re.compile(r"(?:^|(?<=[，,。；;、：:（(\s]))(?P<name>[\u4e00-\u9fff]{2,3})同志(?![们])", re.M)
"""``；李某某同志作“质量月”启动讲话``: a name right after a stop and before 同志 (a word of address)."""


def find_comrades(ctx: Ctx) -> None:
    """A person named only by the word of address after the name (``某某同志``): the name must open a clause or
    an item of a list and start with a known surname; 同志们 (the audience) names none."""
    for m in COMRADE_RE.finditer(ctx.text):
        s, e = m.start("name"), m.end("name")
        name = m.group("name")
        if name[:1] not in ctx.lex.surnames or ctx.overlaps_claim(s, e) or ctx.entities_in(s, e):
            continue
        ctx.add(Kind.PERSON, name, s, e)
        ctx.claim(s, e)
