"""The query engine behind ``qgraph serve``: an ``oxigraph serve-read-only`` process.

The engine gets the store directory (an RDF file given with ``--graph`` is first loaded into a
temporary store), ``--union-default-graph`` and ``--timeout-s`` (whole seconds, rounded up), and
listens on 127.0.0.1 only. Its port is taken from the ports that the Fetch standard forbids
browsers to contact ("bad ports", e.g. 6665–6669, 10080), so no web page can reach the engine
directly, neither by a cross-site request nor after DNS rebinding; only the qgraph front (which
checks ``Host``, ``Origin`` and ``SERVICE``) talks to it. When all of those ports are taken, a
random free port is used and a warning is logged.

On Linux the engine is killed when qgraph dies (``PR_SET_PDEATHSIG``), even by ``SIGKILL``; its
standard error goes to an unnamed temporary file (read only when it fails to start).
"""

from __future__ import annotations

import contextlib
import ctypes
import http.client
import logging
import math
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import IO
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from .errors import QgraphError
from .store import open_graph

log = logging.getLogger(__name__)

# https://fetch.spec.whatwg.org/#port-blocking — the ones an unprivileged process can bind.
BROWSER_BLOCKED_PORTS = (6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080, 4190, 3659, 4045, 6566, 1719, 1720,
                         1723, 2049, 5060, 5061, 6000)


def find_oxigraph() -> str:
    """The ``oxigraph`` executable of this Python environment (PyPI package ``oxigraph``), else on PATH."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        raise QgraphError("the Oxigraph server is not installed: pip install oxigraph (a dependency of qgraph)")
    return exe


def _death_signal() -> Callable[[], None] | None:
    """A ``preexec_fn`` that has the child killed when the thread that started it ends (Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork, not in the child
    except (OSError, AttributeError):
        return None

    def set_death_signal() -> None:  # pragma: no cover - runs in the child between fork and exec
        prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG

    return set_death_signal


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _any_free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Engine:
    """A running ``oxigraph serve-read-only`` over one store; :meth:`stop` ends it."""

    def __init__(self, source: Path, *, timeout: float) -> None:
        """Open ``source`` (a store directory, or an RDF file copied into a temporary store) and start.

        :raises InputError: no graph at ``source``.
        :raises StoreError: the store cannot be opened.
        :raises QgraphError: the engine cannot be started.
        """
        self.timeout = timeout
        self.timeout_s = max(1, math.ceil(timeout))
        self._temp: Path | None = None
        self._lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        graph = open_graph(source)  # clear errors for a missing or broken source
        if Path(source).is_dir():
            del graph
            self.location = Path(source)
        else:
            self._temp = Path(tempfile.mkdtemp(prefix="qgraph-serve-"))
            self.location = self._temp / "store"
            disk = ox.Store(str(self.location))
            disk.bulk_extend(graph)
            disk.flush()
            del disk, graph
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        exe = find_oxigraph()
        free = [p for p in BROWSER_BLOCKED_PORTS if _port_is_free(p)]
        if not free:
            log.warning("every browser-blocked port is taken; the engine listens on a random port")
        for port in [*free[:5], _any_free_port()]:
            errors = tempfile.TemporaryFile()
            process = subprocess.Popen(
                [exe, "serve-read-only", "--location", str(self.location), "--bind", f"127.0.0.1:{port}",
                 "--union-default-graph", "--timeout-s", str(self.timeout_s)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                preexec_fn=_death_signal(),  # noqa: PLW1509 - a single prctl call
            )
            ready = self._wait_ready(process, port, errors)
            errors.close()
            if ready:
                self.process, self.port = process, port
                return
        raise QgraphError(f"the Oxigraph server did not start: {self._last_error or 'no answer'}")

    _last_error = ""

    def _wait_ready(self, process: subprocess.Popen[bytes], port: int, errors: IO[bytes]) -> bool:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                errors.seek(0)
                err = errors.read(4000).decode("utf-8", "replace")
                self._last_error = (err.strip().splitlines() or [f"exit code {process.returncode}"])[-1]
                return False
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/query?query=ASK%7B%7D", headers={"Accept": "text/tab-separated-values"})
                ok = conn.getresponse().status == 200
                conn.close()
                if ok:
                    return True
            except OSError:
                pass
            time.sleep(0.03)
        process.kill()
        process.wait()
        self._last_error = "no answer within 30 s"
        return False

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def restart_if_dead(self) -> None:
        """Start the engine again if it has exited (it should not; this keeps the endpoint up).

        Call it from the serving thread: the engine is killed when the thread that started it ends.
        """
        with self._lock:
            if self.process is not None and not self.alive():
                log.warning("the Oxigraph server exited with %s; starting it again", self.process.returncode)
                self._start()

    def request(self, query: str) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
        """POST ``query`` to the engine; solutions come back as TSV, graphs as N-Triples.

        :raises OSError: the engine cannot be reached.
        """
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout_s + 5)
        try:
            conn.request("POST", "/query", body=query.encode("utf-8"), headers={
                "Content-Type": "application/sparql-query; charset=utf-8",
                "Accept": "text/tab-separated-values, application/n-triples"})
            return conn, conn.getresponse()
        except BaseException:
            conn.close()
            raise

    def stop(self) -> None:
        """Stop the engine and remove a temporary store."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
