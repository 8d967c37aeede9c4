"""The corpus-wide entity table kept between builds (``out/.cache/table.sqlite``).

The ``resolve`` stage needs, over the whole corpus, the distinct lines of the shared graph and
every minted (IRI, key) pair (no IRI may stand for two keys). Without a kept table, a rebuild
reads every unchanged document's shard record again to make them (about 0.5 ms a document: 6 s of
a 10-document rebuild at 10,000 documents). The kept table holds, at the end of a build:

- for each document key, its shard's record without its lists (:class:`~qgraph.shards.ShardMeta`
  with ``shared`` and ``minted`` empty), which is all the union needs of an unchanged document;
- each shared line with the number of documents that need it;
- each minted IRI with its key and the number of documents that minted it;
- the number of nodes of each class, as the build report gives them (:attr:`KeptTable.classes`:
  each document's own nodes plus the shared graph's typed lines), corrected with the rest.

The next build corrects it instead of making it again: a removed document's counts are taken off
(read from its shard record in the cache, still there until the end of the build), a new one's
added; a line or IRI no document needs any more is dropped. The table is an SQLite file keyed by
document, shared line and IRI: a rebuild reads the documents' rows (the union needs every
document's record) and only the lines and IRIs of the documents counted in or out, and writes back
only those rows (at 10,000 documents the whole table, 409,128 shared lines and their IRIs, took
5 s of CPU to load with :mod:`marshal`). A changed document has another key: it
is one removed and one added. The result is the table a build from scratch would make.

A table made by another qgraph version or environment (lexicon, ontology, shapes, extraction or
mapping code), one that cannot be read, or a missing record of a removed document: the table is
made again from every document's record, and :attr:`KeptTable.reason` says why in one line.

>>> t = KeptTable.empty({"lexicon": "x"}, "table: made (no table from an earlier build)")
>>> t.reason
'table: made (no table from an earlier build)'
"""

from __future__ import annotations

import contextlib
import dataclasses
import marshal
import operator
import os
import pickle
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from .errors import InputError
from .resolve import IriCollision
from .shards import ShardMeta, shard_key

TABLE_FILE = "table.sqlite"
"""The kept table's file, in the build directory's cache (``.cache/``): an SQLite database with one
row per document, per shared line and per minted IRI, so that a rebuild reads and writes only the
rows of the documents that changed (see :class:`KeptTable`). A document's record is stored with
:mod:`marshal`, which ties the file to the Python version its header records."""
OLD_TABLE_FILE = "table.marshal"
"""The file an earlier qgraph kept the whole table in (read whole, written whole): removed."""
TABLE_FORMAT = 2
_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}/{marshal.version}"
_FIELDS = [f.name for f in dataclasses.fields(ShardMeta)]
_SCHEMA = (
    "CREATE TABLE head (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE docs (key TEXT PRIMARY KEY, row BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE shared (line TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE iris (iri TEXT PRIMARY KEY, key BLOB NOT NULL, n INTEGER NOT NULL) WITHOUT ROWID",
)


