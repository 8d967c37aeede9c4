"""Query results stream: rows are written as the engine produces them, so a reader that stops
early (``| head -3``) gets its rows at once and the engine is stopped."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from qgraph.errors import QueryError
from qgraph.query import run_query, stream_query
from qgraph.results import format_result

CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # about 10^11 rows on the sample


def test_head_gets_rows_at_once_and_the_engine_stops(sample_build: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from qgraph.cli import main; main()", "query", "-e", CARTESIAN, "-f", "csv",
         "--timeout", "0", "--build", str(sample_build)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    lines = [proc.stdout.readline() for _ in range(3)]  # without streaming this never returns
    assert lines[0].decode().strip() == "a,b,c,d,e,f,g,h,i" and all(lines)
    proc.stdout.close()  # like `head`, stop reading
    assert proc.wait(timeout=120) in (0, 141)  # 141: the pipe was closed, as after `| head`
    assert b"Traceback" not in proc.stderr.read()


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_streamed_output_equals_the_formatted_result(mini_graph: Path, fmt: str) -> None:
    query = "SELECT ?p ?t WHERE { ?p a qg:Policy ; dcterms:title ?t } ORDER BY ?t"
    out = io.BytesIO()
    assert stream_query(mini_graph, query, out, fmt=fmt) is True
    assert out.getvalue().decode() == format_result(run_query(mini_graph, query), fmt)


def test_streamed_graph_and_parameters(mini_graph: Path) -> None:
    out = io.BytesIO()
    stream_query(mini_graph, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }", out, fmt="nt",
                 params={"l": '"枣庄市"@zh'})
    triples = list(ox.parse(out.getvalue(), format=ox.RdfFormat.N_TRIPLES))
    assert triples and all(t.object == ox.Literal("枣庄市", language="zh") for t in triples)


def test_stream_errors_are_one_clear_error(mini_graph: Path) -> None:
    with pytest.raises(QueryError, match="syntax error"):
        stream_query(mini_graph, "SELEC", io.BytesIO(), fmt="csv")
    with pytest.raises(QueryError, match="cannot be written as nt"):
        stream_query(mini_graph, "SELECT * {}", io.BytesIO(), fmt="nt")
    with pytest.raises(QueryError, match="ran longer than"):
        stream_query(mini_graph, CARTESIAN.replace("SELECT *", "SELECT (COUNT(*) AS ?n)"), io.BytesIO(),
                     fmt="csv", timeout=1)
