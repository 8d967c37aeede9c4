"""What ``qgraph serve`` checks before a query reaches the engine, and how it picks a format.

Everything here is pure and thread-safe (no parser state is shared between requests):

- :func:`screen_query` finds updates, ``LOAD`` and ``SERVICE``: the regular-expression lexer of
  :mod:`qgraph.sparql` blanks out string literals, IRIs and comments (a keyword inside them does
  not count), then the keywords are searched in what is left, on the text as sent *and* after
  decoding ``\\u`` escapes, which SPARQL allows an engine to do before parsing. Outside strings, IRIs and
  comments such a word can only be that keyword or part of a name; the search errs on the side of
  refusing (``ex:a.service`` is refused too). rdflib's pyparsing grammar is not used: it is not
  thread-safe and is slow on long queries; this costs under a second for a 1 MB query.
- :func:`content_length`, :func:`check_host` and :func:`check_same_origin` read request headers.
- :func:`negotiate` chooses the answer format once the engine has said whether the result is a
  table (``SELECT``/``ASK``) or a graph (``CONSTRUCT``/``DESCRIBE``); a client that names nothing
  we have gets the default format rather than ``406``.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from email.message import Message
from typing import Any

import pyoxigraph as ox

from .sparql import _TOKEN, _unescape_codepoints

MAX_BODY = 1_000_000

_UPDATE_WORDS = frozenset({"INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"})

SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "text/n3": ox.RdfFormat.TURTLE,  # Turtle is N3
    "text/rdf+n3": ox.RdfFormat.TURTLE,
    "application/n3": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "text/xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/x-json+ld": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
}
# ?format= / ?output= / ?results= values (SPARQLWrapper sends all three), by result kind.
_SHORT_SOLUTIONS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                    "csv": "text/csv", "tsv": "text/tab-separated-values"}
_SHORT_GRAPHS = {"ttl": "text/turtle", "turtle": "text/turtle", "n3": "text/turtle", "nt": "application/n-triples",
                 "xml": "application/rdf+xml", "rdf+xml": "application/rdf+xml", "rdfxml": "application/rdf+xml",
                 "json": "application/ld+json", "json-ld": "application/ld+json", "jsonld": "application/ld+json"}
DEFAULT_SOLUTIONS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"


class Refused(Exception):
    """A request answered with an HTTP error status and a one-line message."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})


# --------------------------------------------------------------------------- the query text


def screen_query(text: str) -> bool:
    """Refuse updates, ``LOAD`` and ``SERVICE`` (403) and empty text (400); else tell whether the
    query returns a graph (``CONSTRUCT``/``DESCRIBE``: the first query-form keyword decides).

    >>> screen_query('SELECT * { ?s ?p "SERVICE <http://x/>" } # LOAD <http://y/>')
    False
    >>> screen_query('PREFIX s: <x:> CONSTRUCT { ?s s:p ?o } WHERE { SELECT ?s ?o { ?s ?p ?o } }')
    True
    >>> screen_query('SELECT * { ?s ?p ?o .SERVICE <http://x/> { ?a ?b ?c } }')
    Traceback (most recent call last):
    ...
    qgraph.serve_protocol.Refused: SERVICE is refused: this endpoint never fetches remote URLs
    """
    if not text.strip():
        raise Refused(400, "the query is empty")
    unescaped = _unescape_codepoints(text)  # what an engine may parse (SPARQL 1.1 §19.2)
    variants = [_code(unescaped)] if unescaped == text else [_code(unescaped), _code(text)]
    for code in variants:
        for match in _RISKY.finditer(code):
            word = match.group().upper()
            if word in ("SERVICE", "LOAD"):
                raise Refused(403, f"{word} is refused: this endpoint never fetches remote URLs")
            raise Refused(403, "this endpoint is read-only: updates are refused")
    form = _FORM.search(variants[0])
    return form is not None and form.group().upper() in ("CONSTRUCT", "DESCRIBE")


# A keyword is not part of a name: no name character, ':', '?', '$', '@' or '\\' next to it. '.' may
# precede one ('?o .SERVICE <…> {…}' is a SERVICE), so a local name such as ex:a.service is refused too.
_BEFORE = r"(?<![\w:?$@\\\-\u00B7\u00C0-\uFFFF])"
_AFTER = r"(?![\w:\-\u00B7\u00C0-\uFFFF])"
_RISKY = re.compile(_BEFORE + r"(?:SERVICE|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH|USING)" + _AFTER,
                    re.IGNORECASE)
_FORM = re.compile(_BEFORE + r"(?:SELECT|ASK|CONSTRUCT|DESCRIBE)" + _AFTER, re.IGNORECASE)


def _code(text: str) -> str:
    """``text`` with every string literal, IRI and comment blanked out (by the lexer of :mod:`qgraph.sparql`,
    whose names swallow their escapes, so ``ex:a\\'`` does not open a string)."""
    return "".join(" " if m.lastgroup in ("string", "iri", "comment") else m.group() for m in _TOKEN.finditer(text))


