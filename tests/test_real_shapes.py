"""One regression test per mechanism found on the sentence shapes of real reports
(``data/eval-real-shapes``), each on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences

from extraction_helpers import fig, low, read


# --------------------------------------------------------------------------- checks and their parts

SPOT = ("关于2024年全省产品质量监督抽查情况的通报\n"
        "2024年，省市场监管局组织开展产品质量省级监督抽查，共抽查1200批次产品，不合格率为6.1%。\n"
        "在生产领域抽查700批次，占抽查总批次的58.3%，不合格率为4.0%；在流通领域抽查500批次，不合格率为9.0%。"
        "其中电商平台抽查150批次，不合格率为12.0%。\n"
        "2025年，全省将安排省级监督抽查1500批次。")


def test_a_checks_figures_in_later_paragraphs_are_the_bodys_check_not_the_titles() -> None:
    ex = read(SPOT, "安徽省", title="关于2024年全省产品质量监督抽查情况的通报")
    assert fig(ex, "700").subject.name == "产品质量省级监督抽查"
    assert fig(ex, "700").breakdown == "生产领域"


def test_a_share_of_the_checked_batches_is_no_check_of_its_own() -> None:
    ex = read(SPOT, "安徽省", title="关于2024年全省产品质量监督抽查情况的通报")
    assert not [e for e in ex.entities if e.kind in (Kind.PRODUCT_SPOT_CHECK,) and e.name.startswith("占")]
    assert fig(ex, "58.3").subject.name == fig(ex, "4.0").subject.name == "产品质量省级监督抽查"
    assert fig(ex, "9.0").breakdown == "流通领域"


def test_a_sub_check_after_qizhong_is_a_part_of_the_check() -> None:
    ex = read(SPOT, "安徽省", title="关于2024年全省产品质量监督抽查情况的通报")
    for value in ("150", "12.0"):
        assert fig(ex, value).subject.name == "产品质量省级监督抽查"
        assert fig(ex, value).breakdown == "电商平台"


def test_a_check_named_again_by_the_end_of_its_name_is_the_same_check() -> None:
    ex = read(SPOT, "安徽省", title="关于2024年全省产品质量监督抽查情况的通报")
    target = fig(ex, "1500")
    assert target.subject.name == "产品质量省级监督抽查" and target.breakdown == "目标" and target.period == "2025"


# --------------------------------------------------------------------------- whose figure

def test_a_figure_in_brackets_after_a_place_is_the_places() -> None:
    ex = read("本次抽查产品1000批次。抽查合肥市产品批次最多，占总批次的21.3%，其次是芜湖市（12.6%）、阜阳市（9.8%）。", "安徽省")
    assert fig(ex, "12.6").subject.name == "芜湖市" and fig(ex, "9.8").subject.name == "阜阳市"
    assert not low(fig(ex, "12.6"))
    assert low(fig(ex, "21.3"))  # the check's share or the city's: it cannot be told


def test_attendance_is_the_meetings_or_only_inferred() -> None:
    ex = read("4月18日，登封市召开2023年质量强市工作推进会。各乡镇负责人和企业代表120余人参加会议。", "登封市")
    assert fig(ex, "120").subject.kind is Kind.MEETING
    ex = read("相关部门负责人和企业代表140余人参加活动。", "荆门市")
    assert low(fig(ex, "140"))


def test_a_norm_per_item_is_no_count_of_the_place() -> None:
    ex = read("我市重点产业链调整为10条。每条产业链明确1名市领导担任链长、1个市级牵头部门。", "泸州市")
    assert low(fig(ex, "1", "Ming")) and low(fig(ex, "1", "Ge"))


def test_a_products_rate_after_a_list_of_products_is_the_products() -> None:
    ex = read("全年开展产品质量监督抽查800批次。\n电动自行车、儿童玩具、电线电缆等12种产品不合格率较高，"
              "其中电动自行车不合格率为18.4%，儿童玩具不合格率为14.9%。", "安徽省")
    assert fig(ex, "18.4").subject.name == "电动自行车" and fig(ex, "14.9").subject.name == "儿童玩具"
    o = fig(ex, "12")  # a count of kinds in a check's report: no count of the place's — the check's kinds that
    assert low(o) or (o.subject.kind is Kind.PRODUCT_SPOT_CHECK and o.breakdown == "不合格率较高")  # met the rate


def test_a_title_and_its_body_naming_one_check_give_one_check() -> None:
    text = ("兰州市通报2024年产品质量市级监督抽查结果\n2024年全市组织开展产品质量市级监督抽查，共抽查960批次。\n"
            "从产品类别看，电动自行车、化肥的抽查合格率分别为91.2%、97.8%。\n从区域看，抽查企业64家，合格率为97.1%。")
    ex = read(text, "兰州市", title="兰州市通报2024年产品质量市级监督抽查结果")
    checks = {e.name for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK}
    assert checks == {"产品质量市级监督抽查"}, checks
    assert fig(ex, "64").subject.name == "产品质量市级监督抽查"


def test_a_class_noun_in_apposition_lets_the_company_head_its_clause() -> None:
    ex = read("全市重点产业链实现营业收入3860亿元。链主企业泸州华鑫酒业股份有限公司主导制定国家标准6项。", "泸州市")
    assert fig(ex, "6").subject.name == "泸州华鑫酒业股份有限公司"


def test_a_chain_owns_the_figures_of_its_own_clause_only() -> None:
    ex = read("2024年，全市重点产业链营业收入3860亿元，其中白酒产业链营业收入1520亿元。", "泸州市")
    assert fig(ex, "152000000000").subject.name == "白酒产业链"
    ex = read("钛及钛合金产业链入选国家级项目，另确定十个市级项目。", "宝鸡市")
    assert fig(ex, "10").subject.name != "钛及钛合金产业链"


# --------------------------------------------------------------------------- time and breakdowns

def test_time_words_of_an_earlier_clause_govern_the_later_clauses() -> None:
    ex = read("报告显示，去年全市共开展产品质量监督抽查425批次，合格率96.7%。", "登封市", dt.date(2023, 4, 18))
    assert fig(ex, "425").period == fig(ex, "96.7").period == "2022"


def test_a_year_named_with_quannian_is_that_year() -> None:
    ex = read("2023年，全年立案查处各类违法案件87件，而2022年全年立案58件。", "封开县", dt.date(2024, 1, 22))
    assert fig(ex, "87").period == "2023" and fig(ex, "58").period == "2022"


def test_newly_approved_marks_are_new() -> None:
    ex = read("2023年，封开油栗、杏花鸡2件地理标志证明商标新获核准，全县地理标志证明商标累计达到9件。", "封开县")
    assert fig(ex, "2").breakdown == "新增" and fig(ex, "9").breakdown == "累计"


def test_from_and_to_values_share_the_measure_named_before_cong() -> None:
    ex = read("全区商标年申请量从2020年的8.1万件增至2024年的10.6万件。", "广西壮族自治区", dt.date(2025, 1, 15))
    before, after = fig(ex, "81000"), fig(ex, "106000")
    assert before.measure == after.measure == "商标年申请量"
    assert (before.period, after.period) == ("2020", "2024") and after.breakdown != "目标"
    ex = read("我市重点产业链由6条调整为10条。", "泸州市", dt.date(2025, 2, 7))
    assert fig(ex, "6").breakdown == "调整前" and fig(ex, "6").period is None
    assert fig(ex, "10").measure == "重点产业链" and not low(fig(ex, "10"))


def test_one_figure_stated_twice_is_read_once() -> None:
    ex = read("我市重点产业链由6条调整为10条。调整后的10条产业链是：白酒、能源化工等。", "泸州市", dt.date(2025, 2, 7))
    tens = [o for o in ex.observations if o.value == 10]
    assert len(tens) == 1 and tens[0].measure == "重点产业链"


def test_listed_recipients_named_again_by_their_count_are_the_programmes() -> None:
    text = ("近日，我市公布首批“青城名品”名单。\n一、企业品牌（2个）\n1.内蒙古甲乳业有限公司\n2.呼和浩特乙科技有限公司\n"
            "二、区域品牌（1个）\n1.武川土豆\n"
            "首批入选的2家企业2024年合计实现营业收入28.6亿元。截至今年5月底，这2家企业拥有有效发明专利41件，"
            "其中内蒙古甲乳业有限公司主导制定国家标准9项。")
    ex = read(text, "呼和浩特市", dt.date(2025, 6, 18))
    assert not [o for o in ex.observations if o.value == 2 and o.unit == "Jia"]  # no new figure
    for value in ("2860000000", "41"):
        assert fig(ex, value).subject.name == "青城名品" and fig(ex, value).breakdown == "企业品牌"
    assert fig(ex, "9").subject.kind is Kind.ENTERPRISE


def test_firms_determined_as_a_programme_are_its_count() -> None:
    ex = read("省局确定太原甲装备股份有限公司等6家企业为2024年度山西省质量标杆。", "山西省", dt.date(2025, 1, 10))
    assert fig(ex, "6").subject.name == "山西省质量标杆"


def test_places_opening_a_sentence_with_fenbie_take_their_own_figures() -> None:
    ex = read("南宁市有效注册商标21.3万件，居全区首位；柳州市、桂林市分别为9.8万件、9.1万件。", "广西壮族自治区")
    assert (fig(ex, "98000").subject.name, fig(ex, "91000").subject.name) == ("柳州市", "桂林市")
    assert fig(ex, "98000").measure == "有效注册商标"


# --------------------------------------------------------------------------- programmes

def test_a_provincial_award_with_a_motto_is_a_programme() -> None:
    ex = read("今年以来，全市新增湖北省长江质量奖获奖企业1家。", "荆门市", dt.date(2025, 9, 12))
    assert {e.name for e in ex.entities if e.kind is Kind.HONOUR} == {"湖北省长江质量奖"}
    assert fig(ex, "1").subject.name == "湖北省长江质量奖"
    ex = read("全省新增获奖企业3家。", "湖北省")
    assert not [e for e in ex.entities if e.kind is Kind.HONOUR]


# --------------------------------------------------------------------------- entities

def test_chains_listed_after_a_colon_are_chains() -> None:
    ex = read("调整后的10条产业链是：白酒、能源化工、医药健康。每条产业链明确1名市领导担任链长。", "泸州市")
    chains = {e.name for e in ex.entities if e.kind is Kind.INDUSTRY_CHAIN}
    assert chains == {"白酒产业链", "能源化工产业链", "医药健康产业链"}, chains


def test_an_office_after_cong_starts_with_the_elided_home_place() -> None:
    ex = read("2月6日，记者从市重点产业链链长制工作领导小组办公室获悉，方案已由市委办公室、市政府办公室联合印发。", "泸州市")
    names = {e.name for e in ex.entities if e.kind in (Kind.GOVERNMENT_BODY, Kind.DEPARTMENT)}
    assert {"泸州市重点产业链链长制工作领导小组办公室", "中共泸州市委员会办公室", "泸州市人民政府办公室"} <= names, names
    assert not [n for n in names if n.startswith("记者")]
    assert not [e for e in ex.entities if e.kind is Kind.INDUSTRY_CHAIN]


# --------------------------------------------------------------------------- recipients

def test_firms_before_xiang_banfa_are_the_awards_recipients() -> None:
    ex = read("会议向河南甲耐材有限公司、登封市乙汽车配件有限公司等4个单位颁发第三届登封市市长质量奖。", "登封市")
    got = {x.programme.name: sorted(r.name for r in x.recipients) for x in ex.listings}
    assert got == {"登封市市长质量奖": ["河南甲耐材有限公司", "登封市乙汽车配件有限公司"]}


def test_a_clause_opening_with_ruxuan_lists_the_firm_opening_the_sentence() -> None:
    ex = read("全县商标累计9件；广东甲新材料有限公司主导制定行业标准3项，入选第二批“粤贸全国”品牌。", "封开县")
    got = {x.programme.name: [r.name for r in x.recipients] for x in ex.listings}
    assert got == {"粤贸全国": ["广东甲新材料有限公司"]}
    ex = read("甲科技有限公司向乙食品有限公司供货，入选第二批“粤贸全国”品牌。", "封开县")
    assert not [x for x in ex.listings if x.recipients]


def test_a_city_report_naming_its_counties_more_than_itself_is_the_citys() -> None:
    text = ("永州12个品牌入选第三批“湖南名品”\n永州新闻网11月19日讯 我市12个品牌上榜。其中，祁阳市甲米业有限公司、"
            "祁阳市乙陶瓷有限公司2个品牌入选；东安县有1个品牌入选。近年来，祁阳市深入实施质量强市战略。"
            "市市场监管局副局长蒋立群表示，将加大品牌培育力度。")
    ex = extract(Document("t", "t.txt", text, title=text.split("\n")[0], date=dt.date(2024, 11, 19),
                          sentences=split_sentences(text)))
    assert {(p.person.name, p.organization.name if p.organization else None) for p in ex.posts} == {
        ("蒋立群", "永州市市场监督管理局")}


def test_a_quoted_programme_with_its_batch_heads_its_clause() -> None:
    ex = read("据了解，第三批“湖南名品”从1126个申报主体中遴选产生，其中制造业企业品牌128个、区域品牌12个。",
              "永州市", dt.date(2024, 11, 19))
    for value in ("1126", "128", "12"):
        assert fig(ex, value).subject.name == "湖南名品"
    assert fig(ex, "1126").breakdown is None and fig(ex, "1126").period == "2024"


def test_a_programme_named_again_without_its_head_word_is_the_same_programme() -> None:
    ex = read("全市共有63家企业的118项标准入选2024年度企业标准“领跑者”名单。其中，太原甲装备股份有限公司"
              "主导制定国家标准9项、入选“领跑者”标准6项。", "太原市", dt.date(2025, 1, 20))
    progs = {e.name for e in ex.entities if e.kind is Kind.HONOUR}
    assert progs == {"企业标准领跑者"}, progs
    assert fig(ex, "9").subject.kind is Kind.ENTERPRISE  # the next item's 入选 is not this figure's


def test_a_measure_no_check_can_have_is_the_places() -> None:
    ex = read("四、下一步工作。今年，全市将完成市级监督抽查1500批次以上，力争制造业产品质量合格率达到95%。", "海口市",
              dt.date(2025, 1, 20))
    assert fig(ex, "95").subject.name == "海口市" and fig(ex, "1500").subject.kind is Kind.PRODUCT_SPOT_CHECK


def test_categories_sharing_a_pass_rate_head_keep_their_whole_names() -> None:
    ex = read("食用农产品抽检5120批次，合格率为97.4%，其中蔬菜、水产品合格率分别为97.1%、96.2%。", "贵阳市")
    assert (fig(ex, "97.1").subject.name, fig(ex, "96.2").subject.name) == ("蔬菜", "水产品")
    ex = read("省级监督抽查2450批次。大型、中型、小型企业产品抽查不合格率分别为1.6%、3.8%、9.9%。", "黑龙江省")
    assert fig(ex, "1.6").breakdown == "大型企业" and fig(ex, "1.6").subject.kind is Kind.PRODUCT_SPOT_CHECK


def test_a_threshold_picking_what_is_counted_is_no_figure() -> None:
    ex = read("全市共有检验检测机构286家，全年实现营业收入24.6亿元，其中营业收入超过1亿元的机构5家。", "太原市")
    assert not [o for o in ex.observations if o.unit == "Yuan" and o.value == 100000000]
    assert fig(ex, "5").measure == "机构"


def test_an_indication_named_again_heads_its_clause_there_too() -> None:
    ex = read("作为国家地理标志产品，柳州螺蛳粉今年1至8月实现产值126.5亿元，全市使用柳州螺蛳粉地理标志专用标志的企业达到136家。",
              "柳州市", dt.date(2025, 9, 2))
    assert fig(ex, "12650000000").subject.name == "柳州螺蛳粉"
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and e.span.text == "柳州"]


def test_a_lists_sections_after_a_sentence_opening_with_qizhong_are_the_programmes() -> None:
    text = ("5月10日，发布第三批“好品山东”品牌名单，99个品牌入选。其中，制造业企业品牌72个；区域品牌4个。"
            "经综合评价，从1589个申报主体中择优遴选出了99个“好品山东”品牌。")
    ex = read(text, "山东省", dt.date(2024, 5, 10))
    for value in ("72", "4", "1589"):
        assert fig(ex, value).subject.name == "好品山东", value
    assert len([o for o in ex.observations if o.value == 99]) == 1  # stated twice, read once


# --------------------------------------------------------------------------- posts

def posts(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def test_a_post_after_internal_units_is_held_in_the_body_before_them() -> None:
    ex = read("国家市场监督管理总局质量管理司质量信用处副处长刘永成出席会议。", "聊城市")
    assert posts(ex) == {("刘永成", "副处长", "国家市场监督管理总局")}


def test_posts_in_two_organisations_listed_before_one_name() -> None:
    ex = read("聊城市委书记、市人大常委会主任许景涛出席并致辞。", "聊城市")
    assert posts(ex) == {("许景涛", "书记", "中共聊城市委员会"), ("许景涛", "主任", "聊城市人民代表大会常务委员会")}


def test_a_county_level_citys_own_committee_and_government() -> None:
    ex = read("永州市副市长周玉玲，祁阳市市委副书记、市长陈晓平等出席活动。", "永州市")
    assert ("陈晓平", "市长", "祁阳市人民政府") in posts(ex)
    assert ("陈晓平", "副书记", "中共祁阳市委员会") in posts(ex)


def test_quannian_after_an_earlier_clauses_year_is_that_year() -> None:
    ex = read("报告显示，去年全市共开展产品质量监督抽查425批次；市计量检定测试所全年检定计量器具8620台件。", "登封市",
              dt.date(2023, 4, 18))
    assert fig(ex, "8620").period == "2022" and fig(ex, "8620").unit == "Tai"


def test_quotas_and_norms_per_round_are_no_counts() -> None:
    ex = read("市长质量奖每2年评审1次，每次评价质量奖不超过3个，提名奖不超过6个。", "马鞍山市")
    assert not [o for o in ex.observations if o.value == 1 and not low(o)]  # how often: left out, or unsure
    assert not [o for o in ex.observations if o.value in (3, 6)]  # caps of the rules: left out


def test_a_title_kept_only_in_the_header_names_the_reports_place() -> None:
    text = "本报讯 4月26日，记者从市市场监管局获悉，全市共有15家组织荣获“市长质量奖”。"
    ex = extract(Document("t", "t.txt", text, title="第九届马鞍山市市长质量奖开评", date=dt.date(2020, 4, 27),
                          sentences=split_sentences(text)))
    assert {e.name for e in ex.entities if e.kind is Kind.HONOUR} == {"马鞍山市市长质量奖"}


# --------------------------------------------------------------------------- events and meetings

def test_the_quality_month_is_one_event_and_an_activity_list_is_none() -> None:
    text = ("9月12日，我市2025年“质量月”活动启动仪式暨质量强市工作推进会在市市场监管局举行。局长对全市“质量月”活动进行部署。"
            "“质量月”期间，全市将开展质量主题宣传、“企业质量开放日”等12项活动。企业代表140余人参加启动仪式。")
    ex = read(text, "荆门市", dt.date(2025, 9, 12))
    events = {(e.kind, e.name) for e in ex.entities if e.kind in (Kind.EVENT, Kind.MEETING)}
    assert events == {(Kind.EVENT, "质量月"), (Kind.MEETING, "2025年“质量月”活动启动仪式暨质量强市工作推进会")}, events
    assert fig(ex, "12").subject.name == "质量月"
    assert fig(ex, "140").subject.kind is Kind.MEETING and "人" in fig(ex, "140").measure


def test_indications_listed_before_their_count_without_deng() -> None:
    ex = read("2023年，封开油栗、杏花鸡2件地理标志证明商标新获核准，全县地理标志证明商标累计达到9件。", "封开县")
    assert {e.name for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION} == {"封开油栗", "杏花鸡"}
    assert fig(ex, "2").subject.name == "封开县" and not low(fig(ex, "2"))  # the counted items are no competitor
    ex = read("横县茉莉花、百色芒果、荔浦芋等5件地理标志入选保护名录。", "广西壮族自治区")
    assert {e.name for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION} == {"横县茉莉花", "百色芒果", "荔浦芋"}


def test_a_speech_read_at_a_meeting_is_no_policy() -> None:
    ex = read("会上，市市场监管局局长范志远作《全市质量工作报告》。", "登封市")
    assert not [e for e in ex.entities if e.kind is Kind.POLICY]


def test_what_the_place_holds_heads_the_whole_sentence() -> None:
    ex = read("目前，全县现有注册商标3863件，其中中国驰名商标2件，著名商标13件；省名牌产品16个；“三品一标”认证企业25家。",
              "宿松县", dt.date(2020, 8, 7))
    for value in ("3863", "2", "13", "16", "25"):
        assert fig(ex, value).subject.name == "宿松县" and not low(fig(ex, value)), value


def test_a_campaign_named_in_zai_zhong_owns_its_results() -> None:
    ex = read("在校园食品安全排查整治专项行动中，各地共立案查处违法案件1万余件、责令整改5万余家。", "安徽省")
    assert fig(ex, "10000").subject.name == "校园食品安全排查整治专项行动"


# --------------------------------------------------------------------------- qgraph eval scores links and posts

def test_eval_scores_recipient_links_and_posts() -> None:
    from qgraph.evaluate import EvalReport, score_links
    ex = read("市人民政府决定：授予甲科技有限公司、乙食品有限公司等2家企业“2024年度漯河市市长质量奖”。"
              "市市场监管局党组书记、局长范志远出席。", "漯河市", dt.date(2025, 2, 8))
    gold = {"listings": [{"recipient": "甲科技有限公司", "programme": "漯河市市长质量奖", "year": "2024"},
                         {"recipient": "丙机械有限公司", "programme": "漯河市市长质量奖", "year": "2024"}],
            "posts": [{"person": "范志远", "post": "局长", "organization": "漯河市市场监督管理局"}]}
    report = EvalReport()
    score_links(ex, gold, report)
    assert (report.listings.tp, report.listings.fn, report.listings.fp) == (1, 1, 1)  # 乙 is not in this gold
    assert (report.posts.tp, report.posts.fn, report.posts.fp) == (1, 0, 0)  # 党组书记 of the same bureau is no error
    assert any(line.startswith("recipient → programme links: 1/2") for line in report.headline())


def test_county_titles_and_provincial_brand_products_are_programmes() -> None:
    ex = read("下半年，全县将全力争创湖北省质量强县。全市新增海南省优质品牌产品15个。", "秭归县")
    assert {e.name for e in ex.entities if e.kind is Kind.HONOUR} == {"湖北省质量强县", "海南省优质品牌产品"}
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and e.name in ("湖北省", "海南省")]
    ex = read("叙州区去年入选四川省质量强县培育名单。", "宜宾市")
    assert not [e for e in ex.entities if e.kind is Kind.HONOUR and e.name == "四川省质量强县"]


def test_the_tier_of_a_check_is_its_breakdown() -> None:
    ex = read("从抽检层级看，市级完成抽检3860批次，合格率为98.6%；区（市、县）级完成抽检8940批次，合格率为98.0%。", "贵阳市")
    assert fig(ex, "98.6").breakdown == "市级" and fig(ex, "8940").breakdown == "区（市、县）级"


def test_a_first_line_that_is_no_title_names_the_reports_check() -> None:
    text = ("7月15日，市市场监管局通报，上半年全市完成食品安全监督抽检12800批次。\n"
            "食用农产品抽检5120批次，合格率为97.4%。\n下半年，市市场监管局将完成全年抽检2.6万批次以上的任务。")
    ex = read(text, "贵阳市", dt.date(2025, 7, 15), title="贵阳市2025年上半年食品安全监督抽检情况通报")
    assert fig(ex, "26000").subject.name == "食品安全监督抽检"


# --------------------------------------------------------------------------- found on the second batch

def test_a_campaign_named_before_kaizhan_yilai_owns_its_checks_and_results() -> None:
    text = ("记者获悉，自4月全省电动自行车安全隐患全链条整治行动开展以来，截至8月底，全省市场监管部门共检查生产企业1260家次，"
            "抽检电动自行车及电池等产品1850批次，不合格率为6.2%。\n全省共立案查处违法案件1436件，罚没款1680万元。其中，网络销售违法案件312件。")
    ex = read(text, "浙江省", dt.date(2024, 9, 20))
    for value in ("1260", "1850", "6.2", "1436", "16800000", "312"):
        assert fig(ex, value).subject.name == "电动自行车安全隐患全链条整治行动", value
    assert fig(ex, "312").breakdown == "网络销售"


def test_a_campaign_with_a_quoted_word_keeps_its_whole_name() -> None:
    ex = read("开展民用“三表”专项检查，检查经营户260户，立案查处计量违法案件4件。", "永修县")
    assert fig(ex, "260").subject.name == "民用“三表”专项检查"


def test_xinjian_before_a_level_is_a_verb_not_a_far_district() -> None:
    ex = read("2025年，县局将推动新建县级标准化示范基地2个。", "永修县", dt.date(2025, 1, 8))
    assert fig(ex, "2").subject.name == "永修县"


def test_a_span_of_time_is_no_figure() -> None:
    ex = read("只用了3年时间，全省商标年申请量从13064件增至34031件。", "陕西省")
    assert not [o for o in ex.observations if o.unit == "Nian"]


def test_figures_set_at_the_event_and_its_organisers_are_the_events() -> None:
    text = ("厦门启动2019年“质量月”活动\n18家单位开展60多项咨询服务\n9月1日，由厦门市市场监督管理局等全市18家单位联合举办的"
            "“质量月”启动仪式暨现场咨询服务活动在白鹭洲广场举行。\n活动现场，18家单位共开展60多项咨询服务，受理消费者咨询320人次。")
    ex = read(text, "厦门市", dt.date(2019, 9, 2))
    for value in ("18", "60", "320"):
        assert fig(ex, value).subject.kind is Kind.EVENT, value  # one 18, one 60: the headline repeats the body


def test_a_year_after_jiezhi_is_the_reports_year_and_its_stock_is_the_places() -> None:
    text = ("截至2月底陕西地理标志商标达41件\n本报讯 截至2013年2月底，陕西省已注册的地理标志商标共计41件。"
            "去年全省认定陕西省著名商标742件。截至2012年末，陕西省有效注册商标累计86277件，中国驰名商标58件。")
    ex = read(text, "陕西省")
    assert fig(ex, "742").period == "2012"
    assert fig(ex, "58").subject.name == "陕西省" and fig(ex, "58").period == "2012-12-31"
    ex = read("省局确定太原甲装备股份有限公司等6家企业为2024年度山西省质量标杆。截至2024年底，全省累计培育省级质量标杆企业87家。",
              "山西省")
    assert fig(ex, "87").subject.name == "山西省质量标杆"  # cultivated: the programme's count, no stock


def test_a_mayor_named_first_and_a_company_directors_post() -> None:
    ex = read("黄明远副市长、厦门市市场监督管理局郑国华局长等领导，以及厦门鹭岛航空服务有限公司服务总监陈怡真等出席了启动仪式。",
              "厦门市")
    assert posts(ex) == {("黄明远", "副市长", "厦门市人民政府"), ("郑国华", "局长", "厦门市市场监督管理局"),
                         ("陈怡真", "服务总监", "厦门鹭岛航空服务有限公司")}


def test_a_firm_after_qizhong_is_listed_in_a_provincial_standards_title() -> None:
    ex = read("全县企业主导制定国家标准5项。其中，江西甲有机硅股份有限公司主导制定国家标准2项，入选江西省标准化示范企业。", "永修县")
    got = {x.programme.name: [r.name for r in x.recipients] for x in ex.listings}
    assert got == {"江西省标准化示范企业": ["江西甲有机硅股份有限公司"]}


def test_a_lexicon_awards_nomination_is_its_own_programme() -> None:
    ex = read("甲电子有限公司荣获第五届中国质量奖提名奖。", "苏州市")
    got = {x.programme.name: [r.name for r in x.recipients] for x in ex.listings}
    assert got == {"中国质量奖提名奖": ["甲电子有限公司"]}


def test_a_listed_brand_named_again_heads_its_clause() -> None:
    text = ("江西省公布第五批“赣出精品”品牌名单，我市甲新材料、南康家具、信丰脐橙等3个品牌入选。"
            "南康家具品牌价值超过200亿元，信丰脐橙今年带动果农增收约18亿元。")
    ex = read(text, "赣州市", dt.date(2024, 12, 6))
    assert fig(ex, "20000000000").subject.name == "南康家具"
    assert fig(ex, "1800000000").subject.name == "信丰脐橙"


def test_a_places_valid_marks_keep_their_word_and_processing_is_a_breakdown() -> None:
    ex = read("截至2024年底，种植业地理标志商标148件、养殖业42件、加工业33件。赣州市有效地理标志商标41件。", "江西省")
    assert fig(ex, "33").breakdown == "加工业"
    assert fig(ex, "41").measure == "有效地理标志商标" and fig(ex, "41").breakdown == "有效"


def test_a_quoted_programme_before_its_recommended_candidates_is_a_programme() -> None:
    ex = read("经专家评审，确定9家企业为2025年度“皖美品牌示范企业”合肥市推荐对象，现予以公示。", "合肥市")
    assert fig(ex, "9").subject.name == "皖美品牌示范企业"


# --------------------------------------------------------------------------- found on the third batch

def test_plans_running_totals_and_new_items_named_after_their_count() -> None:
    ex = read("2025年，全市计划抽查1500批次。截至目前，全省已有27家组织获得云南省人民政府质量奖。", "石家庄市", dt.date(2025, 1, 22))
    assert fig(ex, "1500").breakdown == "目标"
    assert fig(ex, "27").breakdown == "累计"
    ex = read("截至2023年底，全市地理标志证明商标12件，其中湟源陈醋、大通牦牛肉2件为去年新增。", "西宁市", dt.date(2024, 6, 12))
    assert fig(ex, "2").breakdown == "新增" and fig(ex, "2").period == "2023"


def test_a_provincial_governments_nomination_award() -> None:
    ex = read("授予玉溪甲汽车配件有限公司等2家组织第三届云南省人民政府质量奖提名奖。", "云南省")
    got = {x.programme.name: [r.name for r in x.recipients] for x in ex.listings}
    assert got == {"云南省人民政府质量奖提名奖": ["玉溪甲汽车配件有限公司"]}


def test_projects_counted_into_a_national_list_are_the_places_projects_of_that_level() -> None:
    text = ("近日，市场监管总局公布2024年全国质量强链百个重点项目名单，我省长春市新能源汽车产业链、吉林市碳纤维产业链、"
            "延边州人参产业链3个项目入选。省局确定智能装备、生物医药等12条产业链为省级质量强链重点产业链。")
    ex = read(text, "吉林省", dt.date(2024, 11, 20))
    three = fig(ex, "3")
    assert three.subject.name == "吉林省" and three.breakdown == "国家级"
    assert fig(ex, "12").level is not None and fig(ex, "12").level.value == "Provincial"


def test_chain_projects_counted_in_tiao_keep_their_unit() -> None:
    ex = read("目前，全市已形成1个国家级、两条省级、十二个市级产业链质量联动提升项目。", "潍坊市")
    assert fig(ex, "2").unit == "Tiao" and fig(ex, "1").unit == "Ge"


def test_shares_of_checked_batches_and_bracketed_product_rates() -> None:
    text = ("2023年，市场监管总局组织开展国家监督抽查28265批次。从抽查覆盖区域看，东部、中部、西部地区抽查产品批次数分别占全国总数的"
            "76.4%、15.6%、8.1%。其中抽查不合格率最高的5种产品是家用双层床（83.1%）、电动晾衣架（46.2%）。")
    ex = read(text, None, dt.date(2024, 4, 7))
    assert not [e for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK and "地区" in e.name]
    assert fig(ex, "83.1").subject.name == "家用双层床" and fig(ex, "83.1").measure == "不合格率"
    assert fig(ex, "46.2").subject.name == "电动晾衣架"


def test_a_firm_listed_in_the_second_item_of_its_clause() -> None:
    ex = read("其中，太原甲智能装备股份有限公司主导制定国家标准9项、入选“领跑者”标准6项。", "太原市")
    assert {r.name for x in ex.listings for r in x.recipients} == {"太原甲智能装备股份有限公司"}


def test_firms_named_as_examples_of_a_lists_section_are_listed() -> None:
    ex = read("第三批“好品山东”品牌名单发布，99个品牌入选。其中，制造业企业品牌72个，包括甲食品股份有限公司申报的金胚玉米油、"
              "乙生物股份有限公司申报的低聚异麦芽糖等；农业企业品牌7个，包括丙海洋科技股份有限公司申报的垦利虾皮等。", "山东省")
    listed = {r.name for x in ex.listings if x.programme.name == "好品山东" for r in x.recipients}
    assert listed == {"甲食品股份有限公司", "乙生物股份有限公司", "丙海洋科技股份有限公司"}


def test_the_same_period_last_year_in_a_half_year_report() -> None:
    text = "贵阳市2025年上半年食品安全监督抽检情况通报\n上半年全市完成抽检12800批次，去年同期完成10900批次。"
    ex = read(text, "贵阳市", dt.date(2025, 7, 15), title="贵阳市2025年上半年食品安全监督抽检情况通报")
    assert fig(ex, "12800").period == "2025-H1" and fig(ex, "10900").period == "2024-H1"


def test_certified_organisations_are_counted_and_are_no_checks_figures() -> None:
    ex = read("截至2024年底，全市获证组织6820家，全年新增获证组织1136家；小店区有效获证组织1980家。", "太原市")
    assert fig(ex, "6820").measure == "获证组织" and fig(ex, "1136").measure == "获证组织"
    assert fig(ex, "1980").measure == "有效获证组织" and fig(ex, "1980").breakdown == "有效"
    ex = read("今年，全市将完成市级监督抽查1500批次以上，新增有效认证证书覆盖组织500家。", "海口市")
    assert fig(ex, "500").subject.name == "海口市"


def test_the_follow_up_of_failures_is_the_check_the_lead_names() -> None:
    text = ("2023年，全省组织开展产品质量省级监督抽查2450批次。对连续两次抽查不合格的7家企业实施重点监管。\n"
            "对抽查发现的不合格产品，已督促属地依法处理，立案查处97件。")
    ex = read(text, "黑龙江省", dt.date(2024, 3, 1))
    assert fig(ex, "97").subject.name == "产品质量省级监督抽查"
