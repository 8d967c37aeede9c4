"""A build stopped at any stage, by Ctrl-C (SIGINT) or ``kill -9`` (SIGKILL), leaves a complete
build current: the previous one, byte for byte, or (once ``current`` was switched) the new one;
every reader sees that same build; the next build removes what the stopped one left behind.

The signals are real and sent at an exact point by the ``QGRAPH_FAULT`` testing hook
(:mod:`qgraph.faults`), in forked children of ``tests/fault_driver.py``, not by timing luck.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qgraph import faults, generations, store
from qgraph.query import run_query
from conftest import sigint_default
from rdf_samples import make_dataset

pytestmark = pytest.mark.slow  # about 40 s: 23 builds, each stopped by a real signal

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "tests" / "golden" / "mini-report.txt"
SWITCHED = ("switch", "links", "cleanup")  # stages after which the new build is current
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def snapshot(build_dir: Path) -> dict[str, bytes]:
    """Every file of the current generation (store files included), by relative path."""
    gen = generations.current_generation(build_dir)
    return {p.relative_to(gen.directory).as_posix(): p.read_bytes()
            for p in sorted(gen.directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def stopped_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    base = tmp_path_factory.mktemp("faults")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(REPORT, corpus / "first.txt")
    shutil.copy(REPORT, corpus / "second.txt")
    template = base / "template"
    cases = []
    for stage in faults.STAGES:
        for sig in ("INT", "KILL"):
            args = ["build", str(corpus)] + ([] if stage == "validate" else ["--no-validate"])
            cases.append({"dir": str(base / f"{stage}-{sig}"), "fault": f"after:{stage}:{sig}", "args": args})
    request = {"template": str(template), "first": ["build", str(REPORT), "--no-validate"], "cases": cases}
    done = subprocess.run([sys.executable, str(REPO / "tests" / "fault_driver.py")], input=json.dumps(request),
                          capture_output=True, text=True, timeout=600, cwd=base, preexec_fn=sigint_default)
    assert done.returncode == 0, done.stderr
    return {"base": base, "template": template, "codes": json.loads(done.stdout.splitlines()[-1]),
            "previous": snapshot(template)}


@pytest.mark.parametrize("sig", ["INT", "KILL"])
@pytest.mark.parametrize("stage", faults.STAGES)
def test_stopped_build_leaves_one_complete_build(stopped_builds: dict[str, object], stage: str, sig: str) -> None:
    base: Path = stopped_builds["base"]  # type: ignore[assignment]
    out = base / f"{stage}-{sig}"
    code = stopped_builds["codes"][str(out)]  # type: ignore[index]
    err = Path(f"{out}.stderr").read_text(encoding="utf-8")
    if sig == "KILL":
        assert code == -9, err
    else:
        assert code == 130, err
        assert "interrupted" in err and "Traceback" not in err

    gen = generations.current_generation(out)  # complete, as its manifest says
    now = snapshot(out)
    if stage in SWITCHED:
        assert now != stopped_builds["previous"]
        assert "second" in (gen.directory / "graph.nq").read_text(encoding="utf-8")
    else:
        assert now == stopped_builds["previous"], "the previous build was changed"
    for entry in gen.files().values():  # every listed file as the manifest says
        if not entry["path"].startswith("store/"):
            assert (gen.directory / entry["path"]).stat().st_size == entry["size"]
    assert generations.verify(out)[1] == []  # and every byte of it (graph.nq graph by graph)
    if sig == "INT" and stage not in SWITCHED:  # Ctrl-C cleans up at once
        assert sorted(os.listdir(out / generations.GENERATIONS)) == sorted(
            [generations.LOCK, generations.MARKER, gen.directory.name])
        assert not [p for p in os.listdir(out) if p.endswith(".tmp")]

    # every reader reads the same build: export / load, query / serve / explain, the store itself
    source = store.default_graph_source(out)
    assert source.parent == gen.directory
    if stage == "store":  # the case, through the query command's worker process (slow)
        queried = int(run_query(source, COUNT, timeout=60).rows[0][0].value)
    else:  # the same engine on the same store, in-process
        queried = int(next(iter(store.open_graph(source).query(COUNT)))["n"].value)
    exported = store.built_nquads(out).count(b"\n")
    in_store = len(store.open_store(gen.store))
    assert exported == queried == in_store == gen.quads

    # the next build removes every leftover and is complete
    del gen  # (while it lives it holds its generation, as `qgraph serve` does)
    store.publish(make_dataset(), out, with_store=False)  # (no store: 0.4 s less per case)
    assert len(os.listdir(out / generations.GENERATIONS)) == 3  # lock, marker, the new generation
    kept = (generations.GENERATIONS, ".cache")  # .cache: the extraction cache, kept on purpose
    assert not [p for p in os.listdir(out) if p.startswith(".") and p not in kept]
    assert sorted(p for p in os.listdir(out) if p != ".cache") == [
        ".generations", "current", "graph.jsonld", "graph.nq", "graph.ttl", "manifest.json", "void.ttl"]
    assert store.built_nquads(out).count(b"\n") == generations.current_generation(out).quads


def test_every_stage_was_reached(stopped_builds: dict[str, object]) -> None:
    """A stage the build never reaches would make its case above pass without being stopped."""
    codes = stopped_builds["codes"]
    assert len(codes) == 2 * len(faults.STAGES)  # type: ignore[arg-type]
    assert set(codes.values()) == {130, -9}  # type: ignore[union-attr]


def test_a_malformed_fault_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from qgraph.errors import InputError

    monkeypatch.setenv("QGRAPH_FAULT", "after:nowhere")
    with pytest.raises(InputError, match="QGRAPH_FAULT: 'after:nowhere' is not after:<stage>"):
        faults.checkpoint("read")
    monkeypatch.delenv("QGRAPH_FAULT")
    faults.checkpoint("read")  # unset: nothing happens
