"""The curated lexicon: data files under ``data/lexicon/`` loaded into one frozen value.

Every word list the extractor uses lives in a TSV or text file; nothing here knows a
particular city. :func:`load_lexicon` reads them once per directory
and state of its files: a file of one's own directory changed (its modification time or size), added or
removed is read again by the next call, so a long-lived process sees the edit; the bundled directory
is read once per process. A :class:`Lexicon` already loaded keeps the lists it has read.

A lexicon directory of one's own overrides the bundled lexicon file by file: a file it holds
replaces the bundled file of the same name, a file it does not hold is the bundled one
(:func:`lexicon_file`). The extractor reads every word list through the :class:`Lexicon` it is
given (:meth:`Lexicon.words`, :meth:`Lexicon.table`, :func:`per_lexicon`), never from the bundled
directory directly, so a custom directory is used for all of them.
"""

from __future__ import annotations

import functools
import re
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TypeVar

from .errors import ConfigError
from .model import Kind, Level
from .lexicon_io import lexicon_file, parse_int, parse_kind, parse_level, read_lines, read_rows, read_words

_T = TypeVar("_T")


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
    directory: str = ""
    """The directory the lexicon was loaded from (empty: the bundled one)."""
    _memo: dict[object, object] = field(default_factory=dict, repr=False)
    """Word lists and what is made of them, read once per lexicon (:meth:`cached`)."""

    def __getstate__(self) -> list[object]:
        """Pickled (for the worker processes) without what was made of the word lists."""
        return [{} if f.name == "_memo" else getattr(self, f.name) for f in fields(self)]

    def __setstate__(self, state: list[object]) -> None:
        for f, value in zip(fields(self), state):
            object.__setattr__(self, f.name, value)

    def path(self, name: str) -> Path:
        """The file ``name`` of this lexicon: in its directory, else the bundled one."""
        return lexicon_file(self.directory or None, name)

    def cached(self, key: object, make: Callable[[], _T]) -> _T:
        """``make()``, made once per lexicon under ``key``."""
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            value = self._memo[key] = make()
            return value

    def words(self, name: str, *, longest_first: bool = False) -> tuple[str, ...]:
        """The words of the file ``name`` (one a line, ``#`` comments skipped), read once per lexicon;
        ``longest_first`` sorts them by length, longest first (stable), for alternations.

        :raises ConfigError: the file cannot be read or is no UTF-8 text.
        """
        key = ("words", name, longest_first)
        try:
            return self._memo[key]  # type: ignore[return-value]  # (the rules ask 170,000 times a corpus)
        except KeyError:
            pass

        def make() -> tuple[str, ...]:
            words = read_words(self.path(name))
            return tuple(sorted(words, key=len, reverse=True)) if longest_first else tuple(words)
        return self.cached(key, make)

    def alternation(self, name: str, *, longest_first: bool = True) -> str:
        """The words of the file ``name`` as a regular-expression alternation (``re.escape`` of each, joined by
        ``|``; longest first unless ``longest_first`` is false), made once per lexicon: rules that match a
        word list per figure or per sentence share one string instead of escaping the list on each call."""
        key = ("alternation", name, longest_first)
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            return self.cached(key, lambda: "|".join(re.escape(w) for w in self.words(name, longest_first=longest_first)))

    def table(self, name: str, *, columns: int = 1, header: str | None = None) -> tuple[tuple[str, ...], ...]:
        """The rows of the tab-separated file ``name`` (blank lines and ``#`` comments skipped, and the
        header line: a row whose first cell is ``header``), each cell stripped, read once per lexicon.

        :raises ConfigError: the file cannot be read, or a row has fewer than ``columns`` cells.
        """
        def make() -> tuple[tuple[str, ...], ...]:
            path = self.path(name)
            out = []
            for number, line in read_lines(path):
                cells = tuple(c.strip() for c in line.split("\t"))
                if header is not None and cells[0] == header and len(cells) > 1:
                    continue
                if len(cells) < columns:
                    raise ConfigError(f"{path}: line {number}: {columns} tab-separated columns expected, "
                                      f"found {len(cells)}")
                out.append(cells)
            return tuple(out)
        return self.cached(("table", name, columns, header), make)

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


