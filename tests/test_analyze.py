"""qgraph.analyze on real builds: projections, centrality, communities, rankings, series, exports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from qgraph import analyze as an
from qgraph.cli import main
from qgraph.resolve import entity_iri

MARKET = "枣庄市市场监督管理局"


def labels(central: tuple[an.Central, ...]) -> list[str]:
    return [c.label for c in central]


def test_market_regulation_bureau_is_the_most_central_organisation(sample_build: Path) -> None:
    found = an.analyze(sample_build, projection="organisations", top=5)
    assert found.central[0].label == MARKET
    # it co-issued four policies with five departments and spoke at the press conference
    assert found.central[0].betweenness > max(c.betweenness for c in found.central[1:])
    assert MARKET in labels(an.analyze(sample_build, projection="network", top=3).central)


def test_two_reports_series_and_rankings(two_reports_build: Path) -> None:
    found = an.analyze(two_reports_build, projection="network")
    series = {(s.place_label, s.measure_label, s.level): [(p.date, p.value) for p in s.points] for s in found.series}
    assert series[("枣庄市", "合格率", "市级")] == [("2024-09-20", 95.1), ("2025-09-19", 96.2)]  # a 市级 check's rate
    assert series[("枣庄市", "企业技术中心", "省级")] == [("2024-09-20", 52.0), ("2025-09-19", 58.0)]
    zaozhuang = next(r for r in found.rankings if r.label == "枣庄市")
    assert (zaozhuang.pass_rate, zaozhuang.batches, zaozhuang.reported) == (96.2, 685.0, "2025-09-19")
    assert found.rankings[0] == zaozhuang  # most honours won
    assert MARKET in labels(found.central[:3])


def test_projections_mean_what_their_documentation_says(two_reports_build: Path) -> None:
    facts = an.read_facts(two_reports_build / "store")
    for name in an.PROJECTIONS:
        assert f"``{name}``" in an.__doc__
        g = an.project(facts, name)
        assert g.number_of_nodes() > 0, name
        for _, data in g.nodes(data=True):
            assert data["iri"].startswith("https://w3id.org/qgraph/") and data["label"], (name, data)
    by_label = lambda g: {d["label"]: n for n, d in g.nodes(data=True)}  # noqa: E731
    places = an.project(facts, "places")
    p = by_label(places)
    assert places.has_edge(p["滕州市"], p["枣庄市"]) and places.has_edge(p["枣庄市"], p["山东省"])
    assert places.nodes[p["枣庄市"]]["documents"] == 2
    chains = an.project(facts, "chains")
    c = by_label(chains)
    assert chains.edges[c["石榴产业链"], c["枣庄市"]]["level"] == "National"
    listings = an.project(facts, "listings")
    li = by_label(listings)
    assert listings.has_edge(li["滕州市"], li["国家质量强县（区、镇）培育库"])
    orgs = an.project(facts, "organisations")
    o = by_label(orgs)
    assert "co-issuers" in orgs.edges[o[MARKET], o["枣庄市科学技术局"]]["relation"]
    assert "co-organisers" in orgs.edges[o[MARKET], o["枣庄市人民政府新闻办公室"]]["relation"]
    assert "one list" in orgs.edges[o["上海交通大学"], o["国家机床质检中心"]]["relation"]


def test_communities_are_deterministic(two_reports_build: Path) -> None:
    first = an.analyze(two_reports_build, projection="organisations")
    second = an.analyze(two_reports_build, projection="organisations")
    assert first.communities == second.communities
    departments = next(c for c in first.communities if any(first.graph.nodes[n]["label"] == MARKET for n in c))
    assert {first.graph.nodes[n]["label"] for n in departments} >= {MARKET, "枣庄市科学技术局", "枣庄市农业农村局"}


def test_exports_are_byte_identical_across_runs(two_reports_build: Path) -> None:
    """The engine's row order and Python's string hashing change from process to process; outputs must not."""
    def export() -> bytes:
        return subprocess.run([sys.executable, "-c", "from qgraph.cli import main; main()", "analyze", "--build",
                               str(two_reports_build), "--format", "gexf"], capture_output=True, check=True).stdout

    first = export()
    assert first == export() and b"lastmodifieddate" not in first  # networkx would stamp today's date


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_load_back_with_iris_and_labels(two_reports_build: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"network.{fmt}"
    result = CliRunner().invoke(main, ["analyze", "--build", str(two_reports_build), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = an.analyze(two_reports_build).graph
    if fmt == "graphml":
        back = nx.read_graphml(out)
    elif fmt == "gexf":
        back = nx.read_gexf(out)
    else:
        back = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8"))["graph"], edges="links")
    assert (back.number_of_nodes(), back.number_of_edges()) == (g.number_of_nodes(), g.number_of_edges())
    if fmt != "gexf":  # GEXF has no graph attributes
        assert back.graph["projection"] == "network"
    market = next(n for n, d in back.nodes(data=True) if d.get("label") == MARKET)
    assert back.nodes[market]["iri"] == str(entity_iri("org", MARKET))
    assert back.nodes[market]["kind"] == "GovernmentDepartment"
    assert all(d.get("weight", 0) >= 1 for _, _, d in back.edges(data=True))


def test_cli_table_json_and_errors(two_reports_build: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(main, ["analyze", "--build", str(two_reports_build), "--projection", "organisations", "--top", "3"])
    assert table.exit_code == 0, table.output
    assert "most central" in table.output and MARKET in table.output.split("communities")[0]
    assert "52 (2024-09-20) → 58 (2025-09-19)" in table.output
    data = json.loads(runner.invoke(main, ["analyze", "--build", str(two_reports_build), "-f", "json"]).output)
    assert data["central"][0]["label"] == MARKET and data["projection"] == "network"
    missing = runner.invoke(main, ["analyze", "--build", str(tmp_path / "nothing")])
    assert missing.exit_code == 2
    assert missing.output.startswith("qgraph: error: ") and "nothing" in missing.output and "Traceback" not in missing.output
