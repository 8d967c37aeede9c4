"""Progress of long work on stderr: counts, rate and time left — only when stderr is a terminal.

A :class:`Progress` is a callable that takes the number of items done (and optionally a word on
what is being done); it redraws one line at most every ``interval`` seconds, and ends it with
:meth:`Progress.close`. When stderr is not a terminal (a pipe, a file, CI) or ``quiet`` is set it
writes nothing at all, so logs and captured output stay clean::

    with Progress("validate", total=len(graphs)) as progress:
        for i, graph in enumerate(graphs, 1):
            work(graph)
            progress(i, graph.name)

The line reads ``validate  12/40 (30%)  3.1/s  ETA 9 s  graph-12``.

>>> import io
>>> p = Progress("eval", total=3, stream=io.StringIO())   # not a terminal: silent
>>> p.enabled
False
>>> p(1); p.close()
>>> p.stream.getvalue()
''
>>> format_line("eval", 2, 4, 2.0, "a.txt", width=80)
'eval  2/4 (50%)  1.0/s  ETA 2 s  a.txt'
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable
from typing import TextIO

from .display import one_line


def format_duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min``.

    >>> format_duration(42.4), format_duration(185), format_duration(3720)
    ('42 s', '3 min 05 s', '1 h 02 min')
    """
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def format_line(label: str, done: int, total: int | None, elapsed: float, what: str = "", *,
                width: int = 80) -> str:
    """One progress line, cut to ``width`` columns (the item name is what gets cut)."""
    parts = [label, f"{done}/{total} ({100 * done // total}%)" if total else str(done)]
    rate = done / elapsed if elapsed > 0 else 0.0
    if rate > 0:
        parts.append(f"{rate:.1f}/s")
        if total and done < total:
            parts.append(f"ETA {format_duration((total - done) / rate)}")
    line = "  ".join(parts)
    if what:
        room = width - len(line) - 3
        if room > 1:
            what = one_line(what)
            line += "  " + (what if len(what) <= room else what[: room - 1] + "…")
    return line


class Progress:
    """A progress line on ``stream`` (default stderr), silent unless it is a terminal."""

    def __init__(self, label: str, total: int | None = None, *, quiet: bool = False, stream: TextIO | None = None,
                 interval: float = 0.2, force: bool | None = None) -> None:
        self.label = label
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        if force is None:
            force = _isatty(self.stream) and os.environ.get("TERM") != "dumb"
        self.enabled = bool(force) and not quiet
        self.started = time.monotonic()
        self._drawn = 0.0
        self._shown = False
        self.done = 0

    def __call__(self, done: int | None = None, what: str = "") -> None:
        """Record ``done`` items finished (default: one more) and redraw if it is time."""
        self.done = self.done + 1 if done is None else done
        if not self.enabled:
            return
        now = time.monotonic()
        if self._shown and now - self._drawn < self.interval and self.done != self.total and self._drawn:
            return
        self._drawn = now
        width = shutil.get_terminal_size((80, 24)).columns - 1
        line = format_line(self.label, self.done, self.total, now - self.started, what, width=width)
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self._shown = True

    def phase(self, what: str) -> None:
        """Show a new stage of work that has no count (``reading graph.nq``) at once."""
        self._drawn = 0.0
        self(self.done, what)

    def close(self) -> None:
        """Clear the line (the command prints its own summary)."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class StageClock:
    """Reports, at each call, the time since the previous call to ``timer`` under a stage name."""

    def __init__(self, timer: Callable[[str, float], None] | None) -> None:
        self.timer = timer
        self.last = time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timer is not None:
            self.timer(stage, now - self.last)
        self.last = now
