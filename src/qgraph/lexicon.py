"""The curated lexicon: data files under ``data/lexicon/`` loaded into one frozen value.

Every word list the extractor uses lives in a TSV or text file; nothing here knows a
particular city. :func:`load_lexicon` reads them once per directory.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .model import Kind, Level
from .resources import lexicon_path, resource_dir


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    code: str
    name: str
    short: tuple[str, ...]
    level: str
    """``country``, ``province``, ``prefecture`` or ``county``."""
    parent: str | None

    @property
    def admin_level(self) -> Level | None:
        return {
            "province": Level.PROVINCIAL,
            "prefecture": Level.MUNICIPAL,
            "county": Level.COUNTY,
            "country": Level.NATIONAL,
        }.get(self.level)


@dataclass(frozen=True, slots=True)
class Department:
    name: str
    province_name: str
    abbreviations: tuple[str, ...]
    en: str
    kind: Kind = Kind.DEPARTMENT


@dataclass(frozen=True, slots=True)
class OrgAlias:
    canonical: str
    kind: Kind
    en: str


@dataclass(frozen=True, slots=True)
class Programme:
    name: str
    kind: Kind
    level: Level | None
    en: str


@dataclass(frozen=True, slots=True)
class UnitInfo:
    word: str
    unit: str
    scale: int
    measure: str


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    kind: Kind
    context: tuple[str, ...]
    en: str


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    places: dict[str, PlaceInfo]
    """By code."""
    place_names: dict[str, tuple[PlaceInfo, ...]]
    """Full names and short forms → candidate places."""
    province_abbr: dict[str, PlaceInfo]
    departments: tuple[Department, ...]
    dept_by_name: dict[str, Department]
    """Every full name, province name and abbreviation → department."""
    org_aliases: dict[str, OrgAlias]
    org_suffixes: tuple[tuple[str, Kind, bool], ...]
    """(suffix, kind, open) sorted longest first."""
    posts: dict[str, str]
    surnames: frozenset[str]
    doc_types: tuple[tuple[str, str], ...]
    units: tuple[UnitInfo, ...]
    levels: dict[str, Level]
    programmes: dict[str, Programme]
    boundary_words: tuple[str, ...]
    triggers: tuple[Trigger, ...]
    events: tuple[tuple[str, Kind], ...]
    measures_en: dict[str, str]
    chain_stopwords: frozenset[str]
    protected_words: tuple[str, ...]
    programme_patterns: tuple[tuple[str, Kind, str], ...] = ()
    """(ending, kind, lead): what must come before the ending — a place (``place``), a batch or
    edition word (``batch``: 首批, 第八届) or a level word (``level``: 全国, 省级)."""
    food_categories: tuple[str, ...] = ()
    """National food-sampling categories, longest first; one holding 、/和/及 is one list item."""
    category_modifiers: tuple[str, ...] = ()
    """Words before a listed category that are no part of its name (较大的, 主要是), longest first."""
    sanction_words: tuple[str, ...] = ()
    """Words of lists of offenders (黑名单, 经营异常名录): such a list is no honour or programme."""
    placed_suffixes: frozenset[str] = frozenset()
    """Organisation endings whose names must begin with a place, written or elided (``place`` = yes in
    ``org_suffixes.tsv``): ``市质量强市工作领导小组`` is one, ``质量工作领导小组`` a generic phrase."""

    def place(self, code: str | None) -> PlaceInfo | None:
        return self.places.get(code) if code else None

    def place_named(self, name: str | None) -> PlaceInfo | None:
        """The place a canonical name (or a short form) stands for, without document context:
        an exact full name first, the lowest code among namesakes."""
        cands = self.place_names.get(name or "", ())
        exact = [c for c in cands if c.name == name] or list(cands)
        return min(exact, key=lambda c: c.code) if exact else None

    def ancestors(self, info: PlaceInfo) -> list[PlaceInfo]:
        out: list[PlaceInfo] = []
        cur = self.place(info.parent)
        while cur is not None and len(out) < 5:
            out.append(cur)
            cur = self.place(cur.parent)
        return out


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read lexicon file ({exc.strerror})") from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _words(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read lexicon file ({exc.strerror})") from exc
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def word_list(name: str, *, longest_first: bool = False) -> tuple[str, ...]:
    """The words of the lexicon file ``name`` (one a line, ``#`` comments skipped), read once per
    process; ``longest_first`` sorts them by length, longest first (stable), for alternations.

    :raises ConfigError: the file cannot be read.
    """
    words = _words(lexicon_path(name))
    return tuple(sorted(words, key=len, reverse=True)) if longest_first else tuple(words)


def _kind(value: str, path: Path) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise ConfigError(f"{path}: unknown class {value!r}") from None


def _level(value: str, path: Path) -> Level | None:
    if not value:
        return None
    try:
        return Level(value)
    except ValueError:
        raise ConfigError(f"{path}: unknown level {value!r}") from None


def _load_places(d: Path) -> tuple[dict[str, PlaceInfo], dict[str, tuple[PlaceInfo, ...]], dict[str, PlaceInfo]]:
    places: dict[str, PlaceInfo] = {}
    path = d / "places.tsv"
    for row in _rows(path):
        info = PlaceInfo(
            code=row["code"],
            name=row["name"],
            short=tuple(s for s in row.get("short", "").split("|") if s),
            level=row["level"],
            parent=row.get("parent") or None,
        )
        places[info.code] = info
    names: dict[str, list[PlaceInfo]] = {}
    for info in places.values():
        forms = [info.name, *info.short]
        if info.name.endswith("自治州"):  # 海西蒙古族藏族自治州 is written 海西州
            forms += [s + "州" for s in info.short if not s.endswith("州")]
        for n in forms:
            names.setdefault(n, []).append(info)
    abbr: dict[str, PlaceInfo] = {}
    apath = d / "province_abbreviations.tsv"
    if apath.exists():
        for row in _rows(apath):
            if row["code"] in places:
                abbr[row["abbr"]] = places[row["code"]]
    return places, {k: tuple(v) for k, v in names.items()}, abbr


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load the lexicon from ``directory`` (default: the bundled ``data/lexicon``)."""
    return _load_cached(str(directory or resource_dir("lexicon")))


@functools.lru_cache(maxsize=4)
def _load_cached(directory: str) -> Lexicon:
    d = Path(directory)
    places, place_names, abbr = _load_places(d)
    departments = tuple(
        Department(
            name=r["name"],
            province_name=r.get("province") or r["name"],
            abbreviations=tuple(a for a in r.get("abbreviations", "").split("|") if a),
            en=r.get("en", ""),
            kind=_kind(r["kind"], d / "departments.tsv") if r.get("kind") else Kind.DEPARTMENT,
        )
        for r in _rows(d / "departments.tsv")
    )
    dept_by_name: dict[str, Department] = {}
    for dep in departments:
        for n in (dep.name, dep.province_name, *dep.abbreviations):
            dept_by_name.setdefault(n, dep)
    path = d / "org_aliases.tsv"
    aliases = {
        r["alias"]: OrgAlias(r["canonical"], _kind(r["kind"], path), r.get("en", ""))
        for r in _rows(path)
    }
    path = d / "org_suffixes.tsv"
    suffix_rows = _rows(path)
    suffixes = sorted(
        ((r["suffix"], _kind(r["kind"], path), r["open"] == "yes") for r in suffix_rows),
        key=lambda t: -len(t[0]),
    )
    posts = {r["role"]: r.get("en", "") for r in _rows(d / "posts.tsv")}
    doc_types = tuple(
        sorted(((r["suffix"], r["type"]) for r in _rows(d / "doc_types.tsv")), key=lambda t: -len(t[0]))
    )
    units = tuple(
        sorted(
            (UnitInfo(r["word"], r["unit"], int(r["scale"]), r["measure"]) for r in _rows(d / "units.tsv")),
            key=lambda u: -len(u.word),
        )
    )
    path = d / "levels.tsv"
    levels = {r["word"]: _level(r["level"], path) for r in _rows(path)}
    path = d / "programmes.tsv"
    programmes: dict[str, Programme] = {}
    for r in _rows(path):
        prog = Programme(r["name"], _kind(r["kind"], path), _level(r.get("level", ""), path), r.get("en", ""))
        for n in (r["name"], *(a for a in r.get("aliases", "").split("|") if a)):
            programmes[n] = prog
    path = d / "inspection_triggers.tsv"
    triggers = tuple(
        Trigger(r["trigger"], _kind(r["kind"], path), tuple(c for c in r.get("context", "").split("|") if c), r.get("en", ""))
        for r in _rows(path)
    )
    path = d / "events.tsv"
    events = tuple(sorted(((r["suffix"], _kind(r["kind"], path)) for r in _rows(path)), key=lambda t: -len(t[0])))
    measures_en = {r["zh"]: r["en"] for r in _rows(d / "measures.tsv")} if (d / "measures.tsv").exists() else {}
    chain_stop = frozenset(_words(d / "chain_stopwords.txt")) if (d / "chain_stopwords.txt").exists() else frozenset()
    return Lexicon(
        places=places,
        place_names=place_names,
        province_abbr=abbr,
        departments=departments,
        dept_by_name=dept_by_name,
        org_aliases=aliases,
        org_suffixes=tuple(suffixes),
        posts=posts,
        surnames=frozenset(_words(d / "surnames.txt")),
        doc_types=doc_types,
        units=units,
        levels={k: v for k, v in levels.items() if v is not None},
        programmes=programmes,
        boundary_words=tuple(sorted(_words(d / "boundary_words.txt"), key=len, reverse=True)),
        triggers=triggers,
        events=events,
        measures_en=measures_en,
        chain_stopwords=chain_stop,
        protected_words=tuple(_words(d / "protected_words.txt")) if (d / "protected_words.txt").exists() else (),
        food_categories=tuple(sorted(_words(d / "food_categories.txt"), key=len, reverse=True))
        if (d / "food_categories.txt").exists() else (),
        category_modifiers=tuple(sorted(_words(d / "category_modifiers.txt"), key=len, reverse=True))
        if (d / "category_modifiers.txt").exists() else (),
        sanction_words=tuple(_words(d / "sanction_lists.txt")) if (d / "sanction_lists.txt").exists() else (),
        placed_suffixes=frozenset(r["suffix"] for r in suffix_rows if r.get("place") == "yes"),
        programme_patterns=tuple(
            sorted(((r["ending"], _kind(r["kind"], d / "programme_patterns.tsv"), r.get("lead") or "place")
                    for r in _rows(d / "programme_patterns.tsv")), key=lambda t: -len(t[0]))
        ) if (d / "programme_patterns.tsv").exists() else (),
    )
