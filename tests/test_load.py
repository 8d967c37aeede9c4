"""The Graph Store Protocol loader, against a real Oxigraph server and a misbehaving local server."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import socket
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from qgraph.errors import StoreError
from qgraph.httpclient import Credentials, find_credentials
from qgraph.load import LoadError, endpoints, load
from http_helpers import ReplyingHandler, serving
from rdf_samples import graph_iri, make_dataset

USER, PASSWORD = "loader", "s3cret-Pa55word"
FAST = {"backoff": 0.0, "timeout": 5.0}


def graph_counts(ds: Dataset) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, _, _, g in ds.quads((None, None, None, None)):
        counts[str(g)] = counts.get(str(g), 0) + 1
    return counts


# --------------------------------------------------------------------------- a real Oxigraph server


@pytest.mark.server
def test_load_into_oxigraph_and_query_there(oxigraph_server) -> None:  # type: ignore[no-untyped-def]
    ds = make_dataset()
    report = load(ds, endpoint=oxigraph_server.store_url, **FAST)
    assert report.ok
    assert {g.iri: g.read_back for g in report.graphs} == graph_counts(ds)
    assert all(g.status == "replaced" and g.sent == g.read_back for g in report.graphs)
    query = urllib.parse.quote('SELECT ?o WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o FILTER(lang(?o) = "zh") } }')
    with urllib.request.urlopen(f"{oxigraph_server.query_url}?query={query}", timeout=10) as resp:
        assert "枣庄市市场监督管理局" in resp.read().decode("utf-8")


@pytest.mark.server
def test_reload_replaces_and_never_duplicates(oxigraph_server) -> None:  # type: ignore[no-untyped-def]
    ds = make_dataset()
    load(ds, endpoint=oxigraph_server.store_url, **FAST)
    first = oxigraph_server.count()
    load(ds, endpoint=oxigraph_server.store_url, **FAST)
    assert oxigraph_server.count() == first == sum(graph_counts(ds).values())
    smaller = make_dataset(docs=("zz-2025",))
    smaller.graph(graph_iri("zz-2025")).remove((None, URIRef("https://w3id.org/qgraph/def#evidenceCount"), None))
    load(smaller, endpoint=oxigraph_server.store_url, batch_size=4, **FAST)
    assert oxigraph_server.count(str(graph_iri("zz-2025"))) == 19


@pytest.mark.server
def test_count_mismatch_is_detected(oxigraph_server) -> None:  # type: ignore[no-untyped-def]
    # Oxigraph keeps numeric literals by value: "685.0" and "685.00" become one triple there.
    ds = Dataset()
    g = ds.graph(graph_iri("numbers"))
    s, p = URIRef("https://w3id.org/qgraph/id/obs/1"), URIRef("https://w3id.org/qgraph/def#value")
    g.add((s, p, Literal("685.0", datatype=XSD.decimal, normalize=False)))
    g.add((s, p, Literal("685.00", datatype=XSD.decimal, normalize=False)))
    with pytest.raises(LoadError, match="sent 2 triples but the server holds 1") as err:
        load(ds, endpoint=oxigraph_server.store_url, **FAST)
    assert err.value.report.graphs[0].status == "mismatch"


@pytest.mark.server
def test_server_down_before_load_is_a_clear_error(oxigraph_server) -> None:  # type: ignore[no-untyped-def]
    oxigraph_server.stop()
    with pytest.raises(LoadError) as err:
        load(make_dataset(), endpoint=oxigraph_server.store_url, attempts=2, **FAST)
    message = str(err.value)
    assert "connection refused (is the server running?) (2 attempts)" in message
    assert oxigraph_server.store_url in message
    assert message.endswith("(2 attempts). Nothing was changed on the server.")
    assert [g.status for g in err.value.report.graphs] == ["failed", "not loaded", "not loaded"]


@pytest.mark.server
def test_server_stopped_mid_load_names_the_graphs(oxigraph_server) -> None:  # type: ignore[no-untyped-def]
    ds = make_dataset()
    stop_after_first = lambda outcome: oxigraph_server.stop()  # noqa: E731
    with pytest.raises(LoadError) as err:
        load(ds, endpoint=oxigraph_server.store_url, attempts=2, on_graph=stop_after_first, **FAST)
    message = str(err.value)
    graphs = sorted(graph_counts(ds))
    assert f"loading graph <{graphs[1]}>" in message
    assert f"Already replaced: 1 of 3 graphs (<{graphs[0]}>)" in message
    assert "1 more graph not loaded" in message and "Run the load again" in message
    assert [g.status for g in err.value.report.graphs] == ["replaced", "failed", "not loaded"]
    oxigraph_server.start()  # same location: what the message said is what the server holds
    assert oxigraph_server.count(graphs[0]) == graph_counts(ds)[graphs[0]]
    assert oxigraph_server.count(graphs[1]) == 0
    assert load(ds, endpoint=oxigraph_server.store_url, **FAST).ok


# --------------------------------------------------------------------------- a server that misbehaves on purpose


@dataclass
class Misbehaviour:
    fail_statuses: list[int] = field(default_factory=list)  # statuses for the first write requests
    retry_after: str | None = None
    delay: float = 0.0  # sleep before answering a write
    cut: bool = False  # close the connection mid-upload
    auth: str | None = None  # "basic" or "digest"
    count_offset: int = 0  # lie about the count
    writes: int = 0
    auth_headers: list[str] = field(default_factory=list)
    graphs: dict[str, int] = field(default_factory=dict)


class FakeHandler(ReplyingHandler):
    server: FakeServer

    def _authorised(self, method: str) -> bool:
        how = self.server.how
        if how.auth is None:
            return True
        header = self.headers.get("Authorization", "")
        how.auth_headers.append(header)
        if how.auth == "basic" and header == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode():
            return True
        if how.auth == "digest" and header.startswith("Digest "):
            f = dict(re.findall(r'(\w+)="?([^",]*)"?', header))
            ha1 = hashlib.md5(f"{USER}:fake:{PASSWORD}".encode()).hexdigest()
            ha2 = hashlib.md5(f"{method}:{self.path}".encode()).hexdigest()
            expect = hashlib.md5(f"{ha1}:n0nce:{f.get('nc')}:{f.get('cnonce')}:auth:{ha2}".encode()).hexdigest()
            if f.get("username") == USER and f.get("uri") == self.path and f.get("response") == expect:
                return True
        challenge = 'Basic realm="fake"' if how.auth == "basic" else 'Digest realm="fake", nonce="n0nce", qop="auth", algorithm=MD5'
        self._reply(401, b"unauthorised", {"WWW-Authenticate": challenge})
        return False

    def _write(self, method: str) -> None:
        how = self.server.how
        length = int(self.headers.get("Content-Length", "0"))
        if how.cut:
            self.rfile.read(min(length, 10))
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        body = self.rfile.read(length)
        if not self._authorised(method):
            return
        how.writes += 1
        if how.delay:
            time.sleep(how.delay)
        if how.fail_statuses:
            status = how.fail_statuses.pop(0)
            headers = {"Retry-After": how.retry_after} if how.retry_after else {}
            return self._reply(status, f"server trouble {status}\nsecond line".encode(), headers)
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
        lines = body.decode("utf-8").count("\n")
        how.graphs[graph] = lines + (how.graphs.get(graph, 0) if method == "POST" else 0)
        self._reply(204, b"")

    def do_PUT(self) -> None:
        self._write("PUT")

    def do_POST(self) -> None:
        self._write("POST")

    def do_GET(self) -> None:
        if not self._authorised("GET"):
            return
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        if "query" not in query:
            return self._reply(404, b"no such graph")
        graph = re.search(r"GRAPH <([^>]*)>", query["query"][0]).group(1)  # type: ignore[union-attr]
        n = self.server.how.graphs.get(graph, 0) + self.server.how.count_offset
        result = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": str(n)}}]}}
        self._reply(200, json.dumps(result).encode(), {"Content-Type": "application/sparql-results+json"})


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, how: Misbehaviour) -> None:
        super().__init__(("127.0.0.1", 0), FakeHandler)
        self.how = how

    @property
    def store_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/store"


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with serving(FakeServer(Misbehaviour())) as server:
        yield server


def test_http_500_is_retried_then_reported(fake: FakeServer) -> None:
    fake.how.fail_statuses = [500, 500, 500]
    with pytest.raises(LoadError) as err:
        load(make_dataset(), endpoint=fake.store_url, attempts=3, **FAST)
    assert fake.how.writes == 3
    assert "HTTP 500: server trouble 500 (3 attempts)" in str(err.value)
    assert "No graph was replaced (0 of 3)" in str(err.value)


def test_transient_errors_are_retried_until_success(fake: FakeServer) -> None:
    fake.how.fail_statuses, fake.how.retry_after = [503, 429], "0"
    report = load(make_dataset(), endpoint=fake.store_url, attempts=3, **FAST)
    assert report.ok and fake.how.writes == 3 + 2


def test_client_errors_are_never_retried(fake: FakeServer) -> None:
    fake.how.fail_statuses = [400, 400, 400]
    with pytest.raises(LoadError, match="HTTP 400: server trouble 400"):
        load(make_dataset(), endpoint=fake.store_url, attempts=3, **FAST)
    assert fake.how.writes == 1


def test_slow_server_times_out(fake: FakeServer) -> None:
    fake.how.delay = 3.0
    with pytest.raises(LoadError, match=r"timed out after 0\.2 s \(2 attempts\)") as err:
        load(make_dataset(), endpoint=fake.store_url, attempts=2, backoff=0.0, timeout=0.2)
    assert "may be partly written" in str(err.value)


def test_connection_cut_mid_upload(fake: FakeServer) -> None:
    fake.how.cut = True
    with pytest.raises(LoadError, match=r"connection closed by the server mid-request \(3 attempts\)"):
        load(make_dataset(), endpoint=fake.store_url, **FAST)


def test_count_read_back_differs(fake: FakeServer) -> None:
    fake.how.count_offset = 1
    with pytest.raises(LoadError, match=r"sent 2 triples but the server holds 3"):
        load(make_dataset(), endpoint=fake.store_url, **FAST)


@pytest.mark.parametrize("scheme", ["basic", "digest"])
def test_auth_with_right_credentials(fake: FakeServer, scheme: str) -> None:
    fake.how.auth = scheme
    report = load(make_dataset(), endpoint=fake.store_url, credentials=Credentials(USER, PASSWORD), **FAST)
    assert report.ok
    assert fake.how.writes == 3  # the challenge came from the empty probe: no graph was sent twice


def test_missing_and_wrong_credentials_are_clear_and_secret(fake: FakeServer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    caplog.set_level(logging.DEBUG)
    fake.how.auth = "basic"
    monkeypatch.delenv("QGRAPH_USER", raising=False)
    monkeypatch.delenv("QGRAPH_PASSWORD", raising=False)
    with pytest.raises(LoadError, match="asks for authentication.*QGRAPH_USER"):
        load(make_dataset(), endpoint=fake.store_url, netrc_file=tmp_path / "none", **FAST)
    monkeypatch.setenv("QGRAPH_USER", USER)
    monkeypatch.setenv("QGRAPH_PASSWORD", "wrong-" + PASSWORD)
    with pytest.raises(LoadError, match=r"authentication failed \(HTTP 401\)") as err:
        load(make_dataset(), endpoint=fake.store_url, **FAST)
    assert str(err.value).endswith("Nothing was changed on the server.")
    assert PASSWORD not in str(err.value) and PASSWORD not in repr(err.value.report)
    assert PASSWORD not in caplog.text and "Authorization" not in caplog.text
    assert fake.how.writes == 0


def test_credentials_come_from_env_or_netrc(tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    netrc.chmod(0o600)
    found = find_credentials("http://127.0.0.1:1/store", environ={}, netrc_file=netrc)
    assert found is not None and found.user == USER and PASSWORD not in repr(found)
    env = {"QGRAPH_USER": "u", "QGRAPH_PASSWORD": "p"}
    assert find_credentials("http://127.0.0.1:1/store", environ=env, netrc_file=netrc) == Credentials("u", "p")
    with pytest.raises(StoreError, match="QGRAPH_PASSWORD is not set"):
        find_credentials("http://x/", environ={"QGRAPH_USER": "u"})
    assert find_credentials("http://other.example/", environ={}, netrc_file=netrc) is None


def test_credentials_in_the_url_are_refused_without_echo() -> None:
    with pytest.raises(StoreError, match="not in the URL") as err:
        load(make_dataset(), endpoint=f"http://{USER}:{PASSWORD}@127.0.0.1:9/store")
    assert PASSWORD not in str(err.value)


# --------------------------------------------------------------------------- endpoint styles


@pytest.mark.parametrize(
    ("style", "endpoint", "query"),
    [
        ("oxigraph", "http://127.0.0.1:7878/store", "http://127.0.0.1:7878/query"),
        ("fuseki", "http://localhost:3030/qgraph/data", "http://localhost:3030/qgraph/sparql"),
        ("graphdb", "http://localhost:7200/repositories/qgraph/rdf-graphs/service", "http://localhost:7200/repositories/qgraph"),
        ("virtuoso", "http://localhost:8890/sparql-graph-crud-auth", "http://localhost:8890/sparql"),
    ],
)
def test_endpoint_paths_per_style(style: str, endpoint: str, query: str) -> None:
    assert endpoints(endpoint, style=style) == (endpoint, query)


def test_endpoint_of_the_wrong_shape_or_style() -> None:
    with pytest.raises(StoreError, match="does not look like the Graph Store endpoint of --style oxigraph .*is --style right"):
        endpoints("http://localhost:3030/qgraph/data", style="oxigraph")
    with pytest.raises(StoreError, match="needs --query-endpoint"):
        endpoints("http://localhost/gsp", style="gsp")
    assert endpoints("http://h/gsp", style="gsp", query_endpoint="http://h/q") == ("http://h/gsp", "http://h/q")
    with pytest.raises(StoreError, match="unknown --style"):
        endpoints("http://h/store", style="blazegraph")
    with pytest.raises(StoreError, match="http:// or https://"):
        endpoints("file:///etc/passwd", style="gsp", query_endpoint="http://h/q")


def test_default_graph_triples_are_refused(fake: FakeServer) -> None:
    ds = Dataset()
    ds.add((URIRef("http://a"), URIRef("http://b"), Literal("c")))
    with pytest.raises(StoreError, match="default graph"):
        load(ds, endpoint=fake.store_url, **FAST)
    assert fake.how.writes == 0


@pytest.mark.server
def test_cli_load_twice_into_oxigraph(oxigraph_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from qgraph import store
    from qgraph.cli import main

    store.publish(make_dataset(), tmp_path / "out", with_store=False)
    args = ["load", "--endpoint", oxigraph_server.store_url, "--build", str(tmp_path / "out")]
    for _ in range(2):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "loaded 3 graphs, 42 triples" in result.stdout and "every count verified" in result.stdout
    assert oxigraph_server.count() == 42
    oxigraph_server.stop()
    result = CliRunner().invoke(main, [*args, "--attempts", "1"])
    assert result.exit_code == 2
    assert result.stderr.startswith("qgraph: error: loading graph <https://w3id.org/qgraph/def>")
    assert "Traceback" not in result.output
