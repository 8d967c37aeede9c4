"""The whole build as one library call: documents → extraction → RDF → SHACL → outputs.

>>> from pathlib import Path
>>> report = build([Path("data/corpus")], Path("out"))   # doctest: +SKIP
>>> report.documents, report.conforms                     # doctest: +SKIP
(1, True)
"""

from __future__ import annotations

import time
import warnings
from collections import Counter
from contextlib import contextmanager
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from rdflib import Dataset
from rdflib.namespace import RDF

from . import rdfio
from .display import shown
from .errors import InputError
from .extract_pool import ExtractionCache, Progress, default_jobs, extract_many
from .faults import checkpoint
from .lexicon import Lexicon, load_lexicon
from .model import Document, Extraction
from .rdf import ONTOLOGY_GRAPH, to_dataset
from .sources import SourceWarning, iter_documents
from .validate import ValidationReport, validate_dataset


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


def read_documents(paths: Sequence[Path], *, max_chars: int = MAX_EXTRACT_CHARS,
                   warned: list[str] | None = None) -> tuple[list[Document], list[InputError]]:
    """Read every document under ``paths``; unreadable or oversized ones come back as errors.

    Warnings of the reader (a bad header date, truncated UTF-8 …) are appended to ``warned``.
    """
    docs: list[Document] = []
    errors: list[InputError] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SourceWarning)
        items = list(iter_documents(list(paths)))
    if warned is not None:
        warned.extend(str(w.message) for w in caught if issubclass(w.category, SourceWarning))
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        elif len(item.text) > max_chars:
            errors.append(InputError(item.source, f"too large to extract: {len(item.text):,} characters "
                                                  f"(the limit is {max_chars:,}); split it into smaller documents"))
        else:
            docs.append(item)
    return docs, errors


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
    docs, errors = read_documents(paths, warned=warned)
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
          on_stage: Callable[[str], None] | None = None, engine: str = "sparql") -> BuildReport:
    """Build the graph of every document under ``paths`` and write it to ``out_dir``.

    Bad documents are reported in ``errors`` and skipped; the others still build. The outputs
    are one new generation of ``out_dir`` (:mod:`qgraph.generations`), so a failed or interrupted
    build leaves the previous outputs in place. Extraction runs in ``jobs`` processes (default:
    all cores) and reuses the extractions cached in ``out_dir/.cache`` (unless ``use_cache`` is
    false); the output is the same bytes either way. ``on_progress(done, total)`` is called as
    documents are extracted, ``on_stage(name)`` as each stage begins. ``engine`` validates with
    the shapes compiled to SPARQL on an Oxigraph store of the build's quads (``"sparql"``, see
    :mod:`qgraph.shacl_sparql`) or with pySHACL over an rdflib copy (``"pyshacl"``, the reference).

    :raises InputError: ``out_dir`` is a non-empty directory not made by qgraph (unless ``force``),
        checked before any document is read.
    """
    from .generations import check_output_dir
    from .store import publish

    if engine not in ("sparql", "pyshacl"):
        raise ValueError(f"unknown validation engine {engine!r} (expected sparql or pyshacl)")
    check_output_dir(out_dir, force=force)
    timer = _Timer(on_stage)
    warned: list[str] = []
    lex = lexicon or load_lexicon()
    with timer("read"):
        docs, errors = read_documents(paths, warned=warned)
    checkpoint("read")
    with timer("extract"):
        cache = None
        if use_cache and docs:
            from .generation_writer import mark_build_dir

            mark_build_dir(out_dir, force=force)
            cache = ExtractionCache(out_dir)
        extractions = extract_all(docs, lex, errors, jobs=jobs or default_jobs(), cache=cache, on_progress=on_progress)
    checkpoint("extract")
    with timer("map"):
        ds = to_dataset(extractions, lex)
    report, data = None, None
    if validate and engine == "sparql":
        with timer("serialize"):
            data = rdfio.nquads_of(ds)
        with timer("validate"):
            report = _validate_on_store(data)
    elif validate:
        with timer("validate"):
            several = len(extractions) >= PARALLEL_VALIDATION
            report = validate_dataset(ds, jobs=(jobs or default_jobs()) if several else 1)
    checkpoint("validate")
    warned += [w for ex in extractions for w in ex.warnings]
    warned += [f"{shown(ex.document.source)}: no facts found" for ex in extractions
               if not ex.entities and not ex.observations]
    written: list[Path] = []
    if extractions:
        if on_stage is not None:
            on_stage("write")
        written = publish(ds if data is None else data, out_dir, formats=formats, with_store=with_store,
                          force=force, notes=warned, timer=timer.add)
        if cache is not None:
            cache.prune(docs)
    with timer("count"):
        triples = sum(len(g) for g in ds.graphs() if g.identifier != ONTOLOGY_GRAPH)
        classes = class_counts(ds)
    return BuildReport(
        documents=len(extractions), triples=triples, classes=classes, validation=report,
        errors=tuple(errors), warnings=tuple(warned), written=tuple(written), timings=timer.items(),
        cache=_cache_line(cache, len(docs)),
    )


def _validate_on_store(data: rdfio.NQuads) -> ValidationReport:
    """The SPARQL engine on an in-memory store of the build's quads (the ontology graph included)."""
    import pyoxigraph as ox

    from .shacl_sparql import validate_quads_in_store

    store = ox.Store()
    if data:
        store.load(bytes(data), format=ox.RdfFormat.N_QUADS)
    return validate_quads_in_store(store)


def _cache_line(cache: ExtractionCache | None, total: int) -> str | None:
    if cache is None:
        return None
    if cache.reason:
        return cache.reason
    return f"cache: {cache.hits} of {total} document(s) unchanged, {total - cache.hits} extracted"
