"""Incremental builds: a rebuild that starts from the previous generation gives the same bytes as a
full build of the same corpus (graph.nq, the store's quads, the validation report, VoID, the build
state, the manifest's counts), and falls back to a full build, saying why, when it cannot."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from gen_corpus import write_corpus  # noqa: E402

from qgraph.generations import verify  # noqa: E402
from qgraph.incremental import STATE_FILE  # noqa: E402
from qgraph.pipeline import build  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("incr-corpus")
    return sorted(write_corpus(9, root / "docs", seed=11))


def _docs(files: list[Path], tmp_path: Path) -> Path:
    """A directory ``docs`` under ``tmp_path`` holding copies of ``files``."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in files:
        shutil.copy(f, docs / f.name)
    return docs


def _build(docs: Path, out: Path, **kw: object):
    return build([docs], out, formats=kw.pop("formats", ("nq",)), jobs=1, **kw)  # type: ignore[arg-type]


def _store_dump(out: Path) -> list[bytes]:
    store = ox.Store.read_only(str(out / "current" / "store"))
    try:
        return sorted(store.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    finally:
        del store


def _same_as_full(out: Path, docs: Path, tmp: Path, report, formats=("nq",)) -> None:
    full_out = tmp / f"full-{len(list(tmp.iterdir()))}"
    full = _build(docs, full_out, incremental=False, formats=formats)
    assert report.rebuild is None and "store checkpoint" in dict(report.timings)  # it was incremental
    from qgraph.answers import ANSWERED, KEY_FILE, answer_file

    for name in ("graph.nq", "void.ttl", STATE_FILE, *(f"graph.{f}" for f in formats),
                 KEY_FILE, *(answer_file(n) for n in ANSWERED)):
        assert (out / "current" / name).read_bytes() == (full_out / "current" / name).read_bytes(), name
    assert _store_dump(out) == _store_dump(full_out)
    assert report.validation.violations == full.validation.violations
    assert report.validation.conforms == full.validation.conforms
    assert (report.triples, report.classes, report.documents) == (full.triples, full.classes, full.documents)
    manifest = [json.loads((o / "current" / "manifest.json").read_text()) for o in (out, full_out)]
    assert manifest[0]["quads"] == manifest[1]["quads"]
    sums = [{f["path"]: f for f in m["files"] if not f["path"].startswith("store/")} for m in manifest]
    assert sums[0] == sums[1]
    assert sums[0]["graph.nq"]["parts"] == "graph.nq.parts" and "sha256" not in sums[0]["graph.nq"]
    assert verify(out) == (len(manifest[0]["files"]), [])  # every byte as its manifest lists it


def test_add_change_remove_give_the_bytes_of_a_full_build(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:6], tmp_path)
    out = tmp_path / "out"
    first = _build(docs, out)
    assert first.rebuild is None and "store checkpoint" not in dict(first.timings)
    previous = (out / "current").resolve()
    nq_before = (previous / "graph.nq").read_bytes()
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    for f in corpus[6:]:                                   # three documents added
        shutil.copy(f, docs / f.name)
    _same_as_full(out, docs, fulls, _build(docs, out))
    target = docs / corpus[1].name                        # one changed
    target.write_text(target.read_text("utf-8").replace("质量", "品质", 1), "utf-8")
    _same_as_full(out, docs, fulls, _build(docs, out))
    (docs / corpus[0].name).unlink()                      # one removed, one more changed
    target = docs / corpus[4].name
    target.write_text(target.read_text("utf-8") + "\n全市产品质量监督抽查合格率为97.5%。\n", "utf-8")
    _same_as_full(out, docs, fulls, _build(docs, out))
    _same_as_full(out, docs, fulls, _build(docs, out))     # nothing changed
    assert nq_before != (out / "current" / "graph.nq").read_bytes()


