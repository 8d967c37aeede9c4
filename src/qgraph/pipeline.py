"""The whole build as one library call: documents → extraction → RDF → SHACL → outputs.

>>> from pathlib import Path
>>> report = build([Path("data/corpus")], Path("out"))   # doctest: +SKIP
>>> report.documents, report.conforms                     # doctest: +SKIP
(1, True)
"""

from __future__ import annotations

import functools
import tempfile
import time
import warnings
from collections import Counter
from contextlib import ExitStack, contextmanager
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from rdflib import Dataset
from rdflib.namespace import RDF

from .display import shown
from .errors import InputError
from .readindex import FileIndex, Known
from .extract_pool import ExtractionCache, Progress, default_jobs, document_key, environment_key, extract_many
from .faults import checkpoint
from .lexicon import Lexicon, load_lexicon
from .ntriples import RDF_TYPE
from .model import Document, Extraction
from .rdf import ONTOLOGY_GRAPH, to_dataset
from .shards import ShardMeta, shard_key
from .sources import SourceWarning, iter_documents
from .validate import ValidationReport
from .vocab import PREFIXES

if TYPE_CHECKING:
    from .corpus_table import KeptTable
    from .shards import CorpusTable


@dataclass(frozen=True)
class BuildReport:
    documents: int
    triples: int
    classes: tuple[tuple[str, int], ...]
    validation: ValidationReport | None
    errors: tuple[InputError, ...] = ()
    warnings: tuple[str, ...] = ()
    written: tuple[Path, ...] = field(default=())
    timings: tuple[tuple[str, float], ...] = ()
    """Seconds per stage, in order (``dict(report.timings)`` for JSON)."""
    cache: str | None = None
    """One line about the extraction cache: how many documents it held, or why it was emptied."""
    rebuild: str | None = None
    """Why the union was rebuilt in full although a previous build was there (one line), else None."""
    table: str | None = None
    """One line about the corpus table (:mod:`qgraph.corpus_table`): kept and corrected, or why it was made again."""

    @property
    def conforms(self) -> bool:
        return self.validation is None or self.validation.conforms

    @property
    def exit_code(self) -> int:
        if self.errors or self.documents == 0:
            return 2
        return 0 if self.conforms else 1


PARALLEL_VALIDATION = 10
"""From this many documents on, a build validates in several processes (below, forking costs more)."""

MAX_EXTRACT_CHARS = 4_000_000
"""Longer documents are refused: extraction is linear but takes about a minute per million characters."""


def read_documents(paths: Sequence[Path], *, max_chars: int = MAX_EXTRACT_CHARS, warned: list[str] | None = None,
                   index: FileIndex | None = None,
                   lexicon: Lexicon | None = None) -> tuple[list[Document | Known], list[InputError]]:
    """Read every document under ``paths``; unreadable or oversized ones come back as errors. The
    boilerplate lines stripped are those of ``lexicon`` (default: the bundled lexicon's).

    Warnings of the reader (a bad header date, truncated UTF-8 …) are appended to ``warned``.
    With ``index`` (the previous build's, :mod:`qgraph.readindex`), a file unchanged since then
    is not read: it comes back as a :class:`~qgraph.readindex.Known` document (its key and warnings).
    """
    docs: list[Document | Known] = []
    errors: list[InputError] = []
    notes: list[str] = []
    mark, opened = [0], [None]  # where the warnings of the file being read begin; its path

    def known(path: Path, source: str, doc_id: str, follow: bool) -> Known | None:
        assert index is not None
        mark[0], opened[0] = len(caught), path
        return index.lookup(path, source, doc_id, follow=follow)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)
        seen = 0
        for item in iter_documents(list(paths), known=known if index is not None else None, lexicon=lexicon):
            notes += [str(w.message) for w in caught[seen:] if issubclass(w.category, SourceWarning)]
            seen = len(caught)
            if isinstance(item, Known):
                notes += item.notes
                docs.append(item)
            elif isinstance(item, InputError):
                errors.append(item)
            elif len(item.text) > max_chars:
                errors.append(InputError(item.source, f"too large to extract: {len(item.text):,} characters "
                                                      f"(the limit is {max_chars:,}); split it into smaller documents"))
            else:
                if index is not None and opened[0] is not None:
                    own = tuple(str(w.message) for w in caught[mark[0]:] if issubclass(w.category, SourceWarning))
                    index.read[item.source] = (str(opened[0]), own)
                docs.append(item)
    if warned is not None:
        warned.extend(notes)
    return docs, errors


