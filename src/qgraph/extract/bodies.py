"""People's congresses, political consultative conferences and Party committee departments.

``市人大常委会`` → 某市人民代表大会常务委员会, ``县政协`` → 中国人民政治协商会议某县委员会,
``市委宣传部`` → 中共某市委员会宣传部 (a department of the Party committee), with the place written
or elided as for governments; ``省局`` / ``市局`` before a post is the market-regulation bureau of
the report's province or city (see :func:`bureau_before`).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from ..model import Entity, Kind, PostHolding
from .attendees import after_list_opener
from .context import Ctx, is_han, occurrences
from .dept_names import government_heads, party_offices
from .orgs import body_place_name, dept_name, left_edge, place_ending_at, place_starting_at, with_parent
from .places import other_place_in_sentence

BODY_RE = re.compile(
    r"(?P<pre>[省市县区州])?(?:(?P<npc>人大常委会|人民代表大会常务委员会|人大(?=副?主任|党组|秘书长))|(?P<cppcc>政协)(?!委员)|"
    r"(?P<party>委)(?P<dept>宣传部|组织部|统战部|办公室|网信办))"
)
BUREAU_RE = re.compile(r"(?P<pre>[省市县区])局$")
NOT_IN_NAMES = "组委局厅处科室部会长办院所站"
ELIDED_AFTER = "，,。；;：:、\n 　）)的和及与在由"


def _place(ctx: Ctx, m: re.Match[str], body_start: int) -> tuple[int, PlaceInfo, str] | None:
    """Where the name starts, its place and the place as written (a parent before a district too)."""
    found = place_ending_at(ctx, body_start)
    if found is None and m.group("pre"):
        found = place_ending_at(ctx, body_start - 1)
        if found is not None and (not ctx.text[found[0]:body_start].endswith(m.group("pre"))
                                  or (m.group("pre") == "省") != (found[1].level == "province")):
            found = None  # 会同省委宣传部: 会同 is a verb here — a county is no 省
    if found is not None:
        return with_parent(ctx, found)
    pre = m.group("pre")
    if pre is None:
        return None
    start = m.start("pre")
    if start > 0 and is_han(ctx.text[start - 1]) and ctx.text[start - 1] not in ELIDED_AFTER \
            and not after_list_opener(ctx, start):
        return None  # 某某市人大: an unknown place, not the report's own (出席会议的有市人大…: the report's)
    place = ctx.place_for_prefix(pre)
    if place is None or (pre == "州" and not place.name.endswith("州")):
        return None
    return start, place, body_place_name(ctx, place)


def find_bodies(ctx: Ctx) -> None:
    for m in BODY_RE.finditer(ctx.text):
        body_start = m.end("pre") if m.group("pre") else m.start()
        where = _place(ctx, m, body_start)
        if where is None:
            continue
        start, place, written = where
        if ctx.text[max(0, start - 2):start] == "中共":
            start -= 2
        if ctx.overlaps_claim(start, m.end()):
            continue
        if place.level == "country":  # 全国人大常委会, 全国政协
            written = "全国"
        if m.group("npc"):
            name, kind, en = f"{written}人民代表大会常务委员会", Kind.GOVERNMENT_BODY, "Standing Committee of the People's Congress"
        elif m.group("cppcc"):
            name, kind, en = f"中国人民政治协商会议{written}委员会", Kind.GOVERNMENT_BODY, "CPPCC Committee"
        else:
            dept = party_offices(ctx.lex).get(m.group("dept"), m.group("dept"))  # 县委网信办
            name, kind, en = f"中共{written}委员会{dept}", Kind.DEPARTMENT, "Department of the CPC Committee"
        surface = ctx.text[start:m.end()]
        ctx.add(kind, name, start, m.end(), aliases=(surface,) if surface != name else (),
                place=place.name if place.level != "country" else None,
                level=place.admin_level, attributes=(("en_body", en),))
        ctx.claim(start, m.end())


def _party_committee_re(ctx: Ctx) -> re.Pattern[str]:
    def make() -> re.Pattern[str]:
        parties = "|".join(re.escape(r[0]) for r in ctx.lex.table("democratic_parties.tsv", columns=2, header="written"))
        return re.compile(rf"(?P<party>{parties})(?P<pre>[省市县区])委(?:员)?会")
    return ctx.lex.cached("democratic_party_committee_re", make)


def find_party_committees(ctx: Ctx) -> None:
    """``民建市委会副主委某某``: a democratic party's committee of the report's province, city, county or
    district (``democratic_parties.tsv``), named 中国民主建国会某市委员会."""
    full = {r[0]: r[1] for r in ctx.lex.table("democratic_parties.tsv", columns=2, header="written")}
    for m in _party_committee_re(ctx).finditer(ctx.text):
        if ctx.overlaps_claim(m.start(), m.end()):
            continue
        place = ctx.place_for_prefix(m.group("pre"))
        if place is None:
            continue
        name = f"{full[m.group('party')]}{body_place_name(ctx, place)}委员会"
        ctx.add(Kind.ASSOCIATION, name, m.start(), m.end(), aliases=(m.group(),), place=place.name,
                level=place.admin_level)
        ctx.claim(m.start(), m.end())


def find_zone_bodies(ctx: Ctx) -> None:
    """``重庆两江新区党工委委员、管委会副主任某某``: a zone's 党工委 is 中共{zone}工作委员会, and a bare 管委会 after
    posts of it is the same zone's 管理委员会 ({zone}管理委员会); zone endings in ``zone_endings.txt``."""
    endings = ctx.lex.alternation("zone_endings.txt")
    if not endings:
        return
    if "党工委" not in ctx.text:
        return  # (every match below holds it)
    posts = "|".join(map(re.escape, sorted(ctx.lex.posts, key=len, reverse=True)))
    for m in re.finditer(rf"(?:{endings})党工委", ctx.text):
        body_at = m.end() - 3
        edge = left_edge(ctx, m.start())
        start = next((i for i in range(edge, m.start()) if place_starting_at(ctx, i, limit=m.start() + 1)), None)
        if start is None or re.search(r"各|该|本|全|有关|相关|所在|辖区", ctx.text[edge:start]):
            continue  # 会议要求各开发区党工委: no zone named from a place
        zone = ctx.text[start:body_at]
        if len(zone) < 4 or ctx.overlaps_claim(start, m.end()) or not re.fullmatch(r"[\u4e00-\u9fff]+", zone) \
                or re.match(r"各|该|本|全|有关|相关|所在|辖区", zone):
            continue  # 各开发区党工委: every zone's, no body named
        ctx.add(Kind.GOVERNMENT_BODY, f"中共{zone}工作委员会", start, m.end(), aliases=(ctx.text[start:m.end()],))
        ctx.claim(start, m.end())
        bare = re.compile(rf"[^，,。；;、\s]{{1,8}}(?:、[^，,。；;、\s]{{1,8}})*?、(?P<bare>管委会|管理委员会)(?=(?:{posts}))"
                          ).match(ctx.text, m.end())  # 党工委委员、管委会副主任: the zone's management committee
        if bare is not None and not ctx.overlaps_claim(bare.start("bare"), bare.end("bare")):
            ctx.add(Kind.GOVERNMENT_BODY, f"{zone}管理委员会", bare.start("bare"), bare.end("bare"),
                    aliases=(bare.group("bare"),))
            ctx.claim(bare.start("bare"), bare.end("bare"))


