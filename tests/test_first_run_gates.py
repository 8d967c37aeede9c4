"""Gates that keep the extractor conservative on text it was not written on: a figure whose subject
was found in a weak way is kept, marked inferred (each on our own minimal sentences)."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import document_place
from qgraph.lexicon import load_lexicon
from qgraph.model import Document
from qgraph.sources import split_sentences

from extraction_helpers import fig, low, read

PEERS = ("某类标志已累计登记500件。其中，初级产品400件。"
         "这类标志主要分布在浙江、山东、四川等省，分别为120件、110件、100件。")

LEX = load_lexicon()


def test_a_place_named_only_in_a_list_of_peers_is_weak_evidence_for_the_reports_own_place() -> None:
    ex = read(PEERS, date=dt.date(2031, 5, 1))
    for value in ("500", "400"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "浙江省" and low(o), (o.subject, o.confidence)


def test_a_report_that_speaks_of_its_own_place_is_not_weakly_placed() -> None:
    ex = read("全省" + PEERS, date=dt.date(2031, 5, 1))  # 全省: the report speaks of a province of its own
    o = fig(ex, "500")
    assert o.subject is not None and o.subject.name == "浙江省" and not low(o)


def test_a_title_opening_with_the_country_makes_a_national_report() -> None:
    lex = load_lexicon()
    title = "我国某类标志已达500件"
    doc = Document("t", "t.txt", title + "\n" + PEERS, title=title, sentences=split_sentences(PEERS))
    assert document_place(doc, lex).level == "country"
    named = Document("t", "t.txt", PEERS, title="我国浙江某类标志已达500件", sentences=split_sentences(PEERS))
    assert document_place(named, lex).name == "浙江省"  # a title naming a province is that province's


def test_a_count_of_listed_items_with_no_subject_named_is_inferred() -> None:
    text = "2030年，新认定质量标杆企业5家。\n2030年，新建检测平台3个。"
    ex = read(text, place="杭州市", date=dt.date(2031, 2, 1))
    assert low(fig(ex, "5"))
    assert not low(fig(ex, "3"))  # a count of what the place built stays the place's


def test_eval_tallies_false_figures_by_the_extractors_confidence() -> None:
    from qgraph.evaluate import EvalReport, score_figures
    ex = read("2030年，全市抽查产品600批次。其中丙市有效注册商标3万件。".replace("丙市", "泰州市"), "江苏省",
              dt.date(2031, 1, 10))
    gold = [{"subject": "产品质量监督抽查", "measure": "批次", "value": 600, "unit": "Pici", "period": "2030"},
            {"subject": "苏州市", "measure": "有效注册商标", "value": 30000, "unit": "Jian", "period": "2030"}]
    report = EvalReport()
    score_figures(ex, gold, report)
    assert sum(n for n, _ in report.by_confidence.values()) == report.scored_figures == 2
    assert sum(f for _, f in report.by_confidence.values()) == report.false_figures == 1
    assert "(confidence 0." in report.false_list[0]
    assert any(line.startswith("false figures by confidence: ") for line in report.headline())


def _ctx(text: str):
    from qgraph.extract.context import Ctx
    from qgraph.model import Document
    return Ctx(doc=Document("t", "t.txt", text, sentences=split_sentences(text)), lex=load_lexicon())


def test_a_subject_whose_name_was_cut_from_a_numbers_unit_is_inferred() -> None:
    from qgraph.extract.gates import gated
    from qgraph.model import Kind, Ref
    ctx = _ctx("局里完成的300批次抽检中，检出不合格12批次。")
    assert gated(ctx, Ref(Kind.PRODUCT_SPOT_CHECK, "次抽检"), "named", "批次") == "inferred"
    assert gated(ctx, Ref(Kind.PRODUCT_CATEGORY, "家用电器"), "named", "不合格率") == "named"


def test_a_programme_subject_whose_measure_names_another_programme_is_inferred() -> None:
    from qgraph.extract.gates import gated
    from qgraph.model import Kind, Ref
    text = "获甲奖企业2家，累计获某省省长质量奖企业30个。".replace("甲奖", "中国质量奖")
    ctx = _ctx(text)
    ctx.add(Kind.HONOUR, "中国质量奖", 1, 6)
    ctx.add(Kind.HONOUR, "某省省长质量奖", 15, 22)
    award = Ref(Kind.HONOUR, "中国质量奖")
    assert gated(ctx, award, "named", "省长质量奖企业") == "inferred"
    assert gated(ctx, award, "named", "企业") == "named"


def test_a_part_of_the_check_named_at_the_head_with_no_breakdown_read_is_inferred() -> None:
    text = ("2030年，某局组织产品质量监督抽查，抽查900批次，抽查合格率为92.5%。\n"
            "在某类用品领域，全年抽查了12种310家企业生产的300批次产品，抽查合格率为81.2%。")
    ex = read(text.replace("某类用品", "文体用品"), place="杭州市", date=dt.date(2031, 1, 20))
    assert not low(fig(ex, "92.5"))
    o = fig(ex, "81.2")
    assert o.breakdown is not None or low(o), (o.subject, o.breakdown, o.confidence)


def test_a_count_of_who_took_part_in_a_gathering_is_not_vouched_for_as_the_places() -> None:
    text = "组织市级20个成员单位和全市15家企业参与启动仪式。\n2030年，新建检测平台3个。"
    ex = read(text, place="杭州市", date=dt.date(2030, 9, 3))
    for value in ("20", "15"):
        o = fig(ex, value)
        assert not (o.subject is not None and o.subject.name == "杭州市" and not low(o)), (o.subject, o.confidence)
    assert not low(fig(ex, "3"))
    ex = read("2030年，企业参与制定国家标准12项。", place="杭州市", date=dt.date(2031, 1, 20))
    assert not low(fig(ex, "12"))  # taking part in writing standards is no gathering


def test_a_lists_count_is_not_the_figure_of_its_first_item_nor_is_the_next_count_of_that_item() -> None:
    text = "某县召开县长质量奖颁奖大会。甲乙丙科技有限公司、丁戊机械股份有限公司等6家企业，以及某某集团有限公司经理张三等2名个人获奖。"
    ex = read(text, place="杭州市", date=dt.date(2030, 9, 3))
    for value in ("6", "2"):
        o = fig(ex, value)
        assert not (o.subject is not None and o.subject.kind.value == "Enterprise" and not low(o)), (o.subject, o.confidence)


def test_a_programme_named_by_a_back_reference_or_without_its_place_is_not_vouched_for() -> None:
    from qgraph.extract.gates import unsure_name
    from qgraph.model import Kind, Ref
    assert unsure_name(LEX, Ref(Kind.HONOUR, "此荣誉")) and unsure_name(LEX, Ref(Kind.HONOUR, "县长质量奖"))
    assert not unsure_name(LEX, Ref(Kind.HONOUR, "某县县长质量奖"))
    assert not unsure_name(LEX, Ref(Kind.PLACE, "该地"))  # only a programme's name is read so
    text = ("甲市政府质量奖是市政府设立的最高质量荣誉。自2010年以来，乙县共有丙公司和丁公司两家企业获得此荣誉。"
            .replace("甲市", "湖州市").replace("乙县", "长兴县"))
    ex = read(text, place="长兴县", date=dt.date(2012, 7, 20))
    o = fig(ex, "2")
    assert not (o.subject is not None and o.subject.name == "此荣誉" and not low(o)), (o.subject, o.confidence)


def test_a_programme_or_indication_starting_with_a_word_of_the_sentence_is_not_vouched_for() -> None:
    from qgraph.extract.gates import unsure_name
    from qgraph.model import Kind, Ref
    assert unsure_name(LEX, Ref(Kind.HONOUR, "了县长质量奖")) and unsure_name(LEX, Ref(Kind.GEOGRAPHICAL_INDICATION, "正在申报"))
    assert not unsure_name(LEX, Ref(Kind.ENTERPRISE, "正在科技有限公司"))  # a company's name may start so
    assert not unsure_name(LEX, Ref(Kind.HONOUR, "某市市长质量奖"))


def test_a_campaign_named_after_a_verb_with_le_does_not_keep_le_in_its_name() -> None:
    text = "2030年，某局开展了电动自行车质量安全专项整治，检查生产销售单位500家，查处案件20件。"
    ex = read(text, place="杭州市", date=dt.date(2031, 1, 20))
    o = fig(ex, "500")
    assert o.subject is not None and not o.subject.name.startswith("了"), o.subject


def test_a_count_of_winners_with_no_subject_named_is_not_vouched_for_as_the_places() -> None:
    text = "某县自2020年起已连续五届举办县长质量奖评选，共有12家企事业单位获奖。\n2030年，新建检测平台3个。"
    ex = read(text, place="杭州市", date=dt.date(2030, 9, 3))
    o = fig(ex, "12")
    assert not (o.subject is not None and o.subject.name == "杭州市" and not low(o)), (o.subject, o.confidence)
    assert not low(fig(ex, "3"))


def test_a_check_named_from_an_adverb_of_the_sentence_is_not_vouched_for() -> None:
    from qgraph.extract.gates import unsure_name
    from qgraph.model import Kind, Ref
    assert unsure_name(LEX, Ref(Kind.PRODUCT_SPOT_CHECK, "连续两次抽查"))
    assert not unsure_name(LEX, Ref(Kind.PRODUCT_SPOT_CHECK, "产品质量监督抽查"))


def test_a_subject_whose_name_runs_on_into_an_institutions_name_is_not_vouched_for() -> None:
    text = "2030年，某区联合高校建设电池材料检测实验室，已为辖区25家企业提供检测服务800余批次。"
    ex = read(text, place="杭州市", date=dt.date(2031, 1, 20))
    for value in ("25", "800"):
        o = fig(ex, value)
        assert not (o.subject is not None and o.subject.name.endswith("检测") and not low(o)), (o.subject, o.confidence)


def test_one_figure_shared_by_the_items_of_a_list_is_not_vouched_for_as_the_places() -> None:
    text = "2030年，全市抽查产品600批次。钢筋、水泥等建筑材料合格率均为100%。\n2030年，新建检测平台3个。"
    ex = read(text, place="杭州市", date=dt.date(2031, 1, 20))
    o = fig(ex, "100")
    assert not (o.subject is not None and o.subject.name == "杭州市" and not low(o)), (o.subject, o.confidence)
    assert not low(fig(ex, "3"))
    ex = read("2030年，全市工程交验合格率、工程监督率均达到100%。", place="杭州市", date=dt.date(2031, 1, 20))
    assert not low(fig(ex, "100"))  # no list closed by 等: the place's own indicators


def test_a_count_of_partners_is_not_the_figure_of_who_joined_them() -> None:
    text = "2030年，某市饮料协会联合60余家企业发布团体标准《某饮料生产规范》。"
    ex = read(text, place="杭州市", date=dt.date(2031, 1, 20))
    o = fig(ex, "60")
    assert not (o.subject is not None and o.subject.name.endswith("协会") and not low(o)), (o.subject, o.confidence)


def test_a_count_right_after_named_items_joined_without_deng_is_not_the_first_items() -> None:
    ex = read("近日，“某县蜜桔”“某县茶油”和“某县香菇”3件地理标志证明商标获准注册。", place="张家界市", date=dt.date(2030, 2, 3))
    o = fig(ex, "3")
    assert not (o.subject is not None and o.subject.kind.value == "GeographicalIndication" and not low(o))
    ex = read("“某县蜜桔”地理标志证明商标使用企业达到36家。", place="张家界市", date=dt.date(2030, 2, 3))
    o = fig(ex, "36")
    assert o.subject is not None and o.subject.name == "某县蜜桔" and not low(o)
