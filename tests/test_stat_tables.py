"""Statistics tables: a heading row of measures, a label column, one figure per numeric cell."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from qgraph.model import Kind
from qgraph.sources import read_document
from qgraph.sources_html import html_to_text

from tests.extraction_helpers import read

DISTRICTS = (
    "2023年上半年，枣庄市商标注册工作稳步推进。\n"
    "2023年上半年各区（市）新增商标情况表\n"
    "排名 | 区域 | 新增注册商标(件) | 新增市场主体(户) |\n"
    "1 | 薛城 | 812 | 1230 |\n"
    "2 | 峄城 | 640 | — |\n"
    "3 | 甲乙丙 | 77 | 88 |\n"
    "全市 | 1452 | 3100 |\n"
    "（注：数据来源于某某。）\n"
)


def _figures(ex):
    return {(o.subject.name if o.subject else None, o.measure, o.value, o.unit, o.period, o.breakdown)
            for o in ex.observations}


def test_district_table_gives_one_figure_per_cell():
    ex = read(DISTRICTS, place="枣庄市", date=dt.date(2023, 7, 20))
    got = _figures(ex)
    assert ("薛城区", "新增注册商标", Decimal(812), "Jian", "2023-H1", None) in got
    assert ("薛城区", "新增市场主体", Decimal(1230), "Hu", "2023-H1", None) in got
    assert ("峄城区", "新增注册商标", Decimal(640), "Jian", "2023-H1", None) in got
    assert ("枣庄市", "新增注册商标", Decimal(1452), "Jian", "2023-H1", None) in got  # the total row has no rank
    assert ("枣庄市", "新增市场主体", Decimal(3100), "Hu", "2023-H1", None) in got
    values = {o.value for o in ex.observations}
    assert Decimal(77) not in values and Decimal(88) not in values  # a label that is no known place: nothing
    cell = next(o for o in ex.observations if o.value == Decimal(812))
    assert cell.span.text == "812"


def test_dash_cell_gives_nothing():
    ex = read(DISTRICTS, place="枣庄市", date=dt.date(2023, 7, 20))
    assert not [o for o in ex.observations if o.subject and o.subject.name == "峄城区" and o.measure == "新增市场主体"]


def test_period_in_heading_cell_and_tabs():
    text = ("各区县质量指标如下。\n"
            "区县\t2022年新增地理标志商标(件)\t合格率\n"
            "薛城\t3\t97.5\n"
            "山亭\t/\t96.1%\n")
    ex = read(text, place="枣庄市", date=dt.date(2023, 3, 1))
    got = _figures(ex)
    assert ("薛城区", "新增地理标志商标", Decimal(3), "Jian", "2022", None) in got
    assert ("薛城区", "合格率", Decimal("97.5"), "Percent", "2023", None) in got
    assert ("山亭区", "合格率", Decimal("96.1"), "Percent", "2023", None) in got
    assert not [o for o in ex.observations if o.subject and o.subject.name == "山亭区" and o.unit == "Jian"]


def test_space_separated_rows():
    text = ("2024年各区新增注册商标统计\n"
            "序号  县区  新增注册商标（件）\n"
            "1  薛城  15\n"
            "2  市中  16\n")
    got = _figures(read(text, place="枣庄市", date=dt.date(2025, 1, 10)))
    assert ("薛城区", "新增注册商标", Decimal(15), "Jian", "2024", None) in got
    assert ("市中区", "新增注册商标", Decimal(16), "Jian", "2024", None) in got


def test_heading_not_read_whole_gives_nothing():
    text = ("2024年各区情况\n"
            "区域 | 新增注册商标(件) | 备注 |\n"
            "薛城 | 15 | 良好 |\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    assert not [o for o in ex.observations if o.value == Decimal(15)]


def test_rows_out_of_line_give_nothing():
    text = ("2024年各区情况\n"
            "区域 | 新增注册商标(件) | 新增市场主体(户) |\n"
            "薛城 | 15 |\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    assert not [o for o in ex.observations if o.value == Decimal(15)]


def test_place_outside_the_documents_place_gives_nothing():
    text = ("2024年各区情况\n"
            "区域 | 新增注册商标(件) |\n"
            "徐汇 | 15 |\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    assert not [o for o in ex.observations if o.value == Decimal(15)]


def test_category_table_is_the_checks_breakdown():
    text = ("2024年，枣庄市市场监管局组织开展产品质量市级监督抽查，结果如下。\n"
            "产品类别 | 抽查批次 | 合格批次 | 合格率(%) |\n"
            "电线电缆 | 40 | 38 | 95 |\n"
            "儿童用品 | 25 | 25 | 100 |\n"
            "合计 | 65 | 63 | 96.9 |\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    rows = [o for o in ex.observations if o.span.start > text.index("产品类别")]
    assert rows and all(o.subject is not None and o.subject.kind is Kind.PRODUCT_SPOT_CHECK for o in rows)
    got = {(o.breakdown, o.measure, o.value, o.unit) for o in rows}
    assert ("电线电缆", "抽查批次", Decimal(40), "Pici") in got
    assert ("电线电缆", "合格率", Decimal(95), "Percent") in got
    assert ("儿童用品", "合格批次", Decimal(25), "Pici") in got
    assert (None, "合格率", Decimal("96.9"), "Percent") in got


def test_category_table_without_a_check_gives_nothing():
    text = ("2024年情况如下。\n"
            "产品类别 | 抽查批次 |\n"
            "电线电缆 | 40 |\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    assert not [o for o in ex.observations if o.value == Decimal(40)]


PAGE = """<!DOCTYPE html><html><head><title>某市2023年上半年各区商标情况</title></head><body>
<p>2023年上半年，枣庄市商标注册工作稳步推进。</p>
<table>
 <tr>
  <th>区域</th>
  <th>新增注册商标(件)</th>
 </tr>
 <tr><td>薛城</td><td><p>812</p></td></tr>
 <tr><td>台儿
