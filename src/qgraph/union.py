"""The union of the shards, streamed: files on disk in, files on disk out, bounded memory.

Every shard (:mod:`qgraph.shards`) is one named graph, its lines already sorted as the exports
sort them, so the corpus's N-Quads are the shards **concatenated in the order of their graph
names** (with the ontology graph among them): :func:`write_quads` copies files, it holds no more
than one shard. The union of all graphs as triples (Turtle, JSON-LD, N-Triples) needs the triples
in subject order across documents (VoID is counted on the way; without those formats it is counted
as ``graph.nq`` is written, :class:`qgraph.catalog.PartCounts`): :func:`sorted_triples` is an external
merge sort, runs of at most :data:`RUN` statements sorted in memory and written to disk, then
merged with :func:`heapq.merge` (duplicates, the same triple in several graphs, dropped;
:mod:`qgraph.extsort`). The output is the same bytes as :func:`qgraph.rdfio.serialize` of the
whole graph in memory. In a full build the store is loaded from the shard files in a thread
while extraction makes them (:class:`EarlyStore`; Oxigraph does not hold the GIL) and validated
in a thread while this one writes ``graph.nq`` (VoID counted on the way,
:class:`qgraph.catalog.PartCounts`) and the other exports; a rebuild starts from the previous
generation instead (:mod:`qgraph.incremental`).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from . import rdfwrite
from .generation_writer import NewGeneration, new_generation
from .progress import StageClock
from .rdfwrite import graph_key, row_key, sorted_rows
from .resources import ontology_path
from .mapping import SHARED_GRAPH
from .extsort import _TERMS, RUN, _batched, _read_triples, _split, read_rows, sorted_triples  # noqa: F401 - the union's API
from .shards import ShardMeta
from .store import STORE_DIR, VOID_FILE, output_name

if TYPE_CHECKING:
    from .answers import AnswersInThread
    from .catalog import PartCounts
    from .incremental import State
    from .validate import ValidationReport

ONTOLOGY_GRAPH = "https://w3id.org/qgraph/def"


@functools.cache
def ontology_lines() -> tuple[str, ...]:
    """The ontology graph's quads as sorted N-Quads lines (no newline)."""
    import pyoxigraph as ox

    quads = ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    data = ox.serialize((ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads), format=ox.RdfFormat.N_QUADS)
    return tuple(f"{s} {p} {o} {g} ." for g, s, p, o in sorted_rows(data or b""))


def shared_key() -> Callable[[str], str]:
    """The sort key of the shared graph's lines in ``graph.nq`` (with its own cache of term keys)."""
    keys: dict[str, str] = {}
    return lambda line: row_key(tuple(_split(line)[1:]), keys)  # type: ignore[arg-type]


def sorted_shared(shared: Iterable[str]) -> tuple[str, ...]:
    """The shared graph's distinct lines in the order ``graph.nq`` holds them."""
    return tuple(sorted(shared, key=shared_key()))


def merge_shared(old: Sequence[str], new: Iterable[str], delta: tuple[list[str], list[str]] | None = None,
                 ) -> list[str]:
    """:func:`sorted_shared` of ``new``, given ``old``, the lines of an earlier shared graph in that
    order: the lines gone are dropped and the new ones inserted by binary search, so that only the
    new lines and a few probed ones get a sort key (sorting 250,000 lines again took 12 s).
    ``delta``, if given, receives the lines removed (in ``old``'s order) and added (in the new order)."""
    import bisect

    members = new if isinstance(new, (set, frozenset, dict)) else set(new)
    kept: list[str] = []
    gone: list[str] = []
    for line in old:
        (kept if line in members else gone).append(line)
    if len(kept) == len(members):
        fresh: list[str] = []
    else:
        had = set(kept)
        fresh = [line for line in members if line not in had]
    key = shared_key()
    fresh.sort(key=key)
    if delta is not None:
        delta[0].extend(gone)
        delta[1].extend(fresh)
    out: list[str] = []
    i = 0
    for line in fresh:
        j = bisect.bisect_left(kept, key(line), lo=i, key=key)
        out.extend(kept[i:j])
        out.append(line)
        i = j
    out.extend(kept[i:])
    return out


