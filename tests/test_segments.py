"""``graph.nq`` as a directory of segments (large builds): an incremental build writes only the
segments that changed, hard-links the others, and gives the bytes of a build from scratch."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from gen_corpus import write_corpus  # noqa: E402

from qgraph import segments  # noqa: E402
from qgraph.generations import verify  # noqa: E402
from qgraph.incremental import STATE_FILE  # noqa: E402
from test_incremental import _build, _docs  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("seg-corpus")
    return sorted(write_corpus(10, root / "docs", seed=23))


@pytest.fixture
def small_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every graph.nq segmented, about one document graph in two beginning a segment."""
    monkeypatch.setattr(segments, "SEGMENTED_FROM", 0)
    monkeypatch.setattr(segments, "SPAN", 2)


def _tree(path: Path) -> dict[str, bytes]:
    """A file's bytes, or every file of a directory by name."""
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {"": path.read_bytes()}


def _store_dump(out: Path) -> list[bytes]:
    store = ox.Store.read_only(str(out / "current" / "store"))
    try:
        return sorted(store.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    finally:
        del store


def _same_as_full(out: Path, docs: Path, tmp: Path, report) -> Path:
    full_out = tmp / f"full-{len(list(tmp.iterdir()))}"
    full = _build(docs, full_out, incremental=False)
    assert report.rebuild is None and "store checkpoint" in dict(report.timings)  # it was incremental
    mine, theirs = out / "current" / "graph.nq", full_out / "current" / "graph.nq"
    assert mine.is_dir() == theirs.is_dir()
    assert _tree(mine) == _tree(theirs)                      # the same files, names and bytes
    for name in ("graph.nq.parts", "void.ttl", STATE_FILE):
        assert (out / "current" / name).read_bytes() == (full_out / "current" / name).read_bytes(), name
    assert _store_dump(out) == _store_dump(full_out)
    assert report.validation.violations == full.validation.violations
    assert (report.triples, report.classes, report.documents) == (full.triples, full.classes, full.documents)
    manifest = [json.loads((o / "current" / "manifest.json").read_text()) for o in (out, full_out)]
    sums = [{f["path"]: f for f in m["files"] if not f["path"].startswith("store/")} for m in manifest]
    assert sums[0] == sums[1]
    assert sums[0]["graph.nq"]["size"] == segments.size(mine) and not any(p.startswith("graph.nq/") for p in sums[0])
    assert verify(out) == (len(manifest[0]["files"]), [])
    return full_out


def _segment_inodes(out: Path) -> dict[int, bytes]:
    nq = (out / "current" / "graph.nq").resolve()
    return {os.stat(p).st_ino: p.read_bytes() for p in segments.files(nq)}


def test_segments_of_a_rebuild_are_those_of_a_full_build(corpus: list[Path], tmp_path: Path,
                                                         small_segments: None) -> None:
    docs = _docs(corpus[:7], tmp_path)
    out = tmp_path / "out"
    first = _build(docs, out)
    assert first.rebuild is None
    nq = out / "current" / "graph.nq"
    assert nq.is_dir() and len(segments.files(nq)) >= 4
    before = _segment_inodes(out)
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    shutil.copy(corpus[7], docs / corpus[7].name)                # one added
    _same_as_full(out, docs, fulls, _build(docs, out))
    after = _segment_inodes(out)
    linked = before.keys() & after.keys()
    assert linked and len(linked) < len(after)                   # the unchanged segments are hard links
    assert all(before[i] == after[i] for i in linked)
    for f in corpus[8:]:                                         # two added, one changed, one removed
        shutil.copy(f, docs / f.name)
    target = docs / corpus[2].name
    target.write_text(target.read_text("utf-8").replace("质量", "品质", 1), "utf-8")
    (docs / corpus[4].name).unlink()
    _same_as_full(out, docs, fulls, _build(docs, out))
    report = _build(docs, out)                                   # nothing changed: every segment linked
    kept = _segment_inodes(out)
    _same_as_full(out, docs, fulls, report)
    assert _segment_inodes(out).keys() == kept.keys()


def test_crossing_the_size_goes_from_one_file_to_segments_and_back(corpus: list[Path], tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segments, "SPAN", 2)
    docs = _docs(corpus[:6], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    size = segments.size(out / "current" / "graph.nq")
    monkeypatch.setattr(segments, "SEGMENTED_FROM", size + 1)     # six documents: one file; more: segments
    assert (out / "current" / "graph.nq").is_file()
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    for f in corpus[6:8]:
        shutil.copy(f, docs / f.name)
    _same_as_full(out, docs, fulls, _build(docs, out))
    assert (out / "current" / "graph.nq").is_dir()
    for f in corpus[6:8]:
        (docs / f.name).unlink()
    _same_as_full(out, docs, fulls, _build(docs, out))
    assert (out / "current" / "graph.nq").is_file()


def test_readers_take_the_segments_as_one_file(corpus: list[Path], tmp_path: Path, small_segments: None) -> None:
    from click.testing import CliRunner

    from qgraph.cli import main
    from qgraph.extsort import read_rows
    from qgraph.generations import read_parts

    docs = _docs(corpus[:4], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    nq = (out / "current" / "graph.nq").resolve()
    whole = segments.concatenated(nq)
    assert whole == b"".join(p.read_bytes() for p in sorted(nq.glob("*.nq")))
    assert len(list(read_rows(nq))) == whole.count(b"\n")
    exported = CliRunner().invoke(main, ["export", "-f", "nq", "--build", str(out)])
    assert exported.exit_code == 0, exported.output
    assert sorted(exported.stdout_bytes.splitlines()) == sorted(whole.splitlines())
    valid = CliRunner().invoke(main, ["validate", "--build", str(out), "--engine", "sparql"])
    assert valid.exit_code == 0, valid.output
    query = Path(__file__).resolve().parent.parent / "queries" / "speakers.rq"
    (tmp_path / "one.nq").write_bytes(whole)
    asked = [CliRunner().invoke(main, ["query", str(query), "--graph", str(where), "--format", "json"])
             for where in (nq, tmp_path / "one.nq")]
    assert asked[0].exit_code == 0 and asked[0].stdout == asked[1].stdout, asked[0].output
    # verify reads every segment: one byte changed in one graph is named
    parts = read_parts((nq.parent / "graph.nq.parts").read_bytes())
    iri, length, _ = parts[2]
    at = sum(n for _, n, _ in parts[:2]) + length // 2
    offset = 0
    for seg in segments.files(nq):
        n = seg.stat().st_size
        if offset <= at < offset + n:
            data = bytearray(seg.read_bytes())
            i = at - offset
            data[i] = ord("#") if data[i] != ord("#") else ord("%")
            seg.unlink()
            seg.write_bytes(bytes(data))
            break
        offset += n
    bad = CliRunner().invoke(main, ["verify", "--build", str(out)])
    assert bad.exit_code == 1 and f"<{iri}>" in bad.stderr, bad.output
