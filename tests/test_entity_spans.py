"""Entity spans and classes: one mechanism per section, each on our own minimal sentences, with negatives."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read
from qgraph.model import Kind

DATE = dt.date(2024, 9, 20)


def _names(text: str, kind: Kind, place: str | None = "福州市") -> set[str]:
    ex = read(text, place=place, date=DATE)
    return {e.name for e in ex.entities if e.kind is kind and dict(e.attributes).get("implicit") != "true"}


# 1. a leading group's name read back to the place opening its clause


def test_a_groups_name_runs_back_to_the_place_opening_its_clause() -> None:
    text = "近日，福建省质量强省及品牌战略推进工作领导小组办公室公布了名单。"
    assert _names(text, Kind.GOVERNMENT_BODY) == {"福建省质量强省及品牌战略推进工作领导小组办公室"}
    assert _names(text, Kind.PLACE) == set()  # the place inside the name is no mention of the place
    text = "由福建省质量强省及品牌战略推进工作领导小组统筹推进。"
    assert _names(text, Kind.GOVERNMENT_BODY) == {"福建省质量强省及品牌战略推进工作领导小组"}


def test_a_sentence_lead_between_place_and_group_keeps_the_cut() -> None:
    names = _names("近日，福州市积极推进工作领导小组办公室建设。", Kind.GOVERNMENT_BODY)
    assert not any(n.startswith("福州市积极") for n in names)
    names = _names("福建省召开质量强省工作领导小组办公室会议。", Kind.GOVERNMENT_BODY)
    assert not any(n.startswith("福建省召开") for n in names)


# 2. offices of the state administrations named after their place (海关, 出入境检验检疫局)


def test_customs_and_inspection_bureaus_are_departments_named_as_written() -> None:
    text = "市市场监督管理局会同福州海关、福建出入境检验检疫局举办宣传周。"
    depts = _names(text, Kind.DEPARTMENT)
    assert {"福州海关", "福建出入境检验检疫局"} <= depts
    assert _names("全市海关部门加强进出口检验。", Kind.DEPARTMENT) == set()
    assert _names("福州海关技术中心承担检测。", Kind.INSPECTION_BODY) == {"福州海关技术中心"}


# 3. named occasions and the place and year glued to a quoted event


def test_quoted_occasions_are_events_under_the_name_as_written() -> None:
    assert _names("区市场监管局借助“质量月”“品牌日”契机开展宣传。", Kind.EVENT) == {"品牌日", "质量月"}
    assert _names("5月10日，在“中国品牌日”到来之际，市场监管局开展宣传。", Kind.EVENT) == {"中国品牌日"}
    assert _names("本月开展“放心消费”等宣传。", Kind.EVENT) == set()  # a slogan is no occasion


def test_a_place_and_year_before_a_quoted_event_are_part_of_its_name() -> None:
    text = "福州市2024年“质量月”宣传活动于9月开幕。"
    assert _names(text, Kind.EVENT) == {"福州市2024年“质量月”宣传活动"}
    assert _names(text, Kind.PLACE) == set()
    assert _names("2024年福州市“质量月”启动仪式在鼓楼区举行。", Kind.EVENT) == {"2024年福州市“质量月”启动仪式"}
    assert _names("今年，全市开展“质量月”宣传活动。", Kind.EVENT) == {"“质量月”宣传活动"}


# 4. runs of names in bylines


def test_every_name_of_a_byline_run_is_a_person() -> None:
    text = "本报讯 记者 林海 通讯员 陈思远 郑雨桐 日前，市市场监督管理局发布通知。"
    assert _names(text, Kind.PERSON) == {"林海", "陈思远", "郑雨桐"}
    text = "某某新闻网（见习记者 吴敏 阿依·木兰）5月8日，展会开幕。"
    assert _names(text, Kind.PERSON) == {"吴敏", "阿依·木兰"}
    assert _names("活动圆满结束。\n［责任编辑：王林］", Kind.PERSON) == {"王林"}


def test_a_role_word_inside_a_sentence_opens_no_byline() -> None:
    assert _names("该记者 近日采访了企业。", Kind.PERSON) == set()
    assert _names("本报讯（记者 林海 通讯员 郑雨桐 闽侯报道）全市工作稳步推进。", Kind.PERSON) == {"林海", "郑雨桐"}


def test_a_byline_line_names_its_people_and_outlets() -> None:
    text = "活动圆满结束。\n李明 王强 江南晚报 江南网 江南客户端记者 周立新"
    assert _names(text, Kind.PERSON) == {"李明", "王强", "周立新"}
    assert {"江南晚报", "江南网"} <= _names(text, Kind.MEDIA)
    assert _names("活动圆满结束。\n质量强省 品牌兴市", Kind.PERSON) == set()  # no outlet: no byline
    assert _names("活动圆满结束。\n王强 李明", Kind.PERSON) == set()


# 5. a gathering named by 全市 / 全省 keeps the words as written (readers name it so)


def test_a_gathering_named_by_quanshi_keeps_its_words() -> None:
    assert _names("3月5日，福州市召开全市质量大会。", Kind.MEETING) == {"全市质量大会"}
    assert _names("3月28日，召开2024年全省质量大会。", Kind.MEETING) == {"2024年全省质量大会"}
    assert _names("召开全国质量大会。", Kind.MEETING) == {"全国质量大会"}


# 6. a Party committee's office given as a report's source is the office, not an outlet


def test_a_propaganda_department_as_source_is_a_department() -> None:
    text = "某县召开大会\n2024年9月29日 来源：闽侯县委宣传部\n会上讲话。"
    assert _names(text, Kind.MEDIA, "闽侯县") == set()
    assert _names(text, Kind.DEPARTMENT, "闽侯县") == {"中共闽侯县委员会宣传部"}
    assert _names("会议召开\n来源：闽侯日报\n会上讲话。", Kind.MEDIA, "闽侯县") == {"闽侯日报"}


# 7. quoted mottos name an entity only by a head noun


def test_a_quoted_motto_before_huodong_is_no_event() -> None:
    assert _names("组织开展“优品惠民”活动。", Kind.EVENT) == set()
    assert _names("围绕“勤走访、细排查、优服务”活动推进工作。", Kind.EVENT) == set()
    assert _names("全市“质量月”活动期间，共发放资料100份。", Kind.EVENT) == {"质量月"}
    assert _names("开展“质量开放日”活动。", Kind.EVENT) == {"质量开放日"}


def test_a_mottos_mechanism_is_no_quality_system() -> None:
    text = "形成“三链协同”工作机制。"
    assert _names(text, Kind.QUALITY_SYSTEM) == set()
    assert _names("推行“首席质量官”制度。", Kind.QUALITY_SYSTEM) == {"首席质量官制度"}


# 8. a place starting another entity's name, a chain named only by generic words


def test_a_place_opening_a_programmes_name_is_no_place_mention() -> None:
    text = ("福州市市长质量管理奖（上接1版）\n截至去年底，累计有20家企业获得福州市市长质量管理奖。\n"
            "第三届福州市市长质量管理奖获奖单位\n1.福州恒远机械有限公司")
    assert _names(text, Kind.HONOUR, None) == {"福州市市长质量管理奖"}
    assert _names(text, Kind.PLACE, None) == set()
    assert _names(text + "\n福州市今年新增企业50家。", Kind.PLACE, None) == {"福州市"}  # a mention of its own stays


def test_a_chain_named_only_by_generic_words_is_none() -> None:
    text = "培育地方特色产业链，推动纺织服装产业链发展。"
    assert _names(text, Kind.INDUSTRY_CHAIN) == {"纺织服装产业链"}


def test_a_national_administrations_office_in_a_place_is_one_department() -> None:
    text = "联合市税务局、国家税务总局福州市税务局开展活动。"
    assert _names(text, Kind.DEPARTMENT) == {"福州市税务局", "国家税务总局福州市税务局"}
    text = "联合市邮政管理局、市烟草专卖局开展活动。"
    assert _names(text, Kind.DEPARTMENT) == {"福州市邮政管理局", "福州市烟草专卖局"}
