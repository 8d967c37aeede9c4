"""Options shared by the ``qgraph`` commands, one spelling each, and the old spellings kept for a release.

The scheme: ``--build DIR`` names a build directory a command reads (default ``out``);
``--graph FILE|DIR`` an RDF file, a store directory or a build directory to read instead;
``-o/--output`` what a command writes; ``-f/--format`` its format; ``-q/--quiet`` silences
progress and notes on stderr. Old spellings (``--out``) still work, hidden from ``--help``, and
print a deprecation note on stderr.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable

import click
from click.core import ParameterSource

from .display import shown

BUILD_OPTION = click.option("--build", "build_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
                            show_default=True, help="The build directory to read (its current build).")
GRAPH_OPTION = click.option("-g", "--graph", type=click.Path(path_type=Path), metavar="FILE|DIR",
                            help="Read this RDF file (.nq, .trig, .ttl, .jsonld, …), store directory or build "
                                 "directory instead of --build.")
LEXICON_OPTION = click.option(
    "--lexicon", "lexicon_dir", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
    help="Read the word lists from this lexicon directory: each file it holds replaces the bundled lexicon file "
         "of the same name (boilerplate.tsv too, the lines stripped from documents as they are read); the files "
         "it does not hold are the bundled ones.")
QUIET_OPTION = click.option("-q", "--quiet", is_flag=True, help="No progress or notes on stderr.")


def old_spelling(flag: str, param: str, new_flag: str, **option: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Keep ``flag`` as a hidden alias of the parameter ``param`` (spelled ``new_flag`` now) for one release.

    Given, it prints a deprecation note on stderr and sets ``param`` unless that was given too.
    Apply it below ``@main.command()``, like any option.
    """
    dest = f"old_{param}_{flag.strip('-').replace('-', '_')}"

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            value = kwargs.pop(dest, None)
            if value is not None:
                click.echo(f"qgraph: warning: {flag} is deprecated and will be removed in the next release; "
                           f"use {new_flag}", err=True)
                ctx = click.get_current_context()
                if ctx.get_parameter_source(param) in (None, ParameterSource.DEFAULT):
                    kwargs[param] = value
            return fn(*args, **kwargs)

        return click.option(flag, dest, hidden=True, default=None, **option)(wrapper)

    return decorate


def graph_source(graph: Path | None, build_dir: Path | None) -> tuple[Path, Any]:
    """What a command reads: ``graph`` as given (the current build when it is a build directory),
    else the current build of ``build_dir`` (default ``out``), with the value that keeps that build
    on disk while it is read."""
    from .generations import current_generation, is_build_dir

    if graph is None or is_build_dir(graph):
        held = current_generation(graph or build_dir or Path("out"))
        return held.source, held
    return graph, None


def build_summary(report: Any, *, as_json: bool) -> str:
    """What ``qgraph build`` prints: the counts, the SHACL result and the files written."""
    from .display import one_line

    classes = [(cls, n) for cls, n in report.classes
               if not cls.startswith(("oa:", "rdf:", "qb:")) and cls not in ("qg:Mention", "qg:Sentence")]
    validation = report.validation
    if as_json:
        data = {
            "documents": report.documents,
            "triples": report.triples,
            "classes": {cls: n for cls, n in report.classes},
            "validation": None if validation is None else {
                "conforms": validation.conforms,
                "violations": len(validation.violations),
            },
            "errors": [one_line(str(e)) for e in report.errors],
            "warnings": [one_line(w) for w in report.warnings],
            "written": sorted({str(p) for p in report.written}),
            "timings": dict(getattr(report, "timings", {}) or {}),
            "cache": getattr(report, "cache", None),
            "rebuild": getattr(report, "rebuild", None),
            "table": getattr(report, "table", None),
            "exit_code": report.exit_code,
        }
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [f"documents: {report.documents}", f"triples:   {report.triples}", "entities per class:"]
    lines += [f"  {cls:<28} {n}" for cls, n in classes]
    if validation is not None:
        lines.append(validation.text())
    if report.written:
        lines.append("written: " + ", ".join(sorted({shown(p) for p in report.written})))
    return "\n".join(lines)
