"""The map over documents: extract and map each document in a worker, one shard file each.

A worker process reads nothing but its document and the lexicon: it extracts the document
(:mod:`qgraph.extract`), maps the extraction to N-Quads lines (:func:`qgraph.mapping.map_document`)
and writes them to a *shard file*, sorted, one statement a line. The parent receives a small
:class:`ShardMeta` per document (where the file is, what it minted, how many nodes of each class,
the extractor's warnings), never the lines, so its memory does not grow with the corpus.

With the cache (:class:`qgraph.extract_pool.ExtractionCache`), shard files live in
``out/.cache/shard/`` under the document's key and the same environment key as extractions (the
mapping code is part of it): an unchanged document is neither extracted nor mapped again.
Without it, they live in a temporary directory for the length of the build.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .errors import InputError
from .extract_pool import ExtractionCache, Progress, _Run, _init_worker, chunk_size, document_key, pool_size, pooled
from .lexicon import Lexicon, load_lexicon
from .mapping import check_minted
from .model import Document
from .readindex import Known
from .resolve import IriCollision

if TYPE_CHECKING:
    from .corpus_table import KeptTable


@dataclass(frozen=True)
class ShardMeta:
    """What the union needs to know about one document's shard (its lines stay in ``path``)."""

    doc_id: str
    source: str
    graph: str
    path: str
    triples: int
    shared: tuple[str, ...]
    """The lines of the shared graph this document needs (see :class:`qgraph.mapping.Shard`); in
    the record a worker sends, only those it had not sent with an earlier document."""
    minted: tuple[tuple[str, tuple[str, ...]], ...]
    classes: tuple[tuple[str, int], ...]
    warnings: tuple[str, ...]
    empty: bool
    """No entity and no figure was found in the document."""
    seconds: tuple[float, ...] = (0.0, 0.0, 0.0)
    """CPU-side seconds spent extracting, mapping and checking it (0 when it came from the cache)."""
    valid: bool | None = None
    """The local shapes surely give it no row (:mod:`qgraph.shacl_local`, checked by the worker that
    mapped it); False or None: not known, the store checks them."""


def shard_key(path: str) -> str:
    """The document key a shard file is named by (``…/ab/abcd….nq`` → ``abcd…``; ``Path.stem``
    without building a path: called for every document of a rebuild)."""
    name = os.path.basename(path)
    return name[:name.rfind(".")] if "." in name else name


def shard_path(root: Path, doc: Document) -> Path:
    key = document_key(doc)
    return root / key[:2] / f"{key}.nq"


_T = TypeVar("_T")
_TARGET: tuple[Path, bool] | None = None
"""In a worker: the shard directory, and whether it is the cache's (keep each shard's record)."""
_SENT: set[object] = set()
"""In a worker: the shared lines and (IRI, key) pairs it has already sent to the parent in this
build. The parent only needs each once (it keeps their union), so each is sent once per worker:
most of a document's shared lines (its places, measures, roles) were sent with earlier documents."""


def _init(lexicon: Lexicon | None, shard_dir: Path, cached: bool) -> None:
    global _TARGET
    _init_worker(lexicon)
    _TARGET = (shard_dir, cached)
    _SENT.clear()  # a forked worker must not inherit what its parent sent in an earlier build


def _unsent(items: tuple[_T, ...]) -> tuple[_T, ...]:
    return tuple(x for x in items if x not in _SENT)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _map_one(doc: Document) -> ShardMeta | BaseException:
    """Extract, map and write one document's shard (in a worker, or in the parent with ``-j 1``).
    The record returned lists only the shared lines and minted IRIs this process has not sent
    yet; the one kept beside a cached shard lists them all."""
    from . import extract_pool
    from .extract import extract
    from .faults import crash_point
    from .mapping import map_document
    from .shacl_local import check_shard
    from .vocab import ID

    assert _TARGET is not None
    shard_dir, cached = _TARGET
    lex = extract_pool._WORKER_LEXICON
    crash_point(doc.doc_id)
    try:
        t0 = time.process_time()
        ex = extract(doc, lex)
        t1 = time.process_time()
        shard = map_document(ex, lex)
        t2 = time.process_time()
        valid = check_shard(shard, f"<{ID}doc/{doc.doc_id}>")
        path = shard_path(shard_dir, doc)
        _write(path, ("\n".join(shard.lines) + "\n").encode("utf-8") if shard.lines else b"")
        meta = ShardMeta(doc.doc_id, doc.source, shard.graph, str(path), shard.triples, shard.shared, shard.minted,
                         shard.classes, ex.warnings, not ex.entities and not ex.observations,
                         (t1 - t0, t2 - t1, time.process_time() - t2), valid)
        if cached:
            _write(path.with_suffix(".meta"), pickle.dumps(meta, protocol=pickle.HIGHEST_PROTOCOL))
        shared, minted = _unsent(shard.shared), _unsent(shard.minted)
        _SENT.update(shared, minted)
        return dataclasses.replace(meta, shared=shared, minted=minted)
    except OSError as exc:
        return RuntimeError(f"cannot write its shard: {exc}")
    except Exception as exc:  # noqa: BLE001 - reported by the parent as one line
        return RuntimeError(f"{type(exc).__name__}: {exc}") if not extract_pool._picklable(exc) else exc


