"""Build outputs on disk: export files, the embedded pyoxigraph store, the VoID description.

A build writes one *generation* (see :mod:`qgraph.generations`): all exports, ``void.ttl``,
``store/`` and ``manifest.json`` together in a fresh directory, made current by one atomic
switch. Every reader finds the build through :func:`qgraph.generations.current_generation`.

Layout of a build directory (``out/``), as users see it::

    graph.ttl  graph.jsonld  graph.nq  [graph.trig  graph.nt]   exports (rdfio.serialize)
    void.ttl                                                    VoID / DCAT description
    store/                                                      persistent pyoxigraph store
    manifest.json                                               every file with size and sha256
    current/                                                    the current generation; the names
                                                                above are links into it
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
import rdflib

from . import catalog, rdfio
from .display import shown
from .errors import InputError, StoreError
from .faults import checkpoint
from .generation_writer import new_generation
from .generations import current_generation
from .progress import StageClock

DEFAULT_FORMATS: tuple[str, ...] = ("ttl", "jsonld", "nq")
STORE_DIR = "store"
VOID_FILE = "void.ttl"


def output_name(fmt: str) -> str:
    """The file name of an export format in a build directory: ``graph.<fmt>``."""
    return f"graph.{fmt}"


# --------------------------------------------------------------------------- atomic files


def atomic_write_many(files: Mapping[Path, bytes]) -> list[Path]:
    """Write several files atomically as a group: all temporaries first, then the renames.

    If writing any temporary fails, none of the targets is touched and the temporaries are
    removed. Returns the target paths in the given order.

    :raises StoreError: a file cannot be written (names the file and the reason).
    """
    for target in files:
        if target.is_dir():
            raise StoreError(f"{shown(target)}: cannot write: a directory is in the way")
    temps: list[tuple[Path, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps.append((Path(name), target))
            os.fchmod(fd, _mode(target, 0o644))  # mkstemp makes 0600; outputs are for sharing
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, target in temps:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        where = exc.filename or (temps[-1][1] if temps else "output")
        raise StoreError(f"{shown(where)}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    return list(files)


def _mode(target: Path, default: int) -> int:
    """The permission bits of an existing ``target``, else ``default``."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return default


def atomic_write(path: Path, data: bytes) -> Path:
    """Write one file atomically (temporary name in the same directory, then rename)."""
    return atomic_write_many({Path(path): data})[0]


# --------------------------------------------------------------------------- exports


