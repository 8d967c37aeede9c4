"""Question 15 on a real build of two reports about one city, a year apart, asked from the CLI."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from qgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "corpus" / "zaozhuang-quality-2025-09-19.txt"
EARLIER = ROOT / "tests" / "fixtures" / "two-reports" / "zaozhuang-quality-2024-09-20.txt"


def test_pass_rate_and_centres_over_time(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    built = runner.invoke(main, ["build", str(SAMPLE), str(EARLIER), "-o", str(out)])
    assert built.exit_code == 0, built.output
    assert "documents: 2" in built.output

    def ask(*params: str) -> list[dict[str, str]]:
        args = ["query", "figure-over-time", "--graph", str(out / "store"), "--format", "csv"]
        for p in params:
            args += ["--param", p]
        res = runner.invoke(main, args)
        assert res.exit_code == 0, res.output
        return list(csv.DictReader(io.StringIO(res.output)))

    rates = ask("place=枣庄市", "measure=合格率")
    assert [(r["date"], r["value"], r["previous"], r["change"]) for r in rates] == [
        ("2024-09-20", "95.1", "", ""),
        ("2025-09-19", "96.2", "95.1", "1.1"),
    ]
    centres = {(r["level"], r["date"]): r for r in ask("measure=企业技术中心") if r["level"] == "省级"}
    assert centres[("省级", "2025-09-19")]["previous"] == "52"
    assert centres[("省级", "2025-09-19")]["change"] == "6"