def cached_shard(root: Path, doc: Document, path: Path | None = None) -> ShardMeta | None:
    """The shard of ``doc`` kept in ``root`` by an earlier build (at ``path``, its
    :func:`shard_path` when known), if it is there and whole."""
    path = path or shard_path(root, doc)
    try:
        meta = pickle.loads(path.with_suffix(".meta").read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None
    if not isinstance(meta, ShardMeta) or meta.doc_id != doc.doc_id or meta.source != doc.source:
        return None
    try:
        if path.stat().st_size == 0 and meta.triples:
            return None
    except OSError:
        return None
    if meta.path != str(path):
        meta = ShardMeta(**{**meta.__dict__, "path": str(path)})
    return ShardMeta(**{**meta.__dict__, "seconds": (0.0, 0.0, 0.0)})


class CorpusTable:
    """The ``resolve`` stage: the corpus-wide entity table, filled as each shard arrives.

    It checks that no IRI stands for two keys (:func:`qgraph.mapping.check_minted`) and collects
    the distinct lines of the shared graph; what it keeps grows with the number of distinct
    entities, not of documents. :meth:`add` returns the shard without those parts.
    """

    def __init__(self) -> None:
        self.iris: dict[str, tuple[str, ...]] = {}
        self.shared: set[str] = set()
        self.error: IriCollision | None = None
        self.seconds = 0.0

    def add(self, meta: ShardMeta) -> ShardMeta:
        start = time.perf_counter()
        if self.error is None:
            try:
                check_minted(self.iris, meta.minted)
            except IriCollision as exc:
                self.error = exc
        self.shared.update(meta.shared)
        self.seconds += time.perf_counter() - start
        return dataclasses.replace(meta, shared=(), minted=())

    add_fresh = add
    """A record a worker sent (the same as :meth:`add` here: the table keeps the union of the lists)."""

    def known(self, key: str, path: Path) -> ShardMeta | None:
        """No document is known before its record is read (see :class:`qgraph.corpus_table.KeptTable`)."""
        return None

    def finish(self) -> None:
        """:raises IriCollision: two different entities would share one IRI."""
        if self.error is not None:
            raise self.error


def map_many(docs: Sequence[Document], lexicon: Lexicon | None = None, *, shard_dir: Path, jobs: int = 1,
             cache: ExtractionCache | None = None, on_progress: Progress | None = None,
             table: CorpusTable | KeptTable | None = None, chunk: int | None = None,
             reread: Callable[[Known], Document | InputError] | None = None, keys: Sequence[str] | None = None,
             ) -> tuple[list[ShardMeta], list[InputError]]:
    """Extract and map ``docs`` (in ``jobs`` processes) into shard files under ``shard_dir``
    (the cache's shard directory when ``cache`` is given), reusing the shards ``cache`` holds.
    A document ``table`` knows (:meth:`qgraph.corpus_table.KeptTable.known`) is taken from it.
    Each other shard is added to ``table`` as it arrives (and kept without its entity lists, which
    only the table holds). A worker takes ``chunk`` documents at a time (default: by the number
    of documents, :func:`qgraph.extract_pool.chunk_size`).

    A :class:`~qgraph.readindex.Known` document (not read: its file is unchanged) whose shard is
    not found after all is read by ``reread`` and takes its place in ``docs`` (a list).

    ``keys``: each document's :func:`~qgraph.extract_pool.document_key`, when the caller has them.

    Returns the shards in the order of ``docs`` and one error per document that failed.
    """
    lex = lexicon or load_lexicon()
    table = table if table is not None else CorpusTable()
    run = _Run({}, {}, 0, len(docs), on_progress, table.add_fresh)  # type: ignore[arg-type]
    use = cache is not None and cache.usable
    todo: list[int] = []
    for i, doc in enumerate(docs):
        if use:
            key = keys[i] if keys is not None else document_key(doc)
            path = shard_dir / key[:2] / f"{key}.nq"
            kept = table.known(key, path)
            if kept is not None:  # unchanged, and in the kept table: its record is not read
                run.results[i] = kept
                assert cache is not None
                cache.hits += 1
                run.tick()
                continue
        hit = cached_shard(shard_dir, doc, path) if use else None
        if hit is not None:
            run.results[i] = table.add(hit)
            assert cache is not None
            cache.hits += 1
            run.tick()
        elif isinstance(doc, Known):
            fresh = reread(doc) if reread is not None else InputError(doc.source, "not read")
            if isinstance(fresh, InputError):
                run.errors[i] = fresh
                run.tick()
            else:
                docs[i] = fresh  # type: ignore[index]
                todo.append(i)
        else:
            todo.append(i)
    initargs = (lex, shard_dir, use)
    if jobs <= 1 or len(todo) <= 1:
        _init(*initargs)
        for i in todo:
            run.finish(i, docs[i], _map_one(docs[i]), None)
        _SENT.clear()  # in this process: not kept alive past the build
    else:
        # documents added to a built corpus (the others from the cache): a worker per
        # WORKER_DOCUMENTS of them, so ten new documents take one worker; the same shards
        jobs = pool_size(len(todo), jobs) if len(todo) < len(docs) else min(jobs, len(todo))
        pooled(docs, todo, jobs, run, None, work=_map_one, init=_init, initargs=initargs,
               chunk=chunk or chunk_size(len(todo), jobs))
    ordered = sorted(run.results)
    return [run.results[i] for i in ordered], [run.errors[i] for i in sorted(run.errors)]  # type: ignore[misc]