def reread(known: Known, lexicon: Lexicon | None = None) -> Document | InputError:
    """Read a :class:`~qgraph.readindex.Known` document after all (its cached shard was unreadable),
    with the boilerplate lines of ``lexicon``; its warnings were given from the index already."""
    from .sources import _read, boilerplate_rules

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SourceWarning)
        try:
            return _read(Path(known.path), known.source, known.doc_id, boilerplate_rules(lexicon), follow=known.follow)
        except InputError as exc:
            return exc


def extract_all(docs: Sequence[Document], lexicon: Lexicon | None = None,
                errors: list[InputError] | None = None, *, jobs: int = 1, cache: ExtractionCache | None = None,
                on_progress: Progress | None = None) -> list[Extraction]:
    """Extract every document (in ``jobs`` processes; see :mod:`qgraph.extract_pool`); one that
    makes the extractor fail is reported in ``errors`` (with the reason, as a bug of qgraph) and
    the others go on. Without ``errors``, the first failure is raised."""
    out, failed = extract_many(docs, lexicon, jobs=jobs, cache=cache, on_progress=on_progress)
    if failed and errors is None:
        raise failed[0]
    if errors is not None:
        errors.extend(failed)
    return out


class _Timer:
    """Wall time per stage, in the order the stages ran."""

    def __init__(self, on_stage: Callable[[str], None] | None = None) -> None:
        self.stages: dict[str, float] = {}
        self.on_stage = on_stage

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.on_stage is not None:
            self.on_stage(stage)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - start

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def items(self) -> tuple[tuple[str, float], ...]:
        return tuple((k, round(v, 4)) for k, v in self.stages.items())


def build_dataset(paths: Sequence[Path], lexicon: Lexicon | None = None,
                  warned: list[str] | None = None) -> tuple[Dataset, list[Extraction], list[InputError]]:
    lex = lexicon or load_lexicon()
    docs, errors = read_documents(paths, warned=warned, lexicon=lex)
    checkpoint("read")
    extractions = extract_all(docs, lex, errors)
    checkpoint("extract")
    return to_dataset(extractions, lex), extractions, errors


