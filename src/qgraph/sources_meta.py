"""Boilerplate removal and document metadata (used by :mod:`qgraph.sources`).

Metadata comes from a ``---`` header when there is one, else from the text: a dateline
(``齐鲁网·闪电新闻9月19日讯``, ``新华社济南9月19日电``), a ``来源：`` line, a full date near the top
(``2025年9月19日``) or in a signature (``二〇二五年九月十九日``), and a headline-like first line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from qgraph.display import shown
from qgraph.errors import ConfigError

__all__ = [
    "HEADER_KEYS", "Boilerplate", "byline_publisher", "dateline", "file_date", "header_date", "headline",
    "load_boilerplate", "parse_header", "site_owner", "source_publisher", "stamp_date", "text_date",
]

HEADER_KEYS = frozenset({"title", "date", "publisher", "place", "url"})
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")

@dataclasses.dataclass(frozen=True)
class Boilerplate:
    """Line patterns of platform boilerplate, read from ``boilerplate.tsv``.

    A ``drop_line`` rule removes the line; ``drop_rest`` removes it and every later line (once some
    content was kept, so a disclaimer cannot swallow a whole document). A named group ``title``
    in a pattern (``原标题：(?P<title>.+)``) gives a title hint.
    """

    rules: tuple[tuple[re.Pattern[str], str], ...]
    any_rule: re.Pattern[str]
    """All rules as one pattern, to pass over ordinary lines with a single match."""
    max_line: int = 1000
    """Longer lines are never boilerplate (and are not matched, which bounds the work)."""
    stamp_words: tuple[str, ...] = ()
    """Words of a page's publication stamp line (``publication_stamp_words.txt``; see :func:`stamp_date`)."""

    def strip(self, text: str) -> tuple[str, str | None]:
        """Return ``text`` without boilerplate lines, and a title hint if a rule gave one."""
        kept: list[str] = []
        hint = None
        content = False
        any_rule = self.any_rule
        for line in text.split("\n"):
            s = line.strip()
            kind = None
            if s and len(s) <= self.max_line and any_rule.fullmatch(s):
                for pattern, rule_kind in self.rules:
                    m = pattern.fullmatch(s)
                    if m:
                        kind = rule_kind
                        hint = hint or (m.groupdict().get("title") or "").strip() or None
                        break
            if kind == "drop_rest" and content:
                break
            if kind is None:
                kept.append(line)
                content = content or bool(s)
        return "\n".join(kept), hint


