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
This module is an implementation detail of :mod:`qgraph.query`.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.parse
import urllib.request
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
        return [_remote(request["endpoint"], q, request.get("http_timeout")) for q in queries]
    needs_write = any(q["form"] == "UPDATE" for q in queries)
    store = _open(Path(request["source"]), writable=needs_write)
    return [_local(store, q, request["prefixes"]) for q in queries]


def _open(source: Path, *, writable: bool) -> ox.Store:
    from .store import open_graph

    if writable:
        if not source.is_dir():
            raise QueryError(f"{source} is a file; updates need a store directory (out/store) or --endpoint")
        try:
            return ox.Store(str(source))
        except OSError as exc:
            raise StoreError(f"{source}: cannot open the store for writing: {exc}") from None
    return open_graph(source)


def _local(store: ox.Store, query: dict[str, Any], prefixes: dict[str, str]) -> dict[str, str]:
    bindings = {name: term_from_json(term) for name, term in query["bindings"].items()}
    # written into the text as terms (checked, re-parsed): works in any form, projected or not
    text = substitute(query["text"], bindings)
    try:
        if query["form"] == "UPDATE":
            store.update(text, prefixes=prefixes)
            return {"media_type": "", "data": ""}
        result = store.query(text, prefixes=prefixes, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL error: {exc}") from None
    except OSError as exc:
        raise StoreError(f"the store failed: {exc}") from None
    except (RuntimeError, ValueError) as exc:  # e.g. a parameter the SELECT does not project
        raise QueryError(f"the query cannot run: {exc}") from None
    if isinstance(result, ox.QueryTriples):
        return {"media_type": N_TRIPLES, "data": result.serialize(format=ox.RdfFormat.N_TRIPLES).decode()}
    return {"media_type": RESULTS_JSON, "data": result.serialize(format=ox.QueryResultsFormat.JSON).decode()}


def _remote(endpoint: str, query: dict[str, Any], http_timeout: float | None) -> dict[str, str]:
    bindings = {name: term_from_json(term) for name, term in query["bindings"].items()}
    text = query["prologue"] + substitute(query["text"], bindings)
    field = "update" if query["form"] == "UPDATE" else "query"
    body = urllib.parse.urlencode({field: text}).encode()
    req = urllib.request.Request(endpoint, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Accept": _ACCEPT[query["form"]],
        "User-Agent": "qgraph",
    })
    try:
        with urllib.request.urlopen(req, timeout=http_timeout) as response:
            media_type = response.headers.get_content_type()
            data = response.read().decode(response.headers.get_content_charset() or "utf-8")
    except urllib.error.HTTPError as exc:
        detail = exc.read(2000).decode("utf-8", "replace").strip()
        raise QueryError(f"the endpoint answered {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(f"cannot reach the endpoint {endpoint}: {reason}") from None
    except UnicodeDecodeError:
        raise QueryError("the endpoint answered with text that is not valid UTF-8") from None
    return {"media_type": media_type, "data": data}


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
        text = substitute(query["text"], bindings)
        try:
            result = store.query(text, prefixes=request["prefixes"], use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL error: {exc}") from None
        except OSError as exc:
            raise StoreError(f"the store failed: {exc}") from None
        except (RuntimeError, ValueError) as exc:
            raise QueryError(f"the query cannot run: {exc}") from None
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


def main() -> int:
    """Read a request from stdin, write the answer to stdout. Exit 0 even for query errors."""
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
