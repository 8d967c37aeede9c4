"""Answers made at build time (``qgraph.answers``): read instead of running the query, the same bytes."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qgraph.answers import ANSWERED, KEY_FILE, answer_file, run_text, stored_answer
from qgraph.cli import main
from qgraph.query import default_source, load_query, run_query, stream_query

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import write_corpus  # noqa: E402


@pytest.fixture(scope="module")
def answered_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of 8 generated reports and the sample (listings into pools, trademarks, indications)."""
    from qgraph.pipeline import build

    root = tmp_path_factory.mktemp("answers")
    write_corpus(8, root / "generated", seed=5)
    out = root / "out"
    build([root / "generated", ROOT / "data" / "corpus"], out, formats=("nq",), validate=False, jobs=1, use_cache=False)
    return out


def _engine(source: Path, name: str, fmt: str) -> bytes:
    """The query's every row as the engine streams them (no answer read)."""
    stored = load_query(name)
    out = io.BytesIO()
    assert stream_query(source, stored.text, out, fmt=fmt, params=stored.bind({}), timeout=None)
    return out.getvalue()


def _cli(build_dir: Path, *args: str) -> bytes:
    result = CliRunner().invoke(main, ["query", *args, "--build", str(build_dir)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_the_build_writes_each_answer_beside_its_store(answered_build: Path) -> None:
    source = default_source(answered_build)
    generation = source.resolve().parent
    key = json.loads((generation / KEY_FILE).read_text(encoding="utf-8"))
    assert set(key["answers"]) == set(ANSWERED)
    manifest = json.loads((generation / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"] for f in manifest["files"]}
    assert {KEY_FILE, *(answer_file(n) for n in ANSWERED)} <= listed  # verified with the build
    for name in ANSWERED:
        stored = load_query(name)
        assert stored_answer(source, stored.text, stored.bind({})) == (generation / answer_file(name)).read_bytes()


@pytest.mark.parametrize("name", ANSWERED)
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_an_answer_is_the_engines_bytes(answered_build: Path, name: str, fmt: str) -> None:
    engine = _engine(default_source(answered_build), name, fmt)
    assert len(engine) > 1000  # rows, not an empty answer
    assert _cli(answered_build, name, "-f", fmt) == engine


@pytest.mark.parametrize("name", ANSWERED)
def test_a_complete_table_is_the_engines_rows(answered_build: Path, name: str) -> None:
    source = default_source(answered_build)
    stored = load_query(name)
    plain = run_query(source, stored.text, params=stored.bind({}), timeout=None)
    from qgraph.query import answered

    assert answered(stored_answer(source, stored.text, stored.bind({}))) == plain  # type: ignore[arg-type]
    assert len(plain.rows) > 3
    # and the complete table, formatted from the answer's text without term objects, is the table of those rows
    from qgraph.results import format_table

    unbound = [p.name for p in stored.params]
    for width in ("60", "0", "8"):
        table = format_table(plain, max_width=int(width), hide_unbound=unbound) + "\n"
        assert _cli(answered_build, name, "--limit", "0", "--max-width", width).decode("utf-8") == table
        assert _cli(answered_build, name, "--limit", "0", "--max-width", width, "-f", "table").decode("utf-8") == table


def test_another_text_or_store_is_run_not_read(answered_build: Path, tmp_path: Path) -> None:
    source = default_source(answered_build)
    stored = load_query("selections")
    bound = stored.bind({"programme": "好品山东"})
    assert stored_answer(source, stored.text, bound) is None  # a parameter: another text
    assert stored_answer(source, stored.text + "\n# edited\n", stored.bind({})) is None
    copy = tmp_path / "copy"
    shutil.copytree(source.resolve().parent, copy, symlinks=True)
    assert stored_answer(copy / "store", stored.text, stored.bind({})) is None  # a copy outside the build: run
    assert run_text(stored.text, stored.bind({})) != run_text(stored.text, bound)


def test_a_page_is_still_run(answered_build: Path) -> None:
    # a table without parameters shows its first rows: cut from the text, run by the engine
    shown = CliRunner().invoke(main, ["query", "selections", "--build", str(answered_build), "--limit", "2", "-f", "csv"])
    assert shown.exit_code == 0
    assert shown.stdout_bytes.count(b"\r\n") == 3  # a header and two rows


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_answer_written_to_a_file_is_the_engines_bytes(answered_build: Path, tmp_path: Path, fmt: str) -> None:
    # -o FILE writes the answer too (re-serialised, not parsed into terms), ending with a newline
    engine = _engine(default_source(answered_build), "trademarks-gi", fmt)
    target = tmp_path / f"answer.{fmt}"
    assert _cli(answered_build, "trademarks-gi", "-f", fmt, "-o", str(target)) == b""
    assert target.read_bytes() == (engine if engine.endswith(b"\n") else engine + b"\n")
