"""Duplicates within one document: a group named short (``甲集团``) and in full (``某省甲集团有限公司``) is
one company; a figure written in the lead and again later is one figure — one regression test per
mechanism, on our own minimal sentences."""

from __future__ import annotations

from qgraph.model import Extraction, Kind

from extraction_helpers import fig, read


def firms(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}


# -- a group's short name and its full name (dedupe.merge_short_forms) ---------------------------------

def test_group_named_short_after_its_full_name_is_one_company() -> None:
    ex = read("山东远帆集团有限公司荣获省级质量标杆。远帆集团负责人表示将持续改进。", place="山东省")
    assert firms(ex) == {"山东远帆集团有限公司"}


def test_group_named_short_before_its_full_name_is_one_company() -> None:
    ex = read("远帆集团负责人表示将持续改进。远帆集团有限公司荣获省级质量标杆。", place="山东省")
    assert "远帆集团" not in firms(ex) and "远帆集团有限公司" in firms(ex)


def test_merged_group_keeps_every_mention_as_evidence() -> None:
    text = "山东远帆集团有限公司荣获省级质量标杆。远帆集团负责人表示将持续改进。"
    ex = read(text, place="山东省")
    spans = {text[e.span.start:e.span.end] for e in ex.entities if e.name == "山东远帆集团有限公司"}
    assert spans == {"山东远帆集团有限公司", "远帆集团"}
    short = next(e for e in ex.entities if text[e.span.start:e.span.end] == "远帆集团")
    assert "远帆集团" in short.aliases


def test_group_short_name_of_two_full_forms_names_neither() -> None:
    ex = read("远帆集团有限公司和远帆集团股份有限公司均获奖。远帆集团负责人出席。", place="山东省")
    assert "远帆集团有限公司" in firms(ex) and "远帆集团股份有限公司" in firms(ex)
    assert not any(e.name in ("远帆集团有限公司", "远帆集团股份有限公司") and "远帆集团" in e.aliases for e in ex.entities)


def test_group_inside_a_longer_subsidiary_name_is_not_merged() -> None:
    ex = read("远帆集团获得市长质量奖。远帆集团青禾食品有限公司获得提名奖。", place="山东省")
    assert not any(e.name == "远帆集团青禾食品有限公司" and "远帆集团" in e.aliases for e in ex.entities)


# -- a figure of the lead written again later (certainty.drop_restated) --------------------------------

def test_figure_repeated_later_in_the_text_is_one_figure() -> None:
    ex = read("2024年，全市有效注册商标总量达到3.6万件。会上通报，2024年全市有效注册商标总量达到3.6万件。",
              place="潍坊市")
    assert fig(ex, "36000").measure.endswith("注册商标总量")


# -- a bulletin's check named in the title without its level (dedupe.merge_check_short_forms) ---------

def checks(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK}


def test_title_check_without_level_is_the_bodys_levelled_check() -> None:
    title = "某市市场监督管理局关于2024年产品质量监督抽查情况的通报"
    text = title + "\n近期，我局组织开展了产品质量市级监督抽查，共抽查150批次，不合格6批次。"
    ex = read(text, place="潍坊市", title=title)
    assert checks(ex) == {"产品质量市级监督抽查"}


def test_body_check_without_level_beside_a_levelled_one_stays_apart() -> None:
    text = "全市完成产品质量监督抽查900批次，其中产品质量省级监督抽查210批次。"
    ex = read(text, place="潍坊市", title="某市质量工作总结")
    assert {"产品质量监督抽查", "产品质量省级监督抽查"} <= checks(ex)


# -- a short name the text defines, found on its own as well (dedupe.merge_defined_short_names) -------

def test_defined_short_name_found_as_a_group_is_the_defined_company() -> None:
    text = "青禾玻璃工业集团股份有限公司（以下简称青禾集团）荣获省质量奖。青禾集团曾两次获得提名奖。"
    ex = read(text, place="福建省")
    assert firms(ex) == {"青禾玻璃工业集团股份有限公司"}
    later = [e for e in ex.entities if text[e.span.start:e.span.end] == "青禾集团"]
    assert later and all(e.name == "青禾玻璃工业集团股份有限公司" and "青禾集团" in e.aliases for e in later)


def test_name_read_across_the_definition_bracket_is_dropped() -> None:
    ex = read("青禾玻璃工业集团股份有限公司（以下简称青禾集团）荣获省质量奖。", place="福建省")
    assert not any(e.name.startswith("下简称") or e.name.startswith("以下") for e in ex.entities)


def test_figure_repeated_later_keeps_both_statements_as_evidence() -> None:
    text = "2024年，全市有效注册商标总量达到3.6万件。会上通报，2024年全市有效注册商标总量达到3.6万件。"
    o = fig(read(text, place="潍坊市"), "36000")
    assert [text[s.start:s.end] for s in (o.span, *o.restated)] == ["3.6万件", "3.6万件"]
    assert o.restated[0].start > o.span.start


def test_headline_figure_is_a_second_statement_of_the_bodys_figure() -> None:
    title = "某市9个品牌入选省级名牌"
    text = title + "\n近日，省里公布名单，全市共有9个品牌入选省级名牌产品。"
    o = fig(read(text, place="潍坊市", title=title), "9")
    assert o.span.start > len(title) and [s.start < len(title) for s in o.restated] == [True]


def test_restated_figure_is_one_observation_with_two_mentions_in_the_graph() -> None:
    from qgraph.lexicon import load_lexicon
    from qgraph.mapping import map_document
    text = "2024年，全市有效注册商标总量达到3.6万件。会上通报，2024年全市有效注册商标总量达到3.6万件。"
    shard = map_document(read(text, place="潍坊市"), load_lexicon())
    observations = {ln.split()[0] for ln in shard.lines if "#type>" in ln and "Observation>" in ln}
    exact = [ln for ln in shard.lines if "3.6万件" in ln and "exact" in ln]
    assert len(observations) == 1 and len(exact) == 2


# -- one check read as a generic inspection and as a spot check (dedupe.merge_generic_checks) ----------

def test_check_read_in_two_classes_at_one_mention_is_one_check_of_the_narrower_class() -> None:
    from qgraph.extract.context import Ctx
    from qgraph.extract.dedupe import merge_generic_checks
    from qgraph.lexicon import load_lexicon
    from qgraph.model import Document, Observation, Span
    from decimal import Decimal
    text = "全年完成食品安全监督抽检5200批次。"
    ctx = Ctx(doc=Document("t", "t.txt", text), lex=load_lexicon())
    ctx.add(Kind.PRODUCT_SPOT_CHECK, "食品安全监督抽检", 4, 12)
    generic = ctx.add(Kind.INSPECTION, "食品安全监督抽检", 4, 12)
    ctx.observations.append(Observation("批次", Decimal(5200), "Pici", Span(12, 18, "5200批次"), subject=generic.ref))
    merge_generic_checks(ctx)
    assert [(e.kind, e.name) for e in ctx.entities] == [(Kind.PRODUCT_SPOT_CHECK, "食品安全监督抽检")]
    assert ctx.observations[0].subject == ctx.entities[0].ref
