"""The corpus table kept between builds (``.cache/table.sqlite``): corrected by the documents
added, changed and removed, it is the table a build from scratch makes, and the outputs are the
same bytes; a damaged or stale table is made again, saying why in one line; a rebuild reads and
writes only the rows of the documents that changed."""

from __future__ import annotations

import contextlib
import json
import marshal
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from gen_corpus import write_corpus  # noqa: E402

from qgraph.cli import main  # noqa: E402
from qgraph.corpus_table import OLD_TABLE_FILE, TABLE_FILE, KeptTable, Rows, read_record  # noqa: E402
from qgraph.extract_pool import CACHE_DIR, environment_key  # noqa: E402
from qgraph.pipeline import build  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("table-corpus")
    return sorted(write_corpus(8, root / "docs", seed=23))


def _docs(files: list[Path], where: Path) -> Path:
    where.mkdir(parents=True)
    for f in files:
        shutil.copy(f, where / f.name)
    return where


def _build(docs: Path, out: Path, **kw: object):
    return build([docs], out, formats=("nq",), jobs=1, **kw)  # type: ignore[arg-type]


def _table(out: Path) -> tuple[dict, dict, dict, dict]:
    """The kept table as its parts: header, documents, shared lines, IRIs."""
    table = KeptTable.load(out / CACHE_DIR, environment_key())
    assert table.reason is None, table.reason
    docs, shared, iris = table.docs, dict(table.shared.items()), dict(table.iris.items())
    table.close()
    return _head(out), docs, shared, iris


def _head(out: Path) -> dict:
    with contextlib.closing(sqlite3.connect(out / CACHE_DIR / TABLE_FILE)) as db:
        return {name: marshal.loads(value) for name, value in db.execute("SELECT name, value FROM head")}


def _set_head(out: Path, **values: object) -> None:
    """Change (or, with None, remove) rows of the table's header, as another qgraph would have written them."""
    db = sqlite3.connect(out / CACHE_DIR / TABLE_FILE)
    with db:
        for name, value in values.items():
            db.execute("DELETE FROM head WHERE name = ?", (name,))
            if value is not None:
                db.execute("INSERT INTO head VALUES (?, ?)", (name, marshal.dumps(value)))
    db.close()


def _same_outputs(a: Path, b: Path) -> None:
    for name in ("graph.nq", "void.ttl"):
        assert (a / "current" / name).read_bytes() == (b / "current" / name).read_bytes(), name
    _, docs_a, shared_a, iris_a = _table(a)
    _, docs_b, shared_b, iris_b = _table(b)
    assert shared_a == shared_b and iris_a == iris_b
    assert sorted(docs_a) == sorted(docs_b)


def test_kept_table_gives_the_bytes_of_a_fresh_build(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:7], tmp_path / "docs")
    out = tmp_path / "out"
    first = _build(docs, out)
    assert first.table == "table: made (no table from an earlier build)"
    shutil.copy(corpus[7], docs / corpus[7].name)          # one added
    (docs / corpus[0].name).write_text(corpus[0].read_text("utf-8").replace("质量", "品质", 1), "utf-8")  # one changed
    (docs / corpus[1].name).unlink()                       # one removed
    again = _build(docs, out)
    assert again.table == "table: kept (7 document(s); 2 added, 2 removed)"
    assert again.rebuild is None and "store checkpoint" in dict(again.timings)
    fresh = _build(docs, tmp_path / "fresh", use_cache=True)
    assert fresh.table.startswith("table: made (")
    _same_outputs(out, tmp_path / "fresh")
    assert (again.triples, again.classes) == (fresh.triples, fresh.classes)
    same = _build(docs, out)                               # nothing changed: nothing counted again
    assert same.table == "table: kept (7 document(s); 0 added, 0 removed)"
    _same_outputs(out, tmp_path / "fresh")


def test_removed_documents_entities_leave_the_table_and_the_graph(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:6], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    _, kept_docs, shared, iris = _table(out)
    shard_dir = out / CACHE_DIR / "shard"
    victim = corpus[2].name
    key = next(k for k, m in kept_docs.items() if m.source.endswith(victim))
    record = read_record(shard_dir, key)
    only_there = [iri for iri, k in record.minted if iris[iri][1] == 1]
    lines_only_there = [line for line in record.shared if shared[line] == 1]
    assert only_there and lines_only_there               # the document names entities no other one does
    (docs / victim).unlink()
    report = _build(docs, out)
    assert report.table == "table: kept (5 document(s); 0 added, 1 removed)"
    _, kept_docs, shared, iris = _table(out)
    assert key not in kept_docs
    assert not [iri for iri in only_there if iri in iris]
    assert not [line for line in lines_only_there if line in shared]
    graph = (out / "current" / "graph.nq").read_text("utf-8")
    assert not [iri for iri in only_there if f"<{iri}>" in graph]
    assert all(iris[iri][1] >= 1 for iri, _ in record.minted if iri in iris)
    _build(docs, tmp_path / "fresh")
    _same_outputs(out, tmp_path / "fresh")


