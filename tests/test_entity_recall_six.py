"""Entity recall mechanisms found on a sixth round of real news (质量月 launches listing co-organisers, old
质监 / 工商 / 食药监 names, zones' bodies, autonomous prefectures and regions, GI censuses, bylines). Every
sentence is our own, with invented people, firms and products; each mechanism has a negative case where one fits.
"""

from __future__ import annotations

import datetime as dt

from qgraph.extract import document_place, extract
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = None) -> Extraction:
    return extract(Document("p", "p.txt", text, place=place, date=dt.date(2024, 6, 1),
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if not kinds or e.kind in kinds}


def mentioned_places(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind is Kind.PLACE and dict(e.attributes).get("implicit") != "true"}


def posts(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(x.person.name, x.role, x.organization.name if x.organization else "") for x in ex.posts}


# -- indications listed after their count ------------------------------------------------------------

def test_indications_listed_after_their_count_are_each_an_indication() -> None:
    ex = read("截至目前，全市已拥有地理标志证明商标4件，分别是甲河羊肉、乙山沙棘、和平岭小米和丙湾茶油。", place="赤峰市")
    assert {"甲河羊肉", "乙山沙棘", "和平岭小米", "丙湾茶油"} <= names(ex, Kind.GEOGRAPHICAL_INDICATION)


def test_a_list_whose_count_disagrees_names_no_indication() -> None:
    ex = read("全市地理标志集体商标5件，分别为甲河羊肉、乙山沙棘、丙湾茶油。", place="赤峰市")
    assert not names(ex, Kind.GEOGRAPHICAL_INDICATION) & {"甲河羊肉", "乙山沙棘", "丙湾茶油"}


def test_a_plan_period_and_a_slogan_of_stages_are_no_indications() -> None:
    ex = read("全市地理标志商标增至12件，提早实现“十四五”地理标志商标培育任务，形成“已注册、在申请、待培育”三阶段地理标志储备清单。",
              place="绥化市")
    assert not names(ex, Kind.GEOGRAPHICAL_INDICATION)
    assert not any("十四五" in n for n in names(ex))


# -- a region's own report, its departments written short --------------------------------------------

def test_a_regions_launch_held_in_its_capital_is_the_regions_report() -> None:
    text = ("全区“质量月”活动启动仪式在银川市某某广场举行。自治区质监局、农牧厅,工商局、住建厅、旅游发展委等单位领导"
            "参加活动。自治区质监局局长张立平致辞。")
    ex = read(text)
    assert {"宁夏回族自治区质量技术监督局", "宁夏回族自治区农牧厅", "宁夏回族自治区工商行政管理局",
            "宁夏回族自治区住房和城乡建设厅", "宁夏回族自治区旅游发展委员会"} <= names(ex, Kind.DEPARTMENT)
    assert ("张立平", "局长", "宁夏回族自治区质量技术监督局") in posts(ex)


def test_a_comma_after_a_department_starts_a_new_clause() -> None:
    ex = read("县市场监管局牵头，农业局负责产地检测。", place="资中县")
    assert "资中县农业农村局" not in names(ex) and "资中县农业局" not in names(ex)


def test_the_regions_bureau_in_a_report_of_one_of_its_cities() -> None:
    ex = read("按照自治区质监局要求，图木舒克质监局联合工商局、食药局等5个部门开展检查。", place="图木舒克市")
    assert "新疆维吾尔自治区质量技术监督局" in names(ex, Kind.DEPARTMENT)
    assert {"图木舒克市工商行政管理局", "图木舒克市食品药品监督管理局"} <= names(ex, Kind.DEPARTMENT)


# -- zones and autonomous prefectures ---------------------------------------------------------------

def test_a_zones_bureau_and_management_committee_take_the_zones_kind_in_full() -> None:
    ex = read("湛江市市场监督管理局与湛江经开区市场监督管理局联合举办。黔东南高新区管委会副主任李明远宣读决定。",
              place="湛江市")
    assert "湛江经济技术开发区市场监督管理局" in names(ex, Kind.DEPARTMENT)
    assert ("李明远", "副主任", "黔东南高新技术产业开发区管理委员会") in posts(ex)


def test_a_zones_word_without_a_zone_named_is_no_department() -> None:
    ex = read("各开发区市场监管局要加强检查。", place="湛江市")
    assert not any("开发区" in n for n in names(ex))


def test_a_prefecture_written_short_in_a_chain_of_places_is_mentioned() -> None:
    ex = read("5月16日，贵州省黔南州都匀市举行颁奖仪式。")
    assert "黔南布依族苗族自治州" in mentioned_places(ex)
    assert "都匀市" in mentioned_places(ex)


def test_a_prefectures_report_reads_its_bureau_written_with_zhou() -> None:
    ex = read("9月5日，由红河州人民政府主办的活动启动。州质监局局长赵国强作动员讲话，启动仪式由州质监局孙丽副局长主持。")
    assert ("赵国强", "局长", "红河哈尼族彝族自治州质量技术监督局") in posts(ex)
    assert ("孙丽", "副局长", "红河哈尼族彝族自治州质量技术监督局") in posts(ex)


def test_a_short_place_before_a_venue_where_a_launch_is_held() -> None:
    ex = read("启动仪式在蒙自某湖广场举行。", place="红河哈尼族彝族自治州")
    assert "蒙自市" in mentioned_places(ex)


def test_a_districts_leading_group_office_carries_its_city() -> None:
    ex = read("此次活动由奉贤区质量工作领导小组办公室承办。", place="奉贤区")
    assert "上海市奉贤区质量工作领导小组办公室" in names(ex, Kind.GOVERNMENT_BODY)


# -- datelines, credits and people --------------------------------------------------------------------

def test_a_datelines_outlet_before_a_reporters_credit() -> None:
    ex = read("云上某县讯 通讯员王小明报道 3月9日，蕲春县召开全县质量工作会议。", place="蕲春县")
    assert "云上某县" in names(ex, Kind.MEDIA)


def test_a_datelines_filing_place_is_cut_from_the_paper() -> None:
    ex = read("某某消费报杭州讯(记者刘青山)近日，丽水市市场监管局发布抽查结果。", place="丽水市")
    assert "某某消费报" in names(ex, Kind.MEDIA)
    assert "某某消费报杭州" not in names(ex)


def test_a_closing_credit_after_the_authors_unit() -> None:
    ex = read("绥化市稳步开展地理标志保护工作。(黑龙江省绥化市市场监管局 周明远)", place="绥化市")
    assert "周明远" in names(ex, Kind.PERSON)
    assert "绥化市市场监督管理局" in names(ex, Kind.DEPARTMENT)


def test_a_print_mark_opens_a_one_name_byline() -> None:
    ex = read("铁岭市质量工作再次发力。\n□刘建华", place="铁岭市")
    assert "刘建华" in names(ex, Kind.PERSON)


def test_a_name_before_tongzhi_is_a_person_but_the_audience_is_none() -> None:
    ex = read("会上，王建国同志作“质量月”启动讲话。会议要求，同志们要提高认识。", place="红河哈尼族彝族自治州")
    assert "王建国" in names(ex, Kind.PERSON)
    assert not any(n.startswith("同志") for n in names(ex, Kind.PERSON))


def test_the_nations_work_on_quality_counties_is_no_honour() -> None:
    ex = read("某局党组书记李华作经验分享，为全国质量强县工作提供了借鉴。", place="新疆维吾尔自治区")
    assert "全国质量强县" not in names(ex)


# -- meetings, committees, consortia and programmes named by their shape -------------------------------

def test_a_scoped_meeting_named_at_a_clause_head_before_it_announces() -> None:
    ex = read("日前，全国质量强链经验交流现场推进会通报2024年质量强链工作情况。", place="铁岭市")
    assert "全国质量强链经验交流现场推进会" in names(ex, Kind.MEETING)


def test_a_meeting_named_by_its_kind_alone_announces_nothing() -> None:
    ex = read("近日，质量工作推进会通报了有关情况。会议通报了2024年工作。", place="铁岭市")
    assert not names(ex, Kind.MEETING)


def test_a_placed_working_committee_and_its_office_are_bodies() -> None:
    ex = read("日前，湖北省质量强省工作委员会办公室正式命名甲市为示范市。", place="湖北省")
    assert "湖北省质量强省工作委员会办公室" in names(ex, Kind.GOVERNMENT_BODY)
    ex = read("成立质量工作委员会，统筹推进有关工作。", place="孝感市")
    assert not any(n.endswith("工作委员会") for n in names(ex))


def test_a_consortium_of_provinces_abbreviations_is_a_body() -> None:
    ex = read("3家企业和1家科研机构加入苏浙皖赣沪新能源汽车质量创新联合体。", place="江西省")
    assert "苏浙皖赣沪新能源汽车质量创新联合体" in names(ex, Kind.ASSOCIATION)


def test_a_provinces_quality_demonstration_county_is_a_programme() -> None:
    ex = read("会议部署推进“湖北省质量强省示范县”创建工作。", place="蕲春县")
    assert "湖北省质量强省示范县" in names(ex, Kind.HONOUR)


def test_places_opening_the_items_of_a_counted_project_list() -> None:
    ex = read("南昌电子信息、宜春锂电、樟树中药材3个项目入选项目库。", place="江西省")
    assert {"南昌市", "宜春市", "樟树市"} <= mentioned_places(ex)


def test_a_project_list_whose_count_disagrees_names_no_place() -> None:
    ex = read("南昌电子信息、宜春锂电、樟树中药材5个项目入选项目库。", place="江西省")
    assert "樟树市" not in mentioned_places(ex)


def test_one_launch_named_by_the_region_and_by_its_whole_area_is_one_event() -> None:
    text = "2018年宁夏质量月启动仪式在银川市某广场举行\n9月7日，2018年全区“质量月”活动启动仪式在银川市某广场举行。"
    ex = read(text, place="宁夏回族自治区")
    launches = {n for n in names(ex, Kind.EVENT) if n.endswith("启动仪式")}
    assert launches == {"2018年全区“质量月”活动启动仪式"}


def test_a_provinces_own_report_that_names_one_city_most_stays_the_provinces() -> None:
    text = ("我省坚持试点带动，推进江西省质量强链建设。赣州市现代家具产业入选试点项目。全省建成线下站点118个。"
            "我省鼓励链主企业参评质量奖项，赣州纺织服装项目入选项目库。")
    doc = Document("p", "p.txt", text, sentences=split_sentences(text))
    assert document_place(doc, load_lexicon()).name == "江西省"


def test_a_citys_report_that_speaks_of_the_province_stays_the_citys() -> None:
    text = ("铁岭一产业链入围全国质量强链项目\n今年，铁岭市质量工作再次发力，纳入全省16个重点产业链，"
            "引领全省产业发展。我省推进质量强链，铁岭市成效明显。")
    doc = Document("p", "p.txt", text, sentences=split_sentences(text))
    assert document_place(doc, load_lexicon()).name == "铁岭市"


# -- firms written by their short name only ----------------------------------------------------------

def test_a_firms_short_name_before_a_count_of_firms() -> None:
    ex = read("支持甲晟能源等4家企业承担国家试点项目。", place="江西省")
    assert "甲晟能源" in names(ex, Kind.ENTERPRISE)


def test_a_firms_short_name_opening_a_clause_before_it_is_selected() -> None:
    ex = read("2025年，乙丰科技成功入选全国质量强国建设领军企业培育库。", place="新疆维吾尔自治区")
    assert "乙丰科技" in names(ex, Kind.ENTERPRISE)
    assert ("乙丰科技", "全国质量强国建设领军企业培育库") in {
        (r.name, x.programme.name) for x in ex.listings for r in x.recipients}


def test_a_trade_word_of_an_area_is_no_firm() -> None:
    ex = read("全市电子等5家企业入选。新能源汽车入选重点产业。", place="江西省")
    assert not names(ex, Kind.ENTERPRISE)


def test_a_departments_provincial_name_when_written_short() -> None:
    ex = read("县市场监管局、发改局、审批局等单位参加会议。", place="固安县")
    assert "固安县行政审批局" in names(ex, Kind.DEPARTMENT)
    ex = read("县市场监管局、发改局、审批局等单位参加会议。", place="滕州市")
    assert "滕州市行政审批服务局" in names(ex, Kind.DEPARTMENT)


def test_a_bureau_written_by_its_older_name_keeps_it() -> None:
    ex = read("按照要求，质监局联合工商局、建设局等3个部门开展检查。市城乡建设局也参加。", place="金华市")
    assert {"金华市建设局", "金华市城乡建设局"} <= names(ex, Kind.DEPARTMENT)


def test_a_national_scheme_written_with_guojia_is_the_scheme() -> None:
    ex = read("全市8家工业企业首次通过国家两化融合管理体系贯标认证。", place="孝感市")
    assert "两化融合管理体系" in names(ex, Kind.CERTIFICATION_SCHEME)
    assert not any(n.startswith("国家两化") for n in names(ex))


# -- a county's leaders and its departments listed after a Party department ---------------------------

def test_bare_government_npc_and_cppcc_in_a_list_of_county_leaders() -> None:
    text = ("县委常委、政府副县长张建华、人大副主任李文明、 政协副主席王晓东等县领导出席活动。"
            "活动由人大副主任李文明主持。")
    ex = read(text, place="临漳县")
    assert {("张建华", "副县长", "临漳县人民政府"), ("张建华", "常委", "中共临漳县委员会"),
            ("李文明", "副主任", "临漳县人民代表大会常务委员会"),
            ("王晓东", "副主席", "中国人民政治协商会议临漳县委员会")} <= posts(ex)
    assert all(org for _, _, org in posts(ex))


def test_a_bare_npc_with_no_leaders_list_names_no_body() -> None:
    ex = read("活动由人大副主任李文明主持。", place="临漳县")
    assert not names(ex, Kind.GOVERNMENT_BODY)


def test_government_departments_listed_after_a_party_department_and_a_shared_ending() -> None:
    ex = read("县质监局、县委宣传部、住建局、工信局、工商和食药监局等16个相关部门参加活动。", place="临漳县")
    assert {"临漳县住房和城乡建设局", "临漳县工业和信息化局", "临漳县工商行政管理局",
            "临漳县食品药品监督管理局", "中共临漳县委员会宣传部"} <= names(ex, Kind.DEPARTMENT)


def test_a_list_of_doings_before_an_award_word_is_no_programme() -> None:
    ex = read("活动现场以展板展示、资料发放、有奖竞答等形式普及质量知识。", place="岱山县")
    assert not names(ex, Kind.HONOUR)


# -- older reports: a county since merged, a post after a unit, a bureau abolished ----------------------

def test_a_name_before_zai_ends_at_it_and_a_units_head_follows() -> None:
    ex = read("德州市质监局党组成员、副局长刘建平在组织人事科科长赵明陪同下到陵县进行走访调研。")
    assert ("刘建平", "副局长", "德州市质量技术监督局") in posts(ex)
    assert not any(role.startswith("刘建平") for _, role, _ in posts(ex))
    assert "陵县" in mentioned_places(ex)


def test_a_supervision_bureau_of_older_reports() -> None:
    ex = read("县监察局、县质监局负责同志参加会议。", place="陵县")
    assert "陵县监察局" in names(ex, Kind.DEPARTMENT)


def test_a_head_named_after_the_place_of_the_posts_level() -> None:
    ex = read("陵县王建军副县长及有关领导参加了座谈。", place="陵县")
    assert ("王建军", "副县长", "陵县人民政府") in posts(ex)
    ex = read("德州市王建军副县长出席。", place="陵县")
    assert not any(org == "德州市人民政府" for _, _, org in posts(ex))