ADDRESSED_BUREAU_RE = re.compile(r"(?<=[向经报由])[省市]局(?=申报|报送|备案|推荐|提交|申请|审核|审批|批准|核准)")
"""``向省局申报…``: 省局 / 市局 addressed by an application in a market-regulation report."""
MARKET_REGULATION_RE = re.compile(r"市场监管|市场监督管理")


def find_addressed_bureaus(ctx: Ctx) -> None:
    """``向省局申报某某授权…``: in a report of the market-regulation system (its publisher or text says
    so), the 省局 / 市局 an application is addressed to is that system's bureau of the province or city."""
    if not MARKET_REGULATION_RE.search(ctx.doc.publisher or "") and not MARKET_REGULATION_RE.search(ctx.text):
        return
    for m in ADDRESSED_BUREAU_RE.finditer(ctx.text):
        if not ctx.overlaps_claim(m.start(), m.end()):
            bureau_before(ctx, m.end(), addressed=True)


def bureau_before(ctx: Ctx, pos: int, addressed: bool = False) -> Entity | None:
    """``省局党组书记、局长某某``: 省局 / 市局 right before a post is the market-regulation bureau
    of the report's province or city (``addressed``: after 向 / 经, see :func:`find_addressed_bureaus`)."""
    m = BUREAU_RE.search(ctx.text, max(0, pos - 2), pos)
    if m is None or m.end() != pos:
        return None
    found = place_ending_at(ctx, m.end("pre"))
    if found is not None and ctx.text[found[0]:m.end("pre")].endswith(m.group("pre")):
        start, place = found
    else:
        start = m.start()
        lead_end = start - 1 if ctx.text[start - 1:start] == "了" else start  # 宣读了省局局长某某的贺信
        if start > 0 and is_han(ctx.text[start - 1]) and ctx.text[start - 1] not in ELIDED_AFTER and not addressed \
                and not ctx.text.endswith(ctx.lex.words("elided_body_leads.txt"), 0, lead_end):
            return None  # 格局, 当局: no bureau (传达省局党组书记…: after a verb, the bureau)
        place = ctx.place_for_prefix(m.group("pre"))
        if place is None:
            return None
    named = _system_bureau_named(ctx, place, pos)
    if named is not None:  # 省质监局局长 in a report naming 某省质量技术监督局: the system the report names
        ctx.claim(start, pos)
        return ctx.add(named.kind, named.name, start, pos, aliases=(ctx.text[start:pos],), place=place.name,
                       level=place.admin_level, attributes=named.attributes)
    dep = ctx.lex.dept_by_name.get("市场监督管理局")
    if dep is None:
        return None
    name = dept_name(ctx.lex, dep, place)
    ent = ctx.add(dep.kind, name, start, pos, aliases=(ctx.text[start:pos],), place=place.name,
                  level=place.admin_level, attributes=(("en_body", dep.en),))
    ctx.claim(start, pos)
    return ent


