"""Execute SPARQL in a separate process, so that a runaway query can be killed.

pyoxigraph has no query timeout, and a thread running Rust code cannot be interrupted. So
:func:`qgraph.query.run_queries` starts ``python -m qgraph.query_worker``, writes one JSON request
to its stdin and kills it when the deadline passes. The worker opens the graph (a store directory
read-only, or an RDF file into memory) or talks to a remote endpoint, and writes one JSON answer::

    request  {"source": "out/store", "endpoint": null, "prefixes": {...},
              "queries": [{"text": "...", "form": "SELECT", "bindings": {"place": {"type": "literal", ...}}}]}
    answer   {"results": [{"media_type": "application/sparql-results+json", "data": "..."}]}
          or {"error": "...", "kind": "query" | "input" | "store"}

Queries are checked (:func:`qgraph.sparql.check_sparql`) by the caller before they get here.
This module is an implementation detail of :mod:`qgraph.query`, which on Linux saves the second
Python start-up: a query without a time limit runs in a thread of the caller
(:func:`run_in_thread`), one with a limit in a forked copy of the caller (:func:`run_forked`) that
gets the same request, answers the same way through a pipe and is killed at the timeout.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import InputError, QgraphError, QueryError, StoreError
from .sparql import substitute, term_from_json

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
_ACCEPT = {
    "SELECT": f"{RESULTS_JSON}, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.8",
    "ASK": f"{RESULTS_JSON}, application/sparql-results+xml;q=0.9",
    "CONSTRUCT": f"{N_TRIPLES}, text/turtle;q=0.9, application/rdf+xml;q=0.5",
    "DESCRIBE": f"{N_TRIPLES}, text/turtle;q=0.9, application/rdf+xml;q=0.5",
    "UPDATE": "*/*",
}


def execute(request: dict[str, Any]) -> list[dict[str, str]]:
    """Run every query of a request; return one ``{"media_type", "data"}`` per query."""
    queries = request["queries"]
    if request.get("endpoint"):
        return _remote(request["endpoint"], queries, request.get("http_timeout"))
    needs_write = any(q["form"] == "UPDATE" for q in queries)
    store = _open(Path(request["source"]), writable=needs_write)
    return [_local(store, q, request["prefixes"]) for q in queries]


def _open(source: Path, *, writable: bool) -> ox.Store:
    store_dir = source.is_dir() and source.suffix != ".nq"  # (a large graph.nq is a directory of segments)
    if writable:
        if not store_dir:
            raise QueryError(f"{source} is a file; updates need a store directory (out/store) or --endpoint")
        try:
            return ox.Store(str(source))
        except OSError as exc:
            raise StoreError(f"{source}: cannot open the store for writing: {exc}") from None
    if store_dir:  # as qgraph.store.open_store, without importing the build's modules (rdflib)
        from .display import shown

        try:
            return ox.Store.read_only(str(source))
        except OSError as exc:
            raise StoreError(f"{shown(source)}: cannot open the store: {exc}") from None
    from .store import open_graph

    return open_graph(source)


def _local(store: ox.Store, query: dict[str, Any], prefixes: dict[str, str]) -> dict[str, str]:
    bindings = {name: term_from_json(term) for name, term in query["bindings"].items()}
    result = evaluate(store, query["text"], query["form"], bindings, prefixes)
    if result is None:
        return {"media_type": "", "data": ""}
    if isinstance(result, ox.QueryTriples):
        return {"media_type": N_TRIPLES, "data": result.serialize(format=ox.RdfFormat.N_TRIPLES).decode()}
    return {"media_type": RESULTS_JSON, "data": result.serialize(format=ox.QueryResultsFormat.JSON).decode()}


def evaluate(store: ox.Store, text: str, form: str, bindings: dict[str, Any],
             prefixes: dict[str, str]) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | None:
    """Run one checked query (``None`` for an update) on an open store, with the union of its graphs
    as the default graph; the bindings are written into the text as terms (checked, re-parsed), so
    they work in any form, projected or not."""
    text = substitute(text, bindings)
    try:
        if form == "UPDATE":
            store.update(text, prefixes=prefixes)
            return None
        return store.query(text, prefixes=prefixes, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL error: {exc}") from None
    except OSError as exc:
        raise StoreError(f"the store failed: {exc}") from None
    except (RuntimeError, ValueError) as exc:  # e.g. a parameter the SELECT does not project
        raise QueryError(f"the query cannot run: {exc}") from None


def open_source(source: Path, *, writable: bool) -> ox.Store:
    """The store a request reads (or, for an update, writes)."""
    return _open(source, writable=writable)


def _remote(endpoint: str, queries: list[dict[str, Any]], http_timeout: float | None) -> list[dict[str, str]]:
    """Send each query to ``endpoint`` (SPARQL 1.1 Protocol, URL-encoded POST) with qgraph's HTTP client."""
    from .httpclient import Client, RequestFailed, redact_url

    where = redact_url(endpoint)
    answers = []
    with Client.for_endpoint(endpoint, timeout=http_timeout or None, attempts=3, backoff=0.5) as client:
        for query in queries:
            bindings = {name: term_from_json(term) for name, term in query["bindings"].items()}
            text = query["prologue"] + substitute(query["text"], bindings)
            field = "update" if query["form"] == "UPDATE" else "query"
            client.attempts = 1 if field == "update" else 3  # an update is never sent twice
            try:
                response = client.request("POST", endpoint, body=urllib.parse.urlencode({field: text}).encode(), headers={
                    "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                    "Accept": _ACCEPT[query["form"]],
                })
            except RequestFailed as exc:
                said = "the endpoint {} failed" if exc.reached_server else "cannot reach the endpoint {}"
                raise StoreError(f"{said.format(where)}: {exc.problem}") from None
            if response.status == 401 and client.secrets():
                raise StoreError(f"the endpoint {where} rejected the credentials (HTTP 401)")
            if response.status == 401:
                raise StoreError(f"the endpoint {where} asks for authentication (HTTP 401); give user info in the "
                                 "URL, set QGRAPH_USER and QGRAPH_PASSWORD, or add the host to ~/.netrc")
            if response.status >= 300:
                detail = client.scrub(" ".join(response.body[:2000].decode("utf-8", "replace").split()))  # one line
                raise QueryError(f"the endpoint answered {response.status} {response.reason}: {detail}")
            media_type, _, params = (response.headers.get("content-type") or "text/plain").partition(";")
            charset = re.search(r"charset=\"?([\w-]+)", params)
            try:
                data = response.body.decode(charset.group(1) if charset else "utf-8")
            except (UnicodeDecodeError, LookupError):
                raise QueryError("the endpoint answered with text that is not valid UTF-8") from None
            answers.append({"media_type": media_type.strip().lower(), "data": data})
    return answers


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the qgraph process that started it dies,
    however it dies (even SIGKILL): a runaway query never outlives its command."""
    parent = os.environ.get("QGRAPH_PARENT_PID", "")
    if not sys.platform.startswith("linux") or not parent.isdigit():
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != int(parent):  # the parent died before prctl took effect
        os._exit(1)


_STREAM_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


def stream(request: dict[str, Any]) -> int:
    """Run one query on a local graph and write its results to stdout as they come (``request["stream"]``:
    csv, tsv, json or xml for solutions; N-Triples for graphs). An error before the first byte is
    written to stderr as one JSON object, exit code 3."""
    query = request["queries"][0]
    out = sys.stdout.buffer
    try:
        store = _open(Path(request["source"]), writable=False)
        bindings = {name: term_from_json(term) for name, term in query["bindings"].items()}
        result = evaluate(store, query["text"], query["form"], bindings, request["prefixes"])
    except InputError as exc:
        json.dump({"error": str(exc), "kind": "input", "path": exc.path, "problem": exc.problem}, sys.stderr)
        return 3
    except QgraphError as exc:
        json.dump({"error": str(exc), "kind": "store" if isinstance(exc, StoreError) else "query"}, sys.stderr)
        return 3
    try:
        if isinstance(result, ox.QueryTriples):
            result.serialize(output=out, format=ox.RdfFormat.N_TRIPLES)
        else:
            result.serialize(output=out, format=_STREAM_FORMATS[request["stream"]])
        out.flush()
    except (BrokenPipeError, OSError):
        return 0  # the reader stopped reading (`| head`): nothing more to do
    return 0


def run_in_thread(source: Path, checked: list[Any], bindings: list[dict[str, Any]],
                  prefixes: dict[str, str]) -> list[Any]:
    """Run checked queries on a local graph in a daemon thread of this process (the engine releases
    the GIL) and wait for them in short steps, so that Ctrl-C and SIGTERM are handled at once."""
    import threading

    from .query import QueryResult

    outcome: list[Any] = []

    def work() -> None:
        try:
            store = _open(source, writable=any(c.form == "UPDATE" for c in checked))
            results = []
            for c, b in zip(checked, bindings):
                result = evaluate(store, c.text, c.form, b, prefixes)
                if result is None:
                    results.append(QueryResult(c.form))
                elif isinstance(result, ox.QueryBoolean):
                    results.append(QueryResult(c.form, boolean=bool(result)))
                elif isinstance(result, ox.QueryTriples):
                    results.append(QueryResult(c.form, triples=tuple(result)))
                else:
                    names = tuple(v.value for v in result.variables)
                    results.append(QueryResult(c.form, names, tuple(tuple(s[v] for v in names) for s in result)))
            outcome.append((True, results))
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
            outcome.append((False, exc))

    thread = threading.Thread(target=work, name="qgraph-query", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.1)  # short waits: signals are handled between them
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def run_forked(request: dict[str, Any], timeout: float) -> list[dict[str, str]]:
    """Answer ``request`` in a forked copy of this process, killed when ``timeout`` seconds pass
    (or when this process is interrupted or dies). Same answer as the worker process gives."""
    import select
    import time

    from .query import answer_results

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer, write, leave without running the parent's clean-up
        code = 0
        try:
            os.close(read_end)
            os.environ["QGRAPH_PARENT_PID"] = str(os.getppid())
            _die_with_parent()
            try:
                answer: dict[str, Any] = {"results": execute(request)}
            except InputError as exc:
                answer = {"error": str(exc), "kind": "input", "path": exc.path, "problem": exc.problem}
            except QgraphError as exc:
                answer = {"error": str(exc), "kind": "store" if isinstance(exc, StoreError) else "query"}
            data = json.dumps(answer).encode()
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
        except BaseException:  # noqa: BLE001 - nothing may escape into the parent's code
            code = 3
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryError(f"the query ran longer than {timeout:g} s and was stopped (see --timeout)")
            ready, _, _ = select.select([read_end], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(read_end, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        pid = 0
        return answer_results(b"".join(chunks), b"", os.waitstatus_to_exitcode(status))
    finally:
        os.close(read_end)
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def main() -> int:
    """Read a request from stdin, write the answer to stdout. Exit 0 even for query errors."""
    _die_with_parent()
    try:
        request = json.load(sys.stdin)
        if request.get("stream"):
            return stream(request)
        answer: dict[str, Any] = {"results": execute(request)}
    except InputError as exc:
        answer = {"error": str(exc), "kind": "input", "path": exc.path, "problem": exc.problem}
    except QgraphError as exc:
        answer = {"error": str(exc), "kind": "store" if isinstance(exc, StoreError) else "query"}
    json.dump(answer, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