def published_shared(generation: Path) -> str | None:
    """The SHA-256 of the shared graph's bytes in ``generation``'s ``graph.nq`` (from its parts file), or None."""
    from .generations import PARTS_SUFFIX, read_parts
    from .mapping import SHARED_GRAPH

    try:
        parts = read_parts((generation / ("graph.nq" + PARTS_SUFFIX)).read_bytes())
    except (OSError, ValueError):
        return None
    return next((sha for iri, _, sha in parts if iri == SHARED_GRAPH), None)


def splice_shared(data: bytes, came: Iterable[str], gone: Iterable[str]) -> tuple[bytes, list[str], list[str]] | None:
    """The bytes of a shared graph (``data``, its lines in :func:`sorted_shared` order) with the lines
    ``gone`` removed and ``came`` inserted, each found by binary search on the bytes (only the lines
    probed get a sort key), and those lines in that order; None when a line gone is not in ``data``
    or one that came is already there (the delta is not of these bytes)."""
    key = shared_key()

    def first_not_below(k: str) -> int:  # the offset of the first line whose key is not below k
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            nl = data.rfind(b"\n", lo, mid)
            start = lo if nl < 0 else nl + 1
            end = data.find(b"\n", start) + 1 or len(data)
            if key(data[start:end].rstrip(b"\n").decode("utf-8")) < k:
                lo = end
            else:
                hi = start
        return lo

    came, gone = sorted(came, key=key), sorted(gone, key=key)
    events: list[tuple[int, int, int, bytes]] = []
    for i, line in enumerate(gone):
        raw = line.encode("utf-8") + b"\n"
        at = first_not_below(key(line))
        if not data.startswith(raw, at):
            return None
        events.append((at, 1, i, raw))
    for i, line in enumerate(came):
        raw = line.encode("utf-8") + b"\n"
        at = first_not_below(key(line))
        if data.startswith(raw, at):
            return None
        events.append((at, 0, i, raw))
    events.sort()
    out: list[bytes] = []
    at = 0
    for where, kind, _, raw in events:
        out.append(data[at:where])
        at = where
        if kind:
            at += len(raw)  # a line gone
        else:
            out.append(raw)  # a line that came, before the line at ``where``
    out.append(data[at:])
    return b"".join(out), gone, came


def write_quads(shards: Sequence[ShardMeta], shared: Iterable[str], handle: BinaryIO, *,
                ontology: bool = True, layout: list[tuple[str, str, int, int]] | None = None,
                counts: PartCounts | None = None, digests: list[str] | None = None) -> dict[str, int]:
    """Write the ontology graph, the shared graph (``shared``: its distinct lines, any order) and
    every shard to ``handle`` (binary) in the order of their graph names: the corpus's N-Quads, sorted.
    Returns the number of statements of each graph (IRI → count); ``layout`` receives each graph's
    ``(IRI, document key or "", bytes, statements)`` in file order (the build state's graph list),
    ``digests`` the SHA-256 of each graph's bytes in the same order (the parts file of the manifest);
    ``counts`` is given every graph's lines on the way, for VoID (the graphs in memory first)."""
    import hashlib

    parts: list[tuple[str, str, ShardMeta | tuple[str, ...]]] = [(graph_key(s.graph), s.graph, s) for s in shards]
    if ontology:
        parts.append((graph_key(f"<{ONTOLOGY_GRAPH}>"), f"<{ONTOLOGY_GRAPH}>", ontology_lines()))
    common = sorted_shared(shared)
    if common:
        parts.append((graph_key(f"<{SHARED_GRAPH}>"), f"<{SHARED_GRAPH}>", common))
    if counts is not None:
        for _, _, shard in parts:
            if isinstance(shard, tuple):
                counts.part(shard, shard)
    graphs: dict[str, int] = {}
    parts.sort(key=lambda t: t[0])
    encoded = {graph: "".join(f"{line}\n" for line in shard).encode("utf-8")
               for _, graph, shard in parts if isinstance(shard, tuple)}
    if isinstance(handle, QuadsOutput):  # one file, or segments cut where the graphs say (qgraph.segments)
        handle.plan([graph[1:-1] for _, graph, _ in parts],
                    [len(encoded[graph]) if graph in encoded else os.path.getsize(shard.path)  # type: ignore[union-attr]
                     for _, graph, shard in parts])
    for i, (_, graph, shard) in enumerate(parts):
        if isinstance(handle, QuadsOutput):
            handle.graph(i)
        if isinstance(shard, tuple):
            data = encoded.pop(graph)
            key, n = "", len(shard)
        else:
            with open(shard.path, "rb") as src:
                data = src.read()
            key, n = Path(shard.path).stem, shard.triples
            if counts is not None:
                lines = data.decode("utf-8").split("\n")
                if lines and not lines[-1]:
                    lines.pop()
                counts.part(lines, shard.path)
        handle.write(data)
        graphs[graph[1:-1]] = n
        if layout is not None:
            layout.append((graph[1:-1], key, len(data), n))
        if digests is not None:
            digests.append(hashlib.sha256(data).hexdigest())
    return graphs