def _system_bureau_named(ctx: Ctx, place, pos: int) -> Entity | None:
    """The bureau of a regulating system (``system_bureaus.txt``: 质量技术监督局, 工商行政管理局, …) of ``place``
    the text named before ``pos``, when it names exactly one: an older report's 省局 is that bureau."""
    endings = tuple(ctx.lex.words("system_bureaus.txt"))
    found = {e.name: e for e in ctx.entities if e.kind is Kind.DEPARTMENT and e.span.end <= pos
             and e.name.startswith(place.name) and e.name[len(place.name):] in endings}
    return next(iter(found.values())) if len(found) == 1 else None


UNIT_BEFORE_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:处|科|室|司)(?=[\u4e00-\u9fff])")
"""An internal unit written between an organisation and a person's name (``技术创新处``)."""
MINISTRY_UNIT_BEFORE_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?局(?=[\u4e00-\u9fff])")
"""An internal bureau of a ministry written before a name (``质量发展局``)."""


def find_people_named_first(ctx: Ctx) -> None:
    """``市政府周某某市长、徐某某副市长出席``, ``苏州质监局钮某某局长``: an organisation, then the name,
    then the post (older reports write it so); later names of the run keep the organisation."""
    posts = tuple(sorted(ctx.lex.posts, key=len, reverse=True))
    for org in [e for e in ctx.entities if e.kind.is_organization and e.kind is not Kind.MEDIA]:
        pos = org.span.end
        unit = UNIT_BEFORE_NAME_RE.match(ctx.text, pos)
        if unit is None and org.name.endswith(("总局", "部")):  # 市场监管总局质量发展局某某副局长: a ministry's bureau
            unit = MINISTRY_UNIT_BEFORE_NAME_RE.match(ctx.text, pos)
        if unit is not None and _name_then_post(ctx, unit.end(), posts) is not None:
            pos = unit.end()  # 市工信局技术创新处某某副处长: the unit's post, held in the bureau
        unit_name = unit.group() if unit is not None and pos == unit.end() else ""
        while pos < len(ctx.text):
            found = _name_then_post(ctx, pos, posts)
            if found is None:
                break
            name_end, post_end = found
            if ctx.overlaps_claim(pos, name_end):
                break
            person = ctx.add(Kind.PERSON, ctx.text[pos:name_end], pos, name_end)
            ctx.claim(pos, name_end)
            holder = org
            role = ctx.text[name_end:post_end]
            if unit_name and role.lstrip("副") in ("处长", "科长", "主任", "司长", "局长"):
                role = unit_name + role
            if role in government_heads(ctx.lex) and org.kind is Kind.GOVERNMENT_BODY \
                    and not org.name.endswith("人民政府"):
                holder = None  # a mayor of a Party committee's place: left to the post-first rule
            ctx.posts.append(PostHolding(person.ref, role, holder.ref if holder else None, ctx.span(org.span.start, post_end)))
            if ctx.text[post_end:post_end + 1] != "、":
                break
            pos = post_end + 1


