"""A build directory as a series of generations, one of them current, switched atomically.

Layout of a build directory (``out/``)::

    .generations/made-by-qgraph         marks the directory as qgraph's (written first)
    .generations/lock                   held (flock) while a build writes
    .generations/<id>/                  one complete build:
        graph.ttl graph.jsonld graph.nq …   the exports
        void.ttl                            VoID / DCAT description
        store/                              embedded Oxigraph store
        graph.nq.parts                      graph.nq's parts: SHA-256 and length of each graph's bytes
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

The manifest lists each file with its size and SHA-256, except ``graph.nq``: its entry names its
*parts file* (``"parts": "graph.nq.parts"``) and that file's SHA-256 (``"sha256_parts"``, a hash of
the part hashes), and the parts file has one line per named graph of ``graph.nq`` in file order —
the SHA-256 of the graph's bytes, their number, the graph IRI. An incremental build copies most of
``graph.nq`` from the previous generation and keeps those graphs' hashes, instead of reading
gigabytes back to hash the whole file (:func:`qgraph.store.publish`, which writes a graph held in
memory, still hashes its ``graph.nq`` whole). :func:`verify` checks a generation against its manifest.

A build refuses a non-empty directory that is not marked as qgraph's (:func:`check_output_dir`)
unless forced, and never removes or replaces a file it did not make: only entries under
``.generations/`` and links whose target is ``current/<their own name>`` are qgraph's.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .display import shown
from .errors import InputError

GENERATIONS = ".generations"
MARKER = "made-by-qgraph"
LOCK = "lock"
POINTER = "current"
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
OWN = frozenset({MARKER, LOCK})
STRAY = re.compile(r"\.(?:current|manifest\.json|void\.ttl|graph\.[a-z]+|store|generations)\..+\.(?:tmp|old)")
"""Temporary names qgraph uses (and used) in a build directory: removed by the next build."""
_GRAPH_FILE_ORDER = ("nq", "trig", "ttl", "jsonld", "nt")
PARTS_SUFFIX = ".parts"
"""``graph.nq`` → ``graph.nq.parts``: the SHA-256 of each graph's bytes (see the module's description)."""


def parts_bytes(parts: Iterable[tuple[str, int, str]]) -> bytes:
    """A parts file from ``(graph IRI, bytes, SHA-256 hex)`` in file order.

    >>> parts_bytes([("https://e/g", 3, "ab")])
    b'ab 3 https://e/g\\n'
    """
    return "".join(f"{sha} {size} {iri}\n" for iri, size, sha in parts).encode("utf-8")


def read_parts(data: bytes) -> list[tuple[str, int, str]]:
    """The ``(graph IRI, bytes, SHA-256 hex)`` of a parts file, in order.

    :raises ValueError: a line is not ``HEX LENGTH IRI``."""
    out = []
    for line in data.decode("utf-8").splitlines():
        sha, size, iri = line.split(" ", 2)
        if len(sha) != 64 or not size.isdigit():
            raise ValueError(f"not a part: {line[:80]!r}")
        out.append((iri, int(size), sha))
    return out


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Generation:
    """The current generation of a build directory, as its manifest describes it."""

    build_dir: Path
    directory: Path
    manifest: Mapping[str, Any] = field(repr=False)
    hold: _ReaderLock | None = field(default=None, repr=False, compare=False)
    """While this value lives, a build does not remove the generation (see :func:`current_generation`)."""

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


class _ReaderLock:
    """A shared ``flock`` on a generation's directory, released when this object is collected."""

    def __init__(self, directory: Path) -> None:
        import fcntl

        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        weakref.finalize(self, os.close, fd)
        fcntl.flock(fd, fcntl.LOCK_SH)


def in_generation(path: Path) -> bool:
    """Whether ``path`` (after resolving links) lies inside a generation of some build directory."""
    real = Path(os.path.realpath(path))
    return any(p.parent.name == GENERATIONS and (p.parent / MARKER).is_file() for p in real.parents)


def current_generation(build_dir: Path, *, hold: bool = True) -> Generation:
    """The generation ``build_dir/current`` points to, checked against its manifest (files present,
    export sizes as listed). Every command that reads a build goes through here.

    With ``hold`` (the default), the returned value holds a shared lock on the generation: as long
    as it lives, a new build leaves this generation on disk (it removes it in a later build), so a
    long reader such as ``qgraph serve`` keeps reading one complete build.

    :raises InputError: no build here, or the current generation is damaged.
    """
    build_dir = Path(build_dir)
    for _ in range(5):
        try:
            return _current_generation(build_dir, hold)
        except _Vanished as gone:
            with contextlib.suppress(OSError):
                if os.readlink(build_dir / POINTER) == str(gone):  # not a build switching: damage
                    raise InputError(str(build_dir / POINTER), f"points to {shown(str(gone))}, which is "
                                                               "missing; rebuild") from None
    raise InputError(str(build_dir), "builds follow each other too fast to read one; try again")


class _Vanished(Exception):
    """The generation was removed while it was being opened."""


