"""The whole build as one library call: documents → extraction → RDF → SHACL → outputs.

>>> from pathlib import Path
>>> report = build([Path("data/corpus")], Path("out"))   # doctest: +SKIP
>>> report.documents, report.conforms                     # doctest: +SKIP
(1, True)
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from rdflib import Dataset
from rdflib.namespace import RDF

from .display import shown
from .errors import InputError
from .extract import extract
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

    @property
    def conforms(self) -> bool:
        return self.validation is None or self.validation.conforms

    @property
    def exit_code(self) -> int:
        if self.errors or self.documents == 0:
            return 2
        return 0 if self.conforms else 1


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
                errors: list[InputError] | None = None) -> list[Extraction]:
    """Extract every document; one that makes the extractor fail is reported in ``errors``
    (with the reason, as a bug of qgraph) and the others go on."""
    lex = lexicon or load_lexicon()
    out: list[Extraction] = []
    for d in docs:
        try:
            out.append(extract(d, lex))
        except Exception as exc:  # noqa: BLE001 - one document must not stop the build; reported below
            if errors is None:
                raise
            errors.append(InputError(d.source, f"extraction failed ({type(exc).__name__}: {exc}); "
                                               "the document was skipped - please report this as a qgraph bug"))
    return out


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
          with_store: bool = True, lexicon: Lexicon | None = None, force: bool = False) -> BuildReport:
    """Build the graph of every document under ``paths`` and write it to ``out_dir``.

    Bad documents are reported in ``errors`` and skipped; the others still build. The outputs
    are one new generation of ``out_dir`` (:mod:`qgraph.generations`), so a failed or interrupted
    build leaves the previous outputs in place.

    :raises InputError: ``out_dir`` is a non-empty directory not made by qgraph (unless ``force``),
        checked before any document is read.
    """
    from .generations import check_output_dir
    from .store import publish

    check_output_dir(out_dir, force=force)
    warned: list[str] = []
    ds, extractions, errors = build_dataset(paths, lexicon, warned)
    report = validate_dataset(ds) if validate else None
    checkpoint("validate")
    warned += [w for ex in extractions for w in ex.warnings]
    warned += [f"{shown(ex.document.source)}: no facts found" for ex in extractions
               if not ex.entities and not ex.observations]
    written: list[Path] = []
    if extractions:
        written = publish(ds, out_dir, formats=formats, with_store=with_store, force=force, notes=warned)
    triples = sum(len(g) for g in ds.graphs() if g.identifier != ONTOLOGY_GRAPH)
    return BuildReport(
        documents=len(extractions), triples=triples, classes=class_counts(ds), validation=report,
        errors=tuple(errors), warnings=tuple(warned), written=tuple(written),
    )
