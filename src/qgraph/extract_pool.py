"""Extraction of many documents: a process pool, a per-document cache, progress callbacks.

The build is a map over documents (extract each one, independently) followed by a union
(resolve, map, validate, write). This module runs the map:

- :func:`extract_many` extracts documents in ``jobs`` worker processes (``jobs=1``: in this
  process) and returns the extractions in the order of the documents, so the output does not
  depend on the number of workers. A document whose extraction raises is reported as an error and
  skipped; so is one that kills its worker process (the others are re-run in a fresh pool).
- :class:`ExtractionCache` keeps each document's extraction under the build directory
  (``out/.cache/``), keyed by the document's content and by an *environment key*: qgraph's version
  and the hashes of the lexicon files, the ontology, the shapes and the extraction code. A changed
  environment empties the cache and :attr:`ExtractionCache.reason` says which part changed.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import json
import multiprocessing
import os
import pickle
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, InputError
from .lexicon import Lexicon, load_lexicon
from .lexicon_io import lexicon_files
from .model import Document, Extraction
from .readindex import Known
from .resources import ontology_path, shapes_path

Progress = Callable[[int, int], None]
"""``on_progress(done, total)``: called after each document is extracted (or found in the cache)."""

CACHE_DIR = ".cache"
_CACHE_FORMAT = 1
_CODE = ("extract", "model.py", "lexicon.py", "lexicon_io.py", "mapping.py", "mapping_base.py", "labels.py", "ntriples.py",
         "resolve.py", "periodterms.py", "vocab.py", "rdfwrite.py", "shacl_local.py")
"""The code whose change invalidates cached extractions and shards (paths below the package)."""


def default_jobs() -> int:
    """All cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- cache


def _hash_files(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _files_under(path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in path.rglob("*") if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts]


def environment_key(lexicon_dir: Path | str | None = None) -> dict[str, str]:
    """What a cached extraction depends on besides its document, part by part; ``lexicon_dir`` is the
    lexicon directory the build reads (default: the bundled one): the files it holds and the bundled
    files it does not replace are hashed (:func:`qgraph.lexicon.lexicon_files`)."""
    package = Path(__file__).resolve().parent
    code = [f for part in _CODE for f in _files_under(package / part, (".py",))]
    return {
        "format": str(_CACHE_FORMAT),
        "qgraph version": __import__("qgraph").__version__,
        "lexicon": _hash_files(lexicon_files(lexicon_dir)),
        "ontology": _hash_files([ontology_path()]),
        "shapes": _hash_files([shapes_path()]),
        "extraction and mapping code": _hash_files(code),
    }


def document_key(doc: Document) -> str:
    """A hash of everything extraction reads from a document (its text and metadata); for a
    document not read again (:class:`qgraph.readindex.Known`), the hash the previous build found."""
    if isinstance(doc, Known):
        return doc.key
    fields = [doc.doc_id, doc.source, doc.text, doc.title, doc.date.isoformat() if doc.date else None,
              doc.publisher, doc.place, doc.url, [(s.index, s.span.start, s.span.end) for s in doc.sentences]]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class ExtractionCache:
    """Extractions stored as one file per document under ``<build dir>/.cache/extract/``
    (:func:`extract_many`), and the build's shards in ``.cache/shard/`` (:mod:`qgraph.shards`).

    Opening the cache compares the stored environment key with today's; on any difference the
    stored extractions are removed and :attr:`reason` is one line naming what changed.
    A cache that cannot be written is silently not used (the build goes on without it).
    """

    def __init__(self, build_dir: Path, env: dict[str, str] | None = None) -> None:
        self.root = Path(build_dir) / CACHE_DIR
        self.dir = self.root / "extract"
        self.shard_dir = self.root / "shard"
        """Where the shards of documents live (:mod:`qgraph.shards`), under the same key."""
        self.env = env if env is not None else environment_key()
        self.reason: str | None = None
        self.hits = 0
        self.stored = 0
        self.usable = True
        key_file = self.root / "key.json"
        try:
            old = json.loads(key_file.read_text("utf-8"))
        except (OSError, ValueError):
            old = None
        if old != self.env:
            if isinstance(old, dict):
                changed = [part for part in self.env if old.get(part) != self.env[part]] or ["cache format"]
                self.reason = f"cache: {', '.join(changed)} changed, rebuilding all"
            shutil.rmtree(self.dir, ignore_errors=True)
            shutil.rmtree(self.shard_dir, ignore_errors=True)
            try:
                self.dir.mkdir(parents=True, exist_ok=True)
                _write_atomic(key_file, json.dumps(self.env, indent=1, sort_keys=True).encode())
            except OSError:
                self.usable = False

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, doc: Document) -> Extraction | None:
        if not self.usable:
            return None
        try:
            data = self._path(document_key(doc)).read_bytes()
            found = pickle.loads(data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None
        if not isinstance(found, Extraction) or found.document != doc:
            return None
        self.hits += 1
        return found

    def put(self, ex: Extraction) -> None:
        if not self.usable:
            return
        path = self._path(document_key(ex.document))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL))
            self.stored += 1
        except OSError:
            self.usable = False

    def prune(self, keep: Sequence[Document], keys: Sequence[str] | None = None, *,
              left: Iterable[str] | None = None) -> None:
        """Remove the entries of documents no longer in the corpus (``keys``: theirs, if known).
        ``left``: the keys that left the corpus since the previous build (the kept corpus table's,
        :attr:`qgraph.corpus_table.KeptTable.left`): only their files are removed, without listing
        the cache (30,000 files at 10,000 documents); None: every file is looked at."""
        if not self.usable:
            return
        keys = set(keys) if keys is not None else {document_key(d) for d in keep}
        if left is not None:
            for key in left:
                if key in keys:
                    continue
                for path in (self._path(key), self.shard_dir / key[:2] / f"{key}.nq",
                             self.shard_dir / key[:2] / f"{key}.meta"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(path)
            return
        for root, suffixes in ((self.dir, (".pickle",)), (self.shard_dir, (".nq", ".meta"))):
            for name in _stale(root, keys, suffixes):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name)


