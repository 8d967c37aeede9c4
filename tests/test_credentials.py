"""Credentials: never printed, sent only to their own host, usable by `query --endpoint` too.

Real HTTP servers on 127.0.0.1: a small misbehaving SPARQL / Graph Store server that demands Basic
auth and echoes the Authorization header (raw and decoded) in its error pages, on two ports when
two hosts are needed ("127.0.0.1" and "localhost" are two hosts to netrc and to the client).
"""

from __future__ import annotations

import base64
import json
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from qgraph.cli import main
from qgraph.errors import StoreError
from qgraph.httpclient import MAX_RETRY_AFTER, Client, Credentials, retry_after, scrub
from qgraph.load import LoadError, load
from qgraph.query import run_query
from http_helpers import ReplyingHandler, serving
from rdf_samples import make_dataset

USER, PASSWORD = "ann", "s3cret-Pw"
TOKEN = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
SECRETS = (PASSWORD, TOKEN, f"{USER}:{PASSWORD}")
FAST = {"backoff": 0.0, "timeout": 10.0}
ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()


@dataclass
class Behaviour:
    auth: bool = True  # demand Basic auth (401 with a challenge) before anything else
    echo: bool = False  # answer authorised requests with a 400 that echoes the Authorization header
    fail: list[int] = field(default_factory=list)  # statuses for the next authorised requests (with Retry-After)
    retry_after: str = "0"
    seen: list[str] = field(default_factory=list)  # every Authorization header received ("" when none)


class EchoHandler(ReplyingHandler):
    server: EchoServer

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = self.rfile.read(length)
        how = self.server.how
        header = self.headers.get("Authorization", "")
        how.seen.append(header)
        if how.auth and header != f"Basic {TOKEN}":
            return self._reply(401, f"who are you? you sent Authorization: {header}".encode(),
                               {"WWW-Authenticate": 'Basic realm="echo"'})
        if how.fail:
            return self._reply(how.fail.pop(0), b"busy", {"Retry-After": how.retry_after})
        if how.echo:
            decoded = base64.b64decode(header.split()[-1]).decode() if header else ""
            return self._reply(400, f"Bad request from {decoded}. Authorization: {header}\n".encode())
        if self.command == "GET" and "query" not in self.path:
            return self._reply(404, b"")
        if self.command in ("PUT", "POST") and "graph=" in self.path:
            return self._reply(204, b"")
        query = urllib.parse.parse_qs(form.decode()).get("query", [""])[0] or \
            urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("query", [""])[0]
        if "COUNT" in query:
            result = {"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "0"}}]}}
            return self._reply(200, json.dumps(result).encode(), {"Content-Type": "application/sparql-results+json"})
        self._reply(200, ASK_TRUE, {"Content-Type": "application/sparql-results+json"})

    do_GET = do_POST = do_PUT = _handle


class EchoServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, how: Behaviour) -> None:
        super().__init__(("127.0.0.1", 0), EchoHandler)
        self.how = how

    def url(self, path: str, *, host: str = "127.0.0.1", userinfo: str = "") -> str:
        return f"http://{userinfo}{host}:{self.server_address[1]}{path}"


def _serve(how: Behaviour) -> Iterator[EchoServer]:
    with serving(EchoServer(how)) as server:
        yield server


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    yield from _serve(Behaviour())


