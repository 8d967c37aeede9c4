"""Figures of report shapes whose parts were missed or left incomplete (our own sentences): a value shared
by the parts of a check named again by a back reference (``上述3类产品…均为100%``)."""

from __future__ import annotations

from decimal import Decimal

from extraction_helpers import low, read

BULLETIN = ("2023年8月至9月，甲市市场监督管理局组织开展了电线电缆等5类产品市级监督抽查。"
            "5类产品抽查结果如下：电线电缆抽查10批次、钢丝绳抽查6批次、建筑用砂抽查8批次，"
            "上述3类产品批次合格率均为100%；水泥抽查12批次，合格11批次，批次合格率为91.7%。")


def _rates(text: str, value: str) -> list:
    return [o for o in read(text, place="甲市").observations if o.unit == "Percent" and o.value == Decimal(value)]


def test_a_back_referenced_shared_rate_is_each_parts() -> None:
    found = _rates(BULLETIN, "100")
    assert sorted(o.subject.name for o in found) == sorted(["电线电缆抽查", "钢丝绳抽查", "建筑用砂抽查"])
    assert all("合格率" in o.measure and not low(o) for o in found)


def test_the_back_references_count_is_no_figure() -> None:
    ex = read(BULLETIN, place="甲市")
    assert not [o for o in ex.observations if o.value == Decimal(3) and o.unit == "Lei"]


def test_a_count_that_does_not_agree_shares_nothing() -> None:
    text = BULLETIN.replace("上述3类产品", "上述4类产品")
    assert len(_rates(text, "100")) == 1


PLAN = ("2025年，乙县印发《重点产业链招商行动方案(2025-2027)》。\n"
        "光伏组件产业链方面，招引电池片等项目，2025年签约投资额5亿元，落地项目3个，到位资金1.2亿元；"
        "2027年末签约投资额18亿元，落地项目9个，到位资金6亿元。")


def _plan(value: str, unit: str):
    found = [o for o in read(PLAN, place="奉节县").observations if o.value == Decimal(value) and o.unit == unit]
    assert len(found) == 1, found
    return found[0]


def test_a_chain_heading_its_sentence_as_topic_owns_the_sentences_figures() -> None:
    for value, unit in (("500000000", "Yuan"), ("3", "Ge"), ("1800000000", "Yuan"), ("9", "Ge")):
        o = _plan(value, unit)
        assert o.subject is not None and o.subject.name == "光伏组件产业链" and not low(o), o


def test_a_compound_cut_at_its_first_word_is_read_whole() -> None:
    assert _plan("120000000", "Yuan").measure == "到位资金"


def test_a_years_end_written_alone_is_that_years_last_day() -> None:
    assert _plan("1800000000", "Yuan").period == "2027-12-31"
    assert _plan("500000000", "Yuan").period == "2025"


def test_figures_of_a_year_to_come_and_their_first_milestones_are_targets() -> None:
    assert _plan("1800000000", "Yuan").breakdown == "目标"
    assert _plan("500000000", "Yuan").breakdown == "目标"  # the same measure, set out with the later year
    assert _plan("120000000", "Yuan").breakdown == "目标"


def test_results_of_the_year_of_writing_stay_results() -> None:
    ex = read("2025年，丙县新签约项目12个，签约投资额30亿元。", place="奉节县")
    assert all(o.breakdown is None for o in ex.observations)