def _current_generation(build_dir: Path, hold: bool) -> Generation:
    try:
        target = os.readlink(build_dir / POINTER)
    except OSError:
        if not build_dir.is_dir():
            raise InputError(str(build_dir), "no built graph here (no such directory); "
                                             "run `qgraph build` first") from None
        raise InputError(str(build_dir), f"no built graph here (no {POINTER} generation); "
                                         "run `qgraph build` first") from None
    from . import segments

    parts = PurePosixPath(target).parts
    if len(parts) != 2 or parts[0] != GENERATIONS or parts[1] in (".", "..", *OWN):
        raise InputError(str(build_dir / POINTER), "does not point to a generation of this directory; rebuild")
    directory = build_dir / GENERATIONS / parts[1]
    manifest_path = directory / MANIFEST
    try:
        lock = _ReaderLock(directory) if hold else None
    except FileNotFoundError:
        raise _Vanished(target) from None
    if not directory.is_dir():
        raise _Vanished(target)
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
            actual = segments.size(path) if segments.is_segmented(path) else path.stat().st_size
        except OSError:
            raise InputError(str(path), "listed in the manifest but missing; rebuild") from None
        if "/" not in name and actual != size:
            raise InputError(str(path), f"{actual} bytes, the manifest says {size}; the build was changed, rebuild")
    return Generation(build_dir, directory, manifest, lock)


def listed_parts(directory: Path, name: str, layout: Sequence[tuple[str, int]]) -> dict[str, str]:
    """Graph IRI → SHA-256 of its bytes in the file ``name`` of the generation ``directory``, from
    its parts file — when the generation's manifest lists that file with this hash and the parts
    are ``layout`` (the same graph IRIs and lengths, in order); else empty."""
    import hashlib

    try:
        manifest = json.loads((directory / MANIFEST).read_bytes())
        entry = next(f for f in manifest["files"] if f.get("path") == name)
        if entry["parts"] != name + PARTS_SUFFIX:
            return {}
        data = (directory / entry["parts"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != entry.get("sha256_parts"):
            return {}
        parts = read_parts(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, StopIteration):
        return {}
    if [(iri, size) for iri, size, _ in parts] != [tuple(g) for g in layout]:
        return {}
    return {iri: sha for iri, _, sha in parts}


def verify(build_dir: Path) -> tuple[int, list[str]]:
    """Check the current generation of ``build_dir`` against its manifest, reading every byte: each
    file's size and SHA-256; for a file listed by parts (``graph.nq``), its parts file's SHA-256, the
    lengths adding up to the file's size, and the SHA-256 of each part. Returns the number of files
    checked and one line per problem (none: the build is as it was written).

    :raises InputError: no build here, or its manifest cannot be read.
    """
    import hashlib

    from . import segments

    gen = current_generation(build_dir)
    problems: list[str] = []
    checked = 0
    for name, entry in sorted(gen.files().items()):
        path = gen.directory / name
        checked += 1
        try:
            size = segments.size(path) if "parts" in entry else path.stat().st_size
            if size != int(entry["size"]):
                problems.append(f"{name}: {size} bytes, the manifest says {entry['size']}")
                continue
            if "parts" in entry:
                problems += _verify_parts(gen.directory, name, entry, size)
                continue
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
            if digest.hexdigest() != entry.get("sha256"):
                problems.append(f"{name}: its SHA-256 is not the manifest's")
        except OSError as exc:
            problems.append(f"{name}: cannot read ({exc.strerror or exc})")
    return checked, problems


def _verify_parts(directory: Path, name: str, entry: Mapping[str, Any], size: int) -> list[str]:
    import hashlib

    from . import segments

    parts_name = entry["parts"]
    if "/" in parts_name or parts_name in (".", ".."):
        return [f"{name}: the manifest names an unusable parts file {parts_name!r}"]
    data = (directory / parts_name).read_bytes()
    if hashlib.sha256(data).hexdigest() != entry.get("sha256_parts"):
        return [f"{name}: {parts_name} is not the one the manifest lists (its SHA-256 differs)"]
    try:
        parts = read_parts(data)
    except ValueError as exc:
        return [f"{name}: {parts_name}: {exc}"]
    if sum(n for _, n, _ in parts) != size:
        return [f"{name}: its parts add up to {sum(n for _, n, _ in parts)} bytes, the file has {size}"]
    problems = []
    with segments.joined(directory / name) as handle:
        for iri, length, sha in parts:
            digest = hashlib.sha256()
            while length > 0:
                block = handle.read(min(length, 1 << 20))
                if not block:
                    break
                digest.update(block)
                length -= len(block)
            if digest.hexdigest() != sha:
                problems.append(f"{name}: the graph <{iri}> is not as written (its SHA-256 differs)")
    return problems


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
    # Only ``.generations`` (or the one being made aside): a build running at the same time is marking
    # the directory (a foreign
    # ``.generations`` with files in it is refused by the writer).
    if entries and not all(e == GENERATIONS or (e.startswith(GENERATIONS + ".") and STRAY.fullmatch(e))
                           for e in entries):
        raise InputError(str(build_dir), "not empty and not made by `qgraph build`; choose an empty or new "
                                         "directory (-o), or pass --force to build beside its files (they are kept)")
