"""``qgraph serve``: a read-only SPARQL endpoint over the built store, and its query page."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from qgraph import store
from qgraph.serve import SparqlServer, make_server
from rdf_samples import make_dataset
from serve_helpers import serving

LABEL_QUERY = 'SELECT DISTINCT ?label WHERE { ?org a qg:GovernmentDepartment ; rdfs:label ?label FILTER(lang(?label) = "zh") }'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    out = tmp_path_factory.mktemp("serve") / "out"
    store.publish(make_dataset(), out)
    srv = make_server(out / "store", port=0)
    with serving(srv):
        yield srv


def call(server: SparqlServer, path: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    req = urllib.request.Request(server.url.rstrip("/") + path, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8")


def test_select_over_get_answers_json(server: SparqlServer) -> None:
    status, kind, body = call(server, "/sparql?" + urllib.parse.urlencode({"query": LABEL_QUERY}))
    assert status == 200 and kind.startswith("application/sparql-results+json")
    rows = json.loads(body)["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["枣庄市市场监督管理局"]


@pytest.mark.parametrize(
    ("accept", "media", "marker"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
        ("text/csv", "text/csv", "label\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values", "?label\n"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json", '"bindings"'),
    ],
)
def test_select_over_post_by_accept_header(server: SparqlServer, accept: str, media: str, marker: str) -> None:
    body = urllib.parse.urlencode({"query": LABEL_QUERY}).encode()
    status, kind, text = call(server, "/sparql", data=body, headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and kind.startswith(media)
    assert marker in text and "枣庄市市场监督管理局" in text


def test_direct_post_and_count_over_union(server: SparqlServer) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _, text = call(server, "/sparql?format=csv", data=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200
    assert list(csv.reader(io.StringIO(text)))[1] == ["42"]


def test_construct_answers_turtle(server: SparqlServer) -> None:
    query = "CONSTRUCT { ?s a qg:Observation } WHERE { ?s a qg:Observation }"
    status, kind, text = call(server, "/sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 200 and kind.startswith("text/turtle") and "Observation" in text


@pytest.mark.parametrize(
    ("data", "content_type", "path"),
    [
        (b"INSERT DATA { <http://a> <http://b> <http://c> }", "application/sparql-update", "/sparql"),
        (b"update=DROP%20ALL", "application/x-www-form-urlencoded", "/sparql"),
        (b"query=DROP%20ALL", "application/x-www-form-urlencoded", "/sparql"),
        (b"query=" + urllib.parse.quote("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }").encode(), "application/x-www-form-urlencoded", "/sparql"),
        (b"query=" + urllib.parse.quote("LOAD <http://127.0.0.1:9/x.ttl>").encode(), "application/x-www-form-urlencoded", "/sparql"),
    ],
)
def test_updates_service_and_load_are_refused(server: SparqlServer, data: bytes, content_type: str, path: str) -> None:
    status, _, text = call(server, path, data=data, headers={"Content-Type": content_type})
    assert status == 403, text
    assert "updates are refused" in text or "never fetches remote URLs" in text
    assert "--allow" not in text
    _, _, count = call(server, "/sparql?format=csv&" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}))
    assert count.splitlines()[1] == "42"


def test_bad_queries_are_400_with_a_message(server: SparqlServer) -> None:
    status, kind, text = call(server, "/sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x"}))
    assert status == 400 and kind.startswith("text/plain") and text.strip()
    assert call(server, "/sparql")[0] == 400
    assert call(server, "/nowhere")[0] == 404
    assert "line 1, column 21" in text, text


def test_unknown_accept_falls_back_to_a_format_we_have(server: SparqlServer) -> None:
    status, kind, text = call(server, "/sparql?" + urllib.parse.urlencode({"query": LABEL_QUERY}), headers={"Accept": "image/png"})
    assert status == 200 and kind.startswith("application/sparql-results+json") and "枣庄市市场监督管理局" in text


def test_query_page_has_no_remote_resources(server: SparqlServer) -> None:
    status, kind, page = call(server, "/")
    assert status == 200 and kind.startswith("text/html")
    assert "<textarea" in page and "Run</button>" in page and '<script src="/app.js">' in page
    assert "http://" not in page and "https://" not in page
    status, kind, script = call(server, "/app.js")
    assert status == 200 and "fetch('/sparql'" in script and "https://" not in script


def test_foreign_host_header_is_refused(server: SparqlServer) -> None:
    status, _, text = call(server, "/", headers={"Host": "evil.example"})
    assert status == 403 and "local requests only" in text


def test_cli_serve_runs_until_interrupted(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    from conftest import free_port, sigint_default

    store.publish(make_dataset(), tmp_path / "out")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from qgraph.cli import main; main()", "serve", "--port", str(port),
                             "--build", str(tmp_path / "out")], stderr=subprocess.PIPE, text=True,
                            preexec_fn=sigint_default)
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        assert f"at http://127.0.0.1:{port}/ (read-only" in line
        url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s a qg:Observation }"})
        with urllib.request.urlopen(url, timeout=10) as resp:
            assert json.loads(resp.read())["boolean"] is True
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=10)
    assert proc.returncode == 0


def test_serve_stops_when_asked(tmp_path: Path) -> None:
    from qgraph.serve import serve

    store.write_outputs(make_dataset(), tmp_path, formats=("nq",))
    urls: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(tmp_path / "graph.nq",),
                              kwargs={"port": 0, "on_ready": urls.append, "stop": stop}, daemon=True)
    thread.start()
    for _ in range(200):
        if urls:
            break
        threading.Event().wait(0.05)
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "format": "tsv"})
    with urllib.request.urlopen(f"{urls[0]}sparql?{query}", timeout=10) as resp:
        assert resp.read().decode().splitlines()[1].startswith("42")
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
