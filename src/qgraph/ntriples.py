r"""RDF terms and statements as canonical N-Triples / N-Quads strings, written directly.

The mapping (:mod:`qgraph.mapping`) writes lines, not rdflib objects. The forms are exactly the
ones pyoxigraph writes (``rdfio.nquads_of``): IRIs as they are; literals with ``"`` and ``\``
escaped, ``\b \t \n \f \r`` as short escapes, the other control characters and U+007F as
``\uXXXX``; a plain string has no datatype; lexical forms of Python values as rdflib gives them
(``True`` → ``"true"``, ``Decimal("1E+2")`` → ``"100"``).

>>> print(lang('a"b' + chr(10), "zh"))
"a\"b\n"@zh
>>> typed(Decimal("1E+2"))
'"100"^^<http://www.w3.org/2001/XMLSchema#decimal>'
>>> quad("<s>", "<p>", plain("x"), "<g>")
'<s> <p> "x" <g> .'
"""

from __future__ import annotations

import re
from decimal import Decimal

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_ESCAPES = {i: _SHORT.get(chr(i), f"\\u{i:04X}") for i in (*range(0x20), 0x7F)}
_ESCAPES.update({ord(k): v for k, v in _SHORT.items()})
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')


def iri(value: str) -> str:
    """``<value>`` (the value must already be a valid IRI)."""
    return f"<{value}>"


def escape(text: str) -> str:
    """The inside of an N-Triples string literal."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def plain(text: str) -> str:
    """An ``xsd:string`` literal (written without its datatype)."""
    return f'"{escape(text)}"'


def lang(text: str, tag: str) -> str:
    """A language-tagged string."""
    return f'"{escape(text)}"@{tag}'


def lexical(value: bool | int | Decimal) -> tuple[str, str]:
    """The lexical form and XSD datatype rdflib gives a Python value."""
    if isinstance(value, bool):
        return ("true" if value else "false"), "boolean"
    if isinstance(value, int):
        return str(value), "integer"
    if isinstance(value, Decimal):
        return f"{value:f}", "decimal"
    raise TypeError(f"no XSD datatype for {type(value).__name__}")


def typed(value: bool | int | Decimal | str, datatype: str | None = None) -> str:
    """A typed literal: a Python value (its rdflib lexical form and datatype), or a lexical form
    with an XSD datatype's local name (``typed("2024-01-01", "date")``) or full IRI."""
    if datatype is None:
        text, datatype = lexical(value)  # type: ignore[arg-type]
    else:
        text = value if isinstance(value, str) else lexical(value)[0]
    if datatype == "string" or datatype == XSD + "string":
        return plain(text)
    full = datatype if ":" in datatype else XSD + datatype
    return f'"{escape(text)}"^^<{full}>'


def quad(s: str, p: str, o: str, g: str) -> str:
    """One N-Quads statement (no newline); ``g`` empty for the default graph."""
    return f"{s} {p} {o} {g} ." if g else f"{s} {p} {o} ."