@pytest.fixture
def other() -> Iterator[EchoServer]:
    yield from _serve(Behaviour())


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No QGRAPH_USER / QGRAPH_PASSWORD, and $NETRC pointing at an empty file; returns its path."""
    monkeypatch.delenv("QGRAPH_USER", raising=False)
    monkeypatch.delenv("QGRAPH_PASSWORD", raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text("")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    return netrc


def assert_secret_free(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, text


def ask(endpoint: str) -> list[str]:
    return ["query", "-e", "ASK {}", "--endpoint", endpoint, "--format", "json", "--timeout", "30"]


# --------------------------------------------------------------------------- never printed


def test_scrub_removes_every_form_of_a_secret() -> None:
    text = (f"http://{USER}:{PASSWORD}@h:1/q failed; Authorization: Basic {TOKEN}; "
            f"proxy-authorization={TOKEN}; bearer abcdefgh12345678; from {USER}:{PASSWORD}")
    scrubbed = scrub(text, Credentials(USER, PASSWORD).secrets())
    assert_secret_free(scrubbed)
    assert "abcdefgh12345678" not in scrubbed and "http://***@h:1/q" in scrubbed
    assert scrub("GET http://ann:s3cret@h/x  Authorization: Basic YW5uOnMzY3JldA==", ["s3cret"]) == \
        "GET http://***@h/x  Authorization: ***"


def test_load_error_echoing_the_authorization_header_is_scrubbed(echo: EchoServer, no_env: Path) -> None:
    echo.how.echo = True
    with pytest.raises(LoadError) as err:
        load(make_dataset(), endpoint=echo.url("/store"), credentials=Credentials(USER, PASSWORD), **FAST)
    assert f"Basic {TOKEN}" in echo.how.seen  # the server did get (and echo) the credentials
    assert "HTTP 400: Bad request from ***" in str(err.value)
    assert_secret_free(str(err.value))


def test_query_error_echoing_the_authorization_header_is_scrubbed(echo: EchoServer, no_env: Path) -> None:
    echo.how.echo = True
    result = CliRunner().invoke(main, ask(echo.url("/sparql", userinfo=f"{USER}:{PASSWORD}@")))
    assert result.exit_code == 2, result.output
    assert f"Basic {TOKEN}" in echo.how.seen
    assert "the endpoint answered 400" in result.stderr
    assert_secret_free(result.output)


def test_userinfo_never_appears_in_errors(no_env: Path) -> None:
    from conftest import free_port

    port = free_port()  # nothing listens there
    endpoint = f"http://{USER}:{PASSWORD}@127.0.0.1:{port}/sparql"
    result = CliRunner().invoke(main, ask(endpoint))
    assert result.exit_code == 2 and "cannot reach the endpoint" in result.stderr, result.output
    assert_secret_free(result.output)
    for bad in (f"ftp://{USER}:{PASSWORD}@h/", f"http://{USER}:{PASSWORD}@h:99999/"):
        result = CliRunner().invoke(main, ask(bad))
        assert result.exit_code == 2 and "endpoint URL" in result.stderr, result.output
        assert_secret_free(result.output)


# --------------------------------------------------------------------------- query --endpoint authenticates


def test_query_endpoint_with_userinfo(echo: EchoServer, no_env: Path) -> None:
    result = CliRunner().invoke(main, ask(echo.url("/sparql", userinfo=f"{USER}:{PASSWORD}@")))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["boolean"] is True
    assert echo.how.seen == ["", f"Basic {TOKEN}"]  # sent only once the server asked


def test_query_endpoint_with_environment(echo: EchoServer, no_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QGRAPH_USER", USER)
    monkeypatch.setenv("QGRAPH_PASSWORD", PASSWORD)
    assert run_query(None, "ASK {}", endpoint=echo.url("/sparql")).boolean is True


def test_query_endpoint_with_netrc(echo: EchoServer, no_env: Path) -> None:
    no_env.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    assert run_query(None, "ASK {}", endpoint=echo.url("/sparql")).boolean is True


def test_query_endpoint_without_or_with_wrong_credentials(echo: EchoServer, no_env: Path) -> None:
    result = CliRunner().invoke(main, ask(echo.url("/sparql")))
    assert result.exit_code == 2 and "asks for authentication (HTTP 401)" in result.stderr, result.output
    wrong = CliRunner().invoke(main, ask(echo.url("/sparql", userinfo=f"{USER}:not-{PASSWORD}@")))
    assert wrong.exit_code == 2 and "rejected the credentials (HTTP 401)" in wrong.stderr, wrong.output
    assert PASSWORD not in wrong.output


# --------------------------------------------------------------------------- sent to their own host only


def test_netrc_entry_goes_only_to_its_host(echo: EchoServer, other: EchoServer, no_env: Path) -> None:
    # --endpoint on 127.0.0.1 (netrc has it), --query-endpoint on "localhost" (another host)
    no_env.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    with pytest.raises(LoadError, match="reading back its triple count .* HTTP 401"):
        load(make_dataset(), endpoint=echo.url("/store"), style="gsp",
             query_endpoint=other.url("/sparql", host="localhost"), **FAST)
    assert f"Basic {TOKEN}" in echo.how.seen
    assert other.how.seen and set(other.how.seen) == {""}  # asked, but never given 127.0.0.1's password


def test_environment_credentials_go_only_to_the_endpoints_host(echo: EchoServer, other: EchoServer, no_env: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QGRAPH_USER", USER)
    monkeypatch.setenv("QGRAPH_PASSWORD", PASSWORD)
    with pytest.raises(LoadError, match="HTTP 401"):
        load(make_dataset(), endpoint=echo.url("/store"), style="gsp",
             query_endpoint=other.url("/sparql", host="localhost"), **FAST)
    assert f"Basic {TOKEN}" in echo.how.seen and set(other.how.seen) == {""}


def test_credentials_bound_to_an_origin_do_not_follow_other_urls(echo: EchoServer, other: EchoServer, no_env: Path) -> None:
    with Client(credentials=Credentials(USER, PASSWORD), origin=echo.url("/"), attempts=1) as client:
        assert client.request("GET", echo.url("/sparql?query=ASK{}")).status == 200
        assert client.request("GET", other.url("/sparql?query=ASK{}")).status == 401  # same host, other port
    assert set(other.how.seen) == {""}
    with pytest.raises(ValueError):
        Client(credentials=Credentials(USER, PASSWORD))


def test_half_set_environment_is_refused(echo: EchoServer, no_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QGRAPH_USER", USER)
    with pytest.raises(StoreError, match="QGRAPH_PASSWORD is not set"):
        run_query(None, "ASK {}", endpoint=echo.url("/sparql"))


# --------------------------------------------------------------------------- retries


def test_query_endpoint_retries_429_and_503_then_answers(echo: EchoServer, no_env: Path) -> None:
    echo.how.auth, echo.how.fail = False, [503, 429]
    assert run_query(None, "ASK {}", endpoint=echo.url("/sparql")).boolean is True
    assert len(echo.how.seen) == 3


def test_query_endpoint_gives_up_after_bounded_retries(echo: EchoServer, no_env: Path) -> None:
    echo.how.auth, echo.how.fail = False, [503] * 10
    with pytest.raises(StoreError, match=r"HTTP 503: busy \(3 attempts\)"):
        run_query(None, "ASK {}", endpoint=echo.url("/sparql"))
    assert len(echo.how.seen) == 3


def test_an_update_is_never_sent_twice(echo: EchoServer, no_env: Path) -> None:
    echo.how.auth, echo.how.fail = False, [503, 503]
    with pytest.raises(StoreError, match=r"HTTP 503: busy \(1 attempt\)"):
        run_query(None, "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", endpoint=echo.url("/update"),
                  allow_update=True)
    assert len(echo.how.seen) == 1


def test_retry_after_in_seconds_or_as_a_date_is_bounded() -> None:
    from email.utils import formatdate

    assert retry_after("2", 9.0) == 2.0
    assert retry_after("", 9.0) == 9.0 and retry_after("soon", 9.0) == 9.0 and retry_after("nan", 9.0) == 9.0
    assert retry_after("-5", 9.0) == 0.0 and retry_after("86400", 9.0) == MAX_RETRY_AFTER
    assert 5.0 <= retry_after(formatdate(time.time() + 8, usegmt=True), 9.0) <= 8.0
    assert retry_after(formatdate(time.time() + 86400, usegmt=True), 9.0) == MAX_RETRY_AFTER


def test_a_malformed_netrc_is_named_without_its_tokens(tmp_path: Path) -> None:
    from qgraph.credentials import netrc_credentials

    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine h login {USER} password two words-{PASSWORD}\n")
    with pytest.raises(StoreError, match="malformed netrc file") as err:
        netrc_credentials("h", netrc_file=netrc)
    assert PASSWORD not in str(err.value)