class QuadsOutput:
    """Where :func:`write_quads` writes a generation's N-Quads: one file, or, from
    :data:`qgraph.segments.SEGMENTED_FROM` bytes on (and ``segments``), a directory of segments cut
    where :func:`qgraph.segments.starts` says. Each file is written exclusively and synced."""

    def __init__(self, gen: NewGeneration, name: str, *, segments: bool = True) -> None:
        self.gen, self.name, self.allow = gen, name, segments
        self._stack = contextlib.ExitStack()
        self._handle: BinaryIO | None = None
        self._starts: dict[int, str] = {}

    def plan(self, iris: Sequence[str], sizes: Sequence[int]) -> None:
        from . import segments

        if self.allow and segments.segmented(sum(sizes)):
            at = segments.starts(iris, SHARED_GRAPH)
            self._starts = dict(zip(at, segments.names(len(at))))
            os.mkdir(self.gen.path(self.name))
        else:
            self._handle = self._stack.enter_context(self.gen.open(self.name, binary=True))

    def graph(self, i: int) -> None:
        name = self._starts.get(i)
        if name is not None:
            self._stack.close()
            self._handle = self._stack.enter_context(self.gen.open(f"{self.name}/{name}", binary=True))

    def write(self, data: bytes) -> None:
        assert self._handle is not None
        self._handle.write(data)

    def __enter__(self) -> QuadsOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is None and not self._starts:  # nothing planned (no graph): an empty file
            self.plan([], [])
        self._stack.__exit__(*exc)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the build's outputs

@dataclass
class Done:
    """A generation's graph made (``graph.nq`` at ``quads``, the store, validation), before the other files."""

    quads: Path
    total: int
    report: ValidationReport | None
    state: State
    stats: object | None
    """The VoID counts when known without sorting the union (an incremental build, or a full one
    counted as ``graph.nq`` was written), else None."""
    parts: list[str] | None = None
    """The SHA-256 of each graph's bytes in ``graph.nq``, in the order of ``state.graphs`` (the parts
    file of the manifest, :mod:`qgraph.generations`)."""
    pending: Future | None = None  # type: ignore[type-arg]
    """The store and validation still running in a thread (see :meth:`settle`)."""
    answers_from: Path | None = None
    """The previous generation, when its answers (:mod:`qgraph.answers`) hold for this one."""
    answers: AnswersInThread | None = None
    """The answers already being made on the store (a rebuild starts them when its store is final);
    None: :func:`_finish` makes them."""

    def settle(self) -> None:
        """Wait for the store and validation of a full build (they run while the exports are written)."""
        from .faults import checkpoint

        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.report, self.state.rows = pending.result()  # type: ignore[assignment]
            checkpoint("validate")


_QUADS_WORK = ".quads.nq"  # the union file when graph.nq is not an export (removed before the manifest)
_STORE_WORK = ".validate-store"  # the store for validation when no store is published