def class_counts(ds: Dataset) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    seen: set[tuple[object, object]] = set()
    for s, _, o, g in ds.quads((None, RDF.type, None, None)):
        if g == ONTOLOGY_GRAPH or (s, o) in seen:
            continue
        seen.add((s, o))
        counts[ds.namespace_manager.normalizeUri(o)] += 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def build(paths: Sequence[Path], out_dir: Path, *, validate: bool = True, formats: Sequence[str] = ("ttl", "jsonld", "nq"),
          with_store: bool = True, lexicon: Lexicon | None = None, force: bool = False, jobs: int | None = None,
          use_cache: bool = True, on_progress: Progress | None = None,
          on_stage: Callable[[str], None] | None = None, engine: str = "sparql",
          incremental: bool = True) -> BuildReport:
    """Build the graph of every document under ``paths`` and write it to ``out_dir``.

    The stages: ``read``; ``extract`` — each document extracted and mapped to its shard of
    N-Quads lines in ``jobs`` processes (default: all cores, :mod:`qgraph.shards`), reusing the
    shards cached in ``out_dir/.cache`` (unless ``use_cache`` is false); ``resolve`` — the
    corpus-wide entity table (no two keys on one IRI); then the union, streamed from the shard
    files (:func:`qgraph.union.publish_shards`): the N-Quads, the store, validation, the other
    exports, VoID and the manifest. Memory does not grow with the corpus, except with the number
    of distinct entities. The output is the same bytes for any ``jobs`` and with or without the cache.

    Bad documents are reported in ``errors`` and skipped; the others still build. The outputs
    are one new generation of ``out_dir`` (:mod:`qgraph.generations`), so a failed or interrupted
    build leaves the previous outputs in place. ``on_progress(done, total)`` is called as
    documents are done, ``on_stage(name)`` as each stage begins. ``engine`` validates with the
    shapes compiled to SPARQL on the build's Oxigraph store (``"sparql"``, see
    :mod:`qgraph.shacl_sparql`) or with pySHACL over an rdflib copy (``"pyshacl"``, the reference).

    With ``incremental`` (and the cache), a build whose output directory holds a previous build with
    the same environment key and options starts from it (:mod:`qgraph.incremental`): only new, changed
    and removed documents are written to ``graph.nq``, the store and validation; the outputs are the
    same bytes as a full build's. Why a build could not start from the previous one is
    :attr:`BuildReport.rebuild`.

    :raises InputError: ``out_dir`` is a non-empty directory not made by qgraph (unless ``force``),
        checked before any document is read.
    :raises IriCollision: two different entities would share one IRI (a hash collision).
    """
    from .generations import check_output_dir
    from .shards import CorpusTable, map_many
    from .union import EarlyStore, look_back, overlaps, publish_shards, published_shared

    if engine not in ("sparql", "pyshacl"):
        raise ValueError(f"unknown validation engine {engine!r} (expected sparql or pyshacl)")
    check_output_dir(out_dir, force=force)
    timer = _Timer(on_stage)
    warned: list[str] = []
    lex = lexicon or load_lexicon()
    jobs = jobs or default_jobs()
    env = environment_key(lex.directory or None)
    index = None
    if use_cache:  # the previous build's file index (--full: every file read again, the index rewritten)
        from .extract_pool import CACHE_DIR

        index = FileIndex(out_dir / CACHE_DIR, env, out_dir / CACHE_DIR / "shard", trust=incremental)
    with timer("read"):
        docs, errors = read_documents(paths, warned=warned, index=index, lexicon=lex)
    checkpoint("read")
    with ExitStack() as stack:
        with timer("extract"):
            cache = None
            if use_cache and docs:
                from .generation_writer import mark_build_dir

                mark_build_dir(out_dir, force=force)
                cache = ExtractionCache(out_dir, env)
            if any(isinstance(d, Known) for d in docs) and not (cache is not None and cache.usable):
                warned.clear()  # the cache cannot be used after all: read every document as before
                with timer("read"):
                    docs, errors = read_documents(paths, warned=warned, lexicon=lex)
            if cache is not None and cache.usable:
                shard_dir = cache.shard_dir
            else:
                shard_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="qgraph-shards-")))
            kept = None
            keys = [document_key(d) for d in docs]  # once: the table, the map, the cache and the index
            if cache is not None and cache.usable:  # the corpus table of the previous build, corrected
                from .corpus_table import KeptTable

                kept = KeptTable.load(cache.root, cache.env, trust=incremental)
                stack.callback(kept.close)  # saved, made again, or the build failed
                kept.prepare(keys, shard_dir)
            table: CorpusTable | KeptTable = kept if kept is not None else CorpusTable()
            early = None  # a full build's store, loaded from the shards as they are made
            usable = cache is not None and cache.usable
            previous = look_back(out_dir, env=cache.env if usable else None,  # type: ignore[union-attr]
                                 validate=engine if validate else None, with_store=with_store, formats=formats,
                                 incremental=incremental) if docs else None
            if validate and engine == "sparql" and previous is not None and not isinstance(previous, str):
                from .incremental import warm_validation

                warm_validation()  # the shapes compiled in a thread while documents are extracted
            if docs and overlaps(previous, validate=engine if validate else None, with_store=with_store):
                from .generation_writer import mark_build_dir

                early = EarlyStore(mark_build_dir(out_dir, force=force), loaders=min(max(1, jobs), 4))
                stack.callback(early.discard)
            before = list(docs)
            shards, failed = map_many(docs, lex, shard_dir=shard_dir, jobs=jobs, cache=cache, on_progress=on_progress,
                                      table=_Feeding(table, early) if early is not None else table,
                                      reread=functools.partial(reread, lexicon=lex), keys=keys)
            # a document read again after all (its cached shard was unreadable) has its own key
            keys = [k if d is b else document_key(d) for d, b, k in zip(docs, before, keys)]
            if kept is not None and not kept.drop_absent([shard_key(s.path) for s in shards], shard_dir):
                kept.close()
                table = kept = KeptTable.remade(cache.env, shards, shard_dir,  # type: ignore[union-attr]
                                                failed=kept.failed)
            errors.extend(failed)
            if early is not None:
                early.extracted()  # the rest of the store is loaded at the build's priority, by -j threads
        timer.add("extract cpu", sum(s.seconds[0] for s in shards))
        timer.add("map cpu", sum(s.seconds[1] for s in shards))
        timer.add("check cpu", sum(s.seconds[2] for s in shards if len(s.seconds) > 2))
        checkpoint("extract")
        with timer("resolve"):  # the table was filled as shards arrived: its time is added here
            table.finish()
        timer.add("resolve", table.seconds)
        shared = table.shared
        warned += [w for s in shards for w in s.warnings]
        warned += [f"{shown(s.source)}: no facts found" for s in shards if s.empty]
        report = None
        written: list[Path] = []
        explain: list[str] = []
        if shards:
            written, report, _ = publish_shards(
                shards, shared, out_dir, formats=formats, with_store=with_store, validate=engine if validate else None,
                jobs=jobs if len(shards) >= PARALLEL_VALIDATION else 1, force=force, notes=warned,
                timer=timer.add, on_stage=on_stage, env=cache.env if cache is not None else environment_key(lex.directory or None),
                incremental=incremental, reuse=cache is not None and cache.usable, explain=explain, early=early,
                previous=previous, shared_delta=kept.shared_delta() if kept is not None and table is kept else None)
            if cache is not None:  # (counted with the read stage: no stage of its own)
                start = time.perf_counter()
                # a kept table knows which documents left since the previous build: only their files
                # go (a table made again, or none: every cached file is looked at)
                cache.prune(docs, keys, left=kept.left if kept is not None and table is kept and kept.kept else None)
                timer.add("read", time.perf_counter() - start)
                if index is not None and cache.usable:
                    start = time.perf_counter()
                    index.finish(docs, keys)  # counted with the read stage (no stage of its own)
                    timer.add("read", time.perf_counter() - start)
                if kept is not None:
                    start = time.perf_counter()
                    if table is kept and kept.classes is None:  # a table saved without them: counted once
                        kept.classes = dict(_class_terms(shards, shared))
                    kept.save(cache.root, published=published_shared(out_dir / "current"))
                    timer.add("resolve", time.perf_counter() - start)
        else:
            checkpoint("validate")
    with timer("count"):
        triples = sum(s.triples for s in shards) + len(shared)
        if kept is not None and table is kept and kept.classes is not None:
            classes = named_classes(kept.classes)  # corrected by the change, not counted again
        else:
            classes = shard_classes(shards, shared)
    return BuildReport(
        documents=len(shards), triples=triples, classes=classes, validation=report,
        errors=tuple(errors), warnings=tuple(warned), written=tuple(written), timings=timer.items(),
        cache=_cache_line(cache, len(docs)), rebuild=explain[0] if shards and explain else None,
        table=kept.line() if kept is not None else None,
    )


