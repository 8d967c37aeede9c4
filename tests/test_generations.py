"""Build directories: one generation at a time, read through its manifest, never a user's files lost."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qgraph import __version__, generations, store
from qgraph.cli import main
from qgraph.errors import InputError
from rdf_samples import make_dataset

REPORT = Path(__file__).resolve().parent / "golden" / "mini-report.txt"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def n_quads(ds: object) -> int:
    return sum(1 for _ in ds.quads((None, None, None, None)))  # type: ignore[attr-defined]


def test_a_foreign_non_empty_directory_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    (out / "store").mkdir(parents=True)
    (out / "store" / "notes.txt").write_text("my notes", encoding="utf-8")
    (out / "graph.ttl").write_text("my graph", encoding="utf-8")
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    result = run("build", str(REPORT), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"qgraph: error: {out}: not empty and not made by `qgraph build`; choose an empty or new directory (-o), "
        "or pass --force to build beside its files (they are kept)"]
    assert result.stdout == ""
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_force_builds_beside_a_users_files_and_keeps_them(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    (out / "store").mkdir(parents=True)
    (out / "store" / "notes.txt").write_text("my notes", encoding="utf-8")
    (out / "graph.ttl").write_text("my graph", encoding="utf-8")
    for _ in range(2):  # and a rebuild keeps them too
        result = run("build", str(REPORT), "-o", str(out), "--force", "--no-validate")
        assert result.exit_code == 0, result.output
        assert (out / "store" / "notes.txt").read_text(encoding="utf-8") == "my notes"
        assert (out / "graph.ttl").read_text(encoding="utf-8") == "my graph"
    warnings = [line for line in result.stderr.splitlines() if line.startswith("qgraph: warning:")]
    assert warnings == [
        f"qgraph: warning: {out}/graph.ttl: left as it is (qgraph did not make it); "
        f"this build's graph.ttl is {out}/current/graph.ttl",
        f"qgraph: warning: {out}/store: left as it is (qgraph did not make it); "
        f"this build's store is {out}/current/store"]
    assert f"{out}/current/store" in result.stdout and f"{out}/graph.nq" in result.stdout
    gen = generations.current_generation(out)
    assert store.default_graph_source(out) == gen.store  # readers never take the user's store/
    assert len(store.open_store(gen.store)) == store.built_nquads(out).count(b"\n")


def test_a_users_link_at_an_output_name_is_kept(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path)
    (tmp_path / "graph.ttl").unlink()
    (tmp_path / "graph.ttl").symlink_to("/dev/null")
    store.publish(make_dataset(), tmp_path)
    assert os.readlink(tmp_path / "graph.ttl") == "/dev/null"


def test_an_empty_or_missing_directory_and_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    store.publish(make_dataset(), tmp_path / "empty")
    store.publish(make_dataset(), tmp_path / "new" / "deeper")
    assert generations.is_build_dir(tmp_path / "empty") and generations.is_build_dir(tmp_path / "new" / "deeper")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="file: not a directory"):
        store.publish(make_dataset(), tmp_path / "file")


def test_the_manifest_lists_every_file_with_size_and_hash(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["qgraph_version"] == __version__
    assert manifest["quads"] == n_quads(make_dataset())
    assert manifest["exports"] == {"jsonld": "graph.jsonld", "nq": "graph.nq", "ttl": "graph.ttl"}
    assert manifest["store"] == "store" and manifest["void"] == "void.ttl"
    gen = generations.current_generation(tmp_path)
    on_disk = {p.relative_to(gen.directory).as_posix() for p in gen.directory.rglob("*") if p.is_file()}
    assert set(gen.files()) == on_disk - {"manifest.json"}
    assert any(name.startswith("store/") for name in on_disk)
    for name, entry in gen.files().items():
        data = (gen.directory / name).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest(), name


def test_fewer_formats_leave_no_old_file_that_readers_prefer(tmp_path: Path) -> None:
    """``build --format nt`` after a default build: no graph.nq of the old build stays around."""
    store.publish(make_dataset(docs=("a", "b")), tmp_path)
    store.publish(make_dataset(docs=("c",)), tmp_path, formats=("nt",))
    assert not os.path.lexists(tmp_path / "graph.nq") and (tmp_path / "graph.nt").is_file()
    new = n_quads(make_dataset(docs=("c",)))
    assert store.built_nquads(tmp_path).count(b"\n") == new  # export, load
    assert len(store.open_graph(store.default_graph_source(tmp_path))) == new  # query, serve, explain
    assert b"graph/a>" not in store.export(tmp_path, fmt="nq")
    store.publish(make_dataset(docs=("d",)), tmp_path, formats=("nq",), with_store=False)
    assert not os.path.lexists(tmp_path / "store") and not os.path.lexists(tmp_path / "graph.nt")
    assert store.default_graph_source(tmp_path) == generations.current_generation(tmp_path).exports["nq"]


def test_leftovers_of_interrupted_builds_are_removed_and_nothing_else(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path)
    gens = tmp_path / generations.GENERATIONS
    (gens / "20250101T000000Z-unfinished").mkdir()
    (gens / "20250101T000000Z-unfinished" / "graph.nq").write_bytes(b"half")
    (tmp_path / ".graph.ttl.k2j3.tmp").write_bytes(b"half")  # as earlier versions left them
    (tmp_path / ".store.x8a.tmp").mkdir()
    (tmp_path / ".store.x8a.tmp" / "000001.sst").write_bytes(b"half")
    (tmp_path / ".current.abc.tmp").symlink_to("nowhere")
    (tmp_path / "notes.tmp").write_bytes(b"mine")
    (tmp_path / ".my-settings").write_bytes(b"mine")
    store.publish(make_dataset(), tmp_path)
    assert sorted(os.listdir(gens)) == sorted([generations.LOCK, generations.MARKER,
                                               generations.current_generation(tmp_path).directory.name])
    assert sorted(p for p in os.listdir(tmp_path) if p.startswith(".") or p.endswith(".tmp")) == [
        ".generations", ".my-settings", "notes.tmp"]


def test_a_generation_being_read_survives_a_rebuild(tmp_path: Path) -> None:
    """What ``qgraph serve`` holds stays on disk, complete, until it lets go; a later build removes it."""
    store.publish(make_dataset(docs=("a",)), tmp_path)
    held = generations.current_generation(tmp_path)
    store.publish(make_dataset(docs=("b",)), tmp_path)
    now = generations.current_generation(tmp_path, hold=False)
    assert now.directory != held.directory and b"graph/b>" in store.built_nquads(tmp_path)
    assert len(store.open_store(held.store)) == held.quads == n_quads(make_dataset(docs=("a",)))
    assert sorted(os.listdir(tmp_path / ".generations")) == sorted(
        [generations.LOCK, generations.MARKER, held.directory.name, now.directory.name])
    del held
    store.publish(make_dataset(docs=("c",)), tmp_path)
    assert len(os.listdir(tmp_path / ".generations")) == 3


def test_a_changed_build_is_reported_not_read(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path)
    gen = generations.current_generation(tmp_path)
    with (gen.directory / "graph.nq").open("ab") as handle:
        handle.write(b"<http://a> <http://b> <http://c> .\n")
    result = run("export", "--build", str(tmp_path), "--format", "nt")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"qgraph: error: {gen.directory}/graph.nq: ") and "the manifest says" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_every_reader_of_a_build_reads_the_current_generation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """export, validate, query and explain on a build directory, by the CLI."""
    out = tmp_path / "out"
    assert run("build", str(REPORT), "-o", str(out), "--no-validate").exit_code == 0
    monkeypatch.chdir(tmp_path)
    exported = run("export", "--format", "nq").stdout_bytes.count(b"\n")
    counted = run("query", "-g", "out", "-f", "csv", "-e", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert counted.exit_code == 0, counted.output
    assert int(counted.stdout.split()[1]) == exported == generations.current_generation(out).quads
    validated = run("validate", "out")
    assert validated.exit_code == 0 and "SHACL: conforms" in validated.stdout
    shutil.rmtree(out / generations.GENERATIONS)
    broken = run("validate", "out")
    assert broken.exit_code == 2 and "out/current: points to .generations/" in broken.stderr
    assert "which is missing; rebuild" in broken.stderr
    (out / "current").unlink()
    missing = run("query", "statistics")
    assert missing.exit_code == 2 and "out: no built graph here" in missing.stderr


def test_updates_to_a_builds_store_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An update would make the store disagree with graph.nq and the manifest."""
    store.publish(make_dataset(), tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    insert = "INSERT DATA { <http://a> <http://b> <http://c> }"
    for graph in ("out", "out/store", "out/current/store"):
        result = run("query", "--allow-update", "-g", graph, "-e", insert)
        assert result.exit_code == 2, result.output
        assert "part of a build" in result.stderr and len(result.stderr.splitlines()) == 1
    assert len(store.open_store(tmp_path / "out" / "store")) == n_quads(make_dataset())


def test_two_builds_at_once_take_turns(tmp_path: Path) -> None:
    """Builds into one directory are serialised by a lock: neither removes the other's new generation."""
    import threading

    failures: list[BaseException] = []

    def build(doc: str) -> None:
        try:
            store.publish(make_dataset(docs=(doc,)), tmp_path)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=build, args=(doc,)) for doc in ("a", "b", "c")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()   # a hang is caught by pytest's timeout, not by a guess at how slow the machine is
    assert not failures
    gen = generations.current_generation(tmp_path, hold=False)
    assert sorted(os.listdir(tmp_path / ".generations")) == sorted(
        [generations.LOCK, generations.MARKER, gen.directory.name])
    assert store.built_nquads(tmp_path).count(b"\n") == len(store.open_store(gen.store)) == gen.quads