def publish_shards(
    shards: Sequence[ShardMeta],
    shared: Iterable[str],
    out_dir: Path,
    *,
    formats: Sequence[str],
    with_store: bool = True,
    validate: str | None = "sparql",
    jobs: int = 1,
    force: bool = False,
    notes: list[str] | None = None,
    timer: Callable[[str, float], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    env: dict[str, str] | None = None,
    incremental: bool = False,
    reuse: bool = True,
    explain: list[str] | None = None,
    early: EarlyStore | None = None,
    previous: State | str | None = None,
    shared_delta: tuple[list[str], list[str], str] | None = None,
) -> tuple[list[Path], ValidationReport | None, int]:
    """Write a build's outputs from its shards as one new generation of ``out_dir`` (see
    :func:`qgraph.store.publish`, which does the same from a graph in memory), validating on the way.

    In the new generation: the corpus's N-Quads (``graph.nq``) from the shards; the Oxigraph store
    bulk-loaded from that file (or ``early``'s); validation on the store (``validate="sparql"``) or with pySHACL over
    an rdflib copy (``"pyshacl"``, the reference; it holds the graph in memory); the union of the
    graphs sorted on disk once, streamed to Turtle, JSON-LD, N-Triples and counted for VoID (for
    VoID alone, counted as ``graph.nq`` is written); the
    build state (:mod:`qgraph.incremental`); then the manifest and the switch.

    With ``incremental`` (and ``env``, the environment key of the shards), a build whose previous
    generation has a usable build state starts from it (:func:`qgraph.incremental.update`): only the
    changed graphs are written, loaded and validated (not when ``reuse`` is false: the shards were all
    made again, ``--no-cache``); Turtle / JSON-LD / N-Triples, when asked for,
    are still sorted from the whole union. Why a build could not start from the previous one is
    appended to ``explain`` (one line). ``previous``: the state :func:`look_back` read before
    extraction, used if it is still the current generation's (else read again). Returns the paths
    written, the validation report and the number of quads.
    """
    from . import incremental as incr

    clock = StageClock(timer)
    fmts = list(dict.fromkeys(formats))
    unknown = [f for f in fmts if f not in rdfwrite.FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; expected {', '.join(rdfwrite.FORMATS)}")
    with new_generation(out_dir, force=force, notes=notes) as gen:
        prev = previous if reuse and isinstance(previous, incr.State) and previous.directory == gen.previous \
            else incr.previous_state(gen.previous, env=env if reuse else None, validate=validate, store=with_store,
                                     formats=fmts) if incremental else None
        if isinstance(prev, str):
            (explain if explain is not None else []).append(prev)
            prev = None
        if early is not None and (prev is not None or not threaded(validate, with_store)):
            early.discard()
            early = None
        if not isinstance(shared, (set, frozenset, Mapping, list, tuple)):
            shared = list(shared)
        done = None
        if prev is not None:
            try:
                done = incr.update(gen, prev, shards, shared, with_store=with_store, validate=validate, jobs=jobs,
                                   clock=clock, on_stage=on_stage, shared_delta=shared_delta)
            except incr.NotIncremental as exc:
                (explain if explain is not None else []).append(f"full rebuild: {exc}")
        if done is None:
            done = _full(gen, shards, shared, fmts, with_store=with_store, validate=validate, jobs=jobs, clock=clock,
                         on_stage=on_stage, early=early)
        try:
            written = _finish(gen, done, fmts, with_store=with_store, env=env, validate=validate, clock=clock,
                              on_stage=on_stage)
        finally:
            if done.pending is not None:  # stopped while the store was being written: let it close first
                with contextlib.suppress(BaseException):
                    done.pending.result()
    return written, done.report, done.total


def _full(gen: NewGeneration, shards: Sequence[ShardMeta], shared: Iterable[str], fmts: list[str], *,
          with_store: bool, validate: str | None, jobs: int, clock: StageClock,
          on_stage: Callable[[str], None] | None, early: EarlyStore | None = None) -> Done:
    """A generation made from the shards alone: ``graph.nq``, the store (``early``'s if given, which
    gets the shared graph and the ontology, then is moved into place and validated while ``graph.nq``
    is written), validation; VoID counted on the way when the union is not sorted for other exports."""
    from . import catalog
    from . import incremental as incr
    from .faults import checkpoint

    store_path = gen.path(STORE_DIR if with_store else _STORE_WORK)
    in_thread = threaded(validate, with_store)
    checked = validate == "sparql" and bool(shards) and all(s.valid is True for s in shards)
    pending = None
    if in_thread:
        # Oxigraph loads and validates without holding the GIL: in a thread, while this one sorts and writes
        from concurrent.futures import ThreadPoolExecutor

        if on_stage is not None and validate == "sparql":
            on_stage("validate")  # then "write", while it runs
    if early is not None:
        for shard in shards:  # (each was given as it arrived; any other now)
            early.add(shard.path)
        early.add_lines(shared)
        early.add_lines(ontology_lines())
        pool = ThreadPoolExecutor(max_workers=1)
        pending = pool.submit(_store_and_validate, Path(), store_path, 0, with_store=with_store,
                              validate=validate, timer=clock.timer, early=early, checked=checked)
        pool.shutdown(wait=False)
    layout: list[tuple[str, str, int, int]] = []
    digests: list[str] = []
    quads_name = output_name("nq") if "nq" in fmts else _QUADS_WORK
    counts = None if any(f in ("ttl", "jsonld", "nt") for f in fmts) else catalog.PartCounts(gen.directory)
    try:
        with QuadsOutput(gen, quads_name, segments=quads_name == output_name("nq")) as handle:
            graphs = write_quads(shards, shared, handle, layout=layout, counts=counts, digests=digests)
        clock("write nq")
        stats = counts.stats() if counts is not None else None
        if counts is not None:
            clock("void counts")
    except BaseException:
        if counts is not None:
            counts.close()
        if pending is not None:  # the store is being moved into the generation: let it finish first
            with contextlib.suppress(BaseException):
                pending.result()
        raise
    quads_path = gen.path(quads_name)
    total = sum(graphs.values())
    state = incr.State(env=None, validate=validate, store=with_store, graphs=layout, rows=None)
    if in_thread:
        if pending is None:
            pool = ThreadPoolExecutor(max_workers=1)
            pending = pool.submit(_store_and_validate, quads_path, store_path, total, with_store=with_store,
                                  validate=validate, timer=clock.timer, checked=checked)
            pool.shutdown(wait=False)
        return Done(quads_path, total, None, state, stats, parts=digests, pending=pending)
    report = None
    if validate == "pyshacl":
        if on_stage is not None:
            on_stage("validate")
        report = _pyshacl(quads_path, jobs)
        clock("validate")
    checkpoint("validate")
    return Done(quads_path, total, report, state, stats, parts=digests)


def _store_and_validate(quads_path: Path, store_path: Path, total: int, *, with_store: bool, validate: str | None,
                        timer: Callable[[str, float], None] | None, early: EarlyStore | None = None,
                        checked: bool = False) -> tuple[ValidationReport | None, object]:
    """The store bulk-loaded from ``graph.nq`` (or ``early``'s, moved into place) and validated
    there: the report and its rows. ``checked``: every document's worker found that the local
    shapes give it no row (:mod:`qgraph.shacl_local`): their constraints are not run on the store."""
    import pyoxigraph as ox

    from .shacl_delta import rows_as_text

    clock = StageClock(timer)
    report = rows = None
    if early is not None:
        early.move(store_path)
        if timer is not None:
            timer("store load", early.busy)
    store = ox.Store(str(store_path))
    if total:
        bulk_load(store, quads_path)
    store.flush()
    clock("store")
    if validate == "sparql":
        from .shacl_sparql import all_rows, qgraph_constraints, report_of_rows

        empty = frozenset()
        if checked:
            from .shacl_local import local_constraints

            empty = local_constraints(qgraph_constraints())
        results = all_rows(store, qgraph_constraints(), empty=empty)
        report = report_of_rows(qgraph_constraints(), results)
        rows = rows_as_text(results)
        clock("validate")
    del store  # closes RocksDB
    if not with_store:
        import shutil

        shutil.rmtree(store_path, ignore_errors=True)
    return report, rows


def _finish(gen: NewGeneration, done: Done, fmts: list[str], *, with_store: bool, env: dict[str, str] | None,
            validate: str | None, clock: StageClock, on_stage: Callable[[str], None] | None) -> list[Path]:
    """The exports other than ``graph.nq``, VoID, the build state, the manifest and the switch."""
    from . import catalog
    from . import incremental as incr
    from .faults import checkpoint
    from .shacl_sparql import qgraph_constraints

    if on_stage is not None:
        on_stage("write")
    quads_path = done.quads
    stats = done.stats
    union = [f for f in fmts if f in ("ttl", "jsonld", "nt")]
    work = gen.path(".union.tmp")
    if union:  # the union of the graphs, sorted once: written as triples (and counted for VoID)
        stats = catalog.Stats()
        with open(work, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as handle:
            for s, p, o in sorted_triples(read_rows(quads_path), gen.directory):
                stats.add(s, p, o)
                if union:
                    handle.write(f"{s}{_TERMS}{p}{_TERMS}{o}\n")
        clock("sort")
    stats.graphs = {g: n for g, _, _, n in done.state.graphs}
    for f in fmts:
        if f == "nq":
            continue
        with gen.open(output_name(f)) as out:
            if f == "trig":
                chunks = rdfwrite.write_quads(read_rows(quads_path), "trig")
            else:
                chunks = rdfwrite.write_triples(_read_triples(work), f)
            for chunk in _batched(chunks):
                out.write(chunk)
        clock(f"write {f}")
    work.unlink(missing_ok=True)
    done.settle()
    checkpoint("exports")
    answers = None
    if done.answers is not None:  # started by the rebuild as soon as its store was final
        answers = done.answers
    elif with_store:  # the answers of every row (selections, trademarks-gi), read by `qgraph query`: made in a
        # thread (the engine releases the GIL) while VoID and the build state are written
        from concurrent.futures import ThreadPoolExecutor

        from .answers import make_answers

        pool = ThreadPoolExecutor(1)
        answers = pool.submit(make_answers, gen.path(STORE_DIR), previous=done.answers_from)
        pool.shutdown(wait=False)  # (the task runs on; its result is waited for below)
    from .segments import size as nq_size

    sizes = {output_name(f): nq_size(gen.path(output_name(f))) for f in fmts}
    files = {VOID_FILE: catalog.void_turtle(b"", distributions=sizes, stats=stats)}
    parts = {}
    if "nq" in fmts and done.parts is not None and len(done.parts) == len(done.state.graphs):
        # graph.nq hashed graph by graph as it was planned or written, never read back whole
        from .generations import PARTS_SUFFIX, parts_bytes

        name = output_name("nq")
        parts[name] = name + PARTS_SUFFIX
        files[parts[name]] = parts_bytes((iri, size, sha) for (iri, _, size, _), sha in zip(done.state.graphs, done.parts))
    if "nq" in fmts:  # the next build can start from this one
        state = done.state
        state.env, state.stats = env, incr.stats_dict(stats)
        state.constraints = incr.constraints_hash(qgraph_constraints()) if state.rows is not None else ""
        files[incr.STATE_FILE] = state.dump()
    if quads_path.name == _QUADS_WORK:
        quads_path.unlink()
    if answers is not None:
        clock("void")
        files.update(answers.result())
        clock("answers" if done.answers_from is None else "answers reused")  # (the wait for them)
    gen.write(files, stage="void")
    clock("void")
    checkpoint("store")
    written = gen.commit(exports={f: output_name(f) for f in fmts}, void=VOID_FILE,
                         store=STORE_DIR if with_store else None, quads=done.total, parts=parts)
    clock("manifest")
    return written


BLOCK = 32 << 20
"""Bytes of N-Quads handed to Oxigraph's bulk loader at a time: given a whole file it holds it all
in memory (about 1 GB for 950,000 quads); by blocks it stays near 200 MB, in the same time."""

def threaded(validate: str | None, with_store: bool) -> bool:
    """Whether a build has a store to load with Oxigraph (published, or for SPARQL validation),
    which then loads and validates in a thread (and, in a full build, during extraction)."""
    return validate != "pyshacl" and (with_store or validate == "sparql")


def look_back(out_dir: Path, *, env: dict[str, str] | None, validate: str | None, with_store: bool,
              formats: Sequence[str], incremental: bool) -> State | str | None:
    """The build state of ``out_dir``'s current generation if a build with these options can start
    from it, else one line saying why not (None: no previous build, or not ``incremental``); read
    once before extraction and given to :func:`publish_shards` (``previous``)."""
    from . import incremental as incr
    from .generation_writer import _current_dir

    if not incremental:
        return None
    return incr.previous_state(_current_dir(Path(out_dir)), env=env, validate=validate, store=with_store,
                               formats=list(dict.fromkeys(formats)))


def overlaps(previous: State | str | None, *, validate: str | None, with_store: bool) -> bool:
    """Whether a build with ``previous`` (:func:`look_back`) and these options will be a full one with
    a store or SPARQL validation, so that its store can be loaded from the shards while they are made
    (:class:`EarlyStore`)."""
    from . import incremental as incr

    return threaded(validate, with_store) and not isinstance(previous, incr.State)


NICE = 10
"""How much lower the early store's loader runs than the build (and its threads, which inherit it)
during extraction: it takes the CPU the workers leave. When extraction ends (:meth:`EarlyStore.extracted`)
the rest is loaded by threads at the build's own priority: the loader is then what the build waits
for, and on a machine shared with other work a thread 10 levels down got almost no CPU (measured
at 10,000 documents, load 11–14: 1,453 s of waiting for the store after ``graph.nq`` was written)."""
_HANDOFF = "\0handoff"  # a queue item: the niced loader stops, the build-priority one carries on


class EarlyStore:
    """The store of a full build, bulk-loaded in a thread from the shard files as extraction makes
    them (Oxigraph does not hold the GIL): :meth:`add` a shard's path as it arrives, :meth:`add_lines`
    the shared graph and the ontology once resolved, :meth:`finish` to wait for the last block and
    close it. The files are read and handed to the loader ``block`` bytes at a time (whole files).
    Once extraction is over (:meth:`extracted`) ``loaders`` threads load what is left side by side
    (each block is one bulk load of its own, so they share the cores the workers left). The store
    lies among the generations (``directory``, the build directory's ``.generations``),
    locked as a reader locks a generation so that no build removes it, until :func:`publish_shards`
    moves it into the new one; :meth:`discard` removes it if the build stops first, and the next
    build if this one was killed. The quads are those of ``graph.nq``:
    the same shards, shared graph and ontology, in another order (a store has none)."""

    def __init__(self, directory: Path, *, block: int = BLOCK, loaders: int = 2) -> None:
        import fcntl
        import queue
        import tempfile
        import threading

        import pyoxigraph as ox

        self.path = Path(tempfile.mkdtemp(dir=directory, prefix=".store-", suffix=".tmp"))
        self._lock: int | None = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(self._lock, fcntl.LOCK_SH)
        self.block = block
        self.after = max(1, loaders)
        """How many threads load once extraction is over."""
        self.fed: set[str] = set()
        self.busy = 0.0
        """Seconds the threads spent reading and loading (summed over the threads)."""
        self.error: BaseException | None = None
        self._queue: queue.SimpleQueue[str | bytes | None] = queue.SimpleQueue()
        self._stop = False
        self._handoff = False
        self._carry: list[str | bytes] = []  # what the niced loader took but left to its successors
        self._pending: list[bytes] = []  # the niced loader's block in hand, finished by a successor
        self._mutex = threading.Lock()
        self._running = 1
        self.loaders: list[int] = []
        """The nice value of each loading thread, in order (the niced one, then those at the build's priority)."""
        self._store: object | None = ox.Store(str(self.path))
        self._threads = [threading.Thread(target=self._run, args=(True,), name="qgraph-early-store", daemon=True)]
        self._threads[0].start()

    def add(self, path: str) -> None:
        """Load this shard file (once: a path given again is skipped)."""
        if path not in self.fed:
            self.fed.add(path)
            self._queue.put(path)

    def add_lines(self, lines: Iterable[str]) -> None:
        """Load these N-Quads lines (without their newlines)."""
        self._queue.put("".join(f"{line}\n" for line in lines).encode("utf-8"))

    def extracted(self) -> None:
        """Extraction is over: the shards still queued are loaded by :attr:`after` new threads at the
        build's priority (the caller's: a thread cannot raise its own priority back without
        privileges), once the niced loader has finished the block in hand. Call it from the build's
        main thread."""
        import threading

        if self._handoff or self._stop:
            return
        with self._mutex:  # counted before the niced loader can see the handoff and stop
            self._running += self.after
        self._handoff = True
        self._queue.put(_HANDOFF)
        niced = self._threads[0]
        fresh = [threading.Thread(target=self._run, args=(False, niced, i == 0), name=f"qgraph-store-load-{i}",
                                  daemon=True) for i in range(self.after)]
        self._threads += fresh
        for thread in fresh:
            thread.start()

    def _next(self) -> str | bytes | None:
        try:
            return self._carry.pop(0)
        except IndexError:
            return self._queue.get()

    def _run(self, niced: bool, before: object | None = None, heir: bool = False) -> None:
        import threading
        import time

        import pyoxigraph as ox

        if before is not None:
            before.join()  # type: ignore[attr-defined]
        pending: list[bytes] = self._pending if niced or heir else []
        size = [sum(len(b) for b in pending)]
        tid = threading.get_native_id()
        if niced:
            with contextlib.suppress(OSError, AttributeError):  # below the extraction workers (Linux: per thread)
                os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, 0) + NICE))
        with contextlib.suppress(OSError, AttributeError):
            self.loaders.append(os.getpriority(os.PRIO_PROCESS, tid))

        def load() -> None:
            if pending:
                start = time.perf_counter()
                self._store.bulk_load(b"".join(pending), format=ox.RdfFormat.N_QUADS, lenient=True)  # type: ignore[union-attr]
                with self._mutex:
                    self.busy += time.perf_counter() - start
                pending.clear()
                size[0] = 0

        handed = False
        try:
            if before is not None and (self.error is not None or self._stop or self._store is None):
                return  # stopped (discard) or failed: nothing to carry on
            while True:
                item = self._next()
                if item is None or self._stop:
                    self._queue.put(None)  # (for the other loaders)
                    break
                if item == _HANDOFF:
                    if niced:
                        handed = True
                        break
                    continue
                if niced and self._handoff:  # the successors load it, at the build's priority
                    self._carry.append(item)
                    handed = True
                    break
                if isinstance(item, str):
                    start = time.perf_counter()
                    with open(item, "rb") as handle:
                        data = handle.read()
                    with self._mutex:
                        self.busy += time.perf_counter() - start
                else:
                    data = item
                if data and not data.endswith(b"\n"):
                    data += b"\n"
                pending.append(data)
                size[0] += len(data)
                if size[0] >= self.block:
                    load()
            if not self._stop and not handed:
                load()
        except BaseException as exc:  # noqa: BLE001 - raised again by finish()
            self.error = exc
            self._stop = True
            self._queue.put(None)
        finally:
            with self._mutex:
                self._running -= 1
                last = self._running == 0
            if last:
                try:
                    if self.error is None and not self._stop and self._store is not None:
                        self._store.flush()  # type: ignore[attr-defined]
                except BaseException as exc:  # noqa: BLE001 - raised again by finish()
                    self.error = exc
                finally:
                    self._store = None  # closes RocksDB

    def _join(self) -> None:
        self._queue.put(None)
        for thread in list(self._threads):
            thread.join()

    def move(self, target: Path) -> None:
        """Wait until every path and line given is loaded and the store closed, then move it to ``target``.

        :raises BaseException: what stopped the loading."""
        self._join()
        if self.error is not None:
            raise self.error
        os.rename(self.path, target)
        self._unlock()

    def discard(self) -> None:
        """Stop loading (after the blocks in hand) and remove the store, if it was not moved."""
        import shutil

        self._stop = True
        self._join()
        if self._lock is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self._unlock()

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def bulk_load(store: object, path: Path, *, block: int = BLOCK) -> None:
    """Bulk-load an N-Quads file (or a directory of segments, :mod:`qgraph.segments`) into a
    pyoxigraph store, ``block`` bytes (whole lines) at a time."""
    import pyoxigraph as ox

    from .segments import read_chunks

    rest = b""
    for data in read_chunks(path, block):
        data = rest + data
        cut = data.rfind(b"\n") + 1
        data, rest = data[:cut], data[cut:]
        if data:
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)  # type: ignore[attr-defined]
    if rest:
        store.bulk_load(rest, format=ox.RdfFormat.N_QUADS, lenient=True)  # type: ignore[attr-defined]


def _pyshacl(quads_path: Path, jobs: int) -> ValidationReport:
    """The reference engine: pySHACL over an rdflib copy of the whole graph (it needs one)."""
    import pyoxigraph as ox

    from .rdfio import to_rdflib
    from .validate import validate_dataset

    from .segments import files

    ds = to_rdflib(q for part in files(quads_path) for q in ox.parse(path=str(part), format=ox.RdfFormat.N_QUADS))
    return validate_dataset(ds, jobs=jobs)

