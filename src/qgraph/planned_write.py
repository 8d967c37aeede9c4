"""A file written from a plan in a thread: ``graph.nq`` of an incremental build.

An incremental build knows the new ``graph.nq`` before writing it: byte ranges of the previous
file (the unchanged graphs) and new bytes (new and changed graphs, the shared graph), in order
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

Piece = tuple[int, int] | bytes
"""A byte range ``(offset, length)`` of the source file, or bytes to write as they are."""

BLOCK = 8 << 20
"""Bytes read from the source file at a time."""


class PlannedFile:
    """Write ``pieces`` to the new file ``target`` (created exclusively, with ``mode``) in a thread.
    :meth:`wait` joins the writer (and raises its ``OSError``). A plan that is the whole source
    file, unchanged, is a hard link to it (files of a generation are never written in place)."""

    def __init__(self, target: Path, source: Path, pieces: Sequence[Piece], *, mode: int = 0o644) -> None:
        self.target, self.source, self.pieces, self.mode = target, source, pieces, mode
        self.error: OSError | None = None
        self.linked = False
        self._writer = threading.Thread(target=self._write, name="graph.nq writer", daemon=True)
        self._writer.start()

    def _write(self) -> None:
        if self._link():
            return
        out = src = -1
        try:
            src = os.open(self.source, os.O_RDONLY)
            out = os.open(self.target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, self.mode)
            os.fchmod(out, self.mode)
            for piece in self.pieces:
                if isinstance(piece, bytes):
                    _write_all(out, piece)
                else:
                    _copy(src, out, *piece, self.source)
            os.fsync(out)
        except OSError as exc:
            self.error = exc
        finally:
            for fd in (src, out):
                if fd >= 0:
                    os.close(fd)

    def _link(self) -> bool:
        """A hard link when the plan is the whole source, with the same mode (else False: copy)."""
        if len(self.pieces) != 1 or not isinstance(self.pieces[0], tuple) or self.pieces[0][0] != 0:
            return False
        try:
            st = os.stat(self.source)
            if st.st_size != self.pieces[0][1] or (st.st_mode & 0o7777) != self.mode:
                return False
            os.link(self.source, self.target)
        except OSError:
            return False
        self.linked = True
        return True

    def wait(self) -> None:
        """Wait until the file is written and synced.

        :raises OSError: it could not be (the file may be partly there: the caller removes it)."""
        self._writer.join()
        if self.error is not None:
            raise self.error


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