def test_damaged_table_is_made_again_with_a_reason(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:4], tmp_path / "docs")
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["build", str(docs), "-o", str(out), "-f", "nq", "-j", "1", "--json"]
    assert runner.invoke(main, args).exit_code == 0
    (out / CACHE_DIR / TABLE_FILE).write_bytes(b"\xfbnot a table at all")
    shutil.copy(corpus[4], docs / corpus[4].name)
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert data["table"] == "table: made again (table.sqlite is damaged: DatabaseError)"
    assert "\n" not in data["table"]
    assert f"qgraph: {data['table']}" in result.stderr
    again = json.loads(runner.invoke(main, args).stdout)  # and it was written whole again
    assert again["table"] == "table: kept (5 document(s); 0 added, 0 removed)"
    _build(docs, tmp_path / "fresh")
    _same_outputs(out, tmp_path / "fresh")


def test_stale_or_missing_table_is_made_again(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:3], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    path = out / CACHE_DIR / TABLE_FILE
    head, kept_docs, shared, iris = _table(out)
    shared, iris = dict(shared.items()), dict(iris.items())
    _set_head(out, env={**head["env"], "lexicon": "0" * 16})  # made with another lexicon (and emptied)
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("DELETE FROM shared")
        db.execute("DELETE FROM iris")
    report = _build(docs, out)
    assert report.table == "table: made again (lexicon changed)"
    assert _table(out)[2] == shared
    path.unlink()
    assert _build(docs, out).table == "table: made (no table from an earlier build)"
    assert _build(docs, out, incremental=False).table == "table: made again (--full)"
    assert _table(out)[2] == shared and _table(out)[3] == iris


def test_missing_record_of_a_removed_document_remakes_the_table(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:4], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    _, kept_docs, _, _ = _table(out)
    key = next(k for k, m in kept_docs.items() if m.source.endswith(corpus[3].name))
    (out / CACHE_DIR / "shard" / key[:2] / f"{key}.meta").unlink()
    (docs / corpus[3].name).unlink()
    report = _build(docs, out)
    assert report.table.startswith("table: made again (the record of a removed document cannot be read")
    _build(docs, tmp_path / "fresh")
    _same_outputs(out, tmp_path / "fresh")


def _cached_keys(out: Path) -> set[str]:
    """The document keys that have a file in the cache (shards, records, extractions)."""
    root = out / CACHE_DIR
    return {p.name.split(".")[0] for d in ("shard", "extract") if (root / d).is_dir()
            for p in (root / d).glob("*/*") if p.suffix in (".nq", ".meta", ".pickle")}


def test_class_counts_and_the_cache_follow_the_change(corpus: list[Path], tmp_path: Path) -> None:
    """The class counts are kept in the table and corrected (not counted again over the corpus),
    and only the files of the documents that left the table are removed from the cache (not every
    cached file looked at): both as a fresh build has them."""
    docs = _docs(corpus[:6], tmp_path / "docs")
    out = tmp_path / "out"
    first = _build(docs, out)
    head, kept_docs, _, _ = _table(out)
    assert head["classes"] and _cached_keys(out) == set(kept_docs)
    shutil.copy(corpus[6], docs / corpus[6].name)          # one added
    (docs / corpus[0].name).write_text(corpus[0].read_text("utf-8").replace("质量", "品质", 1), "utf-8")  # one changed
    (docs / corpus[1].name).unlink()                       # one removed
    again = _build(docs, out)
    assert again.table == "table: kept (6 document(s); 2 added, 2 removed)"
    fresh = _build(docs, tmp_path / "fresh")
    assert again.classes == fresh.classes != first.classes
    head, kept_docs, _, _ = _table(out)
    assert head["classes"] == _table(tmp_path / "fresh")[0]["classes"]
    assert _cached_keys(out) == set(kept_docs) == _cached_keys(tmp_path / "fresh")
    # a table saved without its class counts (an earlier qgraph): counted once, then kept again
    _set_head(out, classes=None)
    (docs / corpus[2].name).unlink()
    less = _build(docs, out)
    assert less.table == "table: kept (5 document(s); 0 added, 1 removed)"
    assert less.classes == _build(docs, tmp_path / "fresh2").classes
    assert _table(out)[0]["classes"] == _table(tmp_path / "fresh2")[0]["classes"]
    assert _cached_keys(out) == set(_table(out)[1])


