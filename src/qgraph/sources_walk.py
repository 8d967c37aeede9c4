"""Finding and opening the files of a build: directory walks that stay inside their roots.

A path named on the command line is the user's choice and is followed wherever it points (a
link to a file or to a directory is read). Below such a directory, a walk:

- reads ``*.txt``, ``*.md``, ``*.html``, ``*.htm`` files in sorted order, skipping hidden entries,
  README / LICENSE-like files and directories holding a ``.qgraphignore`` file;
- follows a symbolic link only when its target lies inside the same root; a link leading
  outside is refused with one error naming the link (``passwd.txt -> /etc/passwd`` is never read);
- never follows a link back to a directory it is already inside (a loop: one warning);
- turns every OS error (permission denied, a name too long, a broken link) into one
  :class:`~qgraph.errors.InputError` naming the path, and goes on with the rest.

A file found by the walk is opened by its resolved path with ``O_NOFOLLOW``, so a link swapped
in after the walk is not followed either.
"""

from __future__ import annotations

import errno
import os
import stat
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qgraph.display import shown
from qgraph.errors import InputError

SUFFIXES = (".txt", ".md", ".html", ".htm")
"""File name endings read when a directory is walked."""
NOT_DOCUMENTS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "SOURCES", "NOTICE", "CONTRIBUTING"})
"""File stems a directory walk passes over (a README.md beside the reports is no report)."""
IGNORE_MARKER = ".qgraphignore"
"""A directory holding this file is skipped when a walk reaches it from above."""


class SourceWarning(UserWarning):
    """A document was read, but something about it looks wrong; the message names the file."""


@dataclass(frozen=True)
class Found:
    """A file to read (``error`` is None) or a problem met on the way (``error`` names ``path``)."""

    path: Path
    """The path as the user sees it (through the links followed)."""
    open_path: Path
    """The path to open: resolved for a link inside the root."""
    follow: bool
    """Whether the last component may be a symbolic link when it is opened (only for named paths)."""
    error: InputError | None = None


def os_problem(exc: OSError, path: Path) -> str:
    """A short description of an OS error about ``path`` (never raises)."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    return (exc.strerror or type(exc).__name__).lower()


def _is_document(name: str) -> bool:
    stem, dot, suffix = name.rpartition(".")
    return bool(dot and stem) and f".{suffix.lower()}" in SUFFIXES and stem.upper() not in NOT_DOCUMENTS


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def collect(top: Path) -> list[Found]:
    """Files to read under ``top`` in sorted order, with an error for each thing that cannot be walked."""
    try:
        st = top.stat()
    except OSError as exc:
        return [Found(top, top, True, InputError(str(top), os_problem(exc, top)))]
    if not stat.S_ISDIR(st.st_mode):
        return [Found(top, top, True)]
    found: list[Found] = []
    root = os.path.realpath(top)
    ancestors = {(st.st_dev, st.st_ino)}
    visited = set(ancestors)
    stack: list[tuple[Path, Path, Iterator[str], tuple[int, int]]] = []
    stack.append((top, Path(root), iter(_list_dir(top, Path(root), found)), (st.st_dev, st.st_ino)))
    while stack:
        shown_dir, real_dir, entries, key = stack[-1]
        name = next(entries, None)
        if name is None:
            stack.pop()
            ancestors.discard(key)
            continue
        if name.startswith("."):
            continue  # hidden: .git, .ipynb_checkpoints, editor backups
        path, fs_path = shown_dir / name, real_dir / name
        try:
            child = os.lstat(fs_path)
            if stat.S_ISLNK(child.st_mode):
                real = os.path.realpath(fs_path, strict=True)
                if not _inside(real, root):
                    if _is_document(name) or os.path.isdir(real):
                        found.append(Found(path, fs_path, False, InputError(
                            str(path), f"symbolic link leading outside {shown(top)}; not followed")))
                    continue
                fs_path = Path(real)
                child = os.stat(fs_path)
        except OSError as exc:
            if _is_document(name) or not isinstance(exc, FileNotFoundError):
                found.append(Found(path, fs_path, False, InputError(str(path), os_problem(exc, fs_path))))
            continue
        if stat.S_ISDIR(child.st_mode):
            if os.path.lexists(fs_path / IGNORE_MARKER):
                continue  # data/lexicon, data/eval: not documents of a build (unless named directly)
            child_key = (child.st_dev, child.st_ino)
            if child_key in ancestors:
                warnings.warn(f"{shown(path)}: symbolic link loop not followed", SourceWarning, stacklevel=3)
                continue
            if child_key in visited:
                continue
            visited.add(child_key)
            ancestors.add(child_key)
            stack.append((path, fs_path, iter(_list_dir(path, fs_path, found)), child_key))
        elif _is_document(name):
            found.append(Found(path, fs_path, False))
    if not found:
        found.append(Found(top, top, True, InputError(
            str(top), f"no documents ({', '.join('*' + s for s in SUFFIXES)}) found")))
    return found


def _list_dir(path: Path, fs_path: Path, found: list[Found]) -> list[str]:
    try:
        return sorted(os.listdir(fs_path))
    except OSError as exc:
        found.append(Found(path, fs_path, False, InputError(str(path), os_problem(exc, fs_path))))
        return []


def load_bytes(path: Path, source: str, max_bytes: int, *, follow: bool = True) -> bytes:
    """The bytes of the regular file ``path`` (at most ``max_bytes``); with ``follow=False`` a
    symbolic link in the last component is refused.

    :raises InputError: naming ``source`` and the problem.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow and exc.errno == errno.ELOOP and os.path.islink(path):
            raise InputError(source, "became a symbolic link while being read; not followed") from None
        raise InputError(source, os_problem(exc, path)) from None
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise InputError(source, "is a directory, not a file")
            if not stat.S_ISREG(st.st_mode):
                raise InputError(source, "not a regular file")
            if st.st_size > max_bytes:
                raise InputError(source, f"too large: {st.st_size / 2**20:.1f} MB "
                                         f"(documents up to {max_bytes // 2**20} MB are read)")
            data = f.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(source, os_problem(exc, path)) from None
    if len(data) > max_bytes:
        raise InputError(source, f"too large: over {max_bytes // 2**20} MB")
    return data
