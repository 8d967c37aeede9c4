"""Small HTTP servers for tests: run one in a thread, answer with a status, headers and a body."""

from __future__ import annotations

import contextlib
import socketserver
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import TypeVar

S = TypeVar("S", bound=socketserver.BaseServer)


@contextlib.contextmanager
def serving(srv: S) -> Iterator[S]:
    """Run ``srv`` in a daemon thread for the duration of the block, then shut it down.

    A request still being answered afterwards (a handler told to stall past the client's time
    limit) finishes in its own daemon thread; its error, if any, is not printed: it would land in
    whatever a later test is capturing on stderr."""
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.handle_error = _ignore_late_error  # type: ignore[method-assign]
        srv.shutdown()
        srv.server_close()


def _ignore_late_error(request: object, client_address: object) -> None:
    """``BaseServer.handle_error`` once the test is over: the client has gone, nobody reads it."""


class ReplyingHandler(BaseHTTPRequestHandler):
    """A quiet request handler with one way to answer."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