def load_boilerplate(path: Path) -> Boilerplate:
    """Read boilerplate rules (columns ``pattern kind note``) from ``path``, the ``boilerplate.tsv`` of a
    lexicon (:func:`qgraph.sources.boilerplate_rules` gives the chosen lexicon's, compiled once)."""
    rules = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path.name}: cannot read boilerplate rules ({exc.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#") or number == 1 and line.startswith("pattern\t"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or fields[1] not in ("drop_line", "drop_rest"):
            raise ConfigError(f"{path.name}:{number}: expected 'pattern<TAB>drop_line|drop_rest<TAB>note'")
        try:
            rules.append((re.compile(fields[0]), fields[1]))
        except re.error as exc:
            raise ConfigError(f"{path.name}:{number}: bad regular expression: {exc}") from None
    joined = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', p.pattern)})" for p, _ in rules)
    try:
        any_rule = re.compile(joined or "(?!)")
    except re.error as exc:
        raise ConfigError(f"{path.name}: rules cannot be combined ({exc}); use scoped flags "
                          "such as (?i:…) and no numbered back-references") from None
    return Boilerplate(tuple(rules), any_rule)


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YMD = re.compile(r"((?:19|20)\d\d)\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_YMD_DASH = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_CN_YMD = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_DATELINE = re.compile(
    r"(?P<pub>[^\s\d，。,:：;；（）()【】\[\]「」“”]{2,30}?)?\s?"
    r"(?:(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日)?(?P<kind>讯|电)(?=$|[\s（(【:：，,。])")
_BYLINE = re.compile(
    r"(?P<pub>[^\s\d，。,:：;；（）()【】\[\]「」“”]{2,30}?)(?:全媒体|融媒体)?记者\s?[^，。,]{0,30}?报道")
_AGENCY = re.compile(r".+(?:社|网|报|台|客户端|新闻)")
_SOURCE_LINE = re.compile(r"来源[:：]\s?(?P<pub>[^\s（）()【】\[\]，,。;；|/:：]{2,30})")
_HEADLINE_BAD_END = tuple("。，,；;：:、")


def _make_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _cn_number(s: str) -> int:
    if "十" not in s:
        return _CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def parse_header(text: str, source: str, notes: list[str]) -> tuple[dict[str, str], str]:
    """Split off a ``---`` header; return its fields and the rest of the text."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n", 52)
    if lines[0].rstrip() != "---":
        return {}, text
    end = next((i for i in range(1, min(len(lines), 52)) if lines[i].rstrip() == "---"), None)
    if end is None:
        notes.append(f"{shown(source)}: metadata header has no closing '---'; read as text")
        return {}, text
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.replace("：", ":", 1).partition(":")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            if line.strip():
                notes.append(f"{shown(source)}: header line {line.strip()[:40]!r} is not 'key: value'")
        elif key not in HEADER_KEYS:
            notes.append(f"{shown(source)}: unknown header key {key[:40]!r} ignored")
        elif value:
            if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            meta[key] = value
    return meta, "\n".join(lines[end + 1:])


def header_date(value: str, source: str, notes: list[str]) -> dt.date | None:
    m = _ISO_DATE.fullmatch(value)
    date = _make_date(int(m[1]), int(m[2]), int(m[3])) if m else None
    if date is None:
        notes.append(f"{shown(source)}: header date {value[:40]!r} is not a date YYYY-MM-DD; ignored")
    return date


def dateline(text: str, file_date: dt.date | None) -> tuple[str | None, dt.date | None]:
    """Publisher and date from a dateline (``…9月19日讯``, ``新华社济南9月19日电``) near the top.

    A date without a year takes the year from ``file_date`` (a date in the file name), choosing
    the year that puts it nearest to that date.
    """
    for line in _edge_lines(text, 3, 0):
        m = _DATELINE.match(line)
        if not m:
            continue
        pub = m["pub"] or ""
        agency = _AGENCY.match(pub)
        if m["kind"] == "电" and agency:
            pub = agency.group()
        elif not m["m"] and not (agency and agency.end() == len(pub)):
            continue  # "…讯" without a date is a dateline only after a media name
        publisher = None if not pub or pub.startswith("本") else pub
        date = None
        if m["m"]:
            month, day = int(m["m"]), int(m["d"])
            if m["y"]:
                date = _make_date(int(m["y"]), month, day)
            elif file_date:
                candidates = [_make_date(file_date.year + k, month, day) for k in (-1, 0, 1)]
                valid = [c for c in candidates if c]
                date = min(valid, key=lambda c: abs(c - file_date)) if valid else None
        return publisher, date
    return None, None


def byline_publisher(text: str) -> str | None:
    """The medium of a byline ``大众网·海报新闻记者 孙晓彤 淄博报道`` in the first or last lines."""
    for line in _edge_lines(text, 3, 3):
        m = _BYLINE.fullmatch(line)
        if m and not m["pub"].startswith("本"):
            return m["pub"]
    return None


def _edge_lines(text: str, first: int, last: int) -> list[str]:
    """The first and last non-empty lines (stripped), looking at a bounded part of the text."""
    head = [ln.strip() for ln in text[:3000].split("\n") if ln.strip()][:first]
    tail = [ln.strip() for ln in text[-3000:].split("\n") if ln.strip()][-last:] if last else []
    return head + tail


_DMY_DOT = re.compile(r"(?<![\d.])(\d{1,2})[.](\d{1,2})[.]((?:19|20)\d\d)(?![\d.])")
_Y_MD = re.compile(r"(?<![\d/])((?:19|20)\d\d)\s(\d{1,2})/(\d{1,2})(?![\d/])")
"""A stamp's year apart from its month and day (``2024 05/26 10:11:32``): read only with the stamp's clock."""
_CLOCK = re.compile(r"\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d)")
_WEEKDAY = re.compile(r"\s*(?:星期|周)[一二三四五六日天]")
_FACT_BEFORE = re.compile(r"(?:截至|截止|至|到|自|从|于|在|前|比|较)\s?$")
_FACT_AFTER = re.compile(r"\s?(?:起|以来|前|后|至|—|－|到|期间|底|末|[，,][^。；;]{0,12}?(?:共有|共计|累计|拥有|现有|总数|总量|有效))")


def stamp_date(text: str, words: tuple[str, ...]) -> dt.date | None:
    """The date of a page's publication stamp among the lines before the body (at most twelve: a saved page's
    navigation may come first) or the last three lines.

    A stamp is a short line that is no sentence (no ``。``) holding a full date (``2024年3月5日``,
    ``2024-03-05``, or day first or the year apart before a clock time, ``25.03.2016 09:38``, ``2024 05/26 10:11``) that stands alone on its line, is followed by a clock time (``2022-02-28 17:42``),
    or shares its line with a stamp word (``发布时间：``, ``来源：``, ``编辑：``, ``浏览``, ``A6版``).
    A date in a sentence of the body (``截至2023年12月31日，全市…``) is a fact's date and never read here.
    """
    head = []
    for ln in (ln.strip() for ln in text[:3000].split("\n")):
        if ln and len(head) < 12 and not (head and "。" in ln and len(ln) > 20):
            head.append(ln)
        elif ln:
            break  # the body's first sentence: a date after it is the body's
    tail = [ln.strip() for ln in text[-600:].split("\n") if ln.strip()][-3:]
    for line in head + tail:
        if len(line) > 120 or "。" in line:
            continue
        for pattern in (_YMD, _YMD_DASH, _DMY_DOT, _Y_MD):
            m = pattern.search(line)
            if not m:
                continue
            y, mo, d = (m[1], m[2], m[3]) if pattern is not _DMY_DOT else (m[3], m[2], m[1])
            if pattern in (_DMY_DOT, _Y_MD) and not _CLOCK.match(line, m.end()):
                continue  # 25.03.2016 09:38, 2024 05/26 10:11: these orders only with the clock of a stamp
            date = _make_date(int(y), int(mo), int(d))
            if date is None:
                continue
            if re.search(r"截[至止]|统计|数据", line[:m.start()]):
                continue  # 数据截至时间：2024年12月31日: the date of the figures, not of the page
            rest = line[:m.start()] + " " + line[m.end():]
            alone = not re.sub(r"[\s()（）\[\]【】|｜:：]", "", _WEEKDAY.sub("", _CLOCK.sub("", line[m.end():]))) \
                and not re.sub(r"[\s()（）\[\]【】|｜]", "", line[:m.start()])
            if alone or _CLOCK.match(line, m.end()) or any(w in rest for w in words):
                return date
    return None


def text_date(text: str) -> dt.date | None:
    """The first full date in the first 500 characters that is not a fact's date (``截至2023年12月31日``,
    ``2024年1月1日起``, ``2023年12月31日，全市共有…``; an event's date, ``2025年3月2日，会议召开``, stays the
    document's), else a signature date in the last lines."""
    for chunk in (text[:500], text[-200:]):
        for pattern in (_YMD, _YMD_DASH):
            for m in pattern.finditer(chunk):
                lead = chunk[max(chunk.rfind("\n", 0, m.start()) + 1, m.start() - 12):m.start()]
                if _FACT_BEFORE.search(lead[-3:]) or re.search(r"截[至止]", lead) or _FACT_AFTER.match(chunk, m.end()):
                    continue  # (数据截至时间：2024年12月31日: the figures' date too)
                date = _make_date(int(m[1]), int(m[2]), int(m[3]))
                if date:
                    return date
        m = _CN_YMD.search(chunk)
        if m:
            year = int("".join(str(_CN_DIGITS[c]) for c in m[1]))
            date = _make_date(year, _cn_number(m[2]), _cn_number(m[3]))
            if date:
                return date
    return None


def source_publisher(text: str) -> str | None:
    """The publisher of a ``来源：大众日报`` / ``（来源：…）`` line among the first or last lines."""
    for line in _edge_lines(text, 5, 5):
        m = _SOURCE_LINE.search(line)
        if m:
            return m["pub"]
    return None


_OWNER_LINE = re.compile(r"(?:(?i:copyright)|版权所有|主办单位|主办)[^\n]{0,40}?"
                         r"(?P<owner>[\u4e00-\u9fff]{2,16}?(?:委员会|人民政府|政府|局|委))(?![\u4e00-\u9fff])")


def site_owner(text: str) -> str | None:
    """The body that owns the page's site, from a footer's copyright or 主办 line among the last lines
    (``Copyright © 2002-2023 政协某某市委员会``): the page's publisher when no other is named."""
    for line in reversed(_edge_lines(text, 0, 8)):
        m = _OWNER_LINE.search(line)
        if m:
            return m["owner"]
    return None


def headline(text: str, markdown: bool) -> str | None:
    """The first line, if it looks like a headline: short, not a sentence, not a dateline."""
    first, sep, rest = text.lstrip().partition("\n")
    line = first.strip()
    if markdown:
        line = line.lstrip("#").strip()
    if not sep or not rest.strip() or not 4 <= len(line) <= 64:
        return None
    if "。" in line or line.endswith(_HEADLINE_BAD_END) or _DATELINE.match(line):
        return None
    if _BYLINE.fullmatch(line) or _SOURCE_LINE.search(line) or _PORTAL_ROW.search(line):
        return None
    return line


_PORTAL_ROW = re.compile(r"[|｜]|索\s*引\s*号|文件名称|文件类型|发布[:：]|浏览[:：]|[〔\[［(（]\d{4}[〕\]］)）]\d+号|^\d{4}[/-]\d{1,2}[/-]\d{1,2}")
"""Rows of a government portal's metadata table, not a headline."""


def file_date(stem: str) -> dt.date | None:
    m = _ISO_DATE.search(stem)
    return _make_date(int(m[1]), int(m[2]), int(m[3])) if m else None
