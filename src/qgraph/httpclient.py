"""qgraph's one HTTP client, for loading (:mod:`qgraph.load`) and remote queries (:mod:`qgraph.query_worker`).

A thin layer over ``httpx``, which does the HTTP, the timeouts and the digest arithmetic. What
this module adds is policy:

* **retries**, bounded: connection errors, timeouts, HTTP 429 and 5xx are tried again up to
  ``attempts`` times in all, after ``Retry-After`` (seconds or a date, at most 30 s) or an
  exponential backoff; other statuses are returned at once;
* **credentials on demand, to their own host only**: a request goes out without them; on
  ``401`` the client answers the server's challenge (Basic, or Digest as Virtuoso asks) with the
  credentials that belong to that request's origin — user info in the endpoint URL, else
  ``QGRAPH_USER`` / ``QGRAPH_PASSWORD`` (for the endpoint the user named), else the netrc entry of
  that very host (``$NETRC`` or ``~/.netrc``). A netrc entry for one host never goes to another,
  nor do the endpoint's credentials go to a second host; redirects are not followed;
* **no secrets in messages**: error bodies and transport errors pass :func:`qgraph.credentials.scrub`
  with every form of the credentials this client holds.

Where credentials come from, and the scrubbing, are in :mod:`qgraph.credentials` (re-exported here).
"""

from __future__ import annotations

import base64
import email.utils
import logging
import re
import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from .credentials import (Credentials, check_url, environment_secrets, find_credentials, netrc_credentials,
                          redact_url, scrub, strip_userinfo)
from .errors import StoreError

__all__ = ["MAX_RETRY_AFTER", "RETRY_STATUS", "Client", "Credentials", "RequestFailed", "Response", "check_url",
           "environment_secrets", "find_credentials", "redact_url", "retry_after", "scrub", "strip_userinfo"]

log = logging.getLogger(__name__)

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0
"""The longest wait a server's ``Retry-After`` can impose, in seconds."""
_LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


# --------------------------------------------------------------------------- the client


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    headers: dict[str, str]
    reason: str = ""


class RequestFailed(StoreError):
    """A request failed for good; ``reached_server`` is False when no attempt got through."""

    def __init__(self, url: str, problem: str, *, reached_server: bool) -> None:
        super().__init__(f"{redact_url(url)}: {problem}")
        self.problem = problem
        self.reached_server = reached_server


def _origin(url: httpx.URL | str) -> tuple[str, str, int | None]:
    url = httpx.URL(url) if isinstance(url, str) else url
    return url.scheme, url.host, url.port


class _OnDemandAuth(httpx.Auth):
    """Answer a ``401`` challenge (Basic or Digest) with the credentials of the request's own origin."""

    def __init__(self, bound: dict[tuple[str, str, int | None], Credentials], netrc_file: Path | None,
                 environ: Mapping[str, str] | None) -> None:
        self._bound = bound
        self._netrc_file, self._environ = netrc_file, environ
        self._answers: dict[tuple[str, str, int | None], str | httpx.DigestAuth] = {}

    def credentials_for(self, url: httpx.URL) -> Credentials | None:
        origin = _origin(url)
        if origin in self._bound:
            return self._bound[origin]
        found = netrc_credentials(url.host, environ=self._environ, netrc_file=self._netrc_file)
        if found is not None:
            self._bound[origin] = found
        return found

    def knows(self, url: str) -> bool:
        return _origin(url) in self._answers

    def secrets(self) -> tuple[str, ...]:
        return tuple(s for creds in self._bound.values() for s in creds.secrets())

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        origin = _origin(request.url)
        answer = self._answers.get(origin)
        if isinstance(answer, httpx.DigestAuth):
            yield from answer.auth_flow(request)
            return
        if answer is not None:
            request.headers["Authorization"] = answer
        response = yield request
        if response.status_code != 401 or answer is not None:
            return
        creds = self.credentials_for(request.url)
        challenges = [c.lower() for c in response.headers.get_list("www-authenticate")]
        if creds is None:
            return
        if any(c.startswith("digest ") for c in challenges):
            digest = httpx.DigestAuth(creds.user, creds.password)
            self._answers[origin] = digest
            flow = digest.auth_flow(request)
            next(flow)  # the request as sent, without a challenge yet
            try:
                retry = flow.send(response)  # now with the answer to this challenge
            except StopIteration:
                return
            response = yield retry
            try:
                flow.send(response)
            except StopIteration:
                pass
        elif any(c.startswith("basic") for c in challenges):
            token = base64.b64encode(f"{creds.user}:{creds.password}".encode("utf-8")).decode("ascii")
            self._answers[origin] = request.headers["Authorization"] = f"Basic {token}"
            yield request


