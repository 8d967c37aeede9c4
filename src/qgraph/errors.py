"""A small error hierarchy; the CLI turns these into one clear line each."""

from __future__ import annotations


class QgraphError(Exception):
    """Base class of every error qgraph reports to a user."""

    exit_code = 2


class InputError(QgraphError):
    """A user-supplied file cannot be read or understood."""

    def __init__(self, path: str, problem: str) -> None:
        from .display import shown

        super().__init__(f"{shown(path)}: {problem}")
        self.path = path
        self.problem = problem


class QueryError(QgraphError):
    """A SPARQL query is malformed, refused or failed."""


class StoreError(QgraphError):
    """A triplestore could not be reached or did not accept the data."""


class ConfigError(QgraphError):
    """The project's own resources (lexicon, ontology, shapes) are broken."""
