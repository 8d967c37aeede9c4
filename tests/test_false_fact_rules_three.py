"""Rules of the last merged rounds that stated false facts on sentences they were not written for:
each on our own minimal sentences, with the sentence the rule was written for still read as before."""

from extraction_helpers import read


def _honours(ex):
    return {e.name for e in ex.entities if e.kind.name == "HONOUR"}


def test_placed_quote_after_a_verb_is_no_placed_name():
    # 组织 / 推荐 between a place and a quote is a verb, no sector: the honour is not 扬州市组织十佳名品
    ex = read("扬州市组织“十佳名品”评选，共有30家企业参评。", place="扬州市")
    assert not any("组织" in n for n in _honours(ex))
    ex = read("江苏省推荐“质量标杆”企业8家，其中扬州市3家。", place="扬州市")
    assert not any("推荐" in n for n in _honours(ex))


def test_placed_quote_with_a_sector_still_named_in_full():
    ex = read("某省绿色食品“十强企业”名单公布。甲公司入选“十强企业”。", place="扬州市")
    assert not any("推荐" in n or "组织" in n for n in _honours(ex))


def test_co_recipients_after_another_honour_named_between():
    # 同时获评的还有 follows a clause naming another award: the places are not the first listing's recipients
    ex = read("扬州市甲公司入选“省级质量标杆”，在市长质量奖评选中，同时获评的还有仪征市、高邮市。", place="扬州市")
    assert not any(r.name in ("仪征市", "高邮市") for x in ex.listings for r in x.recipients)


def test_co_recipients_still_read_right_after_the_listing():
    ex = read("扬州市甲公司入选“省级质量标杆”，同时入选的还有仪征市、高邮市。", place="扬州市")
    assert any(r.name == "仪征市" for x in ex.listings if x.programme.name == "省级质量标杆" for r in x.recipients)


def test_a_list_of_offenders_written_with_bang_is_no_honour():
    # 榜 is a list word now: a 黑榜 or 曝光榜 is a list of offenders, no honour a firm is listed into
    for text in ("扬州市甲公司入选质量黑榜，被责令整改。", "扬州市甲公司入选2023年产品质量曝光榜。"):
        ex = read(text, place="扬州市")
        assert not ex.listings and not _honours(ex)


def test_a_ranking_written_with_bang_is_still_entered():
    ex = read("扬州市甲公司入选2023中国品牌价值百强榜。", place="扬州市")
    assert any("百强榜" in x.programme.name for x in ex.listings)
