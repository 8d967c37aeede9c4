"""The file index: a rebuild does not read a file whose device, inode, size and modification time
are those of the previous build; anything else is read again, and the outputs stay those of a
full build of the same files."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from gen_corpus import write_corpus  # noqa: E402

import qgraph.sources  # noqa: E402
from qgraph.pipeline import build  # noqa: E402
from qgraph.readindex import INDEX_FILE, FileIndex  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return sorted(write_corpus(5, tmp_path_factory.mktemp("index-corpus") / "docs", seed=13))


@pytest.fixture()
def docs(corpus: list[Path], tmp_path: Path) -> Path:
    """A copy of the corpus whose files were last modified a while ago (as in real use: a file
    modified within the last seconds before a build is never trusted)."""
    target = tmp_path / "docs"
    target.mkdir()
    for f in corpus:
        shutil.copy(f, target / f.name)
        _age(target / f.name)
    return target


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources of the files the reader opens (the real reader, counted)."""
    seen: list[str] = []
    real = qgraph.sources._build

    def counted(path, source, *args, **kw):  # type: ignore[no-untyped-def]
        seen.append(Path(source).name)
        return real(path, source, *args, **kw)

    monkeypatch.setattr(qgraph.sources, "_build", counted)
    return seen


def _age(path: Path, seconds: int = 600) -> None:
    t = time.time_ns() - seconds * 10**9
    os.utime(path, ns=(t, t))


def _build(docs: Path, out: Path, **kw: object):
    return build([docs], out, formats=("nq",), jobs=1, **kw)  # type: ignore[arg-type]


def _same_as_full(out: Path, docs: Path, tmp: Path, report) -> None:
    full_out = tmp / f"full-{len(list(tmp.glob('full-*')))}"
    full = _build(docs, full_out, use_cache=False)
    for name in ("graph.nq", "void.ttl"):
        assert (out / "current" / name).read_bytes() == (full_out / "current" / name).read_bytes(), name
    assert (report.documents, report.triples, report.warnings) == (full.documents, full.triples, full.warnings)


def test_unchanged_files_are_not_read_again(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    out = tmp_path / "out"
    _build(docs, out)
    assert len(reads) == 5 and (out / ".cache" / INDEX_FILE).is_file()
    reads.clear()
    report = _build(docs, out)
    assert reads == [] and report.cache == "cache: 5 of 5 document(s) unchanged, 0 extracted"
    _same_as_full(out, docs, tmp_path, report)


def test_touched_file_with_the_same_content_is_read_and_reused(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    out = tmp_path / "out"
    _build(docs, out)
    touched = sorted(docs.iterdir())[2]
    _age(touched, 60)                                     # another modification time, the same bytes
    reads.clear()
    report = _build(docs, out)
    assert reads == [touched.name]                         # read again: its key found the same shard
    assert report.cache == "cache: 5 of 5 document(s) unchanged, 0 extracted"
    _same_as_full(out, docs, tmp_path, report)


def test_changed_file_with_size_and_mtime_restored(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    """What is trusted, like make and rsync: the same size and mtime_ns (and inode) mean the same
    content. Such a change is not seen by an incremental build; ``--full`` and ``--no-cache`` read
    every file again and give the new content."""
    out = tmp_path / "out"
    first = _build(docs, out)
    nq_first = (out / "current" / "graph.nq").read_bytes()
    target = sorted(docs.iterdir())[1]
    st = target.stat()
    text = target.read_text("utf-8")
    changed = text.replace("质量", "品质", 1)
    assert changed != text and len(changed.encode()) == st.st_size
    with open(target, "r+b") as f:                         # in place: the same inode
        f.write(changed.encode())
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    reads.clear()
    stale = _build(docs, out)
    assert reads == [] and stale.documents == first.documents
    assert (out / "current" / "graph.nq").read_bytes() == nq_first   # the change is not seen
    for flags in ({"incremental": False}, {"use_cache": False}):
        reads.clear()
        report = _build(docs, out, **flags)
        assert target.name in reads
        _same_as_full(out, docs, tmp_path, report)
        assert (out / "current" / "graph.nq").read_bytes() != nq_first
    reads.clear()
    _build(docs, out)                                      # the index written by the --full build holds
    assert reads == []


def test_file_replaced_by_another_inode_is_read(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    out = tmp_path / "out"
    _build(docs, out)
    target = sorted(docs.iterdir())[3]
    st = target.stat()
    changed = target.read_text("utf-8").replace("质量", "品质", 1).encode()
    assert len(changed) == st.st_size
    tmp = target.with_name("new.tmp")
    tmp.write_bytes(changed)
    os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(tmp, target)                                # same size and mtime, another inode
    reads.clear()
    report = _build(docs, out)
    assert reads == [target.name]
    _same_as_full(out, docs, tmp_path, report)


def test_deleted_and_renamed_files(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    out = tmp_path / "out"
    _build(docs, out)
    names = sorted(p.name for p in docs.iterdir())
    (docs / names[0]).unlink()
    reads.clear()
    report = _build(docs, out)
    assert reads == []
    _same_as_full(out, docs, tmp_path, report)
    (docs / names[1]).rename(docs / f"renamed-{names[1]}")  # same inode, size, mtime; another path and id
    reads.clear()
    report = _build(docs, out)
    assert reads == [f"renamed-{names[1]}"]
    _same_as_full(out, docs, tmp_path, report)
    index = FileIndex(out / ".cache", _env(), out / ".cache" / "shard")
    assert sorted(Path(p).name for p in index.old) == sorted(p.name for p in docs.iterdir())


def test_warnings_of_an_unread_file_are_given_again(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    bad = docs / "bad-date.txt"
    bad.write_text("---\ntitle: 标题\ndate: 2024-13-45\n---\n" + sorted(docs.iterdir())[0].read_text("utf-8"), "utf-8")
    _age(bad)
    out = tmp_path / "out"
    first = _build(docs, out)
    assert any("bad-date.txt" in w for w in first.warnings)
    reads.clear()
    again = _build(docs, out)
    assert reads == [] and again.warnings == first.warnings
    _same_as_full(out, docs, tmp_path, again)


def test_recently_modified_file_and_missing_shard_are_read(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    out = tmp_path / "out"
    fresh = sorted(docs.iterdir())[4]
    fresh.write_text(fresh.read_text("utf-8"), "utf-8")    # modified just now: not trusted next time
    _build(docs, out)
    reads.clear()
    _build(docs, out)
    assert reads == [fresh.name]
    for meta in (out / ".cache" / "shard").glob("*/*.meta"):
        meta.unlink()                                      # the shards are gone: every file is read
    reads.clear()
    report = _build(docs, out)
    assert sorted(reads) == sorted(p.name for p in docs.iterdir())
    _same_as_full(out, docs, tmp_path, report)


def _env() -> dict[str, str]:
    from qgraph.extract_pool import environment_key

    return environment_key()


def test_unreadable_cached_record_reads_the_file_after_all(docs: Path, tmp_path: Path, reads: list[str]) -> None:
    out = tmp_path / "out"
    _build(docs, out)
    meta = sorted((out / ".cache" / "shard").glob("*/*.meta"))[0]
    meta.write_bytes(b"not a pickle")                      # present (the index trusts it), but unreadable
    (out / ".cache" / "table.sqlite").unlink()             # (the kept corpus table would not read it at all)
    reads.clear()
    report = _build(docs, out)
    assert len(reads) == 1 and report.cache == "cache: 4 of 5 document(s) unchanged, 1 extracted"
    _same_as_full(out, docs, tmp_path, report)
