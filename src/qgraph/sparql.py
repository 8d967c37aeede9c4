"""Checking SPARQL text and binding parameters safely.

Everything here works on *parsed* text, never on substrings:

- :func:`check_sparql` parses a query or update with rdflib's SPARQL grammar, tells its form
  (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE`` or ``UPDATE``) and refuses updates, ``SERVICE``
  and ``LOAD`` unless allowed. A keyword inside a string literal or a comment is not a keyword.
- :func:`parse_param_value` turns what a user typed after ``--param name=`` into one RDF term.
- :func:`substitute` binds variables to terms *in the text* for remote endpoints: each variable
  token is replaced by the N-Triples form of its term, and the result is re-lexed and re-parsed to
  prove that nothing but those tokens changed.

>>> check_sparql("SELECT ?s WHERE { ?s a qg:Policy }").form
'SELECT'
>>> parse_param_value("枣庄市")
<Literal value=枣庄市 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
>>> parse_param_value("qg:Municipal")
<NamedNode value=https://w3id.org/qgraph/def#Municipal>
>>> substitute('SELECT ?x WHERE { ?x rdfs:label ?name }', {"name": ox.Literal('a" } DROP ALL #')})
'SELECT ?x WHERE { ?x rdfs:label "a\\\\" } DROP ALL #" }'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal as TypingLiteral

import pyoxigraph as ox

from .errors import QueryError
from .sparql_prefixes import SPARQL_PREFIXES as PREFIXES

Form = TypingLiteral["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "UPDATE"]
Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True, slots=True)
class CheckedSparql:
    """A query or update that parsed and passed the safety rules."""

    text: str
    form: Form
    declared_prefixes: frozenset[str]
    """Prefixes the text declares itself (they win over :data:`qgraph.vocab.PREFIXES`)."""

    @property
    def is_update(self) -> bool:
        return self.form == "UPDATE"

    @property
    def returns_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")


# --------------------------------------------------------------------------- checking


def check_sparql(text: str, *, allow_update: bool = False, allow_service: bool = False) -> CheckedSparql:
    """Parse ``text`` and apply the safety rules.

    The form and the refused keywords are read from the tokens (:func:`tokens`: a keyword inside a
    string, an IRI or a comment is no keyword); a query is then parsed by Oxigraph, the engine that
    runs it, and an update by rdflib's SPARQL grammar (imported only then: it costs half a second).

    :raises QueryError: a syntax error (with line, column and the offending text), an update
        without ``allow_update``, or ``SERVICE`` / ``LOAD`` without ``allow_service``.

    >>> check_sparql('SELECT * { ?s ?p "SERVICE <http://x/>" } # LOAD <http://y/>').form
    'SELECT'
    >>> check_sparql("DROP ALL")
    Traceback (most recent call last):
    ...
    qgraph.errors.QueryError: this is an update (DROP ALL); updates need --allow-update
    """
    if not text.strip():
        raise QueryError("the query is empty")
    form, words, prefixes = _classify(text)
    _syntax_check(text, form)
    if "SERVICE" in words and not allow_service:
        raise QueryError("SERVICE is refused: it makes the engine fetch a remote URL (use --allow-service to permit it)")
    if "LOAD" in words and not allow_service:
        raise QueryError("LOAD is refused: it makes the engine fetch a URL (use --allow-service to permit it)")
    if form == "UPDATE" and not allow_update:
        raise QueryError(f"this is an update ({', '.join(_update_ops(text))}); updates need --allow-update")
    return CheckedSparql(text, form, prefixes)


_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _words(text: str) -> list[str]:
    """The upper-cased keywords of ``text`` (also after ``\\u`` escapes are processed), split at dots."""
    out = []
    for source in {text, _unescape_codepoints(text)}:
        out += [part.upper() for kind, tok in tokens(source) if kind == "word" for part in tok.split(".") if part]
    return out


@functools.lru_cache(maxsize=256)
def _classify(text: str) -> tuple[Form | None, frozenset[str], frozenset[str]]:
    """Form (``None``: neither a query nor an update), keywords and declared prefixes of ``text``."""
    significant = [(k, t) for k, t in tokens(text) if k not in ("ws", "comment")]
    prefixes = set()
    i = 0
    while i < len(significant) and significant[i][1].upper() in ("PREFIX", "BASE"):
        if significant[i][1].upper() == "PREFIX" and i + 1 < len(significant):
            prefixes.add(significant[i + 1][1].rstrip(":"))
            i += 3
        else:
            i += 2
    first = significant[i][1].upper() if i < len(significant) else ""
    form: Form | None = first if first in _QUERY_FORMS else "UPDATE" if first in _UPDATE_WORDS else None  # type: ignore[assignment]
    return form, frozenset(_words(text)), frozenset(prefixes)


def _update_ops(text: str) -> list[str]:
    words = [w for w in _words(text)]
    ops = set()
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in ("INSERT", "DELETE") and after in ("DATA", "WHERE"):
            ops.add(f"{word} {after}")
        elif word in ("INSERT", "DELETE"):
            ops.add("DELETE/INSERT")
        elif word == "DROP":
            ops.add("DROP ALL")
        elif word in _UPDATE_WORDS - {"WITH"}:
            ops.add(word)
    return sorted(ops) or ["an update"]


@functools.lru_cache(maxsize=256)
def _syntax_check(text: str, form: Form | None) -> None:
    """Parse a query with Oxigraph (nothing is evaluated), an update with rdflib's grammar.

    :raises QueryError: a syntax error, with line, column and the text there.
    """
    if form == "UPDATE":
        from pyparsing import ParseException
        from rdflib.plugins.sparql.parser import parseUpdate

        try:
            parseUpdate(text)
        except ParseException as exc:
            raise QueryError(_syntax_message(text, exc)) from None
        return
    try:
        _EMPTY.query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(_oxigraph_message(text, str(exc))) from None


_EMPTY = ox.Store()
"""An empty in-memory store: parsing a query needs one, and nothing in it can be evaluated expensively."""


def _oxigraph_message(text: str, error: str) -> str:
    """A syntax error in the words of rdflib's grammar when it agrees (its positions are where the
    reader looks: the start of the bad token), else Oxigraph's own position and expectation."""
    if "LATERAL" not in _words(text):
        from pyparsing import ParseException
        from rdflib.plugins.sparql.parser import parseQuery

        try:
            parseQuery(text)
        except ParseException as exc:
            return _syntax_message(text, exc)
    match = re.match(r"error at (\d+):(\d+): (.*)", error, re.S)
    if not match:
        return f"SPARQL syntax error: {error.splitlines()[0] if error else 'unknown'}"
    line_no, col = int(match[1]), int(match[2])
    lines = text.splitlines() or [""]
    line = lines[min(line_no, len(lines)) - 1]
    col = max(1, min(col, len(line) + 1))
    expected = " ".join(match[3].split())[:120]
    return (f"SPARQL syntax error at line {line_no}, column {col}: {expected}\n"
            f"  {line}\n  {' ' * (col - 1)}^")


