"""``qgraph serve``: a local, read-only SPARQL 1.1 Protocol endpoint with a query page.

- ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=…`` or ``application/sparql-query``);
  SELECT/ASK results as JSON, XML, CSV or TSV, CONSTRUCT/DESCRIBE as Turtle, N-Triples or
  RDF/XML, chosen by the ``Accept`` header (or ``?format=json|xml|csv|tsv|ttl|nt``).
- Updates, ``SERVICE`` and ``LOAD`` are refused (403); the store is opened read-only.
- ``GET /`` is a query page (plain HTML + JavaScript from ``/app.js``, nothing from a CDN).
- Binds 127.0.0.1 by default and answers only requests whose ``Host`` is the bound address or
  ``localhost`` (no DNS rebinding). Queries see the union of all graphs as the default graph;
  ``GRAPH ?g`` reaches each source document's graph. There is no query timeout.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from .errors import QgraphError, QueryError
from .sparql import check_sparql
from .store import open_graph
from .vocab import PREFIXES

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
          "tsv": "text/tab-separated-values", "ttl": "text/turtle", "nt": "application/n-triples"}
_LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


class SparqlServer(ThreadingHTTPServer):
    """A ``ThreadingHTTPServer`` holding the (read-only) store it answers from."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, store: ox.Store, *, host: str, port: int) -> None:
        super().__init__((host, port), _Handler)
        self.store = store
        self.allowed_hosts = _LOCAL_NAMES | {host}

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def make_server(source: Path, *, host: str = "127.0.0.1", port: int = 7879) -> SparqlServer:
    """Open ``source`` (a store directory read-only, or an RDF file) and bind the server (port 0: any).

    :raises InputError: no graph at ``source``.
    :raises StoreError: the store cannot be opened.
    :raises QgraphError: the address cannot be bound.
    """
    store = open_graph(source)
    try:
        return SparqlServer(store, host=host, port=port)
    except OSError as exc:
        raise QgraphError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(
    source: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7879,
    on_ready: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve ``source`` until interrupted (Ctrl-C) or until ``stop`` is set."""
    server = make_server(source, host=host, port=port)
    if on_ready is not None:
        on_ready(server.url)
    if stop is not None:
        def stop_when_set() -> None:
            stop.wait()
            server.shutdown()

        threading.Thread(target=stop_when_set, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "qgraph"

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        try:
            self._check_host()
            path, _, query_string = self.path.partition("?")
            if method == "GET" and path == "/":
                return self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
            if method == "GET" and path == "/app.js":
                return self._send(200, SCRIPT.encode("utf-8"), "text/javascript; charset=utf-8")
            if path != "/sparql":
                raise _Refused(404, f"no such page: {path}; the endpoint is /sparql")
            params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
            text = self._query_text(method, params)
            self._answer(text, (params.get("format") or [""])[0])
        except _Refused as exc:
            self._send(exc.status, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8")
        except QgraphError as exc:
            self._send(400, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _check_host(self) -> None:
        host = urllib.parse.urlsplit("//" + (self.headers.get("Host") or "")).hostname or ""
        if host not in self.server.allowed_hosts:
            raise _Refused(403, f"Host {host!r} refused: this endpoint answers local requests only")

    def _query_text(self, method: str, params: dict[str, list[str]]) -> str:
        if "update" in params:
            raise _Refused(403, "this endpoint is read-only: updates are refused")
        if method == "GET":
            if "query" not in params:
                raise _Refused(400, "missing query parameter: GET /sparql?query=…")
            return params["query"][0]
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise _Refused(413, f"request body over {MAX_BODY} bytes")
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            raise _Refused(403, "this endpoint is read-only: updates are refused")
        if kind == "application/sparql-query":
            return body
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body, keep_blank_values=True)
            if "update" in form:
                raise _Refused(403, "this endpoint is read-only: updates are refused")
            if "query" in form:
                return form["query"][0]
            raise _Refused(400, "missing query field in the form")
        raise _Refused(415, "POST needs Content-Type application/sparql-query or application/x-www-form-urlencoded")

    def _answer(self, text: str, short: str) -> None:
        try:
            checked = check_sparql(text)
        except QueryError as exc:  # a refusal (update, SERVICE, LOAD) or a syntax error
            message = str(exc)
            if message.startswith(("SERVICE is refused", "LOAD is refused")):
                raise _Refused(403, message.split(":")[0] + ": this endpoint never fetches remote URLs") from None
            if message.startswith("this is an update"):
                raise _Refused(403, "this endpoint is read-only: updates are refused") from None
            raise _Refused(400, message) from None
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
        try:
            result = self.server.store.query(checked.text, prefixes=prefixes, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise _Refused(400, f"SPARQL error: {exc}") from None
        except OSError as exc:
            raise _Refused(500, f"the store failed: {exc}") from None
        try:  # pyoxigraph results must be dropped by the thread that made them
            accept = _SHORT.get(short) or self.headers.get("Accept") or ""
            if isinstance(result, ox.QueryTriples):
                media = _negotiate(accept, _GRAPHS, default="text/turtle")
                data = result.serialize(format=_GRAPHS[media])
            else:
                media = _negotiate(accept, _RESULTS, default="application/sparql-results+json")
                data = result.serialize(format=_RESULTS[media])
        finally:
            del result
        self._send(200, data or b"", f"{media}; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _negotiate(accept: str, offered: Mapping[str, object], *, default: str) -> str:
    """The offered media type the ``Accept`` header likes best (``*/*`` or nothing: ``default``)."""
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            choices.append((-q, index, media.lower()))
    for _, _, media in sorted(choices):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default
    if not choices:
        return default
    raise _Refused(406, f"cannot answer in {accept!r}; offered: {', '.join(offered)}")


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>qgraph SPARQL</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; }
textarea { width: 100%; height: 12rem; font-family: monospace; font-size: 0.95rem; }
table { border-collapse: collapse; margin-top: 1rem; }
td, th { border: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
#status { margin-left: 1rem; color: #555; } .error { color: #b00; white-space: pre-wrap; }
</style></head>
<body>
<h1>qgraph SPARQL</h1>
<p>Read-only. Prefixes such as <code>qg:</code>, <code>qgid:</code>, <code>rdfs:</code> are predeclared;
the default graph is the union of all graphs. Endpoint: <code>/sparql</code>.</p>
<form id="form"><textarea id="query" name="query" spellcheck="false">SELECT ?class (COUNT(?s) AS ?n)
WHERE { ?s a ?class }
GROUP BY ?class
ORDER BY DESC(?n)
LIMIT 50</textarea>
<p><button type="submit">Run</button><span id="status"></span></p></form>
<div id="result"></div>
<script src="/app.js"></script>
</body></html>
"""

SCRIPT = """'use strict';
const form = document.getElementById('form');
const result = document.getElementById('result');
const status = document.getElementById('status');
function cell(term) {
  const td = document.createElement('td');
  if (term) {
    td.textContent = term.value;
    if (term['xml:lang']) td.title = '@' + term['xml:lang'];
    else if (term.datatype) td.title = term.datatype;
  }
  return td;
}
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = 'running…';
  result.replaceChildren();
  const body = new URLSearchParams({query: document.getElementById('query').value});
  try {
    const response = await fetch('/sparql', {method: 'POST', body,
      headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
    const text = await response.text();
    if (!response.ok) throw new Error(text);
    if (!(response.headers.get('Content-Type') || '').includes('json')) {
      const pre = document.createElement('pre'); pre.textContent = text; result.append(pre);
      status.textContent = ''; return;
    }
    const data = JSON.parse(text);
    if ('boolean' in data) { result.textContent = String(data.boolean); status.textContent = ''; return; }
    const vars = data.head.vars, rows = data.results.bindings;
    const table = document.createElement('table');
    const head = table.insertRow();
    for (const v of vars) { const th = document.createElement('th'); th.textContent = v; head.append(th); }
    for (const row of rows) { const tr = table.insertRow(); for (const v of vars) tr.append(cell(row[v])); }
    result.append(table);
    status.textContent = rows.length + ' row' + (rows.length === 1 ? '' : 's');
  } catch (error) {
    const div = document.createElement('div'); div.className = 'error'; div.textContent = error.message;
    result.append(div); status.textContent = '';
  }
});
"""
