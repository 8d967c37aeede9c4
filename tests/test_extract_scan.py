"""Every :class:`qgraph.extract.scan.Scan` of the extractor gives exactly the matches of its pattern's
``finditer``: on every bundled and evaluation document, and on random texts made of pieces of
them around the scan's anchors, of punctuation and of list words."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import pytest

import qgraph.extract
from qgraph.extract.bureau_lists import list_scan
from qgraph.extract.people import post_scan
from qgraph.extract.scan import Scan, org_scans
from qgraph.extract.shared_system_heads import system_scan
from qgraph.lexicon import load_lexicon
from regen_extraction_golden import document_paths


def _scans() -> dict[str, Scan]:
    out: dict[str, Scan] = {}
    for info in pkgutil.iter_modules(qgraph.extract.__path__):
        module = importlib.import_module(f"qgraph.extract.{info.name}")
        out.update({f"{info.name}.{k}": v for k, v in vars(module).items() if isinstance(v, Scan)})
    out.update({f"scan.org_scans.{k}": v for k, v in org_scans(load_lexicon()).items()})
    out["bureau_lists.list_scan"] = list_scan(load_lexicon())
    out["people.post_scan"] = post_scan(load_lexicon())
    out["shared_system_heads.system_scan"] = system_scan(load_lexicon())
    return out


SCANS = _scans()
TEXTS = [p.read_text(encoding="utf-8") for p in document_paths()]
FILLERS = ["，", ",", "、", "。", "；", ";", ":", "：", "“", "”", '"', "《", "》", "「", "」", "\n", " ", "\u3000",
           "等", "3", "12", "个", "条", "和", "省级", "国家级", "市", "全市", "（", "）", "(", ")", "的", "类", "产品"]


def _spans(scan: Scan, text: str, pos: int = 0, endpos: int | None = None) -> tuple[list, list]:
    end = len(text) if endpos is None else endpos
    got = [(m.span(), m.groupdict()) for m in scan.finditer(text, pos, end)]
    want = [(m.span(), m.groupdict()) for m in scan.pattern.finditer(text, pos, end)]
    return got, want


def test_the_package_has_scans() -> None:
    assert len(SCANS) >= 10


@pytest.mark.parametrize("name", sorted(SCANS))
def test_scan_matches_finditer_on_the_documents(name: str) -> None:
    scan = SCANS[name]
    found = 0
    for text in TEXTS:
        got, want = _spans(scan, text)
        assert got == want, name
        found += len(want)
        got, want = _spans(scan, text, 7, len(text) - 5)
        assert got == want, name


@pytest.mark.parametrize("name", sorted(SCANS))
def test_scan_matches_finditer_on_random_texts(name: str) -> None:
    scan = SCANS[name]
    rng = random.Random(name)
    pieces: list[str] = []
    for text in TEXTS:
        for m in re.finditer(scan.anchor, text):
            window = text[max(0, m.start() - 30):m.end() + 12]
            pieces += [window[i:i + rng.randint(1, 8)] for i in range(0, len(window), 3)]
    pieces += re.findall(r"[\u4e00-\u9fff]{1,4}", "".join(TEXTS[:3]))[:300]
    texts = ["".join(rng.choice(pieces if rng.random() < 0.6 else FILLERS) for _ in range(rng.randint(1, 40)))
             for _ in range(600)]
    found = [m for text in texts + TEXTS for m in scan.pattern.finditer(text)]
    for m in rng.sample(found, min(len(found), 40)):  # a match with a stranger inside: does it still match?
        for filler in FILLERS:
            at = rng.randint(m.start(), m.end())
            texts.append(m.string[max(0, m.start() - 5):at] + filler + m.string[at:m.end() + 5])
    for text in texts:
        got, want = _spans(scan, text)
        assert got == want, (name, text)