def test_turtle_is_sorted_again_and_equal(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:4], tmp_path)
    out = tmp_path / "out"
    _build(docs, out, formats=("nq", "ttl"))
    shutil.copy(corpus[4], docs / corpus[4].name)
    report = _build(docs, out, formats=("nq", "ttl"))
    assert "sort" in dict(report.timings)
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    _same_as_full(out, docs, fulls, report, formats=("nq", "ttl"))


def test_previous_generation_stays_whole_until_the_switch(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:4], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    previous = (out / "current").resolve()
    listing = {p.relative_to(previous): p.read_bytes() for p in previous.rglob("*") if p.is_file()}
    shutil.copy(corpus[4], docs / corpus[4].name)
    env = {**os.environ, "QGRAPH_FAULT": "after:validate:KILL"}
    run = subprocess.run([sys.executable, "-c", "from qgraph.cli import main; main()", "build", str(docs), "-o", str(out), "-f", "nq", "-j", "1"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode != 0
    assert (out / "current").resolve() == previous              # still current, every byte as it was
    assert {p.relative_to(previous): p.read_bytes() for p in previous.rglob("*") if p.is_file()} == listing
    store = ox.Store.read_only(str(previous / "store"))
    assert len(store) == len((previous / "graph.nq").read_bytes().splitlines())
    del store
    report = _build(docs, out)                                     # and the next build starts from it
    assert report.rebuild is None and "store checkpoint" in dict(report.timings)


def test_a_bad_document_is_named_and_the_rest_builds(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:4], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    shutil.copy(corpus[4], docs / corpus[4].name)
    (docs / "empty.txt").write_text("  \n", "utf-8")
    report = _build(docs, out)
    assert report.documents == 5 and len(report.errors) == 1 and "empty.txt" in str(report.errors[0])
    assert report.exit_code == 2
    (docs / "empty.txt").unlink()
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    _same_as_full(out, docs, fulls, report)


@pytest.mark.parametrize("damage, says", [
    ("env", "full rebuild: lexicon changed"),
    ("state", "full rebuild: the previous build state cannot be read"),
    ("nq", "full rebuild: the previous build's graph.nq does not match its build state"),
    ("store", "full rebuild: the previous build has no store"),
    ("version", "full rebuild: the previous build was made by qgraph 0.0.1"),
])
def test_full_rebuild_says_why(corpus: list[Path], tmp_path: Path, damage: str, says: str) -> None:
    docs = _docs(corpus[:3], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    current = (out / "current").resolve()
    state_file = current / STATE_FILE
    state = json.loads(state_file.read_text())
    if damage == "env":
        state["env"]["lexicon"] = "0" * 16
        state_file.write_text(json.dumps(state))
    elif damage == "state":
        state_file.write_text("{not json")
    elif damage == "nq":
        with open(current / "graph.nq", "a") as f:
            f.write("<urn:x> <urn:y> <urn:z> <urn:g> .\n")
    elif damage == "store":
        shutil.rmtree(current / "store")
    else:
        state["qgraph_version"] = "0.0.1"
        state_file.write_text(json.dumps(state))
    shutil.copy(corpus[3], docs / corpus[3].name)
    report = _build(docs, out)
    assert report.rebuild is not None and report.rebuild.startswith(says)
    assert "store checkpoint" not in dict(report.timings)
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    full = _build(docs, fulls / "f", use_cache=False)
    assert (out / "current" / "graph.nq").read_bytes() == (fulls / "f" / "current" / "graph.nq").read_bytes()
    assert report.validation.violations == full.validation.violations


def test_full_flag_and_no_cache(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:1], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    assert _build(docs, out, incremental=False).rebuild is None
    assert _build(docs, out, use_cache=False).rebuild == "full rebuild: --no-cache (the cache is off)"
    after = _build(docs, out)                     # a --no-cache build can be started from
    assert after.rebuild is None and "store checkpoint" in dict(after.timings)
    assert _build(docs, out, formats=("ttl",)).rebuild == "full rebuild: incremental builds need graph.nq among the formats"


def test_merged_shared_lines_are_sorted_as_a_full_sort(corpus: list[Path], tmp_path: Path) -> None:
    import random

    from qgraph.mapping import SHARED_GRAPH
    from qgraph.union import merge_shared, sorted_shared

    docs = _docs(corpus[:3], tmp_path)
    _build(docs, tmp_path / "out")
    lines = [line for line in (tmp_path / "out" / "graph.nq").read_text("utf-8").splitlines()
             if line.endswith(f"<{SHARED_GRAPH}> .")]
    assert len(lines) > 100 and list(sorted_shared(lines)) == lines
    rng = random.Random(5)
    for _ in range(5):
        gone = set(rng.sample(lines, 30))
        made = {line.replace("/id/", f"/id/{rng.choice('abz')}", 1) for line in rng.sample(lines, 40)}
        target = (set(lines) - gone) | made
        assert merge_shared(lines, target) == list(sorted_shared(target))
        delta: tuple[list[str], list[str]] = ([], [])  # the lines that left and came, as a dict's keys too
        assert merge_shared(lines, dict.fromkeys(target, 1), delta) == list(sorted_shared(target))
        assert delta[0] == [line for line in lines if line in gone - made]
        assert delta[1] == [line for line in sorted_shared(target) if line in made - set(lines)]
    assert merge_shared(lines, set(lines), delta := ([], [])) == lines and delta == ([], [])


def test_verify_names_the_graph_that_changed(corpus: list[Path], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from qgraph.cli import main
    from qgraph.generations import read_parts

    docs = _docs(corpus[:4], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    shutil.copy(corpus[4], docs / corpus[4].name)
    assert _build(docs, out).rebuild is None                  # incremental: hashes kept by graph
    ok = CliRunner().invoke(main, ["verify", "--build", str(out)])
    assert ok.exit_code == 0 and "verified:" in ok.stdout, ok.output
    current = (out / "current").resolve()
    parts = read_parts((current / "graph.nq.parts").read_bytes())
    assert sum(n for _, n, _ in parts) == (current / "graph.nq").stat().st_size and len(parts) == 5 + 2  # the documents, the ontology, the shared graph
    iri, length, _ = parts[3]
    at = sum(n for _, n, _ in parts[:3]) + length // 2
    nq = current / "graph.nq"
    data = bytearray(nq.read_bytes())
    data[at] = ord("#") if data[at] != ord("#") else ord("%")  # one byte, same length
    nq.unlink()                                                # (a copy: the file may be linked elsewhere)
    nq.write_bytes(bytes(data))
    bad = CliRunner().invoke(main, ["verify", "--build", str(out)])
    assert bad.exit_code == 1 and f"<{iri}>" in bad.stderr and bad.stderr.count("\n") == 1, bad.output
    listed = (current / "graph.nq.parts").read_bytes()
    (current / "graph.nq.parts").write_bytes(listed.replace(data_sha := listed[:1], b"0" if data_sha != b"0" else b"1", 1))
    again = CliRunner().invoke(main, ["verify", "--build", str(out)])
    assert again.exit_code == 1 and "graph.nq.parts is not the one the manifest lists" in again.stderr, again.output


def test_a_previous_build_listed_by_whole_file_hashes(corpus: list[Path], tmp_path: Path) -> None:
    """A generation made before the parts file (graph.nq hashed whole): the next build hashes the
    graphs it keeps from the previous file once, and is still a full build's bytes."""
    import hashlib

    docs = _docs(corpus[:5], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    current = (out / "current").resolve()
    manifest = json.loads((current / "manifest.json").read_text())
    (current / "graph.nq.parts").unlink()
    entry = next(f for f in manifest["files"] if f["path"] == "graph.nq")
    entry.pop("parts"), entry.pop("sha256_parts")
    entry["sha256"] = hashlib.sha256((current / "graph.nq").read_bytes()).hexdigest()
    manifest["files"] = [f for f in manifest["files"] if f["path"] != "graph.nq.parts"]
    (current / "manifest.json").write_text(json.dumps(manifest))
    assert verify(out) == (len(manifest["files"]), [])
    shutil.copy(corpus[5], docs / corpus[5].name)
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    _same_as_full(out, docs, fulls, _build(docs, out))
    assert (out / "current" / "graph.nq.parts").read_bytes() == (fulls / "full-0" / "current" / "graph.nq.parts").read_bytes()


def test_nothing_changed_links_graph_nq(corpus: list[Path], tmp_path: Path) -> None:
    docs = _docs(corpus[:4], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    before = os.stat(out / "current" / "graph.nq")
    report = _build(docs, out)
    assert report.rebuild is None
    after = os.stat(out / "current" / "graph.nq")
    assert (after.st_ino, after.st_size) == (before.st_ino, before.st_size)
    assert verify(out)[1] == []


def test_answers_are_taken_from_the_previous_build_when_no_listing_changed(corpus: list[Path], tmp_path: Path) -> None:
    """The answers of every row (``selections``, ``trademarks-gi``) read listings, their programmes,
    recipients and reports: a document that adds none keeps the previous answers (the same bytes as
    a full build's); one that adds a listing has them made again."""
    docs = _docs(corpus[:4], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    fulls = tmp_path / "fulls"
    fulls.mkdir()
    (docs / "plain.txt").write_text("清河县市场监督管理局2024年开展食品安全抽检120批次。\n", "utf-8")
    report = _build(docs, out)
    assert "answers reused" in dict(report.timings) and "answers" not in dict(report.timings)
    _same_as_full(out, docs, fulls, report)
    (docs / "listed.txt").write_text("2024年，滕州市入选国家质量强县培育库。\n", "utf-8")
    report = _build(docs, out)
    assert "answers" in dict(report.timings) and "answers reused" not in dict(report.timings)
    _same_as_full(out, docs, fulls, report)
    (docs / "plain.txt").unlink()
    report = _build(docs, out)
    assert "answers reused" in dict(report.timings)
    _same_as_full(out, docs, fulls, report)


def test_shared_lines_that_came_and_went_are_spliced_into_the_previous_bytes(
        corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus table knows which shared lines came and went: a rebuild splices them into the
    previous shared graph's bytes, never merging every line (the same bytes as a full build)."""
    import qgraph.union

    docs = _docs(corpus[:6], tmp_path)
    out = tmp_path / "out"
    _build(docs, out)
    fulls = tmp_path / "fulls"
    fulls.mkdir()

    def merged(*_: object, **__: object) -> list[str]:
        raise AssertionError("the shared graph was merged line by line")

    with monkeypatch.context() as m:
        m.setattr(qgraph.union, "merge_shared", merged)
        for f in corpus[6:]:                                    # three documents added
            shutil.copy(f, docs / f.name)
        _same_as_full(out, docs, fulls, _build(docs, out))
        (docs / corpus[1].name).unlink()                        # one removed, one changed
        target = docs / corpus[2].name
        target.write_text(target.read_text("utf-8").replace("质量", "品质", 1), "utf-8")
        _same_as_full(out, docs, fulls, _build(docs, out))


def test_splice_shared_finds_each_line_or_refuses() -> None:
    from qgraph.union import sorted_shared, splice_shared

    lines = [f"<https://example.org/e{i}> <https://example.org/p> \"{i}\" <https://example.org/g> ." for i in range(40)]
    old = sorted_shared(lines[:30])
    data = "".join(f"{line}\n" for line in old).encode()
    came, gone = lines[30:], [old[0], old[7], old[-1]]
    spliced = splice_shared(data, came, gone)
    assert spliced is not None
    expected = sorted_shared(set(old) - set(gone) | set(came))
    assert spliced[0] == "".join(f"{line}\n" for line in expected).encode()
    assert splice_shared(data, [old[3]], []) is None             # already there
    assert splice_shared(data, [], [lines[35]]) is None           # not there to remove
