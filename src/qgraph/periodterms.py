"""Normalised periods (``2024``, ``2024-H1``, ``2024-01/2024-09``, ``2025-04-30`` …) as RDF terms.

A year, a month and a day become typed literals (``xsd:gYear``, ``xsd:gYearMonth``, ``xsd:date``);
every period also gets its first and last day, so periods of any shape compare as intervals.

>>> period_bounds("2024-H1")
(datetime.date(2024, 1, 1), datetime.date(2024, 6, 30))
>>> period_literal("2024").datatype.endswith("gYear")
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from rdflib import Literal
from rdflib.namespace import XSD

_PART = {"H1": (1, 6), "H2": (7, 12), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}


def period_datatype(value: str) -> str | None:
    """The XSD datatype (local name) of a normalised period; None (a plain string) for
    half-years, quarters and spans."""
    if re.fullmatch(r"\d{4}", value):
        return "gYear"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "gYearMonth"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "date"
    return None


def period_literal(value: str) -> Literal:
    """The typed literal of a normalised period (a plain string for half-years, quarters and spans)."""
    datatype = period_datatype(value)
    return Literal(value, datatype=XSD[datatype]) if datatype else Literal(value)


def _month_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-(H[12]|Q[1-4]))?", text)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(3):
        day = dt.date(year, int(m.group(2)), int(m.group(3)))
        return day, day
    first, last = (int(m.group(2)),) * 2 if m.group(2) else _PART.get(m.group(4) or "", (1, 12))
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def period_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a normalised period; None for anything else."""
    try:
        if "/" in value:
            a, b = (_month_bounds(x) for x in value.split("/", 1))
            return (a[0], b[1]) if a and b else None
        return _month_bounds(value)
    except ValueError:
        return None


def period_term(value: str) -> str:
    """:func:`period_literal` as an N-Triples term (see :mod:`qgraph.ntriples`)."""
    from .ntriples import plain, typed

    datatype = period_datatype(value)
    return typed(value, datatype) if datatype else plain(value)
