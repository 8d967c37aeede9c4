"""Entity class and span mechanisms found on real reports, each with a negative case: groups named after a
leader frame or a verb, districts of municipalities, short institute endings, reports in 《》, kinds listed
before 等, quoted publicity weeks. Every sentence is our own, with invented firms and people.
"""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "资中县") -> Extraction:
    return extract(Document("p", "p.txt", text, place=place, date=dt.date(2024, 6, 1),
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if not kinds or e.kind in kinds}


# -- leading groups and committees ----------------------------------------------------------------

def test_a_group_after_a_verb_starts_at_its_place() -> None:
    ex = read("专家组听取了资中县特色产品保护示范区建设领导小组的工作汇报。")
    assert "资中县特色产品保护示范区建设领导小组" in names(ex, Kind.GOVERNMENT_BODY)


def test_a_bare_group_after_a_leader_frame_is_the_leaders_place() -> None:
    ex = read("全市充实以市委副书记、市长为组长的质量强市工作领导小组，统筹质量工作。", place="内江市")
    assert "内江市质量强市工作领导小组" in names(ex, Kind.GOVERNMENT_BODY)
    ex = read("成立了由县委县政府主要领导为双主任的质量发展委员会。")
    assert "资中县质量发展委员会" in names(ex, Kind.GOVERNMENT_BODY)


def test_a_group_led_by_no_government_or_named_by_no_frame_is_none() -> None:
    assert not names(read("甲公司成立了由总经理为组长的质量攻关领导小组。"), Kind.GOVERNMENT_BODY)
    assert not names(read("各企业成立质量工作领导小组。"), Kind.GOVERNMENT_BODY)
    assert "内江市发展和改革委员会" in names(read("市发展和改革委员会参加会议。", place="内江市"), Kind.DEPARTMENT)


# -- districts of a municipality ------------------------------------------------------------------

def test_a_municipal_district_bureau_keeps_its_municipality() -> None:
    ex = read("重庆市大足区市场监管局举办活动。大足区市场监管局副局长王某强调质量第一。", place="大足区")
    assert names(ex, Kind.DEPARTMENT) == {"重庆市大足区市场监督管理局"}
    ex = read("北京市朝阳区市场监督管理局开展抽查。", place="朝阳区")
    assert names(ex, Kind.DEPARTMENT) == {"北京市朝阳区市场监督管理局"}


def test_a_county_of_a_province_keeps_no_province() -> None:
    ex = read("资中县市场监管局开展抽查。")
    assert names(ex, Kind.DEPARTMENT) == {"资中县市场监督管理局"}


# -- short institute endings ----------------------------------------------------------------------

def test_a_short_institute_ending_after_the_place_is_written_in_full() -> None:
    ex = read("市药检所、市质计所等单位参与，市质检院负责检验。", place="内江市")
    assert {"内江市药品检验所", "内江市质量计量监督检测所", "内江市产品质量检验院"} <= names(ex, Kind.INSPECTION_BODY)


def test_an_institute_with_words_of_its_own_keeps_its_ending() -> None:
    ex = read("内江市食品药检所开展检验。", place="内江市")
    assert "内江市食品药检所" in names(ex, Kind.INSPECTION_BODY)
    assert not any(n.endswith("药品检验所") for n in names(ex))


# -- titles in 《》 that are no policies ----------------------------------------------------------

def test_a_statistical_report_in_title_marks_is_no_policy() -> None:
    ex = read("省市场监管局发布《某省商标与地理标志发展报告（2023年度）》和《某市质量提升行动方案》。")
    assert names(ex, Kind.POLICY) == {"某市质量提升行动方案"}
    assert not names(read("某市发布《某市质量状况白皮书》。"), Kind.POLICY)


# -- kinds listed before 等 -----------------------------------------------------------------------

def test_kinds_listed_before_deng_name_no_body() -> None:
    ex = read("组织开展食品、药品、检验检测等重点实验室开放活动。")
    assert not names(ex, Kind.RESEARCH_CENTRE)
    ex = read("甲市乙检验检测重点实验室向公众开放。")
    assert "甲市乙检验检测重点实验室" in names(ex, Kind.RESEARCH_CENTRE)


# -- quoted publicity weeks -----------------------------------------------------------------------

def test_quoted_publicity_weeks_are_events() -> None:
    ex = read("开展“有机产品认证宣传周”“绿色产品认证与标识宣传周”等活动。")
    assert {"有机产品认证宣传周", "绿色产品认证与标识宣传周"} <= names(ex, Kind.EVENT)
    assert not names(read("各单位开展宣传周活动。"), Kind.EVENT)


# -- places listed before a bureau of the report's own system -------------------------------------

def test_places_before_a_short_bureau_head_are_that_bureau_of_each_place() -> None:
    ex = read("湖北省市场监管局召开会议。襄阳、宜昌等2个市局和大冶、宜都等2个县市局作了交流发言。", place="湖北省")
    assert {"襄阳市市场监督管理局", "宜昌市市场监督管理局", "大冶市市场监督管理局", "宜都市市场监督管理局"} \
        <= names(ex, Kind.DEPARTMENT)
    mentioned = {e.name for e in ex.entities if e.kind is Kind.PLACE and dict(e.attributes).get("implicit") != "true"}
    assert not {"襄阳市", "宜昌市", "大冶市", "宜都市"} & mentioned


def test_a_count_that_disagrees_or_another_system_reads_no_bureaus() -> None:
    ex = read("湖北省市场监管局召开会议。襄阳、宜昌等5个市局作了发言。", place="湖北省")
    assert "襄阳市市场监督管理局" not in names(ex, Kind.DEPARTMENT)
    ex = read("湖北省发改委召开会议。襄阳、宜昌等2个市局作了发言。", place="湖北省")
    assert "襄阳市市场监督管理局" not in names(ex, Kind.DEPARTMENT)


# -- banks ----------------------------------------------------------------------------------------

def test_banks_and_their_branches_are_firms_and_kinds_of_bank_are_none() -> None:
    ex = read("汉江银行、丙丁银行襄阳分行等2家合作银行参加签约。", place="湖北省")
    assert {"汉江银行", "丙丁银行襄阳分行"} <= names(ex, Kind.ENTERPRISE)
    assert not {"合作银行"} & names(ex)
    assert not names(read("各商业银行、政策性银行和辖区银行加大信贷支持。"), Kind.ENTERPRISE)


def test_the_central_bank_and_its_branches_are_no_firms() -> None:
    ex = read("人民银行襄阳市中心支行、中国人民银行湖北省分行参加会议。人民银行加大支持。", place="湖北省")
    assert not names(ex, Kind.ENTERPRISE)
    assert {"中国人民银行襄阳市中心支行", "中国人民银行湖北省分行"} <= names(ex, Kind.DEPARTMENT)


# -- year digits and counted heads before a name --------------------------------------------------

def test_a_year_before_a_name_is_no_part_of_it() -> None:
    assert "中国质量协会" in names(read("2019年中国质量协会发布名单。"), Kind.ASSOCIATION)
    assert "年丰食品有限公司" in names(read("2024年年丰食品有限公司获奖。"), Kind.ENTERPRISE)


def test_a_counted_head_and_conjunction_before_a_short_name_are_no_part_of_it() -> None:
    ex = read("授予甲乙股份有限公司等1个单位和中南大学湘雅二医院某某等1名个人质量奖。", place="湖南省")
    assert "中南大学" in names(ex, Kind.UNIVERSITY)
    assert not any(n.startswith("单位") for n in names(ex))


# -- generic chain heads --------------------------------------------------------------------------

def test_an_act_and_a_modifier_before_the_chain_word_name_no_chain() -> None:
    assert not names(read("纳入全省12个质量联动提升重点产业链，持续推进。"), Kind.INDUSTRY_CHAIN)
    assert not names(read("三地已联合绘制形成产业链图谱。"), Kind.INDUSTRY_CHAIN)
    assert not names(read("资中县一产业链入围全国百个重点项目。"), Kind.INDUSTRY_CHAIN)


def test_a_modifier_after_a_named_industry_is_no_part_of_the_chain() -> None:
    ex = read("某市聚焦汽车零部件优势产业链，培育橡胶密封制品、智能装备等重点产业链。")
    assert {"汽车零部件产业链", "橡胶密封制品产业链", "智能装备产业链"} == names(ex, Kind.INDUSTRY_CHAIN)


# -- words before 地理标志 that name no indication -----------------------------------------------

def test_a_verb_or_a_joined_mark_before_the_gi_words_is_no_indication() -> None:
    assert not names(read("促进地理标志商标和地理标志保护产品协同发展。"), Kind.GEOGRAPHICAL_INDICATION)
    assert not names(read("省市场监管局创新地理标志专用标志申请路径。"), Kind.GEOGRAPHICAL_INDICATION)
    assert "甲乙蜜桃" in names(read("甲乙蜜桃地理标志证明商标获准注册。"), Kind.GEOGRAPHICAL_INDICATION)


# -- two kinds of body; ordinal sessions; themes before a gathering ------------------------------

def test_two_kinds_of_body_run_together_name_no_association() -> None:
    assert not names(read("发挥行业协会商会作用。"), Kind.ASSOCIATION)
    assert "资中县甲乙商会" in names(read("资中县甲乙商会参加活动。"), Kind.ASSOCIATION)


def test_an_ordinal_session_alone_names_no_meeting() -> None:
    assert not names(read("评选活动组委会召开第一次会议，部署活动。"), Kind.MEETING)


def test_a_theme_before_a_gathering_is_no_part_of_its_name() -> None:
    ex = read("以“质量同行”为主题的资中县2023年质量大会召开。")
    assert "资中县2023年质量大会" in names(ex, Kind.MEETING)


# -- bodies the lexicon did not know ---------------------------------------------------------------

def test_consumer_councils_and_approval_bureaus_as_written() -> None:
    ex = read("武汉市消费者委员会、市消委会和武汉市行政审批局参加。", place="武汉市")
    assert "武汉市消费者委员会" in names(ex, Kind.ASSOCIATION)
    assert "武汉市行政审批局" in names(ex, Kind.DEPARTMENT)
    assert "武汉市行政审批服务局" not in names(ex)


def test_a_branch_centre_keeps_its_place_and_ending() -> None:
    ex = read("中国质量认证中心武汉分中心参加。中国质量认证中心发布报告。", place="武汉市")
    assert {"中国质量认证中心武汉分中心", "中国质量认证中心"} <= names(ex, Kind.INSPECTION_BODY)


# -- story titles in 《》 -------------------------------------------------------------------------

def test_a_story_title_is_no_policy_even_when_published() -> None:
    assert not names(read("市场监管局发布《守护舌尖上的安全》专题报道。"), Kind.POLICY)
    assert not names(read("市场监管局发布《守护舌尖上的安全》。"), Kind.POLICY)


def test_document_titles_without_a_document_type_stay_policies() -> None:
    assert "某市质量工作目标责任书" in names(read("省局印发《某市质量工作目标责任书》。"), Kind.POLICY)
    assert "某某产品质量技术要求" in names(read("某局发布《某某产品质量技术要求》团体标准。"), Kind.POLICY)
    assert "关于表彰某某的通报" in names(read("市政府印发《关于表彰某某的通报》。"), Kind.POLICY)


# -- verbs and function words before a name ------------------------------------------------------

def test_a_visit_verb_before_a_national_body_is_no_part_of_its_name() -> None:
    ex = read("吴某一行实地察看了国家太阳能光伏产品质量检验检测中心。")
    assert names(ex, Kind.INSPECTION_BODY) == {"国家太阳能光伏产品质量检验检测中心"}
    ex = read("向国家局申报嘉鱼县甲乙蔬菜专业合作社的地理标志。", place="咸宁市")
    assert "嘉鱼县甲乙蔬菜专业合作社" in names(ex, Kind.ENTERPRISE)


def test_a_group_office_after_a_function_word_starts_at_its_place() -> None:
    ex = read("2023年自治区主席质量奖评审由自治区标准化和质量强区工作领导小组办公室组织。", place="内蒙古自治区")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"内蒙古自治区标准化和质量强区工作领导小组办公室"}


