"""Credentials for HTTP endpoints, and keeping them out of every message.

Where credentials come from (:func:`find_credentials`): the endpoint URL's user info, else
``QGRAPH_USER`` / ``QGRAPH_PASSWORD``, else the netrc entry of exactly that host (``$NETRC`` or
``~/.netrc``). :func:`scrub` removes passwords, ``user:password``, its base64 form,
``Authorization`` header echoes and URL user info from text shown to a user; :func:`redact_url`
shows a URL without user info or query string. No ``httpx`` here: the CLI's error edge imports
this module on every error.
"""

from __future__ import annotations

import base64
import netrc
import os
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import StoreError


@dataclass(frozen=True)
class Credentials:
    """A user name and password; the password never appears in ``repr``."""

    user: str
    password: str = field(repr=False)
    source: str = "QGRAPH_USER/QGRAPH_PASSWORD"

    def secrets(self) -> tuple[str, ...]:
        """Every form in which these credentials could be echoed back."""
        pair = f"{self.user}:{self.password}"
        forms = [pair, base64.b64encode(pair.encode("utf-8")).decode("ascii"),
                 urllib.parse.quote(self.password, safe=""), self.password]
        return tuple(s for s in forms if len(s) >= 3)


# --------------------------------------------------------------------------- where credentials come from


def find_credentials(url: str, *, environ: Mapping[str, str] | None = None, netrc_file: Path | None = None) -> Credentials | None:
    """Credentials for ``url``: its user info, else ``QGRAPH_USER``/``QGRAPH_PASSWORD``, else the netrc entry of its host.

    :raises StoreError: only one of the two variables is set, or the netrc file is malformed.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None:
        return Credentials(urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or ""),
                           source="the URL's user info")
    env = os.environ if environ is None else environ
    user, password = env.get("QGRAPH_USER"), env.get("QGRAPH_PASSWORD")
    if user and password:
        return Credentials(user, password)
    if user or password:
        missing = "QGRAPH_PASSWORD" if user else "QGRAPH_USER"
        raise StoreError(f"{missing} is not set (set both QGRAPH_USER and QGRAPH_PASSWORD, or neither)")
    return netrc_credentials(parts.hostname or "", environ=env, netrc_file=netrc_file)


def netrc_credentials(host: str, *, environ: Mapping[str, str] | None = None, netrc_file: Path | None = None) -> Credentials | None:
    """The netrc entry of exactly ``host`` (``$NETRC``, else ``~/.netrc``), or ``None``.

    Only a ``machine`` line for this host counts: a netrc ``default`` entry would hand one
    password to every server and is ignored.
    """
    env = os.environ if environ is None else environ
    path = netrc_file or (Path(env["NETRC"]) if env.get("NETRC") else Path.home() / ".netrc")
    if not host or not path.is_file():
        return None
    try:
        hosts = netrc.netrc(str(path)).hosts
    except netrc.NetrcParseError as exc:
        # never the parser's message: the token it quotes may be (part of) a password
        raise StoreError(f"{path}:{exc.lineno}: malformed netrc file") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None
    entry = hosts.get(host)
    if entry is None or not entry[0] or entry[2] is None:
        return None
    return Credentials(entry[0], entry[2], source=str(path))


# --------------------------------------------------------------------------- URLs and messages


def check_url(url: str, *, option: str) -> str:
    """Refuse URLs that are not http(s) or that carry credentials (``load``); return the URL unchanged."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise StoreError(f"{option} {redact_url(url)!r}: not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{option} {redact_url(url)!r}: expected an http:// or https:// URL")
    if parts.username or parts.password:
        raise StoreError(f"{option} {redact_url(url)}: put credentials in QGRAPH_USER/QGRAPH_PASSWORD or ~/.netrc, not in the URL")
    return url


def strip_userinfo(url: str) -> str:
    """``url`` without its user info (what is actually requested: credentials go in a header, on demand)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def redact_url(url: str) -> str:
    """``url`` without user info and without its query string (shown in messages)."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return scrub(url.split("?", 1)[0])
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{port}" if port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]*@")
_AUTH_HEADER = re.compile(r"(?i)((?:proxy-)?authorization\s*[:=]\s*)[^\r\n]*")
_AUTH_TOKEN = re.compile(r"(?i)\b(basic|bearer|digest)(\s+)[A-Za-z0-9+/=._~-]{8,}")


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without credentials: the given secrets, ``Authorization`` header values, Basic /
    Bearer tokens and the user info of URLs are replaced by ``***``.

    >>> scrub("GET http://ann:s3cret@h/x  Authorization: Basic YW5uOnMzY3JldA==", ["s3cret"])
    'GET http://***@h/x  Authorization: ***'
    """
    for secret in sorted(set(secrets), key=len, reverse=True):
        if secret:
            text = text.replace(secret, "***")
    text = _AUTH_HEADER.sub(r"\1***", text)
    text = _AUTH_TOKEN.sub(r"\1\2***", text)
    return _USERINFO.sub(r"\1***@", text)


def environment_secrets(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The forms of ``QGRAPH_USER``/``QGRAPH_PASSWORD`` a message must never show."""
    env = os.environ if environ is None else environ
    if not env.get("QGRAPH_PASSWORD"):
        return ()
    return Credentials(env.get("QGRAPH_USER", ""), env["QGRAPH_PASSWORD"]).secrets()
