"""Checks that run on an RDF file's bytes before any parser sees them, each in linear time.

* RDF/XML with a ``DOCTYPE`` or ``ENTITY`` declaration is refused (entity expansion);
* JSON-LD and RDF/XML nested deeper than :data:`MAX_DEPTH` levels are refused: pyoxigraph's
  JSON-LD and RDF/XML parsers take time quadratic in the depth, and its JSON-LD parser overflows
  the stack (the process dies) a few thousand levels down, Python's ``json`` a thousand down;
* a JSON-LD ``@context`` is never fetched: qgraph's own context IRI is replaced by the bundled
  context, any other remote context is refused.

Turtle, TriG, N-Triples and N-Quads need no check: pyoxigraph parses them in linear time at any
nesting depth and any literal length.

>>> json_depth(b'{"a": [1, {"b": "]]]"}]}')
3
>>> check_jsonld_depth("f.jsonld", b"[" * 300 + b"]" * 300)
Traceback (most recent call last):
  ...
qgraph.errors.InputError: f.jsonld: JSON nested deeper than 256 levels is refused (300 levels)
"""

from __future__ import annotations

import json
import re
import xml.parsers.expat
from itertools import accumulate
from typing import Any

from .errors import InputError

MAX_DEPTH = 256
"""The deepest nesting of JSON arrays / objects or XML elements a reader accepts."""

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_WEIGHT = [1 if b in b"[{" else -1 for b in range(256)]


def json_depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects in JSON text (brackets inside strings ignored).

    Linear and without Python recursion: strings are cut out by one regular expression, the
    remaining brackets are summed by ``itertools.accumulate``.
    """
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_WEIGHT.__getitem__, brackets)), default=0)


def check_jsonld_depth(path: str, data: bytes) -> None:
    """:raises InputError: ``data`` nests deeper than :data:`MAX_DEPTH`."""
    depth = json_depth(data)
    if depth > MAX_DEPTH:
        raise InputError(path, f"JSON nested deeper than {MAX_DEPTH} levels is refused ({depth} levels)")


def checked_jsonld(path: str, data: bytes, context: dict[str, str], context_iri: str) -> bytes:
    """JSON-LD bytes with qgraph's context inlined, after the depth check.

    :raises InputError: not UTF-8, not JSON, nested too deep, or a remote context other than ours.
    """
    check_jsonld_depth(path, data)
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}", exc.msg) from None
    return json.dumps(_Contexts(path, context, context_iri).node(doc), ensure_ascii=False).encode("utf-8")


class _Contexts:
    """Replace qgraph's context IRI by the bundled context; refuse any other remote context."""

    def __init__(self, path: str, context: dict[str, str], context_iri: str) -> None:
        self.path, self.context, self.context_iri = path, context, context_iri

    def node(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self.node(item) for item in node]
        if not isinstance(node, dict):
            return node
        return {key: self.resolve(value) if key == "@context" else self.node(value) for key, value in node.items()}

    def resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if isinstance(value, str):
            if value == self.context_iri:
                return self.context
            raise InputError(self.path, f"remote JSON-LD @context {value!r} is not fetched; embed it or use {self.context_iri}")
        if isinstance(value, dict):
            if isinstance(value.get("@import"), str):
                raise InputError(self.path, f"JSON-LD @import {value['@import']!r} is not fetched; embed the context")
            return {k: self.node(v) for k, v in value.items()}
        return value


def checked_rdfxml(path: str, data: bytes) -> bytes:
    """RDF/XML bytes, unchanged, once they are known to hold no DTD and to nest at most :data:`MAX_DEPTH` deep.

    :raises InputError: a ``DOCTYPE`` / ``ENTITY`` declaration, nesting too deep, or XML that is
        not well-formed (with its line and column).
    """
    text = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace").encode("utf-8")
    if _DTD.search(text):
        raise InputError(path, "RDF/XML with a DOCTYPE or ENTITY declaration is refused (entity expansion is unsafe)")
    parser = xml.parsers.expat.ParserCreate()
    depth = 0

    def start(_name: str, _attributes: object) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise InputError(f"{path}:{parser.CurrentLineNumber}:{parser.CurrentColumnNumber + 1}",
                             f"XML nested deeper than {MAX_DEPTH} elements is refused")

    def end(_name: str) -> None:
        nonlocal depth
        depth -= 1

    def doctype(*_args: object) -> None:  # in an encoding the byte search above cannot read
        raise InputError(path, "RDF/XML with a DOCTYPE or ENTITY declaration is refused (entity expansion is unsafe)")

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.offset + 1}",
                         f"not well-formed XML: {xml.parsers.expat.ErrorString(exc.code)}") from None
    return data
