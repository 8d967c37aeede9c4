"""Checks of the shipped place gazetteer (data/lexicon/*.tsv); no network."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon"
PLACES = LEXICON / "places.tsv"
ABBREVIATIONS = LEXICON / "province_abbreviations.tsv"

PLACES_HEADER = ["code", "name", "short", "level", "parent"]
ABBR_HEADER = ["abbr", "code", "name"]
LEVELS = {"country", "province", "prefecture", "county"}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = [dict(zip(header, r, strict=True)) for r in reader]
    return header, rows


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    header, rows = _read(PLACES)
    assert header == PLACES_HEADER
    return rows


@pytest.fixture(scope="module")
def by_code(places) -> dict[str, dict[str, str]]:
    return {r["code"]: r for r in places}


@pytest.fixture(scope="module")
def abbreviations() -> list[dict[str, str]]:
    header, rows = _read(ABBREVIATIONS)
    assert header == ABBR_HEADER
    return rows


def test_header_line_and_line_endings():
    raw = PLACES.read_bytes()
    assert raw.startswith("code\tname\tshort\tlevel\tparent\n".encode())
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    assert ABBREVIATIONS.read_bytes().startswith("abbr\tcode\tname\n".encode())


def test_codes_unique_sorted_and_six_digits(places):
    codes = [r["code"] for r in places]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)
    assert all(len(c) == 6 and c.isdigit() for c in codes)


def test_levels_valid_and_counts_plausible(places):
    levels = Counter(r["level"] for r in places)
    assert set(levels) <= LEVELS
    assert levels["country"] == 1
    assert levels["province"] == 34
    assert 330 <= levels["prefecture"] <= 340
    assert 2800 <= levels["county"] <= 2900


def test_country_row(by_code):
    row = by_code["000000"]
    assert row["name"] == "中华人民共和国"
    assert row["level"] == "country"
    assert row["parent"] == ""
    assert row["short"].split("|") == ["中国", "我国", "全国"]


def test_every_parent_exists_with_a_higher_level(places, by_code):
    rank = {"country": 0, "province": 1, "prefecture": 2, "county": 3}
    for r in places:
        if r["level"] in ("country", "province"):
            assert r["parent"] == "", r
            continue
        assert r["parent"] in by_code, r
        parent = by_code[r["parent"]]
        assert rank[parent["level"]] < rank[r["level"]], r
        assert parent["code"][:2] == r["code"][:2], r


def test_no_pseudo_rows(places):
    pseudo = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    assert not [r for r in places if r["name"] in pseudo]


def test_zaozhuang_children(by_code, places):
    assert by_code["370400"]["name"] == "枣庄市"
    assert by_code["370400"]["level"] == "prefecture"
    assert by_code["370400"]["parent"] == "370000"
    assert by_code["370400"]["short"] == "枣庄"
    children = {r["name"]: r["code"] for r in places if r["parent"] == "370400"}
    assert set(children) == {"市中区", "薛城区", "峄城区", "台儿庄区", "山亭区", "滕州市"}
    assert children["滕州市"] == "370481"
    assert all(by_code[c]["level"] == "county" for c in children.values())


def test_short_forms(by_code):
    assert by_code["370481"]["short"] == "滕州"
    assert by_code["370404"]["short"] == "峄城"
    assert by_code["370000"]["short"] == "山东"
    assert "内蒙古" in by_code["150000"]["short"].split("|")
    assert by_code["450000"]["short"] == "广西"
    assert by_code["110000"]["short"] == "北京"
    assert by_code["222400"]["short"] == "延边"


def test_no_single_character_short_form(places):
    bad = [
        (r["code"], r["name"], s)
        for r in places
        for s in r["short"].split("|")
        if s and len(s) < 2
    ]
    assert not bad
    assert not [r for r in places if r["short"].startswith("|") or "||" in r["short"]]


def test_shandong_has_16_prefectures(places):
    assert sum(1 for r in places if r["parent"] == "370000" and r["level"] == "prefecture") == 16


def test_municipalities_are_province_level(by_code, places):
    for code, name in [("110000", "北京市"), ("120000", "天津市"),
                       ("310000", "上海市"), ("500000", "重庆市")]:
        assert by_code[code]["name"] == name
        assert by_code[code]["level"] == "province"
        districts = [r for r in places if r["parent"] == code]
        assert districts and all(r["level"] == "county" for r in districts)


def test_province_directly_administered_counties(by_code):
    for code, name, parent in [("419001", "济源市", "410000"), ("429004", "仙桃市", "420000")]:
        assert by_code[code]["name"] == name
        assert by_code[code]["level"] == "county"
        assert by_code[code]["parent"] == parent


def test_special_regions_present(by_code):
    for code, name in [("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")]:
        assert by_code[code]["name"] == name
        assert by_code[code]["level"] == "province"


def test_abbreviations(abbreviations, by_code):
    pairs = {(r["abbr"], r["code"]) for r in abbreviations}
    for abbr, code in [("鲁", "370000"), ("晋", "140000"), ("冀", "130000"), ("豫", "410000")]:
        assert (abbr, code) in pairs
    for r in abbreviations:
        assert len(r["abbr"]) == 1
        assert by_code[r["code"]]["level"] == "province"
        assert by_code[r["code"]]["name"] == r["name"]
    assert len({r["abbr"] for r in abbreviations}) == len(abbreviations)
    # every provincial division has at least one abbreviation
    provinces = {c for c, r in by_code.items() if r["level"] == "province"}
    assert provinces == {r["code"] for r in abbreviations}


def test_word_lists_are_read_once_longest_first_and_a_missing_file_is_a_config_error() -> None:
    import pytest

    from qgraph.errors import ConfigError
    from qgraph.lexicon import load_lexicon

    lex = load_lexicon()
    words = lex.words("preliminary_words.txt", longest_first=True)
    assert words and not any(w.startswith("#") for w in words)
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
    assert lex.words("preliminary_words.txt", longest_first=True) is words
    with pytest.raises(ConfigError, match="no-such-list.txt"):
        lex.words("no-such-list.txt")
