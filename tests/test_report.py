"""qgraph report: one self-contained HTML file, escaped, with the figures of the build."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from qgraph.cli import main

INJECTED = """---
title: 某市<script>alert("title")</script>质量通报
date: 2025-03-01
place: 枣庄市
---
枣庄市<script>alert(1)</script>开展市级质量监督抽查300批次，合格率为97.5%。<img src=x onerror=alert(2)>
"""


class _Page(HTMLParser):
    """Collects the tags, ids, links and resource references of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if a.get("href"):
            self.hrefs.append(a["href"] or "")
        for name in ("src", "srcset", "data", "poster", "xlink:href"):
            if a.get(name):
                self.sources.append(a[name] or "")


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def two_report(two_reports_html: Path) -> str:
    return two_reports_html.read_text(encoding="utf-8")


def test_report_is_self_contained_chinese_and_offline(two_report: str) -> None:
    assert two_report.startswith("<!doctype html>\n<html lang=\"zh\">")
    page = parse(two_report)
    assert "script" not in page.tags and "link" not in page.tags and "iframe" not in page.tags
    assert page.sources == []  # nothing to fetch
    assert all(h.startswith("#") for h in page.hrefs)
    missing = {h[1:] for h in page.hrefs} - page.ids
    assert not missing, f"links to sections that are not in the page: {sorted(missing)[:5]}"
    assert "default-src 'none'" in two_report  # the CSP forbids any fetch, should one slip in
    assert "Noto Sans CJK SC" in two_report
    assert re.search(r"https?://(?!w3id\.org/|www\.w3\.org/2000/svg|purl\.org/|schema\.org/)", two_report) is None


def test_report_shows_the_figures_over_time(two_report: str) -> None:
    assert "抽查合格率 pass rate：95.1% → 96.2%" in two_report
    assert "省级企业技术中心（家）：52 → 58" in two_report
    assert "SHACL: conforms (0 violations)" in two_report
    assert two_report.count('<svg class="chart"') >= 8
    # every figure with its source sentence; the market-regulation bureau is drawn and explained
    assert "截至目前，枣庄市共有省级企业技术中心52家、工程研究中心11家。" in two_report
    assert "机构与名单网络" in two_report and ">枣庄市市场监督管理局</text>" in two_report
    assert re.search(r'<article class="entity" id="e-[0-9a-f]{12}"><h3>枣庄市市场监督管理局</h3>', two_report)


def test_report_of_the_sample(sample_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--build", str(sample_build), "-o", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "96.2%" in html and "SHACL: not checked" in html and "石榴产业链" in html


def test_text_from_documents_is_escaped(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / "injected.txt"
    doc.parent.mkdir()
    doc.write_text(INJECTED, encoding="utf-8")
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(doc.parent), "-o", str(tmp_path / "out")])
    assert (tmp_path / "out" / "store").is_dir(), built.output
    result = runner.invoke(main, ["report", "--build", str(tmp_path / "out"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    page = parse(html)
    assert "script" not in page.tags and "img" not in page.tags and page.sources == []
    assert "<script" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, in the source sentence
    assert "97.5%" in html


def test_missing_build_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--build", str(tmp_path / "none"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.output.startswith("qgraph: error: ") and result.output.count("\n") == 1
    assert not (tmp_path / "r.html").exists()


def test_a_build_without_facts_still_gets_a_report(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / "plain.txt"
    doc.parent.mkdir()
    doc.write_text("---\ntitle: 天气\ndate: 2025-01-01\n---\n今天天气很好。\n", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["build", str(doc.parent), "-o", str(tmp_path / "out")])
    result = runner.invoke(main, ["report", "--build", str(tmp_path / "out"), "--no-validate"])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")  # the default: in the build directory
    assert "No organisation or programme is linked to another." in html and "天气" in html
    analysis = runner.invoke(main, ["analyze", "--build", str(tmp_path / "out")])
    assert analysis.exit_code == 0 and "0 nodes, 0 edges" in analysis.output


def test_charts_are_well_formed_svg_with_escaped_text() -> None:
    import xml.etree.ElementTree as ET

    import networkx as nx

    from qgraph import svgcharts

    hostile = '<b onload="x()">&amp;'
    g = nx.Graph()
    g.add_node("a", label=hostile, kind="Enterprise")
    g.add_node("b", label="好品山东", kind="HonourProgramme")
    g.add_edge("a", "b", weight=2)
    charts = [svgcharts.bar_chart([(hostile, 3.0), ("省级", 0.0)], unit="%"),
              svgcharts.line_chart([("2024-09-20", 95.1)]), svgcharts.line_chart([("a", 1.0), ("b", 1.0), ("c", 2.5)]),
              svgcharts.network_chart(g, href=lambda iri: f"#{iri}"), svgcharts.network_chart(nx.Graph())]
    for svg in charts:
        root = ET.fromstring(svg)  # well formed
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "<b " not in svg
    assert "&lt;b onload=&quot;x()&quot;&gt;&amp;amp;" in charts[0] and "&lt;b onload" in charts[3]
    assert svgcharts.layout(g) == svgcharts.layout(g)  # deterministic