def find_heads_named_first(ctx: Ctx) -> None:
    """``黄某某副市长、某局郑某某局长等出席``: a mayor or governor named first with no organisation before
    holds the post in the people's government of the report's place of that level."""
    posts, posts_re = _government_head_posts(ctx.lex)
    if posts_re.search(ctx.text) is None:
        return  # no head's post anywhere: no name before one, and none after a place
    text = ctx.text
    post_starts = {i for p in posts for i in occurrences(text, p)}
    for m in re.finditer(r"(?:^|(?<=[，,。；;、：:\n])|(?<=由)(?![于此衷]))", text):  # 会议由某某副市长主持, not 由于
        pos = m.end()
        if not (pos + 2 in post_starts or pos + 3 in post_starts or pos + 4 in post_starts):
            continue  # a name (two to four characters) then a post: no post starts where one could end
        found = _name_then_post(ctx, pos, posts)
        if found is None or ctx.overlaps_claim(pos, found[0]):
            continue
        name_end, post_end = found
        role = ctx.text[name_end:post_end]
        place = ctx.place_for_prefix(government_heads(ctx.lex)[role])
        if place is None or other_place_in_sentence(ctx, pos, place):
            continue  # 赴长兴县考察，座谈会由王五副县长主持: whose county is not told
        person = ctx.add(Kind.PERSON, ctx.text[pos:name_end], pos, name_end)
        ctx.claim(pos, name_end)
        gov = ctx.add(Kind.GOVERNMENT_BODY, body_place_name(ctx, place) + "人民政府", name_end, post_end, place=place.name,
                      level=place.admin_level, attributes=(("en_body", "People's Government"),))
        ctx.posts.append(PostHolding(person.ref, role, gov.ref, ctx.span(pos, post_end)))
    _heads_named_after_their_place(ctx)


@per_lexicon
def _government_head_posts(lex: Lexicon) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The posts of a government's heads, longest first, and one pattern of them."""
    posts = tuple(sorted(government_heads(lex), key=len, reverse=True))
    return posts, re.compile("|".join(map(re.escape, posts)))


def _heads_named_after_their_place(ctx: Ctx) -> None:
    """``陵县某某副县长及…``: a place written right before a name and a head's post of the place's own level
    (县长 after a county, 市长 after a city) — the post is held in that place's people's government."""
    heads = government_heads(ctx.lex)
    posts, posts_re = _government_head_posts(ctx.lex)
    for m in posts_re.finditer(ctx.text):
        for name_len in (3, 2, 4):
            pos = m.start() - name_len
            if pos < 2 or _name_then_post(ctx, pos, posts) != (m.start(), m.end()) or ctx.overlaps_claim(pos, m.start()):
                continue
            found = place_ending_at(ctx, pos)
            role = m.group()
            if found is None or not found[1].name.endswith(heads[role]) or found[1].name != ctx.text[found[0]:pos]:
                continue  # 某市某某县长: a county's head after a city, whose county is not told
            place = found[1]
            person = ctx.add(Kind.PERSON, ctx.text[pos:m.start()], pos, m.start())
            ctx.claim(pos, m.start())
            gov = ctx.add(Kind.GOVERNMENT_BODY, body_place_name(ctx, place) + "人民政府", m.start(), m.end(),
                          place=place.name, level=place.admin_level, attributes=(("en_body", "People's Government"),))
            ctx.posts.append(PostHolding(person.ref, role, gov.ref, ctx.span(pos, m.end())))
            break


