"""Time words of a lead line that introduces enumerated paragraphs: ``1-10月，某市注册商标呈现四大特点：``
followed by ``一是…。新增农产品商标348件``, ``二是…``. The lead's period governs the items below it, which
name none of their own, also when it is a window of months (which otherwise dates its own sentence only);
a paragraph that is no item ends the list."""

from __future__ import annotations

import re

from ..model import Sentence

ITEM_RE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、]|[（(][一二三四五六七八九十]{1,3}[）)]"
                     r"|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.](?!\d))")
"""The marker opening an enumerated paragraph (一是, 第一，, （一）, 一、, 1.)."""


def is_item(sent: Sentence) -> bool:
    """The sentence opens an enumerated paragraph."""
    return ITEM_RE.match(sent.span.text) is not None


def is_lead_line(sent: Sentence) -> bool:
    """The sentence ends with a colon: it introduces what follows."""
    return sent.span.text.rstrip().endswith(("：", ":"))
