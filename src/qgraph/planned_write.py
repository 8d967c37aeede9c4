"""A file written from a plan in threads, hashed as it is written: ``graph.nq`` of an incremental build.

An incremental build knows the new ``graph.nq`` before writing it: byte ranges of the previous
file (the unchanged graphs) and new bytes (new and changed graphs, the shared graph), in order
(:func:`qgraph.incremental.plan_splice`). :class:`PlannedFile` writes that plan in a thread while
the build goes on (the store, validation and VoID need only the changed lines, not the file), and
a second thread computes the file's SHA-256 (for the manifest) from the same blocks as they pass,
so the file is not read back. Both threads spend their time in system calls and in ``hashlib``,
which release the GIL. The file is synced before :meth:`PlannedFile.wait` returns.

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
import queue
import threading
from collections.abc import Sequence
from pathlib import Path

Piece = tuple[int, int] | bytes
"""A byte range ``(offset, length)`` of the source file, or bytes to write as they are."""

BLOCK = 8 << 20
"""Bytes read from the source file at a time."""


class PlannedFile:
    """Write ``pieces`` to the new file ``target`` (created exclusively, with ``mode``) in a thread,
    hashing them in another. :meth:`wait` joins the writer (and raises its ``OSError``),
    :meth:`sha256` the hasher."""

    def __init__(self, target: Path, source: Path, pieces: Sequence[Piece], *, mode: int = 0o644) -> None:
        self.target, self.source, self.pieces, self.mode = target, source, pieces, mode
        self.error: OSError | None = None
        self._blocks: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        self._digest = hashlib.sha256()
        self._hashed = False
        self._writer = threading.Thread(target=self._write, name="graph.nq writer", daemon=True)
        self._hasher = threading.Thread(target=self._hash, name="graph.nq hash", daemon=True)
        self._hasher.start()
        self._writer.start()

    def _blocks_of(self, src: int) -> object:
        for piece in self.pieces:
            if isinstance(piece, bytes):
                if piece:
                    yield piece
                continue
            offset, length = piece
            while length > 0:
                data = os.pread(src, min(length, BLOCK), offset)
                if not data:
                    raise OSError(f"{self.source}: shorter than its build state says")
                yield data
                offset += len(data)
                length -= len(data)

    def _write(self) -> None:
        out = src = -1
        try:
            src = os.open(self.source, os.O_RDONLY)
            out = os.open(self.target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, self.mode)
            os.fchmod(out, self.mode)
            for data in self._blocks_of(src):  # type: ignore[attr-defined]
                self._blocks.put(data)
                view = memoryview(data)
                while view:
                    view = view[os.write(out, view):]
            os.fsync(out)
        except OSError as exc:
            self.error = exc
        finally:
            self._blocks.put(None)
            for fd in (src, out):
                if fd >= 0:
                    os.close(fd)

    def _hash(self) -> None:
        while (data := self._blocks.get()) is not None:
            self._digest.update(data)
        self._hashed = True

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
        return self._digest.hexdigest() if self._hashed and self.error is None else ""

    def digests(self) -> dict[str, str]:
        """``{file name: SHA-256}`` for the manifest (empty if the file was not written whole)."""
        hex_ = self.sha256()
        return {self.target.name: hex_} if hex_ else {}
