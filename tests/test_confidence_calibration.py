"""The confidence calibration (:func:`qgraph.extract.calibrate.calibrate_confidence`): a vouched figure
showing a feature measured to predict a false figure is kept, below 0.5 — on our own minimal sentences,
each feature with a case that shows it and a like case that does not. The bundled settings turn the
features off (measured with the scorer's equivalent readings, they cost more right figures than false
ones, see the README); the tests turn them on with a lexicon directory of their own."""

from __future__ import annotations

import datetime as dt

import pytest
from extraction_helpers import fig, low

from qgraph.extract import extract
from qgraph.extract.calibrate import FEATURES, _settings
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Kind
from qgraph.resources import resource_dir
from qgraph.sources import split_sentences

DATE = dt.date(2023, 3, 10)


ON = "held_count\t0.45\nbound_rate\t0.45\nlone_count\t0.45\n"
_LEX = {}


@pytest.fixture(autouse=True)
def _features_on(tmp_path_factory) -> None:
    if "on" not in _LEX:
        own = tmp_path_factory.mktemp("lexicon")
        bundled = (resource_dir("lexicon") / "calibration_settings.tsv").read_text(encoding="utf-8")
        (own / "calibration_settings.tsv").write_text(bundled + ON, encoding="utf-8")
        _LEX["on"] = load_lexicon(own)


def _read(text: str, place: str = "青州市", lexicon=None):
    doc = Document("t", "t.txt", text, date=DATE, place=place, sentences=split_sentences(text))
    return extract(doc, lexicon or _LEX["on"])


def _honour(o) -> bool:
    return o.subject is not None and o.subject.kind is Kind.HONOUR


def test_every_feature_has_a_confidence_below_the_vouching_line() -> None:
    assert FEATURES
    for lexicon in (load_lexicon(), _LEX["on"]):
        settings = _settings(lexicon)
        for name in FEATURES:
            assert name not in settings or float(settings[name]) < 0.5, name
    assert all(name in _settings(_LEX["on"]) for name in FEATURES)


def test_the_bundled_settings_leave_the_features_off() -> None:
    text = "加强抽检力度，重点工业产品质量监督抽查合格率达到96%以上。"
    assert low(fig(_read(text), "96"))
    assert not low(fig(_read(text, lexicon=load_lexicon()), "96"))


def test_a_holders_count_right_after_an_honours_name_is_kept_not_vouched() -> None:
    ex = _read("目前，我市已有中国驰名商标21件、省名牌产品64个、省著名商标140件。")
    for value in ("21", "64"):
        o = fig(ex, value)
        # the city's share: given to the city (subject_owners), or, read as the honour's own count, not vouched
        assert (o.subject is not None and o.subject.kind is Kind.PLACE) or (_honour(o) and low(o)), value
    assert len(ex.observations) == 3  # kept: nothing is removed


def test_a_count_won_in_a_clause_of_winning_is_kept_not_vouched() -> None:
    ex = _read("全市质量奖获奖组织达到210家；其中，获得中国质量奖提名奖2家，获省政府质量奖5家，省政府质量管理创新奖1家。")
    assert _honour(fig(ex, "2")) and low(fig(ex, "2"))
    assert _honour(fig(ex, "5")) and low(fig(ex, "5"))
    assert _honour(fig(ex, "1")) and low(fig(ex, "1"))  # a clause opening with the name continues the list
    assert not low(fig(ex, "210"))  # the place's own stock is no honour's count


def test_an_honours_count_with_no_holding_verb_keeps_its_confidence() -> None:
    o = fig(_read("大会还公布了第三批青禾优品企业18家。"), "18")
    assert _honour(o) and not low(o)
    o = fig(_read("去年全省认定甲省著名商标640件，中国驰名商标12件。"), "12")
    assert _honour(o) and not low(o)


def test_a_checks_rate_written_as_a_bound_is_kept_not_vouched() -> None:
    o = fig(_read("加强抽检力度，重点工业产品质量监督抽查合格率达到96%以上。"), "96")
    assert o.subject is not None and o.subject.kind in {Kind.PRODUCT_SPOT_CHECK} and low(o)
    assert low(fig(_read("全市食品抽检合格率超97%。"), "97"))


def test_a_checks_measured_rate_keeps_its_confidence() -> None:
    o = fig(_read("2022年青州市产品质量监督抽查合格率为96.4%。"), "96.4")
    assert o.subject is not None and o.subject.kind is Kind.PRODUCT_SPOT_CHECK and not low(o)


def test_a_feature_without_a_line_in_the_settings_is_off(tmp_path) -> None:
    own = tmp_path / "lexicon"
    own.mkdir()
    (own / "calibration_settings.tsv").write_text("held_count\t0.45\n", encoding="utf-8")
    text = "加强抽检力度，重点工业产品质量监督抽查合格率达到96%以上。"
    assert low(fig(_read(text), "96"))
    assert not low(fig(_read(text, lexicon=load_lexicon(own)), "96"))