class Client:
    """HTTP with bounded retries (connection errors, timeouts, 5xx, 429 — never other 4xx) and auth on demand.

    ``credentials`` belong to ``origin`` (a URL: its scheme, host and port) and go nowhere else;
    any other host gets the netrc entry of its own name, if any. Use as a context manager, or
    call :meth:`close`.
    """

    def __init__(
        self,
        *,
        credentials: Credentials | None = None,
        origin: str | None = None,
        timeout: float | None = 60.0,
        attempts: int = 3,
        backoff: float = 1.0,
        netrc_file: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        if credentials is not None and origin is None:
            raise ValueError("credentials need the origin they belong to")
        bound = {_origin(strip_userinfo(origin)): credentials} if credentials is not None and origin else {}
        self._auth = _OnDemandAuth(bound, netrc_file, environ)
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self._clients: dict[str, httpx.Client] = {}

    def _http(self, url: str) -> httpx.Client:
        """The ``httpx`` client for ``url``'s scheme, made on first use: plain ``http`` needs no TLS
        context (loading CA certificates is most of a client's start-up time), ``https`` verifies."""
        scheme = "https" if url.lower().startswith("https:") else "http"
        client = self._clients.get(scheme)
        if client is None:
            verify = scheme == "https"  # an http-only client never negotiates TLS
            direct = httpx.HTTPTransport(verify=verify)  # loopback: never through a proxy
            client = self._clients[scheme] = httpx.Client(
                timeout=httpx.Timeout(self.timeout), follow_redirects=False, auth=self._auth, verify=verify,
                headers={"User-Agent": "qgraph"}, mounts={f"{scheme}://{host}": direct for host in _LOOPBACK},
            )
        return client

    @classmethod
    def for_endpoint(cls, url: str, *, timeout: float | None = 60.0, attempts: int = 3, backoff: float = 1.0,
                     netrc_file: Path | None = None, environ: Mapping[str, str] | None = None) -> Client:
        """A client whose credentials for ``url`` come from :func:`find_credentials` (user info, environment, netrc)."""
        creds = find_credentials(url, environ=environ, netrc_file=netrc_file)
        return cls(credentials=creds, origin=url, timeout=timeout, attempts=attempts, backoff=backoff,
                   netrc_file=netrc_file, environ=environ)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def secrets(self) -> tuple[str, ...]:
        """The forms of every credential this client holds (for :func:`scrub`)."""
        return self._auth.secrets()

    def scrub(self, text: str) -> str:
        return scrub(text, self.secrets())

    # ------------------------------------------------------------------ public

    def request(self, method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None) -> Response:
        """Send a request, retrying transient failures; return the response (any status but 5xx/429).

        :raises RequestFailed: the server cannot be reached, timed out, or kept answering 5xx/429.
        """
        url = strip_userinfo(url)
        last, reached = "", False
        for attempt in range(1, self.attempts + 1):
            delay = self.backoff * 2 ** (attempt - 1)
            try:
                answer = self._http(url).request(method, url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                last, got_through = self._describe(exc)
                reached = reached or got_through
            else:
                response = Response(answer.status_code, answer.content,
                                    {k.lower(): v for k, v in answer.headers.items()}, answer.reason_phrase)
                if response.status not in RETRY_STATUS:
                    return response
                last, reached = f"HTTP {response.status}{self.snippet(response)}", True
                delay = retry_after(response.headers.get("retry-after", ""), delay)
            if attempt < self.attempts:
                log.warning("%s %s: %s; retry %d of %d in %.1f s", method, redact_url(url), last,
                            attempt, self.attempts - 1, delay)
                time.sleep(delay)
        tries = f"{self.attempts} attempt{'s' if self.attempts > 1 else ''}"
        raise RequestFailed(url, f"{last} ({tries})", reached_server=reached)

    def prepare_auth(self, url: str) -> None:
        """Learn the server's auth challenge with an empty GET, before a large upload."""
        if not self._auth.knows(strip_userinfo(url)) and self._auth.credentials_for(httpx.URL(strip_userinfo(url))):
            self.request("GET", url)

    def snippet(self, response: Response) -> str:
        """``: first line of the body`` (server messages are often useful), with secrets removed."""
        lines = response.body.decode("utf-8", errors="replace").strip().splitlines()
        line = re.sub(r"\s+", " ", lines[0])[:200] if lines else ""
        return f": {self.scrub(line)}" if line else ""

    # ------------------------------------------------------------------ internals

    def _describe(self, exc: httpx.HTTPError) -> tuple[str, bool]:
        """A short reason for a transport failure, and whether the server may have seen the request."""
        text = str(exc)
        if isinstance(exc, httpx.ConnectTimeout):
            return f"timed out after {self.timeout:g} s (connecting)", False
        if isinstance(exc, httpx.TimeoutException):
            return f"timed out after {self.timeout:g} s", True
        if isinstance(exc, httpx.ConnectError):
            if "refused" in text.lower():
                return "connection refused (is the server running?)", False
            if "name" in text.lower() or "known" in text.lower():
                return "host not found", False
            return self.scrub(text) or "cannot connect", False
        if isinstance(exc, httpx.RemoteProtocolError) and "incomplete" in text.lower():
            return "connection closed by the server mid-response", True
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
            return "connection closed by the server mid-request", True
        return self.scrub(text) or type(exc).__name__, True


def retry_after(value: str, default: float) -> float:
    """Seconds to wait per a ``Retry-After`` header (seconds or an HTTP date), within 0 … :data:`MAX_RETRY_AFTER`."""
    value = value.strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return default
        seconds = when.timestamp() - time.time()
    if seconds != seconds:  # NaN
        return default
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
