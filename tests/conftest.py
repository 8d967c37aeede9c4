"""Shared fixtures. Add yours with a small edit; keep this file short."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def sigint_default() -> None:
    """``preexec_fn`` of a child a test interrupts with SIGINT: Ctrl-C acts as on a terminal even when the
    test run itself was started in the background, where the shell hands its children SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class OxigraphServer:
    """A real ``oxigraph serve`` process on 127.0.0.1 (Graph Store at ``/store``, SPARQL at ``/query``)."""

    location: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    def start(self) -> None:
        exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
        if exe is None:
            pytest.skip("the oxigraph server CLI is not installed (pip install oxigraph)")
        self.process = subprocess.Popen(
            [exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for _ in range(400):  # ready in ~0.05 s; give up after ~20 s
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("oxigraph serve did not become ready")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        query = urllib.parse.quote(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        req = urllib.request.Request(f"{self.query_url}?query={query}", headers={"Accept": "text/csv"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            return int(resp.read().decode().splitlines()[1])


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A running Oxigraph server on a free 127.0.0.1 port, killed after the test."""
    server = OxigraphServer(tmp_path / "oxigraph", free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _fixture_graph(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """``tests/fixtures/<name>.trig`` plus the ontology graph, as the N-Quads file a build writes."""
    import pyoxigraph as ox

    root = Path(__file__).resolve().parent.parent
    store = ox.Store()
    store.load(path=str(root / "tests" / "fixtures" / f"{name}.trig"), format=ox.RdfFormat.TRIG)
    store.load(path=str(root / "ontology" / "qgraph.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode("https://w3id.org/qgraph/def"))
    path = tmp_path_factory.mktemp(name) / "graph.nq"
    store.dump(output=str(path), format=ox.RdfFormat.N_QUADS)
    return path


@pytest.fixture(scope="session")
def mini_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tests/fixtures/mini.trig`` plus the ontology graph (query tests)."""
    return _fixture_graph(tmp_path_factory, "mini")


@pytest.fixture(scope="session")
def services_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tests/fixtures/services.trig`` (centres, facilities and figures with and without a place)."""
    return _fixture_graph(tmp_path_factory, "services")


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``qgraph build`` of the sample corpus (``data/corpus``) into a temporary ``out/`` (graph.nq, store/, …)."""
    from click.testing import CliRunner

    from qgraph.cli import main

    root = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.mktemp("sample-build")
    result = CliRunner().invoke(main, ["build", str(root / "data" / "corpus"), "-o", str(out)])
    if not (out / "graph.nq").is_file():
        pytest.fail(f"the sample build wrote no graph.nq:\n{result.output}")
    return out


@pytest.fixture(scope="session")
def two_reports_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``qgraph build`` of the sample and ``tests/fixtures/two-reports/`` (the same city a year apart)."""
    from click.testing import CliRunner

    from qgraph.cli import main

    root = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.mktemp("two-reports-build")
    result = CliRunner().invoke(main, ["build", str(root / "data" / "corpus"), str(root / "tests" / "fixtures" / "two-reports"),
                                       "-o", str(out)])
    if not (out / "store").is_dir():
        pytest.fail(f"the two-report build wrote no store:\n{result.output}")
    return out


@pytest.fixture(scope="session")
def two_reports_html(two_reports_build: Path) -> Path:
    """``qgraph report`` of :func:`two_reports_build`, written next to it."""
    from click.testing import CliRunner

    from qgraph.cli import main

    out = two_reports_build.parent / f"{two_reports_build.name}-report.html"
    result = CliRunner().invoke(main, ["report", "--build", str(two_reports_build), "-o", str(out)])
    if result.exit_code != 0 or f"written: {out}" not in result.output:
        pytest.fail(f"qgraph report failed:\n{result.output}")
    return out
