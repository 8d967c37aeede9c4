"""A place glued to the name of an actor the lexicon does not know (:mod:`qgraph.extract.unnamed_actors`),
on our own sentences: a cluster's or an unlisted company's figure is not the place's (inferred); the
place's own counts of clusters, of a trade's firms, and of what it added stay its."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 5, 1)


def _read(text: str):
    return read(text, place="南宁市", date=DATE)


def test_an_unknown_actors_figure_is_not_the_places() -> None:
    assert low(fig(_read("南宁甲乙新材料产业集群集聚企业50家。"), "50"))
    assert low(fig(_read("柳州丙丁汽车全年产值达到120亿元。"), "12000000000"))
    assert low(fig(_read("南宁戊己联合体成员单位达到18家。"), "18"))


def test_the_places_own_counts_stay_its() -> None:
    for text, value in (("南宁新增产业集群企业60家。", "60"), ("南宁汽车企业40家。", "40"),
                        ("全市培育产业集群5个，集聚企业300家。", "5")):
        o = fig(_read(text), value)
        assert o.subject is not None and o.subject.name == "南宁市" and not low(o), (text, o)
