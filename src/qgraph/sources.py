"""Pipeline stage ``sources``: read files into :class:`qgraph.model.Document` values.

A document is a ``.txt`` / ``.md`` / ``.html`` / ``.htm`` file in UTF-8 (with or without BOM),
GB18030 (GBK, GB2312) or UTF-16 / UTF-32 with BOM. An optional metadata header may open it::

    ---
    title: 枣庄市召开…新闻发布会
    date: 2025-09-19
    publisher: 齐鲁网·闪电新闻
    place: 枣庄市
    url:
    ---

:attr:`Document.text` is the body after the header, with line endings normalised to ``\\n`` and
platform boilerplate (``boilerplate.tsv`` of the lexicon the documents are read with) removed; nothing else is rewritten, so
offsets into it stay meaningful. Metadata the header does not give is read from the text (dateline,
``来源：``, first line). Bad input raises :class:`~qgraph.errors.InputError`; doubtful input is read
with a :class:`SourceWarning`. Every step runs in time linear in the size of the input.

>>> from pathlib import Path
>>> doc = read_document(Path("data/corpus/zaozhuang-quality-2025-09-19.txt"))  # doctest: +SKIP
>>> doc.publisher, doc.sentences[0].span.text[:8]  # doctest: +SKIP
('齐鲁网·闪电新闻', '齐鲁网·闪电新闻9月1')
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qgraph.errors import InputError
from qgraph.model import Document, Sentence, Span
from qgraph.sources_decode import decode
from qgraph.sources_html import html_to_text, looks_like_html
from qgraph.sources_meta import (
    Boilerplate, byline_publisher, dateline, file_date, header_date, headline, load_boilerplate, parse_header,
    site_owner, source_publisher, stamp_date, text_date,
)
from qgraph.sources_walk import IGNORE_MARKER, NOT_DOCUMENTS, SUFFIXES, Found, SourceWarning, collect, load_bytes

if TYPE_CHECKING:
    from qgraph.lexicon import Lexicon

__all__ = [
    "IGNORE_MARKER", "MAX_BYTES", "NOT_DOCUMENTS", "SUFFIXES", "Boilerplate", "SourceWarning", "decode", "iter_documents",
    "boilerplate_rules", "load_boilerplate", "read_document", "slugify", "split_sentences",
]

MAX_BYTES = 64 * 1024 * 1024
"""Larger files are refused."""
MAX_SENTENCE_IN_BRACKETS = 500
"""A sentence may run past 。 inside 《》 or “” only up to this many characters."""


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------

_OPENERS = "《“「『‘〈"
_CLOSERS = "》”」』’〉"
_SENTENCE_EVENT = re.compile(
    r"(?:[。！？]|[!?](?![A-Za-z0-9=&_/%.]))+[”’」』》〉）)】〕]*|\n|[《》“”「」『』‘’〈〉]")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences at 。！？!? and line breaks.

    Closing quotes and brackets stay with their sentence (``。”``); there is no split inside
    《》, “”, 「」, 『』, ‘’ or 〈〉 unless the sentence would exceed
    :data:`MAX_SENTENCE_IN_BRACKETS` characters. A bracket still open at the end of a line is
    treated as closed there. Spans exclude surrounding whitespace; empty pieces are skipped.

    >>> [s.span.text for s in split_sentences("他说：“好。”然后走了。\\n标题")]
    ['他说：“好。”', '然后走了。', '标题']
    """
    out: list[Sentence] = []
    start = depth = 0
    for m in _SENTENCE_EVENT.finditer(text):
        token = m.group()
        if token in _OPENERS:
            depth += 1
            continue
        if token in _CLOSERS:
            depth = max(0, depth - 1)
            continue
        if token == "\n":
            if m.start() == start:  # the line ended right after a sentence
                start, depth = m.end(), 0
                continue
        else:
            for ch in token:
                if ch in _CLOSERS and depth:
                    depth -= 1
            if depth and m.end() - start <= MAX_SENTENCE_IN_BRACKETS:
                continue
        _add_sentence(out, text, start, m.end())
        start, depth = m.end(), 0
    _add_sentence(out, text, start, len(text))
    return tuple(out)


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    if piece[:1].isspace() or piece[-1:].isspace():
        stripped = piece.lstrip()
        start += len(piece) - len(stripped)
        piece = stripped.rstrip()
    if piece:
        out.append(Sentence(len(out), Span(start, start + len(piece), piece)))


# ---------------------------------------------------------------------------------------------
# doc_id
# ---------------------------------------------------------------------------------------------

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(stem: str) -> str:
    """A slug of a file stem: lower-case ASCII letters, digits and ``-``; Chinese as pinyin.

    >>> slugify("枣庄 质量-2025")
    'zao-zhuang-zhi-liang-2025'
    """
    if not stem.isascii():
        import unicodedata

        from pypinyin import lazy_pinyin

        stem = "-".join(lazy_pinyin(unicodedata.normalize("NFKC", stem)))
    return _NON_SLUG.sub("-", stem.lower()).strip("-")[:80].strip("-") or "doc"


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

def boilerplate_rules(lexicon: Lexicon | None = None) -> Boilerplate:
    """The boilerplate rules of ``lexicon`` (its ``boilerplate.tsv``, or the bundled one when it holds
    none; default: the bundled lexicon), compiled once per lexicon."""
    from qgraph.lexicon import load_lexicon

    lex = lexicon if lexicon is not None else load_lexicon()
    return lex.cached("boilerplate rules", lambda: dataclasses.replace(
        load_boilerplate(lex.path("boilerplate.tsv")), stamp_words=lex.words("publication_stamp_words.txt")))


