"""Tests of the ``sources`` stage: reading documents, bad input, sentence splitting, doc_ids."""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qgraph.errors import InputError
from qgraph.model import Document, Sentence
from qgraph.sources import (
    MAX_BYTES, SourceWarning, boilerplate_rules, iter_documents, read_document, slugify,
    split_sentences,
)
from qgraph.sources_html import html_to_text

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "corpus" / "zaozhuang-quality-2025-09-19.txt"
BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
PARA = "枣庄市市场监督管理局召开新闻发布会，介绍质量强市建设情况。全市开展市级质量监督抽查685批次，合格率为96.2%。\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_spans_valid(doc: Document) -> None:
    previous_end = 0
    for i, sentence in enumerate(doc.sentences):
        span = sentence.span
        assert sentence.index == i
        assert doc.text[span.start:span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert span.start >= previous_end
        previous_end = span.end


def read_error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    return info.value.problem


# --- the sample --------------------------------------------------------------------------------

def test_sample_document() -> None:
    doc = read_document(SAMPLE, root=REPO)
    assert doc.source == "data/corpus/zaozhuang-quality-2025-09-19.txt"
    assert doc.doc_id == "zaozhuang-quality-2025-09-19"
    assert doc.title == "枣庄市召开“加强全面质量管理、促进质量强市建设”新闻发布会"
    assert doc.date == dt.date(2025, 9, 19)
    assert doc.publisher == "齐鲁网·闪电新闻"
    assert doc.place == "枣庄市"
    assert doc.url is None
    assert doc.text.startswith("齐鲁网·闪电新闻9月19日讯")
    assert doc.text.endswith("闪电新闻记者 李环宇 报道")
    assert "特别声明" not in doc.text and "Notice" not in doc.text and "网易号" not in doc.text
    assert "---" not in doc.text
    assert_spans_valid(doc)
    texts = [s.span.text for s in doc.sentences]
    assert "强化顶层设计 凝聚质量工作合力" in texts
    assert texts[-1] == "闪电新闻记者 李环宇 报道"
    assert any(t.endswith("合格率为96.2%。") for t in texts)


def test_sample_without_header_reads_metadata_from_text(tmp_path: Path) -> None:
    body = SAMPLE.read_text(encoding="utf-8").split("---\n", 2)[2]
    doc = read_document(write(tmp_path / "zaozhuang-quality-2025-09-19.txt", body))
    assert doc.date == dt.date(2025, 9, 19)  # 9月19日讯 + the year from the file name
    assert doc.publisher == "齐鲁网·闪电新闻"
    assert doc.place is None  # the extractor infers places, not this stage
    assert doc.text == read_document(SAMPLE).text


# --- bad input -----------------------------------------------------------------------------------

EXPECTED_BAD_INPUTS = {
    "bad-header-date.txt": None,
    "binary-png.txt": "binary file, not text",
    "boilerplate-only.txt": "empty document",
    "control-chars.txt": "binary file, not text",
    "crlf-line-endings.txt": None,
    "damaged-utf8.txt": "not valid UTF-8",
    "empty.txt": "empty document",
    "gb18030-no-declaration.txt": None,
    "header-only.txt": "empty document",
    "nested-brackets.txt": None,
    "no-facts.txt": None,
    "script-and-entities.html": None,
    "truncated-utf8.txt": None,
    "unclosed-book-title.txt": None,
    "unclosed-tags.html": None,
    "utf16-bom.txt": None,
    "utf8-bom.txt": None,
    "whitespace-only.txt": "empty document",
}


def test_bad_inputs_corpus_in_sorted_order() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SourceWarning)
        results = list(iter_documents([BAD_INPUTS]))
    names = [Path(r.path if isinstance(r, InputError) else r.source).name for r in results]
    assert names == sorted(EXPECTED_BAD_INPUTS)
    for name, result in zip(names, results):
        expected = EXPECTED_BAD_INPUTS[name]
        if expected is None:
            assert isinstance(result, Document), f"{name}: {result}"
            assert_spans_valid(result)
        else:
            assert isinstance(result, InputError), name
            assert expected in result.problem and name in str(result)


def test_empty_and_whitespace(tmp_path: Path) -> None:
    assert read_error(write(tmp_path / "empty.txt", b"")) == "empty document"
    assert read_error(write(tmp_path / "blank.txt", " \r\n\t\n\u3000\n")) == "empty document"


def test_binary_png(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100)
    assert read_error(write(tmp_path / "image.txt", png)) == "binary file, not text"


