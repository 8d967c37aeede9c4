"""What ``qgraph build`` shows while it runs: the progress line (the summary is ``cli_options.build_summary``).

>>> BuildProgress().close()   # nothing was shown, nothing is cleared
"""

from __future__ import annotations

import time

import click


class BuildProgress:
    """``done/total  rate  ETA`` on one stderr line, rewritten at most ten times a second."""

    def __init__(self) -> None:
        self.clock = time.monotonic
        self.start = self.last = self.clock()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        eta = (total - done) / rate if rate else 0.0
        click.echo(f"\rextracting: {done}/{total} documents, {rate:.1f}/s, ETA {eta:.0f} s\x1b[K", err=True, nl=False)
        self.shown = True

    def stage(self, name: str) -> None:
        """Show which stage the build is in (after extraction, stages have no count)."""
        if name != "extract":
            click.echo(f"\r{name} …\x1b[K", err=True, nl=False)
            self.shown = True

    def close(self) -> None:
        if self.shown:
            click.echo("\r\x1b[K", err=True, nl=False)


