"""Read source documents into :class:`qgraph.model.Document` values (pipeline stage ``sources``).

First version: UTF-8 text, optional ``---`` metadata header, sentence splitting, doc_id.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from qgraph.errors import InputError
from qgraph.model import Document, Sentence, Span

SUFFIXES = (".txt", ".md", ".html", ".htm")
HEADER_KEYS = ("title", "date", "publisher", "place", "url")


class SourceWarning(UserWarning):
    """A document was read, but something about it looked wrong (the message names the file)."""


_TERMINATORS = "。！？!?"
_CLOSERS = "”’」』》）)】"
_SENTENCE_END = re.compile(f"[{_TERMINATORS}]+[{_CLOSERS}]*|\n")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` at sentence-final punctuation and line breaks."""
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return tuple(out)


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(len(out), Span(start, end, text[start:end])))


def slugify(stem: str) -> str:
    """Return an ASCII slug of a file stem (pinyin for Chinese characters)."""
    if not stem.isascii():
        from pypinyin import lazy_pinyin

        stem = "-".join(lazy_pinyin(stem))
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "doc"


def _parse_header(lines: list[str], name: str) -> tuple[dict[str, str], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for i in range(1, min(len(lines), 40)):
        if lines[i].strip() == "---":
            meta: dict[str, str] = {}
            for line in lines[1:i]:
                key, sep, value = line.partition(":")
                if sep and key.strip() in HEADER_KEYS and value.strip():
                    meta[key.strip()] = value.strip()
            return meta, i + 1
    return {}, 0


def read_document(path: Path, *, root: Path | None = None) -> Document:
    """Read one document; raise :class:`InputError` if it cannot be read."""
    source = path.relative_to(root).as_posix() if root else str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(source, "binary file, not text") from None
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    meta, skip = _parse_header(lines, source)
    text = "\n".join(lines[skip:]).strip("\n").rstrip()
    if not text.strip():
        raise InputError(source, "empty document")
    date = None
    if "date" in meta:
        try:
            date = dt.date.fromisoformat(meta["date"])
        except ValueError:
            warnings.warn(f"{source}: bad date {meta['date']!r} in header", SourceWarning, stacklevel=2)
    return Document(
        doc_id=slugify(path.stem),
        source=source,
        text=text,
        title=meta.get("title"),
        date=date,
        publisher=meta.get("publisher"),
        place=meta.get("place"),
        url=meta.get("url"),
        sentences=split_sentences(text),
    )


def iter_documents(paths: Sequence[Path]) -> Iterator[Document | InputError]:
    """Read every document named by ``paths`` (files, or directories walked recursively)."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
        else:
            files.append(p)
    seen: dict[str, int] = {}
    for f in files:
        try:
            doc = read_document(f)
        except InputError as err:
            yield err
            continue
        n = seen.get(doc.doc_id, 0) + 1
        seen[doc.doc_id] = n
        if n > 1:
            doc = Document(**{**{s: getattr(doc, s) for s in Document.__slots__}, "doc_id": f"{doc.doc_id}-{n}"})
        yield doc
