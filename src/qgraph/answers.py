"""Answers of stored queries made at build time, for the queries whose plain form returns every row.

``selections`` and ``trademarks-gi`` have no parameter that narrows them: run without one, they
answer every listing of the graph (thousands of rows at 10,000 documents, most of a second of the
engine's time, see docs/scaling.md). A build with a store runs each of them once, with its default
parameters, on the finished store and writes the answer (SPARQL results JSON, as the engine
serialises it) into the generation, beside the store::

    .generations/<id>/store/
    .generations/<id>/answers.json              the key: qgraph version, per query the SHA-256
                                                of the text run and its answer's file
    .generations/<id>/answer.selections.srj     the answer, as the engine wrote it

``qgraph query`` reads an answer instead of running the query when the text it would run (the
stored text with the parameters substituted, :func:`run_text`) is the text answered, and the store
is a generation's, which nothing changes (``qgraph query --update`` refuses it), read with the
answers written beside it. So an answer is never stale: another build is another generation with
its own answers; another parameter, a page (``--limit``, a table's first rows) or an edited query
is another text, run by the engine; a store outside a build (a copy, which may be updated) is
always run. The key holds nothing of the generation's name, so a full and an incremental build of
the same documents write the same bytes. The rows are the engine's, byte for byte
(``tests/test_answers.py``).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .sparql import Term, substitute, to_oxigraph_term
from .sparql_prefixes import SPARQL_PREFIXES as PREFIXES

ANSWERED = ("selections", "trademarks-gi")
"""Stored queries answered at build time: those whose answer without parameters is every row."""
KEY_FILE = "answers.json"
KEY_VERSION = 1


def answer_file(name: str) -> str:
    return f"answer.{name}.srj"


def run_text(text: str, bindings: Mapping[str, Any]) -> str:
    """The text the engine runs for ``text`` with ``bindings`` (as :func:`qgraph.query_worker.evaluate`)."""
    return substitute(text, {name: to_oxigraph_term(v) for name, v in bindings.items()})


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_answers(store_path: Path, names: tuple[str, ...] = ANSWERED, *, previous: Path | None = None,
                 store: Any = None) -> dict[str, bytes]:
    """The files of the answers of ``names`` (their default parameters) on the store at ``store_path``
    (a generation's): file name → bytes. ``previous``: an earlier generation whose store gives the
    same answers (:func:`unchanged_by`); an answer it wrote for the same text by the same version
    is taken, byte for byte, instead of running the query. ``store``: that store already open (its
    changes written), queried instead of opening it again."""
    from . import __version__
    from .query import load_query

    earlier = _previous_answers(previous) if previous is not None else {}
    files: dict[str, bytes] = {}
    entries: dict[str, dict[str, str]] = {}
    for name in names:
        stored = load_query(name)
        text = run_text(stored.text, stored.bind({}))
        data = earlier.get(_digest(text))
        if data is None:
            if store is None:
                store = ox.Store.read_only(str(store_path))
            data = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True).serialize(
                format=ox.QueryResultsFormat.JSON)
        files[answer_file(name)] = data
        entries[name] = {"file": answer_file(name), "sha256_text": _digest(text)}
    del store
    key = {"qgraph_answers": KEY_VERSION, "qgraph_version": __version__, "answers": entries}
    files[KEY_FILE] = json.dumps(key, indent=2, sort_keys=True).encode() + b"\n"
    return files


def _previous_answers(generation: Path) -> dict[str, bytes]:
    """The answers ``generation`` wrote by this version: SHA-256 of the text run → the answer's bytes."""
    from . import __version__

    try:
        key = json.loads((generation / KEY_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(key, dict) or key.get("qgraph_answers") != KEY_VERSION or key.get("qgraph_version") != __version__:
        return {}
    found: dict[str, bytes] = {}
    for entry in (key.get("answers") or {}).values():
        try:
            found[entry["sha256_text"]] = (generation / Path(entry["file"]).name).read_bytes()
        except (OSError, KeyError, TypeError):
            continue
    return found


class AnswersInThread:
    """:func:`make_answers` run in a thread on an open store (the engine releases the GIL), from
    the moment the store is final: a rebuild's validation and the rest of its files are made
    meanwhile. :meth:`result` waits for the files; the thread holds the store only while it runs,
    so once :meth:`result` (or :meth:`join`) returned the store is closed when its other holders
    let it go."""

    def __init__(self, store_path: Path, store: Any, *, previous: Path | None = None) -> None:
        self._args: list[Any] = [store_path, store, previous]
        self._files: dict[str, bytes] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="qgraph-answers", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            store_path, store, previous = self._args
            self._files = make_answers(store_path, previous=previous, store=store)
        except BaseException as exc:  # noqa: BLE001 - raised again by result()
            self._error = exc
        finally:
            self._args.clear()  # (the store goes with this frame, before the thread ends)

    def join(self) -> None:
        self._thread.join()

    def result(self) -> dict[str, bytes]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._files is not None
        return self._files


QG = "https://w3id.org/qgraph/def#"
_PROGRAMME, _RECIPIENT, _LEVEL, _MENTIONED_IN = (ox.NamedNode(QG + n) for n in ("programme", "recipient", "level", "mentionedIn"))
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_MOST_LOOKED_AT = 20_000
"""Statements looked at for one node before it is taken as read by the answers (a class with many
instances, say): past it, the answers are made again."""


def _some(store: Any, s: Any = None, p: Any = None, o: Any = None) -> bool:
    return next(iter(store.quads_for_pattern(s, p, o, None)), None) is not None


def _read_by_answers(store: Any, node: Any) -> bool:
    """Whether a statement about ``node`` may be read by the answers of :data:`ANSWERED` in ``store``
    (its union): ``node`` is a listing (it has a ``qg:programme``), a listing's programme, recipient
    or report (``qg:mentionedIn``), or a programme's class or level. Taken wider than the queries
    (no class of listing, pool or recipient is required), so that ``False`` is sure."""
    if not isinstance(node, ox.NamedNode):
        return True
    if _some(store, node, _PROGRAMME) or _some(store, None, _PROGRAMME, node):
        return True
    seen = 0
    for via, needs in ((_RECIPIENT, "listing"), (_MENTIONED_IN, "listing"), (_TYPE, "programme"), (_LEVEL, "programme")):
        for q in store.quads_for_pattern(None, via, node, None):
            seen += 1
            if seen > _MOST_LOOKED_AT:
                return True
            if _some(store, q.subject, _PROGRAMME) if needs == "listing" else _some(store, None, _PROGRAMME, q.subject):
                return True
    return False


def unchanged_by(stores: tuple[Any, ...], subjects: Any) -> bool:
    """Whether the answers of :data:`ANSWERED` are the same before and after a change of the
    statements about ``subjects`` (the subjects of the triples that entered or left the union),
    ``stores`` the stores before and after it.

    The answers read only statements about listings, their programmes, recipients and reports, and
    the programmes' classes and levels (see the queries). If no changed statement is about such a
    node in either store, every statement they read is in both, the nodes they reach are the same,
    and so are the rows: the same text on the same statements gives the same bytes."""
    return not any(_read_by_answers(store, node) for node in subjects for store in stores)


def stored_answer(source: Path | str, text: str, bindings: Mapping[str, Term | str]) -> bytes | None:
    """The answer written at build time for ``text`` run with ``bindings`` on the store ``source``
    (SPARQL results JSON), or None: no answer for that text on that store's build."""
    from .generations import in_generation

    store_dir = Path(source)
    if not store_dir.is_dir() or not in_generation(store_dir):
        return None  # (a store outside a build may have been updated since)
    generation = store_dir.resolve().parent
    try:
        key = json.loads((generation / KEY_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    from . import __version__

    if not isinstance(key, dict) or key.get("qgraph_answers") != KEY_VERSION or key.get("qgraph_version") != __version__:
        return None
    digest = _digest(run_text(text, bindings))
    entry = next((e for e in (key.get("answers") or {}).values() if isinstance(e, dict) and e.get("sha256_text") == digest), None)
    if entry is None:
        return None
    try:
        return (generation / Path(entry["file"]).name).read_bytes()
    except (OSError, KeyError, TypeError):
        return None


STREAM_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


def write_answer(data: bytes, fmt: str, output: Any) -> None:
    """Write an answer (SPARQL results JSON) to the binary stream ``output`` in ``fmt`` (csv, tsv, json,
    xml), as the engine's serialiser writes it."""
    if fmt == "json":
        output.write(data)
    else:
        ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(output=output, format=STREAM_FORMATS[fmt])
    output.flush()
