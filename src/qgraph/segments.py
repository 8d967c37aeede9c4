"""``graph.nq`` of a large build as a directory of segments, so that a rebuild writes only what changed.

A build's ``graph.nq`` below :data:`SEGMENTED_FROM` bytes is one file. From that size on it is a
directory of the same name holding the same bytes cut into *segments*, ``00000.nq``,
``00001.nq`` … in order: reading the files in name order and concatenating them gives the one
file a smaller build would have written (:func:`read_chunks`, :func:`concatenated`; ``cat
graph.nq/*.nq`` in a shell). Every reader of qgraph takes either form (:func:`files`).

Where a segment begins is a function of the graphs alone, never of the build's history, so an
incremental build and a build from scratch of the same documents cut the file the same way and
write the same files, byte for byte, under the same names (:func:`starts`): a segment begins at
the first graph, at the shared graph and after it (the shared graph changes with almost every
rebuild, so it stays alone), and at every document graph whose IRI hashes to 0 modulo
:data:`SPAN` (about one graph in :data:`SPAN`). Adding a document changes the segment it falls
into (or splits one), and the shared graph: an incremental build hard-links every other segment
of the previous generation (:mod:`qgraph.incremental`) instead of copying 2.3 GB at 10,000
documents.

>>> starts(["a", "b", "s", "c"], "s", span=1 << 30)
[0, 2, 3]
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

SEGMENTED_FROM = 64 << 20
"""A ``graph.nq`` of at least this many bytes is written as a directory of segments."""

SPAN = 16
"""About one document graph in this many begins a segment (a few MB each at 10,000 documents)."""

SUFFIX = ".nq"

BLOCK = 8 << 20


def segmented(total: int) -> bool:
    """Whether a ``graph.nq`` of ``total`` bytes is written as segments."""
    return total >= SEGMENTED_FROM


@functools.lru_cache(maxsize=1 << 16)
def _cut(iri: str, span: int) -> bool:  # (cached: a rebuild cuts the graph list three times)
    return int.from_bytes(hashlib.sha256(iri.encode("utf-8")).digest()[:4], "big") % span == 0


def starts(iris: Sequence[str], shared: str, *, span: int | None = None) -> list[int]:
    """The indexes of ``iris`` (graph IRIs in file order) at which a segment begins; ``shared``
    is the shared graph's IRI (alone in its segment)."""
    span = SPAN if span is None else span
    out: list[int] = []
    for i, iri in enumerate(iris):
        if i == 0 or iri == shared or iris[i - 1] == shared or _cut(iri, span):
            out.append(i)
    return out


def names(count: int) -> list[str]:
    """The file names of ``count`` segments, in order."""
    width = max(5, len(str(count - 1)))
    return [f"{i:0{width}d}{SUFFIX}" for i in range(count)]


def is_segmented(path: Path) -> bool:
    return Path(path).is_dir() and Path(path).suffix == SUFFIX


def files(path: Path) -> list[Path]:
    """The files holding the N-Quads of ``path``: itself, or its segments in order."""
    path = Path(path)
    if not is_segmented(path):
        return [path]
    return sorted(p for p in path.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith("."))


def size(path: Path) -> int:
    """The bytes of ``path`` (the sum of its segments')."""
    return sum(os.stat(p).st_size for p in files(path))


def layout(path: Path) -> list[tuple[Path, int]]:
    """Each file of ``path`` with its size, in order."""
    return [(p, os.stat(p).st_size) for p in files(path)]


def read_chunks(path: Path, block: int = BLOCK) -> Iterator[bytes]:
    """The bytes of ``path`` (its segments concatenated), ``block`` bytes at most at a time."""
    for p in files(path):
        with open(p, "rb") as handle:
            yield from iter(lambda: handle.read(block), b"")


def concatenated(path: Path) -> bytes:
    """The whole of ``path`` (its segments concatenated) as bytes."""
    return b"".join(read_chunks(path))


def quad_lines(path: Path) -> Iterator[str]:
    """The lines of ``path`` (text, with their ``\\n``), over its segments."""
    for p in files(path):
        with open(p, encoding="utf-8", newline="\n") as handle:
            yield from handle


class joined:
    """``path`` (a file or its segments) as one binary stream with ``read(n)``; a context manager."""

    def __init__(self, path: Path) -> None:
        self._files = files(path)
        self._handle = None

    def __enter__(self) -> joined:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()

    def read(self, n: int) -> bytes:
        while True:
            if self._handle is None:
                if not self._files:
                    return b""
                self._handle = open(self._files.pop(0), "rb")
            data = self._handle.read(n)
            if data:
                return data
            self._handle.close()
            self._handle = None
