"""Every example in every ``--help`` text runs, against the sample build.

The examples are read from the help texts themselves (the lines under ``Examples:``), so an
example that stops working fails here. They run in a directory laid out like the repository
root (``data/corpus``, ``data/eval``, a copy of the sample build in ``out/``); servers named in
them are a real Oxigraph server (for ``load``) and ``qgraph serve`` itself, on free ports.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import OxigraphServer, free_port
from qgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent


def help_examples() -> list[tuple[str, str]]:
    """``(command, example)`` for every example line of every help text (continuations joined)."""
    found: list[tuple[str, str]] = []
    commands: list[tuple[str, click.Command]] = [("qgraph", main), *sorted(main.commands.items())]
    for name, command in commands:
        lines = (command.help or "").splitlines()
        if not any(line.strip().startswith("Example") for line in lines):
            continue
        start = next(i for i, line in enumerate(lines) if line.strip().startswith("Example"))
        pending = ""
        for line in lines[start + 1:]:
            text = line.strip()
            if not text:
                break
            pending += text
            if pending.endswith("\\"):
                pending = pending[:-1].rstrip() + " "
                continue
            if all(shlex.split(pending, comments=True) != shlex.split(e, comments=True) for _, e in found):
                found.append((name, pending))  # the same command twice (in main's help too) runs once
            pending = ""
    return found


EXAMPLES = help_examples()


def test_every_command_has_examples() -> None:
    named = {name for name, _ in EXAMPLES}
    assert named >= set(main.commands) - {"queries"} and len(EXAMPLES) > 20, sorted(set(main.commands) - named)


@pytest.fixture(scope="module")
def workdir(sample_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("examples")
    (work / "data").mkdir()
    for part in ("corpus", "eval"):
        shutil.copytree(ROOT / "data" / part, work / "data" / part)
    shutil.copytree(ROOT / "queries", work / "queries")
    shutil.copytree(sample_build, work / "out", symlinks=True)
    return work


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> OxigraphServer:
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), free_port())
    srv.start()
    yield srv
    srv.stop()


def _words(example: str) -> tuple[dict[str, str], list[str]]:
    words = shlex.split(example, comments=True)
    env = {}
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    return env, words


def _local(example: str, base: str) -> str:
    return re.sub(r"http://(?:127\.0\.0\.1|localhost):\d+", base, example)


def _cli(args: list[str], cwd: Path, env: dict[str, str]) -> object:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner(env=env).invoke(main, args)
    finally:
        os.chdir(old)


def _check(example: str, result: object, *, expect_ok: bool = True) -> None:
    output = result.output
    assert "Traceback" not in output and "Usage:" not in output, f"{example}\n{output}"
    if expect_ok:
        assert result.exit_code == 0, f"{example}\nexit {result.exit_code}\n{output}"


ORDER = ("qgraph", "build", "validate", "queries", "query", "explain", "export", "eval", "analyze", "report", "verify")


@pytest.mark.parametrize(("command", "example"), [e for e in EXAMPLES if e[0] in ORDER],
                         ids=[e[1] for e in EXAMPLES if e[0] in ORDER])
def test_example_runs(command: str, example: str, workdir: Path, server: OxigraphServer) -> None:
    env, words = _words(_local(example, server.base))
    if "--endpoint" in words:  # the server must hold the graph: load it first (an example of load)
        loaded = _cli(["load", "--endpoint", server.store_url], workdir, {})
        _check("load", loaded)
    if "|" in words:
        bindir = str(Path(sys.executable).parent)
        done = subprocess.run(_local(example, server.base), shell=True, cwd=workdir, capture_output=True, timeout=300,
                              env={**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", "")})
        assert done.returncode == 0 and "Traceback" not in done.stderr.decode(), done.stderr.decode()
        assert done.stdout.strip(), example
        return
    assert words[0] == "qgraph", example
    result = _cli(words[1:], workdir, env)
    _check(example, result)
    target = words[words.index("-o") + 1] if "-o" in words and command != "build" else None
    if target is not None:  # written to a file: it is there and not empty
        assert (workdir / target).is_file() and (workdir / target).stat().st_size > 0, example
    else:
        assert result.stdout.strip(), example


@pytest.mark.parametrize("example", [e for c, e in EXAMPLES if c == "load"])
def test_load_example_runs(example: str, workdir: Path, server: OxigraphServer) -> None:
    env, words = _words(_local(example, server.base))
    result = _cli(words[1:], workdir, env)
    if "--style" not in words or "oxigraph" in words:
        _check(example, result)
        assert "every count verified" in result.stdout
    else:  # another server kind's address on the Oxigraph server: refused cleanly, in one line
        _check(example, result, expect_ok=False)
        assert result.exit_code != 0 and "qgraph: error:" in result.stderr


def test_serve_examples_run(workdir: Path) -> None:
    serves = [e for c, e in EXAMPLES if c == "serve" and e.startswith("qgraph")]
    clients = [e for c, e in EXAMPLES if c == "serve" and e.startswith("curl")]
    assert serves and clients
    for example in serves:
        port = free_port()
        _, words = _words(example)
        if "--port" in words:
            words[words.index("--port") + 1] = str(port)
        else:
            words += ["--port", str(port)]
        proc = subprocess.Popen([sys.executable, "-c", "from qgraph.cli import main; main()", *words[1:]],
                                cwd=workdir, stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stderr.readline() if proc.stderr else ""
            assert "serving" in line, (example, line)
            for client in clients:
                _, curl = _words(_local(client, f"http://127.0.0.1:{port}"))
                headers = dict(h.split(": ", 1) for h in (curl[i + 1] for i, w in enumerate(curl) if w == "-H"))
                data = [curl[i + 1] for i, w in enumerate(curl) if w == "--data-urlencode"]
                body = "&".join(f"{k}={urllib.parse.quote(v)}" for k, _, v in (d.partition("=") for d in data))
                request = urllib.request.Request(curl[-1], data=body.encode(), headers=headers)
                with urllib.request.urlopen(request, timeout=60) as answer:
                    assert answer.status == 200 and len(answer.read().decode().splitlines()) > 1
        finally:
            proc.terminate()
            proc.wait(timeout=30)