class Rows(MutableMapping):  # type: ignore[type-arg]
    """A dictionary over one keyed table of the kept table's file, read a key at a time.

    Only the keys looked at are read; what is set or removed stays in memory (:attr:`touched`)
    until :meth:`write`. Iterating reads every row (a full build's needs, not a rebuild's)."""

    def __init__(self, db: sqlite3.Connection, table: str, column: str, decode: Any, encode: Any,
                 size: int | None) -> None:
        self._db, self._table, self._column = db, table, column
        self._decode, self._encode = decode, encode
        self._select = f"SELECT * FROM {table} WHERE {column} = ?"
        self.touched: dict[str, Any] = {}
        """Key → its value now (None: removed), for every key looked at."""
        self._was: dict[str, bool] = {}
        self._size = size

    def _decoded(self, row: tuple[Any, ...]) -> Any:
        try:
            return self._decode(row)
        except (ValueError, TypeError, EOFError) as exc:  # a row another program damaged
            raise sqlite3.DatabaseError(f"a damaged row in {self._table}") from exc

    def _fetch(self, key: str) -> Any:
        try:
            return self.touched[key]
        except KeyError:
            pass
        row = self._db.execute(self._select, (key,)).fetchone()
        value = None if row is None else self._decoded(row)
        self.touched[key] = value
        self._was[key] = value is not None
        return value

    def __getitem__(self, key: str) -> Any:
        value = self._fetch(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._fetch(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._fetch(key) is not None

    def __setitem__(self, key: str, value: Any) -> None:
        self._fetch(key)
        self.touched[key] = value

    def __delitem__(self, key: str) -> None:
        if self._fetch(key) is None:
            raise KeyError(key)
        self.touched[key] = None

    def pop(self, key: str, *default: Any) -> Any:
        value = self._fetch(key)
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        self.touched[key] = None
        return value

    def __len__(self) -> int:
        if self._size is None:
            self._size = self._db.execute(f"SELECT COUNT(*) FROM {self._table}").fetchone()[0]
        return self._size + sum((v is not None) - self._was[k] for k, v in self.touched.items())

    def __iter__(self) -> Iterator[str]:
        touched = self.touched
        for (key,) in self._db.execute(f"SELECT {self._column} FROM {self._table}"):
            if key not in touched:
                yield key
        yield from [k for k, v in touched.items() if v is not None]

    def items(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        touched = self.touched
        for row in self._db.execute(f"SELECT * FROM {self._table}"):
            if row[0] not in touched:
                yield row[0], self._decoded(row)
        yield from [(k, v) for k, v in touched.items() if v is not None]

    def write(self, db: sqlite3.Connection) -> None:
        """Write the keys set and remove the keys removed (in the caller's transaction)."""
        gone = [(k,) for k, v in self.touched.items() if v is None and self._was[k]]
        if gone:
            db.executemany(f"DELETE FROM {self._table} WHERE {self._column} = ?", gone)
        rows = [self._encode(k, v) for k, v in self.touched.items() if v is not None]
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            db.executemany(f"INSERT OR REPLACE INTO {self._table} VALUES ({marks})", rows)


def _count_of(row: tuple[Any, ...]) -> int:
    """A row's count of documents. :raises TypeError: not a positive whole number."""
    n = row[-1]
    if type(n) is not int or n < 1:
        raise TypeError(f"count {n!r}")
    return n


def _shared_line(row: tuple[Any, ...]) -> int:
    return _count_of(row)


def _iri_entry(row: tuple[Any, ...]) -> list[object]:
    key = marshal.loads(row[1])
    if not (isinstance(key, tuple) and all(isinstance(part, str) for part in key)):
        raise TypeError(f"key {key!r}")
    return [key, _count_of(row)]


def _shared_rows(db: sqlite3.Connection, size: int | None) -> Rows:
    return Rows(db, "shared", "line", _shared_line, lambda k, v: (k, v), size)


def _iri_rows(db: sqlite3.Connection, size: int | None) -> Rows:
    return Rows(db, "iris", "iri", _iri_entry, lambda k, v: (k, marshal.dumps(v[0]), v[1]), size)


def record_path(shard_dir: Path, key: str) -> Path:
    """The shard record (``.meta``) of the document with ``key`` (see :func:`qgraph.shards.shard_path`)."""
    return shard_dir / key[:2] / f"{key}.meta"


def read_record(shard_dir: Path, key: str) -> ShardMeta:
    """The full record of a cached shard (its shared lines and minted IRIs).

    :raises OSError, ValueError: it is missing or cannot be read."""
    try:
        meta = pickle.loads(record_path(shard_dir, key).read_bytes())
    except OSError:
        raise
    except Exception as exc:  # noqa: BLE001 - any unpickling failure: the record is unusable
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    if not isinstance(meta, ShardMeta):
        raise ValueError("not a shard record")
    return meta


def light(meta: ShardMeta) -> ShardMeta:
    """The record without its lists (what the union needs of a document)."""
    return dataclasses.replace(meta, shared=(), minted=(), seconds=(0.0, 0.0, 0.0))


class KeptTable:
    """The corpus table with counts, corrected build after build (see the module's description).

    Used as the ``table`` of :func:`qgraph.shards.map_many`: :meth:`known` answers for unchanged
    documents without reading their records, :meth:`add` counts a record that came from a worker
    or from the cache.
    """

    def __init__(self, env: dict[str, str], docs: dict[str, ShardMeta], shared: MutableMapping[str, int],
                 iris: MutableMapping[str, list[object]], reason: str | None = None,
                 db: sqlite3.Connection | None = None) -> None:
        self.env = env
        self.docs = docs
        self.shared = shared
        """Shared line → documents needing it: a dictionary, or the file's rows read one at a time
        (:class:`Rows`, a kept table: only the lines of the documents counted in and out are read)."""
        self.iris = iris
        """Minted IRI → ``[key, documents minting it]`` (like :attr:`shared`)."""
        self.reason = reason
        """Why the table was made again rather than kept (one line), else None."""
        self.kept = reason is None
        self.added = self.removed = 0
        self.error: IriCollision | None = None
        self.broken = False
        """A record could not be read back: the table is right for this build but not saved."""
        self.failed = False
        """The kept file could not be read while documents were counted: the table is made again."""
        self.seconds = 0.0
        self.published: str | None = None
        """The SHA-256 of the shared graph's bytes as the build that saved the table wrote them."""
        self.crossed: dict[str, int] = {}
        """Shared lines whose count crossed zero since the table was loaded: +1 came, -1 went."""
        self.left: list[str] = []
        """The keys of the documents taken off the kept table in this build (removed or changed):
        the only cached files that can have gone stale since the previous build."""
        self.classes: dict[str, int] | None = {} if not docs else None
        """Class term → nodes of that class (each document's own, the shared graph's typed lines),
        corrected as documents are counted in and out; None when not known (a table saved without
        them: :func:`qgraph.pipeline.shard_classes` counts them once and they are kept from then on)."""
        self._db = db
        self._loaded = set(docs) if db is not None else set()

    @classmethod
    def empty(cls, env: dict[str, str], reason: str) -> KeptTable:
        return cls(env, {}, {}, {}, reason)

    @classmethod
    def load(cls, cache_root: Path, env: dict[str, str], *, trust: bool = True) -> KeptTable:
        """The table kept in ``cache_root``, or an empty one with the reason why it is made again.

        Only the header and the documents' records are read here (10,000 small rows at 10,000
        documents); the shared lines and IRIs are read when a document counted in or out names them."""
        path = cache_root / TABLE_FILE
        if not trust:
            return cls.empty(env, "table: made again (--full)")
        if not path.is_file():
            if (cache_root / OLD_TABLE_FILE).is_file():
                return cls.empty(env, f"table: made again ({OLD_TABLE_FILE} has another format)")
            return cls.empty(env, "table: made (no table from an earlier build)")
        db = None
        try:
            db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            head = {name: marshal.loads(value) for name, value in db.execute("SELECT name, value FROM head")}
            if head.get("format") != TABLE_FORMAT or head.get("python") != _PYTHON:
                db.close()
                return cls.empty(env, f"table: made again ({TABLE_FILE} has another format or Python version)")
            old = head.get("env") or {}
            changed = [part for part in env if old.get(part) != env[part]]
            if changed:
                db.close()
                return cls.empty(env, f"table: made again ({', '.join(changed)} changed)")
            docs = {key: ShardMeta(*marshal.loads(row)) for key, row in db.execute("SELECT key, row FROM docs")}
        except Exception as exc:  # noqa: BLE001 - a damaged file: any error reading it, one line
            if db is not None:
                db.close()
            return cls.empty(env, f"table: made again ({TABLE_FILE} is damaged: {type(exc).__name__})")
        size = head.get("shared_n")
        if not isinstance(size, int):
            try:
                size = db.execute("SELECT COUNT(*) FROM shared").fetchone()[0]
            except sqlite3.Error as exc:
                db.close()
                return cls.empty(env, f"table: made again ({TABLE_FILE} is damaged: {type(exc).__name__})")
        table = cls(env, docs, _shared_rows(db, size), _iri_rows(db, None), db=db)
        classes = head.get("classes")
        if isinstance(classes, dict) and all(isinstance(n, int) for n in classes.values()):
            table.classes = classes
        published = head.get("shared_sha256")
        table.published = published if isinstance(published, str) else None
        return table

    def shared_delta(self) -> tuple[list[str], list[str], str] | None:
        """The shared lines that came and went since the table was loaded, and the SHA-256 of the
        shared graph they change (:attr:`published`); None when the table was made in this build."""
        if not self.kept or self.published is None or self.broken:
            return None
        came = [line for line, n in self.crossed.items() if n > 0]
        gone = [line for line, n in self.crossed.items() if n < 0]
        return came, gone, self.published

    def _head(self, published: str | None) -> dict[str, object]:
        head: dict[str, object] = {"format": TABLE_FORMAT, "python": _PYTHON, "env": self.env,
                                   "shared_n": len(self.shared)}
        if published is not None:
            head["shared_sha256"] = published
        if self.classes is not None:
            head["classes"] = self.classes
        return head

    def save(self, cache_root: Path, published: str | None = None) -> None:
        """Write the table (not when a record could not be read back in this build): a kept table
        writes only the rows that changed, in one transaction; a table made in this build is
        written whole beside the file, then renamed over it."""
        if self.broken:
            return
        path = cache_root / TABLE_FILE
        fields = operator.attrgetter(*_FIELDS)
        if self._db is not None and isinstance(self.shared, Rows) and isinstance(self.iris, Rows):
            db, self._db = self._db, None
            try:
                db.execute("BEGIN IMMEDIATE")
                db.executemany("DELETE FROM docs WHERE key = ?", [(k,) for k in sorted(self._loaded - self.docs.keys())])
                db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?)",
                               [(k, marshal.dumps(fields(self.docs[k]))) for k in sorted(self.docs.keys() - self._loaded)])
                self.shared.write(db)
                self.iris.write(db)
                db.execute("DELETE FROM head")
                db.executemany("INSERT INTO head VALUES (?, ?)",
                               [(k, marshal.dumps(v)) for k, v in self._head(published).items()])
                db.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                db.close()
                path.unlink(missing_ok=True)  # made again by the next build
                return
            db.close()
            return
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.unlink(missing_ok=True)
            db = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode = OFF")  # a new file, renamed into place when whole
                db.execute("PRAGMA synchronous = OFF")
                db.execute("BEGIN")
                for statement in _SCHEMA:
                    db.execute(statement)
                db.executemany("INSERT INTO head VALUES (?, ?)",
                               [(k, marshal.dumps(v)) for k, v in self._head(published).items()])
                db.executemany("INSERT INTO docs VALUES (?, ?)",
                               [(k, marshal.dumps(fields(m))) for k, m in sorted(self.docs.items())])
                db.executemany("INSERT INTO shared VALUES (?, ?)", sorted(self.shared.items()))
                db.executemany("INSERT INTO iris VALUES (?, ?, ?)",
                               [(iri, marshal.dumps(v[0]), v[1]) for iri, v in sorted(self.iris.items())])
                db.execute("COMMIT")
            finally:
                db.close()
            os.replace(tmp, path)
            (cache_root / OLD_TABLE_FILE).unlink(missing_ok=True)
        except (OSError, sqlite3.Error):
            tmp.unlink(missing_ok=True)

    def close(self) -> None:
        """Close the kept file (a table saved, made again or left by a failed build); idempotent."""
        if self._db is not None:
            self._db.close()
            self._db = None

    @staticmethod
    def remove_file(cache_root: Path) -> None:
        (cache_root / TABLE_FILE).unlink(missing_ok=True)
        (cache_root / OLD_TABLE_FILE).unlink(missing_ok=True)

    # ------------------------------------------------------------------ the correction

    def prepare(self, keys: Iterable[str], shard_dir: Path) -> None:
        """Take off the documents not among ``keys`` (this build's documents), from their records.
        A record that cannot be read: the table is made again from every document's record."""
        start = time.perf_counter()
        gone = self.docs.keys() - set(keys)
        try:
            records = [read_record(shard_dir, key) for key in sorted(gone)]
        except (OSError, ValueError) as exc:
            self._reset(f"table: made again (the record of a removed document cannot be read: {exc})")
        else:
            try:
                for key, meta in zip(sorted(gone), records):
                    self._count(meta, -1)
                    del self.docs[key]
                    self.left.append(key)
                    self.removed += 1
            except sqlite3.Error as exc:
                self._reset(f"table: made again ({TABLE_FILE} is damaged: {type(exc).__name__})")
        self.seconds += time.perf_counter() - start

    def drop_absent(self, keys: Iterable[str], shard_dir: Path) -> bool:
        """After the map: take off documents of the table that gave no shard (they failed this time).
        False if a record could not be read (the caller makes the table again)."""
        if self.failed:
            return False
        gone = self.docs.keys() - set(keys)
        for key in sorted(gone):
            try:
                meta = read_record(shard_dir, key)
                self._count(meta, -1)
            except (OSError, ValueError, sqlite3.Error):
                return False
            del self.docs[key]
            self.left.append(key)
            self.removed += 1
        return True

    @classmethod
    def remade(cls, env: dict[str, str], shards: Iterable[ShardMeta], shard_dir: Path,
               failed: bool = False) -> KeptTable:
        """The table made again from the records of ``shards`` (a removed document's record was
        missing after the map; ``failed``: the kept file could not be read, :attr:`failed`).

        :raises InputError: a record of this build's documents cannot be read."""
        table = cls.empty(env, f"table: made again ({TABLE_FILE} could not be read)" if failed else
                          "table: made again (the record of a document that failed cannot be read)")
        for meta in shards:
            try:
                table.add(read_record(shard_dir, shard_key(meta.path)))
            except (OSError, ValueError) as exc:
                raise InputError(str(shard_dir), f"a shard record cannot be read ({exc}); "
                                                   "build again with --full") from None
        return table

    def _reset(self, reason: str) -> None:
        self.close()
        self.docs, self.shared, self.iris = {}, {}, {}
        self.crossed, self.published = {}, None
        self.classes, self.left = {}, []
        self.reason, self.kept = reason, False
        self.added = self.removed = 0

    def known(self, key: str, path: Path) -> ShardMeta | None:
        """The record of an unchanged document whose shard file ``path`` is still in the cache."""
        meta = self.docs.get(key)
        if meta is None:
            return None
        try:
            if (path.stat().st_size == 0 and meta.triples) or not path.with_suffix(".meta").exists():
                return None
        except OSError:
            return None
        return meta if meta.path == str(path) else dataclasses.replace(meta, path=str(path))

    def add(self, meta: ShardMeta) -> ShardMeta:
        """Count a full record (from the cache); returns it without its lists."""
        start = time.perf_counter()
        key = shard_key(meta.path)
        if key not in self.docs:  # else counted already (the same key gives the same record)
            self._count_safely(meta)
            self.docs[key] = light(meta)
            self.added += 1
        self.seconds += time.perf_counter() - start
        return dataclasses.replace(self.docs[key], seconds=meta.seconds)

    def add_fresh(self, meta: ShardMeta) -> ShardMeta:
        """Count a record a worker sent (its lists hold only what that worker had not sent): its
        full record is read back from the cache."""
        start = time.perf_counter()
        key = shard_key(meta.path)
        if key not in self.docs:
            try:
                full = read_record(Path(meta.path).parent.parent, key)
            except (OSError, ValueError):
                full, self.broken = meta, True  # right for this build (the lines are a union), not saved
            self._count_safely(full)
            self.docs[key] = light(meta)
            self.added += 1
        self.seconds += time.perf_counter() - start
        return dataclasses.replace(self.docs[key], seconds=meta.seconds)

    def _count_safely(self, meta: ShardMeta) -> None:
        """Count a record in; the kept file failing to be read marks the table :attr:`failed`
        (:meth:`drop_absent` then says so, and the caller makes it again from every record)."""
        if self.failed:
            return
        try:
            self._count(meta, 1)
        except sqlite3.Error:
            self.failed = True

    def _count(self, meta: ShardMeta, sign: int) -> None:
        shared, iris, crossed, classes = self.shared, self.iris, self.crossed, self.classes
        if classes is not None:
            for cls, n in meta.classes:
                _tally(classes, cls, sign * n)
        if sign > 0:
            for line in meta.shared:
                n = shared.get(line, 0)
                shared[line] = n + 1
                if not n:
                    crossed[line] = crossed.get(line, 0) + 1
                    if classes is not None:
                        _tally_typed(classes, line, 1)
            for iri, key in meta.minted:
                entry = iris.get(iri)
                if entry is None:
                    iris[iri] = [key, 1]
                elif entry[0] != key:
                    if self.error is None:
                        self.error = IriCollision(
                            f"two entities would share the IRI <{iri}>: {' / '.join(entry[0][1:])} and "  # type: ignore[index]
                            f"{' / '.join(key[1:])} (a hash collision; please report it)")
                else:
                    entry[1] += 1  # type: ignore[operator]
            return
        for line in meta.shared:
            n = shared.get(line, 0) - 1
            if n > 0:
                shared[line] = n
            elif shared.pop(line, None) is not None:
                crossed[line] = crossed.get(line, 0) - 1
                if classes is not None:
                    _tally_typed(classes, line, -1)
        for iri, key in meta.minted:
            entry = iris.get(iri)
            if entry is not None and entry[0] == key:
                entry[1] -= 1  # type: ignore[operator]
                if entry[1] <= 0:  # type: ignore[operator]
                    del iris[iri]

    def finish(self) -> None:
        """:raises IriCollision: two different entities would share one IRI."""
        if self.error is not None:
            raise self.error

    def line(self) -> str:
        """One line for the build report."""
        if self.reason is not None:
            return self.reason
        return (f"table: kept ({len(self.docs)} document(s); {self.added} added, {self.removed} removed)")


_TYPED = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "


def _tally(counts: dict[str, int], cls: str, n: int) -> None:
    total = counts.get(cls, 0) + n
    if total:
        counts[cls] = total
    else:
        counts.pop(cls, None)


def _tally_typed(counts: dict[str, int], line: str, sign: int) -> None:
    """Count a shared line that came (``sign`` 1) or went (-1) if it types its subject (as
    :func:`qgraph.pipeline.shard_classes` reads it: the predicate follows the subject's first space)."""
    at = line.find(" ") + 1
    if line.startswith(_TYPED, at):
        _tally(counts, line[at + len(_TYPED):-3].rsplit(" ", 1)[0], sign)
