"""Helpers for the ``qgraph serve`` tests: HTTP calls, raw requests, the query processes of a server."""

from __future__ import annotations

import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from qgraph.serve import SparqlServer

from http_helpers import serving  # noqa: F401 (the serve tests take it from here)

MAX_ROWS = 500
GOOD = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
LABEL = 'SELECT ?label WHERE { ?org a qg:GovernmentDepartment ; rdfs:label ?label FILTER(lang(?label) = "zh") }'
# 42 quads: 42^6 ≈ 5.5e9 combinations to count — far beyond one second.
CARTESIAN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q . ?r ?t ?u }"
WIDE = "SELECT * { ?a ?b ?c . ?d ?e ?f }"  # 42 * 42 = 1764 rows
FORM = "application/x-www-form-urlencoded"


def call(server: SparqlServer, path: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(server.url.rstrip("/") + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get(server: SparqlServer, query: str, **params: str) -> tuple[int, dict[str, str], bytes]:
    return call(server, "/sparql?" + urllib.parse.urlencode({"query": query, **params}))


def raw(server: SparqlServer, request: bytes, *, half_close: bool = False) -> bytes:
    """Send bytes as they are; return the whole answer (the server closes every connection)."""
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=60) as sock:
        sock.sendall(request)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def count(server: SparqlServer) -> int:
    status, _, body = get(server, GOOD, format="csv")
    assert status == 200, body
    return int(body.decode().splitlines()[1])


def engine_processes(parent: int | None = None) -> list[int]:
    """The ``oxigraph query`` processes started by ``parent`` (default: this test process)."""
    parent = parent or os.getpid()
    found = []
    for task in Path(f"/proc/{parent}/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except OSError:  # the thread ended while we looked
            continue
        for child in children:
            try:
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
                state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if b"query" in cmdline and any(part.endswith(b"oxigraph") for part in cmdline) and state != "Z":
                found.append(int(child))
    return found


def wait_until(condition: object, seconds: float = 30.0) -> bool:
    """Poll ``condition()`` (a generous bound, only so that a failure cannot hang the suite)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False
