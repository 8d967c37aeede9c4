"""Load a built graph into a triplestore over the SPARQL 1.1 Graph Store HTTP Protocol.

One ``PUT ?graph=IRI`` per named graph (one per source document, plus the ontology), so loading
again replaces each graph and never duplicates it. After each graph, its triple count is read
back with a SPARQL ``COUNT`` query and compared with what was sent; a mismatch is an error.

Endpoint styles (``style``) and the URLs they expect:

==========  =========================================================  =====================
style       ``endpoint`` (Graph Store Protocol)                          default query endpoint
==========  =========================================================  =====================
oxigraph    ``http://127.0.0.1:7878/store``                              ``…/query``
fuseki      ``http://localhost:3030/{dataset}/data``                     ``…/{dataset}/sparql``
graphdb     ``http://localhost:7200/repositories/{id}/rdf-graphs/service``  ``…/repositories/{id}``
virtuoso    ``http://localhost:8890/sparql-graph-crud-auth`` (digest)    ``…/sparql``
gsp         any Graph Store Protocol URL                                  (``query_endpoint`` required)
==========  =========================================================  =====================

Loads are not all-or-nothing across graphs (nor, on some servers, within one graph): a failure
names the graph, lists the graphs already replaced, and says that loading again repairs it.
"""

from __future__ import annotations

import json
import logging
import re
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import rdfio
from .errors import StoreError
from .httpclient import Client, Credentials, RequestFailed, Response, check_url, find_credentials, redact_url

log = logging.getLogger(__name__)

STYLES: tuple[str, ...] = ("oxigraph", "fuseki", "graphdb", "virtuoso", "gsp")
PROBE_GRAPH = "urn:qgraph:auth-probe"


@dataclass(frozen=True)
class _Style:
    pattern: str  # what the endpoint path must look like; group 1 is the base of the query path
    example: str
    query_suffix: str | None  # appended to group 1; None: no default query endpoint
    content_type: str


_STYLES: dict[str, _Style] = {
    "oxigraph": _Style(r"(.*)/store/?", "http://127.0.0.1:7878/store", "/query", "application/n-triples"),
    "fuseki": _Style(r"(.*/[^/]+)/data/?", "http://localhost:3030/DATASET/data", "/sparql", "application/n-triples"),
    "graphdb": _Style(r"(.*/repositories/[^/]+)/rdf-graphs/service/?", "http://localhost:7200/repositories/REPO/rdf-graphs/service", "", "application/n-triples"),
    # Virtuoso 7 parses N-Triples as Turtle; the charset keeps Chinese literals intact.
    "virtuoso": _Style(r"(.*)/sparql-graph-crud(?:-auth)?/?", "http://localhost:8890/sparql-graph-crud-auth", "/sparql", "text/turtle; charset=utf-8"),
    "gsp": _Style(r"(.*)", "http://HOST/PATH", None, "application/n-triples"),
}


@dataclass(frozen=True)
class GraphLoad:
    """The outcome for one named graph."""

    iri: str
    sent: int
    read_back: int | None
    status: str
    """``replaced`` (sent and verified), ``mismatch``, ``failed``, or ``not loaded``."""


