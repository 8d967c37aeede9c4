"""Meetings, events and press conferences named the ways news names them: 全市 / 全省 kept as written (with one
node per document), more head nouns (动员会, 座谈会 after a frame, 视频会议, 通气会), an ending in 会 not cut before
议, two meetings joined by 和 before 精神."""

from __future__ import annotations

from extraction_helpers import read
from qgraph.lexicon import load_lexicon
from qgraph.model import Kind, Ref
from qgraph.resolve import Resolver

GATHERINGS = {Kind.EVENT, Kind.MEETING, Kind.PRESS_CONFERENCE}


def _gatherings(text: str, place: str = "丙市") -> set[tuple[str, str]]:
    ex = read(text, place=place)
    return {(e.kind.value, e.name) for e in ex.entities if e.kind in GATHERINGS}


def test_a_whole_city_meeting_keeps_its_words() -> None:
    assert _gatherings("6月3日，丙市召开全市质量大会暨创建“质量强市示范市”动员会。") == {
        ("Meeting", "全市质量大会暨创建“质量强市示范市”动员会")}
    assert _gatherings("1月8日，全省工商和质监工作视频会议召开，副市长某某在分会场收看。") == {
        ("Meeting", "全省工商和质监工作视频会议")}


def test_a_whole_level_meeting_after_a_frame_is_named() -> None:
    assert _gatherings("会议传达学习了2019年全国市场监管系统某某工作座谈会精神。") == {
        ("Meeting", "2019年全国市场监管系统某某工作座谈会")}
    assert _gatherings("要求各地贯彻落实2019年全国甲类工作会议和2019年全国乙类工作会议精神。") == {
        ("Meeting", "2019年全国甲类工作会议"), ("Meeting", "2019年全国乙类工作会议")}
    # with no year, a nationwide name could be any year's meeting: none is minted
    assert _gatherings("会议传达学习了全国市场监管系统某某工作座谈会精神。") == set()
    assert _gatherings("在全市大会上，李华作讲话。") == set()  # the level word and the head only: no name
    assert _gatherings("在全市质量大会上，李华作讲话。") == set()  # too few words of its own to tell one meeting
    assert _gatherings("在会议上，李华作讲话。") == set()


def test_a_whole_level_meeting_named_again_is_the_one_before() -> None:
    found = _gatherings("9月2日，在收听收看丁市质量工作视频会议暨“质量月”启动仪式后，甲县立即召开质量强县工作会议，"
                        "贯彻落实全市质量工作视频会议精神。", place="甲县")
    assert ("Meeting", "全市质量工作视频会议") not in found


def test_an_ending_in_hui_is_not_cut_before_yi() -> None:
    found = _gatherings("10月5日，市质监局召开“某某”执法打假“秋季战役”工作部署会议。")
    assert not any(name.endswith("部署会") for _, name in found)
    assert any(name.endswith("工作部署会议") for _, name in found)


def test_more_head_nouns_name_gatherings() -> None:
    assert ("Meeting", "燃气行业整治工作座谈会") in _gatherings("市市场监管局近日与某镇召开燃气行业整治工作座谈会。")
    assert ("PressConference", "2018年丙市“质量月”活动新闻媒体通气会") in _gatherings(
        "8月31日上午，2018年丙市“质量月”活动新闻媒体通气会在市质监局召开。")
    assert _gatherings("甲县召开动员会。", place="甲县") <= {("Meeting", "甲县动员会")}  # a bare head: at most the place's
    assert _gatherings("某市质量协会召开理事会。") == set()  # an association's body is no gathering head


def test_a_launch_ceremony_stays_an_event() -> None:
    assert ("Event", "丙市2030年“质量月”活动启动仪式") in _gatherings(
        "9月1日，丙市2030年“质量月”活动启动仪式在某广场举行。")
    assert ("Event", "丙市第三届质量节开幕式") in _gatherings("9月1日，丙市第三届质量节开幕式在某广场举行。")


def test_a_whole_level_gathering_is_one_node_per_document() -> None:
    res = Resolver(load_lexicon())
    a = res.iri(Ref(Kind.MEETING, "全市质量大会"), doc_id="a")
    b = res.iri(Ref(Kind.MEETING, "全市质量大会"), doc_id="b")
    assert a != b and "/doc/a/" in str(a)
    named = Ref(Kind.MEETING, "丙市质量大会")
    assert res.iri(named, doc_id="a") == res.iri(named, doc_id="b")  # a gathering named with its place is shared


def test_a_press_conference_held_for_a_meeting_is_the_press_conference() -> None:
    found = _gatherings("8月2日，某总局召开中国某某（甲城）大会新闻发布会。")
    assert ("PressConference", "中国某某（甲城）大会新闻发布会") in found
    assert ("Meeting", "中国某某（甲城）大会") not in found  # not cut before the press conference
    assert _gatherings("8月2日，丙市召开2030年质量发展大会。会后举行新闻发布会。") == {
        ("Meeting", "2030年质量发展大会")}  # a word between: two gatherings, the second unnamed


def test_a_dated_occasion_event_with_a_few_words_of_its_own_is_one_event() -> None:
    found = _gatherings("9月16日，丙市在某广场举办2030年全国“质量月”诚信主题宣传活动。")
    assert ("Event", "2030年全国“质量月”诚信主题宣传活动") in found
    long = _gatherings("9月16日，丙市举办2030年“质量月”期间面向全市各类中小企业的质量帮扶活动。")
    assert not any(name.startswith("2030年") for _, name in long)  # more than a few words after it: not one name
    cut = _gatherings("9月16日，丙市举办2030年“质量月”暨某某安全宣传周系列活动。")
    assert ("Event", "2030年“质量月”暨某某安全宣传周") not in cut  # not cut at the first event word


def test_a_gathering_held_again_and_again_is_none() -> None:
    assert _gatherings("成立领导小组，多次召开示范创建工作协调会，推动工作落实。") == set()
    assert _gatherings("建立制度，定期召开质量工作联席会议。") == set()
    once = _gatherings("5月8日，丙市召开示范创建工作协调会。")
    assert any(kind == "Meeting" and name.endswith("示范创建工作协调会") for kind, name in once)  # held once: named
