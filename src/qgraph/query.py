"""Stored and ad-hoc SPARQL queries, on the embedded store or a remote endpoint.

Stored queries are the ``queries/*.rq`` files; each starts with a comment header::

    # title: 产品质量监督抽查
    # description: What each spot check covered, how many batches, what pass rate.
    # param: place — 地点：标签或 IRI (default: 枣庄市)

A parameter is a SPARQL variable (``?place``) bound at run time — never formatted into the text.
A local query runs in this process: in a thread when it has no time limit, else (on Linux) in a
forked copy of this process that is killed at the timeout — no second Python start-up either
way. Elsewhere, and for remote endpoints, a worker process (``python -m qgraph.query_worker``) is
started and killed at the timeout. See :mod:`qgraph.query_worker`.

>>> q = load_query("spot-checks")
>>> q.name, [p.name for p in q.params]
('spot-checks', ['place', 'minConfidence'])
>>> q.bind({"place": "枣庄市"})["place"].value
'枣庄市'

Running one (the default graph is ``out/store`` or ``out/graph.nq``)::

    result = run_query(default_source(), q.text, params=q.bind({"place": "枣庄市"}))
    for row in result.dicts():
        print(row["batches"].value, row["passRate"].value)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import pyoxigraph as ox

from .errors import InputError, QueryError, StoreError
from .resources import queries_dir
from .sparql import Form, Term, check_sparql, prologue_for, term_to_json, to_oxigraph_term
from .sparql_prefixes import SPARQL_PREFIXES as PREFIXES
from .query_stream import STREAM_FORMATS, stream_query, worker_env  # noqa: F401 - part of this module's API
from .query_page import DEFAULT_LIMIT, limited, page  # noqa: F401 - part of this module's API

DEFAULT_TIMEOUT = 30.0
"""Seconds a query may run before its worker process is killed."""


# --------------------------------------------------------------------------- stored queries


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter of a stored query: the variable ``?name``, bound at run time."""

    name: str
    description: str
    default: str | None = None
    """The value used when none is given (parsed like a ``--param`` value); ``None`` leaves it unbound."""