class _Feeding:
    """A corpus table that also hands each shard's file to the early store as it arrives."""

    def __init__(self, table: object, early: object) -> None:
        self._table, self._early = table, early

    def add(self, meta: ShardMeta) -> ShardMeta:
        out = self._table.add(meta)  # type: ignore[attr-defined]
        self._early.add(meta.path)  # type: ignore[attr-defined]
        return out

    def add_fresh(self, meta: ShardMeta) -> ShardMeta:
        out = self._table.add_fresh(meta)  # type: ignore[attr-defined]
        self._early.add(meta.path)  # type: ignore[attr-defined]
        return out

    def __getattr__(self, name: str) -> object:
        return getattr(self._table, name)


def shard_classes(shards: Sequence[ShardMeta], shared: set[str]) -> tuple[tuple[str, int], ...]:
    """The number of distinct nodes of each class (``qg:Observation``), most first: each
    document's own nodes counted in its shard, shared entities once, in the shared graph."""
    return named_classes(_class_terms(shards, shared))


def _class_terms(shards: Sequence[ShardMeta], shared: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for s in shards:
        for cls, n in s.classes:
            counts[cls] += n
    typed = f"{RDF_TYPE} "
    for line in shared:  # the predicate follows the subject's first space (a subject has none)
        at = line.find(" ") + 1
        if line.startswith(typed, at):
            counts[line[at + len(typed):-3].rsplit(" ", 1)[0]] += 1
    return counts


def named_classes(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """Class terms with their counts (:func:`shard_classes`; :attr:`qgraph.corpus_table.KeptTable.classes`)
    as CURIEs, most first."""
    named = Counter({_curie(cls): n for cls, n in counts.items() if n})
    return tuple(sorted(named.items(), key=lambda kv: (-kv[1], kv[0])))


def _curie(term: str) -> str:
    """``<https://w3id.org/qgraph/def#Place>`` → ``qg:Place`` (as rdflib's ``normalizeUri`` writes it)."""
    value = term[1:-1]
    best = max(((p, str(ns)) for p, ns in PREFIXES.items() if value.startswith(str(ns))),
               key=lambda pn: len(pn[1]), default=None)
    return f"{best[0]}:{value[len(best[1]):]}" if best else term


def _cache_line(cache: ExtractionCache | None, total: int) -> str | None:
    if cache is None:
        return None
    if cache.reason:
        return cache.reason
    return f"cache: {cache.hits} of {total} document(s) unchanged, {total - cache.hits} extracted"
