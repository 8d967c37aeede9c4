"""Helpers of the per-mechanism extraction tests: read a minimal text, find one figure in it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind, Observation
from qgraph.sources import split_sentences

LOW = 0.5
"""Below this confidence (or with an inferred subject) a figure is one the extractor is unsure of."""


def read(text: str, place: str | None = None, date: dt.date | None = None, title: str | None = None) -> Extraction:
    return extract(Document("t", "t.txt", text, title=title, date=date, place=place,
                            sentences=split_sentences(text)))


def fig(ex: Extraction, value: str, unit: str | None = None) -> Observation:
    """The one figure of ``value`` (and ``unit``) in ``ex``; fails when there is none or several."""
    found = [o for o in ex.observations if o.value == Decimal(value) and (unit is None or o.unit == unit)]
    assert len(found) == 1, [(o.value, o.unit, o.measure) for o in ex.observations]
    return found[0]


def low(o: Observation) -> bool:
    return o.confidence < LOW or o.subject_inferred


def listed(ex: Extraction) -> set[tuple[str, str]]:
    """``(recipient, programme)`` for every listing of ``ex``."""
    return {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}


def programmes(ex: Extraction) -> set[str]:
    """The names of the programmes ``ex`` found."""
    return {e.name for e in ex.entities if e.kind.is_programme}


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    """The names of the entities of ``ex`` (of ``kinds`` when given)."""
    return {e.name for e in ex.entities if not kinds or e.kind in kinds}


def posts(ex: Extraction) -> set[tuple[str, str, str | None]]:
    """``(person, role, organisation)`` for every post of ``ex``."""
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}