def read_document(path: Path, *, root: Path | None = None, lexicon: Lexicon | None = None) -> Document:
    """Read the document at ``path``, stripping the boilerplate lines of ``lexicon`` (default: the
    bundled lexicon's; :func:`boilerplate_rules`).

    ``Document.source`` is ``path`` relative to ``root`` (``/``-separated) when ``root`` is given
    and contains it, else ``path`` as given. Doubtful input is reported with
    :class:`SourceWarning`. Raise :class:`InputError` (naming the file and the problem) when the
    file cannot be read as a document.
    """
    source = _source_name(path, root)
    return _read(path, source, slugify(path.stem), boilerplate_rules(lexicon))


def iter_documents(paths: Sequence[Path], *,
                   known: Callable[[Path, str, str, bool], object | None] | None = None,
                   lexicon: Lexicon | None = None) -> Iterator[Document | InputError]:
    """Read every document named by ``paths``, yielding an :class:`InputError` for each bad one;
    the boilerplate lines stripped are those of ``lexicon`` (default: the bundled lexicon's).

    Files are read whatever their name; directories are walked recursively in sorted order for
    ``*.txt``, ``*.md``, ``*.html`` and ``*.htm`` files, skipping hidden entries (``.name``) and
    subdirectories marked with a ``.qgraphignore`` file (named directly, they are read), and
    following symbolic links only inside the directory named, never a loop (see
    :mod:`qgraph.sources_walk`). A directory without documents is an error. doc_ids that collide within the run get
    ``-2``, ``-3``, … in sorted path order (``shared``, the name of the graph of shared descriptions, is taken).

    ``known(open_path, source, doc_id, follow)`` is asked before each file is read: what it returns
    (not None) is yielded instead of reading the file (see :mod:`qgraph.readindex`).
    """
    found: list[Found] = []
    for path in paths:
        found += collect(path)
    ids: dict[Path, str] = {}
    used: set[str] = {"shared"}  # the IRI of the graph of shared descriptions, qggraph:shared
    for path in sorted({f.path for f in found if f.error is None}, key=str):
        base = doc_id = slugify(path.stem)
        n = 1
        while doc_id in used:
            n += 1
            doc_id = f"{base}-{n}"
        used.add(doc_id)
        ids[path] = doc_id
    rules = boilerplate_rules(lexicon)
    done: set[Path] = set()
    for item in found:
        if item.error is not None:
            yield item.error
        elif item.path not in done:
            done.add(item.path)
            if known is not None:
                hit = known(item.open_path, str(item.path), ids[item.path], item.follow)
                if hit is not None:
                    yield hit  # type: ignore[misc]
                    continue
            try:
                yield _read(item.open_path, str(item.path), ids[item.path], rules, follow=item.follow)
            except InputError as exc:
                yield exc


def _source_name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return str(path)


def _read(path: Path, source: str, doc_id: str, rules: Boilerplate, *, follow: bool = True) -> Document:
    notes: list[str] = []
    try:
        doc = _build(path, source, doc_id, rules, notes, follow)
    finally:
        for note in notes:
            warnings.warn(note, SourceWarning, stacklevel=3)
    return doc


_BODY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?年")
REPOST_GAP = 3
"""A page's date this many years or more after every year its body names is a repost's date, not the report's."""


def _not_reposted(text: str, date: dt.date | None) -> dt.date | None:
    """``date`` read from the page's lines, unless it is a repost's (``发布时间:2020-07-07`` over a report of
    2011 that plans for 2012): then the report's date is not known."""
    years = [int(y) for y in _BODY_YEAR.findall(text)]
    if date is not None and years and date.year - max(years) >= REPOST_GAP:
        return None
    return date


SPACED_SCALE_RE = re.compile(
    r"(?<=\d)[ \u00a0\u3000]+(?=[万亿]|元|%|％|年|家|个|项|件|批|名|条|台|次)"
    r"|(?<=[\u4e00-\u9fff])[ \u00a0\u3000]+(?=\d+(?:\.\d+)?[ \u00a0\u3000]*(?:[万亿]|元|%|％|年|家|个|项|件|批|名|条|台|次))")
"""A space typed between a number and its scale or unit (``100 万元``, ``98.5 %``, ``73 家``, ``2023 年度``), or
between a word and such a number (``发布了 73 家``): the number reads as one with its words."""


def _build(path: Path, source: str, doc_id: str, rules: Boilerplate, notes: list[str], follow: bool) -> Document:
    data = load_bytes(path, source, MAX_BYTES, follow=follow)
    if not data.strip():
        raise InputError(source, "empty document")
    raw, decode_notes = decode(data, source)
    notes += decode_notes
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = parse_header(raw, source, notes)
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(body):
        page = html_to_text(body)
        body = page.text
        for key, value in (("title", page.title), ("date", page.date),
                           ("publisher", page.publisher), ("url", page.url)):
            if value and key not in meta:
                meta[key] = value
    owner = site_owner(body)  # read before the footer goes with the boilerplate
    body, title_hint = rules.strip(body)
    text = SPACED_SCALE_RE.sub("", body.lstrip("\n").rstrip())  # 奖励 100 万元: one number with its scale
    if not text.strip():
        raise InputError(source, "empty document")
    date = header_date(meta["date"], source, notes) if "date" in meta else None
    dateline_pub, dateline_date = dateline(text, file_date(path.stem))
    return Document(
        doc_id=doc_id,
        source=source,
        text=text,
        title=meta.get("title") or headline(text, path.suffix.lower() == ".md") or title_hint,
        date=date or dateline_date or _not_reposted(text, stamp_date(text, rules.stamp_words) or text_date(text)),
        publisher=meta.get("publisher") or dateline_pub or byline_publisher(text) or source_publisher(text) or owner,
        place=meta.get("place"),
        url=meta.get("url"),
        sentences=split_sentences(text),
    )