def test_a_rebuild_reads_and_writes_only_the_rows_of_the_changed_documents(corpus: list[Path], tmp_path: Path) -> None:
    """The kept table is read a key at a time: taking a document off reads the rows of its own
    shared lines and IRIs, none else; saving writes only the rows that changed."""
    docs = _docs(corpus[:5], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    _, kept_docs, shared, iris = _table(out)
    everything = dict(shared.items())
    shard_dir = out / CACHE_DIR / "shard"
    victim = next(k for k, m in kept_docs.items() if m.source.endswith(corpus[4].name))
    record = read_record(shard_dir, victim)
    table = KeptTable.load(out / CACHE_DIR, environment_key())
    assert isinstance(table.shared, Rows) and isinstance(table.iris, Rows)
    assert not table.shared.touched and not table.iris.touched      # loading read no line, no IRI
    table.prepare([k for k in kept_docs if k != victim], shard_dir)
    assert set(table.shared.touched) == set(record.shared)
    assert set(table.iris.touched) == {iri for iri, _ in record.minted}
    assert len(table.shared) == len(everything) - sum(1 for line in record.shared if everything[line] == 1)
    assert len(table.shared) == len(dict(table.shared.items()))     # the rows read and those not
    table.save(out / CACHE_DIR)
    (docs / corpus[4].name).unlink()
    fresh_dir = tmp_path / "fresh"
    _build(docs, fresh_dir)
    _, fresh_docs, fresh_shared, fresh_iris = _table(fresh_dir)
    again = KeptTable.load(out / CACHE_DIR, environment_key())
    assert sorted(again.docs) == sorted(fresh_docs) and again.shared == fresh_shared and again.iris == fresh_iris
    assert _head(out)["shared_n"] == len(fresh_shared) == len(again.shared)


def test_saving_a_kept_table_runs_statements_for_the_changed_rows_only(corpus: list[Path], tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _docs(corpus[:4], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    written: list[tuple[str, int]] = []
    real = Rows.write

    def write(self: Rows, db: sqlite3.Connection) -> None:
        written.append((self._table, len(self.touched)))
        real(self, db)

    monkeypatch.setattr(Rows, "write", write)
    shutil.copy(corpus[4], docs / corpus[4].name)
    report = _build(docs, out)
    assert report.table == "table: kept (5 document(s); 1 added, 0 removed)"
    key = next(k for k, m in _table(out)[1].items() if m.source.endswith(corpus[4].name))
    record = read_record(out / CACHE_DIR / "shard", key)
    record_lines = len(set(record.shared))
    assert written == [("shared", record_lines), ("iris", len({iri for iri, _ in record.minted}))]
    _build(docs, tmp_path / "fresh")
    _same_outputs(out, tmp_path / "fresh")


def test_a_table_of_an_earlier_qgraph_is_made_again_and_removed(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:3], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    (out / CACHE_DIR / TABLE_FILE).unlink()
    (out / CACHE_DIR / OLD_TABLE_FILE).write_bytes(marshal.dumps(({"format": 1}, {}, {}, {})))
    report = _build(docs, out)
    assert report.table == f"table: made again ({OLD_TABLE_FILE} has another format)"
    assert not (out / CACHE_DIR / OLD_TABLE_FILE).exists() and (out / CACHE_DIR / TABLE_FILE).is_file()
    assert _build(docs, out).table == "table: kept (3 document(s); 0 added, 0 removed)"


def test_a_table_failing_while_documents_are_counted_is_made_again(corpus: list[Path], tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept file whose rows cannot be read (a damaged page found only when a line is looked up):
    the table is made again from every record, the outputs are a fresh build's."""
    docs = _docs(corpus[:4], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    shutil.copy(corpus[4], docs / corpus[4].name)

    def damaged(self: Rows, key: str) -> object:
        raise sqlite3.DatabaseError("database disk image is malformed")

    with monkeypatch.context() as m:
        m.setattr(Rows, "_fetch", damaged)
        report = _build(docs, out)
    assert report.table == f"table: made again ({TABLE_FILE} could not be read)"
    assert _build(docs, out).table == "table: kept (5 document(s); 0 added, 0 removed)"
    _build(docs, tmp_path / "fresh")
    _same_outputs(out, tmp_path / "fresh")


@pytest.mark.parametrize("damage", ["UPDATE iris SET key = X'ff'", "UPDATE shared SET n = 'many'",
                                    "UPDATE iris SET n = -1", "DELETE FROM head WHERE name = 'shared_n'"])
def test_a_table_with_damaged_rows_is_made_again_without_a_traceback(corpus: list[Path], tmp_path: Path,
                                                                      damage: str) -> None:
    """Rows another program changed (not what qgraph writes) are found when read: the table is
    made again, the outputs are a fresh build's."""
    docs = _docs(corpus[:4], tmp_path / "docs")
    out = tmp_path / "out"
    _build(docs, out)
    db = sqlite3.connect(out / CACHE_DIR / TABLE_FILE)
    with db:
        db.execute(damage)
    db.close()
    shutil.copy(corpus[4], docs / corpus[4].name)
    (docs / corpus[0].name).unlink()
    report = _build(docs, out)
    assert report.table is not None and "\n" not in report.table
    _build(docs, tmp_path / "fresh")
    _same_outputs(out, tmp_path / "fresh")
