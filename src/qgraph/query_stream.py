"""Streaming a query's results from a worker process as the engine produces them.

``qgraph query … -f csv | head -3`` returns at once: the rows are written by pyoxigraph's
serialisers in a ``python -m qgraph.query_worker`` process and copied on chunk by chunk, and the
worker is stopped when the reader stops reading or the time limit passes. Part of
:mod:`qgraph.query`, which re-exports :func:`stream_query`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from .errors import InputError, QueryError, StoreError
from .sparql import Term, check_sparql, prologue_for, term_to_json, to_oxigraph_term
from .sparql_prefixes import SPARQL_PREFIXES as PREFIXES

DEFAULT_TIMEOUT = 30.0


STREAM_FORMATS = ("csv", "tsv", "json", "xml", "nt")
"""Formats :func:`stream_query` writes as the engine produces them (``nt`` for CONSTRUCT / DESCRIBE)."""


def stream_query(source: Path | str, text: str, output: BinaryIO, *, fmt: str,
                 params: Mapping[str, str | Term] | None = None, timeout: float | None = DEFAULT_TIMEOUT,
                 allow_service: bool = False) -> bool:
    """Run a read-only query on a local graph and copy its results to ``output`` as they come.

    Rows are written by pyoxigraph's serialisers in the worker process and passed on chunk by chunk,
    so ``qgraph query … | head -3`` returns at once. Returns ``False`` when the reader stopped
    reading (a closed pipe); the worker is then stopped.

    :raises QueryError: the form does not fit ``fmt``, a syntax error, a refused query or the timeout.
    """
    import selectors
    import time

    checked = check_sparql(text, allow_update=False, allow_service=allow_service)
    graph = checked.form in ("CONSTRUCT", "DESCRIBE")
    if graph != (fmt == "nt"):
        allowed = "ttl, jsonld, nt" if graph else "table, csv, tsv, json, xml"
        raise QueryError(f"a {checked.form} result cannot be written as {fmt}; use one of {allowed}")
    request = {
        "source": str(source), "stream": fmt, "prefixes": PREFIXES,
        "queries": [{"text": checked.text, "form": checked.form, "prologue": prologue_for(checked),
                     "bindings": {n: term_to_json(to_oxigraph_term(v)) for n, v in (params or {}).items()}}],
    }
    proc = subprocess.Popen([sys.executable, "-m", "qgraph.query_worker"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=worker_env())
    deadline = time.monotonic() + timeout if timeout and timeout > 0 else None
    try:
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        proc.stdin.write(json.dumps(request).encode())
        proc.stdin.close()
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            while True:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise QueryError(f"the query ran longer than {timeout:g} s and was stopped (see --timeout)")
                if not sel.select(left):
                    continue
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                try:
                    output.write(chunk)
                    output.flush()
                except BrokenPipeError:
                    return False
        proc.wait()
        if proc.returncode != 0:
            raise_worker_error(proc.stderr.read().decode("utf-8", "replace"), proc.returncode)
        return True
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()


def worker_env() -> dict[str, str]:
    package_root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env["QGRAPH_PARENT_PID"] = str(os.getpid())  # the worker dies with this process (query_worker)
    return env


def raise_worker_error(text: str, returncode: int) -> None:
    try:
        answer = json.loads(text)
    except ValueError:
        last = (text.strip().splitlines() or ["no output"])[-1]
        raise QueryError(f"the query engine failed (exit {returncode}): {last}") from None
    if answer["kind"] == "input":
        raise InputError(answer["path"], answer["problem"])
    raise (StoreError if answer["kind"] == "store" else QueryError)(answer["error"])
