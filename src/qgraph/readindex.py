"""The read stage's memory: documents whose file has not changed since the previous build.

An incremental build used to read, decode and split every document again only to find its key
(:func:`qgraph.extract_pool.document_key`) and then its cached shard. With the cache, each build
now leaves a *file index* in ``out/.cache/files.pickle`` (one file, written atomically when the
build is done): for each document read, the file's device, inode, size and modification time
(``st_mtime_ns``), the document's id and source name, its key and the reader's warnings. The next
build looks each file up (one ``stat``) and, when all of these are equal, takes the key from the
index instead of reading the file: a :class:`Known` document, whose shard comes from the cache.

What is trusted is what ``make`` and ``rsync`` trust: a file whose size and modification time
(to the nanosecond) and inode did not change has the same content. A change that keeps all of
them (an edit of the same length followed by ``touch -d`` back to the old time) is not seen;
``--no-cache`` or ``--full`` read every file again. Any doubt reads the file as before: an entry
missing or different, a file that is not a regular file, an index made by another environment
(lexicon, code, reader) or unreadable, a file modified less than :data:`RACY_SECONDS` before the
build began (it could still change within the same timestamp; it is read again next time), or a
shard missing from the cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

INDEX_FILE = "files.pickle"
_FORMAT = 1
RACY_SECONDS = 2.0
"""Files modified this close to the start of a build are not recorded (the next build reads them)."""


@dataclass(frozen=True)
class Known:
    """A document whose file is unchanged since the previous build: its key, not its text."""

    doc_id: str
    source: str
    key: str
    path: str
    """The path the reader would open (to read it after all if its shard is gone)."""
    follow: bool
    notes: tuple[str, ...]
    """The reader's warnings about it, given again as if it had been read."""


Signature = tuple[int, int, int, int]
"""(device, inode, size, mtime_ns) of a regular file."""


def signature(path: Path, *, follow: bool) -> Signature | None:
    """The file's identity for the index, or None when it is not a regular file or cannot be stat'ed."""
    try:
        st = os.stat(path, follow_symlinks=follow)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def reader_key(env: dict[str, str]) -> str:
    """The environment key (lexicon, including the boilerplate rules the reader uses, and code) plus
    the reading code: a change in either drops the index."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(repr(sorted(env.items())).encode())
    files = sorted(package.glob("sources*.py")) + [package / "model.py"]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class FileIndex:
    """The index of the previous build (:meth:`lookup`) and the one this build writes (:meth:`record`)."""

    def __init__(self, cache_root: Path, env: dict[str, str], shard_dir: Path, *, trust: bool = True) -> None:
        self.path = Path(cache_root) / INDEX_FILE
        self.shard_dir = Path(shard_dir)
        self.key = reader_key(env)
        self.started = time.time_ns()
        self.old: dict[str, tuple] = {}
        self.new: dict[str, tuple] = {}
        self.pending: dict[str, Signature] = {}
        self.read: dict[str, tuple[str, tuple[str, ...]]] = {}
        """source → (the path opened, the reader's warnings) of each document read in this build."""
        self.reused = 0
        try:
            if not trust:
                raise ValueError("every file is read again")
            data = pickle.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("format") == _FORMAT and data.get("key") == self.key:
                self.old = data["files"]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, KeyError):
            self.old = {}

    def lookup(self, path: Path, source: str, doc_id: str, *, follow: bool) -> Known | None:
        """The document at ``path`` if its file is unchanged since the previous build, else None
        (and the file's signature is kept to be recorded once it has been read)."""
        sig = signature(path, follow=follow)
        if sig is None:
            return None
        self.pending[str(path)] = sig
        entry = self.old.get(str(path))
        if entry is None or entry[0] != sig or entry[1] != doc_id or entry[2] != source:
            return None
        key = entry[3]
        if not (self.shard_dir / key[:2] / f"{key}.meta").is_file():
            return None  # its shard is gone from the cache: read and extract it again
        self.reused += 1
        return Known(doc_id, source, key, str(path), follow, entry[4])

    def finish(self, docs: Sequence[object], keys: Sequence[str] | None = None) -> None:
        """Record the documents of this build and write the index (``keys``: their
        :func:`~qgraph.extract_pool.document_key`, if known)."""
        from .extract_pool import document_key

        for i, doc in enumerate(docs):
            if isinstance(doc, Known):
                self.record(doc.path, doc.doc_id, doc.source, doc.key, doc.notes)
            elif doc.source in self.read:  # type: ignore[attr-defined]
                path, notes = self.read[doc.source]  # type: ignore[attr-defined]
                key = keys[i] if keys is not None else document_key(doc)  # type: ignore[arg-type]
                self.record(path, doc.doc_id, doc.source, key, notes)  # type: ignore
        self.save()

    def record(self, path: Path | str, doc_id: str, source: str, key: str, notes: tuple[str, ...]) -> None:
        """Remember a document of this build (read, or :class:`Known`) under the signature taken
        before it was read; a file modified just before the build began is left out."""
        sig = self.pending.get(str(path))
        if sig is None or sig[3] > self.started - int(RACY_SECONDS * 1e9):
            return
        self.new[str(path)] = (sig, doc_id, source, key, notes)

    def save(self) -> None:
        """Write the index of this build (atomically); a cache that cannot be written is left as it is."""
        data = pickle.dumps({"format": _FORMAT, "key": self.key, "files": self.new}, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)

    def drop(self) -> None:
        """Remove the index (a build that does not trust it must not leave a stale one behind)."""
        self.path.unlink(missing_ok=True)
