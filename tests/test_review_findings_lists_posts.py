"""False facts on lists, posts and breakdowns, on our own minimal sentences: the body that signs a winners'
list, a name that is a post (王局长) sharing the post before it, a post of another bureau's visitors, a
common noun (高校) read as a winner, a category list closed by 等 split on its 及, a bracketed post that does
not fit the organisation before it. Each with a negative case: the rule still reads the shape it was for."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences

from extraction_helpers import read

DATE = dt.date(2024, 3, 12)


def _listed(ex: Extraction) -> set[tuple[str, str]]:
    return {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}


def _held(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def _people(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind is Kind.PERSON}


# -- a winners' list under a title line ends before the body that signs it (list_title_firm_words.txt) ------

def test_signature_line_under_a_list_is_no_winner():
    lead = "某省人民政府决定，授予甲科技有限公司等2家企业2023年度“某省主席质量奖”。\n"
    text = lead + "2023年度“某省主席质量奖”获奖企业名单\n甲科技有限公司\n乙食品有限公司\n某省市场监督管理局\n2024年1月5日"
    listed = _listed(read(text, place="荆门市", date=DATE))
    assert ("甲科技有限公司", "某省主席质量奖") in listed and ("乙食品有限公司", "某省主席质量奖") in listed
    assert not any(name == "某省市场监督管理局" for name, _ in listed)
    undated = lead + "2023年度“某省主席质量奖”获奖企业名单\n甲科技有限公司\n乙食品有限公司\n某省人民政府"
    assert not any(name == "某省人民政府" for name, _ in _listed(read(undated, place="荆门市", date=DATE)))


def test_department_inside_a_list_of_bodies_stays_a_winner():
    text = ("某省人民政府决定，授予甲科技有限公司等3家单位2023年度“某省主席质量奖”。\n"
            "2023年度“某省主席质量奖”名单\n甲科技有限公司\n某省市场监督管理局\n乙食品有限公司")
    listed = _listed(read(text, place="荆门市", date=DATE))
    assert ("某省市场监督管理局", "某省主席质量奖") in listed and ("乙食品有限公司", "某省主席质量奖") in listed


# -- a surname and a title after a deputy's name does not share the deputy's post (address_titles.txt) ------

def _read_in(text: str, place: str | None = "荆门市") -> Extraction:
    return extract(Document("t", "t.txt", text, place=place, date=DATE, sentences=split_sentences(text)))


def test_surname_and_title_after_a_deputy_is_no_name_sharing_the_post():
    for text in ("会议由副市长张立国主持，副市长李红梅、王局长出席。", "副市长张立国、刘主任等出席。", "副市长张立国、陈总出席。"):
        ex = _read_in(text)
        assert not any(p.endswith(("局长", "主任", "总")) for p, _, _ in _held(ex)), _held(ex)
        assert not _people(ex) & {"王局长", "刘主任", "陈总"}
    ex = _read_in("副市长张立国、李红梅、王海涛等出席。")  # bare names still share the post
    assert {("李红梅", "副市长", "荆门市人民政府"), ("王海涛", "副市长", "荆门市人民政府")} <= _held(ex)


# -- a common noun after the organisations' count is no person (non_person_nouns.txt) ------------------------

def _winners(ex: Extraction) -> set[tuple[str, Kind]]:
    return {(r.name, next(e.kind for e in ex.entities if e.ref == r)) for x in ex.listings for r in x.recipients}


def test_common_noun_after_the_organisations_count_is_no_person_winner():
    for noun in ("高校", "金融机构", "全体员工"):
        ex = _read_in(f"市政府决定，授予甲科技有限公司等3家企业和{noun}“某市质量奖”。")
        assert noun not in _people(ex)
        assert not any(kind is Kind.PERSON for _, kind in _winners(ex)), _winners(ex)
    ex = _read_in("市政府决定，授予甲科技有限公司等3家企业和王海涛“某市质量奖”。")  # a name still wins
    assert ("王海涛", Kind.PERSON) in _winners(ex)


# -- a category name holding 及 before 等 is not split to match the count (name_internal_joiners.txt) --------

def _parts(ex: Extraction) -> dict:
    return {o.value: o.breakdown for o in ex.observations if o.unit == "Percent"}


def test_category_with_ji_in_a_list_closed_by_deng_is_not_split():
    ex = _read_in("2024年，某市抽查了电线电缆、家具及木制品等3类产品，合格率分别为98%、96%和91%。")
    assert not {"家具", "木制品"} & set(_parts(ex).values()), _parts(ex)
    ex = _read_in("2024年，某市抽查了电动自行车、电线电缆和儿童玩具等3类产品，合格率分别为91.2%、94.6%和89.7%。")
    assert set(_parts(ex).values()) == {"电动自行车", "电线电缆", "儿童玩具"}  # joined by 和: three items


# -- a bracket's later post keeps the organisation before only when it fits its kind (bracket_kind_posts.tsv)

def test_bracket_post_not_fitting_the_organisation_before_is_not_its():
    ex = _read_in("张立国（市质量协会会长、总经理）出席会议。")
    assert ("张立国", "会长", "荆门市质量协会") in _held(ex)
    assert not any(role == "总经理" and org for _, role, org in _held(ex)), _held(ex)
    ex = _read_in("李红梅（市市场监管局党组书记、秘书长）出席会议。")
    assert not any(role == "秘书长" and org for _, role, org in _held(ex)), _held(ex)
    ex = _read_in("张立国（市市场监管局党组书记、局长）出席会议。")  # the bureau's own 局长
    assert ("张立国", "局长", "荆门市市场监督管理局") in _held(ex)
    ex = _read_in("王海涛（市质量协会会长、秘书长）出席会议。")
    assert ("王海涛", "秘书长", "荆门市质量协会") in _held(ex)


# -- bare posts of the publishing bureau: not when another bureau is named near, or the name leads a group ---
# (visiting_group_marks.txt, bureau_level_marks.tsv)

def _published(text: str, publisher: str = "荆门市市场监督管理局") -> Extraction:
    return extract(Document("t", "t.txt", text, place="荆门市", date=DATE, publisher=publisher,
                            sentences=split_sentences(text)))


def test_visitors_posts_are_not_the_publishing_bureau_s():
    bureau = "荆门市市场监督管理局"
    for text in ("荆门市市场监督管理局召开座谈会。省市场监管局调研组一行到会，副局长张立国一行听取了汇报。",
                 "荆门市市场监督管理局召开座谈会。省市场监管局调研组到会，副局长张立国听取了汇报。",
                 "荆门市市场监督管理局召开座谈会。副局长张立国一行听取了汇报。"):
        assert ("张立国", "副局长", bureau) not in _held(_published(text)), text
    ex = _published("荆门市市场监督管理局召开座谈会。党组成员、副局长张立国出席会议并讲话。")
    assert ("张立国", "副局长", bureau) in _held(ex)  # the bureau's own report: its own deputy
    ex = _published("荆门市市场监督管理局召开座谈会。市局党组成员、副局长张立国出席会议并讲话。")
    assert ("张立国", "副局长", bureau) in _held(ex)  # 市局: the publisher's own level


def test_rates_after_fenbie_with_no_item_each_are_inferred():
    ex = _read_in("2024年，某市抽查了电线电缆、家具及木制品等3类产品，合格率分别为98%、96%和91%。")
    rates = [o for o in ex.observations if o.unit == "Percent"]
    assert rates and all(o.subject_inferred or o.confidence < 0.5 for o in rates), rates
    ex = _read_in("2024年，某市抽查了电动自行车、电线电缆、儿童玩具3类产品，合格率分别为91.2%、94.6%、89.7%。")
    assert all(not o.subject_inferred for o in ex.observations if o.unit == "Percent")  # each its item's


def test_department_last_in_a_list_of_bodies_without_a_date_stays_a_winner():
    text = ("某省人民政府决定，授予甲科技有限公司等3家单位2023年度“某省主席质量奖”。\n"
            "2023年度“某省主席质量奖”名单\n甲科技有限公司\n乙食品有限公司\n某省市场监督管理局")
    assert ("某省市场监督管理局", "某省主席质量奖") in _listed(read(text, place="荆门市", date=DATE))
