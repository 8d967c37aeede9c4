"""One regression test per mechanism of the fourteenth entity round (chain names, page-stamp outlets,
bracketed and numbered names, list scopes, posts of a region's government, honour enumerations).
Every sentence is our own, of the shapes real reports of the genre use.
"""

from __future__ import annotations

import datetime as dt

from extraction_helpers import listed, names, posts
from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "南京市", publisher: str | None = None) -> Extraction:
    return extract(Document("e", "e.txt", text, place=place, date=dt.date(2025, 6, 1), publisher=publisher,
                            sentences=split_sentences(text)))


# -- chain names -----------------------------------------------------------------------------------

def test_words_before_guanyu_name_no_chain() -> None:
    ex = read("会上传达了县政府负责同志关于产业链工作的要求，安排部署近期产业链建设工作。")
    assert not names(ex, Kind.INDUSTRY_CHAIN)


def test_holders_listed_before_a_chain_role_are_no_chains() -> None:
    ex = read("市发改委、市商务局等产业链牵头单位作了汇报，甲会议、乙全会等会议上关于产业链的要求。")
    assert not names(ex, Kind.INDUSTRY_CHAIN)


def test_a_listed_chain_with_modifiers_stays() -> None:
    ex = read("会议提出，茶叶、木材等新兴和未来产业链要加快发展。")
    assert names(ex, Kind.INDUSTRY_CHAIN) == {"茶叶产业链", "木材产业链"}


def test_the_classifier_after_a_count_is_no_part_of_a_chain() -> None:
    ex = read("全县5大重点产业链目标已经明确。")
    assert not names(ex, Kind.INDUSTRY_CHAIN)


def test_a_bracketed_word_is_part_of_a_chain_name() -> None:
    ex = read("方案明确，重点突破5条产业链。\n茶叶（小水果）产业链方面，招引项目。\n"
              "肉牛、山羊（畜禽产品）产业链方面，招引项目。\n要发展蜂蜜、中药材（道地药材）产业链。")
    assert names(ex, Kind.INDUSTRY_CHAIN) == {"茶叶（小水果）产业链", "肉牛、山羊（畜禽产品）产业链",
                                              "中药材（道地药材）产业链"}


# -- outlets of a page's header ----------------------------------------------------------------------

def test_an_empty_source_field_names_no_outlet() -> None:
    ex = read("某县召开质量大会\n\n2019-01-02 15:35:36   来源:    \n\n  为认真落实省里部署，某县召开大会。")
    assert not names(ex, Kind.MEDIA)
    ex = read("某某出席大会\n\n时间:2019-08-14 来源: 作者:\n\n  7月25日，大会召开。")
    assert not names(ex, Kind.MEDIA)


def test_the_pages_own_site_is_no_outlet() -> None:
    ex = read("时间:2021/5/7来源:本站原创作者:不详\n\n12月23日，大会在北京举行。", publisher="本站原创作者")
    assert not names(ex, Kind.MEDIA)


def test_a_stamp_line_names_its_app_or_site() -> None:
    ex = read("某地质量月活动启动\n甲乙国际在线  2020-09-10 21:23:35\n\n  9月10日，活动启动。")
    assert "甲乙国际在线" in names(ex, Kind.MEDIA)
    ex = read("某地峰会召开\n\n2023-01-04 14:58:00   丙丁新闻\n\n1月4日，峰会召开。")
    assert "丙丁新闻" in names(ex, Kind.MEDIA)


def test_an_outlets_group_is_one_media_organisation() -> None:
    ex = read("峰会由某协会主办，南京新闻网传媒集团承办。")
    assert "南京新闻网传媒集团" in names(ex, Kind.MEDIA)
    assert not names(ex, Kind.ENTERPRISE)


# -- names with brackets and numbered units --------------------------------------------------------

def test_a_bracketed_place_after_a_group_stays_in_the_company_name() -> None:
    ex = read("授予甲乙科技有限公司、丙丁实业集团(中国)有限公司等2家单位2023年度南京市市长质量奖提名奖。")
    assert names(ex, Kind.ENTERPRISE) == {"甲乙科技有限公司", "丙丁实业集团(中国)有限公司"}
    assert ("丙丁实业集团(中国)有限公司", "南京市市长质量奖提名奖") in listed(ex)


