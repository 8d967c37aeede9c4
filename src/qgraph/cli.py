"""The ``qgraph`` command line: thin click commands over the library API.

Every command calls one library function; :class:`qgraph.errors.QgraphError`
is turned into one clear line on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .cli_options import BUILD_OPTION, GRAPH_OPTION, LEXICON_OPTION, QUIET_OPTION, build_summary, graph_source, old_spelling
from .cli_views import analyze_command, report_command, verify_command
from .display import one_line, shown
from .edge import SECONDS, SECONDS_OR_ZERO, EdgeGroup, reports_errors
from .errors import InputError


@click.group(cls=EdgeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qgraph")
@click.option("--debug", is_flag=True, help="On an internal error (exit 3), print the Python traceback.")
def main(debug: bool) -> None:
    """Build, validate, query and publish a knowledge graph of quality-work reports.

    Exit codes: 0 ok, 1 SHACL violations, 2 bad input or usage, 3 internal error
    (rerun with --debug for the traceback), 130 Ctrl-C, 141 closed pipe, 143 SIGTERM.

    \b
    Examples:
      qgraph build                      # data/ -> out/graph.{ttl,jsonld,nq}
      qgraph query spot-checks          # a stored query, as a table
      qgraph validate out/graph.ttl     # SHACL, exit 0 / 1 / 2
    """


# ----------------------------------------------------------------------------- queries / query / explain

_ENDPOINT_OPTION = click.option("--endpoint", metavar="URL", help=(
    "Ask this SPARQL 1.1 endpoint instead. Credentials (user info in the URL, QGRAPH_USER / "
    "QGRAPH_PASSWORD, or ~/.netrc) are sent to its host only, when it asks."))
_TIMEOUT_OPTION = click.option("--timeout", type=SECONDS_OR_ZERO, default=30.0, show_default=True, metavar="SECONDS",
                               help="Stop the query after this long (0: no limit).")


@main.command("queries")
@reports_errors
def queries_command() -> None:
    """List the stored queries with their titles and parameters.

    \b
    Example:
      qgraph queries
    """
    from .query import list_queries
    from .results import format_stored_queries

    click.echo(format_stored_queries(list_queries()))


@main.command("query")
@click.argument("query", required=False)
@click.option("-e", "--expression", help="The SPARQL text itself (prefixes such as qg: are predeclared).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME: <IRI>, prefix:name (qg:Municipal) or a plain value (a literal). Repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "jsonld", "nt"]),
              help="Output format [default: table; ttl for CONSTRUCT / DESCRIBE].")
@GRAPH_OPTION
@BUILD_OPTION
@_ENDPOINT_OPTION
@_TIMEOUT_OPTION
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write the result to; default: standard output.")
@click.option("--max-width", type=click.IntRange(min=0), default=60, show_default=True,
              help="Truncate labels in table cells (0: never); IRIs are never cut.")
@click.option("--allow-update", is_flag=True, help="Allow SPARQL UPDATE (on a store directory or an endpoint).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE and LOAD, which make the engine fetch URLs.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="X",
              help="Leave out figures whose confidence is below X (0–1); for queries with a minConfidence parameter.")
@click.option("--limit", type=click.IntRange(min=0), metavar="N",
              help="At most N rows (0: all); without parameters, those of the query's first N facts. A table of "
                   "a stored query given none of its parameters shows 100 unless told; other formats give every row.")
@reports_errors
def query_command(query: str | None, expression: str | None, params: tuple[str, ...], fmt: str | None,
                  graph: Path | None, build_dir: Path, endpoint: str | None, timeout: float, output: Path | None,
                  max_width: int, allow_update: bool, allow_service: bool, min_confidence: float | None,
                  limit: int | None) -> None:
    """Run a stored query (NAME), a .rq FILE, - (stdin) or -e TEXT.

    \b
    Examples:
      qgraph query spot-checks --param place=枣庄市
      qgraph query figure-over-time -p measure=合格率 --format csv
      qgraph query -e 'SELECT ?p ?t WHERE { ?p a qg:Policy ; dcterms:title ?t }'
      qgraph query queries/speakers.rq --graph out/graph.nq --format json
      qgraph query statistics --endpoint http://127.0.0.1:7878/query
      qgraph query statistics --min-confidence 0.8
      qgraph query statistics --limit 0   # every row (a table without parameters shows 100)
    """
    from .query import page, parse_param_options, portable, query_from, run_query

    stored = query_from(query, expression=expression, stdin=sys.stdin)
    if endpoint:  # any SPARQL 1.1 endpoint: the stored query's plain text, without LATERAL
        stored = portable(stored)
    if min_confidence is not None:
        params += (f"minConfidence={min_confidence}",)
    bindings = stored.bind(parse_param_options(params))
    text, paged = (stored.text, 0) if allow_update else page(stored, bindings, limit=limit, table=fmt in (None, "table"))
    source, _held = (None, None) if endpoint else graph_source(graph, build_dir)
    if allow_update and source is not None:
        from .generations import in_generation

        if in_generation(source):
            raise InputError(str(source), "part of a build, which stays as its manifest lists it; "
                                          "update a copy of the store, or an endpoint")
    answer = None
    if source is not None and not allow_update:
        from .answers import stored_answer

        answer = stored_answer(source, text, bindings)  # every row of selections / trademarks-gi: made at build time
    if answer is not None and fmt in ("csv", "tsv", "json", "xml"):
        from .answers import write_answer

        if output is None:
            write_answer(answer, fmt, sys.stdout.buffer)  # (a reader that left: BrokenPipeError, ended quietly)
            return
        import io

        from .store import atomic_write

        buffer = io.BytesIO()
        write_answer(answer, fmt, buffer)
        data = buffer.getvalue()
        atomic_write(output, data if data.endswith(b"\n") else data + b"\n")
        return
    if source is not None and output is None and not allow_update and fmt in ("csv", "tsv", "json", "xml", "nt"):
        from .query import stream_query

        if not stream_query(source, text, sys.stdout.buffer, fmt=fmt, params=bindings,
                            timeout=timeout or None, allow_service=allow_service):
            raise BrokenPipeError  # the reader left (`| head`): the error edge ends quietly
        return
    import shutil

    on_terminal = output is None and sys.stdout.isatty()
    unbound = [p.name for p in stored.params if p.name not in bindings]
    if answer is not None and fmt in (None, "table") and not paged:
        from .results import format_answer_table

        text = format_answer_table(answer, max_width=max_width, hide_unbound=unbound,  # no term objects: the strings shown
                                   terminal_width=shutil.get_terminal_size().columns if on_terminal else None)
        _write_text(text, output)
        return
    if answer is not None:
        from .query import answered

        result = answered(answer)
    else:
        result = run_query(source, text, params=bindings, timeout=timeout or None, endpoint=endpoint,
                           allow_update=allow_update, allow_service=allow_service)
    if paged and len(result.rows) > paged:
        import dataclasses

        result = dataclasses.replace(result, rows=result.rows[:paged])
        click.echo(f"(the first {paged} rows; the query has more: --limit 0 shows all, --limit N more)", err=True)
    from .results import format_result

    text = format_result(result, fmt, max_width=max_width, hide_unbound=unbound,
                         terminal_width=shutil.get_terminal_size().columns if on_terminal else None)
    _write_text(text, output)


def _write_text(text: str, output: Path | None) -> None:
    """``text`` to ``output`` (written whole, then renamed) or to standard output, ending with a newline."""
    if output is not None:
        from .store import atomic_write

        atomic_write(output, (text if text.endswith("\n") else text + "\n").encode("utf-8"))
        return
    click.echo(text, nl=not text.endswith("\n"))


@main.command("explain")
@click.argument("entity")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@GRAPH_OPTION
@BUILD_OPTION
@_ENDPOINT_OPTION
@_TIMEOUT_OPTION
@reports_errors
def explain_command(entity: str, fmt: str, graph: Path | None, build_dir: Path, endpoint: str | None,
                    timeout: float) -> None:
    """Every fact about one entity (an IRI or a label), with the sentences it came from.

    A label that names several entities lists them (exit code 2).

    \b
    Examples:
      qgraph explain 李震
      qgraph explain qgplace:370400
      qgraph explain '<https://w3id.org/qgraph/id/person/li-zhen-wd3yxphz7h>' --format json
    """
    from .explain import explain, format_explanation

    source, _held = (None, None) if endpoint else graph_source(graph, build_dir)
    found = explain(source, entity, timeout=timeout or None, endpoint=endpoint)
    click.echo(found.to_json() if fmt == "json" else format_explanation(found))


# ----------------------------------------------------------------------------- build / validate


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Build directory: graph.ttl, graph.jsonld, graph.nq, void.ttl, store/ and "
                                      "manifest.json, links into its current build (out/current/).")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--no-store", is_flag=True, help="Do not write the embedded Oxigraph store.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(["ttl", "jsonld", "nq", "nt", "trig"]),
              help="Export formats (repeatable; default ttl, jsonld, nq).")
@click.option("--force", is_flag=True, help="Build into a non-empty directory not made by qgraph (its files are kept).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Extract in this many processes (default: all cores; 1: in this process).")
@click.option("--no-cache", is_flag=True, help="Extract every document again (ignore and do not update out/.cache/).")
@click.option("--full", is_flag=True, help="Rebuild graph.nq, the store and validation from scratch, not from the "
                                           "previous build in the output directory.")
@click.option("--engine", type=click.Choice(["sparql", "pyshacl"]), default="sparql", show_default=True,
              help="Validate with the shapes compiled to SPARQL on Oxigraph, or with pySHACL (the reference).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON (counts, SHACL result, files, time per stage, exit code).")
@LEXICON_OPTION
@QUIET_OPTION
@old_spelling("--out", "out_dir", "-o/--output", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def build(paths: tuple[Path, ...], out_dir: Path, no_validate: bool, no_store: bool, formats: tuple[str, ...],
          force: bool, jobs: int | None, no_cache: bool, full: bool, engine: str, as_json: bool,
          lexicon_dir: Path | None, quiet: bool) -> None:
    """Extract, map to RDF, validate and write the graph of documents.

    PATHS are files or directories of .txt / .md / .html reports (default: data/, where
    the sample lies in data/corpus; directories holding a .qgraphignore file are skipped).
    Below a directory, symbolic links are followed only when they stay inside it.
    Extractions are cached per document in out/.cache/: a rebuild extracts only new or changed
    documents, and everything again when the lexicon, ontology, shapes or qgraph change.

    Rebuilds are incremental: a build into a directory holding a previous build starts from it, and
    writes, loads and validates only the documents added, changed or removed (the outputs are the
    same bytes as a full build). Turtle and JSON-LD need the whole graph sorted again: for large
    corpora (thousands of documents) build with `-f nq`, the fast path; `qgraph export` writes the
    other formats from the build when they are needed. `--full` rebuilds from scratch.

    A bad document is reported and skipped; the others still build. Exit code 0 when the
    graph conforms to the SHACL shapes, 1 with violations, 2 when a document could not be read.

    \b
    Examples:
      qgraph build                         # data/ -> out/
      qgraph build data/corpus -o out/     # a directory of reports
      qgraph build data/corpus -o trig-out --format ttl --format trig --json
      qgraph build data/corpus -o out/ -j 1 --no-cache   # one process, every document extracted again
      qgraph build data/corpus -o big/ -f nq   # large corpora: N-Quads + store; rebuilds touch only what changed
    """
    from .build_output import BuildProgress
    from .lexicon import load_lexicon
    from .pipeline import build as run_build

    if not paths and not Path("data").is_dir():
        raise InputError("data", "no such directory here (the default input); run qgraph build in the "
                                 "repository root, or name the reports: qgraph build path/to/reports")
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing and len(missing) == len(paths):
        raise InputError(str(missing[0]), "no such file or directory; nothing to build "
                                          "(give the files or directories holding the reports)")
    lexicon = load_lexicon(lexicon_dir) if lexicon_dir is not None else None
    progress = None if quiet or not sys.stderr.isatty() else BuildProgress()
    try:
        report = run_build(list(paths) or [Path("data")], out_dir, validate=not no_validate, lexicon=lexicon,
                           formats=formats or ("ttl", "jsonld", "nq"), with_store=not no_store, force=force,
                           jobs=jobs, use_cache=not no_cache, on_progress=progress,
                           on_stage=progress.stage if progress else None, engine=engine, incremental=not full)
    finally:
        if progress is not None:
            progress.close()
    for err in report.errors:
        click.echo(f"qgraph: error: {one_line(str(err))}", err=True)
    for warning in report.warnings if not quiet else ():
        click.echo(f"qgraph: warning: {one_line(warning)}", err=True)
    if report.cache and not quiet and not report.cache.startswith("cache: 0 of"):  # a first build: nothing to say
        click.echo(f"qgraph: {report.cache}", err=True)
    if report.rebuild and not quiet:
        click.echo(f"qgraph: {report.rebuild}", err=True)
    if report.table and not quiet and report.table.startswith("table: made again"):
        click.echo(f"qgraph: {report.table}", err=True)
    if report.documents == 0 and not as_json:
        click.echo("qgraph: error: no document could be read; nothing was built", err=True)
        sys.exit(2)
    click.echo(build_summary(report, as_json=as_json))
    sys.exit(report.exit_code)


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path), metavar="[FILE|DIR]")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "turtle", "jsonld"]), default="text",
              show_default=True, help="The SHACL report: text for people, json (a summary), or the standard "
                                      "sh:ValidationReport graph as Turtle or JSON-LD.")
@click.option("--engine", type=click.Choice(["pyshacl", "sparql"]), default="pyshacl", show_default=True,
              help="pySHACL (the reference) or the shapes compiled to SPARQL on Oxigraph (same violations, faster).")
@BUILD_OPTION
@QUIET_OPTION
@reports_errors
def validate(graph: Path | None, fmt: str, engine: str, build_dir: Path, quiet: bool) -> None:
    """Validate an RDF file (or the current build of a build directory) against qgraph's SHACL shapes.

    Exit code 0 when it conforms, 1 with violations, 2 when the file cannot be loaded.

    \b
    Examples:
      qgraph validate                        # the current build in out/
      qgraph validate out/graph.ttl
      qgraph validate out/graph.nq --format turtle
      qgraph validate out/graph.nq --engine sparql
    """
    from .generations import current_generation
    from .progress import Progress
    from .validate import validate_file

    from .segments import is_segmented

    file = graph if graph is not None else build_dir
    if file.is_dir() and not is_segmented(file):
        found = current_generation(file).graph_file
        if found is None:
            raise InputError(str(file), "the current build has no RDF file to validate (build with --format)")
        file = found
    with Progress("validate", quiet=quiet) as progress:
        report = validate_file(file, engine=engine, on_phase=lambda phase: progress.phase(f"{phase} {shown(file)}"))
    click.echo({"text": report.text, "json": report.json, "turtle": report.turtle, "jsonld": report.jsonld}[fmt]())
    sys.exit(report.exit_code)


# ----------------------------------------------------------------------------- export / load / serve


@main.command(name="export")
@click.option("-f", "--format", "fmt", type=click.Choice(["ttl", "jsonld", "nt", "nq", "trig"]), default="ttl",
              show_default=True, help="Output format (ttl, nt and jsonld hold the union of all graphs).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (atomically); default: standard output.")
@GRAPH_OPTION
@BUILD_OPTION
@QUIET_OPTION
@old_spelling("--out", "build_dir", "--build", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def export_command(fmt: str, output: Path | None, graph: Path | None, build_dir: Path, quiet: bool) -> None:
    """Write the built graph in another RDF format, deterministically.

    \b
    Examples:
      qgraph export --format trig -o out/graph.trig  # out/ -> TriG, one graph per document
      qgraph export -f nt | wc -l                     # N-Triples to stdout
      qgraph export --graph out/graph.ttl --format jsonld
    """
    from .store import atomic_write, export

    data = export(graph or build_dir, fmt=fmt)
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stdout
    else:
        atomic_write(output, data)
        if not quiet:
            click.echo(f"written: {shown(output)} ({len(data)} bytes)", err=True)


@main.command(name="load")
@click.option("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")
@click.option("--style", type=click.Choice(["oxigraph", "fuseki", "graphdb", "virtuoso", "gsp"]), default="oxigraph",
              show_default=True, help="Server kind: checks the endpoint's shape and picks the query endpoint.")
@click.option("--query-endpoint", help="SPARQL endpoint used to read back triple counts (default: from --style).")
@click.option("--timeout", type=SECONDS, default=60.0, show_default=True, help="Seconds to wait on the server per request (> 0).")
@click.option("--attempts", type=click.IntRange(1, 10), default=3, show_default=True,
              help="Tries per request (connection errors, 5xx and 429 are retried with backoff).")
@click.option("--batch-size", type=click.IntRange(1), default=100_000, show_default=True,
              help="Triples per request; a graph is PUT, further batches are POSTed.")
@GRAPH_OPTION
@BUILD_OPTION
@QUIET_OPTION
@old_spelling("--out", "build_dir", "--build", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def load_command(endpoint: str, style: str, query_endpoint: str | None, timeout: float, attempts: int,
                 batch_size: int, graph: Path | None, build_dir: Path, quiet: bool) -> None:
    """Load the graph into a triplestore, one named graph per document, and verify the counts.

    Each graph is replaced (HTTP PUT), so loading again never duplicates. Credentials come from
    QGRAPH_USER / QGRAPH_PASSWORD or ~/.netrc and are sent only when the server asks.

    \b
    Examples:
      qgraph load --endpoint http://127.0.0.1:7878/store
      qgraph load --style fuseki --endpoint http://localhost:3030/qgraph/data
      qgraph load --style graphdb --endpoint http://localhost:7200/repositories/qgraph/rdf-graphs/service
      QGRAPH_USER=dba QGRAPH_PASSWORD=… qgraph load --style virtuoso \\
          --endpoint http://localhost:8890/sparql-graph-crud-auth
    """
    from .load import load
    from .progress import Progress
    from .store import built_nquads

    quads = built_nquads(graph or build_dir)
    with Progress("load", quiet=quiet) as progress:
        def on_graph(loaded: Any) -> None:
            progress(what=f"{loaded.iri} {loaded.sent} triples")
            if not quiet and not progress.enabled:
                click.echo(f"replaced  {loaded.iri}  {loaded.sent} triples", err=True)

        report = load(quads, endpoint=endpoint, style=style, query_endpoint=query_endpoint,
                      timeout=timeout, attempts=attempts, batch_size=batch_size, on_graph=on_graph)
    click.echo(f"loaded {len(report.graphs)} graphs, {report.triples} triples into {report.endpoint} "
               f"in {report.seconds:.1f} s; every count verified")


def _not_nan(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if value != value:  # FloatRange lets NaN through: every comparison with it is false
        raise click.BadParameter("nan is not a number of seconds")
    return value


@main.command(name="serve")
@click.option("--port", type=click.IntRange(0, 65535), default=7879, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; keep it local.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True, max=86_400), default=30.0, show_default=True,
              callback=_not_nan, help="Seconds a query may run; then its process is killed (answer 503).")
@click.option("--max-rows", type=click.IntRange(1), default=100_000, show_default=True,
              help="Rows (or triples) an answer holds at most; longer answers are cut.")
@click.option("--max-memory", type=click.IntRange(128), default=1024, show_default=True, metavar="MB",
              help="Memory one query may use (Linux); a query that needs more is stopped (answer 503).")
@GRAPH_OPTION
@BUILD_OPTION
@old_spelling("--out", "build_dir", "--build", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def serve_command(port: int, host: str, timeout: float, max_rows: int, max_memory: int, graph: Path | None,
                  build_dir: Path) -> None:
    """Serve the built graph as a read-only SPARQL endpoint with a query page.

    SPARQL 1.1 Protocol at /sparql (JSON, XML, CSV, TSV; graphs as Turtle, N-Triples, RDF/XML,
    JSON-LD); updates, SERVICE and LOAD are refused, and so are cross-site browser requests.
    Each query runs in its own read-only Oxigraph process, stopped at --timeout. Open the
    printed address for the query page.

    \b
    Examples:
      qgraph serve                                   # out/store at http://127.0.0.1:7879/
      qgraph serve --port 8000 --graph out/graph.nq
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * {?s ?p ?o} LIMIT 5' \\
          http://127.0.0.1:7879/sparql
    """
    from .serve import serve

    source, _held = graph_source(graph, build_dir)  # while _held lives, a rebuild keeps this build
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"qgraph: warning: binding {host}: the endpoint is reachable from other machines", err=True)
    serve(source, host=host, port=port, timeout=timeout, max_rows=max_rows, max_memory=max_memory,
          on_ready=lambda url: click.echo(f"serving {shown(source)} at {url} (read-only; Ctrl-C to stop)", err=True))


@main.command(name="eval")
@click.argument("directories", nargs=-1, type=click.Path(file_okay=False, path_type=Path))
@click.option("--summary", is_flag=True, help="Only the scores, without the list of misses and false positives.")
@LEXICON_OPTION
@QUIET_OPTION
@reports_errors
def eval_command(directories: tuple[Path, ...], summary: bool, lexicon_dir: Path | None, quiet: bool) -> None:
    """Measure extraction precision, recall and F1 against gold annotations.

    Each DIRECTORY holds NAME.txt documents with NAME.gold.json annotations (default:
    data/eval). Prints scores per entity class and for numeric facts, micro-averaged, then
    every miss (-) and false positive (+).

    \b
    Examples:
      qgraph eval                        # the bundled evaluation set
      qgraph eval data/eval --summary
    """
    from .evaluate import evaluate
    from .lexicon import load_lexicon
    from .progress import Progress

    lexicon = load_lexicon(lexicon_dir) if lexicon_dir is not None else None
    for directory in directories or (Path("data/eval"),):
        if len(directories) > 1:
            click.echo(f"== {shown(directory)}")
        with Progress("eval", quiet=quiet) as progress:
            def on_document(done: int, total: int, name: str) -> None:
                progress.total = total
                progress(done, name)

            report = evaluate(directory, lexicon=lexicon, on_document=on_document)
        click.echo(report.text(details=not summary))


# ----------------------------------------------------------------------------- analyze / report

main.add_command(analyze_command)
main.add_command(report_command)
main.add_command(verify_command)