def write_outputs(
    dataset: rdfio.QuadSource,
    out_dir: Path,
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
) -> list[Path]:
    """Write ``graph.<fmt>`` for each format into ``out_dir``, atomically as a group.

    Example: ``write_outputs(ds, Path("out"), formats=("ttl", "nq"))`` returns
    ``[Path("out/graph.ttl"), Path("out/graph.nq")]``.

    :raises ValueError: an unknown format.
    :raises StoreError: a file cannot be written.
    """
    fmts = list(dict.fromkeys(formats))
    unknown = [f for f in fmts if f not in rdfio.FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; expected {', '.join(rdfio.FORMATS)}")
    rows = rdfio.sorted_rows(rdfio.nquads_of(dataset))
    out_dir = Path(out_dir)
    return atomic_write_many({out_dir / output_name(f): rdfio.serialize_rows(rows, f) for f in fmts})


# --------------------------------------------------------------------------- embedded store


def write_store(dataset: rdfio.QuadSource, path: Path) -> Path:
    """Write a persistent pyoxigraph store at ``path``, replacing an old one only on success.

    The store is built in a temporary directory next to ``path``; then the old store is renamed
    away, the new one renamed into place and the old one deleted. A failure before the swap
    leaves the old store untouched.

    :raises StoreError: the store cannot be built or moved into place.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    try:
        tmp.chmod(_mode(path, 0o755))  # mkdtemp makes 0700
        store = ox.Store(str(tmp))
        try:
            if isinstance(dataset, rdflib.ConjunctiveGraph):  # no need to canonicalise first
                data = dataset.serialize(format="nquads", encoding="utf-8")
            else:
                data = rdfio.nquads_of(dataset)
            if data:
                store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            store.flush()
        finally:
            del store  # closes RocksDB before the directory is renamed
        _swap_dir(tmp, path)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"{shown(path)}: cannot write the store: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path


def _swap_dir(new: Path, target: Path) -> None:
    """Move directory ``new`` to ``target``, replacing (and then deleting) an existing one."""
    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.replace(target, old / "store")
    try:
        os.replace(new, target)
    except OSError:
        os.replace(old / "store", target)  # put the previous store back
        raise
    shutil.rmtree(old, ignore_errors=True)


def open_store(path: Path) -> ox.Store:
    """Open a store written by :func:`write_store`, read-only.

    :raises InputError: there is no store at ``path``.
    :raises StoreError: the directory is not a readable pyoxigraph store.
    """
    path = Path(path)
    if not path.is_dir():
        raise InputError(str(path), "no store here; run `qgraph build` first")
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{shown(path)}: cannot open the store: {exc}") from None


def default_graph_source(out_dir: Path) -> Path:
    """What queries read in the build directory ``out_dir``: the current generation's store,
    else its graph file (see :attr:`qgraph.generations.Generation.source`).

    :raises InputError: no build there.
    """
    return current_generation(out_dir).source


def open_graph(source: Path) -> ox.Store:
    """Open a graph source: a store directory read-only, or an RDF file read into memory.

    ``source`` is typically :func:`default_graph_source` of a build directory.
    """
    source = Path(source)
    from .segments import is_segmented

    return open_store(source) if source.is_dir() and not is_segmented(source) else rdfio.read_rdf(source)


def built_nquads(source: Path) -> rdfio.NQuads:
    """The quads of a build directory's current generation, or of an RDF file, exactly.

    In a build, ``graph.nq`` (else ``graph.trig``) is read rather than the store, because a
    store keeps numeric literals in canonical form; both hold the same generation.

    :raises InputError: nothing to read at ``source``.
    """
    source = Path(source)
    from .segments import is_segmented

    if source.is_file() or (source.suffix and not source.is_dir()) or is_segmented(source):
        return rdfio.read_nquads(source)
    gen = current_generation(source)
    exact = next((gen.exports[f] for f in ("nq", "trig") if f in gen.exports), None)
    if exact is not None:
        return rdfio.read_nquads(exact)
    if gen.store is not None:
        return rdfio.nquads_of(open_store(gen.store))
    return rdfio.read_nquads(gen.source)


def export(source: Path, *, fmt: str) -> bytes:
    """Serialise the graph of a build directory or an RDF file as ``fmt`` (see :data:`rdfio.FORMATS`)."""
    return rdfio.serialize(built_nquads(source), fmt)


# --------------------------------------------------------------------------- whole build


def publish(
    dataset: rdfio.QuadSource,
    out_dir: Path,
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    with_store: bool = True,
    license_iri: str = catalog.DEFAULT_LICENSE,
    base_url: str | None = None,
    force: bool = False,
    notes: list[str] | None = None,
    timer: Callable[[str, float], None] | None = None,
) -> list[Path]:
    """Write a build's outputs as one new generation of ``out_dir``: the exports, ``void.ttl``,
    (unless ``with_store=False``) ``store/`` and ``manifest.json``; then make it current.

    This is what ``qgraph build`` calls after validation. Until the switch the previous build
    stays current and complete; see :mod:`qgraph.generations`. Returns the paths written (the
    top-level names in ``out_dir``); remarks for the user (a file in the way of a link) are
    appended to ``notes``; ``timer(stage, seconds)`` receives the time each stage took.

    :raises InputError: ``out_dir`` is a non-empty directory not made by qgraph (and not ``force``).
    :raises StoreError: a file cannot be written.
    """
    clock = StageClock(timer)
    quads = rdfio.nquads_of(dataset)
    clock("serialize")
    rows = rdfio.sorted_rows(quads)
    clock("sort")
    fmts = list(dict.fromkeys(formats))
    unknown = [f for f in fmts if f not in rdfio.FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; expected {', '.join(rdfio.FORMATS)}")
    exports = {}
    for f in fmts:
        exports[output_name(f)] = rdfio.serialize_rows(rows, f)
        clock(f"write {f}")
    sizes = {name: len(data) for name, data in exports.items()}
    void = catalog.void_turtle(quads, distributions=sizes, license_iri=license_iri, base_url=base_url, rows=rows)
    clock("void")
    with new_generation(out_dir, force=force, notes=notes) as gen:
        gen.write(exports, stage="exports")
        gen.write({VOID_FILE: void}, stage="void")
        clock("write files")
        if with_store:
            write_store(quads, gen.path(STORE_DIR))
            clock("store")
            from .answers import make_answers

            gen.write(make_answers(gen.path(STORE_DIR)), stage="answers")
            clock("answers")
        checkpoint("store")
        written = gen.commit(exports={f: output_name(f) for f in fmts}, void=VOID_FILE,
                             store=STORE_DIR if with_store else None, quads=len(rows))
        clock("manifest")
        return written