def _name_then_post(ctx: Ctx, pos: int, posts: tuple[str, ...]) -> tuple[int, int] | None:
    """(end of the name, end of the post) when a surname-led name and a post start at ``pos``."""
    text = ctx.text
    if text.startswith(posts, pos) or text.startswith(("党", "副", "总", "主", "常务", "二级", "一级"), pos):
        return None  # 党组书记, 副局长, 常务副县长: a post, no name
    surname = 2 if text[pos:pos + 2] in ctx.lex.surnames else 1
    if text[pos:pos + surname] not in ctx.lex.surnames or text.startswith(ctx.lex.words("name_stop_starts.txt"), pos):
        return None  # 某局相关负责人: a common word, no name
    for given in (2, 1):
        name_end = pos + surname + given
        if not all(is_han(ch) and ch not in NOT_IN_NAMES for ch in text[pos:name_end]) or text[name_end - 1:name_end] == "副":
            continue  # 李某副处长: 副 opens the post, no part of the name
        post = next((p for p in posts if text.startswith(p, name_end)), None)
        if post is None:
            continue
        end = name_end + len(post)
        if end == len(text) or text.startswith(tuple(ctx.lex.words("named_first_followers.txt")), end):
            return name_end, end
    return None


LEADER_BODY_RE = re.compile(r"(?:(?<=[、，,由])|(?<=[、，,][ 　]))(?P<body>政府|人大|政协)"
                            r"(?=副?(?:县长|市长|区长|州长|省长|主任|主席)|秘书长)")
LEADERS_WORD_RE = re.compile(r"等(?P<pre>[省市县区州])(?:委|政府)?领导")


def find_leader_list_bodies(ctx: Ctx) -> None:
    """``县委常委、政府副县长某某、人大副主任某某、政协副主席某某等县领导出席``: in a list of leaders closed by
    ``等县领导``, a bare 政府 / 人大 / 政协 before a post is that level's body of the report's place; the same
    bare word before a post elsewhere in the report (``活动由人大副主任某某主持``) is the same body."""
    resolved: dict[str, tuple[str, PlaceInfo, str]] = {}
    later: list[re.Match[str]] = []
    for m in LEADER_BODY_RE.finditer(ctx.text):
        stop = ctx.first_of("。；;\n", m.end(), len(ctx.text))
        lead = LEADERS_WORD_RE.search(ctx.text, m.end(), stop if stop != -1 else len(ctx.text))
        place = ctx.place_for_prefix(lead.group("pre")) if lead is not None else None
        if place is None:
            later.append(m)
            continue
        written = body_place_name(ctx, place)
        body = m.group("body")
        if body == "政府":
            name, en = f"{written}人民政府", "People's Government"
        elif body == "人大":
            name, en = f"{written}人民代表大会常务委员会", "Standing Committee of the People's Congress"
        else:
            name, en = f"中国人民政治协商会议{written}委员会", "CPPCC Committee"
        resolved.setdefault(body, (name, place, en))
        _add_leader_body(ctx, m, name, place, en)
    for m in later:
        if m.group("body") in resolved:
            _add_leader_body(ctx, m, *resolved[m.group("body")])


def _add_leader_body(ctx: Ctx, m: re.Match[str], name: str, place: PlaceInfo, en: str) -> None:
    if ctx.overlaps_claim(m.start("body"), m.end("body")):
        return
    ctx.add(Kind.GOVERNMENT_BODY, name, m.start("body"), m.end("body"), aliases=(m.group("body"),), place=place.name,
            level=place.admin_level, attributes=(("en_body", en),))
    ctx.claim(m.start("body"), m.end("body"))
