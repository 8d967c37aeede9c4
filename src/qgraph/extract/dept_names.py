"""Full names of departments and the word lists that name no organisation: ``县发改局`` → 某县发展和改革局
(``county_department_names.tsv``), ``电力公司`` names no company (``generic_firm_words.txt``)."""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import Department, PlaceInfo, word_list
from ..resources import lexicon_path

__all__ = ["county_department_names", "dept_name", "generic_firm_words"]


def dept_name(dep: Department, place: PlaceInfo | None, written: str | None = None) -> str:
    """The full name of ``dep`` at ``place``; ``written`` (the form in the text) picks the county-level
    name (``县发改局`` → 某县发展和改革局) unless it names the committee itself (``发改委``)."""
    if place is None:
        return dep.name
    body = dep.province_name if place.level == "province" else dep.name
    county = county_department_names().get(dep.name)
    if place.level == "county" and county and written is not None and not written.endswith(("委", "委员会")):
        body = county
    return place.name + body


@lru_cache(maxsize=1)
def generic_firm_words() -> frozenset[str]:
    return frozenset(word_list("generic_firm_words.txt"))


@lru_cache(maxsize=1)
def county_department_names() -> dict[str, str]:
    rows = lexicon_path("county_department_names.tsv").read_text(encoding="utf-8").splitlines()
    return dict(r.split("\t")[:2] for r in rows if r.strip() and not r.startswith(("#", "name\t")))
