"""Loading into a real Virtuoso (Debian ``virtuoso-opensource``), with HTTP digest auth.

Skipped when ``virtuoso-t`` is not installed (``.ci/install-virtuoso.sh`` installs it). The test
starts its own ``virtuoso-t +foreground`` with a copy of the packaged ``virtuoso.ini`` whose ports
are on 127.0.0.1 and whose database lives in a temporary directory, and stops it afterwards.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import free_port
from qgraph.errors import StoreError
from qgraph.httpclient import Credentials
from qgraph.load import LoadError, load
from qgraph.query import run_query
from rdf_samples import make_dataset

PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
DB_DIR = "/var/lib/virtuoso-opensource-7/db/"

pytestmark = [
    pytest.mark.server,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("virtuoso-t") is None,
                       reason="virtuoso-t is not installed (Debian package virtuoso-opensource; see .ci/install-virtuoso.sh)"),
]


def _port(preferred: int) -> int:
    """``preferred`` if it is free on 127.0.0.1, else any free port."""
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", preferred))
            return preferred
        except OSError:
            return free_port()


@dataclass
class Virtuoso:
    http_port: int

    @property
    def crud_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    @property
    def sparql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def select(self, query: str) -> str:
        url = f"{self.sparql_url}?" + urllib.parse.urlencode({"query": query})
        req = urllib.request.Request(url, headers={"Accept": "text/csv"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.read().decode("utf-8")

    def count(self, graph: str) -> int:
        return int(self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").splitlines()[1])


def _ini(tmp: Path, sql_port: int, http_port: int) -> str:
    if not PACKAGED_INI.is_file():
        pytest.skip(f"{PACKAGED_INI} is missing (virtuoso-opensource installed without its configuration)")
    text = PACKAGED_INI.read_text(encoding="utf-8", errors="replace").replace(DB_DIR, f"{tmp}/")
    section = ""
    lines = []
    for line in text.splitlines():
        if line.startswith("["):
            section = line.strip()
        if re.match(r"ServerPort\s*=", line) and section in ("[Parameters]", "[HTTPServer]"):
            port = sql_port if section == "[Parameters]" else http_port
            line = f"ServerPort = 127.0.0.1:{port}"
        elif re.match(r"DirsAllowed\s*=", line):
            line = f"{line.rstrip()}, {tmp}"
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.fixture
def virtuoso(tmp_path: Path) -> Iterator[Virtuoso]:
    db = tmp_path / "virtuoso"
    db.mkdir()
    sql_port, http_port = _port(1111), _port(8890)
    ini = db / "virtuoso.ini"
    ini.write_text(_ini(db, sql_port, http_port), encoding="utf-8")
    proc = subprocess.Popen(["virtuoso-t", "+configfile", str(ini), "+foreground"], cwd=db,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Virtuoso(http_port)
    try:
        for _ in range(600):  # ready in ~4 s; give up after ~60 s
            if proc.poll() is not None:
                pytest.fail(f"virtuoso-t exited with {proc.returncode}; see {db / 'virtuoso.log'}")
            try:
                server.select("ASK {}")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("virtuoso-t did not become ready")
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_load_into_virtuoso_with_digest_auth(virtuoso: Virtuoso) -> None:
    ds = make_dataset()
    dba = Credentials("dba", "dba")
    report = load(ds, endpoint=virtuoso.crud_url, style="virtuoso", credentials=dba, backoff=0.1)
    assert report.ok and report.triples == 42
    graph = "https://w3id.org/qgraph/id/graph/zz-2025"
    assert virtuoso.count(graph) == 20
    again = load(ds, endpoint=virtuoso.crud_url, style="virtuoso", credentials=dba, backoff=0.1)
    assert again.ok and virtuoso.count(graph) == 20  # replaced, not duplicated
    labels = virtuoso.select(f'SELECT ?l WHERE {{ GRAPH <{graph}> {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}')
    assert "枣庄市市场监督管理局" in labels  # UTF-8 intact
    values = virtuoso.select(f"SELECT ?v WHERE {{ GRAPH <{graph}> {{ ?s <https://w3id.org/qgraph/def#value> ?v }} }}")
    assert "96.2" in values
    # query --endpoint with digest auth too: Virtuoso's /sparql-auth, credentials as the URL's user info
    auth_url = f"http://dba:dba@127.0.0.1:{virtuoso.http_port}/sparql-auth"
    counted = run_query(None, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", endpoint=auth_url)
    assert counted.values() == [{"n": "20"}]
    with pytest.raises(StoreError, match="asks for authentication") as err:
        run_query(None, "ASK {}", endpoint=auth_url.replace("dba:dba@", ""))
    assert "dba" not in str(err.value)


def test_wrong_password_is_refused_without_echo(virtuoso: Virtuoso) -> None:
    with pytest.raises(LoadError, match=r"authentication failed \(HTTP 401\)") as err:
        load(make_dataset(), endpoint=virtuoso.crud_url, style="virtuoso", credentials=Credentials("dba", "not-dba-x7"), backoff=0.1)
    assert "not-dba-x7" not in str(err.value)
    assert str(err.value).endswith("Nothing was changed on the server.")


SAME_ON_VIRTUOSO = ("construction-checks", "enforcement", "facilities", "honours", "innovation-centres", "selections",
                    "trademarks-gi")
"""Stored queries whose plain text gives, without parameters, exactly the local store's CSV rows on Virtuoso 7.2."""