def test_an_output_directory_without_write_permission_is_one_line() -> None:
    """As user 65534 (root may write anywhere): no traceback, one line naming the directory."""
    import subprocess
    import sys
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="qgraph-out-"))
    try:
        base.chmod(0o755)
        shutil.copy(REPORT, base / "report.txt")
        (base / "report.txt").chmod(0o644)
        (base / "out").mkdir(mode=0o755)  # owned by the test's user, not writable by 65534
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        if not drop:
            (base / "out").chmod(0o555)
        done = subprocess.run([*drop, sys.executable, "-c", "from qgraph.cli import main; main()", "build",
                               str(base / "report.txt"), "-o", str(base / "out"), "--no-validate"],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [
            f"qgraph: error: {base}/out/.generations: cannot write the build: permission denied"]
        assert os.listdir(base / "out") == []
    finally:
        (base / "out").chmod(0o755)
        shutil.rmtree(base)


@pytest.mark.server
def test_a_running_serve_keeps_its_build_through_a_rebuild(tmp_path: Path) -> None:
    """A real ``qgraph serve`` process answers from the build it started with, whole, while builds go on."""
    import subprocess
    import sys
    import time
    import urllib.parse
    import urllib.request

    from conftest import free_port

    out = tmp_path / "out"
    store.publish(make_dataset(docs=("a", "b")), out)
    served = generations.current_generation(out, hold=False).directory.name
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from qgraph.cli import main; main()", "serve", "--build", str(out),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"})

    def count() -> int:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/sparql?{query}", headers={"Accept": "text/csv"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return int(resp.read().decode().split()[1])

    try:
        for _ in range(600):
            try:
                before = count()
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.05)
        else:
            pytest.fail("qgraph serve did not answer")
        store.publish(make_dataset(docs=("c",)), out)
        store.publish(make_dataset(docs=("d",)), out)
        assert before == n_quads(make_dataset(docs=("a", "b"))) == count()
        assert served in os.listdir(out / generations.GENERATIONS)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    store.publish(make_dataset(docs=("e",)), out)
    assert served not in os.listdir(out / generations.GENERATIONS)


def test_verify_reads_every_file_of_the_current_build(tmp_path: Path) -> None:
    store.publish(make_dataset(), tmp_path)
    checked, problems = generations.verify(tmp_path)
    assert problems == [] and checked == len(generations.current_generation(tmp_path).files())
    ttl = generations.current_generation(tmp_path).directory / "graph.ttl"
    data = ttl.read_bytes()
    ttl.unlink()
    ttl.write_bytes(data[:-2] + b"#\n")  # same size, one byte changed
    assert generations.verify(tmp_path)[1] == ["graph.ttl: its SHA-256 is not the manifest's"]