def test_truncated_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.txt", PARA.rstrip().encode("utf-8")[:-1])
    with pytest.warns(SourceWarning, match="cut.txt"):
        doc = read_document(path)
    assert doc.text == PARA.rstrip()[:-1]


def test_damaged_utf8_inside_is_refused(tmp_path: Path) -> None:
    data = PARA.encode("utf-8")
    assert "not valid UTF-8" in read_error(write(tmp_path / "d.txt", data[:20] + b"\xff" + data[20:] * 3))


def test_gb18030_without_declaration(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "gbk.txt", (PARA * 3).encode("gb18030")))
    assert doc.text == (PARA * 3).rstrip()
    assert len(doc.sentences) == 6


def test_utf16_and_utf8_bom(tmp_path: Path) -> None:
    for name, data in [("le.txt", PARA.encode("utf-16")),
                       ("be.txt", b"\xfe\xff" + PARA.encode("utf-16-be")),
                       ("bom.txt", b"\xef\xbb\xbf" + PARA.encode("utf-8"))]:
        doc = read_document(write(tmp_path / name, data))
        assert doc.text == PARA.rstrip(), name


def test_line_endings_normalised(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "crlf.txt", "第一行\r\n第二行。\r第三行。\r\n\r\n"))
    assert doc.text == "第一行\n第二行。\n第三行。"
    assert [s.span.text for s in doc.sentences] == ["第一行", "第二行。", "第三行。"]


def test_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: costs no disk space
    assert "too large" in read_error(path)


def test_fifo_is_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_error(fifo) == "not a regular file"


@pytest.mark.slow
def test_50_mb_document(tmp_path: Path) -> None:
    line = "枣庄市开展市级质量监督抽查685批次，合格率为96.2%。《质量强国建设纲要》等文件得到落实！\n"
    path = tmp_path / "big.txt"
    count = 50 * 2**20 // len(line.encode("utf-8"))
    path.write_text(line * count, encoding="utf-8")
    doc = read_document(path)
    assert len(doc.text) == len(line) * count - 1
    assert len(doc.sentences) == 2 * count
    assert doc.sentences[-1].span.end == len(doc.text)
    middle = doc.sentences[count]
    assert doc.text[middle.span.start:middle.span.end] == middle.span.text


@pytest.mark.parametrize("opener", ["《", "（", "“"])
def test_100000_nested_brackets(tmp_path: Path, opener: str) -> None:
    text = opener * 100_000 + "质量。" * 200 + "\n下一行。"
    doc = read_document(write(tmp_path / "nested.txt", text))
    assert_spans_valid(doc)
    assert doc.sentences[-1].span.text == "下一行。"


def test_unclosed_book_title_does_not_swallow_the_document(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "u.txt", "落实《质量强国建设纲要等文件。成效显著。\n第二行。第三句。"))
    texts = [s.span.text for s in doc.sentences]
    assert texts == ["落实《质量强国建设纲要等文件。成效显著。", "第二行。", "第三句。"]


def test_document_without_facts_reads_fine(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "plain.txt", "今天天气很好。\n"))
    assert doc.text == "今天天气很好。" and len(doc.sentences) == 1
    assert doc.date is None and doc.publisher is None and doc.title is None


def test_html_visible_text_and_metadata() -> None:
    doc = read_document(BAD_INPUTS / "script-and-entities.html")
    assert doc.title == "质量强市新闻发布会"
    assert doc.date == dt.date(2025, 9, 19)
    assert doc.publisher == "齐鲁网"
    assert doc.text == ("质量强市新闻发布会\n枣庄市&滕州市开展“质量强市”建设，合格率96.2% 。\n"
                        "第二段\n第三行")
    for hidden in ("color", "脚本", "注释", "首页", "请启用", "版权", "<", "&amp;"):
        assert hidden not in doc.text
    assert_spans_valid(doc)


def test_html_detected_by_content(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "page.txt", "<!DOCTYPE html><html><body><p>正文。</p></body></html>"))
    assert doc.text == "正文。"


def test_html_with_unclosed_constructs_is_linear() -> None:
    page = html_to_text("<p>正文。" + "<a" * 20_000 + "</" * 20_000 + "<![CDATA[" * 20_000)
    assert page.text.startswith("正文。<a<a")


# --- files and directories -----------------------------------------------------------------------

