"""The ``qgraph`` command line: thin click commands over the library API.

Every command calls one library function; :class:`qgraph.errors.QgraphError`
is turned into one clear line on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable

import click

from . import __version__
from .errors import QgraphError


def reports_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a :class:`QgraphError` into ``qgraph: error: …`` and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except QgraphError as exc:
            click.echo(f"qgraph: error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qgraph")
def main() -> None:
    """Build, validate, query and publish a knowledge graph of quality-work reports.

    \b
    Examples:
      qgraph build                      # data/ -> out/graph.{ttl,jsonld,nq}
      qgraph query spot-checks          # a stored query, as a table
      qgraph validate out/graph.ttl     # SHACL, exit 0 / 1 / 2
    """
