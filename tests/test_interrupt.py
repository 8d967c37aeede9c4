"""Ctrl-C during a build leaves the previous output intact (outputs are renamed into place at the end)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "corpus" / "zaozhuang-quality-2025-09-19.txt"
RUN = [sys.executable, "-c", "from qgraph.cli import main; main()"]


def test_interrupted_build_keeps_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = subprocess.run([*RUN, "build", str(SAMPLE), "-o", str(out)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.glob("graph.*")}

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):  # long enough to be interrupted while it extracts
        shutil.copy(SAMPLE, corpus / f"report-{i:02d}.txt")
    proc = subprocess.Popen([*RUN, "build", str(corpus), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)

    if proc.returncode == 0:
        pytest.skip("the build finished before the interrupt arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "interrupted" in err
    assert {p.name: p.read_bytes() for p in out.glob("graph.*")} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"
