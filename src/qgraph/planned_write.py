"""A file written from a plan in a thread: ``graph.nq`` of an incremental build.

An incremental build knows the new ``graph.nq`` before writing it: byte ranges of the previous
file or of its segments (the unchanged graphs) and new bytes (new and changed graphs, the shared graph), in order
(:func:`qgraph.incremental.plan_splice`). :class:`PlannedFile` writes that plan in a thread while
the build goes on (the store, validation and VoID need only the changed lines, not the file):
the ranges copied in the kernel (``copy_file_range``; through user space it took twice as long
here), then synced; the thread spends its time in system calls, which release the GIL. The file is
not hashed: the manifest lists ``graph.nq`` by the SHA-256 of each graph's bytes, known from the
plan (:func:`qgraph.incremental.plan_splice`), not by reading the 2.3 GB back.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); (d / "old").write_bytes(b"abcdef")
6
>>> f = PlannedFile(d / "new", d / "old", [(1, 2), b"XY", (4, 2)]); f.wait(); (d / "new").read_bytes()
b'bcXYef'
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

Piece = tuple[int, int] | tuple[Path, int, int] | bytes
"""A byte range ``(offset, length)`` of the source file, a byte range ``(file, offset, length)`` of
another file, or bytes to write as they are."""

BLOCK = 8 << 20
"""Bytes read from the source file at a time."""


class PlannedFiles:
    """Write each ``(target, pieces)`` of ``plan`` (in order, each target created exclusively, with
    ``mode``; ``directory`` made first if given) in a thread. :meth:`wait` joins the writer (and
    raises its ``OSError``). A target whose plan is one whole file of the previous generation,
    unchanged, is a hard link to it (files of a generation are never written in place)."""

    def __init__(self, plan: Sequence[tuple[Path, Sequence[Piece]]], *, mode: int = 0o644,
                 directory: Path | None = None) -> None:
        self.plan, self.mode, self.directory = plan, mode, directory
        self.error: OSError | None = None
        self.linked = 0
        self._writer = threading.Thread(target=self._run, name="graph.nq writer", daemon=True)
        self._writer.start()

    def _run(self) -> None:
        try:
            if self.directory is not None:
                os.mkdir(self.directory)
            for target, pieces in self.plan:
                if self._link(target, pieces):
                    self.linked += 1
                else:
                    self._write(target, pieces)
            if self.directory is not None and self.plan:
                fd = os.open(self.directory, os.O_RDONLY | os.O_DIRECTORY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        except OSError as exc:
            self.error = exc

    def _write(self, target: Path, pieces: Sequence[Piece]) -> None:
        out = -1
        sources: dict[Path, int] = {}
        try:
            out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, self.mode)
            os.fchmod(out, self.mode)
            for piece in pieces:
                if isinstance(piece, bytes):
                    _write_all(out, piece)
                    continue
                name, offset, length = piece  # type: ignore[misc]
                if name not in sources:
                    sources[name] = os.open(name, os.O_RDONLY)
                _copy(sources[name], out, offset, length, name)
            os.fsync(out)
        finally:
            for fd in (out, *sources.values()):
                if fd >= 0:
                    os.close(fd)

    def _link(self, target: Path, pieces: Sequence[Piece]) -> bool:
        """A hard link when the plan is one whole file, with the same mode (else False: copy)."""
        if len(pieces) != 1 or isinstance(pieces[0], bytes) or pieces[0][1] != 0:
            return False
        source, _, length = pieces[0]  # type: ignore[misc]
        try:
            st = os.stat(source)
            if st.st_size != length or (st.st_mode & 0o7777) != self.mode:
                return False
            os.link(source, target)
        except OSError:
            return False
        return True

    def wait(self) -> None:
        """Wait until the files are written and synced.

        :raises OSError: they could not be (they may be partly there: the caller removes them)."""
        self._writer.join()
        if self.error is not None:
            raise self.error


class PlannedFile(PlannedFiles):
    """One file, ``target``, written from ``pieces`` whose ranges ``(offset, length)`` are of ``source``."""

    def __init__(self, target: Path, source: Path, pieces: Sequence[Piece], *, mode: int = 0o644) -> None:
        self.target, self.source = target, source
        full = [p if isinstance(p, bytes) or len(p) == 3 else (source, *p) for p in pieces]
        super().__init__([(target, full)], mode=mode)  # type: ignore[list-item]

    @property
    def linked(self) -> bool:  # type: ignore[override]
        return bool(self._links)

    @linked.setter
    def linked(self, value: int) -> None:
        self._links = value


def range_sha256(src: Path, offset: int, length: int) -> str:
    """The SHA-256 (hex) of ``length`` bytes of ``src`` from ``offset``.

    :raises OSError: the file is shorter."""
    import hashlib

    digest = hashlib.sha256()
    with open(src, "rb") as f:
        f.seek(offset)
        while length > 0:
            block = f.read(min(length, BLOCK))
            if not block:
                raise OSError(f"{src}: shorter than its build state says")
            digest.update(block)
            length -= len(block)
    return digest.hexdigest()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _copy(src: int, out: int, offset: int, length: int, name: Path) -> None:
    """Append ``length`` bytes of ``src`` from ``offset`` to ``out``: in the kernel
    (``copy_file_range``) where the system has it, else through a buffer."""
    while length > 0:
        try:
            n = os.copy_file_range(src, out, length, offset)
        except (AttributeError, OSError):
            data = os.pread(src, min(length, BLOCK), offset)
            n = len(data)
            _write_all(out, data)
        if n <= 0:
            raise OSError(f"{name}: shorter than its build state says")
        offset += n
        length -= n
