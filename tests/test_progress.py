"""The progress line: drawn only on a terminal, with counts, rate and time left; silent otherwise."""

from __future__ import annotations

import io

from qgraph.progress import Progress, format_line


def test_silent_when_not_a_terminal() -> None:
    out = io.StringIO()
    with Progress("validate", total=5, stream=out) as p:
        for i in range(1, 6):
            p(i, f"graph-{i}")
    assert out.getvalue() == ""


def test_quiet_wins_over_a_terminal() -> None:
    out = io.StringIO()
    with Progress("eval", total=2, stream=out, force=True, quiet=True) as p:
        p(1)
    assert out.getvalue() == ""


def test_draws_counts_and_clears_the_line() -> None:
    out = io.StringIO()
    with Progress("load", total=4, stream=out, force=True, interval=0) as p:
        for i in range(1, 5):
            p(i, f"g{i}")
    text = out.getvalue()
    assert "load  1/4 (25%)" in text and "load  4/4 (100%)" in text and "g4" in text
    assert text.endswith("\r\x1b[K")  # the line is cleared before the command's own summary


def test_line_has_rate_and_eta_and_cuts_the_item_name() -> None:
    line = format_line("build", 10, 40, 5.0, "a-very-long-document-name.txt", width=40)
    assert line.startswith("build  10/40 (25%)  2.0/s  ETA 15 s")
    assert len(line) <= 40 and line.endswith("…")
    assert format_line("load", 3, None, 0.0) == "load  3"
