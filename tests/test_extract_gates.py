"""Rules that skip a document, a sentence or a position early (a cheap test showing their trigger absent)
find what they found before: the gates' premises hold at every position of every bundled and evaluation
document, and invented sentences that need each rule still get its reading."""

from __future__ import annotations

from qgraph.extract import extract
from qgraph.extract.bodies import _government_head_posts, _name_then_post
from qgraph.extract.context import Ctx, occurrences
from qgraph.extract.honour_items import _programme_sentences
from qgraph.extract.places import _province_short_forms
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Kind
from qgraph.sources import split_sentences
from regen_extraction_golden import document_paths

LEX = load_lexicon()
TEXTS = [p.read_text(encoding="utf-8") for p in document_paths()]


def _extract(text: str, place: str | None = "枣庄市"):
    return extract(Document("d", "d.txt", text, place=place, sentences=split_sentences(text)), LEX)


def test_occurrences_finds_overlapping_ones() -> None:
    assert occurrences("甲甲甲乙", "甲甲") == [0, 1]
    assert occurrences("甲乙", "丙") == []


def test_place_pairs_start_only_at_a_province_short_name() -> None:
    """Where no short form of :func:`_province_short_forms` starts, the plain test of a province's short
    name (its first province, not written in full) fails for both lengths."""
    shorts = _province_short_forms(LEX)
    for text in TEXTS:
        heads = {i for w in shorts for i in occurrences(text, w)}
        for s in range(len(text)):
            plain = False
            for n in (2, 3):
                province = next((p for p in LEX.place_names.get(text[s:s + n], ()) if p.level == "province"), None)
                plain = plain or (province is not None and text[s:s + n] != province.name)
            assert plain == (s in heads), (text[s:s + 3], s)


def test_place_pair_after_a_location_word() -> None:
    ex = _extract("第三届质量博览会在湖南长沙隆重开幕。", place=None)
    assert {(e.name, e.span.start) for e in ex.entities if e.kind is Kind.PLACE} >= {("湖南省", 9), ("长沙市", 11)}


def test_head_named_first_needs_a_post_where_a_name_can_end() -> None:
    """At every position of every document where no head's post starts two to four characters on, the
    plain rule finds no name and post."""
    posts = _government_head_posts(LEX)[0]
    for text in TEXTS:
        ctx = Ctx(doc=Document("d", "d.txt", text), lex=LEX)
        starts = {i for p in posts for i in occurrences(text, p)}
        for pos in range(len(text)):
            if not starts & {pos + 2, pos + 3, pos + 4}:
                assert _name_then_post(ctx, pos, posts) is None


def test_head_named_first_holds_the_post_of_the_report_place() -> None:
    ex = _extract("会议由王明副市长主持，各县区负责人参加。")
    assert [(p.person.name, p.role, p.organization.name) for p in ex.posts] == [("王明", "副市长", "枣庄市人民政府")]


def test_no_head_post_no_head_named_first() -> None:
    ex = _extract("会议由王明主持，各县区负责人参加。")
    assert not ex.posts


def test_programme_sentences_are_those_where_a_programme_starts() -> None:
    text = "甲公司入选。2024年枣庄市市长质量奖名单公布。乙公司获评。"
    ex = _extract(text)
    ctx = Ctx(doc=ex.document, lex=LEX, entities=list(ex.entities))
    got = [s.span.text for s in _programme_sentences(ctx)]
    assert got == [s.span.text for s in ex.document.sentences
                   if any(e.kind.is_programme and s.span.start <= e.span.start < s.span.end for e in ex.entities)]
    assert got and all("质量奖" in t for t in got)


def test_post_holders_listed_under_a_programme() -> None:
    ex = _extract("2024年枣庄市市长质量奖获奖个人有：山亭华力机械有限公司总经理张伟；峄城丰禾食品有限公司董事长李强。")
    assert sorted((l.programme.name, r.name) for l in ex.listings for r in l.recipients) == [
        ("枣庄市市长质量奖", "张伟"), ("枣庄市市长质量奖", "李强")]
    assert sorted((p.person.name, p.role) for p in ex.posts) == [("张伟", "总经理"), ("李强", "董事长")]


def test_systems_joined_under_one_head() -> None:
    ex = _extract("全市推行首席质量官和标准总监制度。")
    assert [e.name for e in ex.entities if e.kind is Kind.QUALITY_SYSTEM] == ["首席质量官制度", "标准总监制度"]
