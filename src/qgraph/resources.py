"""Locate the bundled resources: ontology, shapes, stored queries, lexicon.

They live at the top of the repository (``ontology/``, ``shapes/``, ``queries/``,
``data/lexicon/``) and are shipped inside the package as ``qgraph/resources``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the directory of a bundled resource (``ontology``, ``shapes``, ``queries``, ``lexicon``)."""
    return _PACKAGE / "resources" / name  # importlib.resources gives the same directory, for 15-50 ms of import


def ontology_path() -> Path:
    return resource_dir("ontology") / "qgraph.ttl"


def shapes_path() -> Path:
    return resource_dir("shapes") / "qgraph-shapes.ttl"


def lexicon_path(filename: str) -> Path:
    return resource_dir("lexicon") / filename


def queries_dir() -> Path:
    return resource_dir("queries")
