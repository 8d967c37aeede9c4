"""One regression test per mechanism that real reports of the genre need, on our own minimal sentences:
post chains with each post's organisation, preliminary lists, breakdowns, periods, short names,
news outlets, consumer councils and trade unions, and counting units."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Kind

from extraction_helpers import read, listed as _listed

DATE = dt.date(2024, 5, 1)


def _posts(ex):
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def test_post_chain_each_post_in_its_own_organisation():
    ex = read("会议由市委宣传部副部长张某主持，市人大常委会副主任李某、省局质量发展局局长王某出席。", place="枣庄市", date=DATE)
    posts = _posts(ex)
    assert ("张某", "副部长", "中共枣庄市委员会宣传部") in posts
    assert ("李某", "副主任", "枣庄市人民代表大会常务委员会") in posts
    assert ("王某", "质量发展局局长", "山东省市场监督管理局") in posts  # 省局: the province's bureau, its unit kept


def test_leading_group_is_an_organisation_only_with_its_place():
    ex = read("会议由市质量强市工作领导小组组长赵某主持。全县成立质量工作领导小组。", place="枣庄市", date=DATE)
    groups = {e.name for e in ex.entities if e.kind is Kind.GOVERNMENT_BODY}
    assert "枣庄市质量强市工作领导小组" in groups
    assert not any(n.startswith("质量工作") for n in groups)  # a generic phrase names no body
    assert ("赵某", "组长", "枣庄市质量强市工作领导小组") in _posts(ex)


def test_preliminary_list_makes_no_award_listing():
    award = "“2024年枣庄市市长质量奖”"
    pre = read(f"市市场监管局发布公示，拟授予甲科技股份有限公司、乙食品有限公司{award}。", place="枣庄市", date=DATE)
    assert not pre.listings  # candidates announced for comment are no winners
    assert any("preliminary" in w for w in pre.warnings)
    titled = read(f"甲科技股份有限公司、乙食品有限公司获得{award}。", place="枣庄市", date=DATE)
    assert titled.listings
    titled = extract_titled(f"甲科技股份有限公司、乙食品有限公司获得{award}。", "关于2024年市长质量奖候选名单的公示")
    assert not titled.listings
    final = read(f"经专家评审和社会公示，市政府决定授予甲科技股份有限公司、乙食品有限公司{award}。", place="枣庄市", date=DATE)
    assert ("甲科技股份有限公司", "枣庄市市长质量奖") in _listed(final)  # a finished notice period: a decision
    final = read(f"经过公示，市政府决定授予甲科技股份有限公司{award}。", place="枣庄市", date=DATE)
    assert ("甲科技股份有限公司", "枣庄市市长质量奖") in _listed(final)
    shortlisted = read(f"甲科技股份有限公司、乙食品有限公司入围{award}。", place="枣庄市", date=DATE)
    assert not _listed(shortlisted)  # shortlisted for an award (入围, shortlist_verbs.txt): candidates, no winners


def extract_titled(text: str, title: str):
    return read(text, place="枣庄市", date=DATE, title=title)


def _parts(ex):
    return {(str(o.value), o.breakdown) for o in ex.observations}


def test_breakdowns_listed_with_a_shared_head_pair_with_their_figures_in_order():
    ex = read("今年全市生产、流通领域分别抽查产品320批次、180批次，合格率分别为97.5%、95.0%。", place="枣庄市", date=DATE)
    assert {("320", "生产领域"), ("180", "流通领域"), ("97.5", "生产领域"), ("95", "流通领域")} <= _parts(ex)
    uneven = read("今年全市生产、流通领域分别抽查产品320批次，合格率为97.5%。", place="枣庄市", date=DATE)
    assert ("320", "生产领域") not in _parts(uneven)  # one figure for two items: whose it is cannot be told


def test_follow_up_checks_and_rechecks_are_breakdowns_of_the_check():
    ex = read("全年抽查产品300批次。对不合格产品开展跟踪抽查45批次，复查合格率为100%。", place="枣庄市", date=DATE)
    assert {("300", None), ("45", "跟踪抽查"), ("100", "复查")} <= _parts(ex)


def test_a_category_list_whose_count_agrees_gives_each_category_its_rate():
    ex = read("抽检发现，粮食加工品、肉制品、饮料等3大类食品不合格率分别为1.2%、2.3%、0.8%。", place="枣庄市", date=DATE)
    assert {("1.2", "粮食加工品"), ("2.3", "肉制品"), ("0.8", "饮料")} <= _parts(ex)
    assert next(o.measure for o in ex.observations if o.unit == "Lei") == "大类"  # the list's count, no rate
    off = read("抽检发现，粮食加工品、肉制品、饮料等4大类食品不合格率分别为1.2%、2.3%、0.8%。", place="枣庄市", date=DATE)
    assert ("1.2", "粮食加工品") not in _parts(off)  # the count disagrees: no item gets a rate


def _periods(ex):
    return {(str(o.value), o.period) for o in ex.observations}


def test_month_and_quarter_ranges_single_months_and_whole_years():
    ex = read("1—9月，全市新增有效注册商标1200件。3至5月抽查产品300批次。一至三季度受理投诉800件。"
              "4月份抽查产品60批次。全年抽查产品900批次。", place="枣庄市", date=DATE)
    assert {("1200", "2024-01/2024-09"), ("300", "2024-03/2024-05"), ("800", "2024-01/2024-09"),
            ("60", "2024-04"), ("900", "2024")} <= _periods(ex)
    assert next(o for o in ex.observations if o.value == 800).breakdown != "目标"  # 一至三季度: no 至-target
    dated = read("9月19日召开会议，会上通报抽查产品30批次。", place="枣庄市", date=DATE)
    assert ("30", "2024-09") not in _periods(dated)  # a date is no month period


def test_a_bracketed_year_dates_its_item_and_no_later_clause():
    ex = read("全市新增省级标准化试点项目（2023年）12个。全年抽查产品600批次。", place="枣庄市", date=DATE)
    twelve = next(o for o in ex.observations if o.value == 12)
    assert (twelve.period, twelve.measure) == ("2023", "新增标准化试点项目")
    assert ("600", "2024") in _periods(ex)


def test_a_year_and_its_figure_after_a_target_keep_that_year_and_the_measure():
    ex = read("到2029年，全市有效发明专利力争达到5000件，2026年为2800件。", place="枣庄市", date=DATE)
    assert {(str(o.value), o.period, o.measure) for o in ex.observations} == {
        ("5000", "2029", "有效发明专利"), ("2800", "2026", "有效发明专利")}


def test_a_defined_short_name_is_a_later_mention_of_the_full_entity():
    ex = read("甲科技股份有限公司（以下简称“甲科技”）主导制定国家标准3项。甲科技副董事长张某介绍，"
              "甲科技股份有限公司拥有专利50件。市质量强市工作领导小组办公室（简称“市质强办”）印发通知。市质强办要求落实责任。",
              place="枣庄市", date=DATE)
    short = [e for e in ex.entities if e.span.text in ("甲科技", "市质强办")]
    assert {(e.span.text, e.name) for e in short} == {
        ("甲科技", "甲科技股份有限公司"), ("市质强办", "枣庄市质量强市工作领导小组办公室")}
    assert ("张某", "副董事长", "甲科技股份有限公司") in _posts(ex)  # the post is the firm's
    assert sum(e.span.text == "甲科技" for e in ex.entities) == 1  # not inside the full name written again


def test_news_outlets_are_media_never_winners_and_their_reporting_words_end_names():
    ex = read("枣庄日报、枣庄市融媒体中心、山东电视台等媒体报道了甲科技股份有限公司荣获“山东省省长质量奖”的消息。",
              place="枣庄市", date=DATE)
    media = {e.name for e in ex.entities if e.kind is Kind.MEDIA}
    assert media == {"枣庄日报", "枣庄市融媒体中心", "山东电视台"}
    assert _listed(ex) == {("甲科技股份有限公司", "山东省省长质量奖")}  # the firm alone, its name clean
    assert not any(e.kind is Kind.ENTERPRISE and "媒体" in e.name for e in ex.entities)


def test_consumer_councils_and_trade_unions_are_organisations_of_their_place():
    ex = read("市消保委联合市总工会开展活动，山东省总工会副主席王某出席。全国总工会发文。成立消费者协会。", place="枣庄市", date=DATE)
    orgs = {e.name for e in ex.entities if e.kind is Kind.ASSOCIATION}
    assert orgs == {"枣庄市消费者权益保护委员会", "枣庄市总工会", "山东省总工会", "中华全国总工会"}  # no generic 消费者协会
    assert ("王某", "副主席", "山东省总工会") in _posts(ex)


def test_counting_units_of_samples_animals_plants_and_equipment():
    ex = read("全市抽检食品120组、疫苗30支、白酒50瓶、生猪200头、苗木500株、设备12台套、活禽80只。", place="枣庄市", date=DATE)
    assert {(str(o.value), o.unit) for o in ex.observations} == {
        ("120", "Zu"), ("30", "ZhiBranch"), ("50", "Ping"), ("200", "Tou"), ("500", "Zhu"), ("12", "TaiTao"), ("80", "ZhiPiece")}
    from rdflib import URIRef

    from qgraph.lexicon import load_lexicon
    from qgraph.rdf import to_dataset
    from qgraph.validate import validate_dataset
    from qgraph.vocab import QG

    ds = to_dataset([ex], load_lexicon())
    assert validate_dataset(ds).conforms  # every unit an individual of the ontology
    assert any(True for _ in ds.quads((URIRef(QG + "TaiTao"), None, None, None)))


def test_a_series_over_years_gives_one_figure_per_year_or_none_when_they_do_not_pair():
    ex = read("从近5年的抽查情况看，全市产品抽查合格率分别为88.9%、92.3%、91.1%、91.6%和91.5%。"
              "2020—2022年新增商标分别为100件、200件、300件。", place="枣庄市", date=dt.date(2024, 12, 20))
    assert {("88.9", "2020"), ("92.3", "2021"), ("91.5", "2024"), ("100", "2020"), ("300", "2022")} <= _periods(ex)
    assert next(o.measure for o in ex.observations if str(o.value) == "88.9") == "合格率"
    uneven = read("近3年合格率分别为90%、91%。", place="枣庄市", date=DATE)
    assert {o.period for o in uneven.observations} == {None}  # two numbers for three years: no year is told


def test_firms_counted_before_a_follow_up_check_are_its_part():
    ex = read("全年抽查产品300批次。对上次抽查不合格的9家企业开展跟踪抽查，发现2家企业产品仍不合格。", place="枣庄市", date=DATE)
    assert {("300", None), ("9", "跟踪抽查"), ("2", "跟踪抽查")} <= _parts(ex)


def test_a_bare_bureau_before_a_post_is_the_bureau_named_before():
    ex = read("9月14日，市市场监管局召开党组扩大会议。局党组书记、局长罗某主持会议。该局副局长李某参加。全省格局党组书记王某。",
              place="枣庄市", date=DATE)
    posts = _posts(ex)
    assert {("罗某", "局长", "枣庄市市场监督管理局"), ("李某", "副局长", "枣庄市市场监督管理局")} <= posts
    assert ("王某", "党组书记", None) in posts  # 格局 is no bureau
    assert next(p for p in ex.posts if p.person.name == "罗某").span.text == "局党组书记、局长罗某"


def test_a_figure_of_the_same_period_last_year_is_that_period_and_the_measure_before():
    ex = read("2024年上半年，全市核准使用地理标志专用标志企业32家，较上年同期核准的11家明显增加。", place="枣庄市", date=DATE)
    eleven = next(o for o in ex.observations if o.value == 11)
    assert (eleven.period, eleven.measure) == ("2023-H1", next(o.measure for o in ex.observations if o.value == 32))


def test_breakdown_items_before_a_check_word_name_no_check_of_their_own():
    ex = read("1—9月，全市共抽查产品1260批次。其中，生产、流通领域分别抽查产品780批次、480批次。", place="枣庄市", date=DATE)
    assert {o.subject.name for o in ex.observations} == {"产品质量监督抽查"}


def test_a_series_in_a_report_written_within_its_year_ends_with_the_last_complete_year():
    ex = read("从近3年的情况看，全市地理标志证明商标年末数量分别为18件、22件和25件。", place="枣庄市", date=dt.date(2024, 7, 20))
    assert {(str(o.value), o.period, o.period_inferred) for o in ex.observations} == {
        ("18", "2021", True), ("22", "2022", True), ("25", "2023", True)}


def test_the_target_words_and_year_after_a_measure_are_no_part_of_it():
    ex = read("全市有效注册商标力争2025年达到10万件，2027年为12万件。", place="枣庄市", date=DATE)
    assert {(str(o.value), o.measure, o.period, o.breakdown) for o in ex.observations} == {
        ("100000", "有效注册商标", "2025", "目标"), ("120000", "有效注册商标", "2027", "目标")}


def test_the_award_named_again_as_gai_jiang_is_the_award_named_before():
    ex = read("自枣庄市市长质量奖设立以来，全市已有23家组织获得该奖。", place="枣庄市", date=DATE)
    assert {e.name for e in ex.entities if e.kind is Kind.HONOUR} == {"枣庄市市长质量奖"}
    assert next(o for o in ex.observations if o.value == 23).subject.name == "枣庄市市长质量奖"


def test_a_count_of_candidates_says_so_and_a_running_total_in_a_notice_is_kept():
    ex = read("拟授予甲科技股份有限公司、乙食品有限公司等2家企业2024年度枣庄市市长质量奖。全市已有23家组织获得该奖。",
              place="枣庄市", date=DATE, title="关于2024年度枣庄市市长质量奖拟授予名单的公示")
    two = next(o for o in ex.observations if o.value == 2)
    assert (two.breakdown, two.measure.startswith("拟授予")) == ("候选", True)
    assert [(x.count, x.recipients) for x in ex.listings] == [(23, ())]  # the total stays, the candidates do not


def test_a_year_after_the_meeting_said_heads_the_sentence_and_the_paragraph():
    ex = read("会议指出，2023年全市新增省级企业技术中心15家。全市制造业产品质量合格率达到95.3%。", place="枣庄市", date=DATE)
    assert {("15", "2023"), ("95.3", "2023")} <= _periods(ex)