def per_lexicon(make: Callable[[Lexicon], _T]) -> Callable[[Lexicon], _T]:
    """Decorate a function of the lexicon alone (a word list sorted, a pattern compiled from one) so
    that it runs once per lexicon: the cache is the lexicon's own, so another lexicon directory gets
    its own result."""
    key = f"{make.__module__}.{make.__qualname__}"

    @functools.wraps(make)
    def wrapper(lex: Lexicon) -> _T:
        try:
            return lex._memo[key]  # type: ignore[return-value]  # (no closure made on a hit: called ~1,000 times a document)
        except KeyError:
            return lex.cached(key, lambda: make(lex))
    return wrapper


def _load_places(d: str) -> tuple[dict[str, PlaceInfo], dict[str, tuple[PlaceInfo, ...]], dict[str, PlaceInfo]]:
    places: dict[str, PlaceInfo] = {}
    extra = _file(d, "places_extra.tsv")
    rows = [*read_rows(_file(d, "places.tsv"), "code", "name", "level"),
            *(read_rows(extra, "code", "name", "level") if extra.exists() else ())]
    for row in rows:
        if row["code"] in places:
            continue  # places_extra.tsv only adds divisions the generated table lacks
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
    apath = _file(d, "province_abbreviations.tsv")
    if apath.exists():
        for row in read_rows(apath, "abbr", "code"):
            if row["code"] in places:
                abbr[row["abbr"]] = places[row["code"]]
    return places, {k: tuple(v) for k, v in names.items()}, abbr


def load_lexicon(directory: Path | None = None) -> Lexicon:
    """Load the lexicon from ``directory`` (default: the bundled ``data/lexicon``); a file the
    directory does not hold is the bundled one (:func:`lexicon_file`).

    :raises ConfigError: ``directory`` is no directory, or one of its files is malformed (the error
        names the file).
    """
    if directory is not None and not Path(directory).is_dir():
        raise ConfigError(f"{directory}: no such lexicon directory")
    if directory is None:
        return _load_cached("", ())
    resolved = Path(directory).resolve()
    return _load_cached(str(resolved), _stamps(resolved))


