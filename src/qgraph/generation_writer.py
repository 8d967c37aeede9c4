"""Writing a new generation of a build directory (the layout is described in :mod:`qgraph.generations`).

:func:`new_generation` locks the build directory, removes what interrupted builds left, and
hands out a fresh generation; :meth:`NewGeneration.commit` writes its manifest, switches
``current`` to it with one rename, links the top-level names and removes old generations that no
reader holds. The :mod:`qgraph.faults` checkpoints mark each stage.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from .display import shown
from .errors import InputError, StoreError
from .faults import checkpoint
from .generations import GENERATIONS, LOCK, MANIFEST, MANIFEST_VERSION, MARKER, OWN, POINTER, STRAY, check_output_dir


class NewGeneration:
    """A generation being written; see :func:`new_generation`."""

    def __init__(self, build_dir: Path, directory: Path, previous: Path | None, notes: list[str]) -> None:
        self.build_dir = build_dir
        self.directory = directory
        self.previous = previous
        self.notes = notes
        self.switched = False

    def path(self, name: str) -> Path:
        return self.directory / name

    def write(self, files: Mapping[str, bytes], *, stage: str) -> None:
        """Write ``name → bytes`` into the generation (mode of the previous generation's file, else 0644)."""
        for name, data in files.items():
            target = self.directory / name
            mode = _mode(self.previous / name, 0o644) if self.previous else 0o644
            try:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
                os.fchmod(fd, mode)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                raise StoreError(f"{shown(target)}: cannot write: {exc.strerror or exc}") from None
        checkpoint(stage)

    @contextlib.contextmanager
    def open(self, name: str, *, binary: bool = False) -> Iterator[typing.Any]:
        """A new text file of the generation, written as a stream (UTF-8, ``\n`` line ends; bytes
        with ``binary``); the same mode as :meth:`write`. Closed and synced on leaving the block."""
        target = self.directory / name
        mode = _mode(self.previous / name, 0o644) if self.previous else 0o644
        kind = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": "\n"}
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
            os.fchmod(fd, mode)
            with os.fdopen(fd, buffering=1 << 20, **kind) as handle:  # type: ignore[call-overload]
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise StoreError(f"{shown(target)}: cannot write: {exc.strerror or exc}") from None

    def commit(self, *, exports: Mapping[str, str], void: str | None, store: str | None, quads: int,
               parts: Mapping[str, str] | None = None) -> list[Path]:
        """Write the manifest, make this generation current, link the top-level names, remove the
        old generations. Returns the paths a user reads (the top-level links where they are qgraph's).
        ``parts``: files listed by their parts file (``{"graph.nq": "graph.nq.parts"}``, see
        :mod:`qgraph.generations`), not hashed whole; a file that is a hard link to the previous
        generation's (a store checkpoint) keeps the digest listed there."""
        manifest = {
            "qgraph_manifest": MANIFEST_VERSION,
            "qgraph_version": __import__("qgraph").__version__,
            "quads": quads,
            "exports": dict(sorted(exports.items())),
            "void": void,
            "store": store,
            "files": _listing(self.directory, self.previous, parts or {}),
        }
        self.write({MANIFEST: json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False).encode() + b"\n"},
                   stage="manifest")
        with _os_errors(self.build_dir):
            _fsync_dir(self.directory)
            self._switch()
            names = sorted([*exports.values(), *(n for n in (void, store) if n), MANIFEST])
            written = [self._link(name) for name in names]
            self._unlink_stale(set(names))
            checkpoint("links")
            _remove_generations(self.build_dir, keep=self.directory.name)
            checkpoint("cleanup")
        return written

    def _switch(self) -> None:
        pointer = self.build_dir / POINTER
        if os.path.lexists(pointer) and not pointer.is_symlink():
            raise StoreError(f"{shown(pointer)}: in the way of the pointer to the current build (not made by qgraph)")
        tmp = self.build_dir / f".{POINTER}.{self.directory.name}.tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(f"{GENERATIONS}/{self.directory.name}", tmp)
        os.replace(tmp, pointer)
        _fsync_dir(self.build_dir)
        self.switched = True
        checkpoint("switch")

    def _link(self, name: str) -> Path:
        link, target = self.build_dir / name, f"{POINTER}/{name}"
        try:
            os.symlink(target, link)
            return link
        except FileExistsError:
            pass
        with contextlib.suppress(OSError):
            if os.readlink(link) == target:
                return link
        self.notes.append(f"{shown(link)}: left as it is (qgraph did not make it); "
                          f"this build's {shown(name)} is {shown(self.build_dir / POINTER / name)}")
        return self.build_dir / POINTER / name

    def _unlink_stale(self, names: set[str]) -> None:
        for entry in os.listdir(self.build_dir):
            path = self.build_dir / entry
            if entry not in names and entry != POINTER and path.is_symlink():
                with contextlib.suppress(OSError):
                    if os.readlink(path) == f"{POINTER}/{entry}":
                        path.unlink()


