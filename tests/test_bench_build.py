"""benchmarks/bench_build.py builds the baseline with the same options as the measured build."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import bench_build  # noqa: E402


def test_baseline_gets_the_same_formats(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, ...]] = []

    def child(code: str, *args: str, pythonpath: Path | None = None) -> dict:
        calls.append(args)
        return {"wall": 1.0, "rss_kb": 1024, "triples": 10, "conforms": True, "timings": {}, "documents": 3}

    monkeypatch.setattr(bench_build, "_child", child)
    monkeypatch.setattr(bench_build, "_export_ref", lambda ref, work: work / "src")
    monkeypatch.setattr(sys, "argv", ["bench_build.py", "--sizes", "3", "--baseline-size", "3", "--baseline-ref",
                                      "main", "--no-naive", "--formats", "nq", "--keep", str(tmp_path)])
    bench_build.main()
    measured, baseline = calls
    assert json.loads(measured[2]) == json.loads(baseline[2]) == {"formats": ["nq"]}
