"""``qgraph serve`` as a process and with its own limits: memory, connections, signals, bad options."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from qgraph import store
from qgraph.serve import SparqlServer, make_server
from rdf_samples import make_dataset
from serve_helpers import CARTESIAN, WIDE, count, engine_processes, get, raw, wait_until

pytestmark = pytest.mark.server


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory cap uses prlimit (Linux)")
def test_a_query_that_needs_too_much_memory_is_stopped(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path / "out")
    srv = make_server(tmp_path / "out" / "store", port=0, timeout=60, max_memory=192)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        # sorting 42^4 = 3.1 million rows needs far more than 192 MB
        status, _, body = get(srv, "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l")
        assert status == 503 and b"more than 192 MB of memory" in body, body
        assert count(srv) == 42  # and an ordinary query fits
    finally:
        srv.shutdown()
        srv.server_close()


def test_cli_refuses_bad_limits() -> None:
    from click.testing import CliRunner

    from qgraph.cli import main

    for args in (["--timeout", "0"], ["--timeout", "-1"], ["--timeout", "nan"], ["--max-rows", "0"],
                 ["--max-memory", "64"]):
        result = CliRunner().invoke(main, ["serve", *args])
        assert result.exit_code == 2 and "Invalid value" in result.output, (args, result.output)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_a_running_query_dies_with_qgraph(tmp_path: Path) -> None:
    from conftest import free_port

    store.publish(make_dataset(), tmp_path / "out")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from qgraph.cli import main; main()", "serve", "--port",
                             str(port), "--timeout", "600", "--build", str(tmp_path / "out")],
                            stderr=subprocess.PIPE, text=True)
    orphans: list[int] = []
    try:
        assert "serving" in (proc.stderr.readline() if proc.stderr else "")
        url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": CARTESIAN})

        def ask() -> None:
            with contextlib.suppress(OSError):  # the server is killed under it
                urllib.request.urlopen(url, timeout=60)

        threading.Thread(target=ask, daemon=True).start()
        assert wait_until(lambda: engine_processes(proc.pid))
        orphans = engine_processes(proc.pid)
    finally:
        proc.kill()  # SIGKILL: qgraph cannot clean up
        proc.wait(timeout=10)

    def gone() -> bool:
        alive = []
        for pid in orphans:
            try:
                if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(pid)
            except OSError:
                pass
        return not alive

    try:
        assert gone() or wait_until(gone), "the query process outlived qgraph serve"
    finally:
        for pid in orphans:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_sigterm_stops_serve_cleanly_and_removes_its_temporary_store(tmp_path: Path) -> None:
    from conftest import free_port

    store.write_outputs(make_dataset(), tmp_path, formats=("nq",))
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from qgraph.cli import main; main()", "serve", "--port",
                             str(port), "--graph", str(tmp_path / "graph.nq")],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(temp)})
    try:
        assert "serving" in (proc.stderr.readline() if proc.stderr else "")
        assert [p.name[:13] for p in temp.iterdir()] == ["qgraph-serve-"]  # --graph: a temporary store
        for query in (WIDE, CARTESIAN):  # clients that leave early: no traceback
            request = "GET /sparql?" + urllib.parse.urlencode({"query": query}) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
            with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                sock.sendall(request.encode())
                if query == WIDE:
                    sock.recv(10)
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:  # a reset mid-request
            sock.sendall(b"GET /sparql?query=ASK HTTP/1.1\r\nHost: local")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        errors = proc.stderr.read() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "Traceback" not in errors, errors
    assert list(temp.iterdir()) == []


def test_connections_over_the_cap_get_503_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SparqlServer, "max_connections", 4)
    store.publish(make_dataset(), tmp_path / "out")
    srv = make_server(tmp_path / "out" / "store", port=0)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    idle = [socket.create_connection(("127.0.0.1", srv.server_address[1]), timeout=30) for _ in range(4)]
    try:  # four clients that never send their request (slowloris) hold every thread
        for sock in idle:
            sock.sendall(b"GET / HTTP/1.1\r\n")
        time.sleep(0.5)
        assert raw(srv, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").startswith(b"HTTP/1.1 503 ")
    finally:
        for sock in idle:
            sock.close()
    try:
        assert wait_until(lambda: raw(srv, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").startswith(b"HTTP/1.1 200 "))
        assert count(srv) == 42
    finally:
        srv.shutdown()
        srv.server_close()