庄</td>  <td>97</td></tr>
</table>
</body></html>"""


def test_html_table_rows_are_lines_of_cells():
    assert html_to_text(PAGE).text.splitlines()[1:] == ["区域 | 新增注册商标(件)", "薛城 | 812", "台儿庄 | 97"]


def test_html_table_gives_figures(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    ex = read(doc.text, place="枣庄市", date=dt.date(2023, 7, 20), title=doc.title)
    got = _figures(ex)
    assert ("薛城区", "新增注册商标", Decimal(812), "Jian", "2023-H1", None) in got
    assert ("台儿庄区", "新增注册商标", Decimal(97), "Jian", "2023-H1", None) in got


def test_heading_with_slash_unit_broken_cells_and_unheaded_row_numbers():
    text = ("2023年上半年食品抽检情况统计表\n"
            "食品种类 | 样品抽检 数量/批次 | 样品 不合格率\n"
            "1 | 甲类制品 | 1200 | 0.5%\n"
            "2 | 乙类制品 | 300 | 0\n"
            "合计 | 1500 | 0.4%\n")
    ex = read(text, place="枣庄市", date=dt.date(2023, 8, 1))
    got = {(o.breakdown, o.measure, o.value, o.unit, o.period) for o in ex.observations
           if o.subject is not None and o.subject.kind is Kind.PRODUCT_SPOT_CHECK}
    assert ("甲类制品", "样品抽检数量", Decimal(1200), "Pici", "2023-H1") in got
    assert ("甲类制品", "样品不合格率", Decimal("0.5"), "Percent", "2023-H1") in got
    assert ("乙类制品", "样品不合格率", Decimal(0), "Percent", "2023-H1") in got
    assert (None, "样品抽检数量", Decimal(1500), "Pici", "2023-H1") in got


def test_total_row_alone_gives_nothing():
    text = ("2024年各区情况\n"
            "序号 | 区域 | 新增注册商标(件) |\n"
            "1 | 甲乙丙 | 15 |\n"
            "合计 | 15 |\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    assert not [o for o in ex.observations if o.value == Decimal(15)]


def _place(text: str):
    from qgraph.extract import document_place
    from qgraph.lexicon import load_lexicon
    from qgraph.model import Document
    info = document_place(Document("t", "t.txt", text), load_lexicon())
    return info.name if info else None


def test_district_full_name_holds_no_other_prefectures_short_name():
    assert _place("本次抽查涉及巴州区的企业12家。") != "巴音郭楞蒙古自治州"


def test_counties_of_one_city_and_no_city_named_give_that_city():
    assert _place("本次抽查涉及薛城区、峄城区和台儿庄区，共抽查产品30批次。") == "枣庄市"
    assert _place("本次抽查涉及薛城区和峄城区。") is None  # two are too few to tell


def test_unit_of_every_column_in_the_caption():
    text = ("2024年各区商标情况（单位：件）\n"
            "区域 | 有效注册商标 | 地理标志商标\n"
            "薛城 | 5200 | 3\n")
    got = _figures(read(text, place="枣庄市", date=dt.date(2025, 1, 10)))
    assert ("薛城区", "有效注册商标", Decimal(5200), "Jian", "2024", None) in got
    assert ("薛城区", "地理标志商标", Decimal(3), "Jian", "2024", None) in got


def test_organisation_rows_need_a_name_the_rules_know():
    text = ("2024年重点企业研发投入情况\n"
            "序号 | 企业名称 | 研发投入(万元)\n"
            "1 | 枣庄金禾丰新材料有限公司 | 120\n"
            "2 | 其他 | 30\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    got = {(o.subject.name if o.subject else None, o.measure, o.value, o.unit) for o in ex.observations}
    assert ("枣庄金禾丰新材料有限公司", "研发投入", Decimal(1200000), "Yuan") in got
    assert not [o for o in ex.observations if o.value == Decimal(300000)]


def test_winners_table_with_cells_apart_by_bars():
    head = "市市场监管局公布2024年度枣庄市质量标杆企业名单，共评选出质量标杆企业2家。\n序号 | 企业名称 | 所在区县\n"
    ex = read(head + "1 | 甲精密机械有限公司 | 滕州市\n2 | 乙纺织股份有限公司 | 峄城区\n", place="枣庄市",
              date=dt.date(2025, 1, 10))
    listed = {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}
    assert {("甲精密机械有限公司", "枣庄市质量标杆"), ("乙纺织股份有限公司", "枣庄市质量标杆")} <= listed


def test_field_rows_are_the_checks_breakdowns():
    text = ("2024年，枣庄市市场监管局组织开展产品质量市级监督抽查，结果如下。\n"
            "抽样领域 | 抽查批次 | 合格率(%)\n"
            "生产领域 | 120 | 97.5\n"
            "流通环节 | 80 | 95\n"
            "城郊 | 10 | 90\n"
            "合计 | 210 | 96.2\n")
    ex = read(text, place="枣庄市", date=dt.date(2025, 1, 10))
    rows = [o for o in ex.observations if o.span.start > text.index("抽样领域")]
    got = {(o.subject.kind if o.subject else None, o.breakdown, o.measure, o.value) for o in rows}
    assert (Kind.PRODUCT_SPOT_CHECK, "生产领域", "抽查批次", Decimal(120)) in got
    assert (Kind.PRODUCT_SPOT_CHECK, "流通领域", "合格率", Decimal(95)) in got
    assert (Kind.PRODUCT_SPOT_CHECK, None, "抽查批次", Decimal(210)) in got
    assert not [o for o in rows if o.value == Decimal(10)]  # a part no word list names: nothing
