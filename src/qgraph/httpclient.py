"""A small HTTP client for the loader: retries with backoff, basic / digest auth, no secrets in errors.

Standard library only (``urllib``): qgraph needs PUT/POST/GET, a timeout, and basic and digest
auth (Virtuoso), which ``urllib`` provides without a new dependency; digest is computed here so
that the challenge is fetched with an empty request instead of uploading a graph twice.

Credentials come from ``QGRAPH_USER`` / ``QGRAPH_PASSWORD`` or from netrc (``$NETRC`` or
``~/.netrc``). They are sent only after the server asks (HTTP 401), never put into a URL,
a log record or an error message.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import logging
import netrc
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import StoreError

log = logging.getLogger(__name__)

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Credentials:
    """A user name and password; the password never appears in ``repr``."""

    user: str
    password: str = field(repr=False)
    source: str = "QGRAPH_USER/QGRAPH_PASSWORD"


def find_credentials(url: str, *, environ: dict[str, str] | None = None, netrc_file: Path | None = None) -> Credentials | None:
    """Credentials for ``url``: ``QGRAPH_USER``/``QGRAPH_PASSWORD``, else the netrc entry of its host.

    :raises StoreError: only one of the two variables is set, or the netrc file is malformed.
    """
    env = os.environ if environ is None else environ
    user, password = env.get("QGRAPH_USER"), env.get("QGRAPH_PASSWORD")
    if user and password:
        return Credentials(user, password)
    if user or password:
        missing = "QGRAPH_PASSWORD" if user else "QGRAPH_USER"
        raise StoreError(f"{missing} is not set (set both QGRAPH_USER and QGRAPH_PASSWORD, or neither)")
    path = netrc_file or (Path(env["NETRC"]) if env.get("NETRC") else Path.home() / ".netrc")
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urllib.parse.urlsplit(url).hostname or "")
    except netrc.NetrcParseError as exc:
        raise StoreError(f"{path}:{exc.lineno}: malformed netrc file") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None
    if entry is None or not entry[0] or entry[2] is None:
        return None
    return Credentials(entry[0], entry[2], source=str(path))


def check_url(url: str, *, option: str) -> str:
    """Refuse URLs that are not http(s) or carry credentials; return the URL unchanged."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{option} {redact_url(url)!r}: expected an http:// or https:// URL")
    if parts.username or parts.password:
        raise StoreError(f"{option} {redact_url(url)}: put credentials in QGRAPH_USER/QGRAPH_PASSWORD or ~/.netrc, not in the URL")
    return url


