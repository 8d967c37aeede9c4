"""The incremental union: a build that starts from the previous generation and touches only what changed.

Every full build leaves, beside its outputs, a *build state* (``build-state.json``): the graphs of
``graph.nq`` in file order with the document key and byte length of each, the validation rows of
every compiled constraint, and the VoID counts. The next build (same environment key, same options,
the previous generation whole) then makes its generation from the previous one
(:func:`update`):

- ``graph.nq``: the graphs in their order, unchanged ones copied as byte ranges of the previous
  file, new and changed ones from their shards, the shared graph written again: planned first
  (:func:`plan_splice`), then written and synced in a thread while the store and validation run
  (:mod:`qgraph.planned_write`); the manifest lists it by the SHA-256 of each graph's bytes, the
  unchanged graphs' taken from the previous generation's parts file, so the file is not read
  back to be hashed (:mod:`qgraph.generations`);
- the store: a checkpoint of the previous store (RocksDB hard links; the previous generation is
  opened read-only and stays as it was), the graphs of changed and removed documents dropped,
  the new graphs bulk-loaded, the shared graph's difference applied;
- validation: the constraints run on the focus nodes the changed quads can affect
  (:mod:`qgraph.shacl_delta`), the previous rows kept for every other node;
- VoID: the counts of the previous build corrected by the changed triples, each looked up in the
  store before and after the change.

The result is the same bytes as a full build of the same corpus (``tests/test_incremental.py``).
When that cannot be had, :func:`previous_state` says why in one line and the build is a full one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import segments
from .planned_write import Piece, range_sha256
from .shards import ShardMeta, shard_key

STATE_FILE = "build-state.json"
STATE_VERSION = 1
MOST = 0.5
"""When more than this share of the previous graphs changed, a full build is cheaper."""


@dataclass
class State:
    """The build state of a generation (see the module's description)."""

    env: dict[str, str] | None
    validate: str | None
    store: bool
    graphs: list[tuple[str, str, int, int]]
    """``(graph IRI, document key or "", bytes in graph.nq, statements)`` in file order."""
    rows: list[list[tuple[str, str | None]]] | None = None
    """Per compiled constraint: its ``(focus, value)`` rows as N-Triples terms (None: not validated)."""
    constraints: str = ""
    """A hash of the compiled constraints' queries the rows come from."""
    stats: dict[str, Any] = field(default_factory=dict)
    directory: Path | None = None

    def dump(self) -> bytes:
        data = {"state": STATE_VERSION, "qgraph_version": __import__("qgraph").__version__, "env": self.env,
                "validate": self.validate, "store": self.store, "graphs": self.graphs, "constraints": self.constraints,
                "rows": self.rows, "stats": self.stats}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n"


def stats_dict(stats: Any) -> dict[str, Any]:
    """A :class:`qgraph.catalog.Stats` as JSON (its graphs are in the state's graph list)."""
    return {"triples": stats.triples, "subjects": stats.subjects, "predicates": sorted(stats.predicates),
            "classes": dict(sorted(stats.classes.items())), "documents": sorted(stats.documents)}


def stats_of(data: dict[str, Any], graphs: Iterable[tuple[str, str, int, int]]) -> Any:
    from .catalog import Stats

    stats = Stats()
    stats.triples, stats.subjects = data["triples"], data["subjects"]
    stats.predicates = set(data["predicates"])
    stats.classes = dict(data["classes"])
    stats.documents = list(data["documents"])
    stats.graphs = {g: n for g, _, _, n in graphs}
    return stats


def constraints_hash(compiled: Sequence[Any]) -> str:
    return hashlib.sha256("\n".join(c.query for c in compiled).encode()).hexdigest()[:16]


def previous_state(previous: Path | None, *, env: dict[str, str] | None, validate: str | None, store: bool,
                   formats: Sequence[str]) -> State | str | None:
    """The state of the ``previous`` generation if this build can start from it, else one line saying
    why not (None when there is no previous build: nothing to say)."""
    if previous is None:
        return None
    if env is None:
        return "full rebuild: --no-cache (the cache is off)"
    try:
        data = json.loads((previous / STATE_FILE).read_text("utf-8"))
    except FileNotFoundError:
        return "full rebuild: the previous build has no build state (made by an older qgraph, or without graph.nq)"
    except (OSError, ValueError) as exc:
        return f"full rebuild: the previous build state cannot be read ({exc})"
    if not isinstance(data, dict) or data.get("state") != STATE_VERSION:
        return "full rebuild: the previous build state has another format"
    if data.get("qgraph_version") != __import__("qgraph").__version__:
        return f"full rebuild: the previous build was made by qgraph {data.get('qgraph_version')}"
    old_env = data.get("env") or {}
    changed = [part for part in env if old_env.get(part) != env[part]]
    if changed:
        return f"full rebuild: {', '.join(changed)} changed"
    if data.get("validate") != validate or bool(data.get("store")) != store:
        return "full rebuild: the previous build was made with other options (validation or store)"
    if validate not in (None, "sparql"):
        return f"full rebuild: validation with {validate} is not incremental"
    if "nq" not in formats:
        return "full rebuild: incremental builds need graph.nq among the formats"
    graphs = [tuple(g) for g in data.get("graphs") or []]
    try:
        size = segments.size(previous / "graph.nq")
        if not (previous / "graph.nq").exists():
            raise OSError
    except OSError:
        return "full rebuild: the previous build's graph.nq is missing"
    if size != sum(g[2] for g in graphs) or locations(previous, graphs) is None:  # type: ignore[misc,arg-type]
        return "full rebuild: the previous build's graph.nq does not match its build state"
    if not (previous / "store").is_dir():
        return "full rebuild: the previous build has no store (incremental builds start from it)"
    return State(env=old_env, validate=validate, store=store, graphs=graphs, rows=data.get("rows"),  # type: ignore[arg-type]
                 constraints=data.get("constraints", ""), stats=data.get("stats") or {}, directory=previous)


# --------------------------------------------------------------------------- the update


@dataclass
class Delta:
    """What changed between the previous build and this one, as N-Quads lines."""

    removed: list[str]
    added: list[str]
    graphs_removed: list[str]
    """Graph IRIs (``<…>``) dropped from the store: removed and changed documents."""
    new_shards: list[ShardMeta]


def locations(directory: Path, graphs: Sequence[tuple[str, str, int, int]],
              ) -> dict[str, tuple[Path, int, int]] | None:
    """Graph IRI → ``(file, offset, length)`` of its bytes in the ``graph.nq`` of the generation
    ``directory`` whose build state lists ``graphs``: one file, or its segments (cut again from the
    graph list, :func:`qgraph.segments.starts`); None when the segments on disk are not those."""
    from .mapping import SHARED_GRAPH

    path = directory / "graph.nq"
    out: dict[str, tuple[Path, int, int]] = {}
    if not segments.is_segmented(path):
        offset = 0
        for iri, _, size, _ in graphs:
            out[iri] = (path, offset, size)
            offset += size
        return out
    at = segments.starts([g[0] for g in graphs], SHARED_GRAPH)
    names = segments.names(len(at))
    try:
        if [(f.name, n) for f, n in segments.layout(path)] != [
                (name, sum(g[2] for g in graphs[a:b])) for name, a, b in zip(names, at, [*at[1:], len(graphs)])]:
            return None
    except OSError:
        return None
    for name, a, b in zip(names, at, [*at[1:], len(graphs)]):
        offset = 0
        segment = path / name  # one path per segment (a path per graph: 20,000 joins at 10,000 documents)
        for iri, _, size, _ in graphs[a:b]:
            out[iri] = (segment, offset, size)
            offset += size
    return out


def read_range(src: Path, offset: int, length: int) -> list[str]:
    with open(src, "rb") as f:
        f.seek(offset)
        data = f.read(length)
    return data.decode("utf-8").splitlines()


def previous_parts(prev: State) -> dict[str, str]:
    """Graph IRI → SHA-256 of its bytes in the previous ``graph.nq`` (see
    :func:`qgraph.generations.listed_parts`; empty when they cannot be trusted)."""
    from .generations import listed_parts

    assert prev.directory is not None
    return listed_parts(prev.directory, "graph.nq", [(iri, size) for iri, _, size, _ in prev.graphs])


def plan_splice(prev: State, shards: Sequence[ShardMeta], shared: Iterable[str], shared_graph: str,
                old_parts: dict[str, str] | None = None,
                shared_delta: tuple[list[str], list[str], str] | None = None) -> tuple[list[tuple[str, str, int, int]], Delta, list[tuple[str, list[Piece]]], list[str]]:
    """The new ``graph.nq`` planned from the previous one, the shards and ``shared`` (the shared
    graph's distinct lines): the new graph list, the delta, the files to write — ``graph.nq``, or
    its segments ``graph.nq/NAME`` (:mod:`qgraph.segments`) — each as pieces: byte ranges
    ``(file, offset, length)`` of the previous file or segments and new bytes, in order (written by
    :class:`qgraph.planned_write.PlannedFiles`; a piece that is a whole previous segment is a hard
    link) — and the SHA-256 of each graph's bytes: a kept graph's from ``old_parts`` (the previous
    parts file, :func:`previous_parts`; a graph missing there is hashed from the previous file), a
    new one's from its bytes. The new file is never read back to hash it.

    ``shared_delta``: the shared lines that came and went since the shared graph whose bytes have
    the SHA-256 given (:meth:`qgraph.corpus_table.KeptTable.shared_delta`); when that is the
    previous one, those lines are spliced into its bytes (:func:`qgraph.union.splice_shared`)
    instead of merging every line of ``shared`` with every line read back."""
    from .rdfwrite import graph_key
    from .union import merge_shared

    assert prev.directory is not None
    where = locations(prev.directory, prev.graphs)
    if where is None:
        raise OSError("the previous graph.nq is not as its build state says")
    old: dict[str, tuple[str, int]] = {iri: (key, n) for iri, key, _, n in prev.graphs}
    new = {s.graph[1:-1]: s for s in shards}
    new_keys = {iri: shard_key(s.path) for iri, s in new.items()}  # once per shard (10,000 in a rebuild)
    old_shared = where.get(shared_graph)
    known = old_parts or {}
    spliced = _spliced(prev, shared, shared_graph, old_shared, known, shared_delta)
    if spliced is not None:
        shared_data, gone_lines, came_lines, shared_n = spliced
    else:
        before = read_range(*old_shared) if old_shared else []
        merged: tuple[list[str], list[str]] = ([], [])
        lines = merge_shared(before, shared, merged)
        gone_lines, came_lines, shared_n = merged[0], merged[1], len(lines)
        shared_data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""  # one join: no string per line
    parts: list[tuple[str, str]] = [(graph_key(f"<{iri}>"), iri) for iri in new]
    for iri, (key, _) in old.items():
        if not key and iri != shared_graph:  # the ontology: the environment key says it did not change
            parts.append((graph_key(f"<{iri}>"), iri))
    if shared_n:
        parts.append((graph_key(f"<{shared_graph}>"), shared_graph))
    parts.sort()
    removed: list[str] = []
    added: list[str] = []
    dropped: list[str] = []
    fresh: list[ShardMeta] = []
    for iri, (key, _) in old.items():
        if iri == shared_graph or not key:
            continue
        if new_keys.get(iri) != key:
            removed.extend(read_range(*where[iri]))
            dropped.append(f"<{iri}>")
    graphs: list[tuple[str, str, int, int]] = []
    items: list[Piece] = []  # one per graph
    digests: list[str] = []
    for _, iri in parts:
        if iri == shared_graph:
            data = shared_data
            sha = hashlib.sha256(data).hexdigest()
            if old_shared and old_shared[2] == len(data) and known.get(iri) == sha:
                items.append(old_shared)  # the same bytes as before: copied (or linked) with the rest
            else:
                items.append(data)
            graphs.append((iri, "", len(data), shared_n))
            digests.append(sha)
            continue
        meta = new.get(iri)
        entry = old.get(iri)
        if meta is None or (entry is not None and entry[0] == new_keys[iri]):
            assert entry is not None
            key, n = entry
            span = where[iri]
            items.append(span)
            graphs.append((iri, key, span[2], n))
            digests.append(known.get(iri) or range_sha256(*span))
            continue
        with open(meta.path, "rb") as f:
            data = f.read()
        items.append(data)
        added.extend(data.decode("utf-8").splitlines())
        fresh.append(meta)
        graphs.append((iri, new_keys[iri], len(data), meta.triples))
        digests.append(hashlib.sha256(data).hexdigest())
    removed.extend(gone_lines)
    added.extend(came_lines)
    if segments.segmented(sum(g[2] for g in graphs)):
        at = segments.starts([g[0] for g in graphs], shared_graph)
        ends = [*at[1:], len(graphs)]
        plan = [(f"graph.nq/{name}", _joined(items[a:b])) for name, a, b in zip(segments.names(len(at)), at, ends)]
    else:
        plan = [("graph.nq", _joined(items))]
    return graphs, Delta(removed, added, dropped, fresh), plan, digests


def _spliced(prev: State, shared: Iterable[str], shared_graph: str, old_shared: tuple[Path, int, int] | None,
             known: dict[str, str], shared_delta: tuple[list[str], list[str], str] | None,
             ) -> tuple[bytes, list[str], list[str], int] | None:
    """The shared graph's new bytes, lines gone and came, and line count, spliced from the previous
    bytes and ``shared_delta`` when that delta is of them (the SHA-256 it names is the previous
    shared graph's in the parts file, the counts add up, the lines that came are in ``shared`` and
    those gone are not, each found where the bytes say); else None (merged line by line)."""
    from .union import splice_shared

    if shared_delta is None or old_shared is None or not isinstance(shared, Mapping):
        return None
    came, gone, base = shared_delta
    if known.get(shared_graph) != base:
        return None
    before_n = next((n for iri, _, _, n in prev.graphs if iri == shared_graph), None)
    if before_n is None or before_n - len(gone) + len(came) != len(shared) or not shared:
        return None
    if any(line not in shared for line in came) or any(line in shared for line in gone):
        return None
    path, offset, length = old_shared
    with open(path, "rb") as f:
        f.seek(offset)
        data = f.read(length)
    if len(data) != length:
        return None
    done = splice_shared(data, came, gone)
    if done is None:
        return None
    return done[0], done[1], done[2], len(shared)


def _joined(items: Sequence[Piece]) -> list[Piece]:
    """``items`` with the byte ranges that follow each other in one file joined."""
    pieces: list[Piece] = []
    for item in items:
        if isinstance(item, bytes):
            pieces.append(item)
        else:
            _extend(pieces, item)  # type: ignore[arg-type]
    return pieces


def _extend(pieces: list[Piece], span: tuple[Path, int, int]) -> None:
    """Append a byte range of a previous file to ``pieces``, joined to the last one if it follows it."""
    last = pieces[-1] if pieces else None
    if isinstance(last, tuple) and len(last) == 3 and last[0] == span[0] and last[1] + last[2] == span[1]:
        pieces[-1] = (last[0], last[1], last[2] + span[2])
    else:
        pieces.append(span)


def apply(store: Any, delta: Delta, shared_graph: str) -> None:
    """Drop the changed documents' graphs, remove the shared lines no document needs any more, load the rest."""
    import pyoxigraph as ox

    for g in delta.graphs_removed:
        store.remove_graph(ox.NamedNode(g[1:-1]))
    gone = [line for line in delta.removed if line.endswith(f" <{shared_graph}> .")]
    if gone:
        for q in ox.parse("".join(f"{line}\n" for line in gone).encode(), format=ox.RdfFormat.N_QUADS):
            store.remove(q)
    if delta.added:
        store.bulk_load("".join(f"{line}\n" for line in delta.added).encode(), format=ox.RdfFormat.N_QUADS, lenient=True)


def parse_triples(lines: Iterable[str]) -> dict[tuple[str, str, str], Any]:
    """The distinct triples of N-Quads ``lines`` (as N-Triples terms) with one pyoxigraph quad of each."""
    import pyoxigraph as ox

    return {(str(q.subject), str(q.predicate), str(q.object)): q for q in
            ox.parse("".join(f"{line}\n" for line in lines).encode(), format=ox.RdfFormat.N_QUADS, lenient=True)}


def membership(store: Any, lines: Iterable[str] | dict[tuple[str, str, str], Any],
               sure: Iterable[tuple[str, str, str]] = (),
               ) -> tuple[set[tuple[str, str, str]], set[str], set[str]]:
    """Of the triples of ``lines`` (or of :func:`parse_triples` of them): those in the store's union,
    their subjects and predicates found in it. ``sure``: triples known to be in the store (not looked
    up, nor their subjects and predicates); a triple whose subject is not in the store is not either."""
    triples = lines if isinstance(lines, dict) else parse_triples(lines)
    present = {t for t in sure if t in triples}
    subj = {s for s, _, _ in present}
    pred = {p for _, p, _ in present}
    subjects: dict[str, Any] = {}
    predicates: dict[str, Any] = {}
    for (s, p, _), q in triples.items():
        if s not in subj:
            subjects[s] = q.subject
        if p not in pred:
            predicates[p] = q.predicate
    subj.update(s for s, t in subjects.items() if next(iter(store.quads_for_pattern(t, None, None, None)), None))
    pred.update(p for p, t in predicates.items() if next(iter(store.quads_for_pattern(None, t, None, None)), None))
    for t, q in triples.items():
        if t[0] in subj and t not in present \
                and next(iter(store.quads_for_pattern(q.subject, q.predicate, q.object, None)), None):
            present.add(t)
    return present, subj, pred


def update_stats(stats: Any, before: tuple[set, set, set], after: tuple[set, set, set]) -> None:
    """Correct the VoID counts by the triples, subjects and predicates that came or went."""
    from .catalog import _RDF_TYPE, _SOURCE_DOCUMENT

    (t0, s0, p0), (t1, s1, p1) = before, after
    stats.triples += len(t1 - t0) - len(t0 - t1)
    stats.subjects += len(s1 - s0) - len(s0 - s1)
    stats.predicates = (stats.predicates - (p0 - p1)) | (p1 - p0)
    docs = set(stats.documents)
    for sign, triples in ((1, t1 - t0), (-1, t0 - t1)):
        for s, p, o in triples:
            if p == _RDF_TYPE and o.startswith("<"):
                stats.classes[o[1:-1]] = stats.classes.get(o[1:-1], 0) + sign
                if not stats.classes[o[1:-1]]:
                    del stats.classes[o[1:-1]]
                if o == _SOURCE_DOCUMENT and s.startswith("<"):
                    (docs.add if sign > 0 else docs.discard)(s[1:-1])
    stats.documents = sorted(docs)


def remove_tree(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)


class NotIncremental(Exception):
    """This build cannot start from the previous generation (the message says why; a full build follows)."""


def update(gen: Any, prev: State, shards: Sequence[ShardMeta], shared: Iterable[str], *, with_store: bool,
           validate: str | None, jobs: int, clock: Any, on_stage: Any = None,
           shared_delta: tuple[list[str], list[str], str] | None = None) -> Any:
    """Make ``gen``'s graph, store and validation from the previous generation ``prev`` and the
    shards that changed (see the module's description); returns a :class:`qgraph.union.Done`.

    :raises NotIncremental: too much changed, or the previous store cannot be copied; nothing of
        this attempt is left in ``gen``.
    """
    import pyoxigraph as ox

    from .faults import checkpoint
    from .mapping import SHARED_GRAPH
    from .generation_writer import _mode
    from .planned_write import PlannedFiles
    from .union import Done

    old_keys = {iri: key for iri, key, _, _ in prev.graphs if key}
    new_iris = {s.graph[1:-1] for s in shards}
    changed = sum(1 for s in shards if old_keys.get(s.graph[1:-1]) != shard_key(s.path)) + len(old_keys.keys() - new_iris)
    if changed > MOST * max(len(old_keys), 1):
        raise NotIncremental(f"{changed} of {len(old_keys)} documents changed")
    assert prev.directory is not None
    store_path = gen.path("store" if with_store else ".validate-store")
    nq_path = gen.path("graph.nq")
    store = planned = earlier = answers = None
    try:
        earlier = ox.Store.read_only(str(prev.directory / "store"))
        earlier.backup(str(store_path))
        store = ox.Store(str(store_path))
        clock("store checkpoint")
        graphs, delta, plan, digests = plan_splice(prev, shards, shared, SHARED_GRAPH, previous_parts(prev),
                                                   shared_delta=shared_delta)
        # written and synced in a thread while the store changes and is validated (no GIL held)
        source = prev.directory / "graph.nq"
        planned = PlannedFiles([(gen.path(name), pieces) for name, pieces in plan],
                               mode=0o644 if segments.is_segmented(source) else _mode(source, 0o644),
                               directory=nq_path if plan and plan[0][0] != "graph.nq" else None)
        clock("plan nq")
        lines = delta.removed + delta.added
        gone, came = parse_triples(delta.removed), parse_triples(delta.added)
        triples = {**gone, **came}
        # what was removed was in the previous store, what was added is in the new one: not looked up
        before = membership(store, triples, sure=gone)
        apply(store, delta, SHARED_GRAPH)
        after = membership(store, triples, sure=came)
        store.flush()
        # closed and opened again read-only: the compactions RocksDB starts after the load (the full
        # build's pending ones: tens of MB at 1,000 documents) stop here instead of running, and
        # writing files the manifest hashes, while the store is validated and answered
        del store
        store = ox.Store.read_only(str(store_path))
        clock("store")
        answers_from = None
        if with_store:  # the previous answers hold when no statement they read came or went
            from .answers import unchanged_by

            moved = {triples[t].subject for t in triples if (t in before[0]) != (t in after[0])}
            if unchanged_by((earlier, store), moved):
                answers_from = prev.directory
            clock("answers check")
            from .answers import AnswersInThread

            answers = AnswersInThread(store_path, store, previous=answers_from)  # while the rest is made
        earlier = None
        stats = stats_of(prev.stats, graphs)
        update_stats(stats, before, after)
        clock("void counts")
        report, rows = None, None
        if validate == "sparql":
            if on_stage is not None:
                on_stage("validate")
            report, rows = _validate(store, prev, lines, jobs, checked=bool(shards) and all(s.valid is True for s in shards))
            clock("validate")
        checkpoint("validate")
        if planned is not None:
            planned.wait()
            clock("write nq")
    except (OSError, ValueError, SyntaxError) as exc:
        del store
        earlier = None
        if answers is not None:
            answers.join()  # the thread lets the store go before it is removed
        if planned is not None:
            with contextlib.suppress(OSError):
                planned.wait()  # the writer stops before its file is removed
        remove_tree(store_path)
        remove_tree(nq_path)
        raise NotIncremental(f"the previous build cannot be reused ({exc})") from None
    del store  # closes RocksDB (once the answers' thread is done with it, see Done.answers)
    if not with_store:
        remove_tree(store_path)
    state = State(env=None, validate=validate, store=with_store, graphs=graphs, rows=rows)
    assert planned is not None
    return Done(nq_path, sum(g[3] for g in graphs), report, state, stats, parts=digests, answers_from=answers_from,
                answers=answers)


_warming: list[threading.Thread] = []


def warm_validation() -> None:
    """Compile qgraph's shapes and their local tests (each once per process) in a thread, so that a
    rebuild's validation finds them made: while the documents are extracted, the build process
    mostly waits for its workers (1.3 + 0.8 s measured at the start of the validation, loaded)."""
    def run() -> None:
        from .shacl_local import qgraph_local
        from .shacl_sparql import qgraph_constraints

        with contextlib.suppress(Exception):  # (made again, and the error raised, where it is needed)
            qgraph_constraints()
            qgraph_local()

    if not _warming:
        _warming.append(threading.Thread(target=run, name="qgraph-shapes", daemon=True))
        _warming[0].start()


def _validate(store: Any, prev: State, lines: list[str], jobs: int, *, checked: bool = False) -> tuple[Any, Any]:
    """The report and rows of the store after the change ``lines``. ``checked``: every document's
    worker found that the local shapes give it no row (:mod:`qgraph.shacl_local`): their
    constraints are not run, their rows are empty."""
    for thread in _warming:
        thread.join()
    from .shacl_delta import reach, revalidate, rows_as_terms, rows_as_text
    from .shacl_sparql import all_rows, qgraph_constraints, report_of_rows

    compiled = qgraph_constraints()
    empty: frozenset[int] = frozenset()
    if checked:
        from .shacl_local import local_constraints

        empty = local_constraints(compiled)
    rows = None
    if prev.rows is not None and prev.constraints == constraints_hash(compiled) and compiled:
        rows = revalidate(store, compiled, prev.rows, lines, reach(compiled[0].shapes), jobs=jobs, empty=empty)
    if rows is None:
        rows = rows_as_text(all_rows(store, compiled, empty=empty))
    return report_of_rows(compiled, rows_as_terms(rows)), rows
