"""The external merge sort of the union (see :mod:`qgraph.union`): runs of at most :data:`RUN`
statements sorted in memory and written to disk, merged with :func:`heapq.merge`, duplicates dropped."""

from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from .rdfwrite import Row, Triple, row_key

RUN = 200_000
"""Statements sorted in memory at a time by :func:`sorted_triples` (about 100 MB)."""
_SEP = "\0\0\0"  # between a statement's sort key and the statement (never inside a key)
_TERMS = "\x03"  # between the terms of a statement in a run (escaped in N-Triples, so never in a term)


def _split(line: str) -> Row:
    """A statement in a named graph, ``s p o g .`` (no newline), as a row (graph first)."""
    s, p, rest = line.split(" ", 2)
    o, g = rest[:-2].rsplit(" ", 1)
    return g, s, p, o


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of an N-Quads file written by :func:`write_quads` (every statement in a named graph;
    a file or a directory of segments, :mod:`qgraph.segments`)."""
    from .segments import quad_lines

    for line in quad_lines(path):
        yield _split(line[:-1])


def sorted_triples(rows: Iterable[Row], work_dir: Path, *, run: int = RUN) -> Iterator[Triple]:
    """The distinct triples of ``rows`` (any graphs, any order) sorted as the exports sort the
    union: an external merge sort in ``work_dir`` (its run files are removed as it finishes)."""
    runs: list[Path] = []
    buf: list[str] = []
    keys: dict[str, str] = {}
    try:
        for _, s, p, o in rows:
            buf.append(f"{row_key((s, p, o), keys)}{_SEP}{s}{_TERMS}{p}{_TERMS}{o}")
            if len(buf) >= run:
                runs.append(_spill(buf, work_dir))
                buf, keys = [], {}
        if not runs:
            yield from _distinct(sorted(buf))
            return
        runs.append(_spill(buf, work_dir))
        buf, keys = [], {}
        with ExitStack() as stack:
            files = [stack.enter_context(open(r, encoding="utf-8", newline="\n")) for r in runs]
            yield from _distinct(line[:-1] for line in heapq.merge(*files))
    finally:
        for r in runs:
            r.unlink(missing_ok=True)


def _spill(buf: list[str], work_dir: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=work_dir, prefix=".run-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(f"{line}\n" for line in sorted(buf))
    return Path(name)


def _distinct(lines: Iterable[str]) -> Iterator[Triple]:
    last = None
    for line in lines:
        if line != last:
            last = line
            s, p, o = line.split(_SEP, 1)[1].split(_TERMS)
            yield s, p, o


def _read_triples(path: Path) -> Iterator[Triple]:
    with open(path, encoding="utf-8", newline="\n") as handle:
        for line in handle:
            s, p, o = line[:-1].split(_TERMS)
            yield s, p, o


def _batched(chunks: Iterable[str], size: int = 4096) -> Iterator[str]:
    """Writer chunks joined in groups (one ``write`` call per group)."""
    buf: list[str] = []
    for chunk in chunks:
        buf.append(chunk)
        if len(buf) >= size:
            yield "".join(buf)
            buf = []
    if buf:
        yield "".join(buf)