@dataclass(frozen=True)
class LoadReport:
    """What :func:`load` did, graph by graph."""

    endpoint: str
    style: str
    graphs: tuple[GraphLoad, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(g.status == "replaced" for g in self.graphs)

    @property
    def triples(self) -> int:
        return sum(g.sent for g in self.graphs if g.status == "replaced")


class LoadError(StoreError):
    """A load stopped at one graph; ``report`` tells which graphs were replaced before."""

    def __init__(self, message: str, report: LoadReport) -> None:
        super().__init__(message)
        self.report = report


def endpoints(endpoint: str, *, style: str, query_endpoint: str | None = None) -> tuple[str, str]:
    """Check ``endpoint`` against ``style`` and return ``(graph store URL, query URL)``.

    :raises StoreError: unknown style, a URL of the wrong shape, or no query endpoint for ``gsp``.
    """
    if style not in _STYLES:
        raise StoreError(f"unknown --style {style!r}; expected one of {', '.join(STYLES)}")
    spec = _STYLES[style]
    check_url(endpoint, option="--endpoint")
    parts = urllib.parse.urlsplit(endpoint)
    match = re.fullmatch(spec.pattern, parts.path)
    if match is None:
        raise StoreError(f"--endpoint {redact_url(endpoint)} does not look like the Graph Store endpoint of "
                         f"--style {style} (e.g. {spec.example}); is --style right?")
    if query_endpoint is not None:
        return endpoint, check_url(query_endpoint, option="--query-endpoint")
    if spec.query_suffix is None:
        raise StoreError(f"--style {style} needs --query-endpoint (the SPARQL endpoint used to verify triple counts)")
    path = match.group(1) + spec.query_suffix
    return endpoint, urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def load(
    source: rdfio.QuadSource,
    *,
    endpoint: str,
    style: str = "oxigraph",
    query_endpoint: str | None = None,
    timeout: float = 60.0,
    attempts: int = 3,
    backoff: float = 1.0,
    batch_size: int = 100_000,
    credentials: Credentials | None = None,
    netrc_file: Path | None = None,
    on_graph: Callable[[GraphLoad], None] | None = None,
) -> LoadReport:
    """Replace each named graph of ``source`` on the server and verify its triple count.

    Each graph is sent as N-Triples: the first ``batch_size`` triples with ``PUT`` (which
    replaces the graph), further batches with ``POST``. ``credentials`` default to
    ``QGRAPH_USER``/``QGRAPH_PASSWORD`` or the netrc entry of the endpoint's host; they are sent
    only when the server asks, and only to the endpoint's origin (a query endpoint on another
    host gets the netrc entry of its own host, if any). Transient failures (connection errors, 5xx, 429) are retried
    ``attempts`` times in all with exponential backoff starting at ``backoff`` seconds.

    :raises LoadError: a graph failed or its count differs; the message names the graph and the
        graphs already replaced, ``report`` has the details.
    :raises StoreError: bad options or credentials set up wrongly (nothing was sent).
    """
    gsp, query = endpoints(endpoint, style=style, query_endpoint=query_endpoint)
    if batch_size < 1:
        raise StoreError("--batch-size must be at least 1")
    graphs = _graphs(source)
    creds = credentials if credentials is not None else find_credentials(gsp, netrc_file=netrc_file)
    with Client(credentials=creds, origin=gsp, netrc_file=netrc_file, timeout=timeout, attempts=attempts,
                backoff=backoff) as client:
        return _load_graphs(client, graphs, gsp, query, style=style, creds=creds, batch_size=batch_size, on_graph=on_graph)


def _load_graphs(client: Client, graphs: list[tuple[str, list[str]]], gsp: str, query: str, *, style: str,
                 creds: Credentials | None, batch_size: int, on_graph: Callable[[GraphLoad], None] | None) -> LoadReport:
    started = time.perf_counter()
    done: list[GraphLoad] = []

    def report(current: GraphLoad | None = None) -> LoadReport:
        rest = [GraphLoad(iri, len(lines), None, "not loaded") for iri, lines in graphs[len(done) + (current is not None):]]
        listed = done + ([current] if current else []) + rest
        return LoadReport(redact_url(gsp), style, tuple(listed), time.perf_counter() - started)

    try:
        client.prepare_auth(_graph_url(gsp, PROBE_GRAPH))
    except RequestFailed as exc:
        raise LoadError(f"{redact_url(gsp)}: {exc.problem}. Nothing was loaded.", report()) from None
    for iri, lines in graphs:
        log.info("loading <%s> (%d triples) into %s", iri, len(lines), redact_url(gsp))
        try:
            _send_graph(client, gsp, iri, lines, batch_size=batch_size, style=style, creds=creds)
            read_back = _count(client, query, iri)
        except _GraphFailed as exc:
            failed = GraphLoad(iri, len(lines), None, "failed")
            raise LoadError(_failure(gsp, iri, exc.problem, done, graphs, untouched=exc.untouched), report(failed)) from None
        outcome = GraphLoad(iri, len(lines), read_back, "replaced" if read_back == len(lines) else "mismatch")
        if outcome.status == "mismatch":
            problem = f"sent {len(lines)} triples but the server holds {read_back}"
            raise LoadError(_failure(gsp, iri, problem, done, graphs, untouched=False), report(outcome))
        done.append(outcome)
        if on_graph is not None:
            on_graph(outcome)
    return report()


class _GraphFailed(Exception):
    """One graph could not be sent or checked; ``untouched``: the server surely did not change it."""

    def __init__(self, problem: str, *, untouched: bool) -> None:
        super().__init__(problem)
        self.problem = problem
        self.untouched = untouched


def _send_graph(client: Client, gsp: str, iri: str, lines: list[str], *, batch_size: int, style: str, creds: Credentials | None) -> None:
    """PUT the first batch (replacing the graph), POST the others."""
    content_type = _STYLES[style].content_type
    for number, chunk in enumerate(_chunks(lines, batch_size)):
        try:
            response = client.request("PUT" if number == 0 else "POST", _graph_url(gsp, iri),
                                      body=chunk, headers={"Content-Type": content_type})
        except RequestFailed as exc:
            raise _GraphFailed(exc.problem, untouched=number == 0 and not exc.reached_server) from None
        if response.status not in (200, 201, 204):
            raise _GraphFailed(_status_problem(client, response, style, creds), untouched=number == 0 and response.status < 500)


def _graphs(source: rdfio.QuadSource) -> list[tuple[str, list[str]]]:
    """N-Triples lines per named graph, in a stable order; default-graph triples are refused."""
    graphs: dict[str, list[str]] = {}
    default = 0
    for g, s, p, o in rdfio.sorted_rows(rdfio.nquads_of(source)):
        if not g:
            default += 1
            continue
        graphs.setdefault(g[1:-1], []).append(f"{s} {p} {o} .\n")
    if default:
        raise StoreError(f"{default} triples are in the default graph; qgraph loads named graphs only "
                         "(load graph.nq or graph.trig, which keep one graph per document)")
    if not graphs:
        raise StoreError("nothing to load: the graph is empty")
    return list(graphs.items())


def _chunks(lines: list[str], size: int) -> Iterator[bytes]:
    for start in range(0, len(lines), size):
        yield "".join(lines[start:start + size]).encode("utf-8")


def _graph_url(endpoint: str, iri: str) -> str:
    return endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"graph": iri})


