"""Whose figure it is, on our own minimal sentences: a province's own report that names its cities, a place
compared against (仅次于…) is no report's place, marks a place holds counted under a programme's name, a place
heading an acting body's name, a province's short name run into a measure."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

from qgraph.evaluate import load_lexicon
from qgraph.extract import document_place
from qgraph.model import Document
from qgraph.sources import split_sentences

DATE = dt.date(2024, 9, 30)


def _place(text: str, title: str | None = None) -> str | None:
    doc = Document("t", "t.txt", text, title=title, date=DATE, place=None, sentences=split_sentences(text))
    p = document_place(doc, load_lexicon())
    return p.name if p else None


def test_a_province_s_own_report_naming_its_cities_is_the_province_s() -> None:
    text = ("记者从省政府新闻办获悉：今年以来，我省在全省范围推进质量强链建设。南平市建材产业、三明市钢铁产业2个项目"
            "入选全国质量强链重点项目；全省建成服务站点64个。")
    assert _place(text) == "福建省"


def test_a_city_report_that_ranks_itself_in_the_province_stays_the_city_s() -> None:
    text = "今年以来，三明市新增地理标志商标3件，全市累计达到41件，位居全省第二。市市场监管局将继续推进品牌建设。"
    assert _place(text) == "三明市"


def test_a_province_s_report_written_with_its_short_name_only_is_the_province_s() -> None:
    text = "记者从省市场监管局获悉，我省新增地理标志证明商标7件，全省累计达到80件，擦亮甘肃农产品品牌。"
    assert _place(text) == "甘肃省"


def test_places_a_report_is_compared_against_are_not_its_place() -> None:
    text = "我省12家企业入选某示范企业名单。至此，全省共有40家示范企业，仅次于浙江和广东。江苏企业表现突出。"
    assert _place(text) == "江苏省"


def test_marks_counted_under_a_programme_s_name_are_the_place_s_stock() -> None:
    ex = read("截至2023年底，我市中国驰名商标126件，位居全省前列。", place="三明市", date=DATE)
    o = fig(ex, "126")
    assert o.subject is not None and o.subject.name == "三明市", o.subject
    assert not low(o)


def test_marks_recognised_in_a_year_stay_the_programme_s() -> None:
    ex = read("去年全省认定福建省著名商标120件，累计有效注册商标达到30万件。", place="福建省", date=DATE)
    o = fig(ex, "120")
    assert o.subject is not None and o.subject.name != "福建省", o.subject


def test_a_running_total_of_approved_marks_stays_the_mark_s() -> None:
    ex = read("2023年，三明市累计获批使用地理标志专用标志126件，位居全省前列。", place="三明市", date=DATE)
    o = fig(ex, "126")
    assert o.subject is not None and o.subject.name != "三明市", o.subject


def test_a_held_mark_count_with_no_place_in_its_sentence_is_not_the_programme_s() -> None:
    ex = read("三明市质量工作稳步推进。驰名商标总数达到9件。", place="三明市", date=DATE)
    o = fig(ex, "9")
    assert o.subject is None or o.subject.name != "中国驰名商标", o.subject


def test_a_place_heading_an_acting_body_is_no_subject_of_what_it_names() -> None:
    ex = read("日前，福建省质量工作委员会办公室授予永安市、沙县区“福建省质量强省示范县(区)”称号，"
              "两个县(区)成为三明首批。", place="三明市", date=DATE)
    o = fig(ex, "2")
    # the programme's count — or, where the acting body's place is not read as the figure's, not vouched
    assert (o.subject is not None and o.subject.name == "福建省质量强省示范县(区)") or o.confidence < 0.5, o
    assert o.subject is None or o.subject.name != "福建省", o.subject


def test_a_province_s_short_name_run_into_a_measure_names_the_measure_not_the_subject() -> None:
    ex = read("全市累计培育品牌企业30家，制定福建制造标准18项。", place="三明市", date=DATE)
    o = fig(ex, "18")
    assert o.subject is not None and o.subject.name == "三明市", o.subject


def test_a_region_s_report_held_in_its_capital_is_the_region_s() -> None:
    text = ("2024年宁夏“质量宣传周”启动\n9月5日，全区质量宣传周活动在银川市人民广场启动，进一步提升全区质量总体水平。"
            "自治区质监局、住建厅等单位领导及银川市有关领导参加活动。")
    assert _place(text) == "宁夏回族自治区"


def test_a_place_s_share_of_a_list_annotated_with_the_list_as_its_measure_is_one_statement() -> None:
    from decimal import Decimal

    from qgraph.evaluate import _faults
    from qgraph.model import Kind, Observation, Ref, Span

    o = Observation("品牌", Decimal(40), "Ge", Span(0, 3, "40个"), subject=Ref(Kind.HONOUR, "好品福建"),
                    place="福建省", period="2023")
    gold = {"subject": "福建省", "measure": "好品福建", "value": 40, "unit": "Ge", "period": "2023"}
    assert _faults(o, gold) == []
    other = dict(gold, subject="三明市")
    assert _faults(o, other)  # another place's share is not this one


def test_a_government_award_written_short_as_the_place_s_measure_is_the_award() -> None:
    from decimal import Decimal

    from qgraph.evaluate import _faults
    from qgraph.model import Kind, Observation, Ref, Span

    o = Observation("组织", Decimal(3), "Jia", Span(0, 2, "3家"), subject=Ref(Kind.HONOUR, "福建省人民政府质量奖"),
                    place="三明市", period="2023")
    gold = {"subject": "三明市", "measure": "省政府质量奖", "value": 3, "unit": "Jia", "period": "2023"}
    assert _faults(o, gold) == []


def test_a_province_written_short_before_的_is_the_report_s_place() -> None:
    text = "工业和信息化部近日公布首批某名品名单，浙江的甲公司、乙公司入选，涵盖轻工、纺织等行业。"
    assert _place(text) == "浙江省"


def test_a_province_s_report_saying_我省_once_with_its_short_name_only_is_the_province_s() -> None:
    text = "近日，某部公布首批名品名单，全国共90家企业入选，其中安徽的甲公司、乙公司榜上有名。我省入选数量居中部前列。"
    assert _place(text) == "安徽省"


def test_a_check_s_rate_annotated_as_the_place_s_measure_is_one_statement() -> None:
    from decimal import Decimal

    from qgraph.evaluate import _faults
    from qgraph.model import Kind, Observation, Ref, Span

    o = Observation("合格率", Decimal(97), "Percent", Span(0, 3, "97%"), subject=Ref(Kind.PRODUCT_SPOT_CHECK, "食品抽检"),
                    place="三明市", period="2023")
    gold = {"subject": "三明市", "measure": "食品抽检合格率", "value": 97, "unit": "Percent", "period": "2023"}
    assert _faults(o, gold) == []
    assert _faults(o, dict(gold, measure="合格率"))  # the check named nowhere in the gold: another reading


def test_a_place_named_only_as_an_organisation_s_scope_does_not_own_the_figure() -> None:
    ex = read("另外，三明市市场监督管理局对三明市范围内的老字号进行了排查，整理出待认定的传统品牌12件。",
              place="三明市", date=DATE)
    assert low(fig(ex, "12")), fig(ex, "12")


def test_a_place_doing_the_work_keeps_its_figure() -> None:
    ex = read("今年以来，三明市新增地理标志商标12件。", place="三明市", date=DATE)
    assert not low(fig(ex, "12")), fig(ex, "12")


def test_entrants_of_a_list_no_rule_knew_are_the_list_s() -> None:
    ex = read("2023年，三明市质量工作扎实推进。6家企业15个产品入列福建省创新产品推广应用目录。", place="三明市", date=DATE)
    for value in ("6", "15"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "福建省创新产品推广应用目录", o.subject
    assert any(e.name == "福建省创新产品推广应用目录" for e in ex.entities)


def test_entrants_of_a_sanction_list_are_no_honour_s() -> None:
    ex = read("2023年，三明市质量工作扎实推进。3家企业列入严重违法失信名单。", place="三明市", date=DATE)
    assert not [o for o in ex.observations if o.subject is not None and "失信" in o.subject.name]
    assert not [e for e in ex.entities if "失信" in e.name and e.kind.is_programme]


def test_entrants_named_before_a_comma_and_the_list_after_it_are_the_list_s() -> None:
    ex = read("我省推进质量品牌建设。南平甲公司、三明乙公司2家龙头企业，入选“全国质量标杆”。",
              place="福建省", date=DATE)
    o = fig(ex, "2")
    assert o.subject is not None and o.subject.name == "全国质量标杆", o.subject


def test_a_count_ending_its_clause_is_not_the_next_clause_s_list() -> None:
    ex = read("我省推进标准化建设。主导研制国家标准96项，获得3个中国标准创新贡献奖。", place="福建省", date=DATE)
    o = fig(ex, "96")
    assert o.subject is None or "贡献奖" not in o.subject.name, o.subject
