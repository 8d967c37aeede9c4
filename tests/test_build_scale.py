"""The build at scale: parallel extraction, the per-document cache, stage timings, progress.

Each test builds a handful of generated documents (``benchmarks/gen_corpus.py``); what matters
is that the outputs are the same bytes whatever the number of processes and whether
extractions came from the cache.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from gen_corpus import write_corpus  # noqa: E402

from qgraph.cli import main  # noqa: E402
from qgraph.extract_pool import ExtractionCache, environment_key  # noqa: E402
from qgraph.pipeline import build, read_documents  # noqa: E402
from qgraph.resources import resource_dir  # noqa: E402
from qgraph.shards import CorpusTable, cached_shard, map_many  # noqa: E402

FORMATS = ("nq", "ttl")


def _outputs(out: Path) -> dict[str, bytes]:
    return {f: (out / f"graph.{f}").read_bytes() for f in FORMATS}


def _quick(paths: list[Path], out: Path, **kw: object):
    return build(paths, out, formats=FORMATS, with_store=False, validate=False, **kw)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(8, root / "docs", seed=3)
    return root / "docs"


def test_parallel_build_is_byte_identical_to_sequential(corpus: Path, tmp_path: Path) -> None:
    one = _quick([corpus], tmp_path / "one", jobs=1, use_cache=False)
    two = _quick([corpus], tmp_path / "two", jobs=2, use_cache=False)
    assert one.documents == two.documents == 8 and not one.errors and not two.errors
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")
    assert one.triples == two.triples and one.classes == two.classes


def test_cache_extracts_only_new_documents_and_keeps_the_bytes(corpus: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    files = sorted(corpus.iterdir())
    for f in files[:6]:
        shutil.copy(f, docs / f.name)
    out = tmp_path / "out"
    first = _quick([docs], out, jobs=1)
    assert first.cache == "cache: 0 of 6 document(s) unchanged, 6 extracted"
    assert len(list((out / ".cache" / "shard").glob("*/*.meta"))) == 6
    for f in files[6:]:
        shutil.copy(f, docs / f.name)
    again = _quick([docs], out, jobs=2)
    assert again.cache == "cache: 6 of 8 document(s) unchanged, 2 extracted"
    uncached = _quick([docs], tmp_path / "plain", jobs=1, use_cache=False)
    assert uncached.cache is None and not (tmp_path / "plain" / ".cache").exists()
    assert _outputs(out) == _outputs(tmp_path / "plain")
    (docs / files[0].name).unlink()      # a removed document leaves the cache too
    third = _quick([docs], out, jobs=1)
    assert third.cache == "cache: 7 of 7 document(s) unchanged, 0 extracted"
    assert len(list((out / ".cache" / "shard").glob("*/*.meta"))) == 7


def test_a_changed_document_is_extracted_again(corpus: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(corpus, docs)
    out = tmp_path / "out"
    _quick([docs], out, jobs=1)
    target = sorted(docs.iterdir())[2]
    target.write_text(target.read_text("utf-8").replace("质量", "品质", 1), "utf-8")
    report = _quick([docs], out, jobs=1)
    assert report.cache == "cache: 7 of 8 document(s) unchanged, 1 extracted"
    _quick([docs], tmp_path / "plain", jobs=1, use_cache=False)
    assert _outputs(out) == _outputs(tmp_path / "plain")


def test_changed_environment_rebuilds_all_and_says_why(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _quick([corpus], out, jobs=1)
    key_file = out / ".cache" / "key.json"
    stored = json.loads(key_file.read_text())
    stored["lexicon"] = "0" * 16
    key_file.write_text(json.dumps(stored))
    report = _quick([corpus], out, jobs=1)
    assert report.cache == "cache: lexicon changed, rebuilding all"
    assert _quick([corpus], out, jobs=1).cache == "cache: 8 of 8 document(s) unchanged, 0 extracted"


def test_environment_key_follows_the_lexicon_files(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon"
    shutil.copytree(resource_dir("lexicon"), lexicon)
    before = environment_key(lexicon)
    assert before == environment_key(lexicon)
    places = lexicon / "places.tsv"
    places.write_bytes(places.read_bytes() + b"\n")
    after = environment_key(lexicon)
    assert [k for k in before if before[k] != after[k]] == ["lexicon"]


def test_unreadable_cache_entry_is_extracted_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _quick([corpus], out, jobs=1)
    for entry in (out / ".cache" / "shard").glob("*/*.meta"):
        entry.write_bytes(b"not a pickle")
    # the kept corpus table answers for unchanged documents without reading their records
    assert _quick([corpus], out, jobs=1).cache == "cache: 8 of 8 document(s) unchanged, 0 extracted"
    (out / ".cache" / "table.sqlite").unlink()  # without it every record is read: the damaged ones are done again
    report = _quick([corpus], out, jobs=1)
    assert report.cache == "cache: 0 of 8 document(s) unchanged, 8 extracted"
    shards = sorted((out / ".cache" / "shard").glob("*/*.nq"))
    assert len(shards) == 8
    shards[0].unlink()                       # a shard file lost: that document is done again
    assert _quick([corpus], out, jobs=1).cache == "cache: 7 of 8 document(s) unchanged, 1 extracted"
    docs, _ = read_documents([corpus])
    assert all(cached_shard(ExtractionCache(out).shard_dir, d) is not None for d in docs)


def test_each_shared_line_reaches_the_table_whatever_ran_before_in_the_process(corpus: Path, tmp_path: Path) -> None:
    # a worker sends each shared line and minted IRI once per build; a worker forked from a
    # process that mapped documents before (here: -j 1 in this process) must still send them all
    from qgraph.mapping import map_document
    from qgraph.extract import extract
    from qgraph.lexicon import load_lexicon

    docs, _ = read_documents([corpus])
    lex = load_lexicon()
    expected = {line for d in docs for line in map_document(extract(d, lex), lex).shared}
    tables = []
    for n, jobs in enumerate((1, 2, 1, 2)):
        table = CorpusTable()
        metas, errors = map_many(docs, lex, shard_dir=tmp_path / str(n), jobs=jobs, table=table)
        assert len(metas) == len(docs) and not errors and not any(m.shared or m.minted for m in metas)
        tables.append(table)
    assert all(t.shared == expected for t in tables)
    assert all(t.iris == tables[0].iris for t in tables) and len(tables[0].iris) > len(docs)


@pytest.mark.parametrize("victim_at", [0, 4, 7])
def test_documents_in_tasks_of_three_and_one_that_kills_its_worker(corpus: Path, tmp_path: Path, victim_at: int,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # a worker takes three documents at a time: the ones in the dead worker's tasks are run again,
    # each alone, and only the culprit is lost
    docs, _ = read_documents([corpus])
    monkeypatch.setenv("QGRAPH_CRASH_EXTRACT", docs[victim_at].doc_id)
    progress: list[int] = []
    table = CorpusTable()
    metas, errors = map_many(docs, shard_dir=tmp_path / "chunked", jobs=2, chunk=3, table=table,
                             on_progress=lambda done, total: progress.append(done))
    assert [e.path for e in errors] == [docs[victim_at].source]
    assert [m.doc_id for m in metas] == [d.doc_id for d in docs if d is not docs[victim_at]]
    assert progress == list(range(1, 9))
    monkeypatch.delenv("QGRAPH_CRASH_EXTRACT")
    alone = CorpusTable()
    expected, _ = map_many([d for d in docs if d is not docs[victim_at]], shard_dir=tmp_path / "one", jobs=1, table=alone)
    assert [Path(m.path).read_bytes() for m in metas] == [Path(m.path).read_bytes() for m in expected]
    assert table.shared == alone.shared and table.iris == alone.iris


def test_a_document_that_kills_its_worker_is_one_error(corpus: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    docs, _ = read_documents([corpus])
    victim = docs[3]
    monkeypatch.setenv("QGRAPH_CRASH_EXTRACT", victim.doc_id)
    report = _quick([corpus], tmp_path / "out", jobs=2, use_cache=False)
    assert report.documents == 7
    assert [e.path for e in report.errors] == [victim.source]
    assert "crashed its worker process" in str(report.errors[0])
    monkeypatch.delenv("QGRAPH_CRASH_EXTRACT")
    rest = tmp_path / "rest"
    rest.mkdir()
    for d in docs:
        if d is not victim:
            shutil.copy(d.source, rest / Path(d.source).name)
    _quick([rest], tmp_path / "plain", jobs=1, use_cache=False)
    moved = {f: data.replace(str(rest).encode(), str(corpus).encode()) for f, data in _outputs(tmp_path / "plain").items()}
    assert _outputs(tmp_path / "out") == moved          # the same graph but for the files' paths


def test_timings_and_progress(corpus: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    began: list[str] = []
    report = build([corpus], tmp_path / "out", formats=("nq",), jobs=2, on_progress=lambda d, t: seen.append((d, t)),
                   on_stage=began.append)
    assert began == ["read", "extract", "resolve", "validate", "write", "count"]
    stages = dict(report.timings)
    for stage in ("read", "extract", "extract cpu", "map cpu", "resolve", "write nq", "store", "validate", "void counts"):
        assert stage in stages and stages[stage] >= 0
    assert [d for d, _ in seen] == list(range(1, 9)) and {t for _, t in seen} == {8}


def test_cli_json_summary_and_no_progress_off_a_terminal(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "--json", "-j", "2",
                                       "--no-validate", "--no-store", "--format", "nq"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 8 and summary["triples"] > 0
    assert {"read", "extract", "map cpu", "resolve", "write nq"} <= set(summary["timings"])
    assert "extracting:" not in result.stderr
    assert "cache:" not in result.stderr                  # a first build has nothing to say about it
    again = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "-j", "1",
                                      "--no-validate", "--no-store", "--format", "nq"])
    assert "qgraph: cache: 8 of 8 document(s) unchanged, 0 extracted" in again.stderr


def test_progress_line(capsys: pytest.CaptureFixture[str]) -> None:
    from qgraph.build_output import BuildProgress

    ticks = iter([0.5, 0.55, 2.0])
    progress = BuildProgress()
    progress.clock = lambda: next(ticks)
    progress.start = progress.last = 0.0
    progress(1, 4)             # at 0.5 s: shown
    progress(2, 4)             # at 0.55 s: too soon after the last line, skipped
    progress(4, 4)             # at 2.0 s: the last one is always shown
    progress.stage("validate")
    progress.close()
    err = capsys.readouterr().err
    assert "\rvalidate …" in err
    assert "extracting: 1/4 documents, 2.0/s, ETA 2 s" in err
    assert "2/4" not in err
    assert "extracting: 4/4 documents, 2.0/s, ETA 0 s" in err
    assert err.endswith("\r")         # the line is cleared (click drops the escape off a terminal)


def test_both_validation_engines_agree_on_a_build(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"   # a pass rate above 100 %: one violation
    bad.write_text("---\ntitle: 枣庄市2024年质量工作情况\ndate: 2024-12-30\nplace: 枣庄市\n---\n"
                   "2024年，枣庄市市场监督管理局抽查产品685批次，合格率为140%。\n", encoding="utf-8")
    sparql = build([corpus, bad], tmp_path / "a", formats=("nq",), with_store=False, jobs=2)
    reference = build([corpus, bad], tmp_path / "b", formats=("nq",), with_store=False, jobs=1, engine="pyshacl")
    assert sparql.validation is not None and reference.validation is not None
    assert [v.message for v in sparql.validation.violations] == [
        "a percentage (such as a pass rate) must lie between 0 and 100"]
    assert sparql.validation.violations == reference.validation.violations
    assert sparql.conforms == reference.conforms
    assert (tmp_path / "a" / "graph.nq").read_bytes() == (tmp_path / "b" / "graph.nq").read_bytes()


def test_documents_added_to_a_built_corpus_take_one_worker_per_32(corpus: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's start costs as much as a score of documents: a rebuild that adds a few runs one
    worker (a build from scratch one per core), and writes the same bytes."""
    import qgraph.shards as shards
    from qgraph.extract_pool import pool_size

    assert [pool_size(n, 2) for n in (1, 10, 32, 33, 64, 65, 10_000)] == [1, 1, 1, 2, 2, 2, 2]
    assert pool_size(200, 8) == 7 and pool_size(5, 1) == 1
    seen: list[int] = []
    real = shards.pooled

    def counting(docs, todo, jobs, *args, **kw):  # type: ignore[no-untyped-def]
        seen.append(jobs)
        return real(docs, todo, jobs, *args, **kw)

    monkeypatch.setattr(shards, "pooled", counting)
    docs = tmp_path / "docs"
    docs.mkdir()
    files = sorted(corpus.iterdir())
    for f in files[:5]:
        shutil.copy(f, docs / f.name)
    out = tmp_path / "out"
    _quick([docs], out, jobs=2)
    for f in files[5:]:
        shutil.copy(f, docs / f.name)
    _quick([docs], out, jobs=2)
    assert seen == [2, 1]  # from scratch: two workers; three documents added: one
    fresh = _quick([docs], tmp_path / "fresh", jobs=2, use_cache=False)
    assert fresh.documents == 8 and _outputs(out) == _outputs(tmp_path / "fresh")
