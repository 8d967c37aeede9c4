"""A build directory as a series of generations, one of them current, switched atomically.

Layout of a build directory (``out/``)::

    .generations/made-by-qgraph         marks the directory as qgraph's (written first)
    .generations/lock                   held (flock) while a build writes
    .generations/<id>/                  one complete build:
        graph.ttl graph.jsonld graph.nq …   the exports
        void.ttl                            VoID / DCAT description
        store/                              embedded Oxigraph store
        manifest.json                       every file above with size and sha256, written last
    current -> .generations/<id>        the one pointer readers follow (a symbolic link)
    graph.ttl -> current/graph.ttl      convenience links, one per top-level name of the
    store -> current/store …            current generation

A build writes a fresh generation beside the current one, writes its manifest last, then
replaces ``current`` with one ``rename`` of a new link, and only then removes the old generation.
Whatever interrupts it (an error, Ctrl-C, ``kill -9``, a power cut after the renames reach the
disk), ``current`` names a complete generation: the old one or the new one. Every reader goes
through :func:`current_generation`, so all commands read the same build. Leftovers of an
interrupted build (unfinished generations, temporary links) are removed by the next build.

A build refuses a non-empty directory that is not marked as qgraph's (:func:`check_output_dir`)
unless forced, and never removes or replaces a file it did not make: only entries under
``.generations/`` and links whose target is ``current/<their own name>`` are qgraph's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .display import shown
from .errors import InputError, StoreError
from .faults import checkpoint

GENERATIONS = ".generations"
MARKER = "made-by-qgraph"
LOCK = "lock"
POINTER = "current"
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
_OWN = frozenset({MARKER, LOCK})
_STRAY = re.compile(r"\.(?:current|manifest\.json|void\.ttl|graph\.[a-z]+|store)\..+\.(?:tmp|old)")
"""Temporary names qgraph uses (and used) in a build directory: removed by the next build."""
_GRAPH_FILE_ORDER = ("nq", "trig", "ttl", "jsonld", "nt")


def _version() -> str:
    from . import __version__

    return __version__


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Generation:
    """The current generation of a build directory, as its manifest describes it."""

    build_dir: Path
    directory: Path
    manifest: Mapping[str, Any] = field(repr=False)

    @property
    def exports(self) -> dict[str, Path]:
        """Export format (``ttl``, ``nq`` …) → file."""
        return {fmt: self.directory / name for fmt, name in sorted(self.manifest["exports"].items())}

    @property
    def store(self) -> Path | None:
        name = self.manifest.get("store")
        return self.directory / name if name else None

    @property
    def void(self) -> Path | None:
        name = self.manifest.get("void")
        return self.directory / name if name else None

    @property
    def quads(self) -> int:
        return int(self.manifest["quads"])

    @property
    def graph_file(self) -> Path | None:
        """The export that keeps most: N-Quads, else TriG, else a triples-only format."""
        exports = self.exports
        return next((exports[f] for f in _GRAPH_FILE_ORDER if f in exports), None)

    @property
    def source(self) -> Path:
        """What queries read: the store, else :attr:`graph_file`."""
        found = self.store or self.graph_file
        if found is None:
            raise InputError(str(self.build_dir), "the current build holds neither a store nor an RDF file")
        return found

    def files(self) -> dict[str, dict[str, Any]]:
        """Relative path → ``{"size", "sha256"}`` as listed in the manifest."""
        return {entry["path"]: entry for entry in self.manifest["files"]}


def is_build_dir(build_dir: Path) -> bool:
    """Whether ``build_dir`` was made by ``qgraph build`` (it holds ``.generations/made-by-qgraph``)."""
    return (Path(build_dir) / GENERATIONS / MARKER).is_file()


def current_generation(build_dir: Path) -> Generation:
    """The generation ``build_dir/current`` points to, checked against its manifest (files present,
    export sizes as listed). Every command that reads a build goes through here.

    :raises InputError: no build here, or the current generation is damaged.
    """
    build_dir = Path(build_dir)
    try:
        target = os.readlink(build_dir / POINTER)
    except OSError:
        if not build_dir.is_dir():
            raise InputError(str(build_dir), "no built graph here (no such directory); "
                                             "run `qgraph build` first") from None
        raise InputError(str(build_dir), f"no built graph here (no {POINTER} generation); "
                                         "run `qgraph build` first") from None
    parts = PurePosixPath(target).parts
    if len(parts) != 2 or parts[0] != GENERATIONS or parts[1] in (".", "..", *_OWN):
        raise InputError(str(build_dir / POINTER), "does not point to a generation of this directory; rebuild")
    directory = build_dir / GENERATIONS / parts[1]
    manifest_path = directory / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_bytes())
        if manifest.get("qgraph_manifest") != MANIFEST_VERSION:
            raise ValueError("unknown manifest version")
        listed = {entry["path"]: int(entry["size"]) for entry in manifest["files"]}
        named = [*manifest["exports"].values(), *(manifest[k] for k in ("void", "store") if manifest.get(k))]
    except OSError as exc:
        raise InputError(str(manifest_path), f"cannot read the manifest ({exc.strerror}); rebuild") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(str(manifest_path), f"unreadable manifest ({exc}); rebuild") from None
    for name in named:
        if "/" in name or name in (".", "..") or not (directory / name).exists():
            raise InputError(str(build_dir), f"the current build lacks {shown(name)}; rebuild")
    for name, size in listed.items():
        if "/" in name and not name.startswith("store/"):
            continue
        path = directory / name
        try:
            actual = path.stat().st_size
        except OSError:
            raise InputError(str(path), "listed in the manifest but missing; rebuild") from None
        if "/" not in name and actual != size:
            raise InputError(str(path), f"{actual} bytes, the manifest says {size}; the build was changed, rebuild")
    return Generation(build_dir, directory, manifest)


def check_output_dir(build_dir: Path, *, force: bool = False) -> None:
    """Refuse to build into ``build_dir`` if it is a non-empty directory qgraph did not make.

    :raises InputError: it is not a directory, or it is foreign and not empty (and not ``force``).
    """
    build_dir = Path(build_dir)
    try:
        st = build_dir.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(str(build_dir), f"cannot use as the output directory: {exc.strerror}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise InputError(str(build_dir), "not a directory; choose another output directory (-o)")
    if force or is_build_dir(build_dir):
        return
    try:
        entries = os.listdir(build_dir)
    except OSError as exc:
        raise InputError(str(build_dir), f"cannot list the output directory: {exc.strerror}") from None
    if entries:
        raise InputError(str(build_dir), "not empty and not made by `qgraph build`; choose an empty or new "
                                         "directory (-o), or pass --force to build beside its files (they are kept)")


# --------------------------------------------------------------------------- writing


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

    def commit(self, *, exports: Mapping[str, str], void: str | None, store: str | None, quads: int) -> list[Path]:
        """Write the manifest, make this generation current, link the top-level names, remove the
        old generations. Returns the paths a user reads (the top-level links where they are qgraph's)."""
        manifest = {
            "qgraph_manifest": MANIFEST_VERSION,
            "qgraph_version": _version(),
            "quads": quads,
            "exports": dict(sorted(exports.items())),
            "void": void,
            "store": store,
            "files": _listing(self.directory),
        }
        self.write({MANIFEST: json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False).encode() + b"\n"},
                   stage="manifest")
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
    check_output_dir(build_dir, force=force)
    gens = build_dir / GENERATIONS
    try:
        gens.mkdir(parents=True, exist_ok=True)
        if not (gens / MARKER).is_file():
            (gens / MARKER).write_text("This directory was made by `qgraph build`; it may remove anything in it.\n")
    except OSError as exc:
        raise StoreError(f"{shown(exc.filename or gens)}: cannot write: {exc.strerror or exc}") from None
    with _locked(gens / LOCK):
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


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive ``flock`` on ``path`` (released by the kernel if the process dies)."""
    import fcntl

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
    gens = build_dir / GENERATIONS
    for entry in os.listdir(gens):
        if entry in _OWN or entry == keep:
            continue
        path = gens / entry
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()


def _remove_strays(build_dir: Path) -> None:
    for entry in os.listdir(build_dir):
        if _STRAY.fullmatch(entry):
            path = build_dir / entry
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    path.unlink()


def _listing(directory: Path) -> list[dict[str, Any]]:
    out = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file() and not p.is_symlink()):
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        out.append({"path": path.relative_to(directory).as_posix(), "size": path.stat().st_size,
                    "sha256": digest.hexdigest()})
    return out


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