@contextlib.contextmanager
def new_generation(build_dir: Path, *, force: bool = False, notes: list[str] | None = None) -> Iterator[NewGeneration]:
    """Lock ``build_dir``, remove leftovers of interrupted builds, and give a fresh generation to fill.

    The caller writes into it and calls :meth:`NewGeneration.commit`; an exception before the
    switch removes the new generation, leaving the current one as it was.

    :raises InputError: ``build_dir`` is a foreign non-empty directory (see :func:`check_output_dir`).
    """
    build_dir = Path(build_dir)
    gens = mark_build_dir(build_dir, force=force)
    with _locked(gens / LOCK):
        with _os_errors(build_dir):
            previous = _current_dir(build_dir)
            _remove_generations(build_dir, keep=previous.name if previous else None)
            _remove_strays(build_dir)
            stamp = time.strftime("%Y%m%dT%H%M%SZ-", time.gmtime())
            directory = Path(tempfile.mkdtemp(dir=gens, prefix=stamp))
            directory.chmod(_mode(previous, 0o755) if previous else 0o755)  # mkdtemp makes 0700
        new = NewGeneration(build_dir, directory, previous, notes if notes is not None else [])
        try:
            checkpoint("generation")
            yield new
        except BaseException:
            if not new.switched:
                shutil.rmtree(directory, ignore_errors=True)
            raise


def mark_build_dir(build_dir: Path, *, force: bool = False) -> Path:
    """Check ``build_dir`` (see :func:`check_output_dir`) and mark it as qgraph's; returns its
    generations directory. A build calls this before it writes anything there (its cache too).

    :raises InputError: ``build_dir`` is a foreign non-empty directory, or holds a foreign ``.generations``.
    """
    build_dir = Path(build_dir)
    check_output_dir(build_dir, force=force)
    gens = build_dir / GENERATIONS
    if gens.is_dir() and not (gens / MARKER).is_file() and any(gens.iterdir()):
        raise InputError(str(gens), "exists and was not made by qgraph; move it away to build here")
    with _os_errors(build_dir):
        if not gens.is_dir():
            # made aside with its marker and renamed into place, so that a build running at the same
            # time never sees a .generations without its marker
            build_dir.mkdir(parents=True, exist_ok=True)
            try:
                aside = Path(tempfile.mkdtemp(prefix=GENERATIONS + ".", suffix=".tmp", dir=build_dir))
            except OSError as exc:  # named as the directory the user would look for
                exc.filename = str(gens)
                raise
            try:
                (aside / MARKER).write_text("This directory was made by `qgraph build`; it may remove anything in it.\n")
                os.rename(aside, gens)
            except FileNotFoundError:  # a build that made .generations first removed ours as a stray
                if not gens.is_dir():
                    raise
            except OSError:  # another build made it first
                shutil.rmtree(aside, ignore_errors=True)
        if not (gens / MARKER).is_file():
            (gens / MARKER).write_text("This directory was made by `qgraph build`; it may remove anything in it.\n")
    return gens


@contextlib.contextmanager
def _os_errors(build_dir: Path) -> Iterator[None]:
    """An OS error (no permission, a full disk) as one :class:`StoreError` line naming the path."""
    try:
        yield
    except OSError as exc:
        raise StoreError(f"{shown(exc.filename or build_dir)}: cannot write the build: "
                         f"{(exc.strerror or str(exc)).lower()}") from None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive ``flock`` on ``path`` (released by the kernel if the process dies)."""
    import fcntl

    with _os_errors(path.parent.parent):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _current_dir(build_dir: Path) -> Path | None:
    try:
        parts = PurePosixPath(os.readlink(build_dir / POINTER)).parts
    except OSError:
        return None
    if len(parts) == 2 and parts[0] == GENERATIONS and (build_dir / GENERATIONS / parts[1]).is_dir():
        return build_dir / GENERATIONS / parts[1]
    return None


def _remove_generations(build_dir: Path, *, keep: str | None) -> None:
    """Remove every generation but ``keep``, except those a reader holds (a later build will)."""
    import fcntl

    gens = build_dir / GENERATIONS
    for entry in os.listdir(gens):
        if entry in OWN or entry == keep:
            continue
        path = gens / entry
        if not path.is_dir() or path.is_symlink():
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        try:
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # in use: `qgraph serve` or a query reads it
            continue
        try:
            shutil.rmtree(path, ignore_errors=True)
        finally:
            os.close(fd)


def _remove_strays(build_dir: Path) -> None:
    for path in (build_dir / entry for entry in os.listdir(build_dir) if STRAY.fullmatch(entry)):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()


def _listing(directory: Path, previous: Path | None = None, parts: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    linked = _previous_digests(previous)
    out: list[dict[str, Any]] = []
    from .segments import is_segmented, size

    parts = parts or {}
    whole = {name for name in parts if is_segmented(directory / name)}  # graph.nq as segments: listed as one
    found = [p for p in directory.rglob("*") if p.is_file() and not p.is_symlink()
             and p.relative_to(directory).parts[0] not in whole]
    for path in sorted([*found, *(directory / name for name in whole)]):
        name = path.relative_to(directory).as_posix()
        if name in parts:  # hashed by parts as it was written: the parts file's hash
            listed = hashlib.sha256((directory / parts[name]).read_bytes()).hexdigest()
            out.append({"path": name, "size": size(path), "parts": parts[name], "sha256_parts": listed})
            continue
        st = path.stat()
        sha = None
        if previous is not None and name in linked:
            with contextlib.suppress(OSError):
                old = (previous / name).stat()
                if (old.st_ino, old.st_dev, old.st_size) == (st.st_ino, st.st_dev, st.st_size):
                    sha = linked[name]  # the same file (a hard link): the same bytes
        if sha is None:
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            sha = digest.hexdigest()
        out.append({"path": name, "size": st.st_size, "sha256": sha})
    return out


def _previous_digests(previous: Path | None) -> dict[str, str]:
    if previous is None:
        return {}
    try:
        files = json.loads((previous / MANIFEST).read_text("utf-8")).get("files") or []
        return {f["path"]: f["sha256"] for f in files if isinstance(f, dict) and "path" in f and "sha256" in f}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mode(path: Path, default: int) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return default
