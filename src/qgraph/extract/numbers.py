"""Numbers in Chinese text: Arabic and Chinese numerals, scales and qualifiers.

Only number spans are converted; the text itself is never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"千": 1000, "万": 10_000, "亿": 100_000_000}

CN_NUMERAL = "零〇一二两三四五六七八九十百千"
NUMBER_RE = re.compile(
    r"(?P<pre>超过|突破|不少于|不低于|至少|超|近|(?<![节签预制违履合条])约|逾|共计|合计|累计|共)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+(?: \d{1,2}(?=%|％))?)?|[零〇一二两三四五六七八九十百千]{1,8}|(?<=近|约|逾)(?=万|亿))"
    r"(?:(?P<mid>余|多)(?=万|亿))?(?P<scale>万|亿|(?<=\d)千(?![克瓦米焦帕伏赫]))?"
    r"(?P<post>余|多)?"
)
"""A number with an optional leading qualifier, a scale word (万, 亿, and 千 after digits: 3千余份) and a 余/多 after it (3万余) or before the scale (60余万);
a percentage's decimals may be split by a space (``95.1 2%``: 95.12); after 近 / 约 / 逾 the scale alone is one of it
(``近万元``: about 10,000); the 约 of a word (节约, 签约, 预约) is no qualifier (为企业节约120万元: 1,200,000 exactly)."""

PRE_QUALIFIERS = {"超过": "超过", "超": "超", "近": "近", "约": "约", "逾": "逾", "突破": "突破",
                  "不少于": "不少于", "不低于": "不低于", "至少": "至少"}
TRAILING_QUALIFIERS = ("以上", "左右", "多")


def parse_chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十二, 二十, 一百零五, 两千三百; None if malformed."""
    if not text or any(ch not in _DIGITS and ch not in _SMALL for ch in text):
        return None
    total = 0
    current = 0
    seen_digit = False
    for ch in text:
        if ch in _DIGITS:
            current = current * 10 + _DIGITS[ch] if seen_digit and current else _DIGITS[ch]
            seen_digit = True
        else:
            unit = _SMALL[ch]
            total += (current or 1) * unit
            current = 0
            seen_digit = False
    return total + current


def small_count(text: str) -> int | None:
    """A count written in Arabic digits (``5``, ``12``) or as one Chinese numeral character (``五``,
    ``两``, ``十``); None for anything else (a numeral of two characters such as ``十二`` is not read)."""
    if text.isdigit():
        return int(text)
    return parse_chinese_numeral(text) if len(text) == 1 else None


@dataclass(frozen=True, slots=True)
class NumberToken:
    start: int
    end: int
    value: Decimal
    qualifier: str | None
    is_chinese: bool


def parse_number(match: re.Match[str]) -> NumberToken | None:
    """Turn a :data:`NUMBER_RE` match into a value (scale applied), or None."""
    raw = match.group("num")
    if not raw:  # 近万元: the scale word alone, about one of it
        if not match.group("scale") or match.group("pre") not in ("近", "约", "逾"):
            return None
        raw = "1"
    chinese = not raw[0].isdigit()
    if chinese:
        if raw in ("一", "零", "〇") or (raw in ("百", "千") and not match.group("pre")):
            return None
        ival = parse_chinese_numeral(raw)
        if ival is None:
            return None
        value = Decimal(ival)
    else:
        try:
            value = Decimal(raw.replace(",", "").replace(" ", ""))
        except InvalidOperation:
            return None
    if match.group("scale"):
        value *= _LARGE[match.group("scale")]
    qualifier = None
    if match.group("pre") in PRE_QUALIFIERS:
        qualifier = PRE_QUALIFIERS[match.group("pre")]
    if match.group("post") or match.group("mid"):
        qualifier = match.group("post") or match.group("mid")  # 60余万家: some 600,000
    return NumberToken(match.start(), match.end(), normalise(value), qualifier, chinese)


_WIDE = Context(prec=200)


def normalise(value: Decimal) -> Decimal:
    """Drop a useless exponent or trailing zeros (442600.00 → 442600; 96.20 → 96.2)."""
    value = value.normalize(_WIDE)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=_WIDE)  # 29 digits and more overflow the default context
    return value