def test_directory_with_one_bad_and_two_good_files(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", PARA)
    write(tmp_path / "b.txt", b"")
    write(tmp_path / "sub" / "c.md", PARA)
    write(tmp_path / "ignored.png", b"\x89PNG\x00")
    write(tmp_path / ".git" / "notes.txt", PARA)
    results = list(iter_documents([tmp_path]))
    assert [type(r) for r in results] == [Document, InputError, Document]
    assert [r.doc_id for r in results if isinstance(r, Document)] == ["a", "c"]
    assert isinstance(results[1], InputError) and results[1].problem == "empty document"


def test_directory_without_documents(tmp_path: Path) -> None:
    write(tmp_path / "image.png", b"\x89PNG")
    (results,) = iter_documents([tmp_path])
    assert isinstance(results, InputError) and "no documents" in results.problem


def test_missing_path() -> None:
    (result,) = iter_documents([Path("no-such-file.txt")])
    assert isinstance(result, InputError) and result.problem == "no such file or directory"


def test_broken_symlink_in_directory(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", PARA)
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "c.txt").symlink_to("c.txt")  # a link to itself
    results = list(iter_documents([tmp_path]))
    assert isinstance(results[0], Document)
    assert [r.problem for r in results[1:] if isinstance(r, InputError)] == [
        "broken symbolic link", "symbolic link loop"]


def test_symlink_loop_in_directory(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "a.txt", PARA)
    (tmp_path / "docs" / "sub").mkdir()
    (tmp_path / "docs" / "sub" / "loop").symlink_to(tmp_path / "docs")
    (tmp_path / "docs" / "sub" / "self").symlink_to(".")
    with pytest.warns(SourceWarning, match="loop"):
        results = list(iter_documents([tmp_path / "docs"]))
    assert [r.doc_id for r in results if isinstance(r, Document)] == ["a"]
    assert len(results) == 1


def test_doc_ids_and_collisions(tmp_path: Path) -> None:
    for folder in ("c", "a", "b"):
        write(tmp_path / folder / "report.txt", PARA)
    write(tmp_path / "d" / "质量报告.txt", PARA)
    docs = list(iter_documents([tmp_path]))
    assert [(Path(d.source).parent.name, d.doc_id) for d in docs if isinstance(d, Document)] == [
        ("a", "report"), ("b", "report-2"), ("c", "report-3"), ("d", "zhi-liang-bao-gao")]


def test_slugify() -> None:
    assert slugify("Zaozhuang Quality_2025-09-19") == "zaozhuang-quality-2025-09-19"
    assert slugify("枣庄市质量强市") == "zao-zhuang-shi-zhi-liang-qiang-shi"
    assert slugify("枣庄-report") == "zao-zhuang-report"
    assert slugify("《》") == "doc"


# --- metadata -----------------------------------------------------------------------------------

def test_bad_header_date_warns_and_reads(tmp_path: Path) -> None:
    path = write(tmp_path / "bad-date.txt", "---\ntitle: 标题\ndate: 2025-13-45\n---\n" + PARA)
    with pytest.warns(SourceWarning, match=r"bad-date\.txt.*2025-13-45"):
        doc = read_document(path)
    assert doc.title == "标题" and doc.date is None and doc.text == PARA.rstrip()


def test_header_without_closing_line_is_text(tmp_path: Path) -> None:
    with pytest.warns(SourceWarning, match="closing"):
        doc = read_document(write(tmp_path / "h.txt", "---\ntitle: x\n" + PARA))
    assert doc.text.startswith("---")


@pytest.mark.parametrize(("text", "publisher", "date"), [
    ("新华社济南9月19日电（记者 张三）山东召开质量大会。\n正文。", "新华社", None),
    ("中国新闻网北京2025年3月2日电 正文。\n正文。", "中国新闻网", dt.date(2025, 3, 2)),
    ("质量强省推进会召开\n2025年3月2日，会议召开。\n来源：大众日报", "大众日报", dt.date(2025, 3, 2)),
    ("会议召开。\n（来源：枣庄日报）", "枣庄日报", None),
    ("成都日报讯(记者 杨帆)3月28日,会议召开。\n正文。", "成都日报", None),
    ("大众网·海报新闻记者 孙晓彤 淄博报道\n6月12日上午,发布会召开。", "大众网·海报新闻", None),
    ("正文。\n闪电新闻记者 李环宇 报道", "闪电新闻", None),
    ("本报讯 会议召开。", None, None),
    ("传来喜讯 会议召开。", None, None),
    ("通知如下。\n枣庄市人民政府\n二〇二五年九月十九日", None, dt.date(2025, 9, 19)),
])
def test_metadata_from_text(tmp_path: Path, text: str, publisher: str | None, date: dt.date | None) -> None:
    doc = read_document(write(tmp_path / "x.txt", text))
    assert (doc.publisher, doc.date) == (publisher, date)


def test_title_from_first_line_or_original_title(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "a.md", "# 质量强市建设取得成效\n正文。")).title == "质量强市建设取得成效"
    assert read_document(write(tmp_path / "b.txt", "正文第一句。\n正文。")).title is None
    doc = read_document(write(tmp_path / "c.txt", "原标题：真正的标题\n正文一句。\n责任编辑：王五"))
    assert doc.title == "真正的标题" and doc.text == "正文一句。\n责任编辑：王五"  # an editor byline stays
    assert read_document(write(tmp_path / "d.txt", "大众网·海报新闻记者 孙晓彤 淄博报道\n正文。")).title is None