def redact_url(url: str) -> str:
    """``url`` without user info and without its query string (shown in messages)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    headers: dict[str, str]


class RequestFailed(StoreError):
    """A request failed for good; ``reached_server`` is False when no attempt got through."""

    def __init__(self, url: str, problem: str, *, reached_server: bool) -> None:
        super().__init__(f"{redact_url(url)}: {problem}")
        self.problem = problem
        self.reached_server = reached_server


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are errors: following one could send credentials to another host."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Client:
    """HTTP with bounded retries (connection errors, 5xx, 429 — never other 4xx) and auth on demand."""

    def __init__(
        self,
        *,
        credentials: Credentials | None = None,
        timeout: float = 60.0,
        attempts: int = 3,
        backoff: float = 1.0,
    ) -> None:
        self._credentials = credentials
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self._challenges: dict[str, dict[str, str]] = {}  # origin -> parsed WWW-Authenticate
        self._nonce_count: dict[str, int] = {}

    # ------------------------------------------------------------------ public

    def request(self, method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None) -> Response:
        """Send a request, retrying transient failures; return the response (any status but 5xx/429).

        :raises RequestFailed: the server cannot be reached, timed out, or kept answering 5xx/429.
        """
        last = ""
        reached = False
        for attempt in range(1, self.attempts + 1):
            try:
                response = self._authenticated(method, url, body, headers or {})
            except _Transient as exc:
                last = str(exc)
                reached = reached or exc.reached_server
            else:
                if response.status not in RETRY_STATUS:
                    return response
                last = f"HTTP {response.status}{_snippet(response.body, self._credentials)}"
                reached = True
                if attempt == self.attempts:
                    break
                delay = _retry_after(response, self.backoff * 2 ** (attempt - 1))
                log.warning("%s %s: %s; retry %d of %d in %.1f s", method, redact_url(url), last, attempt, self.attempts - 1, delay)
                time.sleep(delay)
                continue
            if attempt < self.attempts:
                delay = self.backoff * 2 ** (attempt - 1)
                log.warning("%s %s: %s; retry %d of %d in %.1f s", method, redact_url(url), last, attempt, self.attempts - 1, delay)
                time.sleep(delay)
        tries = f"{self.attempts} attempt{'s' if self.attempts > 1 else ''}"
        raise RequestFailed(url, f"{last} ({tries})", reached_server=reached)

    def prepare_auth(self, url: str) -> None:
        """Learn the server's auth challenge with an empty GET, before a large upload."""
        if self._credentials is not None and _origin(url) not in self._challenges:
            self.request("GET", url)

    # ------------------------------------------------------------------ internals

    def _authenticated(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Response:
        origin = _origin(url)
        response = self._send(method, url, body, {**headers, **self._auth_header(method, url)})
        if response.status != 401 or self._credentials is None:
            return response
        challenge = _parse_challenge(response.headers.get("www-authenticate", ""))
        had = self._challenges.get(origin)
        if challenge is None or (had is not None and had.get("nonce") == challenge.get("nonce") and challenge.get("stale", "").lower() != "true"):
            return response  # no usable challenge, or our credentials were rejected
        self._challenges[origin] = challenge
        return self._send(method, url, body, {**headers, **self._auth_header(method, url)})

    def _auth_header(self, method: str, url: str) -> dict[str, str]:
        creds = self._credentials
        challenge = self._challenges.get(_origin(url))
        if creds is None or challenge is None:
            return {}
        if challenge["scheme"] == "basic":
            token = base64.b64encode(f"{creds.user}:{creds.password}".encode("utf-8")).decode("ascii")
            return {"Authorization": f"Basic {token}"}
        return {"Authorization": self._digest(method, url, challenge, creds)}

    def _digest(self, method: str, url: str, ch: dict[str, str], creds: Credentials) -> str:
        algorithm = ch.get("algorithm", "MD5").upper()
        hash_name = {"MD5": "md5", "SHA-256": "sha256"}.get(algorithm.removesuffix("-SESS"), "md5")

        def h(text: str) -> str:
            return hashlib.new(hash_name, text.encode("utf-8")).hexdigest()

        parts = urllib.parse.urlsplit(url)
        uri = parts.path + (f"?{parts.query}" if parts.query else "")
        nonce = ch.get("nonce", "")
        count = self._nonce_count.get(nonce, 0) + 1
        self._nonce_count[nonce] = count
        nc, cnonce = f"{count:08x}", os.urandom(8).hex()
        ha1 = h(f"{creds.user}:{ch.get('realm', '')}:{creds.password}")
        if algorithm.endswith("-SESS"):
            ha1 = h(f"{ha1}:{nonce}:{cnonce}")
        ha2 = h(f"{method}:{uri}")
        qop = "auth" if "auth" in [q.strip() for q in ch.get("qop", "").split(",")] else ""
        digest = h(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}") if qop else h(f"{ha1}:{nonce}:{ha2}")
        fields = [f'username="{creds.user}"', f'realm="{ch.get("realm", "")}"', f'nonce="{nonce}"', f'uri="{uri}"',
                  f'response="{digest}"', f"algorithm={algorithm}"]
        if qop:
            fields += [f"qop={qop}", f"nc={nc}", f'cnonce="{cnonce}"']
        if "opaque" in ch:
            fields.append(f'opaque="{ch["opaque"]}"')
        return "Digest " + ", ".join(fields)

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Response:
        host = urllib.parse.urlsplit(url).hostname or ""
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if host in _LOOPBACK:
            handlers.append(urllib.request.ProxyHandler({}))
        opener = urllib.request.build_opener(*handlers)
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with opener.open(req, timeout=self.timeout) as resp:
                return Response(resp.status, resp.read(), {k.lower(): v for k, v in resp.headers.items()})
        except urllib.error.HTTPError as exc:
            try:
                data = exc.read()
            except (OSError, http.client.HTTPException):
                data = b""
            return Response(exc.code, data, {k.lower(): v for k, v in (exc.headers or {}).items()})
        except urllib.error.URLError as exc:
            raise _Transient(exc.reason, self.timeout) from None
        except (OSError, http.client.HTTPException) as exc:
            raise _Transient(exc, self.timeout) from None


class _Transient(Exception):
    """A connection-level failure worth retrying."""

    def __init__(self, reason: object, timeout: float) -> None:
        super().__init__(_describe(reason, timeout))
        self.reached_server = not isinstance(reason, (ConnectionRefusedError, socket.gaierror))


def _describe(reason: object, timeout: float) -> str:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected)):
        return "connection closed by the server mid-request"
    if isinstance(reason, http.client.IncompleteRead):
        return "connection closed by the server mid-response"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


_CHALLENGE_PARAM = re.compile(r'(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))')


def _parse_challenge(header: str) -> dict[str, str] | None:
    """Parse ``WWW-Authenticate`` (first Digest challenge preferred, else Basic)."""
    scheme = header.strip().split(" ", 1)[0].lower()
    if "digest" in header.lower():
        rest = header[header.lower().index("digest") + len("digest"):]
        params = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _CHALLENGE_PARAM.finditer(rest)}
        return {"scheme": "digest", **params}
    if scheme == "basic":
        return {"scheme": "basic"}
    return None


def _retry_after(response: Response, default: float) -> float:
    value = response.headers.get("retry-after", "")
    try:
        return min(max(float(value), 0.0), 30.0)
    except ValueError:
        return default


def _snippet(body: bytes, credentials: Credentials | None) -> str:
    """The first line of an error body (server messages are often useful), with secrets removed."""
    text = body.decode("utf-8", errors="replace").strip().splitlines()
    line = re.sub(r"\s+", " ", text[0])[:200] if text else ""
    return f": {redact(line, credentials)}" if line else ""


def redact(text: str, credentials: Credentials | None) -> str:
    """``text`` with the password (and an Authorization value) replaced by ``***``."""
    text = re.sub(r"(?i)(authorization:\s*)\S.*", r"\1***", text)
    if credentials is not None and credentials.password:
        text = text.replace(credentials.password, "***")
    return text


def error_snippet(response: Response, credentials: Credentials | None) -> str:
    """Public form of the error-body snippet used in messages."""
    return _snippet(response.body, credentials)
