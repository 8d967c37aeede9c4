"""Property tests of ``qgraph.extract.extract`` on arbitrary text and on recombined fragments of the
genre: it never raises, every span quotes the document exactly, and the output is deterministic."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qgraph.extract import extract
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences

LEXICON = load_lexicon()

FRAGMENTS = [
    # organisations, abbreviations, elided prefixes, nested names
    "枣庄市市场监督管理局", "山东省市场监督管理局", "发改、科技、农业农村、文旅、卫健、市场监管等部门", "市委、市政府",
    "市食品药品检验检测中心", "国家机床质检中心", "中国机械科学研究院、上海交大、威达重工等科研院所、企业",
    "路域固废资源化利用技术山东省工程研究中心", "临沂市人民政府办公室", "山东大学", "山东美果来食品有限公司",
    "枣庄市人民政府新闻办公室召开", "大质量工作格局", "政府主导", "化工",
    # people and posts
    "党组成员、副局长李震", "副局长", "记者 李环宇 报道", "李震在发布会上介绍",
    # places
    "晋冀鲁豫四省十九市", "滕州市", "峄城", "峄城石榴", "枣庄", "全省", "全市",
    # titles and quotes, closed and not
    "《质量强国建设纲要》", "《山东省质量强省建设纲要》", "《枣庄市医疗质量安全评价标准(试行)》", "《关于", "》", "《",
    "“好品山东”", "“泰山品质”", "“1210”", "“6+3”", "“首席质量官”", "“", "”", "「", "」",
    "“枣庄市石榴产业链供应链质量联动提升工作推进会暨2025中国品牌日(枣庄)活动”",
    # chains, listings, honours
    "1条国家级石榴产业链项目", "锂电池、机床2条省级产业链项目", "新材料、高端装备等10条市级产业链项目",
    "3家企业入选第四批", "名单", "荣获2024年度", "高端认证", "尚品本色等10件商标和峄城石榴等5件地理标志入选",
    "重点保护商标和地理标志名录", "入选国家质量强县(区、镇)培育库", "服务品牌", "产业服务站", "指导站落户",
    # figures
    "抽查", "市级质量监督抽查685批次", "合格率为96.2%", "470余批次", "1200余家", "44.26万元", "108件",
    "2024—2025年度", "2.0版", "9月19日", "截至目前", "今年以来", "省级企业技术中心58家、工程研究中心13家",
    "渗漏、空鼓等高频投诉23类",
    # punctuation, brackets, whitespace, boilerplate
    "。", "，", "、", "；", "：", "（", "）", "(", ")", "【", "】", "\n", " ", "\u3000", "——", "等",
    "特别声明：以上内容为自媒体平台“网易号”用户上传并发布", "Notice: The content above",
]

UNITS = ["批次", "家", "件", "项", "条", "个", "台", "类", "%", "万元", "亿元", "元", "余家", "余批次", "年", "名", ""]


@st.composite
def numbers_with_units(draw: st.DrawFn) -> str:
    whole = draw(st.integers(min_value=0, max_value=10**9))
    frac = draw(st.sampled_from(["", ".5", ".26", ".0", "."]))
    chinese = draw(st.sampled_from(["", "十", "二十三", "一千二百", "两"]))
    return f"{chinese or whole}{frac if not chinese else ''}{draw(st.sampled_from(UNITS))}"


genre_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), numbers_with_units(), st.text(max_size=4)),
    max_size=30,
).map("".join)

any_text = st.one_of(st.text(max_size=300), genre_text)


def document(text: str, place: str | None, date: dt.date | None) -> Document:
    return Document("prop", "prop.txt", text, place=place, date=date, sentences=split_sentences(text))


documents = st.builds(
    document,
    any_text,
    st.sampled_from([None, "枣庄市", "潍坊市", "山东省"]),
    st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))),
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(doc: Document, ex: Extraction) -> None:
    assert ex.document == doc
    for span in ex.spans():
        assert 0 <= span.start <= span.end <= len(doc.text), (span, len(doc.text))
        assert doc.text[span.start:span.end] == span.text, span


@SETTINGS
@given(documents)
def test_extract_never_raises_and_spans_quote_the_text(doc: Document) -> None:
    check_spans(doc, extract(doc, LEXICON))


@SETTINGS
@given(documents)
def test_extract_is_deterministic(doc: Document) -> None:
    assert extract(doc, LEXICON) == extract(doc, LEXICON)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("".join))
def test_fragments_alone(text: str) -> None:
    """Only genre fragments (no noise in between): the densest input for the rules."""
    doc = document(text, "枣庄市", dt.date(2025, 9, 19))
    first = extract(doc, LEXICON)
    check_spans(doc, first)
    assert extract(doc, LEXICON) == first


@pytest.mark.parametrize(("text", "place"), [
    ("枣庄", None), ("峄城", "枣庄市"), ("山东", None), ("来自潍坊", None), ("记者 张三 枣庄", None),
    ("枣庄市市场监督管理局开展抽查。\n记者 张三 枣庄", None),
])
def test_text_ending_in_a_place_short_form(text: str, place: str | None) -> None:
    """Regression: find_places once sliced text[i:i + length] past the end of the text, found the cut
    name (枣庄 for 枣庄市) in the gazetteer and made a span running past the text (ValueError, and the
    whole build aborted)."""
    doc = document(text, place, None)
    check_spans(doc, extract(doc, LEXICON))
