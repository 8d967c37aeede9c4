"""The CLI's one error edge: exit codes, signals, secret-free messages, checked numbers.

Exit codes of every ``qgraph`` command:

====  ==============================================================================
0     done (the graph conforms)
1     SHACL violations (``build``, ``validate``)
2     bad input or usage: a file that cannot be read, a refused query, a server that
      refuses, an option out of range (click's usage errors are 2 as well)
3     internal error: a bug in qgraph; one line, and ``qgraph --debug …`` prints the traceback
130   interrupted by Ctrl-C (SIGINT)
141   the output pipe was closed by its reader (``qgraph … | head``); nothing is printed
143   terminated by SIGTERM (128 + 15, as shells report it); handled like Ctrl-C
====  ==============================================================================

On SIGINT and SIGTERM alike, Python unwinds: a query's worker process is killed, files being
written are left as they were. Every message passes :func:`qgraph.httpclient.scrub`, so no
password, ``Authorization`` value or URL user info reaches the terminal.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import click

from .display import one_line
from .errors import QgraphError

EXIT_INTERNAL = 3
EXIT_INTERRUPT = 130
EXIT_TERMINATED = 128 + signal.SIGTERM
EXIT_PIPE = 128 + signal.SIGPIPE


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C's ``KeyboardInterrupt`` so that the same clean-up runs."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While a command runs, SIGTERM raises :class:`Terminated` in the main thread; the previous
    handler is restored afterwards (a caller such as a test runner keeps its own)."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _say(message: str, *, one_line: bool = False) -> None:
    from .credentials import environment_secrets, scrub

    click.echo(scrub(" ".join(message.split()) if one_line else message, environment_secrets()), err=True)


@contextlib.contextmanager
def error_edge(*, debug: bool = False) -> Iterator[None]:
    """Turn whatever escapes a command into one line on stderr and the exit code above."""
    try:
        yield
    except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except BrokenPipeError:  # the reader went away (`| head`): nothing to report
        with contextlib.suppress(OSError, ValueError):  # no more writes to the closed pipe at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_PIPE)
    except QgraphError as exc:  # control characters escaped line by line (a candidate list keeps its lines)
        _say("qgraph: error: " + "\n".join(one_line(line) for line in str(exc).split("\n")))
        sys.exit(exc.exit_code)
    except Terminated:
        _say("qgraph: terminated (SIGTERM); files already written are left as they were")
        sys.exit(EXIT_TERMINATED)
    except KeyboardInterrupt:
        _say("qgraph: interrupted; files already written are left as they were")
        sys.exit(EXIT_INTERRUPT)
    except Exception as exc:  # noqa: BLE001 - the edge: a bug becomes one line and exit 3
        if debug:
            traceback.print_exc()
        hint = "" if debug else " (this is a bug in qgraph; rerun with `qgraph --debug …` for the traceback)"
        _say(f"qgraph: internal error: {type(exc).__name__}: {exc}{hint}", one_line=True)
        sys.exit(EXIT_INTERNAL)


def debugging() -> bool:
    """Whether ``qgraph --debug`` was given (False outside a click context)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("debug"))


class EdgeGroup(click.Group):
    """A click group whose commands all run inside :func:`error_edge`."""

    def invoke(self, ctx: click.Context) -> Any:
        with error_edge(debug=bool(ctx.params.get("debug"))), sigterm_raises():
            return super().invoke(ctx)


class FiniteFloat(click.FloatRange):
    """A ``FloatRange`` that also refuses ``nan`` and ``inf`` (which compare as in range)."""

    name = "float"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


MAX_SECONDS = 1_000_000.0
"""The longest time limit an option takes (about 11 days; larger ones overflow the OS's clocks)."""
SECONDS_OR_ZERO = FiniteFloat(min=0, max=MAX_SECONDS)
"""A time limit in seconds, 0 meaning no limit."""
SECONDS = FiniteFloat(min=0, min_open=True, max=MAX_SECONDS)
"""A time limit in seconds, more than 0."""


def reports_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command inside :func:`qgraph.edge.error_edge`: one line and an exit code, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with error_edge(debug=debugging()):
            return fn(*args, **kwargs)

    return wrapper
