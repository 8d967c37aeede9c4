"""The ``build`` and ``validate`` commands through click's CliRunner: output, files, exit codes
0 / 1 / 2, one-line errors naming the file, and an example in every command's help."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qgraph.cli import main

REPO = Path(__file__).resolve().parents[1]
GOOD_REPORT = REPO / "tests" / "golden" / "mini-report.txt"
PASS_RATE_MESSAGE = "a percentage (such as a pass rate) must lie between 0 and 100"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    """``qgraph build data/corpus -o OUT``, run from the repository root."""
    out = tmp_path_factory.mktemp("cli") / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(REPO)
        result = run("build", "data/corpus", "-o", str(out))
    return result, out


def test_build_exits_0_and_prints_a_summary(built: tuple[Result, Path]) -> None:
    result, _ = built
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "documents: 1" in out
    assert "triples:" in out and int(out.split("triples:")[1].split()[0]) > 1000
    assert "entities per class:" in out
    for cls in ("qg:Policy", "qg:GovernmentDepartment", "qg:Observation", "qg:ChainProject", "foaf:Person"):
        assert f"  {cls} " in out, cls
    assert "SHACL: conforms (0 violations)" in out
    assert "Traceback" not in result.output


def test_build_writes_every_output(built: tuple[Result, Path]) -> None:
    _, out = built
    for name in ("graph.ttl", "graph.jsonld", "graph.nq", "void.ttl"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert (out / "store").is_dir() and any((out / "store").iterdir())


def test_validate_built_graph_exits_0(built: tuple[Result, Path]) -> None:
    _, out = built
    result = run("validate", str(out / "graph.ttl"))
    assert result.exit_code == 0, result.output
    assert "SHACL: conforms" in result.stdout


def test_validate_broken_graph_exits_1_with_the_message(built: tuple[Result, Path], tmp_path: Path) -> None:
    _, out = built
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert text.count("qg:value 96.2 .") == 1  # the pass rate of the sample's spot check
    broken = tmp_path / "broken.ttl"
    broken.write_text(text.replace("qg:value 96.2 .", "qg:value 140.0 ."), encoding="utf-8")
    result = run("validate", str(broken))
    assert result.exit_code == 1, result.output
    assert PASS_RATE_MESSAGE in result.stdout
    assert "SHACL: 1 violation(s)" in result.stdout


@pytest.mark.parametrize("content", [b"this is not RDF {\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00binary"],
                         ids=["text", "binary"])
def test_validate_non_rdf_exits_2_with_one_line(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "notes.ttl"
    bad.write_bytes(content)
    result = run("validate", str(bad))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(bad) in lines[0] and lines[0].startswith("qgraph: error:")
    assert "Traceback" not in result.output and result.stdout == ""


def test_validate_missing_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ttl"
    result = run("validate", str(missing))
    assert result.exit_code == 2
    assert str(missing) in result.stderr and "Traceback" not in result.output


def test_build_skips_a_bad_document_and_still_writes_the_good_one(tmp_path: Path) -> None:
    corpus = tmp_path / "reports"
    corpus.mkdir()
    shutil.copy(GOOD_REPORT, corpus / "good.txt")
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run("build", str(corpus), "-o", str(out), "--no-store")
    assert result.exit_code == 2, result.output
    assert "documents: 1" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("qgraph: error:")]
    assert len(errors) == 1 and "empty.txt" in errors[0], result.stderr
    assert "good.txt" not in result.stderr
    assert "Traceback" not in result.output
    nq = (out / "graph.nq").read_text(encoding="utf-8")
    assert "https://w3id.org/qgraph/id/graph/good>" in nq
    assert "graph/empty>" not in nq


def test_top_level_help_shows_examples() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_help_shows_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"qgraph {command} --help has no example"
