"""Input walks stay inside the directories given, turn every OS error into one line naming the path,
and print file names escaped. Permission tests run as user 65534 (``setpriv``), since CI runs as root."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qgraph.cli import main
from qgraph.display import one_line, shown

REPORT = Path(__file__).resolve().parent / "golden" / "mini-report.txt"
SECRET = "这是目录之外的机密文字，不应进入图谱。"
NOBODY = 65534


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def errors_of(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("qgraph: error:")]


def built_text(out: Path) -> str:
    return (out / "graph.nq").read_text(encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``corpus/good.txt`` and, outside the corpus, ``outside/secret.txt`` and ``outside/dir/more.txt``."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPORT, corpus / "good.txt")
    (tmp_path / "outside" / "dir").mkdir(parents=True)
    secret = REPORT.read_text(encoding="utf-8") + SECRET + "\n"
    (tmp_path / "outside" / "secret.txt").write_text(secret, encoding="utf-8")
    (tmp_path / "outside" / "dir" / "more.txt").write_text(secret, encoding="utf-8")
    return corpus


def test_a_link_leading_outside_the_tree_is_refused_with_one_line(tree: Path, tmp_path: Path) -> None:
    (tree / "passwd.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (tree / "etc").symlink_to(tmp_path / "outside" / "dir")
    (tree / "sub").mkdir()
    (tree / "sub" / "up.txt").symlink_to("../../outside/secret.txt")  # relative, two levels out
    out = tmp_path / "out"
    result = run("build", str(tree), "-o", str(out), "--no-validate")
    assert result.exit_code == 2, result.output
    assert errors_of(result) == [
        f"qgraph: error: {tree}/etc: symbolic link leading outside {tree}; not followed",
        f"qgraph: error: {tree}/passwd.txt: symbolic link leading outside {tree}; not followed",
        f"qgraph: error: {tree}/sub/up.txt: symbolic link leading outside {tree}; not followed",
    ]
    assert "documents: 1" in result.stdout
    assert SECRET not in built_text(out)


def test_a_link_inside_the_tree_is_followed(tree: Path, tmp_path: Path) -> None:
    (tree / "sub").mkdir()
    (tree / "sub" / "again.txt").symlink_to("../good.txt")
    (tree / "loop").symlink_to(".")
    result = run("build", str(tree), "-o", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 0, result.output
    assert "documents: 2" in result.stdout and not errors_of(result)


def test_a_link_named_on_the_command_line_is_the_users_choice(tree: Path, tmp_path: Path) -> None:
    (tmp_path / "chosen.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (tmp_path / "chosen-dir").symlink_to(tmp_path / "outside" / "dir")
    out = tmp_path / "out"
    result = run("build", str(tmp_path / "chosen.txt"), str(tmp_path / "chosen-dir"), "-o", str(out), "--no-validate")
    assert result.exit_code == 0, result.output
    assert "documents: 2" in result.stdout
    assert SECRET in built_text(out)


def test_a_file_swapped_for_a_link_after_the_walk_is_not_followed(tree: Path, tmp_path: Path) -> None:
    from qgraph.errors import InputError
    from qgraph.sources_walk import collect, load_bytes

    [found] = collect(tree)
    (tree / "good.txt").unlink()
    (tree / "good.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    with pytest.raises(InputError, match="became a symbolic link"):
        load_bytes(found.open_path, str(found.path), 1 << 20, follow=found.follow)


def test_a_path_longer_than_path_max_is_one_line_and_the_rest_builds(tree: Path, tmp_path: Path) -> None:
    fd = os.open(tree, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(22):  # 22 × 200 characters: beyond PATH_MAX (4096)
            os.mkdir("d" * 200, dir_fd=fd)
            deeper = os.open("d" * 200, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        doc = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(doc, REPORT.read_bytes())
        os.close(doc)
    finally:
        os.close(fd)
    result = run("build", str(tree), "-o", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    [error] = errors_of(result)
    assert error.startswith(f"qgraph: error: {tree}/{'d' * 200}/") and error.endswith(": file name too long")
    assert "documents: 1" in result.stdout


def test_file_names_are_printed_escaped_on_one_line(tree: Path, tmp_path: Path) -> None:
    evil = "evil\x1b[2J\nqgraph: ok.txt"
    (tree / evil).write_bytes(b"")
    (tree / os.fsdecode(b"bad\xff.txt")).write_bytes(b"   ")
    (tree / "rtl\u202etxt.md").write_bytes(b"")
    (tree / "quiet\x1b[31m.txt").write_text("今天天气很好，我们去公园散步。\n", encoding="utf-8")
    result = run("build", str(tree), "-o", str(tmp_path / "out\x1b[0m"), "--no-validate")
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert f"qgraph: warning: '{tree}/quiet\\x1b[31m.txt': no facts found" in result.stderr.splitlines()
    assert f"'{tmp_path}/out\\x1b[0m/graph.ttl'" in result.stdout
    assert errors_of(result) == [
        f"qgraph: error: '{tree}/bad\\xff.txt': empty document",
        f"qgraph: error: '{tree}/evil\\x1b[2J\\nqgraph: ok.txt': empty document",
        f"qgraph: error: '{tree}/rtl\\u202etxt.md': empty document",
    ]
    assert len(result.stderr.splitlines()) == 4


def test_shown_and_one_line() -> None:
    assert shown("data/枣庄 报告.txt") == "data/枣庄 报告.txt"
    assert shown("a\\nb") == "a\\nb"  # harmless: as it is
    assert shown("a\\n\nb") == "'a\\\\n\\nb'"  # escaped: a real newline differs from backslash-n
    assert one_line("x\r\ny\u2028z\x85") == "x\\r\\ny\\u2028z\\x85"


# --------------------------------------------------------------------------- as a user without privileges


@pytest.fixture
def shared_tree() -> Iterator[Path]:
    """A tree under a fresh directory of the system's temporary area that user 65534 can reach."""
    base = Path(tempfile.mkdtemp(prefix="qgraph-walk-"))
    base.chmod(0o755)
    try:
        corpus = base / "corpus"
        (corpus / "good").mkdir(parents=True)
        shutil.copy(REPORT, corpus / "good" / "a.txt")
        (corpus / "locked").mkdir()
        shutil.copy(REPORT, corpus / "locked" / "b.txt")
        shutil.copy(REPORT, corpus / "unreadable.txt")
        (corpus / "no-search").mkdir()
        shutil.copy(REPORT, corpus / "no-search" / "c.txt")
        for path in [corpus, *corpus.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (corpus / "locked").chmod(0)
        (corpus / "unreadable.txt").chmod(0)
        (corpus / "no-search").chmod(0o644)  # listable, but its entries cannot be opened
        (base / "out").mkdir(mode=0o777)
        (base / "out").chmod(0o777)
        yield corpus
    finally:
        for path in [base, *base.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(base)


def run_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess as user 65534 (root's permissions would hide the errors)."""
    drop = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if os.geteuid() == 0 else []
    return subprocess.run([*drop, sys.executable, "-c", "from qgraph.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=300)


def test_unreadable_directories_and_files_are_one_line_each_and_the_rest_builds(shared_tree: Path) -> None:
    out = shared_tree.parent / "out"
    done = run_unprivileged("build", str(shared_tree), "-o", str(out), "--no-validate")
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("qgraph: error:")]
    assert errors == [
        f"qgraph: error: {shared_tree}/locked: permission denied",
        f"qgraph: error: {shared_tree}/no-search/c.txt: permission denied",
        f"qgraph: error: {shared_tree}/unreadable.txt: permission denied",
    ], done.stderr
    assert "documents: 1" in done.stdout
    assert "/graph/a>" in (out / "graph.nq").read_text(encoding="utf-8")
    assert stat.S_IMODE((shared_tree / "locked").stat().st_mode) == 0  # the fixture really dropped privileges
