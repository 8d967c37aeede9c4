"""``qgraph analyze`` and ``qgraph report``: the networkx views of a build and its offline HTML report."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_options import BUILD_OPTION, old_spelling
from .edge import reports_errors



@click.command(name="analyze")
@BUILD_OPTION
@old_spelling("--out", "build_dir", "--build", type=click.Path(file_okay=False, path_type=Path))
@click.option("--projection", type=click.Choice(["network", "listings", "organisations", "places", "chains"]),
              default="network", show_default=True, help="Which networkx view of the graph (README, \"Seeing the graph\").")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json", "graphml", "gexf"]), default="table",
              show_default=True, help="Measures as a table or JSON, or the graph as GraphML / GEXF (Gephi, Cytoscape).")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many central nodes to list.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file (atomically).")
@reports_errors
def analyze_command(build_dir: Path, projection: str, fmt: str, top: int, output: Path | None) -> None:
    """Centrality, communities, per-place rankings and figures over time; GraphML / GEXF exports.

    \b
    Examples:
      qgraph analyze                                  # the organisation–programme network
      qgraph analyze --projection organisations --top 5
      qgraph analyze --format graphml -o out/network.graphml
      qgraph analyze --projection places --format json
    """
    from .analyze import analysis_json, analyze, export_graph, format_analysis
    from .store import atomic_write

    found = analyze(build_dir, projection=projection, top=top)
    if fmt in ("table", "json"):
        data = ((format_analysis if fmt == "table" else analysis_json)(found) + "\n").encode("utf-8")
    else:
        data = export_graph(found.graph, fmt)
    if output is None:
        click.echo(data, nl=False)
    else:
        atomic_write(output, data)
        click.echo(f"written: {output} ({found.graph.number_of_nodes()} nodes, {found.graph.number_of_edges()} edges)",
                   err=True)


@click.command(name="report")
@BUILD_OPTION
@old_spelling("--out", "build_dir", "--build", type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write (atomically) [default: report.html in the build directory].")
@click.option("--top", type=click.IntRange(1), default=30, show_default=True, help="Nodes drawn in the network.")
@click.option("--no-validate", is_flag=True, help="Do not run SHACL for the report's overview.")
@reports_errors
def report_command(build_dir: Path, output: Path | None, top: int, no_validate: bool) -> None:
    """Write one self-contained HTML report (no network, no scripts) of a build.

    \b
    Examples:
      qgraph report                                   # out/ -> out/report.html
      qgraph report --build out/ -o report.html
    """
    from .report import write_report

    path = write_report(build_dir, output or build_dir / "report.html", top=top, validate=not no_validate)
    click.echo(f"written: {path} ({path.stat().st_size:,} bytes); open it in a browser")


@click.command(name="verify")
@BUILD_OPTION
@reports_errors
def verify_command(build_dir: Path) -> None:
    """Check the current build against its manifest: every file's size and SHA-256 (graph.nq graph
    by graph, from graph.nq.parts). Exit 0 if all match, 1 if not (one line per difference).

    \b
    Examples:
      qgraph verify                                   # out/
      qgraph verify --build out
    """
    from .generations import verify

    checked, problems = verify(build_dir)
    for line in problems:
        click.echo(line, err=True)
    if problems:
        raise SystemExit(1)
    click.echo(f"verified: {checked} file(s) as the manifest lists them")
