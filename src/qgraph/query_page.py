"""Pages of a query's rows: ``qgraph query --limit N``, and the first rows a table shows.

Part of :mod:`qgraph.query`, which re-exports :func:`limited`, :func:`page` and
:data:`DEFAULT_LIMIT`. See docs/querying.md ("Pages").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .errors import QueryError
from .sparql import Term, _classify, check_sparql, tokens

if TYPE_CHECKING:
    from .query import StoredQuery

DEFAULT_LIMIT = 100
"""Rows a table shows of a stored query run without any of its parameters (``--limit`` changes it)."""

_PAGE = re.compile(r"#\s*page\s*", re.IGNORECASE)


def limited(text: str, limit: int, *, page: bool = True) -> str:
    """``text`` answering at most ``limit`` rows, and early: at the query's own page mark as well.

    A stored query marks where its first stage (the facts it selects, before each is described
    one at a time) ends with the comment ``# page``; that comment becomes ``LIMIT n``, so only
    ``n`` facts are described (the first ones in the store's order: an ``ORDER BY`` there would
    sort every fact by its IRI, which costs Oxigraph seconds), and those rows are then sorted as
    usual. A filter after the mark (a parameter such as ``minConfidence``) may then leave fewer
    rows, so with ``page=False`` the mark is left alone: only the end gets ``LIMIT n``, which it
    does anyway unless the text ends with a ``LIMIT`` or ``OFFSET`` of its own. Updates are
    returned as they are.

    >>> limited("SELECT ?s { { SELECT ?s { ?s ?p ?o } # page\\n} }", 5)
    'SELECT ?s { { SELECT ?s { ?s ?p ?o } LIMIT 5\\n} }\\nLIMIT 5\\n'
    >>> limited("SELECT * { ?s ?p ?o } LIMIT 3", 5)
    'SELECT * { ?s ?p ?o } LIMIT 3'

    :raises QueryError: ``limit`` is negative.
    """
    if limit < 0:
        raise QueryError(f"a row limit must be 0 or more, not {limit}")
    if _classify(text)[0] == "UPDATE":
        return text
    lexed = tokens(text)
    parts = [f"LIMIT {limit}" if page and kind == "comment" and _PAGE.fullmatch(tok) else tok for kind, tok in lexed]
    significant = [tok.upper() for kind, tok in lexed if kind not in ("ws", "comment")]
    if any(word in ("LIMIT", "OFFSET") for word in significant[-4:-1:2]):
        return "".join(parts)
    return "".join(parts).rstrip() + f"\nLIMIT {limit}\n"


def page(stored: "StoredQuery", bindings: Mapping[str, Term], *, limit: int | None, table: bool) -> tuple[str, int]:
    """What ``qgraph query --limit`` runs: the text, and the page size when the default applies (else 0).

    ``limit`` 0 is every row; ``None`` is the default: a table (``table``) of a stored ``SELECT``
    given none of its parameters shows the first :data:`DEFAULT_LIMIT` rows — one more is asked
    for, so that the caller can tell whether there are more — and everything else is complete.
    A query given a parameter is cut at its end only (the first rows in its order, none lost to a
    filter); without one, at its page mark too (see :func:`limited`).
    """
    given = any(p.name in bindings for p in stored.params)
    if limit is not None:
        return (limited(stored.text, limit, page=not given) if limit else stored.text), 0
    if not table or not stored.params or given:
        return stored.text, 0
    if check_sparql(stored.text, allow_service=True).form != "SELECT":
        return stored.text, 0
    return limited(stored.text, DEFAULT_LIMIT + 1), DEFAULT_LIMIT
