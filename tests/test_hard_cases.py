"""The extractor's hard cases (GUIDE §4), one test each, on sentences written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def run(text: str, place: str = "枣庄市") -> Extraction:
    return extract(Document("t", "t.txt", text, place=place, sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if not kinds or e.kind in kinds and dict(e.attributes).get("implicit") != "true"}


def figure(ex: Extraction, value: str):
    hits = [o for o in ex.observations if o.value == Decimal(value)]
    assert hits, f"no figure {value} in {[(o.measure, str(o.value)) for o in ex.observations]}"
    return hits[0]


def test_1_abbreviated_departments_share_a_head() -> None:
    ex = run("发改、工信、住建、交通运输、卫健、市场监管等部门联合开展质量提升行动。", place="潍坊市")
    assert {
        "潍坊市发展和改革委员会", "潍坊市工业和信息化局", "潍坊市住房和城乡建设局", "潍坊市交通运输局",
        "潍坊市卫生健康委员会", "潍坊市市场监督管理局",
    } <= names(ex, Kind.DEPARTMENT)


def test_1b_provincial_head_uses_provincial_names() -> None:
    ex = run("省科技、工信、农业农村等部门印发实施方案。", place="济南市")
    assert {"山东省科学技术厅", "山东省工业和信息化厅", "山东省农业农村厅"} <= names(ex, Kind.DEPARTMENT)


def test_2_mixed_full_and_short_names_under_one_head() -> None:
    ex = run("检测中心为中国标准化研究院、浙大、华鲁恒升等科研院所、企业提供服务。")
    assert "中国标准化研究院" in names(ex, Kind.RESEARCH_INSTITUTE)
    assert "浙江大学" in names(ex, Kind.UNIVERSITY)
    assert "华鲁恒升" in names(ex, Kind.ENTERPRISE)


def test_3_elided_prefixes_belong_to_the_document_city() -> None:
    ex = run("市委、市政府高度重视，市产品质量监督检验中心新增检测项目12项。", place="泰安市")
    assert {"中共泰安市委员会", "泰安市人民政府"} <= names(ex, Kind.GOVERNMENT_BODY)
    assert "泰安市产品质量监督检验中心" in names(ex, Kind.INSPECTION_BODY)


def test_4_long_names_with_embedded_place_and_a_verb_on_the_left() -> None:
    ex = run("今年成功认定高端轴承精密制造技术河南省工程研究中心。", place="洛阳市")
    centres = [e for e in ex.entities if e.kind is Kind.RESEARCH_CENTRE]
    assert [c.name for c in centres] == ["高端轴承精密制造技术河南省工程研究中心"]
    assert centres[0].place == "河南省"


def test_5_counted_categories_are_not_organisations_and_the_level_carries_over() -> None:
    ex = run("截至目前，全市共有省级企业技术中心41家、工程研究中心9家，市级企业技术中心120家。", place="德州市")
    assert not names(ex, Kind.RESEARCH_CENTRE)
    nine = figure(ex, "9")
    assert nine.measure == "工程研究中心" and nine.level is not None and nine.level.value == "Provincial"
    assert figure(ex, "120").level.value == "Municipal"


def test_6_coordinated_counts_with_examples_are_two_listings() -> None:
    ex = run("“泉水人家”等6件商标和章丘大葱等3件地理标志入选2025年度重点商标保护名录。", place="济南市")
    listings = sorted(ex.listings, key=lambda x: x.count or 0)
    assert [(x.count, x.recipient_type) for x in listings] == [(3, "地理标志"), (6, "商标")]
    assert "章丘大葱" in names(ex, Kind.GEOGRAPHICAL_INDICATION)
    assert "泉水人家" in names(ex, Kind.TRADEMARK)
    assert "章丘区" not in names(ex, Kind.PLACE)


def test_7_region_composites_of_one_character_province_abbreviations() -> None:
    ex = run("苏浙皖沪三省一市共同签署合作协议。", place="上海市")
    places = names(ex, Kind.PLACE)
    assert {"江苏省", "浙江省", "安徽省", "上海市"} <= places


def test_8_product_names_that_look_like_places_are_not_places() -> None:
    ex = run("莒南花生、蒙阴蜜桃等地理标志产品远销海外。", place="临沂市")
    assert {"莒南花生", "蒙阴蜜桃"} <= names(ex, Kind.GEOGRAPHICAL_INDICATION)
    assert not {"莒南县", "蒙阴县"} & names(ex, Kind.PLACE)


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("5家企业入选第三批“好品山东”名单。", Kind.HONOUR, "好品山东"),
        ("推行“首席质量官”制度。", Kind.QUALITY_SYSTEM, "首席质量官制度"),
        ("召开“质量提升 品牌赋能”推进会。", Kind.MEETING, "“质量提升 品牌赋能”推进会"),
        ("构建“1+N”质量帮扶工作模式。", Kind.WORK_MODEL, "“1+N”质量帮扶工作模式"),
        ("打造质量服务品牌“泉城质帮”。", Kind.SERVICE_BRAND, "泉城质帮"),
    ],
)
def test_9_quoted_strings_told_apart_by_context(text: str, kind: Kind, name: str) -> None:
    assert name in names(run(text, place="济南市"), kind)


def test_9b_slogans_give_no_entities() -> None:
    ex = run("形成“党委领导、政府主导、部门联动”的工作格局。")
    assert not [e for e in ex.entities if e.kind.is_organization]


def test_10_suffix_collisions() -> None:
    ex = run("副局长王强介绍，化工产业格局持续优化，坚持政府主导。", place="淄博市")
    orgs = names(ex, *[k for k in Kind if k.is_organization])
    assert not orgs
    assert "王强" in names(ex, Kind.PERSON)


def test_11_numbers() -> None:
    ex = run("全年抽查产品320余批次，合格率为97.5%。罚没款12.8万元。编制2024—2025年度计划，发布2.0版图谱，9月19日召开会议。")
    assert figure(ex, "320").qualifier == "余"
    rate = figure(ex, "97.5")
    assert rate.unit == "Percent" and rate.subject == figure(ex, "320").subject
    assert figure(ex, "128000").unit == "Yuan"
    values = {o.value for o in ex.observations}
    assert not values & {Decimal(2024), Decimal(2025), Decimal("2.0"), Decimal(9), Decimal(19)}


def test_11b_chinese_numerals_and_approximations() -> None:
    ex = run("检查企业三十余家，查办案件十二件，近百家企业参与。")
    assert figure(ex, "30").qualifier == "余"
    assert figure(ex, "12").unit == "Jian"
    assert figure(ex, "100").qualifier == "近"


def test_12_boilerplate_gives_no_entities(tmp_path) -> None:
    from qgraph.sources import read_document

    path = tmp_path / "doc.txt"
    path.write_text(
        "泰安市市场监督管理局开展抽查。\n"
        "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。\n"
        "Notice: The content above is uploaded and posted by a user of NetEase Hao.\n",
        encoding="utf-8",
    )
    ex = extract(read_document(path))
    assert "网易号" not in {e.name for e in ex.entities}
    assert "NetEase" not in ex.document.text


def test_13_nested_names() -> None:
    ex = run("临沂市人民政府办公室印发《临沂市质量提升行动方案》。山东大学参与评审。", place="临沂市")
    bodies = names(ex, Kind.GOVERNMENT_BODY, Kind.DEPARTMENT)
    assert "临沂市人民政府办公室" in bodies and "临沂市人民政府" not in bodies
    assert "山东大学" in names(ex, Kind.UNIVERSITY)
    assert "山东省" not in names(ex, Kind.PLACE)


def test_ascii_punctuation_reads_like_full_width() -> None:
    """The same report with ASCII commas, semicolons, colons, brackets and quotes gives the same facts."""
    from pathlib import Path

    from qgraph.sources import read_document

    doc = read_document(Path(__file__).resolve().parents[1] / "data" / "corpus" / "zaozhuang-quality-2025-09-19.txt")
    ascii_text = doc.text.translate(str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "“": '"', "”": '"'}))
    full = extract(doc)
    half = extract(Document("a", "a.txt", ascii_text, date=doc.date, place=doc.place, sentences=split_sentences(ascii_text)))

    def unquoted(ex: Extraction) -> set[tuple[str, str]]:
        return {(e.kind.value, e.name.translate(str.maketrans("", "", "“”\"")).replace("(", "（").replace(")", "）"))
                for e in ex.entities}

    assert unquoted(full) == unquoted(half)
    assert {(o.value, o.unit) for o in full.observations} == {(o.value, o.unit) for o in half.observations}
