"""``qgraph serve``: a local, read-only SPARQL 1.1 Protocol endpoint with a query page.

- ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded ``query=…`` or ``application/sparql-query``);
  ``HEAD`` and ``OPTIONS`` too. SELECT/ASK results as JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as
  Turtle, N-Triples, RDF/XML or JSON-LD; chosen by ``?format=`` (also ``output=`` / ``results=``, as
  SPARQLWrapper sends them) or the ``Accept`` header, falling back to JSON / Turtle.
- Updates, ``SERVICE`` and ``LOAD`` are refused (403), see :mod:`qgraph.serve_protocol`.
- ``GET /`` is a query page (plain HTML + JavaScript from ``/app.js``, nothing from a CDN).
- Binds 127.0.0.1 by default; answers only requests whose ``Host`` is the bound address or
  ``localhost`` (no DNS rebinding) and refuses what a browser marks as cross-site (``Origin`` of
  another site, ``Sec-Fetch-Site: cross-site``), so no web page can run queries here. Clients that
  send no such header (curl, SPARQLWrapper) are not affected.
- Queries see the union of all graphs as the default graph; ``GRAPH ?g`` reaches each source
  document's graph. Every query has a time limit (``--timeout``) at which its work is stopped, and
  an answer holds at most ``--max-rows`` rows or triples (sent as ``X-Qgraph-Max-Rows``); a query
  stops when it needs more than ``--max-memory`` (Linux). The engine's output is read
  ahead up to 64 KiB before the status is sent: a smaller answer is complete by then and goes whole
  with a ``Content-Length`` (the time limit striking before is a clean 503). A bigger one is streamed
  (chunked); one cut by the time limit or an engine error ends without the final chunk, so a client
  sees an incomplete response, never a short one that looks whole.

Design, measured (``benchmarks/bench_serve.py``; figures in the README): each query runs in its
own ``oxigraph query`` process (:mod:`qgraph.serve_engine`), killed at the time limit. Two other
designs were tried. ``oxigraph serve-read-only --timeout-s`` behind this front answers a small
query faster (3 ms against 56 ms: no process start), but its timeout is a cooperative cancellation
that some plans never check: a ``COUNT`` over a six-way cartesian product kept a core busy for
minutes after its 2 s limit, and the only way to stop it is to kill the server with every other
query in it. pyoxigraph in this process cannot stop a running query at all (its API has no
timeout or cancellation), so it would need a pool of killable Python workers, each restart a
Python start-up. A process per query is the one design where every query is stopped for sure, one
at a time; ``Engine.slots`` bounds how many run at once. The front does what the engine does not:
the ``Host``/CSRF checks, refusing ``SERVICE`` (the engine would fetch it) and updates with a
thread-safe lexer instead of rdflib's pyparsing grammar (not thread-safe: the old server stopped
answering after 2–3 concurrent queries), predeclared prefixes, the row cap, format negotiation.
It reads the engine's TSV / N-Triples (one row or triple per line, so the cap is a line count)
and re-serialises it with pyoxigraph: whole for a small answer, as it arrives for a big one.
"""

from __future__ import annotations

import contextlib
import io
import logging
import signal
import socket
import sys
import threading
import urllib.parse
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import QgraphError
from .serve_engine import Engine, EngineFailed, QueryTimeout, Run
from .serve_protocol import (GRAPH_FORMATS, SOLUTION_FORMATS, ChunkedWriter, Refused, check_host,
                             check_same_origin, content_length, engine_message, negotiate, screen_query)
