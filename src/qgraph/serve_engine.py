"""The query engine behind ``qgraph serve``: one ``oxigraph query`` process per query.

Each query runs in its own process of the Oxigraph command-line tool (PyPI package ``oxigraph``),
which opens the store read-only, evaluates the query with the union of all graphs as the default
graph, and writes SELECT/ASK results as TSV and CONSTRUCT/DESCRIBE results as N-Triples to a pipe
(one row or triple per line). :class:`Run` reads that pipe; at the time limit, at the row cap, or
when the client has gone, the process is killed — the work really stops, whatever the query.
The time limit counts from the start of the process (its start-up and its work), not the wait for
a free slot. Once the engine has closed its output, the whole answer has been read: its exit
status is then awaited a little past the limit rather than turning a finished answer into a cut.
At most :attr:`Engine.slots` processes run at once; on Linux each one is also killed if qgraph
itself dies (``setpriv --pdeathsig``), even by ``SIGKILL``, and its memory is capped
(``prlimit --data``): a query that would sort or hash more than that is stopped by the allocator
instead of pushing the machine into swap.

An RDF file given with ``--graph`` is first loaded into a temporary store, removed at the end.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from .display import shown
from .errors import QgraphError, StoreError
from .store import open_graph


EXIT_GRACE = 10.0
"""Seconds a process that has closed its output may still take to exit, even past the deadline."""


class QueryTimeout(Exception):
    """The query ran over its time limit; its process was killed."""


class EngineFailed(Exception):
    """The engine exited with an error (its message is the exception's text)."""


def find_oxigraph() -> str:
    """The ``oxigraph`` executable of this Python environment (PyPI package ``oxigraph``), else on PATH."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        raise QgraphError("the Oxigraph command-line tool is not installed: pip install oxigraph")
    return exe


def default_slots() -> int:
    """Queries that may run at once: four per core, at least 4, at most 32."""
    return max(4, min(32, 4 * (os.cpu_count() or 1)))


class Engine:
    """Runs queries over one store, each in its own killable ``oxigraph query`` process."""

    def __init__(self, source: Path, *, timeout: float, max_memory: int | None = None,
                 slots: int | None = None) -> None:
        """Check ``source`` (a store directory, or an RDF file copied into a temporary store).

        ``max_memory`` (MB) caps each query process's data segment (``prlimit --data``, Linux);
        a query that needs more is stopped by the allocator.

        :raises InputError: no graph at ``source``.
        :raises StoreError: the store cannot be opened.
        :raises QgraphError: the Oxigraph tool is missing.
        """
        self.timeout = timeout
        self.max_memory = max_memory
        self.exe = find_oxigraph()
        self.slots = threading.BoundedSemaphore(slots or default_slots())
        self._temp: Path | None = None
        from .segments import is_segmented

        graph = open_graph(source)  # clear errors for a missing or broken source
        if Path(source).is_dir() and not is_segmented(Path(source)):
            del graph  # the store is opened again, read-only, by every query process
            self.location = Path(source)
        else:
            self._temp = Path(tempfile.mkdtemp(prefix="qgraph-serve-"))
            self.location = self._temp / "store"
            try:
                disk = ox.Store(str(self.location))
                disk.bulk_extend(graph)
                disk.flush()
                del disk, graph
            except OSError as exc:
                self.stop()
                raise StoreError(f"{shown(source)}: cannot copy into a temporary store: {exc}") from None
        linux = sys.platform.startswith("linux")
        setpriv = shutil.which("setpriv") if linux else None
        prlimit = shutil.which("prlimit") if linux and max_memory else None
        self._prefix = ([setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []) + (
            [prlimit, f"--data={max_memory * 1024 * 1024}", "--"] if prlimit and max_memory else [])

    def run(self, query: str, *, graph: bool, max_lines: int) -> Run:
        """Start ``query``; read its TSV (or N-Triples if ``graph``) answer from the returned :class:`Run`.

        The time limit starts now: call this once a slot is held, so waiting for one does not count.
        """
        command = [*self._prefix, self.exe, "query", "--location", str(self.location), "--union-default-graph",
                   "--results-format", "nt" if graph else "tsv"]
        return Run(command, query, deadline=time.monotonic() + self.timeout, max_lines=max_lines)

    def stop(self) -> None:
        """Remove a temporary store."""
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None


class Run:
    """One running query: a file-like reader of its answer, cut after ``max_lines`` lines.

    :meth:`read` raises :class:`QueryTimeout` past the deadline and :class:`EngineFailed` if the
    process ends with an error, so a consumer never mistakes a cut answer for a whole one.
    """

    def __init__(self, command: list[str], query: str, *, deadline: float, max_lines: int) -> None:
        self.deadline = deadline
        self.limit = max_lines
        self.lines = 0
        self.buffer = b""
        self.eof = False
        self.truncated = False
        self._errors = tempfile.TemporaryFile()
        env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self._errors, env=env)
        assert self.process.stdin is not None and self.process.stdout is not None
        self._out = self.process.stdout.fileno()
        self._poll = select.poll()  # not select(): a busy server has descriptors over FD_SETSIZE
        self._poll.register(self._out, select.POLLIN | select.POLLHUP | select.POLLERR)
        try:
            self.process.stdin.write(query.encode("utf-8"))
            self.process.stdin.close()
        except OSError:  # it has already exited; its error is read at the end of its output
            pass

    def _chunk(self) -> bytes:
        """The next bytes of output (``b""`` at the end), waiting no longer than the deadline."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0 or not self._poll.poll(max(1, int(remaining * 1000))):
            self.close()
            raise QueryTimeout()
        chunk = os.read(self._out, 65536)
        if not chunk:  # the output is complete; only the exit status is still to come
            try:
                code = self.process.wait(timeout=max(EXIT_GRACE, self.deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.close()
                raise QueryTimeout() from None
            if code != 0:
                raise EngineFailed(self.error_text())
        return chunk

    def _more(self) -> None:
        chunk = self._chunk()
        if not chunk:
            self.eof = True
            return
        if self.lines + chunk.count(b"\n") >= self.limit:
            cut = -1
            for _ in range(self.limit - self.lines):
                cut = chunk.index(b"\n", cut + 1)
            rest, chunk = chunk[cut + 1:], chunk[:cut + 1]
            self.truncated = bool(rest)  # (or the next row was still to come)
            self.eof = True
            self.close()  # the rest is not wanted: stop the work
        self.lines += chunk.count(b"\n")
        self.buffer += chunk

    def read_ahead(self, size: int) -> bool:
        """Read until ``size`` bytes have arrived or the answer is complete; tell whether it is.

        Complete means the end of the output with a clean exit, or the row cap reached.

        :raises QueryTimeout: the deadline passed first.
        :raises EngineFailed: the engine ended with an error.
        """
        while not self.eof and len(self.buffer) < size:
            self._more()
        return self.eof

    def read(self, size: int = -1) -> bytes:
        if not self.buffer and not self.eof:
            self._more()
        size = len(self.buffer) if size is None or size < 0 else size
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def error_text(self) -> str:
        self._errors.seek(0)
        text = self._errors.read(20_000).decode("utf-8", "replace").strip()
        return text.removeprefix("Error: ")

    def close(self) -> None:
        """Kill the process if it still runs, and release its pipes."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._errors.close()
