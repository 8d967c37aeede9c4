"""The CLI's error edge: exit codes 0 / 1 / 2 / 3 / 130 / 143, checked numbers, signals, secrets."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from qgraph.cli import main

from conftest import sigint_default

RUN = [sys.executable, "-c", "from qgraph.cli import main; main()"]
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
QG = "@prefix qg: <https://w3id.org/qgraph/def#> .\n"


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), env=env)


def test_exit_0_1_2_for_conforming_violating_and_unreadable_input(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good.write_text(QG + "<https://w3id.org/qgraph/id/x> qg:note 'fine' .\n")
    bad.write_text(QG + "<https://w3id.org/qgraph/id/doc/d> a qg:SourceDocument .\n")  # no text, no source
    assert invoke("validate", str(good)).exit_code == 0
    assert invoke("validate", str(bad)).exit_code == 1
    missing = invoke("validate", str(tmp_path / "missing.ttl"))
    assert missing.exit_code == 2 and missing.stderr.startswith("qgraph: error: ") and "no such file" in missing.stderr


@pytest.mark.parametrize("args", [
    ["query", "-e", "ASK {}", "--timeout", "-1"],
    ["query", "-e", "ASK {}", "--timeout", "nan"],
    ["query", "-e", "ASK {}", "--timeout", "inf"],
    ["query", "-e", "ASK {}", "--timeout", "1e308"],
    ["query", "-e", "ASK {}", "--max-width", "-5"],
    ["explain", "x", "--timeout", "-0.5"],
    ["explain", "x", "--timeout", "NaN"],
    ["load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "-1"],
    ["load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "0"],
    ["load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "nan"],
    ["load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "1e308"],
    ["load", "--endpoint", "http://127.0.0.1:9/store", "--attempts", "0"],
    ["serve", "--port", "70000"],
])
def test_numbers_out_of_range_are_usage_errors(args: list[str]) -> None:
    # before: --timeout -1 / nan silently meant "no limit", load --timeout -1 was a traceback
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert "Invalid value for" in result.stderr and "Traceback" not in result.output


def test_zero_timeout_means_no_limit_as_documented(mini_graph: Path) -> None:
    result = invoke("query", "-e", "ASK {}", "--graph", str(mini_graph), "--timeout", "0", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "(0: no limit)" in invoke("query", "--help").output


def _broken(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("a bug")


def test_internal_error_is_exit_3_with_one_line_and_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("qgraph.query.list_queries", _broken)  # fault injection: a bug inside a command
    result = invoke("queries")
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("qgraph: internal error: ZeroDivisionError: a bug")
    assert "--debug" in result.stderr
    debug = invoke("--debug", "queries")
    assert debug.exit_code == 3
    assert "Traceback (most recent call last)" in debug.stderr and "ZeroDivisionError: a bug" in debug.stderr


def test_messages_never_show_the_password_from_the_environment() -> None:
    secret = "pw-9f8e7d"
    result = invoke("query", f"no-such-query-{secret}", env={"QGRAPH_USER": "ann", "QGRAPH_PASSWORD": secret})
    assert result.exit_code == 2 and "no stored query" in result.stderr
    assert secret not in result.output


# --------------------------------------------------------------------------- signals: no orphaned worker


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_long_query(graph: Path) -> tuple[subprocess.Popen[str], int]:
    # CSV is streamed by a worker process; a table is made in qgraph's own process (see below)
    proc = subprocess.Popen([*RUN, "query", "-e", CARTESIAN, "--graph", str(graph), "--timeout", "0", "-f", "csv"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=sigint_default)
    for _ in range(600):  # the worker appears within a second or two
        workers = _children(proc.pid)
        if workers:
            return proc, workers[0]
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the query worker did not start")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig, code, said", [(signal.SIGTERM, 143, "terminated (SIGTERM)"),
                                             (signal.SIGINT, 130, "interrupted")])
def test_signal_stops_query_and_its_worker(mini_graph: Path, sig: signal.Signals, code: int, said: str) -> None:
    proc, worker = _start_long_query(mini_graph)
    try:
        time.sleep(0.5)
        proc.send_signal(sig)  # to qgraph only, not its process group (as `kill PID` does)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == code, err
        assert said in err and "Traceback" not in err
        for _ in range(100):
            if not _alive(worker):
                break
            time.sleep(0.05)
        assert not _alive(worker), "the query worker was left running"
    finally:
        if _alive(worker):
            os.kill(worker, signal.SIGKILL)
        proc.kill()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig, code, said", [(signal.SIGTERM, 143, "terminated (SIGTERM)"),
                                             (signal.SIGINT, 130, "interrupted")])
def test_signal_stops_a_query_run_in_one_process(mini_graph: Path, sig: signal.Signals, code: int, said: str) -> None:
    proc = subprocess.Popen([*RUN, "query", "-e", CARTESIAN, "--graph", str(mini_graph), "--timeout", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=sigint_default)
    try:
        time.sleep(2.0)  # started, and busy in the engine
        assert proc.poll() is None and _children(proc.pid) == []  # one process: no worker
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == code, err
        assert said in err and "Traceback" not in err
    finally:
        proc.kill()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; PR_SET_PDEATHSIG")
def test_worker_dies_even_when_qgraph_is_killed(mini_graph: Path) -> None:
    proc, worker = _start_long_query(mini_graph)
    try:
        time.sleep(0.5)
        proc.kill()
        proc.communicate(timeout=30)
        for _ in range(100):
            if not _alive(worker):
                break
            time.sleep(0.05)
        assert not _alive(worker), "the query worker outlived a killed qgraph"
    finally:
        if _alive(worker):
            os.kill(worker, signal.SIGKILL)


def test_closed_output_pipe_is_quiet_exit_141() -> None:
    # a command writing line by line into `| head`: was "internal error: BrokenPipeError" (exit 3)
    code = ("import click\nfrom qgraph.cli import main\n"
            "@main.command('lines')\ndef lines():\n    for _ in range(200_000):\n        click.echo('x' * 50)\n"
            "main()")
    proc = subprocess.Popen([sys.executable, "-c", code, "lines"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141, err
    assert err == ""
