"""A file written from a plan in threads, hashed as it is written: ``graph.nq`` of an incremental build.

An incremental build knows the new ``graph.nq`` before writing it: byte ranges of the previous
file (the unchanged graphs) and new bytes (new and changed graphs, the shared graph), in order
(:func:`qgraph.incremental.plan_splice`). :class:`PlannedFile` writes that plan in a thread while
the build goes on (the store, validation and VoID need only the changed lines, not the file):
the ranges copied in the kernel (``copy_file_range``; through user space it took twice as long
here), then synced. A second thread computes the file's SHA-256 for the manifest at the same
time, from the plan — the ranges read from the previous file, which the copy brings into the page
cache anyway — rather than reading the new file back after it is written. Both threads spend their
time in system calls and in ``hashlib``, which release the GIL.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); (d / "old").write_bytes(b"abcdef")
6
>>> f = PlannedFile(d / "new", d / "old", [(1, 2), b"XY", (4, 2)]); f.wait(); (d / "new").read_bytes()
b'bcXYef'
>>> f.sha256() == __import__("hashlib").sha256(b"bcXYef").hexdigest()
True
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path

Piece = tuple[int, int] | bytes
"""A byte range ``(offset, length)`` of the source file, or bytes to write as they are."""

BLOCK = 8 << 20
"""Bytes read from the source file at a time."""


class PlannedFile:
    """Write ``pieces`` to the new file ``target`` (created exclusively, with ``mode``) in a thread,
    and hash them in another. :meth:`wait` joins the writer (and raises its ``OSError``),
    :meth:`sha256` the hasher."""

    def __init__(self, target: Path, source: Path, pieces: Sequence[Piece], *, mode: int = 0o644) -> None:
        self.target, self.source, self.pieces, self.mode = target, source, pieces, mode
        self.error: OSError | None = None
        self._hex = ""
        self._writer = threading.Thread(target=self._write, name="graph.nq writer", daemon=True)
        self._hasher = threading.Thread(target=self._hash, name="graph.nq hash", daemon=True)
        self._writer.start()
        self._hasher.start()

    def _write(self) -> None:
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

    def _hash(self) -> None:
        """The SHA-256 of the planned bytes, read from the source file (in the page cache: the
        writer copies the same ranges), not from the file being written."""
        digest = hashlib.sha256()
        try:
            src = os.open(self.source, os.O_RDONLY)
        except OSError:
            return
        try:
            for piece in self.pieces:
                if isinstance(piece, bytes):
                    digest.update(piece)
                    continue
                offset, length = piece
                while length > 0:
                    data = os.pread(src, min(length, BLOCK), offset)
                    if not data:
                        return
                    digest.update(data)
                    offset += len(data)
                    length -= len(data)
            self._hex = digest.hexdigest()
        except OSError:
            return
        finally:
            os.close(src)

    def wait(self) -> None:
        """Wait until the file is written and synced.

        :raises OSError: it could not be (the file may be partly there: the caller removes it)."""
        self._writer.join()
        if self.error is not None:
            raise self.error

    def sha256(self) -> str:
        """The file's SHA-256 (hex), once written ("" if it was not)."""
        self._writer.join()
        self._hasher.join()
        return self._hex if self.error is None else ""

    def digests(self) -> dict[str, str]:
        """``{file name: SHA-256}`` for the manifest (empty if the file was not written whole)."""
        hex_ = self.sha256()
        return {self.target.name: hex_} if hex_ else {}


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
