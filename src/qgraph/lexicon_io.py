"""Reading the lexicon's data files: which file a lexicon directory stands for, and its lines, rows and
words, with an error naming the file for one that cannot be read or is malformed."""

from __future__ import annotations

import csv
from pathlib import Path

from .errors import ConfigError
from .model import Kind, Level
from .resources import resource_dir


def lexicon_file(directory: Path | str | None, name: str) -> Path:
    """The file ``name`` of the lexicon in ``directory``: the directory's own when it holds one,
    else the bundled file (``directory`` None: the bundled one)."""
    if directory:
        own = Path(directory) / name
        if own.exists():
            return own
    return resource_dir("lexicon") / name


def lexicon_files(directory: Path | str | None) -> list[Path]:
    """Every data file the lexicon in ``directory`` is made of (its own files, the bundled ones it does
    not replace), sorted by name: what a build's cache key hashes."""
    suffixes = (".tsv", ".txt", ".csv", ".json")
    names = {p.name for p in resource_dir("lexicon").iterdir() if p.is_file() and p.suffix in suffixes}
    if directory and Path(directory).is_dir():
        names |= {p.name for p in Path(directory).iterdir() if p.is_file() and p.suffix in suffixes}
    return [lexicon_file(directory, n) for n in sorted(names)]


def read_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of the text file ``path`` but blank lines and ``#`` comments (a line whose
    first character other than white space is ``#``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read lexicon file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: lexicon file is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.lstrip().startswith("#")]


def read_rows(path: Path, *required: str) -> list[dict[str, str]]:
    """The rows of a TSV file with a header line; ``required`` columns must be in the header and
    filled in every row.

    :raises ConfigError: naming the file, when it cannot be read or a required column is missing.
    """
    lines = [ln + "\n" for _, ln in read_lines(path)]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in required if c not in (reader.fieldnames or ())]
    if missing:
        raise ConfigError(f"{path}: lexicon file lacks the column(s) {', '.join(missing)} in its header line")
    rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    for row in rows:
        empty = [c for c in required if not row.get(c)]
        if empty:
            raise ConfigError(f"{path}: a row ({'/'.join(v for v in row.values() if v)[:40]!r}) has no "
                              f"{', '.join(empty)}")
    return rows


def read_words(path: Path) -> list[str]:
    return [ln.strip() for _, ln in read_lines(path)]


def parse_kind(value: str, path: Path) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise ConfigError(f"{path}: unknown class {value!r}") from None


def parse_level(value: str, path: Path) -> Level | None:
    if not value:
        return None
    try:
        return Level(value)
    except ValueError:
        raise ConfigError(f"{path}: unknown level {value!r}") from None


def parse_int(value: str, path: Path) -> int:
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{path}: {value!r} is no whole number") from None
