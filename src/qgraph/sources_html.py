"""Visible text and metadata of an HTML page, for the ``sources`` stage.

Uses the standard library :mod:`html.parser`. Because that parser takes quadratic time on some
malformed input (thousands of unclosed ``<a``, ``</`` or ``<!--``), the page first goes through a
linear pass that removes comments and escapes every ``<`` that does not open a complete tag.

>>> page = html_to_text("<html><head><title>标题</title><script>x()</script></head>"
...                     "<body><p>第一段&amp;。</p><p>第二段</p></body></html>")
>>> page.title, page.text
('标题', '第一段&。\\n第二段')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Page", "html_to_text", "looks_like_html"]

DROPPED = frozenset({"script", "style", "noscript", "template", "nav", "footer", "svg",
                     "iframe", "object", "canvas", "select", "button"})
"""Elements whose content is not article text."""
BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol",
                    "table", "section", "article", "header", "main", "aside", "blockquote", "pre",
                    "hr", "dl", "dt", "dd", "figure", "figcaption", "form", "address", "center"})
"""Elements that start and end a line."""
CELLS = frozenset({"td", "th"})
DATE_META = frozenset({"publishdate", "pubdate", "date", "article:published_time"})
PUBLISHER_META = frozenset({"source", "author", "og:site_name", "contentsource"})
URL_META = frozenset({"og:url"})

_HTML_START = re.compile(r"\s{0,200}<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
_TAG_START = re.compile(r"<(?:/?[A-Za-z]|![A-Za-z]|\?)")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \t\r\f]*\n\\s*(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_META_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_TITLE_SEPARATOR = re.compile(r"_|\s[|｜\-–]\s")


@dataclass(frozen=True)
class Page:
    """What :func:`html_to_text` read from a page."""

    text: str
    title: str | None = None
    date: str | None = None
    """Publication date as ``YYYY-MM-DD`` (not checked for validity)."""
    publisher: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """True if ``text`` opens with ``<!DOCTYPE html`` or ``<html``."""
    return bool(_HTML_START.match(text))


def html_to_text(html: str) -> Page:
    """Extract the visible text of ``html``, one line per block element, and its metadata."""
    parser = _Extractor()
    parser.feed(_sanitize(html))
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = _SPACES.sub(" ", "".join(parser.title)[:500]).strip()
    separator = _TITLE_SEPARATOR.search(title)
    short = title[:separator.start()].rstrip() if separator else title
    return Page(text=text, title=(short if len(short) >= 4 else title) or None,
                date=parser.meta.get("date"), publisher=parser.meta.get("publisher"),
                url=parser.meta.get("url"))


def _sanitize(html: str) -> str:
    """Remove comments and escape each ``<`` that does not open a tag closed before the next ``<``."""
    out: list[str] = []
    i, n = 0, len(html)
    while i < n:
        j = html.find("<", i)
        if j < 0:
            out.append(html[i:])
            break
        out.append(html[i:j])
        if html.startswith("<!--", j):
            k = html.find("-->", j + 4)
            if k < 0:
                break
            i = k + 3
            continue
        nxt = html.find("<", j + 1)
        nxt = n if nxt < 0 else nxt
        gt = html.find(">", j + 1, nxt)
        if gt < 0 or not _TAG_START.match(html, j):
            out.append("&lt;")
            i = j + 1
        else:
            out.append(html[j:gt + 1])
            i = gt + 1
    return "".join(out)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip = 0
        self.in_head = False
        self.in_title = False
        self.cells = 0
        """Cells opened so far in the current table row."""
        self.in_cell = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "link":
            values = dict(attrs)
            if (values.get("rel") or "").lower() == "canonical" and values.get("href"):
                self.meta.setdefault("url", values["href"] or "")
        elif tag == "title":
            self.in_title = not self.title
        elif tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = self.in_title = False
        elif tag in DROPPED:
            self.skip += 1
        elif tag in CELLS:  # a row is one line, its cells separated by " | "
            self.in_head = self.in_title = False
            self.parts.append(" | " if self.cells else "\n")
            self.cells += 1
            self.in_cell += 1
        elif tag in BLOCKS:
            self.in_head = self.in_title = False
            if tag in ("tr", "table"):
                self.cells, self.in_cell = 0, 0
            self.parts.append(" " if self.in_cell else "\n")  # a paragraph inside a cell stays in its row

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "head":
            self.in_head = False
        elif tag in DROPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in CELLS:
            self.in_cell = max(0, self.in_cell - 1)
        elif tag in BLOCKS:
            if tag in ("tr", "table"):
                self.cells, self.in_cell = 0, 0
            self.parts.append(" " if self.in_cell else "\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip and not self.in_head:
            if self.cells and not self.in_cell and not data.strip():
                return  # the layout between two cells of a row
            data = _CJK_BREAK.sub("", data)
            self.parts.append(data.replace("\n", " ") if self.in_cell else data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        content = (attrs.get("content") or "").strip()
        if not content:
            return
        if key in DATE_META:
            m = _META_DATE.match(content)
            if m:
                self.meta.setdefault("date", f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}")
        elif key in PUBLISHER_META:
            self.meta.setdefault("publisher", content[:100])
        elif key in URL_META:
            self.meta.setdefault("url", content)
