"""The HTML report and the `serve` query page in a real headless chromium (Debian's), driven over
the DevTools protocol (tests/cdp.py): charts rendered, nothing fetched from the network, no
console errors. Screenshots are kept where ``QGRAPH_SCREENSHOTS`` points (a directory), else in
pytest's temporary directory: writing them into ``out/`` made the next plain ``qgraph build`` refuse
an ``out/`` it had not made.

`.ci/run` installs chromium and fonts-noto-cjk; where that cannot be done these tests are skipped
with the reason.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cdp import Browser, find_chromium

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                "(.ci/run installs it with apt-get: chromium fonts-noto-cjk)")

CHARTS = """[...document.querySelectorAll('svg.chart')].map(svg => {
  const r = svg.getBoundingClientRect();
  const shapes = [...svg.querySelectorAll('rect, circle, polyline, line')].filter(s => {
    const b = s.getBoundingClientRect(); return b.width > 0 || b.height > 0; });
  const texts = [...svg.querySelectorAll('text')].filter(t => t.getBBox().width > 0);
  return {label: svg.getAttribute('aria-label'), width: r.width, height: r.height,
          shapes: shapes.length, texts: texts.length};
})"""


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go."""
    kept = os.environ.get("QGRAPH_SCREENSHOTS")
    if not kept:
        return tmp_path_factory.mktemp("screenshots")
    Path(kept).mkdir(parents=True, exist_ok=True)
    return Path(kept)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM, width=1200, height=1400) as b:
        yield b


def test_report_renders_offline_in_chromium(browser: Browser, two_reports_html: Path, shots: Path) -> None:
    browser.events.clear()
    browser.navigate(two_reports_html.as_uri())
    browser.drain()
    charts = browser.evaluate(CHARTS)
    assert len(charts) >= 8
    for chart in charts:
        assert chart["width"] > 100 and chart["height"] > 20, chart
        assert chart["shapes"] >= 1 and chart["texts"] >= 1, chart
    assert any(c["label"] == "organisation–programme network" and c["shapes"] > 20 for c in charts)
    requests = browser.requests()
    assert requests and all(u.startswith(("file://", "data:")) for u in requests), requests
    assert browser.errors() == []
    text = browser.evaluate("document.body.innerText")
    assert "95.1% → 96.2%" in text and "52 → 58" in text
    assert browser.evaluate("document.documentElement.lang") == "zh"
    # Chinese is drawn with a CJK font (fonts-noto-cjk), in the page and in the charts' SVG text
    for selector in ("header h1", "svg.chart text"):
        fonts = browser.fonts_of(selector)
        assert any("CJK" in f for f in fonts), (selector, fonts)
    browser.screenshot(shots / "report.png", height=2050)  # the overview and the first place's charts
    browser.evaluate("document.getElementById('network').scrollIntoView()")
    browser.screenshot(shots / "report-network.png")


def test_report_links_open_the_explain_view(browser: Browser, two_reports_html: Path) -> None:
    browser.navigate(two_reports_html.as_uri())
    href = browser.evaluate("""(() => { const a = [...document.querySelectorAll('#network svg a')]
        .find(a => a.textContent.includes('枣庄市市场监督管理局')); return a.getAttribute('href'); })()""")
    browser.click(f'#network svg a[href="{href}"] circle')
    time.sleep(0.2)
    assert browser.evaluate("location.hash") == href
    shown = browser.evaluate(f"""(() => {{ const e = document.querySelector('{href}');
        const r = e.getBoundingClientRect(); return [e.querySelector('h3').textContent, Math.round(r.top)]; }})()""")
    assert shown[0] == "枣庄市市场监督管理局" and abs(shown[1]) < 5
    assert "李震" in browser.evaluate(f"document.querySelector('{href}').innerText")


@pytest.fixture
def served(sample_build: Path) -> Iterator[str]:
    """A real `qgraph serve` on a free 127.0.0.1 port; yields its address."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from qgraph.cli import main; main()", "serve", "--port", "0",
         "--build", str(sample_build)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert found, f"qgraph serve said: {line!r}"
        yield found.group(0)
    finally:
        process.kill()
        process.wait(timeout=10)


def test_serve_query_page(browser: Browser, served: str, shots: Path) -> None:
    browser.events.clear()
    browser.navigate(served)
    query = 'SELECT ?name WHERE { ?o a qg:GovernmentDepartment ; rdfs:label ?name FILTER(LANG(?name) = "zh") } ORDER BY ?name'
    browser.type_into("#query", query)
    assert browser.evaluate("document.getElementById('query').value") == query
    browser.click("#form button")
    deadline = time.monotonic() + 30
    rows: list[list[str]] = []
    while time.monotonic() < deadline and not rows:
        rows = browser.evaluate("[...document.querySelectorAll('#result table tr')].map(tr => "
                                "[...tr.cells].map(c => c.textContent))")
        time.sleep(0.1)
    assert rows, (browser.evaluate("document.getElementById('status').textContent"), browser.errors(),
                  browser.requests())
    assert rows[0] == ["name"]
    assert ["枣庄市市场监督管理局"] in rows[1:] and len(rows) == 7, json.dumps(rows, ensure_ascii=False)
    browser.drain()
    assert all(u.startswith(served) for u in browser.requests()), browser.requests()
    assert not any("?query=" in u for u in browser.requests())   # the page's script ran: no plain form GET
    assert browser.errors() == []   # nor a 404 for the browser's own favicon request
    browser.screenshot(shots / "serve.png")