def test_each_applicants_own_office_names_no_body() -> None:
    ex = read("请于5月30日前将申报材料报送所在区县质量强区县工作领导小组办公室。", place="泸州市")
    assert not names(ex, Kind.GOVERNMENT_BODY)


def test_an_unplaced_association_among_a_places_units_is_that_places() -> None:
    ex = read("市药检所、市质计所、质量技术协会等单位积极参与。", place="内江市")
    assert "内江市质量技术协会" in names(ex, Kind.ASSOCIATION)
    assert not names(read("市农业农村局、行业协会等参与。", place="内江市"), Kind.ASSOCIATION)
    assert "内江市质量技术协会" not in names(read("甲乙公司、质量技术协会参与。", place="内江市"))


# -- divisions the generated place table lacks ----------------------------------------------------

def test_divisions_of_older_reports_are_places() -> None:
    ex = read("重庆市江北区、渝北区等地开展抽查。渝北区市场监管局通报结果。", place="重庆市")
    assert {"江北区", "渝北区"} <= names(ex, Kind.PLACE)
    assert "重庆市渝北区市场监督管理局" in names(ex, Kind.DEPARTMENT)
    assert "莱芜市" in names(read("2018年莱芜市开展质量提升行动。", place="山东省"), Kind.PLACE)


def test_a_division_the_table_has_keeps_its_own_reading() -> None:
    assert "蓬莱区" in names(read("蓬莱区开展抽查。", place="烟台市"), Kind.PLACE)
    assert "江北区" in names(read("宁波市江北区开展抽查。", place="宁波市"), Kind.PLACE)