def _stale(root: Path, keys: set[str], suffixes: tuple[str, ...]) -> list[str]:
    """The files ``root/*/KEY.SUFFIX`` whose key is not in ``keys`` (read with :func:`os.scandir`:
    at 10,000 documents the cache holds 30,000 files, and ``Path.glob`` made a path of each)."""
    stale: list[str] = []
    try:
        dirs = [e.path for e in os.scandir(root) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return stale
    for d in dirs:
        with contextlib.suppress(OSError), os.scandir(d) as entries:
            for e in entries:
                name = e.name
                dot = name.rfind(".")
                if dot > 0 and name[dot:] in suffixes and name[:dot] not in keys:
                    stale.append(e.path)
    return stale


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- extraction


def _failed(doc: Document, exc: BaseException) -> InputError:
    return InputError(doc.source, f"extraction failed ({type(exc).__name__}: {exc}); "
                                  "the document was skipped - please report this as a qgraph bug")


def _crashed(doc: Document) -> InputError:
    return InputError(doc.source, "extraction crashed its worker process; the document was skipped "
                                  "- please report this as a qgraph bug")


_WORKER_LEXICON: Lexicon | None = None


def _init_worker(lexicon: Lexicon | None) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon or load_lexicon()


def _extract_one(doc: Document) -> Extraction | BaseException:
    from .extract import extract
    from .faults import crash_point

    crash_point(doc.doc_id)
    try:
        return extract(doc, _WORKER_LEXICON)
    except Exception as exc:  # noqa: BLE001 - reported by the parent as one line
        return RuntimeError(f"{type(exc).__name__}: {exc}") if not _picklable(exc) else exc


def _picklable(exc: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
        return True
    except Exception:  # noqa: BLE001
        return False


@dataclass
class _Run:
    results: dict[int, object]
    errors: dict[int, InputError]
    done: int
    total: int
    on_progress: Progress | None
    absorb: Callable[[object], object] | None = None
    """Applied to each result as it arrives (the caller keeps what it returns)."""

    def finish(self, i: int, doc: Document, outcome: object, cache: ExtractionCache | None) -> None:
        if isinstance(outcome, ConfigError):
            raise outcome  # a malformed lexicon file: no fault of the document, every document would fail
        if isinstance(outcome, BaseException):
            self.errors[i] = _failed(doc, outcome)
        else:
            self.results[i] = outcome if self.absorb is None else self.absorb(outcome)
            if cache is not None and isinstance(outcome, Extraction):
                cache.put(outcome)
        self.tick()

    def tick(self) -> None:
        self.done += 1
        if self.on_progress is not None:
            self.on_progress(self.done, self.total)


def extract_many(docs: Sequence[Document], lexicon: Lexicon | None = None, *, jobs: int = 1,
                 cache: ExtractionCache | None = None, on_progress: Progress | None = None,
                 ) -> tuple[list[Extraction], list[InputError]]:
    """Extract ``docs`` (in ``jobs`` processes), using and filling ``cache``.

    Returns the extractions in the order of ``docs`` and one error per document that failed.
    """
    lex = lexicon or load_lexicon()
    run = _Run({}, {}, 0, len(docs), on_progress)
    todo: list[int] = []
    for i, doc in enumerate(docs):
        hit = cache.get(doc) if cache is not None else None
        if hit is not None:
            run.results[i] = hit
            run.tick()
        else:
            todo.append(i)
    if jobs <= 1 or len(todo) <= 1:
        from .extract import extract

        for i in todo:
            try:
                outcome: object = extract(docs[i], lex)
            except Exception as exc:  # noqa: BLE001 - one document must not stop the build
                outcome = exc
            run.finish(i, docs[i], outcome, cache)
    else:
        pooled(docs, todo, min(jobs, len(todo)), run, cache, work=_extract_one, init=_init_worker, initargs=(lex,))
    ordered = sorted(run.results)
    return [run.results[i] for i in ordered], [run.errors[i] for i in sorted(run.errors)]  # type: ignore[misc]


def _each(work: Callable[[Document], object], docs: Sequence[Document]) -> list[object]:
    """One task of the pool: ``work`` on each of a few documents (fewer round trips to the parent)."""
    return [work(doc) for doc in docs]


WORKER_DOCUMENTS = 32
"""Documents per worker at least when the others come from the cache (a rebuild): a worker's
start (fork, importing the rules, the lexicon's indexes: about 0.35 s of CPU) costs as much as
extracting a score of documents, so a rebuild that adds ten documents runs one worker, not one per
core (measured on two loaded cores: 10 documents in 2.0-2.3 s with one worker against 4.0-4.4 s
with two, half the CPU; docs/scaling.md). A build from scratch keeps one worker per core."""


def pool_size(todo: int, jobs: int) -> int:
    """Worker processes for ``todo`` documents when ``jobs`` are allowed: one per
    :data:`WORKER_DOCUMENTS` documents, at least one, at most ``jobs``."""
    return max(1, min(jobs, -(-todo // WORKER_DOCUMENTS)))


def chunk_size(todo: int, jobs: int) -> int:
    """Documents per task: one for small runs (even progress, even shares), up to 8 when each
    worker gets many (the parent's cost per task is about that of a small document)."""
    return max(1, min(8, todo // (jobs * 16)))


def pooled(docs: Sequence[Document], todo: list[int], jobs: int, run: _Run, cache: ExtractionCache | None, *,
           work: Callable[[Document], object], init: Callable[..., None], initargs: tuple[object, ...],
           chunk: int = 1) -> None:
    """Run ``work`` on the documents ``todo`` in a pool of ``jobs`` processes (``init(*initargs)``
    in each), ``chunk`` documents per task; when a worker dies, the documents that may have
    killed it are re-run one per process (to find the culprit) and the rest in a fresh pool."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pending = list(todo)
    while pending:
        with cf.ProcessPoolExecutor(jobs, mp_context=context, initializer=init, initargs=initargs) as pool:
            tasks = [pending[k:k + chunk] for k in range(0, len(pending), chunk)]
            futures = {pool.submit(_each, work, [docs[i] for i in task]): task for task in tasks}
            unfinished: list[int] = []
            for future, task in futures.items():  # in submission order: results come back in order
                try:
                    outcomes = future.result()
                except cf.process.BrokenProcessPool:
                    unfinished.extend(task)
                    continue
                for i, outcome in zip(task, outcomes):
                    run.finish(i, docs[i], outcome, cache)
        if not unfinished:
            return
        # Only the documents sent to workers when the pool broke can be the culprit: at most
        # two tasks per worker plus one are queued ahead. Each of them runs alone.
        queued = (2 * jobs + 1) * chunk
        suspects, pending = unfinished[:queued], unfinished[queued:]
        for i in suspects:
            with cf.ProcessPoolExecutor(1, mp_context=context, initializer=init, initargs=initargs) as alone:
                try:
                    outcome = alone.submit(work, docs[i]).result()
                except cf.process.BrokenProcessPool:
                    run.errors[i] = _crashed(docs[i])
                    run.tick()
                    continue
            run.finish(i, docs[i], outcome, cache)
