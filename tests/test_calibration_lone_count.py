"""The calibration's *lone count* (:func:`qgraph.extract.calibrate.lone_count`): a count of one with no
breakdown, its subject named before it but not in its clause, is kept below 0.5 — on our own minimal
sentences, each with a like case the feature leaves alone. The bundled settings leave it off (measured
on this version's rules it lowers right figures only, see the README); the tests turn it on with a
lexicon directory of their own."""

from __future__ import annotations

import datetime as dt

import pytest
from extraction_helpers import fig, low

from qgraph.extract import extract
from qgraph.extract.calibrate import _settings
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Kind
from qgraph.resources import resource_dir
from qgraph.sources import split_sentences

DATE = dt.date(2023, 3, 10)
FAR_ONE = "青州市今年开展电线电缆产品质量监督抽查。共抽查电线电缆30批次，合格29批次，不合格1批次。"
_LEX = {}


@pytest.fixture(autouse=True)
def _feature_on(tmp_path_factory) -> None:
    if "on" not in _LEX:
        own = tmp_path_factory.mktemp("lexicon")
        bundled = (resource_dir("lexicon") / "calibration_settings.tsv").read_text(encoding="utf-8")
        (own / "calibration_settings.tsv").write_text(bundled + "lone_count\t0.45\n", encoding="utf-8")
        _LEX["on"] = load_lexicon(own)


def _read(text: str, lexicon=None):
    doc = Document("t", "t.txt", text, date=DATE, place="青州市", sentences=split_sentences(text))
    return extract(doc, lexicon or _LEX["on"])


def test_the_bundled_settings_leave_the_lone_count_off() -> None:
    settings = _settings(load_lexicon())
    assert "lone_count" not in settings and settings["lone_count_max"] == "1"
    assert float(_settings(_LEX["on"])["lone_count"]) < 0.5
    assert not low(fig(_read(FAR_ONE, load_lexicon()), "1"))


def test_a_count_of_one_far_from_its_check_is_kept_not_vouched() -> None:
    ex = _read(FAR_ONE)
    o = fig(ex, "1")
    assert o.subject is not None and o.subject.kind is Kind.PRODUCT_SPOT_CHECK and o.breakdown is None
    assert low(o)  # one line's failure, read as the check's own count: not vouched
    assert not low(fig(ex, "29")) and not low(fig(ex, "30"))
    assert len(ex.observations) == 3  # kept: nothing is removed


def test_a_count_of_two_keeps_its_confidence() -> None:
    ex = _read("青州市今年开展电线电缆产品质量监督抽查。共抽查电线电缆30批次，合格28批次，不合格2批次。")
    assert not low(fig(ex, "2"))


def test_a_count_of_one_with_its_subject_in_its_clause_keeps_its_confidence() -> None:
    ex = _read("2023年，青州市拥有省级质量标杆企业3家。截至年底，青州市拥有国家级质量标杆企业1家。")
    o = fig(ex, "1")
    assert o.subject is not None and o.subject.name == "青州市" and not low(o)


def test_a_count_of_one_with_a_breakdown_keeps_its_confidence() -> None:
    o = fig(_read("2023年，青州市共制定地方标准12项，其中，主持制定国际标准1项。"), "1")
    assert o.breakdown is not None and not low(o)


def test_a_lexicon_without_the_line_leaves_the_count_vouched(tmp_path) -> None:
    own = tmp_path / "lexicon"
    own.mkdir()
    (own / "calibration_settings.tsv").write_text("lone_count_max\t1\n", encoding="utf-8")
    assert low(fig(_read(FAR_ONE), "1"))
    assert not low(fig(_read(FAR_ONE, load_lexicon(own)), "1"))