def _count(client: Client, query_url: str, iri: str) -> int:
    """The number of triples the server holds in graph ``iri``."""
    sparql = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    url = query_url + ("&" if "?" in query_url else "?") + urllib.parse.urlencode({"query": sparql})
    where = f"the graph was sent, but reading back its triple count from {redact_url(query_url)} failed"
    try:
        response = client.request("GET", url, headers={"Accept": "application/sparql-results+json"})
    except RequestFailed as exc:
        raise _GraphFailed(f"{where}: {exc.problem}", untouched=False) from None
    if response.status != 200:
        raise _GraphFailed(f"{where}: HTTP {response.status}{client.snippet(response)}", untouched=False)
    try:
        bindings = json.loads(response.body.decode("utf-8"))["results"]["bindings"]
        return int(bindings[0]["n"]["value"]) if bindings else 0
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError):
        raise _GraphFailed(f"{where}: not a SPARQL JSON count result", untouched=False) from None


def _status_problem(client: Client, response: Response, style: str, creds: Credentials | None) -> str:
    status = response.status
    if status == 401:
        if creds is None:
            return "the server asks for authentication (HTTP 401); set QGRAPH_USER and QGRAPH_PASSWORD or add the host to ~/.netrc"
        return f"authentication failed (HTTP 401): the credentials from {creds.source} were rejected"
    if status == 403:
        return "forbidden (HTTP 403): this user may not write graphs here"
    if status in (404, 405):
        return f"HTTP {status}: is this a Graph Store Protocol endpoint? For --style {style} it looks like {_STYLES[style].example}"
    if status == 413:
        return "HTTP 413: the request is too large for the server; lower --batch-size"
    return f"HTTP {status}{client.snippet(response)}"


def _failure(endpoint: str, iri: str, problem: str, done: list[GraphLoad], graphs: list[tuple[str, list[str]]], *, untouched: bool) -> str:
    total = len(graphs)
    message = f"loading graph <{iri}> into {redact_url(endpoint)} failed: {problem}. "
    if not done and untouched:
        return message + "Nothing was changed on the server."
    if done:
        names = ", ".join(f"<{g.iri}>" for g in done[:5]) + (", …" if len(done) > 5 else "")
        message += f"Already replaced: {len(done)} of {total} graphs ({names}). "
    else:
        message += f"No graph was replaced (0 of {total}). "
    if untouched:
        message += f"<{iri}> was not changed. "
    else:
        message += f"<{iri}> may be partly written on the server. "
    not_loaded = total - len(done) - 1
    if not_loaded:
        message += f"{not_loaded} more graph{'s' if not_loaded > 1 else ''} not loaded. "
    return message + "Run the load again to replace them all."
