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
    """Run ``srv`` in a daemon thread for the duration of the block, then shut it down."""
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


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