def test_a_companys_numbered_institute_is_one_research_institute() -> None:
    ex = read("授予甲乙科技有限公司、丙丁重工集团有限公司第九二七研究所等2家单位2023年度南京市市长质量奖。")
    assert names(ex, Kind.RESEARCH_INSTITUTE) == {"丙丁重工集团有限公司第九二七研究所"}
    assert names(ex, Kind.ENTERPRISE) == {"甲乙科技有限公司"}


# -- list scopes -----------------------------------------------------------------------------------

def test_a_demonstrative_before_the_count_ends_the_last_item() -> None:
    ex = read("某部公示了首批某某名品名单。甲乙玛瑙、丙丁木耳、戊己这三个品牌入选首批某某名品名单。", place=None)
    assert {r for r, _ in listed(ex)} == {"甲乙玛瑙", "丙丁木耳", "戊己"}


def test_a_province_before_a_countys_product_is_the_lists_scope() -> None:
    ex = read("某部公示了首批某某名品名单。黑龙江逊克玛瑙、丙丁木耳、戊己这三个品牌入选首批某某名品名单。", place=None)
    assert "逊克玛瑙" in {r for r, _ in listed(ex)}


# -- posts -----------------------------------------------------------------------------------------

def test_a_regions_chair_heads_its_peoples_government() -> None:
    ex = read("活动当天，宁夏回族自治区副主席王大明宣布活动启动。自治区主席李小红出席。", place="银川市")
    assert ("王大明", "副主席", "宁夏回族自治区人民政府") in posts(ex)
    assert ("李小红", "主席", "宁夏回族自治区人民政府") in posts(ex)


def test_a_chair_after_no_region_holds_no_government_post() -> None:
    ex = read("协会主席李小红出席。山东省副主席王大明出席。", place="济南市")
    assert not any(org and org.endswith("人民政府") for _, _, org in posts(ex))


def test_a_county_level_city_under_its_province_is_its_reports_place() -> None:
    ex = read("12月23日，盛典在北京举行。我市荣获某某称号，在河南省是唯一获此称号的城市。副市长王大明，市政协副主席、"
              "市质监局局长李小红参加。济源是一座城，市委、市政府重视质量工作，济源将再接再厉。", place=None)
    assert ("王大明", "副市长", "济源市人民政府") in posts(ex)
    assert ("李小红", "副主席", "中国人民政治协商会议济源市委员会") in posts(ex)


def test_a_mayor_named_before_receiving_an_award() -> None:
    ex = read("市长王大明领奖，并代表获奖城市发言。")
    assert ("王大明", "市长", "南京市人民政府") in posts(ex)


# -- honours a place holds, listed -------------------------------------------------------------------

def test_a_list_of_a_places_titles_is_a_list_of_programmes_it_holds() -> None:
    ex = read("近几年，南京先后荣获中国优秀旅游城市、国家卫生城市、全国文明城市等一系列荣誉称号。")
    assert {"全国文明城市", "国家卫生城市", "中国优秀旅游城市"} <= names(ex, Kind.HONOUR)
    assert not any("、" in n for n in names(ex))
    assert {("南京市", "国家卫生城市"), ("南京市", "中国优秀旅游城市")} <= listed(ex)


def test_titles_a_place_strives_for_are_programmes_no_one_holds() -> None:
    ex = read("积极争创国家食品安全示范城市、全国质量强市示范城市，打造品质之城。")
    assert {"全国质量强市示范城市", "国家食品安全示范城市"} <= names(ex, Kind.HONOUR)
    assert not listed(ex)


def test_the_reports_own_place_holds_a_title_it_won() -> None:
    ex = read("我市获评“全国质量标杆城市”称号，为全省唯一。")
    assert ("南京市", "全国质量标杆城市") in listed(ex)