from .vocab import PREFIXES

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
READ_AHEAD = 65536
"""Bytes of the engine's output read before the status is sent: an answer this small goes whole."""
DEFAULT_MAX_MEMORY = 1024
"""Megabytes of memory one query may use (Linux; ``None``: no cap)."""
_LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
_PROLOGUE = "".join(f"PREFIX {p}: <{ns}> " for p, ns in PREFIXES.items()) + "\n"
_MEDIA = {**{fmt: media for media, fmt in reversed(list(GRAPH_FORMATS.items()))},
          ox.RdfFormat.TURTLE: "text/turtle", ox.RdfFormat.RDF_XML: "application/rdf+xml",
          ox.RdfFormat.JSON_LD: "application/ld+json"}
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class SparqlServer(ThreadingHTTPServer):
    """The qgraph front: a ``ThreadingHTTPServer`` holding the engine that runs the queries."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 1024  # the listen backlog (the kernel may lower it to net.core.somaxconn)

    max_connections = 1024
    """Connections served at once (one thread each); more are answered 503 at once and closed."""

    def __init__(self, engine: Engine, *, host: str, port: int, max_rows: int) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, port), _Handler)
        self.engine = engine
        self.max_rows = max_rows
        self.allowed_hosts = frozenset(_LOCAL_NAMES | {host.lower()})
        self._connections = threading.BoundedSemaphore(self.max_connections)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._connections.acquire(blocking=False):  # e.g. slow clients holding every thread
            with contextlib.suppress(OSError):
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                b"Retry-After: 1\r\nConnection: close\r\nContent-Length: 26\r\n\r\n"
                                b"too many connections open\n")
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._connections.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.engine.stop()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One log line for a client that went away; a traceback only for a bug."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            log.info("%s: %s", client_address[0], type(exc).__name__)
        else:
            log.error("request from %s failed", client_address[0], exc_info=True)


def make_server(source: Path, *, host: str = "127.0.0.1", port: int = 7879, timeout: float = DEFAULT_TIMEOUT,
                max_rows: int = DEFAULT_MAX_ROWS, max_memory: int | None = DEFAULT_MAX_MEMORY) -> SparqlServer:
    """Prepare the engine for ``source`` (a store directory or an RDF file) and bind the front (port 0: any).

    :raises InputError: no graph at ``source``.
    :raises StoreError: the store cannot be opened.
    :raises QgraphError: the Oxigraph tool is missing or the address cannot be bound.
    """
    engine = Engine(source, timeout=timeout, max_memory=max_memory)
    try:
        return SparqlServer(engine, host=host, port=port, max_rows=max_rows)
    except OSError as exc:
        engine.stop()
        raise QgraphError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    except BaseException:
        engine.stop()
        raise


def serve(
    source: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7879,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    on_ready: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve ``source`` until interrupted (Ctrl-C) or until ``stop`` is set."""
    server = make_server(source, host=host, port=port, timeout=timeout, max_rows=max_rows, max_memory=max_memory)
    previous = None
    if threading.current_thread() is threading.main_thread():  # SIGTERM stops it as cleanly as Ctrl-C
        previous = signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        if on_ready is not None:
            on_ready(server.url)
        if stop is not None:
            def stop_when_set() -> None:
                stop.wait()
                server.shutdown()

            threading.Thread(target=stop_when_set, daemon=True).start()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "qgraph"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may take to send its request (or to take a chunk of the answer)

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_OPTIONS(self) -> None:
        self._dispatch("OPTIONS")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def _dispatch(self, method: str) -> None:
        self.close_connection = True
        self.head_only = method == "HEAD"
        try:
            check_host(self.headers, self.server.allowed_hosts)
            path, _, query_string = self.path.partition("?")
            if path == "/favicon.ico":  # browsers ask for it; no icon, and no 404 in their console
                _allow(method, "GET, HEAD, OPTIONS")
                return self._send(204, b"", None)
            if path in ("/", "/app.js"):
                _allow(method, "GET, HEAD, OPTIONS")
                if method == "OPTIONS":
                    return self._send(204, b"", None, {"Allow": "GET, HEAD, OPTIONS"})
                if path == "/":
                    return self._send(200, PAGE.encode("utf-8"), "text/html; charset=utf-8")
                return self._send(200, SCRIPT.encode("utf-8"), "text/javascript; charset=utf-8")
            if path != "/sparql":
                raise Refused(404, f"no such page: {path[:100]}; the endpoint is /sparql")
            _allow(method, "GET, HEAD, POST, OPTIONS")
            check_same_origin(self.headers, int(self.server.server_address[1]))
            if method == "OPTIONS":
                return self._send(204, b"", None, {"Allow": "GET, HEAD, POST, OPTIONS"})
            try:
                params = urllib.parse.parse_qs(query_string, keep_blank_values=True, max_num_fields=100)
            except ValueError:
                raise Refused(400, "too many parameters") from None
            text = self._query_text(method, params)
            graph = screen_query(text)
            short = next((params[k][0] for k in ("format", "output", "results") if params.get(k)), "")
            self._answer(text, graph, short)
        except Refused as exc:
            self._send(exc.status, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8", exc.headers)
        except QgraphError as exc:
            self._send(400, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _query_text(self, method: str, params: dict[str, list[str]]) -> str:
        if "update" in params:
            raise Refused(403, "this endpoint is read-only: updates are refused")
        if method in ("GET", "HEAD"):
            if "query" not in params:
                raise Refused(400, "missing query parameter: GET /sparql?query=…")
            return params["query"][0]
        length = content_length(self.headers)
        try:
            raw = self.rfile.read(length)
        except TimeoutError:
            raise Refused(408, "the request body did not arrive in time") from None
        if len(raw) != length:
            raise Refused(400, f"the request body has {len(raw)} of the {length} bytes announced")
        body = raw.decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            raise Refused(403, "this endpoint is read-only: updates are refused")
        if kind == "application/sparql-query":
            return body
        if kind == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qs(body, keep_blank_values=True, max_num_fields=100)
            except ValueError:
                raise Refused(400, "too many form fields") from None
            if "update" in form:
                raise Refused(403, "this endpoint is read-only: updates are refused")
            if "query" in form:
                return form["query"][0]
            raise Refused(400, "missing query field in the form")
        raise Refused(415, "POST needs Content-Type application/sparql-query or application/x-www-form-urlencoded")

    def _answer(self, text: str, graph: bool, short: str) -> None:
        engine = self.server.engine
        if not engine.slots.acquire(timeout=max(10.0, engine.timeout)):
            raise Refused(503, "too many queries are running; try again", {"Retry-After": "1"})
        try:
            try:
                run = engine.run(_PROLOGUE + text, graph=graph, max_lines=self.server.max_rows + (0 if graph else 1))
            except OSError as exc:
                raise Refused(503, f"the query engine cannot start: {exc.strerror or exc}") from None
            try:
                self._relay(run, text, graph, short)
            finally:
                run.close()
        finally:
            engine.slots.release()

    def _relay(self, run: Run, text: str, graph: bool, short: str) -> None:
        """Send the answer in the negotiated format.

        The engine's output is read ahead up to :data:`READ_AHEAD` bytes before any status is sent: a
        smaller answer is then complete (or a clean error), and goes whole with a ``Content-Length``;
        only a bigger one is streamed, chunked, and may still be cut by the time limit.
        """
        try:
            complete = run.read_ahead(READ_AHEAD)
        except QueryTimeout:
            raise Refused(503, f"the query ran over the time limit ({self.server.engine.timeout:g} s) and was "
                               "stopped; narrow it down or add a LIMIT") from None
        except EngineFailed as exc:
            if "memory allocation of" in str(exc):
                raise Refused(503, f"the query needed more than {self.server.engine.max_memory} MB of memory "
                                   "and was stopped; narrow it down or add a LIMIT") from None
            if str(exc).startswith("error at "):  # the engine's parser: the query is at fault
                raise Refused(400, engine_message(str(exc), text, _PROLOGUE.count("\n"))) from None
            raise Refused(500, "the query engine failed: " + " ".join(str(exc).split())[:300]) from None
        media = negotiate(self.headers.get("Accept") or "", short, graph=graph)
        fmt: Any = GRAPH_FORMATS[media] if graph else SOLUTION_FORMATS[media]
        media = _MEDIA[fmt] if graph else media
        content_type = f"{media}; charset=utf-8"
        max_rows = {"X-Qgraph-Max-Rows": str(self.server.max_rows)}
        if run.truncated:
            log.info("answer cut at %d rows (--max-rows)", self.server.max_rows)
        if complete:  # all of it has been read: nothing can cut it any more
            whole = io.BytesIO()
            try:
                _serialize(run, graph, fmt, whole)
            except (SyntaxError, ValueError, OSError) as exc:
                raise Refused(500, f"the engine's answer could not be converted: {exc}"[:300]) from None
            return self._send(200, whole.getvalue(), content_type, max_rows)
        self.send_response(200)
        for name, value in {"Content-Type": content_type, "Transfer-Encoding": "chunked",
                            "Connection": "close", **max_rows, **_SECURITY_HEADERS}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.head_only:
            return
        out = ChunkedWriter(self.wfile)
        try:
            _serialize(run, graph, fmt, out)
            out.finish()
        except Exception as exc:  # the time limit, an engine error, or the client left: no final chunk
            log.info("answer cut: %s", type(exc).__name__)

    def _send(self, status: int, body: bytes, content_type: str | None,
              headers: Mapping[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for name, value in {**_SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)


def _serialize(run: Run, graph: bool, fmt: Any, out: Any) -> None:
    """Convert the engine's N-Triples (``graph``) or TSV from ``run`` into ``fmt``, written to ``out``."""
    if graph:
        prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if fmt == ox.RdfFormat.TURTLE else None
        ox.serialize(ox.parse(run, ox.RdfFormat.N_TRIPLES), out, fmt, prefixes=prefixes)
    else:
        ox.parse_query_results(run, ox.QueryResultsFormat.TSV).serialize(out, fmt)


def _allow(method: str, allowed: str) -> None:
    if method not in allowed.split(", "):
        raise Refused(405, f"{method} is not allowed here; use {allowed}", {"Allow": allowed})


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
<p>Read-only. Prefixes such as <code>qg:</code>, <code>qgplace:</code>, <code>qgorg:</code>, <code>rdfs:</code> are predeclared;
the default graph is the union of all graphs. Queries have a time limit and a row limit.
Endpoint: <code>/sparql</code>.</p>
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
    const max = Number(response.headers.get('X-Qgraph-Max-Rows') || 0);
    status.textContent = rows.length + ' row' + (rows.length === 1 ? '' : 's')
      + (max && rows.length >= max ? " (cut at the server's limit of " + max + " rows)" : '');
  } catch (error) {
    const div = document.createElement('div'); div.className = 'error'; div.textContent = error.message;
    result.append(div); status.textContent = '';
  }
});
"""
