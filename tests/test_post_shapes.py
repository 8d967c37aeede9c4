"""Person → post → organisation on shapes of meeting and award news: a post written after the name
followed by any verb of speaking, the districts of a municipality, 宣传部长 (the office's 部 opening the
post), 分管副市长, company posts such as 总裁, and words that are no names after a post (强调, 以及).
One regression test per mechanism, on our own minimal sentences, each with a negative case."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "荆门市") -> Extraction:
    return extract(Document("t", "t.txt", text, place=place, date=dt.date(2024, 9, 1),
                            sentences=split_sentences(text)))


def held(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def people(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind is Kind.PERSON}


# -- a verb of speaking right after a post is no name (name_stop_starts.txt) --------------------------

def test_verb_after_a_post_written_after_the_name_is_no_person() -> None:
    ex = read("甲乙丙区长强调，要抓好质量工作。", place="江北区")
    assert "强调" not in people(ex)
    ex = read("会议由区长强立平主持。", place="江北区")  # a real name starting with the same surname
    assert ("强立平", "区长", "宁波市江北区人民政府") in held(ex)


def test_conjunction_after_a_name_ends_it() -> None:
    ex = read("某市总工会劳动竞赛处处长康立以及企业代表参加。")
    assert "康立" in people(ex) and "康立以" not in people(ex)
    ex = read("某市总工会处长康以明出席。")  # 以 inside a name stays
    assert "康以明" in people(ex)


def test_welcome_speech_after_a_name_ends_it() -> None:
    ex = read("钟祥市委副书记、市长陈立平致欢迎辞。")
    assert {("陈立平", "副书记", "中共钟祥市委员会"), ("陈立平", "市长", "钟祥市人民政府")} <= held(ex)


# -- a post written after the name, before any verb (named_first_followers.txt) ----------------------

def test_post_after_the_name_before_a_verb() -> None:
    ex = read("市市场监管局刘立明局长作工作报告。")
    assert ("刘立明", "局长", "荆门市市场监督管理局") in held(ex)
    ex = read("李立峻区长强调，要抓好质量工作。", place="江北区")
    assert ("李立峻", "区长", "宁波市江北区人民政府") in held(ex)
    ex = read("高新区长期坚持质量第一。", place="江北区")  # 区长 inside a word: no name, no post
    assert not ex.posts and not people(ex)


# -- the districts of a municipality carry the city (orgs.district_city) --------------------------------

def test_district_of_a_municipality_carries_the_city() -> None:
    ex = read("区委副书记、区长李立峻，区人大常委会副主任龚立思，副区长徐立泉出席会议。", place="崇明区")
    assert {("李立峻", "副书记", "中共上海市崇明区委员会"), ("李立峻", "区长", "上海市崇明区人民政府"),
            ("龚立思", "副主任", "上海市崇明区人民代表大会常务委员会"),
            ("徐立泉", "副区长", "上海市崇明区人民政府")} <= held(ex)
    ex = read("县委副书记、县长李立峻出席会议。", place="崇明区")  # a county post in a district's report: not the district's
    assert not any(org and "崇明区" in org for _, _, org in held(ex))


# -- 宣传部长: the office's 部 opens the post -------------------------------------------------------

def test_short_party_office_post() -> None:
    ex = read("市委常委、宣传部长孙立华出席。")
    assert {("孙立华", "常委", "中共荆门市委员会"), ("孙立华", "部长", "中共荆门市委员会宣传部")} <= held(ex)
    ex = read("市委宣传部长孙立华出席。")
    assert ("孙立华", "部长", "中共荆门市委员会宣传部") in held(ex)
    ex = read("县委常委、组织部长孙立华出席。")  # a county's committee in a city's report: left open
    assert ("孙立华", "部长", None) in held(ex)


# -- 分管副市长 (post_leads.txt) -----------------------------------------------------------------------

def test_head_after_a_lead_word_is_the_places() -> None:
    ex = read("分管副市长周立波出席并讲话。")
    assert ("周立波", "副市长", "荆门市人民政府") in held(ex)
    ex = read("会议由分管副市长周立波主持。")
    assert ("周立波", "副市长", "荆门市人民政府") in held(ex)
    ex = read("钟祥分管副市长周立波出席。")  # a place written before the lead word: that place's
    assert ("周立波", "副市长", "钟祥市人民政府") in held(ex)
    ex = read("各县市区分管副县长王立新参加。")  # which county is not told
    assert held(ex) == {("王立新", "副县长", None)}


# -- company posts (posts.tsv) -------------------------------------------------------------------------

def test_company_president_and_factory_director() -> None:
    ex = read("甲乙电子股份有限公司总裁尹立海出席。")
    assert ("尹立海", "总裁", "甲乙电子股份有限公司") in held(ex)
    ex = read("市质量协会理事长王立新致辞。")
    assert ("王立新", "理事长", "荆门市质量协会") in held(ex)


# -- a two-character county inside a name is no other place (places.other_place_in_sentence) -----------

def test_county_name_inside_a_person_name_is_no_place() -> None:
    ex = read("会上，黄立雄县长为获奖企业颁奖。", place="平江县")  # 雄县 inside the name
    assert ("黄立雄", "县长", "平江县人民政府") in held(ex)
    ex = read("平江县赴雄县考察学习，座谈会由副县长王立新主持。", place="平江县")  # the county itself: whose, not told
    assert ("王立新", "副县长", "平江县人民政府") not in held(ex)


# -- the general office of a government or a Party committee after its post -------------------------

def test_general_office_after_a_post_of_its_government() -> None:
    ex = read("会议由市政府副秘书长、办公厅主任雒立民主持。", place="兰州市")
    assert {("雒立民", "副秘书长", "兰州市人民政府"), ("雒立民", "主任", "兰州市人民政府办公厅")} <= held(ex)
    ex = read("市委常委、办公室主任王立新出席。")
    assert ("王立新", "主任", "中共荆门市委员会办公室") in held(ex)
    ex = read("市政府副秘书长、研究室主任马立宁出席。")  # an internal unit stays the government's unit
    assert ("马立宁", "研究室主任", "荆门市人民政府") in held(ex)


# -- posts of newspapers and broadcasters, academic posts (media_posts.txt, posts.tsv) -----------------

def test_media_and_academic_posts() -> None:
    ex = read("某某质量报刊社社长李立刚作工作报告。")
    assert ("李立刚", "社长", "某某质量报刊社") in held(ex)
    ex = read("会上，社长李立刚讲话。")  # no outlet named before: the post is left open
    assert held(ex) == {("李立刚", "社长", None)}
    ex = read("专家组组长、某某水利大学教授雷立斌作讲话。")
    assert ("雷立斌", "教授", "某某水利大学") in held(ex)


# -- 经信委 is the committee of its time, 经信局 the bureau (departments.tsv) ----------------------------

def test_economy_committee_and_bureau_are_told_apart() -> None:
    ex = read("市经信委副主任孙立洪出席。", place="苏州市")
    assert ("孙立洪", "副主任", "苏州市经济和信息化委员会") in held(ex)
    ex = read("市经信局副局长孙立洪出席。", place="苏州市")
    assert ("孙立洪", "副局长", "苏州市经济和信息化局") in held(ex)


# -- a verb of granting after the name ends it (name_followers.txt) ------------------------------------

def test_granting_verb_after_a_person_ends_the_name() -> None:
    ex = read("决定对乙建设股份有限公司总工程师林立鸣授予某某质量奖。")
    assert ("林立鸣", "总工程师", "乙建设股份有限公司") in held(ex)
    ex = read("决定授予乙建设股份有限公司某某质量奖。")  # no post, no name
    assert not people(ex) and not ex.posts


# -- a democratic party's committee (democratic_parties.tsv) -------------------------------------------

def test_democratic_party_committee_of_the_city() -> None:
    ex = read("市政协副主席吴立星，民建市委会副主委陈立宏参加视察。", place="无锡市")
    assert {("吴立星", "副主席", "中国人民政治协商会议无锡市委员会"),
            ("陈立宏", "副主委", "中国民主建国会无锡市委员会")} <= held(ex)
    ex = read("民建会员和企业代表参加。", place="无锡市")  # no committee written: no organisation
    assert not any(e.kind is Kind.ASSOCIATION for e in ex.entities)


# -- a ministry's internal bureau between the ministry and a name written before the post --------------

def test_ministry_bureau_before_a_name_written_first() -> None:
    ex = read("市场监管总局质量发展局李立庆副局长出席会议。", place="江苏省")
    assert ("李立庆", "质量发展局副局长", "国家市场监督管理总局") in held(ex)
    ex = read("市市场监管局王立新副局长出席会议。")  # a city's bureau has no bureau inside
    assert ("王立新", "副局长", "荆门市市场监督管理局") in held(ex)


# -- bare names after a deputy's post and name share it ----------------------------------------------

def test_names_listed_after_a_deputy_share_the_post() -> None:
    ex = read("副市长张立国、李红梅、王海涛等出席。")
    assert {("张立国", "副市长", "荆门市人民政府"), ("李红梅", "副市长", "荆门市人民政府"),
            ("王海涛", "副市长", "荆门市人民政府")} <= held(ex)
    ex = read("局长张立国、李红梅出席。")  # one holds a head's post: the second name's is not told
    assert not any(p == "李红梅" for p, _, _ in held(ex))
    ex = read("副市长张立国、市政协副主席李红梅出席。")  # a post of its own
    assert ("李红梅", "副主席", "中国人民政治协商会议荆门市委员会") in held(ex)


# -- a bracket of posts of one organisation -------------------------------------------------------------

def test_bracketed_chain_of_one_organisations_posts() -> None:
    ex = read("张立国（市市场监管局党组书记、局长）、李红梅（市发展改革委副主任）参加。")
    assert {("张立国", "局长", "荆门市市场监督管理局"), ("李红梅", "副主任", "荆门市发展和改革委员会")} <= held(ex)
    ex = read("陈立新（市委常委、副市长）出席。")  # a government head after a committee post stays the government's
    assert {("陈立新", "常委", "中共荆门市委员会"), ("陈立新", "副市长", "荆门市人民政府")} <= held(ex)


# -- heads of prefectures and banners, acting heads (government_heads.tsv) -------------------------------

def test_heads_of_a_banner_a_prefecture_and_acting_heads() -> None:
    ex = read("旗委副书记、旗长王立新出席。副旗长李红梅主持。", place="鄂托克前旗")
    assert {("王立新", "副书记", "中共鄂托克前旗委员会"), ("王立新", "旗长", "鄂托克前旗人民政府"),
            ("李红梅", "副旗长", "鄂托克前旗人民政府")} <= held(ex)
    ex = read("州委副书记、州长王立新出席。", place="红河哈尼族彝族自治州")
    assert ("王立新", "州长", "红河哈尼族彝族自治州人民政府") in held(ex)
    ex = read("市委副书记、代市长王立新出席。")
    assert ("王立新", "代市长", "荆门市人民政府") in held(ex)
    ex = read("副旗长李红梅主持。")  # a city's report: whose banner is not told
    assert ("李红梅", "副旗长", None) in held(ex)
    ex = read("盟委副书记、盟长王立新出席。", place="阿拉善盟")  # a league has no people's government
    assert not any(o and o.endswith("人民政府") for _, _, o in held(ex))


# -- a government head before another organisation's post; academicians -------------------------------

def test_head_post_before_a_bureau_post_at_the_start() -> None:
    ex = read("副市长、市公安局局长王立新出席。")
    assert {("王立新", "副市长", "荆门市人民政府"), ("王立新", "局长", "荆门市公安局")} <= held(ex)
    ex = read("甲乙副市长、市公安局局长王立新出席。")  # words before the head: whose is not told
    assert not any(r == "副市长" for _, r, _ in held(ex))


def test_academician_of_the_academy_of_engineering() -> None:
    ex = read("中国工程院院士王立新作报告。")
    assert ("王立新", "院士", "中国工程院") in held(ex)


# -- internal units written between an organisation and its post ----------------------------------------

def test_unit_post_right_after_the_organisation_at_the_clause_start() -> None:
    ex = read("市质量协会秘书处处长何立娟出席。")
    assert ("何立娟", "秘书处处长", "荆门市质量协会") in held(ex)
    ex = read("某某行业商会党建工作局副局长方立安出席。")  # an association has no bureau: left open
    assert held(ex) == {("方立安", "副局长", None)}


# -- a bureau's own report: 省局 after a verb, bare posts of the publisher (own_bureau_posts.txt) --------

def read_published(text: str, publisher: str, place: str = "湖南省") -> Extraction:
    return extract(Document("t", "t.txt", text, place=place, date=dt.date(2024, 4, 30), publisher=publisher,
                            sentences=split_sentences(text)))


def test_posts_of_the_publishing_bureau() -> None:
    text = "会议传达省局党组书记、局长钱立君对全省工作的批示。党组成员、副局长欧阳立刚出席会议并讲话，二级巡视员刘立元主持会议。"
    ex = read_published(text, "湖南省市场监督管理局")
    assert {("钱立君", "局长", "湖南省市场监督管理局"), ("欧阳立刚", "副局长", "湖南省市场监督管理局"),
            ("刘立元", "二级巡视员", "湖南省市场监督管理局")} <= held(ex)
    ex = read_published(text, "湖南日报")  # a newspaper's report: whose bureau the bare posts are is not told
    assert ("欧阳立刚", "副局长", None) in held(ex)
    ex = read_published("会议传达省局党组书记、局长钱立君对全省工作的批示。副市长李立新出席。", "湖南省市场监督管理局")
    assert ("李立新", "副市长", "湖南省市场监督管理局") not in held(ex)  # a government head is never the bureau's


def test_publisher_written_as_its_website() -> None:
    # 来源：某局网站: the bureau publishes the report; its bare posts are its own
    text = "会上传达了省局党组书记、局长钱立君的批示。党组成员、副局长欧阳立刚到会讲话。"
    ex = read_published(text, "山西省市场监督管理局网站", place="山西省")
    assert ("欧阳立刚", "副局长", "山西省市场监督管理局") in held(ex)
    ex = read_published(text, "山西网", place="山西省")  # a medium's name alone is no bureau
    assert ("欧阳立刚", "副局长", None) in held(ex)


# -- 和 before a county's elided prefix: 县领导和县质监局 names no county 和县 (places.county_alone_in) ----

def test_conjunction_before_elided_county_is_no_county() -> None:
    text = "县领导和县质监局局长一同向获奖企业授牌。县委常委、副县长孙立武讲话，要求全县上下打造“忠县造”品牌。"
    ex = read(text, place=None)
    assert ("孙立武", "副县长", "忠县人民政府") in held(ex)
    assert not any("和县" in e.name for e in ex.entities)
    ex = read("马鞍山市和县质监局局长孙立武讲话。", place=None)  # after the city above it 和县 is the county
    assert ("孙立武", "局长", "和县质量技术监督局") in held(ex)


# -- autonomous prefectures: 州 written for the prefecture (context.place_for_prefix, orgs) --------------

def test_elided_prefecture_before_bodies_and_posts() -> None:
    hh = "红河哈尼族彝族自治州"
    ex = read("州质标办主任、州质监局局长王立伟同志作了动员讲话。启动仪式由州质监局白立云副局长主持。", place=hh)
    assert {("王立伟", "局长", hh + "质量技术监督局"), ("白立云", "副局长", hh + "质量技术监督局")} <= held(ex)
    ex = read("州政府副州长、州质量强州工作领导小组组长杨立卉出席。", place="凉山彝族自治州")
    assert ("杨立卉", "副州长", "凉山彝族自治州人民政府") in held(ex)
    ex = read("州质监局局长王立伟出席。")  # a city's report: 州 names no prefecture of its own
    assert held(ex) == {("王立伟", "局长", None)}


# -- a leading group's post and its office written bare after it ------------------------------------------

def test_group_post_then_its_office() -> None:
    ex = read("省质量兴省领导小组副组长、办公室主任、省质监局党组书记、局长王立平主持会议。", place="江西省")
    assert {("王立平", "副组长", "江西省质量兴省领导小组"), ("王立平", "主任", "江西省质量兴省领导小组办公室"),
            ("王立平", "局长", "江西省质量技术监督局")} <= held(ex)
    ex = read("市质量发展委员会副主任、办公室主任、市市场监管局局长王立新主持会议。")  # a committee's office stays its unit
    assert {("王立新", "副主任", "荆门市质量发展委员会"), ("王立新", "办公室主任", "荆门市质量发展委员会")} <= held(ex)
    ex = read("省旅发委巡视员屈立娜参加会议。", place="江西省")
    assert ("屈立娜", "巡视员", "江西省旅游发展委员会") in held(ex)


# -- 的 after a name, a preposition before a head ---------------------------------------------------------

def test_name_before_de_and_head_after_a_preposition() -> None:
    ex = read("在副市长周立波的带领下，调研组走访企业。")
    assert ("周立波", "副市长", "荆门市人民政府") in held(ex)
    ex = read_published("会议传达省局党组书记、局长钱立君的批示。", "湖南省市场监督管理局")
    assert ("钱立君", "局长", "湖南省市场监督管理局") in held(ex)
    ex = read("甲乙副市长周立波出席。")  # another word before the head: whose is not told
    assert ("周立波", "副市长", "荆门市人民政府") not in held(ex)


# -- a word of address between a name and the next person of a list (honorifics.txt) --------------------

def test_next_persons_post_after_an_address_word_keeps_the_organisation() -> None:
    ex = read("今天我们邀请到市场监管总局认可检测司司长况立旭先生，认可检测司副司长张立柱先生，请他们介绍情况。")
    assert ("张立柱", "认可检测司副司长", "国家市场监督管理总局") in held(ex)
    ex = read("甲乙科技有限公司董事长王立新先生，局长李立红出席。")  # a department's post is no company's
    assert ("李立红", "局长", "甲乙科技有限公司") not in held(ex)