def _stamps(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime_ns, size) of every file in ``directory``, sorted: a lexicon directory whose files
    were changed, added or removed is read again by the next :func:`load_lexicon`."""
    out = []
    for entry in os.scandir(directory):
        try:
            if entry.is_file():
                st = entry.stat()
                out.append((entry.name, st.st_mtime_ns, st.st_size))
        except OSError:
            continue  # gone meanwhile: reading the directory will tell
    return tuple(sorted(out))


def _file(directory: str, name: str) -> Path:
    return lexicon_file(directory or None, name)


@functools.lru_cache(maxsize=4)
def _load_cached(directory: str, stamps: tuple[tuple[str, int, int], ...]) -> Lexicon:
    """The lexicon of ``directory``, once per state of its files (``stamps``, :func:`_stamps`; the
    bundled lexicon is read once per process)."""
    d = directory
    places, place_names, abbr = _load_places(d)
    departments = tuple(
        Department(
            name=r["name"],
            province_name=r.get("province") or r["name"],
            abbreviations=tuple(a for a in r.get("abbreviations", "").split("|") if a),
            en=r.get("en", ""),
            kind=parse_kind(r["kind"], _file(d, "departments.tsv")) if r.get("kind") else Kind.DEPARTMENT,
        )
        for r in read_rows(_file(d, "departments.tsv"), "name")
    )
    dept_by_name: dict[str, Department] = {}
    for dep in departments:
        for n in (dep.name, dep.province_name, *dep.abbreviations):
            dept_by_name.setdefault(n, dep)
    path = _file(d, "org_aliases.tsv")
    aliases = {
        r["alias"]: OrgAlias(r["canonical"], parse_kind(r["kind"], path), r.get("en", ""))
        for r in read_rows(path, "alias", "canonical", "kind")
    }
    path = _file(d, "org_suffixes.tsv")
    suffix_rows = read_rows(path, "suffix", "kind")
    suffixes = sorted(
        ((r["suffix"], parse_kind(r["kind"], path), r["open"] == "yes") for r in suffix_rows),
        key=lambda t: -len(t[0]),
    )
    posts = {r["role"]: r.get("en", "") for r in read_rows(_file(d, "posts.tsv"), "role")}
    doc_types = tuple(
        sorted(((r["suffix"], r["type"]) for r in read_rows(_file(d, "doc_types.tsv"), "suffix", "type")), key=lambda t: -len(t[0]))
    )
    path = _file(d, "units.tsv")
    units = tuple(
        sorted(
            (UnitInfo(r["word"], r["unit"], parse_int(r["scale"], path), r["measure"])
             for r in read_rows(path, "word", "unit", "scale", "measure")),
            key=lambda u: -len(u.word),
        )
    )
    path = _file(d, "levels.tsv")
    levels = {r["word"]: parse_level(r["level"], path) for r in read_rows(path, "word")}
    path = _file(d, "programmes.tsv")
    programmes: dict[str, Programme] = {}
    for r in read_rows(path, "name", "kind"):
        prog = Programme(r["name"], parse_kind(r["kind"], path), parse_level(r.get("level", ""), path), r.get("en", ""))
        for n in (r["name"], *(a for a in r.get("aliases", "").split("|") if a)):
            programmes[n] = prog
    path = _file(d, "inspection_triggers.tsv")
    triggers = tuple(
        Trigger(r["trigger"], parse_kind(r["kind"], path), tuple(c for c in r.get("context", "").split("|") if c), r.get("en", ""))
        for r in read_rows(path, "trigger", "kind")
    )
    path = _file(d, "events.tsv")
    events = tuple(sorted(((r["suffix"], parse_kind(r["kind"], path)) for r in read_rows(path, "suffix", "kind")), key=lambda t: -len(t[0])))
    measures_en = {r["zh"]: r["en"] for r in read_rows(_file(d, "measures.tsv"))} if (_file(d, "measures.tsv")).exists() else {}
    chain_stop = frozenset(read_words(_file(d, "chain_stopwords.txt"))) if (_file(d, "chain_stopwords.txt")).exists() else frozenset()
    return Lexicon(
        directory=directory,
        places=places,
        place_names=place_names,
        province_abbr=abbr,
        departments=departments,
        dept_by_name=dept_by_name,
        org_aliases=aliases,
        org_suffixes=tuple(suffixes),
        posts=posts,
        surnames=frozenset(read_words(_file(d, "surnames.txt"))),
        doc_types=doc_types,
        units=units,
        levels={k: v for k, v in levels.items() if v is not None},
        programmes=programmes,
        boundary_words=tuple(sorted(read_words(_file(d, "boundary_words.txt")), key=len, reverse=True)),
        triggers=triggers,
        events=events,
        measures_en=measures_en,
        chain_stopwords=chain_stop,
        protected_words=tuple(read_words(_file(d, "protected_words.txt"))) if (_file(d, "protected_words.txt")).exists() else (),
        food_categories=tuple(sorted(read_words(_file(d, "food_categories.txt")), key=len, reverse=True))
        if (_file(d, "food_categories.txt")).exists() else (),
        category_modifiers=tuple(sorted(read_words(_file(d, "category_modifiers.txt")), key=len, reverse=True))
        if (_file(d, "category_modifiers.txt")).exists() else (),
        sanction_words=tuple(read_words(_file(d, "sanction_lists.txt"))) if (_file(d, "sanction_lists.txt")).exists() else (),
        placed_suffixes=frozenset(r["suffix"] for r in suffix_rows if r.get("place") == "yes"),
        programme_patterns=tuple(
            sorted(((r["ending"], parse_kind(r["kind"], _file(d, "programme_patterns.tsv")), r.get("lead") or "place")
                    for r in read_rows(_file(d, "programme_patterns.tsv"))), key=lambda t: -len(t[0]))
        ) if (_file(d, "programme_patterns.tsv")).exists() else (),
    )