def test_a_list_of_firms_after_a_verb_of_winning_is_no_place_title_list() -> None:
    ex = read("我市甲乙科技有限公司荣获国家级专精特新企业、省级技术中心等称号。")
    assert {r for r, _ in listed(ex)} == {"甲乙科技有限公司"}


# -- deference, a county's own words, bylines and channels -----------------------------------------

def test_a_deference_formula_whose_topic_holds_a_comma() -> None:
    ex = read("为全面贯彻党中央、国务院关于加快质量提升，推进质量强国建设的决策部署，我市举办活动。")
    assert not names(ex, Kind.GOVERNMENT_BODY)


def test_a_countys_cppcc_and_newsroom_make_its_report() -> None:
    ex = read("（县融媒体中心记者 王小波 报道）7月29日，某会议在蕲春召开。市政协主席洪大林出席会议，县委书记胡小元，"
              "县政协主席李大忠出席。蕲春县大力推进质量强县建设。", place=None)
    assert ("洪大林", "主席", "中国人民政治协商会议黄冈市委员会") in posts(ex)
    assert ("胡小元", "书记", "中共蕲春县委员会") in posts(ex)
    assert names(ex, Kind.MEDIA) == {"蕲春县融媒体中心"}


def test_a_closing_name_on_a_line_of_its_own() -> None:
    ex = read("副市长刘大明参加会议并讲话。\n \n\n(黄小丹)\n")
    assert "黄小丹" in names(ex, Kind.PERSON)


def test_names_before_the_role_word_in_a_datelines_bracket() -> None:
    ex = read("某地新闻网讯(赵小琳 李大波 记者 钟小林)1月20日上午，会议召开。")
    assert {"赵小琳", "李大波", "钟小林"} <= names(ex, Kind.PERSON)


def test_an_outlets_channel_is_no_organisation() -> None:
    ex = read("标题\n\n(2017-01-20 16:35:30)  来源:甲乙在线-某地频道  \n编辑:尹大勇\n\n甲乙在线-某地频道讯 1月20日，会议召开。")
    assert names(ex, Kind.MEDIA) == {"甲乙在线"}


def test_a_name_alone_in_a_datelines_bracket_is_a_person() -> None:
    ex = read("某新网西宁7月8日电(祁小蓓)7月8日，活动举行。", place="西宁市")
    assert "祁小蓓" in names(ex, Kind.PERSON)
    ex = read("某地新闻网讯(通讯员 李大波)7月8日，活动举行。", place="西宁市")
    assert "通讯员" not in names(ex)


# -- spans and generic heads -------------------------------------------------------------------------

def test_an_events_name_does_not_open_with_de() -> None:
    ex = read("9月10日上午，由某省质量发展委员会办公室举办的甲省2021年“质量月”活动在某地举行启动仪式。", place=None)
    assert not any(n.startswith("的") for n in names(ex, Kind.EVENT, Kind.MEETING))


def test_listed_companies_and_associations_concerned_are_no_names() -> None:
    ex = read("对接世界500强企业、上市公司和国内龙头企业，加强与甲、乙两地相关协会的合作。")
    assert not names(ex, Kind.ENTERPRISE, Kind.ASSOCIATION)


def test_a_short_place_name_before_its_development_is_a_mention() -> None:
    ex = read("要以优质服务推动常德高质量发展。", place=None)
    assert "常德市" in names(ex, Kind.PLACE)


def test_a_bureaus_own_posts_after_you_in_the_meeting_it_convened() -> None:
    ex = read("7月18日，松江区市场监管局召开了半年度工作会议，会议由党组书记、局长王大琼主持，副区长李小林参加。",
              place="上海市")
    assert ("王大琼", "局长", "上海市松江区市场监督管理局") in posts(ex)
    assert ("李小林", "副区长", None) in posts(ex)  # which district's deputy is not told in a city's report


def test_a_programme_named_inside_a_meetings_name_is_mentioned() -> None:
    ex = read("3月8日，某县举行品牌建设暨全国质量强市示范城市申报工作会。", place=None)
    assert "全国质量强市示范城市" in names(ex, Kind.HONOUR)
