"""The ``qgraph`` command line: thin click commands over the library API.

Every command calls one library function; :class:`qgraph.errors.QgraphError`
is turned into one clear line on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
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


# ----------------------------------------------------------------------------- build / validate


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Directory for graph.ttl, graph.jsonld, graph.nq, void.ttl and store/.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--no-store", is_flag=True, help="Do not write the embedded Oxigraph store.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["ttl", "jsonld", "nq", "nt", "trig"]),
              help="Export formats (repeatable; default ttl, jsonld, nq).")
@reports_errors
def build(paths: tuple[Path, ...], out_dir: Path, no_validate: bool, no_store: bool, formats: tuple[str, ...]) -> None:
    """Extract, map to RDF, validate and write the graph of documents.

    PATHS are files or directories of .txt / .md / .html reports (default: data/corpus).
    A bad document is reported and skipped; the others still build. Exit code 0 when the
    graph conforms to the SHACL shapes, 1 with violations, 2 when a document could not be read.

    \b
    Examples:
      qgraph build                         # data/corpus -> out/
      qgraph build reports/ -o out/        # a directory of reports
      qgraph build a.txt b.html --format ttl --format trig
    """
    from .pipeline import build as run_build

    sources = list(paths) or [Path("data/corpus")]
    report = run_build(sources, out_dir, validate=not no_validate, formats=formats or ("ttl", "jsonld", "nq"),
                       with_store=not no_store)
    for err in report.errors:
        click.echo(f"qgraph: error: {err}", err=True)
    for warning in report.warnings:
        click.echo(f"qgraph: warning: {warning}", err=True)
    click.echo(f"documents: {report.documents}")
    click.echo(f"triples:   {report.triples}")
    click.echo("entities per class:")
    for cls, n in report.classes:
        if not cls.startswith(("oa:", "rdf:", "qb:")) and cls not in ("qg:Mention", "qg:Sentence"):
            click.echo(f"  {cls:<28} {n}")
    if report.validation is not None:
        click.echo(report.validation.text())
    if report.written:
        click.echo("written: " + ", ".join(sorted({str(p) for p in report.written})))
    sys.exit(report.exit_code)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text", show_default=True,
              help="How to print the SHACL report.")
@reports_errors
def validate(file: Path, fmt: str) -> None:
    """Validate an RDF file against qgraph's SHACL shapes.

    Exit code 0 when it conforms, 1 with violations, 2 when the file cannot be loaded.

    \b
    Examples:
      qgraph validate out/graph.ttl
      qgraph validate out/graph.nq --format json
    """
    from .validate import validate_file

    report = validate_file(file)
    click.echo({"text": report.text, "json": report.json, "turtle": report.turtle}[fmt]())
    sys.exit(report.exit_code)