QUIRKS_ON_VIRTUOSO = {"chain-projects": (("chains",), ()), "policies": (("issuedBy",), ("provisional",)),
                      "speakers": (("posts",), ()), "spot-checks": (("categories",), ()),
                      "statistics": ((), ("approximate",))}
"""Stored queries that give the local rows on Virtuoso 7.2 but for its two ways of writing values:
GROUP_CONCAT lists (the first columns) joined by "?" instead of "、", in an order of its own, and
xsd:booleans (the second columns) written 0 / 1."""


def _csv_rows(output: str, lists: tuple[str, ...], booleans: tuple[str, ...], *,
              virtuoso: bool) -> Counter[tuple[tuple[str, object], ...]]:
    rows: Counter[tuple[tuple[str, object], ...]] = Counter()
    for row in csv.DictReader(io.StringIO(output)):
        cells: dict[str, object] = dict(row)
        for name in lists:
            cells[name] = frozenset(str(cells[name]).split("?" if virtuoso else "、"))
        for name in booleans if virtuoso else ():
            cells[name] = {"0": "false", "1": "true"}.get(str(cells[name]), cells[name])
        rows[tuple(sorted(cells.items()))] += 1
    return rows


def test_stored_queries_answer_on_virtuoso(virtuoso: Virtuoso, sample_build) -> None:
    """Virtuoso has no LATERAL: `query --endpoint` sends the plain SPARQL 1.1 text, with the same rows.

    Every stored query Virtuoso 7.2 answers is compared: seven give the very same CSV rows, five the
    same rows once its "?" list separator and 0 / 1 booleans are read back (docs/querying.md).
    ``describe-entity`` and ``figure-over-time`` give no rows there without a parameter, and
    ``inspection-clients`` gives a ``work`` text where the local store gives none.
    """
    from click.testing import CliRunner

    from qgraph.cli import main

    runner = CliRunner(env={"QGRAPH_USER": "dba", "QGRAPH_PASSWORD": "dba"})
    loaded = runner.invoke(main, ["load", "--build", str(sample_build), "--style", "virtuoso",
                                  "--endpoint", virtuoso.crud_url])
    assert loaded.exit_code == 0, loaded.output
    for name in SAME_ON_VIRTUOSO + tuple(QUIRKS_ON_VIRTUOSO):
        remote = runner.invoke(main, ["query", name, "--endpoint", virtuoso.sparql_url, "-f", "csv"])
        local = runner.invoke(main, ["query", name, "--build", str(sample_build), "-f", "csv"])
        assert remote.exit_code == local.exit_code == 0, name + remote.output + local.output
        if name in SAME_ON_VIRTUOSO:
            assert sorted(remote.output.splitlines()[1:]) == sorted(local.output.splitlines()[1:]) != [], name
        else:
            lists, booleans = QUIRKS_ON_VIRTUOSO[name]
            assert (_csv_rows(remote.output, lists, booleans, virtuoso=True)
                    == _csv_rows(local.output, lists, booleans, virtuoso=False) != Counter()), name