def _syntax_message(text: str, exc: Any) -> str:
    line_no, col = exc.lineno, exc.col
    lines = text.splitlines() or [""]
    line = lines[min(line_no, len(lines)) - 1]
    near = line[col - 1:col + 29].strip() or "end of line"
    return (f"SPARQL syntax error at line {line_no}, column {col}: near {near!r}\n"
            f"  {line}\n  {' ' * (col - 1)}^")


# --------------------------------------------------------------------------- parameter values


_QUOTED = re.compile(r'"(?P<text>(?:[^"\\]|\\.)*)"(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<type>\S+))?', re.S)
_XSD = "http://www.w3.org/2001/XMLSchema#"


def parse_param_value(value: str) -> Term:
    """One RDF term from a ``--param`` value, written as in Turtle.

    ``<…>`` is an IRI and so is ``prefix:local`` with a prefix of :data:`qgraph.vocab.PREFIXES`;
    ``685`` is an ``xsd:integer`` and ``96.2`` an ``xsd:decimal``; ``"枣庄市"@zh`` is a tagged
    string and ``"1"^^xsd:decimal`` (or ``^^<IRI>``) a typed literal; anything else is a plain
    string literal (stored queries compare it with labels, so it matches ``"枣庄市"@zh`` too).

    >>> parse_param_value("<https://w3id.org/qgraph/id/place/370400>")
    <NamedNode value=https://w3id.org/qgraph/id/place/370400>
    >>> parse_param_value("http://example.org/x").value  # no <…>: just text
    'http://example.org/x'
    >>> str(parse_param_value("685"))
    '"685"^^<http://www.w3.org/2001/XMLSchema#integer>'
    >>> str(parse_param_value('"枣庄市"@zh'))
    '"枣庄市"@zh'
    >>> str(parse_param_value('"1"^^xsd:decimal'))
    '"1"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    if value.startswith("<") and value.endswith(">") and len(value) >= 2:
        return _iri(value[1:-1], value)
    quoted = _QUOTED.fullmatch(value)
    if quoted:
        text = re.sub(r'\\(["\\])', r"\1", quoted["text"])
        if quoted["lang"]:
            return ox.Literal(text, language=quoted["lang"].lower())
        if quoted["type"]:
            datatype = parse_param_value(quoted["type"])
            if not isinstance(datatype, ox.NamedNode):
                raise QueryError(f"bad datatype in {value!r}: give <IRI> or a prefixed name such as xsd:decimal")
            return ox.Literal(text, datatype=datatype)
        return ox.Literal(text)
    if re.fullmatch(r"[+-]?\d+", value):
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))
    if re.fullmatch(r"[+-]?\d*\.\d+", value):
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "decimal"))
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and re.fullmatch(r"[^\s<>\"{}|^`\\]*", local):
        return _iri(str(PREFIXES[prefix]) + local, value)
    return ox.Literal(value)


def _iri(iri: str, typed: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"not a valid IRI: {typed!r} ({exc})") from None


def term_to_json(term: Term) -> dict[str, str]:
    """A term in SPARQL 1.1 results JSON form (used to pass bindings between processes)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def term_from_json(data: Mapping[str, str]) -> Term:
    """Inverse of :func:`term_to_json`."""
    kind, value = data["type"], data["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in data:
        return ox.Literal(value, language=data["xml:lang"])
    if "datatype" in data:
        return ox.Literal(value, datatype=ox.NamedNode(data["datatype"]))
    return ox.Literal(value)


def to_oxigraph_term(term: Any) -> Term:
    """Accept a pyoxigraph or rdflib term (or a plain ``str``, parsed by :func:`parse_param_value`)."""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    if isinstance(term, str) and not hasattr(term, "n3"):
        return parse_param_value(term)
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return _iri(str(term), str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind a parameter to {term!r}")


# --------------------------------------------------------------------------- lexing and substitution

_ECHAR = r"\\[tbnrf\\\"']"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_TOKEN = re.compile(
    rf"""(?P<ws>\s+)
    |(?P<comment>\#[^\r\n]*)
    |(?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
    |(?P<string>'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}|{_UCHAR}))*'''
               |\"\"\"(?:(?:\"|\"\")?(?:[^\"\\]|{_ECHAR}|{_UCHAR}))*\"\"\"
               |'(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*'
               |"(?:[^"\\\n\r]|{_ECHAR}|{_UCHAR})*")
    |(?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
    |(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
    |(?P<word>(?:[\w\-.:%\u00B7\u00C0-\uFFFF]|\\[^\s])+)
    |(?P<punct>\^\^|&&|\|\||[<>!]=|.)""",
    re.VERBOSE | re.DOTALL,
)


def tokens(text: str) -> list[tuple[str, str]]:
    """Lex SPARQL into ``(kind, text)`` pairs: strings, IRIs, comments, variables, words, punctuation.

    >>> [t for t in tokens('SELECT ?x { ?x ?p "?y # z" } # ?w') if t[0] != "ws"]
    [('word', 'SELECT'), ('var', '?x'), ('punct', '{'), ('var', '?x'), ('var', '?p'), ('string', '"?y # z"'), ('punct', '}'), ('comment', '# ?w')]
    """
    out = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        assert match is not None and match.lastgroup is not None  # '.' matches any character
        out.append((match.lastgroup, match.group()))
        pos = match.end()
    return out


def _skeleton(text: str) -> list[tuple[str, str]]:
    return [t for t in tokens(text) if t[0] not in ("ws", "comment")]


def nt_term(term: Term) -> str:
    """The N-Triples form of a term, checked to lex as one SPARQL term (no other tokens).

    rdflib's ``Literal.n3()`` writes a value that holds a newline and ends in backslash + quote
    as an unterminated long string, so the N-Triples form of pyoxigraph is used instead.
    """
    if isinstance(term, ox.BlankNode):
        raise QueryError("a blank node cannot be sent to a remote endpoint as a parameter")
    text = str(term)
    if _kinds(text) not in _TERM_KINDS:  # pragma: no cover - pyoxigraph always escapes
        raise QueryError(f"cannot write {term!r} safely into a query")
    return text


def substitute(text: str, bindings: Mapping[str, Term]) -> str:
    """Bind variables to terms in query text (for endpoints without SEP-0007 substitutions).

    Every variable token named in ``bindings`` becomes the N-Triples form of its term; a bare
    variable of a ``SELECT`` list becomes ``(term AS ?var)`` so the column stays. The result is
    re-lexed — also after the ``\\u`` escape processing some servers do before parsing — and must
    differ from the original only in those tokens, and it must parse again.

    :raises QueryError: a binding cannot be placed (e.g. the query assigns the variable itself).
    """
    if not bindings:
        return text
    written = {name: nt_term(term) for name, term in bindings.items()}
    result, expected = _place(text, written)
    unescaped = {name: _unescape_codepoints(t) for name, t in written.items()}
    result2, expected2 = _place(_unescape_codepoints(text), unescaped)
    if (_skeleton(result) != expected or _skeleton(result2) != expected2
            or _unescape_codepoints(result) != result2
            or any(_kinds(t) not in _TERM_KINDS for t in unescaped.values())):
        raise QueryError("a parameter value would change the structure of the query; refused")
    try:
        check_sparql(result, allow_update=True, allow_service=True)
    except QueryError as exc:
        names = ", ".join(f"?{n}" for n in sorted(bindings))
        raise QueryError(f"cannot bind {names} in this query (is it assigned by the query?): {exc}") from None
    return result


_TERM_KINDS = {("iri",), ("string",), ("string", "langtag"), ("string", "punct", "iri")}


def _kinds(text: str) -> tuple[str, ...]:
    return tuple(k for k, _ in _skeleton(text))


def _place(text: str, written: Mapping[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """Put the written terms in place of their variables; also return the tokens expected."""
    out: list[str] = []
    expected: list[tuple[str, str]] = []
    in_select = in_modifier = False
    depth = 0
    previous = ""
    for kind, tok in tokens(text):
        upper = tok.upper()
        if kind == "word" and upper == "BY" and previous in ("GROUP", "ORDER"):
            in_modifier = True  # a bare term is no GROUP BY / ORDER BY condition: write (term)
        elif (kind == "word" and upper in ("LIMIT", "OFFSET", "HAVING", "VALUES")) or (kind == "punct" and tok in "{}"):
            in_modifier = False
        if kind not in ("ws", "comment"):
            previous = upper
        if kind == "word" and upper == "SELECT":
            in_select, depth = True, 0
        elif in_select and kind == "punct" and tok in "({})":
            if tok == "(":
                depth += 1
            elif tok == ")":
                depth -= 1
            elif depth == 0:
                in_select = False
        elif in_select and kind == "word" and depth == 0 and upper in ("WHERE", "FROM"):
            in_select = False
        if kind == "var" and tok[1:] in written:
            term_text = written[tok[1:]]
            term_tokens = _skeleton(term_text)
            if in_select and depth == 0:
                out.append(f"({term_text} AS {tok})")
                expected += [("punct", "("), *term_tokens, ("word", "AS"), ("var", tok), ("punct", ")")]
            elif in_modifier:
                out.append(f"({term_text})")
                expected += [("punct", "("), *term_tokens, ("punct", ")")]
            else:
                out.append(term_text)
                expected += term_tokens
            continue
        out.append(tok)
        if kind not in ("ws", "comment"):
            expected.append((kind, tok))
    return "".join(out), expected


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(text: str) -> str:
    """SPARQL 1.1 §19.2: ``\\u`` escapes may be processed before parsing, anywhere in the text."""

    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else match.group()

    return _CODEPOINT.sub(replace, text)


def prologue_for(checked: CheckedSparql) -> str:
    """PREFIX lines for the predeclared prefixes the text does not declare itself."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in checked.declared_prefixes)
