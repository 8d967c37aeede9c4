"""One regression test per mechanism that gives a figure its own subject, qualifier, level, measure or
period where the text states it — on our own minimal sentences, each with a negative case."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, read
from qgraph.model import Level

DATE = dt.date(2024, 9, 20)


def _read(text: str, place: str = "潍坊市", title: str | None = None):
    return read(text, place=place, date=DATE, title=title)


# measure_words: a lead word of holding or aiming is cut; a one-character level is read out


def test_a_level_written_inside_the_measure_is_the_figures_level() -> None:
    ex = _read("全市现有省名牌产品16个、市名牌产品16个。")
    assert {(o.measure, o.level) for o in ex.observations} == {("名牌产品", Level.PROVINCIAL), ("名牌产品", Level.MUNICIPAL)}


def test_a_lead_verb_is_no_part_of_the_measure_and_the_level_behind_it_is_read() -> None:
    o = fig(_read("到2025年，全市力争省级质量标杆企业达到30个。"), "30")
    assert (o.measure, o.level) == ("质量标杆企业", Level.PROVINCIAL)


def test_a_level_character_before_another_word_stays_in_the_measure() -> None:
    ex = _read("全市县域经济企业1200家，省长质量奖企业5家。")
    assert (fig(ex, "1200").measure, fig(ex, "1200").level) == ("县域经济企业", None)
    assert (fig(ex, "5").measure, fig(ex, "5").level) == ("省长质量奖企业", None)


def test_a_level_is_not_carried_past_a_comma_to_another_kind_of_count() -> None:
    ex = _read("截至去年底，全市共有省级企业技术中心87家，高新技术企业920余家。")
    assert fig(ex, "87").level is Level.PROVINCIAL
    assert fig(ex, "920").level is None