def test_boilerplate_rules_are_sound() -> None:
    rules = boilerplate_rules()
    assert rules.rules
    nested = re.compile(r"\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]")
    for pattern, kind in rules.rules:
        assert kind in ("drop_line", "drop_rest")
        assert not nested.search(pattern.pattern), f"nested quantifier in {pattern.pattern}"
        assert pattern.fullmatch("x" * 1000) is None


def test_boilerplate_drop_rest_never_empties_a_leading_line(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "x.txt", "免责声明\n正文。\n分享到：微信\n免责声明：本站…\n页脚"))
    assert doc.text == "正文。"


# --- sentences ----------------------------------------------------------------------------------

def test_sentence_rules() -> None:
    text = "他说：“培育一批。提升一批！”然后离开了。问题？是的!\n《关于…的通知。附件》印发。 "
    assert [s.span.text for s in split_sentences(text)] == [
        "他说：“培育一批。提升一批！”", "然后离开了。", "问题？", "是的!", "《关于…的通知。附件》印发。"]
    long_quote = "“" + "很长的引文。" * 100 + "”"
    assert len(split_sentences(long_quote)) > 1  # a span over 500 characters may split inside “”
    assert [s.span.text for s in split_sentences("访问 http://x.cn/a?b=1 查看。")] == ["访问 http://x.cn/a?b=1 查看。"]


def check_cover(text: str, sentences: tuple[Sentence, ...]) -> None:
    end = 0
    for i, sentence in enumerate(sentences):
        span = sentence.span
        assert sentence.index == i and span.start >= end
        assert text[span.start:span.end] == span.text and span.text.strip() == span.text != ""
        assert not text[end:span.start].strip()
        end = span.end
    assert not text[end:].strip()


TEXT = st.text(alphabet=st.sampled_from(list("质量强市ab 1.\n\t\u3000。！？!?《》“”「」（）‘’")) | st.characters(),
               max_size=300)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_sentence_spans_cover_the_text(text: str) -> None:
    check_cover(text, split_sentences(text))


@given(st.binary(max_size=400) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_read_document_raises_only_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SourceWarning)
        try:
            doc = read_document(path)
        except InputError as exc:
            assert str(exc).startswith(str(path))
            return
    check_cover(doc.text, doc.sentences)


@given(st.text(alphabet=st.sampled_from(list("<>/!-?&;=\"' ap质\n")) | st.characters(), max_size=300))
@settings(max_examples=300, deadline=None)
def test_html_to_text_never_fails(html: str) -> None:
    html_to_text(html)


def test_walk_skips_marked_directories_and_readmes(tmp_path: Path) -> None:
    """``qgraph build data/`` reads the reports, not the lexicon, the evaluation sets or a README."""
    from qgraph.sources import IGNORE_MARKER, iter_documents

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "report.txt").write_text("枣庄市市场监督管理局开展抽查。", encoding="utf-8")
    (tmp_path / "corpus" / "README.md").write_text("# about these reports\n", encoding="utf-8")
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / IGNORE_MARKER).write_text("", encoding="utf-8")
    (tmp_path / "lexicon" / "surnames.txt").write_text("王\n李\n", encoding="utf-8")
    read = [d.source for d in iter_documents([tmp_path]) if not isinstance(d, Exception)]
    assert [Path(s).name for s in read] == ["report.txt"]
    # named directly, a marked directory is read
    direct = [d for d in iter_documents([tmp_path / "lexicon"]) if not isinstance(d, Exception)]
    assert [Path(d.source).name for d in direct] == ["surnames.txt"]


def test_the_bundled_data_directory_builds_only_the_sample() -> None:
    from qgraph.sources import iter_documents

    root = Path(__file__).resolve().parents[1] / "data"
    docs = [d for d in iter_documents([root]) if not isinstance(d, Exception)]
    assert [Path(d.source).name for d in docs] == ["zaozhuang-quality-2025-09-19.txt"]