@dataclass(frozen=True, slots=True)
class StoredQuery:
    """A ``.rq`` file with its header: title, description and parameters."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None
    adhoc: bool = False
    """True for a query given on the command line or in a file without ``# param:`` lines: any
    variable may then be bound."""

    @classmethod
    def from_text(cls, text: str, *, name: str, path: Path | None = None) -> StoredQuery:
        """Read the header of a query (the leading ``# key: value`` comment lines).

        >>> q = StoredQuery.from_text("# title: T\\n# param: x — an x (default: 1)\\nSELECT ?x {}", name="t")
        >>> q.title, q.params
        ('T', (Param(name='x', description='an x', default='1'),))
        """
        fields: dict[str, list[str]] = {"title": [], "description": []}
        params: list[Param] = []
        last: str | None = None
        for line in text.splitlines():
            if not line.startswith("#"):
                if line.strip():
                    break
                continue
            body = line[1:].strip()
            key, colon, value = body.partition(":")
            key = key.strip().lower()
            if colon and key in ("title", "description"):
                fields[key].append(value.strip())
                last = key
            elif colon and key == "param":
                params.append(_parse_param(value.strip(), name))
                last = None
            elif last and body:
                fields[last].append(body)
        return cls(name, " ".join(fields["title"]) or name, " ".join(fields["description"]), tuple(params), text, path,
                   adhoc=not params and (path is None or path.parent.resolve() != queries_dir().resolve()))

    def bind(self, values: Mapping[str, str | Term] | None = None) -> dict[str, Term]:
        """Terms for the declared parameters: the given values, else the defaults.

        :raises QueryError: a name that is not a parameter of this query.
        """
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown and self.adhoc:
            return {name: to_oxigraph_term(value) for name, value in values.items()}
        if unknown:
            listed = ", ".join(sorted(known)) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)} (parameters: {listed})")
        out: dict[str, Term] = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is not None:
                out[p.name] = to_oxigraph_term(value)
        return out


_PARAM = re.compile(r"(?P<name>\w+)\s*(?:—|–|--|-|:)\s*(?P<desc>.*?)\s*(?:\(default:\s*(?P<default>.*)\))?\s*$")


def _parse_param(text: str, query: str) -> Param:
    match = _PARAM.fullmatch(text)
    if not match:
        raise QueryError(f"query {query!r}: bad parameter line {text!r} (expected 'name — description (default: value)')")
    default = match["default"]
    if default is not None and default.strip().lower() in ("", "none"):
        default = None
    return Param(match["name"], match["desc"], default.strip() if default else None)


PORTABLE_DIR = "sparql11"
"""Subdirectory of the stored queries holding their SPARQL 1.1 texts (see :func:`portable`)."""


def list_queries(directory: Path | None = None) -> list[StoredQuery]:
    """Every stored query (``*.rq``) of ``directory`` (default: the bundled ``queries/``), by name."""
    directory = Path(directory) if directory else queries_dir()
    return [_read(path) for path in sorted(directory.glob("*.rq"))]


def load_query(name_or_path: str | Path, *, directory: Path | None = None) -> StoredQuery:
    """A stored query by name (``spot-checks``) or a ``.rq`` file by path.

    A value with a path separator or a ``.rq`` / ``.sparql`` suffix is a path; anything else a name.

    :raises QueryError: no such stored query. :raises InputError: the file cannot be read.
    """
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or "/" in text or os.sep in text or text.endswith((".rq", ".sparql")):
        return _read(Path(text))
    path = (Path(directory) if directory else queries_dir()) / f"{text}.rq"
    if not path.is_file():
        raise QueryError(f"no stored query named {text!r}; `qgraph queries` lists them")
    return _read(path)


def portable(stored: StoredQuery) -> StoredQuery:
    """The plain SPARQL 1.1 text of a bundled stored query (``queries/sparql11/``), for endpoints
    without ``LATERAL`` (a SPARQL 1.2 draft feature: Virtuoso, GraphDB); the same rows, slower on
    large graphs. Any other query is returned as it is."""
    if stored.adhoc or stored.path is None or stored.path.parent.resolve() != queries_dir().resolve():
        return stored
    plain = queries_dir() / PORTABLE_DIR / f"{stored.name}.rq"
    return _read(plain) if plain.is_file() else stored


def query_from(argument: str | None, *, expression: str | None = None, stdin: TextIO | None = None) -> StoredQuery:
    """The query a command line names: ``-e TEXT``, ``-`` (stdin), a stored name or a ``.rq`` file.

    :raises QueryError: none or more than one was given.
    """
    if expression is not None and argument is not None:
        raise QueryError("give either a query name or file, or -e TEXT, not both")
    if expression is not None:
        return StoredQuery.from_text(expression, name="-e")
    if argument is None:
        raise QueryError("which query? give a stored name (`qgraph queries` lists them), a .rq file, - or -e TEXT")
    if argument == "-":
        return StoredQuery.from_text((stdin or sys.stdin).read(), name="-")
    return load_query(argument)


def parse_param_options(options: Sequence[str]) -> dict[str, str]:
    """``["place=枣庄市", …]`` → ``{"place": "枣庄市"}``; the value may hold any character, even ``=``.

    :raises QueryError: an option without ``=`` or with a name that is not a SPARQL variable name.
    """
    out: dict[str, str] = {}
    for option in options:
        name, eq, value = option.partition("=")
        name = name.strip().lstrip("?$")
        if not eq or not re.fullmatch(r"\w+", name):
            raise QueryError(f"bad --param {option!r}: expected NAME=VALUE")
        out[name] = value
    return out


def _read(path: Path) -> StoredQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return StoredQuery.from_text(text, name=path.stem, path=path)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query returned: solutions (``SELECT``), a boolean (``ASK``) or triples."""

    form: Form
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()

    def dicts(self) -> list[dict[str, Term]]:
        """Each solution as ``{variable: term}``, unbound variables left out."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def values(self) -> list[dict[str, str]]:
        """Each solution as ``{variable: lexical value or IRI}`` (handy in tests and notebooks)."""
        return [{v: t.value for v, t in row.items()} for row in self.dicts()]


def _parse_answer(form: Form, media_type: str, data: str) -> QueryResult:
    if form == "UPDATE":
        return QueryResult(form)
    if form in ("CONSTRUCT", "DESCRIBE"):
        fmt = ox.RdfFormat.N_TRIPLES if media_type == "text/plain" else ox.RdfFormat.from_media_type(media_type)
        if fmt is None:
            raise QueryError(f"the endpoint answered with {media_type!r}, not RDF")
        try:
            return QueryResult(form, triples=tuple(q.triple for q in ox.parse(data.encode(), format=fmt)))
        except SyntaxError as exc:
            raise QueryError(f"the endpoint answered with invalid {fmt.name}: {exc}") from None
    results_format = ox.QueryResultsFormat.from_media_type(media_type)
    if results_format is None:
        raise QueryError(f"the endpoint answered with {media_type!r}, not SPARQL results")
    try:
        parsed = ox.parse_query_results(data.encode(), format=results_format)
    except SyntaxError as exc:
        raise QueryError(f"the endpoint answered with invalid {results_format.name}: {exc}") from None
    if isinstance(parsed, ox.QueryBoolean):
        return QueryResult(form, boolean=bool(parsed))
    variables = tuple(v.value for v in parsed.variables)
    rows = tuple(tuple(solution[v] for v in variables) for solution in parsed)
    return QueryResult(form, variables, rows)


def answered(data: bytes) -> QueryResult:
    """A ``SELECT`` answer written at build time (SPARQL results JSON, :mod:`qgraph.answers`)."""
    return _parse_answer("SELECT", "application/sparql-results+json", data.decode("utf-8"))


# --------------------------------------------------------------------------- running


def default_source(out_dir: Path = Path("out")) -> Path:
    """The built graph of ``out_dir``: its current generation's store, else its graph file (via the manifest).

    :raises InputError: there is neither (run ``qgraph build`` first, or pass a file).
    """
    from .store import default_graph_source

    return default_graph_source(out_dir)


def run_query(
    source: Path | str | None,
    text: str,
    *,
    params: Mapping[str, str | Term] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    allow_update: bool = False,
    allow_service: bool = False,
    endpoint: str | None = None,
) -> QueryResult:
    """Run one query (or, with ``allow_update``, an update) and return its result.

    :param source: a store directory or an RDF file (ignored with ``endpoint``).
    :param params: variable name → term, or a string parsed by :func:`qgraph.sparql.parse_param_value`.
    :param timeout: seconds before the query is stopped (``None``: no limit).
    :param endpoint: a SPARQL 1.1 endpoint URL to send the query to instead.
    :raises QueryError: syntax error, refused query, timeout or a failure of the engine.
    """
    return run_queries(source, [(text, params or {})], timeout=timeout, allow_update=allow_update,
                       allow_service=allow_service, endpoint=endpoint)[0]


def run_queries(
    source: Path | str | None,
    queries: Sequence[tuple[str, Mapping[str, str | Term]]],
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    allow_update: bool = False,
    allow_service: bool = False,
    endpoint: str | None = None,
) -> list[QueryResult]:
    """Run several ``(text, params)`` queries under one timeout (see the module doc for where)."""
    if endpoint is not None:
        _check_endpoint(endpoint)
    elif source is None:
        raise QueryError("no graph to query: give a store directory or an RDF file, or an endpoint")
    checked = [check_sparql(text, allow_update=allow_update, allow_service=allow_service) for text, _ in queries]
    bindings = [{name: to_oxigraph_term(v) for name, v in params.items()} for _, params in queries]
    limit = timeout if timeout and timeout > 0 else None
    if endpoint is None and limit is None:
        from .query_worker import run_in_thread

        return run_in_thread(Path(source), checked, bindings, PREFIXES)  # type: ignore[arg-type]
    request = {
        "source": None if source is None else str(source),
        "endpoint": endpoint,
        "http_timeout": timeout,
        "prefixes": PREFIXES,
        "queries": [
            {"text": c.text, "form": c.form, "prologue": prologue_for(c),
             "bindings": {name: term_to_json(term) for name, term in b.items()}}
            for c, b in zip(checked, bindings)
        ],
    }
    if endpoint is None and hasattr(os, "fork") and sys.platform.startswith("linux"):
        from .query_worker import run_forked

        answer = run_forked(request, limit)  # type: ignore[arg-type]
    else:
        answer = _call_worker(request, timeout)
    return [_parse_answer(c.form, a["media_type"], a["data"]) for c, a in zip(checked, answer)]


def _check_endpoint(endpoint: str) -> None:
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError for a bad port
        problem = None if parts.scheme in ("http", "https") and parts.hostname else "not an http(s) endpoint URL"
    except ValueError:
        problem = "not a valid endpoint URL"
    if problem:
        from .credentials import redact_url

        raise QueryError(f"{problem}: {redact_url(endpoint)!r}")


def _call_worker(request: dict[str, Any], timeout: float | None) -> list[dict[str, str]]:
    env = worker_env()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "qgraph.query_worker"], input=json.dumps(request).encode(),
            capture_output=True, timeout=timeout if timeout and timeout > 0 else None, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        raise QueryError(f"the query ran longer than {timeout:g} s and was stopped (see --timeout)") from None
    return answer_results(done.stdout, done.stderr, done.returncode)


def answer_results(stdout: bytes, stderr: bytes, returncode: int) -> list[dict[str, str]]:
    """The results a worker wrote (one JSON answer), or its error raised as the error it was."""
    try:
        answer = json.loads(stdout.decode("utf-8"))
    except ValueError:
        from .credentials import scrub

        last = (stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
        raise QueryError(f"the query engine failed (exit {returncode}): {scrub(last)}") from None
    if "error" in answer:
        if answer["kind"] == "input":
            raise InputError(answer["path"], answer["problem"])
        raise (StoreError if answer["kind"] == "store" else QueryError)(answer["error"])
    return answer["results"]
