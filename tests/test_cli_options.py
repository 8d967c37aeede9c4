"""One spelling per option across commands (old ones kept, hidden, with a note), machine-readable
summaries, a clear stop when there is nothing to build, and progress only on a terminal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import RDF, SH

from qgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


COMMANDS = ["build", "validate", "query", "explain", "export", "load", "serve", "eval", "analyze", "report", "verify"]


@pytest.mark.parametrize("command", COMMANDS)
def test_one_naming_scheme_and_old_spellings_hidden(command: str) -> None:
    text = run(command, "--help").stdout
    assert "--out " not in text and "--out," not in text  # the old spelling is hidden
    if command in ("validate", "query", "explain", "export", "load", "serve", "analyze", "report", "verify"):
        assert "--build DIR" in text or "--build DIRECTORY" in text, text
    if command in ("query", "explain", "export", "load", "serve"):
        assert "-g, --graph FILE|DIR" in text, text
    if command in ("build", "validate", "query", "explain", "export", "analyze"):
        assert "-f, --format" in text, text
    if command in ("build", "query", "export", "analyze", "report"):
        assert "-o, --output" in text, text
    if command in ("build", "validate", "export", "load", "eval"):
        assert "-q, --quiet" in text, text


def test_old_spelling_still_works_with_a_note(sample_build: Path, tmp_path: Path) -> None:
    new = run("export", "--build", str(sample_build), "-f", "nt")
    old = run("export", "--out", str(sample_build), "--format", "nt")
    assert old.exit_code == 0 and new.exit_code == 0, old.output
    assert old.stdout_bytes == new.stdout_bytes and old.stdout_bytes.count(b"\n") > 1000
    assert "--out is deprecated" in old.stderr and "use --build" in old.stderr
    assert "deprecated" not in new.stderr
    missing = run("export", "--out", str(tmp_path / "nothing"))
    assert missing.exit_code == 2 and "nothing" in missing.stderr  # the alias really is the same parameter


def test_graph_takes_a_build_directory_or_a_file(sample_build: Path) -> None:
    from_dir = run("export", "--graph", str(sample_build), "-f", "nt")
    from_file = run("export", "--graph", str(sample_build / "graph.nq"), "-f", "nt")
    assert from_dir.exit_code == 0 and from_dir.stdout_bytes == from_file.stdout_bytes


def test_build_json_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", str(ROOT / "data" / "corpus"), "-o", str(out), "--json", "--no-store", "-f", "nq")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 1 and summary["triples"] > 1000 and summary["exit_code"] == 0
    assert summary["validation"] == {"conforms": True, "violations": 0}
    assert summary["classes"]["qg:Observation"] > 10
    assert any(p.endswith("graph.nq") for p in summary["written"])


def test_build_outside_the_repository_root_stops_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 2
    assert "data: no such directory" in result.stderr and "qgraph build path/to/reports" in result.stderr
    assert "documents:" not in result.stdout and "conforms" not in result.output
    assert not (tmp_path / "out").exists()
    result = run("build", "nowhere/")
    assert result.exit_code == 2 and "nowhere" in result.stderr and "conforms" not in result.output


def test_build_of_unreadable_documents_only_prints_no_summary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    result = run("build", str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "nothing was built" in result.stderr and "conforms" not in result.output


@pytest.fixture(scope="module")
def broken_graph(sample_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = (sample_build / "graph.ttl").read_text(encoding="utf-8")
    assert text.count("qg:value 96.2 .") == 1
    broken = tmp_path_factory.mktemp("broken") / "broken.ttl"
    broken.write_text(text.replace("qg:value 96.2 .", "qg:value 140.0 ."), encoding="utf-8")
    return broken


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("jsonld", "json-ld")])
def test_validate_writes_the_standard_shacl_report(broken_graph: Path, fmt: str, rdflib_format: str) -> None:
    result = run("validate", str(broken_graph), "-f", fmt)
    assert result.exit_code == 1, result.output
    report = rdflib.Graph().parse(data=result.stdout, format=rdflib_format)
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms).toPython() is False
    (res,) = report.objects(node, SH.result)
    assert (res, RDF.type, SH.ValidationResult) in report
    assert "between 0 and 100" in str(report.value(res, SH.resultMessage))


def test_validate_text_and_json_show_qg_terms_prefixed(broken_graph: Path, sample_build: Path) -> None:
    text = run("validate", str(broken_graph)).stdout
    assert "https://w3id.org/qgraph/def#" not in text and "SHACL: 1 violation(s)" in text
    summary = json.loads(run("validate", str(broken_graph), "--format", "json").stdout)
    assert summary["conforms"] is False and len(summary["violations"]) == 1
    ok = run("validate", "--build", str(sample_build))
    assert ok.exit_code == 0 and "SHACL: conforms" in ok.stdout


def test_query_output_file(sample_build: Path, tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"
    result = run("query", "chain-projects", "--build", str(sample_build), "-f", "csv", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("area,level,projects")


def _in_a_terminal(args: list[str], cwd: Path) -> str:
    """Run ``qgraph ARGS`` with a pseudo-terminal as stdin, stdout and stderr; what it printed."""
    script = shutil.which("script")
    if script is None:  # pragma: no cover - util-linux is part of every Debian image
        pytest.fail("the `script` command (util-linux) is needed for terminal tests")
    cmd = " ".join([sys.executable, "-c", "'from qgraph.cli import main; main()'", *args])
    env = dict(os.environ, TERM="xterm", COLUMNS="100")
    done = subprocess.run([script, "-qec", cmd, "/dev/null"], cwd=cwd, capture_output=True, env=env, timeout=240)
    return done.stdout.decode("utf-8", "replace")


def test_eval_progress_only_on_a_terminal(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in sorted((ROOT / "data" / "eval").glob("*.gold.json"))[:2]:
        shutil.copy(name, gold)
        shutil.copy(name.with_name(name.name.replace(".gold.json", ".txt")), gold)
    on_terminal = _in_a_terminal(["eval", str(gold), "--summary"], tmp_path)
    assert "eval  1/2 (50%)" in on_terminal and "ETA" in on_terminal and "\x1b[K" in on_terminal
    quiet = _in_a_terminal(["eval", str(gold), "--summary", "--quiet"], tmp_path)
    assert "eval  1/" not in quiet
    piped = run("eval", str(gold), "--summary")
    assert piped.exit_code == 0 and "eval  1/" not in piped.output and "\x1b[K" not in piped.output


def test_validate_progress_only_on_a_terminal(sample_build: Path, tmp_path: Path) -> None:
    on_terminal = _in_a_terminal(["validate", str(sample_build / "graph.nq")], tmp_path)
    assert "validate" in on_terminal and "reading" in on_terminal and "SHACL: conforms" in on_terminal
    piped = run("validate", str(sample_build / "graph.nq"))
    assert "reading" not in piped.output


def test_query_table_fits_the_terminal_and_keeps_iris_whole(sample_build: Path, tmp_path: Path) -> None:
    shown = _in_a_terminal(["query", "spot-checks", "--build", str(sample_build)], tmp_path)
    lines = [line.rstrip("\r") for line in shown.splitlines()]
    iri_word = re.compile(r"(?:qg[a-z]*:\S+|<https:\S+>)")
    check = next(line for line in lines if iri_word.search(line))
    iri = iri_word.search(check).group()
    assert "…" not in iri
    piped = run("query", "spot-checks", "--build", str(sample_build), "--max-width", "0").stdout
    assert iri in piped  # the same IRI, whole, as without a terminal
    labels = [line for line in lines if line.strip() and not line.startswith(("-", "(")) and not iri_word.search(line)]
    assert len(lines) > len(piped.splitlines())  # long labels were wrapped onto more lines
    assert labels


def test_python_dash_m_qgraph_is_the_cli() -> None:
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "qgraph", "--help"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("Usage: qgraph ")
