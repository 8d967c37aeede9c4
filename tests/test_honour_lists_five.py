"""Honour lists in more shapes: short brand names before a listing verb, a firm's quoted brand, a person
after an organisation and a post, projects closed by 等N个项目, numbered projects with their applicant under a
heading that extends an award's name, quotes that are items and not programmes — on our own sentences."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read, listed as _listed, programmes as _programmes

DATE = dt.date(2024, 5, 6)


def test_short_brand_names_before_a_brand_programme_are_brands():
    ex = read("某部近日确定了首批某国消费名品名单，湖北的甲牌、乙记、丙家纺入选首批某国消费名品，丁坊、戊味入选中国消费名品成长企业。",
              date=DATE)
    assert {("甲牌", "某国消费名品"), ("乙记", "某国消费名品"), ("丙家纺", "某国消费名品")} <= _listed(ex)
    assert {("丁坊", "中国消费名品成长企业"), ("戊味", "中国消费名品成长企业")} <= _listed(ex)
    kinds = {e.name: e.kind.value for e in ex.entities}
    assert kinds["甲牌"] == "Brand" and kinds["丁坊"] == "Enterprise"


def test_kinds_and_places_before_a_brand_programme_are_no_brands():
    assert not _listed(read("轻工行业、纺织行业入选首批某国消费名品。", date=DATE))
    assert not _listed(read("食品、医药入选首批某国消费名品。", date=DATE))
    assert not _listed(read("某地的甲牌、乙记入选首批某国消费名品。", date=DATE))  # a lead that is no place: unread


def test_a_firms_quoted_brand_leaves_the_firm_the_recipient():
    ex = read("某部公布首批某国消费名品名单，我市甲制药股份有限公司的“甲仙”品牌上榜。", date=DATE)
    assert ("甲制药股份有限公司", "某国消费名品") in _listed(ex)
    assert "甲仙" not in _programmes(ex)  # the firm's brand, no programme
    ex = read("其中甲制药股份有限公司的“甲仙”等6个北省品牌上榜首批某国消费名品。", date=DATE)
    assert ("甲制药股份有限公司", "某国消费名品") in _listed(ex)
    titled = read("甲制药股份有限公司的“甲仙”称号由某局授予。", date=DATE)
    assert not any(e.kind.value == "Brand" and e.name == "甲仙" for e in titled.entities)  # a title's word after it


def test_a_quote_that_entered_a_notice_list_is_no_programme():
    ex = read("我市甲丝绸有限公司的“甲染坊”、乙食品有限公司的“乙媳妇”进入公示名单。", date=DATE)
    assert not {"甲染坊", "乙媳妇", "公示"} & _programmes(ex)
    assert not _listed(ex)


def test_a_person_after_an_organisation_and_a_post_wins():
    ex = read("日前，首届中国质量奖揭晓，某区甲钻井总公司高级技师张某明获首届中国质量奖提名奖。", date=DATE)
    assert ("张某明", "中国质量奖提名奖") in _listed(ex)
    assert not any(r.name == "甲钻井总公司" for x in ex.listings for r in x.recipients)


def test_projects_closed_by_a_count_of_projects():
    ex = read("云南甲江小湾水电站、中国乙航天发射场等15个项目获得国家质量工程金奖，厦门丙柔性输电示范工程等307个项目"
              "获得国家质量工程奖。", date=DATE)
    assert {("云南甲江小湾水电站", "国家质量工程金奖"), ("中国乙航天发射场", "国家质量工程金奖"),
            ("厦门丙柔性输电示范工程", "国家质量工程奖")} <= _listed(ex)
    assert not _listed(read("质量提升、品牌建设等15个项目获得国家质量工程奖。", date=DATE))  # no work's name
    assert not _listed(read("质量提升工程、品牌建设工程等15个项目获得国家质量工程奖。", date=DATE))  # kinds of work


def test_a_numbered_project_with_its_applicant_under_an_extended_heading():
    text = ("决定授予甲科技股份有限公司等2家组织“全国质量奖”。现将名单公布如下：\n"
            "一、全国质量奖（2家）\n1.甲科技股份有限公司\n2.乙电器股份有限公司\n"
            "二、全国质量奖卓越项目奖（1个）\n1.某型变速器研发及产业化（申报单位：丙传动股份有限公司）\n")
    ex = read(text, date=DATE)
    assert ("丙传动股份有限公司", "全国质量奖卓越项目奖") in _listed(ex)
    assert ("丙传动股份有限公司", "全国质量奖") not in _listed(ex)  # the heading's own award, not the one it starts with
    assert "全国质量奖卓越项目奖" in _programmes(ex)


def test_a_heading_that_extends_an_award_by_no_grade_names_nothing():
    text = ("授予甲科技股份有限公司“全国质量奖”。\n二、全国质量奖获奖项目说明\n"
            "1.某型变速器研发（申报单位：丙传动股份有限公司）\n")
    assert ("丙传动股份有限公司", "全国质量奖") not in _listed(read(text, date=DATE))


def test_a_particle_after_the_verb_is_no_part_of_an_unquoted_award():
    ex = read("自1981年评审开始以来，共有2949个项目获得了国家质量工程奖。", date=DATE)
    assert "了国家质量工程奖" not in _programmes(ex)


def test_a_count_of_applicants_with_an_approximate_lead_reads_without_error():
    read("从近400家申报企业中遴选出甲有限公司、乙有限公司等10家企业为“某省名品”。", date=DATE)
    read("市局从约三百家申报企业中遴选出20家，授予“某市名品”称号。", date=DATE)


def test_steps_of_a_procedure_with_a_notice_do_not_make_a_grant_a_candidate_list():
    ex = read("经自愿申报、受理公示、现场评审、拟奖公示等程序，决定授予甲生物科技有限公司等1家单位第十届某市市长质量奖。",
              place="某市", date=DATE)
    assert any(r.name == "甲生物科技有限公司" for x in ex.listings for r in x.recipients)
    ex = read("经专家评审、网上公示等程序，拟授予甲生物科技有限公司等1家单位“某市市长质量奖”。", date=DATE)
    assert not any(r.name == "甲生物科技有限公司" for x in ex.listings for r in x.recipients)


def test_a_naming_with_the_batch_in_brackets_after_the_title():
    ex = read("现认定宁波甲金属制品有限公司、宁波乙科技发展有限公司等8家企业为宁波市三星级绿色工厂（第三批）。", date=DATE)
    assert {("宁波甲金属制品有限公司", "宁波市三星级绿色工厂"), ("宁波乙科技发展有限公司", "宁波市三星级绿色工厂")} <= _listed(ex)
    assert "绿色工厂" not in _programmes(ex)  # the lexicon's name of no level is part of the placed one


def test_a_table_between_bars_lists_each_rows_firm_in_the_programme_of_its_cell():
    text = ("宁波市三星级绿色工厂名单（第三批）\n序号 | 乡镇街道 | 单位名称 | 类型 | 备注 |\n"
            "1 | 甲镇 | 宁波甲金属制品有限公司 | 宁波市三星级绿色工厂 | 2019年宁波市节水型企业 |\n"
            "2 | 乙镇 | 宁波丙纸业有限公司 | 宁波市三星级绿色工厂 | 2019年宁波市节水型企业 |\n")
    ex = read(text, date=DATE)
    assert {("宁波甲金属制品有限公司", "宁波市三星级绿色工厂"), ("宁波丙纸业有限公司", "宁波市三星级绿色工厂")} <= _listed(ex)
    assert all(x.year != "2019" for x in ex.listings)  # the remark column dates nothing


def test_a_list_at_a_notice_stage_names_its_programme_and_lists_no_one():
    ex = read("日前，某部就2021年度绿色制造名单开展公示，本市甲水泥有限公司、乙硅胶有限公司列入国家绿色工厂公示名单。",
              date=DATE)
    assert "国家绿色工厂" in _programmes(ex) and "国家绿色工厂公示" not in _programmes(ex)
    assert not _listed(ex)


def test_a_grants_short_names_are_read_when_each_count_agrees():
    ex = read("省政府研究决定，授予甲港、乙动力、丙轮胎3个企业和王某信、李某华2人2009年度山东省省长质量奖。", date=DATE)
    assert {("甲港", "山东省省长质量奖"), ("丙轮胎", "山东省省长质量奖"), ("王某信", "山东省省长质量奖"),
            ("李某华", "山东省省长质量奖")} <= _listed(ex)
    ex = read("省政府研究决定，授予甲港、乙动力4个企业2009年度山东省省长质量奖。", date=DATE)  # 2 names for 4
    assert not any(r.name in ("甲港", "乙动力") for x in ex.listings for r in x.recipients)


def test_a_person_after_posts_who_rongying_a_quoted_title():
    ex = read("甲集团党委书记、董事长张某奎荣膺“2009年度山东省省长质量奖”称号。", date=DATE)
    assert ("张某奎", "山东省省长质量奖") in _listed(ex)
    assert not any(r.name == "甲集团" for x in ex.listings for r in x.recipients)


def test_excellence_and_innovation_grades_are_programmes_of_their_own():
    ex = read("市政府决定：授予甲码头有限责任公司等1家单位第七届青岛市市长质量奖卓越奖；"
              "授予乙科技股份有限公司等1家单位第七届青岛市市长质量奖创新奖。", date=DATE)
    assert {("甲码头有限责任公司", "青岛市市长质量奖卓越奖"), ("乙科技股份有限公司", "青岛市市长质量奖创新奖")} <= _listed(ex)
    assert not any(p == "青岛市市长质量奖" for _, p in _listed(ex))


def test_a_clause_describing_the_winners_is_no_part_of_them():
    ex = read("经组织推荐、资料评审和审议公示等规定评审程序，授予排名前两名的甲光伏材料有限公司、乙光电科技股份有限公司"
              "“2018年某区区长质量奖”；授予丙光纤科技有限公司“2018年某区质量管理先进单位”称号。", date=DATE)
    assert {("甲光伏材料有限公司", "某区区长质量奖"), ("乙光电科技股份有限公司", "某区区长质量奖"),
            ("丙光纤科技有限公司", "某区质量管理先进单位")} <= _listed(ex)


def test_a_grants_winners_running_over_a_semicolon_checked_by_the_count():
    ex = read("市政府决定：授予甲通讯股份有限公司、乙药业集团股份有限公司；丙乳业有限公司、丁电子设备有限责任公司等4家单位"
              "第七届青岛市市长质量奖提名奖。", date=DATE)
    assert {(n, "青岛市市长质量奖提名奖") for n in ("甲通讯股份有限公司", "乙药业集团股份有限公司", "丙乳业有限公司",
                                               "丁电子设备有限责任公司")} <= _listed(ex)
    ex = read("市政府决定：授予甲通讯股份有限公司、乙药业集团股份有限公司；丙乳业有限公司、丁电子设备有限责任公司等7家单位"
              "第七届青岛市市长质量奖提名奖。", date=DATE)
    assert ("甲通讯股份有限公司", "青岛市市长质量奖提名奖") not in _listed(ex)  # four names for seven: unread


def test_names_one_per_line_under_a_numbered_heading_of_a_quoted_programme():
    text = ("现决定对7家企业授予“2008年度某市质量金奖企业”荣誉称号。名单如下：\n一、2008年度某市质量金奖企业\n"
            "某市甲电机厂有限公司\n某市乙工程设计研究院\n（以下为复评企业）\n某市丙出租汽车有限公司\n")
    ex = read(text, date=DATE)
    listed = _listed(ex)
    assert {("某市甲电机厂有限公司", "某市质量金奖企业"), ("某市丙出租汽车有限公司", "某市质量金奖企业")} <= listed
    assert all(x.year == "2008" for x in ex.listings if x.recipients)
    assert not _listed(read("一、2008年度工作回顾\n某市甲电机厂有限公司\n", date=DATE))  # a heading naming no programme


def test_an_award_after_the_reports_own_place_and_a_year_is_the_places():
    ex = read("最终荣获我市2015年度市长质量奖的单位和个人分别是：甲集团有限公司、乙曲轴股份有限公司2家企业，"
              "丙集团有限公司董事长、总裁王某春1名个人。", place="威海市", date=DATE)
    listed = _listed(ex)
    assert {("甲集团有限公司", "威海市市长质量奖"), ("王某春", "威海市市长质量奖")} <= listed
    assert ("丙集团有限公司", "威海市市长质量奖") not in listed  # the winner's employer wins nothing
    assert "我市2015年度市长质量奖" not in _programmes(ex)


def test_people_after_their_posts_joined_before_a_count_of_people():
    ex = read("甲汽车有限公司总经理刘某东与乙钢铁有限公司董事长谢某华等10人被授予“中国杰出质量人”称号。", date=DATE)
    assert {("刘某东", "中国杰出质量人"), ("谢某华", "中国杰出质量人")} <= _listed(ex)
    assert not any(r.name.endswith("有限公司") for x in ex.listings for r in x.recipients)


def test_a_holder_named_after_a_clause_of_what_it_won():
    ex = read("据悉，已获得江西省政府质量奖的甲涂料股份有限公司同时享受南昌市政府质量奖获奖企业待遇。", date=DATE)
    assert ("甲涂料股份有限公司", "江西省政府质量奖") in _listed(ex)
    assert ("甲涂料股份有限公司", "南昌市政府质量奖") not in _listed(ex)
    assert not _listed(read("未获得江西省政府质量奖的甲涂料股份有限公司可以申报。", date=DATE))


def test_people_listed_with_their_organisation_and_posts_after_a_semicolon():
    text = ("第十届潍坊市市长质量奖获奖个人包括：甲化工集团有限公司党委书记、董事长孙某波；乙酒业有限公司常务副总、"
            "总工程师潘某森；丙油脂股份有限公司董事长崔某福。")
    ex = read(text, place="潍坊市", date=DATE)
    listed = {r for r, _ in _listed(ex)}
    assert {"孙某波", "潘某森", "崔某福"} <= listed and not any(n.endswith("公司") for n in listed)
    assert any(p.person.name == "潘某森" and p.role == "总工程师" and p.organization.name == "乙酒业有限公司"
               for p in ex.posts)
    odd = read("第十届潍坊市市长质量奖获奖个人包括：甲化工集团有限公司党委书记孙某波；有关部门负责人。", place="潍坊市", date=DATE)
    assert "孙某波" not in {r for r, _ in _listed(odd)}  # an item that is no person stops the list


def test_a_grant_after_dui_with_works_people_and_a_clause_of_merit():
    text = ("决定对甲航天集团公司基于缺陷“闭环追溯”的过程管理方法、乙家电集团公司以“用户共创”为核心的质量经营模式和"
            "为推广卓越绩效管理作出重要贡献的中国工程院院士刘某张先生授予首届中国质量奖。"
            "对丙投资控股有限公司、丁不锈钢股份有限公司等43个组织，以及戊液压气动有限公司工段长李某等3名个人，"
            "在推进质量管理创新等方面所作的贡献，授予首届中国质量奖提名奖。")
    listed = _listed(read(text, date=DATE))
    assert {("甲航天集团公司", "中国质量奖"), ("乙家电集团公司", "中国质量奖"), ("刘某张", "中国质量奖"),
            ("丙投资控股有限公司", "中国质量奖提名奖"), ("丁不锈钢股份有限公司", "中国质量奖提名奖")} <= listed
    assert not any(r in ("中国工程院", "戊液压气动有限公司") for r, _ in listed)  # the people's employers
    assert not _listed(read("针对甲有限公司存在的问题，授予整改期限。", date=DATE))


def test_quoted_titles_after_counts_of_people_in_a_selection():
    ex = read("经专家评审，评选出了10位“某国杰出质量人”、13位“某国优秀质量人”。", date=DATE)
    assert {"某国杰出质量人", "某国优秀质量人"} <= _programmes(ex)
    assert "某国优秀质量人" not in _programmes(read("会上，13位“某国优秀质量人”作了发言。", date=DATE))


def test_an_award_of_a_place_the_gazetteer_does_not_know_written_with_its_level_twice():
    assert "甲丘市市长质量奖" in _programmes(read("首届甲丘市市长质量奖评审工作已经完成。", date=DATE))
    assert not any(p.startswith("全市") for p in _programmes(read("全市市长质量奖获奖企业达到20家。", date=DATE)))


def test_holders_listed_after_a_relative_clause_and_a_head_noun():
    ex = read("市政府研究决定，对2007年首次获得“中国名牌产品”称号的产品生产企业甲米业有限公司、乙面业有限公司各给予奖励50万元。",
              date=DATE)
    assert {("甲米业有限公司", "中国名牌产品"), ("乙面业有限公司", "中国名牌产品")} <= _listed(ex)
    assert not any(r.startswith("产品") for r, _ in _listed(ex))


def test_a_listing_in_a_clause_naming_a_notice_list_is_a_candidacy():
    ex = read("某市进入湖北名牌产品初选公示名单的产品分别是：甲实业有限公司生产的“某牌”藕粉。", date=DATE)
    assert not _listed(ex)


def test_a_quote_before_the_kind_of_list_it_names_stays_the_lists_name():
    ex = read("一、“某省品牌示范企业”入选名单\n1. 合肥甲精密机械有限公司\n2. 安徽乙农业科技股份有限公司\n", "合肥市", date=DATE)
    assert ("合肥甲精密机械有限公司", "某省品牌示范企业") in _listed(ex)
