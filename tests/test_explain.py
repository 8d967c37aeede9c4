"""``qgraph explain``: every fact about one entity, each with its source sentence and document."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from qgraph.cli import main
from qgraph.errors import QueryError
from qgraph.explain import AmbiguousEntity, explain, find_entities, format_explanation
from qgraph.results import display

LI_ZHEN = "https://w3id.org/qgraph/id/person/li-zhen"
DOC_TITLE = "枣庄市召开“加强全面质量管理、促进质量强市建设”新闻发布会"


def test_a_person_by_label(mini_graph: Path) -> None:
    e = explain(mini_graph, "李震")
    assert e.iri == ox.NamedNode(LI_ZHEN)
    assert [t.value.value for t in e.types] == ["http://xmlns.com/foaf/0.1/Person"]
    assert {s.label for s in e.statements if s.predicate.value.endswith("#holds")} == {
        "枣庄市市场监督管理局副局长", "枣庄市市场监督管理局党组成员"}
    [source] = e.evidence
    assert source.exact == "李震" and "副局长李震" in source.sentence and source.title == DOC_TITLE
    facts = {f.iri.value.rsplit("/", 1)[-1]: f for f in e.facts}
    assert set(facts) == {"fu-juzhang", "dangzu-chengyuan", "zaozhuang-zhiliang-qiangshi-xinwen-fabuhui"}
    post = facts["fu-juzhang"]
    assert post.direction == "out" and post.link.value == "http://www.w3.org/ns/org#holds"
    assert any(s.label == "副局长" for s in post.statements)
    assert post.evidence and post.evidence[0].exact == "副局长"
    event = facts["zaozhuang-zhiliang-qiangshi-xinwen-fabuhui"]
    assert event.direction == "in" and event.link.value.endswith("#speaker")


def test_a_place_by_iri_lists_its_observations_and_listings(mini_graph: Path) -> None:
    for subject in ("qgplace:370481", "qgid:place/370481", "<https://w3id.org/qgraph/id/place/370481>",
                    "https://w3id.org/qgraph/id/place/370481", ox.NamedNode("https://w3id.org/qgraph/id/place/370481")):
        e = explain(mini_graph, subject)
        assert e.iri.value == "https://w3id.org/qgraph/id/place/370481"
    [listing] = [f for f in e.facts if f.link.value.endswith("#recipient")]
    assert listing.evidence[0].sentence == "滕州市入选国家质量强县(区、镇)培育库。"
    assert any(s.label == "国家质量强县(区、镇)培育库" for s in listing.statements)
    city = explain(mini_graph, "枣庄市")
    observations = [f for f in city.facts if f.link.value.endswith("#refArea")]
    assert len(observations) == 21  # 18 in the 2025 report, 3 in the 2024 one
    assert any("合格率为96.2%" in ev.sentence for f in observations for ev in f.evidence)
    assert {ev.title for f in observations for ev in f.evidence} == {DOC_TITLE, "枣庄市2024年质量工作情况（测试样例）"}


def test_a_label_naming_several_entities_lists_candidates(mini_graph: Path) -> None:
    with pytest.raises(AmbiguousEntity) as caught:
        explain(mini_graph, "市级质量监督抽查")
    assert len(caught.value.candidates) == 2
    assert "give one IRI" in str(caught.value) and "inspection/2" in str(caught.value)
    with pytest.raises(AmbiguousEntity, match="labels containing it") as partial:
        explain(mini_graph, "枣庄")
    assert "枣庄市" in {c.label for c in partial.value.candidates}
    with pytest.raises(QueryError, match="no entity is labelled"):
        explain(mini_graph, "不存在的机构")
    with pytest.raises(QueryError, match="nothing is known"):
        explain(mini_graph, "qgid:nothing")
    assert [c.label for c in find_entities(mini_graph, "上海交大")] == ["上海交通大学"]  # an alias


def test_text_and_json_output(mini_graph: Path) -> None:
    e = explain(mini_graph, "李震")
    text = format_explanation(e)
    assert text.splitlines()[0] == "李震  qgperson:li-zhen"
    assert "副局长李震在发布会上介绍" in text and f"— {DOC_TITLE}" in text
    data = json.loads(e.to_json())
    assert data["iri"] == LI_ZHEN and len(data["facts"]) == 3


def test_cli_explain(mini_graph: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["explain", "李震", "-g", str(mini_graph)])
    assert ok.exit_code == 0 and "org:holds" in ok.output and "副局长" in ok.output
    as_json = runner.invoke(main, ["explain", "qgid:person/li-zhen", "-g", str(mini_graph), "-f", "json"])
    assert json.loads(as_json.output)["iri"] == LI_ZHEN
    ambiguous = runner.invoke(main, ["explain", "市级质量监督抽查", "-g", str(mini_graph)])
    assert ambiguous.exit_code == 2 and "inspection/1" in ambiguous.output and "inspection/2" in ambiguous.output
    assert "Traceback" not in ambiguous.output


@pytest.mark.slow
def test_real_build_explains_the_pass_rate(sample_build: Path) -> None:
    e = explain(sample_build / "store", "李震")
    assert any("副局长" in (s.label or "") for s in e.statements)
    assert e.evidence and "李震" in e.evidence[0].sentence
    city = explain(sample_build / "graph.nq", "qgplace:370400")
    sentences = {ev.sentence for f in city.facts for ev in f.evidence}
    assert any("合格率为96.2%" in s for s in sentences)
    assert any("省级企业技术中心58家" in s for s in sentences)


def test_text_prints_each_sentence_once_and_each_fact_once(sample_build: Path) -> None:
    e = explain(sample_build / "graph.nq", "李震")
    text = format_explanation(e)
    sentence = e.evidence[0].sentence
    assert text.count(sentence[:30]) == 1  # printed once, then cited as "from [1]"
    assert "from [1]" in text
    posts = [f for f in e.facts if any(t.value.endswith("#Post") for t in f.types)]
    assert len(posts) == 2 and len({f.iri for f in e.facts}) == len(e.facts)
    assert all({d for _, d in f.links} == {"in", "out"} for f in posts)  # heldBy and holds: one entry
    assert sum(line.lstrip().startswith(display(posts[0].iri)) for line in text.splitlines()) == 1