# --------------------------------------------------------------------------- request headers


def content_length(headers: Message) -> int:
    """The declared body length: digits only, one value, at most :data:`MAX_BODY`.

    :raises Refused: 411 without a length (or with a chunked body), 400 if malformed, 413 if too long.
    """
    values = headers.get_all("Content-Length") or []
    if headers.get("Transfer-Encoding"):
        raise Refused(411, "send the body with a Content-Length, not Transfer-Encoding")
    if not values:
        raise Refused(411, "POST needs a Content-Length header")
    if len(set(values)) != 1 or not re.fullmatch(r"[0-9]{1,12}", values[0].strip()):
        raise Refused(400, f"malformed Content-Length: {', '.join(values)[:40]!r}")
    length = int(values[0])
    if length > MAX_BODY:
        raise Refused(413, f"request body over {MAX_BODY} bytes")
    return length


def _host_port(value: str) -> tuple[str, int | None] | None:
    try:
        parts = urllib.parse.urlsplit("//" + value)
        return (parts.hostname or "").lower(), parts.port
    except ValueError:
        return None


def check_host(headers: Message, allowed: frozenset[str]) -> None:
    """Refuse a ``Host`` that is not this machine's own name (DNS rebinding)."""
    parsed = _host_port(headers.get("Host") or "")
    host = parsed[0] if parsed else ""
    if host not in allowed:
        raise Refused(403, f"Host {host!r} refused: this endpoint answers local requests only")


def check_same_origin(headers: Message, port: int) -> None:
    """Refuse what a browser marks as coming from another site (CSRF).

    ``Sec-Fetch-Site`` other than ``same-origin`` / ``none`` (typed address) is refused, and so is an
    ``Origin`` other than this server's own (``http://`` + the ``Host`` it was reached by). Clients
    that send neither header (curl, SPARQLWrapper, rdflib, Java clients) are not browsers and pass.
    """
    site = (headers.get("Sec-Fetch-Site") or "").strip().lower()
    if site and site not in ("same-origin", "none"):
        raise Refused(403, f"cross-site request refused (Sec-Fetch-Site: {site[:20]})")
    origin = headers.get("Origin")
    if origin is None:
        return
    host = _host_port(headers.get("Host") or "")
    try:
        parts = urllib.parse.urlsplit(origin.strip())
        same = (parts.scheme == "http" and host is not None and (parts.hostname or "").lower() == host[0]
                and (parts.port or 80) == (host[1] or 80) == port)
    except ValueError:  # not a URL ("null", "http://[::1")
        same = False
    if not same:
        raise Refused(403, f"cross-site request refused (Origin: {origin[:60]!r})")


# --------------------------------------------------------------------------- answer formats


def negotiate(accept: str, short: str, *, graph: bool) -> str:
    """The media type to answer in: ``short`` (``?format=``) if known, else the best of ``accept``.

    >>> negotiate("application/rdf+xml", "xml", graph=True)
    'application/rdf+xml'
    >>> negotiate("image/png", "", graph=False)
    'application/sparql-results+json'
    """
    offered: Mapping[str, object] = GRAPH_FORMATS if graph else SOLUTION_FORMATS
    default = DEFAULT_GRAPH if graph else DEFAULT_SOLUTIONS
    short = short.strip().lower()
    chosen = (_SHORT_GRAPHS if graph else _SHORT_SOLUTIONS).get(short) or (short if short in offered else "")
    if chosen:
        return chosen
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")[:50]):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            choices.append((-q, index, media.lower()))
    for _, _, media in sorted(choices):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default
    return default


# --------------------------------------------------------------------------- answers


def engine_message(message: str, text: str, shift: int) -> str:
    """The engine's ``error at L:C: …`` for the text as sent (our prologue's lines taken off), with the line."""
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if not match:
        return f"SPARQL error: {' '.join(message.split())[:500]}"
    line_no, col = int(match.group(1)) - shift, int(match.group(2))
    lines = text.splitlines() or [""]
    line = lines[min(max(line_no, 1), len(lines)) - 1]
    near = line[col - 1:col + 29].strip() or "the end of the line"
    expected = " ".join(match.group(3).split())
    if len(expected) > 120:
        expected = expected[:120] + " …"
    return (f"SPARQL syntax error at line {line_no}, column {col}, near {near!r} ({expected})\n"
            f"  {line[:200]}\n  {' ' * min(col - 1, 200)}^")


class ChunkedWriter:
    """A file-like object writing HTTP/1.1 chunks of about 16 KiB."""

    def __init__(self, wfile: Any) -> None:
        self.wfile = wfile
        self.pending: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.pending.append(bytes(data))
        self.size += len(data)
        if self.size >= 16384:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.size:
            data = b"".join(self.pending)
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.pending, self.size = [], 0

    def finish(self) -> None:
        self.flush()
        self.wfile.write(b"0\r\n\r\n")
