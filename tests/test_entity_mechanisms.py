"""One regression test per entity mechanism: enumerations with count agreement, numbered lists,
award recipients, programmes by pattern, posts with their organisation, generic heads, duplicates.

Every sentence is our own, of the shape real reports of the genre use.
"""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind, Level
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "枣庄市") -> Extraction:
    return extract(Document("m", "m.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if e.kind in kinds}


def listings(ex: Extraction) -> dict[str, tuple[list[str], int | None]]:
    return {x.programme.name: ([r.name for r in x.recipients], x.count) for x in ex.listings}


def posts(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


# -- enumerations and the count after 等 -------------------------------------------------------

def test_a_partial_list_keeps_its_items_and_the_stated_count() -> None:
    ex = read("甲新材料、乙化工、丙石榴、丁马铃薯等9个品牌入选“好品山东”。")
    assert listings(ex)["好品山东"] == (["甲新材料", "乙化工", "丙石榴", "丁马铃薯"], 9)
    assert names(ex, Kind.BRAND) == {"甲新材料", "乙化工", "丙石榴", "丁马铃薯"}
    assert all(x.confidence is None for x in ex.listings)


def test_more_items_than_the_count_keeps_the_nearest_and_lowers_confidence() -> None:
    ex = read("早春茶、甲新材料、乙化工等2个品牌入选“好品山东”。")
    (listing,) = ex.listings
    assert [r.name for r in listing.recipients] == ["甲新材料", "乙化工"] and listing.confidence == 0.5
    assert "早春茶" not in names(ex, Kind.BRAND)


def test_a_list_without_deng_is_taken_only_when_it_agrees_with_its_count() -> None:
    ex = read("我市青州花卉、运河纺织股份有限公司、台庄米酒3个品牌入选“好品山东”。")
    assert listings(ex)["好品山东"] == (["青州花卉", "运河纺织股份有限公司", "台庄米酒"], 3)
    assert "我市青州花卉" not in names(ex, Kind.BRAND)
    ex = read("青州花卉、台庄米酒5个品牌入选“好品山东”。")
    assert listings(ex)["好品山东"] == ([], 5) and not names(ex, Kind.BRAND)


def test_a_list_announced_the_sentence_before() -> None:
    ex = read("省里发布第一批“好品山东”名单。我市青州花卉、台庄米酒2个品牌榜上有名。")
    assert listings(ex)["好品山东"] == (["青州花卉", "台庄米酒"], 2)


# -- numbered lists ---------------------------------------------------------------------------

def test_numbered_winner_lists_under_their_headings() -> None:
    text = ("2024年枣庄市市长质量奖获奖名单\n一、枣庄市市长质量奖（2家企业）\n(1)鲁南机械有限公司\n(2)峄城石化有限公司\n"
            "二、枣庄市市长质量奖提名奖（3家企业）\n(1)运河纺织股份有限公司 (2)台儿庄食品有限公司 (3)山亭电子有限公司")
    got = listings(read(text))
    assert got["枣庄市市长质量奖"] == (["鲁南机械有限公司", "峄城石化有限公司"], 2)
    assert got["枣庄市市长质量奖提名奖"] == (["运河纺织股份有限公司", "台儿庄食品有限公司", "山亭电子有限公司"], 3)


def test_list_numbers_are_no_part_of_names() -> None:
    ex = read("第二批“好品山东”品牌名单：1.峄城石榴 2.鲁南机械有限公司 3.运河纺织股份有限公司")
    assert listings(ex)["好品山东"][0] == ["峄城石榴", "鲁南机械有限公司", "运河纺织股份有限公司"]
    assert not any(e.name.startswith((".", "1", "2", "3")) for e in ex.entities)
    assert ex.listings[0].batch == 2


def test_a_numbered_list_of_measures_lists_nothing() -> None:
    ex = read("“好品山东”建设的主要做法：1.加强监管，提升质量。2.完善制度。")
    assert not ex.listings


def test_a_numbered_list_longer_than_its_count_is_not_linked() -> None:
    ex = read("枣庄市市长质量奖（1家企业）\n1.鲁南机械有限公司\n2.峄城石化有限公司")
    assert not ex.listings


# -- award recipients ---------------------------------------------------------------------------

def test_the_nomination_award_is_a_programme_of_its_own_with_its_count() -> None:
    ex = read("市政府决定授予鲁南机械有限公司、峄城石化有限公司等2家企业“2023年枣庄市市长质量奖”，"
              "授予运河纺织有限公司等3家企业2023年枣庄市市长质量奖提名奖。")
    got = listings(ex)
    assert got["枣庄市市长质量奖"] == (["鲁南机械有限公司", "峄城石化有限公司"], 2)
    assert got["枣庄市市长质量奖提名奖"] == (["运河纺织有限公司"], 3)
    counted = {o.subject.name: o.value for o in ex.observations if o.subject and o.subject.kind is Kind.HONOUR}
    assert counted == {"枣庄市市长质量奖": 2, "枣庄市市长质量奖提名奖": 3}


def test_winners_named_after_the_honour() -> None:
    ex = read("被授予“枣庄市质量标杆”称号的企业有：鲁南机械有限公司、峄城石化有限公司。")
    assert listings(ex)["枣庄市质量标杆"][0] == ["鲁南机械有限公司", "峄城石化有限公司"]


# -- programmes by pattern --------------------------------------------------------------------

def test_an_edition_of_the_governors_award_in_the_reports_province() -> None:
    ex = read("鲁南机械有限公司荣获第八届省长质量奖。")
    (listing,) = ex.listings
    assert listing.programme.name == "山东省省长质量奖" and listing.batch == 8


def test_batch_and_level_words_make_programmes() -> None:
    assert "山东名品" in names(read("峄城石榴入选首批“山东名品”。"), Kind.HONOUR)
    assert "湖南名品" in names(read("全省73家企业的产品被评为首届湖南名品。", "长沙市"), Kind.HONOUR)
    assert "山东省质量品牌提升示范区" in names(read("滕州市获评山东省质量品牌提升示范区。"), Kind.HONOUR)
    # 品质 inside 产品质量 ends no name
    assert not names(read("开展2024年第一批市级产品质量监督抽查。"), Kind.HONOUR)


def test_chains_listed_in_a_national_programme_get_national_projects() -> None:
    ex = read("智能装备、生物医药、新能源汽车等产业链入选全国质量强链百个重点项目。")
    assert "全国质量强链百个重点项目" in names(ex, Kind.HONOUR)
    projects = {(c.chain.name, c.level) for c in ex.chain_projects}
    assert projects == {(n, Level.NATIONAL) for n in ("智能装备产业链", "生物医药产业链", "新能源汽车产业链")}


# -- posts keep their organisation ------------------------------------------------------------

def test_posts_keep_their_organisation() -> None:
    got = posts(read("省局党组书记、局长王建国，市人大常委会副主任张海燕，鲁南机械股份有限公司副董事长刘明，"
                     "市委宣传部副部长赵亮出席。"))
    assert {("王建国", "局长", "山东省市场监督管理局"), ("张海燕", "副主任", "枣庄市人民代表大会常务委员会"),
            ("刘明", "副董事长", "鲁南机械股份有限公司"), ("赵亮", "副部长", "中共枣庄市委员会宣传部")} <= got


def test_a_post_in_an_internal_unit_is_the_bodys() -> None:
    got = posts(read("省市场监管局质量发展处处长王伟介绍。"))
    assert ("王伟", "质量发展处处长", "山东省市场监督管理局") in got


def test_county_bodies_only_in_the_countys_own_report() -> None:
    text = "县人大常委会副主任李婉清出席，县政协副主席文海主持。"
    assert ("文海", "副主席", "中国人民政治协商会议渭源县委员会") in posts(read(text, "渭源县"))
    assert {p[2] for p in posts(read(text, "枣庄市"))} == {None}


# -- generic heads are no entities --------------------------------------------------------------

def test_generic_heads_are_no_entities() -> None:
    ex = read("行业协会、有关部门要加强协作，企业荣获科技领域国家级奖2项。")
    assert not names(ex, Kind.ASSOCIATION, Kind.HONOUR, Kind.DEPARTMENT)
    ex = read("食品加工产业链等纳入市级项目库，质量强链项目纳入省级重点项目库。枣庄在产业链质量提升方面成效明显。")
    assert not names(ex, Kind.CULTIVATION_POOL) and names(ex, Kind.INDUSTRY_CHAIN) == {"食品加工产业链"}


def test_only_policy_like_titles_are_policies() -> None:
    ex = read("他写了《小城故事》一书，人民日报刊发《质量之城的十年》一文，市政府印发《枣庄市质量提升行动方案》"
              "和《中国制造2025》。")
    assert names(ex, Kind.POLICY) == {"枣庄市质量提升行动方案", "中国制造2025"}


# -- duplicates -------------------------------------------------------------------------------

def test_a_short_company_name_is_the_full_one_of_the_same_document() -> None:
    ex = read("万达智造等3家企业入选“好品山东”，万达智造股份有限公司副董事长刘明表示感谢。")
    assert names(ex, Kind.ENTERPRISE) == {"万达智造股份有限公司"}
    assert listings(ex)["好品山东"] == (["万达智造股份有限公司"], 3)
    short = next(e for e in ex.entities if e.span.text == "万达智造")
    assert "万达智造" in short.aliases


# -- product categories of a spot check ---------------------------------------------------------

def test_product_categories_listed_in_a_spot_check() -> None:
    ex = read("本次共抽查电线电缆、儿童玩具、电动自行车等5类产品120批次。")
    assert names(ex, Kind.PRODUCT_CATEGORY) == {"电线电缆", "儿童玩具", "电动自行车"}
    assert not names(read("本次抽查涉及化肥、农药3类产品。"), Kind.PRODUCT_CATEGORY)


def test_a_bare_mayor_is_the_reports_citys_and_national_bodies_keep_their_name() -> None:
    got = posts(read("市长王军、副市长李明出席，全国人大常委会副委员长王东明讲话。"))
    assert {("王军", "市长", "枣庄市人民政府"), ("李明", "副市长", "枣庄市人民政府"),
            ("王东明", "副委员长", "全国人民代表大会常务委员会")} <= got
    assert ("刘涛", "局长", None) in posts(read("格局长期向好，该局局长刘涛介绍。"))


def test_a_listing_takes_the_year_its_sentence_speaks_of_but_a_running_total_none() -> None:
    assert [x.year for x in read("去年，鲁南机械有限公司荣获山东省省长质量奖。").listings] == ["2024"]
    assert [x.year for x in read("鲁南机械有限公司荣获山东省省长质量奖。").listings] == ["2025"]
    assert [x.year for x in read("全市累计有15家企业获评山东省省长质量奖。").listings] == [None]


def test_award_categories_and_lists_joined_by_he() -> None:
    ex = read("市政府决定授予甲互感器有限公司、乙电气有限公司2家企业“2022年度如皋市市长质量奖提名奖（组织类）”。", "如皋市")
    assert listings(ex)["如皋市市长质量奖提名奖（组织类）"] == (["甲互感器有限公司", "乙电气有限公司"], 2)
    ex = read("市政府决定授予甲机械有限公司“2023年度某县县长质量奖（组织类）”，授予乙阀门有限公司“2023年度某县县长质量奖提名奖（组织类）”。", "某县")
    got = listings(ex)  # each category keeps its own programme, as the text names it
    assert got["某县县长质量奖（组织类）"][0] == ["甲机械有限公司"]
    assert got["某县县长质量奖提名奖（组织类）"][0] == ["乙阀门有限公司"]
    assert "某县县长质量奖" not in got
    ex = read("深圳市甲控股有限公司和深圳市乙精密科技有限公司2家单位获得“深圳市市长质量奖”。", "深圳市")
    assert listings(ex)["深圳市市长质量奖"] == (["深圳市甲控股有限公司", "深圳市乙精密科技有限公司"], 2)


def test_an_announced_list_names_its_programme_and_modifiers_are_no_gi() -> None:
    ex = read("2023年湖北精品名单发布，武汉甲有限公司等10家企业入选。", "武汉市")
    assert listings(ex)["湖北精品"] == (["武汉甲有限公司"], 10)
    assert not names(read("2024年湖北制造业单项冠军企业名单公布。", "武汉市"), Kind.HONOUR)
    assert not names(read("全市有效地理标志证明商标达到45件。", "武汉市"), Kind.GEOGRAPHICAL_INDICATION)


def test_posts_written_after_the_name_and_older_short_forms() -> None:
    got = posts(read("市政府周乃翔市长、徐美健副市长、市人大副主任朱建胜出席，市委书记张海讲话。", "苏州市"))
    assert {("周乃翔", "市长", "苏州市人民政府"), ("徐美健", "副市长", "苏州市人民政府"),
            ("朱建胜", "副主任", "苏州市人民代表大会常务委员会"), ("张海", "书记", "中共苏州市委员会")} <= got
    # 党组书记 after a bureau is a post, not a person named 党组
    assert {p[0] for p in posts(read("市市场监管局党组书记、局长王建国出席。", "苏州市"))} == {"王建国"}


def test_a_decision_and_its_annex_are_one_listing_with_the_annex_year() -> None:
    text = ("市政府决定授予甲药业股份有限公司、乙电气有限公司等2家企业“2024年度南阳市市长质量奖”。\n"
            "附件：2024年度南阳市市长质量奖获奖名单\n一、南阳市市长质量奖（2家）\n1.甲药业股份有限公司\n2.乙电气有限公司")
    ex = read(text, "南阳市")
    assert [(x.programme.name, x.year, x.count) for x in ex.listings] == [("南阳市市长质量奖", "2024", 2)]
    assert not [o for o in ex.observations if o.subject and o.subject.kind is Kind.PLACE and o.value == 2]


def test_chains_that_entered_the_list_the_sentence_named() -> None:
    ex = read("市场监管总局公布全国质量强链重点项目名单，我市新能源汽车、轴承、纺织服装3条产业链入选。"
              "推动链主企业东风甲汽车有限公司牵头。", "襄阳市")
    assert {(c.chain.name, c.level) for c in ex.chain_projects} == {
        (n, Level.NATIONAL) for n in ("新能源汽车产业链", "轴承产业链", "纺织服装产业链")}
    assert listings(ex)["全国质量强链重点项目"][1] == 3
    assert "东风甲汽车有限公司" in names(ex, Kind.ENTERPRISE)


def test_long_names_before_deng_and_a_recommendation_list_with_counties() -> None:
    ex = read("经评审，合肥甲新能源科技有限公司、合肥乙轨道运营服务有限公司、安徽丙智行汽车服务有限公司等3家组织"
              "荣获第七届合肥市政府质量奖。", "合肥市")  # (拟获: candidates, no listing — test_report_mechanisms)
    assert listings(ex)["合肥市政府质量奖"] == (
        ["合肥甲新能源科技有限公司", "合肥乙轨道运营服务有限公司", "安徽丙智行汽车服务有限公司"], 3)
    ex = read("一、“皖美品牌示范企业”入选名单（按行政区划排序）\n1. 合肥甲精密机械有限公司（肥西县）\n"
              "2. 安徽乙农业科技股份有限公司（肥东县）", "合肥市")
    assert listings(ex)["皖美品牌示范企业"][0] == ["合肥甲精密机械有限公司", "安徽乙农业科技股份有限公司"]


def test_a_doubtful_listing_carries_its_confidence_in_the_graph_and_conforms() -> None:
    from qgraph.lexicon import load_lexicon
    from qgraph.rdf import to_dataset
    from qgraph.validate import validate_dataset
    from qgraph.vocab import QG

    ex = read("市政府决定授予甲机械有限公司、乙电子有限公司、丙化工有限公司等2家企业“2023年枣庄市市长质量奖”。")
    ds = to_dataset([ex], load_lexicon())
    values = {float(o) for _, _, o, _ in ds.quads((None, QG.listingConfidence, None, None))}
    assert values == {0.5}
    assert validate_dataset(ds).conforms


def test_more_post_shapes() -> None:
    got = posts(read("湖北屈乡果业股份有限公司主导制定标准，该公司副董事长谭明辉介绍。县委常委、副县长覃海波调研。"
                     "省人大常委会副主任周振宇日前带队调研。", "秭归县"))
    assert {("谭明辉", "副董事长", "湖北屈乡果业股份有限公司"), ("覃海波", "常委", "中共秭归县委员会"),
            ("覃海波", "副县长", "秭归县人民政府"), ("周振宇", "副主任", "湖北省人民代表大会常务委员会")} <= got
    got = posts(read("州人大常委会副主任杨建文，市委副书记、市长何永明出席。", "弥勒市"))
    assert {("杨建文", "副主任", "红河哈尼族彝族自治州人民代表大会常务委员会"), ("何永明", "副书记", "中共弥勒市委员会"),
            ("何永明", "市长", "弥勒市人民政府")} <= got
    assert {p[2] for p in posts(read("州人大常委会副主任杨建文出席。", "秭归县"))} == {None}


def test_list_sections_and_places_listed_in_a_demonstration_programme() -> None:
    text = ("首批“青城名品”名单公布。\n一、企业品牌（2个）\n1.内蒙古甲乳业有限公司\n2.呼和浩特乙稀土材料有限公司\n"
            "二、区域品牌（2个）\n1.托县辣椒\n2.武川土豆")
    listed = [(r.name, x.programme.name) for x in read(text, "呼和浩特市").listings for r in x.recipients]
    assert listed == [(n, "青城名品") for n in ("内蒙古甲乳业有限公司", "呼和浩特乙稀土材料有限公司", "托县辣椒", "武川土豆")]
    ex = read("二、第二批山西省质量品牌提升示范区（2个）\n1.晋中市太谷区（设施蔬菜）\n2.太原市清徐县（老陈醋）", "太原市")
    assert listings(ex)["山西省质量品牌提升示范区"][0] == ["太谷区", "清徐县"]
    assert not names(ex, Kind.BRAND)


def test_recipients_after_a_count_before_deng_di_and_chains_of_places() -> None:
    ex = read("甲酒业股份有限公司、乙化工集团有限公司等2家组织和丙建工集团有限公司总工程师潘志明获第五届贵州省省长质量奖。",
              "贵阳市")
    assert ["潘志明"] in [[r.name for r in x.recipients] for x in ex.listings]
    ex = read("会上为首批12个“贵州省质量品牌提升示范区”授牌，汇川区、西秀区、都匀市等地入选。", "贵阳市")
    assert listings(ex)["贵州省质量品牌提升示范区"][0] == ["汇川区", "西秀区", "都匀市"]
    assert listings(read("弥勒市于去年入选云南省质量强县培育名单。", "弥勒市"))["云南省质量强县培育名单"] == (["弥勒市"], None)
    ex = read("市场监管总局公布2024年全国质量强链百个重点项目名单，我省长春市新能源汽车产业链、吉林市碳纤维产业链2个项目入选。",
              "长春市")
    assert listings(ex)["全国质量强链百个重点项目"] == (["新能源汽车产业链", "碳纤维产业链"], 2)
    assert {x.year for x in ex.listings} == {"2024"}


def test_generic_heads_in_chains_organisations_and_indications() -> None:
    ex = read("确定智能装备等12条产业链为省级质量强链重点产业链，绘制产业链质量图谱。作为碳纤维产业链的链主企业，"
              "授权使用企业和合作社达到212家。吉安市地理标志保护产品16个。", "长春市")
    assert names(ex, Kind.INDUSTRY_CHAIN) == {"智能装备产业链", "碳纤维产业链"}
    assert not names(ex, Kind.ENTERPRISE, Kind.GEOGRAPHICAL_INDICATION)
    ex = read("在赣南脐橙、南丰蜜桔、庐山云雾茶等产品上推行地理标志专用标志。", "南昌市")
    assert names(ex, Kind.GEOGRAPHICAL_INDICATION) == {"赣南脐橙", "南丰蜜桔", "庐山云雾茶"}


def test_an_event_held_many_times_is_no_event() -> None:
    assert not names(read("全年举办品牌培训班12次，召开全市质量工作联席会议4次。"), Kind.MEETING, Kind.EVENT)


def test_a_bare_count_after_a_list_announced_before_stays_a_figure() -> None:
    ex = read("第四批“好品山东”名单公布。全省共有126家企业的138个产品入选。", "山东省")
    assert not ex.listings


def test_decision_and_annex_merge_and_edition_nominations() -> None:
    text = ("市人民政府决定授予甲工程机械有限公司等2家企业2023年徐州市市长质量奖。 2023年徐州市市长质量奖获奖名单 "
            "一、徐州市市长质量奖(2家企业) (1)甲工程机械有限公司 (2)乙数码科技股份有限公司 "
            "二、徐州市市长质量奖提名奖(1家企业) (1)丙铝材有限公司")
    ex = read(text, "徐州市")
    assert [(x.programme.name, [r.name for r in x.recipients], x.count, x.year) for x in ex.listings] == [
        ("徐州市市长质量奖", ["甲工程机械有限公司", "乙数码科技股份有限公司"], 2, "2023"),
        ("徐州市市长质量奖提名奖", ["丙铝材有限公司"], 1, "2023")]
    ex = read("其中，丁科技有限公司已荣获黄石市第七届市长质量奖提名奖。", "黄石市")
    assert [(x.programme.name, x.batch, x.year) for x in ex.listings] == [("黄石市市长质量奖提名奖", 7, None)]


def test_youth_league_and_conjunctions_are_no_part_of_names() -> None:
    ex = read("市人大、团市委以及乌兰察布电力有限责任公司参加，在全省范围实施产业链供应链质量联动提升。", "乌兰察布市")
    assert "中共乌兰察布市委员会" not in names(ex, Kind.GOVERNMENT_BODY)
    assert names(ex, Kind.ENTERPRISE) == {"乌兰察布电力有限责任公司"} and not names(ex, Kind.INDUSTRY_CHAIN)


def test_an_edition_of_another_citys_award() -> None:
    ex = read("武汉甲有限公司曾获黄石市第八届市长质量奖提名奖。", "武汉市")
    assert [(x.programme.name, x.batch, x.year) for x in ex.listings] == [("黄石市市长质量奖提名奖", 8, None)]


def test_chains_of_places_in_a_national_programme_are_projects_of_those_places() -> None:
    ex = read("市场监管总局公布2024年全国质量强链百个重点项目名单，我省长春市新能源汽车产业链、吉林市碳纤维产业链2个项目入选。",
              "吉林省")
    assert {(c.chain.name, c.level, c.place) for c in ex.chain_projects} == {
        ("新能源汽车产业链", Level.NATIONAL, "长春市"), ("碳纤维产业链", Level.NATIONAL, "吉林市")}


def test_regional_brands() -> None:
    ex = read("打造“长白山人参”区域公用品牌，培育西双版纳橡胶、双阳梅花鹿等区域公用品牌，新增3个区域公用品牌。", "长春市")
    assert names(ex, Kind.BRAND) == {"长白山人参", "西双版纳橡胶", "双阳梅花鹿"}
    ex = read("双阳梅花鹿区域公用品牌入选“吉字号”品牌名单。", "长春市")
    assert listings(ex)["吉字号"][0] == ["双阳梅花鹿"]


def test_a_common_word_after_a_post_word_is_no_person() -> None:
    ex = read("甲乙科技有限公司（某某商会常务副会长单位）获得提名奖。")
    assert names(ex, Kind.PERSON) == set()
    assert posts(ex) == set()


def test_a_county_armed_forces_department_and_construction_station_with_a_deputy_head() -> None:
    ex = extract(Document("m", "m.txt", "抄送：县委各部门，县人武部。授予安吉县建设工程质量安全监督站副站长林某、甲乙公司县长质量奖。",
                          place="安吉县", date=dt.date(2025, 6, 1),
                          sentences=split_sentences("抄送：县委各部门，县人武部。授予安吉县建设工程质量安全监督站副站长林某、甲乙公司县长质量奖。")))
    assert "安吉县人民武装部" in names(ex, Kind.GOVERNMENT_BODY)
    assert "安吉县建设工程质量安全监督站" in names(ex, Kind.DEPARTMENT)
    assert ("林某", "副站长", "安吉县建设工程质量安全监督站") in posts(ex)


def test_a_branch_of_the_central_bank_named_with_its_place() -> None:
    ex = read("湖州海关、人民银行安吉县支行、中国人民银行湖州市中心支行共同参与了本次活动。")
    assert {"中国人民银行安吉县支行", "中国人民银行湖州市中心支行"} <= names(ex, Kind.DEPARTMENT)
    assert "中国人民银行" not in names(ex, Kind.DEPARTMENT)


def test_departments_listed_bare_before_a_count_of_member_units_are_the_places() -> None:
    ex = read("领导小组成员单位分管领导：环保局、工商局、食药监局等26个成员单位分管领导共31人参加会议。")
    assert {"枣庄市环境保护局", "枣庄市工商行政管理局", "枣庄市食品药品监督管理局"} <= names(ex, Kind.DEPARTMENT)
    assert 26 in {int(o.value) for o in ex.observations}  # the count of member units stays a figure


def test_he_joining_groups_after_a_post_word_starts_no_name() -> None:
    ex = read("各县区政府负责人和企业代表参加会议。")
    assert names(ex, Kind.PERSON) == set()


def test_a_rare_surname_before_fabiao_and_a_counsellors_post_name_people() -> None:
    from extraction_helpers import read as _read
    ex = _read("某省市场监督管理局党组书记、局长铁刚发表致辞。国务院原参事张纲作了主旨演讲。", "某省")
    people = {e.name for e in ex.entities if e.kind.name == "PERSON"}
    assert people == {"铁刚", "张纲"}
    assert ("张纲", "原参事", "国务院") in {(p.person.name, p.role, p.organization.name if p.organization else None)
                                          for p in ex.posts}


def test_products_counted_in_a_brand_list_are_no_recipients_their_maker_is() -> None:
    ex = read("我市“甲丙”牌高压开关柜、“乙丁”牌速冻水饺等5个产品被认定为2020年浙江名牌产品。", "乐清市")
    got = listings(ex)  # products named by their brands: who holds the title is not written
    assert got["浙江名牌产品"] == ([], 5)
    assert not any(e.name.startswith("牌") for e in ex.entities)
    ex = read("同意授予甲丙机电有限公司生产的牌户外开关箱等46个产品2013年某市名牌产品称号。", "乐清市")
    assert listings(ex)["某市名牌产品"] == (["甲丙机电有限公司"], 46)  # the firm that makes them


def test_an_award_handed_over_in_its_own_clause_is_not_the_next_clauses() -> None:
    ex = read("市委书记王某明为获得中国质量奖提名奖的甲丙股份有限公司颁奖，李某河为乙丁集团有限公司颁奖。", "合肥市")
    got = listings(ex)  # the second clause names no award: its firm is no winner of the first clause's award
    assert got == {"中国质量奖提名奖": (["甲丙股份有限公司"], None)}
    ex = read("市长李某河为获得中国质量奖提名奖的甲丙股份有限公司颁奖，为获得省长质量奖的乙丁集团有限公司颁奖。", "合肥市")
    got = listings(ex)
    assert got["中国质量奖提名奖"][0] == ["甲丙股份有限公司"]
    assert got["安徽省省长质量奖"][0] == ["乙丁集团有限公司"]


def test_a_bracketed_category_and_the_grade_after_it_name_the_programme() -> None:
    ex = read("授予甲丙集团有限公司、乙丁电子有限公司等2家企业2022年度某市市长质量奖（组织）提名奖，各给予10万元激励。", "南京市")
    got = listings(ex)  # nominees of the organisations' category: no winners of the award itself
    assert got == {"南京市市长质量奖（组织）提名奖": (["甲丙集团有限公司", "乙丁电子有限公司"], 2)} or got == {
        "某市市长质量奖（组织）提名奖": (["甲丙集团有限公司", "乙丁电子有限公司"], 2)}
    ex = read("授予王某明、李某海等2位个人2022年度南京市市长质量奖（个人），各给予5万元激励。", "南京市")
    assert listings(ex) == {"南京市市长质量奖（个人）": (["王某明", "李某海"], 2)}
    ex = read("甲丙集团有限公司获得南京市市长质量奖（奖金另行发放）。", "南京市")
    assert listings(ex) == {"南京市市长质量奖": (["甲丙集团有限公司"], None)}  # an aside, no category


def test_bare_names_granted_a_personal_category_are_persons() -> None:
    ex = read("市政府决定授予甲丙集团有限公司“2022年度如皋市市长质量奖（组织类）”，授予杨某“2022年度如皋市市长质量奖（个人类）”。", "如皋市")
    got = listings(ex)
    assert got["如皋市市长质量奖（个人类）"] == (["杨某"], None)
    assert got["如皋市市长质量奖（组织类）"] == (["甲丙集团有限公司"], None)
    ex = read("授予全市“2022年度某市市长质量奖（个人类）”。", "如皋市")
    assert listings(ex) == {}  # 全市 opens with a surname's character but is no name


def test_a_grade_written_alone_after_a_category_is_the_awards_own_grade() -> None:
    ex = read("我市乙丁集团有限公司总经理王某明获得省长质量奖个人奖，丙戊科技有限公司等5家企业获得提名奖。", "合肥市")
    got = listings(ex)  # the firms' nomination award is the award's, not a grade of its personal category
    assert got["安徽省省长质量奖提名奖"] == (["丙戊科技有限公司"], 5)
    assert got["安徽省省长质量奖个人奖"] == (["王某明"], None)


def test_a_firms_employee_named_with_the_post_before_the_verb_wins() -> None:
    ex = read("甲丙集团有限公司质量部部长王某明荣获第六届山东省省长质量奖提名奖，为本市首次。", "日照市")
    assert listings(ex) == {"山东省省长质量奖提名奖": (["王某明"], None)}
    ex = read("甲丙集团有限公司总经理王某明获评2023年度山东省质量管理先进个人。", "日照市")
    assert listings(ex) == {"山东省质量管理先进个人": (["王某明"], None)}


def test_relative_clauses_of_winning_before_their_firms_give_no_subject_to_the_verb() -> None:
    ex = read("获得省长质量奖的甲丙股份有限公司、获得提名奖的乙丁集团有限公司在会上作交流发言。", "合肥市")
    got = {(r, p) for p, (rs, _) in listings(ex).items() for r in rs}
    assert ("乙丁集团有限公司", "安徽省省长质量奖提名奖") in got
    assert not any(p == "安徽省省长质量奖" and r != "甲丙股份有限公司" for r, p in got)
    assert not any("的" in e.name for e in ex.entities)


def test_a_ceremony_handing_two_awards_over_in_one_clause() -> None:
    ex = read("市委书记王某明等市领导为获得2023年度市长质量奖的甲丙股份有限公司、乙丁集团有限公司和获得提名奖的丙戊科技有限公司颁奖。", "合肥市")
    assert listings(ex) == {"合肥市市长质量奖": (["甲丙股份有限公司", "乙丁集团有限公司"], None),
                            "合肥市市长质量奖提名奖": (["丙戊科技有限公司"], None)}


def test_a_count_inside_a_relative_clause_of_winning_is_not_the_next_verbs() -> None:
    ex = read("大会对获得2023年度市长质量奖的甲丙股份有限公司等3家企业和获得质量管理先进个人称号的王某明等10人进行了表彰。", "合肥市")
    assert "质量管理先进个人" not in listings(ex)  # the 3 firms won the mayor's award, not the personal title
