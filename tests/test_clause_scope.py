"""Regression tests of :mod:`qgraph.extract.clause_scope` on our own minimal sentences: the subject at the
head of a paragraph goes on over sentences that open with a verb, until another subject is named; a
whole written after 对 / 占 is a denominator, no subject."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 6, 1)
HEAD = "全区拥有省级质量标杆企业2个、工程建设“鲁班奖”1个。"  # a programme named in the paragraph: the place alone is unsure


def _district(text: str):
    return read(text, place="青秀区", date=DATE)


def _is(o, name: str) -> bool:
    return o.subject is not None and o.subject.name == name


def test_a_sentence_opening_with_a_holding_verb_goes_on_with_the_paragraphs_place() -> None:
    ex = _district(HEAD + "培育计量示范单位20家。拥有高新技术企业41家、有效注册商标2150件。")
    for value in ("41", "2150"):
        o = fig(ex, value)
        assert _is(o, "青秀区") and not low(o), o


def test_another_subject_heading_a_sentence_ends_the_paragraphs_scope() -> None:
    ex = _district(HEAD + "南宁青禾新材料有限公司牵头组建创新联合体。拥有高新技术企业41家。")
    assert low(fig(ex, "41"))


def test_another_subject_heading_a_clause_ends_the_scope() -> None:
    ex = _district(HEAD + "培育计量示范单位20家，南宁青禾新材料有限公司参与起草标准。拥有高新技术企业41家。")
    assert low(fig(ex, "41"))


def test_a_sentence_not_opening_with_a_holding_verb_is_not_carried() -> None:
    ex = _district(HEAD + "培育计量示范单位20家。帮扶企业解决难题41件。")
    assert low(fig(ex, "41"))


def test_a_whole_after_a_word_of_proportion_is_a_denominator_not_the_subject() -> None:
    ex = read("2023年，全省新增优质品牌120个，优质品牌企业对全省出口总额的贡献率达35%。", place="安徽省", date=DATE)
    assert low(fig(ex, "35"))
    assert not low(fig(ex, "120"))


def test_a_whole_named_as_the_subject_stays_the_subject() -> None:
    ex = read("2023年，全省产品抽查合格率为96.5%，全省对重点企业帮扶覆盖率达80%。", place="安徽省", date=DATE)
    assert not low(fig(ex, "80"))


MARKS = ("青禾米、宾阳酸粉、横州甜茶三大地理标志产品，合计品牌价值50亿元。"
         "据测算，青禾米品牌价值为20.5亿元，宾阳酸粉为18.2亿元，横州甜茶为11.3亿元。")


def test_items_of_a_list_counted_with_da_before_geographical_indication_are_indications() -> None:
    ex = read(MARKS, place="南宁市", date=DATE)
    gis = {e.name for e in ex.entities if e.kind.value == "GeographicalIndication"}
    assert {"青禾米", "宾阳酸粉", "横州甜茶"} <= gis


def test_a_mark_opening_the_measure_is_the_subject_and_parallel_clauses_carry_its_measure() -> None:
    ex = read(MARKS, place="南宁市", date=DATE)
    for value, name in (("2050000000", "青禾米"), ("1820000000", "宾阳酸粉"), ("1130000000", "横州甜茶")):
        o = fig(ex, value)
        assert _is(o, name) and o.measure in ("品牌价值", name + "品牌价值") and not low(o), o
    total = fig(ex, "5000000000")
    assert not _is(total, "横州甜茶")  # the list's sum is no item's


def test_a_list_counted_in_the_measure_is_no_marks_figure() -> None:
    ex = read("本市拥有地理标志证明商标9件，其中青禾米、宾阳酸粉2件系今年注册。",
              place="南宁市", date=DATE)
    assert not _is(fig(ex, "2"), "青禾米")


def test_a_part_after_qizhong_with_no_breakdown_is_not_the_wholes_figure() -> None:
    ex = read("我市青禾食品有限公司等8家企业生产的9个产品荣获2023年度“广西名牌产品”称号，"
              "其中3家企业的3个产品为首次入选的“广西名牌产品”。", place="南宁市", date=DATE)
    assert not low(fig(ex, "8")) and not low(fig(ex, "9"))
    assert all(low(o) for o in ex.observations if o.value == 3)


def test_a_doubled_one_is_no_numeral() -> None:
    ex = read("青秀区成为全省唯一一家获此称号的城区，全区拥有高新技术企业41家。", place="青秀区", date=DATE)
    assert not [o for o in ex.observations if o.value == 11]


def test_a_count_before_the_programme_it_won_is_the_programmes() -> None:
    ex = read("近日，南宁青禾新材料有限公司、南宁白鹭食品有限公司2家企业摘得“南宁市市长质量奖”。",
              place="南宁市", date=DATE)
    o = fig(ex, "2")
    assert _is(o, "南宁市市长质量奖") and not low(o), o


def test_a_check_after_two_levels_the_second_glued_to_it_is_both_levels_check() -> None:
    ex = read("2023年，全市重点工业品国家、省监督抽查的合格率为95.2%。", place="南宁市", date=DATE)
    o = fig(ex, "95.2")
    assert low(o), o


def test_a_count_between_baokuo_and_a_colon_restates_the_one_before() -> None:
    ex = read("2023年度南宁市市长质量奖揭晓，4家组织获2023年度南宁市市长质量奖。"
              "获奖组织包括4家：南宁青禾新材料有限公司、南宁白鹭食品有限公司、南宁甲乙机械有限公司、南宁丙丁电子有限公司。",
              place="南宁市", date=DATE)
    fours = [o for o in ex.observations if o.value == 4 and o.unit == "Jia"]
    assert len(fours) == 1 and fours[0].restated, fours


def test_a_sentence_opening_with_a_verb_of_new_items_goes_on_after_a_head_with_its_time_word() -> None:
    ex = _district("去年，青秀区新增省级质量标杆企业2个；新增“青禾精品”6个；建成示范工程3处。"
                   "新认定高新技术企业41家，新增专精特新企业12家。")
    for value in ("41", "12"):
        o = fig(ex, value)
        assert _is(o, "青秀区") and not low(o), o
