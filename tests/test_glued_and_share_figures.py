"""Names glued to a leading verb, share phrases, a category's figures in a circulation check,
caps of an award's rules, a grade's prize money, honoured persons as a measure."""

from __future__ import annotations

from qgraph.model import Kind

from tests.extraction_helpers import fig, read


def _firms(ex):
    return [e.name for e in ex.entities if e.kind is Kind.ENTERPRISE]


def test_leading_adverb_is_no_part_of_a_name():
    ex = read("经过投票，最终杭州市甲乙钢铁有限公司得票最多。", place="杭州市")
    assert _firms(ex) == ["杭州市甲乙钢铁有限公司"]


def test_leading_verb_is_no_part_of_a_name():
    ex = read("经研究，确定推荐浙江丙丁纺织有限公司、浙江庚辛电力股份有限公司为候选企业。", place="杭州市")
    assert _firms(ex) == ["浙江丙丁纺织有限公司", "浙江庚辛电力股份有限公司"]
    ex = read("省局发布公告，核准宁波市戊己果蔬合作社等3家企业使用专用标志。", place="杭州市")
    assert _firms(ex) == ["宁波市戊己果蔬合作社"]


def test_share_of_the_whole_check_is_the_checks_figure():
    ex = read("2021年上半年，杭州市市场监管局组织开展流通领域产品质量监督抽查，共抽查电热毯、学生用品等9个种类产品"
              "120批次，合格率100%，占全部抽查产品种类的64.29%，占全部抽查产品批次的56.07%。", place="杭州市")
    assert not [e for e in ex.entities if e.name.startswith("占")]
    for value in ("64.29", "56.07"):
        assert fig(ex, value).subject.name == "产品质量监督抽查"


def test_a_cap_of_the_rules_is_no_count():
    ex = read("《办法》设置市长质量奖金奖和市长质量奖银奖。规定每届金奖、银奖获奖组织分别不超过6个和10个。", place="杭州市")
    assert not [o for o in ex.observations if o.value in (6, 10)]
    ex = read("每届评选不超过6个，原则上最多3家。", place="杭州市")
    assert not ex.observations


def test_honoured_persons_are_the_measure_not_the_giving():
    ex = read("县长为获得县长质量奖的3家企业和2位个人颁发了奖牌和奖杯。", place="杭州市")
    assert fig(ex, "2").measure == "个人"
    assert fig(ex, "3").measure == "企业"


def test_prize_money_of_a_grade_is_the_grades():
    ex = read("长兴县人民政府决定授予甲乙有限公司等3家单位“2012年度长兴县县长质量奖”，各奖励10万元；"
              "授予丙丁有限公司县长质量贡献奖，奖励5万元。", place="长兴县")
    assert fig(ex, "100000").subject.name == "长兴县县长质量奖"
    assert fig(ex, "50000").subject.name == "长兴县县长质量贡献奖"


RANKED = ("2021年上半年，杭州市市场监管局对流通领域12大类共214批次产品组织实施了产品质量监督抽查，合格率达94.39%。\n"
          "从行业类别看，批次合格率最高的是文具、家用电器类，均为100%，最低的是电热毯类为50%。"
          "抽查批次数最多的是车用柴油，共43批次，其次是复合肥料类，共40批次。")


def test_a_ranked_category_is_the_qualifier_of_the_checks_figure():
    ex = read(RANKED, place="杭州市")
    for value, category in (("50", "电热毯"), ("43", "车用柴油"), ("40", "复合肥料")):
        o = fig(ex, value)
        assert o.subject.name == "产品质量监督抽查" and o.breakdown == category
        assert category not in o.measure
    assert fig(ex, "50").measure == "批次合格率" and fig(ex, "40").measure == "抽查批次数"


def test_a_ranked_place_is_left_to_the_place_rules():
    ex = read("2023年杭州市开展产品质量监督抽查。\n各地抽查批次最多的是宁波市，共43批次。", place="杭州市")
    assert not [o for o in ex.observations if o.breakdown == "宁波市"]


def test_the_report_check_is_the_one_it_gave_figures_of():
    text = ("杭州发布上半年市级流通领域产品质量抽查结果\n"
            "近日，杭州市市场监管局发布上半年市级流通领域产品质量抽查结果。据悉，杭州市市场监管局对流通领域共214批次产品"
            "组织实施了市级产品质量监督抽查，合格率达94.39%。\n"
            "从产品看，有电热毯、文具等9个种类产品120批次，合格率100%，占全部抽查产品批次的56.07%。")
    ex = read(text, place="杭州市", title=text.split("\n")[0])
    assert fig(ex, "94.39").subject.name == "市级产品质量监督抽查"
    for value in ("120", "56.07"):
        assert fig(ex, value).subject.name == "市级产品质量监督抽查"
