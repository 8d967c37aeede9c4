"""Regression tests for mechanisms found by reading a second batch of real articles of the genre
(a national spot-check bulletin, trademark statistics, award decisions, 质量月 launches, a national
chain-project list), each on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Kind

from extraction_helpers import fig, low, read

BULLETIN_TITLE = "市场监管总局关于2030年某类产品国家监督抽查情况的通报"
BULLETIN = (BULLETIN_TITLE + "\n"
            "2030年，市场监管总局对50种产品开展国家监督抽查，抽查4000批次。\n"
            "抽查甲省产品批次数最多，占抽查产品批次总数的20.5%，其次是乙省（11.2%）。"
            "东部、中部、西部地区抽查产品批次数分别占全国总数的70.1%、20.2%、9.7%。\n"
            "从企业规模看，抽查大、中、小型企业数分别占抽查企业总数的3.1%、6.2%、90.7%，小型企业抽查比例比上年升高1.4个百分点。"
            "大型企业产品抽查不合格率为1.1%；小型企业产品抽查不合格率为12.9%。")


def _bulletin():
    text = BULLETIN.replace("甲省", "河南省").replace("乙省", "湖南")
    return read(text, title=BULLETIN_TITLE, date=dt.date(2031, 4, 1))


def test_a_national_bodys_report_is_about_the_country_not_the_provinces_it_ranks() -> None:
    ex = _bulletin()
    for value in ("3.1", "6.2", "90.7"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name not in ("河南省", "湖南省"), o.subject
    assert fig(ex, "20.5").subject.name != "中华人民共和国"


def test_a_part_of_the_check_named_by_a_breakdown_and_a_generic_word_is_the_same_check() -> None:
    ex = _bulletin()
    check = fig(ex, "4000").subject
    for value, part in (("1.1", "大型企业"), ("12.9", "小型企业"), ("3.1", "大型企业")):
        o = fig(ex, value)
        assert o.subject == check and o.breakdown == part and not low(o)
    assert [e.name for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK] == [check.name]


def test_regions_sharing_one_head_are_each_a_breakdown_and_a_change_is_no_figure() -> None:
    ex = _bulletin()
    assert [fig(ex, v).breakdown for v in ("70.1", "20.2", "9.7")] == ["东部地区", "中部地区", "西部地区"]
    assert not [o for o in ex.observations if str(o.value) == "1.4"]


def test_a_share_keeps_its_zhan_after_the_check_word() -> None:
    ex = read("全省抽查产品5000批次。在生产领域抽查3000批次，占抽查总批次的60.0%。", "安徽省")
    assert "占" in fig(ex, "60.0").measure  # a share (批次占比), not a count of batches


def test_categories_after_a_total_are_its_breakdown_with_the_totals_measure() -> None:
    ex = read("2030年，全省新增注册商标5万件，其中农产品商标3万件。全省农产品商标中，涉及八大产业的共21000件，其中，"
              "粮油类9000件，果品、蔬菜类6000件，药材类2000件。", "河南省")
    for value, part in (("9000", "粮油类"), ("6000", "果品、蔬菜类"), ("2000", "药材类")):
        o = fig(ex, value)
        assert o.measure == "农产品商标" and o.breakdown == part and not low(o)
    total = fig(ex, "21000")
    assert total.measure == "农产品商标" and total.breakdown == "八大产业"


def test_a_sector_counted_without_its_noun_takes_the_siblings_measure() -> None:
    ex = read("2030年，全省地理标志产业中，种植业300件地理标志商标，占总量的60%；养殖业120件，占总量的24%。", "河南省")
    o = fig(ex, "120")
    assert o.measure == "地理标志商标" and o.breakdown == "养殖业"


def test_marks_written_after_the_place_are_the_places_stock_not_the_programmes() -> None:
    ex = read("目前，河南驰名商标累计达到70件，其中，与主导产业相关的驰名商标达20件。", "河南省", dt.date(2031, 1, 10))
    for value in ("70", "20"):
        assert fig(ex, value).subject.name == "河南省"
    ex = read("去年全省认定河南省著名商标500件。", "河南省", dt.date(2031, 1, 10))
    assert fig(ex, "500").subject.name != "河南省"


def test_an_annual_report_named_in_the_lede_gives_the_year_the_document_speaks_of() -> None:
    text = ("某省商标工作稳步推进\n日前，某省市场监管局发布《某省商标发展报告（2030年度）》。"
            "全省种植业地理标志商标200件，养殖业80件。")
    ex = read(text, "河南省", dt.date(2031, 4, 20), title="某省商标工作稳步推进")
    assert fig(ex, "200").period == "2030" and fig(ex, "80").period == "2030"


def test_a_two_year_award_in_the_title_is_the_period_of_its_figures() -> None:
    title = "某市人民政府关于授予2030—2031年度某市市长质量奖的决定"
    text = "市政府决定授予甲有限公司、乙有限公司等2家企业“2030—2031年度许昌市市长质量奖”，各奖励100万元。"
    ex = read(text, "许昌市", dt.date(2032, 2, 1), title=title)
    assert fig(ex, "1000000").period == "2030/2031"


def _links(ex) -> set[tuple[str, str]]:
    return {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}


def test_award_winners_that_are_no_companies_are_listed_too() -> None:
    text = ("市政府决定，授予甲乙建设股份有限公司、兰州市城关区某某实验小学、某某地质局综合勘查队第三届某某质量奖；"
            "授予丙丁建设装饰集团有限公司、某某景区服务中心第三届某某质量奖提名奖。")
    ex = read(text, "甘肃省", dt.date(2031, 11, 1))
    links = _links(ex)
    for who in ("甲乙建设股份有限公司", "兰州市城关区某某实验小学", "某某地质局综合勘查队"):
        assert any(w == who and p.endswith("质量奖") for w, p in links), links
    for who in ("丙丁建设装饰集团有限公司", "某某景区服务中心"):
        assert any(w == who and p.endswith("提名奖") for w, p in links), links
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and e.name == "兰州市"]


def test_a_published_batch_is_a_programme_and_the_chains_its_sentence_lists_are_listed_in_it() -> None:
    text = ("日前，市场监管总局发布首批15个跨省质量协作项目，20个省（区、市）参与，旨在提升产业链韧性。\n"
            "15个跨省质量协作项目既包括无人机、生物制造等新兴产业链，也涉及陶瓷、造纸等传统产业链。\n"
            "其中，光伏、茶叶等产业链面临较大竞争压力。")
    ex = read(text, None, dt.date(2031, 8, 1))
    prog = "跨省质量协作项目"
    assert {e.name for e in ex.entities if e.kind is Kind.HONOUR} == {prog}
    chains = {w for w, p in _links(ex) if p == prog}
    assert chains == {c + "产业链" for c in ("无人机", "生物制造", "陶瓷", "造纸", "光伏", "茶叶")}
    o = fig(ex, "15")
    assert o.subject.name == prog and o.measure == "项目"
    assert not [e for e in ex.entities if e.kind is Kind.INDUSTRY_CHAIN and e.name in ("提升产业链", "涉及陶瓷产业链")]


def test_a_grouping_into_kinds_is_no_count() -> None:
    ex = read("全省地理标志产业主要分为果品、水产、加工品三大类。全省抽检食品12大类。", "福建省")
    assert not [o for o in ex.observations if str(o.value) == "3"]
    assert fig(ex, "12").unit == "Lei"


def test_a_launch_named_with_its_place_and_year_and_its_firms_attendance() -> None:
    text = ("9月14日，某区市场监管局组织举办大足区2031年全国“质量月”活动启动仪式，相关镇街及30余家企业代表参加。")
    ex = read(text, "大足区", dt.date(2031, 9, 15))
    events = [e.name for e in ex.entities if e.kind is Kind.EVENT and "仪式" in e.name]
    assert events == ["大足区2031年全国“质量月”活动启动仪式"]
    o = fig(ex, "30")
    assert o.subject.name == events[0] and not low(o)


def test_a_gathering_named_only_by_a_determiner_is_no_entity() -> None:
    ex = read("记者从某省市场监管局举行的相关新闻发布会上获悉，今年全省新增注册商标5万件。", "贵州省", dt.date(2031, 1, 14))
    assert not [e for e in ex.entities if e.kind is Kind.PRESS_CONFERENCE]


def test_eval_reports_the_gold_checklist_recall_and_honours_found() -> None:
    from qgraph.evaluate import EvalReport, score_document
    ex = read("市政府决定授予甲科技有限公司、乙食品有限公司等2家企业“2030年度漯河市市长质量奖”。", "漯河市", dt.date(2031, 2, 1))
    gold = {"entities": [{"type": "Enterprise", "name": "甲科技有限公司"}, {"type": "Enterprise", "name": "丙机械有限公司"},
                         {"type": "HonourProgramme", "name": "漯河市市长质量奖"}],
            "facts": [{"subject": "漯河市市长质量奖", "measure": "企业", "value": 2, "unit": "Jia", "period": "2030"}],
            "listings": [{"recipient": "甲科技有限公司", "programme": "漯河市市长质量奖", "year": "2030"}]}
    report = EvalReport()
    score_document(ex, gold, report)
    assert report.checklist == (2 + 1 + 1, 3 + 1 + 1)  # 丙 is missed
    lines = report.headline()
    assert "honours / programmes found: 1/1 = 100.0%" in lines
    assert lines[-1].startswith("gold checklist recall: 4/5 = 80.0% (entities 2/3, figures with their measure 1/1, links 1/1")


def test_a_streak_of_years_is_no_confident_count() -> None:
    ex = read("2030年，全市质量工作连续五年在省政府考核中获评A级。全市新增注册商标1200件。", "黄山市")
    assert [o.unit for o in ex.observations if not low(o)] == ["Jian"]


def test_an_event_named_with_its_year_and_a_second_part_and_its_organisers() -> None:
    text = ("9月3日，我市举办2030年“质量月”活动启动仪式暨企业质量创新成果展。活动由市市场监管局、市委宣传部等20个部门共同举办。"
            "150余人参加活动。\n9月11日，雅安市2030年“质量月”集中宣传活动暨某某质量奖颁奖仪式在雨城举行。")
    ex = read(text, "秦皇岛市", dt.date(2030, 9, 12))
    events = {e.name for e in ex.entities if e.kind is Kind.EVENT and e.name != "质量月"}
    launch = "2030年“质量月”活动启动仪式暨企业质量创新成果展"
    assert events == {launch, "雅安市2030年“质量月”集中宣传活动暨某某质量奖颁奖仪式"}
    for value in ("20", "150"):
        o = fig(ex, value)
        assert o.subject.name == launch and not low(o)
    assert fig(ex, "20").measure == "部门"


def test_categories_written_with_commas_take_their_own_rates_when_the_count_agrees() -> None:
    head = "2030年上半年，全国完成食品安全监督抽检100万批次，监督抽检不合格率为2.40%。"
    ex = read(head + "从抽样品种来看，消费量大的粮食加工品，食用油、油脂及其制品，肉制品等3大类食品，"
              "监督抽检不合格率分别为0.41%、0.52%、0.73%。", None, dt.date(2030, 8, 1))
    got = {str(fig(ex, v).value): fig(ex, v).subject.name for v in ("0.41", "0.52", "0.73")}
    assert got == {"0.41": "粮食加工品", "0.52": "食用油、油脂及其制品", "0.73": "肉制品"}
    ex = read(head + "从抽样品种来看，消费量大的粮食加工品，食用油、油脂及其制品，肉制品等4大类食品，"
              "监督抽检不合格率分别为0.41%、0.52%、0.73%。", None, dt.date(2030, 8, 1))
    assert not [o for o in ex.observations if o.subject is not None and o.subject.name == "粮食加工品"]


def test_each_winners_prize_is_the_awards_figure() -> None:
    text = ("决定授予甲电子科技有限公司、乙锅炉有限公司2家企业2030年度“周口市市长质量奖”荣誉称号，并分别给予20万元奖金。")
    ex = read(text, "周口市", dt.date(2031, 6, 10))
    assert fig(ex, "200000").subject.name == "周口市市长质量奖"


def test_winners_one_per_line_under_a_heading_naming_the_award_are_listed_in_it() -> None:
    text = ("日前，市政府印发通报，授予3个组织“2030年度中山市政府质量奖”称号，2个组织“2030年度中山市政府质量奖提名奖”称号。\n"
            "获得“2030年度中山市政府质量奖”称号的包括：\n甲智慧能源集团股份公司\n乙油墨（中山）有限公司\n某市人民医院分子诊断中心\n"
            "获得“2030年度中山市政府质量奖提名奖”称号的包括：\n达能（中国）某饮料有限公司\n某市东区某某小学\n"
            "该奖项自2020年设立以来，已评选出19家“中山市政府质量奖”获奖组织、10家“中山市政府质量奖提名奖”获奖组织。")
    ex = read(text, "中山市", dt.date(2031, 1, 4), title="2030年度中山市政府质量奖公布")
    links = _links(ex)
    award, nomination = "中山市政府质量奖", "中山市政府质量奖提名奖"
    assert {w for w, p in links if p == award} == {"甲智慧能源集团股份公司", "乙油墨（中山）有限公司", "某市人民医院分子诊断中心"}
    assert {w for w, p in links if p == nomination} == {"达能（中国）某饮料有限公司", "某市东区某某小学"}
    assert fig(ex, "2").subject.name == nomination
    for value, prog in (("19", award), ("10", nomination)):
        o = fig(ex, value)
        assert (o.subject.name, o.breakdown, o.period) == (prog, "累计", "2031-01-04")


def test_each_prize_after_a_list_without_a_count_is_the_awards_and_a_region_is_no_city() -> None:
    text = ("决定授予甲水泥有限公司、某省地质局第一地质大队“黄石市第九届市长质量奖”，并分别奖励人民币40万元；"
            "授予乙实业有限公司、丙科技有限公司“黄石市第九届市长质量奖提名奖”，并分别奖励人民币20万元。"
            "为加快建成武汉都市圈重要增长极作出新的更大贡献。")
    ex = read(text, "黄石市", dt.date(2031, 3, 4))
    assert fig(ex, "400000").subject.name == "黄石市市长质量奖"
    assert fig(ex, "200000").subject.name == "黄石市市长质量奖提名奖"
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and e.name == "武汉市"]


def test_a_deputy_county_head_with_a_common_surname_holds_the_post() -> None:
    ex = read("10月17日，省市调研组到我县调研，副县长赖某平陪同调研。", "平和县")
    assert [(p.person.name, p.role, p.organization.name) for p in ex.posts] == [("赖某平", "副县长", "平和县人民政府")]


def test_a_product_group_listing_its_products_owns_its_count_and_rate_and_listed_rates_go_to_products() -> None:
    text = ("2030年，市场监管总局对100种产品组织开展产品质量国家监督抽查，抽查不合格率为9.9%。"
            "其中抽查不合格率最高的3种产品是甲类双层床（80.1%）、工业和商用电动食品加工设备（40.2%）、磷肥（41.0%）。\n"
            "2030年抽查的儿童用品包括儿童服装、儿童家具、童车等12种产品，抽查不合格率为13.1%。"
            "其中儿童家具、学生书包、童鞋抽查不合格率较高，分别为24.1%、23.2%和21.3%。")
    ex = read(text, None, dt.date(2031, 5, 30), title="市场监管总局发布2030年产品质量国家监督抽查情况")
    assert (fig(ex, "12").subject.name, fig(ex, "13.1").subject.name) == ("儿童用品", "儿童用品")
    assert fig(ex, "40.2").subject.name == "工业和商用电动食品加工设备"
    assert [fig(ex, v).subject.name for v in ("24.1", "23.2", "21.3")] == ["儿童家具", "学生书包", "童鞋"]
    assert not [o for o in ex.observations if str(o.value) == "3"]  # 最高的3种: a rank
    assert not low(fig(ex, "9.9"))


def test_an_administrative_committee_takes_its_full_name_and_a_slogans_parts_are_no_count() -> None:
    ex = read("各市人民政府，兰州新区管委会，省政府各部门：全县认真抓好商标品牌“培育、申报、拓展、保护”四个环节。", "甘肃省")
    names = {e.name for e in ex.entities if e.kind is Kind.GOVERNMENT_BODY}
    assert "兰州新区管理委员会" in names and "兰州新区管委会" not in names
    assert not [o for o in ex.observations if str(o.value) == "4"]


def test_some_hundreds_of_thousands_written_before_the_scale() -> None:
    ex = read("2030年，全国帮扶企业60余万家，服务企业3万余家。")
    o = fig(ex, "600000")
    assert o.unit == "Jia" and o.qualifier == "余"


def test_shares_of_the_failures_by_failed_item_are_the_checks() -> None:
    text = ("2030年上半年，全省完成食品安全监督抽检9000批次，不合格率为2.10%。"
            "从不合格项目看，各类问题占不合格样品总量为：农药残留超标40.12%，微生物污染15.30%。")
    ex = read(text, "吉林省", dt.date(2030, 8, 1))
    check = fig(ex, "9000").subject
    for value in ("40.12", "15.30"):
        o = fig(ex, value)
        assert o.subject == check and o.breakdown == "不合格项目" and not low(o)


def test_a_city_report_naming_its_province_in_programme_names_is_the_citys() -> None:
    text = ("聊城有效注册商标每年增加4000多件\n在23日上午市政府举行的新闻发布会上，市工商局副局长某某某表示，"
            "2030年，全市新注册商标4600件，山东省著名商标新认定20件。截至2030年底，全市有效注册商标24000件，山东省著名商标115件。")
    ex = read(text, None, dt.date(2031, 2, 23), title="聊城有效注册商标每年增加4000多件")
    assert fig(ex, "24000").subject.name == "聊城市"


def test_gold_and_silver_grades_of_an_award_are_programmes_of_their_own() -> None:
    text = ("会上宣读了第九届辽宁省省长质量奖获奖企业名单。甲钢铁股份有限公司、乙机械有限公司2家单位获第九届辽宁省省长质量奖金奖；"
            "丙眼药股份有限公司、丁材料有限责任公司、戊科技股份公司3家单位获第九届辽宁省省长质量奖银奖。")
    ex = read(text, "辽宁省", dt.date(2031, 7, 21))
    links = _links(ex)
    assert ("甲钢铁股份有限公司", "辽宁省省长质量奖金奖") in links and ("戊科技股份公司", "辽宁省省长质量奖银奖") in links
    assert (fig(ex, "2").subject.name, fig(ex, "3").subject.name) == ("辽宁省省长质量奖金奖", "辽宁省省长质量奖银奖")


def test_rates_per_head_groupings_plan_names_and_norms_are_no_counts() -> None:
    text = ("2030年，全市完成抽检16000批次，抽检量达到5.36批次/千人。启动仪式分为四个板块。围绕全面振兴新突破三年行动目标任务，"
            "平均每6个市场主体拥有1件商标。")
    ex = read(text, "大同市", dt.date(2031, 2, 28))
    assert [str(o.value) for o in ex.observations if not low(o)] == ["16000", "5.36"]
    assert fig(ex, "5.36").measure == "每千人抽检量"  # an indicator per 1,000 people, named by its 抽检量


def test_what_a_province_holds_and_an_elided_governors_award_it_grew() -> None:
    text = ("活动现场，质量强省办发布了全省质量发展中期成果。打造品牌方面，拥有“中国好粮油”品牌72个，居全国首位；"
            "中国质量奖、鲁班奖数量，居全国前列；培育省长质量奖87个，打造“好品山东”品牌328个。")
    ex = read(text, "山东省", dt.date(2030, 9, 14))
    assert fig(ex, "72").subject.name == "山东省"
    assert fig(ex, "87").subject.name == "山东省省长质量奖"
    assert fig(ex, "328").subject.name == "好品山东"


def test_parts_of_a_check_by_what_or_who_completed_them() -> None:
    text = ("2030年，全市共完成食品抽检16000批次，合格率为97.90%。其中，完成普通食品抽检10000批次，完成食用农产品抽检6000批次。"
            "其中，市市场监管局完成的4000批次抽检中，普通食品3100批次、食用农产品900批次。")
    ex = read(text, "大同市", dt.date(2031, 2, 28))
    check = fig(ex, "16000").subject
    assert [e.name for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK] == [check.name]
    assert (fig(ex, "10000").breakdown, fig(ex, "6000").breakdown) == ("普通食品", "食用农产品")
    bureau = fig(ex, "4000").subject  # the bureau's share: its counts are the bureau's, by category
    assert bureau.kind is Kind.DEPARTMENT and fig(ex, "3100").subject == bureau and fig(ex, "3100").breakdown == "普通食品"


def test_now_words_and_a_sentence_opening_with_qizhong_keep_the_time_before() -> None:
    text = ("目前，全市注册商标、地理标志商标总量均居苏北第一位。其中注册商标总数12600件；商标国际注册80件。\n"
            "地理标志商标从无到有，现已达到7件。2030年，全市新申请商标8000件。")
    ex = read(text, "盐城市", dt.date(2030, 11, 30))
    assert (fig(ex, "12600").period, fig(ex, "7").period) == ("2030-11-30", "2030-11-30")
    assert fig(ex, "8000").breakdown == "新增"


def test_a_quoted_list_after_the_verb_that_fills_it_owns_its_count() -> None:
    ex = read("去年以来，全市培育全国“质量标杆”企业2家，质量工作取得明显成效。", "苏州市", dt.date(2031, 5, 14))
    assert fig(ex, "2").subject.name == "质量标杆"


def test_national_awards_and_a_citys_own_mark_list_and_growth_rates_are_read() -> None:
    text = ("全市商标注册申请量每年均保持10%以上的增长速度。莆田5年商标增逾5倍。"
            "莆田市知名商标也由2006年的首批14件，增至目前的207件。中国质量奖、鲁班奖、国家优质工程奖数量，居全国前列。")
    ex = read(text, "莆田市", dt.date(2031, 12, 23))
    names = {e.name for e in ex.entities if e.kind is Kind.HONOUR}
    assert {"莆田市知名商标", "国家优质工程奖"} <= names
    assert not [o for o in ex.observations if o.unit in ("Percent", "Nian")]


def test_a_county_short_name_before_a_provincial_committee_and_a_nameless_meeting_are_no_entities() -> None:
    ex = read("此次活动，由省市场监管局会同省委宣传部、省发展改革委共同主办。5月13日，某市召开质量大会。", "山东省", dt.date(2030, 9, 14))
    names = {e.name for e in ex.entities}
    assert not any("会同县" in n for n in names)
    assert not [e for e in ex.entities if e.kind is Kind.MEETING]
