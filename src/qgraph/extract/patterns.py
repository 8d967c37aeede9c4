"""Patterns made from what a document says (a measure, a category, a place's name), compiled once per process.

``re.search(pattern_string, …)`` compiles through the ``re`` module's own cache (raised to 4,096 patterns in
:mod:`qgraph.extract`), which drops the oldest when full: every pattern holding a document's words is new
there, so each one compiled costs about a millisecond and, over a corpus, pushes fixed patterns out. :func:`compiled` keeps such
patterns in a cache of their own, large enough for a corpus's names, so they are compiled once per
process and the fixed patterns stay where they are.
"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=16384)
def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, once per process for each pattern string (not through ``re``'s cache)."""
    return re.compile(pattern)
